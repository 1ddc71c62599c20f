"""Who takes part, and what their consent allows the shared screen to show: the participant
list with ✓ / ⚠ and the consent gate's reason, the banner of a restricted screen, and the
"Wer?" suggestions (the family first)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import PersonRole
from sro_case.domain.validation import Checker
from sro_case.errors import ValidationError
from ui.conference.base import ConferenceBase
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


class ParticipantsPart(ConferenceBase):
    """The "Teilnehmende" section. The consent gate (``screen_policy``) is recomputed by the
    window's ``_refresh`` on every change here; this part shows its verdict."""

    def _build_participants(self) -> None:
        s = self.participants_section = self._section(self.tr("Teilnehmende"))
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
            self.participants_section.show_problems(exc.problems)
            return
        self.participants_section.show_problems([])
        self.participants.append(checked)
        self.participant_name.clear()
        self.participant_org.clear()
        self.participant_discipline.reset()
        self.participant_name.setFocus()
        self._mark_dirty()
        self._refresh()

    def remove_participant(self, index: int) -> None:
        self._remove(self.participants, index)

    def _render_participants(self) -> None:
        self._clear_layout(self.participant_list, keep=[self.participants_empty])
        self.participants_empty.setVisible(not self.participants)
        self.participant_rows: list[ItemRow] = []
        for i, (p, clearance) in enumerate(
            zip(self.participants, self.policy.clearances, strict=True)
        ):
            name = self.name_out(p.name)
            parts = [name]
            if p.organisation:
                parts.append(self.text_out(p.organisation))
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

    def _render_banner(self) -> None:
        if self.policy.awaiting:
            full = self.tr(
                "Noch niemand eingetragen: aus der Fallakte erscheint nichts, bis die "
                "Teilnehmenden erfasst sind und die Einwilligungen geprüft wurden."
            )
            short = self.tr("Noch niemand eingetragen: aus der Fallakte erscheint nichts.")
            self.banner.setText(short if self.zoom > 100 else full)
            self.banner.setToolTip(full)
            self.banner.show()
            return
        flagged = self.policy.flagged
        if not flagged:
            self.banner.clear()
            self.banner.hide()
            return
        count = len(flagged)
        full = self.tr(
            "⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung. "
            "Aus der Fallakte erscheinen die Ziele nur als Platzhalter; es erscheint nur, "
            "was diese Konferenz erarbeitet."
        ).replace("%1", str(count))
        short = self.tr(
            "⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung."
        ).replace("%1", str(count))
        # zoomed in, one line; the whole text in the tooltip (details on demand)
        self.banner.setText(short if self.zoom > 100 else full)
        self.banner.setToolTip(full)
        self.banner.show()

    def household_labels(self) -> dict[str, str]:
        """Full name of each household member on file → a neutral label by role ("Elternteil",
        "Kind 1", "Kind 2"): what a restricted screen shows instead of the name."""
        if self.detail is None:
            return {}
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
        if self.detail is None:
            return []
        order = {r.value: i for i, r in enumerate(_ROLE_ORDER)}
        return sorted(self.detail.family.persons, key=lambda p: order.get(p.role, 99))

    def who_out(self, who: str, fallback: Callable[[str], str] | None = None) -> str:
        """A "Wer?" value as the shared screen shows it: a household member by role while the
        screen may not show names from the file, else the name (initials if chosen)."""
        label = self._role_labels.get(who)
        return label if label else (fallback or self.name_out)(who)

    def _update_role_labels(self) -> None:
        """Once per redraw: the household members shown by role (none while the screen may
        show names from the file; a member who takes part is shown by name)."""
        if self.policy.show_file_names:
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
        pairs: list[tuple[str, str]] = [
            (self.who_out(p.full_name), p.full_name) for p in self._persons_in_order()
        ]
        family = [p for p in self.participants if is_family(p.discipline)]
        others = [p for p in self.participants if p not in family]
        pairs += [(self.name_out(p.name), p.name) for p in family]
        pairs.append((self.tr("Familie"), self.tr("Familie")))
        pairs += [(self.name_out(p.name), p.name) for p in others]
        seen: set[str] = set()
        result = []
        for display, value in pairs:
            key = value.casefold()
            if value and key not in seen:
                seen.add(key)
                result.append((display, value))
        return result

    def _update_suggestions(self) -> None:
        suggestions = self.who_suggestions()
        for field in (self.will_who, self.step_who):
            field.set_suggestions(suggestions)
