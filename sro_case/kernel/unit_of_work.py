"""The kernel every feature works through: an unlocked database's engine, the signed-in
user, the clock, units of work, audit entries and role checks.

A SQLAlchemy session lives for one user action (``read()`` / ``write()``) in one thread.
The store is thread-safe in the sense the UI needs: the GUI runs all database work on one
worker thread, and each action opens its own session from the pool.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Self

from sqlalchemy import Engine, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain.messages import T
from sro_case.errors import Conflict, PermissionDenied
from sro_case.kernel import audit
from sro_case.storage.engine import WRITE_OPTION, optimize
from sro_case.storage.orm import AuditEventRecord, CaseRecord

# audited actions that change nothing of a case (they leave its version as it is)
READS = ("read", "export", "denied")
CHANGES_CHANNEL = "sro_case_changes"  # PostgreSQL NOTIFY channel of changed cases (team server)

if TYPE_CHECKING:
    from sro_case.storage.keyfile import Identity


def database_id(session: Session) -> str:
    """The database's identity (``meta.database_id``), which key slots, wraps and sealed
    entries are bound to."""
    return str(
        session.execute(text("SELECT value FROM meta WHERE key = 'database_id'")).scalar_one()
    )


class UnitOfWork:
    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        actor: str,
        role: str,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.path = Path(path)
        self.engine = engine
        self.actor = actor
        self.role = role
        self.clock = clock
        # the signed-in user's key pair (set by ``vault``): signs audit entries, opens § 65
        # entries; None for a database still on a version 1 key file
        self.identity: Identity | None = None
        self.use_engine(engine)

    def use_engine(self, engine: Engine) -> None:
        """Work through ``engine`` from now on (after the database key was renewed)."""
        self.engine = engine
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    # -- units of work ---------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything inside, audit entries included, commits or nothing does."""
        with self._writer() as session, session.begin():
            yield session

    def audit(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: int | None = None,
        *,
        case_id: int | None = None,
        detail: str = "",
    ) -> None:
        if case_id is not None and action not in READS:
            # every change of a case makes it a new version (``expect_version``)
            session.execute(
                update(CaseRecord)
                .where(CaseRecord.id == case_id)
                .values(version=CaseRecord.version + 1)
            )
            if session.get_bind().dialect.name == "postgresql":
                # the team server's clients learn of it at commit (``server.events``)
                session.execute(
                    text("SELECT pg_notify(:channel, :case)"),
                    {"channel": CHANGES_CHANNEL, "case": str(case_id)},
                )
        audit.append(
            session,
            at=self.clock.now(),
            actor=self.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            detail=detail,
            signer=self.identity,
        )

    def check_version(self, session: Session, case_id: int, expected: int | None) -> None:
        """Refuse (``Conflict``, naming both versions and who saved the newer one) unless the
        case is still at ``expected``; the case row stays locked until the transaction ends, so
        no one saves in between. ``None``: no check."""
        if expected is None:
            return
        current = session.execute(
            select(CaseRecord.version).where(CaseRecord.id == case_id).with_for_update()
        ).scalar_one_or_none()
        if current is None or current == expected:
            return
        last = session.execute(
            select(AuditEventRecord.actor, AuditEventRecord.at)
            .where(AuditEventRecord.case_id == case_id, AuditEventRecord.action.not_in(READS))
            .order_by(AuditEventRecord.seq.desc())
            .limit(1)
        ).first()
        who, when = (last[0], f"{last[1]:%d.%m.%Y %H:%M}") if last else ("?", "?")
        raise Conflict(
            T(
                "Der Fall wurde inzwischen geändert: Version {current} von {who} am {when} Uhr; "
                "Ihre Eingaben beruhen auf Version {expected}. Nichts wurde überschrieben – "
                "laden Sie den Fall neu und übernehmen Sie Ihre Eingaben.",
                current=current,
                who=who,
                when=when,
                expected=expected,
            )
        )

    def require_role(self, *roles: str) -> None:
        if self.role not in roles:
            raise PermissionDenied(
                "Ihre Rolle erlaubt diese Aktion nicht. Wenden Sie sich an die Administration."
            )

    def require_case_access(self) -> None:
        """Controlling sees anonymised figures only, never a case file."""
        self.require_role("caseworker", "facilitator", "admin")

    def release_caches(self) -> None:
        """Locked: close pooled connections and their decrypted page caches."""
        self.engine.dispose()

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after bulk writes and on closing)."""
        with contextlib.suppress(DBAPIError), self.write() as s:
            optimize(s.connection())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
