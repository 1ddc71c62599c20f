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

from sro_case.errors import ServerNoAnswer, ServerUnreachable, SroCaseError
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


def can_retry(exc: BaseException, *, repeatable: bool) -> bool:
    """Whether "Erneut versuchen" is offered: the team server could not be reached, and either
    nothing reached it or the work may be repeated (a read, a save resting on a version)."""
    if not isinstance(exc, ServerUnreachable):
        return False
    return repeatable or not isinstance(exc, ServerNoAnswer)


def warn_failure(
    parent: QWidget | None,
    title: str,
    exc: BaseException,
    retry: Callable[[], object] | None = None,
    *,
    repeatable: bool = False,
) -> None:
    """The failure in words. Network trouble with the team server offers "Erneut versuchen"
    (``retry``) – what was typed stays in the window either way; a change that was sent but
    not answered is not repeated blindly, the user is told to look after reloading."""
    tr = QCoreApplication.translate
    text = failure_text(exc)
    if isinstance(exc, ServerNoAnswer) and not repeatable:
        text += " " + tr(
            "Ops",
            "Ob die Änderung angekommen ist, ist nicht sicher: bitte prüfen Sie nach dem "
            "Aktualisieren (F5), bevor Sie sie noch einmal eingeben.",
        )
    if retry is None or not can_retry(exc, repeatable=repeatable):
        QMessageBox.warning(parent, title, text)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setInformativeText(
        tr(
            "Ops",
            "Ihre Eingaben bleiben erhalten. Versuchen Sie es erneut, sobald das Netz wieder da ist.",
        )
    )
    again = box.addButton(tr("Ops", "&Erneut versuchen"), QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(tr("Ops", "Schließen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.setEscapeButton(close)
    box.exec()
    if box.clickedButton() is again:
        retry()


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
        def again() -> None:
            run_op(runner, work, done, parent=parent, title=title)

        warn_failure(parent, title, exc, again)

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
