"""Application start: language, stylesheet, the start screen (create / open / demo),
unlocking off the GUI thread, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from sro_case import __version__
from sro_case.paths import default_database_path, resources_dir
from ui import app_style
from ui.i18n import install_language

if TYPE_CHECKING:  # annotations only: the start stays light
    from sro_case.app import Application
    from ui.start_dialog import Choice
    from ui.tasks import Runner


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("SRO-Fallmanagement")
    app.setOrganizationName("Hansestadt Rostock")
    app.setApplicationVersion(__version__)
    install_language(str(QSettings().value("ui/language", "de")))
    icon = resources_dir() / "icons" / "sro-case.svg"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    from ui.main_thread_gc import install as collect_on_gui_thread

    collect_on_gui_thread(app)  # garbage with Qt objects must never be freed on a worker thread
    app_style.install(app)  # the look, without a style sheet (see ui/app_style.py)
    return app


def choose_database(explicit: Path | None) -> Choice | None:
    """The database to open and whether to fill it with demo data – or the team server, when
    that was the last one; asks on first run."""
    from ui.start_dialog import StartDialog, TeamServerChoice

    if explicit is not None:
        return Path(explicit), False
    if QSettings().value("start/mode") == "server":
        return TeamServerChoice()
    last = QSettings().value("db/last_path")
    if last and Path(str(last)).exists():
        return Path(str(last)), False
    if default_database_path().exists():
        return default_database_path(), False
    choice = StartDialog.ask(default_database_path())
    if choice is None:
        return None
    return choice


def backup_on_close(store: Application, runner: Runner) -> Any:
    """The automatic backup on closing, at most one a day, with a busy dialog (a city-sized
    database takes half a minute to copy and verify; without one the program seemed gone
    while it still held the database). A failure is shown; the backup is then simply missing."""
    from ui.busy import run_busy

    keep = int(str(QSettings().value("backup/keep", 14)))
    folder = QSettings().value("backup/folder")
    service = store.backups
    result, error = run_busy(
        runner,
        QApplication.translate(
            "App", "Die Datenbank wird gesichert und geprüft (einmal am Tag beim Beenden) …"
        ),
        lambda: service.backup_if_due(Path(str(folder)) if folder else None, keep=keep),
        show_after_ms=300,
    )
    if error is not None:
        from ui.i18n import error_text

        QMessageBox.warning(
            None,
            "SRO-Fallmanagement",
            QApplication.translate("App", "Die automatische Sicherung ist fehlgeschlagen:")
            + "\n\n"
            + error_text(error),
        )
    return result


def run(db: Path | None = None) -> int:
    """The client: choose and unlock a database, the main window, and again for another one
    chosen from Datei → Datenbank wechseln."""
    from ui.tasks import TaskRunner

    app = create_application()
    runner = TaskRunner(app)
    chosen = choose_database(db)
    code = 0
    while chosen is not None:
        if isinstance(chosen, tuple):
            code, chosen = _session(app, runner, *chosen)
        else:
            code, chosen = _server_session(app, runner)
    return code


def _server_session(app: Any, runner: Runner) -> tuple[int, Choice | None]:
    """The team server from signing in to closing (#18)."""
    from ui.connect_dialog import ConnectDialog

    dialog = ConnectDialog(runner)
    if dialog.exec() != ConnectDialog.DialogCode.Accepted or dialog.store is None:
        runner.wait()
        QSettings().setValue("start/mode", "file")  # next time: the start screen again
        return 0, None
    QSettings().setValue("start/mode", "server")
    return _windows(app, runner, dialog.store)


def _session(app: Any, runner: Runner, path: Path, demo: bool) -> tuple[int, Choice | None]:
    """One database from unlocking to closing; returns the exit code and the database chosen
    next (None: quit)."""
    from sro_case.local import location_warning
    from ui.unlock_dialog import UnlockDialog

    warning = location_warning(path)
    if warning:
        answer = QMessageBox.warning(
            None,
            "SRO-Fallmanagement",
            warning + "\n\n" + QApplication.translate("App", "Trotzdem fortfahren?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 0, None
    dialog = UnlockDialog(path, runner)
    if dialog.exec() != UnlockDialog.DialogCode.Accepted or dialog.store is None:
        runner.wait()
        return 0, None
    store = dialog.store
    QSettings().setValue("db/last_path", str(path))
    QSettings().setValue("start/mode", "file")
    if demo:
        from sro_case.local import fill_with_demo_cases
        from ui.busy import run_busy

        _, error = run_busy(
            runner,
            QApplication.translate("App", "Demodaten werden erzeugt …"),
            lambda: fill_with_demo_cases(store, 500, seed=1),
        )
        if error is not None:
            from ui.i18n import error_text

            QMessageBox.warning(None, "SRO-Fallmanagement", error_text(error))
    return _windows(app, runner, store)


def _windows(app: Any, runner: Runner, store: Application) -> tuple[int, Choice | None]:
    """The main window on a signed-in session until it closes (again after a change of
    language); returns the exit code and what was chosen next (Datei → Datenbank wechseln)."""
    from ui.main_window import MainWindow

    windows: list[MainWindow] = []
    following: list[Choice] = []

    def open_window() -> None:
        window = MainWindow(store, runner)
        window.language_changed.connect(switch_language)
        window.switch_requested.connect(following.append)
        windows.append(window)
        window.show()

    def switch_language(language: str) -> None:
        install_language(language)
        old = windows.pop()
        old.hide()
        old.deleteLater()
        open_window()

    open_window()
    code = app.exec()
    runner.wait()
    backup_on_close(store, runner)
    runner.wait()  # anything a late callback of the window queued behind the backup
    store.close()
    return code, (following[-1] if following else None)
