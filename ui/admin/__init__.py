"""Verwaltung (admins only): one module per area of the window.

``window``: the Verwaltung window and its menu; ``page``: the frame the pages share;
``users``: users and key slots; ``audit_chain``: the audit log and its hash chain;
``retention``: deletion periods and deleting for good; ``backup``: backups and restores;
``passphrase``: changing one's own passphrase (and the strength hint the user dialog shares).
"""

from ui.admin.passphrase import ChangePassphraseDialog
from ui.admin.window import AdminWindow, build_admin_menu

__all__ = ["AdminWindow", "ChangePassphraseDialog", "build_admin_menu"]
