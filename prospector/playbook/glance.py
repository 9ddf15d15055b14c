"""The plan summed up: the cover's key numbers, the "At a glance" page and the overview table.

Pure functions of the plan (and, for a rep, of the rep's schedule), called by ``context``. A rep's
edition counts the rep's own accounts, touches and cadences; the leader's counts the whole plan.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..model import TIERS, Cadence, Channel, Plan, Rep, TargetAccount
from ..schedule import ScheduleError, build_schedule
from ..textnorm import fold
from .limits import CARD_LIMIT, ROW_TEXT, Reductions
from .text_width import fit_line, text_mm
from .translations import counted as plural
from .translations import gettext, ngettext, number

HEADLINE_WORDS = 16  # the goal on the cover: its first clause, at most this many words
COVER_TEXT = 400  # the offering on the cover (its other texts: COVER_LINE), so it stays one page
COVER_LINE = 120
GLANCE_NAME = 60  # a target's or a cadence's name on the "At a glance" page
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


def goal_headline(goal: str) -> str:
    """The goal as the cover says it: its first clause, short ("60 first meetings and 16 new
    qualified opportunities"); the full goal is on the "At a glance" page."""
    clause = first_clause(goal, 140)
    words = clause.split()
    if len(words) > HEADLINE_WORDS:
        clause = " ".join(words[:HEADLINE_WORDS]).rstrip(" ,;:") + "…"
    return clause.rstrip(".")


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
            for tier in TIERS]


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
        "cover_offering": red.clip(basics.offering, COVER_TEXT, "the offering (on the cover)"),
        "cover_company": red.clip(basics.company, COVER_LINE, "the company (on the cover)"),
        "cover_owner": red.clip(basics.owner, COVER_LINE, "the plan's owner (on the cover)"),
        "numbers": key_numbers(len(accounts), len(plan.reps) if rep is None else None, touches,
                               length),
        "goal_headline": goal_headline(plan.basics.goal),
        "tiers": _accounts_by_tier(accounts, labels),
        "accounts": plural(len(accounts), "account"),
        "channels": channels,
        "touches": plural(touches, "touch"),
        "length": length,
        # a summary: long names are cut to a line or two (the chapters print them whole)
        "targets": [{"metric": red.clip(t.metric, GLANCE_NAME, "a target's name (at a glance)"),
                     "per_rep": number(t.per_rep), "period": period_word(t.period),
                     "team": number(t.per_rep * len(plan.reps))
                     if rep is None and plan.reps else ""}
                    for t in plan.accountability.targets],
        "cadences": [{"name": red.clip(c.name, GLANCE_NAME, "a cadence's name (at a glance)"),
                      "steps": plural(len(c.steps), "touch"),
                      "weeks": plural(c.span_days // 7 + 1, "week") if c.steps
                      else gettext("no steps"),
                      "tiers": tiers_words(c.tiers)}
                     for c in cadences],
        "reps": [{"name": r.name,
                  "territory": red.clip(r.territory, ROW_TEXT, f"the territory of {r.name}"),
                  "accounts": plural(sum(1 for aid in dict.fromkeys(r.account_ids)
                                         if aid in known), "account")}
                 for r in reps[:40]],
        "more_reps": max(0, len(reps) - 40),
        "assigned": sum(1 for aid in by_rep if aid in known),
    }


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
    "leader": {"name": 33.0, "rep": 17.0, "country": 14.0, "trigger": 28.0, "first": 8.0},
    "rep": {"name": 37.0, "country": 14.0, "trigger": 41.0, "first": 8.0},
}
OVERVIEW_TEXT_MM = 174.0
OVERVIEW_PT = 9.0
_GUTTER_MM = 5.0  # right of every column but the last
_BADGE_MM = 6.7  # the tier badge before the name


def _cell_mm(edition: str, column: str) -> float:
    """The room for text in one of the overview's cells, with 0.5 mm to spare."""
    width = OVERVIEW_COLUMNS[edition][column] * OVERVIEW_TEXT_MM / 100
    width -= 0 if column == "first" else _GUTTER_MM
    return width - (_BADGE_MM if column == "name" else 0) - 0.5


def overview(plan: Plan, accounts: list[TargetAccount], rep_of: dict[str, str] | None,
             starts: dict[str, date], fmt, cadences: list[Cadence]) -> list[dict[str, Any]]:
    """The overview: one line per account, under its cadence (``cadences``, the edition's, in
    their chapter's order; then the accounts with none), tier A first, then by name. A row gives
    account, tier, rep (``rep_of``; None in a rep's edition: no column), country, trigger (the
    first clause of why it is a target) and first touch; each text is cut with "…" to one line
    (the card prints it whole). Empty above ``CARD_LIMIT`` accounts: the edition then prints each
    account as one line (the same facts) instead of a card, so that list is the overview (and a
    table of thousands of rows is slow)."""
    if len(accounts) > CARD_LIMIT:
        return []
    edition = "rep" if rep_of is None else "leader"

    def fit(text: str, column: str, font: str = "sans") -> str:
        return fit_line(text, _cell_mm(edition, column), font, OVERVIEW_PT)

    index = {c.id: n for n, c in enumerate(cadences, 1)}
    groups: dict[str | None, list[dict[str, str]]] = {}
    for account in sorted(accounts, key=lambda a: (a.tier, fold(a.name), a.name.casefold())):
        first = starts.get(account.id)
        cadence = plan.cadence_for(account)
        groups.setdefault(cadence.id if cadence else None, []).append({
            "id": account.id, "name": fit(account.name, "name", "sans-bold"),
            "tier": account.tier,
            "rep": fit(rep_of.get(account.id, ""), "rep") if rep_of is not None else "",
            "country": fit(account.country, "country"),
            "trigger": fit(first_clause(account.why, 300), "trigger"),
            "first": fit(fmt(first, year=False), "first") if first else "",
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
    return out
