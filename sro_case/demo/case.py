"""One case file with everything in it: the family, its history and conferences, the case
row, its search row and its file number.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from datetime import date
from functools import cache

from sro_case.demo.batch import _Batch, _Ids
from sro_case.demo.city import CHILD_PROTECTION_SHARE, CITY, FILE_PREFIX, POSTAL_CODES
from sro_case.demo.conferences import _conferences
from sro_case.demo.context import _Context, _Space
from sro_case.demo.draws import _between, _iso
from sro_case.demo.history import (
    _CaseState,
    _consents,
    _helps,
    _notes,
    _resources,
    _timeline,
)
from sro_case.demo.households import _address, _Household, _household
from sro_case.demo.texts import CHILD_PROTECTION_REASONS, REASONS
from sro_case.domain.phonetics import phonetic_words
from sro_case.domain.sorting import sort_name
from sro_case.storage.orm import CaseRecord, FamilyRecord, StatusChangeRecord


# --------------------------------------------------------------------------- one case
def _case(
    rng: random.Random, ctx: _Context, ids: _Ids, out: _Batch, case_id: int, numbers: _FileNumbers
) -> None:
    """One case file with everything in it."""
    names = ctx.names
    space: _Space = ctx.spaces.pick(rng)
    family_id = ids.next(FamilyRecord)
    hh = _household(rng, ctx, family_id, ids, out)
    house = f"{_between(rng, 1, 120)}{'a' if rng.random() < 0.08 else ''}"
    postal = rng.choice(POSTAL_CODES.get(space.code, ("18055", "18057", "18059", "18106")))
    display = f"Familie {hh.surname}"
    out.rows[FamilyRecord].append(
        (
            family_id,
            display,
            sort_name(display),
            f"{rng.choice(names.streets)} {house}",
            postal,
            CITY,
            space.id,
        )
    )
    tl = _timeline(rng, ctx)
    worker = rng.choice(ctx.caseworkers) if ctx.caseworkers and rng.random() < 0.98 else None
    places = {key: rng.choice(values) for key, values in names.places.items()}
    main_child = hh.child_aged(ctx.today, 6, 17) or hh.children[-1]
    fill = {
        "kind": main_child.first,
        "eltern": _address(hh.parents[0]),
        "familie": hh.surname,
        "schule": places["schools"],
        "kita": places["kitas"],
        "treff": places["youth_facilities"],
        "zentrum": places["family_centres"],
        "sozialraum": space.name,
        "hilfe": "",
    }
    protection = rng.random() < CHILD_PROTECTION_SHARE
    reason, areas = _reason(rng, ctx, protection)
    state = _CaseState(case_id, space, hh, tl, worker, fill, places, _disciplines(ctx, hh), areas)
    _helps(rng, ctx, state, ids, out)
    next_review = _conferences(rng, ctx, state, ids, out)
    _consents(rng, ctx, state, ids, out)
    _notes(rng, ctx, state, ids, out)
    _resources(rng, state, ids, out)
    for day, src, dst, why in tl.history:
        out.rows[StatusChangeRecord].append(
            (ids.next(StatusChangeRecord), case_id, _iso(day), src, dst, why)
        )
    if tl.closed is not None:
        next_review = None
    elif next_review is None:
        next_review = tl.opened + _between(rng, 14, 28)
    file_number = numbers.next(date.fromordinal(tl.opened).year)
    out.rows[CaseRecord].append(
        (
            case_id,
            file_number,
            family_id,
            worker[0] if worker else None,
            space.id,
            _iso(tl.opened),
            _iso(tl.closed) if tl.closed is not None else None,
            tl.status,
            tl.end_reason,
            reason.format_map(fill),
            ",".join(areas),
            int(protection),
            ctx.outcomes_8a.pick(rng) if protection else None,
            0,
            _iso(next_review) if next_review is not None else None,
        )
    )
    members = (*hh.parents, *hh.children)
    persons = " ".join(p.full for p in members)
    surnames = " ".join(p.last for p in members)
    out.search.append((case_id, file_number, *_index_row(display, persons, surnames)))


FOCUS_EXTRA = ("erziehung", "schule", "freizeit", "gesundheit", "existenz", "konflikte", "kita")


def _reason(rng: random.Random, ctx: _Context, protection: bool) -> tuple[str, tuple[str, ...]]:
    """The reason for contact and the focus areas it brings, plus up to two more."""
    reason, focus = rng.choice(CHILD_PROTECTION_REASONS if protection else REASONS)
    extra = (rng.choice(FOCUS_EXTRA) for _ in range(_between(rng, 0, 2)))
    areas = tuple(a for a in dict.fromkeys((*focus, *extra)) if a in ctx.focus_codes)
    return reason, areas or tuple(a for a in ("erziehung",) if a in ctx.focus_codes)


def _disciplines(ctx: _Context, hh: _Household) -> tuple[str, ...]:
    """The services this family is likely in touch with, by the children's ages."""
    today = ctx.today
    found = ["hze_traeger", "familienbildung"]
    if hh.child_aged(today, 0, 6):
        found += ["kita", "gesundheit"]
    if hh.child_aged(today, 6, 17):
        found += ["schule", "schulsozialarbeit", "jugendarbeit"]
    if hh.child_aged(today, 14, 20):
        found.append("jugendsozialarbeit")
    found.append("sonstige")
    return tuple(d for d in found if d in ctx.disciplines)


# --------------------------------------------------------------------------- search row
@cache
def _word_phonetic(word: str) -> str:
    return phonetic_words(word)


def _index_row(family_name: str, person_names: str, surnames: str) -> tuple[str, str]:
    """Same result as ``search_index.index_row``, with the Kölner Phonetik cached per word
    (names repeat; computing the code takes a few microseconds each time)."""
    names = f"{family_name} {person_names}".strip()
    sound = f"{family_name} {surnames}".split()
    return names, " ".join(filter(None, map(_word_phonetic, sound)))


# --------------------------------------------------------------------------- file numbers
_FILE_NUMBER = re.compile(rf"^{re.escape(FILE_PREFIX)}-(\d{{4}})-(\d+)$")


class _FileNumbers:
    """Aktenzeichen 51.2-<year>-<number>, numbered per year after the highest existing one."""

    def __init__(self, existing: Iterable[str]) -> None:
        self.last: dict[int, int] = {}
        for fn in existing:
            m = _FILE_NUMBER.match(fn)
            if m:
                year, seq = int(m.group(1)), int(m.group(2))
                self.last[year] = max(self.last.get(year, 0), seq)

    def next(self, year: int) -> str:
        seq = self.last.get(year, 0) + 1
        self.last[year] = seq
        return f"{FILE_PREFIX}-{year}-{seq:06d}"
