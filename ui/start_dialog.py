"""First run: create a new encrypted database, open an existing one, try a demo database, or
connect to the team server (#18)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget


@dataclass(frozen=True)
class TeamServerChoice:
    """The start screen's third way: the team server instead of a file on this PC."""


Choice = tuple[Path, bool] | TeamServerChoice


class StartDialog(QDialog):
    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_path = default_path
        self.choice: Choice | None = None
        self.setWindowTitle(self.tr("SRO-Fallmanagement — Willkommen"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>Willkommen bei SRO-Fallmanagement.</b><br>Fallakten liegen verschlüsselt auf "
                "diesem Rechner oder auf dem Teamserver der Stadt. Wie möchten Sie beginnen?"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.create_button = QPushButton(self.tr("&Neue verschlüsselte Datenbank anlegen"))
        self.open_button = QPushButton(self.tr("Vorhandene Datenbank ö&ffnen …"))
        self.demo_button = QPushButton(self.tr("&Demodatenbank mit erfundenen Fällen anlegen"))
        self.server_button = QPushButton(self.tr("Mit dem &Teamserver verbinden …"))
        for button in (self.create_button, self.open_button, self.demo_button, self.server_button):
            button.setMinimumHeight(36)
            layout.addWidget(button)
        self.create_button.clicked.connect(self._on_create)
        self.open_button.clicked.connect(self._on_open)
        self.demo_button.clicked.connect(self._on_demo)
        self.server_button.clicked.connect(self._on_server)
        cancel = QPushButton(self.tr("Abbrechen"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)

    def _on_create(self) -> None:
        self.choice = (self.default_path, False)
        self.accept()

    def _on_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Datenbank öffnen"),
            str(self.default_path.parent),
            self.tr("SRO-Datenbank (*.db);;Alle Dateien (*)"),
        )
        if path:
            self.choice = (Path(path), False)
            self.accept()

    def _on_demo(self) -> None:
        self.choice = (self.default_path.with_name("demo.db"), True)
        self.accept()

    def _on_server(self) -> None:
        self.choice = TeamServerChoice()
        self.accept()

    @classmethod
    def ask(cls, default_path: Path) -> Choice | None:
        dialog = cls(default_path)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None
