"""Families: parents or a guardian and their children, with names, ages and sex, and how a
worker writes about them; made-up names for the professionals around them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sro_case.demo.batch import _Batch, _Ids
from sro_case.demo.context import _Context
from sro_case.demo.draws import YEAR, _between, _iso
from sro_case.demo.names import _Names, _Origin
from sro_case.domain.enums import PersonRole, Sex
from sro_case.storage.orm import PersonRecord


@dataclass(slots=True)
class _Person:
    id: int
    role: str
    first: str
    last: str
    birth: int  # ordinal
    sex: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class _Household:
    surname: str
    parents: list[_Person]
    children: list[_Person]  # oldest first

    def child_aged(self, today: int, low: int, high: int) -> _Person | None:
        """The oldest child aged low…high years today, if any."""
        for c in self.children:
            if low <= (today - c.birth) / YEAR < high + 1:
                return c
        return None


def _sex(rng: random.Random, female: float, male: float) -> str:
    """Female, male, and the rest split 1:2 between diverse and no answer."""
    r = rng.random()
    if r < female:
        return Sex.FEMALE.value
    if r < female + male:
        return Sex.MALE.value
    if r < female + male + (1 - female - male) / 3:
        return Sex.DIVERSE.value
    return Sex.UNSPECIFIED.value


def _first_name(rng: random.Random, names: _Names, origin: _Origin, sex: str) -> str:
    if sex == Sex.FEMALE.value:
        return rng.choice(origin.female)
    if sex == Sex.MALE.value:
        return rng.choice(origin.male)
    if sex == Sex.DIVERSE.value:
        return rng.choice(names.neutral)
    return rng.choice(origin.female if rng.random() < 0.5 else origin.male)


def _child_count(rng: random.Random) -> int:
    r = rng.random()
    return 1 if r < 0.40 else 2 if r < 0.73 else 3 if r < 0.91 else 4


def _child_role(today: int, birth: int) -> str:
    years = (today - birth) / YEAR
    if years >= 18:
        return PersonRole.YOUNG_ADULT.value
    return PersonRole.ADOLESCENT.value if years >= 14 else PersonRole.CHILD.value


def _household(
    rng: random.Random, ctx: _Context, family_id: int, ids: _Ids, out: _Batch
) -> _Household:
    """1–2 parents or a guardian, and 1–4 children aged 0–20; mostly one origin of names."""
    names, today = ctx.names, ctx.today
    origin = names.origins[names.origin_weights.pick(rng)]
    surname = rng.choice(origin.surnames)
    ages = sorted((_between(rng, 0, 20) for _ in range(_child_count(rng))), reverse=True)
    kids = []
    for age in ages:
        birth = min(today, today - int(age * YEAR) - _between(rng, 0, 364))
        sex = _sex(rng, 0.485, 0.49)
        kid_origin = origin if rng.random() < 0.92 else names.origins.get("de", origin)
        kids.append(
            (_child_role(today, birth), _first_name(rng, names, kid_origin, sex), birth, sex)
        )
    oldest = kids[0][2]
    adults = []
    guardian = rng.random() < 0.08  # a grandparent with custody
    sex1 = _sex(rng, 0.86, 0.135)
    low, high = (40, 56) if guardian else (18, 40)
    birth1 = oldest - _between(rng, int(low * YEAR) + 1, int(high * YEAR))
    last1 = surname if rng.random() < 0.85 else rng.choice(origin.surnames)
    role1 = PersonRole.GUARDIAN.value if guardian else PersonRole.PARENT.value
    adults.append((role1, _first_name(rng, names, origin, sex1), last1, birth1, sex1))
    if not guardian and rng.random() < 0.55:
        sex2 = Sex.MALE.value if sex1 != Sex.MALE.value else Sex.FEMALE.value
        if rng.random() < 0.05:
            sex2 = sex1
        origin2 = origin if rng.random() < 0.88 else names.origins[names.origin_weights.pick(rng)]
        last2 = surname if rng.random() < 0.6 else rng.choice(origin2.surnames)
        birth2 = min(
            oldest - int(17 * YEAR),  # a young father, perhaps, but of age today
            today - int(18 * YEAR) - 1,
            birth1 + _between(rng, int(-8 * YEAR), int(4 * YEAR)),
        )
        first2 = _first_name(rng, names, origin2, sex2)
        adults.append((PersonRole.PARENT.value, first2, last2, birth2, sex2))
    parents = [_Person(ids.next(PersonRecord), r, f, la, b, s) for r, f, la, b, s in adults]
    children = [_Person(ids.next(PersonRecord), r, f, surname, b, s) for r, f, b, s in kids]
    rows = out.rows[PersonRecord]
    for p in (*parents, *children):
        rows.append((p.id, family_id, p.role, p.first, p.last, _iso(p.birth), p.sex))
    return _Household(surname, parents, children)


def _address(p: _Person) -> str:
    """How a worker writes about an adult: „Frau Kaya“; otherwise the full name."""
    if p.sex == Sex.FEMALE.value:
        return f"Frau {p.last}"
    if p.sex == Sex.MALE.value:
        return f"Herr {p.last}"
    return p.full


def _professional(rng: random.Random, names: _Names) -> str:
    """A made-up name for a teacher, educator or social worker."""
    origin = (
        names.origins["de"]
        if rng.random() < 0.85
        else names.origins[names.origin_weights.pick(rng)]
    )
    sex = Sex.FEMALE.value if rng.random() < 0.72 else Sex.MALE.value
    return f"{_first_name(rng, names, origin, sex)} {rng.choice(origin.surnames)}"
