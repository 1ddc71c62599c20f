"""Work-around for a reference-count bug of PySide6 6.12 that aborts the interpreter.

``SignalInstance.emit()`` returns ``True``/``False`` without owning a reference to it: every
emit from Python takes one reference from the bool for good. ``True`` starts with a few hundred
to a few thousand, so after that many emits (a background task's result, a keystroke in a form
that signals ``changed``) the interpreter dies with "Fatal Python error: bool_dealloc" — in the
middle of a conference, or at the latest on exit. Measured here: a plain script aborts after
about 600 emits.

Every emit in ``ui`` goes through ``emit()`` (``tests/test_architecture.py`` holds it to that),
which gives the reference back — but only where the bug is present: the first call measures
on a private signal whether ``emit`` hands out an owned reference, so a fixed PySide6 costs
nothing and leaks nothing.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

_emit_borrows: bool | None = None  # None: not measured yet
_measuring = threading.Lock()
_PROBES = 16


def give_back(obj: object) -> None:
    """One reference more for ``obj`` (one that a PySide6 call took without owning it)."""
    import ctypes  # loaded on first use: not on the start path before the unlock dialog

    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def _measure() -> bool:
    """Whether ``emit`` returns its bool without a reference of its own: 16 emits on a private
    signal, their results held while counting (owned: +16, borrowed: +0; another thread's
    traffic on the bools in between moves the count by a few at most)."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    before = sys.getrefcount(True) + sys.getrefcount(False)
    emit_ = probe.ping.emit  # returns a borrowed True in the PySide6 versions this guards
    results: list[object] = [emit_() for _ in range(_PROBES)]
    after = sys.getrefcount(True) + sys.getrefcount(False)
    borrowed = after - before < _PROBES // 2
    if borrowed:
        for result in results:  # the list lets go of 16 references it never got
            give_back(result)
    return borrowed


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, keeping the interpreter's bools alive under PySide6 6.12."""
    global _emit_borrows
    if _emit_borrows is None:
        with _measuring:
            if _emit_borrows is None:
                _emit_borrows = _measure()
    result = signal.emit(*args)
    if _emit_borrows and isinstance(result, bool):
        give_back(result)
