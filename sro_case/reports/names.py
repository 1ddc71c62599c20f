"""Names in documents and on the shared screen: initials ("Ayşe Yılmaz" → "A. Y.") and the
scrubber that replaces every known name in free text by its initials."""

from __future__ import annotations

import re
from collections.abc import Iterable

_HONORIFICS = frozenset(
    {"frau", "herr", "fr.", "hr.", "dr.", "prof.", "dipl.", "dipl.-päd.", "mag.", "von", "van"}
)
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


def _first_letter(token: str) -> str:
    found = _WORD.search(token)
    return found.group(0).upper() if found else ""


def initials(name: str) -> str:
    """ "Ayşe Yılmaz" → "A. Y.", "Hans-Peter" → "H.-P."; titles like "Frau" or "Dr." stay."""
    parts: list[str] = []
    for token in name.split():
        if token.casefold() in _HONORIFICS:
            parts.append(token)
            continue
        letters = [_first_letter(p) for p in token.split("-")]
        letters = [x for x in letters if x]
        if letters:
            parts.append("-".join(f"{x}." for x in letters))
    return " ".join(parts)


def _name_tokens(name: str) -> list[str]:
    return [t for t in name.split() if t.casefold() not in _HONORIFICS and _WORD.search(t)]


class NameScrubber:
    """Replaces every known name in free text by its initials.

    Why: the facilitator can hand a protocol to people who must not learn who the family is;
    names also hide in "who", "owner", the family's will and the steps. Matching is Unicode,
    case-insensitive, bound to whole words, longest name first, and also catches the German
    genitive ("Jürgens Mutter" → "J.s Mutter").
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._terms: dict[str, str] = {}
        self._order: list[str] = []
        for name in names:
            self.add(name)
        self._regex: re.Pattern[str] | None = None

    def add(self, name: str) -> None:
        tokens = _name_tokens(name)
        if not tokens:
            return
        self._put(" ".join(tokens), initials(" ".join(tokens)))
        if len(tokens) > 1:
            self._put(" ".join(reversed(tokens)), initials(" ".join(reversed(tokens))))
        for token in tokens:
            self._put(token, initials(token))
            for piece in token.split("-"):
                self._put(piece, initials(piece))
        self._regex = None

    def _put(self, term: str, replacement: str) -> None:
        term = term.strip(" ,.;:()[]\"'„“”")
        if sum(1 for ch in term if ch.isalpha()) < 2:
            return
        key = term.casefold()
        if key not in self._terms:
            self._terms[key] = replacement
            self._order.append(term)

    @property
    def terms(self) -> list[str]:
        return list(self._order)

    def _compiled(self) -> re.Pattern[str]:
        if self._regex is None:
            ordered = sorted(self._order, key=len, reverse=True)
            alternatives = "|".join(
                f"(?P<t{i}>" + r"\s+".join(re.escape(w) for w in term.split()) + ")"
                for i, term in enumerate(ordered)
            )
            self._ordered = ordered
            self._regex = re.compile(
                rf"(?<!\w)(?:{alternatives})(?P<gen>['’]s|s|['’])?(?!\w)", re.IGNORECASE
            )
        return self._regex

    def __call__(self, text: str) -> str:
        if not text or not self._order:
            return text
        regex = self._compiled()

        def replace(match: re.Match[str]) -> str:
            for i, term in enumerate(self._ordered):
                if match.group(f"t{i}") is not None:
                    short = self._terms[term.casefold()]
                    if match.group("gen"):
                        return short + "s"
                    if match.string.startswith(".", match.end()):  # "mit Elif." → "mit E."
                        return short.removesuffix(".")
                    return short
            return match.group(0)  # pragma: no cover - one group always matched

        return regex.sub(replace, text)


def family_initials(display_name: str) -> str:
    """ "Familie Yılmaz" → "Y." (the word "Familie" is the caller's to say)."""
    return initials(re.sub(r"^\s*familie\s+", "", display_name, flags=re.IGNORECASE))
