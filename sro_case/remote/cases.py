"""``app.Cases``, ``app.Conferences`` and ``app.Documents`` on a team server: the case list,
the case file as this person may see it, every change to it, goals and conferences, and the
case's PDFs (rendered here, recorded there). The server decides what comes back."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sro_case.documents import render_document
from sro_case.domain import models as m
from sro_case.domain.json_types import dump, load
from sro_case.remote.wire import Link, az, save_bytes


def _query(f: m.CaseFilter | None) -> dict[str, Any]:
    f = f or m.CaseFilter()
    params: dict[str, Any] = {
        "search": f.search or "",
        "review_due": str(f.review_due).lower(),
        "include_closed": str(f.include_closed).lower(),
    }
    for name in ("social_space", "status", "worker"):
        if getattr(f, name):
            params[name] = getattr(f, name)
    return params


class RemoteCases:
    """``app.Cases`` on a team server."""

    def __init__(self, link: Link) -> None:
        self._link = link
        self._server = link.server

    def list(
        self,
        f: m.CaseFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        sort: str = "file_number",
        descending: bool = False,
    ) -> builtins.list[m.CaseSummary]:
        params = _query(f) | {
            "limit": limit or 1000,
            "offset": offset,
            "sort": sort,
            "descending": str(descending).lower(),
        }
        rows: builtins.list[m.CaseSummary] = load(
            builtins.list[m.CaseSummary], self._server.get_params("/cases", params)
        )
        for row in rows:
            self._link.numbers[row.id] = row.file_number
        return rows

    def count(self, f: m.CaseFilter | None = None) -> int:
        return int(self._server.get_params("/case-count", _query(f)))

    def id_for(self, file_number: str) -> int:
        summary: m.CaseSummary = load(
            m.CaseSummary, self._server.get(f"/cases/{az(file_number)}/summary")
        )
        self._link.numbers[summary.id] = summary.file_number
        return summary.id

    def file_number(self, case_id: int) -> str:
        return self._link.file_number(case_id)

    def find_duplicates(
        self, last_name: str, first_name: str = "", birth_date: date | None = None
    ) -> builtins.list[m.DuplicateCandidate]:
        params = {"last_name": last_name, "first_name": first_name}
        if birth_date is not None:
            params["birth_date"] = birth_date.isoformat()
        return load(
            builtins.list[m.DuplicateCandidate], self._server.get_params("/duplicates", params)
        )

    def get(self, case_id: int) -> m.CaseDetail:
        shown = self._server.get(self._link.case_path(case_id))
        detail: m.CaseDetail = load(m.CaseDetail, shown["case"])
        self._link.versions[case_id] = detail.summary.version
        self._link.releases[case_id] = load(m.CaseRelease, shown["release"])
        return detail

    def create(self, draft: m.CaseDraft) -> m.CaseSummary:
        made: m.CaseSummary = load(m.CaseSummary, self._server.post("/cases", dump(draft)))
        self._link.numbers[made.id] = made.file_number
        return made

    def update(self, case_id: int, edit: m.CaseEdit) -> None:
        """The fields, on the version of the case this client last read: refused
        (``Conflict``, both versions named) if a colleague saved the case since."""
        path = self._link.case_path(case_id, "/fields")
        self._server.patch(path, dump(edit), if_match=self._link.versions.get(case_id))
        if self._server.etag is not None:
            self._link.versions[case_id] = self._server.etag

    def change_status(self, case_id: int, to_status: str) -> None:
        self._server.post(self._link.case_path(case_id, "/status"), {"to_status": to_status})
        self._link.wrote(case_id)

    def running_helps(self, case_id: int) -> builtins.list[m.Help]:
        path = self._link.case_path(case_id, "/running-helps")
        return load(builtins.list[m.Help], self._server.get(path))

    def close(
        self,
        case_id: int,
        end_reason: str,
        closed_on: date | None = None,
        *,
        end_running_helps: bool = False,
    ) -> None:
        body = {
            "end_reason": end_reason,
            "closed_on": closed_on.isoformat() if closed_on else None,
            "end_running_helps": end_running_helps,
        }
        self._server.post(self._link.case_path(case_id, "/close"), body)
        self._link.wrote(case_id)

    def reopen(self, case_id: int, reason: str) -> None:
        self._server.post(self._link.case_path(case_id, "/reopen"), {"reason": reason})
        self._link.wrote(case_id)

    def add_person(self, case_id: int, draft: m.PersonDraft) -> m.Person:
        path = self._link.case_path(case_id, "/persons")
        self._link.wrote(case_id)
        return load(m.Person, self._server.post(path, dump(draft)))

    def update_person(self, case_id: int, person_id: int, draft: m.PersonDraft) -> m.Person:
        path = self._link.case_path(case_id, f"/persons/{int(person_id)}")
        self._link.wrote(case_id)
        return load(m.Person, self._server.put(path, dump(draft)))

    def update_family(self, case_id: int, draft: m.FamilyDraft) -> m.Family:
        path = self._link.case_path(case_id, "/family")
        self._link.wrote(case_id)
        return load(m.Family, self._server.put(path, dump(draft)))

    def add_consent(self, case_id: int, draft: m.ConsentDraft) -> m.Consent:
        path = self._link.case_path(case_id, "/consents")
        self._link.wrote(case_id)
        return load(m.Consent, self._server.post(path, dump(draft)))

    def revoke_consent(self, consent_id: int, revoked_on: date | None = None) -> None:
        body = {"revoked_on": revoked_on.isoformat() if revoked_on else None}
        self._server.post(f"/consents/{int(consent_id)}/revoke", body)

    def add_note(self, case_id: int, draft: m.NoteDraft) -> m.CaseNote:
        path = self._link.case_path(case_id, "/notes")
        self._link.wrote(case_id)
        return load(m.CaseNote, self._server.post(path, dump(draft)))

    def add_help(self, case_id: int, draft: m.HelpDraft) -> m.Help:
        path = self._link.case_path(case_id, "/helps")
        self._link.wrote(case_id)
        return load(m.Help, self._server.post(path, dump(draft)))

    def update_help(self, help_id: int, draft: m.HelpDraft) -> m.Help:
        return load(m.Help, self._server.put(f"/helps/{int(help_id)}", dump(draft)))

    def end_help(self, help_id: int, end_on: date, end_reason: str) -> None:
        body = {"end_on": end_on.isoformat(), "end_reason": end_reason}
        self._server.post(f"/helps/{int(help_id)}/end", body)

    def add_resource(self, case_id: int, draft: m.ResourceDraft) -> m.Resource:
        path = self._link.case_path(case_id, "/resources")
        self._link.wrote(case_id)
        return load(m.Resource, self._server.post(path, dump(draft)))

    def audit_trail(self, case_id: int) -> builtins.list[m.AuditEvent]:
        path = self._link.case_path(case_id, "/audit-trail")
        return load(builtins.list[m.AuditEvent], self._server.get(path))


class RemoteConferences:
    """``app.Conferences`` on a team server. A conference is saved on the version of the case
    this client last read (the capture began on it): if anyone changed the case since, the
    server refuses (``Conflict``) – never merged."""

    def __init__(self, link: Link) -> None:
        self._link = link
        self._server = link.server

    def record(
        self,
        case_id: int,
        draft: m.ConferenceDraft,
        reviews: Sequence[m.ReviewDraft] = (),
        *,
        expected_version: int | None = None,
    ) -> m.Conference:
        version = expected_version
        if version is None:
            version = self._link.versions.get(case_id)
        if version is None:  # never read here: the capture rests on the case as it is now
            path = self._link.case_path(case_id, "/summary")
            version = load(m.CaseSummary, self._server.get(path)).version
        body = {"conference": dump(draft), "reviews": [dump(r) for r in reviews]}
        saved: m.Conference = load(
            m.Conference,
            self._server.post(
                self._link.case_path(case_id, "/conferences"), body, if_match=version
            ),
        )
        if self._server.etag is not None:
            self._link.versions[case_id] = self._server.etag
        return saved

    def add_goal(self, case_id: int, draft: m.GoalDraft) -> m.Goal:
        path = self._link.case_path(case_id, "/goals")
        return load(m.Goal, self._server.post(path, dump(draft)))

    def review_goal(self, draft: m.ReviewDraft) -> m.GoalReview:
        return load(m.GoalReview, self._server.post("/goal-reviews", dump(draft)))

    def set_goal_status(self, goal_id: int, status: str) -> None:
        self._server.put(f"/goals/{int(goal_id)}/status", {"status": status})

    def set_step_done(self, step_id: int, done: bool = True) -> None:
        self._server.put(f"/steps/{int(step_id)}/done", {"done": done})

    def overdue_steps(self, on: date | None = None) -> list[tuple[str, m.ActionStep]]:
        params = {"on": on.isoformat()} if on else {}
        rows = self._server.get_params("/overdue-steps", params)
        return [(str(r["file_number"]), load(m.ActionStep, r["step"])) for r in rows]


class RemoteDocuments:
    """``app.Documents`` on a team server: the source comes from the server (whole file
    only), the PDF is rendered on this PC and recorded there with its SHA-256."""

    def __init__(self, link: Link) -> None:
        self._link = link
        self._server = link.server

    def conference_protocol(
        self,
        case_id: int,
        out: Path,
        *,
        conference_id: int | None = None,
        initials: bool | None = None,
    ) -> Path:
        source = self.source(case_id, "protocol", conference_id=conference_id, initials=initials)
        return self.record(source, out, render_document(source))

    def help_plan(self, case_id: int, out: Path, *, initials: bool | None = None) -> Path:
        source = self.source(case_id, "help_plan", initials=initials)
        return self.record(source, out, render_document(source))

    def source(
        self,
        case_id: int,
        kind: str,
        *,
        conference_id: int | None = None,
        initials: bool | None = None,
    ) -> m.DocumentSource:
        params: dict[str, Any] = {"kind": kind}
        if conference_id is not None:
            params["conference"] = conference_id
        if initials is not None:
            params["initials"] = str(initials).lower()
        path = self._link.case_path(case_id, "/document-source")
        return load(m.DocumentSource, self._server.get_params(path, params))

    def record(self, source: m.DocumentSource, out: Path, data: bytes) -> Path:
        path = self._link.case_path(source.case.summary.id, "/document-record")
        conference = source.conference.id if source.conference is not None else None

        def record(sha256: str) -> None:
            body = {"kind": source.kind, "sha256": sha256, "conference_id": conference}
            self._server.post(path, body)

        return save_bytes(Path(out), data, record)


class RemoteCaseTeams:
    """``app.CaseTeams``: the lead worker adds and removes colleagues; everyone of the team sees
    who belongs to it, and the client says what the consents release to them."""

    def __init__(self, link: Link) -> None:
        self._link = link
        self._server = link.server

    def members(self, case_id: int) -> builtins.list[m.TeamMember]:
        path = self._link.case_path(case_id, "/team")
        return load(builtins.list[m.TeamMember], self._server.get(path))

    def colleagues(self) -> builtins.list[m.TeamMember]:
        return load(builtins.list[m.TeamMember], self._server.get("/colleagues"))

    def add(self, case_id: int, login: str) -> m.TeamMember:
        path = self._link.case_path(case_id, "/team")
        return load(m.TeamMember, self._server.post(path, {"login": login}))

    def remove(self, case_id: int, login: str) -> None:
        path = self._link.case_path(case_id, f"/team/{az(login)}")
        self._server.delete(path)

    def release(self, case_id: int) -> m.CaseRelease:
        """What this person sees of the case, as the server said with the last read of it."""
        if case_id not in self._link.releases:
            RemoteCases(self._link).get(case_id)
        release: m.CaseRelease = self._link.releases[case_id]
        return release
