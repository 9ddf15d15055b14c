"""The .ics export, read back with a small RFC 5545 reader of our own (not the library that wrote
it): CRLF, folding at 75 octets, escaping, all-day dates, stable UIDs, SEQUENCE, DTSTAMP."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prospector.calendar_export import PRODID, schedule_to_ics, touch_uid, write_ics
from prospector.model import Channel
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
    ask = next(e for e, t in zip(events, schedule.touches) if t.is_ask)
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
    out = write_ics(schedule, tmp_path / "sub" / "jonas.ics", now=NOW)
    assert out.read_bytes() == schedule_to_ics(schedule, now=NOW)
    assert [p.name for p in out.parent.iterdir()] == ["jonas.ics"]


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
