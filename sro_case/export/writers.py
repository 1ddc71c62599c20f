"""CSV (long format, for German Excel) and XLSX (cross tables) from a published export.

Both writers see only the published view, so they cannot write a hidden figure. Every text
cell is neutralised against formula injection: a label that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return (a Sozialraum name in an edited catalogue, say) gets a
leading apostrophe; numbers, ``.``, ``–`` and ``x`` stay as they are.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from sro_case.export.tables import (
    FEATURES,
    SIGN_NOT_APPLICABLE,
    SIGN_SUPPRESSED,
    SIGN_ZERO,
    PublishedCell,
    PublishedTable,
    StatisticsExport,
    Status,
)

CSV_HEADER = ("Tabelle", "Zeilenmerkmal", "Zeile", "Spaltenmerkmal", "Spalte", "Anzahl")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(,\d+)?")


def safe_text(text: str) -> str:
    """Text a spreadsheet shows as it is and never runs as a formula."""
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def provenance_lines(export: StatisticsExport) -> list[str]:
    return [f"{label}: {value}".replace(";", ",") for label, value in export.provenance()]


def _feature(code: str) -> str:
    return FEATURES.get(code, code)


def to_csv(export: StatisticsExport) -> bytes:
    """UTF-8 with BOM, ``;`` separated, provenance as ``#`` lines above the header."""
    buffer = io.StringIO(newline="")
    for line in provenance_lines(export):
        buffer.write(safe_text(f"# {line}") + "\r\n")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_HEADER)
    for table in export.tables:
        for r, row in enumerate(table.rows):
            for c, col in enumerate(table.cols):
                writer.writerow(
                    [
                        safe_text(table.id),
                        safe_text(_feature(row.feature)),
                        safe_text(row.label),
                        safe_text(_feature(col.feature)),
                        safe_text(col.label),
                        table.cells[r][c].text(),
                    ]
                )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --------------------------------------------------------------------------- XLSX
#
# Every sheet prints as a table: A4 landscape, scaled to the page width, the title lines and the
# column header repeated on every page, a page header with the table's title and the period, a
# footer with the signs and "Seite x von y". openpyxl cannot measure text, so widths and row
# heights are estimated from the number of characters, on the wide side (DejaVu Sans, which
# LibreOffice takes where Arial is missing, is about a tenth wider than Arial). A width unit is
# the width of a digit of the workbook's standard font (Calibri 11, in LibreOffice Carlito):
# 7 px. Columns hold whole words of their header; a table that would shrink below
# ``_MIN_SCALE`` that way gets narrow columns and upright (rotated) headers instead.

FONT = "Arial"  # in Excel everywhere; LibreOffice has the metric twin Liberation Sans
_PAGE_PX = 1046  # A4 landscape (297 mm) less two margins of 0.4 in, in pixels at 96 dpi
_MIN_SCALE = 0.85
_MAX_HEADER_LINES = 4
_WIDEST_COLUMN = 24.0
# characters per width unit and line heights in points
_CHARS_BODY, _LINE_BODY = 1.0, 13.0  # 10 pt
_DIGITS_BODY = 0.85  # 10 pt digits are wider than the average letter
_CHARS_HEAD, _LINE_HEAD = 0.95, 12.0  # 9 pt bold
_CHARS_NOTE, _LINE_NOTE = 1.1, 12.0  # 9 pt italic
_CHARS_TITLE, _LINE_TITLE = 0.72, 16.0  # 12 pt bold
_HEAD_CHAR_PT = 5.5  # a 9 pt bold character along an upright header


def _sheet_name(table_id: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "_", table_id)[:31]
    base, n = name, 2
    while name.casefold() in used:
        suffix = f"_{n}"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name.casefold())
    return name


def _number_format(cell: PublishedCell) -> str:
    return "#,##0" if cell.decimals == 0 else "#,##0." + "0" * cell.decimals


def _wrapped_lines(text: str, width: int) -> int:
    """Lines ``text`` takes when wrapped at ``width`` characters (long words broken)."""
    width = max(1, width)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split():
            need = len(word) if used == 0 else used + 1 + len(word)
            if need <= width:
                used = need
                continue
            if used:
                lines += 1
            lines += (len(word) - 1) // width
            used = len(word) - (len(word) - 1) // width * width
    return lines


def _chars(units: float, per_unit: float) -> int:
    """Characters that fit in a cell ``units`` wide (less its padding)."""
    return int((units - 1) * per_unit)


def _px(widths: list[float]) -> float:
    return sum(w * 7 + 5 for w in widths)


def _header_text(text: str) -> str:
    """Text for a page header or footer: ``&`` starts a code there."""
    return text.replace("&", "&&")


def _print_setup(
    ws: Any, export: StatisticsExport, title: str, area: str, title_rows: str | None
) -> None:
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.print_area = area
    if title_rows:
        ws.print_title_rows = title_rows
    period = f"Zeitraum {export.date_from:%d.%m.%Y} bis {export.date_to:%d.%m.%Y}"
    ws.oddHeader.left.text = _header_text(title)
    ws.oddHeader.left.font = f"{FONT},Bold"
    ws.oddHeader.left.size = 9
    ws.oddHeader.right.text = _header_text(period)
    ws.oddHeader.right.font = f"{FONT},Regular"
    ws.oddHeader.right.size = 9
    ws.oddFooter.left.text = _header_text(
        f"{SIGN_SUPPRESSED} geheim gehalten   {SIGN_ZERO} nichts vorhanden   "
        f"{SIGN_NOT_APPLICABLE} nicht sinnvoll"
    )
    ws.oddFooter.center.text = "Seite &P von &N"
    ws.oddFooter.right.text = _header_text(
        f"Mindestfallzahl {export.threshold} · erstellt {export.generated_at:%d.%m.%Y}"
    )
    for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.font = f"{FONT},Regular"
        part.size = 8


def _column_widths(table: PublishedTable) -> tuple[float, list[float], bool]:
    """Width of the row label column, of each figure column, and whether the column headers
    stand upright (rotated by 90°) because whole words of them would not fit the page."""
    longest_label = max((len(r.label) for r in table.rows), default=0)
    corner_word = max(len(w) for w in f"{table.row_feature} {table.col_feature}".split())
    first = max(
        min(60.0, max(20.0, longest_label / _CHARS_BODY + 2)), corner_word / _CHARS_HEAD + 2
    )
    figures = max((len(cell.display()) for row in table.cells for cell in row), default=1)
    narrow = max(6.0, figures / _DIGITS_BODY + 1)
    widths = []
    for col in table.cols:
        longest_word = max((len(w) for w in col.label.split()), default=0)
        width = max(narrow, 9.0, min(_WIDEST_COLUMN, longest_word / _CHARS_HEAD + 2))
        while (
            _wrapped_lines(col.label, _chars(width, _CHARS_HEAD)) > _MAX_HEADER_LINES
            and width < _WIDEST_COLUMN
        ):
            width += 1
        widths.append(width)
    if _PAGE_PX / _px([first, *widths]) >= _MIN_SCALE:
        return first, widths, False
    return first, [narrow] * len(table.cols), True


def _header_height(
    table: PublishedTable, first: float, widths: list[float], upright: bool
) -> float:
    corner = f"{table.row_feature} \\ {table.col_feature}"
    height = _wrapped_lines(corner, _chars(first, _CHARS_HEAD)) * _LINE_HEAD + 4
    for col, width in zip(table.cols, widths, strict=True):
        if upright:  # the lines stand side by side; the longest one sets the height
            beside = max(1, int(((width * 7 + 5) * 0.75 - 4) // _LINE_HEAD))
            length = next(
                n for n in range(1, len(col.label) + 2) if _wrapped_lines(col.label, n) <= beside
            )
            height = max(height, length * _HEAD_CHAR_PT + 10)
        else:
            lines = _wrapped_lines(col.label, _chars(width, _CHARS_HEAD))
            height = max(height, lines * _LINE_HEAD + 4)
    return height


def to_xlsx(export: StatisticsExport) -> bytes:
    """One sheet per table as a cross table, and a provenance sheet first; each prints."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    body = Font(name=FONT, size=10)
    bold = Font(name=FONT, size=10, bold=True)
    head_font = Font(name=FONT, size=9, bold=True)
    title_font = Font(name=FONT, size=12, bold=True)
    muted = Font(name=FONT, size=9, italic=True, color="555555")
    hidden_fill = PatternFill("solid", fgColor="D9D9D9")
    head_fill = PatternFill("solid", fgColor="E8EEF4")
    line = Side(style="thin", color="A6A6A6")
    grid = Border(left=line, right=line, top=line, bottom=line)
    right = Alignment(horizontal="right", vertical="top")
    top = Alignment(vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")

    wb = Workbook()
    info = wb.active
    info.title = "Herkunft"
    heading = "Anonymisierte Statistik – Herkunft und Zeichen"
    info["A1"] = safe_text(heading)
    info["A1"].font = title_font
    info.row_dimensions[1].height = _LINE_TITLE + 4
    info_widths = (32.0, 110.0)
    info.column_dimensions["A"].width = info_widths[0]
    info.column_dimensions["B"].width = info_widths[1]

    def info_line(row: int, label: str, value: str, label_font: Font) -> None:
        info.cell(row, 1, safe_text(label)).font = label_font
        info.cell(row, 1).alignment = wrap
        cell = info.cell(row, 2, safe_text(value))
        cell.font = body
        cell.alignment = wrap
        lines = max(
            _wrapped_lines(label, _chars(info_widths[0], _CHARS_HEAD)),
            _wrapped_lines(value, _chars(info_widths[1], _CHARS_BODY)),
        )
        if lines > 1:
            info.row_dimensions[row].height = lines * _LINE_BODY + 3

    row = 3
    for label, value in export.provenance():
        info_line(row, label, value, bold)
        row += 1
    row += 1
    info.cell(row, 1, "Tabellen").font = bold
    row += 1
    for table in export.tables:
        info_line(row, table.id, f"{table.title} — {table.population_label}", body)
        row += 1
    _print_setup(info, export, heading, f"A1:B{row - 1}", "1:1")

    used = {"herkunft"}
    for table in export.tables:
        ws = wb.create_sheet(_sheet_name(table.id, used))
        first, widths, upright = _column_widths(table)
        last_col = len(table.cols) + 1
        total_width = first + sum(widths)
        ws.column_dimensions["A"].width = first
        for c, width in enumerate(widths, start=2):
            ws.column_dimensions[get_column_letter(c)].width = width

        line_no = 1
        for text, font, per_unit, height in (
            (table.title, title_font, _CHARS_TITLE, _LINE_TITLE),
            (f"Grundgesamtheit: {table.population_label}", muted, _CHARS_NOTE, _LINE_NOTE),
            *((note, muted, _CHARS_NOTE, _LINE_NOTE) for note in table.notes),
        ):  # over the whole width of the table, wrapped: nothing runs off the printed page
            cell = ws.cell(line_no, 1, safe_text(text))
            cell.font = font
            cell.alignment = wrap
            if last_col > 1:
                ws.merge_cells(
                    start_row=line_no, start_column=1, end_row=line_no, end_column=last_col
                )
            lines = _wrapped_lines(text, _chars(total_width, per_unit))
            ws.row_dimensions[line_no].height = lines * height + 4
            line_no += 1
        ws.row_dimensions[line_no].height = 6
        head = line_no + 1
        corner = ws.cell(head, 1, safe_text(f"{table.row_feature} \\ {table.col_feature}"))
        corner.font = head_font
        corner.fill = head_fill
        corner.border = grid
        corner.alignment = Alignment(wrap_text=True, vertical="bottom")
        for c, col in enumerate(table.cols, start=2):
            cell = ws.cell(head, c, safe_text(col.label))
            cell.font = head_font
            cell.fill = head_fill
            cell.border = grid
            cell.alignment = (
                Alignment(wrap_text=True, text_rotation=90, horizontal="center", vertical="bottom")
                if upright
                else Alignment(wrap_text=True, horizontal="center", vertical="bottom")
            )
        ws.row_dimensions[head].height = _header_height(table, first, widths, upright)
        label_chars = _chars(first, _CHARS_BODY)
        for r, category in enumerate(table.rows, start=head + 1):
            label = ws.cell(r, 1, safe_text(category.label))
            label.font = bold if category.is_total or category.feature == "gebiet" else body
            label.border = grid
            label.alignment = wrap
            lines = _wrapped_lines(category.label, label_chars)
            if lines > 1:
                ws.row_dimensions[r].height = lines * _LINE_BODY + 3
            for c, published in enumerate(table.cells[r - head - 1], start=2):
                if published.status is Status.VALUE and published.value is not None:
                    figure: float = (
                        int(published.value) if published.decimals == 0 else published.value
                    )
                    cell = ws.cell(r, c, figure)
                    cell.number_format = _number_format(published)
                    cell.alignment = top
                else:
                    cell = ws.cell(r, c, published.text())
                    cell.alignment = right
                    if published.suppressed:
                        cell.fill = hidden_fill
                cell.border = grid
                cell.font = bold if category.is_total or table.cols[c - 2].is_total else body
        last_row = head + len(table.rows)
        ws.freeze_panes = ws.cell(head + 1, 2)
        _print_setup(
            ws, export, table.title, f"A1:{get_column_letter(last_col)}{last_row}", f"1:{head}"
        )
    wb.properties.creator = safe_text(export.software)
    wb.properties.title = "Anonymisierte Statistik für das Controlling"
    wb.properties.created = export.generated_at
    wb.properties.modified = export.generated_at
    wb.properties.lastModifiedBy = safe_text(export.software)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
