"""What good looks like, per step (from the method), shown at the top of each step."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Guidance:
    title: str
    what_good_looks_like: str
    examples: str


STEPS: dict[str, Guidance] = {
    "basics": Guidance(
        "Plan basics",
        "A prospecting plan, not “prospect more”: say what you sell, who owns the plan, the goal "
        "in numbers and dates, and who does what, so the sales force has clear direction.",
        "Goal: “60 first meetings and 16 new opportunities with mid-market manufacturers by 30 "
        "June.”\nRoles: “Account executives prospect and open; account managers serve existing "
        "clients.”",
    ),
    "targets": Guidance(
        "Targets",
        "Real targets: an ideal client profile, then named accounts in tiers, dream clients "
        "first (A), each with the reason it is a target. A list is not a plan; a reason is.",
        "Trigger event: “new plant opening”, “new COO in the last six months”.\n"
        "Why (A account): “Lost two weeks of output to a press failure last year; new COO "
        "tasked with OEE.”",
    ),
    "personas": Guidance(
        "Personas",
        "The people inside your targets: what they are responsible for, the outcomes and "
        "problems they care about, and what value means to them.",
        "Head of Maintenance: responsible for uptime and the spare-parts budget; cares about "
        "unplanned stops and losing senior technicians' knowledge.",
    ),
    "touches": Guidance(
        "Value-creating touches",
        "Every touch gives the prospect something of value: an insight about their business, "
        "industry, risks or opportunities. Never “checking in” or “touching base”.",
        "“Benchmark: what unplanned downtime costs a 3-plant extrusion business (2-page PDF).”\n"
        "“Printed teardown of a failed gearbox, mailed with a note.”",
    ),
    "differentiators": Guidance(
        "Differentiation",
        "A difference that makes a difference: what is different, why it matters to this "
        "client, what proves it, and which alternative it beats (a competitor or doing nothing).",
        "Difference: “Runs on the data your PLCs already produce: no new sensors.”\n"
        "Proof: “Brandt Pumpen: live in 6 weeks, 31% fewer unplanned stops in year one.”",
    ),
    "cadences": Guidance(
        "Campaign cadence",
        "Persistent without being a nuisance: many touches over weeks and months, spaced, "
        "across channels, each giving value, ending in a clear ask for a meeting.",
        "12 touches over 90 days, at least two days apart, no channel three times in a row, "
        "asks on day 52 and day 88.",
    ),
    "accountability": Guidance(
        "Accountability",
        "Clear weekly targets for opportunity creation (first meetings, new opportunities) "
        "and the activity that leads to them, reviewed on a fixed rhythm: macro-management, not "
        "micromanagement.",
        "Per rep per week: 45 value-creating touches, 8 conversations, 1 first meeting.\n"
        "Review: Monday, 20 minutes, pipeline created last week and next week's plan.",
    ),
    "reps": Guidance(
        "Reps",
        "Each rep gets named accounts and a start date; the playbook turns the cadence into "
        "their dated schedule.",
        "Jonas Weber, DACH North, 9 accounts (2 dream clients), starts 11 January.",
    ),
    "review": Guidance(
        "Review & export",
        "Check the plan, then print the playbook for the team, and a rep edition with each "
        "rep's accounts and dated schedule.",
        "Export the leader's edition for the kick-off; send each rep their own edition.",
    ),
}
