"""#17/#18: the team server's session as the facade (``sro_case.remote``) holds it – locking ends
it on the server, unlocking signs in again, the own passphrase is changed there, and what the
team server leaves to the city's IT is refused in words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from sro_case.clock import FixedClock
from sro_case.errors import SroCaseError, WrongPassphrase
from sro_case.remote import RemoteApplication, connect
from sro_case.server.api import create_app
from tests.postgres import ADMIN_PASSPHRASE as ADMIN
from tests.postgres import serving, team_database

ANNA = "Anna arbeitet im ASD seit 2019"
NEW = "Neue Passphrase am Stadthafen 2027"


@pytest.fixture
def server_url(pg_url: str) -> Iterator[str]:
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, _people = team_database(pg_url, clock, ("anna", "Anna Asmus", "asd", ANNA))
    with serving(create_app(engine, clock=clock)) as url:
        yield url
    engine.dispose()


def test_locking_ends_the_session_and_unlocking_signs_in_again(server_url: str) -> None:
    app = connect(server_url, "anna", ANNA)
    assert isinstance(app, RemoteApplication) and app.role == "caseworker"
    assert app.cases.count() == 0
    app.release_caches()  # the window is locked
    with pytest.raises(WrongPassphrase):  # the old token is worth nothing now
        app.cases.count()
    with pytest.raises(WrongPassphrase):
        app.verify_passphrase("falsch geraten")
    assert app.verify_passphrase(ANNA) == "anna"
    assert app.cases.count() == 0
    app.close()


def test_the_own_passphrase_is_changed_on_the_server(server_url: str) -> None:
    with connect(server_url, "anna", ANNA) as app:  # type: ignore[attr-defined]
        with pytest.raises(WrongPassphrase):
            app.change_passphrase("nicht die alte Passphrase", NEW)
        with pytest.raises(SroCaseError):  # too weak: refused like every passphrase
            app.change_passphrase(ANNA, "kurz")
        app.change_passphrase(ANNA, NEW)
    with pytest.raises(WrongPassphrase):
        connect(server_url, "anna", ANNA)
    with connect(server_url, "anna", NEW) as again:  # type: ignore[attr-defined]
        assert again.actor == "anna"


def test_what_the_city_it_does_is_refused_in_words(server_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with connect(server_url, "admin", ADMIN) as app:  # type: ignore[attr-defined]
        assert app.backups.backups() == [] and app.backups.backup_if_due() is None
        with pytest.raises(SroCaseError, match="pg_dump"):
            app.backups.backup(tmp_path)
        with pytest.raises(SroCaseError, match="Teamserver"):
            app.retention.periods()
        assert app.renews_key_on_removal is False
