"""What was typed since the last save, kept on disk at each keystroke
(``prospector/store/unsaved_edits.py``): a window killed before its save leaves its values for
the next start; a window still running keeps its own; a save drops what it holds."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from prospector.store import unsaved_edits
from prospector.store.unsaved_edits import UnsavedEdits, recover

PLAN = "plan-sample01"


def _window(folder: Path, script: str, *, wait: bool = True) -> subprocess.Popen:
    """A process editing ``PLAN`` with ``edits`` (an UnsavedEdits) as ``script`` says, which then
    dies without closing anything (as a killed window), or, with ``wait=False``, waits for a
    line on its stdin."""
    code = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from prospector.store.unsaved_edits import UnsavedEdits
        edits = UnsavedEdits(Path({str(folder)!r}), {PLAN!r})
    """) + textwrap.dedent(script) + ("\nos._exit(0)\n" if wait else
                                      "\nprint('ready', flush=True)\nsys.stdin.readline()\n")
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True,
                               cwd=Path(__file__).resolve().parent.parent)
    if wait:
        assert process.wait(60) == 0
    else:
        assert process.stdout.readline() == "ready\n"
    return process


def _taking_no_file(folder: Path, monkeypatch) -> Path:
    """``folder`` made, and read-only to the unsaved-changes files (until monkeypatch.undo)."""
    folder.mkdir()
    real_open = UnsavedEdits._open

    def read_only(path, flags):
        if path.parent == folder:
            raise OSError(30, "Read-only file system")
        return real_open(path, flags)
    monkeypatch.setattr(UnsavedEdits, "_open", staticmethod(read_only))
    return folder


def test_a_killed_window_leaves_what_it_typed_since_its_save(tmp_path):
    """Typed "Hi", saved, then typed "Hi there" and a date: the next start sets the field to
    "Hi there" (its last value) and the date again; the saved "Hi" is not in the file."""
    _window(tmp_path, """
        edits.value(("basics", "goal"), "Hi")
        edits.saved(edits.mark())
        edits.value(("basics", "goal"), "Hi t")
        edits.value(("basics", "end"), __import__("datetime").date(2027, 6, 30))
        edits.value(("basics", "goal"), "Hi there")
    """)
    left = recover(tmp_path, PLAN)
    assert left.latest() == {("basics", "end"): "2027-06-30", ("basics", "goal"): "Hi there"}
    assert recover(tmp_path, "plan-other").values == []  # another plan's start finds nothing
    left.discard()
    assert recover(tmp_path, PLAN).values == [] and not list(tmp_path.iterdir())


def test_a_running_window_keeps_its_own_file(tmp_path):
    """A second window opening the plan while the first runs sets nothing of the first's: its
    values are its own to save."""
    first = _window(tmp_path, 'edits.value(("basics", "goal"), "mine")', wait=False)
    try:
        assert recover(tmp_path, PLAN).values == []
    finally:
        first.communicate("\n", timeout=60)
    assert [v for _p, v in recover(tmp_path, PLAN).values] == ["mine"]  # ended: left


def test_rows_added_removed_and_moved_are_kept_in_order_with_the_values_between(tmp_path):
    """Each row's change is one edit, in its place among the values; the values typed between
    two are each field's last (a name typed key by key is set once)."""
    _window(tmp_path, """
        edits.inserted(("accounts",), [(26, {"id": "acc-27", "name": "New account"})])
        edits.value(("accounts", "acc-27", "name"), "N")
        edits.value(("accounts", "acc-27", "name"), "Nordlicht")
        edits.moved(("cadences", "cad-1", "steps"), 0, 2, "day")
        edits.value(("cadences", "cad-1", "steps", 2, "day"), 9)
        edits.removed(("personas",), [(3, "per-4", "COO")],
                      [(("touches", "t-1", "persona_id"), "")])
    """)
    assert recover(tmp_path, PLAN).runs() == [
        {"n": 1, "insert": ["accounts"], "items": [[26, {"id": "acc-27", "name": "New account"}]],
         "references": []},
        {("accounts", "acc-27", "name"): "Nordlicht"},
        {"n": 4, "move": ["cadences", "cad-1", "steps"], "source": 0, "target": 2, "keep": "day",
         "name": ""},
        {("cadences", "cad-1", "steps", 2, "day"): 9},
        {"n": 6, "remove": ["personas"], "indexes": [3], "ids": ["per-4"], "names": ["COO"],
         "references": [[["touches", "t-1", "persona_id"], ""]]}]


def test_after_sections_not_kept_rows_by_id_are_made_again_and_rows_by_place_kept_aside(
        tmp_path):
    """CRM facts imported and not saved (too large to keep): the owner typed after it and an
    account added (named by ids) are made again; the facts, a step moved and a step's day (by
    their place) are what the leader is told of, in order; the file is kept, under a name no
    later start reads."""
    _window(tmp_path, """
        edits.structure(["actuals"])
        edits.value(("basics", "owner"), "K")
        edits.value(("basics", "owner"), "Katrin")
        edits.inserted(("accounts",), [(26, {"id": "acc-27", "name": "Nordlicht"})])
        edits.moved(("cadences", "cad-1", "steps"), 0, 2, "day", "Call")
        edits.value(("cadences", "cad-1", "steps", 2, "day"), 9)
    """)
    left = recover(tmp_path, PLAN)
    assert [(skip, sorted(map(str, run))) for skip, run in left.steps()] == [
        (True, ["sections", "structure"]), (False, ["('basics', 'owner')"]),
        (False, ["insert", "items", "n", "references"]),
        (True, ["keep", "move", "n", "name", "source", "target"]),
        (True, ["('cadences', 'cad-1', 'steps', 2, 'day')"])]
    (before,) = list(tmp_path.iterdir())
    (kept,) = left.keep_aside()
    assert kept.parent == tmp_path and kept.name.startswith(before.stem + ".not-restored-")
    assert list(tmp_path.iterdir()) == [kept] and b'"Nordlicht"' in kept.read_bytes()
    assert recover(tmp_path, PLAN).edits == []


def test_sections_too_large_for_a_line_are_named_not_kept(tmp_path, monkeypatch):
    """An import is kept whole, unless its line would be longer than a start reads: then it
    is named, and listed for the leader at the next start."""
    monkeypatch.setattr(unsaved_edits, "MAX_LINE_BYTES", 2_000)
    edits = UnsavedEdits(tmp_path, PLAN)
    small = {"accounts": [{"id": "acc-1", "name": "Nordlicht"}]}
    edits.replaced(small)
    edits.replaced({"accounts": [{"id": f"acc-{n}", "name": "Nordlicht"} for n in range(100)]})
    edits.close()
    left = recover(tmp_path, PLAN)
    assert left.runs() == [{"n": 1, "sections": small}]
    assert [run for skip, run in left.steps() if skip] == [
        {"structure": True, "sections": ["accounts"]}]


def test_a_folder_that_takes_no_new_file_still_keeps_what_is_typed(tmp_path, monkeypatch):
    """A read-only (or full) data folder: the save fails, and the file cannot be written anew
    when a cell closes; it still takes each value typed after (it took none: the notes typed
    then were lost with a kill, while the save could not keep them either)."""
    edits = UnsavedEdits(tmp_path, PLAN)
    edits.draft(("qualification", "criteria", 0, "name"), "Pai")
    edits.value(("qualification", "criteria", 0, "name"), "Pain")

    def read_only(*_args):
        raise OSError(30, "Read-only file system")
    monkeypatch.setattr(unsaved_edits.os, "replace", read_only)
    edits.draft_ended()  # cannot be written anew
    edits.value(("qualification", "notes"), "Reviewed weekly.")
    os.close(edits._fd)  # killed
    assert recover(tmp_path, PLAN).latest() == {
        ("qualification", "criteria", 0, "name"): "Pain",
        ("qualification", "notes"): "Reviewed weekly."}


def test_a_data_folder_read_only_from_the_start_keeps_the_typing_in_a_spare_folder(
        tmp_path, monkeypatch):
    """A data folder that takes no new file when the window opens (read-only, full): the
    file goes to a spare folder of the user's own, and the next start finds it there (no file
    could be made, and a kill lost all that was typed)."""
    folder = _taking_no_file(tmp_path / "data", monkeypatch)
    edits = UnsavedEdits(folder, PLAN)
    spare = unsaved_edits.spare_folder(folder)
    try:
        edits.value(("basics", "owner"), "Katrin Vogelsang, VP Sales Europe QQ")
        os.close(edits._fd)  # killed
        assert edits.path.parent == spare and stat.S_IMODE(spare.stat().st_mode) == 0o700
        monkeypatch.undo()
        left = recover(folder, PLAN)
        assert left.latest() == {("basics", "owner"): "Katrin Vogelsang, VP Sales Europe QQ"}
        left.discard()
        assert recover(folder, PLAN).edits == [] and not spare.exists()  # tidied away
    finally:
        shutil.rmtree(spare, ignore_errors=True)


def test_what_a_spare_folder_held_and_was_not_made_again_is_kept_in_the_data_folder(
        tmp_path, monkeypatch):
    """Kept aside in the temporary folder, it was the only copy, and a boot may empty it."""
    folder = _taking_no_file(tmp_path / "data", monkeypatch)
    edits = UnsavedEdits(folder, PLAN)
    spare = edits.path.parent
    try:
        edits.structure(["actuals"])
        os.close(edits._fd)  # killed
        monkeypatch.undo()  # the data folder takes files again
        (kept,) = recover(folder, PLAN).keep_aside()
        assert kept.parent == folder and b'"actuals"' in kept.read_bytes()
        assert not spare.exists()
    finally:
        shutil.rmtree(spare, ignore_errors=True)


def test_a_line_cut_by_the_kill_is_left_out(tmp_path):
    _window(tmp_path, 'edits.value(("basics", "goal"), "whole")')
    (path,) = tmp_path.iterdir()
    with path.open("ab") as file:
        file.write(b'{"n": 2, "path": ["basics", "goal"], "value": "cu')
    assert recover(tmp_path, PLAN).latest() == {("basics", "goal"): "whole"}


def test_a_window_closed_with_everything_saved_leaves_no_file(tmp_path):
    edits = UnsavedEdits(tmp_path, PLAN)
    edits.value(("basics", "goal"), "saved")
    edits.saved(edits.mark())
    edits.close()
    assert not list(tmp_path.iterdir())
    edits = UnsavedEdits(tmp_path, PLAN)
    edits.value(("basics", "goal"), "not saved: the save failed")
    edits.close()
    assert recover(tmp_path, PLAN).latest() == {("basics", "goal"): "not saved: the save failed"}
