"""The ``sro-case`` command: start the desktop application, or work on a database from scripts.

The passphrase never comes from a command-line argument (it would show in the process list and
the shell history): it comes from ``SRO_CASE_PASSPHRASE``, from ``--passphrase-file``, or from
a prompt. Exit codes: 0 success, 1 other failure, 2 usage, 3 wrong passphrase, 4 invalid input,
5 database in use by another program instance, 6 not allowed for the signed-in user's role (or
the account is deactivated).

Who may do what is decided in the services, the same for this command and the desktop client;
a refused command has changed nothing.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sro_case import __version__
from sro_case.errors import PermissionDenied, SroCaseError, ValidationError
from sro_case.paths import default_database_path
from sro_case.server.commands import add_server_command, add_server_options, run_remote

if TYPE_CHECKING:
    from datetime import date

    from sro_case.store import Store

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_WRONG_PASSPHRASE, EXIT_INVALID = 0, 1, 2, 3, 4
EXIT_IN_USE, EXIT_NOT_ALLOWED = 5, 6
PASSPHRASE_ENV = "SRO_CASE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "SRO_CASE_NEW_PASSPHRASE"


class UsageError(SroCaseError):
    exit_code = EXIT_USAGE


# --------------------------------------------------------------------------- passphrases


def _read_secret(args: argparse.Namespace, *, env: str, prompt: str, confirm: bool) -> str:
    value = os.environ.get(env)
    if value:
        return value
    file = getattr(args, "passphrase_file", None)
    if file and env == PASSPHRASE_ENV:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(
                f"Die Passphrasen-Datei {file} kann nicht gelesen werden: {exc}"
            ) from exc
        return text.rstrip("\r\n")
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise UsageError(
                f"Keine Passphrase: setzen Sie {env}, nutzen Sie --passphrase-file "
                "oder starten Sie den Befehl in einem Terminal."
            )
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Passphrase wiederholen: ") != first:
        raise ValidationError([("Passphrase", "Die beiden Eingaben stimmen nicht überein.")])
    return first


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return _read_secret(args, env=PASSPHRASE_ENV, prompt="Passphrase: ", confirm=confirm)


def _open(args: argparse.Namespace) -> Store:
    from sro_case.store import unlock

    recovery = os.environ.get("SRO_CASE_RECOVERY_KEY")
    if recovery:
        return unlock(args.db, recovery_key=recovery, user=None)
    return unlock(args.db, _passphrase(args), user=getattr(args, "user", None))


def _n(number: int) -> str:
    """German thousands separator: 10.000."""
    return f"{number:,}".replace(",", ".")


def _out(text: str = "") -> None:
    print(text, flush=True)


# --------------------------------------------------------------------------- commands


@dataclass(frozen=True)
class Desktop:
    """The desktop client, handed in by ``ui.launcher`` (the ``sro-case`` command): the core
    never imports the GUI. ``run`` starts the client on a database (None: it asks);
    ``check_window`` is the self-test's window part."""

    run: Callable[[Path | None], int]
    check_window: Callable[[Any, Any], None]


def cmd_gui(args: argparse.Namespace) -> int:
    desktop: Desktop | None = getattr(args, "desktop", None)
    if desktop is None:
        raise UsageError(
            "Die Desktop-Anwendung startet mit „sro-case“ (oder „python -m ui“); "
            "„python -m sro_case“ ist nur die Kommandozeile."
        )
    return desktop.run(args.db)


def _print_recovery_key(key: str) -> None:
    _out("")
    _out("WIEDERHERSTELLUNGSSCHLÜSSEL (nur jetzt sichtbar — ausdrucken und sicher verwahren):")
    _out(f"    {key}")
    _out("Damit lässt sich die Datenbank öffnen, wenn die Passphrase verloren ist.")


def cmd_init(args: argparse.Namespace) -> int:
    from sro_case.store import create_database

    created = create_database(args.db, _passphrase(args, confirm=True), admin_login=args.admin)
    created.store.close()
    _out(f"Verschlüsselte Datenbank angelegt: {args.db}")
    _print_recovery_key(created.recovery_key)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from sro_case.demo import generate
    from sro_case.store import create_database

    if args.cases < 0 or args.cases > 1_000_000:
        raise UsageError("--cases muss zwischen 0 und 1.000.000 liegen.")
    if Path(args.db).exists():
        store = _open(args)
    else:
        created = create_database(args.db, _passphrase(args, confirm=True))
        store = created.store
        _out(f"Verschlüsselte Datenbank angelegt: {args.db}")
        _print_recovery_key(created.recovery_key)
    with store:

        def progress(done: int, total: int) -> None:
            print(f"\r{_n(done):>9} von {_n(total)} Fällen", end="", file=sys.stderr, flush=True)

        report = generate(store, args.cases, seed=args.seed, progress=progress)
        print(file=sys.stderr)
    _out(
        f"Demodaten erzeugt: {_n(report.cases)} Fälle ({report.first_file_number} bis "
        f"{report.last_file_number}), {_n(report.conferences)} Konferenzen, "
        f"{_n(report.goals)} Ziele, {_n(report.reviews)} Zielüberprüfungen."
    )
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    with _open(args) as store:
        info = store.maintenance.info()
    if args.json:
        _out(
            json.dumps(
                {
                    "path": info.path,
                    "revision": info.revision,
                    "head": info.head,
                    "counts": info.counts,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    _out(f"Datenbank:     {info.path}")
    _out(f"Schemastand:   {info.revision} (aktuell: {info.head})")
    width = max(len(k) for k in info.counts)
    for label, n in info.counts.items():
        _out(f"  {label:<{width}}  {_n(n):>10}")
    return EXIT_OK


def cmd_cases(args: argparse.Namespace) -> int:
    from sro_case.domain.models import CaseFilter
    from sro_case.printouts import print_cases

    with _open(args) as store:
        rows = store.cases.list(CaseFilter(search=args.search), limit=args.limit)
    print_cases(rows, as_json=args.json)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with _open(args) as store:
        report = store.maintenance.check()
    _out(f"integrity_check:         {report.integrity}")
    _out(
        "cipher_integrity_check:  "
        + ("ok" if not report.cipher_integrity else "; ".join(report.cipher_integrity))
    )
    _out(
        f"Protokollkette:          {'ok' if report.audit_ok else 'VERLETZT'} "
        f"({report.audit_events} Einträge)"
    )
    for problem in report.audit_problems:
        _out(f"  - {problem}")
    _out(f"Zählwerk der Statistik:  {'ok' if not report.statistics_problems else 'ABWEICHUNG'}")
    for problem in report.statistics_problems:
        _out(f"  - {problem}")
    if not report.ok:
        _out("Prüfung fehlgeschlagen.")
        return EXIT_FAILURE
    _out("Alle Prüfungen bestanden.")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    if args.audit_command != "verify":
        raise UsageError("Bitte „sro-case audit verify --db PFAD“ verwenden.")
    with _open(args) as store:
        report = store.maintenance.check()
    if report.audit_ok:
        _out(f"Protokollkette unversehrt: {_n(report.audit_events)} Einträge.")
        return EXIT_OK
    _out("Protokollkette VERLETZT:")
    for problem in report.audit_problems:
        _out(f"  - {problem}")
    return EXIT_FAILURE


def cmd_import(args: argparse.Namespace) -> int:
    from sro_case.cases.importing import import_parsed, parse_file

    def progress(done: int, total: int) -> None:
        print(f"\r{_n(done):>9} von {_n(total)} Zeilen", end="", file=sys.stderr, flush=True)

    # read and check the whole file first: the database (and its writer lock) only for writing
    parsed = parse_file(Path(args.file))
    with _open(args) as store:
        report = import_parsed(store, parsed, progress=progress)
    print(file=sys.stderr)
    _out(report.summary())
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    from sro_case.accounts.vault import change_passphrase

    old = _passphrase(args)
    new = _read_secret(args, env=NEW_PASSPHRASE_ENV, prompt="Neue Passphrase: ", confirm=True)
    change_passphrase(args.db, old, new, user=args.user)
    _out("Die Passphrase wurde geändert. Die Datenbank selbst blieb unverändert.")
    return EXIT_OK


def _iso_date(text: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum der Form JJJJ-MM-TT") from None


def cmd_export_stats(args: argparse.Namespace) -> int:
    if args.date_to < args.date_from:
        raise UsageError("--to darf nicht vor --from liegen.")
    with _open(args) as store:
        written = store.statistics.export_file(
            args.date_from, args.date_to, Path(args.out), min_cell=args.min_cell
        )
    _out(written.summary())
    return EXIT_OK


def cmd_protocol(args: argparse.Namespace) -> int:
    with _open(args) as store:
        case_id = store.cases.id_for(args.case)
        if args.document == "hilfeplan":
            path = store.documents.help_plan(case_id, Path(args.out), initials=args.initials)
        else:
            path = store.documents.conference_protocol(
                case_id, Path(args.out), conference_id=args.conference, initials=args.initials
            )
    _out(f"PDF geschrieben: {path}")
    return EXIT_OK


def cmd_retention(args: argparse.Namespace) -> int:
    with _open(args) as store:
        service = store.retention
        proposals = service.proposals()
        exceptions = service.exceptions()
        _out(f"Zur Löschung fällig: {_n(len(proposals))} Fälle")
        for p in proposals:
            _out(f"  {p.file_number:<20} {p.family_name[:30]:<30} {p.rule.reason}")
        if exceptions:
            _out(f"Nicht löschbar, obwohl Frist betroffen: {_n(len(exceptions))} Fälle")
            for p in exceptions:
                _out(f"  {p.file_number:<20} {p.rule.reason}")
        if not args.apply or not proposals:
            if proposals:
                _out("Nichts gelöscht. Mit --apply werden die personenbezogenen Daten gelöscht.")
            return EXIT_OK
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError("Löschen ohne Terminal nur mit --yes.")
            answer = input(f"{_n(len(proposals))} Fälle endgültig löschen? Tippen Sie LÖSCHEN: ")
            if answer.strip() != "LÖSCHEN":
                _out("Abgebrochen, nichts gelöscht.")
                return EXIT_OK
        result = service.apply([p.case_id for p in proposals], confirm=True)
    _out(result.summary())
    return EXIT_OK


def cmd_export_all(args: argparse.Namespace) -> int:
    with _open(args) as store:
        report = store.open_data.export_all(Path(args.out))
    _out(report.summary())
    return EXIT_OK


def cmd_import_all(args: argparse.Namespace) -> int:
    with _open(args) as store:
        report = store.open_data.import_all(Path(args.source))
    _out(report.summary())
    return EXIT_OK


def cmd_access_request(args: argparse.Namespace) -> int:
    with _open(args) as store:
        files = store.access_requests.write(args.person, Path(args.out))
    _out(f"Auskunft nach Art. 15 DSGVO geschrieben:\n  {files.pdf}\n  {files.json}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from sro_case.backups.service import BackupService

    if args.keep < 1:
        raise UsageError("--keep muss mindestens 1 sein.")
    with _open(args) as store:
        result = BackupService(store).backup(Path(args.to) if args.to else None, keep=args.keep)
    _out(result.summary())
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from sro_case.backups.service import restore_backup

    if args.overwrite and not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("Überschreiben der Datenbank ohne Terminal nur mit --yes.")
        answer = input("Die aktuelle Datenbank wird ersetzt (vorher gesichert). Tippen Sie JA: ")
        if answer.strip() != "JA":
            _out("Abgebrochen, nichts verändert.")
            return EXIT_OK
    recovery = os.environ.get("SRO_CASE_RECOVERY_KEY")
    result = restore_backup(
        Path(args.source),
        Path(args.db),
        passphrase=None if recovery else _passphrase(args),
        recovery_key=recovery,
        user=args.user,
        overwrite_live=args.overwrite,
    )
    _out(result.summary())
    return EXIT_OK


def cmd_rotate_key(args: argparse.Namespace) -> int:
    from sro_case.accounts.keys import rotate_key

    result = rotate_key(args.db, _passphrase(args), user=args.user)
    _out(result.summary())
    if result.recovery_key is not None:  # a version 1 key file was turned into version 2
        _print_recovery_key(result.recovery_key)
    return EXIT_OK


def _day(text: str) -> date:
    """A date as a German user types it (14.03.2026, 14.3.26) or ISO (2026-03-14)."""
    from datetime import date

    from sro_case.domain.dates import DateTextError, parse_typed_date

    try:
        return parse_typed_date(text, today=date.today())
    except DateTextError:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)"
        ) from None


def cmd_note(args: argparse.Namespace) -> int:
    """Entries of a case's Verlauf: add one as the unlocking user, or list what that user may
    read (§ 65: entrusted entries only for their author and the lead worker, unless a
    consent releases them)."""
    from sro_case.domain.models import NoteDraft
    from sro_case.printouts import print_notes

    with _open(args) as store:
        case_id = store.cases.id_for(args.case)
        if args.action == "add":
            if not args.text:
                raise UsageError("„note add“ braucht --text.")
            note = store.cases.add_note(
                case_id,
                NoteDraft(
                    occurred_on=args.date or store.clock.today(),
                    kind=args.kind,
                    text=args.text,
                    participants=args.participants,
                    entrusted=args.entrusted,
                ),
            )
            _out(
                f"Eintrag {note.id} zum Fall {args.case} gespeichert"
                + (" (anvertraut nach § 65 SGB VIII)." if note.entrusted else ".")
            )
            return EXIT_OK
        notes = store.cases.get(case_id).notes  # the read is audited like in the client
    print_notes(notes, as_json=args.json)
    return EXIT_OK


def cmd_case(args: argparse.Namespace) -> int:
    """``case show``: the case file as the unlocking user may read it (the read is audited)."""
    from dataclasses import asdict

    with _open(args) as store:
        detail = store.cases.get(store.cases.id_for(args.case))
    if args.json:
        _out(json.dumps({"case": asdict(detail)}, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    _out(f"{detail.summary.file_number}  {detail.summary.family_name}")
    _out(f"{len(detail.notes)} Verlaufseinträge, {len(detail.goals)} Ziele")
    return EXIT_OK


def cmd_case_team(args: argparse.Namespace) -> int:
    raise UsageError("Fallteams gibt es auf dem Teamserver: --server URL --user ANMELDENAME.")


def cmd_user(args: argparse.Namespace) -> int:
    from sro_case.domain.models import UserDraft

    if args.action == "add":
        if not args.login or not args.name:
            raise UsageError("„user add“ braucht --login und --name.")
        with _open(args) as store:
            store.require_role("admin")  # before asking for a passphrase (the service checks too)
            new = _read_secret(
                args, env=NEW_PASSPHRASE_ENV, prompt=f"Passphrase für {args.login}: ", confirm=True
            )
            store.users.add_with_passphrase(UserDraft(args.login, args.name, args.role), new)
        _out(f"Benutzer/in {args.login} angelegt, mit eigenem Schlüsselplatz.")
        return EXIT_OK
    if not args.login:
        raise UsageError("„user remove“ braucht --login.")
    with _open(args) as store:
        store.users.remove(args.login)  # admins only; not one's own access, not the last admin
        renewed = store.identity is not None  # version 2: the removal renewed the key
    if renewed:
        _out(
            f"Schlüsselplatz von {args.login} entfernt, Zugang deaktiviert und der "
            "Datenbankschlüssel für alle anderen erneuert (ihre Passphrasen und der "
            "Wiederherstellungsschlüssel gelten weiter). Ältere Sicherungen behalten den alten "
            "Schlüssel."
        )
        return EXIT_OK
    _out(f"Schlüsselplatz von {args.login} entfernt und Zugang deaktiviert.")
    if args.rotate:
        return cmd_rotate_key(args)
    _out(
        "Hinweis: Ältere Kopien der Schlüsseldatei (z. B. in Sicherungen) öffnen die Datenbank "
        "noch, bis der Schlüssel gewechselt wird (sro-case rotate-key)."
    )
    return EXIT_OK


# --------------------------------------------------------------------------- parser


_ARGPARSE_DE = {
    "usage: ": "Aufruf: ",
    "argument %(argument_name)s: %(message)s": "Argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Auswahl: %(value)r (möglich: %(choices)s)",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "the following arguments are required: %s": "diese Argumente fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Argumente: %s",
    "expected one argument": "erwartet einen Wert",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Option: %(option)s passt zu %(matches)s",
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
}
argparse._ = lambda text: _ARGPARSE_DE.get(text, text)  # type: ignore[attr-defined]


class _GermanHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        return super().add_usage(usage, actions, groups, prefix or "Aufruf: ")


class _Parser(argparse.ArgumentParser):
    """argparse with German headings and messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _GermanHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Befehle und Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: Fehler: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sro-case",
        description="SRO-Fallmanagement: verschlüsseltes Fallmanagement nach SGB VIII.",
        epilog=f"Die Passphrase kommt aus {PASSPHRASE_ENV}, aus --passphrase-file oder aus "
        "einer Eingabeaufforderung, nie aus einem Argument.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"sro-case {__version__}",
        help="Programmversion anzeigen",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="prüfen, ob die Installation vollständig ist (legt eine Testdatenbank in einem "
        "temporären Ordner an, schreibt und liest einen Fall, erzeugt ein PDF, öffnet das "
        "Hauptfenster ohne Bildschirm); Exit-Code 0 heißt: alles in Ordnung",
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=_Parser)

    def add(
        name: str,
        func: Callable[[argparse.Namespace], int],
        help_text: str,
        *,
        passphrase: bool = True,
        server: bool = False,
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, prog=f"sro-case {name}")
        if server:  # also against the team server: --server URL --user LOGIN
            add_server_options(p)
        p.add_argument(
            "--db",
            type=Path,
            default=default_database_path(),
            help="Datenbankdatei (Standard: %(default)s)",
        )
        if passphrase:
            p.add_argument(
                "--passphrase-file",
                metavar="DATEI",
                help="Datei, deren erste Zeile die Passphrase ist",
            )
            p.add_argument(
                "--user",
                metavar="ANMELDENAME",
                default=None,
                help="nur den Schlüsselplatz dieser Person versuchen",
            )
        p.set_defaults(func=func)
        return p

    p = add("gui", cmd_gui, "die Desktop-Anwendung starten", passphrase=False)
    # without --db the client asks (start screen: anlegen / öffnen / Demo) unless a database
    # was opened before; the default path would skip straight to "create"
    p.set_defaults(db=None)
    p = add("init", cmd_init, "eine neue verschlüsselte Datenbank anlegen")
    p.add_argument("--admin", default="admin", help="Anmeldename der Administration")
    p = add("demo", cmd_demo, "Demodaten erzeugen (legt die Datenbank an, falls nötig)")
    p.add_argument("--cases", type=int, default=200, help="Anzahl Fälle (Standard: 200)")
    p.add_argument("--seed", type=int, default=1, help="Startwert für reproduzierbare Daten")
    p = add("info", cmd_info, "Schemastand und Anzahl der Datensätze je Art", server=True)
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p = add("cases", cmd_cases, "Fälle auflisten", server=True)
    p.add_argument("--search", default=None, help="Suche nach Namen oder Aktenzeichen")
    p.add_argument("--limit", type=int, default=None, help="höchstens so viele Fälle")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    add("check", cmd_check, "Integrität, Verschlüsselung und Protokollkette prüfen")
    p = add(
        "audit",
        cmd_audit,
        "Protokollkette prüfen: sro-case audit verify --db PFAD (oder --server URL --user …)",
        server=True,
    )
    p.add_argument("audit_command", choices=["verify"], metavar="verify")
    p = add(
        "import",
        cmd_import,
        "Fallliste aus CSV oder XLSX importieren (alles oder nichts)",
        server=True,
    )
    p.add_argument("file", metavar="DATEI", help=".csv oder .xlsx")
    p = add(
        "export-stats",
        cmd_export_stats,
        "anonymisierte Statistik für das Controlling (CSV, XLSX oder PDF)",
        server=True,
    )
    p.add_argument("--from", dest="date_from", type=_iso_date, required=True, metavar="JJJJ-MM-TT")
    p.add_argument("--to", dest="date_to", type=_iso_date, required=True, metavar="JJJJ-MM-TT")
    p.add_argument("--out", required=True, metavar="DATEI", help=".csv, .xlsx oder .pdf")
    p.add_argument(
        "--min-cell",
        type=int,
        default=3,
        metavar="N",
        help="kleinste veröffentlichte Fallzahl (mindestens 3, Standard 3)",
    )
    p = add("protocol", cmd_protocol, "Konferenzprotokoll oder Hilfeplan als PDF", server=True)
    p.add_argument("--case", required=True, metavar="AKTENZEICHEN")
    p.add_argument(
        "--conference",
        type=int,
        default=None,
        metavar="N",
        help="Nummer der Konferenz (Standard: die letzte)",
    )
    p.add_argument("--out", required=True, metavar="DATEI.pdf")
    p.add_argument(
        "--document",
        choices=["protokoll", "hilfeplan"],
        default="protokoll",
        help="Konferenzprotokoll (Standard) oder Hilfeplan nach § 36 SGB VIII",
    )
    p.add_argument(
        "--initials",
        action="store_true",
        default=None,
        help="Initialen statt Namen (sonst gilt die Einstellung des Falls)",
    )
    p = add("retention", cmd_retention, "Löschfristen: fällige Fälle anzeigen, mit --apply löschen")
    p.add_argument("--apply", action="store_true", help="personenbezogene Daten wirklich löschen")
    p.add_argument("--yes", action="store_true", help="ohne Rückfrage (für Skripte)")
    p = add(
        "export-all",
        cmd_export_all,
        "gesamte Datenbank als offene Daten (JSON Lines + Schemabeschreibung) schreiben",
    )
    p.add_argument("--out", required=True, metavar="ORDNER")
    p = add(
        "import-all",
        cmd_import_all,
        "offene Daten aus export-all in eine neue, leere Datenbank laden",
    )
    p.add_argument("--in", dest="source", required=True, metavar="ORDNER")
    p = add(
        "access-request",
        cmd_access_request,
        "Auskunft nach Art. 15 DSGVO über eine Person (PDF und JSON)",
    )
    p.add_argument("--person", type=int, required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="ORDNER")
    p = add("backup", cmd_backup, "verschlüsselte, geprüfte Sicherung anlegen")
    p.add_argument(
        "--to",
        metavar="ORDNER",
        default=None,
        help="Sicherungsordner (Standard: „Sicherungen“ neben der Datenbank)",
    )
    p.add_argument(
        "--keep",
        type=int,
        default=14,
        metavar="N",
        help="so viele Sicherungen behalten (Standard 14)",
    )
    p = add(
        "restore", cmd_restore, "Sicherung in eine neue Datei wiederherstellen (--db ist das Ziel)"
    )
    p.add_argument("--from", dest="source", required=True, metavar="DATEI")
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="eine vorhandene Datenbank ersetzen (sie wird vorher gesichert)",
    )
    p.add_argument("--yes", action="store_true", help="ohne Rückfrage (für Skripte)")
    add(
        "rotate-key",
        cmd_rotate_key,
        "neuen Datenbankschlüssel erzeugen (wenn ein Schlüssel bekannt geworden sein kann)",
    )
    p = add(
        "note",
        cmd_note,
        "Verlaufseintrag anlegen oder die lesbaren Einträge eines Falls zeigen",
        server=True,
    )
    p.add_argument("action", choices=["add", "list"], metavar="add|list")
    p.add_argument("--case", required=True, metavar="AKTENZEICHEN")
    p.add_argument("--text", default=None, metavar="TEXT")
    p.add_argument(
        "--kind",
        default="other",
        choices=[
            "home_visit",
            "counselling",
            "phone",
            "school_visit",
            "kita_talk",
            "email",
            "other",
        ],
        help="Art des Kontakts (Standard: other = Sonstiges)",
    )
    p.add_argument("--date", type=_day, default=None, metavar="TT.MM.JJJJ", help="Standard: heute")
    p.add_argument("--participants", default="", metavar="WER", help="Beteiligte")
    p.add_argument(
        "--entrusted", action="store_true", help="anvertraut (§ 65 SGB VIII): nur für Sie lesbar"
    )
    p.add_argument("--json", action="store_true", help="als JSON ausgeben (list)")
    p = add(
        "user",
        cmd_user,
        "Benutzer/innen mit eigenem Schlüsselplatz (oder Zugang auf dem Teamserver) anlegen oder "
        "entfernen",
        server=True,
    )
    p.add_argument("action", choices=["add", "remove"], metavar="add|remove")
    p.add_argument("--login", default=None, metavar="ANMELDENAME")
    p.add_argument("--name", default=None, metavar="NAME")
    p.add_argument(
        "--role",
        default="caseworker",
        choices=["caseworker", "facilitator", "team_lead", "controlling", "admin"],
        help="team_lead (Teamleitung) nur auf dem Teamserver",
    )
    p.add_argument(
        "--discipline",
        default=None,
        metavar="CODE",
        help="Fachbereich aus dem Katalog der Disziplinen, z. B. asd, schulsozialarbeit, kita "
        "(Teamserver)",
    )
    p.add_argument("--team", default=None, metavar="TEAM", help="Team (Teamserver)")
    p.add_argument(
        "--rotate", action="store_true", help="nach dem Entfernen den Datenbankschlüssel wechseln"
    )
    add("passwd", cmd_passwd, f"Passphrase ändern (neue aus {NEW_PASSPHRASE_ENV} oder Eingabe)")
    p = add("case", cmd_case, "einen Fall so zeigen, wie Sie ihn sehen dürfen", server=True)
    p.add_argument("action", choices=["show"], metavar="show")
    p.add_argument("--case", required=True, metavar="AKTENZEICHEN")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p = add(
        "case-team",
        cmd_case_team,
        "Fallteam eines Falls: Kolleginnen und Kollegen hinzufügen, entfernen, auflisten "
        "(Teamserver)",
        server=True,
    )
    p.add_argument("action", choices=["add", "remove", "list"], metavar="add|remove|list")
    p.add_argument("--case", required=True, metavar="AKTENZEICHEN")
    p.add_argument("--login", default=None, metavar="ANMELDENAME")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben (list)")
    add_server_command(sub, _Parser)
    return parser


def _plain_gui_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """``sro-case``, ``sro-case gui`` and either with ``--db PATH``: the start a user clicks,
    taken without building the parser of every command (7 ms of the start to the unlock
    dialog). Anything else goes through the full parser."""
    rest = list(argv[1:] if argv[:1] == ["gui"] else argv)
    if rest and rest[0].startswith("--db="):
        rest = ["--db", rest[0][len("--db=") :], *rest[1:]]
    if rest == []:
        db = None
    elif len(rest) == 2 and rest[0] == "--db" and rest[1] and not rest[1].startswith("-"):
        db = Path(rest[1])
    else:
        return None
    return argparse.Namespace(command="gui", func=cmd_gui, db=db, self_test=False)


def main(argv: Sequence[str] | None = None, *, desktop: Desktop | None = None) -> int:
    """The command line; with ``desktop`` (``ui.launcher``) also the desktop client and the
    self-test's window part."""
    given = list(sys.argv[1:] if argv is None else argv)
    args = _plain_gui_start(given)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(given)
        if args.self_test:
            from sro_case.selftest import run as self_test

            return self_test(window=desktop.check_window if desktop else None)
        if args.command is None:
            args = parser.parse_args(["gui", *given])
    args.desktop = desktop
    try:
        if getattr(args, "server", None):
            return run_remote(args, lambda: _passphrase(args))
        return int(args.func(args))
    except PermissionDenied as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_NOT_ALLOWED
    except SroCaseError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as exc:
        print(f"Fehler beim Zugriff auf eine Datei: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:
        # SQLAlchemy is imported only by the commands that open a database (it is the
        # largest part of the start time); if it is not loaded, this cannot be its error.
        sa_exc = sys.modules.get("sqlalchemy.exc")
        if sa_exc is None or not isinstance(exc, sa_exc.DBAPIError):
            raise
        from sro_case.accounts.vault import damaged_message

        db = getattr(args, "db", "")
        detail = str(getattr(exc, "orig", exc))
        if "disk" in detail or "full" in detail:
            print(
                f"Fehler: Der Datenträger ist voll ({detail}). Es wurde nichts gespeichert.",
                file=sys.stderr,
            )
        else:
            print(f"Fehler: {damaged_message(Path(db))} ({detail})", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
