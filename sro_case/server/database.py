"""PostgreSQL for the team server: one engine (a connection pool), every connection acting as
the server's database role ``sro_case_app`` – without BYPASSRLS, and allowed only to insert into
the audit log – and every transaction telling row-level security who is asking."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session

from sro_case.server.policies import PERSON_ROLE, SYSTEM_ROLE, WORKING_ROLES

APP_ROLE = "sro_case_app"
SYSTEM = "system"  # the server's own work (set-up, sign-in): no person's need-to-know applies
STATEMENT_TIMEOUT_MS = 30_000


def sqlalchemy_url(url: str) -> str:
    """``postgresql://…`` as SQLAlchemy's psycopg 3 URL."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise ValueError("Die Datenbankadresse muss mit postgresql:// beginnen.")


def owner_engine(url: str) -> Engine:
    """As the URL's own role: creating the schema and the roles (``server init``)."""
    return create_engine(sqlalchemy_url(url), pool_pre_ping=True)


def server_engine(url: str, *, pool_size: int = 10) -> Engine:
    """The running server's pool: every connection ``SET ROLE sro_case_app``."""
    engine = create_engine(
        sqlalchemy_url(url),
        pool_size=pool_size,
        max_overflow=2 * pool_size,
        pool_pre_ping=True,
        connect_args={"options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"},
    )

    @event.listens_for(engine, "connect")
    def _as_app_role(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET ROLE {APP_ROLE}")
        dbapi_connection.commit()

    return engine


def set_context(session: Session, *, user_id: int | None, role: str) -> None:
    """Who asks, for the row-level security policies; for this transaction only: the database
    role of the transaction (a person of the working roles, the server itself, or the base role
    that sees no case) and the person's id. Only the server's roles switch – the schema's owner
    (set-up, moving a file over) stays itself."""
    target = SYSTEM_ROLE if role == SYSTEM else PERSON_ROLE if role in WORKING_ROLES else APP_ROLE
    session.execute(
        text(
            "SELECT set_config('sro.user_id', :u, true), set_config('sro.role', :r, true), "
            "CASE WHEN current_user IN (:app, :person, :system) "
            "THEN set_config('role', :target, true) END"
        ),
        {
            "u": "" if user_id is None else str(user_id),
            "r": role,
            "app": APP_ROLE,
            "person": PERSON_ROLE,
            "system": SYSTEM_ROLE,
            "target": target,
        },
    )


@contextmanager
def system_session(engine: Engine) -> Iterator[Session]:
    """One transaction of the server's own work (sign-in, set-up)."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        set_context(session, user_id=None, role=SYSTEM)
        yield session
