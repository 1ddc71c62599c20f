"""Aggregation of plain facts into the export's tables, and the published (suppressed) view.

Pure functions: no database, no files. ``assemble`` lays the tables out from tallies (true
counts per cell, see ``tally.py``) — counted by SQLite from the tally tables, or in Python from
plain facts by ``aggregate``; nothing case-level ever leaves either. A raw table
still holds every true count (suppression needs them); a published table holds only what may
leave the PC, so the writers, the PDF charts and the preview cannot show a hidden figure even
by mistake.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from sro_case.domain.catalogues import catalogue
from sro_case.domain.messages import T
from sro_case.export.tally import (
    DURATIONS,
    MERGED_SEX,
    MODEL,
    REST,
    SEX_CODES,
    UNKNOWN,
    CrossTally,
    FactTallies,
    SpaceTally,
    TallySource,
    duration_code,
    months_between,
    overlap_days,
)

TOTAL = "Insgesamt"
TOTAL_CODE = "*"
UNKNOWN_LABEL = "ohne Angabe"
GROUP_LABELS = {MODEL: "Modellregion", REST: "übrige Stadt"}
DOMINANCE_SHARE = 0.85  # a sum is hidden when one help makes up more than this share of it

# feature code → German name (the CSV's Zeilenmerkmal/Spaltenmerkmal)
FEATURES = {
    "sozialraum": "Sozialraum",
    "gebiet": "Gebiet",
    "hilfeart": "Hilfeart",
    "altersgruppe": "Altersgruppe",
    "geschlecht": "Geschlecht",
    "kategorie": "Hilfekategorie",
    "beendigungsgrund": "Beendigungsgrund",
    "dauer": "Dauer der Hilfe",
    "konferenzen": "Konferenzen je Fall",
    "disziplin": "Disziplin",
    "ergebnis": "Ergebnis der Gefährdungseinschätzung",
    "kennzahl": "Kennzahl",
}

SEX_LABELS = {
    "female": "weiblich",
    "male": "männlich",
    "diverse": "divers",
    "unspecified": UNKNOWN_LABEL,
}
SEX_ORDER = SEX_CODES
CONFERENCE_CLASSES = (
    ("1", "1 Konferenz"),
    ("2", "2 Konferenzen"),
    ("3", "3 Konferenzen"),
    ("4+", "4 und mehr Konferenzen"),
)
CATEGORY_LABELS = {
    "hze": "Hilfe zur Erziehung (§§ 27–35)",
    "eingliederungshilfe": "Eingliederungshilfe (§ 35a)",
    "volljaehrige": "junge Volljährige (§§ 41, 41a)",
    "vormundschaft": "Vormundschaft, Pflegschaft (§ 55)",
    "sro_angebot": "Angebote im Sozialraum (§§ 11–24)",
}


# --------------------------------------------------------------------------- facts (input)


@dataclass(frozen=True)
class Space:
    code: str
    name: str
    is_model_region: bool

    @property
    def group(self) -> str:
        return MODEL if self.is_model_region else REST


class HelpFact(NamedTuple):
    """One help. ``case`` is an opaque grouping key: it only counts distinct families.

    The facts are named tuples, not dataclasses: an export over 100,000 cases builds close
    to a million of them, and a frozen dataclass took three times as long to construct."""

    case: int
    social_space: str
    help_type: str
    start_on: date
    end_on: date | None
    end_reason: str | None
    monthly_cost_cents: int | None
    age_group: str  # catalogue code or "ohne_angabe", at the start of the help
    sex: str  # female / male / diverse / unspecified


class ConferenceFact(NamedTuple):
    case: int
    social_space: str
    held_on: date
    disciplines: frozenset[str]


class GoalFact(NamedTuple):
    """A goal reviewed in the period, with the last score given in the period. With
    ``reviewed_on`` (the day of that review) the tally counts it only in periods containing
    that day; without, the facts are the period's."""

    case: int
    social_space: str
    score: int
    reviewed_on: date | None = None


class ProtectionFact(NamedTuple):
    """A § 8a assessment: a case flagged for child protection, opened in the period. With
    ``opened_on`` the tally counts it only in periods containing that day (so the facts of a
    longer span can be counted for any part of it); without, the facts are the period's."""

    case: int
    social_space: str
    outcome: str | None
    opened_on: date | None = None


class BudgetFact(NamedTuple):
    social_space: str
    year: int
    amount_cents: int


@dataclass(frozen=True)
class Facts:
    spaces: tuple[Space, ...]
    helps: tuple[HelpFact, ...] = ()
    conferences: tuple[ConferenceFact, ...] = ()
    goals: tuple[GoalFact, ...] = ()
    protections: tuple[ProtectionFact, ...] = ()
    budgets: tuple[BudgetFact, ...] = ()


# --------------------------------------------------------------------------- table structure


@dataclass(frozen=True)
class Category:
    """One row or column: a value of a feature (or the total), shown with a German label."""

    feature: str  # code, see FEATURES
    code: str
    label: str
    kind: str = "count"  # columns of key-figure tables: count, mean, sum, public, share
    decimals: int = 0

    @property
    def is_total(self) -> bool:
        return self.code == TOTAL_CODE

    @property
    def feature_label(self) -> str:
        return FEATURES.get(self.feature, self.feature)


def total(feature: str) -> Category:
    return Category(feature, TOTAL_CODE, TOTAL)


@dataclass(frozen=True)
class CountTable:
    """A cross table of true counts. ``counts`` and ``cases`` include the totals: the last row
    and the last column are ``Insgesamt``. ``cases`` counts distinct families behind a cell."""

    id: str
    title: str
    population: str
    population_label: str
    rows: tuple[Category, ...]  # last one is the total
    cols: tuple[Category, ...]  # last one is the total
    counts: tuple[tuple[int, ...], ...]
    cases: tuple[tuple[int, ...], ...]
    sensitive_cols: frozenset[int] = frozenset()  # column indices with the stricter threshold
    sensitive: bool = False  # the whole table is sensitive
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyFigureTable:
    """Rows Sozialraum, then Modellregion / übrige Stadt, then Insgesamt; one count column
    (additive, suppressed with the counts) and figures derived from it (means, sums, shares)."""

    id: str
    title: str
    population: str
    population_label: str
    rows: tuple[Category, ...]
    cols: tuple[Category, ...]  # cols[0] is the count column
    counts: tuple[int, ...]
    cases: tuple[int, ...]
    values: tuple[tuple[float | None, ...], ...]  # per row, per column (column 0: the count)
    dominated: tuple[bool, ...] = ()  # per row: one help dominates the sum column
    notes: tuple[str, ...] = ()


RawTable = CountTable | KeyFigureTable


@dataclass(frozen=True)
class RawExport:
    date_from: date
    date_to: date
    tables: tuple[RawTable, ...]
    spaces: tuple[Space, ...]
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------- published view


class Status(StrEnum):
    VALUE = "wert"
    ZERO = "null"
    PRIMARY = "primär"
    SECONDARY = "sekundär"
    NOT_APPLICABLE = "x"

    @property
    def suppressed(self) -> bool:
        return self in (Status.PRIMARY, Status.SECONDARY)


def sensitive_threshold(threshold: int) -> int:
    """§ 8a, § 42 and § 35a figures: at least 5, and always stricter than the general rule."""
    return max(5, threshold + 2)


SIGN_SUPPRESSED = "."
PROTECTION_RULE = (
    "Jedes geheim gehaltene Feld ist mindestens 1 (Nullen stehen als „–“ da). Aus allen "
    "veröffentlichten Zahlen – auch über Tabellen, Modellregion + übrige Stadt = Stadt und "
    "gemeinsam mit früheren Exporten überlappender Zeiträume – lässt sich für jedes geheime Feld "
    "nur ein Bereich ganzer Zahlen ableiten, der mindestens so breit ist wie die Mindestfallzahl; "
    "ein Feld unter der Mindestfallzahl reicht darin mindestens max(Mindestfallzahl, 30 % des "
    "Werts) über den wahren Wert hinaus und ebenso weit darunter, soweit die Nullfelder es "
    "zulassen."
)
SIGN_ZERO = "–"  # en dash, the official sign for "nothing"
SIGN_NOT_APPLICABLE = "x"


def german_number(value: float, decimals: int = 0, *, grouping: bool = False) -> str:
    """German number text. Negative values keep an ASCII minus so spreadsheets read a number."""
    if round(value, decimals) == 0:
        value = 0.0  # never "-0,0"
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@dataclass(frozen=True)
class PublishedCell:
    value: float | None  # None whenever the figure must not leave
    status: Status
    threshold: int = 0
    decimals: int = 0

    @property
    def suppressed(self) -> bool:
        return self.status.suppressed

    def text(self) -> str:
        """As written to CSV: the figure, or one of the official signs ``.``, ``–``, ``x``."""
        if self.status.suppressed:
            return SIGN_SUPPRESSED
        if self.status is Status.ZERO:
            return SIGN_ZERO
        if self.status is Status.NOT_APPLICABLE or self.value is None:
            return SIGN_NOT_APPLICABLE
        return german_number(self.value, self.decimals)

    def display(self) -> str:
        """For people (PDF, preview): thousands separated, a typographic minus."""
        if self.status is not Status.VALUE or self.value is None:
            return self.text()
        return german_number(self.value, self.decimals, grouping=True).replace("-", "−")


@dataclass(frozen=True)
class PublishedTable:
    id: str
    title: str
    kind: str  # "count" (cross table) or "key_figures"
    population: str
    population_label: str
    rows: tuple[Category, ...]
    cols: tuple[Category, ...]
    cells: tuple[tuple[PublishedCell, ...], ...]
    notes: tuple[str, ...] = ()

    @property
    def row_feature(self) -> str:
        return FEATURES.get(self.rows[0].feature, self.rows[0].feature)

    @property
    def col_feature(self) -> str:
        return FEATURES.get(self.cols[0].feature, self.cols[0].feature)

    def cell(self, row_label: str, col_label: str) -> PublishedCell:
        r = next(i for i, c in enumerate(self.rows) if c.label == row_label)
        c = next(i for i, c in enumerate(self.cols) if c.label == col_label)
        return self.cells[r][c]

    @property
    def suppressed_cells(self) -> int:
        return sum(cell.suppressed for row in self.cells for cell in row)


@dataclass(frozen=True)
class StatisticsExport:
    """Everything that leaves, and nothing else: suppressed figures are not in here at all."""

    date_from: date
    date_to: date
    threshold: int
    sensitive_threshold: int
    generated_at: datetime
    software: str
    tables: tuple[PublishedTable, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    model_regions: tuple[str, ...] = ()  # names of the Sozialräume that are model regions
    # earlier exports whose periods overlap or nest with this one, audited together with it
    joint_periods: tuple[tuple[date, date], ...] = ()
    coarsened_cells: int = 0  # cells hidden only because of those earlier exports
    # small figures the earlier exports had narrowed already (for the preview, not the file:
    # it would tell a reader where to look)
    known_before: int = 0
    releases_seen: int = 0  # the last earlier export (its record id) this one was audited with

    def table(self, table_id: str) -> PublishedTable:
        return next(t for t in self.tables if t.id == table_id)

    @property
    def suppressed_cells(self) -> int:
        return sum(t.suppressed_cells for t in self.tables)

    def suppressed_by_kind(self) -> tuple[int, int]:
        primary = secondary = 0
        for t in self.tables:
            for row in t.cells:
                for cell in row:
                    primary += cell.status is Status.PRIMARY
                    secondary += cell.status is Status.SECONDARY
        return primary, secondary

    def _joint_lines(self) -> list[tuple[str, str]]:
        if not self.joint_periods:
            return []
        periods = ", ".join(f"{a:%d.%m.%Y}–{b:%d.%m.%Y}" for a, b in self.joint_periods)
        return [("Gemeinsam geprüft mit", f"früheren Exporten für {periods}")]

    def provenance(self) -> list[tuple[str, str]]:
        """German label/value pairs that every format shows above the figures. The split into
        primary and secondary suppression stays out: it would tell which hidden cells are
        small."""
        return [
            (
                "Inhalt",
                "Anonymisierte Statistik für Controlling und Jugendhilfeplanung "
                "(§ 64 Abs. 3 SGB VIII), nur zusammengefasste Tabellen",
            ),
            ("Zeitraum", f"{self.date_from:%d.%m.%Y} bis {self.date_to:%d.%m.%Y}"),
            (
                "Mindestfallzahl",
                f"{self.threshold} (sensible Merkmale § 8a, § 35a: {self.sensitive_threshold})",
            ),
            ("Erstellt am", f"{self.generated_at:%d.%m.%Y %H:%M} UTC"),
            ("Software", self.software),
            ("Geheim gehaltene Felder", str(self.suppressed_cells)),
            ("Schutzregel", PROTECTION_RULE),
            *self._joint_lines(),
            (
                "Zeichen",
                f"{SIGN_SUPPRESSED} = geheim gehalten, {SIGN_ZERO} = nichts vorhanden, "
                f"{SIGN_NOT_APPLICABLE} = Aussage nicht sinnvoll",
            ),
            *(("Hinweis", note) for note in self.notes),
        ]


# --------------------------------------------------------------------------- aggregation


def _label(name: str, code: str | None) -> str:
    if code is None:
        return UNKNOWN_LABEL
    cat = catalogue(name)
    return cat.label(code)


def _help_type_label(code: str) -> str:
    cat = catalogue("help_types")
    if code in cat:
        item = cat.by_code(code)
        return f"{item.get('paragraph', '')} {item.name}".strip()
    return code


def _sensitive_help_types() -> set[str]:
    return {i.code for i in catalogue("help_types") if i.get("sensitive")}


def duration_class(start: date, end: date) -> str:
    return duration_code(months_between(start, end))


def budget_cents(budgets: Iterable[BudgetFact], space: str, date_from: date, date_to: date) -> int:
    """The yearly budgets of a Sozialraum, pro rata for the days of the period in each year."""
    amount = 0.0
    for b in budgets:
        if b.social_space != space:
            continue
        first, last = date(b.year, 1, 1), date(b.year, 12, 31)
        days = overlap_days(first, last, date_from, date_to)
        amount += b.amount_cents * days / ((last - first).days + 1)
    return round(amount)


def _cross(
    table_id: str,
    title: str,
    population: str,
    population_label: str,
    rows: Sequence[Category],
    cols: Sequence[Category],
    tally: CrossTally,
    *,
    sensitive_cols: Iterable[str] = (),
    sensitive: bool = False,
    notes: tuple[str, ...] = (),
) -> CountTable:
    """Lay out a cross table with totals from its tally (every code must have a row/column)."""
    r_index = {c.code: i for i, c in enumerate(rows)}
    c_index = {c.code: i for i, c in enumerate(cols)}
    n_rows, n_cols = len(rows), len(cols)
    counts = [[0] * (n_cols + 1) for _ in range(n_rows + 1)]
    cases = [[0] * (n_cols + 1) for _ in range(n_rows + 1)]
    for (row, col), n in tally.units.items():
        if not n:
            continue
        r, c = r_index[row], c_index[col]
        counts[r][c] += n
        counts[r][n_cols] += n
        counts[n_rows][c] += n
        counts[n_rows][n_cols] += n
    for (row, col), n in tally.cases.items():
        if n:
            cases[r_index[row]][c_index[col]] = n
    for row, n in tally.row_cases.items():
        if n:
            cases[r_index[row]][n_cols] = n
    for col, n in tally.col_cases.items():
        if n:
            cases[n_rows][c_index[col]] = n
    cases[n_rows][n_cols] = tally.total_cases
    sens = frozenset(c_index[code] for code in sensitive_cols if code in c_index)
    return CountTable(
        id=table_id,
        title=title,
        population=population,
        population_label=population_label,
        rows=(*rows, total(rows[0].feature)),
        cols=(*cols, total(cols[0].feature)),
        counts=tuple(tuple(r) for r in counts),
        cases=tuple(tuple(r) for r in cases),
        sensitive_cols=sens,
        sensitive=sensitive,
        notes=notes,
    )


def _space_rows(spaces: Sequence[Space]) -> list[Category]:
    return [Category("sozialraum", s.code, s.name) for s in spaces]


def _group_rows() -> list[Category]:
    return [Category("gebiet", code, label) for code, label in GROUP_LABELS.items()]


def _with_unknown(feature: str, items: Iterable[tuple[str, str]], used: set[str]) -> list[Category]:
    """Catalogue values, then values found in the data but missing from the catalogue, then
    "ohne Angabe" (only if it occurs)."""
    cats = [Category(feature, code, label) for code, label in items]
    known = {c.code for c in cats}
    extra = sorted(used - known - {UNKNOWN})
    cats += [Category(feature, code, code) for code in extra]
    if UNKNOWN in used:
        cats.append(Category(feature, UNKNOWN, UNKNOWN_LABEL))
    return cats


def _key_figures(
    table_id: str,
    title: str,
    population: str,
    population_label: str,
    spaces: Sequence[Space],
    cols: Sequence[Category],
    per_space: Mapping[str, SpaceTally],
    figures: Callable[[Category, SpaceTally], list[float | None]],
    *,
    dominance: bool = False,
    notes: tuple[str, ...] = (),
) -> KeyFigureTable:
    """Rows per Sozialraum, per Gebiet and in total; a Gebiet and the city add up their
    Sozialräume (a case belongs to one). ``figures(row, tally)`` gives a row's figures;
    with ``dominance`` a row is marked when one unit makes up most of its sum."""
    rows = [*_space_rows(spaces), *_group_rows(), total("sozialraum")]
    empty = SpaceTally(0, 0, 0, 0)
    own = [per_space.get(s.code, empty) for s in spaces]

    def combined(parts: list[SpaceTally]) -> SpaceTally:
        return SpaceTally(
            sum(p.units for p in parts),
            sum(p.cases for p in parts),
            sum(p.total for p in parts),
            max((p.largest for p in parts if p.units), default=0),
        )

    members = [
        *own,
        *(
            combined([t for s, t in zip(spaces, own, strict=True) if s.group == group])
            for group in (MODEL, REST)
        ),
        combined(own),
    ]
    return KeyFigureTable(
        id=table_id,
        title=title,
        population=population,
        population_label=population_label,
        rows=tuple(rows),
        cols=tuple(cols),
        counts=tuple(m.units for m in members),
        cases=tuple(m.cases for m in members),
        values=tuple(tuple(figures(row, m)) for row, m in zip(rows, members, strict=True)),
        dominated=tuple(
            dominance and m.units > 0 and m.total > 0 and m.largest > DOMINANCE_SHARE * m.total
            for m in members
        ),
        notes=notes,
    )


def aggregate(
    facts: Facts, date_from: date, date_to: date, *, threshold: int, merge_sex: bool = False
) -> RawExport:
    """All tables of the controlling export with their true figures, counted from facts."""
    return assemble(
        FactTallies(facts, date_from, date_to),
        facts.spaces,
        facts.budgets,
        date_from,
        date_to,
        threshold=threshold,
        merge_sex=merge_sex,
    )


def assemble(
    tallies: TallySource,
    spaces: Sequence[Space],
    budget_facts: Sequence[BudgetFact],
    date_from: date,
    date_to: date,
    *,
    threshold: int,
    merge_sex: bool = False,
) -> RawExport:
    """All tables of the controlling export with their true figures, laid out from tallies.
    ``merge_sex`` merges "divers" with "ohne Angabe" whatever the count (an earlier export of
    an overlapping period merged them: an unmerged figure now would bound the merged ones)."""
    notes: list[str] = []
    # titles and populations are templates: the written file keeps the German, the client's
    # preview shows them in its language (#15)
    period = T("{start} bis {end}", start=f"{date_from:%d.%m.%Y}", end=f"{date_to:%d.%m.%Y}")
    begun_label = T("Hilfen mit Beginn im Zeitraum {period}", period=period)
    rows = _space_rows(spaces)
    tables: list[RawTable] = []

    # 1. help type per Sozialraum
    by_type = tallies.begun_by_help_type()
    help_types = _with_unknown(
        "hilfeart",
        ((i.code, _help_type_label(i.code)) for i in catalogue("help_types")),
        by_type.cols_used(),
    )
    tables.append(
        _cross(
            "hilfen_sozialraum_hilfeart",
            T("Begonnene Hilfen nach Sozialraum und Hilfeart"),
            "hilfen_beginn",
            begun_label,
            rows,
            help_types,
            by_type,
            sensitive_cols=_sensitive_help_types(),
        )
    )
    # 2. age group at the start of help
    by_age = tallies.begun_by_age_group()
    ages = _with_unknown(
        "altersgruppe",
        ((i.code, i.name) for i in catalogue("age_groups")),
        by_age.cols_used() | {UNKNOWN},
    )
    tables.append(
        _cross(
            "hilfen_sozialraum_altersgruppe",
            T("Begonnene Hilfen nach Sozialraum und Alter zu Beginn der Hilfe"),
            "hilfen_beginn",
            begun_label,
            rows,
            ages,
            by_age,
        )
    )
    # 3. model region vs. rest of the city, by sex; "divers" merged when too small to show
    # also at zero: its absence says only "few"
    merge = merge_sex or tallies.begun_diverse() < threshold
    sexes = [s for s in SEX_ORDER if not (merge and s in ("diverse", "unspecified"))]
    sex_cols = [Category("geschlecht", s, SEX_LABELS[s]) for s in sexes]
    if merge:
        sex_cols.append(Category("geschlecht", MERGED_SEX, "divers / ohne Angabe"))
        notes.append(
            T(
                "Geschlecht: „divers“ ist mit „ohne Angabe“ zusammengefasst, weil sonst ein zu "
                "kleines Feld entstünde."
            )
        )

    tables.append(
        _cross(
            "hilfen_modellregion_geschlecht",
            T("Begonnene Hilfen: Modellregionen und übrige Stadt nach Geschlecht"),
            "hilfen_beginn",
            begun_label,
            _group_rows(),
            sex_cols,
            tallies.begun_by_sex(merge),
            notes=(
                T(
                    "Modellregionen: {names}.",
                    names=", ".join(s.name for s in spaces if s.is_model_region),
                ),
            ),
        )
    )
    # 4. helps running at the end of the period, by category
    running = tallies.running_by_category()
    categories = _with_unknown("kategorie", CATEGORY_LABELS.items(), running.cols_used())
    tables.append(
        _cross(
            "laufende_hilfen_sozialraum",
            T(
                "Laufende Hilfen am {day} nach Sozialraum und Hilfekategorie",
                day=f"{date_to:%d.%m.%Y}",
            ),
            "hilfen_laufend",
            T("Hilfen, die am {day} liefen", day=f"{date_to:%d.%m.%Y}"),
            rows,
            categories,
            running,
            sensitive_cols=("eingliederungshilfe",),
        )
    )
    # 5. ended helps: end reason and duration class
    ended = tallies.ended_by_reason()
    reasons = _with_unknown(
        "beendigungsgrund",
        ((i.code, i.name) for i in catalogue("end_reasons")),
        ended.rows_used() | {UNKNOWN},
    )
    tables.append(
        _cross(
            "beendete_hilfen_grund_dauer",
            T("Beendete Hilfen nach Beendigungsgrund und Dauer"),
            "hilfen_ende",
            T("Hilfen mit Ende im Zeitraum {period}", period=period),
            reasons,
            [Category("dauer", code, label) for code, label, _, _ in DURATIONS],
            ended,
        )
    )
    # 6. conferences per case, 7. disciplines taking part
    tables.append(
        _cross(
            "konferenzen_je_fall",
            T("Fälle nach Zahl der Fallkonferenzen im Zeitraum"),
            "konferenz_faelle",
            T("Fälle mit mindestens einer Konferenz im Zeitraum {period}", period=period),
            _group_rows(),
            [Category("konferenzen", code, label) for code, label in CONFERENCE_CLASSES],
            tallies.conferences_per_case(),
        )
    )
    by_discipline = tallies.conferences_by_discipline()
    disciplines = _with_unknown(
        "disziplin",
        ((i.code, i.name) for i in catalogue("disciplines")),
        by_discipline.rows_used(),
    )
    tables.append(
        _cross(
            "konferenzen_disziplinen",
            T("Konferenzen nach beteiligten Disziplinen"),
            "konferenz_teilnahmen",
            T("Konferenzen im Zeitraum {period}, je Disziplin einmal gezählt", period=period),
            disciplines,
            _group_rows(),
            by_discipline,
            notes=(
                T(
                    "Eine Konferenz zählt bei jeder beteiligten Disziplin; die Summen sind "
                    "Teilnahmen, nicht Konferenzen."
                ),
            ),
        )
    )
    # 8. goals and mean goal attainment
    tables.append(
        _key_figures(
            "ziele_zielerreichung",
            T("Ziele und mittlere Zielerreichung nach Sozialraum"),
            "ziele",
            T(
                "Ziele mit mindestens einer Überprüfung im Zeitraum {period} (letzte Bewertung)",
                period=period,
            ),
            spaces,
            [
                Category("kennzahl", "ziele", "Ziele mit Überprüfung"),
                Category(
                    "kennzahl",
                    "zielerreichung",
                    "mittlere Zielerreichung (−2 bis +2)",
                    kind="mean",
                    decimals=1,
                ),
            ],
            tallies.goals_by_space(),
            lambda _row, t: [t.units, (t.total / t.units) if t.units else None],
        )
    )
    # 9. § 8a outcomes (sensitive)
    protections = tallies.protections_by_outcome()
    outcomes = _with_unknown(
        "ergebnis",
        ((i.code, i.name) for i in catalogue("outcomes_8a")),
        protections.cols_used() | {UNKNOWN},
    )
    outcomes = [
        Category(c.feature, c.code, "Ergebnis noch offen") if c.code == UNKNOWN else c
        for c in outcomes
    ]
    tables.append(
        _cross(
            "kinderschutz_8a_ergebnis",
            T("Gefährdungseinschätzungen nach § 8a SGB VIII nach Ergebnis"),
            "kinderschutz",
            T("Fälle mit Kinderschutzverfahren, eröffnet im Zeitraum {period}", period=period),
            _group_rows(),
            outcomes,
            protections,
            sensitive=True,
        )
    )
    # 10. committed cost against the social-space budget
    budgets = {s.code: budget_cents(budget_facts, s.code, date_from, date_to) for s in spaces}
    budgets[MODEL] = sum(budgets[s.code] for s in spaces if s.is_model_region)
    budgets[REST] = sum(budgets[s.code] for s in spaces if not s.is_model_region)
    budgets[TOTAL_CODE] = budgets[MODEL] + budgets[REST]

    def cost_figures(row: Category, t: SpaceTally) -> list[float | None]:
        budget = float(budgets[row.code])
        cost = float(t.total)
        return [t.units, cost, budget, 100.0 * cost / budget if budget > 0 else None]

    tables.append(
        _key_figures(
            "kosten_budget_sozialraum",
            T("Gebundene Kosten der Hilfen und Sozialraumbudget"),
            "kosten",
            T(
                "Hilfen mit Kosten im Zeitraum {period} (Kosten anteilig für die Tage im Zeitraum)",
                period=period,
            ),
            spaces,
            [
                Category("kennzahl", "hilfen", "Hilfen mit Kosten"),
                Category("kennzahl", "kosten", "gebundene Kosten (EUR)", kind="sum"),
                Category("kennzahl", "budget", "Budget im Zeitraum (EUR)", kind="public"),
                Category("kennzahl", "ausschoepfung", "Ausschöpfung (%)", kind="share", decimals=1),
            ],
            tallies.costs_by_space(),
            cost_figures,
            dominance=True,
            notes=(
                T(
                    "Budget: Jahresbudget des Sozialraums anteilig für die Tage des Zeitraums. "
                    "Kosten werden auch gesperrt, wenn eine Hilfe mehr als {share} % der Summe "
                    "ausmacht.",
                    share=round(DOMINANCE_SHARE * 100),
                ),
            ),
        )
    )
    return RawExport(date_from, date_to, tuple(tables), tuple(spaces), tuple(notes))
