"""An independent auditor of the anonymised statistics export, working from the CSV files alone.

It knows what any reader of the files knows — and nothing from ``sro_case.export`` (it imports
nothing from there on purpose: it must not share a mistake with the product's own check):

- the file format (UTF-8 with BOM, ``;``, ``# Label: value`` lines, the official signs
  ``.`` = suppressed, ``–`` = zero, ``x`` = not applicable), parsed here by its own small parser;
- the legend: the period, the threshold ``t`` and the stricter one for sensitive figures;
- the public meaning of the tables: which tables count the same population (the three tables of
  helps begun share their Sozialraum totals and their grand total), which Sozialräume make up the
  model region (named in the file, else the city's public catalogue), which populations add up
  over disjoint periods;
- arithmetic: every count is a non-negative integer, every ``–`` is 0 and therefore every ``.``
  at least 1, every row and column adds up to its ``Insgesamt``.

All of it becomes one integer program (``scipy.optimize.milp``, HiGHS). For every suppressed count
``audit`` computes the smallest and the largest value any solution allows. Several exports are
audited together the way a reader would combine them: populations that add up over disjoint
periods (helps begun, helps ended, conference participations, § 8a cases opened) get one unknown
per logical cell and elementary period segment, and a published figure is the sum over the
segments its period covers; the other tables share their unknowns between exports with the same
period (running helps: the same end date).

``violations`` applies the rule the product promises: a suppressed cell's interval is at least
its threshold wide, and a small cell (true value ``v`` below its threshold, if the caller knows
it) can be anything from ``max(m, v - p)`` to ``v + p`` with ``p = max(t, ceil(0.3 v))`` and
``m`` the least value the published zeros alone force (1 for a cell; for a total, the number of
its non-zero cells — a hidden total of two ones is "at least 2" for any reader). Exports count
in release order: a cell of a later export that the earlier ones pin down on their own is not
the later export's disclosure.

``derived_disclosures`` looks at what no export shows but releases give together: a quarter
less the month inside it, the common part of two overlapping periods.

Run on files: ``python -m tests.export_audit a.csv [b.csv ...]``.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

HEADER = ("Tabelle", "Zeilenmerkmal", "Zeile", "Spaltenmerkmal", "Spalte", "Anzahl")
SUPPRESSED, ZERO, NOT_APPLICABLE = ".", "–", "x"
TOTAL = "Insgesamt"
MODEL, REST = "Modellregion", "übrige Stadt"
SPACE_FEATURE, AREA_FEATURE, SEX_FEATURE = "Sozialraum", "Gebiet", "Geschlecht"
KEY_FIGURE_FEATURE = "Kennzahl"
CATALOGUE = Path(__file__).resolve().parents[1] / "resources" / "catalogues" / "social_spaces.json"

# What each table counts (public: the tables' titles and the export's documentation say it).
POPULATIONS = {
    "hilfen_sozialraum_hilfeart": "hilfen_beginn",
    "hilfen_sozialraum_altersgruppe": "hilfen_beginn",
    "hilfen_modellregion_geschlecht": "hilfen_beginn",
    "laufende_hilfen_sozialraum": "hilfen_laufend",
    "beendete_hilfen_grund_dauer": "hilfen_ende",
    "konferenzen_je_fall": "konferenz_faelle",
    "konferenzen_disziplinen": "konferenz_teilnahmen",
    "ziele_zielerreichung": "ziele",
    "kinderschutz_8a_ergebnis": "kinderschutz",
    "kosten_budget_sozialraum": "kosten",
}
# counted by a date inside the period: a longer period is the sum of its parts
ADDITIVE = frozenset({"hilfen_beginn", "hilfen_ende", "konferenz_teilnahmen", "kinderschutz"})
# counted on the last day of the period
BY_END_DATE = frozenset({"hilfen_laufend"})
# counted once per period, so a reader knows part <= whole <= the parts that cover it; not a
# case's number of conferences (one in each quarter is two in the half year)
PER_PERIOD = frozenset({"konferenz_faelle", "ziele", "kosten"})
CONFERENCE_CLASS_FEATURE = "Konferenzen je Fall"
KEY_FIGURE_TABLES = frozenset({"ziele_zielerreichung", "kosten_budget_sozialraum"})
SENSITIVE_TABLES = frozenset({"kinderschutz_8a_ergebnis"})
SENSITIVE_COLUMN_TABLES = frozenset({"hilfen_sozialraum_hilfeart", "laufende_hilfen_sozialraum"})
SENSITIVE_MARK = "§ 35a"

CAP = 10**7  # upper bound of every unknown; a maximum at the cap means "unbounded"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_DAY = r"(\d{2})\.(\d{2})\.(\d{4})"


class ExportFormatError(ValueError):
    """The file is not an export as described in its own legend."""


class InconsistentExports(ValueError):
    """No population at all fits the published figures (they contradict each other)."""


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class Figure:
    """One published cell: ``sign`` is ``value``, ``zero``, ``suppressed`` or ``na``."""

    sign: str
    value: float | None = None


@dataclass
class ParsedTable:
    id: str
    rows: list[str] = field(default_factory=list)
    cols: list[str] = field(default_factory=list)
    row_features: dict[str, str] = field(default_factory=dict)
    col_features: dict[str, str] = field(default_factory=dict)
    cells: dict[tuple[str, str], Figure] = field(default_factory=dict)

    @property
    def population(self) -> str:
        return POPULATIONS.get(self.id, self.id)

    @property
    def key_figures(self) -> bool:
        """Rows per Sozialraum/Gebiet and key figures as columns: only the first is a count."""
        return self.id in KEY_FIGURE_TABLES or (
            bool(self.cols) and self.col_features[self.cols[0]] == KEY_FIGURE_FEATURE
        )

    def count_cells(self) -> Iterable[tuple[str, str]]:
        cols = self.cols[:1] if self.key_figures else self.cols
        for r in self.rows:
            for c in cols:
                if (r, c) in self.cells:
                    yield r, c


@dataclass
class ParsedExport:
    date_from: date
    date_to: date
    threshold: int
    sensitive_threshold: int
    provenance: list[tuple[str, str]]
    tables: dict[str, ParsedTable]
    model_regions: tuple[str, ...] | None = None  # None: the file does not name them
    name: str = ""

    @property
    def period(self) -> str:
        return f"{self.date_from:%d.%m.%Y}–{self.date_to:%d.%m.%Y}"

    def figure(self, table: str, row: str, col: str) -> Figure:
        return self.tables[table].cells[row, col]

    def threshold_of(self, table: str, col: str) -> int:
        """The threshold the legend sets for a cell."""
        if table in SENSITIVE_TABLES or (
            table in SENSITIVE_COLUMN_TABLES and SENSITIVE_MARK in col
        ):
            return self.sensitive_threshold
        return self.threshold


def _label(text: str) -> str:
    """Undo the writer's protection against formulas (a leading apostrophe)."""
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        return text[1:]
    return text


def parse_figure(text: str) -> Figure:
    text = text.strip()
    if text == SUPPRESSED:
        return Figure("suppressed")
    if text == ZERO:
        return Figure("zero", 0.0)
    if text == NOT_APPLICABLE:
        return Figure("na")
    if not _NUMBER.fullmatch(text):
        raise ExportFormatError(f"keine Zahl und kein Zeichen: {text!r}")
    return Figure("value", float(text.replace(".", "").replace(",", ".")))


def _day(match: tuple[str, str, str]) -> date:
    d, m, y = (int(x) for x in match)
    return date(y, m, d)


def parse_csv(data: bytes | str, name: str = "") -> ParsedExport:
    """Parse one CSV export (bytes as written, or its text)."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    provenance: list[tuple[str, str]] = []
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        label, _, value = lines[start][1:].strip().partition(":")
        provenance.append((label.strip(), value.strip()))
        start += 1
    legend = dict(provenance)  # the last "Hinweis" wins; only the unique labels are read
    period = re.fullmatch(rf"{_DAY} bis {_DAY}", legend.get("Zeitraum", ""))
    if period is None:
        raise ExportFormatError(f"{name}: kein Zeitraum in der Legende")
    date_from, date_to = _day(period.groups()[:3]), _day(period.groups()[3:])
    rule = legend.get("Mindestfallzahl", "")
    found = re.match(r"(\d+)", rule)
    if found is None:
        raise ExportFormatError(f"{name}: keine Mindestfallzahl in der Legende")
    threshold = int(found.group(1))
    strict = re.search(r"sensible Merkmale[^:]*:\s*(\d+)", rule)
    sensitive = int(strict.group(1)) if strict else threshold
    regions: tuple[str, ...] | None = None
    for _, value in provenance:
        named = re.search(r"Modellregionen?: ([^.]+)", value)
        if named:
            regions = tuple(s.strip() for s in named.group(1).split(","))

    reader = csv.reader(io.StringIO("".join(lines[start:]), newline=""), delimiter=";")
    header = next(reader, None)
    if header is None or tuple(header) != HEADER:
        raise ExportFormatError(f"{name}: unerwartete Kopfzeile {header!r}")
    tables: dict[str, ParsedTable] = {}
    for record in reader:
        if not record:
            continue
        if len(record) != len(HEADER):
            raise ExportFormatError(f"{name}: Zeile mit {len(record)} Feldern: {record!r}")
        table_id, row_feature, row, col_feature, col = (_label(x) for x in record[:5])
        table = tables.setdefault(table_id, ParsedTable(table_id))
        if row not in table.row_features:
            table.rows.append(row)
            table.row_features[row] = row_feature
        if col not in table.col_features:
            table.cols.append(col)
            table.col_features[col] = col_feature
        if (row, col) in table.cells:
            raise ExportFormatError(f"{name}: {table_id} {row}/{col} doppelt")
        table.cells[row, col] = parse_figure(record[5])
    return ParsedExport(
        date_from, date_to, threshold, sensitive, provenance, tables, regions, name=name
    )


def parse_file(path: str | Path) -> ParsedExport:
    path = Path(path)
    return parse_csv(path.read_bytes(), name=path.name)


def catalogue_model_regions(path: Path = CATALOGUE) -> tuple[str, ...]:
    """The model regions as the city publishes them (the Sozialraum catalogue)."""
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    return tuple(i["name"] for i in items if i.get("is_model_region"))


# --------------------------------------------------------------------------- the program


class CellRef(NamedTuple):
    """A published cell: the export (index in the audited sequence), table, row, column."""

    export: int
    table: str
    row: str
    col: str

    def __str__(self) -> str:
        return f"#{self.export} {self.table}[{self.row} | {self.col}]"


class Interval(NamedTuple):
    """Smallest and largest value of a suppressed cell over all integer solutions
    (``hi`` is ``math.inf`` when nothing bounds it), and the threshold the legend sets."""

    lo: int
    hi: float
    threshold: int

    @property
    def width(self) -> float:
        return self.hi - self.lo


@dataclass(frozen=True)
class Violation:
    ref: CellRef
    period: str
    interval: Interval
    reason: str
    true_value: int | None = None

    def __str__(self) -> str:
        hi = "∞" if math.isinf(self.interval.hi) else str(int(self.interval.hi))
        truth = "" if self.true_value is None else f", wahr {self.true_value}"
        return (
            f"{self.ref} ({self.period}): [{self.interval.lo}, {hi}], Schwelle "
            f"{self.interval.threshold}{truth}: {self.reason}"
        )


Scope = tuple[object, ...]  # ("seg", first, last) | ("end", last) | ("period", first, last)
Coords = frozenset[tuple[str, str]]
VarKey = tuple[str, Scope, Coords]


def _segments(exports: Sequence[ParsedExport]) -> list[tuple[date, date]]:
    """The elementary periods: the union of all periods, cut at every first and day-after-last."""
    cuts = sorted({e.date_from for e in exports} | {e.date_to + timedelta(days=1) for e in exports})
    out = []
    for first, nxt in itertools.pairwise(cuts):
        last = nxt - timedelta(days=1)
        if any(e.date_from <= first and last <= e.date_to for e in exports):
            out.append((first, last))
    return out


class _Program:
    """Unknowns, constraints ``lo <= sum(coef * x) <= hi`` and the published cells' sums."""

    def __init__(self) -> None:
        self.index: dict[VarKey, int] = {}
        self.keys: list[VarKey] = []
        self.constraints: list[tuple[dict[int, int], float, float]] = []
        self._seen: set[tuple[frozenset[tuple[int, int]], float, float]] = set()

    def var(self, key: VarKey) -> int:
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.keys)
            self.keys.append(key)
        return found

    def add(self, coefs: Mapping[int, int], lo: float, hi: float) -> None:
        clean = {v: c for v, c in coefs.items() if c}
        sig = (frozenset(clean.items()), lo, hi)
        if sig not in self._seen:
            self._seen.add(sig)
            self.constraints.append((clean, lo, hi))

    def equation(self, total: VarKey, parts: Iterable[VarKey]) -> None:
        coefs: dict[int, int] = defaultdict(int)
        coefs[self.var(total)] += 1
        for p in parts:
            coefs[self.var(p)] -= 1
        self.add(coefs, 0.0, 0.0)


def _coords(table: ParsedTable, row: str, col: str) -> Coords:
    out = set()
    if row != TOTAL:
        out.add((table.row_features[row], row))
    if col != TOTAL and not table.key_figures:
        out.add((table.col_features[col], col))
    return frozenset(out)


def _scopes(export: ParsedExport, population: str, segments: Sequence[tuple[date, date]]) -> list:
    if population in ADDITIVE:
        return [
            ("seg", first, last)
            for first, last in segments
            if export.date_from <= first and last <= export.date_to
        ]
    if population in BY_END_DATE:
        return [("end", export.date_to)]
    return [("period", export.date_from, export.date_to)]


def _table_equations(prog: _Program, table: ParsedTable, population: str, scope: Scope) -> None:
    def key(row: str, col: str) -> VarKey:
        return (population, scope, _coords(table, row, col))

    if table.key_figures:
        count = table.cols[0]
        if TOTAL in table.rows:
            leaves = [
                r for r in table.rows if table.row_features[r] == SPACE_FEATURE and r != TOTAL
            ]
            prog.equation(key(TOTAL, count), (key(r, count) for r in leaves))
        return
    inner_rows = [r for r in table.rows if r != TOTAL]
    inner_cols = [c for c in table.cols if c != TOTAL]
    if TOTAL in table.cols:
        for r in table.rows:
            prog.equation(key(r, TOTAL), (key(r, c) for c in inner_cols))
    if TOTAL in table.rows:
        for c in table.cols:
            prog.equation(key(TOTAL, c), (key(r, c) for r in inner_rows))


def _structural_equations(prog: _Program, model_regions: set[str], spaces: set[str]) -> None:
    """A Gebiet cell is the sum of the same cell of its Sozialräume; a merged sex column is the
    sum of the columns it merges — wherever those cells exist in the same population and period."""
    members = {
        MODEL: sorted(s for s in spaces if s in model_regions),
        REST: sorted(s for s in spaces if s not in model_regions),
    }
    for pop, scope, coords in list(prog.keys):
        for feature, label in coords:
            rest = coords - {(feature, label)}
            if feature == AREA_FEATURE and members.get(label):
                parts = [(pop, scope, rest | {(SPACE_FEATURE, s)}) for s in members[label]]
            elif feature == SEX_FEATURE and " / " in label:
                parts = [(pop, scope, rest | {(feature, p)}) for p in label.split(" / ")]
            else:
                continue
            if all(p in prog.index for p in parts):
                prog.equation((pop, scope, coords), parts)


def _nested_period_bounds(prog: _Program, exports: Sequence[ParsedExport]) -> None:
    """Per-period counts of nested exports: part <= whole, and whole <= a + b where two parts
    inside the whole together cover it."""
    periods = {(e.date_from, e.date_to) for e in exports}
    groups: dict[tuple[str, Coords], dict[tuple[date, date], int]] = defaultdict(dict)
    for v, (pop, scope, coords) in enumerate(prog.keys):
        if pop in PER_PERIOD and scope[0] == "period":
            if any(feature == CONFERENCE_CLASS_FEATURE for feature, _ in coords):
                continue
            groups[pop, coords][scope[1], scope[2]] = v

    def inside(a: tuple[date, date], b: tuple[date, date]) -> bool:
        return a != b and b[0] <= a[0] and a[1] <= b[1]

    for by_period in groups.values():
        for w in periods & by_period.keys():
            parts = [p for p in by_period if inside(p, w)]
            for p in parts:
                prog.add({by_period[w]: 1, by_period[p]: -1}, 0.0, math.inf)
            for a, b in itertools.combinations(sorted(parts), 2):
                first, last = min(a[0], b[0]), max(a[1], b[1])
                touch = (b[0] - a[1]).days <= 1 if a[0] <= b[0] else (a[0] - b[1]).days <= 1
                if first <= w[0] and w[1] <= last and touch:
                    coefs = {by_period[a]: 1, by_period[b]: 1, by_period[w]: -1}
                    prog.add(coefs, 0.0, math.inf)


def build_program(
    exports: Sequence[ParsedExport], model_regions: Iterable[str] | None = None
) -> tuple[_Program, dict[CellRef, tuple[int, ...]]]:
    """The integer program of everything the files say, and each count cell's unknowns."""
    if model_regions is None:
        named = [e.model_regions for e in exports if e.model_regions is not None]
        model_regions = named[0] if named else catalogue_model_regions()
    regions = set(model_regions)
    segments = _segments(exports)
    prog = _Program()
    cells: dict[CellRef, tuple[int, ...]] = {}
    spaces: set[str] = set()
    for e in exports:
        for table in e.tables.values():
            spaces |= {
                r for r, f in table.row_features.items() if f == SPACE_FEATURE and r != TOTAL
            }
    for n, e in enumerate(exports):
        for table in e.tables.values():
            pop = table.population
            scopes = _scopes(e, pop, segments)
            for row, col in table.count_cells():
                coords = _coords(table, row, col)
                cells[CellRef(n, table.id, row, col)] = tuple(
                    prog.var((pop, s, coords)) for s in scopes
                )
            for s in scopes:
                _table_equations(prog, table, pop, s)
    _structural_equations(prog, regions, spaces)
    _nested_period_bounds(prog, exports)
    for n, e in enumerate(exports):
        for table in e.tables.values():
            for row, col in table.count_cells():
                fig = table.cells[row, col]
                unknowns = dict.fromkeys(cells[CellRef(n, table.id, row, col)], 1)
                if fig.sign == "suppressed":
                    prog.add(unknowns, 1.0, math.inf)
                elif fig.sign in ("value", "zero"):
                    value = float(fig.value or 0.0)
                    if value != int(value) or value < 0:
                        raise ExportFormatError(f"{e.name} {table.id} {row}/{col}: {value}")
                    prog.add(unknowns, value, value)
    return prog, cells


def _presolve(prog: _Program) -> dict[int, int]:
    """Unknowns the equations pin down on their own (a reader's pencil work): a sum of
    non-negative unknowns that is 0, an equation with one unknown left. Raises on a
    contradiction."""
    fixed: dict[int, int] = {}
    by_var: dict[int, list[int]] = defaultdict(list)
    for i, (coefs, _, _) in enumerate(prog.constraints):
        for v in coefs:
            by_var[v].append(i)
    queue = list(range(len(prog.constraints)))
    queued = set(queue)
    while queue:
        i = queue.pop()
        queued.discard(i)
        coefs, lo, hi = prog.constraints[i]
        rest = {v: c for v, c in coefs.items() if v not in fixed}
        known = sum(c * fixed[v] for v, c in coefs.items() if v in fixed)
        new: dict[int, int] = {}
        if not rest:
            if not lo - 1e-9 <= known <= hi + 1e-9:
                raise InconsistentExports(f"Widerspruch in {_describe(prog, coefs)}")
            continue
        if lo == hi:
            target = lo - known
            if len(rest) == 1:
                ((v, c),) = rest.items()
                value = target / c
                if value < -1e-9 or abs(value - round(value)) > 1e-9:
                    raise InconsistentExports(f"Widerspruch in {_describe(prog, coefs)}")
                new[v] = round(value)
            elif abs(target) < 1e-9 and len({c > 0 for c in rest.values()}) == 1:
                new = dict.fromkeys(rest, 0)
        for v, value in new.items():
            fixed[v] = value
            for j in by_var[v]:
                if j not in queued:
                    queued.add(j)
                    queue.append(j)
    return fixed


def _describe(prog: _Program, coefs: Mapping[int, int]) -> str:
    return " + ".join(f"{c}·{prog.keys[v]}" for v, c in list(coefs.items())[:6])


class _Component:
    """The connected part of the program around some unknowns, ready for HiGHS."""

    def __init__(self, prog: _Program, variables: list[int], fixed: Mapping[int, int]) -> None:
        self.local = {v: i for i, v in enumerate(variables)}
        rows, cols, vals, lbs, ubs = [], [], [], [], []
        members = set(variables)
        for coefs, lo, hi in prog.constraints:
            if not any(v in members for v in coefs):
                continue
            known = sum(c * fixed[v] for v, c in coefs.items() if v in fixed)
            r = len(lbs)
            for v, c in coefs.items():
                if v in members:
                    rows.append(r)
                    cols.append(self.local[v])
                    vals.append(c)
            lbs.append(lo - known)
            ubs.append(hi - known)
        n = len(variables)
        matrix = coo_array((vals, (rows, cols)), shape=(len(lbs), n)).tocsr()
        self.constraints = LinearConstraint(matrix, np.array(lbs), np.array(ubs))
        self.bounds = Bounds(np.zeros(n), np.full(n, float(CAP)))
        self.integrality = np.ones(n)
        self.points: list[np.ndarray] = []  # integer solutions found so far

    def optimum(self, unknowns: Sequence[int], sign: float) -> float:
        """The smallest (``sign`` +1) or largest (``sign`` −1) integer value of
        ``sum(unknowns)``. The LP relaxation first: where HiGHS returns an integral vertex it is the integer optimum too (most of
        these tables are network matrices); only otherwise the branch and bound."""
        c = np.zeros(len(self.local))
        for v in unknowns:
            c[self.local[v]] += sign
        res = milp(c, bounds=self.bounds, constraints=self.constraints)
        if res.status == 0 and res.x is not None:
            point = np.round(res.x)
            if np.abs(res.x - point).max(initial=0.0) < 1e-7:
                self.points.append(point)
                return sign * float(c @ point)
        res = milp(
            c,
            integrality=self.integrality,
            bounds=self.bounds,
            constraints=self.constraints,
            options={"mip_rel_gap": 0.0},
        )
        if res.status != 0 or res.x is None:
            raise InconsistentExports(f"HiGHS: {res.message}")
        point = np.round(res.x)
        self.points.append(point)
        return sign * float(c @ point)

    def seen_minimum(self, unknowns: Sequence[int]) -> float:
        idx = [self.local[v] for v in unknowns]
        return min((float(p[idx].sum()) for p in self.points), default=math.inf)


class _Solver:
    """The program of some exports, presolved and cut into connected parts; answers the least
    and the greatest value of a sum of unknowns (cached)."""

    def __init__(
        self, exports: Sequence[ParsedExport], model_regions: Iterable[str] | None
    ) -> None:
        self.prog, self.cells = build_program(exports, model_regions)
        self.fixed = _presolve(self.prog)
        parent = list(range(len(self.prog.keys)))

        def find(v: int) -> int:
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        for coefs, _, _ in self.prog.constraints:
            free = [v for v in coefs if v not in self.fixed]
            for a, b in itertools.pairwise(free):
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[ra] = rb
        self._find = find
        self._groups: dict[int, list[int]] = defaultdict(list)
        for v in range(len(self.prog.keys)):
            if v not in self.fixed:
                self._groups[find(v)].append(v)
        self._components: dict[int, _Component] = {}
        self._lo: dict[frozenset[int], int] = {}
        self._hi: dict[frozenset[int], float] = {}

    def _parts(self, unknowns: Sequence[int]) -> tuple[int, list[tuple[_Component, list[int]]]]:
        """The fixed part of a sum, and its free unknowns by connected part (a published
        cell's unknowns are always in one; a difference of releases need not be)."""
        known = sum(self.fixed[v] for v in unknowns if v in self.fixed)
        by_root: dict[int, list[int]] = defaultdict(list)
        for v in unknowns:
            if v not in self.fixed:
                by_root[self._find(v)].append(v)
        parts = []
        for root, free in by_root.items():
            comp = self._components.get(root)
            if comp is None:
                comp = self._components[root] = _Component(
                    self.prog, self._groups[root], self.fixed
                )
            parts.append((comp, free))
        return known, parts

    def minimum(self, unknowns: Sequence[int], floor: int = 0) -> int:
        """The least value of the sum; ``floor`` is a bound the program already implies (1
        for a suppressed cell): a solution seen to reach it ends the search."""
        sig = frozenset(unknowns)
        if sig not in self._lo:
            known, parts = self._parts(unknowns)
            if len(parts) == 1:
                comp, free = parts[0]
                least = max(0, floor - known)
                lo = least if comp.seen_minimum(free) <= least else comp.optimum(free, 1.0)
            else:
                lo = sum(comp.optimum(free, 1.0) for comp, free in parts)
            self._lo[sig] = round(lo + known)
        return self._lo[sig]

    def maximum(self, unknowns: Sequence[int]) -> float:
        """The greatest value of the sum (``math.inf`` if nothing bounds it)."""
        sig = frozenset(unknowns)
        if sig not in self._hi:
            known, parts = self._parts(unknowns)
            highs = [comp.optimum(free, -1.0) for comp, free in parts]
            unbounded = any(h >= CAP / 2 for h in highs)
            self._hi[sig] = math.inf if unbounded else sum(highs) + known
        return self._hi[sig]

    def interval(self, ref: CellRef, threshold: int) -> Interval:
        unknowns = self.cells[ref]
        return Interval(self.minimum(unknowns, floor=1), self.maximum(unknowns), threshold)


def _suppressed(exports: Sequence[ParsedExport]) -> Iterable[CellRef]:
    for n, e in enumerate(exports):
        for table in e.tables.values():
            for row, col in table.count_cells():
                if table.cells[row, col].sign == "suppressed":
                    yield CellRef(n, table.id, row, col)


def audit(
    exports: Sequence[ParsedExport], model_regions: Iterable[str] | None = None
) -> dict[CellRef, Interval]:
    """For every suppressed count of every export: the smallest and largest integer value that
    all published figures of all the exports together allow."""
    solver = _Solver(exports, model_regions)
    return {
        ref: solver.interval(ref, exports[ref.export].threshold_of(ref.table, ref.col))
        for ref in _suppressed(exports)
    }


def blank(export: ParsedExport) -> ParsedExport:
    """The export as a reader sees it who knows only where its zeros are: every published
    count becomes "at least 1"."""
    tables = {}
    for table_id, table in export.tables.items():
        cells = dict(table.cells)
        for rc in table.count_cells():
            if cells[rc].sign == "value":
                cells[rc] = Figure("suppressed")
        tables[table_id] = replace(table, cells=cells)
    return replace(export, tables=tables)


def _shortfall(iv: Interval, v: int | None, least: Callable[[], int]) -> str | None:
    """Why an interval does not protect its cell (None if it does). ``least()``: the value the
    zeros alone force (asked only when the lower side matters)."""
    t = iv.threshold
    if iv.width < t:
        return f"Spanne {iv.width:g} < {t}"
    if v is None or not 1 <= v < t:
        return None
    p = max(t, math.ceil(0.3 * v))
    if iv.hi < v + p:
        return f"höchstens {iv.hi:g} < {v} + {p}"
    if iv.lo > max(1, v - p):
        floor = max(least(), v - p)
        if iv.lo > floor:
            return f"mindestens {iv.lo} > {floor}"
    return None


def violations(
    exports: Sequence[ParsedExport],
    true_values: Mapping[CellRef, int] | None = None,
    *,
    intervals: Mapping[CellRef, Interval] | None = None,
    model_regions: Iterable[str] | None = None,
    include_known_before: bool = False,
) -> list[Violation]:
    """Suppressed cells the published figures do not protect: an interval narrower than the
    cell's threshold ``t``; and, where the caller passes a small cell's true value ``v``
    (``1 <= v < t``), an interval that does not reach up to ``v + p`` or down to
    ``max(m, v - p)``, ``p = max(t, ceil(0.3 v))``, where ``m`` is the least value the zeros
    alone force (1 for a cell, the number of non-zero cells for a total of them).

    Exports are taken in release order: a cell of a later export that the earlier ones already
    pin down just as closely — whatever the later export shows — is not the later export's
    disclosure and is left out (``include_known_before`` keeps it)."""
    if intervals is None:
        intervals = audit(exports, model_regions)
    truth = true_values or {}
    zeros: list[_Solver] = []
    before: dict[int, _Solver] = {}

    def least_of(ref: CellRef) -> Callable[[], int]:
        def least() -> int:
            if not zeros:
                zeros.append(_Solver([blank(e) for e in exports], model_regions))
            return zeros[0].minimum(zeros[0].cells[ref], floor=1)

        return least

    out = []
    for ref, iv in intervals.items():
        v = truth.get(ref)
        reason = _shortfall(iv, v, least_of(ref))
        if reason is None:
            continue
        if ref.export and not include_known_before:
            n = ref.export
            if n not in before:
                before[n] = _Solver([*exports[:n], blank(exports[n])], model_regions)
            if _shortfall(before[n].interval(ref, iv.threshold), v, least_of(ref)):
                continue
        out.append(Violation(ref, exports[ref.export].period, iv, reason, v))
    return out


@dataclass(frozen=True)
class Derived:
    """A figure no export shows but the releases together give: one logical cell of an
    additive population over ``segments`` (e.g. a quarter less the month inside it)."""

    population: str
    coords: Coords
    segments: tuple[tuple[date, date], ...]
    interval: Interval

    def __str__(self) -> str:
        where = " / ".join(label for _, label in sorted(self.coords)) or TOTAL
        when = " + ".join(f"{a:%d.%m.%Y}–{b:%d.%m.%Y}" for a, b in self.segments)
        hi = "∞" if math.isinf(self.interval.hi) else str(int(self.interval.hi))
        return f"{self.population}[{where}] ({when}): [{self.interval.lo}, {hi}]"


def derived_disclosures(
    exports: Sequence[ParsedExport], model_regions: Iterable[str] | None = None
) -> list[Derived]:
    """Differences of releases that pin a small non-zero figure: for every two exports with
    overlapping periods, the part of one period outside the other and the common part, for
    every logical cell of an additive population. Reported when the reader knows the figure is
    at least 1, below the threshold at its least, and narrower than the threshold."""
    solver = _Solver(exports, model_regions)
    segments = _segments(exports)

    def covered(first: date, last: date) -> frozenset[tuple[date, date]]:
        return frozenset(s for s in segments if first <= s[0] and s[1] <= last)

    spans = [covered(e.date_from, e.date_to) for e in exports]
    candidates: set[frozenset[tuple[date, date]]] = set()
    for a, b in itertools.permutations(spans, 2):
        if a & b:
            candidates |= {a - b, a & b}
    candidates -= {frozenset()} | set(spans)
    cells: dict[tuple[str, Coords], dict[tuple[date, date], int]] = defaultdict(dict)
    for v, (pop, scope, coords) in enumerate(solver.prog.keys):
        if scope[0] == "seg":
            cells[pop, coords][scope[1], scope[2]] = v  # type: ignore[index]
    threshold = max(e.threshold for e in exports)
    strict = max(e.sensitive_threshold for e in exports)
    out = []
    for (pop, coords), by_segment in cells.items():
        sensitive = pop == POPULATIONS["kinderschutz_8a_ergebnis"] or any(
            SENSITIVE_MARK in label for _, label in coords
        )
        t = strict if sensitive else threshold
        for chosen in sorted(candidates, key=sorted):
            if not chosen <= by_segment.keys():
                continue
            unknowns = [by_segment[s] for s in sorted(chosen)]
            lo = solver.minimum(unknowns)
            if not 1 <= lo < t:
                continue
            hi = solver.maximum(unknowns)
            if hi - lo < t:
                out.append(Derived(pop, coords, tuple(sorted(chosen)), Interval(lo, hi, t)))
    return out


def main(argv: Sequence[str]) -> int:
    """Audit CSV files jointly (in the order given: the release order) and print every
    violation and every small figure their differences give; exit code 1 if there is one."""
    exports = [parse_file(p) for p in argv]
    found: list[Violation | Derived] = [*violations(exports), *derived_disclosures(exports)]
    for v in found:
        print(v)
    print(f"{len(found)} Befund(e) in {len(exports)} Datei(en)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
