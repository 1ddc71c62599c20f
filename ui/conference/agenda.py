"""The agenda and its timer: the kind's agenda template from the catalogue, items added during
the conference, a clock per item (F5 starts and stops it, F6 / Umschalt+F6 move between items)
that marks an item running over its planned minutes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from sro_case.domain.catalogues import catalogue
from ui.conference.base import ConferenceBase
from ui.conference.widgets import FlowLayout, add_row, form_layout, repolish, wrapped_label
from ui.i18n import core_label


@dataclass
class AgendaItem:
    title: str
    planned_minutes: int
    elapsed_seconds: float = 0.0

    @property
    def over_time(self) -> bool:
        return self.planned_minutes > 0 and self.elapsed_seconds > self.planned_minutes * 60


def agenda_template(kind: str) -> list[AgendaItem]:
    """The agenda of a conference kind from the catalogue (title, planned minutes)."""
    kinds = catalogue("conference_kinds")
    item = kinds.find(kind)
    if item is None:
        return []
    return [AgendaItem(str(title), int(minutes)) for title, minutes in item.get("agenda", [])]


def format_clock(seconds: float) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour on."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class AgendaPart(ConferenceBase):
    """The "Tagesordnung" section and the timer. The clock reads ``self._monotonic``; the
    window's one-second tick (``_on_tick``) only adds up and redraws."""

    def _build_agenda(self) -> None:
        s = self.agenda_section = self._section(self.tr("Tagesordnung"))
        self.agenda_list = QVBoxLayout()
        s.body.addLayout(self.agenda_list)
        self.agenda_labels: list[QLabel] = []
        buttons = QWidget()
        flow = FlowLayout(buttons)
        self.timer_button = QPushButton(self.tr("Zeit starten (F5)"))
        self.timer_button.clicked.connect(self.toggle_timer)
        self.next_button = QPushButton(self.tr("Nächster Punkt (F6)"))
        self.next_button.clicked.connect(self.next_item)
        flow.addWidget(self.timer_button)
        flow.addWidget(self.next_button)
        s.body.addWidget(buttons)
        form = form_layout()
        self.agenda_title = QLineEdit()
        self.agenda_title.setPlaceholderText(self.tr("weiterer Punkt"))
        self.agenda_minutes = QSpinBox()
        self.agenda_minutes.setRange(1, 180)
        self.agenda_minutes.setValue(10)
        self.agenda_minutes.setSuffix(self.tr(" Min."))
        add_row(form, self.tr("Punkt:"), self.agenda_title)
        add_row(form, self.tr("Geplant:"), self.agenda_minutes)
        s.entry_layout.addLayout(form)
        self.add_agenda_button = QPushButton(self.tr("Tagesordnungspunkt &anfügen"))
        self.add_agenda_button.clicked.connect(self.add_agenda_item)
        self.agenda_title.returnPressed.connect(self.add_agenda_item)
        s.entry_layout.addWidget(self.add_agenda_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _render_agenda(self) -> None:
        self._clear_layout(self.agenda_list)
        self.agenda_labels = []
        for i in range(len(self.agenda)):
            label = wrapped_label("", "agendaItem")
            self.agenda_labels.append(label)
            self.agenda_list.addWidget(label)
            self._update_agenda_label(i)
        for button in (self.next_button, self.timer_button):
            button.setEnabled(bool(self.agenda))
            button.setVisible(not self.saved)
        self._render_status()

    def _update_agenda_label(self, i: int) -> None:
        item, label = self.agenda[i], self.agenda_labels[i]
        current = i == self.current_item
        mark = "▶ " if current else "   "
        clock = format_clock(item.elapsed_seconds)
        label.setText(
            f"{mark}{i + 1}. {core_label(item.title)} — {clock} / {item.planned_minutes:d}"
            + "\u00a0"
            + self.tr("Min.")
            + (" ⏰" if item.over_time else "")
        )
        state = "over" if item.over_time and current else ("current" if current else "")
        if label.property("agenda") != state:
            label.setProperty("agenda", state)
            repolish(label)

    def add_agenda_item(self) -> None:
        title = self.agenda_title.text().strip()
        if not title:
            return
        self.agenda.append(AgendaItem(title, self.agenda_minutes.value()))
        self.agenda_title.clear()
        self._mark_dirty()
        self._render_agenda()

    def _on_kind_changed(self, _index: int) -> None:
        """A new kind brings its agenda template, unless the clock already ran."""
        if not any(item.elapsed_seconds for item in self.agenda):
            self.agenda = agenda_template(str(self.kind_combo.currentData()))
            self.current_item = 0
            self._render_agenda()
        self._render_title()
        self._mark_dirty()

    # ------------------------------------------------------------------ timer
    def toggle_timer(self) -> None:
        if not self.agenda or self.curtain_on:
            return
        self._accumulate()
        self.timer_running = not self.timer_running
        self.timer_button.setText(
            self.tr("Zeit anhalten (F5)") if self.timer_running else self.tr("Zeit starten (F5)")
        )
        self._update_agenda_label(self.current_item)
        self._render_status()

    def next_item(self) -> None:
        self._move_item(1)

    def previous_item(self) -> None:
        self._move_item(-1)

    def _move_item(self, step: int) -> None:
        if not self.agenda or self.curtain_on:
            return
        self._accumulate()
        old = self.current_item
        self.current_item = max(0, min(len(self.agenda) - 1, self.current_item + step))
        self._update_agenda_label(old)
        self._update_agenda_label(self.current_item)
        target = self.section_for(self.agenda[self.current_item].title)
        if target is not None and target.isVisible():  # F6 goes to where the item is worked on
            top = target.mapTo(self.content, QPoint(0, 0)).y()
            self.scroll.verticalScrollBar().setValue(top)
        elif self.agenda_labels:
            self.scroll.ensureWidgetVisible(self.agenda_labels[self.current_item])
        self._render_status()

    def section_for(self, title: str) -> QWidget | None:
        """The section an agenda item is worked on in (#15), found by its words; None for
        items of an office's own that name none of them."""
        words = title.casefold()
        for keys, section in (
            (("zielüberprüfung", "rückblick"), "review_section"),
            (("wille",), "will_section"),
            (("ressourcen",), "resources_section"),
            (("ziel", "vereinbarung", "wer macht was"), "goals_section"),
            (("abschluss", "termin"), "decisions_section"),
            (("begrüßung", "anliegen"), "participants_section"),
        ):
            if any(k in words for k in keys):
                return getattr(self, section, None)
        return None

    def _accumulate(self) -> None:
        now = self._monotonic()
        if self.timer_running and self.agenda:
            self.agenda[self.current_item].elapsed_seconds += max(0.0, now - self._last_tick)
        self._last_tick = now

    def _on_tick(self) -> None:
        if not self.timer_running:
            self._last_tick = self._monotonic()
            return
        self._accumulate()
        if self.agenda_labels:
            self._update_agenda_label(self.current_item)
        self._render_status()
