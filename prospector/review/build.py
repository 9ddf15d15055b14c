"""``weekly_review(plan, week)``: the plan's actuals against its targets, for one ISO week.

Per rep: each target's goal and actual for the week and the weeks before (a series for a chart),
touches by channel and by tier, opportunities created and those meeting the plan's definition
(``tally.py``), touches on accounts outside the plan, the touches the rep's schedule planned to
date (the touches target's goals, or the schedule's touches where they are more) against those
logged, and the coach's findings on the rep's actuals. For the team: reps
below a target two weeks running, and dream clients (tier A) untouched for ``cold_weeks`` weeks.

- A weekly target's goal is its ``per_rep`` each week; a monthly one is pro-rated to the week
  (``per_rep x 12 / 52``). A rep's goals start in the week of the rep's start date (the plan's
  when the rep has none): earlier weeks have no goal.
- What a target counts is ``counting.py``'s: a figure the leader entered by hand for a rep, week
  and target is that week's actual, instead of the facts imported; a target counted by hand with
  no figure entered has no actual (shown as not entered, never as zero).
- The touches and meetings the coach weighs follow the same rule: a figure entered by hand for a
  target counting touches (meetings) replaces that week's imported touches (meetings).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Generator
from datetime import date, timedelta

from ..actuals.counting import Counts
from ..actuals.weekly import week_start, working_week_of, working_week_start
from ..coach.thresholds import THRESHOLDS, Thresholds
from ..messages import Note
from ..model import Plan, Rep, Target
from ..schedule import week_start as first_weekday
from .coach import RepWeeks, coach_rep
from .pace import PlannedPace, pace_steps
from .result import MONTH_TO_WEEK, ColdAccount, RepWeek, TargetLine, TargetWeek, WeeklyReview
from .summary import daily_counts, run_to_end
from .tally import Tally, WeekTally
from .weeks import (
    default_week,
    parse_week,
    plan_weeks,
    rep_first_weekdays,
    rep_weekend,
    shift,
    working_days,
)


def weekly_goal(target: Target) -> float:
    return target.per_rep * (MONTH_TO_WEEK if target.period == "month" else 1)


def weekly_review(plan: Plan, week: str | None = None, *, today: date | None = None,
                  thresholds: Thresholds = THRESHOLDS, language: str = "en") -> WeeklyReview:
    """The review of ``week`` (``2027-W05``; default: the last full week within the plan's
    period, as of ``today``), the coach's findings on it written in ``language``. ``ReviewError``
    for a week that is not one or is outside the plan."""
    return run_to_end(review_steps(plan, week, today=today, thresholds=thresholds,
                                   language=language))


def review_steps(plan: Plan, week: str | None = None, *, today: date | None = None,
                 thresholds: Thresholds = THRESHOLDS,
                 language: str = "en") -> Generator[None, None, WeeklyReview]:
    """``weekly_review`` in steps of a few milliseconds each (the facts summed, the schedules
    built, the facts counted, each rep reviewed), for the app to run between two frames."""
    tally = yield from Tally.steps(plan, thresholds.opportunity_meeting_days)  # sums the facts
    pace = yield from pace_steps(plan)
    weeks_all = plan_weeks(plan)
    week = (parse_week(plan, week, weeks_all) if week is not None
            else default_week(plan, today or date.today(), weeks_all))
    weeks = weeks_all[:weeks_all.index(week) + 1]
    review = _Review(plan, week, weeks, thresholds, tally, pace, language)
    return (yield from review.build(weeks_all))


class _Review:
    def __init__(self, plan: Plan, week: str, weeks: list[str], th: Thresholds, tally: Tally,
                 pace: PlannedPace, language: str) -> None:
        self.plan, self.week, self.weeks, self.th = plan, week, weeks, th
        self.language = language
        self.tally = tally
        self.targets = plan.accountability.targets
        self.by_hand: dict[tuple[str, str, str], float] = {
            (f.rep_id, f.week, f.metric.casefold()): f.value for f in plan.actuals.weekly}
        self.pace = pace
        self.monday = week_start(week)
        self.window = weeks[-th.outcome_window_weeks:]
        self.plan_start = plan.basics.start_date
        self.weekends = {rep.id: rep_weekend(plan, rep) for rep in plan.reps}

    def build(self, weeks_all: list[str]) -> Generator[None, None, WeeklyReview]:
        cold = self._cold_accounts()
        reps: list[RepWeek] = []
        for rep in self.plan.reps:
            yield
            reps.append(self._rep(rep, cold))
        criteria = ", ".join(c.name for c in self.plan.qualification.criteria)
        definition = (
            Note("An opportunity meets the plan's definition ({criteria}) when a meeting with its "
                 "account was logged on its creation day or in the {days} days before.",
                 criteria=criteria, days=self.th.opportunity_meeting_days) if criteria else
            Note("The plan defines no qualification criteria: every opportunity created counts."))
        return WeeklyReview(
            plan_id=self.plan.id, plan_name=self.plan.name, week=self.week, monday=self.monday,
            weeks=tuple(self.weeks), plan_weeks=tuple(weeks_all),
            has_actuals=not self.plan.actuals.is_empty(), definition=definition, reps=tuple(reps),
            cold_accounts=cold, cold_weeks=self.th.cold_weeks,
            findings=tuple(f for r in reps for f in r.findings))

    # --- one rep ---------------------------------------------------------------------------
    def _logged(self, rep_id: str, week: str, counts: Counts, tally: WeekTally) -> float:
        """What the rep did that counts ``counts``: a hand-entered figure of a target counting
        it, else the imported facts."""
        for target in self.targets:
            if target.counts is counts:
                value = self.by_hand.get((rep_id, week, target.metric.casefold()))
                if value is not None:
                    return value
        return tally.counts[counts]

    def _target_week(self, rep_id: str, target: Target, week: str, started: str,
                     tally: WeekTally) -> TargetWeek:
        goal = weekly_goal(target) if week >= started else None
        value = self.by_hand.get((rep_id, week, target.metric.casefold()))
        if value is not None:
            return TargetWeek(week, goal, value, True)
        if target.counts is Counts.HAND_ENTERED:
            return TargetWeek(week, goal, None)
        if target.counts is Counts.OPPORTUNITIES:  # against the plan's definition (METHOD.md)
            return TargetWeek(week, goal, float(tally.qualified))
        return TargetWeek(week, goal, float(tally.counts[target.counts]))

    def _rep(self, rep: Rep, cold: tuple[ColdAccount, ...]) -> RepWeek:
        weekend = self.weekends[rep.id]
        first_day, last_day = working_days(self.week, weekend)
        start = rep.start_date or self.plan_start
        started = working_week_of(start, first_weekday(weekend)) if start else self.weeks[0]
        tallies = {w: self.tally.of(rep.id, w) for w in self.weeks}
        lines = []
        for target in self.targets:
            series = tuple(self._target_week(rep.id, target, w, started, tallies[w])
                           for w in self.weeks)
            lines.append(TargetLine(
                target.metric, target.counts.value, target.period, target.per_rep, series[-1],
                series))
        now = tallies[self.week]
        planned = self.pace.touches.get(rep.id) or Counter()
        window = [tallies[w] for w in self.window]
        logged_to_date = sum(self._logged(rep.id, w, Counts.TOUCHES, tallies[w])
                             for w in self.weeks)
        owned = set(rep.account_ids)
        weeks = RepWeeks(
            rep.id, rep.name, len(self.window),
            round(sum(self._logged(rep.id, w, Counts.TOUCHES, t)
                      for w, t in zip(self.window, window, strict=True))),
            round(sum(self._logged(rep.id, w, Counts.MEETINGS, t)
                      for w, t in zip(self.window, window, strict=True))),
            self._planned_touches(planned, started), round(logged_to_date),
            tuple(a for a in cold if a.account_id in owned),
            tuple(self._account_name(f.account_id, f.account_name) for f in now.unqualified))
        return RepWeek(
            rep_id=rep.id, rep_name=rep.name, first_day=first_day, last_day=last_day,
            targets=tuple(lines),
            touches=now.counts[Counts.TOUCHES], meetings=now.counts[Counts.MEETINGS],
            opportunities=now.counts[Counts.OPPORTUNITIES],
            qualified_opportunities=now.qualified,
            touches_by_channel={str(k): n for k, n in now.by_channel.most_common()},
            touches_by_tier={t: now.by_tier[t] for t in sorted(now.by_tier)},
            touches_planned_to_date=weeks.planned_to_date,
            touches_logged_to_date=weeks.logged_to_date,
            outside_plan=dict(now.outside.most_common()),
            findings=coach_rep(weeks, self.th, self.language))

    def _planned_touches(self, scheduled: Counter[str], started: str) -> int:
        """The touches the plan set the rep from the start to the week reviewed: each week, the
        goal of the plan's target counting touches (45 a week), or the touches the rep's
        schedule planned that week (its cadences on the rep's accounts, a few a week while the
        waves start) when they are more. A plan with no target counting touches: the schedule's.
        """
        goal = max((weekly_goal(t) for t in self.targets if t.counts is Counts.TOUCHES),
                   default=0.0)
        return round(sum(max(goal if week >= started else 0.0, scheduled.get(week, 0))
                         for week in self.weeks))

    def _account_name(self, account_id: str | None, exported: str) -> str:
        account = self.plan.account(account_id) if account_id else None
        return account.name if account else exported or "(no account)"

    # --- the team --------------------------------------------------------------------------
    def _cold_accounts(self) -> tuple[ColdAccount, ...]:
        """Tier A accounts with nothing logged in the last ``cold_weeks`` weeks (up to the week
        reviewed), whose schedule had started by the first of those weeks. The weeks are the
        working weeks of the account's (first) rep: from a Sunday for an Israeli rep."""
        first_week = shift(self.week, 1 - self.th.cold_weeks)  # before the plan, if it is new
        plan_start = self.plan.basics.start_date or week_start(self.weeks[0])
        owners: dict[str, list[str]] = defaultdict(list)
        starts_on: dict[str, int] = {}  # account -> the weekday its first rep's week starts on
        for rep in self.plan.reps:
            weekday = first_weekday(self.weekends[rep.id])
            for aid in dict.fromkeys(rep.account_ids):
                owners[aid].append(rep.name)
                starts_on.setdefault(aid, weekday)
        cold = []
        for account in self.plan.accounts_in_tier("A"):
            weekday = starts_on.get(account.id, 0)
            since = working_week_start(first_week, weekday)
            until = working_week_start(self.week, weekday) + timedelta(days=6)
            if self.pace.account_starts.get(account.id, plan_start) > since:
                continue
            logged = sorted(d for d in self.tally.dream_days.get(account.id, ()) if d <= until)
            if not logged or logged[-1] < since:
                cold.append(ColdAccount(account.id, account.name, tuple(owners[account.id]),
                                        logged[-1] if logged else None))
        return tuple(cold)



def rep_actuals_by_week(plan: Plan, rep_id: str) -> dict[str, list[float | None]]:
    """Each ISO week in which the rep has actuals (a fact imported or a figure entered) -> the
    rep's actual for each of the plan's targets, in order (None: a target counted by hand with
    no figure entered that week), counted as ``weekly_review`` counts them. For the rep's
    scorecard, filled with what is known: a few numbers a week, which the preview sends to its
    render worker instead of the facts (the facts' counts are kept per log: ``daily_counts``)."""
    by_hand = {(f.week, f.metric.casefold()): f.value
               for f in plan.actuals.weekly if f.rep_id == rep_id}
    counted: dict[str, Counter[Counts]] = defaultdict(Counter)
    rep = next((r for r in plan.reps if r.id == rep_id), None)
    first = first_weekday(rep_weekend(plan, rep)) if rep else 0
    for day, counts in daily_counts(plan.actuals.facts).get(rep_id, {}).items():
        counted[working_week_of(day, first)].update(counts)
    out: dict[str, list[float | None]] = {}
    judged = (Tally.of_plan(plan, THRESHOLDS.opportunity_meeting_days)
              if any(t.counts is Counts.OPPORTUNITIES for t in plan.accountability.targets)
              else None)
    for week in sorted(counted.keys() | {w for w, _ in by_hand}):
        values: list[float | None] = []
        for target in plan.accountability.targets:
            value = by_hand.get((week, target.metric.casefold()))
            if value is None and judged is not None and target.counts is Counts.OPPORTUNITIES:
                value = float(judged.of(rep_id, week).qualified)  # against the definition
            elif value is None and target.counts is not Counts.HAND_ENTERED:
                value = float(counted[week][target.counts])
            values.append(value)
        out[week] = values
    return out


def rep_weekly_counts(plan: Plan, counts: Counts) -> Counter[tuple[str, str]]:
    """How many imported facts count towards a target that counts ``counts``, per (rep id,
    week), each rep's weeks being the rep's working weeks (as the review counts them): the
    figures the weekly grid shows beside those entered by hand."""
    firsts = rep_first_weekdays(plan)
    found: Counter[tuple[str, str]] = Counter()
    if counts is Counts.HAND_ENTERED:
        return found
    if counts is Counts.OPPORTUNITIES:  # those meeting the plan's definition, as the review
        judged = Tally.of_plan(plan, THRESHOLDS.opportunity_meeting_days)
        found.update({key: week.qualified for key, week in judged.weeks.items() if week.qualified})
        return found
    for rep_id, days in daily_counts(plan.actuals.facts).items():
        first = firsts.get(rep_id, 0)
        for day, counted in days.items():
            if counted[counts]:
                found[rep_id, working_week_of(day, first)] += counted[counts]
    return found
