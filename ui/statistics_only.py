"""The client of the Controlling role: the anonymised statistics export and nothing else.

Controlling never sees a case list, a case file or a due date (DESIGN.md §4). The services
refuse those anyway (``Store.require_case_access``); this page makes the client say so
instead of showing empty tables and error messages.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QToolBar, QVBoxLayout, QWidget

from sro_case.domain.enums import Role


def statistics_only(role: str) -> bool:
    return role == Role.CONTROLLING.value


class StatisticsOnlyPage(QWidget):
    def __init__(self, export: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        title = QLabel(self.tr("Anonymisierte Statistik"))
        title.setObjectName("caseTitle")
        layout.addWidget(title)
        text = QLabel(
            self.tr(
                "Mit der Rolle Controlling erhalten Sie nur anonymisierte Zahlen je Sozialraum, "
                "Hilfeart, Altersgruppe und Quartal (§ 64 Abs. 3 SGB VIII). Fälle, Fallakten "
                "und Fristen sind für diese Rolle nicht sichtbar.\n\nSie sehen vor dem Speichern "
                "genau, was die Datei enthält; kleine Fallzahlen sind unterdrückt."
            )
        )
        text.setWordWrap(True)
        text.setMaximumWidth(720)
        layout.addWidget(text)
        self.export_button = QPushButton(self.tr("Anonymisierte Statistik &exportieren …"))
        self.export_button.setMinimumHeight(40)
        self.export_button.clicked.connect(export)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)


def restrict_to_statistics(window: Any) -> None:
    """Hide and disable every case action of the main window; the toolbar shows the same
    QAction objects, so their buttons go too. Lock, settings, export and help stay."""
    hidden = [window.new_case_action, window.conference_action]
    for menu in (window.case_menu, window.view_menu):
        hidden += menu.actions()
        hidden.append(menu.menuAction())
    for action in hidden:
        action.setVisible(False)
        action.setEnabled(False)
    for bar in window.findChildren(QToolBar):  # the toolbar shares these QActions
        bar.toggleViewAction().setVisible(False)
        for action in bar.actions():  # the few buttons left need no group separators
            if action.isSeparator():
                action.setVisible(False)
