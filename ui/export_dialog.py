"""Preview of the anonymised statistics export: exactly the tables that will leave the PC.

The dialog gets an export that is already built and suppressed (a ``StatisticsExport`` holds no
hidden figure at all), shows every table with the hidden cells marked, and asks where to save
it. Dialogs collect, callers save: ``ask()`` returns the chosen path, and the caller hands the
same export to ``StatisticsService.write``, which writes it and records it in the audit log.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sro_case.export.tables import PublishedTable, StatisticsExport, Status

Index = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.UserRole + 1  # the cell's Status value ("wert", "null", "primär", …)
SORT_ROLE = Qt.UserRole + 2
HIDDEN_BACKGROUND = QColor("#D0D0D0")
TOTAL_BACKGROUND = QColor("#EEF2F6")


class PublishedTableModel(QAbstractTableModel):
    """One published table, read-only. Holds the published cells, never a hidden figure."""

    def __init__(self, table: PublishedTable, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = table
        self._bold = QFont()
        self._bold.setBold(True)
        self._tips = {
            Status.PRIMARY: self.tr(
                "geheim gehalten (primär)\nDie Fallzahl liegt unter der Mindestfallzahl."
            ),
            Status.SECONDARY: self.tr(
                "geheim gehalten (sekundär)\nSonst ließe sich ein anderes geheimes Feld errechnen."
            ),
            Status.ZERO: self.tr("nichts vorhanden"),
            Status.NOT_APPLICABLE: self.tr("Aussage nicht sinnvoll"),
        }

    @property
    def table(self) -> PublishedTable:
        return self._table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._table.cols)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole
    ) -> Any:
        labels = self._table.cols if orientation == Qt.Horizontal else self._table.rows
        if not 0 <= section < len(labels):
            return None
        category = labels[section]
        if role == Qt.DisplayRole:
            if orientation == Qt.Horizontal:  # headers do not wrap by themselves
                lines = textwrap.wrap(
                    category.label, 20, break_long_words=False, break_on_hyphens=False
                )
                return "\n".join(lines) or category.label
            return category.label
        if role == Qt.ToolTipRole:
            return f"{category.feature_label}: {category.label}"
        if role == Qt.FontRole and (category.is_total or category.feature == "gebiet"):
            return self._bold
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._table.rows) and 0 <= c < len(self._table.cols)):
            return None
        cell = self._table.cells[r][c]
        total = self._table.rows[r].is_total or self._table.cols[c].is_total
        if role == Qt.DisplayRole:
            return cell.display()
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole:
            if cell.suppressed:
                return QBrush(HIDDEN_BACKGROUND)
            if total:
                return QBrush(TOTAL_BACKGROUND)
            return None
        if role == Qt.ToolTipRole:
            return self._tips.get(cell.status)
        if role == Qt.FontRole and total:
            return self._bold
        if role == STATUS_ROLE:
            return cell.status.value
        if role == SORT_ROLE:
            return cell.value if cell.value is not None else -1.0
        if role == Qt.AccessibleDescriptionRole and cell.suppressed:
            return self._tips[cell.status]
        return None


class StatisticsExportDialog(QDialog):
    """Shows what will leave, marks what is hidden, and asks for a file name."""

    def __init__(self, export: StatisticsExport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.export = export
        self.chosen_path: Path | None = None
        self.setWindowTitle(self.tr("Anonymisierte Statistik – Vorschau"))
        self.resize(1100, 720)
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "<b>Diese Tabellen – und nur diese – werden gespeichert.</b> "
                "Grau hinterlegte Felder („.“) sind geheim gehalten: ihre Zahl verlässt den "
                "Rechner nicht und lässt sich aus den übrigen Zahlen nicht errechnen."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        primary, secondary = export.suppressed_by_kind()
        self.split_label = QLabel(
            self.tr(
                "Davon %1 primär (zu kleine Fallzahl) und %2 sekundär (zum Schutz anderer "
                "Felder) – diese Aufteilung erscheint nur hier, nicht in der Datei."
            )
            .replace("%1", str(primary))
            .replace("%2", str(secondary))
        )
        self.split_label.setWordWrap(True)
        layout.addWidget(self.split_label)

        facts = QFormLayout()
        facts.setHorizontalSpacing(16)
        for label, value in export.provenance():
            name, text = QLabel(label), QLabel(value)
            name.setTextFormat(Qt.PlainText)
            name.setStyleSheet("font-weight: bold")
            text.setTextFormat(Qt.PlainText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextSelectableByMouse)
            facts.addRow(name, text)
        layout.addLayout(facts)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.models: list[PublishedTableModel] = []
        self.views: list[QTableView] = []
        for table in export.tables:
            self.tabs.addTab(self._table_page(table), table.id)
            self.tabs.setTabToolTip(self.tabs.count() - 1, table.title)
        layout.addWidget(self.tabs, stretch=1)

        bottom = QHBoxLayout()
        format_label = QLabel(self.tr("&Format:"))
        bottom.addWidget(format_label)
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("CSV für Excel (Langformat)"), ".csv")
        self.format_box.addItem(self.tr("XLSX-Arbeitsmappe (Kreuztabellen)"), ".xlsx")
        self.format_box.addItem(self.tr("PDF-Controllingbericht mit Grafiken"), ".pdf")
        format_label.setBuddy(self.format_box)
        bottom.addWidget(self.format_box)
        bottom.addStretch(1)
        self.save_button = QPushButton(self.tr("&Speichern unter …"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        cancel = QPushButton(self.tr("Abbrechen"))
        cancel.clicked.connect(self.reject)
        bottom.addWidget(self.save_button)
        bottom.addWidget(cancel)
        layout.addLayout(bottom)

    def _table_page(self, table: PublishedTable) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        title = QLabel(table.title)
        title.setTextFormat(Qt.PlainText)
        title.setStyleSheet("font-weight: bold")
        box.addWidget(title)
        population = QLabel(self.tr("Grundgesamtheit: %1").replace("%1", table.population_label))
        population.setWordWrap(True)
        box.addWidget(population)
        for note in table.notes:
            label = QLabel(note)
            label.setWordWrap(True)
            box.addWidget(label)
        model = PublishedTableModel(table, self)
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.ContiguousSelection)
        view.setAlternatingRowColors(False)
        view.setWordWrap(True)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setDefaultSectionSize(128)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        view.setAccessibleName(table.title)
        box.addWidget(view, stretch=1)
        self.models.append(model)
        self.views.append(view)
        return page

    @property
    def suffix(self) -> str:
        return str(self.format_box.currentData())

    def select_format(self, suffix: str) -> None:
        index = self.format_box.findData(suffix.lower())
        if index >= 0:
            self.format_box.setCurrentIndex(index)

    def default_name(self) -> str:
        e = self.export
        return f"statistik_{e.date_from:%Y-%m-%d}_{e.date_to:%Y-%m-%d}{self.suffix}"

    def _on_save_clicked(self) -> None:
        filters = {
            ".csv": self.tr("CSV-Datei (*.csv)"),
            ".xlsx": self.tr("Excel-Arbeitsmappe (*.xlsx)"),
            ".pdf": self.tr("PDF-Dokument (*.pdf)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Anonymisierte Statistik speichern"),
            str(Path.home() / self.default_name()),
            filters[self.suffix],
        )
        if not path:
            return
        chosen = Path(path)
        if chosen.suffix.lower() != self.suffix:
            chosen = chosen.with_name(chosen.name + self.suffix)
        self.chosen_path = chosen
        self.accept()

    @classmethod
    def ask(cls, export: StatisticsExport, parent: QWidget | None = None) -> Path | None:
        """The file the user chose (its suffix names the format), or None if cancelled."""
        dialog = cls(export, parent)
        try:
            return dialog.chosen_path if dialog.exec() == QDialog.Accepted else None
        finally:
            dialog.deleteLater()
