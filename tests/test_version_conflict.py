"""The app open on a plan while the command line (or another window) saves it: the app's next
autosave overwrites nothing; the leader combines both, keeps theirs, or keeps a copy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from prospector.cli import main
from prospector.commands import accounts
from prospector.store import PlanStore
from prospector.store.unsaved_edits import recover
from ui import dialogs
from ui.main_window import MainWindow


@pytest.fixture
def opened(qtbot, tmp_path, sample_plan, monkeypatch):
    store = PlanStore()
    store.save(sample_plan)
    window = MainWindow(store, sample_plan, QSettings(str(tmp_path / "s.ini"),
                                                      QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    asked = []

    def answer(choice):
        monkeypatch.setattr(dialogs, "ask_conflict",
                            lambda _p, what, why_not: asked.append((what, why_not)) or choice)
    monkeypatch.setattr(dialogs, "show_info", lambda *a: asked.append(a))
    return window, store, answer, asked


def _elsewhere(store, plan_id, change):
    """The command line: load, change, save (version 2)."""
    other = store.load(plan_id)
    change(other)
    return store.save(other, note="accounts --import")


def _autosave(qtbot, window, edit):
    edit()
    with qtbot.waitSignal(window.autosaver.conflict, timeout=60000):
        window.autosaver.save_now()


def test_edits_to_different_parts_are_combined(qtbot, opened):
    window, store, answer, asked = opened
    plan_id = window.document.plan.id
    _elsewhere(store, plan_id, lambda p: setattr(p.basics, "owner", "Owner from the CLI"))
    answer("merge")
    _autosave(qtbot, window, lambda: window.document.set_value(("basics", "goal"), "70 meetings"))
    qtbot.waitUntil(lambda: store.find(plan_id).version == 3, timeout=60000)
    stored = store.load(plan_id)
    assert (stored.basics.goal, stored.basics.owner) == ("70 meetings", "Owner from the CLI")
    assert window.document.plan.basics.owner == "Owner from the CLI"
    assert asked[0][1] == "" and "your changes started from version 1" in asked[0][0]
    assert store.history(plan_id)[1].note == "accounts --import"  # version 2 is kept


def test_the_same_field_changed_both_ways_keeps_mine_as_a_copy(qtbot, opened):
    window, store, answer, asked = opened
    plan_id, name = window.document.plan.id, window.document.plan.name
    _elsewhere(store, plan_id, lambda p: setattr(p.basics, "goal", "Theirs"))
    answer("merge")  # offered only when possible: here the dialog says why not
    _autosave(qtbot, window, lambda: window.document.set_value(("basics", "goal"), "Mine"))
    assert asked[0][1] == "both sides changed basics › goal"
    qtbot.waitUntil(lambda: len(store.list_plans()) == 2, timeout=60000)
    assert store.load(plan_id).basics.goal == "Theirs"  # not overwritten
    copy = window.document.plan
    assert copy.id != plan_id and copy.name == f"{name} (my copy)"
    assert store.load(copy.id).basics.goal == "Mine"
    # "Mine" went with the copy: reopening the plan later does not type it over theirs again
    assert recover(store.folder, plan_id).values == []


def test_discarding_mine_loads_theirs(qtbot, opened):
    window, store, answer, _asked = opened
    plan_id = window.document.plan.id
    _elsewhere(store, plan_id, lambda p: setattr(p.basics, "goal", "Theirs"))
    answer("reload")
    _autosave(qtbot, window, lambda: window.document.set_value(("basics", "goal"), "Mine"))
    assert window.document.plan.basics.goal == "Theirs"
    assert window.save_label.text() == "All changes saved"  # not "Not saved: changed elsewhere"
    window.document.set_value(("basics", "owner"), "Next edit")  # saving works again
    window.save_now()
    stored = store.load(plan_id)
    assert (stored.basics.goal, stored.basics.owner) == ("Theirs", "Next edit")
    assert recover(store.folder, plan_id).values == []  # "Mine" is discarded, not kept aside


def test_a_plan_deleted_elsewhere_is_saved_again(qtbot, opened):
    window, store, _answer, asked = opened
    plan_id = window.document.plan.id
    store.delete(plan_id)
    _autosave(qtbot, window, lambda: window.document.set_value(("basics", "goal"), "Mine"))
    qtbot.waitUntil(lambda: any(p.id == plan_id for p in store.list_plans()),
                    timeout=60000)
    assert store.load(plan_id).basics.goal == "Mine"
    assert "deleted" in asked[0][1]


def test_the_command_line_refuses_to_import_over_a_newer_version(capsys, sample_plan,
                                                                 tmp_path, monkeypatch):
    """The app saved the plan between the command's reading it and its saving: the import says
    so and saves nothing."""
    store = PlanStore()
    store.save(sample_plan)
    csv = tmp_path / "accounts.csv"
    csv.write_text("Company,Country\nNew Account AB,Sweden\n", "utf-8")
    real_load = accounts._load

    def load_then_the_app_saves(ref):
        loaded = real_load(ref)
        mine = store.load(sample_plan.id)
        mine.basics.goal = "Typed in the app meanwhile"
        store.save(mine)  # version 2
        return loaded

    monkeypatch.setattr(accounts, "_load", load_then_the_app_saves)
    assert main(["accounts", sample_plan.id, "--import", str(csv)]) == 1
    err = capsys.readouterr().err
    assert "version 2" in err and "nothing was imported" in err
    current = store.load(sample_plan.id)
    assert current.basics.goal == "Typed in the app meanwhile"
    assert "New Account AB" not in [a.name for a in current.accounts]


def test_closing_right_after_a_conflicting_edit_still_asks(qtbot, opened):
    """The save made on closing meets the newer version: the leader is asked before the window
    goes, and nothing typed is lost."""
    window, store, answer, asked = opened
    plan_id = window.document.plan.id
    _elsewhere(store, plan_id, lambda p: setattr(p.basics, "owner", "Owner from the CLI"))
    answer("merge")
    window.document.set_value(("basics", "goal"), "Typed just before closing")
    window.close()
    assert len(asked) == 1
    stored = store.load(plan_id)
    assert (stored.basics.goal, stored.basics.owner) == ("Typed just before closing",
                                                         "Owner from the CLI")
