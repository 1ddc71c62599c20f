"""A task runner for tests that keeps the work until released, like a slow database thread or
team server: what arrives late, and in which order, is then up to the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class HeldRunner:
    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Callable[[Any], object]]] = []

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object],
    ) -> None:
        self.held.append((fn, on_done))

    def release(self) -> None:
        """The oldest piece of work, done."""
        fn, on_done = self.held.pop(0)
        on_done(fn())

    def release_all(self) -> None:
        while self.held:
            self.release()
