"""#17: the facade's behaviour, the same tests against both implementations – the encrypted file
on this PC (``sro_case.store``) and the team server (``sro_case.remote`` over HTTP to a real
server on a real PostgreSQL). So far the case file's core of ``app.Cases``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest

from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.errors import ValidationError, WorkflowError
from sro_case.remote import RemoteCases
from sro_case.server import accounts
from sro_case.server.api import create_app
from sro_case.server.client import TeamServer
from sro_case.server.database import server_engine
from sro_case.server.service import TeamService
from sro_case.server.setup import initialise
from tests.postgres import serving

ADMIN = "Warnowufer Fähre 2026 Admin"
ANNA = "Anna arbeitet im ASD seit 2019"


@pytest.fixture
def team_cases(pg_url: str) -> Iterator[RemoteCases]:
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    initialise(pg_url, "admin", ADMIN, clock=clock)
    engine = server_engine(pg_url, pool_size=2)
    admin = TeamService(engine, accounts.sign_in(engine, "admin", ADMIN, clock).account, clock)
    admin.add_user(m.UserDraft("anna", "Anna Asmus", "caseworker"), ANNA, discipline="asd")
    with serving(create_app(engine, clock=clock)) as url, TeamServer(url, "anna", ANNA) as remote:
        yield RemoteCases(remote)
    engine.dispose()


@pytest.fixture(params=["datei", "teamserver"])
def cases(request: pytest.FixtureRequest) -> Any:
    """``app.Cases`` of one implementation, signed in as a worker who may do case work."""
    if request.param == "datei":
        return request.getfixturevalue("store").cases
    return request.getfixturevalue("team_cases")


def _draft(number: str = "51.2-2026-000101", family: str = "Familie Müller") -> m.CaseDraft:
    surname = family.removeprefix("Familie ")
    return m.CaseDraft(
        number,
        m.FamilyDraft(family, "evershagen"),
        (
            m.PersonDraft("Lena", surname, date(2015, 3, 2), "female", "child"),
            m.PersonDraft("Sandra", surname, date(1988, 7, 9), "female", "parent"),
        ),
        reason_for_contact="Schulvermeidung 🌼 und Sorgen der Mutter",
    )


def test_a_case_is_created_listed_counted_and_read(cases) -> None:  # type: ignore[no-untyped-def]
    made = cases.create(_draft())
    assert made.file_number == "51.2-2026-000101" and made.family_name == "Familie Müller"
    assert [c.file_number for c in cases.list()] == ["51.2-2026-000101"]
    assert cases.count() == 1
    assert cases.id_for("51.2-2026-000101") == made.id
    detail = cases.get(made.id)
    assert detail.reason_for_contact == "Schulvermeidung 🌼 und Sorgen der Mutter"
    assert sorted(p.first_name for p in detail.family.persons) == ["Lena", "Sandra"]


def test_search_finds_mueller_as_mueller_and_pages_in_order(cases) -> None:  # type: ignore[no-untyped-def]
    for n, family in enumerate(["Familie Müller", "Familie Schulz", "Familie Möller"]):
        cases.create(_draft(f"51.2-2026-00010{n}", family))
    found = cases.list(m.CaseFilter(search="Mueller"))  # Kölner Phonetik: Möller sounds alike
    assert [c.family_name for c in found] == ["Familie Müller", "Familie Möller"]
    assert cases.count(m.CaseFilter(search="Mueller")) == 2
    assert [c.family_name for c in cases.list(m.CaseFilter(search="Schulz"))] == ["Familie Schulz"]
    page = cases.list(limit=2, offset=1, sort="family", descending=True)
    assert [c.family_name for c in page] == ["Familie Müller", "Familie Möller"]


def test_notes_and_consents_arrive_in_the_file(cases) -> None:  # type: ignore[no-untyped-def]
    made = cases.create(_draft())
    note = cases.add_note(
        made.id, m.NoteDraft(date(2026, 11, 20), "home_visit", "Hausbesuch, ruhig.")
    )
    secret = cases.add_note(
        made.id, m.NoteDraft(date(2026, 11, 21), "counselling", "Anvertraut.", entrusted=True)
    )
    assert note.text == "Hausbesuch, ruhig." and secret.entrusted
    lena = next(p for p in cases.get(made.id).family.persons if p.first_name == "Lena")
    consent = cases.add_consent(
        made.id, m.ConsentDraft(lena.id, ("schulsozialarbeit",), date(2026, 11, 1))
    )
    detail = cases.get(made.id)
    assert [n.text for n in detail.notes] == ["Hausbesuch, ruhig.", "Anvertraut."]
    assert [c.id for c in detail.consents] == [consent.id]
    assert detail.consents[0].disciplines == ("schulsozialarbeit",)


def test_bad_input_gets_a_german_message_and_changes_nothing(cases) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as empty:
        cases.create(_draft(number=""))
    assert any(field == "Aktenzeichen" for field, _ in empty.value.problems)
    cases.create(_draft())
    with pytest.raises(ValidationError, match="bereits vergeben"):
        cases.create(_draft(family="Familie Zweitanlage"))
    made = cases.list()[0]
    with pytest.raises(ValidationError):
        cases.add_note(made.id, m.NoteDraft(date(2099, 1, 1), "phone", "aus der Zukunft"))
    assert cases.count() == 1 and cases.get(made.id).notes == ()


def test_the_case_file_changes_the_same_way(cases) -> None:  # type: ignore[no-untyped-def]
    made = cases.create(_draft())
    cases.update(
        made.id, m.CaseEdit(reason_for_contact="Neu: Wohnungssuche", next_review=date(2027, 2, 1))
    )
    cases.change_status(made.id, "klaerung")
    tom = cases.add_person(
        made.id, m.PersonDraft("Tom", "Müller", date(2019, 5, 5), "male", "child")
    )
    cases.update_family(
        made.id, m.FamilyDraft("Familie Müller-Şahin", "evershagen", "Helsinkier Str. 5", "18107")
    )
    help_ = cases.add_help(made.id, m.HelpDraft("30", date(2026, 10, 1), tom.id, "Träger Nord"))
    cases.add_resource(made.id, m.ResourceDraft("family", "Oma kommt dienstags"))
    cases.end_help(help_.id, date(2026, 11, 20), "plan")
    detail = cases.get(made.id)
    assert detail.reason_for_contact == "Neu: Wohnungssuche"
    assert detail.summary.next_review == date(2027, 2, 1) and detail.summary.status == "klaerung"
    assert detail.family.display_name == "Familie Müller-Şahin"
    assert "Tom" in {p.first_name for p in detail.family.persons}
    assert [(h.provider, h.end_on) for h in detail.helps] == [("Träger Nord", date(2026, 11, 20))]
    assert [r.description for r in detail.resources] == ["Oma kommt dienstags"]
    with pytest.raises(WorkflowError):  # the workflow of the catalogue, on both
        cases.change_status(made.id, "eingang")
