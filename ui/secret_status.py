"""The lower part of the dialogs that check a passphrase slowly – unlocking the file (the key
derivation), signing in to the team server, changing one's passphrase: a line that says what
went wrong and a busy bar while the work runs on the task lane, the inputs and buttons off
meanwhile. Kept light: the unlock dialog is on the start path."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from sro_case.errors import WrongPassphrase


def add_status(layout: QVBoxLayout) -> tuple[QLabel, QProgressBar]:
    """The message line and the (hidden) busy bar, added to ``layout``."""
    message = QLabel()
    message.setWordWrap(True)
    message.setObjectName("errorMessage")
    message.setTextFormat(Qt.TextFormat.PlainText)
    layout.addWidget(message)
    busy = QProgressBar()
    busy.setRange(0, 0)
    busy.setVisible(False)
    busy.setAccessibleName(QCoreApplication.translate("SecretStatus", "Bitte warten"))
    layout.addWidget(busy)
    return message, busy


def set_busy(busy: QProgressBar, inputs: Iterable[QWidget], on: bool) -> None:
    busy.setVisible(on)
    for widget in inputs:
        widget.setEnabled(not on)


def show_failure(message: QLabel, exc: BaseException, wrong: str, field: QLineEdit) -> None:
    """``wrong`` for a wrong passphrase (``field`` selected to type again), otherwise the
    core's own words; the focus back in ``field``."""
    if isinstance(exc, WrongPassphrase):
        message.setText(wrong)
        field.selectAll()
    else:
        from ui.ops import failure_text  # the core's own text, or a plain sentence

        message.setText(failure_text(exc))
    field.setFocus()
