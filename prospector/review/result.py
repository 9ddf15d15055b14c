"""The weekly review as data: what the CLI prints, the PDF lays out and the app shows.

Frozen dataclasses; ``WeeklyReview.to_dict()`` is plain JSON (dates as ISO strings) for
``prospector review --format json``. Goals are per week: a monthly target's goal is pro-rated to
a week (``per_rep x 12 / 52``), so every figure in a row compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Any

from ..coach.engine import Finding

MONTH_TO_WEEK = 12 / 52  # a monthly target pro-rated to one week


@dataclass(frozen=True, slots=True)
class TargetWeek:
    """One target, one rep, one week: the goal, and what the rep did."""

    week: str
    goal: float | None  # None: the rep had not started that week
    actual: float | None  # None: a target counted by hand with no figure entered
    by_hand: bool = False  # the leader entered this figure (it overrides the imported facts)

    @property
    def below(self) -> bool:
        """Below a goal there was (a week with no figure entered is not judged)."""
        return bool(self.goal) and self.actual is not None and self.actual < (self.goal or 0)


@dataclass(frozen=True, slots=True)
class TargetLine:
    """A rep's figure against one target in the week reviewed, and its series so far."""

    metric: str
    counts: str  # what the target counts (``Counts``)
    period: str  # "week" or "month" (a month's goal is pro-rated to the week)
    per_rep: float  # the target as the plan states it, per its period
    this_week: TargetWeek
    series: tuple[TargetWeek, ...]  # the plan's first week to the week reviewed
    @property
    def below_two_weeks(self) -> bool:
        """Below its goal this week and the week before."""
        return self.weeks_below >= 2

    @property
    def weeks_below(self) -> int:
        """How many weeks running, up to the week reviewed, the rep has been below the goal
        (0 when not below this week)."""
        running = 0
        for week in reversed(self.series):
            if not week.below:
                break
            running += 1
        return running


@dataclass(frozen=True, slots=True)
class RepWeek:
    """One rep in the week reviewed."""

    rep_id: str
    rep_name: str
    first_day: date  # the rep's working week reviewed: Monday to Friday, or Sunday to Thursday
    last_day: date
    targets: tuple[TargetLine, ...]
    touches: int
    meetings: int
    opportunities: int
    qualified_opportunities: int  # of ``opportunities``, those meeting the plan's definition
    touches_by_channel: dict[str, int]
    touches_by_tier: dict[str, int]  # "A", "B", "C", "outside"
    touches_planned_to_date: int  # from the start to the week reviewed (build._planned_touches)
    touches_logged_to_date: int
    outside_plan: dict[str, int]  # account name (as exported) -> touches this week
    findings: tuple[Finding, ...] = ()  # the coach on this rep's actuals


@dataclass(frozen=True, slots=True)
class ColdAccount:
    """A dream client (tier A) no one has touched in the last weeks."""

    account_id: str
    name: str
    owners: tuple[str, ...]  # the reps it is assigned to
    last_touched: date | None  # None: never


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    plan_id: str
    plan_name: str
    week: str  # the week reviewed, e.g. 2027-W05
    monday: date
    weeks: tuple[str, ...]  # the series' weeks: the plan's first week to the week reviewed
    plan_weeks: tuple[str, ...]  # every week of the plan
    has_actuals: bool
    definition: str  # how an opportunity is judged against the plan's definition (a Note)
    reps: tuple[RepWeek, ...]
    cold_accounts: tuple[ColdAccount, ...]
    cold_weeks: int
    findings: tuple[Finding, ...]  # every rep's, in rep order

    def rep(self, rep_id: str) -> RepWeek | None:
        return next((r for r in self.reps if r.rep_id == rep_id), None)

    @property
    def below_two_weeks(self) -> list[tuple[RepWeek, TargetLine]]:
        """Reps below a target two weeks running, with the target."""
        return [(r, t) for r in self.reps for t in r.targets if t.below_two_weeks]

    def team_series(self, index: int) -> tuple[TargetWeek, ...]:
        """The team's figure for the plan's target ``index`` each week (for a chart): the reps'
        goals and actuals summed; a week's actual is None when no rep has one (a target counted
        by hand with nothing entered)."""
        out = []
        for i, week in enumerate(self.weeks):
            cells = [r.targets[index].series[i] for r in self.reps]
            goals = [c.goal for c in cells if c.goal is not None]
            actuals = [c.actual for c in cells if c.actual is not None]
            out.append(TargetWeek(week, sum(goals) if goals else None,
                                  sum(actuals) if actuals else None,
                                  any(c.by_hand for c in cells)))
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        out["below_two_weeks"] = [{"rep": r.rep_name, "metric": t.metric}
                                  for r, t in self.below_two_weeks]
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, Finding):
        return value.to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        if isinstance(value, TargetWeek):
            out["below"] = value.below
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value
