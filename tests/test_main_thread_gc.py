"""Garbage with Qt objects is freed on the GUI thread (the cyclic collector once ran on the
database lane and destroyed a dialog there: a segmentation fault)."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject

from ui.main_thread_gc import MainThreadCollector, install

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]


class _Holder:
    def __init__(self) -> None:
        self.qt = QObject()
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_the_application_collects_on_its_own_thread(qapp) -> None:  # type: ignore[no-untyped-def]
    collector = install(qapp)
    assert isinstance(collector, MainThreadCollector) and install(qapp) is collector
    assert not gc.isenabled()
    assert collector.timer.isActive()


def test_worker_allocations_do_not_collect_and_the_timer_does(qapp) -> None:  # type: ignore[no-untyped-def]
    collector = install(qapp)
    holder = _Holder()
    alive = weakref.ref(holder)
    del holder
    # a worker thread allocates far past every threshold: nothing is collected there
    worker = threading.Thread(target=lambda: [[] for _ in range(200_000)])
    worker.start()
    worker.join(timeout=10)
    assert alive() is not None  # with automatic collection it was freed on the worker
    assert collector.collect_due() >= 0  # the timer's check, on the GUI thread
    gc.collect()
    assert alive() is None
