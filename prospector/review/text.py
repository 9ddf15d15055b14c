"""The weekly review as plain text, for ``prospector review PLAN`` (``--format text``)."""

from __future__ import annotations

from datetime import timedelta

from ..fields import Channel
from ..wording import noun
from .result import RepWeek, TargetLine, TargetWeek, WeeklyReview
from .weeks import days_label

TREND_WEEKS = 6  # weeks printed in a target's trend, the week reviewed last
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def number(value: float | None) -> str:
    """``12``, ``0.5``, ``-`` (not entered)."""
    if value is None:
        return "-"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def channel_label(key: str) -> str:
    return Channel(key).label if key in Channel._value2member_map_ else "Not said"


def day_label(day) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def goal_label(line: TargetLine) -> str:
    goal = number(line.this_week.goal)
    return f"{goal} ({number(line.per_rep)}/month)" if line.period == "month" else goal


def verdict(week: TargetWeek) -> str:
    if week.goal is None:
        return "not started"
    if week.actual is None:
        return "not entered"
    return "below" if week.below else "met"


def _rep(rep: RepWeek) -> list[str]:
    out = [f"{rep.rep_name} ({days_label(rep.first_day, rep.last_day)})"]
    width = max((len(t.metric) for t in rep.targets), default=6)
    goals = max((len(goal_label(t)) for t in rep.targets), default=4)
    shown = max((len(t.series[-TREND_WEEKS:]) for t in rep.targets), default=0)
    out.append(f"  {'Target':<{width}}  {'goal':>{goals}}  {'actual':>6}  {'':<11}  "
               + ("this week" if shown == 1 else f"last {shown} weeks"))
    for line in rep.targets:
        now = line.this_week
        hand = "*" if now.by_hand else " "
        trend = ", ".join(number(w.actual) for w in line.series[-TREND_WEEKS:])
        out.append(f"  {line.metric:<{width}}  {goal_label(line):>{goals}}  {number(now.actual):>6}"
                   f"{hand} {verdict(now):<11}  {trend}")
    channels = ", ".join(f"{channel_label(k).lower()} {n}"
                         for k, n in rep.touches_by_channel.items())
    tiers = ", ".join(f"{'outside the plan' if k == 'outside' else 'tier ' + k} {n}"
                      for k, n in rep.touches_by_tier.items())
    out.append(f"  Touches: {rep.touches}" + (f" ({channels}; {tiers})" if rep.touches else ""))
    out.append(f"  Meetings: {rep.meetings}. Opportunities created: {rep.opportunities}, "
               f"{rep.qualified_opportunities} meeting the definition.")
    if rep.touches_planned_to_date:
        share = rep.touches_logged_to_date / rep.touches_planned_to_date
        out.append(f"  Pace: {rep.touches_logged_to_date:,} "
                   f"{noun(rep.touches_logged_to_date, 'touch')} logged of "
                   f"{rep.touches_planned_to_date:,} planned to date ({share:.0%}).")
    if rep.outside_plan:
        out.append("  Outside the plan: " + ", ".join(f"{name} ({n})"
                                                       for name, n in rep.outside_plan.items()))
    for finding in rep.findings:
        out.append(f"  Coach: {finding.message}")
    return out


def review_text(review: WeeklyReview) -> str:
    sunday = review.monday + timedelta(days=6)
    out = [f"Weekly review of {review.plan_name!r}: {review.week} "
           f"({day_label(review.monday)} to {day_label(sunday)})", ""]
    if not review.has_actuals:
        out += ["No actuals yet: nothing was imported or entered for this plan.", ""]
    for rep in review.reps:
        out += [*_rep(rep), ""]
    if not review.reps:
        out += ["The plan has no reps.", ""]
    below = review.below_two_weeks
    out.append("Below target two weeks running: " + ("; ".join(
        f"{r.rep_name} ({t.metric})" for r, t in below) if below else "nobody") + ".")
    cold = review.cold_accounts
    out.append(f"Dream clients untouched for {review.cold_weeks} weeks: " + ("; ".join(
        f"{a.name} ({', '.join(a.owners) or 'no rep'}; "
        + (f"last touched {day_label(a.last_touched)})" if a.last_touched else "never touched)")
        for a in cold) if cold else "none") + ".")
    out += ["", f"Goals are per week; a monthly goal is pro-rated (x 12/52). * entered by hand. "
                f"{review.definition}"]
    return "\n".join(out) + "\n"
