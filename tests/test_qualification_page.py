"""The qualification checklist ("What counts as an opportunity") is read whole, under its title:
the chapter is one block when it fits a page."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.playbook.qualification_page import kept_whole
from prospector.resources import sample_plan_path

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def _pages(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")


@pytest.mark.parametrize("rep", [None, "Jonas Albrecht"])
def test_the_checklist_is_whole_on_the_page_of_its_title(tmp_path, rep):
    """The sample's rep edition printed the chapter's title and lead at a page's foot and its
    checklist overleaf (before that, the checklist ran two rows on one page, two on the next)."""
    plan = read_plan_file(sample_plan_path())
    path = render_playbook_pdf(plan, tmp_path / "edition.pdf", rep_name=rep,
                               today=date(2027, 1, 4)).path
    pages = _pages(path)
    title = [n for n, p in enumerate(pages) if "\nWhat counts as an opportunity\n" in p]
    assert len(title) == 1
    page = pages[title[0]]
    assert "WHAT THE FIRST MEETING MUST SHOW" in page
    for criterion in plan.qualification.criteria:
        assert criterion.name in page, criterion.name
    assert "(continued)" not in page


def test_a_chapter_taller_than_a_page_is_not_kept_whole():
    """Kept together, a chapter taller than a page would still be moved to the next page and
    leave the page before it mostly white (the long-text plan: 75% white): it splits instead,
    its criteria's names saying "(continued)" overleaf."""
    plan = read_plan_file(sample_plan_path())
    criterion = {"name": "Pain", "must_show": " ".join([plan.qualification.criteria[0].must_show]
                                                       * 4)}
    short = {"framework": "Pain, impact", "criteria": [criterion] * 2, "notes": ["Counted."]}
    assert kept_whole(short, "A4")
    tall = {**short, "criteria": [criterion] * 4, "notes": [plan.qualification.notes * 4]}
    assert not kept_whole(tall, "A4")
    assert not kept_whole({**short, "criteria": [criterion] * 5}, "Letter")
