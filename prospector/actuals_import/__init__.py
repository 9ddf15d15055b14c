"""Import actuals from CRM exports: Salesforce activity and opportunity reports, HubSpot activity
and deal exports (see docs/actuals-import.md).

Two steps, plain data in and out (no Qt), so the app can show the dry run and apply it as one
undoable edit, and the command line can print it::

    found = read_actuals(plan, "activities.csv")          # the dry run: nothing imported
    found.summary_lines(), found.to_settle()              # what it found, what to choose
    found = read_actuals(plan, "activities.csv", date_format="dmy",
                         rep_map={"M. Sorensen": "Mette Sørensen"})
    new_plan = found.apply(plan)                          # refused until ``found.ready``

Figures entered by hand (a rep, an ISO week, a target): ``enter_figure(plan, "Mette Sørensen",
"2027-W05", "New contacts mapped", 4)``.
"""

from .by_hand import enter_figure
from .dates import DateFormat
from .exports import Export
from .importer import MAX_ROWS, read_actuals
from .result import ActualsImport, NotReady, RowNote, Unmatched

__all__ = ["MAX_ROWS", "ActualsImport", "DateFormat", "Export", "NotReady", "RowNote",
           "Unmatched", "enter_figure", "read_actuals"]
