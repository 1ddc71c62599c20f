"""Key rotation: a new random database key, for when the old one may have leaked.

The database is rekeyed in place (``PRAGMA rekey`` rewrites every page in one transaction),
and the crash safety comes from the order of the steps:

1. The new key's slots are written into the key file as *pending*, beside the old slots.
2. The WAL is checkpointed and the database switched to a rollback journal: SQLCipher 4
   rekeys safely only there, and the rollback journal keeps the old pages (encrypted with the
   old key) until the commit deletes it. A crash before that commit is rolled back at the next
   open, whatever key that open uses (the rollback copies raw pages); after it, every page is
   under the new key. The folder is synced so the deleted journal cannot come back.
3. The new key is checked (probe + ``quick_check``) and WAL is switched back on.
4. The pending slots become the slots; the old ones are gone.

``vault.unlock`` finishes an interrupted rotation: with pending slots present it tries the old
key, then the new one, and keeps the slots of whichever opens the file. So after a crash (or
``kill -9``) at any point the database opens with the same passphrase and holds all data.

Slots wrap the key under each person's passphrase, so only the passphrases given here can be
carried over; everyone else needs a new slot from an admin (``vault.add_user_slot``). A new
recovery key is always made. Old backups keep the old key and their own key files.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

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
from sro_case.services import vault
from sro_case.storage import lockfile
from sro_case.storage.engine import connect_keyed, connect_raw, key_pragma
from sro_case.storage.files import fsync_dir
from sro_case.storage.keyfile import (
    PASSPHRASE,
    RECOVERY,
    KdfParams,
    KeyFile,
    KeySlot,
    new_database_key,
    new_recovery_key,
)

STEPS = ("pending_written", "journal_delete", "rekeyed", "verified", "promoted", "audited")


@dataclass(frozen=True)
class RotationResult:
    recovery_key: str  # the new one: show once, print, keep safe
    kept: tuple[str, ...]  # logins whose passphrases open the new key
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

    ``passphrase`` (or ``recovery_key``) identifies the admin; the admin's slot is carried
    over with the same passphrase. ``keep`` maps further logins to their current passphrases
    to carry them over too. ``on_step`` is called after each step in ``STEPS`` (progress,
    tests)."""
    started = time.perf_counter()
    path = Path(path)
    step = on_step or (lambda _name: None)
    if not path.is_file():
        raise DatabaseMissing(T("Die Datenbank {path} existiert nicht.", path=path))
    key_path = KeyFile.path_for(path)
    with lockfile.acquire(path):
        if lockfile.held_count(path) > 1:
            raise DatabaseInUse(
                "Die Datenbank ist in diesem Programm noch geöffnet. Schließen Sie sie, bevor "
                "der Schlüssel erneuert wird."
            )
        old_key, keys, login = vault._key_from_slots(path, passphrase, recovery_key, user)
        _require_admin(path, old_key, login)
        new_key = new_database_key()
        new_recovery = new_recovery_key()
        pending, kept, dropped = _new_slots(
            keys, new_key, new_recovery, login, passphrase, keep or {}, kdf
        )
        keys.with_pending(pending).save(key_path)
        step("pending_written")

        try:
            _rekey(path, old_key, new_key, step)
        except BaseException as exc:
            if vault.probe_key(path, old_key):  # nothing happened: forget the new key
                keys.drop_pending().save(key_path)
            if isinstance(exc, sqlcipher3.Error):
                raise DatabaseDamaged(
                    T(
                        "Der Schlüssel konnte nicht erneuert werden ({error}). Die Datenbank ist "
                        "unverändert und öffnet weiter mit dem bisherigen Schlüssel.",
                        error=str(exc),
                    )
                ) from exc
            raise
        keys.with_pending(pending).promote_pending().save(key_path)
        step("promoted")
        vault.append_audit(
            path,
            new_key,
            actor=login,
            clock=clock,
            action="rotate_key",
            detail="Datenbankschlüssel erneuert"
            + (f"; ohne Zugang: {', '.join(dropped)}" if dropped else ""),
        )
        step("audited")
    return RotationResult(new_recovery, kept, dropped, time.perf_counter() - started)


def _require_admin(path: Path, key: bytes, login: str) -> None:
    if login == vault.RECOVERY_LABEL:
        return  # whoever holds the recovery key can do everything anyway
    conn = connect_raw(path, key)
    try:
        row = conn.execute("SELECT role, active FROM app_user WHERE login = ?", (login,)).fetchone()
    finally:
        conn.close()
    if row is not None and (row[0] != "admin" or not row[1]):
        raise PermissionDenied("Nur die Administration kann den Datenbankschlüssel erneuern.")


def _new_slots(
    keys: KeyFile,
    new_key: bytes,
    new_recovery: str,
    login: str,
    passphrase: str | None,
    keep: Mapping[str, str],
    kdf: KdfParams | None,
) -> tuple[tuple[KeySlot, ...], tuple[str, ...], tuple[str, ...]]:
    pending: list[KeySlot] = []
    kept: list[str] = []
    dropped: list[str] = []
    for slot in keys.slots:
        if slot.kind != PASSPHRASE:
            continue
        if slot.label == login and passphrase is not None:
            secret = passphrase
        elif slot.label in keep:
            secret = keep[slot.label]
            try:
                keys.open_slot(secret, kind=PASSPHRASE, label=slot.label)
            except WrongPassphrase:
                raise WrongPassphrase(
                    T(
                        "Die Passphrase für „{login}“ ist falsch. Es wurde nichts verändert.",
                        login=slot.label,
                    )
                ) from None
        else:
            dropped.append(slot.label)
            continue
        pending.append(
            keys.new_slot(new_key, secret, kind=PASSPHRASE, label=slot.label, kdf=kdf or slot.kdf)
        )
        kept.append(slot.label)
    if not kept:
        raise ValidationError(
            [
                (
                    "Passphrase",
                    "Mindestens eine Passphrase muss den neuen Schlüssel öffnen; geben Sie die "
                    "Passphrase einer Administratorin oder eines Administrators an.",
                )
            ]
        )
    old_recovery = next((s for s in keys.slots if s.kind == RECOVERY), None)
    recovery_kdf = kdf or (old_recovery.kdf if old_recovery else pending[0].kdf)
    pending.append(
        keys.new_slot(
            new_key, new_recovery, kind=RECOVERY, label=vault.RECOVERY_LABEL, kdf=recovery_kdf
        )
    )
    return tuple(pending), tuple(kept), tuple(dropped)


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
