"""``prospector review PLAN [--week] [--format]``: the week's review as text and JSON, and a
clear error for each bad input."""

from __future__ import annotations

import json

import pytest

from prospector.cli import main
from prospector.planfile import read_plan_file, write_plan_file
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
    assert out.startswith("Weekly review · Review test\n"
                          "Week 3 of 8 (2027-W03): 18 to 24 January 2027\n")
    ana = out.split("Ana Berg (Mon 18 – Fri 22 Jan)\n")[1].split("\n\n")[0]
    assert ana.startswith("  3 touches (A 3) · 0 meetings · 1 opportunity, 0 meeting the "
                          "definition\n")
    # below in each of the three weeks ("2nd week" it said, whatever the streak)
    assert ("Value-creating touches delivered             10       3  below, 3 weeks running  "
            "0, 4, 3" in ana)
    assert "Last 3 weeks" in ana.splitlines()[1]  # the weeks the trend shows: W01-W03
    assert ("New contacts mapped                           4      5*  met                     "
            "-, -, 5"
            in ana)
    assert "Pace: 7 touches logged of 30 planned to date (23%)." in ana
    assert "Coach: One opportunity created this week with no meeting" in ana
    assert "Touches outside the plan: Ostwind AG: Ben Okafor (1)." in out
    assert "Dream clients untouched 3 weeks: Südhafen (Ben Okafor; never touched)." in out


def test_the_text_review_speaks_the_plan_s_language_or_the_one_asked_for(plan_file, tmp_path,
                                                                         capsys):
    """The labels, dates and numbers of the printed review, in the same words: a German plan's
    review reads German with no English label left; --language prints another."""
    plan = read_plan_file(plan_file)
    plan.basics.language = "de"
    write_plan_file(plan, tmp_path / "de.json")
    assert main(["review", str(tmp_path / "de.json"), "--week", "2027-W03"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wochenbesprechung · Review test\nWoche 3 von 8 (2027-W03): "
                          "18.–24. Jan. 2027\n")
    ana = out.split("Ana Berg (Mo., 18. – Fr., 22. Jan.)\n")[1].split("\n\n")[0]
    assert ana.startswith("  3 Touches (A 3) · 0 Termine · 1 Verkaufschance, 0 gemäß Definition")
    assert "Letzte 3 Wochen" in ana and "0,5 (2/Monat)" in ana
    assert "unter Ziel, 3 Wochen in Folge" in ana
    assert "Tempo: 7 Touches erfasst von 30 bis heute geplanten (23\u00a0%)." in ana
    assert "Traumkunden seit 3 Wochen ohne Touch: Südhafen (Ben Okafor; nie kontaktiert)." in out
    # the English of every label of the text is gone (the plan's own names stay as written)
    english = ("Weekly review", "Week ", "Target", "Goal", "Actual", "Against goal", "weeks",
               "below", "met", "not entered", "touches", "meetings", "opportunit", "Pace",
               "never touched", "Touches outside", "entered by hand", "nobody")
    names = ("Value-creating touches delivered", "First meetings held",
             "New qualified opportunities", "New contacts mapped")
    text = out
    for name in names:
        text = text.replace(name, "")
    assert [word for word in english if word in text] == []
    assert main(["review", str(tmp_path / "de.json"), "--week", "2027-W03",
                 "--language", "fr"]) == 0
    assert capsys.readouterr().out.startswith("Revue hebdomadaire · Review test\n")


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
