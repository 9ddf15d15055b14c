"""A window that dies before its save (killed, crashed) loses nothing the leader did: the next
window opening the plan makes those edits again, as undoable edits, and says so."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings

from prospector.store import PlanStore
from ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _killed(window: MainWindow) -> None:
    """As if the window's process died now: no save, no close; its file's lock freed."""
    window.autosaver.timer.stop()
    window.autosaver._source = None  # its timer can fire no save any more
    unsaved = window.document.unsaved
    os.close(unsaved._fd)
    unsaved._fd = None


def test_edits_made_since_the_last_save_are_made_again_at_the_next_start(
        qtbot, sample_plan, settings):
    store = PlanStore()
    store.save(sample_plan)
    first = MainWindow(store, store.load(sample_plan.id), settings)
    qtbot.addWidget(first)
    document = first.document
    added = document.insert_item(("accounts",), None, {"name": "New account"}, "Add account")
    document.set_value(("accounts", added.id, "name"), "Nordlicht Extrusion GmbH")
    document.set_value(("accounts", added.id, "why"), "New plant manager in Linz")
    document.insert_item(("accounts", added.id, "contacts"), None, {"name": "Katrin Brandl"},
                         "Add contact")
    cadence = document.plan.cadences[0]
    document.move_item(("cadences", cadence.id, "steps"), 0, 2, "Move a step", keep="day")
    document.remove_items(("personas",), [3], "Delete a persona")  # its contacts lose it
    document.set_value(("basics", "goal"), document.plan.basics.goal + " Two a month each.")
    document.undo_stack.undo()  # the goal as it was
    document.set_value(("basics", "owner"), "Katrin Vogelsang")
    edited = document.plan.model_dump()
    _killed(first)
    assert store.load(sample_plan.id).model_dump() != edited  # nothing was saved

    second = MainWindow(store, store.load(sample_plan.id), settings)
    qtbot.addWidget(second)
    assert second.document.plan.model_dump() == edited
    assert "Restored" in second.statusBar().currentMessage()
    assert second.document.undo_stack.canUndo()  # each one undoable
    qtbot.waitUntil(lambda: store.load(sample_plan.id).model_dump() == edited, timeout=30000)
    second.close()
    third = MainWindow(store, store.load(sample_plan.id), settings)  # made again only once
    qtbot.addWidget(third)
    assert not third.document.undo_stack.canUndo()
    assert not [f for f in os.listdir(store.folder) if f.startswith("unsaved-")
                and os.path.getsize(store.folder / f)]
