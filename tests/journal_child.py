"""A desktop client capturing a conference until it is killed (``test_conference_journal``):
signed in to a team server, the Konferenzmodus of one case, one sentence of the family's will
after another, each journaled; "KEPT n" is printed once sentence n is in the journal. A capture
kept from the last (killed) run is restored first; "READY n" says how many sentences it had."""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtWidgets import QMessageBox

from sro_case.remote import connect
from ui.app import create_application
from ui.conference.window import ConferenceWindow
from ui.tasks import InlineTaskRunner


def main() -> None:
    url, login, secret, case_id = sys.argv[1:5]
    create_application([])
    QMessageBox.exec = lambda self: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    store = connect(url, login, secret)
    window = ConferenceWindow(store, InlineTaskRunner(), int(case_id))
    n = len(window.plan_panel.will_items)
    print("READY", n, flush=True)
    while True:
        n += 1
        window.plan_panel.will_text.setText(f"Satz {n}")
        window.plan_panel.add_will()
        window.journal.keep()
        window.journal.flush()  # on disk before it is acknowledged
        print("KEPT", n, flush=True)


if __name__ == "__main__":
    main()
