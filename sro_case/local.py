"""The in-process implementation of the facade (``sro_case.app``): the encrypted file on this
PC. Front ends open and create databases here and get an ``Application``; ``as_application``
is where the type checker proves that the composition root's ``sro_case.store.Store`` is one
(``make lint`` runs mypy on it).

The database layer (SQLAlchemy, Alembic, the ORM, the key hierarchy) is imported only when a
function here is called: the client's unlock dialog appears first and calls ``preload`` on its
worker thread while the passphrase is typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sro_case.app import Application
    from sro_case.store import Store


def as_application(store: Store) -> Application:
    """The signed-in store as the facade the front ends use (no copy: the same object)."""
    return store


@dataclass(frozen=True)
class Created:
    """A new database, signed in as its first admin; the recovery key is shown once."""

    app: Application
    recovery_key: str


def preload() -> None:
    """Import the database layer (slow) ahead of the first ``open_local``."""
    import sro_case.store  # noqa: F401


def open_local(path: Path, passphrase: str) -> Application:
    """Unlock the encrypted file (raises ``WrongPassphrase``, ``KeyFileError``, …)."""
    from sro_case.store import unlock

    return as_application(unlock(Path(path), passphrase))


def create_local(path: Path, passphrase: str) -> Created:
    """A new encrypted database with its recovery key; the passphrase opens the first admin."""
    from sro_case.store import create_database

    created = create_database(Path(path), passphrase)
    return Created(as_application(created.store), created.recovery_key)


def fill_with_demo_cases(app: Application, count: int, *, seed: int = 1) -> None:
    """Fictitious cases for trying the program (the demo database of the start screen)."""
    from sro_case.demo import generate
    from sro_case.store import Store

    if not isinstance(app, Store):
        raise TypeError("demo cases are written into a local database only")
    generate(app, count, seed=seed)


def location_warning(path: Path) -> str | None:
    """A German warning when the file lies where it should not (a synced or shared folder)."""
    from sro_case.accounts.location import location_warning as warning

    return warning(Path(path))
