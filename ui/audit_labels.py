"""What an audit entry touched, in the UI language: one table for the admin's audit view and
the case file's Zugriffe tab (context ``AuditLogModel``, where the translations live)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def entity_labels() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "case": tr("AuditLogModel", "Fall"),
        "user": tr("AuditLogModel", "Benutzer/in"),
        "key_slot": tr("AuditLogModel", "Schlüsselplatz"),
        "database": tr("AuditLogModel", "Datenbank"),
        "person": tr("AuditLogModel", "Person"),
        "family": tr("AuditLogModel", "Familie"),
        "consent": tr("AuditLogModel", "Einwilligung"),
        "note": tr("AuditLogModel", "Verlaufseintrag"),
        "help": tr("AuditLogModel", "Hilfe"),
        "conference": tr("AuditLogModel", "Konferenz"),
        "goal": tr("AuditLogModel", "Ziel"),
        "step": tr("AuditLogModel", "Handlungsschritt"),
        "resource": tr("AuditLogModel", "Ressource"),
        "budget": tr("AuditLogModel", "Budget"),
        "statistics": tr("AuditLogModel", "Statistik"),
        "session": tr("AuditLogModel", "Anmeldung"),
        "retention_period": tr("AuditLogModel", "Löschfrist"),
        "protocol": tr("AuditLogModel", "Protokoll"),
        "help_plan": tr("AuditLogModel", "Hilfeplan"),
    }
