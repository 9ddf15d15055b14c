"""Week by week: the plan at work. The second tab of the main window, beside building the plan:
what the reps did against the plan's targets, imported from CRM exports (File > Import
actuals…) or entered by hand in the weekly grid (``ui/weekly_grid.py``)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from ui.document import PlanDocument
from ui.weekly_grid import WeeklyGrid


class WeekByWeek(QTabWidget):
    def __init__(self, document: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setAccessibleName("Week by week")
        self.grid = WeeklyGrid(document)
        self.addTab(self.grid, "Figures by hand")
