"""A conference save refused because someone else changed the case while it was captured
(#17/#18: two captures of one conference are refused at the second save, never merged). Both
side by side – this capture and what was saved meanwhile (the conferences recorded since, and
the other parts that changed) – and the choice: save this capture as a conference of its own
after all, let the other stand and discard this one, or go back to the capture (to change it
by hand first). Nothing is lost by the dialog itself: cancelling keeps the capture, the
journal keeps it too."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QWidget,
)

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from ui.case_changes import changed_parts
from ui.conflict_dialog import MINE, THEIRS, VersionChoiceDialog, catalogue_label
from ui.date_entry import german_date

__all__ = ["MINE", "THEIRS", "ConferenceConflictDialog"]


class ConferenceConflictDialog(VersionChoiceDialog):
    """``choice`` is ``MINE`` (save the capture on the case as it is now) or ``THEIRS``
    (discard the capture) when accepted."""

    def __init__(
        self,
        mine: m.ConferenceDraft,
        before: m.CaseDetail,
        now: m.CaseDetail,
        message: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(message, 820, parent)
        known = {c.id for c in before.conferences}
        self.recorded = [c for c in now.conferences if c.id not in known]
        self.other_parts = changed_parts(before, now, besides=("conferences",))
        layout = self.body
        other = self.recorded[-1] if self.recorded else None
        kinds = catalogue("conference_kinds")
        rows = [
            (
                self.tr("Datum"),
                german_date(mine.held_on),
                german_date(other.held_on) if other else "—",
            ),
            (
                self.tr("Art"),
                catalogue_label(kinds, mine.kind),
                catalogue_label(kinds, other.kind) if other else "—",
            ),
            (self.tr("Moderation"), mine.facilitator, other.facilitator if other else "—"),
            (
                self.tr("Teilnehmende"),
                ", ".join(p.name for p in mine.participants),
                ", ".join(p.name for p in other.participants) if other else "—",
            ),
            (self.tr("Wille der Familie"), mine.family_will, other.family_will if other else "—"),
            (self.tr("Vereinbarungen"), mine.decisions, other.decisions if other else "—"),
            (
                self.tr("Neue Ziele"),
                "\n".join(g.text for g in mine.goals),
                "—",
            ),
        ]
        headers = ("", self.tr("<b>Ihre Erfassung</b>"), self.tr("<b>Inzwischen gespeichert</b>"))
        grid = self.comparison(headers, rows)
        grid.setRowStretch(len(rows) + 1, 1)  # the rows at the top, not spread out
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        summary = []
        if len(self.recorded) > 1:
            summary.append(
                self.tr("Seitdem wurden %1 Konferenzen gespeichert; rechts die letzte.").replace(
                    "%1", str(len(self.recorded))
                )
            )
        if not self.recorded:
            summary.append(self.tr("Seitdem wurde keine Konferenz gespeichert."))
        if self.other_parts:
            summary.append(
                self.tr("Außerdem geändert: %1.").replace("%1", ", ".join(self.other_parts))
            )
        summary.append(
            self.tr(
                "„Meine zusätzlich speichern“ legt Ihre Erfassung als eigene Konferenz an; "
                "nichts wird überschrieben."
            )
        )
        note = QLabel(" ".join(summary))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.add_choices(
            layout,
            self.tr("&Meine zusätzlich speichern"),
            self.tr("Meine &verwerfen"),
            self.tr("&Weiter erfassen"),
        )
