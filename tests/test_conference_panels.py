"""The panels of the Konferenzmodus one by one, each without the ``ConferenceWindow``: built
from a ``ConferenceContext`` on a real encrypted database, with real widgets and the domain's
own drafts. Each test checks what the panel owns and what it signals; where the window would
recompute the consent gate, the test does it through the context."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from sro_case.domain import models as m
from sro_case.errors import ValidationError
from tests.test_conference_mode import (
    OLD_GOAL,
    OLD_INDICATOR,
    PROVIDER,
    REASON,
    FakeMonotonic,
    make_case,
    screen_texts,
    type_text,
)
from ui.conference.agenda import AgendaPanel, agenda_template
from ui.conference.case_background import CaseBackgroundPanel
from ui.conference.context import ConferenceContext
from ui.conference.panel import Panel
from ui.conference.participants import ParticipantsPanel, WhoInfo
from ui.conference.plan import PlanPanel
from ui.conference.projection import Projection
from ui.conference.protocol import ProtocolPanel
from ui.tasks import InlineTaskRunner

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]

ASD = m.ParticipantDraft("Katrin Beck", "asd", "Jugendamt Rostock")
SCHOOL = m.ParticipantDraft("Herr Schulz", "schule", "Grundschule")  # no consent on file


@pytest.fixture
def context(store) -> ConferenceContext:  # type: ignore[no-untyped-def]
    """A context for the test case, not loaded yet (``load`` below)."""
    case = make_case(store)
    return ConferenceContext(store, InlineTaskRunner(), case.id)


def load(context: ConferenceContext) -> m.CaseDetail:
    detail = context.store.cases.get(context.case_id)
    context.load(detail)
    return detail


def host(qtbot, panel: Panel) -> QWidget:  # type: ignore[no-untyped-def]
    """The panel's sections in a plain widget, shown (what the window's columns would do)."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    for section in panel.sections:
        layout.addWidget(section)
    qtbot.addWidget(widget)
    widget.resize(900, 1200)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# --------------------------------------------------------------------------- agenda


def test_agenda_panel_timer_and_moving(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    load(context)
    clock = FakeMonotonic()
    panel = AgendaPanel(context, monotonic=clock)
    _view = host(qtbot, panel)  # kept: the sections live in it
    panel.tick_timer.stop()  # the test ticks by hand
    assert panel.items == [] and panel.status_text() == ""
    panel.use_template("fallkonferenz")
    assert [i.title for i in panel.items] == [i.title for i in agenda_template("fallkonferenz")]
    assert panel.labels[0].text().startswith("▶ 1.") and panel.timer_button.isEnabled()

    with qtbot.waitSignal(panel.status_changed):
        panel.toggle_timer()  # F5
    assert panel.timer_running and panel.timer_button.text() == "Zeit anhalten (F5)"
    clock.now += 130
    with qtbot.waitSignal(panel.status_changed):
        panel.tick()
    assert "02:10 / 5" in panel.labels[0].text() and "läuft" in panel.status_text()
    clock.now += 200  # over the five planned minutes
    panel.tick()
    assert panel.labels[0].property("agenda") == "over" and "⏰" in panel.labels[0].text()

    with qtbot.waitSignal(panel.current_changed) as moved:
        panel.next_item()  # F6
    assert moved.args == [1, panel.items[1].title]
    assert panel.current_item == 1 and panel.labels[1].text().startswith("▶")
    assert panel.labels[0].property("agenda") == ""  # only the current item is marked
    clock.now += 60  # the clock now runs for the second item
    panel.tick()
    assert panel.items[0].elapsed_seconds == pytest.approx(330)
    assert panel.items[1].elapsed_seconds == pytest.approx(60)
    panel.previous_item()  # Umschalt+F6
    panel.previous_item()  # not before the first item
    assert panel.current_item == 0
    assert "Punkt 1 von" in panel.status_text()

    # behind the curtain F5 and F6 do nothing
    context.projection.set_curtain(True)
    with qtbot.assertNotEmitted(panel.current_changed):
        panel.next_item()
    panel.toggle_timer()
    assert panel.timer_running and panel.current_item == 0
    context.projection.set_curtain(False)

    # an item of the office's own; a new kind keeps the agenda once the clock ran
    panel.add_agenda_item()  # no title: nothing
    count = len(panel.items)
    panel.agenda_title.setText("Eigener Punkt der Dienststelle")
    panel.add_agenda_item()
    assert len(panel.items) == count + 1 and panel.agenda_title.text() == ""
    assert panel.titles()[-1] == "Eigener Punkt der Dienststelle" and context.dirty
    panel.use_template("hpg_36")
    assert len(panel.items) == count + 1

    context.set_saved()  # recorded: the clock stops, the controls go with the redraw
    assert not panel.timer_running
    context.update_policy([])
    assert panel.timer_button.isHidden() and panel.next_button.isHidden()
    assert panel.section.entry.isHidden()


# --------------------------------------------------------------------------- participants


def test_participants_panel_signals_and_role_labels(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    load(context)
    panel = ParticipantsPanel(context)
    _view = host(qtbot, panel)  # kept: the sections live in it
    # the window's part: the gate is recomputed for the panel's participants
    panel.participants_changed.connect(lambda: context.update_policy(panel.participants))
    infos: list[WhoInfo] = []
    panel.who_changed.connect(infos.append)
    context.update_policy(panel.participants)
    assert context.policy.awaiting and panel.participants_empty.isVisible()
    shown, full = panel.banner_text(short=False) or ("", "")
    assert shown == full and "Noch niemand eingetragen" in shown

    panel.participant_discipline.setEditText("Schule")
    with qtbot.assertNotEmitted(panel.participants_changed):
        panel.add_participant()  # no name
    assert "Name" in panel.section.problem.text() and panel.participants == []

    panel.participant_name.setText("Herr Schulz")
    panel.participant_org.setText("Grundschule am Mühlenteich")
    with qtbot.waitSignal(panel.participants_changed):
        panel.add_participant()
    assert [(p.name, p.discipline) for p in panel.participants] == [("Herr Schulz", "schule")]
    assert panel.participant_name.text() == "" and panel.section.problem.isHidden()
    assert context.dirty and context.policy.restricted
    row = panel.participant_rows[0].label
    assert row.text().startswith("⚠ Herr Schulz") and row.property("flagged") == "true"
    # restricted: the household on file by role, and so in the "Wer?" suggestions
    info = infos[-1]
    assert dict(info.role_labels) == {"Ayşe Yılmaz": "Elternteil", "Elif Yılmaz": "Kind"}
    assert [d for d, _v in info.suggestions][:3] == ["Elternteil", "Kind", "Familie"]
    assert ("Kind", "Elif Yılmaz") in info.suggestions  # the step keeps whom it names
    assert {"familie", "elif yılmaz", "ayşe yılmaz"} <= info.family
    assert info.who_out("Elif Yılmaz", str) == "Kind" and info.who_out("Oma", str) == "Oma"
    shown, full = panel.banner_text(short=True) or ("", "")
    assert shown.startswith("⚠ Eingeschränkte Ansicht: 1 ") and "Platzhalter" in full
    assert "Elif" not in screen_texts(panel.section)

    # everyone cleared: names again, no banner
    panel.remove_participant(0)
    assert panel.participants == [] and context.policy.awaiting
    panel.participant_name.setText("Katrin Beck")
    panel.participant_discipline.setEditText("ASD")
    panel.add_participant()
    assert not context.policy.restricted and panel.banner_text(short=False) is None
    assert dict(infos[-1].role_labels) == {} and panel.who_out("Elif Yılmaz") == "Elif Yılmaz"
    assert panel.participant_rows[0].label.text().startswith("✓ Katrin Beck")


# --------------------------------------------------------------------------- case background


def test_case_background_panel_follows_the_gate(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    panel = CaseBackgroundPanel(context)
    _view = host(qtbot, panel)  # kept: the sections live in it
    load(context)  # the review rows come with the case
    assert [r.goal.text for r in panel.review_rows] == [OLD_GOAL]

    context.update_policy([])  # nobody entered yet: nothing from the file
    texts = screen_texts(panel.background_section) + screen_texts(panel.review_section)
    assert REASON not in texts and OLD_GOAL not in texts and OLD_INDICATOR not in texts
    assert panel.background_section.isHidden()
    assert "Ziel aus der Fallakte" in panel.review_rows[0].title.text()

    context.update_policy([ASD])  # everyone cleared
    assert REASON in panel.background_label.text() and PROVIDER in panel.background_label.text()
    assert not panel.background_section.isHidden()
    assert OLD_GOAL in panel.review_rows[0].title.text()
    assert OLD_INDICATOR in panel.review_rows[0].details.text()

    context.update_policy([ASD, SCHOOL])  # one without consent: emptied, not only hidden
    assert panel.background_label.text() == "" and panel.background_section.isHidden()
    assert panel.review_rows[0].details.text() == ""
    assert OLD_GOAL not in panel.review_rows[0].title.text()

    row = panel.review_rows[0]
    assert panel.review_drafts() == [] and not context.dirty
    row.score.setCurrentIndex(row.score.findData(1))
    row.comment.setText("fast geschafft")
    assert context.dirty
    [draft] = panel.review_drafts()
    assert (draft.goal_id, draft.score, draft.comment) == (row.goal.id, 1, "fast geschafft")
    assert draft.reviewed_on == context.held_on()

    context.set_saved()
    assert not row.result.isHidden() and row.form_widget.isHidden()
    assert "+1" in row.result.text()


# --------------------------------------------------------------------------- plan


def test_plan_panel_refuses_an_empty_goal_and_signals_the_captured_one(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    load(context)
    panel = PlanPanel(context)
    _view = host(qtbot, panel)  # kept: the sections live in it
    changed: list[bool] = []
    panel.changed.connect(lambda: changed.append(True))

    with qtbot.assertNotEmitted(panel.goal_added):
        panel.add_goal()  # no goal text
    assert "Ziel" in panel.goals_section.problem.text() and panel.goals == [] and not changed

    # the household hidden by role, as the participants panel would send it
    panel.set_who(
        WhoInfo(
            suggestions=(("Elternteil", "Ayşe Yılmaz"), ("Kind", "Elif Yılmaz")),
            role_labels={"Ayşe Yılmaz": "Elternteil", "Elif Yılmaz": "Kind"},
            family=frozenset({"ayşe yılmaz", "elif yılmaz"}),
        )
    )
    context.update_policy([])  # the screen redraws: the lists and the "Wer?" fields
    assert [panel.step_who.itemText(i) for i in range(panel.step_who.count())] == [
        "Elternteil",
        "Kind",
    ]
    panel.step_who.setEditText("Katrin Beck")  # a professional first, without a date
    panel.step_what.setText("Termin beim Kinderarzt vereinbaren")
    panel.add_step()
    assert "Die Familie zuerst?" in panel.step_hint.text() and "bis wann" in panel.step_hint.text()
    panel.step_who.setCurrentIndex(1)  # "Kind"
    panel.step_what.setText("geht jeden Morgen in die Kita")
    panel.step_due.set_value(date(2026, 12, 15))
    panel.add_step()
    assert [s.who for s in panel.pending_steps] == ["Katrin Beck", "Elif Yılmaz"]
    assert "• Kind: geht jeden Morgen in die Kita" in screen_texts(panel.goals_section)

    panel.goal_text.setText("Elif schläft abends um acht")
    panel.goal_indicator.setText("Elif ist morgens wach")
    panel.goal_level_edits[2].setText("an drei Abenden")
    with qtbot.waitSignal(panel.goal_added) as added:
        panel.add_goal()
    goal = added.args[0]
    assert isinstance(goal, m.GoalDraft) and goal.text == "Elif schläft abends um acht"
    assert goal.levels[2] == "an drei Abenden" and goal.owner == "Katrin Beck"
    assert [s.what for s in goal.steps][1] == "geht jeden Morgen in die Kita"
    assert panel.goals == [goal] and panel.pending_steps == [] and changed
    assert panel.goal_text.text() == "" and context.dirty

    # the family's will: words required, the speaker recorded with them
    panel.add_will()
    assert "Bitte die Worte der Familie eintragen." in panel.will_section.problem.text()
    panel.will_who.setCurrentIndex(0)
    panel.will_text.setText("Wir schaffen das.")
    panel.add_will()
    assert panel.will_items == [("Ayşe Yılmaz", "Wir schaffen das.")]
    assert panel.family_will() == ("Wir schaffen das.", "Ayşe Yılmaz")
    assert panel.will_speakers() == ["Ayşe Yılmaz"]
    panel.render()
    texts = screen_texts(panel.will_section)
    assert "„Wir schaffen das.“ — Elternteil" in texts and "Ayşe" not in texts

    type_text(qtbot, panel.next_review_field, "30.02.2027")  # no date
    with pytest.raises(ValidationError):
        panel.next_review()
    context.set_saved()
    assert panel.decisions_edit.isReadOnly() and panel.goals_section.entry.isHidden()


# --------------------------------------------------------------------------- projection


def test_projection_masks_names_with_initials(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    detail = load(context)
    projection = Projection()
    facilitator = QLineEdit("Katrin Beck")
    qtbot.addWidget(facilitator)
    projection.attach_facilitator(facilitator)
    projection.rebuild_scrubber(detail, ["Jana Krüger"])
    text = "Ayşe Yılmaz sagt, Jana Krüger kommt mit Elif."
    assert projection.text_out(text) == text  # initials off: as typed

    with qtbot.waitSignal(projection.masking_changed) as masked:
        projection.toggle_initials()  # F8
    assert masked.args == [True] and projection.use_initials
    assert projection.text_out(text) == "A. Y. sagt, J. K. kommt mit E."
    assert projection.name_out("Katrin Beck") == "K. B."
    # the facilitator's field shows initials, read-only; the full name is kept aside
    assert facilitator.text() == "K. B." and facilitator.isReadOnly()
    assert projection.facilitator() == "Katrin Beck"
    projection.set_initials(False)
    assert facilitator.text() == "Katrin Beck" and not facilitator.isReadOnly()
    assert projection.name_out("Katrin Beck") == "Katrin Beck"


def test_projection_curtain_lock_zoom_and_contrast(qtbot) -> None:  # type: ignore[no-untyped-def]
    projection = Projection()
    curtains: list[bool] = []
    projection.curtain_changed.connect(curtains.append)
    projection.toggle_curtain()
    projection.set_curtain(True)  # already down: no second signal
    projection.toggle_curtain()
    assert curtains == [True, False]
    projection.lock()
    projection.toggle_curtain()  # locked: the curtain stays until unlocked
    assert projection.curtain_on and projection.locked
    projection.unlock()
    projection.toggle_curtain()
    assert not projection.curtain_on and curtains == [True, False, True, False]

    zooms: list[int] = []
    projection.zoom_changed.connect(zooms.append)
    projection.zoom_in()
    projection.zoom_out()
    projection.set_zoom(1000)
    projection.zoom_in()  # at most 300 %
    projection.reset_zoom()
    assert zooms == [125, 100, 300, 100]
    projection.set_zoom(300)
    assert "font-size: 36.0pt" in projection.style_sheet(QFont())
    with qtbot.waitSignal(projection.contrast_changed) as contrast:
        projection.toggle_high_contrast()
    assert contrast.args == [True] and "#ffff00" in projection.style_sheet(QFont())
    assert "QComboBox::down-arrow" in projection.style_sheet(QFont())  # its own arrows


# --------------------------------------------------------------------------- protocol


def test_protocol_panel_does_not_save_invalid_input(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    load(context)

    def drafts() -> tuple[m.ConferenceDraft, list[m.ReviewDraft]]:
        raise ValidationError([("Nächste Überprüfung", "liegt vor der Konferenz.")])

    panel = ProtocolPanel(context, drafts)
    _view = host(qtbot, panel)  # kept: the sections live in it
    panel.ask_protocol_path = lambda _s: pytest.fail("no file for invalid input")
    with qtbot.waitSignal(panel.message) as said:
        panel.save_and_protocol()
    text, error, _detail = said.args
    assert error and text.startswith("Nicht gespeichert:") and "Nächste Überprüfung" in text
    assert not context.saved and panel.save_button.isEnabled()
    assert panel.suggested_protocol_name() == "Protokoll_51.2-2026-004711_2026-11-25.pdf"


def test_panels_are_qobjects_of_their_own(context) -> None:  # type: ignore[no-untyped-def]
    """No panel is a part of the window: each is a QObject owning its sections."""
    panels = [
        ParticipantsPanel(context),
        AgendaPanel(context),
        CaseBackgroundPanel(context),
        PlanPanel(context),
    ]
    for panel in panels:
        assert isinstance(panel, QObject) and not isinstance(panel, QWidget)
        assert panel.sections and all(s.parentWidget() is None for s in panel.sections)
