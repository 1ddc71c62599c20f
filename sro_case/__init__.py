"""SRO-Fallmanagement core: domain, encrypted storage and services. Never imports Qt."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sro-case")
except PackageNotFoundError:  # running from a source tree or a bundle without metadata
    __version__ = "0.1.0"
