"""The installation package (issue #8): one version, the self-test, the PyInstaller bundle, the
.deb, and the Windows installer scripts (NSIS, WiX/MSI) compiled against a stand-in payload.

Marker ``bundle``: the packaging tests, ``make bundle-test`` runs only them; they are part of
``make test`` as well (the bundle build takes about half a minute). Tools that a developer
machine may lack (makensis, wixl, dpkg-deb, root for installing the .deb) make a test skip with
the reason; ``.ci/run`` installs them, so in CI these tests really run.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from sro_case import __version__

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = ROOT / "installer" / "windows"
sys.path.insert(0, str(ROOT / "installer" / "windows"))
sys.path.insert(0, str(ROOT / "installer" / "linux"))

OFFSCREEN = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} ist nicht installiert (Debian: apt-get install nsis wixl dpkg-dev)")
    return found


# --------------------------------------------------------------------------- one version


def test_version_is_written_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "sro_case._version.__version__"
    assert importlib.metadata.version("sro-case") == __version__
    # nobody writes the current version down a second time
    literal = re.compile(rf"""["']{re.escape(__version__)}["']""")
    for path in [
        *(ROOT / "sro_case").rglob("*.py"),
        *(ROOT / "ui").rglob("*.py"),
        *(ROOT / "installer").rglob("*.*"),
    ]:
        if path.name != "_version.py" and path.suffix in (".py", ".spec", ".nsi", ".wxs"):
            assert not literal.search(path.read_text(encoding="utf-8")), path
    result = subprocess.run(
        [sys.executable, "-m", "sro_case", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.stdout.strip() == f"sro-case {__version__}"


def test_self_test_from_the_source_tree() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--self-test"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=OFFSCREEN,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Selbsttest bestanden (8 Schritte" in result.stdout
    assert "Hauptfenster öffnen und schließen" in result.stdout


def test_self_test_names_the_failing_step(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sro_case import selftest

    def broken(detail, folder):  # type: ignore[no-untyped-def]
        raise FileNotFoundError("resources/fonts/DejaVuSans.ttf")

    monkeypatch.setattr(selftest, "render_pdf", broken)
    lines: list[str] = []
    assert selftest.run(out=lines.append) == 1
    assert any("FEHLER" in line and "DejaVuSans.ttf" in line for line in lines)
    assert lines[-1].startswith("Selbsttest FEHLGESCHLAGEN bei: Konferenzprotokoll")


# --------------------------------------------------------------------------- Windows scripts


@pytest.fixture
def stand_in_payload(tmp_path: Path) -> Path:
    """A few files shaped like the Windows bundle (the real one is built on Windows)."""
    payload = tmp_path / "sro-case"
    (payload / "_internal" / "resources" / "fonts").mkdir(parents=True)
    (payload / "_internal" / "db" / "versions").mkdir(parents=True)
    (payload / "sro-case.exe").write_bytes(b"MZ stand-in")
    (payload / "sro-case-cli.exe").write_bytes(b"MZ stand-in")
    (payload / "_internal" / "python311.dll").write_bytes(b"MZ stand-in")
    (payload / "_internal" / "resources" / "style.qss").write_text("QWidget {}", encoding="utf-8")
    (payload / "_internal" / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"\0" * 64)
    (payload / "_internal" / "db" / "versions" / "0001_initial.py").write_text("# stand-in\n")
    return payload


@pytest.mark.bundle
def test_nsis_installer_compiles(stand_in_payload: Path, tmp_path: Path) -> None:
    _need("makensis")
    from build_installers import build_nsis

    setup = build_nsis(stand_in_payload, tmp_path / "out")
    assert setup.name == f"sro-case-{__version__}-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ" and setup.stat().st_size > 50_000


def test_nsis_script_is_per_machine_bilingual_and_keeps_user_data() -> None:
    script = (WINDOWS / "sro-case.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel admin" in script and "SetShellVarContext all" in script
    assert '!insertmacro MUI_LANGUAGE "German"' in script
    assert '!insertmacro MUI_LANGUAGE "English"' in script
    assert 'CreateShortcut "$SMPROGRAMS\\' in script
    uninstall = "\n".join(
        line
        for line in script.split('Section "Uninstall"', 1)[1].splitlines()
        if not line.strip().startswith(";")
    )
    # never the users' data folders, never the whole program folder recursively
    assert "LOCALAPPDATA" not in uninstall and "$APPDATA" not in uninstall
    assert 'RMDir /r "$INSTDIR"' not in uninstall
    assert 'RMDir "$INSTDIR"' in uninstall  # only removed when empty


@pytest.mark.bundle
def test_msi_compiles(stand_in_payload: Path, tmp_path: Path) -> None:
    _need("wixl")
    _need("wixl-heat")
    from build_installers import build_msi, numeric_version

    msi = build_msi(stand_in_payload, tmp_path / "out")
    assert msi.name == f"sro-case-{__version__}.msi"
    assert msi.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE compound file
    if shutil.which("msiinfo"):

        def table(name: str) -> str:
            return subprocess.run(
                ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True
            ).stdout

        properties = table("Property")
        assert f"ProductVersion\t{numeric_version(__version__)}" in properties
        assert "ALLUSERS\t1" in properties  # per machine
        assert "UpgradeCode\t{6C1F3E2A-8B4D-4F7A-9E52-3D0A7B9C1E64}" in properties
        assert "[INSTALLDIR]sro-case.exe" in table("Shortcut")
        files = table("File")
        for name in ("sro-case.exe", "style.qss", "0001_initial.py"):
            assert name in files


# --------------------------------------------------------------------------- the real bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/sro-case built by the project's spec, into a temporary folder."""
    pytest.importorskip("PyInstaller", reason="PyInstaller fehlt: pip install -e '.[bundle]'")
    work = tmp_path_factory.mktemp("pyinstaller")
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "installer" / "sro-case.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    folder = work / "dist" / "sro-case"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nBundle: {time.perf_counter() - start:.0f} s, {size / 2**20:.0f} MiB")
    return folder


@pytest.mark.bundle
def test_bundle_self_test_and_version(bundle: Path) -> None:
    exe = bundle / "sro-case"
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"sro-case {__version__}"
    start = time.perf_counter()
    result = subprocess.run(
        [str(exe), "--self-test"], capture_output=True, text=True, env=OFFSCREEN, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Paket {bundle / '_internal'}" in result.stdout  # really the bundle, not the source
    assert "Selbsttest bestanden (8 Schritte" in result.stdout
    print(f"\nSelf-test of the bundle: {time.perf_counter() - start:.1f} s")


@pytest.mark.bundle
def test_bundle_on_a_real_x_display(bundle: Path) -> None:
    """The xcb platform plugin and its libraries are in the bundle (not only offscreen)."""
    xvfb = _need("xvfb-run")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [xvfb, "-a", str(bundle / "sro-case"), "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Plattform xcb" in result.stdout


@pytest.mark.bundle
def test_bundle_ships_nothing_unneeded(bundle: Path) -> None:
    internal = bundle / "_internal"
    names = {p.name for p in internal.iterdir()}
    for unwanted in (
        "pytest",
        "_pytest",
        "hypothesis",
        "scipy",
        "numpy",
        "pypdf",
        "tkinter",
        "_tkinter",
        "tests",
        "setuptools",
        "pip",
        "ruff",
        "PyInstaller",
    ):
        assert unwanted not in names, unwanted
    assert not list(internal.rglob("__pycache__")) and not list(internal.rglob("*.pyc"))
    assert not list(internal.rglob("test_*.py"))
    assert not list(internal.rglob("*tcl*")) and not list(internal.rglob("*tk8*"))
    qt = internal / "PySide6"
    assert sorted(p.name for p in (qt / "Qt" / "translations").iterdir()) == [
        "qtbase_de.qm",
        "qtbase_en.qm",
    ]
    modules = sorted(p.name.split(".")[0] for p in qt.glob("Qt*.*"))
    assert (
        {"QtCore", "QtGui", "QtWidgets"}
        <= set(modules)
        <= {"QtCore", "QtGui", "QtWidgets", "QtSvg"}
    ), modules
    libraries = {p.name for p in (qt / "Qt" / "lib").iterdir()}
    assert not any(
        n.startswith(("libQt6Network", "libQt6Qml", "libQt6Quick", "libQt6Pdf")) for n in libraries
    ), sorted(libraries)
    assert "libQt6Svg.so.6" in libraries  # the SVG icon
    assert sorted(p.name for p in (internal / "pyphen" / "dictionaries").iterdir()) == [
        "hyph_de_DE.dic"
    ]
    # resources and migrations as files, without caches and the revision template
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "resources" / "translations" / "sro_case_en.ts").is_file()
    assert (internal / "db" / "env.py").is_file() and list(
        (internal / "db" / "versions").glob("*.py")
    )
    assert not (internal / "db" / "script.py.mako").exists()


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    _need("dpkg-deb")
    from build_deb import build

    return build(bundle, tmp_path_factory.mktemp("deb"))


@pytest.mark.bundle
def test_deb_contents(deb: Path) -> None:
    info = subprocess.run(
        ["dpkg-deb", "--field", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "Package: sro-case" in info and f"Version: {__version__}" in info
    assert re.search(r"Depends: libc6 \(>= 2\.\d+\)", info)
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/sro-case/sro-case",
        "./usr/bin/sro-case",
        "./usr/share/applications/sro-case.desktop",
        "./usr/share/icons/hicolor/scalable/apps/sro-case.svg",
        "./opt/sro-case/_internal/db/env.py",
    ):
        assert re.search(rf"root/root .* {re.escape(path)}$", listing, re.M), path
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(ROOT / "installer" / "linux" / "sro-case.desktop")],
            check=True,
        )


@pytest.mark.bundle
def test_deb_installs_and_runs_from_opt(deb: Path) -> None:
    """Installs the package on this machine, runs the self-test from /opt, removes it again."""
    _need("dpkg")
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root (CI runs as root)")
    installed = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "sro-case"], capture_output=True, text=True
    )
    if "installed" in installed.stdout and "not-installed" not in installed.stdout:
        pytest.skip("sro-case is installed on this machine already; not replacing it")
    try:
        result = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        launcher = shutil.which("sro-case", path="/usr/bin")
        assert launcher == "/usr/bin/sro-case"
        version = subprocess.run([launcher, "--version"], capture_output=True, text=True)
        assert version.stdout.strip() == f"sro-case {__version__}"
        run = subprocess.run(
            [launcher, "--self-test"],
            capture_output=True,
            text=True,
            env=OFFSCREEN,
            timeout=120,
            cwd="/",
        )
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Paket /opt/sro-case/_internal" in run.stdout
        assert Path("/usr/share/applications/sro-case.desktop").is_file()
    finally:
        subprocess.run(["dpkg", "--purge", "sro-case"], capture_output=True)
    assert not Path("/opt/sro-case").exists() and not Path("/usr/bin/sro-case").exists()
