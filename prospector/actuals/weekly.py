"""A figure entered by hand: what a rep did in one ISO week against one target of the plan.

For teams with no CRM export (or a target no export counts, such as "new contacts mapped"):
the leader types the week's figure per rep. One figure per rep, week and target; entering it again
replaces it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated

from pydantic import AfterValidator, Field

from ..fields import EARLIEST_DATE, LATEST_DATE, Id, Name, Part

_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def week_of(day: date) -> str:
    """``2027-W05``: the ISO week a day falls in (its year is the ISO year)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def working_week_of(day: date, first_weekday: int = 0) -> str:
    """The week a day is worked in, for a rep whose working week starts on ``first_weekday``
    (0 Monday ... 6 Sunday: the day after the rep's weekend), named as the ISO week that holds
    most of it: the ISO week of its fourth day, as ISO weeks are named by their Thursday. A
    Sunday-to-Thursday week (a Friday-Saturday weekend, Israel's) is the ISO week of its Monday,
    so a Sunday counts in the week that Sunday starts, not in the ISO week it ends."""
    start = day - timedelta(days=(day.weekday() - first_weekday) % 7)
    return week_of(start + timedelta(days=3))


def working_week_start(week: str, first_weekday: int = 0) -> date:
    """The first day of the working week named ``week`` (``working_week_of``'s inverse): its
    Monday for a Monday week, the Sunday before it for a Sunday week."""
    return week_start(week) + timedelta(days=first_weekday if first_weekday <= 3
                                        else first_weekday - 7)


def week_start(week: str) -> date:
    """The Monday of an ISO week written ``2027-W05`` (``ValueError`` if it is not one)."""
    found = _WEEK.fullmatch(week.strip())
    if not found:
        raise ValueError(f"is not an ISO week (expected a week such as 2027-W05, got {week!r})")
    year, number = int(found.group(1)), int(found.group(2))
    try:
        return date.fromisocalendar(year, number, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {number} (a year has 52 or 53 ISO weeks)") from None


def weeks_between(first: date, last: date) -> list[str]:
    """The ISO weeks from the one ``first`` falls in to the one ``last`` falls in."""
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(week_of(monday))
        monday += timedelta(days=7)
    return weeks


def _iso_week(value: str) -> str:
    monday = week_start(value)
    if not EARLIEST_DATE <= monday <= LATEST_DATE:
        raise ValueError(f"must be between {EARLIEST_DATE.year} and {LATEST_DATE.year}")
    return week_of(monday)


IsoWeek = Annotated[str, AfterValidator(_iso_week)]


class WeeklyFigure(Part):
    """What one rep did in one week against one target, typed by the leader."""

    rep_id: Id
    week: IsoWeek = Field(..., description="The ISO week, e.g. 2027-W05.")
    metric: Name = Field(..., description="The target it counts against (the target's metric).")
    value: float = Field(..., ge=0, le=1_000_000, allow_inf_nan=False)
