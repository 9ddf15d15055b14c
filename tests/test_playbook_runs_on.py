"""What runs on to the next page (issue 16): a shaded box ends under its last line on both
pages, a split row names what its cells belong to, a repeated head is short and says
"(continued)", a list's label comes along. One plan, the sample with its texts four times as
long (as bench/review_plans.py's "long" plan), rendered once for the module: its chapters that
run on."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.resources import sample_plan_path

MM = 72 / 25.4
SHADE = (0xF6, 0xF7, 0xF9)  # a talk track's and a response's grey (30-cards-touches.css)
SECTIONS = ("personas", "touches", "objections", "questions", "qualification")


def _four_times(text: str, limit: int = 0) -> str:
    """``text`` four times over, or as many times as ``limit`` characters hold (a name's 200)."""
    times = 4 if not limit else max(1, min(4, (limit + 1) // (len(text) + 1)))
    return " ".join([text] * times)


@pytest.fixture(scope="module")
def long_plan() -> Plan:
    plan = read_plan_file(sample_plan_path())
    for t in plan.touches:
        t.value, t.message = _four_times(t.value), "\n\n".join([t.message] * 2)
    for o in plan.objections:
        o.response = _four_times(o.response)
    for p in plan.personas:
        p.responsibilities, p.value_means = map(_four_times, (p.responsibilities, p.value_means))
        p.cares_about = [_four_times(item) for item in p.cares_about]
    for q in plan.questions:
        q.question = _four_times(q.question, 200)
        q.why, q.good_answer = map(_four_times, (q.why, q.good_answer))
    for c in plan.qualification.criteria:
        c.must_show = _four_times(c.must_show)
    return plan


@pytest.fixture(scope="module")
def long_pdf(long_plan, tmp_path_factory) -> pdfium.PdfDocument:
    path = render_playbook_pdf(long_plan, tmp_path_factory.mktemp("pdf") / "long.pdf",
                               section=SECTIONS).path
    pdf = pdfium.PdfDocument(str(path))
    yield pdf
    pdf.close()


def _shaded_boxes(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """The grey boxes of talk tracks and responses drawn on ``page``: (left, top, right,
    bottom) in pt from the page's top left."""
    height, boxes = page.get_height(), []
    for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH], max_depth=5):
        rgba = [ctypes.c_uint() for _ in range(4)]
        if pdfium_raw.FPDFPageObj_GetFillColor(obj, *map(ctypes.byref, rgba)) and \
                tuple(c.value for c in rgba[:3]) == SHADE:
            left, bottom, right, top = obj.get_bounds()
            boxes.append((left, height - top, right, height - bottom))
    return boxes


def _text_bottoms(page: pdfium.PdfPage, box) -> list[float]:
    """The bottoms (pt from the page's top) of the characters printed inside ``box``."""
    textpage, height = page.get_textpage(), page.get_height()
    left, top, right, bottom = box
    out = []
    for i in range(textpage.count_chars()):
        x0, y0, x1, y1 = textpage.get_charbox(i)
        if x0 >= left and x1 <= right and height - y1 >= top - 0.5 and height - y0 <= bottom + 0.5:
            out.append(height - y0)
    return out


def test_a_shaded_box_carried_over_ends_under_its_last_line_on_both_pages(long_pdf):
    """A talk track or response that runs on to the next page ends its grey a padding below
    its last line at the first page's foot, as on the next page: it reached the foot, 8-20 mm
    of empty grey under the last line (the long-text plan, the last fresh-eyes review)."""
    carried, gaps = 0, []
    for number, page in enumerate(long_pdf, 1):
        for box in _shaded_boxes(page):
            bottoms = _text_bottoms(page, box)
            assert bottoms, (number, box)
            gaps.append((number, round((box[3] - max(bottoms)) / MM, 1)))
            carried += box[1] <= 24 * MM + 0.5  # starts at the text area's top: runs on
    assert carried >= 3
    assert [g for g in gaps if g[1] > 4] == []
