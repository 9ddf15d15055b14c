"""The weekly review in the app: the plan's actuals against its targets for one week.

Pick a week (the last full week by default); per rep, each target's actual against its goal, the
opportunities created and those meeting the plan's definition, touches by channel and by tier,
touches outside the plan, the coach's findings on the rep's actuals; for the team, reps below a
target two weeks running and dream clients (A accounts) untouched for three weeks. Above them, a
chart per target over the plan's weeks, drawn as the cadence timeline is (an SVG in the palette's
colours, light or dark), for the whole team or one rep.

The review is ``prospector.review.weekly_review``. With 100,000 imported facts it is well over a
frame, so it and the page's HTML and charts are made in steps (``page_steps``), run in slices of
two milliseconds on the window's thread between frames (``ui/slices.py``): a thread would hold
Python's lock against the window. The facts are summed once per import (``review.summary``):
after that, another week or an edit is reviewed in a few slices.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from html import escape

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from prospector.coach.wording import findings_language
from prospector.errors import ProspectorError
from prospector.model import Plan
from prospector.playbook.timeline import Ink
from prospector.playbook.weekly_chart import ACCENT, bars_width, chart_said, weekly_chart_svg
from prospector.review import RepWeek, WeeklyReview, plan_weeks, review_steps
from prospector.review.summary import run_to_end, summary_steps
from prospector.review.text import channel_label, verdict
from prospector.review.weeks import days_label, plan_weekends, week_days_label
from ui.document import PlanDocument
from ui.language import _, current, in_sentence, ngettext, said, show_percent
from ui.palette_colours import blend, readable, timeline_ink
from ui.slices import InSlices
from ui.table_model import show_number
from ui.widgets.date_field import show_day, show_week

TEAM = ""  # the charts' choice for the whole team
REFRESH_MS = 300  # after an edit, the review is made again this long after the last one
CHART_COLUMNS = 2
CHART_WIDTH = 280.0  # pt: every chart this wide at least, its title on up to two lines
MET = "#2F855A"  # a figure at or over its goal (below: the charts' accent)


@dataclass(frozen=True)
class Colours:
    """The page's colours, taken from the palette on the GUI thread for the thread's use."""

    ink: Ink
    below: str  # a figure below its goal
    met: str
    muted: str


@dataclass(frozen=True)
class ReviewPage:
    """What the thread made: the review, its text as HTML, and the charts (title, SVG)."""

    review: WeeklyReview | None
    html_parts: tuple[str, ...]  # the text in parts, put on the page one per turn (see _made)
    charts: tuple[tuple[str, str, str], ...]  # (title, SVG, its text for a screen reader)
    error: str = ""
    week_labels: tuple[str, ...] = ()  # each of the plan's weeks: the working days it covers

    @property
    def html(self) -> str:
        return "".join(self.html_parts)


def make_page(plan: Plan, week: str | None, who: str, colours: Colours,
              today: date) -> ReviewPage:
    """The review of ``week`` (None, or a week no longer in the plan: the default week) with its
    HTML and the charts of ``who`` (a rep's id, or ``TEAM``): ``page_steps`` at once."""
    return run_to_end(page_steps(plan, week, who, colours, today))


def _sentence(text: str) -> str:
    """A domain error ("the plan ... has no start date ...", lower-case as the command line
    prints it after "prospector: error:") as a sentence of its own."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text[-1] in ".!?" else ".")


def page_steps(plan: Plan, week: str | None, who: str, colours: Colours,
               today: date) -> Generator[None, None, ReviewPage]:
    """``make_page`` in steps of a few milliseconds each (``review_steps``, then the text, then
    each chart), run by the page between two frames."""
    try:
        yield from summary_steps(plan.actuals.facts)  # the default week reads the facts' days
        if week is not None and week not in plan_weeks(plan):
            week = None
        # the coach's findings in the plan's language, as the coach panel gives them
        language = findings_language(plan.basics.language)
        review = yield from review_steps(plan, week, today=today, language=language)
    except ProspectorError as exc:
        return ReviewPage(None, (), (), said(exc))
    yield
    weekends = plan_weekends(plan)  # a week's days for each working week among the reps
    labels = tuple(week_days_label(w, weekends, current()) for w in review.plan_weeks)
    html = review_html_parts(review, colours, labels[review.plan_weeks.index(review.week)])
    made = []
    for chart in charts(review, who, plan, colours):
        yield
        made.append(chart)
    return ReviewPage(review, tuple(html), tuple(made), week_labels=labels)


def charts(review: WeeklyReview, who: str, plan: Plan,
           colours: Colours) -> Iterator[tuple[str, str, str]]:
    """One chart per target over the weeks to the week reviewed, for a rep or the team; all of
    one width and height (a long title wraps instead of widening its chart), so they are drawn
    at one size and scale."""
    rep = review.rep(who) if who else None
    first = rep or (review.reps[0] if review.reps else None)
    if first is None:
        return
    width = max(CHART_WIDTH, bars_width(len(review.weeks)))
    for index, line in enumerate(first.targets):
        series = line.series if rep else review.team_series(index)
        title = line.metric + (_(" (a week's share)") if line.period == "month" else "")
        actuals, goals = [w.actual for w in series], [w.goal for w in series]
        svg = weekly_chart_svg(title, review.weeks, actuals, goals, review.week,
                               ink=colours.ink, brand=plan.basics.brand_colour, width=width,
                               title_lines=2, week_mark=_("W{number}"), language=current())
        yield line.metric, str(svg), chart_said(title, review.weeks, actuals, goals,
                                                week_mark=_("W{number}"), language=current())


def review_html(review: WeeklyReview, colours: Colours, week_label: str) -> str:
    """``week_label``: the working days the week covers, for each working week among the reps."""
    return "".join(review_html_parts(review, colours, week_label))


def review_html_parts(review: WeeklyReview, colours: Colours, week_label: str) -> list[str]:
    """The review's text in parts: the week, the team and the first rep; each other rep; the
    notes (a part is a few milliseconds of the window's time to lay out)."""
    number_of = review.plan_weeks.index(review.week) + 1
    out = [_("<h2>{week}: week {number} of {weeks}, {days}</h2>").format(
        week=escape(show_week(review.week)), number=number_of, weeks=len(review.plan_weeks),
        days=escape(week_label))]
    if not review.has_actuals:
        out.append(_("<p>No actuals yet: import a CRM export (File &gt; Import actuals…) or enter "
                     "figures by hand (Figures by hand).</p>"))
    team = []
    below = review.below_two_weeks
    if below:
        by_rep: dict[str, list[str]] = {}
        for rep, line in below:
            by_rep.setdefault(rep.rep_name, []).append(line.metric)
        team.append(_("<b>Below target two weeks running:</b> ") + "; ".join(
            f"{escape(name)} ({escape(', '.join(metrics))})" for name, metrics in by_rep.items()))
    if review.cold_accounts:
        team.append(_("<b>A accounts untouched for {cold_weeks} weeks:</b> ").format(
            cold_weeks=review.cold_weeks) + "; ".join(
            escape(a.name) + " (" + escape(", ".join(a.owners) or _("no rep")) + "; "
            + (_("last touched {day}").format(
                day=show_day(a.last_touched)) if a.last_touched else _("never touched"))
            + ")" for a in review.cold_accounts))
    outside = [f"{escape(r.rep_name)}: " + ", ".join(f"{escape(name)} ({n})"
                                                    for name, n in r.outside_plan.items())
               for r in review.reps if r.outside_plan]
    if outside:
        team.append(_("<b>Touches outside the plan:</b> ") + "; ".join(outside))
    if team:
        out.append(_("<h3>The team</h3><ul>") + "".join(f"<li>{t}</li>" for t in team) + "</ul>")
    reps = [_rep_html(rep, colours) for rep in review.reps]
    notes = _("<p style='color:{muted}'>Opportunities: {definition}. Figures in italics were "
              "entered by hand; a monthly target's goal is a week's share of it.</p>").format(
                  muted=colours.muted, definition=escape(said(review.definition).rstrip(".")))
    return ["".join(out + reps[:1]), *reps[1:], notes]


def _figure(value: float | None) -> str:
    """A goal or an actual as the user's locale writes it, to one decimal ("0,2" in German);
    "-" when not entered."""
    return "-" if value is None else show_number(round(value, 1))


def _goal(line) -> str:
    """The week's goal, and a monthly target's own figure beside it ("0,2 (1/Monat)")."""
    goal = _figure(line.this_week.goal)
    if line.period != "month":
        return goal
    return _("{goal} ({per_month}/month)").format(goal=goal, per_month=_figure(line.per_rep))


def _rep_html(rep: RepWeek, colours: Colours) -> str:
    rows = [_("<tr><th align='left'>Target</th><th align='right'>Goal</th>"
              "<th align='right'>Actual</th><th align='left'></th></tr>")]
    for line in rep.targets:
        now = line.this_week
        said = verdict(now)
        colour = colours.below if now.below else colours.met if said == "met" else colours.muted
        actual = _figure(now.actual)
        if now.by_hand:
            actual = f"<i>{actual}</i>"
        running = line.weeks_below  # "two weeks running" stayed two in the fourth week
        two = ngettext(" · {n} week running", " · {n} weeks running", running).format(
            n=running) if line.below_two_weeks else ""
        rows.append(_("<tr><td>{metric}</td><td align='right'>{value}</td><td "
                      "align='right'><b>{actual}</b></td><td "
                      "style='color:{colour}'>{said}{two}</td></tr>").format(
                          metric=escape(line.metric), value=escape(_goal(line)), actual=actual,
                          colour=colour, said=_(said), two=two))
    channels = ", ".join(f"{escape(in_sentence(_(channel_label(k))))} {n}"
                         for k, n in rep.touches_by_channel.items())
    tiers = ", ".join((_("outside the plan {n}") if k == "outside" else _("tier {tier} {n}"))
                      .format(tier=k, n=show_number(n)) for k, n in rep.touches_by_tier.items())
    lines = [_("<b>Touches:</b> {touches}").format(touches=show_number(rep.touches))
             + (_(" — by channel: {channels}; by tier: {tiers}").format(
                 channels=channels, tiers=tiers) if rep.touches else ""),
             _("<b>Meetings:</b> {meetings} · <b>Opportunities created:</b> {opportunities}, "
               "{qualified} meeting the definition").format(
                 meetings=show_number(rep.meetings), opportunities=show_number(rep.opportunities),
                 qualified=show_number(rep.qualified_opportunities))]
    by_hand = [line.metric for line in rep.targets if line.this_week.by_hand]
    if by_hand:  # typed in the grid: the lines above count the CRM exports only
        lines.append(_("<i>Touches, meetings and opportunities above are the CRM exports'; "
                       "typed by hand for this week: {metrics}.</i>").format(
                           metrics=escape("; ".join(by_hand))))
    if rep.touches_planned_to_date:
        share = rep.touches_logged_to_date / rep.touches_planned_to_date
        lines.append(_("<b>Pace:</b> {logged} touches logged to date; the plan set {planned} "
                       "({share})").format(logged=show_number(rep.touches_logged_to_date),
                                               planned=show_number(rep.touches_planned_to_date),
                                               share=show_percent(share)))
    if rep.outside_plan:
        lines.append(_("<b>Outside the plan:</b> ") + ", ".join(
            f"{escape(name)} ({n})" for name, n in rep.outside_plan.items()))
    findings = "".join(f"<li>{escape(f.message)}</li>" for f in rep.findings)
    coach = _("<p><b>The coach:</b></p><ul>{findings}</ul>").format(
        findings=findings) if findings else \
        _("<p><b>The coach:</b> nothing to flag this week.</p>")
    days = days_label(rep.first_day, rep.last_day, current())  # Sun-Thu in Israel
    # the heading runs the app's way (a Hebrew name had it run right to left in an English
    # review, its dates before the name): a name written the other way is wrapped in marks of
    # the app's direction, as the heading's first strong letter sets its way
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    way = "\u200f" if rtl else "\u200e"
    name = escape(rep.rep_name)
    if _right_to_left(rep.rep_name) != rtl:
        name = f"{way}{name}{way}"
    return (f"<h3>{name} <span style='font-weight:normal; "
            f"color:{colours.muted}'>· {escape(days)}</span></h3>"
            "<table cellspacing='0' cellpadding='3'>"
            + "".join(rows) + "</table>" + "".join(f"<p>{line}</p>" for line in lines) + coach)


def _right_to_left(text: str) -> bool:
    """Whether ``text`` starts the way Hebrew or Arabic does (its first strong letter's)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class ActualsReview(QWidget):
    """The review page: the week, the charts, the review (made off the GUI thread)."""

    shown_review = Signal(object)  # the WeeklyReview put on the page (None: none could be made)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.review: WeeklyReview | None = None
        self.waiting = 0  # the number of the review whose page is awaited
        self._work: InSlices[ReviewPage] | None = None  # the review being made
        self._steps: list[Callable[[], None]] = []  # what is left to put on the page (see _made)
        self._stale = True  # the plan changed since the review shown was made
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.week_choice = QComboBox()
        self.week_choice.setAccessibleName(_("Week reviewed"))
        self.week_choice.setMinimumWidth(260)
        # the label names the working days: two spans with reps in Israel and in Germany
        self.week_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.who = QComboBox()
        self.who.setAccessibleName(_("Charts of"))
        self.who.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top.addWidget(QLabel(_("Week:")))
        top.addWidget(self.week_choice)
        top.addSpacing(16)
        top.addWidget(QLabel(_("Charts of:")))
        top.addWidget(self.who)
        self.status = QLabel()
        self.status.setObjectName("stepAdvice")
        self.status.setWordWrap(True)  # why there is no review: a sentence, not the window's width
        top.addWidget(self.status, 1)
        layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical)
        self.charts_area = QScrollArea()
        self.charts_area.setWidgetResizable(True)
        holder = QWidget()
        self.charts_grid = QGridLayout(holder)
        self.charts_area.setWidget(holder)
        self.chart_widgets: list[QSvgWidget] = []
        self.text = QTextBrowser()
        self.text.setAccessibleName(_("Weekly review"))
        self.text.setOpenLinks(False)
        split.addWidget(self.charts_area)
        split.addWidget(self.text)
        split.setSizes([420, 480])
        layout.addWidget(split, 1)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self.week_choice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.who.currentIndexChanged.connect(lambda _i: self.refresh())
        document.changed.connect(self._plan_changed)
        document.plan_replaced.connect(self._plan_changed)

    # --- when to make the review ---------------------------------------------------------------
    def _plan_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self.refresh)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the system went dark or light
            self._stale = True
            if self.isVisible():
                self._refresh.start()

    def refresh(self) -> None:
        """Make the review of the week chosen again, off the GUI thread."""
        self._refresh.stop()
        self._stale = False
        self._fill_choices()
        plan = self.document.plan
        # A snapshot of the lists the review reads: edits change the plan's lists in place;
        # the actuals are replaced whole, never changed in place (PlanDocument.set_actuals).
        snapshot = plan.model_copy(update={
            "reps": list(plan.reps), "accounts": list(plan.accounts),
            "cadences": list(plan.cadences), "accountability": plan.accountability.model_copy(
                update={"targets": list(plan.accountability.targets)})})
        self.waiting += 1
        if self._work is not None:
            self._work.cancel()  # a newer review replaces it
        # on this thread, in slices between frames: a thread would hold Python's lock against
        # the window (ui/slices.py)
        steps = page_steps(snapshot, self.week_choice.currentData(),
                           self.who.currentData() or TEAM, self.colours(), date.today())
        self._work = InSlices(self, steps, partial(self._made, self.waiting))
        self.status.setText(_("Reviewing…"))

    def stop(self) -> None:
        """Drop the review being made (the window closes)."""
        if self._work is not None:
            self._work.cancel()
        self.waiting += 1

    def colours(self) -> Colours:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        ground = palette.color(QPalette.ColorRole.Base)
        return Colours(timeline_ink(palette),
                       below=readable(QColor(ACCENT), text, [ground]).name(),
                       met=readable(QColor(MET), text, [ground]).name(),
                       muted=readable(blend(text, ground, 0.4), text, [ground]).name())

    def _fill_choices(self) -> None:
        """The reps to chart (the weeks come with the review: finding the default one may read
        every fact)."""
        plan = self.document.plan
        people = [(TEAM, _("Whole team"))] + [(rep.id, rep.name) for rep in plan.reps]
        if [(self.who.itemData(i), self.who.itemText(i)) for i in range(self.who.count())] \
                != people:
            chosen = self.who.currentData() or TEAM
            self.who.blockSignals(True)
            self.who.clear()
            for rep_id, name in people:
                self.who.addItem(name, rep_id)
            self.who.setCurrentIndex(max(self.who.findData(chosen), 0))
            self.who.blockSignals(False)

    def _fill_weeks(self, review: WeeklyReview, labels: tuple[str, ...]) -> None:
        """The plan's weeks, each with the working days it covers (``Mon 1 – Fri 5 Feb``; with
        an Israeli rep also ``Sun 31 Jan – Thu 4 Feb``)."""
        weeks = list(review.plan_weeks)
        texts = [_("{week} · week {number} · {days}").format(week=show_week(week), number=n,
                                                             days=label)
                 for n, (week, label) in enumerate(zip(weeks, labels, strict=True), 1)]
        self.week_choice.blockSignals(True)
        if [self.week_choice.itemText(i) for i in range(self.week_choice.count())] != texts:
            self.week_choice.clear()
            for week, text in zip(weeks, texts, strict=True):
                self.week_choice.addItem(text, week)
        self.week_choice.setCurrentIndex(self.week_choice.findData(review.week))
        self.week_choice.blockSignals(False)

    # --- showing it ----------------------------------------------------------------------------
    def _made(self, number_: int, page: ReviewPage) -> None:
        """Put the review on the page one piece per turn of the event loop (the text's top, each
        chart, each other rep's text: 1 to 9 ms each on a busy machine, too long together for
        one frame)."""
        if number_ != self.waiting:
            return
        self.review = page.review
        if page.review is not None:
            self._fill_weeks(page.review, page.week_labels)
        else:  # (the weeks of the plan shown before stood there: a blank plan has none)
            self.week_choice.clear()
        self.week_choice.setEnabled(page.review is not None)
        # the error once, as a sentence, where the review would be (it stood in the status
        # beside the week too, squeezed onto four lines, and began with a small letter)
        self.status.setText("")
        parts = page.html_parts if page.review else (f"<p>{escape(_sentence(page.error))}</p>",)
        # what is in view first: the text's top, then the charts, then the text below
        steps: list[Callable[[], None]] = [partial(self.text.setHtml, parts[0])]
        steps += [partial(self._chart, i, title, svg, told)
                  for i, (title, svg, told) in enumerate(page.charts)]
        steps += [partial(self._append_html, part) for part in parts[1:]]
        steps.append(partial(self._done, number_, page))
        self._steps = steps
        # the text after a turn of the event loop: the last slice of the review had this one
        QTimer.singleShot(0, self, partial(self._next_step, number_))

    def _append_html(self, html: str) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        # a paragraph of its own, not the end of the last one, nor an item of the list the last
        # rep's coach ended with (the next rep's name was printed as one, "• Mette Sørensen")
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if (items := cursor.currentList()) is not None:
            items.remove(cursor.block())
        cursor.insertHtml(html)

    def _next_step(self, number_: int) -> None:
        if number_ != self.waiting or not self._steps:  # a newer review is on its way
            return
        self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self, partial(self._next_step, number_))

    def _chart(self, i: int, title: str, svg: str, told: str) -> None:
        if i >= len(self.chart_widgets):
            widget = QSvgWidget()
            widget.setMinimumHeight(150)
            self.chart_widgets.append(widget)
            self.charts_grid.addWidget(widget, i // CHART_COLUMNS, i % CHART_COLUMNS)
        widget = self.chart_widgets[i]
        widget.setAccessibleName(_("Chart: {title}").format(title=title))
        widget.setAccessibleDescription(told)  # each week's figure and goal, as the SVG's title
        widget.load(QByteArray(svg.encode("utf-8")))
        widget.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        widget.show()

    def _done(self, number_: int, page: ReviewPage) -> None:
        for widget in self.chart_widgets[len(page.charts):]:
            widget.hide()
        self.shown_review.emit(page.review)
