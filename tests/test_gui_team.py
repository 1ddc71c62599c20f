"""#18: the desktop client against a real team server on a real PostgreSQL (pytest-qt): the
start screen's third way, signing in (wrong passphrase, unreachable server), the window saying
where the data lives, the case list and search through the server, locking and unlocking."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.errors import WrongPassphrase
from sro_case.remote import RemoteApplication
from sro_case.server import accounts
from sro_case.server.api import create_app
from tests.postgres import ADMIN_PASSPHRASE as ADMIN
from tests.postgres import serving, team_database
from ui.app import choose_database, create_application
from ui.connect_dialog import ConnectDialog
from ui.main_window import MainWindow
from ui.start_dialog import StartDialog, TeamServerChoice
from ui.tasks import InlineTaskRunner, TaskRunner

pytestmark = pytest.mark.gui

ANNA = "Anna arbeitet im ASD seit 2019"
SINA = "Sina Schulsozialarbeit Evershagen"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp):  # type: ignore[no-untyped-def]
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    create_application()


@pytest.fixture
def server_url(pg_url: str) -> Iterator[str]:
    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, people = team_database(
        pg_url,
        clock,
        ("anna", "Anna Asmus", "asd", ANNA),
        ("sina", "Sina Schulz", "schulsozialarbeit", SINA),
    )
    anna = people["anna"]
    for n, family in enumerate(["Müller", "Schulz", "Möller"]):
        anna.create_case(
            m.CaseDraft(
                f"51.2-2026-00010{n}",
                m.FamilyDraft(f"Familie {family}", "evershagen"),
                (m.PersonDraft("Lena", family, date(2015, 3, 2), "female", "child"),),
            )
        )
    anna.add_note(
        "51.2-2026-000100",
        m.NoteDraft(date(2026, 11, 20), "home_visit", "Hausbesuch: Mutter erschöpft."),
    )
    with serving(create_app(engine, clock=clock)) as url:
        yield url
    engine.dispose()


def test_the_start_screen_offers_the_team_server_and_remembers_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = StartDialog(Path("/tmp/nicht-da.db"))
    qtbot.addWidget(dialog)
    assert "Teamserver" in dialog.server_button.text()
    dialog.server_button.click()
    assert dialog.choice == TeamServerChoice()
    QSettings().setValue("start/mode", "server")
    assert choose_database(None) == TeamServerChoice()  # next start: the sign-in again


def test_connect_wrong_then_right_and_nothing_secret_on_disk(
    qtbot, server_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog(InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.url.setText(server_url)
    dialog.login.setText("anna")
    dialog.passphrase.setText("nicht die richtige")
    dialog._on_ok()
    assert "stimmen nicht" in dialog.message.text() and dialog.store is None
    assert dialog.passphrase.selectedText() == "nicht die richtige"  # to type over at once
    dialog.passphrase.setText(ANNA)
    dialog._on_ok()
    assert isinstance(dialog.store, RemoteApplication) and dialog.store.actor == "anna"
    assert dialog.passphrase.text() == ""
    QSettings().sync()
    saved = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "settings").rglob("*.ini"))
    assert server_url in saved and "anna" in saved
    assert ANNA not in saved and "token" not in saved.lower()  # never a secret on disk
    dialog.store.close()


def test_an_unreachable_server_is_said_in_words_without_holding_the_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as s:  # a port where nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    runner = TaskRunner()
    dialog = ConnectDialog(runner)
    qtbot.addWidget(dialog)
    dialog.url.setText(f"http://127.0.0.1:{port}")
    dialog.login.setText("anna")
    dialog.passphrase.setText(ANNA)
    dialog._on_ok()
    assert dialog.busy.isVisibleTo(dialog)  # the network is the runner's, not the window's
    qtbot.waitUntil(lambda: not dialog.busy.isVisibleTo(dialog), timeout=20_000)
    assert "nicht erreichbar" in dialog.message.text()
    dialog.url.setText("http://teamserver.example:8443")  # plain http to another host
    dialog._on_ok()
    qtbot.waitUntil(lambda: not dialog.busy.isVisibleTo(dialog), timeout=20_000)
    assert "https://" in dialog.message.text()
    runner.wait()


def test_the_window_works_through_the_server_and_locks(qtbot, server_url: str) -> None:  # type: ignore[no-untyped-def]
    from sro_case.remote import connect

    store = connect(server_url, "anna", ANNA)
    window = MainWindow(store, InlineTaskRunner())
    qtbot.addWidget(window)
    host = server_url.split("://")[1]
    assert "Teamserver 127.0.0.1" in window.windowTitle()
    assert f"Teamserver {host}" in window.statusBar().currentMessage()
    assert "angemeldet als anna" in window.statusBar().currentMessage()
    model = window.case_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert {model.index(r, 1).data() for r in range(3)} == {
        "Familie Müller",
        "Familie Schulz",
        "Familie Möller",
    }
    window.case_list.search.setText("Mueller")  # Kölner Phonetik on the server as on the file
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    window.lock()
    assert "Gesperrt · Teamserver" in window.statusBar().currentMessage()
    with pytest.raises(WrongPassphrase):  # the session ended with the lock
        store.cases.count()
    window._on_unlock_requested("falsch geraten")
    assert window.locked
    window._on_unlock_requested(ANNA)
    assert not window.locked and store.cases.count() == 3
    window.close()
    store.close()


def test_the_case_team_is_built_in_the_case_file_and_shows_only_what_is_released(
    qtbot, server_url: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Anna (ASD, lead) adds Sina (school social work) to the case team; Sina's client then
    shows the case, but of the file only what the server releases to her: no household, no
    Verlauf – the same as ``case show --json`` for her."""
    from PySide6.QtWidgets import QMessageBox

    from sro_case.remote import connect
    from ui.case_file import CaseFileWidget

    anna = connect(server_url, "anna", ANNA)
    case_id = anna.cases.id_for("51.2-2026-000100")
    widget = CaseFileWidget(anna, InlineTaskRunner(), case_id)
    qtbot.addWidget(widget)
    team = widget.team_tab
    assert team is not None and widget.tabs.indexOf(team) == 1
    assert "ganze Fallakte" in team.release_label.text()
    assert [x.login for x in team.members] == ["anna"]
    assert widget.notes.model.rowCount() == 1 and widget.persons.model.rowCount() == 1
    team.colleague.setCurrentIndex(team.colleague.findData("sina"))
    team.add_selected()
    assert [x.login for x in team.members] == ["anna", "sina"]

    sina = connect(server_url, "sina", SINA)
    window = MainWindow(sina, InlineTaskRunner())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1)  # only the team's case
    seen = CaseFileWidget(sina, InlineTaskRunner(), case_id)
    qtbot.addWidget(seen)
    shown = sina.cases.get(case_id)  # what the server releases to her
    assert seen.persons.model.rowCount() == len(shown.family.persons) == 0
    assert seen.notes.model.rowCount() == len(shown.notes) == 0
    # … and exactly what `sro-case case show --json` prints for her, read from the screen
    from tests.test_team_cli import sro

    printed = sro(
        "case", "show", "--server", server_url, "--user", "sina",
        "--case", "51.2-2026-000100", "--json", passphrase=SINA,
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    case = json.loads(printed.stdout)["case"]
    summary = case["summary"]
    assert seen.title.text().startswith(f"{summary['file_number']} · {summary['family_name']} · ")
    assert seen.reason_edit.toPlainText() == case["reason_for_contact"]
    for tab, part in (
        (seen.persons, case["family"]["persons"]),
        (seen.notes, case["notes"]),
        (seen.consents, case["consents"]),
        (seen.helps, case["helps"]),
        (seen.goals, case["goals"]),
    ):
        assert tab.model.rowCount() == len(part), tab.table.accessibleName()
    seen.tabs.setCurrentWidget(seen.access)
    assert seen.access.model.rowCount() == 0  # the access log is the whole file's
    assert "nicht:" in seen.team_tab.release_label.text()
    assert "Verlauf" in seen.team_tab.release_label.text()
    assert (
        "keine Schweigepflichtentbindung für Schulsozialarbeit"
        in seen.team_tab.release_label.text()
    )
    assert seen.team_tab.add_button.isHidden()  # the lead worker builds the team

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    team.table.selectRow(1)
    team.remove_selected()
    assert [x.login for x in team.members] == ["anna"]
    window.case_list.model.reload()
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 0)
    for app in (anna, sina):
        app.close()


def _anna_live(qtbot, server_url: str) -> tuple[Any, MainWindow]:  # type: ignore[no-untyped-def]
    """Anna signed in, her main window showing the three cases, its live feed connected."""
    from sro_case.remote import connect

    anna = connect(server_url, "anna", ANNA)
    window = MainWindow(anna, InlineTaskRunner())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 3)
    assert anna._feeds and anna._feeds[0].connected.wait(10)  # type: ignore[attr-defined]
    return anna, window


def test_a_colleagues_change_appears_live_and_unsaved_input_is_kept(qtbot, server_url: str) -> None:  # type: ignore[no-untyped-def]
    """Another client of the team saves: the open case list, and the open case file, show it
    without a click; a file with unsaved input keeps it and says the case changed."""
    from sro_case.remote import connect
    from ui.case_file import CaseFileWidget

    anna, window = _anna_live(qtbot, server_url)
    model = window.case_list.model
    colleague = connect(server_url, "anna", ANNA)  # the same team, another PC
    colleague.cases.create(
        m.CaseDraft("51.2-2026-000200", m.FamilyDraft("Familie Neu", "evershagen"))
    )
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=5000)

    case_id = anna.cases.id_for("51.2-2026-000100")
    window.open_case(case_id)
    widget = next(w for w in window.open_case_widgets() if w.case_id == case_id)
    assert isinstance(widget, CaseFileWidget)
    qtbot.waitUntil(lambda: widget.notes.model.rowCount() == 1)
    note = m.NoteDraft(date(2026, 11, 24), "phone", "Anruf der Schule.")
    colleague.cases.add_note(case_id, note)
    qtbot.waitUntil(lambda: widget.notes.model.rowCount() == 2, timeout=5000)
    assert not widget.changed_banner.isVisibleTo(widget)

    widget.reason_edit.setPlainText("Ich tippe gerade etwas Neues")
    assert widget.dirty
    colleague.cases.add_note(case_id, m.NoteDraft(date(2026, 11, 25), "phone", "Noch ein Anruf."))
    qtbot.waitUntil(lambda: widget.changed_banner.isVisibleTo(widget), timeout=5000)
    assert widget.reason_edit.toPlainText() == "Ich tippe gerade etwas Neues"  # nothing lost
    assert widget.notes.model.rowCount() == 2  # not reloaded under the user's hands
    qtbot.waitUntil(lambda: "Verlauf" in widget.changed_banner.text(), timeout=5000)
    assert widget.change_markers.marked == []  # a note: no edited field is marked

    # the colleague changes a field Anna has in front of her: that field is marked, with the
    # value saved now; her own input stays
    colleague.cases.get(case_id)
    colleague.cases.update(
        case_id,
        m.CaseEdit(next_review=date(2027, 2, 1)),
    )
    qtbot.waitUntil(lambda: widget.change_markers.marked == ["next_review"], timeout=5000)
    assert widget.review_field.toolTip().endswith("Jetzt gespeichert: 01.02.2027")
    assert "Nächste Überprüfung" in widget.changed_banner.text()
    assert widget.reason_edit.toPlainText() == "Ich tippe gerade etwas Neues"
    window.lock()
    assert not anna._feeds  # type: ignore[attr-defined]  # the lock ends the live feed too
    colleague.close()
    widget._dirty = False  # closing would ask whether to discard the typed text
    window._end_live()
    anna.close()


def test_her_own_save_arriving_live_does_not_read_the_list_again(
    qtbot, server_url: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Anna's own save comes back as a live change too: the file shows it already and the list
    was read again with the save, so it is not read a second time. A colleague's save still
    is."""
    from sro_case.remote import connect
    from ui.case_file import CaseFileWidget

    anna, window = _anna_live(qtbot, server_url)
    model = window.case_list.model
    case_id = anna.cases.id_for("51.2-2026-000100")
    window.open_case(case_id)
    widget = next(w for w in window.open_case_widgets() if w.case_id == case_id)
    assert isinstance(widget, CaseFileWidget)
    qtbot.waitUntil(lambda: widget.detail is not None)
    live_reads: list[str] = []
    read_list = model.refresh
    monkeypatch.setattr(model, "refresh", lambda: (live_reads.append("live"), read_list())[1])
    applied: list[int] = []
    window._live_timer.timeout.connect(lambda: applied.append(1))

    widget.reason_edit.setPlainText("Anna: Schulvermeidung seit Oktober")
    widget.save()
    assert not widget.dirty
    qtbot.waitUntil(lambda: len(applied) == 1, timeout=5000)  # her save, arrived live
    assert live_reads == []
    colleague = connect(server_url, "anna", ANNA)
    other = colleague.cases.id_for("51.2-2026-000101")
    colleague.cases.add_note(other, m.NoteDraft(date(2026, 11, 24), "phone", "Anruf."))
    qtbot.waitUntil(lambda: len(applied) == 2, timeout=5000)
    assert live_reads == ["live"]
    colleague.close()
    window._end_live()
    anna.close()


@pytest.mark.parametrize("choice", ["mine", "theirs", "cancel"])
def test_a_save_over_a_colleagues_save_shows_both_and_loses_nothing(
    qtbot, server_url: str, monkeypatch, choice: str
) -> None:  # type: ignore[no-untyped-def]
    """Anna types a new reason; meanwhile a colleague saves another. Anna's save is refused
    (409), both versions are shown, and she keeps hers (merged by hand), takes the other, or
    goes back to editing – the typed text survives each."""
    from sro_case.remote import connect
    from ui.case_file import CaseFileWidget
    from ui.conflict_dialog import ConflictDialog

    anna = connect(server_url, "anna", ANNA)
    case_id = anna.cases.id_for("51.2-2026-000100")
    widget = CaseFileWidget(anna, InlineTaskRunner(), case_id)
    qtbot.addWidget(widget)
    widget.reason_edit.setPlainText("Anna: Schulvermeidung seit Oktober")
    colleague = connect(server_url, "anna", ANNA)
    colleague.cases.get(case_id)
    colleague.cases.update(case_id, m.CaseEdit(reason_for_contact="Kollegin: Umzug geplant"))
    shown: list[ConflictDialog] = []

    def decide(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        if choice == "cancel":
            return ConflictDialog.DialogCode.Rejected
        dialog.merged_reason.setPlainText(
            "Anna: Schulvermeidung seit Oktober; Kollegin: Umzug geplant"
        )
        dialog.choice = choice
        return ConflictDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", decide)
    widget.save()
    assert shown, "the conflict was not shown"
    dialog = shown[0]
    assert "Anlass" in dialog.differing[0]
    assert [w.text() for w in dialog.findChildren(type(widget.title)) if "Kollegin" in w.text()]
    saved = colleague.cases.get(case_id).reason_for_contact
    if choice == "mine":
        assert saved == "Anna: Schulvermeidung seit Oktober; Kollegin: Umzug geplant"
        assert not widget.dirty
    elif choice == "theirs":
        assert saved == "Kollegin: Umzug geplant"
        assert widget.reason_edit.toPlainText() == "Kollegin: Umzug geplant"
    else:
        assert saved == "Kollegin: Umzug geplant"
        assert widget.reason_edit.toPlainText() == "Anna: Schulvermeidung seit Oktober"
        assert widget.dirty  # still unsaved, still there
        widget._dirty = False  # (closing would ask)
    for app in (anna, colleague):
        app.close()


def test_the_admin_creates_a_colleague_with_a_discipline(qtbot, server_url: str) -> None:  # type: ignore[no-untyped-def]
    """The team server needs a working role's discipline: the new-user dialog asks for it, and
    the account arrives with it (a Kita colleague the lead worker can then add)."""
    from sro_case.remote import connect
    from ui.admin.users import NewUserDialog

    dialog = NewUserDialog()
    qtbot.addWidget(dialog)
    dialog.login.setText("kurt")
    dialog.name.setText("Kurt Kranich")
    dialog.role.setCurrentIndex(dialog.role.findData("caseworker"))
    dialog.discipline.setCurrentIndex(dialog.discipline.findData("kita"))
    dialog.passphrase.setText("Kurt leitet die Kita am Stadthafen")
    dialog.repeat.setText("Kurt leitet die Kita am Stadthafen")
    new = dialog.draft()
    assert new.draft.discipline == "kita"
    with connect(server_url, "admin", ADMIN) as admin:  # type: ignore[attr-defined]
        admin.users.add_with_passphrase(new.draft, new.passphrase)
        assert "kurt" in {u.login for u in admin.users.list()}
    with connect(server_url, "anna", ANNA) as anna:  # type: ignore[attr-defined]
        teams = anna.case_teams
        assert teams is not None
        assert ("kurt", "kita") in {(c.login, c.discipline) for c in teams.colleagues()}


def test_a_session_ended_on_the_server_locks_the_window_and_keeps_the_input(
    qtbot, pg_url: str
) -> None:  # type: ignore[no-untyped-def]
    """The session expires (or the account is removed) while the window is open: the client
    locks itself within the server's heartbeat and says why; what is typed stays; the
    passphrase signs in again."""
    from sro_case.remote import connect

    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, people = team_database(pg_url, clock, ("anna", "Anna Asmus", "asd", ANNA))
    made = people["anna"].create_case(
        m.CaseDraft("51.2-2026-000100", m.FamilyDraft("Familie Müller", "evershagen"))
    )
    with serving(create_app(engine, clock=clock, heartbeat_s=0.3)) as url:
        anna = connect(url, "anna", ANNA)
        window = MainWindow(anna, InlineTaskRunner())
        qtbot.addWidget(window)
        assert anna._feeds[0].connected.wait(10)  # type: ignore[attr-defined]
        window.open_case(made.id)
        widget = window.open_case_widgets()[0]
        qtbot.waitUntil(lambda: widget.detail is not None)
        widget.reason_edit.setPlainText("noch nicht gespeichert")
        token = anna.server.token  # type: ignore[attr-defined]
        accounts.sign_out(engine, token.split()[1], clock)  # the server ends the session
        qtbot.waitUntil(lambda: window.locked, timeout=5000)
        assert "abgelaufen" in window.lock_page.message.text()
        assert widget.reason_edit.toPlainText() == "noch nicht gespeichert"
        window._on_unlock_requested(ANNA)
        assert not window.locked and anna.cases.count() == 1
        widget._dirty = False
        window._end_live()
        anna.close()
    engine.dispose()


def test_admin_and_controlling_work_through_the_server_without_case_content(
    qtbot, server_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The Verwaltung against the team server: accounts and the audit chain work; deletion
    periods and backups say in words that they are not the client's here. Controlling sees
    only the statistics page and writes the city's export."""
    from PySide6.QtWidgets import QLabel

    from sro_case.remote import connect
    from ui.admin.window import AdminWindow

    with connect(server_url, "admin", ADMIN) as admin:  # type: ignore[attr-defined]
        window = AdminWindow(admin, InlineTaskRunner())
        qtbot.addWidget(window)
        users = window.users
        window.show()
        users.reload()
        qtbot.waitUntil(lambda: users.model.rowCount() >= 3)
        logins = {users.model.index(r, 0).data() for r in range(users.model.rowCount())}
        assert {"admin", "anna", "sina"} <= logins
        window.retention.reload()  # deletion periods: not the client's on the team server
        texts = " ".join(w.text() for w in window.retention.findChildren(QLabel) if w.text())
        assert "Teamserver" in texts and "IT der Stadt" in texts
    with connect(server_url, "admin", ADMIN) as admin:  # type: ignore[attr-defined]
        admin.users.add_with_passphrase(
            m.UserDraft("cora", "Cora Conrad", "controlling"), "Cora zählt Fälle am Kabutzenhof"
        )
    with connect(server_url, "cora", "Cora zählt Fälle am Kabutzenhof") as cora:  # type: ignore[attr-defined]
        main = MainWindow(cora, InlineTaskRunner())
        qtbot.addWidget(main)
        assert main.home is not main.tabs  # statistics only: no case list, no Fristen
        export = cora.statistics.build(date(2026, 1, 1), date(2026, 12, 31))
        written = cora.statistics.write(export, tmp_path / "statistik.xlsx")
        assert written.path.exists() and written.format == "xlsx"
        with pytest.raises(Exception, match="nicht erlaubt"):
            cora.cases.count()


def test_network_trouble_is_said_with_a_retry_and_nothing_typed_is_lost(
    qtbot, pg_url: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The team server goes away: the case list says so with a button to try again, a save
    says so with "Erneut versuchen" and keeps the input; once the server is back, the same
    buttons load the list and save the text."""
    from PySide6.QtWidgets import QMessageBox

    from sro_case.remote import connect
    from ui.case_file import CaseFileWidget

    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, people = team_database(pg_url, clock, ("anna", "Anna Asmus", "asd", ANNA))
    made = people["anna"].create_case(
        m.CaseDraft("51.2-2026-000300", m.FamilyDraft("Familie Netz", "evershagen"))
    )
    offered: list[str] = []

    decisions = [True, False]  # "Erneut versuchen" while still down, then "Schließen"

    def answer(box: QMessageBox) -> int:
        offered.append(box.text())
        buttons = [b.text() for b in box.buttons()]
        assert any("Erneut versuchen" in t for t in buttons), buttons
        (box.defaultButton() if decisions.pop(0) else box.escapeButton()).click()
        return 0

    with serving(create_app(engine, clock=clock)) as url:
        anna = connect(url, "anna", ANNA)
        window = MainWindow(anna, InlineTaskRunner())
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1)
        widget = CaseFileWidget(anna, InlineTaskRunner(), made.id)
        qtbot.addWidget(widget, before_close_func=lambda w: setattr(w, "_dirty", False))
    port = int(url.rsplit(":", 1)[1])
    # the server is down now
    window.case_list.model.reload()
    assert "nicht erreichbar" in window.case_list.count_label.text()
    assert window.case_list.retry_button.isVisibleTo(window)
    widget.reason_edit.setPlainText("Eingabe während der Störung")
    monkeypatch.setattr(QMessageBox, "exec", answer)
    widget.save()
    assert len(offered) == 2 and "nicht erreichbar" in offered[-1]  # tried again, still down
    assert widget.dirty and widget.reason_edit.toPlainText() == "Eingabe während der Störung"

    with serving(create_app(engine, clock=clock), port=port):  # back, at the same address
        window.case_list.retry_button.click()
        assert window.case_list.model.rowCount() == 1
        assert not window.case_list.retry_button.isVisibleTo(window)
        widget.save()  # the same save now goes through
        assert not widget.dirty
        assert anna.cases.get(made.id).reason_for_contact == "Eingabe während der Störung"
        anna.close()
    engine.dispose()
