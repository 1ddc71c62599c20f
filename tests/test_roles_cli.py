"""The same roles on the command line as in the desktop client (issue #14, findings 5 and 7).

Every command is run through ``sro_case.cli.main`` against a real encrypted database in
``tmp_path``, once for each role, each person signing in with a key slot of their own
(``--user LOGIN``, passphrase from ``SRO_CASE_PASSPHRASE``). A refused command exits with
``EXIT_NOT_ALLOWED`` and a German message, and changes nothing: every file beside the database
(database, key file, backups, targets) has the same digest afterwards, and the audit log is the
same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from sro_case import cli
from sro_case.accounts.vault import add_user_slot, remove_user_slot
from sro_case.backups.service import BackupService
from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.storage.keyfile import KeyFile
from sro_case.store import create_database, unlock
from tests.conftest import FAST_KDF, PASSPHRASE

EXIT_NOT_ALLOWED = 6
REFUSED = "Ihre Rolle erlaubt diese Aktion nicht"

# login -> (name, role, passphrase); "admin" (PASSPHRASE) is the admin made with the database
USERS = {
    "clara": ("Clara Otto", "controlling", "Clara zählt nur Zahlen"),
    "petra": ("Petra Lange", "caseworker", "Petra ihre Passphrase"),
    "moritz": ("Moritz Brandt", "facilitator", "Moritz moderiert gern"),
    "anke": ("Anke Wolff", "admin", "Anke administriert alles"),
    "ex": ("Emil Xaver", "caseworker", "Emil geht bald weg"),
}
ROLES = {"controlling": "clara", "caseworker": "petra", "facilitator": "moritz", "admin": "anke"}
HEADER = "Aktenzeichen;Familienname;Vorname;Geburtsdatum;Geschlecht;Sozialraum;Hilfeart;Beginn;Ende;Fachkraft"


@dataclass
class Office:
    db: Path
    root: Path
    backup: Path  # made before "ex" left and before the last audit entries
    recovery_key: str


@pytest.fixture
def office(tmp_path: Path, clock: FixedClock) -> Office:
    root = tmp_path / "amt"
    db = root / "fallakten.db"
    created = create_database(db, PASSPHRASE, kdf=FAST_KDF, clock=clock)
    store = created.store
    try:
        store.cases.create(
            m.CaseDraft(
                "51.2-2026-000007",
                m.FamilyDraft("Familie Kowalski", "evershagen"),
                (m.PersonDraft("Łucja", "Kowalski", date(2012, 5, 5), "female"),),
                opened_on=date(2026, 1, 2),
            )
        )
        for login, (name, role, secret) in USERS.items():
            store.users.add(m.UserDraft(login, name, role))
            add_user_slot(store, login, secret, kdf=FAST_KDF)
        backup = BackupService(store).backup(root / "Sicherungen").path
        # after the backup: a removed user and two more audit entries, which a restore over
        # the live database would take back
        remove_user_slot(store, "ex")
        store.cases.get(1)
    finally:
        store.close()
    return Office(db, root, backup, created.recovery_key)


def _snapshot(root: Path) -> dict[str, str]:
    """Digest of every file under ``root`` except the lock file (its content names the
    process holding the database; the lock is released again after each command)."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _audit(db: Path) -> list[tuple]:
    with unlock(db, PASSPHRASE, user="admin") as store, store.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                text("SELECT seq, actor, action, entity, detail FROM audit_event ORDER BY seq")
            )
        ]


def _run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    login: str,
    *argv: str,
    new_passphrase: str | None = None,
) -> tuple[int, str, str]:
    for name in ("SRO_CASE_PASSPHRASE", "SRO_CASE_NEW_PASSPHRASE", "SRO_CASE_RECOVERY_KEY"):
        monkeypatch.delenv(name, raising=False)
    secret = PASSPHRASE if login == "admin" else USERS[login][2]
    monkeypatch.setenv("SRO_CASE_PASSPHRASE", secret)
    if new_passphrase:
        monkeypatch.setenv("SRO_CASE_NEW_PASSPHRASE", new_passphrase)
    capsys.readouterr()
    code = cli.main([*argv, "--user", login])
    out, err = capsys.readouterr()
    return code, out, err


# command name -> (argv for the office, allowed roles)
Command = Callable[[Office], list[str]]


def _csv(office: Office) -> Path:
    path = office.root.parent / "liste.csv"
    path.write_text(
        HEADER + "\nA-1;Nowak;Jan;01.02.2014;m;Toitenwinkel;§ 31;01.03.2026;;\n",
        encoding="utf-8",
    )
    return path


def _open_data(office: Office) -> Path:
    """An export-all folder (made by the admin) and an empty database to load it into."""
    folder = office.root.parent / "offen"
    if not folder.exists():
        from sro_case.open_data.service import export_all

        with unlock(office.db, PASSPHRASE, user="admin") as store:
            export_all(store, folder)
    return folder


ADMIN = {"admin"}
EVERYONE = {"controlling", "caseworker", "facilitator", "admin"}
CASE_WORK = {"caseworker", "facilitator", "admin"}

COMMANDS: dict[str, tuple[Command, set[str]]] = {
    "backup": (
        lambda o: ["backup", "--db", str(o.db), "--to", str(o.root / "Sicherungen")],
        ADMIN,
    ),
    "restore-new": (
        lambda o: ["restore", "--db", str(o.root / "kopie.db"), "--from", str(o.backup)],
        ADMIN,
    ),
    "restore-overwrite": (
        lambda o: ["restore", "--db", str(o.db), "--from", str(o.backup), "--overwrite", "--yes"],
        ADMIN,
    ),
    "rotate-key": (lambda o: ["rotate-key", "--db", str(o.db)], ADMIN),
    "user-add": (
        lambda o: ["user", "add", "--db", str(o.db), "--login", "neu", "--name", "Nina Neu"],
        ADMIN,
    ),
    "user-add-admin": (
        lambda o: [
            "user",
            "add",
            "--db",
            str(o.db),
            "--login",
            "neu",
            "--name",
            "Nina Neu",
            "--role",
            "admin",
        ],
        ADMIN,
    ),
    "user-remove": (lambda o: ["user", "remove", "--db", str(o.db), "--login", "moritz"], ADMIN),
    "export-all": (
        lambda o: ["export-all", "--db", str(o.db), "--out", str(o.root / "alles")],
        ADMIN,
    ),
    "retention": (lambda o: ["retention", "--db", str(o.db)], ADMIN),
    "retention-apply": (lambda o: ["retention", "--db", str(o.db), "--apply", "--yes"], ADMIN),
    "access-request": (
        lambda o: [
            "access-request",
            "--db",
            str(o.db),
            "--person",
            "1",
            "--out",
            str(o.root / "auskunft"),
        ],
        ADMIN,
    ),
    "cases": (lambda o: ["cases", "--db", str(o.db)], CASE_WORK),
    "import": (lambda o: ["import", "--db", str(o.db), str(_csv(o))], CASE_WORK),
    "export-stats": (
        lambda o: [
            "export-stats",
            "--db",
            str(o.db),
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            str(o.root / "statistik.csv"),
        ],
        EVERYONE,
    ),
}


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_command_for_each_role(
    office: Office,
    role: str,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv, allowed = COMMANDS[command]
    login = ROLES[role]
    args = argv(office)
    audit_before = _audit(office.db)
    before = _snapshot(office.root)
    code, out, err = _run(
        monkeypatch, capsys, login, *args, new_passphrase="Sommerwiese Kran 47 Ostseewelle"
    )
    if role in allowed:
        assert code == 0, err
        assert _snapshot(office.root) != before or command in (
            "cases",
            "retention",
            "retention-apply",
        )
        return
    assert code == EXIT_NOT_ALLOWED, (code, out, err)
    assert ("Administration" in err) and err.startswith("Fehler: "), err
    assert "Traceback" not in err
    assert _snapshot(office.root) == before  # database, key file, backups: not one byte
    assert _audit(office.db) == audit_before


@pytest.mark.parametrize("role", list(ROLES))
def test_import_all_only_for_admins(
    office: Office,
    role: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    clock: FixedClock,
) -> None:
    folder = _open_data(office)
    # an empty database with the same team, as a new office PC would have it
    empty = tmp_path / "neu" / "leer.db"
    created = create_database(empty, PASSPHRASE, kdf=FAST_KDF, clock=clock)
    with created.store as store:
        for login, (name, user_role, secret) in USERS.items():
            store.users.add(m.UserDraft(login, name, user_role))
            add_user_slot(store, login, secret, kdf=FAST_KDF)
    audit_before = _audit(empty)  # (the first opening after creating refreshes statistics)
    before = _snapshot(empty.parent)
    code, _out, err = _run(
        monkeypatch, capsys, ROLES[role], "import-all", "--db", str(empty), "--in", str(folder)
    )
    if role == "admin":
        assert code != EXIT_NOT_ALLOWED and REFUSED not in err
        return
    assert code == EXIT_NOT_ALLOWED and REFUSED in err, err
    assert _snapshot(empty.parent) == before
    assert _audit(empty) == audit_before


def test_restore_over_the_live_database_is_the_admins_and_audited(
    office: Office, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tester's case: Controlling restored an old backup over the live database, which
    lost two audit entries and brought a removed user's slot back. Now it is refused; the admin
    may, and the restored database records who restored what."""
    live_audit = _audit(office.db)
    code, _out, err = _run(
        monkeypatch,
        capsys,
        "clara",
        "restore",
        "--db",
        str(office.db),
        "--from",
        str(office.backup),
        "--overwrite",
        "--yes",
    )
    assert code == EXIT_NOT_ALLOWED and REFUSED in err
    assert _audit(office.db) == live_audit
    assert "ex" not in KeyFile.load(KeyFile.path_for(office.db)).labels()

    code, _out, err = _run(
        monkeypatch,
        capsys,
        "anke",
        "restore",
        "--db",
        str(office.db),
        "--from",
        str(office.backup),
        "--overwrite",
        "--yes",
    )
    assert code == 0, err
    restored = _audit(office.db)
    restore = next(r for r in reversed(restored) if r[2] == "restore")
    assert restore[1] == "anke"
    assert office.backup.name in restore[4] and "vorheriger Stand" in restore[4]
    # "ex" left after the backup was made: restoring it does not bring her slot back
    assert restored[-1][1:3] == ("anke", "rotate_key") and "ex" in restored[-1][4]
    assert "ex" not in KeyFile.load(KeyFile.path_for(office.db)).labels()


def test_backup_on_closing_stays_for_every_role(office: Office, clock: FixedClock) -> None:
    """The automatic daily backup when the program closes is not a command anyone chooses: it
    runs for every role, as before."""
    with unlock(office.db, USERS["clara"][2], user="clara", clock=clock) as store:
        folder = office.root / "täglich"
        assert BackupService(store).backup_if_due(folder) is not None
    assert len(list(folder.glob("*.db"))) == 1


# --------------------------------------------------------------------------- user remove


def test_nobody_removes_their_own_access(
    office: Office, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    audit_before = _audit(office.db)
    before = _snapshot(office.root)
    code, _out, err = _run(
        monkeypatch, capsys, "anke", "user", "remove", "--db", str(office.db), "--login", "anke"
    )
    assert code == cli.EXIT_INVALID, err
    assert "Den eigenen Zugang können Sie nicht entfernen." in err
    assert _snapshot(office.root) == before
    assert _audit(office.db) == audit_before


def test_the_last_active_admin_stays(
    tmp_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "amt" / "fallakten.db"
    created = create_database(db, PASSPHRASE, kdf=FAST_KDF, clock=clock)
    with created.store as store:
        store.users.add(m.UserDraft("anke", "Anke Wolff", "admin"))
        add_user_slot(store, "anke", USERS["anke"][2], kdf=FAST_KDF)
    # one admin may remove the other …
    code, _out, err = _run(
        monkeypatch, capsys, "anke", "user", "remove", "--db", str(db), "--login", "admin"
    )
    assert code == 0, err
    # … but the last one stays, also for whoever holds the recovery key
    before = _snapshot(db.parent)
    for name in ("SRO_CASE_PASSPHRASE", "SRO_CASE_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SRO_CASE_RECOVERY_KEY", created.recovery_key)
    capsys.readouterr()
    code = cli.main(["user", "remove", "--db", str(db), "--login", "anke"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_INVALID, err
    assert "Der letzte aktive Admin-Zugang kann nicht entfernt werden." in err
    assert _snapshot(db.parent) == before
    assert "anke" in KeyFile.load(KeyFile.path_for(db)).labels()
    monkeypatch.delenv("SRO_CASE_RECOVERY_KEY")
    with unlock(db, USERS["anke"][2], user="anke", clock=clock) as store:
        assert store.role == "admin"


def test_the_services_refuse_too(office: Office, clock: FixedClock) -> None:
    """The rules live in the services, so the desktop client and the command line share them."""
    from sro_case.accounts.keys import rotate_key
    from sro_case.backups.service import restore_backup
    from sro_case.errors import PermissionDenied, ValidationError

    for login in ("clara", "petra", "moritz"):
        secret = USERS[login][2]
        with unlock(office.db, secret, user=login, clock=clock) as store:
            with pytest.raises(PermissionDenied):
                BackupService(store).backup(office.root / "x")
            with pytest.raises(PermissionDenied):
                store.users.remove("moritz")
        with pytest.raises(PermissionDenied):
            restore_backup(office.backup, office.root / "neu.db", passphrase=secret, user=login)
        with pytest.raises(PermissionDenied):
            restore_backup(
                office.backup, office.db, passphrase=secret, user=login, overwrite_live=True
            )
        with pytest.raises(PermissionDenied):
            rotate_key(office.db, secret, user=login, clock=clock)
    with (
        unlock(office.db, USERS["anke"][2], user="anke", clock=clock) as admin,
        pytest.raises(ValidationError, match="eigenen Zugang"),
    ):
        remove_user_slot(admin, "anke")
    assert not (office.root / "x").exists() and not (office.root / "neu.db").exists()


def test_the_real_command_refuses_a_backup_for_controlling(office: Office) -> None:
    """As the tester ran it: ``sro-case backup`` in its own process, signed in as Controlling."""
    import os
    import subprocess
    import sys

    _audit(office.db)
    before = _snapshot(office.root)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")}
    env["SRO_CASE_PASSPHRASE"] = USERS["clara"][2]
    result = subprocess.run(
        [sys.executable, "-m", "sro_case", "backup", "--db", str(office.db), "--user", "clara"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == EXIT_NOT_ALLOWED, result.stderr
    assert result.stderr.startswith("Fehler: Ihre Rolle erlaubt diese Aktion nicht.")
    assert _snapshot(office.root) == before
