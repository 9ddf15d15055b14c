"""What the reps' schedules planned: touches per rep and ISO week, and each account's first
planned touch, for the cadence's pace and for dream clients left cold.

Each rep's schedule is the one their playbook prints (``build_schedule`` from the rep's start
date, else the plan's). Building every schedule is most of a review's cost on a large plan, and
the schedules do not depend on the actuals: they are kept for the last few plans by the identity
of the parts they are built from (accounts, cadences, reps, accountability, basics), so importing
actuals or looking at another week reuses them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date

from ..actuals.weekly import working_week_of
from ..model import Plan
from ..schedule import ScheduleError, build_schedule, week_start
from .summary import run_to_end

_KEEP = 4


@dataclass(frozen=True, slots=True)
class PlannedPace:
    touches: dict[str, Counter[str]]  # rep id -> ISO week -> touches the schedule planned
    account_starts: dict[str, date]  # account id -> the first planned touch


_cache: list[tuple[tuple[object, ...], PlannedPace]] = []


def planned_pace(plan: Plan) -> PlannedPace:
    return run_to_end(pace_steps(plan))


def pace_steps(plan: Plan) -> Generator[None, None, PlannedPace]:
    """``planned_pace``, yielding after each rep's schedule (a schedule can take 40 ms)."""
    parts = (plan.accounts, plan.cadences, plan.reps, plan.accountability, plan.basics)
    for kept, pace in _cache:
        if all(a is b for a, b in zip(kept, parts, strict=True)):
            return pace
    pace = yield from _build(plan)
    _cache.insert(0, (parts, pace))  # the parts are kept too, so their ids are not reused
    del _cache[_KEEP:]
    return pace


def _build(plan: Plan) -> Generator[None, None, PlannedPace]:
    touches: dict[str, Counter[str]] = {}
    starts: dict[str, date] = {}
    for rep in plan.reps:
        yield
        start = rep.start_date or plan.basics.start_date
        if start is None:
            continue
        try:
            schedule = build_schedule(plan, rep, start)
        except ScheduleError:
            continue
        counts: Counter[str] = Counter()
        weeks: dict[date, str] = {}
        starts_on = week_start(schedule.weekend)  # the rep's working week (weeks.py)
        for touch in schedule.touches:
            week = weeks.get(touch.date)
            if week is None:
                week = weeks[touch.date] = working_week_of(touch.date, starts_on)
            counts[week] += 1
        touches[rep.id] = counts
        for account_id, first in schedule.account_starts.items():
            starts[account_id] = min(first, starts.get(account_id, first))
    return PlannedPace(touches, starts)
