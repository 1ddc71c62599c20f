"""The shared frame of the Verwaltung pages: ``AdminPage`` (busy bar, message line, work on the
task runner) and the small helpers the pages share (table set-up, selection, times, the Yes/No
question before something is removed for good)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sro_case.app import Application
from ui.i18n import error_text
from ui.table_sorting import make_sortable
from ui.tables import RowsTableModel
from ui.tasks import Runner


def german_time(value: datetime) -> str:
    return value.strftime("%d.%m.%Y %H:%M")


def setup_table(view: QTableView, model: Any, *, multi: bool = False) -> None:
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    if isinstance(model, RowsTableModel):  # the audit log keeps its chain order
        make_sortable(view)


def selected_rows(view: QTableView) -> list[int]:
    return sorted({i.row() for i in view.selectionModel().selectedRows()})


def ask_yes_no(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """A warning with Yes/No where No is the default (for Enter and Esc too)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(
        QCoreApplication.translate("AdminConfirm", "&Nein")
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    answer = box.exec()
    box.deleteLater()
    return answer == QMessageBox.StandardButton.Yes


class AdminPage(QWidget):
    """Shared frame of the pages: a busy bar and one message line under the content.

    ``run()`` submits work to the task runner, disables the page's buttons meanwhile and
    shows a failure as a German message; ``done`` runs on the GUI thread. ``cases_changed``
    tells the main window to reload its case list (after a deletion or a legal hold).
    """

    cases_changed = Signal()

    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.layout_ = QVBoxLayout(self)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Bitte warten"))
        self.busy.setFormat("")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: list[QPushButton] = []
        self.working = False
        self._generation = 0  # clear() drops the answers of work still under way

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.message)

    def button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        self.buttons.append(b)
        return b

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setObjectName("errorMessage" if error else "okMessage")
        self.message.setStyleSheet("" if error else "color: #1b5e20;")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def run(
        self, work: Callable[[], Any], done: Callable[[Any], None], busy_text: str = ""
    ) -> None:
        self.working = True
        generation = self._generation
        self.busy.setVisible(True)
        for b in self.buttons:
            b.setEnabled(False)
        if busy_text:
            self.show_message(busy_text)

        def finished(result: Any) -> None:
            self._idle()
            if generation == self._generation:
                done(result)

        def failed(exc: BaseException) -> None:
            self._idle()
            if generation == self._generation:
                self.show_message(error_text(exc), error=True)

        self.runner.submit(work, finished, failed)

    def _idle(self) -> None:
        self.working = False
        self.busy.setVisible(False)
        for b in self.buttons:
            b.setEnabled(True)
        self.update_buttons()

    def update_buttons(self) -> None:
        """Enable what fits the selection (subclasses)."""

    def reload(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Drop every row (the application locks)."""
        self._generation += 1
        self.message.clear()
