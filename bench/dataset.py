"""The benchmark database: built once through the demo generator, cached by fingerprint.

The cache key covers everything that shapes the data (the generator, its names, the
catalogues, the migrations, the number of cases and the seed), so a change to any of them
builds a new database instead of measuring a stale one. Beside it lies an unencrypted copy of
the same data (``sqlcipher_export``) for the plain-SQLite comparisons.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from sro_case import demo
from sro_case import store as store_module
from sro_case.accounts.vault import database_key
from sro_case.paths import migrations_dir, resources_dir
from sro_case.storage import keyfile
from sro_case.storage.engine import connect_raw
from sro_case.storage.keyfile import KeyFile

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("BENCH_CACHE", ROOT / ".bench-cache"))
# Synthetic data only; the passphrase protects nothing worth a secret.
PASSPHRASE = "Benchmark-Passphrase 2026 (nur Testdaten)"
SEED = 1


@dataclass(frozen=True)
class Dataset:
    path: Path  # encrypted, with its key file beside it
    plain: Path  # the same data without encryption
    cases: int
    generate_s: float  # how long the demo generator took for it
    cached: bool


def fingerprint(cases: int) -> str:
    h = hashlib.sha256(f"{cases}/{SEED}".encode())
    sources = sorted(Path(demo.__file__).parent.glob("*.py"))  # the package, every part
    sources += [resources_dir() / "demo" / "names.json"]
    sources += sorted((resources_dir() / "catalogues").glob("*.json"))
    sources += sorted((migrations_dir() / "versions").glob("*.py"))
    sources += [Path(keyfile.__file__)]  # the key file's format
    for src in sources:
        h.update(src.name.encode())
        h.update(src.read_bytes())
    return h.hexdigest()[:12]


def _build(path: Path, cases: int) -> float:
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    created = store_module.create_database(path, PASSPHRASE)
    with created.store as store:
        started = time.perf_counter()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last[0] > 5 or done == total:
                last[0] = now
                print(f"    {done:>7} von {total} Fällen ({now - started:.0f} s)", flush=True)

        demo.generate(store, cases, seed=SEED, progress=progress)
        seconds = time.perf_counter() - started
    return seconds


def _export_plain(path: Path, plain: Path) -> None:
    """An unencrypted copy through SQLCipher's own ``sqlcipher_export``."""
    with store_module.unlock(path, PASSPHRASE, lock=False) as store:
        key = database_key(store)
    tmp = plain.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = connect_raw(path, key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(tmp),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    check = sqlcipher3.connect(str(tmp))
    try:
        check.execute("SELECT count(*) FROM case_file").fetchone()  # readable without a key
    finally:
        check.close()
    os.replace(tmp, plain)


def prepare(cases: int) -> Dataset:
    CACHE.mkdir(exist_ok=True)
    stem = f"demo-{cases}-{fingerprint(cases)}"
    path, plain, meta = (
        CACHE / f"{stem}.sqlite",
        CACHE / f"{stem}-plain.sqlite",
        CACHE / f"{stem}.json",
    )
    cached = path.is_file() and meta.is_file()
    if cached:
        generate_s = float(json.loads(meta.read_text())["generate_s"])
        print(f"  Datenbank aus dem Zwischenspeicher: {path.name}")
    else:
        for old in CACHE.glob(f"demo-{cases}-*"):
            old.unlink()
        print(f"  Erzeuge {cases} Demofälle über den Demogenerator …", flush=True)
        generate_s = _build(path, cases)
        meta.write_text(json.dumps({"cases": cases, "generate_s": generate_s}))
    if not plain.is_file():
        print("  Unverschlüsselte Vergleichskopie …", flush=True)
        _export_plain(path, plain)
    return Dataset(path, plain, cases, generate_s, cached)


def working_copy(data: Dataset, folder: Path) -> Path:
    """A copy to measure on (saving conferences and backups change the database)."""
    target = folder / "bench.sqlite"
    shutil.copyfile(data.path, target)
    shutil.copyfile(KeyFile.path_for(data.path), KeyFile.path_for(target))
    return target
