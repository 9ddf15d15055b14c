"""The plan's tables work as leaders know from spreadsheets: sort by any column, set a tier, a
channel or a rep for many rows at once (one undo step), copy rows out as tab-separated text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from prospector.textnorm import fold
from tests.page_helpers import select_rows, shown_page
from ui.document import PlanDocument
from ui.pages.lists import TargetsPage, TouchesPage
from ui.widgets.contacts_editor import ContactsEditor


@pytest.fixture
def document(qapp, sample_plan):
    return PlanDocument(sample_plan)






def _shown(editor, column: int = 0) -> list[str]:
    return [editor.proxy.index(r, column).data() for r in range(editor.proxy.rowCount())]


def _menu_action(editor, menu_title: str, label: str):
    menu = editor.context_menu()
    sub = next(a.menu() for a in menu.actions() if a.text().startswith(menu_title))
    return next(a for a in sub.actions() if a.text() == label)


def test_a_header_click_sorts_again_reverses_and_a_third_brings_the_plans_order_back(
        qtbot, document):
    page = shown_page(qtbot, TargetsPage, document)
    editor = page.editor
    plan_order = [a.name for a in document.plan.accounts]
    header = editor.table.horizontalHeader()
    header.sectionClicked.emit(0)
    assert _shown(editor) == sorted(plan_order, key=fold)
    assert not editor.buttons["up"].isEnabled() or editor.current_id() is None
    header.sectionClicked.emit(0)
    assert _shown(editor) == sorted(plan_order, key=fold, reverse=True)
    header.sectionClicked.emit(0)
    assert _shown(editor) == plan_order


def test_names_with_numbers_sort_by_the_number(qtbot, document):
    """Plants and branches are named by number: "Werk 2" comes before "Werk 10"."""
    for number in (10, 2, 1):
        document.insert_item(("accounts",), 0, {"name": f"Brandtner Werk {number}"}, "Add")
    page = shown_page(qtbot, TargetsPage, document)
    page.editor.table.horizontalHeader().sectionClicked.emit(0)
    shown = [name for name in _shown(page.editor) if name.startswith("Brandtner Werk")]
    assert shown == ["Brandtner Werk 1", "Brandtner Werk 2", "Brandtner Werk 10"]


def test_adding_while_sorted_puts_the_new_row_after_the_selected_one_in_the_plan(
        qtbot, document):
    page = shown_page(qtbot, TargetsPage, document)
    editor = page.editor
    editor.table.horizontalHeader().sectionClicked.emit(0)
    select_rows(editor, [0])  # alphabetically first: not the plan's first account
    chosen = editor.current_id()
    select_rows(editor, [0])
    editor.add()
    ids = [a.id for a in document.plan.accounts]
    assert ids[ids.index(chosen) + 1] == editor.current_id()
    assert not editor.buttons["up"].isEnabled()  # moving rows means nothing in a sorted view


def test_a_tier_set_for_many_accounts_is_one_undo_step(qtbot, document):
    page = shown_page(qtbot, TargetsPage, document)
    editor = page.editor
    before = {a.id: a.tier for a in document.plan.accounts}
    select_rows(editor, [1, 2, 3, 7])
    chosen = set(editor.selected_ids())
    _menu_action(editor, "Set tier of 4 accounts", "C").trigger()
    assert {a.id for a in document.plan.accounts if a.tier == "C"} >= chosen
    assert {a.id: a.tier for a in document.plan.accounts if a.id not in chosen} == \
        {i: t for i, t in before.items() if i not in chosen}
    assert document.undo_stack.undoText() == "tier C for 4 accounts"
    assert [editor.model.index(r, 1).data() for r in (1, 2, 3, 7)] == ["C"] * 4
    document.undo_stack.undo()
    assert {a.id: a.tier for a in document.plan.accounts} == before


def test_a_channel_set_for_many_touches_at_once(qtbot, document):
    page = shown_page(qtbot, TouchesPage, document)
    editor = page.editor
    select_rows(editor, [0, 1])
    _menu_action(editor, "Set channel of 2 touches", "Phone").trigger()
    assert [t.channel.value for t in document.plan.touches[:2]] == ["phone", "phone"]
    assert document.undo_stack.count() == 1


def test_accounts_assigned_to_a_rep_leave_their_old_rep_in_the_same_step(qtbot, document):
    page = shown_page(qtbot, TargetsPage, document)
    editor = page.editor
    reps = document.plan.reps
    taken = reps[1].account_ids[:2]
    rows = [i for i, a in enumerate(document.plan.accounts) if a.id in taken]
    before = {r.id: list(r.account_ids) for r in reps}
    select_rows(editor, rows)
    _menu_action(editor, "Assign to rep: 2 accounts", reps[0].name).trigger()
    after = {r.id: r.account_ids for r in document.plan.reps}
    assert set(taken) <= set(after[reps[0].id])
    assert not set(taken) & set(after[reps[1].id])
    assert document.undo_stack.undoText() == f"2 accounts to {reps[0].name}"
    document.undo_stack.undo()
    assert {r.id: r.account_ids for r in document.plan.reps} == before


def test_copied_rows_paste_into_a_spreadsheet_as_tab_separated_text(qtbot, document):
    page = shown_page(qtbot, TargetsPage, document)
    editor = page.editor
    select_rows(editor, [0, 2])
    editor.copy_action.trigger()
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["Account", "Tier", "Industry"]
    first, third = document.plan.accounts[0], document.plan.accounts[2]
    assert [line.split("\t")[:2] for line in lines[1:]] == [[first.name, first.tier],
                                                            [third.name, third.tier]]
    assert all(line.count("\t") == lines[0].count("\t") for line in lines)  # no stray tabs


def test_the_name_stays_in_view_when_tabbing_scrolls_the_table_sideways(qtbot, document):
    page = shown_page(qtbot, TargetsPage, document)
    table = page.editor.table
    table.setColumnWidth(4, 2500)  # a long row, wider than the table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    table.setFocus()
    table.setCurrentIndex(page.editor.proxy.index(3, 0))
    for _ in range(5):
        qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert table.currentIndex().column() == 5 and table.horizontalScrollBar().value() > 0
    name = table.frozen.visualRect(page.editor.proxy.index(3, 0))
    assert table.frozen.isVisible() and table.frozen.viewport().rect().contains(name.center())
    assert table.frozen.indexAt(name.center()).data() == document.plan.accounts[3].name
    assert table.visualRect(table.currentIndex()).left() >= table.columnWidth(0)  # not under it

    table.frozen.horizontalHeader().sectionClicked.emit(0)  # its header sorts the table
    assert _shown(page.editor) == sorted(_shown(page.editor), key=fold)
    table.horizontalScrollBar().setValue(0)
    assert not table.frozen.isVisible()  # the table's own name column shows again


def test_a_long_text_cell_edits_in_a_box_of_several_lines_and_enter_keeps_it(qtbot, document):
    page = shown_page(qtbot, TouchesPage, document)
    table = page.editor.table
    cell = page.editor.proxy.index(0, 2)  # "The value it gives"
    table.setCurrentIndex(cell)
    table.edit(cell)
    box = table.viewport().findChild(QPlainTextEdit)
    assert box is not None and box.isVisible()
    assert box.toPlainText() == document.plan.touches[0].value  # all of it, not one line's worth
    assert box.height() >= 4 * box.fontMetrics().lineSpacing()
    assert box.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    box.selectAll()
    qtbot.keyClicks(box, "Shows where their plants sit against 212 peers, line by line.")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert document.plan.touches[0].value == ("Shows where their plants sit against 212 peers, "
                                              "line by line.")
    assert document.undo_stack.count() == 1


def test_tab_on_the_last_cell_stays_on_the_last_item(qtbot, document):
    page = shown_page(qtbot, TouchesPage, document)
    editor = page.editor
    last = editor.proxy.rowCount() - 1
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.proxy.index(last, editor.proxy.columnCount() - 1))
    qtbot.keyClick(editor.table, Qt.Key.Key_Tab)
    assert editor.table.currentIndex().row() == last  # not back to the first touch
    assert editor.detail.item_id == document.plan.touches[last].id


def test_a_number_is_taken_as_people_type_it_and_a_wrong_one_says_why(qtbot, document):
    page = shown_page(qtbot, TargetsPage, document)
    model, told = page.editor.model, []
    document.edit_refused.connect(told.append)
    employees = model.index(0, 3)
    assert model.setData(employees, "2,000") and document.plan.accounts[0].employees == 2000
    assert model.setData(employees, "2 400") and document.plan.accounts[0].employees == 2400
    assert not model.setData(employees, "about 2,000 beds")
    assert document.plan.accounts[0].employees == 2400
    assert told == ["Employees: “about 2,000 beds” is not a whole number (e.g. 2000 or 2,000) — "
                    "the previous value is kept."]
    assert model.setData(employees, "") and document.plan.accounts[0].employees is None


def test_a_contacts_name_stays_in_view_when_the_arrows_scroll_its_table_sideways(qtbot,
                                                                                  document):
    contacts = ContactsEditor(document)
    qtbot.addWidget(contacts)
    account = next(a for a in document.plan.accounts if len(a.contacts) >= 2)
    contacts.set_item(account.id)
    contacts.resize(420, 260)
    contacts.show()
    qtbot.waitExposed(contacts)
    table = contacts.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    table.setFocus()
    table.setCurrentIndex(contacts.model.index(1, 0))
    for _ in range(4):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.horizontalScrollBar().value() > 0
    name = table.frozen.visualRect(contacts.model.index(1, 0))
    assert table.frozen.isVisible() and table.frozen.viewport().rect().contains(name.center())
    assert table.frozen.indexAt(name.center()).data() == account.contacts[1].name


def test_the_count_says_how_many_the_filter_leaves_of_all(qtbot, document):
    # it said "26 accounts" while the filter showed 2 of them
    editor = shown_page(qtbot, TargetsPage, document).editor
    total = len(document.plan.accounts)
    editor.filter.setText("GmbH")
    shown = editor.proxy.rowCount()
    assert 0 < shown < total and editor.count_label.text() == f"{shown} of {total} accounts"
    editor.filter.clear()
    assert editor.count_label.text() == f"{total} accounts"


def test_a_filtered_rows_number_is_shown_whole(qtbot, document):
    """The filter left row 26 alone: the row numbers shrank to one digit's width ("2'")."""
    editor = shown_page(qtbot, TargetsPage, document).editor
    numbers = editor.table.verticalHeader()
    wide = numbers.width()  # as wide as the plan's last row number, "26"
    editor.filter.setText(document.plan.accounts[-1].name)
    assert editor.proxy.rowCount() == 1
    assert int(numbers.model().headerData(0, Qt.Orientation.Vertical)) == \
        len(document.plan.accounts) >= 10
    assert numbers.sizeHint().width() == wide  # the width the header is laid out at


def test_a_targets_name_stays_in_view_when_its_table_scrolls_sideways(qtbot, document):
    """The accountability table scrolled its target names out of view, leaving rows of
    numbers and choices without a name."""
    from ui.pages.accountability import AccountabilityPage  # noqa: PLC0415

    page = AccountabilityPage(document)
    qtbot.addWidget(page)
    page.resize(520, 500)
    page.show()
    qtbot.waitExposed(page)
    table = page.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    name = table.frozen.visualRect(page.model.index(0, 0))
    assert table.frozen.isVisible() and table.frozen.viewport().rect().contains(name.center())
    assert table.frozen.indexAt(name.center()).data() == \
        document.plan.accountability.targets[0].metric


def test_a_new_targets_name_is_typed_right_after_add_target(qtbot, document):
    """Add target left the focus on its button: the name typed next went nowhere and the row
    stayed "New target" (Add account opens the new name to typing)."""
    from ui.pages.accountability import AccountabilityPage  # noqa: PLC0415

    page = AccountabilityPage(document)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.add_target()
    editor = page.table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.selectedText() == "New target"  # typing replaces it
    qtbot.keyClicks(editor, "First meetings with tier A")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert document.plan.accountability.targets[-1].metric == "First meetings with tier A"
