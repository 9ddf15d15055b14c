"""Two sets of edits to the same plan version, merged item by item, or refused with the places
that collide named."""

from __future__ import annotations

import copy

import pytest

from prospector.actuals_import import enter_figure, read_actuals
from prospector.merge import MergeConflict, merge_plans
from prospector.planfile import plan_to_document
from tests.test_actuals_import import HS_ACTIVITIES, HS_DEALS


@pytest.fixture
def base(sample_doc):
    return copy.deepcopy(sample_doc)


def test_edits_to_different_items_and_fields_merge(base):
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine["basics"]["goal"] = "70 first meetings by June"
    mine["accounts"].append({"id": "acc-new-mine", "name": "Mine GmbH"})
    mine["touches"][0]["title"] = "Benchmark, retitled here"
    theirs["basics"]["owner"] = "Someone else"
    theirs["accounts"] = theirs["accounts"][1:]  # the command line removed the first account
    theirs["accounts"].append({"id": "acc-new-theirs", "name": "Theirs AB"})
    for rep in theirs["reps"]:
        rep["account_ids"] = [a for a in rep["account_ids"] if a != base["accounts"][0]["id"]]
    merged = merge_plans(base, mine, theirs)
    assert merged["basics"]["goal"] == "70 first meetings by June"
    assert merged["basics"]["owner"] == "Someone else"
    names = [a["name"] for a in merged["accounts"]]
    assert base["accounts"][0]["name"] not in names
    assert "Mine GmbH" in names and "Theirs AB" in names
    assert merged["touches"][0]["title"] == "Benchmark, retitled here"


def test_the_same_field_changed_both_ways_is_named(base):
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine["touches"][0]["title"] = "Mine"
    theirs["touches"][0]["title"] = "Theirs"
    mine["basics"]["goal"] = theirs["basics"]["goal"] = "Agreed"  # the same change: no conflict
    with pytest.raises(MergeConflict) as refused:
        merge_plans(base, mine, theirs)
    assert refused.value.conflicts == ["touches “Mine”.title"]


def test_deleted_on_one_side_and_edited_on_the_other_is_a_conflict(base):
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    gone = base["differentiators"][0]
    theirs["differentiators"] = theirs["differentiators"][1:]
    mine["differentiators"][0]["proof"] = "A new proof"
    with pytest.raises(MergeConflict) as refused:
        merge_plans(base, mine, theirs)
    assert refused.value.conflicts == [f"differentiators “{gone['difference'][:60]}”"]


def test_a_merge_that_would_break_the_plan_is_refused(base):
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    persona = base["personas"][-1]["id"]
    theirs["personas"] = theirs["personas"][:-1]  # deleted there, with its references
    for touch in theirs["touches"]:
        touch["persona_ids"] = [p for p in touch["persona_ids"] if p != persona]
    for cadence in theirs["cadences"]:
        cadence["persona_ids"] = [p for p in cadence["persona_ids"] if p != persona]
    for account in theirs["accounts"]:
        for contact in account["contacts"]:
            if contact.get("persona_id") == persona:
                contact["persona_id"] = None
    mine["touches"].append({"id": "tch-mine", "title": "For that persona", "channel": "email",
                            "persona_ids": [persona]})
    with pytest.raises(ValueError, match="no persona has id"):
        merge_plans(base, mine, theirs)



def test_new_accounts_of_both_sides_past_what_a_plan_holds_are_refused(base):
    """Each side within 5,000 accounts, together more: the plan the merge made took a plan past
    what an import or an added row is allowed to."""
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    room = 5_000 - len(base["accounts"])
    mine["accounts"] += [{"id": f"acc-m{n}", "name": f"Mine {n}"} for n in range(room)]
    theirs["accounts"] += [{"id": f"acc-t{n}", "name": f"Theirs {n}"} for n in range(2)]
    with pytest.raises(ValueError, match="a plan names at most 5,000 accounts"):
        merge_plans(base, mine, theirs)
    theirs["accounts"] = theirs["accounts"][:-2]  # one side's new accounts alone: merged
    theirs["accounts"][0]["name"] = "Renamed there"
    merged = merge_plans(base, mine, theirs)
    assert len(merged["accounts"]) == 5_000 and merged["accounts"][0]["name"] == "Renamed there"


def _with_stage(doc: dict, key: str, stage: str) -> dict:
    changed = copy.deepcopy(doc)
    for fact in changed["actuals"]["facts"]:
        if fact["key"] == key:
            fact["stage"] = stage
    return changed


def test_two_imports_of_actuals_merge_and_one_fact_changed_both_ways_is_named(sample_plan):
    mine = read_actuals(sample_plan, HS_ACTIVITIES).apply(sample_plan)
    mine = enter_figure(mine, "Bram Claessens", "2027-W03",
                        "New contacts mapped in target accounts", 2)
    theirs = read_actuals(sample_plan, HS_DEALS).apply(sample_plan)
    merged = merge_plans(*map(plan_to_document, (sample_plan, mine, theirs)))
    assert len(merged["actuals"]["facts"]) == 8 and len(merged["actuals"]["weekly"]) == 1
    deals = plan_to_document(theirs)
    with pytest.raises(MergeConflict, match="actuals.facts “Haldorsen energy pilot”"):
        merge_plans(deals, _with_stage(deals, "hubspot:9001", "Closed won"),
                    _with_stage(deals, "hubspot:9001", "Closed lost"))
