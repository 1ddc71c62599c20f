"""The anonymised statistics export for controlling (DESIGN.md §5).

``build`` lets SQLite count the tally tables that triggers keep current (migration 0008,
``statistics_sql.SqlTallies``): only aggregates leave the database — no names, addresses, file
numbers, free text or worker identity — and ``tables.assemble`` lays them out. The reference
path, ``reference_build``, reads the few columns the tables need from the source tables as plain
facts and counts them in Python; the tests hold ``build`` to it. Only the suppressed
``StatisticsExport`` leaves either method. ``write`` puts exactly that export (the one the
preview showed) into a file and records the export, with the file's SHA-256, in the audit log.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, literal_column, or_, select
from sqlalchemy.orm import Session

from sro_case import __version__
from sro_case.domain.catalogues import age_group
from sro_case.domain.messages import T
from sro_case.errors import StaleExport, ValidationError
from sro_case.export import (
    MAX_THRESHOLD,
    MIN_THRESHOLD,
    Release,
    export_from,
    joint_releases,
    merges_sex,
    release_of,
)
from sro_case.export.tables import (
    BudgetFact,
    ConferenceFact,
    Facts,
    GoalFact,
    HelpFact,
    ProtectionFact,
    RawExport,
    Space,
    StatisticsExport,
    aggregate,
    assemble,
)
from sro_case.statistics.sql import SqlTallies
from sro_case.storage.files import atomic_write_bytes
from sro_case.storage.orm import (
    BudgetRecord,
    CaseRecord,
    ConferenceRecord,
    GoalRecord,
    GoalReviewRecord,
    HelpRecord,
    ParticipantRecord,
    PersonRecord,
    SocialSpaceRecord,
    StatisticsReleaseRecord,
)

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

FORMATS = {".csv": "CSV", ".xlsx": "XLSX", ".pdf": "PDF"}
EXPORT_ROLES = ("controlling", "admin", "caseworker", "facilitator")


@dataclass(frozen=True)
class WrittenExport:
    path: Path
    sha256: str
    suppressed_cells: int
    tables: tuple[str, ...]  # table ids, in file order
    format: str = ""
    threshold: int = MIN_THRESHOLD

    def summary(self) -> str:
        """What the CLI prints and the desktop client shows after saving."""
        return (
            f"Anonymisierte Statistik geschrieben: {self.path}\n"
            f"  Format: {self.format}, {len(self.tables)} Tabellen, Mindestfallzahl "
            f"{self.threshold}, {self.suppressed_cells} Felder geheim gehalten\n"
            f"  SHA-256: {self.sha256} (im Protokoll vermerkt)"
        )


def check_suffix(path: Path) -> str:
    """The format name for a file name, or a German ValidationError."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        suffix = Path(path).suffix or T("ohne Endung")
        raise ValidationError(
            [
                (
                    "Datei",
                    T(
                        "„{suffix}“ geht nicht: bitte eine Datei mit .csv, .xlsx oder .pdf wählen.",
                        suffix=suffix,
                    ),
                )
            ]
        )
    return fmt


def render(export: StatisticsExport, fmt: str) -> bytes:
    """The file content in ``CSV``, ``XLSX`` or ``PDF``."""
    if fmt == "CSV":
        from sro_case.export.writers import to_csv

        return to_csv(export)
    if fmt == "XLSX":
        from sro_case.export.writers import to_xlsx

        return to_xlsx(export)
    from sro_case.statistics.controlling import controlling_pdf

    return controlling_pdf(export)


def _check_period(date_from: date, date_to: date, min_cell: int) -> None:
    problems = []
    if date_to < date_from:
        problems.append(("Zeitraum", "Das Ende darf nicht vor dem Beginn liegen."))
    if not isinstance(min_cell, int) or min_cell < MIN_THRESHOLD:
        problems.append(
            (
                "Mindestfallzahl",
                T(
                    "muss mindestens {minimum} sein: kleinere Zahlen könnten einzelne "
                    "Familien erkennbar machen.",
                    minimum=MIN_THRESHOLD,
                ),
            )
        )
    elif min_cell > MAX_THRESHOLD:
        problems.append(
            ("Mindestfallzahl", T("darf höchstens {maximum} sein.", maximum=MAX_THRESHOLD))
        )
    if problems:
        raise ValidationError(problems)


class StatisticsService:
    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    def build(
        self, date_from: date, date_to: date, *, min_cell: int = MIN_THRESHOLD
    ) -> StatisticsExport:
        """The suppressed tables for helps etc. in ``[date_from, date_to]``, audited together
        with the earlier written exports of overlapping periods. Every role may build it: it
        is anonymised; controlling sees nothing else."""
        self._store.require_role(*EXPORT_ROLES)
        _check_period(date_from, date_to, min_cell)
        with self._store.read() as s:

            def raw_for(
                first: date, last: date, threshold: int = 0, merge_sex: bool = False
            ) -> RawExport:
                tallies = SqlTallies(s.connection(), first, last)
                if tallies.complete:
                    return assemble(
                        tallies,
                        tallies.spaces,
                        tallies.budgets,
                        first,
                        last,
                        threshold=threshold,
                        merge_sex=merge_sex,
                    )
                # more disciplines than the tally's bit set holds: count the facts
                facts = _with_deleted_cases(s, _read_facts(s, first, last), first, last)
                return aggregate(facts, first, last, threshold=threshold, merge_sex=merge_sex)

            earlier = joint_releases(_releases(s), date_from, date_to)
            export = export_from(
                raw_for(date_from, date_to, min_cell, merges_sex(earlier)),
                threshold=min_cell,
                generated_at=self._store.clock.now(),
                software=f"SRO-Fallmanagement {__version__}",
                earlier=earlier,
                raw_for=raw_for,
            )
            return replace(export, releases_seen=_last_release(s))

    def reference_build(
        self, date_from: date, date_to: date, *, min_cell: int = MIN_THRESHOLD
    ) -> StatisticsExport:
        """The same export counted in Python from plain facts (``_read_facts``), without the
        tally tables: the reference the tests and ``sro-case`` checks hold ``build`` to."""
        self._store.require_role(*EXPORT_ROLES)
        _check_period(date_from, date_to, min_cell)
        with self._store.read() as s:

            def raw_for(first: date, last: date) -> RawExport:
                facts = _with_deleted_cases(s, _read_facts(s, first, last), first, last)
                return aggregate(facts, first, last, threshold=0)

            facts = _with_deleted_cases(s, _read_facts(s, date_from, date_to), date_from, date_to)
            earlier = joint_releases(_releases(s), date_from, date_to)
            merge = merges_sex(earlier)
            export = export_from(
                aggregate(facts, date_from, date_to, threshold=min_cell, merge_sex=merge),
                threshold=min_cell,
                generated_at=self._store.clock.now(),
                software=f"SRO-Fallmanagement {__version__}",
                earlier=earlier,
                raw_for=raw_for,
            )
            return replace(export, releases_seen=_last_release(s))

    def write(self, export: StatisticsExport, out: Path) -> WrittenExport:
        """Write a built (and previewed) export; the format follows the file name."""
        self._store.require_role(*EXPORT_ROLES)
        out = Path(out)
        fmt = check_suffix(out)
        data = render(export, fmt)
        digest = hashlib.sha256(data).hexdigest()
        detail = json.dumps(
            {
                "period": [export.date_from.isoformat(), export.date_to.isoformat()],
                "format": fmt,
                "threshold": export.threshold,
                "sha256": digest,
                "suppressed_cells": export.suppressed_cells,
                "tables": len(export.tables),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        written = False
        try:
            with self._store.write() as s:
                mine = release_of(export)
                newer = s.scalars(
                    select(StatisticsReleaseRecord.content).where(
                        StatisticsReleaseRecord.id > export.releases_seen
                    )
                )
                # the same export again (another format) is no news; another one is
                if any(Release.from_json(text) != mine for text in newer):
                    raise StaleExport(
                        T(
                            "Seit dieser Vorschau wurde ein weiterer Statistik-Export gespeichert. "
                            "Bitte berechnen Sie die Statistik neu, damit sie gemeinsam mit ihm "
                            "geprüft wird."
                        )
                    )
                self._store.audit(s, "export", "statistics", detail=detail)
                s.add(
                    StatisticsReleaseRecord(
                        created_at=export.generated_at,
                        date_from=export.date_from,
                        date_to=export.date_to,
                        threshold=export.threshold,
                        sha256=digest,
                        content=mine.to_json(),
                    )
                )
                s.flush()
                atomic_write_bytes(out, data)
                written = True
        except BaseException:
            if written:  # the log entry did not commit: do not leave an unrecorded file
                with contextlib.suppress(OSError):
                    out.unlink()
            raise
        return WrittenExport(
            path=out,
            sha256=digest,
            suppressed_cells=export.suppressed_cells,
            tables=tuple(t.id for t in export.tables),
            format=fmt,
            threshold=export.threshold,
        )

    def export_file(
        self, date_from: date, date_to: date, out: Path, *, min_cell: int = MIN_THRESHOLD
    ) -> WrittenExport:
        """Build and write in one go (the CLI)."""
        check_suffix(Path(out))
        return self.write(self.build(date_from, date_to, min_cell=min_cell), Path(out))


def _last_release(s: Session) -> int:
    return int(s.scalar(select(func.max(StatisticsReleaseRecord.id))) or 0)


def _releases(s: Session) -> list[Release]:
    """What the earlier exports published, oldest first."""
    rows = s.scalars(select(StatisticsReleaseRecord.content).order_by(StatisticsReleaseRecord.id))
    return [Release.from_json(text) for text in rows]


def differing_tables(s: Session, date_from: date, date_to: date) -> list[str]:
    """Ids of the tables whose true figures from the tally differ from the reference count
    over the facts of the case files (the maintenance check; empty when they agree or the
    export counts the facts anyway)."""
    tallies = SqlTallies(s.connection(), date_from, date_to)
    if not tallies.complete:
        return []
    mine = assemble(tallies, tallies.spaces, tallies.budgets, date_from, date_to, threshold=3)
    facts = _with_deleted_cases(s, _read_facts(s, date_from, date_to), date_from, date_to)
    reference = aggregate(facts, date_from, date_to, threshold=3)
    return [a.id for a, b in zip(mine.tables, reference.tables, strict=True) if a != b]


def _with_deleted_cases(s: Session, live: Facts, date_from: date, date_to: date) -> Facts:
    """Add the anonymised statistical records that deleted cases left behind, so that a
    deletion after its period never changes a published figure."""
    from sro_case.retention.service import statistical_rows

    gone = statistical_rows(s, date_from, date_to)
    return replace(
        live,
        helps=live.helps + gone.helps,
        conferences=live.conferences + gone.conferences,
        goals=live.goals + gone.goals,
        protections=live.protections + gone.protections,
    )


def _read_facts(s: Session, date_from: date, date_to: date) -> Facts:
    """Facts of the live cases (deleted ones: ``_with_deleted_cases``).

    Core rows, not ORM rows (a third of the time at 100,000 cases went into ORM row
    processing); each conference arrives with its disciplines in one row (group_concat), and
    each goal only with its last score in the period (a window function)."""
    conn = s.connection()
    # only the columns the tables need; the rows stay inside this function
    spaces = conn.execute(
        select(
            SocialSpaceRecord.id,
            SocialSpaceRecord.code,
            SocialSpaceRecord.name,
            SocialSpaceRecord.is_model_region,
        ).order_by(SocialSpaceRecord.id)
    ).all()
    code_of = {sid: code for sid, code, _, _ in spaces}

    helps = [
        HelpFact(
            case=case,
            social_space=code_of[space],
            help_type=kind,
            start_on=start,
            end_on=end,
            end_reason=reason,
            monthly_cost_cents=cost,
            age_group=age_group(birth, start),
            sex=sex or "unspecified",
        )
        for case, space, kind, start, end, reason, cost, birth, sex in conn.execute(
            select(
                HelpRecord.case_id,
                CaseRecord.social_space_id,
                HelpRecord.help_type,
                HelpRecord.start_on,
                HelpRecord.end_on,
                HelpRecord.end_reason,
                HelpRecord.monthly_cost_cents,
                PersonRecord.birth_date,
                PersonRecord.sex,
            )
            .join(CaseRecord, CaseRecord.id == HelpRecord.case_id)
            .outerjoin(PersonRecord, PersonRecord.id == HelpRecord.person_id)
            .where(
                HelpRecord.start_on <= date_to,
                or_(HelpRecord.end_on.is_(None), HelpRecord.end_on >= date_from),
            )
        ).all()
    ]

    distinct = ParticipantRecord.discipline.distinct()
    joined = (  # the team server's PostgreSQL spells SQLite's group_concat as string_agg
        func.string_agg(distinct, literal_column("','"))
        if conn.dialect.name == "postgresql"
        else func.group_concat(distinct)
    )
    disciplines = (
        select(joined)
        .where(ParticipantRecord.conference_id == ConferenceRecord.id)
        .scalar_subquery()
    )
    # few distinct combinations: one frozenset each instead of one per conference
    combinations: dict[str | None, frozenset[str]] = {None: frozenset(), "": frozenset()}

    def disciplines_of(found: str | None) -> frozenset[str]:
        known = combinations.get(found)
        if known is None:
            known = combinations[found] = frozenset(str(found).split(",")) - {""}
        return known

    conferences = tuple(
        ConferenceFact(case, code_of[space], held, disciplines_of(found))
        for case, space, held, found in conn.execute(
            select(
                ConferenceRecord.case_id,
                CaseRecord.social_space_id,
                ConferenceRecord.held_on,
                disciplines,
            )
            .join(CaseRecord, CaseRecord.id == ConferenceRecord.case_id)
            .where(ConferenceRecord.held_on >= date_from, ConferenceRecord.held_on <= date_to)
        ).all()  # one fetch, not a driver call per row
    )

    latest = (
        select(
            GoalRecord.case_id.label("case_id"),
            CaseRecord.social_space_id.label("space"),
            GoalReviewRecord.score.label("score"),
            func.row_number()
            .over(
                partition_by=GoalReviewRecord.goal_id,
                order_by=(GoalReviewRecord.reviewed_on.desc(), GoalReviewRecord.id.desc()),
            )
            .label("nr"),
        )
        .join(GoalRecord, GoalRecord.id == GoalReviewRecord.goal_id)
        .join(CaseRecord, CaseRecord.id == GoalRecord.case_id)
        .where(GoalReviewRecord.reviewed_on >= date_from, GoalReviewRecord.reviewed_on <= date_to)
        .subquery()
    )
    goals = tuple(
        GoalFact(case, code_of[space], score)
        for case, space, score in conn.execute(
            select(latest.c.case_id, latest.c.space, latest.c.score).where(latest.c.nr == 1)
        ).all()
    )

    protections = tuple(
        ProtectionFact(case, code_of[space], outcome)
        for case, space, outcome in conn.execute(
            select(CaseRecord.id, CaseRecord.social_space_id, CaseRecord.outcome_8a).where(
                CaseRecord.child_protection.is_(True),
                CaseRecord.opened_on >= date_from,
                CaseRecord.opened_on <= date_to,
            )
        )
    )
    budgets = tuple(
        BudgetFact(code_of[space], year, amount)
        for space, year, amount in conn.execute(
            select(BudgetRecord.social_space_id, BudgetRecord.year, BudgetRecord.amount_cents)
            .where(BudgetRecord.year >= date_from.year, BudgetRecord.year <= date_to.year)
            .order_by(BudgetRecord.id)
        )
    )
    return Facts(
        spaces=tuple(Space(code, name, bool(model)) for _, code, name, model in spaces),
        helps=tuple(helps),
        conferences=conferences,
        goals=goals,
        protections=protections,
        budgets=budgets,
    )
