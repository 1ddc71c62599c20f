"""Encrypted storage: key slots, the SQLCipher engine, the ORM records, migrations.

ORM records (``*Record``) never leave this package, the kernel and the feature packages.
"""
