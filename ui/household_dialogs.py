"""Dialogs for the household of a case: a person (new or corrected) and the family (name,
address, Sozialraum). Dialogs collect, callers save (STYLE.md habit 5)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from sro_case.domain import rules
from sro_case.domain.enums import PersonRole, Sex
from sro_case.domain.models import (
    Family,
    FamilyDraft,
    Person,
    PersonDraft,
)
from sro_case.domain.validation import Checker
from ui.forms import (
    DateField,
    FormDialog,
    combo_value,
    fill_from_enum,
    fill_social_spaces,
    select_value,
)

if TYPE_CHECKING:
    pass


# --------------------------------------------------------------------------- person


class PersonDialog(FormDialog):
    """A person of the household (new, or an existing one to edit)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date,
        person: Person | PersonDraft | None = None,
        last_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Person bearbeiten") if person is not None else self.tr("Person hinzufügen")
        )
        self.preferred_width = 440
        self._today = today
        form = QFormLayout()
        self.first_name_edit = QLineEdit()
        self.last_name_edit = QLineEdit(last_name)
        self.birth_date_edit = DateField(optional=True, default=today)
        self.sex_combo = QComboBox()
        fill_from_enum(self.sex_combo, Sex)
        select_value(self.sex_combo, Sex.UNSPECIFIED.value)
        self.role_combo = QComboBox()
        fill_from_enum(self.role_combo, PersonRole)
        self.add_row(form, self.tr("&Vorname:"), self.first_name_edit)
        self.add_row(form, self.tr("&Familienname:"), self.last_name_edit)
        self.add_row(form, self.tr("Geburts&datum:"), self.birth_date_edit)
        self.add_row(form, self.tr("&Geschlecht:"), self.sex_combo)
        self.add_row(form, self.tr("&Rolle:"), self.role_combo)
        self.body.addLayout(form)
        if person is not None:
            self.first_name_edit.setText(person.first_name)
            self.last_name_edit.setText(person.last_name)
            self.birth_date_edit.set_value(person.birth_date)
            select_value(self.sex_combo, person.sex)
            select_value(self.role_combo, person.role)
        self.finish(
            self.first_name_edit,
            self.last_name_edit,
            self.birth_date_edit,
            self.sex_combo,
            self.role_combo,
        )

    def draft(self) -> PersonDraft:
        d = PersonDraft(
            first_name=self.first_name_edit.text(),
            last_name=self.last_name_edit.text(),
            birth_date=self.birth_date_edit.value(),
            sex=combo_value(self.sex_combo) or "",
            role=combo_value(self.role_combo) or "",
        )
        return rules.check_person(d, self._today)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        today: date,
        person: Person | PersonDraft | None = None,
        last_name: str = "",
    ) -> PersonDraft | None:
        dlg = cls(parent, today=today, person=person, last_name=last_name)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


class FamilyDialog(FormDialog):
    """The household of a case: its name, address and Sozialraum (to correct or after a move)."""

    def __init__(self, parent: QWidget | None = None, *, family: Family | FamilyDraft) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Familie bearbeiten"))
        self.preferred_width = 480
        form = QFormLayout()
        self.display_name_edit = QLineEdit(family.display_name)
        self.street_edit = QLineEdit(family.street)
        self.postal_code_edit = QLineEdit(family.postal_code)
        self.postal_code_edit.setMaxLength(10)
        self.city_edit = QLineEdit(family.city)
        self.social_space_combo = QComboBox()
        fill_social_spaces(
            self.social_space_combo,
            self.tr("— bitte wählen —"),
            self.tr("%1 (Modellregion)"),
        )
        select_value(self.social_space_combo, family.social_space or None)
        self.add_row(form, self.tr("&Familie:"), self.display_name_edit)
        self.add_row(form, self.tr("S&traße:"), self.street_edit)
        self.add_row(form, self.tr("&PLZ:"), self.postal_code_edit)
        self.add_row(form, self.tr("&Ort:"), self.city_edit)
        self.add_row(form, self.tr("S&ozialraum:"), self.social_space_combo)
        self.body.addLayout(form)
        hint = QLabel(
            self.tr(
                "Ein neuer Sozialraum gilt für die offenen Fälle der Familie; abgeschlossene "
                "Fälle behalten ihren Sozialraum."
            )
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.finish(
            self.display_name_edit,
            self.street_edit,
            self.postal_code_edit,
            self.city_edit,
            self.social_space_combo,
        )

    def draft(self) -> FamilyDraft:
        d = FamilyDraft(
            display_name=self.display_name_edit.text(),
            social_space=combo_value(self.social_space_combo) or "",
            street=self.street_edit.text(),
            postal_code=self.postal_code_edit.text(),
            city=self.city_edit.text(),
        )
        c = Checker()
        checked = rules.check_family(d, c)
        c.done()
        return checked

    @classmethod
    def ask(cls, parent: QWidget | None, *, family: Family | FamilyDraft) -> FamilyDraft | None:
        dlg = cls(parent, family=family)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()
