"""A page referring forward gets its numbers written in, not laid out again (WeasyPrint 70).

A page printing ``target-counter(attr(href), page)`` for a target further on (the contents,
"the response is on the call card, p. 24" before the cards) is laid out first with "0" for the
number, which WeasyPrint learns only once the target's page is made; it then lays the whole
page out again (``repagination`` spares every other second layout). The sample's leader's
edition made 6 of its 29 pages twice, a tenth of its page layouts.

Here, before that second pass, each such page's laid-out number is replaced by its final text
where that cannot change the page's flow, and the page is then not made again:

* the number is one text box in a line, or alone in an absolutely positioned box anchored at
  its right (the contents' page column);
* the new text is one line of the same font, height and baseline, no narrower than the old
  ("0" -> "24"): a narrower one might have let a following word up onto the line;
* in a line, the line is aligned at its start, left to right, and its content with the wider
  number still fits the line's width; the boxes after the number on its line move right;
* no box between the number and its line sizes itself by its content (an inline-block, a
  float, a table with automatic column widths) and the page has no float narrowing its lines.

Anything else (a page whose own counters changed, a reference to the page count, a number that
would not fit) is left to WeasyPrint's second layout. The numbers printed are the ones that
second layout prints: the tests compare both.
"""

from __future__ import annotations

from collections import Counter
from math import inf


def _lookup_items(collector) -> dict:
    return {box: item for (box, token), item in collector.counter_lookup_items.items()
            if token == "content"}


def _text_boxes(box) -> list:
    """The text boxes of a reference's box: its children, or its one line's."""
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415 - WeasyPrint

    children = box.children
    if len(children) == 1 and isinstance(children[0], boxes.LineBox):
        children = children[0].children
    return list(children)


def _references(page) -> list[tuple[object, list]]:
    """Each box of ``page`` linked to a counter lookup, with its ancestors (outermost first)."""
    found = []
    stack: list = []

    def walk(box) -> None:
        if getattr(box, "missing_link", None) is not None:
            found.append((box, list(stack)))
        stack.append(box)
        for child in getattr(box, "children", ()):
            walk(child)
        stack.pop()

    walk(page)
    return found


def _has_float(page) -> bool:
    return any(box.style["float"] != "none" for box in page.descendants(placeholders=True)
               if getattr(box, "style", None) is not None)


def _sized_by_content(box) -> bool:
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415 - WeasyPrint

    if isinstance(box, (boxes.AtomicInlineLevelBox, boxes.FlexContainerBox,
                        boxes.GridContainerBox)):
        return True  # an inline-block, flex or grid sizes its items by their content
    if isinstance(box, boxes.TableBox) and box.style["table_layout"] != "fixed":
        return True
    return box.style["float"] != "none" or (
        box.style["position"] in ("absolute", "fixed") and box.style["width"] == "auto")


def _new_text_box(old, text: str, context):
    """``old`` with ``text`` instead of its own, or None if it would not take the same line."""
    from weasyprint.text.line_break import split_first_line  # noqa: PLC0415 - WeasyPrint

    layout, length, resume_index, width, height, baseline = split_first_line(
        text, old.style, context, inf, old.justification_spacing, is_line_start=False)
    if resume_index is not None or length != len(text.encode()) or \
            abs(height - old.height) > 1e-6 or \
            abs(baseline + old.margin_top - old.baseline) > 1e-6:
        return None
    new = old.copy_with_text(layout.text)
    new.pango_layout = layout
    new.width = width
    return new


def _alignment(style) -> str | None:
    """"start" or "end" for a left-to-right line whatever its place in its block, else None."""
    aligns = {style["text_align_all"]}
    if style["text_align_last"] != "auto":
        aligns.add(style["text_align_last"])
    if style["direction"] != "ltr" or len(aligns) != 1:
        return None
    return {"start": "start", "left": "start", "end": "end", "right": "end"}.get(aligns.pop())


def _widen_in_line(ancestors: list, box, delta: float) -> bool:
    """Make room for ``box`` grown by ``delta`` in its line: True if done (the line allowed)."""
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415 - WeasyPrint

    lines = [i for i, a in enumerate(ancestors) if isinstance(a, boxes.LineBox)]
    if not lines or lines[-1] == 0:
        return False
    at = lines[-1]
    line, block, inline = ancestors[at], ancestors[at - 1], ancestors[at + 1:]
    if any(not isinstance(a, boxes.InlineBox) for a in inline) or \
            any(_sized_by_content(a) for a in ancestors[:at]):
        return False
    align = _alignment(line.style)
    if align is None:
        return False  # centred or justified: the line's other boxes would move too
    if delta == 0:
        return True
    placed = [child for child in line.children if isinstance(child, boxes.Box)]
    left = min((child.position_x for child in placed), default=line.position_x)
    right = max((child.position_x + child.margin_width() for child in placed), default=left)
    room_left, room_right = block.content_box_x(), block.content_box_x() + block.width
    if align == "start" and right + delta > room_right + 1e-6:
        return False
    if align == "end" and (abs(right - room_right) > 1e-3 or left - delta < room_left - 1e-6):
        return False
    # the boxes after the number, at each level up to the line, move right; its own grow
    for parent, child in zip([line, *inline], [*inline, box], strict=True):
        after = False
        for sibling in parent.children:
            if after:
                sibling.translate(dx=delta)
            elif sibling is child:
                after = True
        if parent is not line:
            parent.width += delta
    if align == "end":  # and the whole line back left, its end where it was
        for child in line.children:
            child.translate(dx=-delta)
        line.position_x -= delta
    line.width += delta
    return True


def _write_in(box, ancestors: list, text: str, context) -> bool:
    """Write ``text`` in the laid-out reference ``box``; False if its page must be made again."""
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415 - WeasyPrint

    holder = box.children[0] if len(box.children) == 1 and \
        isinstance(box.children[0], boxes.LineBox) else box  # its one line, or it
    if len(holder.children) != 1 or not isinstance(holder.children[0], boxes.TextBox):
        return False
    old = holder.children[0]
    if old.text == text:
        return True
    new = _new_text_box(old, text, context)
    if new is None or new.width < old.width - 1e-6:
        return False
    grown = new.width - old.width
    holder.children = [new]  # first, so that what moves below moves it (if this fails, the
    # page is made again from its boxes before layout: what was changed here is dropped)
    style = box.style
    if style["position"] == "absolute":
        if holder is box or style["right"] == "auto" or style["left"] != "auto" or \
                style["width"] != "auto" or any(_sized_by_content(a) for a in ancestors):
            return False
        box.width += grown
        box.translate(dx=-grown)  # anchored at its right
    elif isinstance(box, boxes.InlineBlockBox):
        # as wide as its text, or its min-width ("room for the number")
        if holder is box or style["width"] != "auto" or box.max_width != inf or \
                _alignment(holder.style) != "start" or \
                abs(box.width - max(box.min_width, old.width)) > 1e-6:
            return False
        width = max(box.min_width, new.width)
        if not _widen_in_line(ancestors, box, width - box.width):
            return False
        box.width = width
    elif isinstance(box, boxes.InlineBox) and holder is box:
        if not _widen_in_line(ancestors, box, grown):
            return False
        box.width += grown
    else:
        return False
    if holder is not box:
        holder.width += grown
    return True


def write_in_numbers(context, pages: list) -> None:
    """Before WeasyPrint's second pass: write the final numbers into the pages of the first
    pass marked to be made again for their references alone, and unmark those pages."""
    page_maker = context.page_maker
    items = _lookup_items(context.target_collector)
    found: dict[int, list] = {}

    def references(index: int) -> list:
        if index not in found:
            found[index] = _references(pages[index]) if 0 <= index < len(pages) else []
        return found[index]

    for index, page in enumerate(pages):
        if index + 1 >= len(page_maker):
            break
        remake_state = page_maker[index][-1]
        if not remake_state["content_changed"] or remake_state["pages_wanted"]:
            continue
        if not references(index) or _has_float(page):
            continue
        # a reference broken over two lines or pages is in pieces: each piece is not its text
        links = Counter(id(box.missing_link) for at in (index - 1, index, index + 1)
                        for box, _ in references(at))
        writes = []
        for box, ancestors in references(index):
            item = items.get(box.missing_link)
            if item is None:
                continue
            if links[id(box.missing_link)] != 1:
                break
            if item.missing_counters or not item.missing_target_counters:
                break  # its own counters: WeasyPrint's
            texts = _text_boxes(box.missing_link)
            if len(texts) != 1 or not hasattr(texts[0], "text"):
                break
            writes.append((box, ancestors, texts[0].text))
        else:
            # all or nothing: a page half written in would be made again anyway
            done = [_write_in(box, ancestors, text, context)
                    for box, ancestors, text in writes]
            if all(done):
                remake_state["content_changed"] = False
