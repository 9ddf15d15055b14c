"""A rep's dated schedule: each account's cadence laid out on business days from a start date.

Rules (the promises the tests check):
- touches fall on business days only: not on the weekend or a public holiday of where the rep
  works (``holiday_place``: the rep's country and subdivision, else the plan's; Saturday and
  Sunday in Germany, Friday and Saturday in Israel; Bavaria's holidays for a rep in Bavaria);
- every account gets every step of its cadence (``plan.cadence_for``), in order, and a step is
  never closer to the step before it than the cadence says (a step on day 7 after one on day 3 is
  at least 4 calendar days later); moving off a weekend only ever makes gaps longer;
- no day has more touches than the rep's capacity (``accountability.daily_touch_capacity``).

How: accounts are taken dream clients first (tier A, B, C, then the order of the rep's list).
They start in waves spread over the campaign (see ``wave_dates``): when the plan has an end date,
wave 1 starts on the start date and the last wave late enough for every one of the rep's
cadences to end by the plan's end date as it is laid out (on business days: a step moved off a
weekend or a holiday moves the steps after it, so a cadence of 119 days may take 128), at most
one wave a week, the accounts shared evenly among the waves in that order. ``all_at_once=True``
(or a plan with no end date, or a campaign shorter than a cadence) starts every account in wave
1. Each account starts on the earliest business day, on or after its wave's date, from which its
whole cadence fits under the capacity as it stands, so accounts are staggered instead of
squeezed, and each keeps its cadence's rhythm; when the capacity taken pushes it past the plan's
end, it starts instead on the earliest day from the start where it fits, if that ends sooner.
Only a cadence with more same-day steps than the capacity allows cannot fit whole; its steps then
move to the next day with room. What still ends after the plan's end (a cadence longer than the
campaign, more accounts than the capacity has days for) is said by ``Schedule.past_end``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import groupby, pairwise
from typing import NamedTuple

from .business_days import SATURDAY_SUNDAY, BusinessCalendar
from .errors import ProspectorError
from .holiday_regions import HolidayCountryError, parse_place
from .messages import Note, Quoted
from .model import Cadence, CadenceStep, Channel, Plan, Rep, TargetAccount, check_plan_date
from .textnorm import fold, person_key

TIER_ORDER = {"A": 0, "B": 1, "C": 2}
_MAX_START_TRIES = 5000  # business days (20 years): far beyond any real plan


class ScheduleError(ProspectorError):
    pass


class ScheduledTouch(NamedTuple):
    """One touch a rep makes on one account on one business day (immutable; ``_asdict()``)."""

    date: date
    account_id: str
    account_name: str
    tier: str
    step_index: int  # 0-based position in the cadence's steps, ordered by day
    day_offset: int  # the step's day in the cadence
    channel: Channel
    touch_id: str | None
    touch_title: str
    objective: str
    talk_track: str
    is_ask: bool
    cadence_id: str = ""
    cadence_name: str = ""
    step_count: int = 0
    touch_value: str = ""

    @property
    def step_number(self) -> int:
        """1-based, for people: "step 3 of 13"."""
        return self.step_index + 1


@dataclass(frozen=True, slots=True)
class UnscheduledAccount:
    account_id: str
    account_name: str
    tier: str
    reason: str


class PastEnd(NamedTuple):
    """A schedule whose last touch falls after the plan's end, and why: ``"late_start"`` (it
    starts after the plan's end), ``"cadence"`` (``cadences``, the ids of those that end after
    it even started on the schedule's first day: longer than the campaign) or ``"capacity"``
    (every cadence fits the campaign, but not every account under the daily capacity)."""

    end: date  # the plan's end date
    last: date  # the schedule's last touch
    accounts: int  # how many accounts have touches after ``end``
    cause: str
    cadences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScheduleWeek:
    """The touches of one working week (Monday to Friday, or Sunday to Thursday where the
    weekend is Friday and Saturday); week 1 holds the schedule's start date."""

    number: int
    first_day: date  # the first day after the weekend
    touches: tuple[ScheduledTouch, ...]
    working_days: int = 5

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=self.working_days - 1)


def week_start(weekend: frozenset[int]) -> int:
    """The weekday a working week starts on: the first after the weekend (Monday by default)."""
    return next((d for d in (0, 6, 5, 1, 2, 3, 4) if d not in weekend
                 and (d - 1) % 7 in weekend), 0)


@dataclass(frozen=True)
class Schedule:
    plan_id: str
    plan_name: str
    rep_id: str
    rep_name: str
    rep_email: str
    start: date
    capacity: int
    country: str  # where the rep works ("" for nowhere in particular: weekends only)
    touches: tuple[ScheduledTouch, ...]  # by date, then tier, then the rep's account order
    account_starts: dict[str, date] = field(default_factory=dict)
    unscheduled: tuple[UnscheduledAccount, ...] = ()
    holidays: tuple[tuple[date, str], ...] = ()  # weekday holidays skipped, within the schedule
    waves: tuple[date, ...] = ()  # the earliest start of each wave of accounts (one: all at once)
    subdivision: str = ""  # the state, canton or region of ``country`` whose holidays apply
    weekend: frozenset[int] = SATURDAY_SUNDAY  # weekdays skipped (0 Monday ... 6 Sunday)
    past_end: PastEnd | None = None  # touches after the plan's end date, and why

    @property
    def first_day(self) -> date | None:
        return self.touches[0].date if self.touches else None

    @property
    def last_day(self) -> date | None:
        return self.touches[-1].date if self.touches else None

    def by_week(self) -> list[ScheduleWeek]:
        first = week_start(self.weekend)

        def week_of(day: date) -> date:
            return day - timedelta(days=(day.weekday() - first) % 7)

        first_week = week_of(self.start)
        working = 7 - len(self.weekend)
        return [ScheduleWeek((week - first_week).days // 7 + 1, week, tuple(items), working)
                for week, items in groupby(self.touches, key=lambda t: week_of(t.date))]

    def for_account(self, account_id: str) -> list[ScheduledTouch]:
        return [t for t in self.touches if t.account_id == account_id]

    def load_by_day(self) -> dict[date, int]:
        return dict(Counter(t.date for t in self.touches))


def find_rep(plan: Plan, ref: str) -> Rep:
    """A rep by id, name or email; accents and name order do not matter ("Mette Sorensen")."""
    wanted = ref.strip()
    rep = plan.rep_named(wanted) or next(
        (r for r in plan.reps if r.email and r.email.casefold() == wanted.casefold()), None)
    rep = rep or next((r for r in plan.reps if person_key(r.name) == person_key(wanted)), None)
    if rep is None:  # a first or last name alone, when only one rep has it
        hits = [r for r in plan.reps if fold(wanted) in fold(r.name).split()]
        rep = hits[0] if len(hits) == 1 else None
    if rep is not None:
        return rep
    if not plan.reps:
        raise ScheduleError(Note("the plan {plan} has no reps yet; add them in the app first",
                                 plan=Quoted(plan.name)))
    names = ", ".join(r.name for r in plan.reps)
    raise ScheduleError(f"no rep named {ref!r} in the plan {plan.name!r}; the reps are: {names}")


def rep_accounts(plan: Plan, rep: Rep,
                 by_id: dict[str, TargetAccount] | None = None) -> list[TargetAccount]:
    """The rep's accounts in the order they get start dates: tier A first, then the rep's order.
    ``by_id``: the plan's accounts by id, when the caller has them (one index for every rep)."""
    by_id = {a.id: a for a in plan.accounts} if by_id is None else by_id
    accounts = [by_id[aid] for aid in dict.fromkeys(rep.account_ids) if aid in by_id]
    return sorted(accounts, key=lambda a: TIER_ORDER.get(a.tier, 9))  # stable: keeps rep order


class ScheduleInputs(NamedTuple):
    """Everything a rep's schedule is laid out from (``lay_out``), as plain values: two equal
    inputs lay out the same dates, so the dates can be kept by their inputs (the review's pace).
    Names, touches and talk tracks are not among them: they only dress the dates."""

    start: date
    end: date | None  # the plan's end date, for the waves (None: every account at once)
    country: str
    subdivision: str
    capacity: int
    accounts: tuple[tuple[str, str, tuple[int, ...]], ...]  # account id, cadence id, step days


class LaidOut(NamedTuple):
    """Where ``lay_out`` put each account's steps: business-day indexes of ``calendar``."""

    calendar: BusinessCalendar
    waves: list[date]
    positions: list[list[int]]  # per account of the inputs, its steps' business days, in order

    def account_starts(self, inputs: ScheduleInputs) -> dict[str, date]:
        date_of = self.calendar.date_of
        return {aid: date_of(at[0])
                for (aid, _cadence, _days), at in zip(inputs.accounts, self.positions, strict=True)}

    def touches_by_day(self) -> Counter[date]:
        """How many touches fall on each day."""
        on_day = Counter(p for at in self.positions for p in at)
        date_of = self.calendar.date_of
        return Counter({date_of(p): n for p, n in on_day.items()})


def schedule_inputs(plan: Plan, rep: Rep, start: date, *, country: str | None = None,
                    capacity: int | None = None, all_at_once: bool = False,
                    by_id: dict[str, TargetAccount] | None = None) -> ScheduleInputs:
    """What ``build_schedule(plan, rep, start, ...)`` lays out from (its arguments are
    ``build_schedule``'s); ``ScheduleError`` for a start date, capacity or place it refuses."""
    return _scheduled(plan, rep, start, country, capacity, all_at_once, by_id)[0]


def _scheduled(plan: Plan, rep: Rep, start: date, country: str | None, capacity: int | None,
               all_at_once: bool, by_id: dict[str, TargetAccount] | None = None,
               ) -> tuple[ScheduleInputs, list[tuple[TargetAccount, Cadence, list[CadenceStep]]],
                          list[UnscheduledAccount]]:
    capacity = plan.accountability.daily_touch_capacity if capacity is None else capacity
    try:
        check_plan_date(start)  # dates far beyond a plan's would overflow the calendar
    except ValueError as exc:
        raise ScheduleError(Note("the schedule's start date {problem}",
                                 problem=exc.args[0] if exc.args else str(exc))) from None
    if capacity < 1:
        raise ScheduleError(Note("the daily touch capacity must be at least 1 (got {capacity})",
                                 capacity=capacity))
    if country is None:
        country, subdivision = holiday_place(plan, rep)
    else:
        try:
            country, subdivision = parse_place(country) if country.strip() else ("", "")
        except HolidayCountryError as exc:
            raise ScheduleError(exc.args[0]) from None
    unscheduled: list[UnscheduledAccount] = []
    scheduled: list[tuple[TargetAccount, Cadence, list[CadenceStep]]] = []
    laid_out: list[tuple[str, str, tuple[int, ...]]] = []
    steps_of: dict[int, tuple[list[CadenceStep], tuple[int, ...]]] = {}  # by id(cadence)
    cadence_of: dict[str, Cadence | None] = {}  # by tier: the cadence for an account is its tier's
    for account in rep_accounts(plan, rep, by_id):
        tier = account.tier
        cadence = (cadence_of[tier] if tier in cadence_of
                   else cadence_of.setdefault(tier, plan.cadence_for(account)))
        if cadence is None or not cadence.steps:
            reason = (f"no cadence is meant for tier {account.tier}" if cadence is None
                      else f"the cadence {cadence.name!r} has no steps")
            unscheduled.append(UnscheduledAccount(account.id, account.name, account.tier, reason))
            continue
        known = steps_of.get(id(cadence))
        if known is None:
            steps = cadence.ordered_steps()
            known = steps_of[id(cadence)] = (steps, tuple(s.day for s in steps))
        scheduled.append((account, cadence, known[0]))
        laid_out.append((account.id, cadence.id, known[1]))
    inputs = ScheduleInputs(start, None if all_at_once else plan.basics.end_date, country,
                            subdivision, capacity, tuple(laid_out))
    return inputs, scheduled, unscheduled


def lay_out(inputs: ScheduleInputs,
            calendars: dict[tuple[date, str, str], BusinessCalendar] | None = None) -> LaidOut:
    """The business days of every step of every account of ``inputs``, in waves (see the
    module's docstring): the dates of the rep's schedule, without the touches' words.
    ``calendars``: business calendars by start and place, to share between reps laid out
    together (one thread's own: a calendar grows as it is read)."""
    start = inputs.start
    place = (start, inputs.country, inputs.subdivision)
    calendar = calendars.get(place) if calendars is not None else None
    if calendar is None:
        calendar = BusinessCalendar(*place)
        if calendars is not None:
            calendars[place] = calendar
    planner = _Planner(calendar, inputs.capacity)
    accounts = inputs.accounts
    end = inputs.end
    # the last business day of the campaign: an account that would end after it from its wave
    # starts earlier, where it still fits under the capacity (when such a day exists)
    by = (calendar.index_at_or_after((end - start).days + 1) - 1
          if end is not None and end >= start else None)
    waves = wave_dates(len(accounts), start, _last_start(calendar, accounts, by))
    positions = []
    for n, (_aid, cadence_id, days) in enumerate(accounts):
        wave = waves[n * len(waves) // len(accounts)]
        positions.append(planner.place(cadence_id, days,
                                       calendar.index_at_or_after((wave - start).days), by))
    return LaidOut(calendar, waves, positions)


def _last_start(calendar: BusinessCalendar,
                accounts: Sequence[tuple[str, str, tuple[int, ...]]], by: int | None,
                ) -> date | None:
    """The last business day from which every cadence of ``accounts`` still has its last step
    on or before business day ``by`` (the plan's end), laid out as the schedule lays it out:
    a step moved off a weekend or a holiday moves the steps after it too, so a cadence of 119
    days takes more than 119 calendar days. None when there is no end, or a cadence does not
    fit even from the first day."""
    if by is None or by < 0:
        return None
    latest = by
    for days in {days for _a, _c, days in accounts}:
        if _last_step(calendar, days, 0) > by:
            return None
        low, high = 0, latest  # the answer is in [low, high]: layouts only move later
        while low < high:
            middle = (low + high + 1) // 2
            if _last_step(calendar, days, middle) <= by:
                low = middle
            else:
                high = middle - 1
        latest = low
    return calendar.date_of(latest)


def _last_step(calendar: BusinessCalendar, days: Sequence[int], start: int) -> int:
    """The business day of the last step of a cadence (``days``) started on business day
    ``start`` (``_Planner._layout``'s rule: each step the first business day at least its gap
    after the step before)."""
    position = calendar.days_after(start, days[0])
    for before, after in pairwise(days):
        if after > before:
            position = calendar.days_after(position, after - before)
    return position


def wave_dates(count: int, start: date, last_start: date | None) -> list[date]:
    """The earliest start of each wave of ``count`` accounts: ``start``, then Mondays evenly
    spread up to the week of ``last_start``, the last day from which every cadence still ends
    by the plan's end (``_last_start``); at most one wave a week and one an account. One wave
    (``start``) when there is no such room."""
    if count < 1:
        return []
    monday = start - timedelta(days=start.weekday())
    latest = last_start if last_start is not None else start
    weeks = (latest - monday).days // 7  # the last wave's week, counted from the first
    waves = min(count, weeks + 1)
    if waves <= 1:
        return [start]
    return [max(start, monday + timedelta(weeks=round(w * weeks / (waves - 1))))
            for w in range(waves)]


def _past_end(laid: LaidOut, inputs: ScheduleInputs, end: date | None) -> PastEnd | None:
    """Whether the schedule ``laid`` out from ``inputs`` ends after ``end``, and why."""
    if end is None:
        return None
    calendar = laid.calendar
    late = [(cadence, days) for (_aid, cadence, days), at in zip(inputs.accounts, laid.positions,
                                                                  strict=True)
            if at and calendar.date_of(at[-1]) > end]
    if not late:
        return None
    last = calendar.date_of(max(at[-1] for at in laid.positions if at))
    if end < inputs.start:
        return PastEnd(end, last, len(late), "late_start")
    by = calendar.index_at_or_after((end - inputs.start).days + 1) - 1
    longer = tuple(dict.fromkeys(c for c, days in late if _last_step(calendar, days, 0) > by))
    return PastEnd(end, last, len(late), "cadence" if longer else "capacity", longer)


@lru_cache(maxsize=64)
def past_end(inputs: ScheduleInputs) -> PastEnd | None:
    """Whether the schedule laid out from ``inputs`` ends after the plan's end (``inputs.end``),
    and why; kept by its inputs (the coach asks it for every rep on every review)."""
    return _past_end(lay_out(inputs), inputs, inputs.end)


def build_schedule(plan: Plan, rep: Rep, start: date, *, country: str | None = None,
                   capacity: int | None = None, all_at_once: bool = False) -> Schedule:
    """The rep's dated touches from ``start``, its accounts starting in waves over the plan's
    period (``wave_dates``) or, with ``all_at_once``, all from ``start`` as capacity allows.
    ``country`` ("DE", "DE-BY") and ``capacity`` override where the rep works (``holiday_place``)
    and the plan's daily capacity (``country=""`` skips Saturdays and Sundays only)."""
    inputs, scheduled, unscheduled = _scheduled(plan, rep, start, country, capacity, all_at_once)
    laid = lay_out(inputs)
    calendar = laid.calendar
    touches_by_id = {t.id: t for t in plan.touches}
    order = {aid: i for i, aid in enumerate(rep.account_ids)}
    touches: list[ScheduledTouch] = []
    for (account, cadence, steps), positions in zip(scheduled, laid.positions, strict=True):
        for index, (step, position) in enumerate(zip(steps, positions, strict=True)):
            touch = touches_by_id.get(step.touch_id) if step.touch_id else None
            touches.append(ScheduledTouch(
                date=calendar.date_of(position), account_id=account.id,
                account_name=account.name, tier=account.tier, step_index=index,
                day_offset=step.day, channel=step.channel, touch_id=step.touch_id,
                touch_title=touch.title if touch else step.channel.label,
                objective=step.objective, talk_track=touch.message if touch else "",
                is_ask=step.is_ask, cadence_id=cadence.id, cadence_name=cadence.name,
                step_count=len(steps), touch_value=touch.value if touch else "",
            ))
    touches.sort(key=lambda t: (t.date, TIER_ORDER.get(t.tier, 9), order.get(t.account_id, 0),
                                t.step_index))
    last = touches[-1].date if touches else start
    skipped = tuple(sorted((d, n) for d, n in calendar.holidays.items() if start <= d <= last))
    return Schedule(
        plan_id=plan.id, plan_name=plan.name, rep_id=rep.id, rep_name=rep.name,
        rep_email=rep.email, start=start, capacity=inputs.capacity, country=inputs.country,
        touches=tuple(touches), account_starts=laid.account_starts(inputs),
        unscheduled=tuple(unscheduled), holidays=skipped, waves=tuple(laid.waves),
        subdivision=inputs.subdivision, weekend=calendar.weekend,
        past_end=_past_end(laid, inputs, plan.basics.end_date),
    )


def holiday_place(plan: Plan, rep: Rep) -> tuple[str, str]:
    """Where the rep works, for the days their schedule skips: their own country and subdivision,
    else the plan's."""
    if rep.holiday_country:
        return rep.holiday_country, rep.holiday_subdivision
    a = plan.accountability
    return a.holiday_country, a.holiday_subdivision


class _Planner:
    """Places cadences on business-day indexes under a daily capacity."""

    def __init__(self, calendar: BusinessCalendar, capacity: int) -> None:
        self.calendar = calendar
        self.capacity = capacity
        self.load: list[int] = []
        self.full = bytearray()  # 1 where a business day has no room left (it stays full)
        self.first_open = 0  # no business day before this one has room left
        self._layouts: dict[str, list[tuple[int, ...] | None]] = {}
        self._shapes: dict[tuple[str, tuple[int, ...]], tuple[list[int], int]] = {}

    def place(self, cadence_key: str, days: Sequence[int], not_before: int = 0,
              by: int | None = None) -> list[int]:
        """Business-day indexes of the steps, the first on or after ``not_before``; when they
        would end after business day ``by`` (the plan's end), the earliest that fits instead,
        if that ends sooner (capacity taken by the accounts before it delayed this one)."""
        shape = self._shapes.get((cadence_key, tuple(days)))
        if shape is None:
            gaps = [days[0]] + [b - a for a, b in pairwise(days)]
            shape = self._shapes[cadence_key, tuple(days)] = (
                gaps, _longest_zero_run(gaps[1:]) + 1)
        gaps, same_day_run = shape
        first = max(self.first_open, not_before)
        if same_day_run > self.capacity:
            return self._commit(self._slide(gaps, first))
        layout = self._first_fit(cadence_key, gaps, same_day_run, first)
        if by is not None and max(layout) > by and first > self.first_open:
            earlier = self._first_fit(cadence_key, gaps, same_day_run, self.first_open)
            layout = earlier if max(earlier) < max(layout) else layout
        return self._commit(layout)

    def _first_fit(self, cadence_key: str, gaps: list[int], same_day_run: int,
                   first: int) -> Sequence[int]:
        """The steps from the first start on or after ``first`` where they fit the capacity."""
        layouts = self._layouts.setdefault(cadence_key, [])
        full = self.full
        size = len(full)  # days past the end have no touches yet
        for start in range(first, first + _MAX_START_TRIES):
            if start >= len(layouts):
                layouts.extend([None] * (start + 256 - len(layouts)))
            layout = layouts[start]
            if layout is None:
                layout = layouts[start] = self._layout(gaps, start)
            if same_day_run == 1:
                for position in layout:
                    if position < size and full[position]:
                        break
                else:
                    return layout
            elif self._fits_with_shared_days(layout):
                return layout
        return self._slide(gaps, first)

    def _layout(self, gaps: list[int], start: int) -> tuple[int, ...]:
        """Business-day indexes of the steps when the account starts on business day ``start``:
        each step on the first business day at least its gap after the step before."""
        after = self.calendar.days_after
        position = after(start, gaps[0])
        layout = [position]
        for gap in gaps[1:]:
            if gap:
                position = after(position, gap)
            layout.append(position)
        return tuple(layout)

    def _fits_with_shared_days(self, layout: tuple[int, ...]) -> bool:
        return all(self._used(p) + n <= self.capacity for p, n in Counter(layout).items())

    def _slide(self, gaps: list[int], start: int) -> list[int]:
        """Fallback: each step on the first day with room, at least its gap after the last."""
        cal = self.calendar
        own: Counter[int] = Counter()
        layout: list[int] = []
        offset = cal.offset_of(start) + gaps[0]
        for i, gap in enumerate(gaps):
            if i:
                offset = cal.offset_of(layout[-1]) + gap
            position = cal.index_at_or_after(offset)
            while self._used(position) + own[position] >= self.capacity:
                position += 1
            own[position] += 1
            layout.append(position)
        return layout

    def _used(self, position: int) -> int:
        return self.load[position] if position < len(self.load) else 0

    def _commit(self, layout) -> list[int]:
        load, full, cap = self.load, self.full, self.capacity
        last = max(layout)
        if last >= len(load):
            load.extend([0] * (last + 1 - len(load)))
            full.extend(bytes(last + 1 - len(full)))
        for position in layout:
            load[position] += 1
            if load[position] >= cap:
                full[position] = 1
        while self.first_open < len(load) and full[self.first_open]:
            self.first_open += 1
        return list(layout)


def _longest_zero_run(gaps: list[int]) -> int:
    longest = current = 0
    for gap in gaps:
        current = current + 1 if gap == 0 else 0
        longest = max(longest, current)
    return longest
