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
from tests.pdf_links import linked_touch, touch_links


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def _text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _schedule(plan: Plan, rep: str = "Jonas Albrecht") -> str:
    """The printed words of the rep's schedule chapter."""
    text = _text(render_playbook_html(plan, rep_name=rep, start=date(2027, 1, 11)))
    return text[text.index("Your touches, "):text.index("Your targets Target")]


def _entries(schedule: str, account: str, touch: str) -> list[str]:
    """What the schedule prints under ``touch`` for ``account``: each from the account's name
    up to the outcome boxes."""
    found = []
    for at in [m.start() for m in re.finditer(re.escape(touch), schedule)]:
        block = schedule[at:]
        block = block[:re.search(r" (Sent|Connected|Met|Invited) ", block).end()]
        if account in block:
            found.append(block[block.index(account):])
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
    assert wendt and all("no Head of Maintenance / Reliability contact yet: find one Sent" in e
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
    assert brief and all("no Head of IT/OT / Digital Manufacturing contact yet: find one (ask "
                         "Sabine Köhler, Werkleiterin – Plant Manager) Sent" in e for e in brief)
    assert not re.search(r"\([^()]*\(", schedule)
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
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    return out, [" ".join(page.split()) for page in text.split("\f")[:-1]]


def test_script_p_n_is_the_page_the_script_starts_on(sample, jonas_pages):
    """The checklist's card starts at the foot of a page and its talk track on the next: every
    "script, p. N" (the schedule's, the cadence tables', the call cards') leads to and prints
    the page where the script's first words are, not the card's heading's page."""
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
    checklist = next(t for t in sample.touches if t.title.startswith("Checklist: before"))
    heading = next(n for n, page in enumerate(pages, 1)
                   if f"{checklist.title} Email · for" in page)
    assert starts[checklist.id] == [heading + 1]
    schedule = [page for page in pages if page.startswith("YOUR SCHEDULE")]
    said = re.findall(re.escape(checklist.title) + r" · Email · step \d+ of [^(]+\(script, "
                      r"p\. (\d+)\)", " ".join(schedule))
    assert len(said) >= 3 and set(said) == {str(heading + 1)}
