"""The export's tallies counted by SQLite from the tally tables (migration 0008).

Each method answers what ``sro_case.export.tally.FactTallies`` answers from plain facts, with
the same codes: helps, conferences, goal reviews and § 8a cases are counted per Sozialraum with
``count(DISTINCT case_key)``, and a Gebiet or the city adds up its Sozialräume (a case belongs
to exactly one, so their families never overlap). Catalogue mappings (age groups, help
categories, duration classes) become ``CASE`` expressions built from the current catalogues,
so a catalogue change needs no migration. Days are integers (days since 1970-01-01).

Only aggregates come back from SQLite; the tally rows never leave the database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from sro_case.domain.catalogues import catalogue
from sro_case.export.tables import BudgetFact, Space
from sro_case.export.tally import (
    DURATIONS,
    MERGED_SEX,
    SEX_CODES,
    UNKNOWN,
    CrossTally,
    SpaceTally,
    conference_class,
)
from sro_case.storage.tally import MAX_DISCIPLINES, RANK

EPOCH = date(1970, 1, 1)


def day_number(day: date) -> int:
    """As the tally tables store dates: ``CAST(julianday(d) - 2440587.5 AS INTEGER)``."""
    return (day - EPOCH).days


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@cache
def _age_case() -> str:
    """Age group code of a help: the kept code (deleted cases) or from the age in years."""
    age = "max(age_years, 0)"
    whens = []
    for item in catalogue("age_groups"):
        low, high = item.get("min"), item.get("max")
        test = f"{age} >= {int(low)}" + (f" AND {age} < {int(high)}" if high is not None else "")
        whens.append(f"WHEN {test} THEN {_literal(item.code)}")
    return (
        f"coalesce(age_group, CASE WHEN age_years IS NULL THEN {_literal(UNKNOWN)} "
        f"{' '.join(whens)} ELSE {_literal(UNKNOWN)} END)"
    )


@cache
def _category_case() -> str:
    whens = [
        f"WHEN {_literal(i.code)} THEN {_literal(str(i.get('category', UNKNOWN)))}"
        for i in catalogue("help_types")
    ]
    return f"CASE help_type {' '.join(whens)} ELSE {_literal(UNKNOWN)} END"


def _duration_case() -> str:
    whens = [
        f"WHEN months >= {low}"
        + (f" AND months < {high}" if high is not None else "")
        + f" THEN {_literal(code)}"
        for code, _, low, high in DURATIONS
    ]
    return f"CASE {' '.join(whens)} ELSE {_literal(DURATIONS[-1][0])} END"


def _sex_case(merge: bool) -> str:
    if merge:
        return f"CASE WHEN sex IN ('female', 'male') THEN sex ELSE {_literal(MERGED_SEX)} END"
    known = ", ".join(_literal(s) for s in SEX_CODES)
    return f"CASE WHEN sex IN ({known}) THEN sex ELSE 'unspecified' END"


def _or_unknown(column: str) -> str:
    return f"coalesce(nullif({column}, ''), {_literal(UNKNOWN)})"


# rows of a Sozialraum that exists (``_all`` puts in the ids); a deleted case whose code is not
# known (any more) is not counted, as in the facts path
KNOWN = "space_id IN (<known>)"
# helps counted at all: as the facts path reads them (overlapping the period)
HELPS = f"{KNOWN} AND start_day <= :t AND (end_day IS NULL OR end_day >= :f)"
BEGUN = f"{HELPS} AND start_day >= :f"
RUNNING = f"{HELPS} AND (end_day IS NULL OR end_day > :t)"
ENDED = f"{HELPS} AND end_day BETWEEN :f AND :t"


class SqlTallies:
    """Tallies for ``[date_from, date_to]`` on one read transaction's connection."""

    def __init__(self, conn: Connection, date_from: date, date_to: date) -> None:
        self._conn = conn
        self._params = {"f": day_number(date_from), "t": day_number(date_to)}
        rows = conn.execute(
            text("SELECT id, code, name, is_model_region FROM social_space ORDER BY id")
        ).all()
        self.spaces = tuple(Space(code, name, bool(model)) for _, code, name, model in rows)
        self._code = {sid: code for sid, code, _, _ in rows}
        self._group = {sid: Space(code, name, bool(m)).group for sid, code, name, m in rows}
        self.budgets = tuple(
            BudgetFact(self._code[space], year, amount)
            for space, year, amount in conn.execute(
                text(
                    "SELECT social_space_id, year, amount_cents FROM budget "
                    "WHERE year BETWEEN :a AND :b ORDER BY id"
                ),
                {"a": date_from.year, "b": date_to.year},
            )
            if space in self._code
        )
        self._disciplines = {
            bit: code for bit, code in conn.execute(text("SELECT id, code FROM tally_discipline"))
        }
        self._begun_rows: dict[str, int] | None = None
        self._per_case: list[Any] | None = None

    @property
    def complete(self) -> bool:
        """False when more disciplines are in use than the bit set holds (then use facts)."""
        return all(bit <= MAX_DISCIPLINES for bit in self._disciplines)

    def _all(self, sql: str, **extra: Any) -> list[Any]:
        known = ",".join(str(int(sid)) for sid in self._code) or "NULL"
        return list(
            self._conn.execute(text(sql.replace("<known>", known)), {**self._params, **extra}).all()
        )

    # ---------------------------------------------------------------- helps

    def _space_rows(self, where: str) -> dict[str, int]:
        return {
            self._code[space]: n
            for space, n in self._all(
                f"SELECT space_id, count(DISTINCT case_key) FROM tally_help WHERE {where} "
                "GROUP BY 1"
            )
            if space in self._code
        }

    def _by_space(self, where: str, column: str, rows: dict[str, int] | None = None) -> CrossTally:
        """Sozialraum × ``column``; columns add up the Sozialräume."""
        cells = [
            (self._code[space], col, units, cases)
            for space, col, units, cases in self._all(
                f"SELECT space_id, {column}, count(*), count(DISTINCT case_key) "
                f"FROM tally_help WHERE {where} GROUP BY 1, 2"
            )
            if space in self._code
        ]
        row_cases = self._space_rows(where) if rows is None else rows
        return _tally(cells, row_cases)

    def _begun(self) -> dict[str, int]:
        if self._begun_rows is None:
            self._begun_rows = self._space_rows(BEGUN)
        return self._begun_rows

    def begun_by_help_type(self) -> CrossTally:
        return self._by_space(BEGUN, "help_type", self._begun())

    def begun_by_age_group(self) -> CrossTally:
        return self._by_space(BEGUN, _age_case(), self._begun())

    def begun_diverse(self) -> int:
        return int(
            self._all(f"SELECT count(*) FROM tally_help WHERE {BEGUN} AND sex = 'diverse'")[0][0]
        )

    def begun_by_sex(self, merge: bool) -> CrossTally:
        by_space = self._by_space(BEGUN, _sex_case(merge), self._begun())
        return self._to_groups(by_space)

    def running_by_category(self) -> CrossTally:
        return self._by_space(RUNNING, _category_case())

    def ended_by_reason(self) -> CrossTally:
        reason, duration = _or_unknown("end_reason"), _duration_case()
        base = f"FROM tally_help WHERE {ENDED}"
        cells = self._all(
            f"SELECT {reason}, {duration}, count(*), count(DISTINCT case_key) {base} GROUP BY 1, 2"
        )
        rows = self._all(f"SELECT {reason}, count(DISTINCT case_key) {base} GROUP BY 1")
        cols = self._all(f"SELECT {duration}, count(DISTINCT case_key) {base} GROUP BY 1")
        total = self._all(f"SELECT count(DISTINCT case_key) {base}")[0][0]
        return CrossTally(
            units={(r, c): n for r, c, n, _ in cells},
            cases={(r, c): k for r, c, _, k in cells},
            row_cases=dict(rows),
            col_cases=dict(cols),
            total_cases=int(total),
        )

    def costs_by_space(self) -> dict[str, SpaceTally]:
        days = "min(coalesce(end_day, :t), :t) - max(start_day, :f) + 1"
        return {
            self._code[space]: SpaceTally(units, cases, total, largest)
            for space, units, total, largest, cases in self._all(
                "SELECT space_id, count(*), total(part), max(part), count(DISTINCT case_key) "
                "FROM (SELECT space_id, case_key, round(cost_cents * days * 12 / 365.25) AS part "
                f"      FROM (SELECT space_id, case_key, cost_cents, {days} AS days "
                f"            FROM tally_help WHERE {HELPS} AND cost_cents > 0) "
                "      WHERE days > 0) GROUP BY 1"
            )
            if space in self._code
        }

    # ---------------------------------------------------------------- conferences

    def _conference_cases(self) -> list[Any]:
        """Per Sozialraum and number class: cases, cases with any discipline, and per
        discipline bit the cases that had it in at least one conference (one query for both
        conference tables)."""
        if self._per_case is None:
            self._per_case = self._count_conference_cases()
        return self._per_case

    def _count_conference_cases(self) -> list[Any]:
        flags = "".join(
            f", max(disciplines & {1 << (bit - 1)}) <> 0 AS d{bit}" for bit in self._disciplines
        )
        sums = "".join(f", sum(d{bit})" for bit in self._disciplines)
        return self._all(
            f"SELECT space_id, n, count(*), sum(any_discipline){sums} FROM ("
            "  SELECT max(space_id) AS space_id, min(count(*), 4) AS n, "
            f"        max(disciplines <> 0) AS any_discipline{flags} "
            # the unary + keeps both terms off the indexes: with them SQLite searched the
            # Sozialraum index and sorted every row for GROUP BY (1.5 s at 100,000 cases); the
            # covering index by case streams them in order (0.8 s)
            "  FROM tally_conference WHERE +held_day BETWEEN :f AND :t AND +space_id IN (<known>)"
            "  GROUP BY case_key) GROUP BY 1, 2"
        )

    def conferences_per_case(self) -> CrossTally:
        cells: Counter[tuple[str, str]] = Counter()
        for space, n, cases, *_ in self._conference_cases():
            if space in self._group:
                cells[self._group[space], conference_class(int(n))] += cases
        return _one_case_each(cells)

    def conferences_by_discipline(self) -> CrossTally:
        units: Counter[tuple[str, str]] = Counter()
        for space, bits, n in self._all(
            "SELECT space_id, disciplines, count(*) FROM tally_conference "
            "WHERE held_day BETWEEN :f AND :t AND space_id IN (<known>) GROUP BY 1, 2"
        ):
            if space not in self._group:
                continue
            for bit, code in self._disciplines.items():
                if bits & (1 << (bit - 1)):
                    units[code, self._group[space]] += n
        cases: Counter[tuple[str, str]] = Counter()
        by_discipline: Counter[str] = Counter()
        by_group: Counter[str] = Counter()
        for space, _n, _cases, any_discipline, *per_bit in self._conference_cases():
            if space not in self._group:
                continue
            group = self._group[space]
            by_group[group] += any_discipline
            for code, k in zip(self._disciplines.values(), per_bit, strict=True):
                cases[code, group] += k
                by_discipline[code] += k
        return CrossTally(
            units=units,
            cases=cases,
            row_cases=by_discipline,
            col_cases=by_group,
            total_cases=sum(by_group.values()),
        )

    # ---------------------------------------------------------------- goals, § 8a

    def goals_by_space(self) -> dict[str, SpaceTally]:
        low = self._params["f"] * RANK
        high = self._params["t"] * RANK + RANK - 1
        return {
            self._code[space]: SpaceTally(units, cases, total, largest)
            for space, units, total, largest, cases in self._all(
                "SELECT space_id, count(*), total(score), max(score), count(DISTINCT case_key) "
                "FROM (SELECT space_id, case_key, score, max(rank) FROM tally_review "
                "      WHERE rank BETWEEN :low AND :high GROUP BY goal_key) "
                "WHERE space_id IN (<known>) GROUP BY 1",
                low=low,
                high=high,
            )
            if space in self._code
        }

    def protections_by_outcome(self) -> CrossTally:
        cells: Counter[tuple[str, str]] = Counter()
        for space, outcome, n in self._all(
            f"SELECT space_id, {_or_unknown('outcome')}, count(*) FROM tally_protection "
            "WHERE opened_day BETWEEN :f AND :t AND space_id IN (<known>) GROUP BY 1, 2"
        ):
            if space in self._group:
                cells[self._group[space], outcome] += n
        return _one_case_each(cells)

    # ---------------------------------------------------------------- helpers

    def _to_groups(self, by_space: CrossTally) -> CrossTally:
        """Sozialraum rows summed into Gebiet rows (their families are disjoint)."""
        group_of = {self._code[sid]: group for sid, group in self._group.items()}
        units: Counter[tuple[str, str]] = Counter()
        cases: Counter[tuple[str, str]] = Counter()
        rows: Counter[str] = Counter()
        for (space, col), n in by_space.units.items():
            units[group_of[space], col] += n
        for (space, col), n in by_space.cases.items():
            cases[group_of[space], col] += n
        for space, n in by_space.row_cases.items():
            rows[group_of[space]] += n
        return CrossTally(units, cases, rows, dict(by_space.col_cases), by_space.total_cases)


def _tally(cells: Iterable[tuple[str, str, int, int]], row_cases: Mapping[str, int]) -> CrossTally:
    """A Sozialraum × column tally; a column's cases add up over the Sozialräume."""
    units: dict[tuple[str, str], int] = {}
    cases: dict[tuple[str, str], int] = {}
    cols: defaultdict[str, int] = defaultdict(int)
    for space, col, n, k in cells:
        units[space, col] = n
        cases[space, col] = k
        cols[col] += k
    return CrossTally(units, cases, dict(row_cases), dict(cols), sum(row_cases.values()))


def _one_case_each(cells: Mapping[tuple[str, str], int]) -> CrossTally:
    """A tally whose units are cases (each case in one cell): every count is a case count."""
    rows: Counter[str] = Counter()
    cols: Counter[str] = Counter()
    for (row, col), n in cells.items():
        rows[row] += n
        cols[col] += n
    return CrossTally(cells, cells, rows, cols, sum(cells.values()))
