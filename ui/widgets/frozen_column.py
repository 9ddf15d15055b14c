"""A table whose first column (the item's name) stays in view when it scrolls sideways.

Qt's "Frozen Column" example: a second view of the same model and the same selection, showing
only the first column, drawn over the table's own first column while the table is scrolled
sideways. Tabbing across a row keeps the cell being edited clear of it, a click on its header
sorts as the table's does, and resizing it resizes the table's column.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.language import _
from ui.widgets.cell_editing import CellDelegate


class FrozenNameTable(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenNameColumn")
        self.frozen.setAccessibleName(_("Names, kept in view when the table scrolls sideways"))
        self.frozen.setItemDelegate(CellDelegate(self.frozen))
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setStyleSheet("QTableView#frozenNameColumn { border: none; "
                                  "border-right: 1px solid palette(mid); }")
        self.frozen.hide()
        for view in (self, self.frozen):  # a narrow column's title ends in "…", not cut
            view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        bar, frozen_bar = self.verticalScrollBar(), self.frozen.verticalScrollBar()
        bar.valueChanged.connect(frozen_bar.setValue)
        frozen_bar.valueChanged.connect(bar.setValue)
        self.horizontalScrollBar().valueChanged.connect(self._place_frozen)
        self.horizontalHeader().sectionResized.connect(self._table_column_resized)
        self.frozen.horizontalHeader().sectionResized.connect(self._frozen_column_resized)
        self.frozen.horizontalHeader().sectionClicked.connect(
            self.horizontalHeader().sectionClicked)
        self.horizontalHeader().sortIndicatorChanged.connect(self._follow_sort_indicator)

    # --- the same model, selection and look ----------------------------------------------------
    def setModel(self, model) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.columnsInserted.connect(self._hide_other_columns)
        self._hide_other_columns()

    def setSelectionBehavior(self, behavior) -> None:
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode) -> None:
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def setEditTriggers(self, triggers) -> None:
        super().setEditTriggers(triggers)
        self.frozen.setEditTriggers(triggers)

    def setAlternatingRowColors(self, enable: bool) -> None:
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def setWordWrap(self, on: bool) -> None:
        super().setWordWrap(on)
        self.frozen.setWordWrap(on)

    def _hide_other_columns(self, *_args) -> None:
        model = self.model()
        for column in range(1, model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, True)
        self._place_frozen()

    def _follow_sort_indicator(self, column: int, order) -> None:
        header = self.frozen.horizontalHeader()
        header.setSortIndicatorShown(self.horizontalHeader().isSortIndicatorShown())
        header.setSortIndicator(column, order)

    def _table_column_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0 and self.frozen.columnWidth(0) != new:
            self.frozen.setColumnWidth(0, new)
        self._place_frozen()

    def _frozen_column_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0 and self.columnWidth(0) != new:
            self.setColumnWidth(0, new)

    # --- where it sits -------------------------------------------------------------------------
    def _place_frozen(self, *_args) -> None:
        """Over the first column while the table is scrolled sideways, else hidden (the table's
        own first column shows then)."""
        scrolled = self.horizontalScrollBar().value() > 0
        self.frozen.setVisible(scrolled)
        if not scrolled:
            return
        self.frozen.horizontalHeader().setSortIndicatorShown(
            self.horizontalHeader().isSortIndicatorShown())
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        rows = self.frozen.verticalHeader()  # rows as tall as the table's, so they line up
        if rows.defaultSectionSize() != self.verticalHeader().defaultSectionSize():
            rows.setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(),
                                self.frameWidth(), self.columnWidth(0) + 1,
                                self.viewport().height() + self.horizontalHeader().height())
        self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value())

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """A cell reached by Tab or the arrows is not left under the frozen column."""
        super().scrollTo(index, hint)
        if not index.isValid() or index.column() == 0 or not self.frozen.isVisible():
            return
        hidden = self.columnWidth(0) - self.visualRect(index).left()
        if hidden > 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - hidden)

    def moveCursor(self, action, modifiers):
        """Tab on the last cell of the last row stays there (Qt wraps to the first row, and
        the detail form then edited another item without a sign), as Shift+Tab on the first."""
        current = self.currentIndex()
        model = self.model()
        if current.isValid() and model is not None:
            last_row, last_column = model.rowCount() - 1, model.columnCount() - 1
            cursor = QAbstractItemView.CursorAction
            if action == cursor.MoveNext and (current.row(), current.column()) == (
                    last_row, last_column):
                return current
            if action == cursor.MovePrevious and (current.row(), current.column()) == (0, 0):
                return current
        return super().moveCursor(action, modifiers)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_frozen()
