"""SRO-Fallmanagement core: domain, encrypted storage and services. Never imports Qt."""

from sro_case._version import __version__

__all__ = ["__version__"]
