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
