"""#18: the journal of unsaved input – encrypted on this PC until saved, readable again after a
crash by the same person only, on the file of one PC and on the team server alike."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from sro_case import store as store_module
from sro_case.clock import FixedClock
from sro_case.kernel.journal import Journal, new_key
from sro_case.remote import connect
from sro_case.server.api import create_app
from tests.conftest import PASSPHRASE
from tests.postgres import serving, team_database

CAPTURE = (
    '{"family_will": "Lena möchte wieder gern zur Schule gehen 🌼", "case": "51.2-2026-000101"}'
)
ANNA = "Anna arbeitet im ASD seit 2019"
SINA = "Sina Schulsozialarbeit Evershagen"


@pytest.fixture(autouse=True)
def journal_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "journale"
    monkeypatch.setenv("SRO_CASE_JOURNAL_DIR", str(root))
    return root


def _on_disk(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_the_journal_holds_no_plaintext_and_refuses_a_changed_byte(tmp_path: Path) -> None:
    key = new_key()
    journal = Journal(tmp_path / "j", key, "anna")
    journal.keep("konferenz 51.2-2026-000101", CAPTURE)
    raw = _on_disk(tmp_path / "j")
    assert b"Lena" in CAPTURE.encode() and b"Lena" not in raw and b"51.2-2026" not in raw
    assert journal.read("konferenz 51.2-2026-000101") == CAPTURE
    assert journal.names() == ["konferenz 51.2-2026-000101"]
    assert Journal(tmp_path / "j", key, "sina").names() == []  # another person's
    assert Journal(tmp_path / "j", new_key(), "anna").names() == []  # another key
    entry = next((tmp_path / "j").iterdir())
    data = bytearray(entry.read_bytes())
    data[-1] ^= 1
    entry.write_bytes(bytes(data))
    assert journal.read("konferenz 51.2-2026-000101") is None  # changed on disk: refused
    journal.discard("konferenz 51.2-2026-000101")
    assert journal.names() == [] and not any((tmp_path / "j").iterdir())


def test_on_the_file_the_key_lives_in_the_database(store, journal_root: Path) -> None:  # type: ignore[no-untyped-def]
    store.journal.keep("konferenz 1", CAPTURE)
    path, clock = store.path, store.clock
    store.close()  # as after a crash: the next session unlocks and finds it
    again = store_module.unlock(path, PASSPHRASE, clock=clock)
    try:
        assert again.journal.read("konferenz 1") == CAPTURE
        assert b"Lena" not in _on_disk(journal_root)
    finally:
        again.close()


@pytest.fixture
def server_url(pg_url: str) -> Iterator[str]:
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, _people = team_database(
        pg_url,
        clock,
        ("anna", "Anna Asmus", "asd", ANNA),
        ("sina", "Sina Schulz", "schulsozialarbeit", SINA),
    )
    with serving(create_app(engine, clock=clock)) as url:
        yield url
    engine.dispose()


def test_on_the_team_server_the_key_comes_from_the_server(
    server_url: str, journal_root: Path
) -> None:
    with connect(server_url, "anna", ANNA) as anna:  # type: ignore[attr-defined]
        anna.journal.keep("konferenz 51.2-2026-000101", CAPTURE)
    # the client is gone (crashed); signed in again, the same person reads her capture
    with connect(server_url, "anna", ANNA) as again:  # type: ignore[attr-defined]
        assert again.journal.read("konferenz 51.2-2026-000101") == CAPTURE
    with connect(server_url, "sina", SINA) as sina:  # type: ignore[attr-defined]
        assert sina.journal.names() == []  # on the same PC: not hers
    raw = _on_disk(journal_root)
    assert raw and b"Lena" not in raw and b"51.2" not in raw
