"""The rep's schedule set against the rep's touch targets, in the rep's words.

A target such as "Value-creating touches delivered: 45 / week" and a schedule that plans 7 touches
a week do not match, and a rep who sees both needs to know why: the schedule holds only the
cadence steps of the rep's accounts. ``touch_target_notes()`` says, for each weekly activity
target that counts touches (its name says "touch"), how many touches a week the schedule plans
and what is left to the rep, or that keeping to the schedule meets it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import Target
from ..schedule import Schedule, ScheduleWeek
from .translations import counted as plural
from .translations import gettext, ngettext, number, words_and

_COUNTS_TOUCHES = re.compile(r"\btouch", re.IGNORECASE)


def counts_touches(target: Target) -> bool:
    """A weekly activity target whose name says it counts touches."""
    return (target.kind == "activity" and target.period == "week"
            and _COUNTS_TOUCHES.search(target.metric) is not None)


def weekly_average(weeks: Sequence[ScheduleWeek]) -> int:
    """The schedule's touches a week, over the weeks from its first to its last touch."""
    if not weeks:
        return 0
    span = weeks[-1].number - weeks[0].number + 1
    return round(sum(len(w.touches) for w in weeks) / span)


def short_of_touch_targets(targets: Sequence[Target], weeks: Sequence[ScheduleWeek]) -> int | None:
    """The schedule's touches a week when a touch target asks for more (the rep plans the rest
    themselves), else None."""
    average = weekly_average(weeks)
    if weeks and any(counts_touches(t) and t.per_rep > average for t in targets):
        return average
    return None


def touch_target_notes(targets: Sequence[Target], weeks: Sequence[ScheduleWeek]) -> list[str]:
    """One sentence per touch target: the schedule's touches a week (over the weeks from its
    first to its last touch) against the target's, and where the difference comes from."""
    if not weeks:
        return []
    average = weekly_average(weeks)
    most = max(len(w.touches) for w in weeks)
    busiest = [number(w.number) for w in weeks if len(w.touches) == most]  # every one of them
    planned = ngettext("Your schedule plans %(touches)s a week on average (%(most)s in week "
                       "%(weeks)s, your busiest)", "Your schedule plans %(touches)s a week on "
                       "average (%(most)s in weeks %(weeks)s, your busiest)", len(busiest),
                       touches=plural(average, "touch"), most=most, weeks=words_and(busiest))
    accounts = len({t.account_id for w in weeks for t in w.touches})
    steps = ngettext("the steps of your account’s cadence", "the steps of your accounts’ cadences",
                     accounts)
    return _against(targets, average, lambda target, goal: gettext(
        "%(planned)s: keeping to it meets “%(target)s”, %(goal)s a week.",
        planned=planned, target=target, goal=goal), lambda target, goal, rest: gettext(
        "%(planned)s: %(steps)s. “%(target)s” asks for %(goal)s a week: the other %(rest)s "
        "are touches you plan yourself (new contacts in your accounts, replies, follow-ups "
        "and referrals). If your week has no room for them, say so when your targets are "
        "reviewed.", planned=planned, steps=steps, target=target, goal=goal, rest=rest))


def team_touch_notes(targets: Sequence[Target], schedules: Sequence[Schedule]) -> list[str]:
    """The leader's edition's counterpart of ``touch_target_notes``: per touch target, the
    touches a week the reps' ``schedules`` plan per rep on average (each rep's from their first to
    their last touch) against the target's, and who plans the rest."""
    rates = []
    for schedule in schedules:
        if schedule.touches:
            days = (schedule.touches[-1].date - schedule.touches[0].date).days
            rates.append(len(schedule.touches) / (days // 7 + 1))
    if not rates:
        return []
    average = round(sum(rates) / len(rates))
    total = sum(len(s.touches) for s in schedules)
    if len(schedules) == 1:  # a plan with one rep: no "per rep", no "each rep"
        accounts = len({t.account_id for t in schedules[0].touches})
        planned = ngettext("The rep’s schedule plans %(touches)s a week on average (%(total)s "
                           "in all: the steps of their account’s cadence)",
                           "The rep’s schedule plans %(touches)s a week on average (%(total)s "
                           "in all: the steps of the cadences of their accounts)", accounts,
                           touches=plural(average, "touch"), total=plural(total, "touch"))
        return _against(targets, average, lambda target, goal: gettext(
            "%(planned)s: keeping to it, the rep meets “%(target)s”, %(goal)s a week.",
            planned=planned, target=target, goal=goal), lambda target, goal, rest: gettext(
            "%(planned)s. “%(target)s” asks for %(goal)s a week: the other %(rest)s are "
            "touches the rep plans (new contacts in their accounts, replies, follow-ups and "
            "referrals), as their edition tells them.",
            planned=planned, target=target, goal=goal, rest=rest))
    planned = gettext("The reps’ schedules plan %(touches)s a week per rep on average "
                      "(%(total)s in all: the steps of their accounts’ cadences)",
                      touches=plural(average, "touch"), total=plural(total, "touch"))
    return _against(targets, average, lambda target, goal: gettext(
        "%(planned)s: keeping to them meets “%(target)s”, %(goal)s a week per rep.",
        planned=planned, target=target, goal=goal), lambda target, goal, rest: gettext(
        "%(planned)s. “%(target)s” asks for %(goal)s a week per rep: the other %(rest)s "
        "are touches each rep plans (new contacts in their accounts, replies, follow-ups "
        "and referrals), as each rep’s edition tells them.",
        planned=planned, target=target, goal=goal, rest=rest))


def _against(targets: Sequence[Target], average: int, met: Callable[[str, float], str],
             short: Callable[[str, float, float], str]) -> list[str]:
    """Per touch target, ``met`` when ``average`` touches a week reach its goal per rep, else
    ``short`` with what is left."""
    return [met(t.metric, t.per_rep) if average >= t.per_rep
            else short(t.metric, t.per_rep, t.per_rep - average)
            for t in targets if counts_touches(t)]
