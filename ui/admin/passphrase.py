"""Changing one's own passphrase (Datei → Passphrase ändern); the strength hint and password
fields live in ``ui.passphrase_meter`` (the unlock dialog uses them before anything else loads).

``ChangePassphraseDialog`` runs the change itself, like the unlock dialog does: a wrong old
passphrase must be answered inside the dialog, and the Argon2id key derivation runs on the task
runner behind a busy indicator.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain import rules
from ui.passphrase_meter import StrengthLabel, passphrase_problem, password_field
from ui.secret_status import add_status, set_busy, show_failure
from ui.tasks import Runner

__all__ = ["ChangePassphraseDialog", "StrengthLabel", "passphrase_problem", "password_field"]


# --------------------------------------------------------------------------- own passphrase


class ChangePassphraseDialog(QDialog):
    """Change the signed-in user's own passphrase (their key slot only).

    The database key stays the same; only the user's slot in the key file is rewrapped, and
    the key file is replaced atomically, so an interruption leaves the old or the new
    passphrase working. Accepted only after the change succeeded.
    """

    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.setWindowTitle(self.tr("Passphrase ändern"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Ändert die Passphrase Ihres eigenen Zugangs „%1“. Die Passphrasen anderer "
                "Personen und der Wiederherstellungsschlüssel bleiben unverändert."
            ).replace("%1", store.actor)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.old = password_field()
        self.new = password_field()
        self.repeat = password_field()
        self.strength = StrengthLabel()
        self.strength.set_user_inputs((store.actor,))
        for text, field in (
            (self.tr("&Bisherige Passphrase:"), self.old),
            (self.tr("&Neue Passphrase:"), self.new),
            (self.tr("Neue &wiederholen:"), self.repeat),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, field)
        form.addRow(self.tr("Stärke:"), self.strength)
        layout.addLayout(form)
        self.new.textChanged.connect(self.strength.show_strength)
        self.message, self.busy = add_status(layout)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Passphrase &ändern")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.old.setFocus()
        if store.actor == rules.RECOVERY_LOGIN:  # signed in with the recovery key: no own slot
            self.message.setText(
                self.tr(
                    "Sie sind mit dem Wiederherstellungsschlüssel angemeldet und haben keine "
                    "eigene Passphrase. Legen Sie unter Verwaltung → Benutzer einen Zugang an."
                )
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def problem(self) -> str:
        """Why the input cannot be used yet ("" if it can)."""
        old, new = self.old.text(), self.new.text()
        if not old:
            return self.tr("Bitte die bisherige Passphrase eingeben.")
        weak = passphrase_problem(new, (self.store.actor,))
        if weak:
            return self.tr("Die neue Passphrase ist zu schwach: %1").replace("%1", weak)
        if new != self.repeat.text():
            return self.tr("Die beiden neuen Passphrasen stimmen nicht überein.")
        if new == old:
            return self.tr("Die neue Passphrase muss sich von der bisherigen unterscheiden.")
        return ""

    def _set_busy(self, busy: bool) -> None:
        set_busy(self.busy, (self.buttons, self.old, self.new, self.repeat), busy)

    def _on_ok(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.message.setText(self.tr("Schlüssel wird neu verpackt …"))
        self._set_busy(True)
        old, new = self.old.text(), self.new.text()
        store = self.store
        self.runner.submit(
            lambda: store.change_passphrase(old, new), self._on_changed, self._on_error
        )

    def _on_changed(self, _result: object) -> None:
        self._set_busy(False)
        for field in (self.old, self.new, self.repeat):
            field.clear()
        self.message.setText("")
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        wrong = self.tr("Die bisherige Passphrase ist falsch. Es wurde nichts geändert.")
        show_failure(self.message, exc, wrong, self.old)

    @classmethod
    def ask(cls, parent: QWidget | None, store: Application, runner: Runner) -> bool:
        """True when the passphrase was changed."""
        dlg = cls(store, runner, parent)
        try:
            return dlg.exec() == QDialog.DialogCode.Accepted
        finally:
            dlg.deleteLater()
