"""The "Sales conversations" step: objections, discovery questions and what counts as an
opportunity, edited as a leader would, each edit undoable; and the accountability page's line that
says what its opportunity targets count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QLabel

from prospector import qualification
from prospector.coach.text import REFLEX_LABELS, reflexes_in
from prospector.conversation_starters import COMMON_OBJECTIONS
from prospector.model import FRAMEWORK_LABELS, Plan
from prospector.sections import STEP_BY_KEY
from prospector.store import PlanStore
from tests.page_helpers import select_rows
from ui.document import PlanDocument
from ui.main_window import MainWindow
from ui.pages import conversations, opportunity_definition
from ui.pages.accountability import AccountabilityPage
from ui.pages.conversations import QUALIFICATION_TAB, QUESTIONS_TAB, ConversationsPage


@pytest.fixture
def page(qtbot, sample_plan):
    made = ConversationsPage(PlanDocument(sample_plan))
    qtbot.addWidget(made)
    return made


@pytest.fixture
def window(qtbot, tmp_path, sample_plan):
    made = MainWindow(PlanStore(), sample_plan,
                      QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    qtbot.waitExposed(made, timeout=60000)
    yield made
    made.close()


def _binding(editor, field):
    return next(b for f, b in editor.detail.bindings if f == field)


def _choose(combo, data) -> None:
    """Pick an entry of a drop-down as a click on it does."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _choose_framework(page, framework) -> None:
    _choose(page.definition.framework.widget, framework)


def test_the_step_shows_its_guidance_and_three_tabs(page):
    advice = page.findChild(QLabel, "stepAdvice")
    assert advice.text() == STEP_BY_KEY["conversations"].what_good_looks_like
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Objections", "Discovery questions", "What counts as an opportunity"]


def test_adding_an_objection_selects_it_and_undo_takes_it_away(page):
    document, editor = page.document, page.objections
    before = len(document.plan.objections)
    editor.buttons["add"].click()
    assert len(document.plan.objections) == before + 1
    added = document.plan.objections[editor.table.currentIndex().row()]
    assert added.says == "New objection" and editor.current_id() == added.id
    assert editor.detail.item_id == added.id  # its response can be written at once
    response = _binding(editor, "response").widget
    response.setPlainText("Fair question. What would you need to see to take it further?")
    assert added.response.startswith("Fair question.")
    document.undo_stack.undo()  # the response
    document.undo_stack.undo()  # the objection
    assert len(document.plan.objections) == before
    assert added.id not in {o.id for o in document.plan.objections}


def test_a_blank_plan_starts_from_the_usual_objections_in_one_undo_step(qtbot):
    page = ConversationsPage(PlanDocument(Plan(name="Blank")))
    qtbot.addWidget(page)
    editor, plan = page.objections, page.document.plan
    assert "No objections yet" in editor.detail.empty.text()
    page.common_button.click()
    proved_by = _binding(editor, "differentiator_id").widget
    assert proved_by.currentText().startswith("None: the plan has no differentiators yet")
    assert [o.says for o in plan.objections][:2] == [
        "Just send me some information.", "We already have a supplier."]
    assert len(plan.objections) == 5 and all(o.behind and not o.response for o in plan.objections)
    assert not page.common_button.isEnabled()  # all there: nothing more to add
    assert "Select an objection" in editor.detail.empty.text()
    assert page.document.undo_stack.count() == 1
    page.document.undo_stack.undo()
    assert plan.objections == [] and page.common_button.isEnabled()


def test_the_usual_objections_are_added_only_where_missing(page):
    plan, document = page.document.plan, page.document
    count = len(plan.objections)
    assert not page.common_button.isEnabled()  # the sample answers all five, in its own words
    supplier = next(o for o in plan.objections if "supplier" in o.says)
    document.remove_items(("objections",), [plan.objections.index(supplier)], "Delete")
    assert page.common_button.isEnabled()
    page.common_button.click()
    assert plan.objections[-1].says == "We already have a supplier."
    assert len(plan.objections) == count  # only the missing one came back


def test_the_response_column_shows_the_response_and_the_stage_is_a_choice(page):
    model, plan = page.objections.model, page.document.plan
    assert model.index(0, 2).data() == " ".join(plan.objections[0].response.split())
    assert model.setData(model.index(0, 1), "Any conversation")
    assert plan.objections[0].stage == "any"
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable


def test_the_proving_differentiator_follows_the_differentiators(page):
    document, editor = page.document, page.objections
    objection = next(o for o in document.plan.objections if o.differentiator_id is None)
    proof = document.plan.differentiators[2]
    editor.select_id(objection.id)
    proved_by = _binding(editor, "differentiator_id").widget
    assert proved_by.currentText().startswith("None")
    assert proved_by.count() == len(document.plan.differentiators) + 1

    _choose(proved_by, proof.id)
    assert objection.differentiator_id == proof.id

    document.set_value(("differentiators", proof.id, "difference"), "A guaranteed pilot")
    assert proved_by.currentText() == "A guaranteed pilot"  # a rename shows at once

    document.remove_items(("differentiators",), [2], "Delete differentiator")
    assert objection.differentiator_id is None
    assert proved_by.currentText().startswith("None")
    assert proved_by.findData(proof.id) == -1

    document.undo_stack.undo()  # the differentiator and the objection's proof come back together
    assert document.plan.differentiators[2].id == proof.id
    assert objection.differentiator_id == proof.id
    assert proved_by.currentText() == "A guaranteed pilot"


def test_personas_left_unticked_mean_any_persona_and_follow_renames(page):
    document, editor = page.document, page.questions
    editor.select_id(document.plan.questions[0].id)
    checklist = _binding(editor, "persona_ids").widget
    persona = document.plan.personas[1]
    document.set_value(("personas", persona.id, "role"), "Plant Director")
    assert checklist.item(1).text() == "Plant Director"
    hints = [label.text() for label in page.objections.detail.findChildren(QLabel)]
    assert conversations.ANY_PERSONA in hints
    hints = [label.text() for label in page.questions.detail.findChildren(QLabel)]
    assert conversations.ANY_PERSONA in hints


def test_choosing_bant_on_an_empty_plan_fills_four_criteria_in_one_undo_step(qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(opportunity_definition, "ask_replace_criteria", lambda *a: asked.append(a))
    page = ConversationsPage(PlanDocument(Plan(name="Blank")))
    qtbot.addWidget(page)
    _choose_framework(page, "bant")
    plan = page.document.plan
    assert plan.qualification.framework == "bant"
    assert [c.name for c in plan.qualification.criteria] == [
        "Budget", "Authority", "Need", "Timeline"]
    assert all(c.must_show for c in plan.qualification.criteria)
    assert page.definition.criteria_model.rowCount() == 4
    assert not asked  # nothing of the leader's was there to lose
    assert page.document.undo_stack.count() == 1
    page.document.undo_stack.undo()
    assert plan.qualification.framework == "" and plan.qualification.criteria == []
    assert page.definition.criteria_model.rowCount() == 0
    assert page.definition.framework.widget.currentText() == FRAMEWORK_LABELS[""]


def test_another_definition_over_the_leaders_criteria_asks_and_keep_leaves_them(page,
                                                                                monkeypatch):
    answers = [False, True]
    asked = []

    def answer(_parent, count, framework):
        asked.append((count, framework))
        return answers.pop(0)

    monkeypatch.setattr(opportunity_definition, "ask_replace_criteria", answer)
    plan = page.document.plan
    mine = [c.model_dump() for c in plan.qualification.criteria]
    _choose_framework(page, "meddicc")  # keep mine
    assert asked == [(4, "meddicc")]
    assert [c.model_dump() for c in plan.qualification.criteria] == mine
    assert plan.qualification.framework == "pain_impact_timeline_authority"
    assert page.definition.framework.widget.currentData() == "pain_impact_timeline_authority"
    assert page.document.undo_stack.count() == 0

    _choose_framework(page, "meddicc")  # replace
    assert plan.qualification.framework == "meddicc"
    assert len(plan.qualification.criteria) == 7
    assert plan.qualification.notes.startswith("The rep records")  # notes are the leader's
    page.document.undo_stack.undo()
    assert [c.model_dump() for c in plan.qualification.criteria] == mine
    assert page.definition.framework.widget.currentData() == "pain_impact_timeline_authority"


def test_criteria_are_added_renamed_and_deleted_like_targets(page):
    plan, model = page.document.plan, page.definition.criteria_model
    page.definition.add_criterion()
    assert [c.name for c in plan.qualification.criteria][-1] == "New criterion"
    assert model.setData(model.index(4, 0), "Champion")
    flag = QItemSelectionModel.SelectionFlag  # not selectRow: it follows held modifier keys
    page.definition.criteria.selectionModel().setCurrentIndex(
        model.index(0, 0), flag.ClearAndSelect | flag.Rows)
    page.definition.delete_criterion()
    assert [c.name for c in plan.qualification.criteria] == [
        "Impact", "Timeline", "Authority", "Champion"]
    for _ in range(3):
        page.document.undo_stack.undo()
    assert [c.name for c in plan.qualification.criteria] == [
        "Pain", "Impact", "Timeline", "Authority"]


def test_the_coach_and_the_review_go_to_the_right_tab_and_row(window):
    plan = window.document.plan
    page = window.pages["conversations"]
    question = plan.questions[5]
    window.go_to_step("questions", question.id)
    assert window.stack.currentWidget() is page
    assert page.tabs.currentIndex() == QUESTIONS_TAB
    assert page.questions.current_id() == question.id
    assert page.questions.detail.item_id == question.id

    objection = plan.objections[3]
    window.go_to_step("objections", objection.id)
    assert page.tabs.currentWidget() is page.objections
    assert page.objections.current_id() == objection.id

    window.go_to_step("qualification", "Timeline")
    assert page.tabs.currentIndex() == QUALIFICATION_TAB
    assert page.definition.criteria.currentIndex().row() == 2


def test_accountability_says_what_an_opportunity_is_and_follows_edits(window):
    document = window.document
    accountability = window.pages["accountability"]
    assert isinstance(accountability, AccountabilityPage)
    line = accountability.definition
    assert line.text() == ("Counts as an opportunity when the first meeting shows: Pain, "
                           "Impact, Timeline, Authority.")
    conversations_page = window.pages["conversations"]
    model = conversations_page.definition.criteria_model
    assert model.setData(model.index(3, 0), "Economic buyer")
    assert line.text().endswith("Timeline, Economic buyer.")

    document.remove_items(("qualification", "criteria"), range(4), "Delete 4 criteria")
    assert line.text().startswith("No definition of an opportunity is set yet")
    assert "What counts as an opportunity" in line.text()  # where to set one
    document.undo_stack.undo()
    assert "Economic buyer" in line.text()

    window.go_to_step("accountability")
    accountability.definition_button.click()
    assert window.stack.currentWidget() is conversations_page
    assert conversations_page.tabs.currentIndex() == QUALIFICATION_TAB


def test_without_targets_that_count_opportunities_it_still_says_nothing_is_set():
    plan = Plan(name="Blank")
    assert "not set yet" in qualification.opportunity_definition(plan)
    assert "No definition" not in qualification.opportunity_definition(plan)


def test_each_definition_has_criteria_with_what_the_meeting_must_show():
    expected = {"pain_impact_timeline_authority": 4, "bant": 4, "meddicc": 7, "spiced": 5}
    for framework, count in expected.items():
        criteria = qualification.template_criteria(framework)
        assert len(criteria) == count, framework
        assert all(c["name"] and c["must_show"].endswith(".") for c in criteria)
    assert qualification.template_criteria("own") == []
    assert set(qualification.TEMPLATES) < set(FRAMEWORK_LABELS)


def test_the_detail_forms_fit_the_window_at_1280_by_800(window, qtbot):
    window.go_to_step("objections", window.document.plan.objections[0].id)
    page = window.pages["conversations"]
    for tab, editor in ((0, page.objections), (QUESTIONS_TAB, page.questions)):
        page.tabs.setCurrentIndex(tab)
        editor.select_id(editor.model.item(0).id)
        qtbot.waitUntil(editor.detail.scroll.isVisible, timeout=60000)
        assert editor.detail.scroll.horizontalScrollBar().maximum() == 0, tab


def test_the_usual_objections_are_the_reflexes_the_coach_knows():
    assert [c.reflex for c in COMMON_OBJECTIONS] == list(REFLEX_LABELS)
    for common in COMMON_OBJECTIONS:
        assert reflexes_in(common.says) == {common.reflex}, common.says


def test_the_preview_follows_the_tab_opened(window):
    """On the discovery questions' tab the preview went on printing the objections (the section
    last edited, or the step's first) until the leader typed: each tab previews its section."""
    window.go_to_step("conversations")
    page = window.pages["conversations"]
    preview = window.preview
    page.tabs.setCurrentWidget(page.questions)
    assert preview.part() == ["questions"]
    page.tabs.setCurrentWidget(page.definition)
    assert preview.part() == ["qualification"]
    page.tabs.setCurrentWidget(page.objections)
    assert preview.part() == ["objections", "qualification"]  # and the cards, with the responses
    window.go_to_step("targets")
    targets = window.pages["targets"]
    assert preview.part() == ["accounts"]  # the tab on show when the step opens
    targets.tabs.setCurrentIndex(1)
    assert preview.part() == ["ideal_client_profile"]
    targets.tabs.setCurrentIndex(0)
    assert preview.part() == ["accounts"]


def test_none_ticked_any_persona_shows_only_while_no_persona_is_ticked(qtbot, page):
    """"None ticked: any persona." stayed under the checklist with a persona ticked in it."""
    page.show()
    page.tabs.setCurrentIndex(QUESTIONS_TAB)
    editor = page.questions
    (hint,) = [label for label in page.questions.findChildren(QLabel, "emptyHint")
               if label.text() == "None ticked: any persona."]
    checklist = _binding(editor, "persona_ids").widget
    for_everyone = next(i for i, q in enumerate(page.document.plan.questions)
                        if not q.persona_ids)
    select_rows(editor, [for_everyone])
    assert not hint.isHidden()
    checklist.item(0).setCheckState(Qt.CheckState.Checked)  # a click on the first persona
    assert hint.isHidden()
    assert page.document.plan.questions[for_everyone].persona_ids  # (ticked in the plan)
    select_rows(editor, [0])  # a question for some personas
    assert hint.isHidden()
