"""German sort keys (Ä with A, ß as ss) stored beside names, indexed, so lists sort in SQL.

SQLite's own ORDER BY puts umlauts after Z, and a Python collation is too slow for 100,000 rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = {"family": "display_name", "app_user": "name", "social_space": "name"}


def upgrade() -> None:
    from migration_helpers import sort_name  # frozen (db/migration_helpers.py)

    bind = op.get_bind()
    for table, column in TABLES.items():
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("sort_name", sa.String(200), nullable=False, server_default="")
            )
            batch_op.create_index(f"ix_{table}_sort_name", ["sort_name"])
        rows = bind.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
        for row_id, name in rows:
            bind.execute(
                sa.text(f"UPDATE {table} SET sort_name = :s WHERE id = :id"),
                {"s": sort_name(name), "id": row_id},
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(f"ix_{table}_sort_name")
            batch_op.drop_column("sort_name")
