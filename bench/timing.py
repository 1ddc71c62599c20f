"""Repeat, time, take the median."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Results:
    metrics: dict[str, float] = field(default_factory=dict)  # median ms (or s / MB by name)
    samples: dict[str, list[float]] = field(default_factory=dict)
    ratios: dict[str, float] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)

    def record(self, name: str, samples: list[float]) -> float:
        self.samples[name] = [round(s, 3) for s in samples]
        self.metrics[name] = round(statistics.median(samples), 3)
        print(f"  {name:<30} {self.metrics[name]:>10.1f}   ({len(samples)} Läufe)", flush=True)
        return self.metrics[name]


def time_ms(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000.0, result


def repeat_ms(fn: Callable[[], Any], runs: int, *, warmup: int = 0) -> list[float]:
    for _ in range(warmup):
        fn()
    return [time_ms(fn)[0] for _ in range(runs)]
