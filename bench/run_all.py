"""Run every benchmark and write bench/RESULTS.md.

    .venv/bin/python bench/run_all.py            # full: about 10-15 minutes on 2 cores
    .venv/bin/python bench/run_all.py --quick    # fewer runs and a shorter PDF set: ~3 minutes

Measures (each as median, min and max of several runs; the machine is described in the file):

1. app cold start to first paint (``bench_startup.py``: a fresh process, data folder and
   settings per run, so the first start imports the sample);
2. store open and save of the sample and of a 1,000-account plan with ~20 versions of history
   (``bench_store.py``);
3. the coach's ``review()`` on both plans (``bench_coach.py``);
4. the PDF playbook: sample (leader, rep), the large plan (leader, rep), ``render_all_reps`` with
   1 and 2 processes; pages, seconds, ms per page, own overhead (``bench_pdf.py``);
5. the longest GUI-thread stall during an export and during a preview refresh, for the sample and
   (full run only) the 1,000-account plan (``bench_gui_stall.py``); the live preview: last
   keystroke to preview painted, the stall meanwhile, the render worker's memory over 200
   previews (``bench_preview.py``);
6. very large plans (``bench_large_pdf.py``): the leader's and a rep's edition at 2,000 and
   (full run only) 20,000 accounts, and a 15 MB note: wall time and peak memory of the render
   process, as the app runs it;
7. importing a 100,000-row CRM activity export into the plan's actuals, and saving the plan with
   them (``bench_actuals.py``);
8. the weekly review of 10 reps x 26 weeks of actuals (``bench_review.py``).

The Qt measurements run in their own processes (as the app does); the rest run here, the PDF
first. Each result is checked against a budget (listed in the file); the exit code is 1 if one is
missed, so the command also works as a check. The file also says how much CPU other processes
took while each part ran: on a shared machine that, not the code, is the usual reason for a slow
figure. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import bench_actuals  # noqa: E402
import bench_coach  # noqa: E402
import bench_large_pdf  # noqa: E402
import bench_pdf  # noqa: E402
import bench_review  # noqa: E402
import bench_startup  # noqa: E402
import bench_store  # noqa: E402
import playbook_figures  # noqa: E402
from plans import large_sample_plan, sample_plan  # noqa: E402


@dataclass
class Budget:
    what: str
    value: float
    limit: float
    unit: str
    why: str
    higher_is_better: bool = False
    others: float = 0.0  # cores other processes used while it was measured
    timed: bool = True  # a time (others' CPU matters), not a count such as the design figures

    @property
    def ok(self) -> bool:
        return self.value >= self.limit if self.higher_is_better else self.value <= self.limit

    def verdict(self) -> str:
        if self.ok:
            return "ok"
        if self.others > 0.3 and self.timed:
            return f"**missed**, while other processes used {self.others:.1f} cores: rerun"
        return "**MISSED**"

    def row(self) -> str:
        sign = "≥" if self.higher_is_better else "≤"
        return (f"| {self.what} | {_num(self.value)} {self.unit} | {sign} {_num(self.limit)} "
                f"{self.unit} | {self.verdict()} | {self.why} |")


def _num(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _stats(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def _row(cells: list) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(header: list[str], rows: list[list], align: str) -> list[str]:
    return [_row(header), "|" + "|".join(":--" if a == "l" else "--:" for a in align) + "|",
            *(_row(r) for r in rows)]


# --- the machine --------------------------------------------------------------------------------
class CpuWatch:
    """How much CPU other processes took while we measured (this VM is shared).

    Busy time of the whole machine (/proc/stat) minus our own and our children's CPU time; a
    part that ran while others used a core is marked in the results (its figures, above all the
    2-process speed-up, are then not comparable)."""

    def __init__(self) -> None:
        self.machine, self.ours, self.wall = self._machine(), self._ours(), time.monotonic()

    @staticmethod
    def _machine() -> tuple[float, float]:
        try:
            fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        except (OSError, ValueError):
            return 0.0, 0.0
        tick = os.sysconf("SC_CLK_TCK")
        busy = sum(fields[i] for i in (0, 1, 2, 5, 6) if i < len(fields))  # user nice sys irq
        steal = fields[7] if len(fields) > 7 else 0
        return busy / tick, steal / tick

    @staticmethod
    def _ours() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    def others(self) -> tuple[float, float]:
        """(other processes' CPU, hypervisor steal), each in cores (1.0 = one core, whole time)."""
        (busy0, steal0), (busy1, steal1) = self.machine, self._machine()
        wall = max(time.monotonic() - self.wall, 1e-9)
        other = max(0.0, (busy1 - busy0) - (self._ours() - self.ours))
        return other / wall, (steal1 - steal0) / wall


def machine() -> list[tuple[str, str]]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    os_name = platform.platform()
    try:
        fields = dict(line.split("=", 1) for line in
                      Path("/etc/os-release").read_text().splitlines() if "=" in line)
        os_name = f"{fields.get('PRETTY_NAME', '').strip(chr(34))}, kernel {platform.release()}"
    except OSError:
        pass
    virt = ""
    try:
        flags = Path("/proc/cpuinfo").read_text()
        virt = " (virtual machine)" if " hypervisor" in flags else ""
    except OSError:
        pass
    qt = subprocess.run([sys.executable, "-c", "from PySide6.QtCore import qVersion; "
                         "import PySide6; print(qVersion(), PySide6.__version__)"],
                        capture_output=True, text=True).stdout.split()
    versions = {name: _version(name) for name in ("weasyprint", "pydantic", "tinydb")}
    return [
        ("CPU", f"{cpu}{virt}"),
        ("Cores", f"{os.cpu_count()} logical"),
        ("RAM", ram),
        ("OS", os_name),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Qt", f"{qt[0]} (PySide6 {qt[1]})" if len(qt) == 2 else "unknown"),
        ("WeasyPrint", versions["weasyprint"]),
        ("pydantic, TinyDB", f"{versions['pydantic']}, {versions['tinydb']}"),
    ]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


# --- the measures -------------------------------------------------------------------------------
def startup_section(runs: int, budgets: list[Budget]) -> list[str]:
    marks = bench_startup.measure(runs)
    labels = {"python_ready": "Python running our first line",
              "imports_done": "`ui.app` imported (Qt, pydantic, the store)",
              "application_created": "QApplication created",
              "first_paint": "main window's first paint event",
              "idle_after_paint": "**first paint done, event loop idle**"}
    rows = [[label, *(f"{v:.2f}" for v in _stats(marks[key])), len(marks[key])]
            for key, label in labels.items()]
    first = statistics.median(marks["idle_after_paint"])
    budgets.append(Budget("App cold start to first paint (median)", first, 2.0, "s",
                          "the window should be there within two seconds"))
    loaded = ", ".join(marks.get("loaded", [])) or "none"
    return [
        "## App cold start to first paint",
        "",
        "Seconds from launching a new process (offscreen Qt, `ui.app.run_app()` as `prospector` "
        "does) with an empty data folder and empty settings, so the sample is imported into the "
        "store and opened. One unmeasured launch first (it compiles stale `.pyc` files).",
        "",
        *_table(["mark (seconds from launch)", "median", "min", "max", "runs"], rows, "lrrrr"),
        "",
        f"Heavy modules imported before the first paint (WeasyPrint, the renderer, holidays, "
        f"icalendar): {loaded}.",
        "",
    ]


def store_section(runs: int, budgets: list[Budget]) -> list[str]:
    rows = []
    for name, plan in (("sample (26 accounts)", sample_plan()),
                       ("1,000 accounts", large_sample_plan())):
        result = bench_store.measure(plan, runs=runs, history=20)
        size = f"{result['file_bytes'] / 1e6:.2f} MB, {result['versions']} versions"
        for what in ("open", "save"):
            times = result[f"{what}_ms"]
            rows.append([name, what, *(f"{v:.1f}" for v in _stats(times)), len(times), size])
            if name.startswith("1,000"):
                limit, why = ((100, "opening a plan runs on the GUI thread") if what == "open"
                              else (250, "autosave: off the GUI thread, but it holds the lock"))
                budgets.append(Budget(f"Store {what}, 1,000 accounts (median)",
                                      statistics.median(times), limit, "ms", why))
    return [
        "## Store: open and save",
        "",
        "Each plan in its own store, saved 20 times first (each version edits one account), then "
        "`PlanStore(folder).load(id)` (open) and `store.save(plan)` with one more account edited "
        "(save: what autosave does). The 1,000-account plan is `plans.large_sample_plan()`: the "
        "sample's touches, cadences and reps plus generated accounts in three tiers with 1-3 "
        "contacts each, over 10 reps.",
        "",
        *_table(["plan", "operation", "median ms", "min", "max", "runs", "store file"], rows,
                "llrrrrl"),
        "",
    ]


def actuals_section(runs: int, budgets: list[Budget]) -> list[str]:
    result = bench_actuals.measure(100_000, runs)
    labels = {"read": "read (the dry run)", "apply": "apply", "import": "import: read + apply",
              "again": "the same export again (every fact known)",
              "import, CPU": "import, CPU seconds"}
    rows = [[labels[what], *(f"{v:.2f}" for v in _stats(times)), len(times)]
            for what, times in result["times"].items()]
    budgets.append(Budget("Actuals import, 100,000-row activity export (median)",
                          statistics.median(result["times"]["import"]), bench_actuals.BUDGET_S,
                          "s", "a half-year export of 10 reps, read and applied while the "
                               "leader waits"))
    first, again = result["saves"]
    return [
        "## Actuals: a 100,000-row CRM export",
        "",
        "`bench_actuals.py`: a generated Salesforce activity report of 100,000 rows (the sample's "
        "reps and accounts and three accounts outside the plan, calls, e-mails, LinkedIn, "
        "meetings, tasks over the plan's weeks) read by `read_actuals` and applied to the plan; "
        "then the same export again into the plan that has it.",
        "",
        *_table(["step", "median s", "min", "max", "runs"], rows, "lrrrr"),
        "",
        f"Saving the plan with its 100,000 facts in the store: {first:.2f} s the first time, "
        f"{again:.2f} s again after an edit (the facts are kept in blocks, files every version "
        f"shares, so the second save writes none of them again); `plans.json` and the blocks "
        f"{result['store_bytes'] / 1_048_576:.1f} MiB.",
        "",
    ]


def actuals_gui_section(runs: int, budgets: list[Budget]) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(BENCH / "bench_actuals_gui.py"), "--json",
                          "--runs", str(runs)], capture_output=True, text=True, env=env,
                         timeout=3600)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode or not lines:
        raise RuntimeError(f"bench_actuals_gui.py failed:\n{out.stderr[-3000:]}")
    stalls = json.loads(lines[-1])["stalls"]
    labels = {"read": "the import dialog reads the export (preview, dry run)",
              "import": "Import: the edit, then 2.5 s (coach, navigator)",
              "autosave": "the autosave of the plan with its facts",
              "idle": "nothing asked (the machine's own gaps, for comparison)",
              "review": "Week by week opened on the review",
              "week": "another week chosen in the review"}
    rows = []
    for what, figures in stalls.items():
        stall = _stats([f[0] for f in figures])
        cpu = statistics.median(f[1] for f in figures)
        rows.append([labels.get(what, what), f"{stall[0]:.0f}", f"{stall[1]:.0f}",
                     f"{stall[2]:.0f}", f"{cpu:.0f}", len(figures)])
    review = statistics.median(f[0] for f in stalls["review"])
    budgets.append(Budget("GUI stall, the review page opens, 100,000 facts (median)", review,
                          16, "ms", "opening the review never holds the window"))
    return [
        "## Actuals in the app: GUI stalls with a 100,000-row export",
        "",
        "`bench_actuals_gui.py`: the app imports `bench_actuals.py`'s 100,000-row export "
        "through its dialog (read in a thread), then opens Week by week on the review (made on "
        "the GUI thread in slices of 2 ms between frames, the facts summed once per import). "
        "*Stall*: the longest gap of a 5 ms heartbeat on the GUI thread; *GUI CPU*: the GUI "
        "thread's own CPU time in that gap (the rest is the wait for Python's lock, held by a "
        "working thread in long C calls, or for a CPU on a busy machine: see *nothing asked*).",
        "",
        *_table(["while", "stall median ms", "min", "max", "GUI CPU ms", "runs"], rows,
                "lrrrrr"),
        "",
    ]


def coach_section(repeat: int, budgets: list[Budget]) -> list[str]:
    rows = []
    for row in bench_coach.run(repeat):
        times = row["ms"]
        rows.append([row["plan"], row["caches"], *(f"{v:.2f}" for v in _stats(times)),
                     len(times), row["findings"]])
        if row["caches"] == "cold":
            budgets.append(Budget(f"Coach review, {row['plan']}, cold caches (median)",
                                  statistics.median(times), 20, "ms",
                                  "findings update as the leader types"))
    return [
        "## Coach",
        "",
        "`review(plan)` in milliseconds; *cold*: the phrase caches cleared before every run (the "
        "first check of a plan), *warm*: as while typing.",
        "",
        *_table(["plan", "caches", "median ms", "min", "max", "runs", "findings"], rows,
                "llrrrrr"),
        "",
    ]


def review_section(repeat: int, budgets: list[Budget]) -> list[str]:
    result = bench_review.measure(repeat)
    labels = {"cold": "cold: the first review of the plan (the reps' schedules laid out)",
              "after an import": "after an import: the facts summed and counted again "
                                 "(schedules kept)",
              "warm": "warm: another week (the facts' sums and counts kept)",
              "cold, CPU": "cold, CPU milliseconds",
              "warm, CPU": "warm, CPU milliseconds"}
    rows = [[labels.get(what, what), *(f"{v:.1f}" for v in _stats(times)), len(times)]
            for what, times in result["times"].items()]
    budgets.append(Budget("Weekly review, 10 reps x 26 weeks, cold (median)",
                          statistics.median(result["times"]["cold"]), bench_review.BUDGET_MS,
                          "ms", "the review page's first review of a plan"))
    budgets.append(Budget("Weekly review, 10 reps x 26 weeks, after an import (median)",
                          statistics.median(result["times"]["after an import"]),
                          bench_review.BUDGET_MS, "ms",
                          "the app's review page computes it after each import"))
    budgets.append(Budget("Weekly review, 10 reps x 26 weeks, warm (median)",
                          statistics.median(result["times"]["warm"]), bench_review.BUDGET_MS,
                          "ms", "the app's review page computes it for every week chosen"))
    return [
        "## Weekly review of actuals",
        "",
        f"`bench_review.py`: `weekly_review(plan, week)` of the last of {result['weeks']} weeks "
        f"(every week in the series) for {result['reps']} reps of the 1,000-account plan, with "
        f"{result['facts']:,} generated facts and a hand-entered figure per rep and week.",
        "",
        *_table(["review", "median ms", "min", "max", "runs"], rows, "lrrrr"),
        "",
    ]


def pdf_section(quick: bool, runs: int, budgets: list[Budget]) -> list[str]:
    rows = bench_pdf.run(runs=runs, sample_runs=3, all_reps_limit=4 if quick else None,
                         say=lambda line: print("   ", line, flush=True))
    table = []
    medians = {}
    for row in rows:
        median, low, high = _stats(row["seconds"])
        own = statistics.median(row["own_share"])
        table.append([row["label"], row["pages"], f"{median:.2f}", f"{low:.2f}", f"{high:.2f}",
                      len(row["seconds"]), f"{1000 * median / max(row['pages'], 1):.0f}",
                      f"{100 * own:.1f}%"])
        if "processes" in row:
            medians[row["processes"]] = (median, row["seconds"])
        budgets.append(Budget(f"PDF own overhead, {row['label'].replace('`', '')}", 100 * own,
                              10, "%", "the time is WeasyPrint's, not our context and templates"))
    lines = [
        "## PDF playbook",
        "",
        "Seconds per playbook (after one unmeasured render of each sample edition: imports, "
        "fonts). *Own overhead*: time outside WeasyPrint's layout and PDF writing (building the "
        "context and timeline SVG, rendering the Jinja templates), as a share of the total. The "
        "large plan is `bench_pdf.large_plan()`: 300 accounts, 4 cadences of 10 steps, 20 touches, "
        "10 reps with 30 accounts each"
        + (" (`render_all_reps` on its first 4 reps in this quick run)." if quick else "."),
        "",
        *_table(["what", "pages", "median s", "min", "max", "runs", "ms/page", "own overhead"],
                table, "lrrrrrrr"),
        "",
    ]
    if len(medians) == 2:
        speedup = medians[1][0] / medians[2][0]
        pairs = [a / b for a, b in zip(medians[1][1], medians[2][1], strict=True)]
        lines += [f"Speed-up of `render_all_reps` with 2 processes: **{speedup:.2f}x** (ratio of "
                  f"the medians; single runs, taken back to back: "
                  f"{', '.join(f'{p:.2f}x' for p in pairs)}).", ""]
        budgets.append(Budget("render_all_reps speed-up with 2 processes", speedup, 1.7, "x",
                              "two cores should nearly halve the time", higher_is_better=True))
    return lines


def large_pdf_section(quick: bool, budgets: list[Budget]) -> list[str]:
    rows = bench_large_pdf.run(quick=quick, say=lambda line: print("   ", line, flush=True))
    table = []
    for row in rows:
        case = bench_large_pdf.case(row["case"])
        done = row["finished"]
        table.append([case.label, row["pages"] if done else "unfinished",
                      f"{row['seconds']:.1f}", f"{row['peak_mb']:.0f}",
                      f"{row['longest_silence']:.1f}", row["progress_lines"],
                      "; ".join(row["notes"]) or "none"])
        seconds = row["seconds"] if done else float("inf")
        budgets.append(Budget(f"Large PDF, {case.label}: wall time", seconds, case.seconds, "s",
                              "a very large plan prints in time"))
        budgets.append(Budget(f"Large PDF, {case.label}: peak memory", row["peak_mb"],
                              case.megabytes, "MB", "and in memory an ordinary laptop has"))
    return [
        "## Very large plans: PDF playbook",
        "",
        "One fresh `python -m prospector.render_job` process per case, as the app runs it (Python "
        "start-up, reading the plan and importing WeasyPrint included); *peak MB* is that "
        "process's maximum resident set size; *longest silence* the longest time without a "
        "progress line. Plans from `plans.large_sample_plan()`; the rep cases give one rep all "
        "the accounts. What each edition leaves out is in its notes (prospector/playbook/"
        "limits.py)" + (" (quick run: 2,000 accounts and the 15 MB note only)." if quick else "."),
        "",
        *_table(["case", "pages", "seconds", "peak MB", "longest silence s", "progress lines",
                 "notes"], table, "lrrrrrl"),
        "",
    ]


def gui_section(runs: int, large_runs: int, budgets: list[Budget]) -> list[str]:
    results = []
    for plan, n in (("sample", runs), ("large", large_runs)):
        if n <= 0:
            continue
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        out = subprocess.run([sys.executable, str(BENCH / "bench_gui_stall.py"), "--json",
                              "--runs", str(n), "--plan", plan],
                             capture_output=True, text=True, env=env, timeout=3600)
        lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
        if out.returncode or not lines:
            raise RuntimeError(f"bench_gui_stall.py --plan {plan} failed:\n{out.stderr[-3000:]}")
        results.append(json.loads(lines[-1]))
    rows = []
    for r in results:
        name = "sample" if r["plan"] == "sample" else f"{r['accounts']:,} accounts"
        for key, label in (("export_stall_ms", "longest stall during PDF export"),
                           ("preview_stall_ms", "longest stall during preview refresh")):
            median, low, high = _stats(r[key])
            rows.append([f"{label} ({name})", f"{median:.0f} ms", f"{low:.0f}", f"{high:.0f}",
                         len(r[key])])
            budgets.append(Budget(f"GUI stall, {label.split('during ')[1]}, {name} (median)",
                                  median, 50, "ms", "the window keeps answering input"))
        for key, label in (("export_s", "export, leader's edition, wall time"),
                           ("preview_s", "edit to preview updated, wall time")):
            median, low, high = _stats(r[key])
            rows.append([f"{label} ({name}, {r['pages']} pages)", f"{median:.2f} s",
                         f"{low:.2f}", f"{high:.2f}", len(r[key])])
        for edit, values in r.get("edit_stall_ms", {}).items():
            median, low, high = _stats(values)
            rows.append([f"longest stall, {edit} ({name})", f"{median:.0f} ms", f"{low:.0f}",
                         f"{high:.0f}", len(values)])
            if "no edit" not in edit:
                budgets.append(Budget(f"GUI stall, {edit}, {name} (median)", median, 16, "ms",
                                      "a row comes or goes within one frame"))
    return [
        "## GUI thread: longest stall",
        "",
        "A 5 ms QTimer heartbeat on the GUI thread (offscreen); the longest gap between two beats "
        "is the longest time the window could not respond. *Export*: the leader's edition from "
        "the export dialog, start to finished signal. *Preview refresh*: one edit to the plan "
        "(the goal) with the preview showing, until the new PDF is loaded and painted (it "
        "includes the 350 ms pause the preview waits for after an edit, the render worker's "
        "answer, the coach's review and autosave). *Row edits*: adding, moving or deleting a row "
        "of a table (and undoing it), from the click until 100 ms later; budget 16 ms, one "
        "frame.",
        "",
        *_table(["measure", "median", "min", "max", "runs"], rows, "lrrrr"),
        "",
    ]


PREVIEW_CASES = (("sample", "cadences"), ("large", "cadences"), ("large", "targets"))


def _bench_preview(args: list[str]) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(BENCH / "bench_preview.py"), "--json", *args],
                         capture_output=True, text=True, env=env, timeout=3600)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode or not lines:
        raise RuntimeError(f"bench_preview.py {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(lines[-1])


def preview_section(runs: int, previews: int, budgets: list[Budget]) -> list[str]:
    """The live preview (``bench_preview.py``): keystroke to painted, stall, worker memory."""
    rows = []
    for plan, step in PREVIEW_CASES:
        r = _bench_preview(["--runs", str(runs), "--plan", plan, "--step", step])
        name = "sample" if plan == "sample" else f"{r['accounts']:,} accounts"
        what = f"{name}, {step} step ({r['pages']} pages)"
        for key, label, unit, scale in (("latency_s", "last keystroke to preview painted", "s", 1),
                                        ("stall_ms", "GUI longest stall meanwhile", "ms", 1),
                                        ("idle_stall_ms", "GUI longest gap, app idle (control)",
                                         "ms", 1)):
            median, low, high = _stats([v * scale for v in r[key]])
            digits = 2 if unit == "s" else 0
            rows.append([f"{label} ({what})", f"{median:.{digits}f} {unit}", f"{low:.{digits}f}",
                         f"{high:.{digits}f}", len(r[key])])
        latency = statistics.median(r["latency_s"])
        budgets.append(Budget(f"Preview, last keystroke to painted, {what} (median)", latency,
                              1.0 if plan == "sample" else 2.0, "s",
                              "the leader sees the edit while still looking at it"))
        budgets.append(Budget(f"Preview, GUI stall, {what} (median)",
                              statistics.median(r["stall_ms"]), 16, "ms",
                              "typing never waits for the preview"))
    memory = _bench_preview(["--memory", str(previews)])
    budgets.append(Budget(f"Preview worker memory growth over {previews} previews",
                          memory["growth_mb"], 50, "MB", "the worker stays up all day"))
    return [
        "## Live preview",
        "",
        "`bench_preview.py` (see [README.md](README.md#live-preview)): the app offscreen at "
        "1600 px (the preview beside the form), the render worker warm; five letters typed into "
        "a field of the step, 60 ms apart; from the last key until the preview's pages in view "
        "are drawn from the new PDF and painted (the 350 ms pause included). The stall is the "
        "longest gap of a 5 ms heartbeat over that span; the control is the same heartbeat as "
        "long with the app idle.",
        "",
        *_table(["measure", "median", "min", "max", "runs"], rows, "lrrrr"),
        "",
        f"Render worker alone, {previews} previews of the sample (a part per step, the plan "
        f"edited each time): {memory['rss_after_10_mb']} MB resident after 10, "
        f"{memory['rss_after_last_mb']} MB after {previews} ({memory['growth_mb']:+} MB); "
        f"median render {memory['render_median_s']} s.",
        "",
    ]


def figures_section(runs: int, budgets: list[Budget]) -> list[str]:
    results = playbook_figures.run(runs=runs, say=lambda line: print(line, flush=True))
    for f in results:
        for check in playbook_figures.checks(f):
            percent = check.shown.endswith("%")
            budgets.append(Budget(f"Playbook {f.label}: {check.what}",
                                  100 * check.value if percent else check.value,
                                  100 * check.limit if percent else check.limit,
                                  "%" if percent else "", "issue 16: the playbook's design",
                                  timed=False))
    stamp = f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    return playbook_figures.section(results, stamp, "bench/run_all.py")


# --- the whole run ------------------------------------------------------------------------------
def kept_sections(previous: str, written: list[str]) -> list[str]:
    """The sections of the previous RESULTS.md that this run does not write: those of scripts run
    on their own (``bench_soak.py``, ``playbook_figures.py --results``) and the full render's
    ratio (``render_ratio.py``, written by hand), kept as they were."""
    ours = {line for line in written if line.startswith("## ")}
    kept: list[str] = []
    keeping = False
    for line in previous.splitlines():
        if line.startswith("## "):
            keeping = line not in ours
            if keeping:
                kept.append("")
        if keeping:
            kept.append(line)
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs and a shorter PDF set (about 3 minutes)")
    parser.add_argument("--out", default=str(BENCH / "RESULTS.md"),
                        help="where to write the results (default bench/RESULTS.md)")
    args = parser.parse_args(argv)
    quick = args.quick
    started = time.perf_counter()
    stamp = datetime.now().astimezone()
    # The PDF first, while this process is small and has one thread (render_all_reps forks
    # its workers only then); the Qt measures run in their own processes.
    steps = [
        ("PDF", 3, lambda b: pdf_section(quick, 1 if quick else 3, b)),
        ("app cold start", 0, lambda b: startup_section(3 if quick else 5, b)),
        ("store", 1, lambda b: store_section(7 if quick else 11, b)),
        ("coach", 2, lambda b: coach_section(50 if quick else 200, b)),
        ("GUI stalls", 4, lambda b: gui_section(2 if quick else 3, 0 if quick else 3, b)),
        ("live preview", 7, lambda b: preview_section(3 if quick else 7, 50 if quick else 200,
                                                       b)),
        ("large-plan PDF", 5, lambda b: large_pdf_section(quick, b)),
        ("playbook figures", 6, lambda b: figures_section(1 if quick else 3, b)),
        ("actuals import", 8, lambda b: actuals_section(2 if quick else 3, b)),
        ("actuals in the app", 10, lambda b: actuals_gui_section(1 if quick else 3, b)),
        ("weekly review", 9, lambda b: review_section(10 if quick else 30, b)),
    ]
    sections: list[list[str]] = [[] for _ in steps]
    section_budgets: list[list[Budget]] = [[] for _ in steps]
    load: list[str] = []
    contended: list[str] = []
    for name, position, step in steps:
        t = time.perf_counter()
        watch = CpuWatch()
        print(f"{name}…", flush=True)
        sections[position] = step(section_budgets[position])
        other, steal = watch.others()
        for budget in section_budgets[position]:
            budget.others = other + steal
        load.append(f"{name} {other:.2f}" + (f" (+{steal:.2f} steal)" if steal >= 0.05 else ""))
        if other + steal > 0.3:
            contended.append(name)
        gc.collect()
        print(f"    {name}: {time.perf_counter() - t:.0f} s; other processes used "
              f"{other:.2f} cores, steal {steal:.2f}", flush=True)
    budgets = [b for group in section_budgets for b in group]
    total = time.perf_counter() - started
    missed = [b for b in budgets if not b.ok]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `.venv/bin/python bench/run_all.py{' --quick' if quick else ''}` on "
        f"{stamp:%Y-%m-%d %H:%M %Z} in {total / 60:.1f} minutes "
        f"({'quick mode: fewer runs, render_all_reps on 4 reps' if quick else 'full mode'}). "
        "Medians of several runs with min and max; the number of runs is in each table. "
        "Timings on a shared virtual machine vary from one minute to the next (see "
        "[README.md](README.md)): compare medians, and rerun before drawing conclusions.",
        "",
        "## Machine",
        "",
        *_table(["", ""], [list(item) for item in machine()], "ll"),
        "",
        "CPU taken by other processes while each part ran, in cores (2 = the whole machine; "
        "above ~0.3 the part's figures are slowed, the 2-process speed-up most): "
        + ", ".join(load) + "."
        + (f" **Other work competed for the CPU during: {', '.join(contended)}**; rerun on a "
           "quiet machine for comparable figures." if contended else ""),
        "",
        "## Budgets",
        "",
        f"{len(budgets) - len(missed)} of {len(budgets)} met"
        + (f"; missed: {', '.join(b.what for b in missed)}." if missed else "."),
        "",
        "| measure | result | budget | | why |",
        "|:--|--:|--:|:--|:--|",
        *(b.row() for b in budgets),
        "",
    ]
    for section in sections:
        lines += section
    out = Path(args.out)
    if out.exists():  # sections other scripts write (the soak, the design figures, the ratio)
        lines += kept_sections(out.read_text("utf-8"), lines)
    Path(args.out).write_text("\n".join(lines).rstrip() + "\n", "utf-8")
    print(f"wrote {args.out} ({total / 60:.1f} minutes); budgets: "
          f"{len(budgets) - len(missed)}/{len(budgets)} met")
    for b in missed:
        print(f"  missed: {b.what}: {_num(b.value)} {b.unit} (budget {_num(b.limit)} {b.unit})"
              + (f", while other processes used {b.others:.1f} cores"
                 if b.others > 0.3 and b.timed else ""))
    if contended:
        print(f"  other processes competed for the CPU during: {', '.join(contended)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
