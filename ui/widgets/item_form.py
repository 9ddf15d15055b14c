"""The detail form of the selected list item: each row a binding to one of its fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.binding import Binding


class ItemForm(QWidget):
    """``fields`` are (label, field name, factory(path) -> Binding)."""

    def __init__(self, document, section: str,
                 fields: list[tuple[str, str, Callable[[tuple | None], Binding]]],
                 empty_text: str, parent=None) -> None:
        super().__init__(parent)
        self.document, self.section = document, section
        self.item_id: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("emptyHint")
        outer.addWidget(self.empty)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        column.addLayout(self.form)
        column.addStretch(1)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.bindings: list[tuple[str, Binding]] = []
        self.parts: list[QWidget] = []  # widgets with their own set_item (e.g. contacts)
        for label, field, factory in fields:
            made = factory(None)
            if isinstance(made, Binding):
                self.bindings.append((field, made))
                self.form.addRow(label, made.widget)
            else:
                self.parts.append(made)
                self.form.addRow(label, made)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll = scroll
        outer.addWidget(scroll, 1)
        self.set_item(None)

    def set_item(self, item_id: str | None) -> None:
        self.item_id = item_id
        self.empty.setVisible(item_id is None)
        self.scroll.setVisible(item_id is not None)
        for field, binding in self.bindings:
            binding.rebind((self.section, item_id, field) if item_id else None)
        for part in self.parts:
            part.set_item(item_id)
