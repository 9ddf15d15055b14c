"""Table models over the lists of the open plan (accounts, personas, touches, ... cadence steps)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt

from prospector.model import Channel
from ui.document import PlanDocument

SORT_ROLE = Qt.UserRole + 1
ID_ROLE = Qt.UserRole + 2
STEP_MIME = "application/x-prospector-step-rows"


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = "text"  # text | int | number | choice | bool | readonly (or a delegate's kind)
    choices: tuple[tuple[str, Any], ...] = ()
    display: Callable[[Any], str] | None = None
    tooltip: str = ""
    width: int = 0

    def text(self, value: Any) -> str:
        if self.display:
            return self.display(value)
        if self.kind == "choice":
            return next((t for t, v in self.choices if v == value), str(value or ""))
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return "" if value is None else str(value)


CHANNEL_CHOICES = tuple((c.label, c) for c in Channel)


@dataclass
class ListSource:
    """Where a table's rows live: ``items()`` gives them, ``path(row)`` the path of a row."""

    section: str
    items: Callable[[], list]
    path: Callable[[int], tuple]
    columns: list[Column] = field(default_factory=list)


class PlanTableModel(QAbstractTableModel):
    """Rows are the items of one plan list; columns are their fields. Edits are undoable."""

    def __init__(self, document: PlanDocument, source: ListSource, parent=None) -> None:
        super().__init__(parent)
        self.document, self.source = document, source
        document.field_changed.connect(self._on_field_changed)
        document.sections_replaced.connect(self._on_sections_replaced)
        document.plan_replaced.connect(self.reset)

    # --- reading -------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.source.items())

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.source.columns)

    def item(self, row: int) -> Any:
        return self.source.items()[row]

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        column = self.source.columns[index.column()]
        item = self.item(index.row())
        value = getattr(item, column.field, None)
        if role == Qt.DisplayRole:
            return "" if column.kind == "bool" else column.text(value)
        if role == Qt.EditRole:
            return value.value if isinstance(value, Enum) else value
        if role == SORT_ROLE:
            return value.value if isinstance(value, Enum) else (value if value is not None else "")
        if role == Qt.CheckStateRole and column.kind == "bool":
            return Qt.Checked if value else Qt.Unchecked
        if role == ID_ROLE:
            return getattr(item, "id", index.row())
        if role == Qt.ToolTipRole and column.tooltip:
            return column.tooltip
        return None

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.source.columns[section].header
        if role == Qt.DisplayRole and orientation == Qt.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemIsDropEnabled
        column = self.source.columns[index.column()]
        base |= Qt.ItemIsDragEnabled
        if column.kind == "bool":
            return base | Qt.ItemIsUserCheckable
        if column.kind != "readonly":
            return base | Qt.ItemIsEditable
        return base

    # --- editing -------------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value: Any, role: int = Qt.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        column = self.source.columns[index.column()]
        if column.kind == "bool" and role == Qt.CheckStateRole:
            value = Qt.CheckState(value) == Qt.Checked
        elif role != Qt.EditRole:
            return False
        elif column.kind in ("int", "number"):
            try:
                value = int(value) if column.kind == "int" else float(str(value).replace(",", "."))
            except (TypeError, ValueError):
                return False
        elif column.kind == "choice":
            values = [v for _t, v in column.choices]
            if value not in values:
                value = next((v for t, v in column.choices if t == value or str(v) == value), None)
                if value is None:
                    return False
        elif isinstance(value, str):
            value = value.strip()
        path = self.source.path(index.row()) + (column.field,)
        return self.document.set_value(path, value, f"Edit {column.header.lower()}")

    # --- drag and drop (reorder rows) ----------------------------------------------------------
    def supportedDropActions(self):  # noqa: N802
        return Qt.MoveAction

    def mimeTypes(self):  # noqa: N802
        return [STEP_MIME]

    def mimeData(self, indexes):  # noqa: N802
        rows = sorted({i.row() for i in indexes})
        mime = QMimeData()
        mime.setData(STEP_MIME, ",".join(map(str, rows)).encode())
        return mime

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802
        if action == Qt.IgnoreAction:
            return True
        if not data.hasFormat(STEP_MIME):
            return False
        rows = [int(r) for r in bytes(data.data(STEP_MIME)).decode().split(",") if r]
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        if len(rows) == 1 and self.move_row_requested:
            self.move_row_requested(rows[0], row if row <= rows[0] else row - 1)
        return False  # we moved the rows ourselves; the view must not remove anything

    move_row_requested: Callable[[int, int], None] | None = None

    # --- following the document ----------------------------------------------------------------
    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_sections_replaced(self, sections) -> None:
        if self.source.section in sections:
            self.reset()

    def _on_field_changed(self, path: tuple) -> None:
        if path[0] != self.source.section:
            return
        for row in range(self.rowCount()):
            try:
                row_path = self.source.path(row)
            except LookupError:
                return
            if tuple(path[: len(row_path)]) == row_path:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return
