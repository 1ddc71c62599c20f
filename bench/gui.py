"""The client's measurements, each in a fresh process (as a user starts it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.dataset import PASSPHRASE, ROOT
from bench.timing import Results


def _probe(
    args: list[str], env: dict[str, str], timeout: float = 300
) -> tuple[float, dict[str, Any]]:
    """Wall time from starting the process to its first output line, and that line."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.gui_probe", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = (time.perf_counter() - started) * 1000
        proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not line:
        raise RuntimeError(f"GUI-Messung {args[0]} ohne Ergebnis: {proc.stderr.read()[-6000:]}")
    return elapsed, json.loads(line)


def measure(db: Path, runs: int, res: Results) -> None:
    with tempfile.TemporaryDirectory() as config:
        # Compiled bytecode as on an installed PC (the bundle ships it, Python writes it on the
        # first start): with PYTHONDONTWRITEBYTECODE inherited (this machine and CI set it),
        # every start compiled the client's modules again (+12 ms, ratio 1.46 instead of 1.35).
        # The warm-up runs below write it.
        inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = {
            **inherited,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": config,  # the client's settings stay out of the user's
            "SRO_CASE_PASSPHRASE": PASSPHRASE,
            "PYTHONPATH": str(ROOT),
        }
        _probe(["bare"], env)  # warm the OS file cache for both
        _probe(["start", str(db)], env)
        bare, start = [], []
        for _ in range(runs):
            bare.append(_probe(["bare"], env)[0])
            start.append(_probe(["start", str(db)], env)[0])
        res.record("gui_bare_qt_window", bare)
        res.record("gui_start_to_unlock_dialog", start)
        res.ratios["gui_start_vs_bare_qt"] = round(
            res.metrics["gui_start_to_unlock_dialog"] / res.metrics["gui_bare_qt_window"], 2
        )
        lists, searches, rss = [], [], []
        for _ in range(max(3, runs // 2)):
            _, out = _probe(["list", str(db)], env)
            lists.append(out["gui_case_list_100k"])
            searches.append(out["gui_search_100k"])
            rss.append(out["gui_rss_mb"])
            res.notes["gui_list_rows_shown"] = out["rows_shown"]
            res.notes["gui_list_total"] = out["total"]
            res.notes["gui_search_total"] = out["search_total"]
        res.record("gui_case_list_100k", lists)
        res.record("gui_search_100k", searches)
        res.record("gui_rss_mb", rss)
