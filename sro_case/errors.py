"""Typed errors of the core. Each carries a German message fit to show a user as it is."""

from __future__ import annotations

from collections.abc import Sequence

from sro_case.domain.messages import T, Text, as_text


class SroCaseError(Exception):
    """Base class; ``str(error)`` is a complete German sentence.

    The message is kept as a ``Text`` (``sro_case.domain.messages``): built with ``T(...)`` it
    carries its template and parameters; a plain literal is its own template. Either way the
    desktop client can show it in English (``ui.i18n.error_text``).
    """

    exit_code = 1

    def __init__(self, *args: object) -> None:
        if args and isinstance(args[0], str):
            args = (as_text(args[0]), *args[1:])
        super().__init__(*args)


class WrongPassphrase(SroCaseError):
    """No key slot opens with the given passphrase or recovery key. Nothing was changed."""

    exit_code = 3

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or T("Die Passphrase ist falsch. Es wurde nichts verändert."))


class KeyFileMissing(SroCaseError):
    """The key file beside the database is missing."""


class KeyFileDamaged(SroCaseError):
    """The key file exists but cannot be read as a key file."""


class DatabaseDamaged(SroCaseError):
    """The key is right, but the database cannot be read (damaged, truncated, or not ours)."""


class DatabaseMissing(SroCaseError):
    """No database exists at the given path."""


class DatabaseExists(SroCaseError):
    """A database (or its key file) already exists where a new one should be created."""


class SchemaTooNew(SroCaseError):
    """The database was written by a newer version of the program."""


class ValidationError(SroCaseError):
    """Input that the domain rules do not accept. ``problems`` lists every field that failed.

    Field names and messages are German ``Text`` (``sro_case.domain.messages``): each keeps its
    template and parameters, so the desktop client can show them in English; plain strings are
    taken as templates without parameters.
    """

    exit_code = 4

    def __init__(self, problems: Sequence[tuple[str, str]] | str) -> None:
        if isinstance(problems, str):
            problems = [("", problems)]
        self.problems: list[tuple[str, str]] = [
            (as_text(field), as_text(message)) for field, message in problems
        ]
        problems = self.problems
        text = "; ".join(f"{field}: {msg}" if field else msg for field, msg in problems)
        super().__init__(text)


class NotFound(SroCaseError):
    """A record that the caller named does not exist."""


class WorkflowError(SroCaseError):
    """A status change that the case workflow does not allow."""


class StaleExport(SroCaseError):
    """Another statistics export was saved after this one was built: it was not audited
    together with it, so it must be built again."""


class PermissionDenied(SroCaseError):
    """The signed-in user's role does not allow this."""


class DatabaseInUse(SroCaseError):
    """Another program instance (this PC or another) has the database open for writing."""

    exit_code = 5


class BackupFailed(SroCaseError):
    """A backup or restore copy did not pass verification; nothing was replaced."""


def message_of(exc: BaseException) -> str:
    """The message of ``exc`` for use inside another message: its ``Text`` (translatable in
    the client) where it has one, else ``str(exc)`` (a system error's own words)."""
    if (
        isinstance(exc, SroCaseError)
        and not isinstance(exc, ValidationError)
        and exc.args
        and isinstance(exc.args[0], Text)
    ):
        return exc.args[0]
    return str(exc)


class Conflict(SroCaseError):
    """Someone else saved a newer version meanwhile; nothing was overwritten (team server)."""

    exit_code = 7


class ServerUnreachable(SroCaseError):
    """The team server did not answer, or its certificate was not trusted."""

    exit_code = 8


class ServerNoAnswer(ServerUnreachable):
    """The request was sent but no answer came (a timeout, a connection broken mid-way):
    whether a change arrived is not known, so a change is not simply sent again."""
