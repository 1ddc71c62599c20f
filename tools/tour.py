"""A tour through every screen of the client, on a demo database: ``make screenshots`` saves
each stop as a PNG (German and English, 1920 x 1080 and 1366 x 768), and the translation test
(``tests/test_screen_tour.py``) reads every text of every stop in English and in German.

``tour()`` yields ``(name, widget)`` with the widget shown and settled; what the caller does
with it (grab, read its texts) happens before the tour moves on and closes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from sro_case.clock import FixedClock
from sro_case.demo import generate
from sro_case.domain.models import UserDraft
from sro_case.storage.keyfile import KdfParams
from sro_case.store import Store, create_database, unlock
from tools.conference_demo_case import make_case
from ui.tables import ID_ROLE
from ui.tasks import InlineTaskRunner

TODAY = datetime(2026, 11, 25, 9, 30)
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSPHRASE = "Demo-Passphrase 2026"
CASE_FILE_TABS = (
    "ueberblick",
    "personen",
    "verlauf",
    "einwilligungen",
    "hilfen",
    "ressourcen",
    "konferenzen",
    "ziele",
    "zugriffe",
)


@dataclass
class Demo:
    """The database the tour runs on (synthetic data only)."""

    store: Store
    clock: FixedClock
    recovery_key: str
    conference_case: int
    folder: Path
    protocol: Path | None = None  # the PDF the conference stop wrote


def settle(app: QApplication) -> None:
    for _ in range(6):
        app.processEvents()


def demo_database(folder: Path, cases: int) -> Demo:
    clock = FixedClock(TODAY)
    created = create_database(folder / "demo.db", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    generate(created.store, cases, seed=7)
    case_id = make_case(created.store)
    return Demo(created.store, clock, created.recovery_key, case_id, folder)


def tour(app: QApplication, demo: Demo, size: tuple[int, int]) -> Iterator[tuple[str, QWidget]]:
    """Every screen, in the order a new user meets them (see the module docstring)."""
    yield from _first_minutes(app, demo)
    yield from _main_window(app, demo, size)
    yield from _conference(app, demo, size)


def _shown(app: QApplication, widget: QWidget, size: tuple[int, int] | None = None) -> QWidget:
    if size is not None:
        widget.resize(*size)
    widget.show()
    settle(app)
    return widget


def _done(widget: QWidget) -> None:
    """Closed and deleted by Qt now, not by Python's garbage collector at exit (PySide6 then
    freed some dialogs' children twice)."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def _first_minutes(app: QApplication, demo: Demo) -> Iterator[tuple[str, QWidget]]:
    from ui.recovery_key_dialog import RecoveryKeyDialog
    from ui.start_dialog import StartDialog
    from ui.unlock_dialog import UnlockDialog

    start = StartDialog(demo.folder / "fallakten.db")
    yield "start", _shown(app, start)
    _done(start)
    key = RecoveryKeyDialog(demo.recovery_key, demo.store.path, today=demo.clock.today())
    yield "wiederherstellungsschluessel", _shown(app, key)
    key.confirm_box.setChecked(True)
    key.accept()
    _done(key)
    unlock_dialog = UnlockDialog(demo.store.path, InlineTaskRunner())
    unlock_dialog.message.setText(
        unlock_dialog.tr("Die Passphrase ist falsch. Bitte erneut versuchen.")
    )
    yield "entsperren", _shown(app, unlock_dialog)
    _done(unlock_dialog)


def _main_window(
    app: QApplication, demo: Demo, size: tuple[int, int]
) -> Iterator[tuple[str, QWidget]]:
    from ui.export_dialog import StatisticsExportDialog
    from ui.household_dialogs import FamilyDialog, PersonDialog
    from ui.main_window import MainWindow
    from ui.statistics_period import StatisticsPeriodDialog

    store = demo.store
    window = MainWindow(store, InlineTaskRunner())
    yield "fallliste", _shown(app, window, size)
    window.case_list.search.setText("Maier")
    window.case_list.apply_filter()
    settle(app)
    yield "suche", window
    window.case_list.search.clear()
    window.case_list.apply_filter()
    window.tabs.setCurrentIndex(1)
    window.deadlines.reload()
    settle(app)
    yield "fristen", window
    case_id = window.case_list.model.index(3, 0).data(ID_ROLE)
    window.open_case(int(case_id))
    case = window.current_case()
    assert case is not None
    for index, name in enumerate(CASE_FILE_TABS):
        case.tabs.setCurrentIndex(index)
        settle(app)
        yield f"fallakte-{name}", window
    detail = case.detail
    assert detail is not None
    person = PersonDialog(case, today=store.clock.today(), person=detail.family.persons[0])
    person.first_name_edit.clear()  # the validation message shows
    yield "person-bearbeiten", _shown(app, person)
    person.discard()
    _done(person)
    family = FamilyDialog(case, family=detail.family)
    yield "familie-bearbeiten", _shown(app, family)
    family.discard()
    _done(family)

    period = StatisticsPeriodDialog(today=store.clock.today())
    yield "statistik-zeitraum", _shown(app, period)
    _done(period)
    export = store.statistics.build(date(2026, 1, 1), date(2026, 6, 30))
    preview = StatisticsExportDialog(export)
    preview.table_list.setCurrentRow(3)  # a table with a note under it
    yield "statistik-vorschau", _shown(app, preview, (min(size[0], 1400), min(size[1], 860)))
    _done(preview)

    yield from _admin(app, demo, window, size)
    window.lock()
    settle(app)
    yield "gesperrt", window
    for open_case in window.open_case_widgets():
        open_case._dirty = False
    _done(window)


def _admin(
    app: QApplication, demo: Demo, window: QWidget, size: tuple[int, int]
) -> Iterator[tuple[str, QWidget]]:
    from ui.admin import AdminWindow
    from ui.main_window import MainWindow

    store = demo.store
    admin = AdminWindow(store, InlineTaskRunner(), window)
    _shown(app, admin, (min(size[0], 1200), min(size[1], 720)))
    for name, page in (("benutzer", "users"), ("protokollkette", "audit")):
        admin.show_page(page)
        settle(app)
        yield f"verwaltung-{name}", admin
    demo.clock.current += timedelta(days=365 * 12)
    admin.show_page("retention")
    settle(app)
    yield "verwaltung-loeschfristen", admin
    demo.clock.current -= timedelta(days=365 * 12)
    backup = admin.show_page("backup")
    backup.backup_now()  # type: ignore[attr-defined]
    settle(app)
    yield "verwaltung-datensicherung", admin
    _done(admin)
    if "carla" not in {u.login for u in store.users.list()}:
        store.users.add_with_passphrase(
            UserDraft("carla", "Carla Köhler", "controlling"), "Carlas Passphrase 2026"
        )
    carla = unlock(store.path, "Carlas Passphrase 2026", clock=demo.clock)
    controlling = MainWindow(carla, InlineTaskRunner())
    yield "controlling", _shown(app, controlling, size)
    _done(controlling)
    carla.close()


def _conference(
    app: QApplication, demo: Demo, size: tuple[int, int]
) -> Iterator[tuple[str, QWidget]]:
    from ui.conference import ConferenceWindow

    w = ConferenceWindow(demo.store, InlineTaskRunner(), demo.conference_case)
    _shown(app, w, size)
    yield "konferenzmodus-leer", w  # nobody entered yet: nothing from the case file
    w.facilitator_edit.setText("Katrin Beck")
    for name, org, discipline in [
        ("Katrin Beck", "Jugendamt Rostock, ASD Ost", "asd"),
        ("Ayşe Yılmaz", "", "familie"),
        ("Deniz Yılmaz", "", "kind"),
        ("Jana Krüger", "Kita Sonnenschein", "kita"),
    ]:
        w.participants_panel.participant_name.setText(name)
        w.participants_panel.participant_org.setText(org)
        w.participants_panel.participant_discipline.setEditText(discipline)
        w.participants_panel.add_participant()
    w.plan_panel.will_who.setEditText("Ayşe Yılmaz")
    w.plan_panel.will_text.setText("Wir wollen, dass Elif morgens ohne Streit in die Kita geht.")
    w.plan_panel.add_will()
    w.plan_panel.will_who.setEditText("Deniz Yılmaz")
    w.plan_panel.will_text.setText("Ich will nach der Schule zum Fußball.")
    w.plan_panel.add_will()
    w.plan_panel.resource_text.setText("Deniz spielt im Verein Hansa Toitenwinkel")
    w.plan_panel.add_resource()
    w.plan_panel.goal_text.setText("Elif schläft abends um acht")
    w.plan_panel.goal_indicator.setText("Elif ist morgens wach und frühstückt")
    levels = ["nie", "selten", "an drei Abenden", "an fünf Abenden", "jeden Abend"]
    for edit, text in zip(w.plan_panel.goal_level_edits, levels, strict=True):
        edit.setText(text)
    w.plan_panel.step_who.setEditText("Ayşe Yılmaz")
    w.plan_panel.step_what.setText("Abendritual mit Vorlesen")
    w.plan_panel.step_due.set_value(date(2026, 12, 15))
    w.plan_panel.add_step()
    w.plan_panel.add_goal()
    w.background_panel.review_rows[0].score.setCurrentIndex(4)
    w.background_panel.review_rows[0].comment.setText("fast geschafft")
    w.plan_panel.decisions_edit.setPlainText("Die SPFH wird für sechs Monate fortgesetzt.")
    w.agenda_panel.toggle_timer()
    w.agenda_panel.items[0].elapsed_seconds = 200
    w.agenda_panel.tick()
    settle(app)
    yield "konferenzmodus", w
    w.participants_panel.participant_name.setText("Herr Schulz")
    w.participants_panel.participant_org.setText("Grundschule am Mühlenteich")
    w.participants_panel.participant_discipline.setEditText("Schule")
    w.participants_panel.add_participant()
    settle(app)
    yield "konferenzmodus-eingeschraenkt", w
    w.participants_panel.remove_participant(len(w.participants_panel.participants) - 1)
    w.projection.set_zoom(300)
    settle(app)
    yield "konferenzmodus-zoom300", w
    w.projection.toggle_high_contrast()
    settle(app)
    yield "konferenzmodus-zoom300-kontrast", w
    w.projection.set_zoom(100)
    settle(app)
    yield "konferenzmodus-kontrast", w
    w.projection.toggle_high_contrast()
    w.projection.set_initials(True)
    settle(app)
    yield "konferenzmodus-initialen", w
    w.projection.set_curtain(True)
    settle(app)
    yield "konferenzmodus-vorhang", w
    w.projection.set_curtain(False)
    w.projection.set_initials(False)
    w.plan_panel.next_review_field.set_value(date(2027, 5, 25))
    protocols = demo.folder / "protokolle"
    protocols.mkdir(exist_ok=True)
    w.protocol_panel.ask_protocol_path = lambda suggested: protocols / suggested
    w.protocol_panel.save_and_protocol()
    settle(app)
    demo.protocol = max(protocols.glob("*.pdf"), key=lambda p: p.stat().st_mtime, default=None)
    yield "konferenzmodus-gespeichert", w
    w.discard()
    _done(w)
