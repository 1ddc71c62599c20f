"""Key rotation: a new random database key; old secrets and old key files stop working;
interrupted at any step, the database opens with the same passphrase and all its rows.
(The SIGKILL variant is in tests/test_crash_safety.py.)"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from sro_case import demo
from sro_case.accounts import keys
from sro_case.accounts.keys import STEPS, rotate_key
from sro_case.accounts.vault import (
    add_user_slot,
    database_key,
    probe_key,
)
from sro_case.backups.service import Digest, database_digest
from sro_case.domain.models import UserDraft
from sro_case.domain.rules import RECOVERY_LOGIN
from sro_case.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    PermissionDenied,
    ValidationError,
    WrongPassphrase,
)
from sro_case.storage.engine import connect_raw, database_salt
from sro_case.storage.keyfile import RECOVERY, KeyFile
from sro_case.store import unlock
from tests.conftest import FAST_KDF, PASSPHRASE

AUDIT = ("audit_event", "meta")
LEGACY = (*AUDIT, "app_user")  # the upgrade registers the new public keys there
PETRA = "Petras eigene Passphrase"


def _content(path: Path, key: bytes, exclude: tuple[str, ...] = AUDIT) -> Digest:
    conn = connect_raw(path, key)
    try:
        conn.execute("BEGIN")
        return database_digest(conn, exclude=exclude)
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def closed_db(created, db_path: Path) -> tuple[Path, bytes, Digest, str]:  # type: ignore[no-untyped-def]
    """A filled database with a second user (Fachkraft Petra), closed again."""
    store = created.store
    demo.generate(store, 60, seed=2)
    store.users.add(UserDraft("petra", "Petra Lange", "caseworker"))
    add_user_slot(store, "petra", PETRA, kdf=FAST_KDF)
    key = database_key(store)
    store.close()
    return db_path, key, _content(db_path, key), created.recovery_key


def make_version_1(db: Path, key: bytes, passphrases: dict[str, str], recovery: str) -> None:
    """Turn the key file into what the program wrote before the key hierarchy: every slot
    wraps the raw database key (version 1)."""
    old = KeyFile.load(KeyFile.path_for(db))
    legacy = KeyFile(old.database_id, old.db_salt)
    for login, secret in passphrases.items():
        legacy = replace(
            legacy,
            slots=(
                *legacy.slots,
                legacy.new_slot(key, secret, kind="passphrase", label=login, kdf=FAST_KDF),
            ),
        )
    legacy = replace(
        legacy,
        slots=(
            *legacy.slots,
            legacy.new_slot(key, recovery, kind=RECOVERY, label=RECOVERY_LOGIN, kdf=FAST_KDF),
        ),
    )
    assert legacy.version == 1
    legacy.save(KeyFile.path_for(db))
    conn = connect_raw(db, key)  # and no signatures or registered keys, as before 0010
    try:
        conn.execute("UPDATE audit_event SET signed_by = '', signature = ''")
        conn.execute("UPDATE app_user SET sign_key = ''")
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def legacy_db(closed_db) -> tuple[Path, bytes, Digest, str]:  # type: ignore[no-untyped-def]
    db, key, _before, recovery = closed_db
    make_version_1(db, key, {"admin": PASSPHRASE, "petra": PETRA}, recovery)
    return db, key, _content(db, key, LEGACY), recovery


def test_rotation_gives_a_new_key_and_keeps_everyone_without_their_passphrases(
    closed_db, clock
) -> None:  # type: ignore[no-untyped-def]
    db, old_key, before, old_recovery = closed_db
    old_key_file = KeyFile.path_for(db).read_bytes()
    result = rotate_key(db, PASSPHRASE, clock=clock)
    assert set(result.kept) == {"admin", "petra"} and result.dropped == ()
    assert result.recovery_key is None and "bleibt derselbe" in result.summary()
    assert not probe_key(db, old_key), "the old key opens nothing any more"
    with unlock(db, PASSPHRASE, clock=clock) as store:
        new_key = database_key(store)
        assert new_key != old_key
        assert store.maintenance.check().ok
        assert store.audit_log.verify().ok
        info = store.maintenance.info()
        with store.read() as s:
            last = s.execute(
                text("SELECT actor, action, detail FROM audit_event ORDER BY seq DESC")
            ).first()
    assert tuple(last)[:2] == ("admin", "rotate_key")
    assert info.counts["Fälle"] == 60
    assert _content(db, new_key) == before
    loaded = KeyFile.load(KeyFile.path_for(db))
    assert not loaded.pending
    assert loaded.db_salt == database_salt(db), "an in-place rekey keeps the salt"
    # The same recovery key and Petra's own passphrase open the new key.
    with unlock(db, recovery_key=old_recovery, clock=clock) as store:
        assert database_key(store) == new_key
    with unlock(db, PETRA, user="petra", clock=clock) as store:
        assert store.role == "caseworker" and database_key(store) == new_key
    # A copy of the old key file (from a backup, say) unwraps only the old, dead key.
    stolen = KeyFile.path_for(db.with_name("gestohlen.db"))
    stolen.write_bytes(old_key_file)
    assert KeyFile.load(stolen).unlock(PETRA) == old_key


def test_a_version_1_key_file_becomes_version_2_by_rotation(legacy_db, clock) -> None:  # type: ignore[no-untyped-def]
    db, old_key, before, old_recovery = legacy_db
    result = rotate_key(db, PASSPHRASE, clock=clock)
    assert result.kept == ("admin",) and result.dropped == ("petra",)
    assert result.recovery_key and "petra" in result.summary()
    assert KeyFile.load(KeyFile.path_for(db)).version == 2
    assert not probe_key(db, old_key)
    with unlock(db, PASSPHRASE, clock=clock) as store:
        assert store.identity is not None and store.role == "admin"
        assert _content(db, database_key(store), LEGACY) == before
        assert store.audit_log.verify().ok
    with pytest.raises(WrongPassphrase):
        unlock(db, recovery_key=old_recovery)
    unlock(db, recovery_key=result.recovery_key).close()
    with pytest.raises(WrongPassphrase):
        unlock(db, PETRA, user="petra")


def test_the_version_1_upgrade_can_carry_other_passphrases_over(legacy_db, clock) -> None:  # type: ignore[no-untyped-def]
    db, _old_key, before, _rec = legacy_db
    result = rotate_key(db, PASSPHRASE, keep={"petra": PETRA}, clock=clock)
    assert set(result.kept) == {"admin", "petra"} and result.dropped == ()
    with unlock(db, PETRA, clock=clock) as store:
        assert store.actor == "petra" and store.role == "caseworker"
        assert _content(db, database_key(store), LEGACY) == before


def test_a_wrong_kept_passphrase_changes_nothing(legacy_db) -> None:  # type: ignore[no-untyped-def]
    db, old_key, _before, _rec = legacy_db
    files = [_sha(db), _sha(KeyFile.path_for(db))]
    with pytest.raises(WrongPassphrase, match="petra"):
        rotate_key(db, PASSPHRASE, keep={"petra": "falsch falsch falsch"})
    assert [_sha(db), _sha(KeyFile.path_for(db))] == files
    assert probe_key(db, old_key)


def test_version_1_upgrade_with_the_recovery_key_needs_an_admin_passphrase(
    legacy_db, clock
) -> None:  # type: ignore[no-untyped-def]
    db, _old_key, before, recovery = legacy_db
    with pytest.raises(ValidationError, match="Mindestens eine Passphrase"):
        rotate_key(db, recovery_key=recovery)
    result = rotate_key(db, recovery_key=recovery, keep={"admin": PASSPHRASE}, clock=clock)
    assert result.kept == ("admin",)
    with unlock(db, PASSPHRASE, clock=clock) as store:
        assert _content(db, database_key(store), LEGACY) == before
    assert sum(s.kind == RECOVERY for s in KeyFile.load(KeyFile.path_for(db)).slots) == 1


def test_only_admins_rotate(closed_db) -> None:  # type: ignore[no-untyped-def]
    db, _old_key, _before, _rec = closed_db
    files = [_sha(db), _sha(KeyFile.path_for(db))]
    with pytest.raises(PermissionDenied, match="Administration"):
        rotate_key(db, PETRA, user="petra")
    assert [_sha(db), _sha(KeyFile.path_for(db))] == files


def test_rotation_with_the_recovery_key(closed_db, clock) -> None:  # type: ignore[no-untyped-def]
    db, _old_key, before, recovery = closed_db
    result = rotate_key(db, recovery_key=recovery, clock=clock)
    assert set(result.kept) == {"admin", "petra"} and result.recovery_key is None
    with unlock(db, PASSPHRASE, clock=clock) as store:
        assert _content(db, database_key(store)) == before
    unlock(db, recovery_key=recovery).close()


def test_rotation_refuses_while_the_database_is_open(closed_db, clock) -> None:  # type: ignore[no-untyped-def]
    db, old_key, _before, _rec = closed_db
    with unlock(db, PASSPHRASE, clock=clock), pytest.raises(DatabaseInUse, match="noch geöffnet"):
        rotate_key(db, PASSPHRASE)
    assert probe_key(db, old_key)
    assert not KeyFile.load(KeyFile.path_for(db)).pending


class Crash(BaseException):
    """Stands in for a power cut: not an Exception, so nothing catches it on the way."""


@pytest.mark.parametrize("at", STEPS)
def test_interrupted_after_each_step_opens_with_the_same_passphrase(  # type: ignore[no-untyped-def]
    closed_db, clock, at: str
) -> None:
    db, old_key, before, _rec = closed_db

    def crash(step: str) -> None:
        if step == at:
            raise Crash(step)

    with pytest.raises(Crash):
        rotate_key(db, PASSPHRASE, on_step=crash)
    rekeyed = STEPS.index(at) >= STEPS.index("rekeyed")
    assert probe_key(db, old_key) is not rekeyed
    with unlock(db, PASSPHRASE, clock=clock) as store:
        key = database_key(store)
        assert (key != old_key) is rekeyed
        assert store.maintenance.check().ok
    assert _content(db, key) == before
    assert not KeyFile.load(KeyFile.path_for(db)).pending, "unlock finished the rotation"
    rotate_key(db, PASSPHRASE, clock=clock)  # and the next rotation works as usual


def test_a_failing_rekey_leaves_the_old_key(closed_db, monkeypatch, clock) -> None:  # type: ignore[no-untyped-def]
    db, old_key, before, _rec = closed_db

    def broken(*_args: object) -> None:
        raise sqlcipher3.OperationalError("disk I/O error")

    monkeypatch.setattr(keys, "_rekey", broken)
    with pytest.raises(DatabaseDamaged, match="unverändert"):
        rotate_key(db, PASSPHRASE)
    assert not KeyFile.load(KeyFile.path_for(db)).pending
    with unlock(db, PASSPHRASE, clock=clock) as store:
        assert database_key(store) == old_key
    assert _content(db, old_key) == before


def test_a_user_left_out_of_a_finished_upgrade_is_told(legacy_db, clock) -> None:  # type: ignore[no-untyped-def]
    """Crash after the rekey: Petra's old slot still exists, but opens only the dead key."""
    db, _old_key, _before, _rec = legacy_db

    def crash(step: str) -> None:
        if step == "rekeyed":
            raise Crash(step)

    with pytest.raises(Crash):
        rotate_key(db, PASSPHRASE, on_step=crash)
    with pytest.raises(WrongPassphrase, match="nicht übernommen"):
        unlock(db, PETRA, user="petra", clock=clock)
    unlock(db, PASSPHRASE, clock=clock).close()


@pytest.mark.parametrize("at", STEPS)
def test_an_interrupted_upgrade_opens_with_the_same_passphrase(  # type: ignore[no-untyped-def]
    legacy_db, clock, at: str
) -> None:
    db, _old_key, before, _rec = legacy_db

    def crash(step: str) -> None:
        if step == at:
            raise Crash(step)

    with pytest.raises(Crash):
        rotate_key(db, PASSPHRASE, on_step=crash)
    with unlock(db, PASSPHRASE, clock=clock) as store:
        assert store.maintenance.check().ok
        assert _content(db, database_key(store), LEGACY) == before
    assert not KeyFile.load(KeyFile.path_for(db)).pending
