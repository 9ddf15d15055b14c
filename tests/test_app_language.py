"""The app in German: every text it wraps has a German translation, a German user sees no English
text of the app's catalog on any step, menu or dialog, and types and reads dates and numbers the
German way while the plan file stays ISO."""

import ast
import string
import typing
from datetime import date

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from pydantic import BaseModel
from PySide6.QtCore import QLocale, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)

from prospector import editing
from prospector.model import Plan
from prospector.sections import step_status
from prospector.store import PlanStore
from tests.conftest import REPO
from ui import dialogs as dialogs_module
from ui import field_names, language
from ui.actuals_import_dialog import ActualsImportDialog
from ui.actuals_reading import ActualsReader
from ui.actuals_review import ActualsReview, make_page
from ui.app import make_application
from ui.coach_panel import CoachPanel
from ui.document import PlanDocument
from ui.export_dialog import ExportDialog
from ui.import_dialog import CsvImportDialog
from ui.main_window import MainWindow
from ui.plans_dialog import PlansDialog, VersionsDialog
from ui.preview import _part_title
from ui.schedule_dialog import ScheduleExportDialog
from ui.step_words import summary, to_do
from ui.table_model import read_figure, show_number
from ui.widgets.date_field import DateField, read_date, show_date

LOCALE = REPO / "ui" / "locale"
DATA = REPO / "tests" / "data"


def _catalog(path):
    with open(path, "rb") as f:
        return read_po(f)


def _fields(text: str) -> list[str]:
    return sorted(f for _t, f, _s, _c in string.Formatter().parse(text) if f is not None)


@pytest.fixture
def german():
    """The app in German for one test (as a German system or View > Language would set it)."""
    before = QLocale()
    language.install("de")
    yield
    language.install(language.ENGLISH)
    QLocale.setDefault(before)


def test_every_text_of_the_app_has_a_german_translation_with_the_same_placeholders():
    template = _catalog(LOCALE / "app.pot")
    german = _catalog(LOCALE / "de" / "LC_MESSAGES" / "app.po")
    compiled = language._catalog("de")
    ids = [m.id for m in template if m.id]
    assert len(ids) > 600
    for message in german:
        if not message.id:
            continue
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(forms), f"no German for {message.id!r}"
        english = [message.id] if isinstance(message.id, str) else list(message.id)
        assert all(_fields(f) == _fields(english[-1]) for f in forms), message.id
        # the committed .mo is compiled from this .po
        if isinstance(message.id, str):
            assert compiled.gettext(message.id) == message.string, message.id
        else:
            assert compiled.ngettext(*message.id, 2) == message.string[1], message.id
    assert {m.id for m in german if m.id} == set(ids)


def test_the_catalog_holds_every_text_the_app_wraps():
    """A text wrapped in ``_()`` since the last ``pybabel extract`` would stay English."""
    method_map = [("**.py", "python")]
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    wrapped = {message for _f, _l, message, *_rest
               in extract_from_dir(str(REPO / "ui"), method_map, keywords=keywords)}
    in_catalog = {m.id for m in _catalog(LOCALE / "app.pot") if m.id}
    assert wrapped - in_catalog == set()


def test_no_text_is_wrapped_inside_an_f_string():
    """``pybabel extract`` does not look inside f-strings: a ``_("...")`` there never reaches
    the catalog and stays English."""
    hidden = []
    for path in sorted((REPO / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.name}:{call.lineno}" for call in ast.walk(node)
                           if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                           and call.func.id in ("_", "ngettext")
                           and any(isinstance(a, ast.Constant) for a in call.args)]
    assert hidden == []


def _shown_texts(widget: QWidget) -> set[str]:
    """What a user reads in a widget and its children: labels, buttons, group titles, tabs,
    placeholders, tooltips, table headers, drop-down items, menus."""
    texts: set[str] = {widget.windowTitle(), widget.toolTip()}
    for child in [widget, *widget.findChildren(QWidget)]:
        texts.add(child.toolTip())
        texts.add(child.accessibleName())
        if isinstance(child, QLabel | QAbstractButton):
            texts.add(child.text())
        if isinstance(child, QGroupBox):
            texts.add(child.title())
        if isinstance(child, QLineEdit):
            texts.add(child.placeholderText())
        if isinstance(child, QTabWidget):
            texts.update(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QComboBox):
            texts.update(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QMenu):
            texts.add(child.title())
            texts.update(a.text() for a in child.actions())
            texts.update(a.toolTip() for a in child.actions())
        if isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            texts.update(str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                         for c in range(model.columnCount(QModelIndex())))
    return {t for t in texts if t}


def _english_left(texts: set[str]) -> set[str]:
    """The texts that are an English message of the app catalog whose German differs."""
    english = {}
    for message in _catalog(LOCALE / "de" / "LC_MESSAGES" / "app.po"):
        if message.id and isinstance(message.id, str) and message.string != message.id:
            english[message.id] = message.string
    return {t for t in texts if t in english or t.replace("&", "") in english}


def test_a_german_user_sees_no_english_on_any_step_menu_or_dialog(qtbot, german, sample_plan,
                                                                   tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanStore(), sample_plan, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window, timeout=60000)
    seen: set[str] = set()
    for key in window.pages:
        window.go_to_step(key)
        seen |= _shown_texts(window)
    window.tabs.setCurrentIndex(1)  # week by week: the review and the figures by hand
    seen |= _shown_texts(window)
    for action in window.menuBar().actions():
        seen.add(action.text())
    assert "&Datei" in seen and "Plangrundlagen" in seen and "Zielkunden" in seen
    # Edit > Undo names the changed field in German, not by its name in the plan's file, after
    # a colon as German writes it
    document = PlanDocument(sample_plan.model_copy(deep=True))  # the window's plan unchanged
    document.undo_stack.undoTextChanged.connect(window._name_undo)
    document.undo_stack.redoTextChanged.connect(window._name_redo)
    for path, value, named in ((("basics", "language"), "fr", "Sprache"),
                               (("basics", "sales_force"), "Team Süd", "Vertrieb")):
        assert document.set_value(path, value)
        assert window.undo_action.text() == f"&Rückgängig: {named}"
    document.undo_stack.undo()
    assert window.redo_action.text() == "&Wiederholen: Vertrieb"

    rep = sample_plan.reps[0].id
    dialogs = [ExportDialog(sample_plan, str(tmp_path), window),
               ScheduleExportDialog(sample_plan, rep, str(tmp_path), window),
               PlansDialog(window.store, sample_plan.id, window)]
    window.store.save(sample_plan, note="for its versions")
    dialogs.append(VersionsDialog(window.store, sample_plan.id, window))
    accounts = CsvImportDialog(sample_plan, str(DATA / "hubspot-companies-export.csv"), window)
    assert accounts.load()
    qtbot.waitUntil(lambda: not accounts.is_checking())
    outcome = accounts.outcome.toPlainText()  # the import's summary, from the "messages" catalog
    assert "Kunden hinzugefügt" in outcome and "Zeilen übersprungen" in outcome
    assert "Zeile 3 „Ångström Precision“ ist „Ångström Precision AB“ (schon im Plan)" in outcome
    assert "; beim Kunden behalten: Branche" in outcome
    reader = ActualsReader()
    actuals = ActualsImportDialog(sample_plan, str(DATA / "salesforce-activities-report.csv"),
                                  reader, window)
    with qtbot.waitSignal(reader.finished, timeout=60000):
        actuals.load()
    # as tall as a 1280x800 screen allows, so that Import and Cancel stay in view
    assert actuals.height() <= window.screen().availableGeometry().height()
    for dialog in [*dialogs, accounts, actuals]:
        qtbot.addWidget(dialog)
        seen |= _shown_texts(dialog)
    reader.cancel()
    assert reader.wait()
    # the files' own column names are the user's data, shown as they are written
    headers = {cell.strip('"') for path in ("hubspot-companies-export.csv",
                                            "salesforce-activities-report.csv")
               for cell in (DATA / path).read_text("utf-8-sig").splitlines()[0].split(",")}
    left = _english_left(seen - headers)
    assert left == set(), "; ".join(sorted(left))


def test_a_german_user_reads_and_types_dates_and_numbers_the_german_way(qtbot, german):
    assert show_date(date(2027, 1, 25)) == "25.01.2027"
    assert read_date("25.01.2027") == date(2027, 1, 25)
    assert read_date("2027-01-25") == date(2027, 1, 25)  # ISO is always understood
    assert show_number(1234.5) == "1.234,5" and show_number(2500) == "2.500"
    assert read_figure("1.234,5") == 1234.5 and read_figure("2,5") == 2.5
    field = DateField()
    qtbot.addWidget(field)
    typed = []
    field.edited.connect(typed.append)
    field.line.setText("25.01.2027")
    field.line.editingFinished.emit()
    assert typed == [date(2027, 1, 25)]
    assert field.line.text() == "25.01.2027"


def test_an_english_user_keeps_the_english_conventions(qtbot):
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        assert show_number(1234.5) == "1,234.5"
        assert read_figure("1,234.5") == 1234.5 and read_figure("2.5") == 2.5
        assert show_date(date(2027, 1, 25)) == "1/25/2027"
    finally:
        QLocale.setDefault(before)


def test_a_plan_edited_in_german_keeps_iso_dates_and_plain_numbers_in_its_file(qtbot, german,
                                                                                sample_plan,
                                                                                tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanStore(), sample_plan, settings)
    qtbot.addWidget(window)
    start = window.pages["basics"].start.widget
    start.line.setText("25.01.2027")
    start.line.editingFinished.emit()
    model = window.pages["accountability"].model
    column = next(i for i, c in enumerate(model.source.columns) if c.field == "per_rep")
    assert model.setData(model.index(0, column), "1.234,5")
    assert model.data(model.index(0, column)) == "1.234,5"
    data = window.document.plan.model_dump(mode="json")
    assert data["basics"]["start_date"] == "2027-01-25"
    assert data["accountability"]["targets"][0]["per_rep"] == 1234.5


def test_the_language_follows_the_system_unless_one_is_chosen(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert language.chosen(settings) == language.SYSTEM
    assert language.resolve(language.SYSTEM, QLocale("de_AT")) == "de"
    assert language.resolve(language.SYSTEM, QLocale("ja_JP")) == "en"  # no Japanese catalog
    settings.setValue(language.SETTING, "en")
    assert language.resolve(language.chosen(settings), QLocale("de_DE")) == "en"


def _cut_steps(navigator) -> set[str]:
    """The navigator's steps whose name or status is wider than the list shows."""
    return {f"navigator: {navigator.item(row).text()!r}" for row in range(navigator.count())
            if navigator.visualItemRect(navigator.item(row)).width()
            > navigator.viewport().width()}


def _shown(qtbot, plan, tmp_path, width, height):
    """The main window on ``plan`` shown at ``width`` x ``height``, and its settings."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanStore(), plan, settings)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window, timeout=60000)
    return window, settings


def test_no_german_button_label_column_header_or_step_name_is_cut_at_1280_by_800(
        qtbot, german, sample_plan, tmp_path):
    """German words are longer: on every step the buttons, the one-line labels and the table
    headers (but a last one stretched over the room left) show their whole text, and so does
    each step's name and status in the navigator, with the app's own style sheet (its font)."""
    app = make_application()
    window, settings = _shown(qtbot, sample_plan, tmp_path, 1280, 800)
    assert window.width() == 1280
    navigator = window.navigator
    cut = _cut_steps(navigator)
    blank = MainWindow(window.store, Plan(name="Neu"), settings)  # counts of 0 and the coach's
    qtbot.addWidget(blank)                                         # flags on every step
    blank.resize(1280, 800)
    blank.show()
    qtbot.waitExposed(blank, timeout=60000)
    cut |= _cut_steps(blank.navigator)
    blank.tabs.setCurrentWidget(blank.week_by_week)  # why there is no review yet, in German
    review = blank.week_by_week.review
    # once, as a sentence, where the review would be (and not the other plan's weeks)
    qtbot.waitUntil(lambda: review.text.toPlainText().startswith("Der Plan „Neu“ hat weder"),
                    timeout=60000)
    assert review.text.toPlainText().endswith(".") and review.status.text() == ""
    assert review.week_choice.count() == 0
    qtbot.wait(20)
    assert blank.width() == 1280  # the sentence wraps rather than widening the window
    blank.close()
    for key in window.pages:
        window.go_to_step(key)
        qtbot.wait(20)
        for button in window.findChildren(QAbstractButton):
            if button.isVisible() and button.text() and button.width() < button.sizeHint().width():
                cut.add(f"{key}: button {button.text()!r}")
        for label in window.findChildren(QLabel):
            if (label.isVisible() and label.text() and not label.wordWrap()
                    and label.width() < label.sizeHint().width()):
                cut.add(f"{key}: label {label.text()[:40]!r}")
        for table in window.findChildren(QTableView):
            header, model = table.horizontalHeader(), table.model()
            columns = [c for c in range(model.columnCount(QModelIndex()))
                       if not header.isSectionHidden(c)]
            if header.stretchLastSection():  # the last column takes the room left
                columns = columns[:-1]
            for column in columns if table.isVisible() else []:
                text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                if header.sectionSize(column) < header.fontMetrics().horizontalAdvance(text) + 8:
                    cut.add(f"{key}: column {text!r}")
    window.preview_action.trigger()  # F9: the preview beside the form, its page in German
    page = window.preview.page_label
    qtbot.waitUntil(lambda: page.text().startswith("Seite 1 von"), timeout=60000)
    qtbot.wait(20)
    assert window.width() == 1280  # its buttons wrap rather than widening the window
    for label in (page, window.save_label):
        if label.width() < label.sizeHint().width():
            cut.add(f"preview shown: label {label.text()!r}")
    app.setStyleSheet("")
    assert cut == set()
    assert "Unterscheidungs-\n" in "".join(navigator.item(r).text() for r in range(
        navigator.count()))  # hyphenated as German is, where a compound cannot fit


def test_the_steps_status_reads_in_german(german, sample_plan):
    status = step_status(sample_plan)
    assert summary(status["targets"]) == f"{len(sample_plan.accounts)} Kunden"
    assert summary(status["conversations"]).endswith(f"{len(sample_plan.questions)} Fragen")
    assert summary(status["basics"]) == "Ziel gesetzt"
    empty = step_status(Plan(name="Neu"))
    assert to_do(empty["basics"]).startswith("sagen, was Sie verkaufen; die Verantwortung")


def test_the_coach_panel_words_findings_in_the_plan_s_language_and_its_own_in_the_app_s(
        qtbot, german):
    """A German leader's app, a Spanish plan: the findings read as the Spanish playbook's
    appendix prints them, the panel's "Fix" and counts in German; the plan put in English, the
    findings in English."""
    spanish = Plan.model_validate_json((DATA / "coach_plan_es.json").read_text("utf-8"))
    panel = CoachPanel(PlanDocument(spanish))
    qtbot.addWidget(panel)
    shown = [panel.tree.item(row).text() for row in range(panel.tree.count())]
    assert ("Ningún comercial es responsable de Fundiciones Marcial.\n"
            "Abhilfe: Asigna la cuenta a un solo comercial.") in shown
    assert "Warum es wichtig ist: Una cuenta sin responsable" in panel.tree.item(
        shown.index(next(t for t in shown if "Fundiciones Marcial" in t))).toolTip()
    assert "2 Blocker" in panel.summary.text()
    panel.document.set_value(("basics", "language"), "en")  # the plan now written in English
    panel.refresh()
    shown = [panel.tree.item(row).text() for row in range(panel.tree.count())]
    assert "No rep owns Fundiciones Marcial.\nAbhilfe: Assign the account to one rep." in shown


def test_the_review_page_gives_the_coach_on_actuals_in_the_plan_s_language_as_the_panel(
        qtbot, german):
    from tests.review_plans import busy_without_meetings  # noqa: PLC0415

    spanish = busy_without_meetings("es")
    page = ActualsReview(PlanDocument(spanish))
    qtbot.addWidget(page)
    colours = page.colours()
    html = make_page(spanish, "2027-W05", "", colours, date(2027, 2, 8)).html
    assert "<b>Der Coach:</b>" in html  # the page's own words: the app's
    assert "75 impactos, ninguna primera reunión en tres semanas" in html


def test_the_review_page_writes_a_monthly_goal_the_german_way(qtbot, german, sample_plan):
    # "1 / month" new qualified opportunities: its week's share and its month, German numbers
    page = ActualsReview(PlanDocument(sample_plan))
    qtbot.addWidget(page)
    html = make_page(sample_plan, "2027-W06", "", page.colours(), date(2027, 2, 15)).html
    assert "0,2 (1/Monat)" in html and "/month" not in html and "0.2" not in html


def test_choosing_deutsch_in_the_view_menu_is_kept_for_the_next_start(qtbot, sample_plan,
                                                                       tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(dialogs_module, "show_info", lambda _parent, title, text:
                        told.append((title, text)))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanStore(), sample_plan, settings)
    qtbot.addWidget(window)
    choices = {a.text(): a for a in window.language_menu.actions()}
    assert list(choices) == ["System language", "English", "Deutsch"]
    assert choices["System language"].isChecked()
    choices["Deutsch"].trigger()
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).value(
        language.SETTING) == "de"
    assert told == [("Language", "Prospector speaks Deutsch from its next start.")]
    assert language.resolve(language.chosen(settings), QLocale("en_US")) == "de"


def test_qts_own_buttons_speak_german_too(qtbot, german):
    """Qt's catalog (qtbase_de.qm, shipped with PySide6) translates the standard buttons and
    dialogs the app does not word itself."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "") == "Abbrechen"


def test_the_previews_status_names_its_parts_in_german(german):
    assert _part_title(["cover", "basics"]) == "Titelblatt, Auf einen Blick, Ziel und Strategie"
    # the chapters printed, as the contents name them: the call cards hold the responses
    assert _part_title(["objections", "qualification"]) == (
        "Einwandbibliothek, Was als Verkaufschance zählt, Gesprächskarten")


def _plan_fields(model: type[BaseModel], seen: set[str]) -> set[str]:
    """The names of ``model``'s fields and of every part it holds, at any depth."""
    names = set(model.model_fields)
    for field in model.model_fields.values():
        for kind in [field.annotation, *_nested(field.annotation)]:
            if isinstance(kind, type) and issubclass(kind, BaseModel) and kind.__name__ not in seen:
                seen.add(kind.__name__)
                names |= _plan_fields(kind, seen)
    return names


def _nested(annotation: object) -> list[object]:
    found = []
    for arg in typing.get_args(annotation):
        found += [arg, *_nested(arg)]
    return found


def test_every_field_an_undo_step_can_name_has_its_german_word(german, sample_plan):
    english = {f: editing.FIELD_WORDS.get(f, f.replace("_", " "))
               for f in _plan_fields(Plan, {"Plan"})}
    assert set(english.values()) <= set(field_names.WORDS)  # each in the app's catalog
    assert sorted(f for f, word in english.items() if field_names.field_word(f) == word) == []
    account = sample_plan.accounts[0]
    assert (field_names.describe_edit(sample_plan, ("accounts", 0, "tier"))
            == f"Stufe von {account.name}")


def test_a_german_user_reads_why_a_value_or_a_row_was_refused_in_german(qtbot, german,
                                                                        sample_plan, tmp_path):
    """The model's and the imports' own messages (the "messages" catalog) in the app's language:
    a refused value names its field and problem in German, an import's rows their problems."""
    document = PlanDocument(sample_plan.model_copy(deep=True))
    refused = []
    document.edit_refused.connect(refused.append)
    assert not document.set_value(("reps", 0, "email"), "jonas at northwind")
    assert not document.set_value(("basics", "brand_colour"), "blau")
    assert refused == [
        "E-Mail ist keine E-Mail-Adresse (erwartet: name@firma.de) — der vorherige Wert bleibt "
        "erhalten.",
        "Markenfarbe muss eine Farbe der Form #RRGGBB sein, zum Beispiel #1F4E79 — der vorherige "
        "Wert bleibt erhalten."]
    path = tmp_path / "Kunden.csv"
    path.write_text("Account Name,Employees\nNordlicht Logistik GmbH,1200\n,50\n"
                    "Kranich Werke AG,500-1000\n", encoding="utf-8")
    dialog = CsvImportDialog(sample_plan, str(path), None)
    qtbot.addWidget(dialog)
    assert dialog.load()
    qtbot.waitUntil(lambda: not dialog.is_checking())
    outcome = dialog.outcome.toPlainText()
    assert "  Zeile 3: kein Kundenname" in outcome
    assert ("  Zeile 4: Mitarbeiterzahl „500-1000“ ist eine Spanne, keine Zahl; leer gelassen"
            in outcome)
    assert "row " not in outcome
    path.write_bytes(b"%PDF-1.7 not a list of accounts")
    assert not dialog.load()
    assert dialog.outcome.toPlainText().endswith(": ist ein PDF, keine CSV-Datei (exportieren "
                                                 "Sie sie aus Ihrem CRM als CSV oder speichern "
                                                 "Sie sie in Excel über Datei > Speichern unter "
                                                 "> CSV UTF-8 und importieren Sie diese Datei)")


def test_a_schedule_that_cannot_be_written_says_why_in_german(qtbot, german, sample_plan,
                                                              tmp_path):
    """The file's name and why it cannot be written in the app's language (the whole message was
    English: "…ics: cannot be written (Is a directory)")."""
    dialog = ScheduleExportDialog(sample_plan, sample_plan.reps[0].id, str(tmp_path))
    qtbot.addWidget(dialog)
    taken = tmp_path / "europe-new-business-h1-2027-schedule-jonas-albrecht.ics"
    taken.mkdir()  # a folder where the calendar file goes
    dialog.export()
    assert dialog.summary.text() == (f"Nicht exportiert: {taken}: kann nicht geschrieben werden "
                                     "(ist ein Ordner, keine Datei)")


def test_where_two_saves_collide_is_named_in_german(german):
    """The box after a save conflict said "both sides changed: basics.owner" in a German app."""
    from prospector.merge import Item  # noqa: PLC0415
    from ui.field_names import conflict_places  # noqa: PLC0415

    places = [("basics", "goal"), ("touches", Item("Benchmark"), "title"), *[("tiers",)] * 5]
    assert conflict_places(places) == ("Grundlagen › Ziel; Touches › „Benchmark“ › Titel; "
                                       "Stufen; Stufen; Stufen; 2 weitere Stellen")


def test_a_german_leaders_new_plan_prints_and_is_coached_in_german(qtbot, german, sample_plan,
                                                                   tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs_module, "ask_text", lambda *_args: "Akquise Süd")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanStore(), sample_plan, settings)
    qtbot.addWidget(window)
    window.new_plan()
    plan = window.document.plan
    assert (plan.name, plan.basics.language) == ("Akquise Süd", "de")
    window.coach.refresh()
    shown = [window.coach.tree.item(row).text() for row in range(window.coach.tree.count())]
    assert "Der Plan hat kein Ziel." in [text.split("\n")[0] for text in shown]


def test_a_short_window_breaks_german_step_names_at_spaces_and_compounds_at_their_joint(
        qtbot, german, sample_plan, tmp_path):
    """A window too short for every step scrolls the navigator: the scroll bar takes its room,
    and names are broken between words, a compound where its parts join, never cut."""
    make_application()
    window, _settings = _shown(qtbot, sample_plan, tmp_path, 1000, 480)
    navigator = window.navigator
    qtbot.waitUntil(navigator.verticalScrollBar().isVisible, timeout=60000)
    qtbot.wait(20)
    assert _cut_steps(navigator) == set()
    texts = [navigator.item(r).text() for r in range(navigator.count())]
    assert "Ziele und\nVerantwortung" in texts[7] or "Ziele und Verantwortung\n" in texts[7]
    assert "Unterscheidungs-\n" in texts[4] and "Unterschei-\n" not in texts[4]
    window.close()


def test_a_german_user_reads_which_rows_of_a_mixed_file_were_read_in_another_encoding(
        qtbot, german, sample_plan, tmp_path):
    path = tmp_path / "gemischt.csv"
    path.write_bytes("Account Name,City\nNordlicht GmbH,Köln\nSüd AG,München\n".encode()
                     + "Größe KG,Düsseldorf\n".encode("cp1252"))
    dialog = CsvImportDialog(sample_plan, str(path), None)
    qtbot.addWidget(dialog)
    assert dialog.load()
    assert "gelesen als UTF-8 (Zeile 4 in Windows-1252)" in dialog.read_as.text()


def test_a_count_is_grouped_even_when_the_system_runs_in_the_c_locale(qtbot):
    """An English app on a machine in the C locale (LANG=C) writes 100,000 rows, not 100000."""
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        assert show_number(100_000) == "100,000" and show_number(1234.5) == "1,234.5"
    finally:
        QLocale.setDefault(before)


def test_the_review_charts_tell_a_screen_reader_each_week_in_german(qtbot, german, sample_plan):
    page = ActualsReview(PlanDocument(sample_plan))
    qtbot.addWidget(page)
    title, svg, told = make_page(sample_plan, "2027-W06", "", page.colours(),
                                 date(2027, 2, 15)).charts[0]
    assert told.startswith(f"{title}, Woche für Woche: KW02: 0 von 135; KW03: ")
    assert f"<title>{told}</title>" in svg
    page._chart(0, title, svg, told)
    assert page.chart_widgets[0].accessibleDescription() == told


def test_a_duplicated_account_is_named_a_copy_in_the_plans_language(qtbot, german, sample_plan):
    """The copy's name goes into the playbook: an English plan's persona duplicated in the
    German app printed "(Kopie)" in the English playbook."""
    from ui.document import PlanDocument  # noqa: PLC0415

    first = sample_plan.accounts[0]
    english = PlanDocument(sample_plan)
    assert english.duplicate_item("accounts", first.id, "Duplizieren").name == \
        f"{first.name} (copy)"
    sample_plan.basics.language = "de"
    german_plan = PlanDocument(sample_plan)
    assert german_plan.duplicate_item("accounts", first.id, "Duplizieren").name == \
        f"{first.name} (Kopie)"
