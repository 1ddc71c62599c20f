"""The small widgets the conference screen is built from: a wrapping button row, the privacy
curtain, titled sections, captured entries with their "Entfernen" button, the "Wer?" and
discipline fields, one goal in the review; and the form helpers that keep labels readable at
every zoom."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import LEVEL_CAPTIONS, LEVEL_LABELS
from ui.goal_chart import GoalCourseWidget
from ui.i18n import core_label, core_problems
from ui.refcounts import emit


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class FlowLayout(QLayout):
    """Lays items out left to right and wraps to the next line when the width runs out, so a row
    of buttons never forces the window wider at 300 %."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._items) + self._spacing * max(
            0, len(self._items) - 1
        )
        height = max((i.sizeHint().height() for i in self._items), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint()))
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            widget, parent = item.widget(), self.parentWidget()
            if widget is not None and parent is not None and not widget.isVisibleTo(parent):
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class CurtainWidget(QWidget):
    """The privacy curtain: plain black over the whole window. Takes the keyboard focus, so
    nothing typed lands in a hidden field; while the main window is locked it says so."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("curtain")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Sichtschutz"))
        self.locked_text = ""
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#000000"))
        if self.locked_text:
            painter.setPen(QColor("#808080"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.locked_text,
            )
        painter.end()


class Section(QFrame):
    """A titled block of the conference screen; ``problem`` shows what keeps an entry out."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confSection")
        # Not "Maximum": that caps the height at sizeHint(), which ignores height-for-width,
        # and a section with wrapped text would squeeze its rows when zoomed.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.layout_ = QVBoxLayout(self)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setWordWrap(True)
        self.layout_.addWidget(self.title_label)
        self.body = QVBoxLayout()
        self.layout_.addLayout(self.body)
        self.entry = QWidget()  # the inputs; hidden once the conference is recorded
        self.entry_layout = QVBoxLayout(self.entry)
        self.entry_layout.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.entry)
        self.problem = QLabel()
        self.problem.setObjectName("errorMessage")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.layout_.addWidget(self.problem)
        # set by the window: takes the problems' text to the facilitator's screen (True)
        self.redirect: Callable[[str], bool] | None = None

    def show_problems(self, problems: Sequence[tuple[str, str]]) -> None:
        """The problems of a rule, in the current language (field names and messages of the
        core are German templates; see ``ui.i18n.core_problems``)."""
        text = "\n".join(
            f"• {f}: {msg}" if f else f"• {msg}" for f, msg in core_problems(list(problems))
        )
        if self.redirect is not None and self.redirect(text):
            # the reason is on the facilitator's screen; the projector only says there is one
            text = self.tr("Nicht übernommen – Hinweis auf dem Bildschirm der Moderation.")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


def wrapped_label(text: str = "", object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never markup
    if object_name:
        label.setObjectName(object_name)
    return label


def form_layout() -> QFormLayout:
    """Labels beside fields while there is room; above them when the zoom leaves none."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def add_row(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    """A short label beside its field. Form labels never wrap: QFormLayout gives a wrapped
    label only one line of height, so long questions go above their field instead."""
    label = QLabel(text)
    label.setBuddy(field)
    if not field.accessibleName():
        field.setAccessibleName(text.replace("&", "").rstrip(": "))
    form.addRow(label, field)
    return label


class ItemRow(QWidget):
    """One captured entry: its text (wrapped) and an "Entfernen" button."""

    removed = Signal()
    edit_requested = Signal()

    def __init__(self, text: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = wrapped_label(text, "entry")
        layout.addWidget(self.label, 1)
        self.edit_button = QPushButton(self.tr("Bearbeiten"))
        self.edit_button.setAccessibleName(self.tr("%1 bearbeiten").replace("%1", what))
        self.edit_button.clicked.connect(self.edit_requested)
        self.edit_button.hide()  # only where the entry can go back into the fields
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.remove_button = QPushButton(self.tr("Entfernen"))
        self.remove_button.setAccessibleName(self.tr("%1 entfernen").replace("%1", what))
        self.remove_button.clicked.connect(self.removed)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)


def is_family(discipline: str) -> bool:
    """Whether a participant's discipline is the family (catalogue flag ``family``)."""
    item = catalogue("disciplines").find(discipline)
    return bool(item is not None and item.get("family"))


def line_edit(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo box (Qt types it as optional)."""
    edit = combo.lineEdit()
    if edit is None:
        raise ValueError("the combo box is not editable")
    return edit


class WhoField(QComboBox):
    """ "Wer?" — an editable choice whose list starts with the family.

    Items show a display text (initials, if chosen) and carry the full name as data; typing
    anything else is fine too ("Oma Gisela", "Nachbarin").
    """

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit(self).setPlaceholderText(placeholder)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def set_suggestions(self, suggestions: Sequence[tuple[str, str]]) -> None:
        text = self.value()
        self.blockSignals(True)
        self.clear()
        for display, value in suggestions:
            self.addItem(display, value)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
        self.set_value(text, suggestions)

    def set_value(self, value: str, suggestions: Sequence[tuple[str, str]] = ()) -> None:
        for display, full in suggestions:
            if full == value and value:
                self.setEditText(display)
                return
        self.setEditText(value)

    def value(self) -> str:
        """The full name behind a chosen suggestion, else the typed text."""
        text = self.currentText().strip()
        for i in range(self.count()):
            if self.itemText(i) == text:
                return str(self.itemData(i))
        return text


class DisciplineField(QComboBox):
    """The participant's discipline, typed or picked. The exact name (or code) wins over a
    prefix, so "Familie" is Familie and not Familienbildung; a unique prefix ("Schulso") is
    enough."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for item in catalogue("disciplines"):
            self.addItem(core_label(item.name), item.code)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line_edit(self).setPlaceholderText(placeholder)
        self.reset()

    def reset(self) -> None:
        self.setCurrentIndex(-1)
        self.clearEditText()

    def _matches(self) -> list[str]:
        text = self.currentText().strip().casefold()
        return [
            i.code
            for i in catalogue("disciplines")
            if i.name.casefold().startswith(text) or core_label(i.name).casefold().startswith(text)
        ]

    def code(self) -> str | None:
        """The catalogue code of what is typed, or None if it names no single discipline."""
        text = self.currentText().strip()
        if not text:
            return None
        item = catalogue("disciplines").find(text)
        if item is not None:
            return str(item.code)
        for entry in catalogue("disciplines"):  # the name in the current language
            if core_label(entry.name).casefold() == text.casefold():
                return str(entry.code)
        matches = self._matches()
        return matches[0] if len(matches) == 1 else None

    def problem(self) -> str:
        """Why ``code()`` is None, in German."""
        text = self.currentText().strip()
        if not text:
            return self.tr("bitte eingeben oder auswählen.")
        matches = self._matches()
        if len(matches) > 1:
            names = ", ".join(core_label(catalogue("disciplines").label(c)) for c in matches)
            return self.tr("„%1“ passt zu mehreren: %2.").replace("%1", text).replace("%2", names)
        return self.tr("„%1“ steht nicht im Katalog der Disziplinen.").replace("%1", text)


class ReviewRow(QWidget):
    """One existing goal in the review: title, (details), score −2…+2 and comment."""

    changed = Signal()

    def __init__(self, goal: m.Goal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal = goal
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        self.title = wrapped_label("", "reviewTitle")
        layout.addWidget(self.title)
        self.details = wrapped_label("", "reviewDetails")
        layout.addWidget(self.details)
        self.course = GoalCourseWidget()
        layout.addWidget(self.course)
        form = form_layout()
        self.score = QComboBox()
        self.score.addItem(self.tr("— nicht bewertet —"), None)
        for value, (label, caption) in zip(
            range(-2, 3), zip(LEVEL_LABELS, LEVEL_CAPTIONS, strict=True), strict=True
        ):
            self.score.addItem(f"{label}  {core_label(caption)}", value)
        self.comment = QLineEdit()
        add_row(form, self.tr("Einschätzung:"), self.score)
        add_row(form, self.tr("Kommentar:"), self.comment)
        self.form_widget = QWidget()
        self.form_widget.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_widget)
        self.result = wrapped_label("", "reviewResult")
        self.result.hide()
        layout.addWidget(self.result)
        self.score.currentIndexChanged.connect(lambda _i: emit(self.changed))
        self.comment.textChanged.connect(lambda _t: emit(self.changed))

    def show_goal(self, number: int, title: str, details: str | None, course: bool) -> None:
        """``details`` None and ``course`` False empty those widgets (restricted screen)."""
        self.title.setText(self.tr("Ziel %1: „%2“").replace("%1", str(number)).replace("%2", title))
        self.score.setAccessibleName(self.tr("Einschätzung Ziel %1").replace("%1", str(number)))
        self.comment.setAccessibleName(self.tr("Kommentar Ziel %1").replace("%1", str(number)))
        self.details.setText(details or "")
        self.details.setVisible(bool(details))
        self.course.set_goal(self.goal if course else None, title)
        self.course.setVisible(course and bool(self.goal.reviews))

    def freeze(self) -> None:
        """After saving: the chosen score as text instead of the inputs."""
        score = self.score.currentData()
        comment = self.comment.text().strip()
        if score is None:
            text = self.tr("nicht bewertet")
        else:
            caption = f"{LEVEL_LABELS[score + 2]} ({core_label(LEVEL_CAPTIONS[score + 2])})"
            text = self.tr("Einschätzung: %1").replace("%1", caption)
        self.result.setText(text + (f" – {comment}" if comment else ""))
        self.result.show()
        self.form_widget.hide()

    def draft(self, on: date) -> m.ReviewDraft | None:
        score = self.score.currentData()
        if score is None:
            return None
        return m.ReviewDraft(self.goal.id, on, int(score), self.comment.text())
