"""Table model over case summaries. Holds rows (frozen dataclasses), never queries in data()."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sro_case.domain.catalogues import catalogue
from sro_case.domain.models import CaseSummary
from sro_case.domain.sorting import german_key

ID_ROLE = Qt.UserRole + 1
SORT_ROLE = Qt.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def german_date(value: Any) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


class CaseTableModel(QAbstractTableModel):
    FILE_NUMBER, FAMILY, SPACE, STATUS, WORKER, REVIEW = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._statuses = catalogue("case_statuses")
        self._headers = [
            self.tr("Aktenzeichen"),
            self.tr("Familie"),
            self.tr("Sozialraum"),
            self.tr("Status"),
            self.tr("fallführende Fachkraft"),
            self.tr("nächste Überprüfung"),
        ]

    def set_rows(self, rows: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.DisplayRole:
            return (
                row.file_number,
                row.family_name,
                row.social_space,
                self._statuses.label(row.status),
                row.lead_worker,
                german_date(row.next_review),
            )[col]
        if role == SORT_ROLE:
            if col == self.REVIEW:
                return row.next_review.isoformat() if row.next_review else "9999"
            text = self.data(index, Qt.DisplayRole)
            return german_key(text)[0]
        return None
