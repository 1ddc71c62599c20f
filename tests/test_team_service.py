"""#17: need-to-know on the team server, tried as each role would, against a real PostgreSQL –
through the server's services and, underneath, directly as the server's database role."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.errors import Conflict, PermissionDenied, ValidationError, WrongPassphrase
from sro_case.server import accounts
from sro_case.server.database import server_engine, set_context, system_session
from sro_case.server.service import TeamService
from sro_case.server.setup import initialise

ADMIN_PASS = "Warnowufer Fähre 2026 Admin"
PASS = {
    "anna": "Anna arbeitet im ASD seit 2019",
    "sina": "Sina Schulsozialarbeit Evershagen",
    "kurt": "Kurt Kita Sonnenschein Lütten Klein",
    "carl": "Controlling zählt nur Summen 2026",
}


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 25, 10, 0))


@pytest.fixture
def team(pg_url: str, clock: FixedClock):  # type: ignore[no-untyped-def]
    """A team server with an admin, an ASD worker, a school social worker, a Kita worker and
    controlling; signed in as each."""
    initialise(pg_url, "admin", ADMIN_PASS, clock=clock)
    engine = server_engine(pg_url, pool_size=2)
    signed = {"admin": accounts.sign_in(engine, "admin", ADMIN_PASS, clock)}
    admin = TeamService(engine, signed["admin"].account, clock)
    admin.add_user(m.UserDraft("anna", "Anna Asmus", "caseworker"), PASS["anna"], discipline="asd")
    admin.add_user(
        m.UserDraft("sina", "Sina Schulz", "caseworker"),
        PASS["sina"],
        discipline="schulsozialarbeit",
    )
    admin.add_user(
        m.UserDraft("kurt", "Kurt Krüger", "caseworker"), PASS["kurt"], discipline="kita"
    )
    admin.add_user(m.UserDraft("carl", "Carl Conrad", "controlling"), PASS["carl"])
    services = {"admin": admin}
    for login, secret in PASS.items():
        services[login] = TeamService(
            engine, accounts.sign_in(engine, login, secret, clock).account, clock
        )
    yield services
    engine.dispose()


def _case(anna: TeamService) -> m.CaseSummary:
    summary = anna.create_case(
        m.CaseDraft(
            "51.2-2026-000001",
            m.FamilyDraft("Familie Özdemir-Lüth", "evershagen"),
            (m.PersonDraft("Mira", "Özdemir", date(2015, 5, 1), "female", "child"),),
            reason_for_contact="Schulvermeidung, Belastung der Mutter",
        )
    )
    anna.add_note(
        summary.file_number,
        m.NoteDraft(date(2026, 11, 20), "counselling", "Mutter berichtet von Arztbesuchen."),
    )
    anna.add_note(
        summary.file_number,
        m.NoteDraft(
            date(2026, 11, 21), "counselling", "Anvertraut: Streit zu Hause.", entrusted=True
        ),
    )
    return summary


def test_a_school_social_worker_sees_no_case_until_added_then_only_what_is_released(team) -> None:  # type: ignore[no-untyped-def]
    anna, sina = team["anna"], team["sina"]
    case = _case(anna)
    assert [c.file_number for c in anna.list_cases()] == [case.file_number]
    assert sina.list_cases() == []
    with pytest.raises(PermissionDenied):
        sina.show_case(case.file_number)
    anna.add_member(case.file_number, "sina")
    assert [c.file_number for c in sina.list_cases()] == [case.file_number]
    view = sina.show_case(case.file_number)
    # no consent for school social work: the case exists, nothing more
    assert not view.release.cleared
    assert view.case.notes == () and view.case.family.persons == ()
    assert view.case.reason_for_contact == ""
    # the ASD sees the whole file, its own § 65 entry included
    full = anna.show_case(case.file_number)
    assert full.release.full
    assert [n.text for n in full.case.notes] == [
        "Mutter berichtet von Arztbesuchen.",
        "Anvertraut: Streit zu Hause.",
    ]


def test_a_consent_for_the_discipline_releases_the_background_never_the_notes(team) -> None:  # type: ignore[no-untyped-def]
    anna, sina = team["anna"], team["sina"]
    case = _case(anna)
    anna.add_member(case.file_number, "sina")
    detail = anna.show_case(case.file_number).case
    person = detail.family.persons[0]
    case_id = anna.cases.id_for(case.file_number)
    anna.cases.add_consent(
        case_id,
        m.ConsentDraft(person.id, ("schulsozialarbeit",), date(2026, 11, 1)),
    )
    view = sina.show_case(case.file_number)
    assert view.release.cleared and not view.release.full
    assert view.case.reason_for_contact == "Schulvermeidung, Belastung der Mutter"
    assert [p.first_name for p in view.case.family.persons] == ["Mira"]
    assert view.case.notes == ()  # the Verlauf stays with the ASD


def test_admin_and_controlling_never_read_a_case_and_each_refusal_is_audited(team) -> None:  # type: ignore[no-untyped-def]
    case = _case(team["anna"])
    for role in ("admin", "carl"):
        with pytest.raises(PermissionDenied):
            team[role].list_cases()
        with pytest.raises(PermissionDenied):
            team[role].show_case(case.file_number)
    engine = team["admin"].store.engine
    with engine.connect() as conn:
        set_context_sql = "SELECT set_config('sro.role', 'system', false)"
        conn.execute(text(set_context_sql))
        denied = conn.execute(
            text("SELECT actor, detail FROM audit_event WHERE action = 'denied' ORDER BY seq")
        ).all()
    assert [a for a, _ in denied] == ["admin", "admin", "carl", "carl"]


def test_row_level_security_holds_when_the_server_role_queries_directly(team) -> None:  # type: ignore[no-untyped-def]
    """The second line: as the server's database role, in another user's context, PostgreSQL
    itself returns no row of a case outside their team, and no one else's § 65 entry."""
    anna = team["anna"]
    case = _case(anna)
    engine = anna.store.engine
    ids = {login: team[login].account.id for login in ("anna", "sina", "kurt", "carl", "admin")}

    def rows(login: str, role: str, sql: str) -> list:  # type: ignore[type-arg]
        with engine.connect() as conn, conn.begin():
            from sqlalchemy.orm import Session

            with Session(bind=conn) as s:
                set_context(s, user_id=ids[login], role=role)
                return list(s.execute(text(sql)).all())

    assert rows("anna", "caseworker", "SELECT file_number FROM case_file") == [(case.file_number,)]
    assert ("mira",) in rows("anna", "caseworker", "SELECT term FROM case_search_term")
    for login, role in (
        ("sina", "caseworker"),
        ("kurt", "caseworker"),
        ("carl", "controlling"),
        ("admin", "admin"),
    ):
        assert rows(login, role, "SELECT id FROM case_file") == []
        assert rows(login, role, "SELECT id FROM person") == []
        assert rows(login, role, "SELECT id FROM case_note") == []
        assert rows(login, role, "SELECT rowid FROM case_search") == []
        assert rows(login, role, "SELECT term FROM case_search_term") == []
    anna.add_member(case.file_number, "sina")
    assert rows("sina", "caseworker", "SELECT file_number FROM case_file") == [(case.file_number,)]
    assert rows("sina", "caseworker", "SELECT text FROM case_note") == []  # the Verlauf: ASD only
    # a claimed role does not open more: Kita claiming team lead still is in no team
    assert rows("kurt", "team_lead", "SELECT id FROM case_file") == []
    # the server's role cannot change or remove an audit entry
    with engine.connect() as conn, pytest.raises(Exception, match="permission denied"):
        conn.execute(text("UPDATE audit_event SET detail = 'x'"))
    with engine.connect() as conn, pytest.raises(Exception, match="permission denied"):
        conn.execute(text("DELETE FROM audit_event"))


def test_sign_in_is_throttled_and_a_wrong_passphrase_says_nothing_about_the_login(
    team, clock
) -> None:  # type: ignore[no-untyped-def]
    engine = team["anna"].store.engine
    for _ in range(accounts.FREE_FAILURES + 1):
        with pytest.raises(WrongPassphrase) as wrong:
            accounts.sign_in(engine, "anna", "falsch", clock)
    with pytest.raises(WrongPassphrase) as unknown:
        accounts.sign_in(engine, "niemand", "falsch", clock)
    assert str(wrong.value) == str(unknown.value)
    with pytest.raises(accounts.SignInLocked):
        accounts.sign_in(engine, "anna", PASS["anna"], clock)
    clock.advance(minutes=20)
    assert accounts.sign_in(engine, "anna", PASS["anna"], clock).account.login == "anna"


def test_sessions_expire_when_idle_and_end_on_sign_out(team, clock) -> None:  # type: ignore[no-untyped-def]
    engine = team["anna"].store.engine
    signed = accounts.sign_in(engine, "kurt", PASS["kurt"], clock)
    assert accounts.authenticate(engine, signed.token, clock).login == "kurt"
    clock.advance(minutes=31)
    with pytest.raises(accounts.SessionExpired):
        accounts.authenticate(engine, signed.token, clock)
    again = accounts.sign_in(engine, "kurt", PASS["kurt"], clock)
    accounts.sign_out(engine, again.token, clock)
    with pytest.raises(accounts.SessionExpired):
        accounts.authenticate(engine, again.token, clock)


def test_the_team_lead_sees_the_cases_of_her_team_and_no_other(team, clock) -> None:  # type: ignore[no-untyped-def]
    admin, anna = team["admin"], team["anna"]
    # Anna works in team "Nordwest"; Tanja leads it, Ulf leads another team
    engine = anna.store.engine
    with engine.begin() as conn:
        conn.execute(text("SELECT set_config('sro.role', 'system', true)"))
        conn.execute(text("UPDATE app_user SET team = 'Nordwest' WHERE login = 'anna'"))
    admin.add_user(
        m.UserDraft("tanja", "Tanja Teich", "team_lead"),
        "Tanja leitet Nordwest seit 2021",
        discipline="asd",
        team="Nordwest",
    )
    admin.add_user(
        m.UserDraft("ulf", "Ulf Ufer", "team_lead"),
        "Ulf leitet das Team Mitte 2024",
        discipline="asd",
        team="Mitte",
    )
    case = _case(anna)
    tanja = TeamService(
        engine,
        accounts.sign_in(engine, "tanja", "Tanja leitet Nordwest seit 2021", clock).account,
        clock,
    )
    ulf = TeamService(
        engine,
        accounts.sign_in(engine, "ulf", "Ulf leitet das Team Mitte 2024", clock).account,
        clock,
    )
    assert [c.file_number for c in tanja.list_cases()] == [case.file_number]
    assert tanja.show_case(case.file_number).release.full  # ASD: the whole file
    assert ulf.list_cases() == []
    with pytest.raises(PermissionDenied):
        ulf.show_case(case.file_number)
    # she reads, but the case team is the lead worker's to change
    with pytest.raises(PermissionDenied):
        tanja.add_member(case.file_number, "sina")


def test_search_on_the_server_finds_word_beginnings_within_need_to_know(team, clock) -> None:  # type: ignore[no-untyped-def]
    """Revision 0012: the words of a case, folded, as beginnings; its phonetic codes; the same
    need-to-know as the case itself – also after the case is handed over."""
    anna, sina = team["anna"], team["sina"]
    case = _case(anna)
    found = lambda svc, q: [c.file_number for c in svc.list_cases(q)]  # noqa: E731
    for query in ("özdem", "OZDEMIR", "Lüth", "özdemir-l", "Mira Özdemir", "2026-0000", "000001"):
        assert found(anna, query) == [case.file_number], query
    assert anna.count_cases(m.CaseFilter(search="Oesdemir")) == 1  # Kölner Phonetik
    for query in ("zdemir", "Mira Schulz", "Lüders", "-", "0002"):
        assert found(anna, query) == [], query
    assert found(sina, "Özdemir") == []
    anna.add_member(case.file_number, "sina")
    assert found(sina, "Özdemir") == [case.file_number]
    # a new person's name is found at once; a removed member finds nothing any more
    anna.add_person(
        case.file_number, m.PersonDraft("Jonas", "Brandt", date(2012, 1, 3), "male", "child")
    )
    assert found(sina, "brandt") == [case.file_number]
    anna.remove_member(case.file_number, "sina")
    assert found(sina, "brandt") == []
    # handed over: the words follow the case to its new lead worker (a trigger, not the writer)
    anna.add_member(case.file_number, "kurt")
    version = anna.summary(case.file_number).version
    anna.update_case(case.file_number, m.CaseEdit(reason_for_contact="Umzug geplant"))
    with pytest.raises(Conflict):  # a handover on an older version is refused like any save
        anna.update_case(case.file_number, m.CaseEdit(lead_worker="kurt"), expected_version=version)
    assert anna.summary(case.file_number).lead_worker == "Anna Asmus"
    anna.update_case(case.file_number, m.CaseEdit(lead_worker="kurt"), expected_version=version + 1)
    assert found(team["kurt"], "Özdemir") == [case.file_number]
    with system_session(anna.store.engine) as s:
        leads = set(s.execute(text("SELECT lead_worker_id FROM case_search_term")).scalars())
    assert leads == {team["kurt"].account.id}
    assert found(anna, "Özdemir") == []  # no longer hers, and not in its team
    # handing over to an account that leads no cases (Controlling) is refused
    with pytest.raises(ValidationError):
        team["kurt"].update_case(case.file_number, m.CaseEdit(lead_worker="carl"))
