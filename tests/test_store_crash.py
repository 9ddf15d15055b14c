"""Crash safety: writers killed at random moments never lose a completed save, and two
processes saving at once never lose each other's work.

The figures (kills survived, saves lost) are printed so docs/RELIABILITY.md can quote them.
"""

import os
import random
import signal
import time

from prospector.store import PlanStore

KILLS = 100


def _fork_writer(folder, plan, first: int, count: int | None, history_limit=30):
    """Fork a process that saves ``plan`` with goal ``save N`` for N = first, first+1, ...

    It writes N to a pipe after each completed save. Returns (pid, read end of the pipe)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: no pytest, no exceptions escaping
        code = 0
        try:
            os.close(read_fd)
            store = PlanStore(folder, history_limit=history_limit)
            n = first
            while count is None or n < first + count:
                plan.basics.goal = f"save {n}"
                store.save(plan)
                os.write(write_fd, f"{n}\n".encode())
                n += 1
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def _read_all(fd) -> list[int]:
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return [int(x) for x in b"".join(chunks).split()]


def _saved_number(store, plan_id) -> int:
    return int(store.load(plan_id).basics.goal.removeprefix("save "))


def test_killed_writers_never_lose_a_completed_save(tmp_path, sample_plan):
    folder = tmp_path / "store"
    rng = random.Random(20261123)
    PlanStore(folder).save(sample_plan)
    next_n, survived, lost, torn = 1, 0, 0, 0
    for _ in range(KILLS):
        pid, fd = _fork_writer(folder, sample_plan, next_n, None)
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        completed = _read_all(fd)
        store = PlanStore(folder)
        try:
            found = _saved_number(store, sample_plan.id)
        except Exception:  # noqa: BLE001 - counted and reported below
            torn += 1
            continue
        survived += 1
        if completed:
            # the save after the last reported one may have landed before the kill
            if found < completed[-1]:
                lost += 1
            assert found in (completed[-1], completed[-1] + 1)
            next_n = found + 1
        assert store.notices == []  # never had to recover from a torn file
        for version in store.history(sample_plan.id)[:3]:
            store.load_version(sample_plan.id, version.version)
    print(f"\ncrash test: {KILLS} kills, {survived} survived, {lost} saves lost, {torn} torn stores")
    assert (survived, lost, torn) == (KILLS, 0, 0)
    assert not [p for p in folder.iterdir() if p.name.startswith("plans.corrupt")]


def test_two_processes_saving_at_once_lose_nothing(tmp_path, sample_plan):
    folder = tmp_path / "store"
    shared = sample_plan
    per_process = 25
    writers = [
        _fork_writer(folder, shared, first, per_process, history_limit=200)
        for first in (1000, 2000)
    ]
    for pid, _ in writers:
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    reported = sorted(n for _, fd in writers for n in _read_all(fd))
    store = PlanStore(folder)
    versions = store.history(shared.id)
    assert len(reported) == 2 * per_process
    assert len(versions) == 2 * per_process  # every save of both processes is a version
    goals = sorted(
        int(store.load_version(shared.id, v.version).basics.goal.removeprefix("save "))
        for v in versions
    )
    assert goals == reported
    print(f"\ntwo processes saving one plan: {len(reported)} saves, {len(versions)} versions, "
          f"{len(set(reported) - set(goals))} saves lost")
