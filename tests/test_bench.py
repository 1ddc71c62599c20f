"""``make bench`` end to end on a small database, so that the benchmark cannot rot unnoticed.
Timings are not checked here (they belong to the benchmark), only that every metric, ratio
and target verdict the README reports is produced."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

METRICS = {
    "kdf", "unlock", "case_list_first_page", "search", "search_fts", "search_phonetic",
    "open_case", "save_conference", "export_stats", "export_raw_sql", "protocol_pdf", "backup",
    "gui_start_to_unlock_dialog", "gui_bare_qt_window", "gui_case_list_100k", "gui_search_100k",
    "gui_rss_mb", "demo_generate_s", "machine_python_ms", "machine_sqlite_ms",
    "export_stats_year_with_quarters",
}  # fmt: skip
RATIOS = {"export_vs_raw_sql", "search_vs_plain_sqlite", "gui_start_vs_bare_qt"}


@pytest.mark.gui
def test_bench_runs_and_reports_every_metric(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = {
        **os.environ,
        "BENCH_CASES": "150",
        "BENCH_RUNS": "3",
        # the team server's section in small: its own test is that it runs (the full load, 50
        # clients at office pace, is minutes of waiting and belongs to ``make bench``)
        "BENCH_TEAM_CLIENTS": "1,3",
        "BENCH_TEAM_ROUNDS": "2",
        "BENCH_TEAM_CLIENT_ROUNDS": "2",
        "BENCH_TEAM_THINK_S": "0.2",
        "BENCH_TEAM_PAIRS": "4",
        "BENCH_CACHE": str(tmp_path / "cache"),
        "BENCH_OUT": str(out),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bench"], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["cases"] == 150
    assert set(result["metrics"]) >= METRICS, METRICS - set(result["metrics"])
    assert all(result["metrics"][m] > 0 for m in METRICS)
    assert set(result["ratios"]) >= RATIOS and all(v > 0 for v in result["ratios"].values())
    assert {"cpus", "sqlite", "sqlcipher", "pyside6", "commit"} <= set(result["environment"])
    assert result["notes"]["gui_list_total"] == 150  # the client really showed the list
    assert result["notes"]["search_phonetic_hits"] > 0
    assert {"machine_python_ms_start", "machine_sqlite_ms_end"} <= set(result["notes"])
    assert {"unlock", "search", "export_vs_raw_sql", "gui_rss_mb"} <= set(result["targets"])
    team = {f"team_{kind}_3_p95" for kind in ("first_page", "search", "open_case")}
    team |= {f"team_client_{kind}_3_p95" for kind in ("first_page", "search", "open_case")}
    assert team <= set(result["metrics"]), team - set(result["metrics"])  # the server, the client
    assert "team_open_case_server_vs_direct_sql" in result["ratios"]
    # server and direct SQL measured in pairs, and the audit chain left as the server wrote it
    assert len(result["samples"]["team_direct_open_case"]) == 4
    assert result["metrics"]["team_direct_open_case"] > 0
    assert result["notes"]["team_audit_chain_verified"] is True
    assert "Geschrieben" in done.stdout
    assert list((tmp_path / "cache").glob("demo-150-*.sqlite"))  # built where it was told
    assert not list((ROOT / ".bench-cache").glob("demo-150-*"))
