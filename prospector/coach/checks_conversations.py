"""Rules on the sales conversations: objections, discovery questions and what counts as an
opportunity (shared METHOD.md, "Sales conversations")."""

from __future__ import annotations

from ..model import FRAMEWORK_LABELS, Objection
from .language import detect
from .rules import Context, Hit, rule, short
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
    response_itself,
)
from .wording import T_, quote_list, translated


def _says(objection: Objection) -> str:
    return short(objection.says)


# The frameworks' names a finding may quote, for the catalog (FRAMEWORK_LABELS declares them).
_FRAMEWORK_NAMES = (T_("Pain, impact, timeline, authority"), T_("Our own criteria"))


# --- objections --------------------------------------------------------------------------------
_REFLEXES = ", ".join(label for _, label, _ in REFLEX_OBJECTIONS)


@rule(
    "objections-none", section="objections", severity="warning",
    title=T_("No objection library"),
    trips="The plan has cadences and no objections.",
    why=T_("Every campaign meets the same few reflexes (send me some information, we already "
           "have a supplier, no budget, not now, just send an e-mail). A rep with no answer ready "
           "hears them as a no, and the touches that earned the call are wasted."),
    fix=T_("Write the objections your reps hear most, the reflexes first, in the client's "
           "words, each with a response that asks before it answers and the proof behind it."),
)
def _objections_none(ctx: Context):
    if ctx.plan.cadences and not ctx.plan.objections:
        yield Hit(None, ctx.section_title("objections"),
                  ctx.say("The campaign has no objection library: reps meet “send me some "
                          "information” with nothing ready to say."))


@rule(
    "objections-reflexes-missing", section="objections", severity="warning",
    title=T_("Reflex objections the library does not answer"),
    trips="The plan has objections, and none of them says one of the reflexes every prospecting "
          "campaign meets: " + _REFLEXES + ". They are recognised by meaning (“send me a "
          "brochure”, “we're happy with our current vendor”, “call me next quarter”, “the "
          "budget is spent”, “drop me a line”).",
    why=T_("Objections in prospecting are mostly reflexes, not decisions: the same few come in "
           "every campaign, often in the first seconds of a call. These are the ones a rep must "
           "answer without thinking."),
    fix=T_("Add the missing reflexes in the client's words, each with a response that "
           "acknowledges, asks what is behind it, offers one piece of value or proof and asks for "
           "a small next step."),
)
def _objections_reflexes_missing(ctx: Context):
    if not ctx.plan.objections:
        return
    covered: set[str] = set()
    for objection in ctx.plan.objections:
        covered |= reflexes_in(objection.says)
    missing = [translated(ctx.language, REFLEX_LABELS[key])
               for key, _, _ in REFLEX_OBJECTIONS if key not in covered]
    if missing:
        yield Hit(None, ctx.section_title("objections"),
                  ctx.say_n("The library has no response to {reflexes}: every prospecting "
                            "campaign meets it.",
                            "The library has no response to {reflexes}: every prospecting "
                            "campaign meets them.", len(missing),
                            reflexes=quote_list(missing, ctx.language, limit=5)), field="says")


@rule(
    "objection-no-response", section="objections", severity="warning",
    title=T_("Objection without a response"),
    trips="An objection has no response.",
    why=T_("The objection will come, on the phone, with no time to think. Without the leader's "
           "words the rep gives up, or argues, and the conversation ends either way."),
    fix=T_("Write what the rep says: acknowledge, ask what is behind it, offer one piece of "
           "value or proof, and ask for a small next step."),
)
def _objection_no_response(ctx: Context):
    for objection in ctx.plan.objections:
        if not objection.response:
            yield Hit(objection.id, _says(objection),
                      ctx.say("“{says}” has no response: the rep is on their own when they "
                              "hear it.", says=_says(objection)), field="response")


@rule(
    "objection-response-no-question", section="objections", severity="warning",
    title=T_("Response that answers without asking"),
    trips="A response asks the client nothing about them: no question (a question mark, or "
          "“tell me …”, “walk me through …”), or only questions that ask for a meeting (“Can we "
          "put 15 minutes in the diary?”, “When can I come by?”, “Does Tuesday the 9th at 10am "
          "work for you?”). A response written after the objection it answers (“Objection: … – "
          "Response: …”) is read from the response.",
    why=T_("An objection is rarely the real reason. A response that only answers takes the "
           "words at face value, and one that only asks for a meeting again repeats the request "
           "the client has just turned down: either way the rep never learns what is behind the "
           "objection, and the conversation ends."),
    fix=T_("After acknowledging, ask one question that uncovers what is behind the objection, "
           "e.g. “Most teams we talk to do. What would have to be true for you to compare the "
           "two?”, then offer one proof and ask for a small next step."),
)
def _objection_response_no_question(ctx: Context):
    for objection in ctx.plan.objections:
        response = response_itself(objection.response)
        if not response or invites_to_tell(response):
            continue
        asked = question_sentences(response)
        language = detect(response)
        if any(not asks_only_for_time(q, language) for q in asked):
            continue
        if asked:
            message = ctx.say("The response to “{says}” only asks for a meeting (“{question}”).",
                              says=_says(objection), question=short(asked[0].strip(), 50))
        else:
            message = ctx.say("The response to “{says}” asks the client nothing.",
                              says=_says(objection))
        yield Hit(objection.id, _says(objection), message, field="response")


@rule(
    "objection-response-argues", section="objections", severity="warning",
    title=T_("Response that argues or pitches"),
    trips="A response opens by contradicting the client (“But …”, “Actually …”, “That's not "
          "true”, “Yes, but …”, “I understand, but our …”, “You'd be surprised”, “That's exactly "
          "why you need us”, “Most are only happy because they have never compared”, “We're "
          "12% cheaper”), lists our features (“Our solution includes dashboards, alerts, apps "
          "…”, “The subscription includes training, hosting, updates …”), or speaks of us (we, "
          "our, us, our company's name) at least "
          "{min_self_mentions_for_pitch} times and more often than of the client (you, your).",
    why=T_("Arguing makes the client defend the objection, and a list of our features answers a "
           "question nobody asked. Both close the conversation the response was meant to keep "
           "open."),
    fix=T_("Acknowledge first, then ask about their situation; keep to one piece of value or "
           "proof about their business, and ask for a small next step."),
    thresholds=("min_self_mentions_for_pitch",),
)
def _objection_response_argues(ctx: Context):
    company = ctx.plan.basics.company
    for objection in ctx.plan.objections:
        response = response_itself(objection.response)
        if not response:
            continue
        opening = argues_first(response)
        if opening:
            yield Hit(objection.id, _says(objection),
                      ctx.say("The response to “{says}” opens with “{opening}”: it argues with "
                              "the client.", says=_says(objection),
                              opening=opening.capitalize()), field="response")
            continue
        features = lists_features(response)
        if features:
            yield Hit(objection.id, _says(objection),
                      ctx.say("The response to “{says}” lists our features (“{features} …”): "
                              "it pitches instead of asking.", says=_says(objection),
                              features=features.capitalize()),
                      field="response")
            continue
        us, client = mentions(response, company)
        if us >= ctx.th.min_self_mentions_for_pitch and us > client:
            yield Hit(objection.id, _says(objection),
                      ctx.say("The response to “{says}” speaks of us {us} and of the client "
                              "{client}: it pitches instead of asking.", says=_says(objection),
                              us=_times(ctx, us), client=_times(ctx, client)),
                      field="response")


def _times(ctx: Context, n: int) -> str:
    if n == 0:
        return ctx.say("never")
    return ctx.say_n("once", "{n} times", n)


@rule(
    "objection-no-proof", section="objections", severity="warning",
    title=T_("Response without proof"),
    trips="An objection's response is written, and the objection has neither a differentiator "
          "nor a proof of its own.",
    why=T_("A response without proof asks the client to take our word for it. A case, a number "
           "or a differentiator the rep can name is what makes the small next step worth the "
           "client's time."),
    fix=T_("Link the differentiator that answers this objection, or add a case or a number (a "
           "named client, a result) the rep can quote."),
)
def _objection_no_proof(ctx: Context):
    for objection in ctx.plan.objections:
        if (objection.response and not objection.differentiator_id and not objection.proof
                and not quotes_a_case(objection.response)):  # a named client and a result
            yield Hit(objection.id, _says(objection),
                      ctx.say("The response to “{says}” points to no proof.",
                              says=_says(objection)), field="proof")


# --- discovery questions -----------------------------------------------------------------------
@rule(
    "questions-none", section="questions", severity="warning",
    title=T_("No discovery questions"),
    trips="The plan has cadences and no discovery questions.",
    why=T_("The campaign earns a first meeting; the questions decide whether it becomes an "
           "opportunity. Without them reps fill the meeting with a presentation about us."),
    fix=T_("Write open questions about the client's situation, goals, problems and what they "
           "cost, tied to the value you create, for each persona and each stage."),
)
def _questions_none(ctx: Context):
    if ctx.plan.cadences and not ctx.plan.questions:
        yield Hit(None, ctx.section_title("questions"),
                  ctx.say("The campaign has no discovery questions for the meetings it earns."))


@rule(
    "question-closed", section="questions", severity="warning",
    title=T_("Closed question"),
    trips="A discovery question can be answered by yes or no: it opens with a verb such as Are, "
          "Is, Do, Did, Can, Would, Have or Should (after any clause that sets the scene), unless "
          "it offers alternatives (“Is it the press line or the extruders …?”) or asks for a "
          "story (“Could you walk me through …?”); or it ends with “…, don't you?”. Questions "
          "about us are left to question-about-us.",
    why=T_("A yes or a no ends the conversation the question was meant to open and says nothing "
           "about the cost of the problem: “Are you happy with your supplier?” gets “yes”."),
    fix=T_("Ask it open, with what, how, which or where: “How do you compare suppliers today?”, "
           "“What did the last delay cost you, and who had to explain it?”"),
)
def _question_closed(ctx: Context):
    company = ctx.plan.basics.company
    for question in ctx.plan.questions:
        if is_closed_question(question.question) and not about_us(question.question, company):
            label = short(question.question)
            yield Hit(question.id, label,
                      ctx.say("“{question}” can be answered with a yes or a no.", question=label),
                      field="question")


@rule(
    "question-about-us", section="questions", severity="warning",
    title=T_("Question about us, not the client"),
    trips="A discovery question asks about us: our product or company (by name), a demo, “us” "
          "(“Have you heard of us?”), or whether they would like to see or are interested in "
          "what we sell.",
    why=T_("Discovery is about the client's situation, goals and problems. A question about us "
           "is a pitch in disguise: the client learns nothing about their business, and we learn "
           "nothing we can use."),
    fix=T_("Ask about their business instead, tied to the value you create: “How do you measure "
           "the cost of an hour of unplanned stop today?”"),
)
def _question_about_us(ctx: Context):
    company = ctx.plan.basics.company
    for question in ctx.plan.questions:
        if about_us(question.question, company):
            label = short(question.question)
            yield Hit(question.id, label,
                      ctx.say("“{question}” is about us, not about the client.", question=label),
                      field="question")


@rule(
    "questions-persona-uncovered", section="questions", severity="warning",
    title=T_("Persona without discovery questions"),
    trips="The plan has discovery questions, a cadence reaches this persona (a cadence with no "
          "personas reaches them all), and no question is for them (a question with no personas "
          "is for everyone).",
    why=T_("A rep on the phone with this person needs questions about what they are responsible "
           "for. With none written for the role, the rep asks another role's questions, or "
           "presents."),
    fix=T_("Write two or three open questions about what this role is responsible for and cares "
           "about, or add the persona to a question that fits them."),
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
                      ctx.say("No discovery question is written for the {role}, whom the "
                              "campaign reaches.", role=persona.role), field="persona_ids")


# --- what counts as an opportunity -------------------------------------------------------------
_QUALIFICATION = "qualification"


@rule(
    "qualification-opportunities-undefined", section="qualification", severity="blocker",
    title=T_("Opportunities counted with no definition"),
    trips="A target counts towards opportunity creation, and the plan has no criteria for what "
          "counts as an opportunity.",
    why=T_("Every rep must count “opportunities created” the same way. Without a definition "
           "each counts differently, the weekly review compares different things, and the number "
           "the team is held to means nothing."),
    fix=T_("Choose a definition (pain, impact, timeline and authority; BANT; MEDDICC; SPICED) "
           "and write for each criterion what the first meeting must show."),
)
def _opportunities_undefined(ctx: Context):
    qualification = ctx.plan.qualification
    if qualification.criteria:
        return
    counted = [t.metric for t in ctx.plan.accountability.targets if t.creates_opportunities]
    if not counted:
        return
    targets = quote_list(counted, ctx.language, limit=2)
    if qualification.framework:
        message = ctx.say_n(
            "{targets} counts opportunities with no definition ({framework} is chosen, but none "
            "of its criteria is written): every rep will count differently.",
            "{targets} count opportunities with no definition ({framework} is chosen, but none "
            "of its criteria is written): every rep will count differently.", len(counted),
            targets=targets,
            framework=translated(ctx.language, FRAMEWORK_LABELS[qualification.framework]))
    else:
        message = ctx.say_n("{targets} counts opportunities with no definition: every rep will "
                            "count differently.",
                            "{targets} count opportunities with no definition: every rep will "
                            "count differently.", len(counted), targets=targets)
    yield Hit(None, ctx.section_title(_QUALIFICATION), message, field="criteria")


@rule(
    "qualification-criterion-no-must-show", section="qualification", severity="warning",
    title=T_("Criterion that does not say what the meeting must show"),
    trips="A criterion of the opportunity definition does not say what the first meeting must "
          "show.",
    why=T_("“Pain” means one thing to one rep and another to the next. The definition makes "
           "reps count alike only when each criterion says what the buyer must have said or "
           "agreed."),
    fix=T_("Write what the meeting must show for this criterion, e.g. for Pain: “The buyer "
           "names a problem we solve, on a named line, in their own words.”"),
)
def _criterion_no_must_show(ctx: Context):
    for criterion in ctx.plan.qualification.criteria:
        if not criterion.must_show:  # a criterion has no id: the app finds it by its name
            yield Hit(criterion.name, criterion.name,
                      ctx.say("“{name}” does not say what the first meeting must show.",
                              name=criterion.name),
                      field="criteria")
