"""The office's work on the team server that is not one case file (#17/#18): the Fristen of
the cases a person sees whole, the catalogue of Sozialräume and their budgets, the accounts, the
audit log and what the database holds – each decided by role like the case work in
``service.TeamService``, whose refusals (audited) it uses.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from sro_case.accounts.users import UserService
from sro_case.audit_log.service import AuditLogService
from sro_case.cases.catalog import CatalogService
from sro_case.deadlines.service import DeadlineOverview, DeadlineService
from sro_case.domain import models as m
from sro_case.maintenance.service import MaintenanceService
from sro_case.server.policies import WORKING_ROLES
from sro_case.server.service import ServerStore, TeamService
from sro_case.storage.orm import UserRecord


class OfficeWork:
    """What one signed-in person may ask of the office as a whole."""

    def __init__(self, svc: TeamService) -> None:
        self._svc = svc

    def _server_store(self) -> ServerStore:
        """The server's own context (every row), for a request already decided by role."""
        return ServerStore(
            self._svc.store.engine, self._svc.account, self._svc.clock, as_server=True
        )

    # -- Fristen ----------------------------------------------------------------------------
    def deadlines(self, *, worker: str | None, today: date | None, limit: int) -> DeadlineOverview:
        """The Fristen of the cases this person sees whole: the responsible service (ASD) of
        every case it may see (``worker`` narrows them), everyone else of the cases they lead –
        a step's text or a consent's person is not for a member without the whole file."""
        self._svc._require(*WORKING_ROLES, what="Fristen")
        if not self._svc.responsible:
            worker = self._svc.account.login
        return DeadlineService(self._svc.store).overview(
            worker=worker or None, today=today, limit=max(1, min(limit, 5000))
        )

    # -- the catalogue -------------------------------------------------------------------------
    def social_spaces(self) -> list[m.SocialSpace]:
        """The Sozialräume (no case content: everyone signed in)."""
        return CatalogService(self._server_store()).social_spaces()

    def budgets(self, year: int | None) -> list[m.Budget]:
        return CatalogService(self._server_store()).budgets(year)

    def set_budget(self, social_space: str, year: int, amount_cents: int) -> m.Budget:
        self._svc._require("admin", "controlling", what="Budget festlegen")
        return CatalogService(self._server_store()).set_budget(social_space, year, amount_cents)

    # -- accounts ------------------------------------------------------------------------------
    def users(self) -> list[m.User]:
        """The accounts (Admin; the working roles see their colleagues to build a case team)."""
        self._svc._require("admin", *WORKING_ROLES, what="Zugänge ansehen")
        return UserService(self._server_store()).list()

    def colleagues(self) -> list[m.TeamMember]:
        """The people of the working roles a lead worker can add to a case team: login, name
        and discipline – no more of the accounts."""
        self._svc._require(*WORKING_ROLES, what="Kolleginnen ansehen")
        with self._server_store().read() as s:
            rows = s.execute(
                select(UserRecord)
                .where(UserRecord.active, UserRecord.role.in_(WORKING_ROLES))
                .order_by(UserRecord.sort_name)
            ).scalars()
            return [m.TeamMember(u.login, u.name, u.discipline) for u in rows]

    # -- the audit log (Admin: who did what; no case content is in it) -----------------------
    def audit(self) -> AuditLogService:
        self._svc._require("admin", what="Protokoll ansehen")
        return AuditLogService(self._server_store())

    # -- what the database holds ---------------------------------------------------------------
    def info(self) -> m.DatabaseInfo:
        self._svc._require("admin", what="Datenbank ansehen")
        return MaintenanceService(self._server_store()).info()

    def check(self) -> m.CheckReport:
        """The audit chain walked. The pages themselves are PostgreSQL's to check (data
        checksums, ``pg_amcheck``; ``docs/TEAM_SERVER.md``); the statistics tally is a view
        over the case files there, so it cannot drift from them."""
        count, problems = self._svc.verify_audit()
        return m.CheckReport("ok", (), not problems, tuple(problems), count)
