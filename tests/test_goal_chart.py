"""Goal charts drawn offscreen into a QImage: the pixels follow the scores, the size follows the
font, and the text summary (accessible description) says the same as the picture."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QFont, QImage

from sro_case.domain import models as m
from ui.goal_chart import SCORE_COLOURS, GoalCourseWidget, GoalGlanceWidget

pytestmark = pytest.mark.gui


def review(rid: int, day: date, score: int) -> m.GoalReview:
    return m.GoalReview(rid, day, score, "", None)


def goal(gid: int, text: str, *scores: int) -> m.Goal:
    reviews = tuple(review(gid * 10 + i, date(2026, 1 + 2 * i, 1), s) for i, s in enumerate(scores))
    return m.Goal(gid, None, text, "", "", None, "open", ("", "", "", "", ""), (), reviews)


def render(widget) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(widget.size(), QImage.Format_ARGB32)
    image.fill(Qt.white)
    widget.render(image)
    return image


def pixels_of(image: QImage, colour: QColor) -> list[tuple[int, int]]:
    wanted = colour.rgb()
    return [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixel(x, y) == wanted
    ]


def test_course_follows_the_scores(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = GoalCourseWidget()
    qtbot.addWidget(chart)
    chart.resize(360, 170)
    empty = render(chart)
    assert chart.accessibleDescription() == "noch keine Überprüfung"

    chart.set_reviews([review(2, date(2026, 6, 1), 2), review(1, date(2026, 3, 1), -2)])
    rising = render(chart)
    assert rising != empty
    red = pixels_of(rising, SCORE_COLOURS[-2])
    green = pixels_of(rising, SCORE_COLOURS[2])
    assert red and green
    # Oldest left, −2 at the bottom, +2 at the top.
    assert max(x for x, _ in red) < min(x for x, _ in green)
    assert min(y for _, y in red) > max(y for _, y in green)
    assert chart.accessibleDescription() == "01.03.2026: −2; 01.06.2026: +2"

    chart.set_reviews([review(1, date(2026, 3, 1), -2), review(2, date(2026, 6, 1), 1)])
    changed = render(chart)
    assert changed != rising
    assert not pixels_of(changed, SCORE_COLOURS[2]) and pixels_of(changed, SCORE_COLOURS[1])


def test_course_of_a_goal_and_scaling_with_the_font(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = GoalCourseWidget()
    qtbot.addWidget(chart)
    chart.set_goal(goal(1, "Elif geht gern in die Kita", -1, 0, 1))
    assert [r.score for r in chart.reviews()] == [-1, 0, 1]
    small = chart.sizeHint()
    font = QFont(chart.font())
    font.setPointSizeF(font.pointSizeF() * 3)
    chart.setFont(font)
    assert chart.sizeHint().height() > 2 * small.height()
    chart.set_goal(None)
    assert chart.reviews() == []


def test_glance_shows_every_goal(qtbot) -> None:  # type: ignore[no-untyped-def]
    glance = GoalGlanceWidget()
    qtbot.addWidget(glance)
    glance.set_goals([goal(1, "Elif geht gern in die Kita", -1, 2), goal(2, "Deniz schafft es")])
    two_rows = glance.sizeHint().height()
    glance.resize(glance.sizeHint().width(), two_rows)
    image = render(glance)
    chips = pixels_of(image, SCORE_COLOURS[2])
    assert chips and max(y for _, y in chips) < two_rows / 2  # first row: +2
    assert (
        glance.accessibleDescription()
        == "1. Elif geht gern in die Kita: +2\n2. Deniz schafft es: –"
    )

    glance.set_goals([goal(1, "Elif", -2)], titles=["E."])
    assert glance.sizeHint().height() < two_rows
    assert glance.accessibleDescription() == "1. E.: −2"
    assert pixels_of(render(glance), SCORE_COLOURS[-2])


def test_glance_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    glance = GoalGlanceWidget()
    qtbot.addWidget(glance)
    glance.set_goals([goal(1, "a", 1), goal(2, "b"), goal(3, "c", 0)])
    glance.resize(400, glance.sizeHint().height())
    assert glance.current_goal_id() == 1
    with qtbot.waitSignal(glance.current_changed) as moved:
        qtbot.keyClick(glance, Qt.Key_Down)
    assert moved.args == [2]
    qtbot.keyClick(glance, Qt.Key_End)
    assert glance.current_goal_id() == 3
    with QSignalBlocker(glance):
        glance.set_current_goal(1)
    assert glance.current_goal_id() == 1
    glance.set_goals([])
    assert glance.current_goal_id() is None and glance.accessibleDescription() == "keine Ziele"
