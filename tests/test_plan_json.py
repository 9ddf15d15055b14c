"""The plan's JSON the preview sends after each edit: the same as pydantic's, written again only
for the items the edit changed (prospector/plan_json.py)."""

from __future__ import annotations

import json
from datetime import date

from prospector.actuals.records import Happened, LoggedFact, Source
from prospector.actuals.weekly import WeeklyFigure
from prospector.model import Plan, TargetAccount
from prospector.plan_json import PlanJson, printed_plan_json


def _same(plan_json: PlanJson, plan) -> bool:
    """The preview's JSON is pydantic's, but for the actuals' facts (the playbook prints none)."""
    expected = json.loads(plan.model_dump_json())
    del expected["actuals"]["facts"]
    return json.loads(plan_json.json(plan)) == expected


def test_the_json_follows_each_edit_it_is_told_of(sample_plan):
    plan_json = PlanJson()
    assert _same(plan_json, sample_plan)
    account = sample_plan.accounts[3]
    account.city = "Tromsø"
    plan_json.forget(("accounts", account.id, "city"))
    assert json.loads(plan_json.json(sample_plan))["accounts"][3]["city"] == "Tromsø"
    sample_plan.accounts[0].contacts[0].name = "Ann Other"  # an item inside an item
    plan_json.forget(("accounts", sample_plan.accounts[0].id, "contacts", 0, "name"))
    sample_plan.basics.company = "Renamed AG"  # outside the lists: always written again
    del sample_plan.accounts[5]
    sample_plan.accounts.append(TargetAccount(name="Brand New GmbH", tier="C"))
    assert _same(plan_json, sample_plan)


def test_the_json_leaves_out_the_facts_and_follows_the_rest_of_the_actuals(sample_plan):
    plan_json = PlanJson()
    fact = LoggedFact(key="hubspot:1", kind=Happened.MEETING, rep_id="rep-01",
                      date=date(2027, 2, 1), source=Source.HUBSPOT)
    sample_plan.actuals = sample_plan.actuals.with_facts([fact])  # what an import does
    sent = json.loads(plan_json.json(sample_plan))
    assert "facts" not in sent["actuals"]
    sample_plan.actuals.weekly.append(WeeklyFigure(rep_id="rep-01", week="2027-W05",
                                                   metric="New contacts mapped", value=3))
    plan_json.forget(("actuals", "weekly"))
    assert _same(plan_json, sample_plan)


def test_a_render_process_gets_the_facts_for_the_reps_scorecards_only(sample_plan):
    """A rep's edition fills the scorecard from the facts (sent, written from the blocks kept
    for the store); the leader's edition prints none (left out)."""
    facts = [LoggedFact(key=f"hubspot:{n}", kind=Happened.MEETING, rep_id="rep-01",
                        date=date(2027, 2, 1), subject=f"Meeting {n}", source=Source.HUBSPOT)
             for n in range(4_500)]
    sample_plan.actuals = sample_plan.actuals.with_facts(facts)
    sample_plan.actuals = sample_plan.actuals.with_figure(WeeklyFigure(
        rep_id="rep-01", week="2027-W05", metric="New contacts mapped", value=3))
    for_reps = Plan.model_validate_json(printed_plan_json(sample_plan, facts=True))
    assert for_reps == sample_plan
    for_leader = json.loads(printed_plan_json(sample_plan, facts=False))
    assert "facts" not in for_leader["actuals"] and for_leader["actuals"]["weekly"]
