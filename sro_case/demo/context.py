"""What is the same for every case of one run: today, the social spaces, the staff, and the
weights and workflow paths built from the office's catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sro_case.demo.city import (
    CONFERENCE_COUNT_WEIGHTS,
    END_REASON_WEIGHTS,
    HZE_WEIGHTS,
    NOTE_KIND_WEIGHTS,
    OPEN_STATUS_WEIGHTS,
    OUTCOME_8A_WEIGHTS,
    REOPEN_REASON_WEIGHTS,
    REOPEN_STATUS,
    SPACE_WEIGHTS,
    SRO_WEIGHTS,
)
from sro_case.demo.draws import _Weighted, _weights_for
from sro_case.demo.names import _Names, _names
from sro_case.demo.texts import GOALS, GoalTemplate
from sro_case.domain.catalogues import Catalogue, catalogue, closed_status, initial_status
from sro_case.domain.enums import Role

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class _Space:
    id: int
    code: str
    name: str


@dataclass
class _Context:
    """Everything that is the same for every case of one run."""

    today: int  # ordinal
    names: _Names
    spaces: _Weighted  # of _Space
    caseworkers: tuple[tuple[int, str], ...]  # (user id, name)
    facilitator: str
    statuses: _Weighted
    status_paths: dict[str, tuple[tuple[str, ...], ...]]
    reopen_paths: dict[str, tuple[tuple[str, ...], ...]]
    closed: str
    initial: str
    end_reasons: _Weighted
    reopen_reasons: _Weighted
    outcomes_8a: _Weighted
    note_kinds: _Weighted
    hze: _Weighted
    sro: _Weighted
    help_names: dict[str, str]
    focus_codes: frozenset[str]
    disciplines: frozenset[str]
    conference_kinds: frozenset[str]
    kind_fallback: str
    agendas: dict[str, str]
    goals_by_focus: dict[str, tuple[GoalTemplate, ...]]
    conference_counts: _Weighted = field(
        default_factory=lambda: _Weighted(CONFERENCE_COUNT_WEIGHTS)
    )


def _status_paths(
    statuses: Catalogue, start: str, closed: str
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """All simple workflow paths from ``start`` to each open status (at most five statuses)."""
    paths: dict[str, list[tuple[str, ...]]] = {}

    def walk(path: tuple[str, ...]) -> None:
        paths.setdefault(path[-1], []).append(path)
        if len(path) >= 5:
            return
        for nxt in statuses.by_code(path[-1]).get("next", []) or []:
            if nxt != closed and nxt not in path and nxt in statuses:
                walk((*path, nxt))

    walk((start,))
    return {code: tuple(p) for code, p in paths.items()}


def _context(
    store: UnitOfWork, spaces: list[_Space], users: dict[str, tuple[int, str, str]]
) -> _Context:
    statuses = catalogue("case_statuses")
    closed, initial = closed_status(), initial_status()
    paths = _status_paths(statuses, initial, closed)
    reopen = _status_paths(statuses, REOPEN_STATUS, closed) if REOPEN_STATUS in statuses else {}
    reachable = {c: OPEN_STATUS_WEIGHTS.get(c, 3) for c in paths if c != closed}
    help_types = catalogue("help_types")
    hze = {
        i.code: HZE_WEIGHTS.get(i.code, 1) for i in help_types if i.get("category") != "sro_angebot"
    }
    sro = {
        i.code: SRO_WEIGHTS.get(i.code, 1) for i in help_types if i.get("category") == "sro_angebot"
    }
    focus_codes = frozenset(catalogue("focus_areas").codes())
    by_focus: dict[str, list[GoalTemplate]] = {}
    for g in GOALS:
        if g.focus in focus_codes:
            by_focus.setdefault(g.focus, []).append(g)
    kinds = catalogue("conference_kinds")
    caseworkers = tuple(
        (uid, name) for uid, name, role in users.values() if role == Role.CASEWORKER.value
    )
    facilitators = [name for _, name, role in users.values() if role == Role.FACILITATOR.value]
    return _Context(
        today=store.clock.today().toordinal(),
        names=_names(),
        spaces=_Weighted({s: SPACE_WEIGHTS.get(s.code, 2) for s in spaces}),
        caseworkers=caseworkers,
        facilitator=facilitators[0] if facilitators else "",
        statuses=_Weighted(reachable or {initial: 1}),
        status_paths=paths,
        reopen_paths=reopen,
        closed=closed,
        initial=initial,
        end_reasons=_weights_for(catalogue("end_reasons"), END_REASON_WEIGHTS),
        reopen_reasons=_weights_for(catalogue("reopen_reasons"), REOPEN_REASON_WEIGHTS),
        outcomes_8a=_weights_for(catalogue("outcomes_8a"), OUTCOME_8A_WEIGHTS),
        note_kinds=_Weighted(NOTE_KIND_WEIGHTS),
        hze=_Weighted(hze or {help_types.codes()[0]: 1}),
        sro=_Weighted(sro or {help_types.codes()[0]: 1}),
        help_names={i.code: i.name for i in help_types},
        focus_codes=focus_codes,
        disciplines=frozenset(catalogue("disciplines").codes()),
        conference_kinds=frozenset(kinds.codes()),
        kind_fallback=kinds.codes()[0],
        agendas={
            i.code: "\n".join(str(entry[0]) for entry in (i.get("agenda") or [])) for i in kinds
        },
        goals_by_focus={k: tuple(v) for k, v in by_focus.items()},
    )
