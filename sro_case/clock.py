"""Time as a dependency: services ask a Clock, so tests can run it forward instead of sleeping."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None)

    def today(self) -> date:
        return datetime.now().date()


@dataclass
class FixedClock(Clock):
    """A clock that stands still until moved (tests, demo data)."""

    current: datetime = field(default_factory=lambda: datetime(2026, 1, 1, 9, 0))

    def now(self) -> datetime:
        return self.current

    def today(self) -> date:
        return self.current.date()

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


SYSTEM_CLOCK = Clock()
