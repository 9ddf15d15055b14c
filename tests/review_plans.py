"""Small hand-made plans with actuals, for the weekly review's tests: every figure the tests
expect can be counted by hand from what is written here."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

from prospector.actuals.records import Happened, LoggedFact, Source
from prospector.actuals.weekly import WeeklyFigure, week_start
from prospector.fields import Channel
from prospector.model import Plan

_keys = count()

TOUCHES = "Value-creating touches delivered"
MEETINGS = "First meetings held"
OPPORTUNITIES = "New qualified opportunities"
CONTACTS = "New contacts mapped"


def small_plan(*, criteria: bool = True, touches_a_week: float = 10) -> Plan:
    """Two reps, from Monday 4 January 2027 (2027-W01) to 28 February 2027 (2027-W08). Ana owns
    Nordwerk (A) and Brix (B); Ben owns Südhafen (A). One cadence of five touches, Monday to
    Friday of one week (weekends only, no holidays): each account's touches fall in its first
    week. The touches target asks ``touches_a_week`` of each rep (0: the reps' pace is their
    schedules')."""
    return Plan.model_validate({
        "name": "Review test",
        "basics": {"start_date": "2027-01-04", "end_date": "2027-02-28"},
        "accounts": [{"id": "nordwerk", "name": "Nordwerk", "tier": "A"},
                     {"id": "brix", "name": "Brix", "tier": "B"},
                     {"id": "suedhafen", "name": "Südhafen", "tier": "A"}],
        "cadences": [{"name": "One week", "steps": [
            {"day": d, "channel": "email" if d % 2 else "phone"} for d in range(5)]}],
        "qualification": {"criteria": [{"name": "Pain"}] if criteria else []},
        "accountability": {"targets": [
            {"metric": TOUCHES, "per_rep": touches_a_week, "counts": "touches"},
            {"metric": MEETINGS, "per_rep": 1, "counts": "meetings"},
            {"metric": OPPORTUNITIES, "period": "month", "per_rep": 2, "counts": "opportunities"},
            {"metric": CONTACTS, "per_rep": 4, "counts": "hand_entered"}]},
        "reps": [{"id": "ana", "name": "Ana Berg", "account_ids": ["nordwerk", "brix"]},
                 {"id": "ben", "name": "Ben Okafor", "account_ids": ["suedhafen"]}],
    })


def day(week: str, weekday: int = 0) -> date:
    """A day of an ISO week: 0 is its Monday."""
    return week_start(week) + timedelta(days=weekday)


def fact(kind: str, rep: str, when: date, account: str | None = None, *,
         channel: str | None = None, name: str = "") -> LoggedFact:
    return LoggedFact(key=f"test:{next(_keys)}", kind=Happened(kind), rep_id=rep,
                      account_id=account, account_name=name, date=when,
                      channel=Channel(channel) if channel else None, source=Source.MANUAL)


def touches(rep: str, week: str, n: int, account: str | None = "nordwerk",
            channel: str = "email") -> list[LoggedFact]:
    return [fact("touch", rep, day(week, i % 5), account, channel=channel) for i in range(n)]


def with_actuals(plan: Plan, facts: list[LoggedFact],
                 figures: tuple[tuple[str, str, str, float], ...] = ()) -> Plan:
    actuals = plan.actuals.with_facts(facts)
    for rep, week, metric, value in figures:
        actuals = actuals.with_figure(WeeklyFigure(rep_id=rep, week=week, metric=metric,
                                                   value=value))
    return plan.model_copy(update={"actuals": actuals})


def busy_without_meetings(language: str = "en") -> Plan:
    """The small plan, written in ``language``, whose rep "ben" logged 25 touches on one account
    in each of 2027-W03 to W05 and no meeting: the coach's "volume without outcome"."""
    plan = with_actuals(small_plan(), [t for w in ("2027-W03", "2027-W04", "2027-W05")
                                       for t in touches("ben", w, 25, "suedhafen")])
    return plan.model_copy(update={"basics": plan.basics.model_copy(update={"language": language})})
