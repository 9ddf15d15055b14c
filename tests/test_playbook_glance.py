"""The playbook's cover, its "At a glance" page and its overview: what a reader of the PDF sees.

A one-account plan (the sample's basics with an offering four times as long, a logo) is rendered
once per module in both editions; the sample's leader edition is the session's fixture."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from datetime import date
from xml.etree import ElementTree

import pypdfium2 as pdfium
import pytest
from PIL import Image

from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.resources import sample_plan_path

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

ONE_ACCOUNT = "Kowalczyk Tworzywa Sp. z o.o."


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def one_account_plan(sample: Plan) -> Plan:
    """The sample with one account (tier C, one rep), a logo and an offering 4x as long."""
    buffer = io.BytesIO()
    Image.new("RGB", (300, 90), "#1F4E79").save(buffer, format="PNG")
    logo = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    account = next(a for a in sample.accounts if a.name == ONE_ACCOUNT)
    rep = sample.reps[0].model_copy(update={"account_ids": [account.id]})
    basics = sample.basics.model_copy(update={"offering": " ".join([sample.basics.offering] * 4),
                                              "logo": logo})
    return sample.model_copy(update={"accounts": [account], "reps": [rep], "basics": basics})


@pytest.fixture(scope="module")
def one_account(sample, tmp_path_factory):
    """(leader PDF, rep PDF) of the one-account plan."""
    plan = one_account_plan(sample)
    folder = tmp_path_factory.mktemp("glance")
    leader = render_playbook_pdf(plan, folder / "leader.pdf", today=date(2027, 1, 4))
    rep = render_playbook_pdf(plan, folder / "rep.pdf", rep_name=plan.reps[0].name,
                              today=date(2027, 1, 4))
    return leader.path, rep.path


def page_texts(path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]
    finally:
        pdf.close()


def words(path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(x0, y0, x1, y1, word) of one page (1-based), top to bottom, as poppler finds them."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    xml = re.sub(r'xmlns="[^"]+"', "", out, count=1)
    return [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
             float(w.get("yMax")), w.text or "") for w in ElementTree.fromstring(xml).iter("word")]


# --- the cover --------------------------------------------------------------------------------
def test_cover_shows_the_plans_key_numbers_on_one_page(sample_leader_pdf, sample):
    texts = page_texts(sample_leader_pdf[0].path)
    cover = texts[0]
    touches = sum(len(sample.cadence_for(a).steps) for a in sample.accounts)
    for figure in (f"{len(sample.accounts)} target accounts", f"{len(sample.reps)} reps",
                   f"{touches} touches to make", "13 weeks of cadence",
                   "60 first meetings and 16 new qualified opportunities"):
        assert figure in cover, figure
    assert "Printed 4 Jan 2027".upper() in cover.upper()  # the facts' foot is still on page 1
    assert not texts[1].startswith(sample.name)  # the cover did not run onto a second page


def test_a_long_offering_pushes_the_key_numbers_down_instead_of_running_over_them(one_account):
    leader, rep = one_account
    for path in (leader, rep):
        page = words(path, 1)
        assert any(w[4] == "PRINTED" for w in page), path.name  # the cover is one page
        goal_top = min(w[1] for w in page if w[4] == "GOAL")
        above = [w for w in page if w[3] < goal_top]
        below = [w for w in page if w[1] >= goal_top]
        # the brand rule sits just above "THE GOAL": every word of the title, the company and
        # the offering ends at least 5 mm above that label, every fact below it
        assert all(w[3] < goal_top - 5 * 72 / 25.4 for w in above), path.name
        assert {"PLAN", "OWNER", "PRINTED"} <= {w[4] for w in below}, path.name
