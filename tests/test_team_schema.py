"""#17: one Alembic revision chain for the encrypted file and the team server's PostgreSQL,
with the dialect differences inside the revisions, tested on a real PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from sro_case.storage import migrate
from sro_case.storage.orm import Base

# maintained by the revisions, not mapped: the search index (0002) and the statistics tally
# (0008; views on PostgreSQL, trigger-kept tables in the file)
UNMAPPED = ("case_search", "tally_")


def _unexpected(diff: list) -> list:  # type: ignore[type-arg]
    return [
        d
        for d in diff
        if not (
            (d[0] == "remove_table" and d[1].name.startswith(UNMAPPED))
            or (d[0] == "remove_index" and d[1].table.name.startswith(UNMAPPED))
        )
    ]


def test_the_revision_chain_builds_the_models_on_postgresql(pg_url: str) -> None:
    engine = create_engine(pg_url)
    try:
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            assert (
                _unexpected(compare_metadata(MigrationContext.configure(conn), Base.metadata)) == []
            )
            views = set(inspect(conn).get_view_names())
            tables = set(inspect(conn).get_table_names())
        assert {"tally_help", "tally_conference", "tally_review", "tally_protection"} <= views
        assert "case_search" in tables
        assert set(Base.metadata.tables) <= tables
    finally:
        engine.dispose()


def test_postgresql_downgrades_to_the_first_revision_and_up_again(pg_url: str) -> None:
    engine = create_engine(pg_url)
    try:
        migrate.upgrade(engine)
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        assert migrate.current_revision(engine) == "0001"
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()
