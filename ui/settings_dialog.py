"""The settings dialog: language and automatic lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ui.forms import (
    FormDialog,
    combo_value,
    select_value,
)
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    pass


# --------------------------------------------------------------------------- settings


class SettingsDialog(FormDialog):
    """Language and automatic lock. Language names are shown in their own language."""

    DEFAULT_IDLE_MINUTES = 10

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        language: str = DEFAULT_LANGUAGE,
        idle_minutes: int = 10,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einstellungen"))
        self.preferred_width = 440
        self.save_button.setText(self.tr("Ü&bernehmen"))
        grid = QGridLayout()
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():  # each in its own language, never translated
            self.language_combo.addItem(name, code)
        select_value(self.language_combo, language if language in LANGUAGES else DEFAULT_LANGUAGE)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(
            idle_minutes if 1 <= idle_minutes <= 120 else self.DEFAULT_IDLE_MINUTES
        )
        language_label = QLabel(self.tr("&Sprache:"))
        language_label.setBuddy(self.language_combo)
        self.language_combo.setAccessibleName(self.tr("Sprache"))
        idle_label = QLabel(self.tr("Automatische Sperre &nach:"))
        idle_label.setBuddy(self.idle_spin)
        self.idle_spin.setAccessibleName(self.tr("Automatische Sperre nach Minuten ohne Eingabe"))
        grid.addWidget(language_label, 0, 0)
        grid.addWidget(self.language_combo, 0, 1)
        grid.addWidget(idle_label, 1, 0)
        grid.addWidget(self.idle_spin, 1, 1)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        hint = QLabel(
            self.tr(
                "Ohne Eingabe sperrt sich das Programm nach der eingestellten Zeit; zum "
                "Entsperren ist die Passphrase nötig."
            )
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.watch(self.language_combo, self.idle_spin)
        self.language_combo.setFocus()
        self.start()

    def draft(self) -> tuple[str, int]:
        return combo_value(self.language_combo) or DEFAULT_LANGUAGE, self.idle_spin.value()

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, language: str, idle_minutes: int = DEFAULT_IDLE_MINUTES
    ) -> tuple[str, int] | None:
        dlg = cls(parent, language=language, idle_minutes=idle_minutes)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()
