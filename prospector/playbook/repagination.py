"""One re-layout, not two, for a page that prints a page reference (WeasyPrint 70).

A page holding ``target-counter(attr(href), page)`` ("script, p. 12", the contents) is laid out
once with the number unknown, and again once the number is known. WeasyPrint 70 then lays it out
a third time for nothing: after the first pass it writes the document's page count into every
page's counters (``pages: [0]`` becomes ``pages: [31]``), and the second pass compares those
counters with the ones it kept from the first pass for each reference and each target. They
differ by ``pages`` alone, so every page with a reference is marked changed and made again,
printing the same numbers. In the sample's leader's edition that was 13 pages of 31 laid out a
third time: 57 page layouts instead of 44.

``install()`` wraps WeasyPrint's ``make_all_pages`` so that, before a repagination pass, the
counters kept for references and targets carry the page count the pages now carry. A page whose
reference or target really moved still differs in ``page`` and is made again; nothing else is.
When any reference asks for the ``pages`` counter itself (``counter(pages)`` in the content, not
in a running footer), the kept values are left alone: such a reference must see the count change.

Like ``pdf_speed``, it leaves WeasyPrint alone if its layout functions are not the ones it knows,
and the tests check both the saving and that every page number printed stays right.
"""

from __future__ import annotations

from collections.abc import Iterator

_MARK = "_prospector_one_repagination"


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


def install() -> bool:
    """Repaginate a page with a page reference once; True if installed (now or before)."""
    import weasyprint.layout as layout  # noqa: PLC0415 - loaded with WeasyPrint

    current = layout.make_all_pages
    if getattr(current, _MARK, False):
        return True
    if current.__module__ != "weasyprint.layout.page" or \
            current.__code__.co_varnames[:4] != ("context", "root_box", "html", "pages"):
        return False  # a WeasyPrint whose pagination we do not know: leave it

    def make_all_pages(context, root_box, html, pages) -> Iterator:
        if pages:  # a repagination pass: the first pass's page count is known now
            _bring_page_count_up_to_date(context)
        return current(context, root_box, html, pages)

    setattr(make_all_pages, _MARK, True)
    layout.make_all_pages = make_all_pages
    return True
