"""The .ics export, read back with a small RFC 5545 reader of our own (not the library that wrote
it): CRLF, folding at 75 octets, escaping, all-day dates, stable UIDs, SEQUENCE, DTSTAMP."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from prospector.calendar_export import PRODID, schedule_to_ics, touch_uid, write_ics
from prospector.cli import main
from prospector.errors import ProspectorError
from prospector.model import Channel
from prospector.planfile import write_plan_file
from prospector.schedule import Schedule, ScheduledTouch, build_schedule

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


# --- a tiny independent reader -------------------------------------------------------------------
def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r"), "bare CR or LF"
    return data[:-2].split(b"\r\n")


def unfold(lines: list[bytes]) -> list[str]:
    logical: list[bytes] = []
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [line.decode("utf-8") for line in logical]


def parse_line(line: str) -> tuple[str, dict[str, str], str]:
    head, value = re.match(r'^((?:[^:"]|"[^"]*")*):(.*)$', line).groups()
    name, *params = head.split(";")
    return name.upper(), dict(p.split("=", 1) for p in params), value


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def read_calendar(data: bytes) -> tuple[dict[str, str], list[dict[str, tuple[dict, str]]]]:
    lines = physical_lines(data)
    for line in lines:
        assert len(line) <= 75, f"line of {len(line)} octets: {line[:40]!r}"
        line.decode("utf-8")  # folding never splits a character
    calendar: dict[str, str] = {}
    events: list[dict[str, tuple[dict, str]]] = []
    stack: list[str] = []
    for line in unfold(lines):
        name, params, value = parse_line(line)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
        elif name == "END":
            assert stack.pop() == value
        elif stack == ["VCALENDAR"]:
            calendar[name] = value
        elif stack == ["VCALENDAR", "VEVENT"]:
            assert name not in events[-1], f"{name} twice in one event"
            events[-1][name] = (params, value)
    assert stack == []
    return calendar, events


# --- schedules ------------------------------------------------------------------------------------
@pytest.fixture
def schedule(sample_plan) -> Schedule:
    return build_schedule(sample_plan, sample_plan.reps[0], date(2027, 1, 11))


def test_calendar_is_rfc5545_all_day_events(schedule):
    data = schedule_to_ics(schedule, now=NOW)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    calendar, events = read_calendar(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"] == PRODID
    assert calendar["METHOD"] == "PUBLISH"
    assert len(events) == len(schedule.touches) == 86
    for event, touch in zip(events, schedule.touches, strict=True):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"):
            assert required in event
        params, start = event["DTSTART"]
        assert params == {"VALUE": "DATE"} and start == f"{touch.date:%Y%m%d}"
        params, end = event["DTEND"]
        assert params == {"VALUE": "DATE"}
        assert end == f"{touch.date + timedelta(days=1):%Y%m%d}"
        assert event["DTSTAMP"][1] == "20261123T093000Z"
        assert event["TRANSP"][1] == "TRANSPARENT"
        summary = unescape(event["SUMMARY"][1])
        assert touch.account_name in summary and touch.channel.label in summary
        description = unescape(event["DESCRIPTION"][1])
        assert f"Account: {touch.account_name} (tier {touch.tier})" in description
        assert f"Channel: {touch.channel.label}" in description
        assert f"Objective: {touch.objective}" in description
        assert touch.talk_track and touch.talk_track in description
    ask = next(e for e, t in zip(events, schedule.touches, strict=True) if t.is_ask)
    assert unescape(ask["SUMMARY"][1]).endswith("(ask for a meeting)")


def test_uids_are_stable_and_unique_and_sequence_grows(schedule, sample_plan):
    _, first = read_calendar(schedule_to_ics(schedule, now=NOW))
    _, later = read_calendar(schedule_to_ics(schedule, now=NOW + timedelta(days=3)))
    uids = [e["UID"][1] for e in first]
    assert len(set(uids)) == len(uids)
    assert uids == [e["UID"][1] for e in later], "re-importing must update, not duplicate"
    assert int(later[0]["SEQUENCE"][1]) > int(first[0]["SEQUENCE"][1])
    touch = schedule.touches[0]
    assert uids[0] == touch_uid("plan-sample01", "rep-01", touch.account_id, touch.step_index)
    # a new start date moves the events, and they keep their UIDs
    moved = build_schedule(sample_plan, sample_plan.reps[0], date(2027, 2, 1))
    _, events = read_calendar(schedule_to_ics(moved, now=NOW))
    assert {e["UID"][1] for e in events} == set(uids)
    other_rep = build_schedule(sample_plan, sample_plan.reps[1], date(2027, 1, 11))
    _, events = read_calendar(schedule_to_ics(other_rep, now=NOW))
    assert not {e["UID"][1] for e in events} & set(uids)
    assert schedule_to_ics(schedule, now=NOW, sequence=7).count(b"SEQUENCE:7\r\n") == 86


def test_write_ics(schedule, tmp_path):
    out = write_ics(schedule, tmp_path / "jonas.ics", now=NOW)
    assert out.read_bytes() == schedule_to_ics(schedule, now=NOW)
    assert [p.name for p in out.parent.iterdir()] == ["jonas.ics"]


def test_a_calendar_for_a_folder_that_does_not_exist_is_refused_not_made_up(schedule, tmp_path):
    with pytest.raises(ProspectorError, match=r"the folder .*mistyped does not exist"):
        write_ics(schedule, tmp_path / "mistyped" / "jonas.ics", now=NOW)
    assert list(tmp_path.iterdir()) == []


def one_touch_schedule(account: str, objective: str, talk_track: str) -> Schedule:
    touch = ScheduledTouch(
        date=date(2027, 3, 1), account_id="acc-1", account_name=account, tier="A", step_index=0,
        day_offset=0, channel=Channel.PHONE, touch_id=None, touch_title="Call",
        objective=objective, talk_track=talk_track, is_ask=False, cadence_id="cad-1",
        cadence_name="Cadence", step_count=1)
    return Schedule(plan_id="plan-1", plan_name="P", rep_id="rep-1", rep_name="Rep",
                    rep_email="", start=date(2027, 3, 1), capacity=5, country="",
                    touches=(touch,))


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    list(",;:\\\"\n\t'") + ["ü", "€", "日", "👍"]), min_size=1, max_size=300)


@settings(max_examples=80, deadline=None)
@given(account=printable.filter(lambda s: s.strip()), objective=printable, talk_track=printable)
def test_any_text_survives_escaping_and_folding(account, objective, talk_track):
    data = schedule_to_ics(one_touch_schedule(account, objective, talk_track), now=NOW)
    _, [event] = read_calendar(data)
    description = unescape(event["DESCRIPTION"][1])
    assert f"Objective: {objective}" in description
    assert f"Talk track:\n{talk_track}" in description
    assert unescape(event["SUMMARY"][1]).startswith(" ".join(account.split()))


def test_control_characters_and_carriage_returns_are_cleaned():
    data = schedule_to_ics(one_touch_schedule("Acme\x07", "a\r\nb\rc", "x\x00y"), now=NOW)
    _, [event] = read_calendar(data)
    assert "\x07" not in event["SUMMARY"][1]
    description = unescape(event["DESCRIPTION"][1])
    assert "Objective: a\nb\nc" in description and "Talk track:\nxy" in description


# --- hostile text: two independent readers read the same events (issue 13, item 10) ---------
HOSTILE_TEXTS = [
    "Ana\rSUMMARY:INJECTED-BY-REP-NAME",
    "Ana\nSUMMARY:INJECTED",
    "Ana\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:INJECTED\r\nEND:VEVENT\r\nBEGIN:VEVENT",
    "Ana\r\n SUMMARY:INJECTED",
    "Ana\u2028SUMMARY:INJECTED\u2029\x85\x0b\x0c\x1c",
    'Ana; "B", C\\D:E',
]
SCHEDULE_TEXTS = ("rep_name", "plan_name", "rep_email")
TOUCH_TEXTS = ("account_name", "touch_title", "objective", "touch_value", "talk_track",
               "cadence_name")


def two_readers(data: bytes) -> tuple[list, list]:
    """The calendar as python-icalendar and vobject read it: its properties and its events."""
    ical = icalendar.Calendar.from_ical(data)
    vcal = vobject.readOne(data.decode("utf-8"))
    read_by_icalendar = [
        sorted(name.upper() for name in ical),
        # icalendar does not know X-WR-CALNAME is text (RFC 7986 NAME): it leaves it escaped
        unescape(str(ical["X-WR-CALNAME"])),
        [(str(e["UID"]), str(e["SUMMARY"]), str(e["DESCRIPTION"])) for e in ical.walk("VEVENT")],
    ]
    read_by_vobject = [
        sorted(c.name.upper() for c in vcal.getChildren() if c.name.upper() != "VEVENT"),
        vcal.contents["x-wr-calname"][0].value,
        [(e.uid.value, e.summary.value, e.description.value) for e in vcal.vevent_list],
    ]
    return read_by_icalendar, read_by_vobject


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
@pytest.mark.parametrize("field", SCHEDULE_TEXTS + TOUCH_TEXTS)
def test_line_breaks_in_any_text_forge_no_calendar_entry(field, text):
    schedule = one_touch_schedule("Acme", "Open", "Hello")
    if field in SCHEDULE_TEXTS:
        schedule = replace(schedule, **{field: text})
    else:
        schedule = replace(schedule, touches=(schedule.touches[0]._replace(**{field: text}),))
    data = schedule_to_ics(schedule, now=NOW)
    physical_lines(data)  # every line ends in CRLF: no lone CR or LF anywhere
    by_icalendar, by_vobject = two_readers(data)
    assert by_icalendar == by_vobject
    properties, calendar_name, events = by_icalendar
    assert properties == ["CALSCALE", "METHOD", "PRODID", "VERSION", "X-WR-CALNAME"]
    assert len(events) == 1 and "\n" not in events[0][1] and "\r" not in calendar_name
    assert "INJECTED" not in events[0][1] or field in ("account_name", "touch_title")


def test_a_rep_named_with_a_line_break_exports_a_calendar_from_the_command_line(tmp_path,
                                                                                sample_doc):
    doc = json.loads(json.dumps(sample_doc))
    doc["reps"][0]["name"] = "Ana\rSUMMARY:INJECTED-BY-REP-NAME"
    doc["name"] = "EMEA\nSUMMARY:INJECTED-BY-PLAN-NAME"
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(doc), "utf-8")
    out = tmp_path / "ana.ics"
    assert main(["schedule", str(plan_file), "--rep", doc["reps"][0]["id"], "--ics", str(out),
                 "--start", "2027-01-11"]) == 0
    by_icalendar, by_vobject = two_readers(out.read_bytes())
    assert by_icalendar == by_vobject
    assert by_icalendar[1] == ("Prospecting: Ana SUMMARY:INJECTED-BY-REP-NAME "
                               "(EMEA SUMMARY:INJECTED-BY-PLAN-NAME)")
    assert not any("INJECTED" in summary for _, summary, _ in by_icalendar[2])


def test_a_rep_named_with_a_carriage_return_prints_the_schedule_one_line_each(tmp_path, capsys,
                                                                               sample_plan):
    reps = [sample_plan.reps[0].model_copy(update={"name": "Jonas\rOVERWRITTEN"}),
            *sample_plan.reps[1:]]
    plan_file = write_plan_file(sample_plan.model_copy(update={"reps": reps}),
                                tmp_path / "plan.json")
    assert main(["schedule", str(plan_file), "--rep", "Jonas\rOVERWRITTEN"]) == 0
    out = capsys.readouterr().out
    assert "\r" not in out and out.splitlines()[0].startswith("Jonas OVERWRITTEN: ")
