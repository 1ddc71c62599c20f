"""The case background panel – what the case file brings into the room: "Aus der Fallakte"
(reason for contact, running helps, resources, the family's will at the last conference) and
"Rückblick", the review of the open goals. A restricted screen drops the background and shows
the goals only as placeholders; case notes are never shown here."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QVBoxLayout

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.domain.consent_gate import ScreenPolicy
from sro_case.domain.enums import LEVEL_LABELS, GoalStatus, ResourceKind
from sro_case.errors import ValidationError
from ui.conference.context import ConferenceContext
from ui.conference.panel import Panel
from ui.conference.widgets import ReviewRow, wrapped_label
from ui.forms import format_date
from ui.goal_chart import ordered_reviews, score_label
from ui.i18n import core_label


class CaseBackgroundPanel(Panel):
    """The sections "Aus der Fallakte" (``background_section``) and "Rückblick"
    (``review_section``). The review rows (``review_rows``, one per goal still open or partly
    reached) are made on ``case_loaded`` and frozen once the conference is saved; both sections
    redraw on ``policy_changed``. A score or comment marks the conference dirty."""

    def __init__(self, context: ConferenceContext, parent: QObject | None = None) -> None:
        super().__init__(context, parent)
        self.review_rows: list[ReviewRow] = []
        s = self.background_section = self._section(self.tr("Aus der Fallakte"))
        self.background_label = wrapped_label("", "background")
        s.body.addWidget(self.background_label)
        s = self.review_section = self._section(self.tr("Rückblick: Zielüberprüfung"))
        self.review_hint = wrapped_label("", "muted")
        s.body.addWidget(self.review_hint)
        self.review_list = QVBoxLayout()
        s.body.addLayout(self.review_list)
        context.case_loaded.connect(self._add_review_rows)
        context.policy_changed.connect(self.render)
        context.saved_changed.connect(self._on_saved)

    def _add_review_rows(self, _detail: m.CaseDetail) -> None:
        """One ``ReviewRow`` per goal still open or partly reached."""
        for goal in self._goals_to_review():
            row = ReviewRow(goal)
            row.changed.connect(self.context.mark_dirty)
            self.review_rows.append(row)
            self.review_list.addWidget(row)

    def _goals_to_review(self) -> list[m.Goal]:
        if self.context.detail is None:
            return []
        keep = {GoalStatus.OPEN.value, GoalStatus.PARTLY.value}
        return [g for g in self.context.detail.goals if g.status in keep]

    def _on_saved(self, saved: bool) -> None:
        if saved:
            for row in self.review_rows:
                row.freeze()

    def review_drafts(self) -> list[m.ReviewDraft]:
        """The scores given, as checked drafts dated on the conference (raises
        ValidationError with the problems of all of them)."""
        on: date = self.context.held_on()
        today = self.context.store.clock.today()
        drafts = [d for row in self.review_rows if (d := row.draft(on)) is not None]
        problems: list[tuple[str, str]] = []
        for d in drafts:
            try:
                rules.check_review(d, today)
            except ValidationError as exc:
                problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return drafts

    # ------------------------------------------------------------------ state → screen
    def render(self, _policy: ScreenPolicy | None = None) -> None:
        self._render_background()
        self._render_review()

    def _render_background(self) -> None:
        policy, text_out = self.context.policy, self.context.text_out
        if self.context.detail is None or not policy.show_background:
            self.background_label.clear()
            self.background_section.hide()
            return
        d = self.context.detail
        lines: list[str] = []
        if d.reason_for_contact.strip():
            lines.append(self.tr("Anlass: %1").replace("%1", text_out(d.reason_for_contact)))
        today = self.context.held_on()
        helps = catalogue("help_types")
        running = [
            h for h in d.helps if h.start_on <= today and (h.end_on is None or h.end_on >= today)
        ]
        for h in running:
            item = helps.find(h.help_type)
            paragraph = f"{item.get('paragraph', '')} " if item and item.get("paragraph") else ""
            provider = f" ({text_out(h.provider)})" if h.provider else ""
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
                .replace("%2", text_out(r.description))
            )
        previous = next((c for c in reversed(d.conferences) if c.family_will.strip()), None)
        if previous is not None:
            who = text_out(previous.will_spoken_by)
            lines.append(
                self.tr("Wille beim letzten Gespräch (%1): „%2“%3")
                .replace("%1", format_date(previous.held_on))
                .replace("%2", text_out(previous.family_will))
                .replace("%3", f" – {who}" if who else "")
            )
        self.background_label.setText("\n".join(lines))
        self.background_section.setVisible(bool(lines))

    def _render_review(self) -> None:
        policy, text_out = self.context.policy, self.context.text_out
        goals = self._goals_to_review()
        self.review_section.setVisible(bool(goals))
        if policy.show_goal_details:
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
        if policy.awaiting:
            self.review_hint.setText(
                self.tr("Die Ziele erscheinen, sobald die Teilnehmenden eingetragen sind.")
            )
        for number, row in enumerate(self.review_rows, start=1):
            g = row.goal
            # a title can carry health details: a neutral placeholder unless everyone is cleared
            title = (
                text_out(g.text) if policy.show_goal_titles else self.tr("Ziel aus der Fallakte")
            )
            details: str | None = None
            if policy.show_goal_details:
                lines = []
                if g.indicator:
                    lines.append(
                        self.tr("Woran merken wir es: %1").replace("%1", text_out(g.indicator))
                    )
                for label, level in zip(LEVEL_LABELS, g.levels, strict=True):
                    if level.strip():
                        lines.append(f"{label}: {text_out(level)}")
                reviews = ordered_reviews(g.reviews)
                if reviews:
                    last = reviews[-1]
                    lines.append(
                        self.tr("Zuletzt: %1 am %2")
                        .replace("%1", score_label(last.score))
                        .replace("%2", format_date(last.reviewed_on))
                    )
                details = "\n".join(lines)
            row.show_goal(number, title, details, policy.show_goal_details)
