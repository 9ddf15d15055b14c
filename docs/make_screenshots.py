"""Regenerate docs/screenshots/: the app offscreen on the sample plan, one image per step.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-shots-")

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from prospector.store import PlanStore
from ui.app import choose_plan, make_application
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow
from ui.plans_dialog import PlansDialog

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    app = make_application()
    settings = QSettings(str(Path(os.environ["PROSPECTOR_DATA_DIR"]) / "s.ini"),
                         QSettings.Format.IniFormat)
    store = PlanStore()
    window = MainWindow(store, choose_plan(store, None, settings), settings)
    window.example_banner.hide()  # the steps as a leader's own plan shows them
    window.resize(1280, 800)
    window.show()
    OUT.mkdir(exist_ok=True)
    only = set(sys.argv[1:])
    for row in range(window.navigator.count()):
        key = window.navigator.item(row).data(0x0100)
        if only and key not in only:
            continue
        window.navigator.setCurrentRow(row)
        page = window.pages[key]
        editor = getattr(page, "editor", None)
        if editor is not None and editor.model.rowCount():
            editor.table.selectRow(0)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(OUT / f"{row + 1:02d}-{key}.png"))
        print(f"{OUT / f'{row + 1:02d}-{key}.png'}")
    if not only or "extras" in only:
        _extras(app, window, store)
    window.close()
    return 0


def _save(widget, name: str) -> None:
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def _extras(app, window, store) -> None:
    """The preview pane, the plans screen and the export dialog."""
    window.go_to_step("cadences")
    window.preview_dock.show()
    window.preview_dock.raise_()
    loop = QEventLoop()
    window.preview.runner.finished.connect(lambda *a: QTimer.singleShot(800, loop.quit))
    QTimer.singleShot(120000, loop.quit)
    loop.exec()
    for _ in range(10):
        app.processEvents()
    _save(window, "10-preview.png")
    window.coach_dock.raise_()

    # the coach on a weakened copy of the plan: an empty touch and a generic differentiator
    document = window.document
    touch = document.plan.touches[0].id
    document.set_value(("touches", touch, "value"), "Just checking in to see if you got my email")
    document.set_value(("differentiators", document.plan.differentiators[0].id, "difference"),
                       "Great service and industry-leading quality")
    window.go_to_step("touches", touch)
    window.coach.refresh()
    for _ in range(5):
        app.processEvents()
    _save(window, "13-coach.png")
    document.undo_stack.undo()
    document.undo_stack.undo()

    plans = PlansDialog(store, window.document.plan.id, window)
    plans.show()
    app.processEvents()
    _save(plans, "11-plans.png")
    plans.close()

    export = ExportDialog(window.document.plan, str(Path.home()), window)
    export.rep.setChecked(True)
    export.show()
    app.processEvents()
    _save(export, "12-export.png")
    export.close()


if __name__ == "__main__":
    sys.exit(main())
