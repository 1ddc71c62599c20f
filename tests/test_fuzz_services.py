"""Hypothesis fuzzing of every service entry point that takes text, with hostile strings
(10,000 characters, NUL and other control characters, SQL and FTS fragments, right-to-left and
zero-width marks, decomposed umlauts, emoji): each call either raises a clear German
SroCaseError and leaves every table as it was, or saves, and the text reads back exactly as
the validation promises (NFC, stripped, line breaks as LF)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.domain.models import CaseFilter
from sro_case.errors import SroCaseError, ValidationError
from sro_case.store import Store, create_database
from tests.conftest import FAST_KDF, PASSPHRASE

CURATED = [
    "",
    " ",
    "\x00",
    "Jördis\x00",
    "\x07\x08\x1b[31mrot",
    "a\r\nb",
    "a\rb\tc",
    "\x85",
    "\u202eetlaw\u202c",
    "\u200f مريم \u200e",
    "\u200b\u200d\ufeff",
    "\u2028\u2029",
    "'; DROP TABLE case_file; --",
    '" OR 1=1 --',
    "Robert'); DELETE FROM person;--",
    "x' UNION SELECT * FROM audit_event --",
    "NULL",
    "%_*\\",
    'phonetic : "1" OR names : *',
    "NEAR(a b) AND NOT c^",
    "<b>fett</b> &amp; <script>",
    "Ma\u0308dchen Jo\u0308rdis",  # decomposed: NFC gives Mädchen Jördis
    "🌼" * 3 + "👨‍👩‍👧",
    "Ａｂｃ ﬁ ẞ ǅ",
    "  Leerzeichen rundherum  ",
    "x" * 201,
    "ä" * 501,
    "x" * 10_000,
    "é" * 10_000,
    "\n" * 50 + "Text",
    "A" * 9_999 + "\x00",
]
TEXT = st.characters(blacklist_categories=("Cs",))  # surrogates: see test_lone_surrogates_…
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))
SAFE_CURATED = [
    s
    for s in CURATED
    if 0 < len(unicodedata.normalize("NFC", s).strip()) <= 200
    and not any(unicodedata.category(c) == "Cc" for c in s.strip())
]
HOSTILE = st.one_of(
    st.sampled_from(CURATED),
    st.text(TEXT, max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(CURATED), st.text(TEXT, max_size=8)),
    st.builds(
        lambda ch, n: ch * n,
        st.sampled_from(["x", "ß", "\u202e", "'", "\x00", "🌼", "a\n"]),
        st.sampled_from([199, 200, 201, 500, 501, 2000, 10_000]),
    ),
)
# Hostile, but of a kind the rules accept in most fields: so that saves happen and read back.
SAFE = st.one_of(
    st.sampled_from(SAFE_CURATED),
    st.text(PRINTABLE, min_size=1, max_size=30).filter(lambda v: v.strip()),
    st.builds(
        lambda ch, n: ch * n,
        st.sampled_from(["x", "ß", "\u202e", "'", "🌼"]),
        st.sampled_from([1, 150, 200]),
    ),
)


@st.composite
def texts(draw: st.DrawFn, *names: str) -> dict[str, str]:
    """A value for each named field, all from SAFE; in half the cases one field gets any
    hostile string, so that each failure has one clear cause."""
    values = {name: draw(SAFE) for name in names}
    if draw(st.booleans()):
        values[draw(st.sampled_from(names))] = draw(HOSTILE)
    return values


def mostly(valid: st.SearchStrategy[Any], other: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Three times in four from ``valid`` (``one_of`` alone does not weigh its branches)."""
    return st.sampled_from(range(4)).flatmap(lambda i: valid if i else other)


def valid_or(value: str) -> st.SearchStrategy[str]:
    """A catalogue code: mostly the valid one, sometimes hostile."""
    return mostly(st.just(value), HOSTILE)


FUZZ = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TABLES = (
    "app_user",
    "family",
    "person",
    "case_file",
    "status_change",
    "consent",
    "case_note",
    "help",
    "conference",
    "participant",
    "goal",
    "goal_review",
    "action_step",
    "resource",
    "budget",
    "audit_event",
    "meta",
    "case_search",
)


def clean(value: str, *, multiline: bool = False) -> str:
    """What the validation promises to store for accepted text."""
    value = unicodedata.normalize("NFC", value).strip()
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


class World:
    """One database for all examples; a base case to attach things to."""

    def __init__(self, store: Store) -> None:
        self.store = store
        s = store.cases.create(
            m.CaseDraft(
                "F-BASIS",
                m.FamilyDraft("Familie Basis", "toitenwinkel"),
                (m.PersonDraft("Lena", "Basis", date(2015, 3, 1), "female", "child"),),
                lead_worker="admin",
                opened_on=date(2026, 1, 5),
            )
        )
        self.case = s.id
        self.person = store.cases.get(s.id).family.persons[0].id
        self.help = store.cases.add_help(s.id, m.HelpDraft("31", date(2026, 2, 1))).id
        goal = store.conferences.add_goal(s.id, m.GoalDraft("Basisziel"))
        self.goal = goal.id
        self.n = 0

    def counts(self) -> dict[str, int]:
        with self.store.read() as s:
            return {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}

    def attempt(self, call: Callable[[], Any]) -> tuple[bool, Any]:
        """Run a service call: a clear error and no change, or a result."""
        before = self.counts()
        try:
            result = call()
        except SroCaseError as exc:
            event(f"{type(exc).__name__}")
            if isinstance(exc, ValidationError):
                for field, msg in exc.problems:
                    event(f"  {field.split(':')[-1].strip()}: {msg[:30]}")
            assert str(exc).strip(), "an error a user can read"
            if isinstance(exc, ValidationError):
                assert exc.problems
            assert self.counts() == before, "nothing half-written"
            return False, exc
        event("saved")
        return True, result

    def unique(self) -> str:
        self.n += 1
        return f"F-{self.n:05d}"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.db"
    created = create_database(
        path, PASSPHRASE, kdf=FAST_KDF, clock=FixedClock(datetime(2026, 11, 25, 10, 0))
    )
    with created.store as store:
        yield World(store)


@FUZZ
@given(
    t=texts("family", "street", "postal", "first", "last", "reason"),
    fn=mostly(st.none(), st.one_of(SAFE, HOSTILE)),
    space=valid_or("gross_klein"),
    sex=valid_or("female"),
    role=valid_or("child"),
    worker=mostly(st.sampled_from([None, "admin"]), HOSTILE),
    area=st.one_of(st.none(), valid_or("schule")),
)
def test_create_case(
    world: World,
    t: dict[str, str],
    fn: str | None,
    space: str,
    sex: str,
    role: str,
    worker: str | None,
    area: str | None,
) -> None:
    draft = m.CaseDraft(
        fn if fn is not None else world.unique(),
        m.FamilyDraft(t["family"], space, t["street"], t["postal"][:10]),
        (m.PersonDraft(t["first"], t["last"], date(2016, 4, 1), sex, role),),
        lead_worker=worker,
        opened_on=date(2026, 2, 1),
        reason_for_contact=t["reason"],
        focus_areas=(area,) if area is not None else (),
    )
    ok, summary = world.attempt(lambda: world.store.cases.create(draft))
    if ok:
        detail = world.store.cases.get(summary.id)
        assert detail.summary.file_number == clean(draft.file_number)
        assert detail.family.display_name == clean(t["family"])
        assert (detail.family.street, detail.family.postal_code) == (
            clean(t["street"]),
            clean(t["postal"][:10]),
        )
        person = detail.family.persons[0]
        assert (person.first_name, person.last_name) == (clean(t["first"]), clean(t["last"]))
        assert detail.reason_for_contact == clean(t["reason"], multiline=True)
        assert world.store.cases.id_for(detail.summary.file_number) == summary.id


@FUZZ
@given(
    search=st.one_of(SAFE, HOSTILE),
    space=st.one_of(st.none(), HOSTILE),
    status=st.one_of(st.none(), HOSTILE),
    worker=st.one_of(st.none(), HOSTILE),
    first=st.one_of(SAFE, HOSTILE),
)
def test_queries(
    world: World, search: str, space: str | None, status: str | None, worker: str | None, first: str
) -> None:
    f = CaseFilter(search=search, social_space=space, status=status, worker=worker)
    before = world.counts()
    assert isinstance(world.store.cases.list(f, limit=5), list)
    assert world.store.cases.count(f) >= 0
    assert isinstance(world.store.cases.find_duplicates(search, first, date(2015, 3, 1)), list)
    for sort in ("family", "worker", "social_space"):
        world.store.cases.list(CaseFilter(search=search), limit=3, sort=sort)
    world.attempt(lambda: world.store.cases.id_for(search))
    assert world.counts() == before  # queries write nothing


@FUZZ
@given(
    t=texts("reason"),
    area=valid_or("schule"),
    outcome=mostly(st.none(), HOSTILE),
    worker=mostly(st.sampled_from([None, "admin"]), HOSTILE),
    status=HOSTILE,
    end=HOSTILE,
    reopen=HOSTILE,
)
def test_case_edits_and_workflow(
    world: World,
    t: dict[str, str],
    area: str,
    outcome: str | None,
    worker: str | None,
    status: str,
    end: str,
    reopen: str,
) -> None:
    cases = world.store.cases
    edit = m.CaseEdit(
        reason_for_contact=t["reason"], focus_areas=(area,), outcome_8a=outcome, lead_worker=worker
    )
    ok, _ = world.attempt(lambda: cases.update(world.case, edit))
    if ok:
        detail = cases.get(world.case)
        assert detail.reason_for_contact == clean(t["reason"], multiline=True)
        assert detail.focus_areas == (area,)
    world.attempt(lambda: cases.change_status(world.case, status))
    ok, _ = world.attempt(lambda: cases.close(world.case, end))
    if ok:  # only if hypothesis guessed a real end reason
        world.attempt(lambda: cases.reopen(world.case, "neuer_bedarf"))
    world.attempt(lambda: cases.reopen(world.case, reopen))


@FUZZ
@given(
    t=texts("first", "last", "scope"),
    sex=valid_or("male"),
    role=valid_or("parent"),
    discipline=valid_or("schule"),
)
def test_persons_and_consents(
    world: World, t: dict[str, str], sex: str, role: str, discipline: str
) -> None:
    cases = world.store.cases
    ok, person = world.attempt(
        lambda: cases.add_person(world.case, m.PersonDraft(t["first"], t["last"], None, sex, role))
    )
    if ok:
        saved = next(p for p in cases.get(world.case).family.persons if p.id == person.id)
        assert (saved.first_name, saved.last_name) == (clean(t["first"]), clean(t["last"]))
    draft = m.ConsentDraft(world.person, (discipline,), date(2026, 3, 1), data_scope=t["scope"])
    ok, consent = world.attempt(lambda: cases.add_consent(world.case, draft))
    if ok:
        saved_c = next(c for c in cases.get(world.case).consents if c.id == consent.id)
        assert saved_c.data_scope == clean(t["scope"], multiline=True)
        assert saved_c.disciplines == (discipline,)


@FUZZ
@given(
    t=texts("body", "who", "provider", "description"),
    kind=valid_or("home_visit"),
    entrusted=st.booleans(),
    help_type=valid_or("13a"),
    end_reason=valid_or("plan"),
    res_kind=valid_or("family"),
)
def test_notes_helps_resources(
    world: World,
    t: dict[str, str],
    kind: str,
    entrusted: bool,
    help_type: str,
    end_reason: str,
    res_kind: str,
) -> None:
    cases = world.store.cases
    draft = m.NoteDraft(
        date(2026, 3, 2), kind, t["body"], participants=t["who"], entrusted=entrusted
    )
    ok, note = world.attempt(lambda: cases.add_note(world.case, draft))
    if ok:
        saved = next(n for n in cases.get(world.case).notes if n.id == note.id)
        assert saved.text == clean(t["body"], multiline=True)
        assert saved.participants == clean(t["who"]) and saved.entrusted is entrusted
    ok, help_ = world.attempt(
        lambda: cases.add_help(
            world.case, m.HelpDraft(help_type, date(2026, 3, 1), provider=t["provider"])
        )
    )
    if ok:
        saved_h = next(h for h in cases.get(world.case).helps if h.id == help_.id)
        assert saved_h.provider == clean(t["provider"])
        world.attempt(lambda: cases.end_help(help_.id, date(2026, 4, 1), end_reason))
    ok, res = world.attempt(
        lambda: cases.add_resource(world.case, m.ResourceDraft(res_kind, t["description"]))
    )
    if ok:
        saved_r = next(r for r in cases.get(world.case).resources if r.id == res.id)
        assert saved_r.description == clean(t["description"], multiline=True)


def _goal(t: dict[str, str], steps: int) -> m.GoalDraft:
    return m.GoalDraft(
        t["goal"],
        indicator=t["indicator"],
        owner=t["owner"],
        levels=(t["l1"], t["l2"], t["l3"], t["l4"], t["l5"]),
        steps=tuple(m.StepDraft(t["who"], t["what"]) for _ in range(steps)),
    )


GOAL_FIELDS = ("goal", "indicator", "owner", "l1", "l2", "l3", "l4", "l5", "who", "what")


def _same_goal(saved: m.Goal, draft: m.GoalDraft) -> None:
    assert saved.text == clean(draft.text, multiline=True)
    assert saved.indicator == clean(draft.indicator, multiline=True)
    assert saved.owner == clean(draft.owner)
    assert saved.levels == tuple(clean(lv, multiline=True) for lv in draft.levels)
    assert [(s.who, s.what) for s in saved.steps] == [
        (clean(s.who), clean(s.what, multiline=True)) for s in draft.steps
    ]


@FUZZ
@given(
    t=texts(
        "facilitator", "name", "org", "a1", "a2", "will", "spoken", "res", "decisions", *GOAL_FIELDS
    ),
    kind=valid_or("fallkonferenz"),
    discipline=valid_or("schule"),
    steps=st.integers(0, 2),
)
def test_conference_record(
    world: World, t: dict[str, str], kind: str, discipline: str, steps: int
) -> None:
    goal = _goal(t, steps)
    draft = m.ConferenceDraft(
        date(2026, 3, 10),
        kind,
        facilitator=t["facilitator"],
        participants=(m.ParticipantDraft(t["name"], discipline, t["org"]),),
        agenda=(t["a1"], t["a2"]),
        family_will=t["will"],
        will_spoken_by=t["spoken"],
        resources=(m.ResourceDraft("personal", t["res"]),),
        goals=(goal,),
        decisions=t["decisions"],
    )
    ok, conf = world.attempt(lambda: world.store.conferences.record(world.case, draft))
    if ok:
        detail = world.store.cases.get(world.case)
        saved = next(c for c in detail.conferences if c.id == conf.id)
        assert saved.facilitator == clean(t["facilitator"])
        assert [(p.name, p.organisation, p.discipline) for p in saved.participants] == [
            (clean(t["name"]), clean(t["org"]), discipline)
        ]
        assert saved.agenda == tuple(clean(a) for a in (t["a1"], t["a2"]) if clean(a))
        assert saved.family_will == clean(t["will"], multiline=True)
        assert saved.will_spoken_by == clean(t["spoken"])
        assert saved.decisions == clean(t["decisions"], multiline=True)
        _same_goal(next(g for g in detail.goals if g.conference_id == conf.id), goal)
        assert clean(t["res"], multiline=True) in {r.description for r in detail.resources}


@FUZZ
@given(
    t=texts("comment", *GOAL_FIELDS),
    steps=st.integers(0, 2),
    score=st.integers(-3, 3),
    status=valid_or("achieved"),
)
def test_goals_and_reviews(
    world: World, t: dict[str, str], steps: int, score: int, status: str
) -> None:
    conferences = world.store.conferences
    goal = _goal(t, steps)
    ok, saved = world.attempt(lambda: conferences.add_goal(world.case, goal))
    if ok:
        _same_goal(
            next(g for g in world.store.cases.get(world.case).goals if g.id == saved.id), goal
        )
    review = m.ReviewDraft(world.goal, date(2026, 5, 1), score, t["comment"])
    ok, done = world.attempt(lambda: conferences.review_goal(review))
    if ok:
        assert done.comment == clean(t["comment"], multiline=True) and -2 <= score <= 2
        reviews = next(
            g for g in world.store.cases.get(world.case).goals if g.id == world.goal
        ).reviews
        assert any(r.id == done.id and r.comment == done.comment for r in reviews)
    world.attempt(lambda: conferences.set_goal_status(world.goal, status))


LOGIN = st.text(st.sampled_from("abcxyzäöüß019._-"), min_size=1, max_size=20)


@FUZZ
@given(t=texts("name"), login=mostly(LOGIN, HOSTILE), role=valid_or("caseworker"))
def test_users(world: World, t: dict[str, str], login: str, role: str) -> None:
    ok, user = world.attempt(lambda: world.store.users.add(m.UserDraft(login, t["name"], role)))
    if ok:
        saved = next(u for u in world.store.users.list() if u.id == user.id)
        assert (saved.login, saved.name, saved.role) == (clean(login), clean(t["name"]), role)


def test_lone_surrogates_are_refused_not_crashing(world: World) -> None:
    before = world.counts()
    with pytest.raises(ValidationError):
        world.store.cases.add_note(world.case, m.NoteDraft(date(2026, 3, 2), "phone", "\ud800x"))
    assert world.counts() == before
