"""Social spaces (in the database, seeded from the catalogue) and their budgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from sro_case.cases.service import space_id
from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.domain.validation import Checker
from sro_case.kernel import mapping
from sro_case.storage.orm import BudgetRecord, SocialSpaceRecord

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork


def seeded_social_spaces() -> list[SocialSpaceRecord]:
    """The Sozialräume of the shipped catalogue, as a new database (file or team server) gets
    them."""
    return [
        SocialSpaceRecord(
            code=item.code,
            name=item.name,
            district_group=item.get("district_group", ""),
            is_model_region=bool(item.get("is_model_region", False)),
        )
        for item in catalogue("social_spaces")
    ]


class CatalogService:
    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    def social_spaces(self) -> list[m.SocialSpace]:
        with self._store.read() as s:
            return [
                mapping.social_space(r)
                for r in s.execute(
                    select(SocialSpaceRecord).order_by(SocialSpaceRecord.id)
                ).scalars()
            ]

    def set_budget(self, social_space: str, year: int, amount_cents: int) -> m.Budget:
        self._store.require_role("admin", "controlling")
        c = Checker()
        c.integer("Jahr", year, low=2000, high=2200, required=True)
        c.integer("Betrag", amount_cents, low=0, high=10**13, required=True)
        c.done()
        with self._store.write() as s:
            sid = space_id(s, social_space)
            rec = s.execute(
                select(BudgetRecord).where(
                    BudgetRecord.social_space_id == sid, BudgetRecord.year == year
                )
            ).scalar_one_or_none()
            if rec is None:
                rec = BudgetRecord(social_space_id=sid, year=year, amount_cents=amount_cents)
                s.add(rec)
            else:
                rec.amount_cents = amount_cents
            s.flush()
            self._store.audit(s, "update", "budget", rec.id, detail=f"{social_space} {year}")
        return m.Budget(social_space, year, amount_cents)

    def budgets(self, year: int | None = None) -> list[m.Budget]:
        with self._store.read() as s:
            q = select(SocialSpaceRecord.code, BudgetRecord.year, BudgetRecord.amount_cents).join(
                SocialSpaceRecord, SocialSpaceRecord.id == BudgetRecord.social_space_id
            )
            if year is not None:
                q = q.where(BudgetRecord.year == year)
            return [m.Budget(*row) for row in s.execute(q.order_by(BudgetRecord.year))]
