"""Helpers of the migrations, frozen (#16): a migration must compute what its revision meant,
also after the program's own code has changed, so the revisions do not import ``sro_case``
for their data steps. These are copies of ``sro_case.domain.phonetics`` (Kölner Phonetik) and
``sro_case.domain.sorting.sort_name`` as they were when revisions 0002, 0004 and 0007 were
written (November 2026). Do not change them to follow the program: write a new revision.

``db/env.py`` puts this folder on the import path; the revisions import it inside their
``upgrade``/``downgrade``.
"""

from __future__ import annotations

import re
import unicodedata

# -- Kölner Phonetik (Postel 1969), revisions 0002 and 0007 ---------------------------------
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})


def _letters(text: str) -> str:
    text = text.casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if "a" <= c <= "z")


def _code(prev: str, c: str, nxt: str) -> str:
    if c in set("aeijouy"):
        return "0"
    if c == "h":
        return ""
    if c == "b":
        return "1"
    if c == "p":
        return "3" if nxt == "h" else "1"
    if c in ("d", "t"):
        return "8" if nxt in {"c", "s", "z"} else "2"
    if c in {"f", "v", "w"}:
        return "3"
    if c in {"g", "k", "q"}:
        return "4"
    if c == "c":
        if prev == "":
            return "4" if nxt in set("ahkloqrux") else "8"
        if prev in {"s", "z"}:
            return "8"
        return "4" if nxt in set("ahkoqux") else "8"
    if c == "x":
        return "8" if prev in {"c", "k", "q"} else "48"
    if c == "l":
        return "5"
    if c in {"m", "n"}:
        return "6"
    if c == "r":
        return "7"
    if c in {"s", "z"}:
        return "8"
    return ""


def cologne_phonetic(text: str) -> str:
    """The Kölner Phonetik code of ``text`` (empty for text without Latin letters)."""
    word = _letters(text)
    raw = []
    for i, c in enumerate(word):
        prev = word[i - 1] if i > 0 else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        raw.append(_code(prev, c, nxt))
    digits = "".join(raw)
    out: list[str] = []
    for d in digits:
        if out and out[-1] == d:
            continue
        out.append(d)
    if not out:
        return ""
    first, rest = out[0], [d for d in out[1:] if d != "0"]
    return first + "".join(rest)


def phonetic_words(text: str) -> str:
    """Space-separated codes of each word, for the search index."""
    codes = (cologne_phonetic(w) for w in text.replace("-", " ").split())
    return " ".join(c for c in codes if c)


# -- the stored sort key of a name, revision 0004 ---------------------------------------------
_EXPAND = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})


def _base(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXPAND))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_name(text: str) -> str:
    """Base letters only, so SQL's binary order is German order (at most 200 characters)."""
    return _base(text)[:200]


# -- the search index row of revision 0002 (every name in the phonetic column) ---------------
def index_row_0002(family_name: str, person_names: str) -> tuple[str, str]:
    names = f"{family_name} {person_names}".strip()
    return names, phonetic_words(names)


# -- the two dialects of the one revision chain (#17): the encrypted file (SQLite/SQLCipher)
# and the team server (PostgreSQL). Written December 2026.
def on_postgresql(bind: object) -> bool:
    """Whether the revision runs on the team server's PostgreSQL."""
    return getattr(getattr(bind, "dialect", None), "name", "") == "postgresql"


def group_concat(bind: object, expression: str, separator: str = " ") -> str:
    """SQLite's ``group_concat`` as the dialect spells it."""
    if on_postgresql(bind):
        return f"string_agg({expression}, '{separator}')"
    return f"group_concat({expression}, '{separator}')"


# -- the team server's search words of revision 0012 (December 2026) --------------------------
_WORD_0012 = re.compile(r"[\w\-/.]+", re.UNICODE)
_PARTS_0012 = re.compile(r"[\-/.]+")


def search_terms_0012(file_number: str, names: str, phonetic: str) -> set[str]:
    """The words of one ``case_search`` row: names and file number as their base letters
    (``sort_name`` of revision 0004; also the parts of a hyphenated or slashed word), each
    phonetic code behind #."""
    terms: set[str] = set()
    for word in _WORD_0012.findall(f"{file_number} {names}"):
        folded = sort_name(word)
        terms.add(folded)
        terms.update(part for part in _PARTS_0012.split(folded) if part)
    terms.update("#" + code for code in phonetic.split())
    terms.discard("")
    return terms
