"""``prospector schedule PLAN --rep NAME``: a rep's dated touches, printed or exported.

Prints a compact dated list, or writes a calendar (``--ics``, all-day events that update on
re-import) and/or a task list for a CRM (``--csv``).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date

from ..business_days import days_off_words
from ..errors import ProspectorError, one_line
from ..holiday_regions import describe_place
from ..model import MAX_COUNTRY_LENGTH, check_plan_date
from ..plan_lookup import resolve_plan
from ..schedule import build_schedule, find_rep


def register(verb) -> None:
    sub = verb("schedule", cmd_schedule,
               "A rep's dated schedule of touches: printed, or as a calendar (.ics) or task list "
               "(.csv).")
    sub.add_argument("plan", metavar="PLAN")
    sub.add_argument("--rep", required=True, metavar="NAME", help="the rep: name, email or id")
    sub.add_argument("--start", metavar="YYYY-MM-DD",
                     help="first day (default: the rep's start date, else the plan's)")
    sub.add_argument("--ics", metavar="FILE", help="write the schedule as a calendar file")
    sub.add_argument("--csv", metavar="FILE", help="write the schedule as a task list for a CRM")
    sub.add_argument("--csv-delimiter", default="comma", metavar="X",
                     help="delimiter of the task list: comma (default), semicolon or tab")
    sub.add_argument("--country", metavar="CODE",
                     help="where the rep works, for the weekend and public holidays to skip, "
                          "e.g. DE, DE-BY or IL (default: the rep's, else the plan's; "
                          "`prospector holidays` lists the codes)")
    sub.add_argument("--capacity", type=int, metavar="N",
                     help="most touches a day (default: the plan's daily touch capacity)")
    sub.add_argument("--all-at-once", action="store_true",
                     help="start every account from the first day, as capacity allows (default: "
                          "in waves over the plan's period, so the cadences end by its end date)")


def cmd_schedule(args: argparse.Namespace) -> int:
    if args.country and len(args.country) > MAX_COUNTRY_LENGTH:
        raise ProspectorError(f"--country: {args.country[:20]!r}… ({len(args.country):,} "
                              "characters) is not a country code; use one such as DE or DE-BY")
    plan = resolve_plan(args.plan)
    rep = find_rep(plan, args.rep)
    start = _start_date(args.start) if args.start else (rep.start_date or plan.basics.start_date)
    if start is None:
        raise ProspectorError(f"--start YYYY-MM-DD is needed: neither {rep.name} nor the plan has "
                              "a start date")
    schedule = build_schedule(plan, rep, start, country=args.country, capacity=args.capacity,
                              all_at_once=args.all_at_once)
    for item in schedule.unscheduled:
        print(f"prospector: warning: {item.account_name} is not scheduled: {item.reason}",
              file=sys.stderr)
    if (args.ics or args.csv) and not schedule.touches:
        raise ProspectorError(f"{rep.name} has no touches to export: give them accounts, and "
                              "make sure a cadence with steps covers their tiers")
    if args.ics:
        from ..calendar_export import write_ics  # noqa: PLC0415 - icalendar: only for --ics

        out = write_ics(schedule, args.ics)
        print(f"Wrote {len(schedule.touches)} touches to {out} (calendar; importing it again "
              "updates the same events).")
    if args.csv:
        from ..task_export import write_tasks_csv  # noqa: PLC0415 - only for --csv

        out = write_tasks_csv(schedule, args.csv, delimiter=args.csv_delimiter)
        print(f"Wrote {len(schedule.touches)} tasks to {out}.")
    if not (args.ics or args.csv):
        _print_schedule(schedule)
    return 0


def _start_date(text: str) -> date:
    value = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ProspectorError(f"--start: {text!r} is not a date written YYYY-MM-DD "
                              "(for example 2027-01-11)")
    try:
        day = date.fromisoformat(value)
    except ValueError:  # written right, but no such day: 2027-02-30
        raise ProspectorError(f"--start: {text!r} is no day of the calendar (that month has "
                              "fewer days, or there is no such month)") from None
    try:
        return check_plan_date(day)
    except ValueError as exc:
        raise ProspectorError(f"--start: {exc}") from None


def _print_schedule(schedule) -> None:
    touches = schedule.touches
    # Names may hold line breaks (a lone CR would overwrite the line on a terminal): one line.
    print(one_line(f"{schedule.rep_name}: {schedule.plan_name}"))
    if not touches:
        print("No touches: this rep has no accounts with a cadence yet.")
        return
    accounts = len({t.account_id for t in touches})
    place = describe_place(schedule.country, schedule.subdivision)
    skipped = days_off_words(schedule.weekend, bool(place)) + (f" of {place}" if place else "")
    print(f"{len(touches)} touches on {accounts} accounts, {_day(schedule.first_day)} to "
          f"{_day(schedule.last_day)} {schedule.last_day.year}; at most {schedule.capacity} a day; "
          f"{skipped} skipped.")
    if len(schedule.waves) > 1:
        print(f"Accounts start in {len(schedule.waves)} waves, from {_day(schedule.waves[0])} to "
              f"{_day(schedule.waves[-1])} (--all-at-once starts them all from the first day).")
    if schedule.holidays:
        print("Holidays: " + ", ".join(f"{_day(d)} {name}" for d, name in schedule.holidays))
    width = min(34, max(len(t.account_name) for t in touches))
    for week in schedule.by_week():
        print(f"\nWeek {week.number} ({week.first_day:%d %b %Y})")
        for t in week.touches:
            ask = "  ASK" if t.is_ask else ""
            print(one_line(f"  {_day(t.date)}  {t.tier}  {_cut(t.account_name, width):<{width}}  "
                           f"{t.step_number:>2}/{t.step_count:<2}  {t.channel.label:<9}  "
                           f"{_cut(t.touch_title, 44)}{ask}"))


def _day(day: date) -> str:
    return f"{day:%a} {day.day:>2} {day:%b}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
