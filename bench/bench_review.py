"""How long the weekly review takes: ``python bench/bench_review.py [--repeat N]``.

The plan is ``plans.large_sample_plan`` (1,000 accounts, 10 reps), set to run from 4 January to
30 June 2027 (26 ISO weeks, 2027-W01 to 2027-W26), with synthetic actuals over all of its weeks
(``synthetic_facts``: about nine touches a rep a business day on the rep's own accounts and a few
outside the plan, a meeting every few days, an opportunity a week or two, some without a meeting
first; a hand-entered figure per rep and week for the target counted by hand).
``weekly_review(plan, week)`` of the plan's last week (every week in the series) is timed:

- *cold*: the first review of the plan, the reps' schedules laid out (their dates only, for the
  cadence's pace and the dream clients' start: ``prospector/review/pace.py``);
- *after an import*: the plan with a new log of facts: the facts summed and counted again
  (``prospector/review/summary.py``, ``tally.py``); the schedules do not depend on the actuals
  and are kept, by the values they are laid out from (``schedule.ScheduleInputs``);
- *warm*: another week of the same plan: the facts' sums and counts are kept per log too.

Budget: 50 ms (issue 19: the review of 10 reps x 26 weeks), for each of the three (the app's
page computes it on every week chosen, in slices between frames).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import timeit
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plans import large_sample_plan

from prospector.actuals.counting import Counts
from prospector.actuals.records import Happened, LoggedFact, Source
from prospector.actuals.weekly import WeeklyFigure, week_of
from prospector.fields import Channel
from prospector.model import Plan
from prospector.review import pace, summary, tally, weekly_review
from prospector.review.weeks import weeks_between

BUDGET_MS = 50
_CHANNELS = (Channel.EMAIL, Channel.EMAIL, Channel.PHONE, Channel.PHONE, Channel.SOCIAL,
             Channel.VIDEO, Channel.MAIL)


def synthetic_facts(plan: Plan, seed: int = 19, per_day: int = 9) -> Plan:
    """``plan`` with generated actuals over its whole period (see the module's docstring)."""
    rnd = random.Random(seed)
    start, end = plan.basics.start_date, plan.basics.end_date
    assert start and end
    facts: list[LoggedFact] = []
    figures: list[WeeklyFigure] = []
    by_hand = [t.metric for t in plan.accountability.targets if t.counts is Counts.HAND_ENTERED]

    def add(kind: Happened, rep_id: str, day, account: str | None, **extra) -> None:
        facts.append(LoggedFact(key=f"manual:#{len(facts):07d}", kind=kind, rep_id=rep_id,
                                account_id=account, date=day, source=Source.MANUAL,
                                account_name="" if account else "Outside Industries AG",
                                **extra))

    for rep in plan.reps:
        accounts = rep.account_ids or [None]
        day = start
        while day <= end:
            if day.weekday() < 5:
                for _ in range(rnd.randint(per_day - 4, per_day + 4)):
                    account = rnd.choice(accounts) if rnd.random() > 0.03 else None
                    add(Happened.TOUCH, rep.id, day, account, channel=rnd.choice(_CHANNELS))
                if rnd.random() < 0.3:
                    add(Happened.MEETING, rep.id, day, rnd.choice(accounts))
                if rnd.random() < 0.1:
                    add(Happened.OPPORTUNITY, rep.id, day, rnd.choice(accounts), stage="Qualify",
                        amount=float(rnd.randrange(10_000, 200_000, 1_000)))
            day += timedelta(days=1)
        figures += [WeeklyFigure(rep_id=rep.id, week=week, metric=metric,
                                 value=rnd.randint(0, 6))
                    for week in weeks_between(week_of(start), week_of(end)) for metric in by_hand]
    actuals = plan.actuals.model_copy(update={"facts": facts, "weekly": figures})
    return plan.model_copy(update={"actuals": actuals})


def bench_plan() -> Plan:
    plan = large_sample_plan()
    basics = plan.basics.model_copy(update={"start_date": date(2027, 1, 4),
                                            "end_date": date(2027, 6, 30)})
    reps = [r.model_copy(update={"start_date": None}) for r in plan.reps]
    return synthetic_facts(plan.model_copy(update={"basics": basics, "reps": reps}))


def measure(repeat: int) -> dict:
    plan = bench_plan()
    last = week_of(plan.basics.end_date)
    review = weekly_review(plan, last)

    def forget_facts() -> None:
        summary._kept.clear()
        summary._daily.clear()
        tally._tallies.clear()

    def cold() -> None:
        pace._cache.clear()
        forget_facts()
        weekly_review(plan, last)

    def imported() -> None:
        forget_facts()
        weekly_review(plan, last)

    def warm() -> None:
        weekly_review(plan, last)

    times = {name: [t * 1000 for t in timeit.repeat(run, number=1, repeat=repeat)]
             for name, run in (("cold", cold), ("after an import", imported),
                               ("warm", warm))}
    # the process's own CPU time: what the review costs, whatever else the machine runs
    for name, run in (("cold", cold), ("warm", warm)):
        times[f"{name}, CPU"] = [t * 1000 for t in timeit.repeat(run, number=1, repeat=repeat,
                                                                 timer=time.process_time)]
    return {"times": times, "reps": len(review.reps), "weeks": len(review.weeks),
            "facts": len(plan.actuals.facts), "findings": len(review.findings)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    result = measure(args.repeat)
    print(f"{result['reps']} reps x {result['weeks']} weeks, {result['facts']:,} facts, "
          f"{result['findings']} findings")
    for name, times in result["times"].items():
        print(f"{name}: median {statistics.median(times):.1f} ms, min {min(times):.1f}, "
              f"max {max(times):.1f} (budget {BUDGET_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
