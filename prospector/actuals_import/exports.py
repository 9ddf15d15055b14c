"""Which CRM export a file is, told from its header, and which column holds what.

Four exports are known: Salesforce activity and opportunity reports, and HubSpot activity (or
meeting) and deal exports. Headers are compared as the account import compares them (case,
accents, spaces and punctuation ignored: ``account_import.mapping.header_key``). The caller may
override any column (``mapping``: ``{field: column index or header name}``), as on the account
import's mapping screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..account_import.csv_source import CsvFileError, column_letter
from ..account_import.mapping import header_key
from ..actuals.records import Source
from ..messages import M_, Note, Number, Quoted, joined
from ..textnorm import fold


class Export(StrEnum):
    SALESFORCE_ACTIVITIES = "salesforce_activities"
    SALESFORCE_OPPORTUNITIES = "salesforce_opportunities"
    HUBSPOT_ACTIVITIES = "hubspot_activities"
    HUBSPOT_DEALS = "hubspot_deals"

    @property
    def label(self) -> str:
        return EXPORT_LABELS[self]

    @property
    def source(self) -> Source:
        return Source.SALESFORCE if self.value.startswith("salesforce") else Source.HUBSPOT

    @property
    def opportunities(self) -> bool:
        return self in (Export.SALESFORCE_OPPORTUNITIES, Export.HUBSPOT_DEALS)


EXPORT_LABELS = {
    Export.SALESFORCE_ACTIVITIES: M_("a Salesforce activity report"),
    Export.SALESFORCE_OPPORTUNITIES: M_("a Salesforce opportunity report"),
    Export.HUBSPOT_ACTIVITIES: M_("a HubSpot activity export"),
    Export.HUBSPOT_DEALS: M_("a HubSpot deal export"),
}

# The fields of a row, and the headers each export writes for them, best first.
_ACTIVITY_ID = ("Activity ID", "Task ID", "Event ID", "Record ID", "Id")
_ACCOUNT = ("Account Name", "Account", "Company / Account", "Company", "Related To",
            "Associated Company", "Associated Company (Primary)", "Company name")
ALIASES: dict[Export, dict[str, tuple[str, ...]]] = {
    Export.SALESFORCE_ACTIVITIES: {
        "rep": ("Assigned", "Assigned To", "Assigned: Full Name", "Assigned Alias",
                "Activity Owner"),
        "rep_email": ("Assigned: Email", "Assigned Email", "Assigned To Email"),
        "date": ("Date", "Activity Date", "Due Date", "Start", "Start Date Time",
                 "Completed Date/Time", "Created Date"),
        "type": ("Type", "Activity Type", "Event Type"),
        "subtype": ("Subtype", "Task Subtype", "Event Subtype", "Task/Event Subtype"),
        "subject": ("Subject",),
        "account": _ACCOUNT,
        "row_id": _ACTIVITY_ID,
    },
    Export.SALESFORCE_OPPORTUNITIES: {
        "rep": ("Opportunity Owner", "Owner", "Opportunity Owner: Full Name"),
        "rep_email": ("Opportunity Owner: Email", "Owner Email"),
        "date": ("Created Date", "Created"),
        "stage": ("Stage", "Opportunity Stage"),
        "amount": ("Amount", "Amount (converted)", "Total Amount"),
        "subject": ("Opportunity Name", "Name"),
        "account": _ACCOUNT,
        "row_id": ("Opportunity ID", "Opportunity Id", "Id"),
    },
    Export.HUBSPOT_ACTIVITIES: {
        "rep": ("Activity assigned to", "Assigned to", "Activity owner", "Owner",
                "HubSpot Owner"),
        "rep_email": ("Activity assigned to email", "Owner email"),
        "date": ("Activity date", "Meeting start time", "Start time", "Create date", "Date"),
        "type": ("Activity type", "Type", "Engagement type"),
        "subtype": ("Call outcome", "Meeting outcome", "Outcome"),
        "subject": ("Subject", "Activity subject", "Title", "Meeting name", "Call title",
                    "Email subject", "Task title", "Body preview"),
        "account": ("Associated Company", "Associated Company (Primary)", "Associated companies",
                    "Company name", "Company"),
        "row_id": ("Activity ID", "Record ID", "Engagement ID", "Meeting ID", "Call ID"),
    },
    Export.HUBSPOT_DEALS: {
        "rep": ("Deal owner", "Owner", "HubSpot Owner"),
        "rep_email": ("Deal owner email", "Owner email"),
        "date": ("Create date", "Create Date", "Created date", "Deal create date"),
        "stage": ("Deal stage", "Stage", "Pipeline stage"),
        "amount": ("Amount", "Deal amount", "Amount in company currency"),
        "subject": ("Deal name", "Name"),
        "account": ("Associated Company", "Associated Company (Primary)", "Associated companies",
                    "Company name", "Company"),
        "row_id": ("Record ID", "Deal ID", "Id"),
    },
}
REQUIRED = ("rep", "date")
_REQUIRED_WORDS = {"rep": M_("rep"), "date": M_("date")}  # as a missing column is named
# What the mapping screen shows for each column actuals are read from.
FIELD_LABELS: dict[str, str] = {
    "rep": "Rep (name)", "rep_email": "Rep's e-mail", "date": "Date", "type": "Activity type",
    "subtype": "Subtype", "subject": "Subject", "account": "Account", "stage": "Stage",
    "amount": "Amount", "row_id": "Row id (the CRM's id of the row)",
}
FIELDS: tuple[str, ...] = tuple(FIELD_LABELS)

# Headers only one export writes: they tell which export a file is (any one of them is enough).
_SIGNS: tuple[tuple[Export, tuple[str, ...]], ...] = (
    (Export.HUBSPOT_DEALS, ("Deal owner", "Deal stage", "Deal name", "Deal ID")),
    (Export.SALESFORCE_OPPORTUNITIES, ("Opportunity Owner", "Opportunity Name", "Opportunity ID",
                                       "Opportunity Owner: Full Name")),
    (Export.HUBSPOT_ACTIVITIES, ("Activity date", "Activity assigned to", "Activity type",
                                 "Associated Company", "Engagement type")),
    (Export.SALESFORCE_ACTIVITIES, ("Assigned", "Assigned To", "Task Subtype", "Subtype",
                                    "Company / Account", "Activity Owner")),
)


@dataclass(frozen=True)
class Columns:
    export: Export
    mapping: dict[str, int]  # field -> column index

    def described(self, headers: Sequence[str]) -> str:
        return ", ".join(f"{name.replace('_', ' ')} <- {headers[i]!r}"
                         for name, i in self.mapping.items())


def detect_export(headers: Sequence[str], source: str) -> Export:
    keys = {header_key(h) for h in headers}
    for export, signs in _SIGNS:
        if any(header_key(sign) in keys for sign in signs):
            return export
    shown = joined([Quoted(h) for h in headers[:8]], ", ")
    if len(headers) > 8:
        shown = Note("{listed}...", listed=shown)
    raise CsvFileError(source, Note("is not an export Prospector knows (its columns are "
                                    "{shown})", shown=shown),
                       Note("export a Salesforce activity or opportunity report (Assigned, Date, "
                            "Type, Subject, Account / Opportunity Owner, Account Name, Created "
                            "Date, Stage, Amount) or a HubSpot activity or deal export (Activity "
                            "date, Activity type, Assigned to, Associated Company / Deal owner, "
                            "Create date, Deal stage, Amount)"))


def find_columns(headers: Sequence[str], source: str, export: Export | str | None = None,
                 mapping: Mapping[str, int | str | None] | None = None) -> Columns:
    """The export (detected unless given) and its columns: suggested from the header, with the
    caller's ``mapping`` on top."""
    chosen = Export(export) if export else detect_export(headers, source)
    keys = [header_key(h) for h in headers]
    found: dict[str, int] = {}
    for name, aliases in ALIASES[chosen].items():
        for alias in aliases:
            index = next((i for i, k in enumerate(keys) if k == header_key(alias)
                          and i not in found.values()), None)
            if index is not None:
                found[name] = index
                break
    for name, column in (mapping or {}).items():
        if name not in FIELDS:
            raise CsvFileError(source, Note("{name} is not a column actuals are read from",
                                            name=Quoted(name)),
                               Note("use one of {fields}", fields=", ".join(FIELDS)))
        if column is None or column == "":
            found.pop(name, None)
        else:
            found[name] = _column(column, headers, name, source)
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        wanted = " or ".join(repr(a) for a in ALIASES[chosen][missing[0]][:3])
        raise CsvFileError(source, Note("is {export} without a {field} column (such as {wanted})",
                                        export=Note(chosen.label),
                                        field=Note(_REQUIRED_WORDS[missing[0]]), wanted=wanted),
                           Note("export it again with that column, or say which column holds it"))
    return Columns(chosen, found)


def _column(column: int | str, headers: Sequence[str], name: str, source: str) -> int:
    if isinstance(column, int) and not isinstance(column, bool):
        if 0 <= column < len(headers):
            return column
        raise CsvFileError(source, Note("the {field} column is number {number}, but the file "
                                        "has {n} columns", field=name, number=column + 1,
                                        n=Number(len(headers))))
    wanted = str(column).strip()
    for i, header in enumerate(headers):
        if header == wanted or fold(header) == fold(wanted) or column_letter(i) == wanted.upper():
            return i
    raise CsvFileError(source, Note("has no column {wanted} (for {field})", wanted=Quoted(wanted),
                                    field=name))
