"""Goal attainment over time, drawn with QPainter (Qt Charts is deprecated, PITFALLS.md).

``GoalCourseWidget`` draws one goal's scores on the −2…+2 goal-attainment scale as a small line
chart; ``GoalGlanceWidget`` shows every goal of a case in one compact list — its latest score as a
coloured chip and its course as a sparkline — so the status of all goals is seen at a glance.

Both size themselves from the font, so they grow with the conference mode's zoom, and take their
ink from the palette, so the high-contrast theme applies. Colours of the levels are fixed and
readable on light and dark backgrounds. A text summary is the accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from sro_case.domain import models as m
from sro_case.domain.formatting import german_date
from ui.refcounts import emit

SCORE_MIN, SCORE_MAX = -2, 2
SCORE_LABELS = {-2: "−2", -1: "−1", 0: "0", 1: "+1", 2: "+2"}
SCORE_COLOURS = {
    -2: QColor("#c62828"),
    -1: QColor("#ef6c00"),
    0: QColor("#7b8794"),
    1: QColor("#7cb342"),
    2: QColor("#2e7d32"),
}


def score_label(score: int | None) -> str:
    return "–" if score is None else SCORE_LABELS.get(score, str(score))


def score_colour(score: int | None) -> QColor:
    return SCORE_COLOURS.get(score, QColor("#9aa4ae")) if score is not None else QColor("#9aa4ae")


def ordered_reviews(reviews: Sequence[m.GoalReview]) -> list[m.GoalReview]:
    """Oldest first; reviews on one day in the order they were entered."""
    return sorted(reviews, key=lambda r: (r.reviewed_on, r.id))


def _date(day: date) -> str:
    return german_date(day)


def _ink(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def _x_positions(days: Sequence[date], left: float, right: float) -> list[float]:
    """By date where the dates differ, evenly where they do not (one day, one review)."""
    if not days:
        return []
    if len(days) == 1:
        return [(left + right) / 2]
    first, last = days[0].toordinal(), days[-1].toordinal()
    if first == last:
        step = (right - left) / (len(days) - 1)
        return [left + i * step for i in range(len(days))]
    return [left + (d.toordinal() - first) / (last - first) * (right - left) for d in days]


class GoalCourseWidget(QWidget):
    """One goal's course: a score per review on the −2…+2 scale, oldest left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reviews: list[m.GoalReview] = []
        self._title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Verlauf der Zielerreichung"))
        self._describe()

    # -- data ----------------------------------------------------------------------------
    def set_goal(self, goal: m.Goal | None, title: str | None = None) -> None:
        """``title`` overrides the goal text (e.g. initials on the conference screen)."""
        self._title = "" if goal is None else (goal.text if title is None else title)
        self.set_reviews(goal.reviews if goal is not None else ())

    def set_reviews(self, reviews: Sequence[m.GoalReview]) -> None:
        self._reviews = ordered_reviews(reviews)
        self._describe()
        self.update()

    def reviews(self) -> list[m.GoalReview]:
        return list(self._reviews)

    def _describe(self) -> None:
        if not self._reviews:
            text = self.tr("noch keine Überprüfung")
        else:
            text = "; ".join(
                f"{_date(r.reviewed_on)}: {score_label(r.score)}" for r in self._reviews
            )
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    # -- size ----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(round(fm.averageCharWidth() * 34), round(fm.height() * 8))

    def minimumSizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(round(fm.averageCharWidth() * 16), round(fm.height() * 6))

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        ink = _ink(self)
        base = self.palette().color(QPalette.ColorRole.Base)
        painter.fillRect(self.rect(), base)
        label_w = fm.horizontalAdvance("−2") + fm.averageCharWidth() * 1.5
        plot = QRectF(
            label_w,
            fm.height() * 0.6,
            max(1.0, self.width() - label_w - fm.averageCharWidth() * 2),
            max(1.0, self.height() - fm.height() * 2.0),
        )

        def y_of(score: int) -> float:
            return plot.bottom() - (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN) * plot.height()

        muted = QColor(ink)
        muted.setAlphaF(0.35)
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            y = y_of(score)
            pen = QPen(ink if score == 0 else muted, 1.6 if score == 0 else 1.0)
            if score != 0:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(ink)
            painter.drawText(
                QRectF(0, y - fm.height() / 2, label_w - fm.averageCharWidth() * 0.5, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                SCORE_LABELS[score],
            )
        if not self._reviews:
            painter.setPen(ink)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("noch keine Überprüfung"))
            painter.end()
            return
        inset = fm.averageCharWidth() * 3
        xs = _x_positions(
            [r.reviewed_on for r in self._reviews], plot.left() + inset, plot.right() - inset
        )
        points = [
            QPointF(x, y_of(max(SCORE_MIN, min(SCORE_MAX, r.score))))
            for x, r in zip(xs, self._reviews, strict=True)
        ]
        if len(points) > 1:
            path = QPainterPath(points[0])
            for p in points[1:]:
                path.lineTo(p)
            painter.setPen(QPen(ink, max(2.0, fm.height() / 8)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        radius = max(4.0, fm.height() / 4)
        for p, r in zip(points, self._reviews, strict=True):
            painter.setPen(QPen(ink, 1.2))
            painter.setBrush(score_colour(r.score))
            painter.drawEllipse(p, radius, radius)
        painter.setPen(ink)
        first, last = self._reviews[0], self._reviews[-1]
        bottom = QRectF(plot.left(), plot.bottom() + fm.height() * 0.2, plot.width(), fm.height())
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, _date(first.reviewed_on)
        )
        if len(self._reviews) > 1:
            painter.drawText(
                bottom,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                _date(last.reviewed_on),
            )
        painter.end()


class GoalGlanceWidget(QWidget):
    """All goals of a case at a glance: number, latest score chip, sparkline, text.

    Keyboard: Pfeil hoch/runter moves the current goal; ``current_changed`` carries its id.
    """

    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goals: list[m.Goal] = []
        self._titles: list[str] = []
        self._current = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Alle Ziele auf einen Blick"))
        self._describe()

    # -- data ----------------------------------------------------------------------------
    def set_goals(self, goals: Sequence[m.Goal], titles: Sequence[str] | None = None) -> None:
        """``titles`` replace the goal texts (e.g. initials); same order as ``goals``."""
        self._goals = list(goals)
        self._titles = list(titles) if titles is not None else [g.text for g in self._goals]
        self._current = 0 if self._goals else -1
        self._describe()
        self.updateGeometry()
        self.update()

    def goals(self) -> list[m.Goal]:
        return list(self._goals)

    def current_goal_id(self) -> int | None:
        return self._goals[self._current].id if 0 <= self._current < len(self._goals) else None

    def set_current_goal(self, goal_id: int | None) -> None:
        for i, g in enumerate(self._goals):
            if g.id == goal_id:
                self._set_current(i, notify=False)
                return

    def _set_current(self, row: int, *, notify: bool = True) -> None:
        if not self._goals:
            return
        row = max(0, min(len(self._goals) - 1, row))
        if row != self._current:
            self._current = row
            self.update()
            if notify:
                emit(self.current_changed, self._goals[row].id)

    def _describe(self) -> None:
        if not self._goals:
            self.setAccessibleDescription(self.tr("keine Ziele"))
            return
        lines = []
        for i, (g, title) in enumerate(zip(self._goals, self._titles, strict=True), start=1):
            latest = ordered_reviews(g.reviews)[-1].score if g.reviews else None
            lines.append(f"{i}. {title}: {score_label(latest)}")
        self.setAccessibleDescription("\n".join(lines))

    # -- size ----------------------------------------------------------------------------
    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 1.6

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        rows = max(1, len(self._goals))
        return QSize(round(fm.averageCharWidth() * 50), round(rows * self._row_height() + 4))

    def minimumSizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        rows = max(1, len(self._goals))
        return QSize(round(fm.averageCharWidth() * 24), round(rows * self._row_height() + 4))

    # -- input ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self._set_current(self._current + 1)
        elif event.key() == Qt.Key.Key_Up:
            self._set_current(self._current - 1)
        elif event.key() == Qt.Key.Key_Home:
            self._set_current(0)
        elif event.key() == Qt.Key.Key_End:
            self._set_current(len(self._goals) - 1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = int((event.position().y() - 2) // self._row_height())
        if 0 <= row < len(self._goals):
            self._set_current(row)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        ink = _ink(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if not self._goals:
            painter.setPen(ink)
            painter.drawText(
                QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("keine Ziele")
            )
            painter.end()
            return
        row_h = self._row_height()
        char = fm.averageCharWidth()
        number_w = fm.horizontalAdvance("99.") + char
        chip_w = fm.horizontalAdvance("−2") + char * 2
        spark_w = char * 12
        for i, (goal, title) in enumerate(zip(self._goals, self._titles, strict=True)):
            top = 2 + i * row_h
            row = QRectF(0, top, self.width(), row_h)
            if i == self._current:
                highlight = self.palette().color(QPalette.ColorRole.Highlight)
                highlight.setAlphaF(0.25 if self.hasFocus() else 0.12)
                painter.fillRect(row, highlight)
            x = char * 0.5
            painter.setPen(ink)
            painter.drawText(
                QRectF(x, top, number_w, row_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{i + 1}.",
            )
            x += number_w
            scores = [r.score for r in ordered_reviews(goal.reviews)]
            latest = scores[-1] if scores else None
            chip = QRectF(x, top + row_h * 0.15, chip_w, row_h * 0.7)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(score_colour(latest))
            painter.drawRoundedRect(chip, row_h * 0.15, row_h * 0.15)
            painter.setPen(QColor("#ffffff") if latest in (-2, 2, -1) else QColor("#111111"))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, score_label(latest))
            x += chip_w + char
            self._sparkline(painter, QRectF(x, top + row_h * 0.15, spark_w, row_h * 0.7), scores)
            x += spark_w + char
            painter.setPen(ink)
            text_rect = QRectF(x, top, max(0.0, self.width() - x - char * 0.5), row_h)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(
                    title.replace("\n", " "), Qt.TextElideMode.ElideRight, text_rect.width()
                ),
            )
        painter.end()

    def _sparkline(self, painter: QPainter, box: QRectF, scores: Sequence[int]) -> None:
        ink = _ink(self)
        muted = QColor(ink)
        muted.setAlphaF(0.3)
        painter.setPen(QPen(muted, 1))
        zero = box.center().y()
        painter.drawLine(QPointF(box.left(), zero), QPointF(box.right(), zero))
        if not scores:
            return

        def point(i: int, score: int) -> QPointF:
            x = (
                box.center().x()
                if len(scores) == 1
                else box.left() + i * box.width() / (len(scores) - 1)
            )
            clamped = max(SCORE_MIN, min(SCORE_MAX, score))
            return QPointF(x, box.bottom() - (clamped - SCORE_MIN) / 4 * box.height())

        points = [point(i, s) for i, s in enumerate(scores)]
        painter.setPen(QPen(ink, 1.5))
        for a, b in pairwise(points):
            painter.drawLine(a, b)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(score_colour(scores[-1]))
        radius = max(2.5, box.height() / 7)
        painter.drawEllipse(points[-1], radius, radius)
