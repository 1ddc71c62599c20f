"""The team server's screens for ``make screenshots`` (#18): a PostgreSQL from the pip-installed
server binary, a team server on loopback with invented people and cases, and the client signed
in to it – the connect dialog, the case list and the case file's Fallteam as the lead worker
and as a colleague of another discipline sees it. Synthetic data only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sro_case.domain import models as m

ADMIN = "Teamserver-Admin Bildschirmfoto 2026"
PEOPLE = (
    ("asmus", "Anna Asmus", "asd", "Anna arbeitet im ASD seit 2019"),
    ("schulz", "Sina Schulz", "schulsozialarbeit", "Sina Schulsozialarbeit Evershagen"),
    ("kowalski", "Kai Kowalski", "kita", "Kai leitet die Kita Sonnenblume"),
)
FAMILIES = ("Müller", "Şahin", "Nguyen", "Schröder", "Jansen", "Petrović", "Kröger", "Wendt")


@contextmanager
def team_server() -> Iterator[str]:
    """A team server with invented cases (the URL); everything is gone afterwards."""
    import psycopg

    from sro_case.server.api import create_app
    from tests.postgres import serving, team_database, temporary_postgres

    with temporary_postgres() as server:
        with psycopg.connect(server.get_uri(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE tour")
        engine, people = team_database(server.get_uri("tour"), _clock(), *PEOPLE, admin=ADMIN)
        anna = people["asmus"]
        for n, family in enumerate(FAMILIES):
            anna.create_case(
                m.CaseDraft(
                    f"51.2-2026-{n + 101:06d}",
                    m.FamilyDraft(f"Familie {family}", ("evershagen", "toitenwinkel")[n % 2]),
                    (
                        m.PersonDraft("Lena", family, date(2015, 3, 2), "female", "child"),
                        m.PersonDraft("Sandra", family, date(1988, 7, 9), "female", "parent"),
                    ),
                    reason_for_contact="Schulvermeidung, Sorgen der Mutter",
                )
            )
        first = f"51.2-2026-{101:06d}"
        anna.add_note(first, m.NoteDraft(date(2026, 11, 20), "home_visit", "Hausbesuch, ruhig."))
        anna.add_member(first, "schulz")
        with serving(create_app(engine)) as base:
            yield base
        engine.dispose()


def _clock() -> Any:
    from sro_case.clock import SYSTEM_CLOCK

    return SYSTEM_CLOCK


def team_tour(app: Any, base: str, size: tuple[int, int]) -> Iterator[tuple[str, Any]]:
    """(name, widget) of each team-server screen, laid out at ``size``."""
    from sro_case.remote import connect
    from ui.case_file import CaseFileWidget
    from ui.connect_dialog import ConnectDialog
    from ui.main_window import MainWindow
    from ui.tasks import InlineTaskRunner

    runner = InlineTaskRunner()
    dialog = ConnectDialog(runner)
    dialog.url.setText("https://teamserver.rostock.de:8443")
    dialog.login.setText("asmus")
    dialog.passphrase.setText("••••••••••••")
    dialog.message.setText(
        dialog.tr("Anmeldename oder Passphrase stimmen nicht. Bitte erneut versuchen.")
    )
    dialog.show()
    app.processEvents()
    yield "teamserver-verbinden", dialog
    dialog.close()

    anna = connect(base, "asmus", PEOPLE[0][3])
    window = MainWindow(anna, runner)
    window.resize(*size)
    window.show()
    app.processEvents()
    yield "teamserver-fallliste", window
    case_id = anna.cases.id_for(f"51.2-2026-{101:06d}")
    widget = CaseFileWidget(anna, runner, case_id)
    widget.tabs.setCurrentWidget(widget.team_tab)
    widget.resize(size[0], size[1] - 120)
    widget.show()
    app.processEvents()
    yield "fallteam", widget
    sina = connect(base, "schulz", PEOPLE[1][3])
    seen = CaseFileWidget(sina, runner, case_id)
    seen.tabs.setCurrentWidget(seen.team_tab)
    seen.resize(size[0], size[1] - 120)
    seen.show()
    app.processEvents()
    yield "fallteam-schulsozialarbeit", seen
    # a colleague saved the case while Anna types: the notice, then the conflict on saving
    from sro_case.domain import models as m

    widget.tabs.setCurrentIndex(0)
    widget.reason_edit.setPlainText("Schulvermeidung seit Oktober, Mutter sucht Arbeit")
    colleague = connect(base, "asmus", PEOPLE[0][3])  # Anna on her laptop, in the meeting
    before = colleague.cases.get(case_id).summary.next_review
    moved = date(2027, 2, 5) if before == date(2027, 1, 29) else date(2027, 1, 29)  # each run
    colleague.cases.update(case_id, m.CaseEdit(next_review=moved))
    colleague.close()
    widget.mark_changed_elsewhere()
    app.processEvents()
    yield "live-aenderung", widget
    from dataclasses import replace

    from ui.conflict_dialog import ConflictDialog

    theirs = anna.cases.get(case_id)
    theirs = replace(theirs, reason_for_contact="Schulvermeidung; Umzug nach Toitenwinkel geplant")
    mine = m.CaseEdit(
        reason_for_contact="Schulvermeidung seit Oktober, Mutter sucht Arbeit",
        child_protection=False,
        next_review=date(2027, 1, 15),
    )
    from sro_case.domain.messages import T
    from sro_case.errors import Conflict
    from ui.ops import failure_text

    refused = Conflict(  # the kernel's own words (``UnitOfWork.check_version``)
        T(
            "Der Fall wurde inzwischen geändert: Version {current} von {who} am {when} Uhr; "
            "Ihre Eingaben beruhen auf Version {expected}. Nichts wurde überschrieben – "
            "laden Sie den Fall neu und übernehmen Sie Ihre Eingaben.",
            current=7,
            who="schulz",
            when="07.12.2026 10:42",
            expected=6,
        )
    )
    conflict = ConflictDialog(mine, theirs, failure_text(refused))
    conflict.show()
    app.processEvents()
    yield "konflikt", conflict
    conflict.close()
    widget._dirty = False
    for shown in (widget, seen, window):
        shown.close()
    for session in (anna, sina):
        session.close()
