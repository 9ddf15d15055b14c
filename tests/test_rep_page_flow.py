"""The rep's edition of the fresh-eyes review's long-text plan (bench/plans.py: the sample with
every text four times as long): no page left mostly white where the next part could follow.
Rendered once for the module."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from prospector.planfile import read_plan_file
from prospector.playbook import build_context, render_playbook_pdf, second_layout
from prospector.resources import sample_plan_path
from tests.design_figures import bench_plans, white_share

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

@pytest.fixture(scope="module")
def long_rep(tmp_path_factory):
    """(RenderResult, each page's text) of Jonas Albrecht's edition of the long-text plan."""
    out = tmp_path_factory.mktemp("long") / "rep.pdf"
    result = render_playbook_pdf(bench_plans().long_text_plan(), out, rep_name="Jonas Albrecht",
                                 today=date(2027, 1, 4))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    return result, text.split("\f")[:-1]


def test_neither_the_call_cards_opening_nor_the_page_before_it_is_mostly_white(long_rep):
    """The call cards' opening (title, how to use a card, the index of cards) is kept on one
    page, and the cards each start one. Printed with the long plan's personas in full (up to six
    lines an index row), it did not fit under "How you count" and that page was 61% white; held
    to two lines a cell, it follows there when it fits, and when it starts a page all the same
    the index is printed in full, filling more of it (second_layout.py)."""
    result, pages = long_rep
    opening = result.anchors["sec-call_cards"][0] + 1
    counting = max(n for n, text in enumerate(pages, 1) if "How you count" in text)
    assert opening - counting in (0, 1)
    shares = {n: round(white_share(result.path, n), 2) for n in range(counting, opening + 1)}
    assert max(shares.values()) <= 0.5, shares


def test_no_page_from_the_targets_to_the_scorecard_is_mostly_white(long_rep):
    """The long plan's targets run on to a second page: "How we review" is kept whole there
    (its last lines stood alone on the page before the scorecard, 74% white), and the scorecard,
    6 mm a row, takes the page after."""
    result, pages = long_rep
    first = result.anchors["sec-targets"][0] + 1
    scorecard = result.anchors["scorecard"][0] + 1
    shares = {n: round(white_share(result.path, n), 2) for n in range(first, scorecard + 1)}
    assert max(shares.values()) <= 0.5, shares


def test_an_index_of_cards_that_cuts_nothing_costs_no_second_layout():
    """The sample's call cards start a page, but its short index cuts no role and no opening:
    printed in full it would be the same, so the edition is laid out once (a second layout
    doubled the sample's render time); a role the short index cuts is printed in full."""
    plan = read_plan_file(sample_plan_path())
    at_top = {"sec-call_cards": (21, 0.1)}
    context = build_context(plan, today=date(2027, 1, 4))
    assert not second_layout.adjust(context, at_top) and context["call_cards_short_index"]
    plan.personas[0].role = "Chief Operating Officer and Vice President of Operations, Europe"
    context = build_context(plan, today=date(2027, 1, 4))
    assert second_layout.adjust(context, at_top) and not context["call_cards_short_index"]


def test_the_one_account_plans_call_cards_opening_is_not_mostly_white(tmp_path):
    """The one-account plan's rep edition: the call cards' opening follows "How you count" and
    the cards start the next page, so the page under the opening was left white (52% by the
    bench, 64% by the fresh-eyes review's count). It prints the opening every card shares,
    which the cards no longer print each (issue 16): the page is less than half white, and the
    first card still starts the page after it."""
    out = tmp_path / "one-rep.pdf"
    result = render_playbook_pdf(bench_plans().one_account_plan(), out,
                                 rep_name="Jonas Albrecht", today=date(2027, 1, 4))
    opening = result.anchors["sec-call_cards"][0] + 1
    first_card = min(page for name, (page, _top) in result.anchors.items()
                     if name.startswith("card-")) + 1
    assert first_card == opening + 1
    assert white_share(result.path, opening) <= 0.5, round(white_share(result.path, opening), 2)


def test_a_cut_marker_on_a_card_never_takes_a_line_of_its_own(long_rep):
    """A card's text cut to fit ends with "[…]" on its last word's line: alone on a line (the
    IT head's "Cares about" in the long-text plan) it took a line from the card's texts."""
    result, pages = long_rep
    cards = [n for name, (n, _top) in result.anchors.items() if name.startswith("card-")]
    assert len(cards) == 4
    lines = [line.strip() for n in cards for line in pages[n].split("\n")]
    assert sum("[…]" in line for line in lines) >= 10  # the long plan's cards are cut
    assert [line for line in lines if line == "[…]"] == []
