"""The weekly review (prospector/review): each figure on small hand-made plans
(tests/review_plans.py), counted by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

from prospector.actuals.counting import Counts
from prospector.coach.actuals_rules import ACTUALS_RULES
from prospector.coach.thresholds import Thresholds
from prospector.review import ReviewError, rep_actuals_by_week, weekly_review
from prospector.review.build import rep_weekly_counts
from prospector.review.coach import CHECKS
from tests.review_plans import (
    CONTACTS,
    MEETINGS,
    OPPORTUNITIES,
    TOUCHES,
    busy_without_meetings,
    day,
    fact,
    small_plan,
    touches,
    with_actuals,
)


def _index(plan, metric):
    return next(i for i, t in enumerate(plan.accountability.targets) if t.metric == metric)


def _line(review, rep_id, metric):
    rep = review.rep(rep_id)
    return next(t for t in rep.targets if t.metric == metric)


def test_each_target_counts_its_facts_against_a_weekly_goal():
    plan = with_actuals(small_plan(), [
        *touches("ana", "2027-W03", 3, channel="phone"),
        fact("touch", "ana", day("2027-W03", 2), "brix", channel="email"),
        fact("meeting", "ana", day("2027-W03", 3), "nordwerk"),
        fact("touch", "ana", day("2027-W04"), "nordwerk"),  # another week
        fact("touch", "ben", day("2027-W03"), "suedhafen"),  # another rep
    ])
    review = weekly_review(plan, "2027-W03")
    assert _line(review, "ana", TOUCHES).this_week.actual == 4
    assert _line(review, "ana", TOUCHES).this_week.goal == 10
    assert _line(review, "ana", MEETINGS).this_week.actual == 1
    rep = review.rep("ana")
    assert (rep.touches, rep.meetings) == (4, 1)
    assert rep.touches_by_channel == {"phone": 3, "email": 1}
    assert rep.touches_by_tier == {"A": 3, "B": 1}


def test_a_monthly_target_is_pro_rated_to_the_week():
    review = weekly_review(with_actuals(small_plan(), touches("ana", "2027-W02", 1)), "2027-W02")
    assert _line(review, "ana", OPPORTUNITIES).this_week.goal == pytest.approx(2 * 12 / 52)


def test_a_figure_entered_by_hand_overrides_the_facts_of_its_week_only():
    plan = with_actuals(small_plan(), touches("ana", "2027-W03", 4) + touches("ana", "2027-W02", 2),
                        (("ana", "2027-W03", TOUCHES, 12), ("ana", "2027-W03", CONTACTS, 5)))
    review = weekly_review(plan, "2027-W03")
    line = _line(review, "ana", TOUCHES)
    assert (line.this_week.actual, line.this_week.by_hand) == (12, True)
    assert line.series[-2].actual == 2  # the week before keeps its facts
    assert _line(review, "ana", CONTACTS).this_week.actual == 5
    assert _line(review, "ben", CONTACTS).this_week.actual is None  # not entered: not zero


def test_the_series_runs_from_the_plans_first_week_to_the_week_reviewed():
    plan = with_actuals(small_plan(), touches("ana", "2027-W02", 7))
    line = _line(weekly_review(plan, "2027-W04"), "ana", TOUCHES)
    assert [(w.week, w.actual) for w in line.series] == [
        ("2027-W01", 0), ("2027-W02", 7), ("2027-W03", 0), ("2027-W04", 0)]


def test_a_rep_who_starts_later_has_no_goal_before_the_start():
    plan = small_plan()
    reps = [plan.reps[0].model_copy(update={"start_date": date(2027, 1, 18)}), plan.reps[1]]
    plan = with_actuals(plan.model_copy(update={"reps": reps}), touches("ana", "2027-W03", 1))
    series = _line(weekly_review(plan, "2027-W04"), "ana", TOUCHES).series
    assert [w.goal for w in series] == [None, None, 10, 10]


def test_reps_below_a_target_two_weeks_running():
    plan = with_actuals(small_plan(), [
        *touches("ana", "2027-W04", 9), *touches("ana", "2027-W05", 3),  # below, below
        *touches("ben", "2027-W04", 12), *touches("ben", "2027-W05", 3, "suedhafen"),  # met, below
        fact("meeting", "ana", day("2027-W04"), "nordwerk"),
        fact("meeting", "ana", day("2027-W05"), "nordwerk"),
    ])
    review = weekly_review(plan, "2027-W05")
    below = {(r.rep_id, t.metric) for r, t in review.below_two_weeks}
    assert below == {("ana", TOUCHES), ("ben", MEETINGS), ("ana", OPPORTUNITIES),
                     ("ben", OPPORTUNITIES)}


def test_the_review_says_how_many_weeks_running_a_rep_is_below():
    """A rep with no first meeting for four weeks read "below · two weeks running" each week."""
    plan = with_actuals(small_plan(), [*touches("ana", "2027-W02", 12),  # met, then below
                                       *touches("ana", "2027-W05", 3)])
    review = weekly_review(plan, "2027-W05")
    assert _line(review, "ana", TOUCHES).weeks_below == 3  # W03, W04, W05
    assert _line(review, "ben", TOUCHES).weeks_below == 5  # nothing logged since W01
    assert _line(weekly_review(plan, "2027-W02"), "ana", TOUCHES).weeks_below == 0


def test_an_opportunity_meets_the_definition_when_a_meeting_with_its_account_came_first():
    plan = with_actuals(small_plan(), [
        fact("meeting", "ana", day("2027-W03", 1), "nordwerk"),
        fact("opportunity", "ana", day("2027-W04", 2), "nordwerk"),  # 8 days after: qualified
        fact("opportunity", "ana", day("2027-W04", 3), "brix"),  # no meeting: not
        fact("meeting", "ana", day("2027-W04", 4), "brix"),  # after it: too late
    ])
    rep = weekly_review(plan, "2027-W04").rep("ana")
    assert (rep.opportunities, rep.qualified_opportunities) == (2, 1)
    # the target counts against the definition (METHOD.md): the one that meets it
    assert _line(weekly_review(plan, "2027-W04"), "ana", OPPORTUNITIES).this_week.actual == 1
    assert rep_actuals_by_week(plan, "ana")["2027-W04"][_index(plan, OPPORTUNITIES)] == 1
    assert rep_weekly_counts(plan, Counts.OPPORTUNITIES)["ana", "2027-W04"] == 1
    finding, = [f for f in rep.findings if f.rule_id == "actuals-opportunity-without-definition"]
    assert finding.message.startswith("One opportunity created this week")
    assert "(Brix)" in finding.message


def test_with_no_criteria_every_opportunity_meets_the_definition():
    plan = with_actuals(small_plan(criteria=False),
                        [fact("opportunity", "ana", day("2027-W04"), "brix")])
    review = weekly_review(plan, "2027-W04")
    assert review.rep("ana").qualified_opportunities == 1
    assert "no qualification criteria" in review.definition
    assert "actuals-opportunity-without-definition" not in {f.rule_id for f in review.findings}


def test_touches_on_accounts_outside_the_plan_are_listed_by_name():
    plan = with_actuals(small_plan(), [
        fact("touch", "ben", day("2027-W03"), None, name="Ostwind AG"),
        fact("touch", "ben", day("2027-W03", 1), None, name="Ostwind AG"),
        fact("touch", "ben", day("2027-W02"), None, name="Vorjahr KG"),  # another week
    ])
    rep = weekly_review(plan, "2027-W03").rep("ben")
    assert rep.outside_plan == {"Ostwind AG": 2}
    assert rep.touches_by_tier == {"outside": 2}


def test_dream_clients_untouched_for_three_weeks_are_cold():
    plan = with_actuals(small_plan(), [
        fact("touch", "ana", day("2027-W04"), "nordwerk"),  # within W04-W06
        fact("touch", "ben", day("2027-W03", 4), "suedhafen"),  # before the window
        fact("touch", "ana", day("2027-W06"), "brix"),  # tier B: never cold
    ])
    review = weekly_review(plan, "2027-W06")
    assert [(a.name, a.owners, a.last_touched) for a in review.cold_accounts] == [
        ("Südhafen", ("Ben Okafor",), date(2027, 1, 22))]
    finding, = [f for f in review.rep("ben").findings if f.rule_id == "actuals-dream-clients-cold"]
    assert "Südhafen" in finding.message
    # a touch logged after the week reviewed does not warm it up in that week's review
    later = with_actuals(plan, [fact("touch", "ben", day("2027-W07"), "suedhafen")])
    assert [a.name for a in weekly_review(later, "2027-W06").cold_accounts] == ["Südhafen"]
    # three weeks in, nothing is cold yet: the window must fit in the plan
    assert weekly_review(plan, "2027-W02").cold_accounts == ()


def test_volume_without_outcome_is_a_coach_finding():
    plan = busy_without_meetings()
    finding, = weekly_review(plan, "2027-W05").rep("ben").findings
    assert finding.rule_id == "actuals-volume-without-outcome"
    assert finding.message.startswith("75 touches, no first meeting in three weeks")
    # one meeting in those weeks is an outcome
    met = with_actuals(plan, [fact("meeting", "ben", day("2027-W03"), "suedhafen")])
    assert not weekly_review(met, "2027-W05").rep("ben").findings


def test_a_rep_far_behind_the_plans_pace():
    # The touches target asks Ana for 10 a week: 50 from W01 to W05
    plan = with_actuals(small_plan(), touches("ana", "2027-W01", 2))
    low = Thresholds(pace_min_planned=5)
    rep = weekly_review(plan, "2027-W05", thresholds=low).rep("ana")
    assert (rep.touches_planned_to_date, rep.touches_logged_to_date) == (50, 2)
    pace, = [f for f in rep.findings if f.rule_id == "actuals-behind-pace"]
    assert pace.message.startswith("2 touches logged of the 50 the plan set so far (4%)")
    one = with_actuals(small_plan(), touches("ana", "2027-W01", 1))  # one touch: no "touches"
    one_rep = weekly_review(one, "2027-W05", thresholds=low, language="de").rep("ana")
    pace, = [f for f in one_rep.findings if f.rule_id == "actuals-behind-pace"]
    assert pace.message.startswith("1 Touch erfasst von den 50")
    on_pace = with_actuals(plan, touches("ana", "2027-W02", 28))  # 30 of 50 is 60%: not behind
    on_pace_rep = weekly_review(on_pace, "2027-W05", thresholds=low).rep("ana")
    assert "actuals-behind-pace" not in {f.rule_id for f in on_pace_rep.findings}


def test_the_schedules_touches_count_in_the_weeks_they_are_more_than_the_goal():
    # Ana's schedule: Nordwerk's five touches in W01, Brix's in W08 (the plan's second wave);
    # the touches target asks 2 a week
    plan = with_actuals(small_plan(touches_a_week=2), touches("ana", "2027-W01", 2))
    assert weekly_review(plan, "2027-W05").rep("ana").touches_planned_to_date == 5 + 4 * 2
    assert weekly_review(plan, "2027-W08").rep("ana").touches_planned_to_date == 5 + 6 * 2 + 5


def test_the_default_week_is_the_last_full_week_within_the_plan():
    plan = with_actuals(small_plan(), touches("ana", "2027-W02", 1))
    assert weekly_review(plan, today=date(2027, 1, 20)).week == "2027-W02"  # a Wednesday
    assert weekly_review(plan, today=date(2027, 1, 25)).week == "2027-W03"  # the Monday after
    assert weekly_review(plan, today=date(2028, 1, 1)).week == "2027-W08"  # the plan is over
    assert weekly_review(plan, today=date(2026, 12, 1)).week == "2027-W02"  # ahead: its actuals


@pytest.mark.parametrize(("week", "says"), [
    ("2027-W5", "is not an ISO week (expected a week such as 2027-W05"),
    ("2027-W53", "2027 has no week 53"),
    ("2027-W09", "2027-W09 is outside the plan 'Review test', which runs from 2027-W01 to "
                 "2027-W08"),
    ("2026-W53", "2026-W53 is outside the plan"),
])
def test_a_week_that_is_not_one_of_the_plans_is_refused(week, says):
    with pytest.raises(ReviewError, match=says.replace("(", r"\(")):
        weekly_review(small_plan(), week)


def test_the_review_is_plain_json():
    plan = with_actuals(small_plan(), [*touches("ana", "2027-W03", 2),
                                       fact("opportunity", "ana", day("2027-W03"), "brix")])
    data = json.loads(json.dumps(weekly_review(plan, "2027-W03").to_dict()))
    ana = data["reps"][0]
    assert (data["week"], data["monday"], ana["rep_name"]) == ("2027-W03", "2027-01-18", "Ana Berg")
    assert ana["targets"][0]["this_week"] == {"week": "2027-W03", "goal": 10, "actual": 2,
                                              "by_hand": False, "below": True}
    assert "actuals-opportunity-without-definition" in {f["rule_id"] for f in ana["findings"]}


def test_every_rule_of_the_coach_on_actuals_has_a_check():
    assert set(CHECKS) == {rule.id for rule in ACTUALS_RULES}


def test_the_coach_weighs_hand_entered_touches_and_meetings_as_the_targets_do():
    # 75 touches imported over three weeks and no meeting: but the leader entered a meeting
    busy = [t for w in ("2027-W03", "2027-W04", "2027-W05") for t in touches("ben", w, 25,
                                                                              "suedhafen")]
    plan = with_actuals(small_plan(), busy, (("ben", "2027-W04", MEETINGS, 1),))
    assert not weekly_review(plan, "2027-W05").rep("ben").findings
    # and touches entered by hand replace that week's imported ones: 25 + 5 + 25 is below 60
    plan = with_actuals(small_plan(), busy, (("ben", "2027-W04", TOUCHES, 5),))
    rep = weekly_review(plan, "2027-W05").rep("ben")
    assert not rep.findings and rep.touches_logged_to_date == 55


def test_the_teams_series_sums_the_reps_for_a_chart():
    facts = [*touches("ana", "2027-W02", 4), *touches("ben", "2027-W02", 3, "suedhafen")]
    plan = with_actuals(small_plan(), facts, (("ben", "2027-W02", CONTACTS, 2),))
    review = weekly_review(plan, "2027-W02")
    touches_team, _, _, contacts_team = (review.team_series(i) for i in range(4))
    assert [(w.goal, w.actual) for w in touches_team] == [(20, 0), (20, 7)]
    assert [(w.actual, w.by_hand) for w in contacts_team] == [(None, False), (2, True)]


def test_the_schedules_kept_between_reviews_follow_an_edit_of_the_cadence():
    plan = with_actuals(small_plan(touches_a_week=0), touches("ana", "2027-W01", 2))
    assert weekly_review(plan, "2027-W02").rep("ana").touches_planned_to_date == 5
    cadence = plan.cadences[0]
    longer = cadence.model_copy(update={"steps": [*cadence.steps, cadence.steps[0].model_copy(
        update={"day": 7})]})  # a sixth touch, a week after the first
    edited = plan.model_copy(update={"cadences": [longer]})
    assert weekly_review(edited, "2027-W02").rep("ana").touches_planned_to_date == 6



def test_an_edit_made_in_place_as_the_app_makes_it_is_reviewed_with_the_new_schedule():
    """The app edits its plan in place (``PlanDocument.apply_values``: the same plan, the same
    lists): the schedules kept from the review before an edit must not be shown after it."""
    from prospector import editing  # noqa: PLC0415

    plan = with_actuals(small_plan(touches_a_week=0), touches("ana", "2027-W01", 2))
    assert weekly_review(plan, "2027-W01").rep("ana").touches_planned_to_date == 5
    # the fifth touch a week after the first: on Monday of 2027-W02
    editing.put_values(plan, [(("cadences", plan.cadences[0].id, "steps", 4, "day"), 7)])
    assert weekly_review(plan, "2027-W01").rep("ana").touches_planned_to_date == 4
    # Nordwerk (A, touched in W01 only) and Südhafen (A, never) are cold three weeks on
    cold = [a.name for a in weekly_review(plan, "2027-W05").cold_accounts]
    assert cold == ["Nordwerk", "Südhafen"]
    # Brix made a dream client and put first in Ana's list: Brix starts in the first wave and
    # Nordwerk in the second (W08), so Brix is cold and Nordwerk not yet started
    editing.put_values(plan, [(("accounts", "brix", "tier"), "A"),
                              (("reps", "ana", "account_ids"), ["brix", "nordwerk"])])
    cold = [a.name for a in weekly_review(plan, "2027-W05").cold_accounts]
    assert cold == ["Brix", "Südhafen"]


def test_an_israeli_reps_sunday_counts_in_the_week_it_starts_a_german_reps_in_the_iso_week():
    """Dana works in Israel (weekend Friday-Saturday: her week runs Sunday to Thursday), Ana in
    Germany (Monday to Friday). A touch each on Sunday 24 January 2027, the last day of ISO week
    2027-W03: Dana's starts her week 2027-W04, Ana's stays in 2027-W03."""
    from prospector.playbook.context import build_context  # noqa: PLC0415
    from prospector.playbook.review_text import review_text  # noqa: PLC0415
    from prospector.review import rep_actuals_by_week  # noqa: PLC0415
    from prospector.review.weeks import plan_weekends, week_days_label  # noqa: PLC0415

    base = small_plan()
    doc = base.model_dump(mode="json")
    doc["reps"] = [{**doc["reps"][0], "holiday_country": "DE"},
                   {**doc["reps"][1], "id": "dana", "name": "Dana Levi",
                    "holiday_country": "IL"}]
    sunday = day("2027-W03", 6)
    plan = with_actuals(type(base).model_validate(doc), [
        fact("touch", "ana", sunday, "nordwerk", channel="email"),
        fact("touch", "dana", sunday, "suedhafen", channel="phone"),
        fact("touch", "dana", day("2027-W04", 3), "suedhafen", channel="phone"),  # Thursday
    ])
    w03, w04 = weekly_review(plan, "2027-W03"), weekly_review(plan, "2027-W04")
    assert (_line(w03, "ana", TOUCHES).this_week.actual,
            _line(w04, "ana", TOUCHES).this_week.actual) == (1, 0)
    assert (_line(w03, "dana", TOUCHES).this_week.actual,
            _line(w04, "dana", TOUCHES).this_week.actual) == (0, 2)
    # the rep's scorecard counts the same weeks as the review
    assert rep_actuals_by_week(plan, "dana")["2027-W04"][0] == 2
    assert "2027-W03" not in rep_actuals_by_week(plan, "dana")
    # and the weekly grid of figures by hand shows the imported ones beside them the same way
    from prospector.actuals.counting import Counts  # noqa: PLC0415
    from prospector.review.build import rep_weekly_counts  # noqa: PLC0415

    assert rep_weekly_counts(plan, Counts.TOUCHES) == {
        ("ana", "2027-W03"): 1, ("dana", "2027-W04"): 2}
    # each rep's working days are named: the picker's label, the text review, the rep's line
    dana = w04.rep("dana")
    assert (dana.first_day, dana.last_day) == (sunday, date(2027, 1, 28))
    assert week_days_label("2027-W04", plan_weekends(plan)) == \
        "Mon 25 – Fri 29 Jan · Sun 24 – Thu 28 Jan 2027"
    text = review_text(plan, w04, "en")
    assert "Ana Berg (Mon 25 – Fri 29 Jan)" in text
    assert "Dana Levi (Sun 24 – Thu 28 Jan)" in text
    # a dream client touched on Sunday 17 January: Dana's starts her first week of the three
    # before 2027-W05 ends, so it is not cold; Ana's is a day before her three weeks: cold
    earlier = with_actuals(type(base).model_validate(doc), [
        fact("touch", "ana", day("2027-W02", 6), "nordwerk", channel="email"),
        fact("touch", "dana", day("2027-W02", 6), "suedhafen", channel="phone")])
    assert [a.name for a in weekly_review(earlier, "2027-W05").cold_accounts] == ["Nordwerk"]
    from prospector.playbook.review_sheet import review_context  # noqa: PLC0415

    sheet = {r["name"]: r["days"] for r in review_context(plan, w04, date(2027, 2, 1))["reps"]}
    assert sheet == {"Ana Berg": "", "Dana Levi": "Sun 24 – Thu 28 Jan"}  # the printed review
    # and Dana's printed scorecard: her weeks from Sunday, the Sunday's touch in the second
    card = [r for r in build_context(plan, rep_name="dana")["scorecard"]["rows"]
            if r["kind"] == "week"]
    assert [(r["dates"], r["actuals"][:1]) for r in card[2:4]] == [
        ("17–21 Jan", []), ("24–28 Jan", ["2"])]


def test_the_review_is_made_in_short_steps_and_sums_a_log_of_facts_once():
    """The app makes the review between two frames, a step at a time: the first review of a
    log goes over its facts in steps of FACTS_PER_STEP; another week of the same log reads only
    the sums (a few steps), and both are the review ``weekly_review`` makes."""
    from prospector.review import review_steps  # noqa: PLC0415
    from prospector.review.summary import FACTS_PER_STEP  # noqa: PLC0415

    plan = with_actuals(small_plan(), [
        f for w in ("2027-W03", "2027-W04")
        for f in (*touches("ana", w, 1_200), *touches("ben", w, 900, "suedhafen"))])

    def stepped(week):
        steps, work = 0, review_steps(plan, week)
        while True:
            try:
                next(work)
                steps += 1
            except StopIteration as done:
                return steps, done.value

    first_steps, first = stepped("2027-W03")
    again_steps, again = stepped("2027-W04")
    assert first_steps >= len(plan.actuals.facts) // FACTS_PER_STEP  # 4,200 facts: 2 steps
    assert again_steps <= len(plan.reps) + 3  # the sums kept: each rep, and a few steps
    assert first == weekly_review(plan, "2027-W03")
    assert again == weekly_review(plan, "2027-W04")
    assert _line(again, "ben", TOUCHES).this_week.actual == 900
