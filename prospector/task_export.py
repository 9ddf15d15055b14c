"""A rep's schedule as a task list (CSV) to import into a CRM or open in Excel.

One row per touch: account, due date (YYYY-MM-DD), channel, subject, notes, then the task type
(Call, Email or To-do, the values Salesforce and HubSpot task imports know), the rep and their
email, the tier and the step. Written as UTF-8 with a BOM so that Excel shows accents right,
CRLF line ends, comma-separated by default (semicolon for Excel in locales that use a decimal
comma).

Every cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) gets a leading apostrophe: plan text is typed by people and imported
from CRMs, and must never become a formula in the rep's spreadsheet.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from .account_import.csv_source import normalise_delimiter
from .atomic import atomic_write_bytes
from .errors import ProspectorError
from .messages import Note, system_reason
from .model import Channel
from .schedule import Schedule, ScheduledTouch

TASK_COLUMNS: tuple[str, ...] = ("Account", "Due date", "Channel", "Subject", "Notes", "Task type",
                                 "Assigned to", "Assigned to email", "Tier", "Step")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TASK_TYPES = {Channel.PHONE: "Call", Channel.EMAIL: "Email"}


def neutralise(cell: str) -> str:
    """``=HYPERLINK(...)`` -> ``'=HYPERLINK(...)``; anything else unchanged."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def task_subject(touch: ScheduledTouch) -> str:
    text = f"{touch.channel.label}: {touch.touch_title}"
    return text + " (ask for a meeting)" if touch.is_ask else text


def task_notes(touch: ScheduledTouch) -> str:
    parts = []
    if touch.objective:
        parts.append(f"Objective: {touch.objective}")
    if touch.touch_value:
        parts.append(f"Value for the client: {touch.touch_value}")
    if touch.talk_track:
        parts.append(f"Talk track:\n{touch.talk_track}")
    parts.append(f"Step {touch.step_number} of {touch.step_count} of "
                 f"{touch.cadence_name or 'the cadence'} (day {touch.day_offset}).")
    return "\n\n".join(parts)


def task_rows(schedule: Schedule) -> list[dict[str, str]]:
    """The rows as plain text, before neutralising (for a preview table)."""
    return [{
        "Account": t.account_name,
        "Due date": t.date.isoformat(),
        "Channel": t.channel.label,
        "Subject": task_subject(t),
        "Notes": task_notes(t),
        "Task type": _TASK_TYPES.get(t.channel, "To-do"),
        "Assigned to": schedule.rep_name,
        "Assigned to email": schedule.rep_email,
        "Tier": t.tier,
        "Step": f"{t.step_number}/{t.step_count}",
    } for t in schedule.touches]


def tasks_csv_text(schedule: Schedule, delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=normalise_delimiter(delimiter), lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow(TASK_COLUMNS)
    for row in task_rows(schedule):
        writer.writerow([neutralise(row[c]) for c in TASK_COLUMNS])
    return buffer.getvalue()


def tasks_csv_bytes(schedule: Schedule, delimiter: str = ",") -> bytes:
    return tasks_csv_text(schedule, delimiter).encode("utf-8-sig")


def write_tasks_csv(schedule: Schedule, path: str | os.PathLike, delimiter: str = ",") -> Path:
    path = Path(path)
    try:
        atomic_write_bytes(path, tasks_csv_bytes(schedule, delimiter))
    except OSError as exc:
        raise ProspectorError(Note("{file}: cannot be written ({why})", file=str(path),
                                   why=system_reason(exc))) from None
    return path
