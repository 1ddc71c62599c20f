"""#17: the team server's HTTP API, requested as each role would (real PostgreSQL, the real
ASGI application through httpx)."""

from __future__ import annotations

from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from sro_case.clock import FixedClock
from sro_case.server.api import PREFIX, create_app
from sro_case.server.database import server_engine
from sro_case.server.setup import initialise

ADMIN = "Warnowufer Fähre 2026 Admin"
USERS = {
    "anna": ("Anna Asmus", "caseworker", "asd", "Anna arbeitet im ASD seit 2019"),
    "sina": ("Sina Schulz", "caseworker", "schulsozialarbeit", "Sina Schulsozialarbeit Evershagen"),
    "carl": ("Carl Conrad", "controlling", "", "Controlling zählt nur Summen 2026"),
}
CASE = {
    "file_number": "51.2-2026-000042",
    "family": {"display_name": "Familie Nasser", "social_space": "evershagen"},
    "persons": [
        {
            "first_name": "Lina",
            "last_name": "Nasser",
            "birth_date": "2014-03-02",
            "sex": "female",
            "role": "child",
        }
    ],
    "reason_for_contact": "Schulvermeidung",
}


@pytest.fixture
def api(pg_url: str):  # type: ignore[no-untyped-def]
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    initialise(pg_url, "admin", ADMIN, clock=clock)
    engine = server_engine(pg_url, pool_size=2)
    client = TestClient(create_app(engine, clock=clock, name="test"))
    yield client
    client.close()
    engine.dispose()


def _sign_in(api: TestClient, login: str, passphrase: str) -> dict[str, str]:
    r = api.post(f"{PREFIX}/session", json={"login": login, "passphrase": passphrase})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


@pytest.fixture
def heads(api: TestClient) -> dict[str, dict[str, str]]:
    admin = _sign_in(api, "admin", ADMIN)
    out = {"admin": admin}
    for login, (name, role, discipline, secret) in USERS.items():
        r = api.post(
            f"{PREFIX}/users",
            headers=admin,
            json={
                "login": login,
                "name": name,
                "role": role,
                "passphrase": secret,
                "discipline": discipline,
            },
        )
        assert r.status_code == 201, r.text
        out[login] = _sign_in(api, login, secret)
    return out


def _case_with_sina(api: TestClient, heads: dict[str, dict[str, str]]) -> str:
    """Anna's case, with Sina (school social work, no consent) in its team."""
    assert api.post(f"{PREFIX}/cases", headers=heads["anna"], json=CASE).status_code == 201
    az = str(CASE["file_number"])
    added = api.post(f"{PREFIX}/cases/{az}/team", headers=heads["anna"], json={"login": "sina"})
    assert added.status_code == 201
    return az


def test_every_endpoint_but_sign_in_needs_a_session(api: TestClient) -> None:
    for method, path in (
        ("get", "/info"),
        ("get", "/cases"),
        ("get", "/cases/51.2-2026-000042"),
        ("get", "/cases/51.2-2026-000042/notes"),
        ("get", "/cases/51.2-2026-000042/team"),
        ("delete", "/users/anna"),
    ):
        r = getattr(api, method)(PREFIX + path)
        assert r.status_code == 401, (path, r.text)
        r = getattr(api, method)(PREFIX + path, headers={"Authorization": "Bearer erfunden"})
        assert r.status_code == 401, (path, r.text)
        assert "abgelaufen" in r.json()["detail"]
    assert api.get(f"{PREFIX}/openapi.json").json()["info"]["title"].startswith("SRO")


def test_need_to_know_as_each_role(api: TestClient, heads) -> None:  # type: ignore[no-untyped-def]
    r = api.post(f"{PREFIX}/cases", headers=heads["anna"], json=CASE)
    assert r.status_code == 201, r.text
    az = r.json()["file_number"]
    note = {
        "occurred_on": "2026-11-20",
        "kind": "counselling",
        "text": "Vertraulich.",
        "entrusted": True,
    }
    assert (
        api.post(f"{PREFIX}/cases/{az}/notes", headers=heads["anna"], json=note).status_code == 201
    )
    # the school social worker: no case until added, then only the release
    assert api.get(f"{PREFIX}/cases", headers=heads["sina"]).json() == []
    assert api.get(f"{PREFIX}/cases/{az}", headers=heads["sina"]).status_code == 403
    added = api.post(f"{PREFIX}/cases/{az}/team", headers=heads["anna"], json={"login": "sina"})
    assert added.status_code == 201, added.text
    shown = api.get(f"{PREFIX}/cases/{az}", headers=heads["sina"]).json()
    assert shown["release"]["cleared"] is False and "Verlauf" in shown["release"]["withheld"]
    assert shown["case"]["notes"] == [] and shown["case"]["family"]["persons"] == []
    # she may not change the team, nor write into the case she only sees
    r = api.post(f"{PREFIX}/cases/{az}/team", headers=heads["sina"], json={"login": "carl"})
    assert r.status_code == 403
    # Controlling and Admin: 403 for every case endpoint
    for who in ("carl", "admin"):
        for method, path, body in (
            ("get", "/cases", None),
            ("get", f"/cases/{az}", None),
            ("get", f"/cases/{az}/notes", None),
            ("get", f"/cases/{az}/team", None),
            ("post", f"/cases/{az}/notes", note),
            ("post", "/cases", CASE),
        ):
            kwargs = {"headers": heads[who]} | ({"json": body} if body else {})
            r = getattr(api, method)(PREFIX + path, **kwargs)
            assert r.status_code == 403, (who, path, r.text)
            assert r.json()["detail"] == "Das ist Ihnen nicht erlaubt."
    # the lead worker sees her own § 65 entry
    notes = api.get(f"{PREFIX}/cases/{az}/notes", headers=heads["anna"]).json()
    assert [n["text"] for n in notes] == ["Vertraulich."]


def test_bad_input_gets_a_german_message_and_changes_nothing(api: TestClient, heads) -> None:  # type: ignore[no-untyped-def]
    r = api.post(f"{PREFIX}/cases", headers=heads["anna"], json=CASE | {"file_number": ""})
    assert r.status_code == 422
    assert any(p["field"] == "Aktenzeichen" for p in r.json()["problems"])
    assert api.get(f"{PREFIX}/cases", headers=heads["anna"]).json() == []
    big = {"occurred_on": "2026-11-20", "kind": "counselling", "text": "x" * (1024 * 1024 + 1)}
    r = api.post(f"{PREFIX}/cases/51.2/notes", headers=heads["anna"], json=big)
    assert r.status_code == 413 and r.json()["detail"] == "Die Anfrage ist zu groß."
    # a body of unknown length (sent in chunks) is refused before anything reads it
    chunks = (part for part in (b'{"occurred_on": ', b'"2026-11-20"}'))
    r = api.post(f"{PREFIX}/cases/51.2/notes", headers=heads["anna"], content=chunks)
    assert r.status_code == 411 and r.json()["detail"] == "Die Anfrage braucht eine Längenangabe."
    r = api.get(f"{PREFIX}/cases", headers=heads["anna"] | {"Content-Length": "viel"})
    assert r.status_code == 413
    r = api.post(f"{PREFIX}/session", json={"login": "anna", "passphrase": "falsch"})
    assert (
        r.status_code == 401 and r.json()["detail"] == "Anmeldename oder Passphrase stimmen nicht."
    )


def test_controlling_gets_the_city_statistics_and_nothing_else(api: TestClient, heads) -> None:  # type: ignore[no-untyped-def]
    """Counted over all cases of the city (Controlling sees none of them), suppressed and
    recorded like the single PC's export."""
    for n, space in enumerate(["toitenwinkel"] * 4 + ["evershagen"] * 4):
        case = CASE | {
            "file_number": f"51.2-2026-{n + 100:06d}",
            "family": {"display_name": f"Familie Quappe{n}", "social_space": space},
        }
        assert api.post(f"{PREFIX}/cases", headers=heads["anna"], json=case).status_code == 201
    query = {"from": "2026-01-01", "to": "2026-12-31", "format": "csv"}
    r = api.get(f"{PREFIX}/statistics", headers=heads["carl"], params=query)
    assert r.status_code == 200, r.text
    text = r.content.decode("utf-8-sig")
    assert "Modellregion" in text and "Quappe" not in text and "Lina" not in text
    assert r.headers["X-Export-Summary"]
    for who in ("anna", "sina", "admin"):
        assert api.get(f"{PREFIX}/statistics", headers=heads[who], params=query).status_code == 403
    pdf = api.get(f"{PREFIX}/statistics", headers=heads["carl"], params=query | {"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    bad = api.get(f"{PREFIX}/statistics", headers=heads["carl"], params=query | {"min_cell": 1})
    assert bad.status_code == 422


def test_documents_for_whoever_sees_the_whole_file(api: TestClient, heads) -> None:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader

    az = _case_with_sina(api, heads)
    plan = api.get(
        f"{PREFIX}/cases/{az}/document", headers=heads["anna"], params={"kind": "help_plan"}
    )
    assert plan.status_code == 200, plan.text
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(plan.content)).pages)
    assert "Hilfeplan" in text and az in text
    # a partial view prints nothing: the document would say more than the view shows
    for who in ("sina", "carl", "admin"):
        r = api.get(
            f"{PREFIX}/cases/{az}/document", headers=heads[who], params={"kind": "help_plan"}
        )
        assert r.status_code == 403, (who, r.text)
    none_yet = api.get(f"{PREFIX}/cases/{az}/document", headers=heads["anna"])
    assert none_yet.status_code in (400, 404) and "Konferenz" in none_yet.json()["detail"]


def test_only_whoever_sees_the_whole_file_changes_it(api: TestClient, heads) -> None:  # type: ignore[no-untyped-def]
    az = _case_with_sina(api, heads)
    changes = (
        ("patch", f"/cases/{az}/fields", {"reason_for_contact": "überschrieben"}),
        ("post", f"/cases/{az}/status", {"to_status": "klaerung"}),
        ("post", f"/cases/{az}/persons", {"first_name": "X", "last_name": "Y"}),
        ("put", f"/cases/{az}/family", {"display_name": "Familie Y", "social_space": "evershagen"}),
        ("post", f"/cases/{az}/helps", {"help_type": "30", "start_on": "2026-10-01"}),
        ("post", f"/cases/{az}/resources", {"kind": "family", "description": "x"}),
    )
    for method, path, body in changes:  # a team member of another discipline: refused
        r = getattr(api, method)(PREFIX + path, headers=heads["sina"], json=body)
        assert r.status_code == 403, (path, r.text)
    shown = api.get(f"{PREFIX}/cases/{az}", headers=heads["anna"]).json()["case"]
    assert (
        shown["reason_for_contact"] == "Schulvermeidung" and shown["summary"]["status"] == "eingang"
    )
    for method, path, body in changes:  # the lead worker: done
        r = getattr(api, method)(PREFIX + path, headers=heads["anna"], json=body)
        assert r.status_code in (200, 201, 204), (path, r.text)


def test_a_removed_account_is_out_at_once_and_a_signed_out_session_too(
    api: TestClient, heads
) -> None:  # type: ignore[no-untyped-def]
    assert api.get(f"{PREFIX}/info", headers=heads["sina"]).status_code == 200  # checked, kept
    assert api.delete(f"{PREFIX}/users/sina", headers=heads["admin"]).status_code == 204
    assert api.get(f"{PREFIX}/info", headers=heads["sina"]).status_code == 401
    assert api.get(f"{PREFIX}/info", headers=heads["anna"]).status_code == 200
    assert api.delete(f"{PREFIX}/session", headers=heads["anna"]).status_code == 204
    assert api.get(f"{PREFIX}/info", headers=heads["anna"]).status_code == 401
