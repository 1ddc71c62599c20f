"""§ 65 SGB VIII by cryptography: entrusted entries sealed to the people who may read them.

An entrusted note's text and participants are encrypted field by field (AES-256-GCM) under a
random content key; the content key is sealed (``keypairs.seal``) to the public key of each
reader: the author, and, once a consent releases entrusted data, whoever had case access at the
moment someone who could read the note saw that consent. Only a consent whose recording is
signed in the audit log by someone with case access counts (``trusted_consents``), and roles
come from the signed bindings. A slot holder with the raw database
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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from sro_case.errors import SroCaseError
from sro_case.services import audit
from sro_case.storage.keyfile import PASSPHRASE, KeyFile, KeySlot
from sro_case.storage.keypairs import SealOpenFailed, b64, canonical, seal
from sro_case.storage.orm import AuditEventRecord, CaseNoteRecord, NoteKeyRecord, UserRecord

if TYPE_CHECKING:
    from sro_case.services.store import Store

FIELDS = ("text", "participants")
CASE_ACCESS_ROLES = ("caseworker", "facilitator", "admin")


@dataclass(frozen=True)
class Opened:
    text: str
    participants: str


def database_id(session: Session) -> str:
    return str(
        session.execute(text("SELECT value FROM meta WHERE key = 'database_id'")).scalar_one()
    )


def reader_slots(store: Store, session: Session) -> dict[str, KeySlot]:
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


def reader_keys(store: Store, session: Session) -> dict[str, bytes]:
    """login -> public box key of every reader ``reader_slots`` finds."""
    return {
        login: slot.keys.box
        for login, slot in reader_slots(store, session).items()
        if slot.keys is not None
    }


def trusted_consents(store: Store, session: Session, consent_ids: list[int]) -> set[int]:
    """The consents whose recording is signed, in the audit log, by someone with case access
    (a bound, registered slot): a consent row a slot holder inserted with the raw key, or one
    Controlling recorded, releases nothing."""
    if not consent_ids:
        return set()
    slots = reader_slots(store, session)
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


def seal_note(
    session: Session, note: CaseNoteRecord, text_: str, participants: str, readers: dict[str, bytes]
) -> None:
    """Encrypt ``text_`` and ``participants`` into ``note`` for ``readers`` (flushes)."""
    db_id = database_id(session)
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


def open_note(store: Store, session: Session, note: CaseNoteRecord) -> Opened | None:
    """The plaintext of a sealed note for the signed-in user, or None if they hold no key."""
    content_key = _content_key(store, session, note)
    if content_key is None:
        return None
    return _decrypt(session, note, content_key)


def open_many(store: Store, session: Session, notes: list[CaseNoteRecord]) -> dict[int, Opened]:
    """``open_note`` for many notes with one query (a case file with many entries)."""
    identity = store.identity
    sealed_notes = {n.id: n for n in notes if n.sealed}
    if identity is None or not sealed_notes:
        return {}
    rows = session.execute(
        select(NoteKeyRecord.note_id, NoteKeyRecord.sealed).where(
            NoteKeyRecord.note_id.in_(sealed_notes), NoteKeyRecord.login == identity.label
        )
    ).all()
    db_id = database_id(session)
    opened: dict[int, Opened] = {}
    for note_id, sealed in rows:
        note = sealed_notes[note_id]
        uid = str(_doc(note).get("uid", ""))
        try:
            content_key = identity.pair.open(
                base64.b64decode(sealed), _key_context(db_id, uid, identity.label)
            )
        except (SealOpenFailed, binascii.Error, ValueError):
            continue
        plain = _decrypt(session, note, content_key, db_id)
        if plain is not None:
            opened[note_id] = plain
    return opened


def readable(store: Store, session: Session, note: CaseNoteRecord) -> Opened | None:
    """What the signed-in user can read of any note: plaintext notes as they are, sealed
    ones only with a key."""
    if not note.sealed:
        return Opened(note.text, note.participants)
    return open_note(store, session, note)


def share(store: Store, session: Session, notes: list[CaseNoteRecord]) -> int:
    """Seal the content keys of those ``notes`` the signed-in user can read to every reader
    with case access who lacks one (a consent released them). Returns how many keys."""
    readers = {
        login: slot.keys.box
        for login, slot in reader_slots(store, session).items()
        if slot.role in CASE_ACCESS_ROLES and slot.keys is not None
    }
    db_id = database_id(session)
    added = 0
    for note in notes:
        if not note.sealed:
            continue
        have = set(
            session.execute(
                select(NoteKeyRecord.login).where(NoteKeyRecord.note_id == note.id)
            ).scalars()
        )
        missing = {login: box for login, box in readers.items() if login not in have}
        if not missing:
            continue
        content_key = _content_key(store, session, note)
        if content_key is None:
            continue
        uid = _doc(note).get("uid", "")
        for login, box in missing.items():
            session.add(
                NoteKeyRecord(
                    note_id=note.id,
                    login=login,
                    sealed=b64(seal(box, content_key, _key_context(db_id, str(uid), login))),
                )
            )
            added += 1
    return added


def seal_waiting_notes(store: Store) -> int:
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
        readers = reader_keys(store, s)
        for note in waiting:
            author = logins.get(note.author_id) if note.author_id else None
            if author in readers:
                seal_note(s, note, note.text, note.participants, {author: readers[author]})
                sealed += 1
        if sealed:
            store.audit(
                s,
                "update",
                "note",
                detail=f"{sealed} anvertraute Einträge (§ 65) für ihre Verfasser verschlüsselt",
            )
    return sealed


def _content_key(store: Store, session: Session, note: CaseNoteRecord) -> bytes | None:
    identity = store.identity
    if identity is None or not note.sealed:
        return None
    sealed = session.execute(
        select(NoteKeyRecord.sealed).where(
            NoteKeyRecord.note_id == note.id, NoteKeyRecord.login == identity.label
        )
    ).scalar_one_or_none()
    if sealed is None:
        return None
    uid = str(_doc(note).get("uid", ""))
    try:
        return identity.pair.open(
            base64.b64decode(sealed), _key_context(database_id(session), uid, identity.label)
        )
    except (SealOpenFailed, binascii.Error, ValueError):
        return None


def _decrypt(
    session: Session, note: CaseNoteRecord, content_key: bytes, db_id: str | None = None
) -> Opened | None:
    doc = _doc(note)
    db_id = db_id or database_id(session)
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
