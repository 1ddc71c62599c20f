"""Run in a fresh process by ``bench.gui``; prints one JSON line and exits.

``bare``: a bare PySide6 window, the yardstick. ``start``: the real ``sro-case gui`` start up
to the first paint of the unlock dialog. ``list``: unlock, then the main window with the whole
case list (first page loaded and painted), a search typed into it, and the process's memory.
``team``: the client against the team server, timed from each action to the painted result.
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


def team(base: str, login: str, rounds: int, delay_s: float) -> None:
    """The desktop client against the team server (#18), while the benchmark's other simulated
    clients work: each round the first page, a search and a case opened, each from the action
    (the typing pause of the search field over, Enter on a row) to the painted rows or file."""
    import random

    from PySide6.QtCore import QEvent, QObject, QTimer

    from sro_case.remote import connect
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.tables import ID_ROLE
    from ui.tasks import TaskRunner

    app = create_application([sys.argv[0]])
    store = connect(base, login, os.environ["SRO_CASE_PASSPHRASE"])
    runner = TaskRunner(app)
    window = MainWindow(store, runner)
    window.resize(1366, 768)
    page = window.case_list
    local = random.Random(7)
    samples: dict[str, list[float]] = {"first_page": [], "search": [], "open_case": []}
    state: dict[str, Any] = {"kind": "", "t0": 0.0, "armed": False, "waiting": False}

    class PaintWatch(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Paint and state["armed"]:
                state["armed"] = False
                samples[state["kind"]].append((time.perf_counter() - state["t0"]) * 1000)
                QTimer.singleShot(local.randint(150, 400), step)  # the user reads a moment
            return False

    watch = PaintWatch()
    page.table.viewport().installEventFilter(watch)

    def begin(kind: str) -> None:
        state.update(kind=kind, t0=time.perf_counter(), waiting=True)

    def rows_loaded() -> None:
        # the load asked for (not one a colleague's change started); no rows: painted too
        if state["kind"] in ("first_page", "search") and state["waiting"]:
            state.update(armed=True, waiting=False)
            page.table.viewport().update()

    page.model.modelReset.connect(rows_loaded)  # the rows are in (their count may follow)
    plan = ["first_page", "open_case", "search"]  # a case opened from the first page
    order = [kind for _ in range(rounds) for kind in plan]

    def step() -> None:
        for widget in window.open_case_widgets():  # the file read before is closed again
            window._on_tab_close_requested(window.tabs.indexOf(widget))  # as Strg+W does
        assert window.tabs.currentWidget() is page  # back to the list it was opened from
        if not order:
            _ready({k: [round(v, 2) for v in vs] for k, vs in samples.items()})
            window.close()
            app.quit()
            return
        kind = order.pop(0)
        if kind == "first_page":
            page.search.blockSignals(True)
            page.search.setText("")
            page.search.blockSignals(False)
            begin(kind)
            page.apply_filter()
        elif kind == "search":
            page.search.blockSignals(True)
            page.search.setText("Maier")
            page.search.blockSignals(False)
            begin(kind)
            page.apply_filter()  # what the 200-ms typing pause of the search field calls
        elif page.model.rowCount():
            row = local.randrange(page.model.rowCount())
            case_id = page.model.index(row, 0).data(ID_ROLE)
            begin(kind)
            window.open_case(case_id)
            widget = window.open_case_widgets()[-1]

            def shown() -> None:
                state["armed"] = True
                widget.title.update()

            widget.loaded.connect(shown)
            widget.title.installEventFilter(watch)
        else:
            QTimer.singleShot(0, step)  # nothing to open

    window.show()
    # the first page of the start is not measured; the others have signed in meanwhile
    QTimer.singleShot(int(max(1.5, delay_s) * 1000), step)
    app.exec()
    runner.wait()
    store.close()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "start":
        start(sys.argv[2])
    elif mode == "team":
        team(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]))
    else:
        case_list(sys.argv[2])
