"""The Fristen overview: the earliest deadlines in SQL order, and counts of all of them."""

from __future__ import annotations

from datetime import date

from sro_case.domain import models as m
from sro_case.store import Store
from tests.test_services import new_case


def test_overview_limits_the_list_but_counts_everything(store: Store) -> None:
    today = store.clock.today()
    first = new_case(store, "51.2-2026-000001", next_review=date(2026, 10, 1))
    new_case(store, "51.2-2026-000002", "Özdemir", next_review=today)  # due today: not late
    person = store.cases.get(first.id).family.persons[1]
    store.cases.add_consent(
        first.id, m.ConsentDraft(person.id, ("kita",), date(2026, 1, 1), date(2026, 12, 10))
    )
    store.conferences.add_goal(
        first.id,
        m.GoalDraft(
            "Ziel",
            steps=(
                m.StepDraft("Vater", "Kita anrufen", date(2026, 9, 20)),
                m.StepDraft("Mutter", "Arzttermin", date(2026, 11, 2)),
                m.StepDraft("Lena", "Hausaufgaben", date(2027, 1, 5)),  # not yet due
            ),
        ),
    )
    everything = store.deadlines.list()
    overview = store.deadlines.overview(limit=2)
    assert overview.counts == {"review": 2, "consent": 1, "step": 2}
    assert overview.total == len(everything) == 5
    assert overview.overdue == 3  # the review of October and both steps
    assert [d.due_on for d in overview.items] == [date(2026, 9, 20), date(2026, 10, 1)]
    assert list(overview.items) == everything[:2]
    assert [d.due_on for d in store.deadlines.list(limit=3)] == [d.due_on for d in everything[:3]]


def test_overview_of_a_worker_without_cases_is_empty(store: Store) -> None:
    new_case(store, next_review=date(2026, 10, 1))
    overview = store.deadlines.overview(worker="niemand")
    assert overview.items == () and overview.total == 0 and overview.overdue == 0


def test_closing_a_case_removes_its_deadlines(store: Store) -> None:
    case = new_case(store, next_review=date(2026, 10, 1))
    assert store.deadlines.overview().counts["review"] == 1
    store.cases.close(case.id, "plan")
    assert store.deadlines.overview().total == 0


def test_fristen_load_when_first_shown_not_at_start(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow
    from ui.tasks import InlineTaskRunner

    new_case(store, next_review=date(2026, 10, 1))
    window = MainWindow(store, InlineTaskRunner())
    qtbot.addWidget(window)
    window.show()
    assert window.deadlines.model.rowCount() == 0  # nothing queried for a hidden page
    window.tabs.setCurrentWidget(window.deadlines)
    assert window.deadlines.model.rowCount() == 1
    assert "1 Fristen, davon 1 überschritten" in window.deadlines.summary.text()
    window.close()
