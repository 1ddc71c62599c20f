"""The case team in the case file on the team server (#18, Fallteam): who works on the case –
the lead worker and the colleagues of other disciplines they added – and what the signed-in
person sees of it ("Sie sehen: Ziele und Vereinbarungen; nicht: Verlauf, Gesundheit"). The lead
worker adds and removes colleagues; the server decides, this tab only asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain import models as m
from sro_case.domain.catalogues import catalogue
from ui.i18n import core_label
from ui.ops import failure_text
from ui.refcounts import emit
from ui.tables import Row, RowsTableModel

if TYPE_CHECKING:
    from sro_case.app import Application
    from ui.tasks import Runner


class CaseTeamTab(QWidget):
    """The Fallteam tab of one case (only on the team server)."""

    changed = Signal()  # a member was added or removed

    def __init__(
        self, store: Application, runner: Runner, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert store.case_teams is not None
        self.teams = store.case_teams
        self.store, self.runner, self.case_id = store, runner, case_id
        self.members: list[m.TeamMember] = []
        layout = QVBoxLayout(self)
        self.release_label = QLabel()
        self.release_label.setWordWrap(True)
        self.release_label.setObjectName("releaseLabel")
        layout.addWidget(self.release_label)
        self.model = RowsTableModel(
            [self.tr("Name"), self.tr("Fachbereich"), self.tr("Rolle im Fall")], self
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Fallteam"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.colleague = QComboBox()
        self.colleague.setAccessibleName(self.tr("Kollegin oder Kollege für das Fallteam"))
        self.colleague.setMinimumContentsLength(28)
        self.add_button = QPushButton(self.tr("Ins Fallteam &aufnehmen"))
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button = QPushButton(self.tr("Aus dem Fallteam &entfernen"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.colleague, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        teams, case_id = self.teams, self.case_id
        self.runner.submit(
            lambda: (teams.members(case_id), teams.release(case_id), teams.colleagues()),
            self._show,
            lambda exc: self.hint.setText(failure_text(exc)),
        )

    def release_text(self, release: m.CaseRelease) -> str:
        """ "Sie sehen: …; nicht: …" with the parts and the reason in the client's language."""
        discipline = release.discipline  # the viewer's, as the server knows it
        label = core_label(catalogue("disciplines").label(discipline)) if discipline else ""
        if release.full:
            return self.tr("Sie sehen die ganze Fallakte (fallführender Dienst).")
        seen = ", ".join(self._part(p) for p in release.parts) or self.tr("nur die Stammdaten")
        text = self.tr("Sie sehen: %1").replace("%1", seen)
        if release.withheld:
            text += self.tr("; nicht: %1").replace(
                "%1", ", ".join(self._part(p) for p in release.withheld)
            )
        if not label:
            return text + "."
        why = (
            self.tr("Schweigepflichtentbindung für %1")
            if release.cleared
            else self.tr("keine Schweigepflichtentbindung für %1")
        )
        return text + " (" + why.replace("%1", label) + ")."

    def _part(self, part: str) -> str:
        names = {
            "Familie und Haushalt": self.tr("Familie und Haushalt"),
            "Anlass und Ressourcen": self.tr("Anlass und Ressourcen"),
            "Hilfen": self.tr("Hilfen"),
            "Ziele und Vereinbarungen": self.tr("Ziele und Vereinbarungen"),
            "Konferenzen": self.tr("Konferenzen"),
            "Verlauf": self.tr("Verlauf"),
            "Kosten": self.tr("Kosten"),
            "§ 8a": self.tr("§ 8a"),
        }
        return names.get(part, part)

    def _show(self, result: tuple[list[m.TeamMember], m.CaseRelease, list[m.TeamMember]]) -> None:
        members, release, colleagues = result
        self.members = members
        self.release_label.setText(self.release_text(release))
        disciplines = catalogue("disciplines")
        self.model.set_rows(
            [
                Row(
                    i,
                    (
                        member.name,
                        core_label(disciplines.label(member.discipline))
                        if member.discipline
                        else "",
                        self.tr("fallführend") if member.lead else self.tr("Mitglied"),
                    ),
                )
                for i, member in enumerate(members)
            ]
        )
        self.table.resizeColumnsToContents()
        leads = self.store.actor in {x.login for x in members if x.lead}
        present = {x.login for x in members}
        self.colleague.clear()
        for c in colleagues:
            if c.login not in present:
                label = core_label(disciplines.label(c.discipline)) if c.discipline else ""
                self.colleague.addItem(f"{c.name} ({label})" if label else c.name, c.login)
        for widget in (self.colleague, self.add_button, self.remove_button):
            widget.setVisible(leads)  # the lead worker builds the team; the others see it
        self.add_button.setEnabled(leads and self.colleague.count() > 0)
        self.hint.setText(
            "" if leads else self.tr("Das Fallteam stellt die fallführende Fachkraft zusammen.")
        )

    # -- changing --------------------------------------------------------------------------
    def add_selected(self) -> None:
        login = self.colleague.currentData()
        if not login:
            return
        teams, case_id = self.teams, self.case_id
        self.runner.submit(lambda: teams.add(case_id, str(login)), self._changed, self._failed)

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.hint.setText(self.tr("Bitte zuerst eine Person im Fallteam auswählen."))
            return
        member = self.members[index.row()]
        if member.lead:
            self.hint.setText(self.tr("Die fallführende Fachkraft bleibt im Fallteam."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Aus dem Fallteam entfernen"),
            self.tr(
                "%1 aus dem Fallteam entfernen? Sie oder er sieht den Fall danach nicht mehr."
            ).replace("%1", member.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        teams, case_id = self.teams, self.case_id
        self.runner.submit(lambda: teams.remove(case_id, member.login), self._changed, self._failed)

    def _changed(self, _result: Any) -> None:
        emit(self.changed)
        self.load()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Fallteam nicht geändert"), failure_text(exc))
