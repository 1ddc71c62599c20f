"""Validation of user input. Collects every problem (field, German message) before raising.

Messages are translatable templates (``T(...)``, see ``sro_case.domain.messages``); field names
given as plain literals become templates of their own.

Text is normalised to NFC and stripped; control characters other than line breaks and tabs are
refused, because they hide text from readers and break exports.
"""

from __future__ import annotations

import datetime
import unicodedata
from datetime import date

from sro_case.domain.formatting import german_date
from sro_case.domain.messages import T, Text, as_text, scoped
from sro_case.errors import ValidationError

NAME_MAX = 200
SHORT_MAX = 500
TEXT_MAX = 20_000
EARLIEST = date(1900, 1, 1)


def _fmt(d: date) -> str:
    return german_date(d)


class Checker:
    """``c = Checker(); name = c.text("Vorname", value, required=True); c.done()``."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []
        self._scopes: tuple[Text, ...] = ()

    def within(self, scope: str) -> Checker:
        """A checker for one numbered part of a larger form (``T("Person {n}", n=2)``): it adds
        to the same problem list, with field names like "Person 2: Vorname"."""
        sub = Checker()
        sub.problems = self.problems
        sub._scopes = (*self._scopes, as_text(scope)) if scope else self._scopes
        return sub

    def fail(self, field: str, message: str) -> None:
        name = as_text(field)
        for scope in reversed(self._scopes):
            name = scoped(scope, name)
        self.problems.append((name, as_text(message)))

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
            self.fail(field, T("muss ein Text sein."))
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
            self.fail(field, T("enthält unzulässige Steuerzeichen."))
        elif required and not value:
            self.fail(field, T("darf nicht leer sein."))
        elif len(value) > max_len:
            self.fail(
                field,
                T(
                    "ist zu lang ({length} Zeichen, höchstens {max_len}).",
                    length=len(value),
                    max_len=max_len,
                ),
            )
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
                self.fail(field, T("muss angegeben werden."))
            return None
        if not isinstance(value, date):
            self.fail(field, T("ist kein Datum."))
            return None
        if not_future is not None and value > not_future:
            self.fail(field, T("darf nicht in der Zukunft liegen ({date}).", date=_fmt(value)))
        if not_before is not None and value < not_before:
            self.fail(
                field,
                T(
                    "darf nicht vor dem {earliest} liegen ({date}).",
                    earliest=_fmt(not_before),
                    date=_fmt(value),
                ),
            )
        return value

    def order(
        self, field: str, start: datetime.date | None, end: datetime.date | None, what: str
    ) -> None:
        if start is not None and end is not None and end < start:
            self.fail(field, T("darf nicht vor {what} liegen.", what=as_text(what)))

    def choice(
        self, field: str, value: str | None, allowed: list[str] | set[str], *, required: bool = True
    ) -> str | None:
        if value is None or value == "":
            if required:
                self.fail(field, T("muss ausgewählt werden."))
            return None
        if value not in allowed:
            self.fail(field, T("„{value}“ ist kein zulässiger Wert.", value=value))
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
                self.fail(field, T("muss angegeben werden."))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, T("muss eine ganze Zahl sein."))
            return None
        if low is not None and value < low:
            self.fail(field, T("darf nicht kleiner als {low} sein.", low=low))
        if high is not None and value > high:
            self.fail(field, T("darf nicht größer als {high} sein.", high=high))
        return value
