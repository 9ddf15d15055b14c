"""``prospector pdf`` as a user runs it: the editions, and clear errors."""

import gc

import pytest
from pypdf import PdfReader

from prospector.cli import main
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
