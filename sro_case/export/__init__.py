"""The anonymised controlling export (DESIGN.md §5): aggregate tables only, suppressed so that
no hidden figure can be worked out from the published ones – alone or together with earlier
exports of overlapping periods – written as CSV, XLSX or PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sro_case.export.releases import RawFor, Release, joint_releases, merges_sex, release_of
from sro_case.export.suppression import publish
from sro_case.export.tables import (
    Facts,
    PublishedTable,
    RawExport,
    StatisticsExport,
    Status,
    aggregate,
    sensitive_threshold,
)

MIN_THRESHOLD = 3
MAX_THRESHOLD = 100  # the largest minimum cell count an export may ask for
Earlier = Sequence[StatisticsExport | Release]


def build_export(
    facts: Facts,
    date_from: date,
    date_to: date,
    *,
    threshold: int = MIN_THRESHOLD,
    generated_at: datetime,
    software: str,
    earlier: Earlier = (),
) -> StatisticsExport:
    """Aggregate, suppress and keep only what may leave. ``earlier`` exports (or their
    releases) are audited together with this one where their periods overlap or nest."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"threshold {threshold} < {MIN_THRESHOLD}")
    releases = joint_releases(_as_releases(earlier), date_from, date_to)
    raw = aggregate(facts, date_from, date_to, threshold=threshold, merge_sex=merges_sex(releases))

    def raw_for(first: date, last: date) -> RawExport:
        return aggregate(facts, first, last, threshold=0)  # 0: no column merged

    return export_from(
        raw,
        threshold=threshold,
        generated_at=generated_at,
        software=software,
        earlier=releases,
        raw_for=raw_for,
    )


def _as_releases(earlier: Earlier) -> list[Release]:
    return [e if isinstance(e, Release) else release_of(e) for e in earlier]


def export_from(
    raw: RawExport,
    *,
    threshold: int,
    generated_at: datetime,
    software: str,
    earlier: Earlier = (),
    raw_for: RawFor | None = None,
) -> StatisticsExport:
    """Suppress aggregated tables and keep only what may leave. ``raw_for`` gives the true
    figures of any period (needed with ``earlier``)."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"threshold {threshold} < {MIN_THRESHOLD}")
    if earlier and raw_for is None:
        raise ValueError("earlier exports need raw_for: the true figures of their periods")
    date_from, date_to = raw.date_from, raw.date_to
    sensitive = sensitive_threshold(threshold)
    releases = joint_releases(_as_releases(earlier), date_from, date_to)
    published = publish(raw, threshold, sensitive, releases=releases, raw_for=raw_for)
    notes = [
        *raw.notes,
        f"Ein Feld wird auch gesperrt, wenn es auf weniger als {threshold} Fälle (Familien) "
        "zurückgeht. Mittelwerte und Summen stehen nur bei ausreichender Fallzahl.",
    ]
    if published.coarsened:
        notes.append(
            "Wegen früherer Exporte überlappender Zeiträume sind zusätzliche Felder geheim "
            "gehalten, damit sich durch Abziehen nichts errechnen lässt."
        )
    return StatisticsExport(
        date_from=date_from,
        date_to=date_to,
        threshold=threshold,
        sensitive_threshold=sensitive,
        generated_at=generated_at,
        software=software,
        tables=published.tables,
        model_regions=tuple(s.name for s in raw.spaces if s.is_model_region),
        notes=tuple(notes),
        joint_periods=published.joint_periods,
        coarsened_cells=published.coarsened,
        known_before=published.known_before,
    )


__all__ = [
    "MIN_THRESHOLD",
    "Facts",
    "PublishedTable",
    "Release",
    "StatisticsExport",
    "Status",
    "build_export",
    "export_from",
    "joint_releases",
    "merges_sex",
    "release_of",
    "sensitive_threshold",
]
