"""The open plan: one Plan, its undo stack, and the signals views listen to.

Every change goes through a QUndoCommand (see ``ui/commands.py``):
- a field edit changes one value in place and emits ``field_changed``;
- a structural edit (add, remove, reorder, import) replaces whole sections of the plan with a
  validated copy and emits ``sections_replaced``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from prospector.editing import FieldPath as Path
from prospector.editing import get_value, resolve, with_value
from prospector.model import Plan
from prospector.planfile import plan_to_document

SECTIONS = ("basics", "ideal_client_profile", "accounts", "personas", "touches",
            "differentiators", "cadences", "accountability", "reps")

__all__ = ["SECTIONS", "Path", "PlanDocument", "get_value", "resolve"]


class PlanDocument(QObject):
    """The plan being edited. Views read ``plan``; they change it only through the methods here."""

    field_changed = Signal(tuple)          # path
    sections_replaced = Signal(object)     # frozenset of section names
    plan_replaced = Signal()               # a different plan was opened
    changed = Signal()                     # anything changed (for autosave, preview, coach)
    edit_refused = Signal(str)             # why a value was not accepted, in plain words

    def __init__(self, plan: Plan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)

    # --- opening -------------------------------------------------------------------------------
    def open_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.undo_stack.clear()
        self.plan_replaced.emit()

    # --- edits (each one undoable) -------------------------------------------------------------
    def set_value(self, path: Path, value: Any, text: str | None = None) -> bool:
        """Change one field; typing in the same field merges into one undo step.

        Returns False (and changes nothing) when the value is refused by validation."""
        from ui.commands import SetValueCommand  # noqa: PLC0415 - avoid an import cycle

        old = get_value(self.plan, path)
        if old == value:
            return True
        try:
            with_value(self.plan, path, value)  # the field's rules and the whole plan's
        except ValueError as exc:
            self.edit_refused.emit(_refusal(path, exc))
            return False
        stack = self.undo_stack
        top = stack.command(stack.count() - 1) if stack.index() == stack.count() else None
        if (isinstance(top, SetValueCommand) and not stack.isClean()
                and top.absorb(path, value)):  # the same burst of typing: one undo step
            self._apply_value(path, value)
        else:
            stack.push(SetValueCommand(self, path, old, value, text))
        return True

    def replace_sections(self, sections: dict[str, Any], text: str) -> None:
        """Replace whole sections (as plan-file data) in one undoable step.

        Raises ValueError (nothing changed) if the result would not be a valid plan."""
        from ui.commands import ReplaceSectionsCommand  # noqa: PLC0415

        before = {name: self.section_data(name) for name in sections}
        _validated(self.plan, sections)  # refuse before anything is pushed
        self.undo_stack.push(ReplaceSectionsCommand(self, before, sections, text))

    def section_ids(self, section: str) -> list[str]:
        return [item.id for item in getattr(self.plan, section)]

    def section_data(self, name: str) -> Any:
        return plan_to_document(self.plan)[name] if name in SECTIONS else None

    # --- used by the commands ------------------------------------------------------------------
    def _apply_value(self, path: Path, value: Any) -> None:
        owner, field = resolve(self.plan, path)
        setattr(owner, field, value)
        self.field_changed.emit(tuple(path))
        self.changed.emit()

    def _apply_sections(self, sections: dict[str, Any]) -> None:
        self.plan = _validated(self.plan, sections)
        self.sections_replaced.emit(frozenset(sections))
        self.changed.emit()


def _validated(plan: Plan, sections: dict[str, Any]) -> Plan:
    doc = plan_to_document(plan)
    doc.update(sections)
    return Plan.model_validate(doc)


def _refusal(path: Path, error: ValueError) -> str:
    """``Email: is not an email address (expected name@company.com)``"""
    from pydantic import ValidationError  # noqa: PLC0415

    from prospector.errors import describe_validation_error  # noqa: PLC0415

    field = str(path[-1]).replace("_", " ").capitalize()
    whole_plan = False  # the value is fine alone, but the plan would not hold together
    if isinstance(error, ValidationError):
        whole_plan = not error.errors()[0]["loc"]
        detail = describe_validation_error(error, limit=1)
        detail = detail.split(": ", 1)[1] if ": " in detail else detail
    else:
        detail = str(error)
    return f"{field}{': ' if whole_plan else ' '}{detail} — the previous value is kept."
