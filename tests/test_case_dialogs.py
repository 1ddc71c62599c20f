"""Entry dialogs (pytest-qt, offscreen): validation as you type, the drafts they return, and the
duplicate search of a new case against a real encrypted database.

Dialogs are driven through their instance API (fill, accept, ``result_draft()``), never exec().
Umlauts are typed with QKeyEvent(Key_unknown): QTest.keyClicks aborts the process on ä/ö/ü.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from sro_case.domain import models as m
from sro_case.errors import ValidationError
from ui.app import create_application
from ui.entry_dialogs import ConsentDialog, EndHelpDialog, HelpDialog, NoteDialog, ResourceDialog
from ui.forms import DateField, FormDialog, combine_problems, format_cents, parse_cents
from ui.household_dialogs import PersonDialog
from ui.lifecycle_dialogs import CloseCaseDialog, ReopenDialog
from ui.new_case_dialog import (
    DuplicateTableModel,
    NewCaseDialog,
    OpenExisting,
    PersonDraftTableModel,
)
from ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 25)  # the fixed clock of tests/conftest.py
PERSONS = (
    m.Person(11, 1, "Lena", "Meyer", date(2015, 4, 3), "female", "child"),
    m.Person(12, 1, "Jörg", "Meyer", date(1985, 1, 2), "male", "parent"),
)


ASK_FOR_REAL = FormDialog.confirm_discard


@pytest.fixture(autouse=True)
def german_app(tmp_path, qapp, monkeypatch):  # type: ignore[no-untyped-def]
    """The real application set-up (German, stylesheet) with settings kept in tmp_path.

    qtbot closes the dialogs at the end of a test; a dialog with typed input would then ask
    "Änderungen verwerfen?" in a modal box and block the run, so the answer here is yes.
    """
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    create_application()
    monkeypatch.setattr(FormDialog, "confirm_discard", lambda self: True)


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a user; umlauts as Key_unknown events (see PITFALLS.md)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def fields(dialog: FormDialog) -> list[str]:
    return [f for f, _ in dialog.problems()]


def save(dialog: FormDialog):  # type: ignore[no-untyped-def]
    assert dialog.save_button.isEnabled(), dialog.problems()
    dialog.save_button.click()
    assert dialog.result() == QDialog.Accepted
    return dialog.result_draft()


def assert_accessible_and_german(dialog: QDialog) -> None:
    """Every input has an accessible name; no Qt default English on any button."""
    inputs = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    for w in dialog.findChildren(QWidget):
        if not isinstance(w, inputs):
            continue
        if isinstance(w.parent(), QAbstractSpinBox | QComboBox | QAbstractItemView):
            continue  # Qt's own parts: the line edit of a date field, a table's headers
        if w.objectName().startswith("qt_"):
            continue  # the calendar popup
        if isinstance(w, QAbstractItemView) and not w.isVisibleTo(dialog):
            continue  # combo popups
        assert w.accessibleName(), f"{type(w).__name__} without accessible name"
    english = {"ok", "cancel", "save", "close", "apply", "yes", "no", "discard", "reset"}
    for b in dialog.findChildren(QAbstractButton):
        assert b.text().replace("&", "").strip().lower() not in english, b.text()


# --------------------------------------------------------------------------- shared widgets


@pytest.mark.parametrize(
    "typed", ["14.03.2015", "14.3.15", "14032015", " 14. 3. 2015 ", "14,3,2015", "14-03-2015"]
)
def test_date_field_reads_what_german_users_type(qtbot, typed: str) -> None:  # type: ignore[no-untyped-def]
    """#15: typing 14.03.2015 into a QDateEdit-based field left 01.01.2000 without a word."""
    field = DateField(optional=True, default=date(2026, 11, 25))
    qtbot.addWidget(field)
    field.show()
    assert field.value() is None and field.date() is None and field.text() == ""
    qtbot.keyClicks(field.edit, typed)
    QTest.keyClick(field.edit, Qt.Key_Return)
    assert field.value() == date(2015, 3, 14) and field.text() == "14.03.2015"
    assert field.problem() is None


def test_date_field_refuses_visibly_and_keeps_its_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateField(optional=True, default=date(2026, 11, 25))
    qtbot.addWidget(field)
    field.set_value(date(2025, 3, 1))
    assert field.text() == "01.03.2025"  # four-digit year, never 01.03.25
    for wrong in ("31.02.2025", "Montag", "1.1.1850"):
        field.edit.selectAll()
        qtbot.keyClicks(field.edit, wrong)
        with qtbot.waitSignal(field.changed):
            QTest.keyClick(field.edit, Qt.Key_Tab)
            field.commit()
        assert field.problem() and field.value() == date(2025, 3, 1), wrong
        assert field.edit.text() == wrong  # the typed text stays, marked, for correcting
    field.edit.clear()
    field.commit()  # an optional field may be emptied
    assert field.value() is None and field.problem() is None
    with qtbot.waitSignal(field.changed):
        field.set_date(date(2020, 2, 29))
    assert field.text() == "29.02.2020"

    required = DateField(date(2026, 1, 2))
    qtbot.addWidget(required)
    with pytest.raises(ValueError):
        required.set_value(None)
    required.edit.clear()
    assert not required.commit() and required.problem()
    assert required.value() == date(2026, 1, 2)


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_date_typed_in_the_usual_forms_comes_back_as_itself(qtbot, day: date) -> None:  # type: ignore[no-untyped-def]
    field = DateField(optional=True, default=date(2026, 11, 25))
    qtbot.addWidget(field)
    forms = [f"{day:%d.%m.%Y}", f"{day.day}.{day.month}.{day.year}", f"{day:%d%m%Y}"]
    for typed in forms:
        field.edit.clear()
        qtbot.keyClicks(field.edit, typed)
        QTest.keyClick(field.edit, Qt.Key_Return)
        assert field.value() == day, typed
        assert field.text() == f"{day:%d.%m.%Y}"


def test_a_form_with_a_wrong_date_names_it_and_does_not_save(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = PersonDialog(today=TODAY)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.first_name_edit, "Lena")
    type_text(qtbot, dlg.last_name_edit, "Müller")
    select_data(dlg.sex_combo, "female")
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.birth_date_edit.edit.setFocus()
    qtbot.keyClicks(dlg.birth_date_edit.edit, "31.02.2015")
    QTest.keyClick(dlg.birth_date_edit.edit, Qt.Key_Return)  # Enter: the field, then Speichern
    assert dlg.result() != dlg.DialogCode.Accepted and dlg.result_draft() is None
    assert not dlg.save_button.isEnabled()
    assert "Geburtsdatum" in dlg.problem_list.text() and "31.02.2015" in dlg.problem_list.text()
    dlg.birth_date_edit.edit.selectAll()
    qtbot.keyClicks(dlg.birth_date_edit.edit, "14.03.2015")
    # Speichern while the typed date is still in the field: it counts
    qtbot.mouseClick(dlg.save_button, Qt.LeftButton)
    assert dlg.result_draft() == m.PersonDraft(
        "Lena", "Müller", date(2015, 3, 14), "female", "child"
    )


def test_german_amounts() -> None:
    assert parse_cents("1.234,56") == 123456
    assert parse_cents("1234,5") == 123450
    assert parse_cents(" 850 € ") == 85000
    assert parse_cents("") is None
    for bad in ("12.5", "1,234", "abc", "-5", "1.23,00"):
        with pytest.raises(ValueError):
            parse_cents(bad)
    assert format_cents(123456) == "1.234,56"
    assert format_cents(5) == "0,05"


def test_combine_problems_lists_own_problems_first() -> None:
    def rule() -> None:
        raise ValidationError([("Text", "darf nicht leer sein.")])

    with pytest.raises(ValidationError) as info:
        combine_problems([("Person", "muss ausgewählt werden.")], rule)
    assert [f for f, _ in info.value.problems] == ["Person", "Text"]
    with pytest.raises(ValidationError):
        combine_problems([("Person", "muss ausgewählt werden.")], lambda: 1)
    assert combine_problems([], lambda: 1) == 1


# --------------------------------------------------------------------------- person, note


def test_person_dialog_validates_as_you_type(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = PersonDialog(today=TODAY)
    qtbot.addWidget(dlg)
    assert not dlg.save_button.isEnabled()
    assert dlg.problem_list.text() == ""  # an untouched form does not scold
    assert_accessible_and_german(dlg)
    qtbot.keyClicks(dlg.first_name_edit, "Lena")
    assert fields(dlg) == ["Familienname"] and not dlg.save_button.isEnabled()
    assert "Familienname: darf nicht leer sein." in dlg.problem_list.text()
    type_text(qtbot, dlg.last_name_edit, "Müller")
    assert dlg.last_name_edit.text() == "Müller"
    dlg.birth_date_edit.set_value(date(2027, 1, 1))
    assert fields(dlg) == ["Geburtsdatum"] and not dlg.save_button.isEnabled()
    dlg.birth_date_edit.set_value(date(2015, 4, 3))
    select_data(dlg.sex_combo, "female")
    assert save(dlg) == m.PersonDraft("Lena", "Müller", date(2015, 4, 3), "female", "child")


def test_person_dialog_edits_existing_person(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = PersonDialog(today=TODAY, person=PERSONS[1])
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Person bearbeiten"
    assert dlg.save_button.isEnabled()
    select_data(dlg.role_combo, "guardian")
    assert save(dlg) == m.PersonDraft("Jörg", "Meyer", date(1985, 1, 2), "male", "guardian")


def test_note_dialog_keyboard_entry(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = NoteDialog(today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()  # shortcuts work in the active window only
    qtbot.waitUntil(dlg.isActiveWindow, timeout=2000)
    assert_accessible_and_german(dlg)
    assert dlg.date_edit.value() == TODAY
    dlg.kind_combo.setFocus()
    qtbot.keyClicks(dlg.kind_combo, "T")  # first letter picks the kind
    assert dlg.kind_combo.currentData() == "phone"
    qtbot.keyClicks(dlg.participants_edit, "Mutter")
    assert fields(dlg) == ["Text"] and not dlg.save_button.isEnabled()
    dlg.date_edit.set_value(date(2026, 11, 26))
    dlg.text_edit.setPlainText("Rückruf wegen Schulwechsel; Mutter möchte Begleitung.")
    assert fields(dlg) == ["Datum"]
    assert "in der Zukunft" in dlg.problem_list.text()
    dlg.date_edit.set_value(date(2026, 11, 24))
    dlg.entrusted_check.setChecked(True)
    QTest.keyClick(dlg.text_edit, Qt.Key_Return, Qt.ControlModifier)  # Strg+Eingabe saves
    assert dlg.result() == QDialog.Accepted
    assert dlg.result_draft() == m.NoteDraft(
        date(2026, 11, 24),
        "phone",
        "Rückruf wegen Schulwechsel; Mutter möchte Begleitung.",
        "Mutter",
        True,
    )


# --------------------------------------------------------------------------- consent, help, resource


def test_consent_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = ConsentDialog(persons=PERSONS, today=TODAY)
    qtbot.addWidget(dlg)
    assert_accessible_and_german(dlg)
    assert dlg.person_combo.currentData() is None  # two persons: no silent choice
    dlg.scope_edit.setPlainText("Schulbesuch und Förderbedarf")
    assert fields(dlg) == ["Person", "Empfänger"]
    select_data(dlg.person_combo, 11)
    dlg.disciplines_list.set_checked(["schule", "schulsozialarbeit"])
    dlg.given_on_edit.set_value(date(2026, 11, 1))
    dlg.expires_on_edit.set_value(date(2026, 10, 1))
    assert fields(dlg) == ["Gültig bis"] and not dlg.save_button.isEnabled()
    dlg.expires_on_edit.set_value(date(2027, 10, 31))
    dlg.entrusted_check.setChecked(True)
    assert save(dlg) == m.ConsentDraft(
        11,
        ("schulsozialarbeit", "schule"),
        date(2026, 11, 1),
        date(2027, 10, 31),
        "Schulbesuch und Förderbedarf",
        True,
    )


def test_consent_dialog_preselects_the_only_person(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = ConsentDialog(persons=PERSONS[:1], today=TODAY)
    qtbot.addWidget(dlg)
    assert dlg.person_combo.currentData() == 11


def test_help_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = HelpDialog(persons=PERSONS, today=TODAY)
    qtbot.addWidget(dlg)
    assert_accessible_and_german(dlg)
    texts = [dlg.help_type_combo.itemText(i) for i in range(dlg.help_type_combo.count())]
    assert "§ 31 Sozialpädagogische Familienhilfe" in texts
    assert dlg.start_edit.value() == TODAY and not dlg.save_button.isEnabled()
    assert not dlg.end_reason_combo.isEnabled()  # only once the help has ended
    select_data(dlg.help_type_combo, "31")
    select_data(dlg.person_combo, 12)
    type_text(qtbot, dlg.provider_edit, "Jugendhilfe Südstadt e. V.")
    dlg.cost_edit.setText("12.5")
    assert fields(dlg) == ["Monatliche Kosten"] and not dlg.save_button.isEnabled()
    dlg.cost_edit.setText("1.234,56")
    dlg.start_edit.set_value(date(2026, 3, 1))
    dlg.end_edit.set_value(date(2026, 2, 1))
    assert fields(dlg) == ["Beendigungsgrund", "Ende"]  # an ended help says why
    assert dlg.end_reason_combo.isEnabled()
    dlg.end_edit.clear_value()
    dlg.hours_spin.setValue(6)
    assert save(dlg) == m.HelpDraft(
        "31", date(2026, 3, 1), 12, "Jugendhilfe Südstadt e. V.", None, 6, 123456, None
    )


def test_help_dialog_optional_numbers_stay_empty(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = HelpDialog(persons=(), today=TODAY)
    qtbot.addWidget(dlg)
    select_data(dlg.help_type_combo, "16")
    dlg.end_edit.set_value(date(2026, 12, 31))
    select_data(dlg.end_reason_combo, "plan")
    draft = save(dlg)
    assert draft.person_id is None and draft.hours_per_week is None
    assert draft.monthly_cost_cents is None and draft.end_reason == "plan"


def test_resource_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = ResourceDialog()
    qtbot.addWidget(dlg)
    assert_accessible_and_german(dlg)
    dlg.description_edit.setPlainText("Oma wohnt nebenan und holt die Kinder dienstags ab.")
    assert fields(dlg) == ["Art der Ressource"]
    select_data(dlg.kind_combo, "family")
    assert save(dlg) == m.ResourceDraft(
        "family", "Oma wohnt nebenan und holt die Kinder dienstags ab."
    )


# --------------------------------------------------------------------------- close, reopen, settings


def test_close_case_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = CloseCaseDialog(today=TODAY, opened_on=date(2026, 5, 1))
    qtbot.addWidget(dlg)
    assert_accessible_and_german(dlg)
    assert not dlg.save_button.isEnabled() and dlg.save_button.text() == "Fall &abschließen"
    dlg.closed_on_edit.set_value(date(2026, 12, 1))
    assert fields(dlg) == ["Beendigungsgrund", "Abschlussdatum"]
    select_data(dlg.reason_combo, "plan")
    dlg.closed_on_edit.set_value(date(2026, 4, 1))
    assert "vor dem Fallbeginn" in dlg.problem_list.text()
    dlg.closed_on_edit.set_value(date(2026, 11, 20))
    assert save(dlg) == ("plan", date(2026, 11, 20), False)  # no running help to ask about


def test_closing_asks_about_running_helps(qtbot) -> None:  # type: ignore[no-untyped-def]
    """#15: closing a case left a § 31 help running at 1.850 €/month."""
    dlg = CloseCaseDialog(
        today=TODAY, opened_on=date(2026, 5, 1), running=["§ 31 Sozialpädagogische Familienhilfe"]
    )
    qtbot.addWidget(dlg)
    assert_accessible_and_german(dlg)
    assert dlg.end_helps_box.isChecked() and not dlg.end_helps_box.isHidden()
    labels = " ".join(w.text() for w in dlg.findChildren(QLabel))
    assert "§ 31 Sozialpädagogische Familienhilfe" in labels
    select_data(dlg.reason_combo, "plan")
    assert save(dlg) == ("plan", TODAY, True)


def test_a_help_is_edited_and_ended(qtbot) -> None:  # type: ignore[no-untyped-def]
    running = m.Help(
        7, "31", 12, "Jugendhilfe Südstadt e. V.", date(2026, 3, 1), None, 6, 185000, None
    )
    dlg = HelpDialog(persons=PERSONS, today=TODAY, help_=running)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Hilfe bearbeiten"
    assert dlg.cost_edit.cents() == 185000 and dlg.provider_edit.text() == running.provider
    dlg.hours_spin.setValue(8)
    assert save(dlg) == m.HelpDraft(
        "31", date(2026, 3, 1), 12, "Jugendhilfe Südstadt e. V.", None, 8, 185000, None
    )
    end = EndHelpDialog(help_=running, title="§ 31 SPFH", today=TODAY)
    qtbot.addWidget(end)
    assert_accessible_and_german(end)
    end.end_edit.set_value(date(2026, 2, 1))
    select_data(end.reason_combo, "plan")
    assert "vor dem Beginn" in " ".join(p for _f, p in end.problems()) or not end.is_valid()
    end.end_edit.set_value(date(2026, 11, 20))
    assert save(end) == (date(2026, 11, 20), "plan")


def test_reopen_dialog_needs_a_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = ReopenDialog()
    qtbot.addWidget(dlg)
    assert_accessible_and_german(dlg)
    assert not dlg.save_button.isEnabled()
    select_data(dlg.reason_combo, "meldung_8a")
    assert save(dlg) == "meldung_8a"


def test_settings_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = SettingsDialog(language="en", idle_minutes=0)
    qtbot.addWidget(dlg)
    assert_accessible_and_german(dlg)
    names = [dlg.language_combo.itemText(i) for i in range(dlg.language_combo.count())]
    assert names == ["Deutsch", "English"]  # each language in its own language
    assert dlg.language_combo.currentData() == "en"
    assert dlg.idle_spin.value() == 10  # out of range: the default
    assert (dlg.idle_spin.minimum(), dlg.idle_spin.maximum()) == (1, 120)
    select_data(dlg.language_combo, "de")
    dlg.idle_spin.setValue(25)
    assert save(dlg) == ("de", 25)


# --------------------------------------------------------------------------- cancelling


def test_cancel_asks_only_when_something_was_typed(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dlg = ResourceDialog()
    qtbot.addWidget(dlg)

    def must_not_ask(self) -> bool:  # type: ignore[no-untyped-def]
        raise AssertionError("asked although nothing was typed")

    monkeypatch.setattr(ResourceDialog, "confirm_discard", must_not_ask)
    dlg.cancel_button.click()
    assert dlg.result() == QDialog.Rejected and dlg.result_draft() is None

    dlg = ResourceDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.description_edit.setPlainText("Nachbarin")
    monkeypatch.setattr(ResourceDialog, "confirm_discard", lambda self: False)
    QTest.keyClick(dlg, Qt.Key_Escape)
    assert dlg.isVisible()  # "Weiter bearbeiten": the input stays
    monkeypatch.setattr(ResourceDialog, "confirm_discard", lambda self: True)
    dlg.cancel_button.click()
    assert not dlg.isVisible() and dlg.result() == QDialog.Rejected


def test_discard_question_is_german(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = ResourceDialog()
    qtbot.addWidget(dlg)
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        box.button(QMessageBox.No).click()

    QTimer.singleShot(0, answer)
    assert ASK_FOR_REAL(dlg) is False
    assert seen == {
        "title": "Änderungen verwerfen?",
        "buttons": ["&Verwerfen", "&Weiter bearbeiten"],
    }


# --------------------------------------------------------------------------- new case


def _meyer_case(store) -> m.CaseSummary:  # type: ignore[no-untyped-def]
    return store.cases.create(
        m.CaseDraft(
            "51.2-2025-000001",
            m.FamilyDraft("Familie Meyer", "toitenwinkel"),
            (m.PersonDraft("Lena", "Meyer", date(2015, 4, 3), "female", "child"),),
            opened_on=date(2025, 1, 10),
        )
    )


def _new_case_dialog(qtbot, store) -> NewCaseDialog:  # type: ignore[no-untyped-def]
    dlg = NewCaseDialog(
        find_duplicates=store.cases.find_duplicates,
        workers=store.users.list(),
        today=store.clock.today(),
    )
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_new_case_finds_duplicate_and_opens_it(qtbot, qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    existing = _meyer_case(store)
    dlg = _new_case_dialog(qtbot, store)
    assert_accessible_and_german(dlg)
    assert not dlg.save_button.isVisible() and not dlg.open_button.isEnabled()
    qtbot.keyClicks(dlg.last_name_edit, "Maier")
    qtbot.waitUntil(lambda: dlg.duplicates_model.rowCount() == 1, timeout=3000)  # as you type
    model = dlg.duplicates_model
    qtmodeltester.check(model)
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[:5] == ["51.2-2025-000001", "Familie Meyer", "Eingang", "Lena Meyer", "03.04.2015"]
    assert "gleich klingender Familienname" in row[5]
    assert dlg.new_button.text() == "&Trotzdem neuen Fall anlegen"
    dlg.duplicates_view.selectRow(0)
    assert dlg.open_button.isEnabled()
    dlg.open_button.click()
    assert dlg.result() == QDialog.Accepted
    assert dlg.result_draft() == OpenExisting(existing.id)


def test_new_case_shows_closed_cases_too(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    existing = _meyer_case(store)
    store.cases.close(existing.id, "plan", date(2026, 6, 30))
    dlg = _new_case_dialog(qtbot, store)
    dlg.last_name_edit.setText("Meyer")
    dlg.birth_date_edit.set_value(date(2015, 4, 3))
    dlg.search()
    assert dlg.duplicates_model.index(0, DuplicateTableModel.STATUS).data() == "abgeschlossen"
    tip = dlg.duplicates_model.index(0, DuplicateTableModel.FILE_NUMBER).data(Qt.ToolTipRole)
    assert tip == "Fall abgeschlossen am 30.06.2026"


def test_new_case_anyway_gives_a_draft_the_service_accepts(qtbot, qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    _meyer_case(store)
    dlg = _new_case_dialog(qtbot, store)
    qtbot.keyClicks(dlg.last_name_edit, "Maier")
    qtbot.keyClicks(dlg.first_name_edit, "Tom")
    dlg.birth_date_edit.set_value(date(2011, 9, 1))
    dlg.new_button.click()  # the hits for this input were not shown yet: show them first
    assert dlg.stack.currentIndex() == NewCaseDialog.SEARCH_PAGE
    assert dlg.duplicates_model.rowCount() == 1
    dlg.new_button.click()  # seen, and confirmed: a new case
    assert dlg.stack.currentIndex() == NewCaseDialog.DETAILS_PAGE
    assert dlg.save_button.isVisible() and not dlg.save_button.isEnabled()
    assert_accessible_and_german(dlg)

    qtmodeltester.check(dlg.persons_model)
    assert dlg.persons_model.rows() == (
        m.PersonDraft("Tom", "Maier", date(2011, 9, 1), "unspecified", "adolescent"),  # 15
    )
    assert dlg.display_name_edit.text() == "Familie Maier"
    assert fields(dlg) == ["Aktenzeichen", "Sozialraum"]
    logins = [dlg.lead_worker_combo.itemData(i) for i in range(dlg.lead_worker_combo.count())]
    assert logins == [None, "admin"]

    qtbot.keyClicks(dlg.file_number_edit, "51.2-2026-000777")
    select_data(dlg.social_space_combo, "gross_klein")
    assert "Groß Klein (Modellregion)" in dlg.social_space_combo.currentText()
    type_text(qtbot, dlg.street_edit, "Gägelower Straße 3")
    dlg.postal_code_edit.setText("18109")
    select_data(dlg.lead_worker_combo, "admin")
    dlg.reason_edit.setPlainText("Schule meldet häufige Fehlzeiten.")
    dlg.focus_areas_list.set_checked(["schule", "erziehung"])
    dlg.child_protection_check.setChecked(True)
    dlg.next_review_edit.set_value(date(2027, 2, 1))
    dlg.postal_code_edit.setFocus()
    QTest.keyClick(dlg.postal_code_edit, Qt.Key_Return)  # Eingabe moves on, it does not save
    assert dlg.isVisible() and dlg.result() != QDialog.Accepted and dlg.is_valid()
    draft = save(dlg)

    assert isinstance(draft, m.CaseDraft)
    assert draft.family == m.FamilyDraft(
        "Familie Maier", "gross_klein", "Gägelower Straße 3", "18109"
    )
    assert draft.focus_areas == ("erziehung", "schule") and draft.child_protection
    assert draft.opened_on == store.clock.today() and draft.lead_worker == "admin"
    summary = store.cases.create(draft)
    assert summary.family_name == "Familie Maier" and summary.lead_worker == "Administrator/in"
    assert store.cases.get(summary.id).family.persons[0].full_name == "Tom Maier"


def test_new_case_persons_list(qtbot, monkeypatch, store) -> None:  # type: ignore[no-untyped-def]
    dlg = _new_case_dialog(qtbot, store)
    dlg.last_name_edit.setText("Özdemir")
    dlg.first_name_edit.setText("Ayşe")
    dlg.new_button.click()
    assert dlg.stack.currentIndex() == NewCaseDialog.DETAILS_PAGE  # no hits: straight on
    asked: dict[str, object] = {}

    def fake_ask(parent, *, today, person=None, last_name=""):  # type: ignore[no-untyped-def]
        asked.update(person=person, last_name=last_name)
        return m.PersonDraft("Mehmet", "Özdemir", date(1980, 5, 5), "male", "parent")

    monkeypatch.setattr(PersonDialog, "ask", fake_ask)
    dlg.add_person_button.click()
    assert asked == {"person": None, "last_name": "Özdemir"}
    assert dlg.persons_model.rowCount() == 2
    dlg.persons_view.selectRow(0)
    dlg.edit_person_button.click()
    assert asked["person"] == m.PersonDraft("Ayşe", "Özdemir", None, "unspecified", "child")
    dlg.persons_view.selectRow(1)
    dlg.remove_person_button.click()
    dlg.persons_view.selectRow(0)
    dlg.remove_person_button.click()
    assert dlg.persons_model.rowCount() == 0
    assert "Personen" in fields(dlg)

    dlg.back_button.click()  # back to the search: the main person stays as it was typed
    assert dlg.stack.currentIndex() == NewCaseDialog.SEARCH_PAGE
    assert dlg.last_name_edit.text() == "Özdemir" and not dlg.save_button.isVisible()


def test_table_models_on_their_own(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from sro_case.domain.models import DuplicateCandidate

    dup = DuplicateTableModel()
    qtmodeltester.check(dup)
    summary = m.CaseSummary(
        3, "AZ-3", "Familie Ähre", "Dierkow", "hilfe_laufend", "", date(2026, 1, 1), None, None
    )
    dup.set_rows([DuplicateCandidate(summary, "Ole Ähre", None, "gleiches Geburtsdatum")])
    qtmodeltester.check(dup)
    assert dup.index(0, DuplicateTableModel.STATUS).data() == "Hilfe läuft"
    assert dup.index(0, DuplicateTableModel.BIRTH_DATE).data() == ""

    persons = PersonDraftTableModel()
    qtmodeltester.check(persons)
    persons.set_rows([m.PersonDraft("Ole", "Ähre", date(2019, 7, 1), "male", "child")])
    qtmodeltester.check(persons)
    assert persons.index(0, PersonDraftTableModel.ROLE).data() == "Kind"
    assert persons.index(0, PersonDraftTableModel.BIRTH_DATE).data() == "01.07.2019"


def test_an_empty_table_shows_whole_headers(qtbot) -> None:  # type: ignore[no-untyped-def]
    """#15: the duplicate list showed "ktenzeichen" before the first search."""
    dlg = NewCaseDialog(find_duplicates=lambda *a, **k: [], workers=[], today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    header = dlg.duplicates_view.horizontalHeader()
    for column in range(header.count() - 1):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
