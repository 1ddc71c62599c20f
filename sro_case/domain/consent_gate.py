"""The consent gate of the conference screen (Konferenzmodus): who may see what on the projector.

Pure functions over domain views, no I/O, so the desktop window, the CLI and tests share one rule.

**Participants.** Every participant is checked against the case's consents on the conference day:

* the responsible service (catalogue ``disciplines``, ``responsible: true``, the ASD) and the
  family itself (``family: true``: Familie, Kind/Jugendliche/r) need no release: *cleared*;
* any other discipline is cleared only by a consent on record that names this discipline and is
  valid that day (given on or before it, not expired, not revoked). Which family member gave it
  does not matter, as in the PDF protocol (``reports.protocol.consent_status``);
* otherwise the participant is *flagged*, with a German reason that says why: no consent for the
  discipline at all, revoked on …, expired on …, valid only from …, unknown discipline.

**The shared screen.** ``Consent.data_scope`` is free text, so the gate cannot release single data
categories to single disciplines; it decides for the whole screen, simply and visibly:

* Case notes (Verlauf) are **never** on the conference screen, so nothing entrusted to one worker
  (§ 65 SGB VIII, only notes carry that mark) can appear there. The § 8a flag and costs of helps
  are never shown either.
* Everyone cleared → the screen may also show the case background: the reason for contact,
  running helps (type and provider), resources on record, the will from the previous conference,
  and the existing goals with indicator, level descriptions and their course of scores.
* One participant flagged → *restricted*: the screen shows only what this conference produces
  (participants, agenda, the will, resources, goals, steps, decisions, next date — all said in
  the room and typed now). The existing goals, which the review needs, appear as neutral
  placeholders ("Ziel 1", "Ziel 2"): their titles can carry health details ("…Kinderarzt und
  Frühförderung…"). Indicators, levels, earlier scores and comments, earlier steps, the background
  and the family members' names from the file (as suggestions for "Wer?") stay off the screen
  until the flagged participant is removed or a consent is recorded.
* Nobody entered yet → *awaiting*: nothing from the case file is on the screen (the window opens
  on the projector before anyone is in the list); the gate decides once the first participant
  is entered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import PersonRole
from sro_case.domain.formatting import german_date
from sro_case.domain.messages import T, Text, as_text

__all__ = [
    "Clearance",
    "ParticipantLike",
    "ScreenPolicy",
    "check_participant",
    "check_participants",
    "screen_policy",
]


class ParticipantLike(Protocol):
    """A ``ParticipantDraft`` (typed in the conference) or a saved ``Participant``."""

    @property
    def name(self) -> str: ...

    @property
    def discipline(self) -> str: ...


@dataclass(frozen=True)
class Clearance:
    """The gate's answer for one participant. ``reason`` is German and names no person."""

    name: str
    discipline: str
    cleared: bool
    reason: str
    consent_ids: tuple[int, ...] = ()  # the valid consents that cover this discipline
    needs_consent: bool = True  # False for the responsible service and the family

    @property
    def flagged(self) -> bool:
        return not self.cleared


@dataclass(frozen=True)
class ScreenPolicy:
    """What the shared screen may show for the current list of participants."""

    clearances: tuple[Clearance, ...]
    restricted: bool
    show_background: bool  # reason for contact, running helps, resources on record, last will
    show_goal_details: bool  # indicator, levels, earlier scores/comments/steps of existing goals
    show_goal_titles: bool  # else neutral placeholders "Ziel 1" (see module docstring)
    show_file_names: bool  # family members from the file as suggestions for "Wer?"
    show_notes: bool = False  # never: case notes (and with them § 65 entries) stay off screen
    show_child_protection: bool = False  # never on a shared screen
    awaiting: bool = False  # nobody entered yet: nothing from the file

    @property
    def flagged(self) -> tuple[Clearance, ...]:
        return tuple(c for c in self.clearances if c.flagged)


def _date(day: date) -> str:
    return german_date(day)


def _who(consents: Sequence[m.Consent], persons: Sequence[m.Person]) -> str:
    """The roles (not names) of the persons who gave these consents: "Elternteil"."""
    roles: list[Text] = []
    by_id = {p.id: p for p in persons}
    for c in consents:
        person = by_id.get(c.person_id)
        if person is None:
            continue
        try:
            label = PersonRole(person.role).label
        except ValueError:
            label = person.role
        if label and label not in roles:
            roles.append(as_text(label))
    if not roles:
        return ""
    who = roles[0]
    for role in roles[1:]:
        who = T("{head}, {tail}", head=who, tail=role)
    return who


def check_participant(
    participant: ParticipantLike,
    consents: Sequence[m.Consent],
    on: date,
    persons: Sequence[m.Person] = (),
) -> Clearance:
    """Cleared or flagged (with a German reason) on the conference day ``on``."""
    disciplines = catalogue("disciplines")
    code = participant.discipline
    item = disciplines.find(code) if code else None
    name = participant.name
    if item is None:
        return Clearance(
            name,
            code,
            False,
            T("unbekannte Disziplin „{code}“ – bitte aus dem Katalog wählen", code=code),
        )
    code = item.code
    if item.get("responsible"):
        return Clearance(name, code, True, T("fallführender Dienst"), needs_consent=False)
    if item.get("family"):
        return Clearance(name, code, True, T("Familie"), needs_consent=False)
    label = as_text(item.name)
    covering = [c for c in consents if code in c.disciplines]
    valid = [c for c in covering if c.valid_on(on)]
    if valid:
        until = [c.expires_on for c in valid]
        who = _who(valid, persons)
        if any(u is None for u in until):
            reason = (
                T("Einwilligung liegt vor ({who})", who=who) if who else T("Einwilligung liegt vor")
            )
        else:
            limit = _date(max(u for u in until if u))
            reason = (
                T("Einwilligung liegt vor ({who}, bis {date})", who=who, date=limit)
                if who
                else T("Einwilligung liegt vor (bis {date})", date=limit)
            )
        return Clearance(name, code, True, reason, tuple(c.id for c in valid))
    if not covering:
        return Clearance(
            name, code, False, T("keine Schweigepflichtentbindung für {label}", label=label)
        )
    # Say what happened to the most recent consent for this discipline.
    latest = max(covering, key=lambda c: (c.given_on, c.id))
    if latest.revoked_on is not None and latest.revoked_on <= on:
        reason = T(
            "Einwilligung für {label} am {date} widerrufen",
            label=label,
            date=_date(latest.revoked_on),
        )
    elif latest.given_on > on:
        reason = T(
            "Einwilligung für {label} erst ab {date} gültig",
            label=label,
            date=_date(latest.given_on),
        )
    elif latest.expires_on is not None and latest.expires_on < on:
        reason = T(
            "Einwilligung für {label} am {date} abgelaufen",
            label=label,
            date=_date(latest.expires_on),
        )
    else:  # pragma: no cover - valid_on() would have accepted it
        reason = T("keine gültige Schweigepflichtentbindung für {label}", label=label)
    return Clearance(name, code, False, reason)


def entrusted_released(consents: Sequence[m.Consent], on: date) -> bool:
    """§ 65 SGB VIII: entrusted entries may be passed on only while a consent that releases
    them is valid. A note does not record who entrusted it, so any releasing consent counts."""
    return any(c.releases_entrusted and c.valid_on(on) for c in consents)


def check_participants(
    participants: Sequence[ParticipantLike],
    consents: Sequence[m.Consent],
    on: date,
    persons: Sequence[m.Person] = (),
) -> tuple[Clearance, ...]:
    return tuple(check_participant(p, consents, on, persons) for p in participants)


def screen_policy(
    participants: Sequence[ParticipantLike],
    consents: Sequence[m.Consent],
    on: date,
    persons: Sequence[m.Person] = (),
) -> ScreenPolicy:
    """The clearances and what the projected screen may show (rules: module docstring)."""
    clearances = check_participants(participants, consents, on, persons)
    awaiting = not clearances
    restricted = awaiting or any(c.flagged for c in clearances)
    return ScreenPolicy(
        clearances=clearances,
        restricted=restricted,
        show_background=not restricted,
        show_goal_details=not restricted,
        show_goal_titles=not restricted,
        show_file_names=not restricted,
        awaiting=awaiting,
    )
