"""Helpers of the tests that drive a step page's real widgets."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel


def shown_page(qtbot, page_class, document):
    """The page on ``document``, shown at a leader's size and laid out."""
    page = page_class(document)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page, timeout=60000)
    return page


def select_rows(editor, rows: list[int]) -> None:
    """Select the rows (as shown) of a list editor's table, the first one current."""
    selection = editor.table.selectionModel()
    flag = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(editor.proxy.index(rows[0], 0), flag.ClearAndSelect | flag.Rows)
    for row in rows[1:]:
        selection.select(editor.proxy.index(row, 0), flag.Select | flag.Rows)
