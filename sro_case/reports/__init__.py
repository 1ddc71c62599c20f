"""PDF documents with ReportLab: conference protocol, § 36 help plan, controlling report."""
