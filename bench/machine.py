"""How fast this machine is right now: two fixed workloads, measured at the start and at the
end of a run, so that runs on different (or shared, drifting) machines can be compared.

``machine_python_ms`` is plain Python (arithmetic, strings, a dict, a sort), as in the demo
generator and the export's layout; ``machine_sqlite_ms`` is plain in-memory SQLite (a scan, a
sort for GROUP BY and a count of distinct values), as in every query. Neither touches the
product: a run whose product figures rise together with these two ran on a slower machine,
one whose product figures rise alone has a regression.
"""

from __future__ import annotations

import sqlcipher3

from bench.timing import Results, repeat_ms

SQL = """
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000)
SELECT x % 97, count(*), count(DISTINCT x % 1013) FROM n GROUP BY 1
"""


def _python() -> int:
    words: dict[str, int] = {}
    for i in range(60_000):
        key = f"Fall-{i % 5003:05d}"
        words[key] = words.get(key, 0) + i * i % 7
    return len(sorted(words.items(), key=lambda kv: (kv[1], kv[0])))


def _sqlite() -> int:
    conn = sqlcipher3.connect(":memory:")  # no key: plain SQLite, the same library
    try:
        return len(conn.execute(SQL).fetchall())
    finally:
        conn.close()


def measure(res: Results, when: str, runs: int = 5) -> None:
    """Adds this moment's samples to ``machine_python_ms`` and ``machine_sqlite_ms``; the
    medians are over the samples of both moments, each moment is kept in the notes."""
    for name, fn in (("machine_python_ms", _python), ("machine_sqlite_ms", _sqlite)):
        samples = repeat_ms(fn, runs, warmup=1)
        res.notes[f"{name}_{when}"] = round(sorted(samples)[len(samples) // 2], 2)
        res.record(name, res.samples.get(name, []) + samples)
