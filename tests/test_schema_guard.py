"""Triggers and views planted with the raw database key (issue #14 review): unknown ones are
removed at the next sign-in and the removal is logged; a changed own trigger keeps the file
closed. ``schema_guard.OWN`` matches a freshly migrated database."""

from __future__ import annotations

from pathlib import Path

import pytest

from sro_case.accounts.vault import database_key
from sro_case.errors import DatabaseDamaged
from sro_case.storage import schema_guard
from sro_case.storage.engine import connect_raw
from sro_case.store import unlock
from tests.conftest import PASSPHRASE


def test_the_known_triggers_are_those_of_a_fresh_database(created, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    key = database_key(created.store)
    created.store.close()
    conn = connect_raw(db_path, key)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view')"
    ).fetchall()
    conn.close()
    assert {name: schema_guard.digest(sql) for name, sql in rows} == schema_guard.OWN


def test_a_planted_trigger_is_removed_and_logged(created, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    key = database_key(created.store)
    created.store.close()
    conn = connect_raw(db_path, key)  # the insider, with the raw key
    conn.execute(
        "CREATE TRIGGER wieder_aktiv AFTER UPDATE ON app_user BEGIN "
        "UPDATE app_user SET active = 1 WHERE login = 'petra'; END"
    )
    conn.execute("CREATE VIEW spion AS SELECT * FROM app_user")
    conn.close()
    with unlock(db_path, PASSPHRASE, clock=clock) as store:
        with store.read() as s:
            from sqlalchemy import text

            left = s.execute(
                text("SELECT name FROM sqlite_schema WHERE name IN ('wieder_aktiv', 'spion')")
            ).all()
            last = s.execute(
                text("SELECT detail FROM audit_event ORDER BY seq DESC LIMIT 1")
            ).scalar_one()
        assert left == []
        assert "wieder_aktiv" in last and "spion" in last
        assert store.audit_log.verify().ok


def test_a_changed_own_trigger_keeps_the_file_closed(created, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    key = database_key(created.store)
    created.store.close()
    conn = connect_raw(db_path, key)
    conn.execute("DROP TRIGGER tally_case_delete")
    conn.execute("CREATE TRIGGER tally_case_delete AFTER DELETE ON case_file BEGIN SELECT 1; END")
    conn.close()
    with pytest.raises(DatabaseDamaged, match="veränderte Trigger"):
        unlock(db_path, PASSPHRASE, clock=clock)
