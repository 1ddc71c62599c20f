"""The second key level: each user's (and the recovery key's) own key pairs.

A key slot wraps only its owner's private keys: an X25519 key to open what is sealed to the
user (the database key, the content keys of § 65 entries) and an Ed25519 key to sign (key-slot
bindings, audit entries, the audit head). Everything here is standard ``cryptography``:

* ``seal``: an anonymous sealed box, ECIES style: a fresh X25519 key pair per message, HKDF-SHA256
  over the shared secret and both public keys, AES-256-GCM with the caller's ``context`` as
  associated data (so a sealed database key cannot be passed off as a note key).
* ``sign`` / ``verify``: Ed25519 with a domain-separating prefix per kind of message.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PUBLIC_BYTES = 32
PRIVATE_BYTES = 64  # X25519 private key, then the Ed25519 private key (both raw, 32 bytes)
SIGNATURE_BYTES = 64
SEALED_OVERHEAD = 32 + 12 + 16  # ephemeral public key, nonce, GCM tag

_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw
_NO_ENCRYPTION = serialization.NoEncryption()


class SealOpenFailed(Exception):
    """The sealed data is not for this key, or was changed."""


@dataclass(frozen=True, slots=True)
class PublicKeys:
    box: bytes  # X25519, 32 bytes
    sign: bytes  # Ed25519, 32 bytes

    def fingerprint(self) -> str:
        """Short, printable: the first 16 base32 characters of the signing key."""
        return base64.b32encode(self.sign).decode("ascii")[:16]


@dataclass(frozen=True, slots=True)
class KeyPair:
    box_private: X25519PrivateKey
    sign_private: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate())

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyPair:
        if len(raw) != PRIVATE_BYTES:
            raise ValueError("private key material must be 64 bytes")
        return cls(
            X25519PrivateKey.from_private_bytes(raw[:32]),
            Ed25519PrivateKey.from_private_bytes(raw[32:]),
        )

    def to_bytes(self) -> bytes:
        return self.box_private.private_bytes(
            _RAW, _RAW_PRIVATE, _NO_ENCRYPTION
        ) + self.sign_private.private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION)

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(
            self.box_private.public_key().public_bytes(_RAW, _RAW_PUBLIC),
            self.sign_private.public_key().public_bytes(_RAW, _RAW_PUBLIC),
        )

    def sign(self, domain: str, message: bytes) -> bytes:
        return self.sign_private.sign(_signed(domain, message))

    def open(self, sealed: bytes, context: bytes) -> bytes:
        """What ``seal`` sealed to this key pair's public box key; SealOpenFailed otherwise."""
        if len(sealed) < SEALED_OVERHEAD:
            raise SealOpenFailed()
        ephemeral, nonce, body = sealed[:32], sealed[32:44], sealed[44:]
        try:
            shared = self.box_private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        except ValueError:  # a low-order point
            raise SealOpenFailed() from None
        own = self.box_private.public_key().public_bytes(_RAW, _RAW_PUBLIC)
        try:
            return AESGCM(_box_key(shared, ephemeral, own)).decrypt(nonce, body, context)
        except InvalidTag:
            raise SealOpenFailed() from None


def seal(box_public: bytes, data: bytes, context: bytes) -> bytes:
    """``data`` readable only with the private key of ``box_public``."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, _RAW_PUBLIC)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(box_public))
    nonce = secrets.token_bytes(12)
    body = AESGCM(_box_key(shared, ephemeral_public, box_public)).encrypt(nonce, data, context)
    return ephemeral_public + nonce + body


def verify(sign_public: bytes, signature: bytes, domain: str, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, _signed(domain, message))
    except (InvalidSignature, ValueError):
        return False
    return True


def _box_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"sro-case-seal-v1" + ephemeral_public + recipient_public,
    ).derive(shared)


def signed_message(domain: str, message: bytes) -> bytes:
    """What ``KeyPair.sign`` signs for ``domain`` (for signing with a bare Ed25519 key)."""
    return _signed(domain, message)


def _signed(domain: str, message: bytes) -> bytes:
    return b"sro-case\x00" + domain.encode("ascii") + b"\x00" + message


def canonical(*parts: object) -> bytes:
    """The bytes a signature or an AEAD context covers: a JSON list, no spaces."""
    return json.dumps(list(parts), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
