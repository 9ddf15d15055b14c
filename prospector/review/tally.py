"""The actuals counted once: per rep and ISO week, what each kind of target counts, touches by
channel and by tier, and the opportunities that meet the plan's definition.

**An opportunity created by the plan's definition.** The plan's qualification criteria say what
a first meeting must show for it to count as an opportunity (``Qualification``). A CRM export
says when an opportunity was created, not whether its meeting met the criteria, so the review
takes the trace the definition leaves: an opportunity meets the definition when a meeting with
its account (by any rep: a colleague may have held it) is logged on its creation day or in the
``opportunity_meeting_days`` before. An opportunity with no such meeting was opened without a
first meeting to qualify it (a lead passed on, a form, a rep keen to show pipeline): the coach
flags it. A plan with no criteria defines nothing to meet: every opportunity counts.

The targets count as ``counting.py`` says (``counts_towards``): an opportunities target counts
every opportunity created; the review shows beside it how many meet the definition.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..actuals.counting import Counts, counts_towards
from ..actuals.records import Happened, LoggedFact
from ..actuals.weekly import week_of
from ..model import Plan
from ..textnorm import fold

OUTSIDE = "outside"  # the tier of an account outside the plan
NO_CHANNEL = "unknown"  # the channel of a touch whose CRM type says nothing of it
_KINDS = (Counts.TOUCHES, Counts.CONVERSATIONS, Counts.MEETINGS, Counts.OPPORTUNITIES)


@dataclass(slots=True)
class WeekTally:
    """One rep's facts in one week."""

    counts: Counter[Counts] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    by_tier: Counter[str] = field(default_factory=Counter)
    qualified: int = 0  # opportunities that meet the plan's definition
    unqualified: list[LoggedFact] = field(default_factory=list)
    outside: Counter[str] = field(default_factory=Counter)  # account name -> touches


def account_key(fact: LoggedFact) -> str:
    return fact.account_id or ("~" + fold(fact.account_name) if fact.account_name else "")


class Tally:
    """Every fact of the plan's actuals, counted per rep and week (built once per review)."""

    def __init__(self, plan: Plan, meeting_days: int) -> None:
        self.weeks: dict[tuple[str, str], WeekTally] = defaultdict(WeekTally)
        tiers = {a.id: a.tier for a in plan.accounts}
        defined = bool(plan.qualification.criteria)
        meetings: dict[str, list[date]] = defaultdict(list)
        week_of_day: dict[date, str] = {}
        facts = plan.actuals.facts
        for fact in facts:
            if fact.kind is Happened.MEETING:
                key = account_key(fact)
                if key:
                    meetings[key].append(fact.date)
        for days in meetings.values():
            days.sort()
        window = timedelta(days=meeting_days)
        for fact in facts:
            week = week_of_day.get(fact.date)
            if week is None:
                week = week_of_day[fact.date] = week_of(fact.date)
            tally = self.weeks[fact.rep_id, week]
            for kind in _KINDS:
                if counts_towards(fact, kind):
                    tally.counts[kind] += 1
            aid = fact.account_id
            if fact.kind is Happened.TOUCH:
                tally.by_channel[fact.channel.value if fact.channel else NO_CHANNEL] += 1
                tier = tiers.get(aid, OUTSIDE) if aid else OUTSIDE
                tally.by_tier[tier] += 1
                if tier == OUTSIDE:
                    tally.outside[fact.account_name or "(no account)"] += 1
            elif fact.kind is Happened.OPPORTUNITY:
                days = meetings.get(account_key(fact), [])
                i = bisect_left(days, fact.date - window)
                if not defined or (i < len(days) and days[i] <= fact.date):
                    tally.qualified += 1
                else:
                    tally.unqualified.append(fact)

    def of(self, rep_id: str, week: str) -> WeekTally:
        return self.weeks.get((rep_id, week)) or WeekTally()
