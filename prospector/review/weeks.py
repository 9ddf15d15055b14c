"""The weeks a review can look at: the ISO weeks of the plan's period, and the default week.

A plan's weeks run from the ISO week of its start date to that of its end date. A plan with no
start (or end) date takes the week of its earliest (or latest) actual instead. The default week
is the last full week within the plan's period: the latest of its weeks whose Sunday is before
today; when none has ended yet (a plan that starts next month, or a sample dated ahead), the
latest week that has actuals.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..actuals.weekly import week_of, week_start
from ..errors import ProspectorError
from ..model import Plan


class ReviewError(ProspectorError):
    pass


def shift(week: str, weeks: int) -> str:
    """The ISO week ``weeks`` after ``week`` (before it when negative)."""
    return week_of(week_start(week) + timedelta(weeks=weeks))


def weeks_between(first: str, last: str) -> list[str]:
    monday, end = week_start(first), week_start(last)
    return [week_of(monday + timedelta(weeks=n)) for n in range((end - monday).days // 7 + 1)]


def _actual_dates(plan: Plan) -> list[date]:
    dates = [f.date for f in plan.actuals.facts]
    dates += [week_start(w.week) for w in plan.actuals.weekly]
    return dates


def plan_weeks(plan: Plan) -> list[str]:
    """The plan's ISO weeks, first to last (``ReviewError`` when it has neither dates nor
    actuals to take them from)."""
    start, end = plan.basics.start_date, plan.basics.end_date
    if start is None or end is None:  # the actuals' dates, read only when needed
        dates = _actual_dates(plan)
        start = start or min(dates, default=None)
        end = end or max([*dates, *([start] if start else [])], default=None)
    if start is None or end is None:
        raise ReviewError(f"the plan {plan.name!r} has no start date and no actuals: give it a "
                          "start and end date (Basics) or import actuals first")
    return weeks_between(week_of(start), week_of(max(start, end)))


def parse_week(plan: Plan, text: str, weeks: list[str] | None = None) -> str:
    """``text`` as one of the plan's weeks (``2027-W05``), or a ``ReviewError`` that says
    what is wrong: not a week, or a week outside the plan."""
    try:
        week = week_of(week_start(text))
    except ValueError as exc:
        joint = " " if str(exc).startswith("is ") else ": "
        raise ReviewError(f"--week {text}{joint}{exc}") from None
    weeks = weeks if weeks is not None else plan_weeks(plan)
    if week not in weeks:
        raise ReviewError(f"{week} is outside the plan {plan.name!r}, which runs from "
                          f"{weeks[0]} to {weeks[-1]}")
    return week


def default_week(plan: Plan, today: date, weeks: list[str] | None = None) -> str:
    """The last full week within the plan's period (see the module's docstring)."""
    weeks = weeks if weeks is not None else plan_weeks(plan)
    ended = [w for w in weeks if week_start(w) + timedelta(days=6) < today]
    if ended:
        return ended[-1]
    with_actuals = {week_of(d) for d in _actual_dates(plan)} & set(weeks)
    if with_actuals:
        return max(with_actuals)
    return weeks[0]
