"""The facade over the team server (#17/#18): every ``sro_case.app`` protocol, sent to a team
server instead of the encrypted file on this PC. ``connect`` signs in and returns an
``Application``; the desktop client and the command line use it as they use ``open_local``'s,
and the behaviour suite runs the same tests against both (``tests/test_facade_behaviour.py``).

The server decides every request (role, case team, the consents' release to this person's
discipline); what comes back is what this person may see. The session token lives in memory
only; locking the window ends the session, unlocking signs in again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sro_case.clock import SYSTEM_CLOCK, Clock
from sro_case.remote.cases import (
    RemoteCases,
    RemoteCaseTeams,
    RemoteConferences,
    RemoteDocuments,
)
from sro_case.remote.office import (
    RemoteAuditLog,
    RemoteBackups,
    RemoteCatalog,
    RemoteDeadlines,
    RemoteMaintenance,
    RemoteRetention,
    RemoteStatistics,
    RemoteUsers,
)
from sro_case.remote.wire import Link
from sro_case.server.client import TeamServer

if TYPE_CHECKING:
    from sro_case.app import Application
    from sro_case.kernel.journal import Journal
    from sro_case.remote.live import LiveFeed

__all__ = ["RemoteApplication", "as_application", "connect"]


class RemoteApplication:
    """One signed-in session on a team server (``sro_case.app.Application``)."""

    def __init__(self, server: TeamServer, *, clock: Clock = SYSTEM_CLOCK) -> None:
        self._link = Link(server)
        self._clock = clock
        self._feeds: list[LiveFeed] = []
        self.actor = server.login
        self.role = server.role
        self.name = server.name
        self.discipline = server.discipline
        self.team_server = server.url.split("://", 1)[-1]  # host:port, for title and status bar
        self.path = Path(self.team_server)
        self.url = server.url

    @property
    def server(self) -> TeamServer:
        return self._link.server

    @property
    def clock(self) -> Clock:
        return self._clock

    @cached_property
    def cases(self) -> RemoteCases:
        return RemoteCases(self._link)

    @cached_property
    def conferences(self) -> RemoteConferences:
        return RemoteConferences(self._link)

    @cached_property
    def deadlines(self) -> RemoteDeadlines:
        return RemoteDeadlines(self._link)

    @cached_property
    def statistics(self) -> RemoteStatistics:
        return RemoteStatistics(self._link)

    @cached_property
    def documents(self) -> RemoteDocuments:
        return RemoteDocuments(self._link)

    @cached_property
    def users(self) -> RemoteUsers:
        return RemoteUsers(self._link)

    @cached_property
    def retention(self) -> RemoteRetention:
        return RemoteRetention(self._link)

    @cached_property
    def audit_log(self) -> RemoteAuditLog:
        return RemoteAuditLog(self._link)

    @cached_property
    def catalog(self) -> RemoteCatalog:
        return RemoteCatalog(self._link)

    @cached_property
    def maintenance(self) -> RemoteMaintenance:
        return RemoteMaintenance(self._link)

    @cached_property
    def backups(self) -> RemoteBackups:
        return RemoteBackups(self._link)

    @cached_property
    def journal(self) -> Journal:
        """The journal of unsaved input on this PC; its key comes from the server after
        signing in and is kept in memory only."""
        import base64

        from sro_case.kernel.journal import Journal
        from sro_case.paths import journal_dir

        key = base64.b64decode(self._link.server.get("/session/journal-key")["key"])
        return Journal(journal_dir(self.url), key, self.actor)

    @cached_property
    def case_teams(self) -> RemoteCaseTeams:
        return RemoteCaseTeams(self._link)

    @property
    def renews_key_on_removal(self) -> bool:
        return False  # no shared key: removing an account ends its sessions on the server

    def verify_passphrase(self, secret: str) -> str:
        """Unlocking: sign in again (a wrong passphrase counts as a failed sign-in there)."""
        self._link.server.sign_in_again(secret)
        return self.actor

    def change_passphrase(self, old: str, new: str) -> None:
        self._link.server.put("/session/passphrase", {"old": old, "new": new})

    def live(
        self,
        on_change: Callable[[str, int], None],
        on_end: Callable[[], None] | None = None,
    ) -> Callable[[], None] | None:
        """The server's live updates (``remote.live.LiveFeed``) until the returned function is
        called, the window is locked or the session ends."""
        from sro_case.remote.live import LiveFeed

        feed = LiveFeed(self._link.server, on_change, on_end)
        self._feeds.append(feed)
        return feed.stop

    def release_caches(self) -> None:
        """Locked: the session ends – at once here (the token is dropped), on the server in
        the background: the window locks without waiting for the network."""
        for feed in self._feeds:
            feed.stop()
        self._feeds.clear()
        self._link.server.sign_out(wait=False)

    def close(self) -> None:
        for feed in self._feeds:
            feed.stop()
        self._link.server.close()

    def __enter__(self) -> RemoteApplication:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def as_application(app: RemoteApplication) -> Application:
    """The type checker proves here that the team server's facade is an ``Application``."""
    return app


def connect(url: str, login: str, passphrase: str, *, ca_file: Path | None = None) -> Application:
    """Sign in to the team server at ``url`` (raises ``WrongPassphrase``,
    ``ServerUnreachable``, ``SignInLocked`` …)."""
    return as_application(RemoteApplication(TeamServer(url, login, passphrase, ca_file=ca_file)))
