"""The application facade (#16): everything a front end may ask of the case management, as
typed protocols per feature. The desktop client and the command line see only this; what
crosses it are the frozen dataclasses of ``sro_case.domain.models`` and the feature's own
result types – never a session, an engine or a database record.

Two implementations are planned:

* in-process, on the encrypted file of this PC: ``sro_case.store.Store``, opened by
  ``open_local`` (``sro_case.accounts.vault.unlock`` / ``create_database``); the type checker
  proves that it is an ``Application`` (``tests/test_facade.py``, ``make lint``);
* the team client, on the team server (issue #17/#18), with the same protocols.

Each protocol lists the operations of one feature. Where a method has a default, the
implementation must have the same default; the docstrings of the service methods say what
each one does and which role may call it.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sro_case.domain import models as m
from sro_case.domain.models import (
    AuditFilter,
    AuditRow,
    CaseFilter,
    ChainReport,
    DuplicateCandidate,
)

if TYPE_CHECKING:  # the features' own result types (moved into feature packages later)
    from sro_case.backups.service import BackupResult, RestoreResult, VerifyReport
    from sro_case.deadlines.service import Deadline, DeadlineOverview
    from sro_case.export.tables import StatisticsExport
    from sro_case.kernel import audit
    from sro_case.retention.service import RetentionProposal, RetentionResult, RetentionRule
    from sro_case.statistics.service import WrittenExport


class Clock(Protocol):
    def today(self) -> date: ...

    def now(self) -> datetime: ...


class Cases(Protocol):
    """Case files: the list, search, the file itself and everything recorded in it."""

    def list(
        self,
        f: CaseFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        sort: str = "file_number",
        descending: bool = False,
    ) -> list[m.CaseSummary]: ...

    def count(self, f: CaseFilter | None = None) -> int: ...

    def id_for(self, file_number: str) -> int: ...

    def find_duplicates(
        self, last_name: str, first_name: str = "", birth_date: date | None = None
    ) -> builtins.list[DuplicateCandidate]: ...

    def get(self, case_id: int) -> m.CaseDetail: ...

    def create(self, draft: m.CaseDraft) -> m.CaseSummary: ...

    def update(self, case_id: int, edit: m.CaseEdit) -> None: ...

    def change_status(self, case_id: int, to_status: str) -> None: ...

    def running_helps(self, case_id: int) -> builtins.list[m.Help]: ...

    def close(
        self,
        case_id: int,
        end_reason: str,
        closed_on: date | None = None,
        *,
        end_running_helps: bool = False,
    ) -> None: ...

    def reopen(self, case_id: int, reason: str) -> None: ...

    def add_person(self, case_id: int, draft: m.PersonDraft) -> m.Person: ...

    def update_person(self, case_id: int, person_id: int, draft: m.PersonDraft) -> m.Person: ...

    def update_family(self, case_id: int, draft: m.FamilyDraft) -> m.Family: ...

    def add_consent(self, case_id: int, draft: m.ConsentDraft) -> m.Consent: ...

    def revoke_consent(self, consent_id: int, revoked_on: date | None = None) -> None: ...

    def add_note(self, case_id: int, draft: m.NoteDraft) -> m.CaseNote: ...

    def add_help(self, case_id: int, draft: m.HelpDraft) -> m.Help: ...

    def update_help(self, help_id: int, draft: m.HelpDraft) -> m.Help: ...

    def end_help(self, help_id: int, end_on: date, end_reason: str) -> None: ...

    def add_resource(self, case_id: int, draft: m.ResourceDraft) -> m.Resource: ...

    def audit_trail(self, case_id: int) -> builtins.list[m.AuditEvent]: ...


class Conferences(Protocol):
    """Conferences with their goals, steps and goal reviews."""

    def record(
        self,
        case_id: int,
        draft: m.ConferenceDraft,
        reviews: Sequence[m.ReviewDraft] = (),
        *,
        expected_version: int | None = None,
    ) -> m.Conference:
        """``expected_version``: the version of the case the capture began on – refused
        (``Conflict``) if anyone changed the case since (two captures of one conference)."""
        ...

    def add_goal(self, case_id: int, draft: m.GoalDraft) -> m.Goal: ...

    def review_goal(self, draft: m.ReviewDraft) -> m.GoalReview: ...

    def set_goal_status(self, goal_id: int, status: str) -> None: ...

    def set_step_done(self, step_id: int, done: bool = True) -> None: ...

    def overdue_steps(self, on: date | None = None) -> list[tuple[str, m.ActionStep]]: ...


class Deadlines(Protocol):
    """Fristen: overdue and upcoming reviews and steps."""

    def list(
        self, *, worker: str | None = None, today: date | None = None, limit: int | None = None
    ) -> list[Deadline]: ...

    def overview(
        self, *, worker: str | None = None, today: date | None = None, limit: int = 500
    ) -> DeadlineOverview: ...


class Statistics(Protocol):
    """The anonymised statistics for controlling (built, previewed, then written)."""

    def build(self, date_from: date, date_to: date, *, min_cell: int = ...) -> StatisticsExport: ...

    def write(self, export: StatisticsExport, out: Path) -> WrittenExport: ...


class Documents(Protocol):
    """The case's PDFs: the conference protocol and the help plan."""

    def conference_protocol(
        self,
        case_id: int,
        out: Path,
        *,
        conference_id: int | None = None,
        initials: bool | None = None,
    ) -> Path: ...

    def help_plan(self, case_id: int, out: Path, *, initials: bool | None = None) -> Path: ...

    def source(
        self,
        case_id: int,
        kind: str,
        *,
        conference_id: int | None = None,
        initials: bool | None = None,
    ) -> m.DocumentSource:
        """What a document is rendered from (``sro_case.conferences.protocol.render_document``, on the
        client's render lane); ``kind`` is ``protocol`` or ``help_plan``."""
        ...

    def record(self, source: m.DocumentSource, out: Path, data: bytes) -> Path:
        """Write the rendered document and record the export in the audit log."""
        ...


class Users(Protocol):
    """Accounts and their key slots (admin)."""

    def list(self) -> list[m.User]: ...

    def add_with_passphrase(self, draft: m.UserDraft, passphrase: str) -> m.User: ...

    def record_passphrase_change(self) -> None: ...

    def key_slot_logins(self) -> set[str]: ...

    def remove(self, login: str) -> bool: ...


class Retention(Protocol):
    """Deletion periods and the deletion of closed cases (admin)."""

    def periods(self) -> dict[str, int]: ...

    def set_period(self, category: str, years: int | None) -> None: ...

    def rule_for(self, case_id: int) -> RetentionRule: ...

    def proposals(self, today: date | None = None) -> list[RetentionProposal]: ...

    def exceptions(self, today: date | None = None) -> list[RetentionProposal]: ...

    def apply(self, case_ids: Iterable[int], *, confirm: bool) -> RetentionResult: ...


class AuditLog(Protocol):
    """The signed audit log: who did what, and whether the chain is whole."""

    def count(self, f: AuditFilter | None = None) -> int: ...

    def list(
        self, f: AuditFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[AuditRow]: ...

    def actors(self) -> builtins.list[str]: ...

    def actions(self) -> builtins.list[str]: ...

    def anchors(self) -> builtins.list[audit.AnchorSource]: ...

    def verify(self) -> ChainReport: ...


class Catalog(Protocol):
    """The office's catalogues that live in the database (Sozialräume and their budgets)."""

    def social_spaces(self) -> list[m.SocialSpace]: ...

    def set_budget(self, social_space: str, year: int, amount_cents: int) -> m.Budget: ...

    def budgets(self, year: int | None = None) -> list[m.Budget]: ...


class Maintenance(Protocol):
    """What the database holds and whether it is sound (admin)."""

    def info(self) -> m.DatabaseInfo: ...

    def check(self) -> m.CheckReport: ...


class CaseTeams(Protocol):
    """The case team on the team server (Fallteam): who works on a case besides its lead
    worker, and what the signed-in person sees of it. A file on one PC has none."""

    def members(self, case_id: int) -> list[m.TeamMember]: ...

    def colleagues(self) -> list[m.TeamMember]: ...

    def add(self, case_id: int, login: str) -> m.TeamMember: ...

    def remove(self, case_id: int, login: str) -> None: ...

    def release(self, case_id: int) -> m.CaseRelease: ...


class Journal(Protocol):
    """Unsaved input kept encrypted on this PC until it is saved (``kernel.journal``): a crash,
    a killed process, a lock or a lost network lose nothing of a conference's capture."""

    def keep(self, name: str, content: str) -> None: ...

    def read(self, name: str) -> str | None: ...

    def discard(self, name: str) -> None: ...

    def names(self) -> list[str]: ...


class Backups(Protocol):
    """Backups of the database and restoring one (admin)."""

    def default_dir(self) -> Path: ...

    def backups(self, to_dir: Path | None = None) -> list[Path]: ...

    def backup_if_due(
        self, to_dir: Path | None = None, *, keep: int = ..., reason: str = ...
    ) -> BackupResult | None: ...

    def backup(
        self, to_dir: Path | None = None, *, keep: int = ..., reason: str = ...
    ) -> BackupResult: ...

    def verify(
        self, path: Path, *, passphrase: str | None = None, user: str | None = None
    ) -> VerifyReport: ...

    def restore(
        self, source: Path, target: Path | None = None, *, overwrite_live: bool = False
    ) -> RestoreResult: ...


class Application(Protocol):
    """One signed-in session on one database (the facade; see the module docstring)."""

    actor: str  # the signed-in login
    role: str  # caseworker, facilitator, teamlead, controlling, admin
    path: Path  # where the data lives (shown in the title and status bar)
    team_server: str  # the team server's address (host:port) when signed in there; "" for a file

    @property
    def clock(self) -> Clock: ...

    @property
    def cases(self) -> Cases: ...

    @property
    def conferences(self) -> Conferences: ...

    @property
    def deadlines(self) -> Deadlines: ...

    @property
    def statistics(self) -> Statistics: ...

    @property
    def documents(self) -> Documents: ...

    @property
    def users(self) -> Users: ...

    @property
    def retention(self) -> Retention: ...

    @property
    def audit_log(self) -> AuditLog: ...

    @property
    def catalog(self) -> Catalog: ...

    @property
    def maintenance(self) -> Maintenance: ...

    @property
    def backups(self) -> Backups: ...

    @property
    def journal(self) -> Journal:
        """This person's journal of unsaved input (its key is the database's or the team
        server's, never on this PC in the clear)."""
        ...

    @property
    def case_teams(self) -> CaseTeams | None:
        """The case teams (team server); None on the file of one PC."""
        ...

    @property
    def renews_key_on_removal(self) -> bool:
        """Whether removing a user renews the database key (the progress dialog says so)."""
        ...

    def verify_passphrase(self, secret: str) -> str:
        """Unlocking a locked window: the signed-in user's passphrase again (raises
        ``WrongPassphrase``); returns the login."""
        ...

    def change_passphrase(self, old: str, new: str) -> None:
        """The signed-in user's own passphrase (the key slot is re-wrapped, the change
        recorded)."""
        ...

    def live(
        self,
        on_change: Callable[[str, int], None],
        on_end: Callable[[], None] | None = None,
    ) -> Callable[[], None] | None:
        """Tell ``on_change(file_number, version)`` – on a thread of its own – whenever someone
        else changes a case this person may see, and ``on_end()`` when the session ends on the
        server (expired, or the account removed); returns the function that stops it, or None
        where no one else can change anything (the file of one PC)."""
        ...

    def release_caches(self) -> None:
        """The window is locked: drop open connections and their decrypted page caches (the
        next call opens them again)."""
        ...

    def close(self) -> None: ...
