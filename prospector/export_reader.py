"""The actuals import's reader: a process of its own that reads CRM exports for the app.

Reading a 100,000-row export is 3-5 s of Python; in a thread of the app it held Python's lock in
long stretches, and the window waited for it (0.15-0.45 s at a time on a loaded machine, see
bench/RESULTS.md). ``python -m prospector.export_reader`` reads it here instead. The app
(``ui/actuals_reading.py``) starts it for the import dialog and kills it when the dialog closes
or the leader stops the read.

Messages both ways are frames: a 4-byte big-endian length, then a pickle. On stdin:

* ``("plan", plan without its facts, number of fact pieces)``, then that many ``("plan facts",
  [facts])``: the plan the next reads are for (its facts in pieces: the app pickles them a
  piece at a time between other work);
* ``("read", number, path, choices, preview, language)``: read ``path`` (a preview first if
  ``preview``) with the leader's ``choices`` (``read_actuals``'s keyword arguments), saying
  what it found in ``language``. A newer read stops the one under way at its next progress tick
  (every 2,000 rows).

On stdout: ``("previewed", number, ActualsPreview)``, ``("progress", number, done, total)``,
``("facts", number, [facts])`` (``PIECE`` facts a piece: the app unpickles one piece at a
time, a few milliseconds each, between the window's other work), then ``("finished", number,
found without its facts, summary lines, what to settle, placing)`` (``placing``: where the
facts go in the plan's actuals, see ``actuals_import.placing``; None while something is to
settle), or
``("failed", number, why, details)`` (``details``: a traceback when it is a bug, else "").
Older reads' answers may still come: the app drops them by number.

Domain only: no Qt here.
"""

from __future__ import annotations

import gc
import os
import pickle
import struct
import sys
import threading
import traceback
from dataclasses import replace
from typing import Any, BinaryIO

from .account_import import CsvFileError
from .actuals.records import LoggedFact
from .actuals_import import preview_actuals, read_actuals
from .actuals_import.placing import Placing
from .errors import ProspectorError
from .messages import Say, error_said
from .model import Plan

PIECE = 250  # facts per frame: about 1 ms to unpickle on this machine
NICENESS = 10  # the reader's priority below the app's (os.nice)
SUMMARY_LINES = 50  # rows named per kind of problem in the dialog's summary
HEADER = struct.Struct(">I")


class Stale(Exception):
    """Raised at a read's progress tick once a newer read (or the end) was asked for."""


def write_frame(out: BinaryIO, message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(HEADER.pack(len(data)) + data)
    out.flush()


def read_frame(stream: BinaryIO) -> tuple[Any, ...] | None:
    """The next message on ``stream``; None at its end."""
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    size = HEADER.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # frames of the app that started it


class Requests:
    """The plan and the newest read asked for, shared by the thread reading stdin and the one
    reading exports."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.plan: Plan | None = None
        self.waiting: tuple[Any, ...] | None = None
        self.newest = 0
        self.closed = False

    def listen(self, stream: BinaryIO) -> None:
        plan: Plan | None = None
        facts: list[LoggedFact] = []
        pieces = 0
        while (message := read_frame(stream)) is not None:
            if message[0] == "plan":
                plan, pieces, facts = message[1], message[2], []
            elif message[0] == "plan facts":
                facts += message[1]
                pieces -= 1
            elif message[0] == "read":
                with self.condition:
                    self.waiting, self.newest = message, message[1]
                    self.condition.notify()
            if plan is not None and pieces == 0:
                whole = plan.model_copy(update={"actuals": plan.actuals.with_facts_placed(
                    facts, {}, {})})
                with self.condition:
                    self.plan, plan = whole, None
        with self.condition:
            self.closed = True
            self.condition.notify()

    def next(self) -> tuple[Plan, tuple[Any, ...]] | None:
        with self.condition:
            while (self.waiting is None or self.plan is None) and not self.closed:
                self.condition.wait()
            if self.closed or self.waiting is None or self.plan is None:
                return None
            request, self.waiting = self.waiting, None
            return self.plan, request

    def stale(self, number: int) -> bool:
        return self.closed or self.newest != number  # read without the lock: an int


def read(plan: Plan, request: tuple[Any, ...], say, stale) -> None:
    """One read asked for: its answers said."""
    _read, number, path, choices, preview, language = request
    tell = Say(language)

    def tick(done: int, total: int) -> None:
        if stale():
            raise Stale
        say("progress", number, done, total)

    try:
        export, delimiter = choices.get("export"), choices.get("delimiter")
        if preview:
            shown = preview_actuals(path, export=export, delimiter=delimiter)
            if stale():
                return
            say("previewed", number, shown)
            export, delimiter = shown.export.value, shown.file.delimiter
        found = read_actuals(plan, path, **{**choices, "export": export, "delimiter": delimiter},
                             progress=tick)
        placing = Placing.of(found, plan.actuals) if found.ready else None
        summary = found.summary_lines(limit=SUMMARY_LINES, language=language)
        to_settle = found.to_settle(language=language)
    except Stale:
        return
    except (CsvFileError, ProspectorError) as exc:
        say("failed", number, error_said(exc, tell), "")
        return
    except Exception as exc:  # noqa: BLE001 - a bug: the app says so and reports the details
        say("failed", number, f"{type(exc).__name__}: {exc}", traceback.format_exc())
        return
    for start in range(0, len(found.facts), PIECE):
        if stale():
            return
        say("facts", number, found.facts[start:start + PIECE])
    say("finished", number, replace(found, facts=[]), summary, to_settle, placing)


def main() -> int:
    if hasattr(os, "nice"):
        # background work: on a busy machine the window (and the leader's other programs) get
        # the CPU first, the read waits (with the same priority it took the window's turns)
        os.nice(NICENESS)
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a library's stray print must not break the frames
    lock = threading.Lock()

    def say(*message: Any) -> None:
        with lock:
            write_frame(out, message)

    requests = Requests()
    threading.Thread(target=requests.listen, args=(sys.stdin.buffer,), name="requests",
                     daemon=True).start()
    gc.disable()  # a short-lived process: what a read makes is freed when it is replaced
    while (asked := requests.next()) is not None:
        plan, request = asked
        read(plan, request, say, lambda number=request[1]: requests.stale(number))
        del request
        gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
