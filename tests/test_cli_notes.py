"""``sro-case note``: entries of a case's Verlauf from the command line, with § 65 honoured –
an entrusted entry is listed for its author (and the lead worker), not for a colleague."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sro_case import cli
from sro_case.accounts.vault import add_user_slot
from sro_case.domain import models as m
from tests.conftest import FAST_KDF, PASSPHRASE

COLLEAGUE = ("moritz", "Moritz Brandt", "Moritz moderiert gern Konferenzen")


@pytest.fixture
def case_db(created, db_path: Path) -> Path:  # type: ignore[no-untyped-def]
    store = created.store
    store.cases.create(
        m.CaseDraft(
            "51.2-2026-000042",
            m.FamilyDraft("Familie Şahin", "evershagen"),
            (m.PersonDraft("Ayşe", "Şahin", None, "female"),),
            opened_on=store.clock.today(),
        )
    )
    login, name, secret = COLLEAGUE
    store.users.add(m.UserDraft(login, name, "facilitator"))
    add_user_slot(store, login, secret, kdf=FAST_KDF)
    store.close()
    return db_path


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str, secret: str
) -> tuple[int, str, str]:
    monkeypatch.setenv("SRO_CASE_PASSPHRASE", secret)
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_and_list_with_section_65(
    case_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(case_db)
    az = "51.2-2026-000042"
    code, out, err = _run(
        monkeypatch, capsys, "note", "add", "--db", db, "--case", az,
        "--text", "Hausbesuch, Mutter berichtet von Schulden.", "--kind", "home_visit",
        "--date", "1.3.26", "--entrusted", secret=PASSPHRASE,
    )  # fmt: skip
    assert code == 0, err
    assert "anvertraut" in out
    code, out, err = _run(
        monkeypatch, capsys, "note", "add", "--db", db, "--case", az,
        "--text", "Telefonat mit der Schule 🙂", "--kind", "phone", secret=PASSPHRASE,
    )  # fmt: skip
    assert code == 0, err

    code, out, _ = _run(
        monkeypatch, capsys, "note", "list", "--db", db, "--case", az, "--json",
        secret=PASSPHRASE,
    )  # fmt: skip
    mine = json.loads(out)
    assert [n["text"] for n in mine] == [
        "Hausbesuch, Mutter berichtet von Schulden.",
        "Telefonat mit der Schule 🙂",
    ]
    assert mine[0]["entrusted"] and mine[0]["date"] == "2026-03-01"

    login, _, secret = COLLEAGUE
    code, out, _ = _run(
        monkeypatch, capsys, "note", "list", "--db", db, "--case", az, "--json",
        "--user", login, secret=secret,
    )  # fmt: skip
    assert code == 0
    assert [n["text"] for n in json.loads(out)] == ["Telefonat mit der Schule 🙂"]


def test_bad_input_changes_nothing(
    case_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(case_db)
    az = "51.2-2026-000042"
    with pytest.raises(SystemExit) as exit_:
        _run(
            monkeypatch, capsys, "note", "add", "--db", db, "--case", az, "--text", "x",
            "--date", "31.02.2026", secret=PASSPHRASE,
        )  # fmt: skip
    assert exit_.value.code == 2
    assert "kein Datum" in capsys.readouterr().err
    code, _, err = _run(
        monkeypatch, capsys, "note", "add", "--db", db, "--case", az, "--text", "x",
        "--date", "01.01.2099", secret=PASSPHRASE,
    )  # fmt: skip
    assert code == 4 and "Datum" in err  # a date in the future
    code, _, err = _run(
        monkeypatch, capsys, "note", "add", "--db", db, "--case", "gibt-es-nicht",
        "--text", "x", secret=PASSPHRASE,
    )  # fmt: skip
    assert code != 0 and "gibt-es-nicht" in err
    code, out, _ = _run(
        monkeypatch, capsys, "note", "list", "--db", db, "--case", az, "--json",
        secret=PASSPHRASE,
    )  # fmt: skip
    assert json.loads(out) == []
