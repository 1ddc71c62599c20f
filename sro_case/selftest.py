"""``sro-case --self-test``, the part without Qt: proves that an installed program (above all a
PyInstaller bundle) carries everything it needs at run time.

In a temporary folder it creates an encrypted database (SQLCipher, Argon2id key slots, the
Alembic migrations from ``db/``), writes a case with umlauts, closes it, unlocks it again with
the passphrase and reads the case back, finds it by a phonetic search, and renders a conference
protocol PDF with the embedded DejaVu fonts, German hyphenation (pyphen) and Arabic shaping.
The window part lives in ``ui/selftest.py`` (this package never imports Qt).

Every step prints one line (German, like the rest of the command line); the first failing
step raises ``SelfTestFailed`` naming it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sro_case.domain import models as m
    from sro_case.store import Store

from sro_case import __version__

T = TypeVar("T")

FILE_NUMBER = "51.2-2026-000001"
FAMILY = "Familie Müller-Lüdenscheidt"
WILL = "Wir möchten, dass Jörg wieder gern zur Schule geht und Großmutter Ülkü öfter kommt."
LONG_WORD = "Kindertagesstättenanmeldungsformular"
ARABIC = "مريم الحسن"
# not a secret: the database lives only for the length of the test, in a temporary folder
PASSPHRASE = "Selbsttest Löwenzahn Kröpelin 2026"


class SelfTestFailed(Exception):
    def __init__(self, step: str, cause: BaseException | str) -> None:
        super().__init__(f"{step}: {cause}")
        self.step = step


@dataclass
class SelfTest:
    """Runs named steps, prints ``ok (0,12 s)`` per step, keeps the timings."""

    out: Callable[[str], None] = print
    timings: list[tuple[str, float]] = field(default_factory=list)

    def step(self, name: str, action: Callable[[], T]) -> T:
        start = time.perf_counter()
        try:
            result = action()
        except SelfTestFailed:
            raise
        except BaseException as exc:
            self.out(f"  FEHLER  {name}: {type(exc).__name__}: {exc}")
            raise SelfTestFailed(name, f"{type(exc).__name__}: {exc}") from exc
        seconds = time.perf_counter() - start
        self.timings.append((name, seconds))
        self.out(f"  ok      {name} ({seconds:.2f} s)".replace(".", ",", 1))
        return result


def check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def environment() -> str:
    bundled = getattr(sys, "_MEIPASS", None)
    where = f"Paket {bundled}" if bundled else f"Quelltext {Path(__file__).resolve().parent}"
    return f"sro-case {__version__}, Python {sys.version.split()[0]}, {where}"


@contextmanager
def scratch_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sro-case-selbsttest-") as folder:
        yield Path(folder)


def run_core(test: SelfTest, folder: Path) -> Store:
    """The core steps; returns the unlocked store (the caller closes it) for the window part."""
    from sro_case.accounts.vault import KdfParams
    from sro_case.domain import models as m
    from sro_case.domain.models import CaseFilter
    from sro_case.store import create_database, unlock

    db = folder / "Sélbsttest Ä" / "fallakten.db"  # a folder name with non-ASCII letters
    # a cheap key derivation: the point is that argon2 and AES-GCM load, not their cost
    kdf = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)

    def create() -> str:
        created = create_database(db, PASSPHRASE, kdf=kdf)
        created.store.close()
        check(
            db.is_file() and db.read_bytes()[:16] != b"SQLite format 3\x00",
            "die Datenbankdatei ist nicht verschlüsselt",
        )
        return created.recovery_key

    test.step("verschlüsselte Datenbank anlegen (SQLCipher, Schlüsselplätze)", create)

    def migrated() -> str:
        store = unlock(db, PASSPHRASE)
        try:
            info = store.maintenance.info()
            check(info.revision == info.head, f"Schemastand {info.revision}, erwartet {info.head}")
            return info.head
        finally:
            store.close()

    head = test.step("Migrationen aus db/ angewandt", migrated)
    test.out(f"          Schemastand {head}")

    def write_case() -> int:
        store = unlock(db, PASSPHRASE)
        try:
            summary = store.cases.create(
                m.CaseDraft(
                    FILE_NUMBER,
                    m.FamilyDraft(FAMILY, "toitenwinkel", "Straße der Freundschaft 7", "18147"),
                    (
                        m.PersonDraft("Jörg", "Müller-Lüdenscheidt", date(2014, 5, 3), "male"),
                        m.PersonDraft("Ülkü", "Öztürk", date(1956, 1, 9), "female", "relative"),
                        m.PersonDraft("مريم", "الحسن", date(2011, 5, 5), "female", "adolescent"),
                    ),
                    opened_on=date(2026, 3, 1),
                    reason_for_contact="Schule meldet häufige Fehltage.",
                )
            )
            store.conferences.record(
                summary.id,
                m.ConferenceDraft(
                    date(2026, 11, 25),
                    "fallkonferenz",
                    facilitator="Jürgen Groß",
                    participants=(
                        m.ParticipantDraft("Jürgen Groß", "asd", "Jugendamt Rostock"),
                        m.ParticipantDraft(ARABIC, "kind"),
                    ),
                    family_will=WILL,
                    will_spoken_by="Jörg",
                    goals=(
                        m.GoalDraft(
                            "Jörg geht gern zur Schule.",
                            "Jörg ist an vier von fünf Tagen pünktlich in der Schule.",
                            "Jörg",
                            date(2027, 2, 28),
                            steps=(m.StepDraft("Ülkü Öztürk", f"{LONG_WORD} ausfüllen"),),
                        ),
                    ),
                ),
            )
            return summary.id
        finally:
            store.close()

    case_id = test.step("Fall mit Umlauten schreiben", write_case)

    def read_case() -> tuple[Store, m.CaseDetail]:
        store = unlock(db, PASSPHRASE)  # a fresh unlock: key slot, Argon2id, AES-GCM
        try:
            detail = store.cases.get(case_id)
            check(detail.summary.file_number == FILE_NUMBER, "Aktenzeichen falsch gelesen")
            names = {p.last_name for p in detail.family.persons}
            check(
                "Müller-Lüdenscheidt" in names and "Öztürk" in names,
                f"Namen falsch gelesen: {sorted(names)}",
            )
            found = store.cases.list(CaseFilter(search="Mueller"))
            check(any(c.id == case_id for c in found), "die Suche findet Müller nicht als Mueller")
        except BaseException:
            store.close()
            raise
        return store, detail

    store, detail = test.step("Datenbank entsperren, Fall lesen und suchen", read_case)
    try:
        test.step(
            "Konferenzprotokoll als PDF (Schriften, Silbentrennung, Arabisch)",
            lambda: render_pdf(detail, folder),
        )
    except BaseException:
        store.close()
        raise
    return store


def render_pdf(detail: m.CaseDetail, folder: Path) -> Path:
    from sro_case.conferences.protocol import conference_protocol_pdf
    from sro_case.reports.fonts import shape
    from sro_case.reports.hyphenation import german

    check(german().inserted(LONG_WORD).count("-") >= 3, "keine deutsche Silbentrennung")
    check(shape(ARABIC) != ARABIC, "arabische Schrift wird nicht verbunden")
    pdf = conference_protocol_pdf(detail, detail.conferences[-1])
    check(pdf.startswith(b"%PDF-"), "kein PDF")
    check(b"/FontFile2" in pdf and b"DejaVuSans" in pdf, "die Schrift ist nicht eingebettet")
    check(b"Helvetica" not in pdf, "eine nicht eingebettete Standardschrift steckt im PDF")
    out = folder / "protokoll.pdf"
    out.write_bytes(pdf)
    return out


def run(
    *,
    window: Callable[[SelfTest, Any], None] | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """The whole self-test; 0 when every step passed, 1 otherwise. ``window`` is the window
    part (``ui.selftest.run_window``, handed in by the ``sro-case`` command); without it only
    the core is checked."""
    test = SelfTest(out)
    out(f"Selbsttest: {environment()}")
    start = time.perf_counter()
    try:
        with scratch_folder() as folder:
            store = run_core(test, folder)
            try:
                if window is not None:
                    window(test, store)
            finally:
                store.close()
    except SelfTestFailed as exc:
        out(f"Selbsttest FEHLGESCHLAGEN bei: {exc.step}")
        return 1
    total = f"{time.perf_counter() - start:.2f}".replace(".", ",")
    out(f"Selbsttest bestanden ({len(test.timings)} Schritte, {total} s).")
    return 0
