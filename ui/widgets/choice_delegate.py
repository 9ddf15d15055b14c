"""Edits an id-valued cell (a step's touch, a contact's persona) with a list of the plan's items."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from ui.language import _
from ui.widgets.cell_editing import CellDelegate


class ChoiceDelegate(CellDelegate):
    """``options()`` gives (id, label) pairs; the first choice is "none". ``commit(model, index,
    value)`` stores the choice (default: ``model.setData``)."""

    def __init__(self, options: Callable[[], list[tuple[str, str]]], label: str,
                 commit: Callable | None = None, parent=None) -> None:
        super().__init__(parent)
        self.options, self.label = options, label
        self.commit = commit or (
            lambda model, index, value: model.setData(index, value, Qt.ItemDataRole.EditRole))

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setAccessibleName(self.label)
        return combo

    def setEditorData(self, editor, index):
        """The plan's items as they are now (called again when the cell changes while its list
        is open: an undo brought back the persona chosen), the cell's one current."""
        editor.clear()
        editor.addItem(_("— none —"), None)
        for item_id, text in self.options():
            editor.addItem(text, item_id)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
        editor.setProperty(_SHOWN, editor.currentIndex())

    def setModelData(self, editor, model, index):
        # only a choice made: the list open while Ctrl+Z brought back a deleted persona showed
        # "none" for it, and closing it stored that (the undo lost, the redo with it)
        if editor.currentIndex() != editor.property(_SHOWN):
            self.commit(model, index, editor.currentData())


_SHOWN = "prospector_shown_index"  # the choice the list showed when it was filled
