"""App cold start to first paint: a fresh process, a fresh data folder, the window painted once.

    .venv/bin/python bench/bench_startup.py [--runs 5]

Each run launches a new Python process (offscreen Qt) that starts the app the way the
``prospector`` command does (``ui.app.run_app``) with an empty data folder and empty settings, so
it is a first start: the sample plan is imported into the store and opened. The child notes when
the main window receives its first paint event and when the event loop is idle again after it
(the window is on screen and answers input), then quits. Times are measured from the moment the
parent launched the process, so interpreter start-up and every import count. One launch before
the measured runs is not counted (it compiles any stale ``.pyc`` files, which an installed app
does not do at start). Prints median, min and max.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD_T0 = "PROSPECTOR_BENCH_T0"


def _child() -> int:
    """Runs inside the launched process: start the app, report the first paint, quit."""
    t0 = float(os.environ[CHILD_T0])
    marks = {"python_ready": time.time() - t0}
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415 - timed: the start-up
    from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: PLC0415 - timed: the start-up

    import ui.app  # noqa: PLC0415 - timed: the start-up

    marks["imports_done"] = time.time() - t0
    app = ui.app.make_application()  # run_app() reuses this instance
    marks["application_created"] = time.time() - t0

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if (event.type() == QEvent.Type.Paint and "first_paint" not in marks
                    and isinstance(obj, QMainWindow)):
                marks["first_paint"] = time.time() - t0
                QTimer.singleShot(0, self.painted)
            return False

        def painted(self):
            marks["idle_after_paint"] = time.time() - t0
            heavy = ("weasyprint", "prospector.playbook.render", "holidays", "icalendar")
            marks["loaded"] = [name for name in heavy if name in sys.modules]
            QApplication.instance().quit()

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    QTimer.singleShot(60000, app.quit)  # never hang the benchmark
    code = ui.app.run_app(None)
    app.removeEventFilter(watcher)
    print(json.dumps({"exit": code, **marks}), flush=True)
    os._exit(0)  # skip teardown: it is not part of start-up


def measure(runs: int = 5, warmup: int = 1) -> dict[str, list]:
    """Seconds from launch to each mark, one list per mark (``idle_after_paint`` is the result);
    ``loaded`` lists the heavy modules (WeasyPrint, ...) that were imported before the first
    paint, which the app should not need to start."""
    results: dict[str, list] = {}
    for i in range(warmup + runs):
        with tempfile.TemporaryDirectory(prefix="prospector-start-") as tmp:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                       PROSPECTOR_DATA_DIR=str(Path(tmp) / "data"),
                       XDG_CONFIG_HOME=str(Path(tmp) / "config"),  # fresh QSettings
                       XDG_DATA_HOME=str(Path(tmp) / "share"),
                       XDG_CACHE_HOME=str(Path(tmp) / "cache"))
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env[CHILD_T0] = repr(time.time())
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"],
                                 env=env, capture_output=True, text=True, timeout=120, cwd=tmp)
            lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
            if not lines:
                raise RuntimeError(f"the app did not start: {out.stderr.strip()[-2000:]}")
            marks = json.loads(lines[-1])
            if "idle_after_paint" not in marks:
                raise RuntimeError(f"the main window was never painted: {marks}")
            if not (Path(tmp) / "data" / "plans.json").exists():
                raise RuntimeError("the first start did not store the sample plan")
        if i >= warmup:
            for key, value in marks.items():
                if key == "loaded":
                    results.setdefault(key, [])
                    results[key] += [m for m in value if m not in results[key]]
                elif key != "exit":
                    results.setdefault(key, []).append(value)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the raw numbers as JSON")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child()
    results = measure(args.runs)
    if args.json:
        print(json.dumps(results))
        return 0
    print(f"App cold start (offscreen, first start with the sample), {args.runs} runs, seconds "
          "from launching the process")
    print(f"{'mark':<22} {'median':>7} {'min':>7} {'max':>7}")
    for key, values in results.items():
        if key == "loaded":
            continue
        print(f"{key:<22} {statistics.median(values):>7.3f} {min(values):>7.3f} "
              f"{max(values):>7.3f}")
    print("heavy modules imported before the first paint:", ", ".join(results["loaded"]) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
