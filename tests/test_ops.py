"""Failures reach the user as a sentence in the UI language, never as ``repr(exc)`` (#16): an
unexpected error names no internals (its message can hold a path or a name from the case,
and once stood on the projector), a file error says so, an error of the core keeps its text."""

from __future__ import annotations

import pytest

from sro_case.errors import ValidationError
from ui.i18n import install_language
from ui.ops import failure_text, run_op
from ui.tasks import InlineTaskRunner

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]
SECRET = "Familie Yılmaz /home/beck/Fälle/0042"


def test_unexpected_error_names_no_internals(caplog) -> None:  # type: ignore[no-untyped-def]
    text = failure_text(RuntimeError(SECRET))
    assert SECRET not in text and "Yılmaz" not in text and "RuntimeError(" not in text
    assert text.startswith("Ein unerwarteter Fehler ist aufgetreten (RuntimeError)")
    assert SECRET in caplog.text  # the details go to the application's log


def test_file_and_core_errors_keep_their_sentence() -> None:
    text = failure_text(PermissionError(13, "Keine Berechtigung", "/media/stick/p.pdf"))
    assert text == (
        "Die Datei konnte nicht gelesen oder geschrieben werden (/media/stick/p.pdf): "
        "Keine Berechtigung"
    )
    assert failure_text(ValidationError([("Name", "darf nicht leer sein.")])) == (
        "Name: darf nicht leer sein."
    )


def test_english(qapp) -> None:  # type: ignore[no-untyped-def]
    install_language("en")
    try:
        assert failure_text(RuntimeError(SECRET)).startswith("An unexpected error occurred")
    finally:
        install_language("de")


def test_run_op_hands_the_typed_result_or_the_failure() -> None:
    got: list[object] = []
    run_op(InlineTaskRunner(), lambda: 41 + 1, got.append, parent=None, title="x")
    run_op(
        InlineTaskRunner(),
        lambda: 1 // 0,
        got.append,
        parent=None,
        title="x",
        failed=lambda exc: got.append(type(exc).__name__),
    )
    assert got == [42, "ZeroDivisionError"]


def test_conference_save_failure_on_the_projector(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.test_conference_mode import make_case
    from ui.conference import ConferenceWindow

    case = make_case(store)
    w = ConferenceWindow(store, InlineTaskRunner(), case.id)
    qtbot.addWidget(w, before_close_func=lambda x: x.context.mark_clean())

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(store.conferences, "record", broken)
    w.protocol_panel.ask_protocol_path = lambda s: __import__("pathlib").Path("/tmp") / s
    w.protocol_panel.save_and_protocol()
    shown = w.console.text()
    assert shown.startswith("Nicht gespeichert: Ein unerwarteter Fehler") and SECRET not in shown
