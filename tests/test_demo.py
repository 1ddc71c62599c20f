"""The demo generator (``sro-case demo``) on real encrypted database files: counts, determinism,
continuing an existing database, integrity, search, sane dates and a realistic mix."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import text

from sro_case import demo
from sro_case.cases import search_index
from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.domain.catalogues import age_in_years, catalogue, closed_status, initial_status
from sro_case.domain.enums import NoteKind, ResourceKind
from sro_case.domain.models import CaseFilter
from sro_case.errors import PermissionDenied
from sro_case.store import Store, create_database
from tests.conftest import FAST_KDF, PASSPHRASE

REPORT_LABELS = {
    "families": "Familien",
    "persons": "Personen",
    "cases": "Fälle",
    "consents": "Einwilligungen",
    "notes": "Verlaufseinträge",
    "helps": "Hilfen",
    "conferences": "Konferenzen",
    "participants": "Teilnehmende",
    "goals": "Ziele",
    "reviews": "Zielüberprüfungen",
    "steps": "Handlungsschritte",
    "resources": "Ressourcen",
    "users": "Benutzer/innen",
    "budgets": "Budgets",
}


@pytest.fixture
def fresh_store(tmp_path: Path, clock: FixedClock) -> Iterator[Store]:
    """A second, independent database with the same clock."""
    created = create_database(
        tmp_path / "zweite" / "fallakten.db", PASSPHRASE, kdf=FAST_KDF, clock=clock
    )
    yield created.store
    created.store.close()


def _rows(store: Store, sql: str, **params: object) -> list[tuple]:
    with store.read() as s:
        return [tuple(r) for r in s.execute(text(sql), params)]


def _dump(store: Store) -> tuple[list[m.CaseSummary], list[m.CaseDetail]]:
    """Everything a user sees of the case list, and a few whole case files."""
    summaries = store.cases.list()
    step = max(1, len(summaries) // 6)
    return summaries, [store.cases.get(s.id) for s in summaries[::step]]


def test_counts_match_report_and_database(store: Store) -> None:
    before = store.maintenance.info().counts
    calls: list[tuple[int, int]] = []
    report = demo.generate(
        store, 250, seed=3, progress=lambda done, total: calls.append((done, total))
    )
    after = store.maintenance.info().counts

    assert report.cases == 250
    for field_name, label in REPORT_LABELS.items():
        assert after[label] - before[label] == getattr(report, field_name), label
    with store.read() as s:
        changes = s.execute(text("SELECT count(*) FROM status_change")).scalar_one()
        indexed = s.execute(text("SELECT count(*) FROM case_search")).scalar_one()
    assert changes == report.status_changes
    assert indexed == report.cases
    assert report.users == len(demo.DEMO_USERS)
    assert report.budgets > 0
    assert calls and calls[-1] == (250, 250)
    # one audit event per batch, plus the demo users and the budgets
    assert after["Protokolleinträge"] - before["Protokolleinträge"] == 1 + report.users + 1


def test_integrity_and_audit_chain_after_generating(store: Store) -> None:
    demo.generate(store, 120, seed=11)
    report = store.maintenance.check()
    assert report.ok, report
    assert _rows(store, "PRAGMA foreign_key_check") == []


def test_same_seed_same_content_different_seed_different(
    store: Store, fresh_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = demo.generate(store, 60, seed=42)
    # a different batch size must not change what is generated (the generator reads its own
    # module's constant; the package only re-exports it)
    monkeypatch.setattr("sro_case.demo.generator.BATCH_CASES", 7)
    batches: list[int] = []
    second = demo.generate(
        fresh_store, 60, seed=42, progress=lambda done, _total: batches.append(done)
    )
    assert batches == [7, 14, 21, 28, 35, 42, 49, 56, 60]
    assert first == second
    assert _dump(store) == _dump(fresh_store)

    other = create_database(
        fresh_store.path.parent.parent / "dritte" / "fallakten.db",
        PASSPHRASE,
        kdf=FAST_KDF,
        clock=store.clock,
    ).store
    try:
        demo.generate(other, 60, seed=43)
        mine, theirs = _dump(store), _dump(other)
        assert [s.family_name for s in mine[0]] != [s.family_name for s in theirs[0]]
        assert mine[1] != theirs[1]
    finally:
        other.close()


def test_filling_an_existing_database_continues_file_numbers(store: Store) -> None:
    store.users.add(m.UserDraft("fk.timm", "Jana Timm", "caseworker"))
    manual = store.cases.create(
        m.CaseDraft(
            file_number="51.2-2025-000040",
            family=m.FamilyDraft("Familie Jeß", "toitenwinkel", "Lotsenweg 3", "18147"),
            persons=(m.PersonDraft("Imke", "Jeß", date(2014, 5, 2), "female"),),
            lead_worker="fk.timm",
            opened_on=date(2025, 3, 1),
        )
    )
    first = demo.generate(store, 150, seed=1)
    budgets = set(store.catalog.budgets())
    second = demo.generate(store, 150, seed=1)

    assert first.users == len(demo.DEMO_USERS) and second.users == 0
    # budgets that exist are kept; only years the first run did not cover are added
    assert budgets <= set(store.catalog.budgets())
    assert len(store.catalog.budgets()) == first.budgets + second.budgets
    numbers = [s.file_number for s in store.cases.list()]
    assert len(numbers) == len(set(numbers)) == 301
    per_year: dict[str, list[int]] = {}
    for fn in numbers:
        office, year, seq = fn.split("-")
        assert office == "51.2"
        per_year.setdefault(year, []).append(int(seq))
    for year, seqs in per_year.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)) or year == "2025", year
    assert max(per_year["2025"]) > 40
    assert 40 in per_year["2025"]
    # the second run continues behind the first, with other families
    assert second.first_file_number not in {first.first_file_number, first.last_file_number}
    untouched = store.cases.get(manual.id)
    assert untouched.family.display_name == "Familie Jeß"
    assert untouched.summary.file_number == "51.2-2025-000040"
    assert store.maintenance.check().ok


def test_search_finds_generated_families(store: Store) -> None:
    demo.generate(store, 80, seed=5)
    summaries = store.cases.list()
    for summary in summaries[:8]:
        surname = summary.family_name.removeprefix("Familie ")
        found = store.cases.list(CaseFilter(search=surname))
        assert summary.id in {c.id for c in found}, surname
    # the bulk index holds exactly what the product's own indexing would write
    for summary in summaries[:10]:
        detail = store.cases.get(summary.id)
        persons = " ".join(p.full_name for p in detail.family.persons)
        surnames = " ".join(p.last_name for p in detail.family.persons)
        expected = search_index.index_row(detail.family.display_name, persons, surnames)
        stored = _rows(
            store,
            "SELECT file_number, names, phonetic FROM case_search WHERE rowid = :id",
            id=summary.id,
        )
        assert stored == [(summary.file_number, *expected)]


def test_dates_and_workflow_are_sane(store: Store) -> None:
    today = store.clock.today()
    demo.generate(store, 400, seed=9)
    iso = today.isoformat()
    empty_checks = {
        "birth in the future": "SELECT id FROM person WHERE birth_date > :t",
        "opened in the future": "SELECT id FROM case_file WHERE opened_on > :t",
        "closed before opened": "SELECT id FROM case_file WHERE closed_on < opened_on",
        "closed in the future": "SELECT id FROM case_file WHERE closed_on > :t",
        "help ends before start": "SELECT id FROM help WHERE end_on < start_on",
        "help starts in the future": "SELECT id FROM help WHERE start_on > :t",
        "help before case": "SELECT h.id FROM help h JOIN case_file c ON c.id = h.case_id "
        "WHERE h.start_on < c.opened_on OR h.end_on > coalesce(c.closed_on, :t)",
        "conference in the future": "SELECT id FROM conference WHERE held_on > :t",
        "conference outside case": "SELECT k.id FROM conference k JOIN case_file c ON c.id = k.case_id "
        "WHERE k.held_on < c.opened_on OR k.held_on > coalesce(c.closed_on, :t)",
        "review in the future": "SELECT id FROM goal_review WHERE reviewed_on > :t",
        "review before its goal": "SELECT r.id FROM goal_review r JOIN goal g ON g.id = r.goal_id "
        "JOIN conference k ON k.id = g.conference_id WHERE r.reviewed_on <= k.held_on",
        "review at another case": "SELECT r.id FROM goal_review r JOIN goal g ON g.id = r.goal_id "
        "JOIN conference k ON k.id = r.conference_id WHERE k.case_id <> g.case_id",
        "score out of range": "SELECT id FROM goal_review WHERE score NOT BETWEEN -2 AND 2",
        "note in the future": "SELECT id FROM case_note WHERE occurred_on > :t",
        "consent in the future": "SELECT id FROM consent WHERE given_on > :t",
        "consent expires before given": "SELECT id FROM consent WHERE expires_on < given_on",
        "consent revoked before given": "SELECT id FROM consent WHERE revoked_on < given_on",
        "consent of a stranger": "SELECT k.id FROM consent k JOIN case_file c ON c.id = k.case_id "
        "JOIN person p ON p.id = k.person_id WHERE p.family_id <> c.family_id",
        "closed without reason": "SELECT id FROM case_file WHERE (status = :closed) <> "
        "(closed_on IS NOT NULL AND end_reason IS NOT NULL)",
        "8a outcome without flag": "SELECT id FROM case_file WHERE child_protection <> (outcome_8a IS NOT NULL)",
        "case without persons": "SELECT c.id FROM case_file c WHERE NOT EXISTS "
        "(SELECT 1 FROM person p WHERE p.family_id = c.family_id)",
        "goal without level texts": "SELECT id FROM goal WHERE level_minus2 = '' OR level_plus2 = '' "
        "OR indicator NOT LIKE 'Woran merken wir%'",
    }
    for what, sql in empty_checks.items():
        assert _rows(store, sql, t=iso, closed=closed_status()) == [], what

    statuses = catalogue("case_statuses")
    history: dict[int, list[tuple]] = {}
    for row in _rows(
        store,
        "SELECT case_id, changed_on, from_status, to_status, reason FROM status_change ORDER BY id",
    ):
        history.setdefault(row[0], []).append(row[1:])
    cases = _rows(store, "SELECT id, opened_on, closed_on, status, end_reason FROM case_file")
    for case_id, opened, closed, status, end_reason in cases:
        changes = history[case_id]
        assert changes[0][:3] == (opened, None, initial_status())
        assert changes[-1][2] == status
        assert [c[0] for c in changes] == sorted(c[0] for c in changes)
        assert changes[-1][0] <= (closed or iso)
        for (_, _, previous, _), (_, src, dst, reason) in pairwise(changes):
            assert src == previous
            if dst == closed_status():
                assert reason in catalogue("end_reasons")
            elif src == closed_status():
                assert reason in catalogue("reopen_reasons")
            else:
                assert dst in statuses.by_code(src).get("next"), (src, dst)
        if closed:
            assert changes[-1][3] == end_reason

    for birth, role in _rows(store, "SELECT birth_date, role FROM person"):
        age = age_in_years(date.fromisoformat(birth), today)
        if role in ("child", "adolescent", "young_adult"):
            assert 0 <= age <= 20
        else:
            assert age >= 18


def test_catalogue_codes_and_enums_are_respected(store: Store) -> None:
    demo.generate(store, 200, seed=21)
    checks = {
        "SELECT DISTINCT help_type FROM help": set(catalogue("help_types").codes()),
        "SELECT DISTINCT status FROM case_file": set(catalogue("case_statuses").codes()),
        "SELECT DISTINCT end_reason FROM help WHERE end_reason IS NOT NULL": set(
            catalogue("end_reasons").codes()
        ),
        "SELECT DISTINCT outcome_8a FROM case_file WHERE outcome_8a IS NOT NULL": set(
            catalogue("outcomes_8a").codes()
        ),
        "SELECT DISTINCT kind FROM conference": set(catalogue("conference_kinds").codes()),
        "SELECT DISTINCT discipline FROM participant": set(catalogue("disciplines").codes()),
        "SELECT DISTINCT kind FROM case_note": {k.value for k in NoteKind},
        "SELECT DISTINCT kind FROM resource": {k.value for k in ResourceKind},
    }
    for sql, allowed in checks.items():
        found = {r[0] for r in _rows(store, sql)}
        assert found and found <= allowed, (sql, found - allowed)
    for (areas,) in _rows(store, "SELECT focus_areas FROM case_file"):
        assert areas and set(areas.split(",")) <= set(catalogue("focus_areas").codes())
    for (codes,) in _rows(store, "SELECT disciplines FROM consent"):
        assert set(codes.split(",")) <= set(catalogue("disciplines").codes())
    # the family's step comes first
    first_steps = _rows(
        store,
        "SELECT s.who FROM action_step s WHERE s.id = (SELECT min(id) FROM action_step t "
        "WHERE t.goal_id = s.goal_id)",
    )
    professions = {"Schulsozialarbeit", "Familienhilfe", "Jugendarbeit", "ASD", "Kita"}
    assert first_steps and not {w for (w,) in first_steps} & professions


def test_only_admins_generate(store: Store) -> None:
    worker = Store(store.path, store.engine, actor="fk", role="caseworker", clock=store.clock)
    with pytest.raises(PermissionDenied):
        demo.generate(worker, 5)
    assert store.maintenance.info().counts["Fälle"] == 0


def test_two_thousand_cases_rate_and_realistic_mix(store: Store) -> None:
    start = time.perf_counter()
    report = demo.generate(store, 2_000, seed=1)
    seconds = time.perf_counter() - start
    print(
        f"\ndemo: {report.cases} Fälle in {seconds:.2f} s = {report.cases / seconds:,.0f} Fälle/s"
    )
    print(report)

    per_case = {k: v / report.cases for k, v in vars(report).items() if isinstance(v, int)}
    assert 2.6 <= per_case["conferences"] <= 3.4
    assert 3.0 <= per_case["goals"] <= 4.0
    assert 8.5 <= per_case["goals"] + per_case["reviews"] <= 11.5
    assert 1.0 <= per_case["helps"] <= 2.0

    statuses = Counter(s for (s,) in _rows(store, "SELECT status FROM case_file"))
    assert 0.30 <= statuses[closed_status()] / report.cases <= 0.40
    protection = _rows(store, "SELECT count(*) FROM case_file WHERE child_protection")[0][0]
    assert 0.07 <= protection / report.cases <= 0.13

    spaces = Counter(
        code
        for (code,) in _rows(
            store, "SELECT s.code FROM case_file c JOIN social_space s ON s.id = c.social_space_id"
        )
    )
    top_two = {code for code, _ in spaces.most_common(2)}
    assert top_two == {"toitenwinkel", "gross_klein"}

    sexes = Counter(s for (s,) in _rows(store, "SELECT sex FROM person"))
    assert sexes["diverse"] > 0 and sexes["unspecified"] > 0
    names = " ".join(
        n for (n,) in _rows(store, "SELECT first_name || ' ' || last_name FROM person")
    )
    for letter in ("ä", "ö", "ü", "ß", "Ş", "ı", "Ł", "ś"):
        assert letter in names, letter
    assert any("\u0400" <= ch <= "\u04ff" for ch in names)  # Cyrillic
    assert any("\u0600" <= ch <= "\u06ff" for ch in names)  # Arabic

    cost_34 = _rows(store, "SELECT avg(monthly_cost_cents) FROM help WHERE help_type = '34'")[0][0]
    cost_31 = _rows(store, "SELECT avg(monthly_cost_cents) FROM help WHERE help_type = '31'")[0][0]
    assert 500_000 <= cost_34 <= 700_000
    assert 150_000 <= cost_31 <= 300_000
    entrusted = _rows(store, "SELECT avg(entrusted) FROM case_note")[0][0]
    assert 0.02 <= entrusted <= 0.08


def test_generated_families_sort_in_german_order(store) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from sro_case.demo import generate

    generate(store, 60, seed=3)
    with store.read() as s:
        empty = s.execute(text("SELECT count(*) FROM family WHERE sort_name = ''")).scalar_one()
    assert empty == 0
    from sro_case.domain.sorting import sort_name

    keys = [sort_name(c.family_name) for c in store.cases.list(sort="family")]
    assert keys == sorted(keys) and len(set(keys)) > 10
