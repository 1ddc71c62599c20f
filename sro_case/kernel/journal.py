"""The journal of unsaved input (#18): what a conference captured (or a form holds) kept on
this PC, encrypted, until it is saved – so that a crash, a killed process, a lock or a lost
network in the 50th minute of a conference loses nothing.

Each entry is one file, AES-256-GCM with a fresh nonce, authenticated together with the
signed-in login; neither its name nor its content is readable without the key, and a changed
byte is refused. The key is not on this PC in the clear: on the encrypted file it lives inside
the database (``meta``), on the team server the server hands it to the signed-in person only
(``server.accounts.journal_key``). Written atomically (a crash leaves the old entry or the new
one); removed after the save.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sro_case.storage.files import atomic_write_bytes

SUFFIX = ".journal"
_AAD = b"sro-case journal v1\x00"
KEY_BYTES = 32


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


class Journal:
    """The signed-in person's journal in ``folder`` (``paths.journal_dir``)."""

    def __init__(self, folder: Path, key: bytes, owner: str) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("journal key must be 32 bytes")
        self.folder = Path(folder)
        self._aead = AESGCM(key)
        self._owner = owner
        self._salt = hashlib.sha256(key + b"names").digest()

    def _path(self, name: str) -> Path:
        digest = hashlib.sha256(self._salt + self._owner.encode() + b"\x00" + name.encode())
        return self.folder / (digest.hexdigest()[:40] + SUFFIX)

    def keep(self, name: str, content: str) -> None:
        """Keep ``content`` under ``name`` (replacing what was kept before)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(self.folder, 0o700)
        nonce = secrets.token_bytes(12)
        plain = json.dumps({"name": name, "content": content}, ensure_ascii=False).encode()
        sealed = nonce + self._aead.encrypt(nonce, plain, _AAD + self._owner.encode())
        atomic_write_bytes(self._path(name), sealed)

    def read(self, name: str) -> str | None:
        """What is kept under ``name``; None if nothing is (or it cannot be read: another
        person's, another key's, or changed on disk)."""
        entry = self._open(self._path(name))
        return entry[1] if entry is not None and entry[0] == name else None

    def discard(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(name).unlink()

    def names(self) -> list[str]:
        """The names of this person's kept entries (others' are not readable here)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*" + SUFFIX)):
            entry = self._open(path)
            if entry is not None:
                found.append(entry[0])
        return found

    def _open(self, path: Path) -> tuple[str, str] | None:
        try:
            sealed = path.read_bytes()
        except OSError:
            return None
        if len(sealed) < 12 + 16:
            return None
        try:
            plain = self._aead.decrypt(sealed[:12], sealed[12:], _AAD + self._owner.encode())
            data = json.loads(plain)
        except (InvalidTag, ValueError):
            return None
        return str(data["name"]), str(data["content"])
