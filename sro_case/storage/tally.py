"""The tally rows of deleted cases (migration 0008 keeps the live ones current by triggers).

When the retention service deletes a case, the triggers remove its tally rows with it; the
case's anonymised statistical record (``case_statistic`` and its children) is then entered
here under negative keys — ``-case_statistic.id`` as the case, ``-help_statistic.id`` as the
help and so on — so live and deleted cases never share a key and the figures do not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sro_case.domain.messages import T, Text

DAY = "CAST(julianday({}) - 2440587.5 AS INTEGER)"
RANK = 4294967296  # as in migration 0008: day * 2**32 + id
MAX_DISCIPLINES = 63  # bits of tally_conference.disciplines


def _months(start: str, end: str) -> str:
    """As migration 0008's (a migration stays as it was; this follows the current schema)."""
    return (
        f"CASE WHEN {end} IS NULL THEN NULL ELSE max(0, "
        f"(strftime('%Y', {end}) - strftime('%Y', {start})) * 12"
        f" + strftime('%m', {end}) - strftime('%m', {start})"
        f" - (strftime('%d', {end}) < strftime('%d', {start}))) END"
    )


SPACE_OF_DELETED = "(SELECT s.id FROM social_space s WHERE s.code = c.social_space_code)"
TABLES = ("tally_help", "tally_conference", "tally_review", "tally_protection")
# the triggers of migration 0008; ``verify`` reports any that are missing
TRIGGERS = (
    "tally_help_insert",
    "tally_help_update",
    "tally_help_delete",
    "tally_person_update",
    "tally_conference_insert",
    "tally_conference_update",
    "tally_conference_delete",
    "tally_participant_insert",
    "tally_participant_update",
    "tally_participant_delete",
    "tally_review_insert",
    "tally_review_update",
    "tally_review_delete",
    "tally_goal_update",
    "tally_case_insert",
    "tally_case_update",
    "tally_case_delete",
    "tally_case_statistic_delete",
    "tally_space_insert",
    "tally_space_update",
    "tally_space_delete",
)


def record_deleted_cases(conn: Connection, ids: Iterable[int] | None = None) -> None:
    """Enter the statistical records ``ids`` (all of them when None) into the tally tables,
    replacing what was there for them."""
    if ids is None:
        where, keys = "", "case_key < 0"
    else:
        chosen = sorted({int(i) for i in ids})
        if not chosen:
            return
        listed = ",".join(str(i) for i in chosen)
        where = f"WHERE c.id IN ({listed})"
        keys = f"-case_key IN ({listed})"
    _register(conn, where)
    for table in TABLES:
        conn.execute(sa.text(f"DELETE FROM {table} WHERE {keys}"))
    for statement in (
        f"""INSERT INTO tally_help
        SELECT -h.id, -c.id, {SPACE_OF_DELETED}, h.help_type, {DAY.format("h.start_on")},
               {DAY.format("h.end_on")}, h.end_reason, {_months("h.start_on", "h.end_on")},
               h.monthly_cost_cents, NULL, coalesce(nullif(h.age_group, ''), 'ohne_angabe'),
               coalesce(nullif(h.sex, ''), 'unspecified')
        FROM help_statistic h JOIN case_statistic c ON c.id = h.case_statistic_id {where}""",
        f"""INSERT INTO tally_review
        SELECT -g.id, {DAY.format("r.reviewed_on")} * {RANK} + r.id, r.score, -c.id,
               {SPACE_OF_DELETED}
        FROM goal_review_statistic r JOIN goal_statistic g ON g.id = r.goal_statistic_id
        JOIN case_statistic c ON c.id = g.case_statistic_id {where}""",
        f"""INSERT INTO tally_protection
        SELECT -c.id, {SPACE_OF_DELETED}, {DAY.format("c.opened_on")}, c.outcome_8a
        FROM case_statistic c WHERE c.child_protection {where.replace("WHERE", "AND")}""",
        f"""INSERT INTO tally_conference
        SELECT -k.id, -c.id, {SPACE_OF_DELETED}, {DAY.format("k.held_on")},
               (SELECT coalesce(sum(1 << (d.id - 1)), 0) FROM tally_discipline d
                WHERE d.id <= {MAX_DISCIPLINES}
                  AND instr(',' || k.discipline_counts, ',' || d.code || '=') > 0)
        FROM conference_statistic k JOIN case_statistic c ON c.id = k.case_statistic_id
        {where}""",
    ):
        conn.execute(sa.text(statement))


def _register(conn: Connection, where: str) -> None:
    """Register the disciplines of the records' conferences (``"asd=1,familie=2"``, see
    retention.format_discipline_counts) as the participant trigger registers live ones."""
    codes: set[str] = set()
    for (counts,) in conn.execute(
        sa.text(
            "SELECT k.discipline_counts FROM conference_statistic k "
            f"JOIN case_statistic c ON c.id = k.case_statistic_id {where}"
        )
    ):
        codes |= {part.partition("=")[0] for part in (counts or "").split(",") if part}
    register = sa.text(
        "INSERT INTO tally_discipline (code) SELECT :code "
        "WHERE NOT EXISTS (SELECT 1 FROM tally_discipline WHERE code = :code)"
    )
    for code in sorted(codes - {""}):
        conn.execute(register, {"code": code})


# what each tally table must hold: rows in the source (live, deleted), rows in the tally
_COUNTS: tuple[tuple[str, str, Callable[..., Text]], ...] = (
    (
        "SELECT (SELECT count(*) FROM help), (SELECT count(*) FROM help_statistic)",
        "SELECT count(*) FILTER (WHERE help_id > 0), count(*) FILTER (WHERE help_id < 0) "
        "FROM tally_help",
        lambda **n: T(
            "Zählwerk der Statistik, Hilfen: {live} in den Akten und {kept} gelöschter Fälle, "
            "gezählt {counted_live} und {counted_kept}.",
            **n,
        ),
    ),
    (
        "SELECT (SELECT count(*) FROM conference), (SELECT count(*) FROM conference_statistic)",
        "SELECT count(*) FILTER (WHERE conference_id > 0), "
        "count(*) FILTER (WHERE conference_id < 0) FROM tally_conference",
        lambda **n: T(
            "Zählwerk der Statistik, Konferenzen: {live} in den Akten und {kept} gelöschter "
            "Fälle, gezählt {counted_live} und {counted_kept}.",
            **n,
        ),
    ),
    (
        "SELECT (SELECT count(*) FROM goal_review), (SELECT count(*) FROM goal_review_statistic)",
        "SELECT count(*) FILTER (WHERE goal_key > 0), count(*) FILTER (WHERE goal_key < 0) "
        "FROM tally_review",
        lambda **n: T(
            "Zählwerk der Statistik, Zielbewertungen: {live} in den Akten und {kept} gelöschter "
            "Fälle, gezählt {counted_live} und {counted_kept}.",
            **n,
        ),
    ),
    (
        "SELECT (SELECT count(*) FROM case_file WHERE child_protection), "
        "(SELECT count(*) FROM case_statistic WHERE child_protection)",
        "SELECT count(*) FILTER (WHERE case_key > 0), count(*) FILTER (WHERE case_key < 0) "
        "FROM tally_protection",
        lambda **n: T(
            "Zählwerk der Statistik, Kinderschutzfälle: {live} in den Akten und {kept} "
            "gelöschter Fälle, gezählt {counted_live} und {counted_kept}.",
            **n,
        ),
    ),
)


def verify(conn: Connection) -> list[Text]:
    """Problems of the tally: missing triggers, and row counts of live and deleted cases against
    the case files and the statistical records (``MaintenanceService.check`` compares the
    figures themselves with the reference path)."""
    problems: list[Text] = []
    present = set(
        conn.execute(sa.text("SELECT name FROM sqlite_schema WHERE type = 'trigger'")).scalars()
    )
    missing = [name for name in TRIGGERS if name not in present]
    if missing:
        problems.append(
            T(
                "Zählwerk der Statistik: Trigger fehlen ({names}); die Statistik zählt "
                "Änderungen nicht mehr mit.",
                names=", ".join(missing),
            )
        )
    for source, tally, message in _COUNTS:
        live, kept = conn.execute(sa.text(source)).one()
        counted_live, counted_kept = conn.execute(sa.text(tally)).one()
        if (live, kept) != (counted_live, counted_kept):
            problems.append(
                message(live=live, kept=kept, counted_live=counted_live, counted_kept=counted_kept)
            )
    return problems
