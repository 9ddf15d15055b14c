"""Every sentence of the editions that states a figure says what the tables say: the cadence's
length, what the reps' targets add up to against the goal, the sample's own strategy."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from prospector.planfile import read_plan_file
from prospector.playbook.render import render_playbook_html
from prospector.playbook.team_goal import goal_figure
from prospector.resources import sample_plan_path


@pytest.fixture(scope="module")
def sample():
    return read_plan_file(sample_plan_path())


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _leader(plan) -> str:
    return _text(render_playbook_html(plan, today=date(2027, 1, 4)))


def _with_last_day(plan, day: int):
    longest = max(plan.cadences, key=lambda c: c.span_days)
    steps = [s.model_copy(update={"day": day}) if s.day == longest.span_days else s
             for s in longest.steps]
    cadences = [c.model_copy(update={"steps": steps}) if c is longest else c
                for c in plan.cadences]
    return plan.model_copy(update={"cadences": cadences})


@pytest.mark.parametrize("last", [88, 90, 97])
def test_the_cadences_length_counts_day_0_and_its_last_day(sample, last):
    """A cadence whose last touch is on day 88 runs 89 days, day 0 to day 88 (the glance said
    "13 weeks (88 days)" and the strategy "90-day")."""
    text = _leader(_with_last_day(sample, last))
    weeks = last // 7 + 1
    assert f"the longest cadence {weeks} weeks ({last + 1} days: day 0 to day {last})" in text
    assert f"{weeks} weeks of cadence ({last + 1} days)" in text  # the cover's figure


def _with_targets(plan, goal: str, first_meetings: float):
    targets = [t.model_copy(update={"per_rep": first_meetings})
               if t.metric == "First meetings held" else t for t in plan.accountability.targets]
    return plan.model_copy(update={
        "basics": plan.basics.model_copy(update={"goal": goal}),
        "accountability": plan.accountability.model_copy(update={"targets": targets})})


@pytest.mark.parametrize(("goal", "per_week", "said"), [
    ("60 first meetings by 30 June 2027.", 1, "adds up to 75 for the team of 3 reps (25 each), "
     "against a goal of 60: 15 more than the goal."),
    ("75 first meetings by 30 June 2027.", 1, "adds up to 75 for the team of 3 reps (25 each): "
     "the goal’s 75."),
    ("100 first meetings by 30 June 2027.", 1, "adds up to 75 for the team of 3 reps (25 each), "
     "against a goal of 100: 25 short of it; the targets do not reach the goal."),
    ("100 first meetings by 30 June 2027.", 2, "adds up to 150 for the team of 3 reps (50 each), "
     "against a goal of 100: 50 more than the goal."),
])
def test_the_leader_reads_what_the_reps_targets_add_up_to_against_the_goal(sample, goal,
                                                                           per_week, said):
    text = _leader(_with_targets(sample, goal, per_week))
    assert ("Over the campaign’s 25 weeks, the target “First meetings held” " + said) in text
    # the goal names no opportunities: no sentence about them
    assert "the target “New qualified opportunities" not in text


def test_the_goals_figure_is_the_number_before_the_targets_first_words():
    goal = ("60 first meetings and 16 new qualified opportunities (EUR 2.4M pipeline) by "
            "30 June 2027, including a first meeting with each of the 6 dream clients.")
    assert goal_figure(goal, "First meetings held") == 60
    assert goal_figure(goal, "New qualified opportunities (pilot scoped with the buyer)") == 16
    assert goal_figure(goal, "Value-creating touches delivered") is None
    assert goal_figure("1,200 first meetings in 2027", "First meetings held") == 1200


def test_the_samples_strategy_states_its_cadences_as_they_are(sample):
    """The strategy is the plan's own text: the sample's must not say "a 13-touch, 90-day
    campaign" of a cadence whose last touch is on day 88."""
    said = re.findall(r"(\d+) touches over (\d+) weeks", sample.basics.strategy)
    assert said == [(str(len(c.steps)), str(c.span_days // 7 + 1)) for c in sample.cadences]
    assert not re.search(r"\d+-day campaign", sample.basics.strategy)
