"""Creating, unlocking and re-keying the encrypted database and its key file.

Everything that needs the database key or changes the key file lives here: unlocking (with the
one-writer lock, failed-login throttling and the completion of an interrupted key rotation),
passphrase changes and the users' own key slots.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Generic, TypeVar

from sqlalchemy import Engine, literal, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sro_case.cases.catalog import seeded_social_spaces
from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain.messages import T
from sro_case.domain.rules import RECOVERY_LOGIN
from sro_case.errors import (
    DatabaseDamaged,
    DatabaseExists,
    DatabaseMissing,
    NotFound,
    PermissionDenied,
    SroCaseError,
    ValidationError,
    WrongPassphrase,
)
from sro_case.kernel import audit
from sro_case.kernel.unit_of_work import UnitOfWork, database_id
from sro_case.storage import lockfile, migrate, schema_guard
from sro_case.storage.engine import connect_raw, database_salt, open_engine
from sro_case.storage.files import atomic_write_bytes, fsync_dir, fsync_file
from sro_case.storage.keyfile import (
    DEFAULT_KDF,
    MIN_PASSPHRASE_LENGTH,
    PASSPHRASE,
    RECOVERY,
    Identity,
    KdfParams,
    KeyFile,
    Opened,
    check_passphrase,
    new_database_id,
    new_database_key,
    new_recovery_key,
)
from sro_case.storage.keypairs import KeyPair, b64
from sro_case.storage.orm import MetaRecord, UserRecord

RECOVERY_LABEL = RECOVERY_LOGIN  # the recovery key acts under this name
THROTTLE_AFTER = 3  # failed attempts before unlock starts to wait
MAX_DELAY_S = 30.0
_MAX_UNREPORTED = 500

__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "CreatedDatabase",
    "KdfParams",
    "VaultStore",
    "add_user_slot",
    "append_audit",
    "attempts_path",
    "change_passphrase",
    "create_database",
    "database_key",
    "probe_key",
    "remove_user_slot",
    "unlock",
    "verify_passphrase",
]

Sleep = Callable[[float], None]


class VaultStore(UnitOfWork):
    """A store opened by this module: it holds the writer lock and knows its database key
    (backups and user slots need it; the engine holds it anyway). Made over another store's
    engine (``key=None``), it is a second user's view without either (tests, tools)."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        actor: str,
        role: str,
        clock: Clock = SYSTEM_CLOCK,
        key: bytes | None = None,
        writer_lock: lockfile.WriterLock | None = None,
        identity: Identity | None = None,
    ) -> None:
        super().__init__(path, engine, actor=actor, role=role, clock=clock)
        self._database_key = key
        self._writer_lock = writer_lock
        self.identity = identity

    def close(self) -> None:
        try:
            if self._writer_lock is not None:
                with contextlib.suppress(Exception):  # closing must not fail over the anchor
                    write_anchor(self)
            super().close()
        finally:
            if self._writer_lock is not None:
                self._writer_lock.release()

    def replace_key(self, key: bytes) -> None:
        """After this store's database was rekeyed in place: a new engine with ``key``."""
        self.engine.dispose()
        engine = open_engine(self.path, key)
        self._database_key = key
        self.use_engine(engine)


S = TypeVar("S", bound=VaultStore)


def write_anchor(store: UnitOfWork) -> None:
    """Keep the audit head, signed, in the key file (outside the database): a log later cut
    back to an earlier entry, even with a recomputed chain, no longer matches it."""
    identity = store.identity
    if identity is None:
        return
    with store.read() as s:
        seq, digest = audit.head(s)
        db_id = database_id(s)
    key_path = KeyFile.path_for(store.path)
    with lockfile.acquire(store.path):
        keys = KeyFile.load(key_path)
        if keys.anchor is not None and (keys.anchor.seq, keys.anchor.hash) == (seq, digest):
            return
        keys.with_anchor(audit.sign_head(identity, db_id, seq, digest)).save(key_path)


def database_key(store: UnitOfWork) -> bytes:
    """The raw database key of a store opened by ``unlock`` or ``create_database``."""
    key = getattr(store, "_database_key", None)
    if not isinstance(key, bytes):
        raise PermissionDenied(
            "Diese Aktion ist nur mit einer über die Anmeldung geöffneten Datenbank möglich."
        )
    return key


@dataclass(frozen=True)
class CreatedDatabase(Generic[S]):
    store: S
    recovery_key: str  # show once, print, keep safe; it is stored nowhere in plain text


def create_database(
    path: Path,
    passphrase: str,
    *,
    admin_login: str = "admin",
    admin_name: str = "Administrator/in",
    kdf: KdfParams = DEFAULT_KDF,
    clock: Clock = SYSTEM_CLOCK,
    opened: type[S],
) -> CreatedDatabase[S]:
    """A new encrypted database with one admin slot and a recovery slot.

    The recovery key's key pair is the root of trust: it binds the admin's slot (and its own);
    the database key is sealed to both."""
    path = Path(path)
    key_path = KeyFile.path_for(path)
    if path.exists() or key_path.exists():
        raise DatabaseExists(
            T(
                "Unter {path} gibt es bereits eine Datenbank oder Schlüsseldatei; "
                "sie wird nicht überschrieben.",
                path=path,
            )
        )
    check_passphrase(passphrase, user_inputs=(admin_login, admin_name))
    path.parent.mkdir(parents=True, exist_ok=True)
    key = new_database_key()
    database_id = new_database_id()
    recovery = new_recovery_key()
    root_pair, admin_pair = KeyPair.generate(), KeyPair.generate()
    root = root_pair.public.sign
    root_identity = Identity(
        RECOVERY, RECOVERY_LABEL, "admin", root_pair, root, root_pair.sign_private
    )
    admin_identity = Identity(
        PASSPHRASE, admin_login, "admin", admin_pair, root, root_pair.sign_private
    )
    writer_lock = lockfile.acquire(path)
    try:
        engine = open_engine(path, key, create=True)
        migrate.upgrade(engine)
        store = opened(
            path,
            engine,
            actor=admin_login,
            role="admin",
            clock=clock,
            key=key,
            writer_lock=writer_lock,
            identity=admin_identity,
        )
        with store.write() as s:
            s.add(MetaRecord(key="database_id", value=database_id))
            s.add_all(seeded_social_spaces())
            s.add(
                UserRecord(
                    login=admin_login,
                    name=admin_name,
                    role="admin",
                    created_at=clock.now(),
                    sign_key=b64(admin_pair.public.sign),
                )
            )
            audit_bind(s, clock, root_identity, admin_login, "admin", admin_pair)
            store.audit(s, "create", "database", detail="Datenbank angelegt")
        keys = KeyFile(database_id, database_salt(path))
        recovery_slot = keys.new_owner_slot(
            root_pair,
            root,
            recovery,
            kind=RECOVERY,
            label=RECOVERY_LABEL,
            role="admin",
            signer=root_identity,
            kdf=kdf,
        )
        admin_slot = keys.new_owner_slot(
            admin_pair,
            root,
            passphrase,
            kind=PASSPHRASE,
            label=admin_login,
            role="admin",
            signer=root_identity,
            kdf=kdf,
        )
        keys = keys.with_owner_slot(recovery_slot, key, root_identity)
        keys = keys.with_owner_slot(admin_slot, key, root_identity)
        keys = keys.with_signed_from(1, root_identity)  # every entry of this log is signed
        keys.save(key_path)
    except BaseException:
        with contextlib.suppress(Exception):
            engine.dispose()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), key_path):
            with contextlib.suppress(OSError):
                leftover.unlink()
        writer_lock.release()
        raise
    return CreatedDatabase(store, recovery)


def audit_bind(
    session: Session, clock: Clock, signer: Identity, login: str, role: str, pair: KeyPair
) -> None:
    """The log's own record of whose key signs as ``login`` from now on (``audit.verify``)."""
    audit.append(
        session,
        at=clock.now(),
        actor=signer.label,
        action=audit.BIND,
        entity="key_slot",
        detail=audit.bind_detail(login, role, pair.public.sign),
        signer=signer,
    )


def _key_from_slots(
    path: Path,
    passphrase: str | None,
    recovery_key: str | None,
    user: str | None,
    *,
    resolve: bool = True,
) -> tuple[Opened, KeyFile, str]:
    """The opened slot (database key, slot, identity), the key file and the login of the
    slot. Completes or rolls back an interrupted key rotation if ``resolve`` (the caller holds
    the writer lock); without it the key file is only read."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseMissing(T("Die Datenbank {path} existiert nicht.", path=path))
    key_path = KeyFile.path_for(path)
    keys = KeyFile.load(key_path)
    kind = RECOVERY if recovery_key is not None else PASSPHRASE
    secret = recovery_key if recovery_key is not None else (passphrase or "")
    label = None if recovery_key is not None else user
    if not keys.pending:
        opened = keys.open(secret, kind=kind, label=label)
        return opened, keys, _login_of(opened.slot.kind, opened.slot.label)

    tried: dict[bool, Opened] = {}
    first_error: SroCaseError | None = None
    for pending in (False, True):
        try:
            tried[pending] = keys.open(secret, kind=kind, label=label, pending=pending)
        except (WrongPassphrase, PermissionDenied) as exc:
            first_error = first_error or exc
    if not tried:
        assert first_error is not None
        raise first_error
    if False in tried and probe_key(path, tried[False].key):
        keys = keys.drop_pending()  # the rekey never committed: the old key stays
        if resolve:
            keys.save(key_path)
        return tried[False], keys, _login_of(tried[False].slot.kind, tried[False].slot.label)
    if True in tried and probe_key(path, tried[True].key):
        keys = keys.promote_pending()  # the rekey committed: finish the rotation
        if resolve:
            keys.save(key_path)
        return tried[True], keys, _login_of(tried[True].slot.kind, tried[True].slot.label)
    if True not in tried:
        raise WrongPassphrase(
            "Der Datenbankschlüssel wurde erneuert und Ihr Zugang dabei nicht übernommen. "
            "Bitten Sie die Administration, Ihren Zugang neu einzurichten."
        )
    raise DatabaseDamaged(damaged_message(path))


def _has_pending(path: Path) -> bool:
    try:
        return bool(KeyFile.load(KeyFile.path_for(path)).pending)
    except SroCaseError:
        return False


def _login_of(kind: str, label: str) -> str:
    return RECOVERY_LABEL if kind == RECOVERY else label


def probe_key(path: Path, key: bytes) -> bool:
    """Does ``key`` open the database? (A hot rollback journal is rolled back first; that
    copy is key-independent, so probing with the wrong key does no harm.)"""
    try:
        connect_raw(Path(path), key).close()
    except DatabaseDamaged:
        return False
    return True


# --------------------------------------------------------------------------- failed logins


def attempts_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".attempts")


@dataclass
class LoginAttempts:
    """Failed logins, kept beside the database until they can be written to its audit log
    (which needs the database open). Login names and times only, nothing else."""

    consecutive: int = 0
    last: str = ""  # ISO time (UTC) of the last failure
    unreported: list[dict[str, str]] = field(default_factory=list)
    dropped: int = 0

    @classmethod
    def load(cls, db_path: Path) -> LoginAttempts:
        try:
            doc = json.loads(attempts_path(db_path).read_text(encoding="utf-8"))
            return cls(
                int(doc.get("consecutive", 0)),
                str(doc.get("last", "")),
                [
                    {"login": str(e.get("login", "")), "at": str(e["at"]), "kind": str(e["kind"])}
                    for e in doc.get("unreported", [])
                ],
                int(doc.get("dropped", 0)),
            )
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # Damaged: keep throttling rather than forget the failures.
            return cls(consecutive=THROTTLE_AFTER)

    def save(self, db_path: Path) -> None:
        path = attempts_path(db_path)
        if not self.consecutive and not self.unreported and not self.dropped:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            return
        doc = {
            "format": "sro-case-attempts",
            "consecutive": self.consecutive,
            "last": self.last,
            "unreported": self.unreported,
            "dropped": self.dropped,
        }
        atomic_write_bytes(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))

    def delay(self, now: datetime) -> float:
        """Seconds to wait before the next attempt: 1, 2, 4, … after the third failure in a
        row, at most MAX_DELAY_S, less the time since the last failure."""
        if self.consecutive < THROTTLE_AFTER:
            return 0.0
        full = min(MAX_DELAY_S, 2.0 ** min(30, self.consecutive - THROTTLE_AFTER))
        try:
            elapsed = (now - datetime.fromisoformat(self.last)).total_seconds()
        except ValueError:
            elapsed = 0.0
        return max(0.0, min(full, full - max(0.0, elapsed)))

    def failed(self, login: str, kind: str, now: datetime) -> None:
        self.consecutive += 1
        self.last = now.isoformat()
        self.unreported.append({"login": login, "at": now.isoformat(), "kind": kind})
        if len(self.unreported) > _MAX_UNREPORTED:
            self.dropped += len(self.unreported) - _MAX_UNREPORTED
            del self.unreported[:-_MAX_UNREPORTED]


def _throttle(path: Path, clock: Clock, sleep: Sleep) -> LoginAttempts:
    attempts = LoginAttempts.load(path)
    wait = attempts.delay(clock.now())
    if wait > 0:
        sleep(wait)
    return attempts


def _record_failure(path: Path, user: str | None, kind: str, clock: Clock) -> None:
    attempts = LoginAttempts.load(path)
    attempts.failed(user or "", kind, clock.now())
    with contextlib.suppress(OSError):  # a read-only folder must not hide "wrong passphrase"
        attempts.save(path)


def _record_success(path: Path, store: UnitOfWork | None) -> None:
    """Reset the throttle; write the failures into the audit log if the database is open."""
    attempts = LoginAttempts.load(path)
    if not attempts.consecutive and not attempts.unreported and not attempts.dropped:
        return
    attempts.consecutive = 0
    if store is not None and (attempts.unreported or attempts.dropped):
        with store.write() as s:
            for entry in attempts.unreported:
                what = "Wiederherstellungsschlüssel" if entry["kind"] == RECOVERY else "Passphrase"
                try:
                    at = datetime.fromisoformat(entry["at"])
                except ValueError:
                    at = store.clock.now()
                audit.append(
                    s,
                    at=at,
                    actor=entry["login"] or "unbekannt",
                    action="login_failed",
                    entity="session",
                    detail=f"Fehlgeschlagene Anmeldung ({what})",
                    signer=store.identity,
                )
            if attempts.dropped:
                store.audit(
                    s,
                    "login_failed",
                    "session",
                    detail=f"{attempts.dropped} weitere fehlgeschlagene Anmeldungen",
                )
        attempts.unreported = []
        attempts.dropped = 0
    with contextlib.suppress(OSError):
        attempts.save(path)


# --------------------------------------------------------------------------- unlocking


def unlock(
    path: Path,
    passphrase: str | None = None,
    *,
    recovery_key: str | None = None,
    user: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
    upgrade: bool = True,
    lock: bool = True,
    sleep: Sleep = time.sleep,
    opened: type[S],
) -> S:
    """Open the database as an ``opened`` (the composition root's store with its services,
    ``sro_case.local.Store``; or the bare ``VaultStore`` for the kernel's own work). WrongPassphrase leaves the database and key file untouched.

    Takes the writer lock first (DatabaseInUse names whoever holds it), then waits if there
    were repeated failed logins, then unwraps the key. ``lock=False`` is for read-only tools
    that may run beside an open program.
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseMissing(T("Die Datenbank {path} existiert nicht.", path=path))
    writer_lock = lockfile.acquire(path) if lock else None
    try:
        _throttle(path, clock, sleep)
        interrupted = lock and _has_pending(path)
        try:
            key_slot, keys, login = _key_from_slots(
                path, passphrase, recovery_key, user, resolve=lock
            )
        except WrongPassphrase:
            kind = RECOVERY if recovery_key is not None else PASSPHRASE
            _record_failure(path, user, kind, clock)
            raise
        if lock:
            _remove_stray_temp_files(path)
        store = _open_store(path, key_slot, keys, login, clock, upgrade, writer_lock, opened)
    except BaseException:
        if writer_lock is not None:
            writer_lock.release()
        raise
    try:
        _record_success(path, store)
        if interrupted:
            with store.write() as s:
                store.audit(
                    s,
                    "rotate_key",
                    "database",
                    detail="Ein unterbrochener Schlüsselwechsel (oder eine unterbrochene "
                    "Wiederherstellung) wurde bei der Anmeldung zu Ende geführt; alle, die "
                    "bleiben, und der Wiederherstellungsschlüssel öffnen die Datenbank.",
                )
        if lock:  # only the writer refreshes the planner's statistics (cheap when current)
            from sro_case.cases.entrusted import seal_waiting_notes

            seal_waiting_notes(store)
            store.optimize()
    except BaseException:
        store.close()
        raise
    return store


def _open_store(
    path: Path,
    opened: Opened,
    keys: KeyFile,
    login: str,
    clock: Clock,
    upgrade: bool,
    writer_lock: lockfile.WriterLock | None,
    store_type: type[S],
) -> S:
    if keys.db_salt and database_salt(path) != keys.db_salt:
        raise DatabaseDamaged(
            T(
                "Die Schlüsseldatei gehört nicht zu der Datenbank {name}, oder der Anfang der "
                "Datenbankdatei ist beschädigt. Stellen Sie beide zusammen aus einer Sicherung "
                "wieder her.",
                name=path.name,
            )
        )
    key = opened.key
    engine = open_engine(path, key)
    try:
        current = migrate.check_not_newer(engine)
        if upgrade and current != migrate.head_revision():
            if current is not None:
                backup_before_upgrade(path, key, current)
            migrate.upgrade(engine)
        role = "admin"
        row = None
        # an older file opened without its upgrade (a pre-upgrade backup) has no registered
        # keys yet; neither has it signed entries
        registered_column = current is None or current >= "0010" or upgrade
        if login and login != RECOVERY_LABEL:  # the recovery key is always admin: no user
            with engine.connect() as conn:  # record can take its name and demote it
                row = conn.execute(
                    select(
                        UserRecord.role,
                        UserRecord.active,
                        UserRecord.sign_key if registered_column else literal(""),
                    ).where(UserRecord.login == login)
                ).one_or_none()
        if row is not None:
            if not row.active:
                raise PermissionDenied(
                    T(
                        "Der Zugang „{login}“ ist deaktiviert. Wenden Sie sich an die "
                        "Administration.",
                        login=login,
                    )
                )
            role = row.role
        if opened.identity is not None:
            # the role the binding names: a slot holder who edits the user table with the
            # raw database key does not make themselves admin
            role = opened.identity.role
            registered = row[2] if row is not None else b64(opened.identity.root)
            if registered_column and registered != b64(opened.identity.pair.public.sign):
                raise PermissionDenied(UNREGISTERED)
        planted: tuple[tuple[str, str], ...] = ()
        if registered_column:
            planted = _guard_schema(path, engine, remove=writer_lock is not None)
        if row is None and login != RECOVERY_LABEL:
            raise PermissionDenied(
                T(
                    "Zum Schlüsselplatz „{login}“ gibt es keine Benutzerin und keinen Benutzer. "
                    "Er wird nicht geöffnet; wenden Sie sich an die Administration.",
                    login=login,
                )
            )
        store = store_type(
            path,
            engine,
            actor=login or RECOVERY_LABEL,
            role=role,
            clock=clock,
            key=key,
            writer_lock=writer_lock,
            identity=opened.identity,
        )
        if planted:
            with store.write() as s:
                store.audit(
                    s,
                    "delete",
                    "database",
                    detail="Fremde Trigger oder Sichten entfernt (nicht von diesem Programm "
                    "angelegt): " + ", ".join(name for _kind, name in planted),
                )
        return store
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseDamaged(damaged_message(path)) from exc
    except BaseException:
        engine.dispose()
        raise


def _guard_schema(path: Path, engine: Engine, *, remove: bool) -> tuple[tuple[str, str], ...]:
    """Triggers and views someone planted with the raw key run in every later session: remove
    unknown ones (writer only), refuse a changed own one. Returns what was removed."""
    with engine.begin() as conn:
        found = schema_guard.foreign_objects(conn)
        if found.changed:
            raise DatabaseDamaged(
                T(
                    "Die Datenbank {name} enthält veränderte Trigger ({names}): jemand hat die "
                    "Datei mit dem Datenbankschlüssel bearbeitet. Sie wird nicht geöffnet; "
                    "stellen Sie die letzte Sicherung wieder her.",
                    name=path.name,
                    names=", ".join(found.changed),
                )
            )
        if found.unknown and remove:
            schema_guard.drop(conn, found.unknown)
            return found.unknown
    return ()


UNREGISTERED = T(
    "Der Schlüssel dieses Zugangs ist in der Datenbank nicht (mehr) eingetragen: der Zugang "
    "wurde entfernt oder ersetzt. Wenden Sie sich an die Administration."
)


def _remove_stray_temp_files(path: Path) -> None:
    """Temp files of key-file writes that a crash interrupted (they hold wrapped slots only)."""
    key_name = KeyFile.path_for(path).name
    for stray in path.parent.glob(f".{key_name}.*.tmp"):
        with contextlib.suppress(OSError):
            stray.unlink()


def damaged_message(path: Path) -> str:
    return T(
        "Die Datenbank {name} ist beschädigt: Teile der Datei lassen sich nicht entschlüsseln "
        "oder lesen. Stellen Sie sie aus der letzten Sicherung wieder her.",
        name=Path(path).name,
    )


def verify_passphrase(
    path: Path,
    passphrase: str,
    *,
    user: str | None = None,
    store: UnitOfWork | None = None,
    clock: Clock = SYSTEM_CLOCK,
    sleep: Sleep = time.sleep,
) -> str:
    """Check a passphrase against the key file without opening the database (unlocking a
    locked window). Returns the login of the slot it opens; raises WrongPassphrase. Failed
    attempts count and slow down like those of ``unlock``; with ``store`` (the open
    database) they are written to its audit log on success."""
    path = Path(path)
    _throttle(path, clock, sleep)
    try:
        keys = KeyFile.load(KeyFile.path_for(path))
        _key, slot = keys.open_slot(passphrase, kind=PASSPHRASE, label=user)
    except WrongPassphrase:
        _record_failure(path, user, PASSPHRASE, clock)
        raise
    _record_success(path, store)
    return slot.label


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
    """Rewrap the user's slot. The key file is replaced atomically (temp file, fsync, rename):
    a crash at any moment leaves the old or the new passphrase working, never neither."""
    path = Path(path)
    check_passphrase(new, user_inputs=(user,) if user else ())
    if not path.is_file():
        raise DatabaseMissing(T("Die Datenbank {path} existiert nicht.", path=path))
    with lockfile.acquire(path):
        opened, keys, login = _key_from_slots(path, old, None, user)
        slot = keys.slot_for(login)
        assert slot is not None
        if slot.keys is None:  # version 1: the slot wraps the database key itself
            keys = keys.with_slot(
                opened.key, new, kind=PASSPHRASE, label=login, kdf=kdf or slot.kdf
            )
        else:
            fresh = keys.rewrapped(slot, old, new, kdf=kdf or slot.kdf)
            keys = replace(keys, slots=tuple(fresh if s is slot else s for s in keys.slots))
        keys.save(KeyFile.path_for(path))


def _admin_identity(store: UnitOfWork) -> Identity:
    identity = store.identity
    if identity is None or identity.role != "admin":
        raise PermissionDenied(
            "Zugänge kann nur eine Administratorin oder ein Administrator mit eigenem "
            "Schlüsselpaar einrichten. Bei einer Schlüsseldatei im alten Format erneuern Sie "
            "zuerst den Datenbankschlüssel (sro-case rotate-key)."
        )
    return identity


def add_user_slot(
    store: UnitOfWork,
    login: str,
    passphrase: str,
    *,
    kdf: KdfParams | None = None,
    role: str | None = None,
) -> None:
    """Give a user (already created with ``store.users.add``) a key slot of their own, with
    a first passphrase they change at their first login. Admins only.

    The user gets a new key pair; the admin's key binds it (login, role, public keys) and the
    database key is sealed to it. A slot that existed is replaced (a forgotten passphrase) and
    keeps the role its binding names; a first slot gets ``role`` as the admin chose it (the user
    record's role only if none is given: the table is writable to every slot holder)."""
    store.require_role("admin")
    key = database_key(store)
    signer = _admin_identity(store)
    check_passphrase(passphrase, user_inputs=(login,))
    with store.read() as s:
        row = s.execute(
            select(UserRecord.active, UserRecord.role).where(UserRecord.login == login)
        ).one_or_none()
    if row is None:
        raise NotFound(
            T(
                "Es gibt keine Benutzerin und keinen Benutzer „{login}“. Legen Sie die Person "
                "zuerst an.",
                login=login,
            )
        )
    if not row.active:
        raise ValidationError(
            [("Anmeldename", T("Der Zugang „{login}“ ist deaktiviert.", login=login))]
        )
    key_path = KeyFile.path_for(store.path)
    pair = KeyPair.generate()
    with lockfile.acquire(store.path):
        keys = KeyFile.load(key_path)
        old_slot = keys.valid_slots(signer.root).get((PASSPHRASE, login))
        existed = keys.slot_for(login) is not None
        bound_role = old_slot.role if old_slot is not None else (role or row.role)
        admin_slot = keys.slot_for(store.actor)
        chosen = kdf or (admin_slot.kdf if admin_slot else DEFAULT_KDF)
        slot = keys.new_owner_slot(
            pair,
            signer.root,
            passphrase,
            kind=PASSPHRASE,
            label=login,
            role=bound_role,
            signer=signer,
            kdf=chosen,
        )
        # the log and the user record name the key first: a crash before the key file is
        # saved leaves a bound key without a slot, never a slot that nobody registered
        with store.write() as s:
            rec = s.execute(select(UserRecord).where(UserRecord.login == login)).scalar_one()
            rec.sign_key = b64(pair.public.sign)
            rec.role = bound_role  # the table shows what the binding says
            audit_bind(s, store.clock, signer, login, bound_role, pair)
        keys.with_owner_slot(slot, key, signer).save(key_path)
    from sro_case.cases.entrusted import seal_waiting_notes

    seal_waiting_notes(store)
    with store.write() as s:
        store.audit(
            s,
            "update" if existed else "create",
            "key_slot",
            detail=f"Schlüsselplatz für {login} {'neu gesetzt' if existed else 'angelegt'}",
        )


def remove_user_slot(store: UnitOfWork, login: str, *, deactivate: bool = True) -> bool:
    """Remove a user's key slot (and deactivate the user). Admins only. True if the database
    key was renewed with it (key file version 2).

    The database key is renewed at once (``keys.rotate_open``) and sealed to everyone who
    stays, without their passphrases: the removed user's passphrase opens nothing, and a copy
    of the old key (or of the old key file) no longer opens the live database. Old backups keep
    the old key. Nobody removes their own access, and the last active admin stays
    (``users.check_removal``)."""
    from sro_case.accounts.keys import rotate_open
    from sro_case.accounts.users import check_removal

    check_removal(store, login, must_exist=False)
    database_key(store)  # only for stores opened through the key file
    key_path = KeyFile.path_for(store.path)
    keys = KeyFile.load(key_path)
    if keys.slot_for(login) is None:
        raise NotFound(T("„{login}“ hat keinen Schlüsselplatz.", login=login))
    if keys.version > 1:
        signer = _admin_identity(store)
        # 1. the account is off and its key no longer registered, so whatever happens next a
        #    slot of hers (kept or put back) gets nothing at any key change
        with store.write() as s:
            if deactivate:
                _deactivate(s, login)
            s.execute(update(UserRecord).where(UserRecord.login == login).values(sign_key=""))
            audit.append(
                s,
                at=store.clock.now(),
                actor=signer.label,
                action=audit.UNBIND,
                entity="key_slot",
                detail=audit.unbind_detail(login),
                signer=signer,
            )
        # 2. a new database key for everyone else (if this fails, e.g. because another program
        #    has the file open, the admin removes her again and step 2 is repeated)
        rotate_open(store, remove=(login,))
        with store.write() as s:
            store.audit(
                s,
                "delete",
                "key_slot",
                detail=f"Schlüsselplatz von {login} entfernt; Datenbankschlüssel erneuert",
            )
        return True
    with lockfile.acquire(store.path):
        keys = KeyFile.load(key_path)
        keys.without_slot(login).save(key_path)
    with store.write() as s:
        if deactivate:
            _deactivate(s, login)
        store.audit(s, "delete", "key_slot", detail=f"Schlüsselplatz von {login} entfernt")
    return False


def _deactivate(s: Session, login: str) -> None:
    rec = s.execute(select(UserRecord).where(UserRecord.login == login)).scalar_one_or_none()
    if rec is not None:
        rec.active = False


def append_audit(
    path: Path,
    key: bytes,
    *,
    actor: str,
    clock: Clock,
    action: str,
    detail: str,
    signer: Identity | None = None,
) -> None:
    """One audit entry into a database that no store has open (after a rekey or restore)."""
    engine = open_engine(Path(path), key)
    try:
        with Session(engine) as s, s.begin():
            audit.append(
                s,
                at=clock.now(),
                actor=actor,
                action=action,
                entity="database",
                detail=detail,
                signer=signer,
            )
    finally:
        engine.dispose()
