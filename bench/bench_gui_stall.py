"""Longest GUI-thread stall while the app exports a playbook, while the preview refreshes,
when a row is added, removed or moved (and the edit undone), and when every account gets a
tier or a rep at once (a bulk edit of the selected rows).

A 5 ms QTimer heartbeat runs on the GUI thread; the longest gap between two beats is the
longest time the window could not respond. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_stall.py [--runs 3] [--plan large]
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_stall.py --only edits --plan large \
        [--follow-ups]

Row edits (the middle account of the list, the third touch, the first persona): each is made as
the leader makes it (the list's buttons, the window's Undo) while the heartbeat runs; the stall
of an *edit* is the longest from the click until 100 ms later (the edit, the tables and forms
following it, the repaint; budget 16 ms, one frame). With ``--follow-ups`` also until 2.5 s
later: what the edit schedules too (the coach's review after 150 ms, the navigator after 250 ms,
the autosave after 1.5 s). Selecting the next row, no edit, is measured for comparison.

``measure()`` returns the numbers; ``bench/run_all.py`` runs this file in its own process
(``--json``), as the app would run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from plans import large_sample_plan
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from prospector.store import PlanStore
from ui.app import choose_plan, make_application
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow


class Heartbeat:
    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.longest = 0.0
        self.last = 0
        # the GUI thread's own CPU time between two beats: the stall the app itself causes,
        # whatever else the machine runs (a loaded machine adds its waits to ``longest``)
        self.longest_cpu = 0.0
        self.last_cpu = 0.0

    def start(self) -> None:
        self.longest = self.longest_cpu = 0.0
        self.clock.start()
        self.last = self.clock.elapsed()
        self.last_cpu = time.thread_time()
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        cpu = time.thread_time()
        self.longest_cpu = max(self.longest_cpu, (cpu - self.last_cpu) * 1000)
        self.last_cpu = cpu

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def wait_for(signal, timeout_ms: int = 180000):
    loop = QEventLoop()
    result = {}

    def done(*args):
        result["args"] = args
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(done)
    return result.get("args")


EDIT_BUDGET_MS = 16  # one frame: adding, removing or moving a row never stalls longer
EDIT_WINDOW_MS = 100  # the edit and what it posts (tables, forms, repaint), before any timer
FOLLOW_UP_WINDOW_MS = 2500  # also the coach, the navigator and autosave the edit schedules
SETTLE_MS = 2000  # after each edit, unmeasured: its autosave is done before the next one


def _run_for(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _stall(beat: Heartbeat, action, window_ms: int) -> float:
    """The longest stall from ``action`` (run from the event loop) until ``window_ms`` later."""
    _run_for(30)
    beat.start()
    QTimer.singleShot(10, action)
    _run_for(window_ms)
    return beat.stop()


def _edit_cases(window) -> list[tuple[str, object]]:
    """(name, prepare) pairs, in order; ``prepare()`` goes to the list and selects the row (not
    timed) and returns the edit to time. Each leaves the plan as the next one expects it."""
    def click(key, button, row):
        def prepare():
            window.navigator.setCurrentRow(list(window.pages).index(key))
            editor = window.pages[key].editor
            editor.select_id(editor.model.item(row).id)
            editor.table.setFocus()
            QApplication.processEvents()
            return editor.buttons[button].click
        return prepare

    def undo():
        return window.undo_action.trigger

    def select(key, row):
        def prepare():
            click(key, "add", row)()  # goes to the list and selects the row
            editor = window.pages[key].editor
            return lambda: editor.select_id(editor.model.item(row + 1).id)
        return prepare

    def every_account(edit):
        """All accounts selected (not timed); ``edit(editor, ids)`` is timed."""
        def prepare():
            window.navigator.setCurrentRow(list(window.pages).index("targets"))
            editor = window.pages["targets"].editor
            editor.table.selectAll()
            QApplication.processEvents()
            ids = editor.selected_ids()
            return lambda: edit(editor, ids)
        return prepare

    def tier_c(editor, ids):
        tier = next(c for c in editor.source.columns if c.field == "tier")
        editor.set_column(ids, tier, "C")

    def to_first_rep(editor, ids):
        window.pages["targets"].assign_to_rep(ids, window.document.plan.reps[0].id)

    middle = len(window.document.plan.accounts) // 2
    return [
        ("set the tier of every account at once (bulk edit)", every_account(tier_c)),
        ("undo: the bulk tier", undo),
        ("give every account to one rep (bulk edit)", every_account(to_first_rep)),
        ("undo: the bulk rep", undo),
        ("select the next account (no edit: for comparison)", select("targets", middle)),
        ("add an account", click("targets", "add", middle)),
        ("undo: add an account", undo),
        ("move an account down", click("targets", "down", middle)),
        ("undo: move an account", undo),
        ("delete an account", click("targets", "delete", middle)),
        ("undo: delete an account", undo),
        ("add a touch", click("touches", "add", 2)),
        ("undo: add a touch", undo),
        ("delete a touch (used by cadences)", click("touches", "delete", 0)),
        ("undo: delete a touch", undo),
        ("delete a persona (used by contacts)", click("personas", "delete", 0)),
        ("undo: delete a persona", undo),
    ]


def measure_edits(window, runs: int, follow_ups: bool = False) -> dict:
    """Longest stalls (ms) per row edit (``edit_stall_ms``), with ``follow_ups`` also until
    2.5 s after it (``edit_follow_up_stall_ms``)."""
    window.preview_dock.hide()
    beat = Heartbeat()
    stalls: dict[str, list[float]] = {}
    follow: dict[str, list[float]] = {}
    start = window.document.plan.model_dump()
    for _run in range(runs):
        for name, prepare in _edit_cases(window):
            stalls.setdefault(name, []).append(_stall(beat, prepare(), EDIT_WINDOW_MS))
            _run_for(SETTLE_MS)
        for name, prepare in _edit_cases(window) if follow_ups else ():
            follow.setdefault(name, []).append(_stall(beat, prepare(), FOLLOW_UP_WINDOW_MS))
    assert window.document.plan.model_dump() == start, "the edits and undos did not cancel out"
    return {"edit_stall_ms": stalls, "edit_follow_up_stall_ms": follow}


def measure(runs: int = 3, plan_name: str = "sample", only: str | None = None,
            follow_ups: bool = False) -> dict:
    """Longest GUI-thread gaps (ms) during export and preview refresh, and their wall times (s),
    then (``measure_edits``) when a row is added, removed or moved. ``only``: "export" or "edits".

    ``plan_name`` is ``"sample"`` (the app's first start) or ``"large"`` (the 1,000-account plan
    of ``bench/plans.py``, stored first and opened). Creates the QApplication: call once per
    process."""
    app = make_application()
    store = PlanStore()
    settings = QSettings(str(Path(os.environ["PROSPECTOR_DATA_DIR"]) / "s.ini"),
                         QSettings.Format.IniFormat)
    if plan_name == "large":
        plan = large_sample_plan()
        store.save(plan)
        settings.setValue("last_plan", plan.id)
    window = MainWindow(store, choose_plan(store, None, settings), settings)
    window.show()
    app.processEvents()
    beat = Heartbeat()
    out = Path(tempfile.mkdtemp())
    result = {"plan": plan_name, "accounts": len(window.document.plan.accounts),
              "export_stall_ms": [], "preview_stall_ms": [], "export_s": [], "preview_s": [],
              "pages": 0}
    for run in range(runs if only != "edits" else 0):
        dialog = ExportDialog(window.document.plan, str(out), window)
        dialog.output.setText(str(out / f"playbook-{run}.pdf"))
        beat.start()
        t = time.perf_counter()
        dialog.start_export()
        done = wait_for(dialog.runner.finished)
        result["export_s"].append(time.perf_counter() - t)
        result["export_stall_ms"].append(beat.stop())
        assert done and done[0], done
        dialog.deleteLater()

        window.preview_dock.show()
        window.preview_dock.raise_()
        app.processEvents()
        beat.start()
        t = time.perf_counter()
        window.document.set_value(("basics", "goal"), f"Goal edited in run {run}")
        preview = window.preview
        done = True
        while done and preview.busy():  # the render worker's answer, then its pages drawn
            done = wait_for(preview.view.pages_drawn) is not None
        preview.view.canvas.repaint()
        result["preview_s"].append(time.perf_counter() - t)
        result["preview_stall_ms"].append(beat.stop())
        assert done, preview.status.text()
        result["pages"] = window.preview.view.page_count()
    if only != "export":
        result.update(measure_edits(window, runs, follow_ups))
    window.close()
    shutil.rmtree(out, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--plan", choices=("sample", "large"), default="sample",
                        help="the sample (default) or the 1,000-account plan")
    parser.add_argument("--only", choices=("export", "edits"), default=None,
                        help="only the export and preview, or only the row edits")
    parser.add_argument("--follow-ups", action="store_true",
                        help="row edits: also the stalls of what they schedule (2.5 s each)")
    parser.add_argument("--json", action="store_true", help="print the raw numbers as JSON")
    args = parser.parse_args(argv)
    try:
        result = measure(args.runs, args.plan, args.only, args.follow_ups)
    finally:
        shutil.rmtree(os.environ["PROSPECTOR_DATA_DIR"], ignore_errors=True)
    if args.json:
        print(json.dumps(result))
        return 0
    name = "sample" if args.plan == "sample" else f"{result['accounts']:,} accounts"

    def line(what, values, unit="ms", digits=0):
        return (f"| {what} ({name}) | {statistics.median(values):.{digits}f} {unit} | "
                f"{min(values):.{digits}f} | {max(values):.{digits}f} |")

    print(f"Longest GUI-thread stall, {args.runs} runs (median, min, max):")
    print("| measure | median | min | max |\n|---|---|---|---|")
    if result["export_stall_ms"]:
        print(line("stall during PDF export", result["export_stall_ms"]))
        print(line("stall during preview refresh", result["preview_stall_ms"]))
        print(line("export wall time", result["export_s"], "s", 2))
        print(line("preview refresh wall time", result["preview_s"], "s", 2))
    edits = result.get("edit_stall_ms", {})
    for edit, values in edits.items():
        print(line(f"stall: {edit}", values))
    for edit, values in result.get("edit_follow_up_stall_ms", {}).items():
        print(line(f"stall with follow-ups: {edit}", values))
    if edits:
        worst = max(statistics.median(v) for e, v in edits.items() if "no edit" not in e)
        print(f"Longest stall of a row edit (median): {worst:.0f} ms (budget {EDIT_BUDGET_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
