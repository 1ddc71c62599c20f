"""The export preview: every table that will leave, hidden cells marked, a path chosen."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel

from sro_case.export.tables import StatisticsExport
from tests.test_export_suppression import ALL_SPACES, build, random_facts
from ui.export_dialog import (
    HIDDEN_BACKGROUND,
    STATUS_ROLE,
    PublishedTableModel,
    StatisticsExportDialog,
)

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def export() -> StatisticsExport:
    return build(random_facts(random.Random(5), 80, ALL_SPACES[:6], 0.3))


def test_dialog_shows_every_table_with_hidden_cells_marked(qtbot, export) -> None:  # type: ignore[no-untyped-def]
    dialog = StatisticsExportDialog(export)
    qtbot.addWidget(dialog)
    assert dialog.tabs.count() == len(export.tables)
    hidden = 0
    for i, table in enumerate(export.tables):
        assert dialog.tabs.tabText(i) == table.id
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
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Zeitraum" in texts and "01.01.2026 bis 31.12.2026" in texts
    assert any(t.startswith(str(export.suppressed_cells)) for t in texts)
    assert [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())] == [
        ".csv",
        ".xlsx",
        ".pdf",
    ]


def test_models_pass_the_model_tester(qtmodeltester, export) -> None:  # type: ignore[no-untyped-def]
    for table in export.tables:
        qtmodeltester.check(PublishedTableModel(table))


def _when_modal(action) -> None:  # type: ignore[no-untyped-def]
    """Run ``action(dialog)`` as soon as the modal dialog is up (``exec`` blocks the test)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, StatisticsExportDialog):
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
