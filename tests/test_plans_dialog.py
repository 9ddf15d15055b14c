"""The Plans screen, driven like a user: rows clicked, buttons pressed, the modal questions
answered through the patched ``ui.dialogs`` functions. What is checked is what a user notices:
the list, the message, the errors shown, and what the store holds afterwards."""

import errno
import json

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

import prospector.store as store_module
from prospector.errors import StoreError
from prospector.model import Plan
from prospector.planfile import write_plan_file
from prospector.store import PlanStore
from ui import dialogs
from ui.main_window import MainWindow
from ui.plans_dialog import PlansDialog, VersionsDialog


class Asked:
    """Stands in for every modal question: answers queued by the test, errors recorded."""

    def __init__(self, monkeypatch):
        self.texts: list[str | None] = []
        self.files: list[str | None] = []
        self.errors: list[tuple[str, str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.confirmed: list[str] = []
        monkeypatch.setattr(dialogs, "ask_text", self._ask_text)
        monkeypatch.setattr(dialogs, "ask_open_plan_file", self._ask_file)
        monkeypatch.setattr(dialogs, "show_error", self._show_error)
        monkeypatch.setattr(dialogs, "show_info",
                            lambda parent, title, text: self.infos.append((title, text)))
        monkeypatch.setattr(dialogs, "confirm",
                            lambda parent, title, text, yes: self.confirmed.append(text) or True)
        self.import_over: list[str] = []  # the answers to "already in your plans"
        monkeypatch.setattr(dialogs, "ask_import_over", self._ask_import_over)

    def _ask_import_over(self, parent, name, saved, file_name, file_saved):
        assert self.import_over, f"unexpected question: is {name!r} replaced?"
        self.import_asked = (name, saved, file_name, file_saved)
        return self.import_over.pop(0)

    def _ask_text(self, parent, title, label, text=""):
        assert self.texts, f"unexpected question: {title!r}"
        return self.texts.pop(0)

    def _ask_file(self, parent):
        assert self.files, "unexpected file question"
        return self.files.pop(0)

    def _show_error(self, parent, title, message, hint=""):
        self.errors.append((title, message, hint))


@pytest.fixture
def asked(monkeypatch):
    return Asked(monkeypatch)


@pytest.fixture
def store():
    return PlanStore()


@pytest.fixture
def plans(store):
    """Three stored plans, saved oldest first (the list shows the newest first)."""
    stored = {}
    for name, goal in (("Nordics push", "12 first meetings"), ("DACH pilots", "5 pilots"),
                       ("Benelux renewals", "")):
        plan = Plan(name=name)
        plan.basics.goal = goal
        store.save(plan, note="new plan")
        stored[name] = plan
    return stored


def _dialog(qtbot, store, current_id=None):
    dialog = PlansDialog(store, current_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog, timeout=60000)
    return dialog


def _shown_names(dialog) -> list[str]:
    return [dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())]


def _stored(store) -> dict[str, tuple[str, int]]:
    """id -> (name, version) of every stored plan: what the store holds."""
    return {s.id: (s.name, s.version) for s in store.list_plans()}


def _click_row(qtbot, dialog, name: str) -> None:
    rows = [row for row in range(dialog.proxy.rowCount())
            if dialog.proxy.index(row, 0).data() == name]
    assert rows, f"{name!r} is not in the list: {_shown_names(dialog)}"
    rect = dialog.table.visualRect(dialog.proxy.index(rows[0], 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.table.currentIndex().siblingAtColumn(0).data() == name


def _disk_full(monkeypatch):
    def full(path, data, **_options):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.storage, "atomic_write_bytes", full)


# --- new, open, search -------------------------------------------------------------------------
def test_new_blank_plan_is_stored_listed_and_chosen(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    asked.texts = ["  Iberia launch  "]
    dialog.buttons["new"].click()
    assert asked.errors == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _stored(store)[dialog.chosen_id] == ("Iberia launch", 1)
    assert "Iberia launch" in _shown_names(dialog)
    assert len(store.list_plans()) == 4


def test_new_from_sample_is_a_new_plan_with_the_samples_content(qtbot, store, sample_plan,
                                                                  asked):
    dialog = _dialog(qtbot, store)
    assert _shown_names(dialog) == []
    dialog.buttons["sample"].click()
    assert asked.errors == []
    new = store.load(dialog.chosen_id)
    assert new.id != sample_plan.id
    assert new.name == sample_plan.name and new.accounts == sample_plan.accounts
    assert _shown_names(dialog) == [sample_plan.name]


def test_cancelling_a_new_plan_stores_nothing(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    before = _stored(store)
    asked.texts = [None]
    dialog.buttons["new"].click()
    assert dialog.chosen_id is None and dialog.isVisible()
    assert _stored(store) == before and asked.errors == []


@pytest.mark.parametrize("name, problem", [
    ("x" * 201, "is too long (at most 200 characters)"),
    ("Nordics\x07push", "contains U+0007"),
])
def test_a_new_plan_with_a_refused_name_is_not_created(qtbot, store, plans, asked, name,
                                                        problem):
    dialog = _dialog(qtbot, store)
    before = _stored(store)
    asked.texts = [name]
    dialog.buttons["new"].click()
    [(title, message, hint)] = asked.errors
    assert title == "New plan" and problem in hint and "No plan was created" in hint
    assert dialog.chosen_id is None and dialog.isVisible()
    assert _stored(store) == before


def test_choosing_a_plan_and_opening_returns_its_id(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store, plans["Nordics push"].id)
    _click_row(qtbot, dialog, "DACH pilots")
    dialog.buttons["open"].click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_id == plans["DACH pilots"].id


def test_double_clicking_a_plan_opens_it(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    rows = _shown_names(dialog)
    rect = dialog.table.visualRect(dialog.proxy.index(rows.index("Benelux renewals"), 0))
    # a real double click: press/release, then the double-click event on the same row
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen_id == plans["Benelux renewals"].id


def test_the_open_plan_is_selected_first(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store, plans["DACH pilots"].id)
    assert dialog.selected_id() == plans["DACH pilots"].id


def test_search_filters_the_list(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    assert sorted(_shown_names(dialog)) == ["Benelux renewals", "DACH pilots", "Nordics push"]
    qtbot.keyClicks(dialog.search, "NORD")
    assert _shown_names(dialog) == ["Nordics push"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "e")
    assert sorted(_shown_names(dialog)) == ["Benelux renewals"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "zzz")
    assert _shown_names(dialog) == []
    dialog.buttons["open"].click()  # nothing shown, nothing chosen
    assert dialog.chosen_id is None and dialog.isVisible()


# --- duplicate ----------------------------------------------------------------------------------
def test_duplicate_makes_a_second_plan_with_the_same_content_and_a_new_id(qtbot, store, plans,
                                                                           asked):
    dialog = _dialog(qtbot, store)
    source = plans["Nordics push"]
    _click_row(qtbot, dialog, "Nordics push")
    asked.texts = ["Nordics push (copy)"]
    dialog.buttons["duplicate"].click()
    assert asked.errors == []
    [copy_summary] = [s for s in store.list_plans() if s.name == "Nordics push (copy)"]
    copy = store.load(copy_summary.id)
    assert copy.id != source.id
    assert copy.basics == source.basics and copy.accounts == source.accounts
    assert store.load(source.id).name == "Nordics push"  # the original is untouched
    assert dialog.selected_id() == copy.id
    assert sorted(_shown_names(dialog)) == ["Benelux renewals", "DACH pilots", "Nordics push",
                                            "Nordics push (copy)"]


def test_duplicate_with_a_refused_name_makes_no_copy(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    before, shown = _stored(store), _shown_names(dialog)
    _click_row(qtbot, dialog, "DACH pilots")
    asked.texts = ["y" * 201]
    dialog.buttons["duplicate"].click()
    [(title, _message, hint)] = asked.errors
    assert title == "Duplicate plan" and "too long (at most 200 characters)" in hint
    assert _stored(store) == before and _shown_names(dialog) == shown


# --- rename -------------------------------------------------------------------------------------
def test_rename_changes_the_name_shown_and_stored(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    plan_id = plans["DACH pilots"].id
    _click_row(qtbot, dialog, "DACH pilots")
    asked.texts = ["DACH pilots 2027 "]
    dialog.buttons["rename"].click()
    assert asked.errors == []
    assert store.load(plan_id).name == "DACH pilots 2027"
    assert store.load(plan_id).basics.goal == "5 pilots"
    assert store.history(plan_id)[0].note == "renamed to DACH pilots 2027"
    assert "DACH pilots 2027" in _shown_names(dialog) and "DACH pilots" not in _shown_names(dialog)
    assert dialog.selected_id() == plan_id
    assert "DACH pilots 2027" in dialog.message.text()


@pytest.mark.parametrize("typed, problem", [
    ("   ", "must not be empty"),
    ("z" * 201, "is too long (at most 200 characters)"),
    ("DACH\x01pilots", "contains U+0001 at character 5, a control character"),
    ("DACH \ud800", "contains U+D800"),
    (" nordics PUSH", "is another plan's (“Nordics push”)"),
])
def test_a_refused_rename_says_why_and_changes_nothing(qtbot, store, plans, asked, typed,
                                                       problem):
    dialog = _dialog(qtbot, store)
    plan_id = plans["DACH pilots"].id
    before, shown = _stored(store), _shown_names(dialog)
    _click_row(qtbot, dialog, "DACH pilots")
    asked.texts = [typed]
    dialog.buttons["rename"].click()
    [(title, message, hint)] = asked.errors
    assert title == "Rename plan"
    assert "cannot be the name of a plan" in message
    assert problem in hint
    assert "still called “DACH pilots”" in hint and "Rename again" in hint
    assert "\x01" not in message and "\ud800" not in message  # shown as �, not sent to Qt raw
    assert _stored(store) == before and _shown_names(dialog) == shown
    assert store.load(plan_id).name == "DACH pilots"
    assert dialog.selected_id() == plan_id


def test_a_long_refused_name_is_shortened_in_the_message(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    _click_row(qtbot, dialog, "Nordics push")
    asked.texts = ["w" * 300]
    dialog.buttons["rename"].click()
    [(_title, message, _hint)] = asked.errors
    assert "…" in message and len(message) < 120


def test_rename_cancelled_or_unchanged_saves_nothing(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    before = _stored(store)
    _click_row(qtbot, dialog, "Nordics push")
    asked.texts = [None, "Nordics push"]
    dialog.buttons["rename"].click()
    dialog.buttons["rename"].click()
    assert _stored(store) == before and asked.errors == []


def test_rename_on_a_full_disk_is_shown_and_changes_nothing(qtbot, store, plans, asked,
                                                            monkeypatch):
    dialog = _dialog(qtbot, store)
    before, shown = _stored(store), _shown_names(dialog)
    _click_row(qtbot, dialog, "Nordics push")
    _disk_full(monkeypatch)
    asked.texts = ["Nordics 2027"]
    dialog.buttons["rename"].click()
    [(title, message, hint)] = asked.errors
    assert title == "Rename plan" and "“Nordics push” could not be renamed" in message
    assert "No space left on device" in hint and "still called “Nordics push”" in hint
    assert _stored(store) == before and _shown_names(dialog) == shown


def test_renaming_a_plan_deleted_meanwhile_says_so(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    _click_row(qtbot, dialog, "Benelux renewals")
    PlanStore().delete(plans["Benelux renewals"].id)  # another window or the CLI
    dialog.buttons["rename"].click()  # fails before asking for a name
    [(title, message, hint)] = asked.errors
    assert title == "Rename plan" and "Benelux renewals" in message
    assert plans["Benelux renewals"].id in hint
    assert "Benelux renewals" not in _shown_names(dialog)  # the list now shows what is stored


def test_an_unexpected_failure_is_shown_not_swallowed(qtbot, store, plans, asked, monkeypatch):
    dialog = _dialog(qtbot, store)
    before = _stored(store)
    _click_row(qtbot, dialog, "Nordics push")

    def broken(plan, note=""):
        raise RuntimeError("index out of sync")

    monkeypatch.setattr(store, "save", broken)
    asked.texts = ["Nordics 2027"]
    dialog.buttons["rename"].click()
    [(_title, _message, hint)] = asked.errors
    assert "Unexpected error: RuntimeError: index out of sync" in hint
    assert hint.endswith("The list shows what is stored now.")
    assert _stored(store) == before and "Nordics push" in _shown_names(dialog)


def test_a_busy_store_gives_one_message_and_the_list_stays(qtbot, store, plans, asked,
                                                           monkeypatch):
    dialog = _dialog(qtbot, store)
    shown = _shown_names(dialog)
    _click_row(qtbot, dialog, "DACH pilots")

    def busy(*_args, **_kwargs):
        raise StoreError("plans.json: another Prospector is busy with this store; try again "
                         "in a moment")

    for method in ("list_plans", "delete", "save", "load"):
        monkeypatch.setattr(store, method, busy)
    dialog.buttons["delete"].click()
    [(title, message, hint)] = asked.errors  # one failure, one message
    assert title == "Delete plan" and "“DACH pilots” could not be deleted" in message
    assert "busy" in hint and hint.endswith("Nothing was changed.")
    assert _shown_names(dialog) == shown and not dialog.buttons["undelete"].isEnabled()


# --- delete and undo ----------------------------------------------------------------------------
def test_delete_and_undo_delete_bring_the_plan_back_with_its_content(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store, plans["Nordics push"].id)
    plan_id = plans["DACH pilots"].id
    assert not dialog.buttons["undelete"].isEnabled()
    _click_row(qtbot, dialog, "DACH pilots")
    dialog.buttons["delete"].click()
    assert asked.confirmed and "DACH pilots" in asked.confirmed[0]
    assert "DACH pilots" not in _shown_names(dialog)
    assert plan_id not in _stored(store)
    assert dialog.buttons["undelete"].isEnabled()
    assert "deleted" in dialog.message.text()

    dialog.buttons["undelete"].click()
    assert asked.errors == []
    assert "DACH pilots" in _shown_names(dialog) and dialog.selected_id() == plan_id
    assert store.load(plan_id).basics.goal == "5 pilots"
    assert not dialog.buttons["undelete"].isEnabled()


def test_undo_delete_brings_back_each_deleted_plan(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    for name in ("DACH pilots", "Benelux renewals"):
        _click_row(qtbot, dialog, name)
        dialog.buttons["delete"].click()
    assert _shown_names(dialog) == ["Nordics push"]
    dialog.buttons["undelete"].click()
    assert sorted(_shown_names(dialog)) == ["Benelux renewals", "Nordics push"]
    assert dialog.buttons["undelete"].isEnabled()
    dialog.buttons["undelete"].click()
    assert sorted(_shown_names(dialog)) == ["Benelux renewals", "DACH pilots", "Nordics push"]
    assert not dialog.buttons["undelete"].isEnabled()
    assert asked.errors == []


def test_the_open_plan_cannot_be_deleted(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store, plans["Nordics push"].id)
    _click_row(qtbot, dialog, "Nordics push")
    dialog.buttons["delete"].click()
    [(title, message, _hint)] = asked.errors
    assert title == "Delete plan" and message == "This plan is open."
    assert plans["Nordics push"].id in _stored(store)


def test_delete_on_a_full_disk_is_shown_and_the_plan_stays(qtbot, store, plans, asked,
                                                           monkeypatch):
    dialog = _dialog(qtbot, store)
    before, shown = _stored(store), _shown_names(dialog)
    _click_row(qtbot, dialog, "DACH pilots")
    _disk_full(monkeypatch)
    dialog.buttons["delete"].click()
    [(title, _message, hint)] = asked.errors
    assert title == "Delete plan" and "No space left on device" in hint
    assert _stored(store) == before and _shown_names(dialog) == shown
    assert not dialog.buttons["undelete"].isEnabled()


def test_undo_delete_on_a_full_disk_can_be_tried_again(qtbot, store, plans, asked, monkeypatch):
    dialog = _dialog(qtbot, store)
    plan_id = plans["DACH pilots"].id
    _click_row(qtbot, dialog, "DACH pilots")
    dialog.buttons["delete"].click()
    with monkeypatch.context() as patch:
        _disk_full(patch)
        dialog.buttons["undelete"].click()
    [(title, _message, hint)] = asked.errors
    assert title == "Undo delete" and "No space left on device" in hint
    assert "can try again" in hint and dialog.buttons["undelete"].isEnabled()
    dialog.buttons["undelete"].click()
    assert store.load(plan_id).basics.goal == "5 pilots"
    assert "DACH pilots" in _shown_names(dialog)


# --- import -------------------------------------------------------------------------------------
def test_importing_a_plan_file_adds_it(qtbot, store, plans, asked, tmp_path):
    incoming = Plan(name="Partner plan")
    incoming.basics.goal = "3 partner deals"
    path = write_plan_file(incoming, tmp_path / "partner.json")
    dialog = _dialog(qtbot, store)
    asked.files = [str(path)]
    dialog.buttons["import"].click()
    assert asked.errors == []
    assert "Partner plan" in _shown_names(dialog) and dialog.selected_id() == incoming.id
    assert store.load(incoming.id).basics.goal == "3 partner deals"
    assert store.history(incoming.id)[0].note == "imported from partner.json"
    assert "Imported “Partner plan”" in dialog.message.text()


@pytest.mark.parametrize("content, problem", [
    ("{not json", "is not valid JSON"),
    (json.dumps({"format": "prospector-plan", "schema_version": 3, "name": ""}),
     "name: must not be empty"),
])
def test_a_broken_plan_file_is_refused_and_adds_nothing(qtbot, store, plans, asked, tmp_path,
                                                         content, problem):
    path = tmp_path / "broken.json"
    path.write_text(content, "utf-8")
    dialog = _dialog(qtbot, store)
    before, shown = _stored(store), _shown_names(dialog)
    asked.files = [str(path)]
    dialog.buttons["import"].click()
    [(title, message, hint)] = asked.errors
    assert title == "Import plan file" and message == "This file cannot be imported."
    assert problem in hint and "Nothing was changed" in hint
    assert _stored(store) == before and _shown_names(dialog) == shown


def test_import_on_a_full_disk_is_shown_and_adds_nothing(qtbot, store, plans, asked, tmp_path,
                                                         monkeypatch):
    path = write_plan_file(Plan(name="Partner plan"), tmp_path / "partner.json")
    dialog = _dialog(qtbot, store)
    before = _stored(store)
    _disk_full(monkeypatch)
    asked.files = [str(path)]
    dialog.buttons["import"].click()
    [(title, message, hint)] = asked.errors
    assert title == "Import plan file" and "Partner plan" in message
    assert "No space left on device" in hint
    monkeypatch.undo()
    assert _stored(store) == before


def _other_version_file(plans, tmp_path):
    """A file of the stored "DACH pilots" with another goal (exported before it changed)."""
    edited = plans["DACH pilots"].model_copy(deep=True)
    edited.basics.goal = "8 pilots"
    return write_plan_file(edited, tmp_path / "dach.json")


def test_importing_a_stored_plans_file_again_asks_and_replaces_it_keeping_the_old_version(
        qtbot, store, plans, asked, tmp_path):
    """It replaced the stored plan without a word: the edits made since the file was exported
    were gone from the plan (only Versions… had them)."""
    source = plans["DACH pilots"]
    path = _other_version_file(plans, tmp_path)
    dialog = _dialog(qtbot, store)
    asked.files, asked.import_over = [str(path)], ["replace"]
    dialog.buttons["import"].click()
    assert asked.errors == [] and asked.import_over == []
    name, saved, file_name, file_saved = asked.import_asked  # which side is newer, told
    assert (name, file_name) == ("DACH pilots", "dach.json") and saved and file_saved
    assert _shown_names(dialog).count("DACH pilots") == 1 and len(store.list_plans()) == 3
    assert store.load(source.id).basics.goal == "8 pilots"
    assert store.load_version(source.id, 1).basics.goal == "5 pilots"  # kept in the history
    assert "newest version of the stored plan" in dialog.message.text()


@pytest.mark.parametrize("answer", ["copy", "cancel"])
def test_a_stored_plans_file_imported_as_a_new_plan_or_cancelled_leaves_the_plan_as_it_is(
        qtbot, store, plans, asked, tmp_path, answer):
    source = plans["DACH pilots"]
    dialog = _dialog(qtbot, store)
    asked.files, asked.import_over = [str(_other_version_file(plans, tmp_path))], [answer]
    dialog.buttons["import"].click()
    assert store.load(source.id).basics.goal == "5 pilots"
    assert len(store.history(source.id)) == 1
    copies = [s for s in store.list_plans() if s.name == "DACH pilots (imported)"]
    if answer == "copy":
        assert len(copies) == 1 and store.load(copies[0].id).basics.goal == "8 pilots"
        assert _shown_names(dialog).count("DACH pilots (imported)") == 1
    else:
        assert copies == [] and len(store.list_plans()) == 3


def test_a_copy_of_a_plan_with_the_longest_name_is_stored_under_a_name_it_can_be_opened_by(
        qtbot, store, asked, tmp_path):
    """"… (imported)" took a 200-character name past the limit: stored, never opened again."""
    plan = Plan(name="Q" * 200)
    store.save(plan)
    edited = plan.model_copy(deep=True)
    edited.basics.goal = "another goal"
    dialog = _dialog(qtbot, store)
    asked.files = [str(write_plan_file(edited, tmp_path / "long.json"))]
    asked.import_over = ["copy"]
    dialog.buttons["import"].click()
    copy = next(s for s in store.list_plans() if s.id != plan.id)
    assert store.load(copy.id).basics.goal == "another goal"
    assert len(copy.name) == 200 and copy.name.endswith("… (imported)")


def test_a_stored_plans_own_file_imported_again_changes_nothing(qtbot, store, plans, asked,
                                                                tmp_path):
    """Nothing to ask: the store holds the file's plan (a new version would push an old one
    out of the 30 kept)."""
    source = plans["DACH pilots"]
    dialog = _dialog(qtbot, store)
    asked.files = [str(write_plan_file(source, tmp_path / "same.json"))]
    dialog.buttons["import"].click()
    assert len(store.history(source.id)) == 1 and len(store.list_plans()) == 3
    assert "already stored as it is" in dialog.message.text()


def test_cancelling_the_import_changes_nothing(qtbot, store, plans, asked):
    dialog = _dialog(qtbot, store)
    before = _stored(store)
    asked.files = [None]
    dialog.buttons["import"].click()
    assert _stored(store) == before and asked.errors == []


# --- versions -----------------------------------------------------------------------------------
@pytest.fixture
def three_versions(store):
    plan = Plan(name="Versioned")
    for goal in ("first goal", "second goal", "third goal"):
        plan.basics.goal = goal
        store.save(plan, note=f"set {goal}")
    return plan


def test_versions_dialog_lists_every_version_newest_first(qtbot, store, three_versions):
    dialog = VersionsDialog(store, three_versions.id)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert [t.split(" · ")[0] for t in texts] == ["Version 3", "Version 2", "Version 1"]
    assert texts[2].endswith("set first goal")
    assert dialog.list.currentRow() == 1  # the version before the current one


def test_restoring_a_version_makes_it_current_and_keeps_the_later_ones(qtbot, store,
                                                                      three_versions, asked):
    dialog = VersionsDialog(store, three_versions.id)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(2)  # version 1
    dialog.restore_button.click()
    assert asked.errors == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.restored == "Version 1 restored (now version 4)."
    assert store.load(three_versions.id).basics.goal == "first goal"
    history = store.history(three_versions.id)
    assert [v.version for v in history] == [4, 3, 2, 1]
    assert history[0].note == "restored from version 1"
    assert store.load_version(three_versions.id, 3).basics.goal == "third goal"


def test_restoring_on_a_full_disk_is_shown_and_changes_nothing(qtbot, store, three_versions,
                                                               asked, monkeypatch):
    dialog = VersionsDialog(store, three_versions.id)
    qtbot.addWidget(dialog)
    _disk_full(monkeypatch)
    dialog.restore_button.click()
    [(title, message, hint)] = asked.errors
    assert title == "Restore version" and message == "Version 2 could not be restored."
    assert "No space left on device" in hint
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.restored == ""
    monkeypatch.undo()
    assert [v.version for v in store.history(three_versions.id)] == [3, 2, 1]


def _answer_modal(qtbot, act):
    """Run ``act(modal)`` on the dialog that is about to open modally; always close it."""
    done = []

    def step():
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, step)
            return
        try:
            act(modal)
        finally:
            done.append(True)
            if modal.isVisible():
                modal.reject()

    QTimer.singleShot(0, step)
    return done


def test_versions_button_restores_and_the_list_shows_the_new_version(qtbot, store,
                                                                     three_versions, asked):
    dialog = _dialog(qtbot, store)
    _click_row(qtbot, dialog, "Versioned")

    def restore_first(versions):
        assert isinstance(versions, VersionsDialog)
        versions.list.setCurrentRow(2)
        versions.restore_button.click()

    done = _answer_modal(qtbot, restore_first)
    dialog.buttons["history"].click()
    assert done and asked.errors == []
    assert dialog.message.text() == "Version 1 restored (now version 4)."
    row = _shown_names(dialog).index("Versioned")
    assert dialog.proxy.index(row, 2).data() == "4"
    assert store.load(three_versions.id).basics.goal == "first goal"


def test_versions_of_a_plan_deleted_meanwhile_are_refused_with_a_reason(qtbot, store, plans,
                                                                        asked, monkeypatch):
    dialog = _dialog(qtbot, store)
    _click_row(qtbot, dialog, "Benelux renewals")

    def unreadable(plan_id):
        raise StoreError("plans.json: another Prospector is busy with this store; try again")

    monkeypatch.setattr(store, "history", unreadable)
    dialog.buttons["history"].click()  # no modal opens: the error is shown instead
    [(title, message, hint)] = asked.errors
    assert title == "Earlier versions" and "Benelux renewals" in message
    assert "busy" in hint


def test_a_store_that_cannot_be_listed_is_shown(qtbot, store, plans, asked, monkeypatch):
    def busy():
        raise StoreError("plans.json: another Prospector is busy with this store; try again")

    monkeypatch.setattr(store, "list_plans", busy)
    dialog = _dialog(qtbot, store)
    [(title, message, hint)] = asked.errors
    assert title == "Plans" and message == "The stored plans cannot be listed." and "busy" in hint
    assert _shown_names(dialog) == []


# --- the main window ----------------------------------------------------------------------------
@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _rename_open_plan_through_plans(qtbot, window, asked, new_name):
    def rename(plans_dialog):
        assert isinstance(plans_dialog, PlansDialog)
        _click_row(qtbot, plans_dialog, window.document.plan.name)
        asked.texts = [new_name]
        plans_dialog.buttons["rename"].click()

    done = _answer_modal(qtbot, rename)
    window.plans_action.trigger()
    assert done and asked.errors == []


def test_renaming_the_open_plan_after_an_autosave_updates_the_window(qtbot, store, settings,
                                                                     asked):
    plan = Plan(name="Quarterly push")
    store.save(plan)
    window = MainWindow(store, plan, settings)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.pages["basics"].offering.widget, "Pumps")
    window.save_now()
    qtbot.waitUntil(lambda: window.saved_version is not None, timeout=60000)
    _rename_open_plan_through_plans(qtbot, window, asked, "Quarterly push EMEA")
    assert window.windowTitle() == "Quarterly push EMEA[*] — Prospector"
    assert window.document.plan.basics.offering == "Pumps"
    window.close()
    assert store.load(plan.id).name == "Quarterly push EMEA"


def test_renaming_the_open_plan_right_after_opening_updates_the_window(qtbot, store, settings,
                                                                       asked):
    plan = Plan(name="Quarterly push")
    store.save(plan)
    window = MainWindow(store, plan, settings)
    qtbot.addWidget(window)
    _rename_open_plan_through_plans(qtbot, window, asked, "Quarterly push EMEA")
    try:
        assert window.windowTitle() == "Quarterly push EMEA[*] — Prospector"
    finally:
        window.close()
