"""Work on the database lane, typed, with a German (or English) message when it fails (#16, in
the spirit of Anki's ``CollectionOp``/``QueryOp``): ``run_op`` hands ``work`` to the runner and
``done`` its typed result on the GUI thread; without a ``failed`` handler a failure becomes a
message box in the UI language. ``failure_text`` is that message: the core's own error text,
a plain sentence for a file that could not be written, and for anything else a sentence that
names no internals – never ``repr(exc)`` (it once reached the projector) – while the
traceback goes to the application log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from sro_case.errors import SroCaseError
from ui.i18n import error_text
from ui.tasks import Runner

if TYPE_CHECKING:
    from sro_case.app import Application
    from sro_case.domain.models import DocumentSource

T = TypeVar("T")
log = logging.getLogger("sro_case.ui")


def failure_text(exc: BaseException) -> str:
    """What the user reads about a failure, in the UI language."""
    tr = QCoreApplication.translate
    if isinstance(exc, SroCaseError):
        return error_text(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        reason = exc.strerror or tr("Ops", "unbekannter Grund")
        return (
            tr("Ops", "Die Datei konnte nicht gelesen oder geschrieben werden%1: %2")
            .replace("%1", where)
            .replace("%2", reason)
        )
    log.error("unexpected failure", exc_info=exc)
    return tr(
        "Ops",
        "Ein unerwarteter Fehler ist aufgetreten (%1). Bitte versuchen Sie es erneut und "
        "melden Sie den Fehler, wenn er wiederkommt.",
    ).replace("%1", type(exc).__name__)


def run_op(
    runner: Runner,
    work: Callable[[], T],
    done: Callable[[T], object],
    *,
    parent: QWidget | None,
    title: str,
    failed: Callable[[BaseException], object] | None = None,
) -> None:
    """``work`` on the database lane, ``done(result)`` on the GUI thread; a failure goes to
    ``failed`` or, by default, into a warning titled ``title``."""

    def show(exc: BaseException) -> None:
        QMessageBox.warning(parent, title, failure_text(exc))

    runner.submit(work, done, failed or show)


def make_document(
    app: Application,
    db: Runner,
    render: Runner,
    source: Callable[[], DocumentSource],
    out: Path,
    done: Callable[[Path], object],
    failed: Callable[[BaseException], object],
) -> None:
    """A case document in three steps: read on the database lane, render the PDF on the
    render lane (seconds for a long protocol, and the database lane stays free for the case
    list and search), then write it and record the export on the database lane."""
    from sro_case.documents import render_document

    def record(read: DocumentSource, data: bytes) -> None:
        db.submit(lambda: app.documents.record(read, out, data), done, failed)

    def rendered(read: DocumentSource) -> None:
        render.submit(lambda: render_document(read), lambda data: record(read, data), failed)

    db.submit(source, rendered, failed)
