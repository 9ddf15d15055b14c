"""The plan's JSON the preview sends after each edit: the same as pydantic's, written again only
for the items the edit changed (prospector/plan_json.py)."""

from __future__ import annotations

import json

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
