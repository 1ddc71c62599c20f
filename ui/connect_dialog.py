"""Signing in to the team server (#18): server address, login and passphrase, optionally the
city's CA certificate. The address, the login and the CA file are remembered; the passphrase
and the session token never touch the disk. Connecting runs on the task runner (the network
never holds the window); what went wrong is said in words – unreachable, certificate not
trusted, wrong login or passphrase, locked for a while – and the user can try again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.refcounts import emit
from ui.secret_status import add_status, set_busy, show_failure

if TYPE_CHECKING:
    from sro_case.app import Application

URL_KEY = "server/last_url"
LOGIN_KEY = "server/last_login"
CA_KEY = "server/ca_file"


def _connect(url: str, login: str, passphrase: str, ca_file: Path | None) -> Application:
    from sro_case.remote import connect

    return connect(url, login, passphrase, ca_file=ca_file)


class ConnectDialog(QDialog):
    """Returns the signed-in application (``sro_case.remote``) in ``self.store`` when
    accepted."""

    connected = Signal(object)

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.store: Application | None = None
        self.setWindowTitle(self.tr("SRO-Fallmanagement — Teamserver"))
        self.setMinimumWidth(520)
        settings = QSettings()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>Mit dem Teamserver verbinden.</b><br>Die Fallakten liegen auf dem Server "
                "der Stadt; auf diesem PC bleibt nichts davon gespeichert."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url = QLineEdit(str(settings.value(URL_KEY, "https://")))
        self.url.setPlaceholderText("https://teamserver.rostock.de:8443")
        self.url.setAccessibleName(self.tr("Serveradresse"))
        form.addRow(self.tr("&Serveradresse:"), self.url)
        self.login = QLineEdit(str(settings.value(LOGIN_KEY, "")))
        self.login.setAccessibleName(self.tr("Anmeldename"))
        form.addRow(self.tr("&Anmeldename:"), self.login)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        ca_row = QHBoxLayout()
        self.ca_file = QLineEdit(str(settings.value(CA_KEY, "")))
        self.ca_file.setPlaceholderText(self.tr("leer: die Zertifikate des Systems"))
        self.ca_file.setAccessibleName(self.tr("Zertifikat der städtischen CA"))
        choose = QPushButton(self.tr("&Durchsuchen …"))
        choose.clicked.connect(self._choose_ca)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(choose)
        ca_label = QLabel(self.tr("Stadt-&CA:"))
        ca_label.setBuddy(self.ca_file)
        form.addRow(ca_label, ca_row)
        layout.addLayout(form)
        self.message, self.busy = add_status(layout)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Verbinden"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # the first empty field has the focus: usually the passphrase
        for field in (self.url, self.login, self.passphrase):
            if not field.text() or field.text() == "https://" or field is self.passphrase:
                field.setFocus()
                break

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Zertifikat der städtischen CA"),
            self.ca_file.text() or str(Path.home()),
            self.tr("Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def _set_busy(self, busy: bool) -> None:
        inputs = (self.buttons, self.url, self.login, self.passphrase, self.ca_file)
        set_busy(self.busy, inputs, busy)

    def _on_ok(self) -> None:
        url, login, secret = (
            self.url.text().strip(),
            self.login.text().strip(),
            self.passphrase.text(),
        )
        if not url or url == "https://":
            self.message.setText(self.tr("Bitte die Adresse des Teamservers angeben."))
            self.url.setFocus()
            return
        if not login:
            self.message.setText(self.tr("Bitte Ihren Anmeldenamen angeben."))
            self.login.setFocus()
            return
        if not secret:
            self.message.setText(self.tr("Bitte Ihre Passphrase eingeben."))
            self.passphrase.setFocus()
            return
        ca_text = self.ca_file.text().strip()
        ca = Path(ca_text) if ca_text else None
        if ca is not None and not ca.is_file():
            self.message.setText(
                self.tr("Die Zertifikatsdatei %1 gibt es nicht.").replace("%1", ca_text)
            )
            self.ca_file.setFocus()
            return
        self.message.setText(self.tr("Verbindung wird aufgebaut …"))
        self._set_busy(True)
        self.runner.submit(
            lambda: _connect(url, login, secret, ca), self._on_connected, self._on_error
        )

    def _on_connected(self, store: Application) -> None:
        self._set_busy(False)
        settings = QSettings()
        settings.setValue(URL_KEY, self.url.text().strip())
        settings.setValue(LOGIN_KEY, self.login.text().strip())
        settings.setValue(CA_KEY, self.ca_file.text().strip())
        self.store = store
        self.passphrase.clear()
        emit(self.connected, store)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        wrong = self.tr("Anmeldename oder Passphrase stimmen nicht. Bitte erneut versuchen.")
        show_failure(self.message, exc, wrong, self.passphrase)  # or: unreachable, certificate …
