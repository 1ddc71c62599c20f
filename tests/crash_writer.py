"""The child side of the SIGKILL harness (tests/test_crash_safety.py).

A child opens the database through the real ``unlock`` (cheap key slot, see ``CHILD_KDF``)
and works through the real services in a loop. After each call returns, i.e. after its
commit, it writes one line naming what was committed to ``fd`` with a single ``os.write``
(atomic against SIGKILL: a line is there whole or not at all). The parent kills it at a random
moment and checks that every reported change is in the database.

Children are forked from the test process, which has already imported everything (about 2 ms
instead of 0.4 s for a fresh interpreter), or started as ``python -m tests.crash_writer`` to
show the same with a fresh process; both are real processes killed by the kernel.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import traceback
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sro_case.accounts.keys import rotate_key
from sro_case.accounts.vault import change_passphrase
from sro_case.cases.importing import COLUMNS, import_file
from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.storage.keyfile import KdfParams
from sro_case.store import unlock

PASSPHRASE = "Absturz-sicher Löwenzahn 🌼"
CHILD_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
MODES = ("cases", "passwd", "rotate", "premature", "split")


def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 25, 10, 0))


def secret(index: int) -> str:
    """The passphrase after ``index`` changes in the passphrase-change loop."""
    return PASSPHRASE if index == 0 else f"Passphrase Nummer {index:05d} ✓"


def _emit(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode("utf-8"))


def case_draft(file_number: str) -> m.CaseDraft:
    return m.CaseDraft(
        file_number,
        m.FamilyDraft(f"Familie {file_number}", "toitenwinkel", "Am Hang 3", "18147"),
        (
            m.PersonDraft("Lena", "Crashtest", date(2015, 3, 1), "female", "child"),
            m.PersonDraft("Sven", "Crashtest", date(1985, 7, 9), "male", "parent"),
        ),
        lead_worker="admin",
        opened_on=date(2026, 2, 1),
        reason_for_contact="Stand 0",
        focus_areas=("schule",),
    )


def conference_draft() -> m.ConferenceDraft:
    goal = m.GoalDraft(
        "Lena geht jeden Tag zur Schule.",
        "höchstens zwei Fehltage im Monat",
        "Lena",
        date(2026, 7, 1),
        ("täglich", "oft", "wie jetzt", "seltener", "nie"),
        (m.StepDraft("Frau Crashtest", "weckt Lena um 7 Uhr", date(2026, 4, 8)),),
    )
    return m.ConferenceDraft(
        held_on=date(2026, 4, 1),
        kind="fallkonferenz",
        facilitator="Moderation Nord",
        participants=(
            m.ParticipantDraft("Frau Crashtest", "familie"),
            m.ParticipantDraft("Herr Kurt", "schulsozialarbeit", "Schule am Wald"),
        ),
        family_will="„Wir wollen, dass Lena wieder gern zur Schule geht.“",
        goals=(goal, goal),
        decisions="Nächstes Treffen in drei Monaten.",
        next_review=date(2026, 7, 1),
    )


def import_rows(batch: str) -> str:
    rows = [
        f"{batch}-a;Müller;Anna;03.04.2015;w;Toitenwinkel;§ 31;01.02.2026;;",
        f"{batch}-a;Müller;Ben;10.10.2009;m;Toitenwinkel;§ 31;01.03.2026;;",
        f"{batch}-b;Öztürk;Deniz;;divers;gross_klein;Erziehungsberatung;15.01.2026;;",
    ]
    return "\r\n".join([";".join(COLUMNS), *rows]) + "\r\n"


def write_cases(db: Path, run: int, fd: int, work_dir: Path) -> None:
    """Cases, conferences, edits and imports, each its own transaction, reported on commit."""
    store = unlock(db, PASSPHRASE, clock=clock())
    _emit(fd, "O")
    previous: tuple[int, str] | None = None
    i = 0
    while True:
        number = f"K{run:04d}-{i:04d}"
        case = store.cases.create(case_draft(number))
        _emit(fd, f"C {number}")
        store.conferences.record(case.id, conference_draft())
        _emit(fd, f"K {number}")
        if previous is not None and i % 2 == 1:
            stand = run * 100_000 + i
            store.cases.update(previous[0], m.CaseEdit(reason_for_contact=f"Stand {stand}"))
            _emit(fd, f"U {previous[1]} {stand}")
        if i % 4 == 3:
            batch = f"I{run:04d}-{i:04d}"
            csv = work_dir / f"{batch}.csv"
            csv.write_bytes(import_rows(batch).encode("utf-8"))
            import_file(store, csv)
            _emit(fd, f"I {batch}")
        previous = (case.id, number)
        i += 1


def broken_writers(db: Path, run: int, fd: int, mode: str) -> None:
    """Negative controls: the harness must catch a report made before its commit
    ("premature") and a case written in two transactions ("split")."""
    store = unlock(db, PASSPHRASE, clock=clock())
    i = 0
    while True:
        number = f"K{run:04d}-{i:04d}"
        if mode == "premature":
            _emit(fd, f"C {number}")
            store.cases.create(case_draft(number))
        else:
            draft = case_draft(number)
            case = store.cases.create(replace(draft, persons=draft.persons[:1]))
            store.cases.add_person(case.id, draft.persons[1])
        i += 1


def change_passphrases(db: Path, start: int, fd: int) -> None:
    i = start
    while True:
        _emit(fd, f"S {i}")
        change_passphrase(db, secret(i), secret(i + 1), kdf=CHILD_KDF)
        _emit(fd, f"D {i}")
        i += 1


def rotate_keys(db: Path, fd: int) -> None:
    n = 0
    while True:
        _emit(fd, f"R start {n}")
        rotate_key(db, PASSPHRASE, on_step=lambda name: _emit(fd, f"R {name}"))
        _emit(fd, f"R done {n}")
        n += 1


def child_main(mode: str, db: Path, run: int, fd: int, work_dir: Path) -> None:
    """Runs until killed. An exception is reported as an ``E`` line."""
    try:
        if mode == "cases":
            write_cases(db, run, fd, work_dir)
        elif mode == "passwd":
            change_passphrases(db, run, fd)
        elif mode == "rotate":
            rotate_keys(db, fd)
        elif mode in ("premature", "split"):
            broken_writers(db, run, fd, mode)
        else:
            raise ValueError(mode)
    except BaseException:
        text = traceback.format_exc().replace("\n", " | ")
        _emit(fd, f"E {text}")
        raise


def fork_child(mode: str, db: Path, run: int, work_dir: Path) -> tuple[int, int]:
    """A forked child; returns (pid, read end of its report pipe)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 1
        try:
            os.close(read_fd)
            child_main(mode, db, run, write_fd, work_dir)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def exec_child(mode: str, db: Path, run: int, work_dir: Path) -> subprocess.Popen[bytes]:
    """A fresh interpreter running this module; its reports come on stdout."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_writer", mode, str(db), str(run), str(work_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=root,
        env=env,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="child of the SIGKILL harness")
    parser.add_argument("mode", choices=MODES)
    parser.add_argument("db", type=Path)
    parser.add_argument("run", type=int)
    parser.add_argument("work_dir", type=Path)
    args = parser.parse_args()
    child_main(args.mode, args.db, args.run, sys.stdout.fileno(), args.work_dir)


if __name__ == "__main__":
    main()
