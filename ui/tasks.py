"""Background work for the GUI.

One database lane: all database work runs on a single worker thread (a QThreadPool with one
thread), in the order it was submitted. Workers never touch widgets: the result or the error
comes back to the GUI thread through a queued signal, where the callbacks run. Tests swap in
``InlineTaskRunner``, which runs a task at once on the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ui.refcounts import emit


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            emit(self._relay.failed, exc)
        else:
            emit(self._relay.finished, result)


class Runner(Protocol):
    """The database lane the windows hand their work to: ``fn`` runs off the GUI thread (or
    at once, in tests), then ``on_done`` or ``on_error`` on the GUI thread."""

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object],
    ) -> None: ...

    def wait(self, msecs: int = ...) -> bool: ...


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object],
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def done(result: Any) -> None:
            self._relays.discard(relay)
            on_done(result)

        def error(exc: BaseException) -> None:
            self._relays.discard(relay)
            on_error(exc)

        relay.finished.connect(done)
        relay.failed.connect(error)
        self._pool.start(_Task(fn, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)


class InlineTaskRunner:
    """Runs tasks at once on the caller's thread (tests)."""

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object],
    ) -> None:
        try:
            result = fn()
        except BaseException as exc:
            on_error(exc)
        else:
            on_done(result)

    def wait(self, msecs: int = 0) -> bool:
        return True
