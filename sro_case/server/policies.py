"""Row-level security on the team server: the second line of need-to-know (#17).

The server decides every request itself (``service``); underneath, PostgreSQL refuses rows the
person asking may not see, for the server's role ``sro_case_app`` – which has no BYPASSRLS, and
the policies are forced, so they hold for the tables' owner too. Who asks comes from the
transaction's role – ``sro_case_person`` for a person of the working roles, ``sro_case_system``
for the server's own work, the base role ``sro_case_app`` (no rows) for everyone else – and the
setting ``sro.user_id`` (``database.set_context``). The policies are written so that PostgreSQL
answers them from indexes (no per-row subquery over the whole case table).

What they say: a case file is visible to its lead worker, its case team, and the Teamleitung of
the lead worker's team – only for the working roles, never for Admin or Controlling. Everything
of a case follows its case. The Verlauf (case notes) is visible to the author of an entry and to
whoever has the whole file (the lead worker, the responsible service); an entrusted (§ 65) entry
only to its author, or with the whole file while a consent releases entrusted entries.

What they cannot do: a setting is set by the server's own SQL, so a server whose code runs an
attacker's SQL can claim to be someone else (``docs/SECURITY.md``); columns (the costs of a help)
are cut by the server only.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sro_case.domain.catalogues import catalogue

WORKING_ROLES = ("caseworker", "facilitator", "team_lead")
PERSON_ROLE = "sro_case_person"  # a transaction for one person of the working roles
SYSTEM_ROLE = "sro_case_system"  # the server's own work (sign-in, a new case, the statistics)

_ME = "nullif(current_setting('sro.user_id', true), '')::integer"


def _sees_case(lead: str, case: str) -> str:
    """Three arms PostgreSQL can each answer from an index (a bitmap OR): the cases the person
    leads, the case teams they belong to, and – for a Teamleitung as stored in ``app_user``,
    not as claimed – the cases led by the people of their team. ``lead`` and ``case`` are the
    columns of the lead worker's and the case's id."""
    return (
        f"({lead} = {_ME} "
        f"OR {case} = ANY (ARRAY(SELECT t.case_id FROM case_team t WHERE t.user_id = {_ME})) "
        f"OR {lead} = ANY (ARRAY(SELECT lw.id FROM app_user lw JOIN app_user me "
        f"ON me.id = {_ME} WHERE me.role = 'team_lead' AND lw.team <> '' AND lw.team = me.team)))"
    )


def _whole_file(case_id: str) -> str:
    """The lead worker, or a person of the responsible service (catalogue), on a visible case."""
    responsible = [i.code for i in catalogue("disciplines") if i.get("responsible")]
    codes = ", ".join(f"'{c}'" for c in responsible) or "''"
    return (
        f"EXISTS (SELECT 1 FROM case_file c WHERE c.id = {case_id} AND (c.lead_worker_id = {_ME} "
        f"OR EXISTS (SELECT 1 FROM app_user me WHERE me.id = {_ME} "
        f"AND me.discipline IN ({codes}))))"
    )


_RELEASED = (
    "EXISTS (SELECT 1 FROM consent k WHERE k.case_id = case_note.case_id AND k.releases_entrusted "
    "AND k.given_on <= current_date AND (k.expires_on IS NULL OR k.expires_on >= current_date) "
    "AND (k.revoked_on IS NULL OR k.revoked_on > current_date))"
)
_CASE_CHILD = "EXISTS (SELECT 1 FROM case_file c WHERE c.id = {t}.case_id)"

# what a person of the working roles sees (``PERSON_ROLE``); nothing for anyone else
VISIBLE = {
    "case_file": _sees_case("case_file.lead_worker_id", "case_file.id"),
    "family": "EXISTS (SELECT 1 FROM case_file c WHERE c.family_id = family.id)",
    "person": "EXISTS (SELECT 1 FROM family f WHERE f.id = person.family_id)",
    "case_note": f"{_CASE_CHILD.format(t='case_note')} AND ("
    f"case_note.author_id = {_ME} OR (NOT case_note.entrusted AND "
    f"{_whole_file('case_note.case_id')}) OR ({_whole_file('case_note.case_id')} "
    f"AND {_RELEASED}))",
    "case_search": "EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_search.rowid)",
    # the words carry their case's lead worker (revision 0012's triggers), so a search is
    # answered from the index without a look at case_file per word
    "case_search_term": _sees_case("case_search_term.lead_worker_id", "case_search_term.case_id"),
    "note_key": "EXISTS (SELECT 1 FROM case_note n WHERE n.id = note_key.note_id)",
    "participant": "EXISTS (SELECT 1 FROM conference k WHERE k.id = participant.conference_id)",
    "goal_review": "EXISTS (SELECT 1 FROM goal g WHERE g.id = goal_review.goal_id)",
    "action_step": "EXISTS (SELECT 1 FROM goal g WHERE g.id = action_step.goal_id)",
}
for _table in ("consent", "help", "conference", "goal", "resource", "status_change"):
    VISIBLE[_table] = _CASE_CHILD.format(t=_table)

# The case team is what case_file's policy asks, so its own reading policy must not ask
# case_file back (PostgreSQL refuses a recursion): membership rows (two ids) are readable for
# the working roles; adding and removing is for the case's lead worker.
_LEAD_OF = (
    "EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_team.case_id "
    f"AND c.lead_worker_id = {_ME})"
)
CASE_TEAM = {
    "SELECT": ("USING", "true"),
    "INSERT": ("WITH CHECK", _LEAD_OF),
    "DELETE": ("USING", _LEAD_OF),
}


def _force(conn: Connection, table: str) -> None:
    conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
    conn.execute(text(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"))
    conn.execute(text(f"DROP POLICY IF EXISTS server_own ON {table}"))
    conn.execute(
        text(f"CREATE POLICY server_own ON {table} TO {SYSTEM_ROLE} USING (true) WITH CHECK (true)")
    )


def install(conn: Connection) -> None:
    """(Re)create the policies, forced (also for the tables' owner): the person's for
    ``PERSON_ROLE``, every row for ``SYSTEM_ROLE``, none for the server's base role."""
    for table, condition in VISIBLE.items():
        _force(conn, table)
        conn.execute(text(f"DROP POLICY IF EXISTS need_to_know ON {table}"))
        conn.execute(
            text(
                f"CREATE POLICY need_to_know ON {table} TO {PERSON_ROLE} "
                f"USING ({condition}) WITH CHECK ({condition})"
            )
        )
    _force(conn, "case_team")
    for command, (clause, condition) in CASE_TEAM.items():
        name = f"need_to_know_{command.lower()}"
        conn.execute(text(f"DROP POLICY IF EXISTS {name} ON case_team"))
        conn.execute(
            text(
                f"CREATE POLICY {name} ON case_team FOR {command} TO {PERSON_ROLE} "
                f"{clause} ({condition})"
            )
        )
