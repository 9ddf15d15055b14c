"""Longest GUI-thread stall while the app imports a 100,000-row CRM export into the plan's
actuals, and when the week-by-week review opens (issue 19: no stall over 16 ms).

The heartbeat of ``bench_gui_stall.py`` (a 5 ms QTimer on the GUI thread; the longest gap
between two beats is the longest time the window could not respond, ``cpu`` the GUI thread's own
CPU time in that gap) runs while:

- read: the import dialog reads the export (preview, then the dry run) in its reader process, from
  ``load()`` until the dry run is shown;
- import: Import is clicked, the actuals are set as one undoable edit, and 2.5 s after it (the
  coach and the navigator the edit schedules, the autosave starting);
- autosave: then until the autosave of the plan with its facts is on disk (in its thread);
- idle: then 0.5 s with nothing asked of the window: the gaps the machine's load makes alone;
- review: the Week by week tab is opened on its review for the plan with those actuals, until
  the review is shown and drawn; week: another week chosen, likewise. The review is made on the
  GUI thread in slices of a few milliseconds (``ui/actuals_review.py``), the facts summed once
  per import (``prospector/review/summary.py``), so ``cpu`` is the longest slice with what Qt
  drew in the same gap.

The export is ``bench_actuals.write_export``'s (the sample's reps over the plan's weeks). Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_actuals_gui.py [--rows 100000] \
        [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_actuals import write_export
from bench_gui_stall import Heartbeat, _run_for, wait_for
from plans import sample_plan
from PySide6.QtCore import QSettings, QTimer

from prospector.store import PlanStore
from ui import dialogs
from ui.actuals_import_dialog import ActualsImportDialog
from ui.app import make_application
from ui.main_window import MainWindow

BUDGET_MS = 16
FOLLOW_UP_MS = 2500


def measure(rows: int) -> dict[str, tuple[float, float]]:
    """{what: (longest stall ms, the GUI thread's CPU ms in it)}."""
    app = make_application([])
    plan = sample_plan()
    folder = Path(tempfile.mkdtemp(prefix="prospector-bench-actuals-gui-"))
    export = folder / "activities.csv"
    write_export(plan, export, rows)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanStore(folder / "store"), plan, settings)
    window.show()
    _run_for(500)
    beat = Heartbeat()
    found: dict[str, tuple[float, float]] = {}
    dialogs.ask_open_csv_file = lambda parent, title="": str(export)  # type: ignore[assignment]

    def run_dialog(dialog: ActualsImportDialog) -> int:
        dialog.show()
        beat.start()
        QTimer.singleShot(0, dialog.load)
        while dialog.outcome is None:
            if wait_for(window.actuals_reader.finished, 120000) is None:
                raise RuntimeError("the export was not read in 120 s")
        found["read"] = (beat.stop(), beat.longest_cpu)
        if dialog.outcome.actuals_after is None:
            raise RuntimeError("\n".join(dialog.outcome.found.to_settle()))
        _run_for(200)
        beat.start()
        dialog.do_import()
        return dialog.result()

    ActualsImportDialog.exec = run_dialog  # type: ignore[method-assign]
    window.import_actuals()
    _run_for(FOLLOW_UP_MS)
    found["import"] = (beat.stop(), beat.longest_cpu)
    beat.start()  # the autosave the import scheduled, until it is on disk
    while window.autosaver.timer.isActive() or not window.autosaver._idle.is_set():
        _run_for(50)
    found["autosave"] = (beat.stop(), beat.longest_cpu)
    review = window.week_by_week.review
    _run_for(300)
    beat.start()  # nothing asked: the machine's own gaps under its load, for comparison
    _run_for(500)
    found["idle"] = (beat.stop(), beat.longest_cpu)
    for what, action in (("review", lambda: window.tabs.setCurrentWidget(window.week_by_week)),
                         ("week", lambda: review.week_choice.setCurrentIndex(2))):
        _run_for(300)
        beat.start()
        QTimer.singleShot(0, action)
        if wait_for(review.shown_review, 60000) is None:
            raise RuntimeError("the review was not shown in 60 s")
        _run_for(100)  # the page drawn
        found[what] = (beat.stop(), beat.longest_cpu)
    if len(window.document.plan.actuals.facts) != rows:
        raise RuntimeError(f"{len(window.document.plan.actuals.facts)} facts imported, not {rows}")
    window.autosaver.flush(120)
    window.close()
    app.processEvents()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="one JSON line: {what: [[stall ms, "
                                                           "GUI CPU ms], ...per run]}")
    args = parser.parse_args()
    runs: dict[str, list[tuple[float, float]]] = {}
    for _ in range(args.runs):
        for what, figures in measure(args.rows).items():
            runs.setdefault(what, []).append(figures)
    if args.json:
        print(json.dumps({"rows": args.rows, "stalls": runs}))
        return 0
    print(f"{args.rows:,} activity rows: longest GUI stall (ms), its GUI-thread CPU (ms), "
          f"median of {args.runs}")
    for what, figures in runs.items():
        stall = statistics.median(f[0] for f in figures)
        cpu = statistics.median(f[1] for f in figures)
        print(f"  {what:<9} {stall:7.1f}  {cpu:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
