"""The in-process implementation of the facade (``sro_case.app``): the encrypted file on this
PC. ``as_application`` is where the type checker proves that the ``Store`` of
``sro_case.services`` is an ``Application`` (``make lint`` runs mypy on it); opening and
creating go through ``sro_case.services.vault`` (``unlock``, ``create_database``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sro_case.app import Application
    from sro_case.services.store import Store


def as_application(store: Store) -> Application:
    """The signed-in store as the facade the front ends use (no copy: the same object)."""
    return store
