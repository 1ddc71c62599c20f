"""Key slots in two levels: passphrase → the user's key pairs → the database key.

The key file (``<database>.keys``, JSON) lives beside the database and travels with every backup.

* A **slot** (Argon2id + AES-256-GCM under a user's passphrase or the recovery key) wraps only
  its owner's private keys (``keypairs.KeyPair``) and the *root*: the recovery key's public
  signing key, the anchor of trust, kept where nobody can change it without the passphrase.
* A **binding** names the slot's login, role and public keys, signed by the root or by an admin
  whose own binding holds. A slot without a valid binding is refused, so a slot holder who adds
  a slot of their own with the raw database key gets nothing the program honours.
* The **database key** is sealed (``keypairs.seal``) to each slot's public key (``wraps``).
  An admin can therefore give the database a new key for everyone who stays without knowing
  their passphrases, and a removed user's copy of the old key opens nothing new.
* An **anchor**: the audit log's last head, signed, so a log cut short is noticed.

A wrong secret fails the GCM tag before the database is touched, which tells a wrong passphrase
apart from a damaged database. Changing a passphrase rewraps one slot and replaces the key file
atomically; the database itself is not rewritten.

During a key rotation (or a restore with another key) the file also holds *pending* slots and
wraps for the new database key: they are written before the database changes and become the
slots once that is confirmed, so that a crash at any moment leaves a key file that opens the
database with the old or the new key (see ``sro_case.accounts.keys``).

Version 1 files (every slot wrapping the raw database key) are still read; a key rotation by an
admin turns them into version 2.
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
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sro_case.domain.messages import T, Text
from sro_case.domain.passphrase import MIN_PASSPHRASE_LENGTH as MIN_PASSPHRASE_LENGTH
from sro_case.domain.passphrase import assess_passphrase
from sro_case.domain.rules import RECOVERY_LOGIN
from sro_case.errors import (
    KeyFileDamaged,
    KeyFileMissing,
    PermissionDenied,
    ValidationError,
    WrongPassphrase,
)
from sro_case.storage.files import atomic_write_bytes
from sro_case.storage.keypairs import (
    PRIVATE_BYTES,
    PUBLIC_BYTES,
    SEALED_OVERHEAD,
    SIGNATURE_BYTES,
    KeyPair,
    PublicKeys,
    SealOpenFailed,
    canonical,
    seal,
    verify,
)
from sro_case.storage.keypairs import (
    signed_message as _signed_message,
)

FORMAT = "sro-case-keyfile"
VERSION = 2
KEY_BYTES = 32
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
ROOT = "recovery"  # ``bound_by`` of a binding signed by the root (the recovery key)
ROOT_LABEL = RECOVERY_LOGIN  # the one recovery slot's label
ROLES = ("caseworker", "facilitator", "controlling", "admin")

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
CIPHERTEXT_BYTES = KEY_BYTES + 16  # a version 1 slot: the wrapped database key and the GCM tag
PAYLOAD_BYTES = PRIVATE_BYTES + PUBLIC_BYTES  # a version 2 slot: private keys and the root
SLOT_CIPHERTEXT_BYTES = PAYLOAD_BYTES + 16
WRAP_BYTES = KEY_BYTES + SEALED_OVERHEAD
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
    # version 2: the owner's public keys and the signed binding; None for a version 1 slot
    keys: PublicKeys | None = None
    role: str = ""
    bound_by: str = ""  # ROOT or the login of the admin who signed
    binding: bytes = b""

    @property
    def owner(self) -> tuple[str, str]:
        return (self.kind, self.label)


@dataclass(frozen=True, slots=True)
class KeyWrap:
    """The database key sealed to one slot's public box key."""

    kind: str
    label: str
    sealed: bytes


@dataclass(frozen=True, slots=True)
class Anchor:
    """The audit log's head (sequence number and hash) as someone signed it."""

    seq: int
    hash: str
    by: str
    signature: bytes


@dataclass(frozen=True, slots=True)
class Identity:
    """Who opened a version 2 slot: their key pair, the root they trust, the bound role."""

    kind: str
    label: str
    role: str
    pair: KeyPair
    root: bytes
    authority: Ed25519PrivateKey | None = None  # the root's private key (recovery key, admins)

    @property
    def signer(self) -> str:
        """How bindings and anchors name this identity."""
        return ROOT if self.kind == RECOVERY else self.label


@dataclass(frozen=True, slots=True)
class Opened:
    key: bytes  # the database key
    slot: KeySlot
    identity: Identity | None  # None for a version 1 slot


@dataclass(frozen=True, slots=True)
class KeyFile:
    database_id: str
    db_salt: str  # hex of the database file's first 16 bytes (SQLCipher salt), "" before creation
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)
    pending: tuple[KeySlot, ...] = field(default_factory=tuple)  # new key, rotation under way
    wraps: tuple[KeyWrap, ...] = field(default_factory=tuple)
    pending_wraps: tuple[KeyWrap, ...] = field(default_factory=tuple)
    anchor: Anchor | None = None
    authority: tuple[KeyWrap, ...] = field(default_factory=tuple)  # the root key, for admins
    # (seq, root signature): audit entries from ``seq`` on must be signed; before it the log
    # is from a version 1 file. Signed by the root, so nobody strips signatures unnoticed.
    signed_from: tuple[int, bytes] | None = None

    @property
    def version(self) -> int:
        return 2 if any(s.keys is not None for s in (*self.slots, *self.pending)) else 1

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
        wraps = _wraps(doc, "wraps")
        pending_wraps = _wraps(doc, "pending_wraps")
        anchor = _anchor(doc)
        authority = _wraps(doc, "authority")
        signed_from = _signed_from(doc)
        if not slots:
            raise _Damaged(T("keine Schlüsselplätze"))
        for name, group in (("slots", slots), ("pending_slots", pending)):
            seen: set[str] = set()  # a rotation's pending slots may be the same slots
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
        return cls(
            database_id,
            db_salt,
            slots,
            pending,
            wraps,
            pending_wraps,
            anchor,
            authority,
            signed_from,
        )

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "database_id": self.database_id,
            "db_salt": self.db_salt,
            "slots": [_slot_to_json(s) for s in self.slots],
        }
        if self.wraps:
            doc["wraps"] = [_wrap_to_json(w) for w in self.wraps]
        if self.authority:
            doc["authority"] = [_wrap_to_json(w) for w in self.authority]
        if self.signed_from is not None:
            doc["audit_signed_from"] = {
                "seq": self.signed_from[0],
                "signature": _b64(self.signed_from[1]),
            }
        if self.pending:
            doc["pending_slots"] = [_slot_to_json(s) for s in self.pending]
        if self.pending_wraps:
            doc["pending_wraps"] = [_wrap_to_json(w) for w in self.pending_wraps]
        if self.anchor is not None:
            a = self.anchor
            doc["audit_anchor"] = {
                "seq": a.seq,
                "hash": a.hash,
                "by": a.by,
                "signature": _b64(a.signature),
            }
        return (json.dumps(doc, indent=2, ensure_ascii=True) + "\n").encode("ascii")

    def save(self, path: Path) -> None:
        atomic_write_bytes(Path(path), self.to_bytes())

    # -- opening -----------------------------------------------------------------------------
    def unlock(self, secret: str, *, kind: str = PASSPHRASE, label: str | None = None) -> bytes:
        """The database key from the first slot of ``kind`` that ``secret`` opens."""
        return self.open(secret, kind=kind, label=label).key

    def open_slot(
        self,
        secret: str,
        *,
        kind: str = PASSPHRASE,
        label: str | None = None,
        pending: bool = False,
    ) -> tuple[bytes, KeySlot]:
        """The database key and the slot that ``secret`` opened (see ``open``)."""
        opened = self.open(secret, kind=kind, label=label, pending=pending)
        return opened.key, opened.slot

    def open(
        self,
        secret: str,
        *,
        kind: str = PASSPHRASE,
        label: str | None = None,
        pending: bool = False,
    ) -> Opened:
        """Open the first slot of ``kind`` (and ``label``) that ``secret`` opens.

        WrongPassphrase if none does. A version 2 slot must have a binding that holds under the
        root kept inside it (else PermissionDenied) and a wrap of the database key (else
        WrongPassphrase: the key was renewed without this user). With ``pending=True`` only
        the pending slots and wraps (the new key of a rotation or restore) are used."""
        pool = self.pending if pending else self.slots
        wraps = self.pending_wraps if pending else self.wraps
        candidates = [s for s in pool if s.kind == kind and (label is None or s.label == label)]
        if kind == RECOVERY:
            secret = normalize_recovery_key(secret)
        for slot in candidates:
            try:
                plain = _unwrap(slot, secret, self.database_id)
            except InvalidTag:
                continue
            if slot.keys is None:
                if any(s.keys is not None for s in pool):  # slipped in beside version 2 slots
                    raise PermissionDenied(_UNBOUND)
                return Opened(plain, slot, None)
            return self._open_v2(slot, plain, pool, wraps)
        if kind == RECOVERY:
            raise WrongPassphrase(
                T("Der Wiederherstellungsschlüssel ist falsch. Es wurde nichts verändert.")
            )
        raise WrongPassphrase()

    def _open_v2(
        self, slot: KeySlot, plain: bytes, pool: tuple[KeySlot, ...], wraps: tuple[KeyWrap, ...]
    ) -> Opened:
        pair = KeyPair.from_bytes(plain[:PRIVATE_BYTES])
        root = plain[PRIVATE_BYTES:]
        if pair.public != slot.keys:
            raise PermissionDenied(_UNBOUND)  # the public keys beside the slot were swapped
        if self.root_of(pool) != root:
            # the root this slot trusts is not the file's recovery key: a slot someone made
            # with a root of their own, or a recovery slot replaced behind everyone's back
            raise PermissionDenied(_FOREIGN_ROOT)
        if slot.owner not in self.valid_slots(root, pool):
            raise PermissionDenied(_UNBOUND)
        wrap = next((w for w in wraps if (w.kind, w.label) == slot.owner), None)
        if wrap is None:
            raise WrongPassphrase(
                T(
                    "Der Datenbankschlüssel wurde erneuert und Ihr Zugang dabei nicht übernommen. "
                    "Bitten Sie die Administration, Ihren Zugang neu einzurichten."
                )
            )
        try:
            key = pair.open(wrap.sealed, _wrap_context(self.database_id, slot.kind, slot.label))
        except SealOpenFailed:
            raise PermissionDenied(_UNBOUND) from None
        role = "admin" if slot.kind == RECOVERY else slot.role
        authority: Ed25519PrivateKey | None = None
        if slot.kind == RECOVERY:
            authority = pair.sign_private
        elif role == "admin":
            authority = self._open_authority(slot, pair, root)
        return Opened(key, slot, Identity(slot.kind, slot.label, role, pair, root, authority))

    def _open_authority(
        self, slot: KeySlot, pair: KeyPair, root: bytes
    ) -> Ed25519PrivateKey | None:
        wrap = next((w for w in self.authority if (w.kind, w.label) == slot.owner), None)
        if wrap is None:
            return None
        try:
            raw = pair.open(wrap.sealed, _authority_context(self.database_id, slot.label))
            private = Ed25519PrivateKey.from_private_bytes(raw)
        except (SealOpenFailed, ValueError):
            return None
        public = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return private if public == root else None

    def root_of(self, pool: tuple[KeySlot, ...] | None = None) -> bytes | None:
        """The public signing key of the file's one recovery slot (None if there is not
        exactly one, labelled as the recovery key)."""
        pool = self.slots if pool is None else pool
        recovery = [s for s in pool if s.kind == RECOVERY]
        if len(recovery) != 1 or recovery[0].keys is None or recovery[0].label != ROOT_LABEL:
            return None
        return recovery[0].keys.sign

    def valid_slots(
        self, root: bytes, pool: tuple[KeySlot, ...] | None = None
    ) -> dict[tuple[str, str], KeySlot]:
        """The version 2 slots whose binding the root signed (the recovery key, or an admin
        with the authority sealed to them). The recovery slot must carry the root itself."""
        pool = self.slots if pool is None else pool
        valid: dict[tuple[str, str], KeySlot] = {}
        for slot in pool:
            if slot.keys is None:
                continue
            if slot.kind == RECOVERY and (slot.keys.sign != root or slot.label != ROOT_LABEL):
                continue
            if verify(root, slot.binding, "binding", self._binding_message(slot)):
                valid[slot.owner] = slot
        return valid

    def _binding_message(self, slot: KeySlot) -> bytes:
        assert slot.keys is not None
        return canonical(
            self.database_id,
            slot.kind,
            slot.label,
            slot.role,
            _b64(slot.keys.box),
            _b64(slot.keys.sign),
            slot.bound_by,
        )

    def bound(self, slot: KeySlot, signer: Identity, role: str | None = None) -> KeySlot:
        """``slot`` (with ``role``, if given) bound anew under the root by ``signer``: the
        recovery key, or an admin holding the authority (``authority_for``)."""
        if signer.role != "admin" or signer.authority is None:
            raise PermissionDenied("Nur die Administration kann Zugänge bestätigen.")
        if role is not None and role not in ROLES:
            raise ValidationError([("Rolle", T("Unbekannte Rolle „{role}“.", role=role))])
        new_role = "admin" if slot.kind == RECOVERY else (role or slot.role)
        draft = replace(slot, role=new_role, bound_by=signer.signer, binding=b"")
        message = _signed_message("binding", self._binding_message(draft))
        return replace(draft, binding=signer.authority.sign(message))

    def authority_for(self, slot: KeySlot, signer: Identity) -> KeyWrap:
        """The root's private signing key sealed to an admin's slot, so that the admin can bind
        slots (``bound``) without the recovery key."""
        assert slot.keys is not None and signer.authority is not None
        raw = signer.authority.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        context = _authority_context(self.database_id, slot.label)
        return KeyWrap(slot.kind, slot.label, seal(slot.keys.box, raw, context))

    def with_signed_from(self, seq: int, signer: Identity) -> KeyFile:
        """Audit entries from ``seq`` on must be signed (signed by the root)."""
        if signer.authority is None:
            raise PermissionDenied("Nur die Administration kann Zugänge bestätigen.")
        message = _signed_message("audit-from", canonical(self.database_id, seq))
        return replace(self, signed_from=(seq, signer.authority.sign(message)))

    def audit_signed_from(self, root: bytes) -> int:
        """From which entry on the log must be signed: the root-signed value, else 1."""
        if self.signed_from is None:
            return 1
        seq, signature = self.signed_from
        if verify(root, signature, "audit-from", canonical(self.database_id, seq)):
            return seq
        return 1

    def with_authority(self, wraps: tuple[KeyWrap, ...]) -> KeyFile:
        return replace(self, authority=tuple(wraps))

    # -- making slots --------------------------------------------------------------------------
    def with_slot(
        self, key: bytes, secret: str, *, kind: str, label: str, kdf: KdfParams = DEFAULT_KDF
    ) -> KeyFile:
        """A copy whose slot for ``label`` (of this kind) has a new secret. This sets a
        passphrase, so it must pass ``check_passphrase`` (with the login).

        For a version 2 slot the passphrase is rewrapped around the same key pair (``key`` is
        then the slot's opened payload, see ``rewrapped``); for a version 1 file ``key`` is the
        database key."""
        if kind == PASSPHRASE:
            check_passphrase(secret, user_inputs=(label,))
        slot = self.new_slot(key, secret, kind=kind, label=label, kdf=kdf)
        kept = tuple(s for s in self.slots if not (s.kind == kind and s.label == label))
        return replace(self, slots=(*kept, slot))

    def new_slot(
        self, key: bytes, secret: str, *, kind: str, label: str, kdf: KdfParams = DEFAULT_KDF
    ) -> KeySlot:
        """A version 1 slot wrapping ``key`` for this database, not yet part of the file.

        A passphrase is only checked for its form here: a key rotation rewraps every kept
        passphrase through this method, and must not lock out a user whose passphrase is
        older than the strength rule. Setting a passphrase goes through ``with_slot``."""
        if kind == PASSPHRASE:
            _check_form(secret)
        else:
            secret = normalize_recovery_key(secret)
        return _wrap(key, secret, kind=kind, label=label, kdf=kdf, database_id=self.database_id)

    def new_owner_slot(
        self,
        pair: KeyPair,
        root: bytes,
        secret: str,
        *,
        kind: str,
        label: str,
        role: str,
        signer: Identity,
        kdf: KdfParams = DEFAULT_KDF,
        check: bool = True,
    ) -> KeySlot:
        """A version 2 slot: ``secret`` wraps ``pair`` and the root; bound by ``signer``."""
        if kind == PASSPHRASE:
            if check:
                check_passphrase(secret, user_inputs=(label,))
            else:
                _check_form(secret)
        else:
            secret = normalize_recovery_key(secret)
        plain = pair.to_bytes() + root
        slot = _wrap(plain, secret, kind=kind, label=label, kdf=kdf, database_id=self.database_id)
        slot = replace(slot, keys=pair.public, role=role)
        return self.bound(slot, signer, role)

    def rewrapped(self, slot: KeySlot, old: str, new: str, *, kdf: KdfParams) -> KeySlot:
        """``slot`` with ``new`` instead of ``old`` as its passphrase, same keys and binding."""
        check_passphrase(new, user_inputs=(slot.label,))
        try:
            plain = _unwrap(slot, old, self.database_id)
        except InvalidTag:
            raise WrongPassphrase() from None
        fresh = _wrap(
            plain, new, kind=slot.kind, label=slot.label, kdf=kdf, database_id=self.database_id
        )
        return replace(
            slot,
            slot_id=fresh.slot_id,
            kdf=fresh.kdf,
            salt=fresh.salt,
            nonce=fresh.nonce,
            ciphertext=fresh.ciphertext,
            created=fresh.created,
        )

    def wrap_for(self, key: bytes, slot: KeySlot) -> KeyWrap:
        """The database ``key`` sealed to ``slot``'s public box key."""
        assert slot.keys is not None
        sealed = seal(slot.keys.box, key, _wrap_context(self.database_id, slot.kind, slot.label))
        return KeyWrap(slot.kind, slot.label, sealed)

    def with_owner_slot(self, slot: KeySlot, key: bytes, signer: Identity) -> KeyFile:
        """A copy with ``slot`` (replacing the owner's slot), a wrap of ``key`` for it and,
        for an admin, the authority (the root key, sealed to the slot)."""
        slots = tuple(s for s in self.slots if s.owner != slot.owner)
        wraps = tuple(w for w in self.wraps if (w.kind, w.label) != slot.owner)
        authority = tuple(w for w in self.authority if (w.kind, w.label) != slot.owner)
        if slot.kind == PASSPHRASE and slot.role == "admin":
            authority = (*authority, self.authority_for(slot, signer))
        return replace(
            self,
            slots=(*slots, slot),
            wraps=(*wraps, self.wrap_for(key, slot)),
            authority=authority,
        )

    def with_pending(self, slots: tuple[KeySlot, ...], wraps: tuple[KeyWrap, ...] = ()) -> KeyFile:
        return replace(self, pending=tuple(slots), pending_wraps=tuple(wraps))

    def promote_pending(self) -> KeyFile:
        """The rotation is done: the pending slots become the slots."""
        if not self.pending:
            return self
        return replace(
            self, slots=self.pending, wraps=self.pending_wraps, pending=(), pending_wraps=()
        )

    def drop_pending(self) -> KeyFile:
        """The rotation did not happen: forget the new key."""
        return replace(self, pending=(), pending_wraps=())

    def with_anchor(self, anchor: Anchor | None) -> KeyFile:
        return replace(self, anchor=anchor)

    def slot_for(self, label: str, kind: str = PASSPHRASE) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == kind and s.label == label), None)

    def without_slot(self, label: str, kind: str = PASSPHRASE) -> KeyFile:
        kept = tuple(s for s in self.slots if not (s.kind == kind and s.label == label))
        if not any(s.kind == PASSPHRASE for s in kept):
            raise ValidationError("Der letzte Passphrasen-Platz kann nicht entfernt werden.")
        wraps = tuple(w for w in self.wraps if (w.kind, w.label) != (kind, label))
        authority = tuple(w for w in self.authority if (w.kind, w.label) != (kind, label))
        return replace(self, slots=kept, wraps=wraps, authority=authority)

    def labels(self, kind: str = PASSPHRASE) -> list[str]:
        return [s.label for s in self.slots if s.kind == kind]


_FOREIGN_ROOT = T(
    "Die Schlüsseldatei wurde verändert: der Wiederherstellungsschlüssel darin ist nicht der, "
    "dem Ihr Zugang vertraut. Es wurde nichts geöffnet. Stellen Sie die Schlüsseldatei aus einer "
    "Sicherung wieder her und wenden Sie sich an die Administration."
)

_UNBOUND = T(
    "Dieser Schlüsselplatz ist von keiner Administratorin und keinem Administrator bestätigt "
    "(seine Bindung fehlt oder stimmt nicht). Er wird nicht geöffnet; wenden Sie sich an die "
    "Administration."
)


def anchor_message(database_id: str, seq: int, digest: str) -> bytes:
    return canonical(database_id, seq, digest)


def _authority_context(database_id: str, label: str) -> bytes:
    return canonical("sro-case-root-key", database_id, label)


def _wrap_context(database_id: str, kind: str, label: str) -> bytes:
    return canonical("sro-case-database-key", database_id, kind, label)


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
    plain = AESGCM(kek).decrypt(slot.nonce, slot.ciphertext, aad)
    if len(plain) != (KEY_BYTES if slot.keys is None else PAYLOAD_BYTES):
        raise InvalidTag()
    return plain


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _slot_to_json(slot: KeySlot) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": slot.slot_id,
        "kind": slot.kind,
        "label": slot.label,
        "created": slot.created,
        "kdf": {"name": "argon2id", **asdict(slot.kdf)},
        "salt": _b64(slot.salt),
        "nonce": _b64(slot.nonce),
        "ciphertext": _b64(slot.ciphertext),
    }
    if slot.keys is not None:
        doc.update(
            role=slot.role,
            box_key=_b64(slot.keys.box),
            sign_key=_b64(slot.keys.sign),
            bound_by=slot.bound_by,
            binding=_b64(slot.binding),
        )
    return doc


def _wrap_to_json(wrap: KeyWrap) -> dict[str, Any]:
    return {"kind": wrap.kind, "label": wrap.label, "sealed": _b64(wrap.sealed)}


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
    keys: PublicKeys | None = None
    role, bound_by, binding = "", "", b""
    size = CIPHERTEXT_BYTES
    if "sign_key" in doc or "box_key" in doc or "binding" in doc:
        keys = PublicKeys(
            _bytes(doc, "box_key", where + ".box_key", PUBLIC_BYTES, PUBLIC_BYTES),
            _bytes(doc, "sign_key", where + ".sign_key", PUBLIC_BYTES, PUBLIC_BYTES),
        )
        role = _string(doc, "role", where + ".role", 1, 40)
        if role not in ROLES:
            raise _Damaged(
                T(
                    "Feld „{field}“ hat den unbekannten Wert „{value}“",
                    field=where + ".role",
                    value=_shown(role),
                )
            )
        bound_by = _string(doc, "bound_by", where + ".bound_by", 1, 200)
        binding = _bytes(doc, "binding", where + ".binding", SIGNATURE_BYTES, SIGNATURE_BYTES)
        size = SLOT_CIPHERTEXT_BYTES
    return KeySlot(
        slot_id=slot_id,
        kind=kind,
        label=label,
        kdf=KdfParams(**costs),
        salt=_bytes(doc, "salt", where + ".salt", *SALT_BYTES),
        nonce=_bytes(doc, "nonce", where + ".nonce", NONCE_BYTES, NONCE_BYTES),
        ciphertext=_bytes(doc, "ciphertext", where + ".ciphertext", size, size),
        created=created,
        keys=keys,
        role=role,
        bound_by=bound_by,
        binding=binding,
    )


def _wraps(doc: dict[str, Any], key: str) -> tuple[KeyWrap, ...]:
    if key not in doc:
        return ()
    items = doc[key]
    if not isinstance(items, list):
        raise _Damaged(T("Feld „{field}“ muss eine Liste sein", field=key))
    wraps: list[KeyWrap] = []
    for i, item in enumerate(items):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            raise _Damaged(T("Feld „{field}“ muss ein JSON-Objekt sein", field=where))
        kind = _string(item, "kind", where + ".kind", 1, 40)
        if kind not in (PASSPHRASE, RECOVERY):
            raise _Damaged(
                T(
                    "Feld „{field}“ hat den unbekannten Wert „{value}“",
                    field=where + ".kind",
                    value=_shown(kind),
                )
            )
        label = _string(item, "label", where + ".label", 1, 200)
        sealed = _bytes(item, "sealed", where + ".sealed", WRAP_BYTES, WRAP_BYTES)
        wraps.append(KeyWrap(kind, label, sealed))
    return tuple(wraps)


def _signed_from(doc: dict[str, Any]) -> tuple[int, bytes] | None:
    if "audit_signed_from" not in doc:
        return None
    item = doc["audit_signed_from"]
    where = "audit_signed_from"
    if not isinstance(item, dict):
        raise _Damaged(T("Feld „{field}“ muss ein JSON-Objekt sein", field=where))
    return (
        _integer(item, "seq", where + ".seq", 1, 2**62),
        _bytes(item, "signature", where + ".signature", SIGNATURE_BYTES, SIGNATURE_BYTES),
    )


def _anchor(doc: dict[str, Any]) -> Anchor | None:
    if "audit_anchor" not in doc:
        return None
    item = doc["audit_anchor"]
    where = "audit_anchor"
    if not isinstance(item, dict):
        raise _Damaged(T("Feld „{field}“ muss ein JSON-Objekt sein", field=where))
    digest = _string(item, "hash", where + ".hash", 64, 64)
    if not _is_hex(digest, 64):
        raise _Damaged(T("Feld „{field}“ muss 64 Hexadezimalziffern haben", field=where + ".hash"))
    return Anchor(
        _integer(item, "seq", where + ".seq", 0, 2**62),
        digest,
        _string(item, "by", where + ".by", 1, 200),
        _bytes(item, "signature", where + ".signature", SIGNATURE_BYTES, SIGNATURE_BYTES),
    )
