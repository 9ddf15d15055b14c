"""Step 1: plan basics."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QPushButton, QWidget

from prospector.playbook.translations import language_choices
from ui.binding import ChoiceBinding, DateBinding, LineBinding, TextBinding
from ui.widgets.step_page import StepPage, form_group


class BasicsPage(StepPage):
    key = "basics"

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent, scroll=True)
        d = document
        b = ("basics",)
        self.name = LineBinding(d, ("name",), "Plan name", "e.g. Europe new business, H1 2027")
        self.company = LineBinding(d, b + ("company",), "Company", "Who is selling")
        self.offering = LineBinding(d, b + ("offering",), "Offering", "What you sell, in one line")
        self.owner = LineBinding(d, b + ("owner",), "Owner", "The sales leader who owns the plan")
        self.goal = TextBinding(d, b + ("goal",), "Goal",
                                "The goal in numbers and dates: first meetings, opportunities, "
                                "by when")
        self.strategy = TextBinding(d, b + ("strategy",), "Strategy",
                                    "How you will win: the few big choices behind the plan",
                                    lines=4)
        self.sales_force = LineBinding(d, b + ("sales_force",), "Sales force",
                                       "Who the plan is for, e.g. the 3 account executives in DACH")
        self.roles = TextBinding(d, b + ("roles",), "Roles",
                                 "Who prospects and opens; who serves existing clients")
        self.start = DateBinding(d, b + ("start_date",), "Start date", near=date.today)
        self.end = DateBinding(d, b + ("end_date",), "End date",
                               near=lambda: d.plan.basics.start_date)
        self.page = ChoiceBinding(d, b + ("page_size",), "Paper size",
                                  [("A4", "A4"), ("US Letter", "Letter")])
        self.language = ChoiceBinding(d, b + ("language",), "Language of the playbook",
                                      language_choices())
        self.colour = LineBinding(d, b + ("brand_colour",), "Brand colour", "#1F4E79")
        pick = QPushButton("Choose…")
        pick.setAccessibleName("Choose the brand colour")
        pick.clicked.connect(self._choose_colour)
        colour_row = QWidget()
        row = QHBoxLayout(colour_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.colour.widget, 1)
        row.addWidget(pick)

        dates = QWidget()
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        dates_row.addWidget(self.start.widget)
        dates_row.addWidget(self.end.widget)
        dates_row.addStretch(1)

        self.body.addWidget(form_group("The plan", [
            ("Name", self.name.widget), ("Company", self.company.widget),
            ("Offering", self.offering.widget), ("Owner", self.owner.widget),
            ("Start and end", dates),
        ]))
        self.body.addWidget(form_group("Direction", [
            ("Goal", self.goal.widget), ("Strategy", self.strategy.widget),
            ("Sales force", self.sales_force.widget), ("Roles", self.roles.widget),
        ]))
        self.body.addWidget(form_group("Playbook", [
            ("Paper size", self.page.widget), ("Language", self.language.widget),
            ("Brand colour", colour_row),
        ]))
        self.body.addStretch(1)

    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.document.plan.basics.brand_colour), self,
                                       "Brand colour of the playbook")
        if colour.isValid():
            self.colour.commit(colour.name().upper())
            self.colour.refresh()

    def focus_item(self, section, item_id) -> None:
        self.goal.widget.setFocus()
