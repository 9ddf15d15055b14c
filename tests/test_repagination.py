"""A page that prints a page reference is laid out again only when the reference points forward,
never a third time, and every number stays right (prospector/playbook/repagination.py, fixes for
WeasyPrint 70's second and third passes)."""

from __future__ import annotations

import pytest
import weasyprint.layout.page as weasyprint_pages
from weasyprint import HTML

from prospector.playbook import repagination

# A contents line pointing forward (to pages 3 and 4), a reference back (to page 2) and one
# forward from page 2; "Page x of n" in the footer as the playbook prints it.
DOCUMENT = """<!DOCTYPE html><html><head><style>
@page { size: A6; @bottom-center { content: "Page " counter(page) " of " counter(pages) } }
a.ref::after { content: " p. " target-counter(attr(href), page) }
h1 { break-before: page }
</style></head><body>
<p>Contents: <a class="ref" href="#two">Two</a> <a class="ref" href="#three">Three</a></p>
<h1 id="one">One</h1><p>Back to <a class="ref" href="#one">One</a>, on to <a class="ref"
href="#three">Three</a></p>
<h1 id="two">Two</h1><p>Plain text, no reference.</p>
<h1 id="three">Three</h1><p>See <a class="ref" href="#two">Two</a></p>
</body></html>"""


def _pages_made(monkeypatch) -> list[int]:
    made: list[int] = []
    real = weasyprint_pages.make_page

    def counting(context, root_box, page_type, resume_at, page_number, page_state):
        made.append(page_number)
        return real(context, root_box, page_type, resume_at, page_number, page_state)

    monkeypatch.setattr(weasyprint_pages, "make_page", counting)
    return made


def _texts(document) -> list[str]:
    return [" ".join(box.text for box in page._page_box.descendants() if hasattr(box, "text"))
            for page in document.pages]


@pytest.fixture
def installed():
    assert repagination.install()


def test_every_page_number_is_right_forward_and_back(installed):
    texts = _texts(HTML(string=DOCUMENT).render())
    assert "Two  p. 3" in texts[0] and "Three  p. 4" in texts[0]
    assert "One  p. 2" in texts[1] and "Three  p. 4" in texts[1]
    assert "Two  p. 3" in texts[3]
    assert [text.split("Page ")[-1] for text in texts] == ["1 of 4", "2 of 4", "3 of 4", "4 of 4"]


def test_only_a_page_referring_forward_is_laid_out_twice(installed, monkeypatch):
    made = _pages_made(monkeypatch)
    HTML(string=DOCUMENT).render()
    # pages 1 and 2 refer forward; page 4 only back, page 3 to nothing. WeasyPrint 70 alone
    # makes 1, 2 and 4 three times. Page 2's number is written in (forward_references); page
    # 1's second reference is broken over two lines (" p." and "0"), so page 1 is made again.
    assert sorted(made) == [1, 1, 2, 3, 4]


def test_a_reference_to_the_page_count_still_learns_it(installed):
    document = DOCUMENT.replace('<h1 id="two">Two</h1>',
                                '<h1 id="two">Two</h1><p class="count">of</p>').replace(
        "h1 { break-before: page }",
        "h1 { break-before: page } p.count::after { content: ' ' counter(pages) }")
    texts = _texts(HTML(string=document).render())
    assert "of  4" in texts[2]


# Forward references of each kind the playbook prints: the contents' page column (absolutely
# positioned at the right), a number in a sentence with words after it, one in an inline-block
# keeping the number's room (the call cards' "p. N)"), one in a right-aligned cell.
FORWARD = """<!DOCTYPE html><html><head><style>
@page { size: A6 }
h1 { break-before: page }
nav a { display: block; position: relative; padding-right: 10mm }
nav a::after { content: target-counter(attr(href), page); position: absolute; right: 0 }
a.ref::after { content: target-counter(attr(href), page) }
a.room::after { content: target-counter(attr(href), page) ")"; display: inline-block;
                min-width: 1.3em }
td { text-align: right }
</style></head><body>
<nav><a href="#c10">Ten</a><a href="#c2">Two</a></nav>
<p>Start with <a class="ref" href="#c10">p. </a>, then go on reading here.</p>
<p>(see <a class="room" href="#c2">p.&nbsp;</a> and more</p>
<table style="width: 100%; table-layout: fixed"><tr><td>Page <a class="ref" href="#c10"></a></td>
</tr></table>
<h1 id="c2">Two</h1>""" + "".join(f'<h1 id="c{n}">{n}</h1>' for n in range(3, 11)) + \
    "</body></html>"


def _placed_texts(document) -> list[list[tuple]]:
    return [[(box.text, round(box.position_x, 3), round(box.position_y, 3))
             for box in page._page_box.descendants(placeholders=True) if hasattr(box, "text")]
            for page in document.pages]


def test_numbers_written_in_are_those_a_second_layout_prints(installed, monkeypatch):
    made = _pages_made(monkeypatch)
    written_in = _placed_texts(HTML(string=FORWARD).render())
    assert made.count(1) == 1  # the page referring forward is laid out once
    texts = [text for text, _x, _y in written_in[0]]
    assert texts.count("10") == 3 and "2" in texts and "2)" in texts
    monkeypatch.setattr(repagination.forward_references, "write_in_numbers",
                        lambda _context, _pages: None)
    made.clear()
    laid_out_again = _placed_texts(HTML(string=FORWARD).render())
    assert made.count(1) == 2
    assert written_in == laid_out_again
