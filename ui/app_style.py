"""The application's look, drawn by a proxy of the platform's style – without a Qt style sheet.

**Why no style sheet.** An application-wide style sheet sends every widget through Qt's style
sheet engine when it is polished. Building a case file took 31.5 ms with the 27 lines of
``style.qss`` (24.8 ms with a single rule) and 11.8 ms without any (offscreen, 7 December 2026),
and a case file is built each time a case is opened – on the team server among other clients
that was most of the time from Enter to the painted file. The same look now comes from the
palette, the font and this proxy: calm colours, bold table headers, roomier tabs and buttons,
headings and error lines by object name (``caseTitle``, ``lockTitle``, ``errorMessage``).
Windows with a style sheet of their own (the Konferenzmodus) keep it.

**A focus ring everyone can see (#15).** The platform styles mark the focused widget with a
thin dotted line or not at all (tabs, tool buttons, check boxes in Fusion; a faint dotted frame
in the Windows styles), so a keyboard user lost track of where Tab had gone. The proxy draws
the focus frame as a solid two-pixel ring in the application's accent colour, in every style.
As in every desktop style, the ring appears once the keyboard moved the focus (Tab, a
mnemonic), not after a mouse click.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QTabBar,
    QWidget,
)

RING = QColor("#1f5f99")  # the accent: focus ring and selection
ERROR = QColor("#a61b1b")
POINT_SIZE = 10.0
# object name -> (point size, bold) of the headings
HEADINGS = {"caseTitle": (13.0, True), "lockTitle": (20.0, True)}
_STYLED = "app_style_by_name"  # a widget's property: polish set its font or colour by name
_EXTRA = {  # room around the text, as the style sheet's padding gave it (width, height)
    QStyle.ContentsType.CT_PushButton: QSize(12, 2),
    QStyle.ContentsType.CT_TabBarTab: QSize(8, 2),
    QStyle.ContentsType.CT_HeaderSection: QSize(8, 4),
}


def palette(base: QPalette) -> QPalette:
    """The platform's palette with the application's calm colours."""
    p = QPalette(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, QColor("#f7f8fa"))
        p.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#f1f4f8"))
        p.setColor(group, QPalette.ColorRole.Highlight, RING)
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return p


class AppStyle(QProxyStyle):
    """The platform's style with the application's look and a visible focus ring (see the
    module docstring)."""

    def polish(self, target: Any) -> None:  # overloads: a widget, a palette, the application
        super().polish(target)
        if not isinstance(target, QWidget):
            return
        name = target.objectName()
        if isinstance(target, QHeaderView):
            font = QFont(target.font())
            font.setBold(True)
            target.setFont(font)
            colours = QPalette(target.palette())
            colours.setColor(QPalette.ColorRole.Button, QColor("#e8edf3"))
            target.setPalette(colours)
        elif name in HEADINGS:
            size, bold = HEADINGS[name]
            font = QFont(target.font())
            font.setPointSizeF(size)
            font.setBold(bold)
            target.setFont(font)
            target.setProperty(_STYLED, True)
        elif name == "errorMessage":
            colours = QPalette(target.palette())
            colours.setColor(QPalette.ColorRole.WindowText, ERROR)
            target.setPalette(colours)
            target.setProperty(_STYLED, True)

    def unpolish(self, target: Any) -> None:
        """Undo what ``polish`` set by object name, on the widgets it set it on: a label that
        stops being an error line (its name changed, then polished again) is drawn as any
        other."""
        super().unpolish(target)
        if isinstance(target, QWidget) and target.property(_STYLED):
            target.setProperty(_STYLED, None)
            target.setPalette(QPalette())
            target.setFont(QFont())

    def sizeFromContents(
        self,
        type_: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        grown = super().sizeFromContents(type_, option, size, _maybe(widget))
        extra = _EXTRA.get(type_)
        return grown + extra if extra is not None else grown

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            rect = QRectF(option.rect)
            # a tab's focus frame is its label's rectangle: keep the ring off the letters
            _ring(painter, rect.adjusted(-3, -1, 3, 1) if isinstance(widget, QTabBar) else rect)
            return
        super().drawPrimitive(element, option, painter, widget)
        # Fusion marks a focused push button inside its own bevel, not with a focus frame
        if element == QStyle.PrimitiveElement.PE_PanelButtonCommand and _keyboard_focus(option):
            _ring(painter, QRectF(option.rect))

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        # nor a focused tab: the ring around its label
        if element == QStyle.ControlElement.CE_TabBarTabLabel and _keyboard_focus(option):
            tab_text = QStyle.SubElement.SE_TabBarTabText
            text = self.subElementRect(tab_text, option, _maybe(widget))
            _ring(painter, QRectF(text).adjusted(-3, 1, 3, -1))


def _maybe(widget: QWidget | None) -> QWidget:
    """The widget as PySide's signature has it: Qt's own may be null, and is passed on so."""
    return cast(QWidget, widget)


def _keyboard_focus(option: QStyleOption) -> bool:
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus) and bool(
        state & QStyle.StateFlag.State_KeyboardFocusChange
    )


def _ring(painter: QPainter, rect: QRectF) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(RING, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
    painter.restore()


def install(app: QApplication) -> None:
    """The look on ``app``, once (a second call finds it in place)."""
    if isinstance(app.style(), AppStyle):
        return
    base = app.style()
    app.setStyle(AppStyle(base.name() if base is not None and base.name() else "fusion"))
    app.setPalette(palette(app.style().standardPalette()))
    font = QFont(app.font())
    font.setPointSizeF(POINT_SIZE)
    app.setFont(font)
