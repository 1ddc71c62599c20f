"""A save refused because someone else saved the case in between (#18, team server): both
versions side by side – the user's input and what is saved now, by whom – and the choice to
keep one's own (merged by hand if wished) or take the other. Nothing typed is lost: cancelling
returns to the case file with the input still there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from ui.date_entry import german_date
from ui.i18n import core_label

MINE, THEIRS = "mine", "theirs"


class VersionChoiceDialog(QDialog):
    """What the conflict dialogs share: three buttons – keep one's own (``MINE``), take the
    other (``THEIRS``), go back (rejected) – and the choice made (``choice``). Going back is
    the default: Enter neither discards nor saves."""

    def __init__(self, message: str, width: int, parent: QWidget | None = None) -> None:
        """The window and, at its top, why the save was refused (``self.body``: below it)."""
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(self.tr("Inzwischen geändert"))
        self.setMinimumWidth(width)
        self.body = QVBoxLayout(self)
        intro = QLabel(message)
        intro.setWordWrap(True)
        intro.setObjectName("errorMessage")
        self.body.addWidget(intro)

    def comparison(
        self,
        headers: tuple[str, str, str],
        rows: Sequence[tuple[str, str | None, str | None]],
        *,
        mark: bool = False,
    ) -> QGridLayout:
        """Both versions side by side: a row per field – its name, the user's value, the other
        (— for none) – under ``headers`` (rich text; the first may be empty), values
        selectable. With ``mark`` a row whose values differ gets ⚠ and bold values, and its
        name is listed in ``differing``."""
        grid = QGridLayout()
        for column, header in enumerate(headers):
            if header:
                grid.addWidget(QLabel(header), 0, column)
        self.differing: list[str] = []
        for i, (name, own, other) in enumerate(rows, start=1):
            own_text, other_text = own or "—", other or "—"
            differs = mark and own_text != other_text
            if differs:
                self.differing.append(name)
            grid.addWidget(
                QLabel(("⚠ " if differs else "") + name), i, 0, Qt.AlignmentFlag.AlignTop
            )
            for column, text in ((1, own_text), (2, other_text)):
                value = QLabel(text)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if differs:
                    value.setStyleSheet("font-weight: 600;")
                grid.addWidget(value, i, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return grid

    def add_choices(self, layout: QVBoxLayout, mine: str, theirs: str, back: str) -> None:
        buttons = QDialogButtonBox()
        self.mine_button = QPushButton(mine)
        self.theirs_button = QPushButton(theirs)
        back_button = QPushButton(back)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.mine_button.clicked.connect(lambda: self._choose(MINE))
        self.theirs_button.clicked.connect(lambda: self._choose(THEIRS))
        back_button.clicked.connect(self.reject)
        for button in (self.mine_button, self.theirs_button):
            button.setAutoDefault(False)
        back_button.setDefault(True)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class ConflictDialog(VersionChoiceDialog):
    """``choice`` is ``MINE`` (save ``merged()``) or ``THEIRS`` (discard the input) when
    accepted."""

    def __init__(
        self, mine: m.CaseEdit, theirs: m.CaseDetail, message: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(message, 760, parent)
        self.mine, self.theirs = mine, theirs
        layout = self.body
        outcomes = catalogue("outcomes_8a")
        rows = [
            (
                self.tr("Anlass"),
                mine.reason_for_contact,
                theirs.reason_for_contact,
            ),
            (
                self.tr("§ 8a-Verdacht"),
                _yes_no(self, mine.child_protection),
                _yes_no(self, theirs.child_protection),
            ),
            (
                self.tr("Ergebnis § 8a"),
                catalogue_label(outcomes, mine.outcome_8a),
                catalogue_label(outcomes, theirs.outcome_8a),
            ),
            (
                self.tr("Nächste Überprüfung"),
                german_date(mine.next_review) if mine.next_review else "—",
                german_date(theirs.summary.next_review) if theirs.summary.next_review else "—",
            ),
        ]
        headers = (
            self.tr("<b>Feld</b>"),
            self.tr("<b>Ihre Eingabe</b>"),
            self.tr("<b>Jetzt gespeichert</b>"),
        )
        grid = self.comparison(headers, rows, mark=True)
        layout.addLayout(grid)
        merge_label = QLabel(
            self.tr("&Anlass zum Speichern (hier von Hand zusammenführen, wenn Sie möchten):")
        )
        self.merged_reason = QPlainTextEdit(mine.reason_for_contact or "")
        self.merged_reason.setAccessibleName(self.tr("Anlass zum Speichern"))
        merge_label.setBuddy(self.merged_reason)
        layout.addWidget(merge_label)
        layout.addWidget(self.merged_reason)
        self.add_choices(
            layout,
            self.tr("&Meine Fassung speichern"),
            self.tr("&Andere Fassung übernehmen"),
            self.tr("Weiter bearbeiten"),
        )
        self.merged_reason.setFocus()

    def merged(self) -> m.CaseEdit:
        """The user's input with the (possibly merged) reason: what "Meine Fassung" saves."""
        from dataclasses import replace

        return replace(self.mine, reason_for_contact=self.merged_reason.toPlainText())


def catalogue_label(items: Any, code: str | None) -> str:
    """A catalogue's label of ``code`` in the user's language (— for none)."""
    return core_label(items.label(code)) if code else "—"


def _yes_no(widget: QWidget, value: bool | None) -> str:
    if value is None:
        return "—"
    return widget.tr("ja") if value else widget.tr("nein")
