"""Dates typed the way German users type them: ``14.03.2026``, ``14.3.26``, ``14032026``, pasted.

``QDateEdit`` edits by sections: typing the dots puts digits into the wrong section and can keep
a wrong date without a word (PITFALLS.md, "Qt date entry"). ``DateEntryField`` is a plain line edit with its own parser
(``sro_case.domain.dates.parse_typed_date``, shared with the command line) and a calendar button. The text is read when the user leaves the field or presses
Enter (``commit()``) and then shown again as ``dd.mm.yyyy``; text that is no date is marked in
red and named by ``problem()``, and the field keeps its last valid date, so a typing mistake
never turns into another date.
"""

from __future__ import annotations

import datetime
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from sro_case.domain.dates import EARLIEST, LATEST, DateTextError, parse_typed_date
from sro_case.domain.formatting import german_date
from sro_case.errors import ValidationError
from ui.icons import icon
from ui.refcounts import emit

__all__ = [
    "EARLIEST",
    "LATEST",
    "DateEntryField",
    "DateField",
    "DateTextError",
    "format_date",
    "parse_typed_date",
    "to_date",
    "to_qdate",
]


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def format_date(value: date | None) -> str:
    """``dd.mm.yyyy`` or "" — for tables and labels."""
    return german_date(value)


class DateEntryField(QWidget):
    """A date: a line edit that reads typed and pasted German dates, and a calendar.

    ``value()`` is the last valid date (None while an ``optional`` field is empty); ``problem()``
    says (in the UI language) why the text the user left in the field is no date, or is None;
    once the text is a date again the problem goes, and ``commit()`` (leaving the field, Enter)
    takes the date. Emptying an optional field makes it empty; a required field refuses that
    visibly. ``changed`` fires when the value or the problem changes.
    Alt+↓ or F4 opens the calendar, as in Qt's own date fields.
    """

    changed = Signal()

    def __init__(
        self,
        value: date | None = None,
        *,
        today: date | None = None,
        optional: bool = False,
        default: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today or default or date.today()
        self._default = default or value or self._today
        self._optional = optional
        self._value: date | None = value if value is not None or optional else self._default
        self._problem: str | None = None
        self._forwarding = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("TT.MM.JJJJ"))
        self.edit.setClearButtonEnabled(optional)
        self.edit.ensurePolished()  # the stylesheet's font size, before measuring
        self.edit.setMaxLength(40)  # no date is longer; a pasted paragraph is cut, then refused
        self._hint = self.tr(
            "Datum als TT.MM.JJJJ, z. B. 14.03.2026 – auch 14.3.26 oder 14032026. "
            "Alt+Pfeil nach unten öffnet den Kalender."
        )
        self.edit.setToolTip(self._hint)
        self.edit.installEventFilter(self)
        self.edit.editingFinished.connect(self.commit)
        self.edit.textEdited.connect(self._on_text_edited)
        layout.addWidget(self.edit)

        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(to_qdate(EARLIEST))
        self.calendar.setMaximumDate(to_qdate(LATEST))
        self.calendar.activated.connect(self._on_calendar_chosen)
        self.calendar.clicked.connect(self._on_calendar_chosen)
        self._menu = QMenu(self)
        holder = QWidgetAction(self._menu)
        holder.setDefaultWidget(self.calendar)
        self._menu.addAction(holder)
        self._menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.button = QToolButton()
        self.button.setIcon(icon("calendar"))
        self.button.setToolTip(self.tr("Kalender öffnen (Alt+Pfeil nach unten)"))
        self.button.setAccessibleName(self.tr("Kalender öffnen"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one tab stop per date; Alt+↓ opens it
        self.button.clicked.connect(self.open_calendar)
        layout.addWidget(self.button)
        self._fit_width()
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.edit)
        self._show_value()

    # -- value ---------------------------------------------------------------------------
    def value(self) -> date | None:
        """The last valid date. Text typed but not yet committed is not read here (that would
        rewrite the field mid-typing): whoever saves calls ``taken()``."""
        return self._value

    def required(self) -> date:
        """The date of a required field (it always has one: emptying it is refused)."""
        if self._value is None:
            raise ValueError("an optional field is empty")
        return self._value

    def date(self) -> datetime.date | None:  # QDateEdit's name, for code written for it
        return self._value

    def taken(self) -> datetime.date | None:
        """Commit what is typed (a user who saves with Strg+Eingabe or a button without
        leaving the field), then the value; check ``problem()`` for text that is no date."""
        if self.edit.isModified():
            self.commit()
        return self._value

    def checked(self, label: str) -> datetime.date | None:
        """``taken()`` for whoever saves: text that is no date raises ``ValidationError`` named
        ``label``, so it is saved neither as the previous date nor as no date."""
        value = self.taken()
        if self._problem is not None:
            raise ValidationError([(label, self._problem)])
        return value

    def set_value(self, value: datetime.date | None) -> None:
        """Show ``value`` and forget a problem of the text (a preset, the calendar, a test).
        None empties an optional field; a required field refuses it (ValueError)."""
        if value is None and not self._optional:
            raise ValueError("a required date field cannot be empty")
        changed = value != self._value or self._problem is not None
        self._value = value
        self._problem = None
        self._show_value()
        self._show_problem()
        if changed:
            emit(self.changed)

    def set_date(self, value: datetime.date | None) -> None:
        self.set_value(value)

    def clear_value(self) -> None:
        if self._optional:
            self.set_value(None)

    def is_empty(self) -> bool:
        return self._value is None

    def is_optional(self) -> bool:
        return self._optional

    def set_default(self, value: datetime.date) -> None:
        """The date the calendar opens at while the field is empty."""
        self._default = value

    def setAccessibleName(self, name: str) -> None:
        """The name a screen reader announces belongs on the line edit that takes the focus."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setReadOnly(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    def problem(self) -> str | None:
        return self._problem

    def text(self) -> str:
        return self.edit.text()

    def commit(self) -> bool:
        """Read the text: a date becomes the value (shown as ``dd.mm.yyyy``); anything else
        stays as typed, marked, and the value stays as it was. True if the text is a date."""
        text = self.edit.text()
        if self._optional and not text.strip():
            self.set_value(None)
            return True
        try:
            value = parse_typed_date(text, today=self._today)
        except DateTextError as exc:
            problem = self._message(exc)
            if problem != self._problem:
                self._problem = problem
                self._show_problem()
                emit(self.changed)
            return False
        self.set_value(value)
        return True

    def _on_text_edited(self, text: str) -> None:
        """A refused text that has become a date loses its mark at once (the value follows
        when the user leaves the field); a new mistake is named only then, not mid-typing."""
        if self._problem is None:
            return
        try:
            if text.strip() or not self._optional:
                parse_typed_date(text, today=self._today)
        except DateTextError:
            return
        self._problem = None
        self._show_problem()
        emit(self.changed)

    def _message(self, exc: DateTextError) -> str:
        shown = exc.text.strip()
        if not shown:
            return self.tr("Bitte ein Datum eingeben, z. B. 14.03.2026.")
        if exc.impossible:
            return self.tr("Den %1 gibt es nicht.").replace("%1", shown)
        if exc.out_of_range:
            return (
                self.tr("Bitte ein Datum zwischen %1 und %2 eingeben.")
                .replace("%1", format_date(EARLIEST))
                .replace("%2", format_date(LATEST))
            )
        return self.tr(
            "„%1“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 14.03.2026."
        ).replace("%1", shown)

    def _show_value(self) -> None:
        self.edit.setText(format_date(self._value))

    def _show_problem(self) -> None:
        if self._problem is None:
            self.edit.setStyleSheet("")
            self.edit.setToolTip(self._hint)
            self.edit.setAccessibleDescription("")
        else:
            self.edit.setStyleSheet(
                "QLineEdit { border: 2px solid #a61b1b; border-radius: 2px;"
                " background: #fdecec; color: #000000; padding: 1px; }"
            )
            self.edit.setToolTip(self._problem)
            self.edit.setAccessibleDescription(self._problem)

    # -- calendar ------------------------------------------------------------------------
    def open_calendar(self) -> None:
        """The calendar under the field, at the current date (not modal: returns at once)."""
        self._menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))

    def _on_menu_about_to_show(self) -> None:
        self.commit()  # a date typed just now is where the calendar opens
        self.calendar.setSelectedDate(to_qdate(self._value or self._default))
        self._menu.setActiveAction(self._menu.actions()[0])
        self.calendar.setFocus()

    def _on_calendar_chosen(self, chosen: QDate) -> None:
        self._menu.hide()
        self.set_value(to_date(chosen))
        self.edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys that reach the field itself (it hands the focus to its line edit) type there;
        what the line edit does not take goes on to the dialog as usual."""
        if self._forwarding:
            super().keyPressEvent(event)
            return
        self._forwarding = True
        try:
            if not self.edit.hasFocus():
                self.edit.setFocus()
            QCoreApplication.sendEvent(self.edit, event)
        finally:
            self._forwarding = False

    def _fit_width(self) -> None:
        """Room for ``00.00.0000`` (and the clear button) in the line edit's font, which the
        conference's zoom changes."""
        metrics = self.edit.fontMetrics()
        extra = metrics.height() * (2 if self._optional else 1) + 12
        self.edit.setFixedWidth(metrics.horizontalAdvance("00.00.00000") + extra)
        button = getattr(self, "button", None)  # style events arrive while it is being built
        if button is not None:
            side = max(16, metrics.height())  # the calendar button grows with the text
            button.setIconSize(QSize(side, side))
        self.updateGeometry()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._fit_width()
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and (
                event.key() == Qt.Key.Key_F4
                or (
                    event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier
                )
            )
        ):
            self.open_calendar()
            return True
        return super().eventFilter(watched, event)


# The entry dialogs' name for it; ``QDateEdit`` kept 01.01.2000 when a user typed 14.03.2015.
DateField = DateEntryField
