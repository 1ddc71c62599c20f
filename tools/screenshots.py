"""Render the main screens offscreen to docs/screenshots/*.png (``make screenshots``).

Uses a fresh demo database in a temporary folder: synthetic data only.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sro_case.clock import FixedClock  # noqa: E402
from sro_case.services.demo import generate  # noqa: E402
from sro_case.services.vault import create_database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.i18n import install_language  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.tables import ID_ROLE  # noqa: E402
from ui.tasks import InlineTaskRunner  # noqa: E402
from ui.unlock_dialog import UnlockDialog  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    language = sys.argv[1] if len(sys.argv) > 1 else "de"
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
        app = create_application([])
        install_language(language)
        suffix = "" if language == "de" else f"-{language}"
        clock = FixedClock()
        from datetime import datetime

        clock.current = datetime(2026, 11, 25, 9, 30)
        created = create_database(Path(tmp) / "demo.db", "Demo-Passphrase 2026", clock=clock)
        store = created.store
        generate(store, 2000, seed=7)

        unlock = UnlockDialog(store.path, InlineTaskRunner())
        unlock.message.setText(unlock.tr("Die Passphrase ist falsch. Bitte erneut versuchen."))
        unlock.show()
        settle(app)
        unlock.grab().save(str(out / f"entsperren{suffix}.png"))
        unlock.close()

        window = MainWindow(store, InlineTaskRunner())
        window.resize(1400, 860)
        window.show()
        settle(app)
        window.grab().save(str(out / f"fallliste{suffix}.png"))
        window.case_list.search.setText("Maier")
        window.case_list.apply_filter()
        settle(app)
        window.grab().save(str(out / f"suche{suffix}.png"))
        window.case_list.search.clear()
        window.case_list.apply_filter()
        window.tabs.setCurrentIndex(1)
        window.deadlines.reload()
        settle(app)
        window.grab().save(str(out / f"fristen{suffix}.png"))
        case_id = window.case_list.model.index(3, 0).data(ID_ROLE)
        window.open_case(int(case_id))
        case = window.current_case()
        names = [
            "ueberblick",
            "personen",
            "verlauf",
            "einwilligungen",
            "hilfen",
            "ressourcen",
            "konferenzen",
            "ziele",
            "zugriffe",
        ]
        for index, name in enumerate(names):
            case.tabs.setCurrentIndex(index)
            settle(app)
            window.grab().save(str(out / f"fallakte-{name}{suffix}.png"))
        window.lock()
        settle(app)
        window.grab().save(str(out / f"gesperrt{suffix}.png"))
        window.close()
        store.close()
    print(f"Screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
