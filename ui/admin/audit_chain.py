"""Protokollkette: the audit log, newest first and filtered by user and action, fetched page by
page as the view scrolls, and the check of the hash chain (entries it names show in red)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QWidget

from sro_case.app import Application
from sro_case.domain.enums import Role
from sro_case.domain.models import AuditFilter, AuditRow
from ui.admin.page import AdminPage, german_time, setup_table
from ui.audit_labels import entity_labels
from ui.i18n import core_text, error_text
from ui.refcounts import emit
from ui.tables import ID_ROLE, Count, Page, PagedTableModel, RowsTableModel, number
from ui.tasks import Runner

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class AuditLogModel(PagedTableModel):
    """The audit log, newest first, fetched page by page as the view scrolls (like the case
    list). Rows are ``AuditRow``s from the audit log service; ``data()`` never queries."""

    PAGE = PAGE

    def __init__(self, store: Application, runner: Runner, parent: Any = None) -> None:
        super().__init__(runner, parent)
        self._store = store
        self._filter = AuditFilter()
        self.broken: set[int] = set()  # entries the last chain check named
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
        self.entity_labels = entity_labels()

    def action_label(self, action: str) -> str:
        return self.action_labels.get(action, action)

    def query(self) -> tuple[Count, Page]:
        log, flt = self._store.audit_log, self._filter
        return lambda: log.count(flt), lambda offset, limit: log.list(
            flt, limit=limit, offset=offset
        )

    def reload(self, f: AuditFilter | None = None) -> None:
        if f is not None:
            self._filter = f
        super().reload()

    def clear(self) -> None:
        self.broken = set()
        super().clear()

    def row_at(self, row: int) -> AuditRow:
        found: AuditRow = self._rows[row]
        return found

    def mark_broken(self, seqs: set[int]) -> None:
        self.broken = set(seqs)
        if self._rows:
            emit(
                self.dataChanged,
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(self._headers) - 1),
                [Qt.ItemDataRole.ForegroundRole],
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._headers)):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells(r)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return self._cells(r)[5]
        if role == ID_ROLE:
            return r.seq
        if role == Qt.ItemDataRole.ForegroundRole and r.seq in self.broken:
            return QBrush(RowsTableModel.WARN)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AuditLogPage(AdminPage):
    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
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
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
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
        setup_table(self.view, self.model)
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
        self.count_label.setText(self.tr("%1 Einträge").replace("%1", number(total)))

    def verify(self) -> None:
        store = self.store

        def done(report: Any) -> None:
            n = number(report.events)
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
                    + "\n".join(f"• {core_text(p)}" for p in report.problems),
                    error=True,
                )

        self.run(store.audit_log.verify, done, self.tr("Die Protokollkette wird geprüft …"))

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self.count_label.clear()
