"""Tally tables for the controlling export, kept current by triggers.

Why: at 100,000 cases the export read 140,000 helps, 310,000 conferences with 1.4 million
participants and 680,000 goal reviews through joins with the wide case, person and goal rows,
and counted them in Python (10 s; even a hand-written ``GROUP BY`` took 6 s). The tally tables
hold one narrow row per help, conference, goal review and § 8a case with exactly what the
export counts — the case as an opaque key, the Sozialraum, days as integers, the age in years
at the start of a help, the disciplines of a conference as a bit set — so SQLite counts them
in one pass each.

Triggers on the source tables keep them current, so no write path (client, import, demo data,
retention, a restore, raw SQL) can forget them. Their bodies use no conflict clauses (an outer
statement's clause would replace them) and every connection runs with ``recursive_triggers``
on (an INSERT OR REPLACE fires the delete triggers only then). A later migration that recreates
a table (Alembic's batch mode) wraps it in ``sro_case.storage.migrate.triggers_suspended``. Deleted cases keep their rows under negative keys: the
retention service adds them from the anonymised statistical record
(``sro_case.storage.tally.record_deleted_cases``). Like the search index, the tables are not
mapped in the ORM; ``sro_case.statistics.sql`` reads them, and a test checks its
figures against the reference path over plain facts.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _day(column: str) -> str:
    """Days since 1970-01-01 of an ISO date column (NULL stays NULL)."""
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def _months(start: str, end: str) -> str:
    """Completed months from start to end, as ``tables.months_between``."""
    return (
        f"CASE WHEN {end} IS NULL THEN NULL ELSE max(0, "
        f"(strftime('%Y', {end}) - strftime('%Y', {start})) * 12"
        f" + strftime('%m', {end}) - strftime('%m', {start})"
        f" - (strftime('%d', {end}) < strftime('%d', {start}))) END"
    )


def _age(birth: str, on: str) -> str:
    """Completed years, as ``catalogues.age_in_years`` (NULL without a birth date)."""
    return (
        f"CASE WHEN {birth} IS NULL THEN NULL ELSE "
        f"(strftime('%Y', {on}) - strftime('%Y', {birth}))"
        f" - (strftime('%m-%d', {on}) < strftime('%m-%d', {birth})) END"
    )


RANK = 4294967296  # a review's rank: day * 2**32 + id, so max(rank) is the last review

HELP_ROW = f"""
    SELECT h.id, h.case_id, c.social_space_id, h.help_type,
           {_day("h.start_on")}, {_day("h.end_on")}, h.end_reason,
           {_months("h.start_on", "h.end_on")}, h.monthly_cost_cents,
           {_age("p.birth_date", "h.start_on")}, NULL,
           coalesce(nullif(p.sex, ''), 'unspecified')
    FROM help h JOIN case_file c ON c.id = h.case_id
    LEFT JOIN person p ON p.id = h.person_id"""

DISCIPLINES_OF = """(
    SELECT coalesce(sum(1 << (d.id - 1)), 0) FROM tally_discipline d
    WHERE d.id <= 63 AND d.code IN (SELECT discipline FROM participant WHERE conference_id = {c}))"""

CONFERENCE_ROW = f"""
    SELECT k.id, k.case_id, c.social_space_id, {_day("k.held_on")},
           {DISCIPLINES_OF.format(c="k.id")}
    FROM conference k JOIN case_file c ON c.id = k.case_id"""

REVIEW_ROW = f"""
    SELECT r.goal_id, {_day("r.reviewed_on")} * {RANK} + r.id, r.score, g.case_id,
           c.social_space_id
    FROM goal_review r JOIN goal g ON g.id = r.goal_id JOIN case_file c ON c.id = g.case_id"""

PROTECTION_ROW = f"""
    SELECT c.id, c.social_space_id, {_day("c.opened_on")}, c.outcome_8a
    FROM case_file c WHERE c.child_protection"""

TABLES = [
    """CREATE TABLE tally_help (
        help_id INTEGER PRIMARY KEY,  -- help.id, or -help_statistic.id of a deleted case
        case_key INTEGER NOT NULL,    -- case_file.id, or -case_statistic.id
        space_id INTEGER,             -- NULL: Sozialraum unknown, not counted
        help_type TEXT NOT NULL,
        start_day INTEGER NOT NULL,   -- days since 1970-01-01
        end_day INTEGER,
        end_reason TEXT,
        months INTEGER,               -- completed months from start to end
        cost_cents INTEGER,           -- per month
        age_years INTEGER,            -- at the start of the help (live cases)
        age_group TEXT,               -- kept code (deleted cases: the birth date is gone)
        sex TEXT NOT NULL)""",
    "CREATE INDEX ix_tally_help_case ON tally_help (case_key)",
    """CREATE TABLE tally_discipline (
        id INTEGER PRIMARY KEY,       -- bit id - 1 of tally_conference.disciplines
        code TEXT NOT NULL UNIQUE)""",
    """CREATE TABLE tally_conference (
        conference_id INTEGER PRIMARY KEY,
        case_key INTEGER NOT NULL,
        space_id INTEGER,
        held_day INTEGER NOT NULL,
        disciplines INTEGER NOT NULL DEFAULT 0)""",
    # covering: conferences per case stream by case; disciplines group by Sozialraum and set
    "CREATE INDEX ix_tally_conference_case "
    "ON tally_conference (case_key, held_day, space_id, disciplines)",
    "CREATE INDEX ix_tally_conference_space ON tally_conference (space_id, disciplines, held_day)",
    """CREATE TABLE tally_review (
        goal_key INTEGER NOT NULL,
        rank INTEGER NOT NULL,        -- day * 2**32 + review id
        score INTEGER NOT NULL,
        case_key INTEGER NOT NULL,
        space_id INTEGER,
        PRIMARY KEY (goal_key, rank)) WITHOUT ROWID""",
    "CREATE INDEX ix_tally_review_case ON tally_review (case_key)",
    """CREATE TABLE tally_protection (
        case_key INTEGER PRIMARY KEY,
        space_id INTEGER,
        opened_day INTEGER NOT NULL,
        outcome TEXT)""",
]

REVIEW_KEY = "{day} * " + str(RANK) + " + {id}"
OLD_REVIEW = REVIEW_KEY.format(day=_day("OLD.reviewed_on"), id="OLD.id")
NEW_REVIEW = REVIEW_KEY.format(day=_day("NEW.reviewed_on"), id="NEW.id")
REGISTER = (
    "INSERT INTO tally_discipline (code) SELECT NEW.discipline WHERE NEW.discipline <> '' "
    "AND NOT EXISTS (SELECT 1 FROM tally_discipline WHERE code = NEW.discipline)"
)
RECOUNT = (
    "UPDATE tally_conference SET disciplines = "
    + DISCIPLINES_OF.format(c="tally_conference.conference_id")
    + " WHERE conference_id IN ({ids})"
)
# The space of a deleted case's rows follows its Sozialraum code (as the reference path reads it)
RESPACE = "; ".join(
    f"UPDATE {table} SET space_id = (SELECT s.id FROM case_statistic c JOIN social_space s "
    f"ON s.code = c.social_space_code WHERE c.id = -{table}.case_key) WHERE case_key < 0"
    for table in ("tally_help", "tally_conference", "tally_review", "tally_protection")
)

# No conflict clauses in the bodies: SQLite would replace them by the outer statement's
# (an "INSERT OR REPLACE INTO participant" made "OR IGNORE" a renumbering "OR REPLACE"), so every
# body deletes what it replaces before a plain INSERT. REPLACE on a source table fires the
# delete triggers only with recursive_triggers on, which every connection sets (engine.py).
TRIGGERS = {
    # helps: one row each; the person's birth date and sex and the case's Sozialraum follow
    "tally_help_insert": f"AFTER INSERT ON help BEGIN "
    f"DELETE FROM tally_help WHERE help_id = NEW.id; "
    f"INSERT INTO tally_help {HELP_ROW} WHERE h.id = NEW.id; END",
    "tally_help_update": f"AFTER UPDATE ON help BEGIN "
    f"DELETE FROM tally_help WHERE help_id IN (OLD.id, NEW.id); "
    f"INSERT INTO tally_help {HELP_ROW} WHERE h.id = NEW.id; END",
    "tally_help_delete": "AFTER DELETE ON help BEGIN "
    "DELETE FROM tally_help WHERE help_id = OLD.id; END",
    "tally_person_update": f"AFTER UPDATE OF birth_date, sex ON person BEGIN "
    f"DELETE FROM tally_help WHERE help_id IN (SELECT id FROM help WHERE person_id = NEW.id); "
    f"INSERT INTO tally_help {HELP_ROW} WHERE h.person_id = NEW.id; END",
    # conferences: the participants' disciplines as a bit set
    "tally_conference_insert": f"AFTER INSERT ON conference BEGIN "
    f"DELETE FROM tally_conference WHERE conference_id = NEW.id; "
    f"INSERT INTO tally_conference {CONFERENCE_ROW} WHERE k.id = NEW.id; END",
    "tally_conference_update": f"AFTER UPDATE ON conference BEGIN "
    f"DELETE FROM tally_conference WHERE conference_id IN (OLD.id, NEW.id); "
    f"INSERT INTO tally_conference {CONFERENCE_ROW} WHERE k.id = NEW.id; END",
    "tally_conference_delete": "AFTER DELETE ON conference BEGIN "
    "DELETE FROM tally_conference WHERE conference_id = OLD.id; END",
    "tally_participant_insert": f"AFTER INSERT ON participant BEGIN {REGISTER}; "
    "UPDATE tally_conference SET disciplines = disciplines | coalesce(("
    "SELECT 1 << (id - 1) FROM tally_discipline WHERE code = NEW.discipline AND id <= 63), 0) "
    "WHERE conference_id = NEW.conference_id; END",
    "tally_participant_update": f"AFTER UPDATE OF discipline, conference_id ON participant "
    f"BEGIN {REGISTER}; {RECOUNT.format(ids='OLD.conference_id, NEW.conference_id')}; END",
    "tally_participant_delete": f"AFTER DELETE ON participant BEGIN "
    f"{RECOUNT.format(ids='OLD.conference_id')}; END",
    # goal reviews: ranked so that the last one in a period is max(rank)
    "tally_review_insert": f"AFTER INSERT ON goal_review BEGIN "
    f"DELETE FROM tally_review WHERE goal_key = NEW.goal_id AND rank = {NEW_REVIEW}; "
    f"INSERT INTO tally_review {REVIEW_ROW} WHERE r.id = NEW.id; END",
    "tally_review_update": f"AFTER UPDATE ON goal_review BEGIN "
    f"DELETE FROM tally_review WHERE goal_key = OLD.goal_id AND rank = {OLD_REVIEW}; "
    f"DELETE FROM tally_review WHERE goal_key = NEW.goal_id AND rank = {NEW_REVIEW}; "
    f"INSERT INTO tally_review {REVIEW_ROW} WHERE r.id = NEW.id; END",
    "tally_review_delete": f"AFTER DELETE ON goal_review BEGIN "
    f"DELETE FROM tally_review WHERE goal_key = OLD.goal_id AND rank = {OLD_REVIEW}; END",
    "tally_goal_update": "AFTER UPDATE OF case_id ON goal BEGIN "
    "UPDATE tally_review SET case_key = NEW.case_id, space_id = ("
    "SELECT social_space_id FROM case_file WHERE id = NEW.case_id) "
    "WHERE goal_key = NEW.id; END",
    # § 8a: one row per flagged case; a case's move to another Sozialraum moves its rows
    "tally_case_insert": f"AFTER INSERT ON case_file BEGIN "
    f"DELETE FROM tally_protection WHERE case_key = NEW.id; "
    f"INSERT INTO tally_protection {PROTECTION_ROW} AND c.id = NEW.id; END",
    "tally_case_update": f"AFTER UPDATE OF id, child_protection, outcome_8a, opened_on, "
    f"social_space_id ON case_file BEGIN "
    f"DELETE FROM tally_protection WHERE case_key IN (OLD.id, NEW.id); "
    f"INSERT INTO tally_protection {PROTECTION_ROW} AND c.id = NEW.id; "
    f"UPDATE tally_help SET space_id = NEW.social_space_id WHERE case_key = NEW.id; "
    f"UPDATE tally_conference SET space_id = NEW.social_space_id WHERE case_key = NEW.id; "
    f"UPDATE tally_review SET space_id = NEW.social_space_id WHERE case_key = NEW.id; END",
    "tally_case_delete": "AFTER DELETE ON case_file BEGIN "
    "DELETE FROM tally_protection WHERE case_key = OLD.id; END",
    # deleted cases: their rows go with their statistical record, their space follows the code
    "tally_case_statistic_delete": "AFTER DELETE ON case_statistic BEGIN "
    + "; ".join(
        f"DELETE FROM {table} WHERE case_key = -OLD.id"
        for table in ("tally_help", "tally_conference", "tally_review", "tally_protection")
    )
    + "; END",
    "tally_space_insert": f"AFTER INSERT ON social_space BEGIN {RESPACE}; END",
    "tally_space_update": f"AFTER UPDATE OF code ON social_space BEGIN {RESPACE}; END",
    "tally_space_delete": f"AFTER DELETE ON social_space BEGIN {RESPACE}; END",
}

FILL = [
    "INSERT INTO tally_discipline (code) SELECT DISTINCT discipline FROM participant "
    "WHERE discipline <> '' ORDER BY discipline",
    f"INSERT INTO tally_help {HELP_ROW}",
    f"INSERT INTO tally_conference {CONFERENCE_ROW}",
    f"INSERT INTO tally_review {REVIEW_ROW}",
    f"INSERT INTO tally_protection {PROTECTION_ROW}",
]


TALLY_TABLES = (
    "tally_protection",
    "tally_review",
    "tally_conference",
    "tally_discipline",
    "tally_help",
)
SPACE_OF_DELETED = "(SELECT s.id FROM social_space s WHERE s.code = c.social_space_code)"
DELETED = [
    f"""INSERT INTO tally_help
    SELECT -h.id, -c.id, {SPACE_OF_DELETED}, h.help_type, {_day("h.start_on")},
           {_day("h.end_on")}, h.end_reason, {_months("h.start_on", "h.end_on")},
           h.monthly_cost_cents, NULL, coalesce(nullif(h.age_group, ''), 'ohne_angabe'),
           coalesce(nullif(h.sex, ''), 'unspecified')
    FROM help_statistic h JOIN case_statistic c ON c.id = h.case_statistic_id""",
    f"""INSERT INTO tally_review
    SELECT -g.id, {_day("r.reviewed_on")} * {RANK} + r.id, r.score, -c.id, {SPACE_OF_DELETED}
    FROM goal_review_statistic r JOIN goal_statistic g ON g.id = r.goal_statistic_id
    JOIN case_statistic c ON c.id = g.case_statistic_id""",
    f"""INSERT INTO tally_protection
    SELECT -c.id, {SPACE_OF_DELETED}, {_day("c.opened_on")}, c.outcome_8a
    FROM case_statistic c WHERE c.child_protection""",
    f"""INSERT INTO tally_conference
    SELECT -k.id, -c.id, {SPACE_OF_DELETED}, {_day("k.held_on")},
           (SELECT coalesce(sum(1 << (d.id - 1)), 0) FROM tally_discipline d
            WHERE d.id <= 63 AND instr(',' || k.discipline_counts, ',' || d.code || '=') > 0)
    FROM conference_statistic k JOIN case_statistic c ON c.id = k.case_statistic_id""",
]


def _fill_deleted() -> None:
    """Cases deleted before this revision: their statistical records under negative keys (as
    ``sro_case.storage.tally.record_deleted_cases`` enters later deletions; a migration keeps
    its own copy, so that later changes there cannot change what this revision did)."""
    bind = op.get_bind()
    codes: set[str] = set()
    for (counts,) in bind.execute(sa.text("SELECT discipline_counts FROM conference_statistic")):
        codes |= {part.partition("=")[0] for part in (counts or "").split(",") if part}
    register = sa.text(
        "INSERT INTO tally_discipline (code) SELECT :code "
        "WHERE NOT EXISTS (SELECT 1 FROM tally_discipline WHERE code = :code)"
    )
    for code in sorted(codes - {""}):
        bind.execute(register, {"code": code})
    for statement in DELETED:
        bind.execute(sa.text(statement))


# The team server (#17, PostgreSQL, December 2026): the same relations with the same columns as
# views over the case files and the statistical records. PostgreSQL counts them in one pass each
# without a copy kept current by triggers; deleted cases appear through their statistical record,
# so nothing has to enter them. Day numbers, months and ages are computed as above.
PG_DAY = "({0} - DATE '1970-01-01')"
PG_MONTHS = (
    "CASE WHEN {1} IS NULL THEN NULL ELSE greatest(0, "
    "(extract(year FROM {1}) - extract(year FROM {0}))::int * 12 "
    "+ extract(month FROM {1})::int - extract(month FROM {0})::int "
    "- (extract(day FROM {1}) < extract(day FROM {0}))::int) END"
)
PG_AGE = (
    "CASE WHEN {0} IS NULL THEN NULL ELSE "
    "(extract(year FROM {1}) - extract(year FROM {0}))::int "
    "- (to_char({1}, 'MM-DD') < to_char({0}, 'MM-DD'))::int END"
)
PG_SPACE_OF_DELETED = "(SELECT s.id FROM social_space s WHERE s.code = c.social_space_code)"
PG_BITS = (
    "(SELECT coalesce(sum(1::bigint << (d.id - 1)), 0) FROM tally_discipline d "
    "WHERE d.id <= 63 AND {0})"
)
PG_VIEWS = {
    "tally_discipline": """
        SELECT row_number() OVER (ORDER BY code)::int AS id, code FROM (
            SELECT discipline AS code FROM participant WHERE discipline <> ''
            UNION
            SELECT split_part(part, '=', 1) FROM conference_statistic,
                   unnest(string_to_array(discipline_counts, ',')) AS part
            WHERE split_part(part, '=', 1) <> '') AS codes""",
    "tally_help": f"""
        SELECT h.id AS help_id, h.case_id AS case_key, c.social_space_id AS space_id,
               h.help_type, {PG_DAY.format("h.start_on")} AS start_day,
               {PG_DAY.format("h.end_on")} AS end_day, h.end_reason,
               {PG_MONTHS.format("h.start_on", "h.end_on")} AS months,
               h.monthly_cost_cents AS cost_cents,
               {PG_AGE.format("p.birth_date", "h.start_on")} AS age_years,
               NULL::text AS age_group, coalesce(nullif(p.sex, ''), 'unspecified') AS sex
        FROM help h JOIN case_file c ON c.id = h.case_id LEFT JOIN person p ON p.id = h.person_id
        UNION ALL
        SELECT -h.id, -c.id, {PG_SPACE_OF_DELETED}, h.help_type,
               {PG_DAY.format("h.start_on")}, {PG_DAY.format("h.end_on")}, h.end_reason,
               {PG_MONTHS.format("h.start_on", "h.end_on")}, h.monthly_cost_cents, NULL,
               coalesce(nullif(h.age_group, ''), 'ohne_angabe'),
               coalesce(nullif(h.sex, ''), 'unspecified')
        FROM help_statistic h JOIN case_statistic c ON c.id = h.case_statistic_id""",
    "tally_conference": f"""
        SELECT k.id AS conference_id, k.case_id AS case_key, c.social_space_id AS space_id,
               {PG_DAY.format("k.held_on")} AS held_day,
               {
        PG_BITS.format("d.code IN (SELECT discipline FROM participant WHERE conference_id = k.id)")
    } AS disciplines
        FROM conference k JOIN case_file c ON c.id = k.case_id
        UNION ALL
        SELECT -k.id, -c.id, {PG_SPACE_OF_DELETED}, {PG_DAY.format("k.held_on")},
               {PG_BITS.format("strpos(',' || k.discipline_counts, ',' || d.code || '=') > 0")}
        FROM conference_statistic k JOIN case_statistic c ON c.id = k.case_statistic_id""",
    "tally_review": f"""
        SELECT r.goal_id AS goal_key,
               {PG_DAY.format("r.reviewed_on")}::bigint * {RANK} + r.id AS rank, r.score,
               g.case_id AS case_key, c.social_space_id AS space_id
        FROM goal_review r JOIN goal g ON g.id = r.goal_id JOIN case_file c ON c.id = g.case_id
        UNION ALL
        SELECT -g.id, {PG_DAY.format("r.reviewed_on")}::bigint * {RANK} + r.id, r.score, -c.id,
               {PG_SPACE_OF_DELETED}
        FROM goal_review_statistic r JOIN goal_statistic g ON g.id = r.goal_statistic_id
        JOIN case_statistic c ON c.id = g.case_statistic_id""",
    "tally_protection": f"""
        SELECT c.id AS case_key, c.social_space_id AS space_id,
               {PG_DAY.format("c.opened_on")} AS opened_day, c.outcome_8a AS outcome
        FROM case_file c WHERE c.child_protection
        UNION ALL
        SELECT -c.id, {PG_SPACE_OF_DELETED}, {PG_DAY.format("c.opened_on")}, c.outcome_8a
        FROM case_statistic c WHERE c.child_protection""",
}


def upgrade() -> None:
    from migration_helpers import on_postgresql

    if on_postgresql(op.get_bind()):
        for name, body in PG_VIEWS.items():
            op.execute(f"CREATE VIEW {name} AS {body}")
        return
    for statement in TABLES:
        op.execute(statement)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    for statement in FILL:
        op.execute(statement)
    _fill_deleted()


def downgrade() -> None:
    from migration_helpers import on_postgresql

    if on_postgresql(op.get_bind()):
        for name in reversed(PG_VIEWS):
            op.execute(f"DROP VIEW IF EXISTS {name}")
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in TALLY_TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
