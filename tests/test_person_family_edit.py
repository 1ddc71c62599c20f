"""Correcting persons and the family of a case: the service (domain rule, search index,
audit, no partial write) and the case file's real dialogs; the toolbar's icons."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QMessageBox

from sro_case.domain import models as m
from sro_case.domain.models import CaseFilter
from sro_case.errors import ValidationError
from ui.household_dialogs import FamilyDialog, PersonDialog
from ui.main_window import MainWindow
from ui.tasks import InlineTaskRunner


def _case(store, surname: str = "Meyer", space: str = "toitenwinkel", n: int = 1) -> m.CaseSummary:  # type: ignore[no-untyped-def]
    return store.cases.create(
        m.CaseDraft(
            f"51.2-2026-10000{n}",
            m.FamilyDraft(f"Familie {surname}", space, street="Ahornweg 1", postal_code="18147"),
            (
                m.PersonDraft("Kim", surname, date(2014, 1, 1)),
                m.PersonDraft("Anja", surname, date(1988, 5, 2), sex="female", role="parent"),
            ),
            opened_on=date(2026, 1, 1),
        )
    )


def _found(store, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.family_name for c in store.cases.list(CaseFilter(search=text))]


def _audit_count(store, case_id: int) -> int:  # type: ignore[no-untyped-def]
    return len(store.cases.audit_trail(case_id))


# --------------------------------------------------------------------------- service


def test_update_person_renames_and_reindexes(store) -> None:  # type: ignore[no-untyped-def]
    case = _case(store)
    kim = store.cases.get(case.id).family.persons[0]
    before = _audit_count(store, case.id)
    changed = store.cases.update_person(
        case.id,
        kim.id,
        m.PersonDraft(" Kimberly ", "Schulze", date(2014, 2, 1), sex="female", role="child"),
    )
    assert (changed.first_name, changed.last_name, changed.birth_date) == (
        "Kimberly",
        "Schulze",
        date(2014, 2, 1),
    )
    assert _found(store, "Schulze") == ["Familie Meyer"]
    assert _found(store, "Schultze") == ["Familie Meyer"]  # phonetic code was rebuilt too
    assert _found(store, "Kimberly") == ["Familie Meyer"]
    trail = store.cases.audit_trail(case.id)
    assert len(trail) == before + 1
    assert (trail[-1].action, trail[-1].entity) == ("update", "person")
    assert "Schulze" not in trail[-1].detail  # field names only, no personal data in the log


def test_update_person_refuses_bad_input_without_writing(store, clock) -> None:  # type: ignore[no-untyped-def]
    case = _case(store)
    kim = store.cases.get(case.id).family.persons[0]
    before = _audit_count(store, case.id)
    future = date(clock.today().year + 1, 1, 1)
    with pytest.raises(ValidationError) as err:
        store.cases.update_person(case.id, kim.id, m.PersonDraft("", "Neu", future))
    fields = [f for f, _ in err.value.problems]
    assert fields == ["Vorname", "Geburtsdatum"]
    assert "darf nicht leer sein" in str(err.value)
    assert store.cases.get(case.id).family.persons[0] == kim
    assert _found(store, "Neu") == []
    assert _audit_count(store, case.id) == before + 1  # only the read of get() above


def test_update_person_of_another_family_is_refused(store) -> None:  # type: ignore[no-untyped-def]
    a = _case(store, "Meyer", n=1)
    b = _case(store, "Abel", n=2)
    stranger = store.cases.get(b.id).family.persons[0]
    with pytest.raises(ValidationError, match="gehört nicht zu diesem Fall"):
        store.cases.update_person(a.id, stranger.id, m.PersonDraft("X", "Y"))
    assert store.cases.get(b.id).family.persons[0] == stranger


def test_update_family_name_address_and_move(store) -> None:  # type: ignore[no-untyped-def]
    case = _case(store)
    other = _case(store, "Meyer", n=2)  # another household with the same name
    family = store.cases.update_family(
        case.id,
        m.FamilyDraft("Familie Meyer-Özdemir", "gross_klein", "Kiefernweg 7", "18109", "Rostock"),
    )
    assert family.display_name == "Familie Meyer-Özdemir"
    detail = store.cases.get(case.id)
    assert (detail.family.street, detail.family.postal_code) == ("Kiefernweg 7", "18109")
    assert detail.family.social_space == "gross_klein"
    assert detail.summary.social_space == "Groß Klein"
    assert _found(store, "Özdemir") == ["Familie Meyer-Özdemir"]
    names = [c.family_name for c in store.cases.list(sort="family")]
    assert names == ["Familie Meyer", "Familie Meyer-Özdemir"]  # sort name follows
    assert store.cases.get(other.id).summary.social_space == "Toitenwinkel"  # untouched
    assert store.cases.get(other.id).family.display_name == "Familie Meyer"
    trail = store.cases.audit_trail(case.id)
    assert (trail[-2].action, trail[-2].entity) == ("update", "family")
    assert "social_space" in trail[-2].detail


def test_update_family_refuses_bad_input(store) -> None:  # type: ignore[no-untyped-def]
    case = _case(store)
    before = store.cases.get(case.id).family
    with pytest.raises(ValidationError) as err:
        store.cases.update_family(case.id, m.FamilyDraft("", "atlantis", "Weg\x00 1"))
    assert [f for f, _ in err.value.problems] == ["Familie", "Sozialraum", "Straße"]
    assert store.cases.get(case.id).family == before


# --------------------------------------------------------------------------- GUI


@pytest.fixture
def window(qtbot, store, gui_settings):  # type: ignore[no-untyped-def]
    _case(store)
    w = MainWindow(store, InlineTaskRunner())
    qtbot.addWidget(w)
    yield w
    for case in w.open_case_widgets():  # no "save changes?" question at teardown
        case._dirty = False


def _drive_modal(qtbot, action, on_dialog):  # type: ignore[no-untyped-def]
    """Run ``action`` (which opens a modal dialog) and let ``on_dialog`` work the real dialog."""
    seen = []

    def work() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, work)
            return
        seen.append(dialog)
        on_dialog(dialog)

    QTimer.singleShot(0, work)
    action()
    assert seen, "no dialog opened"
    return seen[0]


@pytest.mark.gui
def test_edit_person_through_the_dialog_then_search_finds_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.open_case(1)
    case = window.current_case()
    case.tabs.setCurrentWidget(case.persons)
    assert not case.edit_person_button.isEnabled()  # nothing selected yet
    case.persons.table.selectRow(0)
    assert case.edit_person_button.isEnabled()

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, PersonDialog)
        assert dialog.windowTitle() == "Person bearbeiten"
        assert dialog.first_name_edit.text() == "Kim"
        dialog.first_name_edit.setText("Kira")
        dialog.last_name_edit.setText("Wendt")
        assert dialog.is_valid()
        dialog.save_button.click()

    index = case.persons.model.index(0, 0)
    dialog = _drive_modal(qtbot, lambda: case.persons.table.activated.emit(index), edit)
    assert isinstance(dialog, PersonDialog)
    names = [case.persons.model.index(r, 1).data() for r in range(case.persons.model.rowCount())]
    assert "Wendt" in names
    window.case_list.search.setText("Wendt")
    window.case_list.apply_filter()
    model = window.case_list.model
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Familie Meyer"]


@pytest.mark.gui
def test_enter_and_double_click_open_the_person(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    window.show()
    qtbot.waitExposed(window)
    window.open_case(1)
    case = window.current_case()
    case.tabs.setCurrentWidget(case.persons)
    table = case.persons.table
    table.setCurrentIndex(case.persons.model.index(1, 0))
    table.setFocus()

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, PersonDialog)
        assert dialog.first_name_edit.text() == "Anja"
        dialog.reject()

    _drive_modal(qtbot, lambda: QTest.keyClick(table, Qt.Key_Return), look)
    rect = table.visualRect(case.persons.model.index(1, 1))

    def double_click() -> None:  # a real double-click starts with a press on the same row
        QTest.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
        QTest.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())

    _drive_modal(qtbot, double_click, look)


@pytest.mark.gui
def test_invalid_person_edit_is_refused_with_a_message(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    window.open_case(1)
    case = window.current_case()
    case.persons.table.selectRow(0)
    before = store.cases.get(1).family.persons

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.first_name_edit.clear()
        assert not dialog.save_button.isEnabled()
        assert "Vorname: darf nicht leer sein." in dialog.problem_list.text()
        dialog.accept()  # Strg+Eingabe anyway: refused, the dialog stays open
        assert dialog.isVisible() and dialog.result_draft() is None
        dialog.discard()

    _drive_modal(qtbot, case.edit_person_button.click, edit)
    assert store.cases.get(1).family.persons == before


@pytest.mark.gui
def test_service_refusal_is_shown_and_nothing_changes(qtbot, window, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """If the service refuses (e.g. the person was moved meanwhile), the user sees why."""
    window.open_case(1)
    case = window.current_case()
    case.persons.table.selectRow(0)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(
        PersonDialog, "ask", classmethod(lambda cls, *a, **k: m.PersonDraft("", ""))
    )
    case.edit_person()
    assert shown and "Vorname: darf nicht leer sein." in shown[0]


@pytest.mark.gui
def test_edit_family_through_the_dialog(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    window.open_case(1)
    case = window.current_case()

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, FamilyDialog)
        assert dialog.display_name_edit.text() == "Familie Meyer"
        assert dialog.social_space_combo.currentData() == "toitenwinkel"
        for w in (
            dialog.display_name_edit,
            dialog.street_edit,
            dialog.postal_code_edit,
            dialog.city_edit,
            dialog.social_space_combo,
        ):
            assert w.accessibleName(), w
        dialog.street_edit.setText("Kiefernweg 7")
        dialog.display_name_edit.clear()
        assert "Familie: darf nicht leer sein." in dialog.problem_list.text()
        dialog.display_name_edit.setText("Familie Wendt")
        dialog.social_space_combo.setCurrentIndex(dialog.social_space_combo.findData("gross_klein"))
        dialog.save_button.click()

    _drive_modal(qtbot, case.edit_family_button.click, edit)
    assert "Familie Wendt" in case.family_label.text()
    assert "Kiefernweg 7" in case.family_label.text()
    detail = store.cases.get(1)
    assert (detail.family.display_name, detail.family.social_space) == (
        "Familie Wendt",
        "gross_klein",
    )
    window.case_list.search.setText("Wendt")
    window.case_list.apply_filter()
    assert window.case_list.model.rowCount() == 1


def _tab_chain(start, n: int) -> list:  # type: ignore[no-untyped-def]
    order = [start]
    widget = start
    while len(order) < n:
        widget = widget.nextInFocusChain()
        inner = isinstance(widget.parent(), QAbstractSpinBox)  # a date field's own line edit
        if widget.focusPolicy() & Qt.TabFocus and widget.isEnabled() and not inner:
            order.append(widget)
    return order


@pytest.mark.gui
def test_person_dialog_tab_order_and_names(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(today=date(2026, 11, 25), person=m.PersonDraft("Kim", "Abel"))
    qtbot.addWidget(dialog)
    fields = [
        dialog.first_name_edit,
        dialog.last_name_edit,
        dialog.birth_date_edit,
        dialog.sex_combo,
        dialog.role_combo,
    ]
    assert [w.accessibleName() for w in fields] == [
        "Vorname",
        "Familienname",
        "Geburtsdatum",
        "Geschlecht",
        "Rolle",
    ]
    focused = [dialog.birth_date_edit.edit if w is dialog.birth_date_edit else w for w in fields]
    assert _tab_chain(dialog.first_name_edit, 7) == [  # the date field's line edit takes it
        *focused,
        dialog.save_button,
        dialog.cancel_button,
    ]


@pytest.mark.gui
def test_family_dialog_tab_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FamilyDialog(family=m.FamilyDraft("Familie Abel", "suedstadt", "Weg 1", "18055"))
    qtbot.addWidget(dialog)
    order = _tab_chain(dialog.display_name_edit, 7)
    expected = [
        dialog.display_name_edit,
        dialog.street_edit,
        dialog.postal_code_edit,
        dialog.city_edit,
        dialog.social_space_combo,
        dialog.save_button,
        dialog.cancel_button,
    ]
    assert order == expected


# --------------------------------------------------------------------------- toolbar


@pytest.mark.gui
def test_toolbar_uses_the_menu_actions_with_icons(window) -> None:  # type: ignore[no-untyped-def]
    toolbar = window.toolbar
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    expected = {
        "Ctrl+Shift+N": window.new_case_action,
        "Ctrl+S": window.save_action,
        "Ctrl+N": window.note_action,
        "Ctrl+K": window.conference_action,
        "Ctrl+F": window.search_action,
        "F5": window.refresh_action,
        "Ctrl+L": window.lock_action,
        "Ctrl+Shift+E": window.export_action,
    }
    assert {a.shortcut().toString() for a in actions} == set(expected)
    menu_actions = {
        a
        for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
        for a in menu.actions()
    }
    for keys, action in expected.items():
        assert action in actions and action in menu_actions  # the same object, not a copy
        assert not action.icon().isNull()
        pixmap = action.icon().pixmap(24, 24)
        assert not pixmap.isNull() and not pixmap.toImage().isNull()
        image = pixmap.toImage()
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24)), (
            keys
        )  # something is drawn
        assert (
            keys.replace("Ctrl", "Strg").replace("Shift", "Umschalt") in action.toolTip()
            or keys in action.toolTip()
        )
        button = toolbar.widgetForAction(action)
        assert button.accessibleName() and "…" not in button.accessibleName()


@pytest.mark.gui
def test_case_actions_follow_the_open_case_and_the_lock(window) -> None:  # type: ignore[no-untyped-def]
    case_actions = (window.save_action, window.note_action, window.conference_action)
    assert not any(a.isEnabled() for a in case_actions)  # the case list is in front
    window.open_case(1)
    assert all(a.isEnabled() for a in case_actions)
    window.tabs.setCurrentIndex(0)
    assert not any(a.isEnabled() for a in case_actions)
    window.lock()
    assert not window.toolbar.isEnabled()
    window.unlock_done()
    assert window.toolbar.isEnabled()


@pytest.mark.gui
def test_case_file_buttons_have_icons(window) -> None:  # type: ignore[no-untyped-def]
    window.open_case(1)
    case = window.current_case()
    for button in (
        case.save_button,
        case.close_button,
        case.reopen_button,
        case.edit_person_button,
        case.edit_family_button,
        case.conference_button,
    ):
        assert not button.icon().isNull(), button.text()
        assert button.accessibleName()
