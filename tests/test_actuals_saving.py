"""A plan with thousands of imported facts, edited in the app: every edit is saved with every fact,
older versions keep theirs, and a newer save made elsewhere is never overwritten."""


import pytest

from prospector.store import PlanStore
from tests.generated_facts import generated_facts, with_imported
from ui.autosave import Autosaver
from ui.document import PlanDocument

FACTS = 4_100  # three blocks of the store's 2,000, the last one partly filled






@pytest.fixture
def stored(sample_plan, tmp_path):
    """A store holding the sample with ``FACTS`` facts (version 1), and that plan as read back."""
    store = PlanStore(tmp_path / "store")
    store.save(with_imported(sample_plan, generated_facts(sample_plan, FACTS)))
    return store, store.load(sample_plan.id)


@pytest.fixture
def editing(qtbot, stored):
    """The stored plan open in a document, autosaved to its store from version 1."""
    store, plan = stored
    document = PlanDocument(plan)
    saver = Autosaver(store)
    saver.watch(document)
    saver.base_version = 1
    yield store, document, saver
    saver.stop()


def test_an_edit_of_the_text_saves_and_reads_back_with_every_fact(qtbot, editing):
    store, document, saver = editing
    facts = list(document.plan.actuals.facts)
    document.set_value(("basics", "goal"), "40 first meetings by June")
    with qtbot.waitSignal(saver.saved, timeout=30000):
        saver.save_now()
    reopened = PlanStore(store.folder).load(document.plan.id)
    assert reopened.basics.goal == "40 first meetings by June"
    assert list(reopened.actuals.facts) == facts and len(facts) == FACTS


def test_an_import_that_corrects_facts_saves_the_corrections_after_text_edits(qtbot, editing):
    """The facts read from the store are saved again after an import replaced some of them (a
    later export of the same rows), in the middle of the list and at its end."""
    store, document, saver = editing
    document.set_value(("basics", "goal"), "A goal typed first")
    corrected = generated_facts(document.plan, 10, first=1_995, subject="Call, corrected")
    more = generated_facts(document.plan, 50, first=FACTS)
    actuals = document.plan.actuals.with_facts(corrected + more)
    document.set_actuals(actuals, "Import actuals")
    document.set_value(("basics", "goal"), "A goal typed after the import")
    with qtbot.waitSignal(saver.saved, timeout=30000):
        saver.save_now()
    reopened = PlanStore(store.folder).load(document.plan.id).actuals.facts
    assert len(reopened) == FACTS + 50
    assert [f.subject for f in reopened[1_990:2_010]] == (
        [f"Call {n}" for n in range(1_990, 1_995)] + [f"Call, corrected {n}" for n in
                                                      range(1_995, 2_005)]
        + [f"Call {n}" for n in range(2_005, 2_010)])
    assert list(reopened[FACTS:]) == more


def test_the_history_restores_an_older_version_with_its_facts(qtbot, editing):
    store, document, saver = editing
    first = list(document.plan.actuals.facts)
    more = generated_facts(document.plan, 900, first=FACTS)
    document.set_actuals(document.plan.actuals.with_facts(more), "Import actuals")
    document.set_value(("basics", "goal"), "After the second import")
    with qtbot.waitSignal(saver.saved, timeout=30000):
        saver.save_now()
    assert len(store.load(document.plan.id).actuals.facts) == FACTS + 900
    restored = store.restore(document.plan.id, 1)
    back = PlanStore(store.folder).load(document.plan.id)
    assert restored == 3 and list(back.actuals.facts) == first
    assert back.basics.goal != "After the second import"


def test_a_newer_save_made_elsewhere_is_not_overwritten_by_the_autosave(qtbot, editing):
    store, document, saver = editing
    elsewhere = store.load(document.plan.id)
    elsewhere = with_imported(elsewhere, generated_facts(elsewhere, 7, first=FACTS))
    elsewhere.basics.goal = "Saved from the command line"
    PlanStore(store.folder).save(elsewhere, base_version=1)  # version 2
    document.set_value(("basics", "goal"), "Typed in the window")
    with qtbot.waitSignal(saver.conflict, timeout=30000) as blocker:
        saver.save_now()
    assert blocker.args[0].current_version == 2
    kept = PlanStore(store.folder).load(document.plan.id)
    assert kept.basics.goal == "Saved from the command line"
    assert len(kept.actuals.facts) == FACTS + 7


def test_a_duplicate_of_the_plan_has_every_fact(stored):
    store, plan = stored
    copy = store.duplicate(plan.id, "Copy with the actuals")
    reread = PlanStore(store.folder).load(copy.id)
    assert reread.name == "Copy with the actuals" and reread.id != plan.id
    assert list(reread.actuals.facts) == list(plan.actuals.facts)
