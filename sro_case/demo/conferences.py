"""A case's conferences: participants, the family's will, decisions, goals with steps, the
goal reviews at later conferences and the goals' status that follows from them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sro_case.demo.batch import _Batch, _Ids
from sro_case.demo.context import _Context
from sro_case.demo.draws import _between, _iso
from sro_case.demo.history import _CaseState, _Timeline
from sro_case.demo.households import _Person, _professional
from sro_case.demo.texts import (
    CHILD_WILLS,
    DECISIONS,
    GOALS,
    PARENT_WILLS,
    REVIEW_COMMENTS,
    GoalTemplate,
)
from sro_case.domain.enums import GoalStatus
from sro_case.storage.orm import (
    ActionStepRecord,
    ConferenceRecord,
    GoalRecord,
    GoalReviewRecord,
    ParticipantRecord,
)


# --------------------------------------------------------------------------- conferences
@dataclass
class _Goal:
    id: int
    conference_id: int
    held: int
    text: str
    indicator: str
    owner: str
    target: int
    levels: tuple[str, ...]
    reviews: list[tuple[int, int | None]] = field(default_factory=list)  # (day, conference id)
    last_score: int | None = None


def _conference_days(rng: random.Random, ctx: _Context, tl: _Timeline) -> list[int]:
    """About three conferences, the first a few weeks after opening, spread until the end."""
    if tl.status == "eingang":
        count = 1 if rng.random() < 0.3 else 0
    else:
        count = ctx.conference_counts.pick(rng)
    start = tl.opened + _between(rng, 7, 42)
    if start > tl.end:
        start = tl.opened
    span = tl.end - start
    count = min(count, 1 + span // 45)
    if count <= 0:
        return []
    step = span / count
    jitter = int(step) // 3
    return [start + int(j * step) + _between(rng, 0, jitter) for j in range(count)]


def _conference_kind(rng: random.Random, ctx: _Context, first: bool, hze_running: bool) -> str:
    r = rng.random()
    if first:
        kind = "fallkonferenz" if r < 0.75 else "sozialraumteam"
    elif r < 0.08:
        kind = "kollegiale_beratung"
    elif r < 0.16:
        kind = "sozialraumteam"
    elif hze_running:
        kind = "hpg_36" if r < 0.6 else "fortschreibung"
    else:
        kind = "fallkonferenz" if r < 0.55 else "fortschreibung"
    return kind if kind in ctx.conference_kinds else ctx.kind_fallback


def _conferences(
    rng: random.Random, ctx: _Context, st: _CaseState, ids: _Ids, out: _Batch
) -> int | None:
    """Conferences with participants, the family's will, decisions, goals (set at the first and
    some later ones) and goal reviews at each later conference. Returns the next review day."""
    tl, fill = st.timeline, st.fill
    days = _conference_days(rng, ctx, tl)
    goals: list[_Goal] = []
    next_review: int | None = None
    rows = out.rows[ConferenceRecord]
    will, spoken_by = _will(rng, ctx, st)
    for j, held in enumerate(days):
        conf_id = ids.next(ConferenceRecord)
        running = [(c, s) for c, s, hze in st.helps if hze and s <= held]
        kind = _conference_kind(rng, ctx, j == 0, bool(running))
        with_family = kind != "kollegiale_beratung"
        fill["hilfe"] = ctx.help_names[running[-1][0]] if running else ""
        _participants(rng, ctx, st, conf_id, with_family, ids, out)
        if j > 0 and rng.random() < 0.4:
            will, spoken_by = _will(rng, ctx, st)  # the will moves on as things change
        if j + 1 < len(days):
            next_review = days[j + 1]  # the next meeting is agreed at the end of this one
        elif tl.closed is None:
            next_review = held + _between(rng, 60, 180)
        else:
            next_review = None
        facilitator = ctx.facilitator if ctx.facilitator and rng.random() < 0.7 else ""
        if not facilitator and st.worker:
            facilitator = st.worker[1]
        rows.append(
            (
                conf_id,
                st.id,
                _iso(held),
                kind,
                facilitator,
                ctx.agendas.get(kind, ""),
                will if with_family else "",
                spoken_by if with_family else "",
                _decisions(rng, fill),
                _iso(next_review) if next_review is not None else None,
            )
        )
        for goal in goals:  # every earlier goal is reviewed, at most three times
            if len(goal.reviews) < 3:
                goal.reviews.append((held, conf_id))
        if with_family:
            new = _between(rng, 2, 3) if j == 0 else (1 if rng.random() < 0.45 else 0)
            for _ in range(new):
                added = _goal(rng, ctx, st, conf_id, held, ids, out)
                if added is None:
                    break
                if rng.random() < INTERIM_REVIEW_SHARE:  # checked between two conferences
                    day = held + _between(rng, 30, 120)
                    if day <= tl.end:
                        added.reviews.append((day, None))
                goals.append(added)
    for goal in goals:
        _review_rows(rng, goal, fill, ids, out)
    _goal_rows(rng, st, goals, out)
    return next_review


INTERIM_REVIEW_SHARE = 0.7


def _participants(
    rng: random.Random,
    ctx: _Context,
    st: _CaseState,
    conf_id: int,
    with_family: bool,
    ids: _Ids,
    out: _Batch,
) -> None:
    """The ASD worker, the family (often a young person from ten on) and 1–3 other services."""
    hh, names = st.household, ctx.names
    rows = out.rows[ParticipantRecord]
    people: list[tuple[str, str, str]] = []  # (name, organisation, discipline)
    asd = st.worker[1] if st.worker else _professional(rng, names)
    people.append((asd, f"Jugendamt Rostock, ASD {st.space.name}", "asd"))
    if with_family:
        people.append((hh.parents[0].full, "", "familie"))
        if len(hh.parents) > 1 and rng.random() < 0.6:
            people.append((hh.parents[1].full, "", "familie"))
        young = hh.child_aged(ctx.today, 10, 20)
        if young and rng.random() < 0.6:
            people.append((young.first, "", "kind"))
    pool = list(st.disciplines)
    for _ in range(min(len(pool), _between(rng, 1, 3))):
        disc = pool.pop(int(rng.random() * len(pool)))
        people.append((_professional(rng, names), _organisation(st, disc), disc))
    for name, org, disc in people:
        if disc in ctx.disciplines:
            rows.append((ids.next(ParticipantRecord), conf_id, name, org, disc))


def _organisation(st: _CaseState, discipline: str) -> str:
    p = st.places
    return {
        "schulsozialarbeit": f"Schulsozialarbeit, {p['schools']}",
        "kita": p["kitas"],
        "jugendarbeit": p["youth_facilities"],
        "jugendsozialarbeit": "Jugendberufsagentur Rostock",
        "hze_traeger": p["providers"],
        "familienbildung": p["family_centres"],
        "schule": p["schools"],
        "gesundheit": p["health"],
        "sonstige": p["other_services"],
    }.get(discipline, "")


def _will(rng: random.Random, ctx: _Context, st: _CaseState) -> tuple[str, str]:
    """The family's will in their own words, and who said it."""
    young = st.household.child_aged(ctx.today, 10, 20)
    if young and rng.random() < 0.3:
        return rng.choice(CHILD_WILLS).format_map(st.fill), young.first
    return rng.choice(PARENT_WILLS).format_map(st.fill), st.household.parents[0].full


def _decisions(rng: random.Random, fill: dict[str, str]) -> str:
    choices = DECISIONS if fill["hilfe"] else DECISIONS_WITHOUT_HELP
    first = rng.choice(choices)
    second = rng.choice(choices)
    text_ = first.format_map(fill)
    return text_ if second is first else f"{text_} {second.format_map(fill)}"


DECISIONS_WITHOUT_HELP = tuple(d for d in DECISIONS if "{hilfe}" not in d)


# --------------------------------------------------------------------------- goals and reviews
def _goal_template(
    rng: random.Random, ctx: _Context, st: _CaseState
) -> tuple[GoalTemplate, _Person] | None:
    """A goal not yet set in this case that fits one of its focus areas, and the child it is
    about; None when nothing fits any more."""
    areas = [a for a in st.areas if a in ctx.goals_by_focus]
    pool = ctx.goals_by_focus[rng.choice(areas)] if areas and rng.random() < 0.8 else GOALS
    hh = st.household
    for attempt in range(6):
        tpl = rng.choice(pool if attempt < 2 else GOALS)
        if tpl.text in st.goal_texts:
            continue
        if tpl.focus == "kita":
            child = hh.child_aged(ctx.today, 0, 6)
        elif tpl.owner == "child":
            child = hh.child_aged(ctx.today, 10, 20)
        else:
            child = hh.child_aged(ctx.today, 6, 17) or hh.children[0]
        if child is not None:
            st.goal_texts.add(tpl.text)
            return tpl, child
    return None


def _goal(
    rng: random.Random,
    ctx: _Context,
    st: _CaseState,
    conf_id: int,
    held: int,
    ids: _Ids,
    out: _Batch,
) -> _Goal | None:
    """A goal with indicator, scale levels and 1–2 steps, the family's step first."""
    found = _goal_template(rng, ctx, st)
    if found is None:
        return None
    tpl, child = found
    hh = st.household
    fill = dict(st.fill, kind=child.first)
    who = {
        "parent": hh.parents[0].full,
        "child": child.first,
        "family": f"Familie {hh.surname}",
    }
    owner = who[tpl.owner]
    goal_id = ids.next(GoalRecord)
    steps = tpl.steps if rng.random() < 0.55 else tpl.steps[:1]
    for by, what in steps:
        due = held + _between(rng, 14, 60)
        done = due <= ctx.today and rng.random() < 0.7
        out.rows[ActionStepRecord].append(
            (
                ids.next(ActionStepRecord),
                goal_id,
                who.get(by, by),
                what.format_map(fill),
                _iso(due),
                int(done),
            )
        )
    return _Goal(
        goal_id,
        conf_id,
        held,
        tpl.text.format_map(fill),
        tpl.indicator.format_map(fill),
        owner,
        held + _between(rng, 90, 270),
        tuple(level.format_map(fill) for level in tpl.levels),
    )


def _score(rng: random.Random, previous: int | None) -> int:
    """Goal attainment: starts around 0, tends to improve over time."""
    r = rng.random()
    if previous is None:
        return -2 if r < 0.08 else -1 if r < 0.3 else 0 if r < 0.65 else 1 if r < 0.9 else 2
    delta = -1 if r < 0.15 else 0 if r < 0.55 else 1 if r < 0.9 else 2
    return max(-2, min(2, previous + delta))


def _review_rows(
    rng: random.Random, goal: _Goal, fill: dict[str, str], ids: _Ids, out: _Batch
) -> None:
    """The goal's reviews in date order, so the scores tell a story over time."""
    rows = out.rows[GoalReviewRecord]
    score: int | None = None
    goal.reviews.sort(key=lambda r: r[0])
    for day, conf_id in goal.reviews:
        score = _score(rng, score)
        comment = rng.choice(REVIEW_COMMENTS[score]).format_map(fill)
        rows.append((ids.next(GoalReviewRecord), goal.id, conf_id, _iso(day), score, comment))
    goal.last_score = score


def _goal_rows(rng: random.Random, st: _CaseState, goals: list[_Goal], out: _Batch) -> None:
    """Goal rows are written last: their status follows from the reviews."""
    closed = st.timeline.closed is not None
    rows = out.rows[GoalRecord]
    for g in goals:
        last = g.last_score
        if rng.random() < 0.04:
            status = GoalStatus.DROPPED
        elif closed:
            if last is None:
                status = GoalStatus.DROPPED
            elif last >= 1:
                status = GoalStatus.ACHIEVED
            else:
                status = GoalStatus.PARTLY if last == 0 else GoalStatus.NOT_ACHIEVED
        else:
            status = GoalStatus.ACHIEVED if last == 2 and rng.random() < 0.6 else GoalStatus.OPEN
        rows.append(
            (
                g.id,
                st.id,
                g.conference_id,
                g.text,
                g.indicator,
                g.owner,
                _iso(g.target),
                status.value,
                *g.levels,
            )
        )
