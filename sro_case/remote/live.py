"""Live updates from the team server (#18): the server-sent events of ``/api/v1/events`` read
on a thread of their own – a colleague changed a case this person may see (file number and its
new version), or the session ended. The connection is opened again after a break (every two
seconds, as the server's ``retry`` asks); ``stop`` ends it. The callbacks run on that thread:
a desktop client hands them to its GUI thread itself."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable

import httpx

from sro_case.server.client import TeamServer

RETRY_S = 2.0
READ_TIMEOUT_S = 20.0  # the server sends a heartbeat every 5 s


class LiveFeed:
    def __init__(
        self,
        server: TeamServer,
        on_change: Callable[[str, int], None],
        on_end: Callable[[], None] | None = None,
    ) -> None:
        self._server = server
        self._on_change = on_change
        self._on_end = on_end
        self._stopped = threading.Event()
        self.connected = threading.Event()  # the stream is open (tests wait for it)
        self._http: httpx.Client | None = None
        self._thread = threading.Thread(target=self._run, name="sro-case-live", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """End the feed; the open stream is closed at once (the server sees it go)."""
        self._stopped.set()
        http = self._http
        if http is not None:
            with contextlib.suppress(Exception):  # closed under the reading thread's feet
                http.close()

    def _run(self) -> None:
        while not self._stopped.is_set():
            token = self._server.token
            if token is None:  # signed out (locked): nothing to listen to
                return
            # a break (or the stream closed by ``stop``): again after a pause, unless stopped
            with contextlib.suppress(Exception):
                self._listen(token)
            self.connected.clear()
            self._stopped.wait(RETRY_S)

    def _listen(self, token: str) -> None:
        timeout = httpx.Timeout(10.0, read=READ_TIMEOUT_S)
        headers = {"Authorization": token, "Accept": "text/event-stream"}
        self._http = httpx.Client(
            base_url=self._server.base, verify=self._server.verify, timeout=timeout
        )
        if self._stopped.is_set():
            self._http.close()
            return
        with self._http as http, http.stream("GET", "/events", headers=headers) as response:
            if response.status_code == 401:  # the session is over
                self._end()
                return
            response.raise_for_status()
            self.connected.set()
            event, data = "", ""
            for line in response.iter_lines():
                if self._stopped.is_set():
                    return
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data += line[5:].strip()
                elif not line:  # the end of one event
                    if event == "case" and data:
                        changed = json.loads(data)
                        self._on_change(str(changed["file_number"]), int(changed["version"]))
                    elif event == "signed_out":
                        self._end()
                        return
                    event, data = "", ""

    def _end(self) -> None:
        self._stopped.set()
        if self._on_end is not None:
            self._on_end()
