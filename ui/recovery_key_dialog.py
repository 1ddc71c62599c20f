"""The recovery key, shown once: in a dialog of its own that cannot be closed by a stray Enter.

It offers Drucken (a one-page PDF with the database's name and the date, see
``sro_case.accounts.recovery_sheet``) and Kopieren, and closes only after the user confirmed
"Ich habe den Schlüssel sicher verwahrt".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class RecoveryKeyDialog(QDialog):
    def __init__(
        self, key: str, database: Path, *, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wiederherstellungsschlüssel"))
        self.setModal(True)
        self.key = key
        self.database = Path(database)
        self.today = today
        self.printed_to: Path | None = None
        layout = QVBoxLayout(self)
        # the dialog follows its text: a status line appearing under a wrapped explanation
        # squeezed the explanation's last line away (seen in Xvfb at 1366 x 768)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        intro = QLabel(
            self.tr(
                "Die Datenbank wurde angelegt. Dies ist ihr Wiederherstellungsschlüssel: er "
                "öffnet die Datenbank, wenn alle Passphrasen verloren sind. Er wird nur jetzt "
                "angezeigt. Drucken Sie ihn aus und verwahren Sie ihn sicher (Tresor), nicht auf "
                "diesem PC."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_field = QLineEdit(key)
        self.key_field.setReadOnly(True)
        self.key_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_field.setAccessibleName(self.tr("Wiederherstellungsschlüssel"))
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        self.key_field.setFont(font)
        self.key_field.setMinimumWidth(self.key_field.fontMetrics().horizontalAdvance(key) + 40)
        layout.addWidget(self.key_field)
        actions = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Drucken (PDF) …"))
        self.print_button.clicked.connect(lambda: self.print_sheet())
        self.copy_button = QPushButton(self.tr("&Kopieren"))
        self.copy_button.setToolTip(
            self.tr("In die Zwischenablage, etwa für einen Passwort-Tresor der Dienststelle")
        )
        self.copy_button.clicked.connect(self.copy_key)
        for button in (self.print_button, self.copy_button):
            button.setAutoDefault(False)  # Enter must not act on the key by accident
        actions.addWidget(self.print_button)
        actions.addWidget(self.copy_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.confirm_box = QCheckBox(self.tr("Ich habe den Schlüssel &sicher verwahrt."))
        layout.addWidget(self.confirm_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.done_button = self.buttons.addButton(
            self.tr("&Weiter"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setEnabled(False)
        self.done_button.setAutoDefault(False)
        self.done_button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)
        # a method of the dialog, not the button's setEnabled: PySide6 connected to a slot of a
        # button the box made and, with a second dialog, freed it twice at exit
        self.confirm_box.toggled.connect(self._on_confirmed)
        self.print_button.setFocus()

    def _on_confirmed(self, on: bool) -> None:
        self.done_button.setEnabled(on)

    # -- actions -------------------------------------------------------------------------
    def suggested_pdf(self) -> Path:
        return Path.home() / f"Wiederherstellungsschluessel-{self.database.stem}.pdf"

    def print_sheet(self, target: Path | None = None) -> None:
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Wiederherstellungsschlüssel als PDF speichern"),
                str(self.suggested_pdf()),
                self.tr("PDF (*.pdf)"),
            )
            if not chosen:
                return
            target = Path(chosen)
        from sro_case.documents import write_recovery_sheet

        try:
            write_recovery_sheet(target, self.key, self.database.name, self.today)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Nicht gespeichert"),
                self.tr("Das PDF konnte nicht geschrieben werden: %1").replace("%1", str(exc)),
            )
            return
        self.printed_to = target
        self.status.setText(
            self.tr(
                "Gespeichert: %1 – drucken Sie es aus und löschen Sie die Datei danach."
            ).replace("%1", str(target))
        )

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self.status.setText(
            self.tr(
                "In die Zwischenablage kopiert. Fügen Sie ihn nur in einen sicheren Tresor ein."
            )
        )

    # -- closing only after the confirmation ---------------------------------------------
    def reject(self) -> None:  # Esc and the window's close button
        if self.confirm_box.isChecked():
            super().accept()
            return
        self.status.setText(
            self.tr("Bitte bestätigen Sie zuerst, dass Sie den Schlüssel sicher verwahrt haben.")
        )
        self.confirm_box.setFocus()

    def accept(self) -> None:
        if self.confirm_box.isChecked():
            super().accept()

    @classmethod
    def show_key(cls, parent: QWidget | None, key: str, database: Path, today: date) -> Any:
        dlg = cls(key, database, today=today, parent=parent)
        try:
            return dlg.exec()
        finally:
            dlg.deleteLater()
