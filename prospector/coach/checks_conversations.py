"""Rules on the sales conversations: objections, discovery questions and what counts as an
opportunity (shared METHOD.md, "Sales conversations")."""

from __future__ import annotations

from ..model import FRAMEWORK_LABELS, Objection
from .rules import SECTION_TITLES, Context, Hit, plural, rule, short
from .substance import asks_only_for_time, question_sentences, quotes_a_case
from .text import (
    REFLEX_LABELS,
    REFLEX_OBJECTIONS,
    about_us,
    argues_first,
    invites_to_tell,
    is_closed_question,
    lists_features,
    mentions,
    reflexes_in,
)


def _quoted(items: list[str], limit: int = 5) -> str:
    """“a”, “b” and “c”; past ``limit`` items, “a”, “b” and 3 more."""
    quoted = [f"“{item}”" for item in items[:limit]]
    if len(items) > limit:
        return ", ".join(quoted) + f" and {len(items) - limit} more"
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _says(objection: Objection) -> str:
    return short(objection.says)


# --- objections --------------------------------------------------------------------------------
_REFLEXES = ", ".join(label for _, label, _ in REFLEX_OBJECTIONS)


@rule(
    "objections-none", section="objections", severity="warning",
    title="No objection library",
    trips="The plan has cadences and no objections.",
    why="Every campaign meets the same few reflexes (" + _REFLEXES + "). A rep with no answer "
        "ready hears them as a no, and the touches that earned the call are wasted.",
    fix="Write the objections your reps hear most, the reflexes first, in the client's words, "
        "each with a response that asks before it answers and the proof behind it.",
)
def _objections_none(ctx: Context):
    if ctx.plan.cadences and not ctx.plan.objections:
        yield Hit(None, SECTION_TITLES["objections"],
                  "The campaign has no objection library: reps meet “send me some information” "
                  "with nothing ready to say.")


@rule(
    "objections-reflexes-missing", section="objections", severity="warning",
    title="Reflex objections the library does not answer",
    trips="The plan has objections, and none of them says one of the reflexes every prospecting "
          "campaign meets: " + _REFLEXES + ". They are recognised by meaning (“send me a "
          "brochure”, “we're happy with our current vendor”, “call me next quarter”, “the "
          "budget is spent”, “drop me a line”).",
    why="Objections in prospecting are mostly reflexes, not decisions: the same few come in every "
        "campaign, often in the first seconds of a call. These are the ones a rep must answer "
        "without thinking.",
    fix="Add the missing reflexes in the client's words, each with a response that acknowledges, "
        "asks what is behind it, offers one piece of value or proof and asks for a small next "
        "step.",
)
def _objections_reflexes_missing(ctx: Context):
    if not ctx.plan.objections:
        return
    covered: set[str] = set()
    for objection in ctx.plan.objections:
        covered |= reflexes_in(objection.says)
    missing = [REFLEX_LABELS[key] for key, _, _ in REFLEX_OBJECTIONS if key not in covered]
    if missing:
        which = "it" if len(missing) == 1 else "them"
        yield Hit(None, SECTION_TITLES["objections"],
                  f"The library has no response to {_quoted(missing)}: every prospecting "
                  f"campaign meets {which}.", field="says")


@rule(
    "objection-no-response", section="objections", severity="warning",
    title="Objection without a response",
    trips="An objection has no response.",
    why="The objection will come, on the phone, with no time to think. Without the leader's "
        "words the rep gives up, or argues, and the conversation ends either way.",
    fix="Write what the rep says: acknowledge, ask what is behind it, offer one piece of value "
        "or proof, and ask for a small next step.",
)
def _objection_no_response(ctx: Context):
    for objection in ctx.plan.objections:
        if not objection.response:
            yield Hit(objection.id, _says(objection),
                      f"“{_says(objection)}” has no response: the rep is on their own when "
                      "they hear it.", field="response")


@rule(
    "objection-response-no-question", section="objections", severity="warning",
    title="Response that answers without asking",
    trips="A response asks the client nothing about them: no question (a question mark, or "
          "“tell me …”, “walk me through …”), or only questions that ask for a meeting (“Can we "
          "put 15 minutes in the diary?”, “When can I come by?”).",
    why="An objection is rarely the real reason. A response that only answers takes the words "
        "at face value, and one that only asks for a meeting again repeats the request the "
        "client has just turned down: either way the rep never learns what is behind the "
        "objection, and the conversation ends.",
    fix="After acknowledging, ask one question that uncovers what is behind the objection, e.g. "
        "“Most teams we talk to do. What would have to be true for you to compare the two?”, "
        "then offer one proof and ask for a small next step.",
)
def _objection_response_no_question(ctx: Context):
    for objection in ctx.plan.objections:
        response = objection.response
        if not response or invites_to_tell(response):
            continue
        asked = question_sentences(response)
        if any(not asks_only_for_time(q) for q in asked):
            continue
        what = ("only asks for a meeting (“" + short(asked[0].strip(), 50) + "”)" if asked
                else "asks the client nothing")
        yield Hit(objection.id, _says(objection),
                  f"The response to “{_says(objection)}” {what}.", field="response")


@rule(
    "objection-response-argues", section="objections", severity="warning",
    title="Response that argues or pitches",
    trips="A response opens by contradicting the client (“But …”, “Actually …”, “That's not "
          "true”, “Yes, but …”, “I understand, but our …”, “You'd be surprised”, “That's exactly "
          "why you need us”), lists our features (“Our solution includes dashboards, alerts, "
          "apps …”), or speaks of us (we, our, us, our company's name) at least "
          "{min_self_mentions_for_pitch} times and more often than of the client (you, your).",
    why="Arguing makes the client defend the objection, and a list of our features answers a "
        "question nobody asked. Both close the conversation the response was meant to keep "
        "open.",
    fix="Acknowledge first, then ask about their situation; keep to one piece of value or proof "
        "about their business, and ask for a small next step.",
    thresholds=("min_self_mentions_for_pitch",),
)
def _objection_response_argues(ctx: Context):
    company = ctx.plan.basics.company
    for objection in ctx.plan.objections:
        response = objection.response
        if not response:
            continue
        opening = argues_first(response)
        if opening:
            yield Hit(objection.id, _says(objection),
                      f"The response to “{_says(objection)}” opens with “{opening.capitalize()}”: "
                      "it argues with the client.", field="response")
            continue
        features = lists_features(response)
        if features:
            yield Hit(objection.id, _says(objection),
                      f"The response to “{_says(objection)}” lists our features "
                      f"(“{features.capitalize()} …”): it pitches instead of asking.",
                      field="response")
            continue
        us, client = mentions(response, company)
        if us >= ctx.th.min_self_mentions_for_pitch and us > client:
            yield Hit(objection.id, _says(objection),
                      f"The response to “{_says(objection)}” speaks of us "
                      f"{plural(us, 'time')} and of the client {_times(client)}: it pitches "
                      "instead of asking.", field="response")


def _times(n: int) -> str:
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{n} times")


@rule(
    "objection-no-proof", section="objections", severity="warning",
    title="Response without proof",
    trips="An objection's response is written, and the objection has neither a differentiator "
          "nor a proof of its own.",
    why="A response without proof asks the client to take our word for it. A case, a number or "
        "a differentiator the rep can name is what makes the small next step worth the client's "
        "time.",
    fix="Link the differentiator that answers this objection, or add a case or a number (a named "
        "client, a result) the rep can quote.",
)
def _objection_no_proof(ctx: Context):
    for objection in ctx.plan.objections:
        if (objection.response and not objection.differentiator_id and not objection.proof
                and not quotes_a_case(objection.response)):  # a named client and a result
            yield Hit(objection.id, _says(objection),
                      f"The response to “{_says(objection)}” points to no proof.", field="proof")


# --- discovery questions -----------------------------------------------------------------------
@rule(
    "questions-none", section="questions", severity="warning",
    title="No discovery questions",
    trips="The plan has cadences and no discovery questions.",
    why="The campaign earns a first meeting; the questions decide whether it becomes an "
        "opportunity. Without them reps fill the meeting with a presentation about us.",
    fix="Write open questions about the client's situation, goals, problems and what they cost, "
        "tied to the value you create, for each persona and each stage.",
)
def _questions_none(ctx: Context):
    if ctx.plan.cadences and not ctx.plan.questions:
        yield Hit(None, SECTION_TITLES["questions"],
                  "The campaign has no discovery questions for the meetings it earns.")


@rule(
    "question-closed", section="questions", severity="warning",
    title="Closed question",
    trips="A discovery question can be answered by yes or no: it opens with a verb such as Are, "
          "Is, Do, Did, Can, Would, Have or Should (after any clause that sets the scene), unless "
          "it offers alternatives (“Is it the press line or the extruders …?”) or asks for a "
          "story (“Could you walk me through …?”); or it ends with “…, don't you?”. Questions "
          "about us are left to question-about-us.",
    why="A yes or a no ends the conversation the question was meant to open and says nothing "
        "about the cost of the problem: “Are you happy with your supplier?” gets “yes”.",
    fix="Ask it open, with what, how, which or where: “How do you compare suppliers today?”, "
        "“What did the last delay cost you, and who had to explain it?”",
)
def _question_closed(ctx: Context):
    company = ctx.plan.basics.company
    for question in ctx.plan.questions:
        if is_closed_question(question.question) and not about_us(question.question, company):
            label = short(question.question)
            yield Hit(question.id, label, f"“{label}” can be answered with a yes or a no.",
                      field="question")


@rule(
    "question-about-us", section="questions", severity="warning",
    title="Question about us, not the client",
    trips="A discovery question asks about us: our product or company (by name), a demo, “us” "
          "(“Have you heard of us?”), or whether they would like to see or are interested in "
          "what we sell.",
    why="Discovery is about the client's situation, goals and problems. A question about us is a "
        "pitch in disguise: the client learns nothing about their business, and we learn "
        "nothing we can use.",
    fix="Ask about their business instead, tied to the value you create: “How do you measure the "
        "cost of an hour of unplanned stop today?”",
)
def _question_about_us(ctx: Context):
    company = ctx.plan.basics.company
    for question in ctx.plan.questions:
        if about_us(question.question, company):
            label = short(question.question)
            yield Hit(question.id, label, f"“{label}” is about us, not about the client.",
                      field="question")


@rule(
    "questions-persona-uncovered", section="questions", severity="warning",
    title="Persona without discovery questions",
    trips="The plan has discovery questions, a cadence reaches this persona (a cadence with no "
          "personas reaches them all), and no question is for them (a question with no personas "
          "is for everyone).",
    why="A rep on the phone with this person needs questions about what they are responsible "
        "for. With none written for the role, the rep asks another role's questions, or "
        "presents.",
    fix="Write two or three open questions about what this role is responsible for and cares "
        "about, or add the persona to a question that fits them.",
)
def _questions_persona_uncovered(ctx: Context):
    plan = ctx.plan
    if not plan.questions or not plan.cadences:
        return
    if any(not q.persona_ids for q in plan.questions):
        return  # a question for everyone
    asked = {pid for q in plan.questions for pid in q.persona_ids}
    everyone = any(not c.persona_ids for c in plan.cadences)
    reached = {pid for c in plan.cadences for pid in c.persona_ids}
    for persona in plan.personas:
        if (everyone or persona.id in reached) and persona.id not in asked:
            yield Hit(None, persona.role,
                      f"No discovery question is written for the {persona.role}, whom the "
                      "campaign reaches.", field="persona_ids")


# --- what counts as an opportunity -------------------------------------------------------------
_QUALIFICATION = SECTION_TITLES["qualification"]


@rule(
    "qualification-opportunities-undefined", section="qualification", severity="blocker",
    title="Opportunities counted with no definition",
    trips="A target counts towards opportunity creation, and the plan has no criteria for what "
          "counts as an opportunity.",
    why="Every rep must count “opportunities created” the same way. Without a definition each "
        "counts differently, the weekly review compares different things, and the number the "
        "team is held to means nothing.",
    fix="Choose a definition (pain, impact, timeline and authority; BANT; MEDDICC; SPICED) and "
        "write for each criterion what the first meeting must show.",
)
def _opportunities_undefined(ctx: Context):
    qualification = ctx.plan.qualification
    if qualification.criteria:
        return
    counted = [t.metric for t in ctx.plan.accountability.targets if t.creates_opportunities]
    if not counted:
        return
    verb = "counts" if len(counted) == 1 else "count"
    chosen = ""
    if qualification.framework:
        chosen = (f" ({FRAMEWORK_LABELS[qualification.framework]} is chosen, but none of its "
                  "criteria is written)")
    yield Hit(None, _QUALIFICATION,
              f"{_quoted(counted, limit=2)} {verb} opportunities with no definition{chosen}: "
              "every rep will count differently.",
              field="criteria")


@rule(
    "qualification-criterion-no-must-show", section="qualification", severity="warning",
    title="Criterion that does not say what the meeting must show",
    trips="A criterion of the opportunity definition does not say what the first meeting must "
          "show.",
    why="“Pain” means one thing to one rep and another to the next. The definition makes reps "
        "count alike only when each criterion says what the buyer must have said or agreed.",
    fix="Write what the meeting must show for this criterion, e.g. for Pain: “The buyer names a "
        "problem we solve, on a named line, in their own words.”",
)
def _criterion_no_must_show(ctx: Context):
    for criterion in ctx.plan.qualification.criteria:
        if not criterion.must_show:  # a criterion has no id: the app finds it by its name
            yield Hit(criterion.name, criterion.name,
                      f"“{criterion.name}” does not say what the first meeting must show.",
                      field="criteria")
