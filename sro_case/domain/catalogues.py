"""Catalogues (help types, social spaces, age groups, …) are data in ``resources/catalogues``.

An office adapts them without a release by placing a file of the same name in the user's
configuration folder (``catalogues/``); that file replaces the default one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sro_case.domain.messages import T
from sro_case.errors import SroCaseError
from sro_case.paths import resources_dir, user_config_dir


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    code: str
    name: str
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.extra:
            if k == key:
                return v
        return default


class Catalogue:
    """An ordered, read-only list of items, looked up by code or by name."""

    def __init__(self, name: str, items: list[CatalogueItem]) -> None:
        self.name = name
        self.items = tuple(items)
        self._by_code = {i.code: i for i in items}
        self._by_name = {i.name.casefold(): i for i in items}

    def __iter__(self) -> Iterator[CatalogueItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> list[str]:
        return [i.code for i in self.items]

    def by_code(self, code: str) -> CatalogueItem:
        try:
            return self._by_code[code]
        except KeyError:
            raise SroCaseError(
                T(
                    "„{code}“ ist im Katalog {catalogue} nicht enthalten.",
                    code=code,
                    catalogue=self.name,
                )
            ) from None

    def find(self, text: str) -> CatalogueItem | None:
        """By code or by name (case-insensitive)."""
        text = text.strip()
        return self._by_code.get(text) or self._by_name.get(text.casefold())

    def label(self, code: str | None) -> str:
        if code is None:
            return ""
        item = self._by_code.get(code)
        return item.name if item else code


CATALOGUE_NAMES = (
    "help_types",
    "social_spaces",
    "age_groups",
    "case_statuses",
    "end_reasons",
    "reopen_reasons",
    "outcomes_8a",
    "disciplines",
    "conference_kinds",
    "focus_areas",
)


def _load_file(path: Path, name: str) -> Catalogue:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        items = []
        for entry in raw["items"]:
            code = str(entry["code"])
            label = str(entry["name"])
            extra = tuple((k, v) for k, v in entry.items() if k not in ("code", "name"))
            items.append(CatalogueItem(code, label, extra))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SroCaseError(
            T("Der Katalog {path} kann nicht gelesen werden: {error}", path=path, error=str(exc))
        ) from exc
    if not items:
        raise SroCaseError(T("Der Katalog {path} ist leer.", path=path))
    return Catalogue(name, items)


@cache
def catalogue(name: str) -> Catalogue:
    if name not in CATALOGUE_NAMES:
        raise KeyError(name)
    override = user_config_dir() / "catalogues" / f"{name}.json"
    path = override if override.is_file() else resources_dir() / "catalogues" / f"{name}.json"
    return _load_file(path, name)


def age_in_years(birth: date, on: date) -> int:
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def age_group(birth: date | None, on: date) -> str:
    """Code of the official age group for a person born on ``birth`` at date ``on``."""
    if birth is None:
        return "ohne_angabe"
    age = max(0, age_in_years(birth, on))
    for low, high, code in _age_bounds(catalogue("age_groups")):
        if age >= low and (high is None or age < high):
            return code
    return "ohne_angabe"


@cache
def _age_bounds(groups: Catalogue) -> tuple[tuple[int, int | None, str], ...]:
    """(min, max, code) of each age group, read once (the statistics ask 100,000s of times)."""
    return tuple((item.get("min"), item.get("max"), item.code) for item in groups)


def initial_status() -> str:
    return str(next(i.code for i in catalogue("case_statuses") if i.get("initial")))


def closed_status() -> str:
    return str(next(i.code for i in catalogue("case_statuses") if i.get("closed")))


def reopened_status() -> str:
    """Where a reopened case starts again (the catalogue's ``reopen`` entry; else the first
    status after the initial one)."""
    statuses = list(catalogue("case_statuses"))
    flagged = [i.code for i in statuses if i.get("reopen")]
    if flagged:
        return str(flagged[0])
    return str(next(i.code for i in statuses if not i.get("initial") and not i.get("closed")))
