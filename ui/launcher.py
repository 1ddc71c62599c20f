"""The ``sro-case`` command: the core's command line with the desktop client plugged in.

The core (``sro_case.cli``) never imports the GUI; this module hands it the two things only
the GUI has: starting the client, and the window part of the self-test. Both are imported when
used, so the command line stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sro_case import cli


def _run(db: Path | None) -> int:
    from ui.app import run

    return run(db=db)


def _check_window(test: Any, store: Any) -> None:
    from ui.selftest import run_window

    run_window(test, store)


DESKTOP = cli.Desktop(run=_run, check_window=_check_window)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, desktop=DESKTOP)
