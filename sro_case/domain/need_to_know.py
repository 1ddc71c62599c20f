"""Need-to-know on the team server (§§ 64, 65 SGB VIII, #17): what a member of a case team sees
of a case file. Pure, like the conference screen's consent gate, whose rule it applies: a
discipline sees what the family's consents release to it.

* **The responsible service** (catalogue ``disciplines``, ``responsible: true``, the ASD) and the
  lead worker see the whole file. Entrusted (§ 65) entries of others only while a consent that
  releases entrusted entries is valid; their own always.
* **Another discipline with a valid consent** (one that names the discipline) sees the household,
  the background (reason for contact, focus areas, resources), the helps without their costs,
  the goals and agreements and the conferences. Never the case notes (Verlauf, where § 65
  entries live), the § 8a flag or costs.
* **Another discipline without one** sees that the case exists: file number, family name,
  status, lead worker, dates, and the consents on record (so that it can see why it sees no
  more). Nothing else.

The entrusted entries a viewer writes are theirs (``author``): they always see them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.domain.consent_gate import entrusted_released
from sro_case.domain.messages import T, Text

# the parts of a case file, as the client names them ("Sie sehen: …; nicht: …")
HOUSEHOLD = "Familie und Haushalt"
BACKGROUND = "Anlass und Ressourcen"
HELPS = "Hilfen"
GOALS = "Ziele und Vereinbarungen"
CONFERENCES = "Konferenzen"
NOTES = "Verlauf"
COSTS = "Kosten"
PROTECTION = "§ 8a"
PARTS = (HOUSEHOLD, BACKGROUND, HELPS, GOALS, CONFERENCES, NOTES, COSTS, PROTECTION)


@dataclass(frozen=True)
class Viewer:
    """Who asks: the signed-in user's login, name (notes name their author), discipline code."""

    login: str
    name: str
    discipline: str


@dataclass(frozen=True)
class Release:
    """What ``viewer`` sees of one case, and why."""

    full: bool  # the whole file (the responsible service or the lead worker)
    cleared: bool  # a valid consent releases this discipline (or full)
    parts: tuple[str, ...]  # shown
    withheld: tuple[str, ...]  # not shown
    reason: Text

    def sees(self, part: str) -> bool:
        return part in self.parts


def release_for(detail: m.CaseDetail, viewer: Viewer, lead_worker: str, on: date) -> Release:
    """The release of ``detail`` to ``viewer`` on ``on`` (``lead_worker``: the case's lead
    worker's name, as in ``CaseSummary.lead_worker``)."""
    item = catalogue("disciplines").find(viewer.discipline) if viewer.discipline else None
    if (item is not None and item.get("responsible")) or (
        lead_worker and viewer.name == lead_worker
    ):
        return Release(True, True, PARTS, (), T("fallführender Dienst"))
    if item is None:
        return _nothing(T("ohne Fachbereich: nur die Stammdaten"))
    valid = [c for c in detail.consents if item.code in c.disciplines and c.valid_on(on)]
    if not valid:
        return _nothing(T("keine Schweigepflichtentbindung für {label}", label=item.name))
    shown = (HOUSEHOLD, BACKGROUND, HELPS, GOALS, CONFERENCES)
    return Release(
        False,
        True,
        shown,
        tuple(p for p in PARTS if p not in shown),
        T("Einwilligung liegt vor"),
    )


def _nothing(reason: Text) -> Release:
    return Release(False, False, (), PARTS, reason)


def visible_case(detail: m.CaseDetail, viewer: Viewer, on: date) -> tuple[m.CaseDetail, Release]:
    """``detail`` as ``viewer`` may see it, and the release it was cut to."""
    release = release_for(detail, viewer, detail.summary.lead_worker, on)
    notes = _visible_notes(detail, viewer, release, on)
    if release.full:
        return replace(detail, notes=notes), release
    if not release.cleared:
        family = replace(detail.family, street="", postal_code="", city="", persons=())
        return (
            m.CaseDetail(
                summary=detail.summary,
                family=family,
                reason_for_contact="",
                focus_areas=(),
                child_protection=False,
                outcome_8a=None,
                legal_hold=detail.legal_hold,
                end_reason=detail.end_reason,
                pseudonymize=detail.pseudonymize,
                consents=detail.consents,
                notes=notes,
            ),
            release,
        )
    return (
        replace(
            detail,
            child_protection=False,
            outcome_8a=None,
            notes=notes,
            helps=tuple(replace(h, monthly_cost_cents=None) for h in detail.helps),
            history=(),
        ),
        release,
    )


def _visible_notes(
    detail: m.CaseDetail, viewer: Viewer, release: Release, on: date
) -> tuple[m.CaseNote, ...]:
    """The Verlauf: the whole of it for full access (others' § 65 entries only while released);
    for everyone else only their own entries."""
    released = entrusted_released(detail.consents, on)
    out = []
    for note in detail.notes:
        own = note.author == viewer.name
        if own or (release.full and (not note.entrusted or released)):
            out.append(note)
    return tuple(out)
