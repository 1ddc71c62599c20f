"""Shared fixtures: real SQLCipher files in tmp_path, a cheap KDF so tests stay fast
(the default-cost KDF is exercised in tests/test_keyfile.py), a fixed clock."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sro_case.clock import FixedClock
from sro_case.storage.keyfile import KdfParams
from sro_case.store import Store, create_database
from tests.postgres import pg_server, pg_url  # noqa: F401  (fixtures)

FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSPHRASE = "Löwenzahn 'Fall\" 🌼 Kröpelin"


@pytest.fixture(autouse=True)
def journal_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Journals of unsaved input (``kernel.journal``) in a folder of the test's own, never in
    the user's data folder."""
    folder = tmp_path_factory.mktemp("journal")
    monkeypatch.setenv("SRO_CASE_JOURNAL_DIR", str(folder))
    return folder


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 25, 10, 0))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "daten" / "fallakten.db"


@pytest.fixture
def created(db_path: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    result = create_database(db_path, PASSPHRASE, kdf=FAST_KDF, clock=clock)
    yield result
    result.store.close()


@pytest.fixture
def store(created) -> Store:  # type: ignore[no-untyped-def]
    return created.store


@pytest.fixture
def gui_settings(tmp_path: Path, qapp):  # type: ignore[no-untyped-def]
    """The application set up as at start, with its settings in ``tmp_path`` (empty) instead of
    the user's; German again afterwards."""
    from PySide6.QtCore import QSettings

    from ui.app import create_application
    from ui.i18n import install_language

    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    create_application()
    yield
    install_language("de")
