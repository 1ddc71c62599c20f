"""Live updates (#17): when a colleague changes a case, the clients showing it learn so within
a second. Every change of a case notifies PostgreSQL's channel at commit (``LISTEN/NOTIFY``,
sent by the kernel's unit of work); one listener thread per server fans the case ids out to
the signed-in clients' event streams (server-sent events), each only about cases its person
may see."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable

import psycopg

from sro_case.kernel.unit_of_work import CHANGES_CHANNEL


class Hub:
    """The subscribers' queues; fed from the listener thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: list[tuple[asyncio.AbstractEventLoop, asyncio.Queue[int]]] = []

    def subscribe(self) -> asyncio.Queue[int]:
        queue: asyncio.Queue[int] = asyncio.Queue(maxsize=1000)
        with self._lock:
            self._queues.append((asyncio.get_running_loop(), queue))
        return queue

    def unsubscribe(self, queue: asyncio.Queue[int]) -> None:
        with self._lock:
            self._queues = [(loop, q) for loop, q in self._queues if q is not queue]

    @property
    def subscribers(self) -> int:
        with self._lock:
            return len(self._queues)

    def publish(self, case_id: int) -> None:
        with self._lock:
            targets = list(self._queues)
        for loop, queue in targets:
            with contextlib.suppress(RuntimeError):  # a loop that has just closed
                loop.call_soon_threadsafe(_offer, queue, case_id)


def _offer(queue: asyncio.Queue[int], case_id: int) -> None:
    with contextlib.suppress(asyncio.QueueFull):  # a client that stopped reading misses some
        queue.put_nowait(case_id)


class Listener(threading.Thread):
    """``LISTEN`` on its own connection; reconnects after a lost connection."""

    def __init__(self, connect: Callable[[], psycopg.Connection], hub: Hub) -> None:
        super().__init__(name="sro-case-listen", daemon=True)
        self._connect = connect
        self._hub = hub
        self._stop = threading.Event()
        self.ready = threading.Event()

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                with self._connect() as conn:
                    conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                    self.ready.set()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            if note.payload.isdigit():
                                self._hub.publish(int(note.payload))
            except psycopg.Error:
                self._stop.wait(1.0)  # the database restarts: listen again

    def stop(self) -> None:
        self._stop.set()
