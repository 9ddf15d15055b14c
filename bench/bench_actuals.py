"""Importing a CRM export of 100,000 activities into a plan's actuals (issue 19: at most 5 s).

    .venv/bin/python bench/bench_actuals.py [--rows 100000] [--runs 3]

The export is generated: a Salesforce activity report (Activity ID, Subject, Assigned, Date, Type,
Task Subtype, Company / Account) of the sample's three reps over the plan's 25 weeks, calls,
e-mails, LinkedIn messages and meetings on the plan's accounts and on accounts outside it, ISO
dates, written once to a temporary folder. Timed, from a warm process:

- read: ``read_actuals(plan, file)``: reading the CSV, detecting the export, matching reps and
  accounts, reading dates and types, the dedupe keys: the dry run the leader sees;
- apply: ``found.apply(plan)``: the plan with the facts in its actuals;
- import: both (the budget);
- again: reading the same export into the plan that has it already (every fact known and
  unchanged: nothing to import), what re-importing an overlapping period costs;
- save: ``PlanStore.save`` of the plan with its 100,000 facts, first and second save (the
  second stores no fact again), and the size of ``plans.json`` and the facts' blocks.

Prints median, min and max seconds of wall time, and the CPU seconds of the import (on a shared
machine the wall time also counts the other programs' turns on the CPU: compare the two).
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plans import sample_plan

from prospector.actuals_import import read_actuals
from prospector.model import Plan
from prospector.store import PlanStore

BUDGET_S = 5.0
_TYPES = (("Call", "Call"), ("Email", "Email"), ("Other", "LinkedIn"), ("Meeting", "Event"),
          ("", "Task"))
_OUTSIDE = ("Nordic Foods Group AB", "Baltic Steel SIA", "Rhein Logistik GmbH")


def write_export(plan: Plan, path: Path, rows: int, seed: int = 19) -> None:
    rnd = random.Random(seed)
    start, end = plan.basics.start_date, plan.basics.end_date
    assert start is not None and end is not None
    accounts = [a.name for a in plan.accounts] + list(_OUTSIDE)
    reps = [r.name for r in plan.reps]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Activity ID", "Subject", "Assigned", "Date", "Type", "Task Subtype",
                         "Company / Account"])
        for n in range(rows):
            kind, subtype = rnd.choice(_TYPES)
            day = start + timedelta(days=rnd.randrange((end - start).days + 1))
            writer.writerow([f"00T5g{n:010d}", f"{subtype or kind} {n % 97}", rnd.choice(reps),
                             day.isoformat(), kind, subtype, rnd.choice(accounts)])


def measure(rows: int = 100_000, runs: int = 3) -> dict:
    plan = sample_plan()
    times: dict[str, list[float]] = {"read": [], "apply": [], "import": [], "again": [],
                                     "import, CPU": []}
    with tempfile.TemporaryDirectory(prefix="prospector-bench-actuals-") as tmp:
        export = Path(tmp) / "activities.csv"
        write_export(plan, export, rows)
        for _ in range(runs):
            started, cpu = time.perf_counter(), time.process_time()
            found = read_actuals(plan, export)
            read = time.perf_counter()
            imported = found.apply(plan)
            done = time.perf_counter()
            times["read"].append(read - started)
            times["apply"].append(done - read)
            times["import"].append(done - started)
            times["import, CPU"].append(time.process_time() - cpu)
            assert found.ready and len(imported.actuals.facts) == rows, found.summary_lines()
            started = time.perf_counter()
            again = read_actuals(imported, export)
            times["again"].append(time.perf_counter() - started)
            assert not again.facts and again.unchanged == rows
        store = PlanStore(Path(tmp) / "store")
        saves = []
        for n in range(2):
            imported.basics.goal = f"Goal {n}"
            started = time.perf_counter()
            store.save(imported)
            saves.append(time.perf_counter() - started)
        size = sum(p.stat().st_size for p in [store.path, *(store.folder / "facts").glob("*")])
    return {"rows": rows, "times": times, "saves": saves, "store_bytes": size,
            "export_bytes": export.stat().st_size if export.exists() else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result = measure(args.rows, args.runs)
    print(f"{result['rows']:,} activity rows, {args.runs} runs (seconds: median, min, max)")
    for what, values in result["times"].items():
        print(f"  {what:<11} {statistics.median(values):6.2f}  {min(values):6.2f}  "
              f"{max(values):6.2f}")
    first, second = result["saves"]
    print(f"  store save with the facts: first {first:.2f} s, again after an edit "
          f"{second:.2f} s; plans.json and the facts' blocks "
          f"{result['store_bytes'] / 1_048_576:.1f} MiB")
    import_s = statistics.median(result["times"]["import"])
    verdict = "ok" if import_s <= BUDGET_S else "MISSED"
    print(f"import {import_s:.2f} s, budget {BUDGET_S:.0f} s: {verdict}")
    return 0 if import_s <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
