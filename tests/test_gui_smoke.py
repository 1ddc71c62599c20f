"""First version of the desktop client against a real encrypted database (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from sro_case.domain import models as m
from tests.conftest import PASSPHRASE
from ui.app import create_application
from ui.case_list import CaseListModel
from ui.main_window import MainWindow
from ui.tables import ID_ROLE
from ui.tasks import InlineTaskRunner, TaskRunner
from ui.unlock_dialog import UnlockDialog, passphrase_strength

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):  # type: ignore[no-untyped-def]
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    create_application()


def test_unlock_wrong_then_right_passphrase(qtbot, created, db_path) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    dialog = UnlockDialog(db_path, InlineTaskRunner())
    qtbot.addWidget(dialog)
    assert not dialog.creating
    dialog.passphrase.setText("nicht die richtige")
    dialog._on_ok()
    assert "falsch" in dialog.message.text() and dialog.store is None
    dialog.passphrase.setText(PASSPHRASE)
    dialog._on_ok()
    assert dialog.store is not None and dialog.result() == UnlockDialog.Accepted
    assert dialog.passphrase.text() == ""  # the secret does not linger in the widget
    dialog.store.close()


@pytest.mark.parametrize("existing", [True, False], ids=["unlock", "create"])
def test_unlock_dialog_starts_in_the_passphrase_field(
    qtbot, created, db_path, tmp_path, existing
) -> None:  # type: ignore[no-untyped-def]
    """Typing at once goes into the passphrase (a change of the fields' owners once put the
    focus into "Wiederholen")."""
    created.store.close()
    dialog = UnlockDialog(db_path if existing else tmp_path / "neu.db", InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.passphrase
    assert dialog.repeat.isVisible() == (not existing)


def test_unlock_runs_off_the_gui_thread(qtbot, created, db_path) -> None:  # type: ignore[no-untyped-def]
    created.store.close()
    runner = TaskRunner()
    dialog = UnlockDialog(db_path, runner)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked, timeout=20_000):
        dialog._on_ok()
        assert dialog.busy.isVisibleTo(dialog)  # busy indicator while the KDF runs
    dialog.store.close()


def test_create_new_database_asks_twice(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sro_case.accounts.vault as vault
    from tests.conftest import FAST_KDF

    real = vault.create_database
    monkeypatch.setattr(vault, "create_database", lambda p, s, **kw: real(p, s, kdf=FAST_KDF, **kw))

    from ui.recovery_key_dialog import RecoveryKeyDialog

    shown: list[str] = []
    monkeypatch.setattr(
        RecoveryKeyDialog,
        "show_key",
        classmethod(lambda cls, parent, key, db, today: shown.append(key)),
    )
    dialog = UnlockDialog(tmp_path / "neu.db", InlineTaskRunner())
    qtbot.addWidget(dialog)
    assert dialog.creating
    dialog.passphrase.setText("eine gute Passphrase 1")
    dialog.repeat.setText("eine andere")
    dialog._on_ok()
    assert "stimmen nicht überein" in dialog.message.text()
    dialog.repeat.setText("eine gute Passphrase 1")
    dialog._on_ok()
    assert dialog.store is not None and dialog.recovery_key
    assert shown == [dialog.recovery_key]  # in its own dialog, not a message box
    dialog.store.close()


def test_the_recovery_key_dialog_prints_copies_and_needs_a_confirmation(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """#15: the key appeared once in a message box whose default button was OK."""
    from datetime import date

    from pypdf import PdfReader
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QLabel

    from ui.recovery_key_dialog import RecoveryKeyDialog

    key = "ABCDE-FGHJK-MNPQR-STVWX-YZ012"
    dlg = RecoveryKeyDialog(key, tmp_path / "fallakten.db", today=date(2026, 12, 7))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.key_field.text() == key and dlg.key_field.isReadOnly()
    QTest.keyClick(dlg, Qt.Key_Return)  # a stray Enter does not close it
    QTest.keyClick(dlg, Qt.Key_Escape)
    assert dlg.isVisible() and not dlg.done_button.isEnabled()
    assert "bestätigen" in dlg.status.text()
    qtbot.wait(50)  # the dialog grows with the status line; the explanation keeps all lines
    for label in (dlg.status, dlg.findChildren(QLabel)[0]):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    dlg.copy_key()
    assert QGuiApplication.clipboard().text() == key
    pdf = tmp_path / "schluessel.pdf"
    dlg.print_sheet(pdf)
    text = PdfReader(pdf).pages[0].extract_text()
    assert key in text and "fallakten.db" in text and "07.12.2026" in text
    assert len(PdfReader(pdf).pages) == 1 and (pdf.stat().st_mode & 0o077) == 0
    dlg.confirm_box.setChecked(True)
    assert dlg.done_button.isEnabled()
    dlg.done_button.click()
    assert dlg.result() == dlg.DialogCode.Accepted


def test_passphrase_strength() -> None:
    assert passphrase_strength("kurz")[0] == 0
    assert passphrase_strength("Eine lange Passphrase mit 4 Wörtern!")[0] >= 3


def test_main_window_lists_cases(qtbot, qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    for i, name in enumerate(["Özdemir", "Abel", "Zorn"]):
        store.cases.create(
            m.CaseDraft(
                f"51.2-2026-00000{i}",
                m.FamilyDraft(f"Familie {name}", "suedstadt"),
                (m.PersonDraft("Kim", name, date(2014, 1, 1)),),
                opened_on=date(2026, 1, 1),
            )
        )
    window = MainWindow(store, InlineTaskRunner())
    qtbot.addWidget(window)
    model = window.case_list.model
    assert model.rowCount() == 3
    assert "fallakten.db" in window.windowTitle()
    assert str(store.path) in window.statusBar().currentMessage()
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ID_ROLE) == 1
    assert model.index(0, 2).data() == "Südstadt"


def test_case_model_pages_lazily(qtbot, qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    from sro_case.demo import generate

    generate(store, 450, seed=2)
    model = CaseListModel(store, InlineTaskRunner())
    qtmodeltester.check(model)
    model.reload()
    assert model.total == 450 and model.rowCount() == 200  # only the first page

    def scrolled_to_end() -> bool:
        model.fetchMore()  # what a view does as it nears the end
        return model.rowCount() == 450

    qtbot.waitUntil(scrolled_to_end)
    assert not model.canFetchMore()
    assert len({model.index(r, 0).data() for r in range(450)}) == 450  # no page twice
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0
