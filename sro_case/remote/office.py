"""The office's part of the facade on a team server: Fristen, Controlling's statistics, the
catalogue, accounts, the audit log and what the database holds. What the team server leaves to
the city's IT – backups (``pg_dump``, point-in-time recovery) – and what it does not offer yet –
the deletion of closed cases after their periods – is refused here with a German sentence
saying so, instead of pretending."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sro_case.domain import models as m
from sro_case.domain.json_types import dump, load
from sro_case.domain.messages import T
from sro_case.domain.rules import DEFAULT_KEEP
from sro_case.errors import SroCaseError
from sro_case.export import MIN_THRESHOLD
from sro_case.remote.wire import Link, save_bytes

if TYPE_CHECKING:
    from sro_case.backups.service import BackupResult, RestoreResult, VerifyReport
    from sro_case.deadlines.service import Deadline, DeadlineOverview
    from sro_case.export.tables import StatisticsExport
    from sro_case.kernel import audit
    from sro_case.retention.service import RetentionProposal, RetentionResult, RetentionRule
    from sro_case.statistics.service import WrittenExport


class RemoteDeadlines:
    """The Fristen of the cases this person sees whole."""

    def __init__(self, link: Link) -> None:
        self._server = link.server

    def list(
        self, *, worker: str | None = None, today: date | None = None, limit: int | None = None
    ) -> builtins.list[Deadline]:
        return builtins.list(self.overview(worker=worker, today=today, limit=limit or 5000).items)

    def overview(
        self, *, worker: str | None = None, today: date | None = None, limit: int = 500
    ) -> DeadlineOverview:
        from sro_case.deadlines.service import DeadlineOverview

        params: dict[str, Any] = {"limit": limit}
        if worker:
            params["worker"] = worker
        if today is not None:
            params["today"] = today.isoformat()
        return load(DeadlineOverview, self._server.get_params("/deadlines", params))


class RemoteStatistics:
    """Controlling's export over the whole city: previewed, then written – the server counts
    again and records the release (its suppression audit) when the file is fetched."""

    def __init__(self, link: Link) -> None:
        self._server = link.server

    def build(
        self, date_from: date, date_to: date, *, min_cell: int = MIN_THRESHOLD
    ) -> StatisticsExport:
        from sro_case.export.tables import StatisticsExport

        params = {"from": date_from.isoformat(), "to": date_to.isoformat(), "min_cell": min_cell}
        return load(StatisticsExport, self._server.get_params("/statistics/preview", params))

    def write(self, export: StatisticsExport, out: Path) -> WrittenExport:
        from urllib.parse import urlencode

        from sro_case.statistics.service import WrittenExport

        out = Path(out)
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("csv", "xlsx", "pdf"):
            raise SroCaseError(T("Das Format folgt der Dateiendung: .csv, .xlsx oder .pdf."))
        query = urlencode(
            {
                "from": export.date_from.isoformat(),
                "to": export.date_to.isoformat(),
                "format": fmt,
                "min_cell": export.threshold,
            }
        )
        data, _headers = self._server.download(f"/statistics?{query}")
        digest: list[str] = []
        save_bytes(out, data, digest.append)  # the server recorded the release already
        return WrittenExport(
            out,
            digest[0],
            export.suppressed_cells,
            tuple(t.id for t in export.tables),
            fmt,
            export.threshold,
        )


class RemoteUsers:
    """The team server's accounts (Admin). There are no key slots: everyone signs in with a
    passphrase the server keeps as an Argon2id hash."""

    def __init__(self, link: Link) -> None:
        self._server = link.server

    def list(self) -> builtins.list[m.User]:
        return load(builtins.list[m.User], self._server.get("/users"))

    def add_with_passphrase(
        self, draft: m.UserDraft, passphrase: str, *, discipline: str = "", team: str = ""
    ) -> m.User:
        body = dump(draft) | {
            "passphrase": passphrase,
            "discipline": discipline or draft.discipline,
            "team": team,
        }
        return load(m.User, self._server.post("/users", body))

    def record_passphrase_change(self) -> None:
        """The server records a change of passphrase itself (``change_passphrase``)."""

    def key_slot_logins(self) -> set[str]:
        """Everyone active can sign in (the server holds their passphrase's hash)."""
        return {u.login for u in self.list() if u.active}

    def remove(self, login: str) -> bool:
        from urllib.parse import quote

        self._server.delete(f"/users/{quote(login.strip(), safe='')}")
        return True


class RemoteRetention:
    """Not on the team server yet: closed cases are deleted there by the city's IT."""

    def __init__(self, link: Link) -> None:
        self._server = link.server

    @staticmethod
    def _not_here() -> SroCaseError:
        return SroCaseError(
            T(
                "Löschfristen und das Löschen abgeschlossener Fälle gibt es auf dem Teamserver "
                "noch nicht; sie bleiben bis dahin Aufgabe der IT der Stadt."
            )
        )

    def periods(self) -> dict[str, int]:
        raise self._not_here()

    def set_period(self, category: str, years: int | None) -> None:
        raise self._not_here()

    def rule_for(self, case_id: int) -> RetentionRule:
        raise self._not_here()

    def proposals(self, today: date | None = None) -> builtins.list[RetentionProposal]:
        raise self._not_here()

    def exceptions(self, today: date | None = None) -> builtins.list[RetentionProposal]:
        raise self._not_here()

    def apply(self, case_ids: Iterable[int], *, confirm: bool) -> RetentionResult:
        raise self._not_here()


class RemoteAuditLog:
    """The server's audit log (Admin), newest first."""

    def __init__(self, link: Link) -> None:
        self._server = link.server

    def _page(self, f: m.AuditFilter | None, limit: int, offset: int) -> Any:
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        if f is not None and f.actor:
            params["actor"] = f.actor
        if f is not None and f.action:
            params["action"] = f.action
        return self._server.get_params("/audit", params)

    def count(self, f: m.AuditFilter | None = None) -> int:
        return int(self._page(f, 1, 0)["total"])

    def list(
        self, f: m.AuditFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> builtins.list[m.AuditRow]:
        page = self._page(f, min(limit or 5000, 5000), offset)
        return load(builtins.list[m.AuditRow], page["rows"])

    def actors(self) -> builtins.list[str]:
        return [str(a) for a in self._server.get("/audit/names")["actors"]]

    def actions(self) -> builtins.list[str]:
        return [str(a) for a in self._server.get("/audit/names")["actions"]]

    def anchors(self) -> builtins.list[audit.AnchorSource]:
        """The server's chain is anchored by its backups (``docs/TEAM_SERVER.md``), not here."""
        return []

    def verify(self) -> m.ChainReport:
        report = self._server.get("/audit/verify")
        return m.ChainReport(int(report["entries"]), tuple(str(p) for p in report["problems"]))


class RemoteCatalog:
    def __init__(self, link: Link) -> None:
        self._server = link.server

    def social_spaces(self) -> builtins.list[m.SocialSpace]:
        return load(builtins.list[m.SocialSpace], self._server.get("/social-spaces"))

    def set_budget(self, social_space: str, year: int, amount_cents: int) -> m.Budget:
        body = {"social_space": social_space, "year": year, "amount_cents": amount_cents}
        return load(m.Budget, self._server.put("/budgets", body))

    def budgets(self, year: int | None = None) -> builtins.list[m.Budget]:
        params = {"year": year} if year is not None else {}
        return load(builtins.list[m.Budget], self._server.get_params("/budgets", params))


class RemoteMaintenance:
    def __init__(self, link: Link) -> None:
        self._server = link.server

    def info(self) -> m.DatabaseInfo:
        return load(m.DatabaseInfo, self._server.get("/database"))

    def check(self) -> m.CheckReport:
        return load(m.CheckReport, self._server.get("/database/check"))


class RemoteBackups:
    """The team server's data is backed up by the city's IT (``pg_dump`` and point-in-time
    recovery, ``docs/TEAM_SERVER.md``); this PC holds none of it."""

    def __init__(self, link: Link) -> None:
        self._server = link.server

    @staticmethod
    def _not_here() -> SroCaseError:
        return SroCaseError(
            T(
                "Die Daten des Teamservers sichert die IT der Stadt auf dem Server "
                "(pg_dump); auf diesem PC liegt keine Kopie."
            )
        )

    def default_dir(self) -> Path:
        return Path.home()

    def backups(self, to_dir: Path | None = None) -> builtins.list[Path]:
        return []

    def backup_if_due(
        self, to_dir: Path | None = None, *, keep: int = DEFAULT_KEEP, reason: str = "close"
    ) -> BackupResult | None:
        return None  # nothing of the server's is on this PC to back up

    def backup(
        self, to_dir: Path | None = None, *, keep: int = DEFAULT_KEEP, reason: str = "manual"
    ) -> BackupResult:
        raise self._not_here()

    def verify(
        self, path: Path, *, passphrase: str | None = None, user: str | None = None
    ) -> VerifyReport:
        raise self._not_here()

    def restore(
        self, source: Path, target: Path | None = None, *, overwrite_live: bool = False
    ) -> RestoreResult:
        raise self._not_here()
