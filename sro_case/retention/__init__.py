"""Löschfristen: which records are due for deletion under which legal basis, and deleting
them (with what statistics must keep)."""
