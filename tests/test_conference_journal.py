"""#18: no conference lost – the Konferenzmodus journals its capture, encrypted, while it is
typed; after a crash (here: the window gone without saving, the database opened again) the
capture is offered, restored field by field and saved; the journal is gone after the save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from sro_case import store as store_module
from sro_case.domain import models as m
from tests.conftest import PASSPHRASE
from tests.test_conference_mode import make_case
from ui.conference.journaling import entry_name
from ui.conference.window import ConferenceWindow
from ui.tasks import InlineTaskRunner


def _capture(w: ConferenceWindow) -> None:
    people = w.participants_panel
    people.participant_name.setText("Frau Schröder")
    people.participant_org.setText("Grundschule am Park")
    people.participant_discipline.setEditText("Schule")
    people.add_participant()
    w.facilitator_edit.setText("Moderatorin Nord")
    w.plan_panel.will_text.setText("Wir wollen, dass Lena wieder gern zur Schule geht. 🌼")
    w.plan_panel.add_will()
    w.plan_panel.goal_text.setText("Lena geht gern zur Schule")
    w.plan_panel.add_goal()
    w.plan_panel.decisions_edit.setPlainText("Treffen in sechs Wochen.")


def test_a_capture_survives_the_end_of_the_program_and_is_saved_after(
    qtbot, store, journal_dir: Path, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case = make_case(store)
    goal = store.conferences.add_goal(case.id, m.GoalDraft("Lena schläft durch"))
    w = ConferenceWindow(store, InlineTaskRunner(), case.id)
    qtbot.addWidget(w, before_close_func=lambda x: x.context.mark_clean())
    assert w.journal is not None
    _capture(w)
    # the review of an open goal, too
    (review,) = [r for r in w.background_panel.review_rows if r.goal.id == goal.id]
    review.score.setCurrentIndex(review.score.findData(1))
    review.comment.setText("meistens, seit dem Umzug")
    assert w.context.dirty
    w.journal.keep()  # what the timer does every two seconds
    w.journal.flush()  # (written on the journal's own lane)
    raw = b"".join(p.read_bytes() for p in journal_dir.rglob("*") if p.is_file())
    assert raw and b"Schr" not in raw and b"Lena" not in raw  # encrypted on disk
    captured = (
        list(w.participants_panel.participants),
        list(w.plan_panel.will_items),
        [g.text for g in w.plan_panel.goals],
    )
    w.discard()  # the program ends without saving (a crash leaves the same journal behind)
    path, clock = store.path, store.clock
    store.close()

    again = store_module.unlock(path, PASSPHRASE, clock=clock)
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    restored = ConferenceWindow(again, InlineTaskRunner(), case.id)
    qtbot.addWidget(restored, before_close_func=lambda x: x.context.mark_clean())
    assert asked and "nicht gespeicherte Erfassung" in asked[0]
    assert list(restored.participants_panel.participants) == captured[0]
    assert list(restored.plan_panel.will_items) == captured[1]
    assert [g.text for g in restored.plan_panel.goals] == captured[2]
    assert restored.facilitator_edit.text() == "Moderatorin Nord"
    assert restored.plan_panel.decisions() == "Treffen in sechs Wochen."
    (review,) = [r for r in restored.background_panel.review_rows if r.goal.id == goal.id]
    assert (review.score.currentData(), review.comment.text()) == (1, "meistens, seit dem Umzug")
    assert restored.context.dirty
    pdf = tmp_path / "protokoll.pdf"
    restored.protocol_panel.ask_protocol_path = lambda _suggested: pdf
    restored.protocol_panel.save_and_protocol()
    assert restored.context.saved and pdf.exists()
    detail = again.cases.get(case.id)
    assert detail.conferences[-1].participants[0].name == "Frau Schröder"
    assert "Lena wieder gern" in detail.conferences[-1].family_will
    reviewed = next(g for g in detail.goals if g.id == goal.id).reviews
    assert [(r.score, r.comment) for r in reviewed] == [(1, "meistens, seit dem Umzug")]
    restored.journal.flush()
    assert again.journal.names() == []  # saved: the journal is gone
    again.close()


def test_a_capture_thrown_away_on_purpose_is_not_offered_again(qtbot, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case = make_case(store)
    w = ConferenceWindow(store, InlineTaskRunner(), case.id)
    qtbot.addWidget(w)
    _capture(w)
    w.journal.keep()
    w.journal.flush()  # (written on the journal's own lane)
    assert store.journal.names() == [entry_name(case.id)]
    monkeypatch.setattr(ConferenceWindow, "_confirm_discard", lambda self: True)
    w.close()  # "Verwerfen"
    w.journal.flush()
    assert store.journal.names() == []


CLIENT_KILLS = int(os.environ.get("CLIENT_KILLS", "50"))
ANNA = "Anna arbeitet im ASD seit 2019"


def _anna_and_a_case(pg_url: str, clock: Any, file_number: str) -> tuple[Any, m.CaseSummary]:
    """A team database with Anna (ASD) and one case of hers, Lena Müller's."""
    from datetime import date

    from tests.postgres import team_database

    engine, people = team_database(pg_url, clock, ("anna", "Anna Asmus", "asd", ANNA))
    made = people["anna"].create_case(
        m.CaseDraft(
            file_number,
            m.FamilyDraft("Familie Müller", "evershagen"),
            (m.PersonDraft("Lena", "Müller", date(2015, 3, 2), "female", "child"),),
        )
    )
    return engine, made


@pytest.fixture
def team_case(pg_url: str) -> Iterator[tuple[str, int]]:
    from datetime import datetime

    from sro_case.clock import FixedClock
    from sro_case.server.api import create_app
    from tests.postgres import serving

    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, made = _anna_and_a_case(pg_url, clock, "51.2-2026-000101")
    with serving(create_app(engine, clock=clock)) as url:
        yield url, made.id
    engine.dispose()


def test_a_client_killed_again_and_again_loses_no_journaled_sentence(
    qtbot, team_case: tuple[str, int], journal_dir: Path, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The client process SIGKILLed at random moments while it captures (``CLIENT_KILLS``
    times): each new client restores everything journaled before, and the last capture is
    saved on the team server in full."""
    url, case_id = team_case
    child = Path(__file__).with_name("journal_child.py")
    env = {**os.environ, "SRO_CASE_JOURNAL_DIR": str(journal_dir)}
    rng = random.Random(18)
    acknowledged = 0
    for _ in range(CLIENT_KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(child), url, "anna", ANNA, str(case_id)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        ready = proc.stdout.readline().split()
        assert ready[0] == "READY", ready
        assert int(ready[1]) >= acknowledged  # nothing acknowledged before was lost
        for _line in range(rng.randint(0, 12)):
            line = proc.stdout.readline().split()
            if line and line[0] == "KEPT":
                acknowledged = int(line[1])
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()

    from sro_case.remote import connect

    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    with connect(url, "anna", ANNA) as app:  # type: ignore[attr-defined]
        w = ConferenceWindow(app, InlineTaskRunner(), case_id)
        qtbot.addWidget(w, before_close_func=lambda x: x.context.mark_clean())
        sentences = [text for _who, text in w.plan_panel.will_items]
        assert len(sentences) >= acknowledged
        assert sentences[:acknowledged] == [f"Satz {n}" for n in range(1, acknowledged + 1)]
        w.protocol_panel.ask_protocol_path = lambda _suggested: tmp_path / "protokoll.pdf"
        w.protocol_panel.save_and_protocol()
        assert w.context.saved, w.console.text()
        w.journal.flush()
        saved = app.cases.get(case_id).conferences[-1]
        assert f"Satz {acknowledged}" in saved.family_will or acknowledged == 0
        assert app.journal.names() == []


def test_the_server_stopped_mid_conference_and_started_again(
    qtbot, pg_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The team server goes away while the conference is captured: saving says so in words,
    nothing typed is lost (it stays on screen and in the journal), and the same save goes
    through once the server is back."""
    from datetime import datetime

    from sro_case.clock import FixedClock
    from sro_case.remote import connect
    from sro_case.server.api import create_app
    from tests.postgres import serving

    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, made = _anna_and_a_case(pg_url, clock, "51.2-2026-000101")
    with serving(create_app(engine, clock=clock)) as url:
        app = connect(url, "anna", ANNA)
        w = ConferenceWindow(app, InlineTaskRunner(), made.id)
        qtbot.addWidget(w, before_close_func=lambda x: x.context.mark_clean())
        _capture(w)
        w.journal.keep()
        w.journal.flush()  # (written on the journal's own lane)
    # the server is down now
    pdf = tmp_path / "protokoll.pdf"
    w.protocol_panel.ask_protocol_path = lambda _suggested: pdf
    w.protocol_panel.save_and_protocol()
    assert not w.context.saved and "nicht erreichbar" in w.console.text()
    assert w.context.dirty and app.journal.names() == [entry_name(made.id)]
    port = int(url.rsplit(":", 1)[1])
    with serving(create_app(engine, clock=clock), port=port):  # back, at the same address
        w.protocol_panel.save_and_protocol()
        assert w.context.saved, w.console.text()
        saved = app.cases.get(made.id).conferences[-1]
        assert saved.participants[0].name == "Frau Schröder"
        w.journal.flush()
        assert app.journal.names() == []
        app.close()
    engine.dispose()


@pytest.mark.parametrize("choice", ["mine", "theirs", "back"])
def test_a_second_capture_of_the_conference_is_refused_and_shown_beside_the_first(
    qtbot, pg_url: str, tmp_path: Path, monkeypatch, choice: str
) -> None:  # type: ignore[no-untyped-def]
    """Two facilitators capture the same conference; the second save is refused (409) even
    though the case file on the second PC was read again meanwhile (a live update). The
    dialog shows both captures; the facilitator saves hers as a conference of its own, lets
    the other stand (her capture and its journal are gone), or goes back to the capture."""
    from datetime import date, datetime

    from sro_case.clock import FixedClock
    from sro_case.remote import connect
    from sro_case.server.api import create_app
    from tests.postgres import serving
    from ui.conference.conflict import ConferenceConflictDialog

    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, made = _anna_and_a_case(pg_url, clock, "51.2-2026-000102")
    shown: list[ConferenceConflictDialog] = []

    def answer(dialog: ConferenceConflictDialog) -> int:
        shown.append(dialog)
        if choice == "back":
            dialog.reject()
            return 0
        (dialog.mine_button if choice == "mine" else dialog.theirs_button).click()
        return 1

    monkeypatch.setattr(ConferenceConflictDialog, "exec", answer)
    with serving(create_app(engine, clock=clock)) as url:
        app = connect(url, "anna", ANNA)
        w = ConferenceWindow(app, InlineTaskRunner(), made.id)
        qtbot.addWidget(w, before_close_func=lambda x: x.context.mark_clean())
        _capture(w)
        other = connect(url, "anna", ANNA)  # the same conference, captured on a second PC
        other.conferences.record(
            made.id,
            m.ConferenceDraft(
                date(2026, 11, 25),
                "fallkonferenz",
                "Moderator Süd",
                (m.ParticipantDraft("Herr Berg", "kita", "Kita Sonnenschein"),),
                decisions="Hilfeplan bis Januar.",
            ),
        )
        app.cases.get(made.id)  # the case file on Anna's PC reloaded meanwhile (live)
        w.journal.keep()
        w.journal.flush()
        w.protocol_panel.ask_protocol_path = lambda _suggested: tmp_path / "protokoll.pdf"
        w.protocol_panel.save_and_protocol()
        assert len(shown) == 1  # refused, and both shown
        dialog = shown[0]
        assert [c.facilitator for c in dialog.recorded] == ["Moderator Süd"]
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "Herr Berg" in texts and "Frau Schröder" in texts
        conferences = app.cases.get(made.id).conferences
        w.journal.flush()
        if choice == "mine":
            assert w.context.saved and (tmp_path / "protokoll.pdf").is_file()
            assert [c.facilitator for c in conferences] == ["Moderator Süd", "Moderatorin Nord"]
            assert app.journal.names() == []
        elif choice == "theirs":
            assert [c.facilitator for c in conferences] == ["Moderator Süd"]
            assert not w.isVisible() and app.journal.names() == []
        else:
            assert [c.facilitator for c in conferences] == ["Moderator Süd"]
            assert w.context.dirty and w.facilitator_edit.text() == "Moderatorin Nord"
            assert app.journal.names() == [entry_name(made.id)]  # the capture is still kept
        other.close()
        app.close()
    engine.dispose()


def test_a_second_refusal_after_saving_mine_shows_only_what_is_new(
    qtbot, pg_url: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The facilitator saves her capture after a first refusal, and a third capture is saved
    just before hers again: the second dialog shows that one only – the conference she has
    already seen beside hers is not new to her any more."""
    from datetime import date, datetime

    from sro_case.clock import FixedClock
    from sro_case.remote import connect
    from sro_case.server.api import create_app
    from tests.postgres import serving
    from ui.conference.conflict import ConferenceConflictDialog

    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, made = _anna_and_a_case(pg_url, clock, "51.2-2026-000103")
    shown: list[ConferenceConflictDialog] = []

    def recorded_by(facilitator: str) -> m.ConferenceDraft:
        return m.ConferenceDraft(
            date(2026, 11, 25),
            "fallkonferenz",
            facilitator,
            (m.ParticipantDraft("Herr Berg", "kita", "Kita Sonnenschein"),),
        )

    with serving(create_app(engine, clock=clock)) as url:
        app = connect(url, "anna", ANNA)
        other = connect(url, "anna", ANNA)

        def answer(dialog: ConferenceConflictDialog) -> int:
            shown.append(dialog)
            if len(shown) == 1:  # and once more, before her save arrives
                other.conferences.record(made.id, recorded_by("Moderator West"))
            dialog.mine_button.click()
            return 1

        monkeypatch.setattr(ConferenceConflictDialog, "exec", answer)
        w = ConferenceWindow(app, InlineTaskRunner(), made.id)
        qtbot.addWidget(w, before_close_func=lambda x: x.context.mark_clean())
        _capture(w)
        other.conferences.record(made.id, recorded_by("Moderator Süd"))
        w.protocol_panel.ask_protocol_path = lambda _suggested: tmp_path / "protokoll.pdf"
        w.protocol_panel.save_and_protocol()
        assert [[c.facilitator for c in d.recorded] for d in shown] == [
            ["Moderator Süd"],
            ["Moderator West"],
        ]
        assert w.context.saved, w.console.text()
        # resting on the case as it is now, the shared screen also masks the names on file
        # now (a person added meanwhile)
        child = m.PersonDraft("Kevin", "Neumann", date(2019, 5, 1), "male", "child")
        other.cases.add_person(made.id, child)
        w.context.rebase(app.cases.get(made.id))
        w.projection.use_initials = True
        assert "Neumann" not in w.projection.text_out("Kevin Neumann kommt mit.")
        conferences = app.cases.get(made.id).conferences
        assert [c.facilitator for c in conferences] == [
            "Moderator Süd",
            "Moderator West",
            "Moderatorin Nord",
        ]
        other.close()
        app.close()
    engine.dispose()


def test_no_second_save_while_a_refusal_is_being_shown(
    qtbot, pg_url: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """After a refused save the case is read again for the dialog (on a slow line that takes
    a moment): meanwhile the save stays busy, and Strg+S starts no second save. Once the
    facilitator went back to the capture, she can save again."""
    from datetime import date, datetime

    from sro_case.clock import FixedClock
    from sro_case.remote import connect
    from sro_case.server.api import create_app
    from tests.held_runner import HeldRunner
    from tests.postgres import serving
    from ui.conference.conflict import ConferenceConflictDialog

    clock = FixedClock(datetime(2026, 11, 25, 10, 0))
    engine, made = _anna_and_a_case(pg_url, clock, "51.2-2026-000104")
    shown: list[ConferenceConflictDialog] = []

    def back(dialog: ConferenceConflictDialog) -> int:
        shown.append(dialog)
        dialog.reject()
        return 0

    monkeypatch.setattr(ConferenceConflictDialog, "exec", back)
    with serving(create_app(engine, clock=clock)) as url:
        app = connect(url, "anna", ANNA)
        runner = HeldRunner()
        w = ConferenceWindow(app, runner, made.id, render_runner=InlineTaskRunner())
        qtbot.addWidget(w, before_close_func=lambda x: x.context.mark_clean())
        runner.release_all()  # the case, read
        _capture(w)
        other = connect(url, "anna", ANNA)
        other.conferences.record(
            made.id, m.ConferenceDraft(date(2026, 11, 25), "fallkonferenz", "Moderator Süd")
        )
        w.protocol_panel.ask_protocol_path = lambda _suggested: tmp_path / "protokoll.pdf"
        w.protocol_panel.save_and_protocol()
        runner.release()  # the save: refused
        assert len(runner.held) == 1  # the case, being read again for the dialog
        assert not w.protocol_panel.save_button.isEnabled()
        w.protocol_panel.save_and_protocol()  # Strg+S meanwhile
        assert len(runner.held) == 1  # no second save
        runner.release_all()
        assert len(shown) == 1 and not w.context.saved
        assert w.protocol_panel.save_button.isEnabled()  # back to the capture: savable again
        other.close()
        app.close()
    engine.dispose()
