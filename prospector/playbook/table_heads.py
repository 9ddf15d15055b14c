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

A row that runs on to the next page (a long discovery question, a criterion) left its first
cell empty there: the question had ended on the page before, its answers went on beside
nothing. In a table of class ``rows-run-on``, a cell's last child of class ``if-continued``
("How do you measure… (continued)") is laid out only on a page its row runs on to, and only if
the cell itself ended on the page before; everywhere else the cell is laid out without it.

It leaves WeasyPrint alone if ``table_layout`` is not the function it knows (another version):
the heading then repeats whole, both rows, and a continued cell prints under its text.
"""

from __future__ import annotations

_MARK = "_prospector_table_heads"
CLASS = "then-continued"
RUN_ON_CLASS, ROW_CLASS = "rows-run-on", "if-continued"


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


def _classes(box) -> list[str]:
    return box.element.get("class", "").split() if box.element is not None else []


def _marked(cell) -> bool:
    """Whether ``cell``'s last child is its text for a page its row runs on to."""
    return bool(cell.children) and ROW_CLASS in _classes(cell.children[-1])


def _without_marks(row, keep: frozenset[int] = frozenset()):
    """``row`` with each cell's ``if-continued`` child left out (but in the cells ``keep``),
    or ``row`` itself if it has none."""
    cells = [cell if not _marked(cell) or i in keep else
             cell.copy_with_children(cell.children[:-1]) for i, cell in enumerate(row.children)]
    if all(new is old for new, old in zip(cells, row.children, strict=True)):
        return row
    return row.copy_with_children(cells)


def _rows_shown(table, skip_stack):
    """``table`` and ``skip_stack`` to lay it out with: its cells without their ``if-continued``
    child, but in the row its page resumes inside, where each cell that ended on the page
    before lays that child out alone."""
    if RUN_ON_CLASS not in _classes(table):
        return table, skip_stack
    resumed = None  # (group, row, the cells' skip stacks) of the row resumed inside
    if skip_stack:
        ((group_index, rows),) = skip_stack.items()
        if rows:
            ((row_index, cells),) = rows.items()
            if cells:
                resumed = group_index, row_index, cells
    groups = []
    for g, group in enumerate(table.children):
        if group.is_header or group.is_footer:
            groups.append(group)
            continue
        rows = []
        for r, row in enumerate(group.children):
            if resumed and (g, r) == resumed[:2]:
                cells = dict(resumed[2])
                ended = {i for i, cell in enumerate(row.children)
                         if _marked(cell) and (i not in cells or
                                               min(cells[i]) >= len(cell.children) - 1)}
                for i in ended:
                    cells.setdefault(i, {len(row.children[i].children) - 1: None})
                skip_stack = {g: {r: cells}}
                rows.append(_without_marks(row, frozenset(ended)))
            else:
                rows.append(_without_marks(row))
        changed = any(new is not old for new, old in zip(rows, group.children, strict=True))
        groups.append(group.copy_with_children(rows) if changed else group)
    return table.copy_with_children(groups), skip_stack


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
        table, skip_stack = _rows_shown(table, skip_stack)
        return current(context, _shown(table, skip_stack), bottom_space, skip_stack,
                       *args, **kwargs)

    setattr(table_layout, _MARK, True)
    block.table_layout = table_layout
    return True
