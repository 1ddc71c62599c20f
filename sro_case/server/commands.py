"""The command line of the team server (``sro-case server init|run``) and of the data commands
against one (``--server URL --user LOGIN`` instead of ``--db PATH``). The web stack is imported
only when such a command runs."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sro_case.domain.messages import T
from sro_case.errors import SroCaseError

CA_ENV = "SRO_CASE_CA_FILE"
PG_ENV = "SRO_CASE_SERVER_PG"  # for the worker processes of `server run --workers`
NAME_ENV = "SRO_CASE_SERVER_NAME"
EXIT_OK = 0


class UsageError(SroCaseError):
    exit_code = 2


def _out(text: str = "") -> None:
    print(text, flush=True)


def _json(value: object) -> None:
    _out(json.dumps(value, ensure_ascii=False, indent=2, default=str))


# --------------------------------------------------------------------------- the server itself


def add_server_command(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """``sro-case server init|run``."""
    p = sub.add_parser(
        "server",
        help="Teamserver auf PostgreSQL einrichten oder starten",
        description="Teamserver: ein Fallmanagement für die ganze Stadt auf PostgreSQL.",
        prog="sro-case server",
    )
    actions = p.add_subparsers(
        dest="server_command", metavar="init|upgrade|import-file|run", parser_class=parser_class
    )
    init = actions.add_parser(
        "init",
        help="Schema, Datenbankrollen und erste Administration anlegen",
        prog="sro-case server init",
    )
    init.add_argument("--pg", required=True, metavar="URL", help="postgresql://…")
    init.add_argument("--admin", required=True, metavar="ANMELDENAME")
    init.add_argument("--name", default="Administrator/in", metavar="NAME")
    init.set_defaults(func=cmd_server_init)
    up = actions.add_parser(
        "upgrade",
        help="eine bestehende Teamdatenbank auf diese Version bringen (Schema, Rechte, Regeln)",
        prog="sro-case server upgrade",
    )
    up.add_argument("--pg", required=True, metavar="URL", help="postgresql://…")
    up.set_defaults(func=cmd_server_upgrade)
    imp = actions.add_parser(
        "import-file",
        help="eine Einzelplatzdatenbank auf den Teamserver übernehmen (alles oder nichts)",
        prog="sro-case server import-file",
    )
    imp.add_argument("--pg", required=True, metavar="URL", help="postgresql://…")
    imp.add_argument("--db", required=True, type=Path, metavar="DATEI")
    imp.add_argument("--user", default=None, metavar="ANMELDENAME", help="Admin der Datei")
    imp.set_defaults(func=cmd_server_import)
    run = actions.add_parser(
        "run",
        help="den Teamserver starten (HTTPS; ohne TLS nur auf diesem PC)",
        prog="sro-case server run",
    )
    run.add_argument("--pg", required=True, metavar="URL", help="postgresql://…")
    run.add_argument("--listen", default="127.0.0.1:8443", metavar="HOST:PORT")
    run.add_argument("--tls-cert", type=Path, default=None, metavar="DATEI")
    run.add_argument("--tls-key", type=Path, default=None, metavar="DATEI")
    run.add_argument("--name", default="", metavar="NAME", help="Name des Servers (Fenstertitel)")
    run.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="Serverprozesse (Standard: einer je Prozessorkern)",
    )
    run.set_defaults(func=cmd_server_run)
    p.set_defaults(func=lambda _args: _missing_action())


def _missing_action() -> int:
    raise UsageError(T("„sro-case server“ braucht init, upgrade, import-file oder run."))


def cmd_server_init(args: argparse.Namespace) -> int:
    from sro_case.server.setup import initialise

    passphrase = os.environ.get("SRO_CASE_PASSPHRASE", "")
    if not passphrase:
        raise UsageError(T("Die Passphrase der Administration kommt aus SRO_CASE_PASSPHRASE."))
    initialise(args.pg, args.admin, passphrase, admin_name=args.name)
    _out(f"Teamserver eingerichtet; erste Administration: {args.admin}.")
    return EXIT_OK


def cmd_server_upgrade(args: argparse.Namespace) -> int:
    from sro_case.server.setup import upgrade

    before, now = upgrade(args.pg)
    _out(f"Teamdatenbank von Schemastand {before} auf {now}; Rechte und Regeln erneuert.")
    return EXIT_OK


def cmd_server_import(args: argparse.Namespace) -> int:
    from sro_case.server.transfer import import_file

    recovery = os.environ.get("SRO_CASE_RECOVERY_KEY") or None
    passphrase = os.environ.get("SRO_CASE_PASSPHRASE") or None
    if not recovery and not passphrase:
        raise UsageError(T("Die Passphrase einer Admin der Datei kommt aus SRO_CASE_PASSPHRASE."))
    report = import_file(args.pg, args.db, passphrase, user=args.user, recovery_key=recovery)
    _out(report.summary())
    return EXIT_OK


def listen_address(text: str, tls: bool) -> tuple[str, int]:
    """``HOST:PORT``; without TLS only a loopback host."""
    from sro_case.server.client import _loopback

    host, _, port = text.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(T("--listen braucht HOST:PORT, z. B. 127.0.0.1:8443."))
    if not tls and not _loopback(host):
        raise UsageError(
            T(
                "Ohne --tls-cert und --tls-key lauscht der Teamserver nur auf diesem PC "
                "(127.0.0.1); für {host} braucht er ein Zertifikat.",
                host=host,
            )
        )
    return host, int(port)


def cmd_server_run(args: argparse.Namespace) -> int:
    import uvicorn

    from sro_case.server.api import create_app
    from sro_case.server.database import server_engine

    if (args.tls_cert is None) != (args.tls_key is None):
        raise UsageError(T("--tls-cert und --tls-key gehören zusammen."))
    host, port = listen_address(args.listen, tls=args.tls_cert is not None)
    workers = args.workers or os.cpu_count() or 1
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "ssl_certfile": str(args.tls_cert) if args.tls_cert else None,
        "ssl_keyfile": str(args.tls_key) if args.tls_key else None,
        "log_level": "warning",
        "server_header": False,
        "timeout_graceful_shutdown": 5,  # open event streams end with the server
    }
    _out(
        f"Teamserver lauscht auf {'https' if args.tls_cert else 'http'}://{host}:{port} "
        f"({workers} Prozesse)"
    )
    if workers > 1:  # one Python process per core: each with its pool and its listener
        os.environ[PG_ENV], os.environ[NAME_ENV] = args.pg, args.name or host
        uvicorn.run(
            "sro_case.server.api:from_environment", factory=True, workers=workers, **options
        )
        return EXIT_OK
    engine = server_engine(args.pg)
    try:
        uvicorn.run(create_app(engine, name=args.name or host), **options)
    finally:
        engine.dispose()
    return EXIT_OK


# --------------------------------------------------------------------------- against a server


def add_server_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--server", default=None, metavar="URL", help="statt --db: der Teamserver (https://…)"
    )
    p.add_argument(
        "--ca-file",
        type=Path,
        default=None,
        metavar="DATEI",
        help=f"Zertifikat der städtischen CA (Standard: {CA_ENV} oder die des Systems)",
    )


def _connect(args: argparse.Namespace, secret: Callable[[], str]) -> Any:
    from sro_case.server.client import TeamServer

    if not args.user:
        raise UsageError(T("Mit --server braucht es --user ANMELDENAME."))
    ca = args.ca_file or (Path(os.environ[CA_ENV]) if os.environ.get(CA_ENV) else None)
    return TeamServer(args.server, args.user, secret(), ca_file=ca)


def _load(kind: Any, data: Any) -> Any:
    """The server's JSON as the facade's dataclasses (the same printouts as for the file)."""
    from sro_case.domain.json_types import load

    return load(kind, data)


def _path(file_number: str) -> str:
    from urllib.parse import quote

    return quote(file_number.strip(), safe="")


def run_remote(args: argparse.Namespace, secret: Callable[[], str]) -> int:
    """A data command against the team server (``args.command``)."""
    handlers: dict[str, Callable[[Any, argparse.Namespace], int]] = {
        "info": _info,
        "cases": _cases,
        "note": _note,
        "case": _case,
        "case-team": _case_team,
        "user": _user,
        "audit": _audit,
        "export-stats": _export_stats,
        "protocol": _protocol,
        "import": _import,
    }
    handler = handlers.get(args.command)
    if handler is None:
        raise UsageError(
            T("„{command}“ gibt es nur für eine Datenbankdatei (--db).", command=args.command)
        )
    with _connect(args, secret) as server:
        return handler(server, args)


def _info(server: Any, args: argparse.Namespace) -> int:
    info = server.get("/info")
    if args.json:
        _json(info | {"server": server.url})
        return EXIT_OK
    _out(f"Teamserver:    {server.url} ({info['server']}, Version {info['version']})")
    _out(f"Angemeldet:    {info['name']} ({info['login']}) · Rolle {info['role']}")
    return EXIT_OK


def _cases(server: Any, args: argparse.Namespace) -> int:
    from urllib.parse import urlencode

    from sro_case.domain import models as m
    from sro_case.printouts import print_cases

    query = urlencode({"search": args.search or "", "limit": args.limit or 1000})
    rows = _load(list[m.CaseSummary], server.get(f"/cases?{query}"))
    print_cases(rows, as_json=args.json)
    return EXIT_OK


def _note(server: Any, args: argparse.Namespace) -> int:
    from sro_case.domain import models as m
    from sro_case.printouts import print_notes

    path = f"/cases/{_path(args.case)}/notes"
    if args.action == "add":
        if not args.text:
            raise UsageError(T("„note add“ braucht --text."))
        body = {
            "occurred_on": (args.date.isoformat() if args.date else _today()),
            "kind": args.kind,
            "text": args.text,
            "participants": args.participants,
            "entrusted": args.entrusted,
        }
        note = server.post(path, body)
        _out(
            f"Eintrag {note['id']} zum Fall {args.case} gespeichert"
            + (" (anvertraut nach § 65 SGB VIII)." if note["entrusted"] else ".")
        )
        return EXIT_OK
    print_notes(_load(list[m.CaseNote], server.get(path)), as_json=args.json)
    return EXIT_OK


def _import(server: Any, args: argparse.Namespace) -> int:
    """The case list sent as it is: the server reads and checks it, and writes all or nothing."""
    from urllib.parse import urlencode

    from sro_case.cases.importing import MAX_FILE_BYTES, ImportReport

    path = Path(args.file)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UsageError(
                T("Die Datei {file} ist zu groß für einen Import (höchstens 50 MB).", file=path)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(T("Die Datei {file} lässt sich nicht lesen.", file=path)) from exc
    report = _load(ImportReport, server.upload(f"/imports?{urlencode({'name': path.name})}", data))
    _out(report.summary())
    return EXIT_OK


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _case(server: Any, args: argparse.Namespace) -> int:
    shown = server.get(f"/cases/{_path(args.case)}")
    if args.json:
        _json(shown)
        return EXIT_OK
    case, release = shown["case"], shown["release"]
    _out(f"{case['summary']['file_number']}  {case['summary']['family_name']}")
    _out(f"Sie sehen: {', '.join(release['parts']) or 'nur die Stammdaten'}")
    if release["withheld"]:
        _out(f"nicht: {', '.join(release['withheld'])} ({release['reason']})")
    return EXIT_OK


def _case_team(server: Any, args: argparse.Namespace) -> int:
    path = f"/cases/{_path(args.case)}/team"
    if args.action == "add":
        if not args.login:
            raise UsageError(T("„case-team add“ braucht --login."))
        member = server.post(path, {"login": args.login})
        _out(
            f"{member['name']} ({member['discipline'] or 'ohne Fachbereich'}) gehört jetzt zum Fallteam."
        )
        return EXIT_OK
    if args.action == "remove":
        if not args.login:
            raise UsageError(T("„case-team remove“ braucht --login."))
        server.delete(f"{path}/{_path(args.login)}")
        _out(f"{args.login} gehört nicht mehr zum Fallteam.")
        return EXIT_OK
    members = server.get(path)
    if args.json:
        _json(members)
        return EXIT_OK
    for member in members:
        lead = " (fallführend)" if member["lead"] else ""
        _out(f"{member['login']:<16} {member['name']:<28} {member['discipline']}{lead}")
    return EXIT_OK


def _export_stats(server: Any, args: argparse.Namespace) -> int:
    from urllib.parse import unquote, urlencode

    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx", "pdf"):
        raise UsageError(T("--out braucht die Endung .csv, .xlsx oder .pdf."))
    query = urlencode(
        {
            "from": args.date_from.isoformat(),
            "to": args.date_to.isoformat(),
            "format": fmt,
            "min_cell": args.min_cell,
        }
    )
    data, headers = server.download(f"/statistics?{query}")
    from sro_case.storage.files import atomic_write_bytes

    atomic_write_bytes(out, data)
    _out(unquote(headers.get("x-export-summary", "")) or f"Geschrieben: {out}")
    return EXIT_OK


def _protocol(server: Any, args: argparse.Namespace) -> int:
    from urllib.parse import urlencode

    from sro_case.storage.files import atomic_write_bytes

    kind = "help_plan" if args.document == "hilfeplan" else "protocol"
    query = {"kind": kind} | ({"conference": args.conference} if args.conference else {})
    data, _headers = server.download(f"/cases/{_path(args.case)}/document?{urlencode(query)}")
    atomic_write_bytes(Path(args.out), data)
    _out(f"PDF geschrieben: {args.out}")
    return EXIT_OK


def _audit(server: Any, _args: argparse.Namespace) -> int:
    report = server.get("/audit/verify")
    if report["intact"]:
        _out(f"Protokollkette unversehrt: {report['entries']} Einträge.")
        return EXIT_OK
    _out("Protokollkette VERLETZT:")
    for problem in report["problems"]:
        _out(f"  - {problem}")
    return 1


def _user(server: Any, args: argparse.Namespace) -> int:
    if args.action == "add":
        if not args.login or not args.name:
            raise UsageError(T("„user add“ braucht --login und --name."))
        new = os.environ.get("SRO_CASE_NEW_PASSPHRASE", "")
        if not new:
            raise UsageError(
                T("Die Passphrase des neuen Zugangs kommt aus SRO_CASE_NEW_PASSPHRASE.")
            )
        server.post(
            "/users",
            {
                "login": args.login,
                "name": args.name,
                "role": args.role,
                "passphrase": new,
                "discipline": args.discipline or "",
                "team": args.team or "",
            },
        )
        _out(f"Zugang {args.login} auf dem Teamserver angelegt.")
        return EXIT_OK
    if not args.login:
        raise UsageError(T("„user remove“ braucht --login."))
    server.delete(f"/users/{_path(args.login)}")
    _out(f"Zugang {args.login} deaktiviert; seine Sitzungen sind beendet.")
    return EXIT_OK
