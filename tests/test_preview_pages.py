"""The preview's page view: every page of the PDF, drawn at the pane's width, a new PDF shown at
the page the leader was reading."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from weasyprint import HTML

from prospector.sections import SECTION_BY_KEY
from ui.document import PlanDocument
from ui.pdf_view import PdfPagesView
from ui.preview import PreviewPane

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdfs")
    made = {}
    for name, pages in (("five", 5), ("three", 3)):
        blocks = "".join(f'<div style="height: 250mm; background: black; '
                         f'page-break-after: always">{i}</div>' for i in range(pages))
        path = folder / f"{name}.pdf"
        HTML(string=f"<html><body style='margin:0'>{blocks}</body></html>").write_pdf(path)
        made[name] = str(path)
    return made


def _open(view, qtbot, path):
    with qtbot.waitSignal(view.page_count_changed, timeout=60000):
        view.set_document(path)  # read on the PDFium thread


def _drawn(view, qtbot, pages):
    qtbot.waitUntil(lambda: all(p in view._images for p in pages), timeout=60000)


def test_pages_are_drawn_at_the_panes_width_and_a_new_pdf_keeps_the_page(qtbot, pdfs):
    view = PdfPagesView()
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    _open(view, qtbot, pdfs["five"])
    assert view.page_count() == 5
    _drawn(view, qtbot, [0])
    shot = view.grab().toImage()
    ratio = shot.devicePixelRatio()
    # the first page's black block is painted inside the page, left and right of the centre
    assert shot.pixelColor(int(200 * ratio), int(100 * ratio)).lightness() < 40
    page_width = view.viewport().width() - 2 * 12
    assert page_width > 300 and view._images[0].width() == round(page_width * ratio)

    view.go_to_page(3)
    assert view.current_page() == 3
    _drawn(view, qtbot, [3])
    assert 2 not in view._images  # pages never in view are not drawn

    _open(view, qtbot, pdfs["three"])  # the preview was updated: fewer pages now
    assert view.page_count() == 3 and view.current_page() == 2
    _drawn(view, qtbot, [2])


def test_two_views_draw_on_one_pdfium_thread(qtbot, pdfs):
    """Each view had its own PDFium thread: with two views alive at once, one opening a PDF
    while the other drew a page, the process died of a segmentation fault (PDFium is not
    thread-safe)."""
    views = []
    for path in (pdfs["five"], pdfs["three"]):
        view = PdfPagesView()
        qtbot.addWidget(view)
        view.resize(400, 600)
        view.show()
        _open(view, qtbot, path)
        views.append(view)
    for view in views:
        view.go_to_page(1)
    for view in views:
        _drawn(view, qtbot, [1])
    drawing = [thread for thread in threading.enumerate() if thread.name.startswith("pdfium")]
    assert len(drawing) == 1


_VIEW_LEFT_OPEN = """
import sys
from PySide6.QtWidgets import QApplication
from ui.pdf_view import PdfPagesView
app = QApplication([])
view = PdfPagesView()
view.resize(400, 600)
view.show()
view.page_count_changed.connect(lambda _count: app.quit())
view.set_document(sys.argv[1])
app.exec()
"""


def test_the_app_quits_with_a_page_view_open_and_no_error(pdfs):
    """Quitting printed "RuntimeError: cannot schedule new futures after shutdown" every time:
    the view, deleted after the PDFium thread had ended, asked it to close its PDF."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _VIEW_LEFT_OPEN, pdfs["five"]], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "Error" not in done.stderr, done.stderr


def test_a_page_is_painted_as_pdfium_drew_it_with_no_row_dropped(qtbot, tmp_path):
    # PDFium rounds a page's height up (397 rows for a 396-pixel page at 280 pixels wide): the
    # image squeezed into the page lost a row, which cut the cover's goal line in two
    stripes = "".join('<div style="height: 1mm; margin-bottom: 1.5mm; background: black"></div>'
                      for _ in range(100))
    path = tmp_path / "stripes.pdf"
    HTML(string=f"<body style='margin: 0'>{stripes}</body>").write_pdf(path)
    view = PdfPagesView()
    qtbot.addWidget(view)
    view.resize(280 + 2 * 12 + 2 * view.frameWidth(), 800)  # the page in view, no scroll bar
    view.show()
    _open(view, qtbot, str(path))
    _drawn(view, qtbot, [0])
    rect, image = view._page_rects()[0], view._images[0]
    assert image.height() != rect.height()  # the case PDFium rounds
    shot = view.canvas.grab().toImage()
    x = rect.width() // 2
    painted = [shot.pixelColor(rect.left() + x, rect.top() + y).lightness() for y in range(1, 300)]
    drawn = [image.pixelColor(x, y).lightness() for y in range(1, 300)]  # (row 0: the frame)
    assert painted == drawn


def test_zoom_and_page_keys(qtbot, pdfs):
    view = PdfPagesView()
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    with qtbot.waitActive(view):  # shortcuts work in the active window
        view.activateWindow()
    _open(view, qtbot, pdfs["five"])
    view.setFocus()
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)  # laid out
    fit = view.effective_zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.effective_zoom() == pytest.approx(fit * 1.25, rel=0.02)
    assert view.canvas.minimumWidth() > view.viewport().width()  # wider than the pane: scrolls
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom is None and view.effective_zoom() == pytest.approx(fit)
    pages = []
    view.current_page_changed.connect(pages.append)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert pages == [1, 2, 1] and view.current_page() == 1


def test_a_click_on_a_page_reference_goes_to_its_page_and_alt_left_comes_back(qtbot, tmp_path):
    # a contents line and a web address on page 1; the chapter half-way down page 3 of 4
    html = """<body style="margin: 0; font-size: 30pt">
      <p style="margin: 0"><a href="#chapter" style="display: block; height: 40mm">Chapter,
         p. 3</a></p>
      <p style="margin: 0"><a href="https://example.com/x" style="display: block;
         height: 40mm">example.com</a></p>
      <div style="page-break-before: always; height: 10mm">2</div>
      <div style="page-break-before: always; height: 140mm">3</div>
      <h2 id="chapter" style="margin: 0">The chapter</h2>
      <div style="page-break-before: always">4</div></body>"""
    path = tmp_path / "links.pdf"
    HTML(string=html).write_pdf(path)
    view = PdfPagesView()
    qtbot.addWidget(view)
    view.resize(400, 500)
    view.show()
    with qtbot.waitActive(view):  # Alt+Left works in the active window
        view.activateWindow()
    _open(view, qtbot, str(path))
    _drawn(view, qtbot, [0])
    page = view._page_rects()[0]
    contents_line = page.topLeft() + QPoint(page.width() // 4, round(page.height() * 0.12))
    web_address = page.topLeft() + QPoint(page.width() // 4, round(page.height() * 0.27))
    view.hover(contents_line)
    assert view.canvas.cursor().shape() == Qt.CursorShape.PointingHandCursor
    view.hover(web_address)  # the preview opens nothing outside the app
    assert view.canvas.cursor().shape() != Qt.CursorShape.PointingHandCursor
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=web_address)
    assert view.current_page() == 0

    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=contents_line)
    assert view.current_page() == 2
    target = view._page_rects()[2]  # the chapter's heading in view, near the top
    heading = target.top() + round(target.height() * (20 + 140) / 297)  # margin, block
    top = view.verticalScrollBar().value()
    assert top < heading < top + view.viewport().height() // 3
    # and what is printed just above it (a script's link: the touch's title above its talk
    # track, out of sight above the view before)
    assert top < heading - view.viewport().height() // 5
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current_page() == 0 and view.verticalScrollBar().value() == 0


def _asked(pane):
    """What ``refresh`` notes of a render it asks for (no worker here): its part and step."""
    pane._part, pane._part_step = pane.part(), pane.step


def _pane_on_step(qtbot, plan, step):
    """A preview pane on ``step``, its part asked for as a render would (no worker here)."""
    pane = PreviewPane(PlanDocument(plan))
    qtbot.addWidget(pane)
    pane.resize(420, 900)
    pane.show()
    pane.set_step(step)
    _asked(pane)
    return pane


def test_an_updated_preview_stays_where_the_leader_reads_until_another_item_is_chosen(
        qtbot, pdfs, sample_plan):
    """Reading a call card the objection's response is printed on, the leader typed in the
    response: each update of the preview pulled the view back to the objection edited."""
    pane = _pane_on_step(qtbot, sample_plan, "conversations")
    answer = {"done": pdfs["five"], "pages": 5, "items": {"obj-1": [3, 0.1], "obj-2": [4, 0.0]}}
    pane.show_item("obj-1")
    with qtbot.waitSignal(pane.view.page_count_changed, timeout=60000):
        pane._rendered(1, answer)
    assert pane.view.current_page() == 3  # the objection edited
    view = pane.view
    qtbot.waitUntil(view.verticalScrollBar().isVisible)  # the pages laid out beside it
    view.verticalScrollBar().setValue(view._page_rects()[1].top() + 40)  # the leader scrolls up
    reading = view.place()
    assert reading[0] == 1
    with qtbot.waitSignal(view.page_count_changed, timeout=60000):
        pane._rendered(2, answer)  # an edit of the objection, rendered
    assert view.place() == pytest.approx(reading, abs=0.01)
    pane.show_item("obj-2")  # another objection chosen: shown
    assert view.current_page() == 4


def test_the_preview_follows_the_item_edited_while_the_leader_has_not_scrolled(
        qtbot, pdfs, sample_plan):
    """An account added and then typed in stayed at the top of the chapter: the view placed
    by the app counted as moved by the reader, so no later update went to the account."""
    pane = _pane_on_step(qtbot, sample_plan, "targets")
    pane.show_item("acc-new")
    for generation, page in ((1, 1), (2, 3)):  # its name typed: it is printed further on
        answer = {"done": pdfs["five"], "pages": 5, "items": {"acc-new": [page, 0.2]}}
        with qtbot.waitSignal(pane.view.page_count_changed, timeout=60000):
            pane._rendered(generation, answer)
        assert pane.view.current_page() == page


def test_the_page_named_is_the_one_filling_the_view(qtbot, pdfs):
    view = PdfPagesView()
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    _open(view, qtbot, pdfs["five"])
    second = view._page_rects()[1]
    view.go_to_place(1, 0.8)  # a target near the foot of page 2: page 3 fills the view
    assert view.verticalScrollBar().value() > second.center().y()
    assert view.current_page() == 2
    view.verticalScrollBar().setValue(second.top() + second.height() // 3)
    assert view.current_page() == 1  # two thirds of page 2 and a third of page 3 in view


def test_the_whole_playbook_opens_at_the_chapter_of_the_step(qtbot, pdfs, sample_plan):
    """With "Whole", the preview opened at the cover on every step."""
    pane = PreviewPane(PlanDocument(sample_plan))
    qtbot.addWidget(pane)
    pane.resize(420, 900)
    pane.show()
    pane.whole.setChecked(True)
    chapter = {step: f"sec-{SECTION_BY_KEY[step].leader[0].id}" for step in ("touches",
                                                                           "cadences")}
    answer = {"done": pdfs["five"], "pages": 5,
              "items": {chapter["touches"]: [1, 0.0], chapter["cadences"]: [3, 0.0]}}
    for generation, step, page in ((1, "touches", 1), (2, "cadences", 3), (3, "touches", 1)):
        pane.set_step(step)
        _asked(pane)
        with qtbot.waitSignal(pane.view.page_count_changed, timeout=60000):
            pane._rendered(generation, answer)
        assert pane.view.current_page() == page, step


def test_a_step_added_or_deleted_is_in_the_plan_the_preview_renders(qtbot, sample_plan):
    """Add step and Delete step changed the cadence in place: the preview went on rendering the
    cadence's JSON kept from before, with the old steps, until a field of it was typed in."""
    import json  # noqa: PLC0415 - this test only

    document = PlanDocument(sample_plan)
    pane = PreviewPane(document)
    qtbot.addWidget(pane)
    cadence = document.plan.cadences[0]
    where = ("cadences", cadence.id, "steps")

    def steps_sent() -> int:
        sent = json.loads(pane.plan_json.json(document.plan))
        return len(next(c for c in sent["cadences"] if c["id"] == cadence.id)["steps"])

    count = steps_sent()
    document.remove_items(where, {0}, "Delete 1 step")
    assert steps_sent() == count - 1
    document.undo_stack.undo()
    assert steps_sent() == count
    first = json.loads(pane.plan_json.json(document.plan))["cadences"][0]["steps"][0]
    document.move_item(where, 0, 2, "Move step")
    sent = json.loads(pane.plan_json.json(document.plan))["cadences"][0]["steps"]
    assert sent[0] != first and first in sent[1:]


def test_the_place_read_survives_resizes_through_tiny_sizes(qtbot, pdfs):
    """The window narrowed below 1500 px (the preview and the coach made tabs): the view was
    resized through tiny sizes, and page 12 of 30 became page 18."""
    view = PdfPagesView()
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    _open(view, qtbot, pdfs["five"])
    view.go_to_place(3, 0.3)
    reading = view.place()
    for width, height in ((60, 600), (60, 40), (300, 500), (400, 600)):
        view.resize(width, height)
        qtbot.waitUntil(lambda w=width: view.width() == w)
    assert view.place() == pytest.approx(reading, abs=0.02)
    assert view.current_page() == 3


def test_whole_turned_on_in_a_reps_edition_stays_in_the_chapter_being_read(
        qtbot, pdfs, sample_plan):
    """Reading Mette's schedule in her edition's preview, the leader turned on "Whole": the
    whole edition opened at its cover."""
    pane = _pane_on_step(qtbot, sample_plan, "reps")
    rep = sample_plan.reps[1]
    pane.show_item(rep.id)
    _asked(pane)
    pane._rep = pane.rep_shown()
    part = {"done": pdfs["five"], "pages": 5,
            "items": {"sec-rep-targets": [1, 0.0], "sec-rep-schedule": [2, 0.3]}}
    with qtbot.waitSignal(pane.view.page_count_changed, timeout=60000):
        pane._rendered(1, part)
    assert pane.view.current_page() == 0  # a rep's edition opens at its cover
    view = pane.view
    qtbot.waitUntil(view.verticalScrollBar().isVisible)
    view.verticalScrollBar().setValue(view._page_rects()[3].top())  # in the schedule
    pane.whole.setChecked(True)
    _asked(pane)
    whole = {"done": pdfs["five"], "pages": 5,
             "items": {"sec-rep-targets": [1, 0.0], "sec-rep-schedule": [4, 0.0]}}
    with qtbot.waitSignal(view.page_count_changed, timeout=60000):
        pane._rendered(2, whole)
    assert view.current_page() == 4


def test_review_and_export_opens_the_whole_playbook_at_its_cover_not_the_last_steps_chapter(
        qtbot, pdfs, sample_plan):
    """From the cadence's preview, read at its second page, to Review & export: the whole
    playbook opened at the cadence chapter (page 26 of 30), not at its cover. "Whole" turned on
    in the same step still stays in the chapter being read (the test above)."""
    pane = _pane_on_step(qtbot, sample_plan, "cadences")
    part = {"done": pdfs["three"], "pages": 3, "items": {"sec-cadences": [0, 0.0]}}
    with qtbot.waitSignal(pane.view.page_count_changed, timeout=60000):
        pane._rendered(1, part)
    view = pane.view
    qtbot.waitUntil(view.verticalScrollBar().isVisible)
    view.verticalScrollBar().setValue(view._page_rects()[1].top())
    pane.set_step("review")
    _asked(pane)
    assert pane._part is None  # the review previews the whole playbook
    whole = {"done": pdfs["five"], "pages": 5, "items": {"sec-cadences": [3, 0.0]}}
    with qtbot.waitSignal(view.page_count_changed, timeout=60000):
        pane._rendered(2, whole)
    assert view.current_page() == 0


def test_another_plan_opened_clears_the_last_plans_pages_until_its_own_are_drawn(
        qtbot, pdfs, sample_plan):
    """After switching plans, the preview showed the previous plan's page under "Updating"
    until the new plan was rendered (10 s on a busy machine)."""
    pane = _pane_on_step(qtbot, sample_plan, "cadences")
    with qtbot.waitSignal(pane.view.page_count_changed, timeout=60000):
        pane._rendered(1, {"done": pdfs["five"], "pages": 5, "items": {"sec-cadences": [2, 0]}})
    assert pane.view.page_count() == 5
    pane.worker.newest = 2  # a render of this plan asked for, still on its way
    other = sample_plan.model_copy(update={"id": "plan-other", "name": "Another plan"})
    pane.document.open_plan(other)
    assert pane.view.page_count() == 0
    pane._rendered(2, {"done": pdfs["five"], "pages": 5, "items": {}})  # it comes: dropped
    assert pane.shown_generation != 2 and pane.view.page_count() == 0
    _asked(pane)
    with qtbot.waitSignal(pane.view.page_count_changed, timeout=60000):
        pane._rendered(3, {"done": pdfs["three"], "pages": 3, "items": {"sec-cadences": [0, 0]}})
    assert pane.view.page_count() == 3 and pane.view.current_page() == 0
