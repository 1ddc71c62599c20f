"""Backups: encrypted, verified before they count, rotated; restores that verify before they
replace anything and round-trip a demo database exactly. Real SQLCipher files, no mocks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from sro_case import demo
from sro_case.accounts.keys import rotate_key
from sro_case.accounts.vault import change_passphrase, database_key
from sro_case.backups import service as backup_module
from sro_case.backups.service import (
    BackupService,
    Digest,
    database_digest,
    due,
    last_backup_time,
    restore_backup,
)
from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.errors import BackupFailed, DatabaseExists, ValidationError
from sro_case.storage.engine import connect_raw
from sro_case.storage.keyfile import KeyFile
from sro_case.store import Store, unlock
from tests.conftest import PASSPHRASE

NAME = re.compile(r"^fallakten-\d{4}-\d{2}-\d{2}T\d{4}(-\d+)?\.db$")
AUDIT = ("audit_event", "meta")


def _digest(path: Path, key: bytes, exclude: tuple[str, ...] = ()) -> Digest:
    conn = connect_raw(path, key)
    try:
        conn.execute("BEGIN")
        return database_digest(conn, exclude=exclude)
    finally:
        conn.close()


def _audit_rows(path: Path, key: bytes) -> list[tuple]:
    conn = connect_raw(path, key)
    try:
        return [tuple(r) for r in conn.execute("SELECT * FROM audit_event ORDER BY seq")]
    finally:
        conn.close()


def _case(store: Store, number: str) -> None:
    store.cases.create(
        m.CaseDraft(
            number,
            m.FamilyDraft("Familie Kröger", "toitenwinkel"),
            (m.PersonDraft("Jördis", "Kröger", date(2015, 3, 1), "female", "child"),),
            opened_on=date(2026, 2, 1),
        )
    )


@pytest.fixture
def filled(store: Store) -> Store:
    demo.generate(store, 120, seed=3)
    return store


def test_backup_is_verified_encrypted_and_opens_with_the_passphrase(filled: Store) -> None:
    result = BackupService(filled).backup()
    assert NAME.match(result.path.name) and result.path.parent.name == "Sicherungen"
    assert result.key_file.read_bytes() == KeyFile.path_for(filled.path).read_bytes()
    assert sorted(p.name for p in result.path.parent.iterdir()) == [
        result.path.name,
        result.key_file.name,
    ], "no temp file, no -wal, nothing else"
    key = database_key(filled)
    assert result.digest == _digest(result.path, key)
    live = _digest(filled.path, key, AUDIT)
    assert _digest(result.path, key, AUDIT) == live
    assert result.digest.count("case_file") == 120 and result.digest.revision
    data = result.path.read_bytes()
    assert b"SQLite format 3" not in data and "Kröger".encode() not in data
    with unlock(result.path, PASSPHRASE, upgrade=False) as copy:
        assert copy.maintenance.check().ok
        assert copy.cases.count() == 120
    with filled.read() as s:
        last = s.execute(
            text("SELECT actor, action, detail FROM audit_event ORDER BY seq DESC")
        ).first()
    assert last is not None and last.action == "backup" and last.actor == "admin"
    assert result.path.name in last.detail and "manuell" in last.detail
    assert "geprüft" in result.summary()


def test_backup_while_another_thread_writes(filled: Store) -> None:
    """Counts and hash come from the copy's own read transaction: no false alarms."""
    stop = threading.Event()
    written: list[str] = []

    def writer() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            _case(filled, f"P-{n:05d}")
            written.append(f"P-{n:05d}")

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        results = [BackupService(filled).backup(keep=10) for _ in range(3)]
    finally:
        stop.set()
        thread.join()
    assert written, "the writer did write meanwhile"
    for r in results:
        assert BackupService(filled).verify(r.path).ok
    assert results[-1].digest.count("case_file") <= 120 + len(written)


def _corrupting_copy(monkeypatch: pytest.MonkeyPatch, damage) -> None:  # type: ignore[no-untyped-def]
    real = backup_module._copy

    def copy_then_damage(src, source_path, key, tmp):  # type: ignore[no-untyped-def]
        digest = real(src, source_path, key, tmp)
        damage(tmp)
        return digest

    monkeypatch.setattr(backup_module, "_copy", copy_then_damage)


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _truncate_odd(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:-1000])


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2 + 77] ^= 0x10
    path.write_bytes(bytes(data))


def _flip_last_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-300] ^= 0x01
    path.write_bytes(bytes(data))


def _mounted_tmpfs(mount: Path, options: str) -> Iterator[Path]:
    """A real tmpfs at ``mount`` (root only; CI runs as root), unmounted afterwards."""
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    ) if os.name == "posix" and os.geteuid() == 0 else None  # fmt: skip
    if done is None or done.returncode != 0:
        pytest.skip("tmpfs lässt sich hier nicht einhängen (nur als root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.fixture
def small_drive(tmp_path: Path) -> Iterator[Path]:
    """A 128 KiB file system: a drive that fills up."""
    yield from _mounted_tmpfs(tmp_path / "kleines-laufwerk", "size=128k")


@pytest.fixture
def read_only_drive(tmp_path: Path) -> Iterator[Path]:
    """A file system mounted read-only (root cannot write there either)."""
    yield from _mounted_tmpfs(tmp_path / "schreibgeschuetzt", "ro,size=128k")


def test_a_read_only_drive_is_said_before_any_work(filled: Store, read_only_drive: Path) -> None:
    with pytest.raises(BackupFailed, match="Der Datenträger ist schreibgeschützt"):
        BackupService(filled).backup(read_only_drive)


def test_a_full_drive_is_said_in_words_and_leaves_nothing_behind(
    filled: Store, small_drive: Path
) -> None:
    before = _digest(filled.path, database_key(filled), exclude=AUDIT)
    folder = small_drive / "Sicherungen"
    with pytest.raises(BackupFailed) as failed:
        BackupService(filled).backup(folder)
    assert "Auf dem Datenträger ist kein Platz mehr frei." in str(failed.value)
    assert "Errno" not in str(failed.value)
    assert list(folder.iterdir()) == [], "no half-written backup or temp file left"
    assert _digest(filled.path, database_key(filled), exclude=AUDIT) == before


def test_a_file_in_place_of_the_backup_folder_is_said_in_words(
    filled: Store, tmp_path: Path
) -> None:
    blocker = tmp_path / "Sicherungen"
    blocker.write_text("keine Sicherung", encoding="utf-8")
    with pytest.raises(BackupFailed, match="Dort liegt eine Datei, wo ein Ordner sein müsste"):
        BackupService(filled).backup(blocker)
    assert blocker.read_text(encoding="utf-8") == "keine Sicherung"


@pytest.mark.parametrize("damage", [_truncate, _truncate_odd, _flip, _flip_last_page])
def test_a_damaged_copy_is_never_renamed_into_place(
    filled: Store,
    monkeypatch: pytest.MonkeyPatch,
    damage,  # type: ignore[no-untyped-def]
) -> None:
    service = BackupService(filled)
    _corrupting_copy(monkeypatch, damage)
    with pytest.raises(BackupFailed, match="verworfen"):
        service.backup()
    assert list(service.default_dir().iterdir()) == [], "nothing left behind"
    with filled.read() as s:
        detail = s.execute(text("SELECT detail FROM audit_event ORDER BY seq DESC")).scalar()
    assert "fehlgeschlagen" in detail


@pytest.mark.parametrize("damage", [_truncate, _truncate_odd, _flip, _flip_last_page])
def test_verify_catches_a_damaged_backup_later(filled: Store, damage) -> None:  # type: ignore[no-untyped-def]
    service = BackupService(filled)
    result = service.backup()
    assert service.verify(result.path).ok
    damage(result.path)
    report = service.verify(result.path)
    assert not report.ok and report.problems
    assert "NICHT in Ordnung" in report.summary()


def test_verify_reports_a_missing_or_foreign_key_file(filled: Store, tmp_path: Path) -> None:
    service = BackupService(filled)
    result = service.backup()
    keys = result.key_file.read_bytes()
    result.key_file.unlink()
    assert any("Schlüsseldatei" in p for p in service.verify(result.path).problems)
    doc = json.loads(keys)
    doc["db_salt"] = "00" * 16
    result.key_file.write_text(json.dumps(doc))
    assert any("gehört nicht" in p for p in service.verify(result.path).problems)


def test_rotation_keeps_the_newest_n_and_nothing_else(store: Store, clock: FixedClock) -> None:
    service = BackupService(store)
    folder = service.default_dir()
    folder.mkdir()
    (folder / "andere-2026-01-01T1000.db").write_bytes(b"x")  # another database's backup
    (folder / "notizen.txt").write_text("bleibt")
    made = []
    for _day in range(5):
        made.append(service.backup(keep=3))
        clock.advance(days=1)
    remaining = service.backups()
    assert remaining == [r.path for r in made[-3:]]
    assert all(KeyFile.path_for(p).exists() for p in remaining)
    assert not KeyFile.path_for(made[0].path).exists()
    assert made[3].removed == (made[0].path,) and made[4].removed == (made[1].path,)
    assert (folder / "andere-2026-01-01T1000.db").exists() and (folder / "notizen.txt").exists()
    with pytest.raises(ValidationError):
        service.backup(keep=0)


def test_same_minute_backups_get_distinct_names(store: Store) -> None:
    service = BackupService(store)
    first, second = service.backup(), service.backup()
    assert first.path != second.path and second.path.name.endswith("-2.db")
    assert service.backups() == [first.path, second.path]


def test_due_at_most_once_a_day(store: Store, clock: FixedClock) -> None:
    noon = datetime(2026, 11, 25, 12, 0)
    assert due(None, noon)
    assert not due(datetime(2026, 11, 25, 0, 5), noon)
    assert due(datetime(2026, 11, 24, 23, 55), noon)
    assert due(datetime(2026, 11, 26, 8, 0), noon), "a backup 'in the future' does not block"
    service = BackupService(store)
    first = service.backup_if_due()
    assert first is not None
    assert last_backup_time(service.default_dir(), "fallakten") is not None
    clock.advance(hours=3)
    assert service.backup_if_due() is None
    clock.advance(days=1)
    later = service.backup_if_due()
    assert later is not None and later.path != first.path


def test_restore_round_trips_a_demo_database_exactly(filled: Store, tmp_path: Path) -> None:
    key = database_key(filled)
    service = BackupService(filled)
    result = service.backup()
    before = _digest(result.path, key)
    audit_before = _audit_rows(result.path, key)
    _case(filled, "NACH-DER-SICHERUNG")  # the live database moves on
    restored = service.restore(result.path)
    assert restored.target.name.startswith("fallakten-wiederhergestellt-")
    assert not restored.replaced_live and restored.safety_backup is None
    assert restored.digest == before  # verified inside restore, before the audit entry
    # Every table is exactly as in the backup; the audit log has one entry more: the restore.
    assert _digest(restored.target, key, AUDIT) == _digest(result.path, key, AUDIT)
    audit_after = _audit_rows(restored.target, key)
    assert audit_after[:-1] == audit_before
    assert audit_after[-1][2:5] == ("admin", "restore", "database")
    assert _digest(result.path, key) == before, "the backup itself is untouched"
    with unlock(restored.target, PASSPHRASE) as copy:
        assert copy.maintenance.check().ok
        assert copy.cases.list() == [
            c for c in filled.cases.list() if c.file_number != "NACH-DER-SICHERUNG"
        ]
    with pytest.raises(DatabaseExists):
        service.restore(result.path, restored.target)


def test_restore_over_the_live_database_needs_consent_and_backs_it_up_first(
    filled: Store, db_path: Path
) -> None:
    key = database_key(filled)
    service = BackupService(filled)
    result = service.backup()
    _case(filled, "NACH-DER-SICHERUNG")
    live_before = _digest(db_path, key)
    with pytest.raises(DatabaseExists, match="Bestätigung"):
        service.restore(result.path, db_path)
    assert _digest(db_path, key) == live_before
    restored = service.restore(result.path, db_path, overwrite_live=True)
    assert restored.replaced_live and restored.safety_backup is not None
    assert "vor-wiederherstellung" in restored.safety_backup.name
    assert restored.safety_backup not in service.backups(), "outside the rotation"
    assert _digest(restored.safety_backup, key) == live_before
    with unlock(db_path, PASSPHRASE) as again:  # the old store was closed, the lock released
        assert again.maintenance.check().ok
        assert again.cases.count() == 120
        with again.read() as s:
            row = s.execute(text("SELECT actor, action FROM audit_event ORDER BY seq DESC")).first()
        assert tuple(row) == ("admin", "restore")
        safety = BackupService(again).verify(restored.safety_backup)
        assert safety.ok, safety.problems
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0


def test_a_damaged_backup_is_not_restored(filled: Store, db_path: Path, tmp_path: Path) -> None:
    key = database_key(filled)
    service = BackupService(filled)
    result = service.backup()
    _flip(result.path)
    live_before = _digest(db_path, key)
    target = tmp_path / "neu.db"
    with pytest.raises(BackupFailed, match="beschädigt"):
        service.restore(result.path, target)
    with pytest.raises(BackupFailed):
        service.restore(result.path, db_path, overwrite_live=True)
    assert not target.exists() and not KeyFile.path_for(target).exists()
    assert _digest(db_path, key) == live_before
    assert not list(tmp_path.glob(".*.tmp")) and not list(db_path.parent.glob(".*.tmp"))


def test_cli_restore_with_the_passphrase_of_the_backup(
    filled: Store, db_path: Path, tmp_path: Path
) -> None:
    result = BackupService(filled).backup()
    filled.close()
    change_passphrase(db_path, PASSPHRASE, "eine ganz neue Passphrase")
    target = tmp_path / "woanders" / "kopie.db"
    restored = restore_backup(result.path, target, passphrase=PASSPHRASE)
    assert restored.target == target and not restored.replaced_live
    with unlock(target, PASSPHRASE) as copy:
        assert copy.cases.count() == 120
    with pytest.raises(DatabaseExists, match="Bestätigung"):
        restore_backup(result.path, db_path, passphrase=PASSPHRASE)
    # Over the live database: the live passphrase opens it, the backup's slots come back.
    with pytest.raises(Exception, match="Passphrase ist falsch"):
        restore_backup(result.path, db_path, passphrase="eine ganz neue Passphrase")
    restored = restore_backup(
        result.path,
        db_path,
        passphrase=PASSPHRASE,
        live_passphrase="eine ganz neue Passphrase",
        overwrite_live=True,
    )
    assert restored.replaced_live
    with unlock(db_path, PASSPHRASE) as again:
        assert again.cases.count() == 120


def test_restore_of_a_backup_from_before_a_key_rotation(filled: Store, db_path: Path) -> None:
    old_key = database_key(filled)
    result = BackupService(filled).backup()
    filled.close()
    rotate_key(db_path, PASSPHRASE)
    with unlock(db_path, PASSPHRASE) as live:
        assert database_key(live) != old_key
        with pytest.raises(BackupFailed, match="damaligen Passphrase"):
            BackupService(live).restore(result.path)
        assert not BackupService(live).verify(result.path).ok
    restored = restore_backup(result.path, db_path, passphrase=PASSPHRASE, overwrite_live=True)
    assert restored.replaced_live
    assert not KeyFile.load(KeyFile.path_for(db_path)).pending
    with unlock(db_path, PASSPHRASE) as again:
        assert database_key(again) == old_key and again.maintenance.check().ok


def test_interrupted_restore_with_another_key_opens_either_state(
    filled: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash between the key-file and the file swap: the live slots are in force, the
    restored key waits as pending, and unlock keeps whichever opens the file that is there."""
    old_key = database_key(filled)
    result = BackupService(filled).backup()
    filled.close()
    rotate_key(db_path, PASSPHRASE)

    real_replace = os.replace

    def crash(src: object, dst: object) -> None:
        if Path(str(dst)) == db_path:  # just before the database file itself is swapped
            raise KeyboardInterrupt("Stromausfall")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        restore_backup(result.path, db_path, passphrase=PASSPHRASE, overwrite_live=True)
    monkeypatch.undo()
    assert KeyFile.load(KeyFile.path_for(db_path)).pending, "the crash left the pending slots"
    with unlock(db_path, PASSPHRASE) as live:  # the live file is still there, with its key
        assert database_key(live) != old_key and live.maintenance.check().ok
    assert not KeyFile.load(KeyFile.path_for(db_path)).pending
