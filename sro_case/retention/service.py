"""Deletion periods (Löschfristen): which closed case may be deleted when, and the deletion itself.

Rules (docs/RETENTION.md):
- A case with a help flagged ``retention_9b`` in the help catalogue (HzE, Eingliederungshilfe,
  Heimerziehung, Vormundschaft, § 41) is kept until 70 years after the 30th birthday of the
  person the help is for (§ 9b SGB VIII), i.e. it may be deleted from the 100th birthday on;
  over several such helps the latest date counts. A help without a person counts for the young
  people of the household (child, adolescent, young adult; everyone if there is none). A missing
  birth date makes the date unknown: the file is kept and reported, never guessed.
- Every other case may be deleted a configurable number of years after closing (table
  ``retention_period``; "standard" is 10 years; categories by help category, § 8a flag, or
  "no help"; the longest applicable period wins).
- Only closed cases are deleted; a legal hold (``case_file.legal_hold``) beats every period.

Deleting a case first writes its anonymised statistical record (``orm_retention``), then removes
the case file with everything in it and, once no case of the household is left, the household
and its persons; the search row goes with it. The audit log stays (its entries name staff, not
families) and gets one "retention" entry with counts only. ``VACUUM`` and a truncating WAL
checkpoint afterwards make sure the freed pages are gone from the file, not just unlinked.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from sro_case.domain.catalogues import age_group, catalogue, closed_status
from sro_case.domain.formatting import german_date
from sro_case.domain.messages import T
from sro_case.domain.retention import (
    CATEGORY_9B,
    KINDERSCHUTZ,
    LABEL_9B,
    MAX_PERIOD_YEARS,
    PERIOD_CATEGORIES,
    STANDARD,
    WITHOUT_HELP,
    YEARS_9B,
    YOUNG_ROLES,
)
from sro_case.errors import NotFound, ValidationError
from sro_case.export.tables import (
    ConferenceFact,
    GoalFact,
    HelpFact,
    ProtectionFact,
    duration_class,
)
from sro_case.storage.orm import (
    ActionStepRecord,
    CaseNoteRecord,
    CaseRecord,
    ConferenceRecord,
    ConsentRecord,
    FamilyRecord,
    GoalRecord,
    GoalReviewRecord,
    HelpRecord,
    NoteKeyRecord,
    ParticipantRecord,
    PersonRecord,
    ResourceRecord,
    SocialSpaceRecord,
    StatusChangeRecord,
)
from sro_case.storage.orm_retention import (
    CaseStatisticRecord,
    ConferenceStatisticRecord,
    GoalReviewStatisticRecord,
    GoalStatisticRecord,
    HelpStatisticRecord,
    RetentionPeriodRecord,
)
from sro_case.storage.tally import record_deleted_cases

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

_CHUNK = 500


def _fmt(day: date) -> str:
    return german_date(day)


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February becomes 1 March in a common year
    (§ 188 Abs. 3 BGB: the period ends on 28 February, so the day after is 1 March)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


# --------------------------------------------------------------------------- the rule


@dataclass(frozen=True)
class HelpBasis:
    """One help as the rule sees it: its type and the birth dates of the people it is for."""

    help_type: str
    birth_dates: tuple[date | None, ...]


@dataclass(frozen=True)
class CaseBasis:
    case_id: int
    closed_on: date | None
    legal_hold: bool
    child_protection: bool
    helps: tuple[HelpBasis, ...] = ()


@dataclass(frozen=True)
class RetentionRule:
    """When a case's personal data may go. ``due_on`` is the first day it may be deleted;
    ``None`` when it cannot be computed (open case without § 9b help, birth date missing)."""

    case_id: int
    category: str
    category_label: str
    due_on: date | None
    reason: str  # German, shown in the admin view and the CLI
    legal_hold: bool
    closed: bool

    def deletable_on(self, day: date) -> bool:
        return (
            self.closed and not self.legal_hold and self.due_on is not None and self.due_on <= day
        )


def _flags() -> tuple[set[str], dict[str, str]]:
    helps = catalogue("help_types")
    flagged = {i.code for i in helps if i.get("retention_9b")}
    categories = {i.code: str(i.get("category", STANDARD)) for i in helps}
    return flagged, categories


def _paragraph(code: str) -> str:
    helps = catalogue("help_types")
    return str(helps.by_code(code).get("paragraph") or code) if code in helps else code


def compute_rule(basis: CaseBasis, periods: dict[str, int]) -> RetentionRule:
    """The rule for one case; pure, so the admin view, the CLI and the tests agree."""
    flagged, categories = _flags()
    closed = basis.closed_on is not None
    hold = (
        " Löschsperre gesetzt: die Akte wird nicht gelöscht, solange die Sperre besteht."
        if basis.legal_hold
        else ""
    )
    helps_9b = [h for h in basis.helps if h.help_type in flagged]
    if helps_9b:
        births = [b for h in helps_9b for b in h.birth_dates]
        names = ", ".join(sorted({_paragraph(h.help_type) for h in helps_9b}))
        if not births or any(b is None for b in births):
            return RetentionRule(
                basis.case_id,
                CATEGORY_9B,
                LABEL_9B,
                None,
                f"Akte mit Hilfe nach § 9b SGB VIII ({names}), aber ohne Geburtsdatum der "
                "betroffenen Person: die Frist ist nicht berechenbar, die Akte bleibt erhalten. "
                "Bitte das Geburtsdatum nachtragen." + hold,
                basis.legal_hold,
                closed,
            )
        youngest = max(b for b in births if b is not None)
        due = add_years(youngest, YEARS_9B)
        whose = "der betroffenen Person" if len(set(births)) == 1 else "der jüngsten Person"
        reason = (
            f"Akte mit Hilfe nach § 9b SGB VIII ({names}): aufzubewahren bis 70 Jahre nach dem "
            f"30. Geburtstag {whose} ({_fmt(add_years(youngest, 30))}), löschbar ab {_fmt(due)}."
        )
        if not closed:
            reason += " Der Fall ist noch nicht abgeschlossen; gelöscht wird erst danach."
        return RetentionRule(
            basis.case_id, CATEGORY_9B, LABEL_9B, due, reason + hold, basis.legal_hold, closed
        )
    candidates = [categories.get(h.help_type, STANDARD) for h in basis.helps]
    if basis.child_protection:
        candidates.append(KINDERSCHUTZ)
    if not basis.helps:
        candidates.append(WITHOUT_HELP)
    standard = periods.get(STANDARD, 10)
    order = list(PERIOD_CATEGORIES)
    best = max(  # the longest period; on a tie the more specific category names it
        dict.fromkeys(candidates),
        key=lambda c: (
            periods.get(c, standard),
            c != STANDARD,
            -order.index(c) if c in order else -len(order),
        ),
    )
    years = periods.get(best, standard)
    label = PERIOD_CATEGORIES.get(best, best)
    if basis.closed_on is None:
        return RetentionRule(
            basis.case_id,
            best,
            label,
            None,
            "Der Fall ist nicht abgeschlossen; die Löschfrist "
            f"({years} Jahre, {label}) beginnt erst mit dem Abschluss." + hold,
            basis.legal_hold,
            closed,
        )
    due = add_years(basis.closed_on, years)
    return RetentionRule(
        basis.case_id,
        best,
        label,
        due,
        f"Abgeschlossen am {_fmt(basis.closed_on)}; Frist für {label}: {years} Jahre nach "
        f"Abschluss, löschbar ab {_fmt(due)}." + hold,
        basis.legal_hold,
        closed,
    )


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def load_bases(session: Session, case_ids: Sequence[int] | None = None) -> list[CaseBasis]:
    """What the rule needs, for the given cases (all when ``None``), in case id order."""
    closed = closed_status()
    q = select(
        CaseRecord.id,
        CaseRecord.family_id,
        CaseRecord.status,
        CaseRecord.closed_on,
        CaseRecord.legal_hold,
        CaseRecord.child_protection,
    ).order_by(CaseRecord.id)
    rows = []
    if case_ids is None:
        rows = list(session.execute(q))
    else:
        for chunk in _chunks(sorted(set(case_ids))):
            rows += list(session.execute(q.where(CaseRecord.id.in_(chunk))))
    families = {r.family_id for r in rows}
    people: dict[int, list[tuple[int, date | None, str]]] = defaultdict(list)
    births: dict[int, date | None] = {}
    for chunk in _chunks(sorted(families)):
        for pid, fid, birth, role in session.execute(
            select(
                PersonRecord.id, PersonRecord.family_id, PersonRecord.birth_date, PersonRecord.role
            ).where(PersonRecord.family_id.in_(chunk))
        ):
            people[fid].append((pid, birth, role))
            births[pid] = birth
    helps: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    for chunk in _chunks([r.id for r in rows]):
        for cid, kind, helped in session.execute(
            select(HelpRecord.case_id, HelpRecord.help_type, HelpRecord.person_id)
            .where(HelpRecord.case_id.in_(chunk))
            .order_by(HelpRecord.id)
        ):
            helps[cid].append((kind, helped))
    bases = []
    for r in rows:
        household = people[r.family_id]
        young = [b for _, b, role in household if role in YOUNG_ROLES]
        fallback = tuple(young if young else [b for _, b, _ in household])
        basis_helps = tuple(
            HelpBasis(kind, (births.get(pid),) if pid is not None else fallback)
            for kind, pid in helps[r.id]
        )
        bases.append(
            CaseBasis(
                r.id,
                r.closed_on if r.status == closed else None,
                bool(r.legal_hold),
                bool(r.child_protection),
                basis_helps,
            )
        )
    return bases


# --------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class HelpSnapshot:
    help_type: str
    start_on: date
    end_on: date | None
    end_reason: str | None
    monthly_cost_cents: int | None
    age_group: str
    sex: str


@dataclass(frozen=True)
class ConferenceSnapshot:
    held_on: date
    kind: str
    disciplines: tuple[tuple[str, int], ...]  # (code, participants), codes sorted


@dataclass(frozen=True)
class GoalSnapshot:
    status: str
    reviews: tuple[tuple[date, int], ...]  # (day, score) in the order they were given


@dataclass(frozen=True)
class CaseSnapshot:
    """The statistical content of one case. ``key`` groups facts by case: the case id for a
    live case, minus the statistical record's id for a deleted one (never the same)."""

    key: int
    social_space: str
    is_model_region: bool
    opened_on: date
    closed_on: date | None
    end_reason: str | None
    child_protection: bool
    outcome_8a: str | None
    helps: tuple[HelpSnapshot, ...] = ()
    conferences: tuple[ConferenceSnapshot, ...] = ()
    goals: tuple[GoalSnapshot, ...] = ()


@dataclass(frozen=True)
class StatisticalRows:
    """Facts for the export, in the types of ``sro_case.export.tables``."""

    helps: tuple[HelpFact, ...] = ()
    conferences: tuple[ConferenceFact, ...] = ()
    goals: tuple[GoalFact, ...] = ()
    protections: tuple[ProtectionFact, ...] = ()


def live_snapshots(session: Session, case_ids: Sequence[int]) -> list[CaseSnapshot]:
    """Snapshots of live cases, computed by the rules of ``StatisticsService._read_facts``:
    age group from the help's person at the start of the help, sex "unspecified" without one."""
    snapshots = []
    for chunk in _chunks(sorted(set(case_ids))):
        cases = session.execute(
            select(CaseRecord, SocialSpaceRecord.code, SocialSpaceRecord.is_model_region)
            .join(SocialSpaceRecord, SocialSpaceRecord.id == CaseRecord.social_space_id)
            .where(CaseRecord.id.in_(chunk))
            .order_by(CaseRecord.id)
        ).all()
        helps: dict[int, list[HelpSnapshot]] = defaultdict(list)
        for h, birth, sex in session.execute(
            select(HelpRecord, PersonRecord.birth_date, PersonRecord.sex)
            .outerjoin(PersonRecord, PersonRecord.id == HelpRecord.person_id)
            .where(HelpRecord.case_id.in_(chunk))
            .order_by(HelpRecord.id)
        ):
            helps[h.case_id].append(
                HelpSnapshot(
                    h.help_type,
                    h.start_on,
                    h.end_on,
                    h.end_reason,
                    h.monthly_cost_cents,
                    age_group(birth, h.start_on),
                    sex or "unspecified",
                )
            )
        disciplines: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for conf_id, discipline in session.execute(
            select(ParticipantRecord.conference_id, ParticipantRecord.discipline)
            .join(ConferenceRecord, ConferenceRecord.id == ParticipantRecord.conference_id)
            .where(ConferenceRecord.case_id.in_(chunk))
        ):
            disciplines[conf_id][discipline] += 1
        conferences: dict[int, list[ConferenceSnapshot]] = defaultdict(list)
        for c in session.execute(
            select(ConferenceRecord)
            .where(ConferenceRecord.case_id.in_(chunk))
            .order_by(ConferenceRecord.id)
        ).scalars():
            counts = disciplines.get(c.id, {})
            conferences[c.case_id].append(
                ConferenceSnapshot(c.held_on, c.kind, tuple(sorted(counts.items())))
            )
        reviews: dict[int, list[tuple[date, int]]] = defaultdict(list)
        for goal_id, day, score in session.execute(
            select(GoalReviewRecord.goal_id, GoalReviewRecord.reviewed_on, GoalReviewRecord.score)
            .join(GoalRecord, GoalRecord.id == GoalReviewRecord.goal_id)
            .where(GoalRecord.case_id.in_(chunk))
            .order_by(GoalReviewRecord.goal_id, GoalReviewRecord.reviewed_on, GoalReviewRecord.id)
        ):
            reviews[goal_id].append((day, score))
        goals: dict[int, list[GoalSnapshot]] = defaultdict(list)
        for goal_id, case_id, status in session.execute(
            select(GoalRecord.id, GoalRecord.case_id, GoalRecord.status)
            .where(GoalRecord.case_id.in_(chunk))
            .order_by(GoalRecord.id)
        ):
            goals[case_id].append(GoalSnapshot(status, tuple(reviews.get(goal_id, ()))))
        for case, code, model in cases:
            snapshots.append(
                CaseSnapshot(
                    key=case.id,
                    social_space=code,
                    is_model_region=bool(model),
                    opened_on=case.opened_on,
                    closed_on=case.closed_on,
                    end_reason=case.end_reason,
                    child_protection=bool(case.child_protection),
                    outcome_8a=case.outcome_8a,
                    helps=tuple(helps.get(case.id, ())),
                    conferences=tuple(conferences.get(case.id, ())),
                    goals=tuple(goals.get(case.id, ())),
                )
            )
    return snapshots


def deleted_snapshots(session: Session) -> list[CaseSnapshot]:
    """The statistical records of deleted cases, as snapshots (``closed_on`` is not kept)."""
    records = session.execute(
        select(CaseStatisticRecord).order_by(CaseStatisticRecord.id)
    ).scalars()
    helps: dict[int, list[HelpSnapshot]] = defaultdict(list)
    for h in session.execute(
        select(HelpStatisticRecord).order_by(HelpStatisticRecord.id)
    ).scalars():
        helps[h.case_statistic_id].append(
            HelpSnapshot(
                h.help_type,
                h.start_on,
                h.end_on,
                h.end_reason,
                h.monthly_cost_cents,
                h.age_group,
                h.sex,
            )
        )
    conferences: dict[int, list[ConferenceSnapshot]] = defaultdict(list)
    for c in session.execute(
        select(ConferenceStatisticRecord).order_by(ConferenceStatisticRecord.id)
    ).scalars():
        conferences[c.case_statistic_id].append(
            ConferenceSnapshot(c.held_on, c.kind, parse_discipline_counts(c.discipline_counts))
        )
    reviews: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for r in session.execute(
        select(GoalReviewStatisticRecord).order_by(GoalReviewStatisticRecord.id)
    ).scalars():
        reviews[r.goal_statistic_id].append((r.reviewed_on, r.score))
    goals: dict[int, list[GoalSnapshot]] = defaultdict(list)
    for g in session.execute(
        select(GoalStatisticRecord).order_by(GoalStatisticRecord.id)
    ).scalars():
        goals[g.case_statistic_id].append(GoalSnapshot(g.status, tuple(reviews.get(g.id, ()))))
    return [
        CaseSnapshot(
            key=-rec.id,
            social_space=rec.social_space_code,
            is_model_region=rec.is_model_region,
            opened_on=rec.opened_on,
            closed_on=None,
            end_reason=rec.end_reason,
            child_protection=rec.child_protection,
            outcome_8a=rec.outcome_8a,
            helps=tuple(helps.get(rec.id, ())),
            conferences=tuple(conferences.get(rec.id, ())),
            goals=tuple(goals.get(rec.id, ())),
        )
        for rec in records
    ]


def format_discipline_counts(counts: Sequence[tuple[str, int]]) -> str:
    return ",".join(f"{code}={n}" for code, n in sorted(counts))


def parse_discipline_counts(text_value: str) -> tuple[tuple[str, int], ...]:
    pairs = []
    for part in text_value.split(","):
        if part:
            code, _, n = part.partition("=")
            pairs.append((code, int(n or 0)))
    return tuple(sorted(pairs))


def facts_from_snapshots(
    snapshots: Iterable[CaseSnapshot], date_from: date, date_to: date
) -> StatisticalRows:
    """The export's facts for ``[date_from, date_to]`` with the same filters as
    ``StatisticsService._read_facts``: helps overlapping the period, conferences held in it,
    per goal the last score given in it, § 8a cases opened in it."""
    helps: list[HelpFact] = []
    conferences: list[ConferenceFact] = []
    goals: list[GoalFact] = []
    protections: list[ProtectionFact] = []
    for snap in snapshots:
        for h in snap.helps:
            if h.start_on <= date_to and (h.end_on is None or h.end_on >= date_from):
                helps.append(
                    HelpFact(
                        case=snap.key,
                        social_space=snap.social_space,
                        help_type=h.help_type,
                        start_on=h.start_on,
                        end_on=h.end_on,
                        end_reason=h.end_reason,
                        monthly_cost_cents=h.monthly_cost_cents,
                        age_group=h.age_group,
                        sex=h.sex,
                    )
                )
        for c in snap.conferences:
            if date_from <= c.held_on <= date_to:
                conferences.append(
                    ConferenceFact(
                        snap.key,
                        snap.social_space,
                        c.held_on,
                        frozenset(code for code, _ in c.disciplines),
                    )
                )
        for g in snap.goals:
            scores = [score for day, score in g.reviews if date_from <= day <= date_to]
            if scores:
                goals.append(GoalFact(snap.key, snap.social_space, scores[-1]))
        if snap.child_protection and date_from <= snap.opened_on <= date_to:
            protections.append(ProtectionFact(snap.key, snap.social_space, snap.outcome_8a))
    return StatisticalRows(tuple(helps), tuple(conferences), tuple(goals), tuple(protections))


def statistical_rows(session: Session, date_from: date, date_to: date) -> StatisticalRows:
    """Facts of deleted cases for the period: append them to the live facts in the export,
    so that deleting a case never changes a figure."""
    return facts_from_snapshots(deleted_snapshots(session), date_from, date_to)


def _statistic_record(snap: CaseSnapshot, category: str, today: date) -> CaseStatisticRecord:
    rec = CaseStatisticRecord(
        social_space_code=snap.social_space,
        is_model_region=snap.is_model_region,
        opened_on=snap.opened_on,
        closed_quarter=quarter(snap.closed_on) if snap.closed_on else None,
        end_reason=snap.end_reason,
        duration_class=duration_class(snap.opened_on, snap.closed_on) if snap.closed_on else None,
        child_protection=snap.child_protection,
        outcome_8a=snap.outcome_8a,
        conference_count=len(snap.conferences),
        retention_category=category,
        deleted_on=today,
    )
    rec.helps = [
        HelpStatisticRecord(
            help_type=h.help_type,
            start_on=h.start_on,
            end_on=h.end_on,
            end_reason=h.end_reason,
            duration_class=duration_class(h.start_on, h.end_on) if h.end_on else None,
            monthly_cost_cents=h.monthly_cost_cents,
            age_group=h.age_group,
            sex=h.sex,
        )
        for h in snap.helps
    ]
    rec.conferences = [
        ConferenceStatisticRecord(
            held_on=c.held_on,
            kind=c.kind,
            participant_count=sum(n for _, n in c.disciplines),
            discipline_counts=format_discipline_counts(c.disciplines),
        )
        for c in snap.conferences
    ]
    goals = []
    for g in snap.goals:
        goal = GoalStatisticRecord(status=g.status)
        goal.reviews = [GoalReviewStatisticRecord(reviewed_on=d, score=s) for d, s in g.reviews]
        goals.append(goal)
    rec.goals = goals
    return rec


# --------------------------------------------------------------------------- the service


@dataclass(frozen=True)
class RetentionProposal:
    case_id: int
    file_number: str
    family_name: str
    closed_on: date | None
    rule: RetentionRule


@dataclass(frozen=True)
class RetentionResult:
    """What ``apply`` deleted (or, unconfirmed, would delete)."""

    applied: bool
    deleted: dict[str, int] = field(default_factory=dict)  # table → rows
    skipped: tuple[tuple[int, str], ...] = ()  # (case id, German reason)
    vacuumed: bool = False

    @property
    def cases(self) -> int:
        return self.deleted.get("case_file", 0)

    def summary(self) -> str:
        d = self.deleted
        head = "Gelöscht" if self.applied else "Zur Löschung vorgesehen (nicht bestätigt)"
        lines = [
            f"{head}: {d.get('case_file', 0)} Fälle, {d.get('family', 0)} Haushalte, "
            f"{d.get('person', 0)} Personen, {d.get('case_note', 0)} Verlaufseinträge, "
            f"{d.get('consent', 0)} Einwilligungen, {d.get('help', 0)} Hilfen, "
            f"{d.get('conference', 0)} Konferenzen, {d.get('goal', 0)} Ziele.",
            f"Anonymisierte Statistiksätze angelegt: {d.get('case_statistic', 0)}.",
        ]
        lines += [f"Nicht gelöscht: Fall {cid}: {why}" for cid, why in self.skipped]
        if self.vacuumed:
            lines.append(
                "Die Datenbankdatei wurde verdichtet (VACUUM); gelöschte Seiten sind leer."
            )
        return "\n".join(lines)


def _why_kept(rule: RetentionRule, today: date) -> str:
    if rule.legal_hold:
        return "Löschsperre gesetzt."
    if not rule.closed:
        return "Der Fall ist nicht abgeschlossen."
    if rule.due_on is None:
        return rule.reason
    return f"Die Frist endet erst am {_fmt(rule.due_on)} (heute ist der {_fmt(today)})."


class _DryRun(Exception):
    """Rolls back an unconfirmed deletion after counting it."""


class RetentionService:
    """Admin work: deletion periods, proposals, and the deletion itself."""

    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    # -- settings ----------------------------------------------------------------------
    def periods(self) -> dict[str, int]:
        """Years after closing per category (effective: unset categories use "standard")."""
        with self._store.read() as s:
            return self._periods(s)

    @staticmethod
    def _periods(s: Session) -> dict[str, int]:
        stored = {r.category: r.years for r in s.execute(select(RetentionPeriodRecord)).scalars()}
        standard = stored.get(STANDARD, 10)
        cats = list(PERIOD_CATEGORIES) + sorted(set(stored) - set(PERIOD_CATEGORIES))
        return {c: stored.get(c, standard) for c in cats}

    def set_period(self, category: str, years: int | None) -> None:
        """Set a category's period; ``None`` returns it to "standard" (not for "standard")."""
        self._store.require_role("admin")
        known = set(PERIOD_CATEGORIES) | {
            str(i.get("category")) for i in catalogue("help_types") if i.get("category")
        }
        problems: list[tuple[str, str]] = []
        if category not in known:
            problems.append(
                ("Kategorie", T("„{category}“ ist keine Fristenkategorie.", category=category))
            )
        if years is None and category == STANDARD:
            problems.append(("Jahre", "Die Standardfrist muss angegeben werden."))
        if years is not None and (
            isinstance(years, bool)
            or not isinstance(years, int)
            or not 1 <= years <= MAX_PERIOD_YEARS
        ):
            problems.append(
                (
                    "Jahre",
                    T("muss eine ganze Zahl von 1 bis {maximum} sein.", maximum=MAX_PERIOD_YEARS),
                )
            )
        if problems:
            raise ValidationError(problems)
        with self._store.write() as s:
            rec = s.get(RetentionPeriodRecord, category)
            if years is None:
                if rec is not None:
                    s.delete(rec)
            elif rec is None:
                s.add(RetentionPeriodRecord(category=category, years=years))
            else:
                rec.years = years
            self._store.audit(
                s, "update", "retention_period", detail=f"{category}={years or STANDARD}"
            )

    # -- rules and proposals -----------------------------------------------------------
    def rule_for(self, case_id: int) -> RetentionRule:
        self._store.require_case_access()
        with self._store.read() as s:
            bases = load_bases(s, [case_id])
            if not bases:
                raise NotFound(T("Der Fall {case_id} existiert nicht.", case_id=case_id))
            return compute_rule(bases[0], self._periods(s))

    def _overview(self, today: date) -> tuple[list[RetentionProposal], list[RetentionProposal]]:
        with self._store.read() as s:
            periods = self._periods(s)
            rules = [compute_rule(b, periods) for b in load_bases(s)]
            due: list[RetentionRule] = []
            special: list[RetentionRule] = []
            for r in rules:
                if r.deletable_on(today):
                    due.append(r)
                elif (r.closed and r.due_on is None) or (
                    r.due_on is not None and r.due_on <= today
                ):
                    special.append(r)  # on hold, date unknown, or overdue but still open
            wanted = [r.case_id for r in due + special]
            info: dict[int, tuple[str, str, date | None]] = {}
            for chunk in _chunks(wanted):
                for cid, fn, name, closed in s.execute(
                    select(
                        CaseRecord.id,
                        CaseRecord.file_number,
                        FamilyRecord.display_name,
                        CaseRecord.closed_on,
                    )
                    .join(FamilyRecord, FamilyRecord.id == CaseRecord.family_id)
                    .where(CaseRecord.id.in_(chunk))
                ):
                    info[cid] = (fn, name, closed)

        def proposal(r: RetentionRule) -> RetentionProposal:
            fn, name, closed = info[r.case_id]
            return RetentionProposal(r.case_id, fn, name, closed, r)

        def key(p: RetentionProposal) -> tuple[date, str]:
            return (p.rule.due_on or date.max, p.file_number)

        return sorted(map(proposal, due), key=key), sorted(map(proposal, special), key=key)

    def proposals(self, today: date | None = None) -> list[RetentionProposal]:
        """Closed cases whose period has ended and that have no legal hold."""
        self._store.require_role("admin")
        return self._overview(today or self._store.clock.today())[0]

    def exceptions(self, today: date | None = None) -> list[RetentionProposal]:
        """Cases the admin should look at: due but on hold, due but still open, or closed with
        a § 9b help whose date cannot be computed (missing birth date)."""
        self._store.require_role("admin")
        return self._overview(today or self._store.clock.today())[1]

    # -- deletion ----------------------------------------------------------------------
    def apply(self, case_ids: Iterable[int], *, confirm: bool) -> RetentionResult:
        """Delete the given cases if, today, their period has ended (each is checked again).
        Unconfirmed, nothing changes and the result says what would be deleted."""
        self._store.require_role("admin")
        today = self._store.clock.today()
        ids = sorted(set(case_ids))
        outcome: RetentionResult | None = None
        try:
            with self._store.write() as s:
                outcome = self._delete(s, ids, today, confirm)
                if not confirm:
                    raise _DryRun
        except _DryRun:
            pass
        assert outcome is not None
        if confirm and outcome.cases:
            self._compact()
            outcome = RetentionResult(True, outcome.deleted, outcome.skipped, vacuumed=True)
        return outcome

    def _delete(self, s: Session, ids: list[int], today: date, confirm: bool) -> RetentionResult:
        periods = self._periods(s)
        bases = {b.case_id: b for b in load_bases(s, ids)}
        skipped: list[tuple[int, str]] = []
        chosen: list[int] = []
        categories: dict[int, str] = {}
        for cid in ids:
            basis = bases.get(cid)
            if basis is None:
                skipped.append((cid, "existiert nicht (mehr)."))
                continue
            rule = compute_rule(basis, periods)
            if not rule.deletable_on(today):
                skipped.append((cid, _why_kept(rule, today)))
                continue
            chosen.append(cid)
            categories[cid] = rule.category
        deleted: dict[str, int] = defaultdict(int)
        records = []
        for snap in live_snapshots(s, chosen):
            records.append(_statistic_record(snap, categories[snap.key], today))
            deleted["case_statistic"] += 1
        s.add_all(records)
        s.flush()
        families: set[int] = set()
        for chunk in _chunks(chosen):
            families |= set(
                s.execute(select(CaseRecord.family_id).where(CaseRecord.id.in_(chunk))).scalars()
            )
            goals = select(GoalRecord.id).where(GoalRecord.case_id.in_(chunk))
            confs = select(ConferenceRecord.id).where(ConferenceRecord.case_id.in_(chunk))
            notes = select(CaseNoteRecord.id).where(CaseNoteRecord.case_id.in_(chunk))
            steps = [
                (ActionStepRecord, ActionStepRecord.goal_id.in_(goals)),
                (GoalReviewRecord, GoalReviewRecord.goal_id.in_(goals)),
                (GoalRecord, GoalRecord.case_id.in_(chunk)),
                (ParticipantRecord, ParticipantRecord.conference_id.in_(confs)),
                (ConferenceRecord, ConferenceRecord.case_id.in_(chunk)),
                (ResourceRecord, ResourceRecord.case_id.in_(chunk)),
                (NoteKeyRecord, NoteKeyRecord.note_id.in_(notes)),
                (CaseNoteRecord, CaseNoteRecord.case_id.in_(chunk)),
                (ConsentRecord, ConsentRecord.case_id.in_(chunk)),
                (HelpRecord, HelpRecord.case_id.in_(chunk)),
                (StatusChangeRecord, StatusChangeRecord.case_id.in_(chunk)),
                (CaseRecord, CaseRecord.id.in_(chunk)),
            ]
            for record, where in steps:
                result = s.execute(
                    delete(record).where(where).execution_options(synchronize_session=False)
                )
                deleted[record.__tablename__] += int(getattr(result, "rowcount", 0) or 0)
            for cid in chunk:
                s.execute(text("DELETE FROM case_search WHERE rowid = :id"), {"id": cid})
        orphans = []
        for chunk in _chunks(sorted(families)):
            still = set(
                s.execute(
                    select(CaseRecord.family_id).where(CaseRecord.family_id.in_(chunk))
                ).scalars()
            )
            orphans += [f for f in chunk if f not in still]
        for chunk in _chunks(orphans):
            n = s.execute(
                select(func.count(PersonRecord.id)).where(PersonRecord.family_id.in_(chunk))
            ).scalar_one()
            for record, where in (
                (PersonRecord, PersonRecord.family_id.in_(chunk)),
                (FamilyRecord, FamilyRecord.id.in_(chunk)),
            ):
                s.execute(delete(record).where(where).execution_options(synchronize_session=False))
            deleted["person"] += int(n)
            deleted["family"] += len(chunk)
        # the triggers took the case's tally rows with it; its statistical record replaces them
        record_deleted_cases(s.connection(), (r.id for r in records))
        if chosen:
            # FTS5 only marks deleted rows; merging the segments drops the deleted names.
            s.execute(text("INSERT INTO case_search(case_search) VALUES ('optimize')"))
        counts = {k: v for k, v in sorted(deleted.items()) if v}
        if chosen and confirm:
            self._store.audit(
                s,
                "retention",
                "case",
                detail=json.dumps(
                    {**counts, "skipped": len(skipped)}, ensure_ascii=False, separators=(",", ":")
                ),
            )
        return RetentionResult(confirm, counts, tuple(skipped))

    def _compact(self) -> None:
        """VACUUM rewrites the file without the freed pages; the truncating checkpoint empties
        the WAL, which still held the old pages. Both must run outside a transaction."""
        with self._store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("VACUUM")
            for _ in range(100):
                busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if not busy:
                    break
                time.sleep(0.05)
