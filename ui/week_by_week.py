"""Week by week: the plan at work. The second tab of the main window, beside building the plan:
the weekly review of what the reps did against the plan's targets (``ui/actuals_review.py``),
and the weekly grid to enter figures by hand (``ui/weekly_grid.py``). What the reps did comes
from CRM exports (File > Import actuals…) or from the grid."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from ui.actuals_review import ActualsReview
from ui.document import PlanDocument
from ui.language import _
from ui.weekly_grid import WeeklyGrid


class WeekByWeek(QTabWidget):
    def __init__(self, document: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setAccessibleName(_("Week by week"))
        self.review = ActualsReview(document)
        self.grid = WeeklyGrid(document)
        self.addTab(self.review, _("Review"))
        self.addTab(self.grid, _("Figures by hand"))
