"""Fixed value sets of the domain. Stored as their English ``value``; shown by ``label`` (German)."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum with a German label for the UI and for messages."""

    @property
    def label(self) -> str:
        # Keyed by (enum type, value): members of different enums with the same value
        # ("other") compare equal as strings and must not share a label.
        return _LABELS[(type(self), self.value)]

    @classmethod
    def parse(cls, text: str) -> LabelledEnum:
        """By value or German label, case-insensitive; raises ValueError."""
        t = text.strip().casefold()
        for member in cls:
            if t in (member.value.casefold(), member.label.casefold()):
                return member
        raise ValueError(text)


class Role(LabelledEnum):
    CASEWORKER = "caseworker"
    FACILITATOR = "facilitator"
    CONTROLLING = "controlling"
    ADMIN = "admin"


class Sex(LabelledEnum):
    FEMALE = "female"
    MALE = "male"
    DIVERSE = "diverse"
    UNSPECIFIED = "unspecified"

    @classmethod
    def parse(cls, text: str) -> Sex:
        short = {"w": cls.FEMALE, "m": cls.MALE, "d": cls.DIVERSE, "x": cls.UNSPECIFIED}
        t = text.strip().casefold()
        if t in short:
            return short[t]
        return super().parse(text)  # type: ignore[return-value]


class PersonRole(LabelledEnum):
    CHILD = "child"
    ADOLESCENT = "adolescent"
    YOUNG_ADULT = "young_adult"
    PARENT = "parent"
    GUARDIAN = "guardian"
    FOSTER_PARENT = "foster_parent"
    RELATIVE = "relative"
    OTHER = "other"


class NoteKind(LabelledEnum):
    HOME_VISIT = "home_visit"
    COUNSELLING = "counselling"
    PHONE = "phone"
    SCHOOL_VISIT = "school_visit"
    KITA_TALK = "kita_talk"
    EMAIL = "email"
    OTHER = "other"


class ResourceKind(LabelledEnum):
    PERSONAL = "personal"
    FAMILY = "family"
    SOCIAL_SPACE = "social_space"
    INSTITUTIONAL = "institutional"


class GoalStatus(LabelledEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"


_LABEL_LIST: list[tuple[StrEnum, str]] = [
    (Role.CASEWORKER, "Fachkraft"),
    (Role.FACILITATOR, "Moderation"),
    (Role.CONTROLLING, "Controlling"),
    (Role.ADMIN, "Admin"),
    (Sex.FEMALE, "weiblich"),
    (Sex.MALE, "männlich"),
    (Sex.DIVERSE, "divers"),
    (Sex.UNSPECIFIED, "ohne Angabe"),
    (PersonRole.CHILD, "Kind"),
    (PersonRole.ADOLESCENT, "Jugendliche/r"),
    (PersonRole.YOUNG_ADULT, "junge/r Volljährige/r"),
    (PersonRole.PARENT, "Elternteil"),
    (PersonRole.GUARDIAN, "Sorgeberechtigte/r"),
    (PersonRole.FOSTER_PARENT, "Pflegeelternteil"),
    (PersonRole.RELATIVE, "Angehörige/r"),
    (PersonRole.OTHER, "sonstige Bezugsperson"),
    (NoteKind.HOME_VISIT, "Hausbesuch"),
    (NoteKind.COUNSELLING, "Beratungsgespräch"),
    (NoteKind.PHONE, "Telefonat"),
    (NoteKind.SCHOOL_VISIT, "Schulbesuch"),
    (NoteKind.KITA_TALK, "Kita-Gespräch"),
    (NoteKind.EMAIL, "E-Mail"),
    (NoteKind.OTHER, "Sonstiges"),
    (ResourceKind.PERSONAL, "persönlich"),
    (ResourceKind.FAMILY, "familiär/Netzwerk"),
    (ResourceKind.SOCIAL_SPACE, "sozialräumlich"),
    (ResourceKind.INSTITUTIONAL, "institutionell"),
    (GoalStatus.OPEN, "offen"),
    (GoalStatus.ACHIEVED, "erreicht"),
    (GoalStatus.PARTLY, "teilweise erreicht"),
    (GoalStatus.NOT_ACHIEVED, "nicht erreicht"),
    (GoalStatus.DROPPED, "aufgegeben"),
]
_LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in _LABEL_LIST}


# The goal attainment scale (GAS): the five levels as shown and their German captions.
LEVEL_LABELS = ("−2", "−1", "0", "+1", "+2")
LEVEL_CAPTIONS = (
    "deutlich weniger als erwartet",
    "etwas weniger als erwartet",
    "erwartetes Ergebnis",
    "etwas mehr als erwartet",
    "deutlich mehr als erwartet",
)
