"""Due dates (Fristen): reviews due, consents expiring within 30 days, overdue action steps —
for one worker or for everybody."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from sro_case.app import Application
from ui.i18n import core_text, error_text
from ui.refcounts import emit
from ui.table_sorting import make_sortable
from ui.tables import ID_ROLE, Row, RowsTableModel, german_date, number
from ui.tasks import Runner

SHOWN = 500  # the earliest deadlines in the table; the summary counts all of them


class DeadlinesPage(QWidget):
    case_activated = Signal(int)

    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self._loaded = False
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        caption = QLabel(self.tr("Fristen &für:"))
        self.worker = QComboBox()
        self.worker.setAccessibleName(self.tr("Fristen für Fachkraft"))
        caption.setBuddy(self.worker)
        bar.addWidget(caption)
        bar.addWidget(self.worker)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = RowsTableModel(
            [
                self.tr("fällig am"),
                self.tr("Stand"),
                self.tr("Art"),
                self.tr("Aktenzeichen"),
                self.tr("Familie"),
                self.tr("Fachkraft"),
                self.tr("Was"),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Fristen"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        make_sortable(self.table)
        self.table.activated.connect(self._on_activated)
        self.table.doubleClicked.connect(self._on_activated)
        layout.addWidget(self.table)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.worker.addItem(self.tr("alle Fachkräfte"), None)
        self.worker.addItem(self.tr("meine Fälle"), store.actor)
        if store.role == "caseworker":  # a caseworker looks at their own deadlines first
            self.worker.setCurrentIndex(1)
        self.worker.currentIndexChanged.connect(lambda _i: self.reload())

        def fill(users: list[Any]) -> None:
            for u in users:
                if u.role in ("caseworker", "admin", "facilitator"):
                    self.worker.addItem(u.name, u.login)

        runner.submit(store.users.list, fill, lambda exc: self.summary.setText(error_text(exc)))

    def showEvent(self, event: Any) -> None:
        """Loaded when first shown, not at start: at 100,000 cases the counts take a moment,
        and on the one database lane they would hold up the case list and its search."""
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        store, worker = self.store, self.worker.currentData()
        self.runner.submit(
            lambda: store.deadlines.overview(worker=worker, limit=SHOWN),
            self._show,
            lambda exc: self.summary.setText(error_text(exc)),
        )

    def _show(self, overview: Any) -> None:
        items = overview.items
        kinds = {
            "review": self.tr("Überprüfung"),
            "consent": self.tr("Einwilligung"),
            "step": self.tr("Schritt"),
        }
        today = self.store.clock.today()
        self.model.set_rows(
            [
                Row(
                    d.case_id,
                    (
                        german_date(d.due_on),
                        self._when(d.due_on, today),
                        kinds.get(d.kind, d.kind),
                        d.file_number,
                        d.family_name,
                        d.worker,
                        core_text(d.what),
                    ),
                    sort_keys=(d.due_on.isoformat(), d.due_on.isoformat()),
                    marked=d.overdue(today),
                )
                for d in items
            ]
        )
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        text = (
            self.tr("%1 Fristen, davon %2 überschritten")
            .replace("%1", number(overview.total))
            .replace("%2", number(overview.overdue))
        )
        if len(items) < overview.total:
            text += " · " + self.tr(
                "angezeigt: die %1 frühesten – nach Fachkraft eingrenzen"
            ).replace("%1", number(len(items)))
        self.summary.setText(text)

    def _when(self, due: date, today: date) -> str:
        """Overdue, today, this week or later: the groups the list is read by."""
        days = (due - today).days
        if days < 0:
            return self.tr("überschritten")
        if days == 0:
            return self.tr("heute")
        if days <= 7:
            return self.tr("in den nächsten 7 Tagen")
        return self.tr("in den nächsten 4 Wochen")

    def _on_activated(self, index: QModelIndex) -> None:
        case_id = index.data(ID_ROLE)
        if case_id is not None:
            emit(self.case_activated, int(case_id))

    def clear(self) -> None:
        self._loaded = False
        self.model.set_rows([])
        self.summary.clear()
