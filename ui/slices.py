"""Work run on the GUI thread in slices of a couple of milliseconds, between frames.

Some work reads a plan's 100,000 imported facts (the weekly review, a rep's actuals for the
preview's scorecard). In a thread it would hold Python's lock against the window, handing it back
only every 5 ms, and the window stalls each time it waits (35 ms opening the review, over 100 ms
on a busy machine). Written as a generator that yields every millisecond or so of work
(``prospector.review.summary``'s ``summary_steps``, ``review_steps``), it runs here instead:
``SLICE_MS`` of steps, then the event loop's turn (input, painting), then the next slice.

``InSlices(owner, steps, done)`` starts at the next turn and calls ``done(result)`` with what the
generator returns; ``cancel()`` drops it (a newer piece of work replaces it). Slices are timers
on ``owner``: deleting the owner stops them. An exception goes to the app's error report.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

SLICE_MS = 2  # 3 ms slices left 8-13 ms of GUI CPU in a frame while choosing a week; 2: 6-10

T = TypeVar("T")


class InSlices(Generic[T]):
    def __init__(self, owner: QObject, steps: Generator[None, None, T],
                 done: Callable[[T], None]) -> None:
        self.owner, self.steps, self.done = owner, steps, done
        self.running = True
        QTimer.singleShot(0, owner, self._slice)

    def cancel(self) -> None:
        self.running = False

    def _slice(self) -> None:
        if not self.running:
            return
        until = time.perf_counter() + SLICE_MS / 1000
        try:
            while time.perf_counter() < until:
                next(self.steps)
        except StopIteration as finished:
            self.running = False
            self.done(finished.value)
            return
        except BaseException:
            self.running = False
            raise  # to the app's error report
        QTimer.singleShot(0, self.owner, self._slice)
