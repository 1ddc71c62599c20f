"""Passphrase rules that need no cryptography: the minimum length and the strength verdict.

One function, ``assess_passphrase``, decides whether a passphrase may protect a key slot: the
key file's ``check_passphrase`` (create, passwd, user add) refuses what it refuses, and the
strength meters of the desktop client show its score, so the meter never says "gut" for a
passphrase that would then be refused.

The estimate is ``zxcvbn`` (the guesses an attacker with the usual password lists and rules
needs), plus what it does not know: German words and places an attacker of this office tries
first, the user's login and name, and the "word plus digits" pattern (``Rostock2026!``).
zxcvbn's feedback is English; the German explanations here are keyed on its warnings.

Kept apart from ``storage/keyfile`` so that the start screen can show its strength meter
without loading Argon2, AES and the database layer first (zxcvbn loads in ~30 ms).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sro_case.domain.messages import T, Text, joined

MIN_PASSPHRASE_LENGTH = 10
#: zxcvbn's score (0–4) a passphrase needs: 3 is "safely unguessable" (about 10¹⁰ guesses).
MIN_SCORE = 3
#: zxcvbn looks at this many characters (its own default); longer passphrases are only longer.
_MAX_ESTIMATE_LENGTH = 72

STRENGTH_HINTS = ("zu kurz", "schwach", "mittel", "gut", "sehr gut")

# Words an attacker of a Rostock youth welfare office tries first; zxcvbn's lists are English.
LOCAL_WORDS = (
    "passwort",
    "kennwort",
    "geheim",
    "hallo",
    "schatz",
    "willkommen",
    "sommer",
    "winter",
    "herbst",
    "frühling",
    "fruehling",
    "sonne",
    "liebe",
    "fußball",
    "fussball",
    "rostock",
    "warnemünde",
    "warnemuende",
    "hansa",
    "hanse",
    "ostsee",
    "mecklenburg",
    "deutschland",
    "toitenwinkel",
    "großklein",
    "grossklein",
    "lichtenhagen",
    "evershagen",
    "schmarl",
    "dierkow",
    "reutershagen",
    "jugendamt",
    "jugendhilfe",
    "sozialraum",
    "fallkonferenz",
    "fallmanagement",
    "familie",
    "kinder",
    "admin",
    "benutzer",
)

# A single word with digits or signs before or after it: "Rostock2026!", "2026Sommer".
_WORD_AND_DIGITS = re.compile(r"^(?:[^\W\d_]+[\d\W_]+|[\d\W_]+[^\W\d_]+)$")


@dataclass(frozen=True, slots=True)
class PassphraseVerdict:
    """How strong a passphrase is and, if it is refused, why and how to do better."""

    score: int  # 0–4; at most 2 when refused, at least MIN_SCORE when accepted
    acceptable: bool
    reasons: tuple[Text, ...] = ()  # why it is refused (German, translatable)
    advice: tuple[Text, ...] = ()  # how to make a better one

    @property
    def hint(self) -> str:
        return STRENGTH_HINTS[self.score]

    @property
    def message(self) -> Text:
        """The reasons and the advice as one German text ("" when accepted)."""
        return joined((*self.reasons, *self.advice))


def _folded(text: str) -> str:
    """Lower case letters and digits only, umlauts kept: ``M.Muster-Frau`` → ``mmusterfrau``."""
    return "".join(c for c in unicodedata.normalize("NFC", text).casefold() if c.isalnum())


def _words_of(user_inputs: Iterable[str]) -> list[str]:
    """Each input and its parts: ``Maria Mustermann`` → it, ``Maria``, ``Mustermann``."""
    words: list[str] = []
    for item in user_inputs:
        for part in (item, *re.split(r"[\s.@_/\-]+", item)):
            if part and part not in words:
                words.append(part)
    return words


def _personal(passphrase: str, words: Iterable[str]) -> tuple[bool, bool]:
    """Whether the passphrase contains the user's login or name, and whether it is little
    more than that (``Mustermann Maria``, ``m.mustermann!``)."""
    folded = _folded(passphrase)
    rest = folded
    found = False
    for word in sorted({_folded(w) for w in words}, key=len, reverse=True):
        if len(word) >= 3 and word in folded:
            found = True
            rest = rest.replace(word, "")
    return found, found and len(rest) < 6


def _only_digits(passphrase: str) -> bool:
    folded = _folded(passphrase)
    return bool(folded) and folded.isdigit()


def _reasons_from_zxcvbn(result: dict[str, Any]) -> list[Text]:
    warning = str(result["feedback"].get("warning") or "")
    patterns = {m["pattern"] for m in result["sequence"]}
    reasons: list[Text] = []
    if "common" in warning or "commonly used" in warning:
        reasons.append(
            T(
                "Die Passphrase steht (fast genau so) in den Listen der häufigsten Passwörter, "
                "die Angreifer zuerst ausprobieren."
            )
        )
    if "sequence" in patterns or "Sequences" in warning:
        reasons.append(
            T("Zahlen- und Buchstabenfolgen wie 1234567890 oder abcdef sind in Sekunden erraten.")
        )
    if "spatial" in patterns or "keys" in warning or "keyboard" in warning:
        reasons.append(T("Tastaturmuster wie qwertz oder asdfgh sind leicht zu erraten."))
    if "repeat" in patterns or "Repeats" in warning:
        reasons.append(T("Wiederholungen wie „aaa“ oder „abcabc“ machen sie kaum stärker."))
    if "year" in warning.lower() or "Dates" in warning:
        reasons.append(
            T("Jahreszahlen und Daten (etwa 2026 oder ein Geburtstag) sind leicht zu erraten.")
        )
    if "by itself" in warning or "names" in warning.lower():
        reasons.append(
            T(
                "Ein einzelnes Wort oder ein Name ist leicht zu erraten, auch mit "
                "Großbuchstaben oder Ziffern."
            )
        )
    return reasons


def assess_passphrase(passphrase: str, user_inputs: Iterable[str] = ()) -> PassphraseVerdict:
    """The verdict on ``passphrase`` for a key slot. ``user_inputs`` are the login, the name
    and other words of the user that an attacker would try (they must not carry it)."""
    text = unicodedata.normalize("NFC", passphrase)
    personal = _words_of(str(u) for u in user_inputs if u and str(u).strip())
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return PassphraseVerdict(
            0,
            False,
            (
                T(
                    "Die Passphrase muss mindestens {minimum} Zeichen lang sein.",
                    minimum=MIN_PASSPHRASE_LENGTH,
                ),
            ),
            (_advice(),),
        )
    if "\x00" in text:
        return PassphraseVerdict(0, False, (T("Die Passphrase darf kein Nullzeichen enthalten."),))
    # loaded only when a passphrase long enough to rate is typed (its lists take ~20 ms): the
    # unlock dialog's empty meter must not delay the first window
    from zxcvbn import zxcvbn

    result = zxcvbn(
        text[:_MAX_ESTIMATE_LENGTH],
        user_inputs=[*personal, *LOCAL_WORDS],
        max_length=_MAX_ESTIMATE_LENGTH,
    )
    score = int(result["score"])
    reasons: list[Text] = []
    contains_name, mostly_name = _personal(text, personal)
    if contains_name and (score < MIN_SCORE or mostly_name):
        reasons.append(
            T(
                "Die Passphrase enthält Ihren Anmeldenamen oder Namen; den probiert ein "
                "Angreifer zuerst."
            )
        )
    if _only_digits(text):
        reasons.append(T("Zahlenfolgen wie 1234567890 sind in Sekunden erraten."))
    elif _WORD_AND_DIGITS.match(text):
        reasons.append(
            T(
                "Ein einzelnes Wort mit angehängten Ziffern oder Zeichen (wie „Rostock2026!“) "
                "probieren Angreifer als Erstes."
            )
        )
    if score < MIN_SCORE:
        reasons.extend(r for r in _reasons_from_zxcvbn(result) if r not in reasons)
        if not reasons:
            reasons.append(T("Die Passphrase ist zu leicht zu erraten."))
    if not reasons:
        return PassphraseVerdict(max(score, MIN_SCORE), True)
    advice = [_advice()]
    suggestions = " ".join(result["feedback"].get("suggestions") or ())
    if (
        "Capitalization" in suggestions
        or "substitutions" in suggestions
        or "Reversed" in suggestions
    ):
        advice.append(
            T(
                "Großbuchstaben, vertauschte Zeichen (@ statt a) oder rückwärts geschriebene "
                "Wörter helfen kaum."
            )
        )
    return PassphraseVerdict(min(score, MIN_SCORE - 1), False, tuple(reasons), tuple(advice))


def _advice() -> Text:
    return T(
        "Besser: vier oder mehr zufällig gewählte Wörter, die nichts miteinander zu tun haben, "
        "etwa „Tafel Möwe Kompass Wolke“ – die Länge schützt mehr als Sonderzeichen."
    )


def passphrase_strength(text: str, user_inputs: Iterable[str] = ()) -> tuple[int, str]:
    """0–4 and a German hint, the score of ``assess_passphrase`` (kept for the meters)."""
    verdict = assess_passphrase(text, user_inputs)
    return verdict.score, verdict.hint
