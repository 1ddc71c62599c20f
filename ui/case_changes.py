"""What a colleague changed in a case while the user has unsaved input in its file (#18, team
server): the case as it is saved now is compared with the one the user's input rests on. The
edited fields someone else changed are marked (⚠ at the label, the value saved now in the
tooltip); the other parts that changed are named in the file's notice. Nothing typed is
touched – the save that follows is refused and shows both versions (``ConflictDialog``)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from ui.date_entry import german_date
from ui.i18n import core_label

CONTEXT = "CaseChanges"


tr = QCoreApplication.translate  # tr(CONTEXT, "…"), found by the translation check


def _outcome(code: str | None) -> str:
    if code is None:
        return tr(CONTEXT, "— noch offen —")
    try:
        return core_label(catalogue("outcomes_8a").label(code))
    except (KeyError, ValueError):
        return code


def _short(text: str, limit: int = 300) -> str:
    text = text.strip() or "—"
    return text if len(text) <= limit else text[:limit] + " …"


@dataclass(frozen=True)
class Field:
    """One edited field of the case file's overview: its name, and its value as shown."""

    name: Callable[[], str]
    saved: Callable[[m.CaseDetail], str]


FIELDS: dict[str, Field] = {
    "reason_for_contact": Field(
        lambda: tr(CONTEXT, "Anlass"), lambda d: _short(d.reason_for_contact)
    ),
    "child_protection": Field(
        lambda: tr(CONTEXT, "Kinderschutz"),
        lambda d: tr(CONTEXT, "ja") if d.child_protection else tr(CONTEXT, "nein"),
    ),
    "outcome_8a": Field(lambda: tr(CONTEXT, "Ergebnis § 8a"), lambda d: _outcome(d.outcome_8a)),
    "next_review": Field(
        lambda: tr(CONTEXT, "Nächste Überprüfung"),
        lambda d: german_date(d.summary.next_review) if d.summary.next_review else "—",
    ),
}


@dataclass(frozen=True)
class Part:
    """One of the other parts of the file, which the user does not edit in the overview: its
    name, and what of it is compared."""

    name: Callable[[], str]
    value: Callable[[m.CaseDetail], object]


PARTS: dict[str, Part] = {
    "status": Part(
        lambda: tr(CONTEXT, "Status"),
        lambda d: (d.summary.status, d.summary.closed_on, d.end_reason),
    ),
    "lead_worker": Part(lambda: tr(CONTEXT, "Fachkraft"), lambda d: d.summary.lead_worker),
    "family": Part(lambda: tr(CONTEXT, "Familie und Personen"), lambda d: d.family),
    "consents": Part(lambda: tr(CONTEXT, "Einwilligungen"), lambda d: d.consents),
    "notes": Part(lambda: tr(CONTEXT, "Verlauf"), lambda d: d.notes),
    "helps": Part(lambda: tr(CONTEXT, "Hilfen"), lambda d: d.helps),
    "conferences": Part(lambda: tr(CONTEXT, "Konferenzen"), lambda d: d.conferences),
    "goals": Part(lambda: tr(CONTEXT, "Ziele und Schritte"), lambda d: d.goals),
    "resources": Part(lambda: tr(CONTEXT, "Ressourcen"), lambda d: d.resources),
}


def changed_fields(before: m.CaseDetail, after: m.CaseDetail) -> list[str]:
    """The keys of ``FIELDS`` whose saved value differs between the two versions."""
    return [key for key, f in FIELDS.items() if f.saved(before) != f.saved(after)]


def changed_parts(
    before: m.CaseDetail, after: m.CaseDetail, *, besides: Collection[str] = ()
) -> list[str]:
    """The names of the other parts that differ, in the UI language; the keys of ``PARTS`` in
    ``besides`` left out (shown on their own)."""
    return [
        part.name()
        for key, part in PARTS.items()
        if key not in besides and part.value(before) != part.value(after)
    ]


class ChangeMarkers:
    """The ⚠ at the labels of the overview's edited fields: ``fields`` maps each key of
    ``FIELDS`` to its label and its input widget."""

    def __init__(self, fields: dict[str, tuple[QLabel, QWidget]]) -> None:
        self._labels = {key: (label, label.text()) for key, (label, _w) in fields.items()}
        self._widgets = {key: widget for key, (_l, widget) in fields.items()}
        self.marked: list[str] = []

    def mark(self, keys: list[str], now: m.CaseDetail) -> None:
        self.clear()
        for key in keys:
            label, text = self._labels[key]
            tip = tr(
                CONTEXT, "Inzwischen von jemand anderem geändert. Jetzt gespeichert: %1"
            ).replace("%1", FIELDS[key].saved(now))
            label.setText("⚠ " + text)
            label.setStyleSheet("color: #8a5a00; font-weight: bold;")
            label.setToolTip(tip)
            self._widgets[key].setToolTip(tip)
            self._widgets[key].setAccessibleDescription(tip)
        self.marked = list(keys)

    def clear(self) -> None:
        for key in self.marked:
            label, text = self._labels[key]
            label.setText(text)
            label.setStyleSheet("")
            label.setToolTip("")
            self._widgets[key].setToolTip("")
            self._widgets[key].setAccessibleDescription("")
        self.marked = []


def notice(fields: list[str], parts: list[str]) -> str:
    """The file's notice: what changed, and that the input stays."""
    names = [FIELDS[key].name() for key in fields] + parts
    what = (
        tr(CONTEXT, "Inzwischen von jemand anderem geändert: %1.").replace("%1", ", ".join(names))
        if names
        else tr(CONTEXT, "Dieser Fall wurde inzwischen von jemand anderem geändert.")
    )
    return (
        what
        + " "
        + tr(
            CONTEXT,
            "Ihre Eingaben sind noch nicht gespeichert und bleiben erhalten; beim Speichern "
            "sehen Sie beide Fassungen nebeneinander.",
        )
    )
