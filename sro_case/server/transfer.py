"""``sro-case server import-file``: a single PC's encrypted database moved onto the team server,
all or nothing (#17).

The file is opened like the program opens it (a passphrase or the recovery key) and checked
first: its integrity, and its audit chain, which must be intact. Every table is copied in one
PostgreSQL transaction, in the order of the foreign keys: people by login and Sozialräume by
code onto the server's own, everything else with its ids (the sequences then continue behind
them). The counts are compared before the commit. The file's audit log is summarised – its
number of entries and its verified head – in one entry of the server's chain; the file itself
stays the archive of its log. A file already imported (its database id) is refused.

What does not move: the statistics tally and the search index (the server has its own, from
the same rows), and the file's key slots – people sign in to the server with an account the
admin completes (``user add`` with the same login). Entrusted (§ 65) entries stay sealed to
their readers' key pairs, as in the file: the server cannot read them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Table, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sro_case.cases import search_index
from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.domain.messages import T
from sro_case.errors import DatabaseDamaged, DatabaseExists, DatabaseMissing, SroCaseError
from sro_case.kernel import audit
from sro_case.server.database import owner_engine, set_context
from sro_case.storage.orm import Base

if TYPE_CHECKING:
    from sro_case.store import Store

IMPORTED = "imported_file"  # meta key: the database id of the file already imported
# rows the server keeps its own of, matched by a natural key
MATCHED = {"app_user": "login", "social_space": "code"}
# the file's meta (its id, its audit head) and audit log (summarised instead: its sequence
# numbers are not the server's); server sessions do not exist in a file
SKIPPED = ("meta", "audit_event", "server_session")
# seeded by a revision with defaults: the file's own settings replace them
SEEDED = ("retention_period",)
BATCH = 1000


@dataclass(frozen=True)
class ImportReport:
    counts: dict[str, int]  # table -> rows copied (or matched)
    audit_entries: int
    audit_head: str
    new_accounts: tuple[str, ...]  # logins the admin must complete before they can sign in

    def summary(self) -> str:
        total = sum(self.counts.values())
        lines = [
            f"Übernommen: {total} Datensätze in {len(self.counts)} Tabellen; "
            f"Protokoll der Datei ({self.audit_entries} Einträge) geprüft und zusammengefasst."
        ]
        if self.new_accounts:
            lines.append(
                "Zugänge ohne Passphrase auf dem Teamserver (mit »user add« ergänzen): "
                + ", ".join(self.new_accounts)
            )
        return "\n".join(lines)


def _rows(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    result = conn.execute(select(table).order_by(*table.primary_key.columns))
    while batch := result.fetchmany(BATCH):
        yield [dict(row._mapping) for row in batch]


def import_file(
    url: str,
    db: Path,
    passphrase: str | None,
    *,
    user: str | None = None,
    recovery_key: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> ImportReport:
    """Move the file ``db`` onto the team database at ``url`` (as its owner)."""
    from sro_case.store import unlock

    source = unlock(
        Path(db),
        passphrase,
        recovery_key=recovery_key,
        user=user,
        clock=clock,
        upgrade=False,
        lock=True,
    )
    try:
        source.require_role("admin")
        check = source.maintenance.check()
        if check.integrity != "ok" or check.cipher_integrity or not check.audit_ok:
            raise DatabaseDamaged(
                T(
                    "Die Datei {name} wird nicht übernommen: ihre Prüfung meldet Fehler "
                    "(sro-case check).",
                    name=Path(db).name,
                )
            )
        with source.read() as s:
            file_id = str(
                s.execute(text("SELECT value FROM meta WHERE key = 'database_id'")).scalar_one()
            )
            head_hash = audit.head_hash(s)
        engine = owner_engine(url)
        try:
            report = _into(
                engine,
                source,
                name=Path(db).name,
                file_id=file_id,
                entries=check.audit_events,
                head_hash=head_hash,
                clock=clock,
            )
            _analyse(url)
            return report
        except DBAPIError as exc:  # the server's database refused: say so (not "file damaged")
            raise SroCaseError(
                T(
                    "Der Teamserver hat die Übernahme abgelehnt ({reason}); nichts wurde "
                    "übernommen.",
                    reason=str(getattr(exc, "orig", exc)).splitlines()[0][:200],
                )
            ) from exc
        finally:
            engine.dispose()
    finally:
        source.close()


def _analyse(url: str) -> None:
    """Fresh planner statistics for the copied tables (outside the copy's transaction)."""
    engine = owner_engine(url)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    finally:
        engine.dispose()


def _into(
    engine: Engine,
    source: Store,
    *,
    name: str,
    file_id: str,
    entries: int,
    head_hash: str,
    clock: Clock,
) -> ImportReport:
    """The copy in one transaction of the server's database, with its summary entry."""
    with (
        engine.connect() as target,
        source.engine.connect() as conn,
        target.begin(),
        Session(bind=target) as session,
    ):
        set_context(session, user_id=None, role="system")
        report = _copy(conn, target, file_id, entries, head_hash)
        audit.append(
            session,
            at=clock.now(),
            actor=source.actor,
            action="import",
            entity="database",
            detail=(
                f"Einzelplatzdatenbank {name} übernommen (Datenbank {file_id}): "
                f"{sum(report.counts.values())} Datensätze; ihr Protokoll mit {entries} "
                f"Einträgen geprüft, Kopf {head_hash}"
            ),
        )
        session.flush()
    return report


def _copy(
    conn: Connection, target: Connection, file_id: str, entries: int, head_hash: str
) -> ImportReport:
    if (
        target.execute(
            text("SELECT value FROM meta WHERE key = :k"), {"k": IMPORTED}
        ).scalar_one_or_none()
        == file_id
    ):
        raise DatabaseExists(
            T("Diese Datei wurde bereits auf den Teamserver übernommen; nichts verändert.")
        )
    if target.execute(text("SELECT count(*) FROM case_file")).scalar_one():
        raise DatabaseExists(
            T(
                "Der Teamserver enthält schon Fälle; eine Datei wird nur in einen leeren "
                "Teamserver übernommen."
            )
        )
    if not target.execute(text("SELECT count(*) FROM app_user")).scalar_one():
        raise DatabaseMissing(T("Der Teamserver ist noch nicht eingerichtet (server init)."))
    maps: dict[str, dict[int, int]] = {}
    counts: dict[str, int] = {}
    new_accounts: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED:
            continue
        key = MATCHED.get(table.name)
        if table.name in SEEDED:
            target.execute(table.delete())
        copied = 0
        for batch in _rows(conn, table):
            if key is not None:
                mapping = maps.setdefault(table.name, {})
                for row in batch:
                    found = target.execute(
                        select(table.c.id).where(table.c[key] == row[key])
                    ).scalar_one_or_none()
                    if found is None:
                        values = {k: v for k, v in row.items() if k != "id"} | _fresh(table.name)
                        found = target.execute(
                            table.insert().values(**values).returning(table.c.id)
                        ).scalar_one()
                        if table.name == "app_user":
                            new_accounts.append(str(row["login"]))
                    mapping[int(row["id"])] = int(found)
                    copied += 1
                continue
            target.execute(table.insert(), [_remapped(table, row, maps) for row in batch])
            copied += len(batch)
        counts[table.name] = copied
    _continue_sequences(target)
    _compare(conn, target, counts)
    for (case_id,) in target.execute(text("SELECT id FROM case_file ORDER BY id")):
        with Session(bind=target) as s:
            search_index.reindex_case(s, case_id)
            s.flush()
    target.execute(
        text("INSERT INTO meta (key, value) VALUES (:k, :v)"), {"k": IMPORTED, "v": file_id}
    )
    return ImportReport(counts, entries, head_hash, tuple(new_accounts))


def _fresh(table: str) -> dict[str, Any]:
    """A person of the file on the server: an account without a sign-in until completed."""
    if table == "app_user":
        return {"passphrase_hash": "", "failed_logins": 0, "locked_until": None}
    return {}


def _remapped(
    table: Table, row: Mapping[str, Any], maps: Mapping[str, Mapping[int, int]]
) -> dict[str, Any]:
    out = dict(row)
    for column in table.columns:
        for fk in column.foreign_keys:
            target = fk.column.table.name
            if target in maps and out.get(column.name) is not None:
                out[column.name] = maps[target][int(out[column.name])]
    return out


def _continue_sequences(target: Connection) -> None:
    """Ids were copied: each table's sequence goes on behind its highest id."""
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        sequence = target.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
        ).scalar_one_or_none()
        if sequence:
            target.execute(
                text(
                    f"SELECT setval(:s, coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                ),
                {"s": sequence},
            )


def _compare(conn: Connection, target: Connection, counts: Mapping[str, int]) -> None:
    """Every table has on the server what the file has (the whole transaction rolls back
    otherwise)."""
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED or table.name in MATCHED:
            continue
        here = conn.execute(select(func.count()).select_from(table)).scalar_one()
        there = target.execute(select(func.count()).select_from(table)).scalar_one()
        if here != there or counts.get(table.name) != here:
            raise DatabaseDamaged(
                T(
                    "Übernahme abgebrochen: Tabelle {table} hat in der Datei {here} und auf dem "
                    "Teamserver {there} Zeilen; nichts wurde übernommen.",
                    table=table.name,
                    here=here,
                    there=there,
                )
            )
