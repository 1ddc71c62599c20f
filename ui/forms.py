"""Shared form widgets of the entry dialogs: dates, amounts, checklists, problem lists and the
``FormDialog`` base that validates as the user types.

Dialogs collect, callers save (STYLE.md habit 5): a dialog builds a draft dataclass and runs the
domain rule on it; it never talks to a service.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from enum import Enum
from itertools import pairwise
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain.catalogues import Catalogue, CatalogueItem, catalogue
from sro_case.errors import ValidationError
from ui.date_entry import DateEntryField

# re-exported: the dialogs take them from here
from ui.date_entry import DateField as DateField
from ui.date_entry import format_date as format_date
from ui.date_entry import to_date as to_date
from ui.date_entry import to_qdate as to_qdate
from ui.i18n import core_label, core_problems, problems_text
from ui.refcounts import emit

T = TypeVar("T")


Problems = Sequence[tuple[str, str]]


def format_cents(cents: int | None) -> str:
    """German money format without currency sign: 123456 → "1.234,56"."""
    if cents is None:
        return ""
    euros, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}{euros:,}".replace(",", ".") + f",{rest:02d}"


_MONEY = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$")


def parse_cents(text: str) -> int | None:
    """German amount → cents, exactly (no float): "1.234,56" → 123456, "" → None.

    Raises ValueError for anything else, e.g. "12.5" (a dot is only a thousands separator).
    """
    t = text.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if not t:
        return None
    if not _MONEY.match(t):
        raise ValueError(text)
    try:
        amount = Decimal(t.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already excludes this
        raise ValueError(text) from exc
    return int(amount * 100)


def combine_problems(problems: list[tuple[str, str]], check: Callable[[], T]) -> T:
    """Run a domain rule and raise one ValidationError with the dialog's own problems first.

    The dialogs check a few things the rules cannot see (e.g. "no person chosen"); the user should
    see those and the rule's problems at the same time.
    """
    try:
        result = check()
    except ValidationError as exc:
        raise ValidationError([*problems, *exc.problems]) from None
    if problems:
        raise ValidationError(list(problems))
    return result


# --------------------------------------------------------------------------- widgets


class MoneyField(QLineEdit):
    """An amount in euros typed the German way ("1.234,56"); ``cents()`` is exact, no float."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0,00")
        self.editingFinished.connect(self._tidy)

    def cents(self) -> int | None:
        """Raises ValueError when the text is not an amount."""
        return parse_cents(self.text())

    def set_cents(self, cents: int | None) -> None:
        self.setText(format_cents(cents))

    def _tidy(self) -> None:
        with suppress(ValueError):  # otherwise the text stays as typed; the dialog names it
            self.set_cents(self.cents())


class CheckList(QListWidget):
    """A short list of checkable catalogue entries (one tab stop; Leertaste toggles).

    All entries are visible without scrolling: ``columns`` > 1 lets them flow top to bottom into
    that many columns, for longer lists such as the disciplines.
    """

    changed = Signal()

    def __init__(
        self, items: Iterable[tuple[str, str]], *, columns: int = 1, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = max(1, columns)
        for code, text in items:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
        if self._columns > 1:
            self.setFlow(QListView.Flow.TopToBottom)
            self.setWrapping(True)
            self.setResizeMode(QListView.ResizeMode.Adjust)
        # The size hints make room for every entry; a scroll bar would only steal that room.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.itemChanged.connect(lambda _item: emit(self.changed))
        self.itemActivated.connect(self._toggle)  # Eingabe/Doppelklick toggles as well

    def _toggle(self, item: QListWidgetItem) -> None:
        item.setCheckState(
            Qt.CheckState.Unchecked
            if item.checkState() == Qt.CheckState.Checked
            else Qt.CheckState.Checked
        )

    def checked(self) -> tuple[str, ...]:
        return tuple(
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )

    def _rows(self) -> int:
        return -(-self.count() // self._columns)

    def sizeHint(self) -> QSize:
        row_height = self.sizeHintForRow(0) if self.count() else 20
        widest = max(
            (self.sizeHintForIndex(self.model().index(i, 0)).width() for i in range(self.count())),
            default=100,
        )
        frame = 2 * self.frameWidth() + 2 * self.spacing() + 4
        return QSize(self._columns * (widest + 8) + frame, self._rows() * row_height + frame)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class ProblemList(QLabel):
    """The German problems of the current input, one per line, under the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorMessage")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # values typed by the user appear in messages
        self.setAccessibleName(self.tr("Hinweise zur Eingabe"))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._problems: list[tuple[str, str]] = []

    def set_problems(self, problems: Problems) -> None:
        """Shown in the current language (the core's messages are German templates)."""
        self._problems = list(problems)
        self.setText(
            "\n".join(
                f"• {field}: {message}" if field else f"• {message}"
                for field, message in core_problems(list(problems))
            )
        )

    def problems(self) -> list[tuple[str, str]]:
        return list(self._problems)


# --------------------------------------------------------------------------- combo boxes


def fill_from_catalogue(
    combo: QComboBox,
    source: str | Catalogue,
    *,
    placeholder: str | None = None,
    text: Callable[[CatalogueItem], str] | None = None,
) -> None:
    """Catalogue entries with the code as userData and the German name as text.

    ``placeholder`` adds a first entry with ``None`` as data ("— bitte wählen —"), so a required
    choice is not made silently.
    """
    cat = catalogue(source) if isinstance(source, str) else source
    combo.clear()
    if placeholder is not None:
        combo.addItem(placeholder, None)
    for item in cat:
        combo.addItem(text(item) if text else core_label(item.name), item.code)


def fill_from_enum(combo: QComboBox, enum: type[Enum], *, placeholder: str | None = None) -> None:
    """Enum members with the stored ``value`` as userData and the German ``label`` as text."""
    combo.clear()
    if placeholder is not None:
        combo.addItem(placeholder, None)
    for member in enum:
        combo.addItem(core_label(member.label), member.value)  # type: ignore[attr-defined]


def combo_value(combo: QComboBox) -> Any:
    """The userData of the current entry, or None (also for the placeholder)."""
    return combo.currentData() if combo.currentIndex() >= 0 else None


def select_value(combo: QComboBox, value: Any) -> None:
    """Make the entry with this userData current (the placeholder for None)."""
    index = combo.findData(value)
    if index < 0 and value is None:
        index = 0 if combo.count() else -1
    if index >= 0:
        combo.setCurrentIndex(index)


def label_text(text: str) -> str:
    """A label without mnemonic and colon, as an accessible name: "&Vorname:" → "Vorname"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(": ")


# --------------------------------------------------------------------------- dialog base


def tab_order(*widgets: QWidget) -> None:
    """Tab moves through ``widgets`` in this order."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


class FormDialog(QDialog):
    """Base of the entry dialogs: Speichern/Abbrechen, Strg+Eingabe, validation as you type.

    Subclasses set the window title (and, if "Speichern" does not fit, ``save_button``'s text),
    build their widgets into ``self.body``, register inputs with ``watch()``, call
    ``start()`` at the end of ``__init__`` and implement ``draft()``, which builds the draft and runs
    the domain rule (raising ValidationError). While it raises, Speichern is disabled and the
    problems are listed (from the first change on, so an empty form does not scold). ``accept()``
    keeps the checked draft for ``result_draft()``; cancelling with changed input asks first.

    ``ask()`` classmethods follow one pattern, so tests can drive the instance without exec():
    ``dlg = cls(...); return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.preferred_width = 0
        self._started = False
        self._dirty = False
        self._result: Any = None
        self._valid = False
        self._problems: list[tuple[str, str]] = []

        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.problem_list = ProblemList()
        outer.addWidget(self.problem_list)
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("&Speichern"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Speichern (Strg+Eingabe)"))
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Abbrechen"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_save_shortcut)

    # -- for subclasses ------------------------------------------------------------------
    def draft(self) -> Any:
        """Build the draft from the inputs and run the domain rule; raise ValidationError."""
        raise NotImplementedError

    def validation_active(self) -> bool:
        """False while the form is not ready to be saved at all (e.g. a search page)."""
        return True

    def add_row(self, form: QFormLayout, text: str, field: QWidget) -> QLabel:
        """A form row whose label is the field's buddy (Alt+mnemonic) and accessible name."""
        label = QLabel(text)
        label.setBuddy(field)
        if not field.accessibleName():
            field.setAccessibleName(label_text(text))
        form.addRow(label, field)
        return label

    def watch(self, *widgets: QObject) -> None:
        """Revalidate whenever one of these inputs changes."""
        for w in widgets:
            if isinstance(w, DateEntryField):
                w.changed.connect(self._on_input_changed)
            elif isinstance(w, QLineEdit | QPlainTextEdit):
                w.textChanged.connect(self._on_input_changed)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._on_input_changed)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(self._on_input_changed)
            elif isinstance(w, QAbstractButton):
                w.toggled.connect(self._on_input_changed)
            elif isinstance(w, CheckList):
                w.changed.connect(self._on_input_changed)
            else:
                raise TypeError(f"cannot watch {type(w).__name__}")

    def finish(self, *fields: QWidget) -> None:
        """End of set-up for a plain form: Tab goes through ``fields``, then Speichern and
        Abbrechen; every field is validated as it changes; the first one has the focus."""
        tab_order(*fields, self.save_button, self.cancel_button)
        self.watch(*fields)
        fields[0].setFocus()
        self.start()

    def start(self) -> None:
        """End of set-up: from now on changes count as user input."""
        self._started = True
        self.revalidate()

    def mark_changed(self, *_args: object) -> None:
        """For inputs that ``watch()`` does not know (lists edited through sub-dialogs)."""
        self._on_input_changed()

    def sizeHint(self) -> QSize:
        """At least ``preferred_width`` wide; unlike setMinimumWidth() this never overrides the
        layout's own minimum, so a label is never cut off."""
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), self.preferred_width))
        return hint

    # -- state ---------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._dirty

    def is_valid(self) -> bool:
        return self._valid

    def problems(self) -> list[tuple[str, str]]:
        """What keeps the input from being saved now (listed once the user changed something)."""
        return list(self._problems)

    def result_draft(self) -> Any:
        """The checked draft after the dialog was accepted, else None."""
        return self._result

    def revalidate(self) -> bool:
        if not self.validation_active():
            self._valid = False
            self._problems = []
            self.save_button.setEnabled(False)
            self.problem_list.set_problems([])
            return False
        dates = self.date_problems()
        try:
            self.draft()
        except ValidationError as exc:
            self._valid = False
            problems = [*dates, *exc.problems]
        else:
            self._valid = not dates
            problems = dates
        self._problems = list(problems)
        self.save_button.setEnabled(self._valid)
        self.problem_list.set_problems(problems if self._dirty else [])
        self.save_button.setToolTip(
            problems_text(list(problems)) or self.tr("Speichern (Strg+Eingabe)")
        )
        return self._valid

    def _on_input_changed(self, *_args: object) -> None:
        if not self._started:
            return
        self._dirty = True
        self.revalidate()

    def _on_save_shortcut(self) -> None:
        if self.save_button.isVisible() and self.save_button.isEnabled():
            self.accept()

    # -- closing -------------------------------------------------------------------------
    def date_problems(self) -> list[tuple[str, str]]:
        """Date fields whose text is no date: (field name, why); they keep their last date,
        so the draft alone would not show it."""
        return [
            (label_text(f.accessibleName()) or self.tr("Datum"), problem)
            for f in self.findChildren(DateEntryField)
            if (problem := f.problem()) is not None
        ]

    def accept(self) -> None:
        if not self.validation_active():
            return
        for f in self.findChildren(DateEntryField):
            f.commit()  # a date typed and saved with Strg+Eingabe, without leaving the field
        try:
            if self.date_problems():
                raise ValidationError(self.date_problems())
            result = self.draft()
        except ValidationError:
            self._dirty = True  # show why nothing happens
            self.revalidate()
            return
        self.set_result(result)

    def set_result(self, result: Any) -> None:
        """Close as accepted with this result (also for results other than the draft)."""
        self._result = result
        super().accept()

    def reject(self) -> None:
        if self._dirty and not self.confirm_discard():
            return
        self._result = None
        super().reject()

    def discard(self) -> None:
        """Close without asking, input lost (e.g. when the application locks itself)."""
        self._dirty = False
        self.reject()

    def confirm_discard(self) -> bool:
        """Ask before throwing typed input away. German button texts set explicitly."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Änderungen verwerfen?"),
            self.tr("Ihre Eingaben sind noch nicht gespeichert. Sollen sie verworfen werden?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Verwerfen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Weiter bearbeiten"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes


def multiline(min_height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on; the text itself rarely needs tabs
    edit.setMinimumHeight(min_height)
    return edit


def fill_social_spaces(combo: QComboBox, placeholder: str, model_region: str) -> None:
    """The Sozialräume of the catalogue; model regions marked (``model_region`` holds %1)."""
    fill_from_catalogue(
        combo,
        "social_spaces",
        placeholder=placeholder,
        text=lambda item: (
            model_region.replace("%1", item.name) if item.get("is_model_region") else item.name
        ),
    )
