"""The deletion periods' categories and limits: pure data, shared by the retention service and
the client's Löschfristen page (which reaches the service only through the facade)."""

from __future__ import annotations

CATEGORY_9B = "9b"
STANDARD = "standard"
KINDERSCHUTZ = "kinderschutz"
WITHOUT_HELP = "ohne_hilfe"
# Period categories with their German labels, in the order that wins a tie.
PERIOD_CATEGORIES: dict[str, str] = {
    STANDARD: "alle übrigen Fälle",
    KINDERSCHUTZ: "Fälle mit Gefährdungseinschätzung (§ 8a SGB VIII)",
    "hze": "Hilfe zur Erziehung ohne § 9b",
    "eingliederungshilfe": "Eingliederungshilfe ohne § 9b",
    "volljaehrige": "Hilfen für junge Volljährige ohne § 9b (z. B. § 41a)",
    "vormundschaft": "Vormundschaft ohne § 9b",
    "sro_angebot": "Angebote im Sozialraum (§§ 11–24)",
    WITHOUT_HELP: "Fälle ohne Hilfe",
}
LABEL_9B = "§ 9b SGB VIII (70 Jahre nach dem 30. Geburtstag)"
YOUNG_ROLES = ("child", "adolescent", "young_adult")
YEARS_9B = 100  # 30th birthday + 70 years
MAX_PERIOD_YEARS = 150
