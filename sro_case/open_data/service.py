"""The whole database as documented open data, and back (no lock-in; § 9b files outlive us).

``export_all`` writes one JSON Lines file per table (rows in primary-key order, one JSON object
per line, keys in column order; dates ``YYYY-MM-DD``, date-times ISO 8601 in UTC without zone,
booleans ``true``/``false``, money as integer euro cents, missing values ``null``), a
``schema.json`` that explains every table and field in German and English and points coded
fields to their catalogue, copies of the catalogues in use, a ``README.txt`` and a
``manifest.json`` with row counts and SHA-256 sums (written last: without it the export is
incomplete). The FTS5 search index is derived data and is rebuilt instead of exported.

``import_all`` loads such an export into an empty database of the same schema revision with
the same ids, rebuilds the search index, checks the hash chain of the audit log against the
exported head, and records the import as one more audit entry. Everything happens in one
transaction: a damaged or altered export leaves the target database as it was.

§ 65 SGB VIII: entries entrusted to one worker are exported with their ``entrusted`` flag, not
left out, because a migration must not lose parts of a file that must be kept; the receiving
system has to honour the flag. The export is plain text: it must be kept encrypted and deleted
after the migration (README.txt says so).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Table, insert, select, text
from sqlalchemy.orm import Session

import sro_case.storage.orm_retention  # noqa: F401  (its tables belong to the metadata)
from sro_case import __version__
from sro_case.cases import search_index
from sro_case.domain import enums
from sro_case.domain.catalogues import CATALOGUE_NAMES
from sro_case.domain.messages import Text, joined
from sro_case.domain.rules import RECOVERY_LOGIN
from sro_case.errors import SroCaseError, ValidationError
from sro_case.kernel import audit
from sro_case.paths import resources_dir, user_config_dir
from sro_case.storage import migrate
from sro_case.storage.files import atomic_write_bytes, fsync_dir
from sro_case.storage.orm import Base
from sro_case.storage.tally import record_deleted_cases

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

FORMAT = "sro-case-open-data"
VERSION = 1
MANIFEST = "manifest.json"
SCHEMA = "schema.json"
README = "README.txt"
DERIVED_PREFIXES = ("case_search", "tally_")  # FTS5 index and shadow tables; statistics tally
ALEMBIC = "alembic_version"
FILE_IDENTITY = ("database_id",)  # meta keys that belong to the file, not to the data
_BATCH = 1000
# Tables a freshly created database fills by itself; everything else must be empty to import.
_BOOTSTRAP = ("meta", "social_space", "app_user", "audit_event", "retention_period")


class ImportRefused(SroCaseError):
    """The target is not empty, or the export is incomplete, altered or of another schema."""


@dataclass(frozen=True)
class ExportReport:
    out_dir: Path
    tables: dict[str, int]  # table → rows

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def summary(self) -> str:
        return (
            f"Offene Datenausgabe geschrieben: {self.out_dir}\n"
            f"  {len(self.tables)} Tabellen, {self.rows} Zeilen, Beschreibung in {SCHEMA}.\n"
            "  ACHTUNG: Die Dateien enthalten Sozialdaten im Klartext. Nur verschlüsselt "
            "aufbewahren und nach der Übernahme löschen."
        )


@dataclass(frozen=True)
class ImportReport:
    tables: dict[str, int]
    audit_events: int

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def summary(self) -> str:
        return (
            f"Übernommen: {len(self.tables)} Tabellen, {self.rows} Zeilen; Suchindex neu "
            f"aufgebaut; Protokollkette mit {self.audit_events} Einträgen geprüft."
        )


# --------------------------------------------------------------------------- documentation

Bilingual = tuple[str, str]  # (German, English)


@cache
def _schema_docs() -> dict[str, Any]:
    """The tables' and fields' descriptions (resources/open_data/schema_docs.json): data for
    translators and reviewers, not code."""
    path = resources_dir() / "open_data" / "schema_docs.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _pair(value: Any) -> Bilingual:
    return (str(value[0]), str(value[1]))


def table_doc(name: str) -> Bilingual:
    found = _schema_docs()["tables"].get(name)
    return _pair(found) if found else ("", "")


def field_doc(table: str, column: str) -> Bilingual:
    found = _schema_docs()["fields"].get(table, {}).get(column)
    return _pair(found) if found else ("", "")


def duration_note() -> Bilingual:
    return _pair(_schema_docs()["duration_note"])


def type_docs() -> dict[str, Bilingual]:
    return {k: _pair(v) for k, v in _schema_docs()["types"].items()}


_CAT = "catalogue"
_ENUM = "enum"
CODE_LISTS: dict[tuple[str, str], tuple[str, Any]] = {
    ("social_space", "code"): (_CAT, "social_spaces"),
    ("case_statistic", "social_space_code"): (_CAT, "social_spaces"),
    ("case_file", "status"): (_CAT, "case_statuses"),
    ("status_change", "from_status"): (_CAT, "case_statuses"),
    ("status_change", "to_status"): (_CAT, "case_statuses"),
    ("status_change", "reason"): (_CAT, "end_reasons + reopen_reasons"),
    ("case_file", "end_reason"): (_CAT, "end_reasons"),
    ("case_file", "focus_areas"): (_CAT, "focus_areas"),
    ("case_file", "outcome_8a"): (_CAT, "outcomes_8a"),
    ("case_statistic", "end_reason"): (_CAT, "end_reasons"),
    ("case_statistic", "outcome_8a"): (_CAT, "outcomes_8a"),
    ("consent", "disciplines"): (_CAT, "disciplines"),
    ("participant", "discipline"): (_CAT, "disciplines"),
    ("conference_statistic", "discipline_counts"): (_CAT, "disciplines"),
    ("help", "help_type"): (_CAT, "help_types"),
    ("help", "end_reason"): (_CAT, "end_reasons"),
    ("help_statistic", "help_type"): (_CAT, "help_types"),
    ("help_statistic", "end_reason"): (_CAT, "end_reasons"),
    ("help_statistic", "age_group"): (_CAT, "age_groups"),
    ("conference", "kind"): (_CAT, "conference_kinds"),
    ("conference_statistic", "kind"): (_CAT, "conference_kinds"),
    ("app_user", "role"): (_ENUM, enums.Role),
    ("person", "role"): (_ENUM, enums.PersonRole),
    ("person", "sex"): (_ENUM, enums.Sex),
    ("help_statistic", "sex"): (_ENUM, enums.Sex),
    ("case_note", "kind"): (_ENUM, enums.NoteKind),
    ("resource", "kind"): (_ENUM, enums.ResourceKind),
    ("goal", "status"): (_ENUM, enums.GoalStatus),
    ("goal_statistic", "status"): (_ENUM, enums.GoalStatus),
}


def _type_name(table: Table | None, column: str) -> str:
    if table is None:
        return "text"
    col = table.c[column]
    if isinstance(col.type, DateTime):
        return "datetime"
    if isinstance(col.type, Date):
        return "date"
    if isinstance(col.type, Boolean):
        return "boolean"
    if isinstance(col.type, Integer):
        return "cents" if column.endswith("_cents") else "integer"
    return "text"


def _column_doc(table_name: str, table: Table | None, column: str) -> dict[str, Any]:
    de, en = field_doc(table_name, column)
    doc: dict[str, Any] = {"name": column, "type": _type_name(table, column)}
    if table is not None:
        col = table.c[column]
        doc["nullable"] = bool(col.nullable) and not col.primary_key
        for fk in col.foreign_keys:
            doc["references"] = f"{fk.column.table.name}.{fk.column.name}"
    doc["description"] = {"de": de, "en": en}
    if column == "duration_class":
        note_de, note_en = duration_note()
        doc["description"] = {"de": f"{de} {note_de}", "en": f"{en} {note_en}"}
    code = CODE_LISTS.get((table_name, column))
    if code is not None and code[0] == _CAT:
        doc["codes"] = {
            "catalogue": [f"catalogues/{name.strip()}.json" for name in code[1].split("+")]
        }
    elif code is not None:
        doc["codes"] = {"values": {member.value: member.label for member in code[1]}}
    return doc


# --------------------------------------------------------------------------- reading


def _tables(session: Session) -> list[str]:
    """Every stored table except the derived ones (search index, statistics tally), in a fixed
    (name) order."""
    names = session.execute(
        text(
            "SELECT name FROM sqlite_schema WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ).scalars()
    return [n for n in names if not n.startswith(DERIVED_PREFIXES)]


def _metadata_table(name: str) -> Table | None:
    return Base.metadata.tables.get(name)


def _columns(session: Session, name: str) -> list[str]:
    return [r[1] for r in session.execute(text(f'PRAGMA table_info("{name}")')).all()]


def _pk(session: Session, name: str) -> list[str]:
    info = session.execute(text(f'PRAGMA table_info("{name}")')).all()
    keys = sorted((r[5], r[1]) for r in info if r[5])
    return [k for _, k in keys] or ["rowid"]


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        raise SroCaseError("Binärdaten sind im Schema nicht vorgesehen.")
    return value


def _line(record: dict[str, Any]) -> bytes:
    """One JSON object on one line. U+0085/2028/2029 are escaped as well, so that every line
    splitter (not only LF-based ones) sees exactly one record per line."""
    out = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch in ("\u0085", "\u2028", "\u2029"):
        out = out.replace(ch, f"\\u{ord(ch):04x}")
    return (out + "\n").encode("utf-8")


def _rows(session: Session, name: str) -> Iterator[dict[str, Any]]:
    table = _metadata_table(name)
    cols = _columns(session, name)
    order = _pk(session, name)
    if table is not None and set(cols) == set(table.c.keys()):
        q = select(*(table.c[c] for c in cols)).order_by(*(table.c[k] for k in order))
        result = session.execute(q.execution_options(yield_per=_BATCH))
    else:  # a table the program does not map (alembic_version): values as stored
        quoted = ", ".join(f'"{c}"' for c in cols)
        keys = ", ".join(f'"{k}"' if k != "rowid" else k for k in order)
        result = session.execute(text(f'SELECT {quoted} FROM "{name}" ORDER BY {keys}'))
    for row in result:
        yield {c: _json_value(v) for c, v in zip(cols, row, strict=True)}


def _catalogue_file(name: str) -> Path:
    override = user_config_dir() / "catalogues" / f"{name}.json"
    return override if override.is_file() else resources_dir() / "catalogues" / f"{name}.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


PRIVATE_FILE = 0o600  # social data in plain text: the owner only, from the first byte on
PRIVATE_DIR = 0o700


def _write_durable(path: Path, chunks: Iterator[bytes]) -> tuple[int, str]:
    """Write to a temporary name created owner-only, fsync, rename. Returns (lines, sha256)."""
    tmp = path.with_name(f".{path.name}.tmp")
    digest = hashlib.sha256()
    lines = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        # O_EXCL: never write into a file (or through a link) someone else put there
        with os.fdopen(os.open(tmp, flags, PRIVATE_FILE), "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
                digest.update(chunk)
                lines += 1
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return lines, digest.hexdigest()


def _private_folder(out: Path) -> None:
    """Make ``out`` an owner-only folder: missing folders (parents too) are created 0700, an
    existing empty one is narrowed to 0700 before anything is written into it. The umask can
    only narrow this further."""
    missing = [p for p in (out, *out.parents) if not p.exists()]
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE_DIR)
        except FileExistsError:
            if not folder.is_dir():
                raise
        fsync_dir(folder.parent)  # the new folder's entry is durable with the files in it
    if not missing:  # chosen by the user, empty: nothing is in it yet that could be read
        with contextlib.suppress(OSError):  # not the owner, or a file system without modes
            os.chmod(out, PRIVATE_DIR)


# --------------------------------------------------------------------------- export


def export_all(store: UnitOfWork, out_dir: Path) -> ExportReport:
    """Write the whole database to ``out_dir`` (new or empty folder). Admin only; audited."""
    store.require_role("admin")
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ValidationError(
            [
                (
                    "Ordner",
                    Text(
                        "{folder} ist nicht leer. Bitte einen neuen, leeren Ordner wählen.",
                        folder=out,
                    ),
                )
            ]
        )
    _private_folder(out)
    _private_folder(out / "catalogues")
    files: dict[str, dict[str, Any]] = {}
    schema_tables = []
    with store.read() as s:  # one snapshot: every file shows the same moment
        revision = migrate.current_revision(store.engine)
        head = {
            k: v
            for k, v in s.execute(text("SELECT key, value FROM meta")).all()
            if k in (audit.HEAD_SEQ, audit.HEAD_HASH, "database_id")
        }
        for name in _tables(s):
            path = out / f"{name}.jsonl"
            rows, digest = _write_durable(path, (_line(r) for r in _rows(s, name)))
            files[name] = {"file": path.name, "rows": rows, "sha256": digest}
            table = _metadata_table(name)
            de, en = table_doc(name)
            schema_tables.append(
                {
                    "name": name,
                    "file": path.name,
                    "description": {"de": de, "en": en},
                    "primary_key": _pk(s, name),
                    "columns": [_column_doc(name, table, c) for c in _columns(s, name)],
                }
            )
    for name in CATALOGUE_NAMES:
        _write_durable(
            out / "catalogues" / f"{name}.json", iter([_catalogue_file(name).read_bytes()])
        )
    fsync_dir(out / "catalogues")
    schema = {
        "format": FORMAT,
        "version": VERSION,
        "schema_revision": revision,
        "description": {
            "de": "SRO-Fallmanagement: vollständige Datenbank als offene Daten. Eine "
            "JSON-Lines-Datei je Tabelle, ein Objekt je Zeile.",
            "en": "SRO-Fallmanagement: the complete database as open data. One JSON Lines "
            "file per table, one object per line.",
        },
        "types": {k: {"de": de, "en": en} for k, (de, en) in type_docs().items()},
        "derived_not_exported": {
            "de": "case_search (Volltextindex, FTS5) wird aus family, person und case_file "
            "neu aufgebaut; die tally_*-Tabellen (Zählwerk der Statistik) aus den Akten und "
            "den statistischen Restdaten gelöschter Fälle (case_statistic …).",
            "en": "case_search (full-text index, FTS5) is rebuilt from family, person and "
            "case_file; the tally_* tables (the statistics tally) from the case files and "
            "the statistical records of deleted cases (case_statistic …).",
        },
        "tables": schema_tables,
    }
    # atomic_write_bytes writes through tempfile.mkstemp, which creates its file 0600
    atomic_write_bytes(
        out / SCHEMA, (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    )
    atomic_write_bytes(out / README, _readme(revision).encode("utf-8"))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "software": f"SRO-Fallmanagement {__version__}",
        "created_at": store.clock.now().replace(microsecond=0).isoformat(),
        "schema_revision": revision,
        "source_database_id": head.get("database_id", ""),
        "audit_head": {
            "seq": int(head.get(audit.HEAD_SEQ, "0")),
            "hash": head.get(audit.HEAD_HASH, audit.GENESIS),
        },
        "tables": files,
        "files": {
            SCHEMA: _sha256(out / SCHEMA),
            README: _sha256(out / README),
            **{
                f"catalogues/{n}.json": _sha256(out / "catalogues" / f"{n}.json")
                for n in CATALOGUE_NAMES
            },
        },
    }
    atomic_write_bytes(
        out / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    )
    fsync_dir(out)
    counts = {name: info["rows"] for name, info in files.items()}
    try:
        with store.write() as s:
            store.audit(
                s,
                "export",
                "database",
                detail=json.dumps(
                    {"kind": "open_data", "tables": len(counts), "rows": sum(counts.values())},
                    separators=(",", ":"),
                ),
            )
    except BaseException:  # no unrecorded copy of the whole database may stay behind
        shutil.rmtree(out, ignore_errors=True)
        raise
    return ExportReport(out, counts)


def _readme(revision: str | None) -> str:
    return f"""SRO-Fallmanagement – vollständige Datenausgabe (offene Daten)
==============================================================

ACHTUNG: Diese Dateien enthalten Sozialdaten (§ 35 SGB I, § 67 SGB X) im KLARTEXT,
auch Einträge, die einer Fachkraft anvertraut wurden (§ 65 SGB VIII, Feld
case_note.entrusted = true; sie dürfen nur mit freigebender Einwilligung weitergegeben
werden). Nur auf verschlüsselten Datenträgern aufbewahren und nach der Übernahme löschen.

Aufbau
- <tabelle>.jsonl: eine Datei je Tabelle, ein JSON-Objekt je Zeile (UTF-8, Zeilenende LF),
  Zeilen nach Primärschlüssel sortiert, Schlüssel in Spaltenreihenfolge.
  Datum: JJJJ-MM-TT; Zeitpunkt: ISO 8601 in UTC ohne Zonenangabe; Wahrheitswerte:
  true/false; Geldbeträge: ganze Euro-Cent; fehlende Werte: null.
- schema.json: jede Tabelle und jedes Feld mit Bedeutung (deutsch und englisch), Typ,
  Verweisen auf andere Tabellen und Codelisten (Kataloge oder feste Werte).
- catalogues/*.json: die verwendeten Kataloge (Hilfearten, Sozialräume, …).
- manifest.json: Zeilenzahlen und SHA-256-Prüfsummen aller Dateien, Kopf der
  Protokollkette (audit_event), Schemastand {revision}.
- Der Volltextindex (case_search) und das Zählwerk der Statistik (tally_*) fehlen
  absichtlich: sie werden aus den Daten neu erzeugt.

Lesen, zum Beispiel mit Python:
    import json
    faelle = [json.loads(z) for z in open("case_file.jsonl", encoding="utf-8")]

Wieder einlesen in eine neue, leere Datenbank: sro-case import-all --db NEU.db --in ORDNER

----------------------------------------------------------------------------------------
SRO-Fallmanagement – complete data export (open data)

WARNING: these files hold social data in PLAIN TEXT, including entries entrusted to one
worker (§ 65 SGB VIII, case_note.entrusted = true). Keep them encrypted; delete them after
the migration. One JSON Lines file per table (UTF-8, LF), rows in primary-key order; dates
YYYY-MM-DD, date-times ISO 8601 UTC without zone, booleans true/false, money in euro cents,
missing values null. schema.json explains every table and field; catalogues/ holds the code
lists; manifest.json holds row counts, SHA-256 sums and the audit chain's head.
"""


# --------------------------------------------------------------------------- import


def _parse(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key not in table.c:
            raise ImportRefused(
                Text(
                    "Die Spalte {table}.{column} kennt dieses Programm nicht.",
                    table=table.name,
                    column=key,
                )
            )
        kind = table.c[key].type
        if value is None:
            out[key] = None
        elif isinstance(kind, DateTime):
            out[key] = datetime.fromisoformat(value)
        elif isinstance(kind, Date):
            out[key] = date.fromisoformat(value)
        elif isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ImportRefused(
                    Text("{table}.{column}: true/false erwartet.", table=table.name, column=key)
                )
            out[key] = value
        else:
            out[key] = value
    return out


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8", newline="\n") as fh:
        for number, line in enumerate(fh, start=1):
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise ImportRefused(
                    Text("{file}, Zeile {line}: kein gültiges JSON.", file=path.name, line=number)
                ) from exc
            if not isinstance(record, dict):
                raise ImportRefused(
                    Text("{file}, Zeile {line}: kein JSON-Objekt.", file=path.name, line=number)
                )
            yield record


def _load_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImportRefused(
            Text(
                "In {folder} fehlt eine lesbare {manifest}: die Ausgabe ist unvollständig.",
                folder=folder,
                manifest=MANIFEST,
            )
        ) from exc
    if manifest.get("format") != FORMAT or int(manifest.get("version", 0)) > VERSION:
        raise ImportRefused(
            Text("{folder} ist keine Datenausgabe dieses Programms (oder zu neu).", folder=folder)
        )
    for name, info in manifest["tables"].items():
        path = folder / info["file"]
        if not path.is_file() or _sha256(path) != info["sha256"]:
            raise ImportRefused(
                Text(
                    "Die Datei {file} fehlt oder wurde verändert (Prüfsumme stimmt nicht); "
                    "Tabelle {table} wird nicht übernommen.",
                    file=info["file"],
                    table=name,
                )
            )
    return manifest


def _check_empty(s: Session) -> None:
    busy = []
    for name in _tables(s):
        if name in _BOOTSTRAP or name == ALEMBIC:
            continue
        if s.execute(text(f'SELECT EXISTS (SELECT 1 FROM "{name}")')).scalar_one():
            busy.append(name)
    users = s.execute(text("SELECT count(*) FROM app_user")).scalar_one()
    events = s.execute(
        text(
            "SELECT count(*) FROM audit_event WHERE NOT (action = 'create' AND entity = 'database')"
            " AND action != 'bind_key'"
        )
    ).scalar_one()
    if busy or users > 1 or events:
        raise ImportRefused(
            Text(
                "Die Zieldatenbank ist nicht leer ({tables}). Importiert wird nur in eine neu "
                "angelegte Datenbank.",
                tables=", ".join(busy),
            )
            if busy
            else Text(
                "Die Zieldatenbank ist nicht leer. Importiert wird nur in eine neu angelegte "
                "Datenbank."
            )
        )


def import_all(store: UnitOfWork, in_dir: Path) -> ImportReport:
    """Load an ``export_all`` folder into this empty database. Admin only; all or nothing."""
    store.require_role("admin")
    folder = Path(in_dir)
    manifest = _load_manifest(folder)
    revision = migrate.current_revision(store.engine)
    if manifest.get("schema_revision") != revision:
        raise ImportRefused(
            Text(
                "Die Ausgabe hat den Schemastand {theirs}, diese Datenbank {ours}. Bitte mit der "
                "passenden Programmversion importieren.",
                theirs=str(manifest.get("schema_revision")),
                ours=str(revision),
            )
        )
    tables = manifest["tables"]
    counts: dict[str, int] = {}
    with store.write() as s:
        _check_empty(s)
        present = _tables(s)
        missing = [n for n in present if n not in tables]
        unknown = [
            n for n in tables if n not in present or (n != ALEMBIC and _metadata_table(n) is None)
        ]
        if missing or unknown:
            raise ImportRefused(
                Text(
                    "Die Tabellen passen nicht zum Schema: {tables}",
                    tables=joined(
                        [
                            *(Text("fehlt {table}", table=n) for n in missing),
                            *(Text("unbekannt {table}", table=n) for n in unknown),
                        ],
                        ", ",
                    ),
                )
            )
        own_identity = {
            k: v
            for k, v in s.execute(text("SELECT key, value FROM meta")).all()
            if k in FILE_IDENTITY
        }
        for name in reversed(_BOOTSTRAP):
            s.execute(text(f'DELETE FROM "{name}"'))
        version_rows = list(_read_jsonl(folder / tables[ALEMBIC]["file"]))
        if version_rows != [{"version_num": revision}]:
            raise ImportRefused("alembic_version.jsonl passt nicht zum Schemastand.")
        counts[ALEMBIC] = 1
        for table in Base.metadata.sorted_tables:
            info = tables[table.name]
            batch: list[dict[str, Any]] = []
            read = inserted = 0
            for row in _read_jsonl(folder / info["file"]):
                read += 1
                if table.name == "meta" and row.get("key") in FILE_IDENTITY:
                    continue  # this file keeps its own identity (it matches its key file)
                batch.append(_parse(table, row))
                inserted += 1
                if len(batch) >= _BATCH:
                    s.execute(insert(table), batch)
                    batch = []
            if batch:
                s.execute(insert(table), batch)
            if read != info["rows"]:
                raise ImportRefused(
                    Text(
                        "{file}: {actual} Zeilen statt {expected}.",
                        file=info["file"],
                        actual=read,
                        expected=info["rows"],
                    )
                )
            counts[table.name] = inserted
        for key, value in own_identity.items():
            s.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v)"), {"k": key, "v": value})
        broken = s.execute(text("PRAGMA foreign_key_check")).all()
        if broken:
            raise ImportRefused(Text("Verweise ins Leere, z. B. {example}.", example=broken[0]))
        for case_id in s.execute(text("SELECT id FROM case_file ORDER BY id")).scalars().all():
            search_index.reindex_case(s, case_id)
        # the triggers counted the live cases while they were inserted; deleted ones from here
        record_deleted_cases(s.connection())
        events, problems = audit.verify(s)
        head = manifest.get("audit_head", {})
        last = s.execute(
            text("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
        ).first()
        if problems or (
            last is not None and (last[0], last[1]) != (head.get("seq"), head.get("hash"))
        ):
            raise ImportRefused(
                Text(
                    "Die Protokollkette der Ausgabe ist nicht unversehrt: {problems}",
                    problems=joined(problems, "; ")
                    if problems
                    else Text("der letzte Eintrag passt nicht zum Manifest."),
                )
            )
        _take_over_keys(store, s)
        store.audit(
            s,
            "import",
            "database",
            detail=json.dumps(
                {
                    "kind": "open_data",
                    "source": manifest.get("source_database_id", ""),
                    "rows": sum(counts.values()),
                },
                separators=(",", ":"),
            ),
        )
    return ImportReport(counts, events)


def _take_over_keys(store: UnitOfWork, s: Session) -> None:
    """The imported users and log came from another database with other key pairs: register
    this database's own keys (its key file's valid slots), and bind the importing admin's key
    anew in the log, under this database's root. The ``import`` entry then pins the imported
    entries before it (``audit.verify``); § 65 entries stay sealed to their old readers."""
    identity = store.identity
    if identity is None or identity.authority is None:
        return
    from sro_case.storage.keyfile import RECOVERY, Identity, KeyFile
    from sro_case.storage.keypairs import KeyPair, b64

    valid = KeyFile.load(KeyFile.path_for(store.path)).valid_slots(identity.root)
    s.execute(text("UPDATE app_user SET sign_key = ''"))
    for (kind, label), slot in valid.items():
        if kind != RECOVERY and slot.keys is not None:
            s.execute(
                text("UPDATE app_user SET sign_key = :k WHERE login = :l"),
                {"k": b64(slot.keys.sign), "l": label},
            )
    root = Identity(
        RECOVERY,
        RECOVERY_LOGIN,
        "admin",
        KeyPair(identity.pair.box_private, identity.authority),
        identity.root,
        identity.authority,
    )
    for (kind, label), slot in valid.items():
        if kind != RECOVERY and slot.keys is not None:
            audit.append(
                s,
                at=store.clock.now(),
                actor=RECOVERY_LOGIN,
                action=audit.BIND,
                entity="key_slot",
                detail=audit.bind_detail(label, slot.role, slot.keys.sign),
                signer=root,
            )


class OpenDataService:
    """``store.open_data``: the two functions above bound to one store."""

    def __init__(self, store: UnitOfWork) -> None:
        self._store = store

    def export_all(self, out_dir: Path) -> ExportReport:
        return export_all(self._store, out_dir)

    def import_all(self, in_dir: Path) -> ImportReport:
        return import_all(self._store, in_dir)
