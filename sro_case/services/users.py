"""Users and their roles (Fachkraft, Moderation, Controlling, Admin)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.errors import ValidationError
from sro_case.services import mapping
from sro_case.storage.orm import UserRecord

if TYPE_CHECKING:
    from sro_case.services.store import Store


class UserService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self) -> list[m.User]:
        with self._store.read() as s:
            return [
                mapping.user(u)
                for u in s.execute(select(UserRecord).order_by(UserRecord.name)).scalars()
            ]

    def add(self, draft: m.UserDraft) -> m.User:
        self._store.require_role("admin")
        d = rules.check_user(draft)
        with self._store.write() as s:
            return self._add(s, d)

    def _add(self, s, d: m.UserDraft) -> m.User:  # type: ignore[no-untyped-def]
        if s.execute(select(UserRecord.id).where(UserRecord.login == d.login)).first():
            raise ValidationError([("Anmeldename", f"„{d.login}“ ist bereits vergeben.")])
        u = UserRecord(login=d.login, name=d.name, role=d.role, created_at=self._store.clock.now())
        s.add(u)
        s.flush()
        self._store.audit(s, "create", "user", u.id, detail=d.role)
        return mapping.user(u)
