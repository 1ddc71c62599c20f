"""Application start: Qt translations, the stylesheet, the unlock dialog, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from sro_case import __version__
from sro_case.paths import default_database_path, resources_dir


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("SRO-Fallmanagement")
    app.setOrganizationName("Hansestadt Rostock")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.German, QLocale.Germany))
    # qt_de pulls a multimedia catalogue that Essentials lacks: load qtbase_de directly.
    translator = QTranslator(app)
    if translator.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(translator)
    style = resources_dir() / "style.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app  # type: ignore[return-value]


def run(db: Path | None = None) -> int:
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner
    from ui.unlock_dialog import UnlockDialog

    app = create_application()
    runner = TaskRunner(app)
    dialog = UnlockDialog(Path(db) if db else default_database_path(), runner)
    if dialog.exec() != UnlockDialog.Accepted or dialog.store is None:
        runner.wait()
        return 0
    window = MainWindow(dialog.store, runner)
    window.show()
    return app.exec()
