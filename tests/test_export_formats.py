"""The statistics export end to end: a real encrypted database, all three formats parsed back.

The test keeps its own plain record of everything it puts into the database and computes the
true figures from that record (``true_figures`` of the suppression tests), never from the
product's queries. Every name, file number and birth date of the test data is then searched
for in every file; none may be there.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.errors import PermissionDenied, ValidationError
from sro_case.export.tables import (
    BudgetFact,
    ConferenceFact,
    Facts,
    GoalFact,
    HelpFact,
    ProtectionFact,
    Space,
    StatisticsExport,
    Status,
)
from sro_case.storage.orm import AuditEventRecord
from sro_case.store import Store
from tests.conftest import PASSPHRASE
from tests.test_export_suppression import (
    FROM,
    TO,
    assert_protected,
    assert_true_figures,
    true_figures,
)

ROOT = Path(__file__).resolve().parent.parent
SPACES = ("toitenwinkel", "gross_klein", "evershagen", "suedstadt", "dierkow")
FIRST = ("Ottokar", "Wiebke", "Ysolde", "Quirin", "Fenja", "Lasse", "Imke", "Jorik", "Thalke")
LAST = (
    "Quastenbrink",
    "Zwirbelmeier",
    "Hollerbusch",
    "Pfeffersack",
    "Grummelkamp",
    "Wackelnburg",
    "Sturmvogt",
    "Knisterhain",
)
HELP_TYPES = ("31", "31", "30", "16", "35a", "27_2")
CSV_HEADER = "Tabelle;Zeilenmerkmal;Zeile;Spaltenmerkmal;Spalte;Anzahl"


@dataclass
class Filled:
    store: Store
    facts: Facts
    canaries: list[str]


def _age_group(birth: date | None, on: date) -> str:
    if birth is None:
        return "ohne_angabe"
    age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    for item in catalogue("age_groups"):
        if age >= item.get("min") and (item.get("max") is None or age < item.get("max")):
            return item.code
    return "ohne_angabe"


@pytest.fixture
def filled(store: Store) -> Filled:
    """40 cases in five Sozialräume (both model regions), with helps, conferences, goal
    reviews, § 8a outcomes and budgets; the plain record of it all as ``Facts``."""
    canaries: list[str] = []
    helps: list[HelpFact] = []
    conferences: list[ConferenceFact] = []
    goals: list[GoalFact] = []
    protections: list[ProtectionFact] = []
    disciplines = ("asd", "schulsozialarbeit", "kita", "familie", "hze_traeger")
    for i in range(40):
        space = SPACES[0] if i % 3 == 0 else SPACES[i % len(SPACES)]
        first, last = FIRST[i % len(FIRST)], LAST[i % len(LAST)]
        birth = date(2008 + i % 12, 1 + i % 12, 3 + i % 25)
        file_number = f"51.2-2026-{7300 + i:06d}"
        sex = ("female", "male", "female", "male", "diverse")[i % 5]
        canaries += [
            first,
            last,
            f"Familie {last}-{i}",
            file_number,
            birth.isoformat(),
            f"{birth:%d.%m.%Y}",
            f"Sorgeberechtigte {first}",
        ]
        protection = i % 4 == 1
        summary = store.cases.create(
            m.CaseDraft(
                file_number,
                m.FamilyDraft(f"Familie {last}-{i}", space, street=f"Lindenweg {i + 3}"),
                (
                    m.PersonDraft(first, last, birth, sex, "child"),
                    m.PersonDraft(
                        f"Sorgeberechtigte {first}",
                        last,
                        date(1985, 6, 1 + i % 27),
                        "female",
                        "parent",
                    ),
                ),
                opened_on=date(2026, 1 + i % 10, 2),
                reason_for_contact=f"Anlass vertraulich {last}",
                child_protection=protection,
            )
        )
        canaries.append(f"Anlass vertraulich {last}")
        case_id = summary.id
        person = store.cases.get(case_id).family.persons[0]
        if protection:
            outcome = ("latent", "akut", None, "hilfebedarf")[i % 4 if i % 8 else 2]
            if outcome:
                store.cases.update(case_id, m.CaseEdit(outcome_8a=outcome))
            protections.append(ProtectionFact(case_id, space, outcome))
        store.cases.add_note(
            case_id,
            m.NoteDraft(
                date(2026, 3, 3), "home_visit", f"Geheimnis {last} erzählt", entrusted=True
            ),
        )
        canaries.append(f"Geheimnis {last}")
        for k in range(1 + i % 2):
            kind = HELP_TYPES[(i + k) % len(HELP_TYPES)]
            start = date(2025 + (i % 7 != 0), 1 + (i * 5 + k) % 11, 1 + i % 27)
            end = date(2026, 1 + (i + 3 * k) % 11, 15) if i % 3 == 2 else None
            if end is not None and end < start:
                end = None
            reason = "plan" if end and i % 2 else ("abbruch_familie" if end else None)
            cost = (None, 48_000, 210_000, 635_000)[(i + k) % 4]
            with_person = (i + k) % 6 != 5
            store.cases.add_help(
                case_id,
                m.HelpDraft(
                    kind,
                    start,
                    person.id if with_person else None,
                    f"Träger {last}",
                    end,
                    None,
                    cost,
                    reason,
                ),
            )
            helps.append(
                HelpFact(
                    case_id,
                    space,
                    kind,
                    start,
                    end,
                    reason,
                    cost,
                    _age_group(birth if with_person else None, start),
                    sex if with_person else "unspecified",
                )
            )
        if i % 2 == 0:
            for n in range(1 + i % 3):
                held = date(2026, 2 + (i + n) % 9, 10)
                chosen = tuple(disciplines[(i + j) % len(disciplines)] for j in range(2 + n))
                conference = store.conferences.record(
                    case_id,
                    m.ConferenceDraft(
                        held,
                        "fallkonferenz",
                        facilitator=f"Moderatorin {last}",
                        participants=tuple(
                            m.ParticipantDraft(f"Teilnehmer {first} {j}", d)
                            for j, d in enumerate(chosen)
                        ),
                        family_will=f"Wir wollen {last}",
                        goals=(m.GoalDraft(f"Ziel von {first}"),),
                    ),
                )
                conferences.append(ConferenceFact(case_id, space, held, frozenset(chosen)))
                goal = next(
                    g for g in store.cases.get(case_id).goals if g.conference_id == conference.id
                )
                last_score = None
                for r in range(1 + (i + n) % 2):
                    last_score = (i + n + r) % 5 - 2
                    store.conferences.review_goal(
                        m.ReviewDraft(
                            goal.id, date(2026, 9, 1 + r), last_score, f"Kommentar {last}"
                        )
                    )
                goals.append(GoalFact(case_id, space, last_score))
            canaries += [
                f"Moderatorin {last}",
                f"Wir wollen {last}",
                f"Ziel von {first}",
                f"Teilnehmer {first}",
                f"Kommentar {last}",
            ]
        canaries += [f"Träger {last}", f"Lindenweg {i + 3}"]
    budgets = []
    for k, space in enumerate(SPACES):
        amount = 40_000_000 + 5_000_000 * k
        store.catalog.set_budget(space, 2026, amount)
        budgets.append(BudgetFact(space, 2026, amount))
    spaces = tuple(
        Space(i.code, i.name, bool(i.get("is_model_region"))) for i in catalogue("social_spaces")
    )
    facts = Facts(
        spaces, tuple(helps), tuple(conferences), tuple(goals), tuple(protections), tuple(budgets)
    )
    return Filled(store, facts, sorted(set(canaries)))


def _model(facts: Facts) -> list[str]:
    return [s.name for s in facts.spaces if s.is_model_region]


# --------------------------------------------------------------------------- parsers


def _csv_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    provenance = [line for line in lines if line.startswith("#")]
    body = "\r\n".join(line for line in lines if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    return provenance, [r for r in rows if r]


_VALUE = re.compile(r"^(\.|–|x|−?\d{1,3}(\.\d{3})*(,\d+)?)$")


def _norm(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]", "", text)


def _pdf_tables(text: str, export: StatisticsExport) -> dict[str, dict[str, list[str]]]:
    """Table id → row label → the values shown in that row, read back from the PDF text."""
    out: dict[str, dict[str, list[str]]] = {}
    marks = [(text.index(f"Tabelle {t.id} ·"), t) for t in export.tables]
    marks.sort(key=lambda m: m[0])
    for n, (start, table) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else len(text)
        tokens = text[start:end].split()
        labels = sorted((r.label for r in table.rows), key=len, reverse=True)
        rows: dict[str, list[str]] = {}
        words: list[str] = []
        i = 0
        while i < len(tokens):
            if not _VALUE.match(tokens[i]):
                words.append(tokens[i])
                i += 1
                continue
            values = []
            while i < len(tokens) and _VALUE.match(tokens[i]):
                values.append(tokens[i])
                i += 1
            said = _norm(" ".join(words))
            label = next((lb for lb in labels if said.endswith(_norm(lb))), None)
            if label is not None:
                rows.setdefault(label, []).extend(values)
            words = []
        out[table.id] = rows
    return out


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


# --------------------------------------------------------------------------- tests


def _published_matches(export: StatisticsExport, facts: Facts, shown: dict) -> int:
    """Every figure shown (``shown[table][row][col]`` as text) is the published one, and every
    published count is the true count."""
    truth = true_figures(facts, export)
    checked = 0
    for table in export.tables:
        for i, row in enumerate(table.rows):
            for j, col in enumerate(table.cols):
                cell = table.cells[i][j]
                text = shown[table.id][row.label][col.label]
                assert text == cell.text(), (table.id, row.label, col.label, text, cell)
                if col.kind == "count" and cell.status is Status.VALUE:
                    assert cell.value == truth[table.id, row.label, col.label]
                    checked += 1
    return checked


def test_csv_xlsx_pdf_show_true_figures_and_no_identity(filled: Filled, tmp_path: Path) -> None:
    store, facts = filled.store, filled.facts
    export = store.statistics.build(FROM, TO)
    assert_true_figures(facts, export)
    assert_protected(export, _model(facts))
    counts = export.table("hilfen_sozialraum_hilfeart")
    assert counts.cell("Insgesamt", "Insgesamt").value == sum(
        1 for h in facts.helps if FROM <= h.start_on <= TO
    )
    assert export.suppressed_cells > 0 and any(
        c.status is Status.VALUE and c.value >= 3 for r in counts.cells for c in r
    )

    written = {
        fmt: store.statistics.write(export, tmp_path / f"stat.{fmt}")
        for fmt in ("csv", "xlsx", "pdf")
    }
    files = {fmt: w.path.read_bytes() for fmt, w in written.items()}

    # CSV: BOM, provenance, exact header, long format, no formula
    data = files["csv"]
    assert data.startswith(b"\xef\xbb\xbf#")
    provenance, rows = _csv_rows(data)
    joined = "\n".join(provenance)
    for needed in (
        "Zeitraum: 01.01.2026 bis 31.12.2026",
        "Mindestfallzahl: 3",
        "Erstellt am:",
        "Software: SRO-Fallmanagement",
        f"Geheim gehaltene Felder: {export.suppressed_cells}",
    ):
        assert needed in joined
    assert data.decode("utf-8-sig").split("\r\n")[len(provenance)] == CSV_HEADER
    assert rows[0] == CSV_HEADER.split(";")
    shown: dict = {}
    for table_id, row_feature, row, col_feature, col, value in rows[1:]:
        shown.setdefault(table_id, {}).setdefault(row, {})[col] = value
        assert row_feature and col_feature
        for field in (table_id, row_feature, row, col_feature, col, value):
            if field[:1] in ("=", "+", "-", "@", "\t", "\r"):
                assert re.fullmatch(r"-\d+(,\d+)?", field), field
    assert {
        "hilfen_sozialraum_hilfeart",
        "hilfen_sozialraum_altersgruppe",
        "hilfen_modellregion_geschlecht",
    } <= set(shown)
    assert len(rows) - 1 == sum(len(t.rows) * len(t.cols) for t in export.tables)
    assert {r[5] for r in rows[1:]} >= {".", "–"}
    assert _published_matches(export, facts, shown) > 10

    # XLSX: one cross table per sheet, a provenance sheet, no formula anywhere
    book = load_workbook(io.BytesIO(files["xlsx"]))
    assert book.sheetnames[0] == "Herkunft"
    shown = {}
    for table in export.tables:
        sheet = book[table.id]
        grid = [[c.value for c in r] for r in sheet.iter_rows()]
        head = next(i for i, r in enumerate(grid) if r[1] == table.cols[0].label)
        assert grid[head][1 : 1 + len(table.cols)] == [c.label for c in table.cols]
        shown[table.id] = {}
        for r, category in enumerate(table.rows, start=head + 1):
            assert grid[r][0] == category.label
            line = {}
            for c, col in enumerate(table.cols, start=1):
                value = grid[r][c]
                cell = table.cells[r - head - 1][c - 1]
                line[col.label] = (
                    value
                    if isinstance(value, str)
                    else (cell.text() if abs(value - cell.value) < 1e-9 else repr(value))
                )
            shown[table.id][category.label] = line
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    assert _published_matches(export, facts, shown) > 10

    # PDF: every table read back from the text; embedded fonts only; metadata
    text = _pdf_text(files["pdf"])
    pdf_rows = _pdf_tables(text, export)
    for table in export.tables:
        for i, row in enumerate(table.rows):
            assert pdf_rows[table.id][row.label] == [c.display() for c in table.cells[i]], (
                table.id,
                row.label,
            )
    reader = PdfReader(io.BytesIO(files["pdf"]))
    assert reader.metadata.title.startswith("Controllingbericht")
    assert reader.metadata.author and reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == "de-DE"
    fonts = set()
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            fonts.add(str(font["/BaseFont"]))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None, font
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
    assert fonts and not any("Helvetica" in f for f in fonts), fonts
    assert "Seite 1 von" in text

    # nothing that identifies a family, in any file
    xlsx_text = "".join(
        zipfile.ZipFile(io.BytesIO(files["xlsx"])).read(n).decode("utf-8", "replace")
        for n in zipfile.ZipFile(io.BytesIO(files["xlsx"])).namelist()
    )
    pdf_all = text + json.dumps({k: str(v) for k, v in reader.metadata.items()})
    for name, content in (("csv", data.decode("utf-8-sig")), ("xlsx", xlsx_text), ("pdf", pdf_all)):
        found = [c for c in filled.canaries if c in content]
        assert not found, f"{name} enthält {found}"

    # the audit log names each export and the file's hash
    with store.read() as s:
        events = (
            s.execute(select(AuditEventRecord).where(AuditEventRecord.action == "export"))
            .scalars()
            .all()
        )
    hashes = {json.loads(e.detail)["sha256"]: json.loads(e.detail) for e in events}
    for fmt, w in written.items():
        assert w.sha256 == hashlib.sha256(files[fmt]).hexdigest()
        detail = hashes[w.sha256]
        assert detail["format"] == fmt.upper() and detail["threshold"] == 3
        assert detail["period"] == ["2026-01-01", "2026-12-31"]
        assert detail["suppressed_cells"] == export.suppressed_cells
    assert all(e.entity == "statistics" and e.case_id is None for e in events)
    assert "SHA-256" in written["pdf"].summary()


def test_higher_threshold_hides_more(filled: Filled) -> None:
    low = filled.store.statistics.build(FROM, TO)
    high = filled.store.statistics.build(FROM, TO, min_cell=6)
    assert high.threshold == 6 and high.sensitive_threshold >= 8
    assert high.suppressed_cells > low.suppressed_cells
    assert_true_figures(filled.facts, high)
    assert_protected(high, _model(filled.facts))


def test_rules_and_roles(filled: Filled, tmp_path: Path) -> None:
    store = filled.store
    with pytest.raises(ValidationError, match="mindestens 3"):
        store.statistics.build(FROM, TO, min_cell=2)
    with pytest.raises(ValidationError, match="Ende"):
        store.statistics.build(TO, FROM)
    with pytest.raises(ValidationError, match=r"\.csv, \.xlsx oder \.pdf"):
        store.statistics.export_file(FROM, TO, tmp_path / "stat.ods")
    assert not (tmp_path / "stat.ods").exists()
    controller = Store(
        store.path, store.engine, actor="controlling1", role="controlling", clock=store.clock
    )
    assert controller.statistics.build(FROM, TO).tables
    stranger = Store(store.path, store.engine, actor="gast", role="guest", clock=store.clock)
    with pytest.raises(PermissionDenied):
        stranger.statistics.build(FROM, TO)


@pytest.mark.parametrize("size", [0, 1])
def test_degenerate_exports_render(size: int) -> None:
    """No data, or a single case in a single Sozialraum: every format still renders, and the
    PDF still embeds every font it uses."""
    from sro_case.statistics.service import render
    from tests.test_export_suppression import ALL_SPACES, build

    space = ALL_SPACES[0]
    helps = (
        (HelpFact(1, space.code, "31", date(2026, 5, 1), None, None, 1000, "u3", "male"),)
        if size
        else ()
    )
    export = build(Facts((space,), helps, protections=(ProtectionFact(1, space.code, None),)))
    for fmt in ("CSV", "XLSX"):
        assert render(export, fmt)
    _assert_prints(render(export, "XLSX"), export)
    reader = PdfReader(io.BytesIO(render(export, "PDF")))
    fonts = {
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"].get("/Font", {}).values()
    }
    assert fonts and all("DejaVu" in f for f in fonts), fonts


def _assert_prints(data: bytes, export: StatisticsExport) -> None:
    """Every sheet prints as a readable table: A4 landscape fitted to the page width, the title
    lines and the column header repeated on each page, a page header with the table's title and
    the period, "Seite x von y" below, whole header words in their columns."""
    from openpyxl.utils import get_column_letter

    book = load_workbook(io.BytesIO(data))
    period = f"{export.date_from:%d.%m.%Y} bis {export.date_to:%d.%m.%Y}"
    for sheet in book:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert int(setup.paperSize) == 9, sheet.title  # A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True, sheet.title
        assert sheet.print_area and sheet.print_title_rows, sheet.title
        assert period in sheet.oddHeader.right.text, sheet.title
        assert sheet.oddFooter.center.text == "Seite &P von &N", sheet.title
        assert "geheim gehalten" in sheet.oddFooter.left.text, sheet.title
        assert len(sheet.title) <= 31
    info = book["Herkunft"]
    assert info.print_title_rows == "$1:$1"
    assert "Herkunft" in info.oddHeader.left.text
    for table in export.tables:
        sheet = book[table.id]
        assert sheet.oddHeader.left.text == table.title.replace("&", "&&")
        head = next(
            r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == table.cols[0].label
        )
        last = get_column_letter(len(table.cols) + 1)
        assert sheet.print_title_rows == f"$1:${head}", table.id
        assert sheet.print_area == f"'{sheet.title}'!$A$1:${last}${head + len(table.rows)}"
        assert sheet.freeze_panes == f"B{head + 1}"
        merged = {str(r) for r in sheet.merged_cells.ranges}
        assert len(table.cols) == 0 or f"A1:{last}1" in merged, "the title wraps over the table"
        widths = [
            sheet.column_dimensions[get_column_letter(c)].width
            for c in range(1, len(table.cols) + 2)
        ]
        # Excel's measure: 7 px per width unit and 5 px per column; 1046 px fit on the page
        scale = min(1.0, 1046 / sum(w * 7 + 5 for w in widths))
        assert scale >= 0.8, (table.id, scale)
        upright = sheet.cell(head, 2).alignment.text_rotation == 90
        for c, col in enumerate(table.cols, start=2):
            cell = sheet.cell(head, c)
            assert cell.alignment.wrap_text, (table.id, col.label)
            assert cell.alignment.text_rotation == (90 if upright else 0)
            height = sheet.row_dimensions[head].height
            if upright:  # two lines side by side; about 4 pt per 9 pt character
                assert height >= 4 * len(col.label) / 2, (table.id, col.label)
                continue
            longest = max(len(word) for word in col.label.split())
            assert widths[c - 1] >= longest + 1, (table.id, col.label)  # words stay whole
            lines = textwrap.wrap(col.label, int(widths[c - 1]) - 1)
            assert height >= 11 * len(lines), (table.id, col.label)  # every line shows
        for r, category in enumerate(table.rows, start=head + 1):
            label = sheet.cell(r, 1)
            assert label.alignment.wrap_text
            if len(category.label) > widths[0]:  # a long label wraps into a taller row
                assert sheet.row_dimensions[r].height >= 26, (table.id, category.label)


def test_xlsx_prints_as_a_table(filled: Filled) -> None:
    import dataclasses

    from sro_case.export.writers import to_xlsx

    export = filled.store.statistics.build(FROM, TO)
    _assert_prints(to_xlsx(export), export)
    book = load_workbook(io.BytesIO(to_xlsx(export)))
    # 19 kinds of help side by side: narrow columns, the headers stand upright
    wide = export.table("hilfen_sozialraum_hilfeart")
    sheet = book[wide.id]
    assert len(wide.cols) > 15
    head = next(r for r in range(1, 10) if sheet.cell(r, 2).value == wide.cols[0].label)
    assert sheet.cell(head, 2).alignment.text_rotation == 90
    assert sheet.row_dimensions[head].height >= 100
    narrow = export.table("hilfen_modellregion_geschlecht")
    sheet = book[narrow.id]
    head = next(r for r in range(1, 10) if sheet.cell(r, 2).value == narrow.cols[0].label)
    assert sheet.cell(head, 2).alignment.text_rotation in (0, None)
    # an ampersand in a title is text in the page header, not a code
    renamed = dataclasses.replace(
        export,
        tables=(dataclasses.replace(export.tables[0], title="Hilfen & Kosten"), *export.tables[1:]),
    )
    _assert_prints(to_xlsx(renamed), renamed)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SRO_CASE")}
    env["SRO_CASE_PASSPHRASE"] = PASSPHRASE
    return subprocess.run(
        [sys.executable, "-m", "sro_case", "export-stats", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_export_stats(filled: Filled, db_path: Path, tmp_path: Path) -> None:
    filled.store.close()
    out = tmp_path / "controlling.csv"
    result = _cli(
        "--db", str(db_path), "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert digest in result.stdout and "geheim gehalten" in result.stdout
    assert out.read_bytes().startswith(b"\xef\xbb\xbf#")

    refused = _cli(
        "--db",
        str(db_path),
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--out",
        str(tmp_path / "x.csv"),
        "--min-cell",
        "2",
    )
    assert refused.returncode in (2, 4)
    assert "Mindestfallzahl" in refused.stderr and "mindestens 3" in refused.stderr
    assert not (tmp_path / "x.csv").exists()
