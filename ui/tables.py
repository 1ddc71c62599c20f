"""A small read-only table model over prepared rows (tuples of display strings plus an id).

Used by the case file's tabs. Rows are built by the caller from service results; the model
never queries anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from sro_case.domain.formatting import german_date as german_date  # the tables' dates
from sro_case.domain.sorting import german_key
from ui.refcounts import emit
from ui.tasks import Runner

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    id: int
    cells: tuple[str, ...]
    sort_keys: tuple[Any, ...] = ()  # optional per column, e.g. ISO dates
    tooltip: str = ""
    marked: bool = False  # shown in the warning colour (expired, overdue, entrusted)
    muted: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


class HeaderedTableModel(QAbstractTableModel):
    """Flat table over ``self._rows`` with fixed ``self._headers``: the shared Qt plumbing."""

    _rows: list[Any]
    _headers: list[str]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


Count = Callable[[], int]
Page = Callable[[int, int], list[Any]]  # (offset, limit) -> rows


class PagedTableModel(HeaderedTableModel):
    """Rows from a service, a page at a time, fetched on the task runner as the view scrolls
    (canFetchMore/fetchMore); the case list and the audit chain.

    ``query()`` returns the count and page functions for the current filter and order (a
    snapshot: later pages come from the same query). A generation counter drops answers that
    a newer ``reload`` has overtaken, and a reload still waiting on the lane is skipped."""

    loaded = Signal(int)  # total number of matching rows
    failed = Signal(object)
    PAGE = 200

    def __init__(self, runner: Runner, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._rows: list[Any] = []
        self._total = 0
        self._generation = 0
        self._fetching = False
        self._again = False  # the data changed while a load was on its way: load once more
        self._counting = False  # the rows are shown, their count is on its way
        self._page: Page = lambda _offset, _limit: []

    def query(self) -> tuple[Count, Page]:
        raise NotImplementedError

    @property
    def total(self) -> int:
        return self._total

    def is_loading(self) -> bool:
        """The rows of a reload, or a further page, are still on their way (a count that
        follows rows already shown does not count)."""
        return self._fetching and not self._counting

    def refresh(self) -> None:
        """The same query again because the data changed (a colleague's change on the team
        server): a load already on its way is not overtaken – the user gets its rows at once –
        and the query is sent once more when it has arrived."""
        if self._fetching:
            self._again = True
            return
        self.reload()

    def _settled(self) -> None:
        if self._again:
            self._again = False
            self.reload()

    def reload(self) -> None:
        self._again = self._counting = False  # this load is sent after the change
        self._generation += 1
        generation, page_size = self._generation, self.PAGE
        count, page = self.query()
        self._page = page
        self._fetching = True

        # The rows first, the count after them: the rows are on screen while the count is
        # still being read (on the team server a search's count costs more than its page). A
        # page that is not full is the whole answer and needs no count.
        def work() -> list[Any] | None:
            if generation != self._generation:
                return None  # overtaken while it waited on the lane
            return page(0, page_size)

        def done(rows: list[Any] | None) -> None:
            if rows is None or generation != self._generation:
                return
            self.beginResetModel()
            self._rows = list(rows)
            self._total = len(self._rows)  # until counted: nothing to fetch beyond
            self.endResetModel()
            if len(self._rows) < page_size:
                counted(len(self._rows))
            else:
                self._counting = True
                self._runner.submit(
                    lambda: count() if generation == self._generation else None,
                    counted,
                    self._on_error,
                )

        def counted(total: int | None) -> None:
            if total is None or generation != self._generation:
                return
            self._fetching = self._counting = False
            self._total = total
            emit(self.loaded, self._total)
            self._settled()

        self._runner.submit(work, done, self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        self._fetching = self._again = self._counting = False
        emit(self.failed, exc)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        # Never insert rows from inside another model change (views and testers call
        # fetchMore while handling one): start the query from the event loop.
        QTimer.singleShot(0, self._fetch_page)

    def _fetch_page(self) -> None:
        generation, page, offset, page_size = (
            self._generation,
            self._page,
            len(self._rows),
            self.PAGE,
        )

        def done(rows: list[Any]) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            if rows:
                self.beginInsertRows(
                    QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1
                )
                self._rows.extend(rows)
                self.endInsertRows()
            self._settled()

        self._runner.submit(lambda: page(offset, page_size), done, self._on_error)

    def clear(self) -> None:
        """Drop every row (the lock screen: no decrypted data stays in the views)."""
        self._generation += 1
        self._fetching = self._again = self._counting = False
        self.beginResetModel()
        self._rows, self._total = [], 0
        self.endResetModel()


class RowsTableModel(HeaderedTableModel):
    WARN = QColor("#a61b1b")
    MUTED = QColor("#6b7785")

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:  # new rows keep the order the user chose
            column, order = self._sorted_by
            self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By the column's sort key (dates by date, text the German way, empty cells last);
        stable, so equal rows keep the caller's order. Column -1: the caller's order."""
        if not (0 <= column < len(self._headers)):
            return
        emit(self.layoutAboutToBeChanged)
        self._sorted_by = (column, order)
        self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        emit(self.layoutChanged)

    @staticmethod
    def _key(column: int) -> Callable[[Row], tuple[int, int, Any]]:
        """Rows with an explicit sort key (an ISO date, a size) by it, the others by their text
        the German way, empty cells last; the middle rank keeps the two kinds of key apart."""

        def key(row: Row) -> tuple[int, int, Any]:
            if column < len(row.sort_keys) and row.sort_keys[column] is not None:
                return (0, 0, row.sort_keys[column])
            text = row.cells[column] if column < len(row.cells) else ""
            return (0, 1, german_key(text)) if text else (1, 1, ())

        return key

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if not (0 <= col < len(self._headers)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.cells[col] if col < len(row.cells) else ""
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and row.tooltip:
            return row.tooltip
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.marked:
                return QBrush(self.WARN)
            if row.muted:
                return QBrush(self.MUTED)
        return None


def number(n: int) -> str:
    """A count with the thousands separator of the UI language (123.180 / 123,180)."""
    return QLocale().toString(int(n))


def euros(cents: int | None) -> str:
    """An amount in the UI language's number format: 1.205,00 € / €1,205.00 (#15). Exact:
    the cents are formatted as integers, no float rounding."""
    if cents is None:
        return ""
    locale = QLocale()
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    text = f"{sign}{locale.toString(whole)}{locale.decimalPoint()}{rest:02d}"
    if locale.language() == QLocale.Language.German:
        return f"{text} €"
    return f"€{text}"
