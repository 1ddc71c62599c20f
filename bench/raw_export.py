"""The controlling export's figures, hand-written as SQL ``GROUP BY`` (the yardstick for the
``export_vs_raw_sql`` ratio). One query per published table, the same populations and
periods as ``sro_case/export/tables.py`` computes them; no suppression, no file — the
minimum any implementation has to do to know the figures."""

from __future__ import annotations

from datetime import date
from typing import Any

QUERIES: dict[str, str] = {
    "hilfen_sozialraum_hilfeart": """
        SELECT c.social_space_id, h.help_type, count(*), count(DISTINCT h.case_id)
        FROM help h JOIN case_file c ON c.id = h.case_id
        WHERE h.start_on BETWEEN :f AND :t GROUP BY 1, 2""",
    "hilfen_sozialraum_altersgruppe": """
        SELECT c.social_space_id,
               CAST((julianday(h.start_on) - julianday(p.birth_date)) / 365.25 AS INTEGER),
               count(*)
        FROM help h JOIN case_file c ON c.id = h.case_id
        LEFT JOIN person p ON p.id = h.person_id
        WHERE h.start_on BETWEEN :f AND :t GROUP BY 1, 2""",
    "hilfen_modellregion_geschlecht": """
        SELECT s.is_model_region, coalesce(p.sex, 'unspecified'), count(*)
        FROM help h JOIN case_file c ON c.id = h.case_id
        JOIN social_space s ON s.id = c.social_space_id
        LEFT JOIN person p ON p.id = h.person_id
        WHERE h.start_on BETWEEN :f AND :t GROUP BY 1, 2""",
    "laufende_hilfen_sozialraum": """
        SELECT c.social_space_id, h.help_type, count(*)
        FROM help h JOIN case_file c ON c.id = h.case_id
        WHERE h.start_on <= :t AND (h.end_on IS NULL OR h.end_on > :t) GROUP BY 1, 2""",
    "beendete_hilfen_grund_dauer": """
        SELECT coalesce(h.end_reason, '?'),
               (CAST(strftime('%Y', h.end_on) AS INTEGER) - CAST(strftime('%Y', h.start_on) AS INTEGER)) * 12
               + CAST(strftime('%m', h.end_on) AS INTEGER) - CAST(strftime('%m', h.start_on) AS INTEGER)
               - (strftime('%d', h.end_on) < strftime('%d', h.start_on)),
               count(*)
        FROM help h WHERE h.end_on BETWEEN :f AND :t GROUP BY 1, 2""",
    "konferenzen_je_fall": """
        SELECT model, min(n, 4), count(*) FROM (
            SELECT k.case_id, count(*) AS n, max(s.is_model_region) AS model
            FROM conference k JOIN case_file c ON c.id = k.case_id
            JOIN social_space s ON s.id = c.social_space_id
            WHERE k.held_on BETWEEN :f AND :t GROUP BY k.case_id)
        GROUP BY 1, 2""",
    "konferenzen_disziplinen": """
        SELECT pa.discipline, s.is_model_region, count(DISTINCT pa.conference_id)
        FROM participant pa JOIN conference k ON k.id = pa.conference_id
        JOIN case_file c ON c.id = k.case_id JOIN social_space s ON s.id = c.social_space_id
        WHERE k.held_on BETWEEN :f AND :t GROUP BY 1, 2""",
    "ziele_zielerreichung": """
        SELECT space, count(*), avg(score) FROM (
            SELECT c.social_space_id AS space, r.score AS score,
                   row_number() OVER (PARTITION BY r.goal_id
                                      ORDER BY r.reviewed_on DESC, r.id DESC) AS nr
            FROM goal_review r JOIN goal g ON g.id = r.goal_id
            JOIN case_file c ON c.id = g.case_id
            WHERE r.reviewed_on BETWEEN :f AND :t)
        WHERE nr = 1 GROUP BY 1""",
    "kinderschutz_8a_ergebnis": """
        SELECT s.is_model_region, coalesce(c.outcome_8a, '?'), count(*)
        FROM case_file c JOIN social_space s ON s.id = c.social_space_id
        WHERE c.child_protection AND c.opened_on BETWEEN :f AND :t GROUP BY 1, 2""",
    "kosten_budget_sozialraum": """
        SELECT c.social_space_id, count(*),
               sum(round(h.monthly_cost_cents * 12 / 365.25 *
                   (julianday(min(coalesce(h.end_on, :t), :t)) - julianday(max(h.start_on, :f)) + 1)))
        FROM help h JOIN case_file c ON c.id = h.case_id
        WHERE h.monthly_cost_cents > 0 AND h.start_on <= :t
          AND (h.end_on IS NULL OR h.end_on >= :f)
        GROUP BY 1""",
}


def run(conn: Any, date_from: date, date_to: date) -> dict[str, list[tuple[Any, ...]]]:
    """Run every query on a DB-API connection (sqlcipher3, keyed or plain)."""
    params = {"f": date_from.isoformat(), "t": date_to.isoformat()}
    return {name: conn.execute(sql, params).fetchall() for name, sql in QUERIES.items()}
