"""Step: the campaign cadence. Steps in a table (drag to reorder), and the timeline beside it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospector import editing
from prospector.model import TIERS
from prospector.playbook.item_pages import step_item
from prospector.playbook.timeline import cadence_timeline_svg
from prospector.playbook.translations import printing_in
from ui.binding import LineBinding
from ui.language import _, current, ngettext
from ui.palette_colours import timeline_ink
from ui.table_model import CHANNEL_CHOICES, Column, ListSource, PlanTableModel
from ui.widgets.cell_editing import CellDelegate, commit_open_editor, fit_column
from ui.widgets.choice_delegate import ChoiceDelegate
from ui.widgets.step_page import StepPage


class CadencePage(StepPage):
    key = "cadences"
    # what the leader has selected, for the preview: the cadence's id, or one of its steps
    # (item_pages.step_item: numbered as printed, by day)
    current_changed = Signal(object)

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        d = document
        self.cadence_id: str | None = None
        self._said: str | None = None  # the item the preview was last told of

        top = QHBoxLayout()
        self.picker = QComboBox()
        self.picker.setAccessibleName(_("Cadence"))
        # as narrow as a window of 1100 px leaves it (it overlapped "New from template" there),
        # as wide as the row allows otherwise; the list shows the names in full
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(12)
        top.addWidget(QLabel(_("Cadence:")))
        top.addWidget(self.picker, 1)
        second = QHBoxLayout()
        self.name = LineBinding(d, None, _("Cadence name"), _("Name of this cadence"))
        second.addWidget(QLabel(_("Name:")))
        second.addWidget(self.name.widget, 1)
        self.tier_buttons = {}
        second.addWidget(QLabel(_("For tiers:")))
        for tier in TIERS:
            button = QToolButton()
            button.setText(tier)
            button.setCheckable(True)
            button.setAccessibleName(_("Cadence is for tier {tier}").format(tier=tier))
            button.setToolTip(_("Use this cadence for tier {tier} accounts").format(tier=tier))
            button.toggled.connect(self._tiers_edited)
            second.addWidget(button)
            self.tier_buttons[tier] = button
        self.template_button = QToolButton()
        # the menu's arrow after the text: with the app's style sheet, Qt drew its own arrow
        # over the text's end ("Neu aus Vorlage")
        self.template_button.setText(_("New from template") + " ▾")
        self.template_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.template_button)
        for template in editing.CADENCE_TEMPLATES:
            action = menu.addAction(_(template.name))
            action.setToolTip(_(template.description))
            action.triggered.connect(lambda _=False, t=template: self.add_from_template(t))
        self.template_button.setMenu(menu)
        top.addWidget(self.template_button)
        self.delete_cadence_button = QToolButton()
        self.delete_cadence_button.setText(_("Delete cadence"))
        self.delete_cadence_button.clicked.connect(self.delete_cadence)
        top.addWidget(self.delete_cadence_button)
        self.body.addLayout(top)
        self.body.addLayout(second)

        columns = [
            Column("day", _("Day"), kind="int", width=55,
                   tooltip=_("Days after the campaign starts")),
            Column("channel", _("Channel"), kind="choice", choices=CHANNEL_CHOICES, width=95),
            Column("touch_id", _("Touch"), kind="touch", width=260,
                   display=lambda tid: (d.plan.touch(tid).title if d.plan.touch(tid) else "—")),
            Column("objective", _("Objective"), width=240),
            Column("is_ask", _("Ask"), kind="bool", width=45,
                   tooltip=_("This step asks for a meeting")),
        ]
        self.source = ListSource(
            "cadences", items=self._steps,
            path=lambda row: ("cadences", self.cadence_id, "steps", row), columns=columns,
            list_path=self._where)
        self.model = PlanTableModel(d, self.source, self)
        self.model.move_row_requested = self.move_step
        self.table = QTableView()
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setAccessibleName(_("Cadence steps"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().currentRowChanged.connect(self._step_selected)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for i, column in enumerate(columns):
            if column.width:
                fit_column(self.table, i, column.width)
        self.table.setItemDelegateForColumn(2, ChoiceDelegate(
            lambda: [(t.id, f"{t.title} ({t.channel.label})") for t in d.plan.touches],
            _("Touch delivered by this step"), commit=self._touch_chosen, parent=self.table))

        buttons = QHBoxLayout()
        self.step_buttons: list[QToolButton] = []  # off while there is no cadence to act on
        for text, slot, tip in ((_("Add step"), self.add_step,
                                 _("Add a step a week after the last")),
                                (_("Delete step"), self.delete_steps,
                                 _("Delete the selected steps")),
                                (_("Sort by day"), self.sort_by_day,
                                 _("Order the steps by their day"))):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            buttons.addWidget(b)
            self.step_buttons.append(b)
        # by the keyboard too, as every other list moves its rows (only a drag moved a step)
        for text, delta, tip, keys in (("▲", -1, _("Move up (Alt+Up)"), "Alt+Up"),
                                       ("▼", 1, _("Move down (Alt+Down)"), "Alt+Down")):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip.split(" (")[0])
            b.setShortcut(QKeySequence(keys))
            b.clicked.connect(lambda _checked=False, delta=delta: self.move_selected(delta))
            buttons.addWidget(b)
            self.step_buttons.append(b)
        self.summary = QLabel()
        # two lines where the buttons leave it too little room (German, 1280 px, ▲▼ beside)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.summary, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.table, 1)
        hint = QLabel(_("Drag a step to move its touch to another slot; the days stay in rhythm."))
        hint.setObjectName("emptyHint")
        left_layout.addWidget(hint)

        self.timeline = QSvgWidget()
        self.timeline.setAccessibleName(_("Cadence timeline"))
        self.timeline.setMinimumHeight(200)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(left)
        split.addWidget(self.timeline)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.body.addWidget(split, 1)

        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(120)
        self._redraw.timeout.connect(self._draw_timeline)
        self._stale = True
        self.picker.currentIndexChanged.connect(self._picked)
        d.changed.connect(self._redraw.start)
        d.changed.connect(self._renumbered)
        d.sections_replaced.connect(lambda s: self._fill_picker() if "cadences" in s else None)
        for signal in (d.items_inserted, d.items_removed, d.item_moved):
            signal.connect(self._list_changed)
        d.plan_replaced.connect(self._fill_picker)
        # the tiers set by an undo, a redo or a restore show on their buttons
        d.field_changed.connect(lambda path: self._fields_changed((path,)))
        d.fields_changed.connect(self._fields_changed)
        self._fill_picker()

    # --- the cadence being edited --------------------------------------------------------------
    def _cadence(self):
        return next((c for c in self.document.plan.cadences if c.id == self.cadence_id), None)

    def _where(self) -> tuple:
        return ("cadences", self.cadence_id, "steps")

    def _list_changed(self, path, *_args) -> None:
        if path == ("cadences",):
            self._fill_picker()

    def _steps(self) -> list:
        cadence = self._cadence()
        return cadence.steps if cadence else []

    def _fill_picker(self) -> None:
        keep = self.cadence_id
        self.picker.blockSignals(True)
        self.picker.clear()
        for cadence in self.document.plan.cadences:
            self.picker.addItem(cadence.name, cadence.id)
        index = self.picker.findData(keep)
        self.picker.setCurrentIndex(index if index >= 0 else 0)
        self.picker.blockSignals(False)
        self._picked()

    def _picked(self, *_args) -> None:
        self.cadence_id = self.picker.currentData()
        cadence = self._cadence()
        self.name.rebind(("cadences", self.cadence_id, "name") if cadence else None)
        self._show_tiers()
        self.delete_cadence_button.setEnabled(cadence is not None)
        for button in self.step_buttons:
            button.setEnabled(cadence is not None)
        self.model.reset()
        self._draw_timeline()
        self._say_current(self.cadence_id)

    def _step_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self._item(current.row())
        if item is not None:
            self._say_current(item)

    def _say_current(self, item: str | None) -> None:
        self._said = item
        self.current_changed.emit(item)

    def _renumbered(self) -> None:
        """A day edited moves the selected step in the printed order: the preview follows it
        (it stayed where the step's old number is printed)."""
        if self.isVisible():
            item = self.current_item()
            if item is not None and item != self._said:
                self._say_current(item)

    def _item(self, row: int) -> str | None:
        """The preview's id of step ``row`` of the cadence shown (the cadence's if none)."""
        cadence = self._cadence()
        if cadence is None:
            return None
        if not 0 <= row < len(cadence.steps):
            return cadence.id
        step = cadence.steps[row]
        number = next(n for n, s in enumerate(cadence.ordered_steps(), start=1) if s is step)
        return step_item(cadence.id, number)

    def current_item(self) -> str | None:
        return self._item(self.table.currentIndex().row())

    def _show_tiers(self) -> None:
        """The tier buttons as the cadence's tiers are (after a pick, an undo or a redo)."""
        cadence = self._cadence()
        for tier, button in self.tier_buttons.items():
            button.blockSignals(True)
            button.setChecked(bool(cadence and tier in cadence.tiers))
            button.setEnabled(cadence is not None)
            button.blockSignals(False)

    def _fields_changed(self, paths) -> None:
        if ("cadences", self.cadence_id, "tiers") in paths:
            self._show_tiers()

    def _tiers_edited(self) -> None:
        if self.cadence_id:
            tiers = [t for t, b in self.tier_buttons.items() if b.isChecked()]
            self.document.set_value(("cadences", self.cadence_id, "tiers"), tiers,
                                    _("Change tiers"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._draw_timeline()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the system went dark or light
            self._draw_timeline()

    def _draw_timeline(self) -> None:
        """Draw the cadence's timeline; while the page is hidden, only note that it is due."""
        self._stale = not self.isVisible()
        if self._stale:
            return
        cadence = self._cadence()
        if cadence is None:
            self.timeline.load(QByteArray())
            self.summary.setText(_("No cadence yet: start one from a template."))
            return
        with printing_in(current()):  # the channels and weeks in the app's language
            svg = str(cadence_timeline_svg(cadence, self.document.plan,
                                           timeline_ink(self.palette())))
        self.timeline.load(QByteArray(svg.encode("utf-8")))
        self.timeline.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        asks = sum(1 for s in cadence.steps if s.is_ask)
        days = cadence.span_days + 1  # day 0 to the last step's day, both counted, as printed
        self.summary.setText(_("{touches} over {days}, {asks}").format(
            touches=ngettext("{n} touch", "{n} touches", len(cadence.steps)).format(
                n=len(cadence.steps)),
            days=ngettext("{n} day", "{n} days", days).format(n=days),
            asks=ngettext("{n} ask", "{n} asks", asks).format(n=asks)))
        index = self.picker.findData(cadence.id)
        if index >= 0 and self.picker.itemText(index) != cadence.name:
            self.picker.setItemText(index, cadence.name)

    def _touch_chosen(self, model, index, touch_id) -> None:
        """A step's channel follows the touch chosen for it (one undo step for both)."""
        path = model.source.path(index.row())
        cadence = self._cadence()
        stack = self.document.undo_stack
        stack.beginMacro(_("touch of step {number}").format(number=index.row() + 1)
                         + (_(" of {cadence}").format(cadence=cadence.name)
                            if cadence is not None else ""))
        before = editing.get_value(self.document.plan, path + ("channel",))
        self.document.set_value(path + ("touch_id",), touch_id)
        touch = self.document.plan.touch(touch_id)
        if touch is not None:
            self.document.set_value(path + ("channel",), touch.channel)
        stack.endMacro()
        if touch is not None and touch.channel != before:
            self.document.edit_noticed.emit(
                _("Step {number} now goes by {channel} (it was {before}): the channel of "
                  "“{title}”. "
                  "Undo with Ctrl+Z.").format(
                      number=index.row() + 1, channel=_(touch.channel.label),
                                              before=_(before.label), title=touch.title))

    # --- edits ---------------------------------------------------------------------------------
    def add_from_template(self, template) -> None:
        commit_open_editor(self.table)
        cadence = self.document.insert_item(
            ("cadences",), None, editing.cadence_from_template(self.document.plan, template),
            _("New cadence: {name}").format(name=template.name))
        self.cadence_id = cadence.id
        self._fill_picker()

    def delete_cadence(self) -> None:
        commit_open_editor(self.table)
        ids = self.document.section_ids("cadences")
        if self.cadence_id in ids:
            self.document.remove_items(("cadences",), [ids.index(self.cadence_id)],
                                       _("Delete cadence"))

    def add_step(self) -> None:
        commit_open_editor(self.table)
        cadence = self._cadence()
        if cadence is not None:
            self.document.insert_item(self._where(), None, editing.next_step(cadence),
                                      _("Add step"))
            self.table.selectRow(self.model.rowCount() - 1)
            self.table.setFocus()  # the keys go to the new step (its day, its touch), not away

    def delete_steps(self) -> None:
        commit_open_editor(self.table)
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if self.cadence_id and rows:
            self.document.remove_items(self._where(), rows,
                                       ngettext("Delete {n} step", "Delete {n} steps",
                                                len(rows)).format(

                                           n=len(rows)))

    def move_step(self, source: int, target: int) -> None:
        commit_open_editor(self.table)
        if self.cadence_id and source != target:
            self.document.move_item(self._where(), source, target, _("Move step"), keep="day")
            self.table.selectRow(target)

    def move_selected(self, delta: int) -> None:
        """The steps selected (else the current one) one place up or down, together: their
        touches to the next slots, the days kept."""
        commit_open_editor(self.table)
        current = self.table.currentIndex()
        rows = {i.row() for i in self.table.selectionModel().selectedRows()} or (
            {current.row()} if current.isValid() else set())
        if not self.cadence_id or not rows:
            return
        moved = self.document.move_items(
            self._where(), rows, delta,
            ngettext("Move {n} step", "Move {n} steps", len(rows)).format(n=len(rows))
            if len(rows) > 1 else _("Move step"), keep="day")
        if moved == sorted(rows):
            return  # one of them is first (last) already: nothing moved
        column = max(current.column(), 0)
        row = current.row() + delta if current.row() in rows else moved[0]
        self.table.setCurrentIndex(self.model.index(row, column))
        selection = self.table.selectionModel()
        for row in moved:
            selection.select(self.model.index(row, column), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)

    def sort_by_day(self) -> None:
        commit_open_editor(self.table)
        cadence = self._cadence()
        if cadence is not None:
            self.document.set_value(("cadences", cadence.id, "steps"), cadence.ordered_steps(),
                                    _("Sort steps"))

    def focus_item(self, section, item_id) -> None:
        if item_id:
            index = self.picker.findData(item_id)
            if index >= 0:
                self.picker.setCurrentIndex(index)
        self.table.setFocus()

    def focus_field(self, section, item_id, field, row) -> bool:
        """A finding about one step selects that step, on the column of its field."""
        if row is None or not 0 <= row < self.model.rowCount():
            return super().focus_field(section, item_id, field, row)
        columns = [c.field for c in self.model.source.columns]
        cell = self.model.index(row, columns.index(field) if field in columns else 0)
        flag = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(cell, flag.ClearAndSelect | flag.Rows)
        self.table.scrollTo(cell)
        self.table.setFocus()
        return True
