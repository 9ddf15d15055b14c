"""The plan's actuals: kept once per fact, migrated, saved with the plan and its history."""

import json
from datetime import date

import pytest

from prospector.account_import import import_accounts
from prospector.actuals.counting import Counts, counts_towards
from prospector.actuals.records import Happened, LoggedFact, Source, fact_key
from prospector.actuals.weekly import WeeklyFigure
from prospector.model import Channel
from prospector.planfile import plan_from_document, read_plan_file, write_plan_file
from prospector.store import PlanStore, VersionConflict
from tests.conftest import REPO
from tests.generated_facts import generated_facts, with_imported


def test_a_plan_of_version_5_reads_with_no_actuals_and_targets_counting_by_their_words(
        sample_doc):
    old = json.loads(json.dumps(sample_doc))
    old["schema_version"] = 5
    del old["actuals"]
    for target in old["accountability"]["targets"]:
        del target["counts"]
    plan = plan_from_document(old, "v5.json")
    assert plan.actuals.is_empty()
    assert {t.metric: t.counts for t in plan.accountability.targets} == {
        "Value-creating touches delivered": Counts.TOUCHES,
        "Conversations with decision makers in target accounts": Counts.CONVERSATIONS,
        "New contacts mapped in target accounts": Counts.HAND_ENTERED,
        "First meetings held": Counts.MEETINGS,
        "New qualified opportunities (pilot scoped with the buyer)": Counts.OPPORTUNITIES,
    }


def test_importing_the_same_facts_again_counts_them_once_and_keeps_the_later_one(sample_plan):
    plan = with_imported(sample_plan, generated_facts(sample_plan, 10))
    again = [f.model_copy(update={"subject": "Call, corrected"})
             for f in generated_facts(plan, 5, 8)]
    plan = with_imported(plan, again)
    assert len(plan.actuals.facts) == 13
    assert [f.subject for f in plan.actuals.facts[8:]] == ["Call, corrected"] * 5


def test_a_fact_without_a_row_id_is_known_by_its_fields():
    one = fact_key("hubspot", "", "touch", "mette sorensen", "2027-01-12", "call", "intro")
    assert one == fact_key("hubspot", " ", "touch", "mette sorensen", "2027-01-12", "call",
                           "intro")
    assert one != fact_key("hubspot", "", "touch", "mette sorensen", "2027-01-13", "call",
                           "intro")
    assert fact_key("salesforce", "00T5g000012abcD") == "salesforce:00T5g000012abcD"


@pytest.mark.parametrize("week, problem", [("2027-W54", "has no week 54"),
                                           ("2027-05", "is not an ISO week")])
def test_a_week_that_is_not_an_iso_week_is_refused(week, problem):
    with pytest.raises(ValueError, match=problem):
        WeeklyFigure(rep_id="rep-1", week=week, metric="Touches", value=1)


def test_one_key_twice_in_a_plan_file_is_refused(sample_plan, sample_doc):
    doc = json.loads(json.dumps(sample_doc))
    fact = json.loads(generated_facts(sample_plan, 1)[0].model_dump_json())
    doc["actuals"]["facts"] = [fact, fact]
    with pytest.raises(Exception, match="is there twice"):
        plan_from_document(doc, "twice.json")


def test_what_a_target_counts():
    def fact(kind, channel=None):
        return LoggedFact(key="k", kind=kind, rep_id="rep-1", date=date(2027, 2, 1),
                          channel=channel, source=Source.MANUAL)
    call, mail = fact(Happened.TOUCH, Channel.PHONE), fact(Happened.TOUCH, Channel.EMAIL)
    meeting, deal = fact(Happened.MEETING), fact(Happened.OPPORTUNITY)
    counted = {c: [f for f in (call, mail, meeting, deal) if counts_towards(f, c)]
               for c in Counts}
    assert counted == {Counts.TOUCHES: [call, mail], Counts.CONVERSATIONS: [call, meeting],
                       Counts.MEETINGS: [meeting], Counts.OPPORTUNITIES: [deal],
                       Counts.HAND_ENTERED: []}


def test_the_plan_file_carries_the_actuals(sample_plan, tmp_path):
    plan = with_imported(sample_plan, generated_facts(sample_plan, 3))
    assert read_plan_file(write_plan_file(plan, tmp_path / "p.json")).actuals == plan.actuals


def _stored_bytes(store: PlanStore) -> int:
    """The bytes of the store file and of its blocks of facts."""
    return store.path.stat().st_size + sum(p.stat().st_size
                                           for p in (store.folder / "facts").iterdir())


def test_saving_a_plan_again_does_not_store_its_actuals_again(sample_plan, tmp_path):
    store = PlanStore(tmp_path / "store")
    plan = with_imported(sample_plan, generated_facts(sample_plan, 5_000))
    store.save(plan)
    one_version = _stored_bytes(store)
    for n in range(10):
        plan.basics.goal = f"Goal {n}"
        store.save(plan)
    assert _stored_bytes(store) < 1.2 * one_version
    more = with_imported(plan, generated_facts(plan, 100, first=5_000))
    store.save(more)
    assert len(store.load(plan.id).actuals.facts) == 5_100
    assert len(store.load_version(plan.id, 1).actuals.facts) == 5_000


def test_a_save_of_actuals_started_from_an_older_version_is_refused(sample_plan, tmp_path):
    store = PlanStore(tmp_path / "store")
    base = store.save(sample_plan)
    store.save(with_imported(sample_plan, generated_facts(sample_plan, 10)), base_version=base)
    with pytest.raises(VersionConflict, match="nothing was saved"):
        store.save(with_imported(sample_plan, generated_facts(sample_plan, 3, first=50)),
                   base_version=base)
    assert len(store.load(sample_plan.id).actuals.facts) == 10


def test_a_copy_of_a_plan_shares_its_facts_and_an_import_into_the_copy_leaves_them(sample_plan):
    """The app copies a plan when it opens it: 100,000 facts copied one by one took 2.4 s."""
    plan = with_imported(sample_plan, generated_facts(sample_plan, 3))
    twin = plan.model_copy(deep=True)
    assert twin.actuals.facts is plan.actuals.facts
    twin.actuals = twin.actuals.with_facts(generated_facts(plan, 1, first=9))
    assert len(twin.actuals.facts) == 4 and len(plan.actuals.facts) == 3


def test_importing_accounts_keeps_the_actuals(sample_plan):
    plan = with_imported(sample_plan, generated_facts(sample_plan, 3))
    result = import_accounts(plan, REPO / "tests" / "data" / "hubspot-companies-export.csv")
    assert result.changed and result.new_plan.actuals == plan.actuals
