"""Soak: the real app in a real X window (Xvfb) edited without a break for 30 minutes.

    .venv/bin/python bench/bench_soak.py [--minutes 30] [--out bench/RESULTS.md]

The leader of ``tests/soak_driver.py`` types into fields, edits cells, adds, duplicates,
deletes and moves rows, undoes and redoes from the keyboard, switches steps, follows the coach,
waits for the preview every 1,500 edits and opens and closes the dialogs. Every minute the edits
so far, resident memory and the reference count of None are noted (on Python 3.11 a binding
that drops references to None makes that count fall until Python aborts). At the end the window
is closed and the plan reopened from the store must equal the plan on screen. The figures
replace the "Soak" section of bench/RESULTS.md (``run_all.py`` keeps that section).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SECTION = "## Soak: 30 minutes of editing in a real window"


def start_display() -> subprocess.Popen | None:
    """An Xvfb display for the window, unless one is set already."""
    if os.environ.get("DISPLAY"):
        return None
    if not shutil.which("Xvfb"):
        sys.exit("Xvfb is needed (apt-get install xvfb), or set DISPLAY")
    display = ":97"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            break
        time.sleep(0.05)
    os.environ["DISPLAY"] = display
    return server


def soak(minutes: float) -> dict:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-soak-")
    sys.path.insert(0, str(ROOT))
    # Qt and the app only now: after the display, the platform and the data folder are set
    from PySide6 import __version__ as pyside  # noqa: PLC0415 - after set-up
    from PySide6.QtCore import QSettings  # noqa: PLC0415 - after set-up

    from prospector.planfile import plan_to_document, read_plan_file  # noqa: PLC0415 - after set-up
    from prospector.resources import sample_plan_path  # noqa: PLC0415 - after set-up
    from prospector.store import PlanStore  # noqa: PLC0415 - after set-up
    from tests.soak_driver import Leader, rss_mb  # noqa: PLC0415 - after set-up
    from ui.app import choose_plan, make_application  # noqa: PLC0415 - after set-up
    from ui.main_window import MainWindow  # noqa: PLC0415 - after set-up

    app = make_application()
    settings = QSettings(os.path.join(os.environ["PROSPECTOR_DATA_DIR"], "settings.ini"),
                         QSettings.Format.IniFormat)
    store = PlanStore()
    plan = read_plan_file(sample_plan_path())
    store.save(plan)
    window = MainWindow(store, plan, settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    leader = Leader(window, seed=30, preview_every=1500)
    timeline: list[tuple[float, int, float, int]] = []
    started = time.monotonic()

    def note(_leader=None) -> None:
        elapsed = time.monotonic() - started
        if not timeline or elapsed - timeline[-1][0] >= 60:
            timeline.append((elapsed, leader.edits, rss_mb(), sys.getrefcount(None)))
            print(f"  {elapsed / 60:5.1f} min: {leader.edits} edits, {rss_mb():.0f} MB", flush=True)

    failures: list[str] = []  # exceptions raised in the app (Qt prints and swallows them)

    def hook(exc_type, exc, tb) -> None:
        failures.append("".join(traceback.format_exception(exc_type, exc, tb)))
        sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
    note()
    leader.run(seconds=minutes * 60, on_progress=note)
    gc.collect()
    timeline.append((time.monotonic() - started, leader.edits, rss_mb(), sys.getrefcount(None)))
    on_screen = plan_to_document(window.document.plan)
    window.close()
    app.processEvents()
    reopened = PlanStore()
    again = choose_plan(reopened, None, settings)
    return {
        "minutes": (time.monotonic() - started) / 60, "edits": leader.edits,
        "actions": dict(leader.actions), "previews": leader.previews,
        "dialogs": leader.closer.closed, "timeline": timeline,
        "same_plan": plan_to_document(again) == on_screen, "pyside": pyside,
        "python": sys.version.split()[0], "undo": window.document.undo_stack.count(),
        "failures": failures,
    }


def section(result: dict, stamp: datetime) -> list[str]:
    timeline = result["timeline"]
    warm = next((row for row in timeline if row[0] >= 120), timeline[0])  # after 2 minutes
    rows = [[f"{t / 60:.0f}", f"{edits:,}", f"{rss:.0f}", f"{refs:,}"]
            for t, edits, rss, refs in timeline[::max(1, len(timeline) // 12)]]
    if rows[-1][0] != f"{timeline[-1][0] / 60:.0f}":
        t, edits, rss, refs = timeline[-1]
        rows.append([f"{t / 60:.0f}", f"{edits:,}", f"{rss:.0f}", f"{refs:,}"])
    actions = ", ".join(f"{name.replace('_', ' ')} {count:,}"
                        for name, count in sorted(result["actions"].items(), key=lambda i: -i[1]))
    return [
        SECTION, "",
        f"`.venv/bin/python bench/bench_soak.py` on {stamp:%Y-%m-%d %H:%M %Z}: the sample plan "
        f"in a 1280x800 window on Xvfb (Qt's xcb platform), Python {result['python']}, PySide6 "
        f"{result['pyside']}. The leader of `tests/soak_driver.py` worked without a break for "
        f"{result['minutes']:.1f} minutes: **{result['edits']:,} edits** in "
        f"{sum(result['actions'].values()):,} actions ({actions}), {result['previews']} "
        f"previews waited for, {result['dialogs']} dialogs opened and closed. "
        f"**No crash**, {len(result['failures'])} exceptions raised in the app; the plan "
        f"reopened from the store "
        f"{'equals' if result['same_plan'] else '**differs from**'} the plan on screen. "
        f"Resident memory {warm[2]:.0f} MB after the first two minutes, {timeline[-1][2]:.0f} MB "
        f"at the end (**{timeline[-1][2] - warm[2]:+.0f} MB**; the undo stack holds its "
        f"limit of 500 steps from early on). The references to None only rise: PySide6 "
        f"6.11 keeps one each time Qt calls one of our Python methods that returns nothing "
        f"(an undo command's redo and undo, most of all), which holds no memory and can never "
        f"free None; the bug that aborted the app (PySide6 6.12.0) made the count fall.",
        "",
        "| minute | edits | memory (MB) | references to None |",
        "|--:|--:|--:|--:|",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
    ]


def replace_section(text: str, lines: list[str]) -> str:
    """``text`` with its soak section replaced by ``lines`` (appended if there is none)."""
    kept, skipping = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            skipping = line.startswith(SECTION)
        if not skipping:
            kept.append(line)
    return "\n".join(kept).rstrip() + "\n\n" + "\n".join(lines).rstrip() + "\n"


def soak_section(text: str) -> list[str]:
    """The soak section of an existing RESULTS.md, for ``run_all.py`` to keep."""
    found, inside = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            inside = line.startswith(SECTION)
        if inside:
            found.append(line)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--out", default=str(BENCH / "RESULTS.md"))
    args = parser.parse_args()
    stamp = datetime.now().astimezone()
    server = start_display()
    try:
        result = soak(args.minutes)
    finally:
        if server is not None:
            server.terminate()
    out = Path(args.out)
    old = out.read_text("utf-8") if out.exists() else "# Benchmark results\n"
    out.write_text(replace_section(old, section(result, stamp)), "utf-8")
    print(f"soak: {result['edits']} edits in {result['minutes']:.1f} min, same plan: "
          f"{result['same_plan']}; wrote {out}")
    for failure in result["failures"][:3]:
        print(failure)
    return 0 if result["same_plan"] and not result["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
