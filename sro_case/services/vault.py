"""Creating, unlocking and re-keying the encrypted database and its key file."""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain.catalogues import catalogue
from sro_case.errors import DatabaseDamaged, DatabaseExists, DatabaseMissing
from sro_case.services.store import Store
from sro_case.storage import migrate
from sro_case.storage.engine import connect_raw, database_salt, open_engine
from sro_case.storage.files import fsync_dir, fsync_file
from sro_case.storage.keyfile import (
    DEFAULT_KDF,
    PASSPHRASE,
    RECOVERY,
    MIN_PASSPHRASE_LENGTH,
    KdfParams,
    KeyFile,
    check_passphrase,
    new_database_id,
    new_database_key,
    new_recovery_key,
)
from sro_case.storage.orm import MetaRecord, SocialSpaceRecord, UserRecord

RECOVERY_LABEL = "wiederherstellung"
__all__ = ["MIN_PASSPHRASE_LENGTH", "CreatedDatabase", "change_passphrase", "create_database", "unlock", "verify_passphrase"]


@dataclass(frozen=True)
class CreatedDatabase:
    store: Store
    recovery_key: str  # show once, print, keep safe; it is stored nowhere in plain text


def create_database(
    path: Path,
    passphrase: str,
    *,
    admin_login: str = "admin",
    admin_name: str = "Administrator/in",
    kdf: KdfParams = DEFAULT_KDF,
    clock: Clock = SYSTEM_CLOCK,
) -> CreatedDatabase:
    """A new encrypted database with one admin slot and a recovery slot."""
    path = Path(path)
    key_path = KeyFile.path_for(path)
    if path.exists() or key_path.exists():
        raise DatabaseExists(
            f"Unter {path} gibt es bereits eine Datenbank oder Schlüsseldatei; "
            "sie wird nicht überschrieben."
        )
    check_passphrase(passphrase)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = new_database_key()
    database_id = new_database_id()
    recovery = new_recovery_key()
    try:
        engine = open_engine(path, key, create=True)
        migrate.upgrade(engine)
        store = Store(path, engine, actor=admin_login, role="admin", clock=clock)
        with store.write() as s:
            s.add(MetaRecord(key="database_id", value=database_id))
            for item in catalogue("social_spaces"):
                s.add(
                    SocialSpaceRecord(
                        code=item.code,
                        name=item.name,
                        district_group=item.get("district_group", ""),
                        is_model_region=bool(item.get("is_model_region", False)),
                    )
                )
            s.add(
                UserRecord(login=admin_login, name=admin_name, role="admin", created_at=clock.now())
            )
            store.audit(s, "create", "database", detail="Datenbank angelegt")
        keys = KeyFile(database_id, database_salt(path))
        keys = keys.with_slot(key, passphrase, kind=PASSPHRASE, label=admin_login, kdf=kdf)
        keys = keys.with_slot(key, recovery, kind=RECOVERY, label=RECOVERY_LABEL, kdf=kdf)
        keys.save(key_path)
    except BaseException:
        with contextlib.suppress(Exception):
            engine.dispose()  # type: ignore[possibly-undefined]
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), key_path):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return CreatedDatabase(store, recovery)


def _key_from_slots(
    path: Path, passphrase: str | None, recovery_key: str | None, user: str | None
) -> tuple[bytes, KeyFile, str]:
    path = Path(path)
    if not path.is_file():
        raise DatabaseMissing(f"Die Datenbank {path} existiert nicht.")
    keys = KeyFile.load(KeyFile.path_for(path))
    if recovery_key is not None:
        return keys.unlock(recovery_key, kind=RECOVERY), keys, RECOVERY_LABEL
    key, slot = keys.open_slot(passphrase or "", kind=PASSPHRASE, label=user)
    return key, keys, slot.label  # the slot that opened names the user


def unlock(
    path: Path,
    passphrase: str | None = None,
    *,
    recovery_key: str | None = None,
    user: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
    upgrade: bool = True,
) -> Store:
    """Open the database. WrongPassphrase leaves every file untouched."""
    path = Path(path)
    key, keys, login = _key_from_slots(path, passphrase, recovery_key, user)
    if keys.db_salt and database_salt(path) != keys.db_salt:
        raise DatabaseDamaged(
            f"Die Schlüsseldatei gehört nicht zu der Datenbank {path.name}, oder der Anfang der "
            "Datenbankdatei ist beschädigt. Stellen Sie beide zusammen aus einer Sicherung wieder her."
        )
    engine = open_engine(path, key)
    try:
        current = migrate.check_not_newer(engine)
        if upgrade and current != migrate.head_revision():
            if current is not None:
                backup_before_upgrade(path, key, current)
            migrate.upgrade(engine)
        role = "admin"
        with engine.connect() as conn:
            row = conn.execute(
                select(UserRecord.role, UserRecord.active).where(UserRecord.login == login)
            ).one_or_none()
        if row is not None:
            role = row.role
        return Store(path, engine, actor=login or RECOVERY_LABEL, role=role, clock=clock)
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseDamaged(damaged_message(path)) from exc
    except BaseException:
        engine.dispose()
        raise


def damaged_message(path: Path) -> str:
    return (
        f"Die Datenbank {Path(path).name} ist beschädigt: Teile der Datei lassen sich nicht "
        "entschlüsseln oder lesen. Stellen Sie sie aus der letzten Sicherung wieder her."
    )


def verify_passphrase(path: Path, passphrase: str, *, user: str | None = None) -> str:
    """Check a passphrase against the key file without opening the database (unlocking a
    locked window). Returns the login of the slot it opens; raises WrongPassphrase."""
    _key, _keys, login = _key_from_slots(Path(path), passphrase, None, user)
    return login


def backup_before_upgrade(path: Path, key: bytes, revision: str) -> Path:
    """An encrypted copy (same key) of the database, and its key file, before a schema upgrade."""
    target = migrate.pre_upgrade_backup_path(path, revision)
    conn = connect_raw(path, key)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()
    fsync_file(target)
    shutil.copy2(KeyFile.path_for(path), KeyFile.path_for(target))
    fsync_file(KeyFile.path_for(target))
    fsync_dir(target.parent)
    return target


def change_passphrase(
    path: Path,
    old: str,
    new: str,
    *,
    user: str | None = None,
    kdf: KdfParams | None = None,
) -> None:
    """Rewrap the user's slot. The key file is replaced atomically: old or new, never neither."""
    path = Path(path)
    check_passphrase(new)
    key, keys, login = _key_from_slots(path, old, None, user)
    current_kdf = next(s.kdf for s in keys.slots if s.kind == PASSPHRASE and s.label == login)
    keys = keys.with_slot(key, new, kind=PASSPHRASE, label=login, kdf=kdf or current_kdf)
    keys.save(KeyFile.path_for(path))


def database_id(store: Store) -> str:
    with store.read() as s:
        return s.execute(text("SELECT value FROM meta WHERE key = 'database_id'")).scalar_one()
