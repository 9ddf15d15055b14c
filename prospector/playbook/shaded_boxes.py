"""A shaded box carried over to the next page ends under its last line there (WeasyPrint 70).

CSS Fragmentation (css-break-3, "box splitting") makes a box that breaks at a page's foot reach
down to that foot, and WeasyPrint does so: a talk track whose next paragraph moves overleaf (it
keeps two lines together, a one-line close stays with the paragraph before) left its grey
shading and rule 8-20 mm below its last line, an empty grey tail (the long-text plan's
editions, the last fresh-eyes review).

``install()`` wraps WeasyPrint's ``block_container_layout`` so that a box of one of ``CLASSES``
that breaks is as tall as its content; every other box keeps the rule (a call card's ruled call
log fills its page by it). The stylesheet's ``box-decoration-break: clone`` then gives each part
of the box its padding (30-cards-touches.css).

It leaves WeasyPrint alone if ``block_container_layout`` is not the function it knows (another
version): the tails come back, nothing else changes.
"""

from __future__ import annotations

from typing import Any

_MARK = "_prospector_shaded_boxes"
CLASSES = frozenset({"talk", "response"})  # a talk track, an objection's response


def _shaded(box) -> bool:
    element = box.element
    return element is not None and not CLASSES.isdisjoint(element.get("class", "").split())


def _content_bottom(box) -> float:
    """How far down ``box``'s content reaches: a table's cell that breaks at the page's foot
    reaches the foot, the lines in it end higher (a talk track's box holds its label and script
    in a table whose head repeats, _macros.html.j2)."""
    children = [child for child in getattr(box, "children", ()) if child.is_in_normal_flow()]
    if not children or not hasattr(children[-1], "children") or \
            type(box).__name__ in ("LineBox", "InlineBox"):
        return box.position_y + box.margin_height()
    return max(_content_bottom(child) for child in children) + box.padding_bottom + \
        box.border_bottom_width + box.margin_bottom


def _end_under_last_line(box: Any, block_container: Any) -> None:
    """``box`` (laid out, broken at the page's foot) as tall as its laid-out children, its
    last child first: a paragraph broken there reaches the foot too, and so does a table."""
    children = [child for child in box.children if child.is_in_normal_flow()]
    if not children:
        return
    last = children[-1]
    if last.style["height"] == "auto" and isinstance(last, block_container):
        _end_under_last_line(last, block_container)
    bottoms = [child.position_y + child.margin_height() for child in children[:-1]]
    bottoms.append(_content_bottom(last) if not isinstance(last, block_container)
                   else last.position_y + last.margin_height())
    box.height = max(0, max(bottoms) - box.content_box_y())


def install() -> bool:
    """Wrap WeasyPrint's block layout as above; True if it is (now) wrapped."""
    import weasyprint.layout.block as block  # noqa: PLC0415 - loaded with WeasyPrint
    from weasyprint.formatting_structure.boxes import (  # noqa: PLC0415 - loaded with WeasyPrint
        BlockContainerBox,
    )

    current = block.block_container_layout
    if getattr(current, _MARK, False):
        return True
    if current.__module__ != "weasyprint.layout.block" or \
            current.__code__.co_varnames[:4] != ("context", "box", "bottom_space", "skip_stack"):
        return False  # a WeasyPrint whose block layout we do not know: leave it

    def block_container_layout(context, box, bottom_space, skip_stack, *args, **kwargs):
        result = current(context, box, bottom_space, skip_stack, *args, **kwargs)
        new_box, resume_at = result[0], result[1]
        if new_box is not None and resume_at is not None and _shaded(box):
            _end_under_last_line(new_box, BlockContainerBox)
        return result

    setattr(block_container_layout, _MARK, True)
    block.block_container_layout = block_container_layout
    return True
