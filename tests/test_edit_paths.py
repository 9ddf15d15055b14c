"""Every way the app edits a plan leaves a plan that holds together, or changes nothing.

Random sequences of single-field edits (typed, pasted or picked, valid or not: unknown ids,
duplicate ids, broken e-mails, dates out of order), structural edits (add, duplicate, remove,
move), whole-section replacements as an import or a paste makes them, undo and redo are driven
through the app's document. After each one the plan still validates as a whole; a refused edit
names the field and leaves the plan exactly as it was; undoing everything gives back the start.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prospector import editing
from prospector.model import Plan
from prospector.planfile import plan_to_document
from ui.document import PlanDocument
from ui.field_names import field_word

SECTIONS_WITH_IDS = ("accounts", "personas", "touches", "differentiators", "cadences", "reps")


def _field_edits(plan: Plan) -> list[tuple[tuple, list]]:
    """(path, candidate values) for fields the app's widgets, a paste or an import can set."""
    accounts = [a.id for a in plan.accounts]
    personas = [p.id for p in plan.personas]
    touches = [t.id for t in plan.touches]
    edits: list[tuple[tuple, list]] = [
        (("name",), ["Renamed plan", "", "x" * 201, "tab\x01bed"]),
        (("basics", "start_date"), [date(2027, 1, 4), date(2027, 9, 1), None]),
        (("basics", "end_date"), [date(2027, 6, 30), date(2026, 1, 1), None]),
        (("basics", "brand_colour"), ["#123456", "red"]),
        (("accountability", "daily_touch_capacity"), [30, 0, 501]),
    ]
    for account in plan.accounts[:4]:
        edits += [
            (("accounts", account.id, "name"), ["Acme Steel", "   ", "Ünïcode GmbH"]),
            (("accounts", account.id, "tier"), ["A", "C", "D"]),
            (("accounts", account.id, "employees"), [120, -1, None]),
            (("accounts", account.id, "id"), [*accounts[:3], "acc-brand-new"]),
        ]
        if account.contacts:
            edits += [
                (("accounts", account.id, "contacts", 0, "persona_id"),
                 [*personas[:3], "per-missing", None]),
                (("accounts", account.id, "contacts", 0, "email"), ["a@b.example", "not-mail"]),
            ]
    for persona in plan.personas[:2]:
        edits.append((("personas", persona.id, "id"), [*personas[:2], "per-brand-new"]))
    for touch in plan.touches[:3]:
        edits.append((("touches", touch.id, "persona_ids"),
                      [personas[:1], personas[:2] + ["per-missing"], []]))
        edits.append((("touches", touch.id, "id"), [*touches[:2], "tch-brand-new"]))
    for cadence in plan.cadences[:2]:
        for row in range(min(3, len(cadence.steps))):
            edits += [
                (("cadences", cadence.id, "steps", row, "touch_id"),
                 [*touches[:3], "tch-missing", None]),
                (("cadences", cadence.id, "steps", row, "day"), [0, 14, -1, 731]),
            ]
    for rep in plan.reps:
        edits.append((("reps", rep.id, "account_ids"),
                      [accounts[:2], accounts[2:5] + ["acc-missing"], [], accounts[:1] * 2]))
        edits.append((("reps", rep.id, "email"), ["rep@company.example", "rep-at-company"]))
    return edits


def _structural(plan: Plan, data) -> tuple[dict, str]:
    section = data.draw(st.sampled_from(SECTIONS_WITH_IDS))
    ids = [item.id for item in getattr(plan, section)]
    kind = data.draw(st.sampled_from(["add", "duplicate", "remove", "move", "paste"]))
    if kind == "add" or not ids:
        label = {"accounts": "name", "personas": "role", "touches": "title",
                 "differentiators": "difference", "cadences": "name", "reps": "name"}[section]
        item = {label: "New item"}
        if section == "touches":
            item["channel"] = "email"
        return editing.add_item(plan, section, item), "Add"
    if kind == "duplicate":
        return editing.duplicate_item(plan, section, data.draw(st.sampled_from(ids))), "Duplicate"
    if kind == "remove":
        gone = set(data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3)))
        return editing.remove_items(plan, section, gone), "Remove"
    if kind == "move":
        return editing.move_item(plan, section, data.draw(st.integers(0, len(ids) - 1)),
                                 data.draw(st.integers(0, len(ids)))), "Move"
    # a paste or an import: the section as data, possibly with a dangling or repeated id
    items = plan_to_document(plan)[section]
    broken = data.draw(st.sampled_from(["none", "repeat id", "dangling"]))
    if broken == "repeat id" and len(items) > 1:
        items[1]["id"] = items[0]["id"]
    elif broken == "dangling" and section == "reps" and items:
        items[0]["account_ids"] = ["acc-missing"]
    elif broken == "dangling" and section == "touches" and items:
        items[0]["persona_ids"] = ["per-missing"]
    return {section: items}, "Paste"


@pytest.fixture(scope="module")
def start_doc(sample_doc):
    return sample_doc


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edit_sequences_keep_the_plan_whole(qapp, start_doc, data):
    document = PlanDocument(Plan.model_validate(start_doc))
    refused: list[str] = []
    document.edit_refused.connect(refused.append)
    for _ in range(data.draw(st.integers(5, 25))):
        before = plan_to_document(document.plan)
        kind = data.draw(st.sampled_from(["field", "field", "field", "structure", "undo",
                                          "redo"]))
        if kind == "field":
            path, values = data.draw(st.sampled_from(_field_edits(document.plan)))
            value = data.draw(st.sampled_from(values))
            refused.clear()
            if not document.set_value(path, value):
                assert plan_to_document(document.plan) == before, f"refused {path} changed it"
                word = field_word(str(path[-1]))  # as the form and Edit > Undo name it
                assert len(refused) == 1 and refused[0].startswith(
                    word[:1].upper() + word[1:]), refused
        elif kind == "structure":
            sections, text = _structural(document.plan, data)
            try:
                document.replace_sections(sections, text)
            except ValueError:
                assert plan_to_document(document.plan) == before
        elif kind == "undo":
            document.undo_stack.undo()
        else:
            document.undo_stack.redo()
        Plan.model_validate(plan_to_document(document.plan))  # holds together as a whole
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
        Plan.model_validate(plan_to_document(document.plan))
    assert plan_to_document(document.plan) == start_doc


def test_a_reference_to_nothing_is_refused_with_the_field_named(qapp, sample_plan):
    document = PlanDocument(sample_plan)
    refused: list[str] = []
    document.edit_refused.connect(refused.append)
    rep = sample_plan.reps[0]
    assert not document.set_value(("reps", rep.id, "account_ids"), ["acc-nowhere"])
    step_path = ("cadences", sample_plan.cadences[0].id, "steps", 0, "touch_id")
    assert not document.set_value(step_path, "tch-nowhere")
    assert refused == [
        "Accounts: no account has id 'acc-nowhere' — the previous value is kept.",
        "Touch: no touch has id 'tch-nowhere' — the previous value is kept.",
    ]
    assert document.undo_stack.count() == 0
