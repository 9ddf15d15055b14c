"""The plan's sections and the steps a leader takes through them: the one place that lists them.

Each step of the app (a page, a line in the navigator, a bar on the review page) is declared here
once: its title and guidance in the leader's words, the plan sections it edits, and how complete
it is. Each section names its field of :class:`~prospector.model.Plan`, its title, what its items
are called, the prefix of their ids and its weight in the coach's score. The app, the coach and
the completeness code read these declarations; none keeps a list of its own.

Adding a section: add its field to the model (with a migration), declare it in its step below
(or declare a new step), give it a page (``ui/pages``, whose ``key`` is the step's), coach checks
(``coach/checks_*.py``, ``section=`` the new key) and its chapters in the playbook (``leader=``
and ``rep=`` here, each a template ``templates/playbook/<edition>/<chapter id>.html.j2``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .messages import M_
from .model import Part, Plan, Target


@dataclass(frozen=True)
class StepStatus:
    """How complete a step is: a share (0-1) and a few words for the step navigator."""

    share: float
    summary: str
    missing: tuple[str, ...] = ()  # what would complete it, in the leader's words

    @property
    def done(self) -> bool:
        return self.share >= 1.0


@dataclass(frozen=True)
class Chapter:
    """A chapter of a printed playbook: ``templates/playbook/<edition>/<id>.html.j2``. A major
    part of the playbook starts a new page (``new_page``); the other chapters run on after the
    one before, so no page is left half empty."""

    id: str
    title: str
    new_page: bool = False


@dataclass(frozen=True)
class Section:
    key: str  # the field of Plan
    title: str
    weight: float  # in the coach's overall score: what reps execute weighs most
    item: str = ""  # what one item of a list section is called ("account")
    items: str = ""  # and several ("accounts")
    id_prefix: str = ""  # of its items' ids ("acc-3f9a...")
    leader: tuple[Chapter, ...] = ()  # its chapters in the leader's edition of the playbook
    rep: tuple[Chapter, ...] = ()  # and in a rep's edition
    # what "Add" puts in a list section; an item still exactly that is not yet content: the
    # coach and the completeness leave it out until the leader writes something in it
    new_item: dict[str, Any] = field(default_factory=dict)
    most: int | None = None  # the most items a plan holds (adding and importing stop there)
    too_many: str = ""  # and what a leader is told there ({limit}: ``most``)


@dataclass(frozen=True)
class Step:
    key: str  # the page's key in the app
    title: str
    what_good_looks_like: str
    examples: str
    sections: tuple[Section, ...] = ()
    status: Callable[[Plan], StepStatus] | None = None  # None: not counted (the review step)


def _share(checks: list[bool]) -> float:
    return sum(checks) / len(checks) if checks else 0.0


def _status(checks: list[tuple[bool, str]], summary: str) -> StepStatus:
    """A step's status from its checks, each (done, what to do when it is not)."""
    return StepStatus(_share([done for done, _todo in checks]), summary,
                      tuple(todo for done, todo in checks if not done))


def count(n: int, section: Section) -> str:
    """``1 account``, ``3 touches``."""
    return f"{n} {section.item if n == 1 else section.items}"


# --- the steps, in the order a leader takes them ----------------------------------------------
BASICS = Section("basics", "Basics", 1.0,
                 leader=(Chapter("goal", "Goal and strategy", new_page=True),),
                 rep=(Chapter("campaign", "Your campaign", new_page=True),))


def _basics_status(plan: Plan) -> StepStatus:
    b = plan.basics
    return _status([(bool(b.offering), "say what you sell"), (bool(b.owner), "name the owner"),
                    (bool(b.goal), "write the goal"), (bool(b.strategy), "write the strategy"),
                    (bool(b.start_date), "set the start date"),
                    (bool(b.roles), "say who prospects and who serves clients")],
                   "goal set" if b.goal else "no goal yet")


ICP = Section("ideal_client_profile", "Ideal client profile", 1.0,
              leader=(Chapter("icp", "Ideal client profile"),))
ACCOUNTS = Section("accounts", "Target accounts", 2.0, "account", "accounts", "acc",
                   leader=(Chapter("accounts", "Target accounts"),),
                   rep=(Chapter("accounts", "Your accounts"),),
                   new_item={"name": "New account", "tier": "B"},
                   # A prospecting plan names the accounts its reps will work: a few hundred, a
                   # few thousand for a large team. Past this the plan stops growing: a file of
                   # 240,000 rows took 24 s to import and left a plan whose every edit waited.
                   most=5_000, too_many=M_("a plan names at most {limit} accounts; delete "
                                           "those nobody will work to add others"))


def _targets_status(plan: Plan) -> StepStatus:
    accounts = plan.accounts
    return _status([(not plan.ideal_client_profile.is_empty(), "describe the ideal client"),
                    (len(accounts) >= 5, "name at least 5 accounts"),
                    (bool(accounts) and all(a.why for a in accounts),
                     "say why each account is a target"),
                    (any(a.tier == "A" for a in accounts), "choose your dream clients (tier A)")],
                   count(len(accounts), ACCOUNTS))


PERSONAS = Section("personas", "Personas", 1.0, "persona", "personas", "per",
                   leader=(Chapter("personas", "Personas"),), new_item={"role": "New persona"})


def _personas_status(plan: Plan) -> StepStatus:
    personas = plan.personas
    return _status([(len(personas) >= 2, "describe at least 2 personas"),
                    (bool(personas) and all(p.cares_about for p in personas),
                     "say what each persona cares about")],
                   count(len(personas), PERSONAS))


TOUCHES = Section("touches", "Value-creating touches", 2.0, "touch", "touches", "tch",
                  leader=(Chapter("touches", "Value-creating touches"),),
                  rep=(Chapter("touches", "Your touches and talk tracks"),),
                  new_item={"title": "New touch", "channel": "email"})


def _touches_status(plan: Plan) -> StepStatus:
    touches = plan.touches
    return _status([(len(touches) >= 5, "write at least 5 touches"),
                    (bool(touches) and all(t.value for t in touches),
                     "say the value each touch gives"),
                    (len({t.channel for t in touches}) >= 3, "use at least 3 channels")],
                   count(len(touches), TOUCHES))


DIFFERENTIATORS = Section("differentiators", "Differentiation", 1.5, "differentiator",
                          "differentiators", "dif",
                          leader=(Chapter("differentiation", "Differentiation"),),
                          rep=(Chapter("differentiation", "What makes us different"),),
                          new_item={"difference": "New difference"})


def _differentiation_status(plan: Plan) -> StepStatus:
    found = plan.differentiators
    return _status([(len(found) >= 3, "write at least 3 differentiators"),
                    (bool(found) and all(d.proof and d.why_it_matters for d in found),
                     "give each one why it matters and its proof")],
                   count(len(found), DIFFERENTIATORS))


OBJECTIONS = Section("objections", "Objections", 1.5, "objection", "objections", "obj",
                     leader=(Chapter("objections", "Objection library"),),
                     rep=(Chapter("objections", "Handling objections"),),
                     new_item={"says": "New objection"})
QUESTIONS = Section("questions", "Discovery questions", 1.5, "question", "questions", "qst",
                    leader=(Chapter("questions", "Discovery questions"),),
                    rep=(Chapter("questions", "Your discovery questions"),),
                    new_item={"question": "New question"})
# the call cards (one page each) close the conversations: after what counts as an opportunity,
# which runs on under the questions, and before the cadences, which start on a page of their own
QUALIFICATION = Section("qualification", "What counts as an opportunity", 1.0,
                        leader=(Chapter("qualification", "What counts as an opportunity"),
                                Chapter("call_cards", "Call cards")),
                        rep=(Chapter("qualification", "What counts as an opportunity"),
                             Chapter("call_cards", "Call cards")))


def _conversations_status(plan: Plan) -> StepStatus:
    objections, questions = plan.objections, plan.questions
    return _status([(len(objections) >= 5, "write at least 5 objections"),
                    (bool(objections) and all(o.response for o in objections),
                     "write a response to each objection"),
                    (len(questions) >= 6, "write at least 6 discovery questions"),
                    (bool(plan.qualification.criteria), "say what counts as an opportunity")],
                   f"{count(len(objections), OBJECTIONS)}, {count(len(questions), QUESTIONS)}")


# The rep's schedule is the cadences laid out on dates; it comes after the touches chapter it
# links to ("script, p. 12"): a link to a later page makes WeasyPrint lay the pages out twice.
CADENCES = Section("cadences", "Campaign cadence", 2.0, "cadence", "cadences", "cad",
                   leader=(Chapter("cadences", "Campaign cadence"),),
                   rep=(Chapter("schedule", "Your schedule"),))


def _cadence_status(plan: Plan) -> StepStatus:
    steps = [s for c in plan.cadences for s in c.steps]
    return _status([(bool(plan.cadences), "start a cadence"),
                    (len(steps) >= 8, "plan at least 8 steps"),
                    (bool(plan.cadences) and all(any(s.is_ask for s in c.steps)
                                                 for c in plan.cadences),
                     "mark a meeting ask in each cadence")],
                   f"{len(steps)} step{'' if len(steps) == 1 else 's'}")


# What "Add target" puts in the accountability targets: not yet content (as a new list item),
# so nothing a leader has not chosen counts, not even a plausible "1 first meeting a week".
NEW_TARGET: dict[str, Any] = {"metric": "New target", "kind": "outcome", "period": "week",
                              "per_rep": 0, "creates_opportunities": False}
ACCOUNTABILITY = Section("accountability", "Accountability", 1.5,
                         leader=(Chapter("accountability", "Accountability"),),
                         rep=(Chapter("targets", "Your targets"),))


def _accountability_status(plan: Plan) -> StepStatus:
    acc = plan.accountability
    return _status([(bool(acc.targets), "set targets"),
                    (any(t.creates_opportunities for t in acc.targets),
                     "set a target that creates opportunities"),
                    (bool(acc.review), "say how the targets are reviewed")],
                   f"{len(acc.targets)} target{'' if len(acc.targets) == 1 else 's'}")


REPS = Section("reps", "Reps", 1.0, "rep", "reps", "rep", new_item={"name": "New rep"})


def _reps_status(plan: Plan) -> StepStatus:
    reps = plan.reps
    return _status([(bool(reps), "add the reps"),
                    (bool(reps) and all(r.account_ids for r in reps),
                     "give each rep their accounts")],
                   count(len(reps), REPS))


STEPS: tuple[Step, ...] = (
    Step("basics", "Plan basics",
         "A prospecting plan, not “prospect more”: say what you sell, who owns the plan, the goal "
         "in numbers and dates, and who does what, so the sales force has clear direction.",
         "Goal: “60 first meetings and 16 new opportunities with mid-market manufacturers by 30 "
         "June.”\nRoles: “Account executives prospect and open; account managers serve existing "
         "clients.”",
         (BASICS,), _basics_status),
    Step("targets", "Targets",
         "Real targets: an ideal client profile, then named accounts in tiers, dream clients "
         "first (A), each with the reason it is a target. A list is not a plan; a reason is.",
         "Trigger event: “new plant opening”, “new COO in the last six months”.\n"
         "Why (A account): “Lost two weeks of output to a press failure last year; new COO "
         "tasked with OEE.”",
         (ICP, ACCOUNTS), _targets_status),
    Step("personas", "Personas",
         "The people inside your targets: what they are responsible for, the outcomes and "
         "problems they care about, and what value means to them.",
         "Head of Maintenance: responsible for uptime and the spare-parts budget; cares about "
         "unplanned stops and losing senior technicians' knowledge.",
         (PERSONAS,), _personas_status),
    Step("touches", "Value-creating touches",
         "Every touch gives the prospect something of value: an insight about their business, "
         "industry, risks or opportunities. Never “checking in” or “touching base”.",
         "“Benchmark: what unplanned downtime costs a 3-plant extrusion business (2-page PDF).”\n"
         "“Printed teardown of a failed gearbox, mailed with a note.”",
         (TOUCHES,), _touches_status),
    Step("differentiators", "Differentiation",
         "A difference that makes a difference: what is different, why it matters to this "
         "client, what proves it, and which alternative it beats (a competitor or doing "
         "nothing).",
         "Difference: “Runs on the data your PLCs already produce: no new sensors.”\n"
         "Proof: “Brandt Pumpen: live in 6 weeks, 31% fewer unplanned stops in year one.”",
         (DIFFERENTIATORS,), _differentiation_status),
    Step("conversations", "Sales conversations",
         "Turn a touch into a conversation and a conversation into an opportunity: answer the "
         "objections every campaign meets by asking before answering, ask questions about the "
         "client's business, and agree what a first meeting must show to count as an "
         "opportunity.",
         "Objection: “We already have a supplier.” Response: “Most plants we talk to do. What "
         "would have to be true for you to compare them on downtime?”\n"
         "Question: “What did your last unplanned stop cost, and who had to explain it?”\n"
         "Opportunity: pain with a cost, a timeline, and the person who signs in the room.",
         (OBJECTIONS, QUESTIONS, QUALIFICATION), _conversations_status),
    Step("cadences", "Campaign cadence",
         "Persistent without being a nuisance: many touches over weeks and months, spaced, "
         "across channels, each giving value, ending in a clear ask for a meeting.",
         "12 touches over 90 days, at least two days apart, no channel three times in a row, "
         "asks on day 52 and day 88.",
         (CADENCES,), _cadence_status),
    Step("accountability", "Accountability",
         "Clear weekly targets for opportunity creation (first meetings, new opportunities) "
         "and the activity that leads to them, reviewed on a fixed rhythm: macro-management, not "
         "micromanagement.",
         "Per rep per week: 45 value-creating touches, 8 conversations, 1 first meeting.\n"
         "Review: Monday, 20 minutes, pipeline created last week and next week's plan.",
         (ACCOUNTABILITY,), _accountability_status),
    Step("reps", "Reps",
         "Each rep gets named accounts and a start date; the playbook turns the cadence into "
         "their dated schedule.",
         "Jonas Weber, DACH North, 9 accounts (2 dream clients), starts 11 January.",
         (REPS,), _reps_status),
    Step("review", "Review & export",
         "Check the plan, then print the playbook for the team, and a rep edition with each "
         "rep's accounts and dated schedule.",
         "Export the leader's edition for the kick-off; send each rep their own edition."),
)

STEP_BY_KEY: dict[str, Step] = {step.key: step for step in STEPS}
SECTIONS: tuple[Section, ...] = tuple(section for step in STEPS for section in step.sections)
SECTION_BY_KEY: dict[str, Section] = {section.key: section for section in SECTIONS}
STEP_OF_SECTION: dict[str, str] = {s.key: step.key for step in STEPS for s in step.sections}
LIST_SECTIONS: tuple[Section, ...] = tuple(s for s in SECTIONS if s.id_prefix)
LEADER_CHAPTERS: tuple[Chapter, ...] = tuple(c for s in SECTIONS for c in s.leader)
REP_CHAPTERS: tuple[Chapter, ...] = tuple(c for s in SECTIONS for c in s.rep)


def step_status(plan: Plan) -> dict[str, StepStatus]:
    """How complete each counted step of ``plan`` is, in the steps' order: items still as "Add"
    made them do not count towards the share, though the summary counts every row shown."""
    content = content_of(plan)
    statuses = {}
    for step in STEPS:
        if step.status is not None:
            done = step.status(content)
            statuses[step.key] = done if content is plan else \
                StepStatus(done.share, step.status(plan).summary, done.missing)
    return statuses


def completeness(plan: Plan) -> float:
    """How complete the plan is (0-1): the steps' shares, each weighed by its sections'."""
    shares = step_status(plan)
    weights = {step.key: sum(s.weight for s in step.sections) for step in STEPS}
    total = sum(weights[key] for key in shares)
    return sum(shares[key].share * weights[key] for key in shares) / total if total else 0.0


def _blank_dump(model: type[Part], new_item: dict[str, Any]) -> dict[str, Any]:
    return model.model_validate(new_item).model_dump(exclude={"id"})


_BLANKS: dict[str, dict[str, Any]] = {}


def is_blank(section: str, item: Any) -> bool:
    """Whether a list section's item is still exactly what "Add" made (its id aside)."""
    new_item = SECTION_BY_KEY[section].new_item
    if not new_item:
        return False
    for field_name, value in new_item.items():  # most items differ here: no dump needed
        held = getattr(item, field_name, None)
        if getattr(held, "value", held) != value:
            return False
    if section not in _BLANKS:
        _BLANKS[section] = _blank_dump(type(item), new_item)
    return item.model_dump(exclude={"id"}) == _BLANKS[section]


def content_of(plan: Plan, leave_out: Iterable[str] = ()) -> Plan:
    """``plan`` without what is not yet content: items still as "Add" made them, targets still
    as "Add target" made them, and the items ``leave_out`` names (ids: what the leader is
    writing right now). A shallow copy; ``plan`` itself is unchanged."""
    left_out = set(leave_out)
    changes: dict[str, Any] = {}
    for section in LIST_SECTIONS:
        items = getattr(plan, section.key)
        kept = [i for i in items if i.id not in left_out and not is_blank(section.key, i)]
        if len(kept) != len(items):
            changes[section.key] = kept
    targets = plan.accountability.targets
    new_target = _blank_dump(Target, NEW_TARGET) if targets else None
    kept_targets = [t for t in targets if t.model_dump() != new_target]
    if len(kept_targets) != len(targets):
        changes["accountability"] = plan.accountability.model_copy(
            update={"targets": kept_targets})
    return plan.model_copy(update=changes) if changes else plan
