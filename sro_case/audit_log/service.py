"""Reading the audit log (admins only): pages of entries, filters, and the chain check.

Writing stays in ``audit.append`` (inside each change's own transaction); this service only
reads. Rows come newest first, with the file number of the case where the case still exists
and the login of the user an entry about a user refers to, so the admin view can name them.
"""

from __future__ import annotations

import builtins
import contextlib
from typing import TYPE_CHECKING, TypeVarTuple

from sqlalchemy import Select, func, select

from sro_case.domain.messages import T, Text
from sro_case.domain.models import AuditFilter, AuditRow, ChainReport
from sro_case.errors import SroCaseError
from sro_case.kernel import audit
from sro_case.kernel.unit_of_work import database_id
from sro_case.storage.keyfile import KeyFile
from sro_case.storage.orm import AuditEventRecord, CaseRecord, UserRecord

_Row = TypeVarTuple("_Row")

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sro_case.kernel.unit_of_work import UnitOfWork

# the parameters of audit.verify's problem templates that name an entry of the log
_ENTRY_PARAMS = ("seq", "last", "head")


class AuditLogService:
    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    @staticmethod
    def _where(q: Select[*_Row], f: AuditFilter) -> Select[*_Row]:
        if f.actor:
            q = q.where(AuditEventRecord.actor == f.actor)
        if f.action:
            q = q.where(AuditEventRecord.action == f.action)
        return q

    def count(self, f: AuditFilter | None = None) -> int:
        self._store.require_role("admin")
        q = self._where(select(func.count()).select_from(AuditEventRecord), f or AuditFilter())
        with self._store.read() as s:
            return int(s.execute(q).scalar_one())

    def list(
        self, f: AuditFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[AuditRow]:
        """Entries newest first; the UI pages through with limit/offset."""
        self._store.require_role("admin")
        q = self._where(select(AuditEventRecord), f or AuditFilter()).order_by(
            AuditEventRecord.seq.desc()
        )
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self._store.read() as s:
            events = list(s.execute(q).scalars())
            case_ids = {e.case_id for e in events if e.case_id is not None}
            numbers = (
                dict(
                    s.execute(
                        select(CaseRecord.id, CaseRecord.file_number).where(
                            CaseRecord.id.in_(case_ids)
                        )
                    ).all()
                )
                if case_ids
                else {}
            )
            users = {u.id: (u.login, u.name) for u in s.execute(select(UserRecord)).scalars()}
        names = dict(users.values())
        return [
            AuditRow(
                e.seq,
                e.at,
                e.actor,
                names.get(e.actor, ""),
                e.action,
                e.entity,
                e.entity_id,
                e.case_id,
                numbers.get(e.case_id) if e.case_id is not None else None,
                e.detail,
                users[e.entity_id][0] if e.entity == "user" and e.entity_id in users else "",
            )
            for e in events
        ]

    def actors(self) -> builtins.list[str]:
        """Every login that appears in the log (for the filter)."""
        self._store.require_role("admin")
        with self._store.read() as s:
            return sorted(s.execute(select(AuditEventRecord.actor).distinct()).scalars())

    def actions(self) -> builtins.list[str]:
        self._store.require_role("admin")
        with self._store.read() as s:
            return sorted(s.execute(select(AuditEventRecord.action).distinct()).scalars())

    def anchors(self) -> builtins.list[audit.AnchorSource]:
        return anchors_of(self._store)

    def verify(self) -> ChainReport:
        """Walk the whole chain (may take a while on a big log: run it off the GUI thread)."""
        self._store.require_role("admin")
        with self._store.read() as s:
            events, problems = verify_log(self._store, s)
        named = {
            int(str(value))
            for p in problems
            if isinstance(p, Text)
            for key, value in p.params.items()
            if key in _ENTRY_PARAMS
        }
        return ChainReport(events, tuple(problems), tuple(sorted(named)))


def verify_log(store: UnitOfWork, session: Session) -> tuple[int, list[str]]:
    """The chain, and with a version 2 key file every signature from the root the signed-in
    user's own slot holds, and the anchors outside the file (``audit.verify``)."""
    identity = store.identity
    if identity is None:  # a version 1 key file: the chain only
        return audit.verify(session)
    signed_from = 1
    try:
        keys = KeyFile.load(KeyFile.path_for(store.path))
        valid = keys.valid_slots(identity.root)
        signed_from = keys.audit_signed_from(identity.root)
    except SroCaseError:
        valid = {}
    return audit.verify(
        session,
        root=identity.root,
        database_id=database_id(session),
        anchors=anchors_of(store),
        signers={label: slot.keys.sign for (_k, label), slot in valid.items() if slot.keys},
        signed_from=signed_from,
    )


def anchors_of(store: UnitOfWork) -> list[audit.AnchorSource]:
    """The signed heads kept outside the database: in the key file and in the key file of
    every backup of this database in the usual backup folder."""
    from sro_case.backups.service import BackupService

    path = store.path
    candidates = [(KeyFile.path_for(path), T("der Schlüsseldatei"))]
    with contextlib.suppress(Exception):
        service = BackupService(store)
        for backup in service.backups(service.default_dir()):
            candidates.append(
                (KeyFile.path_for(backup), T("der Sicherung {name}", name=backup.name))
            )
    try:
        own_id = KeyFile.load(KeyFile.path_for(path)).database_id
    except SroCaseError:
        return []
    found: list[audit.AnchorSource] = []
    for key_path, where in candidates:
        try:
            keys = KeyFile.load(key_path)
        except SroCaseError:
            continue
        if keys.anchor is not None and keys.database_id == own_id:
            found.append(audit.AnchorSource(where, keys.anchor))
    return found
