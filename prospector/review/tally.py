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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..actuals.counting import Counts, counts_towards
from ..actuals.fact_log import FactLog
from ..actuals.records import Happened, LoggedFact, Source
from ..actuals.weekly import working_week_of
from ..model import Plan
from ..textnorm import fold
from .weeks import rep_first_weekdays

OUTSIDE = "outside"  # the tier of an account outside the plan
NO_CHANNEL = "unknown"  # the channel of a touch whose CRM type says nothing of it
_PROBE_DAY = date(2027, 1, 4)
_KINDS = (Counts.TOUCHES, Counts.CONVERSATIONS, Counts.MEETINGS, Counts.OPPORTUNITIES)


@dataclass(slots=True)
class WeekTally:
    """One rep's facts in one week."""

    counts: Counter[Counts] = field(default_factory=Counter)
    by_channel: Counter[object] = field(default_factory=Counter)  # a Channel, or NO_CHANNEL
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
        self.dream_days: dict[str, list[date]] = defaultdict(list)  # tier A account -> facts
        facts = plan.actuals.facts
        tiers = {a.id: a.tier for a in plan.accounts}
        dream = {a.id for a in plan.accounts if a.tier == "A"}
        # a rep's week is the rep's working week (weeks.py): Sunday-Thursday in Israel
        starts = rep_first_weekdays(plan)
        weeks: dict[tuple[date, int], str] = {}
        # One pass over the facts: what the counts depend on (a few hundred distinct keys,
        # counted once each below), the dream clients' days, touches outside the plan, and the
        # meetings and opportunities kept aside for the definition.
        kinds: dict[tuple, int] = {}
        aside: list[LoggedFact] = []
        touch = Happened.TOUCH
        for f in facts:
            day, aid = f.date, f.account_id
            when = (day, starts.get(f.rep_id, 0))
            week = weeks.get(when)
            if week is None:
                week = weeks[when] = working_week_of(*when)
            tier = tiers.get(aid, OUTSIDE) if aid else OUTSIDE
            key = (f.rep_id, week, f.kind, f.channel, tier)
            kinds[key] = kinds.get(key, 0) + 1
            if aid in dream:
                self.dream_days[aid].append(day)
            if f.kind is not touch:
                aside.append(f)
            elif tier == OUTSIDE:
                self.weeks[f.rep_id, week].outside[f.account_name or "(no account)"] += 1
        counted: dict[tuple[Happened, object], tuple[Counts, ...]] = {}
        for (rep_id, week, kind, channel, tier), n in kinds.items():
            tally = self.weeks[rep_id, week]
            towards = counted.get((kind, channel))
            if towards is None:  # what a kind of fact counts towards, asked once per kind
                towards = counted[kind, channel] = _counts_towards(kind, channel)
            for k in towards:
                tally.counts[k] += n
            if kind is Happened.TOUCH:
                tally.by_channel[channel or NO_CHANNEL] += n
                tally.by_tier[tier] += n
        self._judge_opportunities(plan, aside, weeks, starts, timedelta(days=meeting_days))

    def _judge_opportunities(self, plan: Plan, facts: Sequence[LoggedFact],
                             weeks: dict[tuple[date, int], str], starts: dict[str, int],
                             window: timedelta) -> None:
        """Each opportunity among ``facts`` (the meetings and opportunities) judged against the
        plan's definition (see the module's docstring)."""
        defined = bool(plan.qualification.criteria)
        opportunities = [f for f in facts if f.kind is Happened.OPPORTUNITY]
        meetings: dict[str, list[date]] = defaultdict(list)
        if defined and opportunities:
            for fact in facts:
                if fact.kind is Happened.MEETING:
                    key = account_key(fact)
                    if key:
                        meetings[key].append(fact.date)
            for days in meetings.values():
                days.sort()
        for fact in opportunities:
            tally = self.weeks[fact.rep_id, weeks[fact.date, starts.get(fact.rep_id, 0)]]
            days = meetings.get(account_key(fact), [])
            i = bisect_left(days, fact.date - window)
            if not defined or (i < len(days) and days[i] <= fact.date):
                tally.qualified += 1
            else:
                tally.unqualified.append(fact)

    def of(self, rep_id: str, week: str) -> WeekTally:
        return self.weeks.get((rep_id, week)) or WeekTally()


# --- the counts per rep and day, kept per log of facts -------------------------------------------
_KEEP = 4
_daily: list[tuple[FactLog, dict[str, dict[date, Counter[Counts]]]]] = []


def daily_counts(facts: FactLog) -> dict[str, dict[date, Counter[Counts]]]:
    """Rep id -> day -> what the rep's facts of that day count, per kind of target.

    A few thousand small counters for 100,000 facts: what a rep's scorecard needs, sent to the
    preview's render worker instead of the facts. Kept for the last few logs by identity (a log
    never changes: an import makes a new one), so a preview after each edit counts nothing
    again. The log is kept with its counts, so its id is not reused."""
    for kept, counted in _daily:
        if kept is facts:
            return counted
    kinds: Counter[tuple[str, date, Happened, object]] = Counter(
        (f.rep_id, f.date, f.kind, f.channel) for f in facts)
    counted = {}
    towards: dict[tuple[Happened, object], tuple[Counts, ...]] = {}
    for (rep_id, day, kind, channel), n in kinds.items():
        ways = towards.get((kind, channel))
        if ways is None:
            ways = towards[kind, channel] = _counts_towards(kind, channel)
        days = counted.get(rep_id)
        if days is None:
            days = counted[rep_id] = {}
        day_counts = days.get(day)
        if day_counts is None:
            day_counts = days[day] = Counter()
        for k in ways:
            day_counts[k] += n
    _daily.insert(0, (facts, counted))
    del _daily[_KEEP:]
    return counted


def _counts_towards(kind: Happened, channel: object) -> tuple[Counts, ...]:
    """The kinds of target a fact of ``kind`` made on ``channel`` counts towards."""
    probe = LoggedFact(key="probe", kind=kind, rep_id="probe", date=_PROBE_DAY,
                       channel=channel, source=Source.MANUAL)
    return tuple(k for k in _KINDS if counts_towards(probe, k))
