"""The tally rows of deleted cases (migration 0008 keeps the live ones current by triggers).

When the retention service deletes a case, the triggers remove its tally rows with it; the
case's anonymised statistical record (``case_statistic`` and its children) is then entered
here under negative keys — ``-case_statistic.id`` as the case, ``-help_statistic.id`` as the
help and so on — so live and deleted cases never share a key and the figures do not change.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def _space() -> str:
    return "(SELECT s.id FROM social_space s WHERE s.code = c.social_space_code)"


def record_deleted_cases(conn: Connection, ids: Iterable[int] | None = None) -> None:
    """Enter the statistical records ``ids`` (all of them when None) into the tally tables."""
    if ids is None:
        where, params = "", {}
    else:
        chosen = sorted(set(ids))
        if not chosen:
            return
        where = "WHERE c.id IN ({})".format(",".join(str(int(i)) for i in chosen))
        params = {}
    conn.execute(
        sa.text(
            f"""INSERT OR REPLACE INTO tally_help
            SELECT -h.id, -c.id, {_space()}, h.help_type, {DAY.format("h.start_on")},
                   {DAY.format("h.end_on")}, h.end_reason, {_months("h.start_on", "h.end_on")},
                   h.monthly_cost_cents, NULL, coalesce(nullif(h.age_group, ''), 'ohne_angabe'),
                   coalesce(nullif(h.sex, ''), 'unspecified')
            FROM help_statistic h JOIN case_statistic c ON c.id = h.case_statistic_id {where}"""
        ),
        params,
    )
    conn.execute(
        sa.text(
            f"""INSERT OR REPLACE INTO tally_review
            SELECT -g.id, {DAY.format("r.reviewed_on")} * {RANK} + r.id, r.score, -c.id, {_space()}
            FROM goal_review_statistic r JOIN goal_statistic g ON g.id = r.goal_statistic_id
            JOIN case_statistic c ON c.id = g.case_statistic_id {where}"""
        ),
        params,
    )
    conn.execute(
        sa.text(
            f"""INSERT OR REPLACE INTO tally_protection
            SELECT -c.id, {_space()}, {DAY.format("c.opened_on")}, c.outcome_8a
            FROM case_statistic c WHERE c.child_protection
            {where.replace("WHERE", "AND")}"""
        ),
        params,
    )
    rows = conn.execute(
        sa.text(
            f"""SELECT k.id, c.id, {_space()}, {DAY.format("k.held_on")}, k.discipline_counts
            FROM conference_statistic k JOIN case_statistic c ON c.id = k.case_statistic_id
            {where}"""
        ),
        params,
    ).all()
    if not rows:
        return
    bits = _discipline_bits(conn, {code for *_, text in rows for code in _codes(text)})
    conn.execute(
        sa.text(
            "INSERT OR REPLACE INTO tally_conference "
            "(conference_id, case_key, space_id, held_day, disciplines) "
            "VALUES (:id, :case, :space, :day, :bits)"
        ),
        [
            {
                "id": -conference,
                "case": -case,
                "space": space,
                "day": day,
                "bits": sum(bits[code] for code in _codes(text) if code in bits),
            }
            for conference, case, space, day, text in rows
        ],
    )


def _codes(discipline_counts: str) -> set[str]:
    """The discipline codes of ``"asd=1,familie=2"`` (retention.format_discipline_counts)."""
    return {part.partition("=")[0] for part in discipline_counts.split(",") if part} - {""}


def _discipline_bits(conn: Connection, codes: set[str]) -> dict[str, int]:
    """Bit values of ``codes``, registering new ones as the participant trigger does."""
    for code in sorted(codes):
        conn.execute(
            sa.text("INSERT OR IGNORE INTO tally_discipline (code) VALUES (:code)"), {"code": code}
        )
    return {
        code: 1 << (bit - 1)
        for bit, code in conn.execute(sa.text("SELECT id, code FROM tally_discipline"))
        if bit <= MAX_DISCIPLINES
    }


# what each tally table must hold: rows in the source (live, deleted), rows in the tally
_COUNTS = (
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
    """Problems of the tally against the case files and the statistical records (row counts
    of live and deleted cases; the tests check the figures themselves)."""
    problems: list[Text] = []
    for source, tally, message in _COUNTS:
        live, kept = conn.execute(sa.text(source)).one()
        counted_live, counted_kept = conn.execute(sa.text(tally)).one()
        if (live, kept) != (counted_live, counted_kept):
            problems.append(
                message(live=live, kept=kept, counted_live=counted_live, counted_kept=counted_kept)
            )
    return problems
