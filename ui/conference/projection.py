"""How the conference looks on the projector – the view state, kept by ``Projection``: the
privacy curtain (F9, "." or "B") and the lock that keeps it down, zoom 100 … 300 %, high
contrast, and initials instead of names (in names, free text through the ``NameScrubber``, and
the facilitator's field, which shows initials read-only while the full name is kept aside).

``Projection`` only keeps that state, masks texts and writes the style sheet for it; it emits
``zoom_changed``, ``contrast_changed``, ``masking_changed`` and ``curtain_changed``, and the
window draws accordingly (the curtain over the frame, the style sheet, the columns)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLineEdit

from sro_case.domain import models as m
from sro_case.paths import resources_dir
from sro_case.reports.names import NameScrubber, initials
from ui.refcounts import emit

ZOOM_STEPS = (100, 125, 150, 175, 200, 250, 300)
BASE_POINT_SIZE = 12.0  # 100 %: already larger than the desktop's 10 pt
HELP_POINT_SIZE = 10.5  # the help line is for the facilitator and does not zoom
#: title, status line and banner grow with the zoom only up to here: at 300 % on a 1366 × 768
#: screen they took all but 160 px from the content (#15)
CHROME_MAX_POINT_SIZE = 14.0
HIGH_CONTRAST_QSS = "conference_high_contrast.qss"

LIGHT_THEME = """
            QWidget#conferenceWindow, QWidget#confFrame, QWidget#confContent,
            QScrollArea#confScroll { background: #ffffff; color: #16202a; }
            QFrame#confSection { background: #f5f7fa; border: 1px solid #c5ced8;
                                  border-radius: 6px; }
            QLabel#sectionTitle, QLabel#confTitle { color: #17406b; }
            QLabel#restrictionBanner { background: #fbe4e1; color: #8a1c10;
                                        border: 2px solid #c62828; padding: 0.3em; }
            QLabel[flagged="true"] { color: #9b1c10; font-weight: 600; }
            QLabel[agenda="current"] { background: #dcefd9; font-weight: 600; }
            QLabel[agenda="over"] { background: #fbe4e1; color: #8a1c10; font-weight: 600; }
            QLabel#muted, QLabel#helpLine { color: #46525e; }
            QLabel#errorMessage { color: #a61b1b; }
            QFrame#consoleOverlay { background: #fffbe6; border: 1px solid #b08d00;
                                    border-radius: 6px; }
            QLineEdit:focus, QPlainTextEdit:focus { border: 2px solid #1f5f99; }
        """


class Projection(QObject):
    """The view state of the shared screen (see the module docstring). The curtain cannot be
    lifted while ``locked`` (the application is locked)."""

    zoom_changed = Signal(int)
    contrast_changed = Signal(bool)
    masking_changed = Signal(bool)  # initials on or off
    curtain_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zoom = 100
        self.high_contrast = False
        self.use_initials = False
        self.curtain_on = False
        self.locked = False
        self._scrubber = NameScrubber()
        self._facilitator_edit: QLineEdit | None = None
        self._facilitator_full: str | None = None

    # ------------------------------------------------------------------ curtain and lock
    def toggle_curtain(self) -> None:
        if self.locked:
            return
        self.set_curtain(not self.curtain_on)

    def set_curtain(self, on: bool) -> None:
        if on == self.curtain_on:
            return
        self.curtain_on = on
        emit(self.curtain_changed, on)

    def lock(self) -> None:
        """Curtain down, and it stays down until ``unlock``."""
        self.set_curtain(True)
        self.locked = True

    def unlock(self) -> None:
        self.locked = False

    # ------------------------------------------------------------------ zoom and contrast
    def set_zoom(self, percent: int) -> None:
        percent = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], int(percent)))
        if percent == self.zoom:
            return
        self.zoom = percent
        emit(self.zoom_changed, percent)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom), ZOOM_STEPS[0]))

    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def toggle_high_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        emit(self.contrast_changed, self.high_contrast)

    # ------------------------------------------------------------------ initials
    def toggle_initials(self) -> None:
        self.set_initials(not self.use_initials)

    def set_initials(self, on: bool) -> None:
        """Names as initials on or off; the facilitator's field follows before anyone redraws."""
        self.use_initials = on
        self._mask_facilitator()
        emit(self.masking_changed, on)

    def attach_facilitator(self, edit: QLineEdit) -> None:
        """The field with the facilitator's name, masked with the initials."""
        self._facilitator_edit = edit

    def facilitator(self) -> str:
        """The facilitator's full name, also while the field shows initials."""
        if self._facilitator_full is not None:
            return self._facilitator_full
        return self._facilitator_edit.text() if self._facilitator_edit is not None else ""

    def _mask_facilitator(self) -> None:
        """With initials on, the field shows them read-only; the full name is kept aside."""
        edit = self._facilitator_edit
        if edit is None:
            return
        edit.blockSignals(True)
        if self.use_initials and self._facilitator_full is None:
            self._facilitator_full = edit.text()
            edit.setText(initials(self._facilitator_full))
            edit.setReadOnly(True)
            edit.setToolTip(self.tr("Initialen: zum Bearbeiten F8 drücken"))
        elif not self.use_initials and self._facilitator_full is not None:
            edit.setText(self._facilitator_full)
            self._facilitator_full = None
            edit.setReadOnly(False)
            edit.setToolTip("")
        edit.blockSignals(False)

    def rebuild_scrubber(self, detail: m.CaseDetail | None, names: Iterable[str]) -> None:
        """The names to mask: everyone on file, the lead worker, the family's name, earlier
        participants, and ``names`` (participants, speakers); the facilitator always."""
        scrubber = NameScrubber()
        if detail is not None:
            for p in detail.family.persons:
                scrubber.add(p.full_name)
                scrubber.add(p.first_name)
                scrubber.add(p.last_name)
            scrubber.add(detail.summary.lead_worker)
            scrubber.add(re.sub(r"^\s*familie\s+", "", detail.family.display_name, flags=re.I))
            for c in detail.conferences:
                for part in c.participants:
                    scrubber.add(part.name)
        for name in names:
            scrubber.add(name)
        scrubber.add(self.facilitator())
        self._scrubber = scrubber

    def text_out(self, text: str) -> str:
        """Free text as the shared screen shows it (names as initials if chosen)."""
        return self._scrubber(text) if self.use_initials else text

    def name_out(self, name: str) -> str:
        return initials(name) if self.use_initials else name

    # ------------------------------------------------------------------ style
    def point_size(self) -> float:
        return BASE_POINT_SIZE * self.zoom / 100

    def theme(self) -> str:
        """The colours: light, or the high-contrast file's."""
        if self.high_contrast:
            path = resources_dir() / HIGH_CONTRAST_QSS
            return path.read_text(encoding="utf-8") if path.is_file() else LIGHT_THEME
        return LIGHT_THEME

    def style_sheet(self, field_font: QFont) -> str:
        """The window's whole style sheet for this zoom and contrast; ``field_font`` is an
        input field's font as drawn now (the high-contrast arrows are sized by it)."""
        pt = self.point_size()
        chrome = min(pt, CHROME_MAX_POINT_SIZE)
        sheet = f"""
            QWidget {{ font-size: {pt:.1f}pt; }}
            QLabel#confTitle {{ font-size: {chrome * 1.25:.1f}pt; font-weight: 600; }}
            QLabel#confStatus {{ font-size: {chrome * 0.9:.1f}pt; }}
            QLabel#restrictionBanner {{ font-size: {chrome:.1f}pt; }}
            QLabel#sectionTitle {{ font-size: {pt * 1.2:.1f}pt; font-weight: 600; }}
            QLabel#subTitle, QLabel#reviewTitle {{ font-weight: 600; }}
            QLabel#restrictionBanner {{ font-weight: 600; }}
            QLabel#helpLine {{ font-size: {HELP_POINT_SIZE:.1f}pt; }}
            QPushButton {{ padding: 0.2em 0.7em; }}
            QPushButton#toolButton {{ font-size: {HELP_POINT_SIZE:.1f}pt; }}
        """
        # The light theme keeps the platform's arrows; the high-contrast one draws its own.
        arrows = self._arrow_metrics(field_font) if self.high_contrast else ""
        return sheet + self.theme() + arrows

    def _arrow_metrics(self, field_font: QFont) -> str:
        """Sizes of the high-contrast arrows (border triangles) in pixels, so they grow with
        the zoom; "em" in a subcontrol does not follow it. Colours come from the QSS file."""
        px = max(QFontMetricsF(field_font).height(), self.point_size() * 96 / 72 * 1.2)
        box, half, tall = round(px * 1.2), max(4, round(px * 0.22)), max(5, round(px * 0.32))
        small = tall // 2 + 2
        return f"""
            QComboBox::drop-down {{ width: {box}px; }}
            QSpinBox::up-button, QSpinBox::down-button {{ width: {box}px; }}
            QComboBox::down-arrow, QSpinBox::down-arrow,
            QSpinBox::up-arrow {{
                width: 0; height: 0; border-left-width: {half}px; border-right-width: {half}px;
            }}
            QComboBox::down-arrow {{
                border-top-width: {tall}px; border-bottom-width: 0;
            }}
            QSpinBox::down-arrow {{ border-top-width: {small}px; border-bottom-width: 0; }}
            QSpinBox::up-arrow {{ border-bottom-width: {small}px; border-top-width: 0; }}
        """
