"""#17: ``sro-case server init|run`` and the data commands against a running team server,
as separate processes (a real uvicorn on loopback, a real PostgreSQL), with TLS."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ROOT = Path(__file__).resolve().parent.parent
ADMIN = "Warnowufer Fähre 2026 Admin"
ANNA = "Anna arbeitet im ASD seit 2019"
SINA = "Sina Schulsozialarbeit Evershagen"


def sro(*args: str, passphrase: str = "", new: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")}
    if passphrase:
        env["SRO_CASE_PASSPHRASE"] = passphrase
    if new:
        env["SRO_CASE_NEW_PASSPHRASE"] = new
    return subprocess.run(
        [sys.executable, "-m", "sro_case", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(pg: str, port: int, *extra: str) -> subprocess.Popen[str]:
    """``sro-case server run`` on loopback, answered once it listens."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")}
    command = ["server", "run", "--pg", pg, "--listen", f"127.0.0.1:{port}", *extra]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sro_case", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its worker processes with it: killed as one (kill_server)
    )
    deadline = time.monotonic() + 30
    scheme = "https" if "--tls-cert" in extra else "http"
    while time.monotonic() < deadline:
        try:  # answering, not only listening (the worker processes start after the socket)
            httpx.get(f"{scheme}://127.0.0.1:{port}/api/v1/openapi.json", timeout=1, verify=False)
            return proc
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read() if proc.stderr else "ended") from None
            time.sleep(0.05)
    proc.kill()
    raise AssertionError("the team server did not start")


def kill_server(proc: subprocess.Popen[str]) -> None:
    """SIGKILL to the server and its worker processes, as systemd stops a failed unit."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


def _serve(pg: str, *extra: str) -> tuple[subprocess.Popen[str], int]:
    port = _free_port()
    return start_server(pg, port, *extra), port


@pytest.fixture
def server(pg_url: str) -> Iterator[str]:
    pg = pg_url.replace("postgresql+psycopg://", "postgresql://")
    r = sro("server", "init", "--pg", pg, "--admin", "admin", passphrase=ADMIN)
    assert r.returncode == 0, r.stderr
    proc, port = _serve(pg)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def test_init_is_refused_the_second_time(pg_url: str) -> None:
    pg = pg_url.replace("postgresql+psycopg://", "postgresql://")
    assert sro("server", "init", "--pg", pg, "--admin", "admin", passphrase=ADMIN).returncode == 0
    again = sro("server", "init", "--pg", pg, "--admin", "admin", passphrase=ADMIN)
    assert again.returncode == 1 and "bereits eingerichtet" in again.stderr


def test_the_command_line_against_a_running_server(server: str, tmp_path: Path) -> None:
    def as_(login: str, secret: str, *args: str, new: str = "") -> subprocess.CompletedProcess[str]:
        return sro(*args, "--server", server, "--user", login, passphrase=secret, new=new)

    for login, name, discipline, secret in (
        ("anna", "Anna Asmus", "asd", ANNA),
        ("sina", "Sina Schulz", "schulsozialarbeit", SINA),
    ):
        r = as_(
            "admin",
            ADMIN,
            "user",
            "add",
            "--login",
            login,
            "--name",
            name,
            "--discipline",
            discipline,
            new=secret,
        )
        assert r.returncode == 0, r.stderr
    # a case, made through the API as Anna (the command line has no "case add" yet)
    with httpx.Client(base_url=server + "/api/v1") as http:
        token = http.post("/session", json={"login": "anna", "passphrase": ANNA}).json()["token"]
        made = http.post(
            "/cases",
            headers={"Authorization": f"Bearer {token}"},
            json={
                "file_number": "51.2-2026-000007",
                "family": {"display_name": "Familie Wendt", "social_space": "evershagen"},
            },
        )
        assert made.status_code == 201, made.text
    az = "51.2-2026-000007"
    assert (
        as_(
            "anna",
            ANNA,
            "note",
            "add",
            "--case",
            az,
            "--text",
            "Hausbesuch, alles ruhig.",
            "--kind",
            "home_visit",
            "--date",
            "20.11.2026",
        ).returncode
        == 0
    )
    listed = as_("anna", ANNA, "cases", "--json")
    assert [c["file_number"] for c in json.loads(listed.stdout)] == [az]
    # not in the team: not permitted (exit 6), and no case in the list
    assert json.loads(as_("sina", SINA, "cases", "--json").stdout) == []
    refused = as_("sina", SINA, "case", "show", "--case", az, "--json")
    assert refused.returncode == 6 and "nicht erlaubt" in refused.stderr
    # a case list imported: read and checked by the server, all or nothing
    header = "Aktenzeichen;Familienname;Vorname;Geburtsdatum;Geschlecht;Sozialraum;Hilfeart;Beginn;Ende;Fachkraft"
    bad = tmp_path / "liste.csv"
    bad.write_bytes(
        (
            "\ufeff" + header + "\r\n"
            "A-1;Şahin;Ayşe;01.02.2014;w;Toitenwinkel;§ 31;01.03.2026;;Anna Asmus\r\n"
            "A-2;Nowak;Jan;31.02.2014;m;Toitenwinkel;§ 31;01.03.2026;;\r\n"
        ).encode("utf-8")
    )
    rejected = as_("anna", ANNA, "import", str(bad))
    assert rejected.returncode == 4 and "Zeile 3" in rejected.stderr, rejected.stderr
    assert len(json.loads(as_("anna", ANNA, "cases", "--json").stdout)) == 1
    good = tmp_path / "gut.csv"
    good.write_bytes(bad.read_bytes().replace(b"31.02.2014", b"28.02.2014"))
    imported = as_("anna", ANNA, "import", str(good))
    assert imported.returncode == 0 and "2 Fälle neu angelegt" in imported.stdout, imported.stderr
    assert len(json.loads(as_("anna", ANNA, "cases", "--json").stdout)) == 3
    # an import is no way into a case outside one's team (not permitted, nothing written)
    sneaky = tmp_path / "fremd.csv"
    sneaky.write_text(
        header + "\n" + f"{az};Wendt;Kai;01.01.2015;m;Evershagen;§ 31;01.03.2026;;\n",
        encoding="utf-8",
    )
    refused_import = as_("sina", SINA, "import", str(sneaky))
    assert refused_import.returncode == 6, refused_import.stderr
    assert as_("anna", ANNA, "case-team", "add", "--case", az, "--login", "sina").returncode == 0
    team = json.loads(as_("anna", ANNA, "case-team", "list", "--case", az, "--json").stdout)
    assert [(m["login"], m["lead"]) for m in team] == [("anna", True), ("sina", False)]
    shown = json.loads(as_("sina", SINA, "case", "show", "--case", az, "--json").stdout)
    assert shown["release"]["cleared"] is False and shown["case"]["notes"] == []
    assert json.loads(as_("sina", SINA, "note", "list", "--case", az, "--json").stdout) == []
    assert [
        n["text"]
        for n in json.loads(as_("anna", ANNA, "note", "list", "--case", az, "--json").stdout)
    ] == ["Hausbesuch, alles ruhig."]
    # the admin manages accounts and reads no case (exit 6)
    assert as_("admin", ADMIN, "cases").returncode == 6
    wrong = as_("anna", "falsch", "cases")
    assert wrong.returncode == 3 and "stimmen nicht" in wrong.stderr


def test_an_unreachable_server_and_plain_http_elsewhere_are_said_in_words() -> None:
    port = _free_port()
    r = sro("cases", "--server", f"http://127.0.0.1:{port}", "--user", "anna", passphrase=ANNA)
    assert r.returncode == 8 and "nicht erreichbar" in r.stderr
    r = sro(
        "cases", "--server", "http://rathaus.rostock.de:8443", "--user", "anna", passphrase=ANNA
    )
    assert r.returncode == 8 and "https://" in r.stderr
    r = sro("server", "run", "--pg", "postgresql://x@/y", "--listen", "0.0.0.0:8443")
    assert r.returncode == 2 and "Zertifikat" in r.stderr


def _certificate(folder: Path) -> tuple[Path, Path, Path]:
    """A city CA and a server certificate for 127.0.0.1 signed by it."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test-CA Hansestadt")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=9))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=9))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def test_tls_with_the_city_ca_and_a_refused_unknown_certificate(
    pg_url: str, tmp_path: Path
) -> None:
    pg = pg_url.replace("postgresql+psycopg://", "postgresql://")
    assert sro("server", "init", "--pg", pg, "--admin", "admin", passphrase=ADMIN).returncode == 0
    ca, cert, key = _certificate(tmp_path)
    proc, port = _serve(pg, "--tls-cert", str(cert), "--tls-key", str(key))
    try:
        url = f"https://127.0.0.1:{port}"
        r = sro(
            "info",
            "--server",
            url,
            "--user",
            "admin",
            "--ca-file",
            str(ca),
            "--json",
            passphrase=ADMIN,
        )
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["role"] == "admin"
        r = sro("info", "--server", url, "--user", "admin", passphrase=ADMIN)
        assert r.returncode == 8 and "Zertifikat" in r.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_upgrade_renews_an_existing_team_database_and_refuses_an_empty_one(pg_url: str) -> None:
    pg = pg_url.replace("postgresql+psycopg://", "postgresql://")
    empty = sro("server", "upgrade", "--pg", pg)
    assert empty.returncode == 1 and "server init" in empty.stderr
    assert sro("server", "init", "--pg", pg, "--admin", "admin", passphrase=ADMIN).returncode == 0
    again = sro("server", "upgrade", "--pg", pg)
    assert again.returncode == 0, again.stderr
    assert "Rechte und Regeln erneuert" in again.stdout


def test_audit_verify_against_the_server_finds_an_edited_entry(server: str, pg_url: str) -> None:
    ok = sro("audit", "verify", "--server", server, "--user", "admin", passphrase=ADMIN)
    assert ok.returncode == 0 and "unversehrt" in ok.stdout, ok.stderr
    # the database administrator (not the server's role, which may not) edits an entry
    import psycopg

    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("UPDATE audit_event SET detail = 'nichts passiert' WHERE seq = 1")
    bad = sro("audit", "verify", "--server", server, "--user", "admin", passphrase=ADMIN)
    assert bad.returncode == 1 and "Eintrag 1" in bad.stdout


def test_import_file_on_the_command_line(pg_url: str, tmp_path: Path) -> None:
    pg = pg_url.replace("postgresql+psycopg://", "postgresql://")
    db = tmp_path / "akten.db"
    secret = "Einzelplatz Akten 2026 Probe"
    made = sro("demo", "--db", str(db), "--cases", "5", passphrase=secret)
    assert made.returncode == 0, made.stderr
    assert sro("server", "init", "--pg", pg, "--admin", "admin", passphrase=ADMIN).returncode == 0
    moved = sro("server", "import-file", "--pg", pg, "--db", str(db), passphrase=secret)
    assert moved.returncode == 0, moved.stderr
    assert "Übernommen" in moved.stdout and "demo.woehlk" in moved.stdout
    again = sro("server", "import-file", "--pg", pg, "--db", str(db), passphrase=secret)
    assert again.returncode == 1 and "bereits" in again.stderr
