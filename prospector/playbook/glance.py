"""The plan summed up: the cover's key numbers, the "At a glance" page and the overview table.

Pure functions of the plan (and, for a rep, of the rep's schedule), called by ``context``. A rep's
edition counts the rep's own accounts, touches and cadences; the leader's counts the whole plan.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..model import TIERS, Cadence, Channel, Plan, Rep, Target, TargetAccount
from ..schedule import Schedule, ScheduleError, build_schedule
from ..textnorm import sort_key
from ..wording import unbroken_legal_form
from .countries import country_name, territory_names
from .limits import CARD_LIMIT, Reductions
from .text_width import MM_PER_PT, clamp_lines, fit_line, line_count, line_starts, text_mm
from .translations import N_, gettext, ngettext, number, printing, words_and
from .translations import counted as plural

COVER_TEXT = 400  # the offering on the cover (its other texts: COVER_LINE), so it stays one page
COVER_LINE = 120
# The leader's edition dates each account's first touch from every rep's schedule: fast up to a
# few thousand accounts (1,000: 0.13 s), slow beyond (20,000: 35 s); a rep's edition always does.
FIRST_TOUCH_LIMIT = 2_000
TRIGGER_TEXT = 45  # an account's trigger on its one line in a very large edition: its first clause
# A clause ends at a sentence's end, a colon, a semicolon, a dash or a bracket (not at a comma:
# "a third press line, going live in Q3" is one clause to a reader of a one-line table).
_CLAUSE_END = re.compile(r"[.!?…](?=\s|$)|[:;]\s|\s[–—-]\s|\s\(")


def first_clause(text: str, limit: int) -> str:
    """The first clause of ``text`` (see ``_CLAUSE_END``), at most about ``limit`` characters
    (then cut between words), ended with "…" if the text goes on."""
    text = " ".join(text.split())
    found = _CLAUSE_END.search(text)
    clause = (text[:found.start() + (text[found.start()] in "!?")] if found else text)
    clause = clause.rstrip(" ,.")  # a label, not a sentence: no full stop
    if len(clause) <= limit:
        goes_on = text[len(clause):].strip(" ,.!?…")
        return clause + "…" if goes_on and not clause.endswith("…") else clause
    cut = clause.rfind(" ", 0, limit)
    return clause[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


COVER_GOAL_MM = 153.0  # the goal on the cover: 154 mm wide (A4's cover, the narrower)
PAGE_MM = {"A4": 297.0, "Letter": 279.4}  # the cover's height (render.PAGE_HEIGHTS)
# The cover's flow (10-cover-contents.css), in mm: the page less its padding (28 mm at the top,
# 64 mm for the facts at the foot); the top block (kicker, title, subtitle, offering) at least
# 92 mm; under it the goal's rule, label and gap (10 + 8 + 5 + 8) and the key numbers' band
# (31.5: 6 + 5 padding, the figure and its 2 mm, a label of two lines), 3 mm to spare.
_COVER_FLOW_PADDING = 28.0 + 64.0
_COVER_TOP_MIN = 92.0
_COVER_AROUND_GOAL = 10.0 + 8.0 + 5.0 + 8.0 + 31.5 + 3.0
_COVER_MORE_MM = 5.0  # "The goal in full: page N" under a goal cut short
_MM = 25.4 / 72  # a point in mm
# the goal's sizes, largest first: --fs-l (the headline) and --fs-m, both at line-height 1.3
COVER_GOAL_SIZES = (("l", 16.0), ("m", 12.0))


def cover_top_mm(title: str, subtitle: str, offering: str,
                 width_mm: float = COVER_GOAL_MM) -> float:
    """The height of the cover's top block: the kicker (9 pt and 5 mm), the title (26 pt, line
    height 1.15, 5 mm under it), the subtitle (16 pt, 1.35, 3 mm) and the offering (10 pt, 1.5,
    at most 130 mm wide), at least 92 mm."""
    height = 9 * 1.2 * _MM + 5.0
    height += line_count(" ".join(title.split()), width_mm, "serif-bold", 26) * 26 * 1.15 * _MM
    height += 5.0
    if subtitle.strip():
        height += line_count(" ".join(subtitle.split()), width_mm, "sans", 16) * 16 * 1.35 * _MM
        height += 3.0
    if offering.strip():
        height += line_count(" ".join(offering.split()), 130.0, "sans", 10) * 10 * 1.5 * _MM
    return max(_COVER_TOP_MIN, height)


def cover_goal(goal: str, *, title: str = "", subtitle: str = "", offering: str = "",
               page_size: str = "A4") -> dict[str, Any]:
    """The goal as the cover prints it: whole in the room the cover's other texts leave it, as
    a 16 pt headline, else at 12 pt; a goal too long for even that is cut at a word with "…"
    (``whole`` False: the cover then says where it is printed whole). ``size``: "l" or "m"."""
    text = " ".join(goal.split())
    if not text:
        return {"text": "", "whole": False, "size": "l"}
    room = (PAGE_MM.get(page_size, PAGE_MM["A4"]) - _COVER_FLOW_PADDING
            - cover_top_mm(title, subtitle, offering) - _COVER_AROUND_GOAL)
    for size, pt in COVER_GOAL_SIZES:
        if line_count(text, COVER_GOAL_MM, "serif", pt) * pt * 1.3 * _MM <= room:
            return {"text": text, "whole": True, "size": size}
    size, pt = COVER_GOAL_SIZES[-1]
    lines = max(1, int((room - _COVER_MORE_MM) // (pt * 1.3 * _MM)))
    kept, _cut = clamp_lines([text], COVER_GOAL_MM, "serif", pt, lines)
    return {"text": kept[0] if kept else "", "whole": False, "size": size}


# "At a glance" is one page whatever the plan's texts, on Letter too (the shorter paper): each part
# has room for so many lines, and a text cut to fit ends in "…" and says where it is printed whole
# (the goal: the first chapter).
GOAL_LINES = 3  # the goal, serif 12 pt across the page (the callout: 174 mm less 4+4 mm and rule)
GOAL_MM = 163.0
BOX_MM = 82.0  # one of the page's two columns (174 mm, a 10 mm gutter)
GLANCE_CADENCES = 4  # then "and N more"
GLANCE_TARGETS = 5  # two lines each: with "and N more", the taller of the second row's boxes
# Every rep, in two columns of rows (name and territory, accounts, the rep's target): as many
# rows as the page holds under its other parts (``rep_rows``); a team larger than that ends in
# "and N more" (the 120-account plan's ten reps are all there on A4; on Letter, seven of them)
# A small team (up to two rows of two) prints each rep's territory under the name, on up to
# REP_TERRITORY_LINES lines where the page has room; a larger team beside the name, if at all
GLANCE_SMALL_TEAM = 4
REP_TERRITORY_LINES = 2
REP_NAME_MM = 40.0  # the rep's column in a half (82 mm) beside accounts and the target
REP_ACCOUNTS_MM = 16.0
REP_KEY_MM = 50.0  # the target's name in the key beside the reps' heading, on that line


COVER_FACT_MM = 45.0  # a fact at the cover's foot: a third of 154 mm less its 5 mm gutter
COVER_FACT_LINES = 2  # the facts fit their room at the cover's foot, on Letter too


COVER_WIDE_MM = 97.0  # the reps' names: two thirds of 154 mm less the gutter


def _cover_fact(text: str, width_mm: float = COVER_FACT_MM, lines: int = COVER_FACT_LINES) -> str:
    """A fact at the cover's foot (the company, the plan's owner), at most two lines; a cut
    ends in "…" (a name or title that long is rare; the contents' list of cuts is not told, as
    its entries are not in the catalogs)."""
    kept, _cut = clamp_lines([" ".join(text.split())] if text.strip() else [], width_mm,
                             "sans", 10, lines)
    return kept[0] if kept else ""


def _cover_rep(rep: Rep) -> dict[str, str]:
    """A rep's cover: whose copy it is, the name on up to two lines before the address takes
    the rest of the three (the name was cut to one line, "Anna-Lena…", while the address had
    two)."""
    name = " ".join(rep.name.split())
    name_lines = (min(COVER_FACT_LINES, line_count(name, COVER_FACT_MM, "sans", 10))
                  if rep.email else COVER_FACT_LINES)
    return {"cover_rep": _cover_fact(rep.name, lines=name_lines),
            "cover_contact": _cover_fact(rep.email, lines=COVER_FACT_LINES + 1 - name_lines)
            if rep.email else ""}


def cover_reps(names: list[str]) -> str:
    """The reps on the leader's cover, on at most two lines: all of them, else as many as fit
    whole and "and N more" (never a name cut short)."""
    names = [" ".join(n.split()) for n in names]
    for shown in range(len(names), 0, -1):
        text = words_and(names) if shown == len(names) else ngettext(
            "%(names)s and %(num)s more", "%(names)s and %(num)s more", len(names) - shown,
            names=", ".join(names[:shown]))
        kept, cut = clamp_lines([text], COVER_WIDE_MM, "sans", 10, COVER_FACT_LINES)
        if not cut:
            return text
    return _cover_fact(names[0], COVER_WIDE_MM) if names else ""


def goal_on_the_page(paragraphs: list[str]) -> dict[str, Any]:
    """The goal as "At a glance" prints it: at most ``GOAL_LINES`` lines; ``cut`` says the
    goal's chapter prints it whole."""
    kept, cut = clamp_lines(paragraphs, GOAL_MM, "serif", 12, GOAL_LINES)
    return {"paragraphs": kept, "cut": cut}


def _two_lines(text: str, width_mm: float, font: str = "sans") -> str:
    """``text`` on at most two lines of 10 pt, "…" where it is cut."""
    kept, _cut = clamp_lines([text], width_mm, font, 10, 2)
    return kept[0] if kept else ""


_FIGURE_GUTTER_MM = 3.0  # between a target's figure and its metric


def _targets(targets: Sequence[Target], team: int) -> dict[str, Any]:
    """The targets' lines: each figure ("45 (135) / semaine": per rep, the team's ``team`` reps
    in brackets, the period) in a column as wide as the widest figure, so a longer word for
    "week" never runs into the metric; each metric cut to two lines of the room left."""
    lines = [{"figure": f"{number(t.per_rep)} ({number(t.per_rep * team)}) / "
                        f"{period_word(t.period)}" if team
              else f"{number(t.per_rep)} / {period_word(t.period)}", "metric": t.metric}
             for t in targets]
    figure_mm = max((text_mm(line["figure"], "sans-bold", 10) for line in lines), default=0.0)
    figure_mm = round(figure_mm + _FIGURE_GUTTER_MM, 1)
    for line in lines:
        line["metric"] = _two_lines(line["metric"], BOX_MM - figure_mm)
    return {"targets": lines, "target_figure_mm": figure_mm}


def cadence_length(cadences: list[Cadence]) -> dict[str, int]:
    """The longest of ``cadences``: the days it spans (day 0 to its last step's day, both
    counted: a cadence whose last touch is on day 88 runs 89 days), that last day, and the weeks
    it spans (week 1 holds day 0). Zeros when no cadence has a step."""
    last = max((c.span_days for c in cadences if c.steps), default=None)
    if last is None:
        return {"days": 0, "last_day": 0, "weeks": 0}
    return {"days": last + 1, "last_day": last, "weeks": last // 7 + 1}


def _touches_by_channel(plan: Plan, accounts: list[TargetAccount]) -> list[dict[str, Any]]:
    """The touches the accounts' cadences make, per channel, most first."""
    counts: Counter[Channel] = Counter()
    steps_of: dict[str, Counter[Channel]] = {}
    for account in accounts:
        cadence = plan.cadence_for(account)
        if cadence is None:
            continue
        if cadence.id not in steps_of:
            steps_of[cadence.id] = Counter(s.channel for s in cadence.steps)
        counts.update(steps_of[cadence.id])
    total = sum(counts.values())
    order = list(Channel)
    return [{"channel": gettext(channel.label), "count": n, "share": n / total if total else 0.0}
            for channel, n in sorted(counts.items(), key=lambda kv: (-kv[1],
                                                                     order.index(kv[0])))]


def _accounts_by_tier(accounts: list[TargetAccount], labels: dict[str, str]) -> list[dict]:
    counts: Counter[str] = Counter(a.tier for a in accounts)
    return [{"tier": tier, "label": gettext(labels[tier]), "count": counts[tier]}
            for tier in TIERS if counts[tier] or not accounts]  # no "0 Strong fit"


def key_numbers(accounts: int, reps: int | None, touches: int,
                length: dict[str, int]) -> list[dict[str, str]]:
    """The cover's figures: accounts, reps (the leader's edition only), touches, cadence."""
    numbers = [{"figure": number(accounts),
                "label": ngettext("target account", "target accounts", accounts)}]
    if reps is not None:
        numbers.append({"figure": number(reps), "label": ngettext("rep", "reps", reps)})
    numbers.append({"figure": number(touches),
                    "label": ngettext("touch to make", "touches to make", touches)})
    if length["weeks"]:
        days = plural(length["days"], "day").replace(" ", "\u00a0")
        numbers.append({"figure": number(length["weeks"]),
                        "label": ngettext("week of cadence (%(days)s)",
                                          "weeks of cadence (%(days)s)", length["weeks"],
                                          days=days)})
    return numbers


def rep_target(targets: Sequence[Target], totals: Sequence[float | None]) -> dict[str, Any]:
    """The target the glance gives each rep: the first that creates opportunities (else the
    first outcome), its figure over the campaign (``totals``: the scorecard's, one rep's), else
    a week's or a month's. Empty without such a target."""
    chosen = next((i for i, t in enumerate(targets) if t.creates_opportunities),
                  next((i for i, t in enumerate(targets) if t.kind == "outcome"), None))
    if chosen is None:
        return {}
    target = targets[chosen]
    total = totals[chosen] if chosen < len(totals) else None
    figure = (number(total) if total is not None
              else f"{number(target.per_rep)} / {period_word(target.period)}")
    return {"metric": fit_line(target.metric, REP_KEY_MM, "sans", 9),
            "figure": figure, "campaign": total is not None}


# The glance page's heights in mm (12-glance.css, 15-blocks.css), measured on the 120-account and
# the four-times-as-long plans: what is above the goal's lines and between the parts (_TOP_MM);
# a line of the goal (serif 12 pt, 1.4), of the "when" line and the boxes' lines (10 pt, 1.45),
# a tier's or channel's row, the gap after a box's item, a note's line (9 pt, 1.45) and its gap;
# the reps' heading with its key and their table's head; a rep's row of one line.
TEXT_MM = {"A4": 297.0 - 44.0, "Letter": 279.4 - 44.0}
_TOP_MM = 55.2
_GOAL_LINE_MM = 5.93
_GOAL_MORE_MM = 4.0
_LINE_MM = 5.1
_G_ROW_MM = 6.5
_ITEM_GAP_MM = 1.6
_NOTE_LINE_MM = 4.6
_NOTE_GAP_MM = 2.0
_REPS_HEAD_MM = 9.0 + 5.5
_REP_ROW_MM = 5.8
_REP_LINE_MM = 4.6  # a row's second line (10 pt, 1.3)
_SAFETY_MM = 4.0


def glance_top_mm(goal_lines: int, goal_cut: bool, tiers: int, channels: int,
                  cadence_lines: Sequence[int], more_cadences: bool, target_lines: Sequence[int],
                  target_foot: bool, note_lines: Sequence[int]) -> float:
    """How far down its text area the glance's reps' heading starts, in mm (an estimate, a
    couple of mm high rather than low): the goal, the "when" line (two lines), the boxes' rows
    (the taller box of each), the notes."""
    height = _TOP_MM + goal_lines * _GOAL_LINE_MM + (_GOAL_MORE_MM if goal_cut else 0.0)
    height += 2 * _LINE_MM + max(tiers, channels, 1) * _G_ROW_MM
    cadences = sum(cadence_lines) * _LINE_MM + len(cadence_lines) * _ITEM_GAP_MM
    cadences += (_LINE_MM + _ITEM_GAP_MM) if more_cadences else 0.0
    targets = sum(target_lines) * _LINE_MM + len(target_lines) * _ITEM_GAP_MM
    targets += (_LINE_MM + _ITEM_GAP_MM) if target_foot else 0.0
    height += max(cadences, targets, _LINE_MM)
    return height + sum(n * _NOTE_LINE_MM + _NOTE_GAP_MM for n in note_lines)


def rep_rows(page_size: str, top_mm: float, lines: int) -> int:
    """The reps' rows (of ``lines`` lines each) the page holds under ``top_mm``."""
    room = TEXT_MM.get(page_size, TEXT_MM["Letter"]) - top_mm - _REPS_HEAD_MM - _SAFETY_MM
    return max(1, int(room // (_REP_ROW_MM + _REP_LINE_MM * (lines - 1))))


def glance(plan: Plan, accounts: list[TargetAccount], cadences: list[Cadence],
           labels: dict[str, str], rep: Rep | None, red: Reductions,
           totals: Sequence[float | None] = (), notes: Sequence[str] = ()) -> dict[str, Any]:
    """The "At a glance" page and the cover's numbers, for the leader (``rep`` None: the whole
    plan) or one rep (their accounts and cadences). ``totals``: each target's figure over the
    campaign for one rep (the scorecard's total row), for the reps' block. ``notes``: the
    leader's notes on the touch targets, printed here if every rep still fits the page (else
    ``notes`` is empty and the accountability chapter prints them)."""
    channels = _touches_by_channel(plan, accounts)
    touches = sum(c["count"] for c in channels)
    length = cadence_length(cadences)
    reps = plan.reps if rep is None else [rep]
    by_rep = Counter(aid for r in reps for aid in dict.fromkeys(r.account_ids))
    # the team's figure beside each rep's, in the leader's edition of a team: a team of one's is
    # the rep's own ("45 (45) / week")
    team = len(plan.reps) if rep is None and len(plan.reps) > 1 else 0
    known = {a.id for a in plan.accounts}
    basics = plan.basics
    shown_targets = _targets(plan.accountability.targets[:GLANCE_TARGETS], team)
    more_targets = max(0, len(plan.accountability.targets) - GLANCE_TARGETS)
    shown_cadences = [{"name": fit_line(c.name, BOX_MM, "sans-bold", 10),
                       "steps": plural(len(c.steps), "touch"),
                       "weeks": plural(c.span_days // 7 + 1, "week") if c.steps
                       else gettext("no steps"),
                       "tiers": tiers_words(c.tiers)}
                      for c in cadences[:GLANCE_CADENCES]]
    goal = goal_on_the_page([p.strip() for p in basics.goal.replace("\r\n", "\n").split("\n\n")
                             if p.strip()])

    def rows_under(notes_here: Sequence[str], rep_lines: int) -> int:
        top = glance_top_mm(
            max(1, sum(line_count(p, GOAL_MM, "serif", 12) for p in goal["paragraphs"])),
            goal["cut"], len(_accounts_by_tier(accounts, labels)), len(channels),
            [line_count(f"{c['name']} · {c['tiers']} · {c['steps']} over {c['weeks']}",
                        BOX_MM, "sans", 10) for c in shown_cadences],
            len(cadences) > GLANCE_CADENCES,
            [max(1, line_count(t["metric"], BOX_MM - shown_targets["target_figure_mm"],
                               "sans", 10)) for t in shown_targets["targets"]],
            bool(team or more_targets),
            [line_count(n, 174.0, "sans", 9) for n in notes_here])
        return rep_rows(basics.page_size, top, rep_lines)

    # the notes stay here if every rep fits under them, else go to the accountability chapter
    on_page = list(notes) if not more_targets else []
    if on_page and 2 * rows_under(on_page, 1) < len(reps):
        on_page = []
    # a small team: each rep on up to three lines (the territory under the name) if they all
    # fit so, else on two; a larger team on one
    rep_lines = next((lines for lines in range(1 + REP_TERRITORY_LINES, 1, -1)
                      if len(reps) <= GLANCE_SMALL_TEAM
                      and 2 * rows_under(on_page, lines) >= len(reps)), 1)
    rows = rows_under(on_page, rep_lines)
    # every rep, two to a row; a team larger than the rows hold: the last row says how many more
    shown_reps = len(reps) if len(reps) <= 2 * rows else 2 * rows - 1
    return {
        "cover_offering": red.clip(basics.offering, COVER_TEXT, N_("the offering (on the cover)")),
        "cover_company": _cover_fact(basics.company),
        "cover_owner": _cover_fact(basics.owner),
        # the leader's cover names the reps (the edition each of them gets), a rep's the rep's
        # address (whose copy it is)
        "cover_reps": cover_reps([r.name for r in plan.reps]) if rep is None else "",
        **(_cover_rep(rep) if rep is not None else {"cover_contact": "", "cover_rep": ""}),
        "numbers": key_numbers(len(accounts), len(plan.reps) if rep is None else None, touches,
                               length),
        "tiers": _accounts_by_tier(accounts, labels),
        "accounts": plural(len(accounts), "account"),
        "channels": channels,
        "touches": plural(touches, "touch"),
        "length": length,
        # a summary on one page: long names are cut to a line or two and long lists end in
        # "and N more" (the chapters print them whole)
        **shown_targets,
        "team": team,  # the targets' key: per rep (team)
        "more_targets": more_targets,
        "cadences": shown_cadences,
        "more_cadences": max(0, len(cadences) - GLANCE_CADENCES),
        "reps": [_rep_line(r, known, rep_lines) for r in reps[:shown_reps]],
        "notes": on_page,
        "reps_on_one_line": rep_lines == 1,
        "more_reps": len(reps) - shown_reps,
        "rep_target": rep_target(plan.accountability.targets, totals),
        "assigned": sum(1 for aid in by_rep if aid in known),
    }


def _rep_line(rep: Rep, known: set[str], lines: int) -> dict[str, str]:
    """A rep in a row of its column: the name (cut with "…" only if longer than the column),
    the territory under it across the half on the ``lines`` less one left (cut with "…" where
    longer), or on the rest of the name's line (``lines`` 1); the accounts' count (a column of
    its own)."""
    accounts = sum(1 for aid in dict.fromkeys(rep.account_ids) if aid in known)
    name = fit_line(rep.name, REP_NAME_MM, "sans-bold", 10)
    territory = territory_names(rep.territory, printing.get())
    if lines > 1:
        kept, _cut = clamp_lines([" ".join(territory.split())] if territory.strip() else [],
                                 BOX_MM - 1, "sans", 10, lines - 1)
        territory = "".join(kept)
    else:
        room = REP_NAME_MM - 1 - text_mm(name + " · ", "sans-bold", 10)
        territory = fit_line(territory, room, "sans", 10,
                             name=False) if room > 25 else ""  # (less: a word and "…")
    return {"name": name, "territory": territory, "accounts": number(accounts)}


def period_word(period: str) -> str:
    """A target's period after its figure: "12 / week"."""
    return gettext("week") if period == "week" else gettext("month")


def tiers_words(tiers: Sequence[str]) -> str:
    """Whom a cadence is for: "Tier A", "Tier B, C", "All tiers"."""
    return (gettext("Tier %(tiers)s", tiers=", ".join(tiers)) if tiers
            else gettext("All tiers"))


# --- the overview: one line per account --------------------------------------------------------
def reps_schedules(plan: Plan, reps: list[Rep], today: date) -> list[Schedule]:
    """Each rep's schedule as the rep's edition dates it: from the rep's start date, else the
    plan's, else ``today`` (none for a rep whose schedule cannot be built)."""
    schedules = []
    for rep in reps:
        start = rep.start_date or plan.basics.start_date or today
        try:
            schedules.append(build_schedule(plan, rep, start))
        except ScheduleError:
            continue
    return schedules


def first_touches(schedules: Sequence[Schedule]) -> dict[str, date]:
    """Account id -> the date of its first touch, from the reps' ``schedules``."""
    starts: dict[str, date] = {}
    for schedule in schedules:
        starts.update(schedule.account_starts)
    return starts


# The overview's columns, in % of the text's width: these are the defaults, as in
# templates/playbook/css/20-accounts.css; ``overview_widths`` sizes them by what they hold (the
# widths go inline on the table's columns). At 9 pt on A4 (the narrower paper: 174 mm between the
# margins) a rep's name and a country are whole on one line, an account's name whole on one or two
# lines, the trigger on at most two lines, cut at a word's end with "…" (the card prints it whole).
OVERVIEW_COLUMNS = {
    "leader": {"name": 30.0, "rep": 18.0, "country": 12.0, "trigger": 30.0, "first": 10.0},
    "rep": {"name": 38.0, "country": 12.0, "trigger": 40.0, "first": 10.0},
}
OVERVIEW_TEXT_MM = 174.0
OVERVIEW_PT = 9.0
TRIGGER_LINES = 2
_GUTTER_MM = 5.0  # right of every column but the last
_BADGE_MM = 6.7  # the tier badge before the name
# A column sized by its texts takes at least MIN and at most MAX % of the width (a longer rep's
# name or country wraps rather than being cut); the account's name takes at most NAME_SHARE of
# what the rep, country and first-touch columns leave, the trigger the rest.
COLUMN_MIN = 9.0
COLUMN_MAX = {"rep": 24.0, "country": 20.0}
NAME_SHARE = 0.45
NAME_MAX = 0.6  # of the rest, when a name needs more than NAME_SHARE to fit on two lines


def _cell_mm(widths: dict[str, float], column: str) -> float:
    """The room for text in one of the overview's cells, with 0.5 mm to spare."""
    width = widths[column] * OVERVIEW_TEXT_MM / 100
    width -= 0 if column == "first" else _GUTTER_MM
    return width - (_BADGE_MM if column == "name" else 0) - 0.5


_HEAD_PT, _HEAD_TRACKING = 8.0, 0.07  # a column's head: 8 pt bold capitals, 0.07 em apart


def _head_mm(label: str) -> float:
    """The width of a column's head as printed (40-cadences.css: capitals, letter-spaced)."""
    return (text_mm(label.upper(), "sans-bold", _HEAD_PT)
            + len(label) * _HEAD_TRACKING * _HEAD_PT * MM_PER_PT)


def _column_for(texts: Sequence[str], font: str, extra_mm: float = 0.0,
                head: str = "") -> float:
    """The % of the width a column needs to hold the widest of ``texts`` on one line, and its
    ``head`` (one account in Norway: "COUNTRY" and "TRIGGER" were 2 mm apart, read as one)."""
    need = max([*(text_mm(t, font, OVERVIEW_PT) for t in texts), _head_mm(head) if head else 0.0])
    return math.ceil((need + extra_mm + _GUTTER_MM + 0.5) * 1000 / OVERVIEW_TEXT_MM) / 10


def overview_widths(edition: str, countries: Sequence[str], reps: Sequence[str] = (),
                    names: Sequence[str] = ()) -> dict[str, float]:
    """The overview's columns (% of the width, to a tenth) sized by what they hold: the rep's
    and the country's as wide as their widest text (within ``COLUMN_MIN``..``COLUMN_MAX``), the
    first touch's as by default; of the rest, the account's name as much as its widest name needs
    up to ``NAME_SHARE``, the trigger the remainder."""
    widths = dict(OVERVIEW_COLUMNS[edition])
    sized = {"country": countries, "rep": reps} if edition == "leader" else {"country": countries}
    heads = {"country": gettext("Country"), "rep": gettext("Rep")}  # as overview.html.j2 has them
    for column, texts in sized.items():
        widths[column] = min(COLUMN_MAX[column],
                             max(COLUMN_MIN, _column_for(texts, "sans", head=heads[column])))
    rest = round(100.0 - sum(widths[c] for c in ("rep", "country", "first") if c in widths), 1)
    if names:
        one_line = _column_for(names, "sans-bold", _BADGE_MM)
        widths["name"] = round(max(_two_lines_column(names, min(one_line, rest * NAME_MAX)),
                                   min(one_line, math.floor(rest * NAME_SHARE * 10) / 10)), 1)
    widths["trigger"] = round(rest - widths["name"], 1)
    return widths


def _two_lines_column(names: Sequence[str], widest: float) -> float:
    """The narrowest column (in % of the width, by half %, at most ``widest``) that holds each
    of ``names`` on two lines, its legal form ("GmbH", "Sp. z o.o.") kept with the word before
    as the edition prints it: a word is never broken."""
    forms = [unbroken_legal_form(" ".join(n.split())) for n in names]
    word = max((text_mm(w, "sans-bold", OVERVIEW_PT) for n in forms for w in n.split(" ")),
               default=0.0)
    pct = widest
    while pct > COLUMN_MIN:
        room = (pct - 0.5) * OVERVIEW_TEXT_MM / 100 - _GUTTER_MM - _BADGE_MM - 0.5
        if word > room or any(len(line_starts(n, room, "sans-bold", OVERVIEW_PT)) > 2
                              for n in forms):
            break
        pct -= 0.5
    return round(pct, 1)


def overview(plan: Plan, accounts: list[TargetAccount], rep_of: dict[str, str] | None,
             starts: dict[str, date], fmt, cadences: list[Cadence]) -> dict[str, Any]:
    """The overview: one line per account, under its cadence (``cadences``, the edition's, in
    their chapter's order; then the accounts with none), tier A first, then by name. A row gives
    account, tier, rep (``rep_of``; None in a rep's edition: no column), country (in the
    edition's language), trigger (the first clause of why it is a target, on at most
    ``TRIGGER_LINES`` lines, cut with "…": the card prints it whole) and first touch; names are
    never cut. Returns the groups and the
    columns' widths (``overview_widths``). Empty above ``CARD_LIMIT`` accounts: the edition then
    prints each account as one line (the same facts) instead of a card, so that list is the
    overview (and a table of thousands of rows is slow)."""
    if len(accounts) > CARD_LIMIT:
        return {}
    edition = "rep" if rep_of is None else "leader"
    language = printing.get()
    countries = {a.id: country_name(a.country, language) for a in accounts}
    widths = overview_widths(edition, list(countries.values()),
                             sorted(set((rep_of or {}).values())), [a.name for a in accounts])

    def trigger(why: str) -> str:
        kept, _cut = clamp_lines([first_clause(why, 300)], _cell_mm(widths, "trigger"), "sans",
                                 OVERVIEW_PT, TRIGGER_LINES)
        return kept[0] if kept else ""

    index = {c.id: n for n, c in enumerate(cadences, 1)}
    groups: dict[str | None, list[dict[str, str]]] = {}
    for account in sorted(accounts, key=lambda a: (a.tier, sort_key(a.name), a.name.casefold())):
        first = starts.get(account.id)
        cadence = plan.cadence_for(account)
        groups.setdefault(cadence.id if cadence else None, []).append({
            "id": account.id, "name": " ".join(account.name.split()), "tier": account.tier,
            "rep": rep_of.get(account.id, "") if rep_of is not None else "",
            "country": countries[account.id], "trigger": trigger(account.why),
            # a date is never cut: its column holds the longest ("28. Sept.", 12.8 mm)
            "first": fmt(first, year=False) if first else "",
        })
    by_id = {c.id: c for c in plan.cadences}
    out = []
    for cadence_id in sorted(groups, key=lambda c: index.get(c, len(index) + 1) if c else 10**6):
        rows = groups[cadence_id]
        count = " · " + plural(len(rows), "account")
        name = by_id[cadence_id].name if cadence_id else gettext("No cadence")
        room = OVERVIEW_TEXT_MM - text_mm(count, "sans-bold", OVERVIEW_PT) - 1
        out.append({"cadence": fit_line(name, room, "sans-bold", OVERVIEW_PT), "cadence_name": name,
                    "count": count,
                    "href": f"#cad-{index[cadence_id]}" if cadence_id in index else "",
                    "rows": rows})
    return {"groups": out, "widths": widths}
