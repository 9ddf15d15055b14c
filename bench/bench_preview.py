"""The live preview: from the last keystroke to the new preview painted, the GUI thread's
longest stall meanwhile, and the render worker's memory over many previews.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_preview.py [--runs 7] \
        [--plan sample|large] [--step cadences|targets] [--memory 200]

*Latency*: the app (offscreen, 1600 px wide: the preview beside the form) on the plan, the
render worker warm, the step shown in the preview; a word is typed into a field of the step
(the cadence's name, or an account's city on the targets step), one key every 60 ms; the clock
runs from the last key until the preview's pages in view are drawn from the new PDF and
painted. It includes the 350 ms pause after typing, the worker's render (the step's part of
the playbook), the answer, opening the PDF and drawing the pages with PDFium. *Stall*: a 5 ms
QTimer heartbeat on the GUI thread over the same span; the longest gap between two beats. As a
control, the same heartbeat over as long a span with nothing happening in the app: on a shared
machine the operating system alone leaves gaps (the CPU is busy elsewhere). *CPU stall*: the GUI
thread's own CPU time between two beats (``time.thread_time``), the longest: what the app itself
costs, which the machine's load does not inflate.

*Memory*: the render worker alone (no Qt), given ``--memory N`` requests one after another, each
with an edit of the sample (a cadence renamed) and a part that changes as a leader moves between
steps; its resident set size (VmRSS) after the first 10 and after the last.

``measure()`` and ``measure_memory()`` return the numbers.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-bench-")
os.environ.pop("PROSPECTOR_PREVIEW", None)  # the worker starts with the window, as for a user
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from plans import large_sample_plan, sample_plan

TYPED = "abcde"
KEY_INTERVAL_MS = 60
BUDGETS = {"sample": 1.0, "large": 2.0}  # seconds, median, keystroke to painted
GOAL_SAMPLE_S = 0.6
STALL_BUDGET_MS = 16
MEMORY_BUDGET_MB = 50


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(runs: int = 7, plan_name: str = "sample", step: str = "cadences",
            without_preview: bool = False) -> dict:
    """Seconds from the last keystroke to the new preview painted, and the GUI thread's longest
    stall (ms) meanwhile, ``runs`` times. ``without_preview``: the same typing with the preview
    closed, the stall over 1.5 s after the last key (what the rest of the app costs).
    Creates the QApplication: call once per process."""
    from bench_gui_stall import Heartbeat, _run_for, wait_for  # noqa: PLC0415 - Qt: not for --memory
    from PySide6.QtCore import QSettings  # noqa: PLC0415 - Qt
    from PySide6.QtTest import QTest  # noqa: PLC0415 - Qt

    from prospector.store import PlanStore  # noqa: PLC0415 - with the app
    from ui.app import choose_plan, make_application  # noqa: PLC0415 - Qt
    from ui.main_window import MainWindow  # noqa: PLC0415 - Qt

    app = make_application()
    store = PlanStore()
    settings = QSettings(str(Path(os.environ["PROSPECTOR_DATA_DIR"]) / "s.ini"),
                         QSettings.Format.IniFormat)
    plan = large_sample_plan() if plan_name == "large" else sample_plan()
    store.save(plan)
    settings.setValue("last_plan", plan.id)
    window = MainWindow(store, choose_plan(store, None, settings), settings)
    window.resize(1600, 1000)
    window.show()
    preview = window.preview
    if not preview.worker.is_ready:
        wait_for(preview.worker.ready)
    window.go_to_step(step)
    window.preview_dock.show()
    window.preview_dock.raise_()
    if step == "cadences":
        field = window.pages["cadences"].name.widget
    else:  # an account in the middle of the list, its city in the form beside the table
        page = window.pages["targets"]
        editor = page.editor
        editor.select_id(editor.model.item(len(window.document.plan.accounts) // 2).id)
        field = dict(editor.detail.bindings)["city"].widget
    app.processEvents()
    while preview.busy() and not without_preview:  # the step's first preview
        if wait_for(preview.view.pages_drawn, 120000) is None:
            raise RuntimeError(f"no first preview: {preview.status.text()}")
    if without_preview:
        window.preview_dock.hide()
    beat = Heartbeat()
    result = {"plan": plan_name, "step": step, "accounts": len(plan.accounts),
              "latency_s": [], "stall_ms": [], "stall_cpu_ms": [], "idle_stall_ms": [],
              "pages": 0}
    for _run in range(runs):
        field.setFocus()
        _run_for(300)
        for char in TYPED:
            QTest.keyClick(field, char)
            _run_for(KEY_INTERVAL_MS)
        beat.start()
        typed = time.perf_counter()
        if without_preview:
            _run_for(1500)
        # until the newest render is shown and its pages in view drawn, then painted
        while preview.busy() and not without_preview:
            if wait_for(preview.view.pages_drawn, 120000) is None:
                raise RuntimeError(f"no preview after 120 s: {preview.status.text()}")
        preview.view.canvas.repaint()
        latency = time.perf_counter() - typed - KEY_INTERVAL_MS / 1000
        result["latency_s"].append(latency)
        result["stall_ms"].append(beat.stop())
        result["stall_cpu_ms"].append(round(beat.longest_cpu, 1))
        result["pages"] = preview.view.page_count()
        _run_for(1500)  # autosave and the coach settle before the next run
        beat.start()  # the control: as long again with nothing happening in the app
        _run_for(int(latency * 1000))
        result["idle_stall_ms"].append(beat.stop())
    result["part"] = preview.part()
    window.close()
    return result


def measure_memory(previews: int = 200) -> dict:
    """The worker's resident memory (MB) after 10 previews and after ``previews``."""
    plan = json.loads(sample_plan().model_dump_json())
    parts = [["cadences"], ["touches"], ["cover", "basics"], ["accounts"], ["personas"],
             ["objections"], ["accountability"]]
    folder = Path(tempfile.mkdtemp(prefix="prospector-bench-preview-"))
    worker = subprocess.Popen([sys.executable, "-m", "prospector.render_worker"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              cwd=str(Path(__file__).resolve().parent.parent))
    try:
        assert json.loads(worker.stdout.readline()) == {"ready": True}
        rss = {}
        seconds = []
        for n in range(1, previews + 1):
            plan["cadences"][0]["name"] = f"Dream client campaign, take {n}"
            out = folder / f"p{n}.pdf"
            worker.stdin.write(json.dumps({"id": n, "plan": plan, "out": str(out),
                                           "section": parts[n % len(parts)]}) + "\n")
            worker.stdin.flush()
            answer = json.loads(worker.stdout.readline())
            assert answer.get("done"), answer
            seconds.append(answer["seconds"])
            out.unlink()
            if n in (10, previews):
                rss[n] = _rss_mb(worker.pid)
        return {"previews": previews, "rss_after_10_mb": round(rss[10], 1),
                "rss_after_last_mb": round(rss[previews], 1),
                "growth_mb": round(rss[previews] - rss[10], 1),
                "render_median_s": round(statistics.median(seconds), 3)}
    finally:
        worker.kill()
        worker.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plan", choices=("sample", "large"), default="sample")
    parser.add_argument("--step", choices=("cadences", "targets"), default="cadences")
    parser.add_argument("--memory", type=int, default=0, metavar="N",
                        help="measure the worker's memory over N previews instead")
    parser.add_argument("--without-preview", action="store_true",
                        help="the same typing with the preview closed: the app's own stalls")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.memory:
        result = measure_memory(args.memory)
        print(json.dumps(result) if args.json else
              f"worker memory: {result['rss_after_10_mb']} MB after 10 previews, "
              f"{result['rss_after_last_mb']} MB after {result['previews']}: "
              f"{result['growth_mb']:+} MB (budget {MEMORY_BUDGET_MB} MB); "
              f"median render {result['render_median_s']} s")
        return 0
    result = measure(args.runs, args.plan, args.step, args.without_preview)
    if args.json:
        print(json.dumps(result))
        return 0
    lat, stall = result["latency_s"], result["stall_ms"]
    print(f"{result['plan']} ({result['accounts']} accounts), step {result['step']}, "
          f"part {result['part']}, {result['pages']} pages")
    print(f"  last keystroke -> preview painted: median {statistics.median(lat):.2f} s "
          f"(min {min(lat):.2f}, max {max(lat):.2f}; budget {BUDGETS[args.plan]} s)")
    idle = result["idle_stall_ms"]
    print(f"  GUI longest stall: median {statistics.median(stall):.0f} ms "
          f"(max {max(stall):.0f}; budget {STALL_BUDGET_MS} ms); the app idle as long: median "
          f"{statistics.median(idle):.0f} ms (max {max(idle):.0f})")
    cpu = result["stall_cpu_ms"]
    print(f"  GUI thread's longest CPU time between two beats: median "
          f"{statistics.median(cpu):.1f} ms (max {max(cpu):.1f})")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
