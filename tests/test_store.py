"""The local store: round trips, history, restore, corrupt files, disk full, trash."""

import errno
import json

import pytest

from prospector import store as store_module
from prospector.errors import PlanNotFound, StoreError
from prospector.model import SCHEMA_VERSION, Plan
from prospector.planfile import plan_to_document
from prospector.store import STORE_VERSION, PlanStore


@pytest.fixture
def store(tmp_path):
    return PlanStore(tmp_path / "store")


def test_save_and_load_round_trips_every_field(store, sample_plan):
    store.save(sample_plan)
    assert plan_to_document(store.load(sample_plan.id)) == plan_to_document(sample_plan)


def test_list_and_find_by_name_id_and_prefix(store, sample_plan):
    store.save(sample_plan)
    other = Plan(name="Second plan")
    store.save(other)
    names = {p.name for p in store.list_plans()}
    assert names == {sample_plan.name, "Second plan"}
    assert store.find(sample_plan.name.upper()).id == sample_plan.id
    assert store.find(other.id).name == "Second plan"
    assert store.find(other.id[:9]).id == other.id
    with pytest.raises(PlanNotFound, match="prospector list"):
        store.find("no such plan")


def test_two_plans_with_one_name_must_be_picked_by_id(store):
    store.save(Plan(name="Twin"))
    store.save(Plan(name="Twin"))
    with pytest.raises(PlanNotFound, match="2 stored plans are named 'Twin'"):
        store.find("Twin")


def test_history_keeps_at_least_the_last_20_versions(store, sample_plan):
    for i in range(1, 36):
        sample_plan.basics.goal = f"goal {i}"
        assert store.save(sample_plan) == i
    versions = store.history(sample_plan.id)
    assert len(versions) >= 20
    assert versions[0].version == 35
    assert store.load_version(sample_plan.id, 20).basics.goal == "goal 20"
    assert store.load_version(sample_plan.id, versions[-1].version).basics.goal == (
        f"goal {versions[-1].version}"
    )


def test_restore_brings_back_an_old_version_and_keeps_the_newer_one(store, sample_plan):
    sample_plan.basics.goal = "first goal"
    store.save(sample_plan)
    sample_plan.basics.goal = "second goal"
    store.save(sample_plan)
    assert store.restore(sample_plan.id, 1) == 3
    assert store.load(sample_plan.id).basics.goal == "first goal"
    assert store.load_version(sample_plan.id, 2).basics.goal == "second goal"
    assert store.history(sample_plan.id)[0].note == "restored from version 1"


def test_restore_of_a_version_that_is_not_kept(store):
    plan = Plan(name="P")
    store.save(plan)
    with pytest.raises(PlanNotFound, match="has no version 7 \\(kept: 1\\)"):
        store.restore(plan.id, 7)


def test_history_is_stored_compactly(store, sample_plan):
    for i in range(30):
        sample_plan.basics.goal = f"goal {i}"
        store.save(sample_plan)
    one_plan = len(json.dumps(plan_to_document(sample_plan), ensure_ascii=False))
    # 30 versions that differ in the goal cost less than 6 copies of the plan
    assert store.path.stat().st_size < 6 * one_plan


def test_history_of_a_large_plan_stores_only_what_changed(store, sample_plan):
    template = sample_plan.accounts[0]
    sample_plan.reps = []
    sample_plan.accounts = [
        template.model_copy(update={"id": f"acc-{i:04}", "name": f"Account {i}"})
        for i in range(1000)
    ]
    for i in range(25):
        sample_plan.accounts[i].notes = f"called on day {i}"
        store.save(sample_plan)
    one_plan = len(json.dumps(plan_to_document(sample_plan), ensure_ascii=False))
    assert store.path.stat().st_size < 3 * one_plan
    assert store.load_version(sample_plan.id, 3).accounts[5].notes == template.notes
    assert store.load(sample_plan.id).accounts[24].notes == "called on day 24"


def test_store_folder_has_no_leftover_temp_files(store, sample_plan):
    for _ in range(5):
        store.save(sample_plan)
    assert not [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "damage",
    [b"", b"{\"plans\": {\"1\": {\"plan_id\": ", b"\x00\x01\x02garbage\xff", b"[1, 2, 3]"],
    ids=["empty", "truncated", "binary", "not-a-store"],
)
def test_corrupt_store_is_moved_aside_reported_and_recovered(store, sample_plan, damage):
    sample_plan.basics.goal = "good one"
    store.save(sample_plan)
    sample_plan.basics.goal = "good two"
    store.save(sample_plan)
    store.path.write_bytes(damage)

    reopened = PlanStore(store.folder)
    plans = reopened.list_plans()
    assert [p.id for p in plans] == [sample_plan.id]
    assert reopened.load(sample_plan.id).basics.goal == "good one"  # the last good file
    assert len(reopened.notices) == 1 and "moved aside" in reopened.notices[0]
    aside = list(store.folder.glob("plans.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == damage  # never overwritten


def test_corrupt_store_without_backup_starts_empty_and_keeps_the_file(store):
    store.folder.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{not json")
    assert store.list_plans() == []
    assert "no good backup" in store.notices[0]
    assert list(store.folder.glob("plans.corrupt-*.json"))[0].read_text() == "{not json"


def test_two_corruptions_in_the_same_second_keep_both_files(store, sample_plan):
    store.save(sample_plan)
    store.path.write_text("{one")
    store.list_plans()
    store.path.write_text("{two")
    store.list_plans()
    kept = sorted(p.read_text() for p in store.folder.glob("plans.corrupt-*.json"))
    assert kept == ["{one", "{two"]


def test_disk_full_during_save_keeps_the_previous_version(store, sample_plan, monkeypatch):
    sample_plan.basics.goal = "saved before the disk filled up"
    store.save(sample_plan)
    before = store.path.read_bytes()

    def disk_full(path, data, **_options):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.storage, "atomic_write_bytes", disk_full)
    sample_plan.basics.goal = "never saved"
    with pytest.raises(StoreError, match="No space left on device.*nothing was changed"):
        store.save(sample_plan)
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert store.load(sample_plan.id).basics.goal == "saved before the disk filled up"


def test_delete_moves_to_trash_and_undelete_brings_it_back(store, sample_plan):
    store.save(sample_plan)
    store.delete(sample_plan.id)
    assert store.list_plans() == []
    back = store.undelete(sample_plan.id)
    assert back.name == sample_plan.name
    assert [p.id for p in store.list_plans()] == [sample_plan.id]


def test_duplicate_gets_a_new_id_and_name(store, sample_plan):
    store.save(sample_plan)
    copy = store.duplicate(sample_plan.id, "Copy of plan")
    assert copy.id != sample_plan.id and copy.accounts == sample_plan.accounts
    assert {p.name for p in store.list_plans()} == {sample_plan.name, "Copy of plan"}


def test_stored_plans_carry_their_schema_version(store, sample_plan):
    store.save(sample_plan)
    raw = json.loads(store.path.read_text("utf-8"))
    row = next(iter(raw["history"].values()))
    assert row["plan"]["schema_version"] == SCHEMA_VERSION
    assert raw["meta"]["1"]["store_version"] == STORE_VERSION


def test_old_stored_documents_are_migrated_on_load(store):
    plan = Plan(name="Will be old")
    store.save(plan)
    raw = json.loads(store.path.read_text("utf-8"))
    row = next(iter(raw["history"].values()))
    row["plan"]["schema_version"] = 1
    row["plan"]["cadence"] = {"name": "Legacy", "steps": [{"day": 0, "channel": "phone"}]}
    del row["plan"]["cadences"]
    store.path.write_text(json.dumps(raw))
    assert store.load(plan.id).cadences[0].name == "Legacy"


def test_a_version_2_plan_the_current_rules_refuse_still_opens_and_saves(store):
    """Version 2 let text hold control characters and dates run to year 9999; such a plan
    stored by an earlier Prospector opens repaired instead of being locked in the store."""
    plan = Plan(name="Stored by version 2")
    store.save(plan)
    raw = json.loads(store.path.read_text("utf-8"))
    row = next(iter(raw["history"].values()))
    row["plan"]["schema_version"] = 2
    row["plan"]["basics"]["goal"] = "Book\x07 20 meetings \ud83d"
    row["plan"]["basics"]["start_date"] = "9999-12-01"
    store.path.write_text(json.dumps(raw))  # written like the old store: ASCII escapes

    opened = store.load(plan.id)
    assert opened.basics.goal == "Book 20 meetings \ufffd"
    assert opened.basics.start_date is None
    assert len(store.repairs) == 1  # the user is told what changed and how to keep it
    told = store.repairs[0]
    assert told.startswith("'Stored by version 2' (version 1) was written by an earlier")
    assert "basics.goal: 1 control character removed and 1 half character shown as" in told
    assert "basics.start_date: 9999-12-01 is outside 2000-01-01 to 2199-12-31" in told
    assert "stays in the plan's history" in told
    opened.basics.goal = "Book 20 meetings"
    store.save(opened)
    assert store.load(plan.id).basics.goal == "Book 20 meetings"
    assert store.load_version(plan.id, 1).basics.start_date is None  # old versions too


def test_data_folder_comes_from_the_environment(data_dir):
    assert PlanStore().folder == data_dir


def test_unwritable_data_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        PlanStore(blocker / "sub")
