"""Python's full cycle collections on the GUI thread: while the window is set up and shown, and
while the leader types (issue 19: the GUI thread never blocks longer than a frame or two).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gc_pauses.py [--facts 100000]
        [--typing-s 120] [--gen2-threshold N] [--json]

The plan (the sample, with ``--facts`` imported activities) is saved in a fresh store and opened
in the app's window, as the app opens it. ``gc.callbacks`` records every collection of
generation 2 on the GUI thread (its duration); a 5 ms heartbeat (``bench_gui_stall``) the
longest gap. Phases: *build*: the window's construction (the plan loaded from the store, one
call: only its collections are counted); *start*: from the show until 2 s after; *typing*: one
key every 100 ms in the Goal field for ``--typing-s`` seconds (autosave runs meanwhile). The
resident memory is read after 200 keys and at the end. ``--gen2-threshold`` tries another
threshold of generation 2 (``gc.set_threshold(700, 10, N)``) for comparison.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_actuals_edit import plan_with_facts
from bench_gui_stall import Heartbeat, _run_for
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest

from prospector.store import PlanStore
from ui.app import make_application
from ui.main_window import MainWindow

KEY_EVERY_MS = 100


class FullCollections:
    """Durations (ms) of generation-2 collections on the thread that made this object."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()
        self.durations: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._seen)

    def _seen(self, phase: str, info: dict) -> None:
        if info["generation"] != 2 or threading.get_ident() != self.thread:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.durations.append((time.perf_counter() - self._started) * 1000)

    def take(self) -> list[float]:
        taken, self.durations = self.durations, []
        return taken


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1_048_576


def measure(facts: int, typing_s: float) -> dict:
    app = make_application([])  # noqa: F841 - kept alive
    folder = Path(tempfile.mkdtemp(prefix="prospector-bench-gc-"))
    plan = plan_with_facts(facts)
    store = PlanStore(folder / "store")
    store.save(plan)
    plan_id = plan.id
    del plan
    gc.collect()
    full = FullCollections()
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, store.load(plan_id), settings)
    built = full.take()
    beat = Heartbeat()
    beat.start()
    window.show()
    _run_for(2000)
    result: dict = {"facts": facts, "build_full_ms": built, "start_stall_ms": beat.stop(),
                    "start_full_ms": full.take()}
    page = window.pages["basics"]
    window.navigator.setCurrentRow(list(window.pages).index("basics"))
    field = page.goal.widget
    field.setFocus()
    _run_for(300)
    full.take()
    keys = iter(" typed while the collector is watched" * 100)
    typed = [0]

    def key() -> None:
        QTest.keyClick(field, next(keys))
        typed[0] += 1
        if typed[0] == 200:
            result["rss_200_mb"] = _rss_mb()

    timer = QTimer()
    timer.setInterval(KEY_EVERY_MS)
    timer.timeout.connect(key)
    beat.start()
    timer.start()
    _run_for(int(typing_s * 1000))
    timer.stop()
    _run_for(3500)
    result.update(typing_stall_ms=beat.stop(), typing_cpu_ms=beat.longest_cpu,
                  typing_full_ms=full.take(), keys=typed[0], rss_end_mb=_rss_mb())
    window.autosaver.flush(60)
    window.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--typing-s", type=float, default=120)
    parser.add_argument("--gen2-threshold", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.gen2_threshold is not None:
        first, second, _third = gc.get_threshold()
        gc.set_threshold(first, second, args.gen2_threshold)
    result = measure(args.facts, args.typing_s)
    result["threshold"] = gc.get_threshold()
    if args.json:
        print(json.dumps(result))
        return 0
    built = result["build_full_ms"]
    print(f"build   full collections on the GUI thread while the window is made: {len(built)}, "
          f"longest {max(built, default=0):.1f} ms")
    for what in ("start", "typing"):
        pauses = result[f"{what}_full_ms"]
        print(f"{what:<7} longest stall {result[f'{what}_stall_ms']:6.1f} ms; full collections "
              f"on the GUI thread: {len(pauses)}, longest "
              f"{max(pauses, default=0):.1f} ms")
    print(f"keys typed {result['keys']}; RSS after 200 keys {result.get('rss_200_mb', 0):.0f} MB, "
          f"at the end {result['rss_end_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
