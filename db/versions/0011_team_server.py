"""The team server's accounts, sessions, case teams and record versions (#17).

Why: on the team server many people work on one database, so the server – not a key slot –
decides who may see what. ``app_user`` gains the discipline (a code of the disciplines
catalogue: what the family's consents release is decided per discipline), the team (the
Teamleitung sees its team's cases), and the server's sign-in: the Argon2id hash of the
passphrase, the count of failed sign-ins and a lock-out time. ``server_session`` holds
sign-ins as hashes of random tokens with their last use (idle and absolute expiry).
``case_team`` names the colleagues the lead worker added to a case (Fallteam).
``case_file.version`` grows with every change of a case, so a save over a newer version is
refused instead of silently overwriting it. On PostgreSQL a budget's amount becomes 64 bits.

In the encrypted file of a single PC these stay empty (the key slots decide there); the same
revision chain runs on both.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

USER_COLUMNS = (
    sa.Column("discipline", sa.String(length=64), nullable=False, server_default=""),
    sa.Column("team", sa.String(length=100), nullable=False, server_default=""),
    sa.Column("passphrase_hash", sa.Text(), nullable=False, server_default=""),
    sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("locked_until", sa.DateTime(), nullable=True),
)


def upgrade() -> None:
    # plain ADD COLUMN (constant defaults): a batch copy of app_user would trip the foreign
    # keys that point at it
    for column in USER_COLUMNS:
        op.add_column("app_user", column)
    op.add_column(
        "case_file", sa.Column("version", sa.Integer(), nullable=False, server_default="1")
    )
    op.create_table(
        "case_team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_team_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_case_team_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_team")),
        sa.UniqueConstraint("case_id", "user_id", name=op.f("uq_case_team_case_id")),
    )
    op.create_index(op.f("ix_case_team_user_id"), "case_team", ["user_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        # a Sozialraum's yearly budget passes 2**31 cents (21 million euros); SQLite's INTEGER
        # is 64 bits anyway, PostgreSQL's is not
        op.alter_column("budget", "amount_cents", type_=sa.BigInteger(), existing_nullable=False)
    op.create_table(
        "server_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_server_session_user_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_server_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_server_session_token_hash")),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("budget", "amount_cents", type_=sa.Integer(), existing_nullable=False)
    op.drop_table("server_session")
    op.drop_index(op.f("ix_case_team_user_id"), table_name="case_team")
    op.drop_table("case_team")
    op.drop_column("case_file", "version")
    for column in reversed(USER_COLUMNS):
        op.drop_column("app_user", column.name)
