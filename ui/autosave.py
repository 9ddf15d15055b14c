"""Autosave: a moment after edits stop, the plan is saved to the store off the GUI thread.

One background thread does every save in order (the newest snapshot wins); the GUI thread only
takes a snapshot of the plan (plain data). ``flush()`` on close waits for the last save.
"""

from __future__ import annotations

import queue
import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal

from prospector.errors import ProspectorError
from prospector.model import Plan
from prospector.planfile import plan_to_document
from prospector.store import PlanStore

AUTOSAVE_DELAY_MS = 1500   # after the last edit...
AUTOSAVE_MAX_WAIT_S = 3.0  # ...but never more than this after the first unsaved one, so that
#                            anything typed 5 s before a crash is on disk (tests/test_app_kill.py)


class Autosaver(QObject):
    saving = Signal()
    saved = Signal(str, int)     # plan id, version
    failed = Signal(str)         # one clear line

    def __init__(self, store: PlanStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._queue: queue.Queue = queue.Queue()
        self._pending: dict | None = None
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self._thread = threading.Thread(target=self._run, name="prospector-autosave", daemon=True)
        self._thread.start()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self._source = None
        self._first_unsaved = 0.0
        self.timer.timeout.connect(self.save_now)

    def watch(self, document) -> None:
        """Save ``document``'s plan a moment after each change."""
        self._source = document
        document.changed.connect(self._edited)

    def _edited(self) -> None:
        now = time.monotonic()
        if not self.timer.isActive():
            self._first_unsaved = now
        if now - self._first_unsaved >= AUTOSAVE_MAX_WAIT_S:
            self.save_now()  # someone typing without a pause still gets saved
        else:
            self.timer.start()

    def save_now(self, note: str = "") -> None:
        self.timer.stop()
        if self._source is None:
            return
        self.submit(self._source.plan, note)

    def submit(self, plan: Plan, note: str = "") -> None:
        snapshot = plan_to_document(plan)
        with self._lock:
            self._pending = {"doc": snapshot, "note": note}
            self._idle.clear()
        self._queue.put(True)
        self.saving.emit()

    def flush(self, timeout: float = 20.0) -> bool:
        """Save what is pending now and wait until it is on disk (used on close)."""
        if self.timer.isActive():
            self.save_now()
        return self._idle.wait(timeout)

    def stop(self) -> None:
        self.flush()
        self._queue.put(None)
        self._thread.join(5)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            with self._lock:
                job, self._pending = self._pending, None
            if job is None:
                continue
            try:
                plan = Plan.model_validate(job["doc"])
                version = self.store.save(plan, note=job["note"])
                self.saved.emit(plan.id, version)
            except ProspectorError as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # noqa: BLE001 - reported, never lost silently
                self.failed.emit(f"could not save: {type(exc).__name__}: {exc}")
            finally:
                with self._lock:
                    if self._pending is None:
                        self._idle.set()
