"""Last step: how complete the plan is, then export."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton

from prospector.sections import STEP_BY_KEY, step_status
from ui.widgets.step_page import StepPage


class ReviewPage(StepPage):
    key = "review"
    export_pdf_requested = Signal()
    export_json_requested = Signal()
    step_requested = Signal(str)

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent, scroll=True)
        box = QGroupBox("Where the plan stands")
        self.grid = QGridLayout(box)
        self.rows: dict[str, tuple[QPushButton, QProgressBar, QLabel]] = {}
        for row, key in enumerate(k for k in STEP_BY_KEY if k != "review"):
            go = QPushButton(STEP_BY_KEY[key].title)
            go.setFlat(True)
            go.setAccessibleName(f"Go to {STEP_BY_KEY[key].title}")
            go.clicked.connect(lambda _=False, k=key: self.step_requested.emit(k))
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setAccessibleName(f"{STEP_BY_KEY[key].title} completeness")
            text = QLabel()
            self.grid.addWidget(go, row, 0, Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(text, row, 2)
            self.rows[key] = (go, bar, text)
        self.grid.setColumnStretch(1, 1)
        self.body.addWidget(box)

        actions = QHBoxLayout()
        pdf = QPushButton("Export playbook PDF…")
        pdf.setDefault(True)
        pdf.clicked.connect(self.export_pdf_requested)
        plan_file = QPushButton("Export plan file…")
        plan_file.clicked.connect(self.export_json_requested)
        actions.addWidget(pdf)
        actions.addWidget(plan_file)
        actions.addStretch(1)
        self.body.addLayout(actions)
        self.body.addStretch(1)
        document.changed.connect(self.refresh)
        document.plan_replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        for key, status in step_status(self.document.plan).items():
            _go, bar, text = self.rows[key]
            bar.setValue(round(status.share * 100))
            text.setText(status.summary)
