"""Edits a contact's persona with a list of the plan's personas."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate


class PersonaDelegate(QStyledItemDelegate):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.setAccessibleName("Persona of this contact")
        combo.addItem("— none —", None)
        for persona in self.document.plan.personas:
            combo.addItem(persona.role, persona.id)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.EditRole)), 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.EditRole)
