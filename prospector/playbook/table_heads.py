"""A table heading that says "(continued)" on the pages its table runs onto (WeasyPrint 70).

WeasyPrint repeats a table's ``<thead>`` on every page the table runs onto, unchanged, and CSS
cannot tell the repeats from the first: ``string()`` and running elements are for the page's
margins only. The rep's schedule heads each week with a band ("Week 7 · 22–26 Feb 2027",
its touch count on the right); repeated as it is, the band on the next page counted the week's
touches again and did not say the week goes on.

Here a ``<thead class="then-continued">`` holds two rows: the first is the heading where the
table starts, the last the one repeated on each later page ("Week 7 · 22–26 Feb 2027
(continued)"). ``install()`` wraps WeasyPrint's ``table_layout`` so that it lays such a table
out with the first row alone in its heading where it starts (no skip stack) and the last row
alone on the pages after; every other table is laid out as before. Only the row shown is laid
out, so only it is drawn, tagged and copied with the text. The table must not collapse its
borders (its border grid counts every row of the HTML).

It leaves WeasyPrint alone if ``table_layout`` is not the function it knows (another version):
the heading then repeats whole, both rows.
"""

from __future__ import annotations

_MARK = "_prospector_table_heads"
CLASS = "then-continued"


def _shown(table, skip_stack):
    """``table`` with only the heading row its page shows, or ``table`` itself."""
    if not table.children:
        return table
    head = table.children[0]
    if not head.is_header or len(head.children) < 2 or head.element is None or \
            CLASS not in head.element.get("class", "").split():
        return table
    row = head.children[0] if skip_stack is None else head.children[-1]
    return table.copy_with_children([head.copy_with_children([row]), *table.children[1:]])


def install() -> bool:
    """Wrap WeasyPrint's table layout as above; True if it is (now) wrapped."""
    import weasyprint.layout.block as block  # noqa: PLC0415 - loaded with WeasyPrint

    current = block.table_layout
    if getattr(current, _MARK, False):
        return True
    if current.__module__ != "weasyprint.layout.table" or \
            current.__code__.co_varnames[:4] != ("context", "table", "bottom_space", "skip_stack"):
        return False  # a WeasyPrint whose table layout we do not know: leave it

    def table_layout(context, table, bottom_space, skip_stack, *args, **kwargs):
        return current(context, _shown(table, skip_stack), bottom_space, skip_stack,
                       *args, **kwargs)

    setattr(table_layout, _MARK, True)
    block.table_layout = table_layout
    return True
