"""What the command line prints of a case list and a Verlauf, as text or JSON – one format,
whether the rows come from the encrypted file (``cli``) or from a team server
(``server.commands``)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import NoteKind


def _out(text: str) -> None:
    print(text, flush=True)


def print_cases(rows: Sequence[m.CaseSummary], *, as_json: bool) -> None:
    if as_json:
        doc = [
            {
                "file_number": r.file_number,
                "family": r.family_name,
                "social_space": r.social_space,
                "status": r.status,
                "lead_worker": r.lead_worker,
                "conferences": r.conference_count,
                "goals": r.goal_count,
            }
            for r in rows
        ]
        _out(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    statuses = catalogue("case_statuses")
    _out(f"{'Aktenzeichen':<20} {'Familie':<28} {'Sozialraum':<24} {'Status':<22} Konf. Ziele")
    for r in rows:
        _out(
            f"{r.file_number:<20} {r.family_name[:28]:<28} {r.social_space[:24]:<24} "
            f"{statuses.label(r.status)[:22]:<22} {r.conference_count:>5} {r.goal_count:>5}"
        )
    _out(f"{len(rows)} Fälle")


def print_notes(notes: Sequence[m.CaseNote], *, as_json: bool) -> None:
    if as_json:
        doc = [
            {
                "id": n.id,
                "date": n.occurred_on.isoformat(),
                "kind": n.kind,
                "participants": n.participants,
                "text": n.text,
                "entrusted": n.entrusted,
                "author": n.author,
            }
            for n in notes
        ]
        _out(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for n in notes:
        mark = " [§ 65]" if n.entrusted else ""
        _out(f"{n.occurred_on:%d.%m.%Y}  {NoteKind(n.kind).label}{mark}  {n.author}")
        _out("    " + n.text.replace("\n", "\n    "))
    _out(f"{len(notes)} Einträge")
