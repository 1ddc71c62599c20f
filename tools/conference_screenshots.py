"""Render the Konferenzmodus offscreen to docs/screenshots/konferenzmodus*.png (synthetic case)."""

import os
import shutil
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(_HERE))
sys.path.insert(0, _HERE)
from datetime import datetime
from pathlib import Path

from conference_demo_case import make_case
from PySide6.QtCore import QSettings

from sro_case.clock import FixedClock
from sro_case.services.vault import create_database
from sro_case.storage.keyfile import KdfParams
from ui.app import create_application
from ui.conference import ConferenceWindow
from ui.tasks import InlineTaskRunner

OUT = Path(
    sys.argv[1]
    if len(sys.argv) > 1
    else os.path.join(os.path.dirname(_HERE), "docs", "screenshots")
)
OUT.mkdir(parents=True, exist_ok=True)
if shutil.which("pdftoppm") is None:  # the protocol's pages are rendered with it at the end
    raise SystemExit(
        "pdftoppm fehlt (Debian: apt-get install poppler-utils). / pdftoppm is missing."
    )


def settle(app):
    for _ in range(6):
        app.processEvents()


with tempfile.TemporaryDirectory() as tmp:
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
    app = create_application([])
    clock = FixedClock(datetime(2026, 11, 25, 9, 30))
    created = create_database(
        Path(tmp) / "demo.db",
        "Demo-Passphrase 2026",
        kdf=KdfParams(time_cost=1, memory_kib=8192, parallelism=1),
        clock=clock,
    )
    store = created.store
    cid = make_case(store)
    w = ConferenceWindow(store, InlineTaskRunner(), cid)
    w.resize(1920, 1080)
    w.show()
    settle(app)
    w.facilitator_edit.setText("Katrin Beck")
    for name, org, disc in [
        ("Katrin Beck", "Jugendamt Rostock, ASD Ost", "asd"),
        ("Ayşe Yılmaz", "", "familie"),
        ("Deniz Yılmaz", "", "kind"),
        ("Jana Krüger", "Kita Sonnenschein", "kita"),
    ]:
        w.participant_name.setText(name)
        w.participant_org.setText(org)
        w.participant_discipline.setEditText(disc)
        w.add_participant()
        assert not w.participants_section.problem.isVisible(), w.participants_section.problem.text()
    w.will_who.setEditText("Ayşe Yılmaz")
    w.will_text.setText("Wir wollen, dass Elif morgens ohne Streit in die Kita geht.")
    w.add_will()
    w.will_who.setEditText("Deniz Yılmaz")
    w.will_text.setText("Ich will nach der Schule zum Fußball.")
    w.add_will()
    w.resource_text.setText("Deniz spielt im Verein Hansa Toitenwinkel")
    w.add_resource()
    w.resource_kind.setCurrentIndex(2)
    w.resource_text.setText("Familienzentrum im Stadtteil, offener Treff dienstags")
    w.add_resource()
    w.goal_text.setText("Elif schläft abends um acht")
    w.goal_indicator.setText("Elif ist morgens wach und frühstückt")
    for e, t in zip(
        w.goal_level_edits, ["nie", "selten", "an drei Abenden", "an fünf Abenden", "jeden Abend"]
    ):
        e.setText(t)
    w.step_who.setEditText("Ayşe Yılmaz")
    w.step_what.setText("Abendritual mit Vorlesen")
    w.add_step()
    w.step_who.setEditText("Jana Krüger")
    w.step_what.setText("Rückmeldung an die Mutter, wie Elif morgens ankommt")
    w.add_step()
    w.add_goal()
    w.review_rows[0].score.setCurrentIndex(4)
    w.review_rows[0].comment.setText("fast geschafft")
    w.decisions_edit.setPlainText("Die SPFH wird für sechs Monate fortgesetzt.")
    w.toggle_timer()
    w.agenda[0].elapsed_seconds = 200
    w._on_tick()
    settle(app)
    w.grab().save(str(OUT / "konferenzmodus.png"))
    # restricted: add a school participant without consent
    w.participant_name.setText("Herr Schulz")
    w.participant_org.setText("Grundschule am Mühlenteich")
    w.participant_discipline.setEditText("Schule")
    w.add_participant()
    settle(app)
    w.grab().save(str(OUT / "konferenzmodus-eingeschraenkt.png"))
    w.remove_participant(len(w.participants) - 1)
    w.set_zoom(300)
    settle(app)
    w.grab().save(str(OUT / "konferenzmodus-zoom300.png"))
    w.toggle_high_contrast()
    settle(app)
    w.grab().save(str(OUT / "konferenzmodus-zoom300-kontrast.png"))
    w.set_zoom(100)
    settle(app)
    w.grab().save(str(OUT / "konferenzmodus-kontrast.png"))
    w.toggle_high_contrast()
    w.set_initials(True)
    settle(app)
    w.grab().save(str(OUT / "konferenzmodus-initialen.png"))
    w.set_curtain(True)
    settle(app)
    w.grab().save(str(OUT / "konferenzmodus-vorhang.png"))
    w.set_curtain(False)
    w.set_initials(False)
    w.participant_name.setText("Herr Schulz")
    w.participant_org.setText("Grundschule am Mühlenteich")
    w.participant_discipline.setEditText("Schule")
    w.add_participant()
    from datetime import date as _d

    w.next_review_field.set_value(_d(2027, 5, 25))
    pdf = OUT / "protokoll.pdf"
    w.ask_protocol_path = lambda _s: pdf
    w.save_and_protocol()
    settle(app)
    print("message:", w.message.text())
    w.grab().save(str(OUT / "konferenzmodus-gespeichert.png"))
    import subprocess

    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", str(pdf), str(OUT / "konferenzmodus-protokoll")],
        check=True,
    )
    pdf.unlink()
    w.discard()
    store.close()
