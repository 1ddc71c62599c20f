"""Conferences (Fallkonferenz, Hilfeplangespräch, …) with participants, the family's will,
resources, goals with goal-attainment levels and action steps; goal reviews over time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.enums import GoalStatus
from sro_case.domain.messages import T
from sro_case.errors import NotFound, ValidationError
from sro_case.kernel import mapping
from sro_case.storage.orm import (
    ActionStepRecord,
    CaseRecord,
    ConferenceRecord,
    GoalRecord,
    GoalReviewRecord,
    ParticipantRecord,
    ResourceRecord,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sro_case.kernel.unit_of_work import UnitOfWork


def goal_record(case_id: int, conference_id: int | None, g: m.GoalDraft) -> GoalRecord:
    rec = GoalRecord(
        case_id=case_id,
        conference_id=conference_id,
        text=g.text,
        indicator=g.indicator,
        owner=g.owner,
        target_date=g.target_date,
        status=GoalStatus.OPEN.value,
        level_minus2=g.levels[0],
        level_minus1=g.levels[1],
        level_0=g.levels[2],
        level_plus1=g.levels[3],
        level_plus2=g.levels[4],
    )
    rec.steps = [
        ActionStepRecord(who=s.who, what=s.what, due_on=s.due_on, done=s.done) for s in g.steps
    ]
    return rec


class ConferenceService:
    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    def record(
        self,
        case_id: int,
        draft: m.ConferenceDraft,
        reviews: Sequence[m.ReviewDraft] = (),
        *,
        expected_version: int | None = None,
    ) -> m.Conference:
        """Save a whole conference in one transaction: all of it or nothing, including the
        reviews of the case's existing goals given in it (they get the conference's id).
        ``expected_version``: refused (``Conflict``) if the case changed since that version."""
        self._store.require_case_access()
        today = self._store.clock.today()
        d = rules.check_conference(draft, today)
        checked = [rules.check_review(r, today) for r in reviews]
        with self._store.write() as s:
            self._store.check_version(s, case_id, expected_version)
            case = s.get(CaseRecord, case_id)
            if case is None:
                raise NotFound(T("Der Fall {case_id} existiert nicht.", case_id=case_id))
            conf = ConferenceRecord(
                case_id=case_id,
                held_on=d.held_on,
                kind=d.kind,
                facilitator=d.facilitator,
                agenda="\n".join(d.agenda),
                family_will=d.family_will,
                will_spoken_by=d.will_spoken_by,
                decisions=d.decisions,
                next_review=d.next_review,
            )
            conf.participants = [
                ParticipantRecord(name=p.name, organisation=p.organisation, discipline=p.discipline)
                for p in d.participants
            ]
            s.add(conf)
            s.flush()
            for r in d.resources:
                s.add(ResourceRecord(case_id=case_id, kind=r.kind, description=r.description))
            for g in d.goals:
                s.add(goal_record(case_id, conf.id, g))
            if d.next_review is not None:
                case.next_review = d.next_review
            s.flush()
            self._store.audit(s, "create", "conference", conf.id, case_id=case_id, detail=d.kind)
            for review in checked:
                self._add_review(s, replace(review, conference_id=conf.id))
            return mapping.conference(conf)

    def add_goal(self, case_id: int, draft: m.GoalDraft) -> m.Goal:
        self._store.require_case_access()
        g = rules.check_goal(draft)
        with self._store.write() as s:
            if s.get(CaseRecord, case_id) is None:
                raise NotFound(T("Der Fall {case_id} existiert nicht.", case_id=case_id))
            rec = goal_record(case_id, None, g)
            s.add(rec)
            s.flush()
            self._store.audit(s, "create", "goal", rec.id, case_id=case_id)
            return mapping.goal(rec)

    def review_goal(self, draft: m.ReviewDraft) -> m.GoalReview:
        """A goal-attainment score (−2…+2) with comment at a review date."""
        self._store.require_case_access()
        d = rules.check_review(draft, self._store.clock.today())
        with self._store.write() as s:
            return self._add_review(s, d)

    def _add_review(self, s: Session, d: m.ReviewDraft) -> m.GoalReview:
        """One review, inside the caller's transaction."""
        goal = s.get(GoalRecord, d.goal_id)
        if goal is None:
            raise NotFound("Dieses Ziel existiert nicht.")
        if d.conference_id is not None:
            conf = s.get(ConferenceRecord, d.conference_id)
            if conf is None or conf.case_id != goal.case_id:
                raise ValidationError([("Konferenz", "gehört nicht zu diesem Fall.")])
        rev = GoalReviewRecord(
            goal_id=goal.id,
            conference_id=d.conference_id,
            reviewed_on=d.reviewed_on,
            score=d.score,
            comment=d.comment,
        )
        s.add(rev)
        s.flush()
        self._store.audit(s, "review", "goal", goal.id, case_id=goal.case_id, detail=str(d.score))
        return m.GoalReview(rev.id, rev.reviewed_on, rev.score, rev.comment, rev.conference_id)

    def set_goal_status(self, goal_id: int, status: str) -> None:
        self._store.require_case_access()
        rules.check_goal_status(status)
        with self._store.write() as s:
            goal = s.get(GoalRecord, goal_id)
            if goal is None:
                raise NotFound("Dieses Ziel existiert nicht.")
            goal.status = status
            self._store.audit(s, "status", "goal", goal_id, case_id=goal.case_id, detail=status)

    def set_step_done(self, step_id: int, done: bool = True) -> None:
        self._store.require_case_access()
        with self._store.write() as s:
            step = s.get(ActionStepRecord, step_id)
            if step is None:
                raise NotFound("Dieser Handlungsschritt existiert nicht.")
            step.done = done
            goal = s.get(GoalRecord, step.goal_id)
            self._store.audit(s, "update", "step", step_id, case_id=goal.case_id if goal else None)

    def overdue_steps(self, on: date | None = None) -> list[tuple[str, m.ActionStep]]:
        """(file number, step) of every open step whose due date has passed."""
        self._store.require_case_access()
        on = on or self._store.clock.today()
        with self._store.read() as s:
            rows = s.execute(
                select(CaseRecord.file_number, ActionStepRecord)
                .join(GoalRecord, GoalRecord.id == ActionStepRecord.goal_id)
                .join(CaseRecord, CaseRecord.id == GoalRecord.case_id)
                .where(ActionStepRecord.done.is_(False), ActionStepRecord.due_on < on)
                .order_by(ActionStepRecord.due_on)
            ).all()
            return [(fn, m.ActionStep(r.id, r.who, r.what, r.due_on, r.done)) for fn, r in rows]
