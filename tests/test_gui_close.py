"""Closing the program: the daily automatic backup runs on the database lane behind a busy
dialog, is verified, happens once a day, and a failure is said in words. Real TaskRunner
(a worker thread), real encrypted database, offscreen widgets."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from sro_case.accounts.vault import database_key
from sro_case.backups.service import verify_file
from ui.app import backup_on_close
from ui.busy import BusyDialog, run_busy
from ui.tasks import TaskRunner

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]


@pytest.fixture
def runner(qapp):  # type: ignore[no-untyped-def]
    lane = TaskRunner(qapp)
    yield lane
    lane.wait()


def _visible_busy_dialogs() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_slow_work_shows_a_busy_dialog_and_returns_its_result(runner) -> None:  # type: ignore[no-untyped-def]
    seen: list[list[str]] = []
    QTimer.singleShot(400, lambda: seen.append([d.labelText() for d in _visible_busy_dialogs()]))
    result, error = run_busy(
        runner, "Wird gesichert …", lambda: time.sleep(0.8) or 42, show_after_ms=100
    )
    assert (result, error) == (42, None)
    assert seen == [["Wird gesichert …"]]  # shown while the worker was busy
    assert not _visible_busy_dialogs()  # and gone afterwards


def test_quick_work_shows_no_dialog_and_errors_come_back(qtbot, runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    real_show = BusyDialog.show
    monkeypatch.setattr(BusyDialog, "show", lambda self: shown.append("show") or real_show(self))

    def fail() -> None:
        raise OSError("Datenträger voll")

    result, error = run_busy(runner, "…", fail, show_after_ms=2000)
    assert result is None and isinstance(error, OSError)
    qtbot.wait(2200)  # past the moment the dialog would have been shown
    assert shown == []  # work over before 2 s: no dialog flashed up


def test_the_busy_dialog_cannot_be_closed_while_the_work_runs(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    states: list[bool] = []

    def try_to_close() -> None:
        dialogs = _visible_busy_dialogs()
        assert len(dialogs) == 1
        qtbot.keyClick(dialogs[0], Qt.Key_Escape)
        dialogs[0].close()
        dialogs[0].reject()
        states.append(dialogs[0].isVisible())

    QTimer.singleShot(300, try_to_close)
    result, _error = run_busy(runner, "Wird gesichert …", lambda: time.sleep(0.8) or "fertig")
    assert result == "fertig"
    assert states == [True]  # Esc, close and reject left it open
    assert not _visible_busy_dialogs()


def test_backup_on_close_writes_a_verified_backup_once_a_day(store, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "Sicherungen"
    QSettings().setValue("backup/folder", str(folder))
    first = backup_on_close(store, runner)
    assert first is not None and first.path.parent == folder
    report = verify_file(first.path, database_key(store))
    assert report.ok, report.problems
    assert backup_on_close(store, runner) is None  # the same day: not again
    assert len(list(folder.glob("*.db"))) == 1


def test_a_failed_backup_on_close_is_reported(store, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "kein-ordner"
    blocker.write_text("eine Datei, wo der Sicherungsordner hin soll", encoding="utf-8")
    QSettings().setValue("backup/folder", str(blocker))
    shown: list[str] = []

    def read_and_close(tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        elif tries:  # for 5 s at most, so it cannot outlive this test
            QTimer.singleShot(50, lambda: read_and_close(tries - 1))

    QTimer.singleShot(50, read_and_close)
    assert backup_on_close(store, runner) is None
    assert len(shown) == 1
    assert shown[0].startswith("Die automatische Sicherung ist fehlgeschlagen:\n\n"), shown
    assert "Dort liegt eine Datei, wo ein Ordner sein müsste." in shown[0]  # words, not Errno
    assert Path(blocker).read_text(encoding="utf-8").startswith("eine Datei")  # untouched
