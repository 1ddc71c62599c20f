"""First screen: unlock an existing database, or create a new one (passphrase twice).

Unlocking (the Argon2id key derivation) runs on the task runner, with a busy indicator; a wrong
passphrase gives a clear message and lets the user try again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain.passphrase import assess_passphrase, passphrase_strength
from ui.i18n import core_text
from ui.passphrase_meter import StrengthLabel
from ui.refcounts import emit
from ui.secret_status import add_status, set_busy, show_failure

if TYPE_CHECKING:
    from sro_case import local
    from sro_case.app import Application

__all__ = ["UnlockDialog", "passphrase_strength"]

#: The first slot of a new database belongs to ``create_database``'s default admin.
NEW_DATABASE_USER = ("admin", "Administrator/in")


def _local() -> Any:
    """The encrypted file on this PC (``sro_case.local``); its database layer is imported on
    the task runner: SQLAlchemy, Alembic and the ORM take longer to load than the whole window
    takes to appear, so the dialog shows first and they load while the passphrase is being
    typed (``UnlockDialog.showEvent``)."""
    from sro_case import local

    return local


class UnlockDialog(QDialog):
    """Returns the signed-in application (``sro_case.app``) in ``self.store`` when accepted."""

    unlocked = Signal(object)

    def __init__(self, db_path: Path, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.runner = runner
        self.store: Application | None = None
        self.recovery_key: str | None = None
        self.creating = not self.db_path.exists()
        self.setWindowTitle(self.tr("SRO-Fallmanagement — Anmelden"))
        self.setMinimumWidth(460)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Neue verschlüsselte Datenbank anlegen:")
            if self.creating
            else self.tr("Datenbank entsperren:")
        )
        intro.setStyleSheet("font-weight: 600;")
        layout.addWidget(intro)
        path_label = QLabel(str(self.db_path))
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path_label.setWordWrap(True)
        layout.addWidget(path_label)

        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase wiederholen"))
        self.strength = StrengthLabel()  # the same meter as for a passphrase change
        self.strength.set_user_inputs(NEW_DATABASE_USER)
        if self.creating:
            form.addRow(self.tr("&Wiederholen:"), self.repeat)
            form.addRow(self.tr("Stärke:"), self.strength)
            self.passphrase.textChanged.connect(self._on_passphrase_changed)
        else:  # owned by the dialog all the same (after the passphrase: first in the focus chain)
            for unused in (self.repeat, self.strength):
                unused.setParent(self)
                unused.hide()
        layout.addLayout(form)

        self.message, self.busy = add_status(layout)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Anlegen") if self.creating else self.tr("&Entsperren")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._on_passphrase_changed("")
        self._preloaded = False

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._preloaded:  # load the database layer while the passphrase is typed
            self._preloaded = True
            self.runner.submit(lambda: _local().preload(), lambda _none: None, lambda _exc: None)

    def _on_passphrase_changed(self, text: str) -> None:
        """The meter: the score and verdict ``create_database`` applies to the passphrase."""
        if self.creating:
            self.strength.show_strength(text)

    def _set_busy(self, busy: bool) -> None:
        set_busy(self.busy, (self.buttons, self.passphrase, self.repeat), busy)

    def _on_ok(self) -> None:
        secret = self.passphrase.text()
        if self.creating:
            verdict = assess_passphrase(secret, NEW_DATABASE_USER)
            if not verdict.acceptable:  # refused before the slow key derivation starts
                self.message.setText(
                    self.tr("Die Passphrase ist zu schwach: %1").replace(
                        "%1", core_text(verdict.message)
                    )
                )
                self.passphrase.setFocus()
                return
            if secret != self.repeat.text():
                self.message.setText(self.tr("Die beiden Passphrasen stimmen nicht überein."))
                return
        self.message.setText(self.tr("Schlüssel wird abgeleitet …"))
        self._set_busy(True)
        path = self.db_path
        if self.creating:
            self.runner.submit(
                lambda: _local().create_local(path, secret), self._on_created, self._on_error
            )
        else:
            self.runner.submit(
                lambda: _local().open_local(path, secret), self._on_unlocked, self._on_error
            )

    def _on_created(self, created: local.Created) -> None:
        self.recovery_key = created.recovery_key
        from ui.recovery_key_dialog import RecoveryKeyDialog

        # its own dialog: Drucken, Kopieren, and closed only after "sicher verwahrt" (#15);
        # one Enter in a message box used to make it disappear for good
        RecoveryKeyDialog.show_key(
            self, created.recovery_key, self.db_path, created.app.clock.today()
        )
        self._on_unlocked(created.app)

    def _on_unlocked(self, store: Application) -> None:
        self._set_busy(False)
        self.store = store
        self.passphrase.clear()
        self.repeat.clear()
        emit(self.unlocked, store)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        wrong = self.tr("Die Passphrase ist falsch. Bitte erneut versuchen.")
        show_failure(self.message, exc, wrong, self.passphrase)
