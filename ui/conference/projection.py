"""How the conference looks on the projector: the privacy curtain (F9, "." or "B"), the lock
that keeps it down, full screen and the second screen, zoom 100 … 300 % with the columns
reflowing, high contrast, and initials instead of names (in names, free text and the
facilitator's field)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from sro_case.paths import resources_dir
from sro_case.reports.names import NameScrubber, initials
from ui.conference.base import ConferenceBase
from ui.conference.widgets import FlowLayout
from ui.forms import DateField
from ui.icons import icon

ZOOM_STEPS = (100, 125, 150, 175, 200, 250, 300)
BASE_POINT_SIZE = 12.0  # 100 %: already larger than the desktop's 10 pt
HELP_POINT_SIZE = 10.5  # the help line is for the facilitator and does not zoom
#: title, status line and banner grow with the zoom only up to here: at 300 % on a 1366 × 768
#: screen they took all but 160 px from the content (#15)
CHROME_MAX_POINT_SIZE = 14.0
COLUMN_CHARS = 55  # a column narrower than this many average characters: one column only
HIGH_CONTRAST_QSS = "conference_high_contrast.qss"


class ProjectionPart(ConferenceBase):
    """The presentation controls (the row of tool buttons and their keys) and everything that
    decides how the screen is drawn: style sheet, columns, names as initials."""

    def _build_toggles(self) -> QWidget:
        """The row of the facilitator's tool buttons under the title."""
        toggles = QWidget()
        self.toggle_row = FlowLayout(toggles)
        self.curtain_button = self._tool_button(self.tr("Vorhang (F9)"), self.toggle_curtain)
        self.full_screen_button = self._tool_button(
            self.tr("Vollbild (F11)"), self.toggle_full_screen
        )
        self.zoom_out_button = self._tool_button(self.tr("Kleiner (Strg+Minus)"), self.zoom_out)
        self.zoom_in_button = self._tool_button(self.tr("Größer (Strg+Plus)"), self.zoom_in)
        self.contrast_button = self._tool_button(
            self.tr("Hoher Kontrast (F7)"), self.toggle_high_contrast, checkable=True
        )
        self.initials_button = self._tool_button(
            self.tr("Initialen (F8)"), self.toggle_initials, checkable=True
        )
        return toggles

    def _tool_button(self, text: str, slot: Callable[[], None], checkable: bool = False) -> Any:
        button = QPushButton(text)
        button.setObjectName("toolButton")  # the facilitator's controls do not zoom
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda _checked=False: slot())
        self.toggle_row.addWidget(button)
        return button

    # ------------------------------------------------------------------ curtain and screen
    def toggle_curtain(self) -> None:
        if self._locked:
            return
        self.set_curtain(not self.curtain_on)

    def set_curtain(self, on: bool) -> None:
        """Black out the window at once (and back). The case widgets are hidden underneath and
        the title loses the file number, so nothing of the case is left on screen."""
        if on == self.curtain_on:
            return
        self.curtain_on = on
        if on:
            focus = QApplication.focusWidget()
            self._focus_before_curtain = (
                focus if focus is not None and self.isAncestorOf(focus) else None
            )
            self.curtain.setGeometry(self.rect())
            self.curtain.show()
            self.curtain.raise_()
            self.curtain.setFocus(Qt.FocusReason.OtherFocusReason)
            self.frame.hide()
            self.setWindowTitle(self.tr("Konferenzmodus"))
        else:
            self.frame.show()
            self.curtain.hide()
            self.curtain.locked_text = ""
            if self.detail is not None:
                self.setWindowTitle(
                    self.tr("Konferenzmodus – %1").replace("%1", self.detail.summary.file_number)
                )
            target = self._focus_before_curtain
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def lock_screen(self) -> None:
        """The application locked: curtain down, and it stays down until ``unlock_screen``."""
        self.set_curtain(True)
        self._locked = True
        self.curtain.locked_text = self.tr("Gesperrt – bitte im Hauptfenster entsperren.")
        self.curtain.update()
        self.console.set_locked(True)

    def unlock_screen(self) -> None:
        self._locked = False
        self.curtain.locked_text = ""
        self.curtain.update()
        self.console.set_locked(False)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _on_escape(self) -> None:
        if self.console.dismiss():
            return
        if self.isFullScreen():
            self.showNormal()

    def show_on_projector(self) -> None:
        """Full screen on a second screen if there is one (the projector), else on this one."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            primary = QGuiApplication.primaryScreen()
            target = next((s for s in screens if s is not primary), primary)
            self.move(target.geometry().topLeft())
        self.showFullScreen()

    # ------------------------------------------------------------------ zoom and contrast
    def set_zoom(self, percent: int) -> None:
        percent = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], int(percent)))
        if percent == self.zoom:
            return
        self.zoom = percent
        self._apply_style()
        self._render_status()
        self._render_banner()  # one line when zoomed

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom), ZOOM_STEPS[0]))

    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def toggle_high_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self.contrast_button.setChecked(self.high_contrast)
        self._apply_style()
        self._render_status()

    # ------------------------------------------------------------------ initials
    def toggle_initials(self) -> None:
        self.set_initials(not self.use_initials)

    def set_initials(self, on: bool) -> None:
        self.use_initials = on
        self.initials_button.setChecked(on)
        self._mask_facilitator()
        self._refresh()
        self._render_status()

    def facilitator(self) -> str:
        """The facilitator's full name, also while the field shows initials."""
        if self._facilitator_full is not None:
            return self._facilitator_full
        return self.facilitator_edit.text()

    def _mask_facilitator(self) -> None:
        """With initials on, the field shows them read-only; the full name is kept aside."""
        edit = self.facilitator_edit
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

    def _rebuild_scrubber(self) -> None:
        scrubber = NameScrubber()
        if self.detail is not None:
            for p in self.detail.family.persons:
                scrubber.add(p.full_name)
                scrubber.add(p.first_name)
                scrubber.add(p.last_name)
            scrubber.add(self.detail.summary.lead_worker)
            scrubber.add(re.sub(r"^\s*familie\s+", "", self.detail.family.display_name, flags=re.I))
            for c in self.detail.conferences:
                for part in c.participants:
                    scrubber.add(part.name)
        for participant in self.participants:
            scrubber.add(participant.name)
        for who, _text in self.will_items:
            scrubber.add(who)
        scrubber.add(self.facilitator())
        self._scrubber = scrubber

    def text_out(self, text: str) -> str:
        """Free text as the shared screen shows it (names as initials if chosen)."""
        return self._scrubber(text) if self.use_initials else text

    def name_out(self, name: str) -> str:
        return initials(name) if self.use_initials else name

    # ------------------------------------------------------------------ style and columns
    def point_size(self) -> float:
        return BASE_POINT_SIZE * self.zoom / 100

    def _apply_style(self) -> None:
        pt = self.point_size()
        light = """
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
        theme = light
        if self.high_contrast:
            path = resources_dir() / HIGH_CONTRAST_QSS
            theme = path.read_text(encoding="utf-8") if path.is_file() else light
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
        arrows = self._arrow_metrics() if self.high_contrast else ""
        self.setStyleSheet(sheet + theme + arrows)
        for field in (self.will_who, self.step_who):
            completer = field.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None:
                popup.setStyleSheet(f"QWidget {{ font-size: {pt:.1f}pt; }}" + theme)
        fm = QFontMetricsF(self.decisions_edit.font())
        self.decisions_edit.setMinimumHeight(round(fm.lineSpacing() * 4 + 12))
        # the calendar symbol in the theme's colours (dark on black was invisible)
        contrast = (QColor("#000000"), QColor("#ffffff")) if self.high_contrast else (None, None)
        for date_field in self.findChildren(DateField):
            date_field.button.setIcon(icon("calendar", *contrast))
        self._relayout()

    def _arrow_metrics(self) -> str:
        """Sizes of the high-contrast arrows (border triangles) in pixels, so they grow with
        the zoom; "em" in a subcontrol does not follow it. Colours come from the QSS file."""
        px = max(
            QFontMetricsF(self.participant_name.font()).height(),
            self.point_size() * 96 / 72 * 1.2,
        )
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

    def _relayout(self, *, force: bool = False) -> None:
        """Two columns while each gets ``COLUMN_CHARS`` characters, else one: the zoom reflows."""
        char = QFontMetricsF(self.participant_name.font()).averageCharWidth()
        width = self.scroll.viewport().width() if self.isVisible() else self.width()
        columns = 2 if width >= 2 * COLUMN_CHARS * char else 1
        if columns == self._columns and not force:
            return
        self._columns = columns
        for column in self.column_layouts:
            # removeWidget() deletes the layout item; an item only taken out would stay the
            # widget's registered item, and the new one's size cache would never be refreshed.
            for i in reversed(range(column.count())):
                item = column.itemAt(i)
                if item is None:
                    continue
                widget = item.widget()
                if widget is not None:
                    column.removeWidget(widget)
                else:
                    column.removeItem(item)
        if columns == 2:
            for s in self._left:
                self.column_layouts[0].addWidget(s)
            for s in self._right:
                self.column_layouts[1].addWidget(s)
        else:
            for s in self._left[:3] + self._right[:1] + self._left[3:] + self._right[1:]:
                self.column_layouts[0].addWidget(s)
        for column in self.column_layouts:
            column.addStretch(1)
        self.columns_layout.setStretch(1, 1 if columns == 2 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.curtain.setGeometry(self.rect())
        self._relayout()
