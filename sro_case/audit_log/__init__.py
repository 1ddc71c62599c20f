"""Protokoll (audit log): reading, filtering and verifying the hash-chained entries."""
