"""The weeks a review can look at: the ISO weeks of the plan's period, and the default week.

A plan's weeks run from the ISO week of its start date to that of its end date. A plan with no
start (or end) date takes the week of its earliest (or latest) actual instead. The default week
is the last full week within the plan's period: the latest of its weeks whose Sunday is before
today; when none has ended yet (a plan that starts next month, or a sample dated ahead), the
latest week that has actuals.

**A rep's working week.** Weeks are named as ISO weeks (``2027-W05``), but each rep's week is
the rep's working week: it starts the day after the rep's weekend (the weekend of the country the
rep works in, ``business_days``), so an Israeli rep's week runs Sunday to Thursday and a touch
logged on Sunday counts in the week that Sunday starts (``working_week_of``), while a German
rep's runs Monday to Friday. Labels say the working days each week covers (``days_label``).
"""

from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date, format_skeleton

from ..actuals.weekly import week_of, week_start, working_week_start
from ..business_days import SATURDAY_SUNDAY, weekend_days
from ..errors import ProspectorError
from ..holiday_regions import HolidayCountryError
from ..messages import Note, Quoted
from ..model import Plan, Rep
from ..schedule import holiday_place
from ..schedule import week_start as first_weekday
from .summary import fact_summary

_SHORT_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class ReviewError(ProspectorError):
    pass


def shift(week: str, weeks: int) -> str:
    """The ISO week ``weeks`` after ``week`` (before it when negative)."""
    return week_of(week_start(week) + timedelta(weeks=weeks))


def weeks_between(first: str, last: str) -> list[str]:
    monday, end = week_start(first), week_start(last)
    return [week_of(monday + timedelta(weeks=n)) for n in range((end - monday).days // 7 + 1)]


def _actual_dates(plan: Plan) -> list[date]:
    dates = list(fact_summary(plan.actuals.facts).days)  # the facts' days, summed once per log
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
        raise ReviewError(Note("the plan {plan} has no start date and no actuals: give it a "
                               "start and end date (Basics) or import actuals first",
                               plan=Quoted(plan.name)))
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
        raise ReviewError(Note("{week} is outside the plan {plan}, which runs from {first} to "
                               "{last}", week=week, plan=Quoted(plan.name), first=weeks[0],
                               last=weeks[-1]))
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


def rep_weekend(plan: Plan, rep: Rep) -> frozenset[int]:
    """The weekdays the rep does not work (0 Monday ... 6 Sunday), by where the rep works."""
    try:
        return weekend_days(*holiday_place(plan, rep))
    except HolidayCountryError:  # a place the holidays package no longer knows
        return SATURDAY_SUNDAY


def rep_first_weekdays(plan: Plan) -> dict[str, int]:
    """Rep id -> the weekday the rep's working week starts on (0 Monday, 6 Sunday)."""
    return {rep.id: first_weekday(rep_weekend(plan, rep)) for rep in plan.reps}


def working_days(week: str, weekend: frozenset[int]) -> tuple[date, date]:
    """The first and last working day of ``week`` for a rep with ``weekend``: Monday 1 and
    Friday 5 February 2027 for 2027-W05 and a Saturday-Sunday weekend, Sunday 31 January and
    Thursday 4 February for a Friday-Saturday one."""
    first = working_week_start(week, first_weekday(weekend))
    last = max((first + timedelta(days=n) for n in range(7)
                if (first + timedelta(days=n)).weekday() not in weekend), default=first)
    return first, last


def days_label(first: date, last: date, language: str = "en") -> str:
    """``Mon 1 – Fri 5 Feb``, ``Sun 31 Jan – Thu 4 Feb``; in another ``language`` Babel's
    words for the days and months (``Mo., 1. – Fr., 5. Feb.``)."""
    if language == "en":
        start = f"{_SHORT_DAYS[first.weekday()]} {first.day}" + (
            f" {first:%b}" if first.month != last.month else "")
        return f"{start} – {_SHORT_DAYS[last.weekday()]} {last.day} {last:%b}"

    def day(d: date) -> str:
        return format_skeleton("EEEd", d, locale=language)

    def month(d: date) -> str:  # as a date writes it ("Feb.", "März"), as the app's days do
        return format_date(d, "MMM", locale=language)

    start = day(first) + (f" {month(first)}" if first.month != last.month else "")
    return f"{start} – {day(last)} {month(last)}"


def plan_weekends(plan: Plan) -> tuple[frozenset[int], ...]:
    """The reps' weekends, each once, in the reps' order (Saturday-Sunday for a plan with no
    reps): what a week's label names the days of."""
    weekends = dict.fromkeys(rep_weekend(plan, rep) for rep in plan.reps)
    return tuple(weekends) or (SATURDAY_SUNDAY,)


def week_days_label(week: str, weekends: tuple[frozenset[int], ...], language: str = "en") -> str:
    """The working days a week covers, for each working week among the reps, and its year:
    ``Mon 1 – Fri 5 Feb 2027``, or ``Mon 1 – Fri 5 Feb · Sun 31 Jan – Thu 4 Feb 2027``."""
    spans = [working_days(week, w) for w in weekends]
    return " · ".join(days_label(*span, language) for span in spans) + f" {spans[-1][1].year}"
