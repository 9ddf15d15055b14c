"""Attacks on the store that got through once (issue 13): a damaged store on a full disk, a missing
store beside its backup, a read-only data folder, temp files of killed saves, a backup that was
not the previous version, two writers on one plan. Each test reproduces what the user met and
asserts what they notice; the figures are printed for docs/RELIABILITY.md.

Nothing here depends on the machine's speed. A full disk is simulated where Prospector calls the OS
(a write takes half of what it is given, then fails with ENOSPC), and, where this process may
mount file systems (root, with the capability), also met for real on a small tmpfs. A read-only
folder is a folder chmod'ed 0500 where permissions apply (not as root), a read-only tmpfs where
mounting works, and everywhere OS calls that fail with EROFS for anything that would write in it.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

import prospector
from prospector import atomic
from prospector import store as store_module
from prospector.cli import main
from prospector.errors import ProspectorError, StoreError
from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.store import PlanStore, VersionConflict, _with_checksum
from tests.test_store_recovery import _HalfWriter

ENOSPC = OSError(errno.ENOSPC, "No space left on device")


# --- helpers ------------------------------------------------------------------------------------
# _HalfWriter (a file that takes half of a write, then reports a full disk): test_store_recovery.py
@contextmanager
def _full_disk(monkeypatch):
    """Every file written through Prospector's atomic writes fills the disk half way. Links and
    renames (which need no space) still work, as on a real full disk."""
    real_fdopen = os.fdopen
    with monkeypatch.context() as m:
        m.setattr(atomic.os, "fdopen", lambda fd, *a, **k: _HalfWriter(real_fdopen(fd, *a, **k)))
        yield


def _two_saves(store: PlanStore, plan: Plan) -> tuple[bytes, bytes]:
    """Save ``plan`` twice ("good one", then "good two"); (the store file, its backup)."""
    plan.basics.goal = "good one"
    store.save(plan)
    plan.basics.goal = "good two"
    store.save(plan)
    return store.path.read_bytes(), store.backup_path.read_bytes()


def _flip_a_byte(path: Path) -> bytes:
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    return bytes(raw)


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _corrupt_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("plans.corrupt-*.json"))


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _mount_tmpfs(folder: Path, size: str) -> bool:
    """Mount a tmpfs of ``size`` on ``folder``; False where this process may not."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                           str(folder)], capture_output=True)
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def small_tmpfs(tmp_path):
    """A 400 KiB tmpfs (a disk that really fills up, and can be made read-only)."""
    mount = tmp_path / "tmpfs"
    if not _mount_tmpfs(mount, "400k"):
        pytest.skip("mounting a tmpfs needs root with CAP_SYS_ADMIN")
    yield mount
    _umount(mount)


def _fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte; the filler, to free the space."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:
        for size in (65536, 4096, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    return filler


# --- 1. a damaged store on a full disk ---------------------------------------------------------
def test_a_damaged_store_on_a_full_disk_loses_no_plan(tmp_path, sample_plan, monkeypatch,
                                                      capsys, data_dir):
    """The sequence of the issue: a flipped byte, a full disk during `list`, space freed, `list`,
    two imports. Every step shows the plan; the damaged file and the backup survive until the
    recovered store is safely written; nothing is left half written."""
    store = PlanStore(data_dir)
    _, backup = _two_saves(store, sample_plan)
    damaged = _flip_a_byte(store.path)

    with _full_disk(monkeypatch):
        code, out, err = _cli(capsys, "list")
        # the last good version is shown, and the user is told the store is not repaired yet
        assert code == 0 and sample_plan.id in out and "No plans stored" not in out
        assert "could not be repaired now (No space left on device)" in err
        assert "nothing was changed" in err and "free some disk space" in err
        # nothing was removed or replaced: the damaged file and the backup are as they were
        assert store.path.read_bytes() == damaged
        assert store.backup_path.read_bytes() == backup
        assert _corrupt_files(data_dir) == [] and _temp_files(data_dir) == []
        # a save meanwhile is refused with the disk named, and changes nothing either
        code, _, err = _cli(capsys, "import", "--sample", "--as-new")
        assert code == 1 and "No space left on device" in err and "nothing was changed" in err
        assert store.path.read_bytes() == damaged and store.backup_path.read_bytes() == backup

    # space freed: the damaged file is kept aside and the last good version recovered
    code, out, err = _cli(capsys, "list")
    assert code == 0 and sample_plan.id in out
    assert "moved aside" in err and "recovered from the backup" in err
    assert [p.read_bytes() for p in _corrupt_files(data_dir)] == [damaged]
    assert PlanStore(data_dir).load(sample_plan.id).basics.goal == "good one"

    # two imports later the plan is still in the store and in the backup
    for _ in range(2):
        assert _cli(capsys, "import", "--sample", "--as-new")[0] == 0
    reopened = PlanStore(data_dir)
    assert sample_plan.id in {p.id for p in reopened.list_plans()}
    assert reopened.load(sample_plan.id).basics.goal == "good one"
    assert reopened.notices == []
    backup_store = PlanStore(tmp_path / "backup-only")
    shutil.copy(store.backup_path, backup_store.path)
    assert sample_plan.id in {p.id for p in backup_store.list_plans()}
    assert _temp_files(data_dir) == []
    with capsys.disabled():
        print("\ndamaged store on a full disk (simulated): the plan listed at 3 of 3 steps (disk "
              "full, space freed, after 2 imports), the damaged file and the backup unchanged "
              "while the disk was full, the damaged file then kept aside, 0 plans lost, "
              "0 temp files left")


def test_a_damaged_store_on_a_really_full_tmpfs_loses_no_plan(small_tmpfs, sample_plan,
                                                              monkeypatch, capsys):
    """The issue's sequence on a real file system that is full (no simulation)."""
    folder = small_tmpfs / "data"
    monkeypatch.setenv("PROSPECTOR_DATA_DIR", str(folder))
    store = PlanStore(folder)
    _, backup = _two_saves(store, sample_plan)
    damaged = _flip_a_byte(store.path)
    filler = _fill(small_tmpfs)

    code, out, err = _cli(capsys, "list")
    assert code == 0 and sample_plan.id in out
    assert "No space left on device" in err and "nothing was changed" in err
    assert store.path.read_bytes() == damaged and store.backup_path.read_bytes() == backup
    assert _temp_files(folder) == []

    filler.unlink()
    code, out, err = _cli(capsys, "list")
    assert code == 0 and sample_plan.id in out and "recovered from the backup" in err
    for _ in range(2):
        assert _cli(capsys, "import", "--sample", "--as-new")[0] == 0
    assert PlanStore(folder).load(sample_plan.id).basics.goal == "good one"
    assert [p.read_bytes() for p in _corrupt_files(folder)] == [damaged]
    with capsys.disabled():
        print("\ndamaged store on a real full disk (a 400 KiB tmpfs filled to the last byte): "
              "the plan listed before and after space was freed, 0 plans lost")


def test_a_missing_store_beside_its_backup_is_recovered_and_the_user_told(sample_plan, capsys,
                                                                          data_dir):
    store = PlanStore(data_dir)
    _, backup = _two_saves(store, sample_plan)
    store.path.unlink()

    code, out, err = _cli(capsys, "list")
    assert code == 0 and sample_plan.id in out and "No plans stored" not in out
    assert "plans.json is missing" in err and "recovered from the backup" in err
    assert store.path.read_bytes() == backup == store.backup_path.read_bytes()
    # an import then adds to the recovered store: the plan is in the store and in its backup
    assert _cli(capsys, "import", "--sample", "--as-new")[0] == 0
    assert _cli(capsys, "import", "--sample", "--as-new")[0] == 0
    reopened = PlanStore(data_dir)
    assert reopened.load(sample_plan.id).basics.goal == "good one" and reopened.notices == []
    assert sample_plan.id.encode() in store.backup_path.read_bytes()


def test_a_missing_store_beside_its_backup_on_a_full_disk_shows_the_backup(sample_plan,
                                                                          monkeypatch):
    store = PlanStore()
    _, backup = _two_saves(store, sample_plan)
    store.path.unlink()
    with _full_disk(monkeypatch):
        reopened = PlanStore()
        assert [p.id for p in reopened.list_plans()] == [sample_plan.id]
        assert "could not be repaired now (No space left on device)" in reopened.notices[0]
        with pytest.raises(StoreError, match="No space left on device.*nothing was changed"):
            reopened.save(Plan(name="Written over the backup?"))
    assert not store.path.exists() and store.backup_path.read_bytes() == backup
    assert PlanStore().load(sample_plan.id).basics.goal == "good one"


def test_an_empty_store_never_replaces_a_backup_that_holds_plans(sample_plan):
    store = PlanStore()
    _, backup = _two_saves(store, sample_plan)
    store.path.write_bytes(_with_checksum(b"{}"))  # a store that holds nothing, intact
    store.save(Plan(name="First plan of the empty store"))
    assert store.backup_path.read_bytes() == backup


def test_a_damaged_store_and_a_damaged_backup_are_both_kept_aside(sample_plan):
    store = PlanStore()
    _two_saves(store, sample_plan)
    damaged, damaged_backup = _flip_a_byte(store.path), _flip_a_byte(store.backup_path)
    reopened = PlanStore()
    assert reopened.list_plans() == []
    told = reopened.notices[0]
    assert "its backup could not be read either" in told and "starts empty" in told
    assert sorted(p.read_bytes() for p in _corrupt_files(store.folder)) == sorted(
        [damaged, damaged_backup])
    reopened.save(sample_plan)
    again = PlanStore()
    assert [p.id for p in again.list_plans()] == [sample_plan.id]
    assert again.notices == []  # told once: the next opening finds a good store


# --- 5. housekeeping: temp files of killed saves, the backup after a failed save ---------------
def _killed_while_saving(folder: Path, plan: Plan, goal: str, *, when: str) -> None:
    """Fork a writer that saves ``plan`` with ``goal`` and is killed (SIGKILL) ``when``:
    "writing" (half of the new file written) or "keeping the backup" (the new file is in place,
    the previous one not yet the backup)."""
    pid = os.fork()
    if pid == 0:  # the child: no pytest, no exception escaping
        try:
            store = PlanStore(folder)
            if when == "writing":
                real_fdopen = os.fdopen

                class Killed(_HalfWriter):
                    def write(self, data):
                        self.handle.write(data[: len(data) // 2])
                        self.handle.flush()
                        os.kill(os.getpid(), signal.SIGKILL)

                os.fdopen = lambda fd, *a, **k: Killed(real_fdopen(fd, *a, **k))
            else:
                real_replace = os.replace

                def replace(src, dst, *args, **kwargs):
                    if str(dst).endswith(".bak"):
                        os.kill(os.getpid(), signal.SIGKILL)
                    return real_replace(src, dst, *args, **kwargs)

                os.replace = replace
            plan.basics.goal = goal
            store.save(plan)
        finally:
            os._exit(3)  # not killed: the test fails below
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


KILLED_SAVES = 20


def test_temp_files_of_killed_saves_are_removed_when_the_store_is_opened(sample_plan, data_dir):
    """Writers killed in the middle of writing the new store file, one after the other (each
    opening the store): what each kill leaves is removed by the next opening."""
    store = PlanStore(data_dir)
    _two_saves(store, sample_plan)
    most = 0
    for n in range(KILLED_SAVES):
        _killed_while_saving(data_dir, sample_plan, f"killed {n}", when="writing")
        left = _temp_files(data_dir)
        assert left  # the kill left half a store behind
        most = max(most, len(left))
    reopened = PlanStore(data_dir)
    assert reopened.load(sample_plan.id).basics.goal == "good two"
    assert _temp_files(data_dir) == []
    assert reopened.notices == []
    assert most == 1
    print(f"\ntemp files of killed saves: {KILLED_SAVES} writers killed mid-write, at most {most} "
          "temp file at any time, 0 once the store was opened again")


def test_a_save_killed_before_its_backup_was_kept_leaves_the_previous_version_as_backup(
        sample_plan, data_dir):
    store = PlanStore(data_dir)
    current, _ = _two_saves(store, sample_plan)
    _killed_while_saving(data_dir, sample_plan, "saved, then killed", when="keeping the backup")
    reopened = PlanStore(data_dir)
    assert reopened.load(sample_plan.id).basics.goal == "saved, then killed"
    assert _temp_files(data_dir) == []
    assert store.backup_path.read_bytes() == current  # the version before the last save
    assert not os.path.samefile(store.path, store.backup_path)


def test_old_temp_files_without_a_writer_are_removed_and_other_files_kept(sample_plan, data_dir):
    store = PlanStore(data_dir)
    _two_saves(store, sample_plan)
    hour_ago = time.time() - 3600
    # left by earlier versions of Prospector: no process id in the name
    old = [data_dir / ".plans.json.3fa2b1c0.tmp", data_dir / ".plans.json.bak.4242.tmp",
           data_dir / ".plans.corrupt-20261201-101010.json.3fa2b1c0.tmp"]
    fresh = data_dir / ".plans.json.0badf00d.tmp"  # its writer may still be at work: kept
    foreign = data_dir / ".notes.txt.12345678.tmp"  # not the store's
    for path in (*old, fresh, foreign):
        path.write_bytes(b"{half a store")
    for path in (*old, foreign):
        os.utime(path, (hour_ago, hour_ago))
    PlanStore(data_dir).list_plans()
    assert _temp_files(data_dir) == sorted([fresh.name, foreign.name])
    assert store.backup_path.read_bytes() != b"{half a store"


def _failing(monkeypatch, step: str):
    """Make ``step`` of the next save fail with ENOSPC."""
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith("plans.json"):
            raise ENOSPC
        return real_replace(src, dst, *args, **kwargs)

    def replace_bak(src, dst, *args, **kwargs):
        if str(dst).endswith(".bak"):
            raise ENOSPC
        return real_replace(src, dst, *args, **kwargs)

    def link(*_args, **_kwargs):
        raise ENOSPC

    if step == "writing the new file":
        real_fdopen = os.fdopen
        monkeypatch.setattr(atomic.os, "fdopen",
                            lambda fd, *a, **k: _HalfWriter(real_fdopen(fd, *a, **k)))
    elif step == "flushing it to disk":
        monkeypatch.setattr(atomic.os, "fsync", lambda fd: (_ for _ in ()).throw(ENOSPC))
    elif step == "putting it in place":
        monkeypatch.setattr(atomic.os, "replace", replace)
    elif step == "keeping the backup (no link, and the copy fills the disk)":
        real_fdopen = os.fdopen
        calls = []

        def fdopen(fd, *a, **k):  # the new file is written; the copy of the old one is not
            calls.append(fd)
            handle = real_fdopen(fd, *a, **k)
            return handle if len(calls) == 1 else _HalfWriter(handle)

        monkeypatch.setattr(atomic.os, "link", link)
        monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    elif step == "renaming the backup":
        monkeypatch.setattr(atomic.os, "replace", replace_bak)
    else:
        raise ValueError(step)


FAILING_STEPS = ["writing the new file", "flushing it to disk", "putting it in place",
                 "keeping the backup (no link, and the copy fills the disk)"]


def test_a_failed_save_leaves_the_backup_the_previous_version(tmp_path, sample_plan,
                                                            monkeypatch):
    previous, left = 0, []
    for n, step in enumerate(FAILING_STEPS):
        store = PlanStore(tmp_path / f"store-{n}")
        current, backup = _two_saves(store, sample_plan)
        sample_plan.basics.goal = "never saved"
        with monkeypatch.context() as m:
            _failing(m, step)
            with pytest.raises(StoreError, match="No space left on device.*nothing was changed"):
                store.save(sample_plan)
        assert store.path.read_bytes() == current, step
        # the backup is still the version before, not a second name of the store file
        assert store.backup_path.read_bytes() == backup, step
        assert not os.path.samefile(store.path, store.backup_path), step
        left += _temp_files(store.folder)  # no .plans.json.bak.<pid>.tmp either
        # a save once there is space again: the backup is the version before it
        sample_plan.basics.goal = "saved with space again"
        store.save(sample_plan)
        assert store.backup_path.read_bytes() == current, step
        assert not os.path.samefile(store.path, store.backup_path), step
        previous += 1
    assert left == []
    print(f"\nbackup after a failed save: the previous version {previous} of "
          f"{len(FAILING_STEPS)} ({', '.join(FAILING_STEPS)}), never the store file itself, "
          f"{len(left)} temp files left")


def test_a_backup_that_cannot_be_renamed_does_not_fail_a_save_nor_leave_a_file(sample_plan,
                                                                               monkeypatch):
    store = PlanStore()
    _, backup = _two_saves(store, sample_plan)
    sample_plan.basics.goal = "saved"
    with monkeypatch.context() as m:
        _failing(m, "renaming the backup")
        store.save(sample_plan)  # the new file was in place: the save happened
    assert store.load(sample_plan.id).basics.goal == "saved"
    assert store.backup_path.read_bytes() == backup  # an older backup, still a good one
    assert _temp_files(store.folder) == []


# --- 3. a read-only data folder ----------------------------------------------------------------
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


@contextmanager
def _read_only(monkeypatch, folder: Path):
    """``folder`` as on a read-only mount: every OS call that would change something in it
    fails with EROFS (and is recorded), and it reports itself not writable."""
    folder = folder.resolve()
    attempts: list[str] = []

    def inside(path) -> bool:
        try:
            resolved = Path(os.fsdecode(path)).resolve()
        except (TypeError, ValueError):
            return False
        return resolved == folder or folder in resolved.parents

    def refuse(what: str, path):
        attempts.append(f"{what} {Path(os.fsdecode(path)).name}")
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    def guard(name: str, real, paths: int = 1):
        def call(*args, **kwargs):
            for path in args[:paths]:
                if isinstance(path, (str, bytes, os.PathLike)) and inside(path):
                    refuse(name, path)
            return real(*args, **kwargs)
        return call

    real_open, real_io_open, real_access = os.open, io.open, os.access

    def os_open(path, flags, *args, **kwargs):
        if flags & _WRITE_FLAGS and inside(path):
            refuse("open", path)
        return real_open(path, flags, *args, **kwargs)

    def io_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and set(mode) & set("wax+") \
                and inside(file):
            refuse("open", file)
        return real_io_open(file, mode, *args, **kwargs)

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and inside(path):
            return False
        return real_access(path, mode, *args, **kwargs)

    real_statvfs = os.statvfs

    def statvfs(path):
        found = real_statvfs(path)
        if not inside(path):
            return found
        return SimpleNamespace(**{name: getattr(found, name) for name in dir(found)
                                  if name.startswith("f_")}
                               | {"f_flag": found.f_flag | os.ST_RDONLY})

    with monkeypatch.context() as m:
        m.setattr(os, "open", os_open)
        m.setattr(io, "open", io_open)
        m.setattr(builtins, "open", io_open)
        m.setattr(os, "access", access)
        m.setattr(os, "statvfs", statvfs)
        for name, paths in (("replace", 2), ("rename", 2), ("link", 2), ("symlink", 2),
                            ("unlink", 1), ("remove", 1), ("rmdir", 1), ("mkdir", 1),
                            ("chmod", 1), ("chown", 1), ("utime", 1), ("truncate", 1)):
            m.setattr(os, name, guard(name, getattr(os, name), paths))
        yield attempts


@pytest.fixture
def two_plans(sample_plan, data_dir):
    """A store holding the sample (2 versions) and a second plan."""
    store = PlanStore(data_dir)
    _two_saves(store, sample_plan)
    store.save(Plan(name="Second plan"))
    return store


def _reads_and_a_save_on_a_read_only_folder(capsys, tmp_path, sample_plan):
    """list, history and export-json work; import says read-only. (stdout, stderr) of each."""
    code, out, err = _cli(capsys, "list")
    assert (code, err) == (0, "") and sample_plan.id in out and "Second plan" in out
    code, out, err = _cli(capsys, "history", sample_plan.id)
    assert code == 0 and "2 versions kept" in out
    exported = tmp_path / "rescued.json"
    code, out, err = _cli(capsys, "export-json", sample_plan.name, "-o", str(exported))
    assert code == 0 and read_plan_file(exported) == sample_plan
    code, out, err = _cli(capsys, "import", "--sample", "--as-new")
    assert code == 1 and err.count("\n") == 1
    assert "read-only" in err and "nothing was changed" in err
    assert "free some disk space" not in err and "export-json" in err
    return err


def test_a_read_only_data_folder_can_still_be_read_and_exported(two_plans, sample_plan, capsys,
                                                                tmp_path, monkeypatch, data_dir):
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    with _read_only(monkeypatch, data_dir) as attempts:
        err = _reads_and_a_save_on_a_read_only_folder(capsys, tmp_path, sample_plan)
        store = PlanStore(data_dir)
        assert store.load(sample_plan.id).basics.goal == "good two"
        assert store.load_version(sample_plan.id, 1).basics.goal == "good one"
        with pytest.raises(StoreError, match="read-only"):
            store.delete(sample_plan.id)
    assert attempts == []  # reading never tried to write, and the save refused before trying
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before
    with capsys.disabled():
        told = err.strip().replace(f"{data_dir}{os.sep}", "")
        print("\nread-only data folder (simulated: EROFS where it would write): list, history, "
              f"export-json 3 of 3 work, {len(attempts)} writes attempted, a save told: {told}")


def test_a_damaged_store_in_a_read_only_folder_shows_the_backup_and_changes_nothing(
        two_plans, sample_plan, capsys, monkeypatch, data_dir):
    damaged = _flip_a_byte(two_plans.path)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    with _read_only(monkeypatch, data_dir) as attempts:
        code, out, err = _cli(capsys, "list")
        assert code == 0 and sample_plan.id in out
        assert "read-only" in err and "the last good version, from the backup, is shown" in err
        assert "nothing was changed" in err
        code, _, err = _cli(capsys, "import", "--sample", "--as-new")
        assert code == 1 and "read-only" in err
    assert attempts == []
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before
    assert two_plans.path.read_bytes() == damaged


def test_a_read_only_folder_readable_by_others_is_left_as_it_is_and_the_user_told(
        two_plans, monkeypatch, data_dir):
    data_dir.chmod(0o755)
    with _read_only(monkeypatch, data_dir) as attempts:
        store = PlanStore(data_dir)
        assert len(store.list_plans()) == 2
    assert attempts == [] and data_dir.stat().st_mode & 0o777 == 0o755
    assert "read-only, so its permissions were left as they are" in store.notices[0]


def _obeying_permissions(folder: Path) -> list[str]:
    """A command prefix under which a process obeys file permissions in ``folder`` (which this
    process made read-only): none for a user other than root; for root, setpriv without the
    capabilities that bypass permissions. Skips the test where neither works."""
    prefix = []
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("root ignores permissions, and setpriv is missing to drop that")
        prefix = [setpriv, "--inh-caps=-all",
                  "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    probe = subprocess.run([*prefix, sys.executable, "-c",
                            "import os, sys; sys.exit(os.access(sys.argv[1], os.W_OK))",
                            str(folder)], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot run a process that obeys permissions here: {probe.stderr[-200:]!r}")
    return prefix


def test_a_data_folder_chmod_0500_can_still_be_read_and_exported(two_plans, sample_plan,
                                                                 tmp_path, data_dir):
    """The real command line, in a process that obeys permissions, on a folder chmod'ed 0500."""
    data_dir.chmod(0o500)
    try:
        prefix = _obeying_permissions(data_dir)
        before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
        exported = tmp_path / "rescued.json"

        env = dict(os.environ, PROSPECTOR_DATA_DIR=str(data_dir),
                   PYTHONPATH=str(Path(prospector.__file__).parent.parent))  # this Prospector

        def cli(*argv):
            done = subprocess.run([*prefix, sys.executable, "-m", "prospector", *argv],
                                  capture_output=True, text=True, cwd=tmp_path, env=env)
            return done.returncode, done.stdout, done.stderr

        code, out, err = cli("list")
        assert (code, err) == (0, "") and sample_plan.id in out and "Second plan" in out
        code, out, err = cli("history", sample_plan.id)
        assert (code, err) == (0, "") and "2 versions kept" in out
        code, out, err = cli("export-json", sample_plan.name, "-o", str(exported))
        assert code == 0 and read_plan_file(exported) == sample_plan
        code, out, err = cli("import", "--sample", "--as-new")
        assert code == 1 and err.count("\n") == 1
        assert "read-only" in err and "Permission denied" in err
        assert "free some disk space" not in err
        assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before
        print("\nread-only data folder (chmod 0500, a process that obeys permissions): list, "
              "history, export-json 3 of 3 work, a save told read-only (Permission denied)")
    finally:
        data_dir.chmod(0o700)


def test_a_read_only_tmpfs_can_still_be_read_and_exported(small_tmpfs, sample_plan, capsys,
                                                          tmp_path, monkeypatch):
    folder = small_tmpfs / "data"
    monkeypatch.setenv("PROSPECTOR_DATA_DIR", str(folder))
    store = PlanStore(folder)
    _two_saves(store, sample_plan)
    store.save(Plan(name="Second plan"))
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], capture_output=True)
    if done.returncode:
        pytest.skip(f"remounting read-only failed: {done.stderr.decode().strip()}")
    err = _reads_and_a_save_on_a_read_only_folder(capsys, tmp_path, sample_plan)
    assert "Read-only file system" in err
    with capsys.disabled():
        print("\nread-only data folder (a tmpfs remounted read-only): list, history, export-json "
              "3 of 3 work, a save told read-only (Read-only file system)")


# --- 2. two writers on one plan -----------------------------------------------------------------
def test_a_save_from_a_version_another_writer_replaced_is_refused_and_changes_nothing(
        sample_plan, data_dir):
    """The app opened version 1; the command line imported accounts (version 2); the app's next
    save, based on version 1, must not silently make its older copy current again."""
    PlanStore(data_dir).save(sample_plan)
    app, command_line = PlanStore(data_dir), PlanStore(data_dir)
    in_the_app = app.load(sample_plan.id)
    imported = command_line.load(sample_plan.id)
    imported.accounts = [*imported.accounts, imported.accounts[0].model_copy(
        update={"id": "acc-imported", "name": "Imported account"})]
    accounts = len(imported.accounts)
    assert command_line.save(imported, "imported accounts", base_version=1) == 2
    before = app.path.read_bytes()

    in_the_app.basics.goal = "typed in the app"
    with pytest.raises(VersionConflict) as caught:
        app.save(in_the_app, "autosave", base_version=1)
    conflict = caught.value
    assert isinstance(conflict, ProspectorError) and isinstance(conflict, StoreError)
    assert (conflict.plan_id, conflict.base_version, conflict.current_version) == (
        sample_plan.id, 1, 2)
    told = str(conflict)
    assert "saved elsewhere meanwhile: version 2" in told and "from version 1" in told
    assert "nothing was saved" in told and "\n" not in told
    assert app.path.read_bytes() == before  # nothing written
    assert len(app.load(sample_plan.id).accounts) == accounts  # the import stays current
    assert [v.version for v in app.history(sample_plan.id)] == [2, 1]

    # the app, having reloaded version 2, saves on top of it
    reloaded = app.load(sample_plan.id)
    reloaded.basics.goal = "typed in the app"
    assert app.save(reloaded, "autosave", base_version=2) == 3
    assert len(app.load(sample_plan.id).accounts) == accounts
    told = re.sub(r" of \S+ \S+ is current", " of <date> <time> is current", told)
    print(f"\na save from a version another writer replaced: refused, the other writer's "
          f"version kept ({accounts} accounts), told: {told}")


def test_a_save_without_a_base_version_saves_as_before(sample_plan):
    store = PlanStore()
    assert store.save(sample_plan) == 1
    assert store.save(sample_plan, "no base") == 2
    assert store.save(sample_plan, note="no base") == 3


def test_a_new_plan_saved_from_version_0(sample_plan):
    store = PlanStore()
    assert store.save(sample_plan, base_version=0) == 1
    with pytest.raises(VersionConflict) as caught:  # someone stored a plan with this id first
        store.save(sample_plan, base_version=0)
    assert caught.value.current_version == 1


def test_a_save_to_a_plan_deleted_meanwhile_is_refused(sample_plan):
    store = PlanStore()
    store.save(sample_plan)
    store.delete(sample_plan.id)
    with pytest.raises(VersionConflict, match="was deleted meanwhile.*nothing was saved") as caught:
        store.save(sample_plan, base_version=1)
    assert caught.value.current_version is None
    assert store.list_plans() == []  # not brought back by the save


def test_concurrent_saves_from_one_base_keep_exactly_one(sample_plan, data_dir, monkeypatch):
    """Two processes save from the same base at once: one is kept, the other refused, never
    both (the check and the write happen under the store's lock)."""
    # waits, however slow the machine
    monkeypatch.setattr(store_module.session, "LOCK_TIMEOUT_S", 300.0)
    PlanStore(data_dir).save(sample_plan)
    pids = []
    for n in range(2):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                plan = sample_plan.model_copy(deep=True)
                plan.basics.goal = f"writer {n}"
                PlanStore(data_dir).save(plan, base_version=1)
                code = 0
            except VersionConflict:
                code = 2
            finally:
                os._exit(code)
        pids.append(pid)
    codes = sorted(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids)
    assert codes == [0, 2]
    store = PlanStore(data_dir)
    assert [v.version for v in store.history(sample_plan.id)] == [2, 1]
    print("\ntwo processes saving one plan from the same version: 1 saved, 1 refused "
          "(VersionConflict), 0 saves overwritten")


def test_a_lock_file_that_cannot_be_opened_for_writing_still_lets_the_plans_be_read(
        two_plans, sample_plan, monkeypatch, capsys):
    """A folder the OS says is writable, whose lock file this user may not write (another user's,
    or on a file system that says one thing and does another): reading works, a save says
    read-only."""
    lock = str(two_plans.folder / "plans.json.lock")
    real_open = os.open

    def os_open(path, flags, *args, **kwargs):
        if os.fsdecode(path) == lock and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), lock)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    code, out, err = _cli(capsys, "list")
    assert (code, err) == (0, "") and sample_plan.id in out
    code, _, err = _cli(capsys, "import", "--sample", "--as-new")
    assert code == 1 and "read-only" in err and "Permission denied" in err
