"""Rules on what the reps say: value-creating touches and differentiators."""

from __future__ import annotations

from ..model import Channel, ValueTouch
from .rules import Context, Hit, rule, short
from .substance import (
    concrete,
    empty_phrases_of_title,
    empty_phrases_used,
    only_contact,
    self_praise,
    value_problem,
)
from .text import EMPTY_PHRASES, GENERIC_CLAIMS, fewer_words_than, has_merge_field, word_count
from .thresholds import Thresholds
from .wording import T_, field_names, quote_list

_WRITTEN = frozenset({Channel.EMAIL, Channel.SOCIAL, Channel.MAIL, Channel.VIDEO})
_SHORT_FORM = frozenset({Channel.EMAIL, Channel.SOCIAL})
_TOO_LONG = {Channel.EMAIL: T_("The email “{title}” runs to {words} words."),
             Channel.SOCIAL: T_("The social message “{title}” runs to {words} words.")}


def _value_missing(touch: ValueTouch, th: Thresholds) -> bool:
    """No value, or a value that is nothing but empty phrases (``Just checking in.``)."""
    if not touch.value:
        return True
    if only_contact(touch.value):  # a connection request, a greeting after a fair
        return True
    if not EMPTY_PHRASES.search(touch.value):
        return False
    rest = EMPTY_PHRASES.strip(touch.value).strip(" .,!?;:-")
    return word_count(rest) <= th.max_words_besides_empty_phrases


# --- touches -----------------------------------------------------------------------------------
@rule(
    "touches-none", section="touches", severity="blocker",
    title=T_("No value-creating touches"),
    trips="The plan has no touches.",
    why=T_("Touches are the tools that open relationships. Without them the reps improvise, and "
           "an improvised touch is usually \"just checking in\"."),
    fix=T_("Write the touches the campaign will deliver: for each, the channel, the insight it "
           "gives the client, who it is for and the words to use."),
)
def _touches_none(ctx: Context):
    if not ctx.plan.touches:
        yield Hit(None, ctx.section_title("touches"),
                  ctx.say("The plan has no value-creating touches."))


@rule(
    "touch-no-value", section="touches", severity="blocker",
    title=T_("Touch that gives the client nothing"),
    trips="A touch's value is empty, is nothing but empty phrases (at most "
          "{max_words_besides_empty_phrases} other words), or holds nothing but the contact "
          "itself (a connection request, a card with good wishes, a greeting after a fair, a "
          "courtesy call or a call just to say hello, a post liked or a promotion congratulated "
          "on) with no finding, no news and no ask.",
    why=T_("Every touch spends some of the client's time and some of your credibility. A touch "
           "that gives nothing teaches the prospect to ignore the next one. A plan with 40 empty "
           "touches is worse than one with 10 that each help the client."),
    fix=T_("State the insight or idea the client takes away: a number about their business, a "
           "risk they have not seen, an idea from a peer. If there is none, cut the touch."),
    thresholds=("max_words_besides_empty_phrases",),
)
def _touch_no_value(ctx: Context):
    for touch in ctx.plan.touches:
        if _value_missing(touch, ctx.th):
            if not touch.value:
                message = ctx.say("“{title}” states no value: the client gets nothing from it.",
                                  title=touch.title)
            else:
                message = ctx.say("“{title}” offers only “{value}”: the client gets nothing from "
                                  "it.", title=touch.title, value=touch.value.rstrip(".!… "))
            yield Hit(touch.id, touch.title, message, field="value")


def _problem(touch: ValueTouch, th: Thresholds, kind: str) -> str | None:
    """The words that make a touch's value ``kind`` ("asks-for-time" or "about-us"), when it
    gives the client nothing about their business."""
    if _value_missing(touch, th):
        return None  # touch-no-value says it
    problem = value_problem(touch.value)
    return problem[1] if problem and problem[0] == kind else None


@rule(
    "touch-asks-for-time", section="touches", severity="blocker",
    title=T_("Touch that asks for their time and gives nothing"),
    trips="A touch's value asks for the client's time or attention (a quick chat, minutes on "
          "their calendar, a reminder of our last message, \"any thoughts?\") in any wording, "
          "and gives them nothing about their business: no number, comparison, finding, risk or "
          "resource they can use without us.",
    why=T_("Asking for time is not value, whatever the words: the client pays for our call with "
           "their time and learns nothing. Such a touch is \"just checking in\" in other words, "
           "and it gives nothing, so it is a blocker like a touch with no value: it teaches the "
           "prospect to ignore the next one. Value earns the ask; a touch may ask for a meeting "
           "when it also gives something (\"45 minutes to build their cost baseline, which they "
           "keep\")."),
    fix=T_("Give before you ask: bring a number about their business, a comparison with peers "
           "or a finding, and let the ask be for a session whose result they keep. If there is "
           "nothing to give yet, cut the touch."),
)
def _touch_asks_for_time(ctx: Context):
    for touch in ctx.plan.touches:
        words = _problem(touch, ctx.th, "asks-for-time")
        if words:
            yield Hit(touch.id, touch.title,
                      ctx.say("“{title}” asks for their time (“{words}”) and gives them nothing "
                              "about their business.", title=touch.title, words=words),
                      field="value")


@rule(
    "touch-about-us", section="touches", severity="warning",
    title=T_("Touch about us, not the client"),
    trips="A touch's value is about us (a demo of our features, our press release, our award, "
          "our funding, our new office, an introduction of our company) and gives the client "
          "nothing about their business.",
    why=T_("News about us is not value for them: the client learns nothing about their "
           "business, their costs or their risks. It may serve late in a cycle, never as a "
           "prospecting touch. A warning rather than a blocker: the touch has content, in the "
           "wrong place."),
    fix=T_("Turn it round to their business: instead of our demo, the benchmark of their "
           "sector; instead of our award, the result a peer got and what it cost them before. "
           "Keep news about us for buyers who are already evaluating."),
)
def _touch_about_us(ctx: Context):
    for touch in ctx.plan.touches:
        words = _problem(touch, ctx.th, "about-us")
        if words:
            yield Hit(touch.id, touch.title,
                      ctx.say("“{title}” is about us (“{words}”), not about the client's "
                              "business.", title=touch.title, words=words), field="value")


@rule(
    "touch-value-thin", section="touches", severity="warning",
    title=T_("Touch value too thin to judge"),
    trips="A touch's value has fewer than {min_value_words} words.",
    why=T_("A few words usually name the asset (\"our case study\") rather than what the client "
           "learns from it. The rep then delivers the asset and the value stays unsaid."),
    fix=T_("Say what the client learns or can do after this touch, in a sentence: \"Shows where "
           "they stand against 212 peers on the measure they are judged by, and the three causes "
           "of most of their losses.\""),
    thresholds=("min_value_words",),
)
def _touch_value_thin(ctx: Context):
    for touch in ctx.plan.touches:
        thin = fewer_words_than(touch.value, ctx.th.min_value_words)
        if thin and not _value_missing(touch, ctx.th):
            yield Hit(touch.id, touch.title,
                      ctx.say("The value of “{title}” is only “{value}”.", title=touch.title,
                              value=touch.value), field="value")


@rule(
    "touch-empty-phrase", section="touches", severity="warning",
    title=T_("Touch built on an empty phrase"),
    trips="A touch's title, value or message uses an empty phrase (see the list below), unless "
          "it is negated or quoted as what not to say. A follow-up, check-in or circle-back in a "
          "sentence that brings something (a benchmark, a finding, a number about their "
          "business) is not empty.",
    why=T_("\"Just checking in\", \"touching base\" and \"circling back\" tell the client you "
           "have nothing to say and want their time anyway. They are the sound of a rep without a "
           "plan."),
    fix=T_("Replace the phrase with the reason for reaching out: the insight, number or idea "
           "you bring. Open with it in the first line."),
)
def _touch_empty_phrase(ctx: Context):
    for touch in ctx.plan.touches:
        fields = [("title", touch.title), ("message", touch.message)]
        if not _value_missing(touch, ctx.th):
            fields.insert(1, ("value", touch.value))
        found: list[str] = []
        where: list[str] = []
        for name, text in fields:
            phrases = (empty_phrases_of_title(text, touch.value) if name == "title"
                       else empty_phrases_used(text))
            if phrases:
                found.extend(p for p in phrases if p.lower() not in map(str.lower, found))
                where.append(name)
        if found:
            yield Hit(touch.id, touch.title,
                      ctx.say_n("“{title}” leans on {phrases} (in its {where}).",
                                "“{title}” leans on {phrases} (in its {where}).", len(where),
                                title=touch.title, phrases=quote_list(found, ctx.language),
                                where=field_names(where, ctx.language)),
                      field=where[0])


@rule(
    "touch-generic-claim", section="touches", severity="tip",
    title=T_("Touch that sells with generic claims"),
    trips="A touch's value or message uses a generic claim (see the list below), unless negated.",
    why=T_("\"Industry-leading\" and \"world-class\" are what every competitor says. In a touch "
           "they turn an insight into an advertisement, and the client stops reading."),
    fix=T_("Cut the claim and let a fact about the client's business, or a result at a named "
           "peer, do the work."),
)
def _touch_generic_claim(ctx: Context):
    for touch in ctx.plan.touches:
        found = [*GENERIC_CLAIMS.find(touch.value), *GENERIC_CLAIMS.find(touch.message)]
        if found:
            yield Hit(touch.id, touch.title,
                      ctx.say("“{title}” sells with {phrases}.", title=touch.title,
                              phrases=quote_list(found, ctx.language)), field="message")


@rule(
    "touch-unused", section="touches", severity="tip",
    title=T_("Touch no cadence uses"),
    trips="The plan has cadences, and no step delivers this touch.",
    why=T_("A touch outside every campaign is never delivered on schedule; reps only use what "
           "the cadence puts in front of them."),
    fix=T_("Put the touch into a cadence step, or remove it if it is no longer needed."),
)
def _touch_unused(ctx: Context):
    if not ctx.plan.cadences:
        return
    for touch in ctx.plan.touches:
        if touch.id not in ctx.touch_ids_in_cadences:
            yield Hit(touch.id, touch.title,
                      ctx.say("No cadence delivers “{title}”.", title=touch.title))


@rule(
    "touch-no-persona", section="touches", severity="tip",
    title=T_("Touch written for nobody in particular"),
    trips="The plan has personas, and a touch lists none.",
    why=T_("Value depends on who receives it: a benchmark that helps a COO bores an IT lead. "
           "Naming the persona tells the rep whom to send it to."),
    fix=T_("Choose the personas this touch helps."),
)
def _touch_no_persona(ctx: Context):
    if not ctx.plan.personas:
        return
    for touch in ctx.plan.touches:
        if not touch.persona_ids:
            yield Hit(touch.id, touch.title,
                      ctx.say("“{title}” names no persona.", title=touch.title),
                      field="persona_ids")


@rule(
    "touch-no-message", section="touches", severity="tip",
    title=T_("Touch without words"),
    trips="A touch has no talk track or message template.",
    why=T_("The leader supplies the language. Without it, each rep writes their own, and the "
           "value gets lost in the first sentence."),
    fix=T_("Write the talk track or the message template, with merge fields such as "
           "{{first_name}} and {{company}}."),
)
def _touch_no_message(ctx: Context):
    for touch in ctx.plan.touches:
        if not touch.message:
            yield Hit(touch.id, touch.title,
                      ctx.say("“{title}” has no talk track or template.", title=touch.title),
                      field="message")


@rule(
    "touch-not-personalised", section="touches", severity="tip",
    title=T_("Written touch with no personalisation"),
    trips="An email, social, mail or video message of at least {min_personalised_words} words "
          "has no merge field.",
    why=T_("A message that could go to anyone reads as a mass mailing, and is treated as one."),
    fix=T_("Add merge fields ({{first_name}}, {{company}}, {{industry}}) where the message "
           "speaks about the client."),
    thresholds=("min_personalised_words",),
)
def _touch_not_personalised(ctx: Context):
    for touch in ctx.plan.touches:
        if (touch.channel in _WRITTEN
                and not fewer_words_than(touch.message, ctx.th.min_personalised_words)
                and not has_merge_field(touch.message)):
            yield Hit(touch.id, touch.title,
                      ctx.say("The message of “{title}” has no merge field: it reads like a "
                              "mass mailing.", title=touch.title),
                      field="message")


@rule(
    "touch-too-long", section="touches", severity="tip",
    title=T_("Message too long to be read"),
    trips="An email or social message has more than {max_written_words} words.",
    why=T_("Busy buyers skim. A long message buries the one insight that earns a reply."),
    fix=T_("Cut to the insight, one proof and one question; move the rest into the asset."),
    thresholds=("max_written_words",),
)
def _touch_too_long(ctx: Context):
    for touch in ctx.plan.touches:
        if touch.channel not in _SHORT_FORM:
            continue
        words = word_count(touch.message)
        if words > ctx.th.max_written_words:
            yield Hit(touch.id, touch.title,
                      ctx.say(_TOO_LONG[touch.channel], title=touch.title, words=words),
                      field="message")


# --- differentiators ---------------------------------------------------------------------------
@rule(
    "differentiators-none", section="differentiators", severity="warning",
    title=T_("No differentiators"),
    trips="The plan has no differentiators.",
    why=T_("Every prospect asks \"What makes you different?\". Without the leader's answer, "
           "each rep makes one up, and most land on \"great service\"."),
    fix=T_("Write the 3 to 5 differences that matter to your clients, each with why it matters, "
           "proof and the alternative it beats."),
)
def _differentiators_none(ctx: Context):
    if not ctx.plan.differentiators:
        yield Hit(None, ctx.section_title("differentiators"),
                  ctx.say("The plan has no differentiators."))


@rule(
    "differentiator-generic", section="differentiators", severity="warning",
    title=T_("Generic differentiator"),
    trips="A differentiator's difference, why it matters or proof praises us the way any "
          "competitor could (a generic claim from the list below, or self-praise in other words: "
          "\"we go the extra mile\", \"over 25 years of experience\", \"flexible and "
          "responsive\", \"ISO 9001 certified\") and says nothing concrete (a measure, the "
          "alternative it beats, a guarantee, what happens to every order); or the difference "
          "has fewer than {min_difference_words} words.",
    why=T_("A difference only counts when it makes a difference for the client. \"Great "
           "service\", \"industry-leading\" and \"we really listen\" are what every competitor "
           "says, so they differentiate nobody; experience, certificates and offices are what the "
           "client expects of anyone they buy from."),
    fix=T_("Say what you do that the alternative does not, concretely enough that a competitor "
           "could not say the same sentence: \"connected in three weeks without new sensors\", "
           "\"if the pilot finds less than EUR 250,000, you do not pay\"."),
    thresholds=("min_difference_words",),
)
def _differentiator_generic(ctx: Context):
    for dif in ctx.plan.differentiators:
        label = short(dif.difference)
        found: list[str] = []
        where = None
        for name, text in (("difference", dif.difference), ("why_it_matters", dif.why_it_matters),
                           ("proof", dif.proof)):
            phrases = _praise(text)
            if phrases:
                found.extend(p for p in phrases if p not in found)
                where = where or name
        if found:
            yield Hit(dif.id, label,
                      ctx.say("“{title}” rests on {phrases}: every competitor says the same.",
                              title=label, phrases=quote_list(found, ctx.language)), field=where)
        elif fewer_words_than(dif.difference, ctx.th.min_difference_words):
            yield Hit(dif.id, label,
                      ctx.say("“{title}” is a label, not a difference a rep can explain.",
                              title=label), field="difference")


def _praise(text: str) -> list[str]:
    """The generic claims and self-praise of a text that says nothing concrete."""
    if not text:
        return []
    phrases = list(GENERIC_CLAIMS.find(text))
    praise = self_praise(text)
    if praise:
        phrases.append(praise)
    return phrases if phrases and not concrete(text) else []


@rule(
    "differentiator-no-proof", section="differentiators", severity="warning",
    title=T_("Differentiator without proof"),
    trips="A differentiator has no proof.",
    why=T_("An unproven difference is a claim, and buyers discount claims. Proof (a named "
           "client, a number, a reference) is what makes a rep believable."),
    fix=T_("Add a case, data or a reference the client can check."),
)
def _differentiator_no_proof(ctx: Context):
    for dif in ctx.plan.differentiators:
        if not dif.proof:
            yield Hit(dif.id, short(dif.difference),
                      ctx.say("“{title}” has no proof.", title=short(dif.difference)),
                      field="proof")


@rule(
    "differentiator-no-why", section="differentiators", severity="warning",
    title=T_("Differentiator without why it matters"),
    trips="A differentiator does not say why it matters to the client.",
    why=T_("A difference that does not make a difference for the client is trivia. The rep must "
           "be able to say what changes for them."),
    fix=T_("Say what the client gains from the difference: time, money, risk taken away."),
)
def _differentiator_no_why(ctx: Context):
    for dif in ctx.plan.differentiators:
        if not dif.why_it_matters:
            yield Hit(dif.id, short(dif.difference),
                      ctx.say("“{title}” does not say why it matters to the client.",
                              title=short(dif.difference)), field="why_it_matters")


@rule(
    "differentiator-no-alternative", section="differentiators", severity="tip",
    title=T_("Differentiator without the alternative it beats"),
    trips="A differentiator names no alternative (a competitor or the status quo).",
    why=T_("Different from what? The strongest competitor is often doing nothing. Naming the "
           "alternative tells the rep which comparison to make."),
    fix=T_("Name the alternative it beats: a competitor, a kind of solution, or the status quo."),
)
def _differentiator_no_alternative(ctx: Context):
    for dif in ctx.plan.differentiators:
        if not dif.alternative:
            yield Hit(dif.id, short(dif.difference),
                      ctx.say("“{title}” does not name the alternative it beats.",
                              title=short(dif.difference)), field="alternative")
