"""Work too long for the GUI thread (over a frame, 16 ms), run in a thread of its own.

``BackgroundJob.start(work, *args)`` runs ``work(*args)`` in a new thread and emits ``done(number,
result)`` on the receiver's thread (Qt queues a signal emitted from another thread); only the
newest job's answer matters to the caller, who compares the number. ``work`` must read only what
nothing edits meanwhile (the plan's actuals are replaced whole, never changed in place: a job may
read them). A failure goes to ``threading.excepthook`` (the app's error report). ``wait()`` on
close and in tests.

Python runs one thread at a time: a job that holds the interpreter in one long C call (a JSON
encode of megabytes, a pydantic dump of 100,000 items) still stalls the window; a Python loop
hands it back every 5 ms (``sys.getswitchinterval``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundJob(QObject):
    done = Signal(int, object)  # the job's number, its result

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.newest = 0
        self._threads: list[threading.Thread] = []

    def start(self, work: Callable[..., Any], *args: Any) -> int:
        self.newest += 1
        thread = threading.Thread(target=self._run, args=(self.newest, work, args),
                                  name=f"prospector-{self.name}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return self.newest

    def is_running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def wait(self, timeout: float = 30.0) -> bool:
        for thread in self._threads:
            thread.join(timeout)
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads

    def _run(self, number: int, work: Callable[..., Any], args: tuple) -> None:
        result = work(*args)
        try:
            self.done.emit(number, result)
        except RuntimeError:  # deleted with its window: nobody is listening
            pass
