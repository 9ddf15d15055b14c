"""The printed weekly review: one page for the leader's meeting (``prospector pdf PLAN --review
--week 2027-W05``). Per rep: each target's goal and actual for the week with a small trend (the
last ``TREND_WEEKS`` weeks as bars against the goal), the week's touches, meetings and
opportunities, and the coach's first three findings; for the team: reps below target two weeks
running, dream clients left cold, touches outside the plan, and how opportunities are judged.

It is drawn from the same ``WeeklyReview`` as the CLI and the app (``prospector/review``), with
the playbook's type scale and colours (``css/00-base.css``) and its own short stylesheet
(``templates/playbook/review.css``: tables only, no flex, grid or floats).
"""

from __future__ import annotations

import os
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from babel.dates import format_interval, format_skeleton
from markupsafe import Markup, escape

from ..atomic import atomic_open
from ..coach.thresholds import THRESHOLDS
from ..messages import Note, system_reason
from ..model import Plan
from ..resources import templates_dir
from ..review import TargetLine, WeeklyReview, weekly_review
from ..review.weeks import days_label
from .context import brand_palette
from .render import (
    PDF_VARIANT,
    PlaybookError,
    RenderResult,
    _fonts_css,
    _page_css,
    environment,
)
from .translations import (
    ENGLISH,
    N_,
    edition_language,
    gettext,
    ngettext,
    number,
    printing,
    printing_in,
)

TREND_WEEKS = 8
ACCENT = "#B7791F"  # css/00-base.css --accent (SVG fills take no CSS variables in WeasyPrint)
FINDINGS_PER_REP = 3
COMPACT_FROM = 5  # reps: from this many, a row per rep and a column per target (one page)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_BAR_W, _GAP, _H = 9.0, 3.0, 20.0  # the trend's bars, in the SVG's units (1 unit = 0.25 mm)


def _dates(monday: date) -> str:
    sunday = monday + timedelta(days=6)
    if (language := printing.get()) != ENGLISH:  # "8.–14. Februar 2027"
        return format_interval(monday, sunday, "yMMMMd", locale=language)
    first = f"{monday.day}" if monday.month == sunday.month else \
        f"{monday.day} {_MONTHS[monday.month - 1]}"
    return f"{first} to {sunday.day} {_MONTHS[sunday.month - 1]} {sunday.year}"


def trend_svg(line: TargetLine, brand: str, weeks: int = TREND_WEEKS) -> Markup:
    """The target's last ``weeks`` weeks as bars, the latest on the right (``brand`` when the
    goal was met, the accent when below, a grey stub when no figure was entered), each under a
    tick at its goal."""
    series = line.series[-weeks:]
    top = max([*(w.actual or 0 for w in series), *(w.goal or 0 for w in series), 1.0]) * 1.1
    out = []
    width = weeks * (_BAR_W + _GAP) - _GAP
    # from the left, under the column's head; few weeks get wider bars (at most twice as wide)
    slot = min((width + _GAP) / max(1, len(series)), 2 * (_BAR_W + _GAP))
    bar = slot - _GAP
    for i, week in enumerate(series):
        x = i * slot + 1
        if week.actual is None:
            out.append(f'<rect x="{x:.1f}" y="{_H - 1:.1f}" width="{bar:.1f}" height="1" '
                       'fill="#CBD2D9"/>')
            continue
        h = max(0.8, _H * week.actual / top)
        fill = ACCENT if week.below else brand
        out.append(f'<rect x="{x:.1f}" y="{_H - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                   f'fill="{fill}"/>')
        if week.goal:
            y = _H - _H * week.goal / top
            out.append(f'<line x1="{x - 1:.1f}" x2="{x + bar + 1:.1f}" y1="{y:.1f}" '
                       f'y2="{y:.1f}" stroke="#1F2933" stroke-width="0.9"/>')
    width = min(width, len(series) * slot) + 1
    values = ", ".join(_number(w.actual) if w.actual is not None else gettext("not entered")
                       for w in series)
    title = escape(ngettext("%(metric)s, the last week: %(values)s; goal %(goal)s a week",
                            "%(metric)s, the last %(num)s weeks: %(values)s; goal %(goal)s a week",
                            len(series), metric=line.metric, values=values,
                            goal=_number(line.this_week.goal)))
    return Markup(f'<svg class="trend" role="img" viewBox="0 0 {width:.0f} {_H:.0f}" '
                  'preserveAspectRatio="xMinYMid meet" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{"".join(out)}'
                  "</svg>")


# What a target's week says against its goal (``review.text.verdict``'s words)
VERDICTS = {"met": N_("met"), "below": N_("below"), "not entered": N_("not entered"),
            "not started": N_("not started")}


def _number(value: float | None) -> str:
    """``12``, ``0.5`` (``0,5`` in German), ``-`` (not entered)."""
    return "-" if value is None else number(value)


def _verdict(week) -> str:
    if week.goal is None:
        return "not started"
    if week.actual is None:
        return "not entered"
    return "below" if week.below else "met"


def _goal(line: TargetLine) -> str:
    goal = _number(line.this_week.goal)
    if line.period == "month":
        return gettext("%(goal)s (%(month)s/month)", goal=goal, month=_number(line.per_rep))
    return goal


def _rep(rep, brand: str) -> dict[str, Any]:
    tiers = ", ".join((gettext("outside the plan %(count)s", count=n) if k == "outside"
                       else f"{k} {_number(n)}") for k, n in rep.touches_by_tier.items())
    touches = ngettext("%(num)s touch", "%(num)s touches", rep.touches)
    meetings = ngettext("%(num)s meeting", "%(num)s meetings", rep.meetings)
    opportunities = ngettext("%(num)s opportunity", "%(num)s opportunities", rep.opportunities)
    week = [touches + (f" ({tiers})" if rep.touches else ""), meetings,
            opportunities + (gettext(", %(count)s meeting the definition",
                                     count=rep.qualified_opportunities)
                             if rep.opportunities else "")]
    short = (f"{touches}, {meetings}, {opportunities}"
             + (gettext(" (%(count)s qualified)", count=rep.qualified_opportunities)
                if rep.opportunities else ""))
    return {
        "name": rep.rep_name,
        # a week that is not Monday to Friday says its days (Sunday to Thursday in Israel)
        "days": days_label(rep.first_day, rep.last_day, printing.get())
        if rep.first_day.weekday() != 0 else "",
        "week": " · ".join(week),
        "week_short": short,
        "targets": [{"metric": t.metric, "goal": _goal(t),
                     "actual": _number(t.this_week.actual), "by_hand": t.this_week.by_hand,
                     "verdict": gettext(VERDICTS[_verdict(t.this_week)]),
                     "met": _verdict(t.this_week) == "met", "below": t.this_week.below,
                     "two_weeks": t.below_two_weeks, "weeks_below": t.weeks_below,
                     "trend": trend_svg(t, brand)}
                    for t in rep.targets],
        "findings": [f.message for f in rep.findings[:FINDINGS_PER_REP]],
        "more": max(0, len(rep.findings) - FINDINGS_PER_REP),
    }


def _short(target) -> str:
    """What a target counts in a word ("touches", "meetings"), its name when entered by hand."""
    return target.metric if target.counts == "hand_entered" else gettext(COUNTS[target.counts])


# What a target counts, in a word (``Counts``' values)
COUNTS = {"touches": N_("touches"), "conversations": N_("conversations"),
          "meetings": N_("meetings"), "opportunities": N_("opportunities")}


def _grouped(pairs, shown: int = 10, sep: str = "; ") -> list[str]:
    """``"First meetings held: Ana Berg; Ben Okafor"``: the second items of ``pairs`` under each
    first item (joined by ``sep``), at most ``shown`` of them."""
    groups: dict[str, list[str]] = {}
    for who, what in pairs:
        if what not in groups.setdefault(who, []):
            groups[who].append(what)
    return [f"{who}: " + sep.join(items[:shown])
            + (" " + gettext("and %(count)s more", count=len(items) - shown)
               if len(items) > shown else "")
            for who, items in groups.items()]


def review_context(plan: Plan, review: WeeklyReview, today: date) -> dict[str, Any]:
    number_of = {w: i + 1 for i, w in enumerate(review.plan_weeks)}
    outside = _grouped((name, f"{r.rep_name} ({n})") for r in review.reps
                       for name, n in r.outside_plan.items())
    return {
        "plan_name": plan.name,
        "company": plan.basics.company,
        "week": review.week,
        "week_number": number_of[review.week],
        "weeks": len(review.plan_weeks),
        "dates": _dates(review.monday),
        "printed": (f"{today.day} {_MONTHS[today.month - 1]} {today.year}"
                    if printing.get() == ENGLISH else format_skeleton("yMMMMd", today,
                                                                       locale=printing.get())),
        "has_actuals": review.has_actuals,
        "reps": [_rep(r, plan.basics.brand_colour) for r in review.reps],
        "compact": len(review.reps) >= COMPACT_FROM,
        "heads": [{"metric": t.metric, "goal": _goal(t)}
                  for t in (review.reps[0].targets if review.reps else ())],
        "trend_count": min(TREND_WEEKS, len(review.weeks)),
        # once per rep on one line ("Jonas Albrecht: touches, meetings"): the table marks each
        "below": _grouped(((r.rep_name, _short(t)) for r, t in review.below_two_weeks),
                          sep=", "),
        "cold": _grouped((", ".join(a.owners) or gettext("no rep"), a.name)
                         for a in review.cold_accounts),
        "cold_weeks": review.cold_weeks,
        "outside": outside,
        "definition": _definition(plan),
        "brand": brand_palette(plan.basics.brand_colour),
        "page_size": plan.basics.page_size,
    }


def _definition(plan: Plan) -> str:
    """How the review judges an opportunity (``review.build``'s sentence, in the language)."""
    criteria = [c.name for c in plan.qualification.criteria]
    if not criteria:
        return gettext("The plan defines no qualification criteria: every opportunity created "
                       "counts.")
    return gettext("An opportunity meets the plan's definition (%(criteria)s) when a meeting "
                   "with its account was logged on its creation day or in the %(days)s days "
                   "before.", criteria=", ".join(criteria),
                   days=THRESHOLDS.opportunity_meeting_days)


def review_html(plan: Plan, review: WeeklyReview, today: date,
                language: str | None = None) -> str:
    """The review's page as HTML, its labels in ``language`` (default: the plan's)."""
    language = language or edition_language(plan)
    with printing_in(language):
        context = review_context(plan, review, today)
        context["lang"] = language
        return environment(language).get_template("playbook/review.html.j2").render(context)


def render_review_pdf(plan: Plan, out_path: str | os.PathLike, *, week: str | None = None,
                      today: date | None = None, language: str | None = None) -> RenderResult:
    """Write the one-page weekly review of ``week`` (default: the last full week within the
    plan's period) to ``out_path``, atomically."""
    from weasyprint import CSS, HTML  # noqa: PLC0415 - WeasyPrint: only when printing
    from weasyprint.text.fonts import FontConfiguration  # noqa: PLC0415

    from . import pdf_speed, pdf_tags  # noqa: PLC0415
    from .fetcher import SafeFetcher  # noqa: PLC0415

    out = Path(out_path)
    if not out.parent.is_dir():
        raise PlaybookError(f"cannot write {out}: the folder {out.parent} does not exist")
    started = time.perf_counter()
    today = today or date.today()
    language = language or edition_language(plan)
    review = weekly_review(plan, week, today=today, language=language)  # findings in its language
    html = review_html(plan, review, today, language)
    pdf_speed.install()
    pdf_tags.install()
    fetcher, fonts = SafeFetcher(), FontConfiguration()
    css = templates_dir() / "playbook"
    sheets = [CSS(string=_fonts_css(), font_config=fonts, url_fetcher=fetcher),
              CSS(filename=str(css / "css" / "00-base.css"), font_config=fonts,
                  url_fetcher=fetcher),
              CSS(filename=str(css / "review.css"), font_config=fonts, url_fetcher=fetcher),
              CSS(string=_page_css(plan.basics.page_size, brand_palette(
                  plan.basics.brand_colour)), font_config=fonts, url_fetcher=fetcher)]
    document = HTML(string=html, base_url=str(templates_dir()), url_fetcher=fetcher).render(
        font_config=fonts, stylesheets=sheets, pdf_variant=PDF_VARIANT)
    data = document.write_pdf(pdf_variant=PDF_VARIANT)
    try:
        with atomic_open(out) as handle:
            handle.write(data)
    except OSError as exc:
        raise PlaybookError(Note("cannot write {file}: {why}", file=str(out),
                                 why=system_reason(exc))) from exc
    return RenderResult(out, len(document.pages), time.perf_counter() - started)
