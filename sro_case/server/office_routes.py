"""The office over HTTP (``api``): Controlling's statistics, the Fristen, the catalogue, the
accounts and the audit log. Each endpoint is decided by ``office.OfficeWork`` or
``service.TeamService``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Response
from pydantic import Field

from sro_case.deadlines.service import DeadlineOverview
from sro_case.domain import models as m
from sro_case.errors import ValidationError
from sro_case.export.tables import StatisticsExport
from sro_case.server.office import OfficeWork
from sro_case.server.requests import Service

router = APIRouter()


@dataclass(frozen=True)
class BudgetRequest:
    social_space: str
    year: Annotated[int, Field(ge=2000, le=2100)]
    amount_cents: Annotated[int, Field(ge=0, le=10**13)]


@dataclass(frozen=True)
class AuditPage:
    total: int
    rows: list[m.AuditRow]


@dataclass(frozen=True)
class AuditNames:
    actors: list[str]
    actions: list[str]


MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


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


@router.get(
    "/statistics",
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


@router.get("/audit/verify", tags=["Verwaltung"])
def verify_audit(svc: Service) -> AuditReport:
    count, problems = svc.verify_audit()
    return AuditReport(count, not problems, problems)


@router.post("/users", status_code=201, tags=["Verwaltung"])
def add_user(svc: Service, body: UserRequest) -> m.User:
    draft = m.UserDraft(body.login, body.name, body.role)
    return svc.add_user(draft, body.passphrase, discipline=body.discipline, team=body.team)


@router.delete("/users/{login}", status_code=204, tags=["Verwaltung"])
def remove_user(svc: Service, login: str) -> Response:
    svc.remove_user(login)
    return Response(status_code=204)


@router.get("/statistics/preview", tags=["Controlling"])
def statistics_preview(
    svc: Service,
    date_from: Annotated[date, Query(alias="from")],
    date_to: Annotated[date, Query(alias="to")],
    min_cell: Annotated[int, Query(ge=3, le=100)] = 3,
) -> StatisticsExport:
    """What an export of the period would hold (suppressed figures are not in it), for the
    preview before it is written; nothing is released by looking."""
    if date_to < date_from:
        raise ValidationError([("to", "Das Ende liegt vor dem Anfang.")])
    return svc.preview_statistics(date_from, date_to, min_cell=min_cell)


@router.get("/deadlines", tags=["Fristen"])
def deadlines(
    svc: Service,
    worker: str | None = None,
    today: date | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> DeadlineOverview:
    """Reviews, consents and steps due, of the cases this person sees whole."""
    return OfficeWork(svc).deadlines(worker=worker, today=today, limit=limit)


@router.get("/social-spaces", tags=["Katalog"])
def social_spaces(svc: Service) -> list[m.SocialSpace]:
    return OfficeWork(svc).social_spaces()


@router.get("/budgets", tags=["Katalog"])
def budgets(
    svc: Service, year: Annotated[int | None, Query(ge=2000, le=2100)] = None
) -> list[m.Budget]:
    return OfficeWork(svc).budgets(year)


@router.put("/budgets", tags=["Katalog"])
def set_budget(svc: Service, body: BudgetRequest) -> m.Budget:
    return OfficeWork(svc).set_budget(body.social_space, body.year, body.amount_cents)


@router.get("/users", tags=["Verwaltung"])
def users(svc: Service) -> list[m.User]:
    return OfficeWork(svc).users()


@router.get("/colleagues", tags=["Fallteam"])
def colleagues(svc: Service) -> list[m.TeamMember]:
    """Who can be added to a case team (the working roles: login, name, discipline)."""
    return OfficeWork(svc).colleagues()


@router.get("/audit", tags=["Verwaltung"])
def audit_rows(
    svc: Service,
    actor: str | None = None,
    action: str | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> AuditPage:
    """A page of the audit log, newest first, and how many entries the filter finds."""
    log = OfficeWork(svc).audit()
    f = m.AuditFilter(actor or None, action or None)
    return AuditPage(log.count(f), log.list(f, limit=limit, offset=offset))


@router.get("/audit/names", tags=["Verwaltung"])
def audit_names(svc: Service) -> AuditNames:
    """The logins and actions that occur in the audit log (the filter's choices)."""
    log = OfficeWork(svc).audit()
    return AuditNames(log.actors(), log.actions())


@router.get("/database", tags=["Verwaltung"])
def database_info(svc: Service) -> m.DatabaseInfo:
    return OfficeWork(svc).info()


@router.get("/database/check", tags=["Verwaltung"])
def database_check(svc: Service) -> m.CheckReport:
    return OfficeWork(svc).check()
