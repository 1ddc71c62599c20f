"""§ 65 SGB VIII by cryptography: entrusted entries sealed to the people who may read them.

An entrusted note's text and participants are encrypted field by field (AES-256-GCM) under a
random content key; the content key is sealed (``keypairs.seal``) to the public key of each
reader: the author, and, once a consent releases entrusted data, whoever had case access at the
moment someone who could read the note saw that consent. Only a consent whose recording is
signed in the audit log by someone with case access counts (``release``), and roles come from
the signed bindings. A slot holder with the raw database
key sees ciphertext only. The plaintext columns of a sealed note are empty.

Readers' public keys come from the key file, and only from slots whose binding holds under the
reader's own root and whose key the database registers for an active user.

Notes written before the key hierarchy (or by a user without a key pair yet) are sealed to their
author at the next sign-in that finds the author's key (``seal_waiting_notes``).
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.orm import Session

from sro_case.domain.consent_gate import entrusted_released
from sro_case.errors import SroCaseError
from sro_case.kernel import audit, mapping
from sro_case.kernel.unit_of_work import database_id
from sro_case.storage.keyfile import PASSPHRASE, KeyFile, KeySlot
from sro_case.storage.keypairs import SealOpenFailed, b64, canonical, seal
from sro_case.storage.orm import (
    AuditEventRecord,
    CaseNoteRecord,
    ConsentRecord,
    NoteKeyRecord,
    UserRecord,
)

if TYPE_CHECKING:
    from sro_case.kernel.unit_of_work import UnitOfWork

FIELDS = ("text", "participants")
CASE_ACCESS_ROLES = ("caseworker", "facilitator", "admin")


@dataclass(frozen=True)
class Opened:
    text: str
    participants: str


def reader_slots(store: UnitOfWork, session: Session) -> dict[str, KeySlot]:
    """login -> slot of every active user whose slot's binding holds under the signed-in
    user's root and whose key the database registers. Roles come from the bindings (signed),
    never from the user table (which every slot holder can write)."""
    identity = store.identity
    if identity is None:
        return {}
    try:
        keys = KeyFile.load(KeyFile.path_for(store.path))
    except SroCaseError:  # no key file, no readers: sealing waits
        return {}
    registered = {
        login: sign_key
        for login, sign_key in session.execute(
            select(UserRecord.login, UserRecord.sign_key).where(UserRecord.active)
        )
    }
    readers: dict[str, KeySlot] = {}
    for (kind, label), slot in keys.valid_slots(identity.root).items():
        if kind != PASSPHRASE or slot.keys is None:
            continue
        if registered.get(label) == b64(slot.keys.sign):
            readers[label] = slot
    return readers


def _trusted_consents(
    session: Session, slots: dict[str, KeySlot], consent_ids: list[int]
) -> set[int]:
    """The consents whose recording is signed, in the audit log, by someone with case access
    (a bound, registered slot): a consent row a slot holder inserted with the raw key, or one
    Controlling recorded, releases nothing."""
    trusted: set[int] = set()
    for rec in session.execute(
        select(AuditEventRecord).where(
            AuditEventRecord.entity == "consent",
            AuditEventRecord.action == "create",
            AuditEventRecord.entity_id.in_(consent_ids),
        )
    ).scalars():
        slot = slots.get(rec.signed_by)
        if slot is None or slot.keys is None or slot.role not in CASE_ACCESS_ROLES:
            continue
        if rec.actor == rec.signed_by and audit.signed_by_key(rec, slot.keys.sign):
            assert rec.entity_id is not None
            trusted.add(rec.entity_id)
    return trusted


def release(
    store: UnitOfWork,
    session: Session,
    consents: Sequence[ConsentRecord],
    notes: Sequence[CaseNoteRecord],
    on: date,
) -> int:
    """Share the content keys of those ``notes`` the signed-in user can read with every
    reader with case access who lacks one, if a consent valid ``on`` releases entrusted
    entries and was recorded (signed) by someone with case access. Returns the keys added."""
    sealed = [n for n in notes if n.sealed]
    releasing = [c for c in consents if c.releases_entrusted]
    if not sealed or not releasing or store.identity is None:
        return 0
    slots = reader_slots(store, session)
    trusted = _trusted_consents(session, slots, [c.id for c in releasing])
    if not entrusted_released([mapping.consent(c) for c in releasing if c.id in trusted], on):
        return 0
    readers = {
        login: slot.keys.box
        for login, slot in slots.items()
        if slot.role in CASE_ACCESS_ROLES and slot.keys is not None
    }
    have: dict[int, set[str]] = {}
    for note_id, login in session.execute(
        select(NoteKeyRecord.note_id, NoteKeyRecord.login).where(
            NoteKeyRecord.note_id.in_([n.id for n in sealed])
        )
    ):
        have.setdefault(note_id, set()).add(login)
    db_id = database_id(session)
    content_keys = _content_keys(store, session, sealed, db_id)
    added = 0
    for note in sealed:
        content_key = content_keys.get(note.id)
        if content_key is None:
            continue
        uid = str(_doc(note).get("uid", ""))
        for login, box in readers.items():
            if login in have.get(note.id, set()):
                continue
            session.add(
                NoteKeyRecord(
                    note_id=note.id,
                    login=login,
                    sealed=b64(seal(box, content_key, _key_context(db_id, uid, login))),
                )
            )
            added += 1
    return added


def seal_note(
    session: Session,
    note: CaseNoteRecord,
    text_: str,
    participants: str,
    readers: dict[str, bytes],
    db_id: str,
) -> None:
    """Encrypt ``text_`` and ``participants`` into ``note`` for ``readers`` (flushes)."""
    content_key = AESGCM.generate_key(bit_length=256)
    uid = secrets.token_hex(16)
    doc: dict[str, str | int] = {"v": 1, "uid": uid}
    for name, value in (("text", text_), ("participants", participants)):
        nonce = secrets.token_bytes(12)
        body = AESGCM(content_key).encrypt(nonce, value.encode("utf-8"), _aad(db_id, uid, name))
        doc[name] = b64(nonce + body)
    note.sealed = json.dumps(doc, separators=(",", ":"))
    note.text = ""
    note.participants = ""
    session.flush()
    for login, box in readers.items():
        session.add(
            NoteKeyRecord(
                note_id=note.id,
                login=login,
                sealed=b64(seal(box, content_key, _key_context(db_id, uid, login))),
            )
        )


def open_many(
    store: UnitOfWork, session: Session, notes: Sequence[CaseNoteRecord]
) -> dict[int, Opened]:
    """The plaintext of the sealed ``notes`` the signed-in user holds a key for (one query
    for the keys); notes without a key are left out."""
    sealed = [n for n in notes if n.sealed]
    if store.identity is None or not sealed:
        return {}
    db_id = database_id(session)
    opened: dict[int, Opened] = {}
    for note_id, content_key in _content_keys(store, session, sealed, db_id).items():
        plain = _decrypt(next(n for n in sealed if n.id == note_id), content_key, db_id)
        if plain is not None:
            opened[note_id] = plain
    return opened


def seal_waiting_notes(store: UnitOfWork) -> int:
    """Seal entrusted notes still in plaintext to their authors, where the author has a
    registered key (after the upgrade to the key hierarchy, or a first slot)."""
    if store.identity is None:
        return 0
    sealed = 0
    waiting_for = (CaseNoteRecord.entrusted, CaseNoteRecord.sealed == "")
    with store.read() as s:  # most sign-ins: nothing waits (one look into a partial index)
        logins: dict[int | None, str] = {
            uid: login
            for uid, login in s.execute(
                select(UserRecord.id, UserRecord.login).where(UserRecord.sign_key != "")
            )
        }
        if (
            not logins
            or not s.execute(
                select(CaseNoteRecord.id)
                .where(CaseNoteRecord.author_id.in_(logins), *waiting_for)
                .limit(1)
            ).first()
        ):
            return 0
    with store.write() as s:
        waiting = list(
            s.execute(
                select(CaseNoteRecord).where(CaseNoteRecord.author_id.in_(logins), *waiting_for)
            ).scalars()
        )
        readers = reader_slots(store, s)
        db_id = database_id(s)
        for note in waiting:
            author = logins.get(note.author_id) if note.author_id else None
            slot = readers.get(author or "")
            if slot is not None and slot.keys is not None:
                box = {slot.label: slot.keys.box}
                seal_note(s, note, note.text, note.participants, box, db_id)
                sealed += 1
        if sealed:
            store.audit(
                s,
                "update",
                "note",
                detail=f"{sealed} anvertraute Einträge (§ 65) für ihre Verfasser verschlüsselt",
            )
    return sealed


def _content_keys(
    store: UnitOfWork, session: Session, notes: Sequence[CaseNoteRecord], db_id: str
) -> dict[int, bytes]:
    """note id -> content key, for the ``notes`` whose key is sealed to the signed-in user."""
    identity = store.identity
    if identity is None or not notes:
        return {}
    by_id = {n.id: n for n in notes}
    keys: dict[int, bytes] = {}
    for note_id, sealed in session.execute(
        select(NoteKeyRecord.note_id, NoteKeyRecord.sealed).where(
            NoteKeyRecord.note_id.in_(by_id), NoteKeyRecord.login == identity.label
        )
    ):
        uid = str(_doc(by_id[note_id]).get("uid", ""))
        try:
            keys[note_id] = identity.pair.open(
                base64.b64decode(sealed), _key_context(db_id, uid, identity.label)
            )
        except (SealOpenFailed, binascii.Error, ValueError):
            continue
    return keys


def _decrypt(note: CaseNoteRecord, content_key: bytes, db_id: str) -> Opened | None:
    doc = _doc(note)
    uid = str(doc.get("uid", ""))
    values: dict[str, str] = {}
    try:
        for name in FIELDS:
            raw = base64.b64decode(str(doc[name]))
            plain = AESGCM(content_key).decrypt(raw[:12], raw[12:], _aad(db_id, uid, name))
            values[name] = plain.decode("utf-8")
    except (KeyError, InvalidTag, binascii.Error, ValueError):
        return None
    return Opened(values["text"], values["participants"])


def _doc(note: CaseNoteRecord) -> dict[str, object]:
    try:
        doc = json.loads(note.sealed)
    except (ValueError, RecursionError):  # a damaged or planted value reads as nothing
        return {}
    return doc if isinstance(doc, dict) else {}


def _aad(database_id: str, uid: str, field: str) -> bytes:
    return canonical("sro-case-note", database_id, uid, field)


def _key_context(database_id: str, uid: str, login: str) -> bytes:
    return canonical("sro-case-note-key", database_id, uid, login)
