"""Preview of the anonymised statistics export: exactly the tables that will leave the PC.

The dialog gets an export that is already built and suppressed (a ``StatisticsExport`` holds no
hidden figure at all), shows every table with the hidden cells marked, and asks where to save
it. Dialogs collect, callers save: ``ask()`` returns the chosen path, and the caller hands the
same export to ``StatisticsService.write``, which writes it and records it in the audit log.

On the left the file's header ("Angaben zur Datei") and the tables under their German titles
(ten titles of up to 65 characters do not fit into tabs); a summary line, the split of the
hidden cells and a note on earlier exports audited with this one stay above. The columns are as
wide as their wrapped headers, so no header is cut.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sro_case.export.tables import PublishedTable, StatisticsExport, Status
from ui.i18n import core_label, core_text

Index = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's Status value ("wert", "null", "primär", …)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
HIDDEN_BACKGROUND = QColor("#D0D0D0")
TOTAL_BACKGROUND = QColor("#EEF2F6")
HEADER_WRAP = 20  # characters per line of a column header (the column is then sized to it)
TITLE_WRAP = 30  # characters per line of a table title in the list
MIN_COLUMN_WIDTH = 56  # px: a column of one-digit figures under a short header
FIRST_TABLE_ROW = 1  # the list starts with the file's header ("Angaben zur Datei")


_PARAGRAPH = re.compile(r"^(§\s*\d+[a-z]?(?:\s+Abs\.\s*\d+)?)\s+(.+)$")


def preview_label(text: str) -> str:
    """A row or column label of the preview in the UI language: catalogue names translate,
    "§ 28 Erziehungsberatung" keeps its paragraph; places and numbers stay as they are."""
    shown = core_label(text)
    if shown == text and (m := _PARAGRAPH.match(text)):
        return f"{m.group(1)} {core_label(m.group(2))}"
    return shown


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
        # the labels in the UI language, once (headerData is asked on every repaint); the
        # file keeps the official German labels
        self._labels = {
            orientation: [
                (preview_label(c.label), preview_label(c.feature_label)) for c in categories
            ]
            for orientation, categories in (
                (Qt.Orientation.Horizontal, table.cols),
                (Qt.Orientation.Vertical, table.rows),
            )
        }

    @property
    def table(self) -> PublishedTable:
        return self._table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._table.cols)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        categories = (
            self._table.cols if orientation == Qt.Orientation.Horizontal else self._table.rows
        )
        if not 0 <= section < len(categories):
            return None
        category = categories[section]
        label, feature = self._labels[orientation][section]
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:  # headers do not wrap by themselves
                lines = textwrap.wrap(
                    label, HEADER_WRAP, break_long_words=False, break_on_hyphens=False
                )
                return "\n".join(lines) or label
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{feature}: {label}"
        if role == Qt.ItemDataRole.FontRole and (category.is_total or category.feature == "gebiet"):
            return self._bold
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._table.rows) and 0 <= c < len(self._table.cols)):
            return None
        cell = self._table.cells[r][c]
        total = self._table.rows[r].is_total or self._table.cols[c].is_total
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.display()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.suppressed:
                return QBrush(HIDDEN_BACKGROUND)
            if total:
                return QBrush(TOTAL_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(cell.status)
        if role == Qt.ItemDataRole.FontRole and total:
            return self._bold
        if role == STATUS_ROLE:
            return cell.status.value
        if role == SORT_ROLE:
            return cell.value if cell.value is not None else -1.0
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and cell.suppressed:
            return self._tips[cell.status]
        return None


class StatisticsExportDialog(QDialog):
    """Shows what will leave, marks what is hidden, and asks for a file name."""

    def __init__(self, export: StatisticsExport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.export = export
        self.chosen_path: Path | None = None
        self._sized_columns = False
        self.setWindowTitle(self.tr("Anonymisierte Statistik – Vorschau"))
        self.resize(self._initial_size())
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
        self.summary_label = QLabel(
            self.tr(
                "Zeitraum %1 bis %2 · Mindestfallzahl %3 (sensible Merkmale: %4) · "
                "%5 Felder geheim gehalten"
            )
            .replace("%1", f"{export.date_from:%d.%m.%Y}")
            .replace("%2", f"{export.date_to:%d.%m.%Y}")
            .replace("%3", str(export.threshold))
            .replace("%4", str(export.sensitive_threshold))
            .replace("%5", str(export.suppressed_cells))
        )
        self.summary_label.setStyleSheet("font-weight: bold")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
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
        self.history_label = self._history_label(export)
        if self.history_label is not None:
            layout.addWidget(self.history_label)

        # the file's header, then the tables under their titles on the left; the chosen one
        # on the right (the header's rule text would take the tables' height on a laptop)
        self.table_list = QListWidget()
        self.table_list.setAccessibleName(self.tr("Inhalt der Datei"))
        self.table_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table_list.setSpacing(3)
        self.pages = QStackedWidget()
        self.models: list[PublishedTableModel] = []
        self.views: list[QTableView] = []
        header_item = QListWidgetItem(self.tr("Angaben zur Datei"), self.table_list)
        header_item.setToolTip(
            self.tr(
                "Was in jeder Datei über den Tabellen steht: Inhalt, Zeitraum, "
                "Mindestfallzahl, Schutzregel, Zeichen und Hinweise"
            )
        )
        italic = QFont(header_item.font())
        italic.setItalic(True)
        header_item.setFont(italic)
        self.pages.addWidget(self._provenance_page(export))
        for number, table in enumerate(export.tables, start=1):
            # wrapped here: QListView's own word wrap cuts the last line of some titles
            lines = textwrap.wrap(
                f"{number}. {core_text(table.title)}", TITLE_WRAP, subsequent_indent="    "
            )
            item = QListWidgetItem("\n".join(lines), self.table_list)
            item.setToolTip(core_text(table.title))
            item.setData(Qt.ItemDataRole.UserRole, table.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, core_text(table.title))
            self.pages.addWidget(self._table_page(table))
        list_width = self.table_list.sizeHintForColumn(0) + 2 * self.table_list.frameWidth()
        list_width += self.table_list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 8
        self.table_list.setMinimumWidth(list_width)
        self.table_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.table_list.setCurrentRow(FIRST_TABLE_ROW if export.tables else 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table_list)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([list_width, max(self.width() - list_width, list_width)])
        layout.addWidget(splitter, stretch=1)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):  # as between tabs
            QShortcut(QKeySequence(keys), self, lambda step=step: self.show_table_at(step))

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

    def _initial_size(self) -> QSize:
        """Wide tables need the room: 1400 × 900 on a large screen, most of a laptop's."""
        screen = self.screen().availableGeometry()
        return QSize(min(1400, screen.width() * 9 // 10), min(900, screen.height() - 60))

    def _provenance_page(self, export: StatisticsExport) -> QWidget:
        """The lines above the figures in every format, word for word."""
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(8, 0, 0, 0)
        title = QLabel(self.tr("Angaben zur Datei"))
        title.setObjectName("caseTitle")
        box.addWidget(title)
        facts = QFormLayout()
        facts.setHorizontalSpacing(16)
        facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for label, value in export.provenance():
            name, text = QLabel(label), QLabel(value)
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setStyleSheet("font-weight: bold")
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(name, text)
        box.addLayout(facts)
        box.addStretch(1)
        return page

    def _history_label(self, export: StatisticsExport) -> QLabel | None:
        """Says whether earlier exports were audited with this one and cost extra cells."""
        coarsened = export.coarsened_cells
        lines = []
        if export.joint_periods:
            periods = ", ".join(f"{a:%d.%m.%Y}–{b:%d.%m.%Y}" for a, b in export.joint_periods)
            lines.append(
                self.tr("Gemeinsam geprüft mit früheren Exporten: %1.").replace("%1", periods)
            )
        if coarsened == 1:
            lines.append(self.tr("Wegen früherer Exporte zusätzlich geheim gehalten: 1 Feld."))
        elif coarsened > 1:
            lines.append(
                self.tr("Wegen früherer Exporte zusätzlich geheim gehalten: %1 Felder.").replace(
                    "%1", str(coarsened)
                )
            )
        if export.known_before:
            lines.append(
                self.tr(
                    "Frühere Exporte hatten schon %1 kleine Zahlen eingegrenzt (etwa ein Quartal "
                    "durch das veröffentlichte Jahr); dieser Export engt sie nicht weiter ein."
                ).replace("%1", str(export.known_before))
            )
        if not lines:
            return None
        label = QLabel("\n".join(lines))
        label.setObjectName("exportHistory")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(
            "QLabel#exportHistory { background: #fff6dc; border: 1px solid #e0c46c;"
            " border-radius: 3px; padding: 6px; color: #000000; }"
        )
        label.setToolTip(
            self.tr(
                "Frühere Exporte, deren Zeitraum sich mit diesem überschneidet, sind mit ihm "
                "zusammen geprüft: Kein geheim gehaltenes Feld lässt sich aus den Dateien "
                "zusammen errechnen."
            )
        )
        return label

    def show_table_at(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) entry of the list, round the end."""
        count = self.table_list.count()
        if count:
            self.table_list.setCurrentRow((self.table_list.currentRow() + step) % count)

    def show_table(self, index: int) -> None:
        """Table ``index`` (0-based, in file order) on the right."""
        self.table_list.setCurrentRow(FIRST_TABLE_ROW + index)

    def _table_page(self, table: PublishedTable) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(8, 0, 0, 0)
        title = QLabel(core_text(table.title))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setObjectName("caseTitle")  # the heading style of the application
        title.setWordWrap(True)
        box.addWidget(title)
        population = QLabel(
            self.tr("Grundgesamtheit: %1").replace("%1", core_text(table.population_label))
        )
        population.setWordWrap(True)
        box.addWidget(population)
        for note in table.notes:
            label = QLabel(core_text(note))
            label.setWordWrap(True)
            box.addWidget(label)
        model = PublishedTableModel(table, self)
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        view.setAlternatingRowColors(False)
        view.setWordWrap(True)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(128)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # one line per row label; ResizeToContents would ask every cell at every layout pass
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setAccessibleName(core_text(table.title))
        box.addWidget(view, stretch=1)
        self.models.append(model)
        self.views.append(view)
        return page

    def size_columns(self) -> None:
        """Every column as wide as its (wrapped) header and its figures, so nothing is cut;
        the user can still drag them. Needs the final fonts: runs when first shown."""
        for view in self.views:
            view.ensurePolished()
            rows = view.verticalHeader()
            rows.ensurePolished()
            line = max(view.fontMetrics().height(), rows.fontMetrics().height())
            rows.setDefaultSectionSize(line + 12)  # the stylesheet's padding and some air
            view.horizontalHeader().ensurePolished()
            view.resizeColumnsToContents()
            for column in range(view.model().columnCount()):
                width = view.columnWidth(column)
                view.setColumnWidth(column, max(width, MIN_COLUMN_WIDTH))
        self._sized_columns = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized_columns:
            self.size_columns()

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
            return dialog.chosen_path if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
