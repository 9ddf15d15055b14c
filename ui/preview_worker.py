"""The app's side of the preview's render worker (``prospector.render_worker``).

One long-lived process, spoken to with JSON lines through a ``QProcess``: the GUI thread only
writes a request and reads short answers when they arrive, it never waits. Each request has a
growing id; an answer to any but the newest request is dropped, so the preview never shows an
older plan after a newer one (the worker also stops a stale render at its next page). If the
worker dies, it is started again after a pause that doubles each time it dies before answering
(0.25 s, 0.5 s... up to 8 s), and the newest request is sent to the new one. A worker that fails
where it should not (an error that is no fault of the plan) ends itself, and the request is sent
once more to a new one: an app updated while it runs reads its new templates with its old code.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from prospector.model import Plan
from ui.child_process import child_process
from ui.language import _, current
from ui.render_runner import json_lines

FIRST_PAUSE_MS = 250
LONGEST_PAUSE_MS = 8000


class PreviewWorker(QObject):
    ready = Signal()  # the worker (again) takes requests
    rendered = Signal(int, dict)  # the newest request's id, its answer (done, pages, items...)
    failed = Signal(int, str)  # the newest request's id, why it was not rendered
    stopped = Signal(str)  # the worker died: it is being started again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process: QProcess | None = None
        self.is_ready = False
        self.newest = 0  # the id of the newest request
        self.answered = 0  # the id of the newest request answered
        self._pending: bytes | None = None  # the newest request, until the worker took it
        self._sent: bytes | None = None  # the newest request the worker took
        self._buffer = b""
        self._closing = False
        self._pause = FIRST_PAUSE_MS
        self._retried = 0  # the id of the request a new worker was asked again (once)
        self.restarts = 0
        self._restart_timer = QTimer(self)
        self._restart_timer.setSingleShot(True)
        self._restart_timer.timeout.connect(self.start)

    # --- the process -------------------------------------------------------------------------
    def start(self) -> None:
        """Start the worker (it says ``ready`` a few seconds later, once warm)."""
        if self._closing or self.is_running():
            return
        process = child_process(self, self._read, self._died)
        process.errorOccurred.connect(self._error)
        self.process, self.is_ready, self._buffer = process, False, b""
        process.start(sys.executable, ["-m", "prospector.render_worker"])

    def is_running(self) -> bool:
        return (self.process is not None
                and self.process.state() != QProcess.ProcessState.NotRunning)

    def pid(self) -> int:
        return int(self.process.processId()) if self.process is not None else 0

    def shutdown(self) -> None:
        """Stop the worker (the app closes). It is killed: it holds nothing to keep (a preview
        half written is a temp file in the preview's folder, removed with it)."""
        self._closing = True
        self._restart_timer.stop()
        process, self.process = self.process, None
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.finished.disconnect(self._died)
            process.kill()
            process.waitForFinished(3000)

    # --- requests ----------------------------------------------------------------------------
    def request(self, plan: Plan | bytes, out: str, *, section: list[str] | None = None,
                item: str | None = None, rep: str | None = None,
                rep_actuals: dict[str, list[float | None]] | None = None) -> int:
        """Ask for ``plan`` (or its JSON, see ``prospector.plan_json``) rendered to ``out``,
        only ``section`` or the whole playbook, a long account list around ``item``; the rep
        ``rep``'s edition (its scorecard filled with ``rep_actuals``: the plan's JSON has no
        facts) or the leader's; returns the request's id. Only the newest request's answer is
        ever delivered."""
        self.newest += 1
        options = json.dumps({"id": self.newest, "out": out, "section": section,
                              "item": item, "rep": rep, "rep_actuals": rep_actuals,
                              "language": current()})  # its errors in the app's language
        plan_json = plan if isinstance(plan, bytes) else plan.model_dump_json().encode()
        self._pending = options[:-1].encode() + b', "plan": ' + plan_json + b"}\n"
        self._send()
        return self.newest

    def _send(self) -> None:
        if self._pending is not None and self.is_ready and self.process is not None:
            self.process.write(self._pending)
            self._sent, self._pending = self._pending, None

    def _read(self) -> None:
        if self.process is None:
            return
        messages, self._buffer = json_lines(
            self._buffer + bytes(self.process.readAllStandardOutput().data()))
        for message in messages:
            self.answer(message)

    def answer(self, message: dict[str, Any]) -> None:
        """One line from the worker."""
        if message.get("ready"):
            self.is_ready = True
            self.ready.emit()
            self._send()
            return
        request_id = message.get("id")
        if request_id != self.newest or request_id <= self.answered:
            return  # an older request's: a newer one is on its way
        if message.get("cancelled"):
            return
        if message.get("broken") and self._retried != request_id:
            # the worker failed where it should not, and ends: a new one tries once more (the
            # app may have been updated under the old one: its templates newer than its code)
            self._retried, self._pending = request_id, self._sent
            return
        self.answered = request_id
        self._pause = FIRST_PAUSE_MS  # it works: the next death is restarted at once
        if "done" in message:
            self.rendered.emit(request_id, message)
        else:
            self.failed.emit(request_id, str(message.get("error", _("the preview failed"))))

    def _died(self, _code: int = 0, _status: object = None) -> None:
        if self._closing:
            return
        self.is_ready = False
        if self.process is not None:
            self.process.deleteLater()
            self.process = None
        if self.answered < self.newest and self._pending is None:
            self._pending = self._sent  # the request it was working on: for the next worker
        self.restarts += 1
        self.stopped.emit(_("the preview renderer stopped; starting it again in {value:.1f} "
                            "s").format(value=self._pause / 1000))
        self._restart_timer.start(self._pause)
        self._pause = min(self._pause * 2, LONGEST_PAUSE_MS)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._died()
