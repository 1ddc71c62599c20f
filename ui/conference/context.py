"""What the panels of the conference window truly share: the application and its runners, the
case being discussed (a frozen ``CaseDetail`` once loaded), the consent gate's verdict for the
shared screen, the ``Projection`` (how the screen looks, names as initials), the conference
date, and whether the capture is unsaved (dirty) or recorded (saved).

Panels subscribe to the context's signals instead of reading each other:

* ``case_loaded(CaseDetail)`` once the case is read;
* ``policy_changed(ScreenPolicy)`` after every recomputation of the consent gate – the signal
  the screen is redrawn on. The window's own slot (title, banner, the name scrubber) is
  connected first, then the panels in the order the window builds them – participants,
  agenda, case background, plan –, which is the order the screen is drawn in (the "Wer?"
  labels are ready when the plan draws);
* ``changed()`` when something captured changed (the conference is dirty);
* ``saved_changed(bool)`` once the conference is recorded (and after each protocol written
  again): the panels fix their content.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QObject, Signal

from sro_case.app import Application
from sro_case.domain import models as m
from sro_case.domain.consent_gate import ScreenPolicy, screen_policy
from ui.conference.projection import Projection
from ui.refcounts import emit
from ui.tasks import Runner


class ConferenceContext(QObject):
    """The shared state of one conference on the screen (see the module docstring)."""

    case_loaded = Signal(object)  # m.CaseDetail
    policy_changed = Signal(object)  # ScreenPolicy
    changed = Signal()
    saved_changed = Signal(bool)

    def __init__(
        self,
        store: Application,
        runner: Runner,
        case_id: int,
        *,
        render_runner: Runner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.render_runner = render_runner or runner  # the protocol's PDF (tests: one lane)
        self.case_id = case_id
        self.detail: m.CaseDetail | None = None
        self.policy: ScreenPolicy = screen_policy((), (), store.clock.today())
        self.projection = Projection(self)
        #: the conference's date as entered (None while it is no date); set by the window
        self.date_source: Callable[[], date | None] = lambda: None
        self.saved = False
        self._dirty = False
        #: the case's version the capture began on: a save is refused if anyone changed the
        #: case since (``Conferences.record(expected_version=…)``), whatever else was read
        self.base_version: int | None = None
        self._participants: tuple[m.ParticipantDraft, ...] = ()  # as the gate last saw them

    # ------------------------------------------------------------------ the case and its gate
    def load(self, detail: m.CaseDetail) -> None:
        if self.base_version is None:  # the capture rests on the case as it was opened
            self.base_version = detail.summary.version
        self.detail = detail
        emit(self.case_loaded, detail)

    def rebase(self, detail: m.CaseDetail) -> None:
        """The capture now rests on the case as ``detail`` shows it: the facilitator saw what
        changed meanwhile and saves on it. A later refusal compares with this, not with the
        case as it was opened; the consent gate is computed again. (The screen's review rows
        stay as entered: no ``case_loaded``.)"""
        self.base_version = detail.summary.version
        self.detail = detail
        # the consent gate and the names to mask follow the case as it is now (a person or a
        # consent added meanwhile)
        self.update_policy(self._participants)

    def held_on(self) -> date:
        """The conference's date; today while the date field holds no date."""
        return self.date_source() or self.store.clock.today()

    def update_policy(self, participants: Sequence[m.ParticipantDraft]) -> None:
        """Recompute the consent gate for these participants and redraw (``policy_changed``).
        Nothing happens before the case is loaded."""
        self._participants = tuple(participants)
        if self.detail is None:
            return
        self.policy = screen_policy(
            participants, self.detail.consents, self.held_on(), self.detail.family.persons
        )
        emit(self.policy_changed, self.policy)

    # ------------------------------------------------------------------ names on the screen
    def text_out(self, text: str) -> str:
        """Free text as the shared screen shows it (names as initials if chosen)."""
        return self.projection.text_out(text)

    def name_out(self, name: str) -> str:
        return self.projection.name_out(name)

    # ------------------------------------------------------------------ dirty and saved
    def mark_dirty(self, *_args: object) -> None:
        if self.detail is not None:
            self._dirty = True
            emit(self.changed)

    def mark_clean(self) -> None:
        """Forget unsaved input (closing without asking)."""
        self._dirty = False

    @property
    def dirty(self) -> bool:
        return self._dirty and not self.saved

    def set_saved(self) -> None:
        """The conference is recorded (or its protocol written again): its content is fixed,
        the panels show it so (``saved_changed`` – also on each later protocol)."""
        self._dirty = False
        self.saved = True
        emit(self.saved_changed, True)
