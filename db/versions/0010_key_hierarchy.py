"""Signed audit entries and § 65 entries sealed to their readers (the key hierarchy).

Why: with one shared database key, every slot holder could read another worker's entrusted
note and rewrite the audit log (chain and head recomputed). Now every audit entry carries the
Ed25519 signature of the user whose session wrote it (``signed_by``, ``signature``); entries
written before this revision stay unsigned and are pinned by the first signed entry's chain.
An entrusted note keeps its text and participants only sealed (``sealed``: AES-256-GCM under a
content key), and ``note_key`` holds that content key sealed to each reader's public key (the
author, and whoever a consent released the entry to). Notes written before this revision are
sealed at the next sign-in of a user with a key pair (``sro_case.cases.entrusted``).
``app_user.sign_key`` registers the public signing key bound to each login: a key slot whose key
differs is refused, and a key rotation seals the new database key only to registered keys.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (a constant default): a batch copy of app_user would trip the foreign
    # keys that point at it
    op.add_column(
        "app_user", sa.Column("sign_key", sa.String(length=64), nullable=False, server_default="")
    )
    op.add_column(
        "audit_event",
        sa.Column("signed_by", sa.String(length=100), nullable=False, server_default=""),
    )
    op.add_column(
        "audit_event", sa.Column("signature", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("case_note", sa.Column("sealed", sa.Text(), nullable=False, server_default=""))
    # entrusted notes still waiting to be sealed, by author: found at sign-in without a scan
    op.create_index(
        "ix_case_note_unsealed",
        "case_note",
        ["author_id"],
        unique=False,
        sqlite_where=sa.text("entrusted = 1 AND sealed = ''"),
        postgresql_where=sa.text("entrusted AND sealed = ''"),
    )
    op.create_table(
        "note_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["case_note.id"],
            name=op.f("fk_note_key_note_id_case_note"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_key")),
        sa.UniqueConstraint("note_id", "login", name=op.f("uq_note_key_note_id")),
    )


def downgrade() -> None:
    op.drop_table("note_key")
    op.drop_index("ix_case_note_unsealed", table_name="case_note")
    op.drop_column("case_note", "sealed")  # SQLite 3.35+ drops a plain column in place
    op.drop_column("audit_event", "signature")
    op.drop_column("audit_event", "signed_by")
    op.drop_column("app_user", "sign_key")
