"""The audit log: append-only, hash-chained, written in the same transaction as the change.

Each event's hash covers the previous event's hash and the event's own fields, so an edited,
inserted, deleted or reordered entry breaks the chain. The head (last sequence number and hash)
is kept in ``meta`` as well, which also catches entries cut off at the end.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sro_case.domain.messages import T
from sro_case.domain.models import AuditEvent
from sro_case.storage.orm import AuditEventRecord, MetaRecord

GENESIS = "0" * 64
HEAD_SEQ = "audit_head_seq"
HEAD_HASH = "audit_head_hash"


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


def _meta(session: Session, key: str) -> MetaRecord | None:
    return session.get(MetaRecord, key)


def _set_meta(session: Session, key: str, value: str) -> None:
    rec = session.get(MetaRecord, key)
    if rec is None:
        session.add(MetaRecord(key=key, value=value))
    else:
        rec.value = value


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
) -> None:
    """Add one event. Call inside a write transaction (BEGIN IMMEDIATE serialises writers)."""
    head_seq = _meta(session, HEAD_SEQ)
    head_hash = _meta(session, HEAD_HASH)
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
        )
    )
    _set_meta(session, HEAD_SEQ, str(seq))
    _set_meta(session, HEAD_HASH, digest)


def verify(session: Session) -> tuple[int, list[str]]:
    """Walk the chain. Returns (number of events, list of German problem descriptions, as
    ``Text`` the client can translate; each names the entry as "Eintrag <seq>")."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
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
        digest = event_hash(
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
        if digest != rec.hash:
            problems.append(T("Eintrag {seq} wurde nachträglich verändert.", seq=rec.seq))
        prev = rec.hash
        expected_seq = rec.seq + 1
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
    return count, problems


def to_view(rec: AuditEventRecord) -> AuditEvent:
    return AuditEvent(
        rec.seq, rec.at, rec.actor, rec.action, rec.entity, rec.entity_id, rec.case_id, rec.detail
    )
