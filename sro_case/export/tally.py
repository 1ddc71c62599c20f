"""Tallies: the true counts behind each export table, before a table is laid out.

A table needs, per cell, how many units (helps, conferences, goals …) fall into it and how
many distinct cases (families) stand behind them, and the distinct cases per row, per column
and in total; a key-figure table needs per Sozialraum the units, the cases, the sum and the
largest of the unit values. Two sources give the same tallies:

- ``FactTallies`` counts plain facts in Python. It is the reference: short, obviously right,
  and what the tests compare against.
- ``sro_case.statistics.sql.SqlTallies`` lets SQLite count the narrow tally tables
  that triggers keep current (migration 0008): ten times faster on a city's database.

``tables.assemble`` lays out the tables from either. Every case belongs to one Sozialraum, so
distinct cases of Sozialräume add up to those of a Gebiet and of the city.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, Protocol

from sro_case.domain.catalogues import catalogue

if TYPE_CHECKING:
    from sro_case.export.tables import Facts, HelpFact

UNKNOWN = "ohne_angabe"
MODEL = "modellregion"
REST = "uebrige_stadt"
SEX_CODES = ("female", "male", "diverse", "unspecified")
MERGED_SEX = "divers_ohne_angabe"
DURATIONS = (
    ("u3m", "unter 3 Monate", 0, 3),
    ("3-6m", "3 bis unter 6 Monate", 3, 6),
    ("6-12m", "6 bis unter 12 Monate", 6, 12),
    ("12-24m", "12 bis unter 24 Monate", 12, 24),
    ("24m+", "24 Monate und mehr", 24, None),
)


class CrossTally(NamedTuple):
    """Counts of a cross table by code: cells (row code, column code), rows, columns."""

    units: Mapping[tuple[str, str], int]
    cases: Mapping[tuple[str, str], int]
    row_cases: Mapping[str, int]
    col_cases: Mapping[str, int]
    total_cases: int

    def cols_used(self) -> set[str]:
        return {col for _, col in self.units}

    def rows_used(self) -> set[str]:
        return {row for row, _ in self.units}


class SpaceTally(NamedTuple):
    """One Sozialraum of a key-figure table."""

    units: int
    cases: int
    total: float  # sum of the unit values
    largest: float  # the largest unit value (dominance check)


class TallySource(Protocol):
    """What ``tables.assemble`` asks; codes as in the facts (see ``FactTallies``)."""

    def begun_by_help_type(self) -> CrossTally: ...  # Sozialraum × help type
    def begun_by_age_group(self) -> CrossTally: ...  # Sozialraum × age group
    def begun_diverse(self) -> int: ...  # begun helps of persons with sex "diverse"
    def begun_by_sex(self, merge: bool) -> CrossTally: ...  # Gebiet × sex code
    def running_by_category(self) -> CrossTally: ...  # Sozialraum × help category
    def ended_by_reason(self) -> CrossTally: ...  # end reason × duration class
    def conferences_per_case(self) -> CrossTally: ...  # Gebiet × number class
    def conferences_by_discipline(self) -> CrossTally: ...  # discipline × Gebiet
    def goals_by_space(self) -> Mapping[str, SpaceTally]: ...
    def protections_by_outcome(self) -> CrossTally: ...  # Gebiet × outcome
    def costs_by_space(self) -> Mapping[str, SpaceTally]: ...


def help_category(code: str) -> str:
    cat = catalogue("help_types")
    return str(cat.by_code(code).get("category", UNKNOWN)) if code in cat else UNKNOWN


def sex_code(sex: str, merge: bool) -> str:
    """The column of a sex; "divers" and "ohne Angabe" share one when ``merge``."""
    sex = sex if sex in SEX_CODES else "unspecified"
    return MERGED_SEX if merge and sex in ("diverse", "unspecified") else sex


def duration_code(months: int) -> str:
    for code, _, low, high in DURATIONS:
        if months >= low and (high is None or months < high):
            return code
    return DURATIONS[-1][0]


def months_between(start: date, end: date) -> int:
    """Completed months from ``start`` to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def conference_class(n: int) -> str:
    return str(n) if n < 4 else "4+"


def overlap_days(start: date, end: date | None, date_from: date, date_to: date) -> int:
    first = max(start, date_from)
    last = min(end or date_to, date_to)
    return max(0, (last - first).days + 1)


def committed_cents(fact: HelpFact, date_from: date, date_to: date) -> int:
    """Monthly cost, pro rata for the days of the help inside the period (a month = 1/12 year)."""
    days = overlap_days(fact.start_on, fact.end_on, date_from, date_to)
    return round((fact.monthly_cost_cents or 0) * days * 12 / 365.25)


def cross_tally(units: Iterable[tuple[str, str, int]]) -> CrossTally:
    """Tally (row code, column code, case) units.

    Counted with Counter and set comprehensions (C loops): at 100,000 cases a table has over a
    million units, and four set updates per unit in Python took seconds."""
    keyed = list(units)
    return CrossTally(
        units=Counter((r, c) for r, c, _ in keyed),
        cases=Counter((r, c) for r, c, _ in set(keyed)),
        row_cases=Counter(r for r, _ in {(r, case) for r, _, case in keyed}),
        col_cases=Counter(c for c, _ in {(c, case) for _, c, case in keyed}),
        total_cases=len({case for _, _, case in keyed}),
    )


def space_tally(units: Iterable[tuple[str, int, float]]) -> dict[str, SpaceTally]:
    """Tally (Sozialraum code, case, value) units per Sozialraum."""
    values: dict[str, list[float]] = defaultdict(list)
    cases: dict[str, set[int]] = defaultdict(set)
    for space, case, value in units:
        values[space].append(value)
        cases[space].add(case)
    return {
        space: SpaceTally(len(v), len(cases[space]), sum(v), max(v)) for space, v in values.items()
    }


class FactTallies:
    """Tallies counted in Python from plain facts (the reference implementation)."""

    def __init__(self, facts: Facts, date_from: date, date_to: date) -> None:
        self._from, self._to = date_from, date_to
        self._group = {s.code: s.group for s in facts.spaces}
        known = self._group.keys()

        def inside(day: date | None) -> bool:
            return day is not None and date_from <= day <= date_to

        self._helps = [h for h in facts.helps if h.social_space in known]
        self._begun = [h for h in self._helps if inside(h.start_on)]
        self._ended = [h for h in self._helps if inside(h.end_on)]
        self._conferences = [
            c for c in facts.conferences if c.social_space in known and inside(c.held_on)
        ]
        self._goals = [
            g
            for g in facts.goals
            if g.social_space in known and (g.reviewed_on is None or inside(g.reviewed_on))
        ]
        self._protections = [
            p
            for p in facts.protections
            if p.social_space in known and (p.opened_on is None or inside(p.opened_on))
        ]

    def begun_by_help_type(self) -> CrossTally:
        return cross_tally((h.social_space, h.help_type, h.case) for h in self._begun)

    def begun_by_age_group(self) -> CrossTally:
        return cross_tally((h.social_space, h.age_group, h.case) for h in self._begun)

    def begun_diverse(self) -> int:
        return sum(1 for h in self._begun if h.sex == "diverse")

    def begun_by_sex(self, merge: bool) -> CrossTally:
        group = self._group
        return cross_tally(
            (group[h.social_space], sex_code(h.sex, merge), h.case) for h in self._begun
        )

    def running_by_category(self) -> CrossTally:
        to = self._to
        return cross_tally(
            (h.social_space, help_category(h.help_type), h.case)
            for h in self._helps
            if h.start_on <= to and (h.end_on is None or h.end_on > to)
        )

    def ended_by_reason(self) -> CrossTally:
        return cross_tally(
            (h.end_reason or UNKNOWN, duration_code(months_between(h.start_on, h.end_on)), h.case)
            for h in self._ended
            if h.end_on is not None
        )

    def conferences_per_case(self) -> CrossTally:
        per_case: dict[int, list[str]] = defaultdict(list)
        for c in self._conferences:
            per_case[c.case].append(c.social_space)
        group = self._group
        return cross_tally(
            (group[spaces[-1]], conference_class(len(spaces)), case)
            for case, spaces in per_case.items()
        )

    def conferences_by_discipline(self) -> CrossTally:
        group = self._group
        return cross_tally(
            (d, group[c.social_space], c.case) for c in self._conferences for d in c.disciplines
        )

    def goals_by_space(self) -> dict[str, SpaceTally]:
        return space_tally((g.social_space, g.case, float(g.score)) for g in self._goals)

    def protections_by_outcome(self) -> CrossTally:
        group = self._group
        return cross_tally(
            (group[p.social_space], p.outcome or UNKNOWN, p.case) for p in self._protections
        )

    def costs_by_space(self) -> dict[str, SpaceTally]:
        f, t = self._from, self._to
        return space_tally(
            (h.social_space, h.case, committed_cents(h, f, t))
            for h in self._helps
            if (h.monthly_cost_cents or 0) > 0 and overlap_days(h.start_on, h.end_on, f, t)
        )
