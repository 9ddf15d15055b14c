"""Where each item of the plan is printed: item id -> (page, how far down it), so a preview can
show the item the leader is editing.

Two sources, the first one found wins: the printed HTML's anchors (a touch's card
``touch-<id>``, a cadence ``cad-<n>`` and its steps ``cad-<n>-<step>``, a persona's call card
``card-<id>``, an account's card or line ``acc-<id>``, each chapter
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


Place = tuple[int, float]  # page index (from 0), and how far down the page (0 top, 1 bottom)


def step_item(cadence_id: str, number: int) -> str:
    """The item id of a cadence's step, numbered as printed (by day, from 1): steps have no id
    of their own."""
    return f"{cadence_id}#{number}"


def item_pages(plan: Plan, pdf_path: str | Path,
               anchors: dict[str, Place]) -> dict[str, Place]:
    """Item id (and ``sec-<chapter>``) -> where it is first printed."""
    found: dict[str, Place] = {}
    for anchor, place in anchors.items():
        kind, _, rest = anchor.partition("-")
        if kind == "sec":
            found[anchor] = place
        elif kind in ("touch", "card", "acc") and rest:
            found.setdefault(rest, place)
        elif kind == "cad":
            cadence, _, step = rest.partition("-")
            if cadence.isdigit() and 0 < int(cadence) <= len(plan.cadences):
                cadence_id = plan.cadences[int(cadence) - 1].id
                found.setdefault(step_item(cadence_id, int(step)) if step.isdigit()
                                 else cadence_id, place)
    labels = {item.id: label(item) for section in LIST_SECTIONS
              for item in getattr(plan, section.key) if item.id not in found}
    wanted = {item_id: _squeezed(text[:LABEL_LENGTH]) for item_id, text in labels.items()}
    wanted = {item_id: text for item_id, text in wanted.items() if text}
    if wanted:
        found.update(_find_labels(pdf_path, wanted, labels))
    return found


def _find_labels(pdf_path: str | Path, wanted: dict[str, str],
                 labels: dict[str, str]) -> dict[str, Place]:
    """The page of each label (its squeezed start in the page's squeezed text), and how far
    down it its first words are (PDFium's search, which sees the text as printed)."""
    import pypdfium2  # noqa: PLC0415 - only when items are looked up

    found: dict[str, Place] = {}
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = _squeezed(textpage.get_text_range())
            for item_id in [i for i, words in wanted.items() if words in text]:
                found[item_id] = (index, _top(textpage, labels[item_id], page.get_height()))
                del wanted[item_id]
            textpage.close()
            page.close()
            if not wanted:
                break
    finally:
        pdf.close()
    return found


def _top(textpage, text: str, height: float) -> float:
    """How far down the page (0-1) the first words of ``text`` are; 0 if not found as such
    (split by a line break, say)."""
    first = " ".join(text.split()[:2])[:LABEL_LENGTH]
    searcher = textpage.search(first)
    try:
        hit = searcher.get_next()
    finally:
        searcher.close()
    if not hit or not height:
        return 0.0
    _left, _bottom, _right, top = textpage.get_charbox(hit[0])
    return round(min(max(1 - top / height, 0.0), 1.0), 4)
