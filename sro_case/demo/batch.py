"""One transaction's rows: the column order per table, ids counted on from the highest one,
and the write with the driver's ``executemany``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

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
    ParticipantRecord,
    PersonRecord,
    ResourceRecord,
    StatusChangeRecord,
)

Row = tuple[Any, ...]


# --------------------------------------------------------------------------- tables and columns
# The column order of each generated row. Built from the ORM tables, so a renamed column fails
# at once (KeyError below) instead of writing into the wrong place.
_COLUMNS: dict[type, tuple[str, ...]] = {
    FamilyRecord: (
        "id",
        "display_name",
        "sort_name",
        "street",
        "postal_code",
        "city",
        "social_space_id",
    ),
    PersonRecord: ("id", "family_id", "role", "first_name", "last_name", "birth_date", "sex"),
    CaseRecord: (
        "id",
        "file_number",
        "family_id",
        "lead_worker_id",
        "social_space_id",
        "opened_on",
        "closed_on",
        "status",
        "end_reason",
        "reason_for_contact",
        "focus_areas",
        "child_protection",
        "outcome_8a",
        "legal_hold",
        "next_review",
    ),
    StatusChangeRecord: ("id", "case_id", "changed_on", "from_status", "to_status", "reason"),
    ConsentRecord: (
        "id",
        "case_id",
        "person_id",
        "disciplines",
        "data_scope",
        "releases_entrusted",
        "given_on",
        "expires_on",
        "revoked_on",
    ),
    CaseNoteRecord: (
        "id",
        "case_id",
        "occurred_on",
        "kind",
        "participants",
        "text",
        "entrusted",
        "author_id",
    ),
    HelpRecord: (
        "id",
        "case_id",
        "person_id",
        "help_type",
        "provider",
        "start_on",
        "end_on",
        "hours_per_week",
        "monthly_cost_cents",
        "end_reason",
    ),
    ConferenceRecord: (
        "id",
        "case_id",
        "held_on",
        "kind",
        "facilitator",
        "agenda",
        "family_will",
        "will_spoken_by",
        "decisions",
        "next_review",
    ),
    ParticipantRecord: ("id", "conference_id", "name", "organisation", "discipline"),
    GoalRecord: (
        "id",
        "case_id",
        "conference_id",
        "text",
        "indicator",
        "owner",
        "target_date",
        "status",
        "level_minus2",
        "level_minus1",
        "level_0",
        "level_plus1",
        "level_plus2",
    ),
    GoalReviewRecord: ("id", "goal_id", "conference_id", "reviewed_on", "score", "comment"),
    ActionStepRecord: ("id", "goal_id", "who", "what", "due_on", "done"),
    ResourceRecord: ("id", "case_id", "kind", "description"),
}


_SEARCH_INSERT = "INSERT INTO case_search(rowid, file_number, names, phonetic) VALUES (?, ?, ?, ?)"


@cache
def _insert_sql(record: type) -> str:
    table: Table = record.__table__  # type: ignore[attr-defined]
    cols = _COLUMNS[record]
    for col in cols:
        if col not in table.c:
            raise KeyError(f"{table.name}.{col}")
    return f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


# --------------------------------------------------------------------------- batch
class _Ids:
    """The last id used per table; the next row gets last + 1."""

    def __init__(self, last: dict[type, int]) -> None:
        self.last = dict(last)

    def next(self, record: type) -> int:
        self.last[record] += 1
        return self.last[record]


class _Batch:
    """Rows of one transaction, per table, in insert order."""

    def __init__(self) -> None:
        self.rows: dict[type, list[Row]] = {record: [] for record in _COLUMNS}
        self.search: list[Row] = []
        self.costs: dict[tuple[int, int], int] = {}  # (space id, year) → cents committed

    def write(self, conn: Connection) -> None:
        for record, rows in self.rows.items():
            if rows:
                conn.exec_driver_sql(_insert_sql(record), rows)
        if self.search:
            conn.exec_driver_sql(_SEARCH_INSERT, self.search)
