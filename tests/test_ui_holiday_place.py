"""Where the reps work is chosen from lists in the app (the plan's on the Accountability step, a
rep's on the Reps step), never typed, and undone like any other edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from ui.document import PlanDocument


@pytest.fixture
def document(qapp, sample_plan):
    return PlanDocument(sample_plan)


def combos(page) -> dict[str, QComboBox]:
    return {c.accessibleName(): c for c in page.findChildren(QComboBox)}


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """As a user picks from the list: open it, go to the item, press Enter."""
    combo.showPopup()
    view = combo.view()
    index = view.model().index(combo.findText(text), 0)
    assert index.isValid(), text
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert combo.currentText() == text


def test_the_plans_country_and_state_are_chosen_from_lists_and_undone(qtbot, document):
    from ui.pages.accountability import AccountabilityPage  # noqa: PLC0415

    page = AccountabilityPage(document)
    qtbot.addWidget(page)
    lists = combos(page)
    country = lists["Where the reps work: country"]
    state = lists["Where the reps work: state, canton or region"]
    assert not country.isEditable() and country.currentText() == "Germany"
    assert state.itemText(state.findData("BY")) == "Bayern (BY)"
    choose(qtbot, state, "Bayern (BY)")
    assert document.plan.accountability.holiday_subdivision == "BY"

    choose(qtbot, country, "Israel")
    place = document.plan.accountability
    assert (place.holiday_country, place.holiday_subdivision) == ("IL", "")
    assert not state.isEnabled()  # Israel keeps the same holidays everywhere
    said = [label.text() for label in page.findChildren(QLabel) if label.text().startswith("Sk")]
    assert said == ["Skipped: Fridays, Saturdays and public holidays of Israel."]

    document.undo_stack.undo()  # one step: the country and the state it cleared
    place = document.plan.accountability
    assert (place.holiday_country, place.holiday_subdivision) == ("DE", "BY")
    assert (country.currentText(), state.currentText()) == ("Germany", "Bayern (BY)")


def test_a_reps_own_place_is_chosen_on_the_reps_step(qtbot, document):
    from ui.pages.lists import RepsPage  # noqa: PLC0415

    page = RepsPage(document)
    qtbot.addWidget(page)
    page.show()
    rep = document.plan.reps[1]
    page.editor.select_id(rep.id)
    lists = combos(page)
    country = lists["Where the rep works: country"]
    state = lists["Where the rep works: state, canton or region"]
    assert country.currentText() == "As the plan (Germany)" and not state.isEnabled()
    choose(qtbot, country, "Germany")
    choose(qtbot, state, "Hamburg (HH)")
    chosen = document.plan.reps[1]
    assert (chosen.holiday_country, chosen.holiday_subdivision) == ("DE", "HH")
    assert document.plan.reps[0].holiday_country == ""  # the other reps keep the plan's
    document.undo_stack.undo()
    assert document.plan.reps[1].holiday_subdivision == ""


def test_the_playbooks_language_is_chosen_for_the_plan_and_for_a_rep(qtbot, document):
    from ui.pages.basics import BasicsPage  # noqa: PLC0415
    from ui.pages.lists import RepsPage  # noqa: PLC0415

    basics = BasicsPage(document)
    qtbot.addWidget(basics)
    language = combos(basics)["Language of the playbook"]
    assert not language.isEditable() and language.currentText() == "English"
    choose(qtbot, language, "Deutsch")
    assert document.plan.basics.language == "de"

    reps = RepsPage(document)
    qtbot.addWidget(reps)
    model = reps.editor.model
    column = next(i for i in range(model.columnCount())
                  if model.headerData(i, Qt.Orientation.Horizontal) == "Language")
    index = model.index(1, column)
    assert model.data(index) == "Plan's language"
    assert model.setData(index, "fr", Qt.ItemDataRole.EditRole)
    assert model.data(index) == "Français" and document.plan.reps[1].language == "fr"
    document.undo_stack.undo()
    assert document.plan.reps[1].language == ""


def test_the_german_states_are_listed_by_name_and_augsburg_reads_as_a_city(qtbot, document):
    from ui.pages.accountability import AccountabilityPage  # noqa: PLC0415

    page = AccountabilityPage(document)
    qtbot.addWidget(page)
    state = combos(page)["Where the reps work: state, canton or region"]
    listed = [state.itemText(i) for i in range(1, state.count())]  # after "The whole country"
    assert listed[:4] == ["Augsburg (city)", "Baden-Württemberg (BW)", "Bayern (BY)",
                          "Berlin (BE)"]
