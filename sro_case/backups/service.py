"""Encrypted backups and restores that are verified before they count.

A backup is copied with SQLite's backup API inside one read transaction of the source, under
the same key and salt, so the copy is encrypted exactly like the database and its key file
(``.keys``) fits it unchanged. Row counts and a content hash of every table are computed in
that same transaction, so writes that happen meanwhile cannot cause a false alarm. The copy
goes to a temp file, is synced, reopened read-only and verified (key, ``integrity_check``,
``cipher_integrity_check``, schema revision, counts, hash), and only then renamed into place.
A restore goes the same way into a new file; over the live database only when asked to, and
only after the live database itself was backed up.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import re
import secrets
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain.messages import T, joined
from sro_case.domain.rules import DEFAULT_KEEP
from sro_case.errors import (
    BackupFailed,
    DatabaseDamaged,
    DatabaseExists,
    KeyFileMissing,
    PermissionDenied,
    SroCaseError,
    ValidationError,
    message_of,
)
from sro_case.kernel import audit
from sro_case.storage import lockfile, migrate
from sro_case.storage.engine import connect_keyed, connect_raw, database_salt
from sro_case.storage.files import (
    atomic_write_bytes,
    file_problem,
    fsync_dir,
    fsync_file,
    is_disk_full,
)
from sro_case.storage.keyfile import PASSPHRASE, RECOVERY, Identity, KeyFile

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

BACKUP_FOLDER = "Sicherungen"
_STAMP = "%Y-%m-%dT%H%M"
_REASONS = {
    "manual": "manuell",
    "close": "beim Beenden",
    "daily": "täglich",
    "before-restore": "vor einer Wiederherstellung",
}


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Digest:
    """What a database holds: schema revision, rows per table, a hash over all of it."""

    revision: str | None
    counts: tuple[tuple[str, int], ...]
    content_hash: str

    def count(self, table: str) -> int:
        return dict(self.counts).get(table, 0)

    @property
    def rows(self) -> int:
        return sum(n for _t, n in self.counts)


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    problems: tuple[str, ...]
    digest: Digest | None = None
    integrity: str = ""
    audit_events: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok and self.digest is not None:
            return (
                f"Sicherung {self.path.name} ist in Ordnung: Schemastand {self.digest.revision}, "
                f"{self.digest.rows} Datensätze, Protokollkette mit {self.audit_events} Einträgen "
                "unversehrt."
            )
        return f"Sicherung {self.path.name} ist NICHT in Ordnung: " + " ".join(self.problems)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    key_file: Path
    digest: Digest
    size_bytes: int
    seconds: float
    removed: tuple[Path, ...]  # older backups removed by the rotation

    def summary(self) -> str:
        mib = self.size_bytes / (1024 * 1024)
        text = (
            f"Sicherung geschrieben und geprüft: {self.path} ({mib:.1f} MiB, "
            f"{self.digest.rows} Datensätze, {self.seconds:.1f} s)."
        )
        if self.removed:
            text += f" {len(self.removed)} ältere Sicherung(en) entfernt."
        return text


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    digest: Digest
    safety_backup: Path | None  # the live database as it was, when it was replaced
    replaced_live: bool

    def summary(self) -> str:
        if self.replaced_live:
            return (
                f"Die Datenbank {self.target.name} wurde aus der Sicherung wiederhergestellt "
                f"({self.digest.rows} Datensätze). Der vorherige Stand liegt in "
                f"{self.safety_backup}. Bitte melden Sie sich neu an."
            )
        return (
            f"Die Sicherung wurde geprüft und als neue Datei {self.target} wiederhergestellt "
            f"({self.digest.rows} Datensätze). Die laufende Datenbank blieb unverändert."
        )


# --------------------------------------------------------------------------- digest


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def database_digest(conn: Any, *, exclude: Iterable[str] = ()) -> Digest:
    """Counts and a SHA-256 over the schema and every row of every table, tables by name and
    rows by key, so that two databases with the same content give the same digest however
    their pages are laid out. Virtual tables are skipped; their shadow tables are included."""
    skip = set(exclude)
    h = hashlib.sha256()
    schema = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
    ).fetchall()
    for row in schema:
        if row[1] not in skip and row[2] not in skip:
            h.update(repr(tuple(row)).encode("utf-8", "surrogatepass") + b"\n")
    counts: list[tuple[str, int]] = []
    tables = [
        (name, sql or "")
        for kind, name, _tbl, sql in schema
        if kind == "table"
        and name not in skip
        and not (sql or "").upper().startswith("CREATE VIRTUAL")
    ]
    for name, sql in sorted(tables):
        order = "rowid"
        if "WITHOUT ROWID" in sql.upper():
            info = conn.execute(f"PRAGMA table_info({_quote(name)})").fetchall()
            keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5] > 0]
            order = ", ".join(_quote(k) for k in keys) or "1"
        h.update(f"\x00table {name}\n".encode())
        n = 0
        cur = conn.execute(f"SELECT * FROM {_quote(name)} ORDER BY {order}")
        while batch := cur.fetchmany(2000):
            n += len(batch)
            h.update(_serialised(batch))
        counts.append((name, n))
    revision = None
    with contextlib.suppress(sqlcipher3.DatabaseError):
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = found[0] if found else None
    return Digest(revision, tuple(counts), h.hexdigest())


def _serialised(rows: list[Any]) -> bytes:
    """Rows as bytes for the hash: pickle without its memo, so equal values give equal bytes
    whatever objects hold them (types stay apart: 1, 1.0 and "1" differ); only ever written, never
    loaded. A third faster than
    ``repr``: the digest of a city-sized database went from 12 s to 9 s."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True  # no memo: identical objects are written out again, not referenced
    pickler.dump(rows)
    return out.getvalue()


# --------------------------------------------------------------------------- low level


def _connect(path: Path, key: bytes, *, salt_hex: str = "", readonly: bool = False) -> Any:
    """A backup file: opened read-only to verify it, or written with the source's salt."""
    return connect_keyed(
        path,
        key,
        salt_hex=salt_hex,
        readonly=readonly,
        probe=readonly,
        damaged=T(
            "{name} lässt sich mit dem Schlüssel nicht lesen: die Datei ist beschädigt, "
            "abgeschnitten oder mit einem anderen Schlüssel verschlüsselt.",
            name=Path(path).name,
        ),
    )


def _copy(src: Any, source_path: Path, key: bytes, tmp: Path) -> Digest:
    """Digest and page copy of ``src`` in one read transaction; the copy is synced and in
    rollback-journal mode (a standalone file, never touched again before it is renamed)."""
    salt = database_salt(source_path)
    src.execute("BEGIN")
    try:
        digest = database_digest(src)
        dst = _connect(tmp, key, salt_hex=salt)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            dst.close()
    finally:
        src.execute("COMMIT")
    fsync_file(tmp)
    return digest


def verify_file(
    path: Path,
    key: bytes,
    *,
    expected: Digest | None = None,
    check_key_file: bool = True,
) -> VerifyReport:
    """Open read-only with ``key`` and check everything; problems are German sentences
    (``Text``, translatable in the client)."""
    path = Path(path)
    problems: list[str] = []
    if not path.is_file():
        return VerifyReport(path, (T("Die Datei {path} fehlt.", path=path),))
    if path.stat().st_size == 0 or path.stat().st_size % 512:
        problems.append(
            T("Die Dateigröße ist kein Vielfaches der Seitengröße: die Datei ist abgeschnitten.")
        )
    if check_key_file:
        try:
            keys = KeyFile.load(KeyFile.path_for(path))
            if keys.db_salt and keys.db_salt != database_salt(path):
                problems.append(T("Die Schlüsseldatei neben der Sicherung gehört nicht zu ihr."))
        except (SroCaseError, OSError) as exc:  # missing or damaged: say which
            problems.append(message_of(exc))
    try:
        conn = _connect(path, key, readonly=True)
    except DatabaseDamaged as exc:
        return VerifyReport(path, (*problems, message_of(exc)))
    digest: Digest | None = None
    events = 0
    unreadable: list[str] = []
    # The page checks run on a second read-only connection while this one hashes the rows:
    # SQLite releases the GIL, so on two cores a city-sized backup verifies in the time of
    # the hash alone (18 s -> 11 s at 820 MB).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pages = pool.submit(_page_checks, path, key)
        try:
            try:
                digest = database_digest(conn)
                events, chain = _audit_chain(conn)
            except sqlcipher3.DatabaseError as exc:
                unreadable.append(str(exc))
                chain = []
        finally:
            conn.close()
        integrity, page_problems, page_unreadable = pages.result()
    # Each check on its own, so that one failing with an error does not hide the others.
    problems.extend(page_problems)
    problems.extend(T("Protokollkette: {problem}", problem=p) for p in chain[:5])
    unreadable = page_unreadable + unreadable
    if unreadable:
        problems.append(
            T(
                "Die Sicherung lässt sich nicht vollständig lesen ({errors}).",
                errors="; ".join(sorted(set(unreadable))),
            )
        )
    if digest is not None:
        if digest.revision is None:
            problems.append(T("Die Sicherung enthält keinen Schemastand."))
        elif digest.revision not in migrate.known_revisions():
            problems.append(
                T(
                    "Die Sicherung hat den unbekannten Schemastand {revision} "
                    "(von einer neueren Programmversion).",
                    revision=digest.revision,
                )
            )
        if expected is not None:
            problems.extend(_compare(expected, digest))
    return VerifyReport(path, tuple(problems), digest, integrity, events)


def _page_checks(path: Path, key: bytes) -> tuple[str, list[str], list[str]]:
    """``integrity_check`` and ``cipher_integrity_check`` of a backup file: the result of the
    first, the problems found, and the errors that kept a check from finishing."""
    problems: list[str] = []
    unreadable: list[str] = []
    integrity = ""
    try:
        conn = _connect(path, key, readonly=True)
    except DatabaseDamaged as exc:
        return integrity, [], [str(exc)]
    try:
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            integrity = ", ".join(r[0] for r in rows)
            if integrity != "ok":
                problems.append(
                    T("integrity_check meldet Fehler: {errors}", errors=integrity[:300])
                )
        except sqlcipher3.DatabaseError as exc:
            unreadable.append(str(exc))
        try:
            cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
            if cipher:
                problems.append(
                    T(
                        "{count} Seite(n) sind beschädigt oder verändert (HMAC-Prüfung): {pages}",
                        count=len(cipher),
                        pages="; ".join(cipher[:3]),
                    )
                )
        except sqlcipher3.DatabaseError as exc:
            unreadable.append(str(exc))
    finally:
        conn.close()
    return integrity, problems, unreadable


def _compare(expected: Digest, actual: Digest) -> list[str]:
    problems: list[str] = []
    if expected.revision != actual.revision:
        problems.append(
            T(
                "Schemastand {actual} statt {expected}.",
                actual=str(actual.revision),
                expected=str(expected.revision),
            )
        )
    want, have = dict(expected.counts), dict(actual.counts)
    for table in sorted(set(want) | set(have)):
        if want.get(table) != have.get(table):
            problems.append(
                T(
                    "Tabelle {table}: {actual} statt {expected} Datensätze.",
                    table=table,
                    actual=have.get(table, 0),
                    expected=want.get(table, 0),
                )
            )
    if expected.content_hash != actual.content_hash and not problems:
        problems.append(T("Der Inhalt weicht vom Original ab (Prüfsumme verschieden)."))
    return problems


def _audit_chain(conn: Any) -> tuple[int, list[str]]:
    engine = create_engine(
        "sqlite://", creator=lambda: conn, module=sqlcipher3, poolclass=StaticPool
    )
    try:
        with Session(engine) as s:
            return audit.verify(s)
    finally:
        engine.dispose(close=False)


def _local(now_utc: datetime) -> datetime:
    """The clock gives naive UTC; file names and "once a day" use local time."""
    return now_utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{4}}-\d{{2}}-\d{{2}}T\d{{4}})(?:-(\d+))?\.db$")


def list_backups(folder: Path, stem: str) -> list[Path]:
    """The rotating backups of the database named ``stem`` in ``folder``, oldest first."""
    pattern = _name_pattern(stem)
    found: list[tuple[str, int, Path]] = []
    if Path(folder).is_dir():
        for p in Path(folder).iterdir():
            m = pattern.match(p.name)
            if m and p.is_file():
                found.append((m.group(1), int(m.group(2) or 1), p))
    return [p for _s, _n, p in sorted(found)]


def last_backup_time(folder: Path, stem: str) -> datetime | None:
    """The local time of the newest backup, read from its name."""
    backups = list_backups(folder, stem)
    if not backups:
        return None
    m = _name_pattern(stem).match(backups[-1].name)
    assert m is not None
    return datetime.strptime(m.group(1), _STAMP)


def due(last_backup_time: datetime | None, now: datetime) -> bool:
    """At most one automatic backup per calendar day (local time). A last backup "in the
    future" (the clock was wrong) does not block backups."""
    return (
        last_backup_time is None or last_backup_time.date() < now.date() or last_backup_time > now
    )


def _unique_name(folder: Path, stem: str, local_now: datetime, label: str = "") -> str:
    base = f"{stem}-{label}{local_now.strftime(_STAMP)}"
    name, n = f"{base}.db", 1
    while (folder / name).exists() or KeyFile.path_for(folder / name).exists():
        n += 1
        name = f"{base}-{n}.db"
    return name


def _remove_stale_temp_files(folder: Path, max_age_s: float = 3600.0) -> None:
    """Temp files of backups or restores that a crash interrupted."""
    now = time.time()
    for stray in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if now - stray.stat().st_mtime > max_age_s:
                stray.unlink()


def _tmp_for(final: Path) -> Path:
    return final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")


def _check_writable(folder: Path) -> None:
    """Create the folder and write a probe file in it, so that a read-only, foreign or missing
    folder is said in words before any work (SQLite would only say "unable to open")."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".schreibprobe-", suffix=".tmp", dir=folder)
        try:
            os.write(fd, b"\0")
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        raise _failed_in(folder, exc) from exc


def _failed_in(folder: Path, exc: BaseException) -> BackupFailed:
    """A backup that could not be written to ``folder``: the cause in words."""
    return BackupFailed(
        T(
            "Die Sicherung nach {folder} ist fehlgeschlagen: {problem} Es wurde nichts ersetzt.",
            folder=folder,
            problem=file_problem(exc),
        )
    )


def _sql_failed(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


# --------------------------------------------------------------------------- service


class BackupService:
    """Backups of the open database, and restores into it or beside it."""

    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    @property
    def _key(self) -> bytes:
        from sro_case.accounts.vault import database_key

        return database_key(self._store)

    def default_dir(self) -> Path:
        return self._store.path.parent / BACKUP_FOLDER

    def backups(self, to_dir: Path | None = None) -> list[Path]:
        return list_backups(Path(to_dir or self.default_dir()), self._store.path.stem)

    due = staticmethod(due)

    def backup_if_due(
        self, to_dir: Path | None = None, *, keep: int = DEFAULT_KEEP, reason: str = "close"
    ) -> BackupResult | None:
        """The automatic backup on closing the program: at most one per day."""
        folder = Path(to_dir or self.default_dir())
        last = last_backup_time(folder, self._store.path.stem)
        if not due(last, _local(self._store.clock.now())):
            return None
        # Not a choice of the user: it runs for every role, as it always did.
        return self._backup_and_rotate(folder, keep=keep, reason=reason)

    def backup(
        self, to_dir: Path | None = None, *, keep: int = DEFAULT_KEEP, reason: str = "manual"
    ) -> BackupResult:
        """Write, sync, verify, rename; then remove all but the newest ``keep`` backups.
        Admins only (Verwaltung, ``sro-case backup``); the automatic backup on closing is
        ``backup_if_due``."""
        self._store.require_role("admin")
        return self._backup_and_rotate(to_dir, keep=keep, reason=reason)

    def _backup_and_rotate(self, to_dir: Path | None, *, keep: int, reason: str) -> BackupResult:
        if keep < 1:
            raise ValidationError([("Anzahl Sicherungen", "Mindestens eine Sicherung behalten.")])
        result = self._backup(Path(to_dir or self.default_dir()), reason=reason)
        removed = self._rotate(result.path.parent, keep)
        return BackupResult(
            result.path, result.key_file, result.digest, result.size_bytes, result.seconds, removed
        )

    def _backup(self, folder: Path, *, reason: str, label: str = "") -> BackupResult:
        started = time.perf_counter()
        store = self._store
        _check_writable(folder)
        _remove_stale_temp_files(folder)
        final = folder / _unique_name(folder, store.path.stem, _local(store.clock.now()), label)
        tmp = _tmp_for(final)
        key = self._key
        from sro_case.accounts.vault import write_anchor

        with contextlib.suppress(Exception):  # the backup carries the latest signed head
            write_anchor(store)
        # the live key file, read before: a failure there is not the backup folder's fault
        key_bytes = KeyFile.path_for(store.path).read_bytes()
        try:
            src = connect_raw(store.path, key)
            try:
                digest = _copy(src, store.path, key, tmp)
            finally:
                src.close()
            report = verify_file(tmp, key, expected=digest, check_key_file=False)
            if not report.ok:
                raise BackupFailed(
                    T(
                        "Die Sicherung wurde verworfen, weil die Prüfung der Kopie fehlschlug: "
                        "{problems}",
                        problems=joined(report.problems),
                    )
                )
            atomic_write_bytes(KeyFile.path_for(final), key_bytes)
            os.replace(tmp, final)
            fsync_dir(folder)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if not final.exists():  # a key file written just before the rename failed
                with contextlib.suppress(OSError):
                    KeyFile.path_for(final).unlink()
            self._audit("backup", f"Sicherung fehlgeschlagen ({_REASONS.get(reason, reason)})")
            if isinstance(exc, OSError) or is_disk_full(exc):  # writing into the folder failed
                raise _failed_in(folder, exc) from exc
            if isinstance(exc, sqlcipher3.DatabaseError):
                raise BackupFailed(
                    T(
                        "Die Sicherung ist fehlgeschlagen ({error}). Es wurde nichts ersetzt.",
                        error=_sql_failed(exc),
                    )
                ) from exc
            raise
        self._audit("backup", f"Sicherung {final.name} ({_REASONS.get(reason, reason)})")
        return BackupResult(
            final,
            KeyFile.path_for(final),
            digest,
            final.stat().st_size,
            time.perf_counter() - started,
            (),
        )

    def _rotate(self, folder: Path, keep: int) -> tuple[Path, ...]:
        """Remove all but the newest ``keep`` backups: the database first, then its key file
        (a crash in between leaves a key file without database, swept up next time)."""
        stem = self._store.path.stem
        backups = self.backups(folder)
        removed: list[Path] = []
        for old in backups[: max(0, len(backups) - keep)]:
            for p in (old, KeyFile.path_for(old)):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
            removed.append(old)
        pattern = _name_pattern(stem)
        for orphan in folder.glob(f"{stem}-*.db.keys"):
            db = orphan.with_name(orphan.name[: -len(".keys")])
            if pattern.match(db.name) and not db.exists():
                with contextlib.suppress(FileNotFoundError):
                    orphan.unlink()
        if removed:
            fsync_dir(folder)
        return tuple(removed)

    def _audit(self, action: str, detail: str) -> None:
        # The audit entry must not mask the real outcome.
        with contextlib.suppress(Exception), self._store.write() as s:
            self._store.audit(s, action, "database", detail=detail)

    def verify(
        self, path: Path, *, passphrase: str | None = None, user: str | None = None
    ) -> VerifyReport:
        """Check a backup with the key of the open database, or, for a backup from before a
        key rotation, with the passphrase that was valid then (its own key file)."""
        path = Path(path)
        if passphrase is None:
            report = verify_file(path, self._key)
            if report.digest is None and path.is_file():  # did not open with this key
                hint = T(
                    "Stammt die Sicherung aus der Zeit vor einem Schlüsselwechsel, prüfen Sie sie "
                    "mit der damals gültigen Passphrase."
                )
                report = VerifyReport(path, (*report.problems, hint))
            return report
        try:
            key = KeyFile.load(KeyFile.path_for(path)).unlock(passphrase, label=user)
        except SroCaseError as exc:
            return VerifyReport(path, (message_of(exc),))
        return verify_file(path, key)

    def restore(
        self, source: Path, target: Path | None = None, *, overwrite_live: bool = False
    ) -> RestoreResult:
        """Restore ``source`` into ``target`` (default: a new file beside the database).

        Over the open database only with ``overwrite_live=True``: the live database is
        backed up first, and this store is closed afterwards (sign in again). Admins only: a
        restored copy holds every case file."""
        self._store.require_role("admin")
        return self._restore(Path(source), target, overwrite_live, self._key)

    def _restore(
        self, source: Path, target: Path | None, overwrite_live: bool, source_key: bytes
    ) -> RestoreResult:
        store = self._store
        if target is None:
            stamp = _local(store.clock.now()).strftime(_STAMP)
            target = store.path.with_name(f"{store.path.stem}-wiederhergestellt-{stamp}.db")
        target = Path(target)
        live = target.resolve() == store.path.resolve()
        if not live:
            return _restore_new(
                source,
                source_key,
                target,
                actor=store.actor,
                clock=store.clock,
                signer=store.identity,
            )
        if not overwrite_live:
            raise DatabaseExists(
                T(
                    "{name} ist die geöffnete Datenbank. Sie wird nur nach ausdrücklicher "
                    "Bestätigung überschrieben, und vorher gesichert.",
                    name=target.name,
                )
            )
        return self._restore_over_live(source, source_key)

    def _restore_over_live(self, source: Path, source_key: bytes) -> RestoreResult:
        store = self._store
        live = store.path
        source_keys = _source_key_file(source)
        tmp = _tmp_for(live)
        # Nothing is touched until the restored copy has verified and the live database is
        # safely backed up.
        digest = _verified_copy(source, source_key, tmp)
        try:
            safety = self._backup(
                self.default_dir(), reason="before-restore", label="vor-wiederherstellung-"
            ).path
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        try:
            with lockfile.acquire(live):  # re-entrant: held through the store until the end
                store.engine.dispose()
                _leave_wal(live, self._key)
                live_keys = KeyFile.load(KeyFile.path_for(live))
                new_keys = KeyFile.load(source_keys)
                had_slot = {s.label for s in live_keys.slots if s.kind == PASSPHRASE}
                if source_key != self._key and (live_keys.database_id, live_keys.db_salt) == (
                    new_keys.database_id,
                    new_keys.db_salt,
                ):
                    # Until the file is swapped the live slots stay in force and the restored
                    # key waits as "pending": after a crash in between, unlock keeps whichever
                    # key opens the file that is there.
                    live_keys.with_pending(new_keys.slots, new_keys.wraps).save(
                        KeyFile.path_for(live)
                    )
                os.replace(tmp, live)
                fsync_dir(live.parent)
                atomic_write_bytes(KeyFile.path_for(live), source_keys.read_bytes())
                _audit_into(
                    live,
                    source_key,
                    store.actor,
                    store.clock,
                    f"Wiederhergestellt aus {source.name}; vorheriger Stand in {safety.name}",
                    store.identity,
                )
                gone = sorted(
                    s.label
                    for s in new_keys.slots
                    if s.kind == PASSPHRASE and s.label not in had_slot
                )
                if gone and store.identity is not None:
                    # removed since the backup was made: they stay removed
                    from sro_case.accounts.keys import remove_after_restore

                    remove_after_restore(live, source_key, store.identity, gone, store.clock)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        finally:
            store.close()
        return RestoreResult(live, digest, safety, True)


def _source_key_file(source: Path) -> Path:
    keys = KeyFile.path_for(source)
    if not keys.is_file():
        raise KeyFileMissing(
            T(
                "Zur Sicherung {backup} fehlt die Schlüsseldatei {key_file}; ohne sie kann die "
                "wiederhergestellte Datenbank nicht geöffnet werden.",
                backup=source.name,
                key_file=keys.name,
            )
        )
    loaded = KeyFile.load(keys)
    if loaded.db_salt and source.is_file() and loaded.db_salt != database_salt(source):
        raise BackupFailed(
            T(
                "Die Schlüsseldatei {key_file} gehört nicht zur Sicherung {backup}.",
                key_file=keys.name,
                backup=source.name,
            )
        )
    return keys


def _verified_copy(source: Path, key: bytes, tmp: Path) -> Digest:
    """Copy a backup to ``tmp`` and verify the copy against the backup; raise BackupFailed."""
    try:
        src = _connect(source, key, readonly=True)
    except DatabaseDamaged as exc:
        raise BackupFailed(
            T(
                "Die Sicherung {backup} lässt sich nicht öffnen: {reason} Stammt sie aus der Zeit "
                "vor einem Schlüsselwechsel, stellen Sie sie mit der damaligen Passphrase wieder "
                "her.",
                backup=source.name,
                reason=message_of(exc),
            )
        ) from exc
    try:
        check = verify_file(source, key, check_key_file=True)
        if not check.ok:
            raise BackupFailed(
                T(
                    "Die Sicherung {backup} ist beschädigt und wird nicht wiederhergestellt: "
                    "{problems}",
                    backup=source.name,
                    problems=joined(check.problems),
                )
            )
        digest = _copy(src, source, key, tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        src.close()
    report = verify_file(tmp, key, expected=digest, check_key_file=False)
    if not report.ok:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupFailed(
            T(
                "Die Wiederherstellung wurde abgebrochen, weil die Prüfung der Kopie "
                "fehlschlug: {problems}",
                problems=joined(report.problems),
            )
        )
    return digest


def _leave_wal(path: Path, key: bytes) -> None:
    """Fold the WAL into the file and switch to a rollback journal, so that no -wal file of
    the old database can ever be replayed into the file that replaces it."""
    conn = connect_raw(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    finally:
        conn.close()
    wal = Path(f"{path}-wal")
    if str(mode).lower() != "delete" or (wal.exists() and wal.stat().st_size > 0):
        raise BackupFailed(
            "Die Datenbank wird noch von einem anderen Programm benutzt; sie wurde nicht ersetzt."
        )


def _audit_into(
    path: Path, key: bytes, actor: str, clock: Clock, detail: str, signer: Identity | None
) -> None:
    from sro_case.accounts.vault import append_audit

    append_audit(
        path, key, actor=actor, clock=clock, action="restore", detail=detail, signer=signer
    )


def _restore_new(
    source: Path,
    key: bytes,
    target: Path,
    *,
    actor: str,
    clock: Clock,
    signer: Identity | None = None,
) -> RestoreResult:
    target = Path(target)
    if target.exists() or KeyFile.path_for(target).exists():
        raise DatabaseExists(
            T(
                "Unter {path} gibt es bereits eine Datenbank oder Schlüsseldatei; sie wird nicht "
                "überschrieben. Wählen Sie einen neuen Dateinamen.",
                path=target,
            )
        )
    source_keys = _source_key_file(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_for(target)
    with lockfile.acquire(target):
        digest = _verified_copy(source, key, tmp)
        try:
            atomic_write_bytes(KeyFile.path_for(target), source_keys.read_bytes())
            os.replace(tmp, target)
            fsync_dir(target.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        _audit_into(target, key, actor, clock, f"Wiederhergestellt aus {source.name}", signer)
    return RestoreResult(target, digest, None, False)


def restore_backup(
    source: Path,
    target: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    user: str | None = None,
    overwrite_live: bool = False,
    live_passphrase: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> RestoreResult:
    """``sro-case restore``: the backup is opened with its own key file (the passphrase that
    was valid when it was made). An existing ``target`` is replaced only with
    ``overwrite_live=True``, after it was backed up into its ``Sicherungen`` folder; opening it
    for that takes its current passphrase (``live_passphrase``, default: ``passphrase``)."""
    from sro_case.accounts.vault import RECOVERY_LABEL, VaultStore, unlock

    source, target = Path(source), Path(target)
    keys = KeyFile.load(_source_key_file(source))
    if recovery_key is not None:
        opened = keys.open(recovery_key, kind=RECOVERY)
        actor = RECOVERY_LABEL
    else:
        opened = keys.open(passphrase or "", kind=PASSPHRASE, label=user)
        actor = opened.slot.label
    key = opened.key
    if not target.exists():
        # Admins only: the copy holds every case file. The role is the one this person has
        # in the backup (there is no other database to ask).
        if opened.identity is not None and opened.identity.role != "admin":
            raise PermissionDenied(
                "Ihre Rolle erlaubt diese Aktion nicht. Wenden Sie sich an die Administration."
            )
        _require_admin_in(source, key, actor)
        return _restore_new(source, key, target, actor=actor, clock=clock, signer=opened.identity)
    if not overwrite_live:
        raise DatabaseExists(
            T(
                "Die Datenbank {path} existiert bereits. Sie wird nur nach ausdrücklicher "
                "Bestätigung ersetzt (und vorher gesichert); oder stellen Sie in eine neue Datei "
                "wieder her.",
                path=target,
            )
        )
    store = unlock(
        target,
        live_passphrase if live_passphrase is not None else passphrase,
        recovery_key=recovery_key,
        user=user,
        clock=clock,
        opened=VaultStore,
    )
    try:
        # Admins only, by their role in the live database: it is rolled back.
        store.require_role("admin")
        return BackupService(store)._restore(source, target, True, key)
    finally:
        store.close()


def _require_admin_in(path: Path, key: bytes, login: str) -> None:
    """Refuse unless ``login`` is an active admin in the database ``path`` (read only; the
    recovery key and a slot without a user record count as admin, as in ``vault.unlock``)."""
    from sro_case.accounts.vault import RECOVERY_LABEL

    if login == RECOVERY_LABEL:
        return
    try:
        conn = _connect(path, key, readonly=True)
        try:
            row = conn.execute(
                "SELECT role, active FROM app_user WHERE login = ?", (login,)
            ).fetchone()
        finally:
            conn.close()
    except (DatabaseDamaged, sqlcipher3.DatabaseError):
        return  # unreadable: the verification before the copy refuses it with its own message
    if row is not None and (row[0] != "admin" or not row[1]):
        raise PermissionDenied(
            "Ihre Rolle erlaubt diese Aktion nicht. Wenden Sie sich an die Administration."
        )
