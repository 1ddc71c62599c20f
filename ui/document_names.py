"""File names of the PDFs made from a case: the kind, the file number and a date, never a
family's name (a file dialog on the projector shows file names)."""

from __future__ import annotations

import re
from datetime import date


def file_number_part(number: str) -> str:
    """The Aktenzeichen as part of a file or folder name (``51.2/2026`` → ``51.2_2026``)."""
    return re.sub(r"[^\w.-]+", "_", number)


def document_name(kind: str, number: str, on: date | None) -> str:
    """``Protokoll_51.2-2026-000001_2026-12-03.pdf``."""
    return f"{kind}_{file_number_part(number)}_{on.isoformat() if on else ''}.pdf"
