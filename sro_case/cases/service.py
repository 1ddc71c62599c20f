"""Use cases of the case file: create (after the duplicate check), list, search, read, edit,
status workflow (close/reopen with a reason), persons, consents, notes, helps, resources."""

from __future__ import annotations

import builtins
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ARRAY,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    column,
    false,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sro_case.cases import entrusted, reading, search_index
from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import (
    catalogue,
    closed_status,
    initial_status,
    reopened_status,
)
from sro_case.domain.consent_gate import entrusted_released
from sro_case.domain.messages import T, as_text
from sro_case.domain.models import CaseFilter, DuplicateCandidate
from sro_case.domain.phonetics import cologne_phonetic
from sro_case.domain.sorting import german_key
from sro_case.domain.validation import Checker
from sro_case.errors import NotFound, ValidationError, WorkflowError
from sro_case.kernel import mapping
from sro_case.kernel.unit_of_work import database_id
from sro_case.storage.orm import (
    CaseNoteRecord,
    CaseRecord,
    ConferenceRecord,
    ConsentRecord,
    FamilyRecord,
    GoalRecord,
    HelpRecord,
    PersonRecord,
    ResourceRecord,
    SocialSpaceRecord,
    StatusChangeRecord,
    UserRecord,
)

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork


SEALED_PLACEHOLDER = (
    "Anvertrauter Eintrag (§ 65 SGB VIII): eine Einwilligung gibt ihn frei, er ist für Sie aber "
    "noch nicht entschlüsselt. Er wird lesbar, sobald die verfassende Fachkraft den Fall öffnet."
)


def space_id(session: Session, code: str) -> int:
    sid = session.execute(
        select(SocialSpaceRecord.id).where(SocialSpaceRecord.code == code)
    ).scalar_one_or_none()
    if sid is None:
        raise ValidationError(
            [("Sozialraum", T("„{code}“ ist kein bekannter Sozialraum.", code=code))]
        )
    return sid


def user_id(session: Session, login: str | None) -> int | None:
    if not login:
        return None
    uid = session.execute(
        select(UserRecord.id).where(UserRecord.login == login)
    ).scalar_one_or_none()
    if uid is None:
        raise ValidationError(
            [
                (
                    "Fachkraft",
                    T(
                        "„{login}“ ist keine bekannte Benutzerin/kein bekannter Benutzer.",
                        login=login,
                    ),
                )
            ]
        )
    return uid


class CaseService:
    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    # -- queries ---------------------------------------------------------------------------
    def _summary_query(self) -> Select[Any]:
        conf_count = (
            select(func.count(ConferenceRecord.id))
            .where(ConferenceRecord.case_id == CaseRecord.id)
            .scalar_subquery()
        )
        goal_count = (
            select(func.count(GoalRecord.id))
            .where(GoalRecord.case_id == CaseRecord.id)
            .scalar_subquery()
        )
        return (
            select(
                CaseRecord.id,
                CaseRecord.file_number,
                FamilyRecord.display_name,
                SocialSpaceRecord.name,
                CaseRecord.status,
                func.coalesce(UserRecord.name, ""),
                CaseRecord.opened_on,
                CaseRecord.closed_on,
                CaseRecord.next_review,
                conf_count,
                goal_count,
                CaseRecord.version,
            )
            .join(FamilyRecord, FamilyRecord.id == CaseRecord.family_id)
            .join(SocialSpaceRecord, SocialSpaceRecord.id == CaseRecord.social_space_id)
            .outerjoin(UserRecord, UserRecord.id == CaseRecord.lead_worker_id)
        )

    def _apply_filter(self, q: Select[Any], f: CaseFilter) -> Select[Any]:
        """Filter conditions on ``case_file`` alone (code and login become id lookups), so
        that counting and paging need no joins."""
        if f.search:
            found: list[Any] = []
            if self._store.engine.dialect.name == "postgresql":
                search = search_index.postgresql_search(f.search)
                if search is not None:
                    sql, params = search
                    words = text(sql).bindparams(**params).columns(column("case_id"))
                    found.append(CaseRecord.id.in_(words))
            else:
                expr = search_index.match_expression(f.search)
                if expr is not None:
                    found.append(
                        CaseRecord.id.in_(
                            select(text("rowid"))
                            .select_from(text("case_search"))
                            .where(text("case_search MATCH :match").bindparams(match=expr))
                        )
                    )
            fragment = search_index.file_number_fragment(f.search)
            if fragment is not None:  # "000404", "2024-000404": a part of a file number
                found.append(CaseRecord.file_number.like(fragment, escape="\\"))
            if not found:
                return q.where(false())
            q = q.where(or_(*found))
        if f.social_space:
            q = q.where(
                CaseRecord.social_space_id
                == select(SocialSpaceRecord.id)
                .where(SocialSpaceRecord.code == f.social_space)
                .scalar_subquery()
            )
        if f.status:
            q = q.where(CaseRecord.status == f.status)
        if f.worker:
            q = q.where(
                CaseRecord.lead_worker_id
                == select(UserRecord.id).where(UserRecord.login == f.worker).scalar_subquery()
            )
        if f.review_due:
            q = q.where(CaseRecord.next_review <= self._store.clock.today())
        if not f.include_closed:
            q = q.where(CaseRecord.status != closed_status())
        return q

    def list(
        self,
        f: CaseFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        sort: str = "file_number",
        descending: bool = False,
    ) -> list[m.CaseSummary]:
        """Case summaries in German order of ``sort`` (one of SORT_COLUMNS), file number as
        tie-breaker. The UI pages through with limit/offset.

        Two steps: the ids of the page (only the tables the sort needs), then the summaries
        of those ids — so the per-case counts are computed for one page, not for every match.
        """
        self._store.require_case_access()
        ids = self._apply_filter(select(CaseRecord.id), f or CaseFilter())
        key: Any
        if sort == "family":
            ids, key = (
                ids.join(FamilyRecord, FamilyRecord.id == CaseRecord.family_id),
                (FamilyRecord.sort_name),
            )
        elif sort == "social_space":
            ids = ids.join(SocialSpaceRecord, SocialSpaceRecord.id == CaseRecord.social_space_id)
            key = SocialSpaceRecord.sort_name
        elif sort == "worker":
            ids = ids.outerjoin(UserRecord, UserRecord.id == CaseRecord.lead_worker_id)
            key = UserRecord.sort_name
        else:
            key = {
                "file_number": CaseRecord.file_number,
                "status": CaseRecord.status,
                "next_review": CaseRecord.next_review,
            }.get(sort)
        if key is None:
            raise ValueError(f"unknown sort column {sort!r}")
        order = [key.desc() if descending else key.asc()]
        if sort != "file_number":
            order.append(CaseRecord.file_number.desc() if descending else CaseRecord.file_number)
        ids = ids.order_by(*order).offset(offset)
        if limit is not None:
            ids = ids.limit(limit)
        with self._store.read() as s:
            page = list(s.execute(ids).scalars())
            if not page:
                return []
            if self._store.engine.dialect.name == "postgresql":
                # one array parameter: the same short statement for every page, which psycopg
                # converts once and PostgreSQL plans once (fifty ids made it 5,000 characters)
                among = CaseRecord.id == any_(bindparam("page", page, type_=ARRAY(Integer)))
            else:
                among = CaseRecord.id.in_(page)
            rows = {row[0]: row for row in s.execute(self._summary_query().where(among))}
        # on PostgreSQL each statement sees what was committed before it: a case handed over
        # or deleted between the two is left out, not an error
        return [m.CaseSummary(*rows[case_id]) for case_id in page if case_id in rows]

    def count(self, f: CaseFilter | None = None) -> int:
        self._store.require_case_access()
        q = self._apply_filter(select(func.count(CaseRecord.id)), f or CaseFilter())
        with self._store.read() as s:
            return int(s.execute(q).scalar_one())

    def summary(self, case_id: int) -> m.CaseSummary:
        """One case's line of the case list (not a read of the file)."""
        self._store.require_case_access()
        with self._store.read() as s:
            row = s.execute(self._summary_query().where(CaseRecord.id == case_id)).first()
        if row is None:
            raise NotFound(T("Der Fall {case_id} existiert nicht.", case_id=case_id))
        return m.CaseSummary(*row)

    def id_for(self, file_number: str) -> int:
        self._store.require_case_access()
        with self._store.read() as s:
            cid = s.execute(
                select(CaseRecord.id).where(CaseRecord.file_number == file_number.strip())
            ).scalar_one_or_none()
        if cid is None:
            raise NotFound(
                T("Es gibt keinen Fall mit dem Aktenzeichen „{value}“.", value=file_number)
            )
        return cid

    def find_duplicates(
        self, last_name: str, first_name: str = "", birth_date: date | None = None
    ) -> builtins.list[DuplicateCandidate]:
        """Possible duplicates, closed cases included: same or similar-sounding surname
        (Kölner Phonetik), and the same birth date."""
        self._store.require_case_access()
        code = cologne_phonetic(last_name)
        conditions = []
        if birth_date is not None:
            conditions.append(PersonRecord.birth_date == birth_date)
        if last_name.strip():
            conditions.append(func.lower(PersonRecord.last_name) == last_name.strip().lower())
        candidates: list[DuplicateCandidate] = []
        with self._store.read() as s:
            rows = []
            if conditions:
                rows = list(
                    s.execute(
                        select(PersonRecord, CaseRecord.id)
                        .join(CaseRecord, CaseRecord.family_id == PersonRecord.family_id)
                        .where(or_(*conditions))
                    )
                )
            if code:
                sql, params = search_index.phonetic_match(self._store.engine.dialect.name, code)
                ids = s.execute(text(sql), params).scalars().all()
                if ids:
                    rows += list(
                        s.execute(
                            select(PersonRecord, CaseRecord.id)
                            .join(CaseRecord, CaseRecord.family_id == PersonRecord.family_id)
                            .where(CaseRecord.id.in_(ids))
                        )
                    )
            seen: set[tuple[int, int]] = set()
            summaries = {
                row[0]: m.CaseSummary(*row)
                for row in s.execute(
                    self._summary_query().where(CaseRecord.id.in_({cid for _, cid in rows}))
                )
            }
            for person, cid in rows:
                if (person.id, cid) in seen:
                    continue
                seen.add((person.id, cid))
                same_birth = birth_date is not None and person.birth_date == birth_date
                similar = bool(code) and cologne_phonetic(person.last_name) == code
                same_first = (
                    bool(first_name)
                    and person.first_name.casefold() == first_name.strip().casefold()
                )
                if not (same_birth or similar):
                    continue
                reasons = []
                if similar:
                    reasons.append("gleich klingender Familienname")
                if same_first:
                    reasons.append("gleicher Vorname")
                if same_birth:
                    reasons.append("gleiches Geburtsdatum")
                candidates.append(
                    DuplicateCandidate(
                        summaries[cid],
                        f"{person.first_name} {person.last_name}",
                        person.birth_date,
                        ", ".join(reasons),
                    )
                )
        candidates.sort(key=lambda d: (-d.reason.count(","), german_key(d.person)))
        return candidates

    def get(self, case_id: int) -> m.CaseDetail:
        """The whole case file. Recorded in the audit log as a read."""
        return self._read(
            CaseRecord.id == case_id, T("Der Fall {case_id} existiert nicht.", case_id=case_id)
        )

    def get_by_number(self, file_number: str) -> m.CaseDetail:
        """The whole case file by its file number, in one transaction (the team server's
        read of a case: no lookup of the id before). Recorded in the audit log as a read."""
        file_number = file_number.strip()
        return self._read(
            CaseRecord.file_number == file_number,
            T("Der Fall {file_number} existiert nicht.", file_number=file_number),
        )

    def _read(self, where: Any, missing: str) -> m.CaseDetail:
        self._store.require_case_access()
        with self._store.write() as s:
            rec = reading.case_file(s, where)
            if rec is None:
                raise NotFound(missing)
            detail = self._detail(s, rec)
            # last: on the team server the audit chain is appended one at a time, until commit
            self._store.audit(s, "read", "case", rec.id, case_id=rec.id)
            return detail

    def _detail(self, s: Session, rec: CaseRecord) -> m.CaseDetail:
        me = self._store.actor
        lead = rec.lead_worker.login if rec.lead_worker else None
        today = self._store.clock.today()
        released = entrusted_released([mapping.consent(c) for c in rec.consents], today)
        notes = []
        if released:  # a consent released entrusted entries: share the keys I hold
            entrusted.release(self._store, s, rec.consents, rec.notes, today)
        opened = entrusted.open_many(self._store, s, list(rec.notes))
        for n in sorted(rec.notes, key=lambda n: (n.occurred_on, n.id)):
            author_login, name = (n.author.login, n.author.name) if n.author else (None, "")
            if n.sealed:
                # § 65 SGB VIII, by cryptography: only who holds the note's key reads it
                plain = opened.get(n.id)
                if plain is not None:
                    notes.append(
                        mapping.note(n, name, text=plain.text, participants=plain.participants)
                    )
                elif released:
                    notes.append(mapping.note(n, name, text=SEALED_PLACEHOLDER, participants=""))
                continue
            # not sealed yet (older file): an entrusted entry is seen only by the worker it was
            # entrusted to (and the lead worker), unless a valid consent releases it
            if n.entrusted and not released and me not in {author_login, lead}:
                continue
            notes.append(mapping.note(n, name))
        return m.CaseDetail(
            summary=mapping.case_summary(rec),
            family=mapping.family(rec.family, rec.social_space.code),
            reason_for_contact=rec.reason_for_contact,
            focus_areas=mapping.split_codes(rec.focus_areas),
            child_protection=rec.child_protection,
            outcome_8a=rec.outcome_8a,
            legal_hold=rec.legal_hold,
            end_reason=rec.end_reason,
            pseudonymize=rec.pseudonymize,
            consents=tuple(mapping.consent(c) for c in rec.consents),
            notes=tuple(notes),
            helps=tuple(
                mapping.help_(h) for h in sorted(rec.helps, key=lambda h: (h.start_on, h.id))
            ),
            conferences=tuple(
                mapping.conference(c)
                for c in sorted(rec.conferences, key=lambda c: (c.held_on, c.id))
            ),
            goals=tuple(mapping.goal(g) for g in sorted(rec.goals, key=lambda g: g.id)),
            resources=tuple(mapping.resource(r) for r in rec.resources),
            history=tuple(
                m.StatusChange(h.changed_on, h.from_status, h.to_status, h.reason)
                for h in sorted(rec.status_changes, key=lambda h: h.id)
            ),
        )

    # -- create and edit -------------------------------------------------------------------
    def create(self, draft: m.CaseDraft) -> m.CaseSummary:
        """A new case with its family and persons. Call ``find_duplicates`` first."""
        self._store.require_case_access()
        today = self._store.clock.today()
        d = rules.check_case(draft, today)
        with self._store.write() as s:
            if s.execute(
                select(CaseRecord.id).where(CaseRecord.file_number == d.file_number)
            ).first():
                raise ValidationError(
                    [("Aktenzeichen", T("„{value}“ ist bereits vergeben.", value=d.file_number))]
                )
            sid = space_id(s, d.family.social_space)
            fam = FamilyRecord(
                display_name=d.family.display_name,
                street=d.family.street,
                postal_code=d.family.postal_code,
                city=d.family.city,
                social_space_id=sid,
            )
            fam.persons = [
                PersonRecord(
                    first_name=p.first_name,
                    last_name=p.last_name,
                    birth_date=p.birth_date,
                    sex=p.sex,
                    role=p.role,
                )
                for p in d.persons
            ]
            s.add(fam)
            s.flush()
            status = initial_status()
            case = CaseRecord(
                file_number=d.file_number,
                family_id=fam.id,
                lead_worker_id=user_id(s, d.lead_worker),
                social_space_id=sid,
                opened_on=d.opened_on,
                status=status,
                reason_for_contact=d.reason_for_contact,
                focus_areas=",".join(d.focus_areas),
                child_protection=d.child_protection,
                next_review=d.next_review,
            )
            s.add(case)
            try:
                s.flush()
            except IntegrityError as exc:  # a race on the unique file number
                raise ValidationError([("Aktenzeichen", "ist bereits vergeben.")]) from exc
            s.add(
                StatusChangeRecord(
                    case_id=case.id, changed_on=d.opened_on, from_status=None, to_status=status
                )
            )
            search_index.reindex_case(s, case.id)
            self._store.audit(s, "create", "case", case.id, case_id=case.id)
            return next(
                m.CaseSummary(*r)
                for r in s.execute(self._summary_query().where(CaseRecord.id == case.id))
            )

    def _case(self, s: Session, case_id: int) -> CaseRecord:
        rec = s.get(CaseRecord, case_id)
        if rec is None:
            raise NotFound(T("Der Fall {case_id} existiert nicht.", case_id=case_id))
        return rec

    def update(self, case_id: int, edit: m.CaseEdit) -> None:
        self._store.require_case_access()
        e = rules.check_case_edit(edit)
        with self._store.write() as s:
            rec = self._case(s, case_id)
            changed = []
            for field, value in (
                ("reason_for_contact", e.reason_for_contact),
                ("child_protection", e.child_protection),
                ("outcome_8a", e.outcome_8a),
                ("next_review", e.next_review),
                ("legal_hold", e.legal_hold),
                ("pseudonymize", e.pseudonymize),
            ):
                if value is not None and getattr(rec, field) != value:
                    setattr(rec, field, value)
                    changed.append(field)
            if e.focus_areas is not None:
                rec.focus_areas = ",".join(e.focus_areas)
                changed.append("focus_areas")
            if e.lead_worker is not None:
                rec.lead_worker_id = user_id(s, e.lead_worker)
                changed.append("lead_worker")
            if changed:
                self._store.audit(
                    s, "update", "case", case_id, case_id=case_id, detail=",".join(changed)
                )

    def change_status(self, case_id: int, to_status: str) -> None:
        self._store.require_case_access()
        statuses = catalogue("case_statuses")
        with self._store.write() as s:
            rec = self._case(s, case_id)
            current = statuses.by_code(rec.status)
            if to_status not in current.get("next", []):
                raise WorkflowError(
                    T(
                        "Der Status kann nicht von „{old}“ zu „{new}“ wechseln. Zum Abschließen "
                        "bitte „Fall abschließen“ mit Beendigungsgrund wählen.",
                        old=as_text(current.name),
                        new=as_text(statuses.label(to_status)),
                    )
                )
            s.add(
                StatusChangeRecord(
                    case_id=case_id,
                    changed_on=self._store.clock.today(),
                    from_status=rec.status,
                    to_status=to_status,
                )
            )
            rec.status = to_status
            self._store.audit(s, "status", "case", case_id, case_id=case_id, detail=to_status)

    def running_helps(self, case_id: int) -> builtins.list[m.Help]:
        """The helps of a case without an end date (asked about when the case is closed)."""
        self._store.require_case_access()
        with self._store.read() as s:
            rows = s.execute(
                select(HelpRecord)
                .where(HelpRecord.case_id == case_id, HelpRecord.end_on.is_(None))
                .order_by(HelpRecord.start_on, HelpRecord.id)
            ).scalars()
            return [mapping.help_(h) for h in rows]

    def close(
        self,
        case_id: int,
        end_reason: str,
        closed_on: date | None = None,
        *,
        end_running_helps: bool = False,
    ) -> None:
        """Close with an end reason (catalogue ``end_reasons``). With ``end_running_helps``
        every help still running ends on the closing day with the same reason, in the same
        transaction (a closed case with a help at 1.850 €/month running on is a wrong figure
        in every cost statistic)."""
        self._store.require_case_access()
        today = self._store.clock.today()
        closed_on = closed_on or today
        if end_reason not in catalogue("end_reasons"):
            raise ValidationError([("Beendigungsgrund", "Bitte einen Beendigungsgrund auswählen.")])
        if closed_on > today:
            raise ValidationError([("Abschlussdatum", "darf nicht in der Zukunft liegen.")])
        with self._store.write() as s:
            rec = self._case(s, case_id)
            if rec.status == closed_status():
                raise WorkflowError("Der Fall ist bereits abgeschlossen.")
            if closed_on < rec.opened_on:
                raise ValidationError([("Abschlussdatum", "darf nicht vor dem Fallbeginn liegen.")])
            s.add(
                StatusChangeRecord(
                    case_id=case_id,
                    changed_on=closed_on,
                    from_status=rec.status,
                    to_status=closed_status(),
                    reason=end_reason,
                )
            )
            rec.status, rec.closed_on, rec.end_reason = closed_status(), closed_on, end_reason
            self._store.audit(s, "close", "case", case_id, case_id=case_id, detail=end_reason)
            if end_running_helps:
                for h in s.execute(
                    select(HelpRecord).where(
                        HelpRecord.case_id == case_id, HelpRecord.end_on.is_(None)
                    )
                ).scalars():
                    h.end_on = max(closed_on, h.start_on)
                    h.end_reason = end_reason
                    self._store.audit(s, "end", "help", h.id, case_id=case_id, detail=end_reason)

    def reopen(self, case_id: int, reason: str) -> None:
        """Reopen a closed case with a reason (catalogue ``reopen_reasons``)."""
        self._store.require_case_access()
        if reason not in catalogue("reopen_reasons"):
            raise ValidationError(
                [("Grund", "Bitte einen Grund für die Wiederaufnahme auswählen.")]
            )
        with self._store.write() as s:
            rec = self._case(s, case_id)
            if rec.status != closed_status():
                raise WorkflowError("Nur ein abgeschlossener Fall kann wieder aufgenommen werden.")
            s.add(
                StatusChangeRecord(
                    case_id=case_id,
                    changed_on=self._store.clock.today(),
                    from_status=rec.status,
                    to_status=reopened_status(),
                    reason=reason,
                )
            )
            rec.status, rec.closed_on, rec.end_reason = reopened_status(), None, None
            self._store.audit(s, "reopen", "case", case_id, case_id=case_id, detail=reason)

    def add_person(self, case_id: int, draft: m.PersonDraft) -> m.Person:
        self._store.require_case_access()
        p = rules.check_person(draft, self._store.clock.today())
        with self._store.write() as s:
            rec = self._case(s, case_id)
            person = PersonRecord(
                family_id=rec.family_id,
                first_name=p.first_name,
                last_name=p.last_name,
                birth_date=p.birth_date,
                sex=p.sex,
                role=p.role,
            )
            s.add(person)
            s.flush()
            search_index.reindex_family(s, rec.family_id)
            self._store.audit(s, "create", "person", person.id, case_id=case_id)
            return mapping.person(person)

    def update_person(self, case_id: int, person_id: int, draft: m.PersonDraft) -> m.Person:
        """Correct a person of the case's household (names, birth date, sex, role).

        Checked by the same rule as a new person before anything is written; the search index
        is rebuilt in the same transaction, so the case list finds the new name at once."""
        self._store.require_case_access()
        p = rules.check_person(draft, self._store.clock.today())
        with self._store.write() as s:
            rec = self._case(s, case_id)
            person = s.get(PersonRecord, person_id)
            if person is None or person.family_id != rec.family_id:
                raise ValidationError([("Person", T("gehört nicht zu diesem Fall."))])
            changed = []
            for field in ("first_name", "last_name", "birth_date", "sex", "role"):
                value = getattr(p, field)
                if getattr(person, field) != value:
                    setattr(person, field, value)
                    changed.append(field)
            if changed:
                s.flush()
                search_index.reindex_family(s, rec.family_id)
                self._store.audit(
                    s, "update", "person", person.id, case_id=case_id, detail=",".join(changed)
                )
            return mapping.person(person)

    def update_family(self, case_id: int, draft: m.FamilyDraft) -> m.Family:
        """Correct the household of a case: name, address and Sozialraum.

        A move to another Sozialraum moves the family and its open cases (this one included);
        closed cases keep the Sozialraum they were worked in, so past figures stay as they were."""
        self._store.require_case_access()
        c = Checker()
        d = rules.check_family(draft, c)
        c.done()
        with self._store.write() as s:
            rec = self._case(s, case_id)
            fam = rec.family
            sid = space_id(s, d.social_space)
            changed = []
            for field in ("display_name", "street", "postal_code", "city"):
                value = getattr(d, field)
                if getattr(fam, field) != value:
                    setattr(fam, field, value)  # display_name keeps sort_name in step
                    changed.append(field)
            if rec.social_space_id != sid or fam.social_space_id != sid:
                fam.social_space_id = sid
                for case in s.execute(
                    select(CaseRecord).where(
                        CaseRecord.family_id == fam.id,
                        or_(CaseRecord.id == case_id, CaseRecord.status != closed_status()),
                    )
                ).scalars():
                    case.social_space_id = sid
                changed.append("social_space")
            if changed:
                s.flush()
                search_index.reindex_family(s, fam.id)
                self._store.audit(
                    s, "update", "family", fam.id, case_id=case_id, detail=",".join(changed)
                )
            return mapping.family(fam, d.social_space)

    def add_consent(self, case_id: int, draft: m.ConsentDraft) -> m.Consent:
        self._store.require_case_access()
        d = rules.check_consent(draft, self._store.clock.today())
        with self._store.write() as s:
            rec = self._case(s, case_id)
            person = s.get(PersonRecord, d.person_id)
            if person is None or person.family_id != rec.family_id:
                raise ValidationError([("Person", "gehört nicht zu diesem Fall.")])
            c = ConsentRecord(
                case_id=case_id,
                person_id=d.person_id,
                disciplines=",".join(d.disciplines),
                data_scope=d.data_scope,
                releases_entrusted=d.releases_entrusted,
                given_on=d.given_on,
                expires_on=d.expires_on,
            )
            s.add(c)
            s.flush()
            self._store.audit(s, "create", "consent", c.id, case_id=case_id)
            if d.releases_entrusted:  # released now: those who can read share the keys
                s.refresh(rec, ["consents", "notes"])
                entrusted.release(
                    self._store, s, rec.consents, rec.notes, self._store.clock.today()
                )
            return mapping.consent(c)

    def revoke_consent(self, consent_id: int, revoked_on: date | None = None) -> None:
        self._store.require_case_access()
        today = self._store.clock.today()
        revoked_on = revoked_on or today
        if revoked_on > today:
            raise ValidationError([("Widerrufen am", "darf nicht in der Zukunft liegen.")])
        with self._store.write() as s:
            c = s.get(ConsentRecord, consent_id)
            if c is None:
                raise NotFound("Diese Einwilligung existiert nicht.")
            if revoked_on < c.given_on:
                raise ValidationError([("Widerrufen am", "darf nicht vor der Erteilung liegen.")])
            c.revoked_on = revoked_on
            self._store.audit(s, "revoke", "consent", consent_id, case_id=c.case_id)

    def add_note(self, case_id: int, draft: m.NoteDraft) -> m.CaseNote:
        self._store.require_case_access()
        d = rules.check_note(draft, self._store.clock.today())
        with self._store.write() as s:
            self._case(s, case_id)
            author = s.execute(
                select(UserRecord).where(UserRecord.login == self._store.actor)
            ).scalar_one_or_none()
            n = CaseNoteRecord(
                case_id=case_id,
                occurred_on=d.occurred_on,
                kind=d.kind,
                participants=d.participants,
                text=d.text,
                entrusted=d.entrusted,
                author_id=author.id if author else None,
            )
            s.add(n)
            s.flush()
            identity = self._store.identity
            if d.entrusted and identity is not None:  # sealed to its author
                author_key = {identity.label: identity.pair.public.box}
                entrusted.seal_note(s, n, d.text, d.participants, author_key, database_id(s))
                consents = self._case(s, case_id).consents
                entrusted.release(self._store, s, consents, [n], self._store.clock.today())
            self._store.audit(s, "create", "note", n.id, case_id=case_id)
            return mapping.note(
                n, author.name if author else "", text=d.text, participants=d.participants
            )

    def add_help(self, case_id: int, draft: m.HelpDraft) -> m.Help:
        self._store.require_case_access()
        d = rules.check_help(draft)
        with self._store.write() as s:
            rec = self._case(s, case_id)
            if d.person_id is not None:
                person = s.get(PersonRecord, d.person_id)
                if person is None or person.family_id != rec.family_id:
                    raise ValidationError([("Person", "gehört nicht zu diesem Fall.")])
            h = HelpRecord(
                case_id=case_id,
                person_id=d.person_id,
                help_type=d.help_type,
                provider=d.provider,
                start_on=d.start_on,
                end_on=d.end_on,
                hours_per_week=d.hours_per_week,
                monthly_cost_cents=d.monthly_cost_cents,
                end_reason=d.end_reason,
            )
            s.add(h)
            s.flush()
            self._store.audit(s, "create", "help", h.id, case_id=case_id, detail=d.help_type)
            return mapping.help_(h)

    def update_help(self, help_id: int, draft: m.HelpDraft) -> m.Help:
        """Correct a help (type, person, provider, dates, hours, cost, end reason)."""
        self._store.require_case_access()
        d = rules.check_help(draft)
        with self._store.write() as s:
            h = s.get(HelpRecord, help_id)
            if h is None:
                raise NotFound("Diese Hilfe existiert nicht.")
            rec = self._case(s, h.case_id)
            if d.person_id is not None:
                person = s.get(PersonRecord, d.person_id)
                if person is None or person.family_id != rec.family_id:
                    raise ValidationError([("Person", "gehört nicht zu diesem Fall.")])
            h.help_type, h.person_id, h.provider = d.help_type, d.person_id, d.provider
            h.start_on, h.end_on = d.start_on, d.end_on
            h.hours_per_week, h.monthly_cost_cents = d.hours_per_week, d.monthly_cost_cents
            h.end_reason = d.end_reason if d.end_on is not None else None
            self._store.audit(s, "update", "help", h.id, case_id=h.case_id, detail=d.help_type)
            return mapping.help_(h)

    def end_help(self, help_id: int, end_on: date, end_reason: str) -> None:
        self._store.require_case_access()
        if end_reason not in catalogue("end_reasons"):
            raise ValidationError([("Beendigungsgrund", "Bitte einen Beendigungsgrund auswählen.")])
        with self._store.write() as s:
            h = s.get(HelpRecord, help_id)
            if h is None:
                raise NotFound("Diese Hilfe existiert nicht.")
            if end_on < h.start_on:
                raise ValidationError([("Ende", "darf nicht vor dem Beginn liegen.")])
            h.end_on, h.end_reason = end_on, end_reason
            self._store.audit(s, "end", "help", help_id, case_id=h.case_id, detail=end_reason)

    def add_resource(self, case_id: int, draft: m.ResourceDraft) -> m.Resource:
        self._store.require_case_access()
        d = rules.check_resource(draft)
        with self._store.write() as s:
            self._case(s, case_id)
            r = ResourceRecord(case_id=case_id, kind=d.kind, description=d.description)
            s.add(r)
            s.flush()
            self._store.audit(s, "create", "resource", r.id, case_id=case_id)
            return mapping.resource(r)

    def audit_trail(self, case_id: int) -> builtins.list[m.AuditEvent]:
        """Who opened, changed or exported this case (the Zugriffe tab)."""
        from sro_case.kernel.audit import to_view
        from sro_case.storage.orm import AuditEventRecord

        self._store.require_case_access()
        with self._store.read() as s:
            recs = s.execute(
                select(AuditEventRecord)
                .where(and_(AuditEventRecord.case_id == case_id))
                .order_by(AuditEventRecord.seq)
            ).scalars()
            return [to_view(r) for r in recs]
