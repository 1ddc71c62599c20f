"""Alembic revisions: the only way the schema changes; older databases are backed up, then upgraded."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from sro_case.domain.models import CaseFilter
from sro_case.storage import migrate
from sro_case.storage.engine import database_salt, open_engine
from sro_case.storage.keyfile import PASSPHRASE as SLOT_PASSPHRASE
from sro_case.storage.keyfile import KeyFile, new_database_key
from sro_case.storage.orm import Base
from sro_case.store import unlock
from tests.conftest import FAST_KDF, PASSPHRASE


def make_database_at(path: Path, revision: str) -> None:
    """A database as the first release left it, with a case in it."""
    key = new_database_key()
    engine = open_engine(path, key, create=True)
    migrate.upgrade(engine, revision)
    now = datetime(2026, 1, 5, 9, 0)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta(key, value) VALUES ('database_id', 'old-db')"))
        conn.execute(
            text(
                "INSERT INTO social_space(id, code, name, district_group, is_model_region) "
                "VALUES (1, 'toitenwinkel', 'Toitenwinkel', 'Ost', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO app_user(id, login, name, role, active, created_at) "
                "VALUES (1, 'admin', 'Admin', 'admin', 1, :now)"
            ),
            {"now": now},
        )
        conn.execute(
            text(
                "INSERT INTO family(id, display_name, street, postal_code, city, social_space_id) "
                "VALUES (1, 'Familie Meier', 'Am Strand 1', '18147', 'Rostock', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO person(id, family_id, role, first_name, last_name, birth_date, sex) "
                "VALUES (1, 1, 'child', 'Jördis', 'Meier', '2016-04-01', 'female')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO case_file(id, file_number, family_id, social_space_id, opened_on, "
                "status, reason_for_contact, focus_areas, child_protection, legal_hold) "
                "VALUES (1, '51.2-2026-000001', 1, 1, '2026-01-05', 'eingang', 'Anfrage Schule', "
                "'schule', 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO case_note(id, case_id, occurred_on, kind, participants, text, entrusted) "
                "VALUES (1, 1, '2026-01-06', 'phone', '', 'Telefonat mit der Schule', 0)"
            )
        )
    engine.dispose()
    keys = KeyFile("old-db", database_salt(path)).with_slot(
        key, PASSPHRASE, kind=SLOT_PASSPHRASE, label="admin", kdf=FAST_KDF
    )
    keys.save(KeyFile.path_for(path))


def test_revision_chain_is_linear_and_starts_at_0001() -> None:
    revisions = migrate.known_revisions()
    assert {"0001", "0002", "0003", "0004"} <= revisions
    assert migrate.head_revision() == max(revisions)


def test_first_revision_upgrades_to_head_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "alt.db"
    make_database_at(path, "0001")
    with unlock(path, PASSPHRASE) as store:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        detail = store.cases.get(store.cases.id_for("51.2-2026-000001"))
        assert detail.family.persons[0].first_name == "Jördis"
        assert detail.reason_for_contact == "Anfrage Schule"
        assert [n.text for n in detail.notes] == ["Telefonat mit der Schule"]
        assert detail.pseudonymize is False  # 0003 added the column with its default
        # 0002 filled the search index for cases that existed before it.
        hits = store.cases.list(CaseFilter(search="Maier"))
        assert [h.file_number for h in hits] == ["51.2-2026-000001"]
        assert store.maintenance.check().integrity == "ok"
    backups = list(tmp_path.glob("alt.vor-update-0001-*.db"))
    assert len(backups) == 1, "the old file is backed up before the upgrade"
    assert KeyFile.path_for(backups[0]).exists()
    # The backup is still at the old revision and opens with the same passphrase.
    with unlock(backups[0], PASSPHRASE, upgrade=False) as old:
        assert migrate.current_revision(old.engine) == "0001"


def test_models_and_migrations_agree(store) -> None:  # type: ignore[no-untyped-def]
    """A model change without a migration fails here."""
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The FTS5 search index (0002) is maintained by hand and the statistics tally (0008) by
    # triggers; neither is mapped.
    unmapped = ("case_search", "tally_")
    diff = [
        d
        for d in diff
        if not (
            (d[0] == "remove_table" and d[1].name.startswith(unmapped))
            or (d[0] == "remove_index" and d[1].table.name.startswith(unmapped))
        )
    ]
    assert diff == []
