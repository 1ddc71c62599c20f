"""Import of case lists as offices keep them in Excel (``.csv`` or ``.xlsx``).

Parsing is split from writing: ``parse_file`` reads and validates without a database, so a
preview and the property tests need no store; ``import_file`` writes everything in one
transaction or nothing at all. One bad row rejects the whole file, because a half-imported
list is worse than none: nobody can tell afterwards which rows are in the database.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from sro_case.clock import SYSTEM_CLOCK
from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import age_in_years, catalogue, initial_status
from sro_case.domain.enums import Sex
from sro_case.domain.messages import T
from sro_case.domain.validation import NAME_MAX, Checker
from sro_case.errors import ValidationError
from sro_case.services import search_index
from sro_case.storage.orm import (
    CaseRecord,
    FamilyRecord,
    HelpRecord,
    PersonRecord,
    SocialSpaceRecord,
    StatusChangeRecord,
    UserRecord,
)

if TYPE_CHECKING:
    from sro_case.services.store import Store

COLUMNS = (
    "Aktenzeichen",
    "Familienname",
    "Vorname",
    "Geburtsdatum",
    "Geschlecht",
    "Sozialraum",
    "Hilfeart",
    "Beginn",
    "Ende",
    "Fachkraft",
)
FAMILY_PREFIX = "Familie "
LAST_NAME_MAX = NAME_MAX - len(FAMILY_PREFIX)  # so that "Familie <Name>" fits the family record
WORKER_MAX = 100
CSV_SUFFIXES = (".csv",)
XLSX_SUFFIXES = (".xlsx", ".xlsm")

CP1252_NOTE = (
    "Die Datei ist nicht in UTF-8 gespeichert und wurde als Windows-1252 gelesen "
    "(so speichert Excel „CSV (Trennzeichen-getrennt)“). Bitte prüfen Sie Umlaute und "
    "Sonderzeichen in den importierten Namen; „CSV UTF-8“ ist die sicherere Wahl."
)

Cell = str | int | float | bool | date | datetime | time | None


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ImportProblem:
    """One refused cell. ``row`` is the row number Excel shows (header = 1, 0 = the whole file);
    ``column`` is a header name, ``""`` when the problem concerns the row or file as a whole."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.row <= 0:
            return f"Datei: {self.message}"
        if not self.column:
            return f"Zeile {self.row}: {self.message}"
        return f"Zeile {self.row}, Spalte „{self.column}“: {self.message}"


@dataclass(frozen=True)
class ImportRow:
    """One validated data row; codes are catalogue codes, ``sex`` a ``Sex`` value."""

    row: int
    file_number: str
    last_name: str
    first_name: str
    birth_date: date | None
    sex: str
    social_space: str
    help_type: str
    start_on: date
    end_on: date | None
    lead_worker: str  # as written in the file (name or login), "" if none


@dataclass(frozen=True)
class ParsedImport:
    """What a file holds. ``rows`` are the rows that passed on their own; the file may only be
    imported if ``problems`` is empty."""

    rows: tuple[ImportRow, ...]
    problems: tuple[ImportProblem, ...]
    encoding_note: str = ""
    source_name: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportReport:
    cases_created: int
    cases_extended: int
    persons_added: int
    helps_added: int
    encoding_note: str = ""
    cases_unchanged: int = 0  # already in the database, nothing new in the file
    users_created: tuple[str, ...] = ()  # logins of workers created for the Fachkraft column
    rows: int = 0

    def summary(self) -> str:
        """German lines for the CLI and the import dialog."""
        lines = [
            f"{self.rows} Zeilen importiert: {self.cases_created} Fälle neu angelegt, "
            f"{self.cases_extended} Fälle ergänzt, {self.persons_added} Personen und "
            f"{self.helps_added} Hilfen hinzugefügt."
        ]
        if self.cases_unchanged:
            lines.append(f"{self.cases_unchanged} Fälle waren bereits vollständig vorhanden.")
        if self.users_created:
            lines.append(
                "Neu angelegte Fachkräfte (Rolle Fachkraft, noch ohne Zugang): "
                + ", ".join(self.users_created)
            )
        if self.encoding_note:
            lines.append(self.encoding_note)
        return "\n".join(lines)


class ImportRejected(ValidationError):
    """The file was refused as a whole; nothing was written. Unlike the base class,
    ``problems`` holds ``ImportProblem`` objects (row, column, message)."""

    exit_code = 4

    def __init__(self, problems: Sequence[ImportProblem], encoding_note: str = "") -> None:
        ordered = sorted(problems, key=lambda p: (p.row, _column_order(p.column)))
        lines = [
            f"Die Datei wurde nicht importiert, es wurde nichts verändert. "
            f"{_count(len(ordered), 'Problem', 'Probleme')}:"
        ]
        lines += [f"  {p}" for p in ordered]
        if encoding_note:
            lines.append(encoding_note)
        # Skip ValidationError.__init__: it expects (field, message) pairs.
        Exception.__init__(self, "\n".join(lines))
        self.problems = ordered  # type: ignore[assignment]
        self.encoding_note = encoding_note


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _column_order(column: str) -> int:
    return COLUMNS.index(column) if column in COLUMNS else len(COLUMNS)


# --------------------------------------------------------------------------- reading files


@dataclass
class _Table:
    rows: list[tuple[int, list[Cell]]]
    problems: list[ImportProblem]
    note: str = ""


def _read_csv(path: Path) -> _Table:
    """Semicolon-separated; UTF-8 with or without BOM, else cp1252 (German Excel's ANSI CSV)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return _Table([], [ImportProblem(0, "", f"Die Datei kann nicht gelesen werden ({exc}).")])
    note = ""
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            content = raw.removeprefix(b"\xef\xbb\xbf").decode("cp1252")
        except UnicodeDecodeError:
            return _Table(
                [],
                [
                    ImportProblem(
                        0,
                        "",
                        "Die Zeichenkodierung ist weder UTF-8 noch Windows-1252. Bitte in Excel "
                        "als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern.",
                    )
                ],
            )
        note = CP1252_NOTE
    rows: list[tuple[int, list[Cell]]] = []
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=";", quotechar='"')
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            rows.append((number, list(record)))
    except csv.Error as exc:
        message = f"Die Zeile kann nicht als CSV gelesen werden ({exc})."
        return _Table(rows, [ImportProblem(number + 1, "", message)], note)
    # Excel's "sep=;" hint line is not shown as a row in Excel.
    if rows and [str(c).strip().casefold() for c in rows[0][1]] in (["sep="], ["sep=;"]):
        rows = [(n - 1, cells) for n, cells in rows[1:]]
    return _Table(rows, [], note)


def _read_xlsx(path: Path) -> _Table:
    """The first worksheet; cached values, never formulas."""
    import openpyxl  # only needed here, and slow to import

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged or foreign files
        return _Table(
            [],
            [
                ImportProblem(
                    0,
                    "",
                    f"Die Datei kann nicht als Excel-Arbeitsmappe (.xlsx) gelesen werden "
                    f"({type(exc).__name__}).",
                )
            ],
        )
    try:
        if not wb.worksheets:
            return _Table([], [ImportProblem(0, "", "Die Arbeitsmappe enthält kein Blatt.")])
        ws = wb.worksheets[0]
        note = ""
        if len(wb.worksheets) > 1:
            note = f"Nur das erste Tabellenblatt („{_shorten(ws.title)}“) wurde gelesen."
        ws.reset_dimensions()  # some programs write wrong dimensions; read what is there
        rows = [
            (number, list(values))
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1)
        ]
        return _Table(rows, [], note)
    except Exception as exc:  # a damaged sheet inside a readable zip
        return _Table(
            [],
            [
                ImportProblem(
                    0, "", f"Das Tabellenblatt kann nicht gelesen werden ({type(exc).__name__})."
                )
            ],
        )
    finally:
        wb.close()


# --------------------------------------------------------------------------- cell conversion


def _shorten(value: str, limit: int = 40) -> str:
    """A cell value fit to quote in a message: no control characters, not endless."""
    clean = "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in value)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _text(value: Cell) -> str:
    """A cell as text: numbers without a trailing ``.0``, dates as TT.MM.JJJJ."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "WAHR" if value else "FALSCH"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    return str(value)


_GERMAN_DATE = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?", re.ASCII
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?", re.ASCII)


def _date(c: Checker, column: str, value: Cell) -> date | None:
    """A real date cell, or text ``TT.MM.JJJJ`` (``JJJJ-MM-TT`` is unambiguous, so accepted)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        c.fail(
            column,
            T(
                "„{value}“ ist eine Zahl, kein Datum. Bitte das Datum als TT.MM.JJJJ "
                "eingeben oder die Zelle als Datum formatieren.",
                value=_text(value),
            ),
        )
        return None
    text = unicodedata.normalize("NFC", _text(value)).strip()
    if not text:
        return None
    german = _GERMAN_DATE.fullmatch(text)
    iso = _ISO_DATE.fullmatch(text)
    try:
        if german:
            return date(int(german[3]), int(german[2]), int(german[1]))
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        c.fail(column, T("„{value}“ ist kein gültiges Datum.", value=_shorten(text)))
        return None
    c.fail(column, T("„{value}“ ist kein Datum im Format TT.MM.JJJJ.", value=_shorten(text)))
    return None


def _help_key(text: str) -> str:
    """``§ 31``, ``§31``, ``§§ 22-24`` and ``35 a`` compare equal to the catalogue's spelling."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.replace("–", "-").replace("—", "-").replace("§§", "§")
    return "".join(t.split())


def _help_lookup() -> dict[str, str]:
    """Every accepted spelling of a help type → its code. ``§ 27`` alone means ``§ 27 Abs. 2``
    as long as the catalogue has only one help under that paragraph."""
    table: dict[str, str] = {}
    by_paragraph: dict[str, set[str]] = {}
    for item in catalogue("help_types"):
        para = str(item.get("paragraph", "") or "")
        for spelling in (item.code, item.name, para, para.lstrip("§ ")):
            if spelling:
                table.setdefault(_help_key(spelling), item.code)
        if para:
            head = _help_key(re.split(r"\s*Abs\.", para)[0])
            by_paragraph.setdefault(head, set()).add(item.code)
    for head, codes in by_paragraph.items():
        if len(codes) == 1:
            table.setdefault(head, next(iter(codes)))
            table.setdefault(head.lstrip("§"), next(iter(codes)))
    return table


def _choice(
    c: Checker,
    column: str,
    value: Cell,
    find: dict[str, str],
    key: Callable[[str], str],
    hint: str,
) -> str:
    text = unicodedata.normalize("NFC", _text(value)).strip()
    if not text:
        c.fail(column, "darf nicht leer sein.")
        return ""
    code = find.get(key(text))
    if code is None:
        c.fail(column, T("„{value}“ ist nicht bekannt. {hint}", value=_shorten(text), hint=hint))
        return ""
    return code


def _space_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _space_lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for item in catalogue("social_spaces"):
        table.setdefault(_space_key(item.code), item.code)
        table.setdefault(_space_key(item.name), item.code)
    return table


def _sex(c: Checker, value: Cell) -> str:
    text = unicodedata.normalize("NFC", _text(value)).strip()
    if not text:
        return Sex.UNSPECIFIED.value
    try:
        return Sex.parse(text).value
    except ValueError:
        c.fail(
            "Geschlecht",
            T(
                "„{value}“ ist nicht zulässig (weiblich, männlich, divers, ohne Angabe "
                "oder kurz w, m, d).",
                value=_shorten(text),
            ),
        )
        return ""


# --------------------------------------------------------------------------- parsing


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _header(number: int, cells: list[Cell]) -> tuple[dict[int, str], ImportProblem | None]:
    """Column index → expected column name, or one problem that says what is wrong."""
    expected = {name.casefold(): name for name in COLUMNS}
    names = [unicodedata.normalize("NFC", _text(c)).strip().lstrip("\ufeff").strip() for c in cells]
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    doubled: list[str] = []
    for index, name in enumerate(names):
        if not name:
            continue
        column = expected.get(" ".join(name.split()).casefold())
        if column is None:
            unknown.append(f"„{_shorten(name)}“")
        elif column in mapping.values():
            doubled.append(f"„{column}“")
        else:
            mapping[index] = column
    missing = [f"„{name}“" for name in COLUMNS if name not in mapping.values()]
    if not (missing or unknown or doubled):
        return mapping, None
    filled = [n for n in names if n]
    if len(filled) == 1 and ("," in filled[0] or "\t" in filled[0]):
        message = (
            "Die Spalten müssen durch Semikolon (;) getrennt sein, die Kopfzeile enthält aber "
            "Kommas oder Tabulatoren. Bitte in Excel als „CSV UTF-8 (durch Trennzeichen "
            "getrennt)“ mit deutschen Ländereinstellungen speichern."
        )
    else:
        parts = []
        if missing:
            parts.append("es fehlen die Spalten " + ", ".join(missing))
        if unknown:
            parts.append("unbekannte Spalten " + ", ".join(unknown))
        if doubled:
            parts.append("doppelte Spalten " + ", ".join(doubled))
        message = (
            "Die Kopfzeile passt nicht: "
            + "; ".join(parts)
            + ". Erwartet wird die Kopfzeile "
            + ";".join(COLUMNS)
            + "."
        )
    return mapping, ImportProblem(number, "", message)


def _row(
    number: int,
    values: dict[str, Cell],
    today: date,
    spaces: dict[str, str],
    helps: dict[str, str],
) -> tuple[ImportRow | None, list[ImportProblem]]:
    c = Checker()
    file_number = rules.check_file_number(c, _text(values.get("Aktenzeichen")))
    last = c.text(
        "Familienname", _text(values.get("Familienname")), required=True, max_len=LAST_NAME_MAX
    )
    first = c.text("Vorname", _text(values.get("Vorname")), required=True)
    birth = c.date(
        "Geburtsdatum", _date(c, "Geburtsdatum", values.get("Geburtsdatum")), not_future=today
    )
    sex = _sex(c, values.get("Geschlecht"))
    space = _choice(
        c,
        "Sozialraum",
        values.get("Sozialraum"),
        spaces,
        _space_key,
        T("Bitte den Namen oder das Kürzel eines Sozialraums aus dem Katalog angeben."),
    )
    help_type = _choice(
        c,
        "Hilfeart",
        values.get("Hilfeart"),
        helps,
        _help_key,
        T("Bitte den Paragraphen (z. B. „§ 31“) oder den Namen aus dem Katalog angeben."),
    )
    known = len(c.problems)
    start_raw = _date(c, "Beginn", values.get("Beginn"))
    start = c.date("Beginn", start_raw, required=len(c.problems) == known)
    end = c.date("Ende", _date(c, "Ende", values.get("Ende")))
    c.order("Ende", start, end, "dem Beginn")
    worker = c.text("Fachkraft", _text(values.get("Fachkraft")), max_len=WORKER_MAX)
    problems = [ImportProblem(number, column, message) for column, message in c.problems]
    if problems or start is None:
        return None, problems
    row = ImportRow(
        row=number,
        file_number=file_number,
        last_name=last,
        first_name=first,
        birth_date=birth,
        sex=sex,
        social_space=space,
        help_type=help_type,
        start_on=start,
        end_on=end,
        lead_worker=worker,
    )
    return row, []


def _is_empty(cells: Iterable[Cell]) -> bool:
    return all(not _text(c).strip() for c in cells)


def parse_table(
    rows: Iterable[tuple[int, Sequence[Cell]]], *, today: date
) -> tuple[list[ImportRow], list[ImportProblem]]:
    """Rows as (Excel row number, cells), the header first. Pure: no files, no database."""
    parsed: list[ImportRow] = []
    problems: list[ImportProblem] = []
    mapping: dict[int, str] | None = None
    spaces, helps = _space_lookup(), _help_lookup()
    for number, cells in rows:
        cells = list(cells)
        if _is_empty(cells):
            continue
        if mapping is None:
            mapping, problem = _header(number, cells)
            if problem is not None:
                return [], [problem]
            continue
        values: dict[str, Cell] = {}
        stray: list[ImportProblem] = []
        for index, cell in enumerate(cells):
            column = mapping.get(index)
            if column is not None:
                values[column] = cell
            elif _text(cell).strip():
                stray.append(
                    ImportProblem(
                        number,
                        f"Spalte {_column_letter(index)}",
                        "enthält einen Wert, hat aber keine Überschrift.",
                    )
                )
        row, row_problems = _row(number, values, today, spaces, helps)
        problems += row_problems + stray
        if row is not None and not stray:
            parsed.append(row)
    if mapping is None:
        problems.append(ImportProblem(0, "", "Die Datei ist leer."))
    return parsed, problems


def parse_file(path: str | Path, *, today: date | None = None) -> ParsedImport:
    """Read and validate a ``.csv`` or ``.xlsx`` case list. Never raises for bad content:
    every problem is returned, so the user can fix the whole file in one go."""
    path = Path(path)
    today = today or SYSTEM_CLOCK.today()
    suffix = path.suffix.casefold()
    if suffix in CSV_SUFFIXES:
        table = _read_csv(path)
    elif suffix in XLSX_SUFFIXES:
        table = _read_xlsx(path)
    else:
        message = (
            f"Dateien vom Typ „{_shorten(suffix or path.name)}“ können nicht importiert werden. "
            "Bitte als .xlsx oder als .csv (Semikolon, UTF-8) speichern."
        )
        return ParsedImport((), (ImportProblem(0, "", message),), "", path.name)
    rows, problems = [], list(table.problems)
    if table.rows or not table.problems:
        rows, found = parse_table(table.rows, today=today)
        problems += found
    problems.sort(key=lambda p: (p.row, _column_order(p.column)))
    return ParsedImport(tuple(rows), tuple(problems), table.note, path.name)


# --------------------------------------------------------------------------- writing


def _person_key(first: str, last: str, birth: date | None) -> tuple[str, str, date | None]:
    return (first.casefold(), last.casefold(), birth)


def _role(birth: date | None, on: date) -> str:
    """Role from the age at the start of the help, as the statistics count it."""
    if birth is None:
        return "child"
    age = age_in_years(birth, on)
    if age < 14:
        return "child"
    return "adolescent" if age < 18 else "young_adult"


_GERMAN_FOLD = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def login_for(name: str, taken: set[str]) -> str:
    """``Anna-Lena Müller`` → ``anna-lena.mueller``; ``2``, ``3``, … appended until unique
    (``taken`` holds casefolded logins)."""
    folded = unicodedata.normalize("NFKD", name.translate(_GERMAN_FOLD))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    words = [re.sub(r"[^a-z0-9_-]", "", w).strip("-_") for w in ascii_text.split()]
    base = ".".join(w for w in words if w)[:90].strip(".-_") or "fachkraft"
    login, n = base, 1
    while login.casefold() in taken:
        n += 1
        login = f"{base}{n}"
    return login


class _Workers:
    """Finds the user a Fachkraft cell means (login first, then display name); creates
    caseworkers for names nobody has, once per name."""

    def __init__(self, store: Store, s: Session) -> None:
        self._store, self._s = store, s
        users = list(s.execute(select(UserRecord)).scalars())
        self._by_login = {u.login.casefold(): u.id for u in users}
        self._by_name: dict[str, list[int]] = {}
        for u in users:
            self._by_name.setdefault(u.name.casefold(), []).append(u.id)
        self._new: dict[str, int] = {}
        self.created: list[str] = []

    def problem(self, text: str) -> str | None:
        """A German message if ``text`` names more than one user."""
        key = text.casefold()
        if key not in self._by_login and len(self._by_name.get(key, [])) > 1:
            return (
                f"„{_shorten(text)}“ ist der Name mehrerer Benutzer/innen. Bitte den "
                "Anmeldenamen angeben."
            )
        return None

    def resolve(self, text: str) -> int | None:
        if not text:
            return None
        key = text.casefold()
        if key in self._by_login:
            return self._by_login[key]
        if self._by_name.get(key):
            return self._by_name[key][0]
        if key in self._new:
            return self._new[key]
        draft = rules.check_user(m.UserDraft(login_for(text, set(self._by_login)), text))
        user = UserRecord(
            login=draft.login,
            name=draft.name,
            role="caseworker",
            active=True,
            created_at=self._store.clock.now(),
        )
        self._s.add(user)
        self._s.flush()
        self._store.audit(self._s, "create", "user", user.id, detail="caseworker")
        self._by_login[user.login.casefold()] = user.id
        self._new[key] = user.id
        self.created.append(user.login)
        return user.id


def import_file(store: Store, path: str | Path) -> ImportReport:
    """Parse ``path`` and import it in one transaction. Raises ``ImportRejected`` (nothing
    written) if any row is wrong."""
    store.require_case_access()
    return import_parsed(store, parse_file(path, today=store.clock.today()))


def import_parsed(store: Store, parsed: ParsedImport) -> ImportReport:
    """Write a parsed file (e.g. after a preview in the GUI): all rows or none."""
    store.require_case_access()
    if parsed.problems:
        raise ImportRejected(parsed.problems, parsed.encoding_note)
    today = store.clock.today()
    groups: dict[str, list[ImportRow]] = {}
    for row in parsed.rows:
        groups.setdefault(row.file_number, []).append(row)

    with store.write() as s:
        spaces = dict(s.execute(select(SocialSpaceRecord.code, SocialSpaceRecord.id)).all())
        existing: dict[str, CaseRecord] = {}
        numbers = list(groups)
        for i in range(0, len(numbers), 500):
            for case in s.execute(
                select(CaseRecord).where(CaseRecord.file_number.in_(numbers[i : i + 500]))
            ).scalars():
                existing[case.file_number] = case
        workers = _Workers(store, s)

        problems: list[ImportProblem] = []
        for number, rows in groups.items():
            if number in existing:
                continue  # an existing case keeps its own social space and lead worker
            first = rows[0]
            if first.social_space not in spaces:
                problems.append(
                    ImportProblem(
                        first.row,
                        "Sozialraum",
                        f"„{first.social_space}“ ist in dieser Datenbank nicht angelegt.",
                    )
                )
            worker_row = next((r for r in rows if r.lead_worker), None)
            if worker_row is not None:
                message = workers.problem(worker_row.lead_worker)
                if message:
                    problems.append(ImportProblem(worker_row.row, "Fachkraft", message))
        if problems:
            raise ImportRejected(problems, parsed.encoding_note)

        created = extended = unchanged = persons_added = helps_added = 0
        for number, rows in groups.items():
            case = existing.get(number)
            persons: dict[tuple[str, str, date | None], int] = {}
            helps: set[tuple[int, str, date, date | None]] = set()
            if case is None:
                case = _create_case(store, s, number, rows, spaces, workers, today)
                created += 1
                is_new = True
            else:
                for p in s.execute(
                    select(PersonRecord).where(PersonRecord.family_id == case.family_id)
                ).scalars():
                    persons.setdefault(_person_key(p.first_name, p.last_name, p.birth_date), p.id)
                for h in s.execute(
                    select(HelpRecord).where(HelpRecord.case_id == case.id)
                ).scalars():
                    if h.person_id is not None:
                        helps.add((h.person_id, h.help_type, h.start_on, h.end_on))
                is_new = False
            new_persons = new_helps = 0
            for row in rows:
                key = _person_key(row.first_name, row.last_name, row.birth_date)
                person_id = persons.get(key)
                if person_id is None:
                    person = PersonRecord(
                        family_id=case.family_id,
                        first_name=row.first_name,
                        last_name=row.last_name,
                        birth_date=row.birth_date,
                        sex=row.sex,
                        role=_role(row.birth_date, row.start_on),
                    )
                    s.add(person)
                    s.flush()
                    person_id = persons[key] = person.id
                    new_persons += 1
                help_key = (person_id, row.help_type, row.start_on, row.end_on)
                if help_key not in helps:
                    helps.add(help_key)
                    s.add(
                        HelpRecord(
                            case_id=case.id,
                            person_id=person_id,
                            help_type=row.help_type,
                            start_on=row.start_on,
                            end_on=row.end_on,
                        )
                    )
                    new_helps += 1
            persons_added += new_persons
            helps_added += new_helps
            if is_new or new_persons or new_helps:
                s.flush()
                search_index.reindex_case(s, case.id)
            if not is_new:
                if new_persons or new_helps:
                    extended += 1
                    store.audit(
                        s,
                        "import",
                        "case",
                        case.id,
                        case_id=case.id,
                        detail=f"{new_persons} Personen, {new_helps} Hilfen ergänzt",
                    )
                else:
                    unchanged += 1

        report = ImportReport(
            cases_created=created,
            cases_extended=extended,
            persons_added=persons_added,
            helps_added=helps_added,
            encoding_note=parsed.encoding_note,
            cases_unchanged=unchanged,
            users_created=tuple(workers.created),
            rows=len(parsed.rows),
        )
        store.audit(
            s,
            "import",
            "import",
            detail=(
                f"{parsed.source_name}: {len(parsed.rows)} Zeilen, {created} Fälle neu, "
                f"{extended} ergänzt, {persons_added} Personen, {helps_added} Hilfen, "
                f"{len(workers.created)} Fachkräfte neu"
            ),
        )
        return report


def _create_case(
    store: Store,
    s: Session,
    number: str,
    rows: list[ImportRow],
    spaces: dict[str, int],
    workers: _Workers,
    today: date,
) -> CaseRecord:
    """Family and case from the first row of an Aktenzeichen (persons and helps follow)."""
    first = rows[0]
    draft = m.FamilyDraft(display_name=FAMILY_PREFIX + first.last_name, social_space="")
    family = FamilyRecord(
        display_name=draft.display_name,
        street=draft.street,
        postal_code=draft.postal_code,
        city=draft.city,
        social_space_id=spaces[first.social_space],
    )
    s.add(family)
    s.flush()
    opened = min(min(r.start_on for r in rows), today)
    worker = next((r.lead_worker for r in rows if r.lead_worker), "")
    status = initial_status()
    case = CaseRecord(
        file_number=number,
        family_id=family.id,
        lead_worker_id=workers.resolve(worker),
        social_space_id=family.social_space_id,
        opened_on=opened,
        status=status,
        reason_for_contact="",
        focus_areas="",
        child_protection=False,
    )
    s.add(case)
    s.flush()
    s.add(
        StatusChangeRecord(case_id=case.id, changed_on=opened, from_status=None, to_status=status)
    )
    store.audit(s, "create", "case", case.id, case_id=case.id)
    return case
