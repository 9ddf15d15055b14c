"""The prospecting plan, in the sales leader's words (see shared METHOD.md).

Pure data with validation (pydantic). No Qt, no storage: everything here can be used from the
CLI, the app, the PDF renderer and the tests alike.
"""

from __future__ import annotations

import re
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from .actuals.counting import Counts, counts_for_metric
from .actuals.ledger import Actuals
from .business_days import check_country
from .fields import CHANNEL_LABELS as CHANNEL_LABELS
from .fields import EARLIEST_DATE as EARLIEST_DATE
from .fields import ID_RULE as ID_RULE
from .fields import LATEST_DATE as LATEST_DATE
from .fields import UNKEEPABLE as UNKEEPABLE
from .fields import Channel as Channel
from .fields import Id, IdReference, Name, Part, PlanDate, Text
from .fields import check_plan_date as check_plan_date
from .fields import is_usable_id as is_usable_id
from .fields import new_id as new_id
from .holiday_regions import HolidayCountryError, check_place
from .holiday_regions import check_country as check_known_country
from .images import logo_problem
from .messages import Note, Number
from .wording import N_

FORMAT_NAME: Final = "prospector-plan"
SCHEMA_VERSION = 8

# The languages a playbook prints in (its labels, dates, numbers and plurals: the catalogs of
# prospector/locale/), as ISO 639-1 codes. The plan's language is the leader's edition's; a rep's
# ("" = the plan's) is the rep's edition's.
PLAYBOOK_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es")
PlaybookLanguage = Literal["en", "de", "fr", "es"]
RepLanguage = Literal["", "en", "de", "fr", "es"]

Tier = Literal["A", "B", "C"]
TIERS: tuple[str, ...] = ("A", "B", "C")


_HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def is_email_address(value: str) -> bool:
    r"""name@domain.tld: one @, no spaces, a dot inside the domain. Checked without a regular
    expression: ``^[^@\s]+@[^@\s]+\.[^@\s]+$`` backtracked quadratically on ``a@`` followed by
    100,000 dots (145 s to refuse it)."""
    local, at, domain = value.partition("@")
    return (bool(local and at) and "@" not in domain and "." in domain[1:-1]
            and not any(c.isspace() for c in value))


MAX_EMAIL_LENGTH = 254  # RFC 5321: the longest address a mail server takes


def _email_address(value: str) -> str:
    if len(value) > MAX_EMAIL_LENGTH:
        raise ValueError(Note("is too long for an email address (at most {most} characters, got "
                              "{length})", most=MAX_EMAIL_LENGTH, length=Number(len(value))))
    if value and not is_email_address(value):
        raise ValueError(Note("is not an email address (expected name@company.com)"))
    return value


# Where a rep works, for the weekend and public holidays a schedule skips: a country code the
# ``holidays`` package knows (DE, IL, US) and optionally one of its subdivisions (BY, HH, CA);
# "" for none (the plan's country, or weekends only). See prospector/holiday_regions.py.
MAX_COUNTRY_LENGTH = 20


def valid_holiday_country(value: str) -> bool:
    """A place as plans before version 7 wrote it ("DE", "DE-BY", "") that Prospector knows."""
    try:
        check_country(value)
    except HolidayCountryError:
        return False
    return True


def _holiday_country(value: str) -> str:
    if value:
        try:
            check_known_country(value)
        except HolidayCountryError as exc:
            raise ValueError(exc.args[0]) from None
    return value


def _holiday_subdivision(value: str) -> str:
    """A code, checked against its country by the part (a long text is refused at once)."""
    if len(value) > MAX_COUNTRY_LENGTH or any(ch.isspace() and ch != " " for ch in value):
        raise ValueError(Note("is not a subdivision code (such as BY or HH, on one line; got "
                              "{length} characters)", length=Number(len(value))))
    return value


def _check_subdivision(country: str, subdivision: str) -> None:
    try:
        check_place(country, subdivision)
    except HolidayCountryError as exc:
        raise ValueError(Note("holiday_subdivision: {problem}", problem=exc.args[0])) from None


Email = Annotated[Text, AfterValidator(_email_address)]
HolidayCountry = Annotated[Text, AfterValidator(_holiday_country)]
HolidaySubdivision = Annotated[Text, AfterValidator(_holiday_subdivision)]


class PlanBasics(Part):
    company: Text = Field("", description="The company selling (appears on the playbook cover).")
    offering: Text = Field("", description="What we sell, in one line.")
    owner: Text = Field("", description="The sales leader who owns this plan.")
    goal: Text = Field("", description="The goal of the campaign, e.g. 40 first meetings with A "
                                       "accounts by June.")
    strategy: Text = Field("", description="How we will win: the few big choices behind the plan.")
    sales_force: Text = Field("", description="Who the plan is for, e.g. the 6 account "
                                              "executives in EMEA.")
    roles: Text = Field("", description="Role clarity: who prospects and opens, who serves "
                                        "existing clients.")
    start_date: PlanDate | None = None
    end_date: PlanDate | None = None
    page_size: Literal["A4", "Letter"] = "A4"
    brand_colour: str = Field("#1F4E79", description="Accent colour of the playbook, as #RRGGBB.")
    language: PlaybookLanguage = Field("en", description=(
        "The language the playbook's labels, dates and numbers print in (the leader's edition, "
        "and each rep's unless the rep has their own): en, de, fr or es."))
    logo: str | None = Field(None, description=(
        "Logo as a data:image/png;base64 URI (never a path or URL); its bytes a PNG or JPEG of at "
        "most 2 MB and 25 megapixels."))

    @field_validator("brand_colour")
    @classmethod
    def _colour(cls, value: str) -> str:
        if not _HEX_COLOUR.match(value):
            raise ValueError(Note("must be a colour written as #RRGGBB, for example #1F4E79"))
        return value.upper()

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str | None) -> str | None:
        problem = logo_problem(value) if value else ""
        if problem:
            raise ValueError(Note("the logo {problem}", problem=problem))
        return value or None

    @model_validator(mode="after")
    def _dates_in_order(self) -> PlanBasics:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(Note("the end date is before the start date"))
        return self


class IdealClientProfile(Part):
    industries: list[Text] = Field(default_factory=list)
    company_size: Text = Field("", description="e.g. 500-5,000 employees or EUR 100M-1B revenue.")
    geography: list[Text] = Field(default_factory=list)
    trigger_events: list[Text] = Field(
        default_factory=list, description="Events that make a prospect ready to talk."
    )
    disqualifiers: list[Text] = Field(default_factory=list, description="Who we do not pursue.")
    notes: Text = ""

    def is_empty(self) -> bool:
        return not (self.industries or self.company_size or self.geography or self.trigger_events)


class Contact(Part):
    name: Name
    title: Text = ""
    persona_id: IdReference = None
    email: Email = ""
    phone: Text = ""
    notes: Text = ""


class TargetAccount(Part):
    id: Id = Field(default_factory=lambda: new_id("acc"))
    name: Name
    tier: Tier = "B"
    industry: Text = ""
    employees: int | None = Field(None, ge=0)
    annual_revenue: Text = ""
    website: Text = ""
    city: Text = ""
    country: Text = ""
    why: Text = Field("", description="Why this account is a target.")
    notes: Text = ""
    contacts: list[Contact] = Field(default_factory=list)


class Persona(Part):
    id: Id = Field(default_factory=lambda: new_id("per"))
    role: Name
    responsibilities: Text = ""
    cares_about: list[Text] = Field(
        default_factory=list, description="The outcomes and problems this person cares about."
    )
    value_means: Text = Field("", description="What value means to them.")


class ValueTouch(Part):
    id: Id = Field(default_factory=lambda: new_id("tch"))
    title: Name
    channel: Channel
    value: Text = Field("", description="The insight or idea that gives the client something "
                                        "of value.")
    persona_ids: list[Id] = Field(default_factory=list)
    asset: Text = Field("", description="The asset it uses, e.g. a benchmark report.")
    message: Text = Field(
        "", description="Talk track or message template; merge fields like {{first_name}}, "
                        "{{company}}."
    )


class Differentiator(Part):
    id: Id = Field(default_factory=lambda: new_id("dif"))
    difference: Name
    why_it_matters: Text = Field("", description="Why the difference matters to this client.")
    proof: Text = Field("", description="A case, data or a reference that proves it.")
    alternative: Text = Field("", description="What it beats: a competitor or the status quo.")
    talk_track: Text = ""


# The conversations a prospecting campaign leads to, in the order they happen: a rep meets an
# objection or asks a question in one of them.
Stage = Literal["first_call", "first_meeting", "any"]
STAGE_LABELS: dict[str, str] = {"first_call": N_("First call"),
                                "first_meeting": N_("First meeting"),
                                "any": N_("Any conversation")}


class Objection(Part):
    """What a prospect says to end a conversation, and how a rep keeps it going."""

    id: Id = Field(default_factory=lambda: new_id("obj"))
    says: Name = Field(..., description="What the client says, in their words.")
    behind: Text = Field("", description="What is usually behind it.")
    response: Text = Field("", description="The response: a talk track that asks before it "
                                           "answers.")
    differentiator_id: IdReference = Field(None, description="The differentiator that proves the "
                                                             "response.")
    proof: Text = Field("", description="A case or a number that backs the response.")
    persona_ids: list[Id] = Field(default_factory=list,
                                  description="Personas who raise it (empty = any).")
    stage: Stage = Field("first_call", description="When it comes up.")


class DiscoveryQuestion(Part):
    """A question that makes a conversation about the client's business."""

    id: Id = Field(default_factory=lambda: new_id("qst"))
    question: Name
    why: Text = Field("", description="Why we ask it.")
    good_answer: Text = Field("", description="What a good answer tells us.")
    persona_ids: list[Id] = Field(default_factory=list,
                                  description="Personas it is for (empty = any).")
    stage: Stage = Field("first_meeting", description="The conversation it belongs to.")


Framework = Literal["", "pain_impact_timeline_authority", "bant", "meddicc", "spiced", "own"]
FRAMEWORK_LABELS: dict[str, str] = {
    "": N_("Not chosen"), "pain_impact_timeline_authority": N_("Pain, impact, timeline, authority"),
    "bant": N_("BANT"), "meddicc": N_("MEDDICC"), "spiced": N_("SPICED"),
    "own": N_("Our own criteria")}


class Criterion(Part):
    name: Name = Field(..., description="e.g. Pain.")
    must_show: Text = Field("", description="What the first meeting must show, e.g. the buyer "
                                            "names a problem with a cost.")


class Qualification(Part):
    """What a first meeting must show to count as an opportunity created."""

    framework: Framework = Field("", description="The template the criteria come from.")
    criteria: list[Criterion] = Field(default_factory=list)
    notes: Text = Field("", description="Who decides, and what happens to a meeting that does "
                                        "not qualify.")


class CadenceStep(Part):
    day: int = Field(..., ge=0, le=730,
                     description="Day offset from the start of the campaign (0 = first day).")
    channel: Channel
    touch_id: IdReference = None
    objective: Text = ""
    is_ask: bool = Field(False, description="This step asks for a meeting.")


class Cadence(Part):
    id: Id = Field(default_factory=lambda: new_id("cad"))
    name: Name
    tiers: list[Tier] = Field(default_factory=list, description="Tiers it is for (empty = all).")
    persona_ids: list[Id] = Field(default_factory=list,
                                  description="Personas it is for (empty = all).")
    steps: list[CadenceStep] = Field(default_factory=list)

    @property
    def span_days(self) -> int:
        return max((s.day for s in self.steps), default=0)

    def ordered_steps(self) -> list[CadenceStep]:
        return sorted(self.steps, key=lambda s: s.day)


class Target(Part):
    metric: Name = Field(..., description="e.g. First meetings held.")
    kind: Literal["activity", "outcome"] = "outcome"
    period: Literal["week", "month"] = "week"
    per_rep: float = Field(..., ge=0, allow_inf_nan=False)
    creates_opportunities: bool = Field(
        False,
        description="Counts towards opportunity creation (first meetings, new opportunities).",
    )
    counts: Counts = Field(Counts.HAND_ENTERED, description=(
        "What it counts among the actuals: touches, conversations, meetings, opportunities, or "
        "figures entered by hand (docs/plan-format.md). Left out, it follows the metric's words."))

    @model_validator(mode="before")
    @classmethod
    def _counts_from_metric(cls, data: object) -> object:
        if isinstance(data, dict) and "counts" not in data and isinstance(data.get("metric"), str):
            return {**data, "counts": counts_for_metric(data["metric"])}
        return data


class Accountability(Part):
    targets: list[Target] = Field(default_factory=list)
    review: Text = Field("", description="How and when the targets are reviewed.")
    daily_touch_capacity: int = Field(25, ge=1, le=500,
                                      description="Most touches a rep does in a day.")
    holiday_country: HolidayCountry = Field(
        "", description="Where the reps work, for the weekend and public holidays their schedules "
                        "skip: a country code such as DE or IL (a rep may have their own).")
    holiday_subdivision: HolidaySubdivision = Field(
        "", description="The country's state, canton or region whose holidays apply, e.g. BY.")

    @model_validator(mode="after")
    def _subdivision_of_country(self) -> Accountability:
        _check_subdivision(self.holiday_country, self.holiday_subdivision)
        return self


class Rep(Part):
    id: Id = Field(default_factory=lambda: new_id("rep"))
    name: Name
    email: Email = ""
    territory: Text = ""
    account_ids: list[Id] = Field(default_factory=list)
    start_date: PlanDate | None = None
    holiday_country: HolidayCountry = Field(
        "", description="Where the rep works, if not in the plan's country: a country code.")
    holiday_subdivision: HolidaySubdivision = Field(
        "", description="The rep's state, canton or region, e.g. BY (with the rep's country).")
    language: RepLanguage = Field(
        "", description="The language of the rep's edition (en, de, fr, es); \"\" = the plan's.")

    @model_validator(mode="after")
    def _subdivision_of_country(self) -> Rep:
        _check_subdivision(self.holiday_country, self.holiday_subdivision)
        return self


class Plan(Part):
    format: Literal["prospector-plan"] = FORMAT_NAME
    schema_version: int = SCHEMA_VERSION
    name: Name
    id: Id = Field(default_factory=lambda: new_id("plan"))
    basics: PlanBasics = Field(default_factory=PlanBasics)
    ideal_client_profile: IdealClientProfile = Field(default_factory=IdealClientProfile)
    accounts: list[TargetAccount] = Field(default_factory=list)
    personas: list[Persona] = Field(default_factory=list)
    touches: list[ValueTouch] = Field(default_factory=list)
    differentiators: list[Differentiator] = Field(default_factory=list)
    objections: list[Objection] = Field(default_factory=list)
    questions: list[DiscoveryQuestion] = Field(default_factory=list)
    qualification: Qualification = Field(default_factory=Qualification)
    cadences: list[Cadence] = Field(default_factory=list)
    accountability: Accountability = Field(default_factory=Accountability)
    reps: list[Rep] = Field(default_factory=list)
    actuals: Actuals = Field(default_factory=Actuals, description=(
        "What the reps did: facts imported from CRM exports and weekly figures entered by hand."))

    @field_validator("schema_version")
    @classmethod
    def _current_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(
                f"is {value}; this version of Prospector reads version {SCHEMA_VERSION} "
                "(older files are migrated by load_plan)"
            )
        return value

    @model_validator(mode="after")
    def _references_resolve(self) -> Plan:
        problems: list[str] = []
        _unique(problems, "accounts", [a.id for a in self.accounts])
        _unique(problems, "personas", [p.id for p in self.personas])
        _unique(problems, "touches", [t.id for t in self.touches])
        _unique(problems, "differentiators", [d.id for d in self.differentiators])
        _unique(problems, "objections", [o.id for o in self.objections])
        _unique(problems, "questions", [q.id for q in self.questions])
        _unique(problems, "cadences", [c.id for c in self.cadences])
        _unique(problems, "reps", [r.id for r in self.reps])
        personas = {p.id for p in self.personas}
        touches = {t.id for t in self.touches}
        accounts = {a.id for a in self.accounts}
        for i, acc in enumerate(self.accounts):
            for j, contact in enumerate(acc.contacts):
                if contact.persona_id and contact.persona_id not in personas:
                    problems.append(
                        f"accounts[{i}].contacts[{j}].persona_id: no persona has id "
                        f"'{contact.persona_id}'"
                    )
        for i, touch in enumerate(self.touches):
            for pid in touch.persona_ids:
                if pid not in personas:
                    problems.append(f"touches[{i}].persona_ids: no persona has id '{pid}'")
        differentiators = {d.id for d in self.differentiators}
        for section, lists in (("objections", [o.persona_ids for o in self.objections]),
                               ("questions", [q.persona_ids for q in self.questions])):
            for i, persona_ids in enumerate(lists):
                for pid in persona_ids:
                    if pid not in personas:
                        problems.append(f"{section}[{i}].persona_ids: no persona has id '{pid}'")
        for i, objection in enumerate(self.objections):
            if objection.differentiator_id and objection.differentiator_id not in differentiators:
                problems.append(f"objections[{i}].differentiator_id: no differentiator has id "
                                f"'{objection.differentiator_id}'")
        for i, cadence in enumerate(self.cadences):
            for pid in cadence.persona_ids:
                if pid not in personas:
                    problems.append(f"cadences[{i}].persona_ids: no persona has id '{pid}'")
            for j, step in enumerate(cadence.steps):
                if step.touch_id and step.touch_id not in touches:
                    problems.append(
                        f"cadences[{i}].steps[{j}].touch_id: no touch has id '{step.touch_id}'"
                    )
        for i, rep in enumerate(self.reps):
            for aid in rep.account_ids:
                if aid not in accounts:
                    problems.append(f"reps[{i}].account_ids: no account has id '{aid}'")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # --- look-ups used by the renderer, the coach and the app -------------------------------
    def persona(self, persona_id: str) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)

    def touch(self, touch_id: str | None) -> ValueTouch | None:
        return next((t for t in self.touches if t.id == touch_id), None)

    def differentiator(self, differentiator_id: str | None) -> Differentiator | None:
        return next((d for d in self.differentiators if d.id == differentiator_id), None)

    def account(self, account_id: str) -> TargetAccount | None:
        return next((a for a in self.accounts if a.id == account_id), None)

    def rep_named(self, name: str) -> Rep | None:
        wanted = name.strip().casefold()
        return next((r for r in self.reps if r.name.casefold() == wanted or r.id == name), None)

    def language_of(self, rep: Rep | None) -> str:
        """The language an edition prints in: the rep's own, else the plan's (the leader's
        edition, ``rep=None``, prints in the plan's)."""
        return (rep.language if rep is not None and rep.language else self.basics.language)

    def accounts_in_tier(self, tier: str) -> list[TargetAccount]:
        return [a for a in self.accounts if a.tier == tier]

    def cadence_for(self, account: TargetAccount) -> Cadence | None:
        """The first cadence meant for this account's tier (a cadence with no tiers fits all)."""
        for cadence in self.cadences:
            if not cadence.tiers or account.tier in cadence.tiers:
                return cadence
        return None


def _unique(problems: list[str], section: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(f"{section}[{i}].id: '{item_id}' is used twice; ids must be unique")
        seen.add(item_id)
