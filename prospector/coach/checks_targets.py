"""Rules on direction and real targets: basics, ideal client profile, accounts, personas, reps."""

from __future__ import annotations

from datetime import date

from babel.dates import format_skeleton
from babel.numbers import format_percent

from ..schedule import ScheduleError, past_end, schedule_inputs
from .rules import Context, Hit, rule, short
from .substance import has_date, has_figure, names_who_prospects
from .text import fewer_words_than
from .wording import T_


# --- basics ------------------------------------------------------------------------------------
# Direction and role clarity are root causes of poor prospecting (shared METHOD.md): a goal
# without a number and a date, a plan with no strategy and a plan that does not say who prospects
# are serious faults, so these rules are warnings and no goal at all is a blocker.
@rule(
    "basics-no-goal", section="basics", severity="blocker",
    title=T_("No goal for the campaign"),
    trips="The plan's goal is empty.",
    why=T_("Reps cannot aim at a result nobody has named. \"Prospect more\" is not a plan; a "
           "goal in meetings, opportunities and a date is the first piece of direction the leader "
           "owes the sales force. Weak direction is a root cause of poor prospecting, so a plan "
           "with no goal is not ready to hand out: a blocker."),
    fix=T_("Write the goal as outcomes and a date, e.g. \"40 first meetings and 12 new "
           "opportunities with A and B accounts by 30 June\"."),
)
def _no_goal(ctx: Context):
    if not ctx.plan.basics.goal:
        yield Hit(None, ctx.section_title("basics"), ctx.say("The plan has no goal."), field="goal")


@rule(
    "basics-goal-not-measurable", section="basics", severity="warning",
    title=T_("The goal has no number or no date"),
    trips="The goal is written but has no figure (a count or an amount, in digits or words), or "
          "has no date (a month, a quarter, a year, \"by end of …\") while the plan has no end "
          "date either.",
    why=T_("A goal without a number and a date cannot be reviewed on Monday morning: nobody can "
           "tell whether the team is on track or behind, and the weekly review has nothing to "
           "compare with. The method counts it among the root causes of poor results, not a "
           "detail of wording: a warning. (No goal at all is a blocker.)"),
    fix=T_("Put numbers and a date in the goal: how many first meetings, how many opportunities "
           "or how much pipeline, and by when."),
)
def _goal_not_measurable(ctx: Context):
    goal = ctx.plan.basics.goal
    if not goal:
        return
    if not has_figure(goal):
        yield Hit(None, ctx.section_title("basics"),
                  ctx.say("The goal (“{goal}”) has no number to measure it by.",
                          goal=short(goal, 80)), field="goal")
    elif not has_date(goal) and not ctx.plan.basics.end_date:
        yield Hit(None, ctx.section_title("basics"),
                  ctx.say("The goal (“{goal}”) says by when nowhere, and the plan has no end "
                          "date.", goal=short(goal, 80)), field="goal")


@rule(
    "basics-no-strategy", section="basics", severity="warning",
    title=T_("No strategy"),
    trips="The plan's strategy is empty or shorter than {min_strategy_words} words.",
    why=T_("A plan without a strategy is a list of activities: reps know what to send but not "
           "why these accounts, this value and this ask. The few big choices (where we win, what "
           "we lead with, what we sell first) are the direction the method names as a root cause "
           "when it is missing: a warning, not a tip."),
    fix=T_("Write the few choices behind the plan in a short paragraph: where we win and why, "
           "what every touch leads with, which accounts get the most effort, and what we ask for "
           "first."),
    thresholds=("min_strategy_words",),
)
def _no_strategy(ctx: Context):
    strategy = ctx.plan.basics.strategy
    if not strategy:
        yield Hit(None, ctx.section_title("basics"), ctx.say("The plan has no strategy."),
                  field="strategy")
    elif fewer_words_than(strategy, ctx.th.min_strategy_words):
        yield Hit(None, ctx.section_title("basics"),
                  ctx.say("The strategy (“{strategy}”) is a slogan, not the choices behind "
                          "the plan.", strategy=short(strategy, 80)), field="strategy")


@rule(
    "basics-no-roles", section="basics", severity="warning",
    title=T_("No role clarity"),
    trips="The plan does not say who prospects: the roles are empty, or name no one who "
          "prospects, opens or owns new business (\"prospect\", \"new business\", \"new "
          "clients\", \"open\", \"hunt\", \"first meetings\", \"pipeline\").",
    why=T_("When everyone is responsible for new business, nobody is. Reps who also serve "
           "existing clients let the urgent service work crowd out prospecting. The method names "
           "unclear roles as a root cause of poor results: a warning, not a tip."),
    fix=T_("State who does what, e.g. \"Account executives prospect, open and win new clients; "
           "account managers serve existing clients and do not prospect.\""),
)
def _no_roles(ctx: Context):
    roles = ctx.plan.basics.roles
    if not roles:
        yield Hit(None, ctx.section_title("basics"),
                  ctx.say("The plan does not say who prospects and who serves existing "
                          "clients."), field="roles")
    elif not names_who_prospects(roles):
        yield Hit(None, ctx.section_title("basics"),
                  ctx.say("The roles (“{roles}”) do not say who prospects.",
                          roles=short(roles, 80)), field="roles")


# --- ideal client profile ----------------------------------------------------------------------
_ICP = "ideal_client_profile"


@rule(
    "icp-missing", section="ideal_client_profile", severity="blocker",
    title=T_("No ideal client profile"),
    trips="The ideal client profile has no industries, size, geography or trigger events.",
    why=T_("Without a profile of who we win with, the account list is a phone book, and every "
           "rep adds accounts by their own taste. The profile is how the plan says no."),
    fix=T_("Describe the clients you win best with: industries, company size, geography and the "
           "trigger events that make them ready to talk."),
)
def _icp_missing(ctx: Context):
    if ctx.plan.ideal_client_profile.is_empty():
        yield Hit(None, ctx.section_title(_ICP), ctx.say("The plan has no ideal client profile."))


@rule(
    "icp-no-triggers", section="ideal_client_profile", severity="tip",
    title=T_("No trigger events"),
    trips="The ideal client profile is filled in but lists no trigger events.",
    why=T_("Trigger events (a new site, a new executive, a profit warning) tell reps when a "
           "prospect is ready to listen and give them a reason to call that is about the client."),
    fix=T_("List the events that make a prospect ready to talk, and where reps can spot them."),
)
def _icp_no_triggers(ctx: Context):
    icp = ctx.plan.ideal_client_profile
    if not icp.is_empty() and not icp.trigger_events:
        yield Hit(None, ctx.section_title(_ICP), ctx.say("The profile lists no trigger events."),
                  field="trigger_events")


@rule(
    "icp-no-disqualifiers", section="ideal_client_profile", severity="tip",
    title=T_("No disqualifiers"),
    trips="The ideal client profile is filled in but lists no disqualifiers.",
    why=T_("Saying who we do not pursue protects the reps' time as much as the target list does."),
    fix=T_("Add the few signs that a company will never be a good client (too small, wrong "
           "process, locked into a competitor)."),
)
def _icp_no_disqualifiers(ctx: Context):
    icp = ctx.plan.ideal_client_profile
    if not icp.is_empty() and not icp.disqualifiers:
        yield Hit(None, ctx.section_title(_ICP), ctx.say("The profile lists no disqualifiers."),
                  field="disqualifiers")


# --- accounts ----------------------------------------------------------------------------------
_ACCOUNTS = "accounts"


@rule(
    "accounts-none", section="accounts", severity="blocker",
    title=T_("No target accounts"),
    trips="The plan names no target accounts.",
    why=T_("A prospecting plan starts with real targets: named accounts the team pursues on "
           "purpose, the dream clients first."),
    fix=T_("Add the accounts you want to win, dream clients (tier A) first, each with the "
           "reason it is a target."),
)
def _accounts_none(ctx: Context):
    if not ctx.plan.accounts:
        yield Hit(None, ctx.section_title(_ACCOUNTS), ctx.say("The plan names no target accounts."))


@rule(
    "account-no-why", section="accounts", severity="warning",
    title=T_("Target without a reason"),
    trips="An account's \"why it is a target\" is empty or has fewer than {min_reason_words} "
          "words.",
    why=T_("The reason an account is a target is what the first touches are built on. Without "
           "it the rep opens with a pitch instead of something about the client."),
    fix=T_("Write why this account, and why now: the trigger event, the fit with the profile, "
           "the problem you can see from outside."),
    thresholds=("min_reason_words",),
)
def _account_no_why(ctx: Context):
    for account in ctx.plan.accounts:
        if not account.why:
            yield Hit(account.id, account.name,
                      ctx.say("{account} has no reason for being a target.",
                              account=account.name), field="why")
        elif fewer_words_than(account.why, ctx.th.min_reason_words):
            yield Hit(account.id, account.name,
                      ctx.say("The reason for {account} (“{why}”) is too thin to open with.",
                              account=account.name, why=account.why), field="why")


@rule(
    "accounts-untiered", section="accounts", severity="warning",
    title=T_("Accounts are not tiered"),
    trips="At least {min_accounts_for_tiers} accounts, all in the same tier.",
    why=T_("Tiers decide where the best effort goes. When every account is treated alike, the "
           "dream clients get the same effort as the rest, and the effort is spread too thin to "
           "win them."),
    fix=T_("Put your dream clients in tier A and give them the richest campaign; put the rest "
           "in B and C."),
    thresholds=("min_accounts_for_tiers",),
)
def _accounts_untiered(ctx: Context):
    if ctx.single_tier:
        tier = ctx.plan.accounts[0].tier
        n = len(ctx.plan.accounts)
        if tier == "A":
            message = ctx.say("All {n} accounts are tier A: when every account is a dream "
                              "client, none is.", n=n)
        else:
            message = ctx.say("All {n} accounts are tier {tier}: nothing tells the reps which "
                              "are the dream clients.", n=n, tier=tier)
        yield Hit(None, ctx.section_title(_ACCOUNTS), message, field="tier")


@rule(
    "accounts-no-dream-clients", section="accounts", severity="warning",
    title=T_("No dream clients"),
    trips="The plan has accounts but none in tier A (and the accounts are tiered).",
    why=T_("The dream clients are the few accounts that would change the year. Naming them is "
           "how the plan makes sure they get the most thought and the most persistent campaign."),
    fix=T_("Choose the handful of accounts you most want to win and make them tier A."),
)
def _no_dream_clients(ctx: Context):
    if ctx.plan.accounts and not ctx.tier_counts["A"] and not ctx.single_tier:
        yield Hit(None, ctx.section_title(_ACCOUNTS),
                  ctx.say("No account is tier A: the plan names no dream clients."),
                  field="tier")


@rule(
    "accounts-too-many-dream-clients", section="accounts", severity="tip",
    title=T_("Too many dream clients"),
    trips="With at least {min_accounts_for_tiers} accounts, more than {max_dream_share:.0%} are "
          "tier A (but not all).",
    why=T_("Dream clients get more effort: more touches, printed and in-person ones, the "
           "leader's time. That effort cannot be given to a large share of the list."),
    fix=T_("Keep tier A to the few accounts you would be proudest to win; move the others to B."),
    thresholds=("min_accounts_for_tiers", "max_dream_share"),
)
def _too_many_dream(ctx: Context):
    n = len(ctx.plan.accounts)
    a = ctx.tier_counts["A"]
    if n < ctx.th.min_accounts_for_tiers or ctx.single_tier:
        return
    if a / n > ctx.th.max_dream_share:
        yield Hit(None, ctx.section_title(_ACCOUNTS),
                  ctx.say_n("{n} of {total} accounts is tier A ({share}).",
                            "{n} of {total} accounts are tier A ({share}).", a, total=n,
                            share=format_percent(a / n, locale=ctx.language)), field="tier")


@rule(
    "account-dream-no-contacts", section="accounts", severity="tip",
    title=T_("Dream client without a named contact"),
    trips="A tier A account has no contacts.",
    why=T_("A dream client is won through people. Until someone is named, the campaign has "
           "nobody to send the first touch to."),
    fix=T_("Map at least two people in the account (the one who owns the problem you solve and "
           "one other role) before the campaign starts."),
)
def _dream_no_contacts(ctx: Context):
    roles = [p.role for p in ctx.plan.personas[:2]]  # in the plan's own words
    fix = (ctx.say("Name at least the {first} and the {second} of the account before the "
                   "campaign starts.", first=roles[0], second=roles[1])
           if len(roles) == 2 else None)
    for account in ctx.plan.accounts:
        if account.tier == "A" and not account.contacts:
            yield Hit(account.id, account.name,
                      ctx.say("{account} is a dream client with no named contact.",
                              account=account.name), field="contacts", fix=fix)


@rule(
    "account-no-owner", section="accounts", severity="warning",
    title=T_("Account nobody owns"),
    trips="The plan has reps, and an account is not in any rep's accounts.",
    why=T_("An account nobody owns is an account nobody prospects. Accountability needs a name."),
    fix=T_("Assign the account to one rep."),
)
def _account_no_owner(ctx: Context):
    if not ctx.plan.reps:
        return
    for account in ctx.plan.accounts:
        if account.id not in ctx.owners:
            yield Hit(account.id, account.name, ctx.say("No rep owns {account}.",
                                                          account=account.name))


@rule(
    "account-two-owners", section="accounts", severity="warning",
    title=T_("Account owned by several reps"),
    trips="An account appears in more than one rep's accounts.",
    why=T_("Two owners means the client hears from two people with two stories, and each rep "
           "assumes the other is on it. Role clarity means one owner."),
    fix=T_("Keep the account with one rep; others can join the campaign as support."),
)
def _account_two_owners(ctx: Context):
    for account in ctx.plan.accounts:
        names = ctx.owners.get(account.id, [])
        if len(names) > 1:
            yield Hit(account.id, account.name,
                      ctx.say("{account} is owned by {n} reps ({reps}).", account=account.name,
                              n=len(names), reps=ctx.and_list(names)))


# --- personas ----------------------------------------------------------------------------------
@rule(
    "personas-none", section="personas", severity="warning",
    title=T_("No personas"),
    trips="The plan describes no personas.",
    why=T_("Accounts do not buy; people do. Without the roles you pursue and what they care "
           "about, touches are written for nobody in particular and land with nobody."),
    fix=T_("Describe the 3 to 5 roles you reach in each account: what they are responsible for, "
           "what they care about and what value means to them."),
)
def _personas_none(ctx: Context):
    if not ctx.plan.personas:
        yield Hit(None, ctx.section_title("personas"), ctx.say("The plan describes no personas."))


@rule(
    "persona-not-served", section="personas", severity="warning",
    title=T_("Persona no touch serves"),
    trips="The plan has touches, and no touch lists this persona.",
    why=T_("If no touch is written for a role, the reps have nothing of value to give that "
           "person, and the role is a target on paper only."),
    fix=T_("Write at least one touch with an insight for this role, or add the persona to a "
           "touch that already helps them."),
)
def _persona_not_served(ctx: Context):
    if not ctx.plan.touches:
        return
    for persona in ctx.plan.personas:
        if persona.id not in ctx.persona_ids_served:
            yield Hit(persona.id, persona.role,
                      ctx.say("No touch is written for the {role}.", role=persona.role))


@rule(
    "persona-thin", section="personas", severity="tip",
    title=T_("Persona without what they care about"),
    trips="A persona has neither \"cares about\" nor \"what value means\".",
    why=T_("Value is in the eye of the buyer. Without what this role cares about, nobody can "
           "tell whether a touch helps them."),
    fix=T_("List the outcomes and problems this role cares about, and what value means to them."),
)
def _persona_thin(ctx: Context):
    for persona in ctx.plan.personas:
        if not persona.cares_about and not persona.value_means:
            yield Hit(persona.id, persona.role,
                      ctx.say("“{role}” does not say what they care about.", role=persona.role),
                      field="cares_about")


# --- reps --------------------------------------------------------------------------------------
@rule(
    "reps-none", section="reps", severity="warning",
    title=T_("No reps"),
    trips="The plan names no reps.",
    why=T_("A plan becomes execution when each rep has their accounts and a dated schedule. "
           "Without reps there are no rep playbooks and nobody to hold accountable."),
    fix=T_("Add the reps who run the plan and give each their accounts."),
)
def _reps_none(ctx: Context):
    if not ctx.plan.reps:
        yield Hit(None, ctx.section_title("reps"), ctx.say("The plan names no reps."))


@rule(
    "rep-no-accounts", section="reps", severity="warning",
    title=T_("Rep without accounts"),
    trips="A rep has no accounts.",
    why=T_("A rep without named accounts goes back to the phone book, and their targets cannot "
           "be met by plan."),
    fix=T_("Give the rep their accounts, or remove them from the plan."),
)
def _rep_no_accounts(ctx: Context):
    for rep in ctx.plan.reps:
        if not rep.account_ids:
            yield Hit(rep.id, rep.name, ctx.say("{rep} has no accounts.", rep=rep.name),
                      field="account_ids")


@rule(
    "rep-schedule-past-end", section="reps", severity="warning",
    title=T_("Schedule that runs past the campaign's end"),
    trips="The plan has an end date, and a rep's schedule (from the rep's start date, else the "
          "plan's, dated as the rep's playbook prints it: business days, waves, daily capacity) "
          "has touches after it.",
    why=T_("The rep's playbook dates every touch. Touches after the campaign's end fall outside "
           "the weeks the plan's targets are reviewed in, and the last steps are often the asks "
           "for a meeting: the campaign ends before it has asked."),
    fix=T_("Shorten the cadence or move the plan's end date; when the accounts do not fit the "
           "days, start the rep earlier, give them fewer accounts or raise the daily touch "
           "capacity."),
)
def _rep_schedule_past_end(ctx: Context):
    plan = ctx.plan
    if plan.basics.end_date is None:
        return
    by_id = {a.id: a for a in plan.accounts}
    names = {c.id: c.name for c in plan.cadences}
    for rep in plan.reps:
        start = rep.start_date or plan.basics.start_date
        if start is None or not rep.account_ids:
            continue
        try:
            late = past_end(schedule_inputs(plan, rep, start, by_id=by_id))
        except ScheduleError:  # the schedule's own errors are the schedule command's to say
            continue
        if late is None:
            continue
        last, end = _day(late.last, ctx.language), _day(late.end, ctx.language)
        if late.cause == "late_start":
            message = ctx.say("{rep}'s schedule starts on {start}, after the plan's end on "
                              "{end}.", rep=rep.name, start=_day(start, ctx.language), end=end)
        elif late.cause == "cadence":
            cadences = [ctx.quote(names.get(c, c)) for c in late.cadences]
            message = ctx.say_n("{rep}'s last touch falls on {last}, after the plan's end on "
                                "{end}: the cadence {cadences} takes longer than the campaign "
                                "from {start}.",
                                "{rep}'s last touch falls on {last}, after the plan's end on "
                                "{end}: the cadences {cadences} take longer than the campaign "
                                "from {start}.", len(cadences), rep=rep.name, last=last,
                                end=end, cadences=ctx.and_list(cadences),
                                start=_day(start, ctx.language))
        else:
            message = ctx.say_n("{rep}'s last touch falls on {last}, after the plan's end on "
                                "{end}: with a daily touch capacity of {capacity}, {n} account "
                                "cannot start in time.",
                                "{rep}'s last touch falls on {last}, after the plan's end on "
                                "{end}: with a daily touch capacity of {capacity}, {n} accounts "
                                "cannot start in time.", late.accounts, rep=rep.name, last=last,
                                end=end, capacity=plan.accountability.daily_touch_capacity)
        yield Hit(rep.id, rep.name, message)


def _day(day: date, language: str) -> str:
    """``31 Jul 2027`` as ``language`` writes a day (``31. Juli 2027``, ``31 juil. 2027``)."""
    return format_skeleton("yMMMd", day, locale="en_GB" if language == "en" else language)
