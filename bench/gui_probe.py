"""Run in a fresh process by ``bench.gui``; prints one JSON line and exits.

``bare``: a bare PySide6 window, the yardstick. ``start``: the real ``sro-case gui`` start up
to the first paint of the unlock dialog. ``list``: unlock, then the main window with the whole
case list (first page loaded and painted), a search typed into it, and the process's memory.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def _ready(payload: dict[str, Any]) -> None:
    print(json.dumps(payload), flush=True)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    class Window(QLabel):
        def paintEvent(self, event: Any) -> None:
            super().paintEvent(event)
            _ready({"painted": True})
            os._exit(0)

    app = QApplication(sys.argv)
    window = Window("SRO-Fallmanagement")
    window.resize(460, 220)
    window.show()
    app.exec()


def start(db: str) -> None:
    from PySide6.QtWidgets import QDialog

    import ui.unlock_dialog as unlock_dialog

    def painted(self: Any, event: Any) -> None:
        QDialog.paintEvent(self, event)
        _ready({"painted": True})
        os._exit(0)

    unlock_dialog.UnlockDialog.paintEvent = painted  # type: ignore[method-assign]
    from ui.launcher import main

    main(["gui", "--db", db])


def case_list(db: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from sro_case import store as store_module
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    app = create_application([sys.argv[0]])
    store = store_module.unlock(Path(db), os.environ["SRO_CASE_PASSPHRASE"])
    result: dict[str, Any] = {}
    runner = TaskRunner(app)
    started = time.perf_counter()
    window = MainWindow(store, runner)
    page = window.case_list
    phase = {"name": "list", "t0": started, "loaded": False}

    class PaintWatch(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Paint and phase["loaded"]:
                phase["loaded"] = False
                QTimer.singleShot(0, finished)
            return False

    def loaded(_total: int) -> None:
        if page.model.rowCount() > 0:
            phase["loaded"] = True
            page.table.viewport().update()

    def finished() -> None:
        elapsed = (time.perf_counter() - phase["t0"]) * 1000
        if phase["name"] == "list":
            result["gui_case_list_100k"] = elapsed
            result["rows_shown"] = page.model.rowCount()
            result["total"] = page.model.total
            phase.update(name="search", t0=time.perf_counter())
            page.search.blockSignals(True)
            page.search.setText("Maier")
            page.search.blockSignals(False)
            page.apply_filter()  # what the debounce timer calls after 200 ms of quiet typing
        elif phase["name"] == "search":
            result["gui_search_100k"] = elapsed
            result["search_total"] = page.model.total
            phase["name"] = "settle"
            QTimer.singleShot(500, settle)

    def settle() -> None:
        result["gui_rss_mb"] = _rss_mb()
        _ready(result)
        window.close()
        app.quit()

    watch = PaintWatch()
    page.table.viewport().installEventFilter(watch)
    page.model.loaded.connect(loaded)
    window.show()
    app.exec()
    runner.wait()
    store.close()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "start":
        start(sys.argv[2])
    else:
        case_list(sys.argv[2])
