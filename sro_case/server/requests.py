"""What every endpoint of the team server's API shares (``api``, ``case_routes``,
``office_routes``): the signed-in person from the session token, the versions a save rests on,
and the bounds of ids."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sro_case.domain.json_types import adapter
from sro_case.errors import SroCaseError, ValidationError
from sro_case.server import accounts
from sro_case.server.service import TeamService

MAX_ID = 2**31 - 1  # PostgreSQL's INTEGER


class PreconditionRequired(SroCaseError):
    """A save that could overwrite someone else's work needs the version it rests on."""


def version_of(if_match: str | None, *, required: bool) -> int | None:
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


_bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def signed_in(request: Request, credentials: Credentials) -> TeamService:
    """The signed-in person's service, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise accounts.SessionExpired("Bitte melden Sie sich an.")
    engine, clock = request.app.state.engine, request.app.state.clock
    account = accounts.authenticate(engine, credentials.credentials, clock)
    return TeamService(engine, account, clock)


Service = Annotated[TeamService, Depends(signed_in)]


def as_json(kind: Any, value: Any, *, headers: dict[str, str] | None = None) -> Response:
    """``value`` as JSON, serialised by pydantic's core in one step. FastAPI would turn the
    dataclasses into dicts (``dataclasses.asdict``, a deep copy), validate them again and then
    serialise – for a case file that was half of the request's time. The route keeps
    ``response_model=kind``, so the OpenAPI document is unchanged."""
    return Response(adapter(kind).dump_json(value), media_type="application/json", headers=headers)
