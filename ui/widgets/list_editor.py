"""A list of plan items: table with filter, add / duplicate / delete / move, and a detail form.

Like a spreadsheet: a click on a column's header sorts by it (again: the other way; a third
time: the plan's own order); rows selected together get a tier, a channel (any choice column) or
what a page adds (``add_bulk_action``: the rep of accounts) in one undo step from the table's
context menu; Ctrl+C copies the selected rows as tab-separated text that spreadsheets paste.

Adding, deleting and moving rows are small undoable edits of the document (``insert_item``,
``remove_items``, ``move_item``): the table keeps its other rows, selection and scroll position.
Rows that come back (added, duplicated, or restored by undoing a delete) are selected; after a
delete the row that took the place of the deleted one is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospector import editing
from ui.language import _, in_sentence, said, sentence_start
from ui.table_model import ID_ROLE, SORT_ROLE, Column, ListSource, PlanTableModel, show_number
from ui.widgets.cell_editing import CellDelegate, commit_open_editor, fit_column
from ui.widgets.frozen_column import FrozenNameTable

SIDE_BY_SIDE_WIDTH = 1100  # px: narrower, the detail form goes below the table

# Select a whole row, and only it.
_SELECT_ROW = (QItemSelectionModel.SelectionFlag.ClearAndSelect
               | QItemSelectionModel.SelectionFlag.Rows)

class RowNumbers(QHeaderView):
    """The row numbers beside the table, sized by the digits of the last one.

    Qt's own header sizes itself from the headers of its first and last 100 rows, which through
    the filter proxy is some 800 calls into Python each time a row is added or removed (about
    3 ms of a 1,000-row list); the width only depends on the widest number."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def sizeHint(self) -> QSize:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        # the numbers are the rows' in the plan: a filter showing row 27 alone showed "2'"
        model = self.model()
        source = model.sourceModel() if isinstance(model, QAbstractProxyModel) else model
        digits = str(max(self.count(), source.rowCount() if source is not None else 0, 1))
        bold = self.font()
        bold.setBold(True)  # the current row's number is drawn bold
        width = self.fontMetrics().horizontalAdvance(digits) if not self.highlightSections() \
            else QFontMetrics(bold).horizontalAdvance(digits)
        return QSize(width + 2 * margin + 2, self.defaultSectionSize())


@dataclass(frozen=True)
class BulkAction:
    """Something set for every selected row at once: ``choices()`` gives (label, value) pairs,
    ``apply(ids, value)`` makes the edit (one undo step)."""

    title: str  # "Assign to rep"
    choices: Callable[[], list[tuple[str, Any]]]
    apply: Callable[[list[str], Any], None]


class ListEditor(QWidget):
    """Edits one list section of the plan. ``detail`` is a widget with ``set_item(item_id)``;
    ``follows`` names the sections its choices come from (the personas a touch serves): when
    rows are added to or removed from them, the detail reads the plan again."""

    current_changed = Signal(object)  # item id or None
    item_added = Signal(str)  # the id of an item "Add" made (the coach judges it once left)

    def __init__(self, document, source: ListSource, noun: str,
                 new_item: Callable[[], dict], detail: QWidget | None = None,
                 parent=None, plural: str | None = None, follows: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.document, self.source, self.noun = document, source, noun
        self.plural = plural or f"{noun}s"
        self.new_item = new_item
        self.detail = detail
        self.follows = follows
        self._detail_stale = False
        self._new_selection = True  # the next rows inserted replace the selection
        self.model = PlanTableModel(document, source, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter {plural}…").format(plural=self.plural))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(_("Filter {plural}").format(plural=self.plural))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.textChanged.connect(self._update_count)  # (after the proxy filtered)
        # room for its placeholder ("Unterscheidungsmerkmale filtern…") and the clear button
        self.filter.setMinimumWidth(min(self.filter.fontMetrics().horizontalAdvance(
            self.filter.placeholderText()) + 40, 260))
        bar.addWidget(self.filter, 1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        # the buttons beside the filter, or on a row of their own when the page is too narrow
        # for both (long German labels): see _wrap_buttons
        self.button_row = QWidget()
        button_bar = QHBoxLayout(self.button_row)
        button_bar.setContentsMargins(0, 0, 0, 0)
        self.button_row.setMinimumWidth(1)
        self.buttons_below = QHBoxLayout()
        self.buttons = {}
        for key, text, tip, shortcut in (
            ("add", _("Add {noun}").format(
                noun=noun), _("Add {noun} (Ctrl+Ins)").format(noun=noun), "Ctrl+Ins"),
            ("duplicate", _("Duplicate"), _("Duplicate the selected {noun}").format(
                noun=noun), None),
            ("delete", _("Delete"),
             _("Delete the selected {plural} (Del); undo with Ctrl+Z").format(
                plural=self.plural),
             None),
            ("up", "▲", _("Move up (Alt+Up)"), "Alt+Up"),
            ("down", "▼", _("Move down (Alt+Down)"), "Alt+Down"),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            if key == "add":
                self._add_tip = tip
            elif key == "duplicate":
                self._duplicate_tip = tip
            button.setAccessibleName(tip.split(" (")[0])
            if key == "add" and shortcut:  # not the button's: greyed out at the most a plan
                # holds, Ctrl+Ins still says why (the status bar) rather than nothing
                QShortcut(QKeySequence(shortcut), self, self.add)
            elif shortcut:
                button.setShortcut(QKeySequence(shortcut))
            button_bar.addWidget(button)
            self.buttons[key] = button
        bar.addWidget(self.button_row)
        layout.addLayout(bar)
        layout.addLayout(self.buttons_below)
        self.bar = bar
        self.button_bar = button_bar

        self.table = FrozenNameTable()  # the name stays in view when scrolled sideways
        self.table.setModel(self.proxy)
        self.table.setVerticalHeader(RowNumbers(self.table))
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setAccessibleName(self.plural.capitalize())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(False)  # sorted by _sort_by_header: a third click unsorts
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._sort_by_header)
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self.bulk_actions: list[BulkAction] = []
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.copy_action = QAction(_("Copy rows"), self.table)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_rows)
        self.table.addAction(self.copy_action)
        self.menu_actions: list[QAction] = []  # a page's own (paste rows), after Copy
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(source.columns):
            if column.width:
                fit_column(self.table, i, column.width)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                   | triggers.AnyKeyPressed)

        self.split: QSplitter | None = None
        self._shown_once = False
        if detail is not None:
            split = self.split = QSplitter(Qt.Orientation.Vertical)
            split.addWidget(self.table)
            split.addWidget(detail)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
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
        self.model.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.model.rowsInserted.connect(self._rows_inserted)  # not the proxy's: a filter
        self.model.rowsRemoved.connect(self._rows_removed)    # shows and hides rows too
        self._remembered: str | None = None
        self._current_item: str | None = None  # the current row's item, as it was chosen
        self.model.modelAboutToBeReset.connect(self._remember)
        document.changed.connect(self._edit_done)
        document.fields_changed.connect(self._values_changed)
        for signal in (document.items_inserted, document.items_removed, document.item_moved):
            signal.connect(self._list_changed)
        self._update_count()
        self._update_buttons()

    def add_button(self, text: str, tip: str, slot) -> QToolButton:
        """An extra action of this list (e.g. import from CSV), placed before Add."""
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        self.button_bar.insertWidget(0, button)
        return button

    # --- selection -----------------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(ID_ROLE) for r in rows] or ([self.current_id()] if self.current_id() else [])

    def _shown_index(self, item_id: str | None) -> QModelIndex:
        """The table's index of the item's row (invalid if it has none or the filter hides
        it)."""
        items = self.model.source.items()
        row = next((r for r, item in enumerate(items) if getattr(item, "id", None) == item_id),
                   -1) if item_id is not None else -1
        return self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()

    def select_id(self, item_id: str | None) -> None:
        index = self._shown_index(item_id)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, _SELECT_ROW)
            self.table.scrollTo(index)
            return
        if self.detail is not None:
            self.detail.set_item(None)

    def focus_cell(self, item_id: str | None, field: str | None) -> bool:
        """Make the item's cell of ``field`` the current one; False if no column shows it."""
        column = next((i for i, c in enumerate(self.source.columns) if c.field == field), None)
        current = self.table.currentIndex()
        if column is None or not current.isValid() or current.data(ID_ROLE) != item_id:
            return False
        cell = current.siblingAtColumn(column)
        self.table.selectionModel().setCurrentIndex(
            cell, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(cell)
        self.table.setFocus()
        return True

    def current_item(self) -> str | None:
        """The id of the item whose row is current, if any."""
        current = self.table.currentIndex()
        return current.data(ID_ROLE) if current.isValid() else None

    def _current_row_changed(self, current, _previous) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        self._current_item = item_id
        if self.detail is not None:
            self.detail.set_item(item_id)
        self._update_buttons()
        self.current_changed.emit(item_id)

    def _rows_inserted(self, _parent, first: int, last: int) -> None:
        """Rows added, duplicated or restored by undo are selected (one edit's rows together)."""
        selection = self.proxy.mapSelectionFromSource(QItemSelection(
            self.model.index(first, 0), self.model.index(last, self.model.columnCount() - 1)))
        if selection.isEmpty():  # filtered out
            return
        model, top = self.table.selectionModel(), selection.indexes()[0]
        if self._new_selection:
            model.setCurrentIndex(top, QItemSelectionModel.SelectionFlag.NoUpdate)
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.table.scrollTo(top)
        else:
            model.select(selection, QItemSelectionModel.SelectionFlag.Select)
        self._new_selection = False
        self._update_buttons()

    def _rows_removed(self, *_args) -> None:
        """The row that took the deleted rows' place (or the last one) becomes the selection."""
        current = self.table.currentIndex()
        if current.isValid() and not self.table.selectionModel().hasSelection():
            self.table.selectionModel().select(
                current, _SELECT_ROW)
        self._update_buttons()

    def _edit_done(self) -> None:
        self._new_selection = True

    def _list_changed(self, path, *_args) -> None:
        if len(path) == 1 and path[0] in self.follows:
            self._refresh_detail()

    def _values_changed(self, paths) -> None:
        """Values one edit changed together (references cleared or restored): the fields of the
        detail form that show them read them again."""
        changed = set(paths)
        for _field, binding in getattr(self.detail, "bindings", ()):
            if binding.path is not None and tuple(binding.path) in changed:
                binding.refresh()

    def _refresh_detail(self) -> None:
        """The detail form reads the plan again, now if it shows, else when it is shown."""
        if self.detail is None:
            return
        if self.isVisible():
            self.detail.set_item(self.current_id())
        else:
            self._detail_stale = True

    def _wrap_buttons(self) -> None:
        """The buttons beside the filter when the page has room for the filter's placeholder,
        the count and every button on one row, else on the row under the filter."""
        spacing = max(self.bar.spacing(), 0)
        needed = (self.filter.minimumWidth() + self.count_label.sizeHint().width()
                  + self.button_row.sizeHint().width() + 2 * spacing)
        beside = self.bar.indexOf(self.button_row) >= 0
        if (needed <= self.width()) != beside:
            if beside:
                self.bar.removeWidget(self.button_row)
                self.buttons_below.addWidget(self.button_row)
                self.buttons_below.addStretch(1)
            else:
                self.buttons_below.removeWidget(self.button_row)
                while self.buttons_below.count():
                    self.buttons_below.takeAt(0)
                self.bar.addWidget(self.button_row)
            beside = not beside
        # on its own row never narrower than its buttons; beside the filter (where it has room)
        # its width does not hold the window wider (an explicit 1 px minimum)
        self.button_row.setMinimumWidth(1 if beside else self.button_row.sizeHint().width())

    def resizeEvent(self, event) -> None:
        """The detail form beside the table where there is room for both (a wide window), else
        below it at full width: at 1280x800 with the coach open, side by side cut both."""
        super().resizeEvent(event)
        self._wrap_buttons()
        if self.split is None:
            return
        wide = self.width() >= SIDE_BY_SIDE_WIDTH
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != wanted:
            self.split.setOrientation(wanted)
            QTimer.singleShot(0, self, self._balance)  # once the splitter has its new shape

    def _balance(self) -> None:
        """Table and form share the room: 3:2 side by side, 9:11 one above the other."""
        if self.split is None:
            return
        wide = self.split.orientation() == Qt.Orientation.Horizontal
        total = self.split.width() if wide else self.split.height()
        first = total * 3 // 5 if wide else total * 9 // 20
        self.split.setSizes([first, total - first])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self, self._balance)
        if self._detail_stale:
            self._detail_stale = False
            self.detail.set_item(self.current_id())

    def _remember(self) -> None:
        # not the id at the current row now: the list has changed already (put in a new order,
        # the row holds another item: an undone move of many rows made another account current)
        self._remembered = self._current_item

    def _after_reset(self) -> None:
        self._update_count()
        if self._remembered is not None:
            self.select_id(self._remembered)
        elif self.detail is not None:
            self.detail.set_item(None)
        self._update_buttons()

    def _update_count(self, *_args) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if self.filter.text() and shown != total:  # what the filter leaves of them
            self.count_label.setText(_("{shown} of {total} {plural}").format(
                shown=show_number(shown), total=show_number(total), plural=self.plural))
            return
        self.count_label.setText(f"{show_number(total)} "
                                 f"{self.noun if total == 1 else self.plural}")
        self._update_buttons()

    def _full(self) -> str:
        """Why the list takes no more rows (a plan names at most 5,000 accounts), or ""."""
        try:
            editing.check_room(self._where(), self.model.rowCount(), 1)
        except ValueError as exc:
            return said(exc)
        return ""

    def _not_added(self, why: ValueError) -> None:
        """Say in the status bar why Add or Duplicate added nothing (5,000 accounts)."""
        self.document.edit_refused.emit(_("Not added: {why}.").format(why=said(why)))

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        full = self._full()
        self.buttons["add"].setEnabled(not full)
        self.buttons["duplicate"].setEnabled(has and not full)
        self.buttons["delete"].setEnabled(has)
        for key, tip in (("add", self._add_tip), ("duplicate", self._duplicate_tip)):
            self.buttons[key].setToolTip(sentence_start(full) + "." if full else tip)
        sorted_by = self.sort_column >= 0
        for key, move in (("up", _("Move up (Alt+Up)")), ("down", _("Move down (Alt+Down)"))):
            self.buttons[key].setEnabled(has and not sorted_by)
            self.buttons[key].setToolTip(
                _("Sorted by {header}: click that header until the plan's order is back to move "
                  "rows").format(header=self.source.columns[self.sort_column].header)
                if sorted_by else move)

    # --- like a spreadsheet --------------------------------------------------------------------
    def _sort_by_header(self, column: int) -> None:
        """Ascending, then descending, then the plan's own order (the order reps work in)."""
        commit_open_editor(self.table)
        header = self.table.horizontalHeader()
        if column != self.sort_column:
            self.sort_column, self.sort_order = column, Qt.SortOrder.AscendingOrder
        elif self.sort_order == Qt.SortOrder.AscendingOrder:
            self.sort_order = Qt.SortOrder.DescendingOrder
        else:  # the plan's order ("descending" by column -1 would be the plan's order reversed)
            self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self.proxy.sort(self.sort_column, self.sort_order)
        header.setSortIndicatorShown(self.sort_column >= 0)
        if self.sort_column >= 0:
            header.setSortIndicator(self.sort_column, self.sort_order)
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)
        self._update_buttons()

    def add_bulk_action(self, title: str, choices: Callable[[], list[tuple[str, Any]]],
                        apply: Callable[[list[str], Any], None]) -> None:
        """An edit of every selected row at once, offered in the table's context menu."""
        self.bulk_actions.append(BulkAction(title, choices, apply))

    def _context_menu(self, pos) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The table's context menu for the rows selected now."""
        commit_open_editor(self.table)
        ids = self.selected_ids()
        n = len(ids)
        rows = f"{n} {self.noun if n == 1 else self.plural}"
        menu = QMenu(self.table)
        for column in self.source.columns:
            if column.kind == "choice" and n:
                sub = menu.addMenu(_("Set {lower} of {rows}").format(
                    lower=in_sentence(column.header), rows=rows))
                for label, value in column.choices:
                    sub.addAction(label).triggered.connect(
                        lambda _=False, c=column, v=value, i=ids: self.set_column(i, c, v))
        for action in self.bulk_actions:
            if n:
                sub = menu.addMenu(f"{action.title}: {rows}")
                for label, value in action.choices():
                    sub.addAction(label).triggered.connect(
                        lambda _=False, a=action, v=value, i=ids: a.apply(i, v))
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(self.copy_action)
        self.copy_action.setEnabled(bool(n))
        for own in self.menu_actions:
            menu.addAction(own)
        return menu

    def add_menu_action(self, text: str, shortcut: QKeySequence.StandardKey | None,
                        slot: Callable[[], None]) -> QAction:
        """An action of this list in the table's context menu (with a shortcut while the table
        has the focus)."""
        action = QAction(text, self.table)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        self.menu_actions.append(action)
        return action

    def set_column(self, ids: list[str], column: Column, value: Any) -> None:
        """Set one column of the rows ``ids`` to ``value`` in one undo step."""
        rows = {item_id: row for row, item_id in
                enumerate(getattr(item, "id", None) for item in self.source.items())}
        paths = [self.source.path(rows[i]) + (column.field,) for i in ids if i in rows]
        label = next((t for t, v in column.choices if v == value), str(value))
        n = len(paths)
        self.document.set_values([(path, value) for path in paths],
                                 _("{lower} {label} for {n} {value}").format(
                                     lower=in_sentence(column.header), label=label, n=n,
                                     value=self.noun if n == 1 else self.plural))

    def copy_rows(self) -> None:
        """The selected rows (in the order shown) as tab-separated text with a header line, as
        spreadsheets copy and paste."""
        commit_open_editor(self.table)
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        if not rows:
            return
        columns = range(self.proxy.columnCount())
        lines = ["\t".join(self.source.columns[c].header for c in columns)]
        for row in rows:
            cells = (str(self.proxy.index(row, c).data() or "") for c in columns)
            lines.append("\t".join(" ".join(cell.split()) for cell in cells))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    # --- actions -------------------------------------------------------------------------------
    def _where(self) -> tuple:
        return self.source.where()

    def add(self) -> None:
        commit_open_editor(self.table)
        self.filter.clear()
        row = self.proxy.mapToSource(self.table.currentIndex()).row()  # in the plan's order
        index = row + 1 if row >= 0 else None
        try:
            editing.check_room(self._where(), self.model.rowCount(), 1)
            added = self.document.insert_item(self._where(), index, self.new_item(),
                                              _("Add {noun}").format(noun=self.noun))
        except ValueError as exc:  # a list at its most (5,000 accounts): nothing added
            self._not_added(exc)
            return
        if isinstance(getattr(added, "id", None), str):
            self.item_added.emit(added.id)
        self.table.setFocus()  # the new row is the current one (see _rows_inserted)
        first = self.table.currentIndex().siblingAtColumn(0)
        if first.isValid():
            self.table.edit(first)

    def duplicate(self) -> None:
        commit_open_editor(self.table)
        item_id = self.current_id()
        if item_id:
            try:
                editing.check_room(self._where(), self.model.rowCount(), 1)
                self.document.duplicate_item(self.source.section, item_id,
                                             _("Duplicate {noun}").format(noun=self.noun))
            except ValueError as exc:  # a list at its most (5,000 accounts): nothing added
                self._not_added(exc)

    def delete(self) -> None:
        commit_open_editor(self.table)
        ids = set(self.selected_ids())
        if not ids:
            return
        every = self.document.section_ids(self.source.section)
        rows = [row for row, item_id in enumerate(every) if item_id in ids]
        kept = [item_id for item_id in every if item_id not in ids]
        after = next((i for i in every[rows[0]:] if i not in ids), kept[-1] if kept else None)
        count = len(rows)
        self.document.remove_items(self._where(), rows,
                                   _("Delete {count} {value}").format(
                                       count=count, value=self.noun if count == 1 else self.plural))
        if after is not None:
            self.select_id(after)  # the row that takes the place of the first deleted one

    def move(self, delta: int) -> None:
        """The rows selected one place up or down, together (the current one if none is)."""
        commit_open_editor(self.table)
        item_id = self.current_id()
        moving = [i for i in self.selected_ids() if i]
        if not item_id or not moving:
            return
        row_of = {getattr(item, "id", None): row
                  for row, item in enumerate(self.document.items(self._where()))}
        rows = [row_of[i] for i in moving if i in row_of]
        shown = None  # a filter on: the rows it shows, one place among them
        if self.proxy.rowCount() != self.model.rowCount():
            shown = [self.proxy.mapToSource(self.proxy.index(row, 0)).row()
                     for row in range(self.proxy.rowCount())]
        self.document.move_items(self._where(), rows, delta, _("Move {count} {value}").format(
            count=len(rows), value=self.plural) if len(rows) > 1 else
            _("Move {noun}").format(noun=self.noun), among=shown)
        self.select_ids(moving, current=item_id)

    def select_ids(self, item_ids: list[str], current: str) -> None:
        """Select the rows of ``item_ids``, ``current`` the current one (moved rows stay
        selected)."""
        chosen = set(item_ids)
        if current in chosen:
            self.select_id(current)
        else:  # the current row was taken out of the selection (Ctrl+click): it stays out
            index = self._shown_index(current)
            flags = QItemSelectionModel.SelectionFlag.Clear
            self.table.selectionModel().setCurrentIndex(index, flags)
        shown = [self.proxy.mapFromSource(self.model.index(row, 0)).row()
                 for row, item in enumerate(self.model.source.items())
                 if getattr(item, "id", None) in chosen]
        selection = QItemSelection()  # a range a run of rows: 5,000 ranges of one row were slow
        for first, last in editing.runs(row for row in shown if row >= 0):
            selection.select(self.proxy.index(first, 0), self.proxy.index(last, 0))
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.Select
            | QItemSelectionModel.SelectionFlag.Rows)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.delete()
            return
        super().keyPressEvent(event)
