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

from sro_case.export.tables import (
    FEATURES,
    PublishedCell,
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


def to_xlsx(export: StatisticsExport) -> bytes:
    """One sheet per table as a cross table, and a provenance sheet first."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    title_font = Font(bold=True, size=13)
    muted = Font(italic=True, color="555555")
    hidden_fill = PatternFill("solid", fgColor="D9D9D9")
    head_fill = PatternFill("solid", fgColor="E8EEF4")
    right = Alignment(horizontal="right")
    wrap = Alignment(wrap_text=True, vertical="top")

    wb = Workbook()
    info = wb.active
    info.title = "Herkunft"
    info["A1"] = safe_text("Anonymisierte Statistik – Herkunft und Zeichen")
    info["A1"].font = title_font
    row = 3
    for label, value in export.provenance():
        info.cell(row, 1, safe_text(label)).font = bold
        info.cell(row, 2, safe_text(value)).alignment = wrap
        row += 1
    row += 1
    info.cell(row, 1, "Tabellen").font = bold
    row += 1
    for table in export.tables:
        info.cell(row, 1, safe_text(table.id))
        info.cell(row, 2, safe_text(f"{table.title} — {table.population_label}")).alignment = wrap
        row += 1
    info.column_dimensions["A"].width = 30
    info.column_dimensions["B"].width = 110

    used = {"herkunft"}
    for table in export.tables:
        ws = wb.create_sheet(_sheet_name(table.id, used))
        ws["A1"] = safe_text(table.title)
        ws["A1"].font = title_font
        ws["A2"] = safe_text(f"Grundgesamtheit: {table.population_label}")
        ws["A2"].font = muted
        line = 3
        for note in table.notes:
            ws.cell(line, 1, safe_text(note)).font = muted
            line += 1
        head = line + 1
        corner = ws.cell(head, 1, safe_text(f"{table.row_feature} \\ {table.col_feature}"))
        corner.font = bold
        corner.fill = head_fill
        for c, col in enumerate(table.cols, start=2):
            cell = ws.cell(head, c, safe_text(col.label))
            cell.font = bold
            cell.fill = head_fill
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="top")
        for r, category in enumerate(table.rows, start=head + 1):
            label = ws.cell(r, 1, safe_text(category.label))
            if category.is_total or category.feature == "gebiet":
                label.font = bold
            for c, published in enumerate(table.cells[r - head - 1], start=2):
                if published.status is Status.VALUE and published.value is not None:
                    value: float | str = (
                        int(published.value) if published.decimals == 0 else published.value
                    )
                    cell = ws.cell(r, c, value)
                    cell.number_format = _number_format(published)
                else:
                    cell = ws.cell(r, c, published.text())
                    cell.alignment = right
                    if published.suppressed:
                        cell.fill = hidden_fill
                if category.is_total or table.cols[c - 2].is_total:
                    cell.font = bold
        ws.column_dimensions["A"].width = max(
            24, min(48, max(len(c.label) for c in table.rows) + 2)
        )
        for c in range(2, len(table.cols) + 2):
            ws.column_dimensions[get_column_letter(c)].width = 14
        ws.row_dimensions[head].height = 48
        ws.freeze_panes = ws.cell(head + 1, 2)
    wb.properties.creator = safe_text(export.software)
    wb.properties.title = "Anonymisierte Statistik für das Controlling"
    wb.properties.created = export.generated_at
    wb.properties.modified = export.generated_at
    wb.properties.lastModifiedBy = safe_text(export.software)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
