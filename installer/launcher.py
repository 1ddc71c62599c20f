"""Entry point of the bundled program (PyInstaller): the same as the ``sro-case`` command."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
