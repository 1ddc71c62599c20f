"""The case files over HTTP (``api``): the list, the file as this person may see it, every
change to it, goals and conferences, the case team and the documents. Each endpoint hands the
request to ``service.TeamService``, which decides it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi import Path as FastPath
from fastapi.concurrency import run_in_threadpool
from pydantic import Field

from sro_case.cases.importing import ImportReport
from sro_case.domain import models as m
from sro_case.server.requests import MAX_ID, Service, as_json, version_of
from sro_case.server.service import Member

router = APIRouter()


@dataclass(frozen=True)
class CaseFile:
    case: m.CaseDetail
    release: m.CaseRelease


@dataclass(frozen=True)
class ConferenceRequest:
    conference: m.ConferenceDraft
    reviews: tuple[m.ReviewDraft, ...] = ()


@dataclass(frozen=True)
class StatusRequest:
    to_status: str


@dataclass(frozen=True)
class EndRequest:
    end_on: date
    end_reason: str


@dataclass(frozen=True)
class MemberRequest:
    login: str


@dataclass(frozen=True)
class CloseRequest:
    end_reason: str
    closed_on: date | None = None
    end_running_helps: bool = False


@dataclass(frozen=True)
class ReasonRequest:
    reason: str


@dataclass(frozen=True)
class RevokeRequest:
    revoked_on: date | None = None


@dataclass(frozen=True)
class StatusChange:
    status: str


@dataclass(frozen=True)
class StepDone:
    done: bool = True


@dataclass(frozen=True)
class DocumentRecord:
    kind: Literal["protocol", "help_plan"]
    sha256: str
    conference_id: Annotated[int, Field(ge=1, le=MAX_ID)] | None = None


@dataclass(frozen=True)
class OverdueStep:
    file_number: str
    step: m.ActionStep


def _filter(
    search: str = "",
    social_space: str | None = None,
    status: str | None = None,
    worker: str | None = None,
    review_due: bool = False,
    include_closed: bool = True,
) -> m.CaseFilter:
    """The case list's filter from the query (``CaseFilter``'s fields)."""
    return m.CaseFilter(
        search[:200] or None,
        (social_space or "")[:100] or None,
        (status or "")[:100] or None,
        (worker or "")[:100] or None,
        review_due,
        include_closed,
    )


Filter = Annotated[m.CaseFilter, Depends(_filter)]


@router.get("/cases", tags=["Fälle"], response_model=list[m.CaseSummary])
def cases(
    svc: Service,
    f: Filter,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    sort: str = "file_number",
    descending: bool = False,
) -> Response:
    rows = svc.list_cases(limit=limit, offset=offset, sort=sort, descending=descending, f=f)
    return as_json(list[m.CaseSummary], rows)


@router.get("/case-count", tags=["Fälle"])
def case_count(svc: Service, f: Filter) -> int:
    return svc.count_cases(f)


@router.get("/case-ids/{case_id}", tags=["Fälle"])
def file_number_of(svc: Service, case_id: Annotated[int, FastPath(ge=1, le=MAX_ID)]) -> str:
    """The file number of a case by its id (the facade names cases by id)."""
    return svc.file_number_of(case_id)


@router.get("/cases/{file_number:path}/summary", tags=["Fälle"])
def summary(svc: Service, file_number: str) -> m.CaseSummary:
    """The case's line in the list (not a read of the file)."""
    return svc.summary(file_number)


@router.post("/cases", status_code=201, tags=["Fälle"])
def create_case(svc: Service, body: m.CaseDraft) -> m.CaseSummary:
    return svc.create_case(body)


@router.get("/cases/{file_number:path}/notes", tags=["Fälle"])
def notes(svc: Service, file_number: str) -> list[m.CaseNote]:
    return list(svc.notes(file_number))


@router.post("/cases/{file_number:path}/notes", status_code=201, tags=["Fälle"])
def add_note(
    svc: Service,
    file_number: str,
    body: m.NoteDraft,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> m.CaseNote:
    note = svc.add_note(file_number, body, expected_version=version_of(if_match, required=False))
    response.headers["ETag"] = f'"{svc.version(file_number)}"'
    return note


@router.patch("/cases/{file_number:path}/fields", status_code=204, tags=["Fälle"])
def update_case(
    svc: Service,
    file_number: str,
    body: m.CaseEdit,
    if_match: Annotated[str | None, Header()] = None,
) -> Response:
    """The case's fields; with ``If-Match`` refused (409) when the case has changed since."""
    svc.update_case(file_number, body, expected_version=version_of(if_match, required=False))
    return Response(status_code=204, headers={"ETag": f'"{svc.version(file_number)}"'})


@router.post("/cases/{file_number:path}/status", status_code=204, tags=["Fälle"])
def change_status(svc: Service, file_number: str, body: StatusRequest) -> Response:
    svc.change_status(file_number, body.to_status)
    return Response(status_code=204)


@router.post("/cases/{file_number:path}/persons", status_code=201, tags=["Fälle"])
def add_person(svc: Service, file_number: str, body: m.PersonDraft) -> m.Person:
    return svc.add_person(file_number, body)


@router.put("/cases/{file_number:path}/family", tags=["Fälle"])
def update_family(svc: Service, file_number: str, body: m.FamilyDraft) -> m.Family:
    return svc.update_family(file_number, body)


@router.post("/cases/{file_number:path}/helps", status_code=201, tags=["Fälle"])
def add_help(svc: Service, file_number: str, body: m.HelpDraft) -> m.Help:
    return svc.add_help(file_number, body)


@router.post("/helps/{help_id}/end", status_code=204, tags=["Fälle"])
def end_help(
    svc: Service, help_id: Annotated[int, FastPath(ge=1, le=MAX_ID)], body: EndRequest
) -> Response:
    svc.end_help(help_id, body.end_on, body.end_reason)
    return Response(status_code=204)


@router.post("/cases/{file_number:path}/resources", status_code=201, tags=["Fälle"])
def add_resource(svc: Service, file_number: str, body: m.ResourceDraft) -> m.Resource:
    return svc.add_resource(file_number, body)


@router.post("/cases/{file_number:path}/consents", status_code=201, tags=["Fälle"])
def add_consent(svc: Service, file_number: str, body: m.ConsentDraft) -> m.Consent:
    return svc.add_consent(file_number, body)


@router.post("/cases/{file_number:path}/conferences", status_code=201, tags=["Fälle"])
def record_conference(
    svc: Service,
    file_number: str,
    body: ConferenceRequest,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> m.Conference:
    expected = version_of(if_match, required=True)
    assert expected is not None
    saved = svc.record_conference(
        file_number, body.conference, body.reviews, expected_version=expected
    )
    response.headers["ETag"] = f'"{svc.version(file_number)}"'
    return saved


@router.get(
    "/cases/{file_number:path}/document",
    tags=["Fälle"],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
def document(
    svc: Service,
    file_number: str,
    kind: Literal["protocol", "help_plan"] = "protocol",
    conference: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> Response:
    """Conference protocol (default: the latest conference) or § 36 help plan, as PDF."""
    data = svc.document(file_number, kind, conference_id=conference)
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{kind}.pdf"'},
    )


@router.get("/cases/{file_number:path}/team", tags=["Fallteam"])
def team(svc: Service, file_number: str) -> list[Member]:
    return svc.team(file_number)


@router.post("/cases/{file_number:path}/team", status_code=201, tags=["Fallteam"])
def add_member(svc: Service, file_number: str, body: MemberRequest) -> Member:
    return svc.add_member(file_number, body.login)


@router.delete("/cases/{file_number:path}/team/{login}", status_code=204, tags=["Fallteam"])
def remove_member(svc: Service, file_number: str, login: str) -> Response:
    svc.remove_member(file_number, login)
    return Response(status_code=204)


@router.post(
    "/imports",
    status_code=201,
    tags=["Fälle"],
    openapi_extra={
        "requestBody": {
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
            "required": True,
        }
    },
)
async def import_file(
    svc: Service, request: Request, name: Annotated[str, Query(max_length=200)] = "fallliste.csv"
) -> ImportReport:
    """A case list as CSV or XLSX (the file itself, up to 50 MB), checked and written by the
    server all or nothing; ``name`` gives the type by its ending."""
    data = await request.body()
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    return await run_in_threadpool(svc.import_file, data, suffix)


@router.get("/duplicates", tags=["Fälle"])
def duplicates(
    svc: Service, last_name: str, first_name: str = "", birth_date: date | None = None
) -> list[m.DuplicateCandidate]:
    """Families like this one among the cases this person may see."""
    return svc.find_duplicates(last_name[:200], first_name[:200], birth_date)


@router.get("/cases/{file_number:path}/running-helps", tags=["Fälle"])
def running_helps(svc: Service, file_number: str) -> list[m.Help]:
    return svc.running_helps(file_number)


@router.get("/cases/{file_number:path}/audit-trail", tags=["Fälle"])
def audit_trail(svc: Service, file_number: str) -> list[m.AuditEvent]:
    """Who changed the case file, and when (whoever sees the whole file)."""
    return svc.audit_trail(file_number)


@router.post("/cases/{file_number:path}/close", status_code=204, tags=["Fälle"])
def close_case(svc: Service, file_number: str, body: CloseRequest) -> Response:
    svc.close_case(
        file_number, body.end_reason, body.closed_on, end_running_helps=body.end_running_helps
    )
    return Response(status_code=204)


@router.post("/cases/{file_number:path}/reopen", status_code=204, tags=["Fälle"])
def reopen(svc: Service, file_number: str, body: ReasonRequest) -> Response:
    svc.reopen(file_number, body.reason)
    return Response(status_code=204)


@router.put("/cases/{file_number:path}/persons/{person_id}", tags=["Fälle"])
def update_person(
    svc: Service,
    file_number: str,
    person_id: Annotated[int, FastPath(ge=1, le=MAX_ID)],
    body: m.PersonDraft,
) -> m.Person:
    return svc.update_person(file_number, person_id, body)


@router.put("/helps/{help_id}", tags=["Fälle"])
def update_help(
    svc: Service, help_id: Annotated[int, FastPath(ge=1, le=MAX_ID)], body: m.HelpDraft
) -> m.Help:
    return svc.update_help(help_id, body)


@router.post("/consents/{consent_id}/revoke", status_code=204, tags=["Fälle"])
def revoke_consent(
    svc: Service, consent_id: Annotated[int, FastPath(ge=1, le=MAX_ID)], body: RevokeRequest
) -> Response:
    svc.revoke_consent(consent_id, body.revoked_on)
    return Response(status_code=204)


@router.post("/cases/{file_number:path}/goals", status_code=201, tags=["Konferenzen"])
def add_goal(svc: Service, file_number: str, body: m.GoalDraft) -> m.Goal:
    return svc.add_goal(file_number, body)


@router.post("/goal-reviews", status_code=201, tags=["Konferenzen"])
def review_goal(svc: Service, body: m.ReviewDraft) -> m.GoalReview:
    return svc.review_goal(body)


@router.put("/goals/{goal_id}/status", status_code=204, tags=["Konferenzen"])
def set_goal_status(
    svc: Service, goal_id: Annotated[int, FastPath(ge=1, le=MAX_ID)], body: StatusChange
) -> Response:
    svc.set_goal_status(goal_id, body.status)
    return Response(status_code=204)


@router.put("/steps/{step_id}/done", status_code=204, tags=["Konferenzen"])
def set_step_done(
    svc: Service, step_id: Annotated[int, FastPath(ge=1, le=MAX_ID)], body: StepDone
) -> Response:
    svc.set_step_done(step_id, body.done)
    return Response(status_code=204)


@router.get("/overdue-steps", tags=["Konferenzen"])
def overdue_steps(svc: Service, on: date | None = None) -> list[OverdueStep]:
    """Open steps past their date, of the cases this person sees whole."""
    return [OverdueStep(number, step) for number, step in svc.overdue_steps(on)]


@router.get("/cases/{file_number:path}/document-source", tags=["Fälle"])
def document_source(
    svc: Service,
    file_number: str,
    kind: Literal["protocol", "help_plan"] = "protocol",
    conference: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    initials: bool | None = None,
) -> m.DocumentSource:
    """What a protocol or help plan is rendered from (the client renders it)."""
    return svc.document_source(file_number, kind, conference_id=conference, initials=initials)


@router.post("/cases/{file_number:path}/document-record", status_code=204, tags=["Fälle"])
def record_document(svc: Service, file_number: str, body: DocumentRecord) -> Response:
    """A document the client rendered, recorded (with its SHA-256) before it is saved."""
    svc.record_document(file_number, body.kind, body.conference_id, body.sha256)
    return Response(status_code=204)


@router.get("/cases/{file_number:path}", tags=["Fälle"], response_model=CaseFile)
def show_case(svc: Service, file_number: str) -> Response:
    view = svc.show_case(file_number)
    r = view.release
    release = m.CaseRelease(
        r.full, r.cleared, r.parts, r.withheld, str(r.reason), svc.account.discipline
    )
    etag = {"ETag": f'"{view.case.summary.version}"'}
    return as_json(CaseFile, CaseFile(view.case, release), headers=etag)
