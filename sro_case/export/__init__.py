"""The anonymised controlling export (DESIGN.md §5): aggregate tables only, suppressed so that
no hidden figure can be worked out from the published ones, written as CSV, XLSX or PDF."""

from __future__ import annotations

from datetime import date, datetime

from sro_case.export.suppression import publish
from sro_case.export.tables import (
    Facts,
    PublishedTable,
    RawExport,
    StatisticsExport,
    Status,
    aggregate,
)

MIN_THRESHOLD = 3


def sensitive_threshold(threshold: int) -> int:
    """§ 8a, § 42 and § 35a figures: at least 5, and always stricter than the general rule."""
    return max(5, threshold + 2)


def build_export(
    facts: Facts,
    date_from: date,
    date_to: date,
    *,
    threshold: int = MIN_THRESHOLD,
    generated_at: datetime,
    software: str,
) -> StatisticsExport:
    """Aggregate, suppress and keep only what may leave."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"threshold {threshold} < {MIN_THRESHOLD}")
    raw = aggregate(facts, date_from, date_to, threshold=threshold)
    return export_from(raw, threshold=threshold, generated_at=generated_at, software=software)


def export_from(
    raw: RawExport, *, threshold: int, generated_at: datetime, software: str
) -> StatisticsExport:
    """Suppress aggregated tables and keep only what may leave."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"threshold {threshold} < {MIN_THRESHOLD}")
    date_from, date_to = raw.date_from, raw.date_to
    sensitive = sensitive_threshold(threshold)
    tables = publish(raw, threshold, sensitive)
    return StatisticsExport(
        date_from=date_from,
        date_to=date_to,
        threshold=threshold,
        sensitive_threshold=sensitive,
        generated_at=generated_at,
        software=software,
        tables=tables,
        model_regions=tuple(s.name for s in raw.spaces if s.is_model_region),
        notes=(
            *raw.notes,
            f"Ein Feld wird auch gesperrt, wenn es auf weniger als {threshold} Fälle (Familien) "
            "zurückgeht. Mittelwerte und Summen stehen nur bei ausreichender Fallzahl.",
        ),
    )


__all__ = [
    "MIN_THRESHOLD",
    "Facts",
    "PublishedTable",
    "StatisticsExport",
    "Status",
    "build_export",
    "export_from",
    "sensitive_threshold",
]
