"""Table models over the lists of the open plan (accounts, personas, touches, ... cadence steps).

A model follows the document's fine-grained signals: rows inserted, removed or moved in its list
become ``beginInsertRows``/``beginRemoveRows``/``beginMoveRows`` (views keep their selection
and scroll position), changed values ``dataChanged``. It resets only when its whole section is
replaced (an import, a merge), a different plan is opened, or the list itself is replaced
(sorting the steps) or moved out from under it (its account removed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from prospector.model import Channel
from prospector.number_format import written
from prospector.textnorm import sort_key
from ui.document import PlanDocument
from ui.language import _

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 3  # a choice column's labels, for its drop-down
LONG_TEXT_ROLE = Qt.ItemDataRole.UserRole + 4  # True: a sentence or more, edited on several lines
STEP_MIME = "application/x-prospector-step-rows"
Index = QModelIndex | QPersistentModelIndex  # what Qt may pass a model

# Qt's names, looked up once: PySide6 finds a short name such as ``Qt.DisplayRole`` through a
# slow compatibility path (about 5 us each), and a view asks ``data``/``headerData``/``flags``
# thousands of times when rows come or go.
_Role, _Flag = Qt.ItemDataRole, Qt.ItemFlag
DISPLAY, EDIT, CHECK, TOOLTIP = (int(_Role.DisplayRole), int(_Role.EditRole),
                                 int(_Role.CheckStateRole), int(_Role.ToolTipRole))
_ANSWERED = frozenset({DISPLAY, EDIT, CHECK, TOOLTIP, int(SORT_ROLE), int(ID_ROLE),
                       int(CHOICES_ROLE), int(LONG_TEXT_ROLE)})
_HORIZONTAL = Qt.Orientation.Horizontal
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
_CELL = (_Flag.ItemIsSelectable | _Flag.ItemIsEnabled | _Flag.ItemNeverHasChildren
         | _Flag.ItemIsDragEnabled)
_KIND_FLAGS = {"bool": _CELL | _Flag.ItemIsUserCheckable, "readonly": _CELL}


_WHOLE = re.compile(r"\d{1,3}(?:[,. \u00a0\u202f']\d{3})+|\d+")


def show_number(value: float) -> str:
    """A number as the user's locale writes it: 1.234,5 for a German, 1,234.5 in English,
    grouped even when the machine runs in the C locale (100,000 rows, not 100000)."""
    if isinstance(value, int) or float(value).is_integer():
        value = int(value)
    return written(value, QLocale().name())


def read_figure(text: str) -> float:
    """A figure typed by a user: in their locale (2,5 or 1.234,5 for a German), else with a dot
    or a lone comma for the decimals (2.5, 2,5) and commas between thousands (1,234.5). Raises
    ValueError when it is not a number."""
    number, ok = QLocale().toDouble(text.strip())
    if ok:
        return number
    text = text.strip()
    if text.count(",") == 1 and "." not in text:
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


def _number(text: Any, *, whole: bool) -> int | float | None:
    """A number as people type it: in the user's locale (1.234,5 for a German), else 2000,
    2,000, 2 000 or 2.000 (whole), 1.5 or 1,5."""
    value = str(text).strip()
    if isinstance(text, int | float) and not isinstance(text, bool):
        return int(text) if whole and float(text).is_integer() else (None if whole else text)
    number, ok = QLocale().toDouble(value)
    if ok and (not whole or number.is_integer()):
        return int(number) if whole else number
    if whole:
        return int(re.sub(r"\D", "", value)) if _WHOLE.fullmatch(value) else None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return None


_REFUSED = object()


def _stored(column: Column, value: Any) -> Any:
    """What the plan stores for ``value`` entered in ``column``'s cell (a number read as the
    user's locale writes it, a choice's value from its label), or ``_REFUSED``."""
    if column.kind in ("int", "number"):
        if not str(value).strip():
            return None  # cleared (refused by the plan where a number is required)
        number = _number(value, whole=column.kind == "int")
        return _REFUSED if number is None else number
    if column.kind == "choice":
        values = [v for _t, v in column.choices]
        if value in values:
            return value
        return next((v for t, v in column.choices if value in (t, _(t)) or str(v) == value),
                    _REFUSED)
    return value.strip() if isinstance(value, str) else value


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = "text"  # text | int | number | choice | bool | readonly (or a delegate's kind)
    choices: tuple[tuple[str, Any], ...] = ()
    display: Callable[[Any], str] | None = None
    tooltip: str = ""
    width: int = 0
    long: bool = False  # sentences (a touch's value): the cell edits in a word-wrapped box

    def text(self, value: Any) -> str:
        if self.display:
            return self.display(value)
        if self.kind == "choice":
            return next((_(t) for t, v in self.choices if v == value), str(value or ""))
        if self.kind in ("int", "number") and isinstance(value, int | float):
            return show_number(value)
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return "" if value is None else str(value)


CHANNEL_CHOICES = tuple((c.label, c) for c in Channel)


@dataclass
class ListSource:
    """Where a table's rows live: ``items()`` gives them, ``path(row)`` the path of a row, and
    ``list_path()`` the path of their list in the plan (by default the section itself)."""

    section: str
    items: Callable[[], list]
    path: Callable[[int], tuple]
    columns: list[Column] = field(default_factory=list)
    list_path: Callable[[], tuple] | None = None

    def where(self) -> tuple:
        return self.list_path() if self.list_path else (self.section,)


class PlanTableModel(QAbstractTableModel):
    """Rows are the items of one plan list; columns are their fields. Edits are undoable."""

    def __init__(self, document: PlanDocument, source: ListSource, parent=None) -> None:
        super().__init__(parent)
        self.document, self.source = document, source
        self._flags = [_KIND_FLAGS.get(c.kind, _CELL | _Flag.ItemIsEditable)
                       for c in source.columns]
        self._rows: dict[Any, int] | None = None  # row of each id, made when first needed
        self._pending = ""  # the change announced by an "about to" signal: insert/remove/move/reset
        document.field_changed.connect(self._on_field_changed)
        document.fields_changed.connect(self._on_fields_changed)
        document.items_about_to_be_inserted.connect(self._before_insert)
        document.items_inserted.connect(self._after_change)
        document.items_about_to_be_removed.connect(self._before_remove)
        document.items_removed.connect(self._after_change)
        document.item_about_to_move.connect(self._before_move)
        document.item_moved.connect(self._after_change)
        document.sections_replaced.connect(self._on_sections_replaced)
        document.plan_replaced.connect(self.reset)

    # --- reading -------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.source.items())

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.source.columns)

    def item(self, row: int) -> Any:
        return self.source.items()[row]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        items, row = self.source.items(), index.row()
        if not 0 <= row < len(items):
            return None
        column = self.source.columns[index.column()]
        item = items[row]
        value = getattr(item, column.field, None)
        if role == DISPLAY:
            return "" if column.kind == "bool" else column.text(value)
        if role == EDIT:
            return value.value if isinstance(value, Enum) else value
        if role == SORT_ROLE:  # words as a reader sorts them: Ångström with the A's, 2 < 10
            if isinstance(value, str):
                return sort_key(value)
            return value.value if isinstance(value, Enum) else (value if value is not None else "")
        if role == CHECK and column.kind == "bool":
            return _CHECKED if value else _UNCHECKED
        if role == ID_ROLE:
            return getattr(item, "id", row)
        if role == LONG_TEXT_ROLE:
            return column.long
        if role == TOOLTIP and column.long and isinstance(value, str) and len(value) > 60:
            return value  # the whole sentence, which the cell cuts
        if role == CHOICES_ROLE:
            return [_(label) for label, _v in column.choices] if column.kind == "choice" else None
        if role == TOOLTIP and column.tooltip:
            return column.tooltip
        return None

    def headerData(self, section: int, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == _HORIZONTAL:
            return _(self.source.columns[section].header)
        return str(section + 1)

    def flags(self, index: Index):
        if not index.isValid():
            return super().flags(index) | _Flag.ItemIsDropEnabled
        return self._flags[index.column()]

    # --- editing -------------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.source.columns[index.column()]
        if column.kind == "bool" and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column.kind in ("int", "number") and _number(value, whole=column.kind == "int") \
                is None and str(value).strip():
            kind = _("a whole number") if column.kind == "int" else _("a number")
            grouped = show_number(2000) if show_number(2000) != "2000" else "2,000"
            example = (_("{plain} or {grouped}").format(plain="2000", grouped=grouped)
                       if column.kind == "int" else show_number(1.5))
            self.document.edit_refused.emit(
                _("{header}: “{value}” is not {kind} (e.g. {example}) — the previous value is "
                  "kept.").format(
                      header=column.header, value=str(value).strip()[:40], kind=kind,
                      example=example))
            return False
        else:
            value = _stored(column, value)
            if value is _REFUSED:
                return False
        path = self.source.path(index.row()) + (column.field,)
        return self.document.set_value(path, value)  # undo says "tier of Brückner & Voss"

    def typing(self, index: Index, value: Any) -> None:
        """The cell at ``index`` is being typed in and reads ``value``: kept on disk as typed
        (``PlanDocument.typing``), so that a crash before Enter loses none of it."""
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return
        column = self.source.columns[index.column()]
        value = _stored(column, value)
        if value is not _REFUSED:
            self.document.typing(self.source.path(index.row()) + (column.field,), value)

    def typing_ended(self) -> None:
        self.document.typing_ended()

    # --- drag and drop (reorder rows) ----------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [STEP_MIME]

    def mimeData(self, indexes):
        rows = sorted({i.row() for i in indexes})
        mime = QMimeData()
        mime.setData(STEP_MIME, ",".join(map(str, rows)).encode())
        return mime

    def dropMimeData(self, data, action, row, column, parent):
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not data.hasFormat(STEP_MIME):
            return False
        rows = [int(r) for r in bytes(data.data(STEP_MIME)).decode().split(",") if r]
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        if len(rows) == 1 and self.move_row_requested:
            self.move_row_requested(rows[0], row if row <= rows[0] else row - 1)
        return False  # we moved the rows ourselves; the view must not remove anything

    move_row_requested: Callable[[int, int], None] | None = None

    # --- following the document ----------------------------------------------------------------
    def reset(self) -> None:
        self._rows = None
        if self._pending != "reset":  # else the reset under way covers this one
            self.beginResetModel()
            self.endResetModel()

    def _relation(self, path: tuple) -> str:
        """"mine" if ``path`` is this model's list, "above" if it holds it (an account whose
        contacts this model shows, or the list of accounts), else ""."""
        where = self.source.where()
        if path == where:
            return "mine"
        if len(path) < len(where) and where[: len(path)] == path:
            return "above"
        return ""

    def _before_insert(self, path, first: int, last: int) -> None:
        self._begin(self._relation(path), "insert", first, last)

    def _before_remove(self, path, first: int, last: int) -> None:
        self._begin(self._relation(path), "remove", first, last)

    def _before_move(self, path, source: int, target: int) -> None:
        self._begin(self._relation(path), "move", source, target)

    def _begin(self, relation: str, change: str, a: int, b: int) -> None:
        root = QModelIndex()
        if relation == "mine":
            if change == "insert":
                self.beginInsertRows(root, a, b)
            elif change == "remove":
                self.beginRemoveRows(root, a, b)
            else:  # Qt names the row the item goes before, counted before the move
                self.beginMoveRows(root, a, a, root, b + 1 if b > a else b)
            self._pending = change
        elif relation == "above":
            self.beginResetModel()
            self._pending = "reset"

    def _after_change(self, *_args) -> None:
        change, self._pending = self._pending, ""
        self._rows = None
        if change == "insert":
            self.endInsertRows()
        elif change == "remove":
            self.endRemoveRows()
        elif change == "move":
            self.endMoveRows()
        elif change == "reset":
            self.endResetModel()

    def _on_sections_replaced(self, sections) -> None:
        if self.source.where()[0] in sections:
            self.reset()

    def _row_of(self, key: Any) -> int | None:
        if isinstance(key, int):
            return key if 0 <= key < self.rowCount() else None
        if self._rows is None:
            self._rows = {getattr(item, "id", None): row
                          for row, item in enumerate(self.source.items())}
        return self._rows.get(key)

    def _changed_rows(self, paths) -> set[int] | None:
        """Rows of this model that ``paths`` change; None if the whole list was replaced."""
        where = self.source.where()
        rows: set[int] = set()
        for path in paths:
            path = tuple(path)
            if path[: len(where)] != where[: len(path)]:
                continue  # another list
            if len(path) <= len(where):
                return None  # the list itself (or what holds it) was replaced
            if path[-1] == "id":
                self._rows = None
            row = self._row_of(path[len(where)])
            if row is not None:
                rows.add(row)
        return rows

    def _on_field_changed(self, path: tuple) -> None:
        self._on_fields_changed((path,))

    def _on_fields_changed(self, paths) -> None:
        rows = self._changed_rows(paths)
        if rows is None:
            self.reset()
        elif rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), self.columnCount() - 1))
