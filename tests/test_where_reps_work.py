"""Where a rep works decides the days their schedule skips: the country's own weekend and
holidays, and the holidays of their state, canton or region."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta

import pytest

from prospector.cli import main
from prospector.errors import PlanFileError
from prospector.migrations import migrate
from prospector.model import (
    Accountability,
    Cadence,
    CadenceStep,
    Channel,
    Plan,
    Rep,
    TargetAccount,
)
from prospector.planfile import plan_from_document, plan_to_document, write_plan_file
from prospector.playbook.render import render_playbook_html
from prospector.schedule import build_schedule, find_rep

FRIDAY, SATURDAY, SUNDAY = 4, 5, 6


def team_plan(days: list[int]) -> Plan:
    """A German plan whose reps work in Bavaria, Hamburg, Israel, or where the plan says."""
    places = {"Anna Huber": ("DE", "BY"), "Jan Petersen": ("DE", "HH"),
              "Dana Levi": ("IL", ""), "Jonas Albrecht": ("", "")}
    accounts = [TargetAccount(id=f"acc-{i}", name=f"Account {i}", tier="A")
                for i in range(len(places))]
    reps = [Rep(id=f"rep-{i}", name=name, holiday_country=country, holiday_subdivision=sub,
                account_ids=[f"acc-{i}"])
            for i, (name, (country, sub)) in enumerate(places.items())]
    return Plan(name="Where reps work", id="plan-places", accounts=accounts, reps=reps,
                cadences=[Cadence(id="cad-a", name="A", tiers=["A"],
                                  steps=[CadenceStep(day=d, channel=Channel.EMAIL) for d in days])],
                accountability=Accountability(holiday_country="DE"))


def dates(plan: Plan, rep: str, start: date) -> list[date]:
    return [t.date for t in build_schedule(plan, find_rep(plan, rep), start).touches]


def test_an_israeli_reps_week_runs_from_sunday_to_thursday():
    plan = team_plan(list(range(20)))  # a touch on every business day for four weeks
    israel = dates(plan, "Dana Levi", date(2027, 1, 4))
    assert not [d for d in israel if d.weekday() in (FRIDAY, SATURDAY)]
    assert date(2027, 1, 10) in israel and date(2027, 1, 17) in israel  # Sundays
    germany = dates(plan, "Jonas Albrecht", date(2027, 1, 4))  # the plan's country
    assert not [d for d in germany if d.weekday() in (SATURDAY, SUNDAY)]
    assert date(2027, 1, 8) in germany  # a Friday
    weeks = build_schedule(plan, find_rep(plan, "Dana Levi"), date(2027, 1, 4)).by_week()
    assert [(w.first_day.weekday(), w.last_day.weekday()) for w in weeks[1:]] == \
        [(SUNDAY, 3)] * (len(weeks) - 1)  # printed "10–14 Jan": Sunday to Thursday


@pytest.mark.parametrize(("start", "holiday"), [(date(2027, 1, 5), "Epiphany"),
                                                (date(2027, 5, 26), "Corpus Christi")])
def test_a_bavarian_rep_skips_bavarian_holidays_a_hamburg_rep_works(start, holiday):
    plan = team_plan([0, 1])
    next_day = start + timedelta(days=1)
    assert dates(plan, "Jan Petersen", start) == [start, next_day]
    assert dates(plan, "Anna Huber", start) == [start, next_day + timedelta(days=1)]
    bavaria = build_schedule(plan, find_rep(plan, "Anna Huber"), start)
    assert bavaria.holidays == ((next_day, holiday),)


def test_the_reps_own_place_reaches_the_task_list_from_the_cli(tmp_path, capsys):
    path = write_plan_file(team_plan(list(range(12))), tmp_path / "plan.json")
    out = tmp_path / "tasks.csv"
    assert main(["schedule", str(path), "--rep", "Dana Levi", "--start", "2027-01-04",
                 "--csv", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        due = [date.fromisoformat(row["Due date"]) for row in csv.DictReader(f)]
    assert len(due) == 12 and date(2027, 1, 10) in due
    assert not [d for d in due if d.weekday() in (FRIDAY, SATURDAY)]
    capsys.readouterr()
    assert main(["schedule", str(path), "--rep", "Dana Levi", "--start", "2027-01-04"]) == 0
    assert "Fridays, Saturdays and public holidays of Israel skipped" in capsys.readouterr().out


def test_the_rep_edition_says_which_days_are_skipped():
    plan = team_plan(list(range(10)))
    text = re.sub(r"\s+", " ", render_playbook_html(plan, rep_name="Dana Levi",
                                                    start=date(2027, 1, 4)))
    assert "on business days: Fridays and Saturdays are skipped." in text
    assert "Week 2 · 10–14 Jan 2027" in text
    text = re.sub(r"\s+", " ", render_playbook_html(plan, rep_name="Anna Huber",
                                                    start=date(2027, 1, 4)))
    assert "Saturdays, Sundays and public holidays are skipped." in text
    assert "Wed 6 Jan 2027 (Epiphany)" in text


@pytest.mark.parametrize(("old", "country", "subdivision"), [
    ("DE-BY", "DE", "BY"), ("DE", "DE", ""), ("de-hh", "DE", "HH"), ("", "", "")])
def test_version_6_places_become_a_country_and_a_subdivision(old, country, subdivision):
    doc = plan_to_document(team_plan([0]))
    doc["schema_version"] = 6
    doc["accountability"]["holiday_country"] = old
    del doc["accountability"]["holiday_subdivision"]
    for rep in doc["reps"]:
        del rep["holiday_country"], rep["holiday_subdivision"]
    repairs: list[str] = []
    plan = plan_from_document(doc, "old.json", repairs)
    a = plan.accountability
    assert (a.holiday_country, a.holiday_subdivision, repairs) == (country, subdivision, [])
    assert {(r.holiday_country, r.holiday_subdivision) for r in plan.reps} == {("", "")}


def test_a_version_6_place_prospector_does_not_know_is_cleared_and_said():
    repairs: list[str] = []
    doc = migrate({"schema_version": 6, "name": "P",
                   "accountability": {"holiday_country": "DE-ZZ"}}, repairs)
    assert doc["accountability"]["holiday_country"] == ""
    assert repairs == ["accountability.holiday_country: 'DE-ZZ' is not a country whose holidays "
                       "Prospector knows; it was cleared (the schedule skips weekends only)"]


@pytest.mark.parametrize(("place", "told"), [
    ({"holiday_country": "XX"}, "reps[0] (Ana).holiday_country: 'XX' is not a country code "
                                "Prospector knows (two capital letters such as DE, AT or IL); "
                                "choose it from the list in the app, or run `prospector "
                                "holidays`"),
    ({"holiday_country": "DE", "holiday_subdivision": "Bavaria"},
     "Germany has no subdivision 'Bavaria'; its subdivisions are BB (Brandenburg), BE (Berlin), "
     "BW (Baden-Württemberg), BY (Bayern)"),
    ({"holiday_subdivision": "BY"}, "the subdivision 'BY' needs a country"),
])
def test_a_place_prospector_does_not_know_is_refused_when_the_plan_is_read(place, told):
    doc = {"format": "prospector-plan", "name": "P", "reps": [{"name": "Ana", **place}]}
    with pytest.raises(PlanFileError) as caught:
        plan_from_document(doc, "plan.json")
    assert told in str(caught.value)


def test_the_codes_to_choose_from_are_listed(capsys):
    assert main(["holidays", "de"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Germany (DE): Saturdays, Sundays and public holidays are skipped.")
    assert "\nBY  Bayern\n" in out and "\nHH  Hamburg\n" in out
    assert main(["holidays"]) == 0
    assert "\nIL  Israel\n" in capsys.readouterr().out
