"""Key rotation: a new random database key; old secrets and old key files stop working;
interrupted at any step, the database opens with the same passphrase and all its rows.
(The SIGKILL variant is in tests/test_crash_safety.py.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from sro_case.domain.models import UserDraft
from sro_case.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    PermissionDenied,
    ValidationError,
    WrongPassphrase,
)
from sro_case.services import demo, keys
from sro_case.services.backup import Digest, database_digest
from sro_case.services.keys import STEPS, rotate_key
from sro_case.services.vault import (
    add_user_slot,
    database_key,
    probe_key,
    unlock,
)
from sro_case.storage.engine import connect_raw, database_salt
from sro_case.storage.keyfile import RECOVERY, KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE

AUDIT = ("audit_event", "meta")
PETRA = "Petras eigene Passphrase"


def _content(path: Path, key: bytes) -> Digest:
    conn = connect_raw(path, key)
    try:
        conn.execute("BEGIN")
        return database_digest(conn, exclude=AUDIT)
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


def test_rotation_gives_a_new_key_and_keeps_every_row(closed_db, clock) -> None:  # type: ignore[no-untyped-def]
    db, old_key, before, old_recovery = closed_db
    old_key_file = KeyFile.path_for(db).read_bytes()
    result = rotate_key(db, PASSPHRASE, clock=clock)
    assert result.kept == ("admin",) and result.dropped == ("petra",)
    assert "petra" in result.summary()
    assert not probe_key(db, old_key), "the old key opens nothing any more"
    with unlock(db, PASSPHRASE, clock=clock) as store:
        new_key = database_key(store)
        assert new_key != old_key
        assert store.maintenance.check().ok
        info = store.maintenance.info()
        with store.read() as s:
            last = s.execute(
                text("SELECT actor, action, detail FROM audit_event ORDER BY seq DESC")
            ).first()
    assert tuple(last)[:2] == ("admin", "rotate_key") and "petra" in last.detail
    assert info.counts["Fälle"] == 60
    assert _content(db, new_key) == before
    loaded = KeyFile.load(KeyFile.path_for(db))
    assert not loaded.pending
    assert loaded.db_salt == database_salt(db), "an in-place rekey keeps the salt"
    # The new recovery key opens, the old one does not; Petra needs a new slot.
    with pytest.raises(WrongPassphrase):
        unlock(db, recovery_key=old_recovery)
    unlock(db, recovery_key=result.recovery_key).close()
    with pytest.raises(WrongPassphrase):
        unlock(db, PETRA, user="petra")
    # A copy of the old key file (from a backup, say) unwraps only the old, dead key.
    stolen = KeyFile.path_for(db.with_name("gestohlen.db"))
    stolen.write_bytes(old_key_file)
    assert KeyFile.load(stolen).unlock(PETRA) == old_key


def test_rotation_can_carry_other_passphrases_over(closed_db, clock) -> None:  # type: ignore[no-untyped-def]
    db, _old_key, before, _rec = closed_db
    result = rotate_key(db, PASSPHRASE, keep={"petra": PETRA}, clock=clock)
    assert set(result.kept) == {"admin", "petra"} and result.dropped == ()
    with unlock(db, PETRA, clock=clock) as store:
        assert store.actor == "petra" and store.role == "caseworker"
        assert _content(db, database_key(store)) == before


def test_a_wrong_kept_passphrase_changes_nothing(closed_db) -> None:  # type: ignore[no-untyped-def]
    db, old_key, _before, _rec = closed_db
    files = [_sha(db), _sha(KeyFile.path_for(db))]
    with pytest.raises(WrongPassphrase, match="petra"):
        rotate_key(db, PASSPHRASE, keep={"petra": "falsch falsch falsch"})
    assert [_sha(db), _sha(KeyFile.path_for(db))] == files
    assert probe_key(db, old_key)


def test_only_admins_rotate(closed_db) -> None:  # type: ignore[no-untyped-def]
    db, _old_key, _before, _rec = closed_db
    files = [_sha(db), _sha(KeyFile.path_for(db))]
    with pytest.raises(PermissionDenied, match="Administration"):
        rotate_key(db, PETRA, user="petra")
    assert [_sha(db), _sha(KeyFile.path_for(db))] == files


def test_rotation_with_the_recovery_key(closed_db, clock) -> None:  # type: ignore[no-untyped-def]
    db, _old_key, before, recovery = closed_db
    with pytest.raises(ValidationError, match="Mindestens eine Passphrase"):
        rotate_key(db, recovery_key=recovery)
    result = rotate_key(db, recovery_key=recovery, keep={"admin": PASSPHRASE}, clock=clock)
    assert result.kept == ("admin",)
    with unlock(db, PASSPHRASE, clock=clock) as store:
        assert _content(db, database_key(store)) == before
    assert sum(s.kind == RECOVERY for s in KeyFile.load(KeyFile.path_for(db)).slots) == 1


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


def test_a_user_left_out_of_a_finished_rotation_is_told(closed_db, clock) -> None:  # type: ignore[no-untyped-def]
    """Crash after the rekey: Petra's old slot still exists, but opens only the dead key."""
    db, _old_key, _before, _rec = closed_db

    def crash(step: str) -> None:
        if step == "rekeyed":
            raise Crash(step)

    with pytest.raises(Crash):
        rotate_key(db, PASSPHRASE, on_step=crash)
    with pytest.raises(WrongPassphrase, match="nicht übernommen"):
        unlock(db, PETRA, user="petra", clock=clock)
    unlock(db, PASSPHRASE, clock=clock).close()
