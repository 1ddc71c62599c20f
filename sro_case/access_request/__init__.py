"""Art. 15 DSGVO: everything stored about one person, as a PDF and a machine-readable file."""
