"""How long the plan coach takes: ``python bench/bench_coach.py [--repeat N]``.

Prints median, min and max milliseconds of ``review(plan)`` for the bundled sample and for a
1,000-account plan built from it, each measured twice: *cold* (the phrase caches cleared before
every run, as on the first check of a plan) and *warm* (as while a leader types, when only the
edited text is new). The app needs findings to update as the user types: well under 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prospector.coach import review
from prospector.coach.text import EMPTY_PHRASES, GENERIC_CLAIMS
from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.resources import sample_plan_path


def big_plan(sample: Plan, accounts: int = 1000) -> Plan:
    """The sample with ``accounts`` accounts (copies of the sample's), spread over its reps."""
    doc = sample.model_dump(mode="json")
    base = doc["accounts"]
    doc["accounts"] = [
        dict(base[i % len(base)], id=f"acc-{i:05d}", name=f"{base[i % len(base)]['name']} #{i}")
        for i in range(accounts)
    ]
    reps = doc["reps"]
    for n, rep in enumerate(reps):
        rep["account_ids"] = [a["id"] for i, a in enumerate(doc["accounts"]) if i % len(reps) == n]
    return Plan.model_validate(doc)


def _clear_caches() -> None:
    for finder in (EMPTY_PHRASES, GENERIC_CLAIMS):
        finder.find.cache_clear()
        finder.search.cache_clear()


def measure(plan: Plan, repeat: int, cold: bool) -> list[float]:
    def run() -> None:
        if cold:
            _clear_caches()
        review(plan)

    run()  # first call outside the measurement (imports, lazy set-up)
    return [t * 1000 for t in timeit.repeat(run, number=1, repeat=repeat)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200,
                        help="runs per measurement (default 200)")
    args = parser.parse_args(argv)
    sample = read_plan_file(sample_plan_path())
    plans = {"sample plan": sample, "1,000 accounts": big_plan(sample)}
    print(f"review(plan), {args.repeat} runs each, milliseconds")
    print(f"{'plan':<16} {'caches':<6} {'median':>8} {'min':>8} {'max':>8}  findings")
    for name, plan in plans.items():
        findings = len(review(plan).findings)
        for cold in (True, False):
            times = measure(plan, args.repeat, cold)
            print(f"{name:<16} {'cold' if cold else 'warm':<6} {statistics.median(times):>8.2f} "
                  f"{min(times):>8.2f} {max(times):>8.2f}  {findings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
