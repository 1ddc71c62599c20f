"""The storage-location check for the start screen (network shares, cloud-synced folders).

Its own small module so that the start screen can warn before the database layer is loaded."""

from sro_case.storage.location import location_warning

__all__ = ["location_warning"]
