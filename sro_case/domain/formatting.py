"""Dates and amounts as German offices write them – one place for the core, the documents and
the client's German texts (#16: the same few lines stood in six modules)."""

from __future__ import annotations

from datetime import date


def german_date(day: date | None, empty: str = "") -> str:
    """TT.MM.JJJJ (``empty`` for no date)."""
    return day.strftime("%d.%m.%Y") if day else empty


def german_money(cents: int | None, empty: str = "—") -> str:
    """``1.234,56 €`` from whole cents (no float on the way), with a non-breaking space so
    amount and sign never part, and a real minus sign."""
    if cents is None:
        return empty
    sign = "−" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros:,}".replace(",", ".") + f",{rest:02d}\u00a0€"
