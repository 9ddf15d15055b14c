"""Undoable edits of the open plan. Each redo()/undo() calls one PlanDocument method."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ui.document import Path, PlanDocument

def _describe(path: tuple) -> str:
    field = str(path[-1]).replace("_", " ")
    return f"Edit {field}"


class SetValueCommand(QUndoCommand):
    """One field changed. Typing in one text field is one undo step: ``PlanDocument.set_value``
    folds the next keystroke into the command on top (see ``absorb``).

    Not Qt's own ``id``/``mergeWith``: with PySide6 6.11 the Python side of every command Qt
    merges and deletes stays alive, 5,000 keystrokes kept 5,000 commands and their values."""

    def __init__(self, document: PlanDocument, path: Path, old: Any, new: Any,
                 text: str | None = None) -> None:
        super().__init__(text or _describe(path))
        self.document, self.path, self.old, self.new = document, tuple(path), old, new

    def absorb(self, path: Path, value: Any) -> bool:
        """Take ``value`` as this command's result if it continues typing in the same field."""
        if tuple(path) != self.path or not isinstance(self.new, str) or not isinstance(value, str):
            return False
        self.new = value
        return True

    def redo(self) -> None:
        self.document._apply_value(self.path, self.new)

    def undo(self) -> None:
        self.document._apply_value(self.path, self.old)


class ReplaceSectionsCommand(QUndoCommand):
    """A structural edit: whole sections before and after (add, remove, reorder, import)."""

    def __init__(self, document: PlanDocument, before: dict[str, Any], after: dict[str, Any],
                 text: str) -> None:
        super().__init__(text)
        self.document, self.before, self.after = document, before, after

    def redo(self) -> None:
        self.document._apply_sections(self.after)

    def undo(self) -> None:
        self.document._apply_sections(self.before)
