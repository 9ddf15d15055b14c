"""The printed weekly review (``prospector pdf PLAN --review``): one page naming every rep, with
the coach's findings, drawn from the sample plan with the sample's example CRM exports
(assets/samples/) imported; and the sample's review figures a leader would check by hand."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from prospector.actuals_import import read_actuals
from prospector.cli import main
from prospector.planfile import read_plan_file, write_plan_file
from tests.conftest import REPO

SAMPLES = REPO / "assets" / "samples"
EXPORTS = ("sample-activities-report.csv", "sample-opportunities-report.csv")


@pytest.fixture(scope="module")
def plan_with_actuals(tmp_path_factory):
    plan = read_plan_file(SAMPLES / "sample-plan.json")
    for name in EXPORTS:
        # the opportunities' amounts (38,000) read two ways: the leader answers "1,234.5"
        found = read_actuals(plan, SAMPLES / name, number_format="dot")
        assert found.ready, found.to_settle()
        plan = found.apply(plan)
    path = tmp_path_factory.mktemp("review") / "plan.json"
    write_plan_file(plan, path)
    return path


@pytest.fixture(scope="module")
def review_pdf(plan_with_actuals, tmp_path_factory):
    out = tmp_path_factory.mktemp("review-pdf") / "review.pdf"
    assert main(["pdf", str(plan_with_actuals), "--review", "--week", "2027-W06", "-o",
                 str(out)]) == 0
    return out


def test_the_weekly_review_is_one_page_naming_each_rep_and_the_coach(review_pdf):
    pages = PdfReader(review_pdf).pages
    assert len(pages) == 1
    text = " ".join(pages[0].extract_text().split())
    assert "Week 5 of 25 (2027-W06): 8 to 14 February 2027" in text
    assert text.count("2027-W06") == 1  # the week named one way, once
    for rep in ("Jonas Albrecht", "Mette Sørensen", "Bram Claessens"):
        assert rep in text
    # the sample exports' story: busy without result, a dream client cold, outside the plan
    assert "no first meeting in three weeks: look at the touches' value" in text
    assert "One dream client untouched for three weeks: Opakowania Wardęga S.A." in text
    assert "Hendrickx Logistics: Bram Claessens (2)" in text


def test_the_samples_pace_weighs_the_touches_logged_against_those_the_plan_set(
        plan_with_actuals, capsys):
    """Each rep's touches target asks 45 a week; the reps' schedules plan a few touches a week
    while their accounts start in waves: five weeks in (W02-W06), the plan set 225 touches."""
    assert main(["review", str(plan_with_actuals), "--week", "2027-W06"]) == 0
    paces = [line.strip() for line in capsys.readouterr().out.splitlines()
             if line.strip().startswith(("Pace:", "Coach: 78"))]
    assert paces == [
        "Pace: 241 touches logged of 225 planned to date (107%).",  # Jonas: busy
        "Pace: 211 touches logged of 225 planned to date (94%).",  # Mette works her cadence
        "Pace: 78 touches logged of 225 planned to date (35%).",  # Bram: a third of his touches
        "Coach: 78 touches logged of the 225 the plan set so far (35%): far behind the "
        "cadence's pace."]


def test_the_weekly_review_is_an_accessible_pdf(review_pdf):
    from pdfua import Severity, validate  # noqa: PLC0415 - a test dependency, only here

    errors = [f"{f.rule_id}: {f.message}" for f in validate(str(review_pdf)).findings
              if f.severity >= Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize(("args", "says"), [
    (["--week", "2027-W06"], "--week goes with --review"),
    (["--review", "--rep", "Jonas"], "--review prints the weekly review alone; leave out --rep"),
    (["--review", "--week", "2027-W27"], "2027-W27 is outside the plan"),
])
def test_a_review_asked_for_wrongly_is_one_clear_line(plan_with_actuals, tmp_path, capsys,
                                                      args, says):
    out = tmp_path / "review.pdf"
    assert main(["pdf", str(plan_with_actuals), *args, "-o", str(out)]) == 1
    assert says in capsys.readouterr().err
    assert not out.exists()


def test_the_reps_scorecard_carries_the_weeks_that_have_actuals(plan_with_actuals):
    from prospector.playbook.context import build_context  # noqa: PLC0415
    from prospector.review import weekly_review  # noqa: PLC0415

    plan = read_plan_file(plan_with_actuals)
    card = build_context(plan, rep_name="Jonas Albrecht")["scorecard"]
    review = weekly_review(plan, "2027-W06").rep(plan.reps[0].id)
    touches, conversations, contacts, meetings, opportunities = review.targets
    weeks = [r for r in card["rows"] if r["kind"] == "week"]
    # weeks 1-5 (11 January to 12 February) have actuals, as the review counts them
    assert [w["actuals"][0] for w in weeks[:5]] == [f"{w.actual:.0f}" for w in touches.series]
    assert weeks[0]["actuals"][2] == ""  # counted by hand, nothing entered
    assert weeks[0]["actuals"][4] == ""  # a monthly target: counted in the month rows
    assert weeks[5]["actuals"] == []  # no actuals yet: left for the rep to fill in
    january = next(r for r in card["rows"] if r["kind"] == "month")
    assert january["sums"][0] == f"{sum(w.actual for w in touches.series[:3]):.0f}"
    assert card["total_sums"][4] == f"{sum(w.actual for w in opportunities.series):.0f}"
    assert card["total_sums"][2] == ""


def test_a_team_of_ten_reps_still_gets_one_page(tmp_path):
    from tests.review_plans import day, fact, small_plan, touches, with_actuals  # noqa: PLC0415

    base = small_plan()
    names = [f"Rep Number {n}" for n in range(1, 11)]
    reps = [{"id": f"r{n}", "name": name, "account_ids": ["nordwerk"]}
            for n, name in enumerate(names)]
    plan = base.model_validate({**base.model_dump(mode="json"), "reps": reps})
    facts = [f for n in range(10) for f in (
        *touches(f"r{n}", "2027-W04", 30 + n), *touches(f"r{n}", "2027-W05", 30),
        *touches(f"r{n}", "2027-W06", 30),
        fact("opportunity", f"r{n}", day("2027-W06", 2), None, name="Ostwind AG"),
        fact("touch", f"r{n}", day("2027-W06"), None, name="Ostwind AG"))]
    path = tmp_path / "team.json"
    write_plan_file(with_actuals(plan, facts), path)
    out = tmp_path / "review.pdf"
    assert main(["pdf", str(path), "--review", "--week", "2027-W06", "-o", str(out)]) == 0
    pages = PdfReader(out).pages
    assert len(pages) == 1
    text = " ".join(pages[0].extract_text().split())
    assert all(name in text for name in names)
    assert text.count("no first meeting in three weeks") == 10  # every rep's findings printed
    # and every rep below target two weeks running, said once per rep
    assert all(text.count(f"{name}: meetings") == 1 for name in names)


def test_reps_below_target_two_weeks_running_are_named_once_each_on_one_line(plan_with_actuals):
    from prospector.playbook.review_sheet import review_context  # noqa: PLC0415
    from prospector.review import weekly_review  # noqa: PLC0415

    plan = read_plan_file(plan_with_actuals)
    review = weekly_review(plan, "2027-W03")
    below = review_context(plan, review, review.monday)["below"]
    reps = [r.rep_name for r, _ in review.below_two_weeks]
    assert len(below) == len(set(reps)) < len(reps)  # a line per rep, not per target
    bram = next(line for line in below if line.startswith("Bram Claessens: "))
    assert bram == "Bram Claessens: " + ", ".join(
        t.counts for r, t in review.below_two_weeks if r.rep_name == "Bram Claessens")


def test_the_first_week_of_a_plan_says_this_week_not_last_1_weeks(plan_with_actuals, tmp_path):
    out = tmp_path / "review.pdf"
    assert main(["pdf", str(plan_with_actuals), "--review", "--week", "2027-W02", "-o",
                 str(out)]) == 0
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "This week" in text
    assert "1 weeks" not in text
