"""Closing a case (end reason and date) and reopening it (with a reason)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from sro_case.domain.catalogues import catalogue
from sro_case.domain.validation import Checker
from ui.forms import (
    DateField,
    FormDialog,
    combo_value,
    fill_from_catalogue,
)

if TYPE_CHECKING:
    pass


# --------------------------------------------------------------------------- close / reopen


class CloseCaseDialog(FormDialog):
    """Close a case: an end reason is required (official statistics), the date not in future."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date,
        opened_on: date,
        running: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fall abschließen"))
        self.preferred_width = 520
        self.save_button.setText(self.tr("Fall &abschließen"))
        self._today = today
        self._opened_on = opened_on
        intro = QLabel(
            self.tr(
                "Ein abgeschlossener Fall kann mit Begründung wieder aufgenommen werden. "
                "Mit dem Abschluss beginnt die Löschfrist."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.reason_combo = QComboBox()
        fill_from_catalogue(
            self.reason_combo, "end_reasons", placeholder=self.tr("— bitte wählen —")
        )
        self.closed_on_edit = DateField(today, default=today)
        self.add_row(form, self.tr("&Beendigungsgrund:"), self.reason_combo)
        self.add_row(form, self.tr("Abschluss&datum:"), self.closed_on_edit)
        self.body.addLayout(form)
        # running helps: ended with the case (the default), or knowingly left running
        self._has_running = bool(running)
        self.end_helps_box = QCheckBox(
            self.tr("Laufende Hilfen zum Abschlussdatum mit diesem Grund be&enden"), self
        )
        self.end_helps_box.setChecked(True)
        self.end_helps_box.setVisible(bool(running))
        if running:
            listing = QLabel(
                self.tr("Noch laufende Hilfen:") + "".join(f"\n• {title}" for title in running)
            )
            listing.setWordWrap(True)
            self.body.addWidget(listing)
            self.body.addWidget(self.end_helps_box)
        self.watch(self.reason_combo, self.closed_on_edit, self.end_helps_box)
        self.reason_combo.setFocus()
        self.start()

    def draft(self) -> tuple[str, date, bool]:
        c = Checker()
        reason = c.choice(
            self.tr("Beendigungsgrund"),
            combo_value(self.reason_combo),
            set(catalogue("end_reasons").codes()),
        )
        closed = c.date(
            self.tr("Abschlussdatum"),
            self.closed_on_edit.value(),
            required=True,
            not_future=self._today,
        )
        c.order(self.tr("Abschlussdatum"), self._opened_on, closed, self.tr("dem Fallbeginn"))
        c.done()
        ends = self._has_running and self.end_helps_box.isChecked()
        return reason, closed, ends  # type: ignore[return-value]  # done() raised otherwise

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        today: date,
        opened_on: date,
        running: Sequence[str] = (),
    ) -> tuple[str, date, bool] | None:
        dlg = cls(parent, today=today, opened_on=opened_on, running=running)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


class ReopenDialog(FormDialog):
    """Reopen a closed case; the reason is required and goes into the status history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fall wieder aufnehmen"))
        self.preferred_width = 460
        self.save_button.setText(self.tr("&Wieder aufnehmen"))
        intro = QLabel(
            self.tr("Der Fall wird wieder geöffnet; der Grund steht danach in der Statushistorie.")
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.reason_combo = QComboBox()
        fill_from_catalogue(
            self.reason_combo, "reopen_reasons", placeholder=self.tr("— bitte wählen —")
        )
        self.add_row(form, self.tr("&Grund:"), self.reason_combo)
        self.body.addLayout(form)
        self.watch(self.reason_combo)
        self.reason_combo.setFocus()
        self.start()

    def draft(self) -> str:
        c = Checker()
        reason = c.choice(
            self.tr("Grund"),
            combo_value(self.reason_combo),
            set(catalogue("reopen_reasons").codes()),
        )
        c.done()
        return reason  # type: ignore[return-value]  # done() raised otherwise

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        dlg = cls(parent)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()
