"""Sorting a table from the keyboard (#15): a click on a column header sorts (again: the other
way), and the same is reached without the mouse – Umschalt+F10 or the menu key in the table
opens "Sortieren nach" with one numbered entry per column (the current one marked ▲/▼;
choosing it again turns the order round)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QTableView


def make_sortable(view: QTableView, *, keep_order: bool = True) -> None:
    """Sorting by header click and by keyboard. ``keep_order``: the rows stay in the order the
    caller gave until the user sorts (no column is marked at first)."""
    header = view.horizontalHeader()
    if keep_order:
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(lambda pos: sort_menu(view).exec(view.mapToGlobal(pos)))
    shortcut = QShortcut(QKeySequence("Shift+F10"), view)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(lambda: sort_menu(view).exec(view.mapToGlobal(_menu_point(view))))
    hint = view.tr("Umschalt+F10: Sortieren nach …")
    view.setAccessibleDescription(hint)
    header.setToolTip(
        view.tr("Klick: nach dieser Spalte sortieren, noch ein Klick: umgekehrt.") + " " + hint
    )


def sort_by(view: QTableView, column: int) -> None:
    """Sort by ``column``; by the current column again: the other way round."""
    header = view.horizontalHeader()
    if header.sortIndicatorSection() == column:
        order = (
            Qt.SortOrder.DescendingOrder
            if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
    else:
        order = Qt.SortOrder.AscendingOrder
    header.setSortIndicator(column, order)  # the view sorts the model (sorting is enabled)


def sort_menu(view: QTableView) -> QMenu:
    menu = QMenu(view.tr("Sortieren nach"), view)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    model = view.model()
    header = view.horizontalHeader()
    title = menu.addAction(view.tr("Sortieren nach"))
    title.setEnabled(False)
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        label = str(
            model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
        )
        mark = ""
        if header.sortIndicatorSection() == column:
            mark = "  ▲" if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else "  ▼"
        prefix = f"&{column + 1} " if column < 9 else ""
        action = menu.addAction(f"{prefix}{label.replace('&', '&&')}{mark}")
        action.triggered.connect(lambda _=False, c=column: sort_by(view, c))
    return menu


def _menu_point(view: QTableView) -> QPoint:
    """Where the keyboard's menu opens: at the current cell, else the table's corner."""
    index = view.currentIndex()
    if index.isValid():
        return view.visualRect(index).bottomLeft() + view.viewport().pos()
    return QPoint(8, view.horizontalHeader().height())
