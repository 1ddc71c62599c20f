"""Full-text search over cases (FTS5): file number, family and person names, Kölner Phonetik codes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from migration_helpers import group_concat, on_postgresql
    from migration_helpers import index_row_0002 as index_row  # frozen (db/migration_helpers.py)

    bind = op.get_bind()
    if on_postgresql(bind):
        # The team server (#17): the same rows in a plain table (rowid = case_file.id), searched
        # by trigram similarity instead of FTS5 (pg_trgm is a trusted extension).
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE TABLE case_search (rowid INTEGER PRIMARY KEY, file_number TEXT NOT NULL, "
            "names TEXT NOT NULL, phonetic TEXT NOT NULL)"
        )
        for column in ("file_number", "names", "phonetic"):
            op.execute(
                f"CREATE INDEX ix_case_search_{column} ON case_search "
                f"USING gin ({column} gin_trgm_ops)"
            )
    else:
        # rowid = case_file.id. The index holds names, so it lives only inside the encrypted file.
        op.execute(
            "CREATE VIRTUAL TABLE case_search USING fts5("
            "file_number, names, phonetic, "
            "tokenize = \"unicode61 remove_diacritics 2 tokenchars '-/.'\")"
        )
    # Fill it for databases that already hold cases. Phonetic codes are computed in Python.
    names = group_concat(bind, "p.first_name || ' ' || p.last_name")
    rows = bind.execute(
        sa.text(
            "SELECT c.id, c.file_number, f.display_name, "
            f"{names} "
            "FROM case_file c JOIN family f ON f.id = c.family_id "
            "LEFT JOIN person p ON p.family_id = f.id GROUP BY c.id, c.file_number, f.display_name"
        )
    ).all()
    for case_id, file_number, family_name, person_names in rows:
        names, phonetic = index_row(family_name, person_names or "")
        bind.execute(
            sa.text(
                "INSERT INTO case_search(rowid, file_number, names, phonetic) "
                "VALUES (:id, :fn, :names, :ph)"
            ),
            {"id": case_id, "fn": file_number, "names": names, "ph": phonetic},
        )


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
