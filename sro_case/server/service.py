"""What a signed-in person may do on the team server (#17). Every request is decided here –
role, case team, the consents' release to the person's discipline – and again underneath by
row-level security (``policies``). A refusal is audited and reads "nicht erlaubt".

The case work itself is the single-PC file's: the same ``CaseService`` over the kernel's unit
of work, here on PostgreSQL for one person (``ServerStore``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sro_case.cases import importing
from sro_case.cases.importing import ImportReport
from sro_case.cases.service import CaseService
from sro_case.clock import Clock
from sro_case.conferences.documents import DocumentService
from sro_case.conferences.protocol import render_document
from sro_case.conferences.service import ConferenceService
from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.domain.messages import T
from sro_case.domain.need_to_know import Release, Viewer, visible_case
from sro_case.errors import NotFound, PermissionDenied, ValidationError
from sro_case.export.tables import StatisticsExport
from sro_case.kernel import audit
from sro_case.kernel.unit_of_work import UnitOfWork
from sro_case.server import accounts
from sro_case.server.accounts import Account, hash_passphrase
from sro_case.server.database import SYSTEM, set_context, system_session
from sro_case.server.policies import WORKING_ROLES
from sro_case.statistics.service import StatisticsService
from sro_case.storage.keyfile import check_passphrase
from sro_case.storage.orm import (
    ActionStepRecord,
    CaseRecord,
    CaseTeamRecord,
    ConferenceRecord,
    ConsentRecord,
    GoalRecord,
    HelpRecord,
    ServerSessionRecord,
    UserRecord,
)

SERVER_ROLES = ("caseworker", "facilitator", "team_lead", "controlling", "admin")
NOT_PERMITTED = "Das ist Ihnen nicht erlaubt."


class ServerStore(UnitOfWork):
    """The kernel's unit of work on the team server for one signed-in person: every
    transaction tells row-level security who asks."""

    def __init__(
        self, engine: Engine, account: Account, clock: Clock, *, as_server: bool = False
    ) -> None:
        super().__init__(
            Path("teamserver"), engine, actor=account.login, role=account.role, clock=clock
        )
        self.account = account
        # the server's own context for writes no policy can judge yet (a new case with its
        # family), after the service has decided them
        self._context_role = SYSTEM if as_server else account.role
        self._expected: tuple[int, int] | None = None

    def expect_version(self, case_id: int, version: int | None) -> None:
        """The next write refuses (``Conflict``) unless the case is still at ``version``."""
        self._expected = None if version is None else (case_id, version)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with super().read() as s:
            set_context(s, user_id=self.account.id, role=self._context_role)
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        with super().write() as s:
            set_context(s, user_id=self.account.id, role=self._context_role)
            expected, self._expected = self._expected, None
            if expected is not None:  # in the same transaction as the change: nothing between
                self.check_version(s, *expected)
            yield s

    def require_case_access(self) -> None:
        """Case files are for the working roles; Admin and Controlling never read one."""
        if self.role not in WORKING_ROLES:
            raise PermissionDenied(T("Das ist Ihnen nicht erlaubt."))


@dataclass(frozen=True)
class CaseView:
    """A case file as one person may see it, and what was withheld."""

    case: m.CaseDetail
    release: Release


Member = m.TeamMember  # a person of a case team


class TeamService:
    """The requests of one signed-in person."""

    def __init__(self, engine: Engine, account: Account, clock: Clock) -> None:
        self._engine = engine
        self.account = account
        self.clock = clock
        self.store = ServerStore(engine, account, clock)
        self.cases = CaseService(self.store)

    # -- refusals ---------------------------------------------------------------------------
    def refuse(self, what: str, *, case: str = "") -> PermissionDenied:
        """Record a refusal (its own transaction: the request's is rolled back) and return
        the error to raise."""
        with system_session(self._engine) as s:
            audit.append(
                s,
                at=self.clock.now(),
                actor=self.account.login,
                action="denied",
                entity="case" if case else "request",
                detail=f"Nicht erlaubt: {what}" + (f" ({case})" if case else ""),
            )
        return PermissionDenied(T("Das ist Ihnen nicht erlaubt."))

    def _require(self, *roles: str, what: str) -> None:
        if self.account.role not in roles:
            raise self.refuse(what)

    def _case_id(self, file_number: str, what: str) -> int:
        """The id of a case this person may see; refused (audited) otherwise – a case they
        may not see is as absent as one that does not exist."""
        self._require(*WORKING_ROLES, what=what)
        try:
            return self.cases.id_for(file_number)
        except NotFound:
            raise self.refuse(what, case=file_number) from None

    # -- cases ------------------------------------------------------------------------------
    def list_cases(
        self,
        search: str = "",
        limit: int = 100,
        *,
        offset: int = 0,
        sort: str = "file_number",
        descending: bool = False,
        f: m.CaseFilter | None = None,
    ) -> list[m.CaseSummary]:
        """The case list as this person may see it (a page of it)."""
        self._require(*WORKING_ROLES, what="Fallliste")
        if sort not in m.SORT_COLUMNS:
            raise ValidationError([("sort", T("unbekannte Spalte „{column}“", column=sort))])
        return self.cases.list(
            f or m.CaseFilter(search=search or None),
            limit=max(1, min(limit, 1000)),
            offset=max(0, offset),
            sort=sort,
            descending=descending,
        )

    def count_cases(self, f: m.CaseFilter) -> int:
        self._require(*WORKING_ROLES, what="Fallliste")
        return self.cases.count(f)

    def summary(self, file_number: str) -> m.CaseSummary:
        """A case's line in the list (no read of the file)."""
        case_id = self._case_id(file_number, "Fallliste")
        return self.cases.summary(case_id)

    def file_number_of(self, case_id: int) -> str:
        """The file number of a case this person may see (the facade names cases by id)."""
        self._require(*WORKING_ROLES, what="Fallakte lesen")
        with self.store.read() as s:
            number = s.execute(
                select(CaseRecord.file_number).where(CaseRecord.id == case_id)
            ).scalar_one_or_none()
        if number is None:
            raise self.refuse("Fallakte lesen", case=str(case_id))
        return str(number)

    def create_case(self, draft: m.CaseDraft) -> m.CaseSummary:
        """A new case led by the person creating it."""
        self._require(*WORKING_ROLES, what="Fall anlegen")
        creating = CaseService(ServerStore(self._engine, self.account, self.clock, as_server=True))
        return creating.create(replace(draft, lead_worker=self.account.login))

    def show_case(self, file_number: str) -> CaseView:
        self._require(*WORKING_ROLES, what="Fallakte lesen")
        try:  # one transaction: the read finds the case by its number, and is audited
            detail = self.cases.get_by_number(file_number)
        except NotFound:  # a case this person may not see is as absent as one that is not
            raise self.refuse("Fallakte lesen", case=file_number) from None
        viewer = Viewer(self.account.login, self.account.name, self.account.discipline)
        visible, release = visible_case(detail, viewer, self.clock.today())
        return CaseView(visible, release)

    def notes(self, file_number: str) -> tuple[m.CaseNote, ...]:
        return self.show_case(file_number).case.notes

    # -- changes to the case file (whoever sees the whole of it) -----------------------------
    def _full_case(self, file_number: str, what: str) -> tuple[int, bool]:
        """(case id, whether this person leads it) of a case this person sees whole – the
        lead worker or the responsible service; refused (audited) otherwise."""
        case_id = self._case_id(file_number, what)
        with self.store.read() as s:
            case = s.get(CaseRecord, case_id)
            lead = case is not None and case.lead_worker_id == self.account.id
        if not lead and not self.responsible:
            raise self.refuse(what, case=file_number)
        return case_id, lead

    def update_case(
        self, file_number: str, edit: m.CaseEdit, *, expected_version: int | None = None
    ) -> None:
        """The case's fields; with ``expected_version`` refused (``Conflict``) if anyone
        changed the case since the version the input rests on."""
        case_id, lead = self._full_case(file_number, "Fall ändern")
        if edit.lead_worker is not None and not lead:  # handing a case over is the lead's
            raise self.refuse("Fallführung übergeben", case=file_number)
        if edit.lead_worker is None or edit.lead_worker == self.account.login:
            self.store.expect_version(case_id, expected_version)
            self.cases.update(case_id, edit)
            return
        # Handing the case over: afterwards it may be outside the lead's own view, which the
        # policy refuses a person's transaction (WITH CHECK). The server has decided above that
        # this person leads the case; the change is written as the server's own.
        with system_session(self._engine) as s:
            role = s.execute(
                select(UserRecord.role).where(
                    UserRecord.login == edit.lead_worker, UserRecord.active.is_(True)
                )
            ).scalar_one_or_none()
        if role not in WORKING_ROLES:
            raise ValidationError(
                [("Fachkraft", T("„{login}“ kann keinen Fall führen.", login=edit.lead_worker))]
            )
        server = ServerStore(self._engine, self.account, self.clock, as_server=True)
        server.expect_version(case_id, expected_version)  # checked in the write, as any save
        CaseService(server).update(case_id, edit)

    def change_status(self, file_number: str, to_status: str) -> None:
        case_id, _lead = self._full_case(file_number, "Status ändern")
        self.cases.change_status(case_id, to_status)

    def add_person(self, file_number: str, draft: m.PersonDraft) -> m.Person:
        case_id, _lead = self._full_case(file_number, "Person anlegen")
        return self.cases.add_person(case_id, draft)

    def update_family(self, file_number: str, draft: m.FamilyDraft) -> m.Family:
        case_id, _lead = self._full_case(file_number, "Familie ändern")
        return self.cases.update_family(case_id, draft)

    def add_help(self, file_number: str, draft: m.HelpDraft) -> m.Help:
        case_id, _lead = self._full_case(file_number, "Hilfe eintragen")
        return self.cases.add_help(case_id, draft)

    def end_help(self, help_id: int, end_on: date, end_reason: str) -> None:
        """A help ended, named by its id: its case must be one this person sees whole."""
        with self.store.read() as s:
            number = s.execute(
                select(CaseRecord.file_number)
                .join(HelpRecord, HelpRecord.case_id == CaseRecord.id)
                .where(HelpRecord.id == help_id)
            ).scalar_one_or_none()
        if number is None:
            raise self.refuse("Hilfe beenden", case=f"Hilfe {help_id}")
        self._full_case(str(number), "Hilfe beenden")
        self.cases.end_help(help_id, end_on, end_reason)

    def add_resource(self, file_number: str, draft: m.ResourceDraft) -> m.Resource:
        case_id, _lead = self._full_case(file_number, "Ressource eintragen")
        return self.cases.add_resource(case_id, draft)

    def add_consent(self, file_number: str, draft: m.ConsentDraft) -> m.Consent:
        """A consent (Schweigepflichtentbindung) on record: the lead worker records it."""
        case_id = self._lead_case(file_number, "Einwilligung eintragen")
        return self.cases.add_consent(case_id, draft)

    def add_note(
        self, file_number: str, draft: m.NoteDraft, *, expected_version: int | None = None
    ) -> m.CaseNote:
        case_id = self._case_id(file_number, "Verlaufseintrag schreiben")
        self.store.expect_version(case_id, expected_version)
        return self.cases.add_note(case_id, draft)

    # -- the rest of the case file (whoever sees the whole of it) -----------------------------
    def find_duplicates(
        self, last_name: str, first_name: str = "", birth_date: date | None = None
    ) -> list[m.DuplicateCandidate]:
        """Families like this one among the cases this person may see (row-level security
        hides the others: a duplicate check is no way to learn of another team's family)."""
        self._require(*WORKING_ROLES, what="Dublettenprüfung")
        return self.cases.find_duplicates(last_name, first_name, birth_date)

    def running_helps(self, file_number: str) -> list[m.Help]:
        case_id, _lead = self._full_case(file_number, "Hilfen ansehen")
        return self.cases.running_helps(case_id)

    def close_case(
        self,
        file_number: str,
        end_reason: str,
        closed_on: date | None,
        *,
        end_running_helps: bool,
    ) -> None:
        case_id, _lead = self._full_case(file_number, "Fall abschließen")
        self.cases.close(case_id, end_reason, closed_on, end_running_helps=end_running_helps)

    def reopen(self, file_number: str, reason: str) -> None:
        case_id, _lead = self._full_case(file_number, "Fall wieder öffnen")
        self.cases.reopen(case_id, reason)

    def update_person(self, file_number: str, person_id: int, draft: m.PersonDraft) -> m.Person:
        case_id, _lead = self._full_case(file_number, "Person ändern")
        return self.cases.update_person(case_id, person_id, draft)

    def update_help(self, help_id: int, draft: m.HelpDraft) -> m.Help:
        self._full_case(self._case_of(HelpRecord, help_id, "Hilfe ändern"), "Hilfe ändern")
        return self.cases.update_help(help_id, draft)

    def revoke_consent(self, consent_id: int, revoked_on: date | None) -> None:
        """A consent withdrawn: the lead worker records it, as they recorded it."""
        number = self._case_of(ConsentRecord, consent_id, "Einwilligung widerrufen")
        self._lead_case(number, "Einwilligung widerrufen")
        self.cases.revoke_consent(consent_id, revoked_on)

    def audit_trail(self, file_number: str) -> list[m.AuditEvent]:
        case_id, _lead = self._full_case(file_number, "Änderungsverlauf ansehen")
        return self.cases.audit_trail(case_id)

    def _case_of(
        self, record: type[HelpRecord | ConsentRecord | GoalRecord], item: int, what: str
    ) -> str:
        """The file number of the case an item (help, consent, goal) belongs to, if this
        person may see that case; refused (audited) otherwise."""
        self._require(*WORKING_ROLES, what=what)
        with self.store.read() as s:
            number = s.execute(
                select(CaseRecord.file_number)
                .join(record, record.case_id == CaseRecord.id)
                .where(record.id == item)
            ).scalar_one_or_none()
        if number is None:
            raise self.refuse(what, case=f"{record.__tablename__} {item}")
        return str(number)

    # -- goals and conferences (whoever the consents release the goals to) -------------------
    def _cleared(self, file_number: str, what: str) -> int:
        """The id of a case whose goals and conferences this person sees: the whole file, or a
        valid consent for their discipline; refused (audited) otherwise."""
        case_id = self._case_id(file_number, what)
        with self.store.read() as s:
            case = s.get(CaseRecord, case_id)
            lead = case is not None and case.lead_worker_id == self.account.id
        if not lead:
            detail = self.cases.get(case_id)
            viewer = Viewer(self.account.login, self.account.name, self.account.discipline)
            _visible, release = visible_case(detail, viewer, self.clock.today())
            if not release.cleared:
                raise self.refuse(what, case=file_number)
        return case_id

    def add_goal(self, file_number: str, draft: m.GoalDraft) -> m.Goal:
        case_id = self._cleared(file_number, "Ziel eintragen")
        return ConferenceService(self.store).add_goal(case_id, draft)

    def review_goal(self, draft: m.ReviewDraft) -> m.GoalReview:
        number = self._case_of(GoalRecord, draft.goal_id, "Ziel überprüfen")
        self._cleared(number, "Ziel überprüfen")
        return ConferenceService(self.store).review_goal(draft)

    def set_goal_status(self, goal_id: int, status: str) -> None:
        number = self._case_of(GoalRecord, goal_id, "Zielstatus ändern")
        self._cleared(number, "Zielstatus ändern")
        ConferenceService(self.store).set_goal_status(goal_id, status)

    def set_step_done(self, step_id: int, done: bool) -> None:
        with self.store.read() as s:
            goal_id = s.execute(
                select(ActionStepRecord.goal_id).where(ActionStepRecord.id == step_id)
            ).scalar_one_or_none()
        if goal_id is None:
            raise self.refuse("Handlungsschritt abhaken", case=f"action_step {step_id}")
        number = self._case_of(GoalRecord, goal_id, "Handlungsschritt abhaken")
        self._cleared(number, "Handlungsschritt abhaken")
        ConferenceService(self.store).set_step_done(step_id, done)

    def overdue_steps(self, on: date | None) -> list[tuple[str, m.ActionStep]]:
        """Overdue steps of the cases this person sees whole (``sees_whole``)."""
        self._require(*WORKING_ROLES, what="Fristen")
        steps = ConferenceService(self.store).overdue_steps(on)
        if self.responsible:
            return steps
        mine = {c.file_number for c in self.cases.list(m.CaseFilter(worker=self.account.login))}
        return [(number, step) for number, step in steps if number in mine]

    @property
    def responsible(self) -> bool:
        """Whether this person is of the responsible service (the ASD: the whole file of every
        case they may see)."""
        item = catalogue("disciplines").find(self.account.discipline)
        return item is not None and bool(item.get("responsible"))

    def record_conference(
        self,
        file_number: str,
        draft: m.ConferenceDraft,
        reviews: tuple[m.ReviewDraft, ...],
        *,
        expected_version: int,
    ) -> m.Conference:
        """Save a captured conference – refused if anyone changed the case since the capture
        began (a second capture of the same conference among them): never merged."""
        case_id = self._cleared(file_number, "Konferenz speichern")
        self.store.expect_version(case_id, expected_version)
        return ConferenceService(self.store).record(case_id, draft, reviews)

    def version(self, file_number: str) -> int:
        """The case's current version (sent as the ETag)."""
        case_id = self._case_id(file_number, "Fallakte lesen")
        with self.store.read() as s:
            return int(
                s.execute(select(CaseRecord.version).where(CaseRecord.id == case_id)).scalar_one()
            )

    # -- the case team ----------------------------------------------------------------------
    def team(self, file_number: str) -> list[Member]:
        case_id = self._case_id(file_number, "Fallteam ansehen")
        with self.store.read() as s:
            case = s.get(CaseRecord, case_id)
            assert case is not None
            rows = s.execute(
                select(UserRecord)
                .join(CaseTeamRecord, CaseTeamRecord.user_id == UserRecord.id)
                .where(CaseTeamRecord.case_id == case_id)
                .order_by(UserRecord.sort_name)
            ).scalars()
            members = [Member(u.login, u.name, u.discipline, False) for u in rows]
            lead = s.get(UserRecord, case.lead_worker_id) if case.lead_worker_id else None
        if lead is not None:
            members.insert(0, Member(lead.login, lead.name, lead.discipline, True))
        return members

    def visible_change(self, case_id: int) -> tuple[str, int] | None:
        """(file number, version) of a changed case this person may see; None otherwise
        (live updates tell no one about a case outside their team)."""
        if self.account.role not in WORKING_ROLES:
            return None
        with self.store.read() as s:
            row = s.execute(
                select(CaseRecord.file_number, CaseRecord.version).where(CaseRecord.id == case_id)
            ).first()
        return (str(row[0]), int(row[1])) if row is not None else None

    def _lead_case(self, file_number: str, what: str) -> int:
        case_id = self._case_id(file_number, what)
        with self.store.read() as s:
            case = s.get(CaseRecord, case_id)
            lead = case is not None and case.lead_worker_id == self.account.id
        if not lead:
            raise self.refuse(what, case=file_number)
        return case_id

    def add_member(self, file_number: str, login: str) -> Member:
        """The lead worker adds a colleague (of any discipline) to the case team."""
        case_id = self._lead_case(file_number, "Fallteam ändern")
        with self.store.write() as s:
            user = s.execute(
                select(UserRecord).where(UserRecord.login == login.strip(), UserRecord.active)
            ).scalar_one_or_none()
            if user is None or user.role not in WORKING_ROLES:
                raise ValidationError(
                    [
                        (
                            "Anmeldename",
                            T("„{login}“ ist keine Fachkraft des Teamservers.", login=login),
                        )
                    ]
                )
            if user.id == self.account.id:
                raise ValidationError([("Anmeldename", T("Sie führen diesen Fall selbst."))])
            s.add(
                CaseTeamRecord(
                    case_id=case_id,
                    user_id=user.id,
                    added_by=self.account.login,
                    added_at=self.clock.now(),
                )
            )
            try:
                s.flush()
            except IntegrityError:
                raise ValidationError(
                    [("Anmeldename", T("„{login}“ gehört schon zum Fallteam.", login=login))]
                ) from None
            self.store.audit(
                s,
                "create",
                "case_team",
                user.id,
                case_id=case_id,
                detail=f"{user.login} ins Fallteam aufgenommen",
            )
            return Member(user.login, user.name, user.discipline, False)

    def remove_member(self, file_number: str, login: str) -> None:
        case_id = self._lead_case(file_number, "Fallteam ändern")
        with self.store.write() as s:
            row = s.execute(
                select(CaseTeamRecord)
                .join(UserRecord, UserRecord.id == CaseTeamRecord.user_id)
                .where(CaseTeamRecord.case_id == case_id, UserRecord.login == login.strip())
            ).scalar_one_or_none()
            if row is None:
                raise NotFound(T("„{login}“ gehört nicht zum Fallteam.", login=login))
            s.delete(row)
            self.store.audit(
                s,
                "delete",
                "case_team",
                row.user_id,
                case_id=case_id,
                detail=f"{login.strip()} aus dem Fallteam entfernt",
            )

    # -- documents ----------------------------------------------------------------------------
    def document(self, file_number: str, kind: str, *, conference_id: int | None = None) -> bytes:
        """A conference protocol or § 36 help plan as PDF – for whoever sees the whole file
        (a document says more than a partial view would show); the export is audited."""
        view = self.show_case(file_number)
        if not view.release.full:
            raise self.refuse("Dokument drucken", case=file_number)
        documents = DocumentService(self.store, self.cases)
        source = documents.source_of(view.case, kind, conference_id=conference_id)
        with tempfile.TemporaryDirectory(prefix="sro-case-doc-") as folder:
            written = documents.record(
                source, Path(folder) / "dokument.pdf", render_document(source)
            )
            return written.read_bytes()

    def document_source(
        self,
        file_number: str,
        kind: str,
        *,
        conference_id: int | None = None,
        initials: bool | None = None,
    ) -> m.DocumentSource:
        """What a document is rendered from, for the client's render lane (whole file only);
        the read is audited, the export when the client records it (``record_document``)."""
        view = self.show_case(file_number)
        if not view.release.full:
            raise self.refuse("Dokument drucken", case=file_number)
        return DocumentService(self.store, self.cases).source_of(
            view.case, kind, conference_id=conference_id, initials=initials
        )

    def record_document(
        self, file_number: str, kind: str, conference_id: int | None, sha256: str
    ) -> None:
        """A document the client rendered and is saving, recorded with its SHA-256."""
        case_id, _lead = self._full_case(file_number, "Dokument drucken")
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValidationError([("Prüfsumme", T("Die Prüfsumme muss SHA-256 (hex) sein."))])
        with self.store.write() as s:
            if kind == "protocol":
                found = s.execute(
                    select(ConferenceRecord.id).where(
                        ConferenceRecord.id == (conference_id or 0),
                        ConferenceRecord.case_id == case_id,
                    )
                ).scalar_one_or_none()
                if found is None:
                    raise NotFound(T("Diese Konferenz gehört nicht zu diesem Fall."))
                self.store.audit(s, "export", "protocol", found, case_id=case_id, detail=sha256)
            else:
                self.store.audit(s, "export", "help_plan", case_id, case_id=case_id, detail=sha256)

    # -- importing a case list ---------------------------------------------------------------
    def import_file(self, data: bytes, suffix: str) -> ImportReport:
        """A case list (CSV or XLSX) read and checked here, on the server – never rows a client
        says it checked – then written all or nothing. The cases it extends must be ones this
        person may see: an import is no way into another team's case (refused, audited)."""
        self._require(*WORKING_ROLES, what="Fallliste importieren")
        if suffix not in (".csv", ".xlsx"):
            raise ValidationError([("Datei", T("Bitte eine .csv- oder .xlsx-Datei importieren."))])
        with tempfile.TemporaryDirectory(prefix="sro-case-import-") as folder:
            path = Path(folder) / f"fallliste{suffix}"
            path.write_bytes(data)
            parsed = importing.parse_file(path)
        # a case without a named Fachkraft is led by whoever imports it: on the server, a case
        # without a lead worker would be visible to no one
        parsed = replace(
            parsed,
            rows=tuple(
                row if row.lead_worker else replace(row, lead_worker=self.account.login)
                for row in parsed.rows
            ),
        )
        numbers = sorted({row.file_number for row in parsed.rows})
        if numbers:
            with system_session(self._engine) as s:
                existing = set(
                    s.execute(
                        select(CaseRecord.file_number).where(CaseRecord.file_number.in_(numbers))
                    ).scalars()
                )
            with self.store.read() as s:
                visible = set(
                    s.execute(
                        select(CaseRecord.file_number).where(CaseRecord.file_number.in_(numbers))
                    ).scalars()
                )
            hidden = sorted(existing - visible)
            if hidden:
                raise self.refuse("Fremden Fall per Import ergänzen", case=", ".join(hidden[:5]))
        writing = ServerStore(self._engine, self.account, self.clock, as_server=True)
        return importing.import_parsed(writing, parsed)

    # -- statistics (Controlling) ------------------------------------------------------------
    def export_statistics(
        self, date_from: date, date_to: date, fmt: str, *, min_cell: int = 3
    ) -> tuple[bytes, str]:
        """The anonymised statistics over all cases of the city (model regions and the rest),
        with the export's suppression and its release audit; (file content, summary).
        Counted from the plain facts (``StatisticsService.reference_build``, the path the
        single PC's tally is checked against) in the server's own context: Controlling sees
        no case, the count sees them all."""
        self._require("controlling", what="Statistik-Export")
        if fmt not in ("csv", "xlsx", "pdf"):
            raise ValidationError([("Format", T("csv, xlsx oder pdf"))])
        stats = self._statistics()
        export = stats.reference_build(date_from, date_to, min_cell=min_cell)
        with tempfile.TemporaryDirectory(prefix="sro-case-stats-") as folder:
            written = stats.write(export, Path(folder) / f"statistik.{fmt}")
            return written.path.read_bytes(), written.summary()

    def preview_statistics(
        self, date_from: date, date_to: date, *, min_cell: int = 3
    ) -> StatisticsExport:
        """What an export would hold (Controlling's preview); nothing is released by it."""
        self._require("controlling", what="Statistik-Vorschau")
        return self._statistics().reference_build(date_from, date_to, min_cell=min_cell)

    def _statistics(self) -> StatisticsService:
        return StatisticsService(
            ServerStore(self._engine, self.account, self.clock, as_server=True)
        )

    # -- the audit log ----------------------------------------------------------------------
    def verify_audit(self) -> tuple[int, list[str]]:
        """The whole hash chain walked (Admin and Controlling: no case content comes back)."""
        self._require("admin", "controlling", what="Protokoll prüfen")
        with system_session(self._engine) as s:
            count, problems = audit.verify(s)
            audit.append(
                s,
                at=self.clock.now(),
                actor=self.account.login,
                action="verify",
                entity="audit",
                detail=f"Protokollkette geprüft: {count} Einträge, {len(problems)} Probleme",
            )
        return count, [str(p) for p in problems]

    # -- accounts (Admin; separation of duties: no case content) ----------------------------
    def add_user(
        self, draft: m.UserDraft, passphrase: str, *, discipline: str = "", team: str = ""
    ) -> m.User:
        self._require("admin", what="Zugang anlegen")
        discipline = discipline or draft.discipline
        if draft.role not in SERVER_ROLES:
            raise ValidationError([("Rolle", T("unbekannte Rolle „{role}“", role=draft.role))])
        d = rules.check_user(draft) if draft.role != "team_lead" else _check_team_lead(draft)
        item = catalogue("disciplines").find(discipline) if discipline else None
        if discipline and item is None:
            raise ValidationError(
                [
                    (
                        "Fachbereich",
                        T("„{code}“ steht nicht im Katalog der Disziplinen.", code=discipline),
                    )
                ]
            )
        if d.role in WORKING_ROLES and not discipline:
            raise ValidationError([("Fachbereich", T("Bitte einen Fachbereich angeben."))])
        check_passphrase(passphrase, user_inputs=(d.login, d.name))
        with system_session(self._engine) as s:
            user = s.execute(
                select(UserRecord).where(UserRecord.login == d.login)
            ).scalar_one_or_none()
            if user is not None and user.passphrase_hash:
                raise ValidationError(
                    [("Anmeldename", T("„{login}“ ist bereits vergeben.", login=d.login))]
                )
            # a person moved over from a single PC's file (``transfer``) is completed: their
            # entries keep pointing at them
            completed = user is not None
            if user is None:
                user = UserRecord(login=d.login, created_at=self.clock.now())
                s.add(user)
            user.name, user.role, user.active = d.name, d.role, True
            user.discipline = item.code if item is not None else ""
            user.team = team.strip()
            user.passphrase_hash = hash_passphrase(passphrase)
            s.flush()
            audit.append(
                s,
                at=self.clock.now(),
                actor=self.account.login,
                action="update" if completed else "create",
                entity="user",
                entity_id=user.id,
                detail=f"Zugang {d.login} {'ergänzt' if completed else 'angelegt'} · Rolle {d.role}"
                + (f" · {user.discipline}" if user.discipline else ""),
            )
            return m.User(user.id, user.login, user.name, user.role, True)

    def remove_user(self, login: str) -> None:
        """Deactivate an account and end its sessions (its entries stay attributed)."""
        self._require("admin", what="Zugang entfernen")
        if login.strip() == self.account.login:
            raise ValidationError(
                [("Anmeldename", T("Den eigenen Zugang entfernt eine andere Admin."))]
            )
        with system_session(self._engine) as s:
            user = s.execute(
                select(UserRecord).where(UserRecord.login == login.strip())
            ).scalar_one_or_none()
            if user is None:
                raise NotFound(T("Es gibt keinen Zugang „{login}“.", login=login))
            user.active = False
            accounts.RECENT.forget(user_id=user.id)
            for session in s.execute(
                select(ServerSessionRecord).where(
                    ServerSessionRecord.user_id == user.id, ServerSessionRecord.ended_at.is_(None)
                )
            ).scalars():
                session.ended_at = self.clock.now()
            audit.append(
                s,
                at=self.clock.now(),
                actor=self.account.login,
                action="delete",
                entity="user",
                entity_id=user.id,
                detail=f"Zugang {user.login} deaktiviert",
            )


def _check_team_lead(draft: m.UserDraft) -> m.UserDraft:
    """``rules.check_user`` knows the single PC's roles; the Teamleitung is the server's."""
    return replace(rules.check_user(replace(draft, role="caseworker")), role="team_lead")
