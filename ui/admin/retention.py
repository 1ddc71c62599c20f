"""Löschfristen: closed case files whose deletion period has run out, legal holds, the periods
per category, and deleting for good (only the anonymised statistical record stays)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QWidget,
)

from sro_case.app import Application
from sro_case.domain.models import CaseEdit
from sro_case.domain.retention import MAX_PERIOD_YEARS, PERIOD_CATEGORIES
from ui.admin.page import AdminPage, ask_yes_no, selected_rows, setup_table
from ui.forms import FormDialog
from ui.i18n import core_label
from ui.refcounts import emit
from ui.tables import Row, RowsTableModel, german_date
from ui.tasks import Runner


class RetentionPage(AdminPage):
    def __init__(self, store: Application, runner: Runner, parent: QWidget | None = None) -> None:
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
        setup_table(self.view, self.model, multi=True)
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
        return [self.model.row_at(i) for i in selected_rows(self.view)]

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
            emit(self.cases_changed)
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
            emit(self.cases_changed)

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


# --------------------------------------------------------------------------- periods


class RetentionPeriodsDialog(FormDialog):
    """Years after closing per category (§ 9b SGB VIII files follow the law, not this table).
    ``ask()`` returns only the changed categories, as {category: years}."""

    def __init__(
        self,
        periods: dict[str, int],
        labels: dict[str, str],
        max_years: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Löschfristen einstellen"))
        self.preferred_width = 560
        self.save_button.setText(self.tr("Ü&bernehmen"))
        intro = QLabel(
            self.tr(
                "Jahre nach Abschluss des Falls, nach denen die Akte gelöscht werden darf. Gilt "
                "für einen Fall mehr als eine Kategorie, zählt die längste Frist. Akten mit "
                "Hilfen nach § 9b SGB VIII bleiben bis 70 Jahre nach dem 30. Geburtstag."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self._original = dict(periods)
        self.spins: dict[str, QSpinBox] = {}
        for category, years in periods.items():
            spin = QSpinBox()
            spin.setRange(1, max_years)
            spin.setValue(years)
            spin.setSuffix(self.tr(" Jahre"))
            self.spins[category] = spin
            label = labels.get(category, category)
            self.add_row(form, label[:1].upper() + label[1:] + ":", spin)
            self.watch(spin)
        self.body.addLayout(form)
        self.start()

    def draft(self) -> dict[str, int]:
        return {
            c: spin.value() for c, spin in self.spins.items() if spin.value() != self._original[c]
        }

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        periods: dict[str, int],
        labels: dict[str, str],
        max_years: int,
    ) -> dict[str, int] | None:
        dlg = cls(periods, labels, max_years, parent)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- confirmation


def confirm_deletion(parent: QWidget | None, count: int) -> bool:
    """Deleting is for good: the question names the number of case files."""
    n = str(count)
    return ask_yes_no(
        parent,
        QCoreApplication.translate("AdminConfirm", "Endgültig löschen?"),
        QCoreApplication.translate(
            "AdminConfirm",
            "%1 Fallakte(n) werden mit allen personenbezogenen Daten endgültig gelöscht; nur "
            "der anonymisierte Statistiksatz bleibt. Das lässt sich nur aus einer Sicherung "
            "rückgängig machen.\n\nWirklich %1 Fallakte(n) löschen?",
        ).replace("%1", n),
        QCoreApplication.translate("AdminConfirm", "Ja, %1 löschen").replace("%1", n),
    )
