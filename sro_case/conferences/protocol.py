"""Conference protocol and § 36 help plan as PDF (ReportLab platypus).

Pure rendering: the functions take plain domain views and return PDF bytes, so the UI, the CLI
and tests share one layout and nothing here touches the database or the clock. Every font is
the embedded DejaVu family (Helvetica would turn Ş, Ł, Cyrillic and Arabic into boxes); user
text is escaped for ReportLab's markup, Arabic is shaped, narrow columns hyphenate in German.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sro_case import __version__
from sro_case.domain import models as m
from sro_case.domain.catalogues import Catalogue, catalogue
from sro_case.domain.consent_gate import check_participant, entrusted_released
from sro_case.domain.enums import (
    LEVEL_CAPTIONS,
    LEVEL_LABELS,
    GoalStatus,
    NoteKind,
    PersonRole,
    ResourceKind,
)
from sro_case.domain.formatting import german_date, german_money
from sro_case.reports.document import (
    APP_TITLE,
    BODY_W,
    HEAD_BG,
    WARN_INK,
    Meta,
    build,
    markup,
    styles,
    table,
)
from sro_case.reports.layout import INK, RULE
from sro_case.reports.names import NameScrubber, family_initials, initials

__all__ = [
    "LEVEL_CAPTIONS",
    "LEVEL_LABELS",
    "NameScrubber",
    "ProtocolOptions",
    "conference_protocol_pdf",
    "consent_status",
    "format_date",
    "format_money",
    "help_plan_pdf",
    "initials",
    "reportable_notes",
]

NO_CONSENT = "ohne Schweigepflichtentbindung"
_SHY_CONSENT = "Schweigepflicht\u00adentbindung"  # breaks at the compound joint, if at all


WARN_BG = colors.HexColor("#FBE4E1")
MARK_BG = colors.HexColor("#DCEFD9")
QUOTE_RULE = colors.HexColor("#3D6FA8")


@dataclass(frozen=True)
class ProtocolOptions:
    """How a document is rendered. ``initials`` replaces every name by initials;
    ``include_history`` adds the contacts since the previous conference (off by default:
    a handout carries what was agreed, not the case file)."""

    initials: bool = False
    generated_on: date | None = None
    author: str = ""
    include_history: bool = False


# --------------------------------------------------------------------------- formatting


def format_date(day: date | None, empty: str = "—") -> str:
    """TT.MM.JJJJ, the form German offices file by ("—" for none in a document)."""
    return german_date(day, empty)


format_money = german_money  # ``1.234,56 €`` (sro_case.domain.formatting)


def format_score(score: int) -> str:
    return LEVEL_LABELS[score + 2] if -2 <= score <= 2 else str(score)


# --------------------------------------------------------------------------- pseudonyms


def _caption(score: int) -> str:
    return LEVEL_CAPTIONS[score + 2] if -2 <= score <= 2 else ""


def _family_short(display_name: str) -> str:
    """ "Familie Yılmaz" → "Familie Y."."""
    short = family_initials(display_name)
    return f"Familie {short}" if short else "Familie"


# --------------------------------------------------------------------------- rules


def consent_status(
    participant: m.Participant, consents: Sequence[m.Consent], on: date
) -> tuple[str, bool]:
    """(German status, flagged) for the protocol, from the same rule as the conference screen
    (``consent_gate.check_participant``): the responsible service and the family need no
    release; any other discipline needs a consent covering it that is valid that day."""
    clearance = check_participant(participant, consents, on)
    if not clearance.needs_consent:
        return clearance.reason, False
    if not clearance.cleared:
        return NO_CONSENT, True
    until = [c.expires_on for c in consents if c.id in clearance.consent_ids]
    if any(u is None for u in until):
        return "liegt vor", False
    return f"liegt vor (bis {format_date(max(u for u in until if u))})", False


def reportable_notes(case: m.CaseDetail, on: date, since: date | None = None) -> list[m.CaseNote]:
    """Notes that may appear in a document dated ``on``: entries entrusted to one worker
    (§ 65 SGB VIII) only with a consent that releases them and is valid that day. A note does
    not record who entrusted it, so any family member's releasing consent counts."""
    released = entrusted_released(case.consents, on)
    return [
        n
        for n in case.notes
        if n.occurred_on <= on
        and (since is None or n.occurred_on > since)
        and (released or not n.entrusted)
    ]


# --------------------------------------------------------------------------- styles


# --------------------------------------------------------------------------- shared document


class _Writer:
    """Builds the flowables both documents share, with names pseudonymised on request."""

    def __init__(self, case: m.CaseDetail, options: ProtocolOptions, on: date) -> None:
        self.case = case
        self.options = options
        self.on = on
        self.st = styles()
        self.pseudo = options.initials
        self.scrub = NameScrubber()
        if self.pseudo:
            for p in case.family.persons:
                self.scrub.add(p.full_name)
                self.scrub.add(p.first_name)
                self.scrub.add(p.last_name)
            for c in case.conferences:
                for part in c.participants:
                    self.scrub.add(part.name)
                self.scrub.add(c.facilitator)
            self.scrub.add(case.summary.lead_worker)
            self.scrub.add(re.sub(r"^\s*familie\s+", "", case.family.display_name, flags=re.I))
        self.persons = {p.id: p for p in case.family.persons}
        self.disciplines: Catalogue = catalogue("disciplines")
        self.sections = 0

    # -- text helpers ------------------------------------------------------------------
    def text(self, value: str) -> str:
        """Free text as it may appear in this document."""
        return self.scrub(value) if self.pseudo else value

    def name(self, value: str) -> str:
        """A person's name: initials when pseudonymised."""
        return initials(value) if self.pseudo else value

    def family_name(self) -> str:
        name = self.case.family.display_name
        return _family_short(name) if self.pseudo else name

    def para(self, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup(self.text(value)), style or self.st.body)

    def cell(self, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup(value), style or self.st.cell)

    def heading(self, title: str) -> Paragraph:
        self.sections += 1
        return Paragraph(escape(f"{self.sections}. {title}"), self.st.h1)

    def empty(self, what: str = "keine Angaben") -> Paragraph:
        return Paragraph(escape(f"— {what} —"), self.st.small)

    # -- blocks ------------------------------------------------------------------------
    def title_block(
        self, title: str, subtitle: str, facts: list[tuple[str, str]]
    ) -> list[Flowable]:
        rows: list[list[Any]] = []
        for i in range(0, len(facts), 2):
            row: list[Any] = []
            for label, value in facts[i : i + 2]:
                row += [self.cell(label, self.st.cell_head), self.cell(value)]
            while len(row) < 4:
                row.append("")
            rows.append(row)
        grid = table(
            rows,
            [33 * mm, 52 * mm, 33 * mm, 52 * mm],
            header=False,
            extra=[
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ],
        )
        return [
            Paragraph(escape(title), self.st.title),
            Paragraph(escape(subtitle), self.st.subtitle),
            grid,
        ]

    def social_space(self) -> str:
        spaces = catalogue("social_spaces")
        item = spaces.find(self.case.family.social_space)
        if item is None:
            return self.case.summary.social_space
        return item.name + (" (Modellregion)" if item.get("is_model_region") else "")

    def will(self, conference: m.Conference | None) -> list[Flowable]:
        if conference is None or not conference.family_will.strip():
            return [self.empty("nicht erfasst")]
        content: list[Flowable] = []
        for who, words in will_statements(conference.family_will, conference.will_spoken_by):
            content.append(Paragraph("„" + markup(self.text(words)) + "“", self.st.quote))
            if who:
                content.append(Paragraph("gesagt von: " + markup(self.text(who)), self.st.small))
        from sro_case.reports.fonts import REGULAR

        box = Table([[content]], colWidths=[BODY_W], hAlign="LEFT", splitInRow=1)
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else the Table sets Helvetica
                    ("LINEBEFORE", (0, 0), (0, -1), 2.5, QUOTE_RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 9),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return [box]

    def resources(self) -> list[Flowable]:
        order = [k.value for k in ResourceKind]
        groups: dict[str, list[str]] = {}
        for r in self.case.resources:
            groups.setdefault(r.kind, []).append(r.description)
        if not groups:
            return [self.empty()]
        rows: list[list[Any]] = [
            [self.cell("Art", self.st.cell_head), self.cell("Ressourcen", self.st.cell_head)]
        ]
        for kind in sorted(groups, key=lambda k: (order.index(k) if k in order else 99, k)):
            try:
                label = ResourceKind(kind).label
            except ValueError:
                label = kind
            items = [Paragraph("• " + markup(self.text(d)), self.st.cell) for d in groups[kind]]
            rows.append([self.cell(label, self.st.cell_bold), items])
        return [table(rows, [38 * mm, BODY_W - 38 * mm])]

    def scale(self, goal: m.Goal, mark: int | None, mark_label: str) -> Table:
        """The five goal-attainment levels −2…+2 side by side; the current score is tinted."""
        head = []
        for label, caption in zip(LEVEL_LABELS, LEVEL_CAPTIONS, strict=True):
            head.append(
                Paragraph(
                    f"<b>{label}</b><br/><font size='7'>{escape(caption)}</font>",
                    self.st.cell_center,
                )
            )
        body = [self.cell(self.text(level) or "—") for level in goal.levels]
        rows: list[list[Any]] = [head, body]
        extra: list[tuple[Any, ...]] = [("BOX", (0, 0), (-1, -1), 0.6, RULE)]
        extra += [("LINEAFTER", (0, 0), (3, -1), 0.4, RULE)]
        if mark is not None and -2 <= mark <= 2:
            col = mark + 2
            extra += [
                ("BACKGROUND", (col, 0), (col, -1), MARK_BG),
                ("BOX", (col, 0), (col, -1), 1.2, INK),
            ]
            rows.append(["" for _ in range(5)])
            rows[2][col] = Paragraph(f"<b>{escape(mark_label)}</b>", self.st.cell_center)
        width = BODY_W / 5
        return table(rows, [width] * 5, extra=extra, zebra=False)

    def goal_block(
        self,
        number: int,
        goal: m.Goal,
        mark: int | None,
        mark_label: str,
        extra_rows: list[tuple[str, str]],
    ) -> Flowable:
        facts: list[tuple[str, str]] = [
            ("Woran merken wir, dass sich etwas verändert hat?", self.text(goal.indicator) or "—"),
            ("Verantwortlich", self.text(goal.owner) or "—"),
            ("Zieldatum", format_date(goal.target_date)),
            ("Status", _goal_status(goal.status)),
            *extra_rows,
        ]
        rows = [[self.cell(k, self.st.cell_head), self.cell(v)] for k, v in facts]
        grid = table(rows, [48 * mm, BODY_W - 48 * mm], header=False)
        return KeepTogether(
            [
                Paragraph(f"Ziel {number}: „{markup(self.text(goal.text))}“", self.st.h2),
                grid,
                Spacer(1, 2 * mm),
                Paragraph("Zielerreichungsskala", self.st.small),
                self.scale(goal, mark, mark_label),
                Spacer(1, 4 * mm),
            ]
        )

    def steps(self, goals: Sequence[m.Goal], numbers: dict[int, int]) -> list[Flowable]:
        head = ["Ziel", "Wer?", "Was?", "Bis wann?", "Erledigt"]
        rows: list[list[Any]] = [[self.cell(h, self.st.cell_head) for h in head]]
        for goal in goals:
            for step in goal.steps:
                rows.append(
                    [
                        self.cell(str(numbers.get(goal.id, "")), self.st.cell_center),
                        self.cell(self.text(step.who), self.st.cell_bold),
                        self.cell(self.text(step.what)),
                        self.cell(format_date(step.due_on, "offen")),
                        self.cell("✓ ja" if step.done else "☐", self.st.cell_center),
                    ]
                )
        if len(rows) == 1:
            return [self.empty("keine Vereinbarungen")]
        return [table(rows, [10 * mm, 38 * mm, 81 * mm, 22 * mm, 19 * mm])]

    def history(self, since: date | None) -> list[Flowable]:
        notes = reportable_notes(self.case, self.on, since)
        if not notes:
            return [self.empty("keine Einträge")]
        rows: list[list[Any]] = [
            [self.cell(h, self.st.cell_head) for h in ("Datum", "Art", "Beteiligte", "Inhalt")]
        ]
        for n in notes:
            try:
                kind = NoteKind(n.kind).label
            except ValueError:
                kind = n.kind
            rows.append(
                [
                    self.cell(format_date(n.occurred_on)),
                    self.cell(kind),
                    self.cell(self.text(n.participants)),
                    self.cell(self.text(n.text)),
                ]
            )
        return [table(rows, [22 * mm, 28 * mm, 35 * mm, BODY_W - 85 * mm])]

    def signatures(self, intro: str, signers: list[str]) -> Flowable:
        cells: list[Any] = [
            [self.cell(s, self.st.cell_bold), Paragraph("Ort, Datum, Unterschrift", self.st.small)]
            for s in signers
        ]
        if not cells:
            cells.append([Paragraph("Ort, Datum, Unterschrift", self.st.small)])
        if len(cells) % 2:
            cells.append("")
        rows: list[list[Any]] = []
        heights: list[float | None] = []
        extra: list[tuple[Any, ...]] = []
        for i in range(0, len(cells), 2):
            rows.append(["", "", ""])
            heights.append(15 * mm)
            rows.append([cells[i], "", cells[i + 1]])
            heights.append(None)
            r = len(rows) - 1
            extra.append(("LINEABOVE", (0, r), (0, r), 0.7, INK))
            if cells[i + 1]:
                extra.append(("LINEABOVE", (2, r), (2, r), 0.7, INK))
        half = (BODY_W - 12 * mm) / 2
        from sro_case.reports.fonts import REGULAR

        grid = Table(rows, colWidths=[half, 12 * mm, half], rowHeights=heights, hAlign="LEFT")
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    *extra,
                ]
            )
        )
        return KeepTogether(
            [
                self.heading("Unterschriften"),
                Paragraph(escape(intro), self.st.body),
                grid,
            ]
        )

    def signer(self, name: str, role: str, *, is_name: bool = True) -> str:
        """Caption under a signature line: who signs, in which role."""
        label = (self.name(name) if is_name else self.text(name)) or "__________________"
        return f"{label}" + (f" ({role})" if role else "")


def _goal_status(code: str) -> str:
    try:
        return GoalStatus(code).label
    except ValueError:
        return code


def _role(code: str) -> str:
    try:
        return PersonRole(code).label
    except ValueError:
        return code


def _latest_review(goal: m.Goal) -> m.GoalReview | None:
    return max(goal.reviews, key=lambda r: (r.reviewed_on, r.id), default=None)


# --------------------------------------------------------------------------- protocol


def conference_protocol_pdf(
    case: m.CaseDetail, conference: m.Conference, options: ProtocolOptions | None = None
) -> bytes:
    """The protocol handed out at the end of a conference."""
    options = options or ProtocolOptions(initials=case.pseudonymize)
    w = _Writer(case, options, conference.held_on)
    kinds = catalogue("conference_kinds")
    kind = kinds.label(conference.kind)
    file_number = case.summary.file_number
    story: list[Flowable] = w.title_block(
        f"Protokoll: {kind}",
        "Sozialraumorientierte Fallarbeit · Kinder- und Jugendhilfe (SGB VIII)"
        + (" · Namen als Initialen" if w.pseudo else ""),
        [
            ("Aktenzeichen", file_number),
            ("Datum", format_date(conference.held_on)),
            ("Familie", w.family_name()),
            ("Sozialraum", w.social_space()),
            ("Moderation", w.name(conference.facilitator) or "—"),
            ("Fallführung", w.name(case.summary.lead_worker) or "—"),
            ("Konferenz-Nr.", str(conference.id)),
            ("Nächster Termin", format_date(conference.next_review, "offen")),
        ],
    )
    if conference.agenda:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph("Tagesordnung", w.st.h2))
        for i, item in enumerate(conference.agenda, start=1):
            story.append(Paragraph(f"{i}. " + markup(w.text(item)), w.st.small))

    # participants
    story.append(w.heading("Teilnehmende"))
    rows: list[list[Any]] = [
        [w.cell(h, w.st.cell_head) for h in ("Name", "Organisation", "Disziplin", _SHY_CONSENT)]
    ]
    flagged: list[int] = []
    for p in conference.participants:
        status, flag = consent_status(p, case.consents, conference.held_on)
        rows.append(
            [
                w.cell(w.name(p.name), w.st.cell_bold),
                w.cell(w.text(p.organisation) or "—"),
                w.cell(w.disciplines.label(p.discipline)),
                w.cell(
                    ("⚠ " + status.replace("Schweigepflichtentbindung", _SHY_CONSENT))
                    if flag
                    else status,
                    w.st.warn if flag else w.st.cell,
                ),
            ]
        )
        if flag:
            flagged.append(len(rows) - 1)
    if len(rows) == 1:
        story.append(w.empty("keine Teilnehmenden erfasst"))
    else:
        extra = [("BACKGROUND", (0, r), (-1, r), WARN_BG) for r in flagged]
        story.append(table(rows, [45 * mm, 47 * mm, 33 * mm, 45 * mm], extra=extra))
    if flagged:
        story.append(Spacer(1, 2 * mm))
        story.append(
            Paragraph(
                escape(
                    f"⚠ {len(flagged)} Teilnehmende {NO_CONSENT}: Für ihre Disziplin liegt am "
                    "Konferenztag keine gültige Einwilligung der Familie vor. Sozialdaten der "
                    "Familie dürfen an sie nicht weitergegeben werden; dieses Protokoll bitte "
                    "erst nach Klärung aushändigen."
                ),
                ParagraphStyle("warnbody", parent=w.st.small, textColor=WARN_INK),
            )
        )

    # goal reviews done at this conference
    reviewed = [(g, r) for g in case.goals for r in g.reviews if r.conference_id == conference.id]
    if reviewed:
        story.append(w.heading("Rückblick: Zielüberprüfung"))
        rows = [[w.cell(h, w.st.cell_head) for h in ("Ziel", "Einschätzung", "Kommentar")]]
        for g, r in reviewed:
            rows.append(
                [
                    w.cell(w.text(g.text)),
                    w.cell(f"{format_score(r.score)} ({_caption(r.score)})"),
                    w.cell(w.text(r.comment) or "—"),
                ]
            )
        story.append(table(rows, [70 * mm, 40 * mm, BODY_W - 110 * mm]))

    story.append(w.heading("Wille der Familie"))
    story += w.will(conference)

    story.append(w.heading("Ressourcen"))
    story += w.resources()

    goals = [g for g in case.goals if g.conference_id == conference.id]
    local_numbers = {g.id: i for i, g in enumerate(goals, start=1)}
    story.append(CondPageBreak(70 * mm))  # a heading never ends a page
    story.append(w.heading("Ziele und Indikatoren"))
    if not goals:
        story.append(w.empty("in dieser Konferenz keine neuen Ziele"))
    for i, goal in enumerate(goals, start=1):
        review = next((r for r in goal.reviews if r.conference_id == conference.id), None)
        story.append(w.goal_block(i, goal, review.score if review else None, "heute", []))

    story.append(CondPageBreak(30 * mm))
    story.append(w.heading("Vereinbarungen: Wer macht was bis wann?"))
    story += w.steps(goals, local_numbers)

    story.append(w.heading("Entscheidungen"))
    story.append(w.para(conference.decisions) if conference.decisions.strip() else w.empty())

    story.append(w.heading("Nächster Termin"))
    story.append(
        Paragraph(
            escape(
                f"Nächste Überprüfung am {format_date(conference.next_review)}"
                if conference.next_review
                else "Der nächste Termin ist noch nicht vereinbart."
            ),
            w.st.body,
        )
    )

    if options.include_history:
        earlier = [
            c for c in case.conferences if (c.held_on, c.id) < (conference.held_on, conference.id)
        ]
        since = earlier[-1].held_on if earlier else None
        story.append(w.heading("Verlauf seit dem letzten Gespräch"))
        story += w.history(since)

    family = [p for p in conference.participants if _is_family(w.disciplines, p.discipline)]
    services = [p for p in conference.participants if not _is_family(w.disciplines, p.discipline)]
    signers = [w.signer(p.name, w.disciplines.label(p.discipline)) for p in family]
    if not family:
        signers += [w.signer(p.full_name, _role(p.role)) for p in _signing_persons(case)]
    signers += [
        w.signer(p.name, p.organisation or w.disciplines.label(p.discipline)) for p in services
    ]
    story.append(
        w.signatures(
            "Wir haben die Vereinbarungen gemeinsam getroffen und erhalten eine Ausfertigung "
            "dieses Protokolls.",
            signers,
        )
    )
    generated = options.generated_on or conference.held_on
    return build(
        story,
        Meta(
            title=f"Protokoll {kind} vom {format_date(conference.held_on)} – Az. {file_number}",
            subject=f"{kind}, Aktenzeichen {file_number}",
            author=w.name(options.author) or APP_TITLE,
            keywords="Fallkonferenz, Sozialraumorientierung, SGB VIII",
            header=f"Konferenzprotokoll vom {format_date(conference.held_on)} · Az. {file_number}",
            footer=f"erstellt am {format_date(generated)} mit {APP_TITLE} {__version__}",
        ),
    )


def _is_family(disciplines: Catalogue, code: str) -> bool:
    item = disciplines.find(code)
    return bool(item is not None and item.get("family"))


_SIGNING_ROLES = {
    PersonRole.PARENT.value,
    PersonRole.GUARDIAN.value,
    PersonRole.FOSTER_PARENT.value,
    PersonRole.ADOLESCENT.value,
    PersonRole.YOUNG_ADULT.value,
}


def _signing_persons(case: m.CaseDetail) -> list[m.Person]:
    """Parents, guardians and the young person sign; a young child does not."""
    return [p for p in case.family.persons if p.role in _SIGNING_ROLES]


# --------------------------------------------------------------------------- help plan


def help_plan_pdf(case: m.CaseDetail, options: ProtocolOptions | None = None) -> bytes:
    """The § 36 SGB VIII help plan: helps, goals with their latest review, agreements."""
    options = options or ProtocolOptions(initials=case.pseudonymize)
    on = options.generated_on or (
        case.conferences[-1].held_on if case.conferences else case.summary.opened_on
    )
    w = _Writer(case, options, on)
    latest = case.conferences[-1] if case.conferences else None
    kinds = catalogue("conference_kinds")
    file_number = case.summary.file_number
    story: list[Flowable] = w.title_block(
        "Hilfeplan nach § 36 SGB VIII",
        "Sozialraumorientierte Hilfeplanung · Kinder- und Jugendhilfe"
        + (" · Namen als Initialen" if w.pseudo else ""),
        [
            ("Aktenzeichen", file_number),
            ("Stand", format_date(on)),
            ("Familie", w.family_name()),
            ("Sozialraum", w.social_space()),
            ("Fallführung", w.name(case.summary.lead_worker) or "—"),
            ("Fall eröffnet", format_date(case.summary.opened_on)),
            (
                "Letztes Gespräch",
                f"{kinds.label(latest.kind)}, {format_date(latest.held_on)}" if latest else "—",
            ),
            ("Überprüfung bis", format_date(case.summary.next_review, "offen")),
        ],
    )

    story.append(w.heading("Beteiligte Personen"))
    if case.family.persons:
        rows: list[list[Any]] = [
            [w.cell(h, w.st.cell_head) for h in ("Name", "Rolle", "Geburtsdatum")]
        ]
        for p in case.family.persons:
            born = (
                (f"Jg. {p.birth_date.year}" if w.pseudo else format_date(p.birth_date))
                if p.birth_date
                else "—"
            )
            rows.append(
                [w.cell(w.name(p.full_name), w.st.cell_bold), w.cell(_role(p.role)), w.cell(born)]
            )
        story.append(table(rows, [70 * mm, 60 * mm, 40 * mm]))
    else:
        story.append(w.empty())

    story.append(w.heading("Hilfen"))
    story += _helps_table(w, on)

    story.append(w.heading("Wille der Familie"))
    story += w.will(latest)

    story.append(w.heading("Ressourcen"))
    story += w.resources()

    goals = [g for g in case.goals if g.status != GoalStatus.DROPPED.value]
    numbers = {g.id: i for i, g in enumerate(goals, start=1)}
    story.append(CondPageBreak(70 * mm))
    story.append(w.heading("Ziele und Zielerreichung"))
    if not goals:
        story.append(w.empty("keine Ziele vereinbart"))
    for i, goal in enumerate(goals, start=1):
        review = _latest_review(goal)
        extra_rows: list[tuple[str, str]] = []
        if review is not None:
            comment = w.text(review.comment)
            extra_rows.append(
                (
                    "Letzte Einschätzung",
                    f"{format_score(review.score)} ({_caption(review.score)}) am "
                    f"{format_date(review.reviewed_on)}" + (f" – {comment}" if comment else ""),
                )
            )
        else:
            extra_rows.append(("Letzte Einschätzung", "noch nicht überprüft"))
        label = f"am {format_date(review.reviewed_on)}" if review else ""
        story.append(w.goal_block(i, goal, review.score if review else None, label, extra_rows))

    story.append(CondPageBreak(30 * mm))
    story.append(w.heading("Vereinbarungen: Wer macht was bis wann?"))
    story += w.steps(goals, numbers)

    if options.include_history:
        earlier = [c for c in case.conferences if c.held_on < on]
        story.append(w.heading("Verlauf seit dem letzten Gespräch"))
        story += w.history(earlier[-1].held_on if earlier else None)

    story.append(w.heading("Nächste Überprüfung"))
    story.append(
        Paragraph(
            escape(
                f"Der Hilfeplan wird spätestens am {format_date(case.summary.next_review)} "
                "gemeinsam überprüft und fortgeschrieben."
                if case.summary.next_review
                else "Der Termin für die Überprüfung ist noch nicht vereinbart."
            ),
            w.st.body,
        )
    )

    signers = [w.signer(p.full_name, _role(p.role)) for p in _signing_persons(case)]
    signers.append(w.signer(case.summary.lead_worker, "fallführende Fachkraft"))
    providers = sorted(
        {h.provider for h in case.helps if h.provider and (h.end_on is None or h.end_on >= on)}
    )
    signers += [w.signer(p, "Leistungserbringer", is_name=False) for p in providers]
    story.append(
        w.signatures(
            "Die Beteiligten haben den Hilfeplan gemeinsam erarbeitet (§ 36 Abs. 2 SGB VIII) "
            "und erhalten eine Ausfertigung.",
            signers,
        )
    )
    return build(
        story,
        Meta(
            title=f"Hilfeplan nach § 36 SGB VIII – Az. {file_number}",
            subject=f"Hilfeplan, Aktenzeichen {file_number}, Stand {format_date(on)}",
            author=w.name(options.author) or APP_TITLE,
            keywords="Hilfeplan, § 36 SGB VIII, Sozialraumorientierung",
            header=f"Hilfeplan nach § 36 SGB VIII · Stand {format_date(on)} · Az. {file_number}",
            footer=f"erstellt am {format_date(options.generated_on or on)} mit {APP_TITLE} {__version__}",
        ),
    )


def _helps_table(w: _Writer, on: date) -> list[Flowable]:
    if not w.case.helps:
        return [w.empty("keine Hilfen erfasst")]
    types = catalogue("help_types")
    ends = catalogue("end_reasons")
    head = ["Hilfeart", "für", "Träger", "Beginn", "Ende", "Std./\nWoche", "Kosten/\nMonat"]
    rows: list[list[Any]] = [[w.cell(h, w.st.cell_head) for h in head]]
    running_cost = 0
    for h in w.case.helps:
        item = types.find(h.help_type)
        paragraph = str(item.get("paragraph", "")) if item else ""
        kind = item.name if item else h.help_type
        person = w.persons.get(h.person_id) if h.person_id is not None else None
        ended = f"<br/><font size='7.5'>beendet: {escape(ends.label(h.end_reason))}</font>"
        running = h.end_on is None or h.end_on >= on
        if running and h.monthly_cost_cents:
            running_cost += h.monthly_cost_cents
        rows.append(
            [
                Paragraph(
                    (f"<b>{escape(paragraph.replace(' ', chr(0xA0)))}</b> " if paragraph else "")
                    + escape(kind)
                    + (ended if h.end_reason else ""),
                    w.st.cell,
                ),
                w.cell(w.name(person.full_name) if person else "Familie"),
                w.cell(w.text(h.provider) or "—"),
                w.cell(format_date(h.start_on)),
                w.cell(format_date(h.end_on, "offen")),
                w.cell(str(h.hours_per_week) if h.hours_per_week else "—", w.st.cell_right),
                w.cell(format_money(h.monthly_cost_cents), w.st.cell_right),
            ]
        )
    rows.append(
        [
            w.cell("Summe der laufenden Hilfen je Monat", w.st.cell_bold),
            "",
            "",
            "",
            "",
            "",
            w.cell(format_money(running_cost), w.st.cell_bold_right),
        ]
    )
    last = len(rows) - 1
    extra = [
        ("SPAN", (0, last), (5, last)),
        ("LINEABOVE", (0, last), (-1, last), 0.8, INK),
        ("BACKGROUND", (0, last), (-1, last), HEAD_BG),
    ]
    widths = [44 * mm, 20 * mm, 24 * mm, 21.5 * mm, 21.5 * mm, 16 * mm, 23 * mm]
    return [table(rows, widths, extra=extra)]


def will_statements(will: str, spoken_by: str) -> list[tuple[str, str]]:
    """The family's will as (speaker, words) quotes. Two speakers are saved as one text with a
    line "Name: words" each (``ui.conference``); they stay two quotes in the protocol (#15)."""
    speakers = [name for name in (n.strip() for n in spoken_by.split(",")) if name]
    lines = [line for line in will.splitlines() if line.strip()]
    if len(speakers) > 1 and lines:
        quotes: list[tuple[str, str]] = []
        for line in lines:
            who = next((n for n in speakers if line.startswith(n + ": ")), None)
            if who is not None:
                quotes.append((who, line[len(who) + 2 :]))
            elif quotes:  # a further line of the same statement
                quotes[-1] = (quotes[-1][0], quotes[-1][1] + "\n" + line)
            else:
                quotes.append(("", line))
        return quotes
    return [(spoken_by.strip(), will)]


def render_document(source: m.DocumentSource) -> bytes:
    """The PDF of a case document (pure: no database, no clock). Runs on the client's render
    lane, so a long protocol does not hold the database lane."""
    options = ProtocolOptions(
        initials=source.initials, generated_on=source.generated_on, author=source.author
    )
    if source.kind == "protocol":
        if source.conference is None:
            raise ValueError("a protocol needs its conference")
        return conference_protocol_pdf(source.case, source.conference, options)
    if source.kind == "help_plan":
        return help_plan_pdf(source.case, options)
    raise ValueError(f"unknown document kind {source.kind!r}")
