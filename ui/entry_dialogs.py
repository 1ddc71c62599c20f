"""Dialogs for the entries of a case file: note, consent (§ 65 SGB VIII), help, resource.
Dialogs collect, callers save (STYLE.md habit 5): each ``ask()`` returns a checked draft or
``None``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.domain.enums import NoteKind, ResourceKind
from sro_case.domain.models import (
    ConsentDraft,
    Help,
    HelpDraft,
    NoteDraft,
    Person,
    PersonDraft,
    ResourceDraft,
)
from sro_case.domain.validation import Checker
from ui.forms import (
    CheckList,
    DateField,
    FormDialog,
    MoneyField,
    combine_problems,
    combo_value,
    fill_from_catalogue,
    fill_from_enum,
    format_date,
    multiline,
    select_value,
)
from ui.i18n import core_label

if TYPE_CHECKING:
    pass


def _person_text(person: Person | PersonDraft) -> str:
    name = f"{person.first_name} {person.last_name}".strip()
    return f"{name} ({format_date(person.birth_date)})" if person.birth_date else name


def _fill_persons(combo: QComboBox, persons: Sequence[Person], placeholder: str) -> None:
    combo.clear()
    combo.addItem(placeholder, None)
    for p in persons:
        combo.addItem(_person_text(p), p.id)


# --------------------------------------------------------------------------- note


class NoteDialog(FormDialog):
    """A Verlauf entry, made for the keyboard: Art by first letter, Tab, text, Strg+Eingabe."""

    def __init__(self, parent: QWidget | None = None, *, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verlaufseintrag"))
        self.preferred_width = 560
        self._today = today
        form = QFormLayout()
        self.kind_combo = QComboBox()
        fill_from_enum(self.kind_combo, NoteKind)
        self.kind_combo.setToolTip(
            self.tr("Anfangsbuchstabe wählt die Art, z. B. T für Telefonat.")
        )
        self.date_edit = DateField(today, default=today)
        self.participants_edit = QLineEdit()
        self.participants_edit.setPlaceholderText(self.tr("z. B. Mutter, Lena, Schulsozialarbeit"))
        self.text_edit = multiline(180)
        self.entrusted_check = QCheckBox(self.tr("an&vertraut (§ 65 SGB VIII)"))
        self.entrusted_check.setAccessibleName(self.tr("anvertraut (§ 65 SGB VIII)"))
        self.entrusted_check.setToolTip(
            self.tr(
                "Der Inhalt wurde Ihnen persönlich anvertraut. Er erscheint nicht in Konferenzen, "
                "Berichten und Exporten, solange die Person nicht eingewilligt hat."
            )
        )
        self.add_row(form, self.tr("&Art:"), self.kind_combo)
        self.add_row(form, self.tr("&Datum:"), self.date_edit)
        self.add_row(form, self.tr("&Beteiligte:"), self.participants_edit)
        self.add_row(form, self.tr("&Text:"), self.text_edit)
        form.addRow("", self.entrusted_check)
        self.body.addLayout(form)
        hint = QLabel(self.tr("Strg+Eingabe speichert."))
        hint.setEnabled(False)
        self.body.addWidget(hint)
        self.watch(
            self.kind_combo,
            self.date_edit,
            self.participants_edit,
            self.text_edit,
            self.entrusted_check,
        )
        self.kind_combo.setFocus()
        self.start()

    def draft(self) -> NoteDraft:
        d = NoteDraft(
            occurred_on=self.date_edit.value(),  # type: ignore[arg-type]  # required field
            kind=combo_value(self.kind_combo) or "",
            text=self.text_edit.toPlainText(),
            participants=self.participants_edit.text(),
            entrusted=self.entrusted_check.isChecked(),
        )
        return rules.check_note(d, self._today)

    @classmethod
    def ask(cls, parent: QWidget | None, *, today: date) -> NoteDraft | None:
        dlg = cls(parent, today=today)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- consent


class ConsentDialog(FormDialog):
    """A consent (Schweigepflichtentbindung) of one person for some disciplines."""

    def __init__(
        self, parent: QWidget | None = None, *, persons: Sequence[Person], today: date
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einwilligung erfassen"))
        self.preferred_width = 560
        self._today = today
        form = QFormLayout()
        self.person_combo = QComboBox()
        _fill_persons(self.person_combo, persons, self.tr("— bitte wählen —"))
        if len(persons) == 1:
            self.person_combo.setCurrentIndex(1)
        self.disciplines_list = CheckList(
            ((i.code, core_label(i.name)) for i in catalogue("disciplines")), columns=2
        )
        self.scope_edit = multiline(70)
        self.scope_edit.setPlaceholderText(
            self.tr("Welche Angaben dürfen weitergegeben werden? An wen genau?")
        )
        self.given_on_edit = DateField(today, default=today)
        self.expires_on_edit = DateField(optional=True, default=today)
        self.entrusted_check = QCheckBox(self.tr("gibt an&vertraute Daten (§ 65 SGB VIII) frei"))
        self.entrusted_check.setAccessibleName(
            self.tr("gibt anvertraute Daten (§ 65 SGB VIII) frei")
        )
        self.add_row(form, self.tr("&Person:"), self.person_combo)
        self.add_row(form, self.tr("&Empfänger:"), self.disciplines_list)
        self.add_row(form, self.tr("&Umfang:"), self.scope_edit)
        self.add_row(form, self.tr("Erteilt &am:"), self.given_on_edit)
        self.add_row(form, self.tr("&Gültig bis:"), self.expires_on_edit)
        form.addRow("", self.entrusted_check)
        self.body.addLayout(form)
        self.watch(
            self.person_combo,
            self.disciplines_list,
            self.scope_edit,
            self.given_on_edit,
            self.expires_on_edit,
            self.entrusted_check,
        )
        self.person_combo.setFocus()
        self.start()

    def draft(self) -> ConsentDraft:
        person_id = combo_value(self.person_combo)
        problems = []
        if person_id is None:
            problems.append((self.tr("Person"), self.tr("muss ausgewählt werden.")))
        d = ConsentDraft(
            person_id=person_id or 0,
            disciplines=self.disciplines_list.checked(),
            given_on=self.given_on_edit.value(),  # type: ignore[arg-type]  # required field
            expires_on=self.expires_on_edit.value(),
            data_scope=self.scope_edit.toPlainText(),
            releases_entrusted=self.entrusted_check.isChecked(),
        )
        return combine_problems(problems, lambda: rules.check_consent(d, self._today))

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, persons: Sequence[Person], today: date
    ) -> ConsentDraft | None:
        dlg = cls(parent, persons=persons, today=today)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- help


class HelpDialog(FormDialog):
    """A help or offer from the catalogue (HzE and SRO offers), with hours and monthly cost."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        persons: Sequence[Person],
        today: date | None = None,
        help_: Help | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hilfe bearbeiten") if help_ else self.tr("Hilfe erfassen"))
        self.preferred_width = 600
        today = today or date.today()
        form = QFormLayout()
        self.help_type_combo = QComboBox()
        fill_from_catalogue(
            self.help_type_combo,
            "help_types",
            placeholder=self.tr("— bitte wählen —"),
            text=lambda item: f"{item.get('paragraph', '')} {core_label(item.name)}".strip(),
        )
        self._separate_categories()
        self.person_combo = QComboBox()
        _fill_persons(self.person_combo, persons, self.tr("— keine bestimmte Person —"))
        self.provider_edit = QLineEdit()
        self.provider_edit.setPlaceholderText(self.tr("Träger oder Einrichtung"))
        self.start_edit = DateField(today, default=today)
        self.end_edit = DateField(optional=True, default=today)
        self.end_reason_combo = QComboBox()
        fill_from_catalogue(
            self.end_reason_combo, "end_reasons", placeholder=self.tr("— bitte wählen —")
        )
        self.hours_spin = QSpinBox()
        self.hours_spin.setRange(0, 168)
        self.hours_spin.setSpecialValueText("—")
        self.hours_spin.setSuffix(self.tr(" Std."))
        self.cost_edit = MoneyField()
        self.cost_edit.setAccessibleName(self.tr("Monatliche Kosten in Euro"))
        cost_row = QHBoxLayout()
        cost_row.addWidget(self.cost_edit, 1)
        cost_row.addWidget(QLabel("€"))
        self.add_row(form, self.tr("&Hilfeart:"), self.help_type_combo)
        self.add_row(form, self.tr("&Person:"), self.person_combo)
        self.add_row(form, self.tr("&Träger:"), self.provider_edit)
        self.add_row(form, self.tr("&Beginn:"), self.start_edit)
        self.add_row(form, self.tr("&Ende:"), self.end_edit)
        self.end_reason_label = self.add_row(
            form, self.tr("Beendigungs&grund:"), self.end_reason_combo
        )
        self.add_row(form, self.tr("&Wochenstunden:"), self.hours_spin)
        cost_label = QLabel(self.tr("Monatliche &Kosten:"))
        cost_label.setBuddy(self.cost_edit)
        form.addRow(cost_label, cost_row)
        self.body.addLayout(form)
        if help_ is not None:
            select_value(self.help_type_combo, help_.help_type)
            select_value(self.person_combo, help_.person_id)
            self.provider_edit.setText(help_.provider)
            self.start_edit.set_value(help_.start_on)
            self.end_edit.set_value(help_.end_on)
            select_value(self.end_reason_combo, help_.end_reason)
            self.hours_spin.setValue(help_.hours_per_week or 0)
            self.cost_edit.set_cents(help_.monthly_cost_cents)
        self.end_edit.changed.connect(self._update_end_reason)
        self._update_end_reason()
        self.watch(
            self.help_type_combo,
            self.person_combo,
            self.provider_edit,
            self.start_edit,
            self.end_edit,
            self.end_reason_combo,
            self.hours_spin,
            self.cost_edit,
        )
        self.help_type_combo.setFocus()
        self.start()

    def _separate_categories(self) -> None:
        """A separator between HzE, Eingliederungshilfe, … and the SRO offers."""
        combo = self.help_type_combo
        cat = catalogue("help_types")
        previous = None
        for i in range(combo.count() - 1, 0, -1):
            code = combo.itemData(i)
            category = cat.by_code(code).get("category") if code else None
            if previous is not None and category != previous:
                combo.insertSeparator(i + 1)
            previous = category

    def _update_end_reason(self) -> None:
        ended = not self.end_edit.is_empty()
        self.end_reason_combo.setEnabled(ended)
        self.end_reason_label.setEnabled(ended)

    def draft(self) -> HelpDraft:
        problems = []
        try:
            cents = self.cost_edit.cents()
        except ValueError:
            cents = None
            problems.append(
                (
                    self.tr("Monatliche Kosten"),
                    self.tr("bitte als Betrag in Euro eingeben, z. B. 1.234,56."),
                )
            )
        end = self.end_edit.value()
        if end is not None and combo_value(self.end_reason_combo) is None:
            problems.append(
                (self.tr("Beendigungsgrund"), self.tr("Bitte einen Beendigungsgrund auswählen."))
            )
        d = HelpDraft(
            help_type=combo_value(self.help_type_combo) or "",
            start_on=self.start_edit.value(),  # type: ignore[arg-type]  # required field
            person_id=combo_value(self.person_combo),
            provider=self.provider_edit.text(),
            end_on=end,
            hours_per_week=self.hours_spin.value() or None,
            monthly_cost_cents=cents,
            end_reason=combo_value(self.end_reason_combo) if end else None,
        )
        return combine_problems(problems, lambda: rules.check_help(d))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        persons: Sequence[Person],
        today: date | None = None,
        help_: Help | None = None,
    ) -> HelpDraft | None:
        dlg = cls(parent, persons=persons, today=today, help_=help_)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- resource


class ResourceDialog(FormDialog):
    """A resource of the person, the family network, the Sozialraum or an institution."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ressource erfassen"))
        self.preferred_width = 500
        form = QFormLayout()
        self.kind_combo = QComboBox()
        fill_from_enum(self.kind_combo, ResourceKind, placeholder=self.tr("— bitte wählen —"))
        self.description_edit = multiline(100)
        self.description_edit.setPlaceholderText(
            self.tr("z. B. Oma wohnt nebenan und holt die Kinder dienstags ab")
        )
        self.add_row(form, self.tr("&Art:"), self.kind_combo)
        self.add_row(form, self.tr("&Beschreibung:"), self.description_edit)
        self.body.addLayout(form)
        self.watch(self.kind_combo, self.description_edit)
        self.kind_combo.setFocus()
        self.start()

    def draft(self) -> ResourceDraft:
        d = ResourceDraft(
            kind=combo_value(self.kind_combo) or "", description=self.description_edit.toPlainText()
        )
        return rules.check_resource(d)

    @classmethod
    def ask(cls, parent: QWidget | None) -> ResourceDraft | None:
        dlg = cls(parent)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


class EndHelpDialog(FormDialog):
    """End a running help: the last day and the reason (catalogue ``end_reasons``)."""

    def __init__(
        self, parent: QWidget | None = None, *, help_: Help, title: str, today: date
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hilfe beenden"))
        self.preferred_width = 460
        self.save_button.setText(self.tr("Hilfe &beenden"))
        self._start = help_.start_on
        intro = QLabel(
            self.tr("%1, seit %2.").replace("%1", title).replace("%2", format_date(help_.start_on))
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.end_edit = DateField(today, default=today)
        self.reason_combo = QComboBox()
        fill_from_catalogue(
            self.reason_combo, "end_reasons", placeholder=self.tr("— bitte wählen —")
        )
        self.add_row(form, self.tr("&Ende:"), self.end_edit)
        self.add_row(form, self.tr("Beendigungs&grund:"), self.reason_combo)
        self.body.addLayout(form)
        self.finish(self.end_edit, self.reason_combo)

    def draft(self) -> tuple[date, str]:
        c = Checker()
        end = c.date(self.tr("Ende"), self.end_edit.value(), required=True)
        c.order(self.tr("Ende"), self._start, end, self.tr("dem Beginn"))
        reason = c.choice(
            self.tr("Beendigungsgrund"),
            combo_value(self.reason_combo),
            set(catalogue("end_reasons").codes()),
        )
        c.done()
        return end, reason  # type: ignore[return-value]  # done() raised otherwise

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, help_: Help, title: str, today: date
    ) -> tuple[date, str] | None:
        dlg = cls(parent, help_=help_, title=title, today=today)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()
