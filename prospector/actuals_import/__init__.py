"""Import actuals from CRM exports: Salesforce activity and opportunity reports, HubSpot activity
and deal exports (see docs/actuals-import.md).

Two steps, plain data in and out (no Qt), so the app can show the dry run and apply it as one
undoable edit, and the command line can print it::

    preview = preview_actuals("activities.csv")          # the mapping screen: which export,
                                                         # first rows, columns found
    found = read_actuals(plan, "activities.csv")          # the dry run: nothing imported
    found.summary_lines(), found.to_settle()              # what it found, what to choose
    found = read_actuals(plan, "activities.csv", date_format="dmy",
                         rep_map={"M. Sorensen": "Mette Sørensen"})
    new_plan = found.apply(plan)                          # refused until ``found.ready``

Figures entered by hand (a rep, an ISO week, a target): ``enter_figure(plan, "Mette Sørensen",
"2027-W05", "New contacts mapped", 4)``.
"""

from .by_hand import enter_figure, refuse_part_of_a_count
from .dates import DateFormat
from .exports import FIELD_LABELS, Export
from .importer import MAX_ROWS, ActualsPreview, preview_actuals, read_actuals
from .result import ActualsImport, NotReady, RowNote, Unmatched

__all__ = ["FIELD_LABELS", "MAX_ROWS", "ActualsImport", "ActualsPreview", "DateFormat", "Export",
           "NotReady", "RowNote", "Unmatched", "enter_figure", "preview_actuals", "read_actuals",
           "refuse_part_of_a_count"]
