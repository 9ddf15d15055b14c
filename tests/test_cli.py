"""The command line as a new user meets it: round trips, and one clear line for each bad input."""

import json
import os
import stat
import subprocess
import sys

import pytest

from prospector.cli import main
from prospector.resources import sample_plan_path
from prospector.store import PlanStore


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _store_bytes(data_dir):
    path = data_dir / "plans.json"
    return path.read_bytes() if path.exists() else None


def test_import_list_export_round_trips_every_field(capsys, tmp_path, sample_doc):
    code, out, err = run(capsys, "import", str(sample_plan_path()))
    assert code == 0 and out.strip() == sample_doc["id"]
    code, out, _ = run(capsys, "list")
    assert sample_doc["name"] in out and sample_doc["id"] in out
    target = tmp_path / "out.json"
    code, _, err = run(capsys, "export-json", sample_doc["name"], "-o", str(target))
    assert code == 0 and json.loads(target.read_text("utf-8")) == sample_doc


def test_import_sample_shortcut_and_reimport_updates(capsys, sample_doc, data_dir):
    assert run(capsys, "import", "--sample")[0] == 0
    store = PlanStore(data_dir)
    changed = store.load(sample_doc["id"])
    changed.basics.goal = "Changed in the app"
    store.save(changed)
    code, out, err = run(capsys, "import", "--sample")  # the file replaces it, said so
    assert code == 0 and err.strip() == (
        f"{sample_doc['name']!r} updated from the file (version 3); the version it replaced is "
        f"kept: `prospector restore {sample_doc['id']} 2` brings it back (or import the file "
        "with --as-new to keep both).")
    code, out, err = run(capsys, "import", "--sample")  # the same again: no version made
    assert code == 0 and out.strip() == sample_doc["id"] and "nothing changed" in err
    code, out, _ = run(capsys, "restore", sample_doc["id"], "3")
    assert code == 0 and "is the same as the current one (version 3): nothing changed" in out
    code, out, _ = run(capsys, "restore", sample_doc["id"], "1")  # the same plan as version 3
    assert code == 0 and "nothing changed" in out
    assert [v.version for v in store.history(sample_doc["id"])] == [3, 2, 1]
    code, out, err = run(capsys, "import", "--sample", "--as-new")
    assert code == 0 and out.strip() != sample_doc["id"]
    assert len(PlanStore().list_plans()) == 2


def test_history_and_restore(capsys, tmp_path, sample_doc):
    run(capsys, "import", "--sample")
    edited = dict(sample_doc, name="Renamed plan")
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(edited), "utf-8")
    run(capsys, "import", str(path))
    code, out, _ = run(capsys, "history", sample_doc["id"])
    assert code == 0 and "2 versions kept" in out and "(current)" in out
    code, out, _ = run(capsys, "restore", "Renamed plan", "1")
    assert code == 0 and "now version 3" in out
    assert PlanStore().load(sample_doc["id"]).name == sample_doc["name"]


def test_list_on_an_empty_store_says_what_to_do(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0 and "No plans stored yet" in out and "prospector import" in out


def test_export_json_accepts_a_plan_file(capsys, tmp_path, sample_doc):
    target = tmp_path / "copy.json"
    assert run(capsys, "export-json", str(sample_plan_path()), "-o", str(target))[0] == 0
    assert json.loads(target.read_text("utf-8")) == sample_doc



def test_an_export_writes_through_a_link_and_never_replaces_a_device_pipe_or_folder(
        capsys, tmp_path):
    """A link was replaced by a file of its own (its target never written); ``-o /dev/full`` run
    as root made the device a regular file."""
    plan = str(sample_plan_path())
    (tmp_path / "shared.json").write_text("old", "utf-8")
    (tmp_path / "link.json").symlink_to(tmp_path / "shared.json")
    assert run(capsys, "export-json", plan, "-o", str(tmp_path / "link.json"))[0] == 0
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads((tmp_path / "shared.json").read_text("utf-8"))["format"] == \
        "prospector-plan"
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "device").symlink_to("/dev/null")
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")  # a loop was replaced by a file
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    for target, why in (("loop-a", "Too many levels of symbolic links"),
                        ("pipe", "is a device or a pipe, not a file"),
                        ("device", "is a device or a pipe, not a file"),
                        (".", "is a folder, not a file")):
        code, _, err = run(capsys, "export-json", plan, "-o", str(tmp_path / target))
        assert code == 1 and err.strip().endswith(f": cannot be written ({why})")
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe").st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert (tmp_path / "loop-a").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "device", "link.json", "loop-a", "loop-b", "pipe", "shared.json"]  # no temp file left

BAD_INPUTS = {
    "missing file": (None, "does not exist"),
    "folder": ("<dir>", "is a folder, not a plan file"),
    # a pipe no one writes to hung the command; /dev/zero was read until memory ran out
    "named pipe": ("<fifo>", "is a device or a pipe, not a plan file"),
    "endless device": ("<zero>", "is a device or a pipe, not a plan file"),
    "broken json": ('{"format": "prospector-plan",', "is not valid JSON (line 1"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "is not a text file in UTF-8"),
    "wrong type": (
        json.dumps({"format": "prospector-plan", "schema_version": 2, "name": "X",
                    "accounts": [{"name": "Acme", "employees": "many"}]}),
        "accounts[0] (Acme).employees: must be a whole number (got 'many')",
    ),
    "not a plan": ('{"hello": "world"}', "is not a Prospector plan file (it has no \"format\"; "
                   'a plan file says "format": "prospector-plan")'),  # it said: is None
    "another format": ('{"format": "vcard"}', "its \"format\" is 'vcard', expected"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_import_is_one_clear_line_and_changes_nothing(capsys, tmp_path, data_dir, case):
    run(capsys, "import", "--sample")
    before = _store_bytes(data_dir)
    content, expected = BAD_INPUTS[case]
    path = tmp_path / "bad.json"
    if content == "<dir>":
        path.mkdir()
    elif content == "<fifo>":
        os.mkfifo(path)
    elif content == "<zero>":
        path.symlink_to("/dev/zero")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, "utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"prospector: error: {path}: ")
    assert expected in lines[0]
    assert _store_bytes(data_dir) == before


def test_importing_an_older_file_says_what_was_repaired_and_keeps_the_file(capsys, tmp_path,
                                                                          data_dir):
    old = json.dumps({"format": "prospector-plan", "schema_version": 2, "name": "Old plan",
                      "basics": {"goal": "Twenty\u0007 meetings", "start_date": "2207-01-04"}})
    path = tmp_path / "old.json"
    path.write_text(old, "utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and out.strip()
    warning = err.splitlines()[0]
    assert warning.startswith(f"prospector: warning: {path} was written by an earlier Prospector")
    assert "basics.goal: 1 control character removed" in warning
    assert "basics.start_date: 2207-01-04 is outside 2000-01-01 to 2199-12-31" in warning
    assert warning.endswith("The file itself is unchanged.")
    assert path.read_text("utf-8") == old
    stored = PlanStore(data_dir).load(out.strip())
    assert stored.basics.goal == "Twenty meetings" and stored.basics.start_date is None


def test_unknown_plan_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, "export-json", "Nonexistent", "-o", str(tmp_path / "x.json"))
    assert code == 1 and "no stored plan is named or has the id 'Nonexistent'" in err
    assert not (tmp_path / "x.json").exists()
    code, _, err = run(capsys, "history", "Nonexistent")
    assert code == 1 and "prospector list" in err


def test_restore_of_a_missing_version(capsys):
    run(capsys, "import", "--sample")
    code, _, err = run(capsys, "restore", "plan-sample01", "99")
    assert code == 1 and "has no version 99" in err


def test_export_to_an_unwritable_place(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "export-json", str(sample_plan_path()),
                       "-o", str(blocker / "o.json"))
    assert code == 1 and "cannot be written" in err


def test_every_verb_has_help():
    for verb in ("gui", "list", "import", "export-json", "history", "restore"):
        with pytest.raises(SystemExit) as done:
            main([verb, "--help"])
        assert done.value.code == 0


def test_installed_command_prints_no_traceback(tmp_path, data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "prospector", "import", str(tmp_path / "nope.json")],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"prospector: error: {tmp_path / 'nope.json'}: does not exist "
                                     "(check the path)")


def test_a_data_dir_that_is_a_file_or_empty_is_refused_and_nothing_is_created(capsys, tmp_path):
    """A file given as the folder said "(File exists)"; an empty one quietly used (and made)
    the user data folder."""
    plan_file = tmp_path / "plan.json"
    plan_file.write_text("{}", "utf-8")
    code, _, err = run(capsys, "--data-dir", str(plan_file), "list")
    assert code == 1 and err.strip() == (
        f"prospector: error: {plan_file}: cannot create the data folder (is a file, not a "
        "folder); choose another with --data-dir or PROSPECTOR_DATA_DIR")
    with pytest.raises(SystemExit) as refused:
        main(["--data-dir", " ", "list"])
    assert refused.value.code == 2
    assert "--data-dir: give a folder (the value is empty)" in capsys.readouterr().err


def test_list_shows_a_name_that_turns_text_around_escaped_and_keeps_wide_names_in_line(
        capsys, tmp_path, sample_doc):
    """A right-to-left override printed raw showed "evil" as "live" in the terminal; a Chinese
    name (two columns a character) pushed the next column out of line."""
    from prospector.terminal import columns  # noqa: PLC0415

    for plan_id, name in (("plan-rlo", "\u202eevil"), ("plan-wide", "北京精密机械"),
                          ("plan-tab", "Tab\tand\u200bzero width")):
        path = tmp_path / f"{plan_id}.json"
        path.write_text(json.dumps(dict(sample_doc, id=plan_id, name=name)), "utf-8")
        assert run(capsys, "import", str(path))[0] == 0
    lines = run(capsys, "list")[1].splitlines()
    assert "\u202e" not in "".join(lines) and any(line.startswith("\\u202eevil ")
                                                   for line in lines)
    assert any(line.startswith("Tab and\\u200bzero width ") for line in lines)
    starts = {columns(line[:line.index("plan-")]) for line in lines[1:]}
    assert starts == {columns(lines[0][:lines[0].index("ID")])}  # every id in the ID column


def test_data_dir_option_overrides_the_environment(capsys, tmp_path):
    other = tmp_path / "elsewhere"
    assert run(capsys, "--data-dir", str(other), "import", "--sample")[0] == 0
    assert (other / "plans.json").exists()


def test_an_unexpected_failure_is_one_line_and_a_private_log(capsys, data_dir):
    def broken_app(_plan):
        raise ZeroDivisionError("division by zero in the app")

    assert main(["gui"], start_gui=broken_app) == 70
    err = capsys.readouterr().err
    log = data_dir / "prospector.log"
    assert err.strip().splitlines() == [
        "prospector: error: unexpected problem: ZeroDivisionError: division by zero in the app. "
        f"Details were written to {log}"]
    assert "Traceback" in log.read_text("utf-8")
    assert (log.stat().st_mode & 0o777, data_dir.stat().st_mode & 0o777) == (0o600, 0o700)


def test_a_file_over_its_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """Reading no further than the limit (for /dev/zero, whose size says 0) read 50 MB of a
    file whose size already said it was too large."""
    from pathlib import Path  # noqa: PLC0415

    from prospector.errors import PlanFileError  # noqa: PLC0415
    from prospector.userfile import read_user_file  # noqa: PLC0415

    large = tmp_path / "large.json"
    with large.open("wb") as handle:
        handle.truncate(51 * 1_048_576)  # sparse: no disk taken
    opened = []
    monkeypatch.setattr(Path, "open", lambda *a, **k: opened.append(a) or pytest.fail("read"))
    with pytest.raises(PlanFileError, match="is 51 MB, too large"):
        read_user_file(large, what="a plan file", max_bytes=50 * 1_048_576,
                       too_large="too large", error=PlanFileError)
    assert opened == []


_CTRL_C_WHILE_LOADING = """
import runpy, sys

class CtrlC:  # Ctrl+C arrives while the command line's modules load
    @staticmethod
    def find_spec(name, *_args):
        if name == "prospector.cli":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC)
sys.argv = ["prospector", "list"]
if {entry!r} == "prospector":
    runpy.run_module("prospector", run_name="__main__")
else:
    from ui.launcher import main
    sys.exit(main())
"""


@pytest.mark.parametrize("entry", ["prospector", "ui.launcher"])
def test_ctrl_c_while_the_command_loads_says_interrupted_not_a_traceback(entry):
    """The first 0.2 s of `prospector ...` (`python -m prospector` too) import the command
    line: a Ctrl+C then printed a Python traceback."""
    done = subprocess.run([sys.executable, "-c", _CTRL_C_WHILE_LOADING.format(entry=entry)],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 130
    assert done.stderr == "prospector: error: interrupted; nothing was half-saved\n"
