"""A leader builds a small plan from a blank one through the widgets, undoes and redoes, the
plan autosaves, the app reopens with everything there, and a PDF is exported (and cancelled)."""

import errno
import json
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, QRect, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
)

import prospector.store as store_module
import ui.autosave as autosave
from prospector.model import Channel, Plan, TargetAccount
from prospector.planfile import read_plan_file
from prospector.store import PlanStore
from tests.conftest import REPO
from ui import dialogs, export_dialog
from ui.app import choose_plan
from ui.coach_panel import CoachPanel
from ui.document import PlanDocument
from ui.export_dialog import ExportDialog
from ui.import_dialog import CsvImportDialog
from ui.main_window import MainWindow
from ui.schedule_dialog import ScheduleExportDialog


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def store():
    return PlanStore()


def _window(qtbot, store, plan, settings):
    window = MainWindow(store, plan, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window, timeout=60000)
    return window


def _type_into_new_row(qtbot, editor, text):
    editor.buttons["add"].click()
    # the cell editor opened on the new row's name
    fields = [w for w in editor.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(fields) == 1
    field = fields[0]
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.table.state() == QAbstractItemView.State.NoState, timeout=60000)


def test_build_undo_autosave_reopen_export(qtbot, store, settings, tmp_path):
    blank = Plan(name="New prospecting plan")
    store.save(blank)
    window = _window(qtbot, store, blank, settings)
    assert window.windowTitle() == "New prospecting plan[*] — Prospector"

    basics = window.pages["basics"]
    basics.name.widget.selectAll()
    qtbot.keyClicks(basics.name.widget, "Nordics push")
    qtbot.keyClicks(basics.goal.widget, "12 first meetings by March")
    assert window.document.plan.name == "Nordics push"
    assert window.isWindowModified()

    window.go_to_step("targets")
    accounts = window.pages["targets"].editor
    _type_into_new_row(qtbot, accounts, "Fjord Steel AS")
    _type_into_new_row(qtbot, accounts, "Vik Pumps")
    assert [a.name for a in window.document.plan.accounts] == ["Fjord Steel AS", "Vik Pumps"]

    window.go_to_step("touches")
    _type_into_new_row(qtbot, window.pages["touches"].editor, "Downtime benchmark")
    assert window.document.plan.touches[0].title == "Downtime benchmark"

    # undo the touch and the second account, redo the account
    window.undo_action.trigger()  # title edit
    window.undo_action.trigger()  # add touch
    assert window.document.plan.touches == []
    window.undo_action.trigger()  # account name edit
    window.undo_action.trigger()  # add account
    assert [a.name for a in window.document.plan.accounts] == ["Fjord Steel AS"]
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert [a.name for a in window.document.plan.accounts] == ["Fjord Steel AS", "Vik Pumps"]

    with qtbot.waitSignal(window.autosaver.saved, timeout=10000):
        pass
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=60000)
    window.close()

    reopened_plan = choose_plan(store, None, settings)
    assert reopened_plan.name == "Nordics push"
    assert reopened_plan.basics.goal == "12 first meetings by March"
    assert [a.name for a in reopened_plan.accounts] == ["Fjord Steel AS", "Vik Pumps"]
    again = _window(qtbot, store, reopened_plan, settings)
    assert again.pages["basics"].goal.widget.toPlainText() == "12 first meetings by March"

    dialog = ExportDialog(again.document.plan, str(tmp_path))
    qtbot.addWidget(dialog)
    target = tmp_path / "nordics.pdf"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.runner.finished, timeout=120000) as done:
        dialog.start_export()
    ok, message, paths = done.args
    assert ok, message
    assert Path(paths[0]) == target and target.read_bytes().startswith(b"%PDF")
    assert not dialog.open_button.isHidden() and "Done" in dialog.stage.text()
    again.close()


def test_closing_flushes_the_last_edit(qtbot, store, settings):
    plan = Plan(name="Quick edit")
    store.save(plan)
    window = _window(qtbot, store, plan, settings)
    qtbot.keyClicks(window.pages["basics"].offering.widget, "Predictive maintenance")
    window.close()  # well before the autosave delay
    assert store.load(plan.id).basics.offering == "Predictive maintenance"


def test_the_status_bar_says_all_changes_saved_only_once_they_are(qtbot, store, settings):
    plan = Plan(name="Quick edit")
    store.save(plan)
    window = _window(qtbot, store, plan, settings)
    assert window.save_label.text() == "All changes saved"
    window.document.set_value(("basics", "offering"), "Predictive maintenance", "Offering")
    assert window.save_label.text() == "Changes not saved yet"  # said "All changes saved"
    qtbot.waitUntil(lambda: store.load(plan.id).basics.offering == "Predictive maintenance",
                    timeout=60000)
    qtbot.waitUntil(lambda: window.save_label.text() == "All changes saved", timeout=60000)


def test_undo_and_redo_from_the_keyboard(qtbot, store, settings):
    plan = Plan(name="Keys")
    store.save(plan)
    window = _window(qtbot, store, plan, settings)
    qtbot.keyClicks(window.pages["basics"].offering.widget, "Predictive maintenance")
    with qtbot.waitActive(window, timeout=60000):
        window.activateWindow()
    steps = window.navigator  # the window's shortcuts, not a text field's own undo
    steps.setFocus()
    qtbot.keyClick(steps, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.basics.offering == ""
    qtbot.keyClick(steps, Qt.Key.Key_Z,  # Linux's redo
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.plan.basics.offering == "Predictive maintenance"
    qtbot.keyClick(steps, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(steps, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # also redo
    assert window.document.plan.basics.offering == "Predictive maintenance"


def test_export_can_be_cancelled(qtbot, store, settings, tmp_path, sample_plan):
    dialog = ExportDialog(sample_plan, str(tmp_path))
    qtbot.addWidget(dialog)
    target = tmp_path / "cancelled.pdf"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.runner.finished, timeout=300000) as done:
        with qtbot.waitSignal(dialog.runner.progress, timeout=300000):
            dialog.start_export()  # cancelled once it is under way, however fast or slow
        dialog.cancel_button.click()
    assert done.args[0] is False and done.args[1] == "Cancelled."
    assert not target.exists()
    assert dialog.export_button.isEnabled()


def _every_reps_export(qtbot, plan, folder):
    """The export dialog set to every rep's edition into ``folder``, and the stages it will
    show (a list that fills as they come)."""
    dialog = ExportDialog(plan, str(folder.parent))
    qtbot.addWidget(dialog)
    dialog.all_reps.setChecked(True)
    dialog.output.setText(str(folder))
    stages: list[str] = []
    dialog.runner.progress.connect(lambda _f, stage: stages.append(stage))
    return dialog, stages


def test_every_reps_export_cancelled_takes_away_the_folder_it_made(qtbot, store, settings,
                                                                     tmp_path, sample_plan):
    """Cancelled before a PDF was written, it left an empty folder of playbooks behind."""
    folder = tmp_path / "playbooks"
    dialog, stages = _every_reps_export(qtbot, sample_plan, folder)
    with qtbot.waitSignal(dialog.runner.finished, timeout=300000) as done:
        dialog.start_export()
        # the folder is made, the reps are being laid out: none is written yet
        qtbot.waitUntil(lambda: any(s.startswith("Rendering 3") for s in stages),
                        timeout=300000)
        assert folder.is_dir()
        dialog.cancel_button.click()
    assert done.args[1] == "Cancelled." and not folder.exists()


def test_every_reps_export_cancelled_after_a_pdf_says_how_many_it_wrote(qtbot, store, settings,
                                                                       tmp_path, sample_plan):
    """It said "Cancelled." alone, the PDFs written before it unmentioned in the folder."""
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7 not this export's")
    dialog, stages = _every_reps_export(qtbot, sample_plan, folder)
    with qtbot.waitSignal(dialog.runner.finished, timeout=300000):
        dialog.start_export()
        qtbot.waitUntil(lambda: any(s.startswith("Rendered") for s in stages), timeout=300000)
        dialog.cancel_button.click()
    written = sorted(str(p) for p in folder.glob("*.pdf") if p.name != "notes.pdf")
    assert written and dialog.result_paths == written
    assert dialog.stage.text().startswith(f"Cancelled. {len(written)} rep")
    assert dialog.stage.text().endswith("written before it.")
    assert not dialog.folder_button.isHidden()  # "Show in folder"


def test_an_export_that_shortened_the_playbook_says_what_it_left_out(qtbot, tmp_path):
    plan = Plan(name="Long notes", accounts=[TargetAccount(id="acc-1", name="Acme Steel",
                                                           notes="Met at the fair. " * 400)])
    dialog = ExportDialog(plan, str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "long.pdf"))
    with qtbot.waitSignal(dialog.runner.finished, timeout=300000) as done:
        dialog.start_export()
    assert done.args[0] is True
    assert dialog.shortened.isVisibleTo(dialog)
    assert dialog.shortened.text().startswith("Shortened for print:\n• ")
    assert "Acme Steel" in dialog.shortened.text()


def test_first_start_opens_the_sample(store, settings, sample_doc):
    plan = choose_plan(store, None, settings)
    assert plan.id == sample_doc["id"]
    assert [p.id for p in store.list_plans()] == [sample_doc["id"]]


def test_window_is_usable_at_1280_by_800(qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    window.resize(1280, 800)
    assert window.minimumSizeHint().width() <= 1280
    assert window.minimumSizeHint().height() <= 800
    for page in window.pages.values():
        for child in page.findChildren(object):
            if hasattr(child, "accessibleName") and child.metaObject().className() in (
                    "QLineEdit", "QPlainTextEdit", "QComboBox", "QTableView") and not (
                    child.objectName().startswith("qt_")):  # parts of Qt's own composite widgets
                assert child.accessibleName(), f"{child.metaObject().className()} has no name"
    navigator = window.navigator  # every step's line is whole: no "…", no sideways scroll
    for row in range(navigator.count()):
        for line in navigator.item(row).text().splitlines():
            assert navigator.fontMetrics().horizontalAdvance(line) <= \
                navigator.viewport().width() - 20, line
    for key, page in window.pages.items():  # each list's detail form fits: no sideways scroll
        editor = getattr(page, "editor", None)
        if editor is None or editor.detail is None or not hasattr(editor.detail, "scroll"):
            continue
        window.go_to_step(key)
        editor.table.selectRow(0)
        qtbot.waitUntil(lambda e=editor: e.detail.scroll.isVisible())
        scroll = editor.detail.scroll
        assert scroll.horizontalScrollBar().maximum() == 0, key
        assert scroll.width() >= 600, (key, scroll.width())  # the form's full width
    window.close()


def test_typing_without_a_pause_is_still_saved_within_seconds(qtbot, store, settings,
                                                              monkeypatch):
    monkeypatch.setattr(autosave, "AUTOSAVE_MAX_WAIT_S", 0.5)
    plan = Plan(name="Busy typist")
    store.save(plan)
    window = _window(qtbot, store, plan, settings)
    field = window.pages["basics"].strategy.widget
    with qtbot.waitSignal(window.autosaver.saved, timeout=60000):
        for _ in range(12):  # a key every 100 ms: the 1.5 s pause never comes
            qtbot.keyClicks(field, "x")
            qtbot.wait(100)
    assert store.load(plan.id).basics.strategy.startswith("xxxx")
    window.close()


def test_csv_import_is_one_undoable_step(qtbot, store, settings, sample_plan, monkeypatch):
    csv_path = REPO / "tests" / "data" / "hubspot-companies-export.csv"
    monkeypatch.setattr(dialogs, "ask_open_csv_file", lambda parent: str(csv_path))
    monkeypatch.setattr(CsvImportDialog, "exec", lambda self: (self.do_import(), 1)[1])
    window = _window(qtbot, store, sample_plan, settings)
    before = len(window.document.plan.accounts)
    window.import_accounts_csv()
    added = len(window.document.plan.accounts) - before
    assert added == 4
    assert "Fjordline Robotics" in [a.name for a in window.document.plan.accounts]
    window.undo_action.trigger()
    assert len(window.document.plan.accounts) == before
    window.close()


def test_schedule_export_writes_calendar_and_tasks(qtbot, sample_plan, tmp_path):
    dialog = ScheduleExportDialog(sample_plan, sample_plan.reps[0].id, str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.export()
    names = sorted(Path(p).name for p in dialog.written)
    assert names == ["europe-new-business-h1-2027-schedule-jonas-albrecht.csv",
                     "europe-new-business-h1-2027-schedule-jonas-albrecht.ics"]
    assert (tmp_path / names[1]).read_text("utf-8").startswith("BEGIN:VCALENDAR")


def test_coach_flags_as_you_type_and_clicking_goes_to_the_item(qtbot, store, settings,
                                                               sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    touch = window.document.plan.touches[3]
    window.go_to_step("touches", touch.id)
    field = window.pages["touches"].editor.detail.bindings[0][1].widget  # "Value given"
    field.selectAll()
    qtbot.keyClicks(field, "Just checking in")
    qtbot.waitUntil(lambda: window.coach.tree.count() > 0 and any(
        "Just checking in" in window.coach.tree.item(i).text()
        for i in range(window.coach.tree.count())), timeout=60000)
    assert "⛔ 1" in window.navigator.item(3).text()  # nothing but an empty phrase: a blocker
    window.go_to_step("basics")
    item = next(window.coach.tree.item(i) for i in range(window.coach.tree.count())
                if "Just checking in" in window.coach.tree.item(i).text())
    window.coach.tree.itemClicked.emit(item)
    assert window.stack.currentWidget() is window.pages["touches"]
    assert window.pages["touches"].editor.current_id() == touch.id
    window.close()


def test_choosing_a_steps_touch_sets_its_channel_in_one_undo_step(qtbot, store, settings,
                                                                    sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    page = window.pages["cadences"]
    step = window.document.plan.cadences[0].steps[0]
    video = next(t for t in window.document.plan.touches if t.channel.value == "video")
    assert step.channel.value != "video"
    delegate = page.table.itemDelegateForColumn(2)
    editor = delegate.createEditor(page.table.viewport(), None, page.model.index(0, 2))
    delegate.setEditorData(editor, page.model.index(0, 2))  # as the table does
    editor.setCurrentIndex(editor.findData(video.id))
    delegate.setModelData(editor, page.model, page.model.index(0, 2))
    changed = window.document.plan.cadences[0].steps[0]
    assert changed.touch_id == video.id and changed.channel.value == "video"
    window.undo_action.trigger()
    restored = window.document.plan.cadences[0].steps[0]
    assert (restored.touch_id, restored.channel) == (step.touch_id, step.channel)
    window.close()


def test_disk_full_is_reported_once_and_closing_offers_to_export(qtbot, store, settings,
                                                                  monkeypatch, tmp_path):
    plan = Plan(name="Disk full")
    store.save(plan)
    errors, asked = [], []
    monkeypatch.setattr(dialogs, "show_warning_aside", lambda *a, **k: errors.append(a[2]))
    monkeypatch.setattr(dialogs, "ask_unsaved_on_close",
                        lambda parent, reason: asked.append(reason) or "export")
    exported = tmp_path / "rescued.json"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *a: str(exported))

    def disk_full(path, data, **_options):
        raise OSError(errno.ENOSPC, "No space left on device")

    window = _window(qtbot, store, plan, settings)
    monkeypatch.setattr(store_module.storage, "atomic_write_bytes", disk_full)
    for text in ("first", "second"):
        qtbot.keyClicks(window.pages["basics"].offering.widget, text)
        window.save_now()  # waits for the save; its failure arrives as a queued signal
        qtbot.waitUntil(lambda: window.save_label.text() == "Not saved", timeout=60000)
    assert errors == ["Your latest changes are not saved yet."]  # once, not at every attempt
    assert window.save_label.text() == "Not saved"
    window.close()
    assert asked and "No space left on device" in asked[0]
    assert read_plan_file(exported).basics.offering == "firstsecond"  # nothing lost
    assert store.load(plan.id).basics.offering == ""  # the store kept its last good version


def test_a_failed_save_says_so_without_taking_the_keys_being_typed(qtbot, store, settings,
                                                                    monkeypatch):
    """The "Could not save" box popped up modal while the leader typed: it took the next keys,
    and the Enter meant for a cell closed it. Now it shows beside the typing, not modal (seen
    in a real window: the keys typed after it appeared went on into the field)."""
    plan = Plan(name="Disk full")
    store.save(plan)

    def disk_full(path, data, **_options):
        raise OSError(errno.ENOSPC, "No space left on device")

    modal: list = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: modal.append(box.text()) or 0)
    monkeypatch.setattr(dialogs, "ask_unsaved_on_close", lambda *a: "discard")
    window = _window(qtbot, store, plan, settings)
    monkeypatch.setattr(store_module.storage, "atomic_write_bytes", disk_full)
    qtbot.keyClicks(window.pages["basics"].offering.widget, "Predictive")
    with qtbot.waitSignal(window.autosaver.failed, timeout=60000):
        window.save_now()
    (box,) = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, QMessageBox) and w.isVisible()]
    assert "not saved yet" in box.text() and "No space left" in box.informativeText()
    assert modal == [] and QApplication.activeModalWidget() is None
    box.close()


def test_opening_a_plan_an_older_version_stored_says_what_was_repaired(qtbot, store, settings,
                                                                       monkeypatch):
    current = Plan(name="Current")
    older = Plan(name="Stored by version 2")
    store.save(current)
    store.save(older)
    raw = json.loads(store.path.read_text("utf-8"))
    for row in raw["history"].values():
        if row["plan_id"] == older.id:
            row["plan"]["schema_version"] = 2
            row["plan"]["basics"]["goal"] = "Twenty\u0007 meetings"
    store.path.write_text(json.dumps(raw))  # as an earlier Prospector could have left it
    told = []
    monkeypatch.setattr(dialogs, "show_info",
                        lambda parent, title, text: told.append((title, text)))

    window = _window(qtbot, store, current, settings)
    window.open_plan_id(older.id)
    assert window.document.plan.basics.goal == "Twenty meetings"
    assert len(told) == 1 and told[0][0] == "Plan repaired"
    assert "basics.goal: 1 control character removed" in told[0][1]
    window.open_plan_id(current.id)
    assert len(told) == 1  # a plan that needed nothing says nothing


def test_retyping_a_field_through_a_refused_value(qtbot, store, settings, sample_plan):
    """Clearing a name to type a new one, or typing a colour digit by digit, passes through
    values the plan refuses; the typing is kept, and leaving a field with a refused value shows
    the plan's value again."""
    store.save(sample_plan)
    window = _window(qtbot, store, sample_plan, settings)
    with qtbot.waitActive(window, timeout=60000):
        window.activateWindow()
    basics = window.pages["basics"]
    name = basics.name.widget
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)  # "" is refused: a plan needs a name
    assert name.text() == "" and name.property("invalid")
    assert "the previous value is kept" in window.statusBar().currentMessage()
    qtbot.keyClicks(name, "Finland push")
    assert window.document.plan.name == name.text() == "Finland push"
    assert not name.property("invalid") and window.statusBar().currentMessage() == ""

    colour = basics.colour.widget
    colour.setFocus()
    qtbot.keyClick(colour, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(colour, "#003366")
    assert window.document.plan.basics.brand_colour == "#003366"
    qtbot.keyClick(colour, Qt.Key.Key_Backspace)
    name.setFocus()  # leave the colour at "#00336", which is refused
    assert colour.text() == "#003366" and not colour.property("invalid")


def test_a_cell_typed_just_before_a_click_is_kept(qtbot, store, settings, sample_plan):
    store.save(sample_plan)
    window = _window(qtbot, store, sample_plan, settings)
    window.go_to_step("touches")
    touches = window.pages["touches"].editor
    before = len(window.document.plan.touches)
    for title in ("Plant visit offer", "OEE teardown"):
        touches.buttons["add"].click()  # opens the new row's title for typing
        cell = next(w for w in touches.table.viewport().findChildren(QLineEdit) if w.isVisible())
        cell.selectAll()
        qtbot.keyClicks(cell, title)
        qtbot.keyClick(cell, Qt.Key.Key_Return)  # and the next click comes in the same turn
    touches.buttons["add"].click()
    cell = next(w for w in touches.table.viewport().findChildren(QLineEdit) if w.isVisible())
    cell.selectAll()
    qtbot.keyClicks(cell, "Still typing")  # no Enter: the window is closed with the cell open
    titles = [t.title for t in window.document.plan.touches]
    assert "Plant visit offer" in titles and "OEE teardown" in titles
    window.close()
    stored = [t.title for t in store.load(sample_plan.id).touches]
    assert len(stored) == before + 3
    assert {"Plant visit offer", "OEE teardown", "Still typing"} <= set(stored)


def test_a_new_plan_with_an_empty_name_says_why(qtbot, store, settings, monkeypatch):
    plan = Plan(name="Keep me")
    store.save(plan)
    window = _window(qtbot, store, plan, settings)
    monkeypatch.setattr(dialogs.QInputDialog, "exec",  # a name of spaces typed, then OK
                        lambda self: (self.setTextValue("   "), 1)[1])
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, *told: errors.append(told))
    window.new_plan()  # OK pressed on a name of spaces: not taken as Cancel
    assert errors and errors[0][1] == "This name cannot be used."
    assert "No plan was created" in errors[0][2]
    assert [p.name for p in store.list_plans()] == ["Keep me"]
    assert window.document.plan.name == "Keep me"


def test_undo_and_redo_say_what_they_change_and_show_it(qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    account = window.document.plan.accounts[1]
    window.go_to_step("basics")
    assert window.document.set_value(("accounts", account.id, "tier"), "C")
    assert window.document.undo_stack.undoText() == f"tier of {account.name}"
    window.undo_action.trigger()
    assert window.stack.currentWidget().key == "targets"
    assert window.pages["targets"].editor.current_id() == account.id
    assert window.document.plan.accounts[1].tier == account.tier
    window.go_to_step("basics")
    window.redo_action.trigger()
    assert window.stack.currentWidget().key == "targets"
    assert window.document.plan.accounts[1].tier == "C"
    cadence = window.document.plan.cadences[0]
    assert window.document.set_value(("cadences", cadence.id, "steps", 2, "day"), 8)
    assert window.document.undo_stack.undoText() == f"day of step 3 of {cadence.name}"
    targets = window.pages["targets"].editor  # a cell edited in a table says the same
    other = window.document.plan.accounts[4]
    assert targets.model.setData(targets.model.index(4, 1), "B")  # the Tier column
    assert window.document.undo_stack.undoText() == f"tier of {other.name}"
    window.close()


def test_file_dialogs_open_where_the_user_last_picked_a_file(qapp, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "dialogs.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(dialogs, "_settings", lambda: settings)
    exports = tmp_path / "crm exports"
    exports.mkdir()
    started_in = []

    def pick(parent, title, folder, filters):
        started_in.append(folder)
        return str(exports / "accounts.csv"), filters

    monkeypatch.setattr(dialogs.QFileDialog, "getOpenFileName", pick)
    assert dialogs.ask_open_csv_file(None) == str(exports / "accounts.csv")
    dialogs.ask_open_plan_file(None)  # any file dialog starts where the last one picked
    assert started_in == [str(dialogs.documents_folder()), str(exports)]


def test_the_csv_preview_numbers_rows_as_the_import_summary_does(qtbot, tmp_path, sample_plan):
    path = tmp_path / "accounts.csv"
    path.write_text("Account Name,City\nZenit AG,Bonn\n\nOmega GmbH,Graz\n", "utf-8")
    dialog = CsvImportDialog(sample_plan, str(path))
    qtbot.addWidget(dialog)
    assert dialog.load()
    table = dialog.table
    labels = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert labels == ["2", "4"]  # row 3 is empty; the summary names rows 2 and 4 too
    qtbot.waitUntil(lambda: not dialog.is_checking())
    assert "row 4: Omega GmbH" in dialog.outcome.toPlainText()


def test_the_example_plan_says_it_is_one_and_offers_a_plan_of_ones_own(
        qtbot, store, settings, sample_plan, monkeypatch):
    window = _window(qtbot, store, choose_plan(store, None, settings), settings)
    assert window.example_banner.isVisible()
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "DACH new business 2027")
    window.start_from_example()
    mine = window.document.plan
    assert mine.name == "DACH new business 2027" and mine.id != sample_plan.id
    assert mine.accounts == sample_plan.accounts and not window.example_banner.isVisible()
    assert {s.name for s in store.list_plans()} == {sample_plan.name, "DACH new business 2027"}
    window.new_plan()  # a blank one is offered too
    assert window.document.plan.accounts == [] and not window.example_banner.isVisible()
    window.close()


def test_choice_cells_edit_with_a_drop_down_of_their_labels(qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    window.go_to_step("touches")
    table = window.pages["touches"].editor.table
    index = table.model().index(0, 1)  # the first touch's Channel
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.viewport().findChild(QComboBox)
    assert combo is not None  # a drop-down, not free text that could say "LinkedIn"
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == [channel.label for channel in Channel]
    combo.setCurrentIndex(labels.index("In person"))
    combo.activated.emit(combo.currentIndex())
    assert window.document.plan.touches[0].channel == Channel.IN_PERSON
    window.close()


def test_dates_are_typed_in_the_users_format_picked_near_the_plan_and_cleared(
        qtbot, store, settings, sample_plan):
    QLocale.setDefault(QLocale("de_DE"))
    try:
        window = _window(qtbot, store, sample_plan, settings)
        basics = window.pages["basics"]
        end, plan_start = basics.end.widget, sample_plan.basics.start_date
        assert end.line.text() == "30.06.2027"  # the sample's end, as a German leader writes it
        end.clear_button.click()
        assert window.document.plan.basics.end_date is None
        end.open_calendar()  # unset: it opens on the plan's start, not in 1999
        assert end.calendar.selectedDate() == QDate(plan_start.year, plan_start.month,
                                                    plan_start.day)
        end.calendar.clicked.emit(QDate(2027, 7, 15))
        assert window.document.plan.basics.end_date == date(2027, 7, 15)
        refused = []
        window.document.edit_refused.connect(refused.append)
        for typed, kept in (("31.08.2027", date(2027, 8, 31)), ("2027-09-30", date(2027, 9, 30)),
                            ("set20270630", date(2027, 9, 30))):
            end.line.setText(typed)
            end.line.editingFinished.emit()
            assert window.document.plan.basics.end_date == kept
        assert len(refused) == 1 and "“set20270630” is not a date" in refused[0]
        assert "30.06.2027 or 2027-06-30" in refused[0]
        window.close()
    finally:
        QLocale.setDefault(QLocale.c())


def test_a_long_one_line_field_shows_the_start_of_its_text(qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    offering = window.pages["basics"].offering.widget
    assert len(offering.text()) > 60 and offering.cursorPosition() == 0
    window.close()


def test_a_touch_that_changes_a_steps_channel_says_so_and_undoes_in_one_step(
        qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    window.go_to_step("cadences")
    page = window.pages["cadences"]
    cadence = window.document.plan.cadences[0]
    model = page.table.model()
    model = getattr(model, "sourceModel", lambda: model)()
    step = model.item(0).model_copy()  # the first row of the table
    other = next(t for t in window.document.plan.touches if t.channel != step.channel)
    page._touch_chosen(model, model.index(0, 2), other.id)
    changed = model.item(0)
    assert (changed.touch_id, changed.channel) == (other.id, other.channel)
    told = window.statusBar().currentMessage()
    assert told.startswith(f"Step 1 now goes by {other.channel.label} (it was "
                           f"{step.channel.label})") and other.title in told
    assert window.document.undo_stack.undoText() == f"touch of step 1 of {cadence.name}"
    window.undo_action.trigger()
    assert model.item(0) == step
    window.close()


def test_exports_are_named_one_way_and_open_pdf_without_a_viewer_offers_the_folder(
        qtbot, sample_plan, tmp_path, monkeypatch):
    dialog = ExportDialog(sample_plan, str(tmp_path))
    qtbot.addWidget(dialog)
    suggested = [Path(dialog.output.text()).name]
    dialog.rep.setChecked(True)
    suggested.append(Path(dialog.output.text()).name)
    dialog.all_reps.setChecked(True)
    suggested.append(Path(dialog.output.text()).name)
    assert suggested == ["europe-new-business-h1-2027-playbook.pdf",
                         "europe-new-business-h1-2027-playbook-jonas-albrecht.pdf",
                         "europe-new-business-h1-2027-playbooks"]

    opened, asked = [], []

    class NoPdfViewer:  # the desktop opens folders but has nothing that opens a PDF
        @staticmethod
        def openUrl(url):  # noqa: N802 - Qt's name
            opened.append(url.toLocalFile())
            return not url.toLocalFile().endswith(".pdf")

    monkeypatch.setattr(export_dialog, "QDesktopServices", NoPdfViewer)
    monkeypatch.setattr(dialogs, "confirm",
                        lambda _parent, _title, text, yes: asked.append((text, yes)) or True)
    pdf = tmp_path / "playbook.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    dialog._on_finished(True, "12 pages", [str(pdf)])
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0][1] == "Show in folder"
    assert "No application on this computer opens PDF files" in asked[0][0]
    assert str(pdf) in asked[0][0]
    assert opened == [str(pdf), str(tmp_path)]


def test_the_csv_import_checks_the_rows_off_the_window_at_each_choice_and_imports_that_check(
        qtbot, tmp_path, sample_plan, monkeypatch):
    from ui import import_dialog  # noqa: PLC0415

    path = tmp_path / "accounts.csv"
    path.write_text("Account Name,City,Tier\nZenit AG,Bonn,\nOmega GmbH,Graz,A\n", "utf-8")
    threads = []
    dry_run = import_dialog.import_accounts

    def counted(*args, **kwargs):
        threads.append(threading.current_thread())
        return dry_run(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "import_accounts", counted)
    dialog = CsvImportDialog(sample_plan, str(path))
    qtbot.addWidget(dialog)
    assert dialog.load()
    assert dialog.outcome.toPlainText() == "Checking 2 rows…"
    assert not dialog.import_button.isEnabled()  # until the rows are checked
    qtbot.waitUntil(lambda: not dialog.is_checking())
    assert dialog.import_button.isEnabled() and "If you import now" in dialog.outcome.toPlainText()
    assert threads and threading.main_thread() not in threads
    dialog.tier.setCurrentIndex(dialog.tier.findData("C"))  # checked again, with tier C
    qtbot.waitUntil(lambda: not dialog.is_checking())
    checks = len(threads)
    dialog.do_import()
    assert len(threads) == checks  # the check shown is what is imported: not read again
    tiers = {a.name: a.tier for a in dialog.import_result.new_plan.accounts}
    assert (tiers["Zenit AG"], tiers["Omega GmbH"]) == ("C", "A")


def test_an_import_of_accounts_all_in_the_plan_says_why_it_cannot_be_made(qtbot, tmp_path,
                                                                         sample_plan):
    path = tmp_path / "again.csv"
    path.write_text("Account Name\n" + "".join(f"{a.name}\n" for a in sample_plan.accounts),
                    "utf-8")
    dialog = CsvImportDialog(sample_plan, str(path))
    qtbot.addWidget(dialog)
    assert dialog.load()
    qtbot.waitUntil(lambda: not dialog.is_checking())
    assert not dialog.import_button.isEnabled()
    assert dialog.outcome.toPlainText().startswith(
        "If you import now:\nThe plan already holds all of this: there is nothing to import.\n")


def test_rows_pasted_from_a_spreadsheet_go_through_the_import_checks_in_one_step(
        qtbot, store, settings, sample_plan, monkeypatch):
    shown = {}

    def import_at_once(dialog):
        shown["read_as"], shown["title"] = dialog.read_as.text(), dialog.windowTitle()
        shown["name_column"] = dialog.columns["name"].currentText()
        dialog.do_import()
        return 1

    monkeypatch.setattr(CsvImportDialog, "exec", import_at_once)
    window = _window(qtbot, store, sample_plan, settings)
    with qtbot.waitActive(window, timeout=60000):
        window.activateWindow()
    window.go_to_step("targets")
    table = window.pages["targets"].editor.table
    before = len(window.document.plan.accounts)
    # copied from a sheet without the header row; a name already in the plan is merged, not added
    QApplication.clipboard().setText("Nordkap Plast AS\tBergen\nKaltenegger Kunststofftechnik "
                                     "GmbH\tGraz\n")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert shown["title"] == "Paste accounts from a spreadsheet"
    assert shown["read_as"].startswith("The pasted rows: 2 rows")
    assert "came without a header row: the first column is read as the account's name" in \
        shown["read_as"] and "matched by their headers" not in shown["read_as"]
    assert shown["name_column"] == "Account"
    names = [a.name for a in window.document.plan.accounts]
    assert len(names) == before + 1 and "Nordkap Plast AS" in names
    assert window.document.undo_stack.undoText() == "Paste 1 account"
    window.undo_action.trigger()
    assert len(window.document.plan.accounts) == before
    window.close()


def test_pasting_nothing_says_what_to_copy_and_changes_nothing(qtbot, store, settings,
                                                              sample_plan, monkeypatch):
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message, hint="": errors.append(
        message))
    window = _window(qtbot, store, sample_plan, settings)
    window.paste_accounts("  \n ")
    assert errors and "clipboard holds no rows" in errors[0]
    assert window.document.undo_stack.count() == 0
    window.close()


def _click_finding(qtbot, window, rule_id: str) -> None:
    def row():
        return next((i for i in range(window.coach.tree.count())
                     if (window.coach.tree.item(i).data(Qt.ItemDataRole.UserRole) or (None,))[0]
                     and rule_id in window.coach.tree.item(i).toolTip()), None)
    qtbot.waitUntil(lambda: row() is not None, timeout=60000)
    window.coach.tree.itemClicked.emit(window.coach.tree.item(row()))


def test_a_coach_finding_about_one_step_selects_that_step_and_its_field(qtbot, store, settings,
                                                                       sample_plan):
    cadence = sample_plan.cadences[0]
    cadence.steps[4].touch_id = None  # the fifth step of the table delivers nothing
    window = _window(qtbot, store, sample_plan, settings)
    window.coach.refresh()
    window.go_to_step("basics")
    _click_finding(qtbot, window, "cadence-step-no-touch")
    page = window.pages["cadences"]
    assert window.stack.currentWidget() is page and page.cadence_id == cadence.id
    current = page.table.currentIndex()
    assert current.row() == 4
    assert page.model.source.columns[current.column()].field == "touch_id"
    window.close()


def test_a_coach_finding_about_a_field_puts_the_cursor_in_it(qtbot, store, settings,
                                                            sample_plan):
    sample_plan.differentiators[1].proof = ""
    window = _window(qtbot, store, sample_plan, settings)
    with qtbot.waitActive(window, timeout=60000):
        window.activateWindow()
    window.coach.refresh()
    _click_finding(qtbot, window, "differentiator-no-proof")
    form = window.pages["differentiators"].editor.detail
    proof = next(b for f, b in form.bindings if f == "proof").widget
    assert form.item_id == sample_plan.differentiators[1].id
    qtbot.waitUntil(proof.hasFocus)
    window.close()


def test_a_new_item_is_judged_once_the_leader_leaves_it(qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    window.go_to_step("touches")
    editor = window.pages["touches"].editor
    before = window.coach.last_review.overall
    editor.buttons["add"].click()
    new = editor.current_id()
    window.document.set_value(("touches", new, "title"), "Benchmark for Brandt")  # half written
    window.coach.refresh()

    def about_new():
        return [f for f in window.coach.last_review.findings if f.item_id == new]
    assert about_new() == [] and window.coach.last_review.overall == before
    editor.select_id(window.document.plan.touches[0].id)  # the leader moves on
    qtbot.waitUntil(lambda: about_new() != [])
    assert {"touch-no-value", "touch-no-persona"} <= {f.rule_id for f in about_new()}
    window.close()


def test_the_review_page_says_how_the_readiness_score_is_made(qtbot, store, settings,
                                                              sample_plan):
    sample_plan.accountability.review = ""  # a warning, and a step not quite complete
    window = _window(qtbot, store, sample_plan, settings)
    window.go_to_step("review")
    page = window.pages["review"]
    result = window.coach.last_review
    assert result.quality < 100 and result.completeness < 1
    text = page.score.text()
    assert f"{result.overall}/100" in text and f"{result.quality}/100" in text
    assert f"{result.completeness:.0%}" in text
    how = page.findChild(QLabel, "readinessHow").text()
    assert "60 for a blocker" in how and "times how complete the plan is" in how
    window.document.set_value(("accountability", "review"), "Every Monday, 20 minutes.")
    window.coach.refresh()
    assert f"{window.coach.last_review.overall}/100" in page.score.text()
    window.close()


def test_coach_findings_show_their_whole_fix_at_any_width(qtbot):
    panel = CoachPanel(PlanDocument(Plan(name="P", accounts=[{"name": "Helsinki Hospital"}])))
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)

    def heights():
        return [panel.tree.visualItemRect(panel.tree.item(r)).height()
                for r in range(panel.tree.count())]
    wide = heights()
    panel.resize(260, 700)  # the leader narrows the dock: the findings wrap onto more lines
    qtbot.waitUntil(lambda: sum(heights()) > sum(wide))
    lines = panel.tree.fontMetrics().lineSpacing()
    for row, height in enumerate(heights()):
        text = panel.tree.item(row).text()
        width = panel.tree.viewport().width() - 56
        needed = panel.tree.fontMetrics().boundingRect(
            0, 0, width, 100000, int(Qt.TextFlag.TextWordWrap), text).height()
        assert height >= needed, (text, height, needed)
        assert height >= 2 * lines


def test_the_mouse_wheel_over_a_drop_down_scrolls_the_form_and_changes_nothing(
        qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    window.go_to_step("basics")
    combo = window.pages["basics"].page.widget
    combo.setFocus()
    for delta in (-120, 120, -120):
        wheel = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))),
                            QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(combo, wheel)
    assert window.document.plan.basics.page_size == "A4"
    assert window.document.undo_stack.count() == 0
    window.close()


def test_undoing_a_bulk_edit_goes_to_the_rows_it_changed(qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    window.go_to_step("targets")
    page = window.pages["targets"]
    moving = [a.id for a in sample_plan.accounts[:2]]
    page.assign_to_rep(moving, sample_plan.reps[1].id)
    window.go_to_step("cadences")
    window.undo_action.trigger()
    assert window.stack.currentWidget() is page
    assert page.editor.current_id() == moving[0]
    window.close()


def test_f9_brings_the_preview_to_the_front_and_hides_it_when_it_is_there(
        qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    preview = window.preview_dock
    window.coach_dock.raise_()  # the coach's tab in front of the preview's

    def in_front():
        return preview.isVisible() and not preview.visibleRegion().isEmpty()
    qtbot.waitUntil(lambda: not in_front())
    window.preview_action.trigger()
    qtbot.waitUntil(in_front)
    window.preview_action.trigger()
    qtbot.waitUntil(lambda: not preview.isVisible())
    window.preview_action.trigger()
    qtbot.waitUntil(in_front)
    window.close()


def test_a_step_not_complete_says_what_would_complete_it(qtbot, store, settings, sample_plan):
    plan = sample_plan.model_copy(update={"differentiators": sample_plan.differentiators[:2],
                                          "objections": []})
    window = _window(qtbot, store, plan, settings)
    window.go_to_step("review")
    _go, bar, text = window.pages["review"].rows["differentiators"]
    assert bar.value() == 50
    assert "to do: write at least 3 differentiators" in text.text()
    row = [window.navigator.item(r).data(Qt.ItemDataRole.UserRole)
           for r in range(window.navigator.count())].index("differentiators")
    assert "write at least 3 differentiators" in window.navigator.item(row).toolTip()
    window.close()


def test_the_export_folder_chosen_stays_when_the_edition_changes(qtbot, sample_plan, tmp_path,
                                                                 monkeypatch):
    dialog = ExportDialog(sample_plan, str(tmp_path / "docs"))
    qtbot.addWidget(dialog)
    chosen = tmp_path / "kick-off" / "leader.pdf"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *a: str(chosen))
    dialog._browse()
    dialog.rep.setChecked(True)
    assert Path(dialog.output.text()).parent == chosen.parent
    # a PDF's name typed for the leader, then every rep: their folder beside it, not in it
    # ("leader.pdf/…-playbooks" could not be made: "is not a folder")
    dialog.leader.setChecked(True)
    dialog.output.setText(str(chosen))
    dialog.output.textEdited.emit(str(chosen))
    dialog.all_reps.setChecked(True)
    assert Path(dialog.output.text()).parent == chosen.parent


def test_each_reps_own_start_date_is_their_schedules_unless_one_is_picked(qtbot, sample_plan,
                                                                          tmp_path):
    """A rep starting 18 Jan (Reps step): the export printed their schedule from the plan's
    11 Jan, the one date of the dialog overriding every rep's own."""
    later = sample_plan.reps[1]
    later.start_date = date(2027, 1, 18)
    dialog = ExportDialog(sample_plan, str(tmp_path))
    qtbot.addWidget(dialog)
    asked: list[dict] = []
    dialog.runner.start = lambda plan, out, **options: asked.append(options)
    dialog.rep.setChecked(True)
    dialog.rep_picker.setCurrentIndex(1)
    assert dialog.start.date() == QDate(2027, 1, 18)
    dialog.rep_picker.setCurrentIndex(0)
    assert dialog.start.date() == QDate(2027, 1, 11)  # the plan's
    dialog.all_reps.setChecked(True)
    dialog.start_export()
    assert asked[-1]["all_reps"] and asked[-1]["start"] is None  # each rep's own
    dialog.start.setDate(QDate(2027, 2, 1))  # picked: every rep's
    dialog.start_export()
    assert asked[-1]["start"] == "2027-02-01"


def test_ctrl_z_in_a_field_undoes_the_plan_step_by_step(qtbot, store, settings, sample_plan):
    window = _window(qtbot, store, sample_plan, settings)
    with qtbot.waitActive(window, timeout=60000):
        window.activateWindow()
    window.go_to_step("basics")
    window.document.set_value(("basics", "owner"), "Henrik Lund")  # an earlier edit
    goal = window.pages["basics"].goal.widget
    goal.setFocus()
    goal.selectAll()
    qtbot.keyClicks(goal, "40 first meetings")
    assert window.document.plan.basics.goal == "40 first meetings"
    qtbot.keyClick(goal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.basics.goal == sample_plan.basics.goal
    assert goal.toPlainText() == sample_plan.basics.goal  # the field shows what the plan holds
    qtbot.keyClick(goal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.basics.owner == sample_plan.basics.owner  # the step before
    qtbot.keyClick(goal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.plan.basics.owner == "Henrik Lund"
    window.close()


def test_the_toolbar_keeps_its_place_when_undo_names_a_change(qtbot, store, settings):
    plan = Plan(name="Toolbar")
    store.save(plan)
    window = _window(qtbot, store, plan, settings)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    undo = toolbar.widgetForAction(window.undo_action)
    export = toolbar.widgetForAction(window.export_pdf_action)
    before = export.mapTo(window, QPoint(0, 0))
    qtbot.keyClicks(window.pages["basics"].offering.widget, "Predictive maintenance")
    qtbot.waitUntil(window.undo_action.isEnabled, timeout=60000)
    QApplication.processEvents()
    assert "Undo" in undo.toolTip() and len(window.undo_action.text()) > len("&Undo")
    assert export.mapTo(window, QPoint(0, 0)) == before  # the buttons after it did not move


def test_an_account_added_and_written_is_coached_without_leaving_it(qtbot, store, settings,
                                                                     sample_plan):
    """The leader adds an account, names it and writes why it is a target, staying on its row:
    the coach says that no rep owns it (before, it stayed at "nothing to flag" until undo)."""
    window = _window(qtbot, store, sample_plan, settings)
    window.go_to_step("targets")
    editor = window.pages["targets"].editor
    _type_into_new_row(qtbot, editor, "Mueller Praezisionsteile GmbH")
    added = editor.current_id()
    assert window.coach.tree.count() == 1  # "nothing to flag" while its name is typed
    window.document.set_value(("accounts", added, "why"),
                              "New production line from Q3 2027, a 12.5 M EUR investment.")
    assert editor.current_id() == added  # still on its row
    qtbot.waitUntil(lambda: any("No rep owns Mueller Praezisionsteile GmbH" in f.message
                                for f in window.coach.last_review.findings), timeout=60000)
    window.close()


def test_a_path_typed_for_a_reps_edition_stays_when_another_rep_is_picked(qtbot, sample_plan,
                                                                          tmp_path):
    dialog = ExportDialog(sample_plan, str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.rep.setChecked(True)
    dialog.output.clear()
    typed = str(tmp_path / "Vertrieb" / "Nord.pdf")
    qtbot.keyClicks(dialog.output, typed)
    dialog.rep_picker.setCurrentIndex(1)
    assert dialog.output.text() == typed
    dialog.leader.setChecked(True)  # another edition: named for it, in the folder typed
    assert Path(dialog.output.text()).parent == tmp_path / "Vertrieb"


def test_the_window_reopens_on_the_step_the_leader_left_for_that_plan(qtbot, store, settings):
    nordics, dach = Plan(name="Nordics push"), Plan(name="DACH push")
    store.save(nordics)
    store.save(dach)
    window = _window(qtbot, store, nordics, settings)
    window.go_to_step("cadences")
    window.close()

    again = _window(qtbot, store, nordics, settings)
    assert list(again.pages)[again.navigator.currentRow()] == "cadences"
    assert again.stack.currentWidget() is again.pages["cadences"]
    again.close()
    other = _window(qtbot, store, dach, settings)  # another plan starts at its beginning
    assert other.navigator.currentRow() == 0


def test_in_a_narrow_window_the_preview_widens_its_panel_to_be_read(qtbot, store, settings,
                                                                    sample_plan):
    """At 1280 px the preview shared the coach's 320 px panel: its page text was unreadable."""
    window = _window(qtbot, store, sample_plan, settings)  # 1280 px: preview and coach tabbed
    window.preview_dock.raise_()
    # as wide as the form leaves it (its minimum), up to 2/5 of the window
    qtbot.waitUntil(lambda: window.preview_dock.width() >= 420, timeout=60000)
    assert window.centralWidget().width() >= window.centralWidget().minimumSizeHint().width()
    window.coach_dock.raise_()  # the coach in front: its narrow panel again
    qtbot.waitUntil(lambda: window.coach_dock.width() <= 340, timeout=60000)
    window.close()


def test_in_the_narrowest_window_the_cadence_controls_do_not_overlap(qtbot, store, settings,
                                                                     sample_plan):
    """At 1100 px "New from template" was drawn over the cadence list's right end and arrow."""
    window = _window(qtbot, store, sample_plan, settings)
    window.resize(1100, 900)
    window.navigator.setCurrentRow(list(window.pages).index("cadences"))
    window.preview_dock.raise_()  # the preview in front: its panel at its widest
    qtbot.waitUntil(lambda: window.preview_dock.width() > 340, timeout=60000)
    page = window.pages["cadences"]
    controls = [page.picker, page.template_button, page.delete_cadence_button,
                page.name.widget, *page.tier_buttons.values()]
    qtbot.waitUntil(page.picker.isVisible, timeout=60000)
    boxes = [QRect(c.mapTo(page, QPoint(0, 0)), c.size()) for c in controls]
    for i, box in enumerate(boxes):
        for other in boxes[i + 1:]:
            assert not box.intersects(other), (box, other)
    assert all(page.rect().contains(box) for box in boxes)
    window.close()


def test_open_recent_keeps_the_plans_opened_one_after_another(qtbot, store, tmp_path):
    """With one plan remembered, the next start read it back as a string: its letters were
    stored as seven more "plans", crowding the real ones out of File > Open recent."""
    plans = [Plan(name=name) for name in ("Nordics push", "DACH push", "Benelux push")]
    for plan in plans:
        store.save(plan)
    path = tmp_path / "settings.ini"
    path.write_text(f"[General]\nrecent={plans[0].id}\n", encoding="utf-8")  # as a start left it
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    for plan in (*plans[1:], plans[0]):
        window = _window(qtbot, store, plan, settings)
        window.close()
    assert [a.text() for a in window.recent_menu.actions()] == [
        "Nordics push", "Benelux push", "DACH push"]
    assert settings.value("recent") == [plans[0].id, plans[2].id, plans[1].id]


def test_accounts_stop_at_the_most_a_plan_names_however_they_are_added(qtbot, store, settings):
    """Add and Duplicate stop where the import stops (5,000 accounts): greyed out, saying why,
    and the shortcut says it in the status bar; a deleted account makes room again."""
    plan = Plan(name="Large team", accounts=[TargetAccount(name=f"Account {i}")
                                             for i in range(4_999)])
    store.save(plan)
    window = _window(qtbot, store, plan, settings)
    window.go_to_step("targets")
    editor = window.pages["targets"].editor
    editor.select_id(plan.accounts[0].id)
    add, duplicate = editor.buttons["add"], editor.buttons["duplicate"]
    assert add.isEnabled() and duplicate.isEnabled()
    duplicate.click()
    assert len(window.document.plan.accounts) == 5_000
    assert not add.isEnabled() and not duplicate.isEnabled()
    assert add.toolTip() == ("A plan names at most 5,000 accounts; delete those nobody will work "
                             "to add others.")
    with qtbot.waitActive(window, timeout=60000):
        window.activateWindow()
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.plan.accounts) == 5_000
    assert window.statusBar().currentMessage() == (
        "Not added: a plan names at most 5,000 accounts; delete those nobody will work to add "
        "others.")
    editor.delete()
    assert len(window.document.plan.accounts) == 4_999 and add.isEnabled()
    assert add.toolTip() == "Add account (Ctrl+Ins)"
    window.close()
