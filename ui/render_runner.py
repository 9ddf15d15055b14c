"""Runs a playbook render in a separate process (``prospector.render_job``) with progress.

The GUI thread only reads short JSON lines from the process; Cancel kills the process.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from prospector.error_log import write_log
from prospector.model import Plan
from prospector.plan_json import printed_plan_json
from prospector.store import default_data_dir
from ui.language import _, current, ngettext


def json_lines(buffer: bytes) -> tuple[list[dict], bytes]:
    """The JSON objects of the complete lines a render process wrote, and the unfinished rest
    (kept for the next read). A line that is not a JSON object (a library's stray print) is
    skipped."""
    *lines, rest = buffer.split(b"\n")
    messages = []
    for line in lines:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict):
            messages.append(message)
    return messages, rest


class RenderRunner(QObject):
    progress = Signal(float, str)
    finished = Signal(bool, str, list)  # ok, message, paths

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process: QProcess | None = None
        self._buffer = b""
        self._result: dict | None = None
        self._job_file: Path | None = None
        self._cancelled = False
        self.notes: list[str] = []  # what the last playbook left out for print (a large plan)

    def is_running(self) -> bool:
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    def start(self, plan: Plan, out: str, *, rep: str | None = None, start: str | None = None,
              all_reps: bool = False, readiness: bool = False) -> None:
        self.cancel()
        options = json.dumps({"out": out, "rep": rep, "start": start, "all_reps": all_reps,
                              "readiness": readiness, "language": current()},
                             ensure_ascii=False)
        # This runs on the GUI thread. The plan is most of the job: pydantic writes its JSON in
        # one go (the same document as plan_to_document); json.dump to a file takes Python's
        # pure-Python encoder, which held the window for 60 ms with a 1,000-account plan.
        # The actuals' facts (100,000 are 24 MB) only for the reps' editions: their scorecards
        # count them; the leader's edition prints none.
        job = ('{"plan": ' + printed_plan_json(plan, facts=bool(rep or all_reps)) + ", "
               + options[1:])
        handle = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="prospector-job-",
                                             delete=False, encoding="utf-8")
        with handle:
            handle.write(job)
        self._job_file = Path(handle.name)
        self._buffer, self._result, self._cancelled = b"", None, False
        self.notes = []
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONUNBUFFERED", "1")
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._failed_to_start)
        self.process = process
        process.start(sys.executable, ["-m", "prospector.render_job", str(self._job_file)])

    def cancel(self) -> None:
        if self.process is not None and self.is_running():
            self._cancelled = True
            self.process.kill()
            self.process.waitForFinished(3000)

    def wait(self, msecs: int = 60000) -> None:
        if self.process is not None:
            self.process.waitForFinished(msecs)

    def _read(self) -> None:
        assert self.process is not None  # its output is being read
        messages, self._buffer = json_lines(
            self._buffer + bytes(self.process.readAllStandardOutput().data()))
        for message in messages:
            if "progress" in message:
                self.progress.emit(float(message["progress"]), message.get("stage", ""))
            else:
                self._result = message

    def _failed_to_start(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._cleanup()
            self.finished.emit(False, _("the renderer could not start"), [])

    def _done(self, _code: int, _status) -> None:
        self._read()
        self._cleanup()
        if self._cancelled:
            self.finished.emit(False, _("Cancelled."), [])
        elif self._result and "done" in self._result:
            pages = self._result.get("pages", 0)
            self.notes = [str(note) for note in self._result.get("notes") or ()]
            self.finished.emit(True, ngettext("{n} page", "{n} pages", pages).format(
                n=pages), list(self._result["done"]))
        elif self._result and "error" in self._result:
            if self._result.get("details"):  # a failure we did not foresee: keep the details
                write_log(default_data_dir(), _("Rendering the playbook failed\n")
                          + self._result["details"])
            self.finished.emit(False, self._result["error"], [])
        else:
            assert self.process is not None  # it has finished
            err = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
            last = err.strip().splitlines()[-1] if err.strip() else _("the renderer stopped")
            self.finished.emit(False, last, [])

    def _cleanup(self) -> None:
        if self._job_file:
            self._job_file.unlink(missing_ok=True)
            self._job_file = None
