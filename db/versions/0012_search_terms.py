"""The team server's search by words (``case_search_term``), which row-level security lets
PostgreSQL answer from an index.

Why: with row-level security PostgreSQL uses an index only with leakproof operators, and
ILIKE, regular expressions and the array and text-search operators are not leakproof. The
trigram indexes of revision 0002 therefore never served a person's search: PostgreSQL read
the visible cases in file number order and tested each row (35 ms for "Maier" at 100,000
cases, and the whole table for a rare name). Text comparison is leakproof, so each word of a
case (names and file number, case folded without diacritics, and its Kölner Phonetik codes
behind "#") becomes a row; a search word is a range of the primary key (its beginning) or
an equality (its code). The row carries its case's lead worker, so the policy is answered
from the index row as well (kept by triggers; a writer cannot set it).

The trigram indexes go; ``case_search`` stays, the rows the words are made from. In the
encrypted file nothing changes (FTS5).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TRIGRAM_COLUMNS = ("file_number", "names", "phonetic")

STATEMENTS = (
    'CREATE TABLE case_search_term (term TEXT COLLATE "C" NOT NULL, '
    "case_id INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE, "
    "lead_worker_id INTEGER, "
    "CONSTRAINT pk_case_search_term PRIMARY KEY (term, case_id) INCLUDE (lead_worker_id))",
    "CREATE INDEX ix_case_search_term_case_id ON case_search_term (case_id)",
    # the lead worker comes from the case (as the writer sees it), whatever the writer sent;
    # FOR SHARE waits for a handover in progress (whose trigger cannot see these new rows)
    # and keeps one from starting until this transaction ends
    "CREATE FUNCTION case_search_term_lead() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "NEW.lead_worker_id := (SELECT c.lead_worker_id FROM case_file c WHERE c.id = NEW.case_id "
    "FOR SHARE); RETURN NEW; END $$",
    "CREATE TRIGGER case_search_term_lead BEFORE INSERT OR UPDATE ON case_search_term "
    "FOR EACH ROW EXECUTE FUNCTION case_search_term_lead()",
    # a case handed over takes its words along
    "CREATE FUNCTION case_file_lead_to_terms() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "UPDATE case_search_term SET lead_worker_id = NEW.lead_worker_id WHERE case_id = NEW.id; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER case_file_lead_to_terms AFTER UPDATE OF lead_worker_id ON case_file "
    "FOR EACH ROW WHEN (OLD.lead_worker_id IS DISTINCT FROM NEW.lead_worker_id) "
    "EXECUTE FUNCTION case_file_lead_to_terms()",
)


def upgrade() -> None:
    from migration_helpers import on_postgresql, search_terms_0012  # frozen

    bind = op.get_bind()
    if not on_postgresql(bind):
        return
    for statement in STATEMENTS:
        op.execute(statement)
    # The schema's owner runs this; on an existing team database it reads and writes the rows
    # as a member of the server's system role (``server init`` made it one), whose policy
    # shows every row (tested with an owner that is no superuser).
    rows = bind.execute(sa.text("SELECT rowid, file_number, names, phonetic FROM case_search"))
    insert = sa.text("INSERT INTO case_search_term (term, case_id) VALUES (:term, :id)")
    batch: list[dict[str, object]] = []
    for case_id, file_number, names, phonetic in rows.all():
        batch += [
            {"term": term, "id": case_id}
            for term in sorted(search_terms_0012(file_number, names, phonetic))
        ]
        if len(batch) >= 10_000:
            bind.execute(insert, batch)
            batch = []
    if batch:
        bind.execute(insert, batch)
    for column in TRIGRAM_COLUMNS:
        op.execute(f"DROP INDEX ix_case_search_{column}")


def downgrade() -> None:
    from migration_helpers import on_postgresql

    if not on_postgresql(op.get_bind()):
        return
    for column in TRIGRAM_COLUMNS:
        op.execute(
            f"CREATE INDEX ix_case_search_{column} ON case_search USING gin ({column} gin_trgm_ops)"
        )
    op.execute("DROP TRIGGER case_file_lead_to_terms ON case_file")
    op.execute("DROP FUNCTION case_file_lead_to_terms()")
    op.execute("DROP TABLE case_search_term")
    op.execute("DROP FUNCTION case_search_term_lead()")
