"""English is complete: every message the core can produce and every UI string has an English
translation; the English UI shows core validation messages in English; the German UI shows
no English word. The CLI keeps German."""

from __future__ import annotations

import string
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.messages import CONTEXT, T, Text
from sro_case.errors import ValidationError
from tests.core_messages import core_labels, scan_core
from tests.ui_strings import scan_ui, ts_translations
from ui.i18n import core_problems, core_text, error_text, install_language, translation_files

TODAY = date(2026, 11, 25)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.fixture(scope="module")
def english() -> dict[tuple[str, str], str]:
    return ts_translations(translation_files("en"))


def test_core_messages_are_all_literal_templates() -> None:
    """An f-string in a message would make every value a different, untranslatable text."""
    scan = scan_core()
    assert scan.untranslatable == []
    assert len(scan.templates) > 100  # the scanner does find them


def test_core_errors_are_templates() -> None:
    """No error of the core builds its message as an f-string: every message an error can show
    is a template (``T(...)`` or a literal), so the English client shows it in English."""
    assert scan_core().german_only_errors == []


def test_every_core_template_has_english(english) -> None:  # type: ignore[no-untyped-def]
    templates = scan_core().templates
    missing = {t: where[0] for t, where in templates.items() if (CONTEXT, t) not in english}
    assert missing == {}
    for template in templates:
        translation = english[(CONTEXT, template)]
        assert _fields(translation) == _fields(template), template  # same placeholders


def test_every_enum_and_catalogue_label_has_english(english) -> None:  # type: ignore[no-untyped-def]
    labels = core_labels()
    assert len(labels) > 80
    missing = {label: where for label, where in labels.items() if (CONTEXT, label) not in english}
    assert missing == {}


def test_every_ui_string_has_english(english) -> None:  # type: ignore[no-untyped-def]
    known = {source for _, source in english}  # the translator falls back across contexts
    missing = {s: where[0] for s, where in scan_ui().items() if s not in known}
    assert missing == {}


def test_unknown_texts_do_not_lose_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 drops a reference to None whenever a Python translate() returns it; enough
    misses (every user value shown through core_text) crashed the interpreter on exit."""
    import sys

    from PySide6.QtCore import QCoreApplication

    install_language("en")
    try:
        before = sys.getrefcount(None)
        for i in range(2000):
            assert QCoreApplication.translate("core", f"kein Text {i}") == f"kein Text {i}"
        assert sys.getrefcount(None) >= before - 50  # no steady loss (other code may vary)
        assert QCoreApplication.translate("core", "Vorname") == "First name"
        assert QCoreApplication.translate("MainWindow", "Sperren") == "Lock"  # another part
    finally:
        install_language("de")


def test_text_keeps_german_and_template() -> None:
    t = T("darf nicht größer als {high} sein.", high=168)
    assert t == "darf nicht größer als 168 sein." and isinstance(t, str)
    assert (t.template, dict(t.params)) == ("darf nicht größer als {high} sein.", {"high": 168})
    err = ValidationError([("Wochenstunden", t)])
    assert str(err) == "Wochenstunden: darf nicht größer als 168 sein."  # the CLI's German
    assert isinstance(err.problems[0][0], Text)


def test_core_messages_in_english(qapp) -> None:  # type: ignore[no-untyped-def]
    draft = m.CaseDraft(
        "51.2", m.FamilyDraft("Familie A", "nirgendwo"), (m.PersonDraft("", "A", date(2030, 1, 1)),)
    )
    with pytest.raises(ValidationError) as err:
        rules.check_case(draft, TODAY)
    install_language("en")
    try:
        assert core_problems(err.value.problems) == [
            ("Social space", '"nirgendwo" is not an allowed value.'),
            ("Person 1: First name", "must not be empty."),
            ("Person 1: Date of birth", "must not be in the future (01.01.2030)."),
        ]
        help_draft = m.HelpDraft("31", date(2026, 5, 1), end_on=date(2026, 4, 1))
        with pytest.raises(ValidationError) as err2:
            rules.check_help(help_draft)
        assert error_text(err2.value) == "End: must not be before the start."
    finally:
        install_language("de")
    assert core_problems(err.value.problems)[1] == ("Person 1: Vorname", "darf nicht leer sein.")


@pytest.mark.gui
def test_invalid_entry_in_the_english_ui_shows_english(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.entry_dialogs import HelpDialog
    from ui.household_dialogs import PersonDialog

    install_language("en")
    try:
        dialog = PersonDialog(today=TODAY)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Add person"
        dialog.last_name_edit.setText("Meyer")
        dialog.birth_date_edit.set_value(date(2027, 1, 1))
        text = dialog.problem_list.text()
        assert "• First name: must not be empty." in text
        assert "• Date of birth: must not be in the future (01.01.2027)." in text
        assert "darf" not in text and "Vorname" not in text
        assert "First name: must not be empty." in dialog.save_button.toolTip()
        roles = [dialog.role_combo.itemText(i) for i in range(dialog.role_combo.count())]
        assert "Child" in roles and "Kind" not in roles  # enum labels in English too

        help_dialog = HelpDialog(persons=[], today=TODAY)
        qtbot.addWidget(help_dialog)
        help_dialog.hours_spin.setValue(5)
        assert "Type of help: must be chosen." in help_dialog.problem_list.text()
    finally:
        install_language("de")


# --------------------------------------------------------------------------- German UI

# Words that are English and not German: a German screen must not show any of them.
ENGLISH_WORDS = {
    "ok",
    "cancel",
    "save",
    "close",
    "open",
    "file",
    "edit",
    "view",
    "help",
    "search",
    "new",
    "refresh",
    "lock",
    "settings",
    "delete",
    "remove",
    "add",
    "case",
    "cases",
    "family",
    "yes",
    "no",
    "apply",
    "discard",
    "reset",
    "back",
    "next",
    "finish",
    "print",
    "quit",
    "exit",
    "about",
    "toolbar",
    "the",
    "and",
    "of",
    "to",
    "for",
    "with",
    "select",
    "date",
    "birth",
    "first",
    "surname",
    "gender",
    "role",
    "conference",
    "statistics",
    "export",
    "note",
}


def _visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        texts += [w.toolTip(), w.accessibleName()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        for a in w.actions():
            texts += [a.text(), a.toolTip(), a.iconText()]
    return [t for t in texts if t]


def _english_words(texts: list[str]) -> set[str]:
    found = set()
    for text in texts:
        for word in text.replace("&", "").replace("/", " ").split():
            token = word.strip(".,:;!?()…„“\"'").lower()
            if token in ENGLISH_WORDS:
                found.add(f"{token} in {text!r}")
    return found


@pytest.mark.gui
def test_german_ui_shows_no_english_word(qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.app import create_application
    from ui.household_dialogs import FamilyDialog, PersonDialog
    from ui.main_window import MainWindow
    from ui.tasks import InlineTaskRunner

    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    create_application()
    install_language("de")
    store.cases.create(
        m.CaseDraft(
            "51.2-2026-000001",
            m.FamilyDraft("Familie Meyer", "toitenwinkel"),
            (m.PersonDraft("Kim", "Meyer", date(2014, 1, 1)),),
        )
    )
    window = MainWindow(store, InlineTaskRunner())
    qtbot.addWidget(window)
    window.open_case(1)
    texts = _visible_texts(window)
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        texts += [a.text() for a in menu_action.menu().actions()]
    for dialog in (
        PersonDialog(today=TODAY, person=m.PersonDraft("Kim", "Meyer")),
        FamilyDialog(family=m.FamilyDraft("Familie Meyer", "toitenwinkel")),
    ):
        qtbot.addWidget(dialog)
        dialog.first_name_edit.clear() if isinstance(dialog, PersonDialog) else None
        texts += _visible_texts(dialog)
    assert _english_words(texts) == set()
    for case in window.open_case_widgets():
        case._dirty = False


def test_case_errors_and_consent_reasons_in_english(qapp, store) -> None:  # type: ignore[no-untyped-def]
    from sro_case.domain.consent_gate import check_participant
    from sro_case.errors import WorkflowError

    case = store.cases.create(
        m.CaseDraft(
            "51.2-2026-000009",
            m.FamilyDraft("Familie Abel", "suedstadt"),
            (m.PersonDraft("Kim", "Abel", date(2014, 1, 1)),),
        )
    )
    with pytest.raises(WorkflowError) as err:
        store.cases.change_status(case.id, "abgeschlossen")
    flagged = check_participant(m.ParticipantDraft("Frau Lehmann", "schule"), [], TODAY)
    install_language("en")
    try:
        assert error_text(err.value).startswith(
            'The status cannot change from "Intake" to "closed".'
        )
        assert core_text(flagged.reason) == "no release from confidentiality for School"
    finally:
        install_language("de")
    assert str(flagged.reason) == "keine Schweigepflichtentbindung für Schule"  # protocol, CLI


# --------------------------------------------------------------------------- errors in English

_GERMAN_WORDS = ("Die ", "Sicherung", "Schlüssel", "beschädigt", "nicht", "Datei ", "wurde")


def test_backup_key_and_lock_errors_in_english(qapp, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Errors built from other messages (a restore refused for a damaged backup lists the
    check's findings; "in use" names the holder) are English through and through."""
    from sro_case.backups.service import BackupService
    from sro_case.errors import BackupFailed, DatabaseInUse, WrongPassphrase
    from sro_case.storage.keyfile import RECOVERY, KeyFile
    from sro_case.storage.lockfile import LockInfo, _in_use_message

    service = BackupService(store)
    backup = service.backup().path
    data = bytearray(backup.read_bytes())
    data[len(data) // 2 + 77] ^= 0x10  # one flipped bit: the HMAC check finds the page
    backup.write_bytes(bytes(data))
    with pytest.raises(BackupFailed) as damaged:
        service.restore(backup, tmp_path / "neu.db")
    report = service.verify(backup)
    with pytest.raises(WrongPassphrase) as wrong_key:
        KeyFile.load(KeyFile.path_for(store.path)).unlock("AAAA-BBBB", kind=RECOVERY)
    with pytest.raises(WrongPassphrase) as wrong_passphrase:
        KeyFile.load(KeyFile.path_for(store.path)).unlock("nicht die richtige")
    in_use = DatabaseInUse(_in_use_message(store.path, LockInfo("", 4711, "kim", "")))
    assert str(damaged.value).startswith(f"Die Sicherung {backup.name} ist beschädigt")
    install_language("en")
    try:
        text = error_text(damaged.value)
        assert text.startswith(f"The backup {backup.name} is damaged and will not be restored: ")
        assert "page(s) are damaged or altered (HMAC check)" in text
        assert not any(word in text for word in _GERMAN_WORDS), text
        assert not report.ok
        for problem in report.problems:  # what the verify page lists
            assert not any(word in core_text(problem) for word in _GERMAN_WORDS), problem
        assert error_text(wrong_key.value) == "The recovery key is wrong. Nothing was changed."
        assert error_text(wrong_passphrase.value) == "The passphrase is wrong. Nothing was changed."
        assert error_text(in_use).startswith(
            f'The database {store.path.name} is already open, on the PC "unknown" by "kim" '
            "(process 4711, since unknown). Only one program at a time may write"
        )
    finally:
        install_language("de")
    assert (
        str(wrong_key.value)
        == "Der Wiederherstellungsschlüssel ist falsch. Es wurde nichts verändert."
    )


@pytest.mark.gui
def test_unlock_error_in_the_english_ui_shows_english(qtbot, created, db_path) -> None:  # type: ignore[no-untyped-def]
    """The sign-in dialog shows a core error (here: the key file is gone) in English."""
    from sro_case.storage.keyfile import KeyFile
    from tests.conftest import PASSPHRASE
    from ui.tasks import InlineTaskRunner
    from ui.unlock_dialog import UnlockDialog

    created.store.close()
    KeyFile.path_for(db_path).rename(db_path.with_name("anderswo.keys"))
    install_language("en")
    try:
        dialog = UnlockDialog(db_path, InlineTaskRunner())
        qtbot.addWidget(dialog)
        dialog.passphrase.setText(PASSPHRASE)
        dialog._on_ok()
        assert dialog.store is None
        assert dialog.message.text() == (
            f"The key file {db_path.name}.keys is missing. It normally sits next to the database "
            "and is included in every backup; without it the database cannot be opened."
        )
    finally:
        install_language("de")
    dialog._on_ok()
    assert dialog.message.text().startswith(f"Die Schlüsseldatei {db_path.name}.keys fehlt.")


def test_audit_chain_findings_in_english(qapp, store) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    store.cases.create(
        m.CaseDraft(
            "51.2-2026-000010",
            m.FamilyDraft("Familie Abel", "suedstadt"),
            (m.PersonDraft("Kim", "Abel", date(2014, 1, 1)),),
        )
    )
    with store.write() as s:
        s.execute(text("UPDATE audit_event SET detail = 'geschönt' WHERE seq = 2"))
    report = store.audit_log.verify()
    assert "Eintrag 2 wurde nachträglich verändert." in report.problems  # the CLI's German
    assert 2 in report.entries
    install_language("en")
    try:
        assert "Entry 2 was changed afterwards." in [core_text(p) for p in report.problems]
    finally:
        install_language("de")


def test_every_agenda_item_of_the_catalogue_has_english(english) -> None:  # type: ignore[no-untyped-def]
    """#15: the agenda items and the conference status line stayed German in the English UI."""
    from sro_case.domain.catalogues import catalogue

    titles = {str(t) for item in catalogue("conference_kinds") for t, _m in item.get("agenda", [])}
    assert len(titles) > 10
    assert sorted(t for t in titles if (CONTEXT, t) not in english) == []


def test_amounts_follow_the_ui_language(qapp) -> None:  # type: ignore[no-untyped-def]
    """#15: the English UI showed 1.205,00 €."""
    from ui.tables import euros

    install_language("en")
    try:
        assert euros(120_500) == "€1,205.00" and euros(5) == "€0.05"
    finally:
        install_language("de")
    assert euros(120_500) == "1.205,00 €" and euros(-1_234_567) == "-12.345,67 €"
