"""Service-level measurements on the encrypted benchmark database, and the plain-SQLite and
raw-SQL yardsticks measured beside them."""

from __future__ import annotations

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import delete, event

from bench import raw_export
from bench.dataset import PASSPHRASE, Dataset
from bench.timing import Results, repeat_ms, time_ms
from sro_case import store as store_module
from sro_case.accounts import vault
from sro_case.backups.service import BackupService
from sro_case.cases.service import CaseFilter
from sro_case.domain import models as m
from sro_case.storage.engine import CACHE_KIB, connect_raw
from sro_case.storage.keyfile import KeyFile
from sro_case.storage.orm import StatisticsReleaseRecord

PAGE = 200  # the case list's page (ui/case_list.py)
SEARCH_FTS = "51.2-2023-0042"  # a file-number fragment: FTS prefix match
SEARCH_PHONETIC = "Maier"  # finds Meier, Mayer, Meyer (Kölner Phonetik)


def first_page(store: Any, f: CaseFilter) -> tuple[int, list[m.CaseSummary]]:
    """What the case list waits for: the number of matches and the first page."""
    return store.cases.count(f), store.cases.list(f, limit=PAGE)


def forget_releases(store: Any) -> None:
    """Drop what earlier benchmark exports published, so each export is measured as the
    first of its period (the product keeps them to audit later exports with)."""
    with store.write() as s:
        s.execute(delete(StatisticsReleaseRecord))


def conference_draft(today: date, n: int) -> m.ConferenceDraft:
    goals = tuple(
        m.GoalDraft(
            f"Ziel {i + 1}: Lena geht regelmäßig zur Schule und erzählt zu Hause davon.",
            "Woran merken wir es? Höchstens zwei Fehltage im Monat.",
            "Lena",
            today + timedelta(days=90),
            ("täglich Fehltage", "mehr Fehltage", "wie jetzt", "weniger", "keine Fehltage"),
            (
                m.StepDraft("Frau Meyer", f"weckt Lena um 7 Uhr ({n}/{i})", today + timedelta(7)),
                m.StepDraft("Schulsozialarbeit", "Gespräch mit der Klassenlehrerin"),
            ),
        )
        for i in range(10)
    )
    return m.ConferenceDraft(
        held_on=today,
        kind="fallkonferenz",
        facilitator="Moderation Nord",
        participants=(
            m.ParticipantDraft("Frau Meyer", "familie"),
            m.ParticipantDraft("Herr Kurt", "schulsozialarbeit", "Schule am Wald"),
            m.ParticipantDraft("Frau Öztürk", "asd", "Jugendamt"),
        ),
        agenda=("Begrüßung", "Stärken", "Sorgen", "Ziele", "Schritte"),
        family_will="„Wir wollen, dass Lena wieder gern zur Schule geht.“",
        will_spoken_by="Frau Meyer",
        goals=goals,
        decisions="Nächstes Treffen in drei Monaten.",
        next_review=today + timedelta(days=90),
    )


def _captured_sql(store: Any, fn: Any) -> list[tuple[str, Any]]:
    """The statements a service call sends to the driver, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, params: Any, *_a: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            seen.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        fn()
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)
    return seen


def _plain_connection(plain: Path) -> Any:
    conn = sqlcipher3.connect(str(plain))  # no key: plain SQLite, same library and version
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    from sro_case.storage.engine import _german_collation

    conn.create_collation("DE", _german_collation)
    return conn


def measure(data: Dataset, db: Path, runs: int, res: Results) -> None:
    kdf = KeyFile.load(KeyFile.path_for(db)).slots[0]

    def unlock_and_query() -> None:
        with store_module.unlock(db, PASSPHRASE) as store:
            store.cases.count(CaseFilter())

    # in turns: Argon2id's 64 MiB and the machine's drift hit both alike (measured one after
    # the other, the KDF alone once came out 300 ms slower than the whole unlock)
    derive, unlock = [], []
    for _ in range(5):
        derive.append(time_ms(lambda: kdf.kdf.derive(PASSPHRASE, kdf.salt))[0])
        unlock.append(time_ms(unlock_and_query)[0])
    res.record("kdf", derive)
    res.record("unlock", unlock)

    store = store_module.unlock(db, PASSPHRASE)
    try:
        _measure_open(data, db, store, runs, res)
    finally:
        store.close()


def _measure_open(data: Dataset, db: Path, store: Any, runs: int, res: Results) -> None:
    everything = CaseFilter()
    res.record("case_list_first_page", repeat_ms(lambda: first_page(store, everything), runs))
    res.record(
        "case_list_first_page_by_family",
        repeat_ms(lambda: store.cases.list(everything, limit=PAGE, sort="family"), runs),
    )
    fts, phonetic = CaseFilter(search=SEARCH_FTS), CaseFilter(search=SEARCH_PHONETIC)
    res.record("search_fts", repeat_ms(lambda: first_page(store, fts), runs))
    res.record("search_phonetic", repeat_ms(lambda: first_page(store, phonetic), runs))
    res.metrics["search"] = max(res.metrics["search_fts"], res.metrics["search_phonetic"])
    found = first_page(store, phonetic)
    res.notes["search_phonetic_hits"] = found[0]
    res.notes["search_phonetic_families"] = sorted({s.family_name for s in found[1]})[:12]

    # the same statements on an unencrypted copy of the same data
    statements = _captured_sql(store, lambda: first_page(store, phonetic))
    plain = _plain_connection(data.plain)
    try:

        def replay() -> None:
            for sql, params in statements:
                plain.execute(sql, params).fetchall()

        plain_ms = repeat_ms(replay, runs, warmup=1)
        res.record("search_plain_sqlite", plain_ms)
        res.ratios["search_vs_plain_sqlite"] = round(
            res.metrics["search_phonetic"] / res.metrics["search_plain_sqlite"], 2
        )
    finally:
        plain.close()

    rng = random.Random(7)
    total = store.cases.count(CaseFilter(include_closed=True))
    ids = [
        s.id
        for s in store.cases.list(CaseFilter(include_closed=True), limit=PAGE, offset=total // 3)
    ]
    sample = rng.sample(ids, min(len(ids), max(runs, 15)))
    res.record("open_case", [time_ms(lambda cid=cid: store.cases.get(cid))[0] for cid in sample])
    _measure_entrusted(store, sample[0], runs, res)

    today = store.clock.today()
    targets = rng.sample(ids, runs)
    res.record(
        "save_conference",
        [
            time_ms(lambda n=n, cid=cid: store.conferences.record(cid, conference_draft(today, n)))[
                0
            ]
            for n, cid in enumerate(targets)
        ],
    )

    with store.read() as s:
        first = s.connection().exec_driver_sql("SELECT min(opened_on) FROM case_file").scalar()
    date_from = date.fromisoformat(str(first)[:10])
    res.notes["export_period"] = [date_from.isoformat(), today.isoformat()]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "statistik.csv"

        def export() -> None:
            forget_releases(store)  # a first export of its period: nothing to audit it with
            built = store.statistics.build(date_from, today)
            store.statistics.write(built, out)

        res.record("export_stats", repeat_ms(export, max(3, runs // 2)))
        year = today.year - 1  # the usual request: last year's figures

        def export_year() -> None:
            forget_releases(store)
            built = store.statistics.build(date(year, 1, 1), date(year, 12, 31))
            store.statistics.write(built, out)

        res.notes["export_year"] = year
        res.record("export_stats_last_year", repeat_ms(export_year, max(3, runs // 2)))
        # repeated releases: the year once its four quarters are out, audited together with
        # them (the joint audit's own cost is the difference to the year alone)
        forget_releases(store)
        for q in range(4):
            first = date(year, 3 * q + 1, 1)
            last = date(year + (q == 3), (3 * q + 4) % 12 or 12, 1) - timedelta(days=1)
            store.statistics.write(store.statistics.build(first, last), out)
        joint: list[Any] = []

        def export_year_joint() -> None:
            joint.append(store.statistics.build(date(year, 1, 1), date(year, 12, 31)))

        res.record("export_stats_year_with_quarters", repeat_ms(export_year_joint, 1))
        res.notes["export_year_joint_coarsened_cells"] = joint[-1].coarsened_cells
        res.metrics["export_joint_audit"] = round(
            res.metrics["export_stats_year_with_quarters"] - res.metrics["export_stats_last_year"],
            1,
        )
        forget_releases(store)
        # once: the same export counted in Python from facts read off the source tables (the
        # reference the tally is tested against; the export before migration 0008)
        res.record(
            "export_stats_reference",
            [time_ms(lambda: store.statistics.reference_build(date_from, today))[0]],
        )
    key = vault.database_key(store)
    conn = connect_raw(db, key)
    try:
        res.record(
            "export_raw_sql",
            repeat_ms(lambda: raw_export.run(conn, date_from, today), max(3, runs // 2)),
        )
    finally:
        conn.close()
    res.ratios["export_vs_raw_sql"] = round(
        res.metrics["export_stats"] / res.metrics["export_raw_sql"], 2
    )

    with_conference = [cid for cid in ids if store.cases.get(cid).conferences][:runs]
    with tempfile.TemporaryDirectory() as tmp:
        res.record(
            "protocol_pdf",
            [
                time_ms(
                    lambda cid=cid: store.documents.conference_protocol(
                        cid, Path(tmp) / f"protokoll-{cid}.pdf"
                    )
                )[0]
                for cid in with_conference
            ],
        )
        backups = BackupService(store)
        res.record(
            "backup",
            [
                time_ms(lambda: backups.backup(Path(tmp) / "sicherungen", keep=1))[0]
                for _ in range(2)
            ],
        )
    res.notes["database_mb"] = round(db.stat().st_size / 2**20, 1)


def _measure_entrusted(store: Any, template: int, runs: int, res: Results) -> None:
    """§ 65 by cryptography: a case with 20 entrusted notes (each sealed to its author, opened
    with the author's key) against the same case with 20 ordinary notes, taken in turns. In a
    database of its own beside the benchmark's: the difference is per note, and the cached
    benchmark database must not grow by two cases each run."""
    detail = store.cases.get(template)
    with tempfile.TemporaryDirectory() as folder:
        created = store_module.create_database(Path(folder) / "vertraulich.db", PASSPHRASE)
        own = created.store
        try:
            ids = []
            for entrusted in (False, True):
                case = own.cases.create(
                    m.CaseDraft(
                        f"BENCH-65-{int(entrusted)}",
                        m.FamilyDraft(detail.family.display_name, detail.family.social_space),
                        tuple(
                            m.PersonDraft(p.first_name, p.last_name, p.birth_date, p.sex, p.role)
                            for p in detail.family.persons
                        ),
                        opened_on=detail.summary.opened_on,
                    )
                )
                for n in range(20):
                    own.cases.add_note(
                        case.id,
                        m.NoteDraft(
                            detail.summary.opened_on,
                            "counselling",
                            f"Gespräch {n}: " + "Die Mutter berichtet ausführlich. " * 12,
                            "Mutter, Kind",
                            entrusted=entrusted,
                        ),
                    )
                ids.append(case.id)
            plain, sealed = [], []
            for _ in range(max(runs, 15)):
                plain.append(time_ms(lambda: own.cases.get(ids[0]))[0])
                sealed.append(time_ms(lambda: own.cases.get(ids[1]))[0])
        finally:
            own.close()
    res.record("open_case_20_notes", plain)
    res.record("open_case_20_entrusted", sealed)
    res.metrics["open_case_entrusted_extra"] = round(
        res.metrics["open_case_20_entrusted"] - res.metrics["open_case_20_notes"], 2
    )
