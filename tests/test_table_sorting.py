"""Sorting a column without the mouse (#15): Umschalt+F10 in a table opens "Sortieren nach",
a digit picks the column, the same column again turns the order round; dates sort as dates,
German text the German way, empty cells last, and new rows keep the chosen order."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QTableView

from ui.table_sorting import make_sortable
from ui.tables import Row, RowsTableModel

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]


def _rows() -> list[Row]:
    born = [date(2015, 3, 14), date(2009, 12, 1), None, date(2020, 1, 20)]
    names = ["Öztürk", "Abel", "Zander", "Ostrowski"]
    return [
        Row(
            i,
            (name, d.strftime("%d.%m.%Y") if d else ""),
            sort_keys=(None, d.isoformat() if d else None),
        )
        for i, (name, d) in enumerate(zip(names, born, strict=True))
    ]


def _column(model: RowsTableModel, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _choose(qtbot, view: QTableView, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Umschalt+F10 in the table, then a key in the menu it opened."""
    chosen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        chosen.append(menu.title())
        qtbot.keyClick(menu, key)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, pick)
    qtbot.keyClick(view, Qt.Key_F10, Qt.ShiftModifier)
    assert chosen == ["Sortieren nach"]


@pytest.fixture
def view(qtbot):  # type: ignore[no-untyped-def]
    model = RowsTableModel(["Name", "Geburtsdatum"])
    model.set_rows(_rows())
    table = QTableView()
    table.setModel(model)
    make_sortable(table)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    table.activateWindow()
    qtbot.waitUntil(table.isActiveWindow)
    table.setFocus()
    return table


def test_caller_order_until_the_user_sorts(view) -> None:  # type: ignore[no-untyped-def]
    assert _column(view.model(), 0) == ["Öztürk", "Abel", "Zander", "Ostrowski"]
    assert view.horizontalHeader().sortIndicatorSection() == -1


def test_keyboard_sorts_by_column_and_back(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    model = view.model()
    _choose(qtbot, view, Qt.Key_1)  # Name: Ö sorts as O, before Z
    assert _column(model, 0) == ["Abel", "Ostrowski", "Öztürk", "Zander"]
    _choose(qtbot, view, Qt.Key_1)  # again: the other way round
    assert _column(model, 0) == ["Zander", "Öztürk", "Ostrowski", "Abel"]
    assert view.horizontalHeader().sortIndicatorOrder() == Qt.DescendingOrder
    _choose(qtbot, view, Qt.Key_2)  # dates as dates (not 01.12. before 14.03.), empty last
    assert _column(model, 1) == ["01.12.2009", "14.03.2015", "20.01.2020", ""]
    model.set_rows(list(reversed(_rows())))  # a refresh keeps the chosen order
    assert _column(model, 1) == ["01.12.2009", "14.03.2015", "20.01.2020", ""]


def test_header_click_sorts_too(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    header = view.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.LeftButton,
        pos=header.rect()
        .center()
        .__class__(header.sectionViewportPosition(1) + 5, header.height() // 2),
    )
    assert _column(view.model(), 1)[0] == "01.12.2009"
