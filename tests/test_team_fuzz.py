"""#17: the team server's OpenAPI document fuzzed with schemathesis – every operation with
generated requests, sent as a school social worker outside the case team, as Controlling, as
Admin and without a session. No answer may be a server error (5xx), and none may carry anything
of the case the person may not see (its family name, the household, the Verlauf)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from sqlalchemy import update

from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.server import accounts
from sro_case.server.api import create_app
from sro_case.server.database import server_engine, system_session
from sro_case.server.service import TeamService
from sro_case.server.setup import initialise
from sro_case.storage.orm import UserRecord

ADMIN = "Warnowufer Fähre 2026 Admin"
SECRETS = {
    "anna": "Anna arbeitet im ASD seit 2019",
    "sina": "Sina Schulsozialarbeit Evershagen",
    "carl": "Controlling zählt nur Summen 2026",
}
# what must never reach anyone but the ASD worker leading the case
REAL = {"file_number": "51.2-2026-000001", "login": "anna"}
CANARIES = ("Familie Kanarienvogel", "Pieper", "Nur für den ASD: Kanarienbericht")


@pytest.fixture
def fuzz_app(pg_url: str):  # type: ignore[no-untyped-def]
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    initialise(pg_url, "admin", ADMIN, clock=clock)
    engine = server_engine(pg_url, pool_size=2)
    admin = TeamService(engine, accounts.sign_in(engine, "admin", ADMIN, clock).account, clock)
    admin.add_user(
        m.UserDraft("anna", "Anna Asmus", "caseworker"), SECRETS["anna"], discipline="asd"
    )
    admin.add_user(
        m.UserDraft("sina", "Sina Schulz", "caseworker"),
        SECRETS["sina"],
        discipline="schulsozialarbeit",
    )
    admin.add_user(m.UserDraft("carl", "Carl Conrad", "controlling"), SECRETS["carl"])
    anna = TeamService(
        engine, accounts.sign_in(engine, "anna", SECRETS["anna"], clock).account, clock
    )
    anna.create_case(
        m.CaseDraft(
            "51.2-2026-000001",
            m.FamilyDraft(CANARIES[0], "evershagen"),
            (m.PersonDraft("Paul", CANARIES[1], date(2016, 1, 1), "male", "child"),),
        )
    )
    anna.add_note("51.2-2026-000001", m.NoteDraft(date(2026, 11, 20), "phone", CANARIES[2]))

    def sign_in_all() -> dict[str, str]:
        """Fresh sessions (the fuzzer also signs out, an admin deactivates accounts, and wrong
        old passphrases lock an account for a while, as they should)."""
        with system_session(engine) as s:
            s.execute(update(UserRecord).values(failed_logins=0, locked_until=None, active=True))
        tokens = {"admin": accounts.sign_in(engine, "admin", ADMIN, clock).token}
        for login in ("sina", "carl"):
            tokens[login] = accounts.sign_in(engine, login, SECRETS[login], clock).token
        return tokens

    app = create_app(engine, clock=clock)
    app.state.sign_in_all = sign_in_all
    yield app
    engine.dispose()


def test_no_server_error_and_nothing_across_need_to_know(fuzz_app) -> None:  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", fuzz_app)
    # the event stream is no request/response: it is tested live (test_team_live.py)
    operations = [
        op
        for op in (result.ok() for result in schema.get_all_operations())
        if not op.path.endswith("/events")
    ]
    # what ends sessions or accounts last, so that it cannot blunt the other operations
    operations.sort(key=lambda op: op.method.upper() == "DELETE")
    for operation in operations:
        people = [*fuzz_app.state.sign_in_all().items(), ("niemand", None)]
        _fuzz(operation, people)
    assert len(operations) >= 12  # every operation of the API was fuzzed


def _fuzz(operation, people) -> None:  # type: ignore[no-untyped-def]
    # a statistics export is slow on purpose (it is audited against every earlier one): a few
    statistics = "/statistics" in operation.path

    @given(case=operation.as_strategy())
    @settings(
        max_examples=3 if statistics else 15,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case) -> None:  # type: ignore[no-untyped-def]
        # the generated request, and the same pointed at the real case and a real login
        # (random file numbers would rarely name one)
        params = dict(case.path_parameters or {})
        params.update({k: v for k, v in REAL.items() if k in params})
        query = {k: v for k, v in (case.query or {}).items() if k != "search"}
        if statistics and case.query:  # text, so that the canaries can be looked for
            case.query["format"] = query["format"] = "csv"
        pointed = operation.Case(
            method=case.method,
            path_parameters=params,
            query=query,
            body=case.body,
            media_type=case.media_type,
        )
        for request in (case, pointed):
            for who, token in people:
                headers = {"Authorization": f"Bearer {token}"} if token else {}
                response = request.call(headers=headers)
                where = (who, request.method, request.formatted_path)
                assert response.status_code < 500, (*where, response.text)
                for canary in CANARIES:
                    assert canary not in response.text, where

    fuzz()
