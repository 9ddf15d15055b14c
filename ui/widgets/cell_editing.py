"""Cells of the plan's tables: what is typed in a cell reaches the plan before anything else.

Qt stores a cell's text after Enter only at the next turn of the event loop. A click on "Add
touch" handled in the same turn rebuilt the table first, and the name just typed was lost
("commitData called with an editor that does not belong to this view"); so was a cell still open
when a row was added or deleted, or when the window closed. ``CellDelegate`` stores the text at
Enter itself, and ``commit_open_editor`` stores an open cell before a table is rebuilt or the window
closes.

What is typed in a cell is kept on disk at each keystroke before Enter stores it
(``PlanTableModel.typing``): a crash while a name is half typed loses none of it.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QAbstractProxyModel, QEvent, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ui.table_model import CHOICES_ROLE, LONG_TEXT_ROLE

LONG_TEXT_LINES = 5  # a long cell's editor: this many lines, at least LONG_TEXT_WIDTH wide
LONG_TEXT_WIDTH = 360


class CellDelegate(QStyledItemDelegate):
    """The plan tables' delegate: Enter stores the cell at once (combo boxes keep Qt's way, their
    popup needs the key first); a choice column (tier, channel, kind, period) edits with a
    drop-down of its labels, so a value it cannot take cannot be typed; a long text (a touch's
    value, a differentiator) edits in a word-wrapped box several lines tall over the rows below,
    Enter storing it as in any cell."""

    def createEditor(self, parent, option, index):
        if index.data(LONG_TEXT_ROLE):
            box = QPlainTextEdit(parent)
            box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            box.setTabChangesFocus(True)
            box.setAccessibleName(str(index.model().headerData(
                index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "Text"))
            self._typed_in = _keep_typing(box, box.textChanged, index)
            return box
        labels = index.data(CHOICES_ROLE)
        if not labels:
            editor = super().createEditor(parent, option, index)
            if isinstance(editor, QLineEdit):
                self._typed_in = _keep_typing(editor, editor.textEdited, index)
            elif isinstance(editor, QAbstractSpinBox):
                self._typed_in = _keep_typing(editor, editor.textChanged, index)
            return editor
        combo = QComboBox(parent)
        combo.addItems(labels)
        combo.setAccessibleName(str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "Choice"))
        combo.activated.connect(lambda _row: self._chosen(combo))
        return combo

    def updateEditorGeometry(self, editor, option, index) -> None:
        if not isinstance(editor, QPlainTextEdit):
            super().updateEditorGeometry(editor, option, index)
            return
        viewport = editor.parentWidget()
        if viewport is None:
            return
        room = viewport.rect()
        height = editor.fontMetrics().lineSpacing() * LONG_TEXT_LINES + 12
        rect = option.rect.adjusted(0, 0, 0, 0)
        rect.setWidth(max(rect.width(), min(LONG_TEXT_WIDTH, room.width())))
        rect.setHeight(height)
        if rect.right() > room.right():
            rect.moveRight(room.right())
        if rect.bottom() > room.bottom():
            rect.moveBottom(room.bottom())
        editor.setGeometry(rect)

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()
            return
        if isinstance(editor, QComboBox) and index.data(CHOICES_ROLE):
            editor.setCurrentIndex(max(0, editor.findText(str(index.data() or ""))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
            return
        if isinstance(editor, QComboBox) and index.data(CHOICES_ROLE):
            model.setData(index, editor.currentText())  # the label; the model stores its value
            return
        super().setModelData(editor, model, index)

    def destroyEditor(self, editor, index) -> None:  # noqa: N802 - Qt's name
        # the model of the cell's creation: ``index`` may no longer be valid (its row gone)
        model = getattr(self, "_typed_in", None)
        if editor.property("prospector_typed") and model is not None:
            model.typing_ended()  # stored by Enter, or given up: its draft goes
        super().destroyEditor(editor, index)

    def _chosen(self, combo: QComboBox) -> None:
        """A choice picked from the list is stored at once, as Enter stores typed text."""
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def eventFilter(self, editor, event) -> bool:
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not isinstance(editor, QComboBox)):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)


def _plan_model(index):
    """The plan's table model under ``index`` (through any sorting or filtering proxy) and the
    index in it; ``(None, None)`` for a model that keeps nothing typed (no ``typing``)."""
    model = index.model()
    while isinstance(model, QAbstractProxyModel):
        index = model.mapToSource(index)
        model = index.model()
    return (model, index) if hasattr(model, "typing") else (None, None)


def _keep_typing(editor: QWidget, signal, index):
    """Each change ``signal`` of ``editor`` reports is kept on disk as the cell's text
    (``PlanTableModel.typing``); the editor is marked as typed in, so that its close ends it.
    The model kept to (None: a model that keeps nothing typed)."""
    model, cell = _plan_model(index)
    if model is None:
        return None
    cell = QPersistentModelIndex(cell)
    start = cell.data(Qt.ItemDataRole.EditRole)
    prop = editor.metaObject().userProperty()

    def typed(*_args) -> None:
        value = prop.read(editor)
        if not editor.property("prospector_typed") and (
                value == start or (start is None and value == "")):
            return  # the cell filled with what it holds: nothing typed yet
        editor.setProperty("prospector_typed", True)
        model.typing(cell, value)

    signal.connect(typed)
    return model


def commit_open_editor(view: QAbstractItemView | None = None, *,
                       within: QWidget | None = None) -> None:
    """Store the text of a cell being edited (in ``view``, or in any table ``within`` a
    window) and close its editor, so that what follows (a rebuilt table, a save) includes it."""
    # a view's own views too: the frozen name column drawn over a table (FrozenNameTable)
    views = ([view, *view.findChildren(QAbstractItemView)] if view is not None
             else within.findChildren(QAbstractItemView))
    for table in views:
        if table.state() != QAbstractItemView.State.EditingState:
            continue
        viewport = table.viewport()
        editor = table.focusWidget()  # the last child given the focus, even in an inactive window
        if editor is None or not viewport.isAncestorOf(editor):
            continue
        while editor.parentWidget() is not viewport:
            editor = editor.parentWidget()
        table.commitData(editor)
        table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def fit_column(view: QAbstractItemView, column: int, width: int) -> None:
    """A column ``width`` pixels wide, or as wide as its header's words where they are longer
    (German headers are): a header is never cut."""
    table = cast(QTableView, view)
    header = table.horizontalHeader()
    text = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
    table.setColumnWidth(column, max(width, header.fontMetrics().horizontalAdvance(text) + 20))
