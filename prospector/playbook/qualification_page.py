"""Whether the qualification chapter ("What counts as an opportunity") is kept on one page.

Split, the sample's checklist ran two criteria on one page and two on the next; its table kept
whole, the chapter's title and lead stayed alone at the page before's foot. Kept together
(``section.kept-whole``, 70-conversations.css), title, lead, framework, checklist and "How we
count" start on the next page when they do not fit under what comes before. A block taller
than a page would be moved all the same and leave the page before mostly white (the long-text
plan), so it is kept together only when it takes at most ``ROOM`` of a page; else it splits, a
criterion's name and the running head saying "(continued)".

The height is estimated before layout from the texts' lines in the playbook's fonts
(``text_width``), with the stylesheets' sizes, as ``targets_page`` does.
"""

from __future__ import annotations

from typing import Any

from .targets_page import TEXT_HEIGHT_MM
from .text_width import line_count

ROOM = 0.85  # of the text area's height
_MM = 25.4 / 72
_HEAD_MM = 24.0  # the chapter's number, title and rule
_LEAD_MM = 3 * 12 * 1.5 * _MM + 2.0  # the lead: three lines of 12 pt at most
_FRAMEWORK_MM = 10.0
_TABLE_HEAD_MM = 7.0
_ROW_PADDING_MM = 2.8
_LINE_MM = 10 * 1.45 * _MM
_NAME_MM = 34.0  # the criterion's column less its padding
_SHOWN_MM = 120.0  # what it must show: the rest, less the tick's column
_NOTES_HEAD_MM = 12.0
_PARAGRAPH_GAP_MM = 2.5
_WIDTH_MM = 174.0


def height_mm(qualification: dict[str, Any]) -> float:
    """The chapter, title to its notes, as tall as it will roughly print, in mm."""
    height = _HEAD_MM + _LEAD_MM + (_FRAMEWORK_MM if qualification["framework"] else 0.0)
    criteria = qualification["criteria"]
    if criteria:
        height += _TABLE_HEAD_MM
    for c in criteria:
        lines = max(line_count(c["name"], _NAME_MM, "sans-bold", 10),
                    line_count(str(c["must_show"] or "-"), _SHOWN_MM, "sans", 10), 1)
        height += lines * _LINE_MM + _ROW_PADDING_MM
    if qualification["notes"]:
        height += _NOTES_HEAD_MM
    for paragraph in qualification["notes"]:
        height += line_count(str(paragraph), _WIDTH_MM, "sans", 10) * _LINE_MM + _PARAGRAPH_GAP_MM
    return height


def kept_whole(qualification: dict[str, Any] | None, page_size: str) -> bool:
    """True if the chapter takes at most ``ROOM`` of a page (``height_mm``)."""
    if not qualification:
        return False
    room = ROOM * TEXT_HEIGHT_MM.get(page_size, TEXT_HEIGHT_MM["A4"])
    return height_mm(qualification) <= room
