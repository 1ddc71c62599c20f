"""The invented youth office of Rostock: its staff, where its families live, and how cases,
statuses, helps, costs and conferences are spread over the city (weights and shares).
"""

from __future__ import annotations

from dataclasses import dataclass

from sro_case.domain.catalogues import reopened_status
from sro_case.domain.enums import NoteKind, Role

FILE_PREFIX = "51.2"  # Jugendamt Rostock (Amt 51), Allgemeiner Sozialer Dienst


CITY = "Rostock"


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


REOPEN_STATUS = reopened_status()  # where CaseService.reopen puts a case


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


# --------------------------------------------------------------------------- help profiles
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


# --------------------------------------------------------------------------- disciplines
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
