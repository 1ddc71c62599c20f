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
import binascii
import json
import secrets
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sro_case.domain.messages import T, Text
from sro_case.domain.passphrase import MIN_PASSPHRASE_LENGTH as MIN_PASSPHRASE_LENGTH
from sro_case.domain.passphrase import assess_passphrase
from sro_case.errors import KeyFileDamaged, KeyFileMissing, ValidationError, WrongPassphrase
from sro_case.storage.files import atomic_write_bytes

FORMAT = "sro-case-keyfile"
VERSION = 1
KEY_BYTES = 32
PASSPHRASE = "passphrase"
RECOVERY = "recovery"

# Crockford's base32 alphabet: no I, L, O, U, so a printed recovery key cannot be misread.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


#: Argon2id bounds for a slot read from a file. The default is 6 × 256 MiB; the limits leave
#: room for stronger settings but keep a tampered file from asking for gigabytes or hours.
MAX_MEMORY_KIB = 2 * 1024 * 1024  # 2 GiB
MAX_TIME_COST = 32
MAX_PARALLELISM = 16
#: memory × passes: 8 GiB-passes take a few seconds on an office PC (256 MiB × 3 ≈ 0.4 s).
MAX_KDF_WORK_KIB = 8 * 1024 * 1024
SALT_BYTES = (16, 64)
NONCE_BYTES = 12
CIPHERTEXT_BYTES = KEY_BYTES + 16  # the wrapped key and the GCM tag
_KDF_FIELDS = ("name", "time_cost", "memory_kib", "parallelism")


class _Damaged(Exception):
    """A key file that cannot be read; ``reason`` names the field (German ``Text``)."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)
        self.reason = reason


def kdf_problem(
    time_cost: object, memory_kib: object, parallelism: object, where: str = "kdf"
) -> Text | None:
    """Why these Argon2id costs are not acceptable, or None."""
    for name, value, low, high in (
        ("time_cost", time_cost, 1, MAX_TIME_COST),
        ("parallelism", parallelism, 1, MAX_PARALLELISM),
        ("memory_kib", memory_kib, 8 * 1024, MAX_MEMORY_KIB),
    ):
        if not isinstance(value, int) or isinstance(value, bool):
            return T("Feld „{field}“ muss eine ganze Zahl sein", field=f"{where}.{name}")
        if not low <= value <= high:
            return T(
                "Feld „{field}“ muss zwischen {low} und {high} liegen (steht: {value})",
                field=f"{where}.{name}",
                low=low,
                high=high,
                value=_shown(value),
            )
    assert isinstance(time_cost, int) and isinstance(memory_kib, int)
    if memory_kib * time_cost > MAX_KDF_WORK_KIB:
        return T(
            "Feld „{field}“: {memory_kib} KiB × {time_cost} Durchgänge sind zu viel Aufwand "
            "(höchstens {limit} KiB-Durchgänge)",
            field=where,
            memory_kib=memory_kib,
            time_cost=time_cost,
            limit=MAX_KDF_WORK_KIB,
        )
    return None


def _shown(value: object) -> str:
    """A value from the file as it may appear in a message: short, one line."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(str(text).split())
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost. The default takes about half a second on an office PC."""

    time_cost: int = 6
    memory_kib: int = 256 * 1024
    parallelism: int = 2

    def __post_init__(self) -> None:
        # A key file is data from outside: absurd costs would hang or exhaust the PC
        # (a denial of service) before any passphrase is checked.
        problem = kdf_problem(self.time_cost, self.memory_kib, self.parallelism)
        if problem is not None:
            raise ValueError(problem)

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
            try:
                return cls._from_document(_document(raw))
            except (ValueError, TypeError, KeyError, RecursionError) as exc:  # a check we lack
                raise _Damaged(T("ein Feld hat einen unerwarteten Wert")) from exc
        except _Damaged as exc:
            raise KeyFileDamaged(
                T(
                    "Die Schlüsseldatei {name} ist beschädigt und kann nicht gelesen werden "
                    "({reason}). Stellen Sie sie aus einer Sicherung wieder her.",
                    name=path.name,
                    reason=exc.reason,
                )
            ) from None

    @classmethod
    def _from_document(cls, doc: dict[str, Any]) -> KeyFile:
        if doc.get("format") != FORMAT:
            raise _Damaged(T("kein Schlüsseldatei-Format"))
        version = _integer(doc, "version", "version", 1, 10**6)
        if version > VERSION:
            raise _Damaged(T("von einer neueren Programmversion geschrieben"))
        database_id = _string(doc, "database_id", "database_id", 1, 100)
        db_salt = doc.get("db_salt", "")
        if not isinstance(db_salt, str) or (db_salt and not _is_hex(db_salt, 32)):
            raise _Damaged(
                T("Feld „{field}“ muss leer sein oder 32 Hexadezimalziffern haben", field="db_salt")
            )
        slots = _slots(doc, "slots", required=True)
        pending = _slots(doc, "pending_slots", required=False)
        if not slots:
            raise _Damaged(T("keine Schlüsselplätze"))
        seen: set[str] = set()
        for name, group in (("slots", slots), ("pending_slots", pending)):
            owners: set[tuple[str, str]] = set()
            for i, slot in enumerate(group):
                where = f"{name}[{i}]"
                if slot.slot_id in seen:
                    raise _Damaged(
                        T(
                            "Feld „{field}“: die Schlüsselplatz-Kennung „{value}“ kommt doppelt vor",
                            field=where + ".id",
                            value=slot.slot_id,
                        )
                    )
                seen.add(slot.slot_id)
                if (slot.kind, slot.label) in owners:
                    raise _Damaged(
                        T(
                            "Feld „{field}“: für „{value}“ gibt es schon einen Schlüsselplatz "
                            "dieser Art",
                            field=where + ".label",
                            value=_shown(slot.label),
                        )
                    )
                owners.add((slot.kind, slot.label))
        return cls(database_id, db_salt, slots, pending)

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
        """A copy with a new slot for ``label`` (replacing that label's slot of the same kind).
        This sets a passphrase, so it must pass ``check_passphrase`` (with the login)."""
        if kind == PASSPHRASE:
            check_passphrase(secret, user_inputs=(label,))
        slot = self.new_slot(key, secret, kind=kind, label=label, kdf=kdf)
        kept = tuple(s for s in self.slots if not (s.kind == kind and s.label == label))
        return replace(self, slots=(*kept, slot))

    def new_slot(
        self, key: bytes, secret: str, *, kind: str, label: str, kdf: KdfParams = DEFAULT_KDF
    ) -> KeySlot:
        """A slot wrapping ``key`` for this database, not yet part of the file.

        A passphrase is only checked for its form here: a key rotation rewraps every kept
        passphrase through this method, and must not lock out a user whose passphrase is
        older than the strength rule. Setting a passphrase goes through ``with_slot``."""
        if kind == PASSPHRASE:
            _check_form(secret)
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


def check_passphrase(passphrase: str, user_inputs: Iterable[str] = ()) -> None:
    """Refuse a passphrase that ``assess_passphrase`` refuses (too short, too easy to guess,
    the user's own login or name), with the German reason and advice. ``user_inputs`` are
    the login and name of the slot's owner where known."""
    verdict = assess_passphrase(normalize_secret(passphrase), user_inputs)
    if not verdict.acceptable:
        raise ValidationError([("Passphrase", verdict.message)])


def _check_form(passphrase: str) -> None:
    """What every passphrase in a slot must be, however old: long enough, no NUL."""
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


# -- reading a key file: every field is checked, nothing from it reaches Argon2 unchecked ---------


def _document(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise _Damaged(T("die Datei ist leer"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Damaged(T("keine UTF-8-Textdatei")) from None
    try:
        doc = json.loads(text)
    except RecursionError:
        raise _Damaged(T("kein gültiges JSON")) from None
    except ValueError as exc:  # json.JSONDecodeError, also for a truncated file
        raise _Damaged(
            T(
                "kein gültiges JSON in Zeile {line}, Spalte {column}; die Datei ist vielleicht "
                "abgeschnitten",
                line=getattr(exc, "lineno", 0),
                column=getattr(exc, "colno", 0),
            )
        ) from None
    if not isinstance(doc, dict):
        raise _Damaged(T("der Inhalt ist kein JSON-Objekt"))
    return doc


def _field(doc: dict[str, Any], key: str, where: str) -> Any:
    if key not in doc:
        raise _Damaged(T("Feld „{field}“ fehlt", field=where))
    return doc[key]


def _integer(doc: dict[str, Any], key: str, where: str, low: int, high: int) -> int:
    value = _field(doc, key, where)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Damaged(T("Feld „{field}“ muss eine ganze Zahl sein", field=where))
    if not low <= value <= high:
        raise _Damaged(
            T(
                "Feld „{field}“ muss zwischen {low} und {high} liegen (steht: {value})",
                field=where,
                low=low,
                high=high,
                value=_shown(value),
            )
        )
    return value


def _string(doc: dict[str, Any], key: str, where: str, low: int, high: int) -> str:
    value = _field(doc, key, where)
    if not isinstance(value, str):
        raise _Damaged(T("Feld „{field}“ muss ein Text sein", field=where))
    if not low <= len(value) <= high:
        raise _Damaged(
            T(
                "Feld „{field}“ muss {low} bis {high} Zeichen lang sein",
                field=where,
                low=low,
                high=high,
            )
        )
    return value


def _bytes(doc: dict[str, Any], key: str, where: str, low: int, high: int) -> bytes:
    value = _field(doc, key, where)
    if not isinstance(value, str):
        raise _Damaged(T("Feld „{field}“ muss ein Text sein", field=where))
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error, ValueError):
        raise _Damaged(T("Feld „{field}“ ist kein gültiges Base64", field=where)) from None
    if low == high != len(data):
        raise _Damaged(
            T(
                "Feld „{field}“ muss {size} Byte lang sein (steht: {actual})",
                field=where,
                size=low,
                actual=len(data),
            )
        )
    if not low <= len(data) <= high:
        raise _Damaged(
            T(
                "Feld „{field}“ muss {low} bis {high} Byte lang sein (steht: {actual})",
                field=where,
                low=low,
                high=high,
                actual=len(data),
            )
        )
    return data


def _is_hex(text: str, digits: int) -> bool:
    return len(text) == digits and all(c in "0123456789abcdefABCDEF" for c in text)


def _slots(doc: dict[str, Any], key: str, *, required: bool) -> tuple[KeySlot, ...]:
    if key not in doc and not required:
        return ()
    items = _field(doc, key, key)
    if not isinstance(items, list):
        raise _Damaged(T("Feld „{field}“ muss eine Liste sein", field=key))
    return tuple(_slot_from_json(item, f"{key}[{i}]") for i, item in enumerate(items))


def _slot_from_json(doc: object, where: str = "slot") -> KeySlot:
    if not isinstance(doc, dict):
        raise _Damaged(T("Feld „{field}“ muss ein JSON-Objekt sein", field=where))
    slot_id = _string(doc, "id", where + ".id", 1, 64)
    kind = _string(doc, "kind", where + ".kind", 1, 40)
    if kind not in (PASSPHRASE, RECOVERY):
        raise _Damaged(
            T(
                "Feld „{field}“ hat den unbekannten Wert „{value}“",
                field=where + ".kind",
                value=_shown(kind),
            )
        )
    label = _string(doc, "label", where + ".label", 1, 200)
    created = doc.get("created", "")
    if not isinstance(created, str) or len(created) > 64:
        raise _Damaged(T("Feld „{field}“ muss ein Text sein", field=where + ".created"))
    kdf_doc = _field(doc, "kdf", where + ".kdf")
    if not isinstance(kdf_doc, dict):
        raise _Damaged(T("Feld „{field}“ muss ein JSON-Objekt sein", field=where + ".kdf"))
    unknown = sorted(str(k) for k in kdf_doc if k not in _KDF_FIELDS)
    if unknown:
        raise _Damaged(
            T(
                "Feld „{field}“ hat den unbekannten Eintrag „{value}“",
                field=where + ".kdf",
                value=_shown(unknown[0]),
            )
        )
    name = _field(kdf_doc, "name", where + ".kdf.name")
    if name != "argon2id":
        raise _Damaged(
            T(
                "Feld „{field}“ hat den unbekannten Wert „{value}“",
                field=where + ".kdf.name",
                value=_shown(name),
            )
        )
    costs = {k: _field(kdf_doc, k, f"{where}.kdf.{k}") for k in _KDF_FIELDS[1:]}
    problem = kdf_problem(**costs, where=where + ".kdf")
    if problem is not None:
        raise _Damaged(problem)
    return KeySlot(
        slot_id=slot_id,
        kind=kind,
        label=label,
        kdf=KdfParams(**costs),
        salt=_bytes(doc, "salt", where + ".salt", *SALT_BYTES),
        nonce=_bytes(doc, "nonce", where + ".nonce", NONCE_BYTES, NONCE_BYTES),
        ciphertext=_bytes(
            doc, "ciphertext", where + ".ciphertext", CIPHERTEXT_BYTES, CIPHERTEXT_BYTES
        ),
        created=created,
    )
