"""Every control shows where the keyboard focus is (#15): after Tab, the focused button, check
box, tool button and tab carry a solid ring in the accent colour; the same control without
focus has none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from ui.app_style import RING

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]


def _ring_pixels(image: QImage) -> int:
    """Pixels of the ring's colour (Fusion's own focus blue, #308cc6, and its mixes are not)."""
    near = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            distance = (
                abs(c.red() - RING.red())
                + abs(c.green() - RING.green())
                + abs(c.blue() - RING.blue())
            )
            near += distance < 12
    return near


def _tab_widget() -> QTabWidget:
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Überblick")
    tabs.addTab(QWidget(), "Hilfen")
    return tabs


@pytest.mark.parametrize(
    "make",
    [
        lambda: QPushButton("Speichern"),
        lambda: QCheckBox("Ich habe den Schlüssel sicher verwahrt"),
        lambda: QToolButton(text="×"),
        _tab_widget,
    ],
    ids=["button", "checkbox", "toolbutton", "tab"],
)
def test_tab_shows_a_ring(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    layout = QHBoxLayout(window)
    first = QPushButton("Andere")
    control = make()
    layout.addWidget(first)
    layout.addWidget(control)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first.setFocus()
    target = control.tabBar() if isinstance(control, QTabWidget) else control
    before = _ring_pixels(target.grab().toImage())
    qtbot.keyClick(first, Qt.Key_Tab)
    assert target.hasFocus()
    after = _ring_pixels(target.grab().toImage())
    assert after > before + 20, (before, after)
