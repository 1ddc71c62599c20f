"""What the case file brings into the room: "Aus der Fallakte" (reason for contact, running
helps, resources, the family's will at the last conference) and "Rückblick", the review of the
open goals. A restricted screen drops the background and shows only the goals' titles; case
notes are never shown here."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import LEVEL_LABELS, GoalStatus, ResourceKind
from ui.conference.base import ConferenceBase
from ui.conference.widgets import ReviewRow, wrapped_label
from ui.forms import format_date
from ui.goal_chart import ordered_reviews, score_label
from ui.i18n import core_label


class CaseBackgroundPart(ConferenceBase):
    """The background and review sections; the review rows are made once the case is loaded."""

    def _build_background(self) -> None:
        s = self.background_section = self._section(self.tr("Aus der Fallakte"))
        self.background_label = wrapped_label("", "background")
        s.body.addWidget(self.background_label)

    def _build_review(self) -> None:
        s = self.review_section = self._section(self.tr("Rückblick: Zielüberprüfung"))
        self.review_hint = wrapped_label("", "muted")
        s.body.addWidget(self.review_hint)
        self.review_list = QVBoxLayout()
        s.body.addLayout(self.review_list)

    def _add_review_rows(self) -> None:
        """One ``ReviewRow`` per goal still open or partly reached."""
        for goal in self._goals_to_review():
            row = ReviewRow(goal)
            row.changed.connect(self._mark_dirty)
            self.review_rows.append(row)
            self.review_list.addWidget(row)

    def _goals_to_review(self) -> list[m.Goal]:
        if self.detail is None:
            return []
        keep = {GoalStatus.OPEN.value, GoalStatus.PARTLY.value}
        return [g for g in self.detail.goals if g.status in keep]

    def _render_background(self) -> None:
        if self.detail is None or not self.policy.show_background:
            self.background_label.clear()
            self.background_section.hide()
            return
        d = self.detail
        lines: list[str] = []
        if d.reason_for_contact.strip():
            lines.append(self.tr("Anlass: %1").replace("%1", self.text_out(d.reason_for_contact)))
        today = self.held_on()
        helps = catalogue("help_types")
        running = [
            h for h in d.helps if h.start_on <= today and (h.end_on is None or h.end_on >= today)
        ]
        for h in running:
            item = helps.find(h.help_type)
            paragraph = f"{item.get('paragraph', '')} " if item and item.get("paragraph") else ""
            provider = f" ({self.text_out(h.provider)})" if h.provider else ""
            lines.append(
                self.tr("Laufende Hilfe: %1 seit %2")
                .replace("%1", f"{paragraph}{core_label(helps.label(h.help_type))}{provider}")
                .replace("%2", format_date(h.start_on))
            )
        for r in d.resources:
            try:
                kind = core_label(ResourceKind(r.kind).label)
            except ValueError:
                kind = r.kind
            lines.append(
                self.tr("Ressource (%1): %2")
                .replace("%1", kind)
                .replace("%2", self.text_out(r.description))
            )
        previous = next((c for c in reversed(d.conferences) if c.family_will.strip()), None)
        if previous is not None:
            who = self.text_out(previous.will_spoken_by)
            lines.append(
                self.tr("Wille beim letzten Gespräch (%1): „%2“%3")
                .replace("%1", format_date(previous.held_on))
                .replace("%2", self.text_out(previous.family_will))
                .replace("%3", f" – {who}" if who else "")
            )
        self.background_label.setText("\n".join(lines))
        self.background_section.setVisible(bool(lines))

    def _render_review(self) -> None:
        goals = self._goals_to_review()
        self.review_section.setVisible(bool(goals))
        if self.policy.show_goal_details:
            self.review_hint.setText(
                self.tr("Einschätzung je Ziel von −2 (deutlich weniger als erwartet) bis +2.")
            )
        else:
            self.review_hint.setText(
                self.tr(
                    "Die Ziele ohne Titel, Indikatoren, Stufen und frühere Einschätzungen: sie "
                    "sind ausgeblendet, solange Teilnehmende ohne Einwilligung dabei sind."
                )
            )
        if self.policy.awaiting:
            self.review_hint.setText(
                self.tr("Die Ziele erscheinen, sobald die Teilnehmenden eingetragen sind.")
            )
        for number, row in enumerate(self.review_rows, start=1):
            g = row.goal
            # a title can carry health details: a neutral placeholder unless everyone is cleared
            title = (
                self.text_out(g.text)
                if self.policy.show_goal_titles
                else self.tr("Ziel aus der Fallakte")
            )
            details: str | None = None
            if self.policy.show_goal_details:
                lines = []
                if g.indicator:
                    lines.append(
                        self.tr("Woran merken wir es: %1").replace("%1", self.text_out(g.indicator))
                    )
                for label, level in zip(LEVEL_LABELS, g.levels, strict=True):
                    if level.strip():
                        lines.append(f"{label}: {self.text_out(level)}")
                reviews = ordered_reviews(g.reviews)
                if reviews:
                    last = reviews[-1]
                    lines.append(
                        self.tr("Zuletzt: %1 am %2")
                        .replace("%1", score_label(last.score))
                        .replace("%2", format_date(last.reviewed_on))
                    )
                details = "\n".join(lines)
            row.show_goal(number, title, details, self.policy.show_goal_details)
