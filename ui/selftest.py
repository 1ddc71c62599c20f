"""The window part of ``sro-case --self-test`` (the core part is ``sro_case/selftest.py``).

Without a display it runs offscreen (``QT_QPA_PLATFORM`` set by the caller wins, so
``QT_QPA_PLATFORM=xcb`` checks the real platform plugin). It checks what a bundle can lose
without anyone noticing until a user starts it: the platform plugin, Qt's German dialog texts
(qtbase_de), the SVG icon (the svg image-format and icon-engine plugins), the stylesheet and the
English translation; then it opens the main window on the self-test database and closes it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sro_case.selftest import SelfTest
    from sro_case.store import Store


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def run_window(test: SelfTest, store: Store) -> None:
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    def application():
        from PySide6.QtCore import QSettings

        from ui.app import create_application

        # settings go to the temporary folder: the user's own settings stay untouched
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(store.path.parent)
        )

        app = create_application(["sro-case", "--self-test"])
        _check(bool(app.platformName()), "keine Qt-Plattform geladen")
        return app

    app = test.step("Qt starten", application)
    test.out(f"          Plattform {app.platformName()}")

    def resources() -> None:
        from PySide6.QtCore import QLibraryInfo, QTranslator
        from PySide6.QtGui import QIcon, QImageReader

        from sro_case.paths import resources_dir
        from ui.i18n import translation_files

        qt_de = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _check(qt_de.load("qtbase_de", folder), f"qtbase_de fehlt in {folder}")
        _check(
            qt_de.translate("QPlatformTheme", "Cancel") == "Abbrechen", "qtbase_de übersetzt nicht"
        )
        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        _check("svg" in formats, f"kein SVG-Modul (Bildformate: {sorted(formats)})")
        icon = QIcon(str(resources_dir() / "icons" / "sro-case.svg"))
        _check(not icon.pixmap(48, 48).isNull(), "das Programmsymbol lässt sich nicht zeichnen")
        _check(not app.windowIcon().isNull(), "kein Fenstersymbol")
        from ui.app_style import AppStyle

        _check(isinstance(app.style(), AppStyle), "der Stil der Anwendung fehlt")
        _check(bool(translation_files("en")), "englische Übersetzung fehlt")

    test.step("Qt-Übersetzungen, SVG-Symbol, Stil", resources)

    def window() -> None:
        from PySide6.QtWidgets import QApplication

        from ui.main_window import MainWindow
        from ui.tasks import InlineTaskRunner

        main = MainWindow(store, InlineTaskRunner())
        try:
            main.show()
            QApplication.processEvents()
            _check(main.isVisible(), "das Hauptfenster erscheint nicht")
            rows = main.case_list.model.rowCount()
            _check(rows == 1, f"die Fallliste zeigt {rows} statt 1 Fall")
            _check(not main.grab().isNull(), "das Hauptfenster lässt sich nicht zeichnen")
        finally:
            main.close()
            main.deleteLater()
            QApplication.processEvents()

    test.step("Hauptfenster öffnen und schließen", window)
