"""Render every screen of the client offscreen to docs/screenshots/*.png (``make screenshots``).

The tour (``tools/tour.py``) runs on a fresh demo database (synthetic data only):

* German at 1366 x 768 (an office laptop), every screen: ``<name>.png``;
* the screens issue #15 asks for – start screen, recovery key, Fristen, the conference at 100 %
  and 300 % (normal and high contrast), the statistics preview – also at 1920 x 1080
  (``<name>-1920.png``) and in English at both sizes (``<name>-en.png``, ``<name>-en-1920.png``);
* the conference protocol's pages (``konferenzmodus-protokoll-<n>.png``, through pdftoppm);
* the team server's screens (``tools/team_tour.py``, #18) in both languages at both sizes.

    python tools/screenshots.py [de|en|all] [--out FOLDER]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402

from tools.tour import demo_database, tour  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.i18n import install_language  # noqa: E402

LAPTOP, FULL_HD = (1366, 768), (1920, 1080)
ISSUE_15 = {
    "start",
    "wiederherstellungsschluessel",
    "fristen",
    "konferenzmodus",
    "konferenzmodus-zoom300",
    "konferenzmodus-zoom300-kontrast",
    "konferenzmodus-kontrast",
    "statistik-vorschau",
}
DEMO_CASES = 2000
# the team server's screens (#18), in both languages at both sizes
TEAM = {
    "teamserver-verbinden",
    "teamserver-fallliste",
    "fallteam",
    "fallteam-schulsozialarbeit",
    "live-aenderung",
    "konflikt",
}


def run_team(language: str, size: tuple[int, int], out: Path, base: str) -> int:
    from tools.team_tour import team_tour

    install_language(language)
    suffix = ("" if language == "de" else f"-{language}") + ("" if size == LAPTOP else "-1920")
    saved = 0
    for name, widget in team_tour(app, base, size):
        widget.grab().save(str(out / f"{name}{suffix}.png"))
        saved += 1
    return saved


def run(language: str, size: tuple[int, int], out: Path, only: set[str] | None) -> int:
    install_language(language)
    suffix = ("" if language == "de" else f"-{language}") + ("" if size == LAPTOP else "-1920")
    saved = 0
    with tempfile.TemporaryDirectory() as tmp:
        demo = demo_database(Path(tmp), DEMO_CASES)
        for name, widget in tour(app, demo, size):
            if only is None or name in only:
                widget.grab().save(str(out / f"{name}{suffix}.png"))
                saved += 1
        if suffix == "" and demo.protocol is not None and shutil.which("pdftoppm"):
            stem = str(out / "konferenzmodus-protokoll")
            subprocess.run(["pdftoppm", "-r", "100", "-png", str(demo.protocol), stem], check=True)
        elif suffix == "" and not shutil.which("pdftoppm"):
            print(
                "pdftoppm fehlt (Debian: apt-get install poppler-utils): kein Bild des Protokolls"
            )
        demo.store.close()
    return saved


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", nargs="?", default="all", choices=("de", "en", "all"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as settings:
        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, settings)
        app = create_application([])
        count = 0
        if args.language in ("de", "all"):
            count += run("de", LAPTOP, args.out, None)
            count += run("de", FULL_HD, args.out, ISSUE_15)
        if args.language in ("en", "all"):
            count += run("en", LAPTOP, args.out, ISSUE_15)
            count += run("en", FULL_HD, args.out, ISSUE_15)
        from tools.team_tour import team_server

        with team_server() as base:
            for language in ("de", "en") if args.language == "all" else (args.language,):
                for size in (LAPTOP, FULL_HD):
                    count += run_team(language, size, args.out, base)
    print(f"{count} Bildschirmfotos in {args.out}")
