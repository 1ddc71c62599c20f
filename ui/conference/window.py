"""The Konferenzmodus window: the parts put together (see ``ui.conference``), the frame of
the screen, the "Konferenz" section (kind, date, facilitator), the keys, loading the case and
redrawing everything the consent gate decides."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.domain.consent_gate import screen_policy
from sro_case.reports.names import family_initials
from ui.conference.agenda import AgendaPart, agenda_template, format_clock
from ui.conference.case_background import CaseBackgroundPart
from ui.conference.console import FacilitatorConsole
from ui.conference.participants import ParticipantsPart
from ui.conference.plan import PlanPart
from ui.conference.projection import ProjectionPart
from ui.conference.protocol import ProtocolPart
from ui.conference.widgets import CurtainWidget, add_row, form_layout, wrapped_label
from ui.forms import DateField
from ui.i18n import core_label
from ui.ops import failure_text
from ui.tasks import Runner


class ConferenceWindow(
    ProjectionPart, AgendaPart, ParticipantsPart, CaseBackgroundPart, PlanPart, ProtocolPart
):
    """The conference on the shared screen (see ``ui.conference`` for keys and rules).

    Threading: the case is read and everything is saved through ``runner`` (the database lane);
    the window only reacts to results. It holds the case as a frozen ``CaseDetail``.
    Signals (declared on ``ConferenceBase``): ``conference_saved(int)`` with the id of the
    recorded conference, ``closed()``.
    """

    def __init__(
        self,
        store: Application,
        runner: Runner,
        case_id: int,
        parent: QWidget | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        render_runner: Runner | None = None,
    ) -> None:
        super().__init__(
            store, runner, case_id, parent, monotonic=monotonic, render_runner=render_runner
        )
        self.ask_protocol_path: Callable[[str], Path | None] = self._ask_protocol_path

        self.setObjectName("conferenceWindow")
        self.setWindowTitle(self.tr("Konferenzmodus"))
        self._build()
        self._build_shortcuts()
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self._on_tick)
        self.tick_timer.start()
        self._apply_style()
        self.runner.submit(lambda: store.cases.get(case_id), self._on_loaded, self._on_load_failed)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.frame = QWidget()
        self.frame.setObjectName("confFrame")
        root.addWidget(self.frame)
        outer = QVBoxLayout(self.frame)
        outer.setContentsMargins(12, 8, 12, 8)

        self.title_label = wrapped_label(
            self.tr("Konferenzmodus – Fall wird geladen …"), "confTitle"
        )
        outer.addWidget(self.title_label)
        self.status_label = wrapped_label("", "confStatus")
        outer.addWidget(self.status_label)
        outer.addWidget(self._build_toggles())
        self.banner = wrapped_label("", "restrictionBanner")
        self.banner.hide()
        outer.addWidget(self.banner)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("confScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content.setObjectName("confContent")
        self.columns_layout = QHBoxLayout(self.content)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.column_layouts = [QVBoxLayout(), QVBoxLayout()]
        for column in self.column_layouts:
            self.columns_layout.addLayout(column, 1)
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll, 1)

        self.help_line = wrapped_label(
            self.tr(
                "F9 oder Punkt: Vorhang · F11 Vollbild · Strg+Plus/Minus/0 Zoom · F7 Kontrast · "
                "F8 Initialen · F5 Zeit starten/anhalten · F6 nächster Punkt (Umschalt+F6 zurück) "
                "· Strg+1…9 Abschnitte · Eingabe übernimmt · Strg+Eingabe übernimmt das Ziel · "
                "Strg+S Speichern & Protokoll · Strg+W Schließen"
            ),
            "helpLine",
        )
        outer.addWidget(self.help_line)

        self.curtain = CurtainWidget(self)
        self.console = FacilitatorConsole(self, self.frame)

        self.sections = []
        self._build_frame_section()
        self._build_participants()
        self._build_agenda()
        self._build_background()
        self._build_review()
        self._build_will()
        self._build_resources()
        self._build_goals()
        self._build_decisions()
        self._build_save()
        self._left = [
            self.frame_section,
            self.participants_section,
            self.agenda_section,
            self.background_section,
            self.review_section,
        ]
        self._right = [
            self.will_section,
            self.resources_section,
            self.goals_section,
            self.decisions_section,
            self.save_section,
        ]
        for section in self.sections:
            section.redirect = self._problems_to_console(section.title_label.text())
        self._relayout(force=True)

    def _problems_to_console(self, title: str) -> Callable[[str], bool]:
        return lambda text: self.console.take_problems(title.replace("&", ""), text)

    def _build_frame_section(self) -> None:
        s = self.frame_section = self._section(self.tr("Konferenz"))
        form = form_layout()
        self.kind_combo = QComboBox()
        for item in catalogue("conference_kinds"):
            self.kind_combo.addItem(core_label(item.name), item.code)
        today = self.store.clock.today()
        self.date_field = DateField(today, default=today)
        self.facilitator_edit = QLineEdit()
        self.facilitator_edit.setPlaceholderText(self.tr("Name der Moderation"))
        add_row(form, self.tr("&Art:"), self.kind_combo)
        add_row(form, self.tr("&Datum:"), self.date_field)
        add_row(form, self.tr("&Moderation:"), self.facilitator_edit)
        s.entry_layout.addLayout(form)
        self.frame_summary = wrapped_label("", "frameSummary")
        self.frame_summary.hide()
        s.body.addWidget(self.frame_summary)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.date_field.changed.connect(self._on_date_changed)
        self.facilitator_edit.textChanged.connect(self._on_facilitator_changed)

    def _on_date_changed(self) -> None:
        self._mark_dirty()
        self._refresh()

    def _on_facilitator_changed(self, _text: str) -> None:
        self._mark_dirty()

    def _build_shortcuts(self) -> None:
        def key(sequence: Any, slot: Callable[[], None]) -> QShortcut:
            shortcut = QShortcut(QKeySequence(sequence), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            return shortcut

        key(Qt.Key.Key_F9, self.toggle_curtain)
        # Remote clickers blank the screen with "." or "B"; text fields keep those keys.
        key(Qt.Key.Key_Period, self.toggle_curtain)
        key(Qt.Key.Key_B, self.toggle_curtain)
        key(Qt.Key.Key_F11, self.toggle_full_screen)
        key(Qt.Key.Key_Escape, self._on_escape)
        key(QKeySequence.StandardKey.ZoomIn, self.zoom_in)
        key("Ctrl+=", self.zoom_in)
        key(QKeySequence.StandardKey.ZoomOut, self.zoom_out)
        key("Ctrl+0", self.reset_zoom)
        key(Qt.Key.Key_F7, self.toggle_high_contrast)
        key(Qt.Key.Key_F8, self.toggle_initials)
        key(Qt.Key.Key_F5, self.toggle_timer)
        key(Qt.Key.Key_F6, self.next_item)
        key("Shift+F6", self.previous_item)
        key("Ctrl+S", self.save_and_protocol)
        key("Ctrl+W", self._close_window)
        targets: list[Callable[[], QWidget]] = [
            lambda: self.kind_combo,
            lambda: self.participant_name,
            lambda: self.agenda_title,
            lambda: self.review_rows[0].score if self.review_rows else self.review_section,
            lambda: self.will_who,
            lambda: self.resource_kind,
            lambda: self.goal_text,
            lambda: self.step_who,
            lambda: self.decisions_edit,
        ]
        for number, target in enumerate(targets, start=1):
            key(f"Ctrl+{number}", partial(self._focus_target, target))

    def _close_window(self) -> None:
        self.close()

    def _focus_target(self, target: Callable[[], QWidget]) -> None:
        self.focus_field(target())

    def focus_field(self, widget: QWidget) -> None:
        if self.curtain_on:
            return
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------------ loading
    def _on_loaded(self, detail: m.CaseDetail) -> None:
        self.detail = detail
        self.use_initials = detail.pseudonymize
        self.initials_button.setChecked(self.use_initials)
        self._mask_facilitator()
        self.setWindowTitle(
            self.tr("Konferenzmodus – %1").replace("%1", detail.summary.file_number)
        )
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData("fallkonferenz")))
        self.kind_combo.blockSignals(False)
        self.agenda = agenda_template(str(self.kind_combo.currentData()))
        self._add_review_rows()
        self._refresh()
        self._dirty = False

    def _on_load_failed(self, exc: BaseException) -> None:
        # the reason only for the facilitator: it can name the case or the file
        text = failure_text(exc)
        self.title_label.setText(self.tr("Der Fall kann nicht geöffnet werden."))
        self.console.say(
            self.tr("Der Fall kann nicht geöffnet werden: %1").replace("%1", text), error=True
        )
        self.scroll.setEnabled(False)

    # ------------------------------------------------------------------ state → screen
    def _refresh(self) -> None:
        """Recompute the consent gate and re-render everything that depends on it."""
        if self.detail is None:
            return
        self.policy = screen_policy(
            self.participants, self.detail.consents, self.held_on(), self.detail.family.persons
        )
        self._rebuild_scrubber()
        self._update_role_labels()
        self._render_title()
        self._render_banner()
        self._render_participants()
        self._render_agenda()
        self._render_background()
        self._render_review()
        self._render_will()
        self._render_resources()
        self._render_goals()
        self._render_steps()
        self._update_suggestions()

    def _render_title(self) -> None:
        if self.detail is None:
            return
        s = self.detail.summary
        if self.use_initials:
            short = family_initials(self.detail.family.display_name)
            family = self.tr("Familie %1").replace("%1", short) if short else self.tr("Familie")
        else:
            family = self.detail.family.display_name
        kind = core_label(catalogue("conference_kinds").label(self.kind_combo.currentData()))
        self.title_label.setText(f"{kind} · {s.file_number} · {family}")
        self._render_status()

    def _render_status(self) -> None:
        parts = []
        if self.agenda:
            item = self.agenda[self.current_item]
            state = self.tr("läuft") if self.timer_running else self.tr("angehalten")
            parts.append(
                self.tr("Punkt %1 von %2: %3 · %4 von %5\u00a0Min. · %6")
                .replace("%1", str(self.current_item + 1))
                .replace("%2", str(len(self.agenda)))
                .replace("%3", core_label(item.title))
                .replace("%4", format_clock(item.elapsed_seconds))
                .replace("%5", str(item.planned_minutes))
                .replace("%6", state)
            )
        parts.append(self.tr("Zoom %1\u00a0%").replace("%1", str(self.zoom)))
        if self.high_contrast:
            parts.append(self.tr("hoher Kontrast"))
        if self.use_initials:
            parts.append(self.tr("Initialen"))
        self.status_label.setText(" · ".join(parts))
