"""The cadence step: its tier buttons show the cadence's tiers after an undo or a redo (the screen
never says "for tiers A and B" while the plan, saved and printed, holds A only), its step buttons
are off without a cadence, and its summary counts days as the playbook does."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from prospector.editing import CADENCE_TEMPLATES
from prospector.model import Plan
from prospector.playbook.item_pages import step_item
from prospector.store import PlanStore
from ui.main_window import MainWindow


def _window(qtbot, plan, tmp_path) -> MainWindow:
    """The app's window on ``plan``, stored."""
    store = PlanStore()
    store.save(plan)
    window = MainWindow(store, store.load(plan.id),
                        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_undo_and_redo_of_a_tier_show_on_its_button(qtbot, sample_plan, tmp_path):
    window = _window(qtbot, sample_plan, tmp_path)
    page = window.pages["cadences"]
    cadence = next(c for c in window.document.plan.cadences if "C" not in c.tiers)
    page.picker.setCurrentIndex(page.picker.findData(cadence.id))

    def shown():
        return {t for t, b in page.tier_buttons.items() if b.isChecked()}

    def held():
        return set(page._cadence().tiers)

    page.tier_buttons["C"].click()
    assert "C" in held()
    window.document.undo_stack.undo()
    assert "C" not in held() and shown() == held()
    window.document.undo_stack.redo()
    assert "C" in held() and shown() == held()


def test_step_buttons_are_off_while_there_is_no_cadence(qtbot, tmp_path):
    # Add step, Delete step and Sort by day were on, and did nothing
    window = _window(qtbot, Plan(name="No cadence yet"), tmp_path)
    page = window.pages["cadences"]
    assert not any(b.isEnabled() for b in page.step_buttons)
    page.add_from_template(CADENCE_TEMPLATES[0])
    assert all(b.isEnabled() for b in page.step_buttons)


def test_the_cadence_summary_counts_its_days_as_the_playbook_does(qtbot, sample_plan, tmp_path):
    # the app said "over 88 days", the playbook "89 days: day 0 to day 88"
    window = _window(qtbot, sample_plan, tmp_path)
    window.show()
    window.go_to_step("cadences")
    page = window.pages["cadences"]
    last = page._cadence().span_days
    qtbot.waitUntil(lambda: bool(page.summary.text()))
    assert f"over {last + 1} days," in page.summary.text()


def test_the_preview_shows_the_cadence_and_the_step_selected(qtbot, sample_plan, tmp_path):
    """Picking a cadence or a step left the preview at the top of the first cadence; and coming
    back to the step showed the part's top, not the step still selected."""
    window = _window(qtbot, sample_plan, tmp_path)
    window.go_to_step("cadences")
    page, preview = window.pages["cadences"], window.preview
    second = sample_plan.cadences[1]
    page.picker.setCurrentIndex(1)
    assert preview.item_id == second.id
    # the steps table is in the plan's order; the playbook numbers the steps by day
    row = max(range(len(second.steps)), key=lambda r: second.steps[r].day)
    page.table.selectRow(row)
    assert preview.item_id == step_item(second.id, len(second.steps))
    window.document.set_value(("cadences", second.id, "steps", row, "objective"), "A new ask.")
    assert preview.item_id == step_item(second.id, len(second.steps))  # the step edited
    window.go_to_step("touches")
    window.go_to_step("cadences")
    assert preview.item_id == step_item(second.id, len(second.steps))


def test_a_step_whose_day_moves_it_is_followed_by_the_preview(qtbot, sample_plan, tmp_path):
    window = _window(qtbot, sample_plan, tmp_path)
    window.show()
    window.go_to_step("cadences")
    page, preview = window.pages["cadences"], window.preview
    cadence = window.document.plan.cadences[0]
    page.table.selectRow(0)  # day 0: printed first
    assert preview.item_id == step_item(cadence.id, 1)
    window.document.set_value(("cadences", cadence.id, "steps", 0, "day"),
                              max(s.day for s in cadence.steps) + 5)
    assert preview.item_id == step_item(cadence.id, len(cadence.steps))  # printed last now
    window.close()
