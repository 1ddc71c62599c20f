"""The recovery key on one printed page: the key, the database it opens, the date, and what to
do with it. Written straight to the chosen file (the key must not sit in a temp folder)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from sro_case.reports.fonts import BOLD, register_fonts

LINES = (
    "Mit diesem Schlüssel öffnet die Administration die Datenbank, wenn alle Passphrasen",
    "verloren sind. Er gibt Zugriff auf alle Sozialdaten der Datei.",
    "",
    "• Ausdrucken, in einen verschlossenen Umschlag, in den Tresor der Dienststelle.",
    "• Nicht abfotografieren, nicht per E-Mail verschicken, nicht auf dem PC speichern.",
    "• Der Schlüssel bleibt gültig, auch wenn Personen gehen oder Passphrasen wechseln.",
    "• Beim Eintippen zählen Bindestriche und Groß-/Kleinschreibung nicht.",
)


def write_recovery_sheet(path: Path, key: str, database: str, created_on: date) -> Path:
    """One A4 page with ``key`` for ``database`` (its file name), dated ``created_on``. The
    file is created with owner-only permissions (0600) where the system has them."""
    regular = register_fonts()
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        canvas = Canvas(out, pagesize=A4, invariant=True)
        canvas.setTitle("Wiederherstellungsschlüssel")
        width, height = A4
        x, y = 25 * mm, height - 30 * mm
        canvas.setFont(regular, 12)
        canvas.drawString(x, y, "SRO-Fallmanagement")
        y -= 9 * mm
        canvas.setFont(BOLD, 20)
        canvas.drawString(x, y, "Wiederherstellungsschlüssel")
        y -= 14 * mm
        canvas.setFont(regular, 11)
        canvas.drawString(x, y, f"Datenbank: {database}")
        y -= 6 * mm
        canvas.drawString(x, y, f"Angelegt am: {created_on:%d.%m.%Y}")
        y -= 20 * mm
        canvas.setFont(BOLD, 22)
        canvas.drawCentredString(width / 2, y, key)
        canvas.rect(x - 4 * mm, y - 8 * mm, width - 2 * x + 8 * mm, 22 * mm)
        y -= 28 * mm
        canvas.setFont(regular, 11)
        for line in LINES:
            canvas.drawString(x, y, line)
            y -= 6 * mm
        y -= 16 * mm
        canvas.drawString(x, y, "Verwahrt von: ______________________   am: ____________")
        canvas.showPage()
        canvas.save()
    return path
