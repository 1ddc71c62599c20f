"""Makes the small databases of earlier releases that the upgrade test starts from
(``tests/releases/<revision>/``; ``tests/test_release_upgrades.py``).

For each schema revision that shipped, the release that last had it as its newest revision is
checked out into a temporary git worktree and *its own code* creates an encrypted database with
a few fictitious cases (its demo generator, or one case by hand where it had none). The files
and a manifest of what they hold (file numbers, family names, revision) are copied here.

    python tools/make_release_databases.py [REVISION …]   # needs the git history of this repository

Run once per new revision that ships; the files are synthetic (no real person's data).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "releases"
PASSPHRASE = "Release-Datenbank 2026 Rostock"
# revision -> the last commit whose newest revision it was (the parent of the next revision's
# first commit)
RELEASES = {
    "0002": "bd6f00f",
    "0003": "4a932ce",
    "0004": "fa9214b",
    "0005": "9398839",
    "0006": "496ee16",
    "0007": "485b07f",
    "0008": "f240b5c",
    "0009": "9aee914",
    "0010": "d5303e2",
    "0011": "2c82c30",
}

MAKE = r"""
import json, sys, inspect
from pathlib import Path
from datetime import date
sys.path.insert(0, sys.argv[1])
try:  # the core split by feature (#16): the composition root opens the store
    from sro_case.store import create_database
except ImportError:  # earlier releases: the vault did
    from sro_case.services.vault import create_database
out = Path(sys.argv[2]); passphrase = sys.argv[3]
kwargs = {}
if "kdf" in inspect.signature(create_database).parameters:
    from sro_case.storage.keyfile import KdfParams
    kwargs["kdf"] = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
created = create_database(out / "fallakten.db", passphrase, **kwargs)
store = created.store
try:
    try:
        from sro_case.demo import generate
    except ImportError:
        from sro_case.services.demo import generate
    generate(store, 6, seed=3)
except ImportError:
    from sro_case.domain import models as m
    store.cases.create(m.CaseDraft("51.2-2026-000001", m.FamilyDraft("Familie Meier", "toitenwinkel"),
        (m.PersonDraft("Jördis", "Meier", date(2016, 4, 1), "female", "child"),),
        lead_worker="admin", opened_on=date(2026, 1, 5)))
cases = store.cases.list()
manifest = {
    "file_numbers": sorted(c.file_number for c in cases),
    "families": sorted(c.family_name for c in cases) if hasattr(cases[0], "family_name") else [],
    "recovery_key": created.recovery_key,
}
store.close()
(out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
"""


def main(only: list[str]) -> int:
    python = sys.executable
    for revision, commit in RELEASES.items():
        if only and revision not in only:
            continue
        target = OUT / revision
        with tempfile.TemporaryDirectory() as tmp:
            tree = Path(tmp) / "tree"
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(tree), commit],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            try:
                made = Path(tmp) / "made"
                made.mkdir()
                run = subprocess.run(
                    [python, "-c", MAKE, str(tree), str(made), PASSPHRASE],
                    capture_output=True,
                    text=True,
                    env={"PYTHONPATH": str(tree), "HOME": tmp, "PATH": "/usr/bin:/bin"},
                )
                if run.returncode != 0:  # a release whose code does not run never shipped
                    print(f"{revision} ({commit}) skipped: {run.stderr.strip().splitlines()[-1]}")
                    continue
                if target.exists():
                    shutil.rmtree(target)
                target.mkdir(parents=True)
                for f in made.iterdir():
                    if f.is_file() and not f.name.endswith(("-wal", "-shm", ".lock")):
                        shutil.copy2(f, target / f.name)
                manifest = json.loads((target / "manifest.json").read_text("utf-8"))
                manifest.update({"revision": revision, "commit": commit, "passphrase": PASSPHRASE})
                (target / "manifest.json").write_text(
                    json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8"
                )
                print(revision, commit, sorted(p.name for p in target.iterdir()))
            finally:
                subprocess.run(
                    ["git", "worktree", "remove", "--force", str(tree)],
                    cwd=ROOT,
                    capture_output=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
