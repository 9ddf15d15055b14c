"""Last step: how complete the plan is, then export."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from prospector.coach import SCORING, Review
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
            text.setWordWrap(True)
            self.grid.addWidget(go, row, 0, Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(text, row, 2)
            self.rows[key] = (go, bar, text)
        self.grid.setColumnStretch(1, 1)
        self.body.addWidget(box)

        readiness = QGroupBox("Readiness score")
        column = QVBoxLayout(readiness)
        self.score = QLabel()
        self.score.setObjectName("readinessScore")
        self.score.setWordWrap(True)
        self.score.setTextFormat(Qt.TextFormat.RichText)
        how = QLabel(how_the_score_is_made())
        how.setWordWrap(True)
        how.setObjectName("readinessHow")
        column.addWidget(self.score)
        column.addWidget(how)
        self.body.addWidget(readiness)

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

    def show_readiness(self, result: Review) -> None:
        """The coach's latest review: the score and what it is made of."""
        self.score.setText(
            f"<b>{result.overall}/100</b> = what is written, as the coach scores it "
            f"(<b>{result.quality}/100</b>) × how complete the plan is "
            f"(<b>{result.completeness:.0%}</b>, the bars above): "
            f"{escape(result.verdict)}.")

    def refresh(self) -> None:
        for key, status in step_status(self.document.plan).items():
            _go, bar, text = self.rows[key]
            bar.setValue(round(status.share * 100))
            to_do = "; ".join(status.missing)
            text.setText(status.summary + (f" — to do: {to_do}" if to_do else ""))
            bar.setToolTip(f"To complete it: {to_do}." if to_do else "Complete.")


def how_the_score_is_made() -> str:
    """The readiness score explained in a few sentences, with the coach's own numbers."""
    sc = SCORING
    return (
        "Each part of the plan starts at 100 and loses points for each thing the coach flags: "
        f"{sc.blocker_weight} for a blocker, {sc.warning_weight} for a warning, {sc.tip_weight} "
        "for a tip when it concerns every item, down to half that when it concerns one item "
        f"of many. A part with a blocker scores at most {sc.blocker_section_cap}. The written "
        f"score is the parts' average (accounts, touches and the campaign weigh most: reps "
        f"execute them), {sc.weakest_section_share:.0%} of it taken from the weakest part, less "
        f"{sc.blocker_overall_penalty} for each blocker. Readiness is that times how complete "
        "the plan is, so a half-written plan never looks nearly ready and adding good content "
        "never lowers it. Items still as \u201cAdd\u201d made them, and an item you have just "
        f"added until you leave it, are not counted. At {sc.ready_score} with no blocker the "
        "plan is ready for the sales force.")
