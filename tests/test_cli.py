"""The sro-case command from outside, as scripts use it: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sro_case import cli
from sro_case.domain import models as m
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent


def run(
    *args: str,
    passphrase: str | None = PASSPHRASE,
    stdin: str = "",
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")}
    if passphrase is not None:
        environment["SRO_CASE_PASSPHRASE"] = passphrase
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "sro_case", *args],
        cwd=ROOT,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def filled(created, db_path):  # type: ignore[no-untyped-def]
    store = created.store
    store.cases.create(
        m.CaseDraft(
            "51.2-2026-000007",
            m.FamilyDraft("Familie Kowalski", "evershagen"),
            (m.PersonDraft("Łucja", "Kowalski", date(2012, 5, 5), "female"),),
            opened_on=date(2026, 1, 2),
        )
    )
    store.close()
    return db_path


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("sro-case ")
    out = run("--help").stdout
    assert "Aufruf:" in out and "import" in out and "usage" not in out


def test_usage_error_exits_2() -> None:
    result = run("cases", "--limit", "viele")
    assert result.returncode == 2 and "Fehler" in result.stderr


def test_init_prints_recovery_key_once(tmp_path: Path) -> None:
    db = tmp_path / "neu.db"
    result = run("init", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "WIEDERHERSTELLUNGSSCHLÜSSEL" in result.stdout
    assert db.exists() and Path(f"{db}.keys").exists()
    again = run("init", "--db", str(db))
    assert again.returncode == 1 and "nicht überschrieben" in again.stderr


def test_info_cases_check(filled: Path) -> None:
    info = run("info", "--db", str(filled), "--json")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["counts"]["Fälle"] == 1
    cases = run("cases", "--db", str(filled), "--search", "Kowalsky", "--json")
    doc = json.loads(cases.stdout)
    assert doc[0]["file_number"] == "51.2-2026-000007" and doc[0]["social_space"] == "Evershagen"
    assert "Kowalski" in run("cases", "--db", str(filled)).stdout
    check = run("check", "--db", str(filled))
    assert check.returncode == 0 and "Alle Prüfungen bestanden" in check.stdout


def test_wrong_passphrase_exits_3_with_a_german_message(filled: Path) -> None:
    before = filled.read_bytes()
    result = run("info", "--db", str(filled), passphrase="leider falsch")
    assert result.returncode == 3
    assert "Passphrase ist falsch" in result.stderr
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr
    assert filled.read_bytes() == before


def test_passphrase_from_file_or_stdin_never_from_argv(filled: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert (
        run(
            "info", "--db", str(filled), "--passphrase-file", str(secret), passphrase=None
        ).returncode
        == 0
    )
    assert (
        run("info", "--db", str(filled), passphrase=None, stdin=PASSPHRASE + "\n").returncode == 0
    )
    result = run("info", "--db", str(filled), "--passphrase", PASSPHRASE, passphrase=None)
    assert result.returncode == 2


def test_damaged_database_and_missing_key_file_messages(filled: Path) -> None:
    keys = Path(f"{filled}.keys")
    saved = keys.read_bytes()
    keys.unlink()
    result = run("info", "--db", str(filled))
    assert result.returncode == 1 and "Schlüsseldatei" in result.stderr
    keys.write_bytes(saved)
    data = bytearray(filled.read_bytes())
    data[4096 + 100 : 4096 + 200] = bytes(100)  # damage page 2
    filled.write_bytes(bytes(data))
    result = run("check", "--db", str(filled))
    assert result.returncode != 3 and "Traceback" not in result.stderr


def test_passwd_with_environment(filled: Path) -> None:
    result = run(
        "passwd", "--db", str(filled), env={"SRO_CASE_NEW_PASSPHRASE": "eine ganz neue 🔑"}
    )
    assert result.returncode == 0, result.stderr
    assert run("info", "--db", str(filled)).returncode == 3
    assert run("info", "--db", str(filled), passphrase="eine ganz neue 🔑").returncode == 0


def test_missing_database(tmp_path: Path) -> None:
    result = run("info", "--db", str(tmp_path / "fehlt.db"))
    assert result.returncode == 1 and "existiert nicht" in result.stderr


HEADER = "Aktenzeichen;Familienname;Vorname;Geburtsdatum;Geschlecht;Sozialraum;Hilfeart;Beginn;Ende;Fachkraft"


def test_import_all_or_nothing(filled: Path, tmp_path: Path) -> None:
    bad = tmp_path / "liste.csv"
    bad.write_bytes(
        (
            "\ufeff" + HEADER + "\r\n"
            "A-1;Şahin;Ayşe;01.02.2014;w;Toitenwinkel;§ 31;01.03.2026;;Petra Lange\r\n"
            "A-2;Nowak;Jan;31.02.2014;m;Toitenwinkel;§ 31;01.03.2026;;\r\n"
        ).encode("utf-8")
    )
    result = run("import", "--db", str(filled), str(bad))
    assert result.returncode == 4
    assert "Zeile 3" in result.stderr and "Geburtsdatum" in result.stderr
    assert json.loads(run("info", "--db", str(filled), "--json").stdout)["counts"]["Fälle"] == 1
    good = tmp_path / "gut.csv"
    good.write_bytes(bad.read_bytes().replace(b"31.02.2014", b"28.02.2014"))
    result = run("import", "--db", str(filled), str(good))
    assert result.returncode == 4  # a name in a list never creates an account
    assert "Petra Lange" in result.stderr and "Fachkraft" in result.stderr
    from sro_case.store import unlock

    with unlock(filled, PASSPHRASE) as store:
        store.users.add(m.UserDraft("petra", "Petra Lange"))
    result = run("import", "--db", str(filled), str(good))
    assert result.returncode == 0, result.stderr
    cases = json.loads(run("cases", "--db", str(filled), "--search", "Şahin", "--json").stdout)
    assert [c["file_number"] for c in cases] == ["A-1"] and cases[0]["lead_worker"] == "Petra Lange"


def test_audit_verify_detects_an_edited_entry(filled: Path) -> None:
    import sqlcipher3

    from sro_case.storage.keyfile import KeyFile

    ok = run("audit", "verify", "--db", str(filled))
    assert ok.returncode == 0 and "unversehrt" in ok.stdout
    key = KeyFile.load(Path(f"{filled}.keys")).unlock(PASSPHRASE)
    conn = sqlcipher3.connect(str(filled))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("UPDATE audit_event SET detail = 'geschönt' WHERE seq = 2")
    conn.commit()
    conn.close()
    bad = run("audit", "verify", "--db", str(filled))
    assert bad.returncode == 1 and "Eintrag 2 wurde nachträglich verändert" in bad.stdout


def test_retention_export_all_and_access_request_commands(filled: Path, tmp_path: Path) -> None:
    result = run("retention", "--db", str(filled))
    assert result.returncode == 0, result.stderr
    assert "Zur Löschung fällig: 0 Fälle" in result.stdout
    out = tmp_path / "offen"
    result = run("export-all", "--db", str(filled), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "schema.json").is_file() and (out / "case_file.jsonl").is_file()
    target = tmp_path / "neu.db"
    assert run("init", "--db", str(target)).returncode == 0
    result = run("import-all", "--db", str(target), "--in", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(run("info", "--db", str(target), "--json").stdout)["counts"]["Fälle"] == 1
    result = run(
        "access-request", "--db", str(filled), "--person", "1", "--out", str(tmp_path / "a")
    )
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "a").glob("*.pdf"))) == 1


def test_backup_restore_user_and_rotate_key(filled: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sicherungen"
    result = run("backup", "--db", str(filled), "--to", str(folder))
    assert result.returncode == 0, result.stderr
    backups = sorted(folder.glob("*.db"))
    assert len(backups) == 1 and Path(f"{backups[0]}.keys").exists()
    target = tmp_path / "wieder.db"
    result = run("restore", "--db", str(target), "--from", str(backups[0]))
    assert result.returncode == 0, result.stderr
    assert json.loads(run("info", "--db", str(target), "--json").stdout)["counts"]["Fälle"] == 1
    result = run(
        "user",
        "add",
        "--db",
        str(filled),
        "--login",
        "petra",
        "--name",
        "Petra Lange",
        env={"SRO_CASE_NEW_PASSPHRASE": "Petras eigene Passphrase"},
    )
    assert result.returncode == 0, result.stderr
    assert run("info", "--db", str(filled), passphrase="Petras eigene Passphrase").returncode == 0
    result = run("rotate-key", "--db", str(filled))
    assert result.returncode == 0, result.stderr
    assert "Wiederherstellungsschlüssel bleibt derselbe" in result.stdout
    assert "WIEDERHERSTELLUNGSSCHLÜSSEL" not in result.stdout  # no new one to print
    assert run("check", "--db", str(filled)).returncode == 0
    # Petra stays in after the rotation, with her own passphrase
    assert run("info", "--db", str(filled), passphrase="Petras eigene Passphrase").returncode == 0


@pytest.mark.parametrize(
    ("argv", "db"),
    [
        ([], None),
        (["gui"], None),
        (["gui", "--db", "akten.db"], Path("akten.db")),
        (["--db", "akten.db"], Path("akten.db")),
        (["gui", "--db=akten.db"], Path("akten.db")),
    ],
)
def test_the_clicked_start_skips_the_parser_and_asks_without_a_database(argv, db) -> None:  # type: ignore[no-untyped-def]
    """``sro-case`` and ``sro-case gui`` start the client without building every command's
    parser; without --db the client shows its start screen (anlegen / öffnen / Demo) unless a
    database was opened before, instead of going straight to "create" at the default path."""
    args = cli._plain_gui_start(argv)
    assert args is not None and args.func is cli.cmd_gui and args.db == db
    assert cli.build_parser().parse_args(["gui"]).db is None


@pytest.mark.parametrize("argv", [["gui", "--db"], ["gui", "--db", "-x"], ["info"], ["gui", "x"]])
def test_anything_else_goes_through_the_full_parser(argv) -> None:  # type: ignore[no-untyped-def]
    assert cli._plain_gui_start(argv) is None
