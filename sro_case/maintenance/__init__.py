"""Database information and the integrity check (schema, audit chain, statistics)."""
