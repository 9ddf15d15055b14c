"""Undoable edits of the open plan. Each redo()/undo() calls one PlanDocument method."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ui.document import Path, PlanDocument

_MERGE_ID = 7301


def _describe(path: tuple) -> str:
    field = str(path[-1]).replace("_", " ")
    return f"Edit {field}"


class SetValueCommand(QUndoCommand):
    """One field changed. Successive edits of the same text field merge (one undo per burst)."""

    def __init__(self, document: PlanDocument, path: Path, old: Any, new: Any,
                 text: str | None = None) -> None:
        super().__init__(text or _describe(path))
        self.document, self.path, self.old, self.new = document, tuple(path), old, new

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if isinstance(self.new, str) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetValueCommand) or other.path != self.path:
            return False
        self.new = other.new
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
