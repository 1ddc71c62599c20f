"""``sro-case server init``: a team database on PostgreSQL – the schema by the one Alembic
revision chain, the server's database role with its grants, the row-level security policies,
the catalogue's Sozialräume and the first admin (separation of duties: admins manage accounts
and never read case files)."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, inspect, text

from sro_case.cases.catalog import seeded_social_spaces
from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain import rules
from sro_case.domain.messages import T
from sro_case.domain.models import UserDraft
from sro_case.errors import DatabaseExists, DatabaseMissing
from sro_case.kernel import audit
from sro_case.server import policies
from sro_case.server.accounts import hash_passphrase
from sro_case.server.database import APP_ROLE, owner_engine, system_session
from sro_case.server.policies import PERSON_ROLE, SYSTEM_ROLE
from sro_case.storage import migrate
from sro_case.storage.keyfile import check_passphrase
from sro_case.storage.orm import MetaRecord, UserRecord

GRANTS = (
    f"GRANT USAGE ON SCHEMA public TO {APP_ROLE}",
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE}",
    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE}",
    # the audit log: the server can add entries, never change or remove one
    f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM {APP_ROLE}",
    # the schema changes only through `server init` / upgrades, as the owner
    f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {APP_ROLE}",
)


def install_roles(conn_engine: Engine) -> None:
    """The server's role (no login, no BYPASSRLS), its grants and the policies; again after
    every upgrade (new tables)."""
    with conn_engine.begin() as conn:
        conn.execute(
            text(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                f"'{APP_ROLE}') THEN CREATE ROLE {APP_ROLE} NOLOGIN NOBYPASSRLS NOSUPERUSER; "
                "END IF; END $$"
            )
        )
        conn.execute(text(f"GRANT {APP_ROLE} TO CURRENT_USER"))
        # the roles a transaction switches to (``database.set_context``): members of the base
        # role (its grants), each with its own policies; the owner may switch to them
        for role in (PERSON_ROLE, SYSTEM_ROLE):
            conn.execute(
                text(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                    f"'{role}') THEN CREATE ROLE {role} NOLOGIN NOBYPASSRLS NOSUPERUSER "
                    f"IN ROLE {APP_ROLE}; END IF; END $$"
                )
            )
            conn.execute(text(f"GRANT {role} TO CURRENT_USER"))
        for statement in GRANTS:
            conn.execute(text(statement))
        policies.install(conn)


def upgrade(url: str) -> tuple[str | None, str]:
    """An existing team database to this version: the new revisions, then the role's grants
    and the policies again. Returns (revision before, revision now)."""
    engine = owner_engine(url)
    try:
        if not inspect(engine).has_table("alembic_version"):
            raise DatabaseMissing(
                T("In dieser Datenbank ist noch kein Teamserver eingerichtet (server init).")
            )
        before = migrate.current_revision(engine)
        migrate.check_not_newer(engine)
        migrate.upgrade(engine)
        install_roles(engine)
        return before, migrate.head_revision()
    finally:
        engine.dispose()


def initialise(
    url: str,
    admin_login: str,
    passphrase: str,
    *,
    admin_name: str = "Administrator/in",
    clock: Clock = SYSTEM_CLOCK,
) -> None:
    """A new team database at ``url`` (an empty PostgreSQL database; the URL's role becomes
    the schema's owner). Refuses a database that already holds one."""
    check_passphrase(passphrase, user_inputs=(admin_login, admin_name))
    engine = owner_engine(url)
    try:
        if inspect(engine).has_table("alembic_version"):
            raise DatabaseExists(
                T("In dieser Datenbank ist der Teamserver bereits eingerichtet; nichts verändert.")
            )
        migrate.upgrade(engine)
        install_roles(engine)
        with system_session(engine) as s:
            s.add(MetaRecord(key="database_id", value=str(uuid.uuid4())))
            s.add_all(seeded_social_spaces())
            admin = rules.check_user(UserDraft(admin_login, admin_name, "admin"))
            s.add(
                UserRecord(
                    login=admin.login,
                    name=admin.name,
                    role="admin",
                    created_at=clock.now(),
                    passphrase_hash=hash_passphrase(passphrase),
                )
            )
            audit.append(
                s,
                at=clock.now(),
                actor=admin.login,
                action="create",
                entity="database",
                detail="Teamserver eingerichtet",
            )
    finally:
        engine.dispose()
