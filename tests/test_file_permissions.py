"""Who can read what Prospector writes: the store is its owner's alone; what the user exports to
share (plan files, calendars, task lists; PDFs in test_playbook_pdf.py) is readable like any
other new file of theirs, so a playbook saved to a team folder can be opened by the team."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest

from prospector.atomic import atomic_write_bytes
from prospector.calendar_export import write_ics
from prospector.planfile import read_plan_file, write_plan_file
from prospector.schedule import build_schedule
from prospector.store import PlanStore
from prospector.task_export import write_tasks_csv
from tests.generated_facts import generated_facts, with_imported

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_store_and_its_backup_are_readable_by_their_owner_only(tmp_path, sample_plan, umask_022):
    store = PlanStore(tmp_path / "store")
    store.save(sample_plan)
    store.save(sample_plan)  # the second save keeps the first as the backup
    assert _mode(store.path) == 0o600
    assert _mode(store.backup_path) == 0o600


def test_the_imported_facts_are_their_owners_only(tmp_path, sample_plan, umask_022):
    store = PlanStore(tmp_path / "store")
    store.save(with_imported(sample_plan, generated_facts(sample_plan, 2_050)))
    facts = store.folder / "facts"
    assert _mode(facts) == 0o700
    assert [_mode(p) for p in facts.iterdir()] == [0o600, 0o600]


def test_the_data_folder_and_the_lock_are_the_owners_only(tmp_path, sample_plan, umask_022):
    store = PlanStore(tmp_path / "data" / "Prospector")
    assert _mode(store.folder) == 0o700  # created so, before anything is written in it
    store.save(sample_plan)
    store.save(sample_plan)
    assert _mode(store.folder) == 0o700
    assert {p.name: _mode(p) for p in store.folder.iterdir()} == {
        "plans.json": 0o600, "plans.json.bak": 0o600, "plans.json.lock": 0o600}


def test_a_store_written_by_an_older_version_is_tightened(tmp_path, sample_plan, umask_022):
    folder = tmp_path / "store"
    PlanStore(folder).save(sample_plan)
    PlanStore(folder).save(sample_plan)
    (folder / "crash.log").write_text("Traceback ...")
    for path in (folder, *folder.iterdir()):  # as an older version left them
        path.chmod(0o755 if path.is_dir() else 0o644)
    expected = {"store": 0o700, "plans.json": 0o600, "plans.json.bak": 0o600,
                "plans.json.lock": 0o600, "crash.log": 0o600}
    store = PlanStore(folder)
    assert {p.name: _mode(p) for p in (folder, *folder.iterdir())} == expected
    store.save(sample_plan)
    assert {p.name: _mode(p) for p in (folder, *folder.iterdir())} == expected


def test_a_folder_the_user_shares_with_other_files_keeps_its_mode(tmp_path, sample_plan,
                                                                   umask_022):
    (tmp_path / "notes.txt").write_text("mine")
    tmp_path.chmod(0o755)
    store = PlanStore(tmp_path)
    store.save(sample_plan)
    store.save(sample_plan)
    assert _mode(tmp_path) == 0o755 and _mode(tmp_path / "notes.txt") == 0o644
    for name in ("plans.json", "plans.json.bak", "plans.json.lock"):
        assert _mode(tmp_path / name) == 0o600, name


def test_a_damaged_store_moved_aside_and_the_recovered_one_are_the_owners_only(
        tmp_path, sample_plan, umask_022):
    folder = tmp_path / "store"
    PlanStore(folder).save(sample_plan)
    PlanStore(folder).save(sample_plan)
    plans = folder / "plans.json"
    plans.write_bytes(plans.read_bytes()[:-40])  # cut short, as by a crash of another program
    plans.chmod(0o644)
    store = PlanStore(folder)
    assert [s.id for s in store.list_plans()] == [sample_plan.id]
    assert store.notices and "recovered from the backup" in store.notices[0]
    modes = {p.name: _mode(p) for p in folder.iterdir()}
    aside = [name for name in modes if name.startswith("plans.corrupt-")]
    assert len(aside) == 1
    assert set(modes.values()) == {0o600} and len(modes) == 4, modes


def test_exported_files_get_the_users_usual_permissions(tmp_path, sample_plan, umask_022):
    schedule = build_schedule(sample_plan, sample_plan.reps[0], date(2027, 1, 11))
    written = [
        write_plan_file(sample_plan, tmp_path / "plan.json"),
        write_ics(schedule, tmp_path / "schedule.ics"),
        write_tasks_csv(schedule, tmp_path / "tasks.csv"),
    ]
    for path in written:
        assert _mode(path) == 0o644, path.name
    assert read_plan_file(written[0]).id == sample_plan.id


def test_a_stricter_umask_is_respected(tmp_path, sample_plan):
    old = os.umask(0o077)
    try:
        path = write_plan_file(sample_plan, tmp_path / "plan.json")
    finally:
        os.umask(old)
    assert _mode(path) == 0o600


def test_replacing_a_file_keeps_its_permissions(tmp_path, umask_022):
    path = tmp_path / "shared.csv"
    path.write_bytes(b"old")
    path.chmod(0o664)
    atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"new" and _mode(path) == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["shared.csv"]  # no temp file left
