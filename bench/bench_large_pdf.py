"""Very large plans: the playbook's wall time and peak memory, in a child process as the app runs
it.

    .venv/bin/python bench/bench_large_pdf.py                  # every case (about 5 minutes)
    .venv/bin/python bench/bench_large_pdf.py --quick          # the 2,000-account and notes cases
    .venv/bin/python bench/bench_large_pdf.py --case leader-2000 --case notes-15mb

Each case writes a render job (the plan document, as the app does) and runs
``python -m prospector.render_job JOB`` in a fresh process: the figures include Python's start-up,
reading the plan and importing WeasyPrint, as the user waits for them. The peak memory is the
child's own maximum resident set size (``os.wait4``), the figure the user's machine must have
free. The progress lines the job prints are timed too: *longest silence* is the longest time the
app's progress bar stood still (from start to the first line, between two lines, or from the
last line to the end).

The cases are the sample grown with ``plans.large_sample_plan()``: the leader's edition at 2,000,
20,000 and 60,000 accounts (10 reps; a plan file may hold some 300,000), one rep's edition where
one rep holds all 2,000 or 20,000 accounts (every account under every touch of a dated
schedule), and the sample with one account whose notes are 15 MB (what one CSV cell can bring
in). Budgets are in ``CASES`` (used by run_all.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from plans import large_sample_plan, sample_plan  # noqa: E402

from prospector.planfile import plan_to_document  # noqa: E402

NOTES_BYTES = 15 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    label: str
    seconds: float  # budget
    megabytes: float  # budget
    quick: bool = False


CASES = (
    Case("leader-2000", "2,000 accounts, leader's edition", 30, 600, quick=True),
    Case("rep-2000", "2,000 accounts, one rep's edition (the rep holds all)", 60, 600, quick=True),
    Case("notes-15mb", "sample with one 15 MB note, leader's edition", 30, 600, quick=True),
    Case("leader-20000", "20,000 accounts, leader's edition", 300, 2048),
    Case("rep-20000", "20,000 accounts, one rep's edition (the rep holds all)", 300, 2048),
    Case("leader-60000", "60,000 accounts, leader's edition (past the 25,000-line list)", 300,
         2048),
)


def huge_notes_document() -> dict:
    """The sample with 15 MB of words in the first account's notes (one CSV cell)."""
    doc = plan_to_document(sample_plan())
    words = "Met at the fair; follow up on the retrofit budget and the Q3 shutdown window. "
    doc["accounts"][0]["notes"] = (words * (NOTES_BYTES // len(words) + 1))[:NOTES_BYTES].strip()
    doc["name"] = f"{doc['name']} (one 15 MB note)"
    return doc


def job_for(case: str, out: Path) -> dict:
    """The render job of ``case``: the plan document and who the playbook is for."""
    kind, _, size = case.partition("-")
    rep = None
    if kind == "notes":
        doc = huge_notes_document()
    else:
        plan = large_sample_plan(int(size), reps=1 if kind == "rep" else 10)
        doc = plan_to_document(plan)
        rep = plan.reps[0].name if kind == "rep" else None
    return {"plan": doc, "out": str(out), "rep": rep, "start": None, "all_reps": False,
            "readiness": False}


def measure(case: str, folder: Path, *, timeout: float = 900) -> dict:
    """Run one case in a fresh process: seconds, peak MB, pages, progress and notes."""
    out = folder / f"{case}.pdf"
    job_path = folder / f"{case}.json"
    job_path.write_text(json.dumps(job_for(case, out), ensure_ascii=False), "utf-8")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "prospector.render_job", str(job_path)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, encoding="utf-8")
    stamps: list[float] = []
    stages: list[str] = []
    final: dict = {}
    watchdog = threading.Timer(timeout, proc.kill)  # a silent child is stopped too
    watchdog.start()
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            now = time.perf_counter() - started
            message = json.loads(line)
            if "progress" in message:
                stamps.append(now)
                stages.append(message["stage"])
            else:
                final = message
    finally:
        watchdog.cancel()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    killed = proc.returncode < 0 and time.perf_counter() - started >= timeout
    if killed:
        final = {"error": f"stopped after {timeout:.0f} s"}
    seconds = time.perf_counter() - started
    gaps = [b - a for a, b in zip([0.0, *stamps], [*stamps, seconds], strict=True)]
    job_path.unlink()
    return {
        "case": case, "seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
        "finished": "done" in final and not killed, "error": final.get("error", ""),
        "pages": final.get("pages", 0), "notes": final.get("notes", []),
        "timings": final.get("timings", {}), "progress_lines": len(stamps),
        "longest_silence": max(gaps), "stages": sorted({s.split(" (")[0] for s in stages}),
        "pdf_bytes": out.stat().st_size if out.exists() else 0,
    }


def run(cases: list[str] | None = None, *, quick: bool = False, timeout: float = 900,
        say=print) -> list[dict]:
    chosen = cases or [c.name for c in CASES if c.quick or not quick]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in chosen:
            row = measure(name, Path(tmp), timeout=timeout)
            say(line(row))
            rows.append(row)
    return rows


def case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


def line(row: dict) -> str:
    c = case(row["case"])
    state = "" if row["finished"] else f" UNFINISHED {row['error'][:80]}"
    timings = " ".join(f"{k} {v:.1f}" for k, v in row["timings"].items())
    return (f"{c.label:<56} {row['pages']:>5} pages {row['seconds']:>7.1f} s "
            f"{row['peak_mb']:>7.0f} MB  silence {row['longest_silence']:.1f} s "
            f"({row['progress_lines']} lines)  [{timings}]{state}"
            + (f"\n    notes: {' | '.join(row['notes'])}" if row["notes"] else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the 2,000-account and notes cases")
    parser.add_argument("--case", action="append", choices=[c.name for c in CASES])
    parser.add_argument("--timeout", type=float, default=900, help="seconds per case")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON at the end")
    args = parser.parse_args(argv)
    rows = run(args.case, quick=args.quick, timeout=args.timeout)
    missed = [r for r in rows if not r["finished"] or r["seconds"] > case(r["case"]).seconds
              or r["peak_mb"] > case(r["case"]).megabytes]
    if args.json:
        print(json.dumps(rows))
    for r in missed:
        c = case(r["case"])
        print(f"missed: {c.label}: {r['seconds']:.0f} s (budget {c.seconds:.0f}), "
              f"{r['peak_mb']:.0f} MB (budget {c.megabytes:.0f})")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
