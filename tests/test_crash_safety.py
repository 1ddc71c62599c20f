"""Crash safety: a writing process killed with SIGKILL at random moments loses no committed
change and leaves no half-written case, conference or import; passphrase changes and key
rotations killed at random points leave a database that opens with the old or the new secret
with all its rows. Also: one writer per database, and warnings about unsafe storage places.

The bounded runs here are seeded (reproducible); ``BENCH_KILLS`` sets the length of the slow
variant for the benchmark (``pytest -m slow tests/test_crash_safety.py``).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import text

from sro_case import demo
from sro_case.accounts.vault import add_user_slot, database_key
from sro_case.backups.service import Digest, database_digest
from sro_case.domain import models as m
from sro_case.errors import DatabaseInUse, WrongPassphrase
from sro_case.storage import lockfile
from sro_case.storage.engine import connect_raw
from sro_case.storage.keyfile import KeyFile
from sro_case.storage.location import location_warning
from sro_case.store import create_database, unlock
from tests import crash_writer as cw

posix_only = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "win32", reason="SIGKILL and fork are POSIX"
)

# --------------------------------------------------------------------------- the harness

Trigger = Callable[[str], float | None]  # a reported line -> kill after that many seconds


@dataclass
class Killed:
    lines: list[str]
    seconds: float


def _kill_child(
    pid: int,
    fd: int,
    delay: float,
    trigger: Trigger | None = None,
    reap: Callable[[], None] | None = None,
) -> Killed:
    """Read the child's reports until ``delay`` has passed (or a trigger fires), SIGKILL it,
    then take whatever it had written before it died."""
    started = time.monotonic()
    deadline = started + delay
    buf = b""
    seen = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break  # the child ended by itself: only on an error, reported below
        buf += chunk
        if trigger is not None:
            *complete, _rest = buf.split(b"\n")
            for raw in complete[seen:]:
                after = trigger(raw.decode("utf-8"))
                if after is not None:
                    deadline = min(deadline, time.monotonic() + after)
            seen = len(complete)
    os.kill(pid, signal.SIGKILL)
    if reap is None:
        os.waitpid(pid, 0)
    else:
        reap()
    while chunk := os.read(fd, 65536):
        buf += chunk
    lines = [ln for ln in buf.decode("utf-8").split("\n")[:-1]]  # drop a torn last line
    errors = [ln for ln in lines if ln.startswith("E ")]
    assert not errors, errors[0].replace(" | ", "\n")
    return Killed(lines, time.monotonic() - started)


def _forked(
    mode: str, db: Path, run: int, work: Path, delay: float, trigger: Trigger | None = None
) -> Killed:
    pid, fd = cw.fork_child(mode, db, run, work)
    try:
        return _kill_child(pid, fd, delay, trigger)
    finally:
        os.close(fd)


def _executed(
    mode: str, db: Path, run: int, work: Path, delay: float, trigger: Trigger | None = None
) -> Killed:
    proc = cw.exec_child(mode, db, run, work)
    assert proc.stdout is not None
    try:
        return _kill_child(proc.pid, proc.stdout.fileno(), delay, trigger, reap=proc.wait)
    finally:
        proc.stdout.close()


def _new_database(tmp_path: Path) -> Path:
    db = tmp_path / "daten" / "fallakten.db"
    created = create_database(db, cw.PASSPHRASE, kdf=cw.CHILD_KDF, clock=cw.clock())
    created.store.close()
    return db


# --------------------------------------------------------------------------- cases


@dataclass
class Ledger:
    """Everything the children reported as committed."""

    cases: set[str] = field(default_factory=set)
    conferences: set[str] = field(default_factory=set)
    stand: dict[str, int] = field(default_factory=dict)
    imports: set[str] = field(default_factory=set)
    phases: Counter[str] = field(default_factory=Counter)

    def add(self, lines: list[str]) -> None:
        self.phases[lines[-1].split(" ")[0] if lines else "start"] += 1
        for line in lines:
            kind, *rest = line.split(" ")
            if kind == "C":
                self.cases.add(rest[0])
            elif kind == "K":
                self.conferences.add(rest[0])
            elif kind == "U":
                self.stand[rest[0]] = max(self.stand.get(rest[0], 0), int(rest[1]))
            elif kind == "I":
                self.imports.add(rest[0])


_CASE_QUERY = """
SELECT c.file_number, c.reason_for_contact,
  (SELECT count(*) FROM person p WHERE p.family_id = c.family_id),
  (SELECT count(*) FROM conference k WHERE k.case_id = c.id),
  (SELECT count(*) FROM participant pa JOIN conference k ON pa.conference_id = k.id
     WHERE k.case_id = c.id),
  (SELECT count(*) FROM goal g WHERE g.case_id = c.id),
  (SELECT count(*) FROM action_step st JOIN goal g ON st.goal_id = g.id WHERE g.case_id = c.id),
  (SELECT count(*) FROM help h WHERE h.case_id = c.id)
FROM case_file c
"""


def _check_cases(db: Path, ledger: Ledger) -> int:
    """Reopen through ``unlock`` (which also proves the dead child's lock is gone) and check
    integrity, the audit chain, every reported commit and that nothing is half there."""
    with unlock(db, cw.PASSPHRASE, clock=cw.clock()) as store:
        report = store.maintenance.check()
        assert report.integrity == "ok", report.integrity
        assert report.cipher_integrity == (), report.cipher_integrity
        assert report.audit_ok, report.audit_problems
        with store.read() as s:
            rows = {r[0]: r[1:] for r in s.execute(text(_CASE_QUERY))}
    batches: dict[str, set[str]] = {}
    for number, (_reason, persons, confs, parts, goals, steps, helps) in rows.items():
        if number.startswith("K"):
            assert persons == 2, (number, "half-written case", persons)
            assert confs in (0, 1), (number, confs)
            assert (parts, goals, steps) == ((2, 2, 2) if confs else (0, 0, 0)), (
                number,
                "half-written conference",
                parts,
                goals,
                steps,
            )
        elif number.startswith("I"):
            batch, part = number.rsplit("-", 1)
            batches.setdefault(batch, set()).add(part)
            assert persons == {"a": 2, "b": 1}[part], (number, "half-written import", persons)
            assert helps == {"a": 2, "b": 1}[part], (number, "half-written import", helps)
    for batch, parts_found in batches.items():
        assert parts_found == {"a", "b"}, (batch, "half an import", parts_found)
    lost = [n for n in ledger.cases if n not in rows]
    lost += [n for n in ledger.conferences if n not in rows or rows[n][2] != 1]
    lost += [b for b in ledger.imports if b not in batches]
    for number, stand in ledger.stand.items():
        if int(rows[number][0].split(" ")[1]) < stand:
            lost.append(f"{number} Stand {stand}")
    assert lost == [], f"committed changes lost: {lost[:10]}"
    return len(rows)


def _kill_loop(tmp_path: Path, kills: int, seed: int, *, max_delay: float) -> tuple[Ledger, int]:
    db = _new_database(tmp_path)
    work = tmp_path / "import"
    work.mkdir()
    rng = random.Random(seed)
    ledger = Ledger()
    cases = 0
    for run in range(kills):
        killed = _forked("cases", db, run, work, rng.uniform(0.0, max_delay))
        ledger.add(killed.lines)
        cases = _check_cases(db, ledger)
    return ledger, cases


@posix_only
def test_sigkill_during_writes_loses_nothing_committed(tmp_path: Path) -> None:
    """The bounded run: 220 kills."""
    started = time.monotonic()
    ledger, cases = _kill_loop(tmp_path, 220, seed=20261125, max_delay=0.3)
    assert len(ledger.cases) > 200 and len(ledger.conferences) > 150 and ledger.imports
    print(
        f"220 kills in {time.monotonic() - started:.1f} s: {cases} cases in the database, "
        f"reported committed: {len(ledger.cases)} cases, {len(ledger.conferences)} conferences, "
        f"{len(ledger.stand)} edits, {len(ledger.imports)} imports; "
        f"killed after: {dict(ledger.phases)}"
    )


@posix_only
@pytest.mark.parametrize(
    ("mode", "finding"), [("premature", "committed changes lost"), ("split", "half-written case")]
)
def test_the_harness_catches_broken_writers(tmp_path: Path, mode: str, finding: str) -> None:
    """A harness that cannot fail proves nothing: a child that reports before its commit, or
    writes a case in two transactions, is caught within a few kills."""
    db = _new_database(tmp_path)
    rng = random.Random(11)
    ledger = Ledger()
    for run in range(100):
        killed = _forked(mode, db, run, tmp_path, rng.uniform(0.05, 0.3))
        ledger.add(killed.lines)
        try:
            _check_cases(db, ledger)
        except AssertionError as exc:
            assert finding in str(exc)
            print(f"{mode}: caught after {run + 1} kills")
            return
    pytest.fail(f"the harness did not notice the {mode} writer")


@posix_only
@pytest.mark.slow
@pytest.mark.skipif("BENCH_KILLS" not in os.environ, reason="benchmark only: set BENCH_KILLS")
@pytest.mark.timeout(0)
def test_sigkill_long_run_for_the_benchmark(tmp_path: Path) -> None:
    kills = int(os.environ.get("BENCH_KILLS", "2000"))
    started = time.monotonic()
    _ledger, cases = _kill_loop(
        tmp_path, kills, seed=int(os.environ.get("BENCH_SEED", "7")), max_delay=0.5
    )
    print(
        f"BENCH sigkill: {kills} kills, 0 committed changes lost, 0 integrity failures, "
        f"{cases} cases, {time.monotonic() - started:.1f} s"
    )


@posix_only
def test_sigkill_of_a_fresh_interpreter(tmp_path: Path) -> None:
    """The same with ``python -m tests.crash_writer`` instead of fork (a few runs: slower)."""
    db = _new_database(tmp_path)
    work = tmp_path / "import"
    work.mkdir()
    rng = random.Random(3)
    ledger = Ledger()
    for run in range(6):
        # Killed a while after the child reports the database open ("O"), not after a fixed
        # time from its start: a cold interpreter on a busy machine took over 1.2 s to get
        # there, and the children were killed before they wrote anything.
        after = rng.uniform(0.1, 0.6)
        killed = _executed(
            "cases", db, run, work, 60.0, lambda line, after=after: after if line == "O" else None
        )
        assert killed.lines and killed.lines[0] == "O", killed.lines
        ledger.add(killed.lines)
        _check_cases(db, ledger)
    assert ledger.cases, "the children never got to write"


# --------------------------------------------------------------------------- passphrase


def _content(db: Path, key: bytes, *, exclude: tuple[str, ...] = ()) -> Digest:
    conn = connect_raw(db, key)
    try:
        conn.execute("BEGIN")
        return database_digest(conn, exclude=exclude)
    finally:
        conn.close()


def _opening_secret(db: Path, candidates: list[int]) -> list[int]:
    """Which of the candidate passphrases open the key file (without counting failures)."""
    keys = KeyFile.load(KeyFile.path_for(db))
    found = []
    for index in candidates:
        try:
            keys.open_slot(cw.secret(index))
            found.append(index)
        except WrongPassphrase:
            pass
    return found


@posix_only
def test_passphrase_change_killed_at_50_random_points(tmp_path: Path) -> None:
    db = _new_database(tmp_path)
    with unlock(db, cw.PASSPHRASE, clock=cw.clock()) as store:
        demo.generate(store, 40, seed=5)
        key = database_key(store)
    reference = _content(db, key)
    rng = random.Random(50)
    current = 0
    outcomes: Counter[str] = Counter()
    for run in range(50):
        killed = _forked("passwd", db, current, tmp_path, rng.uniform(0.0, 0.12))
        started = [int(ln.split()[1]) for ln in killed.lines if ln.startswith("S ")]
        done = [int(ln.split()[1]) for ln in killed.lines if ln.startswith("D ")]
        last = started[-1] if started else current
        opening = _opening_secret(db, [last, last + 1])
        assert len(opening) == 1, (run, last, opening)
        if done and done[-1] == last:
            assert opening == [last + 1], "a reported passphrase change was lost"
        outcomes["new" if opening == [last + 1] else "old"] += 1
        current = opening[0]
        with unlock(db, cw.secret(current), clock=cw.clock()) as store:
            assert database_key(store) == key
            assert store.maintenance.check().ok
        assert _content(db, key) == reference
        assert not list(db.parent.glob(".*.tmp")), "stray temp files were not cleaned up"
    assert current > 25  # the changes really happened
    print(f"passphrase change: 50 kills, opened with old/new: {dict(outcomes)}, {current} changes")


# --------------------------------------------------------------------------- key rotation

_ROTATION_MARKS = [
    "R start",
    "R pending_written",
    "R journal_delete",
    "R rekeyed",
    "R verified",
    "R promoted",
    None,  # a random moment
]


PETRA = "Petras eigene Passphrase"


@posix_only
def test_key_rotation_killed_at_50_random_points(tmp_path: Path) -> None:
    db = tmp_path / "daten" / "fallakten.db"
    created = create_database(db, cw.PASSPHRASE, kdf=cw.CHILD_KDF, clock=cw.clock())
    recovery = created.recovery_key
    with created.store as store:
        demo.generate(store, 200, seed=9)  # a few MiB, so the rekey itself takes a while
        store.users.add(m.UserDraft("petra", "Petra Lange", "caseworker"))
        add_user_slot(store, "petra", PETRA, kdf=cw.CHILD_KDF)
        key = database_key(store)
    skip = ("audit_event", "meta")  # rotations add audit entries; everything else is unchanged
    reference = _content(db, key, exclude=skip)
    rng = random.Random(4711)
    phases: Counter[str] = Counter()
    rotations = hot_journals = key_changes = 0
    for run in range(50):
        mark = _ROTATION_MARKS[run % len(_ROTATION_MARKS)]
        after = rng.uniform(0.0, 0.03)

        def trigger(line: str, mark: str | None = mark, after: float = after) -> float | None:
            return after if mark is not None and line.startswith(mark) else None

        killed = _forked(
            "rotate", db, run, tmp_path, 3.0 if mark else rng.uniform(0.0, 0.4), trigger
        )
        marks = [ln for ln in killed.lines if ln.startswith("R ") and not ln.startswith("R done")]
        phases[marks[-1].split()[1] if marks else "before start"] += 1
        journal = Path(f"{db}-journal")
        hot_journals += journal.exists() and journal.stat().st_size > 0  # killed inside the rekey
        rotations += sum(ln.startswith("R done") for ln in killed.lines)
        # The same passphrase opens, whether the old or the new key is in force.
        with unlock(db, cw.PASSPHRASE, clock=cw.clock()) as store:
            new_key = database_key(store)
            report = store.maintenance.check()
            assert report.ok, (run, marks[-3:], report)
        assert not KeyFile.load(KeyFile.path_for(db)).pending, "the rotation was not finished"
        # Everyone who stays is still in, without having typed anything during the rotation:
        # the other user with her own passphrase, and the same recovery key.
        for opened in (
            unlock(db, PETRA, user="petra", clock=cw.clock()),
            unlock(db, recovery_key=recovery, clock=cw.clock()),
        ):
            with opened as other:
                assert database_key(other) == new_key, run
        if any(ln.startswith("R rekeyed") for ln in killed.lines):
            assert new_key != key, "a committed rekey was lost"
        if not any(ln.startswith("R journal_delete") for ln in killed.lines):
            assert new_key == key, "the key changed although no rekey started"
        assert _content(db, new_key, exclude=skip) == reference, (run, marks[-3:])
        key_changes += new_key != key
        key = new_key
    assert key_changes >= 21, "every kill after 'rekeyed' comes after a rekey"
    print(
        f"key rotation: 50 kills, {key_changes} new keys, {rotations} rotations completed, "
        f"{hot_journals} killed inside the rekey (hot journal left), "
        f"last step reported: {dict(phases)}"
    )


# --------------------------------------------------------------------------- one writer


@posix_only
def test_second_instance_is_told_who_holds_the_database(tmp_path: Path) -> None:
    db = _new_database(tmp_path)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            store = unlock(db, cw.PASSPHRASE, clock=cw.clock())
            os.write(write_fd, b"open\n")
            time.sleep(30)
            store.close()
        finally:
            os._exit(0)
    os.close(write_fd)
    try:
        assert os.read(read_fd, 100) == b"open\n"
        holder = lockfile.holder(db)
        assert holder is not None and holder.pid == pid
        with pytest.raises(DatabaseInUse) as info:
            unlock(db, cw.PASSPHRASE, clock=cw.clock())
        message = str(info.value)
        assert (
            f"Prozess {pid}" in message and holder.host in message and "bereits geöffnet" in message
        )
        assert info.value.exit_code == 5
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
    # The killed holder's lock went with it; its lock file is taken over.
    assert lockfile.lock_path(db).exists()
    assert lockfile.holder(db) is None
    with unlock(db, cw.PASSPHRASE, clock=cw.clock()) as store:
        assert lockfile.holder(db).pid == os.getpid()  # type: ignore[union-attr]
        assert store.maintenance.check().ok
    assert not lockfile.lock_path(db).exists(), "a clean close leaves no lock file"


def test_lock_is_reentrant_within_one_process(tmp_path: Path) -> None:
    db = _new_database(tmp_path)
    first = unlock(db, cw.PASSPHRASE, clock=cw.clock())
    second = unlock(db, cw.PASSPHRASE, clock=cw.clock())  # e.g. the GUI and its export worker
    assert lockfile.held_count(db) == 2
    first.close()
    first.close()  # idempotent
    assert lockfile.held_count(db) == 1
    second.close()
    assert lockfile.held_count(db) == 0


def test_lock_message_from_a_fresh_process(tmp_path: Path) -> None:
    """A second program (a new interpreter, as a user would start it) gets the message."""
    db = _new_database(tmp_path)
    with unlock(db, cw.PASSPHRASE, clock=cw.clock()):
        code = (
            "import sys\n"
            "from sro_case.store import unlock\n"
            "from sro_case.errors import DatabaseInUse\n"
            "try:\n"
            f"    unlock(sys.argv[1], {cw.PASSPHRASE!r})\n"
            "except DatabaseInUse as e:\n"
            "    print(e)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code, str(db)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=Path(__file__).resolve().parent.parent,
        )
    assert f"Prozess {os.getpid()}" in result.stdout, result.stdout + result.stderr


# --------------------------------------------------------------------------- storage location

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//nas/fallakten /mnt/nas cifs rw,vers=3.0 0 0
server:/export /srv/nfs nfs4 rw 0 0
anna@host:/data /home/anna/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/nas/lokal ext4 rw 0 0
/dev/sdc1 /media/anna/USB\\040Stick vfat rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/nas/fallakten.db", "cifs"),
        ("/srv/nfs/a/b/fallakten.db", "nfs4"),
        ("/home/anna/remote/fallakten.db", "fuse.sshfs"),
        ("/mnt/nas/lokal/fallakten.db", None),  # a local disk mounted inside the share
        ("/media/anna/USB Stick/fallakten.db", None),
        ("/home/anna/daten/fallakten.db", None),
    ],
)
def test_network_file_systems_on_linux(path: str, expected: str | None) -> None:
    warning = location_warning(Path(path), platform="linux", mounts=MOUNTS, environ={})
    if expected is None:
        assert warning is None
    else:
        assert warning is not None and "Netzlaufwerk" in warning and expected in warning


@pytest.mark.parametrize(
    ("path", "product"),
    [
        ("/home/anna/Nextcloud/Jugendamt/fallakten.db", "Nextcloud"),
        ("/home/anna/Dropbox (Stadt)/fallakten.db", "Dropbox"),
        ("/home/anna/ownCloud/fallakten.db", "ownCloud"),
        ("/home/anna/Seafile/Meine Bibliothek/fallakten.db", "Seafile"),
        ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/fallakten.db", "iCloud Drive"),
        ("/home/anna/Google Drive/fallakten.db", "Google Drive"),
    ],
)
def test_cloud_folders(path: str, product: str) -> None:
    warning = location_warning(Path(path), platform="linux", mounts="", environ={})
    assert warning is not None and product in warning and "Cloud" in warning


@pytest.mark.parametrize(
    ("path", "drive_type", "environ", "expected"),
    [
        (r"\\rathaus\jugendamt\fallakten.db", 3, {}, r"Freigabe \\rathaus\jugendamt"),
        (r"\\?\UNC\rathaus\jugendamt\fallakten.db", 3, {}, r"\\rathaus\jugendamt"),
        (r"Z:\Fallakten\fallakten.db", 4, {}, "Netzlaufwerk Z:"),
        (r"C:\Users\anna\OneDrive - Hansestadt Rostock\fallakten.db", 3, {}, "OneDrive"),
        (
            r"C:\Users\anna\Firmenablage\fallakten.db",
            3,
            {"OneDriveCommercial": r"C:\Users\Anna\Firmenablage"},
            "OneDrive",
        ),
        (r"C:\Users\anna\AppData\Local\sro-case\fallakten.db", 3, {}, None),
        (r"\\?\C:\Daten\fallakten.db", 3, {}, None),
    ],
)
def test_windows_paths(
    path: str, drive_type: int, environ: dict[str, str], expected: str | None
) -> None:
    warning = location_warning(
        Path(path), platform="win32", drive_type=lambda _root: drive_type, environ=environ
    )
    if expected is None:
        assert warning is None
    else:
        assert warning is not None and expected in warning


def test_this_machines_temp_folder_is_fine(tmp_path: Path) -> None:
    assert location_warning(tmp_path / "fallakten.db") is None
