"""Autosave: a moment after edits stop, the plan is saved to the store off the GUI thread.

One background thread does every save in order (the newest snapshot wins); the GUI thread only
takes a snapshot of the plan (plain data). ``flush()`` on close waits for the last save.

The snapshot takes the plan's ``Actuals`` as they are (up to 100,000 imported facts): neither
copied nor checked again (the saving thread's ``model_validate`` keeps a model instance as it is),
and the store writes their facts in blocks once, to files of their own
(``prospector/store/fact_blocks.py``), not at each save. Writing the facts out on the GUI thread
took 0.3 s per save, checking them again on the saving thread 1-2.5 s.
"""

from __future__ import annotations

import queue
import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal

from prospector.errors import ProspectorError
from prospector.model import Plan
from prospector.store import PlanStore, VersionConflict
from ui.language import _, said

AUTOSAVE_DELAY_MS = 1500   # after the last edit...
AUTOSAVE_MAX_WAIT_S = 3.0  # ...but never more than this after the first unsaved one, so that
#                            anything typed 5 s before a crash is on disk (tests/test_app_kill.py)


class Autosaver(QObject):
    """Saves the watched document's plan. Each save names the version the edits started from
    (``base_version``): if another window or the command line saved a newer one meanwhile, the
    save is refused, ``conflict`` is emitted, and saving waits for ``resolve``."""

    saving = Signal()
    saved = Signal(str, int)     # plan id, version
    failed = Signal(str)         # one clear line
    conflict = Signal(object)    # the store's VersionConflict

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
        self.base_version: int | None = None  # None: save whatever the store holds
        self.blocked = False  # a conflict waits for the user's choice
        self.last_conflict: VersionConflict | None = None  # what blocked saving
        self.stopped = False
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
        # The actuals are taken as they are, not copied: an edit of them replaces the whole
        # ``Actuals`` (``PlanDocument.set_actuals``), never changes one in place, so the thread
        # reads them safely. Copying 100,000 imported facts held the GUI thread for 1.9 s.
        snapshot = plan.model_dump(mode="json", exclude={"actuals"})
        snapshot["actuals"] = plan.actuals
        # the values typed up to now are in this snapshot: once it is saved, their file drops them
        unsaved = (getattr(self._source, "unsaved", None)
                   if self._source is not None and plan is self._source.plan else None)
        upto = unsaved.mark() if unsaved is not None else 0
        with self._lock:
            self._pending = {"doc": snapshot, "note": note, "unsaved": unsaved, "upto": upto}
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
        self.stopped = True
        self._queue.put(None)
        self._thread.join(5)

    def resolve(self, base_version: int | None, *, keep_pending: bool = True) -> None:
        """The user chose how to settle a conflict: save again, starting from ``base_version``
        (what was waiting is saved, unless ``keep_pending`` is False)."""
        with self._lock:
            self.base_version, self.blocked = base_version, False
            if not keep_pending:
                self._pending = None

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            with self._lock:
                if self.blocked:  # keep the newest snapshot until the conflict is settled
                    if self._pending is None:
                        self._idle.set()
                    continue
                job, self._pending = self._pending, None
                base = self.base_version
            if job is None:
                continue
            try:
                plan = Plan.model_validate(job["doc"])
                version = self.store.save(plan, note=job["note"], base_version=base)
                with self._lock:
                    if self.base_version == base:
                        self.base_version = version
                if job["unsaved"] is not None:
                    job["unsaved"].saved(job["upto"], version)
                self.saved.emit(plan.id, version)
            except VersionConflict as exc:
                with self._lock:
                    self.blocked, self.last_conflict = True, exc
                    if self._pending is None:
                        self._pending = job  # not lost: saved once the user has chosen
                self.conflict.emit(exc)
            except ProspectorError as exc:
                self.failed.emit(said(exc))
            except Exception as exc:  # noqa: BLE001 - reported, never lost silently
                self.failed.emit(_("could not save: {value}: {exc}").format(
                    value=type(exc).__name__, exc=exc))
            finally:
                with self._lock:
                    if self._pending is None or self.blocked:
                        self._idle.set()
