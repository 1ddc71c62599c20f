"""PDF documents of a case: the conference protocol and the § 36 help plan.

Reads the case through ``CaseService.get`` (so the read is audited), renders with the pure
functions in ``sro_case.conferences.protocol``, writes the file atomically and records the export
with the file's SHA-256 in the tamper-evident audit log.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from sro_case.conferences.protocol import format_date, render_document
from sro_case.domain import models as m
from sro_case.domain.messages import T
from sro_case.errors import NotFound, SroCaseError
from sro_case.storage.files import atomic_write_bytes

if TYPE_CHECKING:
    from sro_case.cases.service import CaseService
    from sro_case.kernel.unit_of_work import UnitOfWork


class DocumentService:
    def __init__(self, store: UnitOfWork, cases: CaseService) -> None:
        self._store = store
        self._cases = cases  # the audited case read

    def conference_protocol(
        self,
        case_id: int,
        out: Path,
        *,
        conference_id: int | None = None,
        initials: bool | None = None,
    ) -> Path:
        """Protocol of one conference (default: the latest). ``initials=None`` follows the
        case's pseudonym setting. Read, render and record in one call (the command line); the
        client does the three steps on its two lanes."""
        source = self.source(case_id, "protocol", conference_id=conference_id, initials=initials)
        return self.record(source, Path(out), render_document(source))

    def help_plan(self, case_id: int, out: Path, *, initials: bool | None = None) -> Path:
        """The § 36 SGB VIII help plan as it stands today."""
        source = self.source(case_id, "help_plan", initials=initials)
        return self.record(source, Path(out), render_document(source))

    def source(
        self,
        case_id: int,
        kind: str,
        *,
        conference_id: int | None = None,
        initials: bool | None = None,
    ) -> m.DocumentSource:
        """What the document is rendered from, read through the audited case read."""
        self._store.require_case_access()
        if kind not in ("protocol", "help_plan"):
            raise SroCaseError(T("Unbekannte Dokumentart „{kind}“.", kind=kind))
        return self.source_of(
            self._cases.get(case_id), kind, conference_id=conference_id, initials=initials
        )

    def source_of(
        self,
        case: m.CaseDetail,
        kind: str,
        *,
        conference_id: int | None = None,
        initials: bool | None = None,
    ) -> m.DocumentSource:
        """The source of a document from a case file already read (the team server's, cut to
        what its reader may see)."""
        if kind not in ("protocol", "help_plan"):
            raise SroCaseError(T("Unbekannte Dokumentart „{kind}“.", kind=kind))
        conference = _pick_conference(case, conference_id) if kind == "protocol" else None
        return m.DocumentSource(
            kind=kind,
            case=case,
            conference=conference,
            initials=case.pseudonymize if initials is None else initials,
            generated_on=self._store.clock.today(),
            author=case.summary.lead_worker or "",
        )

    def record(self, source: m.DocumentSource, out: Path, data: bytes) -> Path:
        """Write the rendered document and record the export (with its SHA-256) in the audit
        log, both or neither."""
        self._store.require_case_access()
        case_id = source.case.summary.id
        if source.kind == "protocol":
            assert source.conference is not None
            return self._write(Path(out), data, "protocol", source.conference.id, case_id)
        return self._write(Path(out), data, "help_plan", case_id, case_id)

    # -- internals ---------------------------------------------------------------------
    def _write(self, out: Path, data: bytes, entity: str, entity_id: int, case_id: int) -> Path:
        """Audit and file go together: a failed write rolls the audit entry back, and a failed
        commit removes the file again."""
        if not out.parent.is_dir():
            raise SroCaseError(T("Der Ordner {folder} existiert nicht.", folder=out.parent))
        digest = hashlib.sha256(data).hexdigest()
        written = False
        try:
            with self._store.write() as s:
                self._store.audit(s, "export", entity, entity_id, case_id=case_id, detail=digest)
                s.flush()
                atomic_write_bytes(out, data)
                written = True
        except BaseException:
            if written:
                with contextlib.suppress(OSError):
                    out.unlink()
            raise
        return out


def _pick_conference(case: m.CaseDetail, conference_id: int | None) -> m.Conference:
    file_number = case.summary.file_number
    if not case.conferences:
        raise NotFound(
            T(
                "Für den Fall {file_number} ist noch keine Konferenz erfasst; es gibt kein "
                "Protokoll.",
                file_number=file_number,
            )
        )
    if conference_id is None:
        return case.conferences[-1]
    for conference in case.conferences:
        if conference.id == conference_id:
            return conference
    known = ", ".join(f"{c.id} ({format_date(c.held_on)})" for c in case.conferences)
    raise NotFound(
        T(
            "Die Konferenz {conference_id} gehört nicht zum Fall {file_number}. "
            "Konferenzen dieses Falls: {known}.",
            conference_id=conference_id,
            file_number=file_number,
            known=known,
        )
    )
