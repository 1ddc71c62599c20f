"""Alembic environment. Migrations always run on a connection the program hands in
(``config.attributes["connection"]``), because only the program holds the database key."""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import context

from sro_case.storage.orm import Base

# the revisions' frozen helpers (db/migration_helpers.py): they never import the live program
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

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
