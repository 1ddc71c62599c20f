"""The team server over HTTP (``sro-case server run``): version 1 of the API under ``/api/v1``,
its OpenAPI document at ``/api/v1/openapi.json``. Every endpoint but signing in needs a session
token (``Authorization: Bearer …``) and is decided by ``service.TeamService``; the bodies are the
facade's frozen dataclasses. Errors are German sentences in ``detail``:

401 signed out or expired · 403 not permitted (audited) · 404 absent · 409 changed by someone
else · 413 request too large · 422 invalid input (``problems``) · 429 sign-in locked.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import psycopg
from fastapi import FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from sqlalchemy import Engine
from sqlalchemy.exc import DataError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from sro_case import __version__
from sro_case.cases.importing import MAX_FILE_BYTES, ImportRejected
from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain.messages import T
from sro_case.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    SroCaseError,
    ValidationError,
    WrongPassphrase,
)
from sro_case.server import accounts, case_routes, office_routes
from sro_case.server.events import Hub, Listener
from sro_case.server.requests import Credentials, PreconditionRequired, Service

PREFIX = "/api/v1"
HEARTBEAT_S = 5.0  # also how soon an ended session is noticed
DISCONNECT_CHECK_S = 1.0
MAX_BODY = 1024 * 1024  # bytes; a case note of 10,000 characters is far below
MAX_IMPORT = MAX_FILE_BYTES  # a case list (``cases.importing``)


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
class JournalKey:
    key: str  # base64, 32 bytes


@dataclass(frozen=True)
class PassphraseChange:
    old: str
    new: str


@dataclass(frozen=True)
class Info:
    server: str
    version: str
    login: str
    name: str
    role: str
    discipline: str


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


class SizeLimit:
    """Refuses a request body that is declared too large (413) and a write that declares no
    length (411), before anything reads it. A plain ASGI middleware: Starlette's
    ``BaseHTTPMiddleware`` (``@app.middleware``) costs every request an extra task and stream
    (about 6 % of a page of the case list)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = Headers(scope=scope).get("content-length")
            limit = MAX_IMPORT if scope["path"] == f"{PREFIX}/imports" else MAX_BODY
            refused: Response | None = None
            if length is not None and (not length.isdigit() or int(length) > limit):
                refused = JSONResponse({"detail": "Die Anfrage ist zu groß."}, status_code=413)
            elif length is None and scope["method"] in ("POST", "PUT", "PATCH"):
                refused = JSONResponse({"detail": "Die Anfrage braucht eine Längenangabe."}, 411)
            if refused is not None:
                await refused(scope, receive, send)
                return
        await self.app(scope, receive, send)


def from_environment() -> FastAPI:
    """The app in a worker process of ``server run --workers N`` (uvicorn's factory): the
    database from ``SRO_CASE_SERVER_PG``, each process with a pool of its own."""
    import os

    from sro_case.server.database import server_engine

    url = os.environ["SRO_CASE_SERVER_PG"]
    return create_app(server_engine(url), name=os.environ.get("SRO_CASE_SERVER_NAME", ""))


def create_app(
    engine: Engine, *, clock: Clock = SYSTEM_CLOCK, name: str = "", heartbeat_s: float = HEARTBEAT_S
) -> FastAPI:
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

    app.add_middleware(SizeLimit)

    @app.exception_handler(DataError)
    async def out_of_range(_request: Request, _exc: DataError) -> JSONResponse:
        """A value PostgreSQL cannot hold (an id past 2**31, say): the request's fault."""
        detail = T("Ein Wert der Anfrage liegt außerhalb des erlaubten Bereichs.")
        return JSONResponse({"detail": str(detail)}, status_code=422)

    @app.exception_handler(SroCaseError)
    async def german_error(_request: Request, exc: SroCaseError) -> JSONResponse:
        # the kind of error, so that the facade over the server raises what the file's would
        body: dict[str, object] = {"detail": str(exc), "kind": type(exc).__name__}
        if isinstance(exc, ImportRejected):  # row, column, message of each refused cell
            body["rows"] = [dataclasses.asdict(p) for p in exc.problems]  # type: ignore[call-overload]
        elif isinstance(exc, ValidationError):
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

    @app.put(f"{PREFIX}/session/passphrase", status_code=204, tags=["Anmeldung"])
    def change_passphrase(svc: Service, body: PassphraseChange) -> Response:
        """The signed-in person's own passphrase (the old one again, then the new one)."""
        accounts.change_passphrase(engine, svc.account, body.old, body.new, clock)
        return Response(status_code=204)

    @app.get(f"{PREFIX}/session/journal-key", tags=["Anmeldung"])
    def journal_key(svc: Service) -> JournalKey:
        """The key of this person's journal of unsaved input on their PC (never stored there)."""
        import base64

        key = accounts.journal_key(engine, svc.account)
        return JournalKey(base64.b64encode(key).decode())

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
        this person may see was changed; a comment every 5 s; ``signed_out`` at the end of
        the session."""
        queue = hub.subscribe()
        token = request.headers.get("authorization", "").partition(" ")[2]

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 2000\n\n"
                waited = 0.0
                while not await request.is_disconnected():
                    # in slices of a second: a client gone is noticed within one
                    step = min(DISCONNECT_CHECK_S, heartbeat_s)
                    try:
                        case_id = await asyncio.wait_for(queue.get(), timeout=step)
                    except TimeoutError:
                        waited += step
                        if waited < heartbeat_s:
                            continue
                        waited = 0.0
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

    app.include_router(case_routes.router, prefix=PREFIX)
    app.include_router(office_routes.router, prefix=PREFIX)

    return app
