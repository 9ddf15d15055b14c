"""Reading a CRM export for the actuals import off the GUI thread.

A half-year export of 10 reps is about 100,000 rows: 3 s to preview, 3 to 5 s to read (the dry
run), far too long for the GUI thread. Each read runs in a thread of its own; the window only
receives its answers (Qt queues a signal emitted from another thread to the receiver's thread).
Every read has a growing number: an answer to any but the newest is dropped, so changing a choice
while a read runs never shows the older read. Cancel stops a read at its next progress tick
(every 2,000 rows); the thread then ends by itself. Keep one reader per window and ``wait()`` for
it on close. A thread reads the plan it was given: the import dialog is modal, nothing edits the
plan while it reads, and closing the dialog cancels the read.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from prospector.account_import import CsvFileError
from prospector.actuals.ledger import Actuals
from prospector.actuals_import import ActualsImport, ActualsPreview, preview_actuals, read_actuals
from prospector.collector import collection_paused
from prospector.errors import ProspectorError
from prospector.model import Plan
from ui.language import _, current, said

SUMMARY_LINES = 50  # rows named per kind of problem in the dialog's summary


class ReadCancelled(Exception):
    """Raised in the reading thread at its next progress tick once the leader cancelled."""


@dataclass(frozen=True)
class ReadChoices:
    """What the leader chose in the dialog: passed to ``read_actuals`` as they are."""

    export: str | None = None
    mapping: dict[str, int | None] | None = None
    delimiter: str | None = None
    date_format: str | None = None
    number_format: str | None = None
    rep_map: dict[str, str | None] = field(default_factory=dict)
    account_map: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadOutcome:
    """A finished dry run, and the plan's actuals after it when nothing is left to settle."""

    found: ActualsImport
    actuals_after: Actuals | None
    summary: list[str]  # found.summary_lines(): made in the thread (it counts every fact)
    to_settle: list[str]


class ActualsReader(QObject):
    previewed = Signal(int, object)  # read number, ActualsPreview
    progress = Signal(int, int, int)  # read number, rows read, rows in the file
    finished = Signal(int, object)  # read number, ReadOutcome
    failed = Signal(int, str)  # read number, why the file cannot be read (in the leader's words)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.newest = 0
        self._stop: threading.Event | None = None
        self._threads: list[threading.Thread] = []

    def start(self, plan: Plan, path: str, choices: ReadChoices, *, preview: bool) -> int:
        """Read ``path`` for ``plan`` (a preview first if ``preview``); returns the read's
        number. A read still running is cancelled."""
        self.cancel()
        self.newest += 1
        stop = threading.Event()
        self._stop = stop
        thread = threading.Thread(target=self._run, args=(self.newest, stop, plan, path, choices,
                                                          preview),
                                  name="prospector-actuals-read", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return self.newest

    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None

    def is_reading(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait for every reading thread to end (the window closes, a test ends)."""
        for thread in self._threads:
            thread.join(timeout)
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads

    def _run(self, number: int, stop: threading.Event, plan: Plan, path: str,
             choices: ReadChoices, preview: bool) -> None:
        # No cycle collection while the file is read (as read_actuals does itself; counted, so
        # a read cancelled and ending while a newer one runs does not switch it back on), and
        # what was read is left out of it before it comes back on: a full collection walking
        # 100,000 rows and facts held the interpreter, so the window, 0.2-0.8 s at a time (as
        # the app's settle_memory does).
        with collection_paused():
            try:
                self._read(number, stop, plan, path, choices, preview)
            finally:
                gc.freeze()

    def _read(self, number: int, stop: threading.Event, plan: Plan, path: str,
              choices: ReadChoices, preview: bool) -> None:
        def tick(done: int, total: int) -> None:
            if stop.is_set():
                raise ReadCancelled
            self._emit(self.progress, number, done, total)

        try:
            export, delimiter = choices.export, choices.delimiter
            if preview:
                shown: ActualsPreview = preview_actuals(path, export=export, delimiter=delimiter)
                if stop.is_set():
                    return
                self._emit(self.previewed, number, shown)
                export, delimiter = shown.export.value, shown.file.delimiter
            found = read_actuals(plan, path, export=export, delimiter=delimiter,
                                 mapping=choices.mapping, date_format=choices.date_format,
                                 number_format=choices.number_format,
                                 rep_map=choices.rep_map, account_map=choices.account_map,
                                 progress=tick)
            after = found.actuals_after(plan) if found.ready else None
        except ReadCancelled:
            return
        except (CsvFileError, ProspectorError) as exc:
            if not stop.is_set():
                self._emit(self.failed, number, said(exc))
            return
        except Exception as exc:  # a bug: the dialog says so, the error report has the details
            if not stop.is_set():
                self._emit(self.failed, number, _("The file could not be read: {exc}").format(
                    exc=exc))
            raise  # to threading.excepthook: the app's error report
        if not stop.is_set():
            self._emit(self.finished, number, ReadOutcome(
                found, after, found.summary_lines(limit=SUMMARY_LINES, language=current()),
                found.to_settle(language=current())))

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the reader was deleted with its window: nobody is listening
            pass
