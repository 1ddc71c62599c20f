"""The strength meters show the verdict the key file applies (issue #14, finding 9): the
start dialog (new database), the user dialog and "Passphrase ändern" rate with
``assess_passphrase`` and refuse, before any key derivation, what it refuses."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings

from sro_case.domain.passphrase import MIN_SCORE, assess_passphrase
from tests.test_passphrase import LOGIN, NAME, WEAK, diceware
from ui.admin import ChangePassphraseDialog
from ui.admin.users import NewUserDialog
from ui.app import create_application
from ui.i18n import install_language
from ui.passphrase_meter import StrengthLabel
from ui.tasks import InlineTaskRunner
from ui.unlock_dialog import UnlockDialog

pytestmark = pytest.mark.gui

GOOD = ("gut", "sehr gut")
STRONG = diceware(random.Random(26))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):  # type: ignore[no-untyped-def]
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    create_application()
    yield
    install_language("de")


def _hint(text: str) -> str:
    return text.split(" (")[0]


@pytest.mark.parametrize(("passphrase", "reason"), [*WEAK, (STRONG, "")])
def test_strength_label_shows_the_verdict(qtbot, passphrase: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    label = StrengthLabel()
    qtbot.addWidget(label)
    label.show_strength(passphrase)
    verdict = assess_passphrase(passphrase)
    assert label.verdict == verdict
    assert _hint(label.text()) == verdict.hint
    if verdict.acceptable:
        assert _hint(label.text()) in GOOD and label.toolTip() == ""
        assert label.objectName() == ""
    else:
        assert _hint(label.text()) not in GOOD
        assert reason in label.text() + label.toolTip()
        assert "Besser:" in label.toolTip()
        assert label.objectName() == "errorMessage"


def test_strength_label_knows_the_login(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = StrengthLabel()
    qtbot.addWidget(label)
    label.set_user_inputs((LOGIN, NAME))
    label.show_strength("Mustermann Maria")
    assert _hint(label.text()) not in GOOD
    assert "Anmeldenamen" in label.text()


def test_new_database_dialog_rates_and_refuses_like_create(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    submitted: list[object] = []
    runner = SimpleNamespace(submit=lambda *args: submitted.append(args))
    dialog = UnlockDialog(tmp_path / "neu.db", runner)
    qtbot.addWidget(dialog)
    assert dialog.creating
    for passphrase, reason in WEAK:
        dialog.passphrase.setText(passphrase)
        dialog.repeat.setText(passphrase)
        assert _hint(dialog.strength.text()) == assess_passphrase(passphrase).hint
        assert _hint(dialog.strength.text()) not in GOOD
        dialog._on_ok()
        assert dialog.message.text().startswith("Die Passphrase ist zu schwach: ")
        assert reason in dialog.message.text()
    assert submitted == []  # no key derivation was started for a weak passphrase
    dialog.passphrase.setText(STRONG)
    assert _hint(dialog.strength.text()) in GOOD and dialog.strength.toolTip() == ""
    dialog.repeat.setText(STRONG)
    dialog._on_ok()
    assert len(submitted) == 1


def test_new_user_dialog_refuses_the_login_as_passphrase(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewUserDialog()
    qtbot.addWidget(dialog)
    dialog.login.setText(LOGIN)
    dialog.name.setText(NAME)
    dialog.role.setCurrentIndex(dialog.role.findData("caseworker"))
    dialog.passphrase.setText(LOGIN)
    dialog.repeat.setText(LOGIN)
    assert _hint(dialog.strength.text()) not in GOOD
    messages = [msg for _field, msg in dialog.problems()]
    assert any(msg.startswith("zu schwach: ") and "Anmeldenamen" in msg for msg in messages)
    assert not dialog.save_button.isEnabled()
    dialog.passphrase.setText("Rostock2026!")
    dialog.repeat.setText("Rostock2026!")
    assert any("Ein einzelnes Wort" in msg for _f, msg in dialog.problems())
    dialog.passphrase.setText(STRONG)
    dialog.repeat.setText(STRONG)
    assert _hint(dialog.strength.text()) in GOOD
    assert dialog.save_button.isEnabled()


def test_change_passphrase_dialog_refuses_before_the_key_derivation(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    submitted: list[object] = []
    runner = SimpleNamespace(submit=lambda *args: submitted.append(args))
    store = SimpleNamespace(actor=LOGIN, path=tmp_path / "x.db")
    dialog = ChangePassphraseDialog(store, runner)
    qtbot.addWidget(dialog)
    dialog.old.setText("die bisherige Passphrase")
    for passphrase in ("1234567890", LOGIN):
        dialog.new.setText(passphrase)
        dialog.repeat.setText(passphrase)
        assert _hint(dialog.strength.text()) not in GOOD
        dialog.buttons.accepted.emit()
        assert dialog.message.text().startswith("Die neue Passphrase ist zu schwach: ")
    assert "Anmeldenamen" in dialog.message.text()
    assert submitted == []
    dialog.new.setText(STRONG)
    dialog.repeat.setText(STRONG)
    assert _hint(dialog.strength.text()) in GOOD
    dialog.buttons.accepted.emit()
    assert len(submitted) == 1


def test_meter_and_refusal_in_english(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    install_language("en")
    label = StrengthLabel()
    qtbot.addWidget(label)
    label.show_strength("1234567890")
    assert label.text().startswith("too short") or label.text().startswith("weak")
    assert "Sequences of digits such as 1234567890 are guessed in seconds." in label.toolTip()
    assert "Zahlenfolgen" not in label.toolTip() + label.text()
    dialog = UnlockDialog(tmp_path / "neu.db", InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("Rostock2026!")
    dialog.repeat.setText("Rostock2026!")
    dialog._on_ok()
    assert dialog.message.text().startswith("The passphrase is too weak: A single word")
    assert MIN_SCORE == 3
