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


def admin_screenshots(
    app: QApplication, window: MainWindow, clock: FixedClock, out: Path, suffix: str
) -> None:
    """Verwaltung (users, audit chain, deletion periods 12 years on, backup) and the client
    of the Controlling role."""
    from datetime import timedelta

    from sro_case.domain.models import UserDraft
    from sro_case.services.vault import unlock
    from ui.admin import AdminWindow

    store = window.store
    admin = AdminWindow(store, InlineTaskRunner(), window)
    admin.resize(1200, 720)
    for name, page in (("benutzer", "users"), ("protokollkette", "audit")):
        admin.show_page(page)
        settle(app)
        admin.grab().save(str(out / f"verwaltung-{name}{suffix}.png"))
    clock.current += timedelta(days=365 * 12)
    admin.show_page("retention")
    settle(app)
    admin.grab().save(str(out / f"verwaltung-loeschfristen{suffix}.png"))
    clock.current -= timedelta(days=365 * 12)
    admin.show_page("backup").backup_now()
    settle(app)
    admin.grab().save(str(out / f"verwaltung-datensicherung{suffix}.png"))
    admin.close()
    store.users.add_with_passphrase(
        UserDraft("carla", "Carla Köhler", "controlling"), "Carlas Passphrase 2026"
    )
    carla = unlock(store.path, "Carlas Passphrase 2026", clock=clock)
    controlling = MainWindow(carla, InlineTaskRunner())
    controlling.resize(1200, 720)
    controlling.show()
    settle(app)
    controlling.grab().save(str(out / f"controlling{suffix}.png"))
    controlling.close()
    carla.close()


def edit_dialog_screenshots(app: QApplication, case: object, out: Path, suffix: str) -> None:
    """The person and family dialogs of the case file, the person with an empty first name so
    that the validation message shows."""
    from ui.household_dialogs import FamilyDialog, PersonDialog

    detail = case.detail  # type: ignore[attr-defined]
    person = PersonDialog(case, today=case.store.clock.today(), person=detail.family.persons[0])  # type: ignore[attr-defined]
    person.first_name_edit.clear()
    person.show()
    settle(app)
    person.grab().save(str(out / f"person-bearbeiten{suffix}.png"))
    person.discard()
    family = FamilyDialog(case, family=detail.family)
    family.show()
    settle(app)
    family.grab().save(str(out / f"familie-bearbeiten{suffix}.png"))
    family.discard()


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
        case.tabs.setCurrentWidget(case.persons)
        case.persons.table.selectRow(0)
        settle(app)
        edit_dialog_screenshots(app, case, out, suffix)
        admin_screenshots(app, window, clock, out, suffix)
        window.lock()
        settle(app)
        window.grab().save(str(out / f"gesperrt{suffix}.png"))
        window.close()
        store.close()
    print(f"Screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
