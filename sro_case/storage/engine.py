"""The one place where an encrypted database is opened.

``open_engine`` keys every new connection with the raw 256-bit key (no KDF per connection),
silences SQLCipher's own stderr log, probes right after keying (SQLCipher accepts any key and
fails only at the first read), and sets the pragmas the design asks for: foreign keys, WAL with
``synchronous=FULL``, ``temp_store=MEMORY``. The pool is chosen explicitly. Write transactions
start with ``BEGIN IMMEDIATE`` so that two writers never interleave a read-then-write.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from sro_case.domain.messages import T
from sro_case.errors import DatabaseDamaged, DatabaseMissing

WRITE_OPTION = "sro_write"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_SALT = re.compile(r"^(?:[0-9a-f]{32})?$")


def key_pragma(key: bytes, *, salt_hex: str = "", name: str = "key") -> str:
    """``PRAGMA key`` (or ``rekey``) with a raw 256-bit key, optionally followed by the file's
    salt (``x'<key><salt>'``: a new file gets the salt of its source, so the source's key file
    fits it). Nothing but checked hex is ever formatted into the pragma."""
    hex_key = key.hex()
    if not _HEX64.match(hex_key) or not _SALT.match(salt_hex) or name not in ("key", "rekey"):
        raise ValueError("database key must be 32 bytes, salt 16 bytes")
    return f"PRAGMA {name} = \"x'{hex_key}{salt_hex}'\""


def _german_collation(a: str, b: str) -> int:
    from sro_case.domain.sorting import german_key

    ka, kb = german_key(a), german_key(b)
    return (ka > kb) - (ka < kb)


CACHE_KIB = 64 * 1024  # page cache per connection; filled only as pages are read


def connect_keyed(
    path: Path,
    key: bytes,
    *,
    salt_hex: str = "",
    readonly: bool = False,
    probe: bool = True,
    damaged: str | None = None,
) -> Any:
    """A bare keyed DB-API connection, probed unless ``probe=False`` (a file about to be
    written): for backups, restores and key rotation, which need no WAL and no pool.
    Raises DatabaseDamaged (``damaged``: the message) if the key does not open the file."""
    path = Path(path)
    if readonly:
        target, uri = path.resolve().as_uri() + "?mode=ro", True
    else:
        target, uri = str(path), False
    conn = sqlcipher3.connect(target, uri=uri, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key, salt_hex=salt_hex))
        if probe:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise DatabaseDamaged(
            damaged
            or T(
                "Die Datenbank {name} kann mit dem richtigen Schlüssel nicht gelesen werden: "
                "sie ist beschädigt, abgeschnitten oder gehört nicht zu dieser Schlüsseldatei. "
                "Stellen Sie sie aus einer Sicherung wieder her.",
                name=path.name,
            )
        ) from exc
    return conn


def connect_raw(path: Path, key: bytes, *, create: bool = False) -> Any:
    """A keyed, probed connection with the pragmas the design asks for (WAL, FULL sync,
    foreign keys, recursive triggers, page cache, German collation). Raises DatabaseMissing or DatabaseDamaged."""
    path = Path(path)
    if not create and not path.is_file():
        raise DatabaseMissing(T("Die Datenbank {path} existiert nicht.", path=path))
    conn = connect_keyed(path, key)
    conn.execute("PRAGMA foreign_keys = ON")
    # REPLACE fires the delete triggers only with this on: the statistics tally (migration
    # 0008) would keep the rows an INSERT OR REPLACE removed
    conn.execute("PRAGMA recursive_triggers = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA busy_timeout = 10000")
    # SQLCipher decrypts every page it reads from the OS; the default 2 MiB page cache made a
    # 100,000-case list re-decrypt the same pages on every query (measured 3x slower).
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.create_collation("DE", _german_collation)
    return conn


def open_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """A SQLAlchemy engine over the encrypted file at ``path``."""
    path = Path(path)
    if not create and not path.is_file():
        raise DatabaseMissing(T("Die Datenbank {path} existiert nicht.", path=path))
    # Probe once now, so that a bad file fails here with a clear message, not at first use.
    connect_raw(path, key, create=create).close()

    def creator() -> Any:
        return connect_raw(path, key, create=False)

    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=6,
        pool_use_lifo=True,  # reuse the connection whose page cache is warm
    )
    _install_transaction_control(engine)
    return engine


def optimize(conn: Any) -> None:
    """Refresh the query planner's statistics where they are missing or stale, inside the
    caller's write transaction. ``analysis_limit`` keeps it cheap (0.25 s on a 100,000-case
    database without statistics, next to nothing when they are current). Without statistics
    SQLite sorted all 100,000 cases to show the first 200 by family name (20 ms instead of 5)."""
    conn.exec_driver_sql("PRAGMA analysis_limit = 400")
    conn.exec_driver_sql("PRAGMA optimize = 0x10002")


def _install_transaction_control(engine: Engine) -> None:
    """Take transaction control from the driver (see SQLAlchemy's pysqlite notes)."""

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def database_salt(path: Path) -> str:
    """SQLCipher's per-file salt (the first 16 bytes), hex; identifies the file for its key file."""
    with open(path, "rb") as fh:
        return fh.read(16).hex()


EngineFactory = Callable[[Path, bytes], Engine]
