"""One writer per database file: an exclusive OS lock on ``<database>.lock``.

SQLite itself would let a second program instance write too, or block it silently behind
``busy_timeout``. The lock file turns that into a clear message naming the PC, the user and the
process that hold the database. The lock is an OS-level lock (``flock`` / ``msvcrt.locking``),
so the operating system releases it when the holder dies, even by ``kill -9``: a lock file
left behind without a live lock is simply taken over. The JSON in the file is only there to
name the holder; the lock itself is what counts.

Within one process the lock is re-entrant (counted), so the GUI can open a second store, or
change a passphrase, while it holds the database.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sro_case.domain.messages import T
from sro_case.errors import DatabaseInUse

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

# Windows locks byte ranges, and a locked range cannot be read by others: lock one byte far
# beyond the JSON so that a second instance can still read who holds the database.
_WINDOWS_LOCK_OFFSET = 1 << 30


@dataclass(frozen=True, slots=True)
class LockInfo:
    host: str
    pid: int
    user: str
    since: str  # ISO 8601, local time

    def describe(self) -> str:
        try:
            since = datetime.fromisoformat(self.since).strftime("%d.%m.%Y %H:%M")
        except ValueError:
            since = self.since or T("unbekannt")
        return T(
            "auf dem PC „{host}“ von „{user}“ (Prozess {pid}, seit {since})",
            host=self.host or T("unbekannt"),
            user=self.user or T("unbekannt"),
            pid=self.pid,
            since=since,
        )


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def this_process() -> LockInfo:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (services, containers)
        user = ""
    return LockInfo(
        host=socket.gethostname(),
        pid=os.getpid(),
        user=user,
        since=datetime.now().replace(microsecond=0).isoformat(),
    )


@dataclass
class _Held:
    fd: int
    count: int
    pid: int


_registry: dict[str, _Held] = {}
_registry_lock = threading.Lock()


def _key(db_path: Path) -> str:
    return str(lock_path(Path(db_path)).resolve())


class WriterLock:
    """A handle on the lock of one database; ``release()`` is idempotent."""

    def __init__(self, db_path: Path, key: str) -> None:
        self.db_path = Path(db_path)
        self._key = key
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _registry_lock:
            held = _registry.get(self._key)
            if held is None or held.pid != os.getpid():
                return
            held.count -= 1
            if held.count > 0:
                return
            del _registry[self._key]
            _unlock_and_close(held.fd, Path(self._key))

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(db_path: Path) -> WriterLock:
    """Take the database's writer lock or raise DatabaseInUse naming its holder."""
    key = _key(db_path)
    with _registry_lock:
        held = _registry.get(key)
        if held is not None and held.pid == os.getpid():
            held.count += 1
            return WriterLock(db_path, key)
        if held is not None:  # inherited through fork: the parent's lock, not ours
            del _registry[key]
        fd = _lock_new(Path(key), Path(db_path))
        _registry[key] = _Held(fd, 1, os.getpid())
        return WriterLock(db_path, key)


def held_count(db_path: Path) -> int:
    """How many handles this process holds on the database's lock (0: none)."""
    with _registry_lock:
        held = _registry.get(_key(db_path))
        return held.count if held is not None and held.pid == os.getpid() else 0


def holder(db_path: Path) -> LockInfo | None:
    """Who holds the lock now (None if nobody does); for a start screen's hint."""
    key = _key(db_path)
    with _registry_lock:
        held = _registry.get(key)
        if held is not None and held.pid == os.getpid():
            return this_process()
    path = Path(key)
    if not path.exists():
        return None
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return _read_info(fd)
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- internals


def _lock_new(path: Path, db_path: Path) -> int:
    for _attempt in range(20):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(fd):
                info = _read_info(fd)
                raise DatabaseInUse(_in_use_message(db_path, info))
            # The previous holder may have removed the file between our open and our lock:
            # then we hold a lock on a file nobody else will see, and must try again.
            if os.name != "nt" and not _same_file(fd, path):
                _unlock(fd)
                os.close(fd)
                continue
            _write_info(fd, this_process())
            return fd
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
    raise DatabaseInUse(_in_use_message(db_path, None))


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


def _in_use_message(db_path: Path, info: LockInfo | None) -> str:
    who = info.describe() if info else T("von einem anderen Programm")
    return T(
        "Die Datenbank {name} ist bereits geöffnet, {who}. Es darf immer nur ein Programm in "
        "die Datenbank schreiben. Schließen Sie SRO-Fallmanagement dort und versuchen Sie es "
        "dann erneut.",
        name=Path(db_path).name,
        who=who,
    )


_HELD_ELSEWHERE = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK}


def _try_lock(fd: int) -> bool:
    """True if we now hold the lock, False if someone else does. A file system that cannot
    lock at all (some network shares: ENOLCK) counts as "ours": refusing would lock everyone
    out, and such places get a warning from ``location.location_warning`` anyway."""
    try:
        if os.name == "nt":  # pragma: no cover
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # Windows only
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        return exc.errno not in _HELD_ELSEWHERE
    return True


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if os.name == "nt":  # pragma: no cover
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]  # Windows only
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _unlock_and_close(fd: int, path: Path) -> None:
    """Remove the file while still holding the lock (POSIX), then unlock: a clean exit leaves
    nothing behind. On Windows an open file cannot be removed; the emptied file stays."""
    try:
        os.ftruncate(fd, 0)
        if os.name != "nt":
            with contextlib.suppress(OSError):
                path.unlink()
    except OSError:
        pass
    finally:
        _unlock(fd)
        os.close(fd)


def _write_info(fd: int, info: LockInfo) -> None:
    data = json.dumps(
        {"host": info.host, "pid": info.pid, "user": info.user, "since": info.since},
        ensure_ascii=False,
    ).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)


def _read_info(fd: int) -> LockInfo | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        doc = json.loads(raw.decode("utf-8"))
        return LockInfo(
            str(doc.get("host", "")),
            int(doc.get("pid", 0)),
            str(doc.get("user", "")),
            str(doc.get("since", "")),
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return None  # being written right now, or empty
