"""The task list export: UTF-8 with BOM, CRLF, a row per touch, no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prospector.errors import ProspectorError
from prospector.model import Channel
from prospector.schedule import Schedule, ScheduledTouch, build_schedule
from prospector.task_export import (
    TASK_COLUMNS,
    neutralise,
    task_rows,
    tasks_csv_bytes,
    write_tasks_csv,
)

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def read_back(data: bytes, delimiter: str = ",") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))


def schedule_of(*touches: tuple[str, Channel, str, str]) -> Schedule:
    items = tuple(ScheduledTouch(
        date=date(2027, 3, 1 + i), account_id=f"acc-{i}", account_name=account, tier="B",
        step_index=i, day_offset=i, channel=channel, touch_id=None, touch_title=title,
        objective=objective, talk_track="", is_ask=False, cadence_name="Cadence",
        step_count=len(touches)) for i, (account, channel, title, objective) in enumerate(touches))
    return Schedule(plan_id="plan-1", plan_name="P", rep_id="rep-1", rep_name="Jonas Albrecht",
                    rep_email="jonas@seller.example", start=date(2027, 3, 1), capacity=5,
                    country="", touches=items)


def test_one_row_per_touch_in_utf8_with_bom(sample_plan):
    schedule = build_schedule(sample_plan, sample_plan.reps[0], date(2027, 1, 11))
    data = tasks_csv_bytes(schedule)
    # records end in CRLF; line breaks inside a quoted Notes cell are the cell's own
    assert data.endswith(b"\r\n") and data.count(b"\r\n") == 1 + len(schedule.touches)
    rows = read_back(data)
    assert tuple(rows[0]) == TASK_COLUMNS
    assert len(rows) == 1 + len(schedule.touches)
    first, touch = dict(zip(TASK_COLUMNS, rows[1], strict=True)), schedule.touches[0]
    assert first["Account"] == "Brückner & Voss Antriebstechnik GmbH"
    assert first["Due date"] == "2027-01-11" and first["Channel"] == "Mail"
    assert first["Subject"] == f"Mail: {touch.touch_title}"
    assert touch.objective in first["Notes"] and touch.talk_track in first["Notes"]
    assert (first["Assigned to"], first["Tier"], first["Step"]) == ("Jonas Albrecht", "A", "1/13")
    assert "Brückner".encode() in data
    assert [dict(zip(TASK_COLUMNS, r, strict=True)) for r in rows[1:]] == [
        {k: neutralise(v) for k, v in row.items()} for row in task_rows(schedule)]


def test_task_types_follow_the_channel():
    schedule = schedule_of(("A", Channel.PHONE, "t", ""), ("B", Channel.EMAIL, "t", ""),
                           ("C", Channel.SOCIAL, "t", ""))
    assert [r["Task type"] for r in task_rows(schedule)] == ["Call", "Email", "To-do"]


@pytest.mark.parametrize(("cell", "written"), [
    ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
    ("+49 30 1234", "'+49 30 1234"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("Acme = good", "Acme = good"),
    ("", ""),
    ("'quoted", "'quoted"),
])
def test_formula_cells_are_neutralised(cell, written):
    assert neutralise(cell) == written
    schedule = schedule_of((cell or "x", Channel.PHONE, "Call", cell))
    rows = read_back(tasks_csv_bytes(schedule))
    account = rows[1][TASK_COLUMNS.index("Account")]
    assert account == (written or "x")


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=40), st.text(max_size=40))
def test_no_exported_cell_starts_like_a_formula(account, objective):
    data = tasks_csv_bytes(schedule_of((account, Channel.EMAIL, account, objective)))
    for row in read_back(data)[1:]:
        for cell in row:
            assert not cell.startswith(DANGEROUS), repr(cell)
    cell = read_back(data)[1][0]
    assert cell == (f"'{account}" if account.startswith(DANGEROUS) else account)


def test_semicolon_for_excel_in_decimal_comma_locales(tmp_path):
    schedule = schedule_of(("Müller GmbH", Channel.PHONE, "Call", "a; b, c"))
    out = write_tasks_csv(schedule, tmp_path / "tasks.csv", delimiter=";")
    rows = read_back(out.read_bytes(), delimiter=";")
    assert rows[0][:3] == ["Account", "Due date", "Channel"]
    assert rows[1][0] == "Müller GmbH" and "Objective: a; b, c" in rows[1][4]
    with pytest.raises(ProspectorError, match="delimiter 'x'"):
        tasks_csv_bytes(schedule, delimiter="x")
