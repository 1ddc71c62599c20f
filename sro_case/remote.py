"""The facade over the team server (#17/#18): the ``sro_case.app`` operations a front end calls,
sent to a team server instead of the encrypted file on this PC. The desktop client in team mode
(#18) will be built on this; the behaviour suite runs the same tests against both
(``tests/test_facade_behaviour.py``).

So far the case file's part of ``app.Cases``: the list (search, paging, sorting), count, the
case by file number and by id, creating and changing a case (fields, status, persons, family,
helps, resources), notes and consents. The server decides what
comes back: the case file as this person may see it.
"""

from __future__ import annotations

import builtins
from datetime import date
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import TypeAdapter

from sro_case.domain import models as m
from sro_case.domain.messages import T
from sro_case.errors import SroCaseError
from sro_case.server.client import TeamServer

D = TypeVar("D")


def _load(kind: type[D], data: Any) -> D:
    return TypeAdapter(kind).validate_python(data)


def _dump(value: object) -> Any:
    return TypeAdapter(type(value)).dump_python(value, mode="json")


def _az(file_number: str) -> str:
    return quote(file_number.strip(), safe="")


class RemoteCases:
    """``app.Cases`` on a team server (the part built so far)."""

    def __init__(self, server: TeamServer) -> None:
        self._server = server

    def list(
        self,
        f: m.CaseFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        sort: str = "file_number",
        descending: bool = False,
    ) -> builtins.list[m.CaseSummary]:
        f = f or m.CaseFilter()
        _only_search(f)
        rows = self._server.get_params(
            "/cases",
            {
                "search": f.search or "",
                "limit": limit or 1000,
                "offset": offset,
                "sort": sort,
                "descending": str(descending).lower(),
            },
        )
        return _load(builtins.list[m.CaseSummary], rows)

    def count(self, f: m.CaseFilter | None = None) -> int:
        f = f or m.CaseFilter()
        _only_search(f)
        return int(self._server.get_params("/case-count", {"search": f.search or ""}))

    def id_for(self, file_number: str) -> int:
        return _load(m.CaseSummary, self._server.get(f"/cases/{_az(file_number)}/summary")).id

    def file_number(self, case_id: int) -> str:
        return str(self._server.get(f"/case-ids/{int(case_id)}"))

    def get(self, case_id: int) -> m.CaseDetail:
        shown = self._server.get(f"/cases/{_az(self.file_number(case_id))}")
        return _load(m.CaseDetail, shown["case"])

    def create(self, draft: m.CaseDraft) -> m.CaseSummary:
        return _load(m.CaseSummary, self._server.post("/cases", _dump(draft)))

    def add_note(self, case_id: int, draft: m.NoteDraft) -> m.CaseNote:
        path = f"/cases/{_az(self.file_number(case_id))}/notes"
        return _load(m.CaseNote, self._server.post(path, _dump(draft)))

    def update(self, case_id: int, edit: m.CaseEdit) -> None:
        self._server.patch(f"/cases/{_az(self.file_number(case_id))}/fields", _dump(edit))

    def change_status(self, case_id: int, to_status: str) -> None:
        path = f"/cases/{_az(self.file_number(case_id))}/status"
        self._server.post(path, {"to_status": to_status})

    def add_person(self, case_id: int, draft: m.PersonDraft) -> m.Person:
        path = f"/cases/{_az(self.file_number(case_id))}/persons"
        return _load(m.Person, self._server.post(path, _dump(draft)))

    def update_family(self, case_id: int, draft: m.FamilyDraft) -> m.Family:
        path = f"/cases/{_az(self.file_number(case_id))}/family"
        return _load(m.Family, self._server.put(path, _dump(draft)))

    def add_help(self, case_id: int, draft: m.HelpDraft) -> m.Help:
        path = f"/cases/{_az(self.file_number(case_id))}/helps"
        return _load(m.Help, self._server.post(path, _dump(draft)))

    def end_help(self, help_id: int, end_on: date, end_reason: str) -> None:
        body = {"end_on": end_on.isoformat(), "end_reason": end_reason}
        self._server.post(f"/helps/{int(help_id)}/end", body)

    def add_resource(self, case_id: int, draft: m.ResourceDraft) -> m.Resource:
        path = f"/cases/{_az(self.file_number(case_id))}/resources"
        return _load(m.Resource, self._server.post(path, _dump(draft)))

    def add_consent(self, case_id: int, draft: m.ConsentDraft) -> m.Consent:
        path = f"/cases/{_az(self.file_number(case_id))}/consents"
        return _load(m.Consent, self._server.post(path, _dump(draft)))


def _only_search(f: m.CaseFilter) -> None:
    if f.social_space or f.status or f.worker or f.review_due or not f.include_closed:
        raise SroCaseError(T("Auf dem Teamserver filtert die Fallliste bisher nur nach der Suche."))
