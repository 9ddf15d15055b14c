"""``prospector review PLAN [--week] [--format]``: the week's review as text and JSON, and a
clear error for each bad input."""

from __future__ import annotations

import json

import pytest

from prospector.cli import main
from prospector.planfile import write_plan_file
from tests.review_plans import CONTACTS, day, fact, small_plan, touches, with_actuals


@pytest.fixture
def plan_file(tmp_path):
    plan = with_actuals(small_plan(), [
        *touches("ana", "2027-W03", 3, channel="phone"), *touches("ana", "2027-W02", 4),
        fact("opportunity", "ana", day("2027-W03"), "brix"),
        fact("touch", "ben", day("2027-W03"), None, name="Ostwind AG")],
        (("ana", "2027-W03", CONTACTS, 5),))
    path = tmp_path / "plan.json"
    write_plan_file(plan, path)
    return str(path)


def test_the_text_review_gives_each_reps_targets_and_the_coach(plan_file, capsys):
    assert main(["review", plan_file, "--week", "2027-W03"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Weekly review of 'Review test': 2027-W03 (18 Jan 2027 to 24 Jan 2027)")
    ana = out.split("Ana Berg (Mon 18 – Fri 22 Jan)\n")[1].split("\n\n")[0]
    assert "Value-creating touches delivered             10       3  below        0, 4, 3" in ana
    assert "last 3 weeks" in ana.splitlines()[0]  # the weeks the trend shows: W01-W03
    assert "New contacts mapped                           4       5* met" in ana
    assert "Coach: One opportunity created this week with no meeting" in ana
    assert "Outside the plan: Ostwind AG (1)" in out
    assert "Dream clients untouched for 3 weeks: Südhafen (Ben Okafor; never touched)." in out


def test_the_json_review_is_for_tools(plan_file, capsys):
    assert main(["review", plan_file, "--week", "2027-W03", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["week"] == "2027-W03"
    assert [r["rep_name"] for r in data["reps"]] == ["Ana Berg", "Ben Okafor"]
    assert data["reps"][1]["outside_plan"] == {"Ostwind AG": 1}


@pytest.mark.parametrize(("week", "says"), [
    ("2027-05", "--week 2027-05 is not an ISO week (expected a week such as 2027-W05"),
    ("2027-W12", "2027-W12 is outside the plan 'Review test', which runs from 2027-W01 to "
                 "2027-W08"),
])
def test_a_bad_week_is_one_clear_line(plan_file, capsys, week, says):
    assert main(["review", plan_file, "--week", week]) == 1
    err = capsys.readouterr().err
    assert err.startswith("prospector: error: ") and says in err and err.count("\n") == 1


def test_a_plan_with_no_actuals_says_how_to_import_them(tmp_path, capsys):
    write_plan_file(small_plan(), tmp_path / "new.json")
    assert main(["review", str(tmp_path / "new.json")]) == 1
    err = capsys.readouterr().err
    assert "has no actuals yet" in err and "prospector actuals" in err and "--import" in err
