"""The Qt binding keeps the interpreter alive: PySide6 6.12.0 took a reference from ``None``
on every call of a C++ method returning void, so after some ten thousand calls (a client that
paints for a minute) the interpreter aborted with "Fatal Python error: none_dealloc" – in the
middle of a conference. pyproject.toml keeps 6.12 out; this test holds every version to it
(the bool half of the same kind of bug is handled by ``ui.refcounts``)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyleOption

CALLS = 2000


def test_void_methods_leave_none_its_references(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option = QStyleOption()
    option.initFrom(label)
    style = qapp.style()
    try:
        before = sys.getrefcount(None)
        for i in range(CALLS):
            label.setText(str(i % 7))
            painter.save()
            painter.restore()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, label)
        lost = before - sys.getrefcount(None)
    finally:
        painter.end()
    assert lost < CALLS // 10, f"{lost} references to None lost in {4 * CALLS} calls"
