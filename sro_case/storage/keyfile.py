"""Key slots: the database's random 256-bit key, stored only wrapped (Argon2id + AES-256-GCM).

The key file (``<database>.keys``, JSON) lives beside the database and travels with every backup.
Each slot wraps the same database key under a secret of its own: a user's passphrase or the
recovery key. A wrong secret fails the GCM tag before the database is touched, which tells a
wrong passphrase apart from a damaged database. Changing a passphrase rewraps one slot and
replaces the key file atomically; the database itself is not rewritten.

During a key rotation the file also holds *pending* slots, which wrap the new database key:
they are written before the database is rekeyed and become the slots once the rekey is
confirmed, so that a crash at any moment leaves a key file that opens the database with the
old or the new key (see ``sro_case.services.keys``).
"""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sro_case.domain.messages import T, Text
from sro_case.domain.passphrase import MIN_PASSPHRASE_LENGTH
from sro_case.errors import KeyFileDamaged, KeyFileMissing, ValidationError, WrongPassphrase
from sro_case.storage.files import atomic_write_bytes

FORMAT = "sro-case-keyfile"
VERSION = 1
KEY_BYTES = 32
PASSPHRASE = "passphrase"
RECOVERY = "recovery"

# Crockford's base32 alphabet: no I, L, O, U, so a printed recovery key cannot be misread.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost. The default takes about half a second on an office PC."""

    time_cost: int = 6
    memory_kib: int = 256 * 1024
    parallelism: int = 2

    def derive(self, secret: str, salt: bytes) -> bytes:
        return hash_secret_raw(
            normalize_secret(secret).encode("utf-8"),
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=32,
            type=Type.ID,
        )


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True, slots=True)
class KeySlot:
    slot_id: str
    kind: str  # PASSPHRASE or RECOVERY
    label: str  # the user's login for passphrase slots
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    created: str = ""


@dataclass(frozen=True, slots=True)
class KeyFile:
    database_id: str
    db_salt: str  # hex of the database file's first 16 bytes (SQLCipher salt), "" before creation
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)
    pending: tuple[KeySlot, ...] = field(default_factory=tuple)  # new key, rotation under way

    # -- reading and writing -------------------------------------------------------------
    @staticmethod
    def path_for(db_path: Path) -> Path:
        db_path = Path(db_path)
        return db_path.with_name(db_path.name + ".keys")

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KeyFileMissing(
                T(
                    "Die Schlüsseldatei {name} fehlt. Sie liegt normalerweise neben der "
                    "Datenbank und ist in jeder Sicherung enthalten; ohne sie kann die Datenbank "
                    "nicht geöffnet werden.",
                    name=path.name,
                )
            ) from None
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError(T("kein Schlüsseldatei-Format"))
            if int(doc.get("version", 0)) > VERSION:
                raise ValueError(T("von einer neueren Programmversion geschrieben"))
            slots = tuple(_slot_from_json(s) for s in doc["slots"])
            pending = tuple(_slot_from_json(s) for s in doc.get("pending_slots", ()))
            if not slots:
                raise ValueError(T("keine Schlüsselplätze"))
            return cls(str(doc["database_id"]), str(doc.get("db_salt", "")), slots, pending)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], Text) else str(exc)
            raise KeyFileDamaged(
                T(
                    "Die Schlüsseldatei {name} ist beschädigt und kann nicht gelesen werden "
                    "({reason}). Stellen Sie sie aus einer Sicherung wieder her.",
                    name=path.name,
                    reason=reason,
                )
            ) from exc

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "database_id": self.database_id,
            "db_salt": self.db_salt,
            "slots": [_slot_to_json(s) for s in self.slots],
        }
        if self.pending:
            doc["pending_slots"] = [_slot_to_json(s) for s in self.pending]
        return (json.dumps(doc, indent=2, ensure_ascii=True) + "\n").encode("ascii")

    def save(self, path: Path) -> None:
        atomic_write_bytes(Path(path), self.to_bytes())

    # -- slots ---------------------------------------------------------------------------
    def unlock(self, secret: str, *, kind: str = PASSPHRASE, label: str | None = None) -> bytes:
        """The database key from the first slot of ``kind`` that ``secret`` opens."""
        return self.open_slot(secret, kind=kind, label=label)[0]

    def open_slot(
        self,
        secret: str,
        *,
        kind: str = PASSPHRASE,
        label: str | None = None,
        pending: bool = False,
    ) -> tuple[bytes, KeySlot]:
        """The database key and the slot that ``secret`` opened; WrongPassphrase if none.
        With ``pending=True`` only the pending slots (the new key of a rotation) are tried."""
        pool = self.pending if pending else self.slots
        candidates = [s for s in pool if s.kind == kind and (label is None or s.label == label)]
        if kind == RECOVERY:
            secret = normalize_recovery_key(secret)
        for slot in candidates:
            try:
                return _unwrap(slot, secret, self.database_id), slot
            except InvalidTag:
                continue
        if kind == RECOVERY:
            raise WrongPassphrase(
                T("Der Wiederherstellungsschlüssel ist falsch. Es wurde nichts verändert.")
            )
        raise WrongPassphrase()

    def with_slot(
        self, key: bytes, secret: str, *, kind: str, label: str, kdf: KdfParams = DEFAULT_KDF
    ) -> KeyFile:
        """A copy with a new slot for ``label`` (replacing that label's slot of the same kind)."""
        slot = self.new_slot(key, secret, kind=kind, label=label, kdf=kdf)
        kept = tuple(s for s in self.slots if not (s.kind == kind and s.label == label))
        return replace(self, slots=(*kept, slot))

    def new_slot(
        self, key: bytes, secret: str, *, kind: str, label: str, kdf: KdfParams = DEFAULT_KDF
    ) -> KeySlot:
        """A slot wrapping ``key`` for this database, not yet part of the file."""
        if kind == PASSPHRASE:
            check_passphrase(secret)
        else:
            secret = normalize_recovery_key(secret)
        return _wrap(key, secret, kind=kind, label=label, kdf=kdf, database_id=self.database_id)

    def with_pending(self, slots: tuple[KeySlot, ...]) -> KeyFile:
        return replace(self, pending=tuple(slots))

    def promote_pending(self) -> KeyFile:
        """The rotation is done: the pending slots become the slots."""
        if not self.pending:
            return self
        return replace(self, slots=self.pending, pending=())

    def drop_pending(self) -> KeyFile:
        """The rotation did not happen: forget the new key."""
        return replace(self, pending=())

    def slot_for(self, label: str, kind: str = PASSPHRASE) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == kind and s.label == label), None)

    def without_slot(self, label: str, kind: str = PASSPHRASE) -> KeyFile:
        kept = tuple(s for s in self.slots if not (s.kind == kind and s.label == label))
        if not any(s.kind == PASSPHRASE for s in kept):
            raise ValidationError("Der letzte Passphrasen-Platz kann nicht entfernt werden.")
        return replace(self, slots=kept)

    def labels(self, kind: str = PASSPHRASE) -> list[str]:
        return [s.label for s in self.slots if s.kind == kind]


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_database_id() -> str:
    return str(uuid.uuid4())


def new_recovery_key() -> str:
    """25 characters of Crockford base32 (125 bits) in five groups: ``ABCDE-FGHJK-…``."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(25))
    return "-".join(chars[i : i + 5] for i in range(0, 25, 5))


def normalize_recovery_key(text: str) -> str:
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return cleaned


def normalize_secret(secret: str) -> str:
    """NFC, so that an umlaut typed as one or as two code points gives the same key."""
    return unicodedata.normalize("NFC", secret)


def check_passphrase(passphrase: str) -> None:
    if len(normalize_secret(passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            [
                (
                    "Passphrase",
                    T(
                        "Die Passphrase muss mindestens {minimum} Zeichen lang sein.",
                        minimum=MIN_PASSPHRASE_LENGTH,
                    ),
                )
            ]
        )
    if "\x00" in passphrase:
        raise ValidationError([("Passphrase", "Die Passphrase darf kein Nullzeichen enthalten.")])


def _aad(database_id: str, slot_id: str, kind: str, label: str) -> bytes:
    return json.dumps(["sro-case-keyslot", 1, database_id, slot_id, kind, label]).encode()


def _wrap(
    key: bytes, secret: str, *, kind: str, label: str, kdf: KdfParams, database_id: str
) -> KeySlot:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    slot_id = secrets.token_hex(8)
    kek = kdf.derive(secret, salt)
    ciphertext = AESGCM(kek).encrypt(nonce, key, _aad(database_id, slot_id, kind, label))
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    return KeySlot(slot_id, kind, label, kdf, salt, nonce, ciphertext, created)


def _unwrap(slot: KeySlot, secret: str, database_id: str) -> bytes:
    kek = slot.kdf.derive(secret, slot.salt)
    aad = _aad(database_id, slot.slot_id, slot.kind, slot.label)
    key = AESGCM(kek).decrypt(slot.nonce, slot.ciphertext, aad)
    if len(key) != KEY_BYTES:
        raise InvalidTag()
    return key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _slot_to_json(slot: KeySlot) -> dict[str, Any]:
    return {
        "id": slot.slot_id,
        "kind": slot.kind,
        "label": slot.label,
        "created": slot.created,
        "kdf": {"name": "argon2id", **asdict(slot.kdf)},
        "salt": _b64(slot.salt),
        "nonce": _b64(slot.nonce),
        "ciphertext": _b64(slot.ciphertext),
    }


def _slot_from_json(doc: dict[str, Any]) -> KeySlot:
    kdf_doc = dict(doc["kdf"])
    if kdf_doc.pop("name") != "argon2id":
        raise ValueError("unbekanntes Schlüsselableitungsverfahren")
    kdf = KdfParams(**{k: int(v) for k, v in kdf_doc.items()})
    if doc["kind"] not in (PASSPHRASE, RECOVERY):
        raise ValueError("unbekannte Art eines Schlüsselplatzes")
    return KeySlot(
        slot_id=str(doc["id"]),
        kind=str(doc["kind"]),
        label=str(doc["label"]),
        kdf=kdf,
        salt=_unb64(doc["salt"]),
        nonce=_unb64(doc["nonce"]),
        ciphertext=_unb64(doc["ciphertext"]),
        created=str(doc.get("created", "")),
    )
