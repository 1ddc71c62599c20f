"""Datensicherung: backups into the configured folder, checking one, and restoring one into a new
file (the open database is never overwritten)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain.rules import DEFAULT_KEEP
from ui.admin.page import AdminPage, german_time, selected_rows, setup_table
from ui.i18n import core_text
from ui.tables import Row, RowsTableModel, number
from ui.tasks import Runner


class BackupPage(AdminPage):
    """Backups go to the configured folder (QSettings ``backup/folder``, default: "Sicherungen"
    beside the database); the newest ``backup/keep`` stay. The same settings drive the
    automatic backup on closing the program. A restore always goes into a new file."""

    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(store, runner, parent)
        self.service = store.backups
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
        self.keep_spin.setValue(int(str(settings.value("backup/keep", DEFAULT_KEEP))))
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
        setup_table(self.view, self.model)
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
        self.check_button = self.button(self.tr("&Datenbank prüfen"), self.check_database)
        self.check_button.setToolTip(
            self.tr(
                "Prüft die laufende Datenbank: alle Seiten (integrity_check, HMAC), die "
                "Protokollkette und das Zählwerk der Statistik gegen eine Zählung über die Akten."
            )
        )
        row.addWidget(self.check_button)
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
        rows = selected_rows(self.view)
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
                .replace("%3", number(result.digest.rows))
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
                    .replace("%2", number(report.digest.rows))
                    .replace("%3", number(report.audit_events))
                )
            else:
                self.show_message(
                    self.tr("Sicherung %1 ist NICHT in Ordnung:").replace("%1", report.path.name)
                    + "\n"
                    + "\n".join(f"• {core_text(p)}" for p in report.problems),
                    error=True,
                )

        self.run(lambda: service.verify(path), done, self.tr("Sicherung wird geprüft …"))

    def check_database(self) -> None:
        maintenance = self.store.maintenance

        def done(report: Any) -> None:
            if report.ok:
                self.show_message(
                    self.tr(
                        "Die Datenbank ist in Ordnung: alle Seiten lesbar und unverändert, "
                        "Protokollkette mit %1 Einträgen unversehrt, Zählwerk der Statistik "
                        "stimmt mit den Akten überein."
                    ).replace("%1", number(report.audit_events))
                )
                return
            problems = []
            if report.integrity != "ok":
                problems.append(
                    self.tr("integrity_check meldet: %1").replace("%1", report.integrity[:300])
                )
            if report.cipher_integrity:
                problems.append(
                    self.tr("%1 Seite(n) beschädigt oder verändert (HMAC-Prüfung).").replace(
                        "%1", number(len(report.cipher_integrity))
                    )
                )
            problems += [core_text(p) for p in report.audit_problems]
            problems += [core_text(p) for p in report.statistics_problems]
            self.show_message(
                self.tr("Die Datenbank ist NICHT in Ordnung:")
                + "\n"
                + "\n".join(f"• {p}" for p in problems),
                error=True,
            )

        self.run(maintenance.check, done, self.tr("Datenbank wird geprüft …"))

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
                .replace("%2", number(result.digest.rows))
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
