"""The PDF documents' common machinery (ReportLab platypus): page size and margins, the
paragraph styles with the embedded DejaVu fonts and German hyphenation, user text made safe
for ReportLab's markup (escaped, Arabic shaped, line breaks kept), the house table, and
building a document with its header and footer. Used by the conference protocol and help plan
(``protocol``) and the Art. 15 access package (``sro_case.access_request.service``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle

from sro_case import __version__
from sro_case.reports.layout import INK, MUTED, RULE, Furniture, NumberedCanvas

APP_TITLE = "SRO-Fallmanagement"
PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
BODY_W = PAGE_W - 2 * MARGIN_X

HEAD_BG = colors.HexColor("#E4E8ED")
ZEBRA_BG = colors.HexColor("#F5F7F9")
WARN_INK = colors.HexColor("#9B1C10")


def _hyphenator() -> Callable[[str], Iterator[tuple[str, str]]]:
    """German hyphenation for ReportLab: it calls this with a word that does not fit and takes
    the first (head, tail) pair whose head does, so pairs come longest head first."""
    from sro_case.reports.hyphenation import german

    return german().pairs


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    quote: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_bold_right: ParagraphStyle
    warn: ParagraphStyle


def base_styles(
    *, size: float, leading: float, cell_size: float, cell_leading: float
) -> tuple[ParagraphStyle, ParagraphStyle]:
    """The body text and the table cell of a document (embedded DejaVu, German hyphenation in
    cells): the common root of the protocol's and the controlling report's style sheets."""
    from sro_case.reports.fonts import REGULAR, register_fonts

    register_fonts()
    base = ParagraphStyle(
        "base",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=size,
        leading=leading,
        textColor=INK,
    )
    cell = ParagraphStyle(
        "cell",
        parent=base,
        fontSize=cell_size,
        leading=cell_leading,
        hyphenationLang=_hyphenator(),
        embeddedHyphenation=1,
        splitLongWords=1,
    )
    return base, cell


@cache
def styles() -> Styles:
    from sro_case.reports.fonts import BOLD, ITALIC

    base, cell = base_styles(size=10, leading=13.5, cell_size=9, cell_leading=11.5)
    return Styles(
        title=ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=17, leading=21),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=8
        ),
        h1=ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3
        ),
        body=base,
        quote=ParagraphStyle("quote", parent=base, fontName=ITALIC, fontSize=11, leading=15),
        small=ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD, fontSize=8.5),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_bold_right=ParagraphStyle(
            "cell_bold_right", parent=cell, fontName=BOLD, alignment=TA_RIGHT
        ),
        warn=ParagraphStyle("warn", parent=cell, fontName=BOLD, textColor=WARN_INK),
    )


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def shape_line(line: str) -> str:
    """One line ready to draw. Mixed lines keep a left-to-right base direction, because the
    document is German: "مريم schafft …" must not turn into "schafft … مريم"."""
    from sro_case.reports.fonts import shape

    if not _RTL.search(line):
        return line
    if not _LATIN.search(line):
        return shape(line)
    import arabic_reshaper
    from bidi.algorithm import get_display

    return str(get_display(arabic_reshaper.reshape(line), base_dir="L"))


def markup(text: str) -> str:
    """User text → safe ReportLab markup: escaped, Arabic shaped line by line, line breaks kept."""
    return "<br/>".join(escape(shape_line(line)) for line in text.replace("\r", "").split("\n"))


def table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
    zebra: bool = True,
) -> Table:
    from sro_case.reports.fonts import REGULAR

    result = Table(
        rows,
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitInRow=1,
        hAlign="LEFT",
    )
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
        if zebra:
            style += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_BG])]
    result.setStyle(TableStyle(style + list(extra)))
    return result


@dataclass(frozen=True)
class Meta:
    title: str
    subject: str
    author: str
    keywords: str
    header: str
    footer: str


def build(flowables: list[Flowable], meta: Meta) -> bytes:
    from sro_case.reports.fonts import REGULAR

    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=meta.keywords,
        creator=f"{APP_TITLE} {__version__}",
        lang="de-DE",
        displayDocTitle=1,
        initialFontName=REGULAR,
        initialFontSize=10,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        BODY_W,
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(
        flowables,
        canvasmaker=partial(
            NumberedCanvas,
            furniture=Furniture(
                header_left=meta.header,
                header_right="Vertraulich – enthält Sozialdaten",
                footer=meta.footer,
                margin=MARGIN_X,
                header_from_top=13 * mm,
                footer_from_bottom=11 * mm,
                shape=shape_line,
            ),
        ),
    )
    return buffer.getvalue()
