"""What runs on to the next page (issue 16): a shaded box ends under its last line on both
pages, a split row names what its cells belong to, a repeated head is short and says
"(continued)", a list's label comes along. One plan, the sample with its texts four times as
long (as bench/review_plans.py's "long" plan), rendered once for the module: its chapters that
run on."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.resources import sample_plan_path
from tests.test_playbook_typeset import MM, Glyph, _body_lines, _find, _head, _pages, _text

SHADE = (0xF6, 0xF7, 0xF9)  # a talk track's and a response's grey (30-cards-touches.css)
SECTIONS = ("personas", "touches", "objections", "questions", "qualification")


def _four_times(text: str, limit: int = 0) -> str:
    """``text`` four times over, or as many times as ``limit`` characters hold (a name's 200)."""
    times = 4 if not limit else max(1, min(4, (limit + 1) // (len(text) + 1)))
    return " ".join([text] * times)


@pytest.fixture(scope="module")
def long_plan() -> Plan:
    """The sample, its texts four times as long; a question's row, a criterion's row and the
    first persona's list of touches taller than a page, so each surely runs on."""
    plan = read_plan_file(sample_plan_path())
    first = plan.personas[0].id
    plan.touches += [t.model_copy(update={"id": f"{t.id}-{n}", "persona_ids": [first]})
                     for n in range(2) for t in plan.touches]
    for t in plan.touches:
        t.title = _four_times(t.title, 200)
        t.value, t.message = _four_times(t.value), "\n\n".join([t.message] * 2)
    for o in plan.objections:
        o.response = _four_times(o.response)
    for p in plan.personas:
        p.responsibilities, p.value_means = map(_four_times, (p.responsibilities, p.value_means))
        p.cares_about = [_four_times(item) for item in p.cares_about]
    for q in plan.questions:
        q.question = _four_times(q.question, 200)
        q.why, q.good_answer = map(_four_times, (q.why, q.good_answer))
    plan.questions[0].why = " ".join([plan.questions[0].why] * 16)
    for c in plan.qualification.criteria:
        c.must_show = _four_times(c.must_show)
    plan.qualification.criteria[0].must_show = " ".join([c.must_show] * 10)
    return plan


@pytest.fixture(scope="module")
def long_path(long_plan, tmp_path_factory) -> Path:
    return render_playbook_pdf(long_plan, tmp_path_factory.mktemp("pdf") / "long.pdf",
                               section=SECTIONS).path


@pytest.fixture(scope="module")
def long_pages(long_path) -> list[list[Glyph]]:
    return _pages(long_path)


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


def test_a_shaded_box_carried_over_ends_under_its_last_line_on_both_pages(long_path):
    """A talk track or response that runs on to the next page ends its grey a padding below
    its last line at the first page's foot, as on the next page: it reached the foot, 8-20 mm
    of empty grey under the last line (the long-text plan, the last fresh-eyes review)."""
    carried, gaps = 0, []
    for number, page in enumerate(pdfium.PdfDocument(str(long_path)), 1):
        for box in _shaded_boxes(page):
            bottoms = _text_bottoms(page, box)
            assert bottoms, (number, box)
            gaps.append((number, round((box[3] - max(bottoms)) / MM, 1)))
            carried += box[1] <= 24 * MM + 0.5  # starts at the text area's top: runs on
    assert carried >= 3
    assert [g for g in gaps if g[1] > 4] == []


def _first_page(pages: list[list[Glyph]], text: str) -> int:
    return next(n for n, glyphs in enumerate(pages) if _find(glyphs, text[:60]))


def _line_under(lines: list[list[Glyph]], label: str) -> tuple[list[Glyph], list[Glyph]]:
    """The body line holding ``label`` (a table's head) and the line under it."""
    n = next(i for i, line in enumerate(lines) if label in _text(line))
    return lines[n], lines[n + 1]


def test_a_question_run_on_repeats_its_question_under_a_short_head(long_plan, long_pages):
    """A discovery question's row that runs on to the next page opens it under its table's head
    reduced to one line, "<persona> (continued)", the question repeated cut short and
    "(continued)" beside its answers; the running head names the conversation and persona.
    The question's cell was empty there, under the persona's head repeated whole (six lines
    over one, the long-text plan's rep edition)."""
    question = long_plan.questions[0]
    n = _first_page(long_pages, question.question)
    lines = _body_lines(long_pages[n + 1])
    head, row = _line_under(lines, "WHYWEASK")
    assert lines[0] is head  # the head first, on one line
    assert _text(head).split("WHYWEASK")[0].endswith("(CONTINUED)"), _text(head)
    why_left = _find(head, "WHY WE ASK")[0][0].left
    question_cell = _text([g for g in row if g.right < why_left])
    assert question_cell.startswith("".join(question.question.split()[:3]))
    assert question_cell.endswith("(continued)"), question_cell
    assert _head(long_pages[n + 1]).endswith("(CONTINUED)"), _head(long_pages[n + 1])


def test_a_criterion_run_on_repeats_its_name_and_says_continued(long_plan, long_pages):
    """A criterion's row that runs on to the next page repeats its name there, "(continued)",
    and the running head says the chapter continues: its name's cell was empty, the text beside
    it belonging to nothing (the long-text plan's editions)."""
    criterion = long_plan.qualification.criteria[0]
    n = _first_page(long_pages, criterion.must_show)
    head, row = _line_under(_body_lines(long_pages[n + 1]), "CRITERION")
    text_left = _find(head, "WHAT THE FIRST")[0][0].left
    name_cell = _text([g for g in row if g.right < text_left])
    assert name_cell.startswith("".join(criterion.name.split()[:1]))
    assert name_cell.endswith("(continued)"), name_cell
    assert _head(long_pages[n + 1]).endswith("(CONTINUED)"), _head(long_pages[n + 1])


def test_a_personas_touches_run_on_under_their_label(long_plan, long_pages):
    """Every touch listed for a persona has the label "Touches for this persona" above it on
    its page, "(continued)" on a page the list runs on to: the list went on at the next page's
    top under no label (the long-text plan's leader edition)."""
    titles = [" ".join(t.title.split()[:4]) for t in long_plan.touches]
    continued = 0
    for glyphs in long_pages:
        if not _head(glyphs).startswith("PERSONAS"):
            continue
        labels = _find(glyphs, "TOUCHES FOR THIS PERSONA")
        continued += len(_find(glyphs, "TOUCHES FOR THIS PERSONA (CONTINUED)"))
        for title in titles:
            for item in [i for i in _find(glyphs, title) if i[0].left > 105 * MM]:  # listed
                assert any(label[0].bottom < item[0].top and label[0].left <= item[0].left
                           for label in labels), title
    assert continued >= 1
