"""``make bench`` (``python -m bench``): BENCH_CASES cases (default 100,000), BENCH_RUNS runs per
measurement (default 7). Prints a table and writes ``bench-results.json`` (BENCH_OUT: elsewhere;
BENCH_CACHE: another folder for the generated databases)."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import core, dataset, gui, machine, team
from bench.timing import Results

# name -> (limit, unit, description); "unlock" is checked against kdf + 50 ms
TARGETS: dict[str, tuple[float, str]] = {
    "case_list_first_page": (30, "ms"),
    "search": (30, "ms"),
    "open_case": (30, "ms"),
    "open_case_entrusted_extra": (10, "ms"),
    "save_conference": (50, "ms"),
    "export_stats": (2000, "ms"),
    "export_vs_raw_sql": (2, "×"),
    "protocol_pdf": (300, "ms"),
    "gui_start_vs_bare_qt": (1.5, "×"),
    "gui_rss_mb": (250, "MB"),
    "demo_generate_s": (120, "s"),
    # the team server (#17), 50 simulated clients on loopback
    "team_first_page_50_p95": (100, "ms"),
    "team_search_50_p95": (100, "ms"),
    "team_open_case_50_p95": (100, "ms"),
    # the desktop client among them (#18): from the action to the painted rows or file
    "team_client_first_page_50_p95": (150, "ms"),
    "team_client_search_50_p95": (150, "ms"),
    "team_client_open_case_50_p95": (150, "ms"),
    "team_first_page_server_vs_direct_sql": (2, "×"),
    "team_search_server_vs_direct_sql": (2, "×"),
    "team_open_case_server_vs_direct_sql": (2, "×"),
}


def _environment() -> dict[str, Any]:
    import PySide6
    import sqlalchemy
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        sqlite_version = conn.execute("SELECT sqlite_version()").fetchone()[0]
        cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        conn.close()
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kib = 0
    with open("/proc/meminfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=dataset.ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "commit": commit,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gib": round(mem_kib / 2**20, 1),
        "sqlite": sqlite_version,
        "sqlcipher": cipher,
        "pyside6": PySide6.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def verdicts(res: Results) -> dict[str, dict[str, Any]]:
    values = {**res.metrics, **res.ratios}
    out: dict[str, dict[str, Any]] = {}
    if "unlock" in values and "kdf" in values:
        limit = values["kdf"] + 50
        out["unlock"] = {
            "value": values["unlock"],
            "target": round(limit, 1),
            "unit": "ms",
            "met": values["unlock"] <= limit,
        }
    for name, (limit, unit) in TARGETS.items():
        if name in values:
            out[name] = {
                "value": values[name],
                "target": limit,
                "unit": unit,
                "met": values[name] <= limit,
            }
    return out


def main() -> int:
    cases = int(os.environ.get("BENCH_CASES", "100000"))
    runs = max(3, int(os.environ.get("BENCH_RUNS", "7")))
    started = time.perf_counter()
    print(f"SRO-Fallmanagement Benchmark: {cases} Fälle, {runs} Läufe je Messung", flush=True)
    res = Results()
    print("Maschine (feste Vergleichslast):", flush=True)
    machine.measure(res, "start")
    data = dataset.prepare(cases)
    res.metrics["demo_generate_s"] = round(data.generate_s, 1)
    res.notes["demo_cached"] = data.cached
    with tempfile.TemporaryDirectory(prefix="sro-bench-") as tmp:
        db = dataset.working_copy(data, Path(tmp))
        print("Dienste (verschlüsselte Datenbank):", flush=True)
        core.measure(data, db, runs, res)
        if os.environ.get("BENCH_TEAM", "1") != "0":
            print("Teamserver (PostgreSQL, 1/10/50 Clients):", flush=True)
            team.measure(data, db, res)
        print("Oberfläche (jeweils neuer Prozess):", flush=True)
        gui.measure(db, runs, res)
    print("Maschine (feste Vergleichslast, am Ende):", flush=True)
    machine.measure(res, "end")
    checked = verdicts(res)
    print()
    print(f"{'Messung':<30} {'Wert':>10} {'Ziel':>10}  erfüllt")
    for name, v in checked.items():
        mark = "ja" if v["met"] else "NEIN"
        print(f"{name:<30} {v['value']:>10.2f} {v['target']:>8} {v['unit']:<2} {mark}")
    for name, value in res.ratios.items():
        if name not in checked:
            print(f"{name:<30} {value:>10.2f}")
    out = {
        "cases": cases,
        "metrics": res.metrics,
        "ratios": res.ratios,
        "targets": checked,
        "environment": {
            **_environment(),
            "runs": runs,
            "seconds": round(time.perf_counter() - started, 1),
        },
        "notes": res.notes,
        "samples": res.samples,
    }
    target = Path(os.environ.get("BENCH_OUT", dataset.ROOT / "bench-results.json"))
    target.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nGeschrieben: {target}")
    return 0
