"""Python's cycle collector paused while big work runs, however many threads pause it at once.

Reading a 100,000-row export makes hundreds of thousands of lists, strings and facts that all
stay alive; a full collection walks them all, 0.2-0.8 s holding Python's lock (and the app's
window) each time, again and again as the read goes on. ``gc.disable()`` and ``gc.enable()``
are one switch for the whole process, so two readers that each put it back as they found it
undo each other: a read the leader replaced (a choice changed in the import dialog) ended,
switched the collector back on, and the newer read ran with it (a stall of 0.5-0.9 s, seen in
``bench/bench_actuals_gui.py``). Here the pauses are counted: the collector comes back on when
the last one ends, if it was on when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_on = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cycle collection inside (a counted pause: see the module)."""
    global _pauses, _was_on
    with _lock:
        if _pauses == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_on:
                gc.enable()
