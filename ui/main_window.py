"""The main window: case list, due dates and open case files as tabs; lock screen; settings.

All database work runs on the task runner (one database thread); this window only reacts to
results. Locking hides every page, drops decrypted rows from the models and closes the
database's pooled connections; case files with unsaved input stay (hidden) so nothing typed
is lost, and come back after the passphrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QTabWidget, QWidget

from sro_case import __version__
from sro_case.errors import WrongPassphrase
from ui.admin import build_admin_menu
from ui.case_file import CaseFileWidget
from ui.case_list import CaseListPage
from ui.deadlines_page import DeadlinesPage
from ui.i18n import error_text
from ui.lock import DEFAULT_IDLE_MINUTES, IdleWatcher, LockPage
from ui.refcounts import emit
from ui.statistics_only import StatisticsOnlyPage, restrict_to_statistics, statistics_only
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from sro_case.app import Application
    from sro_case.domain.models import User
    from sro_case.export.tables import StatisticsExport
    from ui.start_dialog import Choice
    from ui.tasks import Runner


def first_size(available: QSize) -> QSize:
    """1280 × 800, or less where the screen's free area is smaller: on a 1366 × 768 office
    laptop the status bar stayed below the taskbar (#15)."""
    return QSize(
        min(1280, max(800, available.width() - 40)), min(800, max(560, available.height() - 60))
    )


class _LiveBridge(QObject):
    """Hands the team server's live updates from their thread to the GUI thread."""

    changed = Signal(str, int)
    ended = Signal()  # the session ended on the server


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    # another database chosen from Datei → Datenbank wechseln (path, fill with demo data)
    switch_requested = Signal(object)

    def __init__(self, store: Application, runner: Runner, *, idle_clock: Any = None) -> None:
        super().__init__()
        self.store = store
        self.runner = runner
        # PDFs render on a lane of their own: a long protocol does not hold the case list
        self.render_runner: Runner = TaskRunner(self) if isinstance(runner, TaskRunner) else runner
        self._switch_to: Choice | None = None  # Datei → Datenbank wechseln
        self.locked = False
        self.conference_windows: list[Any] = []  # open Konferenzmodus windows
        self._last_statistics_period: Any = None  # the export dialog starts from it
        self.setWindowTitle(
            self.tr("SRO-Fallmanagement — %1").replace("%1", self._where(short=True))
        )
        self.stack = QStackedWidget()
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self._on_tab_close_requested)
        self.case_list = CaseListPage(store, runner)
        self.case_list.case_activated.connect(self.open_case)
        self.deadlines = DeadlinesPage(store, runner)
        self.deadlines.case_activated.connect(self.open_case)
        self.tabs.addTab(self.case_list, self.tr("Fälle"))
        self.tabs.addTab(self.deadlines, self.tr("Fristen"))
        for fixed in (0, 1):
            self.tabs.tabBar().setTabButton(
                fixed, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
        self.lock_page = LockPage()
        self.lock_page.unlock_requested.connect(self._on_unlock_requested)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_page)
        self.home: QWidget = self.tabs  # what the unlocked window shows
        if statistics_only(store.role):  # Controlling: the anonymised export, no case data
            self.home = StatisticsOnlyPage(self.export_statistics)
            self.stack.insertWidget(0, self.home)
            self.stack.setCurrentWidget(self.home)
        self.setCentralWidget(self.stack)
        self.statusBar().showMessage(self._status_text())
        self._build_menus()
        self._build_toolbar()

        settings = QSettings()
        minutes = int(str(settings.value("ui/idle_minutes", DEFAULT_IDLE_MINUTES)))
        kwargs = {"clock": idle_clock} if idle_clock is not None else {}
        self.idle = IdleWatcher(minutes * 60, parent=self, **kwargs)
        self.idle.idle.connect(self.lock)

        self.resize(first_size(self.screen().availableGeometry().size()))
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if self.home is not self.tabs:
            restrict_to_statistics(self)
        self.refresh()  # the Fristen load when first shown (DeadlinesPage)
        # live updates (team server): a colleague's change reloads the list, the Fristen and
        # the open case files within a second; a file with unsaved input is marked instead
        self._live_bridge = _LiveBridge(self)
        self._live_bridge.changed.connect(self._on_live_change)
        self._live_bridge.ended.connect(self._on_session_ended)
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(250)  # several changes at once: one reload
        self._live_timer.timeout.connect(self._apply_live)
        self._live_changed: dict[str, int] = {}  # file number → the newest version announced
        self._stop_live: Any = None
        self._start_live()
        if self.home is self.tabs:
            # typing right after unlocking searches (the focus landed on the "Fälle" tab,
            # where neither typing nor ↓ did anything)
            self.case_list.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- live updates (team server) ----------------------------------------------------------
    def _start_live(self) -> None:
        if self._stop_live is None and self.home is self.tabs:
            bridge = self._live_bridge
            self._stop_live = self.store.live(
                lambda number, version: emit(bridge.changed, number, version),
                lambda: emit(bridge.ended),
            )

    def _end_live(self) -> None:
        if self._stop_live is not None:
            self._stop_live()
            self._stop_live = None

    def _on_session_ended(self) -> None:
        """The team server ended the session (expired, or the account was removed): lock,
        keeping what is typed; unlocking signs in again."""
        self._stop_live = None
        if not self.locked:
            self.lock()
        self.lock_page.show_error(
            self.tr(
                "Ihre Sitzung am Teamserver ist abgelaufen. Bitte geben Sie Ihre Passphrase ein, "
                "um weiterzuarbeiten; ungespeicherte Eingaben bleiben erhalten."
            )
        )

    def _on_live_change(self, file_number: str, version: int) -> None:
        self._live_changed[file_number] = max(version, self._live_changed.get(file_number, 0))
        self._live_timer.start()

    def _apply_live(self) -> None:
        changed, self._live_changed = self._live_changed, {}
        if self.locked or not changed:
            return
        for widget in self.open_case_widgets():
            if widget.detail is None or widget.detail.summary.file_number not in changed:
                continue
            number = widget.detail.summary.file_number
            if widget.detail.summary.version >= changed[number]:
                # shown already: this user's own save, read back – and the case list was read
                # again with it (the file's ``changed``): no second read of the list
                del changed[number]
            elif widget.dirty:  # what is being typed stays; the file says it changed meanwhile
                widget.mark_changed_elsewhere()
            else:
                widget.reload()
        if changed:
            self.refresh(live=True)
            self.statusBar().showMessage(
                self.tr("Geändert auf dem Teamserver: %1").replace(
                    "%1", ", ".join(sorted(changed))
                ),
                5000,
            )

    def _where(self, *, short: bool = False) -> str:
        """Where the data lives: the team server by its address, or the file on this PC."""
        if self.store.team_server:
            host = self.store.team_server.rsplit(":", 1)[0] if short else self.store.team_server
            return self.tr("Teamserver %1").replace("%1", host)
        return self.store.path.name if short else str(self.store.path)

    def _status_text(self) -> str:
        if self.store.team_server:
            return (
                self.tr("%1 · angemeldet als %2 · Version %3")
                .replace("%1", self._where())
                .replace("%2", self.store.actor)
                .replace("%3", __version__)
            )
        return (
            self.tr("Datenbank: %1 · angemeldet: %2 · Version %3")
            .replace("%1", str(self.store.path))
            .replace("%2", self.store.actor)
            .replace("%3", __version__)
        )

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Datei"))
        self.new_case_action = self._action(
            file_menu, self.tr("&Neuer Fall …"), self.new_case, "Ctrl+Shift+N"
        )
        self.lock_action = self._action(file_menu, self.tr("&Sperren"), self.lock, "Ctrl+L")
        self._action(file_menu, self.tr("Datenbank &wechseln …"), self.switch_database)
        self._action(file_menu, self.tr("&Einstellungen …"), self.open_settings, "Ctrl+,")
        self._action(file_menu, self.tr("&Passphrase ändern …"), self.change_passphrase)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Beenden"), self.close, QKeySequence.StandardKey.Quit)
        self.case_menu = case_menu = bar.addMenu(self.tr("&Fall"))
        self.save_action = self._action(
            case_menu, self.tr("&Speichern"), self.save_current, QKeySequence.StandardKey.Save
        )
        self.note_action = self._action(
            case_menu, self.tr("Neuer &Verlaufseintrag …"), self.add_note_current, "Ctrl+N"
        )
        self._action(case_menu, self.tr("Fallakte &schließen"), self.close_current_case, "Ctrl+W")
        self.conference_action = self._action(
            case_menu, self.tr("&Konferenzmodus …"), self.start_conference_current, "Ctrl+K"
        )
        self.view_menu = view_menu = bar.addMenu(self.tr("&Ansicht"))
        self._action(view_menu, self.tr("&Fälle"), lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")
        self._action(view_menu, self.tr("F&risten"), self._show_deadlines, "Ctrl+2")
        self.search_action = self._action(
            view_menu, self.tr("&Suchen"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.refresh_action = self._action(
            view_menu, self.tr("&Aktualisieren"), self.refresh, QKeySequence.StandardKey.Refresh
        )
        stats_menu = bar.addMenu(self.tr("&Statistik"))
        self.export_action = self._action(
            stats_menu,
            self.tr("Anonymisierte Statistik &exportieren …"),
            self.export_statistics,
            "Ctrl+Shift+E",
        )
        build_admin_menu(self)  # "Verwaltung", admins only
        help_menu = bar.addMenu(self.tr("&Hilfe"))
        self._action(help_menu, self.tr("Ü&ber SRO-Fallmanagement …"), self.about)

    def _build_toolbar(self) -> None:
        """The most used menu actions (the same QAction objects) with icons; each tooltip
        names the shortcut."""
        from ui.icons import icon

        self.toolbar = self.addToolBar(self.tr("Werkzeugleiste"))
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setAccessibleName(self.tr("Werkzeugleiste"))
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(20, 20))
        groups = [
            [
                (self.new_case_action, "case-new", self.tr("Neuer Fall")),
                (self.save_action, "save", self.tr("Speichern")),
                (self.note_action, "note-new", self.tr("Neuer Eintrag")),
                (self.conference_action, "conference", self.tr("Konferenz")),
            ],
            [
                (self.search_action, "search", self.tr("Suchen")),
                (self.refresh_action, "refresh", self.tr("Aktualisieren")),
            ],
            [(self.export_action, "statistics-export", self.tr("Statistik"))],
            [(self.lock_action, "lock", self.tr("Sperren"))],
        ]
        for i, group in enumerate(groups):
            if i:
                self.toolbar.addSeparator()
            for action, name, short in group:
                action.setIcon(icon(name))
                action.setIconText(short)
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                full = action.text().replace("&", "").rstrip(" …")
                action.setToolTip(f"{full} ({keys})" if keys else full)
                self.toolbar.addAction(action)
                button = self.toolbar.widgetForAction(action)
                if button is not None:
                    button.setAccessibleName(full)
                    button.setAccessibleDescription(action.toolTip())
        self.tabs.currentChanged.connect(self._update_case_actions)
        self._update_case_actions()

    def _update_case_actions(self, *_args: object) -> None:
        """Saving, a new entry and the conference need an open case file in front."""
        if self.home is not self.tabs:  # Controlling: these actions stay hidden and off
            return
        has_case = self.current_case() is not None
        for action in (self.save_action, self.note_action, self.conference_action):
            action.setEnabled(has_case)

    # -- navigation ----------------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        for i in range(2, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, CaseFileWidget) and widget.case_id == case_id:
                self.tabs.setCurrentIndex(i)
                return
        came_from = self.tabs.currentWidget()
        widget = CaseFileWidget(self.store, self.runner, case_id, render_runner=self.render_runner)
        widget.opened_from = came_from
        widget.changed.connect(self.refresh)
        widget.conference_started.connect(self._on_conference_started)
        widget.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        index = self.tabs.addTab(widget, self.tr("Fall …"))

        def retitle() -> None:
            if widget.detail is not None:
                i = self.tabs.indexOf(widget)
                if i >= 0:
                    self.tabs.setTabText(i, widget.detail.summary.file_number)

        widget.loaded.connect(retitle)
        retitle()  # in case it loaded already (an inline runner in tests)
        self.tabs.setCurrentIndex(index)

    def current_case(self) -> CaseFileWidget | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, CaseFileWidget) else None

    def open_case_widgets(self) -> list[CaseFileWidget]:
        return [
            w
            for i in range(self.tabs.count())
            if isinstance(w := self.tabs.widget(i), CaseFileWidget)
        ]

    def _on_tab_close_requested(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, CaseFileWidget) and widget.confirm_leave():
            # back where the case was opened (the list or the Fristen), not to whichever tab
            # is next to it – passing over the Fristen read them again
            came_from = widget.opened_from
            current = index == self.tabs.currentIndex()
            if current and came_from is not None and self.tabs.indexOf(came_from) >= 0:
                self.tabs.setCurrentWidget(came_from)
            self.tabs.removeTab(index)
            widget.deleteLater()

    def close_current_case(self) -> None:
        index = self.tabs.currentIndex()
        if index >= 2:
            self._on_tab_close_requested(index)

    def save_current(self) -> None:
        case = self.current_case()
        if case is not None:
            case.save()

    def add_note_current(self) -> None:
        case = self.current_case()
        if case is not None:
            case.add_note()

    def start_conference_current(self) -> None:
        case = self.current_case()
        if case is not None and not self.locked:
            case.start_conference()

    def _on_conference_started(self, window: Any) -> None:
        """A conference is attended and on a shared screen: the idle lock would pop up on the
        projector, so it pauses until the last conference window closes."""
        self.conference_windows.append(window)
        self.idle.enabled = False
        window.closed.connect(lambda: self._on_conference_closed(window))

    def _on_conference_closed(self, window: Any) -> None:
        if window in self.conference_windows:
            self.conference_windows.remove(window)
        if not self.conference_windows and not self.locked:
            self.idle.touch()
            self.idle.enabled = True

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()

    def _show_deadlines(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.deadlines.reload()

    def _created(self, case_id: int) -> None:
        self.refresh()
        self.open_case(case_id)

    def refresh(self, *, live: bool = False) -> None:
        """Read the list and the Fristen again (F5); ``live``: because a colleague changed a
        case – the list as filtered now, without overtaking a search on its way."""
        if not self.locked and self.home is self.tabs:
            if live:
                self.case_list.model.refresh()
            else:
                self.case_list.apply_filter()
            if self.deadlines.isVisible():
                self.deadlines.reload()
            else:
                self.deadlines.clear()  # reloaded when shown

    def new_case(self) -> None:
        """Neuer Fall: the colleagues for "fallführende Fachkraft" are read on the database
        lane first, the duplicate search runs there too while the user types."""
        if self.locked:
            return
        store = self.store
        self.runner.submit(
            lambda: [u for u in store.users.list() if u.role in ("caseworker", "admin")],
            self._ask_new_case,
            lambda exc: QMessageBox.warning(self, self.tr("Neuer Fall"), error_text(exc)),
        )

    def _ask_new_case(self, workers: list[User]) -> None:
        from ui.new_case_dialog import NewCaseDialog, OpenExisting

        if self.locked:
            return
        store = self.store
        result = NewCaseDialog.ask(
            self,
            find_duplicates=store.cases.find_duplicates,
            workers=workers,
            today=store.clock.today(),
            runner=self.runner,
        )
        if isinstance(result, OpenExisting):
            self.open_case(result.case_id)
        elif result is not None:
            self.runner.submit(
                lambda: store.cases.create(result),
                lambda summary: self._created(summary.id),
                lambda exc: QMessageBox.warning(
                    self, self.tr("Nicht gespeichert"), error_text(exc)
                ),
            )

    # -- lock ----------------------------------------------------------------------------
    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.idle.enabled = False
        for conference in self.conference_windows:
            conference.lock_screen()  # curtain down until the passphrase is given again
        self.case_list.clear()
        self.deadlines.clear()
        for widget in self.open_case_widgets():
            if not widget.dirty:  # nothing typed to keep: drop the decrypted file entirely
                self.tabs.removeTab(self.tabs.indexOf(widget))
                widget.deleteLater()
        self.stack.setCurrentWidget(self.lock_page)
        self.lock_page.reset()
        self.toolbar.setEnabled(False)  # nothing to do on a locked screen but unlock
        self._end_live()
        self.store.release_caches()  # close pooled connections and their page caches
        self.statusBar().showMessage(self.tr("Gesperrt · %1").replace("%1", self._where()))

    def _on_unlock_requested(self, secret: str) -> None:
        store = self.store
        self.runner.submit(
            lambda: store.verify_passphrase(secret),
            lambda _login: self.unlock_done(),
            self._on_unlock_failed,
        )

    def _on_unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphrase):
            self.lock_page.show_error(self.tr("Die Passphrase ist falsch. Bitte erneut versuchen."))
        else:
            self.lock_page.show_error(error_text(exc))

    def unlock_done(self) -> None:
        self.locked = False
        self.stack.setCurrentWidget(self.home)
        self.toolbar.setEnabled(True)
        self.statusBar().showMessage(self._status_text())
        self.idle.touch()
        self.idle.enabled = not self.conference_windows
        for conference in self.conference_windows:
            conference.unlock_screen()
        self.refresh()
        self._start_live()

    # -- statistics ------------------------------------------------------------------------
    def export_statistics(self) -> None:
        """Ask for the period and the minimum cell size, build off the GUI thread, preview
        exactly what leaves, then write."""
        from PySide6.QtWidgets import QProgressDialog

        from ui.export_dialog import StatisticsExportDialog
        from ui.statistics_period import StatisticsPeriodDialog

        if self.locked:
            return
        period = StatisticsPeriodDialog.ask(
            self, today=self.store.clock.today(), initial=self._last_statistics_period
        )
        if period is None:
            return
        self._last_statistics_period = period  # offered again next time (this session)
        store = self.store
        self.statusBar().showMessage(self.tr("Statistik wird berechnet …"))
        # seconds on a city-sized database: a busy indicator, the window stays usable
        busy = QProgressDialog(self.tr("Statistik wird berechnet …"), "", 0, 0, self)
        busy.setCancelButton(None)
        busy.setWindowTitle(self.tr("Statistik exportieren"))
        busy.setMinimumDuration(300)
        busy.setValue(0)

        def finished() -> None:
            busy.close()
            busy.deleteLater()
            self.statusBar().showMessage(self._status_text())

        def failed(exc: BaseException) -> None:
            finished()
            QMessageBox.warning(self, self.tr("Nicht exportiert"), error_text(exc))

        def built(export: StatisticsExport) -> None:
            finished()
            path = StatisticsExportDialog.ask(export, self)
            if path is None:
                return
            self.runner.submit(
                lambda: store.statistics.write(export, path),
                lambda written: QMessageBox.information(
                    self, self.tr("Statistik exportiert"), written.summary()
                ),
                lambda exc: QMessageBox.warning(self, self.tr("Nicht exportiert"), error_text(exc)),
            )

        self.runner.submit(
            lambda: store.statistics.build(
                period.date_from, period.date_to, min_cell=period.min_cell
            ),
            built,
            failed,
        )

    # -- settings and about --------------------------------------------------------------
    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        settings = QSettings()
        language = str(settings.value("ui/language", "de"))
        minutes = int(str(settings.value("ui/idle_minutes", DEFAULT_IDLE_MINUTES)))
        result = SettingsDialog.ask(self, language=language, idle_minutes=minutes)
        if result is None:
            return
        new_language, new_minutes = result
        settings.setValue("ui/idle_minutes", new_minutes)
        self.idle.idle_seconds = new_minutes * 60
        if new_language != language:
            settings.setValue("ui/language", new_language)
            emit(self.language_changed, new_language)

    def change_passphrase(self) -> None:
        from ui.admin import ChangePassphraseDialog

        if not self.locked and ChangePassphraseDialog.ask(self, self.store, self.runner):
            self.statusBar().showMessage(self.tr("Ihre Passphrase wurde geändert."), 8000)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Über SRO-Fallmanagement"),
            self.tr(
                "<b>SRO-Fallmanagement %1</b><br>Interdisziplinäres Fallmanagement in der Kinder- und "
                "Jugendhilfe nach SGB VIII – Sozialraumorientierung der Hansestadt Rostock.<br><br>"
                "Datenbank: %2"
            )
            .replace("%1", __version__)
            .replace("%2", self._where()),
        )

    def switch_database(self) -> None:
        """The start screen (anlegen / öffnen / Demo) from the File menu (#15): this window
        closes as on quitting (asking about unsaved input, backing up), then the chosen
        database is unlocked."""
        from sro_case.paths import default_database_path
        from ui.start_dialog import StartDialog

        choice = StartDialog.ask(default_database_path())
        if choice is None:
            return
        self._switch_to = choice
        if not self.close():
            self._switch_to = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(w.confirm_leave() for w in self.open_case_widgets()):
            event.ignore()
            return
        if not all(c.close() for c in list(self.conference_windows)):
            event.ignore()
            return
        QSettings().setValue("main/geometry", self.saveGeometry())
        self.idle.stop()
        self._end_live()
        self.case_list.clear()
        self.runner.wait()
        event.accept()
        super().closeEvent(event)
        choice = self._switch_to
        if choice is not None:
            emit(self.switch_requested, choice)
