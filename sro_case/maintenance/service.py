"""Information about the database and its health checks."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from sro_case.audit_log.service import verify_log
from sro_case.domain import models as m
from sro_case.domain.messages import T
from sro_case.statistics.service import differing_tables
from sro_case.storage import migrate, orm, orm_retention, tally

EARLIEST = date(1900, 1, 1)  # the statistics check counts every year from here

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

COUNTED = {
    "Sozialräume": orm.SocialSpaceRecord,
    "Benutzer/innen": orm.UserRecord,
    "Familien": orm.FamilyRecord,
    "Personen": orm.PersonRecord,
    "Fälle": orm.CaseRecord,
    "Einwilligungen": orm.ConsentRecord,
    "Verlaufseinträge": orm.CaseNoteRecord,
    "Hilfen": orm.HelpRecord,
    "Konferenzen": orm.ConferenceRecord,
    "Teilnehmende": orm.ParticipantRecord,
    "Ziele": orm.GoalRecord,
    "Zielüberprüfungen": orm.GoalReviewRecord,
    "Handlungsschritte": orm.ActionStepRecord,
    "Ressourcen": orm.ResourceRecord,
    "Budgets": orm.BudgetRecord,
    "Protokolleinträge": orm.AuditEventRecord,
    "Statistiksätze gelöschter Fälle": orm_retention.CaseStatisticRecord,
}


class MaintenanceService:
    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    def info(self) -> m.DatabaseInfo:
        counts: dict[str, int] = {}
        with self._store.read() as s:
            for label, record in COUNTED.items():
                counts[label] = int(
                    s.execute(select(func.count()).select_from(record)).scalar_one()
                )
        return m.DatabaseInfo(
            str(self._store.path),
            migrate.current_revision(self._store.engine),
            migrate.head_revision(),
            counts,
        )

    def check(self) -> m.CheckReport:
        """integrity_check, cipher_integrity_check (page HMACs), the audit chain and the
        statistics tally (its triggers, its rows, and its figures over every year against a
        count over the case files)."""
        with self._store.engine.connect() as conn:
            integrity = ", ".join(
                r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()
            )
            cipher = tuple(
                str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check").all()
            )
            conn.rollback()
        with self._store.read() as s:
            count, problems = verify_log(self._store, s)
            statistics = tally.verify(s.connection())
            # the figures themselves, over every year, against a count over the case files
            differing = differing_tables(s, EARLIEST, self._store.clock.today())
            if differing:
                statistics.append(
                    T(
                        "Zählwerk der Statistik: die Zahlen weichen von einer Zählung über die "
                        "Akten ab (Tabellen: {tables}).",
                        tables=", ".join(differing),
                    )
                )
        return m.CheckReport(
            integrity, cipher, not problems, tuple(problems), count, tuple(statistics)
        )
