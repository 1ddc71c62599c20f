"""#17: a single PC's encrypted database moved onto the team server – all or nothing, counts
compared, the file's audit chain verified and summarised, a second run refused, a damaged
file refused without a trace on the server."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from sro_case.clock import FixedClock
from sro_case.demo import generate
from sro_case.domain import models as m
from sro_case.errors import DatabaseDamaged, DatabaseExists
from sro_case.server import accounts
from sro_case.server.database import owner_engine, server_engine
from sro_case.server.service import TeamService
from sro_case.server.setup import initialise
from sro_case.server.transfer import import_file
from sro_case.store import create_database
from tests.conftest import FAST_KDF, PASSPHRASE

ADMIN = "Warnowufer Fähre 2026 Admin"
WOEHLK = "Katrin Wöhlk im ASD Lütten Klein"


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A single PC's file with 25 demo cases (households, notes, helps, conferences, goals)."""
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    created = create_database(tmp_path / "akten.db", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    generate(created.store, 25, seed=5)
    # a city-size budget: more than 2**31 cents (PostgreSQL's INTEGER would overflow)
    created.store.catalog.set_budget("evershagen", 2026, 13_292_000_000)
    created.store.close()
    return tmp_path / "akten.db"


def _count(url: str, sql: str) -> int:
    engine = owner_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT set_config('sro.role', 'system', false)"))
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def test_a_file_moves_whole_and_only_once(pg_url: str, filled: Path) -> None:
    clock = FixedClock(datetime(2026, 11, 26, 9, 0))
    initialise(pg_url, "admin", ADMIN, clock=clock)
    report = import_file(pg_url, filled, PASSPHRASE, clock=clock)
    assert report.counts["case_file"] == 25 and report.counts["person"] > 25
    assert report.audit_entries > 0 and len(report.audit_head) == 64
    assert "demo.woehlk" in report.new_accounts
    assert _count(pg_url, "SELECT count(*) FROM case_file") == 25
    assert _count(pg_url, "SELECT max(amount_cents) FROM budget") == 13_292_000_000
    summary = _count(
        pg_url,
        "SELECT count(*) FROM audit_event WHERE action = 'import' AND detail LIKE '%geprüft%'",
    )
    assert summary == 1
    # the search index was built from the rows; new rows continue behind the copied ids
    assert _count(pg_url, "SELECT count(*) FROM case_search") == 25
    # a worker of the file signs in once the admin completed her account, and sees her cases
    engine = server_engine(pg_url, pool_size=2)
    try:
        admin = TeamService(engine, accounts.sign_in(engine, "admin", ADMIN, clock).account, clock)
        admin.add_user(
            m.UserDraft("demo.woehlk", "Katrin Wöhlk", "caseworker"), WOEHLK, discipline="asd"
        )
        woehlk = TeamService(
            engine, accounts.sign_in(engine, "demo.woehlk", WOEHLK, clock).account, clock
        )
        mine = woehlk.list_cases(limit=1000)
        assert mine and all(c.lead_worker == "Katrin Wöhlk" for c in mine)
        new = woehlk.create_case(
            m.CaseDraft("51.2-2026-099999", m.FamilyDraft("Familie Neu", "evershagen"))
        )
        assert new.id > 25
    finally:
        engine.dispose()
    with pytest.raises(DatabaseExists, match="bereits"):
        import_file(pg_url, filled, PASSPHRASE, clock=clock)


def test_a_file_with_a_broken_audit_chain_is_refused_and_nothing_moves(
    pg_url: str, filled: Path
) -> None:
    from sro_case.store import unlock

    with unlock(filled, PASSPHRASE) as store, store.write() as s:  # the log edited in the file
        s.execute(text("UPDATE audit_event SET detail = 'nichts' WHERE seq = 2"))
    initialise(pg_url, "admin", ADMIN)
    with pytest.raises(DatabaseDamaged):
        import_file(pg_url, filled, PASSPHRASE)
    assert _count(pg_url, "SELECT count(*) FROM case_file") == 0
    assert _count(pg_url, "SELECT count(*) FROM app_user") == 1
