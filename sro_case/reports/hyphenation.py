"""German hyphenation for narrow PDF table columns, from pyphen's hyph_de_DE.dic.

Why not ``pyphen.Pyphen("de_DE")`` directly: that dictionary has two levels (compound
boundaries, then syllables inside each part, separated by ``NEXTLEVEL`` as in libhyphen), and
pyphen merges both into one table, which gives breaks such as "Kindertagess-tätte" or
"Kinder-a-rzt". Here the levels are applied as libhyphen does: split the word at the compound
boundaries first, then hyphenate each part with the syllable patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

import pyphen

_DIGIT = re.compile(r"\d")
SOFT_HYPHEN = "\u00ad"
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxzß")
# consonant clusters a German syllable can begin with; a break before any other cluster is a
# pattern error ("Schweigepflichten-tbindung")
_ONSETS = frozenset(
    {
        *("bl", "br", "ch", "chr", "dr", "fl", "fr", "gl", "gn", "gr", "kl", "kn", "kr", "kw"),
        *("pf", "pfl", "pfr", "ph", "pl", "pr", "ps", "qu", "sch", "schl", "schm", "schn"),
        *("schr", "schw", "sk", "skl", "sl", "sm", "sn", "sp", "spl", "spr", "st", "str", "sz"),
        *("th", "tr", "ts", "tsch", "tw", "wr", "zw"),
    }
)
_Patterns = dict[str, tuple[int, tuple[int, ...]]]


class GermanHyphenator:
    """``positions(word)`` gives break offsets; ``pairs(word)`` gives (head, tail), longest
    head first, the order ReportLab's ``hyphenationLang`` callable must yield them in."""

    def __init__(self, left: int = 2, right: int = 2) -> None:
        self.left = left
        self.right = right
        self._levels: list[_Patterns] = []
        self._maxlen: list[int] = []
        self._compound_left = 2
        self._compound_right = 2
        self._cache: dict[str, list[int]] = {}

    def _load(self) -> None:
        try:
            data = pyphen.LANGUAGES["de_DE"].read_bytes()
        except (KeyError, OSError):  # a bundle without pyphen's data: no breaks, no crash
            self._levels, self._maxlen = [{}], [0]
            return
        first, _, body = data.partition(b"\n")
        encoding = first.decode("ascii").strip() or "ISO8859-1"
        levels: list[_Patterns] = [{}]
        for line in body.decode(encoding).split("\n"):
            line = line.strip()
            if not line or line[0] in "%#":
                continue
            keyword, _, value = line.partition(" ")
            if keyword == "NEXTLEVEL":
                levels.append({})
                continue
            if keyword == "COMPOUNDLEFTHYPHENMIN":
                self._compound_left = int(value)
                continue
            if keyword == "COMPOUNDRIGHTHYPHENMIN":
                self._compound_right = int(value)
                continue
            if keyword.isupper() or "/" in line:  # other directives, non-standard breaks
                continue
            tags = _DIGIT.sub("", line)
            values = [0] * (len(tags) + 1)
            at = 0
            for ch in line:
                if "0" <= ch <= "9":
                    values[at] = ord(ch) - 48
                else:
                    at += 1
            if not any(values):
                continue
            start, end = 0, len(values)
            while not values[start]:
                start += 1
            while not values[end - 1]:
                end -= 1
            levels[-1][tags] = (start, tuple(values[start:end]))
        self._levels = [lv for lv in levels if lv]
        self._maxlen = [max(len(k) for k in lv) for lv in self._levels]

    @staticmethod
    def _onset_ok(tail: str) -> bool:
        cluster = ""
        for ch in tail:
            if ch not in _CONSONANTS:
                break
            cluster += ch
        return len(cluster) < 2 or cluster in _ONSETS

    @staticmethod
    def _odd(patterns: _Patterns, maxlen: int, word: str) -> list[int]:
        dotted = f".{word}."
        score = [0] * (len(dotted) + 1)
        for i in range(len(dotted) - 1):
            for j in range(i + 1, min(i + maxlen, len(dotted)) + 1):
                found = patterns.get(dotted[i:j])
                if found:
                    offset, values = found
                    for k, v in enumerate(values):
                        if v > score[i + offset + k]:
                            score[i + offset + k] = v
        return [i - 1 for i, v in enumerate(score) if v % 2 and 0 < i - 1 < len(word)]

    def positions(self, word: str) -> list[int]:
        key = word.lower()
        if key in self._cache:
            return self._cache[key]
        if not self._levels:
            self._load()
        if not self._maxlen[0] or len(key) != len(word):  # "İ".lower() is two characters
            found: set[int] = set()
        elif len(self._levels) == 1:  # a one-level dictionary
            found = set(self._odd(self._levels[0], self._maxlen[0], key))
        else:
            compound = self._odd(self._levels[0], self._maxlen[0], key)
            found = set(compound)
            bounds = [0, *compound, len(key)]
            for start, end in pairwise(bounds):
                part = key[start:end]
                low = self.left if start == 0 else self._compound_left
                high = len(part) - (self.right if end == len(key) else self._compound_right)
                for p in self._odd(self._levels[1], self._maxlen[1], part):
                    if low <= p <= high:
                        found.add(start + p)
        result: list[int] = []
        for p in sorted(found):
            if not self.left <= p <= len(key) - self.right or not self._onset_ok(key[p:]):
                continue
            if result and p - result[-1] < 2:  # never a one-letter piece ("stätte-n-an")
                result[-1] = p
                continue
            result.append(p)
        self._cache[key] = result
        return result

    def pairs(self, word: str) -> Iterator[tuple[str, str]]:
        if SOFT_HYPHEN in word:  # the writer chose the breaks: use those only
            cuts = [i for i, ch in enumerate(word) if ch == SOFT_HYPHEN]
            for i in reversed(cuts):
                head, tail = word[:i].replace(SOFT_HYPHEN, ""), word[i + 1 :]
                if head and tail:
                    yield head, tail
            return
        for p in reversed(self.positions(word)):
            yield word[:p], word[p:]

    def inserted(self, word: str, hyphen: str = "-") -> str:
        out, last = [], 0
        for p in self.positions(word):
            out.append(word[last:p])
            last = p
        out.append(word[last:])
        return hyphen.join(out)


@cache
def german() -> GermanHyphenator:
    """The shared instance (the dictionary loads on first use, ~0.4 s, then stays cached)."""
    return GermanHyphenator(left=2, right=3)
