"""Repeated releases: an export audited together with the earlier exports it can be combined with.

A controller who has the exports for Q1, Q2 and the first half year can subtract. So what each
export published is kept (``Release``, stored encrypted in the database by the statistics
service), and a new export is checked together with the earlier releases whose periods overlap
or nest with it (and those overlapping these, and so on).

The reader's knowledge, written as the suppression engine's cells and equations:

- Figures *additive over time* (helps begun or ended, conference participations, § 8a cases
  opened in the period): the union of the periods is cut at every boundary into segments. Each
  segment has an unknown per logical cell (never published, at least 0) that obeys the same
  table equations, and every export's figure is the sum over the segments it covers.
- Figures of a *state* (helps running at the end date; cases with conferences, goals, costs in
  the period): equal when the end date (running helps) or the whole period is equal, so an
  earlier release of the same period shares the cell itself.
- Figures counted *once per period* (cases with a conference, goals reviewed, helps with costs)
  over nested periods: part ≤ whole ≤ the parts that cover it (``_nested_counts``).
- Small figures a reader gets by subtraction (segments, runs of segments, differences of two
  periods) are protected like small published cells.

Figures are today's true figures for each period: where the case files have not changed since
an earlier export, that is exactly what the reader computes with.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import Any

from sro_case.export.suppression import (
    Cell,
    Equation,
    Key,
    LogicalCells,
    cell_key,
    count_cells,
    key_parts,
    protection_levels,
)
from sro_case.export.tables import (
    PublishedCell,
    PublishedTable,
    RawExport,
    StatisticsExport,
    Status,
)
from sro_case.export.tally import MERGED_SEX

ADDITIVE = frozenset({"hilfen_beginn", "hilfen_ende", "konferenz_teilnahmen", "kinderschutz"})
BY_END_DATE = frozenset({"hilfen_laufend"})
PER_PERIOD = frozenset({"konferenz_faelle", "ziele", "kosten"})  # counted once per period


def _grows_with_period(key: Key) -> bool:
    """A figure counted once per period that can only grow with the period: goals reviewed,
    helps with costs, cases with a conference – but not a case's number of conferences (one
    conference in each quarter is two in the half year)."""
    pop, coords = key_parts(key)
    if pop == "konferenz_faelle":
        return all(feature != "konferenzen" for feature, _ in coords)
    return pop in PER_PERIOD


def _json_key(key: Key) -> tuple[str, list[list[str]]]:
    """A logical cell as stored: population and coordinates as JSON lists."""
    pop, coords = key_parts(key)
    return pop, [list(c) for c in coords]


RawFor = Callable[[date, date], RawExport]  # true figures of a period, not merging any column


@dataclass(frozen=True)
class Release:
    """What one export published: its period and the status of every count cell."""

    date_from: date
    date_to: date
    threshold: int
    cells: Mapping[Key, Status]
    figures: Mapping[Key, float] = field(default_factory=dict)  # the published counts

    def to_json(self) -> str:
        """The stored form: period, threshold, and per cell [population, coordinates, status,
        published figure or null]."""
        cells = [
            [*_json_key(key), str(status), self.figures.get(key)]
            for key, status in sorted(self.cells.items(), key=lambda kv: repr(kv[0]))
        ]
        return json.dumps(
            {
                "from": self.date_from.isoformat(),
                "to": self.date_to.isoformat(),
                "threshold": self.threshold,
                "cells": cells,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Release:
        """Read what ``to_json`` wrote."""
        data: dict[str, Any] = json.loads(text)
        cells: dict[Key, Status] = {}
        figures: dict[Key, float] = {}
        for pop, coords, status, figure in data["cells"]:
            key = (pop, tuple((f, c) for f, c in coords))
            cells[key] = Status(status)
            if figure is not None:
                figures[key] = float(figure)
        return cls(
            date.fromisoformat(data["from"]),
            date.fromisoformat(data["to"]),
            int(data["threshold"]),
            cells,
            figures,
        )

    def overlaps(self, date_from: date, date_to: date) -> bool:
        """Whether this release's period shares a day with ``[date_from, date_to]``."""
        return self.date_from <= date_to and date_from <= self.date_to


def _table_keys(table: PublishedTable) -> Iterable[tuple[Key, PublishedCell]]:
    """Every count cell of a published table with its logical key (as ``publish`` keys it)."""
    count_cols = [j for j, c in enumerate(table.cols) if c.kind == "count"]
    for i, row in enumerate(table.rows):
        for j in count_cols:
            col = table.cols[j]
            coords = [(row.feature, row.code)]
            if table.kind == "count":
                coords.append((col.feature, col.code))
            yield cell_key(table.population, *coords), table.cells[i][j]


def release_of(export: StatisticsExport) -> Release:
    """The release an export makes: the status of each logical count cell."""
    cells: dict[Key, Status] = {}
    figures: dict[Key, float] = {}
    for table in export.tables:
        for key, cell in _table_keys(table):
            cells[key] = cell.status
            if cell.value is not None:
                figures[key] = cell.value
    return Release(export.date_from, export.date_to, export.threshold, cells, figures)


def joint_releases(releases: Iterable[Release], date_from: date, date_to: date) -> list[Release]:
    """The earlier releases a reader can combine with a new export of ``[date_from, date_to]``:
    those overlapping it, and those overlapping these – all of them, however many exports
    of other periods were written in between."""
    pool = list(releases)
    spans = [(date_from, date_to)]
    chosen: list[Release] = []
    grown = True
    while grown:
        grown = False
        for r in pool:
            if r not in chosen and any(r.overlaps(a, b) for a, b in spans):
                chosen.append(r)
                spans.append((r.date_from, r.date_to))
                grown = True
    return chosen


def merges_sex(releases: Iterable[Release]) -> bool:
    """Whether any of these releases merged "divers" with "ohne Angabe": the new export must
    merge too, or its separate figures would bound the merged ones."""
    return any(("geschlecht", MERGED_SEX) in key_parts(key)[1] for r in releases for key in r.cells)


def _shares_state(population: str, r: Release, date_from: date, date_to: date) -> bool:
    if population in BY_END_DATE:
        return r.date_to == date_to
    return (r.date_from, r.date_to) == (date_from, date_to)


def _segments(periods: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """The elementary periods between all boundaries, where any period covers them."""
    periods = list(periods)
    cuts = sorted(
        {a for a, _ in periods} | {date.fromordinal(b.toordinal() + 1) for _, b in periods}
    )
    out = []
    for a, b in itertools.pairwise(cuts):
        last = date.fromordinal(b.toordinal() - 1)
        if any(p <= a and last <= q for p, q in periods):
            out.append((a, last))
    return out


def _merged_sex(logical: LogicalCells, equations: list[Equation]) -> None:
    """Add the "divers / ohne Angabe" cells as sums, so an export that merged them links to
    segments that did not."""
    for key in list(logical.values):
        pop, coords = key_parts(key)
        sex = dict(coords).get("geschlecht")
        if sex != "diverse":
            continue
        rest = tuple(c for c in coords if c[0] != "geschlecht")
        other = (pop, tuple(sorted((*rest, ("geschlecht", "unspecified")))))
        merged = (pop, tuple(sorted((*rest, ("geschlecht", MERGED_SEX)))))
        if merged in logical.values or other not in logical.values:
            continue
        logical.values[merged] = logical.values[key] + logical.values[other]
        equations.append(Equation(merged, (key, other), "merged_sex"))


def _check_additive(
    cells: Mapping[Key, Cell],
    date_from: date,
    date_to: date,
    segs: Sequence[tuple[date, date]],
    seg_logical: Mapping[tuple[date, date], LogicalCells],
) -> None:
    """The figures additive over time must add up over this export's segments. They do for
    the case files; facts without their day (a § 8a case without its opening day) would count
    in every period, and the joint audit would rest on a wrong model: refused, never skipped."""
    mine = [seg for seg in segs if date_from <= seg[0] and seg[1] <= date_to]
    for key, cell in cells.items():
        if key_parts(key)[0] in ADDITIVE:
            total = sum(seg_logical[seg].values.get(key, 0) for seg in mine)
            if total != cell.value:
                raise ValueError(
                    f"{key}: {cell.value:g} in the period, {total} over its parts – facts "
                    "without their day cannot be audited with earlier exports"
                )


def _release_cell(value: float, status: Status, threshold: int) -> Cell:
    """An earlier export's figure: published (a constant), or hidden and still protected as it
    was – at least as wide as its threshold, a small one ± around its true value."""
    if not status.suppressed:
        return Cell(value, 0.0, 0.0, lower=0.0, fixed=True)
    up, down = (0.0, 0.0)
    if status is Status.PRIMARY and value > 0:
        up, down = protection_levels(int(value), threshold)
    return Cell(
        value,
        float(threshold),
        0.0,
        primary=status is Status.PRIMARY,
        up=up,
        down=down,
        lower=min(1.0, value),
        fixed=True,
    )


def _segment_cell(key: Key, value: int, limit_of: Callable[[Key], int]) -> Cell:
    """A segment's figure: never published, but subtraction (a year minus its first eleven
    months) can give it; a small one is then protected like a small published cell."""
    if value > 0:
        t = limit_of(key)
        if value < t:
            up, _ = protection_levels(value, t)
            return Cell(float(value), float(t), 0.0, up=up, lower=0.0, fixed=True)
    return Cell(float(value), 0.0, 0.0, lower=0.0, fixed=True)


@dataclass
class JointModel:
    """The new export's cells plus earlier releases and segments, ready for ``protect``."""

    cells: dict[Key, Cell]
    equations: list[Equation]
    hidden: set[Key]  # earlier releases' hidden cells and every segment unknown
    periods: tuple[tuple[date, date], ...]


def joint_model(
    cells: Mapping[Key, Cell],
    equations: Sequence[Equation],
    date_from: date,
    date_to: date,
    releases: Sequence[Release],
    raw_for: RawFor,
    limit_of: Callable[[Key, int], int],
    threshold: int,
) -> JointModel:
    """The new export (``cells``, ``equations``: its logical count cells, ``threshold``)
    linked to the earlier ``releases``. ``raw_for`` gives a period's true figures;
    ``limit_of(key, t)`` a cell's threshold under an export's minimum cell size ``t`` (the
    stricter one for sensitive cells)."""

    def new_limit(key: Key) -> int:
        return limit_of(key, threshold)

    out_cells = dict(cells)
    out_eqs = list(equations)
    hidden: set[Key] = set()
    periods = [(date_from, date_to), *((r.date_from, r.date_to) for r in releases)]
    segs = _segments(periods)
    seg_values: dict[tuple[date, date], dict[Key, int]] = {}
    seg_logical = {seg: count_cells(raw_for(*seg), 0, 0) for seg in segs}
    for logical in seg_logical.values():
        _merged_sex(logical, logical.equations)
    _check_additive(cells, date_from, date_to, segs, seg_logical)
    for seg, logical in seg_logical.items():
        values = {k: v for k, v in logical.values.items() if key_parts(k)[0] in ADDITIVE}
        seg_values[seg] = values
        tag = ("segment", seg)
        for k, v in values.items():
            out_cells[(tag, k)] = _segment_cell(k, v, new_limit)
            hidden.add((tag, k))
        for e in logical.equations:
            if key_parts(e.total)[0] in ADDITIVE:
                parts = tuple((tag, p) for p in e.parts)
                out_eqs.append(Equation((tag, e.total), parts, f"segment:{e.family}"))

    # What subtraction gives beyond single segments: every run of consecutive segments (a
    # half year minus February-April minus March-May gives January-April), and for two
    # periods what one covers and the other does not, and their common part. Small ones are
    # protected like small published cells.
    covers = {p: frozenset(g for g in segs if p[0] <= g[0] and g[1] <= p[1]) for p in periods}
    regions: set[frozenset[tuple[date, date]]] = {
        frozenset(segs[i : j + 1]) for i in range(len(segs)) for j in range(i + 1, len(segs))
    }
    for a, b in itertools.combinations(sorted(set(periods)), 2):
        regions.update((covers[a] - covers[b], covers[b] - covers[a], covers[a] & covers[b]))
    regions = {r for r in regions if len(r) > 1 and r not in covers.values()}
    for region in sorted(regions, key=sorted):
        region_tag = ("region", tuple(sorted(region)))
        for k in sorted({k for g in region for k in seg_values[g]}, key=repr):
            in_region = [g for g in sorted(region) if k in seg_values[g]]
            total = sum(seg_values[g][k] for g in in_region)
            out_cells[(region_tag, k)] = _segment_cell(k, total, new_limit)
            hidden.add((region_tag, k))
            out_eqs.append(
                Equation((region_tag, k), tuple((("segment", g), k) for g in in_region), "region")
            )

    def link(owner: Key, key: Key, first: date, last: date) -> float:
        """``owner`` (an export's cell) as the sum of its segments; its true value."""
        covered = [
            seg for seg in segs if first <= seg[0] and seg[1] <= last and key in seg_values[seg]
        ]
        out_eqs.append(
            Equation(owner, tuple((("segment", seg), key) for seg in covered), "release")
        )
        return float(sum(seg_values[seg][key] for seg in covered))

    for key in list(cells):
        if key_parts(key)[0] in ADDITIVE:
            link(key, key, date_from, date_to)
    for n, r in enumerate(releases):
        release_tag = ("release", n)
        for key, status in r.cells.items():
            pop = key_parts(key)[0]
            limit = limit_of(key, r.threshold)
            if pop in ADDITIVE:
                value = link((release_tag, key), key, r.date_from, r.date_to)
                owner: Key = (release_tag, key)
            elif _shares_state(pop, r, date_from, date_to) and key in out_cells:
                # the same figure as the new export's: the same status
                cell = out_cells[key]
                if status.suppressed and not cell.primary and cell.value > 0:
                    out_cells[key] = replace(cell, primary=True)
                elif not status.suppressed and not cell.primary:
                    out_cells[key] = replace(cell, fixed=True)
                continue
            else:
                continue
            out_cells[owner] = _release_cell(value, status, limit)
            if status.suppressed:
                hidden.add(owner)
    _nested_counts(out_cells, out_eqs, hidden, cells, (date_from, date_to), releases, raw_for)
    return JointModel(out_cells, out_eqs, hidden, tuple(periods[1:]))


def _tagged(tag: tuple[str, int], key: Key) -> Key:
    """An earlier export's cell: its logical cell under that export's tag."""
    return (tag, key)


def _nested_counts(
    out_cells: dict[Key, Cell],
    out_eqs: list[Equation],
    hidden: set[Key],
    cells: Mapping[Key, Cell],
    period: tuple[date, date],
    releases: Sequence[Release],
    raw_for: RawFor,
) -> None:
    """Figures counted once per period (cases with conferences, goals reviewed, helps with
    costs) do not add up, but a reader knows: part ≤ whole ≤ the sum of parts that cover it
    (if the first quarter shows "–", the half year equals the second quarter). Written as
    equations with hidden, never published slack cells."""
    new = ("new", -1)  # the new export; ("release", n) the earlier ones
    spans: dict[tuple[str, int], tuple[date, date]] = {new: period}
    values: dict[tuple[str, int], dict[Key, int]] = {
        new: {k: int(c.value) for k, c in cells.items()}
    }
    owners: dict[tuple[str, int], Callable[[Key], Key]] = {new: lambda key: key}
    for n, r in enumerate(releases):
        if (r.date_from, r.date_to) == period:
            continue  # the same cells as the new export's (see joint_model)
        spans[("release", n)] = (r.date_from, r.date_to)
        owners[("release", n)] = partial(_tagged, ("release", n))

    def nested(a: tuple[date, date], b: tuple[date, date]) -> bool:
        return b[0] <= a[0] and a[1] <= b[1] and a != b

    inside = {(p, w) for p in spans for w in spans if p != w and nested(spans[p], spans[w])}

    def cover(a: tuple[date, date], b: tuple[date, date], w: tuple[date, date]) -> bool:
        """``a`` and ``b`` together, without a gap, cover all of ``w``."""
        no_gap = (max(a[0], b[0]) - min(a[1], b[1])).days <= 1
        return no_gap and min(a[0], b[0]) <= w[0] and w[1] <= max(a[1], b[1])

    covers = {
        (a, b, w)
        for (a, w) in inside
        for (b, w2) in inside
        if w2 == w and a < b and cover(spans[a], spans[b], spans[w])
    }
    involved = {x for pair in inside for x in pair}
    for tag in involved - {new}:
        first, last = spans[tag]
        logical = count_cells(raw_for(first, last), 0, 0)
        values[tag] = {k: v for k, v in logical.values.items() if key_parts(k)[0] in PER_PERIOD}
        n = tag[1]
        for key, value in values[tag].items():
            owner = owners[tag](key)
            status = releases[n].cells.get(key)
            if owner in out_cells or status is None:
                continue
            out_cells[owner] = _release_cell(float(value), status, releases[n].threshold)
            if status.suppressed:
                hidden.add(owner)
        # the earlier export's own tables: rows, columns, Gebiet sums
        for e in logical.equations:
            members = [e.total, *e.parts]
            if key_parts(e.total)[0] in PER_PERIOD and all(
                owners[tag](k) in out_cells for k in members
            ):
                out_eqs.append(
                    Equation(
                        owners[tag](e.total),
                        tuple(owners[tag](k) for k in e.parts),
                        f"release:{e.family}",
                    )
                )

    def cell(tag: tuple[str, int], key: Key) -> Key | None:
        owner = owners[tag](key)
        return owner if owner in out_cells else None

    def slack(name: Key, value: int) -> Key:
        out_cells[name] = Cell(float(value), 0.0, 0.0, lower=0.0, fixed=True)
        hidden.add(name)
        return name

    for p, w in sorted(inside, key=repr):
        for key in values[w]:
            if not _grows_with_period(key):
                continue
            whole, part = cell(w, key), cell(p, key)
            if whole is None or part is None:
                continue
            gap = slack(("slack", p, w, key), values[w][key] - values[p].get(key, 0))
            out_eqs.append(Equation(whole, (part, gap), "part-of-whole"))
    for a, b, w in sorted(covers, key=repr):
        for key in values[w]:
            if not _grows_with_period(key):
                continue
            whole = cell(w, key)
            parts = tuple(c for c in (cell(a, key), cell(b, key)) if c is not None)
            if whole is None or not parts:
                continue
            total = values[a].get(key, 0) + values[b].get(key, 0)
            both = slack(("sum", a, b, key), total)
            gap = slack(("cover", a, b, w, key), total - values[w][key])
            out_eqs.append(Equation(both, parts, "covering-parts"))
            out_eqs.append(Equation(both, (whole, gap), "covering-parts"))
