"""Main window (first version): the case list of the unlocked database.

Everyday case work (case file tabs, due dates, filters, auto-lock) follows in the desktop client.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from sro_case import __version__
from sro_case.services.store import Store
from ui.case_table_model import CaseTableModel

PAGE = 500


class MainWindow(QMainWindow):
    def __init__(self, store: Store, runner: Any) -> None:
        super().__init__()
        self.store = store
        self.runner = runner
        self.setWindowTitle(
            self.tr("SRO-Fallmanagement — %1").replace("%1", store.path.name)
        )
        central = QWidget()
        layout = QVBoxLayout(central)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Fallliste"))
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            self.tr("Datenbank: %1 · angemeldet: %2 · Version %3")
            .replace("%1", str(store.path))
            .replace("%2", store.actor)
            .replace("%3", __version__)
        )
        quit_action = QAction(self.tr("&Beenden"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu(self.tr("&Datei"))
        file_menu.addAction(quit_action)
        self.resize(1200, 760)
        geometry = QSettings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.reload()

    def reload(self) -> None:
        store = self.store
        self.runner.submit(
            lambda: (store.cases.count(), store.cases.list(limit=PAGE)),
            self._on_loaded,
            self._on_error,
        )

    def _on_loaded(self, result: tuple[int, list[Any]]) -> None:
        total, rows = result
        self.model.set_rows(rows)
        self.summary.setText(self.tr("%1 Fälle").replace("%1", f"{total:,}".replace(",", ".")))
        self.table.resizeColumnsToContents()

    def _on_error(self, exc: BaseException) -> None:
        self.summary.setText(str(exc))

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        QSettings().setValue("main/geometry", self.saveGeometry())
        self.model.clear()
        self.runner.wait()
        self.store.close()
        super().closeEvent(event)
