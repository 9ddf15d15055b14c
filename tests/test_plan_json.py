"""The plan's JSON the preview sends after each edit: the same as pydantic's, written again only
for the items the edit changed (prospector/plan_json.py)."""

from __future__ import annotations

import json
from datetime import date

from prospector.actuals.records import Happened, LoggedFact, Source
from prospector.actuals.weekly import WeeklyFigure
from prospector.model import TargetAccount
from prospector.plan_json import PlanJson


def _same(plan_json: PlanJson, plan) -> bool:
    return json.loads(plan_json.json(plan)) == json.loads(plan.model_dump_json())


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


def test_the_json_follows_the_actuals_an_import_replaces_and_an_edit_told(sample_plan):
    plan_json = PlanJson()
    assert _same(plan_json, sample_plan)
    fact = LoggedFact(key="hubspot:1", kind=Happened.MEETING, rep_id="rep-01",
                      date=date(2027, 2, 1), source=Source.HUBSPOT)
    sample_plan.actuals = sample_plan.actuals.with_facts([fact])  # what an import does
    assert json.loads(plan_json.json(sample_plan))["actuals"]["facts"][0]["key"] == "hubspot:1"
    sample_plan.actuals.weekly.append(WeeklyFigure(rep_id="rep-01", week="2027-W05",
                                                   metric="New contacts mapped", value=3))
    plan_json.forget(("actuals", "weekly"))
    assert _same(plan_json, sample_plan)
