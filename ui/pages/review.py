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
    QToolButton,
    QVBoxLayout,
)

from prospector.coach import SCORING, Review
from prospector.sections import STEP_BY_KEY, step_status
from ui.language import _, show_percent
from ui.step_words import summary
from ui.step_words import to_do as step_to_do
from ui.widgets.step_page import StepPage


class ReviewPage(StepPage):
    key = "review"
    export_pdf_requested = Signal()
    export_json_requested = Signal()
    step_requested = Signal(str)

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent, scroll=True)
        box = QGroupBox(_("Where the plan stands"))
        self.grid = QGridLayout(box)
        self.rows: dict[str, tuple[QToolButton, QProgressBar, QLabel]] = {}
        for row, key in enumerate(k for k in STEP_BY_KEY if k != "review"):
            go = QToolButton()  # sized to its name, left-aligned in its column: a flat push
            go.setText(_(STEP_BY_KEY[key].title))  # button centred the short names in its
            go.setAutoRaise(True)                  # minimum width ("Reps" stood indented)
            go.setAccessibleName(_("Go to {title}").format(title=_(STEP_BY_KEY[key].title)))
            go.clicked.connect(lambda _=False, k=key: self.step_requested.emit(k))
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setAccessibleName(_("{title} completeness").format(title=_(STEP_BY_KEY[key].title)))
            text = QLabel()
            text.setWordWrap(True)
            self.grid.addWidget(go, row, 0, Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(bar, row, 1)
            self.grid.addWidget(text, row, 2)
            self.rows[key] = (go, bar, text)
        self.grid.setColumnStretch(1, 1)
        self.body.addWidget(box)

        readiness = QGroupBox(_("Readiness score"))
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
        pdf = QPushButton(_("Export playbook PDF…"))
        pdf.setDefault(True)
        pdf.clicked.connect(self.export_pdf_requested)
        plan_file = QPushButton(_("Export plan file…"))
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
            _("<b>{overall}/100</b> = what is written, as the coach scores it "
              "(<b>{quality}/100</b>) × how complete the plan is (<b>{completeness}</b>, the "
              "bars above): {verdict}.").format(
                  overall=result.overall, quality=result.quality,
                  completeness=show_percent(result.completeness),
                  verdict=escape(result.verdict)))

    def refresh(self) -> None:
        for key, status in step_status(self.document.plan).items():
            _go, bar, text = self.rows[key]
            bar.setValue(round(status.share * 100))
            to_do = step_to_do(status)
            text.setText(summary(status) + (_(" — to do: {to_do}").format(
                to_do=to_do) if to_do else ""))
            bar.setToolTip(_("To complete it: {to_do}.").format(
                to_do=to_do) if to_do else _("Complete."))


def how_the_score_is_made() -> str:
    """The readiness score explained in a few sentences, with the coach's own numbers."""
    sc = SCORING
    return (
        _("Each part of the plan starts at 100 and loses points for each thing the coach flags: "
          "{blocker_weight} for a blocker, {warning_weight} for a warning, {tip_weight} for a tip "
          "when it concerns every item, down to half that when it concerns one item of many. A "
          "part with a blocker scores at most {blocker_section_cap}. The written score is the "
          "parts' average (accounts, touches and the campaign weigh most: reps execute them), "
          "{weakest_section_share} of it taken from the weakest part, less "
          "{blocker_overall_penalty} for each blocker. Readiness is that times how complete the "
          "plan is, so a half-written plan never looks nearly ready and adding good content never "
          "lowers it. Items still as “Add” made them, and an item you have just added until you "
          "leave it, are not counted. At {ready_score} with no blocker the plan is ready for the "
          "sales force.").format(
              blocker_weight=sc.blocker_weight, warning_weight=sc.warning_weight,
              tip_weight=sc.tip_weight, blocker_section_cap=sc.blocker_section_cap,
              weakest_section_share=show_percent(sc.weakest_section_share),
              blocker_overall_penalty=sc.blocker_overall_penalty, ready_score=sc.ready_score))
