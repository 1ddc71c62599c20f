"""Primary and secondary cell suppression for linked tables, with a built-in proof.

The export's tables share figures: the three tables of begun helps share every Sozialraum total
and the grand total, and a "Modellregion" row is the sum of the model regions' Sozialraum rows.
So the engine does not work on tables but on *logical cells* (one per sub-population, whichever
tables show it; a cell therefore has one status everywhere) and on the linear equations between
them (every row, column and hierarchy sum).

Secondary suppression adds complements until, for every suppressed cell, the interval of values
that all published figures still allow is at least the cell's threshold wide. That is checked
exactly, with a linear program per connected group of suppressed cells — solved by the small
simplex below, because scipy is only a test dependency. Complements are chosen by a
shortest-path search for a cycle of cells along which the hidden cell can move by the threshold
(the classic "hypercube"-free network heuristic); shared cells that sit in more than two
equations (the Sozialraum totals) move together with a partner in every table at once. The
proof, not the heuristic, decides when to stop.
"""

from __future__ import annotations

import heapq
import itertools
import math
import os
import sys
import threading
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from sro_case.export.tables import (
    TOTAL_CODE,
    CountTable,
    KeyFigureTable,
    PublishedCell,
    PublishedTable,
    RawExport,
    RawTable,
    Status,
    sensitive_threshold,
)

if TYPE_CHECKING:
    from sro_case.export.releases import RawFor, Release

Key = Hashable
Coords = tuple[tuple[str, str], ...]
CellKey = tuple[str, Coords]  # a logical count cell: (population, coordinates)


def key_parts(key: Key) -> CellKey:
    """The population and coordinates of a logical cell (``cell_key``). The release audit's
    tagged keys (a segment's or an earlier export's cell) are not logical cells."""
    if isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str):
        return cast(CellKey, key)
    raise TypeError(f"not a logical cell: {key!r}")


_EPS = 1e-9
_GROUND = -1
SUM_PROTECTION = 1.2  # a hidden sum's interval must be at least 120 % of the sum wide


# --------------------------------------------------------------------------- model


@dataclass
class Cell:
    """One figure. While it is hidden, the values a reader can still think possible form an
    interval ``[lo, hi]``; it protects the cell when ``hi - lo >= required``, ``hi >= value +
    up`` and ``lo <= value - down``. A reader knows ``lower`` (1 for a count: every zero is
    published as "–", so a "." is at least 1) and, for counts, that figures are whole."""

    value: float
    required: float  # width the interval must reach while the cell is suppressed
    cost: float  # price of suppressing it as a complement
    primary: bool = False
    up: float = 0.0  # how far above the true value the interval must reach
    down: float = 0.0  # how far below (never below ``lower``)
    lower: float = 1.0  # the least value a reader knows a hidden cell has
    integer: bool = True  # a count: the reader knows it is whole
    fixed: bool = False  # status given (an earlier export's cell): never chosen as complement

    @property
    def need(self) -> float:
        """The width a complement pattern should give (the search's target)."""
        return max(self.required, self.up + self.down)


def protection_levels(value: int, threshold: int, least: int = 1) -> tuple[float, float]:
    """(up, down) for a small cell: ± max(threshold, 30 % of the value) around its true value,
    below capped by the least value a reader knows from the zeros alone (``least``)."""
    p = max(threshold, math.ceil(0.3 * value))
    return float(p), float(max(0, min(p, value - least)))


@dataclass(frozen=True)
class Equation:
    """``total = sum(parts)``. ``family`` groups equations of one kind (rows of one table)."""

    total: Key
    parts: tuple[Key, ...]
    family: str = ""

    def members(self) -> Iterable[tuple[Key, int]]:
        yield self.total, 1
        for p in self.parts:
            yield p, -1


def _dedupe(equations: Iterable[Equation]) -> list[Equation]:
    seen: set[tuple[Key, frozenset[Key]]] = set()
    out = []
    for eq in equations:
        sig = (eq.total, frozenset(eq.parts))
        if sig not in seen and eq.parts:
            seen.add(sig)
            out.append(eq)
    return out


# --------------------------------------------------------------------------- exact LP


class _Simplex:
    """min c·x subject to A x = b, x ≥ 0: a dense tableau, warm-started between objectives.

    Small on purpose: one connected group of suppressed cells rarely has more than a few
    hundred variables, and the matrix holds only 0 and ±1 before pivoting."""

    def __init__(self, rows: Sequence[Mapping[int, float]], rhs: Sequence[float], n: int) -> None:
        self.n = n
        m = len(rows)
        tableau = []
        for i, (coefs, b) in enumerate(zip(rows, rhs, strict=True)):
            sign = -1.0 if b < 0 else 1.0
            row = [0.0] * (n + m + 1)
            for j, a in coefs.items():
                row[j] = sign * a
            row[n + i] = 1.0
            row[-1] = sign * b
            tableau.append(row)
        self.t = tableau
        self.basis = [n + i for i in range(m)]
        value = self._optimise([0.0] * n + [1.0] * m)
        if value is None or value > 1e-6:
            raise ArithmeticError("Die veröffentlichten Zahlen widersprechen sich.")
        # drive artificial variables out of the basis, drop redundant rows and their columns
        keep = []
        for i, col in enumerate(self.basis):
            if col >= n:
                pivot = next((j for j in range(n) if abs(self.t[i][j]) > 1e-9), None)
                if pivot is None:
                    continue
                self._pivot(i, pivot)
            keep.append(i)
        self.t = [[*self.t[i][:n], self.t[i][-1]] for i in keep]
        self.basis = [self.basis[i] for i in keep]

    def _pivot(self, r: int, c: int) -> None:
        t = self.t
        prow = t[r]
        p = prow[c]
        if p != 1.0:
            prow = [a / p for a in prow]
            t[r] = prow
        nz = [j for j, a in enumerate(prow) if a != 0.0]
        for i, row in enumerate(t):
            if i == r:
                continue
            f = row[c]
            if f == 0.0:
                continue
            for j in nz:
                row[j] -= f * prow[j]
            row[c] = 0.0
            if abs(row[-1]) < 1e-11:
                row[-1] = 0.0
        self.basis[r] = c

    def _optimise(self, cost: Sequence[float]) -> float | None:
        """Phase-2 iterations from the current (feasible) basis; None if unbounded."""
        t = self.t
        width = len(cost)
        reduced = [*cost, 0.0]
        for i, col in enumerate(self.basis):
            cb = cost[col]
            if cb:
                row = t[i]
                for j in range(width + 1):
                    if row[j]:
                        reduced[j] -= cb * row[j]
        degenerate = 0
        for _ in range(50_000):
            if degenerate > 40:  # Bland's rule: no cycling
                entering = next((j for j in range(width) if reduced[j] < -_EPS), None)
            else:
                entering, best = None, -_EPS
                for j in range(width):
                    if reduced[j] < best:
                        entering, best = j, reduced[j]
            if entering is None:
                return -reduced[-1]
            leave, ratio = None, math.inf
            for i, row in enumerate(t):
                a = row[entering]
                if a > _EPS:
                    q = row[-1] / a
                    if q < ratio - 1e-12 or (
                        abs(q - ratio) <= 1e-12
                        and leave is not None
                        and self.basis[i] < self.basis[leave]
                    ):
                        leave, ratio = i, q
            if leave is None:
                return None
            degenerate = degenerate + 1 if ratio < 1e-12 else 0
            self._pivot(leave, entering)
            f = reduced[entering]
            prow = t[leave]
            for j, a in enumerate(prow):
                if a:
                    reduced[j] -= f * a
            reduced[entering] = 0.0
        raise ArithmeticError("Das lineare Programm konvergiert nicht.")

    def minimise(self, cost: Sequence[float]) -> float | None:
        return self._optimise(cost)

    def point(self) -> list[float]:
        x = [0.0] * self.n
        for i, col in enumerate(self.basis):
            if col < self.n:
                x[col] = self.t[i][-1]
        return x


class _HighsLP:
    """The same programme as ``_Simplex``, solved by HiGHS (``highspy``): sparse and warm-started
    between objectives. Used for large groups – a year audited together with four quarters
    joins hundreds of hidden cells, where the dense tableau took minutes."""

    _lock = threading.Lock()
    _quiet = False

    def __init__(self, rows: Sequence[Mapping[int, float]], rhs: Sequence[float], n: int) -> None:
        import highspy

        self.n = n
        self.h = self._solver(highspy)
        inf = highspy.kHighsInf
        self.h.addVars(n, [0.0] * n, [inf] * n)
        starts: list[int] = []
        index: list[int] = []
        values: list[float] = []
        for coefs in rows:
            starts.append(len(index))
            for j, a in coefs.items():
                index.append(j)
                values.append(a)
        self.h.addRows(len(rows), list(rhs), list(rhs), len(index), starts, index, values)
        self._cost: dict[int, float] = {}
        self.minimise([0.0] * n)  # feasible, or it raises

    @classmethod
    def _solver(cls, highspy: Any) -> Any:
        """A silent solver. HiGHS prints its banner to standard output when the first solver
        of a process is made, before any option can be set: that one moment runs with standard
        output sent to nowhere (once, under a lock)."""
        with cls._lock:
            if not cls._quiet:
                sys.stdout.flush()
                saved = os.dup(1)
                try:
                    with open(os.devnull, "wb") as null:
                        os.dup2(null.fileno(), 1)
                        h = highspy.Highs()
                finally:
                    os.dup2(saved, 1)
                    os.close(saved)
                cls._quiet = True
            else:
                h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        return h

    def minimise(self, cost: Sequence[float]) -> float | None:
        wanted = {j: c for j, c in enumerate(cost) if c}
        changed = {j: 0.0 for j in self._cost if j not in wanted}
        changed.update({j: c for j, c in wanted.items() if self._cost.get(j) != c})
        for j, c in changed.items():
            self.h.changeColCost(j, c)
        self._cost = wanted
        self.h.run()
        status = self.h.getModelStatus().name
        if status == "kOptimal":
            return float(self.h.getInfo().objective_function_value)
        if status in ("kUnbounded", "kUnboundedOrInfeasible") and self._cost:
            return None  # the system is feasible (checked first): unbounded in this direction
        if status == "kInfeasible":
            raise ArithmeticError("Die veröffentlichten Zahlen widersprechen sich.")
        # a time or iteration limit, a solver error: never taken as "wide enough"
        raise ArithmeticError(f"Die Geheimhaltung ließ sich nicht prüfen (HiGHS: {status}).")

    def point(self) -> list[float]:
        return list(self.h.getSolution().col_value)


HIGHS_FROM = 60  # variables in a group from which HiGHS solves it


def _components(suppressed: set[Key], equations: Sequence[Equation]) -> list[list[Key]]:
    parent: dict[Key, Key] = {k: k for k in suppressed}

    def find(k: Key) -> Key:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for eq in equations:
        hidden = [k for k, _ in eq.members() if k in suppressed]
        for a, b in itertools.pairwise(hidden):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
    groups: dict[Key, list[Key]] = defaultdict(list)
    for k in suppressed:
        groups[find(k)].append(k)
    return list(groups.values())


def _bounds(cell: Cell, low: float, high: float) -> tuple[float, float]:
    """The interval a reader can derive: LP bounds, made whole for counts."""
    if not cell.integer:
        return low, high
    return (
        math.ceil(low - 1e-6),
        high if math.isinf(high) else math.floor(high + 1e-6),
    )


def _short(cell: Cell, low: float, high: float) -> tuple[bool, bool]:
    """(the upper side falls short, the lower side falls short) of the cell's protection."""
    lo, hi = _bounds(cell, low, high)
    narrow = hi - lo < cell.required - 1e-7
    return (
        narrow or hi < cell.value + cell.up - 1e-7,
        narrow or lo > cell.value - cell.down + 1e-7,
    )


def _certify_component(
    keys: Sequence[Key],
    cells: Mapping[Key, Cell],
    equations: Sequence[Equation],
    eqs_of: Mapping[Key, Sequence[int]],
    settled: Iterable[Key] = (),
) -> dict[Key, float]:
    """The suppressed cells of one connected group whose interval, given every published
    figure, falls short of their protection, with the interval's width (exact where short).

    Each hidden cell is an unknown ``x >= lower`` (shifted to ``x - lower >= 0`` for the
    simplex); the bounds of counts are rounded to whole numbers, as a reader would. Cells in
    ``settled`` are known to be protected and not checked again."""
    index = {k: i for i, k in enumerate(keys)}
    rows: list[dict[int, float]] = []
    rhs: list[float] = []
    for e in sorted({e for k in keys for e in eqs_of[k]}):
        coefs: dict[int, float] = {}
        b = 0.0
        for k, coef in equations[e].members():
            if k in index:
                coefs[index[k]] = coefs.get(index[k], 0.0) + coef
                b -= coef * cells[k].lower
            else:
                b -= coef * cells[k].value
        rows.append(coefs)
        rhs.append(b)
    shift = [cells[k].lower for k in keys]
    true = [cells[k].value - shift[j] for j, k in enumerate(keys)]
    low, high = list(true), list(true)
    settled = set(settled)
    open_ = [
        i
        for i, k in enumerate(keys)
        if k not in settled
        and (cells[k].required > _EPS or cells[k].up > _EPS or cells[k].down > _EPS)
    ]
    if not open_:
        return {}
    # a cell alone in an equation is fixed by it: no program needed
    fixed = {next(iter(r)) for r in rows if len(r) == 1}
    lp = (_HighsLP if len(keys) >= HIGHS_FROM else _Simplex)(rows, rhs, len(keys))

    def learn(point: list[float]) -> None:
        for j, v in enumerate(point):
            if v < low[j]:
                low[j] = v
            if v > high[j]:
                high[j] = v

    failing: dict[Key, float] = {}
    for i in open_:
        cell = cells[keys[i]]
        if i in fixed:
            failing[keys[i]] = 0.0
            continue
        for side, sign in ((0, -1.0), (1, 1.0)):  # maximise, then minimise
            if not _short(cell, low[i] + shift[i], high[i] + shift[i])[side]:
                continue
            cost = [0.0] * len(keys)
            cost[i] = sign
            if lp.minimise(cost) is None:  # unbounded above
                high[i] = math.inf
                continue
            learn(lp.point())
        lo, hi = _bounds(cell, low[i] + shift[i], high[i] + shift[i])
        if any(_short(cell, low[i] + shift[i], high[i] + shift[i])):
            failing[keys[i]] = hi - lo
    return failing


def certify(
    cells: Mapping[Key, Cell], equations: Sequence[Equation], suppressed: Iterable[Key]
) -> dict[Key, float]:
    """Suppressed cells whose interval is narrower than required, with their exact width."""
    equations = _dedupe(equations)
    eqs_of: dict[Key, list[int]] = defaultdict(list)
    for e, eq in enumerate(equations):
        for k, _ in eq.members():
            eqs_of[k].append(e)
    order = {k: i for i, k in enumerate(cells)}
    failing: dict[Key, float] = {}
    for comp in _components(set(suppressed), equations):
        comp.sort(key=order.__getitem__)
        failing.update(_certify_component(comp, cells, equations, eqs_of))
    return failing


# --------------------------------------------------------------------------- complements


class _Engine:
    def __init__(
        self, cells: Mapping[Key, Cell], equations: Sequence[Equation], *, joint: bool = False
    ) -> None:
        """``joint``: the cells include earlier exports' (fixed) figures."""
        self.cells = dict(cells)
        self.order = {k: i for i, k in enumerate(cells)}
        self.equations = _dedupe(equations)
        self.eqs_of: dict[Key, list[tuple[int, int]]] = defaultdict(list)
        self.keys_of = [[eq.total, *eq.parts] for eq in self.equations]
        for e, eq in enumerate(self.equations):
            for k, coef in eq.members():
                if k not in cells:
                    raise KeyError(k)
                self.eqs_of[k].append((e, coef))
        self._build_network()
        self.settled: set[Key] = set()  # hidden cells shown to be protected
        self.known_before: set[Key] = set()  # bounded by fixed figures (earlier exports)
        self.joint = joint

    # -- the part of the system that is a network: cells in at most two equations
    def _build_network(self) -> None:
        sigma: dict[int, int] = {}
        self.edge: dict[Key, tuple[int, int]] = {}  # key -> (tail, head)
        adjacency: dict[int, list[tuple[Key, int]]] = defaultdict(list)
        for e in range(len(self.equations)):
            for k, _ in self.equations[e].members():
                eqs = self.eqs_of[k]
                if len(eqs) == 2 and self.cells[k].value > 0:
                    other = eqs[0][0] if eqs[1][0] == e else eqs[1][0]
                    adjacency[e].append((k, other))
        network_keys: set[Key] = set()
        for start in range(len(self.equations)):
            if start in sigma:
                continue
            sigma[start] = 1
            queue = [start]
            while queue:
                u = queue.pop()
                for k, v in adjacency[u]:
                    (e1, c1), (e2, c2) = self.eqs_of[k]
                    cu, cv = (c1, c2) if e1 == u else (c2, c1)
                    want = -sigma[u] * cu * cv
                    if v not in sigma:
                        sigma[v] = want
                        queue.append(v)
                    if sigma[v] == want:
                        network_keys.add(k)
                    else:
                        network_keys.discard(k)
        self.adj: dict[int, list[tuple[Key, int, bool]]] = defaultdict(list)
        for k, eqs in self.eqs_of.items():
            if self.cells[k].value <= 0 or len(eqs) > 2:
                continue
            if len(eqs) == 2 and k not in network_keys:
                continue
            ends = [(e, sigma.get(e, 1) * c) for e, c in eqs]
            if len(ends) == 1:
                e, s = ends[0]
                tail, head = (e, _GROUND) if s > 0 else (_GROUND, e)
            else:
                (e1, s1), (e2, _) = ends
                tail, head = (e1, e2) if s1 > 0 else (e2, e1)
            self.edge[k] = (tail, head)
            self.adj[tail].append((k, head, True))
            self.adj[head].append((k, tail, False))
        self.sigma = sigma

    def _signed(self, key: Key, e: int) -> int:
        coef = next(c for ee, c in self.eqs_of[key] if ee == e)
        return self.sigma.get(e, 1) * coef

    def _price(self, key: Key, suppressed: set[Key]) -> float:
        if key in suppressed:
            return 0.0
        return math.inf if self.cells[key].fixed else self.cells[key].cost

    def _search(
        self,
        source: int,
        p: float,
        q: float,
        exclude: set[Key],
        suppressed: set[Key],
        *,
        target: int | None = None,
        reverse: bool = False,
    ) -> dict[int, tuple[float, list[tuple[Key, bool]]]]:
        """Cheapest alternating paths from ``source`` (to ``source`` if ``reverse``). An edge
        used forwards grows (needs a value of at least ``p`` to be worth it), one used
        backwards shrinks and must hold at least ``q``. Returns node -> (cost, path)."""
        dist: dict[int, float] = {source: 0.0}
        prev: dict[int, tuple[int, Key, bool]] = {}
        done: set[int] = set()
        tie = itertools.count()
        heap = [(0.0, next(tie), source)]
        while heap:
            d, _, u = heapq.heappop(heap)
            if u in done:
                continue
            done.add(u)
            if u == target:
                break
            for k, v, forward in self.adj[u]:
                if k in exclude:
                    continue
                grows = forward != reverse
                cell = self.cells[k]
                if cell.value - cell.lower < (p if grows else q) - 1e-9:
                    continue
                nd = d + self._price(k, suppressed) + 1e-6
                if nd < dist.get(v, math.inf):
                    dist[v] = nd
                    prev[v] = (u, k, grows)
                    heapq.heappush(heap, (nd, next(tie), v))
        out: dict[int, tuple[float, list[tuple[Key, bool]]]] = {}
        for node, d in dist.items():
            if target is not None and node != target:
                continue
            path = []
            v = node
            while v != source:
                u, k, grows = prev[v]
                path.append((k, grows))
                v = u
            out[node] = (d, path)
        return out

    @staticmethod
    def _options(cell: Cell) -> list[tuple[float, float]]:
        """(p, q) pairs for moving ``cell`` down by p and up by q, p + q = its need: cells
        moving with it must be able to lose p, those moving against it q (above their
        ``lower``). p is at least the cell's ``down``, q at least its ``up``."""
        need = cell.need
        first, last = cell.down, min(need - cell.up, cell.value - cell.lower)
        if last < first - 1e-9:
            return []
        if last - first <= 12:
            ps = [first + float(i) for i in range(math.floor(last - first + 1e-9) + 1)]
        else:
            ps = [first + (last - first) * f for f in (0.0, 0.25, 0.5, 0.75, 1.0)]
        return [(p, max(need - p, 1e-9)) for p in ps]

    def _valid(self, move: Mapping[Key, int]) -> bool:
        for e in {e for k in move for e, _ in self.eqs_of[k]}:
            if sum(coef * move.get(k, 0) for k, coef in self.equations[e].members()):
                return False
        return True

    def _cycle(self, key: Key, suppressed: set[Key]) -> tuple[float, dict[Key, int]] | None:
        """A cheapest cycle through a network cell along which it can move by its need."""
        cell = self.cells[key]
        tail, head = self.edge[key]
        best: tuple[float, dict[Key, int]] | None = None
        for p, q in self._options(cell):
            found = self._search(head, p, q, {key}, suppressed, target=tail).get(tail)
            if found is None:
                continue
            cost, path = found
            move = {key: 1, **{k: (1 if grows else -1) for k, grows in path}}
            if (best is None or cost < best[0]) and self._valid(move):
                best = (cost, move)
        return best

    def _partner_move(self, key: Key, suppressed: set[Key]) -> tuple[float, dict[Key, int]] | None:
        """For a cell in three or more equations (a Sozialraum total shared by several
        tables): move it against a similar cell, with a path in every equation family."""
        cell = self.cells[key]
        mine = self.eqs_of[key]
        families = sorted(self.equations[e].family for e, _ in mine)
        best: tuple[float, dict[Key, int]] | None = None
        partners = [
            k
            for k, eqs in self.eqs_of.items()
            if k != key
            and self.cells[k].value > 0
            and not self.cells[k].fixed
            and sorted(self.equations[e].family for e, _ in eqs) == families
        ]
        for p, q in self._options(cell):
            trees = {}
            for e, _ in mine:
                reverse = self._signed(key, e) > 0
                trees[e] = (self._search(e, p, q, set(), suppressed, reverse=reverse), reverse)
            for other in partners:
                if self.cells[other].value - self.cells[other].lower < q - 1e-9:
                    continue
                total = self._price(other, suppressed)
                move: dict[Key, int] = {key: 1, other: -1}
                ok = True
                theirs = {self.equations[e].family: e for e, _ in self.eqs_of[other]}
                for e, _ in mine:
                    f = theirs[self.equations[e].family]
                    if f == e:
                        if self._signed(key, e) != self._signed(other, e):
                            ok = False
                            break
                        continue
                    if self._signed(key, e) != self._signed(other, f):
                        ok = False
                        break
                    tree, _ = trees[e]
                    found = tree.get(f)
                    if found is None:
                        ok = False
                        break
                    cost, path = found
                    total += cost
                    for k, grows in path:
                        if k in move:
                            ok = False
                            break
                        move[k] = 1 if grows else -1
                    if not ok:
                        break
                if ok and (best is None or total < best[0]) and self._valid(move):
                    best = (total, move)
        return best

    def _fallback(self, key: Key, suppressed: set[Key], component: Iterable[Key]) -> list[Key]:
        """No cycle found: hide the most useful published neighbour (largest capacity, shares
        an equation with another hidden cell, cheap) of the cell, else of its group."""
        need = self.cells[key].need
        hidden_near: dict[Key, set[Key]] = {}  # a published cell's hidden equation partners

        def partners(k: Key) -> set[Key]:
            if k not in hidden_near:
                found: set[Key] = set()
                for e2, _ in self.eqs_of[k]:
                    found.update(m for m in self.keys_of[e2] if m in suppressed)
                    if len(found) > 1:
                        break
                hidden_near[k] = found
            return hidden_near[k]

        # the group's own cells, not earlier exports' or segments' (their equations lead to
        # the same cells of this export, thousands of times over)
        for scope in ([key], [k for k in component if not self.cells[k].fixed]):
            candidates = []
            for k0 in scope:
                for e, _ in self.eqs_of[k0]:
                    for k in self.keys_of[e]:
                        if k in suppressed or self.cells[k].value <= 0 or self.cells[k].fixed:
                            continue
                        near = partners(k)
                        linked = len(near) > 1 or (len(near) == 1 and k0 not in near)
                        candidates.append(
                            (
                                self.cells[k].value < need - 1,
                                not linked,
                                self.cells[k].cost,
                                self.order[k],
                                k,
                            )
                        )
            if candidates:
                return [min(candidates, key=lambda c: c[:4])[4]]
        return []

    def _nearest(self, key: Key, suppressed: set[Key], component: Iterable[Key]) -> list[Key]:
        """Nothing published next to the group: the cheapest published figure reached
        through hidden cells (a cell pinned down by a chain of equations)."""
        seen = {key, *component}
        frontier = list(seen)
        while frontier:
            best: tuple[float, int, Key] | None = None
            nxt = []
            for k0 in frontier:
                for e, _ in self.eqs_of[k0]:
                    for k in self.keys_of[e]:
                        if k in suppressed:
                            if k not in seen:
                                seen.add(k)
                                nxt.append(k)
                        elif self.cells[k].value > 0 and not self.cells[k].fixed:
                            cand = (self.cells[k].cost, self.order[k], k)
                            if best is None or cand[:2] < best[:2]:
                                best = cand
            if best is not None:
                return [best[2]]
            frontier = nxt
        return []

    def _determined(self, hidden: set[Key]) -> set[Key]:
        """Hidden cells that the published figures pin down: an equation with one hidden
        member fixes it, and then it counts as known for the next equations."""
        members = [[k for k in keys if k in hidden] for keys in self.keys_of]
        left = [len(m) for m in members]
        queue = [e for e, n in enumerate(left) if n == 1]
        known: set[Key] = set()
        while queue:
            e = queue.pop()
            if left[e] != 1:
                continue
            key = next(k for k in members[e] if k not in known)
            known.add(key)
            for e2, _ in self.eqs_of[key]:
                left[e2] -= 1
                if left[e2] == 1:
                    queue.append(e2)
        return known

    def _relax_pinned(self, hidden: set[Key]) -> None:
        """Cells that figures of earlier exports pin down even if everything else of this
        export is hidden are known already: hiding more cannot protect them."""
        free = {k for k, c in self.cells.items() if k in hidden or (c.value > 0 and not c.fixed)}
        for key in self._determined(free):
            cell = self.cells[key]
            if cell.primary or cell.up > 0:  # a small figure the past gave away
                self.known_before.add(key)
            # hiding a known figure protects nothing: never a complement either
            self.cells[key] = replace(cell, required=0.0, up=0.0, down=0.0, fixed=True)

    def _audit(self, suppressed: set[Key]) -> tuple[dict[Key, float], dict[Key, list[Key]]]:
        eqs_of = {k: [e for e, _ in v] for k, v in self.eqs_of.items()}
        failing: dict[Key, float] = {}
        where: dict[Key, list[Key]] = {}
        known = self._determined(suppressed)
        groups = _components(suppressed, self.equations)
        for comp in groups:
            for key in comp:
                where[key] = comp  # complements are looked for around the whole group
                cell = self.cells[key]
                if key in known and (cell.required > 0 or cell.up > 0 or cell.down > 0):
                    failing[key] = 0.0
        # pinned cells count as published for the programs (the groups split without them)
        for comp in _components(suppressed - known, self.equations) if known else groups:
            comp.sort(key=self.order.__getitem__)  # the same program whatever the hash seed
            short = _certify_component(comp, self.cells, self.equations, eqs_of, self.settled)
            failing.update(short)
            # Hiding more only widens every interval: a protected cell stays protected.
            self.settled.update(k for k in comp if k not in short)
        return failing, where

    def run(self, start: Iterable[Key] = ()) -> set[Key]:
        suppressed = {k for k, c in self.cells.items() if c.primary and c.value > 0}
        suppressed |= set(start)
        self._relax_pinned(suppressed)
        for _ in range(10_000):
            failing, where = self._audit(suppressed)
            if not failing:
                return suppressed
            covered: set[Key] = set()
            ordered = sorted(
                failing,
                key=lambda k: (
                    k in self.edge,
                    -self.cells[k].need,
                    self.cells[k].value,
                    self.order[k],
                ),
            )
            for key in ordered:
                if key in covered:
                    continue
                # With earlier exports hardly a cell lies in only two equations: the network
                # searches find nothing there and cost most of the time; the neighbour
                # heuristic and the proof do the work.
                found = (
                    None
                    if self.joint
                    else self._cycle(key, suppressed)
                    if key in self.edge
                    else self._partner_move(key, suppressed)
                )
                if found is not None and any(k not in suppressed for k in found[1]):
                    suppressed |= set(found[1])
                    covered |= set(found[1])
                    continue
                added = set(self._fallback(key, suppressed, where[key])) - suppressed
                if not added and not covered:
                    added = set(self._nearest(key, suppressed, where[key])) - suppressed
                if not added and not covered:
                    cell = self.cells[key]
                    if cell.down > 0:
                        # Every figure around it is hidden already: what a reader knows below
                        # is what the zeros and the other hidden cells force.
                        self.cells[key] = replace(cell, down=0.0)
                    elif self.joint:
                        # Earlier exports bound it already (a published year caps a quarter
                        # inside it): nothing this export hides can widen it any more; it
                        # keeps at least the width it has now.
                        width = min(cell.required, max(0.0, failing[key]))
                        self.cells[key] = replace(cell, required=width, up=0.0, down=0.0)
                        self.known_before.add(key)
                    else:
                        raise RuntimeError(f"Keine Ergänzung für {key!r} gefunden.")
                    self.settled.discard(key)
                suppressed |= added
                covered.add(key)
        raise RuntimeError("Die Geheimhaltung findet kein Ende.")  # pragma: no cover


def protect(
    cells: Mapping[Key, Cell], equations: Sequence[Equation], start: Iterable[Key] = ()
) -> set[Key]:
    """All cells to suppress: the primary ones (and ``start``) and enough complements to
    protect them."""
    return _Engine(cells, equations).run(start)


# --------------------------------------------------------------------------- the export


def cell_key(population: str, *coords: tuple[str, str]) -> CellKey:
    """A logical cell: the sub-population, independent of which table shows it."""
    return (population, tuple(sorted(c for c in coords if c[1] != TOTAL_CODE)))


def _weight(key: Key, appearances: int) -> float:
    dims = len(key_parts(key)[1])
    return {0: 40.0, 1: 6.0}.get(dims, 1.0) * appearances


@dataclass
class _Logical:
    value: int
    cases: int
    threshold: int
    appearances: int = 1


def known_minimum(values: Mapping[Key, int], equations: Iterable[Equation]) -> dict[Key, int]:
    """The least value every non-zero count must have for a reader who knows only which
    counts are zero (they are published as "–"): 1, or for a total the sum of its non-zero
    parts' minimums. Totals have fewer coordinates than their parts, so this recursion ends."""
    parts_of: dict[Key, list[tuple[Key, ...]]] = defaultdict(list)
    for eq in equations:
        parts_of[eq.total].append(eq.parts)
    memo: dict[Key, int] = {}

    def least(key: Key) -> int:
        if key not in memo:
            memo[key] = 0 if values[key] <= 0 else 1  # placeholder against a (wrong) cycle
            memo[key] = max(
                [memo[key]]
                + [sum(least(p) for p in parts if values[p] > 0) for parts in parts_of[key]]
            )
        return memo[key]

    return {k: least(k) for k in values}


def _count_cell(key: Key, c: _Logical, least: int) -> Cell:
    """A count: hidden below its threshold (figures or families), then protected ± around its
    true value (below only as far as the zeros allow: ``least``); every hidden count (a
    complement too) at least as wide as the threshold."""
    primary = c.value > 0 and (c.value < c.threshold or c.cases < c.threshold)
    up, down = protection_levels(c.value, c.threshold, least) if primary else (0.0, 0.0)
    return Cell(
        float(c.value),
        float(c.threshold),
        _weight(key, c.appearances) * (1.0 + c.value / 20.0),
        primary=primary,
        up=up,
        down=down,
    )


@dataclass
class LogicalCells:
    """True value of every logical count cell of an export, and the equations between them."""

    values: dict[Key, int]
    equations: list[Equation]


def count_cells(raw: RawExport, threshold: int, sensitive: int) -> LogicalCells:
    """The logical count cells of an export and their equations (thresholds as given)."""
    logical, equations, _ = _count_cells(raw, threshold, sensitive)
    return LogicalCells({k: c.value for k, c in logical.items()}, equations)


def _count_cells(
    raw: RawExport, threshold: int, sensitive: int
) -> tuple[dict[Key, _Logical], list[Equation], dict[str, list[list[Key | None]]]]:
    """Logical cells and equations of every count figure; per table the key of each cell
    (None for figures that are not counts)."""
    logical: dict[Key, _Logical] = {}
    equations: list[Equation] = []
    layout: dict[str, list[list[Key | None]]] = {}

    def put(key: Key, value: int, cases: int, thr: int) -> None:
        found = logical.get(key)
        if found is None:
            logical[key] = _Logical(value, cases, thr)
            return
        if found.value != value:
            raise AssertionError(f"{key}: {found.value} != {value}")
        found.threshold = max(found.threshold, thr)
        found.appearances += 1

    for table in raw.tables:
        pop = table.population
        if isinstance(table, CountTable):
            keys = [
                [cell_key(pop, (r.feature, r.code), (c.feature, c.code)) for c in table.cols]
                for r in table.rows
            ]
            for i, row in enumerate(keys):
                for j, key in enumerate(row):
                    thr = sensitive if table.sensitive or j in table.sensitive_cols else threshold
                    put(key, table.counts[i][j], table.cases[i][j], thr)
            n_r, n_c = len(table.rows) - 1, len(table.cols) - 1
            for i in range(n_r + 1):
                family = f"{table.id}:{'sum' if i == n_r else 'row'}"
                equations.append(Equation(keys[i][n_c], tuple(keys[i][:n_c]), family))
            for j in range(n_c):
                parts = tuple(keys[i][j] for i in range(n_r))
                equations.append(Equation(keys[n_r][j], parts, f"{table.id}:col"))
            layout[table.id] = [list(r) for r in keys]
        else:
            keys1 = [cell_key(pop, (r.feature, r.code)) for r in table.rows]
            for key, n, cases in zip(keys1, table.counts, table.cases, strict=True):
                put(key, n, cases, threshold)
            leaves = [
                k
                for k, r in zip(keys1, table.rows, strict=True)
                if r.feature == "sozialraum" and not r.is_total
            ]
            equations.append(Equation(keys1[-1], tuple(leaves), f"{table.id}:sum"))
            layout[table.id] = [[k] + [None] * (len(table.cols) - 1) for k in keys1]
    # hierarchy: a Gebiet cell is the sum of the same cell of its Sozialräume
    members: dict[str, list[str]] = defaultdict(list)
    for s in raw.spaces:
        members[s.group].append(s.code)
    for area_cell in list(logical):
        pop, coords = key_parts(area_cell)
        area = dict(coords).get("gebiet")
        if area is None or not members[area]:
            continue
        rest = [c for c in coords if c[0] != "gebiet"]
        in_area = [cell_key(pop, *rest, ("sozialraum", code)) for code in members[area]]
        if all(p in logical for p in in_area):
            equations.append(Equation(area_cell, tuple(in_area), f"hierarchy:{pop}"))
    return logical, _dedupe(equations), layout


def _thin_unions(
    equations: Iterable[Equation],
    hidden: set[Key],
    cells: Mapping[Key, Cell],
    cases: Mapping[Key, int],
    threshold: int,
) -> set[Key]:
    """Parts to hide as well where a published total minus the published parts would give the
    mean or sum of fewer than ``threshold`` families: the counts may be safe (the LP check),
    but a combined mean or sum of two families is not. Parts are Sozialräume, so their
    families are disjoint and add up."""
    extra: set[Key] = set()
    for eq in equations:
        if eq.total in hidden:
            continue
        parts = [p for p in eq.parts if p in hidden or p in extra]
        if not parts or sum(cases[p] for p in parts) >= threshold:
            continue
        candidates = [
            p for p in eq.parts if p not in hidden and p not in extra and cells[p].value > 0
        ]
        if candidates:
            extra.add(min(candidates, key=lambda p: (cases[p], cells[p].value)))
    return extra


def _protect_unions(
    cells: dict[Key, Cell],
    equations: Sequence[Equation],
    unions: Sequence[Equation],
    cases: Mapping[Key, int],
    threshold: int,
    start: Iterable[Key] = (),
) -> tuple[set[Key], set[Key]]:
    """``protect``, repeated with more cells forced until no thin union is left. Returns the
    hidden cells and those that were primary from the start."""
    primary = {k for k, c in cells.items() if c.primary and c.value > 0}
    start = set(start)
    while True:
        hidden = protect(cells, equations, start)
        extra = _thin_unions(unions, hidden, cells, cases, threshold)
        if not extra:
            return hidden, primary
        for k in extra:
            cells[k] = replace(cells[k], primary=True)


def _sum_protection(
    table: KeyFigureTable,
    col: int,
    count_hidden: list[bool],
    spaces_groups: Mapping[str, str],
    threshold: int,
) -> list[Status]:
    """Statuses of an additive sum column: hidden where its count is hidden or one help
    dominates, plus complements until no hidden sum can be worked out closer than 120 %."""
    cells: dict[Key, Cell] = {}
    rows = table.rows
    for i in range(len(rows)):
        value = float(table.values[i][col] or 0.0)
        primary = value > 0 and (
            count_hidden[i] or (table.dominated[i] if table.dominated else False)
        )
        cells[i] = Cell(
            value,
            SUM_PROTECTION * value if primary else 0.0,
            value + 1.0,
            primary,
            lower=0.0,  # a sum of money: any amount above nothing, not whole
            integer=False,
        )
    leaves = [i for i, r in enumerate(rows) if r.feature == "sozialraum" and not r.is_total]
    equations = [Equation(len(rows) - 1, tuple(leaves), "sum")]
    for i, r in enumerate(rows):
        if r.feature == "gebiet":
            parts = tuple(j for j in leaves if spaces_groups[rows[j].code] == r.code)
            if parts:
                equations.append(Equation(i, parts, "hierarchy"))
    cases: dict[Key, int] = dict(enumerate(table.cases))
    hidden, first_hidden = _protect_unions(cells, equations, equations, cases, threshold)
    out = []
    for i in range(len(rows)):
        if i in hidden:
            out.append(Status.PRIMARY if i in first_hidden else Status.SECONDARY)
        elif cells[i].value <= 0:
            out.append(Status.ZERO)
        else:
            out.append(Status.VALUE)
    return out


@dataclass(frozen=True)
class Published:
    """What ``publish`` returns: the tables that may leave, and what the joint audit did."""

    tables: tuple[PublishedTable, ...]
    joint_periods: tuple[tuple[date, date], ...] = ()  # earlier exports audited with it
    coarsened: int = 0  # logical cells hidden only because of them
    known_before: int = 0  # hidden cells that those exports had narrowed already


def publish(
    raw: RawExport,
    threshold: int,
    sensitive: int,
    *,
    releases: Sequence[Release] = (),
    raw_for: RawFor | None = None,
) -> Published:
    """Suppress and return the tables as they may leave: hidden figures are dropped here.

    With earlier ``releases`` (those a reader can combine with this export, see
    ``releases.joint_releases``) and ``raw_for`` (true figures of any period), the export is
    first protected alone, then together with them, hiding more where that fails."""
    logical, equations, layout = _count_cells(raw, threshold, sensitive)
    least = known_minimum({k: c.value for k, c in logical.items()}, equations)
    cells = {k: _count_cell(k, c, least[k]) for k, c in logical.items()}
    # populations whose rows carry means or sums: no thin union of hidden rows there
    with_key_figures = {t.population for t in raw.tables if isinstance(t, KeyFigureTable)}
    unions = [
        eq
        for eq in equations
        if key_parts(eq.total)[0] in with_key_figures
        and (eq.family.endswith(":sum") or eq.family.startswith("hierarchy:"))
    ]
    cases = {k: c.cases for k, c in logical.items()}
    hidden, primary = _protect_unions(cells, equations, unions, cases, threshold)
    alone = set(hidden)
    joint_periods: tuple[tuple[date, date], ...] = ()
    known_before = 0
    if releases and raw_for is not None:
        from sro_case.export.releases import joint_model

        def limit_of(key: Key, t: int) -> int:
            found = logical.get(key)
            return sensitive_threshold(t) if found and found.threshold > threshold else t

        model = joint_model(
            cells, equations, raw.date_from, raw.date_to, releases, raw_for, limit_of, threshold
        )
        joint_periods = model.periods
        primary |= {k for k in cells if model.cells[k].primary and logical[k].value > 0}
        engine = _Engine(model.cells, model.equations, joint=True)
        found = engine.run(hidden | model.hidden)
        hidden = {k for k in found if k in cells}
        known_before = len(engine.known_before)

    def status(key: Key) -> Status:
        if key in hidden:
            return Status.PRIMARY if key in primary else Status.SECONDARY
        return Status.ZERO if logical[key].value == 0 else Status.VALUE

    def count_cell(key: Key) -> PublishedCell:
        st = status(key)
        value = float(logical[key].value) if st is Status.VALUE else None
        return PublishedCell(value, st, logical[key].threshold)

    groups = {s.code: s.group for s in raw.spaces}
    out = []
    for table in raw.tables:
        keys = layout[table.id]
        if isinstance(table, CountTable):
            grid = tuple(tuple(count_cell(k) for k in row if k is not None) for row in keys)
            out.append(_published(table, "count", grid))
            continue
        count_status = [status(row[0]) for row in keys]
        hidden_rows = [s.suppressed for s in count_status]
        sum_status: dict[int, list[Status]] = {}
        grid_rows = []
        for i, row in enumerate(keys):
            line = [count_cell(row[0])]
            for j, col in enumerate(table.cols[1:], start=1):
                value = table.values[i][j]
                if col.kind == "mean":
                    st = count_status[i]
                    if st is Status.ZERO:
                        st = Status.NOT_APPLICABLE
                elif col.kind == "sum":
                    if j not in sum_status:
                        sum_status[j] = _sum_protection(table, j, hidden_rows, groups, threshold)
                    st = sum_status[j][i]
                    value = None if value is None else round(value / 100.0)
                elif col.kind == "public":
                    st = Status.VALUE if value else Status.ZERO
                    value = None if value is None else round(value / 100.0)
                else:  # share: follows the sum it is made of
                    base = next(k for k, c in enumerate(table.cols) if c.kind == "sum")
                    if base not in sum_status:
                        sum_status[base] = _sum_protection(
                            table, base, hidden_rows, groups, threshold
                        )
                    st = sum_status[base][i]
                    if value is None and not st.suppressed:
                        st = Status.NOT_APPLICABLE
                if st is not Status.VALUE or value is None:
                    value = None
                else:
                    value = round(value, col.decimals) + 0.0  # + 0.0: no "-0.0"
                line.append(PublishedCell(value, st, logical[row[0]].threshold, col.decimals))
            grid_rows.append(tuple(line))
        out.append(_published(table, "key_figures", tuple(grid_rows)))
    return Published(tuple(out), joint_periods, len(hidden - alone), known_before)


def _published(
    table: RawTable, kind: str, grid: tuple[tuple[PublishedCell, ...], ...]
) -> PublishedTable:
    return PublishedTable(
        id=table.id,
        title=table.title,
        kind=kind,
        population=table.population,
        population_label=table.population_label,
        rows=table.rows,
        cols=table.cols,
        cells=grid,
        notes=table.notes,
    )
