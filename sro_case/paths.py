"""Where the program finds its own files (resources, migrations) and the user's data."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "sro-case"
APP_AUTHOR = "Hansestadt Rostock"


def install_root() -> Path:
    """The folder that holds ``resources/`` and ``db/``: the source tree, or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def migrations_dir() -> Path:
    return install_root() / "db"


def user_data_dir() -> Path:
    import platformdirs  # only when no path was given (it costs start time)

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    return user_data_dir() / "fallakten.db"


def journal_dir(where: str) -> Path:
    """The journal of unsaved input for one database or team server (``where``: its path or
    address); ``SRO_CASE_JOURNAL_DIR`` moves all journals (tests, terminal servers)."""
    import hashlib
    import os

    base = os.environ.get("SRO_CASE_JOURNAL_DIR")
    root = Path(base) if base else user_data_dir() / "journal"
    return root / hashlib.sha256(where.encode()).hexdigest()[:16]
