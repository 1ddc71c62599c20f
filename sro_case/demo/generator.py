"""The run: ``generate`` writes the cases batch by batch, with the demo users and budgets
around them, and reports what it added.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from sro_case.demo.batch import _COLUMNS, _Batch, _Ids
from sro_case.demo.case import _case, _FileNumbers
from sro_case.demo.city import DEMO_USERS, FILE_PREFIX
from sro_case.demo.context import _context, _Space
from sro_case.domain.enums import Role
from sro_case.errors import SroCaseError
from sro_case.storage.orm import (
    ActionStepRecord,
    BudgetRecord,
    CaseNoteRecord,
    CaseRecord,
    ConferenceRecord,
    ConsentRecord,
    FamilyRecord,
    GoalRecord,
    GoalReviewRecord,
    HelpRecord,
    ParticipantRecord,
    PersonRecord,
    ResourceRecord,
    SocialSpaceRecord,
    StatusChangeRecord,
    UserRecord,
)

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork


BATCH_CASES = 2_000


Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoReport:
    """What one ``generate`` call added (records created, not records present)."""

    cases: int = 0
    families: int = 0
    persons: int = 0
    status_changes: int = 0
    consents: int = 0
    notes: int = 0
    helps: int = 0
    conferences: int = 0
    participants: int = 0
    goals: int = 0
    reviews: int = 0
    steps: int = 0
    resources: int = 0
    users: int = 0
    budgets: int = 0
    first_file_number: str | None = None
    last_file_number: str | None = None


# --------------------------------------------------------------------------- the run
def generate(
    store: UnitOfWork, cases: int, seed: int = 1, *, progress: Progress | None = None
) -> DemoReport:
    """Add ``cases`` synthetic cases with everything around them; admins only.

    Creates the demo users and the missing budgets, continues the file numbers of a database
    that already has cases, and reports ``progress(done, total)`` after each batch.
    """
    store.require_role(Role.ADMIN.value)
    if cases < 0:
        raise ValueError("cases must not be negative")
    users, created_users = _ensure_users(store)
    spaces = _spaces(store)
    ctx = _context(store, spaces, users)
    with store.read() as s:
        lo, hi = f"{FILE_PREFIX}-", f"{FILE_PREFIX}."  # every number that starts with "51.2-"
        numbers = _FileNumbers(
            s.execute(
                select(CaseRecord.file_number).where(
                    CaseRecord.file_number >= lo, CaseRecord.file_number < hi
                )
            ).scalars()
        )
    totals: dict[type, int] = dict.fromkeys(_COLUMNS, 0)
    costs: dict[tuple[int, int], int] = {}
    first_fn: str | None = None
    last_fn: str | None = None
    rng = random.Random()
    done = 0
    while done < cases:
        size = min(BATCH_CASES, cases - done)
        batch = _Batch()
        with store.write() as s:
            conn = s.connection()
            ids = _Ids(_last_ids(conn))
            for _ in range(size):
                case_id = ids.next(CaseRecord)
                rng.seed(f"{seed}/{case_id}")
                _case(rng, ctx, ids, batch, case_id, numbers)
            batch.write(conn)
            fns = [row[1] for row in batch.rows[CaseRecord]]
            store.audit(
                s,
                "demo",
                "database",
                detail=f"Demodaten: {size} Fälle ({fns[0]} bis {fns[-1]}), Startwert {seed}",
            )
        first_fn = first_fn or fns[0]
        last_fn = fns[-1]
        for record, rows in batch.rows.items():
            totals[record] += len(rows)
        for key, cents in batch.costs.items():
            costs[key] = costs.get(key, 0) + cents
        done += size
        if progress is not None:
            progress(done, cases)
    budgets = _ensure_budgets(store, spaces, costs, seed)
    store.optimize()  # the planner needs statistics for a database this size at once
    return DemoReport(
        cases=totals[CaseRecord],
        families=totals[FamilyRecord],
        persons=totals[PersonRecord],
        status_changes=totals[StatusChangeRecord],
        consents=totals[ConsentRecord],
        notes=totals[CaseNoteRecord],
        helps=totals[HelpRecord],
        conferences=totals[ConferenceRecord],
        participants=totals[ParticipantRecord],
        goals=totals[GoalRecord],
        reviews=totals[GoalReviewRecord],
        steps=totals[ActionStepRecord],
        resources=totals[ResourceRecord],
        users=created_users,
        budgets=budgets,
        first_file_number=first_fn,
        last_file_number=last_fn,
    )


def _last_ids(conn: Connection) -> dict[type, int]:
    """Highest id per table, read inside the write transaction (so nobody else takes one)."""
    last = {}
    for record in _COLUMNS:
        table = record.__table__  # type: ignore[attr-defined]
        last[record] = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    # a search row may outlive its case; never reuse its rowid
    search = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM case_search")).scalar_one()
    last[CaseRecord] = max(last[CaseRecord], search)
    return last


def _spaces(store: UnitOfWork) -> list[_Space]:
    with store.read() as s:
        rows = s.execute(
            select(SocialSpaceRecord.id, SocialSpaceRecord.code, SocialSpaceRecord.name).order_by(
                SocialSpaceRecord.id
            )
        ).all()
    if not rows:
        raise SroCaseError("Die Datenbank enthält keine Sozialräume.")
    return [_Space(*row) for row in rows]


def _ensure_users(store: UnitOfWork) -> tuple[dict[str, tuple[int, str, str]], int]:
    """The demo staff (login → id, name, role); creates the missing ones."""
    created = 0
    with store.write() as s:
        logins = [login for login, _, _ in DEMO_USERS]
        existing = {
            u.login: u
            for u in s.execute(select(UserRecord).where(UserRecord.login.in_(logins))).scalars()
        }
        for login, name, role in DEMO_USERS:
            if login in existing:
                continue
            user = UserRecord(login=login, name=name, role=role, created_at=store.clock.now())
            s.add(user)
            s.flush()
            store.audit(s, "create", "user", user.id, detail=role)
            existing[login] = user
            created += 1
        users = {
            login: (existing[login].id, existing[login].name, existing[login].role)
            for login in logins
            if existing[login].active
        }
    return users, created


def _ensure_budgets(
    store: UnitOfWork, spaces: list[_Space], costs: dict[tuple[int, int], int], seed: int
) -> int:
    """A budget per social space and year of the generated helps, where none is set yet:
    the committed cost give or take some 10 %, so that some spaces overspend."""
    if not costs:
        return 0
    years = range(min(y for _, y in costs), max(y for _, y in costs) + 1)
    rng = random.Random()
    added = 0
    with store.write() as s:
        have = {
            (sid, year)
            for sid, year in s.execute(select(BudgetRecord.social_space_id, BudgetRecord.year))
        }
        for space in spaces:
            for year in years:
                if (space.id, year) in have:
                    continue
                rng.seed(f"{seed}/budget/{space.code}/{year}")
                committed = costs.get((space.id, year), 0) * (0.9 + rng.random() * 0.25)
                amount = max(
                    20_000_000, round(committed / 1_000_000) * 1_000_000
                )  # ≥ 200.000 €, in 10.000 €
                s.add(BudgetRecord(social_space_id=space.id, year=year, amount_cents=amount))
                added += 1
        if added:
            store.audit(
                s,
                "demo",
                "budget",
                detail=f"Demodaten: {added} Sozialraumbudgets ({years.start}–{years.stop - 1})",
            )
    return added
