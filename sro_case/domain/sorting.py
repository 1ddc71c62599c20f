"""German sort order (DIN 5007-1): Ä sorts with A, ß with ss; case and accents break ties only."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

Item = TypeVar("Item")

_EXPAND = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})


def _base(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXPAND))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def german_key(text: str) -> tuple[str, str, str]:
    """Sort key: base letters first, then accents, then case."""
    return (_base(text), unicodedata.normalize("NFKD", text.casefold()), text)


def sort_german(items: Iterable[Item], key: Callable[[Item], str] = str) -> list[Item]:
    """``items`` in German order of ``key`` (default: the items themselves, as text)."""
    return sorted(items, key=lambda item: german_key(key(item)))


def sort_name(text: str) -> str:
    """The stored sort key of a name: base letters only, so SQL's binary order is German order."""
    return _base(text)[:200]
