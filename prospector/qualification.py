"""What counts as an opportunity: the criteria of the common definitions, and the plan's one.

Every rep must count "opportunities created" the same way (shared METHOD.md, "Sales
conversations"). A leader picks a definition (``Qualification.framework``) and its criteria fill
the plan, each with what the first meeting must show; the leader then makes the sentences their
own. Nothing here changes a plan: the app and the command line apply the sections it returns.
"""

from __future__ import annotations

from typing import Any

from .model import FRAMEWORK_LABELS, Plan, Qualification

# Each criterion: (name, what the first meeting must show), in a B2B prospecting context.
TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    "pain_impact_timeline_authority": (
        ("Pain", "The buyer names a problem we solve, in their own words, on a named process, "
                 "site or team."),
        ("Impact", "The problem has a cost the buyer accepts: money, lost output, a target "
                   "missed or a customer at risk."),
        ("Timeline", "A reason to act within six months: a budget round, a deadline, a project "
                     "or a commitment to the board."),
        ("Authority", "The person who signs was in the meeting, or has agreed to join the next "
                      "one."),
    ),
    "bant": (
        ("Budget", "Money for this is set aside, or the buyer says where it would come from and "
                   "roughly how much."),
        ("Authority", "We know who signs and how they decide, and they were in the meeting or "
                      "agreed to the next one."),
        ("Need", "The buyer names a problem we solve and what it costs them today."),
        ("Timeline", "A date they want it solved by, within six months, and the event that "
                     "sets it."),
    ),
    "meddicc": (
        ("Metrics", "The buyer puts a number on the gain they expect: hours, money or a "
                    "percentage, measured their way."),
        ("Economic buyer", "We know by name who has the final say on the money, and have met or "
                           "been promised a meeting with them."),
        ("Decision criteria", "The buyer says what they will compare suppliers on, and we can "
                              "meet it."),
        ("Decision process", "The steps, people and dates from now to a signature are written "
                             "down with the buyer."),
        ("Identified pain", "A problem with a cost, in the buyer's words, that our offering "
                            "solves."),
        ("Champion", "Someone inside with influence wants this to happen and tells us what is "
                     "going on."),
        ("Competition", "We know what else they consider, doing nothing included, and why we "
                        "would win."),
    ),
    "spiced": (
        ("Situation", "The facts of their business that matter to us: sites, volumes, systems "
                      "and who owns the problem."),
        ("Pain", "A problem we solve, named by the buyer, with its cause."),
        ("Impact", "What the pain costs and what solving it would be worth, in the buyer's "
                   "numbers."),
        ("Critical event", "A date by which they must act, and what happens if they miss it."),
        ("Decision", "How they will decide and who signs, and the next step is agreed with "
                     "that person."),
    ),
}


def template_criteria(framework: str) -> list[dict[str, str]]:
    """The criteria of a definition as plan-file data; none for "" and "own"."""
    return [{"name": name, "must_show": must_show}
            for name, must_show in TEMPLATES.get(framework, ())]


def is_a_template(qualification: Qualification) -> bool:
    """The criteria are exactly one definition's, unchanged: replacing them loses nothing."""
    mine = [{"name": c.name, "must_show": c.must_show} for c in qualification.criteria]
    return any(mine == template_criteria(key) for key in TEMPLATES)


def with_framework(qualification: Qualification, framework: str,
                   replace_criteria: bool) -> dict[str, Any]:
    """The qualification section (plan-file data) once ``framework`` is chosen: its criteria
    fill the section when it has none or ``replace_criteria``; notes are kept."""
    data = qualification.model_dump(mode="json")
    data["framework"] = framework
    template = template_criteria(framework)
    if template and (replace_criteria or not qualification.criteria):
        data["criteria"] = template
    return data


def opportunity_definition(plan: Plan) -> str:
    """The plan's definition in one sentence, or what is missing and how to add it."""
    qualification = plan.qualification
    names = [c.name for c in qualification.criteria]
    if names:
        return f"Counts as an opportunity when the first meeting shows: {', '.join(names)}."
    counting = any(t.creates_opportunities for t in plan.accountability.targets)
    if counting:
        return ("No definition of an opportunity is set yet, so each rep counts the "
                "opportunity targets their own way. Choose one under Sales conversations › "
                "What counts as an opportunity.")
    return ("What counts as an opportunity is not set yet: choose it under Sales "
            "conversations › What counts as an opportunity.")


def framework_label(framework: str) -> str:
    return FRAMEWORK_LABELS.get(framework, framework)
