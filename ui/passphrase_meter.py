"""The strength hint and the password field that the unlock dialog, the user dialog and the
passphrase change share. Kept light: the unlock dialog is the first window a user sees, and
imports nothing of the database layer through this module."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sro_case.domain.passphrase import MIN_PASSPHRASE_LENGTH, PassphraseVerdict, assess_passphrase
from ui.i18n import core_text


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class StrengthLabel(QLabel):
    """The strength of a passphrase, in the UI language: the score of ``assess_passphrase``,
    the same verdict that the key file applies when the passphrase is saved, and, for a
    passphrase that would be refused, why (the full reason and advice in the tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Stärke der Passphrase"))
        self.user_inputs: tuple[str, ...] = ()
        self.verdict: PassphraseVerdict | None = None
        self.show_strength("")

    def set_user_inputs(self, inputs: Iterable[str]) -> None:
        """The login and name of the passphrase's owner: a passphrase made of them is weak."""
        self.user_inputs = tuple(i for i in inputs if i)

    def show_strength(self, text: str) -> None:
        self.verdict = verdict = assess_passphrase(text, self.user_inputs)
        hint = [
            self.tr("zu kurz"),
            self.tr("schwach"),
            self.tr("mittel"),
            self.tr("gut"),
            self.tr("sehr gut"),
        ][verdict.score]
        shown = (
            self.tr("%1 (mindestens %2 Zeichen)")
            .replace("%1", hint)
            .replace("%2", str(MIN_PASSPHRASE_LENGTH))
        )
        refused = bool(text) and not verdict.acceptable
        if refused and len(text) >= MIN_PASSPHRASE_LENGTH:  # "zu kurz" says it all otherwise
            shown += "\n" + core_text(verdict.reasons[0])
        self.setText(shown)
        self.setToolTip(core_text(verdict.message) if refused else "")
        self.setObjectName("errorMessage" if refused else "")
        self.style().unpolish(self)
        self.style().polish(self)


def passphrase_problem(text: str, user_inputs: Iterable[str] = ()) -> str:
    """Why ``text`` would be refused as a passphrase, in the UI language ("" if it would not)."""
    verdict = assess_passphrase(text, user_inputs)
    return "" if verdict.acceptable else core_text(verdict.message)
