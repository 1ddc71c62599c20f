"""Due dates (Fristen): reviews and action steps overdue or due within the next weeks, consents
expiring soon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVarTuple

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import QueryableAttribute

from sro_case.domain.catalogues import closed_status
from sro_case.domain.messages import T
from sro_case.storage.orm import (
    ActionStepRecord,
    CaseRecord,
    ConsentRecord,
    FamilyRecord,
    GoalRecord,
    PersonRecord,
    UserRecord,
)

_Row = TypeVarTuple("_Row")

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

CONSENT_HORIZON_DAYS = 30
#: how far ahead reviews and steps are listed: after a conference whose steps were due in four
#: weeks the view said "0 Fristen" (#15)
AHEAD_DAYS = 28


@dataclass(frozen=True)
class Deadline:
    kind: str  # "review" | "consent" | "step"
    case_id: int
    file_number: str
    family_name: str
    worker: str  # lead worker's name, "" if none
    due_on: date
    what: str  # German description

    def overdue(self, today: date) -> bool:
        return self.due_on < today


@dataclass(frozen=True)
class DeadlineOverview:
    """The earliest deadlines (at most the requested number) and the figures for all of them."""

    items: tuple[Deadline, ...]
    counts: dict[str, int]  # per kind, all deadlines
    overdue: int  # all deadlines past their date

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class DeadlineService:
    """Three queries (reviews, consents, steps), each ordered by date in SQL, so that a
    100,000-case database with 100,000 overdue steps shows the first ones at once; the
    migration 0006 gives them covering indexes."""

    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    def list(
        self, *, worker: str | None = None, today: date | None = None, limit: int | None = None
    ) -> list[Deadline]:
        """Everything overdue or due within ``AHEAD_DAYS`` (consents: expiring within 30
        days), sorted by date; the earliest ``limit`` of them. ``worker`` (a login) restricts to
        that worker's cases."""
        return list(self._collect(worker, today, limit, counts=False).items)

    def overview(
        self, *, worker: str | None = None, today: date | None = None, limit: int = 500
    ) -> DeadlineOverview:
        """The earliest ``limit`` deadlines and the counts of all of them (the Fristen view)."""
        return self._collect(worker, today, limit, counts=True)

    def _collect(
        self, worker: str | None, today: date | None, limit: int | None, *, counts: bool
    ) -> DeadlineOverview:
        self._store.require_case_access()
        today = today or self._store.clock.today()
        horizon = today + timedelta(days=CONSENT_HORIZON_DAYS)
        ahead = today + timedelta(days=AHEAD_DAYS)
        worker_name = func.coalesce(UserRecord.name, "")

        def base(q: Select[*_Row]) -> Select[*_Row]:
            q = (
                q.join(FamilyRecord, FamilyRecord.id == CaseRecord.family_id)
                .outerjoin(UserRecord, UserRecord.id == CaseRecord.lead_worker_id)
                .where(CaseRecord.status != closed_status())
            )
            return q.where(UserRecord.login == worker) if worker else q

        def scope(q: Select[*_Row]) -> Select[*_Row]:
            """The same rows for counting: no family, and the worker by id."""
            q = q.where(CaseRecord.status != closed_status())
            if worker:
                q = q.where(
                    CaseRecord.lead_worker_id
                    == select(UserRecord.id).where(UserRecord.login == worker).scalar_subquery()
                )
            return q

        def first(
            q: Select[*_Row], due: ColumnElement[Any] | QueryableAttribute[Any]
        ) -> Select[*_Row]:
            q = q.order_by(due, CaseRecord.file_number)
            return q.limit(limit) if limit is not None else q

        review_due = CaseRecord.next_review <= ahead
        consent_due = and_(
            ConsentRecord.revoked_on.is_(None),
            ConsentRecord.expires_on.is_not(None),
            ConsentRecord.expires_on <= horizon,
            ConsentRecord.expires_on >= today - timedelta(days=CONSENT_HORIZON_DAYS),
        )
        step_due = and_(ActionStepRecord.done.is_(False), ActionStepRecord.due_on <= ahead)
        out: list[Deadline] = []
        figures: dict[str, int] = {}
        overdue = 0
        with self._store.read() as s:
            reviews = base(
                select(
                    CaseRecord.id,
                    CaseRecord.file_number,
                    FamilyRecord.display_name,
                    worker_name,
                    CaseRecord.next_review,
                )
            ).where(review_due)
            for cid, fn, fam, w, due in s.execute(first(reviews, CaseRecord.next_review)):
                if due is None:  # (never: the filter compares the date)
                    continue
                out.append(Deadline("review", cid, fn, fam, w, due, T("Überprüfung fällig")))
            consents = base(
                select(
                    CaseRecord.id,
                    CaseRecord.file_number,
                    FamilyRecord.display_name,
                    worker_name,
                    ConsentRecord.expires_on,
                    PersonRecord.first_name,
                    PersonRecord.last_name,
                )
                .select_from(ConsentRecord)
                .join(CaseRecord, CaseRecord.id == ConsentRecord.case_id)
                .join(PersonRecord, PersonRecord.id == ConsentRecord.person_id)
            ).where(consent_due)
            for cid, fn, fam, w, due, first_name, last in s.execute(
                first(consents, ConsentRecord.expires_on)
            ):
                if due is None:
                    continue
                what = (
                    T("Einwilligung von {name} abgelaufen", name=f"{first_name} {last}")
                    if due < today
                    else T("Einwilligung von {name} läuft ab", name=f"{first_name} {last}")
                )
                out.append(Deadline("consent", cid, fn, fam, w, due, what))
            steps = base(
                select(
                    CaseRecord.id,
                    CaseRecord.file_number,
                    FamilyRecord.display_name,
                    worker_name,
                    ActionStepRecord.due_on,
                    ActionStepRecord.who,
                    ActionStepRecord.what,
                )
                .select_from(ActionStepRecord)
                .join(GoalRecord, GoalRecord.id == ActionStepRecord.goal_id)
                .join(CaseRecord, CaseRecord.id == GoalRecord.case_id)
            ).where(step_due)
            for cid, fn, fam, w, due, who, step in s.execute(first(steps, ActionStepRecord.due_on)):
                if due is None:
                    continue
                out.append(Deadline("step", cid, fn, fam, w, due, f"{who}: {step}"))
            if counts:
                past = func.coalesce(
                    func.sum(case((CaseRecord.next_review < today, 1), else_=0)), 0
                )
                n, late = s.execute(scope(select(func.count(), past).where(review_due))).one()
                figures["review"], overdue = n, overdue + late
                past = func.coalesce(
                    func.sum(case((ConsentRecord.expires_on < today, 1), else_=0)), 0
                )
                n, late = s.execute(
                    scope(
                        select(func.count(), past)
                        .select_from(ConsentRecord)
                        .join(CaseRecord, CaseRecord.id == ConsentRecord.case_id)
                        .where(consent_due)
                    )
                ).one()
                figures["consent"], overdue = n, overdue + late
                past = func.coalesce(
                    func.sum(case((ActionStepRecord.due_on < today, 1), else_=0)), 0
                )
                n, late = s.execute(
                    scope(
                        select(func.count(), past)
                        .select_from(ActionStepRecord)
                        .join(GoalRecord, GoalRecord.id == ActionStepRecord.goal_id)
                        .join(CaseRecord, CaseRecord.id == GoalRecord.case_id)
                        .where(step_due)
                    )
                ).one()
                figures["step"], overdue = n, overdue + late
        out.sort(key=lambda d: (d.due_on, d.file_number, d.kind))
        if limit is not None:
            out = out[:limit]
        return DeadlineOverview(tuple(out), figures, overdue)
