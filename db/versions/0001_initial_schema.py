"""Initial schema: social spaces, users, families, persons, cases and all of a case file, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("login", name=op.f("uq_app_user_login")),
    )
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "social_space",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("district_group", sa.String(length=100), nullable=False),
        sa.Column("is_model_region", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_space")),
        sa.UniqueConstraint("code", name=op.f("uq_social_space_code")),
    )
    op.create_table(
        "budget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("social_space_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["social_space_id"],
            ["social_space.id"],
            name=op.f("fk_budget_social_space_id_social_space"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget")),
        sa.UniqueConstraint("social_space_id", "year", name=op.f("uq_budget_social_space_id")),
    )
    op.create_table(
        "family",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("social_space_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["social_space_id"],
            ["social_space.id"],
            name=op.f("fk_family_social_space_id_social_space"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family")),
    )
    op.create_table(
        "case_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_number", sa.String(length=64), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("lead_worker_id", sa.Integer(), nullable=True),
        sa.Column("social_space_id", sa.Integer(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("end_reason", sa.String(length=64), nullable=True),
        sa.Column("reason_for_contact", sa.Text(), nullable=False),
        sa.Column("focus_areas", sa.Text(), nullable=False),
        sa.Column("child_protection", sa.Boolean(), nullable=False),
        sa.Column("outcome_8a", sa.String(length=32), nullable=True),
        sa.Column("legal_hold", sa.Boolean(), nullable=False),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_case_file_family_id_family")
        ),
        sa.ForeignKeyConstraint(
            ["lead_worker_id"], ["app_user.id"], name=op.f("fk_case_file_lead_worker_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["social_space_id"],
            ["social_space.id"],
            name=op.f("fk_case_file_social_space_id_social_space"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
        sa.UniqueConstraint("file_number", name=op.f("uq_case_file_file_number")),
    )
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_file_family_id"), ["family_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_file_lead_worker_id"), ["lead_worker_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_file_next_review"), ["next_review"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_file_social_space_id"), ["social_space_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_file_status"), ["status"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["family_id"],
            ["family.id"],
            name=op.f("fk_person_family_id_family"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_family_id"), ["family_id"], unique=False)

    op.create_table(
        "case_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("entrusted", sa.Boolean(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"], ["app_user.id"], name=op.f("fk_case_note_author_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_note_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_note")),
    )
    with op.batch_alter_table("case_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_note_case_id"), ["case_id"], unique=False)

    op.create_table(
        "conference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("family_will", sa.Text(), nullable=False),
        sa.Column("will_spoken_by", sa.String(length=200), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_conference_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference")),
    )
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conference_case_id"), ["case_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("disciplines", sa.Text(), nullable=False),
        sa.Column("data_scope", sa.Text(), nullable=False),
        sa.Column("releases_entrusted", sa.Boolean(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_consent_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_consent_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "help",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("help_type", sa.String(length=16), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("hours_per_week", sa.Integer(), nullable=True),
        sa.Column("monthly_cost_cents", sa.Integer(), nullable=True),
        sa.Column("end_reason", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_help_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_help_person_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help")),
    )
    with op.batch_alter_table("help", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_help_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_help_help_type"), ["help_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_help_start_on"), ["start_on"], unique=False)

    op.create_table(
        "resource",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_resource_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resource")),
    )
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resource_case_id"), ["case_id"], unique=False)

    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=True),
        sa.Column("to_status", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_status_change_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_change")),
    )
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_status_change_case_id"), ["case_id"], unique=False)

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("level_minus2", sa.Text(), nullable=False),
        sa.Column("level_minus1", sa.Text(), nullable=False),
        sa.Column("level_0", sa.Text(), nullable=False),
        sa.Column("level_plus1", sa.Text(), nullable=False),
        sa.Column("level_plus2", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_goal_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_goal_conference_id_conference"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_conference_id"), ["conference_id"], unique=False)

    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("discipline", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_participant_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "action_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_action_step_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_step")),
    )
    with op.batch_alter_table("action_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_step_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "goal_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("conference_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_goal_review_conference_id_conference"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_review_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_review")),
    )
    with op.batch_alter_table("goal_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_review_goal_id"), ["goal_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("goal_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_review_goal_id"))

    op.drop_table("goal_review")
    with op.batch_alter_table("action_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_step_goal_id"))

    op.drop_table("action_step")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_conference_id"))

    op.drop_table("participant")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_conference_id"))
        batch_op.drop_index(batch_op.f("ix_goal_case_id"))

    op.drop_table("goal")
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_change_case_id"))

    op.drop_table("status_change")
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resource_case_id"))

    op.drop_table("resource")
    with op.batch_alter_table("help", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_start_on"))
        batch_op.drop_index(batch_op.f("ix_help_help_type"))
        batch_op.drop_index(batch_op.f("ix_help_case_id"))

    op.drop_table("help")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_person_id"))
        batch_op.drop_index(batch_op.f("ix_consent_case_id"))

    op.drop_table("consent")
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conference_case_id"))

    op.drop_table("conference")
    with op.batch_alter_table("case_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_note_case_id"))

    op.drop_table("case_note")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_family_id"))

    op.drop_table("person")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_file_status"))
        batch_op.drop_index(batch_op.f("ix_case_file_social_space_id"))
        batch_op.drop_index(batch_op.f("ix_case_file_next_review"))
        batch_op.drop_index(batch_op.f("ix_case_file_lead_worker_id"))
        batch_op.drop_index(batch_op.f("ix_case_file_family_id"))

    op.drop_table("case_file")
    op.drop_table("family")
    op.drop_table("budget")
    op.drop_table("social_space")
    op.drop_table("meta")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_case_id"))

    op.drop_table("audit_event")
    op.drop_table("app_user")
