"""Reading a CRM export for the actuals import off the GUI thread, in a process of its own.

A half-year export of 10 reps is about 100,000 rows: 3 s to preview, 3 to 5 s to read (the dry
run), far too long for the GUI thread; read in a thread of the app, it held Python's lock in long
stretches and the window waited (0.15-0.45 s at a time under load). ``ActualsReader`` reads it
in ``prospector.export_reader``, a process started for the import dialog; the window only writes
requests and takes the answers as they come, one small piece per turn of its event loop (a piece
of 250 facts unpickles in about 1 ms), so it never waits for the reader. Every read has a growing
number: an answer to any but the newest is dropped, so changing a choice while a read runs never
shows the older read (the process also stops an older read at its next progress tick). Stop
(``cancel``) kills the process: nothing read is kept; the next read starts another. Keep one
reader per window and ``wait()`` for it on close. The process reads the plan it was given: the
import dialog is modal, nothing edits the plan while it reads, and closing the dialog cancels
the read.
"""

from __future__ import annotations

import gc
import pickle
import sys
from collections import deque
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from prospector.actuals.fact_log import FactLog
from prospector.actuals.ledger import Actuals
from prospector.actuals.records import LoggedFact
from prospector.actuals_import import ActualsImport
from prospector.actuals_import.placing import Placing
from prospector.collector import collection_paused
from prospector.export_reader import HEADER, PIECE, SUMMARY_LINES
from prospector.model import Plan
from ui.child_process import child_process
from ui.language import _, current

__all__ = ["SUMMARY_LINES", "ActualsReader", "ReadChoices", "ReadOutcome"]


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
    summary: list[str]  # found.summary_lines(): made by the reader (it counts every fact)
    to_settle: list[str]


class ActualsReader(QObject):
    previewed = Signal(int, object)  # read number, ActualsPreview
    progress = Signal(int, int, int)  # read number, rows read, rows in the file
    finished = Signal(int, object)  # read number, ReadOutcome
    failed = Signal(int, str)  # read number, why the file cannot be read (in the leader's words)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.newest = 0
        self.process: QProcess | None = None
        self._plan: Plan | None = None  # the plan the process has (or is being sent)
        self._reading: tuple[Plan, int] | None = None  # the read awaited: its plan, number
        self._outgoing: deque[Any] = deque()  # frames to write, or callables that make one
        self._incoming: deque[Any] = deque()  # frames read, not yet taken in (or what to do next)
        self._buffer = bytearray()
        self._facts: list[LoggedFact] = []  # the newest read's facts received so far
        self._paused: ExitStack | None = None  # no cycle collection while facts come in
        self._ending: list[QProcess] = []  # processes killed, until they ended
        self._turn = QTimer(self)  # one frame written or taken in per turn of the event loop
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._step)

    # --- asked by the dialog -------------------------------------------------------------------
    def start(self, plan: Plan, path: str, choices: ReadChoices, *, preview: bool) -> int:
        """Read ``path`` for ``plan`` (a preview first if ``preview``); returns the read's
        number. A read still running is stopped (its answers are dropped)."""
        self.newest += 1
        self._end_facts()
        if self.process is None or self.process.state() == QProcess.ProcessState.NotRunning:
            self._start_process()
        if plan is not self._plan:
            self._send_plan(plan)
        wanted = {"export": choices.export, "mapping": choices.mapping,
                  "delimiter": choices.delimiter, "date_format": choices.date_format,
                  "number_format": choices.number_format, "rep_map": dict(choices.rep_map),
                  "account_map": dict(choices.account_map)}
        self._outgoing.append(("read", self.newest, path, wanted, preview, current()))
        self._reading = (plan, self.newest)
        self._turn.start()
        return self.newest

    def cancel(self) -> None:
        """Stop reading: the process is killed, nothing it read is kept."""
        self._reading = None
        self._end_facts()
        self._outgoing.clear()
        self._incoming.clear()
        self._buffer.clear()
        self._plan = None
        process, self.process = self.process, None
        if process is not None:
            process.readyReadStandardOutput.disconnect(self._read)
            process.finished.disconnect(self._died)
            if process.state() != QProcess.ProcessState.NotRunning:
                process.kill()
                self._ending.append(process)
            else:
                process.deleteLater()
        self._turn.stop()

    def is_reading(self) -> bool:
        return self._reading is not None

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait for the processes stopped to end (the window closes, a test ends)."""
        for process in self._ending:
            if process.waitForFinished(int(timeout * 1000)) or (
                    process.state() == QProcess.ProcessState.NotRunning):
                process.deleteLater()
        self._ending = [p for p in self._ending
                        if p.state() != QProcess.ProcessState.NotRunning]
        return not self._ending and self.process is None

    # --- the process ---------------------------------------------------------------------------
    def _start_process(self) -> None:
        self.wait(0)  # the processes killed before, deleted once they ended
        process = child_process(self, self._read, self._died)
        self.process, self._plan = process, None
        self._buffer.clear()
        self._incoming.clear()
        process.start(sys.executable, ["-m", "prospector.export_reader"])

    def _send_plan(self, plan: Plan) -> None:
        """The plan, its facts in pieces pickled one per turn (100,000 facts: 0.6 s at once)."""
        facts = plan.actuals.facts
        pieces = range(0, len(facts), PIECE)
        bare = plan.model_copy(update={"actuals": plan.actuals.model_copy(
            update={"facts": FactLog()})})
        self._outgoing.append(("plan", bare, len(pieces)))
        self._outgoing.extend(
            (lambda start=start: ("plan facts", list(facts[start:start + PIECE])))
            for start in pieces)
        self._plan = plan

    def _step(self) -> None:
        """One frame written to the process, or one taken in from it."""
        process = self.process
        if self._outgoing and process is not None:
            message = self._outgoing.popleft()
            if callable(message):
                message = message()
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
            process.write(HEADER.pack(len(data)) + data)
        elif self._incoming:
            taken = self._incoming.popleft()
            if callable(taken):  # the next part of taking in a finished read
                taken()
            else:
                self._take(pickle.loads(taken))  # frames of our own process
        if not self._outgoing and not self._incoming:
            self._turn.stop()

    def _read(self) -> None:
        if self.process is None:
            return
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        while len(self._buffer) >= HEADER.size:
            size = HEADER.unpack_from(self._buffer)[0]
            if len(self._buffer) < HEADER.size + size:
                break
            self._incoming.append(bytes(self._buffer[HEADER.size:HEADER.size + size]))
            del self._buffer[:HEADER.size + size]
        if self._incoming:
            self._turn.start()

    def _died(self, _code: int = 0, _status: object = None) -> None:
        """The process ended by itself (it crashed): the read under way failed."""
        process, self.process = self.process, None
        self._plan = None
        if process is not None:
            process.deleteLater()
        if self._reading is not None:
            number = self._reading[1]
            self._reading = None
            self._end_facts()
            self.failed.emit(number, _("The file could not be read: {exc}").format(
                exc=_("the reader stopped")))

    # --- the answers -----------------------------------------------------------------------------
    def _take(self, message: tuple[Any, ...]) -> None:
        kind, number = message[0], message[1]
        if self._reading is None or number != self._reading[1]:
            return  # an older read's
        if kind == "previewed":
            self.previewed.emit(number, message[2])
        elif kind == "progress":
            self.progress.emit(number, message[2], message[3])
        elif kind == "facts":
            if self._paused is None:
                self._paused = ExitStack()
                self._paused.enter_context(collection_paused())
            self._facts += message[2]
        elif kind == "failed":
            self._reading = None
            self._end_facts()
            if message[3]:  # a bug: its details for the error report
                print(message[3], file=sys.stderr)
                why = _("The file could not be read: {exc}").format(exc=message[2])
            else:
                why = message[2]
            self.failed.emit(number, why)
        elif kind == "finished":  # taken in over three turns: this one, placing, delivering
            _kind, _number, found, summary, to_settle, placing = message
            found = replace(found, facts=self._facts)
            self._facts = []
            self._incoming.appendleft(lambda: self._place(number, found, summary, to_settle,
                                                          placing))

    def _place(self, number: int, found: ActualsImport, summary: list[str],
               to_settle: list[str], placing: Placing | None) -> None:
        if self._reading is None or number != self._reading[1]:
            return
        after = (placing.actuals_after(found, self._reading[0].actuals)
                 if placing is not None else None)
        self._incoming.appendleft(lambda: self._deliver(number, ReadOutcome(
            found, after, summary, to_settle)))

    def _deliver(self, number: int, outcome: ReadOutcome) -> None:
        if self._reading is None or number != self._reading[1]:
            return
        self._reading = None
        self._end_facts()
        self.finished.emit(number, outcome)

    def _end_facts(self) -> None:
        """What was received left out of cycle collection, which comes back on."""
        self._facts = []
        if self._paused is not None:
            gc.freeze()
            self._paused.close()
            self._paused = None
