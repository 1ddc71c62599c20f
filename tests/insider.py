"""What a colleague with a key slot can do without the program (issue #14).

Written as the insider would: only the key file beside the database, their own passphrase,
``argon2-cffi``, ``cryptography`` and ``sqlcipher3``. Nothing here imports ``sro_case``; the
formats are re-implemented from the documentation (docs/SECURITY.md, the key file itself), so
a test that passes with these tools shows what really holds against a slot holder, not what
the program's own services respect.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

RAW = serialization.Encoding.Raw


def keyfile_of(db: Path) -> Path:
    return db.with_name(db.name + ".keys")


def load(db: Path) -> dict[str, Any]:
    return json.loads(keyfile_of(db).read_text(encoding="utf-8"))


def save(db: Path, doc: dict[str, Any]) -> None:
    keyfile_of(db).write_text(json.dumps(doc, indent=2), encoding="utf-8")


def canonical(*parts: object) -> bytes:
    return json.dumps(list(parts), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _slot_aad(doc: dict[str, Any], slot: dict[str, Any]) -> bytes:
    return json.dumps(
        ["sro-case-keyslot", 1, doc["database_id"], slot["id"], slot["kind"], slot["label"]]
    ).encode()


def _kek(slot: dict[str, Any], secret: str) -> bytes:
    kdf = slot["kdf"]
    return hash_secret_raw(
        unicodedata.normalize("NFC", secret).encode("utf-8"),
        base64.b64decode(slot["salt"]),
        time_cost=kdf["time_cost"],
        memory_cost=kdf["memory_kib"],
        parallelism=kdf["parallelism"],
        hash_len=32,
        type=Type.ID,
    )


def open_own_slot(db: Path, login: str, passphrase: str) -> bytes:
    """The plaintext of my own slot (passphrase + Argon2id + AES-GCM)."""
    doc = load(db)
    slot = next(s for s in doc["slots"] if s["kind"] == "passphrase" and s["label"] == login)
    return AESGCM(_kek(slot, passphrase)).decrypt(
        base64.b64decode(slot["nonce"]), base64.b64decode(slot["ciphertext"]), _slot_aad(doc, slot)
    )


@dataclass
class Me:
    login: str
    box: X25519PrivateKey
    sign: Ed25519PrivateKey
    root: bytes


def my_keys(db: Path, login: str, passphrase: str) -> Me:
    plain = open_own_slot(db, login, passphrase)
    return Me(
        login,
        X25519PrivateKey.from_private_bytes(plain[:32]),
        Ed25519PrivateKey.from_private_bytes(plain[32:64]),
        plain[64:96],
    )


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        hashes.SHA256(), 32, salt=None, info=b"sro-case-seal-v1" + ephemeral + recipient
    ).derive(shared)


def unseal(me: Me, sealed: bytes, context: bytes) -> bytes:
    ephemeral, nonce, body = sealed[:32], sealed[32:44], sealed[44:]
    shared = me.box.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    own = me.box.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    return AESGCM(_box_key(shared, ephemeral, own)).decrypt(nonce, body, context)


def seal(box_public: bytes, data: bytes, context: bytes) -> bytes:
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(box_public))
    nonce = secrets.token_bytes(12)
    return (
        eph_pub
        + nonce
        + AESGCM(_box_key(shared, eph_pub, box_public)).encrypt(nonce, data, context)
    )


def raw_database_key(db: Path, login: str, passphrase: str) -> bytes:
    """What every slot holder can get: the database key sealed to their public key."""
    doc = load(db)
    me = my_keys(db, login, passphrase)
    wrap = next(w for w in doc["wraps"] if w["kind"] == "passphrase" and w["label"] == login)
    context = canonical("sro-case-database-key", doc["database_id"], "passphrase", login)
    return unseal(me, base64.b64decode(wrap["sealed"]), context)


def connect(db: Path, key: bytes) -> Any:
    """Plain sqlcipher3 with the raw key; raises sqlcipher3.DatabaseError if it does not fit."""
    conn = sqlcipher3.connect(str(db), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    return conn


def opens(db: Path, key: bytes) -> bool:
    try:
        connect(db, key).close()
    except sqlcipher3.DatabaseError:
        return False
    return True


def everything(conn: Any) -> str:
    """Every value in every table, as one text (to search for a secret)."""
    out = []
    for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"):
        for row in conn.execute(f'SELECT * FROM "{name}"'):
            out.append(repr(row))
    return "\n".join(out)


# -- the audit log, as the insider rewrites it --------------------------------------------------

GENESIS = "0" * 64


def event_hash(prev: str, seq: int, row: dict[str, Any]) -> str:
    payload = json.dumps(
        [
            prev,
            seq,
            datetime.fromisoformat(row["at"]).isoformat(),
            row["actor"],
            row["action"],
            row["entity"],
            row["entity_id"],
            row["case_id"],
            row["detail"],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def rechain(conn: Any, me: Me | None = None) -> None:
    """Renumber (in the order of ``seq``) and recompute the whole chain and head, as the
    insider would after deleting, inserting or moving entries. With ``me`` every entry is
    signed anew with my own key; without, the signatures stay as they were."""
    cols = [
        "seq",
        "at",
        "actor",
        "action",
        "entity",
        "entity_id",
        "case_id",
        "detail",
        "signed_by",
        "signature",
    ]
    rows = [
        dict(zip(cols, r, strict=True))
        for r in conn.execute(f"SELECT {', '.join(cols)} FROM audit_event ORDER BY seq")
    ]
    conn.execute("BEGIN")
    conn.execute("DELETE FROM audit_event")
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        digest = event_hash(prev, seq, row)
        signed_by, signature = row["signed_by"], row["signature"]
        if me is not None:
            signed_by = me.login
            msg = b"sro-case\x00audit\x00" + digest.encode("ascii")
            signature = base64.b64encode(me.sign.sign(msg)).decode("ascii")
        conn.execute(
            "INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, case_id, detail,"
            " prev_hash, hash, signed_by, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                seq,
                row["at"],
                row["actor"],
                row["action"],
                row["entity"],
                row["entity_id"],
                row["case_id"],
                row["detail"],
                prev,
                digest,
                signed_by,
                signature,
            ),
        )
        prev = digest
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head_seq', ?)", (str(len(rows)),)
    )
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head_hash', ?)", (prev,))
    conn.execute("COMMIT")


# -- slots the insider makes herself --------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def cheap_kek(secret: str, salt: bytes) -> bytes:
    """Argon2id with the smallest costs a key file may name (the insider's own slot)."""
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=1,
        memory_cost=8192,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )


def forge_slot(
    doc: dict[str, Any],
    *,
    kind: str,
    label: str,
    secret: str,
    root: bytes,
    role: str,
    binding_key: Ed25519PrivateKey,
    sign: Ed25519PrivateKey | None = None,
) -> tuple[dict[str, Any], X25519PrivateKey]:
    """A version 2 slot made with the insider's own tools: a fresh box key, ``sign`` (or a
    fresh signing key) and ``root`` inside, bound with ``binding_key``. Returns the slot and
    its box key."""
    box = X25519PrivateKey.generate()
    sign = sign or Ed25519PrivateKey.generate()
    raw = serialization.PrivateFormat.Raw
    box_pub = box.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    sign_pub = sign.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    slot_id, salt, nonce = secrets.token_hex(8), secrets.token_bytes(16), secrets.token_bytes(12)
    plain = (
        box.private_bytes(RAW, raw, serialization.NoEncryption())
        + sign.private_bytes(RAW, raw, serialization.NoEncryption())
        + root
    )
    aad = json.dumps(["sro-case-keyslot", 1, doc["database_id"], slot_id, kind, label]).encode()
    binding = canonical(
        doc["database_id"], kind, label, role, _b64(box_pub), _b64(sign_pub), "recovery"
    )
    slot = {
        "id": slot_id,
        "kind": kind,
        "label": label,
        "created": "",
        "kdf": {"name": "argon2id", "time_cost": 1, "memory_kib": 8192, "parallelism": 1},
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "ciphertext": _b64(AESGCM(cheap_kek(secret, salt)).encrypt(nonce, plain, aad)),
        "role": role,
        "box_key": _b64(box_pub),
        "sign_key": _b64(sign_pub),
        "bound_by": "recovery",
        "binding": _b64(binding_key.sign(b"sro-case\x00binding\x00" + binding)),
    }
    return slot, box


def add_wrap(doc: dict[str, Any], kind: str, label: str, box: X25519PrivateKey, key: bytes) -> None:
    """The database key sealed to ``box``'s public key, as a wrap for (kind, label)."""
    box_pub = box.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    context = canonical("sro-case-database-key", doc["database_id"], kind, label)
    doc["wraps"].append({"kind": kind, "label": label, "sealed": _b64(seal(box_pub, key, context))})
