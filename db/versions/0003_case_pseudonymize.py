"""A case can ask for initials instead of names on shared screens and in protocols.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_file") as batch_op:
        batch_op.add_column(
            sa.Column("pseudonymize", sa.Boolean(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch_op:
        batch_op.drop_column("pseudonymize")
