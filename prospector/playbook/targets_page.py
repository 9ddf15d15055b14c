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

from .text_width import line_count, text_mm
from .translations import gettext

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
                   definition: dict[str, Any], review: Sequence[str] | None) -> float:
    """The targets chapter's text, title to review, as tall as it will roughly print, in mm;
    ``review`` None: the review is not part of it (it heads the scorecard's page)."""
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
    return height if review is None else height + _review_mm(review)


def _review_mm(review: Sequence[str]) -> float:
    """"How we review" (its paragraphs; the placeholder if none), in mm."""
    return _REVIEW_HEAD_MM + sum(max(1, _lines(p, _WIDTH_MM)) * _BODY_LINE_MM
                                 + _PARAGRAPH_GAP_MM for p in review or [""])


def kept_whole(page_size: str, *args: Any) -> bool:
    """True if the text (``text_height_mm``'s arguments) takes at most ``ROOM`` of a page."""
    return text_height_mm(*args) <= ROOM * TEXT_HEIGHT_MM.get(page_size, TEXT_HEIGHT_MM["A4"])


# --- the scorecard's rows -------------------------------------------------------------------------
# A rep writes a number in each week's, month's and the total's cell by hand: 6 mm rows (4.8 mm
# were too low to write in). At that height a scorecard of a half-year campaign fills most of a
# page (237 mm of 253 for 25 weeks), so it takes a page of its own. "How we review" printed
# before it then ended alone at the top of a page where the targets had filled the schedule's
# last one (the one-account plan: 85% of its page white; the sample's Jonas Albrecht since his
# schedule got shorter). So the review and the scorecard are one sheet, kept on one page,
# wherever rows of at least ``LEAST_ROW_MM`` fit under the review (``review_sheet_row_mm``): the
# review at the page's top, the form under it, a rep's weekly page. The height is estimated from
# the texts before layout (an edition was once laid out twice to find it: 0.136 s a page for
# Jonas Albrecht's against 0.068); the estimate is kept on the tall side, so rows come out a
# little lower than the room would allow, never so tall that the sheet leaves its page.
WRITING_ROW_MM = 6.0
LEAST_ROW_MM = 4.8  # the lowest rows the scorecard ever had
_SCORECARD_HEAD_MM = 44.0  # its title and the column heads (up to six lines each), at most
_SAFETY_MM = 5.0
_RULES_MM = 0.25  # a row prints this much taller than its height: its rules (a 6 mm row: 6.2)
_TITLE_MM = 16 * 1.25 * 25.4 / 72 + 1.5  # "Weekly scorecard" (h2) and its margin
_HEAD_LINE_MM = 8 * 1.25 * 25.4 / 72  # a column head's line: 8 pt at line-height 1.25
_HEAD_PADDING_MM = 2.4 + 0.6  # a head cell's padding, the goal's margin
_WEEK_COLUMN_MM, _NOTES_COLUMN_MM, _CELL_PADDING_MM = 27.0, 40.0, 2.4  # 50-accountability.css
_TITLE_GAP_MM = 6.0  # between the title and "Rep ____" (.scorecard-form > h2's right margin)
_FILL_IN_MM = 2 * 38.0 + 5.0 + 2 * 1.5 + 2.0  # the two lines to write on, their margins, spaces
_FILL_IN_LINE_MM = 9 * 1.45 * 25.4 / 72 + 1.5  # "Rep ____" on a line of its own


def writing_row_mm(page_size: str, rows: int) -> float:
    """The scorecard's row height (mm): ``WRITING_ROW_MM``, lower only if ``rows`` rows (the
    total's aside) would not fit on a page of their own (a Letter page, seven months)."""
    text = TEXT_HEIGHT_MM.get(page_size, TEXT_HEIGHT_MM["A4"])
    row = (text - _SCORECARD_HEAD_MM - _SAFETY_MM) / (rows + 1) - _RULES_MM
    return round(min(WRITING_ROW_MM, max(LEAST_ROW_MM, row)), 1)


def scorecard_head_mm(columns: Sequence[dict[str, Any]], pages: int = 1) -> float:
    """The scorecard's title and column heads (``columns``: a page's targets, as
    ``scorecard.py`` gives them; ``pages``: the scorecard's), as tall as they will print, in
    mm. The heads' widths are the
    table's automatic layout's (CSS 2.1, 17.5.2.2, as WeasyPrint does it): each column at least
    its longest word, the width left over shared in proportion to what each lacks to stand on
    one line."""
    heads = [(c["metric"], gettext("goal %(goal)s / week", goal=c["goal"])
              if c["period"] == "week"
              else gettext("goal %(goal)s / month, in the month rows", goal=c["goal"]))
             for c in columns]
    least = [max(text_mm(word, font, 8) for text, font in ((metric, "sans-bold"), (goal, "sans"))
                 for word in text.split() or [""]) for metric, goal in heads]
    most = [max(text_mm(metric, "sans-bold", 8), text_mm(goal, "sans", 8))
            for metric, goal in heads]
    room = _WIDTH_MM - _WEEK_COLUMN_MM - _NOTES_COLUMN_MM - _CELL_PADDING_MM * len(heads)
    short = sum(most) - sum(least)
    share = 1.0 if short <= 0 else max(0.0, min(1.0, (room - sum(least)) / short))
    lines = 1
    for (metric, goal), lo, hi in zip(heads, least, most, strict=True):
        width = lo + (hi - lo) * share + 0.5  # (a hair: a word exactly as wide still fits)
        lines = max(lines, line_count(metric, width, "sans-bold", 8)
                    + line_count(goal, width, "sans", 8))
    return _title_mm(pages) + lines * _HEAD_LINE_MM + _HEAD_PADDING_MM


def _title_mm(pages: int) -> float:
    """The scorecard's title and who fills it in ("Rep ____ Reviewed with ____", its
    ``.fill-in``, on the title's line where it fits, else under it), in mm."""
    title = (gettext("Weekly scorecard (%(page)s of %(pages)s)", page=1, pages=pages)
             if pages > 1 else gettext("Weekly scorecard"))
    labels = gettext("Rep") + " " + gettext("Reviewed with")
    line = (text_mm(title, "serif-bold", 16) + _TITLE_GAP_MM + text_mm(labels, "sans", 9)
            + _FILL_IN_MM)
    return _TITLE_MM + (_FILL_IN_LINE_MM if line > _WIDTH_MM else 0.0)


def review_sheet_row_mm(page_size: str, review: Sequence[str],
                        columns: Sequence[dict[str, Any]], rows: int,
                        pages: int = 1) -> float | None:
    """The scorecard's row height (mm) when "How we review" (``review``, its paragraphs) and
    the scorecard's first page (``columns``, ``rows`` rows and the total's; ``pages`` in all)
    share a page, the
    review at its top; None if rows of ``LEAST_ROW_MM`` do not fit under it."""
    text = TEXT_HEIGHT_MM.get(page_size, TEXT_HEIGHT_MM["A4"])
    under = text - _review_mm(review) - scorecard_head_mm(columns, pages) - _SAFETY_MM
    row = under / (rows + 1) - _RULES_MM
    return round(min(WRITING_ROW_MM, row), 1) if row >= LEAST_ROW_MM else None  # (the total's
    # row is taller: counted as one more)
