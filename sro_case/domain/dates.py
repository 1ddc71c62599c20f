"""Dates as German users type or paste them: ``14.03.2026``, ``14.3.26``, ``14032026``, ISO.

Pure (no Qt): the client's date entry (``ui.date_entry``) and the command line read dates with
the same rules.
"""

from __future__ import annotations

import re
from datetime import date

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)

# 14.03.2026, 14.3.26, 14.3. and 14.3 (this year), 14-3-2026, 14/3/2026, 14,3,2026 (the comma
# of the German number pad), blanks after the dots ("14. 3. 2026"), a trailing dot
_GERMAN = re.compile(r"(\d{1,2})\s*[.,/-]\s*(\d{1,2})(?:\s*[.,/-]\s*(?:(\d{4}|\d{2})\s*\.?)?)?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")  # pasted from a spreadsheet or the CLI
_DIGITS = re.compile(r"\d{6}|\d{8}")  # 140326, 14032026
_INVISIBLE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u200b\u2060\ufeff"), " ")


class DateTextError(ValueError):
    """Text that is no date; ``impossible`` when it has the form of one (31.02.2026),
    ``out_of_range`` for a real date before ``EARLIEST`` or after ``LATEST``."""

    def __init__(self, text: str, *, impossible: bool = False, out_of_range: bool = False) -> None:
        super().__init__(text)
        self.text = text
        self.impossible = impossible
        self.out_of_range = out_of_range


def parse_typed_date(text: str, *, today: date) -> date:
    """The date in ``text`` as German users type or paste it; raises ``DateTextError``.

    Two-digit years count from 2000 up to 20 years after ``today``, before that from 1900
    (``14.3.26`` → 2026, ``1.1.99`` → 1999); a missing year is ``today``'s year.
    """
    t = text.translate(_INVISIBLE).strip().strip("\"'„“”‚‘’").strip()
    if m := _ISO.fullmatch(t):
        year, month, day = (int(g) for g in m.groups())
    elif _DIGITS.fullmatch(t):
        day, month, year_text = int(t[:2]), int(t[2:4]), t[4:]
        year = _full_year(year_text, today)
    elif m := _GERMAN.fullmatch(t):
        day, month = int(m.group(1)), int(m.group(2))
        year = _full_year(m.group(3), today) if m.group(3) else today.year
    else:
        raise DateTextError(text)
    try:
        value = date(year, month, day)
    except ValueError:
        raise DateTextError(text, impossible=True) from None
    if not EARLIEST <= value <= LATEST:
        raise DateTextError(text, out_of_range=True)
    return value


def _full_year(text: str, today: date) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year if year <= today.year + 20 else year - 100
