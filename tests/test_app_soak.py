"""The app under long use: 2,500 edits through the real window, then reopened from the store.

The first version died twice in ten minutes of ordinary editing (PySide6 6.12.0 dropping
references to None on Python 3.11) while the suite was green, because no test used the window for
long. Here a leader types into fields, edits cells, adds, duplicates, deletes and moves rows,
undoes and redoes from the keyboard, switches steps, follows the coach, waits for the preview and
opens and closes the dialogs, 2,500 times (about 600 actions of every kind); the
process must still be alive, the plan reopened from the store must be the plan on screen, and
memory must not keep growing. The Qt binding's lost references that killed the app are measured
call by call in test_qt_refcounts.py; bench/bench_soak.py drives the same leader for 30 minutes.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QDialog

from prospector.planfile import plan_to_document
from prospector.store import PlanStore
from tests.soak_driver import Leader, rss_mb
from ui.app import choose_plan
from ui.commands import SetValueCommand
from ui.main_window import MainWindow

EDITS = 2500
WARM_UP = 500  # edits before memory is first read: caches, fonts and the undo stack fill up
MAX_GROWTH_MB = 25  # over the 2,000 edits after the warm-up (5,000 edits allowed 50 MB)
UNDO_LIMIT = 200  # below the ~450 commands the edits make: commands past it must be freed


def test_thousands_of_edits_then_reopened_from_the_store(qtbot, tmp_path, sample_plan):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store = PlanStore()
    store.save(sample_plan)
    window = MainWindow(store, sample_plan, settings)
    window.document.undo_stack.setUndoLimit(UNDO_LIMIT)  # the app's 500, reached sooner
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window, timeout=60000)
    leader = Leader(window, seed=12, preview_every=1000)

    leader.run(edits=WARM_UP)
    gc.collect()
    memory_before = rss_mb()
    leader.run(edits=EDITS)
    gc.collect()
    growth = rss_mb() - memory_before

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the app's event loop does
    alive_commands = sum(isinstance(o, SetValueCommand) for o in gc.get_objects())
    kept_dialogs = window.findChildren(QDialog)
    on_screen = plan_to_document(window.document.plan)
    window.close()  # saves what is pending
    reopened = PlanStore()
    again = MainWindow(reopened, choose_plan(reopened, None, settings), settings)
    qtbot.addWidget(again)
    print(f"\nsoak: {leader.edits} edits in {leader.actions.total()} actions "
          f"({dict(leader.actions)}), {leader.previews} previews, {leader.closer.closed} "
          f"dialogs closed, memory {memory_before:.0f} MB -> +{growth:.1f} MB")
    assert leader.edits >= EDITS
    assert min(leader.actions.values()) > 0 and len(leader.actions) == 8  # every kind of action
    assert leader.previews >= 2 and leader.closer.closed >= 5
    assert plan_to_document(again.document.plan) == on_screen
    assert on_screen != plan_to_document(sample_plan)
    assert growth < MAX_GROWTH_MB
    assert alive_commands <= window.document.undo_stack.undoLimit()  # typing is not hoarded
    assert kept_dialogs == []  # a closed dialog is freed
    again.close()
