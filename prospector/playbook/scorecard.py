"""The weekly scorecard a rep fills in: a row per week of the campaign, a subtotal row per month,
and a total row set against the campaign's target; a column per target and a wide Notes column.

A weekly target's goal is printed in its column's head ("goal 45 / week") and summed in the month
and total rows ("/ 135": the rep writes the actual before it); a monthly target's goal is printed
only in the month rows, where it is counted, never in the weekly cells. Weeks run from the start
to ``until`` (the plan's end): the last week's dates stop there. Targets beyond
``SCORECARD_TARGETS`` go on further scorecard pages, at most ``SCORECARD_PAGES`` of them
(prospector/playbook/limits.py): a page holds that many columns with their names whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from babel.dates import format_date, format_interval, format_skeleton

from ..actuals.weekly import working_week_of
from ..business_days import SATURDAY_SUNDAY
from ..model import Target
from ..schedule import week_start
from .limits import SCORECARD_METRIC_TEXT, SCORECARD_PAGES, SCORECARD_TARGETS, Reductions
from .targets_page import LEAST_ROW_MM
from .translations import ENGLISH, N_, gettext, number, printing

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _number(value: float) -> str:
    return number(value)


def _days(first: date, last: date) -> str:
    """``11–15 Jan``, ``29 Mar – 2 Apr``, ``30 Jun`` (in German ``11.–15. Jan.``)."""
    if (language := printing.get()) != ENGLISH:
        if first == last:
            return format_skeleton("MMMd", last, locale=language)
        return format_interval(first, last, "MMMd", locale=language)
    month = _MONTHS[last.month - 1][:3]
    if first == last:
        return f"{last.day} {month}"
    if first.month == last.month:
        return f"{first.day}–{last.day} {month}"
    return f"{first.day} {_MONTHS[first.month - 1][:3]} – {last.day} {month}"


def build_scorecard(targets: Sequence[Target], start: date | None, until: date | None,
                    weeks: int, red: Reductions,
                    actuals: Mapping[str, Sequence[float | None]] | None = None,
                    weekend: frozenset[int] = SATURDAY_SUNDAY) -> dict[str, Any]:
    """The scorecard's rows and pages. Without a ``start`` the weeks are numbered only (no
    dates, no months); ``weeks`` then says how many; with ``start`` and ``until`` they run from
    one to the other (at most ``weeks``).

    ``actuals`` (ISO week -> the rep's actual per target, ``rep_actuals_by_week``) fills the
    weeks that have them: a weekly target's cell gets the week's figure, and the month and
    total rows the sums of the weeks known ("38 / 135"); a week with no actuals stays blank for
    the rep to fill in. A week is the rep's working week, after the rep's ``weekend``: Monday
    to Friday, or Sunday to Thursday in Israel (``review.weeks``)."""
    actuals = actuals or {}
    month_sums: list[float | None] = [None] * len(targets)
    total_sums: list[float | None] = [None] * len(targets)
    columns = [{"index": i, "period": t.period, "goal": _number(t.per_rep),
                "metric": red.clip(t.metric, SCORECARD_METRIC_TEXT,
                                   N_("the name of target %(number)s on the scorecard"),
                                   number=str(i + 1))}
               for i, t in enumerate(targets)]
    per_page = [columns[i:i + SCORECARD_TARGETS]
                for i in range(0, len(columns), SCORECARD_TARGETS)][:SCORECARD_PAGES]
    shown = sum(len(page) for page in per_page)
    rows: list[dict[str, Any]] = []
    week_count = 0
    months = 0
    if start is None:
        for n in range(weeks):
            rows.append({"kind": "week", "number": n + 1, "dates": "", "actuals": []})
        week_count = weeks
    else:
        starts_on = week_start(weekend)
        monday = start - timedelta(days=(start.weekday() - starts_on) % 7)  # the week's first
        last = until if until and until >= start else monday + timedelta(weeks=weeks, days=-3)
        month_weeks = 0
        for n in range(weeks):
            first = max(start, monday + timedelta(weeks=n))
            if first > last:
                break
            friday = min(last, max(monday + timedelta(weeks=n, days=d) for d in range(7)
                                   if (monday.weekday() + d) % 7 not in weekend))
            nxt = monday + timedelta(weeks=n + 1)
            known = actuals.get(working_week_of(first, starts_on))
            if known is not None:
                for i, value in enumerate(known[:len(targets)]):
                    if value is not None:
                        month_sums[i] = (month_sums[i] or 0) + value
                        total_sums[i] = (total_sums[i] or 0) + value
            rows.append({"kind": "week", "number": n + 1,
                         "dates": _days(first, max(first, friday)),
                         "actuals": [_number(v) if v is not None and t.period == "week" else ""
                                     for t, v in zip(targets, known, strict=False)]
                         if known is not None else []})
            week_count += 1
            month_weeks += 1
            if nxt > last or nxt.month != first.month or n + 1 == weeks:
                rows.append({"kind": "month", "label": _month_total(first),
                             "short": _month_short(first),
                             "goals": [_goal(t, month_weeks, 1) for t in targets],
                             "goal_values": [t.per_rep * (month_weeks if t.period == "week"
                                                          else 1) for t in targets],
                             "sums": [_number(v) if v is not None else "" for v in month_sums]})
                month_sums = [None] * len(targets)
                months += 1
                month_weeks = 0
    total = [_goal(t, week_count, months) if months or t.period == "week" else ""
             for t in targets]
    # the total's figures (one rep's over the campaign), None where the total row has none
    total_values = [t.per_rep * (week_count if t.period == "week" else months)
                    if months or t.period == "week" else None for t in targets]
    return {"columns": columns, "pages": per_page, "rows": rows, "total": total,
            "total_values": total_values,
            "total_sums": [_number(v) if v is not None else "" for v in total_sums],
            "weeks": week_count, "more_targets": len(columns) - shown,
            "row_mm": LEAST_ROW_MM}  # a rep's: targets_page.writing_row_mm


def _month_total(day: date) -> str:
    """The month row's label: "January total", "Januar gesamt"."""
    language = printing.get()
    month = (_MONTHS[day.month - 1] if language == ENGLISH
             else format_date(day, "LLLL", locale=language))
    return gettext("%(month)s total", month=month)


def _month_short(day: date) -> str:
    """A month's name in a column's head: "Jan", "Jan." (German), "janv." (French)."""
    language = printing.get()
    return (_MONTHS[day.month - 1][:3] if language == ENGLISH
            else format_date(day, "MMM", locale=language))


def _goal(target: Target, weeks: int, months: int) -> str:
    """The goal over ``weeks`` weeks or ``months`` months, by the target's period."""
    return _number(target.per_rep * (weeks if target.period == "week" else months))
