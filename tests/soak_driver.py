"""A sales leader at work, for soak tests: the real main window driven by keystrokes and clicks.

Used by ``tests/test_app_soak.py`` (2,500 edits, offscreen) and ``bench/bench_soak.py`` (30
minutes under Xvfb). Every action goes through the widgets a user touches: typing into fields,
editing table cells, adding, duplicating, deleting and moving rows, undo and redo from the
keyboard, switching steps, the coach, the preview and the app's dialogs. An "edit" is one change
the document records (one keystroke that changed a field counts as one).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections import Counter

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from ui.widgets.list_editor import ListEditor

WORDS = ("pipeline", "Nordics", "first meeting", "OEE benchmark", "plant manager", "Q3",
         "downtime", "Müller", "référence", "EUR 2.4M", "uptime", "DACH", "procurement")
LIST_PAGES = ("targets", "personas", "touches", "differentiators", "reps")


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks aborts on letters outside ASCII)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def rss_mb() -> float:
    """Resident memory of this process, in MB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


class DialogCloser:
    """Closes whatever modal dialog the app opens, a moment after it opens."""

    def __init__(self) -> None:
        self.closed = 0
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._close)

    def _close(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject() if hasattr(modal, "reject") else modal.close()
            self.closed += 1

    def __enter__(self) -> DialogCloser:
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()


class Leader:
    """Drives one MainWindow. ``run(edits=N)`` or ``run(seconds=S)``."""

    def __init__(self, window, seed: int = 7, preview_every: int = 0) -> None:
        self.window = window
        self.rng = random.Random(seed)
        self.edits = 0
        self.actions: Counter = Counter()
        self.preview_every = preview_every  # edits between waits for a fresh preview (0: never)
        self.previews = 0
        self.closer = DialogCloser()
        window.document.changed.connect(self._count)

    def _count(self) -> None:
        self.edits += 1

    # --- the loop ------------------------------------------------------------------------------
    def run(self, edits: int | None = None, seconds: float | None = None,
            on_progress=None) -> None:
        started = time.monotonic()
        next_preview = self.preview_every
        actions = [(self.type_in_field, 34), (self.edit_cell, 18), (self.change_rows, 14),
                   (self.undo_redo, 14), (self.switch_step, 8), (self.use_coach, 5),
                   (self.cadence_work, 5), (self.open_dialog, 2)]
        funcs, weights = zip(*actions, strict=True)
        while True:
            if edits is not None and self.edits >= edits:
                return
            if seconds is not None and time.monotonic() - started >= seconds:
                return
            action = self.rng.choices(funcs, weights)[0]
            action()
            self.actions[action.__name__] += 1
            QApplication.processEvents()
            if self.preview_every and self.edits >= next_preview:
                self.wait_for_preview()
                next_preview = self.edits + self.preview_every
            if on_progress is not None and self.actions.total() % 200 == 0:
                on_progress(self)

    # --- actions -------------------------------------------------------------------------------
    def go_to(self, key: str) -> QWidget:
        keys = list(self.window.pages)
        self.window.navigator.setCurrentRow(keys.index(key))
        return self.window.pages[key]

    def type_in_field(self) -> None:
        page = self.go_to(self.rng.choice(["basics", "targets", "accountability", *LIST_PAGES]))
        if isinstance(getattr(page, "editor", None), ListEditor) and page.editor.model.rowCount():
            self._select_row(page.editor, self.rng.randrange(page.editor.model.rowCount()))
        fields = [w for w in page.findChildren(QLineEdit) + page.findChildren(QPlainTextEdit)
                  if w.isVisible() and w.isEnabled() and not w.isReadOnly()
                  and not w.accessibleName().startswith("Filter")
                  and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))
                  and not isinstance(w.parent().parent(), QTableView)]
        if not fields:
            return
        field = self.rng.choice(fields)
        field.setFocus()
        if self.rng.random() < 0.3:
            QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # retype it
        else:
            QTest.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier if isinstance(
                field, QPlainTextEdit) else Qt.KeyboardModifier.NoModifier)
            QTest.keyClicks(field, " ")
        type_text(field, self.rng.choice(WORDS))
        if isinstance(field, QPlainTextEdit) and self.rng.random() < 0.3:
            QTest.keyClick(field, Qt.Key.Key_Return)
            type_text(field, self.rng.choice(WORDS))
        if self.rng.random() < 0.2:
            QTest.keyClick(field, Qt.Key.Key_Backspace)

    def _table_and_editor(self):
        key = self.rng.choice([*LIST_PAGES, "cadences", "accountability"])
        page = self.go_to(key)
        editor = getattr(page, "editor", None)
        return (editor.table, editor) if editor is not None else (page.table, None)

    def _select_row(self, editor: ListEditor, row: int) -> None:
        index = editor.proxy.index(row, 0)
        editor.table.setCurrentIndex(index)
        editor.table.selectRow(row)

    def edit_cell(self) -> None:
        table, _editor = self._table_and_editor()
        model = table.model()
        if not model.rowCount():
            return
        index = model.index(self.rng.randrange(model.rowCount()),
                            self.rng.randrange(model.columnCount()))
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            return
        table.setCurrentIndex(index)
        table.edit(index)
        QApplication.processEvents()
        cell = next((w for w in table.viewport().findChildren(QWidget)
                     if w.isVisible() and isinstance(w, (QLineEdit, QComboBox,
                                                         QAbstractSpinBox))), None)
        if cell is None:
            if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:  # a tick box: toggle it
                table.setFocus()
                QTest.keyClick(table, Qt.Key.Key_Space)
            return
        if isinstance(cell, QComboBox):
            if cell.count():
                cell.setCurrentIndex(self.rng.randrange(cell.count()))
        elif isinstance(cell, QAbstractSpinBox):
            cell.selectAll()
            QTest.keyClicks(cell, str(self.rng.randrange(1, 60)))
        else:
            cell.selectAll()
            type_text(cell, self.rng.choice(WORDS))
        QTest.keyClick(cell, Qt.Key.Key_Return)
        QApplication.processEvents()
        if table.state() == QAbstractItemView.State.EditingState:
            table.setFocus()  # the editor refused the value and stayed open: leave it
            QTest.keyClick(table.viewport(), Qt.Key.Key_Escape)

    def change_rows(self) -> None:
        page = self.go_to(self.rng.choice(LIST_PAGES))
        editor: ListEditor = page.editor
        count = editor.model.rowCount()
        if count:
            self._select_row(editor, self.rng.randrange(count))
        choice = self.rng.choice(["add", "duplicate", "delete", "up", "down"])
        if count > 14:
            choice = "delete"
        elif count < 3:
            choice = "add"
        if choice == "add":
            editor.buttons["add"].click()
            QApplication.processEvents()
            cell = next((w for w in editor.table.viewport().findChildren(QLineEdit)
                         if w.isVisible()), None)
            if cell is not None:
                cell.selectAll()
                type_text(cell, self.rng.choice(WORDS).title())
                QTest.keyClick(cell, Qt.Key.Key_Return)
        elif editor.buttons[choice].isEnabled():
            editor.buttons[choice].click()

    def undo_redo(self) -> None:
        self.window.activateWindow()
        target = self.window.navigator
        target.setFocus()
        for _ in range(self.rng.randrange(1, 8)):
            QTest.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        for _ in range(self.rng.randrange(0, 6)):
            QTest.keyClick(target, Qt.Key.Key_Z,
                           Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    def switch_step(self) -> None:
        if self.rng.random() < 0.5:
            self.window.navigator.setCurrentRow(self.rng.randrange(self.window.navigator.count()))
        else:
            self.window.navigator.setFocus()
            QTest.keyClick(self.window.navigator, Qt.Key.Key_PageDown if self.rng.random() < 0.5
                           else Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)

    def use_coach(self) -> None:
        coach = self.window.coach
        coach.refresh()
        items = [coach.tree.item(i) for i in range(coach.tree.count())]
        clickable = [item for item in items if item.data(Qt.ItemDataRole.UserRole)]
        if clickable:
            coach._activated(self.rng.choice(clickable))

    def cadence_work(self) -> None:
        page = self.go_to("cadences")
        choice = self.rng.choice(["add step", "delete step", "tier", "name", "pick"])
        if choice == "add step" and page.model.rowCount() < 18:
            page.add_step()
        elif choice == "delete step" and page.model.rowCount() > 3:
            page.table.selectRow(self.rng.randrange(page.model.rowCount()))
            page.delete_steps()
        elif choice == "tier":
            self.rng.choice(list(page.tier_buttons.values())).click()
        elif choice == "name" and page.name.widget.isEnabled():
            page.name.widget.setFocus()
            QTest.keyClicks(page.name.widget, "!")
            QTest.keyClick(page.name.widget, Qt.Key.Key_Backspace)
        elif page.picker.count():
            page.picker.setCurrentIndex(self.rng.randrange(page.picker.count()))

    def open_dialog(self) -> None:
        window = self.window
        opener = self.rng.choice([window.show_plans, window.show_versions, window.export_pdf,
                                  window.about,
                                  lambda: window.export_schedule(None)])
        with self.closer:
            opener()

    # --- the preview ---------------------------------------------------------------------------
    def wait_for_preview(self, timeout: float = 180) -> None:
        """Show the preview, wait until it shows the plan as it is now, then go back to the
        coach."""
        window = self.window
        window.preview_dock.show()
        window.preview_dock.raise_()
        preview = window.preview
        wanted = preview.generation + 1
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QTest.qWait(50)
            if preview.generation >= wanted and not preview.busy():
                if preview.status.text().startswith("Preview of"):
                    break
                if preview.status.text().startswith("Preview not updated"):
                    deadline = 0  # failed: say so now
        else:
            kept = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="soak-unprinted-",
                                               delete=False, encoding="utf-8")
            with kept:
                kept.write(window.document.plan.model_dump_json())
            raise AssertionError(f"the preview did not update: {preview.status.text()} "
                                 f"(the plan is in {kept.name})")
        self.previews += 1
        window.coach_dock.raise_()
