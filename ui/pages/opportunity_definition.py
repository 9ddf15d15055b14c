"""What counts as an opportunity (the last tab of the "Sales conversations" step): a definition
to start from, its criteria with what the first meeting must show, and how it is counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospector import qualification as definitions
from prospector.model import FRAMEWORK_LABELS
from ui.binding import Binding, ScrollSafeComboBox, TextBinding
from ui.language import _, ngettext
from ui.table_model import Column, ListSource, PlanTableModel
from ui.widgets.cell_editing import CellDelegate, commit_open_editor
from ui.widgets.step_page import form_group

CRITERIA = ("qualification", "criteria")


def ask_replace_criteria(parent: QWidget | None, count: int, framework: str) -> bool:
    """Criteria are set and another definition is chosen: True to replace them with its own."""
    label = _(FRAMEWORK_LABELS.get(framework, framework))
    box = QMessageBox(QMessageBox.Icon.Question, _("Replace your criteria?"),
                      ngettext("Your plan already has {n} criterion for what counts as an "
                               "opportunity.",
                               "Your plan already has {n} criteria for what counts as an "
                               "opportunity.",
                               count).format(n=count), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setInformativeText(_("Replace them with the {label} criteria, or keep yours and the "
                             "definition as it is? Replacing can be undone with Ctrl+Z.").format(
                                 label=label))
    keep = box.addButton(_("Keep mine"), QMessageBox.ButtonRole.RejectRole)
    replace = box.addButton(_("Replace with {label}").format(
        label=label), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    try:
        box.exec()
        return box.clickedButton() is replace
    finally:
        box.deleteLater()


class FrameworkChoice(Binding):
    """The definition of an opportunity: choosing one asks the page (criteria may follow)."""

    widget: QComboBox

    def __init__(self, document, chosen) -> None:
        widget = ScrollSafeComboBox()
        for key, label in FRAMEWORK_LABELS.items():
            widget.addItem(_(label), key)
        super().__init__(document, widget, ("qualification", "framework"),
                         _("Definition of an opportunity"))
        widget.activated.connect(lambda i: chosen(widget.itemData(i)))
        self.refresh()

    def show(self, value):
        self.widget.setCurrentIndex(max(self.widget.findData(value or ""), 0))


class OpportunityDefinition(QWidget):
    """Edits the plan's qualification: every choice an undoable edit of the document."""

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = d = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Definition:")))
        self.framework = FrameworkChoice(d, self.choose_framework)
        top.addWidget(self.framework.widget)
        advice = QLabel(_("Every rep counts an opportunity the same way: pick a definition, then "
                          "say in your words what the first meeting must show."))
        advice.setWordWrap(True)
        advice.setObjectName("emptyHint")
        top.addWidget(advice, 1)
        layout.addLayout(top)

        columns = [Column("name", _("Criterion"), width=160),
                   Column("must_show", _("What the first meeting must show"))]
        source = ListSource("qualification", items=lambda: d.plan.qualification.criteria,
                            path=lambda row: (*CRITERIA, row), columns=columns,
                            list_path=lambda: CRITERIA)
        self.criteria_model = PlanTableModel(d, source, self)
        self.criteria = QTableView()
        self.criteria.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.criteria.setModel(self.criteria_model)
        self.criteria.setItemDelegate(CellDelegate(self.criteria))
        self.criteria.setAccessibleName(_("Criteria of an opportunity"))
        self.criteria.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteria.setWordWrap(True)  # a sentence each: read whole, not cut
        self.criteria.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.criteria.horizontalHeader().setStretchLastSection(True)
        self.criteria.setColumnWidth(0, columns[0].width)
        bar = QHBoxLayout()
        for text, slot in ((_("Add criterion"), self.add_criterion),
                           (_("Delete criterion"), self.delete_criterion)):
            button = QToolButton()
            button.setText(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.criteria, 1)

        self.notes = TextBinding(d, ("qualification", "notes"), _("Notes on the definition"),
                                 _("Who checks it, and what happens to a first meeting that does "
                                   "not count"), lines=6)
        layout.addWidget(form_group(_("How it is counted"), [(_("Notes"), self.notes.widget)]), 0)

    def choose_framework(self, framework: str) -> None:
        """Choosing a definition fills its criteria (one undo step); criteria the leader has
        written are replaced only if they say so."""
        qualification = self.document.plan.qualification
        if framework == qualification.framework:
            return
        replace = False
        if (definitions.template_criteria(framework) and qualification.criteria
                and not definitions.is_a_template(qualification)):
            replace = ask_replace_criteria(self, len(qualification.criteria), framework)
            if not replace:
                self.framework.refresh()  # the definition stays as it was
                return
        commit_open_editor(self.criteria)
        label = _(FRAMEWORK_LABELS.get(framework, framework))
        data = definitions.with_framework(qualification, framework, replace_criteria=True)
        self.document.replace_sections({"qualification": data},
                                       _("Definition of an opportunity: {label}").format(
                                           label=label))

    def add_criterion(self) -> None:
        commit_open_editor(self.criteria)
        self.document.insert_item(CRITERIA, None, {"name": _("New criterion")}, _("Add criterion"))
        row = self.criteria_model.rowCount() - 1
        self.criteria.selectRow(row)
        self.criteria.setFocus()
        self.criteria.edit(self.criteria_model.index(row, 0))

    def delete_criterion(self) -> None:
        commit_open_editor(self.criteria)
        rows = {i.row() for i in self.criteria.selectionModel().selectedRows()}
        if not rows and self.criteria.currentIndex().isValid():
            rows = {self.criteria.currentIndex().row()}
        if rows:
            count = len(rows)
            self.document.remove_items(CRITERIA, rows,
                                       ngettext("Delete {n} criterion", "Delete {n} criteria",
                                                count).format(

                                           n=count))

    def focus_criterion(self, item_id) -> None:
        """Show a criterion (by row or name), else the choice of definition."""
        row = self._criterion_row(item_id)
        if row is None:
            self.framework.widget.setFocus()
        else:
            self.criteria.selectRow(row)
            self.criteria.setFocus()

    def _criterion_row(self, item_id) -> int | None:
        """A criterion named by its row (0, "2") or its name ("Authority")."""
        criteria = self.document.plan.qualification.criteria
        if isinstance(item_id, int) or (isinstance(item_id, str) and item_id.isdigit()):
            row = int(item_id)
            return row if 0 <= row < len(criteria) else None
        return next((row for row, c in enumerate(criteria) if c.name == item_id), None)

