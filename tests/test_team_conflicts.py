"""#17: no silent overwrites on the team server. Every change makes the case a new version; a
save that rests on an older one is refused (409), naming both versions and who saved; nothing
acknowledged is ever lost – tried with random interleavings of two to five clients and with
real threads saving at once."""

from __future__ import annotations

import itertools
import threading
from datetime import date, datetime

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.errors import Conflict
from sro_case.server import accounts
from sro_case.server.api import PREFIX, create_app
from sro_case.server.database import server_engine
from sro_case.server.service import TeamService
from sro_case.server.setup import initialise

ADMIN = "Warnowufer Fähre 2026 Admin"
WORKERS = ("anna", "bert", "cleo", "dora", "emil")
_numbers = itertools.count(1)


@pytest.fixture
def workers(pg_url: str):  # type: ignore[no-untyped-def]
    """Five ASD workers on one team server (the first leads the cases)."""
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    initialise(pg_url, "admin", ADMIN, clock=clock)
    engine = server_engine(pg_url, pool_size=6)
    admin = TeamService(engine, accounts.sign_in(engine, "admin", ADMIN, clock).account, clock)
    out = []
    for login in WORKERS:
        secret = f"{login.title()} im ASD Rostock seit 2020"
        admin.add_user(m.UserDraft(login, login.title(), "caseworker"), secret, discipline="asd")
        out.append(
            TeamService(engine, accounts.sign_in(engine, login, secret, clock).account, clock)
        )
    yield out, engine, clock
    engine.dispose()


def _case(workers: list[TeamService]) -> str:
    lead = workers[0]
    az = f"51.2-2026-{next(_numbers):06d}"
    lead.create_case(m.CaseDraft(az, m.FamilyDraft("Familie Brandt", "reutershagen")))
    for other in workers[1:]:
        lead.add_member(az, other.account.login)
    return az


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    clients=st.integers(2, 5),
    steps=st.lists(st.tuples(st.integers(0, 4), st.booleans()), min_size=1, max_size=14),
)
def test_random_interleavings_lose_no_acknowledged_change(workers, clients, steps) -> None:  # type: ignore[no-untyped-def]
    team, _engine, _clock = workers
    az = _case(team)
    known = {i: team[i].show_case(az).case.summary.version for i in range(clients)}
    acknowledged: list[str] = []
    for n, (who, write) in enumerate(steps):
        i = who % clients
        if not write:  # this client reloads the case
            known[i] = team[i].show_case(az).case.summary.version
            continue
        text = f"Eintrag {n} von Client {i}"
        try:
            team[i].add_note(
                az, m.NoteDraft(date(2026, 11, 20), "phone", text), expected_version=known[i]
            )
        except Conflict as refused:
            assert f"Version {known[i]}" in str(refused)
            continue
        acknowledged.append(text)
        known[i] = team[i].version(az)
    final = team[0].show_case(az).case
    assert sorted(n.text for n in final.notes) == sorted(acknowledged)
    # one version per acknowledged change, after the case team was set up
    assert final.summary.version == team[0].version(az)


def test_two_captures_of_one_conference_the_second_save_is_refused_not_merged(workers) -> None:  # type: ignore[no-untyped-def]
    team, _engine, _clock = workers
    az = _case(team)
    start = team[0].show_case(az).case.summary.version
    results: list[object] = []
    barrier = threading.Barrier(5)

    def capture(i: int) -> None:
        draft = m.ConferenceDraft(
            date(2026, 11, 25),
            "fallkonferenz",
            facilitator=team[i].account.name,
            decisions=f"Beschluss von {team[i].account.login}",
        )
        barrier.wait()
        try:
            results.append(team[i].record_conference(az, draft, (), expected_version=start))
        except Conflict as exc:
            results.append(exc)

    threads = [threading.Thread(target=capture, args=(i,)) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    saved = [r for r in results if isinstance(r, m.Conference)]
    refused = [r for r in results if isinstance(r, Conflict)]
    assert len(saved) == 1 and len(refused) == 4, results
    assert "Nichts wurde überschrieben" in str(refused[0])
    conferences = team[0].show_case(az).case.conferences
    assert [c.decisions for c in conferences] == [saved[0].decisions]


def test_the_api_answers_409_and_names_both_versions(workers) -> None:  # type: ignore[no-untyped-def]
    team, engine, clock = workers
    az = _case(team)
    client = TestClient(create_app(engine, clock=clock))
    heads = {}
    for login in ("anna", "bert"):
        r = client.post(
            f"{PREFIX}/session",
            json={"login": login, "passphrase": f"{login.title()} im ASD Rostock seit 2020"},
        )
        heads[login] = {"Authorization": f"Bearer {r.json()['token']}"}
    etag = client.get(f"{PREFIX}/cases/{az}", headers=heads["anna"]).headers["ETag"]
    body = {"conference": {"held_on": "2026-11-25", "kind": "fallkonferenz", "decisions": "A"}}
    path = f"{PREFIX}/cases/{az}/conferences"
    assert client.post(path, headers=heads["bert"], json=body).status_code == 428
    first = client.post(path, headers=heads["anna"] | {"If-Match": etag}, json=body)
    assert first.status_code == 201 and first.headers["ETag"] != etag
    second = client.post(path, headers=heads["bert"] | {"If-Match": etag}, json=body)
    assert second.status_code == 409
    detail = second.json()["detail"]
    assert f"Version {first.headers['ETag'].strip(chr(34))} von anna" in detail
    assert f"Version {etag.strip(chr(34))}" in detail
    client.close()
