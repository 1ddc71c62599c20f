"""Verwaltung (admins only): users and their key slots, the audit chain, deletion periods,
backups and restores — the client side of what ``sro_case.services`` already offers.

Everything runs on the task runner (one database thread) behind a busy indicator; the pages
only react to results. The window is one of the main window's: it hides and drops every row
it holds as soon as the main window locks, like the case list does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain.enums import Role
from sro_case.domain.models import CaseEdit
from sro_case.services.audit_log import AuditFilter, AuditRow
from sro_case.services.backup import DEFAULT_KEEP, BackupService
from sro_case.services.retention import MAX_PERIOD_YEARS, PERIOD_CATEGORIES
from ui.admin_dialogs import (
    NewUserDialog,
    RetentionPeriodsDialog,
    confirm_deletion,
    confirm_removal,
)
from ui.i18n import core_label, error_text
from ui.tables import ID_ROLE, HeaderedTableModel, Row, RowsTableModel, german_date

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


def german_time(value: datetime) -> str:
    return value.strftime("%d.%m.%Y %H:%M")


def _setup_table(view: QTableView, model: Any, *, multi: bool = False) -> None:
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.ExtendedSelection if multi else QAbstractItemView.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    view.setWordWrap(False)


def _selected_rows(view: QTableView) -> list[int]:
    return sorted({i.row() for i in view.selectionModel().selectedRows()})


class AdminPage(QWidget):
    """Shared frame of the pages: a busy bar and one message line under the content.

    ``run()`` submits work to the task runner, disables the page's buttons meanwhile and
    shows a failure as a German message; ``done`` runs on the GUI thread. ``cases_changed``
    tells the main window to reload its case list (after a deletion or a legal hold).
    """

    cases_changed = Signal()

    def __init__(self, store: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.layout_ = QVBoxLayout(self)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Bitte warten"))
        self.busy.setFormat("")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.PlainText)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.buttons: list[QPushButton] = []
        self.working = False
        self._generation = 0  # clear() drops the answers of work still under way

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.message)

    def button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        self.buttons.append(b)
        return b

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setObjectName("errorMessage" if error else "okMessage")
        self.message.setStyleSheet("" if error else "color: #1b5e20;")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def run(
        self, work: Callable[[], Any], done: Callable[[Any], None], busy_text: str = ""
    ) -> None:
        self.working = True
        generation = self._generation
        self.busy.setVisible(True)
        for b in self.buttons:
            b.setEnabled(False)
        if busy_text:
            self.show_message(busy_text)

        def finished(result: Any) -> None:
            self._idle()
            if generation == self._generation:
                done(result)

        def failed(exc: BaseException) -> None:
            self._idle()
            if generation == self._generation:
                self.show_message(error_text(exc), error=True)

        self.runner.submit(work, finished, failed)

    def _idle(self) -> None:
        self.working = False
        self.busy.setVisible(False)
        for b in self.buttons:
            b.setEnabled(True)
        self.update_buttons()

    def update_buttons(self) -> None:
        """Enable what fits the selection (subclasses)."""

    def reload(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Drop every row (the application locks)."""
        self._generation += 1
        self.message.clear()


# --------------------------------------------------------------------------- users


class UsersPage(AdminPage):
    def __init__(self, store: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(store, runner, parent)
        intro = QLabel(
            self.tr(
                "Jede Person meldet sich mit ihrer eigenen Passphrase an (eigener Schlüsselplatz). "
                "Ein entfernter Zugang bleibt deaktiviert in der Liste, damit das Protokoll die "
                "Person weiter nennt."
            )
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.model = RowsTableModel(
            [
                self.tr("Anmeldename"),
                self.tr("Name"),
                self.tr("Rolle"),
                self.tr("Status"),
                self.tr("Eigene Passphrase"),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Benutzer/innen"))
        _setup_table(self.view, self.model)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.layout_.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.add_button = self.button(self.tr("Benutzer/in &anlegen …"), self.add_user)
        self.remove_button = self.button(self.tr("Zugang &entfernen …"), self.remove_user)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.finish_layout()
        self.update_buttons()

    def _role_label(self, role: str) -> str:
        labels = {
            Role.CASEWORKER.value: self.tr("Fachkraft"),
            Role.FACILITATOR.value: self.tr("Moderation"),
            Role.CONTROLLING.value: self.tr("Controlling"),
            Role.ADMIN.value: self.tr("Admin"),
        }
        return labels.get(role, role)

    def reload(self) -> None:
        store = self.store

        def done(result: tuple[list[Any], set[str]]) -> None:
            users, slots = result
            self.model.set_rows(
                [
                    Row(
                        u.id,
                        (
                            u.login,
                            u.name,
                            self._role_label(u.role),
                            self.tr("aktiv") if u.active else self.tr("deaktiviert"),
                            self.tr("ja") if u.login in slots else self.tr("nein"),
                        ),
                        muted=not u.active,
                        extra={"login": u.login, "name": u.name, "active": u.active},
                    )
                    for u in users
                ]
            )
            self.view.resizeColumnsToContents()
            self.update_buttons()

        self.run(lambda: (store.users.list(), store.users.key_slot_logins()), done)

    def selected(self) -> Row | None:
        rows = _selected_rows(self.view)
        return self.model.row_at(rows[0]) if rows else None

    def update_buttons(self, *_args: object) -> None:
        if self.working:
            return
        row = self.selected()
        self.remove_button.setEnabled(
            row is not None and row.extra["active"] and row.extra["login"] != self.store.actor
        )

    def add_user(self) -> None:
        asked = self._generation
        new = NewUserDialog.ask(self)
        if new is None or asked != self._generation:  # locked meanwhile: sign in again first
            return
        store = self.store

        def done(user: Any) -> None:
            self.show_message(
                self.tr(
                    "%1 (%2) wurde angelegt und kann sich mit der vergebenen Passphrase anmelden."
                )
                .replace("%1", user.name)
                .replace("%2", user.login)
            )
            self.reload_keep_message()

        self.run(
            lambda: store.users.add_with_passphrase(new.draft, new.passphrase),
            done,
            self.tr("Schlüsselplatz wird angelegt …"),
        )

    def remove_user(self) -> None:
        row = self.selected()
        if row is None:
            return
        login, name = row.extra["login"], row.extra["name"]
        asked = self._generation
        if not confirm_removal(self, login, name) or asked != self._generation:
            return
        store = self.store

        def done(_result: object) -> None:
            self.show_message(
                self.tr(
                    "Der Zugang von %1 wurde entfernt. Hat die Person eine Kopie der "
                    "Schlüsseldatei (etwa aus einer Sicherung), erneuern Sie zusätzlich den "
                    "Datenbankschlüssel (sro-case rotate-key)."
                ).replace("%1", name)
            )
            self.reload_keep_message()

        self.run(lambda: store.users.remove(login), done)

    def reload_keep_message(self) -> None:
        text = self.message.text()
        self.reload()
        self.show_message(text)


# --------------------------------------------------------------------------- audit chain


class AuditLogModel(HeaderedTableModel):
    """The audit log, newest first, fetched page by page as the view scrolls (like the case
    list). Rows are ``AuditRow``s from the audit log service; ``data()`` never queries."""

    loaded = Signal(int)
    failed = Signal(object)

    def __init__(self, store: Any, runner: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._rows: list[AuditRow] = []
        self._total = 0
        self._filter = AuditFilter()
        self.broken: set[int] = set()  # entries the last chain check named
        self._generation = 0
        self._fetching = False
        self._headers = [
            self.tr("Nr."),
            self.tr("Zeit"),
            self.tr("Benutzer/in"),
            self.tr("Aktion"),
            self.tr("Fall"),
            self.tr("Details"),
        ]
        self.action_labels = {
            "create": self.tr("angelegt"),
            "read": self.tr("gelesen"),
            "update": self.tr("geändert"),
            "delete": self.tr("gelöscht"),
            "status": self.tr("Status geändert"),
            "close": self.tr("abgeschlossen"),
            "reopen": self.tr("wieder aufgenommen"),
            "revoke": self.tr("widerrufen"),
            "end": self.tr("beendet"),
            "export": self.tr("exportiert"),
            "backup": self.tr("Sicherung"),
            "restore": self.tr("Wiederherstellung"),
            "retention": self.tr("Löschung nach Frist"),
            "rotate_key": self.tr("Schlüsselwechsel"),
            "login_failed": self.tr("Anmeldung fehlgeschlagen"),
            "import": self.tr("Import"),
            "demo": self.tr("Demodaten"),
        }
        self.role_labels = {
            Role.CASEWORKER.value: self.tr("Fachkraft"),
            Role.FACILITATOR.value: self.tr("Moderation"),
            Role.CONTROLLING.value: self.tr("Controlling"),
            Role.ADMIN.value: self.tr("Admin"),
        }
        self.entity_labels = {
            "case": self.tr("Fall"),
            "user": self.tr("Benutzer/in"),
            "key_slot": self.tr("Schlüsselplatz"),
            "database": self.tr("Datenbank"),
            "person": self.tr("Person"),
            "consent": self.tr("Einwilligung"),
            "note": self.tr("Verlaufseintrag"),
            "help": self.tr("Hilfe"),
            "conference": self.tr("Konferenz"),
            "goal": self.tr("Ziel"),
            "step": self.tr("Handlungsschritt"),
            "resource": self.tr("Ressource"),
            "budget": self.tr("Budget"),
            "statistics": self.tr("Statistik"),
            "session": self.tr("Anmeldung"),
            "retention_period": self.tr("Löschfrist"),
        }

    @property
    def total(self) -> int:
        return self._total

    def action_label(self, action: str) -> str:
        return self.action_labels.get(action, action)

    def reload(self, f: AuditFilter | None = None) -> None:
        if f is not None:
            self._filter = f
        self._generation += 1
        generation, store, flt = self._generation, self._store, self._filter
        self._fetching = True

        def done(result: tuple[int, list[AuditRow]]) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            self.beginResetModel()
            self._total, self._rows = result[0], list(result[1])
            self.endResetModel()
            self.loaded.emit(self._total)

        self._runner.submit(
            lambda: (store.audit_log.count(flt), store.audit_log.list(flt, limit=PAGE)),
            done,
            self._on_error,
        )

    def _on_error(self, exc: BaseException) -> None:
        self._fetching = False
        self.failed.emit(exc)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        QTimer.singleShot(0, self._fetch_page)  # never insert rows inside another change

    def _fetch_page(self) -> None:
        generation, store, flt, offset = (
            self._generation,
            self._store,
            self._filter,
            len(self._rows),
        )

        def done(rows: list[AuditRow]) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            if rows:
                self.beginInsertRows(
                    QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1
                )
                self._rows.extend(rows)
                self.endInsertRows()

        self._runner.submit(
            lambda: store.audit_log.list(flt, limit=PAGE, offset=offset), done, self._on_error
        )

    def clear(self) -> None:
        self._generation += 1
        self._fetching = False
        self.broken = set()
        self.beginResetModel()
        self._rows, self._total = [], 0
        self.endResetModel()

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def mark_broken(self, seqs: set[int]) -> None:
        self.broken = set(seqs)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(self._headers) - 1),
                [Qt.ForegroundRole],
            )

    def row_of(self, seq: int) -> int | None:
        """The row of an entry among those fetched so far."""
        return next((i for i, r in enumerate(self._rows) if r.seq == seq), None)

    def _cells(self, r: AuditRow) -> tuple[str, ...]:
        who = f"{r.actor_name} ({r.actor})" if r.actor_name else r.actor
        if r.case_id is None:
            case = ""
        elif r.file_number:
            case = r.file_number
        else:
            case = self.tr("Fall %1 (gelöscht)").replace("%1", str(r.case_id))
        what = self.entity_labels.get(r.entity, r.entity)
        detail = r.detail
        if r.entity == "user":
            if r.subject:
                what += f" {r.subject}"
            if detail in self.role_labels:  # a new user's role
                detail = self.tr("Rolle: %1").replace("%1", self.role_labels[detail])
        details = f"{what} · {detail}" if detail else what
        return (str(r.seq), german_time(r.at), who, self.action_label(r.action), case, details)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._headers)):
            return None
        r = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            return self._cells(r)[index.column()]
        if role == Qt.ToolTipRole and index.column() == 5:
            return self._cells(r)[5]
        if role == ID_ROLE:
            return r.seq
        if role == Qt.ForegroundRole and r.seq in self.broken:
            return QBrush(RowsTableModel.WARN)
        if role == Qt.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class AuditLogPage(AdminPage):
    def __init__(self, store: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(store, runner, parent)
        filters = QHBoxLayout()
        self.actor_combo = QComboBox()
        self.actor_combo.setAccessibleName(self.tr("Benutzer/in"))
        self.action_combo = QComboBox()
        self.action_combo.setAccessibleName(self.tr("Aktion"))
        for text, combo in (
            (self.tr("&Benutzer/in:"), self.actor_combo),
            (self.tr("A&ktion:"), self.action_combo),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            filters.addWidget(label)
            filters.addWidget(combo)
        self.count_label = QLabel()
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        self.verify_button = self.button(self.tr("Kette &prüfen"), self.verify)
        self.verify_button.setToolTip(
            self.tr(
                "Prüft jeden Eintrag gegen seinen Vorgänger: veränderte, gelöschte oder "
                "vertauschte Einträge fallen auf."
            )
        )
        filters.addWidget(self.verify_button)
        self.layout_.addLayout(filters)
        self.model = AuditLogModel(store, runner, self)
        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(lambda exc: self.show_message(error_text(exc), error=True))
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Protokolleinträge"))
        _setup_table(self.view, self.model)
        header = self.view.horizontalHeader()
        for col, width in enumerate((60, 130, 200, 160, 150)):
            header.resizeSection(col, width)
        self.layout_.addWidget(self.view, 1)
        self.finish_layout()
        self.actor_combo.currentIndexChanged.connect(self.apply_filter)
        self.action_combo.currentIndexChanged.connect(self.apply_filter)
        self._filling = False

    def reload(self) -> None:
        store = self.store

        def done(result: tuple[list[str], list[str]]) -> None:
            actors, actions = result
            self._filling = True
            current_actor = self.actor_combo.currentData()
            current_action = self.action_combo.currentData()
            self.actor_combo.clear()
            self.actor_combo.addItem(self.tr("alle"), None)
            for a in actors:
                self.actor_combo.addItem(a, a)
            self.action_combo.clear()
            self.action_combo.addItem(self.tr("alle"), None)
            for a in actions:
                self.action_combo.addItem(self.model.action_label(a), a)
            self.actor_combo.setCurrentIndex(max(0, self.actor_combo.findData(current_actor)))
            self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(current_action)))
            self._filling = False
            self.apply_filter()

        self.run(lambda: (store.audit_log.actors(), store.audit_log.actions()), done)

    def apply_filter(self, *_args: object) -> None:
        if self._filling:
            return
        self.model.reload(
            AuditFilter(self.actor_combo.currentData(), self.action_combo.currentData())
        )

    def _on_loaded(self, total: int) -> None:
        self.count_label.setText(
            self.tr("%1 Einträge").replace("%1", f"{total:,}".replace(",", "."))
        )

    def verify(self) -> None:
        store = self.store

        def done(report: Any) -> None:
            n = f"{report.events:,}".replace(",", ".")
            self.model.mark_broken(set(report.entries))
            if report.entries:
                row = self.model.row_of(report.entries[0])
                if row is not None:
                    self.view.scrollTo(self.model.index(row, 0))
                    self.view.selectRow(row)
            if report.ok:
                self.show_message(
                    self.tr("Die Protokollkette ist unversehrt: %1 Einträge geprüft.").replace(
                        "%1", n
                    )
                )
            else:
                self.show_message(
                    self.tr(
                        "Die Protokollkette ist NICHT in Ordnung (%1 Einträge geprüft). "
                        "Das Protokoll wurde außerhalb des Programms verändert:"
                    ).replace("%1", n)
                    + "\n"
                    + "\n".join(f"• {p}" for p in report.problems),
                    error=True,
                )

        self.run(store.audit_log.verify, done, self.tr("Die Protokollkette wird geprüft …"))

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self.count_label.clear()


# --------------------------------------------------------------------------- retention


class RetentionPage(AdminPage):
    def __init__(self, store: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(store, runner, parent)
        intro = QLabel(
            self.tr(
                "Abgeschlossene Fälle, deren Löschfrist abgelaufen ist (§ 9b SGB VIII und die "
                "eingestellten Fristen). Beim Löschen bleibt nur der anonymisierte Statistiksatz; "
                "eine Löschsperre verhindert das Löschen."
            )
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.exceptions_check = QCheckBox(
            self.tr("Auch &Ausnahmen zeigen (Löschsperre, noch offen, Frist nicht berechenbar)")
        )
        self.exceptions_check.toggled.connect(self.reload)
        self.layout_.addWidget(self.exceptions_check)
        self.model = RowsTableModel(
            [
                self.tr("Aktenzeichen"),
                self.tr("Familie"),
                self.tr("abgeschlossen"),
                self.tr("Regel"),
                self.tr("löschbar ab"),
                self.tr("Löschsperre"),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Löschvorschläge"))
        _setup_table(self.view, self.model, multi=True)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.layout_.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.periods_button = self.button(self.tr("&Fristen einstellen …"), self.edit_periods)
        self.select_all_button = self.button(self.tr("Alle aus&wählen"), self.view.selectAll)
        self.hold_button = self.button(self.tr("Lösch&sperre setzen/aufheben"), self.toggle_hold)
        self.delete_button = self.button(self.tr("Ausgewählte &löschen …"), self.delete_selected)
        row.addWidget(self.summary)
        row.addStretch(1)
        for b in (
            self.periods_button,
            self.select_all_button,
            self.hold_button,
            self.delete_button,
        ):
            row.addWidget(b)
        self.layout_.addLayout(row)
        self.finish_layout()
        self.update_buttons()

    def reload(self, *_args: object) -> None:
        store, with_exceptions = self.store, self.exceptions_check.isChecked()
        today = store.clock.today()

        def work() -> tuple[list[Any], list[Any]]:
            due = store.retention.proposals()
            return due, store.retention.exceptions() if with_exceptions else []

        def done(result: tuple[list[Any], list[Any]]) -> None:
            due, special = result
            rows = []
            for p, deletable in [(p, True) for p in due] + [(p, False) for p in special]:
                r = p.rule
                rows.append(
                    Row(
                        p.case_id,
                        (
                            p.file_number,
                            p.family_name,
                            german_date(p.closed_on) or self.tr("offen"),
                            core_label(r.category_label),
                            german_date(r.due_on) or self.tr("unbekannt"),
                            self.tr("ja") if r.legal_hold else self.tr("nein"),
                        ),
                        sort_keys=(None, None, p.closed_on, None, r.due_on, None),
                        tooltip=r.reason,
                        marked=not deletable and r.due_on is None and r.closed,
                        muted=not deletable,
                        extra={"deletable": deletable, "hold": r.legal_hold},
                    )
                )
            self.model.set_rows(rows)
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            header.resizeSection(3, min(header.sectionSize(3), 380))
            self.summary.setText(
                self.tr("%1 Fälle zur Löschung fällig (Stand %2)")
                .replace("%1", str(len(due)))
                .replace("%2", german_date(today))
            )
            self.update_buttons()

        self.run(work, done)

    def selected(self) -> list[Row]:
        return [self.model.row_at(i) for i in _selected_rows(self.view)]

    def update_buttons(self, *_args: object) -> None:
        if self.working:
            return
        chosen = self.selected()
        self.delete_button.setEnabled(any(r.extra["deletable"] for r in chosen))
        self.hold_button.setEnabled(len(chosen) == 1)
        self.select_all_button.setEnabled(self.model.rowCount() > 0)

    def edit_periods(self) -> None:
        store = self.store

        def loaded(periods: dict[str, int]) -> None:
            asked = self._generation
            labels = {c: core_label(label) for c, label in PERIOD_CATEGORIES.items()}
            changed = RetentionPeriodsDialog.ask(
                self,
                {c: periods[c] for c in PERIOD_CATEGORIES if c in periods},
                labels,
                MAX_PERIOD_YEARS,
            )
            if not changed or asked != self._generation:
                return

            def save() -> None:
                for category, years in changed.items():
                    store.retention.set_period(category, years)

            def saved(_r: object) -> None:
                self.reload()
                self.show_message(
                    self.tr("Löschfristen geändert: %1.").replace(
                        "%1",
                        ", ".join(
                            self.tr("%1: %2 Jahre")
                            .replace("%1", core_label(PERIOD_CATEGORIES[c]))
                            .replace("%2", str(y))
                            for c, y in changed.items()
                        ),
                    )
                )

            self.run(save, saved)

        self.run(store.retention.periods, loaded)

    def toggle_hold(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        row = chosen[0]
        hold = not row.extra["hold"]
        store = self.store

        def done(_r: object) -> None:
            self.cases_changed.emit()
            self.show_message(
                (
                    self.tr("Löschsperre für %1 gesetzt.")
                    if hold
                    else self.tr("Löschsperre für %1 aufgehoben.")
                ).replace("%1", row.cells[0])
            )
            text = self.message.text()
            if hold and not self.exceptions_check.isChecked():
                self.exceptions_check.setChecked(True)  # reloads; the case stays in sight
            else:
                self.reload()
            self.show_message(text)

        self.run(lambda: store.cases.update(row.id, CaseEdit(legal_hold=hold)), done)

    def delete_selected(self) -> None:
        ids = [r.id for r in self.selected() if r.extra["deletable"]]
        asked = self._generation
        if not ids or not confirm_deletion(self, len(ids)) or asked != self._generation:
            return  # "No", or the window locked while the question was open
        store = self.store

        def done(result: Any) -> None:
            text = self.deletion_text(result)
            self.reload()
            self.show_message(text)
            self.cases_changed.emit()

        self.run(
            lambda: store.retention.apply(ids, confirm=True),
            done,
            self.tr("%1 Fallakte(n) werden gelöscht und die Datei verdichtet …").replace(
                "%1", str(len(ids))
            ),
        )

    def deletion_text(self, result: Any) -> str:
        """RetentionResult in the UI language (the reasons for skipped cases come from the
        core and stay German)."""
        d = result.deleted
        lines = [
            self.tr(
                "Gelöscht: %1 Fälle, %2 Haushalte, %3 Personen. Anonymisierte Statistiksätze "
                "angelegt: %4."
            )
            .replace("%1", str(d.get("case_file", 0)))
            .replace("%2", str(d.get("family", 0)))
            .replace("%3", str(d.get("person", 0)))
            .replace("%4", str(d.get("case_statistic", 0)))
        ]
        lines += [
            self.tr("Nicht gelöscht: Fall %1: %2").replace("%1", str(cid)).replace("%2", why)
            for cid, why in result.skipped
        ]
        if result.vacuumed:
            lines.append(
                self.tr("Die Datenbankdatei wurde verdichtet; gelöschte Seiten sind leer.")
            )
        return "\n".join(lines)

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])
        self.summary.clear()


# --------------------------------------------------------------------------- backups


class BackupPage(AdminPage):
    """Backups go to the configured folder (QSettings ``backup/folder``, default: "Sicherungen"
    beside the database); the newest ``backup/keep`` stay. The same settings drive the
    automatic backup on closing the program. A restore always goes into a new file."""

    def __init__(self, store: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(store, runner, parent)
        self.service = BackupService(store)
        settings = QSettings()
        form = QFormLayout()
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(
            str(settings.value("backup/folder") or self.service.default_dir())
        )
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setAccessibleName(self.tr("Sicherungsordner"))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.button(self.tr("Ordner &wählen …"), self.choose_folder))
        form.addRow(self.tr("Sicherungsordner:"), folder_row)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, 365)
        self.keep_spin.setValue(int(settings.value("backup/keep", DEFAULT_KEEP)))
        self.keep_spin.setAccessibleName(self.tr("Anzahl aufbewahrter Sicherungen"))
        self.keep_spin.valueChanged.connect(lambda v: QSettings().setValue("backup/keep", v))
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_spin)
        keep_row.addWidget(QLabel(self.tr("neueste Sicherungen")))
        keep_row.addStretch(1)
        keep_label = QLabel(self.tr("&Aufbewahren:"))
        keep_label.setBuddy(self.keep_spin)
        form.addRow(keep_label, keep_row)
        self.layout_.addLayout(form)
        hint = QLabel(
            self.tr(
                "Beim Beenden sichert das Programm automatisch (höchstens einmal am Tag). Jede "
                "Sicherung wird vor dem Ablegen geprüft; die Schlüsseldatei wird mitgesichert."
            )
        )
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.model = RowsTableModel(
            [self.tr("Sicherung"), self.tr("Zeitpunkt"), self.tr("Größe")], self
        )
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Vorhandene Sicherungen"))
        _setup_table(self.view, self.model)
        self.view.horizontalHeader().resizeSection(0, 420)
        self.view.horizontalHeader().resizeSection(1, 140)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.layout_.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.backup_button = self.button(self.tr("Jetzt &sichern"), self.backup_now)
        self.verify_button = self.button(self.tr("Auswahl &prüfen"), self.verify_selected)
        self.restore_button = self.button(self.tr("Wieder&herstellen …"), self.restore)
        self.restore_button.setToolTip(
            self.tr(
                "Stellt eine Sicherung als neue Datei wieder her; die laufende Datenbank bleibt unverändert."
            )
        )
        for b in (self.backup_button, self.verify_button, self.restore_button):
            row.addWidget(b)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.finish_layout()
        self.update_buttons()

    def folder(self) -> Path:
        return Path(self.folder_edit.text())

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Sicherungsordner wählen"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)
            QSettings().setValue("backup/folder", chosen)
            self.reload()

    def reload(self) -> None:
        folder, service = self.folder(), self.service

        def work() -> list[tuple[Path, float, int]]:
            found = []
            for p in reversed(service.backups(folder)):  # newest first
                try:
                    st = p.stat()
                except OSError:
                    continue
                found.append((p, st.st_mtime, st.st_size))
            return found

        def done(found: list[tuple[Path, float, int]]) -> None:
            self.model.set_rows(
                [
                    Row(
                        i,
                        (
                            p.name,
                            german_time(datetime.fromtimestamp(mtime)),
                            f"{size / (1024 * 1024):.1f} MiB".replace(".", ","),
                        ),
                        sort_keys=(None, mtime, size),
                        tooltip=str(p),
                        extra={"path": p},
                    )
                    for i, (p, mtime, size) in enumerate(found)
                ]
            )
            self.update_buttons()

        self.run(work, done)

    def selected_path(self) -> Path | None:
        rows = _selected_rows(self.view)
        return self.model.row_at(rows[0]).extra["path"] if rows else None

    def update_buttons(self, *_args: object) -> None:
        if not self.working:
            self.verify_button.setEnabled(self.selected_path() is not None)

    def backup_now(self) -> None:
        folder, keep, service = self.folder(), self.keep_spin.value(), self.service

        def done(result: Any) -> None:
            self.reload()
            text = (
                self.tr("Sicherung geschrieben und geprüft: %1 (%2 MiB, %3 Datensätze, %4 s).")
                .replace("%1", str(result.path))
                .replace("%2", f"{result.size_bytes / (1024 * 1024):.1f}".replace(".", ","))
                .replace("%3", f"{result.digest.rows:,}".replace(",", "."))
                .replace("%4", f"{result.seconds:.1f}".replace(".", ","))
            )
            if result.removed:
                text += " " + self.tr("%1 ältere Sicherung(en) entfernt.").replace(
                    "%1", str(len(result.removed))
                )
            self.show_message(text)

        self.run(
            lambda: service.backup(folder, keep=keep),
            done,
            self.tr("Sicherung wird geschrieben und geprüft …"),
        )

    def verify_selected(self) -> None:
        path, service = self.selected_path(), self.service
        if path is None:
            return

        def done(report: Any) -> None:
            if report.ok and report.digest is not None:
                self.show_message(
                    self.tr(
                        "Sicherung %1 ist in Ordnung: %2 Datensätze, Protokollkette mit %3 "
                        "Einträgen unversehrt."
                    )
                    .replace("%1", report.path.name)
                    .replace("%2", f"{report.digest.rows:,}".replace(",", "."))
                    .replace("%3", f"{report.audit_events:,}".replace(",", "."))
                )
            else:
                self.show_message(
                    self.tr("Sicherung %1 ist NICHT in Ordnung:").replace("%1", report.path.name)
                    + "\n"
                    + "\n".join(f"• {p}" for p in report.problems),
                    error=True,
                )

        self.run(lambda: service.verify(path), done, self.tr("Sicherung wird geprüft …"))

    def restore(self) -> None:
        source = self.selected_path()
        if source is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Sicherung wählen"),
                str(self.folder()),
                self.tr("SRO-Datenbank (*.db);;Alle Dateien (*)"),
            )
            if not name:
                return
            source = Path(name)
        live = self.store.path
        stamp = self.store.clock.now().strftime("%Y-%m-%dT%H%M")
        suggestion = live.with_name(f"{live.stem}-wiederhergestellt-{stamp}.db")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Wiederherstellen als neue Datei"),
            str(suggestion),
            self.tr("SRO-Datenbank (*.db)"),
        )
        if not name:
            return
        target = Path(name)
        if target.suffix != ".db":
            target = target.with_name(target.name + ".db")
        if target.resolve() == live.resolve():
            self.show_message(
                self.tr(
                    "Die geöffnete Datenbank wird nie überschrieben. Bitte einen neuen Dateinamen "
                    "wählen."
                ),
                error=True,
            )
            return
        service = self.service

        def done(result: Any) -> None:
            self.show_message(
                self.tr(
                    "Die Sicherung wurde geprüft und als neue Datei %1 wiederhergestellt (%2 "
                    "Datensätze). Die geöffnete Datenbank blieb unverändert."
                )
                .replace("%1", str(result.target))
                .replace("%2", f"{result.digest.rows:,}".replace(",", "."))
                + "\n"
                + self.tr(
                    "Zum Arbeiten mit der wiederhergestellten Datei öffnen Sie sie beim "
                    "nächsten Start (Datei → Beenden, dann die Datei wählen)."
                )
            )

        self.run(
            lambda: service.restore(source, target),
            done,
            self.tr("Sicherung wird geprüft und wiederhergestellt …"),
        )

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])


# --------------------------------------------------------------------------- window + menu


class AdminWindow(QWidget):
    """The four Verwaltung pages in tabs, in a window of its own beside the main window."""

    PAGES = ("users", "audit", "retention", "backup")

    def __init__(self, store: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.Window)
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
    menu = window.menuBar().addMenu(tr("AdminMenu", "&Verwaltung"))
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
