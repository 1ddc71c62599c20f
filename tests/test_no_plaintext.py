"""Nothing decrypted is written anywhere: after a scripted session, no file in the data folder
(database, -wal, -shm, key file, pre-upgrade copies) holds a canary string in plain text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sro_case.domain import models as m
from sro_case.store import unlock
from tests.conftest import PASSPHRASE

CANARIES = [
    "Kanarienvogel-Wendeltreppe",  # surname
    "Quirinus",  # first name
    "AZ-KANARIE-4711",  # file number
    "Geheimnotiz über Zebrastreifen",  # note text
    "Schattenmorelle",  # family will
]


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def scan(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for canary in CANARIES:
                if any(enc in data for enc in _encodings(canary)):
                    found.append((path.name, canary))
    return found


def test_scripted_session_leaves_no_plaintext(created, db_path, clock) -> None:  # type: ignore[no-untyped-def]
    store = created.store
    case = store.cases.create(
        m.CaseDraft(
            CANARIES[2],
            m.FamilyDraft(f"Familie {CANARIES[0]}", "schmarl", "Kanarienweg 1"),
            (m.PersonDraft(CANARIES[1], CANARIES[0], date(2013, 2, 2)),),
            opened_on=date(2026, 5, 1),
        )
    )
    store.cases.add_note(
        case.id, m.NoteDraft(date(2026, 5, 2), "home_visit", CANARIES[3], entrusted=True)
    )
    store.conferences.record(
        case.id,
        m.ConferenceDraft(
            date(2026, 6, 1),
            "fallkonferenz",
            family_will=CANARIES[4],
            goals=(m.GoalDraft(f"Ziel {CANARIES[4]}"),),
        ),
    )
    store.cases.list()
    store.cases.get(case.id)
    store.cases.close(case.id, "plan")
    import_file = db_path.parent.parent / "import" / "liste.csv"  # outside the data folder
    import_file.parent.mkdir()
    import_file.write_text(
        "Aktenzeichen;Familienname;Vorname;Geburtsdatum;Geschlecht;Sozialraum;Hilfeart;Beginn;Ende;Fachkraft\n"
        f"{CANARIES[2]}-B;{CANARIES[0]};{CANARIES[1]};03.03.2015;d;Schmarl;§ 30;01.04.2026;;\n",
        encoding="utf-8",
    )
    from sro_case.cases.importing import import_file as do_import

    do_import(store, import_file)
    # While open: the live files (database, WAL) hold nothing readable.
    assert scan(db_path.parent) == []
    store.close()
    # Reopen, read again, close: still nothing.
    with unlock(db_path, PASSPHRASE, clock=clock) as again:
        again.cases.list()
        again.cases.get(case.id)
    assert scan(db_path.parent) == []
    assert {p.name for p in db_path.parent.iterdir()} <= {
        "fallakten.db",
        "fallakten.db.keys",
        "fallakten.db-wal",
        "fallakten.db-shm",
    }


def test_scan_would_find_plaintext(tmp_path: Path) -> None:
    """The scanner itself works (a test that cannot fail is worth nothing)."""
    (tmp_path / "leak.txt").write_text(f"x {CANARIES[0]} y", encoding="utf-16-le")
    assert scan(tmp_path) == [("leak.txt", CANARIES[0])]
