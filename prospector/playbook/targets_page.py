"""Whether the rep's targets, their notes and what counts as an opportunity are kept on one page
(rep/targets.html.j2), and how tall the scorecard's rows are (see "the scorecard's rows" below).

The rep's last chapter is the targets table, its notes, what counts as an opportunity, "How we
review", then the weekly scorecard: a form kept whole, most of a page. Run on under the
schedule's last week, the table filled that page's foot and the rest of the text ended alone
at the top of the next page, before the scorecard (the sample: 67% of that page white). Kept
together (``.targets-text.whole``, 50-accountability.css), the targets start on the page after
the schedule's last week when they do not fit under it, and "How we review" follows them there.

That helps only if the whole text, review included, then fits on that page: a longer review
would run on to a page of its own before the scorecard, the very page this avoids (the
long-text plan), and a text taller than a page kept together would leave the chapter's title
at the foot of the page before. So the targets are kept together only when the whole text
takes at most ``ROOM`` of a page.

The height is estimated before layout from the text's lines in the playbook's fonts
(``text_width``), with the stylesheets' sizes; it is kept well under the page's height
(``ROOM``), so an estimate a few lines short is harmless.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .text_width import line_count

TEXT_HEIGHT_MM = {"A4": 297.0 - 44.0, "Letter": 279.4 - 44.0}  # inside the @page margins
ROOM = 0.8  # of that height: what the text may take to be kept together
_WIDTH_MM = 174.0  # the text area's width on A4 (Letter's is wider: fewer lines than counted)
_BODY_LINE_MM = 10 * 1.45 * 25.4 / 72  # 10 pt at line-height 1.45
_TABLE_LINE_MM = 9 * 1.45 * 25.4 / 72
_HEAD_MM = 24.0  # the chapter's number and title
_TABLE_HEAD_MM = 7.0
_ROW_PADDING_MM = 2.4
_METRIC_MM = 78.0  # the targets table's first column
_REVIEW_HEAD_MM = 12.0  # "How we review"
_PARAGRAPH_GAP_MM = 2.5
_BOX_MM = 12.0  # the definition's box: padding, its label


def _lines(text: str, width_mm: float, font: str = "sans", size_pt: float = 10) -> int:
    return line_count(" ".join(str(text).split()), width_mm, font, size_pt)


def text_height_mm(targets: Sequence[dict[str, Any]], notes: Sequence[str],
                   definition: dict[str, Any], review: Sequence[str]) -> float:
    """The targets chapter's text, title to review, as tall as it will roughly print, in mm."""
    height = _HEAD_MM
    if targets:
        height += _TABLE_HEAD_MM
        for t in targets:
            lines = max(_lines(t["metric"], _METRIC_MM, "sans-bold", 9),
                        3 if t["creates_opportunities"] else 1)
            height += lines * _TABLE_LINE_MM + _ROW_PADDING_MM
    for note in notes:
        height += _lines(note, _WIDTH_MM) * _BODY_LINE_MM + _PARAGRAPH_GAP_MM
    if definition.get("counted"):
        said = " ".join([*definition.get("criteria", ()), *["sentence"] * 20])  # and around them
        height += _BOX_MM + _lines(said, _WIDTH_MM - 10) * _BODY_LINE_MM
    height += _REVIEW_HEAD_MM
    for paragraph in review or [""]:
        height += max(1, _lines(paragraph, _WIDTH_MM)) * _BODY_LINE_MM + _PARAGRAPH_GAP_MM
    return height


def kept_whole(page_size: str, *args: Any) -> bool:
    """True if the text (``text_height_mm``'s arguments) takes at most ``ROOM`` of a page."""
    return text_height_mm(*args) <= ROOM * TEXT_HEIGHT_MM.get(page_size, TEXT_HEIGHT_MM["A4"])


# --- the scorecard's rows -------------------------------------------------------------------------
# A rep writes a number in each week's, month's and the total's cell by hand: 6 mm rows (4.8 mm
# were too low to write in). At that height a scorecard of a half-year campaign fills most of a
# page (237 mm of 253 for 25 weeks), so it takes a page of its own after "How we review". Where
# the review, or the end of it, then stands alone on the page before it (the one-account plan:
# the targets filled the schedule's last page, the review went over, 85% of its page white), the
# scorecard is laid out again with rows as low as it takes to share that page
# (``rows_beside_review``, second_layout.py).
WRITING_ROW_MM = 6.0
LEAST_ROW_MM = 4.8  # the lowest rows the scorecard ever had
_SCORECARD_HEAD_MM = 44.0  # its title and the column heads (up to six lines each), at most
_SAFETY_MM = 5.0
_RULES_MM = 0.25  # a row prints this much taller than its height: its rules (a 6 mm row: 6.2)


def writing_row_mm(page_size: str, rows: int) -> float:
    """The scorecard's row height (mm): ``WRITING_ROW_MM``, lower only if ``rows`` rows (the
    total's aside) would not fit on a page of their own (a Letter page, seven months)."""
    text = TEXT_HEIGHT_MM.get(page_size, TEXT_HEIGHT_MM["A4"])
    row = (text - _SCORECARD_HEAD_MM - _SAFETY_MM) / (rows + 1) - _RULES_MM
    return round(min(WRITING_ROW_MM, max(LEAST_ROW_MM, row)), 1)


def rows_beside_review(page_size: str, text_end: float, rows: int) -> float | None:
    """The scorecard's row height (mm) if the chapter's text before it (its review), ending
    ``text_end`` down its page (a share of the page's height, as ``RenderResult.anchors`` give
    it) on the page before the scorecard's, leaves that page more than half white, and ``rows``
    rows of at least ``LEAST_ROW_MM`` fit under it; else None (the layout stays)."""
    text = TEXT_HEIGHT_MM.get(page_size, TEXT_HEIGHT_MM["A4"])
    bottom = text_end * (text + 44.0) - 24.0  # in the text area
    if bottom > text / 2:
        return None
    row = (text - bottom - _SCORECARD_HEAD_MM - _SAFETY_MM) / (rows + 1) - _RULES_MM
    return round(min(WRITING_ROW_MM, row), 1) if row >= LEAST_ROW_MM else None  # (the total's
    # row is taller: counted as one more)
