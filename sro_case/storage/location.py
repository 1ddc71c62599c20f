"""Is the database somewhere SQLite's file locking cannot be trusted?

On network file systems (SMB/CIFS, NFS, SSHFS, …) locks are emulated, cached or missing, and
a dropped connection in the middle of a commit can tear the file. Cloud sync clients (OneDrive,
Nextcloud, Dropbox, …) upload the database, its WAL and its key file at arbitrary moments and
create conflict copies. Both can corrupt an encrypted database beyond repair, so the user is
warned before the database is used there. Backups in such folders are fine: they are written
completely, then renamed into place.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PurePath, PureWindowsPath

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "fuse.davfs2",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.glusterfs",
        "fuse.cephfs",
    }
)

# Compared with each path component after lower-casing and removing spaces, '-', '_' and '.'.
# OneDrive for Business names its folder "OneDrive - <Organisation>", Dropbox "Dropbox (Firma)".
CLOUD_FOLDERS = {
    "onedrive": "OneDrive",
    "nextcloud": "Nextcloud",
    "dropbox": "Dropbox",
    "googledrive": "Google Drive",
    "meinablage": "Google Drive",
    "mydrive": "Google Drive",
    "iclouddrive": "iCloud Drive",
    "mobiledocuments": "iCloud Drive",
    "owncloud": "ownCloud",
    "seafile": "Seafile",
    "pcloud": "pCloud",
    "pclouddrive": "pCloud",
    "boxsync": "Box",
    "magentacloud": "MagentaCLOUD",
    "tresorit": "Tresorit",
}

# Environment variables the sync clients set on Windows.
_CLOUD_ENV = {
    "OneDrive": "OneDrive",
    "OneDriveCommercial": "OneDrive",
    "OneDriveConsumer": "OneDrive",
}

DRIVE_REMOTE = 4  # GetDriveTypeW


def location_warning(
    path: Path,
    *,
    platform: str | None = None,
    mounts: str | None = None,
    drive_type: Callable[[str], int] | None = None,
    environ: Mapping[str, str] | None = None,
) -> str | None:
    """A German warning if ``path`` is on a network share or in a cloud-synced folder, else
    None. The keyword arguments exist for tests (another platform, a given mount table)."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    windows = platform.startswith("win")
    pure: PurePath = PureWindowsPath(str(path)) if windows else Path(path)
    if not windows:
        pure = _absolute(Path(path))

    network = (
        _windows_network(PureWindowsPath(str(pure)), drive_type)
        if windows
        else _posix_network(Path(pure), mounts)
    )
    if network:
        return (
            f"Die Datenbank liegt auf einem Netzlaufwerk ({network}). Die Dateisperren, mit denen "
            "die Datenbank gleichzeitige Zugriffe verhindert, sind dort nicht zuverlässig: zwei "
            "Zugriffe zugleich oder eine unterbrochene Verbindung können die Datenbank "
            "beschädigen. Legen Sie die Datenbank auf die lokale Festplatte dieses PCs; für "
            "gemeinsames Arbeiten an mehreren PCs ist der Teammodus (PostgreSQL) gedacht."
        )
    cloud = _cloud_folder(pure, environ, windows)
    if cloud:
        return (
            f"Die Datenbank liegt in einem Ordner, den {cloud} mit der Cloud abgleicht. Der "
            "Abgleich kann Datenbank, Änderungsprotokoll und Schlüsseldatei in halbfertigem "
            "Zustand hochladen oder Konfliktkopien anlegen; dabei kann die Datenbank beschädigt "
            "werden. Legen Sie die Datenbank in einen lokalen, nicht abgeglichenen Ordner. "
            "Sicherungen dürfen in einem solchen Ordner liegen."
        )
    return None


def _absolute(path: Path) -> Path:
    """The resolved path, or that of the nearest existing parent (the database may not exist
    yet)."""
    path = Path(os.path.abspath(path))
    missing: list[str] = []
    probe = path
    while not probe.exists() and probe.parent != probe:
        missing.append(probe.name)
        probe = probe.parent
    resolved = probe.resolve()
    for name in reversed(missing):
        resolved = resolved / name
    return resolved


def _normalise(component: str) -> str:
    return "".join(ch for ch in component.lower() if ch not in " -_.")


def _cloud_folder(path: PurePath, environ: Mapping[str, str], windows: bool) -> str | None:
    for part in path.parts:
        name = _normalise(part)
        for marker, product in CLOUD_FOLDERS.items():
            # Long, distinctive names also match as a prefix ("OneDrive - Hansestadt Rostock").
            if name == marker or (len(marker) >= 7 and name.startswith(marker)):
                return product
    text = str(path).lower() if windows else str(path)
    for variable, product in _CLOUD_ENV.items():
        root = environ.get(variable)
        if not root:
            continue
        root_text = root.lower() if windows else root
        sep = "\\" if windows else "/"
        if text == root_text or text.startswith(root_text.rstrip(sep) + sep):
            return product
    return None


def _posix_network(path: Path, mounts: str | None) -> str | None:
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None  # macOS and others: no mount table to read cheaply
    best: tuple[int, str, str] | None = None
    text = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        source, mount_point, fs_type = fields[0], _unescape(fields[1]), fields[2]
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fs_type, source)
    if best is None:
        return None
    _length, fs_type, source = best
    if fs_type.lower() in NETWORK_FILESYSTEMS:
        return f"{fs_type}: {source}"
    return None


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _windows_network(path: PureWindowsPath, drive_type: Callable[[str], int] | None) -> str | None:
    drive = path.drive  # "C:", "\\\\server\\share", "\\\\?\\UNC\\server\\share", "\\\\?\\C:"
    if drive.upper().startswith("\\\\?\\UNC\\"):
        return "Freigabe \\\\" + drive[8:]
    if drive.startswith(("\\\\?\\", "\\\\.\\")):
        drive = drive[4:]
    elif drive.startswith("\\\\"):
        return f"Freigabe {drive}"
    if len(drive) == 2 and drive[1] == ":":
        kind = (drive_type or _get_drive_type)(drive + "\\")
        if kind == DRIVE_REMOTE:
            return f"verbundenes Netzlaufwerk {drive.upper()}"
    return None


def _get_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    if not sys.platform.startswith("win"):
        return 0
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))
