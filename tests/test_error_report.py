"""An unexpected failure in the app is never silent: a dialog says which action failed, the plan
is kept (saved), and the details go to a log file in the data folder."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings

from prospector.errors import ProspectorError
from prospector.messages import Note
from prospector.store import PlanStore
from ui import dialogs, language
from ui.error_report import LOG_NAME, ErrorReporter
from ui.main_window import MainWindow


@pytest.fixture
def app_window(qtbot, tmp_path, sample_plan, monkeypatch):
    store = PlanStore()
    store.save(sample_plan)
    window = MainWindow(store, sample_plan,
                        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    shown: list[tuple] = []
    monkeypatch.setattr(dialogs, "show_unexpected_error",
                        lambda parent, *told: shown.append(told))
    reporter = ErrorReporter(lambda: store.folder, window.keep_plan_after_error,
                             lambda *told: dialogs.show_unexpected_error(window, *told))
    reporter.install()
    yield window, store, shown
    reporter.uninstall()
    window.autosaver.stop()


@pytest.mark.qt_no_exception_capture
def test_a_failing_action_is_reported_logged_and_the_plan_kept(qtbot, app_window, monkeypatch):
    window, store, shown = app_window

    def broken(_parent):
        raise RuntimeError("the file dialog broke")

    monkeypatch.setattr(dialogs, "ask_open_csv_file", broken)
    window.document.set_value(("basics", "goal"), "40 first meetings by June")  # not saved yet
    window.pages["targets"].import_csv_requested.emit()  # Targets ▸ Import CSV…
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=60000)

    title, message, hint, details = shown[0]
    assert title == "Import accounts csv failed"
    assert message == "RuntimeError: the file dialog broke"
    log = store.folder / LOG_NAME
    assert "changes, and they are saved" in hint and str(log) in hint
    assert "Traceback" in details and "the file dialog broke" in details
    assert "import_accounts_csv" in log.read_text("utf-8")
    assert log.stat().st_mode & 0o777 == 0o600
    assert store.load(window.document.plan.id).basics.goal == "40 first meetings by June"


@pytest.mark.qt_no_exception_capture
def test_a_failure_in_a_background_thread_is_reported_too(qtbot, app_window):
    window, store, shown = app_window

    def background_work():
        raise OSError("lost the disk")

    worker = threading.Thread(target=background_work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=60000)
    assert shown[0][0] == "Background work failed"
    assert shown[0][1] == "OSError: lost the disk"
    assert (store.folder / LOG_NAME).read_text("utf-8").count("OSError: lost the disk") == 1


@pytest.mark.qt_no_exception_capture
def test_a_german_user_is_told_of_a_failure_in_german(qtbot, app_window, monkeypatch):
    """No English in the report: the failed action named as the code names it (its English
    words would be), the error of ours said in German, what became of the plan in German."""
    window, _store, shown = app_window

    def broken(_parent):
        raise ProspectorError(Note("cannot write {file}: the folder {folder} does not exist",
                                   file="a.pdf", folder="/weg"))

    monkeypatch.setattr(dialogs, "ask_open_csv_file", broken)
    language.install("de")
    try:
        window.pages["targets"].import_csv_requested.emit()
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=60000)
    finally:
        language.install(language.ENGLISH)
    title, message, hint, _details = shown[0]
    assert title == "„import_accounts_csv“ fehlgeschlagen"
    assert message == ("ProspectorError: a.pdf kann nicht geschrieben werden: Der Ordner /weg "
                       "existiert nicht")
    assert hint.startswith("Ihr Plan ist mit allen Änderungen geöffnet")
