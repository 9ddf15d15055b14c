"""What the reps' schedules planned: touches per rep and ISO week, and each account's first
planned touch, for the cadence's pace and for dream clients left cold.

Each rep's schedule is the one their playbook prints (``build_schedule`` from the rep's start
date, else the plan's), but only its dates are laid out (``schedule.lay_out``): the review needs
how many touches fall in each week and when each account starts, not the touches' words.

The dates do not depend on the actuals, and they are kept per rep by the values they are laid
out from (``ScheduleInputs``: start, end, place, capacity, and each account with its cadence's
days), never by the plan's identity: the app edits a plan in place, and any edit that moves a
date (an account's tier, a cadence's day, a rep's accounts or start) makes other inputs, so a
kept schedule is never shown for an edited plan. Importing actuals, looking at another week or
an edit that moves no date (a touch's words) reuses them.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date

from ..actuals.weekly import working_week_of
from ..business_days import BusinessCalendar
from ..model import Plan
from ..schedule import ScheduleError, ScheduleInputs, lay_out, schedule_inputs, week_start
from .summary import run_to_end

_KEEP = 64  # reps' schedules kept: ten reps of a few plans, and an edit or two back


@dataclass(frozen=True, slots=True)
class PlannedPace:
    touches: dict[str, Counter[str]]  # rep id -> ISO week -> touches the schedule planned
    account_starts: dict[str, date]  # account id -> the first planned touch


@dataclass(frozen=True, slots=True)
class _RepPace:
    touches: Counter[str]  # the rep's working week -> touches planned
    account_starts: dict[str, date]


_cache: OrderedDict[ScheduleInputs, _RepPace] = OrderedDict()
_lock = threading.Lock()  # read by the app's thread and a render one


def planned_pace(plan: Plan) -> PlannedPace:
    return run_to_end(pace_steps(plan))


def pace_steps(plan: Plan) -> Generator[None, None, PlannedPace]:
    """``planned_pace``, yielding after each rep's schedule laid out (a few milliseconds)."""
    touches: dict[str, Counter[str]] = {}
    starts: dict[str, date] = {}
    by_id = {a.id: a for a in plan.accounts}
    calendars: dict[tuple[date, str, str], BusinessCalendar] = {}  # shared by the reps laid out
    for rep in plan.reps:
        start = rep.start_date or plan.basics.start_date
        if start is None:
            continue
        try:
            inputs = schedule_inputs(plan, rep, start, by_id=by_id)
        except ScheduleError:
            continue
        with _lock:
            pace = _cache.get(inputs)
            if pace is not None:
                _cache.move_to_end(inputs)
        if pace is None:
            yield
            pace = _rep_pace(inputs, calendars)
            with _lock:
                _cache[inputs] = pace
                while len(_cache) > _KEEP:
                    _cache.popitem(last=False)
        touches[rep.id] = pace.touches
        for account_id, first in pace.account_starts.items():
            starts[account_id] = min(first, starts.get(account_id, first))
    return PlannedPace(touches, starts)


def _rep_pace(inputs: ScheduleInputs,
              calendars: dict[tuple[date, str, str], BusinessCalendar]) -> _RepPace:
    laid = lay_out(inputs, calendars)
    starts_on = week_start(laid.calendar.weekend)  # the rep's working week (weeks.py)
    counts: Counter[str] = Counter()
    for day, n in laid.touches_by_day().items():
        counts[working_week_of(day, starts_on)] += n
    return _RepPace(counts, laid.account_starts(inputs))
