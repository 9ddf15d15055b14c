"""Rules on the campaign and the follow-through: cadences and accountability."""

from __future__ import annotations

import re
from itertools import pairwise

from ..model import TIERS, Cadence, CadenceStep, Channel
from .rules import Context, Hit, rule
from .substance import empty_phrases_used
from .wording import T_

_READS_LIKE_ASK = re.compile(r"\b(?:ask|asks|asking|book|meeting|propose|request)\b", re.IGNORECASE)
_OPPORTUNITY_WORDS = re.compile(r"\b(?:meetings?|opportunit\w*|pipeline|appointments?)\b",
                                re.IGNORECASE)


def _ordered(cadence: Cadence) -> list[CadenceStep]:
    return sorted(cadence.steps, key=lambda s: s.day)


def _days(ctx: Context, steps: list[CadenceStep]) -> str:
    """``day 3`` or ``days 3, 5 and 8``, in the review's language."""
    return ctx.say_n("day {days}", "days {days}", len(steps),
                     days=ctx.and_list([str(s.day) for s in steps]))


# The channels as the findings name them ("4 email steps in a row").
_CHANNEL_NAMES = {Channel.PHONE: T_("phone"), Channel.EMAIL: T_("email"),
                  Channel.SOCIAL: T_("social"), Channel.MAIL: T_("mail"),
                  Channel.IN_PERSON: T_("in person"), Channel.EVENT: T_("event"),
                  Channel.VIDEO: T_("video")}


def _channel(ctx: Context, channel: Channel) -> str:
    return ctx.say(_CHANNEL_NAMES[channel])


# --- cadences ----------------------------------------------------------------------------------
@rule(
    "cadences-none", section="cadences", severity="blocker",
    title=T_("No campaign cadence"),
    trips="The plan has no cadences.",
    why=T_("Prospecting works as a campaign that persists over weeks and months. Without a "
           "cadence, touches happen when a rep remembers, and stop after the first silence."),
    fix=T_("Build a cadence: ordered steps over at least six weeks, across channels, each "
           "delivering a touch, ending in a clear ask for a meeting."),
)
def _cadences_none(ctx: Context):
    if not ctx.plan.cadences:
        yield Hit(None, ctx.section_title("cadences"),
                  ctx.say("The plan has no campaign cadence."))


def _row(cadence: Cadence, step: CadenceStep) -> int:
    """The row of ``step`` in its cadence's table (the cadence's own order)."""
    return next(i for i, s in enumerate(cadence.steps) if s is step)


@rule(
    "cadence-no-ask", section="cadences", severity="blocker",
    title=T_("Cadence that never asks for a meeting"),
    trips="No step of the cadence is marked as asking for a meeting.",
    why=T_("Value earns the right to ask; it does not replace the ask. A campaign that never "
           "asks for a meeting nurtures forever and creates no opportunities."),
    fix=T_("Mark the steps that ask for a meeting, and make sure the campaign ends with one. "
           "Ask for something worth the client's time, e.g. a working session they keep the "
           "result of."),
)
def _cadence_no_ask(ctx: Context):
    for cadence in ctx.plan.cadences:
        steps = cadence.steps
        if any(s.is_ask for s in steps):
            continue
        if not steps:
            yield Hit(cadence.id, cadence.name,
                      ctx.say("“{name}” has no steps, so no ask.", name=cadence.name))
            continue
        looks = [s for s in _ordered(cadence) if _READS_LIKE_ASK.search(s.objective)]
        fix = None
        if looks:
            fix = ctx.say("The step on {day} (“{objective}”) reads like an ask: if it asks for "
                          "a meeting, mark it so. Otherwise add an ask, and end the campaign "
                          "with one.", day=_days(ctx, looks[:1]),
                          objective=looks[0].objective[:60])
        yield Hit(cadence.id, cadence.name,
                  ctx.say_n("“{name}” never asks for a meeting ({n} step, no ask).",
                            "“{name}” never asks for a meeting ({n} steps, no ask).",
                            len(steps), name=cadence.name),
                  fix=fix)


@rule(
    "cadence-too-few-touches", section="cadences", severity="warning",
    title=T_("Cadence that gives up too soon (too few touches)"),
    trips="A cadence has fewer than {min_cadence_touches} steps.",
    why=T_("Most prospects do not answer the first touches: they are busy, not in the market "
           "yet, or do not know you. Persistence, with value each time, is what earns the "
           "meeting."),
    fix=T_("Add value-creating touches until the campaign has at least {min_cadence_touches} "
           "steps, spaced over weeks, across channels."),
    thresholds=("min_cadence_touches",),
)
def _cadence_too_few(ctx: Context):
    for cadence in ctx.plan.cadences:
        n = len(cadence.steps)
        if n < ctx.th.min_cadence_touches:
            message = (ctx.say("“{name}” has no steps yet.", name=cadence.name) if not n else
                       ctx.say_n("“{name}” stops after {n} touch.",
                                 "“{name}” stops after {n} touches.", n, name=cadence.name))
            yield Hit(cadence.id, cadence.name, message)


@rule(
    "cadence-too-short", section="cadences", severity="warning",
    title=T_("Cadence that gives up too soon (too short)"),
    trips="A cadence of two or more steps spans fewer than {min_cadence_span_days} days.",
    why=T_("Trust takes time. A campaign squeezed into a few weeks hits the prospect hard, then "
           "disappears before they are ready to talk."),
    fix=T_("Spread the steps over at least {min_cadence_span_days} days; for dream clients, "
           "think in months."),
    thresholds=("min_cadence_span_days",),
)
def _cadence_too_short(ctx: Context):
    for cadence in ctx.plan.cadences:
        if len(cadence.steps) >= 2:
            days = [s.day for s in cadence.steps]
            span = max(days) - min(days)
            if span < ctx.th.min_cadence_span_days:
                yield Hit(cadence.id, cadence.name,
                          ctx.say_n("“{name}” is over in {n} day.",
                                    "“{name}” is over in {n} days.", span, name=cadence.name))


@rule(
    "cadence-burst", section="cadences", severity="warning",
    title=T_("Cadence that is a nuisance (touches bunched together)"),
    trips="More than {burst_max_touches} steps fall within {burst_window_days} days.",
    why=T_("Several touches in a couple of days feel like pressure, not help. The prospect "
           "marks you as a nuisance and stops opening what you send."),
    fix=T_("Space the touches: a few days between steps at the start, a week or more later on."),
    thresholds=("burst_max_touches", "burst_window_days"),
)
def _cadence_burst(ctx: Context):
    limit, window = ctx.th.burst_max_touches, ctx.th.burst_window_days
    for cadence in ctx.plan.cadences:
        steps = _ordered(cadence)
        end = 0
        for start, first in enumerate(steps):
            end = max(end, start)
            while end < len(steps) and steps[end].day < first.day + window:
                end += 1
            if end - start > limit:
                bunch = steps[start:end]
                yield Hit(cadence.id, cadence.name,
                          ctx.say_n("“{name}” has {touches} touches within {n} day ({days}).",
                                    "“{name}” has {touches} touches within {n} days ({days}).",
                                    window, name=cadence.name, touches=len(bunch),
                                    days=_days(ctx, bunch)),
                          field="day", row=_row(cadence, bunch[1]))
                break


@rule(
    "cadence-channel-monotony", section="cadences", severity="warning",
    title=T_("Cadence that is a nuisance (the same channel again and again)"),
    trips="More than {max_same_channel_in_a_row} steps in a row on one channel, or, for a cadence "
          "of at least {min_steps_for_channel_mix} steps, fewer than {min_channels} channels.",
    why=T_("The same channel again and again reads as an automated sequence and misses the "
           "people who do not live in their inbox. Mixing channels is how you get noticed without "
           "shouting."),
    fix=T_("Alternate channels: phone, email, social, printed mail, video, an event or a visit. "
           "Let each channel carry the touch it suits best."),
    thresholds=("max_same_channel_in_a_row", "min_steps_for_channel_mix", "min_channels"),
)
def _cadence_channel_monotony(ctx: Context):
    th = ctx.th
    for cadence in ctx.plan.cadences:
        steps = _ordered(cadence)
        run: list[CadenceStep] = []
        longest: list[CadenceStep] = []
        for step in steps:
            run = run + [step] if run and run[-1].channel == step.channel else [step]
            if len(run) > len(longest):
                longest = run
        channels = {s.channel for s in steps}
        if len(longest) > th.max_same_channel_in_a_row:
            yield Hit(cadence.id, cadence.name,
                      ctx.say("“{name}” has {n} {channel} steps in a row ({days}).",
                              name=cadence.name, n=len(longest),
                              channel=_channel(ctx, longest[0].channel),
                              days=_days(ctx, longest)), field="channel",
                      row=_row(cadence, longest[len(longest) // 2]))
        elif len(steps) >= th.min_steps_for_channel_mix and len(channels) < th.min_channels:
            names = ctx.and_list(sorted(_channel(ctx, c) for c in channels))
            yield Hit(cadence.id, cadence.name,
                      ctx.say("“{name}” uses only {channels} across {n} steps.",
                              name=cadence.name, channels=names, n=len(steps)))


@rule(
    "cadence-repeats-touch", section="cadences", severity="warning",
    title=T_("Cadence that repeats itself"),
    trips="The same touch is delivered twice within {min_days_between_repeats} days, or the steps "
          "deliver fewer different touches than {min_distinct_touch_share:.0%} of the steps.",
    why=T_("Each touch should give the prospect a new reason to talk. Sending the same thing "
           "again reads as a reminder, and a reminder is a nuisance."),
    fix=T_("Give each step its own touch; repeat a touch only when weeks have passed and there "
           "is something new to add to it."),
    thresholds=("min_days_between_repeats", "min_distinct_touch_share"),
)
def _cadence_repeats_touch(ctx: Context):
    th = ctx.th
    for cadence in ctx.plan.cadences:
        steps = [s for s in _ordered(cadence) if s.touch_id]
        distinct = {s.touch_id for s in steps}
        if len(steps) >= 2 and len(distinct) < th.min_distinct_touch_share * len(steps):
            kinds = ctx.say_n("{n} different touch", "{n} different touches", len(distinct))
            yield Hit(cadence.id, cadence.name,
                      ctx.say_n("“{name}” delivers only {kinds} in {n} step.",
                                "“{name}” delivers only {kinds} in {n} steps.", len(steps),
                                name=cadence.name, kinds=kinds))
            continue
        last_day: dict[str | None, int] = {}
        for step in steps:
            previous = last_day.get(step.touch_id)
            if previous is not None and step.day - previous < th.min_days_between_repeats:
                touch = ctx.plan.touch(step.touch_id)
                yield Hit(cadence.id, cadence.name,
                          ctx.say_n("“{name}” sends “{touch}” again after {n} day (day "
                                    "{first} and day {second}).",
                                    "“{name}” sends “{touch}” again after {n} days (day "
                                    "{first} and day {second}).", step.day - previous,
                                    name=cadence.name,
                                    touch=touch.title if touch else step.touch_id,
                                    first=previous, second=step.day),
                          field="touch_id", row=_row(cadence, step))
                break
            last_day[step.touch_id] = step.day


@rule(
    "cadence-step-no-touch", section="cadences", severity="warning",
    title=T_("Step that delivers no touch"),
    trips="The plan has touches, and a cadence step names none.",
    why=T_("A step without a touch leaves the rep to improvise on the day, and an improvised "
           "touch is usually \"just checking in\"."),
    fix=T_("Choose the touch each step delivers."),
)
def _cadence_step_no_touch(ctx: Context):
    if not ctx.plan.touches:
        return
    for cadence in ctx.plan.cadences:
        empty = [s for s in _ordered(cadence) if not s.touch_id]
        if empty:
            yield Hit(cadence.id, cadence.name,
                      ctx.say_n("In “{name}”, {n} step on {days} delivers no touch.",
                                "In “{name}”, {n} steps on {days} deliver no touch.", len(empty),
                                name=cadence.name, days=_days(ctx, empty)), field="touch_id",
                      row=_row(cadence, empty[0]))


@rule(
    "cadence-step-empty-phrase", section="cadences", severity="warning",
    title=T_("Step whose objective is an empty phrase"),
    trips="A step's objective uses an empty phrase (see the list below), unless negated, or "
          "unless its sentence brings something (\"Follow up the roundtable with the benchmark "
          "of the plants that attended\").",
    why=T_("An objective like \"check in\" or \"follow up\" gives the rep no reason to call, "
           "and the client hears exactly that."),
    fix=T_("Write what the step should achieve for the client and for you, e.g. \"Get the cost "
           "of one hour of stop on their bottleneck line.\""),
)
def _cadence_step_empty_phrase(ctx: Context):
    for cadence in ctx.plan.cadences:
        hits = [(s, empty_phrases_used(s.objective)) for s in _ordered(cadence)]
        hits = [(s, p) for s, p in hits if p]
        if hits:
            steps = [s for s, _ in hits]
            yield Hit(cadence.id, cadence.name,
                      ctx.say("In “{name}”, the objective on {days} is “{phrase}”.",
                              name=cadence.name, days=_days(ctx, steps), phrase=hits[0][1][0]),
                      field="objective", row=_row(cadence, steps[0]))


@rule(
    "cadence-asks-first", section="cadences", severity="tip",
    title=T_("Cadence that asks before it gives"),
    trips="The first step of a cadence of two or more steps is an ask.",
    why=T_("Asking for a meeting before giving anything of value spends the credibility the "
           "campaign has not yet earned."),
    fix=T_("Open with a touch that gives value; ask once the client has had a reason to say yes."),
)
def _cadence_asks_first(ctx: Context):
    for cadence in ctx.plan.cadences:
        steps = _ordered(cadence)
        if len(steps) >= 2 and steps[0].is_ask:
            yield Hit(cadence.id, cadence.name,
                      ctx.say("“{name}” asks for a meeting in its first step.",
                              name=cadence.name), field="is_ask",
                      row=_row(cadence, steps[0]))


@rule(
    "cadence-ends-without-ask", section="cadences", severity="tip",
    title=T_("Cadence that trails off after its ask"),
    trips="A cadence asks for a meeting, but its last step is not an ask.",
    why=T_("A campaign should end with a clear ask. Touches after the last ask nurture without "
           "a next step, and the campaign fades out instead of closing."),
    fix=T_("Make the last step an ask (\"if not now, when, and with whom?\"), or move the ask "
           "to the end."),
)
def _cadence_ends_without_ask(ctx: Context):
    for cadence in ctx.plan.cadences:
        steps = _ordered(cadence)
        if any(s.is_ask for s in steps) and not steps[-1].is_ask:
            last_ask = max(s.day for s in steps if s.is_ask)
            after = [s for s in steps if s.day > last_ask]
            yield Hit(cadence.id, cadence.name,
                      ctx.say_n("“{name}” ends with {n} step after its last ask (day {day}).",
                                "“{name}” ends with {n} steps after its last ask (day {day}).",
                                len(after), name=cadence.name, day=last_ask),
                      field="is_ask", row=_row(cadence, steps[-1]))


@rule(
    "cadence-long-gap", section="cadences", severity="tip",
    title=T_("Cadence that goes quiet"),
    trips="Two consecutive steps are more than {max_gap_days} days apart.",
    why=T_("After a long silence the prospect has forgotten the last touch, and the campaign "
           "starts again from zero."),
    fix=T_("Add a value-creating touch in the gap, or pull the later steps forward."),
    thresholds=("max_gap_days",),
)
def _cadence_long_gap(ctx: Context):
    for cadence in ctx.plan.cadences:
        steps = _ordered(cadence)
        gaps = [(b.day - a.day, a, b) for a, b in pairwise(steps)]
        if gaps:
            gap, a, b = max(gaps, key=lambda g: g[0])
            if gap > ctx.th.max_gap_days:
                yield Hit(cadence.id, cadence.name,
                          ctx.say("“{name}” goes quiet for {n} days (day {first} to day "
                                  "{second}).", name=cadence.name, n=gap, first=a.day,
                                  second=b.day))


@rule(
    "cadence-tier-uncovered", section="cadences", severity="warning",
    title=T_("Tier with no campaign"),
    trips="The plan has cadences, and accounts in a tier that no cadence is for.",
    why=T_("Accounts without a campaign get whatever the rep finds time for, which is usually "
           "nothing."),
    fix=T_("Extend a cadence to this tier, or build one for it (a lighter one is fine for C)."),
)
def _cadence_tier_uncovered(ctx: Context):
    if not ctx.plan.cadences:
        return
    covered: set[str] = set()
    for cadence in ctx.plan.cadences:
        covered.update(cadence.tiers or TIERS)
    for tier in TIERS:
        n = ctx.tier_counts[tier]
        if n and tier not in covered:
            yield Hit(None, ctx.say("Tier {tier} accounts", tier=tier),
                      ctx.say_n("No cadence is for the {n} tier {tier} account.",
                                "No cadence is for the {n} tier {tier} accounts.", n, tier=tier),
                      field="tiers")


# --- accountability ----------------------------------------------------------------------------
_ACCOUNTABILITY = "accountability"


@rule(
    "accountability-no-opportunity-targets", section="accountability", severity="blocker",
    title=T_("No target for opportunity creation"),
    trips="No target above zero counts towards opportunity creation.",
    why=T_("Poor prospecting is allowed by weak accountability. Reps must be accountable for "
           "creating opportunities (first meetings, new opportunities), not only for activity."),
    fix=T_("Set a weekly or monthly target per rep for first meetings held and new "
           "opportunities created, and mark them as counting towards opportunity creation."),
)
def _no_opportunity_targets(ctx: Context):
    targets = ctx.plan.accountability.targets
    if any(t.creates_opportunities and t.per_rep > 0 for t in targets):
        return
    likely = [t for t in targets if _OPPORTUNITY_WORDS.search(t.metric) and t.per_rep > 0]
    fix = None
    if likely:
        fix = ctx.say("“{metric}” looks like opportunity creation: mark it as counting towards "
                      "it. Targets for first meetings and new opportunities are what count.",
                      metric=likely[0].metric)
    yield Hit(None, ctx.section_title(_ACCOUNTABILITY),
              ctx.say("No target holds the reps accountable for creating opportunities."),
              field="targets", fix=fix)


@rule(
    "accountability-no-review", section="accountability", severity="warning",
    title=T_("Targets without a review"),
    trips="The plan does not say how and when targets are reviewed.",
    why=T_("A target nobody looks at is a wish. A short, regular review is what turns targets "
           "into accountability, without micromanaging."),
    fix=T_("Say when the team reviews the numbers (e.g. every Monday, 20 minutes), which "
           "numbers, and what happens when a rep is behind."),
)
def _no_review(ctx: Context):
    if not ctx.plan.accountability.review:
        yield Hit(None, ctx.section_title(_ACCOUNTABILITY),
                  ctx.say("The plan does not say how targets are reviewed."), field="review")


@rule(
    "accountability-no-activity-targets", section="accountability", severity="tip",
    title=T_("No activity targets"),
    trips="No target of kind activity.",
    why=T_("Outcomes lag by weeks. Weekly activity targets (value-creating touches, "
           "conversations) show early whether the plan is being worked."),
    fix=T_("Add one or two weekly activity targets per rep, counting value-creating touches "
           "rather than tasks."),
)
def _no_activity_targets(ctx: Context):
    if not any(t.kind == "activity" for t in ctx.plan.accountability.targets):
        yield Hit(None, ctx.section_title(_ACCOUNTABILITY),
                  ctx.say("The plan sets no weekly activity targets."), field="targets")
