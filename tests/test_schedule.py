"""A rep's dated schedule: business days only, capacity kept, every step in order, gaps kept."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import pairwise

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prospector.cli import main
from prospector.model import (
    Accountability,
    Cadence,
    CadenceStep,
    Channel,
    Plan,
    PlanBasics,
    Rep,
    TargetAccount,
    ValueTouch,
)
from prospector.resources import sample_plan_path
from prospector.schedule import PastEnd, ScheduleError, build_schedule, find_rep

CHANNELS = list(Channel)


def make_plan(days_by_tier: dict[str, list[int]], tiers: list[str], *, capacity: int = 25,
              country: str = "DE", end: date | None = None) -> Plan:
    cadences = [Cadence(id=f"cad-{tier}", name=f"Tier {tier}", tiers=[tier],
                        steps=[CadenceStep(day=d, channel=CHANNELS[i % len(CHANNELS)],
                                           touch_id="tch-1", is_ask=i == len(days) - 1)
                               for i, d in enumerate(days)])
                for tier, days in days_by_tier.items()]
    accounts = [TargetAccount(id=f"acc-{i}", name=f"Account {i}", tier=t)
                for i, t in enumerate(tiers)]
    return Plan(
        name="Schedule test", id="plan-test", accounts=accounts, cadences=cadences,
        basics=PlanBasics(end_date=end),
        touches=[ValueTouch(id="tch-1", title="Benchmark", channel=Channel.EMAIL,
                            value="Where they stand", message="Hi {{first_name}}")],
        reps=[Rep(id="rep-1", name="Jonas Albrecht", email="jonas@seller.example",
                  account_ids=[a.id for a in accounts])],
        accountability=Accountability(daily_touch_capacity=capacity,
                                      holiday_country=country.partition("-")[0],
                                      holiday_subdivision=country.partition("-")[2]),
    )


def holiday_dates(country: str, first: date, last: date) -> set[date]:
    if not country:
        return set()
    code, _, region = country.partition("-")
    table = holidays.country_holidays(code, subdiv=region or None,
                                      years=range(first.year, last.year + 1))
    return set(table)


def check_promises(plan: Plan, schedule, start: date, capacity: int, country: str) -> None:
    touches = schedule.touches
    assert list(touches) == sorted(touches, key=lambda t: t.date)
    if touches:
        off = holiday_dates(country, start, touches[-1].date)
        for t in touches:
            assert t.date.weekday() < 5, f"{t.date} is a weekend"
            assert t.date not in off, f"{t.date} is a public holiday in {country}"
            assert t.date >= start
    assert max(Counter(t.date for t in touches).values(), default=0) <= capacity
    by_account = defaultdict(list)
    for t in touches:
        by_account[t.account_id].append(t)
    for account in (plan.account(aid) for aid in schedule_rep(plan, schedule).account_ids):
        steps = plan.cadence_for(account).ordered_steps()
        mine = sorted(by_account[account.id], key=lambda t: t.step_index)
        assert [t.step_index for t in mine] == list(range(len(steps)))
        assert [t.day_offset for t in mine] == [s.day for s in steps]
        assert mine[0].date >= start + timedelta(days=steps[0].day)
        for before, after in pairwise(mine):
            assert (after.date - before.date).days >= after.day_offset - before.day_offset


def schedule_rep(plan: Plan, schedule) -> Rep:
    return next(r for r in plan.reps if r.id == schedule.rep_id)


cadence_days = st.lists(st.integers(0, 45), min_size=1, max_size=13).map(sorted)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a_days=cadence_days, b_days=cadence_days,
       tiers=st.lists(st.sampled_from("AB"), min_size=1, max_size=25),
       capacity=st.integers(1, 12),
       start=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
       country=st.sampled_from(["", "DE", "DE-BY", "NL", "US-CA"]),
       campaign_days=st.none() | st.integers(0, 400))
def test_schedule_promises_hold_for_any_plan(a_days, b_days, tiers, capacity, start, country,
                                             campaign_days):
    end = start + timedelta(days=campaign_days) if campaign_days is not None else None
    plan = make_plan({"A": a_days, "B": b_days}, tiers, capacity=capacity, country=country,
                     end=end)
    schedule = build_schedule(plan, plan.reps[0], start)
    assert len(schedule.touches) == sum(len(a_days if t == "A" else b_days) for t in tiers)
    check_promises(plan, schedule, start, capacity, country)
    last = schedule.last_day
    assert (schedule.past_end is not None) == bool(end and last and last > end)
    # a capacity that never binds, and cadences that each fit the campaign from its first day:
    # then every cadence ends by the end, whatever weekends and holidays move
    load = sum(max(Counter(a_days if t == "A" else b_days).values()) for t in tiers)
    if end and capacity >= load and all(
            build_schedule(make_plan({t: days}, [t], country=country, end=end),
                           make_plan({t: days}, [t]).reps[0], start).last_day <= end
            for t, days in (("A", a_days), ("B", b_days)) if t in tiers):
        assert last <= end


def test_sample_plan_schedules_every_rep(sample_plan):
    for rep in sample_plan.reps:
        schedule = build_schedule(sample_plan, rep, date(2027, 1, 11))
        check_promises(sample_plan, schedule, date(2027, 1, 11), 22, "DE")
        assert not schedule.unscheduled
        assert schedule.holidays == ((date(2027, 3, 26), "Good Friday"),
                                     (date(2027, 3, 29), "Easter Monday"),
                                     (date(2027, 5, 6), "Ascension Day"),
                                     (date(2027, 5, 17), "Pentecost Monday"))


def test_german_holidays_are_skipped():
    # Ascension Day, Thursday 2027-05-06: a daily cadence from Monday 3 May skips it.
    plan = make_plan({"A": list(range(6))}, ["A"])
    dates = [t.date for t in build_schedule(plan, plan.reps[0], date(2027, 5, 3)).touches]
    assert date(2027, 5, 6) not in dates
    assert dates == [date(2027, 5, 3), date(2027, 5, 4), date(2027, 5, 5), date(2027, 5, 7),
                     date(2027, 5, 10), date(2027, 5, 11)]
    # Easter 2027 is 28 March: Good Friday 26 March and Easter Monday 29 March are skipped.
    plan = make_plan({"A": [0, 1, 2]}, ["A"])
    schedule = build_schedule(plan, plan.reps[0], date(2027, 3, 25))
    assert [t.date for t in schedule.touches] == [date(2027, 3, 25), date(2027, 3, 30),
                                                  date(2027, 3, 31)]
    assert [d for d, _ in schedule.holidays] == [date(2027, 3, 26), date(2027, 3, 29)]


def test_regional_holidays_and_no_country():
    plan = make_plan({"A": [0, 1]}, ["A"], country="DE-BY")  # Epiphany, Wed 6 Jan, in Bavaria
    dates = [t.date for t in build_schedule(plan, plan.reps[0], date(2027, 1, 5)).touches]
    assert dates == [date(2027, 1, 5), date(2027, 1, 7)]
    dates = [t.date for t in build_schedule(plan, plan.reps[0], date(2027, 1, 5),
                                            country="DE").touches]
    assert dates == [date(2027, 1, 5), date(2027, 1, 6)]
    dates = [t.date for t in build_schedule(plan, plan.reps[0], date(2027, 5, 5),
                                            country="").touches]
    assert dates == [date(2027, 5, 5), date(2027, 5, 6)]  # Ascension is a normal day then


def test_a_weekend_never_shortens_the_next_gap():
    plan = make_plan({"A": [0, 3, 5]}, ["A"], country="")
    dates = [t.date for t in build_schedule(plan, plan.reps[0], date(2027, 1, 6)).touches]
    # day 3 is Saturday 9th -> Monday 11th; day 5 keeps its 2-day gap -> Wednesday 13th
    assert dates == [date(2027, 1, 6), date(2027, 1, 11), date(2027, 1, 13)]


def test_accounts_start_in_waves_so_the_schedule_spans_the_campaign(sample_plan):
    """The sample runs 11 January to 30 June: started all at once, Jonas's 8 accounts were done
    by 13 April; in waves, one a week or two, his last touches fall in June, none after 30 June,
    dream clients first."""
    jonas = sample_plan.reps[0]
    at_once = build_schedule(sample_plan, jonas, date(2027, 1, 11), all_at_once=True)
    waves = build_schedule(sample_plan, jonas, date(2027, 1, 11))
    assert at_once.last_day == date(2027, 4, 13) and set(at_once.waves) == {date(2027, 1, 11)}
    assert date(2027, 6, 1) <= waves.last_day <= date(2027, 6, 30)
    assert len(waves.touches) == len(at_once.touches) == 86
    assert len(waves.waves) == 8 and len(set(waves.account_starts.values())) == 8
    assert all(d.weekday() == 0 for d in waves.waves)  # each wave starts on a Monday
    assert {(d - timedelta(days=d.weekday())) for d in waves.waves} == set(waves.waves)
    starts = sorted(waves.account_starts.items(), key=lambda kv: kv[1])
    tiers = [sample_plan.account(aid).tier for aid, _day in starts]
    assert tiers == sorted(tiers)  # A accounts start in the first waves
    check_promises(sample_plan, waves, date(2027, 1, 11), 22, "DE")


def test_waves_share_accounts_evenly_and_fit_a_short_campaign():
    days = [0, 3, 7, 14]
    plan = make_plan({"A": days, "B": days}, ["A"] * 3 + ["B"] * 8, country="",
                     end=date(2027, 2, 28))  # the last start that ends in time: Sunday 14 Feb
    schedule = build_schedule(plan, plan.reps[0], date(2027, 1, 4))
    assert schedule.waves == tuple(date(2027, 1, 4) + timedelta(weeks=w) for w in range(6))
    per_wave = Counter(schedule.account_starts.values())
    assert sorted(per_wave.values()) == [1, 2, 2, 2, 2, 2]
    assert schedule.last_day <= date(2027, 2, 28)
    short = make_plan({"A": days}, ["A", "A"], country="", end=date(2027, 1, 10))
    schedule = build_schedule(short, short.reps[0], date(2027, 1, 4))  # shorter than a cadence
    assert schedule.waves == (date(2027, 1, 4),)
    assert set(schedule.account_starts.values()) == {date(2027, 1, 4)}


# the tester's plan-54b17477: "16 touches over 120 days" for tiers B and C, reps in Germany
DAYS_120 = [0, 4, 9, 14, 20, 27, 35, 43, 51, 60, 69, 78, 88, 98, 109, 119]


def test_every_cadence_ends_by_the_campaigns_end_when_it_fits():
    """1 Feb to 31 Jul 2027 in Germany, three B/C accounts on a 119-day cadence: the last wave
    was the Monday 119 calendar days before the end (Easter Monday, 29 Mar), and each step moved
    off a weekend or a holiday moved the steps after it, so the last touch fell on Thu 5 Aug
    while the playbook promised every cadence ends by 31 Jul."""
    plan = make_plan({"B": DAYS_120, "C": DAYS_120}, ["B", "C", "B"], end=date(2027, 7, 31))
    schedule = build_schedule(plan, plan.reps[0], date(2027, 2, 1))
    assert len(schedule.waves) == 3
    assert schedule.last_day <= date(2027, 7, 31) and schedule.past_end is None
    for account_id in schedule.account_starts:  # each account's cadence, not only the last
        assert schedule.for_account(account_id)[-1].date <= date(2027, 7, 31)
    check_promises(plan, schedule, date(2027, 2, 1), 25, "DE")


def test_a_schedule_that_cannot_end_by_the_campaigns_end_says_why():
    long = make_plan({"A": DAYS_120}, ["A", "A"], end=date(2027, 4, 30))  # a 3-month campaign
    schedule = build_schedule(long, long.reps[0], date(2027, 2, 1))
    assert schedule.past_end == PastEnd(date(2027, 4, 30), schedule.last_day, 2, "cadence",
                                        ("cad-A",))
    # ten accounts of three touches, one touch a day: 30 touches, 25 business days
    crowded = make_plan({"A": [0, 7, 14]}, ["A"] * 10, capacity=1, country="",
                        end=date(2027, 3, 5))
    schedule = build_schedule(crowded, crowded.reps[0], date(2027, 2, 1))
    assert schedule.past_end is not None and schedule.past_end.cause == "capacity"
    assert schedule.past_end.last == schedule.last_day > date(2027, 3, 5)
    assert schedule.past_end.accounts == sum(
        schedule.for_account(a)[-1].date > date(2027, 3, 5) for a in schedule.account_starts)
    late = build_schedule(crowded, crowded.reps[0], date(2027, 4, 1))  # starts after the end
    assert late.past_end is not None and late.past_end.cause == "late_start"
    in_time = make_plan({"A": [0, 7, 14]}, ["A"] * 10, capacity=2, country="",
                        end=date(2027, 3, 5))
    assert build_schedule(in_time, in_time.reps[0], date(2027, 2, 1)).past_end is None


def test_accounts_are_staggered_to_keep_capacity():
    plan = make_plan({"A": [0, 2], "B": [0, 2]}, ["B", "A", "B", "A", "B"], capacity=2,
                     country="")
    schedule = build_schedule(plan, plan.reps[0], date(2027, 1, 4))  # a Monday
    assert max(schedule.load_by_day().values()) == 2
    starts = schedule.account_starts
    assert starts["acc-1"] == starts["acc-3"] == date(2027, 1, 4)  # tier A first
    assert starts["acc-0"] == starts["acc-2"] == date(2027, 1, 5)
    assert starts["acc-4"] == date(2027, 1, 8)  # Monday to Thursday are full
    assert [t.date for t in schedule.for_account("acc-4")] == [date(2027, 1, 8),
                                                               date(2027, 1, 11)]
    check_promises(plan, schedule, date(2027, 1, 4), 2, "")


def test_same_day_steps_beyond_capacity_still_come_in_order():
    plan = make_plan({"A": [0, 0, 0, 1]}, ["A", "A"], capacity=2, country="")
    schedule = build_schedule(plan, plan.reps[0], date(2027, 1, 4))
    check_promises(plan, schedule, date(2027, 1, 4), 2, "")


def test_touch_fields_and_weeks():
    plan = make_plan({"A": [0, 4, 9]}, ["A"], country="DE")
    schedule = build_schedule(plan, plan.reps[0], date(2027, 1, 6))  # a Wednesday
    first = schedule.touches[0]
    assert (first.account_name, first.tier, first.step_index, first.step_number) == \
        ("Account 0", "A", 0, 1)
    assert (first.touch_title, first.talk_track, first.touch_value) == \
        ("Benchmark", "Hi {{first_name}}", "Where they stand")
    assert schedule.touches[-1].is_ask and first.step_count == 3
    assert first._asdict()["channel"] == Channel.PHONE
    weeks = schedule.by_week()
    assert [(w.number, w.first_day) for w in weeks] == [
        (1, date(2027, 1, 4)), (2, date(2027, 1, 11)), (3, date(2027, 1, 18))]
    assert weeks[0].last_day == date(2027, 1, 8)


def test_accounts_without_a_cadence_are_listed():
    plan = make_plan({"A": [0, 3]}, ["A", "C"])
    schedule = build_schedule(plan, plan.reps[0], date(2027, 1, 4))
    assert [u.account_name for u in schedule.unscheduled] == ["Account 1"]
    assert "no cadence is meant for tier C" in schedule.unscheduled[0].reason


def test_bad_settings_are_clear_errors():
    plan = make_plan({"A": [0]}, ["A"])
    with pytest.raises(ScheduleError, match="at least 1"):
        build_schedule(plan, plan.reps[0], date(2027, 1, 4), capacity=0)
    with pytest.raises(ScheduleError, match="'XX' is not a country code Prospector knows"):
        build_schedule(plan, plan.reps[0], date(2027, 1, 4), country="XX")
    with pytest.raises(ScheduleError, match=r"Germany has no subdivision 'ZZ'.*BY \(Bayern\)"):
        build_schedule(plan, plan.reps[0], date(2027, 1, 4), country="DE-ZZ")


def test_find_rep(sample_plan):
    assert find_rep(sample_plan, "mette sorensen").id == "rep-02"
    assert find_rep(sample_plan, "Sørensen, Mette").id == "rep-02"
    assert find_rep(sample_plan, "BRAM.CLAESSENS@northwind-analytics.example").id == "rep-03"
    assert find_rep(sample_plan, "Jonas").id == "rep-01"
    assert find_rep(sample_plan, "rep-03").id == "rep-03"
    with pytest.raises(ScheduleError, match="the reps are: Jonas Albrecht, Mette Sørensen, "
                                            "Bram Claessens"):
        find_rep(sample_plan, "Nobody")


def test_ten_reps_with_a_hundred_accounts_each_are_all_scheduled():
    """(How long it takes is measured in bench/, not here: no test depends on the machine.)"""
    days = [0, 3, 7, 12, 18, 24, 31, 38, 46, 54, 63, 75, 88]
    plan = make_plan({"A": days, "B": days, "C": days}, ["ABC"[i % 3] for i in range(1000)],
                     capacity=22)
    reps = [Rep(id=f"rep-{r}", name=f"Rep {r}",
                account_ids=[f"acc-{r * 100 + i}" for i in range(100)]) for r in range(10)]
    plan = plan.model_copy(update={"reps": reps})
    schedules = [build_schedule(plan, rep, date(2027, 1, 11)) for rep in reps]
    assert sum(len(s.touches) for s in schedules) == 13_000
    check_promises(plan, schedules[0], date(2027, 1, 11), 22, "DE")


# --- the command line -----------------------------------------------------------------------------
def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_prints_a_dated_list(capsys):
    code, out, err = run(capsys, "schedule", sample_plan_path(), "--rep", "Jonas Albrecht",
                         "--start", "2027-01-11")
    assert code == 0, err
    assert "86 touches on 8 accounts" in out and "at most 22 a day" in out
    assert "Week 1 (11 Jan 2027)" in out
    assert "Mon 11 Jan  A  Brückner & Voss" in out
    assert "Fri 26 Mar Good Friday, Mon 29 Mar Easter Monday" in out
    assert "Accounts start in 8 waves, from Mon 11 Jan to Mon 29 Mar" in out
    assert "Mon 14 Jun" in out  # the last wave's last touches

    code, out, err = run(capsys, "schedule", sample_plan_path(), "--rep", "Jonas Albrecht",
                         "--all-at-once")
    assert code == 0, err
    assert "86 touches on 8 accounts, Mon 11 Jan to Tue 13 Apr 2027" in out
    assert "waves" not in out


def test_cli_uses_the_reps_start_date_and_writes_files(capsys, tmp_path):
    ics, tasks = tmp_path / "jonas.ics", tmp_path / "jonas.csv"
    code, out, err = run(capsys, "schedule", sample_plan_path(), "--rep", "jonas", "--ics", ics,
                         "--csv", tasks)
    assert code == 0, err
    assert f"Wrote 86 touches to {ics}" in out and f"Wrote 86 tasks to {tasks}" in out
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 86
    assert tasks.read_bytes().startswith(b"\xef\xbb\xbfAccount,Due date")


@pytest.mark.parametrize(("args", "message"), [
    (["--rep", "Nobody", "--start", "2027-01-11"],
     ("no rep named 'Nobody' in the plan 'Europe new business, H1 2027'; the reps are: "
      "Jonas Albrecht, Mette Sørensen, Bram Claessens")),
    (["--rep", "Jonas", "--start", "2027-02-30"],
     "--start: '2027-02-30' is no day of the calendar (that month has fewer days, or there is "
     "no such month)"),
    (["--rep", "Jonas", "--start", "11.01.2027"], "--start: '11.01.2027' is not a date"),
    (["--rep", "Jonas", "--country", "Narnia"], "'Narnia' is not a country code Prospector knows"),
])
def test_cli_errors_are_one_clear_line(capsys, args, message):
    code, out, err = run(capsys, "schedule", sample_plan_path(), *args)
    assert code == 1 and out == ""
    assert err == f"prospector: error: {message}\n" or (
        err.startswith(f"prospector: error: {message}") and err.count("\n") == 1)
