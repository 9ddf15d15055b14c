"""The imported facts in files of their own (``prospector/store/fact_blocks.py``): written once,
never referred to before they are complete, a damaged one kept aside and said, an older store
moved to them, and the plan file still carrying every fact."""

import gzip
import json
import os
import shutil
import signal

import pytest

from prospector.cli import main
from prospector.errors import StoreError
from prospector.store import PlanStore, storage
from tests.conftest import REPO
from tests.generated_facts import generated_facts, with_imported

PER_BLOCK = 2_000


def _block_files(store: PlanStore) -> dict[str, tuple[int, int]]:
    """The store's files of facts: name -> (inode, modification time)."""
    folder = store.folder / "facts"
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()
            if p.name.endswith(".json") and ".damaged-" not in p.name}


def test_an_edit_of_the_plans_text_writes_no_fact_again(sample_plan, tmp_path):
    store = PlanStore(tmp_path / "store")
    version = store.save(with_imported(sample_plan, generated_facts(sample_plan, 4_100)))
    files = _block_files(store)
    plan = store.load(sample_plan.id)
    plan.basics.goal = "40 first meetings by June"
    store.save(plan, base_version=version)
    assert _block_files(store) == files and len(files) == 3
    reopened = PlanStore(store.folder).load(sample_plan.id)
    assert reopened.basics.goal == "40 first meetings by June"
    assert len(reopened.actuals.facts) == 4_100


def test_a_save_failing_at_any_write_leaves_the_previous_version_and_no_stray_block(
        sample_plan, tmp_path, monkeypatch):
    """Each ``os.replace`` and ``fsync`` of an import's save fails in turn (a full disk, an I/O
    error), each time on a copy of the same store: a save refused leaves the version before
    with its facts and none of the blocks it had written; a save that went through (the write
    failed after the new store file was in place) holds every new fact."""
    first = with_imported(sample_plan, generated_facts(sample_plan, 2_050))
    PlanStore(tmp_path / "start").save(first)
    more = with_imported(first, generated_facts(first, 4_000, first=2_050))
    calls: list[str] = []
    real = {name: getattr(os, name) for name in ("replace", "fsync")}

    def failing(name, n):
        def call(*args, **kwargs):
            calls.append(name)
            if len(calls) == n:
                raise OSError(5, "Input/output error")
            return real[name](*args, **kwargs)
        return call

    refused = 0
    for n in range(1, 60):
        folder = tmp_path / f"failing-at-{n}"
        shutil.copytree(tmp_path / "start", folder)
        store = PlanStore(folder)
        before = _block_files(store)
        calls.clear()
        for name in real:
            monkeypatch.setattr(os, name, failing(name, n))
        try:
            store.save(more, base_version=1)
            saved = True
        except StoreError as exc:
            saved = False
            assert "nothing was changed" in str(exc)
        finally:
            for name in real:
                monkeypatch.setattr(os, name, real[name])
        reread = PlanStore(folder)
        facts = reread.load(sample_plan.id).actuals.facts
        assert reread.notices == []
        if saved:
            assert len(facts) == 6_050
        else:
            refused += 1
            assert len(facts) == 2_050 and _block_files(reread) == before
        if len(calls) < n:  # the save had fewer writes than n: every one has failed once
            break
    else:
        pytest.fail("an import's save took more than 60 writes")
    assert refused > 4  # failed at the blocks' writes and at the store file's


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_blocks_of_a_save_killed_before_its_end_are_removed_by_the_next_save(
        sample_plan, tmp_path):
    store = PlanStore(tmp_path / "store")
    first = with_imported(sample_plan, generated_facts(sample_plan, 2_050))
    store.save(first)
    kept = set(_block_files(store))
    pid = os.fork()
    if pid == 0:  # the child dies as it puts the store file in place, its blocks written
        try:
            storage.atomic_write_bytes = lambda *_a, **_k: os.kill(os.getpid(), signal.SIGKILL)
            PlanStore(store.folder).save(
                with_imported(first, generated_facts(first, 4_000, first=2_050)))
        finally:
            os._exit(1)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == -signal.SIGKILL
    assert len(set(_block_files(store)) - kept) == 3  # written, then killed

    again = PlanStore(store.folder)
    first.basics.goal = "Saved after the crash"
    again.save(first)
    assert set(_block_files(again)) == kept
    assert len(again.load(sample_plan.id).actuals.facts) == 2_050


def test_the_blocks_of_a_damaged_store_kept_aside_are_kept_with_it(sample_plan, tmp_path):
    """A damaged store with no good backup is kept aside and the store starts empty: the blocks
    it refers to stay, so nothing it held is lost for someone repairing it."""
    store = PlanStore(tmp_path / "store")
    store.save(with_imported(sample_plan, generated_facts(sample_plan, 2_050)))
    blocks = _block_files(store)
    store.path.write_bytes(store.path.read_bytes()[:-100])
    store.backup_path.unlink(missing_ok=True)
    fresh = PlanStore(store.folder)
    fresh.save(sample_plan.model_copy(update={"id": "plan-new", "name": "A new plan"}))
    assert "moved aside" in fresh.notices[0] and _block_files(fresh) == blocks


def test_a_damaged_block_is_kept_aside_the_user_told_which_facts_and_an_import_heals_it(
        sample_plan, tmp_path):
    store = PlanStore(tmp_path / "store")
    facts = generated_facts(sample_plan, 4_100)
    store.save(with_imported(sample_plan, facts))
    plan = store.load(sample_plan.id)
    second = store.folder / "facts" / f"{plan.actuals.facts.blocks()[1][0]}.json"
    damaged = second.read_bytes()[:-300]  # cut short
    second.write_bytes(damaged)

    reopened = PlanStore(store.folder)
    plan = reopened.load(sample_plan.id)
    assert len(plan.actuals.facts) == 2_100
    [notice] = reopened.notices
    assert "facts 2,001-4,000" in notice and "cut short or changed" in notice
    assert "import the CRM export that held them again" in notice
    [aside] = (store.folder / "facts").glob("*.damaged-*.json")
    assert aside.read_bytes() == damaged and not second.exists()

    healed = plan.model_copy(update={"actuals": plan.actuals.with_facts(facts)})
    reopened.save(healed)
    again = PlanStore(store.folder)
    back = again.load(sample_plan.id).actuals.facts
    assert sorted(f.key for f in back) == sorted(f.key for f in facts) and again.notices == []
    assert aside.read_bytes() == damaged


def test_a_store_written_before_block_files_opens_and_moves_its_facts_out_on_first_save(
        tmp_path):
    """``store-v1-with-facts.json.gz``: a store written by main at ea38ec2 (facts in
    ``plans.json``): version 1 holds 2,050 facts, version 2 2,150 and another goal."""
    folder = tmp_path / "store"
    folder.mkdir(mode=0o700)
    old = gzip.decompress((REPO / "tests/data/store-v1-with-facts.json.gz").read_bytes())
    (folder / "plans.json").write_bytes(old)
    store = PlanStore(folder)
    [summary] = store.list_plans()
    plan = store.load(summary.id)
    assert len(plan.actuals.facts) == 2_150
    assert len(store.load_version(summary.id, 1).actuals.facts) == 2_050

    plan.basics.goal = "Edited after the upgrade"
    store.save(plan, base_version=2)
    stored = (folder / "plans.json").read_bytes()
    assert b"facts_json" not in stored and len(stored) < len(old) / 4
    assert len(_block_files(store)) == 3  # shared first block, each version's last one
    store.restore(summary.id, 1)
    reread = PlanStore(folder)
    assert len(reread.load(summary.id).actuals.facts) == 2_050
    assert reread.load_version(summary.id, 3).basics.goal == "Edited after the upgrade"
    assert len(reread.load_version(summary.id, 3).actuals.facts) == 2_150
    assert reread.notices == []


def test_a_store_damaged_just_after_the_upgrade_is_recovered_from_the_old_one(tmp_path):
    """The backup the upgrade leaves is the store as main wrote it: a store file damaged after
    the upgrade is recovered from it with every fact, and upgraded again by the next save."""
    folder = tmp_path / "store"
    folder.mkdir(mode=0o700)
    (folder / "plans.json").write_bytes(
        gzip.decompress((REPO / "tests/data/store-v1-with-facts.json.gz").read_bytes()))
    store = PlanStore(folder)
    plan = store.load(store.list_plans()[0].id)
    plan.basics.goal = "Edited after the upgrade"
    store.save(plan, base_version=2)
    store.path.write_bytes(store.path.read_bytes()[:-50])
    recovered = PlanStore(folder)
    back = recovered.load(plan.id)
    assert "recovered from the backup" in recovered.notices[0]
    assert back.basics.goal == "Goal after the second import" and len(back.actuals.facts) == 2_150
    recovered.save(back, base_version=2)
    assert len(PlanStore(folder).load_version(plan.id, 1).actuals.facts) == 2_050


def test_a_damaged_block_file_met_by_the_upgrade_is_kept_aside_and_written_again(tmp_path):
    """A block file already there under a name the old store holds (an upgrade interrupted,
    then the disk damaged it) is not trusted: the facts come from the old store."""
    folder = tmp_path / "store"
    (folder / "facts").mkdir(parents=True, mode=0o700)
    old = gzip.decompress((REPO / "tests/data/store-v1-with-facts.json.gz").read_bytes())
    (folder / "plans.json").write_bytes(old)
    chunks = json.loads(b"{" + old[old.index(b",") + 1:])["chunks"].values()
    first = next(c["h"] for c in chunks if "facts_json" in c["item"])
    (folder / "facts" / f"{first}.json").write_bytes(b'[{"key":"salesforce:00T')
    store = PlanStore(folder)
    plan = store.load(store.list_plans()[0].id)
    store.save(plan)
    reread = PlanStore(folder)
    assert len(reread.load(plan.id).actuals.facts) == 2_150 and reread.notices == []
    [aside] = (folder / "facts").glob(f"{first}.damaged-*.json")
    assert aside.read_bytes() == b'[{"key":"salesforce:00T'


def test_the_blocks_of_pruned_versions_go_once_the_backup_no_longer_needs_them(
        sample_plan, tmp_path):
    store = PlanStore(tmp_path / "store", history_limit=20)
    old = with_imported(sample_plan, generated_facts(sample_plan, 2_050))
    store.save(old)
    old_blocks = set(_block_files(store))
    new = with_imported(sample_plan, generated_facts(sample_plan, 2_050, subject="Visit"))
    for n in range(20):
        new.basics.goal = f"Goal {n}"
        store.save(new)
    assert old_blocks <= set(_block_files(store))  # version 1 pruned: the backup has it
    store.save(new)
    assert not old_blocks & set(_block_files(store))
    assert len(_block_files(store)) == 2


def test_a_deleted_plan_gets_its_facts_back_with_undo_delete(sample_plan, tmp_path):
    """Deleting moves the plan to the trash with its history: other saves, which remove the
    blocks no version needs, keep its facts."""
    store = PlanStore(tmp_path / "store", history_limit=20)
    store.save(with_imported(sample_plan, generated_facts(sample_plan, 2_050)))
    store.delete(sample_plan.id)
    other = sample_plan.model_copy(update={"id": "plan-other", "name": "Another plan"})
    for n in range(22):
        other.basics.goal = f"Goal {n}"
        store.save(other)
    assert len(PlanStore(store.folder).undelete(sample_plan.id).actuals.facts) == 2_050


def test_export_json_carries_every_fact_and_imports_into_another_store(
        sample_plan, tmp_path, data_dir, monkeypatch, capsys):
    facts = generated_facts(sample_plan, 2_050)
    PlanStore(data_dir).save(with_imported(sample_plan, facts))
    target = tmp_path / "plan.json"
    assert main(["export-json", sample_plan.id, "-o", str(target)]) == 0
    assert len(json.loads(target.read_text("utf-8"))["actuals"]["facts"]) == 2_050

    elsewhere = tmp_path / "another-computer"
    monkeypatch.setenv("PROSPECTOR_DATA_DIR", str(elsewhere))
    assert main(["import", str(target)]) == 0
    capsys.readouterr()
    assert list(PlanStore(elsewhere).load(sample_plan.id).actuals.facts) == facts
