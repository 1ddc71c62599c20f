"""Upgrades start from databases that earlier releases made themselves (#16): for each schema
revision that shipped, ``tests/releases/<revision>/`` holds a small encrypted database with its
key file, created by *that release's own code* (``tools/make_release_databases.py`` checks the
release out of git and runs it), and a manifest of what it holds. Today's program opens each
one with the passphrase and with the recovery key, upgrades it to the newest revision (after a
backup), and finds every case, by list and by search, with an intact audit log.

The passphrase and recovery key in the manifests belong to these synthetic test files only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sro_case.domain.models import CaseFilter
from sro_case.storage import migrate
from sro_case.store import unlock

RELEASES = Path(__file__).resolve().parent / "releases"
REVISIONS = sorted(p.name for p in RELEASES.iterdir() if (p / "manifest.json").is_file())


def test_every_shipped_revision_has_a_release_database() -> None:
    """0003 had no working release (its only commit did not run); every other revision below
    the newest has one."""
    heads = sorted(
        p.stem.split("_")[0] for p in (RELEASES.parent.parent / "db" / "versions").glob("0*.py")
    )
    shipped = [r for r in heads[1:-1] if r != "0003"]  # 0001 shipped together with 0002
    assert shipped == REVISIONS


@pytest.mark.parametrize("revision", REVISIONS)
def test_release_database_upgrades_with_everything_in_it(tmp_path: Path, revision: str) -> None:
    manifest = json.loads((RELEASES / revision / "manifest.json").read_text("utf-8"))
    for f in (RELEASES / revision).iterdir():
        shutil.copy2(f, tmp_path / f.name)
    db = tmp_path / "fallakten.db"
    store = unlock(db, manifest["passphrase"])
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        cases = store.cases.list(CaseFilter(), limit=None)
        assert sorted(c.file_number for c in cases) == manifest["file_numbers"]
        for family in manifest["families"]:
            surname = family.removeprefix("Familie ")
            found = store.cases.list(CaseFilter(search=surname))
            assert any(c.family_name == family for c in found), (revision, family)
        report = store.audit_log.verify()
        assert report.ok, report.problems
    finally:
        store.close()
    backups = list(tmp_path.rglob("*.db")) + list(tmp_path.rglob("*.sro-backup"))
    assert len(backups) >= 2, "the release's file was backed up before the upgrade"
    again = unlock(db, recovery_key=manifest["recovery_key"])  # the old recovery key still opens it
    try:
        assert len(again.cases.list(CaseFilter(), limit=None)) == len(manifest["file_numbers"])
    finally:
        again.close()
