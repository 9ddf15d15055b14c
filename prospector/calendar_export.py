"""A rep's schedule as an iCalendar file (.ics, RFC 5545) for Outlook, Google and Apple Calendar.

One **all-day** event per touch (``DTSTART;VALUE=DATE`` with the exclusive ``DTEND`` the next day).
All-day rather than timed at 09:00 because the schedule says on which day, not at what hour:
an all-day entry sits at the top of the day as a to-do without claiming a meeting slot
(``TRANSP:TRANSPARENT``: the rep shows as free), and it needs no time zone, so it lands on the same
date for a rep who travels or whose calendar is set to another zone; a timed event would need a
``VTIMEZONE`` or UTC, and floating times are read differently by the three clients.

Each event's UID is a UUID derived from plan id + rep id + account id + step index, so importing
the file again updates the events instead of adding copies. ``SEQUENCE`` increases with every
export (minutes since 2020, or the caller's number, e.g. the stored plan's version), which is what
Outlook and Apple Calendar look at to accept the update; ``DTSTAMP`` is the export time in UTC.
The ``icalendar`` library writes CRLF line ends, folds lines at 75 octets and escapes text.
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event, vText

from . import __version__
from .atomic import atomic_write_bytes
from .errors import ProspectorError
from .messages import Note, system_reason
from .schedule import Schedule, ScheduledTouch

PRODID = f"-//Prospector//Prospector {__version__}//EN"
# Fixed namespace of our UIDs: changing it would duplicate every event reps already imported.
UID_NAMESPACE = uuid.UUID("6f0c8e52-3d1b-4c59-9a7e-2b4f1d8c5e30")
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def touch_uid(plan_id: str, rep_id: str, account_id: str, step_index: int) -> str:
    """The same touch always gets the same UID, whatever its date or text."""
    name = "\x1f".join((plan_id, rep_id, account_id, str(step_index)))
    return f"{uuid.uuid5(UID_NAMESPACE, name)}"


def schedule_to_ics(schedule: Schedule, *, now: datetime | None = None,
                    sequence: int | None = None) -> bytes:
    """The calendar file's bytes. ``now`` (UTC) and ``sequence`` are for tests and callers that
    number their exports; by default both come from the clock."""
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    if sequence is None:
        sequence = int((now - _SEQUENCE_EPOCH).total_seconds() // 60)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # As text (vText): given a plain str, icalendar writes an X- property unescaped.
    calendar.add("x-wr-calname",
                 vText(_one_line(f"Prospecting: {schedule.rep_name} ({schedule.plan_name})")))
    for touch in schedule.touches:
        calendar.add_component(_event(schedule, touch, now, sequence))
    return calendar.to_ical()


def write_ics(schedule: Schedule, path: str | os.PathLike, **options) -> Path:
    """Write the calendar file atomically (the old file or the complete new one)."""
    path = Path(path)
    try:
        atomic_write_bytes(path, schedule_to_ics(schedule, **options))
    except OSError as exc:
        raise ProspectorError(Note("{file}: cannot be written ({why})", file=str(path),
                                   why=system_reason(exc))) from None
    return path


def event_summary(touch: ScheduledTouch) -> str:
    text = f"{touch.account_name}: {touch.channel.label} – {touch.touch_title}"
    return text + (" (ask for a meeting)" if touch.is_ask else "")


def event_description(schedule: Schedule, touch: ScheduledTouch) -> str:
    lines = [
        f"Account: {touch.account_name} (tier {touch.tier})",
        f"Channel: {touch.channel.label}",
        (f"Step {touch.step_number} of {touch.step_count}, day {touch.day_offset} of "
         f"{touch.cadence_name or 'the cadence'}"),
        f"Touch: {touch.touch_title}",
    ]
    if touch.objective:
        lines.append(f"Objective: {touch.objective}")
    if touch.is_ask:
        lines.append("This step asks for a meeting.")
    if touch.touch_value:
        lines += ["", f"Value for the client: {touch.touch_value}"]
    if touch.talk_track:
        lines += ["", "Talk track:", touch.talk_track]
    lines += ["", f"From the prospecting plan “{schedule.plan_name}” for {schedule.rep_name}."]
    return "\n".join(lines)


def _clean_text(text: str) -> str:
    """RFC 5545 text allows no control characters but tab (line breaks are escaped as \\n)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _one_line(text: str) -> str:
    """Text for a one-line property (the calendar's name, an event's summary): every line break
    and run of spaces becomes one space. icalendar escapes a line feed in text but writes a lone
    carriage return as it is, and not at all in ``X-WR-CALNAME`` (a line feed there failed with an
    assertion): a rep named "Ana\\rSUMMARY:..." gave vobject an extra, forged property."""
    return " ".join(_clean_text(text).split())


def _event(schedule: Schedule, touch: ScheduledTouch, now: datetime, sequence: int) -> Event:
    event = Event()
    event.add("uid", touch_uid(schedule.plan_id, schedule.rep_id, touch.account_id,
                               touch.step_index))
    event.add("dtstamp", now)
    event.add("sequence", sequence)
    event.add("dtstart", touch.date)
    event.add("dtend", touch.date + timedelta(days=1))
    event.add("summary", _one_line(event_summary(touch)))
    event.add("description", _clean_text(event_description(schedule, touch)))
    event.add("categories", ["Prospecting"])
    event.add("transp", "TRANSPARENT")
    return event
