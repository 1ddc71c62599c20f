"""Import of case lists as offices keep them in Excel (``.csv`` or ``.xlsx``).

Parsing is split from writing: ``parse_file`` reads and validates without a database, so a
preview and the property tests need no store; ``import_file`` writes everything in one
transaction or nothing at all. One bad row rejects the whole file, because a half-imported
list is worse than none: nobody can tell afterwards which rows are in the database.

Names in a list never create or change accounts: the Fachkraft column only links a new case to
an existing, active user (by login or display name); anything else is a problem named by row and
column. Accounts carry roles and key slots and are made by an administrator, not by a spreadsheet
(issue #14: a list saying ``wiederherstellung`` once turned the recovery key into a caseworker).

Files are checked against fixed limits before their content is parsed (size, rows, cell length,
and for ``.xlsx`` the zip structure, read from the central directory without unpacking), and read
as a stream, so neither a zip bomb nor a huge CSV can exhaust memory. Parsing needs no database:
callers that hold the writer lock only while writing call ``parse_file`` first and then
``import_parsed``.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sro_case.cases import search_index
from sro_case.clock import SYSTEM_CLOCK
from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import age_in_years, catalogue, initial_status
from sro_case.domain.enums import Sex
from sro_case.domain.formatting import german_date
from sro_case.domain.messages import T
from sro_case.domain.validation import NAME_MAX, Checker
from sro_case.errors import ValidationError
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
    from sro_case.kernel.unit_of_work import UnitOfWork

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

# Limits, checked before the content is parsed. A whole city's case list is far below each
# of them; a file over one is refused as a whole, with a message that names the limit.
MAX_FILE_BYTES = 50 * 1024 * 1024  # 100,000 rows are ~15 MB of CSV and ~5 MB of .xlsx
MAX_ROWS = 100_000  # data rows (filled rows after the header)
MAX_RECORDS = 1_048_576  # rows read at all, empty ones included (Excel's sheet maximum)
MAX_CELL_CHARS = 1_000  # the longest field (a name) takes 200
MAX_COLUMNS = 50  # filled columns per row; 10 are expected
MAX_LINE_CHARS = 64 * 1024  # one CSV line: MAX_COLUMNS cells of MAX_CELL_CHARS, with margin
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024  # all members unpacked; 100,000 rows are ~50 MB
MAX_XLSX_RATIO = 200  # unpacked : packed per member; sheets pack ~10:1, zip bombs ~1000:1
XLSX_RATIO_FROM = 1024 * 1024  # smaller members may pack as tightly as they like
MAX_XLSX_MEMBERS = 1_000  # a workbook has ~10 members, ~100 with many sheets and pictures
# Every member but the sheets is read whole (shared strings, styles): 100,000 rows of distinct
# names need ~25 MB of shared strings.
MAX_XLSX_PART = 64 * 1024 * 1024
PROGRESS_EVERY = 1_000  # rows between two progress reports

Progress = Callable[[int, int], None]

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
    users_created: tuple[str, ...] = ()  # always empty: an import never creates accounts (#14)
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
    filled: int = 0  # rows with content, the header included


class _TooLong:
    """Stands in for a cell longer than ``MAX_CELL_CHARS`` (its text is not kept)."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length


class _Refused(Exception):
    """A limit was exceeded while reading; ``problem`` says which."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _n(value: int) -> str:
    """German thousands separator: 100000 → ``100.000``."""
    return f"{value:,}".replace(",", ".")


def _mb(size: int) -> str:
    """``50 MB`` for a limit, ``50,1 MB`` for a file just over it (rounded up), ``800 Bytes``."""
    mib = 1024 * 1024
    if size < mib:
        return f"{_n(size)} Bytes"
    if size % mib == 0:
        return f"{_n(size // mib)} MB"
    tenths = -(-size * 10 // mib)  # rounded up: a file over a limit never reads as equal to it
    return f"{_n(tenths // 10)},{tenths % 10} MB"


def _file_problem(message: str) -> _Table:
    return _Table([], [ImportProblem(0, "", message)])


def _size_problem(path: Path) -> ImportProblem | None:
    """The file's size, checked before a byte of it is read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return ImportProblem(0, "", f"Die Datei kann nicht gelesen werden ({exc}).")
    if size > MAX_FILE_BYTES:
        return ImportProblem(
            0,
            "",
            f"Die Datei ist {_mb(size)} groß; importiert werden Dateien bis "
            f"{_mb(MAX_FILE_BYTES)} (Grenze für die Dateigröße). Bitte die Liste aufteilen.",
        )
    return None


class _Rows:
    """Collects rows within the limits: trailing empty cells dropped, at most ``MAX_COLUMNS``
    filled cells per row, cells over ``MAX_CELL_CHARS`` replaced by ``_TooLong``, at most
    ``MAX_ROWS`` filled rows. Raises ``_Refused`` at the first limit exceeded."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, list[Cell]]] = []
        self.filled = 0

    def add(self, number: int, cells: Sequence[object]) -> None:
        if number > MAX_RECORDS:
            raise _Refused(
                ImportProblem(
                    0,
                    "",
                    f"Die Datei hat mehr als {_n(MAX_RECORDS)} Zeilen (auch leere gezählt), "
                    f"mehr als ein Excel-Blatt fassen kann.",
                )
            )
        end = len(cells)
        while end and (cells[end - 1] is None or cells[end - 1] == ""):
            end -= 1
        if not end:
            return  # empty rows are skipped anyway; not keeping them bounds memory
        if end > MAX_COLUMNS:
            raise _Refused(
                ImportProblem(
                    number,
                    "",
                    f"Die Zeile hat Werte in {_n(end)} Spalten; erlaubt sind höchstens "
                    f"{MAX_COLUMNS} Spalten (Grenze für den Import, erwartet werden "
                    f"{len(COLUMNS)}).",
                )
            )
        row: list[Cell] = []
        for value in cells[:end]:
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                row.append(_TooLong(len(value)))  # type: ignore[arg-type]
            elif value is None or isinstance(value, str | int | float | bool | date | time):
                row.append(value)
            else:  # anything else openpyxl may hand out (e.g. a timedelta): as text
                text = str(value)
                row.append(_TooLong(len(text)) if len(text) > MAX_CELL_CHARS else text)  # type: ignore[arg-type]
        if not _is_empty(row):
            self.filled += 1
            if self.filled > MAX_ROWS + 1:  # the header is a filled row too
                raise _Refused(
                    ImportProblem(
                        0,
                        "",
                        f"Die Datei hat mehr als {_n(MAX_ROWS)} Datenzeilen (Grenze für den "
                        f"Import). Bitte die Liste aufteilen.",
                    )
                )
        self.rows.append((number, row))


def _csv_encoding(path: Path) -> tuple[str, int] | None:
    """``(encoding, bytes to skip)``: UTF-8 (BOM skipped) if every byte decodes, else cp1252
    (a BOM before it skipped too), None if neither. Reads 1 MiB at a time."""
    for encoding in ("utf-8", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as f:
                while chunk := f.read(1024 * 1024):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        with path.open("rb") as f:
            skip = 3 if f.read(3) == b"\xef\xbb\xbf" else 0
        return encoding, skip
    return None


def _lines(f: io.TextIOBase) -> Iterator[str]:
    """The file's lines, refusing one longer than ``MAX_LINE_CHARS`` before it is in memory."""
    number = 0
    while True:
        line = f.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise _Refused(
                ImportProblem(
                    0,
                    "",
                    f"Zeile {_n(number)} der Datei ist länger als {_n(MAX_LINE_CHARS)} Zeichen "
                    f"(Grenze für eine Zeile).",
                )
            )
        yield line


def _read_csv(path: Path) -> _Table:
    """Semicolon-separated; UTF-8 with or without BOM, else cp1252 (German Excel's ANSI CSV)."""
    problem = _size_problem(path)
    if problem is not None:
        return _Table([], [problem])
    try:
        found = _csv_encoding(path)
    except OSError as exc:
        return _file_problem(f"Die Datei kann nicht gelesen werden ({exc}).")
    if found is None:
        return _file_problem(
            "Die Zeichenkodierung ist weder UTF-8 noch Windows-1252. Bitte in Excel "
            "als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern."
        )
    encoding, skip = found
    note = CP1252_NOTE if encoding == "cp1252" else ""
    rows = _Rows()
    number = 0
    try:
        with path.open("rb") as raw:
            raw.seek(skip)
            text = io.TextIOWrapper(raw, encoding=encoding, newline="")
            reader = csv.reader(_lines(text), delimiter=";", quotechar='"')
            for number, record in enumerate(reader, start=1):
                rows.add(number, record)
    except _Refused as refused:
        return _Table([], [refused.problem], note)
    except csv.Error as exc:
        message = f"Die Zeile kann nicht als CSV gelesen werden ({exc})."
        return _Table(rows.rows, [ImportProblem(number + 1, "", message)], note)
    except OSError as exc:
        return _file_problem(f"Die Datei kann nicht gelesen werden ({exc}).")
    table, filled = rows.rows, rows.filled
    # Excel's "sep=;" hint line is not shown as a row in Excel.
    first = table[0] if table else (0, [])
    if first[0] == 1 and [str(c).strip().casefold() for c in first[1]] in (["sep="], ["sep=;"]):
        table, filled = [(n - 1, cells) for n, cells in table[1:]], filled - 1
    return _Table(table, [], note, filled)


_NOT_XLSX = (
    "Die Datei ist keine Excel-Arbeitsmappe (.xlsx): sie ist kein gültiges ZIP-Archiv, wie es "
    "jede .xlsx-Datei ist{detail}. Bitte in Excel als „Excel-Arbeitsmappe (*.xlsx)“ oder als "
    "„CSV UTF-8“ speichern."
)


def _zip_problem(path: Path) -> ImportProblem | None:
    """The zip structure of an .xlsx, from its directory only (nothing is unpacked): number of
    members, their unpacked size, how tightly each is packed. Python's zipfile never unpacks
    more than a member's declared size, so the declared sizes bound what openpyxl can read."""
    try:
        with path.open("rb") as f:
            end = zipfile._EndRecData(f)  # type: ignore[attr-defined]
    except OSError as exc:
        return ImportProblem(0, "", f"Die Datei kann nicht gelesen werden ({exc}).")
    except Exception:  # a private helper of zipfile; its absence only skips this early check
        end = ()
    if end is None:
        return ImportProblem(0, "", _NOT_XLSX.format(detail=""))
    too_many = (
        f"Die Excel-Datei besteht aus mehr als {_n(MAX_XLSX_MEMBERS)} Teilen (Grenze für den "
        f"Import; eine Arbeitsmappe hat etwa 10). Sie wurde nicht geöffnet."
    )
    try:
        if end and int(end[zipfile._ECD_ENTRIES_TOTAL]) > MAX_XLSX_MEMBERS:  # type: ignore[attr-defined]
            return ImportProblem(0, "", too_many)
    except Exception:  # the full check below decides
        pass
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except zipfile.BadZipFile as exc:
        return ImportProblem(0, "", _NOT_XLSX.format(detail=f" ({exc})"))
    except OSError as exc:
        return ImportProblem(0, "", f"Die Datei kann nicht gelesen werden ({exc}).")
    except Exception as exc:  # e.g. NotImplementedError for exotic archives
        return ImportProblem(0, "", _NOT_XLSX.format(detail=f" ({type(exc).__name__})"))
    if len(infos) > MAX_XLSX_MEMBERS:
        return ImportProblem(0, "", too_many)
    total = sum(i.file_size for i in infos)
    if total > MAX_XLSX_UNCOMPRESSED:
        return ImportProblem(
            0,
            "",
            f"Die Excel-Datei wäre entpackt {_mb(total)} groß; erlaubt sind höchstens "
            f"{_mb(MAX_XLSX_UNCOMPRESSED)} (Grenze für den entpackten Inhalt, Schutz vor "
            f"„Zip-Bomben“). Sie wurde nicht geöffnet.",
        )
    for info in infos:
        if info.file_size > MAX_XLSX_PART and not info.filename.startswith("xl/worksheets/"):
            return ImportProblem(
                0,
                "",
                f"Der Teil „{_shorten(info.filename)}“ der Excel-Datei wäre entpackt "
                f"{_mb(info.file_size)} groß; erlaubt sind höchstens {_mb(MAX_XLSX_PART)} "
                f"(Grenze für einen Teil außerhalb der Tabellenblätter). Sie wurde nicht geöffnet.",
            )
        if info.file_size < XLSX_RATIO_FROM:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_XLSX_RATIO:
            return ImportProblem(
                0,
                "",
                f"Der Teil „{_shorten(info.filename)}“ der Excel-Datei ist im Verhältnis "
                f"{ratio:.0f}:1 gepackt; erlaubt ist höchstens {MAX_XLSX_RATIO}:1 (Grenze für "
                f"das Packverhältnis, Schutz vor „Zip-Bomben“). Sie wurde nicht geöffnet.",
            )
    return None


def _dimensions_from_the_head_only() -> None:
    """openpyxl's read-only sheet looks for ``<dimension>`` when it is opened; if the element
    is missing it parses the whole sheet to the end of ``<sheetData>`` and keeps an emptied
    element per row (the zip bomb of issue #14 grew 13 MB/s there before a row was read). The
    schema puts ``<dimension>`` before ``<sheetData>``, so stop at its start: the same result
    for every valid sheet, and nothing read twice. Installed once; a no-op if openpyxl changes."""
    from openpyxl.worksheet import _read_only, _reader
    from openpyxl.worksheet.dimensions import SheetDimension

    cls = _read_only.ReadOnlyWorksheet
    dimension_tag = getattr(_reader, "DIMENSION_TAG", None)
    data_tag = getattr(_reader, "DATA_TAG", None)
    iterparse = getattr(_reader, "iterparse", None)
    if getattr(cls, "_sro_head_only", False) or not (dimension_tag and data_tag and iterparse):
        return
    if not callable(getattr(cls, "_get_source", None)):
        return

    def _get_size(self: Any) -> None:
        src = self._get_source()
        try:
            for _event, element in iterparse(src, events=("start",)):
                if element.tag == dimension_tag:
                    try:  # the import resets the dimensions anyway: a bad one is ignored
                        bounds = SheetDimension(ref=element.get("ref")).boundaries
                    except (TypeError, ValueError):
                        return
                    self._min_column, self._min_row, self._max_column, self._max_row = bounds
                    return
                if element.tag == data_tag:
                    return
        finally:
            src.close()

    cls._get_size = _get_size
    cls._sro_head_only = True


def _read_xlsx(path: Path) -> _Table:
    """The first worksheet, streamed (openpyxl read-only); cached values, never formulas."""
    problem = _size_problem(path) or _zip_problem(path)
    if problem is not None:
        return _Table([], [problem])
    import openpyxl  # only needed here, and slow to import

    _dimensions_from_the_head_only()
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged or foreign files
        return _file_problem(
            f"Die Datei kann nicht als Excel-Arbeitsmappe (.xlsx) gelesen werden "
            f"({type(exc).__name__})."
        )
    try:
        if not wb.worksheets:
            return _file_problem("Die Arbeitsmappe enthält kein Blatt.")
        ws = wb.worksheets[0]
        note = ""
        if len(wb.worksheets) > 1:
            note = f"Nur das erste Tabellenblatt („{_shorten(ws.title)}“) wurde gelesen."
        ws.reset_dimensions()  # some programs write wrong dimensions; read what is there
        rows = _Rows()
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            rows.add(number, values)
        return _Table(rows.rows, [], note, rows.filled)
    except _Refused as refused:
        return _Table([], [refused.problem])
    except Exception as exc:  # a damaged sheet inside a readable zip
        return _file_problem(f"Das Tabellenblatt kann nicht gelesen werden ({type(exc).__name__}).")
    finally:
        wb.close()


# --------------------------------------------------------------------------- cell conversion


def _shorten(value: str, limit: int = 40) -> str:
    """A cell value fit to quote in a message: no control characters, not endless."""
    clean = "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in value)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _text(value: Cell) -> str:
    """A cell as text: numbers without a trailing ``.0``, dates as TT.MM.JJJJ."""
    if value is None or isinstance(value, _TooLong):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "WAHR" if value else "FALSCH"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, datetime | date):
        return german_date(value)
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


def _not_a_number(c: Checker, column: str, value: Cell) -> None:
    """A spreadsheet cell that holds a number where text belongs: an Aktenzeichen ``0042``
    typed into Excel becomes 42 (and would make a second case beside ``0042``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        c.fail(
            column,
            T(
                "steht in der Tabelle als Zahl ({value}), nicht als Text; führende Nullen gehen "
                "so verloren. Bitte die Spalte als Text formatieren und den Wert prüfen.",
                value=_text(value),
            ),
        )


def _no_lost_characters(c: Checker, column: str, value: Cell) -> None:
    """``?`` or ``\ufffd`` in a name: characters the file's encoding could not hold
    (``Ćosić`` saved as Windows-1252 reads ``?osi?``)."""
    if isinstance(value, str) and ("?" in value or "\ufffd" in value):
        c.fail(
            column,
            T(
                "„{value}“ enthält „?“ oder „\ufffd“: hier gingen beim Speichern der Datei "
                "Buchstaben verloren (Zeichensatz). Bitte die Datei als UTF-8 speichern oder den "
                "Namen berichtigen.",
                value=_shorten(value),
            ),
        )


def _row(
    number: int,
    values: dict[str, Cell],
    today: date,
    spaces: dict[str, str],
    helps: dict[str, str],
) -> tuple[ImportRow | None, list[ImportProblem]]:
    c = Checker()
    _not_a_number(c, "Aktenzeichen", values.get("Aktenzeichen"))
    file_number = rules.check_file_number(c, _text(values.get("Aktenzeichen")))
    for column in ("Familienname", "Vorname", "Fachkraft"):
        _not_a_number(c, column, values.get(column))
        _no_lost_characters(c, column, values.get(column))
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
    return all(not isinstance(c, _TooLong) and not _text(c).strip() for c in cells)


def _too_long(number: int, column: str, cell: _TooLong) -> ImportProblem:
    return ImportProblem(
        number,
        column,
        f"Die Zelle enthält {_n(cell.length)} Zeichen; erlaubt sind höchstens "
        f"{_n(MAX_CELL_CHARS)} (Grenze für die Zellenlänge).",
    )


def parse_table(
    rows: Iterable[tuple[int, Sequence[Cell]]],
    *,
    today: date,
    progress: Progress | None = None,
    total: int = 0,
) -> tuple[list[ImportRow], list[ImportProblem]]:
    """Rows as (Excel row number, cells), the header first. Pure: no files, no database.
    ``progress(done, total)`` counts the filled rows after the header (``total`` of them, if
    the caller knows) every ``PROGRESS_EVERY`` rows and at the end."""
    parsed: list[ImportRow] = []
    problems: list[ImportProblem] = []
    mapping: dict[int, str] | None = None
    spaces, helps = _space_lookup(), _help_lookup()
    done = 0
    for number, cells in rows:
        cells = list(cells)
        if _is_empty(cells):
            continue
        if mapping is not None:
            done += 1
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, max(total, done))
        if mapping is None:
            header_problems: list[ImportProblem] = []
            for i, c in enumerate(cells):  # the reader put a stand-in for an overlong cell
                if isinstance(c, _TooLong):
                    header_problems.append(_too_long(number, _column_letter(i), c))
            if header_problems:
                return [], header_problems
            mapping, problem = _header(number, cells)
            if problem is not None:
                return [], [problem]
            continue
        values: dict[str, Cell] = {}
        stray: list[ImportProblem] = []
        for index, cell in enumerate(cells):
            column = mapping.get(index)
            if isinstance(cell, _TooLong):
                stray.append(_too_long(number, column or f"Spalte {_column_letter(index)}", cell))
            elif column is not None:
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
        overlong = {p.column for p in stray}  # one message per cell: not "empty" as well
        problems += [p for p in row_problems if p.column not in overlong] + stray
        if row is not None and not stray:
            parsed.append(row)
    if mapping is None:
        problems.append(ImportProblem(0, "", "Die Datei ist leer."))
    if progress is not None:
        progress(max(total, done), max(total, done))
    return parsed, problems


def parse_file(
    path: str | Path, *, today: date | None = None, progress: Progress | None = None
) -> ParsedImport:
    """Read and validate a ``.csv`` or ``.xlsx`` case list. Never raises for bad content:
    every problem is returned, so the user can fix the whole file in one go.

    The limits (``MAX_FILE_BYTES``, ``MAX_ROWS``, ``MAX_CELL_CHARS``, ``MAX_COLUMNS``, and
    for .xlsx ``MAX_XLSX_UNCOMPRESSED``, ``MAX_XLSX_RATIO``, ``MAX_XLSX_MEMBERS``) are
    checked while the file is read, before any row is validated; a file over one of them is a
    single file-level problem that names the limit. ``progress(done, total)`` counts the rows
    validated, once the file has been read."""
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
    rows: list[ImportRow] = []
    problems = list(table.problems)
    if table.rows or not table.problems:
        rows, found = parse_table(
            table.rows, today=today, progress=progress, total=max(table.filled - 1, 0)
        )
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


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


class _Workers:
    """Finds the user a Fachkraft cell means: an active user, by login first, then by display
    name. Reads the user table and never writes it: a name in a list creates no account and
    changes none (no user record, role or key slot; issue #14)."""

    def __init__(self, s: Session) -> None:
        self._reserved = {_name_key(rules.RECOVERY_LOGIN)}  # the recovery key's actor name
        users = list(s.execute(select(UserRecord)).scalars())
        self._by_login = {_name_key(u.login): u for u in users}
        self._by_name: dict[str, list[UserRecord]] = {}
        for u in users:
            self._by_name.setdefault(_name_key(u.name), []).append(u)

    def resolve(self, text: str) -> tuple[int | None, str | None]:
        """``(user id, None)``, or ``(None, German message)`` if ``text`` names no single
        active user; ``(None, None)`` for an empty cell."""
        key = _name_key(text)
        if not key:
            return None, None
        shown = _shorten(text.strip())
        if key in self._reserved:
            return None, (
                f"„{shown}“ bezeichnet den Wiederherstellungsschlüssel, keine Fachkraft. Bitte "
                "den Anmeldenamen oder den Namen einer Fachkraft angeben oder die Zelle leer "
                "lassen."
            )
        user = self._by_login.get(key)
        if user is None:
            named = self._by_name.get(key, [])
            active = [u for u in named if u.active]
            if len(active) > 1:
                return None, (
                    f"„{shown}“ ist der Name mehrerer Benutzer/innen. Bitte den Anmeldenamen "
                    "angeben."
                )
            user = active[0] if active else (named[0] if named else None)
        if user is None:
            return None, (
                f"„{shown}“ ist keine Benutzerin und kein Benutzer dieser Datenbank. Ein Import "
                "legt keine Zugänge an: bitte die Fachkraft zuerst in der Benutzerverwaltung "
                "anlegen lassen (Anmeldename oder Name wie in der Liste) oder die Zelle leer "
                "lassen."
            )
        if not user.active:
            return None, (
                f"Der Zugang „{_shorten(user.login)}“ ist deaktiviert. Bitte eine aktive "
                "Fachkraft angeben oder die Zelle leer lassen."
            )
        return user.id, None


def _existing_cases(s: Session, numbers: list[str]) -> dict[str, CaseRecord]:
    existing: dict[str, CaseRecord] = {}
    for i in range(0, len(numbers), 500):
        for case in s.execute(
            select(CaseRecord).where(CaseRecord.file_number.in_(numbers[i : i + 500]))
        ).scalars():
            existing[case.file_number] = case
    return existing


def _database_problems(
    s: Session, groups: dict[str, list[ImportRow]], existing: dict[str, CaseRecord]
) -> tuple[list[ImportProblem], dict[str, int | None]]:
    """What the database refuses for new cases (a social space it lacks, a Fachkraft who is
    no single active user), and the lead worker of each new case. Reads only."""
    spaces = set(s.execute(select(SocialSpaceRecord.code)).scalars())
    workers = _Workers(s)
    problems: list[ImportProblem] = []
    leads: dict[str, int | None] = {}
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
            leads[number], message = workers.resolve(worker_row.lead_worker)
            if message:
                problems.append(ImportProblem(worker_row.row, "Fachkraft", message))
    return problems, leads


def import_file(
    store: UnitOfWork, path: str | Path, *, progress: Progress | None = None
) -> ImportReport:
    """Parse ``path`` and import it in one transaction. Raises ``ImportRejected`` (nothing
    written) if any row is wrong or the file exceeds a limit.

    The whole file is read and validated before the write transaction begins.
    ``progress(done, total)`` runs over both steps: the rows validated, then the rows written
    (``total`` is twice the number of filled rows; it is known once the file has been read)."""
    store.require_case_access()

    def validating(done: int, total: int) -> None:
        if progress is not None:
            progress(done, 2 * total)

    parsed = parse_file(path, today=store.clock.today(), progress=validating if progress else None)
    offset = len(parsed.rows)

    def writing(done: int, total: int) -> None:
        if progress is not None:
            progress(offset + done, offset + total)

    return import_parsed(store, parsed, progress=writing if progress else None)


def import_parsed(
    store: UnitOfWork, parsed: ParsedImport, *, progress: Progress | None = None
) -> ImportReport:
    """Write a parsed file (e.g. after a preview in the GUI): all rows or none.
    ``progress(done, total)`` counts the rows written."""
    store.require_case_access()
    today = store.clock.today()
    groups: dict[str, list[ImportRow]] = {}
    for row in parsed.rows:
        groups.setdefault(row.file_number, []).append(row)
    if parsed.problems:
        # Name the Fachkraft and Sozialraum cells the database refuses as well, so that the
        # whole file can be fixed in one go (read only; nothing is written).
        found: list[ImportProblem] = []
        if groups:
            with store.read() as s:
                found, _ = _database_problems(s, groups, _existing_cases(s, list(groups)))
        raise ImportRejected([*parsed.problems, *found], parsed.encoding_note)

    with store.write() as s:
        existing = _existing_cases(s, list(groups))
        problems, leads = _database_problems(s, groups, existing)
        if problems:
            raise ImportRejected(problems, parsed.encoding_note)
        spaces = dict(s.execute(select(SocialSpaceRecord.code, SocialSpaceRecord.id)).all())

        created = extended = unchanged = persons_added = helps_added = 0
        written = reported = 0
        for number, rows in groups.items():
            case = existing.get(number)
            persons: dict[tuple[str, str, date | None], int] = {}
            helps: set[tuple[int, str, date, date | None]] = set()
            if case is None:
                case = _create_case(store, s, number, rows, spaces, leads.get(number), today)
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
            written += len(rows)
            if progress is not None and written // PROGRESS_EVERY > reported:
                reported = written // PROGRESS_EVERY
                progress(written, len(parsed.rows))
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
            rows=len(parsed.rows),
        )
        store.audit(
            s,
            "import",
            "import",
            detail=(
                f"{parsed.source_name}: {len(parsed.rows)} Zeilen, {created} Fälle neu, "
                f"{extended} ergänzt, {persons_added} Personen, {helps_added} Hilfen"
            ),
        )
    if progress is not None:
        progress(len(parsed.rows), len(parsed.rows))
    return report


def _create_case(
    store: UnitOfWork,
    s: Session,
    number: str,
    rows: list[ImportRow],
    spaces: dict[str, int],
    lead_worker_id: int | None,
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
    status = initial_status()
    case = CaseRecord(
        file_number=number,
        family_id=family.id,
        lead_worker_id=lead_worker_id,
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
