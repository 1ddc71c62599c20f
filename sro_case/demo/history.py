"""A case over time: its status path, the helps and their cost, consents, notes and
resources. The conferences, with goals and reviews, are in ``conferences``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise

from sro_case.demo.batch import _Batch, _Ids
from sro_case.demo.city import (
    CLOSED_OPENED_AGE_DAYS,
    CLOSED_SHARE,
    DEFAULT_HELP_PROFILE,
    HELP_PROFILES,
    OPENED_AGE_DAYS,
    PROFESSIONAL_DISCIPLINES,
    REOPEN_STATUS,
    REOPENED_SHARE,
)
from sro_case.demo.context import _Context, _Space
from sro_case.demo.draws import YEAR, _between, _iso
from sro_case.demo.households import _Household, _Person
from sro_case.demo.texts import (
    CONSENT_SCOPES,
    ENTRUSTED_NOTES,
    NOTE_AGREEMENTS,
    NOTE_OBSERVATIONS,
    NOTE_OPENERS,
    RESOURCES,
)
from sro_case.domain.enums import NoteKind, ResourceKind
from sro_case.storage.orm import CaseNoteRecord, ConsentRecord, HelpRecord, ResourceRecord


# --------------------------------------------------------------------------- timeline
@dataclass
class _Timeline:
    opened: int
    closed: int | None
    end: int  # the last day anything can have happened: closed_on or today
    status: str
    end_reason: str | None
    history: list[tuple[int, str | None, str, str | None]]  # (day, from, to, reason)


def _pairs(path: Sequence[str]) -> list[tuple[str, str, str | None]]:
    return [(a, b, None) for a, b in pairwise(path)]


def _timeline(rng: random.Random, ctx: _Context) -> _Timeline:
    """Status, dates and a history that follows the catalogue's workflow (about a third closed,
    a few closed once and reopened)."""
    today = ctx.today
    closed: int | None = None
    end_reason: str | None = None
    if rng.random() < CLOSED_SHARE:
        opened = today - _between(rng, *CLOSED_OPENED_AGE_DAYS)
        closed = min(today, opened + _between(rng, 60, min(1_000, today - opened)))
        path = rng.choice(ctx.status_paths[ctx.statuses.pick(rng)])
        end_reason = ctx.end_reasons.pick(rng)
        steps = [*_pairs(path), (path[-1], ctx.closed, end_reason)]
        status = ctx.closed
    else:
        status = ctx.statuses.pick(rng)
        low, high = OPENED_AGE_DAYS.get(status, (30, 700))
        opened = today - _between(rng, low, high)
        path = rng.choice(ctx.status_paths[status])
        steps = _pairs(path)
        tails = ctx.reopen_paths.get(status)
        if len(path) > 1 and tails and rng.random() < REOPENED_SHARE:
            cut = _between(rng, 1, len(path) - 1)
            steps = [
                *_pairs(path[: cut + 1]),
                (path[cut], ctx.closed, ctx.end_reasons.pick(rng)),
                (ctx.closed, REOPEN_STATUS, ctx.reopen_reasons.pick(rng)),
                *_pairs(rng.choice(tails)),
            ]
    end = closed if closed is not None else today
    days = sorted(_between(rng, opened, end) for _ in steps)
    if closed is not None:
        days[-1] = closed
    history: list[tuple[int, str | None, str, str | None]] = [(opened, None, ctx.initial, None)]
    history += [(d, a, b, r) for d, (a, b, r) in zip(days, steps, strict=True)]
    return _Timeline(opened, closed, end, status, end_reason, history)


# --------------------------------------------------------------------------- one case
@dataclass
class _CaseState:
    """What the entity generators of one case share."""

    id: int
    space: _Space
    household: _Household
    timeline: _Timeline
    worker: tuple[int, str] | None
    fill: dict[str, str]
    places: dict[str, str]
    disciplines: tuple[str, ...]  # services around this family, for consents and conferences
    areas: tuple[str, ...]  # focus areas
    helps: list[tuple[str, int, bool]] = field(default_factory=list)  # (type, start, is HzE)
    goal_texts: set[str] = field(default_factory=set)


# --------------------------------------------------------------------------- helps
def _help_type(rng: random.Random, ctx: _Context, hh: _Household, hze: bool) -> str:
    """A help type that fits the family (a § 41 help needs a young adult, a Kita a small child)."""
    code = ctx.hze.pick(rng) if hze else ctx.sro.pick(rng)
    today = ctx.today
    if code in ("41", "41a") and not hh.child_aged(today, 18, 20):
        code = "30"
    elif code == "22_24" and not hh.child_aged(today, 0, 6):
        code = "16"  # no small child: family education instead of a Kita place
    elif code in ("13a", "11", "13") and not hh.child_aged(today, 6, 20):
        code = "16"  # no school child: family education instead of school social work
    elif code in ("33", "34", "32", "35") and not hh.child_aged(today, 0, 17):
        code = "41" if hh.child_aged(today, 18, 20) else "31"
    return code if code in ctx.help_names else str((ctx.hze if hze else ctx.sro).items[0])


def _help_person(hh: _Household, code: str, today: int, start: int) -> _Person | None:
    """Whom the help is for: the young adult for § 41, a small child for the Kita, …"""
    if code == "16":
        return None
    ranges = {"41": (18, 20), "41a": (18, 20), "22_24": (0, 6), "13a": (6, 17)}
    low, high = ranges.get(code, (0, 17))
    for c in hh.children:
        if c.birth <= start and low <= (today - c.birth) / YEAR < high + 1:
            return c
    return next((c for c in hh.children if c.birth <= start), None)


def _provider(rng: random.Random, places: dict[str, tuple[str, ...]], code: str) -> str:
    if code == "28":
        return rng.choice(places["counselling"])
    if code == "13a":
        return f"Schulsozialarbeit, {rng.choice(places['schools'])}"
    if code == "22_24":
        return rng.choice(places["kitas"])
    if code in ("11", "13"):
        return rng.choice(places["youth_facilities"])
    if code == "16":
        return rng.choice(places["family_centres"])
    if code == "55":
        return "Jugendamt Rostock, Amtsvormundschaft"
    return rng.choice(places["providers"])


def _helps(rng: random.Random, ctx: _Context, st: _CaseState, ids: _Ids, out: _Batch) -> None:
    """1–2 helps (none or one low-threshold offer for a case just opened), HzE and SRO mixed."""
    tl, hh, today = st.timeline, st.household, ctx.today
    if tl.status == "eingang":
        count = 1 if rng.random() < 0.4 else 0
    else:
        count = 1 if rng.random() < 0.55 else 2
    for n in range(count):
        if tl.status in ("eingang", "klaerung", "hilfeplanung"):
            hze = rng.random() < 0.2
        else:
            hze = rng.random() < (0.8 if n == 0 else 0.45)
        code = _help_type(rng, ctx, hh, hze)
        start = min(tl.end, tl.opened + _between(rng, 7 if hze else 0, 90))
        end: int | None = None
        reason: str | None = None
        if tl.closed is not None:
            end = min(tl.closed, start + _between(rng, 90, 720))
            reason = tl.end_reason if end == tl.closed else ctx.end_reasons.pick(rng)
        elif (
            tl.status == "ruhend"
            or (n > 0 and rng.random() < 0.4)
            or (tl.status != "hilfe_laufend" and rng.random() < 0.3)
        ):
            end = _between(rng, start, today)
            reason = ctx.end_reasons.pick(rng)
        profile = HELP_PROFILES.get(code, DEFAULT_HELP_PROFILE)
        hours = _between(rng, *profile.hours) if profile.hours else None
        low, high = profile.cost_eur
        cost = 0 if rng.random() < profile.free else _between(rng, low, high) * 100
        person = _help_person(hh, code, today, start)
        provider = _provider(rng, ctx.names.places, code)
        if hze and not any(h[2] for h in st.helps):
            st.places["providers"] = provider  # the provider that comes to the conferences
        out.rows[HelpRecord].append(
            (
                ids.next(HelpRecord),
                st.id,
                person.id if person else None,
                code,
                provider,
                _iso(start),
                _iso(end) if end is not None else None,
                hours,
                cost,
                reason,
            )
        )
        st.helps.append((code, start, hze))
        if cost:
            _tally(out.costs, st.space.id, start, end if end is not None else today, cost)


def _tally(
    costs: dict[tuple[int, int], int], space_id: int, start: int, end: int, monthly: int
) -> None:
    """Add a help's cost per calendar year, pro rata by days (for sizing the demo budgets)."""
    first, last = date.fromordinal(start).year, date.fromordinal(end).year
    for year in range(first, last + 1):
        lo = max(start, _year_start(year))
        hi = min(end, _year_start(year + 1) - 1)
        key = (space_id, year)
        costs[key] = costs.get(key, 0) + int(monthly * (hi - lo + 1) / 30.4375)


@cache
def _year_start(year: int) -> int:
    return date(year, 1, 1).toordinal()


# --------------------------------------------------------------------------- consents, notes, resources
def _consents(rng: random.Random, ctx: _Context, st: _CaseState, ids: _Ids, out: _Batch) -> None:
    """A release from confidentiality for each parent (and some young people) naming services."""
    tl, today = st.timeline, ctx.today
    signers = list(st.household.parents)
    young = st.household.child_aged(today, 14, 20)
    if young and rng.random() < 0.3:
        signers.append(young)
    pool = [d for d in st.disciplines if d in CONSENT_SCOPES]
    if not pool:
        return
    order = {d: i for i, d in enumerate(PROFESSIONAL_DISCIPLINES)}
    for person in signers:
        if rng.random() < 0.1:
            continue  # not (yet) given
        given = min(tl.end, tl.opened + _between(rng, 0, 21))
        chosen = sorted(
            {rng.choice(pool) for _ in range(_between(rng, 1, 4))}, key=order.__getitem__
        )
        expires = None if rng.random() < 0.3 else given + (365 if rng.random() < 0.5 else 730)
        revoked = _between(rng, given, today) if given < today and rng.random() < 0.04 else None
        out.rows[ConsentRecord].append(
            (
                ids.next(ConsentRecord),
                st.id,
                person.id,
                ",".join(chosen),
                "; ".join(CONSENT_SCOPES[d] for d in chosen),
                int(rng.random() < 0.08),
                _iso(given),
                _iso(expires) if expires is not None else None,
                _iso(revoked) if revoked is not None else None,
            )
        )


NOTE_PARTICIPANTS = {
    NoteKind.HOME_VISIT.value: "{eltern}, {kind}",
    NoteKind.COUNSELLING.value: "{eltern}",
    NoteKind.PHONE.value: "{eltern}",
    NoteKind.SCHOOL_VISIT.value: "Klassenleitung und Schulsozialarbeit der {schule}",
    NoteKind.KITA_TALK.value: "Bezugserzieherin der {kita}, {eltern}",
    NoteKind.EMAIL.value: "{eltern}",
    NoteKind.OTHER.value: "",
}


def _notes(rng: random.Random, ctx: _Context, st: _CaseState, ids: _Ids, out: _Batch) -> None:
    """2–5 entries in the case history; about one in twenty entrusted (§ 65 SGB VIII)."""
    tl, fill = st.timeline, st.fill
    author = st.worker[0] if st.worker else None
    rows = out.rows[CaseNoteRecord]
    for day in sorted(_between(rng, tl.opened, tl.end) for _ in range(_between(rng, 2, 5))):
        kind = ctx.note_kinds.pick(rng)
        entrusted = rng.random() < 0.05
        if entrusted:
            body = rng.choice(ENTRUSTED_NOTES).format_map(fill)
            who = fill["eltern"]
        else:
            opener = rng.choice(NOTE_OPENERS[kind])
            parts = (opener, rng.choice(NOTE_OBSERVATIONS), rng.choice(NOTE_AGREEMENTS))
            body = " ".join(p.format_map(fill) for p in parts if p)
            who = NOTE_PARTICIPANTS[kind].format_map(fill)
        writer = author
        if not entrusted and ctx.caseworkers and rng.random() < 0.15:
            writer = rng.choice(ctx.caseworkers)[0]  # a colleague standing in
        rows.append(
            (ids.next(CaseNoteRecord), st.id, _iso(day), kind, who, body, int(entrusted), writer)
        )


def _resources(rng: random.Random, st: _CaseState, ids: _Ids, out: _Batch) -> None:
    """2–4 resources of different kinds: personal, family/network, social space, institutions."""
    kinds = rng.sample(RESOURCE_KINDS, _between(rng, 2, 4))
    rows = out.rows[ResourceRecord]
    for kind in kinds:
        text_ = rng.choice(RESOURCES[kind]).format_map(st.fill)
        rows.append((ids.next(ResourceRecord), st.id, kind, text_))


RESOURCE_KINDS = tuple(k.value for k in ResourceKind)
