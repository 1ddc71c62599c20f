"""Renders resources/icons/sro-case.svg into installer/windows/sro-case.ico (16–256 px), the icon
of sro-case.exe, the installer and the start-menu entry. Run it after changing the SVG:

    .venv/bin/python installer/windows/make_icon.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "sro-case.svg"))
    image = QImage(256, 256, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    png = Image.open(io.BytesIO(bytes(data.data())))
    out = ROOT / "installer" / "windows" / "sro-case.ico"
    png.save(out, format="ICO", sizes=[(s, s) for s in SIZES])
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
