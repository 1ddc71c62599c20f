"""The program version: the one place it is written down.

pyproject.toml reads it (``[tool.setuptools.dynamic]``), ``sro-case --version``, the About
dialog, exports and the installers (PyInstaller spec, NSIS, MSI, .deb) all take it from here.
"""

__version__ = "0.1.0"
