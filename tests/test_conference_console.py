"""Presenter and audience apart (#15): notes for the facilitator (why an entry was not taken,
why saving failed, where the protocol went) never stand on the projector when the laptop has a
screen of its own; with one screen they are a small overlay that the curtain hides."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.test_conference_mode import add_participant, press
from ui.conference import ConferenceWindow
from ui.conference.console import facilitator_screen

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(qtbot, store):  # type: ignore[no-untyped-def]
    from tests.test_conference_mode import make_case
    from ui.tasks import InlineTaskRunner

    case = make_case(store)
    w = ConferenceWindow(store, InlineTaskRunner(), case.id)
    qtbot.addWidget(w, before_close_func=lambda x: x.context.mark_clean())
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    return w


def test_one_screen_overlay_in_the_corner_hidden_by_the_curtain(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w: ConferenceWindow = window
    assert not w.console.separate()  # the offscreen platform has one screen
    w.plan_panel.next_review_field.set_value(date(2026, 1, 1))
    w.protocol_panel.ask_protocol_path = lambda _s: pytest.fail("no file dialog for invalid input")
    press(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    overlay = w.console.overlay
    assert overlay.isVisible() and "Nächste Überprüfung" in overlay.label.text()
    # a corner of the window, over the content: it takes no line of the layout
    frame = w.frame.rect()
    assert frame.contains(overlay.geometry())
    assert overlay.geometry().bottom() > frame.height() * 0.7
    assert overlay.geometry().right() > frame.width() * 0.7
    press(qtbot, w, Qt.Key_F9)  # curtain: nothing of the note stays on screen
    assert w.projection.curtain_on and not overlay.isVisible()
    press(qtbot, w.curtain, Qt.Key_F9)
    assert overlay.isVisible()
    press(qtbot, w, Qt.Key_Escape)  # Esc dismisses the note (and does not leave full screen)
    assert not overlay.isVisible() and "Nächste Überprüfung" in w.console.text()


def test_one_screen_plain_note_fades_error_stays(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w: ConferenceWindow = window
    w.console.say("Gespeichert.")
    assert w.console.overlay.fade.isActive()
    w.console.say("Nicht gespeichert.", error=True)
    assert not w.console.overlay.fade.isActive() and w.console.overlay.isVisible()


def test_section_problems_stay_in_place_with_one_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w: ConferenceWindow = window
    add_participant(qtbot, w, "Frau Fam", "", "Fam")  # Familie or Familienbildung?
    assert "passt zu mehreren" in w.participants_panel.section.problem.text()
    assert w.console.panel is None


def test_facilitator_screen_is_the_one_without_the_conference(qapp) -> None:  # type: ignore[no-untyped-def]
    only = qapp.screens()[0]
    assert facilitator_screen(only, [only]) is None
    assert facilitator_screen(None, [only]) is None


def test_two_screens_notes_go_to_the_laptop(tmp_path: Path) -> None:
    """A real second (offscreen) screen: the conference on the projector, the panel on the
    laptop; the projector shows only that there is a note; lock hides the panel."""
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768},
                    {"name": "beamer", "x": 1366, "y": 0, "width": 1920, "height": 1080},
                ]
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    run = subprocess.run(
        [sys.executable, "-m", "tests.two_screens", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert sorted(out["screens"]) == ["beamer", "laptop"]
    assert out["window_screen"] != out["panel_screen"] and out["separate"]
    # (which one the offscreen platform makes primary is its choice; the window avoids it)
    assert out["panel_visible"]
    # the reasons are on the panel …
    assert "darf nicht leer" in out["panel_text"] and "Nicht gespeichert" in out["panel_text"]
    # … and nowhere on the projector, which only says that there is a note
    projected = out["projector_texts"]
    assert "Nicht gespeichert" not in projected and "darf nicht leer" not in projected
    assert out["section_problem"].startswith("Nicht übernommen")
    assert out["overlay"] == "Hinweis auf dem Bildschirm der Moderation."
    assert not out["panel_visible_locked"] and out["panel_visible_unlocked"]
    assert not out["panel_after_close"]
