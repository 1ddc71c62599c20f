"""Auto-lock: after a configurable idle time (default 10 minutes) or on Ctrl+L the window hides
all case data and asks for the passphrase again.

``IdleWatcher`` counts user input seen by the application; time comes from an injectable clock
(monotonic seconds), so tests move the clock instead of sleeping. A one-second timer checks it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon
from ui.refcounts import emit

DEFAULT_IDLE_MINUTES = 10

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(
        self,
        idle_seconds: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._last = clock()
        self.enabled = True
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last = self._clock()
        return False

    def touch(self) -> None:
        self._last = self._clock()

    def check(self) -> None:
        if self.enabled and self._clock() - self._last >= self.idle_seconds:
            self.enabled = False
            emit(self.idle)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockPage(QWidget):
    """What the window shows while locked: no case data, only the passphrase field."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        # the lock as an icon: the emoji was an empty box where the font lacks it (#15)
        heading = QHBoxLayout()
        symbol = QLabel()
        size = QFontMetrics(self.font()).height() * 2
        symbol.setPixmap(icon("lock").pixmap(size, size))
        symbol.setAccessibleName(self.tr("Schloss"))
        title = QLabel(self.tr("Gesperrt"))
        title.setObjectName("lockTitle")
        heading.addWidget(symbol)
        heading.addWidget(title, 1)
        layout.addLayout(heading)
        self.info = QLabel(
            self.tr(
                "Die Anwendung wurde gesperrt. Geben Sie Ihre Passphrase ein, um weiterzuarbeiten. "
                "Ungespeicherte Eingaben bleiben erhalten."
            )
        )
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase zum Entsperren"))
        self.passphrase.setMaximumWidth(420)
        self.passphrase.returnPressed.connect(self._on_submit)
        layout.addWidget(self.passphrase)
        self.button = QPushButton(self.tr("&Entsperren"))
        self.button.setMaximumWidth(200)
        self.button.clicked.connect(self._on_submit)
        layout.addWidget(self.button)
        self.message = QLabel()
        self.message.setObjectName("errorMessage")
        layout.addWidget(self.message)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(420)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        layout.addStretch(3)

    def _on_submit(self) -> None:
        secret = self.passphrase.text()
        self.passphrase.clear()
        self.set_busy(True)
        emit(self.unlock_requested, secret)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)
        self.passphrase.setFocus()

    def reset(self) -> None:
        self.set_busy(False)
        self.message.clear()
        self.passphrase.clear()
        self.passphrase.setFocus()
