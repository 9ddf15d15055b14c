"""A list of plan items: table with filter, add / duplicate / delete / move, and a detail form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospector import editing
from ui.table_model import ID_ROLE, SORT_ROLE, ListSource, PlanTableModel
from ui.widgets.cell_editing import CellDelegate, commit_open_editor


class ListEditor(QWidget):
    """Edits one list section of the plan. ``detail`` is a widget with ``set_item(item_id)``."""

    current_changed = Signal(object)  # item id or None

    def __init__(self, document, source: ListSource, noun: str,
                 new_item: Callable[[], dict], detail: QWidget | None = None,
                 parent=None, plural: str | None = None) -> None:
        super().__init__(parent)
        self.document, self.source, self.noun = document, source, noun
        self.plural = plural or f"{noun}s"
        self.new_item = new_item
        self.detail = detail
        self.model = PlanTableModel(document, source, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(f"Filter {self.plural}…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(f"Filter {self.plural}")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        bar.addWidget(self.filter, 1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.buttons = {}
        for key, text, tip, shortcut in (
            ("add", f"Add {noun}", f"Add a {noun} (Ctrl+Ins)", "Ctrl+Ins"),
            ("duplicate", "Duplicate", f"Duplicate the selected {noun}", None),
            ("delete", "Delete", f"Delete the selected {self.plural} (Del); undo with Ctrl+Z", None),
            ("up", "▲", "Move up (Alt+Up)", "Alt+Up"),
            ("down", "▼", "Move down (Alt+Down)", "Alt+Down"),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            if shortcut:
                button.setShortcut(QKeySequence(shortcut))
            bar.addWidget(button)
            self.buttons[key] = button
        layout.addLayout(bar)
        self.bar = bar

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setAccessibleName(self.plural.capitalize())
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setSortingEnabled(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.Interactive)
        for i, column in enumerate(source.columns):
            if column.width:
                self.table.setColumnWidth(i, column.width)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)

        if detail is not None:
            split = QSplitter(Qt.Horizontal)
            split.addWidget(self.table)
            split.addWidget(detail)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            split.setSizes([600, 400])
            split.setChildrenCollapsible(False)
            layout.addWidget(split, 1)
        else:
            layout.addWidget(self.table, 1)

        self.buttons["add"].clicked.connect(self.add)
        self.buttons["duplicate"].clicked.connect(self.duplicate)
        self.buttons["delete"].clicked.connect(self.delete)
        self.buttons["up"].clicked.connect(lambda: self.move(-1))
        self.buttons["down"].clicked.connect(lambda: self.move(+1))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._remembered: str | None = None
        self.model.modelAboutToBeReset.connect(self._remember)
        self._update_count()
        self._update_buttons()

    def add_button(self, text: str, tip: str, slot) -> QToolButton:
        """An extra action of this list (e.g. import from CSV), placed before Add."""
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        self.bar.insertWidget(2, button)
        return button

    # --- selection -----------------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(ID_ROLE) for r in rows] or ([self.current_id()] if self.current_id() else [])

    def select_id(self, item_id: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == item_id:
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                self.table.scrollTo(index)
                return
        if self.detail is not None:
            self.detail.set_item(None)

    def _current_row_changed(self, current, _previous) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        if self.detail is not None:
            self.detail.set_item(item_id)
        self._update_buttons()
        self.current_changed.emit(item_id)

    def _remember(self) -> None:
        self._remembered = self.current_id()

    def _after_reset(self) -> None:
        self._update_count()
        if self._remembered is not None:
            self.select_id(self._remembered)
        elif self.detail is not None:
            self.detail.set_item(None)
        self._update_buttons()

    def _update_count(self, *_args) -> None:
        total = self.model.rowCount()
        self.count_label.setText(f"{total} {self.noun if total == 1 else self.plural}")

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        for key in ("duplicate", "delete", "up", "down"):
            self.buttons[key].setEnabled(has)

    # --- actions -------------------------------------------------------------------------------
    def add(self) -> None:
        commit_open_editor(self.table)
        self.filter.clear()
        row = self.table.currentIndex().row()
        index = row + 1 if row >= 0 else None
        item = self.new_item()
        self.document.replace_sections(
            editing.add_item(self.document.plan, self.source.section, item, index),
            f"Add {self.noun}")
        new_id = self.document.section_ids(self.source.section)[
            index if index is not None else -1]
        self.select_id(new_id)
        self.table.setFocus()
        first = self.table.currentIndex().siblingAtColumn(0)
        if first.isValid():
            self.table.edit(first)

    def duplicate(self) -> None:
        commit_open_editor(self.table)
        item_id = self.current_id()
        if item_id:
            self.document.replace_sections(
                editing.duplicate_item(self.document.plan, self.source.section, item_id),
                f"Duplicate {self.noun}")

    def delete(self) -> None:
        commit_open_editor(self.table)
        ids = set(self.selected_ids())
        if not ids:
            return
        count = len(ids)
        self.document.replace_sections(
            editing.remove_items(self.document.plan, self.source.section, ids),
            f"Delete {count} {self.noun if count == 1 else self.plural}")

    def move(self, delta: int) -> None:
        commit_open_editor(self.table)
        item_id = self.current_id()
        if not item_id:
            return
        ids = self.document.section_ids(self.source.section)
        row = ids.index(item_id)
        target = row + delta
        if 0 <= target < len(ids):
            self.document.replace_sections(
                editing.move_item(self.document.plan, self.source.section, row, target),
                f"Move {self.noun}")
            self.select_id(item_id)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Delete and self.table.hasFocus():
            self.delete()
            return
        super().keyPressEvent(event)
