"""Makes 2,000 calls of each Qt call the app makes on an edit and prints, as JSON, how far the
reference counts of None, True and False moved for each (run by tests/test_qt_refcounts.py).

PySide6 6.12.0 drops a reference on almost every call that returns nothing; on Python 3.11,
where None is not immortal, the process aborts (``Fatal Python error: none_dealloc``) after a few
thousand edits. A ballast of extra references keeps this probe alive while it measures.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
)

CALLS_EACH = 2000
KEEP: list = []  # the widgets the calls use stay alive until the end


class _Signals(QObject):
    path = Signal(tuple)
    sections = Signal(object)
    changed = Signal()
    text = Signal(str)


class _Command(QUndoCommand):
    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


class _Rows(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:
        return 3

    def columnCount(self, parent=QModelIndex()) -> int:
        return 3

    def data(self, index, role=Qt.DisplayRole):
        return "Acme" if role == Qt.DisplayRole else None


def calls() -> dict:
    """The Qt calls one edit makes: the window's title and navigator, the field being typed in,
    the table models, the signals the document emits and the undo stack."""
    window = QMainWindow()
    navigator = QListWidget()
    item = QListWidgetItem("Plan basics")
    navigator.addItem(item)
    label, line, text = QLabel(), QLineEdit(), QPlainTextEdit()
    spin, date, combo, check = QSpinBox(), QDateEdit(), QComboBox(), QCheckBox()
    combo.addItems(["A", "B", "C"])
    signals = _Signals()
    signals.path.connect(lambda _p: None)
    signals.sections.connect(lambda _s: None)
    signals.changed.connect(lambda: None)
    signals.text.connect(lambda _t: None)
    stack = QUndoStack()
    stack.setUndoLimit(50)
    timer = QTimer()
    timer.setSingleShot(True)
    rows = _Rows()
    table = QTableView()
    table.setModel(rows)

    KEEP.extend([window, navigator, label, line, text, spin, date, combo, check, signals,
                 stack, timer, rows, table])

    def blocked() -> None:
        with QSignalBlocker(line):
            line.setText("Acme")

    return {
        "QMainWindow.setWindowTitle": lambda: window.setWindowTitle("Plan[*] — Prospector"),
        "QMainWindow.setWindowModified": lambda: window.setWindowModified(True),
        "with QSignalBlocker(...)": blocked,
        "QListWidgetItem.setData": lambda: item.setData(Qt.UserRole, "basics"),
        "QListWidgetItem.setText": lambda: item.setText("Plan basics\n   50%"),
        "QListWidgetItem.setToolTip": lambda: item.setToolTip("50% complete"),
        "QLabel.setText": lambda: label.setText("Saving…"),
        "QLineEdit.setText": lambda: line.setText("Acme"),
        "QPlainTextEdit.setPlainText": lambda: text.setPlainText("Acme"),
        "QSpinBox.setValue": lambda: spin.setValue(3),
        "QDateEdit.setDate": lambda: date.setDate(QDate(2027, 1, 11)),
        "QComboBox.setCurrentIndex": lambda: combo.setCurrentIndex(1),
        "QCheckBox.setChecked": lambda: check.setChecked(True),
        "QWidget.setProperty": lambda: line.setProperty("invalid", False),
        "QWidget.setEnabled": lambda: line.setEnabled(True),
        "QWidget.setToolTip": lambda: line.setToolTip("why"),
        "QStatusBar.showMessage": lambda: window.statusBar().showMessage("Saved", 100),
        "Signal(tuple).emit": lambda: signals.path.emit(("accounts", "acc-1", "name")),
        "Signal(object).emit": lambda: signals.sections.emit(frozenset({"accounts"})),
        "Signal().emit": lambda: signals.changed.emit(),
        "Signal(str).emit": lambda: signals.text.emit("refused"),
        "QUndoStack.push": lambda: stack.push(_Command("Edit name")),
        "QUndoStack.isClean": lambda: stack.isClean(),
        "QTimer.start": lambda: timer.start(1500),
        "QTimer.isActive": lambda: timer.isActive(),
        "dataChanged.emit": lambda: rows.dataChanged.emit(rows.index(0, 0), rows.index(0, 2)),
        "begin/endResetModel": lambda: (rows.beginResetModel(), rows.endResetModel()),
    }


def main() -> None:
    app = QApplication.instance() or QApplication([])
    ballast = [None, True, False] * 1_000_000  # noqa: F841 - keeps the counts far from zero
    results = {}
    for name, call in calls().items():
        call()  # the first call may create caches
        before = [sys.getrefcount(x) for x in (None, True, False)]
        for _ in range(CALLS_EACH):
            call()
        after = [sys.getrefcount(x) for x in (None, True, False)]
        results[name] = dict(zip(("None", "True", "False"),
                                 (a - b for a, b in zip(after, before, strict=True)),
                                 strict=True))
    app.processEvents()
    print(json.dumps({"calls_each": CALLS_EACH, "results": results}), flush=True)
    os._exit(0)  # a leaking PySide6 would abort at exit, once the ballast is freed


if __name__ == "__main__":
    main()
