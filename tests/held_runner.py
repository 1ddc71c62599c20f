"""A task runner for tests that keeps the work until released, like a slow database thread or
team server: what arrives late, and in which order, is then up to the test. Released work runs
as ``InlineTaskRunner`` runs it – a failure goes to the task's ``on_error``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.tasks import InlineTaskRunner


class HeldRunner:
    def __init__(self) -> None:
        self.held: list[
            tuple[Callable[[], Any], Callable[[Any], object], Callable[[BaseException], object]]
        ] = []
        self._inline = InlineTaskRunner()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object],
    ) -> None:
        self.held.append((fn, on_done, on_error))

    def release(self) -> None:
        """The oldest piece of work, done (or failed)."""
        self._inline.submit(*self.held.pop(0))

    def release_all(self) -> None:
        while self.held:
            self.release()
