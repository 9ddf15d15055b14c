"""Where each item of the plan is printed: item id -> page, so a preview can show the item the
leader is editing.

Two sources, the first one found wins: the printed HTML's anchors (a touch's card
``touch-<id>``, a cadence ``cad-<n>``, a persona's call card ``card-<id>``, each chapter
``sec-<chapter>``), then the item's label (an account's name, a persona's role, an objection's
words...) looked up in the text of the PDF's pages (PDFium reads it: the words as printed, in
reading order), for the items no anchor marks.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Plan
from ..sections import LIST_SECTIONS

LABEL_FIELDS = ("name", "title", "role", "difference", "says", "question", "metric")
LABEL_LENGTH = 32  # the start of a label is enough, and survives a label cut for print
_NOT_TEXT = re.compile(r"[\s\u00ad\u200b\-‐–—“”\"'’]+")  # breaks, hyphens and quotes vary


def _squeezed(text: str) -> str:
    return _NOT_TEXT.sub("", text).casefold()


def label(item: object) -> str:
    """The words an item is known by in print: its name, title, role..."""
    for name in LABEL_FIELDS:
        value = getattr(item, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def item_pages(plan: Plan, pdf_path: str | Path, anchors: dict[str, int]) -> dict[str, int]:
    """Item id (and ``sec-<chapter>``) -> the index (from 0) of the first page it is on."""
    found: dict[str, int] = {}
    for anchor, page in anchors.items():
        kind, _, rest = anchor.partition("-")
        if kind == "sec":
            found[anchor] = page
        elif kind in ("touch", "card") and rest:
            found.setdefault(rest, page)
        elif kind == "cad" and rest.isdigit() and 0 < int(rest) <= len(plan.cadences):
            found.setdefault(plan.cadences[int(rest) - 1].id, page)
    wanted = {item.id: _squeezed(label(item)[:LABEL_LENGTH])
              for section in LIST_SECTIONS for item in getattr(plan, section.key)
              if item.id not in found and label(item)}
    wanted = {item_id: text for item_id, text in wanted.items() if text}
    if wanted:
        for index, text in enumerate(_page_texts(pdf_path)):
            for item_id in [i for i, words in wanted.items() if words in text]:
                found[item_id] = index
                del wanted[item_id]
            if not wanted:
                break
    return found


def _page_texts(pdf_path: str | Path) -> list[str]:
    import pypdfium2  # noqa: PLC0415 - only when items are looked up

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(_squeezed(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()
