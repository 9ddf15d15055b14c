"""Fewer page layouts for pages that print a page reference (WeasyPrint 70).

A page holding ``target-counter(attr(href), page)`` ("script, p. 12", the contents) prints a
number that WeasyPrint knows only once the target's page is laid out. WeasyPrint 70 builds the
reference's text before pagination, with no number, so it lays out every such page again, and
some a third time, though most references point back to a page already made:

* **The third layout.** After the first pass WeasyPrint writes the document's page count into
  every page's counters (``pages: [0]`` becomes ``pages: [31]``); the second pass compares
  those counters with the ones it kept from the first pass for each reference and each target,
  they differ by ``pages`` alone, and every page with a reference is made once more, printing
  the same numbers. Before a repagination pass, the counters kept for references and targets
  here carry the page count the pages now carry; a page whose reference or target really moved
  still differs in ``page`` and is made again. When a reference asks for the ``pages`` counter
  itself (``counter(pages)`` in the content, not in a running footer) this is left alone.
* **The second layout of a page referring back.** WeasyPrint files a reference under the
  anchor it names, but for ``attr(href)`` it computes that name from the ``attr()`` token
  itself: every such reference is filed under ``None``, so laying out a target updates none of
  them, and each is instead marked as needing the page's own ``page`` counter (the list of
  target counters is shared with the list of the page's counters by a reassigned variable in
  ``compute_content_list``), which re-makes every page holding one. Here each reference is filed
  under its anchor and keeps no page counter of its own (when its content has no ``counter()``),
  and, before a page is laid out, a reference whose target is already laid out gets its number:
  a page referring back is made once. A page referring forward (the contents, "the response is
  on the call card, p. 24" before the cards) or to a target further down the same page is still
  made twice, by WeasyPrint's own rule once the target is laid out.

Like ``pdf_speed``, it leaves WeasyPrint alone if its layout functions are not the ones it knows,
and the tests check both the saving and that every page number printed stays right.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import forward_references

_MARK = "_prospector_one_repagination"
_WAITING = "_prospector_waiting_references"
_TARGET_COUNTERS = ("target-counter()", "target-counters()")


def _wants_page_count(collector) -> bool:
    for item in collector.counter_lookup_items.values():
        if "pages" in item.missing_counters:
            return True
        if any("pages" in names for names in item.missing_target_counters.values()):
            return True
    return False


def _bring_page_count_up_to_date(context) -> None:
    collector = context.target_collector
    if len(context.page_maker) < 2 or _wants_page_count(collector):
        return
    total = context.page_maker[1][3][1].get("pages")  # what layout_document wrote in
    if total is None:
        return
    for target in collector.target_lookup_items.values():
        if "pages" in target.cached_page_counter_values:
            target.cached_page_counter_values["pages"] = list(total)
    for reference in collector.counter_lookup_items.values():
        kept = reference.cached_page_counter_values
        if "pages" in kept:
            kept["pages"] = list(total)
            # Its text again, now that every target has been laid out once: a reference to a
            # later page (the contents) learnt its number only after its page was made.
            reference.parse_again(kept)


def _anchor_name(token, box) -> str | None:
    """The anchor a ``target-counter()``'s first argument names for ``box`` (as WeasyPrint's
    ``TargetCollector.lookup_target`` resolves it)."""
    from weasyprint.css.targets import anchor_name_from_token  # noqa: PLC0415 - WeasyPrint
    from weasyprint.urls import get_url_tuple  # noqa: PLC0415 - WeasyPrint

    if token[0] == "attr()":
        attr_name, kind, fallback = token[1]
        value = box.element.get(attr_name, fallback) if box.element is not None else fallback
        if kind == "string":
            token = ("string", value)
        elif kind == "url":
            token = ("url", get_url_tuple(value, box.style.base_url))
        else:
            return None
    return anchor_name_from_token(token)


def _file_references_under_their_anchors(collector) -> list:
    """File each ``attr()`` reference under the anchor it names (WeasyPrint files it under
    None), without the page counter it does not print; the references filed, in order."""
    filed = []
    for (box, css_token), reference in collector.counter_lookup_items.items():
        if css_token != "content" or set(reference.missing_target_counters) != {None}:
            continue
        content = box.style["content"]
        if not isinstance(content, (list, tuple)):
            continue
        anchors = {_anchor_name(value[0], box) for kind, value in content
                   if kind in _TARGET_COUNTERS}
        if len(anchors) != 1 or None in anchors:
            continue  # several targets, or one we cannot name: WeasyPrint's way
        names = reference.missing_target_counters.pop(None)
        reference.missing_target_counters[anchors.pop()] = names
        if reference.missing_counters is names and \
                not any(kind in ("counter()", "counters()") for kind, _ in content):
            reference.missing_counters = []
        filed.append(reference)
    return filed


def _number_references_back(collector) -> None:
    """Before a page is laid out: a reference not laid out yet whose target is (WeasyPrint
    marks it ``pending``) gets its number now, so its page needs no second layout for it."""
    waiting = getattr(collector, _WAITING, None)
    if not waiting:
        return
    still = []
    for reference in waiting:
        if reference.page_maker_index is not None:
            continue  # laid out: WeasyPrint's own rules from here on
        if reference.pending and not reference.missing_counters:
            reference.parse_again(None)
            reference.pending = False
        still.append(reference)
    setattr(collector, _WAITING, still)


def install() -> bool:
    """Lay out a page with a page reference as few times as above; True if installed (now or
    before)."""
    import weasyprint.layout as layout  # noqa: PLC0415 - loaded with WeasyPrint
    import weasyprint.layout.page as page  # noqa: PLC0415 - loaded with WeasyPrint

    current = layout.make_all_pages
    if getattr(current, _MARK, False):
        return True
    make_one = page.make_page
    if current.__module__ != "weasyprint.layout.page" or \
            current.__code__.co_varnames[:4] != ("context", "root_box", "html", "pages") or \
            make_one.__code__.co_varnames[:6] != (
                "context", "root_box", "page_type", "resume_at", "page_number", "page_state"):
        return False  # a WeasyPrint whose pagination we do not know: leave it

    def make_all_pages(context, root_box, html, pages) -> Iterator:
        if pages:  # a repagination pass: the first pass's page count is known now
            _bring_page_count_up_to_date(context)
            if not _wants_page_count(context.target_collector):
                forward_references.write_in_numbers(context, pages)
        else:
            collector = context.target_collector
            setattr(collector, _WAITING, _file_references_under_their_anchors(collector))
        return current(context, root_box, html, pages)

    def make_page(context, root_box, page_type, resume_at, page_number, page_state):
        _number_references_back(context.target_collector)
        return make_one(context, root_box, page_type, resume_at, page_number, page_state)

    setattr(make_all_pages, _MARK, True)
    layout.make_all_pages = make_all_pages
    page.make_page = make_page
    return True
