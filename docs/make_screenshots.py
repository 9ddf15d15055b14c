"""Regenerate docs/screenshots/: the app offscreen on the sample plan, one image per step.

    .venv/bin/python docs/make_screenshots.py                 # docs/screenshots/<step>.png
    .venv/bin/python docs/make_screenshots.py --dark          # docs/screenshots/dark/
    .venv/bin/python docs/make_screenshots.py --scale 2       # docs/screenshots/2x/ (HiDPI)
    .venv/bin/python docs/make_screenshots.py --language de   # docs/screenshots/de/ (German)
    .venv/bin/python docs/make_screenshots.py targets extras  # only those

The window is 1280x800 (logical pixels) in each; ``--dark`` gives the app a dark palette, as a
desktop in dark mode does.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PROSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="prospector-shots-")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QPalette

from prospector.store import PlanStore
from ui import language
from ui.app import STYLE, choose_plan, make_application
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow
from ui.palette_colours import hint_colour
from ui.plans_dialog import PlansDialog

SHOTS = Path(__file__).resolve().parent / "screenshots"
OUT = SHOTS


def dark_palette() -> QPalette:
    """A dark desktop's palette (as KDE's Breeze Dark or GNOME's dark style give Qt apps)."""
    palette = QPalette()
    for role, colour in (
            ("Window", "#2B2B2B"), ("WindowText", "#E6E6E6"), ("Base", "#1E1E1E"),
            ("AlternateBase", "#262626"), ("Text", "#E6E6E6"), ("Button", "#353535"),
            ("ButtonText", "#E6E6E6"), ("Highlight", "#2A82DA"), ("HighlightedText", "#FFFFFF"),
            ("ToolTipBase", "#353535"), ("ToolTipText", "#E6E6E6"), ("PlaceholderText", "#9A9A9A"),
            ("Mid", "#5A5A5A"), ("Dark", "#1A1A1A"), ("Light", "#505050"), ("Link", "#6CB4FF")):
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in ("WindowText", "Text", "ButtonText"):  # what cannot be used now reads greyed
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role),
                         QColor("#808080"))
    return palette


def main(argv: list[str]) -> int:
    global OUT
    args = list(argv)
    dark = "--dark" in args
    scale = args[args.index("--scale") + 1] if "--scale" in args else ""
    spoken = args[args.index("--language") + 1] if "--language" in args else ""
    args = [a for i, a in enumerate(args) if a not in ("--dark", "--scale", "--language")
            and (i == 0 or args[i - 1] not in ("--scale", "--language"))]
    if scale:
        os.environ["QT_SCALE_FACTOR"] = scale  # read when the application is made
    OUT = (SHOTS / "dark" if dark else SHOTS / f"{scale}x" if scale else
           SHOTS / spoken if spoken else SHOTS)
    app = make_application()
    if spoken:
        language.install(spoken)  # as a German desktop, or View > Language, starts the app
    if dark:
        app.setPalette(dark_palette())
        app.setStyleSheet(STYLE % {"hint": hint_colour(app.palette()).name()})
    settings = QSettings(str(Path(os.environ["PROSPECTOR_DATA_DIR"]) / "s.ini"),
                         QSettings.Format.IniFormat)
    store = PlanStore()
    window = MainWindow(store, choose_plan(store, None, settings), settings)
    window.example_banner.hide()  # the steps as a leader's own plan shows them
    window.resize(1280, 800)
    window.show()
    OUT.mkdir(exist_ok=True)
    only = set(args)
    for row in range(window.navigator.count()):
        key = window.navigator.item(row).data(0x0100)
        if only and key not in only:
            continue
        window.navigator.setCurrentRow(row)
        page = window.pages[key]
        editor = getattr(page, "editor", None) or getattr(page, "objections", None)
        if editor is not None and editor.model.rowCount():
            editor.table.selectRow(0)
        for _ in range(5):
            app.processEvents()
        _save(window, f"{key}.png")
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
    window.preview.worker.rendered.connect(lambda *a: QTimer.singleShot(800, loop.quit))
    window.preview.worker.failed.connect(lambda *a: loop.quit())
    QTimer.singleShot(120000, loop.quit)
    loop.exec()
    for _ in range(10):
        app.processEvents()
    _save(window, "preview.png")
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
    _save(window, "coach.png")
    document.undo_stack.undo()
    document.undo_stack.undo()

    plans = PlansDialog(store, window.document.plan.id, window)
    plans.show()
    app.processEvents()
    _save(plans, "plans.png")
    plans.close()

    export = ExportDialog(window.document.plan, str(Path.home()), window)
    export.rep.setChecked(True)
    export.show()
    app.processEvents()
    _save(export, "export.png")
    export.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
