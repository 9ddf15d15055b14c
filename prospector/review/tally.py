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

The targets count as ``counting.py`` says (``counts_towards``), but an opportunities target
counts against the plan's definition, as METHOD.md has it ("the leader picks one and the
accountability targets count against it"): the opportunities that meet it (``qualified``), in
the review, the rep's scorecard and the weekly grid alike; the review still says how many were
created.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..actuals.counting import Counts
from ..actuals.records import Happened, LoggedFact
from ..actuals.weekly import working_week_of
from ..model import Plan
from ..textnorm import fold
from .summary import FACTS_PER_STEP as STEP
from .summary import counts_towards_kinds, run_to_end, summary_steps
from .weeks import rep_first_weekdays

OUTSIDE = "outside"  # the tier of an account outside the plan
NO_CHANNEL = "unknown"  # the channel of a touch whose CRM type says nothing of it


@dataclass(slots=True)
class WeekTally:
    """One rep's facts in one week."""

    counts: Counter[Counts] = field(default_factory=Counter)
    by_channel: Counter[object] = field(default_factory=Counter)  # a Channel, or NO_CHANNEL
    by_tier: Counter[str] = field(default_factory=Counter)
    qualified: int = 0  # opportunities that meet the plan's definition
    unqualified: list[LoggedFact] = field(default_factory=list)
    outside: Counter[str] = field(default_factory=Counter)  # account name -> touches


_KEEP = 4
_tallies: list[tuple[tuple, Tally]] = []  # the last few, by the sums and what else they count by
_lock = threading.Lock()


def account_key(fact: LoggedFact) -> str:
    return fact.account_id or ("~" + fold(fact.account_name) if fact.account_name else "")


class Tally:
    """Every fact of the plan's actuals, counted per rep and week (built once per review) from
    the facts' sums (``summary.py``: one pass over the facts per log). ``Tally.steps`` counts
    in steps (see ``summary.py``); ``Tally.of_plan`` at once."""

    def __init__(self) -> None:
        self.weeks: dict[tuple[str, str], WeekTally] = defaultdict(WeekTally)
        self.dream_days: dict[str, list[date]] = defaultdict(list)  # tier A account -> days

    @classmethod
    def of_plan(cls, plan: Plan, meeting_days: int) -> Tally:
        return run_to_end(cls.steps(plan, meeting_days))

    @classmethod
    def steps(cls, plan: Plan, meeting_days: int) -> Generator[None, None, Tally]:
        self = cls()
        summary = yield from summary_steps(plan.actuals.facts)
        tiers = {a.id: a.tier for a in plan.accounts}
        dream = {a.id for a in plan.accounts if a.tier == "A"}
        # a rep's week is the rep's working week (weeks.py): Sunday-Thursday in Israel
        starts = rep_first_weekdays(plan)
        # what the counts depend on besides the facts: another week reviewed counts nothing again
        kept = (summary, tuple(tiers.items()), tuple(starts.items()),
                bool(plan.qualification.criteria), meeting_days)
        with _lock:
            known = next((tally for key, tally in _tallies if key == kept), None)
        if known is not None:
            return known
        weeks: dict[tuple[date, int], str] = {}
        # What the counts depend on (a few hundred distinct keys, counted once each below),
        # the dream clients' days, and touches outside the plan.
        kinds: dict[tuple, int] = {}
        touch = Happened.TOUCH
        for i, ((rep_id, day, kind, channel, aid, name), n) in enumerate(summary.sums.items()):
            if i % STEP == STEP - 1:
                yield
            when = (day, starts.get(rep_id, 0))
            week = weeks.get(when)
            if week is None:
                week = weeks[when] = working_week_of(*when)
            tier = tiers.get(aid, OUTSIDE) if aid else OUTSIDE
            key = (rep_id, week, kind, channel, tier)
            kinds[key] = kinds.get(key, 0) + n
            if aid in dream:
                self.dream_days[aid].append(day)
            if kind is touch and tier == OUTSIDE:
                self.weeks[rep_id, week].outside[name or "(no account)"] += n
        yield
        counted: dict[tuple[Happened, object], tuple[Counts, ...]] = {}
        for (rep_id, week, kind, channel, tier), n in kinds.items():
            tally = self.weeks[rep_id, week]
            towards = counted.get((kind, channel))
            if towards is None:  # what a kind of fact counts towards, asked once per kind
                towards = counted[kind, channel] = counts_towards_kinds(kind, channel)
            for k in towards:
                tally.counts[k] += n
            if kind is Happened.TOUCH:
                tally.by_channel[channel or NO_CHANNEL] += n
                tally.by_tier[tier] += n
        for aid in self.dream_days:
            self.dream_days[aid].sort()
        yield
        yield from self._judge_opportunities(plan, summary.meetings, summary.opportunities,
                                             weeks, starts, timedelta(days=meeting_days))
        with _lock:
            _tallies.insert(0, (kept, self))
            del _tallies[_KEEP:]
        return self

    def _judge_opportunities(self, plan: Plan, held: Sequence[LoggedFact],
                             opportunities: Sequence[LoggedFact],
                             weeks: dict[tuple[date, int], str], starts: dict[str, int],
                             window: timedelta) -> Generator[None, None, None]:
        """Each opportunity judged against the plan's definition by the meetings ``held`` (see
        the module's docstring), in steps."""
        defined = bool(plan.qualification.criteria)
        meetings: dict[str, list[date]] = defaultdict(list)
        if defined and opportunities:
            for i, fact in enumerate(held):
                if i % STEP == STEP - 1:
                    yield
                key = account_key(fact)
                if key:
                    meetings[key].append(fact.date)
            yield
            for days in meetings.values():
                days.sort()
        for i, fact in enumerate(opportunities):
            if i % STEP == STEP - 1:
                yield
            tally = self.weeks[fact.rep_id, weeks[fact.date, starts.get(fact.rep_id, 0)]]
            days = meetings.get(account_key(fact), [])
            i = bisect_left(days, fact.date - window)
            if not defined or (i < len(days) and days[i] <= fact.date):
                tally.qualified += 1
            else:
                tally.unqualified.append(fact)

    def of(self, rep_id: str, week: str) -> WeekTally:
        return self.weeks.get((rep_id, week)) or WeekTally()
