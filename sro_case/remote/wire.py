"""What the facade over the team server shares: one signed-in session (``TeamServer``), the
case versions this client has seen, and the facade's dataclasses to and from JSON (pydantic,
the same types the server's API declares)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import TypeAdapter

from sro_case.domain.messages import T
from sro_case.errors import SroCaseError
from sro_case.server.client import TeamServer

D = TypeVar("D")


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(kind: Any) -> TypeAdapter[Any]:
    """Building an adapter costs milliseconds (its schema is compiled): each kind once (two
    threads building the same one at once is harmless)."""
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter


def load(kind: type[D], data: Any) -> D:
    """``data`` (JSON) as ``kind`` (a dataclass, a list of them, …), validated."""
    result: D = _adapter(kind).validate_python(data)
    return result


def dump(value: object) -> Any:
    return _adapter(type(value)).dump_python(value, mode="json")


def az(file_number: str) -> str:
    """A file number as one path segment of a URL."""
    return quote(file_number.strip(), safe="")


@dataclass
class Link:
    """The signed-in session and what this client knows of the cases it has opened."""

    server: TeamServer
    versions: dict[int, int] = field(default_factory=dict)  # case id → version last read
    numbers: dict[int, str] = field(default_factory=dict)  # case id → file number
    releases: dict[int, Any] = field(default_factory=dict)  # case id → CaseRelease last read

    def file_number(self, case_id: int) -> str:
        number = self.numbers.get(case_id)
        if number is None:
            number = self.numbers[case_id] = str(self.server.get(f"/case-ids/{int(case_id)}"))
        return number

    def wrote(self, case_id: int) -> None:
        """This client changed the case: the version it read is no longer the case's. The
        next save of the fields rests on the case as read again (the client reloads the file
        after each change; without a read it is saved without a version check)."""
        self.versions.pop(case_id, None)

    def case_path(self, case_id: int, rest: str = "") -> str:
        return f"/cases/{az(self.file_number(case_id))}{rest}"


def save_bytes(out: Path, data: bytes, record: Any) -> Path:
    """Write ``data`` to ``out`` next to it first, let ``record(sha256)`` record the export on
    the server, then put the file in place: no file without its audit entry, and a failed
    record leaves nothing behind."""
    out = Path(out)
    if not out.parent.is_dir():
        raise SroCaseError(T("Der Ordner {folder} existiert nicht.", folder=out.parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        record(hashlib.sha256(data).hexdigest())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
