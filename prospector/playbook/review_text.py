"""The weekly review as plain text, for ``prospector review PLAN`` (``--format text``): the same
words as the printed review (``review_sheet``: its context and the playbook's catalog), in the
review's language, in columns a terminal lines up. Unlike the page, it lists every finding of
the coach and when each cold dream client was last touched."""

from __future__ import annotations

from datetime import date

from babel.dates import format_skeleton
from babel.numbers import format_percent

from ..model import Plan
from ..review import RepWeek, WeeklyReview
from ..review.weeks import days_label
from .review_sheet import TREND_WEEKS, review_context
from .translations import ENGLISH, gettext, ngettext, number, printing, printing_in

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def review_text(plan: Plan, review: WeeklyReview, language: str,
                today: date | None = None) -> str:
    """The review of ``plan``'s week, its labels, dates and numbers in ``language``."""
    with printing_in(language):
        page = review_context(plan, review, today or date.today())
        out = [gettext("Weekly review · %(plan)s", plan=plan.name),
               gettext("Week %(number)s of %(weeks)s (%(week)s): %(dates)s",
                       number=page["week_number"], weeks=page["weeks"], week=review.week,
                       dates=page["dates"]),
               gettext("Actual against goal per rep; goals per week, a monthly goal pro-rated"),
               ""]
        if not review.has_actuals:
            out += [gettext("No actuals yet: import a CRM export (prospector actuals PLAN "
                            "--import FILE.csv) or enter the weekly figures in the app."), ""]
        for rep, shown in zip(review.reps, page["reps"], strict=True):
            out += [*_rep(rep, shown), ""]
        out.append(gettext("Below target two weeks running:") + " "
                   + ("; ".join(page["below"]) or gettext("nobody")) + ".")
        out.append(gettext("Dream clients untouched %(weeks)s weeks:", weeks=review.cold_weeks)
                   + " " + ("; ".join(_cold(review)) or gettext("none")) + ".")
        out.append(gettext("Touches outside the plan:") + " "
                   + ("; ".join(page["outside"]) or gettext("none this week")) + ".")
        out += ["", gettext("* entered by hand, in place of the imported facts.") + " "
                + page["definition"]]
    return "\n".join(out) + "\n"


def _rep(rep: RepWeek, shown: dict) -> list[str]:
    days = days_label(rep.first_day, rep.last_day, printing.get())
    out = [f"{rep.rep_name} ({days})", f"  {shown['week']}"]
    trend = min(TREND_WEEKS, max((len(t.series) for t in rep.targets), default=0))
    heads = [gettext("Target"), gettext("Goal"), gettext("Actual"), gettext("Against goal"),
             ngettext("This week", "Last %(num)s weeks", trend)]
    rows = [[t.metric, line["goal"], line["actual"] + ("*" if line["by_hand"] else ""),
             line["verdict"] + (gettext(", %(weeks)s weeks running", weeks=line["weeks_below"])
                                if line["two_weeks"] else ""),
             ", ".join("-" if w.actual is None else number(w.actual)
                       for w in t.series[-trend:])]
            for t, line in zip(rep.targets, shown["targets"], strict=True)]
    if rows:
        widths = [max(len(row[i]) for row in [heads, *rows]) for i in range(4)]
        for row in [heads, *rows]:
            out.append(f"  {row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}"
                       f"  {row[3]:<{widths[3]}}  {row[4]}".rstrip())
    if rep.touches_planned_to_date:
        share = rep.touches_logged_to_date / rep.touches_planned_to_date
        out.append("  " + ngettext(
            "Pace: %(num)s touch logged of %(planned)s planned to date (%(share)s).",
            "Pace: %(num)s touches logged of %(planned)s planned to date (%(share)s).",
            rep.touches_logged_to_date, planned=rep.touches_planned_to_date,
            share=format_percent(share, locale=printing.get())))
    out += ["  " + gettext("Coach: %(finding)s", finding=finding.message)
            for finding in rep.findings]
    if not rep.findings:
        out.append("  " + gettext("The coach has nothing to say about this week."))
    return out


def _cold(review: WeeklyReview) -> list[str]:
    """``Südhafen (Ben Okafor; never touched)``."""
    return [f"{account.name} ({', '.join(account.owners) or gettext('no rep')}; "
            + (gettext("last touched %(date)s", date=_day(account.last_touched))
               if account.last_touched else gettext("never touched")) + ")"
            for account in review.cold_accounts]


def _day(day: date) -> str:
    if printing.get() == ENGLISH:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return format_skeleton("yMMMd", day, locale=printing.get())
