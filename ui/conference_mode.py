"""Konferenzmodus: one case on the projected screen, run by the facilitator from the keyboard.

The window shows only the case under discussion (no case list, no status bar, no pop-up
notifications; the main window pauses its idle lock while it is open) and captures what the
conference produces: participants, the agenda with a timer per item, the family's will in their
own words, resources, goals with indicator and five goal-attainment levels, the agreed steps
(who — the family first —, what, by when), decisions, the next review and the review of the
existing goals. "Speichern & Protokoll" records the conference in one transaction
(``store.conferences.record``), saves the goal reviews and writes the PDF protocol; all database
work runs on the task runner's database lane, and a retry after a failure never records twice.

What the shared screen may show is decided by ``sro_case.domain.consent_gate`` and recomputed on
every change of participants or date: a participant without a valid consent is flagged (⚠ and a
German reason) and the screen drops the case background and the details of existing goals (their
widgets are emptied, not just hidden). Case notes — and with them everything entrusted under
§ 65 SGB VIII — are never shown here.

Keys (also in the help line at the bottom):
    F9, or "." / "B" outside text fields (the "black screen" button of presentation remotes):
        privacy curtain on and off — a black overlay over the whole window, the case widgets are
        hidden underneath and the window title drops the file number
    Strg+Plus / Strg+Minus / Strg+0: zoom 100 … 300 % (fonts grow, the layout reflows)
    F7 high contrast, F8 initials instead of names, F11 / Esc full screen
    F5 start/stop the timer, F6 next agenda item, Umschalt+F6 previous item
    Strg+1 … Strg+9 jump to a section, Eingabe adds the entry of a section,
    Strg+Eingabe adds the goal, Strg+S saves and writes the protocol, Strg+W closes
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QPoint,
    QRect,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.domain.consent_gate import ScreenPolicy, screen_policy
from sro_case.domain.enums import GoalStatus, PersonRole, ResourceKind
from sro_case.domain.validation import Checker
from sro_case.errors import SroCaseError, ValidationError
from sro_case.paths import resources_dir
from sro_case.reports.protocol import LEVEL_CAPTIONS, LEVEL_LABELS, NameScrubber, initials
from ui.forms import DateField, format_date
from ui.goal_chart import GoalCourseWidget, ordered_reviews, score_label
from ui.i18n import core_label, core_text, error_text

ZOOM_STEPS = (100, 125, 150, 175, 200, 250, 300)
BASE_POINT_SIZE = 12.0  # 100 %: already larger than the desktop's 10 pt
HELP_POINT_SIZE = 10.5  # the help line is for the facilitator and does not zoom
COLUMN_CHARS = 55  # a column narrower than this many average characters: one column only
HIGH_CONTRAST_QSS = "conference_high_contrast.qss"

# Family members come first in "Wer?": parents and guardians, then the young people.
_ROLE_ORDER = [
    PersonRole.PARENT,
    PersonRole.GUARDIAN,
    PersonRole.FOSTER_PARENT,
    PersonRole.YOUNG_ADULT,
    PersonRole.ADOLESCENT,
    PersonRole.CHILD,
    PersonRole.RELATIVE,
    PersonRole.OTHER,
]


# --------------------------------------------------------------------------- agenda


@dataclass
class AgendaItem:
    title: str
    planned_minutes: int
    elapsed_seconds: float = 0.0

    @property
    def over_time(self) -> bool:
        return self.planned_minutes > 0 and self.elapsed_seconds > self.planned_minutes * 60


def agenda_template(kind: str) -> list[AgendaItem]:
    """The agenda of a conference kind from the catalogue (title, planned minutes)."""
    kinds = catalogue("conference_kinds")
    item = kinds.find(kind)
    if item is None:
        return []
    return [AgendaItem(str(title), int(minutes)) for title, minutes in item.get("agenda", [])]


def format_clock(seconds: float) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour on."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _family_short(display_name: str) -> str:
    rest = re.sub(r"^\s*familie\s+", "", display_name, flags=re.IGNORECASE)
    short = initials(rest)
    return f"Familie {short}" if short else "Familie"


def _repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


# --------------------------------------------------------------------------- small widgets


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

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
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
            if item.widget() is not None and not item.widget().isVisibleTo(self.parentWidget()):
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
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAccessibleName(self.tr("Sichtschutz"))
        self.locked_text = ""
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#000000"))
        if self.locked_text:
            painter.setPen(QColor("#808080"))
            painter.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self.locked_text)
        painter.end()


class Section(QFrame):
    """A titled block of the conference screen; ``problem`` shows what keeps an entry out."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confSection")
        # Not "Maximum": that caps the height at sizeHint(), which ignores height-for-width,
        # and a section with wrapped text would squeeze its rows when zoomed.
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
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
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.hide()
        self.layout_.addWidget(self.problem)

    def show_problems(self, problems: Sequence[tuple[str, str]]) -> None:
        text = "\n".join(f"• {f}: {msg}" if f else f"• {msg}" for f, msg in problems)
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


def wrapped_label(text: str = "", object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)  # user text is never markup
    if object_name:
        label.setObjectName(object_name)
    return label


def form_layout() -> QFormLayout:
    """Labels beside fields while there is room; above them when the zoom leaves none."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
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

    def __init__(self, text: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = wrapped_label(text, "entry")
        layout.addWidget(self.label, 1)
        self.remove_button = QPushButton(self.tr("Entfernen"))
        self.remove_button.setAccessibleName(self.tr("%1 entfernen").replace("%1", what))
        self.remove_button.clicked.connect(self.removed)
        layout.addWidget(self.remove_button, 0, Qt.AlignTop)


class WhoField(QComboBox):
    """ "Wer?" — an editable choice whose list starts with the family.

    Items show a display text (initials, if chosen) and carry the full name as data; typing
    anything else is fine too ("Oma Gisela", "Nachbarin").
    """

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.lineEdit().setPlaceholderText(placeholder)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
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
        self.setInsertPolicy(QComboBox.NoInsert)
        for item in catalogue("disciplines"):
            self.addItem(core_label(item.name), item.code)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(placeholder)
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
            return item.code
        for entry in catalogue("disciplines"):  # the name in the current language
            if core_label(entry.name).casefold() == text.casefold():
                return entry.code
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
        self.score.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.comment.textChanged.connect(lambda _t: self.changed.emit())

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


# --------------------------------------------------------------------------- the window


@dataclass
class _SaveState:
    """Survives a failed attempt: once the conference (with its reviews, in one transaction)
    is recorded, a retry only writes the protocol again."""

    conference_id: int | None = None


class ConferenceWindow(QWidget):
    """The conference on the shared screen (see the module docstring for keys and rules).

    Threading: the case is read and everything is saved through ``runner`` (the database lane);
    the window only reacts to results. It holds the case as a frozen ``CaseDetail``.
    """

    conference_saved = Signal(int)  # id of the recorded conference
    closed = Signal()

    def __init__(
        self,
        store: Any,
        runner: Any,
        case_id: int,
        parent: QWidget | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent, Qt.Window)
        self.store = store
        self.runner = runner
        self.case_id = case_id
        self.detail: m.CaseDetail | None = None
        self.policy: ScreenPolicy = screen_policy((), (), store.clock.today())
        self.participants: list[m.ParticipantDraft] = []
        self.will_items: list[tuple[str, str]] = []  # (who, text)
        self.resources: list[m.ResourceDraft] = []
        self.goals: list[m.GoalDraft] = []
        self.pending_steps: list[m.StepDraft] = []
        self.agenda: list[AgendaItem] = []
        self.current_item = 0
        self.timer_running = False
        self.zoom = 100
        self.high_contrast = False
        self.use_initials = False
        self.curtain_on = False
        self.saved = False
        self._locked = False
        self._dirty = False
        self._saving = False
        self._save_state = _SaveState()
        self._monotonic = monotonic
        self._last_tick = monotonic()
        self._focus_before_curtain: QWidget | None = None
        self._scrubber = NameScrubber()
        self._facilitator_full: str | None = None
        self._discarded: list[QWidget] = []
        self._columns = 0
        self.review_rows: list[ReviewRow] = []
        self.ask_protocol_path: Callable[[str], Path | None] = self._ask_protocol_path

        self.setObjectName("conferenceWindow")
        self.setWindowTitle(self.tr("Konferenzmodus"))
        self._build()
        self._build_shortcuts()
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self._on_tick)
        self.tick_timer.start()
        self._apply_style()
        self.runner.submit(lambda: store.cases.get(case_id), self._on_loaded, self._on_load_failed)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.frame = QWidget()
        self.frame.setObjectName("confFrame")
        root.addWidget(self.frame)
        outer = QVBoxLayout(self.frame)
        outer.setContentsMargins(12, 8, 12, 8)

        self.title_label = wrapped_label(
            self.tr("Konferenzmodus – Fall wird geladen …"), "confTitle"
        )
        outer.addWidget(self.title_label)
        self.status_label = wrapped_label("", "confStatus")
        outer.addWidget(self.status_label)
        toggles = QWidget()
        self.toggle_row = FlowLayout(toggles)
        self.curtain_button = self._tool_button(self.tr("Vorhang (F9)"), self.toggle_curtain)
        self.full_screen_button = self._tool_button(
            self.tr("Vollbild (F11)"), self.toggle_full_screen
        )
        self.zoom_out_button = self._tool_button(self.tr("Kleiner (Strg+Minus)"), self.zoom_out)
        self.zoom_in_button = self._tool_button(self.tr("Größer (Strg+Plus)"), self.zoom_in)
        self.contrast_button = self._tool_button(
            self.tr("Hoher Kontrast (F7)"), self.toggle_high_contrast, checkable=True
        )
        self.initials_button = self._tool_button(
            self.tr("Initialen (F8)"), self.toggle_initials, checkable=True
        )
        outer.addWidget(toggles)
        self.banner = wrapped_label("", "restrictionBanner")
        self.banner.hide()
        outer.addWidget(self.banner)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("confScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.content = QWidget()
        self.content.setObjectName("confContent")
        self.columns_layout = QHBoxLayout(self.content)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.column_layouts = [QVBoxLayout(), QVBoxLayout()]
        for column in self.column_layouts:
            self.columns_layout.addLayout(column, 1)
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll, 1)

        self.message = wrapped_label("", "saveMessage")
        self.message.hide()
        outer.addWidget(self.message)
        self.help_line = wrapped_label(
            self.tr(
                "F9 oder Punkt: Vorhang · F11 Vollbild · Strg+Plus/Minus/0 Zoom · F7 Kontrast · "
                "F8 Initialen · F5 Zeit starten/anhalten · F6 nächster Punkt (Umschalt+F6 zurück) "
                "· Strg+1…9 Abschnitte · Eingabe übernimmt · Strg+Eingabe übernimmt das Ziel · "
                "Strg+S Speichern & Protokoll · Strg+W Schließen"
            ),
            "helpLine",
        )
        outer.addWidget(self.help_line)

        self.curtain = CurtainWidget(self)

        self.sections: list[Section] = []
        self._build_frame_section()
        self._build_participants()
        self._build_agenda()
        self._build_background()
        self._build_review()
        self._build_will()
        self._build_resources()
        self._build_goals()
        self._build_decisions()
        self._build_save()
        self._left = [
            self.frame_section,
            self.participants_section,
            self.agenda_section,
            self.background_section,
            self.review_section,
        ]
        self._right = [
            self.will_section,
            self.resources_section,
            self.goals_section,
            self.decisions_section,
            self.save_section,
        ]
        self._relayout(force=True)

    def _tool_button(self, text: str, slot: Callable[[], None], checkable: bool = False) -> Any:
        button = QPushButton(text)
        button.setObjectName("toolButton")  # the facilitator's controls do not zoom
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.TabFocus)
        button.clicked.connect(lambda _checked=False: slot())
        self.toggle_row.addWidget(button)
        return button

    def _section(self, title: str) -> Section:
        section = Section(title)
        self.sections.append(section)
        return section

    def _build_frame_section(self) -> None:
        s = self.frame_section = self._section(self.tr("Konferenz"))
        form = form_layout()
        self.kind_combo = QComboBox()
        for item in catalogue("conference_kinds"):
            self.kind_combo.addItem(core_label(item.name), item.code)
        today = self.store.clock.today()
        self.date_field = DateField(today, default=today)
        self.facilitator_edit = QLineEdit()
        self.facilitator_edit.setPlaceholderText(self.tr("Name der Moderation"))
        add_row(form, self.tr("&Art:"), self.kind_combo)
        add_row(form, self.tr("&Datum:"), self.date_field)
        add_row(form, self.tr("&Moderation:"), self.facilitator_edit)
        s.entry_layout.addLayout(form)
        self.frame_summary = wrapped_label("", "frameSummary")
        self.frame_summary.hide()
        s.body.addWidget(self.frame_summary)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.date_field.changed.connect(self._on_date_changed)
        self.facilitator_edit.textChanged.connect(self._on_facilitator_changed)

    def _build_participants(self) -> None:
        s = self.participants_section = self._section(self.tr("Teilnehmende"))
        self.participant_list = QVBoxLayout()
        s.body.addLayout(self.participant_list)
        self.participants_empty = wrapped_label(self.tr("noch niemand eingetragen"), "muted")
        self.participant_list.addWidget(self.participants_empty)
        form = form_layout()
        self.participant_name = QLineEdit()
        self.participant_org = QLineEdit()
        self.participant_org.setPlaceholderText(self.tr("z. B. Grundschule am Mühlenteich"))
        self.participant_discipline = DisciplineField(
            self.tr("z. B. Schule, Kita, Familie – Alt+Pfeil runter zeigt alle")
        )
        add_row(form, self.tr("Name:"), self.participant_name)
        add_row(form, self.tr("Organisation:"), self.participant_org)
        add_row(form, self.tr("Disziplin:"), self.participant_discipline)
        s.entry_layout.addLayout(form)
        self.add_participant_button = QPushButton(self.tr("Teilnehmende &hinzufügen"))
        self.add_participant_button.clicked.connect(self.add_participant)
        s.entry_layout.addWidget(self.add_participant_button, 0, Qt.AlignLeft)
        for edit in (self.participant_name, self.participant_org):
            edit.returnPressed.connect(self.add_participant)
        self.participant_discipline.lineEdit().returnPressed.connect(self.add_participant)

    def _build_agenda(self) -> None:
        s = self.agenda_section = self._section(self.tr("Tagesordnung"))
        self.agenda_list = QVBoxLayout()
        s.body.addLayout(self.agenda_list)
        self.agenda_labels: list[QLabel] = []
        buttons = QWidget()
        flow = FlowLayout(buttons)
        self.timer_button = QPushButton(self.tr("Zeit starten (F5)"))
        self.timer_button.clicked.connect(self.toggle_timer)
        self.next_button = QPushButton(self.tr("Nächster Punkt (F6)"))
        self.next_button.clicked.connect(self.next_item)
        flow.addWidget(self.timer_button)
        flow.addWidget(self.next_button)
        s.body.addWidget(buttons)
        form = form_layout()
        self.agenda_title = QLineEdit()
        self.agenda_title.setPlaceholderText(self.tr("weiterer Punkt"))
        self.agenda_minutes = QSpinBox()
        self.agenda_minutes.setRange(1, 180)
        self.agenda_minutes.setValue(10)
        self.agenda_minutes.setSuffix(self.tr(" Min."))
        add_row(form, self.tr("Punkt:"), self.agenda_title)
        add_row(form, self.tr("Geplant:"), self.agenda_minutes)
        s.entry_layout.addLayout(form)
        self.add_agenda_button = QPushButton(self.tr("Tagesordnungspunkt &anfügen"))
        self.add_agenda_button.clicked.connect(self.add_agenda_item)
        self.agenda_title.returnPressed.connect(self.add_agenda_item)
        s.entry_layout.addWidget(self.add_agenda_button, 0, Qt.AlignLeft)

    def _build_background(self) -> None:
        s = self.background_section = self._section(self.tr("Aus der Fallakte"))
        self.background_label = wrapped_label("", "background")
        s.body.addWidget(self.background_label)

    def _build_review(self) -> None:
        s = self.review_section = self._section(self.tr("Rückblick: Zielüberprüfung"))
        self.review_hint = wrapped_label("", "muted")
        s.body.addWidget(self.review_hint)
        self.review_list = QVBoxLayout()
        s.body.addLayout(self.review_list)

    def _build_will(self) -> None:
        s = self.will_section = self._section(
            self.tr("Wille der Familie – in ihren eigenen Worten")
        )
        self.will_list = QVBoxLayout()
        s.body.addLayout(self.will_list)
        form = form_layout()
        self.will_who = WhoField(self.tr("Wer sagt das?"))
        self.will_text = QLineEdit()
        self.will_text.setPlaceholderText(self.tr("wörtlich, z. B. „Wir wollen …“"))
        add_row(form, self.tr("Wer?"), self.will_who)
        add_row(form, self.tr("Was?"), self.will_text)
        s.entry_layout.addLayout(form)
        self.add_will_button = QPushButton(self.tr("&Wille festhalten"))
        self.add_will_button.clicked.connect(self.add_will)
        self.will_text.returnPressed.connect(self.add_will)
        s.entry_layout.addWidget(self.add_will_button, 0, Qt.AlignLeft)

    def _build_resources(self) -> None:
        s = self.resources_section = self._section(self.tr("Ressourcen"))
        self.resource_list = QVBoxLayout()
        s.body.addLayout(self.resource_list)
        form = form_layout()
        self.resource_kind = QComboBox()
        for kind in ResourceKind:
            self.resource_kind.addItem(core_label(kind.label), kind.value)
        self.resource_text = QLineEdit()
        self.resource_text.setPlaceholderText(self.tr("z. B. Oma wohnt um die Ecke"))
        add_row(form, self.tr("Art:"), self.resource_kind)
        add_row(form, self.tr("Ressource:"), self.resource_text)
        s.entry_layout.addLayout(form)
        self.add_resource_button = QPushButton(self.tr("&Ressource hinzufügen"))
        self.add_resource_button.clicked.connect(self.add_resource)
        self.resource_text.returnPressed.connect(self.add_resource)
        s.entry_layout.addWidget(self.add_resource_button, 0, Qt.AlignLeft)

    def _build_goals(self) -> None:
        s = self.goals_section = self._section(self.tr("Ziele und Vereinbarungen"))
        self.goal_list = QVBoxLayout()
        s.body.addLayout(self.goal_list)
        form = form_layout()
        self.goal_text = QLineEdit()
        self.goal_text.setPlaceholderText(self.tr("in den Worten der Familie"))
        self.goal_indicator = QLineEdit()
        self.goal_level_edits: list[QLineEdit] = []
        add_row(form, self.tr("Ziel:"), self.goal_text)
        s.entry_layout.addLayout(form)
        question = wrapped_label(self.tr("Woran merken wir, dass sich etwas verändert hat?"))
        question.setBuddy(self.goal_indicator)
        self.goal_indicator.setAccessibleName(self.tr("Indikator"))
        s.entry_layout.addWidget(question)
        s.entry_layout.addWidget(self.goal_indicator)
        s.entry_layout.addWidget(
            wrapped_label(self.tr("Zielerreichungsskala: So sieht es aus bei …"))
        )
        levels = form_layout()
        short = (
            self.tr("deutlich weniger"),
            self.tr("etwas weniger"),
            self.tr("erwartet"),
            self.tr("etwas mehr"),
            self.tr("deutlich mehr"),
        )
        for label, german, brief in zip(LEVEL_LABELS, LEVEL_CAPTIONS, short, strict=True):
            caption = core_label(german)
            edit = QLineEdit()
            edit.setPlaceholderText(caption)
            add_row(levels, f"{label} {brief}:", edit)
            edit.setAccessibleName(
                self.tr("Stufe %1 (%2)").replace("%1", label).replace("%2", caption)
            )
            self.goal_level_edits.append(edit)
        self.goal_target = DateField(optional=True, default=self.store.clock.today())
        add_row(levels, self.tr("Zieldatum:"), self.goal_target)
        s.entry_layout.addLayout(levels)

        steps_title = wrapped_label(
            self.tr("Wer macht was bis wann? – die Familie zuerst"), "subTitle"
        )
        s.entry_layout.addWidget(steps_title)
        self.step_list = QVBoxLayout()
        s.entry_layout.addLayout(self.step_list)
        step_form = form_layout()
        self.step_who = WhoField(self.tr("Wer? – die Familie zuerst"))
        self.step_what = QLineEdit()
        self.step_due = DateField(optional=True, default=self.store.clock.today())
        add_row(step_form, self.tr("Wer?"), self.step_who)
        add_row(step_form, self.tr("Was?"), self.step_what)
        add_row(step_form, self.tr("Bis wann?"), self.step_due)
        s.entry_layout.addLayout(step_form)
        buttons = QWidget()
        flow = FlowLayout(buttons)
        self.add_step_button = QPushButton(self.tr("&Schritt hinzufügen"))
        self.add_step_button.clicked.connect(self.add_step)
        self.add_goal_button = QPushButton(self.tr("&Ziel übernehmen (Strg+Eingabe)"))
        self.add_goal_button.clicked.connect(self.add_goal)
        flow.addWidget(self.add_step_button)
        flow.addWidget(self.add_goal_button)
        s.entry_layout.addWidget(buttons)
        self.step_what.returnPressed.connect(self.add_step)
        # Eingabe in a goal field moves on to the next one: fast capture without the mouse.
        for edit in (self.goal_text, self.goal_indicator, *self.goal_level_edits):
            edit.returnPressed.connect(self.focusNextChild)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), s, self.add_goal, context=Qt.WidgetWithChildrenShortcut)

    def _build_decisions(self) -> None:
        s = self.decisions_section = self._section(self.tr("Entscheidungen und nächster Termin"))
        form = form_layout()
        self.decisions_edit = QPlainTextEdit()
        self.decisions_edit.setTabChangesFocus(True)
        self.next_review_field = DateField(
            optional=True, default=self.store.clock.today() + timedelta(days=91)
        )
        add_row(form, self.tr("Entscheidungen:"), self.decisions_edit)
        add_row(form, self.tr("Nächste Überprüfung:"), self.next_review_field)
        s.body.addLayout(form)
        self.decisions_edit.textChanged.connect(self._mark_dirty)
        self.next_review_field.changed.connect(self._mark_dirty)

    def _build_save(self) -> None:
        s = self.save_section = self._section(self.tr("Abschluss"))
        self.save_button = QPushButton(self.tr("S&peichern && Protokoll (Strg+S)"))
        self.save_button.clicked.connect(self.save_and_protocol)
        s.body.addWidget(self.save_button, 0, Qt.AlignLeft)

    def _build_shortcuts(self) -> None:
        def key(sequence: Any, slot: Callable[[], None]) -> QShortcut:
            shortcut = QShortcut(QKeySequence(sequence), self, slot)
            shortcut.setContext(Qt.WindowShortcut)
            return shortcut

        key(Qt.Key_F9, self.toggle_curtain)
        # Remote clickers blank the screen with "." or "B"; text fields keep those keys.
        key(Qt.Key_Period, self.toggle_curtain)
        key(Qt.Key_B, self.toggle_curtain)
        key(Qt.Key_F11, self.toggle_full_screen)
        key(Qt.Key_Escape, self._on_escape)
        key(QKeySequence.ZoomIn, self.zoom_in)
        key("Ctrl+=", self.zoom_in)
        key(QKeySequence.ZoomOut, self.zoom_out)
        key("Ctrl+0", self.reset_zoom)
        key(Qt.Key_F7, self.toggle_high_contrast)
        key(Qt.Key_F8, self.toggle_initials)
        key(Qt.Key_F5, self.toggle_timer)
        key(Qt.Key_F6, self.next_item)
        key("Shift+F6", self.previous_item)
        key("Ctrl+S", self.save_and_protocol)
        key("Ctrl+W", self.close)
        targets: list[Callable[[], QWidget]] = [
            lambda: self.kind_combo,
            lambda: self.participant_name,
            lambda: self.agenda_title,
            lambda: self.review_rows[0].score if self.review_rows else self.review_section,
            lambda: self.will_who,
            lambda: self.resource_kind,
            lambda: self.goal_text,
            lambda: self.step_who,
            lambda: self.decisions_edit,
        ]
        for number, target in enumerate(targets, start=1):
            key(f"Ctrl+{number}", lambda t=target: self.focus_field(t()))

    # ------------------------------------------------------------------ loading
    def _on_loaded(self, detail: m.CaseDetail) -> None:
        self.detail = detail
        self.use_initials = detail.pseudonymize
        self.initials_button.setChecked(self.use_initials)
        self._mask_facilitator()
        self.setWindowTitle(
            self.tr("Konferenzmodus – %1").replace("%1", detail.summary.file_number)
        )
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData("fallkonferenz")))
        self.kind_combo.blockSignals(False)
        self.agenda = agenda_template(str(self.kind_combo.currentData()))
        for goal in self._goals_to_review():
            row = ReviewRow(goal)
            row.changed.connect(self._mark_dirty)
            self.review_rows.append(row)
            self.review_list.addWidget(row)
        self._refresh()
        self._dirty = False

    def _on_load_failed(self, exc: BaseException) -> None:
        text = error_text(exc) if isinstance(exc, SroCaseError) else repr(exc)
        self.title_label.setText(
            self.tr("Der Fall kann nicht geöffnet werden: %1").replace("%1", text)
        )
        self.scroll.setEnabled(False)

    def _goals_to_review(self) -> list[m.Goal]:
        if self.detail is None:
            return []
        keep = {GoalStatus.OPEN.value, GoalStatus.PARTLY.value}
        return [g for g in self.detail.goals if g.status in keep]

    # ------------------------------------------------------------------ state → screen
    def held_on(self) -> date:
        return self.date_field.value() or self.store.clock.today()

    def _refresh(self) -> None:
        """Recompute the consent gate and re-render everything that depends on it."""
        if self.detail is None:
            return
        self.policy = screen_policy(
            self.participants, self.detail.consents, self.held_on(), self.detail.family.persons
        )
        self._rebuild_scrubber()
        self._render_title()
        self._render_banner()
        self._render_participants()
        self._render_agenda()
        self._render_background()
        self._render_review()
        self._render_will()
        self._render_resources()
        self._render_goals()
        self._render_steps()
        self._update_suggestions()

    def _rebuild_scrubber(self) -> None:
        scrubber = NameScrubber()
        if self.detail is not None:
            for p in self.detail.family.persons:
                scrubber.add(p.full_name)
                scrubber.add(p.first_name)
                scrubber.add(p.last_name)
            scrubber.add(self.detail.summary.lead_worker)
            scrubber.add(re.sub(r"^\s*familie\s+", "", self.detail.family.display_name, flags=re.I))
            for c in self.detail.conferences:
                for part in c.participants:
                    scrubber.add(part.name)
        for p in self.participants:
            scrubber.add(p.name)
        for who, _text in self.will_items:
            scrubber.add(who)
        scrubber.add(self.facilitator())
        self._scrubber = scrubber

    def text_out(self, text: str) -> str:
        """Free text as the shared screen shows it (names as initials if chosen)."""
        return self._scrubber(text) if self.use_initials else text

    def name_out(self, name: str) -> str:
        return initials(name) if self.use_initials else name

    def _render_title(self) -> None:
        if self.detail is None:
            return
        s = self.detail.summary
        family = (
            _family_short(self.detail.family.display_name)
            if self.use_initials
            else self.detail.family.display_name
        )
        kind = core_label(catalogue("conference_kinds").label(self.kind_combo.currentData()))
        self.title_label.setText(f"{kind} · {s.file_number} · {family}")
        self._render_status()

    def _render_status(self) -> None:
        parts = []
        if self.agenda:
            item = self.agenda[self.current_item]
            state = self.tr("läuft") if self.timer_running else self.tr("angehalten")
            parts.append(
                self.tr("Punkt %1 von %2: %3 · %4 von %5\u00a0Min. · %6")
                .replace("%1", str(self.current_item + 1))
                .replace("%2", str(len(self.agenda)))
                .replace("%3", item.title)
                .replace("%4", format_clock(item.elapsed_seconds))
                .replace("%5", str(item.planned_minutes))
                .replace("%6", state)
            )
        parts.append(self.tr("Zoom %1\u00a0%").replace("%1", str(self.zoom)))
        if self.high_contrast:
            parts.append(self.tr("hoher Kontrast"))
        if self.use_initials:
            parts.append(self.tr("Initialen"))
        self.status_label.setText(" · ".join(parts))

    def _render_banner(self) -> None:
        flagged = self.policy.flagged
        if not flagged:
            self.banner.clear()
            self.banner.hide()
            return
        count = len(flagged)
        self.banner.setText(
            self.tr(
                "⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung. "
                "Aus der Fallakte werden nur die Titel der Ziele gezeigt; es erscheint nur, was "
                "diese Konferenz erarbeitet."
            ).replace("%1", str(count))
        )
        self.banner.show()

    def _clear_layout(self, layout: QVBoxLayout, keep: Sequence[QWidget] = ()) -> None:
        for i in reversed(range(layout.count())):
            item = layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in keep:
                layout.removeWidget(widget)
                widget.hide()
                # Out of the window at once (no old text lingers among its children), but
                # alive until the event loop: an "Entfernen" button may be emitting right now.
                widget.setParent(None)
                widget.deleteLater()
                self._discarded.append(widget)
        if self._discarded:
            QTimer.singleShot(0, self._discarded.clear)

    def _add_item_row(
        self, layout: QVBoxLayout, text: str, what: str, remove: Callable[[], None]
    ) -> ItemRow:
        row = ItemRow(text, what)
        row.removed.connect(remove)
        row.remove_button.setVisible(not self.saved)
        layout.addWidget(row)
        return row

    def _render_participants(self) -> None:
        self._clear_layout(self.participant_list, keep=[self.participants_empty])
        self.participants_empty.setVisible(not self.participants)
        self.participant_rows: list[ItemRow] = []
        disciplines = catalogue("disciplines")
        for i, (p, clearance) in enumerate(
            zip(self.participants, self.policy.clearances, strict=True)
        ):
            name = self.name_out(p.name)
            parts = [name]
            if p.organisation:
                parts.append(self.text_out(p.organisation))
            parts.append(core_label(disciplines.label(p.discipline)))
            mark = "⚠ " if clearance.flagged else "✓ "
            text = mark + " · ".join(parts) + f" — {core_text(clearance.reason)}"
            row = self._add_item_row(
                self.participant_list, text, name, lambda i=i: self.remove_participant(i)
            )
            row.label.setProperty("flagged", "true" if clearance.flagged else "false")
            row.label.setAccessibleDescription(
                self.tr("ohne gültige Einwilligung")
                if clearance.flagged
                else self.tr("freigegeben")
            )
            _repolish(row.label)
            self.participant_rows.append(row)

    def _render_agenda(self) -> None:
        self._clear_layout(self.agenda_list)
        self.agenda_labels = []
        for i in range(len(self.agenda)):
            label = wrapped_label("", "agendaItem")
            self.agenda_labels.append(label)
            self.agenda_list.addWidget(label)
            self._update_agenda_label(i)
        for button in (self.next_button, self.timer_button):
            button.setEnabled(bool(self.agenda))
            button.setVisible(not self.saved)
        self._render_status()

    def _update_agenda_label(self, i: int) -> None:
        item, label = self.agenda[i], self.agenda_labels[i]
        current = i == self.current_item
        mark = "▶ " if current else "   "
        clock = format_clock(item.elapsed_seconds)
        label.setText(
            f"{mark}{i + 1}. {item.title} — {clock} / {item.planned_minutes:d}"
            + "\u00a0"
            + self.tr("Min.")
            + (" ⏰" if item.over_time else "")
        )
        state = "over" if item.over_time and current else ("current" if current else "")
        if label.property("agenda") != state:
            label.setProperty("agenda", state)
            _repolish(label)

    def _render_background(self) -> None:
        if self.detail is None or not self.policy.show_background:
            self.background_label.clear()
            self.background_section.hide()
            return
        d = self.detail
        lines: list[str] = []
        if d.reason_for_contact.strip():
            lines.append(self.tr("Anlass: %1").replace("%1", self.text_out(d.reason_for_contact)))
        today = self.held_on()
        helps = catalogue("help_types")
        running = [
            h for h in d.helps if h.start_on <= today and (h.end_on is None or h.end_on >= today)
        ]
        for h in running:
            item = helps.find(h.help_type)
            paragraph = f"{item.get('paragraph', '')} " if item and item.get("paragraph") else ""
            provider = f" ({self.text_out(h.provider)})" if h.provider else ""
            lines.append(
                self.tr("Laufende Hilfe: %1 seit %2")
                .replace("%1", f"{paragraph}{core_label(helps.label(h.help_type))}{provider}")
                .replace("%2", format_date(h.start_on))
            )
        for r in d.resources:
            try:
                kind = core_label(ResourceKind(r.kind).label)
            except ValueError:
                kind = r.kind
            lines.append(
                self.tr("Ressource (%1): %2")
                .replace("%1", kind)
                .replace("%2", self.text_out(r.description))
            )
        previous = next((c for c in reversed(d.conferences) if c.family_will.strip()), None)
        if previous is not None:
            who = self.text_out(previous.will_spoken_by)
            lines.append(
                self.tr("Wille beim letzten Gespräch (%1): „%2“%3")
                .replace("%1", format_date(previous.held_on))
                .replace("%2", self.text_out(previous.family_will))
                .replace("%3", f" – {who}" if who else "")
            )
        self.background_label.setText("\n".join(lines))
        self.background_section.setVisible(bool(lines))

    def _render_review(self) -> None:
        goals = self._goals_to_review()
        self.review_section.setVisible(bool(goals))
        if self.policy.show_goal_details:
            self.review_hint.setText(
                self.tr("Einschätzung je Ziel von −2 (deutlich weniger als erwartet) bis +2.")
            )
        else:
            self.review_hint.setText(
                self.tr(
                    "Nur die Titel der Ziele: Indikatoren, Stufen und frühere Einschätzungen sind "
                    "ausgeblendet, solange Teilnehmende ohne Einwilligung dabei sind."
                )
            )
        for number, row in enumerate(self.review_rows, start=1):
            g = row.goal
            title = self.text_out(g.text)
            details: str | None = None
            if self.policy.show_goal_details:
                lines = []
                if g.indicator:
                    lines.append(
                        self.tr("Woran merken wir es: %1").replace("%1", self.text_out(g.indicator))
                    )
                for label, level in zip(LEVEL_LABELS, g.levels, strict=True):
                    if level.strip():
                        lines.append(f"{label}: {self.text_out(level)}")
                reviews = ordered_reviews(g.reviews)
                if reviews:
                    last = reviews[-1]
                    lines.append(
                        self.tr("Zuletzt: %1 am %2")
                        .replace("%1", score_label(last.score))
                        .replace("%2", format_date(last.reviewed_on))
                    )
                details = "\n".join(lines)
            row.show_goal(number, title, details, self.policy.show_goal_details)

    def _render_will(self) -> None:
        self._clear_layout(self.will_list)
        for i, (who, text) in enumerate(self.will_items):
            shown = f"„{self.text_out(text)}“" + (f" — {self.name_out(who)}" if who else "")
            self._add_item_row(
                self.will_list,
                shown,
                self.tr("Aussage %1").replace("%1", str(i + 1)),
                lambda i=i: self._remove(self.will_items, i),
            )

    def _render_resources(self) -> None:
        self._clear_layout(self.resource_list)
        for i, r in enumerate(self.resources):
            kind = core_label(ResourceKind(r.kind).label)
            self._add_item_row(
                self.resource_list,
                f"{kind}: {self.text_out(r.description)}",
                self.tr("Ressource %1").replace("%1", str(i + 1)),
                lambda i=i: self._remove(self.resources, i),
            )

    def _step_text(self, step: m.StepDraft) -> str:
        due = f" — {self.tr('bis')} {format_date(step.due_on)}" if step.due_on else ""
        return f"• {self.text_out(step.who)}: {self.text_out(step.what)}{due}"

    def _render_goals(self) -> None:
        self._clear_layout(self.goal_list)
        for i, g in enumerate(self.goals):
            lines = [
                self.tr("Ziel %1: „%2“")
                .replace("%1", str(i + 1))
                .replace("%2", self.text_out(g.text))
            ]
            if g.indicator:
                lines.append(
                    self.tr("Woran merken wir es: %1").replace("%1", self.text_out(g.indicator))
                )
            for label, level in zip(LEVEL_LABELS, g.levels, strict=True):
                if level:
                    lines.append(f"{label}: {self.text_out(level)}")
            if g.target_date:
                lines.append(self.tr("Zieldatum: %1").replace("%1", format_date(g.target_date)))
            lines += [self._step_text(s) for s in g.steps]
            self._add_item_row(
                self.goal_list,
                "\n".join(lines),
                self.tr("Ziel %1").replace("%1", str(i + 1)),
                lambda i=i: self._remove(self.goals, i),
            )

    def _render_steps(self) -> None:
        self._clear_layout(self.step_list)
        for i, step in enumerate(self.pending_steps):
            self._add_item_row(
                self.step_list,
                self._step_text(step),
                self.tr("Schritt %1").replace("%1", str(i + 1)),
                lambda i=i: self._remove(self.pending_steps, i),
            )

    def who_suggestions(self) -> list[tuple[str, str]]:
        """(display, full name): the family first — persons on file (if the screen may show
        them), family members taking part — then "Familie", then the professionals."""
        values: list[str] = []
        if self.detail is not None and self.policy.show_file_names:
            order = {r.value: i for i, r in enumerate(_ROLE_ORDER)}
            persons = sorted(self.detail.family.persons, key=lambda p: order.get(p.role, 99))
            values += [p.full_name for p in persons]
        disciplines = catalogue("disciplines")
        family = [
            p for p in self.participants if (disciplines.find(p.discipline) or _NO).get("family")
        ]
        others = [p for p in self.participants if p not in family]
        values += [p.name for p in family]
        values.append(self.tr("Familie"))
        values += [p.name for p in others]
        seen: set[str] = set()
        result = []
        for value in values:
            key = value.casefold()
            if value and key not in seen:
                seen.add(key)
                result.append(
                    (value if value == self.tr("Familie") else self.name_out(value), value)
                )
        return result

    def _update_suggestions(self) -> None:
        suggestions = self.who_suggestions()
        for field in (self.will_who, self.step_who):
            field.set_suggestions(suggestions)

    # ------------------------------------------------------------------ capture
    def _mark_dirty(self, *_args: object) -> None:
        if self.detail is not None:
            self._dirty = True

    @property
    def dirty(self) -> bool:
        return self._dirty and not self.saved

    def _remove(self, items: list[Any], index: int) -> None:
        if 0 <= index < len(items):
            del items[index]
            self._mark_dirty()
            self._refresh()

    def add_participant(self) -> None:
        discipline = self.participant_discipline.code()
        draft = m.ParticipantDraft(
            name=self.participant_name.text(),
            discipline=discipline or "",
            organisation=self.participant_org.text(),
        )
        c = Checker()
        checked = rules.check_participant(draft, c, "")
        if discipline is None:
            c.problems = [p for p in c.problems if p[0] != "Disziplin"]
            c.fail(self.tr("Disziplin"), self.participant_discipline.problem())
        try:
            c.done()
        except ValidationError as exc:
            self.participants_section.show_problems(exc.problems)
            return
        self.participants_section.show_problems([])
        self.participants.append(checked)
        self.participant_name.clear()
        self.participant_org.clear()
        self.participant_discipline.reset()
        self.participant_name.setFocus()
        self._mark_dirty()
        self._refresh()

    def remove_participant(self, index: int) -> None:
        self._remove(self.participants, index)

    def add_will(self) -> None:
        who, text = self.will_who.value(), self.will_text.text().strip()
        if not text:
            self.will_section.show_problems(
                [(self.tr("Was?"), self.tr("Bitte die Worte der Familie eintragen."))]
            )
            return
        self.will_section.show_problems([])
        self.will_items.append((who, text))
        self.will_text.clear()
        self.will_who.setEditText("")
        self.will_who.setFocus()
        self._mark_dirty()
        self._refresh()

    def add_resource(self) -> None:
        draft = m.ResourceDraft(str(self.resource_kind.currentData()), self.resource_text.text())
        try:
            checked = rules.check_resource(draft)
        except ValidationError as exc:
            self.resources_section.show_problems(exc.problems)
            return
        self.resources_section.show_problems([])
        self.resources.append(checked)
        self.resource_text.clear()
        self.resource_text.setFocus()
        self._mark_dirty()
        self._refresh()

    def add_step(self) -> None:
        draft = m.StepDraft(self.step_who.value(), self.step_what.text(), self.step_due.value())
        c = Checker()
        checked = rules.check_step(draft, c, "")
        try:
            c.done()
        except ValidationError as exc:
            self.goals_section.show_problems(exc.problems)
            return
        self.goals_section.show_problems([])
        self.pending_steps.append(checked)
        self.step_what.clear()
        self.step_due.clear_value()
        self.step_who.setEditText("")
        self.step_who.setFocus()
        self._mark_dirty()
        self._render_steps()

    def add_goal(self) -> None:
        if self.step_what.text().strip():  # a step typed but not yet added belongs to the goal
            self.add_step()
            if self.step_what.text().strip():
                return
        levels = tuple(e.text() for e in self.goal_level_edits)
        steps = tuple(self.pending_steps)
        draft = m.GoalDraft(
            text=self.goal_text.text(),
            indicator=self.goal_indicator.text(),
            owner=steps[0].who if steps else "",
            target_date=self.goal_target.value(),
            levels=levels,  # type: ignore[arg-type]
            steps=steps,
        )
        try:
            checked = rules.check_goal(draft)
        except ValidationError as exc:
            self.goals_section.show_problems(exc.problems)
            return
        self.goals_section.show_problems([])
        self.goals.append(checked)
        self.pending_steps = []
        for edit in (self.goal_text, self.goal_indicator, *self.goal_level_edits):
            edit.clear()
        self.goal_target.clear_value()
        self.goal_text.setFocus()
        self._mark_dirty()
        self._refresh()

    def add_agenda_item(self) -> None:
        title = self.agenda_title.text().strip()
        if not title:
            return
        self.agenda.append(AgendaItem(title, self.agenda_minutes.value()))
        self.agenda_title.clear()
        self._mark_dirty()
        self._render_agenda()

    def _on_kind_changed(self, _index: int) -> None:
        """A new kind brings its agenda template, unless the clock already ran."""
        if not any(item.elapsed_seconds for item in self.agenda):
            self.agenda = agenda_template(str(self.kind_combo.currentData()))
            self.current_item = 0
            self._render_agenda()
        self._render_title()
        self._mark_dirty()

    def _on_date_changed(self) -> None:
        self._mark_dirty()
        self._refresh()

    def _on_facilitator_changed(self, _text: str) -> None:
        self._mark_dirty()

    def focus_field(self, widget: QWidget) -> None:
        if self.curtain_on:
            return
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.ShortcutFocusReason)

    # ------------------------------------------------------------------ timer
    def toggle_timer(self) -> None:
        if not self.agenda or self.curtain_on:
            return
        self._accumulate()
        self.timer_running = not self.timer_running
        self.timer_button.setText(
            self.tr("Zeit anhalten (F5)") if self.timer_running else self.tr("Zeit starten (F5)")
        )
        self._update_agenda_label(self.current_item)
        self._render_status()

    def next_item(self) -> None:
        self._move_item(1)

    def previous_item(self) -> None:
        self._move_item(-1)

    def _move_item(self, step: int) -> None:
        if not self.agenda or self.curtain_on:
            return
        self._accumulate()
        old = self.current_item
        self.current_item = max(0, min(len(self.agenda) - 1, self.current_item + step))
        self._update_agenda_label(old)
        self._update_agenda_label(self.current_item)
        if self.agenda_labels:
            self.scroll.ensureWidgetVisible(self.agenda_labels[self.current_item])
        self._render_status()

    def _accumulate(self) -> None:
        now = self._monotonic()
        if self.timer_running and self.agenda:
            self.agenda[self.current_item].elapsed_seconds += max(0.0, now - self._last_tick)
        self._last_tick = now

    def _on_tick(self) -> None:
        if not self.timer_running:
            self._last_tick = self._monotonic()
            return
        self._accumulate()
        if self.agenda_labels:
            self._update_agenda_label(self.current_item)
        self._render_status()

    # ------------------------------------------------------------------ presentation
    def toggle_curtain(self) -> None:
        if self._locked:
            return
        self.set_curtain(not self.curtain_on)

    def set_curtain(self, on: bool) -> None:
        """Black out the window at once (and back). The case widgets are hidden underneath and
        the title loses the file number, so nothing of the case is left on screen."""
        if on == self.curtain_on:
            return
        self.curtain_on = on
        if on:
            focus = QApplication.focusWidget()
            self._focus_before_curtain = (
                focus if focus is not None and self.isAncestorOf(focus) else None
            )
            self.curtain.setGeometry(self.rect())
            self.curtain.show()
            self.curtain.raise_()
            self.curtain.setFocus(Qt.OtherFocusReason)
            self.frame.hide()
            self.setWindowTitle(self.tr("Konferenzmodus"))
        else:
            self.frame.show()
            self.curtain.hide()
            self.curtain.locked_text = ""
            if self.detail is not None:
                self.setWindowTitle(
                    self.tr("Konferenzmodus – %1").replace("%1", self.detail.summary.file_number)
                )
            target = self._focus_before_curtain
            if target is not None:
                target.setFocus(Qt.OtherFocusReason)

    def lock_screen(self) -> None:
        """The application locked: curtain down, and it stays down until ``unlock_screen``."""
        self.set_curtain(True)
        self._locked = True
        self.curtain.locked_text = self.tr("Gesperrt – bitte im Hauptfenster entsperren.")
        self.curtain.update()

    def unlock_screen(self) -> None:
        self._locked = False
        self.curtain.locked_text = ""
        self.curtain.update()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _on_escape(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def show_on_projector(self) -> None:
        """Full screen on a second screen if there is one (the projector), else on this one."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            primary = QGuiApplication.primaryScreen()
            target = next((s for s in screens if s is not primary), primary)
            self.move(target.geometry().topLeft())
        self.showFullScreen()

    def set_zoom(self, percent: int) -> None:
        percent = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], int(percent)))
        if percent == self.zoom:
            return
        self.zoom = percent
        self._apply_style()
        self._render_status()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom), ZOOM_STEPS[0]))

    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def toggle_high_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self.contrast_button.setChecked(self.high_contrast)
        self._apply_style()
        self._render_status()

    def toggle_initials(self) -> None:
        self.set_initials(not self.use_initials)

    def set_initials(self, on: bool) -> None:
        self.use_initials = on
        self.initials_button.setChecked(on)
        self._mask_facilitator()
        self._refresh()
        self._render_status()

    def facilitator(self) -> str:
        """The facilitator's full name, also while the field shows initials."""
        if self._facilitator_full is not None:
            return self._facilitator_full
        return self.facilitator_edit.text()

    def _mask_facilitator(self) -> None:
        """With initials on, the field shows them read-only; the full name is kept aside."""
        edit = self.facilitator_edit
        edit.blockSignals(True)
        if self.use_initials and self._facilitator_full is None:
            self._facilitator_full = edit.text()
            edit.setText(initials(self._facilitator_full))
            edit.setReadOnly(True)
            edit.setToolTip(self.tr("Initialen: zum Bearbeiten F8 drücken"))
        elif not self.use_initials and self._facilitator_full is not None:
            edit.setText(self._facilitator_full)
            self._facilitator_full = None
            edit.setReadOnly(False)
            edit.setToolTip("")
        edit.blockSignals(False)

    def point_size(self) -> float:
        return BASE_POINT_SIZE * self.zoom / 100

    def _apply_style(self) -> None:
        pt = self.point_size()
        light = """
            QWidget#conferenceWindow, QWidget#confFrame, QWidget#confContent,
            QScrollArea#confScroll { background: #ffffff; color: #16202a; }
            QFrame#confSection { background: #f5f7fa; border: 1px solid #c5ced8;
                                  border-radius: 6px; }
            QLabel#sectionTitle, QLabel#confTitle { color: #17406b; }
            QLabel#restrictionBanner { background: #fbe4e1; color: #8a1c10;
                                        border: 2px solid #c62828; padding: 0.3em; }
            QLabel[flagged="true"] { color: #9b1c10; font-weight: 600; }
            QLabel[agenda="current"] { background: #dcefd9; font-weight: 600; }
            QLabel[agenda="over"] { background: #fbe4e1; color: #8a1c10; font-weight: 600; }
            QLabel#muted, QLabel#helpLine { color: #46525e; }
            QLabel#errorMessage { color: #a61b1b; }
            QLineEdit:focus, QPlainTextEdit:focus { border: 2px solid #1f5f99; }
        """
        theme = light
        if self.high_contrast:
            path = resources_dir() / HIGH_CONTRAST_QSS
            theme = path.read_text(encoding="utf-8") if path.is_file() else light
        sheet = f"""
            QWidget {{ font-size: {pt:.1f}pt; }}
            QLabel#confTitle {{ font-size: {pt * 1.25:.1f}pt; font-weight: 600; }}
            QLabel#confStatus {{ font-size: {pt * 0.9:.1f}pt; }}
            QLabel#sectionTitle {{ font-size: {pt * 1.2:.1f}pt; font-weight: 600; }}
            QLabel#subTitle, QLabel#reviewTitle {{ font-weight: 600; }}
            QLabel#restrictionBanner {{ font-weight: 600; }}
            QLabel#helpLine {{ font-size: {HELP_POINT_SIZE:.1f}pt; }}
            QPushButton {{ padding: 0.2em 0.7em; }}
            QPushButton#toolButton {{ font-size: {HELP_POINT_SIZE:.1f}pt; }}
        """
        # The light theme keeps the platform's arrows; the high-contrast one draws its own.
        arrows = self._arrow_metrics() if self.high_contrast else ""
        self.setStyleSheet(sheet + theme + arrows)
        for field in (self.will_who, self.step_who):
            popup = field.completer().popup()
            popup.setStyleSheet(f"QWidget {{ font-size: {pt:.1f}pt; }}" + theme)
        fm = QFontMetricsF(self.decisions_edit.font())
        self.decisions_edit.setMinimumHeight(round(fm.lineSpacing() * 4 + 12))
        self._relayout()

    def _arrow_metrics(self) -> str:
        """Sizes of the high-contrast arrows (border triangles) in pixels, so they grow with
        the zoom; "em" in a subcontrol does not follow it. Colours come from the QSS file."""
        px = max(
            QFontMetricsF(self.participant_name.font()).height(),
            self.point_size() * 96 / 72 * 1.2,
        )
        box, half, tall = round(px * 1.2), max(4, round(px * 0.22)), max(5, round(px * 0.32))
        small = tall // 2 + 2
        return f"""
            QComboBox::drop-down, QDateEdit::drop-down {{ width: {box}px; }}
            QSpinBox::up-button, QSpinBox::down-button {{ width: {box}px; }}
            QComboBox::down-arrow, QDateEdit::down-arrow, QSpinBox::down-arrow,
            QSpinBox::up-arrow {{
                width: 0; height: 0; border-left-width: {half}px; border-right-width: {half}px;
            }}
            QComboBox::down-arrow, QDateEdit::down-arrow {{
                border-top-width: {tall}px; border-bottom-width: 0;
            }}
            QSpinBox::down-arrow {{ border-top-width: {small}px; border-bottom-width: 0; }}
            QSpinBox::up-arrow {{ border-bottom-width: {small}px; border-top-width: 0; }}
        """

    def _relayout(self, *, force: bool = False) -> None:
        """Two columns while each gets ``COLUMN_CHARS`` characters, else one: the zoom reflows."""
        char = QFontMetricsF(self.participant_name.font()).averageCharWidth()
        width = self.scroll.viewport().width() if self.isVisible() else self.width()
        columns = 2 if width >= 2 * COLUMN_CHARS * char else 1
        if columns == self._columns and not force:
            return
        self._columns = columns
        for column in self.column_layouts:
            # removeWidget() deletes the layout item; an item only taken out would stay the
            # widget's registered item, and the new one's size cache would never be refreshed.
            for i in reversed(range(column.count())):
                item = column.itemAt(i)
                if item is not None and item.widget() is not None:
                    column.removeWidget(item.widget())
                else:
                    column.removeItem(item)
        if columns == 2:
            for s in self._left:
                self.column_layouts[0].addWidget(s)
            for s in self._right:
                self.column_layouts[1].addWidget(s)
        else:
            for s in self._left[:3] + self._right[:1] + self._left[3:] + self._right[1:]:
                self.column_layouts[0].addWidget(s)
        for column in self.column_layouts:
            column.addStretch(1)
        self.columns_layout.setStretch(1, 1 if columns == 2 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.curtain.setGeometry(self.rect())
        self._relayout()

    # ------------------------------------------------------------------ saving
    def conference_draft(self) -> m.ConferenceDraft:
        """The checked draft of everything captured (raises ValidationError)."""
        if len(self.will_items) == 1:
            who, will = self.will_items[0]
        else:
            will = "\n".join(f"{w}: {t}" if w else t for w, t in self.will_items)
            who = ", ".join(dict.fromkeys(w for w, _t in self.will_items if w))
        draft = m.ConferenceDraft(
            held_on=self.held_on(),
            kind=str(self.kind_combo.currentData()),
            facilitator=self.facilitator(),
            participants=tuple(self.participants),
            agenda=tuple(item.title for item in self.agenda),
            family_will=will,
            will_spoken_by=who,
            resources=tuple(self.resources),
            goals=tuple(self.goals),
            decisions=self.decisions_edit.toPlainText(),
            next_review=self.next_review_field.value(),
        )
        return rules.check_conference(draft, self.store.clock.today())

    def review_drafts(self) -> list[m.ReviewDraft]:
        drafts = [d for row in self.review_rows if (d := row.draft(self.held_on())) is not None]
        problems: list[tuple[str, str]] = []
        for d in drafts:
            try:
                rules.check_review(d, self.store.clock.today())
            except ValidationError as exc:
                problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return drafts

    def suggested_protocol_name(self) -> str:
        """Only file number and date: a file dialog on the projector shows file names."""
        number = self.detail.summary.file_number if self.detail else str(self.case_id)
        safe = re.sub(r"[^\w.-]+", "_", number)
        return f"Protokoll_{safe}_{self.held_on().isoformat()}.pdf"

    def _ask_protocol_path(self, suggested: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        curtain_was_on = self.curtain_on
        self.set_curtain(True)  # the folder's other files are nobody's business in the room
        try:
            path, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Protokoll speichern"),
                str(Path(folder) / suggested),
                self.tr("PDF-Dokument (*.pdf)"),
            )
        finally:
            self.set_curtain(curtain_was_on)
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def save_and_protocol(self) -> None:
        """Record the conference with its goal reviews (all or nothing), write the PDF."""
        if self._saving or self.detail is None or self.curtain_on:
            return
        draft: m.ConferenceDraft | None = None
        reviews: list[m.ReviewDraft] = []
        if self._save_state.conference_id is None:
            try:
                draft = self.conference_draft()
                reviews = self.review_drafts()
            except ValidationError as exc:
                self._show_message(
                    self.tr("Nicht gespeichert:")
                    + "\n"
                    + "\n".join(f"• {f}: {msg}" if f else f"• {msg}" for f, msg in exc.problems),
                    error=True,
                )
                return
        path = self.ask_protocol_path(self.suggested_protocol_name())
        if path is None:
            return
        store, case_id, state = self.store, self.case_id, self._save_state
        use_initials = self.use_initials

        def work() -> tuple[int, Path]:
            if state.conference_id is None:
                assert draft is not None
                state.conference_id = store.conferences.record(case_id, draft, reviews).id
            written = store.documents.conference_protocol(
                case_id, path, conference_id=state.conference_id, initials=use_initials
            )
            return state.conference_id, written

        self._saving = True
        self.save_button.setEnabled(False)
        self._show_message(self.tr("Wird gespeichert …"))
        self.runner.submit(work, self._on_saved, self._on_save_failed)

    def _on_saved(self, result: tuple[int, Path]) -> None:
        conference_id, path = result
        self._saving = False
        self._finish_capture()
        self._show_message(
            self.tr("Gespeichert. Protokoll: %1").replace("%1", str(path)), error=False
        )
        self.conference_saved.emit(conference_id)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        text = error_text(exc) if isinstance(exc, SroCaseError) else repr(exc)
        if self._save_state.conference_id is not None:
            self._finish_capture()
            self.conference_saved.emit(self._save_state.conference_id)
            text = self.tr(
                "Die Konferenz ist gespeichert, aber das Protokoll fehlt noch: %1 – "
                "Strg+S versucht es erneut."
            ).replace("%1", text)
        else:
            text = self.tr("Nicht gespeichert: %1").replace("%1", text)
        self._show_message(text, error=True)

    def _finish_capture(self) -> None:
        """After recording, the captured content is fixed; Strg+S only rewrites the protocol."""
        self.saved = True
        self._dirty = False
        self.timer_running = False
        for section in self.sections:
            section.entry.hide()
            section.show_problems([])
        kind = core_label(catalogue("conference_kinds").label(self.kind_combo.currentData()))
        facilitator = self.name_out(self.facilitator())
        self.frame_summary.setText(
            self.tr("%1 am %2").replace("%1", kind).replace("%2", format_date(self.held_on()))
            + (self.tr(" · Moderation: %1").replace("%1", facilitator) if facilitator else "")
        )
        self.frame_summary.show()
        for row in self.review_rows:
            row.freeze()
        self.decisions_edit.setReadOnly(True)
        self.next_review_field.setReadOnly(True)
        self._refresh()
        self.save_button.setText(self.tr("&Protokoll erneut schreiben (Strg+S)"))
        self.save_button.setEnabled(True)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", "true" if error else "false")
        self.message.setObjectName("errorMessage" if error else "saveMessage")
        _repolish(self.message)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self._confirm_discard():
            event.ignore()
            return
        self.tick_timer.stop()
        self.closed.emit()
        event.accept()
        super().closeEvent(event)

    def _confirm_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Question,
            self.tr("Konferenz nicht gespeichert"),
            self.tr("Die Konferenz ist noch nicht gespeichert. Eingaben verwerfen und schließen?"),
            QMessageBox.Yes | QMessageBox.No,
            self,
        )
        box.button(QMessageBox.Yes).setText(self.tr("&Verwerfen"))
        box.button(QMessageBox.No).setText(self.tr("&Weiter bearbeiten"))
        box.setDefaultButton(QMessageBox.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.Yes

    def discard(self) -> None:
        """Close without asking (tests, or the application quits)."""
        self._dirty = False
        self.close()


class _NoItem:
    def get(self, _key: str, default: Any = None) -> Any:
        return default


_NO = _NoItem()
