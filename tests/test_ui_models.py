"""Table models and undoable commands, without windows."""

import pytest
from PySide6.QtCore import QModelIndex, Qt

from prospector import editing
from prospector.actuals.counting import Counts
from prospector.model import Plan
from ui.document import PlanDocument
from ui.pages.lists import _source
from ui.table_model import Column, ListSource, PlanTableModel


@pytest.fixture
def document(qapp, sample_plan):
    return PlanDocument(sample_plan)


def _accounts_model(document):
    columns = [Column("name", "Account"), Column("tier", "Tier", kind="choice",
                                                 choices=(("A", "A"), ("B", "B"), ("C", "C"))),
               Column("employees", "Employees", kind="int")]
    return PlanTableModel(document, _source(document, "accounts", columns))


def _steps_model(document):
    cadence_id = document.plan.cadences[0].id
    source = ListSource("cadences", items=lambda: document.plan.cadences[0].steps,
                        path=lambda row: ("cadences", cadence_id, "steps", row),
                        columns=[Column("day", "Day", kind="int"),
                                 Column("is_ask", "Ask", kind="bool")])
    return PlanTableModel(document, source)


def test_accounts_model_passes_qt_model_tester(qtmodeltester, document):
    qtmodeltester.check(_accounts_model(document), force_py=True)


def test_steps_model_passes_qt_model_tester(qtmodeltester, document):
    qtmodeltester.check(_steps_model(document), force_py=True)


def test_editing_a_cell_is_undoable(document):
    model = _accounts_model(document)
    index = model.index(0, 0)
    old = index.data()
    assert model.setData(index, "Renamed Metal AS")
    assert document.plan.accounts[0].name == "Renamed Metal AS"
    document.undo_stack.undo()
    assert document.plan.accounts[0].name == old
    document.undo_stack.redo()
    assert model.index(0, 0).data() == "Renamed Metal AS"


def test_invalid_values_are_refused_and_change_nothing(document):
    model = _accounts_model(document)
    assert not model.setData(model.index(0, 1), "Z")
    assert not model.setData(model.index(0, 2), "lots")
    assert not model.setData(model.index(0, 0), "   ")
    assert document.undo_stack.count() == 0


def test_typing_in_one_field_is_one_undo_step(document):
    for text in ("G", "Go", "Goa", "Goal"):
        document.set_value(("basics", "goal"), text)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.plan.basics.goal != "Goal"


def test_check_box_column(document):
    model = _steps_model(document)
    index = model.index(0, 1)
    assert model.setData(index, Qt.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert document.plan.cadences[0].steps[0].is_ask
    document.undo_stack.undo()
    assert not document.plan.cadences[0].steps[0].is_ask


def test_structural_edit_then_undo_restores_the_plan(document, sample_plan):
    before = document.plan.model_dump()
    document.replace_sections(editing.remove_items(document.plan, "accounts",
                                                   {document.plan.accounts[0].id}), "Delete")
    assert len(document.plan.accounts) == len(sample_plan.accounts) - 1
    document.undo_stack.undo()
    assert document.plan.model_dump() == before


def test_invalid_structural_edit_is_refused(document):
    with pytest.raises(ValueError):
        document.replace_sections({"reps": [{"name": "X", "account_ids": ["nope"]}]}, "Bad")
    assert document.undo_stack.count() == 0


def test_dropping_a_step_moves_it_and_keeps_days(document):
    model = _steps_model(document)
    moved = []
    model.move_row_requested = lambda s, t: moved.append((s, t))
    mime = model.mimeData([model.index(5, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert moved == [(5, 1)]


def test_blank_plan_document(qapp):
    document = PlanDocument(Plan(name="Blank"))
    assert document.section_ids("accounts") == []


def test_a_refused_value_says_why(document):
    reasons = []
    document.edit_refused.connect(reasons.append)
    rep = document.plan.reps[0]
    assert not document.set_value(("reps", rep.id, "email"), "jonas-at-northwind")
    assert reasons == ["Email is not an email address (expected name@company.com) — the previous "
                       "value is kept."]
    assert document.plan.reps[0].email == rep.email


def test_a_targets_count_is_chosen_in_its_table_and_undone(document):
    """The accountability step says what each target counts among the CRM's actuals."""
    from ui.pages.accountability import AccountabilityPage  # noqa: PLC0415

    page = AccountabilityPage(document)
    model = page.model
    column = next(i for i in range(model.columnCount())
                  if model.headerData(i, Qt.Orientation.Horizontal) == "Counts among the actuals")
    target = document.plan.accountability.targets[2]  # "New contacts mapped": entered by hand
    index = model.index(2, column)
    assert model.data(index) == "Entered by hand each week"
    assert model.setData(index, Counts.MEETINGS, Qt.ItemDataRole.EditRole)
    assert document.plan.accountability.targets[2].counts is Counts.MEETINGS
    assert model.data(index) == "Meetings held"
    document.undo_stack.undo()
    assert document.plan.accountability.targets[2].counts == target.counts
