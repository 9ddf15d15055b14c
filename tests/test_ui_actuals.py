"""The leader imports CRM exports into the plan's actuals in the app: the mapping dialog asks what
it cannot decide (dates that read two ways, reps the plan does not know), reads the file off the
GUI thread, imports nothing until told, and the import is one undoable edit."""

import pytest
from PySide6.QtCore import QSettings

from prospector.store import PlanStore
from tests.conftest import REPO
from ui import dialogs
from ui.actuals_import_dialog import LEAVE_OUT, ActualsImportDialog
from ui.actuals_reading import ActualsReader
from ui.main_window import MainWindow

DATA = REPO / "tests" / "data"


@pytest.fixture
def reader():
    reader = ActualsReader()
    yield reader
    reader.cancel()
    assert reader.wait()


def _open(qtbot, plan, path, reader):
    dialog = ActualsImportDialog(plan, str(path), reader)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(reader.finished, timeout=60000):
        dialog.load()
    return dialog


def _choose(qtbot, dialog, combo, text):
    """Pick ``text`` in ``combo`` and wait for the file to be read again with it."""
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    with qtbot.waitSignal(dialog.reader.finished, timeout=60000):
        combo.setCurrentIndex(index)


def _rep_combo(dialog, name):
    table = dialog.reps_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    return table.cellWidget(row, 3)


def test_bad_rows_are_listed_and_nothing_imports_until_dates_and_reps_are_settled(
        qtbot, sample_plan, reader):
    dialog = _open(qtbot, sample_plan, DATA / "actuals-bad-input.csv", reader)
    assert "a Salesforce activity report" in dialog.read_as.text()
    assert dialog.columns["rep"].currentText() == "Assigned"
    text = dialog.summary.toPlainText()
    assert "row 7: the date '2027-02-30' is no day of the calendar" in text
    assert "row 8: names no rep" in text
    assert "row 10 repeats row 9" in text
    assert not dialog.import_button.isEnabled()
    assert dialog.dates_row.isVisible() and dialog.date_format.currentData() is None
    table = dialog.reps_table
    listed = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert listed == {"Jonas Albrect": "Jonas Albrecht", "Sabine Kurz": "none close"}

    _choose(qtbot, dialog, dialog.date_format, "Day first")
    _choose(qtbot, dialog, _rep_combo(dialog, "Jonas Albrect"), "Jonas Albrecht (closest)")
    assert not dialog.import_button.isEnabled()  # Sabine Kurz still waits
    _choose(qtbot, dialog, _rep_combo(dialog, "Sabine Kurz"), LEAVE_OUT)
    assert dialog.import_button.isEnabled()
    assert sample_plan.actuals.is_empty()  # the dry run changed nothing

    dialog.import_button.click()
    assert dialog.result() == ActualsImportDialog.DialogCode.Accepted
    actuals = dialog.outcome.actuals_after
    jonas = next(r.id for r in sample_plan.reps if r.name == "Jonas Albrecht")
    assert actuals.rep_names == {"Jonas Albrect": jonas}  # remembered for the next import
    assert {f.date.isoformat() for f in actuals.facts if f.rep_id == jonas} >= {
        "2027-01-13", "2027-02-03"}  # 13/01 by itself, 03/02 read day first as chosen


def test_stopping_a_read_imports_nothing(qtbot, sample_plan, reader, tmp_path):
    big = tmp_path / "activities.csv"
    lines = ['"Activity ID","Subject","Assigned","Date","Type","Company / Account"']
    lines += [f'"00T{n}","Call","Jonas Albrecht","2027-02-03","Call","Haldorsen Metallverk AS"'
              for n in range(20_000)]
    big.write_text("\n".join(lines), "utf-8")
    dialog = ActualsImportDialog(sample_plan, str(big), reader)
    qtbot.addWidget(dialog)
    finished = []
    reader.finished.connect(lambda *args: finished.append(args))
    dialog.load()
    dialog.stop_button.click()
    assert reader.wait()
    qtbot.wait(50)  # anything the thread emitted has been delivered
    assert finished == [] and dialog.outcome is None
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.toPlainText().startswith("Stopped")


def test_salesforce_and_hubspot_exports_import_as_one_undoable_edit_each(
        qtbot, sample_plan, tmp_path, monkeypatch):
    files = iter([DATA / "salesforce-activities-report.csv",
                  DATA / "hubspot-activities-export.csv",
                  DATA / "hubspot-activities-export.csv"])  # the same export again
    monkeypatch.setattr(dialogs, "ask_open_csv_file", lambda parent, title="": str(next(files)))

    def import_when_read(dialog):
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=60000)
        if dialog.outcome.found.ambiguous_dates:  # the Salesforce report's 1/12/2027
            _choose(qtbot, dialog, dialog.date_format, "Month first")
        dialog.do_import()
        return dialog.result()

    monkeypatch.setattr(ActualsImportDialog, "exec", import_when_read)
    window = MainWindow(PlanStore(), sample_plan,
                        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    document = window.document

    window.import_actuals_action.trigger()
    salesforce = len(document.plan.actuals.facts)
    assert salesforce == 7
    assert {f.date.isoformat() for f in document.plan.actuals.facts} >= {"2027-01-12"}
    window.import_actuals_action.trigger()
    both = len(document.plan.actuals.facts)
    assert both == salesforce + 4
    window.import_actuals_action.trigger()
    assert len(document.plan.actuals.facts) == both  # nothing counted twice
    assert "Imported 0 new facts (4 updated)" in window.statusBar().currentMessage()

    window.undo_action.trigger()
    window.undo_action.trigger()
    assert len(document.plan.actuals.facts) == salesforce
    assert document.undo_stack.undoText() == "Import actuals from salesforce-activities-report.csv"
    window.close()


def test_a_file_that_is_no_export_says_why(qtbot, sample_plan, reader):
    dialog = ActualsImportDialog(sample_plan, str(DATA / "hubspot-companies-export.csv"), reader)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(reader.failed, timeout=60000):
        dialog.load()
    assert "is not an export Prospector knows" in dialog.summary.toPlainText()
    assert not dialog.import_button.isEnabled()

