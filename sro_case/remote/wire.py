"""What the facade over the team server shares: one signed-in session (``TeamServer``), the
case versions this client has seen (the dataclasses to and from JSON:
``sro_case.domain.json_types``, the same as the server's)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sro_case.domain.messages import T
from sro_case.errors import SroCaseError
from sro_case.server.client import TeamServer


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
