"""#17: the team server killed (SIGKILL) while clients write loses no change it acknowledged.
PostgreSQL commits before the server answers; a write the client never heard back about may
or may not be there, but every 201 is. A bounded number of kills here (``TEAM_KILLS``, default
12); ``make stress`` runs 200."""

from __future__ import annotations

import os
import random
import threading
import time

import httpx
import pytest

from tests.test_team_cli import ADMIN, _free_port, kill_server, sro, start_server

ANNA = "Anna arbeitet im ASD seit 2019"
KILLS = int(os.environ.get("TEAM_KILLS", "12"))


def _kills(pg_url: str, kills: int) -> None:
    pg = pg_url.replace("postgresql+psycopg://", "postgresql://")
    assert sro("server", "init", "--pg", pg, "--admin", "admin", passphrase=ADMIN).returncode == 0
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(pg, port)
    admin = httpx.post(f"{base}/api/v1/session", json={"login": "admin", "passphrase": ADMIN})
    head = {"Authorization": f"Bearer {admin.json()['token']}"}
    r = httpx.post(
        f"{base}/api/v1/users",
        headers=head,
        json={
            "login": "anna",
            "name": "Anna Asmus",
            "role": "caseworker",
            "passphrase": ANNA,
            "discipline": "asd",
        },
    )
    assert r.status_code == 201, r.text
    acknowledged: list[str] = []
    rng = random.Random(17)
    az = "51.2-2026-000001"
    for round_ in range(kills):
        token = httpx.post(
            f"{base}/api/v1/session", json={"login": "anna", "passphrase": ANNA}
        ).json()["token"]
        anna = {"Authorization": f"Bearer {token}"}
        if round_ == 0:
            made = httpx.post(
                f"{base}/api/v1/cases",
                headers=anna,
                json={
                    "file_number": az,
                    "family": {"display_name": "Familie Koch", "social_space": "evershagen"},
                },
            )
            assert made.status_code == 201
        stop = threading.Event()

        def write(
            anna: dict[str, str] = anna, round_: int = round_, stop: threading.Event = stop
        ) -> None:
            n = 0
            with httpx.Client(timeout=5) as client:
                while not stop.is_set():
                    text = f"Runde {round_}, Eintrag {n}"
                    n += 1
                    try:
                        r = client.post(
                            f"{base}/api/v1/cases/{az}/notes",
                            headers=anna,
                            json={"occurred_on": "2026-11-20", "kind": "phone", "text": text},
                        )
                    except httpx.HTTPError:
                        return  # the server is gone: this write was never acknowledged
                    if r.status_code == 201:
                        acknowledged.append(text)

        writers = [threading.Thread(target=write) for _ in range(2)]
        for w in writers:
            w.start()
        time.sleep(rng.uniform(0.05, 0.6))
        kill_server(proc)
        stop.set()
        for w in writers:
            w.join(timeout=10)
        proc = start_server(pg, port)
    token = httpx.post(f"{base}/api/v1/session", json={"login": "anna", "passphrase": ANNA}).json()
    notes = httpx.get(
        f"{base}/api/v1/cases/{az}/notes", headers={"Authorization": f"Bearer {token['token']}"}
    ).json()
    stored = {n["text"] for n in notes}
    assert acknowledged and set(acknowledged) <= stored
    chain = sro("audit", "verify", "--server", base, "--user", "admin", passphrase=ADMIN)
    assert chain.returncode == 0, chain.stdout  # the hash chain survived every kill
    proc.terminate()
    proc.wait(timeout=10)


def test_killed_server_loses_no_acknowledged_note(pg_url: str) -> None:
    _kills(pg_url, KILLS)


@pytest.mark.slow
def test_killed_server_loses_no_acknowledged_note_200_times(pg_url: str) -> None:
    _kills(pg_url, 200)
