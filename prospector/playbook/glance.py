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
from ..schedule import ScheduleError, build_schedule
from ..textnorm import fold
from .countries import country_name, territory_names
from .limits import CARD_LIMIT, Reductions
from .text_width import clamp_lines, fit_line, text_mm
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


COVER_GOAL_LINES = 3  # the goal on the cover: serif 16 pt, 154 mm wide (A4's cover, the narrower)
COVER_GOAL_MM = 153.0


def cover_goal(goal: str) -> dict[str, Any]:
    """The goal as the cover prints it: whole on up to ``COVER_GOAL_LINES`` lines (``whole``:
    "At a glance", the next page, then leaves it out), else cut there with "…"."""
    text = " ".join(goal.split())
    kept, cut = clamp_lines([text] if text else [], COVER_GOAL_MM, "serif", 16, COVER_GOAL_LINES)
    return {"text": kept[0] if kept else "", "whole": bool(text) and not cut}


# "At a glance" is one page whatever the plan's texts, on Letter too (the shorter paper): each part
# has room for so many lines, and a text cut to fit ends in "…" and says where it is printed whole
# (the goal: the first chapter).
GOAL_LINES = 3  # the goal, serif 12 pt across the page (the callout: 174 mm less 4+4 mm and rule)
GOAL_MM = 163.0
BOX_MM = 82.0  # one of the page's two columns (174 mm, a 10 mm gutter)
GLANCE_CADENCES = 4  # then "and N more"
GLANCE_TARGETS = 5  # two lines each: with "and N more", the taller of the second row's boxes
GLANCE_REPS = 6  # then "and N more" (on two lines): four lines a column at most
GLANCE_REPS_ON_TWO_LINES = 4  # up to two rows of two: each rep on up to two lines


COVER_FACT_MM = 45.0  # a fact at the cover's foot: a third of 154 mm less its 5 mm gutter
COVER_FACT_LINES = 2  # so the goal's three lines and the facts fit the cover on Letter too


COVER_WIDE_MM = 97.0  # the reps' names: two thirds of 154 mm less the gutter


def _cover_fact(text: str, width_mm: float = COVER_FACT_MM, lines: int = COVER_FACT_LINES) -> str:
    """A fact at the cover's foot (the company, the plan's owner), at most two lines; a cut
    ends in "…" (a name or title that long is rare; the contents' list of cuts is not told, as
    its entries are not in the catalogs)."""
    kept, _cut = clamp_lines([" ".join(text.split())] if text.strip() else [], width_mm,
                             "sans", 10, lines)
    return kept[0] if kept else ""


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
    """The longest of ``cadences``: its last step's day and the weeks it spans (week 1 holds
    day 0). Zeros when no cadence has a step."""
    days = max((c.span_days for c in cadences if c.steps), default=None)
    if days is None:
        return {"days": 0, "weeks": 0}
    return {"days": days, "weeks": days // 7 + 1}


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


def glance(plan: Plan, accounts: list[TargetAccount], cadences: list[Cadence],
           labels: dict[str, str], rep: Rep | None, red: Reductions) -> dict[str, Any]:
    """The "At a glance" page and the cover's numbers, for the leader (``rep`` None: the whole
    plan) or one rep (their accounts and cadences)."""
    channels = _touches_by_channel(plan, accounts)
    touches = sum(c["count"] for c in channels)
    length = cadence_length(cadences)
    reps = plan.reps if rep is None else [rep]
    by_rep = Counter(aid for r in reps for aid in dict.fromkeys(r.account_ids))
    known = {a.id for a in plan.accounts}
    basics = plan.basics
    return {
        "cover_offering": red.clip(basics.offering, COVER_TEXT, N_("the offering (on the cover)")),
        "cover_company": _cover_fact(basics.company),
        "cover_owner": _cover_fact(basics.owner),
        # the leader's cover names the reps (the edition each of them gets), a rep's the rep's
        # address (whose copy it is)
        "cover_reps": _cover_fact(words_and([r.name for r in plan.reps]), COVER_WIDE_MM)
        if rep is None else "",
        "cover_contact": _cover_fact(rep.email) if rep is not None else "",
        "cover_rep": _cover_fact(rep.name, lines=1 if rep.email else COVER_FACT_LINES)
        if rep is not None else "",
        "numbers": key_numbers(len(accounts), len(plan.reps) if rep is None else None, touches,
                               length),
        "cover_goal": cover_goal(plan.basics.goal),
        "tiers": _accounts_by_tier(accounts, labels),
        "accounts": plural(len(accounts), "account"),
        "channels": channels,
        "touches": plural(touches, "touch"),
        "length": length,
        # a summary on one page: long names are cut to a line or two and long lists end in
        # "and N more" (the chapters print them whole)
        **_targets(plan.accountability.targets[:GLANCE_TARGETS],
                   len(plan.reps) if rep is None else 0),
        "more_targets": max(0, len(plan.accountability.targets) - GLANCE_TARGETS),
        "cadences": [{"name": fit_line(c.name, BOX_MM, "sans-bold", 10),
                      "steps": plural(len(c.steps), "touch"),
                      "weeks": plural(c.span_days // 7 + 1, "week") if c.steps
                      else gettext("no steps"),
                      "tiers": tiers_words(c.tiers)}
                     for c in cadences[:GLANCE_CADENCES]],
        "more_cadences": max(0, len(cadences) - GLANCE_CADENCES),
        "reps": [_rep_line(r, known, 2 if len(reps) <= GLANCE_REPS_ON_TWO_LINES else 1)
                 for r in reps[:GLANCE_REPS]],
        "reps_on_one_line": len(reps) > GLANCE_REPS_ON_TWO_LINES,
        "more_reps": max(0, len(reps) - GLANCE_REPS),
        "assigned": sum(1 for aid in by_rep if aid in known),
    }


def _rep_line(rep: Rep, known: set[str], lines: int) -> dict[str, str]:
    """A rep in a column, on at most ``lines`` lines (1 or 2): name, territory (cut with "…")
    and accounts."""
    accounts = plural(sum(1 for aid in dict.fromkeys(rep.account_ids) if aid in known),
                      "account")
    name = fit_line(rep.name, BOX_MM / 2, "sans-bold", 10)
    room = (lines * BOX_MM - text_mm(name, "sans-bold", 10)
            - text_mm(f" ·  · {accounts}", "sans", 10) - 8 * (lines - 1) - 1)  # 8: wrapping
    territory = fit_line(territory_names(rep.territory, printing.get()), room, "sans", 10,
                         name=False) if room > 15 else ""
    return {"name": name, "territory": territory, "accounts": accounts}


def period_word(period: str) -> str:
    """A target's period after its figure: "12 / week"."""
    return gettext("week") if period == "week" else gettext("month")


def tiers_words(tiers: Sequence[str]) -> str:
    """Whom a cadence is for: "Tier A", "Tier B, C", "All tiers"."""
    return (gettext("Tier %(tiers)s", tiers=", ".join(tiers)) if tiers
            else gettext("All tiers"))


# --- the overview: one line per account --------------------------------------------------------
def first_touches(plan: Plan, reps: list[Rep], today: date) -> dict[str, date]:
    """Account id -> the date of its first touch, from each rep's schedule (as the rep's
    edition dates it: from the rep's start date, else the plan's, else ``today``)."""
    starts: dict[str, date] = {}
    for rep in reps:
        start = rep.start_date or plan.basics.start_date or today
        try:
            starts.update(build_schedule(plan, rep, start).account_starts)
        except ScheduleError:
            continue
    return starts


# The overview's columns, in % of the text's width, as in templates/playbook/css/20-accounts.css:
# each cell is one line at 9 pt on A4 (the narrower paper: 174 mm between the margins), cut with
# "…" where it would wrap; the account's card, which the name links to, prints it whole.
OVERVIEW_COLUMNS = {
    "leader": {"name": 32.0, "rep": 17.0, "country": 14.0, "trigger": 27.0, "first": 10.0},
    "rep": {"name": 44.0, "country": 14.0, "trigger": 32.0, "first": 10.0},
}
OVERVIEW_TEXT_MM = 174.0
OVERVIEW_PT = 9.0
_GUTTER_MM = 5.0  # right of every column but the last
_BADGE_MM = 6.7  # the tier badge before the name


# The country column widens for a long country name ("Vereinigte Staaten", 27.5 mm at 9 pt) by
# up to this many % of the width, taken from the trigger (the first words of a reason, cut anyway).
COUNTRY_WIDENS = 6.0


def _cell_mm(widths: dict[str, float], column: str) -> float:
    """The room for text in one of the overview's cells, with 0.5 mm to spare."""
    width = widths[column] * OVERVIEW_TEXT_MM / 100
    width -= 0 if column == "first" else _GUTTER_MM
    return width - (_BADGE_MM if column == "name" else 0) - 0.5


def overview_widths(edition: str, countries: Sequence[str]) -> dict[str, float]:
    """The overview's columns (% of the width) for ``countries`` as printed: the country column
    as wide as the widest needs (by whole %, at most ``COUNTRY_WIDENS`` more), the trigger's
    narrower by as much."""
    widths = dict(OVERVIEW_COLUMNS[edition])
    need = max((text_mm(c, "sans", OVERVIEW_PT) for c in countries), default=0.0)
    short = need - _cell_mm(widths, "country")
    if short > 0:
        extra = min(COUNTRY_WIDENS, float(math.ceil(short * 100 / OVERVIEW_TEXT_MM)))
        widths["country"] += extra
        widths["trigger"] -= extra
    return widths


def overview(plan: Plan, accounts: list[TargetAccount], rep_of: dict[str, str] | None,
             starts: dict[str, date], fmt, cadences: list[Cadence]) -> dict[str, Any]:
    """The overview: one line per account, under its cadence (``cadences``, the edition's, in
    their chapter's order; then the accounts with none), tier A first, then by name. A row gives
    account, tier, rep (``rep_of``; None in a rep's edition: no column), country (in the
    edition's language), trigger (the first clause of why it is a target) and first touch; each
    text is cut with "…" to one line (the card prints it whole). Returns the groups and the
    columns' widths (``overview_widths``). Empty above ``CARD_LIMIT`` accounts: the edition then
    prints each account as one line (the same facts) instead of a card, so that list is the
    overview (and a table of thousands of rows is slow)."""
    if len(accounts) > CARD_LIMIT:
        return {}
    edition = "rep" if rep_of is None else "leader"
    language = printing.get()
    countries = {a.id: country_name(a.country, language) for a in accounts}
    widths = overview_widths(edition, list(countries.values()))

    def fit(text: str, column: str, font: str = "sans") -> str:
        return fit_line(text, _cell_mm(widths, column), font, OVERVIEW_PT,
                        name=column != "trigger")

    index = {c.id: n for n, c in enumerate(cadences, 1)}
    groups: dict[str | None, list[dict[str, str]]] = {}
    for account in sorted(accounts, key=lambda a: (a.tier, fold(a.name), a.name.casefold())):
        first = starts.get(account.id)
        cadence = plan.cadence_for(account)
        groups.setdefault(cadence.id if cadence else None, []).append({
            "id": account.id, "name": fit(account.name, "name", "sans-bold"),
            "tier": account.tier,
            "rep": fit(rep_of.get(account.id, ""), "rep") if rep_of is not None else "",
            "country": fit(countries[account.id], "country"),
            "trigger": fit(first_clause(account.why, 300), "trigger"),
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
        out.append({"cadence": fit_line(name, room, "sans-bold", OVERVIEW_PT), "count": count,
                    "href": f"#cad-{index[cadence_id]}" if cadence_id in index else "",
                    "rows": rows})
    return {"groups": out, "widths": widths}
