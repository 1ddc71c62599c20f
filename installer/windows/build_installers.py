"""Builds the Windows installers from a bundle folder (normally dist/sro-case/ as built on Windows
by PyInstaller, see docs/INSTALL_WINDOWS.md):

    python installer/windows/build_installers.py dist/sro-case --out dist [--nsis] [--msi]

- NSIS (``makensis``, NSIS 3): sro-case-<version>-setup.exe, German/English, per machine.
- MSI (``wixl`` and ``wixl-heat`` from msitools, Debian: ``apt-get install wixl``):
  sro-case-<version>.msi, per machine, for group policy / Intune.

Both run on Linux and on Windows (makensis; wixl only where msitools exists, in CI the Linux job).
The version comes from sro_case/_version.py. Without --nsis/--msi both are built.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def version() -> str:
    text = (ROOT / "sro_case" / "_version.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not match:
        raise SystemExit("sro_case/_version.py: keine Versionsnummer gefunden")
    return match.group(1)


def numeric_version(text: str) -> str:
    """MSI and NSIS want up to three/four numbers: 0.1.0rc1 -> 0.1.0."""
    numbers = re.findall(r"\d+", text)[:3]
    return ".".join([*numbers, "0", "0", "0"][:3])


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} fehlt (Debian/Ubuntu: apt-get install nsis wixl)")
    return found


def build_nsis(payload: Path, out: Path, version_: str | None = None) -> Path:
    version_ = version_ or version()
    out.mkdir(parents=True, exist_ok=True)
    target = (out / f"sro-case-{version_}-setup.exe").resolve()
    subprocess.run(
        [
            _tool("makensis"),
            "-V2",
            "-WX",  # a warning is an error: a sloppy script fails the build
            f"-DVERSION={numeric_version(version_)}",
            f"-DSOURCE_DIR={payload.resolve()}",
            f"-DOUTFILE={target}",
            str(HERE / "sro-case.nsi"),
        ],
        check=True,
    )
    return target


def build_msi(payload: Path, out: Path, version_: str | None = None) -> Path:
    version_ = version_ or version()
    out.mkdir(parents=True, exist_ok=True)
    target = (out / f"sro-case-{version_}.msi").resolve()
    heat, wixl = _tool("wixl-heat"), _tool("wixl")
    with tempfile.TemporaryDirectory(prefix="sro-case-msi-") as tmp:
        work = Path(tmp)
        # wixl wants paths relative to its working folder (it rejects absolute source paths)
        source = os.path.relpath(payload.resolve(), work)
        files = sorted(
            str(Path(source) / p.relative_to(payload.resolve()))
            for p in payload.resolve().rglob("*")
        )
        listing = subprocess.run(
            [
                heat,
                "-p",
                f"{source}/",
                "--directory-ref",
                "INSTALLDIR",
                "--component-group",
                "ProgramFiles",
                "--var",
                "var.SourceDir",
                "--win64",
            ],
            input="\n".join(files) + "\n",
            capture_output=True,
            text=True,
            check=True,
            cwd=work,
        ).stdout
        (work / "payload.wxs").write_text(listing, encoding="utf-8")
        shutil.copy2(HERE / "sro-case.wxs", work / "sro-case.wxs")
        shutil.copy2(HERE / "sro-case.ico", work / "sro-case.ico")
        subprocess.run(
            [
                wixl,
                "-a",
                "x64",
                "-D",
                "Win64=yes",
                "-D",
                f"Version={numeric_version(version_)}",
                "-D",
                f"SourceDir={source}",
                "-D",
                "IconFile=sro-case.ico",
                "-o",
                str(target),
                "sro-case.wxs",
                "payload.wxs",
            ],
            check=True,
            cwd=work,
        )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Windows-Installationspakete bauen (NSIS, MSI)")
    parser.add_argument("payload", type=Path, help="der Programmordner, z. B. dist/sro-case")
    parser.add_argument("--out", type=Path, default=Path("dist"))
    parser.add_argument("--nsis", action="store_true", help="nur das NSIS-Setup")
    parser.add_argument("--msi", action="store_true", help="nur das MSI")
    args = parser.parse_args(argv)
    if not (args.payload / "sro-case.exe").is_file():
        raise SystemExit(f"{args.payload}: sro-case.exe fehlt (Windows-Programmordner erwartet)")
    both = not (args.nsis or args.msi)
    if args.nsis or both:
        print(build_nsis(args.payload, args.out))
    if args.msi or both:
        print(build_msi(args.payload, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
