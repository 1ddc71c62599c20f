"""The main window against a real encrypted database: list, search, filters, case file,
due dates, auto-lock with an injected clock, language switch. Offscreen, pytest-qt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from sro_case.domain import models as m
from tests.conftest import PASSPHRASE
from ui.case_file import CaseFileWidget
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.table_sorting import sort_menu
from ui.tables import ID_ROLE
from ui.tasks import InlineTaskRunner

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]


@pytest.fixture
def filled(store):  # type: ignore[no-untyped-def]
    for i, (surname, space) in enumerate(
        [
            ("Meyer", "toitenwinkel"),
            ("Özdemir", "gross_klein"),
            ("Abel", "suedstadt"),
            ("Zorn", "toitenwinkel"),
        ]
    ):
        store.cases.create(
            m.CaseDraft(
                f"51.2-2026-00000{i}",
                m.FamilyDraft(f"Familie {surname}", space),
                (m.PersonDraft("Kim", surname, date(2014, 1, 1)),),
                lead_worker="admin",
                opened_on=date(2026, 1, 1),
                next_review=date(2026, 11, 1) if i == 0 else None,
            )
        )
    return store


class FakeIdleClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def window(qtbot, filled):  # type: ignore[no-untyped-def]
    clock = FakeIdleClock()
    w = MainWindow(filled, InlineTaskRunner(), idle_clock=clock)
    w.idle_clock = clock  # type: ignore[attr-defined]
    yield w
    for case in w.open_case_widgets():  # no "save changes?" question at teardown
        case._dirty = False
    w.close()
    w.deleteLater()


def rows(w: MainWindow) -> list[str]:
    model = w.case_list.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_list_search_filters_and_sort(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    assert len(rows(window)) == 4
    qtmodeltester.check(window.case_list.model)
    window.case_list.search.setText("Maier")  # Kölner Phonetik finds Meyer
    window.case_list.apply_filter()
    assert rows(window) == ["Familie Meyer"]
    window.case_list.search.clear()
    window.case_list.space.setCurrentIndex(window.case_list.space.findData("toitenwinkel"))
    assert sorted(rows(window)) == ["Familie Meyer", "Familie Zorn"]
    window.case_list.space.setCurrentIndex(0)
    window.case_list.review_due.setChecked(True)
    assert rows(window) == ["Familie Meyer"]
    window.case_list.review_due.setChecked(False)
    window.case_list.table.sortByColumn(1, Qt.AscendingOrder)
    assert rows(window) == ["Familie Abel", "Familie Meyer", "Familie Özdemir", "Familie Zorn"]
    assert "Fälle" in window.case_list.count_label.text()
    # the same from the keyboard (#15): the sort menu's entry for the current column turns
    # the order round, in the database's query (the list is loaded page by page)
    menu = sort_menu(window.case_list.table)
    assert [a.text() for a in menu.actions()][:3] == [
        "Sortieren nach",
        "&1 Aktenzeichen",
        "&2 Familie  ▲",
    ]
    menu.actions()[2].trigger()
    assert rows(window) == ["Familie Zorn", "Familie Özdemir", "Familie Meyer", "Familie Abel"]


def test_typing_after_unlock_searches(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The first keys after unlocking go into the search; ↓ then Umschalt+F10 sorts (#15)."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.focusWidget() is window.case_list.search
    qtbot.keyClicks(window.case_list.search, "Meyer")
    window.case_list.apply_filter()
    assert rows(window) == ["Familie Meyer"]


def test_open_case_file_tabs(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window.open_case(1)
    case = window.current_case()
    assert isinstance(case, CaseFileWidget) and case.detail is not None
    assert window.tabs.tabText(window.tabs.currentIndex()) == "51.2-2026-000000"
    labels = [case.tabs.tabText(i) for i in range(case.tabs.count())]
    assert labels == [
        "Überblick",
        "Familie && Personen",
        "Verlauf",
        "Einwilligungen",
        "Hilfen",
        "Ressourcen",
        "Konferenzen",
        "Ziele",
        "Zugriffe",
    ]
    for tab in (case.persons, case.notes, case.consents, case.helps, case.access):
        qtmodeltester.check(tab.model)
    assert case.access.model.rowCount() == 0  # read when the tab is shown
    case.tabs.setCurrentWidget(case.access)
    assert case.access.model.rowCount() >= 2  # created + read
    window.open_case(1)  # the same case is not opened twice
    assert window.tabs.count() == 3


def test_edit_save_and_discard_question(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window.open_case(1)
    case = window.current_case()
    case.reason_edit.setPlainText("Neuer Anlass: Schule meldet Fehlzeiten")
    assert case.dirty and case.save_button.isEnabled()
    window.save_current()
    assert not case.dirty
    assert case.detail.reason_for_contact == "Neuer Anlass: Schule meldet Fehlzeiten"
    case.reason_edit.setPlainText("noch nicht gespeichert")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.Cancel
    )
    window.close_current_case()
    assert asked and window.tabs.count() == 3  # cancelled: the file stays open


def test_auto_lock_hides_data_and_keeps_unsaved_input(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_case(1)
    case = window.current_case()
    case.reason_edit.setPlainText("ungespeicherte Eingabe")
    window.open_case(2)  # an untouched file: dropped on lock
    window.idle_clock.now += 9 * 60
    window.idle.check()
    assert not window.locked
    window.idle_clock.now += 60
    window.idle.check()  # the one-second timer's tick: locked at once
    assert window.locked and window.stack.currentWidget() is window.lock_page
    assert window.case_list.model.rowCount() == 0 and window.deadlines.model.rowCount() == 0
    assert [w.case_id for w in window.open_case_widgets()] == [1]
    window.lock_page.passphrase.setText("falsch falsch falsch")
    window.lock_page._on_submit()
    assert window.locked and "falsch" in window.lock_page.message.text()
    window.lock_page.passphrase.setText(PASSPHRASE)
    window.lock_page._on_submit()
    assert not window.locked and window.stack.currentWidget() is window.tabs
    assert len(rows(window)) == 4
    assert window.open_case_widgets()[0].reason_edit.toPlainText() == "ungespeicherte Eingabe"


def test_lock_shortcut(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.lock_action.trigger()
    assert window.locked


def test_deadlines_page(window) -> None:  # type: ignore[no-untyped-def]
    window.deadlines.reload()
    assert window.deadlines.model.rowCount() == 1
    assert window.deadlines.model.index(0, 3).data() == "51.2-2026-000000"
    assert window.deadlines.model.index(0, 1).data() == "überschritten"


def test_deadlines_show_what_is_due_in_the_next_weeks(window) -> None:  # type: ignore[no-untyped-def]
    """#15: after a conference with steps due in four weeks, Fristen said "0 Fristen"."""
    store = window.store
    today = store.clock.today()
    store.cases.update(2, m.CaseEdit(next_review=today + timedelta(days=5)))
    store.cases.update(3, m.CaseEdit(next_review=today + timedelta(days=40)))
    window.deadlines.reload()
    rows = [
        [window.deadlines.model.index(r, c).data() for c in range(7)]
        for r in range(window.deadlines.model.rowCount())
    ]
    assert [r[1] for r in rows] == ["überschritten", "in den nächsten 7 Tagen"]
    assert rows[1][6] == "Überprüfung fällig"
    assert "2 Fristen, davon 1 überschritten" in window.deadlines.summary.text()


def test_language_switch_to_english_and_back(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    install_language("en")
    w = MainWindow(filled, InlineTaskRunner())
    qtbot.addWidget(w)
    assert w.tabs.tabText(0) == "Cases"
    assert w.case_list.model.headerData(0, Qt.Horizontal) == "File number"
    install_language("de")
    w2 = MainWindow(filled, InlineTaskRunner())
    qtbot.addWidget(w2)
    assert w2.tabs.tabText(0) == "Fälle"


def test_statistics_export_from_the_menu(window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from ui.export_dialog import StatisticsExportDialog
    from ui.statistics_period import StatisticsPeriod, StatisticsPeriodDialog

    shown = []
    target = tmp_path / "statistik.csv"
    monkeypatch.setattr(
        StatisticsPeriodDialog,
        "ask",
        classmethod(
            lambda cls, parent, **kw: StatisticsPeriod(date(2026, 1, 1), date(2026, 12, 31))
        ),
    )
    monkeypatch.setattr(
        StatisticsExportDialog,
        "ask",
        classmethod(lambda cls, export, parent: shown.append(export) or target),
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.Ok)
    window.export_statistics()
    assert shown and target.read_bytes().startswith(b"\xef\xbb\xbf#")


def test_the_review_date_typed_with_dots_is_saved_and_a_wrong_one_is_not(
    window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """#15: a date typed the German way is the date saved, also with Strg+S before leaving the
    field; text that is no date is refused with a message and saves nothing."""
    from PySide6.QtWidgets import QMessageBox

    from sro_case.cases.service import CaseService

    window.open_case(1)
    case = window.current_case()
    field = case.review_field
    field.edit.selectAll()
    qtbot_keys(field.edit, "15.1.2027")
    assert case.dirty  # typing alone makes Speichern available
    window.save_current()
    assert case.detail.summary.next_review == date(2027, 1, 15)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    field.edit.selectAll()
    qtbot_keys(field.edit, "31.02.2027")
    window.save_current()
    assert warnings and "31.02.2027" in warnings[0]
    assert CaseService(window.store).get(1).summary.next_review == date(2027, 1, 15)


def qtbot_keys(edit, text: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    QTest.keyClicks(edit, text)


def test_helps_are_edited_and_ended_and_closing_ends_the_rest(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """#15 through the case file: Hilfe ändern, Hilfe beenden, and Fall abschließen asking
    about the helps still running."""
    from ui import entry_dialogs, lifecycle_dialogs

    store = window.store
    spfh = store.cases.add_help(1, m.HelpDraft("31", date(2026, 3, 1), monthly_cost_cents=185_000))
    store.cases.add_help(1, m.HelpDraft("28", date(2026, 4, 1)))
    window.open_case(1)
    case = window.current_case()
    case.tabs.setCurrentWidget(case.helps)
    rows = [case.helps.model.row_at(r).id for r in range(case.helps.model.rowCount())]
    case.helps.table.selectRow(rows.index(spfh.id))
    seen: dict[str, object] = {}

    def edit(cls, parent, *, persons, today, help_):  # type: ignore[no-untyped-def]
        seen["edited"] = help_.id
        return m.HelpDraft("31", date(2026, 3, 1), provider="Nordlicht", monthly_cost_cents=185_000)

    monkeypatch.setattr(entry_dialogs.HelpDialog, "ask", classmethod(edit))
    case.edit_help_button.click()
    assert seen["edited"] == spfh.id
    assert next(h for h in case.detail.helps if h.id == spfh.id).provider == "Nordlicht"

    case.helps.table.selectRow(rows.index(spfh.id))
    monkeypatch.setattr(
        entry_dialogs.EndHelpDialog,
        "ask",
        classmethod(lambda cls, *a, **k: (date(2026, 9, 30), "plan")),
    )
    case.end_help_button.click()
    ended = next(h for h in case.detail.helps if h.id == spfh.id)
    assert (ended.end_on, ended.end_reason) == (date(2026, 9, 30), "plan")

    def close(cls, parent, *, today, opened_on, running):  # type: ignore[no-untyped-def]
        seen["running"] = list(running)
        return ("plan", date(2026, 10, 31), True)

    monkeypatch.setattr(lifecycle_dialogs.CloseCaseDialog, "ask", classmethod(close))
    case.close_button.click()
    assert seen["running"] == ["§ 28 Erziehungsberatung"]
    assert store.cases.running_helps(1) == []


@pytest.mark.parametrize(
    ("free", "expected"), [((1920, 1040), (1280, 800)), ((1366, 728), (1280, 668))]
)
def test_the_first_window_fits_the_screen(free, expected) -> None:  # type: ignore[no-untyped-def]
    """#15: 1280 × 800 on a 1366 × 768 laptop put the status bar below the taskbar."""
    from PySide6.QtCore import QSize

    from ui.main_window import first_size

    assert first_size(QSize(*free)) == QSize(*expected)


def test_consent_scope_is_shown_and_the_lock_is_an_icon(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """#15: the consent table shows each consent's scope; the lock symbol was an emoji that
    rendered as an empty box where the font lacks it."""
    from PySide6.QtWidgets import QLabel

    store = window.store
    person = store.cases.get(1).family.persons[0]
    store.cases.add_consent(
        1,
        m.ConsentDraft(
            person.id,
            ("kita",),
            date(2026, 2, 1),
            data_scope="nur Termine",
            releases_entrusted=True,
        ),
    )
    window.open_case(1)
    case = window.current_case()
    header = [
        case.consents.model.headerData(c, Qt.Horizontal)
        for c in range(case.consents.model.columnCount())
    ]
    assert header[-1] == "Umfang"
    cells = case.consents.model.row_at(0).cells
    assert cells[-1] == "nur Termine · gibt anvertraute Einträge frei"
    window.lock()
    labels = window.findChildren(QLabel)
    assert not any("🔒" in label.text() for label in labels)
    assert any(label.pixmap() is not None and not label.pixmap().isNull() for label in labels)


def test_an_overdue_review_stands_out_in_the_list_and_the_file(window) -> None:  # type: ignore[no-untyped-def]
    """#15: overdue review dates are highlighted in the case list and the Überblick."""
    from PySide6.QtGui import QBrush

    model = window.case_list.model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    late = model.index(rows["51.2-2026-000000"], 5)  # next review 01.11.2026, today later
    assert isinstance(late.data(Qt.ForegroundRole), QBrush) and late.data(Qt.FontRole).bold()
    assert late.data(Qt.ToolTipRole) == "Überprüfung überschritten"
    assert model.index(rows["51.2-2026-000001"], 5).data(Qt.ForegroundRole) is None
    window.open_case(1)
    case = window.current_case()
    assert not case.review_overdue.isHidden() and case.review_overdue.text() == "überschritten"


def _mnemonic_clashes(root) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Alt+letter used twice among the menu bar and the visible buttons and buddy labels."""
    import re
    from collections import defaultdict

    from PySide6.QtWidgets import QAbstractButton, QLabel, QMenuBar, QWidget

    found: dict[str, list[str]] = defaultdict(list)
    for bar in root.findChildren(QMenuBar):
        for action in bar.actions():
            if m_ := re.search(r"&(\w)", action.text().replace("&&", "")):
                found[m_.group(1).lower()].append(action.text())
    for w in root.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, QAbstractButton | QLabel):
            continue
        if isinstance(w, QLabel) and w.buddy() is None:
            continue
        if m_ := re.search(r"&(\w)", w.text().replace("&&", "")):
            found[m_.group(1).lower()].append(w.text())
    return {k: v for k, v in found.items() if len(v) > 1}


def test_no_mnemonic_is_used_twice_in_one_view(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """#15: Alt+H opened the Help menu instead of "Person hinzufügen", and Alt+B was both
    "Nächste Überprüfung" and "Fall abschließen"."""
    window.show()
    qtbot.waitExposed(window)
    assert _mnemonic_clashes(window) == {}
    window.open_case(1)
    case = window.current_case()
    for i in range(case.tabs.count()):
        case.tabs.setCurrentIndex(i)
        assert _mnemonic_clashes(window) == {}, case.tabs.tabText(i)


def test_the_inner_tabs_by_keyboard_also_from_a_text_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """#15: Strg+Bild runter / Strg+Bild hoch move through a case file's tabs, also while the
    focus is in the Anlass field (which took the keys itself)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.show()
    qtbot.waitExposed(window)
    window.open_case(1)
    case = window.current_case()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    case.reason_edit.setFocus()
    QTest.keyClick(case.reason_edit, Qt.Key_PageDown, Qt.ControlModifier)
    assert case.tabs.currentIndex() == 1
    # the next tab's table is made when it is first shown, and the switch lands in it
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_PageDown, Qt.ControlModifier)
    assert case.tabs.currentWidget() is case.notes
    assert QApplication.focusWidget() is case.notes.table
    # Tab order as the tab looks: the filter, the button, then the table made just now
    before = case.notes.table.previousInFocusChain()
    assert before.accessibleName() == "Neuer Eintrag"
    assert before.previousInFocusChain().accessibleName() == "Verlauf nach Art filtern"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_PageUp, Qt.ControlModifier)
    for _ in range(2):
        QTest.keyClick(QApplication.focusWidget() or case.tabs, Qt.Key_PageUp, Qt.ControlModifier)
    assert case.tabs.currentIndex() == case.tabs.count() - 1  # round the end


def test_search_by_keyboard_and_why_a_hit_matched(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """#15: Enter in the search field opens the first hit, ↓ moves into the hits, and a
    phonetic hit says why it matched."""
    from PySide6.QtTest import QTest

    opened: list[int] = []
    window.case_list.case_activated.connect(opened.append)
    search = window.case_list.search
    search.setText("Maier")  # Kölner Phonetik finds Meyer
    QTest.keyClick(search, Qt.Key_Return)
    assert rows(window) == ["Familie Meyer"]
    assert opened == [window.case_list.model.index(0, 0).data(ID_ROLE)]
    tip = window.case_list.model.index(0, 1).data(Qt.ToolTipRole)
    assert tip == "klingt wie „Meyer“ (gesucht: Maier)"
    search.setText("Kim")  # a first name: shown as found through a household member
    window.case_list.apply_filter()
    assert window.case_list.model.index(0, 1).data(Qt.ToolTipRole).startswith("gefunden über")
    search.setText("Meyer")
    window.case_list.apply_filter()
    assert window.case_list.model.index(0, 1).data(Qt.ToolTipRole) is None  # plain to see
    QTest.keyClick(search, Qt.Key_Down)
    assert window.case_list.table.currentIndex().row() == 0


def test_the_protocol_and_the_help_plan_from_the_case_file(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """#15: the client offers the protocol (and the help plan) with initials, as the CLI does."""
    from pypdf import PdfReader

    store = window.store
    store.conferences.record(
        1,
        m.ConferenceDraft(
            held_on=date(2026, 3, 10),
            kind="fallkonferenz",
            facilitator="Moderation Nord",
            participants=(m.ParticipantDraft("Katrin Beck", "asd"),),
        ),
        [],
    )
    window.open_case(1)
    case = window.current_case()
    case.tabs.setCurrentWidget(case.conferences)
    case.conferences.table.selectRow(0)
    pdf = tmp_path / "protokoll.pdf"
    monkeypatch.setattr(case, "ask_document", lambda title, suggested: (pdf, True))
    case.protocol_button.click()
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "K. B." in text and "Katrin Beck" not in text
    plan = tmp_path / "hilfeplan.pdf"
    monkeypatch.setattr(case, "ask_document", lambda title, suggested: (plan, False))
    case.help_plan_button.click()
    assert plan.stat().st_size > 0


def test_another_database_from_the_file_menu(window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """#15: Open and Demo belong in the File menu: Datenbank wechseln shows the start screen,
    closes this window as on quitting and names the database to unlock next."""
    from ui.start_dialog import StartDialog

    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Datenbank &wechseln …" in titles
    chosen: list[object] = []
    window.switch_requested.connect(chosen.append)
    monkeypatch.setattr(StartDialog, "ask", classmethod(lambda cls, default: None))
    window.show()
    window.switch_database()  # cancelled: nothing happens
    assert window.isVisible() and chosen == []
    demo = (tmp_path / "demo.db", True)
    monkeypatch.setattr(StartDialog, "ask", classmethod(lambda cls, default: demo))
    window.switch_database()
    assert not window.isVisible() and chosen == [demo]


def test_a_colleagues_change_does_not_overtake_a_search_on_its_way(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    """A live refresh arriving while the user's search is still being read: the search's rows
    are shown as soon as they arrive (not dropped for a second query), and the list is read
    once more afterwards, with the same filter."""
    from tests.held_runner import HeldRunner
    from ui.case_list import CaseListPage

    runner = HeldRunner()
    page = CaseListPage(filled, runner)
    qtbot.addWidget(page)
    runner.release_all()  # the start: filters and the first page
    page.search.setText("Meyer")
    page.apply_filter()
    assert len(runner.held) == 1
    page.model.refresh()  # a colleague saved a case meanwhile
    assert len(runner.held) == 1  # the search is not overtaken
    shown: list[int] = []
    page.model.loaded.connect(shown.append)
    runner.release()
    assert shown == [1] and page.model.index(0, 1).data() == "Familie Meyer"
    assert len(runner.held) == 1  # … and read once more, with the same filter
    runner.release()
    assert shown == [1, 1] and not runner.held


def test_closing_a_case_returns_to_where_it_was_opened(window) -> None:  # type: ignore[no-untyped-def]
    """Strg+W on a case file goes back to the list (or the Fristen) it was opened from, not
    to whichever tab is next to it."""
    window.open_case(1)
    window.close_current_case()
    assert window.tabs.currentWidget() is window.case_list
    assert not window.deadlines._loaded  # not passed over (it would have been read)
    window.tabs.setCurrentWidget(window.deadlines)
    window.open_case(1)
    window.open_case(2)
    window.close_current_case()  # opened from the first case file: back to it
    assert window.tabs.currentWidget() is window.current_case() is not None
    window.close_current_case()
    assert window.tabs.currentWidget() is window.deadlines


def test_a_change_the_window_already_shows_is_not_announced_again(window) -> None:  # type: ignore[no-untyped-def]
    """A live update for the version the open file already shows – the user's own save, read
    back – neither reloads the file nor says "Geändert auf dem Teamserver"; a newer one does."""
    window.open_case(1)
    case = window.current_case()
    assert case is not None and case.detail is not None
    number, version = case.detail.summary.file_number, case.detail.summary.version
    reloads: list[int] = []
    case.loaded.connect(lambda: reloads.append(1))
    window._on_live_change(number, version)
    window._apply_live()
    assert reloads == [] and "Teamserver" not in window.statusBar().currentMessage()
    window._on_live_change(number, version + 1)  # a colleague's save
    window._apply_live()
    assert reloads == [1]
    assert window.statusBar().currentMessage() == f"Geändert auf dem Teamserver: {number}"


def test_the_rows_are_shown_before_their_count(qtbot, filled) -> None:  # type: ignore[no-untyped-def]
    """A full first page is shown as soon as it is read; the count (on the team server a
    search's dearest part) follows, and only then the list says how many. A page that is not
    full needs no count at all."""
    from tests.held_runner import HeldRunner
    from ui.case_list import CaseListPage

    runner = HeldRunner()
    page = CaseListPage(filled, runner)
    qtbot.addWidget(page)
    runner.release_all()
    page.model.PAGE = 2  # (a small page instead of 200 rows)
    totals: list[int] = []
    page.model.loaded.connect(totals.append)
    page.apply_filter()
    runner.release()  # the page
    assert page.model.rowCount() == 2 and totals == [] and not page.model.is_loading()
    assert len(runner.held) == 1  # the count, next
    runner.release()
    assert totals == [filled.cases.count()] and totals[0] > 2
    page.search.setText("Meyer")
    page.apply_filter()
    runner.release()  # one hit: the page is the whole answer
    assert totals[-1] == 1 and not runner.held
