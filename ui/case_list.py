"""The case list: a lazily fetched table over all cases, with filters and instant search.

``CaseListModel`` holds rows (CaseSummary) and fetches further pages only when the view
scrolls near the end (canFetchMore/fetchMore). Every query runs on the task runner; results
come back through callbacks on the GUI thread. A generation counter drops answers to queries
that a newer filter or sort has overtaken.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain.catalogues import catalogue
from sro_case.domain.models import SORT_COLUMNS, CaseFilter
from sro_case.domain.phonetics import cologne_phonetic
from sro_case.errors import ServerUnreachable
from ui.i18n import core_label, error_text
from ui.refcounts import emit
from ui.table_sorting import make_sortable
from ui.tables import ID_ROLE, Count, Page, PagedTableModel, RowsTableModel, german_date, number
from ui.tasks import Runner

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class CaseListModel(PagedTableModel):
    PAGE = PAGE

    def __init__(self, store: Application, runner: Runner, parent: Any = None) -> None:
        super().__init__(runner, parent)
        self._store = store
        self._filter = CaseFilter()
        self._sort = "file_number"
        self._descending = False
        self._statuses = catalogue("case_statuses")
        self._headers = [
            self.tr("Aktenzeichen"),
            self.tr("Familie"),
            self.tr("Sozialraum"),
            self.tr("Status"),
            self.tr("fallführende Fachkraft"),
            self.tr("nächste Überprüfung"),
        ]

    # -- loading -------------------------------------------------------------------------
    def query(self) -> tuple[Count, Page]:
        cases, flt, sort, desc = self._store.cases, self._filter, self._sort, self._descending
        return (
            lambda: cases.count(flt),
            lambda offset, limit: cases.list(
                flt, limit=limit, offset=offset, sort=sort, descending=desc
            ),
        )

    def reload(self, f: CaseFilter | None = None) -> None:
        if f is not None:
            self._filter = f
        super().reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(SORT_COLUMNS)):
            return
        sort, descending = SORT_COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._sort, self._descending):
            return  # the view announces its initial order; nothing to load again
        self._sort, self._descending = sort, descending
        self.reload()

    # -- Qt model API: rows, columns and headers come from HeaderedTableModel ---------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = (
                row.file_number,
                row.family_name,
                row.social_space,
                core_label(self._statuses.label(row.status)),
                row.lead_worker,
                german_date(row.next_review),
            )
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "abgeschlossen":
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor("#6b7785"))
        overdue = (
            index.column() == 5
            and row.next_review is not None
            and row.status != "abgeschlossen"
            and row.next_review < self._store.clock.today()
        )
        if overdue and role == Qt.ItemDataRole.ForegroundRole:  # an overdue review stands out (#15)
            from PySide6.QtGui import QBrush

            return QBrush(RowsTableModel.WARN)
        if overdue and role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            bold = QFont()
            bold.setBold(True)
            return bold
        if overdue and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Überprüfung überschritten")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and self._filter.search:
            return self.why_found(row.family_name, row.file_number)
        return None

    def why_found(self, family_name: str, file_number: str) -> str | None:
        """Why a row matches the search, where it is not plain to see (#15): "klingt wie …"
        for a hit by Kölner Phonetik, else a hint that a household member's name matched."""
        words = [w for w in (self._filter.search or "").split() if w]
        names = [n for n in family_name.replace("-", " ").split() if n.casefold() != "familie"]
        shown = " ".join((family_name, file_number)).casefold()
        unseen = [w for w in words if w.casefold() not in shown]
        if not unseen:
            return None
        for w in unseen:
            code = cologne_phonetic(w)
            sounding = [n for n in names if code and cologne_phonetic(n) == code]
            if sounding:
                return (
                    self.tr("klingt wie „%1“ (gesucht: %2)")
                    .replace("%1", sounding[0])
                    .replace("%2", w)
                )
        return self.tr("gefunden über den Namen einer Person im Haushalt")


class CaseListPage(QWidget):
    """Filters, search field and the table. Emits ``case_activated`` with a case id."""

    case_activated = Signal(int)

    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Suche nach Name oder Aktenzeichen (Strg+F)"))
        self.search.setAccessibleName(self.tr("Suche"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.space = QComboBox()
        self.space.setAccessibleName(self.tr("Filter Sozialraum"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter Status"))
        self.worker = QComboBox()
        self.worker.setAccessibleName(self.tr("Filter Fachkraft"))
        self.review_due = QCheckBox(self.tr("Über&prüfung fällig"))
        for label, combo in (
            (self.tr("So&zialraum:"), self.space),
            (self.tr("S&tatus:"), self.status),
            (self.tr("Fach&kraft:"), self.worker),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            bar.addWidget(caption)
            bar.addWidget(combo, 1)
        bar.addWidget(self.review_due)
        layout.addLayout(bar)

        self.model = CaseListModel(store, runner, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Fallliste"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        # indicator first: enabling sorting then asks for the order the model already has
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        make_sortable(self.table, keep_order=False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # size columns from the first rows only (Qt's default of 1000 rows cost 0.1 s per load)
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        layout.addWidget(self.table)
        self.count_label = QLabel()
        self.retry_button = QPushButton(self.tr("Erneut versuchen (F5)"))  # network trouble
        self.retry_button.clicked.connect(self.apply_filter)
        self.retry_button.hide()
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label)
        count_row.addWidget(self.retry_button)
        count_row.addStretch(1)
        layout.addLayout(count_row)
        self._sized = False

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self._open_first = False
        self.search.returnPressed.connect(self._on_search_return)
        self.search.installEventFilter(self)
        for combo in (self.space, self.status, self.worker):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.review_due.toggled.connect(lambda _b: self.apply_filter())
        self.model.loaded.connect(self._on_model_loaded)
        self.model.failed.connect(self._on_failed)
        self._fill_filters()

    def _on_failed(self, exc: BaseException) -> None:
        self.count_label.setText(error_text(exc))
        self.retry_button.setVisible(isinstance(exc, ServerUnreachable))

    def _fill_filters(self) -> None:
        everything = self.tr("alle")
        self.status.blockSignals(True)
        self.status.addItem(everything, None)
        for item in catalogue("case_statuses"):
            self.status.addItem(core_label(item.name), item.code)
        self.status.blockSignals(False)
        store = self.store

        def done(result: tuple[list[Any], list[Any]]) -> None:
            spaces, users = result
            for combo, items in ((self.space, spaces), (self.worker, users)):
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(everything, None)
                for it in items:
                    combo.addItem(it.name, it.code if hasattr(it, "code") else it.login)
                combo.blockSignals(False)

        self.runner.submit(
            lambda: (store.catalog.social_spaces(), store.users.list()),
            done,
            lambda exc: self.count_label.setText(error_text(exc)),
        )

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            search=self.search.text().strip() or None,
            social_space=self.space.currentData(),
            status=self.status.currentData(),
            worker=self.worker.currentData(),
            review_due=self.review_due.isChecked(),
        )

    def apply_filter(self) -> None:
        self.model.reload(self.current_filter())

    def _on_search_return(self) -> None:
        """Enter in the search field opens the first hit (after the search, if still due)."""
        if self._debounce.isActive() or self.model.is_loading():
            self._debounce.stop()
            self._open_first = True
            self.apply_filter()
            return
        self._open_row(0)

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self._on_table_activated(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ in the search field moves into the hits."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _on_model_loaded(self, total: int) -> None:
        self.retry_button.hide()
        if self._open_first:
            self._open_first = False
            self._open_row(0)
        self.count_label.setText(self.tr("%1 Fälle").replace("%1", number(total)))
        if not self._sized and self.model.rowCount():
            # Size the columns once, from the first page, so later pages do not make them jump.
            self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            for column in range(self.model.columnCount() - 1):
                header.resizeSection(column, min(max(header.sectionSize(column) + 16, 110), 320))
            self._sized = True

    def _on_table_activated(self, index: QModelIndex) -> None:
        case_id = index.data(ID_ROLE)
        if case_id is not None:
            emit(self.case_activated, int(case_id))

    def selected_case_id(self) -> int | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def clear(self) -> None:
        self.model.clear()
        self.count_label.clear()
