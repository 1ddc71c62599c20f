"""The participants panel – who takes part, and what their consent allows the shared screen to
show: the participant list with ✓ / ⚠ and the consent gate's reason, the text of a restricted
screen's banner, and for the plan's "Wer?" fields the suggestions (the family first) and the
household's role labels (``WhoInfo``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.domain.consent_gate import ScreenPolicy
from sro_case.domain.enums import PersonRole
from sro_case.domain.validation import Checker
from sro_case.errors import ValidationError
from ui.conference.context import ConferenceContext
from ui.conference.panel import Panel
from ui.conference.widgets import (
    DisciplineField,
    ItemRow,
    add_row,
    form_layout,
    is_family,
    line_edit,
    repolish,
    wrapped_label,
)
from ui.i18n import core_label, core_text
from ui.refcounts import emit

# Family members come first in "Wer?": parents and guardians, then the young people.
_ROLE_ORDER = [
    PersonRole.PARENT,
    PersonRole.GUARDIAN,
    PersonRole.FOSTER_PARENT,
    PersonRole.YOUNG_ADULT,
    PersonRole.ADOLESCENT,
    PersonRole.CHILD,
    PersonRole.RELATIVE,
    PersonRole.OTHER,
]


@dataclass(frozen=True)
class WhoInfo:
    """What the "Wer?" fields of the plan need from the participants panel, sent with
    ``ParticipantsPanel.who_changed`` after every redraw."""

    #: (display, full name): the family first, then "Familie", then the professionals
    suggestions: tuple[tuple[str, str], ...] = ()
    #: household member's full name → role label, while the screen may not show their name
    role_labels: Mapping[str, str] = field(default_factory=dict)
    #: casefolded names that count as the family ("Familie", family participants, household)
    family: frozenset[str] = frozenset()

    def who_out(self, who: str, fallback: Callable[[str], str]) -> str:
        """A "Wer?" value as the shared screen shows it: a household member by role while the
        screen may not show names from the file, else ``fallback(who)``."""
        label = self.role_labels.get(who)
        return label if label else fallback(who)


class ParticipantsPanel(Panel):
    """The "Teilnehmende" section: who takes part (``participants``), with ✓ / ⚠ and the
    consent gate's reason, and the household's role labels for a restricted screen.

    The consent gate is recomputed by the context (``ConferenceContext.update_policy``) on
    every change here – the panel emits ``participants_changed()`` and the window asks for it –
    and the panel redraws on ``policy_changed``, then emits ``who_changed(WhoInfo)``.
    """

    participants_changed = Signal()
    who_changed = Signal(object)  # WhoInfo

    def __init__(self, context: ConferenceContext, parent: QObject | None = None) -> None:
        super().__init__(context, parent)
        self.participants: list[m.ParticipantDraft] = []
        self.participant_rows: list[ItemRow] = []
        self._role_labels: dict[str, str] = {}  # household member's name → role, if restricted
        self._build()
        context.policy_changed.connect(self._on_policy_changed)

    def _build(self) -> None:
        s = self.section = self._section(self.tr("Teilnehmende"))
        self.participant_list = QVBoxLayout()
        s.body.addLayout(self.participant_list)
        self.participants_empty = wrapped_label(self.tr("noch niemand eingetragen"), "muted")
        self.participant_list.addWidget(self.participants_empty)
        form = form_layout()
        self.participant_name = QLineEdit()
        self.participant_org = QLineEdit()
        self.participant_org.setPlaceholderText(self.tr("z. B. Grundschule am Mühlenteich"))
        self.participant_discipline = DisciplineField(
            self.tr("z. B. Schule, Kita, Familie – Alt+Pfeil runter zeigt alle")
        )
        add_row(form, self.tr("Name:"), self.participant_name)
        add_row(form, self.tr("Organisation:"), self.participant_org)
        add_row(form, self.tr("Disziplin:"), self.participant_discipline)
        s.entry_layout.addLayout(form)
        self.add_participant_button = QPushButton(self.tr("Teilnehmende &hinzufügen"))
        self.add_participant_button.clicked.connect(self.add_participant)
        s.entry_layout.addWidget(self.add_participant_button, 0, Qt.AlignmentFlag.AlignLeft)
        for edit in (self.participant_name, self.participant_org):
            edit.returnPressed.connect(self.add_participant)
        line_edit(self.participant_discipline).returnPressed.connect(self.add_participant)

    def add_participant(self) -> None:
        discipline = self.participant_discipline.code()
        draft = m.ParticipantDraft(
            name=self.participant_name.text(),
            discipline=discipline or "",
            organisation=self.participant_org.text(),
        )
        c = Checker()
        checked = rules.check_participant(draft, c, "")
        if discipline is None:
            c.problems = [p for p in c.problems if p[0] != "Disziplin"]
            c.fail(self.tr("Disziplin"), self.participant_discipline.problem())
        try:
            c.done()
        except ValidationError as exc:
            self.section.show_problems(exc.problems)
            return
        self.section.show_problems([])
        self.participants.append(checked)
        self.participant_name.clear()
        self.participant_org.clear()
        self.participant_discipline.reset()
        self.participant_name.setFocus()
        self.context.mark_dirty()
        emit(self.participants_changed)

    def remove_participant(self, index: int) -> None:
        if 0 <= index < len(self.participants):
            del self.participants[index]
            self.context.mark_dirty()
            emit(self.participants_changed)

    def names(self) -> list[str]:
        return [p.name for p in self.participants]

    # ------------------------------------------------------------------ state → screen
    def _on_policy_changed(self, _policy: ScreenPolicy) -> None:
        self._update_role_labels()
        self.render()
        emit(self.who_changed, self.who_info())

    def render(self) -> None:
        policy = self.context.policy
        self._clear_layout(self.participant_list, keep=[self.participants_empty])
        self.participants_empty.setVisible(not self.participants)
        self.participant_rows = []
        for i, (p, clearance) in enumerate(zip(self.participants, policy.clearances, strict=True)):
            name = self.context.name_out(p.name)
            parts = [name]
            if p.organisation:
                parts.append(self.context.text_out(p.organisation))
            parts.append(core_label(catalogue("disciplines").label(p.discipline)))
            mark = "⚠ " if clearance.flagged else "✓ "
            text = mark + " · ".join(parts) + f" — {core_text(clearance.reason)}"
            row = self._add_item_row(
                self.participant_list, text, name, partial(self.remove_participant, i)
            )
            row.label.setProperty("flagged", "true" if clearance.flagged else "false")
            row.label.setAccessibleDescription(
                self.tr("ohne gültige Einwilligung")
                if clearance.flagged
                else self.tr("freigegeben")
            )
            repolish(row.label)
            self.participant_rows.append(row)

    def banner_text(self, short: bool) -> tuple[str, str] | None:
        """The banner of a restricted screen: (text shown, whole text for the tooltip) – the
        short text when zoomed in, one line –, or None when the screen is not restricted."""
        policy = self.context.policy
        if policy.awaiting:
            full = self.tr(
                "Noch niemand eingetragen: aus der Fallakte erscheint nichts, bis die "
                "Teilnehmenden erfasst sind und die Einwilligungen geprüft wurden."
            )
            brief = self.tr("Noch niemand eingetragen: aus der Fallakte erscheint nichts.")
            return (brief if short else full), full
        flagged = policy.flagged
        if not flagged:
            return None
        count = len(flagged)
        full = self.tr(
            "⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung. "
            "Aus der Fallakte erscheinen die Ziele nur als Platzhalter; es erscheint nur, "
            "was diese Konferenz erarbeitet."
        ).replace("%1", str(count))
        brief = self.tr(
            "⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung."
        ).replace("%1", str(count))
        return (brief if short else full), full

    # ------------------------------------------------------------------ "Wer?"
    def household_labels(self) -> dict[str, str]:
        """Full name of each household member on file → a neutral label by role ("Elternteil",
        "Kind 1", "Kind 2"): what a restricted screen shows instead of the name."""
        persons = self._persons_in_order()
        counts = Counter(p.role for p in persons)
        numbers: Counter[str] = Counter()
        labels: dict[str, str] = {}
        for p in persons:
            try:
                label = core_label(PersonRole(p.role).label)
            except ValueError:
                label = self.tr("Familienmitglied")
            if counts[p.role] > 1:
                numbers[p.role] += 1
                label = f"{label} {numbers[p.role]}"
            labels.setdefault(p.full_name, label)
        return labels

    def _persons_in_order(self) -> list[m.Person]:
        detail = self.context.detail
        if detail is None:
            return []
        order = {r.value: i for i, r in enumerate(_ROLE_ORDER)}
        return sorted(detail.family.persons, key=lambda p: order.get(p.role, 99))

    def who_out(self, who: str) -> str:
        """A "Wer?" value as the shared screen shows it: a household member by role while the
        screen may not show names from the file, else the name (initials if chosen)."""
        label = self._role_labels.get(who)
        return label if label else self.context.name_out(who)

    def _update_role_labels(self) -> None:
        """Once per redraw: the household members shown by role (none while the screen may
        show names from the file; a member who takes part is shown by name)."""
        if self.context.policy.show_file_names:
            self._role_labels = {}
            return
        taking_part = {p.name.casefold() for p in self.participants}
        self._role_labels = {
            name: label
            for name, label in self.household_labels().items()
            if name.casefold() not in taking_part
        }

    def who_suggestions(self) -> list[tuple[str, str]]:
        """(display, full name): the family first — the household on file (by name if the
        screen may show names from the file, else by role), family members taking part — then
        "Familie", then the professionals."""
        name_out = self.context.name_out
        pairs: list[tuple[str, str]] = [
            (self.who_out(p.full_name), p.full_name) for p in self._persons_in_order()
        ]
        family = [p for p in self.participants if is_family(p.discipline)]
        others = [p for p in self.participants if p not in family]
        pairs += [(name_out(p.name), p.name) for p in family]
        pairs.append((self.tr("Familie"), self.tr("Familie")))
        pairs += [(name_out(p.name), p.name) for p in others]
        seen: set[str] = set()
        result = []
        for display, value in pairs:
            key = value.casefold()
            if value and key not in seen:
                seen.add(key)
                result.append((display, value))
        return result

    def who_info(self) -> WhoInfo:
        family = {self.tr("Familie").casefold()} | {
            p.name.casefold() for p in self.participants if is_family(p.discipline)
        }
        family |= {p.full_name.casefold() for p in self._persons_in_order()}
        return WhoInfo(tuple(self.who_suggestions()), dict(self._role_labels), frozenset(family))
