"""The real app, typing: started by tests/test_app_kill.py and killed at a random moment.

``python tests/app_typist.py JOURNAL SEED`` opens the app on the store in PROSPECTOR_DATA_DIR
(the sample on first start), as ``prospector`` does, then types into the plan's text fields
through the widgets, one key every 20-80 ms. After each key it appends ``time<TAB>field<TAB>
value`` to JOURNAL (unbuffered, so a SIGKILL loses no line), ``time`` being the system's
monotonic clock, which the killing process reads too.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from prospector.editing import get_value
from prospector.store import PlanStore
from ui.app import choose_plan, make_application
from ui.main_window import MainWindow

FIELDS = ("company", "offering", "owner", "goal", "strategy", "sales_force", "roles")
LETTERS = "abcdefghijklmnopqrstuvwxyz  "


def main(journal_path: str, seed: int) -> None:
    rng = random.Random(seed)
    app = make_application()
    settings = QSettings(os.path.join(os.environ["PROSPECTOR_DATA_DIR"], "settings.ini"),
                         QSettings.Format.IniFormat)
    store = PlanStore()
    window = MainWindow(store, choose_plan(store, None, settings), settings)
    window.show()
    journal = os.open(journal_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    basics = window.pages["basics"]
    state = {"field": rng.choice(FIELDS), "left": 0}

    def note(**line) -> None:
        os.write(journal, (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))

    def type_one() -> None:
        if state["left"] <= 0:  # move to another field, at its end
            state["field"], state["left"] = rng.choice(FIELDS), rng.randrange(5, 40)
            widget = getattr(basics, state["field"]).widget
            widget.setFocus()
            mod = Qt.KeyboardModifier
            QTest.keyClick(widget, Qt.Key.Key_End, mod.ControlModifier
                           if isinstance(widget, QPlainTextEdit) else mod.NoModifier)
        widget = getattr(basics, state["field"]).widget
        QTest.keyClicks(widget, rng.choice(LETTERS))
        state["left"] -= 1
        path = ("basics", state["field"])
        note(t=time.monotonic(), field=state["field"],
             value=get_value(window.document.plan, path))
        timer.start(rng.randrange(20, 80))

    window.autosaver.saved.connect(lambda _plan, version: note(t=time.monotonic(), saved=version))
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(type_one)
    window.navigator.setCurrentRow(0)
    note(t=time.monotonic(), ready=True, plan=window.document.plan.id)
    timer.start(0)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
