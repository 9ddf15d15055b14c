"""Steps that are mostly one list: targets (with the ideal client profile), personas, touches,
differentiators, reps."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTabWidget

from prospector.model import TIERS
from prospector.playbook.translations import language_choices
from prospector.sections import ACCOUNTS, DIFFERENTIATORS, PERSONAS, REPS, TOUCHES
from ui.binding import (
    DateBinding,
    IdChecklistBinding,
    LineBinding,
    TextBinding,
)
from ui.holiday_place import HolidayPlaceBinding
from ui.language import N_, _, new_item, ngettext
from ui.table_model import CHANNEL_CHOICES, Column, ListSource
from ui.widgets.contacts_editor import ContactsEditor
from ui.widgets.item_form import ItemForm
from ui.widgets.list_editor import ListEditor
from ui.widgets.step_page import StepPage, form_group

TIER_CHOICES = tuple((f"{t}", t) for t in TIERS)


def _source(document, section: str, columns: list[Column]) -> ListSource:
    return ListSource(
        section=section,
        items=lambda: getattr(document.plan, section),
        path=lambda row: (section, getattr(document.plan, section)[row].id),
        columns=columns,
    )


def _persona_options(document):
    return lambda: [(p.id, p.role) for p in document.plan.personas]


class ListStepPage(StepPage):
    editor: ListEditor

    def focus_item(self, section, item_id) -> None:
        if item_id:
            self.editor.select_id(item_id)
        self.editor.table.setFocus()

    def focus_field(self, section, item_id, field, row) -> bool:
        """The field in the item's form, else its cell in the table."""
        return super().focus_field(section, item_id, field, row) or \
            self.editor.focus_cell(item_id, field)


class TargetsPage(ListStepPage):
    key = "targets"
    import_csv_requested = Signal()
    paste_rows_requested = Signal(str)  # rows copied from a spreadsheet (tab-separated text)

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        d, icp = document, ("ideal_client_profile",)
        # the profile's lists take the tab's height (they were three lines each, with empty
        # bands between them); the summary opens the chapter in the playbook
        self.summary = TextBinding(d, icp + ("notes",), _("Summary"),
                                   _("The ideal client in two or three sentences: the sweet spot, "
                                     "who to start with; it opens the chapter"), grows=True)
        self.industries = TextBinding(d, icp + ("industries",), _("Industries"),
                                      _("One per line"), as_list=True, grows=True)
        self.size = LineBinding(d, icp + ("company_size",), _("Company size"),
                                _("e.g. 250-2,500 employees"))
        self.geography = TextBinding(d, icp + ("geography",), _("Geography"), _("One per line"),
                                     as_list=True, grows=True)
        self.triggers = TextBinding(d, icp + ("trigger_events",), _("Trigger events"),
                                    _("Events that make a prospect ready to talk, one per line"),
                                    as_list=True, grows=True)
        self.disqualifiers = TextBinding(d, icp + ("disqualifiers",), _("Disqualifiers"),
                                         _("Who you do not pursue, one per line"), as_list=True,
                                         grows=True)
        profile = form_group(_("Ideal client profile"), [
            (_("Summary"), self.summary.widget),
            (_("Industries"), self.industries.widget), (_("Company size"), self.size.widget),
            (_("Geography"), self.geography.widget), (_("Trigger events"), self.triggers.widget),
            (_("Disqualifiers"), self.disqualifiers.widget),
        ])

        columns = [
            Column("name", _("Account"), width=220),
            Column("tier", _("Tier"), kind="choice", choices=TIER_CHOICES, width=50,
                   tooltip=_("A = dream client, B, C")),
            Column("industry", _("Industry"), width=150),
            Column("employees", _("Employees"), kind="int", width=90),
            Column("country", _("Country"), width=100),
            Column("why", _("Why a target"), long=True),
        ]
        detail = ItemForm(d, "accounts", [
            (_("Why a target"), "why", lambda p: TextBinding(d, p,
                                                             _("Why this account is a target"),
                                                          _("The reason, e.g. a trigger event"))),
            (_("Website"), "website", lambda p: LineBinding(d, p, _("Website"), _("company.com"))),
            (_("City"), "city", lambda p: LineBinding(d, p, _("City"))),
            (_("Annual revenue"), "annual_revenue", lambda p: LineBinding(d, p,
                                                                          _("Annual revenue"))),
            (_("Notes"), "notes", lambda p: TextBinding(d, p, _("Notes"))),
            (_("Contacts"), None, lambda p: ContactsEditor(d)),
        ], _("Select an account to see why it is a target and its notes."))
        self.editor = ListEditor(d, _source(d, "accounts", columns), _("account"),
                                 lambda: new_item(ACCOUNTS.new_item), detail, plural=_("accounts"))
        self.editor.add_button(_("Import CSV…"), _("Import accounts from a CRM or spreadsheet "
                                                     "export"),
                               self.import_csv_requested.emit)
        self.editor.add_menu_action(
            _("Paste accounts from a spreadsheet"), QKeySequence.StandardKey.Paste,
            lambda: self.paste_rows_requested.emit(QGuiApplication.clipboard().text()))
        self.editor.add_bulk_action(
            _("Assign to rep"), lambda: [(r.name, r.id) for r in d.plan.reps] + [(_("No rep"),
                                                                                  None)],
            self.assign_to_rep)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, _("Target accounts"))
        self.tabs.addTab(profile, _("Ideal client profile"))
        self.tab_sections = ("accounts", "ideal_client_profile")  # what each tab edits
        self.body.addWidget(self.tabs, 1)

    def assign_to_rep(self, account_ids: list[str], rep_id: str | None) -> None:
        """Give the accounts to one rep (None: to nobody), taking them from any other rep, as
        one undo step."""
        plan, moving = self.document.plan, set(account_ids)
        in_order = [a.id for a in plan.accounts if a.id in moving]
        changes = []
        for rep in plan.reps:
            kept = [a for a in rep.account_ids if a not in moving]
            if rep.id == rep_id:
                kept += in_order
            changes.append((("reps", rep.id, "account_ids"), kept))
        rep = next((r for r in plan.reps if r.id == rep_id), None)
        n = len(in_order)
        self.document.set_values(changes, ngettext("{n} account to {rep}", "{n} accounts to {rep}",
                                                   n).format(

                                     n=n, rep=rep.name if rep else _("no rep")),
                                 shown=("accounts", in_order[0], "name") if in_order else None)

    def focus_item(self, section, item_id) -> None:
        if section == "ideal_client_profile":
            self.tabs.setCurrentIndex(1)
            self.industries.widget.setFocus()
        else:
            self.tabs.setCurrentIndex(0)
            super().focus_item(section, item_id)


class PersonasPage(ListStepPage):
    key = "personas"

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        d = document
        columns = [Column("role", _("Role"), width=220),
                   Column("responsibilities", _("Responsible for"), width=300, long=True),
                   Column("value_means", _("What value means to them"), long=True)]
        detail = ItemForm(d, "personas", [
            (_("Responsible for"), "responsibilities",
             lambda p: TextBinding(d, p, _("Responsibilities"))),
            (_("Cares about"), "cares_about",
             lambda p: TextBinding(d, p, _("Outcomes and problems they care about"),
                                   _("Outcomes and problems, one per line"), as_list=True,
                                   grows=True)),
            (_("Value means"), "value_means", lambda p: TextBinding(d, p, _("What value means"))),
        ], _("Select a persona to edit what they care about."))
        self.editor = ListEditor(d, _source(d, "personas", columns), _("persona"),
                                 lambda: new_item(PERSONAS.new_item), detail, plural=_("personas"))
        self.body.addWidget(self.editor, 1)


class TouchesPage(ListStepPage):
    key = "touches"

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        d = document
        columns = [Column("title", _("Touch"), width=240),
                   Column("channel", _("Channel"), kind="choice", choices=CHANNEL_CHOICES,
                          width=90),
                   Column("value", _("The value it gives"), long=True)]
        detail = ItemForm(d, "touches", [
            (_("Value given"), "value", lambda p: TextBinding(
                d, p, _("The value it gives"), _("The insight or idea the client gets from it"))),
            (_("Personas served"), "persona_ids", lambda p: IdChecklistBinding(
                d, p, _("Personas served"), _persona_options(d))),
            (_("Asset"), "asset", lambda p: LineBinding(d, p, _("Asset"),
                                                        _("e.g. benchmark report"))),
            (_("Message"), "message", lambda p: TextBinding(
                d, p, _("Message template"),
                _("Talk track or message; merge fields: {{first_name}}, {{company}}"), lines=6)),
        ], _("Select a touch to edit its value, personas and message."))
        self.editor = ListEditor(d, _source(d, "touches", columns), _("touch"),
                                 lambda: new_item(TOUCHES.new_item), detail,
                                 plural=_("touches"), follows=("personas",))
        self.body.addWidget(self.editor, 1)


class DifferentiationPage(ListStepPage):
    key = "differentiators"

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        d = document
        columns = [Column("difference", _("The difference"), width=280, long=True),
                   Column("why_it_matters", _("Why it matters to the client"), width=280,
                          long=True),
                   Column("proof", _("Proof"), long=True)]
        detail = ItemForm(d, "differentiators", [
            (_("Why it matters"), "why_it_matters", lambda p: TextBinding(
                d, p, _("Why it matters to the client"))),
            (_("Proof"), "proof", lambda p: TextBinding(d, p, _("Proof"),
                                                        _("A case, data, a reference"))),
            (_("Alternative"), "alternative", lambda p: LineBinding(
                d, p, _("Alternative it beats"), _("A competitor, or the status quo"))),
            (_("Talk track"), "talk_track", lambda p: TextBinding(d, p, _("Talk track"), lines=4)),
        ], _("Select a differentiator to edit its proof and talk track."))
        self.editor = ListEditor(d, _source(d, "differentiators", columns), _("differentiator"),
                                 lambda: new_item(DIFFERENTIATORS.new_item), detail,
                                 plural=_("differentiators"))
        self.body.addWidget(self.editor, 1)


class RepsPage(ListStepPage):
    key = "reps"
    export_schedule_requested = Signal(object)  # rep id or None

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        d = document
        columns = [Column("name", _("Rep"), width=180), Column("email", _("Email"), width=220),
                   Column("territory", _("Territory"), width=160),
                   Column("language", _("Language"), kind="choice", width=110,
                          choices=((N_("Plan's language"), ""), *language_choices())),
                   Column("account_ids", _("Accounts"), kind="readonly",
                          display=lambda ids: ngettext("{n} account", "{n} accounts",
                                                       len(ids)).format(n=len(ids)))]
        detail = ItemForm(d, "reps", [
            (_("Start date"), "start_date", lambda p: DateBinding(d, p, _("Start date"))),
            (_("Works in"), "holiday_country", lambda p: HolidayPlaceBinding(
                d, p, _("Where the rep works"), of_rep=True)),
            (_("Accounts"), "account_ids", lambda p: IdChecklistBinding(
                d, p, _("Assigned accounts"),
                lambda: [(a.id, f"{a.tier} · {a.name}") for a in d.plan.accounts],
                max_height=16777215)),
        ], _("Select a rep to assign accounts."))
        self.editor = ListEditor(d, _source(d, "reps", columns), _("rep"),
                                 lambda: new_item(REPS.new_item), detail, follows=("accounts",),
                                 plural=_("reps"))
        self.editor.add_button(_("Export schedule…"),
                               _("The rep's dated schedule as a calendar file and a CRM task list"),
                               lambda: self.export_schedule_requested.emit(
                                   self.editor.current_id()))
        self.body.addWidget(self.editor, 1)
