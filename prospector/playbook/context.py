"""Plan -> template context: a pure function, so the playbook's content is testable without a PDF.

Everything the templates show is decided here (what goes in which section, in which order, how
dates and numbers read); the templates only lay it out. Plan text is passed through untouched:
Jinja's autoescaping makes it safe, so nothing here may mark plan text as Markup except the
timeline SVG, which escapes every piece of text it uses.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, timedelta
from typing import Any

from babel.dates import format_interval, format_skeleton
from babel.numbers import format_percent

from ..business_days import SATURDAY_SUNDAY, days_off_names, holiday_name
from ..errors import ProspectorError
from ..holiday_regions import subdivisions
from ..model import TIERS, Cadence, Channel, Contact, Plan, Rep, TargetAccount, ValueTouch
from ..schedule import (
    Schedule,
    ScheduleError,
    build_schedule,
    find_rep,
    holiday_place,
    rep_accounts,
)
from ..sections import LEADER_CHAPTERS, REP_CHAPTERS, Chapter, content_of
from ..textnorm import sort_key
from . import conversations, glance, targets_page, team_goal
from .addressed import paragraphs_to_the_rep
from .anchors import script_anchor
from .brackets import unnested
from .colours import WHITE, contrast
from .countries import country_name, territory_names
from .limits import (
    ACCOUNT_LINE_LIMIT,
    ACCOUNT_TEXT,
    CARD_LIMIT,
    CONTACT_LIMIT,
    FINDING_LIMIT,
    PLAN_TEXT,
    ROW_TEXT,
    SCHEDULE_TOUCH_LIMIT,
    SHORT_TEXT,
    TRACK_TEXT,
    Reductions,
    cut_point,
)
from .schedule_targets import short_of_touch_targets, team_touch_notes, touch_target_notes
from .scorecard import build_scorecard
from .team_scorecard import build_team_scorecard
from .text_width import fit_line, line_count, text_mm
from .timeline import cadence_timeline_svg, channel_icon, timeline_caption
from .translations import (
    ENGLISH,
    N_,
    NP_,
    gettext,
    ngettext,
    printing,
    quoted,
    words_and,
    words_or,
)
from .translations import counted as plural
from .translations import number as grouped_number

TIER_LABELS = {"A": N_("Dream clients"), "B": N_("Strong fit"), "C": N_("Opportunistic")}
TIER_BLURBS = {  # after "1 account." the singular
    "A": NP_("The account that would change our year. It gets the most care and the richest "
             "touches.",
             "The accounts that would change our year. They get the most care and the richest "
             "touches."),
    "B": NP_("A good-fit account we pursue with a steady, valuable cadence.",
             "Good-fit accounts we pursue with a steady, valuable cadence."),
    "C": NP_("An account we open when a trigger event makes the timing right.",
             "Accounts we open when a trigger event makes the timing right."),
}
MAX_SCORECARD_WEEKS = 26
OWNER_CADENCE_MM = 55.0  # a cadence's name beside an account's name on its card, at 8 pt
# A rep with no accounts yet gets a short edition instead of pages of zeros: what the campaign is
# (its cadences), every touch with its script, and what to do until accounts are assigned.
NO_ACCOUNT_CHAPTERS = ("campaign", "touches")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class RepNotFound(ProspectorError):
    """The rep named for a rep playbook is not in the plan."""

    def __init__(self, name: str, plan: Plan) -> None:
        names = ", ".join(r.name for r in plan.reps) or "none yet: add reps to the plan first"
        super().__init__(f"no rep named '{name}' in the plan '{plan.name}' (its reps: {names})")


# The coach's appendix, a chapter of the leader's edition when asked for (not a plan section).
READINESS = Chapter("readiness", "Plan readiness", new_page=True)


# The plan sections' titles the readiness appendix names and no chapter holds (the others are
# the chapters' titles, extracted from prospector/sections.py)
SECTION_WORDS = (N_("Basics"), N_("Objections"), N_("Reps"))
SEVERITY_LABELS = {"blocker": N_("blocker"), "warning": N_("warning"), "tip": N_("tip")}


# --- formatting ------------------------------------------------------------------------------
def fmt_date(day: date | None, *, weekday: bool = False, year: bool = True) -> str:
    if day is None:
        return ""
    if (language := printing.get()) != ENGLISH:  # Babel's own pattern: "25. Jan. 2027"
        pattern = ("EEE " if weekday else "") + ("yMMMd" if year else "MMMd")
        return format_skeleton(pattern, day, locale=language)
    text = f"{day.day} {_MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")
    return f"{_DAYS[day.weekday()]} {text}" if weekday else text


def fmt_day_in_table(day: date | None, *, year: bool = False) -> str:
    """A day in a narrow table column: ``15 Mar``; in another language by numbers, as its
    readers write a day in a table (``15.3.``, ``15/03``), where a month's name would not fit."""
    if day is not None and (language := printing.get()) != ENGLISH:
        return format_skeleton("yMd" if year else "dM", day, locale=language)
    return fmt_date(day, year=year)


def fmt_range(first: date | None, last: date | None) -> str:
    if first and last:
        if first.year == last.year:
            return f"{fmt_date(first, year=False)} – {fmt_date(last)}"
        return f"{fmt_date(first)} – {fmt_date(last)}"
    if first:
        return gettext("from %(date)s", date=fmt_date(first))
    return gettext("until %(date)s", date=fmt_date(last)) if last else ""


def fmt_week(monday: date, *, year: bool = False, days: int = 5) -> str:
    """Monday to Friday of a week (or the ``days`` working days from another first day, Sunday
    to Thursday in Israel), short: ``11–15 Jan`` or ``29 Mar – 2 Apr``."""
    friday = monday + timedelta(days=days - 1)
    if friday <= monday:  # the plan's last day alone ("30 June 2027")
        return fmt_date(monday, year=year)
    if (language := printing.get()) != ENGLISH:  # "25.–29. Jan. 2027" in German
        return format_interval(monday, friday, "yMMMd" if year else "MMMd", locale=language)
    tail = f" {friday.year}" if year else ""
    if monday.month == friday.month:
        return f"{monday.day}–{friday.day} {_MONTHS[friday.month - 1]}{tail}"
    return f"{fmt_date(monday, year=False)} – {fmt_date(friday, year=False)}{tail}"


def fmt_number(value: float) -> str:
    return grouped_number(value)


def paragraphs(text: str) -> list[str]:
    """Split free text into paragraphs on blank lines (single newlines stay inside one)."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


FILL_CONTRAST = 1.25  # a brand fill lighter than this on white (white, #F5F5F5) shows nothing:
#                       the cover's band, the tier badges and bars vanished; a pale yellow stays


def brand_palette(colour: str) -> dict[str, str]:
    """The brand colour plus a readable ink (darkened until it reads on white) and light tints;
    a colour too close to white to show on paper is darkened until it shows."""
    rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    fill = rgb
    while contrast(fill, WHITE) < FILL_CONTRAST:
        fill = tuple(int(c * 0.93) for c in fill)
    ink = fill
    while contrast(ink, WHITE) < 4.5:
        ink = tuple(int(c * 0.85) for c in ink)
    return {"colour": colour if fill == rgb else _hex(fill), "ink": _hex(ink),
            "tint": _hex(_mix(fill, 0.07)), "soft": _hex(_mix(fill, 0.18)),
            "line": _hex(_mix(fill, 0.45))}


def _mix(rgb: tuple[int, ...], weight: float) -> tuple[int, ...]:
    return tuple(round(255 + (c - 255) * weight) for c in rgb)


def _hex(rgb: tuple[int, ...]) -> str:
    return "#" + "".join(f"{c:02X}" for c in rgb)


# --- the context ------------------------------------------------------------------------------
def build_context(plan: Plan, *, rep_name: str | None = None, start: date | None = None,
                  today: date | None = None, readiness: bool = False,
                  rep_actuals: Mapping[str, Sequence[float | None]] | None = None,
                  ) -> dict[str, Any]:
    """Everything the playbook templates need. ``rep_name`` selects the rep's edition;
    ``readiness`` adds the coach's "Plan readiness" appendix to the leader's edition.
    ``rep_actuals``: the rep's actuals by week as ``rep_actuals_by_week`` counts them, for a
    plan sent without its facts (the preview's); by default they are counted from the plan.

    ``reductions`` (a ``limits.Reductions``) records what a very large plan's edition leaves out
    (see ``limits``); its notes are printed on the contents page once the HTML is rendered."""
    today = today or date.today()
    red = Reductions()
    rep = None
    if rep_name is not None:
        try:  # by name, email or id; accents and name order do not matter
            rep = find_rep(plan, rep_name)
        except ScheduleError:
            raise RepNotFound(rep_name, plan) from None
    plan = content_of(plan)  # a row left as "Add" made it ("New persona") prints nothing
    basics = plan.basics
    rep_of = {aid: r.name for r in plan.reps for aid in r.account_ids}
    ctx: dict[str, Any] = {
        "edition": "rep" if rep else "leader",
        "lang": "en",
        "plan_name": plan.name,
        "basics": basics,
        "page_size": basics.page_size,
        "brand": brand_palette(basics.brand_colour),
        "logo": basics.logo,
        "printed": fmt_date(today),
        "campaign_dates": fmt_range(basics.start_date, basics.end_date),
        "goal_paragraphs": (goal := red.paragraphs(basics.goal, PLAN_TEXT, N_("the goal"))),
        "glance_goal": glance.goal_on_the_page(goal),
        "strategy_paragraphs": red.paragraphs(basics.strategy, PLAN_TEXT, N_("the strategy")),
        "roles_paragraphs": red.paragraphs(basics.roles, PLAN_TEXT, N_("the roles")),
        "differentiators": [_differentiator(red, d) for d in plan.differentiators],
        "review_paragraphs": red.paragraphs(plan.accountability.review, PLAN_TEXT,
                                            N_("the review")),
        "reductions": red,
        "targets": _targets(plan, team=rep is None),
    }
    if rep is None:
        ctx.update(_leader(plan, rep_of, red, today))
        # the leader's copy of the reps' form: rows a hand can write in, as in a rep's edition
        # (its page is its own, after the team's scorecard)
        ctx["scorecard"]["row_mm"] = targets_page.writing_row_mm(
            basics.page_size, len(ctx["scorecard"]["rows"]))
        if readiness:
            ctx["sections"].append(READINESS)
            ctx["readiness"] = _readiness(plan, red)
    else:
        if rep_actuals is None:
            from ..review import rep_actuals_by_week  # noqa: PLC0415 - a rep's scorecard only

            rep_actuals = rep_actuals_by_week(plan, rep.id)
        ctx.update(_rep(plan, rep, start or rep.start_date or basics.start_date or today, red,
                        rep_actuals))
        ctx["review_paragraphs"] = paragraphs_to_the_rep(ctx["review_paragraphs"])
        scorecard = ctx["scorecard"]
        # "How we review" and the scorecard one page, where rows a hand writes in fit under it
        sheet_row = targets_page.review_sheet_row_mm(
            basics.page_size, ctx["review_paragraphs"], scorecard["pages"][0],
            len(scorecard["rows"]), len(scorecard["pages"])) if scorecard["pages"] else None
        ctx["review_sheet"] = sheet_row is not None
        ctx["targets_whole"] = targets_page.kept_whole(
            basics.page_size, ctx["targets"], ctx["touch_target_notes"], ctx["definition"],
            None if ctx["review_sheet"] else ctx["review_paragraphs"])
        scorecard["row_mm"] = sheet_row or targets_page.writing_row_mm(
            basics.page_size, len(scorecard["rows"]))
    # the goal in the room the cover's title, subtitle and offering leave it
    ctx["glance"]["cover_goal"] = glance.cover_goal(
        basics.goal, title=plan.name, subtitle=ctx["cover_subtitle"],
        offering=ctx["glance"]["cover_offering"], page_size=basics.page_size)
    ctx["call_cards_short_index"] = True  # in full if the opening starts a page (second_layout)
    ctx["meta"] = _meta(plan, rep)
    return ctx


def _readiness(plan: Plan, red: Reductions) -> dict[str, Any]:
    """The coach's review, for the appendix: scores per section, then every finding."""
    from ..coach import SECTION_TITLES, review  # noqa: PLC0415 - only when asked for

    language = printing.get()  # the findings in the edition's language
    result = review(plan, language=language)
    titles = {k: gettext(t) for k, t in SECTION_TITLES.items()}  # as the chapters name them
    if len(result.findings) > FINDING_LIMIT:
        red.lists += len(result.findings) - FINDING_LIMIT
    return {
        "overall": result.overall,
        "quality": result.quality,
        "complete": format_percent(result.completeness, locale=language),
        "verdict": result.verdict,
        "counts": [(result.blockers, ngettext("blocker", "blockers", result.blockers)),
                   (result.warnings, ngettext("warning", "warnings", result.warnings)),
                   (result.tips, ngettext("tip", "tips", result.tips))],
        "sections": [{"title": titles[k], "score": v}
                     for k, v in result.section_scores.items()],
        "findings": [{"severity": f.severity, "label": gettext(SEVERITY_LABELS[f.severity]),
                      "section": titles[f.section],
                      # a finding on the section as a whole names no item: the coach gives
                      # it the section's title ("TARGET ACCOUNTS · TARGET ACCOUNTS")
                      "item": f.item_label if f.item_id and f.item_label != titles[f.section]
                      else "", "message": f.message, "why": f.why, "fix": f.fix}
                     for f in result.findings[:FINDING_LIMIT]],
        "more_findings": max(0, len(result.findings) - FINDING_LIMIT),
        "hints": [f"{h.title} (+{h.gain})" for h in result.raise_score_hints[:5]],
    }


def _meta(plan: Plan, rep: Rep | None) -> dict[str, str]:
    b = plan.basics
    company, owner = _clip(b.company, SHORT_TEXT), _clip(b.owner, SHORT_TEXT)
    what = " – ".join(x for x in (company, _clip(b.offering, SHORT_TEXT)) if x)
    if rep:
        title = gettext("%(plan)s: playbook for %(rep)s", plan=plan.name, rep=rep.name)
        description = gettext("Prospecting playbook for %(rep)s: accounts, dated schedule and "
                              "targets.", rep=rep.name)
    else:
        title = gettext("%(plan)s: prospecting playbook", plan=plan.name)
        description = gettext("Prospecting playbook: targets, touches, differentiation, "
                              "cadence, accountability.")
    if what:
        end = "" if what.rstrip().endswith((".", "!", "?", "…")) else "."
        description = f"{description} {what.rstrip()}{end}"
    return {"title": title, "author": owner or company or "Prospector",
            "description": description, "keywords": ", ".join(
                x for x in (gettext("prospecting playbook"), company, rep.name if rep else "")
                if x)}


def _clip(text: str, limit: int) -> str:
    """Text for the PDF's metadata: cut with an ellipsis, no marker (readers show one line)."""
    return text if len(text) <= limit else text[:cut_point(text, limit - 1)].rstrip() + "…"


def _leader(plan: Plan, rep_of: dict[str, str], red: Reductions,
            today: date) -> dict[str, Any]:
    # a cadence no account follows (a one-account plan's B and C campaign) is named in one
    # line, "no accounts yet", not printed with its chart and steps, nor in the call cards'
    # days or at a glance; a plan with no accounts yet prints every cadence (it is drafted)
    used = [c for c in plan.cadences
            if not plan.accounts or any(plan.cadence_for(a) is c for a in plan.accounts)]
    idle = [c for c in plan.cadences if c not in used]
    talk = conversations.build(plan, red, LEADER_CHAPTERS, cadences=used)
    omit = talk.pop("omit")
    sections = [c for c in LEADER_CHAPTERS if c.id not in omit]
    b = plan.basics
    schedules = (glance.reps_schedules(plan, plan.reps, today)
                 if len(plan.accounts) <= glance.FIRST_TOUCH_LIMIT else [])
    starts = glance.first_touches(schedules)
    scorecard = _scorecard(plan, b.start_date, b.end_date, _plan_weeks(plan), red)
    touch_notes = team_touch_notes(plan.accountability.targets, schedules)
    at_a_glance = glance.glance(plan, plan.accounts, used, TIER_LABELS, None, red,
                                scorecard["total_values"], touch_notes)
    totals = team_goal.team_totals(plan.accountability.targets, scorecard["total_values"],
                                   len(plan.reps), b.goal)
    return {
        **talk,
        "sections": sections,
        "cover_kicker": gettext("Prospecting playbook"),
        "cover_subtitle": red.clip(b.company, glance.COVER_LINE, N_("the company (on the cover)")),
        "icp": _icp(plan, red),
        "tiers": _tiers(plan, plan.accounts, rep_of, red, starts),
        "compact": red.compact_accounts > 0,
        "line_limit": ACCOUNT_LINE_LIMIT,
        "personas": _personas(plan, plan.touches, red),
        "channels": conversations.mark_openings(_channels(plan, plan.touches, red),
                                                talk["call_cards"]),
        "cadences": [_cadence(plan, c, red) for c in used],
        "idle_cadences": [{"name": c.name, "audience": glance.tiers_words(c.tiers),
                           "touches": plural(len(c.steps), "touch")} for c in idle],
        "stats": [
            (len(plan.accounts), ngettext("target account", "target accounts",
                                          len(plan.accounts))),
            (len(plan.accounts_in_tier("A")), ngettext(
                "dream client (tier A)", "dream clients (tier A)",
                len(plan.accounts_in_tier("A")))),
            (len(plan.touches), ngettext("value-creating touch", "value-creating touches",
                                         len(plan.touches))),
            (len(plan.cadences), ngettext("cadence", "cadences", len(plan.cadences))),
            (len(plan.reps), ngettext("rep", "reps", len(plan.reps))),
        ],
        "reps": plan.reps,
        "unassigned": sum(1 for a in plan.accounts if a.id not in rep_of),
        "glance": at_a_glance,
        "overview": glance.overview(plan, plan.accounts, rep_of, starts, fmt_day_in_table,
                                    plan.cadences),
        "scorecard": scorecard,
        "team_scorecard": build_team_scorecard(plan.accountability.targets, plan.reps, scorecard,
                                               b.goal),
        # what the reps' targets add up to against the figures the goal states
        "goal_sentences": team_goal.goal_sentences(totals, len(plan.reps), scorecard["weeks"])
        if plan.reps else [],
        # the touch targets against the schedules: at a glance if the page has room for them
        # beside every rep, else in the accountability chapter
        "team_touch_notes": [n for n in touch_notes if n not in at_a_glance["notes"]],
    }


def _rep(plan: Plan, rep: Rep, start: date, red: Reductions,
         actuals: Mapping[str, Sequence[float | None]]) -> dict[str, Any]:
    accounts = rep_accounts(plan, rep)
    planned = build_schedule(plan, rep, start)  # business days, holidays, daily capacity
    place = holiday_place(plan, rep)
    schedule = planned.touches
    weeks = planned.by_week()
    cadences = [c for c in plan.cadences if any(plan.cadence_for(a) is c for a in accounts)]
    used_touch_ids = {s.touch_id for c in cadences for s in c.steps if s.touch_id}
    touches = [t for t in plan.touches if t.id in used_touch_ids]
    if not accounts:  # a short edition: the campaign, every touch and script, what to do
        cadences, touches = list(plan.cadences), list(plan.touches)
    no_cadence = red.names([a.name for a in accounts if plan.cadence_for(a) is None],
                           N_("an account's name"))
    talk = conversations.build(plan, red, REP_CHAPTERS, accounts=accounts, cadences=cadences,
                               touch_ids={t.id for t in touches})
    omit = talk.pop("omit")
    cards = {c["id"] for c in talk["call_cards"]}  # the personas the edition has a card for
    sections = [c for c in REP_CHAPTERS if c.id not in omit
                and (accounts or c.id in NO_ACCOUNT_CHAPTERS)]
    last = schedule[-1].date if schedule else None
    asks = sum(1 for t in schedule if t.is_ask)
    printed, rest = _printed_weeks(weeks, red)
    by_id = {a.id: a for a in accounts}
    scripted = {t.id for t in plan.touches if t.message.strip()}
    until_printed = printed[-1].touches[-1].date if rest else None
    # the scorecard runs to the end of the plan (targets are weekly), or of the schedule if later
    until = max((d for d in (last, plan.basics.end_date) if d and d >= start), default=None)
    monday = start - timedelta(days=start.weekday())
    territory = territory_names(rep.territory, printing.get())
    n_weeks = (until - monday).days // 7 + 1 if until else 4
    # the cadences end weeks before the campaign (one account, or one wave): say so, or the
    # schedule seems to stop early for no reason
    ends_early = fmt_date(plan.basics.end_date) if (
        len(planned.waves) <= 1 and last and plan.basics.end_date
        and (plan.basics.end_date - last).days > 14) else ""
    # the campaign's last weeks with no touch, after the schedule's last (the scorecard's rows
    # run on to them): said at the schedule's end, which otherwise stops without a word
    quiet = (n_weeks - weeks[-1].number) if (weeks and not rest and not ends_early
                                              and plan.basics.end_date) else 0
    return {
        **talk,
        "sections": sections,
        "rep": rep,
        "territory": territory,
        "start": fmt_date(start, weekday=True),
        "cover_kicker": gettext("Rep playbook"),
        "cover_subtitle": red.clip(rep.name + (f" · {territory}" if territory else ""),
                                   glance.COVER_LINE, N_("the rep's territory (on the cover)")),
        "tiers": _tiers(plan, accounts, {}, red, planned.account_starts, reach=True,
                        cards=cards),
        "compact": red.compact_accounts > 0,
        "line_limit": ACCOUNT_LINE_LIMIT,
        "no_cadence": no_cadence,
        "no_accounts": not accounts,
        "cadences": [_cadence(plan, c, red) for c in cadences],
        "channels": conversations.mark_openings(_channels(plan, touches, red),
                                                talk["call_cards"]),
        "weeks": [_week(plan, w, red, by_id, scripted, start, until, cards)
                  for w in printed],
        "schedule_rest": rest,
        "schedule_span": fmt_range(schedule[0].date, last) if schedule else "",
        "holiday_place": _holiday_place(*place) if planned.holidays else "",
        "holidays": red.names([f"{fmt_date(day, weekday=True)} "
                               f"({holiday_name(*place, day, printing.get()) or name})"
                               for day, name in planned.holidays
                               if until_printed is None or day <= until_printed], N_("a holiday")),
        "days_off": words_and([gettext(n) for n in days_off_names(planned.weekend,
                                                                   bool(planned.holidays))]),
        "capacity": planned.capacity,
        # the busiest day's touches: "no day has more than 22" is the capacity the start dates
        # keep to, read as a count of the rep's days (their busiest has 4)
        "busiest_day": max(Counter(t.date for t in schedule).values(), default=0),
        "staggered": len(set(planned.account_starts.values())) > 1,
        # the accounts' real first touch days: a wave's Monday may be a holiday (Easter Monday)
        # the waves promise that every cadence ends by the campaign's end only when it does
        "in_time": planned.past_end is None,
        "past_end": _past_end(plan, planned, start),
        "waves": {"count": len(planned.waves),
                  "first": fmt_date(min(planned.account_starts.values()), year=False),
                  "last": fmt_date(max(planned.account_starts.values()), year=False),
                  "end": fmt_date(plan.basics.end_date)} if len(planned.waves) > 1 else None,
        "ends_early": ends_early,
        "quiet_end": {"first": weeks[-1].number + 1, "last": n_weeks, "count": quiet,
                      "end": fmt_date(plan.basics.end_date)} if quiet > 0 else None,
        "unscheduled": red.names([f"{u.account_name}: {_unscheduled_reason(plan, u)}"
                                  for u in planned.unscheduled], N_("an account's name")),
        "stats": [
            (len(accounts), ngettext("account", "accounts", len(accounts))),
            (len(schedule), ngettext("scheduled touch", "scheduled touches", len(schedule))),
            (asks, ngettext("meeting ask", "meeting asks", asks)),
            (len(weeks), ngettext("week with touches", "weeks with touches", len(weeks))),
        ],
        "scorecard": _scorecard(plan, start, until, max(4, min(n_weeks, MAX_SCORECARD_WEEKS)),
                                red, actuals, planned.weekend),
        "touch_target_notes": touch_target_notes(plan.accountability.targets, weeks),
        "glance": {**glance.glance(plan, accounts, cadences, TIER_LABELS, rep, red),
                   # "45 / week" beside about 4 a week scheduled: the glance says where the
                   # rest comes from (the rep's targets chapter says it in full)
                   "scheduled_a_week": short_of_touch_targets(plan.accountability.targets,
                                                              weeks)},
        "overview": glance.overview(plan, accounts, None, planned.account_starts,
                                    fmt_day_in_table, cadences),
    }


def _past_end(plan: Plan, planned: Schedule, start: date) -> str:
    """Why the rep's touches run past the campaign's end (``Schedule.past_end``), or ""."""
    late = planned.past_end
    if late is None:
        return ""
    end, last = fmt_date(late.end), fmt_date(late.last)
    if late.cause == "late_start":
        return gettext("Your schedule starts on %(start)s, after the campaign’s end on %(end)s: "
                       "every touch, to %(last)s, is after its end.",
                       start=fmt_date(start), end=end, last=last)
    if late.cause == "cadence":
        names = [quoted(c.name) for c in plan.cadences if c.id in late.cadences]
        return ngettext("The cadence %(names)s is longer than the campaign from %(start)s to "
                        "%(end)s: your last touch, on %(last)s, comes after its end.",
                        "The cadences %(names)s are longer than the campaign from %(start)s to "
                        "%(end)s: your last touch, on %(last)s, comes after its end.",
                        len(names), names=words_and(names),
                        start=fmt_date(start, year=start.year != late.end.year), end=end,
                        last=last)
    return ngettext("The plan’s limit of %(touches)s a day leaves no room to start every account "
                    "in time: %(num)s account ends after the campaign’s end on %(end)s, your "
                    "last touch on %(last)s.",
                    "The plan’s limit of %(touches)s a day leaves no room to start every account "
                    "in time: %(num)s accounts end after the campaign’s end on %(end)s, your "
                    "last touch on %(last)s.", late.accounts,
                    touches=plural(planned.capacity, "touch"), end=end, last=last)


def _unscheduled_reason(plan: Plan, unscheduled) -> str:
    """Why an account of the rep has no touches (``schedule.UnscheduledAccount``'s reason)."""
    account = plan.account(unscheduled.account_id)
    cadence = plan.cadence_for(account) if account else None
    if cadence is None:
        return gettext("no cadence is meant for tier %(tier)s", tier=unscheduled.tier)
    return gettext("the cadence “%(cadence)s” has no steps", cadence=cadence.name)


def _tiers(plan: Plan, accounts: list[TargetAccount], rep_of: dict[str, str],
           red: Reductions, starts: dict[str, date], *, reach: bool = False,
           cards: AbstractSet[str] = frozenset()) -> list[dict]:
    """Accounts by tier, sorted by name: cards, or one line each above ``CARD_LIMIT`` (then the
    line also gives the first touch, from ``starts``, and the trigger: it is the overview).
    ``reach`` prints each contact's phone and e-mail (the rep's edition only: the leader's is
    shared widely), with the contact's persona's call card beside the phone (``cards``: the
    personas the edition has one for)."""
    compact = len(accounts) > CARD_LIMIT
    if compact:
        red.compact_accounts = len(accounts)
    cadence_of = _cadence_names(plan)
    room = ACCOUNT_LINE_LIMIT  # lines left in the compact list (A first, then B, then C)
    tiers = []
    for tier in TIERS:
        items = sorted((a for a in accounts if a.tier == tier),  # Ångström among the A's
                       key=lambda a: (sort_key(a.name), a.name.casefold()))
        if not items:
            continue
        if compact:
            shown = items[:room]
            room -= len(shown)
            rows = [_account_row(a, rep_of.get(a.id, ""), cadence_of[a.tier], starts.get(a.id),
                                 red) for a in shown]
        else:
            rows = [_account(plan, a, rep_of.get(a.id, ""), red, reach=reach, cards=cards)
                    for a in items]
        tiers.append({
            "tier": tier, "label": gettext(TIER_LABELS[tier]),
            "blurb": ngettext(*TIER_BLURBS[tier], len(items)),
            "accounts": rows, "count": len(items), "not_printed": len(items) - len(rows),
        })
        if len(items) > len(rows):
            red.accounts_not_printed += len(items) - len(rows)
            red.line_limit = ACCOUNT_LINE_LIMIT
    return tiers


def _cadence_names(plan: Plan) -> dict[str, str]:
    """Tier -> the name of the cadence its accounts follow ("" if none)."""
    names = {}
    for tier in TIERS:
        cadence = next((c for c in plan.cadences if not c.tiers or tier in c.tiers), None)
        names[tier] = cadence.name if cadence else ""
    return names


def _account(plan: Plan, account: TargetAccount, rep_name: str,
             red: Reductions, *, reach: bool = False,
             cards: AbstractSet[str] = frozenset()) -> dict[str, Any]:
    def short(value: str, what: str, name: str = account.name) -> str:
        return red.text(value, SHORT_TEXT, what, name=name)

    facts = [short(account.industry, N_("the industry of %(name)s"))]
    if account.employees is not None:
        facts.append(plural(account.employees, "employee"))
    facts += [short(account.annual_revenue, N_("the revenue of %(name)s")),
              short(_place(account), N_("the place of %(name)s"))]
    cadence = plan.cadence_for(account)
    contacts = []
    for c in account.contacts[:CONTACT_LIMIT]:
        persona = plan.persona(c.persona_id) if c.persona_id else None
        contacts.append({"name": c.name,
                         "title": short(c.title, N_("the title of %(name)s"), c.name)
                         if c.title else (persona.role if persona else ""),
                         "persona": persona.role if persona else "",
                         "phone": short(c.phone, N_("the phone number of %(name)s"), c.name)
                         if reach else "",
                         "email": c.email if reach else "",
                         # the card a rep holds when they call (not the talk track, whose
                         # opening is on the card): beside the phone, or where it will be once
                         # found (a contact with no number is called all the same)
                         "card": c.persona_id if reach and c.persona_id in cards else ""})
    more = len(account.contacts) - CONTACT_LIMIT
    if more > 0:
        red.lists += more
        contacts.append({"name": gettext("and %(count)s more", count=more), "title": "",
                         "persona": "", "phone": "",
                         "email": "", "card": ""})
    return {"id": account.id, "name": account.name, "tier": account.tier,
            "facts": [f for f in facts if f],
            "website": short(account.website, N_("the website of %(name)s")),
            "why": red.text(account.why, ACCOUNT_TEXT, N_("why %(name)s"), name=account.name),
            "notes": red.text(account.notes, ACCOUNT_TEXT, N_("the notes of %(name)s"),
                              name=account.name),
            "contacts": contacts, "rep": rep_name,
            # the rep's edition says whom to find, not nothing (the card looked misprinted)
            "no_contact": _no_contact(plan, account) if reach and not contacts else "",
            # beside the name on one line (the cadence's chapter prints its name whole)
            "cadence": fit_line(cadence.name, OWNER_CADENCE_MM, "sans", 8) if cadence else ""}


def _no_contact(plan: Plan, account: TargetAccount) -> str:
    """What a rep's account card says for an account with no contact: whom its cadence's first
    touch is for, to find before it."""
    cadence = plan.cadence_for(account)
    steps = cadence.ordered_steps() if cadence else []
    roles = list(dict.fromkeys(p.role for p in (
        plan.persona(i) for i in _personas_for(plan, account, steps[0].touch_id if steps
                                               else None)) if p))
    if roles:
        return gettext("None yet: find the %(roles)s before the first touch.",
                       roles=words_or(roles))
    return gettext("None yet: find whom to reach before the first touch.")


def _holiday_place(country: str, subdivision: str) -> str:
    """Whose public holidays a rep's schedule skips: "Allemagne, Bayern" (the country in the
    edition's language, the subdivision as the ``holidays`` package names it), "" for none."""
    if not country:
        return ""
    name = country_name(country, printing.get())
    return f"{name}, {subdivisions(country).get(subdivision, subdivision)}" if subdivision else name


def _place(account: TargetAccount) -> str:
    """Where an account is: "Munich, Allemagne" (its country in the edition's language)."""
    country = country_name(account.country, printing.get())
    return ", ".join(x for x in (account.city, country) if x)


def _account_row(account: TargetAccount, rep_name: str, cadence: str, first: date | None,
                 red: Reductions) -> dict[str, str]:
    """An account as one line of the compact list: name, then rep, cadence, first touch,
    industry, place and trigger (the first clause of why it is a target)."""
    place = _place(account)
    facts = [rep_name, cadence,
             gettext("first touch %(date)s", date=fmt_date(first, year=False)) if first else "",
             account.industry, place, glance.first_clause(account.why, glance.TRIGGER_TEXT)]
    return {"id": account.id, "name": account.name,
            "line": " · ".join(red.clip(f, ROW_TEXT, N_("a fact of %(name)s"), name=account.name)
                               for f in facts if f)}


def _icp(plan: Plan, red: Reductions) -> dict[str, Any]:
    icp = plan.ideal_client_profile
    return {"notes": red.text(icp.notes, PLAN_TEXT, N_("the profile's notes")),
            "industries": icp.industries, "company_size": icp.company_size,
            "geography": icp.geography, "trigger_events": icp.trigger_events,
            "disqualifiers": icp.disqualifiers}


def _differentiator(red: Reductions, d) -> dict[str, str]:
    what = d.difference
    return {"id": d.id, "difference": d.difference,
            "why_it_matters": red.text(d.why_it_matters, TRACK_TEXT,
                                       N_("why “%(difference)s” matters"), difference=what),
            "proof": red.text(d.proof, TRACK_TEXT, N_("the proof of “%(difference)s”"),
                              difference=what),
            "alternative": red.text(d.alternative, TRACK_TEXT,
                                    N_("the alternative to “%(difference)s”"), difference=what),
            "talk_track": red.text(d.talk_track, TRACK_TEXT,
                                   N_("the talk track of “%(difference)s”"), difference=what)}


def _personas(plan: Plan, touches: list[ValueTouch], red: Reductions) -> list[dict[str, Any]]:
    out = []
    for p in plan.personas:
        persona: dict[str, Any] = {
            "role": p.role,
            "responsibilities": red.text(p.responsibilities, TRACK_TEXT,
                                         N_("the responsibilities of %(role)s"), role=p.role),
            "cares_about": p.cares_about,
            "value_means": red.text(p.value_means, TRACK_TEXT,
                                    N_("what value means to %(role)s"), role=p.role),
            "touches": [t.title for t in touches if p.id in t.persona_ids]}
        persona["whole"] = _persona_mm(persona) <= 0.4 * PAGE_TEXT_MM
        out.append(persona)
    return out


PAGE_TEXT_MM = 253  # an A4 page's text area, between the margins of 00-base.css
_LINE_MM = 1.45 * 25.4 / 72  # a line's height per point of type


def _persona_mm(p: dict[str, Any]) -> float:
    """About how tall a persona's card prints (30-cards-touches.css): its title, description and
    the taller of its two columns (what it cares about; what value means and its touches), some
    10% over what WeasyPrint prints. A card under about a third of a page (0.4 of it by this
    estimate) moves whole rather than split its columns unevenly."""
    left = 4 + sum(_text_mm(item, 79, 10) + 0.5 for item in p["cares_about"])
    right = 4 + _text_mm(p["value_means"], 84, 10)
    if p["touches"]:
        right += 4 + sum(_text_mm(title, 79, 9) + 0.4 for title in p["touches"])
    return 11 + _text_mm(p["responsibilities"], 174, 10) + max(left, right)


def _text_mm(text: str, width: float, size: float) -> float:
    """About how tall ``text`` prints in a column ``width`` mm wide at ``size`` pt."""
    return line_count(str(text), width, "sans", size) * size * _LINE_MM


def _channels(plan: Plan, touches: list[ValueTouch], red: Reductions) -> list[dict[str, Any]]:
    groups = []
    for channel in Channel:
        items = [t for t in touches if t.channel == channel]
        if items:
            groups.append({"label": gettext(channel.label),
                           "icon": channel_icon(channel, 14, plan.basics.brand_colour),
                           "touches": [_touch(plan, t, red) for t in items]})
    return groups


def _touch(plan: Plan, touch: ValueTouch, red: Reductions) -> dict[str, Any]:
    personas = [p.role for p in (plan.persona(pid) for pid in touch.persona_ids) if p]
    used_in = [c.name for c in plan.cadences if any(s.touch_id == touch.id for s in c.steps)]
    return {"id": touch.id, "script_id": script_anchor(touch.id).removeprefix("#"),
            "title": touch.title, "channel": gettext(touch.channel.label),
            "icon": channel_icon(touch.channel, brand=plan.basics.brand_colour),
            "value": red.text(touch.value, TRACK_TEXT, N_("the value of %(touch)s"),
                              touch=touch.title),
            "personas": personas,
            "asset": red.text(touch.asset, SHORT_TEXT, N_("the asset of %(touch)s"),
                              touch=touch.title),
            "message": red.text(touch.message, TRACK_TEXT, N_("the message of %(touch)s"),
                                touch=touch.title),
            "used_in": used_in}


def _cadence(plan: Plan, cadence: Cadence, red: Reductions) -> dict[str, Any]:
    """A cadence: its timeline and its steps. A step names its touch and links to the touch's
    card in the touches chapter (``script`` is that card's anchor): the script is printed
    there once, never again in the cadence's table."""
    brand = plan.basics.brand_colour
    steps: list[dict[str, Any]] = []
    for number, step in enumerate(cadence.ordered_steps(), start=1):
        touch = plan.touch(step.touch_id)
        steps.append({"number": number, "day": step.day, "week": step.day // 7 + 1,
                      "channel": gettext(step.channel.label),
                      "icon": channel_icon(step.channel, brand=brand),
                      "touch": touch.title if touch else "",
                      "objective": red.text(step.objective, TRACK_TEXT,
                                            N_("the objective of step %(step)s in %(cadence)s"),
                                            step=str(number), cadence=cadence.name),
                      "script": script_anchor(touch.id) if touch else "",
                      "has_script": bool(touch and touch.message.strip()),
                      "is_ask": step.is_ask})
    personas = [p.role for p in (plan.persona(pid) for pid in cadence.persona_ids) if p]
    audience = glance.tiers_words(cadence.tiers)
    if personas:
        audience += " · " + ", ".join(personas)
    weeks = cadence.span_days // 7 + 1
    asks = [s["day"] for s in steps if s["is_ask"]]
    channels = sorted({s["channel"] for s in steps})
    return {
        "id": cadence.id, "name": cadence.name, "audience": audience, "steps": steps,
        "summary": (gettext("%(touches)s over %(weeks)s across %(channels)s",
                            touches=plural(len(steps), "touch"), weeks=plural(weeks, "week"),
                            channels=plural(len(channels), "channel"))
                    + (gettext("; first meeting ask on day %(day)s", day=asks[0]) if asks
                       else gettext("; no meeting ask yet"))),
        "timeline": cadence_timeline_svg(cadence, plan),
        "caption": timeline_caption(cadence, plan),
    }


def _targets(plan: Plan, *, team: bool) -> list[dict[str, Any]]:
    reps = len(plan.reps) if len(plan.reps) > 1 else 0  # a team of one: the rep's figure alone
    rows = []
    for t in plan.accountability.targets:
        rows.append({"metric": t.metric, "kind": gettext("Activity") if t.kind == "activity"
                     else gettext("Outcome"),
                     "period": glance.period_word(t.period), "per_rep": fmt_number(t.per_rep),
                     "team": fmt_number(t.per_rep * reps) if team and reps else "",
                     "creates_opportunities": t.creates_opportunities})
    return rows


def _plan_weeks(plan: Plan) -> int:
    b = plan.basics
    if b.start_date and b.end_date:
        weeks = math.ceil(((b.end_date - b.start_date).days + 1) / 7)
    else:
        weeks = max((c.span_days // 7 + 1 for c in plan.cadences), default=12)
    return max(4, min(weeks, MAX_SCORECARD_WEEKS))


def _scorecard(plan: Plan, start: date | None, until: date | None, weeks: int,
               red: Reductions, actuals: Mapping[str, Sequence[float | None]] | None = None,
               weekend: frozenset[int] = SATURDAY_SUNDAY) -> dict[str, Any]:
    return build_scorecard(plan.accountability.targets, start, until, weeks, red, actuals,
                           weekend)


def _printed_weeks(weeks: list, red: Reductions) -> tuple[list, dict | None]:
    """The weeks of the schedule printed in full: whole weeks up to ``SCHEDULE_TOUCH_LIMIT``
    touches (at least the first week); the rest is summed up in one paragraph."""
    printed: list = []
    total = 0
    for week in weeks:
        if printed and total + len(week.touches) > SCHEDULE_TOUCH_LIMIT:
            break
        printed.append(week)
        total += len(week.touches)
    if len(printed) == len(weeks):
        return printed, None
    later = weeks[len(printed):]
    rest = {"weeks": len(printed), "printed": total,
            "printed_until": fmt_date(printed[-1].touches[-1].date),
            "rest": sum(len(w.touches) for w in later),
            "first_week": later[0].number, "last_week": later[-1].number,
            "from": fmt_date(later[0].touches[0].date),
            "last": fmt_date(later[-1].touches[-1].date)}
    red.schedule = rest
    return printed, rest


# The outcome a rep ticks for a touch, by how it is made: a call connects or leaves a message, a
# recorded video is sent and viewed, a visit meets someone, an event is attended.
# by phone number or e-mail address (an event's or a visit's invitation too)
_REACHED = (Channel.PHONE, Channel.EMAIL, Channel.VIDEO, Channel.EVENT, Channel.IN_PERSON)
_WRITTEN_TO = (Channel.EMAIL, Channel.VIDEO, Channel.EVENT)  # the e-mail first
# a live conversation: the rep holds the contact's persona's call card (call_cards._CALLED)
_CALLED = (Channel.PHONE, Channel.IN_PERSON)
_WRITTEN = (N_("Sent"), N_("Reply"), N_("Meeting booked"))
OUTCOMES = {Channel.PHONE: (N_("Connected"), N_("Message left"), N_("Meeting booked")),
            Channel.EMAIL: _WRITTEN, Channel.SOCIAL: _WRITTEN, Channel.MAIL: _WRITTEN,
            Channel.VIDEO: (N_("Sent"), N_("Viewed"), N_("Reply")),
            Channel.IN_PERSON: (N_("Met"), N_("Not met"), N_("Meeting booked")),
            Channel.EVENT: (N_("Invited"), N_("Attended"), N_("Meeting booked"))}


def _personas_for(plan: Plan, account: TargetAccount | None, touch_id: str | None) -> list[str]:
    """The personas a touch on ``account`` is for: those the touch is written for, else those its
    cadence is for; none when neither names one."""
    touch = plan.touch(touch_id)
    if touch and touch.persona_ids:
        return list(touch.persona_ids)
    cadence = plan.cadence_for(account) if account else None
    return list(cadence.persona_ids) if cadence else []


def contact_to_reach(plan: Plan, account: TargetAccount, touch_id: str | None,
                     channel: Channel | None = None) -> Contact | None:
    """Whom a touch on ``account`` is for: its contact of the first persona the touch is written
    for that the account has a contact of, in the touch's order of personas (of its cadence's
    when the touch names none; a field note "for Head of Maintenance, Plant Manager" went to
    the plant manager, the account's first contact), its first contact when neither names a
    persona; None when it has no contact of those personas (another persona's contact is not
    the one to reach: ``_missing`` says whom to find and whom to ask). Over the ``channel``'s
    way in: of those contacts, the first with a phone number for a call or a visit, with an
    e-mail address for a touch written to them (a call to a contact with no number, when a
    colleague of the persona has one, is a call the rep cannot make)."""
    personas = _personas_for(plan, account, touch_id)
    order = {persona: i for i, persona in enumerate(dict.fromkeys(personas))}
    for_touch = sorted((c for c in account.contacts if not personas or c.persona_id in order),
                       key=lambda c: order.get(c.persona_id or "", 0))
    need = ("email" if channel in _WRITTEN_TO else "phone" if channel in _REACHED else "")
    return next((c for c in for_touch if need and getattr(c, need)),
                for_touch[0] if for_touch else None)


def _reach(plan: Plan, contact: Contact | None, channel: Channel) -> dict[str, str] | None:
    """The contact as a schedule entry prints it: name, role, and the phone for a call or a
    visit's invitation, the e-mail for an e-mail or an event's invitation (the other one when
    that is missing, and then that it is missing: "no phone number yet: find it")."""
    if contact is None:
        return None
    first, second = ((contact.email, contact.phone) if channel in _WRITTEN_TO
                     else (contact.phone, contact.email))
    # a call to a contact with no number on file: the rep learns it now, not on the day
    lacking = "" if first or channel not in _REACHED else (
        gettext("no e-mail address yet: find it") if channel in _WRITTEN_TO
        else gettext("no phone number yet: find it"))
    return {"name": contact.name, "role": _role(plan, contact),
            "how": (first or second) if channel in _REACHED else "", "lacking": lacking}


def _role(plan: Plan, contact: Contact) -> str:
    """A contact's title, else its persona's role."""
    persona = plan.persona(contact.persona_id) if contact.persona_id else None
    return contact.title or (persona.role if persona else "")


def _missing(plan: Plan, account: TargetAccount | None, touch_id: str | None) -> str:
    """What an entry says when the account has no contact of the personas the touch is for:
    "no Plant Manager contact yet: find one (ask Sabine Köhler, Werkleiterin – Plant
    Manager)", naming a contact the account has (of its cadence's personas first), or without
    the bracket when it has none; "no contact yet" when the touch names no persona."""
    roles = list(dict.fromkeys(p.role for p in (
        plan.persona(i) for i in _personas_for(plan, account, touch_id)) if p))
    if not roles:
        return gettext("no contact yet")
    wanted = words_or(roles)
    contacts = account.contacts if account else []
    cadence = plan.cadence_for(account) if account else None
    ask = next((c for c in contacts if cadence and c.persona_id in cadence.persona_ids),
               contacts[0] if contacts else None)
    if ask is None:
        return gettext("no %(roles)s contact yet: find one", roles=wanted)
    role = _role(plan, ask)
    contact = ", ".join((ask.name, unnested(role))) if role else ask.name
    return gettext("no %(roles)s contact yet: find one (ask %(contact)s)", roles=wanted,
                   contact=contact)


# An entry of the rep's schedule (a touch and the accounts it goes to that day) is kept whole on
# a page, unless it goes to more accounts than this (about half a page: every account starting
# at once put 20 under one touch, taller than a page): it may then break between its accounts,
# its touch's line kept with the first two and the last two kept together.
LONG_ENTRY_ACCOUNTS = 6


_TICK_MM = 2.8 + 0.64 + 0.8  # a tick's box (55-schedule.css), its border and the room after it
_TICK_GAP_MM = 1.8  # between two ticks


def outcome_mm(outcomes: Sequence[str]) -> float:
    """How wide a schedule entry's outcome boxes print on one line (9 pt), in mm, rounded up."""
    width = sum(_TICK_MM + text_mm(o, "sans", 9) for o in outcomes)
    return math.ceil(width + _TICK_GAP_MM * max(0, len(outcomes) - 1) + 1)


def _week(plan: Plan, week, red: Reductions, accounts: dict[str, TargetAccount],
          scripted: set[str], start: date, until: date | None,
          cards: AbstractSet[str] = frozenset()) -> dict[str, Any]:
    """A week of the schedule: days, and in each day the touches grouped by cadence step, so a rep
    sees "send the benchmark email to these 7 accounts", each with the contact to reach, boxes
    for the outcome, and a link to the touch's script. Its dates run from ``start`` (the
    schedule's) to ``until`` (the plan's end) at most.

    A call (phone or visit) links each contact to their persona's call card (``cards``: the
    personas the edition has one for), which holds the opening and links the script: the
    script's opening is on the card, so "script, p. N" sent the rep in a circle. An entry whose
    every contact has a card prints no "script, p. N"; an e-mail or another channel keeps it."""
    days: list[dict[str, Any]] = []
    for t in week.touches:
        if not days or days[-1]["date"] != t.date:
            days.append({"date": t.date, "label": fmt_date(t.date, weekday=True, year=False),
                         "groups": [], "_keys": {}})
        day = days[-1]
        key = (t.cadence_id, t.step_number)
        if key not in day["_keys"]:
            day["_keys"][key] = len(day["groups"])
            day["groups"].append({
                "channel": gettext(t.channel.label),
                "icon": channel_icon(t.channel, brand=plan.basics.brand_colour),
                "touch": t.touch_title,
                "is_ask": t.is_ask, "step": t.step_number,
                "cadence": t.cadence_name, "accounts": [],
                "script": script_anchor(t.touch_id) if t.touch_id in scripted else "",
                "outcomes": [gettext(o) for o in OUTCOMES[t.channel]],
            })
        account = accounts.get(t.account_id)
        contact = contact_to_reach(plan, account, t.touch_id, t.channel) if account else None
        reach = _reach(plan, contact, t.channel)
        if reach is not None and contact is not None:
            reach["card"] = (contact.persona_id or "" if t.channel in _CALLED
                             and contact.persona_id in cards else "")
        day["groups"][day["_keys"][key]]["accounts"].append(
            {"name": t.account_name, "tier": t.tier, "reach": reach,
             "missing": "" if contact else _missing(plan, account, t.touch_id)})
    for day in days:
        del day["_keys"]
        for group in day["groups"]:
            group["long"] = len(group["accounts"]) > LONG_ENTRY_ACCOUNTS
            group["outcome_mm"] = outcome_mm(group["outcomes"])
    # the week's days within the schedule's start and the plan's end, as the scorecard's
    first = max(week.first_day, start)
    last = min(week.last_day, until) if until and until >= first else week.last_day
    return {"number": week.number, "dates": fmt_week(first, year=True,
                                                       days=(last - first).days + 1),
            "count": len(week.touches), "days": days}
