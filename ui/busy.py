"""Work on the database lane behind a busy dialog that cannot be closed while it runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog


class BusyDialog(QProgressDialog):
    """A busy indicator without cancel or close button; Esc and Alt+F4 do nothing (hiding it
    while the work goes on would look as if the program had ended)."""

    def __init__(self, label: str) -> None:
        super().__init__(label, "", 0, 0)
        self.setCancelButton(None)
        self.setWindowTitle("SRO-Fallmanagement")
        self.setWindowFlags(
            Qt.Dialog | Qt.CustomizeWindowHint | Qt.WindowTitleHint  # no close button
        )
        self.setWindowModality(Qt.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.done_ = False

    def finish(self) -> None:
        self.done_ = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.done_:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.done_:
            super().reject()


def run_busy(
    runner: Any, label: str, fn: Callable[[], Any], *, show_after_ms: int = 0
) -> tuple[Any, BaseException | None]:
    """``fn`` on the database lane behind a ``BusyDialog`` (shown after ``show_after_ms``, so
    quick work does not flash one); a local event loop keeps the screen painting. Returns the
    result, or the error the caller has to report."""
    dialog = BusyDialog(label)
    loop = QEventLoop()
    outcome: list[Any] = [None, None]
    finished = [False]

    def done(result: Any) -> None:
        outcome[0] = result
        finished[0] = True
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome[1] = exc
        finished[0] = True
        loop.quit()

    def show() -> None:
        if not finished[0]:
            dialog.show()

    QTimer.singleShot(show_after_ms, show)
    runner.submit(fn, done, failed)
    if not finished[0]:  # an inline runner (tests) is done already
        loop.exec()
    dialog.finish()
    dialog.deleteLater()
    return outcome[0], outcome[1]
