"""The Konferenzmodus window: it composes the panels (see ``ui.conference``) around one shared
``ConferenceContext``, and owns what belongs to the whole screen – the frame (title, status
line, the facilitator's tool buttons, the restriction banner, the help line), the "Konferenz"
section (kind, date, facilitator), the keys, loading the case, the two columns, and drawing
the ``Projection``'s state: curtain, style sheet, zoom."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.domain.consent_gate import ScreenPolicy
from sro_case.reports.names import family_initials
from ui.conference.agenda import AgendaPanel
from ui.conference.case_background import CaseBackgroundPanel
from ui.conference.console import FacilitatorConsole
from ui.conference.context import ConferenceContext
from ui.conference.participants import ParticipantsPanel
from ui.conference.plan import PlanPanel
from ui.conference.protocol import ProtocolPanel
from ui.conference.widgets import (
    CurtainWidget,
    FlowLayout,
    Section,
    add_row,
    form_layout,
    wrapped_label,
)
from ui.forms import DateField, format_date
from ui.i18n import core_label
from ui.icons import icon
from ui.ops import failure_text
from ui.refcounts import emit
from ui.tasks import Runner

COLUMN_CHARS = 55  # a column narrower than this many average characters: one column only


class ConferenceWindow(QWidget):
    """The conference on the shared screen (see ``ui.conference`` for keys and rules).

    Threading: the case is read and everything is saved through ``runner`` (the database lane);
    the window only reacts to results. It holds the case as a frozen ``CaseDetail`` in
    ``context``. The panels: ``participants_panel``, ``agenda_panel``, ``background_panel``,
    ``plan_panel``, ``protocol_panel``; the view state: ``projection``.
    Signals: ``conference_saved(int)`` with the id of the recorded conference, ``closed()``.
    """

    conference_saved = Signal(int)  # id of the recorded conference
    closed = Signal()
    scroll: QScrollArea  # type: ignore[assignment]  # the content (shadows QWidget.scroll)

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
        super().__init__(parent, Qt.WindowType.Window)
        self.context = ConferenceContext(
            store, runner, case_id, render_runner=render_runner, parent=self
        )
        self.projection = self.context.projection
        self.journal: Any = None  # ConferenceJournal, once the case is loaded
        self._focus_before_curtain: QWidget | None = None
        self._columns = 0
        self.setObjectName("conferenceWindow")
        self.setWindowTitle(self.tr("Konferenzmodus"))
        self._build(monotonic)
        self._build_shortcuts()
        self._apply_style()
        runner.submit(lambda: store.cases.get(case_id), self._on_loaded, self._on_load_failed)

    # ------------------------------------------------------------------ building
    def _build(self, monotonic: Callable[[], float]) -> None:
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

        context, projection = self.context, self.projection
        # first of all: the scrubber and the frame follow the gate before the panels draw,
        # and the "Konferenz" section closes first once saved (the panels then in screen order)
        context.policy_changed.connect(self._on_policy_changed)
        context.saved_changed.connect(self._close_frame_entry)
        self._build_frame_section()
        self.participants_panel = ParticipantsPanel(context, self)
        self.agenda_panel = AgendaPanel(context, self, monotonic=monotonic)
        self.background_panel = CaseBackgroundPanel(context, self)
        self.plan_panel = PlanPanel(context, self)
        self.protocol_panel = ProtocolPanel(
            context, self._drafts, self, dialog_parent=self.console.dialog_parent
        )
        self.participants_panel.participants_changed.connect(self._refresh)
        self.participants_panel.who_changed.connect(self.plan_panel.set_who)
        self.plan_panel.changed.connect(self._refresh)
        self.agenda_panel.status_changed.connect(self._render_status)
        self.agenda_panel.current_changed.connect(self._show_agenda_item)
        self.protocol_panel.message.connect(self._say)
        self.protocol_panel.conference_saved.connect(self._on_conference_saved)
        self.protocol_panel.capture_discarded.connect(self._discard_capture)
        context.saved_changed.connect(self._on_saved)  # after the panels fixed their content
        projection.curtain_changed.connect(self._on_curtain)
        projection.zoom_changed.connect(self._on_zoom)
        projection.contrast_changed.connect(self._on_contrast)
        projection.masking_changed.connect(self._on_masking)
        projection.attach_facilitator(self.facilitator_edit)

        self.sections: list[Section] = [self.frame_section]
        for panel in (
            self.participants_panel,
            self.agenda_panel,
            self.background_panel,
            self.plan_panel,
            self.protocol_panel,
        ):
            self.sections += panel.sections
        plan = self.plan_panel
        self._left: list[Section] = [
            self.frame_section,
            self.participants_panel.section,
            self.agenda_panel.section,
            self.background_panel.background_section,
            self.background_panel.review_section,
        ]
        self._right: list[Section] = [
            plan.will_section,
            plan.resources_section,
            plan.goals_section,
            plan.decisions_section,
            self.protocol_panel.section,
        ]
        for section in self.sections:
            section.redirect = self._problems_to_console(section.title_label.text())
        self._relayout(force=True)

    def _build_toggles(self) -> QWidget:
        """The row of the facilitator's tool buttons under the title."""
        toggles = QWidget()
        self.toggle_row = FlowLayout(toggles)
        projection = self.projection
        self.curtain_button = self._tool_button(self.tr("Vorhang (F9)"), projection.toggle_curtain)
        self.full_screen_button = self._tool_button(
            self.tr("Vollbild (F11)"), self.toggle_full_screen
        )
        self.zoom_out_button = self._tool_button(
            self.tr("Kleiner (Strg+Minus)"), projection.zoom_out
        )
        self.zoom_in_button = self._tool_button(self.tr("Größer (Strg+Plus)"), projection.zoom_in)
        self.contrast_button = self._tool_button(
            self.tr("Hoher Kontrast (F7)"), projection.toggle_high_contrast, checkable=True
        )
        self.initials_button = self._tool_button(
            self.tr("Initialen (F8)"), projection.toggle_initials, checkable=True
        )
        return toggles

    def _tool_button(
        self, text: str, slot: Callable[[], None], checkable: bool = False
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("toolButton")  # the facilitator's controls do not zoom
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda _checked=False: slot())
        self.toggle_row.addWidget(button)
        return button

    def _problems_to_console(self, title: str) -> Callable[[str], bool]:
        return lambda text: self.console.take_problems(title.replace("&", ""), text)

    def _build_frame_section(self) -> None:
        s = self.frame_section = Section(self.tr("Konferenz"))
        form = form_layout()
        self.kind_combo = QComboBox()
        for item in catalogue("conference_kinds"):
            self.kind_combo.addItem(core_label(item.name), item.code)
        today = self.context.store.clock.today()
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
        self.context.date_source = self.date_field.value
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.date_field.changed.connect(self._on_date_changed)
        self.facilitator_edit.textChanged.connect(self._on_facilitator_changed)

    def _on_kind_changed(self, _index: int) -> None:
        """A new kind brings its agenda template, unless the clock already ran."""
        self.agenda_panel.use_template(str(self.kind_combo.currentData()))
        self._render_title()
        self.context.mark_dirty()

    def _on_date_changed(self) -> None:
        self.context.mark_dirty()
        self._refresh()

    def _on_facilitator_changed(self, _text: str) -> None:
        self.context.mark_dirty()

    def _build_shortcuts(self) -> None:
        def key(sequence: Any, slot: Callable[[], None]) -> QShortcut:
            shortcut = QShortcut(QKeySequence(sequence), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            return shortcut

        projection, agenda = self.projection, self.agenda_panel
        key(Qt.Key.Key_F9, projection.toggle_curtain)
        # Remote clickers blank the screen with "." or "B"; text fields keep those keys.
        key(Qt.Key.Key_Period, projection.toggle_curtain)
        key(Qt.Key.Key_B, projection.toggle_curtain)
        key(Qt.Key.Key_F11, self.toggle_full_screen)
        key(Qt.Key.Key_Escape, self._on_escape)
        key(QKeySequence.StandardKey.ZoomIn, projection.zoom_in)
        key("Ctrl+=", projection.zoom_in)
        key(QKeySequence.StandardKey.ZoomOut, projection.zoom_out)
        key("Ctrl+0", projection.reset_zoom)
        key(Qt.Key.Key_F7, projection.toggle_high_contrast)
        key(Qt.Key.Key_F8, projection.toggle_initials)
        key(Qt.Key.Key_F5, agenda.toggle_timer)
        key(Qt.Key.Key_F6, agenda.next_item)
        key("Shift+F6", agenda.previous_item)
        key("Ctrl+S", self.protocol_panel.save_and_protocol)
        key("Ctrl+W", self._close_window)
        participants, background, plan = (
            self.participants_panel,
            self.background_panel,
            self.plan_panel,
        )
        targets: list[Callable[[], QWidget]] = [
            lambda: self.kind_combo,
            lambda: participants.participant_name,
            lambda: agenda.agenda_title,
            lambda: (
                background.review_rows[0].score
                if background.review_rows
                else background.review_section
            ),
            lambda: plan.will_who,
            lambda: plan.resource_kind,
            lambda: plan.goal_text,
            lambda: plan.step_who,
            lambda: plan.decisions_edit,
        ]
        for number, target in enumerate(targets, start=1):
            key(f"Ctrl+{number}", partial(self._focus_target, target))

    def _close_window(self) -> None:
        self.close()

    def _focus_target(self, target: Callable[[], QWidget]) -> None:
        self.focus_field(target())

    def focus_field(self, widget: QWidget) -> None:
        if self.projection.curtain_on:
            return
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------------ loading
    def _on_loaded(self, detail: m.CaseDetail) -> None:
        self.context.load(detail)
        self.projection.set_initials(detail.pseudonymize)
        self.setWindowTitle(
            self.tr("Konferenzmodus – %1").replace("%1", detail.summary.file_number)
        )
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData("fallkonferenz")))
        self.kind_combo.blockSignals(False)
        self.agenda_panel.use_template(str(self.kind_combo.currentData()))
        self._refresh()
        self.context.mark_clean()
        store = self.context.store  # the journal's key may come from the team server
        self.context.runner.submit(lambda: store.journal, self._on_journal, self._no_journal)

    def _on_journal(self, journal: Any) -> None:
        """Journal the capture from now on, and offer one kept from an earlier session."""
        from ui.conference.journaling import ConferenceJournal

        self.journal = ConferenceJournal(self, journal)
        self.journal.offer()

    def _discard_capture(self) -> None:
        """After a conflict the facilitator let the colleague's conference stand: this
        capture is thrown away (and its journal), the window closes."""
        if self.journal is not None:
            self.journal.discard()
        self.context.mark_clean()
        self.close()

    def _no_journal(self, exc: BaseException) -> None:
        self.console.say(
            self.tr("Die Erfassung wird nicht zwischengesichert: %1").replace(
                "%1", failure_text(exc)
            ),
            error=True,
        )

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
        """Recompute the consent gate; everything that depends on it redraws on the context's
        ``policy_changed`` (this window first, then the panels)."""
        self.context.update_policy(self.participants_panel.participants)

    def _on_policy_changed(self, _policy: ScreenPolicy) -> None:
        names = self.participants_panel.names() + self.plan_panel.will_speakers()
        self.projection.rebuild_scrubber(self.context.detail, names)
        self._render_title()
        self._render_banner()

    def _render_title(self) -> None:
        detail = self.context.detail
        if detail is None:
            return
        s = detail.summary
        if self.projection.use_initials:
            short = family_initials(detail.family.display_name)
            family = self.tr("Familie %1").replace("%1", short) if short else self.tr("Familie")
        else:
            family = detail.family.display_name
        kind = core_label(catalogue("conference_kinds").label(self.kind_combo.currentData()))
        self.title_label.setText(f"{kind} · {s.file_number} · {family}")
        self._render_status()

    def _render_status(self) -> None:
        projection = self.projection
        parts = []
        agenda = self.agenda_panel.status_text()
        if agenda:
            parts.append(agenda)
        parts.append(self.tr("Zoom %1\u00a0%").replace("%1", str(projection.zoom)))
        if projection.high_contrast:
            parts.append(self.tr("hoher Kontrast"))
        if projection.use_initials:
            parts.append(self.tr("Initialen"))
        self.status_label.setText(" · ".join(parts))

    def _render_banner(self) -> None:
        texts = self.participants_panel.banner_text(short=self.projection.zoom > 100)
        if texts is None:
            self.banner.clear()
            self.banner.hide()
            return
        shown, full = texts  # zoomed in, one line; the whole text in the tooltip
        self.banner.setText(shown)
        self.banner.setToolTip(full)
        self.banner.show()

    def section_for(self, title: str) -> QWidget | None:
        """The section an agenda item is worked on in (#15), found by its words; None for
        items of an office's own that name none of them."""
        words = title.casefold()
        plan = self.plan_panel
        for keys, section in (
            (("zielüberprüfung", "rückblick"), self.background_panel.review_section),
            (("wille",), plan.will_section),
            (("ressourcen",), plan.resources_section),
            (("ziel", "vereinbarung", "wer macht was"), plan.goals_section),
            (("abschluss", "termin"), plan.decisions_section),
            (("begrüßung", "anliegen"), self.participants_panel.section),
        ):
            if any(k in words for k in keys):
                return section
        return None

    def _show_agenda_item(self, _index: int, title: str) -> None:
        """F6 goes to where the item is worked on, else to the item in the agenda."""
        target = self.section_for(title)
        if target is not None and target.isVisible():
            top = target.mapTo(self.content, QPoint(0, 0)).y()
            self.scroll.verticalScrollBar().setValue(top)
            return
        label = self.agenda_panel.current_label()
        if label is not None:
            self.scroll.ensureWidgetVisible(label)

    # ------------------------------------------------------------------ saving
    def conference_draft(self) -> m.ConferenceDraft:
        """The checked draft of everything captured (raises ValidationError)."""
        today = self.context.store.clock.today()
        plan = self.plan_panel
        will, who = plan.family_will()
        draft = m.ConferenceDraft(
            held_on=self.date_field.checked(self.tr("Datum")) or today,
            kind=str(self.kind_combo.currentData()),
            facilitator=self.projection.facilitator(),
            participants=tuple(self.participants_panel.participants),
            agenda=self.agenda_panel.titles(),
            family_will=will,
            will_spoken_by=who,
            resources=tuple(plan.resources),
            goals=tuple(plan.goals),
            decisions=plan.decisions(),
            next_review=plan.next_review(),
        )
        return rules.check_conference(draft, today)

    def _drafts(self) -> tuple[m.ConferenceDraft, list[m.ReviewDraft]]:
        return self.conference_draft(), self.background_panel.review_drafts()

    def _say(self, text: str, error: bool, detail: str) -> None:
        self.console.say(text, error=error, detail=detail)

    def _on_conference_saved(self, conference_id: int) -> None:
        emit(self.conference_saved, conference_id)

    def _close_frame_entry(self, saved: bool) -> None:
        if saved:
            self.frame_section.entry.hide()
            self.frame_section.show_problems([])

    def _on_saved(self, saved: bool) -> None:
        """Recorded: the "Konferenz" section shows what was held, everything redraws fixed."""
        if not saved:
            return
        kind = core_label(catalogue("conference_kinds").label(self.kind_combo.currentData()))
        facilitator = self.projection.name_out(self.projection.facilitator())
        self.frame_summary.setText(
            self.tr("%1 am %2")
            .replace("%1", kind)
            .replace("%2", format_date(self.context.held_on()))
            + (self.tr(" · Moderation: %1").replace("%1", facilitator) if facilitator else "")
        )
        self.frame_summary.show()
        self._refresh()

    # ------------------------------------------------------------------ curtain and screen
    def _on_curtain(self, on: bool) -> None:
        """Black out the window at once (and back). The case widgets are hidden underneath and
        the title loses the file number, so nothing of the case is left on screen."""
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
            detail = self.context.detail
            if detail is not None:
                self.setWindowTitle(
                    self.tr("Konferenzmodus – %1").replace("%1", detail.summary.file_number)
                )
            target = self._focus_before_curtain
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def lock_screen(self) -> None:
        """The application locked: curtain down, and it stays down until ``unlock_screen``."""
        self.projection.lock()
        self.curtain.locked_text = self.tr("Gesperrt – bitte im Hauptfenster entsperren.")
        self.curtain.update()
        self.console.set_locked(True)

    def unlock_screen(self) -> None:
        self.projection.unlock()
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

    # ------------------------------------------------------------------ style and columns
    def _on_zoom(self, _percent: int) -> None:
        self._apply_style()
        self._render_status()
        self._render_banner()  # one line when zoomed

    def _on_contrast(self, on: bool) -> None:
        self.contrast_button.setChecked(on)
        self._apply_style()
        self._render_status()

    def _on_masking(self, on: bool) -> None:
        self.initials_button.setChecked(on)
        self._refresh()
        self._render_status()

    def _apply_style(self) -> None:
        projection = self.projection
        self.setStyleSheet(projection.style_sheet(self.participants_panel.participant_name.font()))
        self.plan_panel.restyle(projection.point_size(), projection.theme())
        # the calendar symbol in the theme's colours (dark on black was invisible)
        contrast = (
            (QColor("#000000"), QColor("#ffffff")) if projection.high_contrast else (None, None)
        )
        for date_field in self.findChildren(DateField):
            date_field.button.setIcon(icon("calendar", *contrast))
        self._relayout()

    def _relayout(self, *, force: bool = False) -> None:
        """Two columns while each gets ``COLUMN_CHARS`` characters, else one: the zoom reflows."""
        char = QFontMetricsF(self.participants_panel.participant_name.font()).averageCharWidth()
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

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.context.dirty:
            if not self._confirm_discard():
                event.ignore()
                return
            if self.journal is not None:  # thrown away on purpose: not offered again
                self.journal.discard()
        self.agenda_panel.tick_timer.stop()
        self.console.close()
        emit(self.closed)
        event.accept()
        super().closeEvent(event)

    def _confirm_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Konferenz nicht gespeichert"),
            self.tr("Die Konferenz ist noch nicht gespeichert. Eingaben verwerfen und schließen?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Verwerfen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Weiter bearbeiten"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def discard(self) -> None:
        """Close without asking (tests, or the application quits)."""
        self.context.mark_clean()
        self.close()
