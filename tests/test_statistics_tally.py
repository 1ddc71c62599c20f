"""The export counted by SQLite from the trigger-kept tally tables (migration 0008) against the
reference: the same tables counted in Python from plain facts read from the source tables.

Both must agree on every true count — cells, distinct families, means, sums, dominance — for
any period, after any kind of write, including writes the services never make (raw SQL), and
after retention deleted cases."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from sro_case.demo import generate
from sro_case.domain import models as m
from sro_case.export.tables import RawExport, aggregate, assemble
from sro_case.statistics.service import _read_facts, _with_deleted_cases
from sro_case.statistics.sql import SqlTallies
from sro_case.store import Store


def _both(store: Store, date_from: date, date_to: date) -> tuple[RawExport, RawExport]:
    with store.read() as s:
        tallies = SqlTallies(s.connection(), date_from, date_to)
        assert tallies.complete
        sql = assemble(tallies, tallies.spaces, tallies.budgets, date_from, date_to, threshold=3)
        facts = _with_deleted_cases(s, _read_facts(s, date_from, date_to), date_from, date_to)
    return sql, aggregate(facts, date_from, date_to, threshold=3)


def _periods(store: Store) -> list[tuple[date, date]]:
    today = store.clock.today()
    with store.read() as s:
        first = date.fromisoformat(
            str(s.connection().exec_driver_sql("SELECT min(opened_on) FROM case_file").scalar())
        )
    return [
        (first, today),  # everything
        (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),  # last year
        (date(today.year, 4, 1), date(today.year, 6, 30)),  # a quarter
        (today - timedelta(days=40), today - timedelta(days=40)),  # a single day
        (date(1990, 1, 1), date(1990, 12, 31)),  # nothing at all
    ]


def _assert_agree(store: Store, after: str = "") -> None:
    for date_from, date_to in _periods(store):
        sql, reference = _both(store, date_from, date_to)
        for mine, theirs in zip(sql.tables, reference.tables, strict=True):
            assert mine == theirs, (mine.id, date_from, date_to, after)
        assert sql == reference


def test_tally_agrees_with_the_facts_on_demo_data(store: Store) -> None:
    generate(store, 300, seed=11)
    _assert_agree(store)
    sql, _ = _both(store, *_periods(store)[0])
    assert sum(t.counts[-1][-1] for t in sql.tables if hasattr(t, "sensitive_cols")) > 1000


def _write(store: Store, *statements: str) -> None:
    with store.write() as s:
        for statement in statements:
            s.execute(text(statement))


def test_tally_follows_every_kind_of_write(store: Store) -> None:
    generate(store, 80, seed=3)
    _assert_agree(store)
    with store.read() as s:
        conn = s.connection()
        case_id, family_id = conn.execute(
            text(
                "SELECT c.id, c.family_id FROM case_file c WHERE EXISTS "
                "(SELECT 1 FROM help h WHERE h.case_id = c.id AND h.person_id IS NOT NULL) "
                "AND EXISTS (SELECT 1 FROM conference k WHERE k.case_id = c.id) "
                "ORDER BY c.id LIMIT 1"
            )
        ).one()
        person_id = conn.execute(
            text("SELECT person_id FROM help WHERE case_id = :c AND person_id IS NOT NULL"),
            {"c": case_id},
        ).scalar()
        other_space = conn.execute(
            text(
                "SELECT code FROM social_space WHERE id <> "
                "(SELECT social_space_id FROM case_file WHERE id = :c) ORDER BY id LIMIT 1"
            ),
            {"c": case_id},
        ).scalar()
    detail = store.cases.get(case_id)
    # through the services: a person's birth date and sex, a move, a help ended, a review
    person = next(p for p in detail.family.persons if p.id == person_id)
    store.cases.update_person(
        case_id,
        person_id,
        m.PersonDraft(person.first_name, person.last_name, date(2019, 2, 28), "diverse", "child"),
    )
    _assert_agree(store)
    store.cases.update_family(
        case_id, m.FamilyDraft(detail.family.display_name, other_space, "Neue Straße 1")
    )
    _assert_agree(store)
    open_help = next((h for h in detail.helps if h.end_on is None), None)
    if open_help is not None:
        store.cases.end_help(open_help.id, store.clock.today(), "plan")
    store.cases.add_help(case_id, m.HelpDraft("31", date(2026, 1, 31), monthly_cost_cents=123_457))
    _assert_agree(store)
    # raw SQL the services never send, with conflict clauses too: the triggers must follow it
    # all the same, statement by statement
    statements = [
        f"UPDATE participant SET discipline = 'zauberei' WHERE id = "
        f"(SELECT min(p.id) FROM participant p JOIN conference k ON k.id = p.conference_id "
        f"WHERE k.case_id = {case_id})",
        "DELETE FROM participant WHERE id IN (SELECT id FROM participant ORDER BY id LIMIT 7)",
        "UPDATE conference SET held_on = date(held_on, '-400 days') "
        "WHERE id IN (SELECT id FROM conference ORDER BY id DESC LIMIT 5)",
        "DELETE FROM conference WHERE id IN (SELECT id FROM conference ORDER BY id LIMIT 3)",
        "UPDATE goal_review SET score = -score, reviewed_on = date(reviewed_on, '+1 day') "
        "WHERE id % 7 = 0",
        "DELETE FROM goal_review WHERE id % 11 = 0",
        "UPDATE help SET start_on = date(start_on, '-1 month'), help_type = 'unbekannt' "
        "WHERE id % 9 = 0",
        "UPDATE help SET end_reason = '' WHERE id % 13 = 0 AND end_on IS NOT NULL",
        "UPDATE help SET person_id = NULL WHERE id % 17 = 0",
        f"DELETE FROM person WHERE id = {person_id}",
        "UPDATE case_file SET child_protection = 1 - child_protection WHERE id % 5 = 0",
        "UPDATE case_file SET outcome_8a = NULL WHERE id % 3 = 0",
        "UPDATE person SET birth_date = NULL WHERE id % 4 = 0",
        "UPDATE case_file SET social_space_id = (SELECT max(id) FROM social_space) "
        "WHERE id % 6 = 0",
        "UPDATE social_space SET is_model_region = 1 - is_model_region WHERE id = 2",
        # REPLACE deletes before it inserts (delete triggers need recursive_triggers), and an
        # outer conflict clause replaces the ones inside trigger bodies
        "INSERT OR REPLACE INTO participant (id, conference_id, name, organisation, discipline) "
        "SELECT id, conference_id, name, organisation, 'kita' FROM participant "
        "WHERE id = (SELECT max(id) FROM participant)",
        "INSERT OR REPLACE INTO participant (conference_id, name, organisation, discipline) "
        "SELECT max(id), 'Neu', '', 'asd' FROM conference",
        "INSERT OR ABORT INTO participant (conference_id, name, organisation, discipline) "
        "SELECT max(id), 'Noch wer', '', 'schule' FROM conference",
        "INSERT OR REPLACE INTO goal_review (id, goal_id, conference_id, reviewed_on, score, "
        "comment) SELECT id, goal_id, conference_id, '2020-01-01', score, comment "
        "FROM goal_review WHERE id = (SELECT max(id) FROM goal_review)",
        "UPDATE OR IGNORE person SET birth_date = '2010-02-28' WHERE id % 3 = 1",
        "UPDATE OR ABORT person SET sex = 'male' WHERE id % 5 = 2",
        "UPDATE OR REPLACE help SET monthly_cost_cents = 99 WHERE id % 4 = 1",
    ]
    for statement in statements:
        _write(store, statement)
        _assert_agree(store, statement)
    with store.read() as s:  # the unknown discipline is counted, not dropped
        assert (
            s.connection()
            .execute(text("SELECT count(*) FROM tally_discipline WHERE code = 'zauberei'"))
            .scalar()
            == 1
        )
    store.conferences.record(
        case_id,
        m.ConferenceDraft(
            store.clock.today(),
            "fallkonferenz",
            facilitator="Moderation",
            participants=(
                m.ParticipantDraft("Frau A", "schule"),
                m.ParticipantDraft("Herr B", "asd"),
                m.ParticipantDraft("Frau C", "asd"),
            ),
            goals=(m.GoalDraft("Ein Ziel"),),
        ),
    )
    _assert_agree(store)
    _write(store, f"DELETE FROM case_file WHERE id = {case_id}")
    _assert_agree(store)
    with store.read() as s:
        conn = s.connection()
        for table in ("tally_help", "tally_conference", "tally_review", "tally_protection"):
            left = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE case_key = :c"), {"c": case_id}
            ).scalar()
            assert left == 0, table
        assert family_id  # the family stays: other cases may belong to it


def test_migration_fills_the_tally_for_live_and_deleted_cases(store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    """Revision 0008 on a database that already holds cases, some of them deleted."""
    from alembic import command

    from sro_case.retention.service import RetentionService
    from sro_case.storage import migrate
    from sro_case.storage.engine import WRITE_OPTION

    generate(store, 120, seed=8)
    clock.current = clock.current.replace(year=2110)
    service = RetentionService(store)
    due = [p.case_id for p in service.proposals()]
    assert len(due) > 10
    service.apply(due[:10], confirm=True)
    expected = [_both(store, a, b)[1] for a, b in _periods(store)]
    cfg = migrate.alembic_config()
    with store.engine.execution_options(**{WRITE_OPTION: True}).connect() as conn:
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
        assert "tally_help" not in {
            name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")
        }
    migrate.upgrade(store.engine)
    _assert_agree(store)
    assert [_both(store, a, b)[0] for a, b in _periods(store)] == expected
    assert store.maintenance.check().statistics_problems == ()
    # the rows of deleted cases follow their Sozialraum's code, as the reference reads them
    for statement in (
        "UPDATE social_space SET code = 'umbenannt' WHERE id = 1",
        "INSERT INTO social_space (code, name, sort_name, district_group, is_model_region) "
        "SELECT 'x', 'Neu', 'neu', '', 0",
        "UPDATE social_space SET code = (SELECT code FROM case_statistic LIMIT 1) "
        "WHERE code = 'x' AND NOT EXISTS (SELECT 1 FROM social_space s "
        "WHERE s.code = (SELECT code FROM case_statistic LIMIT 1))",
    ):
        _write(store, statement)
        _assert_agree(store, statement)


def test_a_table_rebuilt_by_a_later_migration_keeps_the_tally(store: Store) -> None:
    """Alembic's batch mode copies, drops and renames a table; the triggers would break it."""
    import sqlalchemy as sa
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    from sro_case.storage import migrate
    from sro_case.storage.engine import WRITE_OPTION
    from sro_case.storage.tally import TRIGGERS

    generate(store, 30, seed=9)
    with store.engine.execution_options(**{WRITE_OPTION: True}).connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # as migrate.upgrade runs the revisions
        with conn.begin():
            operations = Operations(MigrationContext.configure(conn))
            with migrate.triggers_suspended(conn):
                for table in ("help", "participant", "goal_review", "case_file"):
                    with operations.batch_alter_table(table, recreate="always") as batch:
                        batch.add_column(sa.Column("spare", sa.Integer(), nullable=True))
        raw.execute("PRAGMA foreign_keys = ON")
        names = {n for (n,) in raw.execute("SELECT name FROM sqlite_schema")}
    assert set(TRIGGERS) <= names
    _write(
        store,
        "UPDATE help SET start_on = date(start_on, '-2 months') WHERE id % 2 = 0",
        "DELETE FROM participant WHERE id % 3 = 0",
        "UPDATE goal_review SET score = 2 WHERE id % 2 = 1",
        "UPDATE case_file SET child_protection = 1 WHERE id % 2 = 0",
    )
    _assert_agree(store)


def test_more_disciplines_than_the_bit_set_holds_falls_back_to_the_facts(store: Store) -> None:
    generate(store, 30, seed=4)
    with store.read() as s:
        conference = s.connection().execute(text("SELECT min(id) FROM conference")).scalar()
    _write(
        store,
        *(
            f"INSERT INTO participant (conference_id, name, organisation, discipline) "
            f"VALUES ({conference}, 'Gast {i}', '', 'disziplin_{i:02d}')"
            for i in range(70)
        ),
    )
    with store.read() as s:
        assert not SqlTallies(s.connection(), date(2000, 1, 1), store.clock.today()).complete
    period = (date(2000, 1, 1), store.clock.today())
    built = store.statistics.build(*period)
    assert built.tables == store.statistics.reference_build(*period).tables
    disciplines = built.table("konferenzen_disziplinen")
    assert sum(1 for c in disciplines.rows if c.code.startswith("disziplin_")) == 70


def test_the_check_finds_lost_rows_wrong_figures_and_missing_triggers(store: Store) -> None:
    generate(store, 40, seed=6)
    assert store.maintenance.check().ok
    _write(store, "UPDATE tally_review SET score = -score WHERE goal_key % 2 = 0")
    report = store.maintenance.check()  # the rows are all there, but the figures differ
    assert not report.ok and report.audit_ok
    assert report.statistics_problems == (
        "Zählwerk der Statistik: die Zahlen weichen von einer Zählung über die Akten ab "
        "(Tabellen: ziele_zielerreichung).",
    )
    _write(
        store,
        "DELETE FROM tally_help WHERE help_id = (SELECT max(help_id) FROM tally_help)",
        "DROP TRIGGER tally_participant_delete",
    )
    problems = store.maintenance.check().statistics_problems
    assert problems[0] == (
        "Zählwerk der Statistik: Trigger fehlen (tally_participant_delete); die Statistik zählt "
        "Änderungen nicht mehr mit."
    )
    assert problems[1].startswith("Zählwerk der Statistik, Hilfen: ")
    assert len(problems) == 3  # and the figures


# --------------------------------------------------------------------------- random data

_DAYS = st.dates(date(2014, 1, 1), date(2027, 12, 31))
_BIRTHS = st.one_of(
    st.none(), st.dates(date(1950, 1, 1), date(2026, 12, 31)), st.just(date(2012, 2, 29))
)
_HELP_TYPES = ("31", "13a", "16", "35a", "41", "unbekannt")
_DISCIPLINES = ("asd", "familie", "schule", "kita", "zz_unbekannt")
_person = st.tuples(_BIRTHS, st.sampled_from(("female", "male", "diverse", "unspecified", "")))
_help = st.tuples(
    st.sampled_from(_HELP_TYPES),
    _DAYS,
    st.one_of(st.none(), st.integers(-40, 1500)),  # days to the end (negative: end before start)
    st.sampled_from((None, "", "plan", "abbruch_familie", "unbekannter_grund")),
    st.one_of(st.none(), st.integers(0, 600_000)),
    st.one_of(st.none(), st.integers(0, 3)),  # index of the person
)
_goal = st.lists(st.tuples(_DAYS, st.integers(-2, 2)), max_size=3)
_case = st.fixed_dictionaries(
    {
        "space": st.integers(0, 3),
        "opened": _DAYS,
        "protection": st.booleans(),
        "outcome": st.sampled_from((None, "", "gefaehrdung", "keine_gefaehrdung")),
        "persons": st.lists(_person, max_size=3),
        "helps": st.lists(_help, max_size=4),
        "conferences": st.lists(
            st.tuples(_DAYS, st.lists(st.sampled_from(_DISCIPLINES), max_size=4)), max_size=3
        ),
        "goals": st.lists(_goal, max_size=2),
    }
)


def _insert(store: Store, cases: list[dict]) -> None:  # type: ignore[type-arg]
    with store.write() as s:
        run = s.connection().exec_driver_sql
        run("DELETE FROM case_file")  # helps, conferences and goals go with it (cascade)
        run("DELETE FROM person")
        run("DELETE FROM family")
        spaces = [sid for (sid,) in run("SELECT id FROM social_space ORDER BY id").all()]
        for n, c in enumerate(cases, 1):
            space = spaces[c["space"] % len(spaces)]
            run(
                "INSERT INTO family (id, display_name, street, postal_code, city, "
                "social_space_id, sort_name) VALUES (?, 'Familie Zufall', '', '', 'Rostock', ?, '')",
                (n, space),
            )
            run(
                "INSERT INTO case_file (id, file_number, family_id, social_space_id, opened_on, "
                "status, reason_for_contact, focus_areas, child_protection, outcome_8a, "
                "legal_hold) VALUES (?, ?, ?, ?, ?, 'eingang', '', '', ?, ?, 0)",
                (n, f"Z-{n}", n, space, c["opened"].isoformat(), c["protection"], c["outcome"]),
            )
            persons = []
            for birth, sex in c["persons"]:
                cur = run(
                    "INSERT INTO person (family_id, role, first_name, last_name, birth_date, sex) "
                    "VALUES (?, 'child', 'Kim', 'Zufall', ?, ?)",
                    (n, birth.isoformat() if birth else None, sex),
                )
                persons.append(cur.lastrowid)
            for kind, start, length, reason, cost, who in c["helps"]:
                end = None if length is None else (start + timedelta(days=length)).isoformat()
                person = persons[who] if who is not None and who < len(persons) else None
                run(
                    "INSERT INTO help (case_id, person_id, help_type, provider, start_on, end_on, "
                    "monthly_cost_cents, end_reason) VALUES (?, ?, ?, '', ?, ?, ?, ?)",
                    (n, person, kind, start.isoformat(), end, cost, reason),
                )
            for held, disciplines in c["conferences"]:
                conference = run(
                    "INSERT INTO conference (case_id, held_on, kind, facilitator, agenda, "
                    "family_will, will_spoken_by, decisions) "
                    "VALUES (?, ?, 'fallkonferenz', '', '', '', '', '')",
                    (n, held.isoformat()),
                ).lastrowid
                for discipline in disciplines:
                    run(
                        "INSERT INTO participant (conference_id, name, organisation, discipline) "
                        "VALUES (?, 'Gast', '', ?)",
                        (conference, discipline),
                    )
            for reviews in c["goals"]:
                goal = run(
                    "INSERT INTO goal (case_id, text, indicator, owner, status, level_minus2, "
                    "level_minus1, level_0, level_plus1, level_plus2) "
                    "VALUES (?, 'Ziel', '', '', 'offen', '', '', '', '', '')",
                    (n,),
                ).lastrowid
                for day, score in reviews:
                    run(
                        "INSERT INTO goal_review (goal_id, reviewed_on, score, comment) "
                        "VALUES (?, ?, ?, '')",
                        (goal, day.isoformat(), score),
                    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cases=st.lists(_case, min_size=1, max_size=8), period=st.tuples(_DAYS, _DAYS))
def test_tally_agrees_with_the_facts_on_random_data(store: Store, cases, period) -> None:  # type: ignore[no-untyped-def]
    """Odd data the client never writes: no birth date, 29 February, an end before the start,
    empty codes, unknown help types and disciplines, scores on the same day."""
    _insert(store, cases)
    date_from, date_to = min(period), max(period)
    sql, reference = _both(store, date_from, date_to)
    for mine, theirs in zip(sql.tables, reference.tables, strict=True):
        assert mine == theirs, mine.id
