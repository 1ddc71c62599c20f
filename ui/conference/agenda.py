"""The agenda panel and its timer: the kind's agenda template from the catalogue, items added
during the conference, a clock per item (F5 starts and stops it, F6 / Umschalt+F6 move between
items) that marks an item running over its planned minutes."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from sro_case.domain.catalogues import catalogue
from ui.conference.context import ConferenceContext
from ui.conference.panel import Panel
from ui.conference.widgets import FlowLayout, add_row, form_layout, repolish, wrapped_label
from ui.i18n import core_label
from ui.refcounts import emit


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


class AgendaPanel(Panel):
    """The "Tagesordnung" section: the items (``items``), which one is current
    (``current_item``) and whether its clock runs (``timer_running``).

    The clock reads ``monotonic``; the panel's one-second ``tick_timer`` only adds up and
    redraws. Behind the curtain F5 and F6 do nothing. Signals: ``status_changed()`` when the status line's part (``status_text``) is
    to be redrawn, ``current_changed(int, str)`` when F6 / Umschalt+F6 moved to another item (the
    window scrolls to where it is worked on).
    """

    status_changed = Signal()
    current_changed = Signal(int, str)  # index, title

    def __init__(
        self,
        context: ConferenceContext,
        parent: QObject | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(context, parent)
        self.items: list[AgendaItem] = []
        self.current_item = 0
        self.timer_running = False
        self._monotonic = monotonic
        self._last_tick = monotonic()
        self._build()
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self.tick)
        self.tick_timer.start()
        context.policy_changed.connect(self.render)  # with the whole screen, as it redraws
        context.saved_changed.connect(self._on_saved)

    def _build(self) -> None:
        s = self.section = self._section(self.tr("Tagesordnung"))
        self.agenda_list = QVBoxLayout()
        s.body.addLayout(self.agenda_list)
        self.labels: list[QLabel] = []
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

    def render(self, _policy: object = None) -> None:
        self._clear_layout(self.agenda_list)
        self.labels = []
        for i in range(len(self.items)):
            label = wrapped_label("", "agendaItem")
            self.labels.append(label)
            self.agenda_list.addWidget(label)
            self._update_label(i)
        for button in (self.next_button, self.timer_button):
            button.setEnabled(bool(self.items))
            button.setVisible(not self.context.saved)
        emit(self.status_changed)

    def _update_label(self, i: int) -> None:
        item, label = self.items[i], self.labels[i]
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

    def status_text(self) -> str:
        """The agenda's part of the window's status line ("" without an agenda)."""
        if not self.items:
            return ""
        item = self.items[self.current_item]
        state = self.tr("läuft") if self.timer_running else self.tr("angehalten")
        return (
            self.tr("Punkt %1 von %2: %3 · %4 von %5\u00a0Min. · %6")
            .replace("%1", str(self.current_item + 1))
            .replace("%2", str(len(self.items)))
            .replace("%3", core_label(item.title))
            .replace("%4", format_clock(item.elapsed_seconds))
            .replace("%5", str(item.planned_minutes))
            .replace("%6", state)
        )

    def titles(self) -> tuple[str, ...]:
        return tuple(item.title for item in self.items)

    def current_label(self) -> QLabel | None:
        return self.labels[self.current_item] if self.labels else None

    def add_agenda_item(self) -> None:
        title = self.agenda_title.text().strip()
        if not title:
            return
        self.items.append(AgendaItem(title, self.agenda_minutes.value()))
        self.agenda_title.clear()
        self.context.mark_dirty()
        self.render()

    def use_template(self, kind: str) -> None:
        """The agenda of a conference kind, unless the clock already ran."""
        if not any(item.elapsed_seconds for item in self.items):
            self.items = agenda_template(kind)
            self.current_item = 0
            self.render()

    def _on_saved(self, saved: bool) -> None:
        if saved:  # the controls go with the next redraw
            self.timer_running = False

    # ------------------------------------------------------------------ timer
    def toggle_timer(self) -> None:
        if not self.items or self.context.projection.curtain_on:
            return
        self._accumulate()
        self.timer_running = not self.timer_running
        self.timer_button.setText(
            self.tr("Zeit anhalten (F5)") if self.timer_running else self.tr("Zeit starten (F5)")
        )
        self._update_label(self.current_item)
        emit(self.status_changed)

    def next_item(self) -> None:
        self.move_item(1)

    def previous_item(self) -> None:
        self.move_item(-1)

    def move_item(self, step: int) -> None:
        if not self.items or self.context.projection.curtain_on:
            return
        self._accumulate()
        old = self.current_item
        self.current_item = max(0, min(len(self.items) - 1, self.current_item + step))
        self._update_label(old)
        self._update_label(self.current_item)
        emit(self.current_changed, self.current_item, self.items[self.current_item].title)
        emit(self.status_changed)

    def _accumulate(self) -> None:
        now = self._monotonic()
        if self.timer_running and self.items:
            self.items[self.current_item].elapsed_seconds += max(0.0, now - self._last_tick)
        self._last_tick = now

    def tick(self) -> None:
        """Every second: the running item's clock."""
        if not self.timer_running:
            self._last_tick = self._monotonic()
            return
        self._accumulate()
        if self.labels:
            self._update_label(self.current_item)
        emit(self.status_changed)
