"""Schema upgrades through Alembic: back up, refuse the unknown, upgrade."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from sro_case.domain.messages import T
from sro_case.errors import SchemaTooNew
from sro_case.paths import migrations_dir
from sro_case.storage.engine import WRITE_OPTION


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    """The migration scripts, read once per process (compiling them cost 20 ms per unlock)."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the revisions up to ``target`` in one transaction.

    Foreign keys are switched off for the run (SQLite batch mode recreates tables, and dropping
    a parent table with foreign keys on would cascade-delete its children), and checked before
    the commit: a migration that leaves a dangling reference rolls back whole.
    """
    cfg = alembic_config()
    if engine.dialect.name == "postgresql":  # the team server: transactional DDL, no batch mode
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
        return
    with engine.execution_options(**{WRITE_OPTION: True}).connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"migration left dangling references: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def check_not_newer(engine: Engine) -> str | None:
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            T(
                "Diese Datenbank wurde mit einer neueren Version von SRO-Fallmanagement angelegt "
                "(Schemastand {revision}). Bitte installieren Sie die aktuelle Version; "
                "die Datenbank wurde nicht verändert.",
                revision=current,
            )
        )
    return current


def pre_upgrade_backup_path(db_path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.with_name(f"{db_path.stem}.vor-update-{revision}-{stamp}{db_path.suffix}")


@contextmanager
def triggers_suspended(bind: Connection) -> Iterator[None]:
    """For a migration that recreates tables (Alembic's batch mode copies a table, drops it and
    renames the copy): the statistics tally's triggers (revision 0008) refer to several tables
    and would make the rename fail or be dropped with their table. All triggers are dropped for
    the block and created again afterwards exactly as they were.

        with migrate.triggers_suspended(op.get_bind()):
            with op.batch_alter_table("help") as batch: ...
    """
    saved = bind.exec_driver_sql(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql IS NOT NULL "
        "ORDER BY name"
    ).all()
    for name, _sql in saved:
        bind.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in saved:
        bind.exec_driver_sql(sql)
