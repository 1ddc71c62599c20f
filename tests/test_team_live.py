"""#17: live updates – a colleague's change reaches the clients showing the case within a
second (PostgreSQL NOTIFY → server-sent events), and only those who may see the case."""

from __future__ import annotations

import json
import queue
import threading
import time
from datetime import datetime

import httpx
import pytest

from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.server import accounts
from sro_case.server.api import PREFIX, create_app
from sro_case.server.database import server_engine
from sro_case.server.service import TeamService
from sro_case.server.setup import initialise
from tests.postgres import serving

ADMIN = "Warnowufer Fähre 2026 Admin"
SECRETS = {
    "anna": ("asd", "Anna arbeitet im ASD seit 2019"),
    "sina": ("schulsozialarbeit", "Sina Schulsozialarbeit Evershagen"),
    "kurt": ("kita", "Kurt Kita Sonnenschein Lütten Klein"),
}


@pytest.fixture
def live(pg_url: str):  # type: ignore[no-untyped-def]
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    initialise(pg_url, "admin", ADMIN, clock=clock)
    engine = server_engine(pg_url, pool_size=4)
    admin = TeamService(engine, accounts.sign_in(engine, "admin", ADMIN, clock).account, clock)
    for login, (discipline, secret) in SECRETS.items():
        admin.add_user(
            m.UserDraft(login, login.title(), "caseworker"), secret, discipline=discipline
        )
    with serving(create_app(engine, clock=clock)) as url:
        yield f"{url}{PREFIX}"
    engine.dispose()


def _token(base: str, login: str) -> dict[str, str]:
    r = httpx.post(f"{base}/session", json={"login": login, "passphrase": SECRETS[login][1]})
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _listen(base: str, headers: dict[str, str], events: queue.Queue, stop: threading.Event) -> None:  # type: ignore[type-arg]
    try:
        with (
            httpx.Client(timeout=httpx.Timeout(30, read=60)) as client,
            client.stream("GET", f"{base}/events", headers=headers) as response,
        ):
            kind = ""
            for line in response.iter_lines():
                if stop.is_set():
                    return
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: ") and kind == "case":
                    events.put((time.monotonic(), json.loads(line[6:])))
    except httpx.HTTPError:  # the server stops at the end of the test
        return


def test_a_change_reaches_the_team_within_a_second_and_no_one_else(live: str) -> None:
    anna, sina, kurt = (_token(live, who) for who in ("anna", "sina", "kurt"))
    made = httpx.post(
        f"{live}/cases",
        headers=anna,
        json={
            "file_number": "51.2-2026-000009",
            "family": {"display_name": "Familie Roth", "social_space": "evershagen"},
        },
    )
    assert made.status_code == 201, made.text
    az = "51.2-2026-000009"
    assert (
        httpx.post(f"{live}/cases/{az}/team", headers=anna, json={"login": "sina"}).status_code
        == 201
    )
    stop = threading.Event()
    seen_by: dict[str, queue.Queue] = {"sina": queue.Queue(), "kurt": queue.Queue()}  # type: ignore[type-arg]
    for who, headers in (("sina", sina), ("kurt", kurt)):
        threading.Thread(
            target=_listen, args=(live, headers, seen_by[who], stop), daemon=True
        ).start()
    time.sleep(0.5)  # both streams open
    before = time.monotonic()
    note = {"occurred_on": "2026-11-24", "kind": "phone", "text": "Rückruf der Mutter."}
    written = httpx.post(f"{live}/cases/{az}/notes", headers=anna, json=note)
    assert written.status_code == 201
    at, event = seen_by["sina"].get(timeout=5)
    assert event["file_number"] == az and event["version"] == int(
        written.headers["ETag"].strip('"')
    )
    assert at - before < 1.0
    time.sleep(0.5)
    assert seen_by["kurt"].empty()  # not in the team: told nothing, not even that it changed
    stop.set()
