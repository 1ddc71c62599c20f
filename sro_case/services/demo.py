"""Synthetic demo data (``sro-case demo``): families, cases, helps, conferences, goals, reviews.

Used to try the application out, for training and for benchmarks. Everything is invented: names
are drawn at random from ``resources/demo/names.json``, texts are assembled from the templates
below.

Why the services are not used: a case through the services costs its own transaction and a
dozen audit events, and a benchmark needs 100,000 cases in two minutes. So the rows are built as
tuples with ids computed here (children reference their parents without a flush) and written with
the driver's ``executemany``, ``BATCH_CASES`` cases per transaction and one audit event per batch.

Deterministic: every case draws from its own ``random.Random`` seeded with (seed, case id), and
all dates are relative to ``store.clock.today()``. The same seed on the same starting database
gives the same content, whatever the batch size.
"""

from __future__ import annotations

import json
import random
import re
from bisect import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection

from sro_case.domain.catalogues import Catalogue, catalogue, closed_status, initial_status
from sro_case.domain.enums import GoalStatus, NoteKind, PersonRole, ResourceKind, Role, Sex
from sro_case.domain.phonetics import phonetic_words
from sro_case.domain.sorting import sort_name
from sro_case.errors import SroCaseError
from sro_case.paths import resources_dir
from sro_case.storage.orm import (
    ActionStepRecord,
    BudgetRecord,
    CaseNoteRecord,
    CaseRecord,
    ConferenceRecord,
    ConsentRecord,
    FamilyRecord,
    GoalRecord,
    GoalReviewRecord,
    HelpRecord,
    ParticipantRecord,
    PersonRecord,
    ResourceRecord,
    SocialSpaceRecord,
    StatusChangeRecord,
    UserRecord,
)

if TYPE_CHECKING:
    from sro_case.services.store import Store

BATCH_CASES = 2_000
FILE_PREFIX = "51.2"  # Jugendamt Rostock (Amt 51), Allgemeiner Sozialer Dienst
CITY = "Rostock"
YEAR = 365.25  # days

Row = tuple[Any, ...]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoReport:
    """What one ``generate`` call added (records created, not records present)."""

    cases: int = 0
    families: int = 0
    persons: int = 0
    status_changes: int = 0
    consents: int = 0
    notes: int = 0
    helps: int = 0
    conferences: int = 0
    participants: int = 0
    goals: int = 0
    reviews: int = 0
    steps: int = 0
    resources: int = 0
    users: int = 0
    budgets: int = 0
    first_file_number: str | None = None
    last_file_number: str | None = None


# --------------------------------------------------------------------------- tables and columns
# The column order of each generated row. Built from the ORM tables, so a renamed column fails
# at once (KeyError below) instead of writing into the wrong place.
_COLUMNS: dict[type, tuple[str, ...]] = {
    FamilyRecord: (
        "id",
        "display_name",
        "sort_name",
        "street",
        "postal_code",
        "city",
        "social_space_id",
    ),
    PersonRecord: ("id", "family_id", "role", "first_name", "last_name", "birth_date", "sex"),
    CaseRecord: (
        "id",
        "file_number",
        "family_id",
        "lead_worker_id",
        "social_space_id",
        "opened_on",
        "closed_on",
        "status",
        "end_reason",
        "reason_for_contact",
        "focus_areas",
        "child_protection",
        "outcome_8a",
        "legal_hold",
        "next_review",
    ),
    StatusChangeRecord: ("id", "case_id", "changed_on", "from_status", "to_status", "reason"),
    ConsentRecord: (
        "id",
        "case_id",
        "person_id",
        "disciplines",
        "data_scope",
        "releases_entrusted",
        "given_on",
        "expires_on",
        "revoked_on",
    ),
    CaseNoteRecord: (
        "id",
        "case_id",
        "occurred_on",
        "kind",
        "participants",
        "text",
        "entrusted",
        "author_id",
    ),
    HelpRecord: (
        "id",
        "case_id",
        "person_id",
        "help_type",
        "provider",
        "start_on",
        "end_on",
        "hours_per_week",
        "monthly_cost_cents",
        "end_reason",
    ),
    ConferenceRecord: (
        "id",
        "case_id",
        "held_on",
        "kind",
        "facilitator",
        "agenda",
        "family_will",
        "will_spoken_by",
        "decisions",
        "next_review",
    ),
    ParticipantRecord: ("id", "conference_id", "name", "organisation", "discipline"),
    GoalRecord: (
        "id",
        "case_id",
        "conference_id",
        "text",
        "indicator",
        "owner",
        "target_date",
        "status",
        "level_minus2",
        "level_minus1",
        "level_0",
        "level_plus1",
        "level_plus2",
    ),
    GoalReviewRecord: ("id", "goal_id", "conference_id", "reviewed_on", "score", "comment"),
    ActionStepRecord: ("id", "goal_id", "who", "what", "due_on", "done"),
    ResourceRecord: ("id", "case_id", "kind", "description"),
}
_SEARCH_INSERT = "INSERT INTO case_search(rowid, file_number, names, phonetic) VALUES (?, ?, ?, ?)"


@cache
def _insert_sql(record: type) -> str:
    table: Table = record.__table__  # type: ignore[attr-defined]
    cols = _COLUMNS[record]
    for col in cols:
        if col not in table.c:
            raise KeyError(f"{table.name}.{col}")
    return f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


# --------------------------------------------------------------------------- demo users
DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("demo.woehlk", "Katrin Wöhlk", Role.CASEWORKER.value),
    ("demo.bruening", "Jan-Ole Brüning", Role.CASEWORKER.value),
    ("demo.kilic", "Ayşe Kılıç", Role.CASEWORKER.value),
    ("demo.maass", "Sören Maaß", Role.CASEWORKER.value),
    ("demo.daehn", "Maren Dähn", Role.CASEWORKER.value),
    ("demo.nowak", "Paweł Nowak", Role.CASEWORKER.value),
    ("demo.strauss", "Julia Strauß", Role.CASEWORKER.value),
    ("demo.kuehn", "Tobias Kühn", Role.CASEWORKER.value),
    ("demo.ohde", "Frauke Ohde", Role.FACILITATOR.value),
    ("demo.lemke", "Dirk Lemke", Role.CONTROLLING.value),
)

# --------------------------------------------------------------------------- weights
# More cases where the city has more families in need; the model regions get many.
SPACE_WEIGHTS = {
    "toitenwinkel": 11,
    "gross_klein": 11,
    "dierkow": 7,
    "schmarl": 6,
    "evershagen": 6,
    "luetten_klein": 5,
    "lichtenhagen": 5,
    "suedstadt": 4,
    "reutershagen": 4,
    "ktv": 3,
    "stadtmitte": 3,
    "hansaviertel": 2,
    "gartenstadt": 2,
    "warnemuende": 2,
    "biestow": 1,
    "brinckmansdorf": 1,
    "gehlsdorf": 1,
    "rostock_heide": 0.5,
}
POSTAL_CODES = {
    "stadtmitte": ("18055",),
    "ktv": ("18057",),
    "brinckmansdorf": ("18055",),
    "warnemuende": ("18119",),
    "lichtenhagen": ("18107", "18109"),
    "gross_klein": ("18109",),
    "luetten_klein": ("18107",),
    "evershagen": ("18106",),
    "schmarl": ("18106",),
    "reutershagen": ("18069",),
    "hansaviertel": ("18057", "18059"),
    "gartenstadt": ("18059",),
    "suedstadt": ("18059",),
    "biestow": ("18059",),
    "dierkow": ("18147",),
    "toitenwinkel": ("18147",),
    "gehlsdorf": ("18147",),
    "rostock_heide": ("18146",),
}
OPEN_STATUS_WEIGHTS = {
    "eingang": 8,
    "klaerung": 16,
    "hilfeplanung": 11,
    "hilfe_laufend": 55,
    "ruhend": 10,
}
REOPEN_STATUS = "klaerung"  # where CaseService.reopen puts a case
CLOSED_SHARE = 0.35
CHILD_PROTECTION_SHARE = 0.10
REOPENED_SHARE = 0.04
# Days since the case was opened, by status: new cases are young, dormant ones old.
OPENED_AGE_DAYS = {
    "eingang": (0, 45),
    "klaerung": (10, 400),
    "hilfeplanung": (20, 500),
    "hilfe_laufend": (60, 1_100),
    "ruhend": (120, 1_400),
}
CLOSED_OPENED_AGE_DAYS = (90, 2_190)
END_REASON_WEIGHTS = {
    "plan": 38,
    "kein_bedarf": 16,
    "abbruch_familie": 10,
    "abbruch_jung": 5,
    "abbruch_dienst": 3,
    "zustaendigkeit": 9,
    "andere_hilfe": 10,
    "altersgrenze": 4,
    "sonstige": 5,
}
REOPEN_REASON_WEIGHTS = {"neuer_bedarf": 70, "meldung_8a": 15, "irrtum": 5, "sonstige": 10}
OUTCOME_8A_WEIGHTS = {"akut": 12, "latent": 24, "hilfebedarf": 42, "kein_bedarf": 22}
NOTE_KIND_WEIGHTS = {
    NoteKind.HOME_VISIT.value: 25,
    NoteKind.COUNSELLING.value: 20,
    NoteKind.PHONE.value: 25,
    NoteKind.SCHOOL_VISIT.value: 8,
    NoteKind.KITA_TALK.value: 7,
    NoteKind.EMAIL.value: 10,
    NoteKind.OTHER.value: 5,
}
HZE_WEIGHTS = {
    "31": 30,
    "30": 12,
    "27_2": 10,
    "28": 8,
    "34": 8,
    "35a": 7,
    "33": 6,
    "32": 5,
    "29": 4,
    "41": 3,
    "35": 2,
    "55": 2,
    "41a": 1,
}
SRO_WEIGHTS = {"13a": 12, "16": 10, "11": 8, "22_24": 6, "13": 5}
# Conferences per case: mean 3.5 here, about 3.0 once young cases (too little time for many
# meetings) and cases just opened (at most one) are counted in.
CONFERENCE_COUNT_WEIGHTS = {1: 7, 2: 16, 3: 28, 4: 25, 5: 15, 6: 9}


@dataclass(frozen=True)
class HelpProfile:
    """Hours per week and monthly cost in euro for one help type; ``free`` = share costing 0."""

    hours: tuple[int, int] | None
    cost_eur: tuple[int, int]
    free: float = 0.0


HELP_PROFILES = {
    "27_2": HelpProfile((2, 8), (800, 2_500)),
    "28": HelpProfile((1, 2), (100, 400), free=0.6),
    "29": HelpProfile((2, 4), (400, 900)),
    "30": HelpProfile((2, 6), (1_000, 2_200)),
    "31": HelpProfile((4, 12), (1_500, 3_000)),
    "32": HelpProfile((25, 35), (2_500, 4_000)),
    "33": HelpProfile(None, (1_100, 1_800)),
    "34": HelpProfile(None, (5_000, 7_000)),
    "35": HelpProfile((10, 20), (3_500, 7_500)),
    "35a": HelpProfile((2, 10), (800, 4_500)),
    "41": HelpProfile((3, 10), (1_500, 5_500)),
    "41a": HelpProfile((1, 3), (200, 700)),
    "55": HelpProfile(None, (0, 0), free=1.0),
    "11": HelpProfile((2, 6), (10, 60), free=0.8),
    "13": HelpProfile((2, 8), (50, 300), free=0.5),
    "13a": HelpProfile((1, 3), (0, 0), free=1.0),
    "16": HelpProfile((1, 3), (20, 150), free=0.6),
    "22_24": HelpProfile((20, 45), (50, 350), free=0.3),
}
DEFAULT_HELP_PROFILE = HelpProfile((1, 6), (0, 2_000), free=0.3)

# Disciplines that may be invited, by what the family brings (codes from the catalogue).
PROFESSIONAL_DISCIPLINES = (
    "schulsozialarbeit",
    "kita",
    "jugendarbeit",
    "jugendsozialarbeit",
    "hze_traeger",
    "familienbildung",
    "schule",
    "gesundheit",
    "sonstige",
)

# --------------------------------------------------------------------------- texts (German)
# Placeholders: {kind} a child's first name, {eltern} how the worker addresses the parent
# ("Frau Kaya"), {familie} the surname, {schule} {kita} {treff} {zentrum} {sozialraum} {hilfe}.

REASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Mitteilung der {schule}: {kind} fehlt seit Wochen häufig unentschuldigt.", ("schule",)),
    (
        "{eltern} meldet sich selbst und bittet um Unterstützung bei der Erziehung.",
        ("erziehung",),
    ),
    ("Hinweis der {kita}: {kind} kommt oft müde und ohne Frühstück.", ("kita", "gesundheit")),
    ("Trennung der Eltern, Streit um den Umgang mit den Kindern.", ("trennung", "konflikte")),
    (
        "Der Vermieter droht mit Kündigung wegen Mietschulden; die Familie sucht Rat.",
        ("wohnen", "existenz"),
    ),
    (
        "Selbstmeldung: {eltern} fühlt sich nach der Geburt des jüngsten Kindes überfordert.",
        ("erziehung", "gesundheit"),
    ),
    (
        "{kind} ist nach einem Streit von zu Hause weggelaufen und hat im Jugendnotdienst "
        "übernachtet.",
        ("konflikte",),
    ),
    (
        "Anfrage der Kinderarztpraxis wegen einer Entwicklungsverzögerung von {kind}.",
        ("gesundheit", "kita"),
    ),
    ("Zuzug aus einem anderen Landkreis, die laufende Hilfe soll übernommen werden.", ()),
    (
        "Die Schulsozialarbeit der {schule} bittet um ein gemeinsames Gespräch mit der Familie.",
        ("schule", "freizeit"),
    ),
    ("{eltern} hat Schulden und weiß nicht, wie es weitergehen soll.", ("existenz",)),
    ("Die Großmutter macht sich Sorgen, weil {eltern} wieder trinkt.", ("sucht", "erziehung")),
    ("{kind} zieht sich zurück und verlässt kaum noch das Zimmer.", ("gesundheit", "freizeit")),
)
CHILD_PROTECTION_REASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Meldung nach § 8a SGB VIII: Nachbarn hören nachts lautes Schreien und Weinen aus der "
        "Wohnung.",
        ("kinderschutz", "konflikte"),
    ),
    (
        "Polizeimeldung nach einem Einsatz wegen häuslicher Gewalt; die Kinder waren anwesend.",
        ("kinderschutz", "konflikte"),
    ),
    (
        "Die {kita} meldet wiederholt Verletzungen bei {kind}, die nicht erklärt werden.",
        ("kinderschutz", "kita"),
    ),
    (
        "Die {schule} meldet, dass {kind} erzählt, abends oft allein zu Hause zu sein.",
        ("kinderschutz", "erziehung"),
    ),
    (
        "Hinweis der Hebamme: Säugling wirkt unterversorgt, die Wohnung ist stark vermüllt.",
        ("kinderschutz", "wohnen", "gesundheit"),
    ),
)

PARENT_WILLS = (
    "Ich will, dass {kind} wieder gern in die Schule geht und Freunde hat.",
    "Wir wollen als Familie wieder mehr zusammen unternehmen und weniger streiten.",
    "Ich möchte meine Kinder selbst gut versorgen, ohne dass dauernd jemand vom Amt kommt.",
    "Wir wollen in unserer Wohnung bleiben und die Schulden in den Griff kriegen.",
    "Ich will morgens ruhig aus dem Haus kommen, ohne Geschrei.",
    "Ich will nicht mehr alles allein machen müssen. Ich brauche jemanden, der mal mit anpackt.",
    "Ich will, dass die Kinder ihren Vater sehen, aber ohne dass wir uns vor ihnen streiten.",
    "Ich will wieder arbeiten gehen und trotzdem für die Kinder da sein.",
    "Wir wollen, dass {kind} in der Kita gut Deutsch lernt und mitspielen kann.",
    "Ich möchte, dass mir jemand zeigt, wie ich ruhig bleibe, wenn {kind} ausrastet.",
)
CHILD_WILLS = (
    "Ich will, dass Mama und Papa nicht mehr so viel streiten.",
    "Ich will meinen Abschluss schaffen und dann eine Ausbildung machen.",
    "Ich will mehr Zeit mit meinen Freunden haben und nicht immer aufpassen müssen.",
    "Ich will, dass man mir zuhört, bevor entschieden wird.",
    "Ich will in meinem Fußballverein bleiben.",
    "Ich will später in eine eigene Wohnung ziehen.",
)
DECISIONS = (
    "Die Hilfe „{hilfe}“ wird für sechs Monate bewilligt.",
    "Die Hilfe „{hilfe}“ wird fortgesetzt; der Umfang bleibt gleich.",
    "Die Familie nimmt Kontakt zum {zentrum} auf und besucht das Elterncafé.",
    "Die {schule} und die Schulsozialarbeit stimmen sich einmal pro Woche ab.",
    "{kind} wird im {treff} für die Hausaufgabenhilfe angemeldet.",
    "Die Familie probiert die Vereinbarungen zunächst ohne weitere Hilfe aus.",
    "Es wird ein Antrag auf Leistungen für Bildung und Teilhabe gestellt.",
    "Die Großeltern übernehmen zwei Nachmittage pro Woche die Betreuung.",
    "Nächste Überprüfung in drei Monaten im gleichen Kreis.",
)

NOTE_OPENERS = {
    NoteKind.HOME_VISIT.value: (
        "Hausbesuch bei Familie {familie}.",
        "Angekündigter Hausbesuch, {eltern} und {kind} sind da.",
        "Hausbesuch gemeinsam mit der Familienhelferin.",
    ),
    NoteKind.COUNSELLING.value: (
        "Beratungsgespräch mit {eltern} im Büro.",
        "Gespräch mit {eltern} im {zentrum}.",
        "Beratung zu den nächsten Schritten nach der letzten Konferenz.",
    ),
    NoteKind.PHONE.value: (
        "{eltern} ruft an.",
        "Telefonat mit {eltern}.",
        "Rückruf der {schule}.",
    ),
    NoteKind.SCHOOL_VISIT.value: (
        "Gespräch in der {schule} mit der Klassenleitung.",
        "Schulbesuch, Gespräch mit Klassenleitung und Schulsozialarbeit.",
    ),
    NoteKind.KITA_TALK.value: (
        "Gespräch in der {kita} mit der Bezugserzieherin.",
        "Entwicklungsgespräch in der {kita}, {eltern} ist dabei.",
    ),
    NoteKind.EMAIL.value: (
        "E-Mail der {schule}.",
        "E-Mail von {eltern} mit Fragen zur Hilfe.",
        "E-Mail der Familienhelferin mit dem Zwischenbericht.",
    ),
    NoteKind.OTHER.value: (
        "Zufällige Begegnung mit {eltern} im Stadtteil.",
        "Aktenvermerk nach Rücksprache im Team.",
    ),
}
NOTE_OBSERVATIONS = (
    "{eltern} berichtet, dass die Morgenroutine inzwischen besser klappt.",
    "{kind} zeigt stolz das eigene Zimmer und das neue Bild an der Wand.",
    "Die Wohnung ist aufgeräumt, im Kühlschrank sind Lebensmittel.",
    "{kind} hat diese Woche zweimal gefehlt, einmal mit Entschuldigung.",
    "{eltern} wirkt erschöpft und sagt, dass es gerade wieder schwerer ist.",
    "Die Hausaufgabenhilfe im {treff} wird gut angenommen.",
    "Es gab am Wochenende Streit, der aber ohne Eskalation gelöst wurde.",
    "Die Schuldnerberatung hat einen ersten Termin vergeben.",
    "{kind} erzählt viel vom Fußballtraining und von den neuen Freunden.",
    "Die Kita berichtet, dass {kind} jetzt in ganzen Sätzen spricht.",
    "{eltern} hat die Termine im Wandkalender eingetragen und alle wahrgenommen.",
    "Der Kontakt zum Vater findet wie vereinbart jedes zweite Wochenende statt.",
)
NOTE_AGREEMENTS = (
    "Vereinbart: nächster Termin in zwei Wochen.",
    "{eltern} meldet sich, wenn es eng wird.",
    "Die Vereinbarungen aus der Konferenz gelten weiter.",
    "Thema für die nächste Konferenz notiert.",
    "Rückmeldung an die Familienhelferin gegeben.",
    "",
)
ENTRUSTED_NOTES = (
    "{eltern} vertraut an, dass es in der Beziehung zum Partner wieder Gewalt gegeben hat, und "
    "bittet, das nicht weiterzugeben.",
    "{kind} erzählt im Vertrauen von Problemen mit Alkohol im Freundeskreis; nicht weitergeben "
    "ohne Zustimmung.",
    "{eltern} berichtet im Vertrauen von einer eigenen psychischen Erkrankung und laufender "
    "Behandlung.",
    "{eltern} erzählt im Vertrauen von Schulden bei Bekannten, die niemand wissen soll.",
)

RESOURCES: dict[str, tuple[str, ...]] = {
    ResourceKind.PERSONAL.value: (
        "{kind} kann gut zeichnen und malt gern.",
        "{eltern} ist zuverlässig, wenn es um Termine geht.",
        "{kind} spielt Fußball und ist im Team beliebt.",
        "{eltern} hat eine abgeschlossene Ausbildung im Einzelhandel.",
        "{kind} ist hilfsbereit und kümmert sich liebevoll um die jüngeren Geschwister.",
        "{eltern} kocht gern und gut, gemeinsames Abendessen ist der Familie wichtig.",
    ),
    ResourceKind.FAMILY.value: (
        "Die Großmutter wohnt im selben Haus und holt die Kinder zweimal pro Woche ab.",
        "Ein Onkel hilft bei Behördengängen und beim Umzug.",
        "Die Nachbarin passt abends auf die Kinder auf, wenn {eltern} Spätschicht hat.",
        "Der Vater hält regelmäßig Kontakt und nimmt die Kinder jedes zweite Wochenende.",
        "Die Patentante ist für {kind} eine wichtige Ansprechpartnerin.",
    ),
    ResourceKind.SOCIAL_SPACE.value: (
        "Der {treff} ist fünf Minuten entfernt und bietet dienstags Hausaufgabenhilfe an.",
        "Im {zentrum} gibt es ein offenes Elterncafé.",
        "Der Sportverein im Sozialraum {sozialraum} hat eine kostenlose Kindergruppe.",
        "Die Tafel im Sozialraum {sozialraum} hilft bei Lebensmitteln.",
        "Der Spielplatz am Wohnblock ist ein Treffpunkt mit anderen Familien.",
    ),
    ResourceKind.INSTITUTIONAL.value: (
        "Die Schulsozialarbeiterin an der {schule} kennt {kind} gut.",
        "Die {kita} bietet einen Platz in der Sprachfördergruppe an.",
        "Die Schuldnerberatung hat kurzfristig einen Termin frei.",
        "Die Kinderarztpraxis begleitet die Familie seit Jahren.",
        "Das Jobcenter unterstützt bei der Suche nach einer Teilzeitstelle.",
    ),
}

CONSENT_SCOPES = {
    "schulsozialarbeit": "Verlauf und Vereinbarungen mit der Schulsozialarbeit",
    "kita": "Entwicklungsstand und Beobachtungen der Kita",
    "jugendarbeit": "Teilnahme an Angeboten der Jugendarbeit",
    "jugendsozialarbeit": "Stand der Ausbildungs- und Berufsplanung",
    "hze_traeger": "Ziele, Verlauf und Berichte der Hilfe nach dem Hilfeplan",
    "familienbildung": "Teilnahme an Kursen der Familienbildung",
    "schule": "Fehlzeiten, Leistungen und Verhalten in der Schule",
    "gesundheit": "Gesundheitliche Befunde, soweit für die Hilfe nötig",
    "sonstige": "Angaben zur Wohn- und Einkommenssituation",
}

REVIEW_COMMENTS = {
    -2: (
        "Deutlich schlechter als erwartet; die Familie braucht mehr Unterstützung.",
        "Rückschritt seit der letzten Konferenz, neue Vereinbarungen nötig.",
    ),
    -1: (
        "Etwas schlechter als erwartet, erste Schritte sind aber gemacht.",
        "Es hat nur teilweise geklappt; {eltern} will es weiter versuchen.",
    ),
    0: (
        "Wie erwartet. Die Familie bleibt dran.",
        "Das erwartete Ergebnis ist erreicht; {kind} ist stolz darauf.",
    ),
    1: (
        "Besser als erwartet. Die Familie ist zufrieden mit dem Fortschritt.",
        "Mehr erreicht als vereinbart, {eltern} hat viel selbst organisiert.",
    ),
    2: (
        "Viel besser als erwartet; das Ziel ist erreicht.",
        "Ziel voll erreicht, die Familie braucht hier keine Unterstützung mehr.",
    ),
}


@dataclass(frozen=True)
class GoalTemplate:
    """A goal in the family's words with indicator, five scale levels and agreed steps.

    ``owner`` is "parent", "child" (the young person speaks; only for children of ten and
    older) or "family". In ``steps`` the who is "parent", "child", "family" or a service.
    """

    focus: str
    owner: str
    text: str
    indicator: str
    levels: tuple[str, str, str, str, str]
    steps: tuple[tuple[str, str], ...]


GOALS: tuple[GoalTemplate, ...] = (
    GoalTemplate(
        "schule",
        "child",
        "Ich will jeden Tag in die Schule gehen und in Mathe den Anschluss schaffen.",
        "Woran merken wir es? {kind} fehlt höchstens einen Tag im Monat unentschuldigt, und die "
        "Mathearbeiten sind mindestens ausreichend.",
        (
            "{kind} fehlt mehr als eine Woche im Monat unentschuldigt.",
            "{kind} fehlt zwei bis vier Tage im Monat.",
            "{kind} fehlt höchstens einen Tag im Monat.",
            "{kind} ist jeden Tag da und gibt die Hausaufgaben meistens ab.",
            "{kind} ist jeden Tag pünktlich da und schreibt in Mathe eine Drei oder besser.",
        ),
        (
            ("child", "stellt sich zwei Wecker und geht um 7:15 Uhr los."),
            ("Schulsozialarbeit", "trifft {kind} jeden Dienstag in der großen Pause."),
        ),
    ),
    GoalTemplate(
        "schule",
        "parent",
        "Wir wollen, dass {kind} die Hausaufgaben ohne Streit schafft.",
        "Woran merken wir es? An mindestens vier Abenden pro Woche sind die Hausaufgaben vor dem "
        "Abendbrot fertig, ohne dass jemand laut wird.",
        (
            "Hausaufgaben werden kaum gemacht, es gibt jeden Abend Streit.",
            "An ein bis zwei Abenden klappt es, sonst gibt es Streit.",
            "An drei Abenden pro Woche klappt es ohne Streit.",
            "An vier Abenden pro Woche klappt es ohne Streit.",
            "{kind} macht die Hausaufgaben fast immer selbstständig.",
        ),
        (
            ("parent", "setzt sich nach der Arbeit 20 Minuten mit {kind} an den Küchentisch."),
            ("Jugendarbeit", "bietet {kind} einen Platz in der Hausaufgabenhilfe im {treff} an."),
        ),
    ),
    GoalTemplate(
        "schule",
        "child",
        "Ich will meinen Schulabschluss schaffen und danach eine Ausbildung anfangen.",
        "Woran merken wir es? {kind} ist zur Prüfung angemeldet und hat zwei Praktika gemacht.",
        (
            "{kind} geht nicht mehr zur Schule.",
            "{kind} geht unregelmäßig, ein Praktikum ist nicht in Sicht.",
            "{kind} ist zur Prüfung angemeldet und hat ein Praktikum gemacht.",
            "{kind} hat zwei Praktika gemacht und eine Bewerbung geschrieben.",
            "{kind} hat den Abschluss und einen Ausbildungsvertrag.",
        ),
        (
            ("child", "bewirbt sich bei zwei Betrieben um ein Praktikum."),
            ("Jugendsozialarbeit", "übt mit {kind} zweimal ein Bewerbungsgespräch."),
        ),
    ),
    GoalTemplate(
        "erziehung",
        "parent",
        "Ich will morgens ruhig mit den Kindern aus dem Haus kommen, ohne Geschrei.",
        "Woran merken wir es? An vier von fünf Schultagen sind alle um 7:30 Uhr angezogen und "
        "haben gefrühstückt.",
        (
            "Jeden Morgen Streit, die Kinder kommen zu spät.",
            "An ein bis zwei Tagen pro Woche klappt es.",
            "An drei Tagen pro Woche klappt es.",
            "An vier Tagen pro Woche klappt es.",
            "Jeden Morgen klappt es, und die Kinder helfen mit.",
        ),
        (
            ("parent", "legt abends mit den Kindern die Kleidung für den nächsten Tag bereit."),
            ("Familienhilfe", "kommt zweimal morgens mit und übt den Ablauf mit der Familie."),
        ),
    ),
    GoalTemplate(
        "erziehung",
        "family",
        "Wir wollen klare Regeln, an die sich alle halten – auch wir Eltern.",
        "Woran merken wir es? Der Regelplan hängt am Kühlschrank, und alle halten sich eine "
        "Woche lang an drei Regeln.",
        (
            "Es gibt keine gemeinsamen Regeln.",
            "Regeln sind besprochen, werden aber kaum eingehalten.",
            "Drei Regeln werden an den meisten Tagen eingehalten.",
            "Alle halten sich eine Woche lang an die Regeln.",
            "Die Familie passt die Regeln selbst an, wenn etwas nicht passt.",
        ),
        (
            ("family", "schreibt die Regeln am Sonntag gemeinsam auf."),
            ("Familienhilfe", "moderiert das erste Familiengespräch über die Regeln."),
        ),
    ),
    GoalTemplate(
        "erziehung",
        "parent",
        "Ich will mir Hilfe holen, bevor es mir zu viel wird.",
        "Woran merken wir es? {eltern} hat eine feste Entlastung pro Woche und ruft an, wenn es "
        "eng wird.",
        (
            "{eltern} ist ohne jede Entlastung und meldet sich erst in der Krise.",
            "Eine Entlastung ist besprochen, klappt aber selten.",
            "Einmal pro Woche gibt es eine feste Entlastung.",
            "Die Entlastung klappt, und {eltern} meldet sich frühzeitig.",
            "{eltern} organisiert Entlastung selbst in Familie und Nachbarschaft.",
        ),
        (
            ("parent", "fragt die Großmutter nach einem festen Nachmittag pro Woche."),
            ("Familienbildung", "stellt das Elterncafé im {zentrum} vor."),
        ),
    ),
    GoalTemplate(
        "kita",
        "parent",
        "Ich möchte, dass {kind} jeden Tag in die Kita geht und gut Deutsch lernt.",
        "Woran merken wir es? {kind} ist an mindestens vier Tagen pro Woche in der Kita und "
        "erzählt zu Hause von den anderen Kindern.",
        (
            "{kind} geht fast nie in die Kita.",
            "{kind} ist ein bis zwei Tage pro Woche in der Kita.",
            "{kind} ist drei Tage pro Woche in der Kita.",
            "{kind} ist vier Tage pro Woche da und spricht in der Gruppe.",
            "{kind} geht jeden Tag gern hin und hat feste Freundschaften.",
        ),
        (
            ("parent", "bringt {kind} bis 8:30 Uhr in die {kita}."),
            ("Kita", "lädt zu einem Elterngespräch mit Sprachmittlung ein."),
        ),
    ),
    GoalTemplate(
        "gesundheit",
        "parent",
        "Ich will, dass {kind} alle Termine beim Kinderarzt und bei der Frühförderung bekommt.",
        "Woran merken wir es? Alle Termine im Quartal stehen im Kalender und wurden wahrgenommen.",
        (
            "Kein Termin wurde wahrgenommen.",
            "Weniger als die Hälfte der Termine wurde wahrgenommen.",
            "Die Hälfte der Termine wurde wahrgenommen.",
            "Fast alle Termine wurden wahrgenommen.",
            "Alle Termine wurden wahrgenommen, {eltern} vereinbart neue selbst.",
        ),
        (
            ("parent", "trägt alle Termine in den Wandkalender ein und stellt eine Erinnerung."),
            ("Frühförderstelle", "schickt einen Tag vorher eine Erinnerung per SMS."),
        ),
    ),
    GoalTemplate(
        "wohnen",
        "family",
        "Wir wollen in unserer Wohnung bleiben.",
        "Woran merken wir es? Die Miete ist drei Monate hintereinander pünktlich bezahlt, und "
        "der Vermieter nimmt die Kündigung zurück.",
        (
            "Die Räumungsklage läuft.",
            "Die Miete ist weiter im Rückstand.",
            "Eine Ratenzahlung ist vereinbart und wird eingehalten.",
            "Die Mietschulden sind zur Hälfte abbezahlt.",
            "Keine Schulden mehr, der Mietvertrag ist gesichert.",
        ),
        (
            ("parent", "geht mit allen Briefen zur Schuldnerberatung."),
            ("Schuldnerberatung", "klärt mit der Wohnungsgesellschaft eine Ratenzahlung."),
        ),
    ),
    GoalTemplate(
        "existenz",
        "parent",
        "Ich will mit dem Geld bis zum Monatsende auskommen.",
        "Woran merken wir es? Am 25. des Monats ist noch Geld für Lebensmittel da.",
        (
            "Das Geld reicht nur bis zur Monatsmitte, es kommen neue Schulden dazu.",
            "Das Geld reicht bis zum 20.",
            "Das Geld reicht bis zum 25.",
            "Das Geld reicht bis zum Monatsende.",
            "Jeden Monat bleibt ein kleiner Betrag zum Sparen.",
        ),
        (
            ("parent", "führt ein Haushaltsbuch und bringt es zur Familienhilfe mit."),
            ("Familienhilfe", "hilft beim Antrag auf Leistungen für Bildung und Teilhabe."),
        ),
    ),
    GoalTemplate(
        "konflikte",
        "child",
        "Ich will, dass wir zu Hause weniger streiten und ich nicht mehr abhaue.",
        "Woran merken wir es? {kind} übernachtet jede Nacht zu Hause, und Streit wird mit der "
        "Ampelkarte unterbrochen.",
        (
            "{kind} ist mehrmals im Monat über Nacht weg.",
            "{kind} ist einmal im Monat über Nacht weg.",
            "{kind} ist jede Nacht zu Hause, es gibt aber noch laute Streits.",
            "Streits werden meistens mit der Ampelkarte unterbrochen.",
            "Die Familie löst Streit am Sonntag im Familienrat.",
        ),
        (
            ("child", "zeigt die rote Karte und geht zehn Minuten ins Zimmer, statt wegzulaufen."),
            ("parent", "ruft bei Streit die Familienhelferin an, statt hinterherzuschreien."),
        ),
    ),
    GoalTemplate(
        "konflikte",
        "family",
        "Wir wollen wieder miteinander reden, ohne dass es gleich laut wird.",
        "Woran merken wir es? Einmal pro Woche sitzen alle beim Familienrat zusammen, und er "
        "endet ohne Türenknallen.",
        (
            "Es wird nur noch geschrien oder geschwiegen.",
            "Ein Familienrat hat einmal stattgefunden und endete im Streit.",
            "Der Familienrat findet alle zwei Wochen statt.",
            "Der Familienrat findet jede Woche statt und endet ruhig.",
            "Die Familie klärt Streit auch zwischendurch selbst.",
        ),
        (
            ("family", "legt den Familienrat auf Sonntag nach dem Mittagessen."),
            ("Familienhilfe", "leitet die ersten beiden Familienräte an."),
        ),
    ),
    GoalTemplate(
        "kinderschutz",
        "parent",
        "Ich will, dass meine Kinder sicher sind und sich auf mich verlassen können.",
        "Woran merken wir es? Die Kinder sind abends nie allein, und der Notfallplan hängt an "
        "der Tür.",
        (
            "Die Kinder sind abends regelmäßig allein.",
            "Die Kinder sind manchmal allein, ein Notfallplan fehlt.",
            "Der Notfallplan steht, eine Betreuung ist für jeden Abend organisiert.",
            "Die Betreuung klappt seit acht Wochen ohne Ausnahme.",
            "{eltern} organisiert die Betreuung selbstständig mit Familie und Nachbarn.",
        ),
        (
            ("parent", "schreibt mit der Großmutter einen Wochenplan für die Abende."),
            ("ASD", "macht einmal im Monat einen Hausbesuch."),
        ),
    ),
    GoalTemplate(
        "freizeit",
        "child",
        "Ich will in einen Verein gehen und Freunde finden.",
        "Woran merken wir es? {kind} geht einmal pro Woche zum Training und trifft sich am "
        "Wochenende mit Freundinnen oder Freunden.",
        (
            "{kind} ist nur zu Hause und am Handy.",
            "{kind} war einmal beim Probetraining.",
            "{kind} geht meistens einmal pro Woche zum Training.",
            "{kind} geht jede Woche hin und trifft Freunde auch am Wochenende.",
            "{kind} ist fest im Team und hilft bei den Jüngeren mit.",
        ),
        (
            ("child", "geht mit zum Probetraining beim Sportverein."),
            ("Jugendarbeit", "stellt {kind} im {treff} vor."),
        ),
    ),
    GoalTemplate(
        "freizeit",
        "family",
        "Wir wollen als Familie wieder mehr zusammen unternehmen.",
        "Woran merken wir es? Einmal im Monat macht die Familie einen Ausflug, zum Beispiel an "
        "den Strand nach Warnemünde.",
        (
            "Die Familie unternimmt nichts gemeinsam.",
            "Ein Ausflug ist geplant, hat aber nicht stattgefunden.",
            "Einmal im Monat gibt es einen gemeinsamen Ausflug.",
            "Zwei gemeinsame Unternehmungen im Monat.",
            "Die Kinder planen die Ausflüge selbst mit.",
        ),
        (
            ("family", "sucht sich am Monatsanfang einen Ausflug aus."),
            ("Familienbildung", "gibt den Ferienkalender vom {zentrum} weiter."),
        ),
    ),
    GoalTemplate(
        "sucht",
        "parent",
        "Ich will ohne Alkohol für meine Kinder da sein.",
        "Woran merken wir es? {eltern} geht jede Woche zur Suchtberatung und ist an den "
        "Wochenenden nüchtern.",
        (
            "{eltern} trinkt täglich und geht nicht zur Beratung.",
            "{eltern} war einmal bei der Suchtberatung.",
            "{eltern} geht regelmäßig zur Beratung, es gibt noch Rückfälle.",
            "Seit einem Monat kein Rückfall.",
            "Seit drei Monaten kein Rückfall, eine Therapie ist beantragt.",
        ),
        (
            ("parent", "vereinbart selbst einen Termin bei der Suchtberatung."),
            ("Gesundheit", "begleitet den Antrag auf eine ambulante Therapie."),
        ),
    ),
    GoalTemplate(
        "trennung",
        "parent",
        "Die Kinder sollen beide Eltern sehen, ohne zwischen die Fronten zu geraten.",
        "Woran merken wir es? Die Umgangswochenenden finden wie vereinbart statt, und die "
        "Übergabe klappt ohne Streit vor den Kindern.",
        (
            "Der Umgang fällt aus, Übergaben enden im Streit.",
            "Der Umgang findet unregelmäßig statt.",
            "Der Umgang findet wie vereinbart statt.",
            "Umgang wie vereinbart, Übergaben ohne Streit.",
            "Die Eltern sprechen Änderungen selbst miteinander ab.",
        ),
        (
            ("parent", "bespricht Übergaben nur noch per Nachricht, nicht vor den Kindern."),
            ("Erziehungsberatung", "lädt beide Eltern zu zwei gemeinsamen Gesprächen ein."),
        ),
    ),
    GoalTemplate(
        "",
        "parent",
        "Ich will wieder Kraft haben für mich und die Kinder.",
        "Woran merken wir es? {eltern} schläft wieder durch und hat einen Abend pro Woche für "
        "sich.",
        (
            "{eltern} ist völlig erschöpft und schafft den Alltag kaum.",
            "{eltern} hat selten etwas Zeit für sich.",
            "Einen Abend pro Woche hat {eltern} für sich.",
            "{eltern} schläft wieder besser und hat einen festen freien Abend.",
            "{eltern} hat ein eigenes Hobby und trifft Freundinnen und Freunde.",
        ),
        (
            ("parent", "meldet sich zum Kurs „Starke Eltern – starke Kinder“ an."),
            ("Familienbildung", "organisiert die Kinderbetreuung während des Kurses."),
        ),
    ),
)


# --------------------------------------------------------------------------- small helpers
@cache
def _iso(ordinal: int) -> str:
    """Dates are stored as ISO text; generated rows carry that text directly."""
    return date.fromordinal(ordinal).isoformat()


@cache
def _word_phonetic(word: str) -> str:
    return phonetic_words(word)


def _index_row(family_name: str, person_names: str, surnames: str) -> tuple[str, str]:
    """Same result as ``search_index.index_row``, with the Kölner Phonetik cached per word
    (names repeat; computing the code takes a few microseconds each time)."""
    names = f"{family_name} {person_names}".strip()
    sound = f"{family_name} {surnames}".split()
    return names, " ".join(filter(None, map(_word_phonetic, sound)))


class _Weighted:
    """Weighted choice from a fixed table, faster than ``random.choices`` per call."""

    def __init__(self, weights: Mapping[Any, float]) -> None:
        items = [(k, w) for k, w in weights.items() if w > 0]
        if not items:
            raise ValueError("no positive weight")
        self.items = tuple(k for k, _ in items)
        total = 0.0
        cum = []
        for _, w in items:
            total += w
            cum.append(total)
        self.cum = tuple(cum)
        self.total = total

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect(self.cum, rng.random() * self.total)]


def _between(rng: random.Random, low: int, high: int) -> int:
    """An int in [low, high]; ``randint`` is slower."""
    return low + int(rng.random() * (high - low + 1))


def _weights_for(cat: Catalogue, known: Mapping[str, float], default: float = 1.0) -> _Weighted:
    """Weights for the codes an office actually has in its catalogue."""
    return _Weighted({code: known.get(code, default) for code in cat.codes()})


# --------------------------------------------------------------------------- names
@dataclass(frozen=True)
class _Origin:
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]


@dataclass(frozen=True)
class _Names:
    origins: dict[str, _Origin]
    origin_weights: _Weighted
    neutral: tuple[str, ...]
    streets: tuple[str, ...]
    places: dict[str, tuple[str, ...]]  # providers, schools, kitas, …


@cache
def _names() -> _Names:
    raw = json.loads((resources_dir() / "demo" / "names.json").read_text(encoding="utf-8"))
    origins = {
        key: _Origin(tuple(o["female"]), tuple(o["male"]), tuple(o["surnames"]))
        for key, o in raw["origins"].items()
    }
    weights = {key: float(o["weight"]) for key, o in raw["origins"].items()}
    places = {
        key: tuple(raw[key])
        for key in (
            "providers",
            "counselling",
            "schools",
            "kitas",
            "youth_facilities",
            "family_centres",
            "health",
            "other_services",
        )
    }
    return _Names(origins, _Weighted(weights), tuple(raw["neutral"]), tuple(raw["streets"]), places)


# --------------------------------------------------------------------------- context
@dataclass(frozen=True)
class _Space:
    id: int
    code: str
    name: str


@dataclass
class _Context:
    """Everything that is the same for every case of one run."""

    today: int  # ordinal
    names: _Names
    spaces: _Weighted  # of _Space
    caseworkers: tuple[tuple[int, str], ...]  # (user id, name)
    facilitator: str
    statuses: _Weighted
    status_paths: dict[str, tuple[tuple[str, ...], ...]]
    reopen_paths: dict[str, tuple[tuple[str, ...], ...]]
    closed: str
    initial: str
    end_reasons: _Weighted
    reopen_reasons: _Weighted
    outcomes_8a: _Weighted
    note_kinds: _Weighted
    hze: _Weighted
    sro: _Weighted
    help_names: dict[str, str]
    focus_codes: frozenset[str]
    disciplines: frozenset[str]
    conference_kinds: frozenset[str]
    kind_fallback: str
    agendas: dict[str, str]
    goals_by_focus: dict[str, tuple[GoalTemplate, ...]]
    conference_counts: _Weighted = field(
        default_factory=lambda: _Weighted(CONFERENCE_COUNT_WEIGHTS)
    )


def _status_paths(
    statuses: Catalogue, start: str, closed: str
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """All simple workflow paths from ``start`` to each open status (at most five statuses)."""
    paths: dict[str, list[tuple[str, ...]]] = {}

    def walk(path: tuple[str, ...]) -> None:
        paths.setdefault(path[-1], []).append(path)
        if len(path) >= 5:
            return
        for nxt in statuses.by_code(path[-1]).get("next", []) or []:
            if nxt != closed and nxt not in path and nxt in statuses:
                walk((*path, nxt))

    walk((start,))
    return {code: tuple(p) for code, p in paths.items()}


def _context(
    store: Store, spaces: list[_Space], users: dict[str, tuple[int, str, str]]
) -> _Context:
    statuses = catalogue("case_statuses")
    closed, initial = closed_status(), initial_status()
    paths = _status_paths(statuses, initial, closed)
    reopen = _status_paths(statuses, REOPEN_STATUS, closed) if REOPEN_STATUS in statuses else {}
    reachable = {c: OPEN_STATUS_WEIGHTS.get(c, 3) for c in paths if c != closed}
    help_types = catalogue("help_types")
    hze = {
        i.code: HZE_WEIGHTS.get(i.code, 1) for i in help_types if i.get("category") != "sro_angebot"
    }
    sro = {
        i.code: SRO_WEIGHTS.get(i.code, 1) for i in help_types if i.get("category") == "sro_angebot"
    }
    focus_codes = frozenset(catalogue("focus_areas").codes())
    by_focus: dict[str, list[GoalTemplate]] = {}
    for g in GOALS:
        if g.focus in focus_codes:
            by_focus.setdefault(g.focus, []).append(g)
    kinds = catalogue("conference_kinds")
    caseworkers = tuple(
        (uid, name) for uid, name, role in users.values() if role == Role.CASEWORKER.value
    )
    facilitators = [name for _, name, role in users.values() if role == Role.FACILITATOR.value]
    return _Context(
        today=store.clock.today().toordinal(),
        names=_names(),
        spaces=_Weighted({s: SPACE_WEIGHTS.get(s.code, 2) for s in spaces}),
        caseworkers=caseworkers,
        facilitator=facilitators[0] if facilitators else "",
        statuses=_Weighted(reachable or {initial: 1}),
        status_paths=paths,
        reopen_paths=reopen,
        closed=closed,
        initial=initial,
        end_reasons=_weights_for(catalogue("end_reasons"), END_REASON_WEIGHTS),
        reopen_reasons=_weights_for(catalogue("reopen_reasons"), REOPEN_REASON_WEIGHTS),
        outcomes_8a=_weights_for(catalogue("outcomes_8a"), OUTCOME_8A_WEIGHTS),
        note_kinds=_Weighted(NOTE_KIND_WEIGHTS),
        hze=_Weighted(hze or {help_types.codes()[0]: 1}),
        sro=_Weighted(sro or {help_types.codes()[0]: 1}),
        help_names={i.code: i.name for i in help_types},
        focus_codes=focus_codes,
        disciplines=frozenset(catalogue("disciplines").codes()),
        conference_kinds=frozenset(kinds.codes()),
        kind_fallback=kinds.codes()[0],
        agendas={
            i.code: "\n".join(str(entry[0]) for entry in (i.get("agenda") or [])) for i in kinds
        },
        goals_by_focus={k: tuple(v) for k, v in by_focus.items()},
    )


# --------------------------------------------------------------------------- batch
class _Ids:
    """The last id used per table; the next row gets last + 1."""

    def __init__(self, last: dict[type, int]) -> None:
        self.last = dict(last)

    def next(self, record: type) -> int:
        self.last[record] += 1
        return self.last[record]


class _Batch:
    """Rows of one transaction, per table, in insert order."""

    def __init__(self) -> None:
        self.rows: dict[type, list[Row]] = {record: [] for record in _COLUMNS}
        self.search: list[Row] = []
        self.costs: dict[tuple[int, int], int] = {}  # (space id, year) → cents committed

    def write(self, conn: Connection) -> None:
        for record, rows in self.rows.items():
            if rows:
                conn.exec_driver_sql(_insert_sql(record), rows)
        if self.search:
            conn.exec_driver_sql(_SEARCH_INSERT, self.search)


# --------------------------------------------------------------------------- family
@dataclass(slots=True)
class _Person:
    id: int
    role: str
    first: str
    last: str
    birth: int  # ordinal
    sex: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class _Household:
    surname: str
    parents: list[_Person]
    children: list[_Person]  # oldest first

    def child_aged(self, today: int, low: int, high: int) -> _Person | None:
        """The oldest child aged low…high years today, if any."""
        for c in self.children:
            if low <= (today - c.birth) / YEAR < high + 1:
                return c
        return None


def _sex(rng: random.Random, female: float, male: float) -> str:
    """Female, male, and the rest split 1:2 between diverse and no answer."""
    r = rng.random()
    if r < female:
        return Sex.FEMALE.value
    if r < female + male:
        return Sex.MALE.value
    if r < female + male + (1 - female - male) / 3:
        return Sex.DIVERSE.value
    return Sex.UNSPECIFIED.value


def _first_name(rng: random.Random, names: _Names, origin: _Origin, sex: str) -> str:
    if sex == Sex.FEMALE.value:
        return rng.choice(origin.female)
    if sex == Sex.MALE.value:
        return rng.choice(origin.male)
    if sex == Sex.DIVERSE.value:
        return rng.choice(names.neutral)
    return rng.choice(origin.female if rng.random() < 0.5 else origin.male)


def _child_count(rng: random.Random) -> int:
    r = rng.random()
    return 1 if r < 0.40 else 2 if r < 0.73 else 3 if r < 0.91 else 4


def _child_role(today: int, birth: int) -> str:
    years = (today - birth) / YEAR
    if years >= 18:
        return PersonRole.YOUNG_ADULT.value
    return PersonRole.ADOLESCENT.value if years >= 14 else PersonRole.CHILD.value


def _household(
    rng: random.Random, ctx: _Context, family_id: int, ids: _Ids, out: _Batch
) -> _Household:
    """1–2 parents or a guardian, and 1–4 children aged 0–20; mostly one origin of names."""
    names, today = ctx.names, ctx.today
    origin = names.origins[names.origin_weights.pick(rng)]
    surname = rng.choice(origin.surnames)
    ages = sorted((_between(rng, 0, 20) for _ in range(_child_count(rng))), reverse=True)
    kids = []
    for age in ages:
        birth = min(today, today - int(age * YEAR) - _between(rng, 0, 364))
        sex = _sex(rng, 0.485, 0.49)
        kid_origin = origin if rng.random() < 0.92 else names.origins.get("de", origin)
        kids.append(
            (_child_role(today, birth), _first_name(rng, names, kid_origin, sex), birth, sex)
        )
    oldest = kids[0][2]
    adults = []
    guardian = rng.random() < 0.08  # a grandparent with custody
    sex1 = _sex(rng, 0.86, 0.135)
    low, high = (40, 56) if guardian else (18, 40)
    birth1 = oldest - _between(rng, int(low * YEAR) + 1, int(high * YEAR))
    last1 = surname if rng.random() < 0.85 else rng.choice(origin.surnames)
    role1 = PersonRole.GUARDIAN.value if guardian else PersonRole.PARENT.value
    adults.append((role1, _first_name(rng, names, origin, sex1), last1, birth1, sex1))
    if not guardian and rng.random() < 0.55:
        sex2 = Sex.MALE.value if sex1 != Sex.MALE.value else Sex.FEMALE.value
        if rng.random() < 0.05:
            sex2 = sex1
        origin2 = origin if rng.random() < 0.88 else names.origins[names.origin_weights.pick(rng)]
        last2 = surname if rng.random() < 0.6 else rng.choice(origin2.surnames)
        birth2 = min(
            oldest - int(17 * YEAR),  # a young father, perhaps, but of age today
            today - int(18 * YEAR) - 1,
            birth1 + _between(rng, int(-8 * YEAR), int(4 * YEAR)),
        )
        first2 = _first_name(rng, names, origin2, sex2)
        adults.append((PersonRole.PARENT.value, first2, last2, birth2, sex2))
    parents = [_Person(ids.next(PersonRecord), r, f, la, b, s) for r, f, la, b, s in adults]
    children = [_Person(ids.next(PersonRecord), r, f, surname, b, s) for r, f, b, s in kids]
    rows = out.rows[PersonRecord]
    for p in (*parents, *children):
        rows.append((p.id, family_id, p.role, p.first, p.last, _iso(p.birth), p.sex))
    return _Household(surname, parents, children)


def _address(p: _Person) -> str:
    """How a worker writes about an adult: „Frau Kaya“; otherwise the full name."""
    if p.sex == Sex.FEMALE.value:
        return f"Frau {p.last}"
    if p.sex == Sex.MALE.value:
        return f"Herr {p.last}"
    return p.full


def _professional(rng: random.Random, names: _Names) -> str:
    """A made-up name for a teacher, educator or social worker."""
    origin = (
        names.origins["de"]
        if rng.random() < 0.85
        else names.origins[names.origin_weights.pick(rng)]
    )
    sex = Sex.FEMALE.value if rng.random() < 0.72 else Sex.MALE.value
    return f"{_first_name(rng, names, origin, sex)} {rng.choice(origin.surnames)}"


# --------------------------------------------------------------------------- timeline
@dataclass
class _Timeline:
    opened: int
    closed: int | None
    end: int  # the last day anything can have happened: closed_on or today
    status: str
    end_reason: str | None
    history: list[tuple[int, str | None, str, str | None]]  # (day, from, to, reason)


def _pairs(path: Sequence[str]) -> list[tuple[str, str, str | None]]:
    return [(a, b, None) for a, b in pairwise(path)]


def _timeline(rng: random.Random, ctx: _Context) -> _Timeline:
    """Status, dates and a history that follows the catalogue's workflow (about a third closed,
    a few closed once and reopened)."""
    today = ctx.today
    closed: int | None = None
    end_reason: str | None = None
    if rng.random() < CLOSED_SHARE:
        opened = today - _between(rng, *CLOSED_OPENED_AGE_DAYS)
        closed = min(today, opened + _between(rng, 60, min(1_000, today - opened)))
        path = rng.choice(ctx.status_paths[ctx.statuses.pick(rng)])
        end_reason = ctx.end_reasons.pick(rng)
        steps = [*_pairs(path), (path[-1], ctx.closed, end_reason)]
        status = ctx.closed
    else:
        status = ctx.statuses.pick(rng)
        low, high = OPENED_AGE_DAYS.get(status, (30, 700))
        opened = today - _between(rng, low, high)
        path = rng.choice(ctx.status_paths[status])
        steps = _pairs(path)
        tails = ctx.reopen_paths.get(status)
        if len(path) > 1 and tails and rng.random() < REOPENED_SHARE:
            cut = _between(rng, 1, len(path) - 1)
            steps = [
                *_pairs(path[: cut + 1]),
                (path[cut], ctx.closed, ctx.end_reasons.pick(rng)),
                (ctx.closed, REOPEN_STATUS, ctx.reopen_reasons.pick(rng)),
                *_pairs(rng.choice(tails)),
            ]
    end = closed if closed is not None else today
    days = sorted(_between(rng, opened, end) for _ in steps)
    if closed is not None:
        days[-1] = closed
    history: list[tuple[int, str | None, str, str | None]] = [(opened, None, ctx.initial, None)]
    history += [(d, a, b, r) for d, (a, b, r) in zip(days, steps, strict=True)]
    return _Timeline(opened, closed, end, status, end_reason, history)


# --------------------------------------------------------------------------- one case
@dataclass
class _CaseState:
    """What the entity generators of one case share."""

    id: int
    space: _Space
    household: _Household
    timeline: _Timeline
    worker: tuple[int, str] | None
    fill: dict[str, str]
    places: dict[str, str]
    disciplines: tuple[str, ...]  # services around this family, for consents and conferences
    areas: tuple[str, ...]  # focus areas
    helps: list[tuple[str, int, bool]] = field(default_factory=list)  # (type, start, is HzE)
    goal_texts: set[str] = field(default_factory=set)


def _case(
    rng: random.Random, ctx: _Context, ids: _Ids, out: _Batch, case_id: int, numbers: _FileNumbers
) -> None:
    """One case file with everything in it."""
    names = ctx.names
    space: _Space = ctx.spaces.pick(rng)
    family_id = ids.next(FamilyRecord)
    hh = _household(rng, ctx, family_id, ids, out)
    house = f"{_between(rng, 1, 120)}{'a' if rng.random() < 0.08 else ''}"
    postal = rng.choice(POSTAL_CODES.get(space.code, ("18055", "18057", "18059", "18106")))
    display = f"Familie {hh.surname}"
    out.rows[FamilyRecord].append(
        (
            family_id,
            display,
            sort_name(display),
            f"{rng.choice(names.streets)} {house}",
            postal,
            CITY,
            space.id,
        )
    )
    tl = _timeline(rng, ctx)
    worker = rng.choice(ctx.caseworkers) if ctx.caseworkers and rng.random() < 0.98 else None
    places = {key: rng.choice(values) for key, values in names.places.items()}
    main_child = hh.child_aged(ctx.today, 6, 17) or hh.children[-1]
    fill = {
        "kind": main_child.first,
        "eltern": _address(hh.parents[0]),
        "familie": hh.surname,
        "schule": places["schools"],
        "kita": places["kitas"],
        "treff": places["youth_facilities"],
        "zentrum": places["family_centres"],
        "sozialraum": space.name,
        "hilfe": "",
    }
    protection = rng.random() < CHILD_PROTECTION_SHARE
    reason, areas = _reason(rng, ctx, protection)
    state = _CaseState(case_id, space, hh, tl, worker, fill, places, _disciplines(ctx, hh), areas)
    _helps(rng, ctx, state, ids, out)
    next_review = _conferences(rng, ctx, state, ids, out)
    _consents(rng, ctx, state, ids, out)
    _notes(rng, ctx, state, ids, out)
    _resources(rng, state, ids, out)
    for day, src, dst, why in tl.history:
        out.rows[StatusChangeRecord].append(
            (ids.next(StatusChangeRecord), case_id, _iso(day), src, dst, why)
        )
    if tl.closed is not None:
        next_review = None
    elif next_review is None:
        next_review = tl.opened + _between(rng, 14, 28)
    file_number = numbers.next(date.fromordinal(tl.opened).year)
    out.rows[CaseRecord].append(
        (
            case_id,
            file_number,
            family_id,
            worker[0] if worker else None,
            space.id,
            _iso(tl.opened),
            _iso(tl.closed) if tl.closed is not None else None,
            tl.status,
            tl.end_reason,
            reason.format_map(fill),
            ",".join(areas),
            int(protection),
            ctx.outcomes_8a.pick(rng) if protection else None,
            0,
            _iso(next_review) if next_review is not None else None,
        )
    )
    members = (*hh.parents, *hh.children)
    persons = " ".join(p.full for p in members)
    surnames = " ".join(p.last for p in members)
    out.search.append((case_id, file_number, *_index_row(display, persons, surnames)))


FOCUS_EXTRA = ("erziehung", "schule", "freizeit", "gesundheit", "existenz", "konflikte", "kita")


def _reason(rng: random.Random, ctx: _Context, protection: bool) -> tuple[str, tuple[str, ...]]:
    """The reason for contact and the focus areas it brings, plus up to two more."""
    reason, focus = rng.choice(CHILD_PROTECTION_REASONS if protection else REASONS)
    extra = (rng.choice(FOCUS_EXTRA) for _ in range(_between(rng, 0, 2)))
    areas = tuple(a for a in dict.fromkeys((*focus, *extra)) if a in ctx.focus_codes)
    return reason, areas or tuple(a for a in ("erziehung",) if a in ctx.focus_codes)


def _disciplines(ctx: _Context, hh: _Household) -> tuple[str, ...]:
    """The services this family is likely in touch with, by the children's ages."""
    today = ctx.today
    found = ["hze_traeger", "familienbildung"]
    if hh.child_aged(today, 0, 6):
        found += ["kita", "gesundheit"]
    if hh.child_aged(today, 6, 17):
        found += ["schule", "schulsozialarbeit", "jugendarbeit"]
    if hh.child_aged(today, 14, 20):
        found.append("jugendsozialarbeit")
    found.append("sonstige")
    return tuple(d for d in found if d in ctx.disciplines)


# --------------------------------------------------------------------------- helps
def _help_type(rng: random.Random, ctx: _Context, hh: _Household, hze: bool) -> str:
    """A help type that fits the family (a § 41 help needs a young adult, a Kita a small child)."""
    code = ctx.hze.pick(rng) if hze else ctx.sro.pick(rng)
    today = ctx.today
    if code in ("41", "41a") and not hh.child_aged(today, 18, 20):
        code = "30"
    elif code == "22_24" and not hh.child_aged(today, 0, 6):
        code = "16"  # no small child: family education instead of a Kita place
    elif code in ("13a", "11", "13") and not hh.child_aged(today, 6, 20):
        code = "16"  # no school child: family education instead of school social work
    elif code in ("33", "34", "32", "35") and not hh.child_aged(today, 0, 17):
        code = "41" if hh.child_aged(today, 18, 20) else "31"
    return code if code in ctx.help_names else str((ctx.hze if hze else ctx.sro).items[0])


def _help_person(hh: _Household, code: str, today: int, start: int) -> _Person | None:
    """Whom the help is for: the young adult for § 41, a small child for the Kita, …"""
    if code == "16":
        return None
    ranges = {"41": (18, 20), "41a": (18, 20), "22_24": (0, 6), "13a": (6, 17)}
    low, high = ranges.get(code, (0, 17))
    for c in hh.children:
        if c.birth <= start and low <= (today - c.birth) / YEAR < high + 1:
            return c
    return next((c for c in hh.children if c.birth <= start), None)


def _provider(rng: random.Random, places: dict[str, tuple[str, ...]], code: str) -> str:
    if code == "28":
        return rng.choice(places["counselling"])
    if code == "13a":
        return f"Schulsozialarbeit, {rng.choice(places['schools'])}"
    if code == "22_24":
        return rng.choice(places["kitas"])
    if code in ("11", "13"):
        return rng.choice(places["youth_facilities"])
    if code == "16":
        return rng.choice(places["family_centres"])
    if code == "55":
        return "Jugendamt Rostock, Amtsvormundschaft"
    return rng.choice(places["providers"])


def _helps(rng: random.Random, ctx: _Context, st: _CaseState, ids: _Ids, out: _Batch) -> None:
    """1–2 helps (none or one low-threshold offer for a case just opened), HzE and SRO mixed."""
    tl, hh, today = st.timeline, st.household, ctx.today
    if tl.status == "eingang":
        count = 1 if rng.random() < 0.4 else 0
    else:
        count = 1 if rng.random() < 0.55 else 2
    for n in range(count):
        if tl.status in ("eingang", "klaerung", "hilfeplanung"):
            hze = rng.random() < 0.2
        else:
            hze = rng.random() < (0.8 if n == 0 else 0.45)
        code = _help_type(rng, ctx, hh, hze)
        start = min(tl.end, tl.opened + _between(rng, 7 if hze else 0, 90))
        end: int | None = None
        reason: str | None = None
        if tl.closed is not None:
            end = min(tl.closed, start + _between(rng, 90, 720))
            reason = tl.end_reason if end == tl.closed else ctx.end_reasons.pick(rng)
        elif (
            tl.status == "ruhend"
            or (n > 0 and rng.random() < 0.4)
            or (tl.status != "hilfe_laufend" and rng.random() < 0.3)
        ):
            end = _between(rng, start, today)
            reason = ctx.end_reasons.pick(rng)
        profile = HELP_PROFILES.get(code, DEFAULT_HELP_PROFILE)
        hours = _between(rng, *profile.hours) if profile.hours else None
        low, high = profile.cost_eur
        cost = 0 if rng.random() < profile.free else _between(rng, low, high) * 100
        person = _help_person(hh, code, today, start)
        provider = _provider(rng, ctx.names.places, code)
        if hze and not any(h[2] for h in st.helps):
            st.places["providers"] = provider  # the provider that comes to the conferences
        out.rows[HelpRecord].append(
            (
                ids.next(HelpRecord),
                st.id,
                person.id if person else None,
                code,
                provider,
                _iso(start),
                _iso(end) if end is not None else None,
                hours,
                cost,
                reason,
            )
        )
        st.helps.append((code, start, hze))
        if cost:
            _tally(out.costs, st.space.id, start, end if end is not None else today, cost)


def _tally(
    costs: dict[tuple[int, int], int], space_id: int, start: int, end: int, monthly: int
) -> None:
    """Add a help's cost per calendar year, pro rata by days (for sizing the demo budgets)."""
    first, last = date.fromordinal(start).year, date.fromordinal(end).year
    for year in range(first, last + 1):
        lo = max(start, _year_start(year))
        hi = min(end, _year_start(year + 1) - 1)
        key = (space_id, year)
        costs[key] = costs.get(key, 0) + int(monthly * (hi - lo + 1) / 30.4375)


@cache
def _year_start(year: int) -> int:
    return date(year, 1, 1).toordinal()


# --------------------------------------------------------------------------- conferences
@dataclass
class _Goal:
    id: int
    conference_id: int
    held: int
    text: str
    indicator: str
    owner: str
    target: int
    levels: tuple[str, ...]
    reviews: list[tuple[int, int | None]] = field(default_factory=list)  # (day, conference id)
    last_score: int | None = None


def _conference_days(rng: random.Random, ctx: _Context, tl: _Timeline) -> list[int]:
    """About three conferences, the first a few weeks after opening, spread until the end."""
    if tl.status == "eingang":
        count = 1 if rng.random() < 0.3 else 0
    else:
        count = ctx.conference_counts.pick(rng)
    start = tl.opened + _between(rng, 7, 42)
    if start > tl.end:
        start = tl.opened
    span = tl.end - start
    count = min(count, 1 + span // 45)
    if count <= 0:
        return []
    step = span / count
    jitter = int(step) // 3
    return [start + int(j * step) + _between(rng, 0, jitter) for j in range(count)]


def _conference_kind(rng: random.Random, ctx: _Context, first: bool, hze_running: bool) -> str:
    r = rng.random()
    if first:
        kind = "fallkonferenz" if r < 0.75 else "sozialraumteam"
    elif r < 0.08:
        kind = "kollegiale_beratung"
    elif r < 0.16:
        kind = "sozialraumteam"
    elif hze_running:
        kind = "hpg_36" if r < 0.6 else "fortschreibung"
    else:
        kind = "fallkonferenz" if r < 0.55 else "fortschreibung"
    return kind if kind in ctx.conference_kinds else ctx.kind_fallback


def _conferences(
    rng: random.Random, ctx: _Context, st: _CaseState, ids: _Ids, out: _Batch
) -> int | None:
    """Conferences with participants, the family's will, decisions, goals (set at the first and
    some later ones) and goal reviews at each later conference. Returns the next review day."""
    tl, fill = st.timeline, st.fill
    days = _conference_days(rng, ctx, tl)
    goals: list[_Goal] = []
    next_review: int | None = None
    rows = out.rows[ConferenceRecord]
    will, spoken_by = _will(rng, ctx, st)
    for j, held in enumerate(days):
        conf_id = ids.next(ConferenceRecord)
        running = [(c, s) for c, s, hze in st.helps if hze and s <= held]
        kind = _conference_kind(rng, ctx, j == 0, bool(running))
        with_family = kind != "kollegiale_beratung"
        fill["hilfe"] = ctx.help_names[running[-1][0]] if running else ""
        _participants(rng, ctx, st, conf_id, with_family, ids, out)
        if j > 0 and rng.random() < 0.4:
            will, spoken_by = _will(rng, ctx, st)  # the will moves on as things change
        if j + 1 < len(days):
            next_review = days[j + 1]  # the next meeting is agreed at the end of this one
        elif tl.closed is None:
            next_review = held + _between(rng, 60, 180)
        else:
            next_review = None
        facilitator = ctx.facilitator if ctx.facilitator and rng.random() < 0.7 else ""
        if not facilitator and st.worker:
            facilitator = st.worker[1]
        rows.append(
            (
                conf_id,
                st.id,
                _iso(held),
                kind,
                facilitator,
                ctx.agendas.get(kind, ""),
                will if with_family else "",
                spoken_by if with_family else "",
                _decisions(rng, fill),
                _iso(next_review) if next_review is not None else None,
            )
        )
        for goal in goals:  # every earlier goal is reviewed, at most three times
            if len(goal.reviews) < 3:
                goal.reviews.append((held, conf_id))
        if with_family:
            new = _between(rng, 2, 3) if j == 0 else (1 if rng.random() < 0.45 else 0)
            for _ in range(new):
                added = _goal(rng, ctx, st, conf_id, held, ids, out)
                if added is None:
                    break
                if rng.random() < INTERIM_REVIEW_SHARE:  # checked between two conferences
                    day = held + _between(rng, 30, 120)
                    if day <= tl.end:
                        added.reviews.append((day, None))
                goals.append(added)
    for goal in goals:
        _review_rows(rng, goal, fill, ids, out)
    _goal_rows(rng, st, goals, out)
    return next_review


INTERIM_REVIEW_SHARE = 0.7


def _participants(
    rng: random.Random,
    ctx: _Context,
    st: _CaseState,
    conf_id: int,
    with_family: bool,
    ids: _Ids,
    out: _Batch,
) -> None:
    """The ASD worker, the family (often a young person from ten on) and 1–3 other services."""
    hh, names = st.household, ctx.names
    rows = out.rows[ParticipantRecord]
    people: list[tuple[str, str, str]] = []  # (name, organisation, discipline)
    asd = st.worker[1] if st.worker else _professional(rng, names)
    people.append((asd, f"Jugendamt Rostock, ASD {st.space.name}", "asd"))
    if with_family:
        people.append((hh.parents[0].full, "", "familie"))
        if len(hh.parents) > 1 and rng.random() < 0.6:
            people.append((hh.parents[1].full, "", "familie"))
        young = hh.child_aged(ctx.today, 10, 20)
        if young and rng.random() < 0.6:
            people.append((young.first, "", "kind"))
    pool = list(st.disciplines)
    for _ in range(min(len(pool), _between(rng, 1, 3))):
        disc = pool.pop(int(rng.random() * len(pool)))
        people.append((_professional(rng, names), _organisation(st, disc), disc))
    for name, org, disc in people:
        if disc in ctx.disciplines:
            rows.append((ids.next(ParticipantRecord), conf_id, name, org, disc))


def _organisation(st: _CaseState, discipline: str) -> str:
    p = st.places
    return {
        "schulsozialarbeit": f"Schulsozialarbeit, {p['schools']}",
        "kita": p["kitas"],
        "jugendarbeit": p["youth_facilities"],
        "jugendsozialarbeit": "Jugendberufsagentur Rostock",
        "hze_traeger": p["providers"],
        "familienbildung": p["family_centres"],
        "schule": p["schools"],
        "gesundheit": p["health"],
        "sonstige": p["other_services"],
    }.get(discipline, "")


def _will(rng: random.Random, ctx: _Context, st: _CaseState) -> tuple[str, str]:
    """The family's will in their own words, and who said it."""
    young = st.household.child_aged(ctx.today, 10, 20)
    if young and rng.random() < 0.3:
        return rng.choice(CHILD_WILLS).format_map(st.fill), young.first
    return rng.choice(PARENT_WILLS).format_map(st.fill), st.household.parents[0].full


def _decisions(rng: random.Random, fill: dict[str, str]) -> str:
    choices = DECISIONS if fill["hilfe"] else DECISIONS_WITHOUT_HELP
    first = rng.choice(choices)
    second = rng.choice(choices)
    text_ = first.format_map(fill)
    return text_ if second is first else f"{text_} {second.format_map(fill)}"


DECISIONS_WITHOUT_HELP = tuple(d for d in DECISIONS if "{hilfe}" not in d)


def _goal_template(
    rng: random.Random, ctx: _Context, st: _CaseState
) -> tuple[GoalTemplate, _Person] | None:
    """A goal not yet set in this case that fits one of its focus areas, and the child it is
    about; None when nothing fits any more."""
    areas = [a for a in st.areas if a in ctx.goals_by_focus]
    pool = ctx.goals_by_focus[rng.choice(areas)] if areas and rng.random() < 0.8 else GOALS
    hh = st.household
    for attempt in range(6):
        tpl = rng.choice(pool if attempt < 2 else GOALS)
        if tpl.text in st.goal_texts:
            continue
        if tpl.focus == "kita":
            child = hh.child_aged(ctx.today, 0, 6)
        elif tpl.owner == "child":
            child = hh.child_aged(ctx.today, 10, 20)
        else:
            child = hh.child_aged(ctx.today, 6, 17) or hh.children[0]
        if child is not None:
            st.goal_texts.add(tpl.text)
            return tpl, child
    return None


def _goal(
    rng: random.Random,
    ctx: _Context,
    st: _CaseState,
    conf_id: int,
    held: int,
    ids: _Ids,
    out: _Batch,
) -> _Goal | None:
    """A goal with indicator, scale levels and 1–2 steps, the family's step first."""
    found = _goal_template(rng, ctx, st)
    if found is None:
        return None
    tpl, child = found
    hh = st.household
    fill = dict(st.fill, kind=child.first)
    who = {
        "parent": hh.parents[0].full,
        "child": child.first,
        "family": f"Familie {hh.surname}",
    }
    owner = who[tpl.owner]
    goal_id = ids.next(GoalRecord)
    steps = tpl.steps if rng.random() < 0.55 else tpl.steps[:1]
    for by, what in steps:
        due = held + _between(rng, 14, 60)
        done = due <= ctx.today and rng.random() < 0.7
        out.rows[ActionStepRecord].append(
            (
                ids.next(ActionStepRecord),
                goal_id,
                who.get(by, by),
                what.format_map(fill),
                _iso(due),
                int(done),
            )
        )
    return _Goal(
        goal_id,
        conf_id,
        held,
        tpl.text.format_map(fill),
        tpl.indicator.format_map(fill),
        owner,
        held + _between(rng, 90, 270),
        tuple(level.format_map(fill) for level in tpl.levels),
    )


def _score(rng: random.Random, previous: int | None) -> int:
    """Goal attainment: starts around 0, tends to improve over time."""
    r = rng.random()
    if previous is None:
        return -2 if r < 0.08 else -1 if r < 0.3 else 0 if r < 0.65 else 1 if r < 0.9 else 2
    delta = -1 if r < 0.15 else 0 if r < 0.55 else 1 if r < 0.9 else 2
    return max(-2, min(2, previous + delta))


def _review_rows(
    rng: random.Random, goal: _Goal, fill: dict[str, str], ids: _Ids, out: _Batch
) -> None:
    """The goal's reviews in date order, so the scores tell a story over time."""
    rows = out.rows[GoalReviewRecord]
    score: int | None = None
    goal.reviews.sort(key=lambda r: r[0])
    for day, conf_id in goal.reviews:
        score = _score(rng, score)
        comment = rng.choice(REVIEW_COMMENTS[score]).format_map(fill)
        rows.append((ids.next(GoalReviewRecord), goal.id, conf_id, _iso(day), score, comment))
    goal.last_score = score


def _goal_rows(rng: random.Random, st: _CaseState, goals: list[_Goal], out: _Batch) -> None:
    """Goal rows are written last: their status follows from the reviews."""
    closed = st.timeline.closed is not None
    rows = out.rows[GoalRecord]
    for g in goals:
        last = g.last_score
        if rng.random() < 0.04:
            status = GoalStatus.DROPPED
        elif closed:
            if last is None:
                status = GoalStatus.DROPPED
            elif last >= 1:
                status = GoalStatus.ACHIEVED
            else:
                status = GoalStatus.PARTLY if last == 0 else GoalStatus.NOT_ACHIEVED
        else:
            status = GoalStatus.ACHIEVED if last == 2 and rng.random() < 0.6 else GoalStatus.OPEN
        rows.append(
            (
                g.id,
                st.id,
                g.conference_id,
                g.text,
                g.indicator,
                g.owner,
                _iso(g.target),
                status.value,
                *g.levels,
            )
        )


# --------------------------------------------------------------------------- consents, notes
def _consents(rng: random.Random, ctx: _Context, st: _CaseState, ids: _Ids, out: _Batch) -> None:
    """A release from confidentiality for each parent (and some young people) naming services."""
    tl, today = st.timeline, ctx.today
    signers = list(st.household.parents)
    young = st.household.child_aged(today, 14, 20)
    if young and rng.random() < 0.3:
        signers.append(young)
    pool = [d for d in st.disciplines if d in CONSENT_SCOPES]
    if not pool:
        return
    order = {d: i for i, d in enumerate(PROFESSIONAL_DISCIPLINES)}
    for person in signers:
        if rng.random() < 0.1:
            continue  # not (yet) given
        given = min(tl.end, tl.opened + _between(rng, 0, 21))
        chosen = sorted(
            {rng.choice(pool) for _ in range(_between(rng, 1, 4))}, key=order.__getitem__
        )
        expires = None if rng.random() < 0.3 else given + (365 if rng.random() < 0.5 else 730)
        revoked = _between(rng, given, today) if given < today and rng.random() < 0.04 else None
        out.rows[ConsentRecord].append(
            (
                ids.next(ConsentRecord),
                st.id,
                person.id,
                ",".join(chosen),
                "; ".join(CONSENT_SCOPES[d] for d in chosen),
                int(rng.random() < 0.08),
                _iso(given),
                _iso(expires) if expires is not None else None,
                _iso(revoked) if revoked is not None else None,
            )
        )


NOTE_PARTICIPANTS = {
    NoteKind.HOME_VISIT.value: "{eltern}, {kind}",
    NoteKind.COUNSELLING.value: "{eltern}",
    NoteKind.PHONE.value: "{eltern}",
    NoteKind.SCHOOL_VISIT.value: "Klassenleitung und Schulsozialarbeit der {schule}",
    NoteKind.KITA_TALK.value: "Bezugserzieherin der {kita}, {eltern}",
    NoteKind.EMAIL.value: "{eltern}",
    NoteKind.OTHER.value: "",
}


def _notes(rng: random.Random, ctx: _Context, st: _CaseState, ids: _Ids, out: _Batch) -> None:
    """2–5 entries in the case history; about one in twenty entrusted (§ 65 SGB VIII)."""
    tl, fill = st.timeline, st.fill
    author = st.worker[0] if st.worker else None
    rows = out.rows[CaseNoteRecord]
    for day in sorted(_between(rng, tl.opened, tl.end) for _ in range(_between(rng, 2, 5))):
        kind = ctx.note_kinds.pick(rng)
        entrusted = rng.random() < 0.05
        if entrusted:
            body = rng.choice(ENTRUSTED_NOTES).format_map(fill)
            who = fill["eltern"]
        else:
            opener = rng.choice(NOTE_OPENERS[kind])
            parts = (opener, rng.choice(NOTE_OBSERVATIONS), rng.choice(NOTE_AGREEMENTS))
            body = " ".join(p.format_map(fill) for p in parts if p)
            who = NOTE_PARTICIPANTS[kind].format_map(fill)
        writer = author
        if not entrusted and ctx.caseworkers and rng.random() < 0.15:
            writer = rng.choice(ctx.caseworkers)[0]  # a colleague standing in
        rows.append(
            (ids.next(CaseNoteRecord), st.id, _iso(day), kind, who, body, int(entrusted), writer)
        )


def _resources(rng: random.Random, st: _CaseState, ids: _Ids, out: _Batch) -> None:
    """2–4 resources of different kinds: personal, family/network, social space, institutions."""
    kinds = rng.sample(RESOURCE_KINDS, _between(rng, 2, 4))
    rows = out.rows[ResourceRecord]
    for kind in kinds:
        text_ = rng.choice(RESOURCES[kind]).format_map(st.fill)
        rows.append((ids.next(ResourceRecord), st.id, kind, text_))


RESOURCE_KINDS = tuple(k.value for k in ResourceKind)


# --------------------------------------------------------------------------- file numbers
_FILE_NUMBER = re.compile(rf"^{re.escape(FILE_PREFIX)}-(\d{{4}})-(\d+)$")


class _FileNumbers:
    """Aktenzeichen 51.2-<year>-<number>, numbered per year after the highest existing one."""

    def __init__(self, existing: Iterable[str]) -> None:
        self.last: dict[int, int] = {}
        for fn in existing:
            m = _FILE_NUMBER.match(fn)
            if m:
                year, seq = int(m.group(1)), int(m.group(2))
                self.last[year] = max(self.last.get(year, 0), seq)

    def next(self, year: int) -> str:
        seq = self.last.get(year, 0) + 1
        self.last[year] = seq
        return f"{FILE_PREFIX}-{year}-{seq:06d}"


# --------------------------------------------------------------------------- the run
def generate(
    store: Store, cases: int, seed: int = 1, *, progress: Progress | None = None
) -> DemoReport:
    """Add ``cases`` synthetic cases with everything around them; admins only.

    Creates the demo users and the missing budgets, continues the file numbers of a database
    that already has cases, and reports ``progress(done, total)`` after each batch.
    """
    store.require_role(Role.ADMIN.value)
    if cases < 0:
        raise ValueError("cases must not be negative")
    users, created_users = _ensure_users(store)
    spaces = _spaces(store)
    ctx = _context(store, spaces, users)
    with store.read() as s:
        lo, hi = f"{FILE_PREFIX}-", f"{FILE_PREFIX}."  # every number that starts with "51.2-"
        numbers = _FileNumbers(
            s.execute(
                select(CaseRecord.file_number).where(
                    CaseRecord.file_number >= lo, CaseRecord.file_number < hi
                )
            ).scalars()
        )
    totals: dict[type, int] = dict.fromkeys(_COLUMNS, 0)
    costs: dict[tuple[int, int], int] = {}
    first_fn: str | None = None
    last_fn: str | None = None
    rng = random.Random()
    done = 0
    while done < cases:
        size = min(BATCH_CASES, cases - done)
        batch = _Batch()
        with store.write() as s:
            conn = s.connection()
            ids = _Ids(_last_ids(conn))
            for _ in range(size):
                case_id = ids.next(CaseRecord)
                rng.seed(f"{seed}/{case_id}")
                _case(rng, ctx, ids, batch, case_id, numbers)
            batch.write(conn)
            fns = [row[1] for row in batch.rows[CaseRecord]]
            store.audit(
                s,
                "demo",
                "database",
                detail=f"Demodaten: {size} Fälle ({fns[0]} bis {fns[-1]}), Startwert {seed}",
            )
        first_fn = first_fn or fns[0]
        last_fn = fns[-1]
        for record, rows in batch.rows.items():
            totals[record] += len(rows)
        for key, cents in batch.costs.items():
            costs[key] = costs.get(key, 0) + cents
        done += size
        if progress is not None:
            progress(done, cases)
    budgets = _ensure_budgets(store, spaces, costs, seed)
    store.optimize()  # the planner needs statistics for a database this size at once
    return DemoReport(
        cases=totals[CaseRecord],
        families=totals[FamilyRecord],
        persons=totals[PersonRecord],
        status_changes=totals[StatusChangeRecord],
        consents=totals[ConsentRecord],
        notes=totals[CaseNoteRecord],
        helps=totals[HelpRecord],
        conferences=totals[ConferenceRecord],
        participants=totals[ParticipantRecord],
        goals=totals[GoalRecord],
        reviews=totals[GoalReviewRecord],
        steps=totals[ActionStepRecord],
        resources=totals[ResourceRecord],
        users=created_users,
        budgets=budgets,
        first_file_number=first_fn,
        last_file_number=last_fn,
    )


def _last_ids(conn: Connection) -> dict[type, int]:
    """Highest id per table, read inside the write transaction (so nobody else takes one)."""
    last = {}
    for record in _COLUMNS:
        table = record.__table__  # type: ignore[attr-defined]
        last[record] = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    # a search row may outlive its case; never reuse its rowid
    search = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM case_search")).scalar_one()
    last[CaseRecord] = max(last[CaseRecord], search)
    return last


def _spaces(store: Store) -> list[_Space]:
    with store.read() as s:
        rows = s.execute(
            select(SocialSpaceRecord.id, SocialSpaceRecord.code, SocialSpaceRecord.name).order_by(
                SocialSpaceRecord.id
            )
        ).all()
    if not rows:
        raise SroCaseError("Die Datenbank enthält keine Sozialräume.")
    return [_Space(*row) for row in rows]


def _ensure_users(store: Store) -> tuple[dict[str, tuple[int, str, str]], int]:
    """The demo staff (login → id, name, role); creates the missing ones."""
    created = 0
    with store.write() as s:
        logins = [login for login, _, _ in DEMO_USERS]
        existing = {
            u.login: u
            for u in s.execute(select(UserRecord).where(UserRecord.login.in_(logins))).scalars()
        }
        for login, name, role in DEMO_USERS:
            if login in existing:
                continue
            user = UserRecord(login=login, name=name, role=role, created_at=store.clock.now())
            s.add(user)
            s.flush()
            store.audit(s, "create", "user", user.id, detail=role)
            existing[login] = user
            created += 1
        users = {
            login: (existing[login].id, existing[login].name, existing[login].role)
            for login in logins
            if existing[login].active
        }
    return users, created


def _ensure_budgets(
    store: Store, spaces: list[_Space], costs: dict[tuple[int, int], int], seed: int
) -> int:
    """A budget per social space and year of the generated helps, where none is set yet:
    the committed cost give or take some 10 %, so that some spaces overspend."""
    if not costs:
        return 0
    years = range(min(y for _, y in costs), max(y for _, y in costs) + 1)
    rng = random.Random()
    added = 0
    with store.write() as s:
        have = {
            (sid, year)
            for sid, year in s.execute(select(BudgetRecord.social_space_id, BudgetRecord.year))
        }
        for space in spaces:
            for year in years:
                if (space.id, year) in have:
                    continue
                rng.seed(f"{seed}/budget/{space.code}/{year}")
                committed = costs.get((space.id, year), 0) * (0.9 + rng.random() * 0.25)
                amount = max(
                    20_000_000, round(committed / 1_000_000) * 1_000_000
                )  # ≥ 200.000 €, in 10.000 €
                s.add(BudgetRecord(social_space_id=space.id, year=year, amount_cents=amount))
                added += 1
        if added:
            store.audit(
                s,
                "demo",
                "budget",
                detail=f"Demodaten: {added} Sozialraumbudgets ({years.start}–{years.stop - 1})",
            )
    return added
