"""A plain stderr progress bar for long CLI runs (imports, exports); silent on short ones."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """`bar(phase, done, total)` redraws at most ten times a second, only past `threshold`."""

    def __init__(self, *, threshold: int = 1000, stream: TextIO | None = None) -> None:
        self.threshold = threshold
        self.stream = stream or sys.stderr
        self._last = 0.0
        self._drawn = False
        self._phase = ""

    def __call__(self, phase: str, done: int, total: int) -> None:
        if total < self.threshold:
            return
        if phase != self._phase:
            self.close()
            self._phase = phase
            self._last = 0.0
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r{phase:<10} [{bar}] {done}/{total}")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
