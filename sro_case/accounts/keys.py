"""Key rotation: a new random database key, after a user is removed or when the old one may
have leaked.

The database is rekeyed in place (``PRAGMA rekey`` rewrites every page in one transaction),
and the crash safety comes from the order of the steps:

1. The new key is sealed to every slot that stays (``pending`` slots and wraps in the key
   file, beside the current ones).
2. The WAL is checkpointed and the database switched to a rollback journal: SQLCipher 4
   rekeys safely only there, and the rollback journal keeps the old pages (encrypted with the
   old key) until the commit deletes it. A crash before that commit is rolled back at the next
   open, whatever key that open uses (the rollback copies raw pages); after it, every page is
   under the new key. The folder is synced so the deleted journal cannot come back.
3. The new key is checked (probe + ``quick_check``) and WAL is switched back on.
4. The pending slots become the slots; the old wraps are gone.

``vault.unlock`` finishes an interrupted rotation: with pending slots present it tries the old
key, then the new one, and keeps the slots of whichever opens the file. So after a crash (or
``kill -9``) at any point the database opens for everyone who stays, and holds all data.

With a version 2 key file the new key is *sealed* to each remaining user's public key, so no
passphrase is needed and nobody who stays is locked out; the recovery key stays the same. Who
stays: every slot whose binding holds and whose key is registered for an active user in the
database (``app_user.sign_key``), and the recovery key. A version 1 key file (every slot
wrapping the raw key) is turned into version 2 by its first rotation: the admin's passphrase
(and those given in ``keep``) get key pairs, everyone else needs a new slot from an admin, and a
new recovery key is made (the old one cannot be carried over without being typed in).
Old backups keep the old key and their own key files.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from sro_case.accounts import vault
from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain.messages import T
from sro_case.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DatabaseMissing,
    PermissionDenied,
    ValidationError,
    WrongPassphrase,
)
from sro_case.storage import lockfile
from sro_case.storage.engine import connect_keyed, connect_raw, key_pragma
from sro_case.storage.files import fsync_dir
from sro_case.storage.keyfile import (
    PASSPHRASE,
    RECOVERY,
    Identity,
    KdfParams,
    KeyFile,
    KeySlot,
    new_database_key,
    new_recovery_key,
)
from sro_case.storage.keypairs import KeyPair, b64

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

STEPS = ("pending_written", "journal_delete", "rekeyed", "verified", "promoted", "audited")


@dataclass(frozen=True)
class RotationResult:
    recovery_key: str | None  # a new one (show once, print, keep safe); None: unchanged
    kept: tuple[str, ...]  # logins whose slots open the new key
    dropped: tuple[str, ...]  # logins that need a new slot from an admin
    seconds: float

    def summary(self) -> str:
        text = f"Der Datenbankschlüssel wurde erneuert ({self.seconds:.1f} s)."
        if self.dropped:
            text += (
                " Ohne Zugang sind jetzt: "
                + ", ".join(self.dropped)
                + ". Richten Sie ihre Zugänge neu ein."
            )
        if self.recovery_key is None:
            text += " Der Wiederherstellungsschlüssel bleibt derselbe."
        return text


def rotate_key(
    path: Path,
    passphrase: str | None = None,
    *,
    recovery_key: str | None = None,
    user: str | None = None,
    keep: Mapping[str, str] | None = None,
    kdf: KdfParams | None = None,
    clock: Clock = SYSTEM_CLOCK,
    on_step: Callable[[str], None] | None = None,
) -> RotationResult:
    """Give the database a new random key (admins only, database closed everywhere).

    ``passphrase`` (or ``recovery_key``) identifies the admin. With a version 2 key file
    everyone who stays keeps access and ``keep`` is not needed; with a version 1 file ``keep``
    maps further logins to their current passphrases to carry them over. ``on_step`` is called
    after each step in ``STEPS`` (progress, tests)."""
    started = time.perf_counter()
    path = Path(path)
    step = on_step or (lambda _name: None)
    if not path.is_file():
        raise DatabaseMissing(T("Die Datenbank {path} existiert nicht.", path=path))
    with lockfile.acquire(path):
        if lockfile.held_count(path) > 1:
            raise DatabaseInUse(
                "Die Datenbank ist in diesem Programm noch geöffnet. Schließen Sie sie, bevor "
                "der Schlüssel erneuert wird."
            )
        opened, keys, login = vault._key_from_slots(path, passphrase, recovery_key, user)
        _require_admin(path, opened.key, login, opened.identity)
        _upgrade_schema(path, opened.key)
        if opened.identity is None:
            return _upgrade_v1(
                path,
                opened.key,
                keys,
                login,
                passphrase,
                recovery_key,
                keep or {},
                kdf,
                clock,
                step,
                started,
            )
        new_key, kept, dropped = _rotate(path, opened.key, keys, opened.identity, (), step)
        vault.append_audit(
            path,
            new_key,
            actor=login,
            clock=clock,
            action="rotate_key",
            detail="Datenbankschlüssel erneuert"
            + (f"; ohne Zugang: {', '.join(dropped)}" if dropped else ""),
            signer=opened.identity,
        )
        step("audited")
    return RotationResult(None, kept, dropped, time.perf_counter() - started)


def rotate_open(
    store: UnitOfWork,
    *,
    remove: tuple[str, ...] = (),
    on_step: Callable[[str], None] | None = None,
) -> RotationResult:
    """Renew the key of the database ``store`` has open (it holds the writer lock), dropping
    the slots of ``remove``. The store works on with the new key. Admins only."""
    started = time.perf_counter()
    step = on_step or (lambda _name: None)
    identity = store.identity
    if identity is None or identity.role != "admin":
        raise PermissionDenied("Nur die Administration kann den Datenbankschlüssel erneuern.")
    path = store.path
    with lockfile.acquire(path):
        old_key = vault.database_key(store)
        keys = KeyFile.load(KeyFile.path_for(path))
        store.engine.dispose()  # the rekey needs the only connection
        new_key = new_database_key()
        assert isinstance(store, vault.VaultStore)
        try:
            _new, kept, dropped = _rotate(path, old_key, keys, identity, remove, step, new_key)
        except BaseException:
            # the store works on with whichever key the file has now
            for candidate in (old_key, new_key):
                if vault.probe_key(path, candidate):
                    store.replace_key(candidate)
                    break
            raise
        store.replace_key(new_key)
    return RotationResult(None, kept, dropped, time.perf_counter() - started)


def remove_after_restore(
    path: Path, key: bytes, signer: Identity, logins: list[str], clock: Clock
) -> None:
    """After an older backup was restored over the live file: the people removed since it
    was made stay removed. Their slots go, the key is renewed for everyone else (the caller
    holds the writer lock), their accounts are switched off and the log says so."""
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from sro_case.kernel import audit
    from sro_case.storage.engine import open_engine
    from sro_case.storage.orm import UserRecord

    keys = KeyFile.load(KeyFile.path_for(path))
    if keys.root_of() != signer.root:  # a backup from before the key hierarchy
        return
    new_key, _kept, _dropped = _rotate(path, key, keys, signer, tuple(logins), lambda _s: None)
    engine = open_engine(path, new_key)
    try:
        with Session(engine) as s, s.begin():
            s.execute(
                update(UserRecord)
                .where(UserRecord.login.in_(logins))
                .values(active=False, sign_key="")
            )
            for login in logins:
                audit.append(
                    s,
                    at=clock.now(),
                    actor=signer.label,
                    action=audit.UNBIND,
                    entity="key_slot",
                    detail=audit.unbind_detail(login),
                    signer=signer,
                )
            audit.append(
                s,
                at=clock.now(),
                actor=signer.label,
                action="rotate_key",
                entity="database",
                detail="Nach der Wiederherstellung erneut entfernt (seit der Sicherung gegangen): "
                + ", ".join(logins)
                + "; Datenbankschlüssel erneuert",
                signer=signer,
            )
    finally:
        engine.dispose()


def _require_admin(path: Path, key: bytes, login: str, identity: Identity | None) -> None:
    if identity is not None:
        if identity.role != "admin":
            raise PermissionDenied("Nur die Administration kann den Datenbankschlüssel erneuern.")
        return
    if login == vault.RECOVERY_LABEL:
        return  # whoever holds the recovery key can do everything anyway
    conn = connect_raw(path, key)
    try:
        row = conn.execute("SELECT role, active FROM app_user WHERE login = ?", (login,)).fetchone()
    finally:
        conn.close()
    if row is None or row[0] != "admin" or not row[1]:
        raise PermissionDenied("Nur die Administration kann den Datenbankschlüssel erneuern.")


def _registered(path: Path, key: bytes) -> dict[str, str]:
    """Active logins and the signing key registered for each."""
    conn = connect_raw(path, key)
    try:
        rows = conn.execute("SELECT login, sign_key FROM app_user WHERE active").fetchall()
    finally:
        conn.close()
    return {str(login): str(sign_key) for login, sign_key in rows}


def _rotate(
    path: Path,
    old_key: bytes,
    keys: KeyFile,
    signer: Identity,
    remove: tuple[str, ...],
    step: Callable[[str], None],
    new_key: bytes | None = None,
) -> tuple[bytes, tuple[str, ...], tuple[str, ...]]:
    """Steps 1-4 for a version 2 key file. Returns the new key, kept and dropped logins."""
    key_path = KeyFile.path_for(path)
    registered = _registered(path, old_key)
    valid = keys.valid_slots(signer.root)
    stays: list[KeySlot] = []
    dropped: list[str] = []
    for slot in keys.slots:
        ok = slot.owner in valid and slot.keys is not None
        if ok and slot.kind == PASSPHRASE:
            assert slot.keys is not None
            ok = slot.label not in remove and registered.get(slot.label) == b64(slot.keys.sign)
        if ok:
            stays.append(slot)
        elif slot.kind == PASSPHRASE:
            dropped.append(slot.label)
    if not any(s.kind == RECOVERY for s in stays) or not any(
        s.kind == PASSPHRASE and s.role == "admin" for s in stays
    ):
        raise ValidationError(
            "Nach dem Schlüsselwechsel hätte keine Administratorin und kein Administrator oder "
            "der Wiederherstellungsschlüssel keinen Zugang mehr; es wurde nichts verändert."
        )
    new_key = new_key or new_database_key()
    wraps = tuple(keys.wrap_for(new_key, slot) for slot in stays)
    keys = keys.with_authority(
        tuple(w for w in keys.authority if w.label not in dropped and w.label not in remove)
    )
    keys.with_pending(tuple(stays), wraps).save(key_path)
    step("pending_written")
    _rekey_or_roll_back(path, old_key, new_key, keys, step)
    keys.with_pending(tuple(stays), wraps).promote_pending().save(key_path)
    step("promoted")
    kept = tuple(s.label for s in stays if s.kind == PASSPHRASE)
    return new_key, kept, tuple(dropped)


def _rekey_or_roll_back(
    path: Path, old_key: bytes, new_key: bytes, keys: KeyFile, step: Callable[[str], None]
) -> None:
    try:
        _rekey(path, old_key, new_key, step)
    except BaseException as exc:
        if vault.probe_key(path, old_key):  # nothing happened: forget the new key
            keys.drop_pending().save(KeyFile.path_for(path))
        if isinstance(exc, sqlcipher3.Error):
            raise DatabaseDamaged(
                T(
                    "Der Schlüssel konnte nicht erneuert werden ({error}). Die Datenbank ist "
                    "unverändert und öffnet weiter mit dem bisherigen Schlüssel.",
                    error=str(exc),
                )
            ) from exc
        raise


def _upgrade_v1(
    path: Path,
    old_key: bytes,
    keys: KeyFile,
    login: str,
    passphrase: str | None,
    recovery_key: str | None,
    keep: Mapping[str, str],
    kdf: KdfParams | None,
    clock: Clock,
    step: Callable[[str], None],
    started: float,
) -> RotationResult:
    """A version 1 key file becomes version 2 in the same crash-safe steps."""
    key_path = KeyFile.path_for(path)
    secrets_of: dict[str, str] = {}
    dropped: list[str] = []
    for slot in keys.slots:
        if slot.kind != PASSPHRASE:
            continue
        if slot.label == login and passphrase is not None:
            secrets_of[slot.label] = passphrase
        elif slot.label in keep:
            try:
                keys.open_slot(keep[slot.label], kind=PASSPHRASE, label=slot.label)
            except WrongPassphrase:
                raise WrongPassphrase(
                    T(
                        "Die Passphrase für „{login}“ ist falsch. Es wurde nichts verändert.",
                        login=slot.label,
                    )
                ) from None
            secrets_of[slot.label] = keep[slot.label]
        else:
            dropped.append(slot.label)
    roles = _active_roles(path, old_key)
    if not any(roles.get(label) == "admin" for label in secrets_of):
        raise ValidationError(
            [
                (
                    "Passphrase",
                    "Mindestens eine Passphrase muss den neuen Schlüssel öffnen; geben Sie die "
                    "Passphrase einer Administratorin oder eines Administrators an.",
                )
            ]
        )
    for label in [label for label in secrets_of if label not in roles]:
        del secrets_of[label]  # a slot without an active user stays behind
        dropped.append(label)
    new_key = new_database_key()
    new_recovery = new_recovery_key()
    root_pair = KeyPair.generate()
    root = root_pair.public.sign
    root_identity = Identity(
        RECOVERY, vault.RECOVERY_LABEL, "admin", root_pair, root, root_pair.sign_private
    )
    old_recovery = next((s for s in keys.slots if s.kind == RECOVERY), None)
    first_kdf = kdf or (old_recovery.kdf if old_recovery else keys.slots[0].kdf)
    fresh = KeyFile(keys.database_id, keys.db_salt)
    pairs: dict[str, KeyPair] = {}
    recovery_slot = fresh.new_owner_slot(
        root_pair,
        root,
        new_recovery,
        kind=RECOVERY,
        label=vault.RECOVERY_LABEL,
        role="admin",
        signer=root_identity,
        kdf=first_kdf,
    )
    fresh = fresh.with_owner_slot(recovery_slot, new_key, root_identity)
    for label, secret in secrets_of.items():
        old_slot = keys.slot_for(label)
        assert old_slot is not None
        pairs[label] = KeyPair.generate()
        slot = fresh.new_owner_slot(
            pairs[label],
            root,
            secret,
            kind=PASSPHRASE,
            label=label,
            role=roles[label],
            signer=root_identity,
            kdf=kdf or old_slot.kdf,
            check=False,
        )
        fresh = fresh.with_owner_slot(slot, new_key, root_identity)
    keys = keys.with_authority(fresh.authority)
    keys.with_pending(fresh.slots, fresh.wraps).save(key_path)
    step("pending_written")
    # the new keys are registered (and bound in the log) while the old key still holds: after
    # a crash the pending slots either open the rekeyed file as registered users, or are
    # dropped with the new key and the version 1 slots work on
    first_signed = _register_v1_upgrade(path, old_key, clock, root_identity, pairs, roles)
    keys = keys.with_signed_from(first_signed, root_identity)
    keys.with_pending(fresh.slots, fresh.wraps).save(key_path)
    _rekey_or_roll_back(path, old_key, new_key, keys, step)
    keys.with_pending(fresh.slots, fresh.wraps).promote_pending().save(key_path)
    step("promoted")
    actor = login if login in pairs else vault.RECOVERY_LABEL
    signer = (
        root_identity
        if actor == vault.RECOVERY_LABEL
        else Identity(PASSPHRASE, actor, "admin", pairs[actor], root)
    )
    vault.append_audit(
        path,
        new_key,
        actor=actor,
        clock=clock,
        action="rotate_key",
        detail="Datenbankschlüssel erneuert und Schlüsseldatei auf Version 2 umgestellt"
        + (f"; ohne Zugang: {', '.join(dropped)}" if dropped else ""),
        signer=signer,
    )
    step("audited")
    return RotationResult(
        new_recovery, tuple(secrets_of), tuple(dropped), time.perf_counter() - started
    )


def _active_roles(path: Path, key: bytes) -> dict[str, str]:
    conn = connect_raw(path, key)
    try:
        rows = conn.execute("SELECT login, role FROM app_user WHERE active").fetchall()
    finally:
        conn.close()
    return {str(login): str(role) for login, role in rows}


def _register_v1_upgrade(
    path: Path,
    key: bytes,
    clock: Clock,
    root: Identity,
    pairs: dict[str, KeyPair],
    roles: dict[str, str],
) -> int:
    """Register the new keys and bind them in the log; returns the first signed entry."""
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from sro_case.kernel import audit
    from sro_case.storage.engine import open_engine
    from sro_case.storage.orm import UserRecord

    engine = open_engine(path, key)
    try:
        with Session(engine) as s, s.begin():
            s.execute(update(UserRecord).values(sign_key=""))
            for label, pair in pairs.items():
                s.execute(
                    update(UserRecord)
                    .where(UserRecord.login == label)
                    .values(sign_key=b64(pair.public.sign))
                )
                vault.audit_bind(s, clock, root, label, roles[label], pair)
            first = audit.head(s)[0] - len(pairs) + 1
    finally:
        engine.dispose()
    return first


def _upgrade_schema(path: Path, key: bytes) -> None:
    """Bring the schema to this version first (the rotation writes its new columns)."""
    from sro_case.storage import migrate
    from sro_case.storage.engine import open_engine

    engine = open_engine(path, key)
    try:
        current = migrate.check_not_newer(engine)
        if current != migrate.head_revision():
            if current is not None:
                vault.backup_before_upgrade(path, key, current)
            migrate.upgrade(engine)
    finally:
        engine.dispose()


def _rekey(path: Path, old_key: bytes, new_key: bytes, step: Callable[[str], None]) -> None:
    conn: Any = connect_keyed(path, old_key)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
        if mode != "delete":
            raise DatabaseInUse(
                "Die Datenbank wird noch von einem anderen Programm benutzt; der Schlüssel wurde "
                "nicht erneuert."
            )
        conn.execute("PRAGMA synchronous = FULL")
        step("journal_delete")
        conn.execute(key_pragma(new_key, name="rekey")).fetchall()
    finally:
        conn.close()
    fsync_dir(path.parent)  # the deleted journal (the commit) is durable before step 4
    step("rekeyed")
    check = connect_raw(path, new_key)  # switches WAL back on
    try:
        result = check.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        raise DatabaseDamaged(
            T(
                "Nach dem Schlüsselwechsel meldet die Prüfung Fehler ({result}). Stellen Sie die "
                "letzte Sicherung wieder her.",
                result=result,
            )
        )
    step("verified")
