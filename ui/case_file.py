"""The case file (Fallakte): one case in tabs.

The widget shows a ``CaseDetail`` (a frozen snapshot from the service). Every change goes
through a dialog that returns a draft, then through the service on the task runner; afterwards
the case is read again. Edits of the overview are saved explicitly (Ctrl+S); leaving with
unsaved edits asks first.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import GoalStatus, NoteKind, PersonRole, ResourceKind, Sex
from sro_case.domain.models import Help
from sro_case.errors import Conflict, PermissionDenied
from ui import case_changes
from ui.audit_labels import entity_labels
from ui.case_changes import ChangeMarkers
from ui.document_names import document_name
from ui.forms import DateField
from ui.goal_chart import GoalCourseWidget, GoalGlanceWidget
from ui.i18n import core_label
from ui.icons import icon
from ui.ops import failure_text, make_document, warn_failure
from ui.refcounts import emit
from ui.table_sorting import make_sortable
from ui.tables import ID_ROLE, Row, RowsTableModel, euros, german_date
from ui.tasks import Runner


def _label(enum: Any, value: str) -> str:
    try:
        return core_label(enum(value).label)
    except ValueError:
        return value


def _read_trail(store: Application, case_id: int) -> list[m.AuditEvent]:
    """Who touched the case. On the team server the access log is for whoever sees the whole
    file; a member of another discipline sees the file without it."""
    try:
        return store.cases.audit_trail(case_id)
    except PermissionDenied:
        return []


class ListTab(QWidget):
    """A table with buttons above it. The table itself is made when the tab is first shown
    (or asked for): eight of them made up a third of opening a case file, and most are never
    looked at. Its rows are in ``model`` from the start."""

    def __init__(self, headers: list[str], accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = self.box = QVBoxLayout(self)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.model = RowsTableModel(headers, self)
        self._accessible = accessible
        self._table: QTableView | None = None
        self._made: list[Callable[[QTableView], object]] = []  # run on the table once it exists
        self._slot = QVBoxLayout()  # where the table goes: the layouts around it keep their places
        layout.addLayout(self._slot)
        self.buttons.addStretch(1)
        self._fit_due = False

    @property
    def table(self) -> QTableView:
        """The table, made on first use."""
        return self._make_table()

    def _make_table(self) -> QTableView:
        if self._table is None:
            table = self._table = QTableView()
            table.setModel(self.model)
            table.setAccessibleName(self._accessible)
            table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
            table.setAlternatingRowColors(True)
            table.setWordWrap(True)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
            make_sortable(table)
            self._slot.addWidget(table)
            if self.isVisible():  # shown now, not when the event loop gets to it
                table.show()
            self.setFocusProxy(table)  # a tab switch by keyboard lands on the table
            self._tab_order(table)
            self._fit_due = True
            for made in self._made:
                made(table)
        return self._table

    def _tab_order(self, table: QTableView) -> None:
        """Tab goes through the tab as it looks: the controls above the table, left to right,
        then the table (a widget made later would come last in the window's order)."""
        above: list[QWidget] = []

        def walk(layout: Any) -> bool:  # True once the table's place is reached
            for i in range(layout.count()):
                item = layout.itemAt(i)
                if item.layout() is self._slot:
                    return True
                widget = item.widget()
                if widget is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    above.append(widget)
                elif item.layout() is not None and walk(item.layout()):
                    return True
            return False

        walk(self.box)
        chain = [*above, table]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    @property
    def has_table(self) -> bool:
        return self._table is not None

    def when_made(self, hook: Callable[[QTableView], object]) -> None:
        """``hook(table)`` once the table exists (at once if it does)."""
        if self._table is not None:
            hook(self._table)
        else:
            self._made.append(hook)

    def add_button(
        self, text: str, slot: Any, accessible: str = "", icon_name: str = ""
    ) -> QPushButton:
        button = QPushButton(text)
        if icon_name:
            button.setIcon(icon(icon_name))
        button.setAccessibleName(accessible or text.replace("&", "").rstrip(" …"))
        button.clicked.connect(slot)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def set_rows(self, rows: list[Row]) -> None:
        self.model.set_rows(rows)
        if self.isVisible() and self._table is not None:
            self._fit()
        else:  # a tab not shown: sized when it is (a third of opening a case file)
            self._fit_due = True

    def showEvent(self, event: QShowEvent) -> None:
        self._make_table()  # now, before it is painted
        super().showEvent(event)
        if self._fit_due:
            self._fit()

    def _fit(self) -> None:
        self._fit_due = False
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):  # the last column takes the rest
            header.resizeSection(column, min(header.sectionSize(column) + 12, 320))
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()

    def selected(self) -> Row | None:
        if self._table is None:
            return None
        idx = self._table.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None


class CaseFileWidget(QWidget):
    changed = Signal()  # a change was saved (the list may need a refresh)
    loaded = Signal()  # the case was (re)read and is shown
    status_message = Signal(str)
    conference_started = Signal(object)  # the ConferenceWindow that was opened

    def __init__(
        self,
        store: Application,
        runner: Runner,
        case_id: int,
        parent: QWidget | None = None,
        *,
        render_runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.render_runner = render_runner or runner  # PDFs (tests: the same lane)
        self.case_id = case_id
        # the case is read while the file's widgets are built (on the team server the request
        # and the building overlap); what arrives before they are ready waits for them
        self._ready = False
        self._arrived: tuple[Callable[[Any], None], Any] | None = None
        self.reload()
        self.detail: m.CaseDetail | None = None
        self.opened_from: QWidget | None = None  # the tab the file was opened from (closing)
        self.conference_window: Any = None
        self._dirty = False
        self._loading = False

        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.changed_banner = QLabel()  # someone else changed the case while input is unsaved
        self.changed_banner.setObjectName("liveBanner")
        self.changed_banner.setWordWrap(True)
        self.changed_banner.setStyleSheet(
            "QLabel#liveBanner { background: #fff4ce; border: 1px solid #c19c00; padding: 6px; }"
        )
        self.changed_banner.hide()
        layout.addWidget(self.changed_banner)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Fallakte"))
        layout.addWidget(self.tabs)
        self._build_overview()
        self.team_tab: Any = None  # the Fallteam, on the team server only
        if store.case_teams is not None:
            from ui.case_team import CaseTeamTab

            self.team_tab = CaseTeamTab(store, runner, case_id)
            self.tabs.addTab(self.team_tab, self.tr("Fallteam"))
        self.persons = ListTab(
            [
                self.tr("Vorname"),
                self.tr("Familienname"),
                self.tr("Geburtsdatum"),
                self.tr("Geschlecht"),
                self.tr("Rolle"),
            ],
            self.tr("Personen"),
        )
        self.persons.add_button(
            self.tr("&Person hinzufügen …"), self._on_add_person, icon_name="person-add"
        )
        self.edit_person_button = self.persons.add_button(
            self.tr("&Bearbeiten …"),
            self.edit_person,
            self.tr("Ausgewählte Person bearbeiten"),
            icon_name="edit",
        )
        self.edit_person_button.setToolTip(
            self.tr("Ausgewählte Person bearbeiten (Doppelklick oder Eingabe)")
        )
        self.edit_person_button.setEnabled(False)
        self.persons.when_made(self._wire_persons)
        family_row = QHBoxLayout()
        self.family_label = QLabel()
        self.family_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.family_label.setWordWrap(True)
        self.edit_family_button = QPushButton(icon("family-edit"), self.tr("Famil&ie bearbeiten …"))
        self.edit_family_button.setAccessibleName(self.tr("Familie und Anschrift bearbeiten"))
        self.edit_family_button.setToolTip(
            self.tr("Familienname, Anschrift und Sozialraum bearbeiten")
        )
        self.edit_family_button.clicked.connect(self.edit_family)
        family_row.addWidget(self.family_label, 1)
        family_row.addWidget(self.edit_family_button)
        self.persons.box.insertLayout(0, family_row)
        self.tabs.addTab(self.persons, self.tr("Familie && Personen"))

        self.notes = ListTab(
            [
                self.tr("Datum"),
                self.tr("Art"),
                self.tr("Beteiligte"),
                self.tr("von"),
                self.tr("Eintrag"),
            ],
            self.tr("Verlauf"),
        )
        self.notes.add_button(
            self.tr("&Neuer Eintrag … (Strg+N)"),
            self.add_note,
            self.tr("Neuer Eintrag"),
            icon_name="note-new",
        )
        self.note_filter = QComboBox()
        self.note_filter.setAccessibleName(self.tr("Verlauf nach Art filtern"))
        self.note_filter.addItem(self.tr("alle Arten"), None)
        for kind in NoteKind:
            self.note_filter.addItem(core_label(kind.label), kind.value)
        self.note_filter.currentIndexChanged.connect(lambda _i: self._fill_notes())
        self.notes.buttons.insertWidget(0, self.note_filter)
        self.tabs.addTab(self.notes, self.tr("Verlauf"))

        self.consents = ListTab(
            [
                self.tr("Person"),
                self.tr("Empfänger"),
                self.tr("erteilt"),
                self.tr("gültig bis"),
                self.tr("Stand"),
                self.tr("Umfang"),
            ],
            self.tr("Einwilligungen"),
        )
        self.consents.add_button(
            self.tr("Einwilligung &erfassen …"), self._on_add_consent, icon_name="consent"
        )
        self.consents.add_button(
            self.tr("&Widerrufen"), self._on_revoke_consent, icon_name="revoke"
        )
        self.tabs.addTab(self.consents, self.tr("Einwilligungen"))

        self.helps = ListTab(
            [
                self.tr("Hilfeart"),
                self.tr("Träger"),
                self.tr("Beginn"),
                self.tr("Ende"),
                self.tr("Std./Woche"),
                self.tr("Kosten/Monat"),
                self.tr("Beendigungsgrund"),
            ],
            self.tr("Hilfen"),
        )
        self.helps.add_button(self.tr("Hilfe &erfassen …"), self._on_add_help, icon_name="help-add")
        self.edit_help_button = self.helps.add_button(
            self.tr("Hilfe &ändern …"), self._on_edit_help, icon_name="edit"
        )
        self.end_help_button = self.helps.add_button(
            self.tr("Hilfe &beenden …"), self._on_end_help, icon_name="revoke"
        )
        self.helps.when_made(
            lambda table: table.doubleClicked.connect(lambda _index: self._on_edit_help())
        )
        self.tabs.addTab(self.helps, self.tr("Hilfen"))

        self.resources = ListTab([self.tr("Art"), self.tr("Beschreibung")], self.tr("Ressourcen"))
        self.resources.add_button(
            self.tr("Ressource &erfassen …"), self._on_add_resource, icon_name="resource"
        )
        self.tabs.addTab(self.resources, self.tr("Ressourcen"))

        self.conferences = ListTab(
            [
                self.tr("Datum"),
                self.tr("Art"),
                self.tr("Moderation"),
                self.tr("Teilnehmende"),
                self.tr("nächste Überprüfung"),
            ],
            self.tr("Konferenzen"),
        )
        self.conference_button = self.conferences.add_button(
            self.tr("&Konferenz starten … (Strg+K)"),
            self.start_conference,
            self.tr("Konferenz starten"),
            icon_name="conference",
        )
        self.protocol_button = self.conferences.add_button(
            self.tr("&Protokoll als PDF …"), self._on_export_protocol, icon_name="save"
        )
        self.help_plan_button = self.conferences.add_button(
            self.tr("Hilfepla&n als PDF …"), self._on_export_help_plan, icon_name="save"
        )
        self.tabs.addTab(self.conferences, self.tr("Konferenzen"))

        self.goals = ListTab(
            [
                self.tr("Ziel"),
                self.tr("Indikator"),
                self.tr("Status"),
                self.tr("letzte Bewertung"),
                self.tr("Zieldatum"),
            ],
            self.tr("Ziele"),
        )
        self._build_goal_charts()
        self.tabs.addTab(self.goals, self.tr("Ziele"))

        self.access = ListTab(
            [self.tr("Zeitpunkt"), self.tr("Wer"), self.tr("Aktion"), self.tr("Datensatz")],
            self.tr("Zugriffe"),
        )
        self.tabs.addTab(self.access, self.tr("Zugriffe"))
        self._trail_stale = True  # read when the tab is shown
        self.tabs.currentChanged.connect(self._on_tab_changed)
        # the inner tabs by keyboard wherever the focus is in the file, also in a text field
        # that would take Strg+Bild runter itself (#15)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._next_tab(step))
        self._ready = True
        if self._arrived is not None:
            deliver, value = self._arrived
            self._arrived = None
            deliver(value)

    # -- overview ------------------------------------------------------------------------
    def _build_overview(self) -> None:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        self.status_label = QLabel()
        form.addRow(self.tr("Status:"), self.status_label)
        self.opened_label = QLabel()
        form.addRow(self.tr("Fallbeginn:"), self.opened_label)
        self.worker_label = QLabel()
        form.addRow(self.tr("Fachkraft:"), self.worker_label)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setAccessibleName(self.tr("Anlass"))
        self.reason_edit.setMaximumHeight(110)
        self.reason_edit.setTabChangesFocus(True)
        reason_label = QLabel(self.tr("An&lass:"))
        reason_label.setBuddy(self.reason_edit)
        form.addRow(reason_label, self.reason_edit)
        self.flag_8a = QCheckBox(self.tr("Gefährdungseinschätzung nach § 8a SGB VIII"))
        self.flag_8a.setAccessibleName(self.tr("§ 8a"))
        flag_label = QLabel(self.tr("Kinderschutz:"))
        form.addRow(flag_label, self.flag_8a)
        self.outcome_8a = QComboBox()
        self.outcome_8a.setAccessibleName(self.tr("Ergebnis § 8a"))
        self.outcome_8a.addItem(self.tr("— noch offen —"), None)
        for item in catalogue("outcomes_8a"):
            self.outcome_8a.addItem(core_label(item.name), item.code)
        outcome_label = QLabel(self.tr("Ergebnis § 8a:"))
        outcome_label.setBuddy(self.outcome_8a)
        form.addRow(outcome_label, self.outcome_8a)
        self.review_field = DateField(optional=True)
        self.review_field.setAccessibleName(self.tr("nächste Überprüfung"))
        self.review_overdue = QLabel(self.tr("überschritten"))  # an overdue review stands out
        self.review_overdue.setObjectName("errorMessage")
        self.review_overdue.hide()
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_field)
        review_row.addWidget(self.review_overdue)
        review_row.addStretch(1)
        review_label = QLabel(self.tr("Nächste Überprüfun&g:"))
        review_label.setBuddy(self.review_field)
        form.addRow(review_label, review_row)
        self.change_markers = ChangeMarkers(  # what a colleague changed under unsaved input
            {
                "reason_for_contact": (reason_label, self.reason_edit),
                "child_protection": (flag_label, self.flag_8a),
                "outcome_8a": (outcome_label, self.outcome_8a),
                "next_review": (review_label, self.review_field),
            }
        )
        self.next_steps = QLabel()
        self.next_steps.setWordWrap(True)
        self.next_steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Nächste Schritte:"), self.next_steps)
        outer.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(icon("save"), self.tr("S&peichern (Strg+S)"))
        self.save_button.setAccessibleName(self.tr("Speichern"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status wechseln zu"))
        self.status_button = QPushButton(icon("status"), self.tr("Status &wechseln"))
        self.status_button.clicked.connect(self._on_change_status)
        self.close_button = QPushButton(icon("case-close"), self.tr("Fall a&bschließen …"))
        self.close_button.setAccessibleName(self.tr("Fall abschließen"))
        self.close_button.clicked.connect(self._on_close_case)
        self.reopen_button = QPushButton(icon("case-reopen"), self.tr("Wieder auf&nehmen …"))
        self.reopen_button.setAccessibleName(self.tr("Wieder aufnehmen"))
        self.reopen_button.clicked.connect(self._on_reopen_case)
        for w in (
            self.save_button,
            self.status_combo,
            self.status_button,
            self.close_button,
            self.reopen_button,
        ):
            buttons.addWidget(w)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.reason_edit.textChanged.connect(self._mark_dirty)
        self.flag_8a.toggled.connect(self._mark_dirty)
        self.outcome_8a.currentIndexChanged.connect(self._mark_dirty)
        self.review_field.changed.connect(self._mark_dirty)
        self.review_field.edit.textEdited.connect(self._mark_dirty)  # Strg+S before leaving
        self.tabs.addTab(page, self.tr("Überblick"))

    def _build_goal_charts(self) -> None:
        """Under the goals table: the selected goal's course and all goals at a glance."""
        row = QHBoxLayout()
        course_box = QVBoxLayout()
        course_title = QLabel(self.tr("Verlauf des ausgewählten Ziels (−2 … +2):"))
        self.goal_course = GoalCourseWidget()
        course_title.setBuddy(self.goal_course)
        course_box.addWidget(course_title)
        course_box.addWidget(self.goal_course, 1)
        glance_box = QVBoxLayout()
        glance_title = QLabel(self.tr("Alle &Ziele auf einen Blick:"))
        self.goal_glance = GoalGlanceWidget()
        glance_title.setBuddy(self.goal_glance)
        glance_box.addWidget(glance_title)
        glance_box.addWidget(self.goal_glance)
        glance_box.addStretch(1)
        row.addLayout(course_box, 1)
        row.addLayout(glance_box, 1)
        self.goals.box.addLayout(row)
        self.goals.when_made(self._wire_goals)
        self.goal_glance.current_changed.connect(self._on_glance_goal_changed)

    def _wire_persons(self, table: QTableView) -> None:
        table.activated.connect(lambda _index: self.edit_person())
        table.selectionModel().selectionChanged.connect(
            lambda *_: self.edit_person_button.setEnabled(self.persons.selected() is not None)
        )

    def _wire_goals(self, table: QTableView) -> None:
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_goal_selected(current.row())
        )
        if self.goals.model.rowCount():  # the goal the charts show (the first) is selected
            table.selectRow(0)

    def _goal_by_id(self, goal_id: int | None) -> m.Goal | None:
        if self.detail is None or goal_id is None:
            return None
        return next((g for g in self.detail.goals if g.id == goal_id), None)

    def _on_goal_selected(self, row: int) -> None:
        goal_id = (
            self.goals.model.row_at(row).id if 0 <= row < self.goals.model.rowCount() else None
        )
        self.goal_course.set_goal(self._goal_by_id(goal_id))
        self.goal_glance.set_current_goal(goal_id)

    def _on_glance_goal_changed(self, goal_id: int) -> None:
        model = self.goals.model
        for row in range(model.rowCount()):
            if model.index(row, 0).data(ID_ROLE) == goal_id:
                self.goals.table.selectRow(row)
                return

    def _show_goal_charts(self, detail: m.CaseDetail) -> None:
        self.goal_glance.set_goals(detail.goals)
        if not self.goals.has_table:  # the tab not shown yet: the charts show the first goal
            self._on_goal_selected(0 if self.goals.model.rowCount() else -1)
            return
        current = self.goals.table.currentIndex()
        if not current.isValid() and self.goals.model.rowCount():
            self.goals.table.selectRow(0)
        else:
            self._on_goal_selected(current.row() if current.isValid() else -1)

    # -- conference mode -----------------------------------------------------------------
    def start_conference(self) -> None:
        """Open the Konferenzmodus for this case (full screen, on the projector if there is
        a second screen); a second call brings the open one to the front."""
        from ui.conference import ConferenceWindow

        if self.conference_window is not None:
            self.conference_window.showFullScreen()
            self.conference_window.raise_()
            self.conference_window.activateWindow()
            return
        window = ConferenceWindow(
            self.store, self.runner, self.case_id, render_runner=self.render_runner
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.conference_saved.connect(self._on_conference_saved)
        window.closed.connect(self._on_conference_closed)
        self.conference_window = window
        window.show_on_projector()
        emit(self.conference_started, window)

    def _on_conference_saved(self, _conference_id: int) -> None:
        emit(self.status_message, self.tr("Konferenz gespeichert."))
        emit(self.changed)
        self.reload()

    def _on_conference_closed(self) -> None:
        self.conference_window = None

    def _mark_dirty(self, *_: Any) -> None:
        if not self._loading:
            self._dirty = True
            self.save_button.setEnabled(True)

    @property
    def dirty(self) -> bool:
        return self._dirty

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        store, case_id = self.store, self.case_id
        self.runner.submit(
            lambda: store.cases.get(case_id),
            lambda detail: self._when_ready(self._show, detail),
            lambda exc: self._when_ready(self._on_load_error, exc),
        )

    def _when_ready(self, deliver: Callable[[Any], None], value: Any) -> None:
        if self._ready:
            deliver(value)
        else:
            self._arrived = (deliver, value)

    def _load_trail(self) -> None:
        """The Zugriffe tab is read when it is shown (on the team server one request less
        for every case opened)."""
        if self.tabs.currentWidget() is not self.access:
            self._trail_stale = True
            return
        self._trail_stale = False
        store, case_id = self.store, self.case_id
        self.runner.submit(
            lambda: _read_trail(store, case_id), self._show_trail, self._on_load_error
        )

    def _on_tab_changed(self, _index: int) -> None:
        if self._trail_stale and self.tabs.currentWidget() is self.access:
            self._load_trail()

    def _on_load_error(self, exc: BaseException) -> None:
        warn_failure(self, self.tr("Nicht geladen"), exc, self.reload, repeatable=True)

    def mark_changed_elsewhere(self) -> None:
        """A colleague saved this case while the user has unsaved input here: say so at once,
        then read the case as it is now and mark what changed – the input stays (the save
        that follows shows both versions)."""
        self.changed_banner.setText(case_changes.notice([], []))
        self.changed_banner.show()
        store, case_id = self.store, self.case_id

        def compare(now: m.CaseDetail) -> None:
            if self.detail is None or not self._dirty:
                return  # reloaded or saved meanwhile: nothing to mark
            fields = case_changes.changed_fields(self.detail, now)
            self.change_markers.mark(fields, now)
            parts = case_changes.changed_parts(self.detail, now)
            self.changed_banner.setText(case_changes.notice(fields, parts))

        # unreadable now (the network): the general notice above stays, the input too
        self.runner.submit(lambda: store.cases.get(case_id), compare, lambda _exc: None)

    def _show(self, detail: m.CaseDetail) -> None:
        self.detail = detail
        self.changed_banner.hide()
        self.change_markers.clear()
        s = detail.summary
        statuses = catalogue("case_statuses")
        self._loading = True
        self.title.setText(f"{s.file_number} · {s.family_name} · {s.social_space}")
        flag = self.tr("  ⚠ § 8a") if detail.child_protection else ""
        self.status_label.setText(core_label(statuses.label(s.status)) + flag)
        self.opened_label.setText(
            german_date(s.opened_on) + (f" – {german_date(s.closed_on)}" if s.closed_on else "")
        )
        self.worker_label.setText(s.lead_worker or self.tr("— keine —"))
        self.reason_edit.setPlainText(detail.reason_for_contact)
        self.flag_8a.setChecked(detail.child_protection)
        self.outcome_8a.setCurrentIndex(max(0, self.outcome_8a.findData(detail.outcome_8a)))
        self.review_field.set_date(s.next_review)
        self.review_overdue.setVisible(
            s.next_review is not None
            and s.closed_on is None
            and s.next_review < self.store.clock.today()
        )
        open_steps = [st for g in detail.goals for st in g.steps if not st.done]
        open_steps.sort(key=lambda st: st.due_on or date.max)
        self.next_steps.setText(
            "\n".join(
                f"{german_date(st.due_on) or '—'}  {st.who}: {st.what}" for st in open_steps[:5]
            )
            or self.tr("keine offenen Schritte")
        )
        closed = s.status == "abgeschlossen"
        self.status_combo.clear()
        for code in statuses.by_code(s.status).get("next", []):
            self.status_combo.addItem(core_label(statuses.label(code)), code)
        self.status_combo.setEnabled(self.status_combo.count() > 0)
        self.status_button.setEnabled(self.status_combo.count() > 0)
        self.close_button.setEnabled(not closed)
        self.reopen_button.setEnabled(closed)
        self._loading = False
        self._dirty = False
        self.save_button.setEnabled(False)

        fam = detail.family
        place = " ".join(part for part in (fam.postal_code, fam.city) if part)
        address = ", ".join(part for part in (fam.street, place) if part)
        spaces = catalogue("social_spaces")
        self.family_label.setText(
            " · ".join(
                part
                for part in (
                    fam.display_name,
                    address,
                    self.tr("Sozialraum %1").replace("%1", spaces.label(fam.social_space)),
                )
                if part
            )
        )
        self.edit_person_button.setEnabled(self.persons.selected() is not None)
        self.persons.set_rows(
            [
                Row(
                    p.id,
                    (
                        p.first_name,
                        p.last_name,
                        german_date(p.birth_date),
                        _label(Sex, p.sex),
                        _label(PersonRole, p.role),
                    ),
                    sort_keys=(None, None, p.birth_date.isoformat() if p.birth_date else ""),
                )
                for p in detail.family.persons
            ]
        )
        self._fill_notes()
        names = {p.id: p.full_name for p in detail.family.persons}
        disciplines = catalogue("disciplines")
        today = self.store.clock.today()
        consent_rows = []
        for c in detail.consents:
            if c.revoked_on:
                state = self.tr("widerrufen am %1").replace("%1", german_date(c.revoked_on))
            elif c.expires_on and c.expires_on < today:
                state = self.tr("abgelaufen")
            else:
                state = self.tr("gültig")
            consent_rows.append(
                Row(
                    c.id,
                    (
                        names.get(c.person_id, ""),
                        ", ".join(core_label(disciplines.label(d)) for d in c.disciplines),
                        german_date(c.given_on),
                        german_date(c.expires_on),
                        state,
                        " · ".join(
                            part
                            for part in (
                                c.data_scope,
                                self.tr("gibt anvertraute Einträge frei")
                                if c.releases_entrusted
                                else "",
                            )
                            if part
                        ),
                    ),
                    marked=not c.valid_on(today),
                    tooltip=c.data_scope,
                )
            )
        self.consents.set_rows(consent_rows)
        help_types = catalogue("help_types")
        end_reasons = catalogue("end_reasons")
        self.helps.set_rows(
            [
                Row(
                    h.id,
                    (
                        f"{help_types.by_code(h.help_type).get('paragraph', '')} {core_label(help_types.label(h.help_type))}",
                        h.provider,
                        german_date(h.start_on),
                        german_date(h.end_on),
                        "" if h.hours_per_week is None else str(h.hours_per_week),
                        euros(h.monthly_cost_cents),
                        core_label(end_reasons.label(h.end_reason)),
                    ),
                    muted=h.end_on is not None and h.end_on < today,
                )
                for h in detail.helps
            ]
        )
        self.resources.set_rows(
            [Row(r.id, (_label(ResourceKind, r.kind), r.description)) for r in detail.resources]
        )
        kinds = catalogue("conference_kinds")
        self.conferences.set_rows(
            [
                Row(
                    c.id,
                    (
                        german_date(c.held_on),
                        core_label(kinds.label(c.kind)),
                        c.facilitator,
                        ", ".join(
                            f"{p.name} ({core_label(disciplines.label(p.discipline))})"
                            for p in c.participants
                        ),
                        german_date(c.next_review),
                    ),
                    sort_keys=(c.held_on.isoformat(),),
                )
                for c in reversed(detail.conferences)
            ]
        )
        self.goals.set_rows(
            [
                Row(
                    g.id,
                    (
                        g.text,
                        g.indicator,
                        _label(GoalStatus, g.status),
                        f"{g.reviews[-1].score:+d} ({german_date(g.reviews[-1].reviewed_on)})"
                        if g.reviews
                        else "",
                        german_date(g.target_date),
                    ),
                )
                for g in detail.goals
            ]
        )
        self._show_goal_charts(detail)
        self._load_trail()
        emit(self.loaded)
        if self.team_tab is not None:  # after the file is filled: its requests come second
            self.team_tab.load()

    def _show_trail(self, trail: list[m.AuditEvent]) -> None:
        actions, entities = self._action_labels(), entity_labels()  # once, not per row
        self.access.set_rows(
            [
                Row(
                    e.seq,
                    (
                        e.at.strftime("%d.%m.%Y %H:%M"),
                        e.actor,
                        actions.get(e.action, e.action),
                        entities.get(e.entity, e.entity),
                    ),
                    sort_keys=(e.at.isoformat(),),
                )
                for e in reversed(trail)
            ]
        )

    def _action_labels(self) -> dict[str, str]:
        return {
            "read": self.tr("geöffnet"),
            "create": self.tr("angelegt"),
            "update": self.tr("geändert"),
            "status": self.tr("Status geändert"),
            "close": self.tr("abgeschlossen"),
            "reopen": self.tr("wieder aufgenommen"),
            "revoke": self.tr("widerrufen"),
            "end": self.tr("beendet"),
            "review": self.tr("bewertet"),
            "export": self.tr("exportiert"),
            "import": self.tr("importiert"),
        }

    def _fill_notes(self) -> None:
        if self.detail is None:
            return
        kind = self.note_filter.currentData()
        rows = []
        for n in sorted(self.detail.notes, key=lambda n: (n.occurred_on, n.id), reverse=True):
            if kind and n.kind != kind:
                continue
            mark = self.tr("anvertraut (§ 65) · ") if n.entrusted else ""
            rows.append(
                Row(
                    n.id,
                    (
                        german_date(n.occurred_on),
                        _label(NoteKind, n.kind),
                        n.participants,
                        n.author,
                        mark + n.text,
                    ),
                    sort_keys=(n.occurred_on.isoformat(),),
                    marked=n.entrusted,
                    tooltip=n.text[:2000],
                )
            )
        self.notes.set_rows(rows)

    # -- actions -------------------------------------------------------------------------
    # -- documents: the conference protocol and the help plan, as the CLI writes them -----
    def ask_document(self, title: str, suggested: str) -> tuple[Path, bool] | None:
        """Where to write, and whether names appear as initials (the case's setting is the
        default; tests replace this)."""
        pseudonymize = bool(self.detail and self.detail.pseudonymize)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            self.tr("Namen im Dokument ausschreiben oder als Initialen (z. B. „A. Y.“)?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        full = box.addButton(self.tr("&Volle Namen"), QMessageBox.ButtonRole.AcceptRole)
        short = box.addButton(self.tr("&Initialen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(short if pseudonymize else full)
        box.exec()
        if box.clickedButton() not in (full, short):
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / suggested), self.tr("PDF-Dokument (*.pdf)")
        )
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        return target, box.clickedButton() is short

    def _file_number(self) -> str:
        return self.detail.summary.file_number if self.detail else str(self.case_id)

    def _on_export_protocol(self) -> None:
        row = self.conferences.selected()
        if row is None or self.detail is None:
            self._tell(self.tr("Bitte zuerst eine Konferenz in der Liste auswählen."))
            return
        conference = next((c for c in self.detail.conferences if c.id == row.id), None)
        chosen = self.ask_document(
            self.tr("Konferenzprotokoll speichern"),
            document_name(
                "Protokoll", self._file_number(), conference.held_on if conference else None
            ),
        )
        if chosen is not None:
            path, initials = chosen
            store, case_id, conference_id = self.store, self.case_id, row.id
            self._document(
                lambda: store.documents.source(
                    case_id, "protocol", conference_id=conference_id, initials=initials
                ),
                path,
                self.tr("Protokoll gespeichert: %1").replace("%1", str(path)),
            )

    def _on_export_help_plan(self) -> None:
        if self.detail is None:
            return
        chosen = self.ask_document(
            self.tr("Hilfeplan speichern"),
            document_name("Hilfeplan", self._file_number(), self.store.clock.today()),
        )
        if chosen is not None:
            path, initials = chosen
            store, case_id = self.store, self.case_id
            self._document(
                lambda: store.documents.source(case_id, "help_plan", initials=initials),
                path,
                self.tr("Hilfeplan gespeichert: %1").replace("%1", str(path)),
            )

    def _next_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        self.tabs.currentWidget().setFocus()

    def _tell(self, message: str) -> None:
        """A hint in the status bar (nothing selected, nothing to do)."""
        emit(self.status_message, message)

    def _run(
        self,
        fn: Callable[[], object],
        message: str,
        failed: Callable[[BaseException], object] | None = None,
    ) -> None:
        """A change on the lane; then the message, the list told and the file read again.
        A failure is said with "Erneut versuchen" unless ``failed`` takes it."""

        def retry(exc: BaseException) -> None:
            warn_failure(self, self.tr("Nicht gespeichert"), exc, lambda: self._run(fn, message))

        self.runner.submit(fn, lambda _result: self._after_change(message), failed or retry)

    def _after_change(self, message: str) -> None:
        emit(self.status_message, message)
        emit(self.changed)
        self.reload()

    def _document(self, source: Callable[[], m.DocumentSource], path: Path, message: str) -> None:
        def done(_written: Path) -> None:
            self._after_change(message)

        make_document(
            self.store, self.runner, self.render_runner, source, path, done, self._on_error
        )

    def _on_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Nicht gespeichert"), failure_text(exc))

    def save(self) -> None:
        if not self._dirty:
            return
        next_review = self.review_field.taken()
        if self.review_field.problem():  # no date: say so, save nothing, keep the text
            QMessageBox.warning(
                self,
                self.tr("Nicht gespeichert"),
                self.tr("Nächste Überprüfung: %1").replace("%1", self.review_field.problem() or ""),
            )
            self.review_field.edit.setFocus()
            return
        edit = m.CaseEdit(
            reason_for_contact=self.reason_edit.toPlainText(),
            child_protection=self.flag_8a.isChecked(),
            outcome_8a=self.outcome_8a.currentData(),
            next_review=next_review,
        )
        store, case_id = self.store, self.case_id
        self._dirty = False
        self.save_button.setEnabled(False)

        def refused(exc: BaseException) -> None:
            self._dirty = True  # the input is still in the fields: it stays unsaved, not lost
            self.save_button.setEnabled(True)
            if isinstance(exc, Conflict):
                self._resolve_conflict(edit, exc)
            else:  # a retry rests on the version read, so it is refused if someone saved
                warn_failure(self, self.tr("Nicht gespeichert"), exc, self.save, repeatable=True)

        self._run(lambda: store.cases.update(case_id, edit), self.tr("Fall gespeichert."), refused)

    def _resolve_conflict(self, edit: m.CaseEdit, exc: Conflict) -> None:
        """Someone else saved in between: both versions side by side, then the user's choice
        (the case as it is now was read, so a save of "mine" rests on it)."""
        from ui.conflict_dialog import MINE, THEIRS, ConflictDialog

        store, case_id = self.store, self.case_id

        def decide(theirs: m.CaseDetail) -> None:
            dialog = ConflictDialog(edit, theirs, failure_text(exc), self)
            if dialog.exec() != ConflictDialog.DialogCode.Accepted:
                return  # back to the file, the input still there
            if dialog.choice == THEIRS:
                self._dirty = False
                self.reload()
            elif dialog.choice == MINE:
                merged = dialog.merged()
                self.reason_edit.setPlainText(merged.reason_for_contact or "")
                self._dirty = True
                self.save()

        self.runner.submit(lambda: store.cases.get(case_id), decide, self._on_error)

    def confirm_leave(self) -> bool:
        """True if the file may be closed (no unsaved edits, or the user chose)."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Ungespeicherte Änderungen"),
            self.tr("Die Änderungen am Fall sind noch nicht gespeichert. Jetzt speichern?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return True
        return answer == QMessageBox.StandardButton.Discard

    def add_note(self) -> None:
        from ui.entry_dialogs import NoteDialog

        draft = NoteDialog.ask(self, today=self.store.clock.today())
        if draft is not None:
            store, case_id = self.store, self.case_id
            self._run(lambda: store.cases.add_note(case_id, draft), self.tr("Eintrag gespeichert."))

    def _on_add_person(self) -> None:
        from ui.household_dialogs import PersonDialog

        draft = PersonDialog.ask(self, today=self.store.clock.today())
        if draft is not None:
            store, case_id = self.store, self.case_id
            self._run(
                lambda: store.cases.add_person(case_id, draft), self.tr("Person gespeichert.")
            )

    def _selected_person(self) -> m.Person | None:
        row = self.persons.selected()
        if self.detail is None or row is None:
            return None
        return next((p for p in self.detail.family.persons if p.id == row.id), None)

    def edit_person(self) -> None:
        """Correct the selected person (button, double-click or Eingabe on the row)."""
        from ui.household_dialogs import PersonDialog

        person = self._selected_person()
        if person is None:
            return
        draft = PersonDialog.ask(self, today=self.store.clock.today(), person=person)
        if draft is not None:
            store, case_id = self.store, self.case_id
            self._run(
                lambda: store.cases.update_person(case_id, person.id, draft),
                self.tr("Person gespeichert."),
            )

    def edit_family(self) -> None:
        """Correct the family's name, address and Sozialraum."""
        from ui.household_dialogs import FamilyDialog

        if self.detail is None:
            return
        draft = FamilyDialog.ask(self, family=self.detail.family)
        if draft is not None:
            store, case_id = self.store, self.case_id
            self._run(
                lambda: store.cases.update_family(case_id, draft), self.tr("Familie gespeichert.")
            )

    def _on_add_consent(self) -> None:
        from ui.entry_dialogs import ConsentDialog

        if self.detail is None:
            return
        draft = ConsentDialog.ask(
            self, persons=self.detail.family.persons, today=self.store.clock.today()
        )
        if draft is not None:
            store, case_id = self.store, self.case_id
            self._run(
                lambda: store.cases.add_consent(case_id, draft),
                self.tr("Einwilligung gespeichert."),
            )

    def _on_revoke_consent(self) -> None:
        row = self.consents.selected()
        if row is None:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Einwilligung widerrufen"),
                self.tr("Die ausgewählte Einwilligung ab heute als widerrufen eintragen?"),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        store = self.store
        self._run(lambda: store.cases.revoke_consent(row.id), self.tr("Widerruf gespeichert."))

    def _on_add_help(self) -> None:
        from ui.entry_dialogs import HelpDialog

        if self.detail is None:
            return
        draft = HelpDialog.ask(
            self, persons=self.detail.family.persons, today=self.store.clock.today()
        )
        if draft is not None:
            store, case_id = self.store, self.case_id
            self._run(lambda: store.cases.add_help(case_id, draft), self.tr("Hilfe gespeichert."))

    def _selected_help(self) -> Help | None:
        row = self.helps.selected()
        if self.detail is None or row is None:
            return None
        return next((h for h in self.detail.helps if h.id == row.id), None)

    def _on_edit_help(self) -> None:
        from ui.entry_dialogs import HelpDialog

        chosen = self._selected_help()
        if chosen is None or self.detail is None:
            self._tell(self.tr("Bitte zuerst eine Hilfe in der Liste auswählen."))
            return
        draft = HelpDialog.ask(
            self, persons=self.detail.family.persons, today=self.store.clock.today(), help_=chosen
        )
        if draft is not None:
            store = self.store
            self._run(
                lambda: store.cases.update_help(chosen.id, draft), self.tr("Hilfe gespeichert.")
            )

    def _on_end_help(self) -> None:
        from ui.entry_dialogs import EndHelpDialog

        chosen = self._selected_help()
        if chosen is None:
            self._tell(self.tr("Bitte zuerst eine Hilfe in der Liste auswählen."))
            return
        if chosen.end_on is not None:
            self._tell(
                self.tr(
                    "Diese Hilfe ist schon zum %1 beendet; ändern Sie sie über „Hilfe ändern“."
                ).replace("%1", german_date(chosen.end_on))
            )
            return
        row = self.helps.selected()
        result = EndHelpDialog.ask(
            self,
            help_=chosen,
            title=row.cells[0] if row is not None else "",
            today=self.store.clock.today(),
        )
        if result is not None:
            end_on, reason = result
            store = self.store
            self._run(
                lambda: store.cases.end_help(chosen.id, end_on, reason),
                self.tr("Hilfe beendet."),
            )

    def _on_add_resource(self) -> None:
        from ui.entry_dialogs import ResourceDialog

        draft = ResourceDialog.ask(self)
        if draft is not None:
            store, case_id = self.store, self.case_id
            self._run(
                lambda: store.cases.add_resource(case_id, draft), self.tr("Ressource gespeichert.")
            )

    def _on_change_status(self) -> None:
        code = self.status_combo.currentData()
        if code:
            store, case_id = self.store, self.case_id
            self._run(lambda: store.cases.change_status(case_id, code), self.tr("Status geändert."))

    def _on_close_case(self) -> None:
        from ui.lifecycle_dialogs import CloseCaseDialog

        if self.detail is None or not self.confirm_leave():
            return
        running = [h for h in self.detail.helps if h.end_on is None]
        result = CloseCaseDialog.ask(
            self,
            today=self.store.clock.today(),
            opened_on=self.detail.summary.opened_on,
            running=[self._help_title(h) for h in running],
        )
        if result is not None:
            reason, closed_on, end_helps = result
            store, case_id = self.store, self.case_id
            self._run(
                lambda: store.cases.close(case_id, reason, closed_on, end_running_helps=end_helps),
                self.tr("Fall abgeschlossen."),
            )

    @staticmethod
    def _help_title(h: Help) -> str:
        help_types = catalogue("help_types")
        paragraph = help_types.by_code(h.help_type).get("paragraph", "")
        title = f"{paragraph} {core_label(help_types.label(h.help_type))}".strip()
        return f"{title} ({h.provider})" if h.provider else title

    def _on_reopen_case(self) -> None:
        from ui.lifecycle_dialogs import ReopenDialog

        reason = ReopenDialog.ask(self)
        if reason is not None:
            store, case_id = self.store, self.case_id
            self._run(
                lambda: store.cases.reopen(case_id, reason), self.tr("Fall wieder aufgenommen.")
            )
