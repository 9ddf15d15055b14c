"""Editors bound to one field of the open plan: they show its value, and every edit they make is
an undoable ``PlanDocument.set_value``. When the field changes elsewhere (undo, another view) they
follow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ui.document import Path, PlanDocument, get_value
from ui.language import _
from ui.widgets.date_field import DateField


def changed_at(before: str, after: str) -> int:
    """Where the caret goes when a field's text becomes ``after`` (an undo, a redo): the end of
    what changed, in ``after``. ``setPlainText`` put it at the start, so the next key typed
    after Ctrl+Z went before the first word."""
    start = 0
    most = min(len(before), len(after))
    while start < most and before[start] == after[start]:
        start += 1
    end = 0
    while end < most - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return len(after) - end


class Binding:
    """Glue between one editor widget and one plan field (the path can change: ``rebind``)."""

    def __init__(self, document: PlanDocument, widget: QWidget, path: Path | None,
                 label: str) -> None:
        self.document, self.widget, self.path = document, widget, path
        widget.setAccessibleName(label)
        document.field_changed.connect(self._on_field_changed)
        document.sections_replaced.connect(lambda _s: self.refresh())
        document.plan_replaced.connect(self.refresh)

    def rebind(self, path: Path | None) -> None:
        self.path = path
        self.refresh()

    def refresh(self) -> None:
        try:
            value = get_value(self.document.plan, self.path) if self.path else None
        except (LookupError, AttributeError):  # the item was removed
            self.path, value = None, None
        self.widget.setEnabled(self.path is not None)
        with QSignalBlocker(self.widget):
            self.show(value)

    @property
    def typed_list(self) -> bool:
        """A list typed one item a line (``TextBinding``): its keystrokes merge into one undo
        step, as a text's do."""
        return False

    def commit(self, value: Any) -> None:
        if self.path is None:
            return
        if not self.document.set_value(self.path, value, typed=self.typed_list):
            self._set_invalid(True)
            self.widget.setToolTip(_("This value is not accepted; the previous one is kept."))
            if not self.widget.hasFocus():
                self.refresh()
            # while the field has the focus its text stays as typed, so a value can pass
            # through a refused state ("" on the way to a new name, "#0" on the way to
            # "#003366"); the plan keeps the last accepted value, and leaving the field shows it
        else:
            self._mark_valid()

    def _mark_valid(self) -> None:
        if self.widget.property("invalid"):
            self._set_invalid(False)
            self.widget.setToolTip("")

    def _set_invalid(self, invalid: bool) -> None:
        """The red frame of a refused value (the style sheet reads the property when polished)."""
        if bool(self.widget.property("invalid")) != invalid:
            self.widget.setProperty("invalid", invalid)
            self.widget.style().unpolish(self.widget)
            self.widget.style().polish(self.widget)

    def _left(self) -> None:
        """The user left the field: a refused text gives way to the plan's value."""
        if self.widget.property("invalid"):
            self._mark_valid()
            self.refresh()

    def _on_field_changed(self, path: tuple) -> None:
        if self.path is not None and tuple(path) == tuple(self.path):
            with QSignalBlocker(self.widget):
                self.show(get_value(self.document.plan, self.path))

    def show(self, value: Any) -> None:  # overridden
        raise NotImplementedError


class _PlanUndo(QObject):
    """Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) in a field undo and redo the plan, as everywhere
    else: a field's own undo ran first, then the keys did nothing while the toolbar still
    offered to undo something out of sight. Every keystroke is already one undoable edit."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()  # not the field's: the window's Undo and Redo take the keys
            return True
        return False


PLAN_UNDO = _PlanUndo()


class LineBinding(Binding):
    widget: QLineEdit

    def __init__(self, document, path, label, placeholder="", widget=None):
        widget = widget or QLineEdit()
        widget.setPlaceholderText(placeholder)
        widget.installEventFilter(PLAN_UNDO)
        super().__init__(document, widget, path, label)
        widget.textEdited.connect(self.commit)
        widget.editingFinished.connect(self._left)
        self.refresh()

    def show(self, value):
        current = self.widget.text()
        if current.strip() != (value or ""):
            self.widget.setText(value or "")
            if not self.widget.hasFocus():
                self.widget.setCursorPosition(0)  # a long text shows its start, not its end
            else:  # an undo while typing: the caret where the text changed, not at its end
                self.widget.setCursorPosition(changed_at(current, value or ""))

    def _left(self) -> None:
        super()._left()
        if not self.widget.hasFocus():  # left by Tab or a click elsewhere, not by Enter
            self.widget.setCursorPosition(0)


class TextBinding(Binding):
    """Multi-line text; ``as_list`` edits a list of short texts, one per line."""

    def __init__(self, document, path, label, placeholder="", as_list=False, lines=3,
                 grows=False):
        """``lines`` tall; ``grows``: at least that, and taller when its form has room."""
        widget = QPlainTextEdit()
        widget.setPlaceholderText(placeholder)
        widget.setTabChangesFocus(True)
        widget.setUndoRedoEnabled(False)  # the plan's undo, not the field's (PLAN_UNDO)
        widget.installEventFilter(PLAN_UNDO)
        height = widget.fontMetrics().lineSpacing() * lines + 14
        if grows:
            widget.setMinimumHeight(height)
        else:
            widget.setFixedHeight(height)
        self.as_list = as_list
        super().__init__(document, widget, path, label)
        widget.textChanged.connect(self._edited)
        self.refresh()

    @property
    def typed_list(self) -> bool:
        return self.as_list

    def _edited(self):
        text = self.widget.toPlainText()
        if self.as_list:
            self.commit([line.strip() for line in text.splitlines() if line.strip()])
        else:
            self.commit(text)

    def show(self, value):
        text = "\n".join(value) if self.as_list and value else (value or "")
        current = self.widget.toPlainText()
        if self.as_list:
            same = [x.strip() for x in current.splitlines() if x.strip()] == (value or [])
        else:
            same = current.strip() == text.strip()
        if not same:  # an undo, a redo, another window's change: the caret stays in place
            at = changed_at(current, text)
            self.widget.setPlainText(text)
            cursor = self.widget.textCursor()
            cursor.setPosition(at)
            self.widget.setTextCursor(cursor)


class ChoiceBinding(Binding):
    def __init__(self, document, path, label, choices: list[tuple[str, Any]]):
        widget = ScrollSafeComboBox()
        for text, value in choices:
            widget.addItem(text, value)
        super().__init__(document, widget, path, label)
        widget.activated.connect(lambda i: self.commit(widget.itemData(i)))
        self.refresh()

    def show(self, value):
        index = self.widget.findData(value)
        self.widget.setCurrentIndex(max(index, 0))


class NumberBinding(Binding):
    def __init__(self, document, path, label, minimum=0, maximum=100000, suffix="",
                 decimals=False):
        widget = QDoubleSpinBox() if decimals else QSpinBox()
        widget.setRange(minimum, maximum)
        widget.setSuffix(suffix)
        widget.setKeyboardTracking(False)
        super().__init__(document, widget, path, label)
        widget.valueChanged.connect(self.commit)
        self.refresh()

    def show(self, value):
        self.widget.setValue(value or 0)


class DateBinding(Binding):
    """A date that may be unset (``ui/widgets/date_field.py``): typed in the user's format or as
    ISO, picked from a calendar opening on ``near`` (e.g. the plan's start), or cleared."""

    widget: DateField

    def __init__(self, document, path, label, near: Callable[[], date | None] | None = None):
        widget = DateField(near or (lambda: document.plan.basics.start_date))
        super().__init__(document, widget, path, label)
        widget.line.setAccessibleName(label)
        widget.edited.connect(self.commit)
        widget.refused.connect(self._refused)
        self.refresh()

    def _refused(self, reason: str) -> None:
        self._set_invalid(True)
        self.widget.line.setToolTip(reason)
        self.document.edit_refused.emit(f"{self.widget.accessibleName()}: {reason}.")

    def _set_invalid(self, invalid: bool) -> None:
        """The red frame goes on the text of the date (the style sheet frames line edits)."""
        line = self.widget.line
        if bool(line.property("invalid")) != invalid:
            line.setProperty("invalid", invalid)
            line.style().unpolish(line)
            line.style().polish(line)
        self.widget.setProperty("invalid", invalid)

    def show(self, value):
        self._mark_valid()
        self.widget.set_value(value)


class IdChecklistBinding(Binding):
    """A list of ids chosen from the items of another section (e.g. the personas a touch serves)."""

    def __init__(self, document, path, label, options: Callable[[], list[tuple[str, str]]],
                 max_height: int = 130, follows: str | None = None):
        widget = QListWidget()
        widget.setMaximumHeight(max_height)
        self.options = options
        super().__init__(document, widget, path, label)
        widget.itemChanged.connect(self._edited)
        if follows:  # the items of that section renamed: their names show at once
            document.field_changed.connect(
                lambda changed: self.refresh() if self.path and changed[0] == follows else None)
        self.refresh()

    def _edited(self, _item):
        chosen = [self.widget.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.widget.count())
                  if self.widget.item(i).checkState() == Qt.CheckState.Checked]
        self.commit(chosen)

    def show(self, value):
        chosen = set(value or [])
        self.widget.clear()
        for item_id, text in self.options():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in chosen
                               else Qt.CheckState.Unchecked)
            self.widget.addItem(item)


class ScrollSafeComboBox(QComboBox):
    """A drop-down the mouse wheel never changes: scrolling a form over it scrolls the form, and
    a choice changes only by a click in its list or the keyboard."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:
        event.ignore()  # to the form's scroll area


class IdChoiceBinding(Binding):
    """One id chosen from the items of another section, or none (e.g. the differentiator that
    proves an objection's response). The choices follow that section: items added, renamed,
    moved or removed show at once."""

    widget: QComboBox

    def __init__(self, document, path, label, options: Callable[[], list[tuple[str, str]]],
                 follows: str, none_text: str = "None", nothing_yet: str | None = None):
        widget = ScrollSafeComboBox()
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        widget.setMinimumContentsLength(20)  # long labels never widen the form
        self.options, self.follows, self.none_text = options, follows, none_text
        self.nothing_yet = nothing_yet or none_text  # shown while that section is empty
        super().__init__(document, widget, path, label)
        widget.activated.connect(lambda i: self.commit(widget.itemData(i)))
        document.field_changed.connect(self._on_other_changed)
        for signal in (document.items_inserted, document.items_removed, document.item_moved):
            signal.connect(self._on_other_changed)
        self.refresh()

    def _on_other_changed(self, path, *_args) -> None:
        if self.path is not None and path and path[0] == self.follows:
            self.refresh()

    def show(self, value):
        self.widget.clear()
        options = self.options()
        self.widget.addItem(self.none_text if options else self.nothing_yet, None)
        for item_id, text in options:
            short = text if len(text) <= 90 else text[:89] + "…"
            self.widget.addItem(short, item_id)
            self.widget.setItemData(self.widget.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        index = self.widget.findData(value) if value is not None else 0
        self.widget.setCurrentIndex(max(index, 0))
        self.widget.setToolTip(self.widget.itemData(self.widget.currentIndex(),
                                                    Qt.ItemDataRole.ToolTipRole) or "")
