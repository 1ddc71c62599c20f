"""PDF documents with ReportLab: conference protocol, § 36 help plan, controlling report."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sro_case.domain.models import DocumentSource


def render_document(source: DocumentSource) -> bytes:
    """The PDF of a case document (pure: no database, no clock). Runs on the client's render
    lane, so a long protocol does not hold the database lane."""
    from sro_case.reports.protocol import ProtocolOptions, conference_protocol_pdf, help_plan_pdf

    options = ProtocolOptions(
        initials=source.initials, generated_on=source.generated_on, author=source.author
    )
    if source.kind == "protocol":
        if source.conference is None:
            raise ValueError("a protocol needs its conference")
        return conference_protocol_pdf(source.case, source.conference, options)
    if source.kind == "help_plan":
        return help_plan_pdf(source.case, options)
    raise ValueError(f"unknown document kind {source.kind!r}")
