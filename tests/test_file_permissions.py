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
