"""Services against a real encrypted database: the case file, its workflow, conferences, audit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from sro_case.domain import models as m
from sro_case.domain.models import CaseFilter
from sro_case.errors import NotFound, PermissionDenied, ValidationError, WorkflowError
from sro_case.store import Store


def new_case(
    store: Store, fn: str = "51.2-2026-000001", surname: str = "Meyer", **kw
) -> m.CaseSummary:  # type: ignore[no-untyped-def]
    return store.cases.create(
        m.CaseDraft(
            fn,
            m.FamilyDraft(
                f"Familie {surname}", kw.pop("space", "toitenwinkel"), "Am Hang 3", "18147"
            ),
            (
                m.PersonDraft("Lena", surname, date(2015, 3, 1), "female", "child"),
                m.PersonDraft("Sven", surname, date(1985, 7, 9), "male", "parent"),
            ),
            lead_worker="admin",
            opened_on=date(2026, 2, 1),
            reason_for_contact="Schule meldet häufige Fehlzeiten.",
            focus_areas=("schule",),
            **kw,
        )
    )


def test_create_list_search_and_read(store: Store) -> None:
    s = new_case(store)
    new_case(store, "51.2-2026-000002", "Özdemir", space="gross_klein")
    assert s.status == "eingang" and s.social_space == "Toitenwinkel" and s.lead_worker
    assert store.cases.count() == 2
    for query in ("Maier", "Mayer", "meyer", "Lena", "51.2-2026-000001", "Ozdemir", "Özd"):
        hits = store.cases.list(CaseFilter(search=query))
        assert hits, query
    assert [c.file_number for c in store.cases.list(CaseFilter(social_space="gross_klein"))] == [
        "51.2-2026-000002"
    ]
    assert store.cases.list(CaseFilter(search='"; DROP TABLE case_file; --')) == []
    # #15: a part of a file number finds the case too, not only its beginning
    for part in ("000002", "2026-000002", " 6-000002 "):
        assert [c.file_number for c in store.cases.list(CaseFilter(search=part))] == [
            "51.2-2026-000002"
        ], part
    assert store.cases.count(CaseFilter(search="2026-00000")) == 2
    assert store.cases.list(CaseFilter(search="%")) == []  # no LIKE wildcard from the user
    detail = store.cases.get(s.id)
    assert [p.first_name for p in detail.family.persons] == ["Lena", "Sven"]
    assert detail.focus_areas == ("schule",)
    assert [e.action for e in store.cases.audit_trail(s.id)] == ["create", "read"]


def test_duplicate_check_finds_similar_names_and_closed_cases(store: Store) -> None:
    s = new_case(store)
    store.cases.close(s.id, "plan")
    found = store.cases.find_duplicates("Maier", "Lena", date(2015, 3, 1))
    assert found and found[0].case.file_number == "51.2-2026-000001"
    assert "gleiches Geburtsdatum" in found[0].reason and found[0].case.status == "abgeschlossen"
    assert store.cases.find_duplicates("Schulze", "", date(2001, 1, 1)) == []


def test_file_number_is_unique_and_validation_names_every_field(store: Store) -> None:
    new_case(store)
    with pytest.raises(ValidationError, match="bereits vergeben"):
        new_case(store)
    with pytest.raises(ValidationError) as info:
        store.cases.create(
            m.CaseDraft(
                "",
                m.FamilyDraft("", "atlantis"),
                (m.PersonDraft("", "X\x00Y", date(2099, 1, 1), "robot", "child"),),
            )
        )
    fields = {f for f, _ in info.value.problems}
    assert {
        "Aktenzeichen",
        "Familie",
        "Sozialraum",
        "Person 1: Vorname",
        "Person 1: Familienname",
        "Person 1: Geburtsdatum",
        "Person 1: Geschlecht",
    } <= fields
    assert store.cases.count() == 1  # nothing half-written


def test_status_workflow_close_and_reopen_need_reasons(store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    s = new_case(store)
    store.cases.change_status(s.id, "klaerung")
    with pytest.raises(WorkflowError):
        store.cases.change_status(s.id, "abgeschlossen")
    with pytest.raises(ValidationError, match="Beendigungsgrund"):
        store.cases.close(s.id, "")
    store.cases.close(s.id, "plan")
    with pytest.raises(WorkflowError):
        store.cases.close(s.id, "plan")
    with pytest.raises(ValidationError):
        store.cases.reopen(s.id, "weil")
    store.cases.reopen(s.id, "neuer_bedarf")
    detail = store.cases.get(s.id)
    assert [h.to_status for h in detail.history] == [
        "eingang",
        "klaerung",
        "abgeschlossen",
        "klaerung",
    ]
    assert detail.history[2].reason == "plan" and detail.history[3].reason == "neuer_bedarf"
    assert detail.summary.closed_on is None


def test_consents_notes_helps_resources(store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    s = new_case(store)
    parent = store.cases.get(s.id).family.persons[1]
    consent = store.cases.add_consent(
        s.id,
        m.ConsentDraft(
            parent.id, ("schulsozialarbeit", "kita"), date(2026, 3, 1), date(2026, 12, 31)
        ),
    )
    assert consent.valid_on(date(2026, 6, 1)) and not consent.valid_on(date(2027, 1, 1))
    store.cases.revoke_consent(consent.id, date(2026, 6, 1))
    with pytest.raises(ValidationError, match="Zukunft"):
        store.cases.add_note(s.id, m.NoteDraft(clock.today() + timedelta(days=1), "phone", "Anruf"))
    store.cases.add_note(
        s.id, m.NoteDraft(date(2026, 3, 2), "home_visit", "Hausbesuch, ruhige Lage.")
    )
    store.cases.add_note(
        s.id, m.NoteDraft(date(2026, 3, 3), "counselling", "Anvertraut: …", entrusted=True)
    )
    help_ = store.cases.add_help(
        s.id,
        m.HelpDraft(
            "31", date(2026, 3, 1), provider="Träger Nordlicht", monthly_cost_cents=250_000
        ),
    )
    with pytest.raises(ValidationError, match="Beginn"):
        store.cases.end_help(help_.id, date(2026, 1, 1), "plan")
    store.cases.end_help(help_.id, date(2026, 9, 30), "plan")
    store.cases.add_resource(s.id, m.ResourceDraft("social_space", "Sportverein im Stadtteil"))
    d = store.cases.get(s.id)
    assert d.consents[0].revoked_on == date(2026, 6, 1)
    assert (
        len(d.notes) == 2
        and d.helps[0].end_reason == "plan"
        and d.resources[0].kind == "social_space"
    )


def test_a_help_is_corrected_and_closing_the_case_ends_the_running_ones(store: Store) -> None:
    """#15: helps could only be added; closing a case left a § 31 help at 1.850 €/month."""
    s = new_case(store)
    other = new_case(store, "51.2-2026-000002", "Özdemir")
    stranger = store.cases.get(other.id).family.persons[0]
    running = store.cases.add_help(
        s.id,
        m.HelpDraft(
            "31", date(2026, 3, 1), provider="Träger Nordlicht", monthly_cost_cents=185_000
        ),
    )
    store.cases.add_help(
        s.id, m.HelpDraft("28", date(2026, 2, 1), end_on=date(2026, 4, 30), end_reason="plan")
    )
    fixed = store.cases.update_help(
        running.id,
        m.HelpDraft(
            "31",
            date(2026, 3, 2),
            provider="Nordlicht gGmbH",
            hours_per_week=6,
            monthly_cost_cents=185_000,
        ),
    )
    assert (fixed.start_on, fixed.provider, fixed.hours_per_week) == (
        date(2026, 3, 2),
        "Nordlicht gGmbH",
        6,
    )
    with pytest.raises(ValidationError, match="Person"):  # a person of another family
        store.cases.update_help(
            running.id, m.HelpDraft("31", date(2026, 3, 2), person_id=stranger.id)
        )
    assert [h.id for h in store.cases.running_helps(s.id)] == [running.id]
    store.cases.close(s.id, "plan", date(2026, 10, 31), end_running_helps=True)
    helps = {h.id: h for h in store.cases.get(s.id).helps}
    assert (helps[running.id].end_on, helps[running.id].end_reason) == (date(2026, 10, 31), "plan")
    assert store.cases.running_helps(s.id) == []
    # without the choice a running help stays running (the client asks; the default ends it)
    keep = store.cases.add_help(other.id, m.HelpDraft("31", date(2026, 3, 1)))
    store.cases.close(other.id, "plan", date(2026, 10, 31))
    assert [h.id for h in store.cases.running_helps(other.id)] == [keep.id]


def test_entrusted_notes_are_hidden_from_other_workers(
    store: Store, created, db_path, clock
) -> None:  # type: ignore[no-untyped-def]
    store.users.add(m.UserDraft("bfrank", "Birte Frank", "caseworker"))
    s = new_case(store)
    store.cases.add_note(
        s.id, m.NoteDraft(date(2026, 3, 3), "counselling", "Nur für die Fachkraft.", entrusted=True)
    )
    store.cases.add_note(s.id, m.NoteDraft(date(2026, 3, 4), "phone", "Termin vereinbart."))
    other = Store(db_path, store.engine, actor="bfrank", role="caseworker", clock=clock)
    assert [n.text for n in other.cases.get(s.id).notes] == ["Termin vereinbart."]
    assert len(store.cases.get(s.id).notes) == 2
    parent = store.cases.get(s.id).family.persons[1]
    store.cases.add_consent(
        s.id, m.ConsentDraft(parent.id, ("asd",), date(2026, 4, 1), releases_entrusted=True)
    )
    assert len(other.cases.get(s.id).notes) == 2  # released by the family's consent


def test_controlling_may_not_open_case_files(store: Store, db_path, clock) -> None:  # type: ignore[no-untyped-def]
    s = new_case(store)
    controlling = Store(db_path, store.engine, actor="ctrl", role="controlling", clock=clock)
    with pytest.raises(PermissionDenied):
        controlling.cases.get(s.id)
    with pytest.raises(PermissionDenied):
        controlling.cases.list()


def test_conference_with_goals_steps_and_reviews(store: Store) -> None:
    s = new_case(store)
    conf = store.conferences.record(
        s.id,
        m.ConferenceDraft(
            held_on=date(2026, 4, 1),
            kind="fallkonferenz",
            facilitator="Moderation Nord",
            participants=(
                m.ParticipantDraft("Frau Meyer", "familie"),
                m.ParticipantDraft("Herr Kurt", "schulsozialarbeit", "Schule am Wald"),
            ),
            family_will="„Wir wollen, dass Lena wieder gern zur Schule geht.“",
            will_spoken_by="Frau Meyer",
            resources=(m.ResourceDraft("family", "Oma wohnt nebenan"),),
            goals=(
                m.GoalDraft(
                    "Lena geht jeden Tag zur Schule.",
                    "Woran merken wir es? Höchstens zwei Fehltage im Monat.",
                    "Lena",
                    date(2026, 7, 1),
                    ("täglich Fehltage", "mehr Fehltage", "wie jetzt", "weniger", "keine Fehltage"),
                    (m.StepDraft("Frau Meyer", "weckt Lena um 7 Uhr", date(2026, 4, 8)),),
                ),
            ),
            decisions="Nächstes Treffen in drei Monaten.",
            next_review=date(2026, 7, 1),
        ),
    )
    d = store.cases.get(s.id)
    assert d.summary.next_review == date(2026, 7, 1)
    goal = d.goals[0]
    assert goal.levels[4] == "keine Fehltage" and goal.steps[0].who == "Frau Meyer"
    store.conferences.review_goal(m.ReviewDraft(goal.id, date(2026, 5, 1), 1, "besser", conf.id))
    with pytest.raises(ValidationError):
        store.conferences.review_goal(m.ReviewDraft(goal.id, date(2026, 5, 2), 3))
    store.conferences.set_step_done(goal.steps[0].id)
    assert store.cases.get(s.id).goals[0].reviews[0].score == 1
    assert store.conferences.overdue_steps(date(2026, 5, 1)) == []


def test_conference_is_all_or_nothing(store: Store) -> None:
    s = new_case(store)
    bad = m.ConferenceDraft(
        date(2026, 4, 1),
        "fallkonferenz",
        participants=(m.ParticipantDraft("X", "astrologie"),),
        goals=(m.GoalDraft("gut"),),
    )
    with pytest.raises(ValidationError, match="Disziplin"):
        store.conferences.record(s.id, bad)
    assert store.cases.get(s.id).goals == ()


def test_missing_records_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.cases.get(999)
    with pytest.raises(NotFound):
        store.cases.id_for("gibt-es-nicht")


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "delete_last", "reorder"])
def test_audit_tampering_is_detected(store: Store, tamper: str) -> None:
    s = new_case(store)
    store.cases.get(s.id)
    store.cases.change_status(s.id, "klaerung")
    assert store.maintenance.check().ok
    sql = {
        "edit": "UPDATE audit_event SET actor = 'jemand' WHERE seq = 2",
        "delete_middle": "DELETE FROM audit_event WHERE seq = 2",
        "delete_last": "DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)",
        "reorder": "UPDATE audit_event SET seq = seq + 100 WHERE seq = 2",
    }[tamper]
    with store.write() as sess:
        sess.execute(text(sql))
    report = store.maintenance.check()
    assert not report.audit_ok and report.audit_problems


def test_list_sorts_in_german_order_in_sql(store: Store) -> None:
    for i, name in enumerate(["Zorn", "Özdemir", "Abel", "Ohm", "Ärmel"]):
        new_case(store, f"51.2-2026-00010{i}", name)
    names = [c.family_name for c in store.cases.list(sort="family")]
    assert names == [
        "Familie Abel",
        "Familie Ärmel",
        "Familie Ohm",
        "Familie Özdemir",
        "Familie Zorn",
    ]
    assert store.cases.list(sort="family", descending=True)[0].family_name == "Familie Zorn"
    page = store.cases.list(sort="family", limit=2, offset=2)
    assert [c.family_name for c in page] == ["Familie Ohm", "Familie Özdemir"]


def test_deadlines(store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    s = new_case(store, next_review=date(2026, 11, 1))
    person = store.cases.get(s.id).family.persons[1]
    store.cases.add_consent(
        s.id, m.ConsentDraft(person.id, ("kita",), date(2026, 1, 1), date(2026, 12, 10))
    )
    store.conferences.add_goal(
        s.id, m.GoalDraft("Ziel", steps=(m.StepDraft("Vater", "Kita anrufen", date(2026, 11, 20)),))
    )
    kinds = {d.kind for d in store.deadlines.list()}
    assert kinds == {"review", "consent", "step"}
    assert store.deadlines.list(worker="niemand") == []
    assert len(store.deadlines.list(worker="admin")) == 3


def test_conference_and_its_reviews_are_one_transaction(store: Store) -> None:
    s = new_case(store)
    other = new_case(store, "51.2-2026-000002", "Özdemir")
    mine = store.conferences.add_goal(s.id, m.GoalDraft("Lena geht jeden Tag zur Schule."))
    theirs = store.conferences.add_goal(other.id, m.GoalDraft("Ein Ziel im anderen Fall"))
    draft = m.ConferenceDraft(held_on=date(2026, 4, 1), kind="fallkonferenz")
    logged = store.audit_log.count()
    bad = (
        m.ReviewDraft(mine.id, date(2026, 4, 1), 1),
        m.ReviewDraft(theirs.id, date(2026, 4, 1), 2),
    )
    with pytest.raises(ValidationError):
        store.conferences.record(s.id, draft, bad)
    assert store.audit_log.count() == logged  # nothing of it saved, not even a log entry
    detail = store.cases.get(s.id)
    assert detail.conferences == () and all(not g.reviews for g in detail.goals)
    conf = store.conferences.record(s.id, draft, bad[:1])
    goal = store.cases.get(s.id).goals[0]
    assert [(r.score, r.conference_id) for r in goal.reviews] == [(1, conf.id)]
