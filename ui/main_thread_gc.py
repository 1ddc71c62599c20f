"""Garbage is collected on the GUI thread only.

Python's cyclic garbage collector runs in whichever thread happens to allocate when a
threshold is crossed – with the database lane busy, often a worker thread. If the garbage then
holds Qt objects (a closed dialog caught in a reference cycle with its slots), their C++
destructors run on that worker thread, and Qt crashes (seen here: a segmentation fault inside
a duplicate search on the lane, "Garbage-collecting" at the top of the stack). So automatic
collection is switched off and the same generational thresholds are checked once a second by a
timer on the GUI thread (the approach Anki's desktop client takes for the same reason).
Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns how many
        objects were found unreachable."""
        counts = gc.get_count()
        found = 0
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                found = gc.collect(generation)  # a generation includes the younger ones
                break
        return found


def install(app: QObject) -> MainThreadCollector:
    """Once per application (further calls return the collector already installed)."""
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
