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
        combo.addItem(_("— none —"), None)
        for item_id, text in self.options():
            combo.addItem(text, item_id)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor, model, index):
        self.commit(model, index, editor.currentData())
