"""The statistics reader against a plain reference: the same facts from a demo database.

``_read_facts`` takes shortcuts for speed (group_concat of disciplines, a window function for
the last score); this reads the same facts the slow, obvious way and compares them."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import select

from sro_case.demo import generate
from sro_case.statistics.service import _read_facts
from sro_case.storage.orm import (
    CaseRecord,
    ConferenceRecord,
    GoalRecord,
    GoalReviewRecord,
    ParticipantRecord,
    SocialSpaceRecord,
)
from sro_case.store import Store


def test_conferences_and_goals_read_as_the_obvious_queries_would(store: Store) -> None:
    generate(store, 150, seed=5)
    date_from, date_to = date(2024, 1, 1), store.clock.today()
    with store.read() as s:
        facts = _read_facts(s, date_from, date_to)
        code = dict(s.execute(select(SocialSpaceRecord.id, SocialSpaceRecord.code)).all())
        disciplines: dict[int, set[str]] = defaultdict(set)
        for conference, discipline in s.execute(
            select(ParticipantRecord.conference_id, ParticipantRecord.discipline)
        ):
            disciplines[conference].add(discipline)
        expected_conferences = Counter(
            (case, code[space], held, frozenset(disciplines[cid]))
            for cid, case, space, held in s.execute(
                select(
                    ConferenceRecord.id,
                    ConferenceRecord.case_id,
                    CaseRecord.social_space_id,
                    ConferenceRecord.held_on,
                ).join(CaseRecord, CaseRecord.id == ConferenceRecord.case_id)
            )
            if date_from <= held <= date_to
        )
        last: dict[int, tuple[date, int, int, int, int]] = {}
        for gid, rid, day, score, case, space in s.execute(
            select(
                GoalReviewRecord.goal_id,
                GoalReviewRecord.id,
                GoalReviewRecord.reviewed_on,
                GoalReviewRecord.score,
                GoalRecord.case_id,
                CaseRecord.social_space_id,
            )
            .join(GoalRecord, GoalRecord.id == GoalReviewRecord.goal_id)
            .join(CaseRecord, CaseRecord.id == GoalRecord.case_id)
        ):
            if date_from <= day <= date_to and (gid not in last or (day, rid) > last[gid][:2]):
                last[gid] = (day, rid, score, case, space)
        expected_goals = Counter(
            (case, code[space], score) for _, _, score, case, space in last.values()
        )
    got_conferences = Counter(
        (c.case, c.social_space, c.held_on, c.disciplines) for c in facts.conferences
    )
    assert got_conferences == expected_conferences
    assert sum(1 for c in facts.conferences if len(c.disciplines) > 1) > 10
    assert Counter((g.case, g.social_space, g.score) for g in facts.goals) == expected_goals
    assert len(facts.goals) > 50 and len(facts.helps) > 50
