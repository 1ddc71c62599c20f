"""What the parts of the conference window share: the state of one conference on the screen,
the widgets one part builds and another uses, and the helpers every section renders with.

``ConferenceWindow`` (``window.py``) is made of parts, one mixin per area of the screen, each a
subclass of ``ConferenceBase``: ``agenda``, ``projection``, ``participants``,
``case_background``, ``plan`` and ``protocol``. A part builds its own sections and keeps its
own widgets; what it takes from another part is declared here, so each file can be read alone.
All state lives on the one window object (the parts have no state of their own), set up in
``ConferenceBase.__init__``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain import models as m
from sro_case.domain.consent_gate import ScreenPolicy, screen_policy
from sro_case.reports.names import NameScrubber
from ui.conference.widgets import CurtainWidget, ItemRow, ReviewRow, Section, WhoField
from ui.forms import DateField
from ui.tasks import Runner

if TYPE_CHECKING:
    from ui.conference.agenda import AgendaItem
    from ui.conference.console import FacilitatorConsole


@dataclass
class _SaveState:
    """Survives a failed attempt: once the conference (with its reviews, in one transaction)
    is recorded, a retry only writes the protocol again."""

    conference_id: int | None = None


class ConferenceBase(QWidget):
    """The conference's state and the helpers the parts share (see the module docstring)."""

    conference_saved = Signal(int)  # id of the recorded conference
    closed = Signal()

    # Widgets that more than one part uses, and the part (or window.py) that builds them.
    frame: QWidget  # window: everything but the curtain
    title_label: QLabel  # window
    status_label: QLabel  # window
    banner: QLabel  # window, filled by participants
    scroll: QScrollArea  # type: ignore[assignment]  # window (shadows QWidget.scroll)
    content: QWidget  # window: the scrolled area
    columns_layout: QHBoxLayout  # window
    column_layouts: list[QVBoxLayout]  # window
    console: FacilitatorConsole  # window: notes for the facilitator only
    curtain: CurtainWidget  # window
    sections: list[Section]  # window; in screen order via _left and _right
    _left: list[Section]  # window
    _right: list[Section]  # window
    kind_combo: QComboBox  # window (the "Konferenz" section)
    date_field: DateField  # window
    facilitator_edit: QLineEdit  # window
    frame_summary: QLabel  # window
    initials_button: QPushButton  # projection
    contrast_button: QPushButton  # projection
    participant_name: QLineEdit  # participants
    review_list: QVBoxLayout  # case_background
    will_who: WhoField  # plan
    step_who: WhoField  # plan
    decisions_edit: QPlainTextEdit  # plan
    next_review_field: DateField  # plan
    save_button: QPushButton  # protocol
    tick_timer: QTimer  # window
    ask_protocol_path: Callable[[str], Path | None]  # window; tests replace it

    if TYPE_CHECKING:  # provided by the parts; declared for the type checker only

        def _refresh(self) -> None: ...  # window

        def _render_title(self) -> None: ...  # window

        def _render_status(self) -> None: ...  # window

        def set_curtain(self, on: bool) -> None: ...  # projection

        def _render_banner(self) -> None: ...  # participants

        def _update_role_labels(self) -> None: ...  # participants

        def facilitator(self) -> str: ...  # projection

        def text_out(self, text: str) -> str: ...  # projection

        def name_out(self, name: str) -> str: ...  # projection

        def who_out(
            self, who: str, fallback: Callable[[str], str] | None = None
        ) -> str: ...  # participants

    def __init__(
        self,
        store: Application,
        runner: Runner,
        case_id: int,
        parent: QWidget | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        render_runner: Runner | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.runner = runner
        self.render_runner = render_runner or runner  # the protocol's PDF (tests: one lane)
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
        self._role_labels: dict[str, str] = {}  # household member's name → role, if restricted

    # ------------------------------------------------------------------ shared helpers
    def held_on(self) -> date:
        return self.date_field.value() or self.store.clock.today()

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

    def _section(self, title: str) -> Section:
        section = Section(title)
        self.sections.append(section)
        return section

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
