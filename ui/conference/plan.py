"""The plan panel – what the conference works out with the family: their will in their own
words, resources, goals with indicator, five goal-attainment levels and the steps (who — the
family first —, what, by when), and the decisions with the next review."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.enums import LEVEL_CAPTIONS, LEVEL_LABELS, ResourceKind
from sro_case.domain.validation import Checker
from sro_case.errors import ValidationError
from ui.conference.context import ConferenceContext
from ui.conference.panel import Panel
from ui.conference.participants import WhoInfo
from ui.conference.widgets import (
    FlowLayout,
    WhoField,
    add_row,
    form_layout,
    wrapped_label,
)
from ui.forms import DateField, format_date
from ui.i18n import core_label
from ui.refcounts import emit

_T = TypeVar("_T")


class PlanPanel(Panel):
    """The sections "Wille der Familie", "Ressourcen", "Ziele und Vereinbarungen" (with the
    steps of the goal being written) and "Entscheidungen und nächster Termin".

    State: ``will_items`` (who, text), ``resources``, ``goals``, ``pending_steps`` (of the
    goal being written). Signals: ``changed()`` after a will statement, resource or goal was
    taken, edited or removed (the window recomputes the screen, the speakers are names to
    mask), ``goal_added(GoalDraft)`` with each goal taken. The lists redraw on the context's
    ``policy_changed``, with the "Wer?" suggestions and role labels the participants panel sent
    just before (``set_who``).
    """

    changed = Signal()
    goal_added = Signal(object)  # m.GoalDraft

    def __init__(self, context: ConferenceContext, parent: QObject | None = None) -> None:
        super().__init__(context, parent)
        self.will_items: list[tuple[str, str]] = []  # (who, text)
        self.resources: list[m.ResourceDraft] = []
        self.goals: list[m.GoalDraft] = []
        self.pending_steps: list[m.StepDraft] = []
        self._who = WhoInfo()
        self._build_will()
        self._build_resources()
        self._build_goals()
        self._build_decisions()
        context.policy_changed.connect(self.render)
        context.saved_changed.connect(self._on_saved)

    def _build_will(self) -> None:
        s = self.will_section = self._section(
            self.tr("Wille der Familie – in ihren eigenen Worten")
        )
        self.will_list = QVBoxLayout()
        s.body.addLayout(self.will_list)
        form = form_layout()
        self.will_who = WhoField(self.tr("Wer sagt das?"))
        self.will_text = QLineEdit()
        self.will_text.setPlaceholderText(self.tr("wörtlich, z. B. „Wir wollen …“"))
        add_row(form, self.tr("Wer?"), self.will_who)
        add_row(form, self.tr("Was?"), self.will_text)
        s.entry_layout.addLayout(form)
        self.add_will_button = QPushButton(self.tr("&Wille festhalten"))
        self.add_will_button.clicked.connect(self.add_will)
        self.will_text.returnPressed.connect(self.add_will)
        s.entry_layout.addWidget(self.add_will_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_resources(self) -> None:
        s = self.resources_section = self._section(self.tr("Ressourcen"))
        self.resource_list = QVBoxLayout()
        s.body.addLayout(self.resource_list)
        form = form_layout()
        self.resource_kind = QComboBox()
        for kind in ResourceKind:
            self.resource_kind.addItem(core_label(kind.label), kind.value)
        self.resource_text = QLineEdit()
        self.resource_text.setPlaceholderText(self.tr("z. B. Oma wohnt um die Ecke"))
        add_row(form, self.tr("Art:"), self.resource_kind)
        add_row(form, self.tr("Ressource:"), self.resource_text)
        s.entry_layout.addLayout(form)
        self.add_resource_button = QPushButton(self.tr("&Ressource hinzufügen"))
        self.add_resource_button.clicked.connect(self.add_resource)
        self.resource_text.returnPressed.connect(self.add_resource)
        s.entry_layout.addWidget(self.add_resource_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_goals(self) -> None:
        s = self.goals_section = self._section(self.tr("Ziele und Vereinbarungen"))
        self.goal_list = QVBoxLayout()
        s.body.addLayout(self.goal_list)
        form = form_layout()
        self.goal_text = QLineEdit()
        self.goal_text.setPlaceholderText(self.tr("in den Worten der Familie"))
        self.goal_indicator = QLineEdit()
        self.goal_level_edits: list[QLineEdit] = []
        add_row(form, self.tr("Ziel:"), self.goal_text)
        s.entry_layout.addLayout(form)
        question = wrapped_label(self.tr("Woran merken wir, dass sich etwas verändert hat?"))
        question.setBuddy(self.goal_indicator)
        self.goal_indicator.setAccessibleName(self.tr("Indikator"))
        s.entry_layout.addWidget(question)
        s.entry_layout.addWidget(self.goal_indicator)
        s.entry_layout.addWidget(
            wrapped_label(self.tr("Zielerreichungsskala: So sieht es aus bei …"))
        )
        levels = form_layout()
        short = (
            self.tr("deutlich weniger"),
            self.tr("etwas weniger"),
            self.tr("erwartet"),
            self.tr("etwas mehr"),
            self.tr("deutlich mehr"),
        )
        for label, german, brief in zip(LEVEL_LABELS, LEVEL_CAPTIONS, short, strict=True):
            caption = core_label(german)
            edit = QLineEdit()
            edit.setPlaceholderText(caption)
            add_row(levels, f"{label} {brief}:", edit)
            edit.setAccessibleName(
                self.tr("Stufe %1 (%2)").replace("%1", label).replace("%2", caption)
            )
            self.goal_level_edits.append(edit)
        self.goal_target = DateField(optional=True, default=self.context.store.clock.today())
        add_row(levels, self.tr("Zieldatum:"), self.goal_target)
        s.entry_layout.addLayout(levels)

        steps_title = wrapped_label(
            self.tr("Wer macht was bis wann? – die Familie zuerst"), "subTitle"
        )
        s.entry_layout.addWidget(steps_title)
        self.step_list = QVBoxLayout()
        s.entry_layout.addLayout(self.step_list)
        step_form = form_layout()
        self.step_who = WhoField(self.tr("Wer? – die Familie zuerst"))
        self.step_what = QLineEdit()
        self.step_due = DateField(optional=True, default=self.context.store.clock.today())
        add_row(step_form, self.tr("Wer?"), self.step_who)
        add_row(step_form, self.tr("Was?"), self.step_what)
        add_row(step_form, self.tr("Bis wann?"), self.step_due)
        s.entry_layout.addLayout(step_form)
        self.step_hint = wrapped_label("", "muted")  # a gentle hint, never a refusal
        self.step_hint.hide()
        s.entry_layout.addWidget(self.step_hint)
        buttons = QWidget()
        flow = FlowLayout(buttons)
        self.add_step_button = QPushButton(self.tr("&Schritt hinzufügen"))
        self.add_step_button.clicked.connect(self.add_step)
        self.add_goal_button = QPushButton(self.tr("&Ziel übernehmen (Strg+Eingabe)"))
        self.add_goal_button.clicked.connect(self.add_goal)
        flow.addWidget(self.add_step_button)
        flow.addWidget(self.add_goal_button)
        s.entry_layout.addWidget(buttons)
        self.step_what.returnPressed.connect(self.add_step)
        self.step_due.edit.returnPressed.connect(self.add_step)  # Enter in "Bis wann?" too
        # Eingabe in a goal field moves on to the next one: fast capture without the mouse.
        for edit in (self.goal_text, self.goal_indicator, *self.goal_level_edits):
            edit.returnPressed.connect(self._focus_next)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(
                QKeySequence(keys),
                s,
                self.add_goal,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )

    def _build_decisions(self) -> None:
        s = self.decisions_section = self._section(self.tr("Entscheidungen und nächster Termin"))
        form = form_layout()
        self.decisions_edit = QPlainTextEdit()
        self.decisions_edit.setTabChangesFocus(True)
        self.next_review_field = DateField(
            optional=True, default=self.context.store.clock.today() + timedelta(days=91)
        )
        add_row(form, self.tr("Entscheidungen:"), self.decisions_edit)
        add_row(form, self.tr("Nächste Überprüfung:"), self.next_review_field)
        s.body.addLayout(form)
        self.decisions_edit.textChanged.connect(self.context.mark_dirty)
        self.next_review_field.changed.connect(self.context.mark_dirty)

    def _focus_next(self) -> None:
        """Eingabe in a goal field: on to the next field of the window."""
        self.goals_section.window().focusNextChild()

    def restyle(self, point_size: float, theme: str) -> None:
        """The window's zoom and colours, where the style sheet does not reach: the "Wer?"
        lists' pop-ups and the height of the decisions."""
        for who_field in (self.will_who, self.step_who):
            completer = who_field.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None:
                popup.setStyleSheet(f"QWidget {{ font-size: {point_size:.1f}pt; }}" + theme)
        fm = QFontMetricsF(self.decisions_edit.font())
        self.decisions_edit.setMinimumHeight(round(fm.lineSpacing() * 4 + 12))

    def _on_saved(self, saved: bool) -> None:
        if saved:
            self.decisions_edit.setReadOnly(True)
            self.next_review_field.setReadOnly(True)

    # ------------------------------------------------------------------ for the window
    def set_who(self, info: WhoInfo) -> None:
        """The "Wer?" suggestions and role labels, sent by the participants panel when it
        redrew; the lists use them from their next redraw on."""
        self._who = info

    def will_speakers(self) -> list[str]:
        return [who for who, _text in self.will_items]

    def family_will(self) -> tuple[str, str]:
        """(the family's will, who said it) as the conference records them."""
        if len(self.will_items) == 1:
            who, will = self.will_items[0]
            return will, who
        will = "\n".join(f"{w}: {t}" if w else t for w, t in self.will_items)
        who = ", ".join(dict.fromkeys(w for w, _t in self.will_items if w))
        return will, who

    def decisions(self) -> str:
        return self.decisions_edit.toPlainText()

    def next_review(self) -> date | None:
        """The next review's date (raises ValidationError when it is no date)."""
        return self.next_review_field.checked(self.tr("Nächste Überprüfung"))

    # ------------------------------------------------------------------ capture
    def add_will(self) -> None:
        who, text = self.will_who.value(), self.will_text.text().strip()
        if not text:
            self.will_section.show_problems(
                [(self.tr("Was?"), self.tr("Bitte die Worte der Familie eintragen."))]
            )
            return
        self.will_section.show_problems([])
        self.will_items.append((who, text))
        self.will_text.clear()
        self.will_who.setEditText("")
        self.will_who.setFocus()
        self._edited()

    def add_resource(self) -> None:
        draft = m.ResourceDraft(str(self.resource_kind.currentData()), self.resource_text.text())
        try:
            checked = rules.check_resource(draft)
        except ValidationError as exc:
            self.resources_section.show_problems(exc.problems)
            return
        self.resources_section.show_problems([])
        self.resources.append(checked)
        self.resource_text.clear()
        self.resource_text.setFocus()
        self._edited()

    def add_step(self) -> None:
        try:
            due = self.step_due.checked(self.tr("Bis wann?"))
        except ValidationError as exc:
            self.goals_section.show_problems(exc.problems)
            return
        draft = m.StepDraft(self.step_who.value(), self.step_what.text(), due)
        c = Checker()
        checked = rules.check_step(draft, c, "")
        try:
            c.done()
        except ValidationError as exc:
            self.goals_section.show_problems(exc.problems)
            return
        self.goals_section.show_problems([])
        self._hint_for_step(checked)
        self.pending_steps.append(checked)
        self.step_what.clear()
        self.step_due.clear_value()
        self.step_who.setEditText("")
        self.step_who.setFocus()
        self.context.mark_dirty()
        self._render_steps()

    def edit_goal(self, index: int) -> None:
        """An adopted goal goes back into the entry fields (#15), with its steps; "Ziel
        übernehmen" adopts it again. A goal half typed in the fields is not overwritten."""
        if self.goal_text.text().strip() or self.step_what.text().strip() or self.pending_steps:
            self.goals_section.show_problems(
                [
                    (
                        self.tr("Ziel"),
                        self.tr("Bitte zuerst das Ziel in den Feldern übernehmen oder leeren."),
                    )
                ]
            )
            return
        goal = self.goals.pop(index)
        self.goal_text.setText(goal.text)
        self.goal_indicator.setText(goal.indicator)
        for edit, level in zip(self.goal_level_edits, goal.levels, strict=True):
            edit.setText(level)
        self.goal_target.set_value(goal.target_date)
        self.pending_steps = list(goal.steps)
        self.goals_section.show_problems([])
        self.goal_text.setFocus()
        self._edited()

    def _hint_for_step(self, step: m.StepDraft) -> None:
        """Gentle hints (#15): a step without a date, or a professional's step before any of
        the family's. The step is taken either way."""
        hints: list[str] = []
        if step.due_on is None:
            hints.append(self.tr("Ohne Frist – bis wann soll das geschehen sein?"))
        family = {self.tr("Familie").casefold()} | self._who.family
        first = not self.pending_steps
        if first and step.who.strip().casefold() not in family:
            hints.append(
                self.tr("Die Familie zuerst? Was übernimmt sie selbst, bevor die Fachleute helfen?")
            )
        self.step_hint.setText("\n".join(hints))
        self.step_hint.setVisible(bool(hints))

    def add_goal(self) -> None:
        if self.step_what.text().strip():  # a step typed but not yet added belongs to the goal
            self.add_step()
            if self.step_what.text().strip():
                return
        levels = tuple(e.text() for e in self.goal_level_edits)
        steps = tuple(self.pending_steps)
        try:  # a target date that is no date keeps the goal unadded and its text in the field
            draft = m.GoalDraft(
                text=self.goal_text.text(),
                indicator=self.goal_indicator.text(),
                owner=steps[0].who if steps else "",
                target_date=self.goal_target.checked(self.tr("Zieldatum")),
                levels=levels,  # type: ignore[arg-type]
                steps=steps,
            )
            checked = rules.check_goal(draft)
        except ValidationError as exc:
            self.goals_section.show_problems(exc.problems)
            return
        self.goals_section.show_problems([])
        self.goals.append(checked)
        self.pending_steps = []
        for edit in (self.goal_text, self.goal_indicator, *self.goal_level_edits):
            edit.clear()
        self.goal_target.clear_value()
        self.goal_text.setFocus()
        emit(self.goal_added, checked)
        self._edited()

    def _edited(self) -> None:
        self.context.mark_dirty()
        emit(self.changed)

    def _remove(self, items: list[_T], index: int) -> None:
        if 0 <= index < len(items):
            del items[index]
            self._edited()

    # ------------------------------------------------------------------ state → screen
    def who_out(self, who: str, fallback: Callable[[str], str] | None = None) -> str:
        """A "Wer?" value as the shared screen shows it (see ``WhoInfo.who_out``); the name,
        or initials if chosen, when it names no household member hidden by role."""
        return self._who.who_out(who, fallback or self.context.name_out)

    def render(self, _policy: object = None) -> None:
        """The captured lists, then the "Wer?" fields' suggestions (what was typed stays)."""
        self._render_will()
        self._render_resources()
        self._render_goals()
        self._render_steps()
        for who_field in (self.will_who, self.step_who):
            who_field.set_suggestions(self._who.suggestions)

    def _render_will(self) -> None:
        self._clear_layout(self.will_list)
        for i, (who, text) in enumerate(self.will_items):
            quoted = self.tr("„%1“").replace("%1", self.context.text_out(text))
            shown = quoted + (f" — {self.who_out(who)}" if who else "")
            self._add_item_row(
                self.will_list,
                shown,
                self.tr("Aussage %1").replace("%1", str(i + 1)),
                partial(self._remove, self.will_items, i),
            )

    def _render_resources(self) -> None:
        self._clear_layout(self.resource_list)
        for i, r in enumerate(self.resources):
            kind = core_label(ResourceKind(r.kind).label)
            self._add_item_row(
                self.resource_list,
                f"{kind}: {self.context.text_out(r.description)}",
                self.tr("Ressource %1").replace("%1", str(i + 1)),
                partial(self._remove, self.resources, i),
            )

    def _step_text(self, step: m.StepDraft) -> str:
        due = f" — {self.tr('bis')} {format_date(step.due_on)}" if step.due_on else ""
        return f"• {self.who_out(step.who, self.context.text_out)}: {self.context.text_out(step.what)}{due}"

    def _render_goals(self) -> None:
        self._clear_layout(self.goal_list)
        for i, g in enumerate(self.goals):
            lines = [
                self.tr("Ziel %1: „%2“")
                .replace("%1", str(i + 1))
                .replace("%2", self.context.text_out(g.text))
            ]
            if g.indicator:
                lines.append(
                    self.tr("Woran merken wir es: %1").replace(
                        "%1", self.context.text_out(g.indicator)
                    )
                )
            for label, level in zip(LEVEL_LABELS, g.levels, strict=True):
                if level:
                    lines.append(f"{label}: {self.context.text_out(level)}")
            if g.target_date:
                lines.append(self.tr("Zieldatum: %1").replace("%1", format_date(g.target_date)))
            lines += [self._step_text(s) for s in g.steps]
            row = self._add_item_row(
                self.goal_list,
                "\n".join(lines),
                self.tr("Ziel %1").replace("%1", str(i + 1)),
                partial(self._remove, self.goals, i),
            )
            if not self.context.saved:
                row.edit_button.show()
                row.edit_requested.connect(partial(self.edit_goal, i))

    def _render_steps(self) -> None:
        self._clear_layout(self.step_list)
        for i, step in enumerate(self.pending_steps):
            self._add_item_row(
                self.step_list,
                self._step_text(step),
                self.tr("Schritt %1").replace("%1", str(i + 1)),
                partial(self._remove, self.pending_steps, i),
            )
