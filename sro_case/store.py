"""The composition root of the in-process implementation: one unlocked database (the kernel's
unit of work, opened by ``accounts.vault``) with every feature's service handed out once.

``sro_case.local`` turns it into the facade (``sro_case.app.Application``); tests, the command
line and tools use it directly. ``unlock`` and ``create_database`` are ``accounts.vault``'s,
opening this store.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sro_case.accounts import vault
from sro_case.accounts.vault import CreatedDatabase, VaultStore

if TYPE_CHECKING:
    from sro_case.access_request.service import AccessRequestService
    from sro_case.accounts.users import UserService
    from sro_case.audit_log.service import AuditLogService
    from sro_case.backups.service import BackupService
    from sro_case.cases.catalog import CatalogService
    from sro_case.cases.service import CaseService
    from sro_case.conferences.documents import DocumentService
    from sro_case.conferences.service import ConferenceService
    from sro_case.deadlines.service import DeadlineService
    from sro_case.kernel.journal import Journal
    from sro_case.maintenance.service import MaintenanceService
    from sro_case.open_data.service import OpenDataService
    from sro_case.retention.service import RetentionService
    from sro_case.statistics.service import StatisticsService


class Store(VaultStore):
    """The signed-in session of the encrypted file: ``sro_case.app.Application`` in process.
    Services are made on first use (the unlock dialog must not wait for all of them)."""

    team_server = ""  # the encrypted file on this PC, not a team server
    case_teams = None  # one PC has no case teams

    # -- services --------------------------------------------------------------------------
    @cached_property
    def cases(self) -> CaseService:
        from sro_case.cases.service import CaseService

        return CaseService(self)

    @cached_property
    def conferences(self) -> ConferenceService:
        from sro_case.conferences.service import ConferenceService

        return ConferenceService(self)

    @cached_property
    def users(self) -> UserService:
        from sro_case.accounts.users import UserService

        return UserService(self)

    @cached_property
    def audit_log(self) -> AuditLogService:
        from sro_case.audit_log.service import AuditLogService

        return AuditLogService(self)

    @cached_property
    def catalog(self) -> CatalogService:
        from sro_case.cases.catalog import CatalogService

        return CatalogService(self)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        from sro_case.maintenance.service import MaintenanceService

        return MaintenanceService(self)

    @cached_property
    def deadlines(self) -> DeadlineService:
        from sro_case.deadlines.service import DeadlineService

        return DeadlineService(self)

    @cached_property
    def statistics(self) -> StatisticsService:
        from sro_case.statistics.service import StatisticsService

        return StatisticsService(self)

    @cached_property
    def documents(self) -> DocumentService:
        from sro_case.conferences.documents import DocumentService

        return DocumentService(self, self.cases)

    @cached_property
    def retention(self) -> RetentionService:
        from sro_case.retention.service import RetentionService

        return RetentionService(self)

    @cached_property
    def access_requests(self) -> AccessRequestService:
        from sro_case.access_request.service import AccessRequestService

        return AccessRequestService(self)

    @cached_property
    def open_data(self) -> OpenDataService:
        from sro_case.open_data.service import OpenDataService

        return OpenDataService(self)

    @cached_property
    def backups(self) -> BackupService:
        from sro_case.backups.service import BackupService

        return BackupService(self)

    # -- the session (see sro_case.app.Application) ----------------------------------------
    @property
    def renews_key_on_removal(self) -> bool:
        """A key file of version 2: removing a user renews the database key."""
        return self.identity is not None

    @cached_property
    def journal(self) -> Journal:
        """The journal of unsaved input; its key lives in this database (``meta``)."""
        from sro_case.kernel.journal import Journal, new_key
        from sro_case.paths import journal_dir
        from sro_case.storage.orm import MetaRecord

        with self.write() as s:
            record = s.get(MetaRecord, "journal_key")
            if record is None:
                record = MetaRecord(key="journal_key", value=new_key().hex())
                s.add(record)
            key = bytes.fromhex(record.value)
        return Journal(journal_dir(str(Path(self.path).resolve())), key, self.actor)

    def live(
        self,
        on_change: Callable[[str, int], None],
        on_end: Callable[[], None] | None = None,
    ) -> Callable[[], None] | None:
        """One PC's file: nobody else changes it while it is open (the writer lock)."""
        return None

    def verify_passphrase(self, secret: str) -> str:
        """The signed-in user's passphrase again (unlocking a locked window)."""
        return vault.verify_passphrase(self.path, secret, user=self.actor)

    def change_passphrase(self, old: str, new: str) -> None:
        """The signed-in user's own passphrase: the key slot re-wrapped, the change recorded."""
        vault.change_passphrase(self.path, old, new, user=self.actor)
        self.users.record_passphrase_change()


def unlock(path: Path, passphrase: str | None = None, **options: Any) -> Store:
    """``accounts.vault.unlock`` (same options) opening this store."""
    return vault.unlock(path, passphrase, opened=Store, **options)


def create_database(path: Path, passphrase: str, **options: Any) -> CreatedDatabase[Store]:
    """``accounts.vault.create_database`` (same options) opening this store."""
    return vault.create_database(path, passphrase, opened=Store, **options)
