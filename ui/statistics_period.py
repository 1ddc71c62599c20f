"""The period and the minimum cell size of the anonymised statistics export.

Presets (Jahr, Halbjahr, Quartal, Monat of a chosen year) fill the two dates; dates typed by
hand select the preset they happen to match, or "eigener Zeitraum". Dialogs collect, callers
save: ``ask()`` returns a ``StatisticsPeriod`` (or None), the main window builds the export
with it off the GUI thread.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from sro_case.errors import ValidationError
from sro_case.export import MAX_THRESHOLD, MIN_THRESHOLD, sensitive_threshold
from ui.date_entry import DateEntryField
from ui.forms import FormDialog, format_date, label_text, tab_order

YEAR = "year"
HALF = "half"
QUARTER = "quarter"
MONTH = "month"
CUSTOM = "custom"
MONTHS_PER_PART = {YEAR: 12, HALF: 6, QUARTER: 3, MONTH: 1}
FIRST_YEAR = 2000
SHORT_PERIOD_DAYS = 80  # shorter than a quarter: many small cells (PITFALLS.md)


@dataclass(frozen=True)
class StatisticsPeriod:
    date_from: date
    date_to: date
    min_cell: int = MIN_THRESHOLD


def preset_range(kind: str, part: int, year: int) -> tuple[date, date]:
    """First and last day of part ``part`` (1-based) of ``year``: ``(QUARTER, 1, 2026)`` →
    01.01.2026–31.03.2026; ``(MONTH, 2, 2028)`` ends on the 29th."""
    months = MONTHS_PER_PART[kind]
    if not 1 <= part <= 12 // months:
        raise ValueError(f"{kind} has no part {part}")
    first = (part - 1) * months + 1
    last = first + months - 1
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def matching_preset(date_from: date, date_to: date) -> tuple[str, int, int] | None:
    """``(kind, part, year)`` of the preset with exactly these dates, else None."""
    if date_from.day != 1 or date_from.year != date_to.year:
        return None
    for kind in (MONTH, QUARTER, HALF, YEAR):
        months = MONTHS_PER_PART[kind]
        if (date_from.month - 1) % months:
            continue
        part = (date_from.month - 1) // months + 1
        if preset_range(kind, part, date_from.year) == (date_from, date_to):
            return kind, part, date_from.year
    return None


def _beside(field: QWidget, note: QLabel) -> QWidget:
    """A field with a short note on its right (one line, never cut: it sets the minimum width)."""
    row = QWidget()
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(12)
    box.addWidget(field)
    box.addWidget(note)
    box.addStretch(1)
    row.setFocusProxy(field)
    return row


class StatisticsPeriodDialog(FormDialog):
    """Zeitraum (presets or two typed dates) and Mindestfallzahl for the statistics export."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date,
        initial: StatisticsPeriod | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._syncing = False
        self.setWindowTitle(self.tr("Anonymisierte Statistik – Zeitraum"))
        self.preferred_width = 640
        self.save_button.setText(self.tr("Statistik &berechnen"))
        intro = QLabel(
            self.tr(
                "Die Tabellen zählen, was im Zeitraum geschah: begonnene und beendete Hilfen, "
                "Fallkonferenzen, Zielüberprüfungen. Laufende Hilfen werden am letzten Tag des "
                "Zeitraums gezählt. Vor dem Speichern sehen Sie eine Vorschau."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_combo = QComboBox()
        for text, kind in (
            (self.tr("Jahr"), YEAR),
            (self.tr("Halbjahr"), HALF),
            (self.tr("Quartal"), QUARTER),
            (self.tr("Monat"), MONTH),
            (self.tr("eigener Zeitraum"), CUSTOM),
        ):
            self.kind_combo.addItem(text, kind)
        self.kind_combo.setAccessibleName(self.tr("Art des Zeitraums"))
        self.part_combo = QComboBox()
        self.part_combo.setAccessibleName(self.tr("Teil des Jahres"))
        self.part_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, max(today.year, FIRST_YEAR))
        self.year_spin.setAccessibleName(self.tr("Jahr"))
        self.year_spin.setValue(today.year)
        self.year_spin.setMinimumWidth(self.year_spin.fontMetrics().horizontalAdvance("00000") + 40)
        preset_row = QHBoxLayout()
        preset_row.setSpacing(6)
        preset_row.addWidget(self.kind_combo)
        preset_row.addWidget(self.part_combo)
        preset_row.addWidget(self.year_spin)
        preset_row.addStretch(1)
        preset_label = QLabel(self.tr("&Zeitraum:"))
        preset_label.setBuddy(self.kind_combo)
        form.addRow(preset_label, preset_row)

        start = initial or StatisticsPeriod(*preset_range(YEAR, 1, today.year))
        if FIRST_YEAR <= start.date_from.year <= self.year_spin.maximum():
            self.year_spin.setValue(start.date_from.year)
        self.from_field = DateEntryField(start.date_from, today=today)
        self.to_field = DateEntryField(start.date_to, today=today)
        self.summary = QLabel()  # the number of days, next to "Bis"
        self.add_row(form, self.tr("&Von:"), self.from_field)
        to_label = self.add_row(form, self.tr("&Bis:"), _beside(self.to_field, self.summary))
        to_label.setBuddy(self.to_field.edit)
        self.to_field.setAccessibleName(label_text(to_label.text()))

        self.min_cell_spin = QSpinBox()
        self.min_cell_spin.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.min_cell_spin.setValue(min(max(start.min_cell, MIN_THRESHOLD), MAX_THRESHOLD))
        self.min_cell_spin.setMinimumWidth(
            self.min_cell_spin.fontMetrics().horizontalAdvance("0000") + 40
        )
        self.min_cell_spin.setAccessibleName(self.tr("Mindestfallzahl"))
        self.min_cell_hint = QLabel()
        cell_label = self.add_row(
            form, self.tr("&Mindestfallzahl:"), _beside(self.min_cell_spin, self.min_cell_hint)
        )
        cell_label.setBuddy(self.min_cell_spin)
        self.body.addLayout(form)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.part_combo.currentIndexChanged.connect(self._on_preset_changed)
        self.year_spin.valueChanged.connect(self._on_preset_changed)
        self.from_field.changed.connect(self._on_dates_changed)
        self.to_field.changed.connect(self._on_dates_changed)
        self.min_cell_spin.valueChanged.connect(self._on_min_cell_changed)
        tab_order(
            self.kind_combo,
            self.part_combo,
            self.year_spin,
            self.from_field.edit,
            self.to_field.edit,
            self.min_cell_spin,
            self.save_button,
            self.cancel_button,
        )
        self._on_dates_changed()  # the presets show what the initial dates are
        self._on_min_cell_changed()
        self.kind_combo.setFocus()
        self.start()

    # -- presets and dates ---------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def choose_preset(self, kind: str, part: int = 1, year: int | None = None) -> None:
        """Select a preset as the user would (``part`` 1-based: 3 = 3. Quartal / März)."""
        self._syncing = True
        try:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
            self._fill_parts(kind)
            if kind not in (YEAR, CUSTOM):
                self.part_combo.setCurrentIndex(part - 1)
            if year is not None:
                self.year_spin.setValue(year)
        finally:
            self._syncing = False
        self._on_preset_changed()

    def _fill_parts(self, kind: str) -> None:
        if self.part_combo.property("kind") == kind:
            return
        previous = self.part_combo.currentIndex()
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        if kind == HALF:
            self.part_combo.addItems([self.tr("1. Halbjahr"), self.tr("2. Halbjahr")])
        elif kind == QUARTER:
            self.part_combo.addItems(
                [self.tr("%1. Quartal").replace("%1", str(q)) for q in (1, 2, 3, 4)]
            )
        elif kind == MONTH:
            locale = QLocale()
            self.part_combo.addItems(
                [locale.standaloneMonthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)]
            )
        self.part_combo.setProperty("kind", kind)
        if self.part_combo.count():
            self.part_combo.setCurrentIndex(min(max(previous, 0), self.part_combo.count() - 1))
        self.part_combo.blockSignals(False)
        self.part_combo.setVisible(kind not in (YEAR, CUSTOM))
        self.year_spin.setEnabled(kind != CUSTOM)

    def _on_kind_changed(self) -> None:
        if self._syncing:
            return
        kind = self.kind()
        self._fill_parts(kind)
        if kind == CUSTOM:  # keep the dates; the user types them now
            self.from_field.setFocus()
            self._update_summary()
            return
        if kind != YEAR:  # the part that holds the current start date
            months = MONTHS_PER_PART[kind]
            start = self.from_field.required()
            if start.year == self.year_spin.value():
                self.part_combo.setCurrentIndex((start.month - 1) // months)
        self._on_preset_changed()

    def _on_preset_changed(self) -> None:
        kind = self.kind()
        if self._syncing or kind == CUSTOM:
            return
        part = self.part_combo.currentIndex() + 1 if kind != YEAR else 1
        date_from, date_to = preset_range(kind, part, self.year_spin.value())
        self._syncing = True
        try:
            self.from_field.set_value(date_from)
            self.to_field.set_value(date_to)
        finally:
            self._syncing = False
        self._update_summary()
        self.mark_changed()

    def _on_dates_changed(self) -> None:
        if self._syncing:
            return
        if self.from_field.problem() or self.to_field.problem():  # nothing changed but the text
            self._update_summary()
            self.mark_changed()
            return
        match = matching_preset(self.from_field.required(), self.to_field.required())
        if match is not None and match[2] < FIRST_YEAR:
            match = None
        self._syncing = True
        try:
            if match is None:
                if self.kind() != CUSTOM:
                    self.kind_combo.setCurrentIndex(self.kind_combo.findData(CUSTOM))
                self._fill_parts(CUSTOM)
            else:
                kind, part, year = match
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
                self._fill_parts(kind)
                if kind != YEAR:
                    self.part_combo.setCurrentIndex(part - 1)
                self.year_spin.setMaximum(max(self.year_spin.maximum(), year))
                self.year_spin.setValue(year)
        finally:
            self._syncing = False
        self._update_summary()
        self.mark_changed()

    def _update_summary(self) -> None:
        date_from, date_to = self.from_field.required(), self.to_field.required()
        if self.from_field.problem() or self.to_field.problem() or date_to < date_from:
            self.summary.setText("")
            return
        days = (date_to - date_from).days + 1
        if days == 1:
            text = self.tr("1 Tag")
        elif days < SHORT_PERIOD_DAYS:
            text = self.tr("%1 Tage – kurz: viele kleine Felder werden geheim gehalten")
        else:
            text = self.tr("%1 Tage")
        self.summary.setText(text.replace("%1", str(days)))

    def _on_min_cell_changed(self) -> None:
        value = self.min_cell_spin.value()
        self.min_cell_hint.setText(
            self.tr(
                "Zahlen unter %1 werden geheim gehalten (§\u00a08a, §\u00a035a SGB\u00a0VIII: unter %2)."
            )
            .replace("%1", str(value))
            .replace("%2", str(sensitive_threshold(value)))
        )

    # -- FormDialog ----------------------------------------------------------------------
    def draft(self) -> StatisticsPeriod:
        # text that is no date is named by FormDialog.date_problems(); the order of the last
        # valid dates is only judged when both fields hold what was typed
        problems: list[tuple[str, str]] = []
        date_from, date_to = self.from_field.required(), self.to_field.required()
        typed = self.from_field.problem() is None and self.to_field.problem() is None
        if typed and date_to < date_from:
            problems.append(
                (
                    self.tr("Zeitraum"),
                    self.tr(
                        "Das Ende (%1) liegt vor dem Beginn (%2). Bitte ein Ende wählen, das "
                        "nicht vor dem Beginn liegt."
                    )
                    .replace("%1", format_date(date_to))
                    .replace("%2", format_date(date_from)),
                )
            )
        if problems:
            raise ValidationError(problems)
        return StatisticsPeriod(date_from, date_to, self.min_cell_spin.value())

    def revalidate(self) -> bool:
        valid = super().revalidate()
        if valid:
            self.save_button.setToolTip(self.tr("Statistik berechnen (Strg+Eingabe)"))
        return valid

    def confirm_discard(self) -> bool:
        return True  # a period is quickly chosen again: cancelling never asks

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, today: date, initial: StatisticsPeriod | None = None
    ) -> StatisticsPeriod | None:
        dialog = cls(parent, today=today, initial=initial)
        try:
            return dialog.result_draft() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
