"""Creating and opening the encrypted database: one place, clear messages, nothing changed on error."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from sro_case.accounts.vault import change_passphrase
from sro_case.errors import (
    DatabaseDamaged,
    DatabaseExists,
    DatabaseMissing,
    KeyFileDamaged,
    KeyFileMissing,
    SchemaTooNew,
    WrongPassphrase,
)
from sro_case.storage.keyfile import KeyFile
from sro_case.store import create_database, unlock
from tests.conftest import FAST_KDF, PASSPHRASE


def _digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths]


def test_database_is_encrypted_and_pragmas_are_set(store, db_path) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")
    # Plain SQLite cannot read it: the file is not a database without the key.
    plain = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()
    assert db_path.read_bytes()[:16] != b"SQLite format 3\x00"


def test_wrong_passphrase_changes_nothing(created, db_path) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    key_path = KeyFile.path_for(db_path)
    files = [db_path, key_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
    before = _digest(*files)
    with pytest.raises(WrongPassphrase) as info:
        unlock(db_path, "das ist nicht richtig")
    assert info.value.exit_code == 3
    assert "falsch" in str(info.value)
    assert _digest(*files) == before


def test_right_passphrase_opens_and_names_user(created, db_path, clock) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    with unlock(db_path, PASSPHRASE, clock=clock) as store:
        assert store.actor == "admin" and store.role == "admin"
        assert store.maintenance.check().ok


def test_damaged_database_is_told_apart(created, db_path) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    data = bytearray(db_path.read_bytes())
    data[20:40] = bytes(20)  # inside page 1, after the salt
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged, match="beschädigt"):
        unlock(db_path, PASSPHRASE)


def test_truncated_database(created, db_path) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    db_path.write_bytes(db_path.read_bytes()[:100])
    with pytest.raises(DatabaseDamaged):
        unlock(db_path, PASSPHRASE)


def test_missing_and_damaged_key_file(created, db_path) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    key_path = KeyFile.path_for(db_path)
    saved = key_path.read_bytes()
    key_path.unlink()
    with pytest.raises(KeyFileMissing, match="Schlüsseldatei"):
        unlock(db_path, PASSPHRASE)
    key_path.write_bytes(saved.replace(b'"slots"', b'"slotz"'))
    with pytest.raises(KeyFileDamaged):
        unlock(db_path, PASSPHRASE)


def test_key_file_of_another_database(created, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    other = create_database(tmp_path / "other.db", PASSPHRASE, kdf=FAST_KDF)
    other.store.close()
    KeyFile.path_for(db_path).write_bytes(KeyFile.path_for(tmp_path / "other.db").read_bytes())
    with pytest.raises(DatabaseDamaged, match="gehört nicht"):
        unlock(db_path, PASSPHRASE)


def test_missing_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DatabaseMissing):
        unlock(tmp_path / "none.db", PASSPHRASE)


def test_create_refuses_to_overwrite(created, db_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DatabaseExists):
        create_database(db_path, PASSPHRASE, kdf=FAST_KDF)


def test_recovery_key_opens_after_passphrase_is_lost(created, db_path) -> None:  # type: ignore[no-untyped-def]
    recovery = created.recovery_key
    created.store.close()
    with pytest.raises(WrongPassphrase):
        unlock(db_path, "vergessen vergessen")
    with unlock(db_path, recovery_key=recovery) as store:
        assert store.actor == "wiederherstellung"
        assert store.maintenance.info().counts["Sozialräume"] == 18


def test_change_passphrase_rewraps_one_slot_only(created, db_path) -> None:  # type: ignore[no-untyped-def]
    recovery = created.recovery_key
    created.store.close()
    db_before = _digest(db_path)
    change_passphrase(db_path, PASSPHRASE, "ganz neue Passphrase ✓")
    assert _digest(db_path) == db_before  # the database itself is not rewritten
    with pytest.raises(WrongPassphrase):
        unlock(db_path, PASSPHRASE)
    unlock(db_path, "ganz neue Passphrase ✓").close()
    unlock(db_path, recovery_key=recovery).close()


def test_schema_from_a_newer_version_is_refused(created, db_path) -> None:  # type: ignore[no-untyped-def]
    with created.store.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    created.store.close()
    before = _digest(db_path)
    with pytest.raises(SchemaTooNew, match="neueren Version"):
        unlock(db_path, PASSPHRASE)
    assert _digest(db_path) == before


def test_sqlcipher_stays_silent_on_a_wrong_key(created, db_path, capfd) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    conn = sqlcipher3.connect(str(db_path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    conn.close()
    with pytest.raises(WrongPassphrase):
        unlock(db_path, "falsch falsch falsch")
    assert "ERROR" not in capfd.readouterr().err
