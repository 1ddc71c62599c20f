"""Case files: families and their members, notes (with § 65 entrusted entries), helps,
goals, consents, the search index, the catalogue of social spaces and the CSV import."""
