"""Durable file writes: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from sro_case.domain.messages import T, Text


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # folders cannot be opened for fsync on Windows; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new content."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


SQLITE_FULL = 13


def is_disk_full(exc: BaseException) -> bool:
    """A full disk, said by the OS (ENOSPC) or by SQLite (SQLITE_FULL; the backup API raises
    it without an error code, only with SQLite's own text)."""
    return (
        getattr(exc, "errno", None) == errno.ENOSPC
        or getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL
        or str(exc) == "database or disk is full"
    )


def file_problem(exc: BaseException) -> Text:
    """What went wrong with a file or folder, as a German sentence for the user (``Text``):
    a full disk, missing rights, a file where a folder belongs, … instead of ``[Errno 28]``."""
    code = getattr(exc, "errno", None)
    if is_disk_full(exc):
        return T("Auf dem Datenträger ist kein Platz mehr frei.")
    if code in (errno.EACCES, errno.EPERM):
        return T("Es fehlt die Berechtigung, dort zu schreiben.")
    if code == errno.EROFS:
        return T("Der Datenträger ist schreibgeschützt.")
    if code in (errno.EEXIST, errno.ENOTDIR):
        return T("Dort liegt eine Datei, wo ein Ordner sein müsste.")
    if code == errno.ENOENT:
        return T("Der Ordner oder die Datei wurde nicht gefunden (Laufwerk getrennt?).")
    if code == errno.EIO:
        return T("Der Datenträger meldet einen Lese- oder Schreibfehler.")
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return T("Fehler beim Zugriff auf den Datenträger ({detail}).", detail=detail)
