"""What each statistics export published, so a later export is audited together with it.

Why: a controller who holds the exports for Q1, Q2 and the first half year can subtract them;
a cell hidden in one export could be worked out from the others. The export keeps, inside the
encrypted database, the period, threshold, file digest and the status (and published figure)
of every count cell it released; the next export of an overlapping or nesting period is checked
together with them (``sro_case.export.releases``). Aggregates only: nothing case-level.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statistics_release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statistics_release")),
    )
    op.create_index(
        op.f("ix_statistics_release_date_to"), "statistics_release", ["date_to"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_statistics_release_date_to"), table_name="statistics_release")
    op.drop_table("statistics_release")
