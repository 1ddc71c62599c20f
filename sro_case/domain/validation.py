"""Validation of user input. Collects every problem (field, German message) before raising.

Text is normalised to NFC and stripped; control characters other than line breaks and tabs are
refused, because they hide text from readers and break exports.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from sro_case.errors import ValidationError

NAME_MAX = 200
SHORT_MAX = 500
TEXT_MAX = 20_000
EARLIEST = date(1900, 1, 1)


def _fmt(d: date) -> str:
    return d.strftime("%d.%m.%Y")


class Checker:
    """``c = Checker(); name = c.text("Vorname", value, required=True); c.done()``."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append((field, message))

    def done(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)

    def text(
        self,
        field: str,
        value: str | None,
        *,
        required: bool = False,
        max_len: int = NAME_MAX,
        multiline: bool = False,
    ) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(field, "muss ein Text sein.")
            return ""
        value = unicodedata.normalize("NFC", value).strip()
        if multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        bad = [
            c
            for c in value
            # Cc: control characters; Cs: lone surrogates, which cannot be stored as UTF-8.
            if unicodedata.category(c) in ("Cc", "Cs") and not (multiline and c in "\n\t")
        ]
        if bad:
            self.fail(field, "enthält unzulässige Steuerzeichen.")
        elif required and not value:
            self.fail(field, "darf nicht leer sein.")
        elif len(value) > max_len:
            self.fail(field, f"ist zu lang ({len(value)} Zeichen, höchstens {max_len}).")
        return value

    def date(
        self,
        field: str,
        value: date | None,
        *,
        required: bool = False,
        not_future: date | None = None,
        not_before: date | None = EARLIEST,
    ) -> date | None:
        if value is None:
            if required:
                self.fail(field, "muss angegeben werden.")
            return None
        if not isinstance(value, date):
            self.fail(field, "ist kein Datum.")
            return None
        if not_future is not None and value > not_future:
            self.fail(field, f"darf nicht in der Zukunft liegen ({_fmt(value)}).")
        if not_before is not None and value < not_before:
            self.fail(field, f"darf nicht vor dem {_fmt(not_before)} liegen ({_fmt(value)}).")
        return value

    def order(self, field: str, start: date | None, end: date | None, what: str) -> None:
        if start is not None and end is not None and end < start:
            self.fail(field, f"darf nicht vor {what} liegen.")

    def choice(
        self, field: str, value: str | None, allowed: list[str] | set[str], *, required: bool = True
    ) -> str | None:
        if value is None or value == "":
            if required:
                self.fail(field, "muss ausgewählt werden.")
            return None
        if value not in allowed:
            self.fail(field, f"„{value}“ ist kein zulässiger Wert.")
            return None
        return value

    def integer(
        self,
        field: str,
        value: int | None,
        *,
        low: int | None = None,
        high: int | None = None,
        required: bool = False,
    ) -> int | None:
        if value is None:
            if required:
                self.fail(field, "muss angegeben werden.")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, "muss eine ganze Zahl sein.")
            return None
        if low is not None and value < low:
            self.fail(field, f"darf nicht kleiner als {low} sein.")
        if high is not None and value > high:
            self.fail(field, f"darf nicht größer als {high} sein.")
        return value
