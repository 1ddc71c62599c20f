"""Backups: encrypted copies with their key file, checking them, and restoring."""
