"""The audit log: append-only, hash-chained, signed, written in the same transaction as the change.

Each event's hash covers the previous event's hash and the event's own fields, so an edited,
inserted, deleted or reordered entry breaks the chain. The head (last sequence number and hash)
is kept in ``meta`` as well, which also catches entries cut off at the end.

The chain alone stops nobody who holds the database key: they can recompute it. So every entry
is signed (Ed25519) by the key of the user whose session wrote it, and the signature covers the
hash and with it everything before. Who may sign as whom is in the log itself: ``bind_key``
entries, signed by the root (the recovery key) or an admin, name each user's public signing key;
``verify`` walks them from the root the verifier trusts (kept in the verifier's own key slot).
The head is also kept outside the file, signed (anchors in the key file and every backup's key
file), so a log cut back and re-chained is noticed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from sro_case.domain.messages import T
from sro_case.domain.models import AuditEvent
from sro_case.domain.rules import RECOVERY_LOGIN
from sro_case.storage.keyfile import Anchor, Identity, anchor_message
from sro_case.storage.keypairs import b64
from sro_case.storage.keypairs import verify as verify_signature
from sro_case.storage.orm import AuditEventRecord, MetaRecord

GENESIS = "0" * 64
_CHAIN_LOCK = 0x5352_4F41  # "SROA": the audit chain's advisory lock on PostgreSQL
HEAD_SEQ = "audit_head_seq"
HEAD_HASH = "audit_head_hash"
BIND = "bind_key"
UNBIND = "unbind_key"
_BIND_DETAIL = re.compile(
    r"^Schlüssel für (?P<login>.+) bestätigt · Rolle (?P<role>[a-z]+) · "
    r"Ed25519 (?P<key>[A-Za-z0-9+/]{43}=)$"
)
_UNBIND_DETAIL = re.compile(r"^Schlüssel von (?P<login>.+) entzogen$")
# what a session records for someone else's failed sign-in (vault._record_success)
_FAILED_LOGIN = re.compile(
    r"^(Fehlgeschlagene Anmeldung \((Passphrase|Wiederherstellungsschlüssel)\)"
    r"|\d+ weitere fehlgeschlagene Anmeldungen)\Z"
)


def bind_detail(login: str, role: str, sign_key: bytes) -> str:
    """The detail of a ``bind_key`` entry: who, which role, which public signing key."""
    return f"Schlüssel für {login} bestätigt · Rolle {role} · Ed25519 {b64(sign_key)}"


def unbind_detail(login: str) -> str:
    return f"Schlüssel von {login} entzogen"


def event_hash(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    detail: str,
) -> str:
    payload = json.dumps(
        [prev_hash, seq, at.isoformat(), actor, action, entity, entity_id, case_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def recomputed_hash(rec: AuditEventRecord) -> str:
    """The hash an entry's own fields give (compare with ``rec.hash``)."""
    return event_hash(
        rec.prev_hash,
        rec.seq,
        rec.at,
        rec.actor,
        rec.action,
        rec.entity,
        rec.entity_id,
        rec.case_id,
        rec.detail,
    )


def signed_by_key(rec: AuditEventRecord, key: bytes) -> bool:
    """Is ``rec`` intact and signed with ``key`` (a public Ed25519 key)?"""
    digest = recomputed_hash(rec)
    try:
        signature = base64.b64decode(rec.signature.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return False
    return digest == rec.hash and verify_signature(key, signature, "audit", digest.encode())


def _meta(session: Session, key: str) -> MetaRecord | None:
    return session.get(MetaRecord, key)


def _set_meta(session: Session, key: str, value: str) -> None:
    rec = session.get(MetaRecord, key)
    if rec is None:
        session.add(MetaRecord(key=key, value=value))
    else:
        rec.value = value


def head_hash(session: Session) -> str:
    """The hash of the last entry (the chain's head, as ``meta`` keeps it)."""
    head = _meta(session, HEAD_HASH)
    return head.value if head is not None else GENESIS


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None = None,
    case_id: int | None = None,
    detail: str = "",
    signer: Identity | None = None,
) -> None:
    """Add one event, signed by ``signer`` (the session's user; None only for a database still
    on a version 1 key file). Call inside a write transaction (BEGIN IMMEDIATE serialises
    writers)."""
    if session.get_bind().dialect.name == "postgresql":
        # the team server's writers run side by side: one chain, so appends take turns (the
        # lock is held until the transaction ends; SQLite's writer lock does this in the file)
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK})
    heads = {  # both in one statement; ``_set_meta`` below finds them in the session
        rec.key: rec
        for rec in session.execute(
            select(MetaRecord).where(MetaRecord.key.in_((HEAD_SEQ, HEAD_HASH)))
        ).scalars()
    }
    head_seq, head_hash = heads.get(HEAD_SEQ), heads.get(HEAD_HASH)
    seq = int(head_seq.value) + 1 if head_seq else 1
    prev = head_hash.value if head_hash else GENESIS
    at = at.replace(microsecond=(at.microsecond // 1000) * 1000)
    digest = event_hash(prev, seq, at, actor, action, entity, entity_id, case_id, detail)
    session.add(
        AuditEventRecord(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            detail=detail,
            prev_hash=prev,
            hash=digest,
            signed_by=signer.label if signer is not None else "",
            signature=b64(signer.pair.sign("audit", digest.encode("ascii"))) if signer else "",
        )
    )
    _set_meta(session, HEAD_SEQ, str(seq))
    _set_meta(session, HEAD_HASH, digest)


@dataclass(frozen=True)
class AnchorSource:
    """A signed head found outside the database: in the key file or a backup's key file."""

    where: str  # German, e.g. "der Schlüsseldatei" or "der Sicherung fallakten-….db"
    anchor: Anchor


def verify(
    session: Session,
    *,
    root: bytes | None = None,
    database_id: str = "",
    anchors: Iterable[AnchorSource] = (),
    signers: dict[str, bytes] | None = None,
    signed_from: int = 1,
) -> tuple[int, list[str]]:
    """Walk the chain. Returns (number of events, list of German problem descriptions, as
    ``Text`` the client can translate; each names the entry as "Eintrag <seq>").

    With ``root`` (the recovery key's public signing key, from the verifier's own slot) every
    signature is checked too: each entry after the first signed one must be signed by the key
    bound to its author at that point of the log (``login_failed`` entries by whoever's session
    recorded them), and each anchor must match the log. ``signers`` are further signing keys
    (login -> key) whose anchors count: those of the key file's valid slots. From entry
    ``signed_from`` on (the key file says so, signed by the root) every entry must be signed,
    so stripping all signatures does not turn the log into an unsigned old one."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    registry = _Registry(root) if root is not None else None
    if registry is not None:  # keys bound in the key file may sign anchors, even of a log
        for login, key in (signers or {}).items():  # emptied of its bind entries
            registry.ever.setdefault(login, set()).add(key)
    hashes: dict[int, str] = {}
    signed_seen = False
    unsigned: list[int] = []  # indexes in ``problems`` of signature problems
    for rec in session.execute(select(AuditEventRecord).order_by(AuditEventRecord.seq)).scalars():
        count += 1
        if rec.seq != expected_seq:
            problems.append(
                T(
                    "Eintrag {seq} fehlt (nächster vorhandener Eintrag: {next_seq}).",
                    seq=expected_seq,
                    next_seq=rec.seq,
                )
            )
        if rec.prev_hash != prev:
            problems.append(
                T("Eintrag {seq}: die Verkettung zum Vorgänger ist unterbrochen.", seq=rec.seq)
            )
        digest = recomputed_hash(rec)
        if digest != rec.hash:
            problems.append(T("Eintrag {seq} wurde nachträglich verändert.", seq=rec.seq))
        if registry is not None:
            signed_seen = signed_seen or bool(rec.signature) or rec.seq >= signed_from
            problem = registry.check(rec, digest, signed_seen)
            if problem:
                problems.append(problem)
                unsigned.append(len(problems) - 1)
            elif (
                rec.action == "import"
                and rec.entity == "database"
                and registry.roles.get(rec.signed_by) == "admin"
            ):
                # a validly signed import pins the imported entries before it (they were
                # signed under the other database's root): only their chain counts
                problems = [p for i, p in enumerate(problems) if i not in unsigned]
                unsigned = []
        hashes[rec.seq] = rec.hash
        prev = rec.hash
        expected_seq = rec.seq + 1
    if session.get_bind().dialect.name == "postgresql":
        # the team server's writers run side by side: one chain, so appends take turns (the
        # lock is held until the transaction ends; SQLite's writer lock does this in the file)
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK})
    head_seq = _meta(session, HEAD_SEQ)
    head_hash = _meta(session, HEAD_HASH)
    if head_seq is not None or count:
        if head_seq is None or head_hash is None:
            problems.append(T("Der Kopf des Protokolls fehlt."))
        elif int(head_seq.value) != expected_seq - 1 or head_hash.value != prev:
            problems.append(
                T(
                    "Das Protokoll endet bei Eintrag {last}, erwartet wurde Eintrag {head}: "
                    "Einträge wurden entfernt.",
                    last=expected_seq - 1,
                    head=head_seq.value,
                )
            )
    if registry is not None:
        for source in anchors:
            problem = registry.check_anchor(source, database_id, hashes, expected_seq - 1)
            if problem:
                problems.append(problem)
    return count, problems


class _Registry:
    """Who may sign as whom, as the log's own ``bind_key`` entries say, from the root on."""

    def __init__(self, root: bytes) -> None:
        self.keys: dict[str, bytes] = {RECOVERY_LOGIN: root}
        self.roles: dict[str, str] = {RECOVERY_LOGIN: "admin"}
        self.ever: dict[str, set[bytes]] = {RECOVERY_LOGIN: {root}}

    def check(self, rec: AuditEventRecord, digest: str, signed_seen: bool) -> str | None:
        if not rec.signature:
            if signed_seen:  # older unsigned entries are pinned by the first signed one
                return T("Eintrag {seq} ist nicht signiert.", seq=rec.seq)
            return None
        failed_login = (
            rec.action == "login_failed"
            and rec.entity == "session"
            and rec.entity_id is None
            and rec.case_id is None
            and _FAILED_LOGIN.match(rec.detail) is not None
        )
        if rec.signed_by != rec.actor and not failed_login:
            return T(
                "Eintrag {seq} nennt {actor} als Handelnde/n, ist aber von {signer} signiert.",
                seq=rec.seq,
                actor=rec.actor,
                signer=rec.signed_by,
            )
        key = self.keys.get(rec.signed_by)
        try:
            signature = base64.b64decode(rec.signature.encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            signature = b""
        if key is None or not verify_signature(key, signature, "audit", digest.encode("ascii")):
            return T(
                "Eintrag {seq}: die Signatur von {signer} ist ungültig; der Eintrag ist "
                "gefälscht oder verändert.",
                seq=rec.seq,
                signer=rec.signed_by or "?",
            )
        if self.roles.get(rec.signed_by) == "admin":
            self._apply(rec)
        return None

    def _apply(self, rec: AuditEventRecord) -> None:
        """A ``bind_key`` / ``unbind_key`` entry signed by an admin (or the root) changes who
        may sign from the next entry on."""
        if rec.action == BIND and (m := _BIND_DETAIL.match(rec.detail)):
            key = base64.b64decode(m["key"])
            self.keys[m["login"]] = key
            self.roles[m["login"]] = m["role"]
            self.ever.setdefault(m["login"], set()).add(key)
        elif rec.action == UNBIND and (m := _UNBIND_DETAIL.match(rec.detail)):
            self.keys.pop(m["login"], None)
            self.roles.pop(m["login"], None)

    def check_anchor(
        self, source: AnchorSource, database_id: str, hashes: dict[int, str], last: int
    ) -> str | None:
        a = source.anchor
        if not any(
            verify_signature(
                k, a.signature, "audit-head", anchor_message(database_id, a.seq, a.hash)
            )
            for k in self.ever.get(a.by, ())
        ):
            return T(
                "Der in {where} festgehaltene Stand des Protokolls (Eintrag {seq}) ist nicht "
                "gültig signiert.",
                where=source.where,
                seq=a.seq,
            )
        if a.seq > last:
            return T(
                "Das Protokoll endet bei Eintrag {last}, {where} hält aber schon Eintrag {seq} "
                "fest: Einträge wurden entfernt (oder eine ältere Sicherung zurückgespielt).",
                last=last,
                where=source.where,
                seq=a.seq,
            )
        if a.seq and hashes.get(a.seq) != a.hash:
            return T(
                "Eintrag {seq} weicht von dem in {where} festgehaltenen Stand ab: das Protokoll "
                "wurde neu geschrieben (oder eine ältere Sicherung zurückgespielt).",
                seq=a.seq,
                where=source.where,
            )
        return None


def head(session: Session) -> tuple[int, str]:
    """The last sequence number and hash (0 and GENESIS for an empty log)."""
    if session.get_bind().dialect.name == "postgresql":
        # the team server's writers run side by side: one chain, so appends take turns (the
        # lock is held until the transaction ends; SQLite's writer lock does this in the file)
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CHAIN_LOCK})
    head_seq = _meta(session, HEAD_SEQ)
    head_hash = _meta(session, HEAD_HASH)
    if head_seq is None or head_hash is None:
        return 0, GENESIS
    return int(head_seq.value), head_hash.value


def sign_head(signer: Identity, database_id: str, seq: int, digest: str) -> Anchor:
    message = anchor_message(database_id, seq, digest)
    return Anchor(seq, digest, signer.label, signer.pair.sign("audit-head", message))


def to_view(rec: AuditEventRecord) -> AuditEvent:
    return AuditEvent(
        rec.seq, rec.at, rec.actor, rec.action, rec.entity, rec.entity_id, rec.case_id, rec.detail
    )
