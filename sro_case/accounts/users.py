"""Users and their roles (Fachkraft, Moderation, Controlling, Admin)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.messages import T
from sro_case.errors import NotFound, ValidationError
from sro_case.kernel import mapping
from sro_case.storage.keyfile import PASSPHRASE, KdfParams, KeyFile, check_passphrase
from sro_case.storage.orm import UserRecord

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork


class UserService:
    def __init__(self, store: UnitOfWork) -> None:
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

    def _add(self, s: Session, d: m.UserDraft) -> m.User:
        if s.execute(select(UserRecord.id).where(UserRecord.login == d.login)).first():
            raise ValidationError(
                [("Anmeldename", T("„{value}“ ist bereits vergeben.", value=d.login))]
            )
        u = UserRecord(
            login=d.login,
            name=d.name,
            role=d.role,
            discipline=d.discipline,
            created_at=self._store.clock.now(),
        )
        s.add(u)
        s.flush()
        self._store.audit(s, "create", "user", u.id, detail=d.role)
        return mapping.user(u)

    def add_with_passphrase(
        self, draft: m.UserDraft, passphrase: str, *, kdf: KdfParams | None = None
    ) -> m.User:
        """Create a user and give them a key slot of their own with a first passphrase.

        The passphrase is checked before anything is written, so a too-short one leaves no
        user without a slot behind."""
        from sro_case.accounts.vault import add_user_slot

        self._store.require_role("admin")
        check_passphrase(passphrase, user_inputs=(draft.login, draft.name))
        user = self.add(draft)
        add_user_slot(self._store, user.login, passphrase, kdf=kdf, role=draft.role)
        return user

    def record_passphrase_change(self) -> None:
        """Log that the signed-in user changed their own passphrase (``vault.change_passphrase``
        works on the key file only and cannot write to the database)."""
        with self._store.write() as s:
            self._store.audit(
                s, "update", "key_slot", detail=f"Passphrase von {self._store.actor} geändert"
            )

    def key_slot_logins(self) -> set[str]:
        """The logins that have a passphrase slot of their own in the key file."""
        return set(KeyFile.load(KeyFile.path_for(self._store.path)).labels())

    def remove(self, login: str) -> bool:
        """Take a user's access away: their key slot is removed (so their passphrase opens
        nothing any more) and the user is deactivated; the record stays for the audit log.
        Nobody removes their own access, and the last active admin stays. True if the
        database key was renewed with it."""
        from sro_case.accounts.vault import remove_user_slot

        check_removal(self._store, login)
        if login in self.key_slot_logins():
            return remove_user_slot(self._store, login, deactivate=True)
        with self._store.write() as s:
            rec = s.execute(select(UserRecord).where(UserRecord.login == login)).scalar_one()
            if rec.active:
                rec.active = False
                self._store.audit(
                    s, "update", "user", rec.id, detail=f"{login} deaktiviert (ohne Schlüsselplatz)"
                )
        return False


def check_removal(store: UnitOfWork, login: str, *, must_exist: bool = True) -> None:
    """May the signed-in user take ``login``'s access away? Admins only; nobody removes their
    own access, and the last active admin stays. The one check for the desktop client's
    Verwaltung, ``sro-case user remove`` and ``vault.remove_user_slot``; it writes nothing."""
    store.require_role("admin")
    with store.read() as s:
        rec = s.execute(select(UserRecord).where(UserRecord.login == login)).scalar_one_or_none()
        admins = (
            s.execute(select(UserRecord.login).where(UserRecord.role == "admin", UserRecord.active))
            .scalars()
            .all()
        )
    is_admin = rec is not None and rec.role == "admin" and rec.active
    if store.identity is not None:
        # the roles the signed bindings name: a slot holder who edits the user table can
        # neither block their own removal nor hide an admin
        bound = KeyFile.load(KeyFile.path_for(store.path)).valid_slots(store.identity.root)
        admins = [
            label
            for (kind, label), slot in bound.items()
            if kind == PASSPHRASE and slot.role == "admin"
        ]
        is_admin = (PASSPHRASE, login) in bound and bound[(PASSPHRASE, login)].role == "admin"
    if is_admin and set(admins) <= {login}:
        raise ValidationError(
            [("Rolle", "Der letzte aktive Admin-Zugang kann nicht entfernt werden.")]
        )
    if login == store.actor:
        raise ValidationError([("Anmeldename", "Den eigenen Zugang können Sie nicht entfernen.")])
    if rec is None and must_exist:
        raise NotFound(T("Es gibt keine Benutzerin und keinen Benutzer „{login}“.", login=login))
