"""The facts summed once per log: how many facts of each rep, day, kind, channel and account.

A plan can hold 100,000 imported facts, and the review, the rep's scorecard and the weekly grid
all count them. The facts never change once imported (an import makes a new ``FactLog``), so one
pass sums them by what the counting depends on: rep, day, kind, channel and account (from a
few thousand keys for 100,000 facts to half as many keys as facts, for facts spread thinly over
many accounts), keeping the
meetings and opportunities aside (the plan's definition of an opportunity looks at each). Every
review after that works from the sums, whatever the week, the plan's accounts or the reps' places.

The pass is a generator (``summary_steps``) that yields every ``FACTS_PER_STEP`` facts, so the
app can run it in slices on its own thread between two frames (``ui/actuals_review.py``) instead
of in a thread that would hold Python's lock for the whole pass; ``fact_summary`` runs it at once.
Summaries are kept for the last few logs by identity, with the log (so its id is not reused).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from ..actuals.counting import Counts, counts_towards
from ..actuals.fact_log import FactLog
from ..actuals.records import Happened, LoggedFact, Source

FACTS_PER_STEP = 1_000
T = TypeVar("T")
_KEEP = 4
_PROBE_DAY = date(2027, 1, 4)
_KINDS = (Counts.TOUCHES, Counts.CONVERSATIONS, Counts.MEETINGS, Counts.OPPORTUNITIES)

# (rep id, day, kind, channel, account id, account name as exported)
SumKey = tuple[str, date, Happened, object, str | None, str]


@dataclass(frozen=True, slots=True, eq=False)  # equal only to itself: compared by identity
class FactSummary:
    sums: dict[SumKey, int]  # how many facts have each key
    meetings: tuple[LoggedFact, ...]  # in the order imported
    opportunities: tuple[LoggedFact, ...]
    days: frozenset[date]  # every day with a fact


_kept: list[tuple[FactLog, FactSummary]] = []
_daily: list[tuple[FactSummary, dict[str, dict[date, Counter[Counts]]]]] = []
_lock = threading.Lock()  # the caches, read by the app's thread and a render or counting one


def _known(facts: FactLog) -> FactSummary | None:
    with _lock:
        return next((summary for kept, summary in _kept if kept is facts), None)


def is_summed(facts: FactLog) -> bool:
    """Whether ``facts`` were summed already (counting from them costs no pass over them)."""
    return _known(facts) is not None


def summary_steps(facts: FactLog) -> Generator[None, None, FactSummary]:
    """Sum ``facts`` (see the module), yielding every ``FACTS_PER_STEP`` facts; returns the
    summary (at once when this log was summed before)."""
    known = _known(facts)
    if known is not None:
        return known
    sums: dict[SumKey, int] = {}
    meetings: list[LoggedFact] = []
    opportunities: list[LoggedFact] = []
    days: set[date] = set()
    meeting, opportunity = Happened.MEETING, Happened.OPPORTUNITY
    for start in range(0, len(facts), FACTS_PER_STEP):
        for f in facts[start:start + FACTS_PER_STEP]:
            day, kind = f.date, f.kind  # a field read costs ~0.8 us: each read once
            key = (f.rep_id, day, kind, f.channel, f.account_id, f.account_name)
            sums[key] = sums.get(key, 0) + 1
            days.add(day)
            if kind is meeting:
                meetings.append(f)
            elif kind is opportunity:
                opportunities.append(f)
        yield
    summary = FactSummary(sums, tuple(meetings), tuple(opportunities), frozenset(days))
    with _lock:
        _kept.insert(0, (facts, summary))
        del _kept[_KEEP:]
    return summary


def run_to_end(steps: Generator[None, None, T]) -> T:
    """What a generator of steps returns, its steps run at once."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def fact_summary(facts: FactLog) -> FactSummary:
    """``summary_steps`` run to its end."""
    return run_to_end(summary_steps(facts))


def counts_towards_kinds(kind: Happened, channel: object) -> tuple[Counts, ...]:
    """The kinds of target a fact of ``kind`` made on ``channel`` counts towards."""
    probe = LoggedFact(key="probe", kind=kind, rep_id="probe", date=_PROBE_DAY,
                       channel=channel, source=Source.MANUAL)
    return tuple(k for k in _KINDS if counts_towards(probe, k))


def daily_counts(facts: FactLog) -> dict[str, dict[date, Counter[Counts]]]:
    """Rep id -> day -> what the rep's facts of that day count, per kind of target: what a rep's
    scorecard needs, sent to the preview's render worker instead of the facts."""
    summary = fact_summary(facts)
    with _lock:
        known = next((daily for kept, daily in _daily if kept is summary), None)
    if known is not None:
        return known
    counted: dict[str, dict[date, Counter[Counts]]] = {}
    towards: dict[tuple[Happened, object], tuple[Counts, ...]] = {}
    for (rep_id, day, kind, channel, _aid, _name), n in summary.sums.items():
        ways = towards.get((kind, channel))
        if ways is None:
            ways = towards[kind, channel] = counts_towards_kinds(kind, channel)
        day_counts = counted.setdefault(rep_id, {}).setdefault(day, Counter())
        for k in ways:
            day_counts[k] += n
    with _lock:
        _daily.insert(0, (summary, counted))
        del _daily[_KEEP:]
    return counted
