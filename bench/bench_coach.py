"""How long the plan coach takes: ``python bench/bench_coach.py [--repeat N]``.

Prints median, min and max milliseconds of ``review(plan)`` for the bundled sample and for a
1,000-account plan grown from it (``plans.large_sample_plan``: the sample's touches, cadences and
reps, 1,000 generated accounts with contacts, 10 reps), each measured twice: *cold* (the phrase
caches cleared before every run, as on the first check of a plan) and *warm* (as while a leader
types, when only the edited text is new). The app needs findings to update as the user types:
well under 20 ms for a plan of ordinary size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plans import large_sample_plan, sample_plan

from prospector.coach import language, review, substance, text
from prospector.coach.text import EMPTY_PHRASES, GENERIC_CLAIMS
from prospector.model import Plan


def big_plan(sample: Plan | None = None, accounts: int = 1000) -> Plan:
    """The sample grown to ``accounts`` accounts (kept for callers of the old name)."""
    return large_sample_plan(accounts)


def _clear_caches() -> None:
    """Every cache of the coach's readings: each language's phrase finders, the language of each
    text, and the readings for substance."""
    for phrases in (EMPTY_PHRASES, GENERIC_CLAIMS):
        for finder in phrases.finders.values():
            finder.find.cache_clear()
            finder.search.cache_clear()
    for module in (language, substance, text):
        for reading in vars(module).values():
            if callable(getattr(reading, "cache_clear", None)):
                reading.cache_clear()


def measure(plan: Plan, repeat: int, cold: bool) -> list[float]:
    """Milliseconds of ``review(plan)``, ``repeat`` runs (after one unmeasured run)."""
    def run() -> None:
        if cold:
            _clear_caches()
        review(plan)

    run()  # first call outside the measurement (imports, lazy set-up)
    return [t * 1000 for t in timeit.repeat(run, number=1, repeat=repeat)]


def run(repeat: int = 200) -> list[dict]:
    """One row per plan and cache state: plan, caches, findings, times (ms)."""
    plans = {"sample plan": sample_plan(), "1,000 accounts": large_sample_plan()}
    rows = []
    for name, plan in plans.items():
        findings = len(review(plan).findings)
        for cold in (True, False):
            rows.append({"plan": name, "caches": "cold" if cold else "warm",
                         "findings": findings, "ms": measure(plan, repeat, cold)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200,
                        help="runs per measurement (default 200)")
    args = parser.parse_args(argv)
    print(f"review(plan), {args.repeat} runs each, milliseconds")
    print(f"{'plan':<16} {'caches':<6} {'median':>8} {'min':>8} {'max':>8}  findings")
    for row in run(args.repeat):
        times = row["ms"]
        print(f"{row['plan']:<16} {row['caches']:<6} {statistics.median(times):>8.2f} "
              f"{min(times):>8.2f} {max(times):>8.2f}  {row['findings']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
