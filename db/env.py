"""Alembic environment. Migrations always run on a connection the program hands in
(``config.attributes["connection"]``), because only the program holds the database key."""

from __future__ import annotations

from alembic import context

from sro_case.storage.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Migrationen laufen nur über das Programm (sro-case), das die Datenbank entschlüsselt."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
