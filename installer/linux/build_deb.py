"""Wraps the PyInstaller bundle (dist/sro-case/) as a Debian package with ``dpkg-deb``:

    /opt/sro-case/                                   the bundle, unchanged
    /usr/bin/sro-case                                launcher on the PATH (exec /opt/sro-case/sro-case)
    /usr/share/applications/sro-case.desktop         start-menu entry
    /usr/share/icons/hicolor/scalable/apps/sro-case.svg
    /usr/share/doc/sro-case/copyright

Usage:  python installer/linux/build_deb.py dist/sro-case --out dist   (or: make deb)

Removing the package (``apt remove sro-case``) deletes only these files: databases, key files
and backups live in the users' home folders (~/.local/share/sro-case/) and stay.
The package depends on the build machine's glibc or newer (PyInstaller bundles are not
portable to older systems) and on the few system libraries PyInstaller never bundles.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "sro-case"
PREFIX = Path("opt") / PACKAGE
# Libraries PyInstaller deliberately leaves to the system (libc, OpenGL/EGL, libxcb) and what Qt
# needs from the system to draw text (fontconfig's configuration and at least one font).
DEPENDS = [
    "libgl1",
    "libegl1",
    "libxcb1",
    "libx11-6",
    "libfontconfig1",
    "fonts-dejavu-core | fonts-liberation2 | fonts-noto-core",
]
# for Wayland sessions (without them Qt falls back to X11/XWayland)
RECOMMENDS = ["libwayland-cursor0", "libwayland-egl1"]
DESCRIPTION = """\
Fallmanagement in der Kinder- und Jugendhilfe (SGB VIII)
 SRO-Fallmanagement: interdisziplinaeres Fallmanagement nach den Grundsaetzen der
 Sozialraumorientierung, mit verschluesselter lokaler Datenbank (SQLCipher 4),
 Fallkonferenzen am Beamer und anonymisierter Statistik fuer das Controlling.
 .
 Encrypted case management for child and youth welfare (SGB VIII)."""


def version() -> str:
    text = (ROOT / "sro_case" / "_version.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not match:
        raise SystemExit("sro_case/_version.py: keine Versionsnummer gefunden")
    return match.group(1)


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def glibc() -> str:
    name, _, number = os.confstr("CS_GNU_LIBC_VERSION").partition(" ")  # "glibc 2.36"
    assert name == "glibc", name
    return number


def folder_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024 + 1


def control(version_: str, arch: str, size_kib: int) -> str:
    maintainer = os.environ.get("DEB_MAINTAINER", "SRO-Fallmanagement <sro-case@invalid>")
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version_}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {maintainer}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join([f'libc6 (>= {glibc()})', *DEPENDS])}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def normalise_modes(root: Path) -> None:
    """Folders and executables 0755, everything else 0644 (what lintian expects)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        executable = path.is_dir() or mode & stat.S_IXUSR
        path.chmod(0o755 if executable else 0o644)


def build(bundle: Path, out: Path, *, compression: str = "zstd") -> Path:
    bundle = bundle.resolve()
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(
            f"{bundle}: kein Programmpaket (es fehlt {bundle / PACKAGE}); erst `make bundle`"
        )
    version_, arch = version(), architecture()
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{PACKAGE}_{version_}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="sro-case-deb-") as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(bundle, root / PREFIX, symlinks=True)
        launcher = root / "usr" / "bin" / PACKAGE
        launcher.parent.mkdir(parents=True)
        launcher.write_text(f'#!/bin/sh\nexec /{PREFIX}/{PACKAGE} "$@"\n', encoding="utf-8")
        launcher.chmod(0o755)
        share = root / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        shutil.copy2(ROOT / "installer" / "linux" / "sro-case.desktop", share / "applications")
        icons = share / "icons" / "hicolor" / "scalable" / "apps"
        icons.mkdir(parents=True)
        shutil.copy2(ROOT / "resources" / "icons" / "sro-case.svg", icons / "sro-case.svg")
        doc = share / "doc" / PACKAGE
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            "SRO-Fallmanagement, Hansestadt Rostock. All rights reserved.\n\n"
            "Bundled: Python (PSF licence), Qt 6 / PySide6 (LGPLv3), SQLCipher (BSD-style), "
            "SQLAlchemy, Alembic (MIT), ReportLab (BSD), openpyxl (MIT), pyphen (LGPL/GPL/MPL), "
            "cryptography (Apache-2.0/BSD), DejaVu fonts (see "
            f"/{PREFIX}/_internal/resources/fonts/LICENSE-DejaVu.txt).\n",
            encoding="utf-8",
        )
        normalise_modes(root)
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(version_, arch, folder_kib(root)), encoding="utf-8")
        subprocess.run(
            [
                "dpkg-deb",
                "--root-owner-group",
                f"-Z{compression}",
                "--build",
                str(root),
                str(target),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Debian-Paket aus dist/sro-case/ bauen")
    parser.add_argument("bundle", type=Path, help="der PyInstaller-Ordner, z. B. dist/sro-case")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="Zielordner")
    parser.add_argument(
        "--compression",
        default="zstd",
        choices=["zstd", "xz", "gzip", "none"],
        help="zstd (Standard; dpkg ab Debian 12/Ubuntu 22.04), xz ist kleiner, aber 50-mal langsamer",
    )
    args = parser.parse_args(argv)
    target = build(args.bundle, args.out, compression=args.compression)
    print(f"{target} ({target.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
