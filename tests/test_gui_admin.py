"""Verwaltung in the client against real encrypted databases: users with their own key slots,
the audit chain view and its check, deletion periods, backup and restore into a new file, the
passphrase change, and the Controlling role that sees no case data. Offscreen, pytest-qt."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import text
from sqlalchemy import text as text_sql

from sro_case import store as store_module
from sro_case.accounts import vault
from sro_case.domain import models as m
from sro_case.domain.models import AuditFilter
from sro_case.errors import PermissionDenied, WrongPassphrase
from tests.conftest import PASSPHRASE
from ui.admin import AdminWindow, ChangePassphraseDialog
from ui.admin import retention as admin_retention
from ui.admin import users as admin_users
from ui.admin.audit_chain import AuditLogModel
from ui.admin.users import NewUser, NewUserDialog
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.statistics_only import StatisticsOnlyPage
from ui.tasks import InlineTaskRunner, TaskRunner

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]

PETRA = "Petras eigene Passphrase 7"


def new_case(store, fn: str = "51.2-2026-000001", surname: str = "Meyer") -> int:  # type: ignore[no-untyped-def]
    return store.cases.create(
        m.CaseDraft(
            fn,
            m.FamilyDraft(f"Familie {surname}", "toitenwinkel"),
            (m.PersonDraft("Kim", surname, date(2014, 1, 1)),),
            lead_worker="admin",
            opened_on=date(2026, 1, 5),
        )
    ).id


@pytest.fixture
def window(qtbot, store):  # type: ignore[no-untyped-def]
    new_case(store)
    w = MainWindow(store, InlineTaskRunner())
    qtbot.addWidget(w)
    yield w
    w.close()


def menu_titles(w: MainWindow) -> list[str]:
    return [a.text() for a in w.menuBar().actions() if a.isVisible()]


def open_admin(w: MainWindow, page: str) -> AdminWindow:
    menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Verwaltung")
    index = AdminWindow.PAGES.index(page)
    menu.actions()[index].trigger()
    assert isinstance(w.admin_window, AdminWindow)
    return w.admin_window


def unlock_as(store, passphrase: str):  # type: ignore[no-untyped-def]
    return store_module.unlock(store.path, passphrase, clock=store.clock)


# --------------------------------------------------------------------------- users


def test_new_user_dialog_checks_passphrase_and_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = NewUserDialog()
    qtbot.addWidget(dlg)
    assert not dlg.save_button.isEnabled()
    dlg.login.setText("petra")
    dlg.name.setText("Petra Lange")
    dlg.role.setCurrentIndex(dlg.role.findData("caseworker"))
    dlg.passphrase.setText("kurz")
    assert any("mindestens 10 Zeichen" in msg for _f, msg in dlg.problems())
    assert dlg.strength.text().startswith("zu kurz")
    dlg.passphrase.setText(PETRA)
    dlg.repeat.setText(PETRA + "x")
    assert any("stimmen nicht überein" in msg for _f, msg in dlg.problems())
    dlg.repeat.setText(PETRA)
    assert dlg.save_button.isEnabled()
    dlg.accept()
    result = dlg.result_draft()
    assert result == NewUser(m.UserDraft("petra", "Petra Lange", "caseworker"), PETRA)


def test_add_user_unlocks_with_own_passphrase_then_removal_locks_out(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin = open_admin(window, "users")
    page = admin.users
    assert "admin" in [page.model.row_at(r).extra["login"] for r in range(page.model.rowCount())]
    monkeypatch.setattr(
        NewUserDialog,
        "ask",
        classmethod(
            lambda cls, parent: NewUser(m.UserDraft("petra", "Petra Lange", "caseworker"), PETRA)
        ),
    )
    page.add_button.click()
    assert "Petra Lange (petra) wurde angelegt" in page.message.text()
    logins = {
        page.model.row_at(r).extra["login"]: page.model.row_at(r).cells
        for r in range(page.model.rowCount())
    }
    assert logins["petra"][2:] == ("Fachkraft", "aktiv", "ja")

    petra = unlock_as(window.store, PETRA)
    try:
        assert (petra.actor, petra.role) == ("petra", "caseworker")
    finally:
        petra.close()

    # Removing: the admin is asked (default No); on "No" nothing happens.
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row_at(r).extra["login"] == "petra"
    )
    page.view.selectRow(row)
    assert page.remove_button.isEnabled()
    monkeypatch.setattr(admin_users, "confirm_removal", lambda *a: False)
    page.remove_button.click()
    unlock_as(window.store, PETRA).close()
    monkeypatch.setattr(admin_users, "confirm_removal", lambda *a: True)
    key_before = vault.database_key(window.store)
    page.remove_button.click()
    assert "Der Zugang von Petra Lange wurde entfernt" in page.message.text()
    assert "Datenbankschlüssel für alle anderen erneuert" in page.message.text()
    assert vault.database_key(window.store) != key_before, "the window works on, rekeyed"
    assert window.store.cases.count() >= 0
    with pytest.raises(WrongPassphrase):
        unlock_as(window.store, PETRA)
    logins = {
        page.model.row_at(r).extra["login"]: page.model.row_at(r).cells
        for r in range(page.model.rowCount())
    }
    assert logins["petra"][3:] == ("deaktiviert", "nein")

    # The admin cannot remove their own access; the audit log names the user.
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row_at(r).extra["login"] == "admin"
    )
    page.view.selectRow(row)
    assert not page.remove_button.isEnabled()
    details = [r.detail for r in window.store.audit_log.list()]
    assert any("petra angelegt" in d for d in details)
    assert any("Schlüsselplatz von petra entfernt" in d for d in details)


def test_verwaltung_only_for_admins(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    store.users.add_with_passphrase(m.UserDraft("mo", "Mo Moderation", "facilitator"), PETRA)
    facilitator = unlock_as(store, PETRA)
    try:
        w = MainWindow(facilitator, InlineTaskRunner())
        qtbot.addWidget(w)
        assert "&Verwaltung" not in menu_titles(w)
        assert "&Fall" in menu_titles(w)
        with pytest.raises(PermissionDenied):
            facilitator.users.add(m.UserDraft("x", "X", "admin"))
        with pytest.raises(PermissionDenied):
            facilitator.audit_log.list()
        with pytest.raises(PermissionDenied):
            facilitator.retention.proposals()
        w.close()
    finally:
        facilitator.close()
    admin = MainWindow(store, InlineTaskRunner())
    qtbot.addWidget(admin)
    assert "&Verwaltung" in menu_titles(admin)
    admin.close()


# --------------------------------------------------------------------------- audit chain


def test_audit_chain_view_filters_verifies_and_finds_a_tampered_row(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    store = window.store
    case_id = store.cases.id_for("51.2-2026-000001")
    store.cases.get(case_id)  # a read is logged
    admin = open_admin(window, "audit")
    page = admin.audit
    model = page.model
    total = store.audit_log.count()
    assert model.rowCount() == model.total == total >= 3
    qtmodeltester.check(model)
    newest = [model.index(0, c).data() for c in range(model.columnCount())]
    assert newest[1] == "25.11.2026 10:00"
    assert newest[2] == "Administrator/in (admin)"
    assert newest[3] == "gelesen" and newest[4] == "51.2-2026-000001"
    page.action_combo.setCurrentIndex(page.action_combo.findData("read"))
    assert model.rowCount() == 1 and page.count_label.text() == "1 Einträge"
    page.action_combo.setCurrentIndex(0)
    assert model.rowCount() == total

    page.verify_button.click()
    assert page.message.text() == f"Die Protokollkette ist unversehrt: {total} Einträge geprüft."
    with store.write() as s:
        s.execute(text("UPDATE audit_event SET detail = 'geschönt' WHERE seq = 2"))
    page.verify_button.click()
    assert "NICHT in Ordnung" in page.message.text()
    assert "Eintrag 2 wurde nachträglich verändert" in page.message.text()
    assert page.message.objectName() == "errorMessage"
    row = model.row_of(2)  # the changed entry is marked and selected
    assert model.index(row, 0).data(Qt.ForegroundRole) is not None
    assert model.index(0, 0).data(Qt.ForegroundRole) is None
    assert page.view.selectionModel().selectedRows()[0].row() == row
    qtmodeltester.check(model)


def test_audit_log_model_pages_lazily(qtbot, store, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        new_case(store, f"51.2-2026-00010{i}", f"Zorn{i}")
    runner = InlineTaskRunner()
    model = AuditLogModel(store, runner)
    model.PAGE = 2  # this model's page size only
    model.reload()
    assert model.rowCount() == 2 and model.total == store.audit_log.count()
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    qtmodeltester.check(model)


def test_chain_check_runs_off_the_gui_thread(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    w = AdminWindow(store, runner)
    qtbot.addWidget(w)
    page = w.show_page("audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.working)
    page.verify_button.click()
    assert page.busy.isVisible() or "unversehrt" in page.message.text()
    qtbot.waitUntil(lambda: "unversehrt" in page.message.text(), timeout=10_000)
    assert not page.busy.isVisible() and page.verify_button.isEnabled()
    runner.wait()


# --------------------------------------------------------------------------- retention


def test_retention_proposes_after_the_period_and_deletes_after_confirmation(
    window, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store = window.store
    case_id = store.cases.id_for("51.2-2026-000001")
    store.cases.close(case_id, "plan", date(2026, 11, 20))
    admin = open_admin(window, "retention")
    page = admin.retention
    assert page.model.rowCount() == 0

    clock.current += timedelta(days=365 * 11)
    page.reload()
    assert page.model.rowCount() == 1
    cells = page.model.row_at(0).cells
    assert cells[0] == "51.2-2026-000001" and cells[1] == "Familie Meyer"
    assert cells[2] == "20.11.2026" and cells[4] == "20.11.2036" and cells[5] == "nein"

    # Legal hold: the case leaves the proposals (shown as an exception), then comes back.
    page.view.selectRow(0)
    page.hold_button.click()
    assert "Löschsperre für 51.2-2026-000001 gesetzt" in page.message.text()
    assert page.exceptions_check.isChecked()
    assert [page.model.row_at(r).cells[5] for r in range(page.model.rowCount())] == ["ja"]
    page.view.selectRow(0)
    assert not page.delete_button.isEnabled()
    page.hold_button.click()
    page.exceptions_check.setChecked(False)
    assert page.model.rowCount() == 1

    page.select_all_button.click()
    asked: list[int] = []
    monkeypatch.setattr(admin_retention, "confirm_deletion", lambda _p, n: asked.append(n) or False)
    page.delete_button.click()
    assert asked == [1] and store.cases.count() == 1
    monkeypatch.setattr(admin_retention, "confirm_deletion", lambda _p, n: asked.append(n) or True)
    page.delete_button.click()
    assert store.cases.count() == 0
    assert window.case_list.model.rowCount() == 0  # the main window's list followed
    assert page.message.text().startswith("Gelöscht: 1 Fälle")
    assert page.model.rowCount() == 0
    assert store.audit_log.list(AuditFilter(action="retention"))


# --------------------------------------------------------------------------- backup


def test_backup_now_and_restore_into_a_new_file(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = window.store
    folder = tmp_path / "sicherungen"
    admin = open_admin(window, "backup")
    page = admin.backup
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    page.choose_folder()
    assert QSettings().value("backup/folder") == str(folder)
    page.keep_spin.setValue(3)
    assert int(QSettings().value("backup/keep")) == 3
    page.backup_button.click()
    assert "Sicherung geschrieben und geprüft" in page.message.text()
    assert page.model.rowCount() == 1
    backup = page.model.row_at(0).extra["path"]
    assert backup.parent == folder and Path(f"{backup}.keys").is_file()

    page.view.selectRow(0)
    page.verify_button.click()
    assert "ist in Ordnung" in page.message.text()

    # Never over the live database.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(store.path), ""))
    page.restore_button.click()
    assert "nie überschrieben" in page.message.text()

    target = tmp_path / "wieder" / "zurueck.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.view.selectRow(0)
    page.restore_button.click()
    assert "als neue Datei" in page.message.text() and target.is_file()
    restored = store_module.unlock(target, PASSPHRASE)
    try:
        assert [c.file_number for c in restored.cases.list()] == ["51.2-2026-000001"]
    finally:
        restored.close()
    assert store.cases.count() == 1  # the live database is untouched and still open


def test_check_the_database_from_the_verwaltung(window) -> None:  # type: ignore[no-untyped-def]
    page = open_admin(window, "backup").backup
    page.check_button.click()
    text = page.message.text()
    assert text.startswith("Die Datenbank ist in Ordnung") and "Zählwerk der Statistik" in text
    with window.store.write() as s:  # the statistics tally stops following the helps
        s.execute(text_sql("DROP TRIGGER tally_help_insert"))
    page.check_button.click()
    shown = page.message.text()
    assert shown.startswith("Die Datenbank ist NICHT in Ordnung:")
    assert "• Zählwerk der Statistik: Trigger fehlen (tally_help_insert)" in shown
    assert page.message.objectName() == "errorMessage"


# --------------------------------------------------------------------------- passphrase


def test_change_own_passphrase_in_the_client(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.store
    dlg = ChangePassphraseDialog(store, InlineTaskRunner(), window)
    qtbot.addWidget(dlg)
    new = "Neue Passphrase für Rostock 2027"
    dlg.old.setText("falsch falsch falsch")
    dlg.new.setText("kurz")
    dlg.buttons.accepted.emit()
    assert "zu schwach" in dlg.message.text()
    dlg.new.setText(new)
    dlg.repeat.setText(new + "!")
    dlg.buttons.accepted.emit()
    assert "stimmen nicht überein" in dlg.message.text()
    dlg.repeat.setText(new)
    assert dlg.strength.text().split(" (")[0] in ("gut", "sehr gut")
    dlg.buttons.accepted.emit()
    assert dlg.message.text() == "Die bisherige Passphrase ist falsch. Es wurde nichts geändert."
    vault.verify_passphrase(store.path, PASSPHRASE)  # nothing changed
    dlg.old.setText(PASSPHRASE)
    dlg.buttons.accepted.emit()
    assert dlg.result() == ChangePassphraseDialog.Accepted
    assert vault.verify_passphrase(store.path, new) == "admin"
    assert "Passphrase von admin geändert" in store.audit_log.list(limit=1)[0].detail
    with pytest.raises(WrongPassphrase):
        vault.verify_passphrase(store.path, PASSPHRASE)
    reopened = store_module.unlock(store.path, new, clock=store.clock)  # a real sign-in, too
    assert reopened.actor == "admin"
    reopened.close()
    # The lock screen takes the new passphrase.
    window.lock()
    window._on_unlock_requested(new)
    assert not window.locked
    assert any(
        a.text() == "&Passphrase ändern …" for a in window.menuBar().actions()[0].menu().actions()
    )


def test_admin_window_drops_its_rows_when_the_window_locks(window) -> None:  # type: ignore[no-untyped-def]
    admin = open_admin(window, "audit")
    assert admin.audit.model.rowCount() > 0
    window.lock()
    assert not admin.isVisible() and admin.audit.model.rowCount() == 0


# --------------------------------------------------------------------------- controlling


def test_controlling_sees_only_the_anonymised_export(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    new_case(store)
    store.users.add_with_passphrase(m.UserDraft("carla", "Carla Controlling", "controlling"), PETRA)
    carla = unlock_as(store, PETRA)
    try:
        assert carla.role == "controlling"
        w = MainWindow(carla, InlineTaskRunner())
        qtbot.addWidget(w)
        assert isinstance(w.stack.currentWidget(), StatisticsOnlyPage)
        assert w.case_list.model.rowCount() == 0 and w.deadlines.model.rowCount() == 0
        assert menu_titles(w) == ["&Datei", "&Statistik", "&Hilfe"]
        assert not w.new_case_action.isEnabled() and not w.new_case_action.isVisible()
        assert w.stack.currentWidget().export_button.isEnabled()
        w.lock()
        w._on_unlock_requested(PETRA)
        assert isinstance(w.stack.currentWidget(), StatisticsOnlyPage)
        assert w.case_list.model.rowCount() == 0
        # The services refuse too, not only the client.
        for call in (
            carla.cases.list,
            carla.cases.count,
            lambda: carla.cases.get(1),
            lambda: carla.cases.id_for("51.2-2026-000001"),
            lambda: carla.deadlines.list(),
            carla.audit_log.list,
        ):
            with pytest.raises(PermissionDenied):
                call()
        export = carla.statistics.build(date(2026, 1, 1), date(2026, 12, 31))
        assert export is not None
        w.close()
    finally:
        carla.close()


def test_audit_view_names_the_user_an_entry_is_about(window) -> None:  # type: ignore[no-untyped-def]
    window.store.users.add_with_passphrase(m.UserDraft("petra", "Petra Lange", "caseworker"), PETRA)
    page = open_admin(window, "audit").audit
    details = [page.model.index(r, 5).data() for r in range(page.model.rowCount())]
    assert "Benutzer/in petra · Rolle: Fachkraft" in details
    assert "Schlüsselplatz · Schlüsselplatz für petra angelegt" in details


def test_recovery_key_sign_in_has_no_own_passphrase_to_change(qtbot, created) -> None:  # type: ignore[no-untyped-def]
    store = created.store
    recovered = store_module.unlock(
        store.path, recovery_key=created.recovery_key, clock=store.clock
    )
    try:
        dlg = ChangePassphraseDialog(recovered, InlineTaskRunner())
        qtbot.addWidget(dlg)
        assert "Wiederherstellungsschlüssel" in dlg.message.text()
        assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    finally:
        recovered.close()


def test_admin_views_in_english(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    install_language("en")
    w = AdminWindow(store, InlineTaskRunner())
    qtbot.addWidget(w)
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
        "Users",
        "Audit chain",
        "Retention periods",
        "Backup",
    ]
    page = w.show_page("audit")
    assert page.model.headerData(1, Qt.Horizontal) == "Time"
    assert page.model.index(0, 3).data() == "created"
    page.verify_button.click()
    assert page.message.text().startswith("The audit chain is intact")
    case_id = new_case(store)
    store.cases.close(case_id, "plan", date(2026, 11, 20))
    store.clock.current += timedelta(days=365 * 11)
    retention = w.show_page("retention")
    assert retention.model.row_at(0).cells[2:] == (
        "20.11.2026",
        "Cases without help",
        "20.11.2036",
        "no",
    )
    backup = w.show_page("backup")
    backup.backup_now()
    assert backup.message.text().startswith("Backup written and verified: ")
    assert "Datensätze" not in backup.message.text()


def test_retention_periods_dialog_and_a_longer_period(window, clock, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    from sro_case.domain.retention import MAX_PERIOD_YEARS, PERIOD_CATEGORIES
    from ui.admin.retention import RetentionPeriodsDialog

    store = window.store
    dlg = RetentionPeriodsDialog(store.retention.periods(), PERIOD_CATEGORIES, MAX_PERIOD_YEARS)
    qtbot.addWidget(dlg)
    assert dlg.spins["ohne_hilfe"].value() == 10
    dlg.spins["ohne_hilfe"].setValue(20)
    dlg.accept()
    assert dlg.result_draft() == {"ohne_hilfe": 20}

    store.cases.close(store.cases.id_for("51.2-2026-000001"), "plan", date(2026, 11, 20))
    clock.current += timedelta(days=365 * 11)
    page = open_admin(window, "retention").retention
    assert page.model.rowCount() == 1
    monkeypatch.setattr(
        RetentionPeriodsDialog, "ask", classmethod(lambda cls, *a: {"ohne_hilfe": 20})
    )
    page.periods_button.click()
    assert "Fälle ohne Hilfe: 20 Jahre" in page.message.text()
    assert store.retention.periods()["ohne_hilfe"] == 20
    assert page.model.rowCount() == 0


def test_answers_arriving_after_the_lock_are_dropped(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    new_case(store)
    store.cases.close(store.cases.id_for("51.2-2026-000001"), "plan", date(2026, 11, 20))
    store.clock.current += timedelta(days=365 * 11)

    from tests.held_runner import HeldRunner

    runner = HeldRunner()
    w = AdminWindow(store, runner)
    qtbot.addWidget(w)
    page = w.show_page("retention")
    w.clear()  # the main window locked while the proposals were being computed
    runner.release_all()
    assert page.model.rowCount() == 0 and not page.working


def test_service_refusals_are_shown_in_the_ui_language(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    taken = NewUser(m.UserDraft("admin", "Noch ein Admin", "admin"), PETRA)
    monkeypatch.setattr(NewUserDialog, "ask", classmethod(lambda cls, parent: taken))
    w = AdminWindow(store, InlineTaskRunner())
    qtbot.addWidget(w)
    page = w.show_page("users")
    page.add_button.click()
    assert page.message.text() == "Anmeldename: „admin“ ist bereits vergeben."
    assert page.message.objectName() == "errorMessage"
    install_language("en")
    page.add_button.click()
    assert "already" in page.message.text() and "vergeben" not in page.message.text()


def test_a_user_without_key_slot_is_deactivated(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.store.users.add(m.UserDraft("importiert", "Ina Import", "caseworker"))
    page = open_admin(window, "users").users
    rows = {page.model.row_at(r).extra["login"]: r for r in range(page.model.rowCount())}
    assert page.model.row_at(rows["importiert"]).cells[4] == "nein"
    page.view.selectRow(rows["importiert"])
    monkeypatch.setattr(admin_users, "confirm_removal", lambda *a: True)
    page.remove_button.click()
    users = {u.login: u for u in window.store.users.list()}
    assert not users["importiert"].active
    # no slot, so no key was renewed: the message says what happened, not what usually does
    assert "Ina Import wurde entfernt" in page.message.text()
    assert "erneuert" not in page.message.text()
    assert (
        window.store.audit_log.list(limit=1)[0].detail
        == "importiert deaktiviert (ohne Schlüsselplatz)"
    )


def test_a_deletion_confirmed_after_the_lock_does_nothing(window, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = window.store
    store.cases.close(store.cases.id_for("51.2-2026-000001"), "plan", date(2026, 11, 20))
    clock.current += timedelta(days=365 * 11)
    page = open_admin(window, "retention").retention
    page.select_all_button.click()

    def locked_while_asking(_parent, _count):  # type: ignore[no-untyped-def]
        window.lock()
        return True

    monkeypatch.setattr(admin_retention, "confirm_deletion", locked_while_asking)
    page.delete_button.click()
    assert store.cases.count() == 1


def test_passphrase_change_runs_off_the_gui_thread(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    dlg = ChangePassphraseDialog(store, runner)
    qtbot.addWidget(dlg)
    new = "Neue Passphrase im Hintergrund"
    dlg.old.setText(PASSPHRASE)
    dlg.new.setText(new)
    dlg.repeat.setText(new)
    dlg.buttons.accepted.emit()
    assert dlg.message.text() == "Schlüssel wird neu verpackt …"
    assert not dlg.buttons.isEnabled()
    qtbot.waitUntil(lambda: dlg.result() == ChangePassphraseDialog.Accepted, timeout=10_000)
    runner.wait()
    assert vault.verify_passphrase(store.path, new) == "admin"
