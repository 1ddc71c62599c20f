"""What the PDF reports share: the colours and the page furniture (header, footer and
"Seite X von Y" under a rule), drawn by one canvas that holds the pages back until the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from sro_case.reports.fonts import REGULAR

INK = colors.HexColor("#1B1F24")
MUTED = colors.HexColor("#59636E")
RULE = colors.HexColor("#9AA4AE")


@dataclass(frozen=True)
class Furniture:
    """Header and footer of every page: a left text (shortened with "…" when it would run into
    the right-hand text) and a right text; the footer's right text is the page count."""

    header_left: str
    header_right: str
    footer: str
    margin: float  # left and right
    header_from_top: float
    footer_from_bottom: float
    font_size: float = 8
    header_rule_gap: float = 2.2 * mm  # from the header's baseline down to its rule
    footer_rule_gap: float = 3.8 * mm  # from the footer's baseline up to its rule
    shape: Callable[[str], str] = lambda text: text  # e.g. Arabic shaping


class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type information
    """Holds pages back until the end so every footer can say "Seite X von Y"."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture_spec = furniture
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # ReportLab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._furniture(number, total)
            super().showPage()
        super().save()

    def _furniture(self, number: int, total: int) -> None:
        f = self._furniture_spec
        width, height = self._pagesize
        self.saveState()
        self.setFont(REGULAR, f.font_size)
        self.setFillColor(MUTED)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        top = height - f.header_from_top
        self._left_and_right(top, f.shape(f.header_left), f.header_right)
        self.line(f.margin, top - f.header_rule_gap, width - f.margin, top - f.header_rule_gap)
        bottom = f.footer_from_bottom
        rule = bottom + f.footer_rule_gap
        self.line(f.margin, rule, width - f.margin, rule)
        self._left_and_right(bottom, f.shape(f.footer), f"Seite {number} von {total}")
        self.restoreState()

    def _left_and_right(self, y: float, left: str, right: str) -> None:
        f = self._furniture_spec
        width = self._pagesize[0]
        room = width - 2 * f.margin - self.stringWidth(right) - 6 * mm
        self.drawString(f.margin, y, self._fit(left, room))
        self.drawRightString(width - f.margin, y, right)

    def _fit(self, text: str, width: float) -> str:
        """Shorten with "…" so a long file number never runs into the right-hand text."""
        if self.stringWidth(text) <= width:
            return text
        while text and self.stringWidth(text + "…") > width:
            text = text[:-1]
        return text + "…"
