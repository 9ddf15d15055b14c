"""Edits a cadence step's touch with a list of the plan's touches (same channel first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate


class TouchDelegate(QStyledItemDelegate):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.setAccessibleName("Touch delivered by this step")
        combo.addItem("— none —", None)
        for touch in self.document.plan.touches:
            combo.addItem(f"{touch.title} ({touch.channel.label})", touch.id)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        position = editor.findData(index.data(Qt.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        touch_id = editor.currentData()
        column = model.source.columns[index.column()]
        path = model.source.path(index.row())
        document = self.document
        document.undo_stack.beginMacro("Choose touch")
        document.set_value(path + (column.field,), touch_id)
        touch = document.plan.touch(touch_id)
        if touch is not None:  # the step's channel follows its touch
            document.set_value(path + ("channel",), touch.channel)
        document.undo_stack.endMacro()
