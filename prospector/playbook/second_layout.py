"""A choice of an edition that only its laid-out pages can make: where a block kept whole
lands decides which of two forms of it leaves less of a page white. The edition is laid out with
the first form; if the pages show the case for the other (``adjust``), it is laid out once more.
The case is in the stress-test plans of the fresh-eyes review (bench/review_plans.py); the
sample's editions are laid out once. (The rep's scorecard beside "How we review" was chosen
here too, laying Jonas Albrecht's edition out twice: it is now chosen before layout,
``targets_page.review_sheet_row_mm``.)

* **The index of call cards.** The index holds each persona and the touch it opens with to
  two lines, so that the chapter's opening (kept on one page: the cards each start one) fits
  under the end of the chapter before more often (the long-text plan: the page before was 61%
  white in the rep's edition, 64% in the leader's). When it starts a page all the same, the
  cards after it, the index is printed in full: the opening alone on its page fills more of it
  (45% white rather than 60%). An index that cuts nothing is the same in full: no second layout.

The choice is made from ``RenderResult.anchors``-like positions: an element's page and how
far down it its top is (0 top, 1 bottom).
"""

from __future__ import annotations

from typing import Any

from . import targets_page

_TOP_MM = 24.0  # the @page rule's top margin (00-base.css)
_AT_TOP_MM = 12.0  # a chapter's title this close under the margin starts its page


def adjust(context: dict[str, Any], anchors: dict[str, tuple[int, float]]) -> bool:
    """Change ``context`` (an edition's) for the second form where its first layout
    (``anchors``) shows the case for it; True if it changed."""
    if (context.get("shown") or {}).get("chapters") is not None:
        return False  # a part printed alone (a preview's): its pages are not the edition's
    if context.get("call_cards_short_index") and _index_is_cut(context) and _starts_a_page(
            context, anchors.get("sec-call_cards")):
        context["call_cards_short_index"] = False
        return True
    return False


def _index_is_cut(context: dict[str, Any]) -> bool:
    """Whether the short index of call cards cuts a persona's role or opening: when it cuts
    nothing (the sample's), the index in full is the same and is not worth a second layout."""
    return any(c["index_role"] != c["role"] or c["index_opening"] != c["opening_from"]
               for c in context.get("call_cards") or ())


def _starts_a_page(context: dict[str, Any], anchor: tuple[int, float] | None) -> bool:
    """Whether the element at ``anchor`` is at the top of its page's text."""
    if anchor is None:
        return False
    text = targets_page.TEXT_HEIGHT_MM.get(context["page_size"], targets_page.TEXT_HEIGHT_MM["A4"])
    return anchor[1] * (text + 44.0) - _TOP_MM < _AT_TOP_MM
