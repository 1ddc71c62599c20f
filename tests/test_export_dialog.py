"""The statistics export in the client: the period dialog (presets, dates typed the German
way, Mindestfallzahl) and the preview (every table that will leave under its German title,
hidden cells marked, headers readable, earlier exports named, a path chosen)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QTableView

from sro_case.export import MAX_THRESHOLD, MIN_THRESHOLD
from sro_case.export.tables import StatisticsExport
from tests.test_export_suppression import ALL_SPACES, build, random_facts
from ui.date_entry import DateTextError, parse_typed_date
from ui.export_dialog import (
    FIRST_TABLE_ROW,
    HIDDEN_BACKGROUND,
    STATUS_ROLE,
    PublishedTableModel,
    StatisticsExportDialog,
)
from ui.i18n import install_language
from ui.refcounts import emit
from ui.statistics_period import (
    HALF,
    MONTH,
    QUARTER,
    YEAR,
    StatisticsPeriod,
    StatisticsPeriodDialog,
    matching_preset,
    preset_range,
)

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp):  # type: ignore[no-untyped-def]
    """pytest-qt closes a test's widgets with deleteLater(), which no event loop here runs:
    without this the previews (some 260 widgets each) pile up, and every later stylesheet
    change (``gui_settings``) re-polishes all of them — seconds per test."""
    yield
    qapp.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture(scope="module")
def export() -> StatisticsExport:
    return build(random_facts(random.Random(5), 80, ALL_SPACES[:6], 0.3))


def test_dialog_shows_every_table_with_hidden_cells_marked(qtbot, export) -> None:  # type: ignore[no-untyped-def]
    dialog = StatisticsExportDialog(export)
    qtbot.addWidget(dialog)
    assert dialog.pages.count() == dialog.table_list.count() == 1 + len(export.tables)
    hidden = 0
    for i, table in enumerate(export.tables):
        assert dialog.pages.widget(FIRST_TABLE_ROW + i).findChild(QTableView) is dialog.views[i]
        model = dialog.models[i]
        assert dialog.views[i].model() is model
        assert (model.rowCount(), model.columnCount()) == (len(table.rows), len(table.cols))
        assert [
            model.headerData(c, Qt.Horizontal).replace("\n", " ")
            for c in range(model.columnCount())
        ] == [c.label for c in table.cols]
        assert [model.headerData(r, Qt.Vertical) for r in range(model.rowCount())] == [
            r.label for r in table.rows
        ]
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                index = model.index(r, c)
                assert model.data(index) == cell.display()
                assert model.data(index, STATUS_ROLE) == cell.status.value
                background = model.data(index, Qt.BackgroundRole)
                if cell.suppressed:
                    hidden += 1
                    assert model.data(index) == "."
                    assert isinstance(background, QBrush)
                    assert background.color() == HIDDEN_BACKGROUND
                    tip = model.data(index, Qt.ToolTipRole)
                    expected = "primär" if cell.status.value == "primär" else "sekundär"
                    assert tip.startswith(f"geheim gehalten ({expected})")
                else:
                    assert background is None or background.color() != HIDDEN_BACKGROUND
    assert hidden == export.suppressed_cells > 0


def test_provenance_and_formats_are_shown(qtbot, export) -> None:  # type: ignore[no-untyped-def]
    dialog = StatisticsExportDialog(export)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary_label.text() == (
        f"Zeitraum 01.01.2026 bis 31.12.2026 · Mindestfallzahl 3 (sensible Merkmale: 5) · "
        f"{export.suppressed_cells} Felder geheim gehalten"
    )
    assert dialog.pages.currentIndex() == FIRST_TABLE_ROW  # the first table, not the header
    dialog.table_list.setCurrentRow(0)  # "Angaben zur Datei": the header of every file
    assert dialog.table_list.item(0).text() == "Angaben zur Datei"
    page = dialog.pages.currentWidget()
    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    for label, value in export.provenance():
        assert label in texts and value in texts
    assert "01.01.2026 bis 31.12.2026" in texts and str(export.suppressed_cells) in texts
    assert [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())] == [
        ".csv",
        ".xlsx",
        ".pdf",
    ]


def test_models_pass_the_model_tester(qtmodeltester, export) -> None:  # type: ignore[no-untyped-def]
    for table in export.tables:
        qtmodeltester.check(PublishedTableModel(table))


def _when_modal(action, kind: type = StatisticsExportDialog) -> None:  # type: ignore[no-untyped-def]
    """Run ``action(dialog)`` as soon as the modal dialog is up (``exec`` blocks the test)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            action(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_ask_returns_the_chosen_path_with_the_format_suffix(
    qtbot, monkeypatch, export, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    asked = {}

    def save_file_name(parent, caption, directory, filters):  # type: ignore[no-untyped-def]
        asked.update(caption=caption, directory=directory, filters=filters)
        return str(tmp_path / "bericht"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))

    def choose(dialog: StatisticsExportDialog) -> None:
        dialog.select_format(".pdf")
        dialog.save_button.click()

    _when_modal(choose)
    assert StatisticsExportDialog.ask(export) == tmp_path / "bericht.pdf"
    assert asked["directory"].endswith("statistik_2026-01-01_2026-12-31.pdf")
    assert "*.pdf" in asked["filters"]


def test_ask_cancelled_returns_none(qtbot, monkeypatch, export) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))

    def cancel_file_dialog_then_dialog(dialog: StatisticsExportDialog) -> None:
        dialog.save_button.click()  # the file dialog is cancelled: the preview stays open
        assert dialog.isVisible() and dialog.result() != QDialog.Accepted
        dialog.reject()

    _when_modal(cancel_file_dialog_then_dialog)
    assert StatisticsExportDialog.ask(export) is None


# --------------------------------------------------------------------------- table titles, headers


def test_tables_are_listed_and_headed_by_their_german_titles(qtbot, export) -> None:  # type: ignore[no-untyped-def]
    dialog = StatisticsExportDialog(export)
    qtbot.addWidget(dialog)
    assert dialog.table_list.count() == FIRST_TABLE_ROW + len(export.tables)
    for i, table in enumerate(export.tables):
        item = dialog.table_list.item(FIRST_TABLE_ROW + i)
        assert " ".join(item.text().split()) == f"{i + 1}. {table.title}"  # wrapped, not cut
        assert "_" not in item.text() and table.id not in item.text()
        assert item.toolTip() == table.title
        page = dialog.pages.widget(FIRST_TABLE_ROW + i)
        assert table.title in [label.text() for label in page.findChildren(QLabel)]
    first = dialog.table_list.item(FIRST_TABLE_ROW)
    assert first.toolTip() == "Begonnene Hilfen nach Sozialraum und Hilfeart"
    dialog.show_table(3)
    assert dialog.pages.currentWidget().findChild(QTableView) is dialog.views[3]
    dialog.show_table_at(1)  # Strg+Bild ab, as between tabs
    assert dialog.pages.currentWidget().findChild(QTableView) is dialog.views[4]


def test_column_headers_are_not_cut(qtbot, gui_settings, export) -> None:  # type: ignore[no-untyped-def]
    """With the application's style (headers in 10 pt, bold, room around the text)
    every header line fits its column and every header fits the header's height."""
    dialog = StatisticsExportDialog(export)
    qtbot.addWidget(dialog)
    dialog.show()
    font = QFont(dialog.views[0].horizontalHeader().font())
    font.setPointSize(10)
    font.setWeight(QFont.Weight.Bold)  # at least as wide as 600
    metrics = QFontMetrics(font)
    for view in dialog.views:
        header, model = view.horizontalHeader(), view.model()
        for column in range(model.columnCount()):
            lines = model.headerData(column, Qt.Horizontal).split("\n")
            widest = max(metrics.horizontalAdvance(line) for line in lines)
            assert header.sectionSize(column) >= widest + 12, (lines, header.sectionSize(column))
            assert header.height() >= len(lines) * metrics.height(), lines
        rows = view.verticalHeader()
        for row in range(model.rowCount()):
            label = model.headerData(row, Qt.Vertical)
            assert rows.width() >= metrics.horizontalAdvance(label) + 12, label
            assert rows.sectionSize(row) >= metrics.height() + 8, label


# --------------------------------------------------------------------------- earlier exports


def _with_history(export: StatisticsExport, coarsened: int, joint: tuple) -> StatisticsExport:  # type: ignore[type-arg]
    """The export as the service returns it once earlier exports were audited with it."""
    return replace(export, coarsened_cells=coarsened, joint_periods=joint)


def test_the_preview_names_earlier_exports_and_the_extra_hidden_cells(qtbot, export) -> None:  # type: ignore[no-untyped-def]
    joint = ((date(2026, 1, 1), date(2026, 3, 31)), (date(2025, 7, 1), date(2026, 6, 30)))
    dialog = StatisticsExportDialog(_with_history(export, 4, joint))
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.history_label
    assert note is not None and note.isVisible()
    assert note.text().splitlines() == [
        "Gemeinsam geprüft mit früheren Exporten: 01.01.2026–31.03.2026, 01.07.2025–30.06.2026.",
        "Wegen früherer Exporte zusätzlich geheim gehalten: 4 Felder.",
    ]
    one = StatisticsExportDialog(_with_history(export, 1, ()))
    qtbot.addWidget(one)
    assert one.history_label is not None
    assert one.history_label.text() == "Wegen früherer Exporte zusätzlich geheim gehalten: 1 Feld."
    joint_only = StatisticsExportDialog(_with_history(export, 0, joint[:1]))
    qtbot.addWidget(joint_only)
    assert joint_only.history_label is not None
    assert "zusätzlich" not in joint_only.history_label.text()
    plain = StatisticsExportDialog(export)  # no earlier export: no note at all
    qtbot.addWidget(plain)
    assert plain.history_label is None
    assert not any(
        label.text().startswith(("Gemeinsam geprüft", "Wegen früherer"))
        for label in plain.findChildren(QLabel)
    )


# --------------------------------------------------------------------------- the period


TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14.03.2026", date(2026, 3, 14)),
        ("14.3.26", date(2026, 3, 14)),
        ("14032026", date(2026, 3, 14)),
        ("140326", date(2026, 3, 14)),
        ("14.3.", date(2026, 3, 14)),  # this year
        ("14. 3. 2026", date(2026, 3, 14)),
        ("14,3,2026", date(2026, 3, 14)),  # the comma of the number pad
        (" \u00a014.03.2026\n", date(2026, 3, 14)),  # pasted
        ("„14.03.2026“", date(2026, 3, 14)),
        ("2026-03-14", date(2026, 3, 14)),  # ISO, as the CLI takes it
        ("29.2.28", date(2028, 2, 29)),
        ("1.1.99", date(1999, 1, 1)),
        ("31.12.46", date(2046, 12, 31)),
    ],
)
def test_typed_and_pasted_dates_are_read(typed: str, expected: date) -> None:
    assert parse_typed_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "impossible"),
    [
        ("", False),
        ("kein Datum", False),
        ("14.3.2", False),
        ("14.3.202", False),
        ("1403", False),
        ("14.03.2026 bis 31.03.2026", False),
        ("31.02.2026", True),
        ("29.02.2026", True),
        ("14.13.2026", True),
        ("00.01.2026", True),
    ],
)
def test_text_that_is_no_date_is_refused(typed: str, impossible: bool) -> None:
    with pytest.raises(DateTextError) as refused:
        parse_typed_date(typed, today=TODAY)
    assert refused.value.impossible is impossible


def test_presets_give_first_and_last_day() -> None:
    assert preset_range(QUARTER, 1, 2026) == (date(2026, 1, 1), date(2026, 3, 31))
    assert preset_range(QUARTER, 4, 2026) == (date(2026, 10, 1), date(2026, 12, 31))
    assert preset_range(HALF, 2, 2026) == (date(2026, 7, 1), date(2026, 12, 31))
    assert preset_range(YEAR, 1, 2025) == (date(2025, 1, 1), date(2025, 12, 31))
    assert preset_range(MONTH, 2, 2028) == (date(2028, 2, 1), date(2028, 2, 29))  # leap year
    assert preset_range(MONTH, 2, 2026) == (date(2026, 2, 1), date(2026, 2, 28))
    assert matching_preset(date(2026, 4, 1), date(2026, 6, 30)) == (QUARTER, 2, 2026)
    assert matching_preset(date(2026, 1, 1), date(2026, 12, 31)) == (YEAR, 1, 2026)
    assert matching_preset(date(2026, 1, 2), date(2026, 3, 31)) is None
    with pytest.raises(ValueError):
        preset_range(QUARTER, 5, 2026)


@pytest.fixture
def period_dialog(qtbot, gui_settings):  # type: ignore[no-untyped-def]
    dialog = StatisticsPeriodDialog(today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _period(dialog: StatisticsPeriodDialog) -> tuple[date, date]:
    return dialog.from_field.value(), dialog.to_field.value()


def _choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry by its visible text, as a user would."""
    index = combo.findText(text)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def test_presets_in_the_dialog(period_dialog) -> None:  # type: ignore[no-untyped-def]
    d = period_dialog
    assert _period(d) == (date(2026, 1, 1), date(2026, 12, 31))  # this year, as before
    assert (d.kind_combo.currentText(), d.year_spin.value()) == ("Jahr", 2026)
    assert not d.part_combo.isVisible()
    _choose(d.kind_combo, "Quartal")
    _choose(d.part_combo, "1. Quartal")
    assert _period(d) == (date(2026, 1, 1), date(2026, 3, 31))
    assert d.summary.text() == "90 Tage"
    _choose(d.part_combo, "3. Quartal")
    d.year_spin.setValue(2025)
    assert _period(d) == (date(2025, 7, 1), date(2025, 9, 30))
    _choose(d.kind_combo, "Halbjahr")  # the half that holds the quarter
    assert d.part_combo.currentText() == "2. Halbjahr"
    assert _period(d) == (date(2025, 7, 1), date(2025, 12, 31))
    _choose(d.kind_combo, "Monat")
    d.year_spin.setValue(2024)
    _choose(d.part_combo, "Februar")
    assert _period(d) == (date(2024, 2, 1), date(2024, 2, 29))  # leap year
    assert d.summary.text().startswith("29 Tage – kurz")
    _choose(d.kind_combo, "Jahr")
    assert _period(d) == (date(2024, 1, 1), date(2024, 12, 31))
    assert d.is_valid() and d.save_button.isEnabled()


def _type(field, text: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Select the field's text and type over it, key by key, then leave it (Tab)."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    field.edit.clearFocus()  # leaving the field: editingFinished


def test_typed_dates_are_read_and_shown_in_full(period_dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    d = period_dialog
    _type(d.from_field, "14.3.26", qtbot)
    assert d.from_field.value() == date(2026, 3, 14)
    assert d.from_field.text() == "14.03.2026"
    assert d.kind_combo.currentText() == "eigener Zeitraum"
    _type(d.to_field, "30062026", qtbot)
    assert _period(d) == (date(2026, 3, 14), date(2026, 6, 30))
    assert d.to_field.text() == "30.06.2026"
    _type(d.from_field, "1.4.2026", qtbot)  # now exactly the 2nd quarter: the preset shows it
    assert (d.kind_combo.currentText(), d.part_combo.currentText()) == ("Quartal", "2. Quartal")
    QApplication.clipboard().setText(" 01.04.2026\n")
    d.to_field.edit.selectAll()
    d.to_field.edit.paste()
    assert d.to_field.commit()
    assert _period(d) == (date(2026, 4, 1), date(2026, 4, 1))
    assert d.summary.text() == "1 Tag"
    d.to_field.set_value(date(2026, 6, 30))
    qtbot.keyClick(d.to_field.edit, Qt.Key_Return)  # Enter takes the period
    assert d.result() == QDialog.Accepted
    assert d.result_draft() == StatisticsPeriod(date(2026, 4, 1), date(2026, 6, 30), 3)


def test_typed_garbage_is_refused_visibly_and_keeps_the_period(period_dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    d = period_dialog
    d.choose_preset(QUARTER, 1, 2026)
    for typed, message in (
        ("kein Datum", "Von: „kein Datum“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben"),
        ("31.02.2026", "Von: Den 31.02.2026 gibt es nicht."),
        ("14.3.2", "Von: „14.3.2“ ist kein Datum."),
    ):
        _type(d.from_field, typed, qtbot)
        assert d.from_field.text() == typed  # left as typed, to be corrected
        assert _period(d) == (date(2026, 1, 1), date(2026, 3, 31))  # unchanged
        assert message in d.problem_list.text()
        assert d.problem_list.text().count("Von:") == 1  # named once, not by draft() again
        assert d.problem_list.isVisible()
        assert "#a61b1b" in d.from_field.edit.styleSheet()  # the field is marked red
        assert d.from_field.edit.toolTip() == d.from_field.problem()
        assert not d.save_button.isEnabled()
        assert (d.kind_combo.currentText(), d.part_combo.currentText()) == ("Quartal", "1. Quartal")
        qtbot.keyClick(d.from_field.edit, Qt.Key_Return)  # Enter does not take it either
        assert d.isVisible() and d.result_draft() is None
    d.from_field.edit.setFocus()
    d.from_field.edit.selectAll()
    qtbot.keyClicks(d.from_field.edit, "x")  # still no date: still marked
    assert d.from_field.problem() is not None and not d.save_button.isEnabled()
    d.from_field.edit.selectAll()
    qtbot.keyClicks(d.from_field.edit, "15.1.2026")  # a date: the mark and the message go
    assert d.from_field.problem() is None and d.from_field.edit.styleSheet() == ""
    assert d.problem_list.text() == "" and d.save_button.isEnabled()
    assert _period(d) == (date(2026, 1, 1), date(2026, 3, 31))  # taken when leaving the field
    d.from_field.edit.clearFocus()
    assert _period(d) == (date(2026, 1, 15), date(2026, 3, 31))
    assert d.from_field.text() == "15.01.2026"


def test_an_end_before_the_start_is_refused(period_dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    d = period_dialog
    d.choose_preset(QUARTER, 2, 2026)
    _type(d.to_field, "31.3.2026", qtbot)
    assert d.problem_list.text() == (
        "• Zeitraum: Das Ende (31.03.2026) liegt vor dem Beginn (01.04.2026). Bitte ein Ende "
        "wählen, das nicht vor dem Beginn liegt."
    )
    assert not d.save_button.isEnabled()
    d.accept()  # Strg+Eingabe
    assert d.isVisible() and d.result_draft() is None


def test_the_calendar_sets_the_date(period_dialog) -> None:  # type: ignore[no-untyped-def]
    field = period_dialog.from_field
    field.open_calendar()
    assert field.calendar.isVisible()
    assert field.calendar.selectedDate() == QDate(2026, 1, 1)
    field.calendar.setSelectedDate(QDate(2026, 2, 14))
    emit(field.calendar.activated, QDate(2026, 2, 14))  # Enter or double click in the calendar
    assert field.value() == date(2026, 2, 14) and field.text() == "14.02.2026"
    assert not field.calendar.isVisible()


def test_min_cell_size_goes_to_the_service(qtbot, gui_settings, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Menu → the real period dialog (1. Quartal 2026, Mindestfallzahl 5) → the service builds
    exactly that → the preview gets it; the next export starts from the same choice."""
    from ui.main_window import MainWindow
    from ui.tasks import InlineTaskRunner

    previewed: list[StatisticsExport] = []
    monkeypatch.setattr(
        StatisticsExportDialog,
        "ask",
        classmethod(lambda cls, export, parent: previewed.append(export)),
    )
    window = MainWindow(store, InlineTaskRunner())
    qtbot.addWidget(window)
    seen: list[tuple[str, int, str]] = []

    def choose(dialog: StatisticsPeriodDialog) -> None:
        seen.append((dialog.kind(), dialog.min_cell_spin.minimum(), dialog.windowTitle()))
        assert dialog.min_cell_spin.maximum() == MAX_THRESHOLD
        _choose(dialog.kind_combo, "Quartal")
        _choose(dialog.part_combo, "1. Quartal")
        dialog.min_cell_spin.setValue(5)
        assert "Zahlen unter 5" in dialog.min_cell_hint.text()
        dialog.save_button.click()

    _when_modal(choose, StatisticsPeriodDialog)
    window.export_statistics()
    assert seen == [(YEAR, MIN_THRESHOLD, "Anonymisierte Statistik – Zeitraum")]
    (built,) = previewed
    assert (built.date_from, built.date_to, built.threshold) == (
        date(2026, 1, 1),
        date(2026, 3, 31),
        5,
    )

    def check_and_cancel(dialog: StatisticsPeriodDialog) -> None:
        seen.append((dialog.kind(), dialog.min_cell_spin.value(), dialog.part_combo.currentText()))
        dialog.cancel_button.click()  # never asks "discard changes?"

    _when_modal(check_and_cancel, StatisticsPeriodDialog)
    window.export_statistics()
    assert seen[-1] == (QUARTER, 5, "1. Quartal")
    assert len(previewed) == 1


# --------------------------------------------------------------------------- language


def test_german_screens_show_no_english_word(qtbot, gui_settings, export) -> None:  # type: ignore[no-untyped-def]
    from tests.test_translations import _english_words, _visible_texts

    period = StatisticsPeriodDialog(today=TODAY)
    qtbot.addWidget(period)
    preview = StatisticsExportDialog(
        _with_history(export, 2, ((date(2026, 1, 1), date(2026, 3, 31)),))
    )
    qtbot.addWidget(preview)
    texts = _visible_texts(period) + _visible_texts(preview)
    texts += [preview.table_list.item(i).text() for i in range(preview.table_list.count())]
    for kind in (HALF, QUARTER, MONTH):
        period.choose_preset(kind)
        texts += [period.part_combo.itemText(i) for i in range(period.part_combo.count())]
    texts += [period.kind_combo.itemText(i) for i in range(period.kind_combo.count())]
    assert _english_words(texts) == set()
    assert "Februar" in texts and "2. Halbjahr" in texts


def test_english_ui(qtbot, gui_settings, export) -> None:  # type: ignore[no-untyped-def]
    from tests.test_translations import _visible_texts

    install_language("en")
    period = StatisticsPeriodDialog(today=TODAY)
    qtbot.addWidget(period)
    assert period.windowTitle() == "Anonymised statistics – period"
    assert period.kind_combo.itemText(2) == "Quarter"
    period.choose_preset(QUARTER, 1, 2026)
    assert period.part_combo.currentText() == "Q1"
    period.choose_preset(MONTH, 2, 2026)
    assert period.part_combo.currentText() == "February"
    period.from_field.edit.setText("31.02.2026")
    period.from_field.commit()
    assert "From: 31.02.2026 does not exist." in period.problem_list.text()
    preview = StatisticsExportDialog(
        _with_history(export, 3, ((date(2026, 1, 1), date(2026, 3, 31)),))
    )
    qtbot.addWidget(preview)
    assert preview.history_label is not None
    assert preview.history_label.text().splitlines() == [
        "Audited together with earlier exports: 01.01.2026–31.03.2026.",
        "Suppressed in addition because of earlier exports: 3 cells.",
    ]
    # table titles, populations and notes in English too (#15); the file keeps German
    titles = [
        " ".join(preview.table_list.item(i).text().split())
        for i in range(preview.table_list.count())
    ]
    assert any("Support services begun, by social space" in t for t in titles), titles
    assert not any("Hilfen" in t or "Fälle" in t for t in titles), titles
    preview.table_list.setCurrentRow(3)  # the model regions by sex, with its note
    texts = " ".join(_visible_texts(preview))
    assert "Population: Support services begun from " in texts, texts
    assert "Model regions: " in texts and "Modellregionen" not in texts
    assert str(preview.export.tables[0].title) == "Begonnene Hilfen nach Sozialraum und Hilfeart"


def test_the_preview_speaks_the_ui_language(qtbot, export) -> None:  # type: ignore[no-untyped-def]
    """#15: the whole statistics preview stayed German in the English UI; the file keeps the
    official German labels."""
    from ui.export_dialog import preview_label
    from ui.i18n import install_language

    install_language("en")
    try:
        assert preview_label("§ 28 Erziehungsberatung") == "§ 28 Parenting counselling"
        assert preview_label("Insgesamt") == "Total"
        assert preview_label("Kröpeliner-Tor-Vorstadt") == "Kröpeliner-Tor-Vorstadt"
    finally:
        install_language("de")
    assert preview_label("§ 28 Erziehungsberatung") == "§ 28 Erziehungsberatung"
