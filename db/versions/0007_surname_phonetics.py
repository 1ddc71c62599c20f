"""The search index's phonetic column from surnames only (see ``search_index.index_row``).

With first names in it, a search for "Maier" found every family with a Maria or a Mira.
Rebuilt row by row from family and person; names and file numbers stay as they are.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ROWS = (
    "SELECT s.rowid, f.display_name, "
    "(SELECT {surnames} FROM person p WHERE p.family_id = f.id) "
    "FROM case_search s JOIN case_file c ON c.id = s.rowid JOIN family f ON f.id = c.family_id"
)


def _rebuild(surnames_only: bool) -> None:
    from migration_helpers import group_concat, phonetic_words  # frozen (db/migration_helpers.py)

    bind = op.get_bind()
    if surnames_only:
        query = sa.text(ROWS.format(surnames=group_concat(bind, "p.last_name")))
        rows = [
            (rowid, f"{family} {surnames or ''}") for rowid, family, surnames in bind.execute(query)
        ]
    else:  # downgrade: every name again, as revision 0002 indexed them
        rows = list(bind.execute(sa.text("SELECT rowid, names FROM case_search")))
    update = sa.text("UPDATE case_search SET phonetic = :p WHERE rowid = :id")
    if rows:
        bind.execute(update, [{"id": rowid, "p": phonetic_words(sound)} for rowid, sound in rows])


def upgrade() -> None:
    _rebuild(surnames_only=True)


def downgrade() -> None:
    _rebuild(surnames_only=False)
