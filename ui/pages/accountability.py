"""Step: accountability targets for opportunity creation, what counts as one, and how they are
reviewed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QToolButton

from prospector.actuals.counting import Counts
from prospector.qualification import opportunity_definition
from prospector.sections import NEW_TARGET
from ui.binding import NumberBinding, TextBinding
from ui.holiday_place import HolidayPlaceBinding
from ui.language import N_, _
from ui.table_model import Column, ListSource, PlanTableModel
from ui.widgets.cell_editing import CellDelegate, commit_open_editor, fit_column
from ui.widgets.frozen_column import FrozenNameTable
from ui.widgets.step_page import StepPage, form_group

KIND_CHOICES = ((N_("Activity"), "activity"), (N_("Outcome"), "outcome"))
PERIOD_CHOICES = ((N_("per week"), "week"), (N_("per month"), "month"))
# What a target counts among the actuals a CRM export brings (prospector/actuals/counting.py)
COUNTS_CHOICES = tuple((counts.label, counts) for counts in Counts)
TARGETS = ("accountability", "targets")


class AccountabilityPage(StepPage):
    key = "accountability"
    step_requested = Signal(str, object)  # section (or step) and item id to go to

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        d = document
        columns = [
            Column("metric", _("Target"), width=260),
            Column("kind", _("Kind"), kind="choice", choices=KIND_CHOICES, width=90),
            Column("per_rep", _("Per rep"), kind="number", width=70),
            Column("period", _("Period"), kind="choice", choices=PERIOD_CHOICES, width=100),
            Column("counts", _("Counts among the actuals"), kind="choice", choices=COUNTS_CHOICES,
                   width=230, tooltip=_("What the weekly review counts for this target in a CRM "
                                        "export: touches, conversations, meetings, opportunities, "
                                        "or figures you enter by hand each week")),
            Column("creates_opportunities", _("Creates opportunities"), kind="bool",
                   tooltip=_("Counts towards opportunity creation (first meetings, "
                             "new opportunities)")),
        ]
        source = ListSource(
            "accountability", items=lambda: d.plan.accountability.targets,
            path=lambda row: ("accountability", "targets", row), columns=columns,
            list_path=lambda: TARGETS)
        self.model = PlanTableModel(d, source, self)
        self.table = FrozenNameTable()  # the target's name stays in view scrolled sideways
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setAccessibleName(_("Accountability targets"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(columns):
            if column.width:
                fit_column(self.table, i, column.width)
        bar = QHBoxLayout()
        for text, slot in ((_("Add target"), self.add_target), (_("Delete target"),
                                                                self.delete_target)):
            button = QToolButton()
            button.setText(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        self.body.addLayout(bar)
        self.body.addWidget(self.table, 2)
        self.body.addLayout(self._definition_line())

        a = ("accountability",)
        self.review = TextBinding(d, a + ("review",), _("How targets are reviewed"),
                                  _("When and how: e.g. Monday, 20 minutes, pipeline created"))
        self.capacity = NumberBinding(d, a + ("daily_touch_capacity",), _("Daily touch capacity"),
                                      1, 500, _(" touches a day"))
        self.place = HolidayPlaceBinding(d, a + ("holiday_country",), _("Where the reps work"))
        self.body.addWidget(form_group(_("Review and scheduling"), [
            (_("Review"), self.review.widget), (_("Capacity"), self.capacity.widget),
            (_("Reps work in"), self.place.widget)]), 1)

    def _definition_line(self) -> QHBoxLayout:
        """What the opportunity targets count, as the plan defines it, and the way to change it."""
        line = QHBoxLayout()
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setAccessibleName(_("What counts as an opportunity"))
        line.addWidget(self.definition, 1)
        self.definition_button = QToolButton()
        self.definition_button.setText(_("What counts as an opportunity…"))
        self.definition_button.setToolTip(_("Sales conversations › What counts as an opportunity"))
        self.definition_button.clicked.connect(
            lambda: self.step_requested.emit("qualification", None))
        line.addWidget(self.definition_button)
        self.document.changed.connect(self._show_definition)
        self.document.plan_replaced.connect(self._show_definition)
        self._show_definition()
        return line

    def _show_definition(self) -> None:
        plan = self.document.plan
        names = [c.name for c in plan.qualification.criteria]
        # the domain's sentence, its fixed words through the app's catalog
        self.definition.setText(
            _("Counts as an opportunity when the first meeting shows: {names}.").format(
                names=", ".join(names)) if names else _(opportunity_definition(plan)))
        self.definition_button.setText(_("Change the definition…") if plan.qualification.criteria
                                       else _("Define an opportunity…"))

    def add_target(self) -> None:
        commit_open_editor(self.table)
        self.document.insert_item(TARGETS, None, dict(NEW_TARGET), _("Add target"))
        self.table.selectRow(self.model.rowCount() - 1)
        # its name open to be typed, as a new account's is (what was typed after the click
        # went nowhere, and the target stayed "New target")
        self.table.setFocus()
        self.table.edit(self.model.index(self.model.rowCount() - 1, 0))

    def delete_target(self) -> None:
        commit_open_editor(self.table)
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        if rows:
            self.document.remove_items(TARGETS, rows, _("Delete target"))

    def focus_item(self, section, item_id) -> None:
        self.table.setFocus()
