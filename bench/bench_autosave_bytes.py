"""What one autosave writes to disk when the plan holds 100,000 imported facts (issue 19).

    PYTHONPATH=. .venv/bin/python bench/bench_autosave_bytes.py [--facts 100000] [--saves 10]

The facts are ``bench_actuals.py``'s generated Salesforce export imported into the sample, saved
once in a fresh store (the import's save). Then ``--saves`` autosaves, each after one edit of the
plan's goal (one keystroke more), done as the app's saving thread does them
(``Plan.model_validate`` of the snapshot, then ``PlanStore.save`` with ``base_version``). Per
autosave: the bytes this process handed to ``write()`` (``wchar`` of ``/proc/self/io``: what
reaches the page cache and then the disk, whatever the file system), the wall and CPU seconds;
what the store folder holds on disk afterwards (a hard link counted once); and opening the plan
from a fresh ``PlanStore`` and listing the plans from another (the Plans dialog, ``prospector
list``), 3 times each.

The prospector package is the one first on ``PYTHONPATH`` (the tree of this file otherwise), so
the same script measures main and a branch.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH
import prospector  # noqa: I001 - before bench_actuals, which puts this tree first on the path

from bench_actuals import write_export
from plans import sample_plan

from prospector.actuals_import import read_actuals
from prospector.model import Plan
from prospector.store import PlanStore


def _written() -> int:
    with open("/proc/self/io") as io:
        return next(int(line.split()[1]) for line in io if line.startswith("wchar:"))


def _on_disk(folder: Path) -> int:
    seen, total = set(), 0
    for path in folder.rglob("*"):
        status = path.lstat()
        if path.is_file() and (status.st_dev, status.st_ino) not in seen:
            seen.add((status.st_dev, status.st_ino))
            total += status.st_size
    return total


def plan_with_facts(facts: int) -> Plan:
    plan = sample_plan()
    with tempfile.TemporaryDirectory(prefix="prospector-bench-facts-") as tmp:
        export = Path(tmp) / "activities.csv"
        write_export(plan, export, facts)
        found = read_actuals(plan, export)
        assert found.ready, found.summary_lines()
        return found.apply(plan)


def measure(facts: int = 100_000, saves: int = 10) -> dict:
    plan = plan_with_facts(facts)
    with tempfile.TemporaryDirectory(prefix="prospector-bench-store-") as folder:
        store = PlanStore(folder)
        before, started = _written(), time.perf_counter()
        version = store.save(plan, note="Import actuals")
        first = {"bytes": _written() - before, "s": time.perf_counter() - started}
        written, wall, cpu = [], [], []
        for n in range(saves):
            snapshot = plan.model_dump(mode="json", exclude={"actuals"})  # Autosaver.submit
            snapshot["actuals"] = plan.actuals
            snapshot["basics"]["goal"] = plan.basics.goal + "x" * (n + 1)
            before, started, started_cpu = _written(), time.perf_counter(), time.process_time()
            edited = Plan.model_validate(snapshot)
            version = store.save(edited, base_version=version)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            written.append(_written() - before)
        opens, lists = [], []
        for _ in range(3):
            started = time.perf_counter()
            assert len(PlanStore(folder).load(plan.id).actuals.facts) == facts
            opens.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert len(PlanStore(folder).list_plans()) == 1
            lists.append(time.perf_counter() - started)
        return {"facts": facts, "import_save": first, "bytes": written, "s": wall, "cpu_s": cpu,
                "open_s": opens, "list_s": lists, "store_bytes": _on_disk(Path(folder))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args()
    print(f"prospector from {Path(prospector.__file__).parent.parent}, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    found = measure(args.facts, args.saves)
    print(f"{found['facts']:,} facts; the import's save: {found['import_save']['bytes'] / 1e6:.1f}"
          f" MB written in {found['import_save']['s']:.2f} s")
    for name, values, unit, scale in (("written per autosave", found["bytes"], "kB", 1e-3),
                                      ("wall per autosave", found["s"], "s", 1),
                                      ("CPU per autosave", found["cpu_s"], "s", 1),
                                      ("open (a fresh PlanStore)", found["open_s"], "s", 1),
                                      ("list the plans (a fresh PlanStore)", found["list_s"],
                                       "s", 1)):
        print(f"{name}: median {statistics.median(values) * scale:,.2f} {unit} "
              f"(min {min(values) * scale:,.2f}, max {max(values) * scale:,.2f})")
    print(f"store folder on disk after {len(found['bytes']) + 1} saves: "
          f"{found['store_bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
