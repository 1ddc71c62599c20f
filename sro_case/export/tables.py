"""Aggregation of plain facts into the export's tables, and the published (suppressed) view.

Pure functions over plain records: no database, no files. The service reads the facts in one
transaction and hands them in here; nothing case-level ever leaves ``aggregate``. A raw table
still holds every true count (suppression needs them); a published table holds only what may
leave the PC, so the writers, the PDF charts and the preview cannot show a hidden figure even
by mistake.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from sro_case.domain.catalogues import catalogue

TOTAL = "Insgesamt"
TOTAL_CODE = "*"
UNKNOWN = "ohne_angabe"
UNKNOWN_LABEL = "ohne Angabe"
MODEL = "modellregion"
REST = "uebrige_stadt"
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
SEX_ORDER = ("female", "male", "diverse", "unspecified")
MERGED_SEX = "divers_ohne_angabe"

DURATIONS = (
    ("u3m", "unter 3 Monate", 0, 3),
    ("3-6m", "3 bis unter 6 Monate", 3, 6),
    ("6-12m", "6 bis unter 12 Monate", 6, 12),
    ("12-24m", "12 bis unter 24 Monate", 12, 24),
    ("24m+", "24 Monate und mehr", 24, None),
)
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
    """A goal reviewed in the period, with the last score given in the period."""

    case: int
    social_space: str
    score: int


class ProtectionFact(NamedTuple):
    """A § 8a assessment: a case flagged for child protection, opened in the period."""

    case: int
    social_space: str
    outcome: str | None


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


SIGN_SUPPRESSED = "."
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


def _help_category(code: str) -> str:
    cat = catalogue("help_types")
    return str(cat.by_code(code).get("category", UNKNOWN)) if code in cat else UNKNOWN


def months_between(start: date, end: date) -> int:
    """Completed months from ``start`` to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def duration_class(start: date, end: date) -> str:
    months = months_between(start, end)
    for code, _, low, high in DURATIONS:
        if months >= low and (high is None or months < high):
            return code
    return DURATIONS[-1][0]


def overlap_days(start: date, end: date | None, date_from: date, date_to: date) -> int:
    first = max(start, date_from)
    last = min(end or date_to, date_to)
    return max(0, (last - first).days + 1)


def committed_cents(fact: HelpFact, date_from: date, date_to: date) -> int:
    """Monthly cost, pro rata for the days of the help inside the period (a month = 1/12 year)."""
    days = overlap_days(fact.start_on, fact.end_on, date_from, date_to)
    return round((fact.monthly_cost_cents or 0) * days * 12 / 365.25)


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
    units: Iterable[tuple[str, str, int]],
    *,
    sensitive_cols: Iterable[str] = (),
    sensitive: bool = False,
    notes: tuple[str, ...] = (),
) -> CountTable:
    """Count ``units`` (row code, column code, case key) into a cross table with totals.

    Counted with Counter and set comprehensions (C loops): at 100,000 cases a table has over
    a million units, and four set updates per unit in Python took seconds."""
    r_index = {c.code: i for i, c in enumerate(rows)}
    c_index = {c.code: i for i, c in enumerate(cols)}
    n_rows, n_cols = len(rows), len(cols)
    keyed = [(r_index[row_code], c_index[col_code], case) for row_code, col_code, case in units]
    cell_units = Counter((r, c) for r, c, _ in keyed)
    cell_cases = Counter((r, c) for r, c, _ in set(keyed))
    row_cases = Counter(r for r, _ in {(r, case) for r, _, case in keyed})
    col_cases = Counter(c for c, _ in {(c, case) for _, c, case in keyed})
    counts = [[0] * (n_cols + 1) for _ in range(n_rows + 1)]
    cases = [[0] * (n_cols + 1) for _ in range(n_rows + 1)]
    for (r, c), n in cell_units.items():
        counts[r][c] += n
        counts[r][n_cols] += n
        counts[n_rows][c] += n
        counts[n_rows][n_cols] += n
    for (r, c), n in cell_cases.items():
        cases[r][c] = n
    for r, n in row_cases.items():
        cases[r][n_cols] = n
    for c, n in col_cases.items():
        cases[n_rows][c] = n
    cases[n_rows][n_cols] = len({case for _, _, case in keyed})
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
    units: Iterable[tuple[str, int, Sequence[float]]],
    figures: Callable[[Category, int, list[list[float]]], list[float | None]],
    *,
    dominance_col: int | None = None,
    notes: tuple[str, ...] = (),
) -> KeyFigureTable:
    """Rows per Sozialraum, per Gebiet and in total. ``units`` are (space code, case, values
    per unit); ``figures(row, count, unit values)`` turns one row's units into its figures."""
    rows = [*_space_rows(spaces), *_group_rows(), total("sozialraum")]
    index = {s.code: i for i, s in enumerate(spaces)}
    by_space: list[list[Sequence[float]]] = [[] for _ in spaces]
    cases_by_space: list[set[int]] = [set() for _ in spaces]
    for space, case, vals in units:  # one pass; groups and total are unions of spaces
        i = index[space]
        by_space[i].append(vals)
        cases_by_space[i].add(case)
    members: list[list[Sequence[float]]] = [*by_space]
    row_cases: list[set[int]] = [*cases_by_space]
    for group in (MODEL, REST):
        inside = [i for i, s in enumerate(spaces) if s.group == group]
        members.append([u for i in inside for u in by_space[i]])
        row_cases.append(set().union(*(cases_by_space[i] for i in inside)))
    members.append([u for m in by_space for u in m])
    row_cases.append(set().union(*cases_by_space))
    values = [figures(row, len(m), m) for row, m in zip(rows, members, strict=True)]
    dominated = []
    for m in members:
        if dominance_col is None or not m:
            dominated.append(False)
            continue
        parts = [u[dominance_col] for u in m]
        whole = sum(parts)
        dominated.append(whole > 0 and max(parts) > DOMINANCE_SHARE * whole)
    return KeyFigureTable(
        id=table_id,
        title=title,
        population=population,
        population_label=population_label,
        rows=tuple(rows),
        cols=tuple(cols),
        counts=tuple(len(m) for m in members),
        cases=tuple(len(c) for c in row_cases),
        values=tuple(tuple(v) for v in values),
        dominated=tuple(dominated),
        notes=notes,
    )


def aggregate(facts: Facts, date_from: date, date_to: date, *, threshold: int) -> RawExport:
    """All tables of the controlling export with their true figures."""
    spaces = facts.spaces
    known_spaces = {s.code for s in spaces}
    space_of = {s.code: s for s in spaces}
    notes: list[str] = []

    def inside(day: date | None) -> bool:
        return day is not None and date_from <= day <= date_to

    helps = [h for h in facts.helps if h.social_space in known_spaces]
    begun = [h for h in helps if inside(h.start_on)]
    period = f"{date_from:%d.%m.%Y} bis {date_to:%d.%m.%Y}"
    begun_label = f"Hilfen mit Beginn im Zeitraum {period}"
    rows = _space_rows(spaces)
    tables: list[RawTable] = []

    # 1. help type per Sozialraum
    help_types = _with_unknown(
        "hilfeart",
        ((i.code, _help_type_label(i.code)) for i in catalogue("help_types")),
        {h.help_type for h in begun},
    )
    tables.append(
        _cross(
            "hilfen_sozialraum_hilfeart",
            "Begonnene Hilfen nach Sozialraum und Hilfeart",
            "hilfen_beginn",
            begun_label,
            rows,
            help_types,
            ((h.social_space, h.help_type, h.case) for h in begun),
            sensitive_cols=_sensitive_help_types(),
        )
    )
    # 2. age group at the start of help
    ages = _with_unknown(
        "altersgruppe",
        ((i.code, i.name) for i in catalogue("age_groups")),
        {h.age_group for h in begun} | {UNKNOWN},
    )
    tables.append(
        _cross(
            "hilfen_sozialraum_altersgruppe",
            "Begonnene Hilfen nach Sozialraum und Alter zu Beginn der Hilfe",
            "hilfen_beginn",
            begun_label,
            rows,
            ages,
            ((h.social_space, h.age_group, h.case) for h in begun),
        )
    )
    # 3. model region vs. rest of the city, by sex; "divers" merged when too small to show
    diverse = sum(1 for h in begun if h.sex == "diverse")
    merge = diverse < threshold  # also at zero: the column's absence then says only "few"
    sexes = [s for s in SEX_ORDER if not (merge and s in ("diverse", "unspecified"))]
    sex_cols = [Category("geschlecht", s, SEX_LABELS[s]) for s in sexes]
    if merge:
        sex_cols.append(Category("geschlecht", MERGED_SEX, "divers / ohne Angabe"))
        notes.append(
            "Geschlecht: „divers“ ist mit „ohne Angabe“ zusammengefasst, weil sonst ein zu "
            "kleines Feld entstünde."
        )

    def sex_code(sex: str) -> str:
        sex = sex if sex in SEX_LABELS else "unspecified"
        return MERGED_SEX if merge and sex in ("diverse", "unspecified") else sex

    tables.append(
        _cross(
            "hilfen_modellregion_geschlecht",
            "Begonnene Hilfen: Modellregionen und übrige Stadt nach Geschlecht",
            "hilfen_beginn",
            begun_label,
            _group_rows(),
            sex_cols,
            ((space_of[h.social_space].group, sex_code(h.sex), h.case) for h in begun),
            notes=(
                "Modellregionen: " + ", ".join(s.name for s in spaces if s.is_model_region) + ".",
            ),
        )
    )
    # 4. helps running at the end of the period, by category
    running = [
        h for h in helps if h.start_on <= date_to and (h.end_on is None or h.end_on > date_to)
    ]
    used_categories = {_help_category(h.help_type) for h in running}
    categories = _with_unknown(
        "kategorie",
        CATEGORY_LABELS.items(),
        used_categories,
    )
    tables.append(
        _cross(
            "laufende_hilfen_sozialraum",
            f"Laufende Hilfen am {date_to:%d.%m.%Y} nach Sozialraum und Hilfekategorie",
            "hilfen_laufend",
            f"Hilfen, die am {date_to:%d.%m.%Y} liefen",
            rows,
            categories,
            ((h.social_space, _help_category(h.help_type), h.case) for h in running),
            sensitive_cols=("eingliederungshilfe",),
        )
    )
    # 5. ended helps: end reason and duration class
    ended = [h for h in helps if inside(h.end_on)]
    reasons = _with_unknown(
        "beendigungsgrund",
        ((i.code, i.name) for i in catalogue("end_reasons")),
        {h.end_reason or UNKNOWN for h in ended} | {UNKNOWN},
    )
    tables.append(
        _cross(
            "beendete_hilfen_grund_dauer",
            "Beendete Hilfen nach Beendigungsgrund und Dauer",
            "hilfen_ende",
            f"Hilfen mit Ende im Zeitraum {period}",
            reasons,
            [Category("dauer", code, label) for code, label, _, _ in DURATIONS],
            (
                (h.end_reason or UNKNOWN, duration_class(h.start_on, h.end_on), h.case)
                for h in ended
                if h.end_on is not None
            ),
        )
    )
    # 6. conferences per case, 7. disciplines taking part
    conferences = [c for c in facts.conferences if c.social_space in known_spaces]
    conferences = [c for c in conferences if inside(c.held_on)]
    per_case: dict[int, list[ConferenceFact]] = defaultdict(list)
    for c in conferences:
        per_case[c.case].append(c)

    def conference_class(n: int) -> str:
        return str(n) if n < 4 else "4+"

    tables.append(
        _cross(
            "konferenzen_je_fall",
            "Fälle nach Zahl der Fallkonferenzen im Zeitraum",
            "konferenz_faelle",
            f"Fälle mit mindestens einer Konferenz im Zeitraum {period}",
            _group_rows(),
            [Category("konferenzen", code, label) for code, label in CONFERENCE_CLASSES],
            (
                (space_of[items[-1].social_space].group, conference_class(len(items)), case)
                for case, items in per_case.items()
            ),
        )
    )
    disciplines = _with_unknown(
        "disziplin",
        ((i.code, i.name) for i in catalogue("disciplines")),
        {d for c in conferences for d in c.disciplines},
    )
    tables.append(
        _cross(
            "konferenzen_disziplinen",
            "Konferenzen nach beteiligten Disziplinen",
            "konferenz_teilnahmen",
            f"Konferenzen im Zeitraum {period}, je Disziplin einmal gezählt",
            disciplines,
            _group_rows(),
            (
                (d, space_of[c.social_space].group, c.case)
                for c in conferences
                for d in c.disciplines
            ),
            notes=(
                "Eine Konferenz zählt bei jeder beteiligten Disziplin; die Summen sind "
                "Teilnahmen, nicht Konferenzen.",
            ),
        )
    )
    # 8. goals and mean goal attainment
    goals = [g for g in facts.goals if g.social_space in known_spaces]
    tables.append(
        _key_figures(
            "ziele_zielerreichung",
            "Ziele und mittlere Zielerreichung nach Sozialraum",
            "ziele",
            f"Ziele mit mindestens einer Überprüfung im Zeitraum {period} (letzte Bewertung)",
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
            ((g.social_space, g.case, (float(g.score),)) for g in goals),
            lambda _row, n, units: [n, (sum(u[0] for u in units) / n) if n else None],
        )
    )
    # 9. § 8a outcomes (sensitive)
    protections = [p for p in facts.protections if p.social_space in known_spaces]
    outcomes = _with_unknown(
        "ergebnis",
        ((i.code, i.name) for i in catalogue("outcomes_8a")),
        {p.outcome or UNKNOWN for p in protections} | {UNKNOWN},
    )
    outcomes = [
        Category(c.feature, c.code, "Ergebnis noch offen") if c.code == UNKNOWN else c
        for c in outcomes
    ]
    tables.append(
        _cross(
            "kinderschutz_8a_ergebnis",
            "Gefährdungseinschätzungen nach § 8a SGB VIII nach Ergebnis",
            "kinderschutz",
            f"Fälle mit Kinderschutzverfahren, eröffnet im Zeitraum {period}",
            _group_rows(),
            outcomes,
            ((space_of[p.social_space].group, p.outcome or UNKNOWN, p.case) for p in protections),
            sensitive=True,
        )
    )
    # 10. committed cost against the social-space budget
    costly = [
        h
        for h in helps
        if (h.monthly_cost_cents or 0) > 0
        and overlap_days(h.start_on, h.end_on, date_from, date_to)
    ]
    budgets = {s.code: budget_cents(facts.budgets, s.code, date_from, date_to) for s in spaces}
    budgets[MODEL] = sum(budgets[s.code] for s in spaces if s.is_model_region)
    budgets[REST] = sum(budgets[s.code] for s in spaces if not s.is_model_region)
    budgets[TOTAL_CODE] = budgets[MODEL] + budgets[REST]

    def cost_figures(row: Category, n: int, units: list[list[float]]) -> list[float | None]:
        budget = float(budgets[row.code])
        cost = float(sum(u[0] for u in units))
        return [n, cost, budget, 100.0 * cost / budget if budget > 0 else None]

    tables.append(
        _key_figures(
            "kosten_budget_sozialraum",
            "Gebundene Kosten der Hilfen und Sozialraumbudget",
            "kosten",
            f"Hilfen mit Kosten im Zeitraum {period} (Kosten anteilig für die Tage im Zeitraum)",
            spaces,
            [
                Category("kennzahl", "hilfen", "Hilfen mit Kosten"),
                Category("kennzahl", "kosten", "gebundene Kosten (EUR)", kind="sum"),
                Category("kennzahl", "budget", "Budget im Zeitraum (EUR)", kind="public"),
                Category("kennzahl", "ausschoepfung", "Ausschöpfung (%)", kind="share", decimals=1),
            ],
            ((h.social_space, h.case, (committed_cents(h, date_from, date_to),)) for h in costly),
            cost_figures,
            dominance_col=0,
            notes=(
                "Budget: Jahresbudget des Sozialraums anteilig für die Tage des Zeitraums. "
                f"Kosten werden auch gesperrt, wenn eine Hilfe mehr als "
                f"{round(DOMINANCE_SHARE * 100)} % der Summe ausmacht.",
            ),
        )
    )
    return RawExport(date_from, date_to, tuple(tables), tuple(spaces), tuple(notes))
