"""Due dates (Fristen): reviews due, consents expiring soon, overdue action steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from sro_case.domain.catalogues import closed_status
from sro_case.storage.orm import (
    ActionStepRecord,
    CaseRecord,
    ConsentRecord,
    FamilyRecord,
    GoalRecord,
    PersonRecord,
    UserRecord,
)

if TYPE_CHECKING:
    from sro_case.services.store import Store

CONSENT_HORIZON_DAYS = 30


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


class DeadlineService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self, *, worker: str | None = None, today: date | None = None) -> list[Deadline]:
        """Everything due by ``today`` (consents: expiring within 30 days), sorted by date.
        ``worker`` (a login) restricts to that worker's cases."""
        self._store.require_case_access()
        today = today or self._store.clock.today()
        horizon = today + timedelta(days=CONSENT_HORIZON_DAYS)
        worker_name = func.coalesce(UserRecord.name, "")

        def base(q):  # type: ignore[no-untyped-def]
            q = (
                q.join(FamilyRecord, FamilyRecord.id == CaseRecord.family_id)
                .outerjoin(UserRecord, UserRecord.id == CaseRecord.lead_worker_id)
                .where(CaseRecord.status != closed_status())
            )
            return q.where(UserRecord.login == worker) if worker else q

        out: list[Deadline] = []
        with self._store.read() as s:
            reviews = base(
                select(CaseRecord.id, CaseRecord.file_number, FamilyRecord.display_name,
                       worker_name, CaseRecord.next_review)
            ).where(CaseRecord.next_review <= today)
            for cid, fn, fam, w, due in s.execute(reviews):
                out.append(Deadline("review", cid, fn, fam, w, due, "Überprüfung fällig"))
            consents = base(
                select(CaseRecord.id, CaseRecord.file_number, FamilyRecord.display_name,
                       worker_name, ConsentRecord.expires_on, PersonRecord.first_name,
                       PersonRecord.last_name)
                .select_from(ConsentRecord)
                .join(CaseRecord, CaseRecord.id == ConsentRecord.case_id)
                .join(PersonRecord, PersonRecord.id == ConsentRecord.person_id)
            ).where(
                ConsentRecord.revoked_on.is_(None),
                ConsentRecord.expires_on.is_not(None),
                ConsentRecord.expires_on <= horizon,
                ConsentRecord.expires_on >= today - timedelta(days=CONSENT_HORIZON_DAYS),
            )
            for cid, fn, fam, w, due, first, last in s.execute(consents):
                verb = "abgelaufen" if due < today else "läuft ab"
                out.append(
                    Deadline("consent", cid, fn, fam, w, due, f"Einwilligung von {first} {last} {verb}")
                )
            steps = base(
                select(CaseRecord.id, CaseRecord.file_number, FamilyRecord.display_name,
                       worker_name, ActionStepRecord.due_on, ActionStepRecord.who,
                       ActionStepRecord.what)
                .select_from(ActionStepRecord)
                .join(GoalRecord, GoalRecord.id == ActionStepRecord.goal_id)
                .join(CaseRecord, CaseRecord.id == GoalRecord.case_id)
            ).where(ActionStepRecord.done.is_(False), ActionStepRecord.due_on < today)
            for cid, fn, fam, w, due, who, what in s.execute(steps):
                out.append(Deadline("step", cid, fn, fam, w, due, f"{who}: {what}"))
        out.sort(key=lambda d: (d.due_on, d.file_number, d.kind))
        return out
