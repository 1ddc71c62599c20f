"""Issue #14, first finding: names in an imported case list never create or touch accounts.

A list whose Fachkraft column said ``wiederherstellung`` once created a caseworker with that
login, and the recovery key (whose actor is ``wiederherstellung``) then opened the database as
that caseworker. Now the Fachkraft column only links a new case to an existing, active user;
every other name is refused by row and column. Real encrypted databases and key files."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from sro_case.accounts.vault import RECOVERY_LABEL
from sro_case.cases.importing import COLUMNS, ImportRejected, import_file
from sro_case.clock import FixedClock
from sro_case.storage.keyfile import KeyFile
from sro_case.store import unlock
from tests.conftest import PASSPHRASE

HEADER = ";".join(COLUMNS)


def row(number: str, worker: str) -> str:
    return f"{number};Krüger;Lina;03.04.2015;w;Toitenwinkel;§ 31;01.02.2026;;{worker}"


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path


def snapshot(store, db_path: Path) -> tuple[list[tuple[object, ...]], bytes]:  # type: ignore[no-untyped-def]
    """Every column of every user record, and the key file's bytes."""
    with store.engine.connect() as conn:
        users = [tuple(r) for r in conn.execute(text("SELECT * FROM app_user ORDER BY id"))]
    return users, KeyFile.path_for(db_path).read_bytes()


def assert_recovery_key_still_admin(created, db_path: Path, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    with unlock(db_path, recovery_key=created.recovery_key, clock=clock) as recovered:
        assert (recovered.actor, recovered.role) == (RECOVERY_LABEL, "admin")
        assert recovered.cases.list() is not None  # the database opens and reads
    with unlock(db_path, PASSPHRASE, clock=clock) as admin:
        assert (admin.actor, admin.role) == ("admin", "admin")


@pytest.mark.parametrize(
    "worker",
    ["wiederherstellung", "WIEDERHERSTELLUNG", " Wiederherstellung ", "Neue Kollegin", "root"],
)
def test_unknown_and_reserved_names_are_refused_and_change_no_account(
    created,  # type: ignore[no-untyped-def]
    db_path: Path,
    clock: FixedClock,
    tmp_path: Path,
    worker: str,
) -> None:
    store = created.store
    before = snapshot(store, db_path)
    path = write_csv(tmp_path / "liste.csv", [HEADER, row("2026/001", ""), row("2026/002", worker)])
    with pytest.raises(ImportRejected) as info:
        import_file(store, path)
    assert [(p.row, p.column) for p in info.value.problems] == [(3, "Fachkraft")]
    message = str(info.value)
    assert "Zeile 3, Spalte „Fachkraft“" in message
    if worker.strip().casefold() == RECOVERY_LABEL:
        assert "Wiederherstellungsschlüssel" in message
    else:
        assert "legt keine Zugänge an" in message
    assert store.cases.list() == []
    assert snapshot(store, db_path) == before
    assert_recovery_key_still_admin(created, db_path, clock)


def test_admin_is_matched_as_an_existing_user_and_nothing_else_changes(
    created,  # type: ignore[no-untyped-def]
    db_path: Path,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    store = created.store
    before = snapshot(store, db_path)
    path = write_csv(
        tmp_path / "liste.csv",
        [
            HEADER,
            row("2026/001", "admin"),
            row("2026/002", "Administrator/in"),
            row("2026/003", ""),
        ],
    )
    report = import_file(store, path)
    assert report.cases_created == 3
    assert report.users_created == ()
    workers = {c.file_number: c.lead_worker for c in store.cases.list()}
    assert workers == {
        "2026/001": "Administrator/in",
        "2026/002": "Administrator/in",
        "2026/003": "",
    }
    assert snapshot(store, db_path) == before
    assert_recovery_key_still_admin(created, db_path, clock)


def test_xlsx_with_the_recovery_label_is_refused_too(
    created,  # type: ignore[no-untyped-def]
    db_path: Path,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    store = created.store
    before = snapshot(store, db_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(COLUMNS))
    ws.append(row("X-1", "wiederherstellung").split(";"))
    ws.append(row("X-2", "admin").split(";"))
    wb.save(tmp_path / "liste.xlsx")
    with pytest.raises(ImportRejected) as info:
        import_file(store, tmp_path / "liste.xlsx")
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "Fachkraft")]
    assert store.cases.list() == []
    assert snapshot(store, db_path) == before
    assert_recovery_key_still_admin(created, db_path, clock)


def test_a_deactivated_user_is_not_made_lead_worker(
    created,  # type: ignore[no-untyped-def]
    db_path: Path,
    tmp_path: Path,
) -> None:
    store = created.store
    with store.engine.begin() as conn:  # as left behind by an administrator
        conn.execute(
            text(
                "INSERT INTO app_user (login, name, sort_name, role, active, created_at) "
                "VALUES ('alt.kraft', 'Alte Kraft', 'alte kraft', 'caseworker', 0, "
                "'2026-01-01 00:00:00')"
            )
        )
    before = snapshot(store, db_path)
    path = write_csv(tmp_path / "liste.csv", [HEADER, row("D-1", "Alte Kraft")])
    with pytest.raises(ImportRejected) as info:
        import_file(store, path)
    assert "deaktiviert" in str(info.value)
    assert snapshot(store, db_path) == before


def test_an_unknown_worker_is_named_together_with_the_other_bad_cells(
    created,  # type: ignore[no-untyped-def]
    db_path: Path,
    tmp_path: Path,
) -> None:
    store = created.store
    before = snapshot(store, db_path)
    lines = [
        HEADER,
        row("B-1", "Petra Lange"),
        "B-2;Nowak;Jan;31.02.2014;m;Toitenwinkel;§ 31;01.03.2026;;",
    ]
    with pytest.raises(ImportRejected) as info:
        import_file(store, write_csv(tmp_path / "liste.csv", lines))
    assert [(p.row, p.column) for p in info.value.problems] == [
        (2, "Fachkraft"),
        (3, "Geburtsdatum"),
    ]
    assert snapshot(store, db_path) == before
