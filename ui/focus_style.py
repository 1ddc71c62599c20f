"""A focus ring everyone can see (#15): the platform styles mark the focused widget with a thin
dotted line or not at all (tabs, tool buttons, check boxes in Fusion; a faint dotted frame in
the Windows styles), so a keyboard user lost track of where Tab had gone. This proxy draws the
focus frame as a solid two-pixel ring in the application's accent colour, in every style.

As in every desktop style, the ring appears once the keyboard moved the focus (Tab, a
mnemonic), not after a mouse click."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QTabBar, QWidget

RING = QColor("#1f5f99")


class FocusRingStyle(QProxyStyle):
    """The platform's style with a visible focus ring (see the module docstring)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(RING, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            rect = QRectF(option.rect)
            # a tab's focus frame is its label's rectangle: keep the ring off the letters
            rect = rect.adjusted(-3, -1, 3, 1) if isinstance(widget, QTabBar) else rect
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
            painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)
