"""The name lists of ``resources/demo/names.json``: first names and surnames by origin,
streets, and the services, schools and Kitas of the city.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from sro_case.demo.draws import _Weighted
from sro_case.paths import resources_dir


@dataclass(frozen=True)
class _Origin:
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]


@dataclass(frozen=True)
class _Names:
    origins: dict[str, _Origin]
    origin_weights: _Weighted
    neutral: tuple[str, ...]
    streets: tuple[str, ...]
    places: dict[str, tuple[str, ...]]  # providers, schools, kitas, …


@cache
def _names() -> _Names:
    raw = json.loads((resources_dir() / "demo" / "names.json").read_text(encoding="utf-8"))
    origins = {
        key: _Origin(tuple(o["female"]), tuple(o["male"]), tuple(o["surnames"]))
        for key, o in raw["origins"].items()
    }
    weights = {key: float(o["weight"]) for key, o in raw["origins"].items()}
    places = {
        key: tuple(raw[key])
        for key in (
            "providers",
            "counselling",
            "schools",
            "kitas",
            "youth_facilities",
            "family_centres",
            "health",
            "other_services",
        )
    }
    return _Names(origins, _Weighted(weights), tuple(raw["neutral"]), tuple(raw["streets"]), places)
