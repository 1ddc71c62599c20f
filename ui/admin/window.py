"""Verwaltung (admins only): users and their key slots, the audit chain, deletion periods,
backups and restores — the client side of what the facade (``sro_case.app``) already offers.

Everything runs on the task runner (one database thread) behind a busy indicator; the pages
only react to results. The window is one of the main window's: it hides and drops every row
it holds as soon as the main window locks, like the case list does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTabWidget, QVBoxLayout, QWidget

from sro_case.app import Application
from sro_case.domain.enums import Role
from ui.admin.audit_chain import AuditLogPage
from ui.admin.backup import BackupPage
from ui.admin.page import AdminPage
from ui.admin.retention import RetentionPage
from ui.admin.users import UsersPage
from ui.tasks import Runner


class AdminWindow(QWidget):
    """The four Verwaltung pages in tabs, in a window of its own beside the main window."""

    PAGES = ("users", "audit", "retention", "backup")

    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Verwaltung — SRO-Fallmanagement"))
        self.resize(1100, 680)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.users = UsersPage(store, runner)
        self.audit = AuditLogPage(store, runner)
        self.retention = RetentionPage(store, runner)
        self.backup = BackupPage(store, runner)
        self.tabs.addTab(self.users, self.tr("Benutzer"))
        self.tabs.addTab(self.audit, self.tr("Protokollkette"))
        self.tabs.addTab(self.retention, self.tr("Löschfristen"))
        self.tabs.addTab(self.backup, self.tr("Datensicherung"))
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def page(self, name: str) -> AdminPage:
        return {
            "users": self.users,
            "audit": self.audit,
            "retention": self.retention,
            "backup": self.backup,
        }[name]

    def show_page(self, name: str) -> AdminPage:
        page = self.page(name)
        if self.tabs.currentWidget() is page:
            self._on_tab_changed(self.tabs.currentIndex())
        else:
            self.tabs.setCurrentWidget(page)
        self.show()
        self.raise_()
        self.activateWindow()
        return page

    def _on_tab_changed(self, index: int) -> None:
        """Every visit shows the current state (the other pages or the case files may have
        changed it meanwhile)."""
        page = self.tabs.widget(index)
        if isinstance(page, AdminPage) and not page.working:
            page.reload()

    def clear(self) -> None:
        """Hide and drop every row (the main window locked)."""
        self.hide()
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if isinstance(page, AdminPage):
                page.clear()


def build_admin_menu(window: Any) -> QMenu | None:
    """The Verwaltung menu of the main window, for admins only (None for everyone else)."""
    if window.store.role != Role.ADMIN.value:
        return None
    tr = QCoreApplication.translate
    menu: QMenu = window.menuBar().addMenu(tr("AdminMenu", "&Verwaltung"))
    window.admin_window = None

    def open_page(name: str) -> None:
        if window.locked:
            return
        if window.admin_window is None:
            window.admin_window = AdminWindow(window.store, window.runner, window)
            window.admin_window.retention.cases_changed.connect(window.refresh)
        window.admin_window.show_page(name)

    for name, text in (
        ("users", tr("AdminMenu", "&Benutzer …")),
        ("audit", tr("AdminMenu", "&Protokollkette …")),
        ("retention", tr("AdminMenu", "&Löschfristen …")),
        ("backup", tr("AdminMenu", "&Datensicherung …")),
    ):
        action = QAction(text, window)
        action.triggered.connect(lambda _checked=False, n=name: open_page(n))
        menu.addAction(action)

    def on_stack_changed(index: int) -> None:  # the lock page came up: drop the admin rows
        if window.stack.widget(index) is window.lock_page and window.admin_window is not None:
            window.admin_window.clear()

    window.stack.currentChanged.connect(on_stack_changed)
    return menu
