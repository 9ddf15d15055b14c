"""Work too long for the GUI thread (over a frame, 16 ms), run in a thread of its own.

``BackgroundJob.start(work, *args)`` hands ``work(*args)`` to the job's thread and returns at once
(the thread is started once, with the job object: starting a thread waits for it to run, 25 ms on
a busy machine); the thread emits ``done(number, result)``, which Qt queues to the receiver's
thread. Only the newest job matters: jobs overtaken while waiting are skipped, and the caller
compares the number. ``work`` must read only what nothing edits meanwhile (the plan's actuals
are replaced whole, never changed in place: a job may read them). A failure goes to
``threading.excepthook`` (the app's error report). ``wait()`` on close and in tests.

Python runs one thread at a time: a job that holds the interpreter in one long C call (a JSON
encode of megabytes, one pass of C over 100,000 items) still stalls the window; a Python loop
hands it back every 5 ms (``sys.getswitchinterval``).
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundJob(QObject):
    done = Signal(int, object)  # the job's number, its result

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.newest = 0
        self._jobs: queue.SimpleQueue[tuple[int, Callable[..., Any], tuple] | None] = \
            queue.SimpleQueue()
        self._pending = 0  # jobs handed over and not yet done or skipped
        self._settled = threading.Condition()
        self._thread = threading.Thread(target=self._run, name=f"prospector-{name}",
                                        daemon=True)
        self._thread.start()

    def start(self, work: Callable[..., Any], *args: Any) -> int:
        self.newest += 1
        with self._settled:
            self._pending += 1
        self._jobs.put((self.newest, work, args))
        return self.newest

    def is_running(self) -> bool:
        return self._pending > 0

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait until every job handed over is done (or skipped)."""
        with self._settled:
            return self._settled.wait_for(lambda: self._pending == 0, timeout)

    def stop(self) -> None:
        """End the job's thread once the jobs handed over are done (the window closes)."""
        with self._settled:
            self._pending += 1
        self._jobs.put(None)

    def _taken(self, jobs: int) -> None:
        with self._settled:
            self._pending -= jobs
            self._settled.notify_all()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            skipped = 0
            while not self._jobs.empty():  # overtaken: only the newest is worth doing
                job = self._jobs.get()
                skipped += 1
            if skipped:
                self._taken(skipped)
            if job is None:
                self._taken(1)
                return
            number, work, args = job
            try:
                result = work(*args)
                try:
                    self.done.emit(number, result)
                except RuntimeError:  # deleted with its window: nobody is listening
                    return
            except Exception:  # noqa: BLE001 - to the app's error report, the thread goes on
                exc_type, exc, tb = sys.exc_info()
                threading.excepthook(threading.ExceptHookArgs(
                    (exc_type, exc, tb, threading.current_thread())))
            finally:
                self._taken(1)
