"""Editing a plan that holds 100,000 imported facts (issue 19): is it as pleasant as the sample?

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_actuals_edit.py [--facts 100000]
        [--runs 3] [--results]

The facts are the generated Salesforce activity export of ``bench_actuals.py`` imported into the
sample plan, saved in a fresh store. Measured:

- open: ``PlanStore(folder).load(plan_id)`` from a fresh store object (what the app and
  ``prospector pdf NAME`` do), and the resident memory the open plan adds (first open only);
- typing: the app's window (offscreen), the plan opened, the Goal field focused; one key typed
  every 100 ms for 6 s (autosave runs meanwhile: 1.5 s after a pause, at most 3 s after the first
  unsaved key). The longest gap of a 5 ms heartbeat on the GUI thread is the longest stall; the
  GUI thread's own CPU time per gap is given too (the machine is shared);
- autosave per edit: the GUI thread's share (``Autosaver.submit``: the snapshot it takes) and the
  wall time from the snapshot to the version stored (the background thread), per save;
- the sample (no facts) the same way, for comparison.

``--results`` writes the table in ``bench/RESULTS.md`` (in place of the one written before).
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_actuals import write_export
from bench_gui_stall import Heartbeat, _run_for
from plans import sample_plan
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest

from prospector.actuals_import import read_actuals
from prospector.model import Plan
from prospector.store import PlanStore
from ui.app import make_application
from ui.main_window import MainWindow

TYPING_S = 6.0
KEY_EVERY_MS = 100
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def plan_with_facts(facts: int) -> Plan:
    plan = sample_plan()
    if not facts:
        return plan
    with tempfile.TemporaryDirectory(prefix="prospector-bench-facts-") as tmp:
        export = Path(tmp) / "activities.csv"
        write_export(plan, export, facts)
        found = read_actuals(plan, export)
        assert found.ready, found.summary_lines()
        plan = found.apply(plan)
    assert len(plan.actuals.facts) == facts
    return plan


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1_048_576


def measure_open(folder: Path, plan_id: str, runs: int) -> dict:
    opens, cpu, memory = [], [], None
    for _ in range(runs):
        gc.collect()
        before = _rss_mb()
        started, started_cpu = time.perf_counter(), time.process_time()
        plan = PlanStore(folder).load(plan_id)
        opens.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if memory is None:
            memory = _rss_mb() - before
        del plan
    return {"open_s": opens, "open_cpu_s": cpu, "open_mb": memory}


def measure_typing(store: PlanStore, plan: Plan, runs: int) -> dict:
    settings = QSettings(str(Path(os.environ["PROSPECTOR_DATA_DIR"]) / "s.ini"),
                         QSettings.Format.IniFormat)
    window = MainWindow(store, store.load(plan.id), settings)
    window.preview_dock.hide()
    window.show()
    _run_for(500)
    saver = window.autosaver
    submits: list[float] = []
    stored: list[float] = []
    started_at: list[float] = []
    submit = saver.submit

    def timed_submit(*args, **kwargs):
        t = time.perf_counter()
        submit(*args, **kwargs)
        submits.append(time.perf_counter() - t)
        started_at.append(t)

    saver.submit = timed_submit  # type: ignore[method-assign]
    saver.saved.connect(lambda *_: stored.append(time.perf_counter() - started_at[-1]),
                        Qt.ConnectionType.QueuedConnection)
    page = window.pages["basics"]
    window.navigator.setCurrentRow(list(window.pages).index("basics"))
    field = page.goal.widget
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    _run_for(200)
    beat = Heartbeat()
    stalls, cpu = [], []
    for run in range(runs):
        keys = iter(f" typed in run {run} while the facts are kept" * 4)
        timer = QTimer()
        timer.setInterval(KEY_EVERY_MS)
        timer.timeout.connect(lambda keys=keys: QTest.keyClick(field, next(keys)))
        beat.start()
        timer.start()
        _run_for(int(TYPING_S * 1000))
        timer.stop()
        _run_for(3500)  # the last autosave
        stalls.append(beat.stop())
        cpu.append(beat.longest_cpu)
    assert saver.flush(60)
    _run_for(200)
    typed = window.document.plan.basics.goal
    assert "typed in run" in typed, typed
    assert store.load(plan.id).basics.goal == typed, "the last keystroke was not saved"
    window.close()
    return {"stall_ms": stalls, "stall_cpu_ms": cpu, "submit_ms": [s * 1000 for s in submits],
            "save_s": stored}


def measure(facts: int, runs: int) -> dict:
    app = make_application()  # noqa: F841 - kept alive
    folder = Path(tempfile.mkdtemp(prefix="prospector-bench-store-"))
    try:
        plan = plan_with_facts(facts)
        store = PlanStore(folder)
        store.save(plan)
        result = {"facts": facts, **measure_open(folder, plan.id, runs)}
        result.update(measure_typing(store, plan, runs))
        result["file_mb"] = sum(p.stat().st_size for p in folder.rglob("*")
                                if p.is_file()) / 1_048_576
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _row(what: str, values: list[float], unit: str, digits: int) -> str:
    return (f"| {what} | {statistics.median(values):.{digits}f} {unit} | "
            f"{min(values):.{digits}f} | {max(values):.{digits}f} |")


def table(results: list[dict]) -> str:
    lines = ["| measure | median | min | max |", "|---|---|---|---|"]
    for r in results:
        name = f"{r['facts']:,} facts" if r["facts"] else "sample, no facts"
        lines += [
            _row(f"open ({name})", r["open_s"], "s", 2),
            _row(f"  of it CPU ({name})", r["open_cpu_s"], "s", 2),
            _row(f"longest GUI stall while typing ({name})", r["stall_ms"], "ms", 0),
            _row(f"  of it the GUI thread's own CPU ({name})", r["stall_cpu_ms"], "ms", 0),
            _row(f"autosave, GUI thread's share per save ({name})", r["submit_ms"], "ms", 1),
            _row(f"autosave, snapshot to stored per save ({name})", r["save_s"], "s", 2),
        ]
        lines.append(f"| memory the open plan adds ({name}) | {r['open_mb']:.0f} MB | | |")
        lines.append(f"| store files: plans.json, its backup (a hard link counted twice) and the "
                     f"facts' blocks "
                     f"({name}) | {r['file_mb']:.1f} MB | | |")
    return "\n".join(lines)


HEADING = "## Editing a plan with imported facts"


def write_results(text: str, facts: int, label: str) -> None:
    """Put the table in ``bench/RESULTS.md`` under ``HEADING``, in place of the one there."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = [HEADING, "",
               f"`bench/bench_actuals_edit.py`: the sample with {facts:,} imported facts in the "
               f"app (offscreen), typing one key every {KEY_EVERY_MS} ms for {TYPING_S:.0f} s, "
               f"autosave running; the sample beside it ({stamp}"
               f"{', ' + label if label else ''}). Budget: no stall over 16 ms of the GUI "
               "thread's own (the wall-clock stall also counts the other programs' turns on "
               "this shared machine).", "", text, ""]
    lines = RESULTS.read_text("utf-8").splitlines() if RESULTS.exists() else []
    if HEADING in lines:
        start = lines.index(HEADING)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")),
                   len(lines))
        lines[start:end] = section
    else:
        lines += ["", *section]
    RESULTS.write_text("\n".join(lines).rstrip("\n") + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-sample", action="store_true", help="skip the sample's figures")
    parser.add_argument("--results", action="store_true", help="write it in bench/RESULTS.md")
    parser.add_argument("--label", default="", help="a word for the RESULTS.md heading")
    args = parser.parse_args(argv)
    try:
        results = [measure(args.facts, args.runs)]
        if not args.no_sample:
            results.append(measure(0, args.runs))
    finally:
        shutil.rmtree(os.environ["PROSPECTOR_DATA_DIR"], ignore_errors=True)
    text = table(results)
    print(text)
    if args.results:
        write_results(text, args.facts, args.label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
