"""Work on the database lane behind a busy dialog that cannot be closed while it runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog

from ui.tasks import Runner


class BusyDialog(QProgressDialog):
    """A busy indicator without cancel or close button, shown by Qt after ``show_after_ms``;
    Esc and Alt+F4 do nothing until ``finish()`` (hiding it while the work goes on would look
    as if the program had ended)."""

    def __init__(self, label: str, show_after_ms: int = 0) -> None:
        super().__init__(label, "", 0, 0)
        self.setCancelButton(None)
        self.setWindowTitle("SRO-Fallmanagement")
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.CustomizeWindowHint
            | Qt.WindowType.WindowTitleHint  # no close button
        )
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(show_after_ms)
        self.setValue(0)  # starts QProgressDialog's own show-after timer
        self._finished = False

    def finish(self) -> None:
        self._finished = True
        self.reset()  # stops the show-after timer, should the work have been quicker
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self._finished:
            super().reject()


def run_busy(
    runner: Runner, label: str, fn: Callable[[], Any], *, show_after_ms: int = 0
) -> tuple[Any, BaseException | None]:
    """``fn`` on the database lane behind a ``BusyDialog`` (shown after ``show_after_ms``, so
    quick work does not flash one); a local event loop keeps the screen painting. Returns the
    result, or the error the caller has to report."""
    dialog = BusyDialog(label, show_after_ms)
    loop = QEventLoop()
    outcome: list[Any] = []  # [result, error] once the lane has answered

    def settle(result: Any, error: BaseException | None) -> None:
        outcome[:] = [result, error]
        loop.quit()

    runner.submit(fn, lambda r: settle(r, None), lambda e: settle(None, e))
    if not outcome:  # an inline runner (tests) has answered already
        loop.exec()
    dialog.finish()
    dialog.deleteLater()
    return outcome[0], outcome[1]
