"""Structural edits (prospector.editing): the plan stays valid and nothing else is touched."""

from itertools import pairwise

import pytest

from prospector import editing
from prospector.editing import apply_sections


def test_removing_an_account_removes_it_from_its_rep(sample_plan):
    rep = sample_plan.reps[0]
    gone = rep.account_ids[0]
    plan = apply_sections(sample_plan, editing.remove_items(sample_plan, "accounts", {gone}))
    assert plan.account(gone) is None
    assert gone not in plan.reps[0].account_ids
    assert len(plan.reps[0].account_ids) == len(rep.account_ids) - 1


def test_removing_a_persona_clears_every_reference(sample_plan):
    persona = sample_plan.personas[0].id
    plan = apply_sections(sample_plan, editing.remove_items(sample_plan, "personas", {persona}))
    assert all(persona not in t.persona_ids for t in plan.touches)
    assert all(c.persona_id != persona for a in plan.accounts for c in a.contacts)
    assert all(persona not in o.persona_ids for o in plan.objections)
    assert all(persona not in q.persona_ids for q in plan.questions)


def test_removing_a_differentiator_leaves_the_objections_it_proved_without_proof(sample_plan):
    proving = next(o for o in sample_plan.objections if o.differentiator_id)
    gone = proving.differentiator_id
    others = {o.id: o.differentiator_id for o in sample_plan.objections
              if o.differentiator_id not in (None, gone)}
    plan = apply_sections(sample_plan, editing.remove_items(sample_plan, "differentiators", {gone}))
    kept = {o.id: o for o in plan.objections}
    assert kept[proving.id].differentiator_id is None
    assert kept[proving.id].response == proving.response  # only the link goes
    assert {i: kept[i].differentiator_id for i in others} == others


def test_removing_a_touch_empties_the_steps_that_used_it(sample_plan):
    touch = sample_plan.cadences[0].steps[0].touch_id
    plan = apply_sections(sample_plan, editing.remove_items(sample_plan, "touches", {touch}))
    assert plan.cadences[0].steps[0].touch_id is None
    assert plan.cadences[0].steps[0].day == sample_plan.cadences[0].steps[0].day


def test_add_duplicate_and_move(sample_plan):
    plan = apply_sections(sample_plan,
                          editing.add_item(sample_plan, "personas", {"role": "CFO"}, 0))
    assert plan.personas[0].role == "CFO" and plan.personas[0].id.startswith("per-")
    plan = apply_sections(plan, editing.duplicate_item(plan, "personas", plan.personas[0].id))
    assert plan.personas[1].role == "CFO (copy)" and plan.personas[1].id != plan.personas[0].id
    plan = apply_sections(plan, editing.move_item(plan, "personas", 0, 3))
    assert plan.personas[3].role == "CFO"


def test_moving_a_step_keeps_the_rhythm_of_days(sample_plan):
    cadence = sample_plan.cadences[0]
    days = [s.day for s in cadence.steps]
    last = cadence.steps[-1]
    plan = apply_sections(sample_plan, editing.move_step(sample_plan, cadence.id, len(days) - 1, 2))
    moved = plan.cadences[0]
    assert [s.day for s in moved.steps] == days
    assert moved.steps[2].touch_id == last.touch_id and moved.steps[2].is_ask == last.is_ask


def test_steps_moved_one_place_together_keep_the_rhythm_and_leave_the_cadence_as_it_was(
        sample_plan):
    """Every other step one place up (the way many steps selected apart move at once)."""
    steps = sample_plan.cadences[0].steps
    days = [s.day for s in steps]
    rows = list(range(1, len(steps), 2))
    moved = editing.moved_one_place(steps, rows, -1, keep="day")
    assert [s.day for s in moved] == days
    assert [moved[row - 1].touch_id for row in rows] == [steps[row].touch_id for row in rows]
    assert [moved[row].touch_id for row in rows] == [steps[row - 1].touch_id for row in rows]
    assert [s.day for s in sample_plan.cadences[0].steps] == days  # the plan's own: untouched


@pytest.mark.parametrize("template", editing.CADENCE_TEMPLATES, ids=lambda t: t.name)
def test_cadence_templates_are_spaced_multichannel_and_end_in_an_ask(sample_plan, template):
    plan = apply_sections(sample_plan, editing.add_cadence_from_template(sample_plan, template))
    cadence = plan.cadences[-1]
    days = [s.day for s in cadence.steps]
    assert days == sorted(days) and min(b - a for a, b in pairwise(days)) >= 3
    # named as the cadence step then counts it ("16 touches over 120 days" showed 121 days)
    assert template.name == f"{len(days)} touches over {cadence.span_days + 1} days"
    assert cadence.steps[-1].is_ask
    assert len({s.channel for s in cadence.steps}) >= 4
    for step in cadence.steps:  # every step got a touch of its own channel from the plan
        assert plan.touch(step.touch_id).channel == step.channel


def test_add_step_goes_a_week_after_the_last(sample_plan):
    cadence = sample_plan.cadences[0]
    plan = apply_sections(sample_plan, editing.add_step(sample_plan, cadence.id))
    assert plan.cadences[0].steps[-1].day == cadence.span_days + 7


def test_a_cadence_from_a_template_gives_each_touch_of_a_channel_in_turn(sample_plan):
    template = editing.CADENCE_TEMPLATES[0]
    cadence = editing.cadence_from_template(sample_plan, template)
    by_channel: dict[str, list[str]] = {}
    for step in cadence["steps"]:
        if step["touch_id"] and not sample_plan.touch(step["touch_id"]).title.startswith("Ask"):
            by_channel.setdefault(step["channel"], []).append(step["touch_id"])
    for channel, given in by_channel.items():
        available = [t.id for t in sample_plan.touches if t.channel.value == channel
                     and not t.title.startswith("Ask")]
        assert len(set(given)) == min(len(given), len(available)), channel  # none twice early
