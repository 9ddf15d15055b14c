"""``prospector pdf`` as a user runs it: the editions, and clear errors."""

import contextlib
import gc
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from prospector.cli import main
from prospector.playbook import render as render_module
from prospector.resources import sample_plan_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def rep_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "rep.pdf"
    assert main(["pdf", str(sample_plan_path()), "-o", str(out), "--rep", "Mette Sørensen",
                 "--start", "2027-01-11"]) == 0
    return out


def test_rep_edition_from_the_command_line(rep_pdf):
    reader = PdfReader(rep_pdf)
    assert reader.metadata.title.endswith("playbook for Mette Sørensen")
    assert len(reader.pages) > 5


def test_printing_in_a_process_that_goes_on_still_collects_its_garbage(rep_pdf):
    """Only a process that prints and ends (`python -m prospector pdf`) leaves its garbage to
    its end; the command run inside a longer one (the app, this test run) does not: its memory
    would grow with every playbook printed."""
    assert gc.isenabled()


@pytest.mark.parametrize("argv, message", [
    (["--rep", "Nobody"], "Nobody"),
    (["--start", "2027-01-11"], "--start goes with --rep"),
    (["--rep", "Mette Sørensen", "--start", "11/01/2027"], "is not a date written YYYY-MM-DD"),
    (["--all-reps", "--readiness"], "--readiness is an appendix of the leader's edition"),
])
def test_bad_pdf_options_are_one_clear_line(capsys, tmp_path, argv, message):
    code, out, err = run(capsys, "pdf", str(sample_plan_path()), "-o", str(tmp_path / "x.pdf"),
                         *argv)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_output_folder_must_exist(capsys, tmp_path):
    code, _, err = run(capsys, "pdf", str(sample_plan_path()), "-o",
                       str(tmp_path / "missing" / "x.pdf"))
    assert code == 1 and "does not exist" in err


_WITHOUT = """
import sys
from importlib.abc import MetaPathFinder

class Absent(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {absent!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, Absent())
from prospector.cli import main
from prospector.playbook import render as render_module
sys.exit(main(sys.argv[1:], whole_process=True))
"""


def test_a_plan_file_prints_without_the_plan_store(tmp_path):
    """``prospector pdf plan.json`` reads the file and prints: the plan store's libraries
    (TinyDB, the file lock) are not loaded for it, so printing works even where they cannot
    be (and it starts faster); a stored plan's name still needs them."""
    out = tmp_path / "cover.pdf"
    code = _WITHOUT.format(absent={"tinydb", "filelock"})
    done = subprocess.run([sys.executable, "-c", code, "pdf", str(sample_plan_path()),
                           "--section", "cover", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(out).pages) >= 1
    stored = subprocess.run([sys.executable, "-c", code, "pdf", "Some stored plan",
                             "-o", str(tmp_path / "x.pdf")],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PROSPECTOR_DATA_DIR": str(tmp_path / "data")})
    assert stored.returncode != 0 and "tinydb" in stored.stderr + stored.stdout


def _nine_reps(folder) -> Path:
    """The sample with six reps more (a print of every rep that takes a while): its file."""
    plan = json.loads(sample_plan_path().read_text("utf-8"))
    first = plan["reps"][0]
    plan["reps"] += [{**first, "id": f"rep-more-{n}", "name": f"Rep {n}", "email": "",
                      "account_ids": []} for n in range(6)]
    plan_file = folder / "nine-reps.json"
    plan_file.write_text(json.dumps(plan), "utf-8")
    return plan_file


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux's /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="reads /proc; workers need two cores")
def test_the_apps_cancel_of_every_reps_export_ends_its_workers_too(tmp_path):
    """Cancel kills the export's process (``prospector.render_job``): its two workers went on,
    wrote every rep's PDF after "Cancelled", then waited for ever, outliving the app."""
    out = tmp_path / "out"
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"plan": json.loads(_nine_reps(tmp_path).read_text("utf-8")),
                               "out": str(out), "rep": None, "start": None, "all_reps": True}),
                   "utf-8")
    export = subprocess.Popen([sys.executable, "-m", "prospector.render_job", str(job)],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        while not list(out.glob("*.pdf")):  # the workers at work, however slow the machine
            assert export.poll() is None
            time.sleep(0.05)
        workers = _children(export.pid)
        assert workers
        export.kill()  # as the app's Cancel does
        export.wait()
        written = len(list(out.glob("*.pdf")))
        deadline = time.monotonic() + 120  # a bound for a hung test, not a measure
        while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers):
            assert time.monotonic() < deadline, "the workers outlived the export"
            time.sleep(0.05)
    finally:
        export.kill()
        for worker in workers:
            with contextlib.suppress(OSError):
                os.kill(worker, signal.SIGKILL)
    # a PDF under way as Cancel came may have been finished: no rep after it
    assert len(list(out.glob("*.pdf"))) <= written + len(workers) < 9


_APP_THAT_QUITS = """
import os, subprocess, sys
job = subprocess.Popen([sys.executable, "-m", "prospector.render_job", sys.argv[1]],
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
for line in job.stdout:  # the reps' editions under way: the app quits
    if b"Rendering" in line:
        break
print(job.pid, flush=True)
os._exit(0)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_an_export_under_way_ends_when_the_app_quits_and_leaves_no_plan_behind(tmp_path):
    """The app quit (or died) during every rep's export: the export process and its workers
    went on and wrote every PDF with nobody there, and the job file holding the whole plan was
    left in the temporary folder."""
    out = tmp_path / "out"
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"plan": json.loads(_nine_reps(tmp_path).read_text("utf-8")),
                               "out": str(out), "rep": None, "start": None, "all_reps": True}),
                   "utf-8")
    app = subprocess.run([sys.executable, "-c", _APP_THAT_QUITS, str(job)], capture_output=True,
                         text=True, timeout=300, stdin=subprocess.DEVNULL)
    export = int(app.stdout.split()[0])
    try:
        deadline = time.monotonic() + 120  # a bound for a hung test, not a measure
        while Path(f"/proc/{export}").exists() and "Z" not in _state(export):
            assert time.monotonic() < deadline, "the export outlived the app"
            time.sleep(0.05)
    finally:
        with contextlib.suppress(OSError):
            os.kill(export, signal.SIGKILL)
    assert not job.exists()
    assert len(list(out.glob("*.pdf"))) < 9


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_ctrl_c_stops_every_reps_printing_and_leaves_no_partial_file(tmp_path):
    """Ctrl+C (SIGINT to the command alone, as `timeout -s INT` or a job control sends it):
    the pool's workers took it as one rep's error and went on, and the command wrote PDFs for
    20 s after it. Now no rep is printed after it and nothing half-written is left."""
    plan_file = _nine_reps(tmp_path)
    out = tmp_path / "out"
    command = subprocess.Popen([sys.executable, "-m", "prospector", "pdf", str(plan_file),
                                "--all-reps", "-o", str(out)], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        while not list(out.glob("*.pdf")):  # the first rep printed, however slow the machine
            assert command.poll() is None, command.stderr.read()
            time.sleep(0.05)
        printed = len(list(out.glob("*.pdf")))
        command.send_signal(signal.SIGINT)
        assert command.wait(timeout=300) == 130
    finally:
        command.kill()
    said = command.stderr.read()
    assert "interrupted; nothing was half-saved" in said
    names = [path.name for path in out.iterdir()]
    # the PDFs of the reps under way at the interrupt may have been written just before it
    assert all(name.endswith(".pdf") for name in names) and len(names) <= printed + 2 < 9
    # and the command says which were written: each of them, and nothing else
    listed = said.split("written before it:\n", 1)[1].splitlines()
    assert sorted(os.path.basename(line.strip()) for line in listed) == sorted(names)
    assert f"{len(names)} file" in said


def test_ctrl_c_names_the_reps_printed_before_it_not_an_earlier_prints_pdf(sample_plan,
                                                                             tmp_path, monkeypatch):
    """The first rep printed, Ctrl+C during the second: the first rep's PDF is named; the last
    rep's, in the folder from an earlier print, is not this run's and is not named, even dated
    in the future (a file server's clock ahead of ours)."""
    out = tmp_path / "out"
    out.mkdir()
    names = render_module.rep_file_names(sample_plan)
    first, last = (out / names[rep.id] for rep in (sample_plan.reps[0], sample_plan.reps[-1]))
    last.write_bytes(b"%PDF-1.7 an earlier print")
    os.utime(last, (time.time() + 3600,) * 2)
    printing = render_module.render_playbook_pdf
    calls = []

    def interrupted_at_the_second(*args, **kwargs):
        calls.append(args)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return printing(*args, **kwargs)

    monkeypatch.setattr(render_module, "render_playbook_pdf", interrupted_at_the_second)
    with pytest.raises(KeyboardInterrupt) as stopped:
        render_module.render_all_reps(sample_plan, out, processes=1)
    assert stopped.value.written == [str(first)]
