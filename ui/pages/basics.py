"""Step 1: plan basics."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QPushButton, QWidget

from prospector.playbook.translations import language_choices
from ui.binding import ChoiceBinding, DateBinding, LineBinding, TextBinding
from ui.language import _
from ui.widgets.step_page import StepPage, form_group


class BasicsPage(StepPage):
    key = "basics"

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent, scroll=True)
        d = document
        b = ("basics",)
        self.name = LineBinding(d, ("name",), _("Plan name"),
                                _("e.g. Europe new business, H1 2027"))
        self.company = LineBinding(d, b + ("company",), _("Company"), _("Who is selling"))
        self.offering = LineBinding(d, b + ("offering",), _("Offering"),
                                    _("What you sell, in one line"))
        self.owner = LineBinding(d, b + ("owner",), _("Owner"),
                                 _("The sales leader who owns the plan"))
        self.goal = TextBinding(d, b + ("goal",), _("Goal"),
                                _("The goal in numbers and dates: first meetings, opportunities, "
                                  "by when"))
        self.strategy = TextBinding(d, b + ("strategy",), _("Strategy"),
                                    _("How you will win: the few big choices behind the plan"),
                                    lines=4)
        self.sales_force = LineBinding(d, b + ("sales_force",), _("Sales force"),
                                       _("Who the plan is for, e.g. the 3 account executives in "
                                         "DACH"))
        self.roles = TextBinding(d, b + ("roles",), _("Roles"),
                                 _("Who prospects and opens; who serves existing clients"))
        self.start = DateBinding(d, b + ("start_date",), _("Start date"), near=date.today)
        self.end = DateBinding(d, b + ("end_date",), _("End date"),
                               near=lambda: d.plan.basics.start_date)
        self.page = ChoiceBinding(d, b + ("page_size",), _("Paper size"),
                                  [("A4", "A4"), (_("US Letter"), "Letter")])
        self.language = ChoiceBinding(d, b + ("language",), _("Language of the playbook"),
                                      language_choices())
        self.colour = LineBinding(d, b + ("brand_colour",), _("Brand colour"), "#1F4E79")
        pick = QPushButton(_("Choose…"))
        pick.setAccessibleName(_("Choose the brand colour"))
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

        self.body.addWidget(form_group(_("The plan"), [
            (_("Name"), self.name.widget), (_("Company"), self.company.widget),
            (_("Offering"), self.offering.widget), (_("Owner"), self.owner.widget),
            (_("Start and end"), dates),
        ]))
        self.body.addWidget(form_group(_("Direction"), [
            (_("Goal"), self.goal.widget), (_("Strategy"), self.strategy.widget),
            (_("Sales force"), self.sales_force.widget), (_("Roles"), self.roles.widget),
        ]))
        self.body.addWidget(form_group(_("Playbook"), [
            (_("Paper size"), self.page.widget), (_("Language"), self.language.widget),
            (_("Brand colour"), colour_row),
        ]))
        self.body.addStretch(1)

    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.document.plan.basics.brand_colour), self,
                                       _("Brand colour of the playbook"))
        if colour.isValid():
            self.colour.commit(colour.name().upper())
            self.colour.refresh()

    def focus_item(self, section, item_id) -> None:
        self.goal.widget.setFocus()
