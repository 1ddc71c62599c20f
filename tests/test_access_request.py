"""Access request (Art. 15 DSGVO): everything about one person, as PDF and JSON, without other
people's data; entrusted entries (§ 65 SGB VIII) only when a consent releases them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sro_case.access_request.service import AccessRequestService, access_request
from sro_case.domain import models as m
from sro_case.errors import NotFound, PermissionDenied
from sro_case.storage.orm import AuditEventRecord
from sro_case.store import Store
from tests.test_retention import make_case

THIRD_PARTIES = ("Sven", "Mia", "Schröder", "Extern-Moderatorin", "Geheimnis", "2013")


def _household(store: Store) -> tuple[int, int, int, int]:
    """Lena (the requester), her father Sven and her sister Mia; returns (case, Lena, Sven, Mia)."""
    cid, (lena, sven, mia) = make_case(
        store,
        "51.2-2026-000007",
        (
            ("Lena", date(2015, 3, 1), "child"),
            ("Sven", date(1985, 7, 9), "parent"),
            ("Mia", date(2013, 6, 2), "child"),
        ),
    )
    make_case(store, "51.2-2026-000008", (("Fremd", date(2010, 1, 1), "child"),), surname="Koch")
    store.cases.add_help(
        cid,
        m.HelpDraft(
            "31",
            date(2026, 2, 1),
            person_id=lena,
            provider="Träger Nordlicht",
            monthly_cost_cents=120_000,
        ),
    )
    store.cases.add_help(cid, m.HelpDraft("13a", date(2026, 2, 1), person_id=mia))
    store.cases.add_help(cid, m.HelpDraft("16", date(2026, 3, 1)))  # for the household
    store.cases.add_consent(cid, m.ConsentDraft(lena, ("schule",), date(2026, 2, 1)))
    store.cases.add_consent(
        cid, m.ConsentDraft(sven, ("kita",), date(2026, 2, 1), data_scope="Sven: nur Termine")
    )
    store.cases.add_note(
        cid,
        m.NoteDraft(
            date(2026, 3, 1),
            "phone",
            "Sven hat angerufen, Mia war krank; Lena geht es gut.",
            participants="Sven Meyer",
        ),
    )
    store.cases.add_note(
        cid,
        m.NoteDraft(
            date(2026, 3, 2), "counselling", "Geheimnis, der Fachkraft anvertraut.", entrusted=True
        ),
    )
    store.conferences.record(
        cid,
        m.ConferenceDraft(
            date(2026, 3, 10),
            "fallkonferenz",
            facilitator="Extern-Moderatorin",
            participants=(
                m.ParticipantDraft("Frau Schröder", "schule", "Grundschule am Park"),
                m.ParticipantDraft("Lena Meyer", "kind"),
            ),
            family_will="Lena möchte wieder gern zur Schule gehen, sagt Frau Schröder.",
            will_spoken_by="Lena",
            goals=(
                m.GoalDraft(
                    "Lena geht gern zur Schule",
                    owner="Sven Meyer",
                    steps=(m.StepDraft("Mia", "hilft bei Hausaufgaben"),),
                ),
            ),
        ),
    )
    return cid, lena, sven, mia


def test_access_request_has_everything_about_the_person_and_nothing_about_others(
    store: Store, tmp_path: Path
) -> None:
    cid, lena, sven, _ = _household(store)
    pdf_path, json_path = access_request(store, lena, tmp_path / "auskunft")
    assert pdf_path.name.startswith(f"auskunft-person-{lena}-") and pdf_path.suffix == ".pdf"
    raw = json_path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    assert doc["format"] == "sro-case-auskunft"
    assert doc["person"]["first_name"] == "Lena" and doc["person"]["birth_date"] == "2015-03-01"
    assert doc["household"]["street"] == "Am Hang 3"
    assert [p["role_label"] for p in doc["household"]["other_members"]] == ["Elternteil", "Kind"]
    [case] = doc["cases"]  # the other family's case is not in it
    assert case["file_number"] == "51.2-2026-000007"
    assert [(h["help_type"], h["for"]) for h in case["helps"]] == [
        ("31", "person"),
        ("16", "household"),
    ]
    assert case["helps"][0]["monthly_cost_cents"] == 120_000
    assert [[d["code"] for d in k["disciplines"]] for k in case["consents_given"]] == [["schule"]]
    assert [n["text"] for n in case["notes"]] == [
        "S. hat angerufen, M. war krank; Lena geht es gut."
    ]
    assert case["notes"][0]["participants"] == "S. Meyer"
    assert case["notes_withheld_entrusted"] == 1
    [conf] = case["conferences"]
    assert conf["facilitator"] == "extern"
    assert conf["participants"][0] == {
        "discipline": "schule",
        "discipline_label": "Schule",
        "organisation": "Grundschule am Park",
    }
    assert "name" not in conf["participants"][0]
    assert conf["family_will"].startswith("Lena möchte") and "Frau S." in conf["family_will"]
    assert case["goals"][0]["owner"] == "S. Meyer" and case["goals"][0]["steps"][0]["who"] == "M."
    assert case["retention"]["delete_from"] == "2115-03-01"  # § 9b, her 100th birthday
    assert {"read", "create"} <= {e["action"] for e in case["access_log"]}
    assert case["access_log"][0]["actor"] == "admin"
    for name in THIRD_PARTIES:
        assert name not in raw, name
    text = "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "Auskunft nach Art. 15 DSGVO" in text and "Lena Meyer" in text
    assert "Grundschule am Park" in text and "Träger Nordlicht" in text
    for name in THIRD_PARTIES:
        assert name not in text, name
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(pdf_path).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVu" in f for f in fonts)  # embedded, no Helvetica
    with store.read() as s:
        last = s.execute(select(AuditEventRecord).order_by(AuditEventRecord.seq.desc())).scalars()
        event = next(iter(last))
    assert (event.action, event.entity, event.entity_id) == ("export", "person", lena)
    assert "auskunft_art15" in event.detail and "Lena" not in event.detail
    # Sven's own request shows his consent and data scope, and Lena only as a role
    sven_doc = AccessRequestService(store).document(sven)
    assert sven_doc["cases"][0]["consents_given"][0]["data_scope"] == "Sven: nur Termine"
    assert "Lena" not in json.dumps(sven_doc["household"], ensure_ascii=False)
    assert sven_doc["cases"][0]["notes"][0]["text"] == (
        "Sven hat angerufen, M. war krank; L. geht es gut."
    )
    assert cid


def test_entrusted_entries_only_with_a_releasing_consent(store: Store) -> None:
    cid, lena, sven, _ = _household(store)
    service = AccessRequestService(store)
    assert service.document(lena)["cases"][0]["notes_withheld_entrusted"] == 1
    store.cases.add_consent(
        cid, m.ConsentDraft(sven, ("asd",), date(2026, 4, 1), releases_entrusted=True)
    )
    case = service.document(lena)["cases"][0]
    assert case["notes_withheld_entrusted"] == 0
    assert [n["entrusted"] for n in case["notes"]] == [False, True]


def test_only_admins_and_only_existing_persons(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(NotFound):
        access_request(store, 4711, out)
    clerk = Store(store.path, store.engine, actor="fk", role="caseworker", clock=store.clock)
    _, lena, _, _ = _household(store)
    with pytest.raises(PermissionDenied):
        access_request(clerk, lena, out)
    assert not out.exists()
