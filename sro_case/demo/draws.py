"""Drawing at random and writing dates: the small tools every part of the generator uses."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from sro_case.domain.catalogues import Catalogue

YEAR = 365.25  # days


@cache
def _iso(ordinal: int) -> str:
    """Dates are stored as ISO text; generated rows carry that text directly."""
    return date.fromordinal(ordinal).isoformat()


class _Weighted:
    """Weighted choice from a fixed table, faster than ``random.choices`` per call."""

    def __init__(self, weights: Mapping[Any, float]) -> None:
        items = [(k, w) for k, w in weights.items() if w > 0]
        if not items:
            raise ValueError("no positive weight")
        self.items = tuple(k for k, _ in items)
        total = 0.0
        cum = []
        for _, w in items:
            total += w
            cum.append(total)
        self.cum = tuple(cum)
        self.total = total

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect(self.cum, rng.random() * self.total)]


def _between(rng: random.Random, low: int, high: int) -> int:
    """An int in [low, high]; ``randint`` is slower."""
    return low + int(rng.random() * (high - low + 1))


def _weights_for(cat: Catalogue, known: Mapping[str, float], default: float = 1.0) -> _Weighted:
    """Weights for the codes an office actually has in its catalogue."""
    return _Weighted({code: known.get(code, default) for code in cat.codes()})
