"""The open plan: one Plan, its undo stack, and the signals views listen to.

Edits (each one undoable, each checked once before anything changes):

- ``set_value(path, value)``: one field;
- ``insert_items(list_path, index, items)`` / ``insert_item``, ``duplicate_item``,
  ``remove_items(list_path, indexes)`` (which also clears the references to what it removes, in
  the same undo step), ``move_item(list_path, source, target)``: rows of one list, top-level
  (``("accounts",)``) or nested (``("accounts", "acc-01", "contacts")``, ``("cadences", "cad-1",
  "steps")``, ``("accountability", "targets")``);
- ``replace_sections(sections)``: whole sections (an import, a merge);
- ``set_actuals(actuals)``: what the reps did (an import of a CRM export, a figure by hand).

Each edit pushes a command of ``ui/commands.py``, which calls one ``apply_*`` method here in
redo() and undo(). The ``apply_*`` methods change the plan in place without checking it (the
edit was checked when it was made) and emit fine-grained signals: a table model turns
``items_about_to_be_inserted``/``items_inserted`` into ``beginInsertRows``/``endInsertRows``
(likewise removed and moved), never a reset; only ``sections_replaced`` and ``plan_replaced``
mean "read everything again".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from prospector import editing
from prospector.actuals.ledger import Actuals
from prospector.editing import FieldPath as Path
from prospector.editing import ListPath, Reference, get_value, resolve, with_value
from prospector.errors import problem_of
from prospector.fields import within_name_limit
from prospector.model import Part, Plan
from prospector.sections import SECTIONS as PLAN_SECTIONS
from prospector.store.unsaved_edits import UnsavedEdits
from ui.commands import (
    InsertItemsCommand,
    MoveItemCommand,
    RemoveItemsCommand,
    ReplaceSectionsCommand,
    SetValueCommand,
    SetValuesCommand,
)
from ui.field_names import describe_edit, field_word
from ui.language import N_, _, in_plan_language, said, sentence_start

SECTIONS = tuple(section.key for section in PLAN_SECTIONS)  # as prospector/sections.py declares
# Rows moved together (▲▼ on a selection): up to this many runs of neighbouring rows move one
# by one (the table keeps its rows and scroll), more as the list put in its new order at once.
MOVES_ONE_BY_ONE = 8

__all__ = ["SECTIONS", "ListPath", "Path", "PlanDocument", "get_value", "resolve"]


class PlanDocument(QObject):
    """The plan being edited. Views read ``plan``; they change it only through the methods here."""

    field_changed = Signal(tuple)          # path of the one value that changed
    fields_changed = Signal(object)        # tuple of paths: values one structural edit changed
    items_about_to_be_inserted = Signal(object, int, int)  # list path, first, last
    items_inserted = Signal(object, int, int)
    items_about_to_be_removed = Signal(object, int, int)   # list path, first, last
    items_removed = Signal(object, int, int)
    item_about_to_move = Signal(object, int, int)          # list path, source, target (after)
    item_moved = Signal(object, int, int)
    sections_replaced = Signal(object)     # frozenset of section names: read them again
    plan_replaced = Signal()               # a different plan was opened
    changed = Signal()                     # anything changed (for autosave, preview, coach)
    edit_refused = Signal(str)             # why a value was not accepted, in plain words
    edit_noticed = Signal(str)             # an edit changed more than the field edited: what

    def __init__(self, plan: Plan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan.model_copy(deep=True)  # edits change it in place: our own copy
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        # the leader left a field (or came back to it): what is typed next is an undo step of
        # its own. The application's signal, not an event filter on each field: a filter was
        # called while a focused field was being destroyed, and touched it.
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.end_typing)
        # each value set is also written to this file at once (prospector/store/unsaved_edits.py)
        self.unsaved: UnsavedEdits | None = None

    # --- opening -------------------------------------------------------------------------------
    def open_plan(self, plan: Plan) -> None:
        self.plan = plan.model_copy(deep=True)
        self.undo_stack.clear()
        self.plan_replaced.emit()

    # --- reading -------------------------------------------------------------------------------
    def items(self, path: ListPath) -> list:
        """The list at ``path`` (read it; change it only through the edits here)."""
        return editing.items_at(self.plan, tuple(path))

    def section_ids(self, section: str) -> list[str]:
        return [item.id for item in getattr(self.plan, section)]

    # --- edits (each one undoable) -------------------------------------------------------------
    def set_value(self, path: Path, value: Any, text: str | None = None, *,
                  typed: bool = False) -> bool:
        """Change one field; typing in the same field merges into one undo step (``typed``: a
        list typed in a box, one item a line, merges as a text does).

        Returns False (and changes nothing) when the value is refused by validation."""
        old = get_value(self.plan, path)
        if old == value:
            return True
        try:
            after = with_value(self.plan, path, value)  # the field's rules and the whole plan's
        except ValueError as exc:
            self.edit_refused.emit(_refusal(path, exc))
            return False
        # named as the plan will read: renaming "New account" is "name of Region Skåne"
        text = text or describe_edit(after, path)
        stack = self.undo_stack
        top = self._last_done()
        if (isinstance(top, SetValueCommand) and not stack.isClean()
                and top.absorb(path, value, typed)):  # the same burst of typing: one undo step
            top.setText(text)
            self.apply_value(path, value)
        else:
            stack.push(SetValueCommand(self, path, old, value, text, typed))
        return True

    def end_typing(self, *_focus: object) -> None:
        """The leader left the field being typed in: what is typed there next is an undo step
        of its own (a word typed, the field left and come back to, a word more: one Ctrl+Z
        took both)."""
        top = self._last_done()
        if isinstance(top, SetValueCommand):
            top.closed = True

    def _last_done(self) -> QUndoCommand | None:
        """The edit on top of the undo stack, None when it was undone (or there is none)."""
        stack = self.undo_stack
        return stack.command(stack.count() - 1) if stack.index() == stack.count() else None

    def set_values(self, changes: Sequence[tuple[Path, Any]], text: str,
                   shown: Path | None = None) -> bool:
        """Change several fields as one undo step: a tier for 300 selected accounts, the
        accounts of each rep when some change hands.

        Checked once per distinct (field, value): setting the same field of many items to the
        same value is as valid for one as for all. Returns False (and changes nothing) when a
        value is refused. ``shown``: where undo and redo go (else the first field changed)."""
        changes = [(tuple(path), value) for path, value in changes]
        olds = editing.get_values(self.plan, [path for path, _value in changes])
        edits = [(path, old, value) for (path, value), old in zip(changes, olds, strict=True)
                 if old != value]
        checked: list[tuple[Any, Any]] = []
        for path, _old, value in edits:
            if (path[-1], value) in checked:
                continue
            try:
                with_value(self.plan, path, value)
            except ValueError as exc:
                self.edit_refused.emit(_refusal(path, exc))
                return False
            checked.append((path[-1], value))
        if edits:
            self.undo_stack.push(SetValuesCommand(self, tuple(edits), text, shown))
        return True

    def insert_items(self, path: ListPath, index: int | None, items: Sequence[dict | Part],
                     text: str) -> list[Part]:
        """Insert ``items`` (plan-file data or parts) at ``index`` (None: at the end) of the list
        at ``path``, as one undo step; returns them as the plan holds them (with their ids).

        Checked once: each item on its own, then what can break (an id used twice, a reference
        to nothing). Raises ValueError (nothing changed) if refused."""
        path = tuple(path)
        made = editing.new_items(self.plan, path, items)
        count = len(self.items(path))
        index = count if index is None else max(0, min(index, count))
        editing.check_insert(self.plan, path, index, made)
        self.undo_stack.push(InsertItemsCommand(self, path, index, made, text))
        return made

    def insert_item(self, path: ListPath, index: int | None, item: dict | Part,
                    text: str) -> Part:
        return self.insert_items(path, index, [item], text)[0]

    def duplicate_item(self, section: str, item_id: str, text: str) -> Part:
        """A copy of the item (a new id, " (copy)" after its name, in the plan's language) right
        after it."""
        index = self.section_ids(section).index(item_id)
        data = getattr(self.plan, section)[index].model_dump(mode="json")
        copy = in_plan_language(N_("{name} (copy)"), self.plan.basics.language)
        twin = editing.copy_of(data, section, lambda name: within_name_limit(copy, name))
        return self.insert_item((section,), index + 1, twin, text)

    def remove_items(self, path: ListPath, indexes: Iterable[int], text: str) -> None:
        """Remove the items at ``indexes`` of the list at ``path`` as one undo step, with every
        reference to them (a removed persona leaves its touches, cadences and contacts)."""
        path = tuple(path)
        items = self.items(path)
        removed = tuple((i, items[i]) for i in sorted(set(indexes)))
        if not removed:
            return
        references: tuple[Reference, ...] = ()
        if len(path) == 1:
            references = tuple(editing.references_to(
                self.plan, path[0], {getattr(item, "id", None) for _i, item in removed}))
        self.undo_stack.push(RemoveItemsCommand(self, path, removed, references, text))

    def move_item(self, path: ListPath, source: int, target: int, text: str,
                  keep: str | None = None) -> None:
        """Move the item at ``source`` so that it ends at ``target``. With ``keep`` (a field),
        each position keeps its value: moving a cadence step keeps the days in rhythm."""
        path = tuple(path)
        count = len(self.items(path))
        target = max(0, min(target, count - 1))
        if source != target and 0 <= source < count:
            self.undo_stack.push(MoveItemCommand(self, path, source, target, keep, text))

    def move_items(self, path: ListPath, rows: Iterable[int], delta: int, text: str,
                   keep: str | None = None, among: Sequence[int] | None = None) -> list[int]:
        """Move the items at ``rows`` one place up (``delta`` -1) or down (+1) together, as one
        undo step (``keep`` as in ``move_item``); none moves when one of them is already first
        (last). Returns their rows after it. (▲ with three rows selected moved the current
        one only.) ``among``: the rows shown (a filter hides the others): one place among them,
        the rows hidden staying where they are (▲ swapped a row with a hidden one: nothing
        seemed to move)."""
        path = tuple(path)
        items = self.items(path)
        places = sorted(set(among)) if among is not None else list(range(len(items)))
        moving = set(rows)
        chosen = [k for k, row in enumerate(places) if row in moving]  # places' indexes
        if not chosen or not 0 <= (chosen[0] if delta < 0 else chosen[-1]) + delta < len(places):
            return [places[k] for k in chosen]
        after = [places[k + delta] for k in chosen]
        found = editing.runs(chosen)
        if len(places) < len(items) or len(found) > MOVES_ONE_BY_ONE:
            # the list in its new order at once: rows hidden stay put, and each move would
            # redraw a table and its selection (2,500 rows apart among 5,000 took 8 minutes)
            shown = editing.moved_one_place([items[row] for row in places], chosen, delta, keep)
            moved = list(items)
            for row, item in zip(places, shown, strict=True):
                moved[row] = item
            return after if self.set_value(path, moved, text) else [places[k] for k in chosen]
        # every row shown (places are rows): a run of rows one place up is the row above it
        # moved below it (down: the row below moved above), one move a run
        moves = [(first, first + delta) if first == last else
                 (first - 1, last) if delta < 0 else (last + 1, first)
                 for first, last in found]
        stack = self.undo_stack
        if len(moves) > 1:
            stack.beginMacro(text)
        try:
            for source, target in moves:
                stack.push(MoveItemCommand(self, path, source, target, keep, text))
        finally:
            if len(moves) > 1:
                stack.endMacro()
        return after

    def replace_sections(self, sections: dict[str, Any], text: str) -> None:
        """Replace whole sections (as plan-file data) in one undoable step.

        Checked once; raises ValueError (nothing changed) if the result would not be a valid
        plan."""
        after = editing.checked_sections(self.plan, sections)
        before = {name: getattr(self.plan, name) for name in after}
        self.undo_stack.push(ReplaceSectionsCommand(self, before, after, text))

    def set_actuals(self, actuals: Actuals, text: str) -> None:
        """Put ``actuals`` in place of the plan's, as one undo step: an import of a CRM export
        (``ActualsImport.actuals_after``), a figure entered in the weekly grid
        (``Actuals.with_figure``). Made and checked by ``prospector.actuals`` and
        ``prospector.actuals_import``: not validated again here (100,000 facts would hold the
        window for seconds). The plan's actuals are always replaced whole, never changed in
        place: the autosave thread reads them while the leader edits on."""
        before = {"actuals": self.plan.actuals}
        self.undo_stack.push(ReplaceSectionsCommand(self, before, {"actuals": actuals}, text))

    def typing(self, path: Path, value: Any) -> None:
        """A table's cell at ``path`` is being typed in and reads ``value``: not an edit yet
        (Enter makes it one), but kept on disk at once, as every value set is."""
        if self.unsaved is not None:
            self.unsaved.draft(path, value)

    def typing_figures(self, entered: Sequence[Any], cleared: Sequence[tuple[str, str, str]]
                       ) -> None:
        """A cell of the weekly grid is being typed in: the figure it reads, as ``typing``."""
        if self.unsaved is not None:
            self.unsaved.draft_figures(entered, cleared)

    def typing_ended(self) -> None:
        """The cell being typed in closed (its text stored, or given up)."""
        if self.unsaved is not None:
            self.unsaved.draft_ended()

    # --- applying an edit (called by the commands in ui/commands.py, unchecked) ----------------
    def apply_value(self, path: Path, value: Any) -> None:
        owner, field = resolve(self.plan, path)
        if self.unsaved is not None:
            self.unsaved.value(path, value, editing.place_label(self.plan, path))
        setattr(owner, field, value)
        self.field_changed.emit(tuple(path))
        self.changed.emit()

    def apply_values(self, values: Sequence[tuple[Path, Any]]) -> None:
        """Set each field (checked by ``set_values``) and tell the views once."""
        if self.unsaved is not None:
            for path, value in values:
                self.unsaved.value(path, value, editing.place_label(self.plan, path))
        editing.put_values(self.plan, values)
        self.fields_changed.emit(tuple(tuple(path) for path, _value in values))
        self.changed.emit()

    def apply_remove(self, path: ListPath, items: Sequence[tuple[int, Part]],
                     references: Sequence[Reference]) -> None:
        """Remove the items at their indexes (``items`` as ``(index, item)``, ascending), after
        setting each reference to its value after the edit."""
        if self.unsaved is not None:
            self.unsaved.removed(path, [(i, getattr(item, "id", None), editing.row_words(item))
                                        for i, item in items],
                                 [(p, after) for p, _before, after in references])
        if references:
            editing.put_values(self.plan, ((p, after) for p, _before, after in references))
            self.fields_changed.emit(tuple(p for p, _before, _after in references))
        for first, last in reversed(editing.runs(i for i, _item in items)):
            self.items_about_to_be_removed.emit(path, first, last)
            editing.take_from(self.plan, path, first, last)
            self.items_removed.emit(path, first, last)
        self.changed.emit()

    def apply_restore(self, path: ListPath, items: Sequence[tuple[int, Part]],
                      references: Sequence[Reference]) -> None:
        """Insert the items at their indexes (``(index, item)``, ascending), then set each
        reference to its value before the edit: what ``apply_remove`` did, undone."""
        if self.unsaved is not None:
            self.unsaved.inserted(path, items, [(p, before) for p, before, _after in references])
        at = dict(items)
        for first, last in editing.runs(at):
            self.items_about_to_be_inserted.emit(path, first, last)
            editing.insert_into(self.plan, path, first, [at[i] for i in range(first, last + 1)])
            self.items_inserted.emit(path, first, last)
        if references:
            editing.put_values(self.plan, ((p, before) for p, before, _after in references))
            self.fields_changed.emit(tuple(p for p, _before, _after in references))
        self.changed.emit()

    def apply_move(self, path: ListPath, source: int, target: int, keep: str | None) -> None:
        if self.unsaved is not None:
            self.unsaved.moved(path, source, target, keep,
                               editing.place_label(self.plan, (*path, source, "")) or "")
        self.item_about_to_move.emit(path, source, target)
        rows = editing.move_within(self.plan, path, source, target, keep)
        self.item_moved.emit(path, source, target)
        if rows:
            self.fields_changed.emit(tuple(path + (row, keep) for row in rows))
        self.changed.emit()

    def apply_sections(self, sections: dict[str, Any]) -> None:
        """Put whole (checked) sections in place of the plan's."""
        if self.unsaved is not None:
            figures = (self.plan.actuals.figures_to(sections["actuals"])
                       if sections.keys() == {"actuals"} else None)
            if figures is not None:  # a figure typed in the weekly grid (or its undo)
                self.unsaved.figures(*figures)
            elif "actuals" in sections:  # the CRM facts (100,000 of them): only named
                self.unsaved.structure(sorted(sections))
            else:  # an accounts import, a framework, a merge: whole where a line holds them
                self.unsaved.replaced(sections)
        for name, value in sections.items():
            editing.put_values(self.plan, [((name,), value)])
        self.sections_replaced.emit(frozenset(sections))
        self.changed.emit()


def _refusal(path: Path, error: ValueError) -> str:
    """``Email: is not an email address (expected name@company.com)``, in the app's language
    (``E-Mail: ist keine E-Mail-Adresse …``)."""
    word = field_word(str(path[-1]))
    field = sentence_start(word)
    whole_plan = False  # the value is fine alone, but the plan would not hold together
    if isinstance(error, ValidationError):
        whole_plan = not error.errors()[0]["loc"]
        detail = said(problem_of(error))
        if whole_plan:  # the plan's own check starts with the item's path: the field is named
            detail = detail.split(": ", 1)[-1]
    else:
        detail = said(error)
    return _("{field}{value}{detail} — the previous value is kept.").format(
        field=field, value=': ' if whole_plan else ' ', detail=detail)
