"""Progress: a live line with documents/s and ETA on a terminal, plain log lines otherwise."""

from __future__ import annotations

import datetime as dt
import sys
import time
from typing import TextIO


def _eta(seconds: float) -> str:
    return str(dt.timedelta(seconds=round(seconds)))


class Progress:
    """Call :meth:`update` after every batch and :meth:`finish` once."""

    def __init__(self, total: int | None, stream: TextIO | None = None, *, every: float = 10.0) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.every = 0.2 if self.live else every
        self.started = self.last = time.monotonic()

    def line(self, done: int, ok: int, failed: int) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = done / elapsed
        text = f"{done}" + (f"/{self.total}" if self.total else "") + f" documents ({ok} ok, {failed} failed)"
        text += f", {rate:.1f} documents/s"
        if self.total and rate > 0:
            text += f", ETA {_eta(max(self.total - done, 0) / rate)}"
        return text

    def bar(self, done: int, width: int = 24) -> str:
        """``[#########...............] `` when the total is known.

        >>> Progress(100).bar(50, width=10)
        '[#####.....] '
        """
        if not self.total:
            return ""
        filled = min(width, width * done // self.total)
        return "[" + "#" * filled + "." * (width - filled) + "] "

    def update(self, done: int, ok: int, failed: int) -> None:
        now = time.monotonic()
        if now - self.last < self.every:
            return
        self.last = now
        if self.live:
            self.stream.write("\r\x1b[K" + self.bar(done) + self.line(done, ok, failed))
        else:
            self.stream.write("batch: " + self.line(done, ok, failed) + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
