"""The documents a front end renders itself (pure: no database, no clock), so that a long PDF
runs on the client's render lane instead of the database lane. Part of the facade: the
renderers live with their features."""

from __future__ import annotations

from sro_case.accounts.recovery_sheet import write_recovery_sheet
from sro_case.conferences.protocol import render_document

__all__ = ["render_document", "write_recovery_sheet"]
