"""The team server over HTTP (``sro-case server run``): version 1 of the API under ``/api/v1``,
its OpenAPI document at ``/api/v1/openapi.json``. Every endpoint but signing in needs a session
token (``Authorization: Bearer …``) and is decided by ``service.TeamService``; the bodies are the
facade's frozen dataclasses. Errors are German sentences in ``detail``:

401 signed out or expired · 403 not permitted (audited) · 404 absent · 409 changed by someone
else · 413 request too large · 422 invalid input (``problems``) · 429 sign-in locked.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal
from urllib.parse import quote

import psycopg
from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi import Path as FastPath
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.exc import DataError

from sro_case import __version__
from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain import models as m
from sro_case.domain.messages import T
from sro_case.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    SroCaseError,
    ValidationError,
    WrongPassphrase,
)
from sro_case.server import accounts
from sro_case.server.events import Hub, Listener
from sro_case.server.service import Member, TeamService

PREFIX = "/api/v1"
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
HEARTBEAT_S = 15.0
MAX_ID = 2**31 - 1  # PostgreSQL's INTEGER
MAX_BODY = 1024 * 1024  # bytes; a case note of 10,000 characters is far below


@dataclass(frozen=True)
class SignInRequest:
    login: str
    passphrase: str


@dataclass(frozen=True)
class SignInResponse:
    token: str
    login: str
    name: str
    role: str
    discipline: str


@dataclass(frozen=True)
class Info:
    server: str
    version: str
    login: str
    name: str
    role: str
    discipline: str


@dataclass(frozen=True)
class ReleaseView:
    full: bool
    cleared: bool
    parts: list[str]
    withheld: list[str]
    reason: str


@dataclass(frozen=True)
class CaseFile:
    case: m.CaseDetail
    release: ReleaseView


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
class AuditReport:
    entries: int
    intact: bool
    problems: list[str]


@dataclass(frozen=True)
class UserRequest:
    login: str
    name: str
    role: str
    passphrase: str
    discipline: str = ""
    team: str = ""


def _status(exc: SroCaseError) -> int:
    if isinstance(exc, accounts.SignInLocked):
        return 429
    if isinstance(exc, accounts.SessionExpired | WrongPassphrase):
        return 401
    if isinstance(exc, PermissionDenied):
        return 403
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, ValidationError):
        return 422
    if isinstance(exc, Conflict):
        return 409
    if isinstance(exc, PreconditionRequired):
        return 428
    return 400


class PreconditionRequired(SroCaseError):
    """A save that could overwrite someone else's work needs the version it rests on."""


def _version(if_match: str | None, *, required: bool) -> int | None:
    """The version an ``If-Match`` header names (``"7"`` or ``7``)."""
    if if_match is None:
        if required:
            raise PreconditionRequired(
                "Speichern braucht die Version, auf der die Eingaben beruhen (If-Match)."
            )
        return None
    text = if_match.strip().removeprefix("W/").strip('"')
    if not text.isdigit():
        raise ValidationError([("If-Match", "Die Version muss eine Zahl sein.")])
    return int(text)


def from_environment() -> FastAPI:
    """The app in a worker process of ``server run --workers N`` (uvicorn's factory): the
    database from ``SRO_CASE_SERVER_PG``, each process with a pool of its own."""
    import os

    from sro_case.server.database import server_engine

    url = os.environ["SRO_CASE_SERVER_PG"]
    return create_app(server_engine(url), name=os.environ.get("SRO_CASE_SERVER_NAME", ""))


_bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _service(request: Request, credentials: Credentials) -> TeamService:
    """The signed-in person's service, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise accounts.SessionExpired("Bitte melden Sie sich an.")
    engine, clock = request.app.state.engine, request.app.state.clock
    account = accounts.authenticate(engine, credentials.credentials, clock)
    return TeamService(engine, account, clock)


Service = Annotated[TeamService, Depends(_service)]


def create_app(engine: Engine, *, clock: Clock = SYSTEM_CLOCK, name: str = "") -> FastAPI:
    """The API over ``engine`` (``database.server_engine``)."""
    hub = Hub()
    conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        listener = Listener(lambda: psycopg.connect(conninfo, autocommit=True), hub)
        listener.start()
        await run_in_threadpool(listener.ready.wait, 10)
        try:
            yield
        finally:
            listener.stop()

    app = FastAPI(
        title="SRO-Fallmanagement Teamserver",
        version=__version__,
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.hub = hub
    app.state.engine = engine
    app.state.clock = clock

    @app.middleware("http")
    async def limit_size(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse({"detail": "Die Anfrage ist zu groß."}, status_code=413)
        if length is None and request.method in ("POST", "PUT", "PATCH"):
            return JSONResponse({"detail": "Die Anfrage braucht eine Längenangabe."}, 411)
        return await call_next(request)

    @app.exception_handler(DataError)
    async def out_of_range(_request: Request, _exc: DataError) -> JSONResponse:
        """A value PostgreSQL cannot hold (an id past 2**31, say): the request's fault."""
        detail = T("Ein Wert der Anfrage liegt außerhalb des erlaubten Bereichs.")
        return JSONResponse({"detail": str(detail)}, status_code=422)

    @app.exception_handler(SroCaseError)
    async def german_error(_request: Request, exc: SroCaseError) -> JSONResponse:
        # the kind of error, so that the facade over the server raises what the file's would
        body: dict[str, object] = {"detail": str(exc), "kind": type(exc).__name__}
        if isinstance(exc, ValidationError):
            body["problems"] = [{"field": f, "message": msg} for f, msg in exc.problems]
        headers = {"WWW-Authenticate": "Bearer"} if _status(exc) == 401 else None
        return JSONResponse(body, status_code=_status(exc), headers=headers)

    @app.post(f"{PREFIX}/session", tags=["Anmeldung"])
    def sign_in(body: SignInRequest) -> SignInResponse:
        signed = accounts.sign_in(engine, body.login, body.passphrase, clock)
        a = signed.account
        return SignInResponse(signed.token, a.login, a.name, a.role, a.discipline)

    @app.delete(f"{PREFIX}/session", status_code=204, tags=["Anmeldung"])
    def sign_out(credentials: Credentials) -> Response:
        if credentials is not None:
            accounts.sign_out(engine, credentials.credentials, clock)
        return Response(status_code=204)

    @app.get(f"{PREFIX}/info", tags=["Anmeldung"])
    def info(svc: Service) -> Info:
        a = svc.account
        return Info(name, __version__, a.login, a.name, a.role, a.discipline)

    @app.get(
        f"{PREFIX}/events",
        tags=["Live"],
        response_class=StreamingResponse,
        responses={200: {"content": {"text/event-stream": {}}}},
    )
    async def events(request: Request, svc: Service) -> StreamingResponse:
        """Server-sent events: ``case`` with ``{"file_number", "version"}`` whenever a case
        this person may see was changed; a comment every 15 s; ``signed_out`` at the end of
        the session."""
        queue = hub.subscribe()
        token = request.headers.get("authorization", "").partition(" ")[2]

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 2000\n\n"
                while not await request.is_disconnected():
                    try:
                        case_id = await asyncio.wait_for(queue.get(), timeout=HEARTBEAT_S)
                    except TimeoutError:
                        try:
                            await run_in_threadpool(accounts.authenticate, engine, token, clock)
                        except SroCaseError:
                            yield "event: signed_out\ndata: {}\n\n"
                            return
                        yield ": ping\n\n"
                        continue
                    seen = await run_in_threadpool(svc.visible_change, case_id)
                    if seen is not None:
                        data = json.dumps({"file_number": seen[0], "version": seen[1]})
                        yield f"event: case\ndata: {data}\n\n"
            finally:
                hub.unsubscribe(queue)

        return StreamingResponse(
            stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
        )

    @app.get(f"{PREFIX}/cases", tags=["Fälle"])
    def cases(
        svc: Service,
        search: str = "",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
        sort: str = "file_number",
        descending: bool = False,
    ) -> list[m.CaseSummary]:
        return svc.list_cases(search[:200], limit, offset=offset, sort=sort, descending=descending)

    @app.get(f"{PREFIX}/case-count", tags=["Fälle"])
    def case_count(svc: Service, search: str = "") -> int:
        return svc.count_cases(m.CaseFilter(search=search[:200] or None))

    @app.get(f"{PREFIX}/case-ids/{{case_id}}", tags=["Fälle"])
    def file_number_of(svc: Service, case_id: Annotated[int, FastPath(ge=1, le=MAX_ID)]) -> str:
        """The file number of a case by its id (the facade names cases by id)."""
        return svc.file_number_of(case_id)

    @app.get(f"{PREFIX}/cases/{{file_number:path}}/summary", tags=["Fälle"])
    def summary(svc: Service, file_number: str) -> m.CaseSummary:
        """The case's line in the list (not a read of the file)."""
        return svc.summary(file_number)

    @app.post(f"{PREFIX}/cases", status_code=201, tags=["Fälle"])
    def create_case(svc: Service, body: m.CaseDraft) -> m.CaseSummary:
        return svc.create_case(body)

    @app.get(f"{PREFIX}/cases/{{file_number:path}}/notes", tags=["Fälle"])
    def notes(svc: Service, file_number: str) -> list[m.CaseNote]:
        return list(svc.notes(file_number))

    @app.post(f"{PREFIX}/cases/{{file_number:path}}/notes", status_code=201, tags=["Fälle"])
    def add_note(
        svc: Service,
        file_number: str,
        body: m.NoteDraft,
        response: Response,
        if_match: Annotated[str | None, Header()] = None,
    ) -> m.CaseNote:
        note = svc.add_note(file_number, body, expected_version=_version(if_match, required=False))
        response.headers["ETag"] = f'"{svc.version(file_number)}"'
        return note

    @app.patch(f"{PREFIX}/cases/{{file_number:path}}/fields", status_code=204, tags=["Fälle"])
    def update_case(svc: Service, file_number: str, body: m.CaseEdit) -> Response:
        svc.update_case(file_number, body)
        return Response(status_code=204)

    @app.post(f"{PREFIX}/cases/{{file_number:path}}/status", status_code=204, tags=["Fälle"])
    def change_status(svc: Service, file_number: str, body: StatusRequest) -> Response:
        svc.change_status(file_number, body.to_status)
        return Response(status_code=204)

    @app.post(f"{PREFIX}/cases/{{file_number:path}}/persons", status_code=201, tags=["Fälle"])
    def add_person(svc: Service, file_number: str, body: m.PersonDraft) -> m.Person:
        return svc.add_person(file_number, body)

    @app.put(f"{PREFIX}/cases/{{file_number:path}}/family", tags=["Fälle"])
    def update_family(svc: Service, file_number: str, body: m.FamilyDraft) -> m.Family:
        return svc.update_family(file_number, body)

    @app.post(f"{PREFIX}/cases/{{file_number:path}}/helps", status_code=201, tags=["Fälle"])
    def add_help(svc: Service, file_number: str, body: m.HelpDraft) -> m.Help:
        return svc.add_help(file_number, body)

    @app.post(f"{PREFIX}/helps/{{help_id}}/end", status_code=204, tags=["Fälle"])
    def end_help(
        svc: Service, help_id: Annotated[int, FastPath(ge=1, le=MAX_ID)], body: EndRequest
    ) -> Response:
        svc.end_help(help_id, body.end_on, body.end_reason)
        return Response(status_code=204)

    @app.post(f"{PREFIX}/cases/{{file_number:path}}/resources", status_code=201, tags=["Fälle"])
    def add_resource(svc: Service, file_number: str, body: m.ResourceDraft) -> m.Resource:
        return svc.add_resource(file_number, body)

    @app.post(f"{PREFIX}/cases/{{file_number:path}}/consents", status_code=201, tags=["Fälle"])
    def add_consent(svc: Service, file_number: str, body: m.ConsentDraft) -> m.Consent:
        return svc.add_consent(file_number, body)

    @app.post(f"{PREFIX}/cases/{{file_number:path}}/conferences", status_code=201, tags=["Fälle"])
    def record_conference(
        svc: Service,
        file_number: str,
        body: ConferenceRequest,
        response: Response,
        if_match: Annotated[str | None, Header()] = None,
    ) -> m.Conference:
        expected = _version(if_match, required=True)
        assert expected is not None
        saved = svc.record_conference(
            file_number, body.conference, body.reviews, expected_version=expected
        )
        response.headers["ETag"] = f'"{svc.version(file_number)}"'
        return saved

    @app.get(
        f"{PREFIX}/cases/{{file_number:path}}/document",
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

    @app.get(f"{PREFIX}/cases/{{file_number:path}}/team", tags=["Fallteam"])
    def team(svc: Service, file_number: str) -> list[Member]:
        return svc.team(file_number)

    @app.post(f"{PREFIX}/cases/{{file_number:path}}/team", status_code=201, tags=["Fallteam"])
    def add_member(svc: Service, file_number: str, body: MemberRequest) -> Member:
        return svc.add_member(file_number, body.login)

    @app.delete(
        f"{PREFIX}/cases/{{file_number:path}}/team/{{login}}", status_code=204, tags=["Fallteam"]
    )
    def remove_member(svc: Service, file_number: str, login: str) -> Response:
        svc.remove_member(file_number, login)
        return Response(status_code=204)

    @app.get(f"{PREFIX}/cases/{{file_number:path}}", tags=["Fälle"])
    def show_case(svc: Service, file_number: str, response: Response) -> CaseFile:
        view = svc.show_case(file_number)
        response.headers["ETag"] = f'"{view.case.summary.version}"'
        r = view.release
        release = ReleaseView(r.full, r.cleared, list(r.parts), list(r.withheld), str(r.reason))
        return CaseFile(view.case, release)

    @app.get(
        f"{PREFIX}/statistics",
        tags=["Controlling"],
        response_class=Response,
        responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
    )
    def statistics(
        svc: Service,
        date_from: Annotated[date, Query(alias="from")],
        date_to: Annotated[date, Query(alias="to")],
        format: Literal["csv", "xlsx", "pdf"] = "csv",
        min_cell: Annotated[int, Query(ge=3, le=100)] = 3,
    ) -> Response:
        """The anonymised statistics of the whole city (Controlling)."""
        if date_to < date_from:
            raise ValidationError([("to", "Das Ende liegt vor dem Anfang.")])
        data, summary = svc.export_statistics(date_from, date_to, format, min_cell=min_cell)
        return Response(
            data,
            media_type=MEDIA_TYPES[format],
            headers={
                "Content-Disposition": f'attachment; filename="statistik.{format}"',
                "X-Export-Summary": quote(summary),
            },
        )

    @app.get(f"{PREFIX}/audit/verify", tags=["Verwaltung"])
    def verify_audit(svc: Service) -> AuditReport:
        count, problems = svc.verify_audit()
        return AuditReport(count, not problems, problems)

    @app.post(f"{PREFIX}/users", status_code=201, tags=["Verwaltung"])
    def add_user(svc: Service, body: UserRequest) -> m.User:
        draft = m.UserDraft(body.login, body.name, body.role)
        return svc.add_user(draft, body.passphrase, discipline=body.discipline, team=body.team)

    @app.delete(f"{PREFIX}/users/{{login}}", status_code=204, tags=["Verwaltung"])
    def remove_user(svc: Service, login: str) -> Response:
        svc.remove_user(login)
        return Response(status_code=204)

    return app
