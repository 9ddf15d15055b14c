"""Where a rep's edition sends a rep who is about to call: to the contact's call card.

A call card holds the opening of the call and links the script; the script's chapter prints the
opening only on the card. A phone entry that linked the script ("script, p. 9") sent the rep to a
talk track whose opening was on the card, which sent them back (the fresh-eyes review, issue 16).
"""

from __future__ import annotations

import re
from datetime import date

from pypdf import PdfReader

from prospector.planfile import read_plan_file
from prospector.playbook import build_context
from prospector.resources import sample_plan_path


def _pages_and_cards(path) -> tuple[list[str], dict[str, int]]:
    """Each page's text, and the page (1-based) of each persona's card (its anchor)."""
    reader = PdfReader(path)
    cards = {name.removeprefix("card-"): reader.get_destination_page_number(dest) + 1
             for name, dest in reader.named_destinations.items() if name.startswith("card-")}
    return [page.extract_text().replace("\xa0", " ") for page in reader.pages], cards


def test_a_call_in_the_reps_schedule_and_accounts_links_the_contacts_call_card(sample_rep_pdf):
    result, rep = sample_rep_pdf
    pages, cards = _pages_and_cards(result.path)
    assert set(cards) == {"per-01", "per-02", "per-03", "per-04"}
    schedule = next(i for i, p in enumerate(pages) if "Week 1 ·" in p)
    accounts = next(i for i, p in enumerate(pages) if "Your accounts" in p and "Overview" in p)
    text = "\n".join(pages[schedule:])
    # the COO of Brückner & Voss (persona per-01), the plant manager of Hoffmann-Lindner (per-02)
    for number, persona in (("+49 9721 555 0142", "per-01"), ("+49 7231 555 604", "per-02")):
        assert f"{number}; call card, p. {cards[persona]}" in text, number
        assert f"{number}; call card, p. {cards[persona]}" in "\n".join(pages[accounts:schedule])
    # a call's entry names its script too, on the touch's line, as every entry does (the card
    # beside the number holds the opening and the objections; the ask's talk track is the
    # script's): an e-mail's, a call's to a contact with a card, a call's to nobody yet
    plan = read_plan_file(sample_plan_path())
    ctx = build_context(plan, rep_name=rep.name, start=date(2027, 1, 13))  # as the fixture
    groups = [g for w in ctx["weeks"] for d in w["days"] for g in d["groups"]]
    calls = [g for g in groups if g["channel"] == "Phone"]
    carded = [g for g in calls if all(a["reach"] and a["reach"]["card"] for a in g["accounts"])]
    assert len(calls) > 10 and 0 < len(carded) < len(calls)
    assert all(g["script"] for g in groups if g["channel"] in ("Phone", "Email"))
    lines = [line for p in pages[schedule:] for line in p.split("\n")]
    assert len([line for line in lines if " · Phone · step " in line and "script, p." in line]) \
        == len(calls)
    # the card itself links the script, once
    coo = pages[cards["per-01"] - 1]
    assert re.search(r"Your calls: Phone: what one hour of stop costs, day 3, script, p\. \d+", coo)


def test_a_persona_in_the_call_cards_index_links_its_card(sample_leader_pdf):
    """Only the page number at the far right went to a card; the persona's name did not."""
    path = sample_leader_pdf[0].path
    reader = PdfReader(path)
    pages, cards = _pages_and_cards(path)
    index = next(i for i, p in enumerate(pages) if "Call cards" in p and "PERSONA" in p)
    names = {}  # card -> the left edges of the links to it on the index page
    for annotation in reader.pages[index].get("/Annots", []):
        link = annotation.get_object()
        if str(link.get("/Dest", "")).startswith("card-"):
            names.setdefault(str(link["/Dest"]).removeprefix("card-"), set()).add(
                round(float(link["/Rect"][0])))
    assert set(names) == set(cards)
    margin = min(edge for edges in names.values() for edge in edges)
    assert all(margin in edges and len(edges) == 2 for edges in names.values())  # name, page
