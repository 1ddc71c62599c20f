"""The PDF machinery every document shares (ReportLab): embedded fonts, German hyphenation,
page layout, base styles and name shortening. The documents themselves belong to their
features: the conference protocol and help plan (``conferences.protocol``), the controlling
report (``statistics.controlling``), the recovery sheet (``accounts.recovery_sheet``)."""
