"""Undoable edits of the open plan. Each redo()/undo() calls one public ``PlanDocument.apply_*``
method, and each command holds only what its edit changes (the items it inserts or removes and
the references it clears, the two values of a field), never a copy of a section, except
``ReplaceSectionsCommand``, the edit that replaces whole sections (an import, a merge).

This module imports the document only for type hints: ``ui/document.py`` creates the commands.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from ui.field_names import field_word
from ui.language import _

if TYPE_CHECKING:
    from prospector.editing import ListPath, Reference
    from prospector.model import Part
    from ui.document import Path, PlanDocument


def _describe(path: tuple) -> str:
    return _("Edit {field}").format(field=field_word(str(path[-1])))


def _path_while(path: tuple, value: Any) -> tuple:
    """A field's path while it holds ``value``: an item is found by the id it has now, so when
    the edit is of that id, ``("accounts", "acc-3", "id")`` is ``("accounts", "acc-new", "id")``
    once renamed."""
    if len(path) >= 2 and path[-1] == "id" and isinstance(value, str):
        return (*path[:-2], value, "id")
    return path


class PlanCommand(QUndoCommand):
    """An edit of ``document``'s plan, held on its undo stack. The document is held weakly: the
    document holds its undo stack and the stack its commands, so a command holding the document
    made a cycle, which Python's garbage collector broke by freeing a command the stack then
    deleted again (a crash in a full collection after a plan was opened). Without the cycle a
    document, its stack and its commands go when the document is let go."""

    def __init__(self, document: PlanDocument, text: str) -> None:
        super().__init__(text)
        self.document_ref = weakref.ref(document)

    @property
    def document(self) -> PlanDocument:
        document = self.document_ref()
        if document is None:  # only its own document's stack holds a command, and calls it
            raise RuntimeError("an undo step outlived its plan")
        return document


class SetValueCommand(PlanCommand):
    """One field changed. Typing in one text field is one undo step: ``PlanDocument.set_value``
    folds the next keystroke into the command on top (see ``absorb``).

    Not Qt's own ``id``/``mergeWith``: with PySide6 6.11 the Python side of every command Qt
    merges and deletes stays alive, 5,000 keystrokes kept 5,000 commands and their values."""

    def __init__(self, document: PlanDocument, path: Path, old: Any, new: Any,
                 text: str | None = None, typed: bool = False) -> None:
        super().__init__(document, text or _describe(path))
        self.path, self.old, self.new = tuple(path), old, new
        self.typed = typed  # a list typed in a box, one item a line (as a text is typed)
        self.closed = False  # the field was left: typing there again is an undo step of its own

    def absorb(self, path: Path, value: Any, typed: bool = False) -> bool:
        """Take ``value`` as this command's result if it continues typing in the same field:
        a text, or a list typed one item a line (each keystroke was an undo step of its own
        there: "Plastics" took eight Ctrl+Z)."""
        if tuple(path) != self.path or self.closed:
            return False
        if not (isinstance(self.new, str) and isinstance(value, str)
                or typed and self.typed and isinstance(value, list)):
            return False
        self.new = value
        return True

    def redo(self) -> None:
        self.document.apply_value(_path_while(self.path, self.old), self.new)

    def undo(self) -> None:
        self.document.apply_value(_path_while(self.path, self.new), self.old)


class SetValuesCommand(PlanCommand):
    """Several fields changed together (a bulk edit): holds each field's path and two values."""

    def __init__(self, document: PlanDocument, edits: tuple[tuple[Path, Any, Any], ...],
                 text: str, shown: Path | None = None) -> None:
        super().__init__(document, text)
        self.edits = edits
        # where undo and redo take the leader: the first field, or what the edit was made on
        # (the accounts given to a rep, not the rep)
        self.path = tuple(shown) if shown else tuple(edits[0][0])

    def redo(self) -> None:
        self.document.apply_values([(path, new) for path, _old, new in self.edits])

    def undo(self) -> None:
        self.document.apply_values([(path, old) for path, old, _new in self.edits])


class InsertItemsCommand(PlanCommand):
    """Items inserted into one list of the plan: holds those items and where they go."""

    def __init__(self, document: PlanDocument, path: ListPath, index: int, items: list[Part],
                 text: str) -> None:
        super().__init__(document, text)
        self.path = tuple(path)
        self.items = tuple((index + k, item) for k, item in enumerate(items))

    def redo(self) -> None:
        self.document.apply_restore(self.path, self.items, ())

    def undo(self) -> None:
        self.document.apply_remove(self.path, self.items, ())


class RemoveItemsCommand(PlanCommand):
    """Items removed from one list, and the references to them cleared in the same step: holds
    the removed items with their indexes and each cleared reference (path, before, after)."""

    def __init__(self, document: PlanDocument, path: ListPath, items: tuple[tuple[int, Part], ...],
                 references: tuple[Reference, ...], text: str) -> None:
        super().__init__(document, text)
        self.path = tuple(path)
        self.items, self.references = items, references

    def redo(self) -> None:
        self.document.apply_remove(self.path, self.items, self.references)

    def undo(self) -> None:
        self.document.apply_restore(self.path, self.items, self.references)


class MoveItemCommand(PlanCommand):
    """One item moved within its list (``keep``: the field each position keeps, e.g. a cadence
    step's day). Holds two indexes."""

    def __init__(self, document: PlanDocument, path: ListPath, source: int, target: int,
                 keep: str | None, text: str) -> None:
        super().__init__(document, text)
        self.path = tuple(path)
        self.source, self.target, self.keep = source, target, keep

    def redo(self) -> None:
        self.document.apply_move(self.path, self.source, self.target, self.keep)

    def undo(self) -> None:
        self.document.apply_move(self.path, self.target, self.source, self.keep)


class ReplaceSectionsCommand(PlanCommand):
    """Whole sections replaced (an import, a merge): the sections before and after, as the plan
    held them (no copies: the parts themselves)."""

    def __init__(self, document: PlanDocument, before: dict[str, Any], after: dict[str, Any],
                 text: str) -> None:
        super().__init__(document, text)
        self.before, self.after = before, after

    def redo(self) -> None:
        self.document.apply_sections(self.after)

    def undo(self) -> None:
        self.document.apply_sections(self.before)
