"""Benutzer: the users and their key slots, adding a user with their own first passphrase and
removing an access (the entry stays, deactivated, so the audit log still names the person).

``NewUserDialog`` collects (STYLE.md habit 5): ``ask()`` returns a ``NewUser`` or ``None`` and
the page hands it to the user service.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import Role
from sro_case.domain.models import UserDraft
from ui.admin.page import AdminPage, ask_yes_no, selected_rows, setup_table
from ui.admin.passphrase import StrengthLabel, passphrase_problem, password_field
from ui.forms import FormDialog, combine_problems, combo_value, fill_from_enum
from ui.i18n import core_label
from ui.tables import Row, RowsTableModel
from ui.tasks import Runner


class UsersPage(AdminPage):
    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(store, runner, parent)
        intro = QLabel(
            self.tr(
                "Jede Person meldet sich mit ihrer eigenen Passphrase an (eigener Schlüsselplatz). "
                "Ein entfernter Zugang bleibt deaktiviert in der Liste, damit das Protokoll die "
                "Person weiter nennt."
            )
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.model = RowsTableModel(
            [
                self.tr("Anmeldename"),
                self.tr("Name"),
                self.tr("Rolle"),
                self.tr("Status"),
                self.tr("Eigene Passphrase"),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Benutzer/innen"))
        setup_table(self.view, self.model)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.layout_.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.add_button = self.button(self.tr("Benutzer/in &anlegen …"), self.add_user)
        self.remove_button = self.button(self.tr("Zugang &entfernen …"), self.remove_user)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.finish_layout()
        self.update_buttons()

    def _role_label(self, role: str) -> str:
        labels = {
            Role.CASEWORKER.value: self.tr("Fachkraft"),
            Role.FACILITATOR.value: self.tr("Moderation"),
            Role.CONTROLLING.value: self.tr("Controlling"),
            Role.ADMIN.value: self.tr("Admin"),
        }
        return labels.get(role, role)

    def reload(self) -> None:
        store = self.store

        def done(result: tuple[list[Any], set[str]]) -> None:
            users, slots = result
            self.model.set_rows(
                [
                    Row(
                        u.id,
                        (
                            u.login,
                            u.name,
                            self._role_label(u.role),
                            self.tr("aktiv") if u.active else self.tr("deaktiviert"),
                            self.tr("ja") if u.login in slots else self.tr("nein"),
                        ),
                        muted=not u.active,
                        extra={"login": u.login, "name": u.name, "active": u.active},
                    )
                    for u in users
                ]
            )
            self.view.resizeColumnsToContents()
            self.update_buttons()

        self.run(lambda: (store.users.list(), store.users.key_slot_logins()), done)

    def selected(self) -> Row | None:
        rows = selected_rows(self.view)
        return self.model.row_at(rows[0]) if rows else None

    def update_buttons(self, *_args: object) -> None:
        if self.working:
            return
        row = self.selected()
        self.remove_button.setEnabled(
            row is not None and row.extra["active"] and row.extra["login"] != self.store.actor
        )

    def add_user(self) -> None:
        asked = self._generation
        new = NewUserDialog.ask(self)
        if new is None or asked != self._generation:  # locked meanwhile: sign in again first
            return
        store = self.store

        def done(user: Any) -> None:
            self.show_message(
                self.tr(
                    "%1 (%2) wurde angelegt und kann sich mit der vergebenen Passphrase anmelden."
                )
                .replace("%1", user.name)
                .replace("%2", user.login)
            )
            self.reload_keep_message()

        self.run(
            lambda: store.users.add_with_passphrase(new.draft, new.passphrase),
            done,
            self.tr("Schlüsselplatz wird angelegt …"),
        )

    def remove_user(self) -> None:
        row = self.selected()
        if row is None:
            return
        login, name = row.extra["login"], row.extra["name"]
        asked = self._generation
        if not confirm_removal(self, login, name) or asked != self._generation:
            return
        store = self.store

        renews = store.renews_key_on_removal  # likely (key file version 2): for the progress

        def done(renewed: object) -> None:
            if renewed:  # what users.remove did, not the guess above
                text = self.tr(
                    "Der Zugang von %1 wurde entfernt und der Datenbankschlüssel für alle anderen "
                    "erneuert: ein gespeicherter alter Schlüssel öffnet die Datenbank nicht mehr. "
                    "Alle anderen melden sich wie gewohnt an."
                )
            else:
                text = self.tr(
                    "Der Zugang von %1 wurde entfernt. Hat die Person eine Kopie der "
                    "Schlüsseldatei (etwa aus einer Sicherung), erneuern Sie zusätzlich den "
                    "Datenbankschlüssel (sro-case rotate-key)."
                )
            self.show_message(text.replace("%1", name))
            self.reload_keep_message()

        self.run(
            lambda: store.users.remove(login),
            done,
            self.tr("Zugang wird entfernt, Datenbankschlüssel wird erneuert …") if renews else "",
        )

    def reload_keep_message(self) -> None:
        text = self.message.text()
        self.reload()
        self.show_message(text)


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
        self.passphrase = password_field()
        self.repeat = password_field()
        self.strength = StrengthLabel()
        self.add_row(form, self.tr("&Anmeldename:"), self.login)
        self.add_row(form, self.tr("&Name:"), self.name)
        self.add_row(form, self.tr("&Rolle:"), self.role)
        self.discipline = QComboBox()  # the team server decides need-to-know by it
        self.discipline.addItem(self.tr("— keiner —"), "")
        for item in catalogue("disciplines"):
            self.discipline.addItem(core_label(item.name), item.code)
        self.discipline.setAccessibleName(self.tr("Fachbereich"))
        self.add_row(form, self.tr("&Fachbereich:"), self.discipline)
        self.add_row(form, self.tr("&Passphrase:"), self.passphrase)
        self.add_row(form, self.tr("&Wiederholen:"), self.repeat)
        form.addRow(self.tr("Stärke:"), self.strength)
        self.body.addLayout(form)
        self.passphrase.textChanged.connect(self._on_passphrase_or_name_changed)
        self.login.textChanged.connect(self._on_passphrase_or_name_changed)
        self.name.textChanged.connect(self._on_passphrase_or_name_changed)
        self.watch(self.login, self.name, self.role, self.passphrase, self.repeat)
        self.login.setFocus()
        self.start()

    def _on_passphrase_or_name_changed(self, _text: str = "") -> None:
        self.strength.set_user_inputs((self.login.text(), self.name.text()))
        self.strength.show_strength(self.passphrase.text())

    def draft(self) -> NewUser:
        problems: list[tuple[str, str]] = []
        secret = self.passphrase.text()
        weak = passphrase_problem(secret, (self.login.text(), self.name.text()))
        if weak:
            problems.append((self.tr("Passphrase"), self.tr("zu schwach: %1").replace("%1", weak)))
        elif secret != self.repeat.text():
            problems.append(
                (self.tr("Passphrase"), self.tr("Die beiden Eingaben stimmen nicht überein."))
            )
        draft = combine_problems(
            problems,
            lambda: rules.check_user(
                UserDraft(
                    self.login.text(),
                    self.name.text(),
                    combo_value(self.role) or "",
                    str(self.discipline.currentData() or ""),
                )
            ),
        )
        return NewUser(draft, secret)

    @classmethod
    def ask(cls, parent: QWidget | None) -> NewUser | None:
        dlg = cls(parent)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- confirmation


def confirm_removal(parent: QWidget | None, login: str, name: str) -> bool:
    return ask_yes_no(
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
