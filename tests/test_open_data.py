"""Open data: export → import into a fresh database → export again gives the same files; the
database opens with nothing but sqlcipher3, argon2 and cryptography, as docs/OPEN_DATABASE.md
shows."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from sro_case.clock import FixedClock
from sro_case.domain import models as m
from sro_case.domain.models import CaseFilter
from sro_case.errors import PermissionDenied
from sro_case.open_data.service import ImportRefused, export_all, import_all
from sro_case.retention.service import RetentionService
from sro_case.storage.orm import Base
from sro_case.store import Store, create_database
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.test_retention import _rich_case, make_case

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "Zeile 1\r\nZeile 2\u2028Absatz\u2029Ende «مريم» 🌼 \u200f'; DROP TABLE x; --"


def _fill(store: Store, clock: FixedClock) -> int:
    """A database with something in every table, deleted cases included."""
    store.users.add(m.UserDraft("fk.nord", "Fachkraft Nord", "caseworker"))
    store.catalog.set_budget("toitenwinkel", 2026, 12_345_678)
    ids = [_rich_case(store, f"O-{i}", n) for i, n in enumerate(["Özdemir", "Weiß", "Nguyen"])]
    cid, pids = make_case(store, "O-9", (("Lena", date(2015, 3, 1), "child"),), surname="Øster")
    store.cases.add_note(cid, m.NoteDraft(date(2026, 3, 2), "other", HOSTILE, participants="Ö"))
    store.cases.add_note(
        cid, m.NoteDraft(date(2026, 3, 3), "counselling", "Anvertraut.", entrusted=True)
    )
    store.cases.add_consent(
        cid, m.ConsentDraft(pids[0], ("schule",), date(2026, 3, 1), data_scope=HOSTILE)
    )
    store.cases.add_resource(cid, m.ResourceDraft("social_space", "Sportverein"))
    goal = store.conferences.add_goal(
        cid, m.GoalDraft("Ziel", steps=(m.StepDraft("Lena", "üben", date(2026, 4, 1)),))
    )
    store.conferences.set_step_done(goal.steps[0].id)
    store.cases.get(cid)
    clock.current = datetime(2115, 1, 1, 9, 0)  # delete two of the three rich cases
    RetentionService(store).apply(ids[:2], confirm=True)
    clock.current = datetime(2115, 1, 2, 9, 0, 0, 123456)
    return cid


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.jsonl"))}


def test_export_import_export_gives_the_same_data(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    live_case = _fill(store, clock)
    first = export_all(store, tmp_path / "a")
    assert first.tables["case_statistic"] == 2 and first.tables["case_file"] == 2
    assert "case_search" not in first.tables and "tally_help" not in first.tables
    with pytest.raises(ImportRefused, match="nicht leer"):
        import_all(store, tmp_path / "a")
    target = create_database(tmp_path / "neu" / "b.db", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    with target.store as fresh:
        report = import_all(fresh, tmp_path / "a")
        assert report.rows == first.rows - 1  # the file's own database_id is kept
        export_all(fresh, tmp_path / "b")
        # the imported database works like the original: search index, reads, audit chain
        hits = fresh.cases.list(CaseFilter(search="Øster"))
        assert [h.id for h in hits] == [live_case]
        assert fresh.cases.get(live_case).notes[0].text == store.cases.get(live_case).notes[0].text
        check = fresh.maintenance.check()
        assert check.ok, check
        # the statistics tally is rebuilt: live cases by the triggers, deleted ones after them
        period = (date(2026, 1, 1), date(2026, 12, 31))
        assert fresh.statistics.build(*period).tables == store.statistics.build(*period).tables
        assert fresh.statistics.build(*period).tables == (
            fresh.statistics.reference_build(*period).tables
        )
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() == b.keys()
    for name in a:
        if name not in ("audit_event.jsonl", "meta.jsonl", "app_user.jsonl"):
            assert a[name] == b[name], name
    # the users are the same; the keys registered are this file's own (its key file's slots)
    users_a = [json.loads(r) for r in a["app_user.jsonl"].splitlines()]
    users_b = [json.loads(r) for r in b["app_user.jsonl"].splitlines()]
    assert [{**u, "sign_key": ""} for u in users_a] == [{**u, "sign_key": ""} for u in users_b]
    # the audit log is the same, plus the new file's admin key bound under its own root and
    # exactly one entry that records the import
    assert b["audit_event.jsonl"].startswith(a["audit_event.jsonl"])
    extra = b["audit_event.jsonl"][len(a["audit_event.jsonl"]) :].decode().splitlines()
    assert [json.loads(e)["action"] for e in extra] == ["bind_key", "import"]
    meta_a = {r["key"]: r["value"] for r in map(json.loads, a["meta.jsonl"].splitlines())}
    meta_b = {r["key"]: r["value"] for r in map(json.loads, b["meta.jsonl"].splitlines())}
    assert meta_a.keys() == meta_b.keys()
    assert meta_a["database_id"] != meta_b["database_id"]  # each file keeps its identity
    assert int(meta_b["audit_head_seq"]) == int(meta_a["audit_head_seq"]) + 2
    for other in ("schema.json", "README.txt"):
        assert (tmp_path / "a" / other).read_bytes() == (tmp_path / "b" / other).read_bytes()
    # the format the README promises: one object per line, even with U+2028 in the text
    notes = [json.loads(line) for line in a["case_note.jsonl"].decode().split("\n") if line]
    assert any(n["text"] == HOSTILE.replace("\r\n", "\n") for n in notes)
    assert len(a["case_note.jsonl"].decode().splitlines()) == len(notes)
    entrusted = [n for n in notes if n["entrusted"] is True]
    assert entrusted, "§ 65 entries stay in a migration export, flagged"
    helps = [json.loads(x) for x in a["help.jsonl"].splitlines()]
    assert helps[0]["start_on"] == "2026-02-01" and helps[0]["monthly_cost_cents"] == 240_000
    users = [json.loads(x) for x in a["app_user.jsonl"].splitlines()]
    assert users[0]["created_at"].startswith("2026-11-25T10:00:00")


def test_import_refuses_altered_exports_and_changes_nothing(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    _fill(store, clock)
    export_all(store, tmp_path / "a")
    target = create_database(tmp_path / "t.db", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    with target.store as fresh:

        def snapshot() -> list[tuple[str, int]]:
            with fresh.read() as s:
                names = (
                    s.execute(
                        text("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name")
                    )
                    .scalars()
                    .all()
                )
                return [
                    (n, s.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one()) for n in names
                ]

        before = snapshot()
        folder = tmp_path / "a"
        events = folder / "audit_event.jsonl"
        original = events.read_bytes()
        events.write_bytes(original.replace(b'"actor":"admin"', b'"actor":"niemand"', 1))
        with pytest.raises(ImportRefused, match="Prüfsumme"):
            import_all(fresh, folder)
        # also fix the manifest's checksum: then the hash chain still gives it away
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        import hashlib

        manifest["tables"]["audit_event"]["sha256"] = hashlib.sha256(
            events.read_bytes()
        ).hexdigest()
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        with pytest.raises(ImportRefused, match="Protokollkette"):
            import_all(fresh, folder)
        (folder / "manifest.json").unlink()
        with pytest.raises(ImportRefused, match="unvollständig"):
            import_all(fresh, folder)
        assert snapshot() == before
        clerk = Store(fresh.path, fresh.engine, actor="x", role="caseworker", clock=clock)
        with pytest.raises(PermissionDenied):
            export_all(clerk, tmp_path / "c")


def test_schema_explains_every_table_and_field(store: Store, tmp_path: Path) -> None:
    export_all(store, tmp_path / "a")
    schema = json.loads((tmp_path / "a" / "schema.json").read_text(encoding="utf-8"))
    documented = {t["name"]: t for t in schema["tables"]}
    assert set(Base.metadata.tables) | {"alembic_version"} == set(documented)
    for table in schema["tables"]:
        assert table["description"]["de"] and table["description"]["en"], table["name"]
        for col in table["columns"]:
            where = f"{table['name']}.{col['name']}"
            assert col["description"]["de"] and col["description"]["en"], where
            assert col["type"] in schema["types"], where
            for file in col.get("codes", {}).get("catalogue", []):
                assert (tmp_path / "a" / file).is_file(), where
    sexes = next(c for c in documented["person"]["columns"] if c["name"] == "sex")
    assert sexes["codes"]["values"]["female"] == "weiblich"
    cost = next(c for c in documented["help"]["columns"] if c["name"] == "monthly_cost_cents")
    assert cost["type"] == "cents"


def test_database_opens_without_this_application(created, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store: Store = created.store
    make_case(store, "51.2-2026-000042", (("Jördis", date(2016, 4, 1), "child"),))
    db = str(store.path)
    store.close()
    doc = (ROOT / "docs" / "OPEN_DATABASE.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", doc, re.S).group(1)  # type: ignore[union-attr]
    code = re.sub(r'^DATABASE = ".*"', f"DATABASE = {db!r}", code, flags=re.M)
    code = re.sub(
        r'^RECOVERY_KEY = ".*"', f"RECOVERY_KEY = {created.recovery_key!r}", code, flags=re.M
    )
    code += "\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith('sro_case')))\n"
    imports = set(re.findall(r"^(?:from|import) (\w+)", code, re.M))
    assert imports <= {"base64", "json", "sqlcipher3", "argon2", "cryptography", "sys"}
    result = subprocess.run(
        [sys.executable, "-I", "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "[]", "nothing of this application was imported"
    assert "('51.2-2026-000042', '2026-01-05', 'eingang')" in lines


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_export_is_private_even_with_a_permissive_umask(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    """Social data in plain text: every file the export writes is 0600 from its creation on,
    every folder it creates (parents included) 0700, and an empty folder chosen for it is
    narrowed to 0700 before anything goes in."""
    import os
    import stat

    _fill(store, clock)
    chosen = tmp_path / "gewaehlt"
    chosen.mkdir(mode=0o755)
    created: list[int] = []
    real_open = os.open

    def spy(path, flags, mode=0o777, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & os.O_CREAT:
            created.append(mode)
        return real_open(path, flags, mode, *args, **kwargs)

    old = os.umask(0o022)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(os, "open", spy)
            export_all(store, tmp_path / "neu" / "tief" / "a")
        export_all(store, chosen)
    finally:
        os.umask(old)
    assert created and all(mode & 0o077 == 0 for mode in created), [oct(m) for m in created]
    for top, folders in ((tmp_path / "neu", ("neu", "tief", "a")), (chosen, ("gewaehlt",))):
        seen_files = seen_dirs = 0
        for path in [top, *top.rglob("*")]:
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if path.is_dir():
                assert mode == 0o700, (path, oct(mode))
                seen_dirs += 1
            else:
                assert mode == 0o600, (path, oct(mode))
                seen_files += 1
        assert seen_dirs == len(folders) + 1  # … and catalogues/
        assert seen_files >= len(Base.metadata.tables) + 3  # tables, schema, README, manifest
    assert sorted(p.name for p in chosen.glob("*.jsonl")) == sorted(
        p.name for p in (tmp_path / "neu" / "tief" / "a").glob("*.jsonl")
    )
    assert not list(tmp_path.rglob("*.tmp"))
