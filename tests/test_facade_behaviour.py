"""#17: the facade's behaviour, the same tests against both implementations – the encrypted file
on this PC (``sro_case.store``) and the team server (``sro_case.remote`` over HTTP to a real
server on a real PostgreSQL): cases, conferences, documents, Fristen, the catalogue, accounts,
the audit log, the database's state and Controlling's statistics.

On the file the first admin does case work too; on the server case work is a Fachkraft's and
Admin never reads a case file (separation of duties), so each test signs in as the role the
server needs – ``worker`` and ``admin`` are the same session on the file."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from sro_case import store as store_module
from sro_case.app import Application
from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.domain.catalogues import closed_status
from sro_case.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    SroCaseError,
    ValidationError,
    WorkflowError,
)
from sro_case.remote import RemoteApplication
from sro_case.server import accounts
from sro_case.server.api import create_app
from sro_case.server.client import TeamServer
from sro_case.server.database import server_engine
from sro_case.server.service import TeamService
from sro_case.server.setup import initialise
from tests.postgres import serving

ADMIN = "Warnowufer Fähre 2026 Admin"
ANNA = "Anna arbeitet im ASD seit 2019"
CORA = "Cora zählt Fälle am Kabutzenhof"


@dataclass
class Sessions:
    """Signed-in sessions of one implementation, by what they are for."""

    worker: Application
    admin: Application
    controlling: Application
    url: str = ""  # the team server's


@pytest.fixture
def team_sessions(pg_url: str) -> Iterator[Sessions]:
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    initialise(pg_url, "admin", ADMIN, clock=clock)
    engine = server_engine(pg_url, pool_size=2)
    admin = TeamService(engine, accounts.sign_in(engine, "admin", ADMIN, clock).account, clock)
    admin.add_user(m.UserDraft("anna", "Anna Asmus", "caseworker"), ANNA, discipline="asd")
    admin.add_user(m.UserDraft("cora", "Cora Conrad", "controlling"), CORA)
    with serving(create_app(engine, clock=clock)) as url:
        opened = [
            RemoteApplication(TeamServer(url, login, secret), clock=clock)
            for login, secret in (("anna", ANNA), ("admin", ADMIN), ("cora", CORA))
        ]
        yield Sessions(*opened, url=url)
        for app in opened:
            app.close()
    engine.dispose()


@pytest.fixture
def file_sessions(store: store_module.Store) -> Iterator[Sessions]:
    store.users.add_with_passphrase(m.UserDraft("cora", "Cora Conrad", "controlling"), CORA)
    controlling = store_module.unlock(store.path, CORA, clock=store.clock)
    yield Sessions(store, store, controlling)
    controlling.close()


@pytest.fixture(params=["datei", "teamserver"])
def sessions(request: pytest.FixtureRequest) -> Sessions:
    return request.getfixturevalue("file_sessions" if request.param == "datei" else "team_sessions")  # type: ignore[no-any-return]


@pytest.fixture
def cases(sessions: Sessions) -> Any:
    """``app.Cases`` of one implementation, signed in as a worker who may do case work."""
    return sessions.worker.cases


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


def _conference(on: date = date(2026, 11, 24)) -> m.ConferenceDraft:
    return m.ConferenceDraft(
        on,
        "fallkonferenz",
        facilitator="Moderatorin Nord",
        participants=(m.ParticipantDraft("Frau Schröder", "schule", "Grundschule am Park"),),
        family_will="Lena möchte wieder gern zur Schule gehen.",
        will_spoken_by="Lena",
        goals=(
            m.GoalDraft(
                "Lena geht gern zur Schule",
                owner="Sandra Müller",
                steps=(m.StepDraft("Mia", "hilft bei Hausaufgaben", date(2026, 11, 20)),),
            ),
        ),
        decisions="Wir treffen uns in sechs Wochen wieder.",
        next_review=date(2027, 1, 5),
    )


def test_a_conference_is_recorded_with_goals_steps_and_reviews(sessions: Sessions) -> None:
    app = sessions.worker
    made = app.cases.create(_draft())
    saved = app.conferences.record(made.id, _conference())
    detail = app.cases.get(made.id)
    assert [c.id for c in detail.conferences] == [saved.id]
    assert detail.conferences[0].participants[0].name == "Frau Schröder"
    goal = detail.goals[0]
    assert (
        goal.text == "Lena geht gern zur Schule" and goal.steps[0].what == "hilft bei Hausaufgaben"
    )
    overdue = app.conferences.overdue_steps(date(2026, 11, 25))
    assert [(n, s.what) for n, s in overdue] == [("51.2-2026-000101", "hilft bei Hausaufgaben")]
    app.conferences.set_step_done(goal.steps[0].id)
    assert app.conferences.overdue_steps(date(2026, 11, 25)) == []
    extra = app.conferences.add_goal(made.id, m.GoalDraft("Sandra findet eine Wohnung"))
    review = app.conferences.review_goal(m.ReviewDraft(goal.id, date(2026, 11, 25), 1, "gut"))
    app.conferences.set_goal_status(extra.id, "achieved")
    again = app.cases.get(made.id)
    by_text = {g.text: g for g in again.goals}
    assert by_text["Sandra findet eine Wohnung"].status == "achieved"
    assert [r.id for r in by_text["Lena geht gern zur Schule"].reviews] == [review.id]
    assert again.summary.next_review == date(2027, 1, 5)
    # a second conference is saved on the case as it is now (the first one's changes included)
    later = _conference(date(2026, 11, 25))
    step = m.StepDraft("Sandra", "ruft die Klassenlehrerin an", date(2026, 12, 1))
    later = replace(
        later,
        participants=(*later.participants, m.ParticipantDraft("Herr Öztürk", "asd")),
        goals=(replace(later.goals[0], steps=(*later.goals[0].steps, step)),),
    )
    second = app.conferences.record(made.id, later)
    final = app.cases.get(made.id)
    assert len(final.conferences) == 2 and second.id != saved.id
    # the file's own summary (read with its parts) is the case list's, counts included
    assert final.summary == app.cases.list()[0]
    assert (final.summary.conference_count, final.summary.goal_count) == (2, len(final.goals))
    # lists read together with their parents keep their order
    assert [p.name for p in final.conferences[1].participants] == ["Frau Schröder", "Herr Öztürk"]
    assert [s.who for s in final.goals[-1].steps] == ["Mia", "Sandra"]
    assert [p.first_name for p in final.family.persons] == ["Lena", "Sandra"]


def test_the_protocol_and_the_help_plan_are_written_as_pdf(
    sessions: Sessions, tmp_path: Path
) -> None:
    app = sessions.worker
    made = app.cases.create(_draft())
    app.conferences.record(made.id, _conference())
    out = tmp_path / "ausgabe"
    out.mkdir()
    protocol = app.documents.conference_protocol(made.id, out / "protokoll.pdf")
    plan = app.documents.help_plan(made.id, out / "hilfeplan.pdf", initials=False)
    text = "".join(page.extract_text() for page in PdfReader(protocol).pages)
    assert "Lena geht gern zur Schule" in text and "Frau Schröder" in text
    assert "Müller" in "".join(page.extract_text() for page in PdfReader(plan).pages)
    exports = [e for e in app.cases.audit_trail(made.id) if e.action == "export"]
    assert len(exports) == 2  # each written document is on record
    with pytest.raises(SroCaseError, match="existiert nicht"):  # nothing written or recorded
        app.documents.help_plan(made.id, out / "fehlt" / "plan.pdf")
    assert len([e for e in app.cases.audit_trail(made.id) if e.action == "export"]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["hilfeplan.pdf", "protokoll.pdf"]


def test_closing_reopening_and_correcting_a_case(sessions: Sessions) -> None:
    app = sessions.worker
    made = app.cases.create(_draft())
    detail = app.cases.get(made.id)
    lena = next(p for p in detail.family.persons if p.first_name == "Lena")
    app.cases.update_person(
        made.id, lena.id, m.PersonDraft("Lena", "Müller", date(2015, 3, 3), "female", "child")
    )
    help_ = app.cases.add_help(
        made.id, m.HelpDraft("30", date(2026, 10, 1), lena.id, "Träger Nord")
    )
    app.cases.update_help(help_.id, m.HelpDraft("30", date(2026, 10, 2), lena.id, "Träger Süd"))
    assert [h.provider for h in app.cases.running_helps(made.id)] == ["Träger Süd"]
    consent = app.cases.add_consent(
        made.id, m.ConsentDraft(lena.id, ("schulsozialarbeit",), date(2026, 11, 1))
    )
    app.cases.revoke_consent(consent.id, date(2026, 11, 24))
    app.cases.change_status(made.id, "klaerung")
    app.cases.close(made.id, "plan", date(2026, 11, 25), end_running_helps=True)
    assert app.cases.count(m.CaseFilter(include_closed=False)) == 0
    assert app.cases.count(m.CaseFilter(status=closed_status())) == 1
    assert app.cases.running_helps(made.id) == []
    app.cases.reopen(made.id, "neuer_bedarf")
    detail = app.cases.get(made.id)
    assert detail.summary.status != closed_status()
    assert next(p for p in detail.family.persons if p.id == lena.id).birth_date == date(2015, 3, 3)
    assert detail.consents[0].revoked_on == date(2026, 11, 24)
    trail = [e.action for e in app.cases.audit_trail(made.id)]
    assert trail.count("update") >= 2 and "create" in trail
    twins = app.cases.find_duplicates("Mueller", "Lena", date(2015, 3, 3))
    assert {d.case.file_number for d in twins} == {"51.2-2026-000101"}


def test_deadlines_show_reviews_and_steps_due(sessions: Sessions) -> None:
    app = sessions.worker
    made = app.cases.create(_draft())
    app.cases.update(made.id, m.CaseEdit(next_review=date(2026, 11, 20)))
    app.conferences.record(
        made.id,
        m.ConferenceDraft(
            date(2026, 11, 24),
            "fallkonferenz",
            goals=(
                m.GoalDraft(
                    "Ziel", steps=(m.StepDraft("Mia", "ruft die Schule an", date(2026, 11, 30)),)
                ),
            ),
        ),
    )
    overview = app.deadlines.overview(today=date(2026, 11, 25))
    kinds = sorted((d.kind, d.file_number) for d in overview.items)
    assert ("step", "51.2-2026-000101") in kinds
    assert overview.counts.get("step") == 1 and overview.total == len(overview.items)
    assert [d.kind for d in app.deadlines.list(today=date(2026, 11, 25), limit=1)] != []


def test_the_catalogue_accounts_audit_log_and_database(sessions: Sessions) -> None:
    worker, admin = sessions.worker, sessions.admin
    spaces = [s.code for s in worker.catalog.social_spaces()]
    assert "evershagen" in spaces
    budget = admin.catalog.set_budget("evershagen", 2026, 12_345_600)
    assert budget.amount_cents == 12_345_600
    assert [
        b.amount_cents for b in admin.catalog.budgets(2026) if b.social_space == "evershagen"
    ] == [12_345_600]
    worker.cases.create(_draft())
    logins = {u.login for u in admin.users.list()}
    assert {"admin", "cora"} <= logins
    assert admin.maintenance.info().counts  # what the database holds, by kind
    report = admin.audit_log.verify()
    assert report.ok and report.events > 0
    assert admin.maintenance.check().ok
    assert admin.audit_log.count() > 0
    rows = admin.audit_log.list(m.AuditFilter(action="create"), limit=50)
    assert rows and all(r.action == "create" for r in rows)
    assert "create" in admin.audit_log.actions() and worker.actor in admin.audit_log.actors()
    assert sessions.controlling.catalog.set_budget("evershagen", 2027, 100).amount_cents == 100
    if worker is not admin:  # on the server a Fachkraft sets no budget (on the file: the admin)
        with pytest.raises(PermissionDenied):
            worker.catalog.set_budget("evershagen", 2026, 1)


def test_controlling_previews_and_writes_the_statistics_but_reads_no_case(
    sessions: Sessions, tmp_path: Path
) -> None:
    made = sessions.worker.cases.create(_draft())
    sessions.worker.cases.add_help(made.id, m.HelpDraft("30", date(2026, 10, 1), None, "Träger"))
    stats = sessions.controlling.statistics
    export = stats.build(date(2026, 1, 1), date(2026, 12, 31))
    assert export.tables and export.threshold == 3
    written = stats.write(export, tmp_path / "statistik.csv")
    assert written.path.read_bytes().startswith(b"") and written.tables == tuple(
        t.id for t in export.tables
    )
    rows = list(csv.reader(io.StringIO(written.path.read_text(encoding="utf-8-sig"))))
    assert len(rows) > 1
    with pytest.raises((PermissionDenied, NotFound)):
        sessions.controlling.cases.get(made.id)


def test_a_conference_captured_on_an_older_version_is_refused_on_the_server(
    team_sessions: Sessions,
) -> None:
    """Two clients of the same team: the second capture of the case is refused (409), not
    merged; what the first saved is kept, and the refused one can be saved after a reload."""
    first = team_sessions.worker
    made = first.cases.create(_draft())
    first.cases.get(made.id)  # both begin their capture on the same version
    with RemoteApplication(TeamServer(team_sessions.url, "anna", ANNA)) as second:
        second.cases.get(made.id)
        first.conferences.record(made.id, _conference())
        with pytest.raises(Conflict) as refused:
            second.conferences.record(made.id, _conference(date(2026, 11, 25)))
        assert "Version" in str(refused.value)
        assert [c.held_on for c in second.cases.get(made.id).conferences] == [date(2026, 11, 24)]
        second.conferences.record(made.id, _conference(date(2026, 11, 25)))  # after a reload
    held = sorted(c.held_on for c in first.cases.get(made.id).conferences)
    assert held == [date(2026, 11, 24), date(2026, 11, 25)]
