"""No conference lost (#18): what the Konferenzmodus captured is journaled continuously –
encrypted, on this PC, through the facade's ``Application.journal`` – and offered again when
the conference of that case is opened after a crash, a killed process, a lock or a lost
network. The journal entry is removed once the conference is saved, or when the user discards
the capture; closing the program keeps it.
"""

from __future__ import annotations

import dataclasses
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from sro_case.domain import models as m
from sro_case.domain.json_types import adapter, load
from ui.conference.agenda import AgendaItem

if TYPE_CHECKING:
    from sro_case.app import Journal
    from ui.conference.window import ConferenceWindow

EVERY_MS = 2000  # at most this long of typing can be lost
VERSION = 1


def entry_name(case_id: int) -> str:
    return f"konferenz:{case_id}"


def capture_of(window: ConferenceWindow) -> dict[str, Any]:
    """Everything captured so far, as JSON-able data (the raw field contents: an unfinished
    date is kept as typed)."""
    plan, agenda = window.plan_panel, window.agenda_panel
    return {
        "version": VERSION,
        "case_id": window.context.case_id,
        "kept_at": datetime.now().isoformat(timespec="seconds"),
        "kind": window.kind_combo.currentData(),
        "held_on": _iso(window.date_field.value()),
        "facilitator": window.facilitator_edit.text(),
        "participants": [dataclasses.asdict(p) for p in window.participants_panel.participants],
        "agenda": [[i.title, i.planned_minutes, i.elapsed_seconds] for i in agenda.items],
        "will": [list(item) for item in plan.will_items],
        "resources": [dataclasses.asdict(r) for r in plan.resources],
        "goals": adapter(list[m.GoalDraft]).dump_python(plan.goals, mode="json"),
        "pending_steps": adapter(list[m.StepDraft]).dump_python(plan.pending_steps, mode="json"),
        "decisions": plan.decisions(),
        "next_review": _iso(plan.next_review_field.value()),
        # the review of the open goals: goal id, score (None: not rated) and comment
        "reviews": [
            [row.goal.id, row.score.currentData(), row.comment.text()]
            for row in window.background_panel.review_rows
            if row.score.currentData() is not None or row.comment.text()
        ],
    }


def restore(window: ConferenceWindow, data: dict[str, Any]) -> None:
    """Put a journaled capture back into the window's panels."""
    plan, agenda, people = window.plan_panel, window.agenda_panel, window.participants_panel
    index = window.kind_combo.findData(data.get("kind"))
    if index >= 0:
        window.kind_combo.blockSignals(True)
        window.kind_combo.setCurrentIndex(index)
        window.kind_combo.blockSignals(False)
    if data.get("held_on"):
        window.date_field.set_date(date.fromisoformat(data["held_on"]))
    window.facilitator_edit.setText(str(data.get("facilitator", "")))
    agenda.items = [AgendaItem(str(t), int(mins), float(sec)) for t, mins, sec in data["agenda"]]
    agenda.current_item = 0
    plan.will_items = [(str(who), str(text)) for who, text in data["will"]]
    plan.resources = [m.ResourceDraft(**r) for r in data["resources"]]
    plan.goals = load(list[m.GoalDraft], data["goals"])
    plan.pending_steps = load(list[m.StepDraft], data["pending_steps"])
    plan.decisions_edit.setPlainText(str(data.get("decisions", "")))
    plan.next_review_field.set_date(
        date.fromisoformat(data["next_review"]) if data.get("next_review") else None
    )
    rows = {row.goal.id: row for row in window.background_panel.review_rows}
    for goal_id, score, comment in data.get("reviews", []):
        row = rows.get(int(goal_id))
        if row is None:  # the goal was closed meanwhile: nothing to review any more
            continue
        row.score.setCurrentIndex(max(0, row.score.findData(score)))
        row.comment.setText(str(comment))
    people.participants = [m.ParticipantDraft(**p) for p in data["participants"]]
    window.context.update_policy(people.participants)  # every panel redraws
    agenda.render()
    window.context.mark_dirty()


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


class ConferenceJournal(QObject):
    """Journals one conference window's capture every ``EVERY_MS`` while it has unsaved input,
    offers a kept capture when the case is loaded, and removes it once saved."""

    def __init__(self, window: ConferenceWindow, journal: Journal) -> None:
        super().__init__(window)
        self.window, self.journal = window, journal
        self.name = entry_name(window.context.case_id)
        self._last = ""
        # encrypting and fsyncing happen on a lane of their own, one after the other in the
        # order given (a removal after a save is never overtaken by an older write); the GUI
        # thread only reads the fields
        self._lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sro-case-journal")
        self.destroyed.connect(lambda *_: self._lane.shutdown(wait=True))
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.keep)
        self.timer.start()
        window.context.saved_changed.connect(self._on_saved)

    def keep(self) -> None:
        """Write the capture if it changed since the last write (nothing while saved)."""
        if not self.window.context.dirty:
            return
        content = json.dumps(capture_of(self.window), ensure_ascii=False, sort_keys=True)
        if content != self._last:
            self._lane.submit(self.journal.keep, self.name, content)
            self._last = content

    def flush(self) -> None:
        """Wait until everything handed to the journal's lane is on disk (tests, closing)."""
        self._lane.submit(lambda: None).result()

    def offer(self) -> bool:
        """A capture kept from an earlier session: ask, and restore it (True) or remove it."""
        kept = self.journal.read(self.name)
        if kept is None:
            return False
        data = json.loads(kept)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Nicht gespeicherte Konferenz"),
            self.tr(
                "Für diesen Fall liegt eine nicht gespeicherte Erfassung vom %1 vor (das "
                "Programm wurde beendet, bevor sie gespeichert war). Wiederherstellen?"
            ).replace("%1", _german_time(str(data.get("kept_at", "")))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            self.window,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Wiederherstellen"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("&Verwerfen"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        answer = box.exec()
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Yes:
            restore(self.window, data)
            self._last = ""
            self.keep()
            return True
        self._lane.submit(self.journal.discard, self.name)
        return False

    def discard(self) -> None:
        """The user threw the capture away."""
        self.timer.stop()
        self._lane.submit(self.journal.discard, self.name)

    def _on_saved(self, saved: bool) -> None:
        if saved:
            self._lane.submit(self.journal.discard, self.name)
            self._last = ""


def _german_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d.%m.%Y, %H:%M Uhr")
    except ValueError:
        return iso
