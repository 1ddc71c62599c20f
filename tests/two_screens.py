"""Run in a process of its own with two offscreen screens (laptop 1366 x 768 left, projector
1920 x 1080 right; see ``tests/test_conference_console.py``): the conference on the projector,
a wrong entry, a save that fails and a lock. Prints what each screen showed as JSON."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from sro_case.clock import FixedClock
from sro_case.storage.keyfile import KdfParams
from sro_case.store import create_database
from tests.conftest import PASSPHRASE
from tests.test_conference_mode import make_case, screen_texts
from ui.conference import ConferenceWindow
from ui.tasks import InlineTaskRunner


def main(folder: Path) -> None:
    app = QApplication.instance() or QApplication([])
    created = create_database(
        folder / "f.db",
        PASSPHRASE,
        kdf=KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1),
        clock=FixedClock(datetime(2026, 11, 25, 10, 0)),
    )
    store = created.store
    case = make_case(store)
    w = ConferenceWindow(store, InlineTaskRunner(), case.id)
    w.show_on_projector()
    app.processEvents()
    out: dict[str, object] = {
        "screens": [s.name() for s in app.screens()],
        "window_screen": w.screen().name(),
        "separate": w.console.separate(),
    }
    w.participants_panel.participant_discipline.setCurrentIndex(1)
    w.participants_panel.add_participant()  # no name
    w.plan_panel.next_review_field.set_value(date(2026, 1, 1))  # before the conference
    w.protocol_panel.ask_protocol_path = lambda _s: None
    w.protocol_panel.save_and_protocol()
    app.processEvents()
    panel = w.console.panel
    out["section_problem"] = w.participants_panel.section.problem.text()
    out["projector_texts"] = screen_texts(w)
    out["overlay"] = w.console.overlay.label.text()
    out["panel_visible"] = panel is not None and panel.isVisible()
    out["panel_screen"] = panel.screen().name() if panel else None
    out["panel_text"] = (panel.latest.text() + "\n" + panel.history.toPlainText()) if panel else ""
    w.lock_screen()
    out["panel_visible_locked"] = panel is not None and panel.isVisible()
    w.unlock_screen()
    out["panel_visible_unlocked"] = panel is not None and panel.isVisible()
    w.context.mark_clean()
    w.close()
    out["panel_after_close"] = w.console.panel is not None
    store.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
