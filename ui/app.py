"""Starting the desktop app: the store, the plan to open (the sample on first start), the window."""

from __future__ import annotations

import sys
from typing import cast

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from prospector.errors import PlanNotFound, ProspectorError
from prospector.plan_lookup import looks_like_file
from prospector.planfile import STORED_REPAIRED, read_plan_file, read_plan_file_noting
from prospector.resources import sample_plan_path
from prospector.store import PlanStore
from ui import dialogs, language
from ui.error_report import ErrorReporter
from ui.language import _, said
from ui.palette_colours import hint_colour

STYLE = """
QListWidget#stepNavigator { font-size: 10.5pt; }
QListWidget#stepNavigator::item { padding: 7px 10px; }
QLabel#stepAdvice { font-size: 10.5pt; }
QLabel#emptyHint { color: %(hint)s; font-style: italic; }
*[invalid="true"] { border: 1px solid #C0392B; }
"""


def make_application(qt_options: list[str] | None = None) -> QApplication:
    """The application, made once; ``qt_options`` are Qt's own command-line options
    (``-style Fusion``), which Qt reads and applies."""
    app = cast(QApplication | None, QApplication.instance())
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1] + list(qt_options or ()))
    app.setApplicationName("Prospector")
    app.setOrganizationName("Prospector")
    app.setApplicationDisplayName("Prospector")
    app.setStyleSheet(STYLE % {"hint": hint_colour(app.palette()).name()})
    return app


def choose_plan(store: PlanStore, plan_ref: str | None, settings: QSettings):
    """The plan to open: the one asked for, else the last one, else the newest; the bundled
    sample on first start so the app is never empty."""
    if plan_ref:
        if looks_like_file(plan_ref):
            plan, told = read_plan_file_noting(plan_ref, STORED_REPAIRED)
            store.save(plan, note=f"opened from {plan_ref}")
            if told:
                store.repairs.append(told)
            return plan
        return store.load(store.find(plan_ref).id)
    last = settings.value("last_plan")
    if last:
        try:
            return store.load(last)
        except PlanNotFound:
            pass
    plans = store.list_plans()
    if plans:
        return store.load(plans[0].id)
    sample = read_plan_file(sample_plan_path())
    store.save(sample, note="the sample plan, opened on first start")
    return sample


def run_app(plan_ref: str | None = None, qt_options: list[str] | None = None) -> int:
    app = make_application(qt_options)
    from ui.main_window import MainWindow  # noqa: PLC0415 - after QApplication exists

    settings = QSettings()
    # the language first: every window, dialog and date field reads it when it is made
    language.install(language.resolve(language.chosen(settings)))
    try:
        store = PlanStore()
        plan = choose_plan(store, plan_ref, settings)
    except ProspectorError as exc:
        dialogs.show_error(None, _("Prospector cannot start"), said(exc),
                           _("Check the plan or the data folder (--data-dir), then start again."))
        return 1
    window = MainWindow(store, plan, settings)
    reporter = ErrorReporter(
        folder=lambda: store.folder, keep_plan=window.keep_plan_after_error,
        show=lambda title, line, hint, details: dialogs.show_unexpected_error(
            window, title, line, hint, details))
    reporter.install()
    window.show()
    dialogs.show_store_notices(window, store)
    window.tell_not_restored()
    try:
        return app.exec()
    finally:
        reporter.uninstall()
