"""#17: one Alembic revision chain for the encrypted file and the team server's PostgreSQL,
with the dialect differences inside the revisions, tested on a real PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from sro_case.clock import FixedClock
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


def test_the_owner_upgrades_a_team_database_with_cases_and_the_search_finds_them() -> None:
    """Revision 0012 fills the search words from the cases of an existing team database – run
    by the schema's owner as the city's IT has it: no superuser, so the forced policies hold
    for it, and the revision must lift them for its own transaction."""
    import psycopg

    from sro_case.domain import models as m
    from sro_case.server import setup
    from sro_case.server.database import system_session
    from tests.postgres import team_database, temporary_postgres

    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    with temporary_postgres() as server:
        with psycopg.connect(server.get_uri(), autocommit=True) as conn:
            conn.execute("CREATE ROLE city_owner LOGIN CREATEROLE")
            conn.execute("CREATE DATABASE team OWNER city_owner")
        uri = server.get_uri("team").replace("postgres:", "city_owner:", 1)
        url = uri.replace("postgresql://", "postgresql+psycopg://", 1)
        person = ("anna", "Anna Asmus", "asd", "Anna arbeitet im ASD seit 2019")
        engine, people = team_database(url, clock, person)
        try:
            people["anna"].create_case(
                m.CaseDraft(
                    "51.2-2026-000007",
                    m.FamilyDraft("Familie Wöhlk", "evershagen"),
                    (m.PersonDraft("Ida", "Wöhlk", date(2016, 4, 1), "female", "child"),),
                )
            )
            owner = create_engine(url)
            cfg = migrate.alembic_config()
            with owner.begin() as conn:
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0011")
            owner.dispose()
            assert setup.upgrade(url) == ("0011", migrate.head_revision())
            with system_session(engine) as s:
                terms = set(s.execute(text("SELECT term FROM case_search_term")).scalars())
            assert {"wohlk", "ida", "51.2-2026-000007", "000007"} <= terms
            assert [c.file_number for c in people["anna"].list_cases("wöhl")] == [
                "51.2-2026-000007"
            ]
        finally:
            engine.dispose()
