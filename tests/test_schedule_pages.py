"""The rep's schedule as a tool to work from: whom each entry has the rep reach, or whom to find."""

from __future__ import annotations

import html
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.playbook.brackets import bracketed
from prospector.playbook.context import build_context
from prospector.playbook.render import render_playbook_html
from prospector.resources import sample_plan_path
from tests.design_figures import figures as _figures
from tests.pdf_links import linked_touch, touch_links


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def _text(markup: str) -> str:
    """The words of ``markup`` as a reader sees them (a word joiner, "IT/\u2060OT", prints
    nothing)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).replace("\u2060", "").split())


def _schedule(plan: Plan, rep: str = "Jonas Albrecht") -> str:
    """The rep's schedule chapter's HTML."""
    markup = render_playbook_html(plan, rep_name=rep, start=date(2027, 1, 11))
    return markup[markup.index('<table class="week"'):markup.index('id="sec-targets"')]


def _entries(schedule: str, account: str, touch: str) -> list[str]:
    """What the schedule prints for ``account`` under ``touch``: each account line, from the
    account's name to the end of the line under it (its outcome boxes left out)."""
    found = []
    for entry in schedule.split('<tr class="step">')[1:]:
        step, *rows = entry.split('<tr class="todo')
        if touch in _text(step):
            lines = [_text(row.split("</tr>")[0].split('<span class="outcome">')[0])
                     for row in rows]
            found += [words[words.index(account):] for words in lines if account in words]
    return found


def test_a_touch_for_a_persona_the_account_lacks_says_whom_to_find_and_whom_to_ask(sample):
    """Kaltenegger has a COO and a Plant Manager but no Head of Maintenance: the checklist (for
    the Head of Maintenance) used to print the COO as the contact to reach; it now says to find
    one and names whom to ask, and an account with no contact at all is told only to find one."""
    schedule = _schedule(sample)
    checklist = "Checklist: before your senior technicians retire"
    kaltenegger = _entries(schedule, "Kaltenegger Kunststofftechnik GmbH", checklist)
    assert kaltenegger and all(
        "no Head of Maintenance / Reliability contact yet: find one (ask Matthias Pröll, "
        "Chief Operating Officer)" in e and "matthias.proell@" not in e for e in kaltenegger)
    wendt = _entries(schedule, "Wendt Präzisionsteile", checklist)
    assert wendt and all(e.endswith("no Head of Maintenance / Reliability contact yet: find one")
                         for e in wendt)
    # a touch written for two personas, neither of them the account's
    video = _entries(schedule, "Steinmann Armaturen AG",
                     "Personal 3-minute video: a comparable plant")
    assert video and all("no Plant Manager or Head of Maintenance / Reliability contact yet: "
                         "find one (ask Reto Baumgartner, Chief Operating Officer)" in e
                         for e in video)


def test_whom_to_ask_is_named_with_a_title_without_nested_brackets(sample):
    """Sabine Köhler's title has its own brackets: "(ask Sabine Köhler, Werkleiterin (Plant
    Manager))" nested them; the dash keeps one pair. The leader's account cards list titles in
    brackets the same way."""
    schedule = _schedule(sample)
    brief = _entries(schedule, "Hoffmann-Lindner Stanztechnik GmbH", "IT/OT brief")
    assert brief and all(e.endswith("no Head of IT/OT / Digital Manufacturing contact yet: find "
                                    "one (ask Sabine Köhler, Werkleiterin – Plant Manager)")
                         for e in brief)
    assert not re.search(r"\([^()]*\(", _text(schedule))
    leader = _text(render_playbook_html(sample, start=date(2027, 1, 11)))
    assert "Sabine Köhler (Werkleiterin – Plant Manager)" in leader
    assert "Jürgen Weiß (Leiter Instandhaltung – Head of Maintenance)" in leader
    assert bracketed("(Interim) Leiter (Werk (Nord))") == "(Interim – Leiter – Werk – Nord)"


def test_the_missing_contact_is_said_in_the_reps_language(sample):
    plan = sample.model_copy(deep=True)
    plan.basics.language = "de"
    text = _text(render_playbook_html(plan, rep_name="Jonas Albrecht", start=date(2027, 1, 11)))
    assert ("noch kein Ansprechpartner als Head of IT/OT / Digital Manufacturing: einen finden "
            "(Sabine Köhler, Werkleiterin – Plant Manager fragen)") in text
    assert "noch kein Ansprechpartner als Plant Manager oder Head of Maintenance" in text


@pytest.fixture(scope="module")
def jonas_pages(sample, tmp_path_factory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("schedule") / "jonas.pdf"
    render_playbook_pdf(sample, out, rep_name="Jonas Albrecht", start=date(2027, 1, 11),
                        today=date(2027, 1, 4))
    return out, [" ".join(page.split()) for page in _page_texts(out)]


def _page_texts(path: Path, *options: str) -> list[str]:
    text = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_script_p_n_is_the_page_the_script_starts_on(sample, jonas_pages):
    """Every "script, p. N" (the schedule's, the cadence tables', the call cards') leads to and
    prints the page where the script's first words are, not the card's heading's page (a card
    whose heading ends a page has its talk track on the next)."""
    path, pages = jonas_pages
    context = build_context(sample, rep_name="Jonas Albrecht", start=date(2027, 1, 11))
    printed = {t["id"]: " ".join(t["message"].split())[:40]
               for g in context["channels"] for t in g["touches"]}
    starts = {touch_id: [n for n, page in enumerate(pages, 1) if first in page]
              for touch_id, first in printed.items()}
    assert all(len(found) == 1 for found in starts.values()), starts
    links = touch_links(path)
    assert len(links) > 100
    for page, dest, target, _rect in links:
        assert target == starts[linked_touch(dest)][0], (page, dest, target)
    # each link goes to the script's own anchor, on its talk track's box (the card's heading
    # may end a page: the talk track starts on the next, which is the page a rep wants)
    assert {dest.split("-", 1)[0] for _page, dest, _target, _rect in links} == {"script"}
    html = render_playbook_html(sample, rep_name="Jonas Albrecht", start=date(2027, 1, 11),
                                today=date(2027, 1, 4))
    for touch_id in printed:
        assert f'<div class="talk" id="script-{touch_id}">' in html, touch_id
    checklist = next(t for t in sample.touches if t.title.startswith("Checklist: before"))
    schedule = [page for page in pages if page.startswith("YOUR SCHEDULE")]
    said = re.findall(re.escape(checklist.title) + r" · Email · step \d+ of [^(]+\(script, "
                      r"p\. (\d+)\)", " ".join(schedule))
    assert len(said) >= 3 and set(said) == {str(starts[checklist.id][0])}


def test_every_entry_of_the_schedule_links_its_script_calls_too(jonas_pages):
    """A call to a named contact linked only the contact's call card, so reaching the ask's talk
    track took two hops (the card, then its "script, p. N"): every entry of the schedule names
    its script's page, calls and asks included, and the contact's line keeps the card's."""
    _path, pages = jonas_pages
    schedule = " ".join(page for page in pages if page.startswith("YOUR SCHEDULE"))
    entries = re.findall(r" · (Phone|Email|Social|Mail|Video|Event|In person) · step \d+ of "
                         r"(?:Dream client|B and C account) campaign( \(script, p\. \d+\))?",
                         schedule)
    assert len(entries) == 86  # Jonas's touches, one entry each (one account a step a day)
    assert all(script for _channel, script in entries), [c for c, s in entries if not s]
    assert sum(channel == "Phone" for channel, _script in entries) >= 20
    assert schedule.count("call card, p.") >= 10


def test_a_cadences_last_step_never_goes_over_alone_with_the_note_under_it(jonas_pages):
    """The rep's last cadence ends in a note (how day numbers become dates), the table's last
    row: its last step went over alone to the next page with it, under a repeated head, and left
    that page's foot white. A page a cadence's steps run on to holds two steps at least."""
    _path, pages = jonas_pages
    carried = [page for page in pages if page.startswith("YOUR CAMPAIGN")
               and "CAMPAIGN (CONTINUED)" in page and "TOUCH AND OBJECTIVE" in page]
    assert len(carried) == 2  # both cadences run on to a second page
    for page in carried:
        assert len(re.findall(r"\bDay \d+\b", page)) >= 2, page[:300]
    assert "Day numbers count calendar days" in carried[-1]


def test_the_schedule_ends_by_saying_which_weeks_of_the_campaign_have_no_touch(jonas_pages):
    """Jonas's last touch is in week 23 and the campaign (and his scorecard) runs to week 25:
    the schedule stopped without a word, as if two weeks were missing."""
    _path, pages = jonas_pages
    schedule = " ".join(page for page in pages if page.startswith("YOUR SCHEDULE"))
    last_week = max(int(n) for n in re.findall(r"\bWeek (\d+) · ", schedule))
    assert last_week == 23
    said = "Weeks 24–25: no touches; the campaign ends on 30 Jun 2027."
    assert schedule.index("Week 23 · ") < schedule.index(said) < schedule.index("Your targets")


def test_a_day_runs_onto_the_next_page_between_its_entries_and_leaves_no_page_a_quarter_white(
        jonas_pages):
    """A day moved whole to the next page left pages up to 39% white (sample, Jonas): a day
    now breaks between two entries (a touch and its accounts, never split), the next page
    saying "<day> (continued)" over the touch that goes on."""
    path, _pages = jonas_pages
    laid = _page_texts(path, "-layout")
    schedule = [n for n, page in enumerate(laid) if page.lstrip().startswith("YOUR SCHEDULE")]
    assert len(schedule) > 5
    carried = 0
    for n in schedule[1:]:
        lines = [ln.strip() for ln in laid[n].splitlines() if ln.strip()][1:]
        assert lines[0].startswith("Week "), lines[:2]
        first = lines[1]  # under the week's band: a day, or a day going on
        if first.endswith(" (continued)"):
            carried += 1
            # then the touch's line: an entry is never split from its touch
            assert re.search(r" · step \d+ of ", " ".join(lines[2:4])), lines[:4]
        else:
            assert re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri) \d+ \w+", first), lines[:3]
    assert carried >= 2
    import pypdfium2 as pdfium  # noqa: PLC0415 - test extra

    figures = _figures()
    margins = figures.css_margins_mm()
    pdf = pdfium.PdfDocument(str(path))
    try:
        white = {n + 1: round(figures.page_white(pdf[n], margins, 72).share, 2)
                 for n in schedule[:-1]}  # the last: the schedule's end
    finally:
        pdf.close()
    assert max(white.values()) <= 0.25, white


def test_the_outcome_boxes_sit_on_the_accounts_line(jonas_pages, sample):
    """Floated right beside the account's name: a call's three boxes on one line (a column of
    their own wrapped "Meeting booked" onto a line of its own, an entry a line taller)."""
    path, _pages = jonas_pages
    text = "\n".join(page for page in _page_texts(path, "-layout")
                     if page.lstrip().startswith("YOUR SCHEDULE"))
    calls = re.findall(r"^\s+[ABC] \S.*?\s{2,}Connected\s+Message left\s+Meeting booked$", text,
                       re.MULTILINE)
    assert len(calls) == text.count("· Phone · step") > 10
