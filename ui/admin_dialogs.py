"""Dialogs of the data-protection work: a new user with their own passphrase, changing one's
own passphrase, and the explicit confirmation before files are deleted for good.

``NewUserDialog`` collects (STYLE.md habit 5): ``ask()`` returns a ``NewUser`` or ``None`` and
the caller hands it to the user service. ``ChangePassphraseDialog`` runs the change itself, like
the unlock dialog does: a wrong old passphrase must be answered inside the dialog, and the
Argon2id key derivation runs on the task runner behind a busy indicator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain import rules
from sro_case.domain.enums import Role
from sro_case.domain.models import UserDraft
from sro_case.errors import SroCaseError, WrongPassphrase
from sro_case.services import vault
from sro_case.services.vault import MIN_PASSPHRASE_LENGTH
from ui.forms import FormDialog, combine_problems, combo_value, fill_from_enum
from ui.i18n import error_text
from ui.unlock_dialog import passphrase_strength


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.Password)
    return field


class StrengthLabel(QLabel):
    """The strength of a passphrase as the start dialog rates it, in the UI language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Stärke der Passphrase"))
        self.show_strength("")

    def show_strength(self, text: str) -> None:
        score, _german = passphrase_strength(text)
        hint = [
            self.tr("zu kurz"),
            self.tr("schwach"),
            self.tr("mittel"),
            self.tr("gut"),
            self.tr("sehr gut"),
        ][score]
        self.setText(
            self.tr("%1 (mindestens %2 Zeichen)")
            .replace("%1", hint)
            .replace("%2", str(MIN_PASSPHRASE_LENGTH))
        )
        self.setObjectName("errorMessage" if score == 0 and text else "")
        self.style().unpolish(self)
        self.style().polish(self)


# --------------------------------------------------------------------------- new user


@dataclass(frozen=True)
class NewUser:
    draft: UserDraft
    passphrase: str  # the first passphrase; the user changes it at their first login


class NewUserDialog(FormDialog):
    """Login, name, role and a first passphrase (twice) for the user's own key slot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Benutzer/in anlegen"))
        self.preferred_width = 480
        self.save_button.setText(self.tr("&Anlegen"))
        intro = QLabel(
            self.tr(
                "Die Person erhält einen eigenen Schlüsselplatz: mit der Passphrase, die Sie hier "
                "vergeben, öffnet sie die Datenbank. Teilen Sie sie ihr persönlich mit; sie "
                "ändert sie bei der ersten Anmeldung (Datei → Passphrase ändern)."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.login = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        fill_from_enum(self.role, Role, placeholder=self.tr("— bitte wählen —"))
        self.passphrase = _password_field()
        self.repeat = _password_field()
        self.strength = StrengthLabel()
        self.add_row(form, self.tr("&Anmeldename:"), self.login)
        self.add_row(form, self.tr("&Name:"), self.name)
        self.add_row(form, self.tr("&Rolle:"), self.role)
        self.add_row(form, self.tr("&Passphrase:"), self.passphrase)
        self.add_row(form, self.tr("&Wiederholen:"), self.repeat)
        form.addRow(self.tr("Stärke:"), self.strength)
        self.body.addLayout(form)
        self.passphrase.textChanged.connect(self.strength.show_strength)
        self.watch(self.login, self.name, self.role, self.passphrase, self.repeat)
        self.login.setFocus()
        self.start()

    def draft(self) -> NewUser:
        problems: list[tuple[str, str]] = []
        secret = self.passphrase.text()
        if len(secret) < MIN_PASSPHRASE_LENGTH:
            problems.append(
                (
                    self.tr("Passphrase"),
                    self.tr("zu schwach: mindestens %1 Zeichen.").replace(
                        "%1", str(MIN_PASSPHRASE_LENGTH)
                    ),
                )
            )
        elif secret != self.repeat.text():
            problems.append(
                (self.tr("Passphrase"), self.tr("Die beiden Eingaben stimmen nicht überein."))
            )
        draft = combine_problems(
            problems,
            lambda: rules.check_user(
                UserDraft(self.login.text(), self.name.text(), combo_value(self.role) or "")
            ),
        )
        return NewUser(draft, secret)

    @classmethod
    def ask(cls, parent: QWidget | None) -> NewUser | None:
        dlg = cls(parent)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- periods


class RetentionPeriodsDialog(FormDialog):
    """Years after closing per category (§ 9b SGB VIII files follow the law, not this table).
    ``ask()`` returns only the changed categories, as {category: years}."""

    def __init__(
        self,
        periods: dict[str, int],
        labels: dict[str, str],
        max_years: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Löschfristen einstellen"))
        self.preferred_width = 560
        self.save_button.setText(self.tr("Ü&bernehmen"))
        intro = QLabel(
            self.tr(
                "Jahre nach Abschluss des Falls, nach denen die Akte gelöscht werden darf. Gilt "
                "für einen Fall mehr als eine Kategorie, zählt die längste Frist. Akten mit "
                "Hilfen nach § 9b SGB VIII bleiben bis 70 Jahre nach dem 30. Geburtstag."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self._original = dict(periods)
        self.spins: dict[str, QSpinBox] = {}
        for category, years in periods.items():
            spin = QSpinBox()
            spin.setRange(1, max_years)
            spin.setValue(years)
            spin.setSuffix(self.tr(" Jahre"))
            self.spins[category] = spin
            label = labels.get(category, category)
            self.add_row(form, label[:1].upper() + label[1:] + ":", spin)
            self.watch(spin)
        self.body.addLayout(form)
        self.start()

    def draft(self) -> dict[str, int]:
        return {
            c: spin.value() for c, spin in self.spins.items() if spin.value() != self._original[c]
        }

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        periods: dict[str, int],
        labels: dict[str, str],
        max_years: int,
    ) -> dict[str, int] | None:
        dlg = cls(periods, labels, max_years, parent)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- own passphrase


class ChangePassphraseDialog(QDialog):
    """Change the signed-in user's own passphrase (their key slot only).

    The database key stays the same; only the user's slot in the key file is rewrapped, and
    the key file is replaced atomically, so an interruption leaves the old or the new
    passphrase working. Accepted only after the change succeeded.
    """

    def __init__(self, store: Any, runner: Any, parent: QWidget | None = None) -> None:
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
        self.old = _password_field()
        self.new = _password_field()
        self.repeat = _password_field()
        self.strength = StrengthLabel()
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
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("errorMessage")
        self.message.setTextFormat(Qt.PlainText)
        layout.addWidget(self.message)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Bitte warten"))
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Passphrase &ändern"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.old.setFocus()
        if store.actor == vault.RECOVERY_LABEL:  # signed in with the recovery key: no own slot
            self.message.setText(
                self.tr(
                    "Sie sind mit dem Wiederherstellungsschlüssel angemeldet und haben keine "
                    "eigene Passphrase. Legen Sie unter Verwaltung → Benutzer einen Zugang an."
                )
            )
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)

    def problem(self) -> str:
        """Why the input cannot be used yet ("" if it can)."""
        old, new = self.old.text(), self.new.text()
        if not old:
            return self.tr("Bitte die bisherige Passphrase eingeben.")
        if len(new) < MIN_PASSPHRASE_LENGTH:
            return self.tr(
                "Die neue Passphrase ist zu schwach: sie muss mindestens %1 Zeichen lang sein."
            ).replace("%1", str(MIN_PASSPHRASE_LENGTH))
        if new != self.repeat.text():
            return self.tr("Die beiden neuen Passphrasen stimmen nicht überein.")
        if new == old:
            return self.tr("Die neue Passphrase muss sich von der bisherigen unterscheiden.")
        return ""

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.buttons.setEnabled(not busy)
        for field in (self.old, self.new, self.repeat):
            field.setEnabled(not busy)

    def _on_ok(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.message.setText(self.tr("Schlüssel wird neu verpackt …"))
        self._set_busy(True)
        path, user = self.store.path, self.store.actor
        old, new = self.old.text(), self.new.text()
        store = self.store

        def work() -> None:
            vault.change_passphrase(path, old, new, user=user)
            store.users.record_passphrase_change()

        self.runner.submit(work, self._on_changed, self._on_error)

    def _on_changed(self, _result: object) -> None:
        self._set_busy(False)
        for field in (self.old, self.new, self.repeat):
            field.clear()
        self.message.setText("")
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.message.setText(
                self.tr("Die bisherige Passphrase ist falsch. Es wurde nichts geändert.")
            )
            self.old.selectAll()
            self.old.setFocus()
        elif isinstance(exc, SroCaseError):
            self.message.setText(error_text(exc))
        else:
            self.message.setText(self.tr("Unerwarteter Fehler: %1").replace("%1", str(exc)))

    @classmethod
    def ask(cls, parent: QWidget | None, store: Any, runner: Any) -> bool:
        """True when the passphrase was changed."""
        dlg = cls(store, runner, parent)
        try:
            return dlg.exec() == QDialog.Accepted
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- confirmation


def _ask_yes_no(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """A warning with Yes/No where No is the default (for Enter and Esc too)."""
    box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.button(QMessageBox.Yes).setText(yes)
    box.button(QMessageBox.No).setText(QCoreApplication.translate("AdminConfirm", "&Nein"))
    box.setDefaultButton(QMessageBox.No)
    box.setEscapeButton(QMessageBox.No)
    answer = box.exec()
    box.deleteLater()
    return answer == QMessageBox.Yes


def confirm_deletion(parent: QWidget | None, count: int) -> bool:
    """Deleting is for good: the question names the number of case files."""
    n = str(count)
    return _ask_yes_no(
        parent,
        QCoreApplication.translate("AdminConfirm", "Endgültig löschen?"),
        QCoreApplication.translate(
            "AdminConfirm",
            "%1 Fallakte(n) werden mit allen personenbezogenen Daten endgültig gelöscht; nur "
            "der anonymisierte Statistiksatz bleibt. Das lässt sich nur aus einer Sicherung "
            "rückgängig machen.\n\nWirklich %1 Fallakte(n) löschen?",
        ).replace("%1", n),
        QCoreApplication.translate("AdminConfirm", "Ja, %1 löschen").replace("%1", n),
    )


def confirm_removal(parent: QWidget | None, login: str, name: str) -> bool:
    return _ask_yes_no(
        parent,
        QCoreApplication.translate("AdminConfirm", "Zugang entfernen?"),
        QCoreApplication.translate(
            "AdminConfirm",
            "Den Zugang von %1 (%2) entfernen?\n\nDer Schlüsselplatz wird aus der "
            "Schlüsseldatei gelöscht: diese Passphrase öffnet die Datenbank danach nicht mehr. "
            "Der Eintrag bleibt deaktiviert erhalten, damit das Protokoll die Person weiter nennt.",
        )
        .replace("%1", name)
        .replace("%2", login),
        QCoreApplication.translate("AdminConfirm", "Zugang &entfernen"),
    )
