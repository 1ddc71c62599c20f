"""The controlling report (PDF): charts and every table of an anonymised export.

It takes the published export only, so a chart can show nothing that the tables hide: a hidden
figure becomes an empty bar labelled ``.``, a zero an empty bar labelled ``–``. Every text is
set in the embedded DejaVu Sans (``initialFontName`` included), so no unembedded Helvetica
ends up in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, partial
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sro_case.export.tables import (
    PublishedCell,
    PublishedTable,
    StatisticsExport,
    Status,
)
from sro_case.export.tally import MODEL, REST
from sro_case.reports.fonts import BOLD, REGULAR
from sro_case.reports.layout import INK, MUTED, RULE, Furniture, NumberedCanvas

TITLE = "Controllingbericht Sozialraumorientierung"
AUTHOR = "SRO-Fallmanagement, Hansestadt Rostock – Jugendamt"
PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 18 * mm
HEAD_BG = colors.HexColor("#E4E8ED")
HIDDEN_BG = colors.HexColor("#D9D9D9")
MODEL_COLOUR = colors.HexColor("#1F6FB2")
REST_COLOUR = colors.HexColor("#9BB7D4")
NEUTRAL = colors.HexColor("#5B8DB8")
ALERT = colors.HexColor("#C0504D")


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_bold: ParagraphStyle
    number: ParagraphStyle
    number_bold: ParagraphStyle


@cache
def _styles() -> _Styles:
    from sro_case.reports.document import base_styles

    base, cell = base_styles(size=9.5, leading=13, cell_size=7.5, cell_leading=9)
    return _Styles(
        title=ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=18, leading=23),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontSize=11, leading=15, textColor=MUTED, spaceAfter=10
        ),
        h1=ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        cell=cell,
        cell_head=ParagraphStyle(
            "cell_head", parent=cell, fontName=BOLD, fontSize=7, leading=8.5, alignment=TA_CENTER
        ),
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        number=ParagraphStyle("number", parent=cell, alignment=TA_RIGHT, hyphenationLang=""),
        number_bold=ParagraphStyle(
            "number_bold", parent=cell, fontName=BOLD, alignment=TA_RIGHT, hyphenationLang=""
        ),
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _soft(text: str) -> str:
    """Soft hyphens in long words: ReportLab would rather cut a word that starts a line
    anywhere ("Gruppenarbe it") than try its hyphenation there."""
    from sro_case.reports.hyphenation import german

    hyphenator = german()
    return " ".join(hyphenator.inserted(w, "\u00ad") if len(w) > 8 else w for w in text.split(" "))


# --------------------------------------------------------------------------- charts


def _figure(cell: PublishedCell) -> tuple[float, str]:
    """Bar length and label of one published figure: hidden and zero figures draw no bar."""
    if cell.status is Status.VALUE and cell.value is not None:
        return float(cell.value), cell.display()
    return 0.0, cell.text()


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose renderer starts in DejaVu Sans, not in its default Helvetica."""
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 8
    return drawing


def _hbar(
    labels: Sequence[str],
    cells: Sequence[PublishedCell],
    *,
    width: float,
    colours: Sequence[Any] | None = None,
    value_min: float | None = 0,
    value_max: float | None = None,
    label_width: float = 150,
    reference: float | None = None,
    unit: str = "",
) -> Drawing:
    """A horizontal bar chart, first category on top, one labelled bar per figure."""
    bar = 13.0
    plot_h = max(bar * len(labels), 30)
    height = plot_h + 26
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 40, plot_h
    figures = [_figure(c) for c in cells]
    chart.data = [[v for v, _ in figures]]
    chart.barLabelArray = [
        [
            t + (unit if c.status is Status.VALUE else "")
            for (_, t), c in zip(figures, cells, strict=True)
        ]
    ]
    chart.barLabelFormat = "values"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fillColor = INK
    chart.categoryAxis.categoryNames = [_short(x) for x in labels]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.joinAxisMode = "left"  # labels stay left of negative bars
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E6E9ED")
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.labelTextFormat = lambda v: f"{v:g}".replace(".", ",").replace("-", "−")
    if value_min is not None:
        chart.valueAxis.valueMin = value_min
    if value_max is not None:
        chart.valueAxis.valueMax = value_max
    elif not any(v for v, _ in figures):
        chart.valueAxis.valueMax = 1
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = NEUTRAL
    chart.barWidth = 9
    chart.groupSpacing = 4
    for i, colour in enumerate(colours or ()):
        chart.bars[(0, i)].fillColor = colour
    for i, (v, _) in enumerate(figures):
        if v < 0:  # the label goes beyond the end of a bar that points left
            chart.barLabels[(0, i)].boxAnchor = "e"
            chart.barLabels[(0, i)].dx = -3
    drawing.add(chart)
    if reference is not None:
        lo = chart.valueAxis.valueMin if value_min is None else value_min
        hi = value_max or max([reference, *(v for v, _ in figures)]) * 1.1
        chart.valueAxis.valueMax = hi
        x = chart.x + chart.width * (reference - lo) / (hi - lo)
        drawing.add(
            Line(
                x,
                chart.y,
                x,
                chart.y + chart.height,
                strokeColor=ALERT,
                strokeWidth=0.8,
                strokeDashArray=(3, 2),
            )
        )
    return drawing


def _grouped(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[PublishedCell], Any]],
    *,
    width: float,
    height: float = 190,
) -> Drawing:
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 40
    chart.width, chart.height = width - 170, height - 60
    chart.data = [[_figure(c)[0] for c in cells] for _, cells, _ in series]
    chart.barLabelArray = [[_figure(c)[1] for c in cells] for _, cells, _ in series]
    chart.barLabelFormat = "values"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    chart.categoryAxis.categoryNames = [_short(c, 20) for c in categories]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E6E9ED")
    chart.valueAxis.labelTextFormat = lambda v: f"{v:g}".replace(".", ",")
    if not any(v for row in chart.data for v in row):
        chart.valueAxis.valueMax = 1
    chart.bars.strokeColor = None
    chart.groupSpacing = 10
    chart.barSpacing = 2
    for i, (_, _, colour) in enumerate(series):
        chart.bars[i].fillColor = colour
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 120, height - 30
    legend.fontName = REGULAR
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [(colour, name) for name, _, colour in series]
    legend.strokeColor = None
    drawing.add(legend)
    return drawing


def _rows(table: PublishedTable, feature: str) -> list[int]:
    return [i for i, r in enumerate(table.rows) if r.feature == feature and not r.is_total]


def _total_col(table: PublishedTable) -> int:
    return len(table.cols) - 1


def _charts(export: StatisticsExport, width: float) -> list[Flowable]:
    st = _styles()
    out: list[Flowable] = []

    def block(title: str, drawing: Drawing, source: str) -> None:
        out.append(
            KeepTogether(
                [
                    _p(title, st.h1),
                    drawing,
                    _p(
                        f"Quelle: {source}. „.“ = geheim gehalten, „–“ = nichts vorhanden, "
                        "„x“ = Aussage nicht sinnvoll.",
                        st.small,
                    ),
                    Spacer(1, 8),
                ]
            )
        )

    spaces = {t.id: t for t in export.tables}
    helps = spaces.get("hilfen_sozialraum_hilfeart")
    model_names = set(export.model_regions)
    regions = spaces.get("hilfen_modellregion_geschlecht")
    if helps is not None:
        rows = _rows(helps, "sozialraum")
        c = _total_col(helps)
        block(
            "Begonnene Hilfen je Sozialraum",
            _hbar(
                [helps.rows[i].label for i in rows],
                [helps.cells[i][c] for i in rows],
                width=width,
                colours=[
                    MODEL_COLOUR if helps.rows[i].label in model_names else REST_COLOUR
                    for i in rows
                ],
            ),
            "Tabelle hilfen_sozialraum_hilfeart, Zeilensummen; dunkel: Modellregionen",
        )
    if regions is not None:
        cols = [j for j, col in enumerate(regions.cols) if not col.is_total]
        by_code = {r.code: i for i, r in enumerate(regions.rows)}
        block(
            "Modellregionen und übrige Stadt: begonnene Hilfen nach Geschlecht",
            _grouped(
                [regions.cols[j].label for j in cols],
                [
                    (
                        "Modellregion",
                        [regions.cells[by_code[MODEL]][j] for j in cols],
                        MODEL_COLOUR,
                    ),
                    ("übrige Stadt", [regions.cells[by_code[REST]][j] for j in cols], REST_COLOUR),
                ],
                width=width,
            ),
            "Tabelle hilfen_modellregion_geschlecht",
        )
    if helps is not None:
        cols = [j for j, col in enumerate(helps.cols) if not col.is_total]
        total_row = len(helps.rows) - 1
        block(
            "Begonnene Hilfen nach Hilfeart",
            _hbar(
                [helps.cols[j].label for j in cols],
                [helps.cells[total_row][j] for j in cols],
                width=width,
                label_width=180,
            ),
            "Tabelle hilfen_sozialraum_hilfeart, Spaltensummen",
        )
    goals = spaces.get("ziele_zielerreichung")
    if goals is not None:
        order = [*_rows(goals, "gebiet"), len(goals.rows) - 1, *_rows(goals, "sozialraum")]
        block(
            "Mittlere Zielerreichung (−2 bis +2)",
            _hbar(
                [goals.rows[i].label for i in order],
                [goals.cells[i][1] for i in order],
                width=width,
                value_min=-2,
                value_max=2,
                colours=[
                    MODEL_COLOUR
                    if goals.rows[i].code == MODEL or goals.rows[i].label in model_names
                    else REST_COLOUR
                    for i in order
                ],
            ),
            "Tabelle ziele_zielerreichung (letzte Bewertung je Ziel im Zeitraum)",
        )
    budget = spaces.get("kosten_budget_sozialraum")
    if budget is not None:
        share = next(j for j, c in enumerate(budget.cols) if c.kind == "share")
        order = [*_rows(budget, "sozialraum"), *_rows(budget, "gebiet"), len(budget.rows) - 1]
        block(
            "Ausschöpfung des Sozialraumbudgets",
            _hbar(
                [budget.rows[i].label for i in order],
                [budget.cells[i][share] for i in order],
                width=width,
                reference=100.0,
                unit=" %",
                colours=[
                    MODEL_COLOUR
                    if budget.rows[i].code == MODEL or budget.rows[i].label in model_names
                    else REST_COLOUR
                    for i in order
                ],
            ),
            "Tabelle kosten_budget_sozialraum; rote Linie: 100 % des Budgets",
        )
    return out


# --------------------------------------------------------------------------- tables


def _table_blocks(table: PublishedTable, width: float) -> list[Flowable]:
    """The table, split into column blocks that fit the page; row labels repeat."""
    st = _styles()
    label_w = 130.0
    col_w = 80.0 if table.kind != "count" else 70.0 if len(table.cols) <= 9 else 58.0
    per_block = max(1, int((width - label_w) // col_w))
    columns = list(range(len(table.cols)))
    n_blocks = -(-len(columns) // per_block)
    size = -(-len(columns) // n_blocks)  # even blocks: 10 + 9 rather than 11 + 8
    blocks = [columns[i : i + size] for i in range(0, len(columns), size)]
    out: list[Flowable] = []
    for b, cols in enumerate(blocks):
        head = [_p(table.row_feature, st.cell_head)] + [
            _p(_soft(table.cols[j].label), st.cell_head) for j in cols
        ]
        rows = [head]
        style: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for i, category in enumerate(table.rows, start=1):
            strong = category.is_total or category.feature == "gebiet"
            line = [_p(category.label, st.cell_bold if strong else st.cell)]
            for k, j in enumerate(cols, start=1):
                cell = table.cells[i - 1][j]
                bold = strong or table.cols[j].is_total
                line.append(_p(cell.display(), st.number_bold if bold else st.number))
                if cell.suppressed:
                    style.append(("BACKGROUND", (k, i), (k, i), HIDDEN_BG))
            rows.append(line)
            if category.is_total:
                style.append(("LINEABOVE", (0, i), (-1, i), 0.8, INK))
        grid = Table(rows, colWidths=[label_w] + [col_w] * len(cols), repeatRows=1, hAlign="LEFT")
        grid.setStyle(TableStyle(style))
        if len(blocks) > 1:
            out.append(_p(f"Teil {b + 1} von {len(blocks)}", st.small))
        out += [grid, Spacer(1, 6)]
    return out


def _table_section(table: PublishedTable, width: float) -> list[Flowable]:
    st = _styles()
    intro = [
        _p(table.title, st.h1),
        _p(f"Tabelle {table.id} · Grundgesamtheit: {table.population_label}", st.small),
        *(_p(note, st.small) for note in table.notes),
        Spacer(1, 4),
    ]
    blocks = _table_blocks(table, width)
    return [CondPageBreak(120), KeepTogether([*intro, blocks[0]]), *blocks[1:], Spacer(1, 6)]


# --------------------------------------------------------------------------- document


def _frame(size: tuple[float, float], name: str) -> Frame:
    width, height = size
    return Frame(
        MARGIN,
        16 * mm,
        width - 2 * MARGIN,
        height - 16 * mm - 17 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def controlling_pdf(export: StatisticsExport) -> bytes:
    """The controlling report as PDF bytes."""
    st = _styles()
    period = f"{export.date_from:%d.%m.%Y} bis {export.date_to:%d.%m.%Y}"
    portrait_w = PORTRAIT[0] - 2 * MARGIN
    landscape_w = LANDSCAPE[0] - 2 * MARGIN
    story: list[Flowable] = [
        _p(TITLE, st.title),
        _p(
            f"Anonymisierte Statistik für Controlling und Jugendhilfeplanung · {period}",
            st.subtitle,
        ),
    ]
    facts = Table(
        [[_p(label, st.cell_bold), _p(value, st.cell)] for label, value in export.provenance()],
        colWidths=[110, portrait_w - 110],
        hAlign="LEFT",
    )
    facts.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story += [
        facts,
        Spacer(1, 8),
        _p(
            "Alle Zahlen sind Fallzahlen aus zusammengefassten Tabellen. Kleine Zahlen und "
            "Zahlen, aus denen sich kleine Zahlen errechnen ließen, sind durch „.“ ersetzt; "
            "auch die Grafiken zeigen nur die veröffentlichten Zahlen.",
            st.body,
        ),
        Spacer(1, 6),
        *_charts(export, portrait_w),
        NextPageTemplate("landscape"),
        PageBreak(),
        _p("Tabellen", st.title),
        Spacer(1, 4),
    ]
    for table in export.tables:
        story += _table_section(table, landscape_w)

    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PORTRAIT,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=17 * mm,
        bottomMargin=16 * mm,
        title=f"{TITLE} {period}",
        author=AUTHOR,
        subject="Anonymisierte Statistik nach Sozialraum, Hilfeart, Altersgruppe, "
        "Zielerreichung und Budget (§ 64 Abs. 3 SGB VIII)",
        keywords="Controlling, Jugendhilfeplanung, Sozialraumorientierung, Rostock",
        creator=export.software,
        lang="de-DE",
        displayDocTitle=1,
        initialFontName=REGULAR,
        initialFontSize=9.5,
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="portrait", frames=[_frame(PORTRAIT, "p")], pagesize=PORTRAIT),
            PageTemplate(id="landscape", frames=[_frame(LANDSCAPE, "l")], pagesize=LANDSCAPE),
        ]
    )
    footer = f"Zeitraum {period} · Mindestfallzahl {export.threshold} · {export.software}"
    furniture = Furniture(
        header_left=TITLE,
        header_right="Anonymisiert nach § 64 Abs. 3 SGB VIII",
        footer=footer,
        margin=MARGIN,
        header_from_top=11 * mm,
        footer_from_bottom=9 * mm,
        font_size=7.5,
        header_rule_gap=2 * mm,
        footer_rule_gap=3.5 * mm,
    )
    doc.build(story, canvasmaker=partial(NumberedCanvas, furniture=furniture))
    return buffer.getvalue()
