"""The leader imports CRM exports into the plan's actuals in the app: the mapping dialog asks what
it cannot decide (dates that read two ways, reps the plan does not know), reads the file off the
GUI thread, imports nothing until told, and the import is one undoable edit. Figures entered by
hand in the weekly grid: one undoable edit each, saved with the plan."""

import os
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from prospector.actuals.weekly import WeeklyFigure
from prospector.actuals_import import read_actuals
from prospector.model import Plan
from prospector.store import PlanStore
from tests.conftest import REPO
from ui import dialogs
from ui.actuals_import_dialog import LEAVE_OUT, OUTSIDE, ActualsImportDialog
from ui.actuals_reading import ActualsReader
from ui.actuals_review import ActualsReview, make_page
from ui.document import PlanDocument
from ui.main_window import MainWindow
from ui.palette_colours import timeline_ink
from ui.weekly_grid import WeeklyGrid

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


def test_stop_ends_the_reading_process_and_imports_nothing(qtbot, sample_plan, reader,
                                                           tmp_path):
    big = tmp_path / "activities.csv"
    lines = ['"Activity ID","Subject","Assigned","Date","Type","Company / Account"']
    lines += [f'"00T{n}","Call","Jonas Albrecht","2027-02-03","Call","Haldorsen Metallverk AS"'
              for n in range(60_000)]
    big.write_text("\n".join(lines), "utf-8")
    dialog = ActualsImportDialog(sample_plan, str(big), reader)
    qtbot.addWidget(dialog)
    finished = []
    reader.finished.connect(lambda *args: finished.append(args))
    with qtbot.waitSignal(reader.progress, timeout=60000):  # the read is under way, elsewhere
        dialog.load()
    pid = reader.process.processId()
    assert pid and pid != os.getpid()
    dialog.stop_button.click()
    assert reader.wait()
    with pytest.raises(ProcessLookupError):  # no reading process left behind
        os.kill(pid, 0)
    qtbot.wait(100)
    assert finished == [] and dialog.outcome is None and not dialog.import_button.isEnabled()
    assert dialog.summary.toPlainText().startswith("Stopped")
    assert sample_plan.actuals.is_empty()


def test_a_file_that_cannot_be_read_names_the_file_and_the_row(qtbot, sample_plan, reader,
                                                               tmp_path):
    broken = tmp_path / "activities-q1.csv"
    broken.write_text('"Activity ID","Subject","Assigned","Date","Type","Company / Account"\n'
                      '"00T1","Call","Jonas Albrecht","2027-02-03","Call","Haldorsen"\n'
                      f'"00T2","{"x" * (17 * 1024 * 1024)}","Jonas Albrecht","2027-02-03","Call",'
                      '"Haldorsen"\n', "utf-8")
    dialog = ActualsImportDialog(sample_plan, str(broken), reader)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(reader.failed, timeout=60000):
        dialog.load()
    said = dialog.summary.toPlainText()
    assert "activities-q1.csv" in said and "row 3 holds a value over 16 MB" in said  # the line
    assert said.endswith("Nothing will be imported.") and not dialog.import_button.isEnabled()


def test_an_opportunity_exported_again_further_along_replaces_the_one_imported(
        qtbot, sample_plan, reader, tmp_path):
    header = ('"Opportunity Owner","Account Name","Opportunity Name","Created Date","Stage",'
              '"Amount","Opportunity ID"\n')
    rows = ['"Jonas Albrecht","Steinmann Armaturen AG","Steinmann pilot","2027-02-10",'
            '"Prospecting","38000.5","0065g00000Sm001"',
            '"Mette Sørensen","Haldorsen Metallverk AS","Haldorsen pilot","2027-02-02",'
            '"Qualification","48500.5","0065g00000Sm002"']
    first, later = tmp_path / "opportunities-feb.csv", tmp_path / "opportunities-mar.csv"
    first.write_text(header + "\n".join(rows), "utf-8")
    later.write_text(header + "\n".join([rows[0].replace("Prospecting", "Proposal"),
                                         rows[1]]), "utf-8")
    plan = read_actuals(sample_plan, first).apply(sample_plan)
    dialog = _open(qtbot, plan, later, reader)
    found = dialog.outcome.found
    assert (found.new, found.updated, found.unchanged) == (0, 1, 1)
    after = dialog.outcome.actuals_after
    assert [f.stage for f in after.facts] == ["Proposal", "Qualification"]  # not counted twice
    assert after == read_actuals(plan, later).actuals_after(plan)  # as the command line's


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
        said_again.append(dialog.summary.toPlainText())
        dialog.do_import()
        return dialog.result()

    said_again: list[str] = []
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
    steps = document.undo_stack.count()
    window.import_actuals_action.trigger()
    assert len(document.plan.actuals.facts) == both  # nothing counted twice
    assert document.undo_stack.count() == steps  # nor any edit made
    assert said_again[-1].startswith("If you import now:\n0 new facts found, 4 in the plan "
                                     "already")

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
    # its heading no longer says "Reading the file…"
    assert dialog.read_as.text() == "hubspot-companies-export.csv: not imported."



# --- the weekly grid ------------------------------------------------------------------------
CONTACTS = "New contacts mapped in target accounts"


@pytest.fixture
def grid(qtbot, sample_plan):
    document = PlanDocument(sample_plan)
    grid = WeeklyGrid(document)
    qtbot.addWidget(grid)
    grid.resize(1200, 400)
    grid.show()
    return grid


def _type_in(qtbot, grid, row, column, text):
    view = grid.table
    view.setCurrentIndex(grid.model.index(row, column))
    view.edit(view.currentIndex())
    (editor,) = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.NoState)


def test_weekly_grid_model_passes_qt_model_tester(qtmodeltester, grid):
    grid.choose(CONTACTS)
    qtmodeltester.check(grid.model, force_py=True)


def test_a_figure_typed_in_the_grid_is_one_undoable_edit(qtbot, grid):
    grid.choose(CONTACTS)
    document, model = grid.document, grid.model
    assert model.rowCount() == 3 and model.columnCount() == 25  # reps by the plan's weeks
    assert model.headerData(1, Qt.Orientation.Horizontal) == "W03\n18 Jan"
    _type_in(qtbot, grid, 1, 1, "4")
    (figure,) = document.plan.actuals.weekly
    assert (figure.week, figure.metric, figure.value) == ("2027-W03", CONTACTS, 4)
    assert figure.rep_id == document.plan.reps[1].id
    assert model.index(1, 1).data() == "4"
    _type_in(qtbot, grid, 1, 1, "6")
    assert [f.value for f in document.plan.actuals.weekly] == [6]
    document.undo_stack.undo()
    assert model.index(1, 1).data() == "4"
    document.undo_stack.undo()
    assert document.plan.actuals.weekly == [] and model.index(1, 1).data() == ""


def test_the_grid_shows_what_imports_count_until_a_figure_replaces_it(qtbot, grid, sample_plan):
    document, model = grid.document, grid.model
    found = read_actuals(sample_plan, DATA / "hubspot-activities-export.csv")
    document.set_actuals(found.actuals_after(document.plan), "Import")
    grid.choose("Value-creating touches delivered")
    jonas = next(i for i, rep in enumerate(document.plan.reps) if rep.name == "Jonas Albrecht")
    week = model.weeks.index("2027-W02")
    assert model.index(jonas, week).data() == "2"  # a call and an e-mail (the repeat: once)
    assert model.index(jonas, week).data(Qt.ItemDataRole.FontRole) is None  # imported: plain
    _type_in(qtbot, grid, jonas, week, "9")
    assert model.index(jonas, week).data() == "9"
    assert model.index(jonas, week).data(Qt.ItemDataRole.FontRole).bold()
    _type_in(qtbot, grid, jonas, week, "")  # cleared: the imports count again
    assert model.index(jonas, week).data() == "2"
    assert document.plan.actuals.weekly == []


def test_the_grid_refuses_what_is_not_a_figure(qtbot, grid):
    grid.choose(CONTACTS)
    refused = []
    grid.document.edit_refused.connect(refused.append)
    _type_in(qtbot, grid, 0, 0, "lots")
    assert grid.document.plan.actuals.weekly == []
    assert refused == [f"{CONTACTS}, Jonas Albrecht, 2027-W02: “lots” is not a number (e.g. 4 "
                       "or 2.5) — the previous figure is kept."]


def test_half_a_touch_or_infinity_typed_is_refused_and_not_kept_for_a_restart(qtbot, grid):
    """"1e999" put up an "Unexpected error" box; "2.5" touches typed (no Enter), the app
    killed, came back as 2.5 touches: what is kept while typing is what Enter would take."""
    grid.choose("Value-creating touches delivered")
    refused, kept = [], []
    grid.document.edit_refused.connect(refused.append)
    grid.document.typing_figures = lambda entered, _cleared: kept.append(list(entered))
    for text in ("2.5", "1e999"):
        kept.clear()
        _type_in(qtbot, grid, 0, 0, text)
        assert kept[-1] == []  # the draft as the text was when Enter was pressed: none
    assert grid.document.plan.actuals.weekly == []
    assert "is a count: enter a whole number" in refused[0] and len(refused) == 2
    kept.clear()
    _type_in(qtbot, grid, 0, 0, "2")
    assert [figure.value for figure in kept[-1]] == [2]  # a whole one is kept as it is typed


def test_figures_entered_are_saved_with_the_plan(qtbot, sample_plan, tmp_path):
    store = PlanStore()
    window = MainWindow(store, sample_plan,
                        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.week_by_week)
    grid = window.week_by_week.grid
    window.week_by_week.setCurrentWidget(grid)
    grid.choose(CONTACTS)
    with qtbot.waitSignal(window.autosaver.saved, timeout=60000):
        _type_in(qtbot, grid, 2, 3, "5")
    (figure,) = store.load(sample_plan.id).actuals.weekly
    assert (figure.week, figure.value) == ("2027-W05", 5)
    window.close()


# --- the weekly review ----------------------------------------------------------------------
def _imported(plan):
    for name, form in (("salesforce-activities-report.csv", "mdy"),
                       ("hubspot-activities-export.csv", None)):
        plan = read_actuals(plan, DATA / name, date_format=form).apply(plan)
    return plan


@pytest.fixture
def review_page(qtbot, sample_plan):
    page = ActualsReview(PlanDocument(_imported(sample_plan)))
    qtbot.addWidget(page)
    page.resize(1200, 900)
    yield page
    page.stop()


def _blocks(document) -> list:
    block, out = document.begin(), []
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def _reviewed(qtbot, page, action):
    with qtbot.waitSignal(page.shown_review, timeout=60000) as shown:
        action()
    return shown.args[0]


def test_the_review_shows_each_rep_against_each_target_for_the_week_chosen(qtbot, review_page):
    review = _reviewed(qtbot, review_page, review_page.show)
    targets = len(review_page.document.plan.accountability.targets)
    assert review.week == review_page.week_choice.currentData()
    assert len(review_page.chart_widgets) == targets  # a chart per target, the whole team's
    index = review_page.week_choice.findData("2027-W02")
    review = _reviewed(qtbot, review_page, lambda: review_page.week_choice.setCurrentIndex(index))
    assert review.week == "2027-W02"
    text = review_page.text.toPlainText()
    assert "2027-W02: week 1 of 25, Mon 11 – Fri 15 Jan 2027" in text  # its working days
    jonas = text[text.index("Jonas Albrecht · Mon 11"):text.index("Mette Sørensen · ")]
    # each rep's part (put on the page one after the other) starts a line of its own
    assert "\nMette Sørensen · Mon 11" in text and "\nBram Claessens · Mon 11" in text
    # ... as a heading, not an item of the coach's list the rep before ended with
    blocks = _blocks(review_page.text.document())
    for name in ("Mette Sørensen · Mon 11", "Bram Claessens · Mon 11"):
        at = next(i for i, b in enumerate(blocks) if b.text().startswith(name))
        assert blocks[at - 1].textList() is not None  # the coach's list before it
        assert blocks[at].textList() is None, name
    assert "\nOpportunities: An opportunity meets" in text
    assert ".." not in text
    # a call and an e-mail in each export (HubSpot's repeated e-mail once)
    assert "Value-creating touches delivered\n45\n4\nbelow" in jonas
    assert "Touches: 4 — by channel: phone 2, email 2; by tier: tier A 4" in jonas
    assert "A accounts untouched" not in text  # week 1: nobody is cold yet


def test_a_plan_with_no_weeks_opened_after_one_reviewed_shows_no_week(qtbot, review_page):
    """The blank plan's review still offered the sample's week 6, and said why there was no
    review twice, the first letter small."""
    _reviewed(qtbot, review_page, review_page.show)
    assert review_page.week_choice.count() == 25
    review_page.document.open_plan(Plan(name="Blank"))
    qtbot.waitUntil(lambda: review_page.text.toPlainText().startswith(
        "The plan 'Blank' has no start date"), timeout=60000)
    assert review_page.week_choice.count() == 0 and not review_page.week_choice.isEnabled()
    assert review_page.status.text() == ""


def test_the_review_charts_one_rep_and_follow_an_edit(qtbot, review_page):
    _reviewed(qtbot, review_page, review_page.show)
    document = review_page.document
    mette = next(r for r in document.plan.reps if r.name == "Mette Sørensen")
    review = _reviewed(qtbot, review_page, lambda: review_page.who.setCurrentIndex(
        review_page.who.findData(mette.id)))
    week = review.week
    before = review.rep(mette.id).targets[2].this_week.actual
    assert before is None  # counted by hand, nothing entered
    review = _reviewed(qtbot, review_page, lambda: document.set_actuals(
        document.plan.actuals.with_figure(WeeklyFigure(
            rep_id=mette.id, week=week, metric=CONTACTS, value=3)), "Enter 3"))
    assert review.rep(mette.id).targets[2].this_week.actual == 3
    text = review_page.text.toPlainText()
    mettes = text[text.index("Mette Sørensen · "):text.index("Bram Claessens · ")]
    assert f"{CONTACTS}\n4\n3\nbelow" in mettes
    # the lines counting the CRM exports ("Meetings: 0") say they are not the figure typed
    assert f"typed by hand for this week: {CONTACTS}." in mettes
    assert "typed by hand" not in text[text.index("Bram Claessens · "):]


def test_the_charts_take_the_palette_light_or_dark(qtbot, review_page):
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#E8EAED"),
                         (QPalette.ColorRole.Base, "#171717"),
                         (QPalette.ColorRole.Text, "#E8EAED")):
        dark.setColor(role, QColor(colour))
    review_page.setPalette(dark)
    colours = review_page.colours()
    assert colours.ink == timeline_ink(dark)
    page = make_page(review_page.document.plan, "2027-W03", "", colours, date(2027, 3, 1))
    title, svg, _told = page.charts[0]
    assert title == "Value-creating touches delivered"
    assert f'fill="{colours.ink.text}"' in svg and f'fill="{colours.ink.band}"' in svg
    assert "W02: 5 of 135" in svg  # the team: Jonas 4, Mette 1 against 3 x 45
    jonas = next(r.id for r in review_page.document.plan.reps if r.name == "Jonas Albrecht")
    _title, svg, _told = make_page(review_page.document.plan, "2027-W03", jonas, colours,
                            date(2027, 3, 1)).charts[0]
    assert "W02: 4 of 45" in svg


def test_every_chart_is_drawn_the_same_size_in_light_and_dark(qtbot, review_page):
    """The sample's fifth target has the longest name: its chart is drawn as large as the
    others, the name on two lines instead of a wider, smaller chart."""
    _reviewed(qtbot, review_page, review_page.show)
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, "#171717"),
                         (QPalette.ColorRole.Text, "#E8EAED")):
        dark.setColor(role, QColor(colour))
    for palette in (None, dark):
        if palette is not None:
            _reviewed(qtbot, review_page, lambda p=palette: review_page.setPalette(p))
        charts = [w for w in review_page.chart_widgets if w.isVisible()]
        assert len(charts) == 5
        assert "pilot scoped" in charts[4].accessibleName()
        assert len({w.renderer().viewBoxF().size().toTuple() for w in charts}) == 1
        assert len({w.size().toTuple() for w in charts}) == 1


def test_an_account_outside_the_plan_can_be_mapped_once_and_is_remembered(qtbot, sample_plan,
                                                                          reader):
    dialog = _open(qtbot, sample_plan, DATA / "salesforce-activities-report.csv", reader)
    table = dialog.accounts_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["Nordic Foods Group AB"]
    assert table.cellWidget(0, 3).currentText() == OUTSIDE  # unless the leader says
    _choose(qtbot, dialog, dialog.date_format, "Month first")
    _choose(qtbot, dialog, table.cellWidget(0, 3), "Haldorsen Metallverk AS")
    dialog.import_button.click()
    actuals = dialog.outcome.actuals_after
    haldorsen = next(a.id for a in sample_plan.accounts if a.name == "Haldorsen Metallverk AS")
    assert actuals.account_names == {"Nordic Foods Group AB": haldorsen}
    nordic = [f for f in actuals.facts if f.account_name == "Nordic Foods Group AB"]
    assert [f.account_id for f in nordic] == [haldorsen]


def test_undo_shows_where_it_changed_the_plan(qtbot, sample_plan, tmp_path):
    window = MainWindow(PlanStore(), sample_plan,
                        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    document = window.document
    document.set_value(("basics", "goal"), "Forty first meetings", "Edit goal")
    window.tabs.setCurrentWidget(window.week_by_week)
    window.week_by_week.setCurrentWidget(window.week_by_week.grid)
    window.week_by_week.grid.choose(CONTACTS)
    _type_in(qtbot, window.week_by_week.grid, 0, 0, "2")
    window.tabs.setCurrentIndex(0)
    window.undo_action.trigger()  # the figure: back to Week by week
    assert window.tabs.currentWidget() is window.week_by_week
    assert document.plan.actuals.weekly == []
    window.undo_action.trigger()  # the goal: back to the plan's steps, on Plan basics
    assert window.tabs.currentIndex() == 0 and window.navigator.currentRow() == 0
    window.close()


def test_a_rep_named_in_hebrew_heads_the_review_left_to_right_with_the_days_after(
        qtbot, review_page):
    document = review_page.document
    rep = document.plan.reps[0]
    document.set_value(("reps", rep.id, "name"), "אורי כהן", "Rename")
    _reviewed(qtbot, review_page, review_page.show)
    heading = next(b for b in _blocks(review_page.text.document())
                   if b.text().replace("\u200e", "").startswith("אורי כהן ·"))
    assert heading.textDirection() == Qt.LayoutDirection.LeftToRight
