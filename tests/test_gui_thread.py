"""No database work on the GUI thread (#16): with the real task runner (a worker thread), the
main window, the case list and its search, a case file with every tab, Fristen, the new-case
dialog's duplicate search as the user types, the Konferenzmodus and every Verwaltung page open
no database session on the GUI thread. The sessions are counted where every service opens
them (``Store.read`` / ``Store.write``)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sro_case.domain import models as m
from ui.admin import AdminWindow
from ui.conference import ConferenceWindow
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.tasks import TaskRunner

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]


@pytest.fixture
def sessions(store, monkeypatch):  # type: ignore[no-untyped-def]
    """Where each database session was opened: True on the GUI thread."""
    for n, name in enumerate(("Abel", "Meyer", "Zorn")):
        store.cases.create(
            m.CaseDraft(
                f"51.2-2026-00{n}",
                m.FamilyDraft(f"Familie {name}", "toitenwinkel"),
                (m.PersonDraft("Mia", name, date(2018, 3, 14), "female", "child"),),
                lead_worker="admin",
                opened_on=date(2026, 1, 5),
            )
        )
    on_gui: list[str] = []
    for name in ("read", "write"):
        real = getattr(store, name)

        def opened(real=real, name=name):  # type: ignore[no-untyped-def]
            if threading.current_thread() is threading.main_thread():
                import traceback

                on_gui.append(name + "\n" + "".join(traceback.format_stack(limit=8)))
            return real()

        monkeypatch.setattr(store, name, opened)
    return on_gui


def test_no_database_session_on_the_gui_thread(qtbot, store, sessions) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    window = MainWindow(store, runner)
    qtbot.addWidget(window)
    window.show()
    model = window.case_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10_000)
    window.case_list.search.setText("Meyer")
    window.case_list.apply_filter()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    window.tabs.setCurrentIndex(1)  # Fristen
    window.deadlines.reload()
    case_id = store.cases.id_for("51.2-2026-001")  # (set-up, counted below)
    sessions.clear()
    window.open_case(case_id)
    case = window.current_case()
    assert case is not None
    qtbot.waitUntil(lambda: case.detail is not None, timeout=10_000)
    for index in range(case.tabs.count()):
        case.tabs.setCurrentIndex(index)
        qtbot.wait(20)

    # Neuer Fall from the window: the colleagues are read on the lane, then the dialog opens
    opened: list[str] = []

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, NewCaseDialog):
            opened.append(modal.windowTitle())
            modal.discard()
            watcher.stop()

    watcher = QTimer()
    watcher.timeout.connect(close_modal)
    watcher.start(50)
    window.new_case()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)

    dialog = NewCaseDialog(
        None,
        find_duplicates=store.cases.find_duplicates,
        workers=[],
        today=date(2026, 11, 25),
        runner=runner,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.last_name_edit.setText("Zorn")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.duplicates_model.rowCount() == 1, timeout=10_000)
    dialog.discard()  # closed without the "discard what you typed?" question

    conference = ConferenceWindow(store, runner, case_id)
    qtbot.addWidget(conference, before_close_func=lambda w: w.context.mark_clean())
    conference.show()
    qtbot.waitUntil(lambda: conference.context.detail is not None, timeout=10_000)

    admin = AdminWindow(store, runner, window)
    for page in ("users", "audit", "retention", "backup"):
        admin.show_page(page)
        qtbot.wait(100)
    runner.wait()
    qtbot.wait(50)
    for widget in window.open_case_widgets():
        widget._dirty = False
    assert sessions == [], "\n\n".join(sessions)


def test_pdf_renders_on_its_own_lane(qtbot, store, sessions, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """#16: the help plan is read and recorded on the database lane and rendered on the render
    lane, so a long document does not hold the case list."""
    import sro_case.documents as reports

    db_threads: set[int] = set()
    render_threads: set[int] = set()
    for name in ("read", "write"):
        inner = getattr(store, name)

        def opened(inner=inner):  # type: ignore[no-untyped-def]
            db_threads.add(threading.get_ident())
            return inner()

        monkeypatch.setattr(store, name, opened)
    real_render = reports.render_document

    def render(source):  # type: ignore[no-untyped-def]
        render_threads.add(threading.get_ident())
        return real_render(source)

    monkeypatch.setattr(reports, "render_document", render)
    window = MainWindow(store, TaskRunner())
    qtbot.addWidget(window)
    case_id = store.cases.id_for("51.2-2026-001")  # (set-up, on this thread)
    sessions.clear()
    window.open_case(case_id)
    case = window.current_case()
    assert case is not None
    qtbot.waitUntil(lambda: case.detail is not None, timeout=10_000)
    target = tmp_path / "hilfeplan.pdf"
    case.ask_document = lambda _title, _name: (target, False)
    db_threads.clear()
    case._on_export_help_plan()
    qtbot.waitUntil(target.exists, timeout=20_000)
    window.runner.wait()
    assert render_threads and db_threads
    assert render_threads.isdisjoint(db_threads)
    assert threading.main_thread().ident not in render_threads
    assert sessions == []
