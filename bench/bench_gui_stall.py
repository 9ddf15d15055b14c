"""Longest GUI-thread stall while the app exports a playbook and while the preview refreshes.

A 5 ms QTimer heartbeat runs on the GUI thread; the longest gap between two beats is the
longest time the window could not respond. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_stall.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402


class Heartbeat:
    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.longest = 0.0
        self.last = 0

    def start(self) -> None:
        self.longest = 0.0
        self.clock.start()
        self.last = self.clock.elapsed()
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from prospector.store import PlanStore  # noqa: PLC0415
    from ui.app import choose_plan, make_application  # noqa: PLC0415
    from ui.export_dialog import ExportDialog  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415

    app = make_application()
    store = PlanStore()
    settings = QSettings(str(Path(os.environ["PROSPECTOR_DATA_DIR"]) / "s.ini"),
                         QSettings.IniFormat)
    window = MainWindow(store, choose_plan(store, None, settings), settings)
    window.show()
    app.processEvents()
    beat = Heartbeat()
    out = Path(tempfile.mkdtemp())
    export_gaps, preview_gaps, export_secs = [], [], []
    for run in range(args.runs):
        dialog = ExportDialog(window.document.plan, str(out), window)
        dialog.output.setText(str(out / f"playbook-{run}.pdf"))
        beat.start()
        t = time.perf_counter()
        dialog.start_export()
        result = wait_for(dialog.runner.finished)
        export_secs.append(time.perf_counter() - t)
        export_gaps.append(beat.stop())
        assert result and result[0], result
        dialog.deleteLater()

        window.preview_dock.show()
        window.preview_dock.raise_()
        app.processEvents()
        beat.start()
        window.document.set_value(("basics", "goal"), f"Goal edited in run {run}")
        result = wait_for(window.preview.runner.finished)
        while result and not result[0] and result[1] == "Cancelled.":  # superseded by a newer one
            result = wait_for(window.preview.runner.finished)
        for _ in range(20):  # the new PDF is loaded and painted on the GUI thread
            app.processEvents()
        preview_gaps.append(beat.stop())
        assert result and result[0], result
    window.close()

    def line(name, values, unit="ms"):
        return (f"| {name} | {statistics.median(values):.0f} {unit} | {min(values):.0f} | "
                f"{max(values):.0f} |")

    print(f"Longest GUI-thread stall, {args.runs} runs (median, min, max):")
    print("| measure | median | min | max |\n|---|---|---|---|")
    print(line("stall during PDF export (sample)", export_gaps))
    print(line("stall during preview refresh (sample)", preview_gaps))
    print(f"| export wall time (sample) | {statistics.median(export_secs):.2f} s | "
          f"{min(export_secs):.2f} | {max(export_secs):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
