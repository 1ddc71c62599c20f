"""Passphrase rules that need no cryptography: the minimum length and a strength estimate.

Kept apart from ``storage/keyfile`` so that the start screen can show its strength meter
without loading Argon2, AES and the database layer first."""

from __future__ import annotations

MIN_PASSPHRASE_LENGTH = 10

STRENGTH_HINTS = ("zu kurz", "schwach", "mittel", "gut", "sehr gut")


def passphrase_strength(text: str) -> tuple[int, str]:
    """0–4 and a German hint. Length matters most; variety helps a little."""
    classes = sum(
        bool(f)
        for f in (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    score = 0 if len(text) < MIN_PASSPHRASE_LENGTH else min(4, 1 + len(text) // 8 + classes // 2)
    return score, STRENGTH_HINTS[score]
