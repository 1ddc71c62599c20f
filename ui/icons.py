"""The toolbar and button icons: simple monochrome SVGs in ``resources/icons/``.

Each SVG draws with ``currentColor``; ``icon(name)`` fills that with the palette's text colour
(and a muted one for disabled buttons) and renders crisp pixmaps at the usual sizes, so the
icons follow the theme (also the high-contrast one) instead of being fixed grey.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from sro_case.paths import resources_dir

SIZES = (16, 20, 24, 32, 48, 64)


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


def _render(svg: str, color: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode("utf-8")))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def _icon(name: str, normal: str, disabled: str) -> QIcon:
    path = icon_path(name)
    if not path.is_file():
        return QIcon()
    svg = path.read_text(encoding="utf-8")
    result = QIcon()
    for size in SIZES:
        result.addPixmap(_render(svg, normal, size), QIcon.Mode.Normal, QIcon.State.Off)
        result.addPixmap(_render(svg, disabled, size), QIcon.Mode.Disabled, QIcon.State.Off)
    return result


def icon(name: str, on: QColor | None = None, colour: QColor | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in the current palette's colours, or in
    ``colour`` on the background ``on`` (the conference's high contrast draws its own); null if
    the file is missing, so a missing icon never stops the program."""
    palette = QGuiApplication.palette()
    normal = colour or palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    background = on or palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    disabled = QColor(  # halfway to the background: visibly inactive, still recognisable
        (normal.red() + background.red()) // 2,
        (normal.green() + background.green()) // 2,
        (normal.blue() + background.blue()) // 2,
    )
    return _icon(name, normal.name(), disabled.name())
