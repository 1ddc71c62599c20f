"""Retention: deleted cases leave an anonymised statistical record; deletion periods are settings.

Why: personal data must go when its period ends (§ 84 SGB X, § 9b SGB VIII), but the controlling
figures of past periods must not change. So the few facts the statistics export counts (dates,
codes, age group, sex, costs, scores) stay in these tables, without names, free text, file
numbers or any id that leads back to the family.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DEFAULT_YEARS = 10  # after closing, for every case without a § 9b help (docs/RETENTION.md)


def upgrade() -> None:
    op.create_table(
        "case_statistic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("social_space_code", sa.String(length=64), nullable=False),
        sa.Column("is_model_region", sa.Boolean(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_quarter", sa.String(length=7), nullable=True),
        sa.Column("end_reason", sa.String(length=64), nullable=True),
        sa.Column("duration_class", sa.String(length=16), nullable=True),
        sa.Column("child_protection", sa.Boolean(), nullable=False),
        sa.Column("outcome_8a", sa.String(length=32), nullable=True),
        sa.Column("conference_count", sa.Integer(), nullable=False),
        sa.Column("retention_category", sa.String(length=32), nullable=False),
        sa.Column("deleted_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_statistic")),
    )
    op.create_table(
        "help_statistic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_statistic_id", sa.Integer(), nullable=False),
        sa.Column("help_type", sa.String(length=16), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=64), nullable=True),
        sa.Column("duration_class", sa.String(length=16), nullable=True),
        sa.Column("monthly_cost_cents", sa.Integer(), nullable=True),
        sa.Column("age_group", sa.String(length=16), nullable=False),
        sa.Column("sex", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_statistic_id"],
            ["case_statistic.id"],
            name=op.f("fk_help_statistic_case_statistic_id_case_statistic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_statistic")),
    )
    with op.batch_alter_table("help_statistic", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_help_statistic_case_statistic_id"), ["case_statistic_id"], unique=False
        )
    op.create_table(
        "conference_statistic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_statistic_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("participant_count", sa.Integer(), nullable=False),
        sa.Column("discipline_counts", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_statistic_id"],
            ["case_statistic.id"],
            name=op.f("fk_conference_statistic_case_statistic_id_case_statistic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference_statistic")),
    )
    with op.batch_alter_table("conference_statistic", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conference_statistic_case_statistic_id"),
            ["case_statistic_id"],
            unique=False,
        )
    op.create_table(
        "goal_statistic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_statistic_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_statistic_id"],
            ["case_statistic.id"],
            name=op.f("fk_goal_statistic_case_statistic_id_case_statistic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_statistic")),
    )
    with op.batch_alter_table("goal_statistic", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_goal_statistic_case_statistic_id"), ["case_statistic_id"], unique=False
        )
    op.create_table(
        "goal_review_statistic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_statistic_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_statistic_id"],
            ["goal_statistic.id"],
            name=op.f("fk_goal_review_statistic_goal_statistic_id_goal_statistic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_review_statistic")),
    )
    with op.batch_alter_table("goal_review_statistic", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_goal_review_statistic_goal_statistic_id"),
            ["goal_statistic_id"],
            unique=False,
        )
    retention_period = op.create_table(
        "retention_period",
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("category", name=op.f("pk_retention_period")),
    )
    op.bulk_insert(retention_period, [{"category": "standard", "years": DEFAULT_YEARS}])
    # Deleting a conference or a person makes SQLite look up the rows that point to it (ON DELETE
    # SET NULL); without these indexes every deleted row scans the whole table (minutes, not ms).
    with op.batch_alter_table("goal_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_goal_review_conference_id"), ["conference_id"], unique=False
        )
    with op.batch_alter_table("help", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_help_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("help", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_person_id"))
    with op.batch_alter_table("goal_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_review_conference_id"))
    op.drop_table("retention_period")
    with op.batch_alter_table("goal_review_statistic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_review_statistic_goal_statistic_id"))
    op.drop_table("goal_review_statistic")
    with op.batch_alter_table("goal_statistic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_statistic_case_statistic_id"))
    op.drop_table("goal_statistic")
    with op.batch_alter_table("conference_statistic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conference_statistic_case_statistic_id"))
    op.drop_table("conference_statistic")
    with op.batch_alter_table("help_statistic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_statistic_case_statistic_id"))
    op.drop_table("help_statistic")
    op.drop_table("case_statistic")
