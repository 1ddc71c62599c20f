"""Issue #14, second finding: import limits, checked before the content is parsed.

A 4.9 MB .xlsx zip bomb ran for minutes and a 200 MB CSV took 2.9 GB. Now the file size, the
rows, the cell length and, for .xlsx, the zip structure (unpacked size, packing ratio, number of
members, read from the zip directory without unpacking) are limited, each refusal names its
limit, nothing is written, and memory stays bounded. Real files and real encrypted databases."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from sro_case.cases import importing
from sro_case.cases.importing import (
    COLUMNS,
    MAX_CELL_CHARS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_XLSX_RATIO,
    ImportRejected,
    import_file,
    parse_file,
)
from sro_case.store import Store

HEADER = ";".join(COLUMNS)
ROOT = Path(__file__).resolve().parent.parent

SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"
BOMB_ROW = (
    b'<row><c t="inlineStr"><is><t>2026/001</t></is></c>'
    b'<c t="inlineStr"><is><t>M\xc3\xbcller</t></is></c>'
    b'<c t="inlineStr"><is><t>Anna</t></is></c></row>'
)


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path


def good_row(i: int) -> str:
    return f"L-{i // 3};Krüger;Kind{i % 3};03.04.2015;w;Toitenwinkel;§ 31;01.02.2026;;"


def zip_bomb(path: Path, unpacked_mb: int) -> Path:
    """A valid workbook whose sheet is ``unpacked_mb`` MB of the same row, deflated in 1 MB
    chunks (never whole in memory): ~400 MB pack to ~1.6 MB in ~1.3 s."""
    wb = openpyxl.Workbook()
    wb.active.append(["a"])
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != SHEET:
                z.writestr(info.filename, src.read(info.filename))
        with z.open(SHEET, "w", force_zip64=True) as f:
            f.write(SHEET_HEAD)
            chunk = BOMB_ROW * (1024 * 1024 // len(BOMB_ROW))
            for _ in range(unpacked_mb):
                f.write(chunk)
            f.write(SHEET_TAIL)
    return path


@pytest.fixture(scope="module")
def big_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zip_bomb(tmp_path_factory.mktemp("bomb") / "liste.xlsx", 400)


def unchanged(store: Store) -> dict[str, int]:
    return dict(store.maintenance.info().counts)


def refused(store: Store, path: Path) -> tuple[ImportRejected, float]:
    before = unchanged(store)
    start = time.perf_counter()
    with pytest.raises(ImportRejected) as info:
        import_file(store, path)
    elapsed = time.perf_counter() - start
    assert unchanged(store) == before
    assert store.users.list() and all(u.login != "wiederherstellung" for u in store.users.list())
    return info.value, elapsed


# --------------------------------------------------------------------------- .xlsx zip structure


def test_zip_bomb_is_refused_fast_from_its_directory(store: Store, big_bomb: Path) -> None:
    size = big_bomb.stat().st_size
    assert 1_000_000 < size < 5_000_000  # packed; unpacked it is over 400 MB
    with zipfile.ZipFile(big_bomb) as z:
        assert z.getinfo(SHEET).file_size > 400_000_000
    error, elapsed = refused(store, big_bomb)
    assert elapsed < 5
    assert [(p.row, p.column) for p in error.problems] == [(0, "")]
    message = str(error)
    assert "entpackt" in message and "höchstens 200 MB" in message and "Zip-Bomben" in message
    assert "es wurde nichts verändert" in message


def test_zip_bomb_under_the_size_limit_is_refused_by_its_packing_ratio(
    store: Store, tmp_path: Path
) -> None:
    bomb = zip_bomb(tmp_path / "klein.xlsx", 100)  # 100 MB unpacked, ~400 KB packed
    error, elapsed = refused(store, bomb)
    assert elapsed < 5
    message = str(error)
    assert f"höchstens {MAX_XLSX_RATIO}:1" in message and f"„{SHEET}“" in message


def test_the_bomb_is_a_real_workbook_that_openpyxl_would_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the zip limits, openpyxl reads the bomb's rows (the row limit then stops it):
    the refusals above come from the limits, not from a broken file."""
    bomb = zip_bomb(tmp_path / "klein.xlsx", 20)
    monkeypatch.setattr(importing, "MAX_XLSX_RATIO", 10**9)
    monkeypatch.setattr(importing, "MAX_ROWS", 50)
    start = time.perf_counter()
    parsed = parse_file(bomb)
    # openpyxl alone would first parse all 20 MB looking for a <dimension> (seconds, and
    # memory for every row); the import stops at the start of <sheetData>.
    assert time.perf_counter() - start < 1
    assert [p.message for p in parsed.problems] == [
        "Die Datei hat mehr als 50 Datenzeilen (Grenze für den Import). Bitte die Liste aufteilen."
    ]


def test_too_many_zip_members_are_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "viele.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for i in range(1_001):
            z.writestr(f"xl/media/bild{i}.png", b"")
    error, _ = refused(store, path)
    assert "mehr als 1.000 Teilen" in str(error)


def test_unpacked_size_limit_applies_to_ordinary_workbooks(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(list(COLUMNS))
    wb.save(tmp_path / "liste.xlsx")
    monkeypatch.setattr(importing, "MAX_XLSX_UNCOMPRESSED", 1_000)
    error, _ = refused(store, tmp_path / "liste.xlsx")
    assert "höchstens 1.000 Bytes" in str(error)


def test_parts_beside_the_sheets_have_their_own_limit(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(list(COLUMNS))
    wb.save(tmp_path / "liste.xlsx")
    monkeypatch.setattr(importing, "MAX_XLSX_PART", 1_000)
    error, _ = refused(store, tmp_path / "liste.xlsx")
    assert "höchstens 1.000 Bytes (Grenze für einen Teil außerhalb der Tabellenblätter)" in str(
        error
    )


@pytest.mark.parametrize(
    "content",
    [
        b"Aktenzeichen;Familienname\r\n2026/001;M\xc3\xbcller\r\n",  # a CSV renamed to .xlsx
        b"",  # empty
        b"PK\x03\x04" + b"\x00" * 200,  # the start of a zip, cut off
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,  # an old .xls (OLE2) renamed
    ],
)
def test_a_file_that_is_no_zip_gets_a_clear_message(
    store: Store, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "liste.xlsx"
    path.write_bytes(content)
    error, elapsed = refused(store, path)
    assert elapsed < 1
    assert "keine Excel-Arbeitsmappe (.xlsx)" in str(error) and "ZIP-Archiv" in str(error)


# --------------------------------------------------------------------------- size, rows, cells


def test_csv_over_the_size_limit_is_refused_before_it_is_opened(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "riesig.csv"
    with path.open("wb") as f:  # sparse: takes no disk space
        f.truncate(MAX_FILE_BYTES + 1)
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    error, elapsed = refused(store, path)
    assert opened == []
    assert elapsed < 1
    assert (
        "ist 50,1 MB groß; importiert werden Dateien bis 50 MB (Grenze für die Dateigröße)"
        in str(error)
    )


def test_xlsx_over_the_size_limit_is_refused(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 1024)
    wb = openpyxl.Workbook()
    wb.active.append(list(COLUMNS))
    wb.save(tmp_path / "liste.xlsx")
    error, _ = refused(store, tmp_path / "liste.xlsx")
    assert "Grenze für die Dateigröße" in str(error)


def test_csv_with_too_many_rows_is_refused_without_validating_them(
    store: Store, tmp_path: Path
) -> None:
    row = "2026/001;Krüger;Lina;03.04.2015;w;Toitenwinkel;§ 31;01.02.2026;;"
    path = tmp_path / "viele.csv"
    path.write_bytes((HEADER + "\r\n" + (row + "\r\n") * (MAX_ROWS + 1)).encode("utf-8"))
    error, elapsed = refused(store, path)
    assert elapsed < 5
    assert str(error).splitlines()[1].strip() == (
        "Datei: Die Datei hat mehr als 100.000 Datenzeilen (Grenze für den Import). "
        "Bitte die Liste aufteilen."
    )


def test_exactly_the_row_limit_is_accepted_by_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "MAX_ROWS", 30)
    lines = [HEADER, *(good_row(i) for i in range(30)), ";;;;;;;;;", ""]
    assert parse_file(write_csv(tmp_path / "genau.csv", lines)).ok
    lines.insert(5, good_row(99))
    parsed = parse_file(write_csv(tmp_path / "zuviel.csv", lines))
    assert [p.row for p in parsed.problems] == [0]


def test_xlsx_with_too_many_rows_is_refused(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "MAX_ROWS", 20)
    wb = openpyxl.Workbook()
    wb.active.append(list(COLUMNS))
    for i in range(21):
        wb.active.append(good_row(i).split(";"))
    wb.save(tmp_path / "liste.xlsx")
    error, _ = refused(store, tmp_path / "liste.xlsx")
    assert "mehr als 20 Datenzeilen" in str(error)


def test_an_overlong_cell_is_named_by_row_and_column(store: Store, tmp_path: Path) -> None:
    long_name = "A" * (MAX_CELL_CHARS + 1)
    lines = [
        HEADER,
        good_row(0),
        f"L-9;Krüger;{long_name};03.04.2015;w;Toitenwinkel;§ 31;01.02.2026;;",
        good_row(1) + ";" + "x" * 5_000,  # and one in a column without a header
    ]
    error, _ = refused(store, write_csv(tmp_path / "lang.csv", lines))
    assert [(p.row, p.column) for p in error.problems] == [(3, "Vorname"), (4, "Spalte K")]
    assert "1.001 Zeichen; erlaubt sind höchstens 1.000 (Grenze für die Zellenlänge)" in str(error)
    assert long_name not in str(error)


def test_an_overlong_xlsx_cell_is_named_too(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(list(COLUMNS))
    cells: list[object] = good_row(0).split(";")
    cells[1] = "Ö" * 2_000
    wb.active.append(cells)
    wb.save(tmp_path / "lang.xlsx")
    parsed = parse_file(tmp_path / "lang.xlsx")
    assert [(p.row, p.column) for p in parsed.problems] == [(2, "Familienname")]


def test_an_endless_csv_line_and_too_many_columns_are_refused(store: Store, tmp_path: Path) -> None:
    endless = tmp_path / "zeile.csv"
    endless.write_bytes((HEADER + "\r\n" + ";" * 5_000_000 + "\r\n").encode("utf-8"))
    error, elapsed = refused(store, endless)
    assert elapsed < 2
    assert "länger als 65.536 Zeichen (Grenze für eine Zeile)" in str(error)

    wide = write_csv(tmp_path / "breit.csv", [HEADER, good_row(0) + ";x" * 45])
    error, _ = refused(store, wide)
    assert "Werte in 55 Spalten; erlaubt sind höchstens 50 Spalten" in str(error)


def test_trailing_empty_columns_as_excel_writes_them_are_fine(tmp_path: Path) -> None:
    lines = [HEADER + ";" * 300, good_row(0) + ";" * 300]
    parsed = parse_file(write_csv(tmp_path / "leer.csv", lines))
    assert parsed.ok and len(parsed.rows) == 1


# --------------------------------------------------------------------------- progress, memory


def test_progress_runs_over_validating_and_writing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "PROGRESS_EVERY", 50)
    rows = 300
    path = write_csv(tmp_path / "liste.csv", [HEADER, *(good_row(i) for i in range(rows))])
    calls: list[tuple[int, int]] = []
    report = import_file(store, path, progress=lambda done, total: calls.append((done, total)))
    assert report.rows == rows
    assert calls[-1] == (2 * rows, 2 * rows)
    assert all(total == 2 * rows for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(calls) >= 10
    assert any(d <= rows for d in done) and any(rows < d < 2 * rows for d in done)


MEASURE = """
import json, resource, sys
from sro_case.cases.importing import parse_file
results = {}
for path in sys.argv[1:]:
    parsed = parse_file(path)
    results[path] = [p.message for p in parsed.problems]
results["maxrss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps(results))
"""


def test_memory_stays_bounded_for_hostile_files(tmp_path: Path, big_bomb: Path) -> None:
    """One process reads the zip bomb, a CSV one row over the limit, and a 40 MB line of
    semicolons: its peak memory stays near what importing the modules takes."""
    rows = tmp_path / "viele.csv"
    row = "2026/001;Krüger;Lina;03.04.2015;w;Toitenwinkel;§ 31;01.02.2026;;Petra Schulz\r\n"
    rows.write_bytes((HEADER + "\r\n" + row * (MAX_ROWS + 1)).encode("utf-8"))
    line = tmp_path / "zeile.csv"
    with line.open("wb") as f:
        f.write((HEADER + "\r\n").encode())
        for _ in range(40):
            f.write(b";" * (1024 * 1024))
    baseline = subprocess.run(
        [sys.executable, "-c", MEASURE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(big_bomb), str(rows), str(line)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    base = json.loads(baseline.stdout)["maxrss_mib"]
    measured = json.loads(result.stdout)
    assert all(len(measured[str(p)]) == 1 for p in (big_bomb, rows, line))
    # 100,000 rows are held as cells before they are refused: ~100 MiB, never gigabytes.
    assert measured["maxrss_mib"] - base < 200, measured


def test_empty_rows_count_only_against_the_sheet_maximum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "MAX_RECORDS", 100)
    lines = ["sep=;", HEADER, *([";;;;;;;;;"] * 40), good_row(0), *([""] * 40)]
    parsed = parse_file(write_csv(tmp_path / "leer.csv", lines))
    assert parsed.ok and [r.row for r in parsed.rows] == [42]  # as Excel numbers it
    lines += [""] * 30
    parsed = parse_file(write_csv(tmp_path / "zuviel.csv", lines))
    assert [p.message for p in parsed.problems] == [
        "Die Datei hat mehr als 100 Zeilen (auch leere gezählt), mehr als ein Excel-Blatt "
        "fassen kann."
    ]
