"""Opening and saving a plan in the store, for the sample and for a 1,000-account plan.

    .venv/bin/python bench/bench_store.py [--runs 9] [--history 20]

Each plan gets its own store folder, saved ``--history`` times first (each version edits one
account, as autosave does while a leader works), so the file holds a realistic history. Then:

- open: ``PlanStore(folder).load(plan_id)``, what the app and ``prospector pdf NAME`` do;
- save: ``store.save(plan)`` of the plan with one more account edited, what autosave does (on its
  own thread in the app, but it holds the store lock and a CPU for this long).

Prints median, min and max milliseconds, and the size of ``plans.json``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plans import large_sample_plan, sample_plan

from prospector.model import Plan
from prospector.store import PlanStore


def _edited(plan: Plan, n: int) -> Plan:
    """``plan`` with the notes of one account changed (account ``n`` modulo the accounts)."""
    copy = plan.model_copy(deep=True)
    account = copy.accounts[n % len(copy.accounts)]
    account.notes = f"{account.notes} Edit {n}.".strip()
    return copy


def measure(plan: Plan, runs: int = 9, history: int = 20) -> dict:
    """Milliseconds per open and per save (lists), and the store file's size in bytes."""
    with tempfile.TemporaryDirectory(prefix="prospector-bench-store-") as tmp:
        folder = Path(tmp)
        store = PlanStore(folder)
        for n in range(history):
            store.save(_edited(plan, n), note=f"bench version {n + 1}")
        opens = []
        for _ in range(runs):
            started = time.perf_counter()
            loaded = PlanStore(folder).load(plan.id)
            opens.append((time.perf_counter() - started) * 1000)
        assert len(loaded.accounts) == len(plan.accounts)
        edits = [_edited(plan, history + n) for n in range(runs)]  # prepared outside the timing
        saves = []
        for edited in edits:
            started = time.perf_counter()
            store.save(edited)
            saves.append((time.perf_counter() - started) * 1000)
        size = (folder / "plans.json").stat().st_size
        versions = len(store.history(plan.id))
    return {"open_ms": opens, "save_ms": saves, "file_bytes": size, "versions": versions,
            "accounts": len(plan.accounts)}


def plans() -> dict[str, Plan]:
    return {"sample plan": sample_plan(), "1,000 accounts": large_sample_plan()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--history", type=int, default=20, help="versions saved before timing")
    args = parser.parse_args(argv)
    print(f"store open and save, {args.runs} runs each, milliseconds")
    print(f"{'plan':<16} {'what':<5} {'median':>8} {'min':>8} {'max':>8}  file")
    for name, plan in plans().items():
        result = measure(plan, args.runs, args.history)
        for what in ("open", "save"):
            times = result[f"{what}_ms"]
            print(f"{name:<16} {what:<5} {statistics.median(times):>8.1f} {min(times):>8.1f} "
                  f"{max(times):>8.1f}  {result['file_bytes'] / 1e6:.2f} MB, "
                  f"{result['versions']} versions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
