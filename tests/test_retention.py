"""Deletion periods with an injected clock run forward 120 years, the statistical record that
keeps the controlling figures, and what a deletion leaves in the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from sro_case.cases import search_index
from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.errors import PermissionDenied, ValidationError
from sro_case.export import build_export
from sro_case.export.tables import Facts, aggregate, assemble
from sro_case.kernel import audit
from sro_case.retention.service import (
    CaseBasis,
    HelpBasis,
    RetentionService,
    StatisticalRows,
    compute_rule,
    facts_from_snapshots,
    live_snapshots,
    statistical_rows,
)
from sro_case.statistics.service import _read_facts
from sro_case.statistics.sql import SqlTallies
from sro_case.storage.orm import CaseRecord, FamilyRecord, PersonRecord
from sro_case.storage.orm_retention import (
    CaseStatisticRecord,
    ConferenceStatisticRecord,
    GoalReviewStatisticRecord,
    GoalStatisticRecord,
    HelpStatisticRecord,
)
from sro_case.store import Store

OPENED = date(2026, 1, 5)


def make_case(
    store: Store,
    fn: str,
    persons: tuple[tuple[str, date | None, str], ...],
    *,
    surname: str = "Meyer",
    family_of: int | None = None,
    child_protection: bool = False,
) -> tuple[int, list[int]]:
    """A case with the given (first name, birth date, role) persons; returns (case, person ids).
    With ``family_of`` the case joins that case's household (a second case of one family)."""
    draft = m.CaseDraft(
        fn,
        m.FamilyDraft(f"Familie {surname}", "toitenwinkel", "Am Hang 3", "18147"),
        tuple(
            m.PersonDraft(first, surname, birth, "female", role) for first, birth, role in persons
        ),
        lead_worker="admin",
        opened_on=OPENED,
        reason_for_contact=f"Anlass bei {surname}",
        child_protection=child_protection,
    )
    case = store.cases.create(draft)
    if family_of is not None:  # move the new case into the other case's household
        with store.write() as s:
            rec = s.get(CaseRecord, case.id)
            old = rec.family_id
            rec.family_id = s.get(CaseRecord, family_of).family_id
            s.flush()
            s.execute(text("DELETE FROM person WHERE family_id = :f"), {"f": old})
            s.execute(text("DELETE FROM family WHERE id = :f"), {"f": old})
            search_index.reindex_case(s, case.id)
    ids = [p.id for p in store.cases.get(case.id).family.persons]
    return case.id, ids


# --------------------------------------------------------------------------- the rule alone


def test_rule_examples() -> None:
    periods = {"standard": 10, "sro_angebot": 3, "kinderschutz": 25}
    closed = date(2030, 6, 30)
    # § 9b: 100th birthday of the youngest person a flagged help is for, whenever the case closed
    rule = compute_rule(
        CaseBasis(1, closed, False, False, (HelpBasis("31", (date(2015, 3, 1),)),)), periods
    )
    assert (rule.category, rule.due_on) == ("9b", date(2115, 3, 1))
    assert "70 Jahre nach dem 30. Geburtstag" in rule.reason and "01.03.2045" in rule.reason
    leap = compute_rule(
        CaseBasis(
            2,
            closed,
            False,
            False,
            (HelpBasis("34", (date(2000, 2, 29),)), HelpBasis("13a", (date(2020, 1, 1),))),
        ),
        periods,
    )
    assert leap.due_on == date(2100, 3, 1)  # 29 Feb → 1 Mar: 2100 is a common year
    youngest = compute_rule(
        CaseBasis(
            3, closed, False, False, (HelpBasis("41", (date(2007, 8, 1), date(2016, 5, 5))),)
        ),
        periods,
    )
    assert youngest.due_on == date(2116, 5, 5)
    unknown = compute_rule(
        CaseBasis(4, closed, False, False, (HelpBasis("55", (None, date(2016, 1, 1))),)), periods
    )
    assert unknown.due_on is None and "Geburtsdatum" in unknown.reason
    assert not unknown.deletable_on(date(2200, 1, 1))
    # other cases: the longest applicable period after closing; a shorter specific one counts
    offer = compute_rule(CaseBasis(5, closed, False, False, (HelpBasis("13a", ()),)), periods)
    assert (offer.category, offer.due_on) == ("sro_angebot", date(2033, 6, 30))
    protect = compute_rule(CaseBasis(6, closed, False, True, (HelpBasis("13a", ()),)), periods)
    assert (protect.category, protect.due_on) == ("kinderschutz", date(2055, 6, 30))
    bare = compute_rule(CaseBasis(7, closed, False, False, ()), periods)
    assert (bare.category, bare.due_on) == ("ohne_hilfe", date(2040, 6, 30))
    open_case = compute_rule(CaseBasis(8, None, False, False, ()), periods)
    assert open_case.due_on is None and "nicht abgeschlossen" in open_case.reason
    held = compute_rule(CaseBasis(9, closed, True, False, ()), periods)
    assert held.due_on == date(2040, 6, 30) and not held.deletable_on(date(2100, 1, 1))
    assert "Löschsperre" in held.reason


# --------------------------------------------------------------------------- 120 years


@dataclass
class Scenario:
    case_id: int
    expected: date | None  # first day on which the case must be gone; None = never
    what: str


def test_clock_run_forward_120_years_deletes_on_the_day_never_before(
    store: Store, clock: FixedClock
) -> None:
    service = RetentionService(store)
    service.set_period("ohne_hilfe", 3)
    service.set_period("kinderschutz", 25)
    service.set_period("volljaehrige", 5)
    sc: list[Scenario] = []
    close_on = date(2026, 6, 30)

    def closed_case(fn: str, persons, helps, expected, what, **kw):  # type: ignore[no-untyped-def]
        cid, pids = make_case(store, fn, persons, **kw)
        for kind, who in helps:
            person = pids[who] if who is not None else None
            store.cases.add_help(cid, m.HelpDraft(kind, date(2026, 2, 1), person_id=person))
        store.cases.close(cid, "plan", close_on)
        sc.append(Scenario(cid, expected, what))
        return cid, pids

    child = ("Lena", date(2015, 3, 1), "child")
    parent = ("Sven", date(1985, 7, 9), "parent")
    closed_case("A-01", (child, parent), [("31", 0)], date(2115, 3, 1), "§ 9b SPFH for the child")
    closed_case(
        "A-02",
        (("Mia", date(2000, 2, 29), "young_adult"),),
        [("34", 0)],
        date(2100, 3, 1),
        "§ 9b, born on 29 February",
    )
    closed_case("A-03", (child,), [("13a", 0)], date(2036, 6, 30), "school social work: 10 y")
    closed_case("A-04", (child,), [], date(2029, 6, 30), "no help: 3 y")
    closed_case(
        "A-05", (child,), [], date(2051, 6, 30), "§ 8a without help: 25 y", child_protection=True
    )
    closed_case(
        "A-06",
        (("Tom", date(2018, 5, 5), "child"), parent),
        [("30", None)],
        date(2118, 5, 5),
        "§ 9b help without a person: the young people count",
    )
    closed_case(
        "A-07",
        (("Ole", None, "child"),),
        [("33", 0)],
        None,
        "§ 9b without birth date: kept, reported",
    )
    closed_case(
        "A-08",
        (("Ida", date(2007, 8, 1), "young_adult"), ("Ben", date(2016, 12, 24), "child")),
        [("41", 0), ("35a", 1)],
        date(2116, 12, 24),
        "two § 9b helps: the youngest person",
    )
    closed_case(
        "A-09",
        (("Kai", date(2006, 1, 2), "young_adult"),),
        [("41a", 0)],
        date(2031, 6, 30),
        "§ 41a is no § 9b help: volljaehrige 5 y",
    )
    held, _ = closed_case(
        "A-10", (child,), [("16", 0)], date(2050, 1, 1), "legal hold until 2050, due 2036"
    )
    store.cases.update(held, m.CaseEdit(legal_hold=True))
    first, _ = closed_case(
        "A-11",
        (("Eva", date(2020, 4, 4), "child"),),
        [("11", 0)],
        date(2036, 6, 30),
        "first case of a household: 10 y",
    )
    second, _ = make_case(store, "A-12", (), family_of=first)
    store.cases.add_help(second, m.HelpDraft("28", date(2026, 3, 1)))  # § 9b, household help
    store.cases.close(second, "plan", close_on)
    sc.append(Scenario(second, date(2120, 4, 4), "second case of that household, § 9b"))
    never_closed, _ = make_case(store, "A-13", (child,))
    sc.append(Scenario(never_closed, None, "open case"))
    late, _ = make_case(store, "A-14", (child,))
    store.cases.add_help(late, m.HelpDraft("13", date(2026, 3, 1)))
    sc.append(Scenario(late, date(2050, 7, 15), "closed in 2040, 10 y later"))
    events = {
        date(2040, 7, 15): lambda: store.cases.close(late, "plan", date(2040, 7, 15)),
        date(2050, 1, 1): lambda: store.cases.update(held, m.CaseEdit(legal_hold=False)),
    }

    start = clock.today()
    days = {date(start.year + y, 1, 1) for y in range(1, 121)} | set(events)
    for s in sc:
        if s.expected is not None:
            days |= {s.expected - timedelta(days=1), s.expected}
    gone_on: dict[int, date] = {}
    applied = 0
    for day in sorted(d for d in days if start < d <= date(start.year + 120, 12, 31)):
        clock.current = datetime.combine(day, datetime.min.time()).replace(hour=10)
        if day in events:
            events[day]()
        due = {p.case_id for p in service.proposals()}
        live = _case_ids(store)
        expect_due = {
            s.case_id
            for s in sc
            if s.case_id in live and s.expected is not None and s.expected <= day
        }
        assert due == expect_due, day
        if due:
            result = service.apply(due, confirm=True)
            assert result.cases == len(due) and not result.skipped
            applied += 1
        live = _case_ids(store)
        for s in sc:
            should_exist = s.expected is None or day < s.expected
            assert (s.case_id in live) == should_exist, (day, s.what)
            if s.case_id not in live:
                gone_on.setdefault(s.case_id, day)
    assert clock.today().year >= 2146
    # Every case went exactly on its day (each expected day was visited), the rest stayed.
    assert gone_on == {s.case_id: s.expected for s in sc if s.expected is not None}
    assert _case_ids(store) == {sc[6].case_id, never_closed}
    exceptions = {p.case_id: p.rule.reason for p in service.exceptions()}
    assert "Geburtsdatum" in exceptions[sc[6].case_id]
    with store.read() as s:
        assert s.execute(select(func.count()).select_from(CaseStatisticRecord)).scalar_one() == (
            len(gone_on)
        )
        # the household of A-11/A-12 went with its last case, not before
        assert s.execute(select(func.count()).select_from(FamilyRecord)).scalar_one() == 2
        assert s.execute(text("SELECT count(*) FROM case_search")).scalar_one() == 2
        count, problems = audit.verify(s)
        assert problems == [] and count > 0
        retention_events = (
            s.execute(text("SELECT detail FROM audit_event WHERE action = 'retention'"))
            .scalars()
            .all()
        )
    assert len(retention_events) == applied
    assert all("Meyer" not in d and "A-" not in d for d in retention_events)  # counts only


def _case_ids(store: Store) -> set[int]:
    with store.read() as s:
        return set(s.execute(select(CaseRecord.id)).scalars())


# --------------------------------------------------------------------------- the figures stay


def _rich_case(store: Store, fn: str, surname: str, *, protection: bool = False) -> int:
    cid, pids = make_case(
        store,
        fn,
        (("Jördis", date(2014, 5, 2), "child"), ("Ayşe", date(1988, 1, 1), "parent")),
        surname=surname,
        child_protection=protection,
    )
    if protection:
        store.cases.update(cid, m.CaseEdit(outcome_8a=_first_outcome()))
    store.cases.add_help(
        cid,
        m.HelpDraft(
            "31",
            date(2026, 2, 1),
            person_id=pids[0],
            provider=f"Träger {surname}",
            end_on=date(2026, 9, 30),
            monthly_cost_cents=240_000,
            end_reason="plan",
        ),
    )
    store.cases.add_help(cid, m.HelpDraft("13a", date(2026, 3, 15), monthly_cost_cents=0))
    store.cases.add_help(cid, m.HelpDraft("16", date(2026, 4, 1), person_id=pids[1]))
    conf = store.conferences.record(
        cid,
        m.ConferenceDraft(
            date(2026, 3, 10),
            "fallkonferenz",
            facilitator="Frau Moderatorin",
            participants=(
                m.ParticipantDraft("Frau Lehrerin", "schule", "Grundschule"),
                m.ParticipantDraft(f"Frau {surname}", "familie"),
                m.ParticipantDraft("Herr ASD", "asd"),
            ),
            family_will=f"{surname}s wollen, dass es ruhiger wird.",
            goals=(m.GoalDraft(f"Jördis {surname} geht gern zur Schule"),),
        ),
    )
    goal = store.cases.get(cid).goals[0]
    store.conferences.review_goal(m.ReviewDraft(goal.id, date(2026, 5, 1), -1, "", conf.id))
    store.conferences.review_goal(m.ReviewDraft(goal.id, date(2026, 8, 1), 1, f"{surname} gut"))
    store.cases.close(cid, "plan", date(2026, 10, 1))
    return cid


def _plain(fact: tuple[object, ...]) -> str:
    """A fact (a named tuple) as text with sets sorted (a frozenset's repr depends on the hash
    seed)."""
    return repr(tuple(sorted(v) if isinstance(v, frozenset) else v for v in fact))


def _first_outcome() -> str:
    from sro_case.domain.catalogues import catalogue

    return catalogue("outcomes_8a").codes()[0]


def test_deletion_keeps_every_figure_and_no_personal_data(store: Store, clock: FixedClock) -> None:
    names = ["Zzyzxqwert", "Özdemir", "Kowalczyk", "Nguyen", "Schmidt", "Yılmaz"]
    ids = [_rich_case(store, f"S-{i}", n, protection=i % 2 == 0) for i, n in enumerate(names)]
    periods = [
        (date(2026, 1, 1), date(2026, 12, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)),
    ]

    def figures() -> list[object]:
        with store.read() as s:
            out: list[object] = []
            for a, b in periods:
                live = _read_facts(s, a, b)
                gone = statistical_rows(s, a, b)
                every = (*live.helps, *live.conferences, *live.goals, *live.protections)
                if any(fact.case < 0 for fact in every):  # statistics.py unions them in itself
                    gone = StatisticalRows()
                facts = Facts(
                    spaces=live.spaces,
                    helps=live.helps + gone.helps,
                    conferences=live.conferences + gone.conferences,
                    goals=live.goals + gone.goals,
                    protections=live.protections + gone.protections,
                    budgets=live.budgets,
                )
                out.append(aggregate(facts, a, b, threshold=3))
                tallies = SqlTallies(s.connection(), a, b)  # the export's fast path agrees
                assert (
                    assemble(tallies, tallies.spaces, tallies.budgets, a, b, threshold=3)
                    == (out[-1])
                )
                out.append(
                    build_export(facts, a, b, generated_at=datetime(2030, 1, 1), software="t")
                )
            return out

    # The snapshot rules are the statistics service's rules: same facts for live cases.
    with store.read() as s:
        for a, b in periods:
            mine = facts_from_snapshots(live_snapshots(s, ids), a, b)
            theirs = _read_facts(s, a, b)
            for field in ("helps", "conferences", "goals", "protections"):
                assert sorted(map(_plain, getattr(mine, field))) == sorted(
                    map(_plain, getattr(theirs, field))
                ), field
    before = figures()
    clock.current = datetime(2115, 1, 1, 9, 0)  # the § 9b SPFH for Jördis (2014) has ended
    service = RetentionService(store)
    due = [p.case_id for p in service.proposals()]
    assert sorted(due) == sorted(ids)
    service.apply(due[:4], confirm=True)  # some deleted, some still live
    assert figures() == before
    service.apply(due[4:], confirm=True)
    assert figures() == before
    with store.read() as s:
        rows = []
        for record in (
            CaseStatisticRecord,
            HelpStatisticRecord,
            ConferenceStatisticRecord,
            GoalStatisticRecord,
            GoalReviewStatisticRecord,
        ):
            for rec in s.execute(select(record)).scalars():
                rows.append(repr({k: v for k, v in vars(rec).items() if not k.startswith("_")}))
        dump = "\n".join(rows)
        assert s.execute(select(func.count()).select_from(PersonRecord)).scalar_one() == 0
        for table in ("tally_help", "tally_conference", "tally_review", "tally_protection"):
            live = s.execute(text(f"SELECT count(*) FROM {table} WHERE case_key > 0")).scalar()
            kept = s.execute(text(f"SELECT count(*) FROM {table} WHERE case_key < 0")).scalar()
            assert (live, kept > 0) == (0, True), table
        blob = b"".join(
            bytes(r[0]) for r in s.execute(text("SELECT block FROM case_search_data")) if r[0]
        )
    assert "'help_type': '31'" in dump and "'age_group': '9-12'" in dump
    for secret in [*names, "Jördis", "Ayşe", "S-0", "Träger", "Lehrerin", "Moderatorin", "1988"]:
        assert secret not in dump
    assert b"zzyzxqwert" not in blob  # FTS5 segments merged, not just marked deleted


def test_unconfirmed_or_held_or_early_deletes_nothing(store: Store, clock: FixedClock) -> None:
    service = RetentionService(store)
    a, _ = make_case(store, "U-1", (("Lena", date(2015, 3, 1), "child"),))
    b, _ = make_case(store, "U-2", (("Lena", date(2015, 3, 1), "child"),), surname="Lange")
    for cid in (a, b):
        store.cases.close(cid, "plan", date(2026, 6, 1))
    store.cases.update(b, m.CaseEdit(legal_hold=True))

    def counts() -> tuple[int, int, int]:
        with store.read() as s:
            return tuple(  # type: ignore[return-value]
                s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("case_file", "person", "audit_event")
            )

    before = counts()
    early = service.apply([a, b], confirm=True)
    assert early.cases == 0 and {cid for cid, _ in early.skipped} == {a, b}
    assert "Frist endet erst am 01.06.2036" in dict(early.skipped)[a]
    clock.current = datetime(2036, 6, 1, 8, 0)
    dry = service.apply([a, b, 999], confirm=False)
    assert not dry.applied and dry.deleted["case_file"] == 1 and dry.deleted["person"] == 1
    assert dict(dry.skipped)[b] == "Löschsperre gesetzt." and 999 in dict(dry.skipped)
    assert counts() == before
    assert [p.case_id for p in service.proposals()] == [a]
    assert [p.case_id for p in service.exceptions()] == [b]  # due, but on hold
    done = service.apply([a, b], confirm=True)
    assert done.applied and done.cases == 1 and done.vacuumed
    assert "1 Fälle" in done.summary()
    assert _case_ids(store) == {b}
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        assert raw.execute("PRAGMA freelist_count").fetchone()[0] == 0
    wal = store.path.with_name(store.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_periods_are_settings_for_admins_only(store: Store) -> None:
    service = RetentionService(store)
    assert service.periods()["standard"] == 10  # seeded by migration 0005
    assert service.periods()["sro_angebot"] == 10  # unset: follows "standard"
    service.set_period("standard", 6)
    service.set_period("sro_angebot", 2)
    assert service.periods()["ohne_hilfe"] == 6 and service.periods()["sro_angebot"] == 2
    service.set_period("sro_angebot", None)
    assert service.periods()["sro_angebot"] == 6
    for category, years in (
        ("atlantis", 3),
        ("standard", None),
        ("standard", 0),
        ("standard", 1000),
        ("standard", True),
    ):
        with pytest.raises(ValidationError):
            service.set_period(category, years)  # type: ignore[arg-type]
    clerk = Store(store.path, store.engine, actor="fk", role="caseworker", clock=store.clock)
    with pytest.raises(PermissionDenied):
        RetentionService(clerk).apply([1], confirm=True)
    with pytest.raises(PermissionDenied):
        RetentionService(clerk).proposals()
    with pytest.raises(PermissionDenied):
        RetentionService(clerk).set_period("standard", 3)
