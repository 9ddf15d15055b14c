"""The rep's edition as a working tool: contacts to reach, a schedule to work from, a scorecard to
fill in, and a short edition for a rep with no accounts. Rendered once per module."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from prospector.model import Channel, Plan, Rep
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.playbook.addressed import to_the_rep
from prospector.playbook.context import build_context, contact_to_reach
from prospector.playbook.targets_page import LEAST_ROW_MM
from prospector.resources import sample_plan_path
from prospector.schedule import build_schedule, find_rep
from tests.pdf_links import linked_touch, touch_links

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


@pytest.fixture(scope="module")
def jonas_pdf(sample, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rep") / "jonas.pdf"
    render_playbook_pdf(sample, out, rep_name="Jonas Albrecht", start=date(2027, 1, 11),
                        today=date(2027, 1, 4))
    return out


def _pages(path: Path, *, layout: bool = True) -> list[str]:
    """Each page's text, laid out as printed or (``layout=False``) in reading order."""
    text = subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def _chapter(page: str) -> str:
    """The running head's chapter title of a page (its first line)."""
    lines = [ln for ln in page.splitlines() if ln.strip()]
    return lines[0].split("  ")[0].strip() if lines else ""


def _schedule_pages(pages: list[str]) -> dict[int, str]:
    """The schedule's pages (numbered from 1): from its first page to its last, which may be
    the one where the next chapter starts (its running head names that chapter), cut there."""
    first = next(n for n, p in enumerate(pages) if _chapter(p) == "YOUR SCHEDULE")
    found = {}
    for n in range(first, len(pages)):
        page = pages[n]
        if "Your targets" in page:  # the next chapter starts on this page: its top only
            rest = page[:page.index("Your targets")]
            if "Week " in rest:
                found[n + 1] = rest
            break
        if n > first and _chapter(page) != "YOUR SCHEDULE":
            break
        found[n + 1] = page
    return found


def _links(path: Path) -> list[tuple[int, str, int]]:
    """(page, destination, page it leads to) of every link to a touch's card, from 1."""
    return [(page, dest, target) for page, dest, target, _rect in touch_links(path)]


def test_rep_edition_prints_each_contacts_phone_and_email_the_leaders_does_not(
        sample, jonas_pdf, sample_leader_pdf):
    jonas = sample.reps[0]
    contacts = [c for aid in jonas.account_ids for c in sample.account(aid).contacts]
    assert len(contacts) > 5
    pages = _pages(jonas_pdf)
    # the chapter may start part-way down a page whose running head names the one before
    start = next(n for n, p in enumerate(pages) if re.search(r"^\s*Your accounts\s*$", p, re.M))
    rep_text = " ".join(p for n, p in enumerate(pages)
                        if n == start or (n > start and _chapter(p) == "YOUR ACCOUNTS"))
    leader_text = " ".join(_pages(sample_leader_pdf[0].path))
    for contact in contacts:
        assert contact.name in rep_text and contact.name in leader_text
        if contact.phone:
            assert contact.phone in rep_text and contact.phone not in leader_text
        if contact.email:  # an address may wrap at a hyphen: compare without spaces
            assert contact.email in re.sub(r"-\s+", "-", rep_text)
            assert contact.email not in leader_text


def test_an_account_with_no_contact_says_whom_to_find_before_its_first_touch(
        sample, jonas_pdf, sample_leader_pdf):
    """Jonas's C accounts have no contact yet: their cards say whom the first touch (the
    teardown booklet, for the COO and the plant manager) needs, where a contact list would be;
    the leader's edition, which prints no phones or e-mails, says nothing of it."""
    bare = [sample.account(a).name for a in sample.reps[0].account_ids
            if not sample.account(a).contacts]
    assert len(bare) == 3
    text = " ".join(" ".join(p.split()) for p in _pages(jonas_pdf))
    said = ("CONTACTS None yet: find the COO / VP Operations or Plant Manager before the first "
            "touch.")
    assert text.count(said) == len(bare)
    tier_c = text.index("Tier C · Opportunistic")
    cards = text[tier_c:text.index("Your touches and talk tracks", tier_c)]
    starts = sorted(cards.index(name) for name in bare)
    for start, end in zip(starts, [*starts[1:], len(cards)], strict=True):
        assert said in cards[start:end], cards[start:start + 40]  # on its own card
    assert "None yet" not in " ".join(_pages(sample_leader_pdf[0].path))


def test_the_text_a_reader_copies_has_a_separator_between_a_contacts_items(sample, jonas_pdf):
    """A contact's line and an account's facts print their items between drawn dots, which are
    no text: copied, or read out by a screen reader, the items ran together ("Dr. Stefanie
    Müller Chief Operating Officer +49 …"). The text has a ";" between each two items, where
    the line wraps too, and no line of it starts with one."""
    pages = _pages(jonas_pdf, layout=False)  # the accounts' cards and the schedule's entries
    read = " ".join(" ".join(pages).split())
    accounts = [a for tier in build_context(sample, rep_name="Jonas Albrecht",
                                            start=date(2027, 1, 11))["tiers"]
                for a in tier["accounts"]]
    lines = [[*a["facts"], a["website"]] for a in accounts] + [
        # a phone's call card ("call card, p. 20") between it and the e-mail
        [c["name"], c["title"], c["phone"], "call card, p. \x00" if c["card"] else "", c["email"]]
        for a in accounts for c in a["contacts"]]
    assert len(lines) > 15 and sum("call card, p. \x00" in items for items in lines) > 3
    for items in lines:
        said = re.escape("; ".join(item for item in items if item)).replace("\x00", r"\d+")
        assert re.search(said, read), said
    assert [line for page in pages for line in page.splitlines()
            if line.lstrip().startswith(";")] == []


def test_each_schedule_entry_names_whom_to_reach_and_how(sample, jonas_pdf):
    pages = _schedule_pages(_pages(jonas_pdf)).values()
    text = re.sub(r"-\n\s+", "-", "\n".join(pages))
    rows = re.findall(r"^\s+[ABC] (.+?)\s{2,}(Connected|Sent|Met|Invited)\s", text,
                      re.MULTILINE)
    assert len(rows) == 86  # every touch of Jonas's schedule has a row with outcome boxes
    # the boxes fit how the touch is made: a video is sent and viewed, not connected
    assert re.search(r"Sent\s+Viewed\s+Reply", text)
    assert re.search(r"Sent\s+Reply\s+Meeting booked", text)  # an e-mail
    brueckner = next(a for a in sample.accounts if a.name.startswith("Brückner"))
    cfo = brueckner.contacts[0]
    # the first touches go to the COO (the touches' persona), a call with her phone number
    assert contact_to_reach(sample, brueckner, "tch-03") == cfo
    assert re.search(r"Connected\s+Message left", text)
    read = " ".join(" ".join(_schedule_pages(_pages(jonas_pdf, layout=False)).values()).split())
    read = re.sub(r"- ", "-", read)
    first_call = read[read.index("Phone: what one hour of stop costs"):]
    assert first_call.index(f"{cfo.name}; {cfo.title}; {cfo.phone}") < 400
    benchmark = read[read.index("Downtime benchmark for their sector"):]  # an e-mail
    assert benchmark.index(f"{cfo.name}; {cfo.title}; {cfo.email}") < 400
    # a call to a contact with no number on file says so, after the e-mail it falls back on
    gruber = next(a for a in sample.accounts if a.name.startswith("Gruber"))
    florian = gruber.contacts[0]
    assert not florian.phone and florian.email
    calls = re.findall(re.escape(f"{gruber.name} ") + r"Connected.{0,200}?" + re.escape(
        f"{florian.name}; {florian.title}; {florian.email}; ") + r"(no phone number yet: find it)",
        read)
    assert len(calls) >= 3
    assert "no phone number yet" not in first_call[:first_call.index(cfo.phone) + 40]


def test_a_call_goes_to_the_contact_of_its_personas_who_has_a_phone_number(sample):
    """The 120-account plan's calls went to a COO with no number on file ("no phone number yet:
    find it") while the account's plant manager, a persona the call is written for too, had
    one: a call goes to the first of the touch's personas' contacts with a number, an e-mail
    to the first with an address; with neither, to the first of them as before."""
    brueckner = next(a for a in sample.accounts if a.name.startswith("Brückner"))
    coo = brueckner.contacts[0].model_copy(update={"phone": ""})
    plant = coo.model_copy(update={"name": "Jonas Vogt", "title": "Plant Manager",
                                   "persona_id": "per-02", "phone": "+49 9721 555 0300",
                                   "email": ""})
    assert coo.persona_id == "per-01"  # the COO: the call is for per-01 and per-02
    account = brueckner.model_copy(update={"contacts": [coo, plant]})
    call = "tch-03"  # "Phone: what one hour of stop costs", for the COO and the plant manager
    assert contact_to_reach(sample, account, call, Channel.PHONE) == plant
    assert contact_to_reach(sample, account, call, Channel.EMAIL) == coo
    assert contact_to_reach(sample, account, call) == coo  # no channel: the first
    nobody = account.model_copy(update={"contacts": [coo, plant.model_copy(
        update={"phone": ""})]})
    assert contact_to_reach(sample, nobody, call, Channel.PHONE) == coo


def test_a_touch_goes_to_its_first_persona_the_account_has_a_contact_of(sample, jonas_pdf):
    """The field note is written "for Head of Maintenance / Reliability, Plant Manager" and its
    step says "Connect with the head of maintenance": at Hoffmann-Lindner it went to Sabine
    Köhler, the plant manager, the account's first contact, not to Ralf Schüßler, its head of
    maintenance. The touch's personas are in order: the first the account has a contact of."""
    note = next(t for t in sample.touches if t.title.startswith("Field note"))
    assert note.persona_ids == ["per-03", "per-02"]
    hoffmann = next(a for a in sample.accounts if a.name.startswith("Hoffmann-Lindner"))
    plant, maintenance = hoffmann.contacts
    assert (plant.persona_id, maintenance.persona_id) == ("per-02", "per-03")
    assert contact_to_reach(sample, hoffmann, note.id, Channel.SOCIAL) == maintenance
    read = " ".join(" ".join(_schedule_pages(_pages(jonas_pdf, layout=False)).values()).split())
    entry = read[read.index(f"{note.title} · Social · step 3 of B and C"):][:400]
    assert f"{hoffmann.name} " in entry and maintenance.name in entry, entry
    assert plant.name not in entry[:entry.index(maintenance.name)], entry
    # a touch for the plant manager first still goes to her
    phone = next(t for t in sample.touches if t.title.startswith("Phone: what one hour"))
    assert contact_to_reach(sample, hoffmann, phone.id, Channel.PHONE) == plant


def test_an_invitation_names_how_to_reach_the_contact_and_no_line_ends_in_a_dot(sample,
                                                                              jonas_pdf):
    """An entry inviting the contact to an event or a visit says how to reach them (an event's
    by e-mail, a visit's by phone); no line of the accounts or the schedule starts or ends with
    a "·" (a contact's dots are drawn, render.separated: a wrapped line began "· juergen.weiss@…"
    or "· script, p. 11")."""
    read = " ".join(" ".join(_schedule_pages(_pages(jonas_pdf, layout=False)).values()).split())
    read = re.sub(r"- ", "-", read)
    brueckner = next(a for a in sample.accounts if a.name.startswith("Brückner"))
    coo = brueckner.contacts[0]
    event = read[read.index("Invitation: Reliability Peer Roundtable"):]
    assert event.index(f"{coo.name}; {coo.title}; {coo.email}") < 400
    visit = read[read.index("Invitation: reference plant visit in Linz"):]
    assert visit.index(f"{coo.name}; {coo.title}; {coo.phone}") < 400
    pages = _pages(jonas_pdf, layout=False)
    lines = [line.strip() for n, page in enumerate(pages, 1)
             if _chapter(page) in ("YOUR ACCOUNTS", "YOUR SCHEDULE") for line in page.splitlines()]
    assert len(lines) > 500 and not [line for line in lines
                                     if line.endswith("·") or line.startswith("·")]


def test_a_weeks_dates_end_with_the_plan(sample):
    """A schedule started on 29 March runs to Tuesday 29 June, the plan ending on Wednesday 30
    June: its last week is labelled "28–30 Jun 2027", the plan's days, as the scorecard's row
    says, not "28 Jun – 2 Jul 2027" (past the plan's end)."""
    start = date(2027, 3, 29)
    assert sample.basics.end_date == date(2027, 6, 30)
    assert max(t.date for t in build_schedule(sample, find_rep(sample, "Jonas Albrecht"),
                                              start).touches) == date(2027, 6, 29)
    weeks = build_context(sample, rep_name="Jonas Albrecht", start=start,
                          today=date(2027, 3, 29))["weeks"]
    assert (weeks[0]["dates"], weeks[-1]["dates"]) == ("29 Mar – 2 Apr 2027", "28–30 Jun 2027")


def test_schedule_links_each_step_back_to_its_script(sample, jonas_pdf):
    pages = _pages(jonas_pdf)
    schedule = set(_schedule_pages(pages))
    links = [link for link in _links(jonas_pdf) if link[0] in schedule]
    assert len(links) > 40
    for page, dest, target in links:
        touch = sample.touch(linked_touch(dest))
        assert target < min(schedule), "the script is printed before the schedule"
        assert "MESSAGE / TALK TRACK" in pages[target - 1], touch.title  # the script starts there
        assert f"script, p. {target}" in pages[page - 1]


def test_a_week_that_runs_onto_the_next_page_repeats_its_heading(jonas_pdf):
    """A week's band heads every page the week runs onto, saying "(continued)" there and
    counting the week's touches only where the week starts."""
    pages = list(_schedule_pages(_pages(jonas_pdf)).values())
    assert len(pages) > 5
    continued = 0
    for before, page in zip(pages, pages[1:], strict=False):
        body = [ln.strip() for ln in page.splitlines() if ln.strip()][1:]
        assert body[0].startswith("Week "), body[:2]  # every page opens with a week's heading
        week = body[0].split(" · ")[0]
        runs_on = f"{week} · " in before
        assert body[0].endswith("(continued)") == runs_on, body[0]
        assert (re.search(r"\d touch(es)?$", body[0]) is None) == runs_on, body[0]
        continued += runs_on
    assert continued >= 1  # at least one week of the sample's runs over a page


def test_entries_carried_onto_the_next_page_are_under_their_day(sample, tmp_path):
    """A page of the schedule opens with a week's heading, then a day's ("Mon 11 Jan"), never
    with entries under no day: a day too long for a page (every account of the sample starting
    at once) repeats its label over the entries it carries onto the next, "(continued)"."""
    rep = sample.reps[0].model_copy(update={"account_ids": [a.id for a in sample.accounts]})
    plan = sample.model_copy(update={"reps": [rep]}, deep=True)
    plan.basics.end_date = None  # no waves: every account starts on the first day
    plan.accountability.daily_touch_capacity = 100
    out = tmp_path / "crowded.pdf"
    render_playbook_pdf(plan, out, rep_name=rep.name, start=date(2027, 1, 11),
                        section="cadences")
    day = re.compile(r"^((Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2})( \(continued\))?$")
    pages = list(_schedule_pages(_pages(out, layout=False)).values())
    carried = 0
    for before, page in zip(pages, pages[1:], strict=False):
        body = [ln.strip() for ln in page.splitlines() if ln.strip()]
        # a week's heading ("Week 14 · 12–13 Apr 2027"), not an empty week's note before it
        at = next(i for i, ln in enumerate(body) if re.match(r"Week \d+ · ", ln))
        label = next(ln for ln in body[at + 1:]  # past the count and the running head
                     if not re.fullmatch(r"\d+ touch(es)?", ln) and not ln.isupper())
        found = day.match(label)
        assert found, body[at:at + 3]
        days_before = {m.group(1) for ln in before.splitlines() if (m := day.match(ln.strip()))}
        runs_on = found.group(1) in days_before  # (a crowded day runs over several pages)
        assert runs_on == bool(found.group(3)), body[at:at + 3]  # "(continued)" where it is
        carried += runs_on
    assert carried >= 1


def test_the_schedules_last_page_is_not_mostly_white(jonas_pdf):
    """Its text reaches past the middle of the page: the chapter after it goes on on the same
    page when it fits, rather than always starting a new one."""
    pages = _pages(jonas_pdf)
    last = max(n for n, p in _schedule_pages(pages).items() if re.search(r"Week \d+ · ", p))
    height = float(PdfReader(jonas_pdf).pages[last - 1].mediabox.height)
    words = subprocess.run(["pdftotext", "-bbox", "-f", str(last), "-l", str(last),
                            str(jonas_pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', words)]
    body = [y for y in bottoms if y < height - 20 * 72 / 25.4]  # above the running foot
    assert max(body) > 0.6 * height


def test_scorecard_sums_months_and_sets_the_total_against_the_target(sample, jonas_pdf):
    """One page, in the contents; weeks 11 Jan to 30 Jun with a subtotal a month; the monthly
    target's goal in the month rows, not in a weekly cell; the total against the target."""
    pages = _pages(jonas_pdf)
    cards = [n for n, p in enumerate(pages, 1) if "Weekly scorecard" in p and "Notes" in p]
    assert len(cards) == 1
    card = pages[cards[0] - 1]
    contents = next(p for p in pages if _chapter(p) == "CONTENTS")
    assert re.search(rf"Weekly scorecard\s+{cards[0]}\n", contents)
    lines = card.splitlines()
    weeks = [ln for ln in lines if re.match(r"\s*\d+\s+\d+", ln)]
    assert len(weeks) == 25 and weeks[-1].split()[1:] == ["28–30", "Jun"]
    months = [ln.split() for ln in lines if re.match(r"\s*\w+ total\s", ln)]
    assert [m[0] for m in months] == ["January", "February", "March", "April", "May", "June"]
    # weekly goals 45, 8, 4, 1 times the month's weeks; the monthly goal 1 in every month
    assert "".join(months[0][2:]) == "/135/24/12/3/1"
    assert "".join(months[2][2:]) == "/225/40/20/5/1"  # March: 5 weeks
    total = next(ln for ln in lines if "Total vs target" in ln).split()[3:]
    assert "".join(total) == "/1,125/200/100/25/6"
    read = " ".join(_pages(jonas_pdf, layout=False)[cards[0] - 1].split())
    assert "the buyer) goal 1 / month, in the month rows" in read


def test_the_targets_page_says_how_the_schedule_meets_the_touch_target(sample, jonas_pdf):
    """"45 / week" value-creating touches, and a schedule of a few touches a week: the targets
    page says how many the schedule plans and that the rest are the rep's to plan."""
    from prospector.playbook import build_context  # noqa: PLC0415 - the schedule's weeks

    weeks = build_context(sample, rep_name="Jonas Albrecht", start=date(2027, 1, 11),
                          today=date(2027, 1, 4))["weeks"]
    average = round(sum(w["count"] for w in weeks) / (weeks[-1]["number"] - weeks[0]["number"] + 1))
    target = next(t for t in sample.accountability.targets if "touches" in t.metric)
    pages = _pages(jonas_pdf, layout=False)
    first = next(n for n, p in enumerate(pages)  # the chapter's title, under its number
                 if n > 2 and re.search(r"^\d+\s+Your targets$", p, re.MULTILINE))
    page = " ".join((pages[first] + pages[first + 1]).split())  # it may start at a page's foot
    # the busiest weeks, every one of them: "7 in week 9, your busiest" with weeks 10 and 12
    # as busy read as one week above the rest
    most = max(w["count"] for w in weeks)
    busiest = [str(w["number"]) for w in weeks if w["count"] == most]
    assert len(busiest) == 3
    assert (f"Your schedule plans {average} touches a week on average ({most} in weeks "
            f"{busiest[0]}, {busiest[1]} and {busiest[2]}, your busiest): the steps of your "
            "accounts’ cadences.") in page
    assert f"asks for {target.per_rep:.0f} a week: the other {target.per_rep - average:.0f} are " \
           "touches you plan yourself" in page


def test_how_you_count_speaks_to_the_rep(sample, jonas_pdf):
    """The rep's edition heads the plan's note on counting opportunities "How you count" and
    speaks to its reader: the leader's "The rep records the four criteria…" prints as "You
    record the four criteria…", the rest of the note as written; nowhere does the edition
    speak of "the rep" as someone else ("Each rep shows" in the review is "You show")."""
    text = " ".join(" ".join(_pages(jonas_pdf, layout=False)).split())
    note = " ".join(sample.qualification.notes.split())
    assert note.startswith("The rep records ")
    assert f"How you count You record {note[len('The rep records '):][:60]}" in text
    assert "How we count" not in text
    assert "You show three numbers for last week" in text
    assert not re.search(r"\b(?:The|Each|Every) rep\b", text)


def test_the_reps_targets_are_headed_as_the_readers_own(jonas_pdf):
    """The rep's targets table heads the figure "Your goal": "Per rep" speaks of the reader as
    one of many, as the leader's edition does."""
    page = next(p for p in _pages(jonas_pdf) if "Your targets" in p and "COUNTS TOWARDS" in p)
    head = next(line for line in page.splitlines() if "COUNTS TOWARDS" in line)
    assert "YOUR GOAL" in head and "PER REP" not in head


def test_a_sentence_that_goes_on_about_the_rep_prints_as_the_leader_wrote_it():
    assert to_the_rep("A rep below the target gets help. The rep logs calls.") == (
        "A rep below the target gets help. You log calls.")
    assert to_the_rep("The rep below the target gets help.") == (
        "The rep below the target gets help.")
    assert to_the_rep("The rep records their calls; the rep must log it.") == (
        "The rep records their calls; the rep must log it.")
    assert to_the_rep("The rep must log it.") == "You must log it."


def test_scorecard_heads_print_each_word_of_a_target_whole(sample, jonas_pdf):
    """The targets' names head narrow columns: they wrap between words, not hyphenated into
    stacks ("Conversa-/tions with/decision")."""
    pages = [page.extract_text() for page in PdfReader(jonas_pdf).pages]  # no dehyphenation
    card = next(p for p in pages if "Weekly scorecard" in p and "Notes" in p)
    words = re.sub(r"(?<=-)\n", "", card).split()  # a break after a name's own hyphen is fine
    for target in sample.accountability.targets:
        for word in target.metric.split():
            assert word in words, (word, target.metric)


def test_scorecard_notes_column_is_wide_and_long_names_keep_it_on_one_page(sample, tmp_path):
    plan = sample.model_copy(deep=True)
    for target in plan.accountability.targets:
        target.metric = target.metric + " counted by the rep every Friday afternoon" * 3
    out = tmp_path / "long.pdf"
    render_playbook_pdf(plan, out, rep_name="Bram Claessens", today=date(2027, 1, 4))
    reader = PdfReader(out)
    pages = _pages(out)
    cards = [n for n, p in enumerate(pages) if "Weekly scorecard" in p and "Notes" in p]
    assert len(cards) == 1 and cards[0] == len(pages) - 1  # one page, the last
    assert "Total vs target" in pages[cards[0]]
    words = subprocess.run(["pdftotext", "-bbox", "-f", str(cards[0] + 1), "-l",
                            str(cards[0] + 1), str(out), "-"], capture_output=True, text=True,
                           check=True).stdout
    notes_x = float(re.search(r'xMin="([\d.]+)"[^>]*>Notes<', words).group(1))
    width = float(reader.pages[cards[0]].mediabox.width)
    assert width - notes_x > 0.2 * width  # the Notes column: more than a fifth of the page


def _breaks_only_after_at_or_slash(address: str, text: str) -> bool:
    """``address`` is in ``text`` (lines joined by "\n") whole on one line, or broken only
    right after its "@" or a "/"."""
    if address in text:
        return True
    points = [n + 1 for n, char in enumerate(address) if char in "@/"]
    return any(address[:n] + "\n" + address[n:] in text for n in points)


def test_e_mail_addresses_phones_and_websites_break_only_after_at_or_slash(sample, tmp_path):
    """Contacts' e-mail addresses, phones and websites, with roles of every length before them:
    each is printed on one line or broken right after its "@" or a "/", never at a hyphen of
    its domain ("haldorsen-/metal.example") nor anywhere in a phone."""
    plan = sample.model_copy(deep=True)
    rep = plan.reps[0]
    addresses = []
    for n, account in enumerate(a for a in plan.accounts if a.id in rep.account_ids):
        account.website = f"plant-{n}-maintenance-and-reliability.example"
        for k, contact in enumerate(account.contacts):
            contact.title = "Head of " + "maintenance " * (n % 4) + "x" * (5 * k + n)
            contact.email = (f"{contact.name.split()[0].lower()}.{n}-{k}.weiss-oberhuber"
                             f"@{account.website}")
            contact.phone = f"+49 89 {n}{k}1 22-33-{n}{k}"
            addresses += [contact.email, contact.phone]
        addresses.append(account.website)
    out = tmp_path / "reach.pdf"
    render_playbook_pdf(plan, out, rep_name=rep.name, today=date(2027, 1, 4), section="accounts")
    lines = [line for page in PdfReader(out).pages for line in page.extract_text().splitlines()]
    text = "\n".join(lines)
    for address in addresses:
        if "@" in address or "/" in address:
            assert _breaks_only_after_at_or_slash(address, text), address
        else:
            assert any(address in line for line in lines), address
    assert any(line.endswith("@") for line in lines)  # the long ones did break, after the "@"


def test_a_rep_with_no_accounts_gets_a_short_edition_not_pages_of_zeros(sample, tmp_path):
    plan = sample.model_copy(deep=True)
    plan.reps.append(Rep(id="rep-new", name="Lena Fischer", territory="DACH South"))
    out = tmp_path / "lena.pdf"
    render_playbook_pdf(plan, out, rep_name="Lena Fischer", today=date(2027, 1, 4))
    pages = _pages(out)
    text = " ".join(" ".join(pages).split())
    assert len(pages) <= 14  # Jonas's edition has 44
    chapters = {_chapter(p) for p in pages[1:]} - {"AT A GLANCE", "CONTENTS"}
    assert chapters == {"YOUR CAMPAIGN", "YOUR TOUCHES AND TALK TRACKS"}
    assert "what to do now" in text.lower() and "Ask your sales leader for your accounts" in text
    for touch in plan.touches:  # every touch of the campaign, with its script
        assert touch.title in text
    for cadence in plan.cadences:
        assert cadence.name in text
    for zero in ("Weekly scorecard", "Your schedule", "0 accounts", "0 scheduled touches",
                 "Schedule starts"):
        assert zero not in text


def test_targets_too_long_for_a_page_are_not_kept_on_one(sample):
    """The rep's targets, their notes and the definition move whole to the next page rather
    than fill the schedule's last page's foot, when the chapter's text fits on a page; a table
    of many long targets is not kept whole (moved whole, it would leave the chapter's title
    alone at the foot of the page before)."""
    from prospector.model import Target  # noqa: PLC0415 - this test only
    from prospector.playbook import render_playbook_html  # noqa: PLC0415 - this test only

    assert 'class="targets-text whole"' in render_playbook_html(sample, rep_name="Jonas Albrecht")
    many = sample.model_copy(deep=True)
    many.accountability.targets = [
        Target(metric=f"Conversations with decision makers in target accounts, series {n}",
               per_rep=n, creates_opportunities=True) for n in range(1, 16)]
    html = render_playbook_html(many, rep_name="Jonas Albrecht")
    assert 'class="targets-text"' in html and "series 15" in html


def test_the_targets_leave_no_page_mostly_empty_before_the_scorecard(jonas_pdf):
    """The targets table filled the foot of the schedule's last page and the rest of the
    chapter's text, its notes and "How we review", sat alone on the page before the scorecard
    (a form kept whole): 67% of that page white. The targets now start on a page of their own."""
    from tests.design_figures import figures  # noqa: PLC0415 - the bench's measure

    pages = _pages(jonas_pdf)
    # the last pages that name them: the contents name them too
    scorecard = max(n for n, text in enumerate(pages, 1) if "Weekly scorecard" in text)
    review = max(n for n, text in enumerate(pages, 1) if "How we review" in text)
    white = figures().measure_pdf(jonas_pdf).white
    shares = {n: round(white[n].share, 2) for n in range(review - 1, scorecard + 1)}
    assert max(shares.values()) <= 0.5, shares


def _row_tops_mm(path: Path, page: int, word: str) -> list[float]:
    """The tops (mm from the page's top) of the words ``word`` on page ``page`` (from 1)."""
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path),
                            "-"], capture_output=True, text=True, check=True).stdout
    return [float(y) * 25.4 / 72 for y in
            re.findall(rf'yMin="([\d.]+)"[^>]*>{re.escape(word)}</word>', boxes)]


def _scorecard_page(path: Path) -> int:
    pages = _pages(path)
    return max(n for n, p in enumerate(pages, 1) if "Weekly scorecard" in p and "Notes" in p)


def test_the_scorecards_rows_are_tall_enough_to_write_a_number_in(jonas_pdf):
    """A rep writes the week's figures by hand: rows of 6 mm, not the 4.8 mm that left no room
    for a handwritten number (the last fresh-eyes review). January's three weeks, row to row.
    Lower only where the scorecard shares its page with the review, which would otherwise stand
    alone on a mostly white page (targets_page.review_sheet_row_mm: the sample's shorter schedule
    now ends the review high on its page), and never under the 4.8 mm it once had."""
    page = _scorecard_page(jonas_pdf)
    tops = _row_tops_mm(jonas_pdf, page, "Jan")
    steps = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    beside_review = "How we review" in _pages(jonas_pdf)[page - 1]
    assert len(steps) >= 2 and min(steps) >= (LEAST_ROW_MM if beside_review else 5.9), steps


@pytest.fixture(scope="module")
def one_account_rep_pdf(sample, tmp_path_factory) -> Path:
    """The sample with one account (its first) held by Jonas Albrecht: bench/plans.py's
    one-account plan, whose targets fill the schedule's last page."""
    account = sample.accounts[0]
    rep = next(r for r in sample.reps if r.name == "Jonas Albrecht")
    plan = sample.model_copy(update={
        "accounts": [account], "reps": [rep.model_copy(update={"account_ids": [account.id]})]})
    out = tmp_path_factory.mktemp("one") / "rep.pdf"
    render_playbook_pdf(plan, out, rep_name="Jonas Albrecht", today=date(2027, 1, 4))
    return out


def test_the_review_is_not_left_alone_before_a_scorecard_of_its_own_page(one_account_rep_pdf):
    """At 6 mm a row the scorecard takes most of a page; the one-account plan's review went over
    the schedule's last page and stood alone before it (85% of its page white). The scorecard
    is then laid out under the review, its rows as low as it takes, never under 4.8 mm."""
    from tests.design_figures import white_share  # noqa: PLC0415 - the bench's measure

    pages = _pages(one_account_rep_pdf)
    review = max(n for n, text in enumerate(pages, 1) if "How we review" in text)
    scorecard = _scorecard_page(one_account_rep_pdf)
    assert white_share(one_account_rep_pdf, review) <= 0.5, (review, scorecard)
    tops = _row_tops_mm(one_account_rep_pdf, scorecard, "Jan")
    assert min(b - a for a, b in zip(tops, tops[1:], strict=False)) >= 4.7, tops


@pytest.mark.parametrize(("page_size", "language"), [("A4", "en"), ("A4", "de")])
def test_the_review_and_the_scorecard_share_a_page_whenever_the_estimate_says_they_fit(
        sample, tmp_path, page_size, language):
    """"How we review" and the scorecard are one sheet where rows a hand writes in fit under the
    review; the fit is estimated before layout (the edition was once laid out twice to find
    it). A review as long as the estimate allows, the rows at their lowest: the scorecard still
    prints on the review's page, not on a page of its own after it."""
    from prospector.playbook.targets_page import review_sheet_row_mm  # noqa: PLC0415 - here only
    from prospector.playbook.translations import printing_in  # noqa: PLC0415 - here only

    plan = sample.model_copy(deep=True)
    plan.basics.page_size = page_size
    words, fits = 10, None
    while True:  # the longest review whose sheet still fits by the estimate
        review = " ".join(["Each Friday the team reviews the numbers"] * words) + " Zyxwvu."
        plan.accountability.review = review
        with printing_in(language):
            context = build_context(plan, rep_name="Jonas Albrecht", today=date(2027, 1, 4))
            sc = context["scorecard"]
            row = review_sheet_row_mm(page_size, context["review_paragraphs"], sc["pages"][0],
                                      len(sc["rows"]))
        if row is None:
            break
        fits, words = review, words + 2
    assert fits is not None
    plan.accountability.review = fits
    out = tmp_path / "targets.pdf"
    render_playbook_pdf(plan, out, rep_name="Jonas Albrecht", today=date(2027, 1, 4),
                        section="accountability", language=language)
    pages = _pages(out, layout=False)
    assert "Zyxwvu" in pages[-1], [p[:80] for p in pages]


def test_every_contact_names_the_call_card_of_their_role_phone_or_not(sample, jonas_pdf):
    """A contact whose number is not known yet is called all the same once it is found: their
    line names the card for their role as a contact with a phone does (only those with a phone
    had it: Andrea Hörmann, plant manager, had none)."""
    text = " ".join(" ".join(p.split()) for p in _pages(jonas_pdf, layout=False))
    for name in ("Andrea Hörmann", "Ralf Schüßler", "Jürgen Weiß"):
        line = text[text.index(name):]
        line = line[:line.index("@")]  # up to the contact's e-mail, after the card
        assert "call card, p." in line, line


def test_a_rep_with_one_account_reads_of_its_cadence_in_the_singular():
    """"the steps of your accounts’ cadences" was printed to a rep with one account (and "the
    cadences of their accounts" in the leader's edition of a plan with one)."""
    from prospector.playbook import build_context  # noqa: PLC0415 - the targets' notes
    from tests.design_figures import bench_plans  # noqa: PLC0415

    notes = build_context(bench_plans().one_account_plan(), rep_name="Jonas Albrecht",
                          today=date(2027, 1, 4))["touch_target_notes"]
    assert any(": the steps of your account’s cadence. “" in note for note in notes), notes
    assert not any("accounts’ cadences" in note for note in notes)
    leader = build_context(bench_plans().one_account_plan(), today=date(2027, 1, 4))
    notes = leader["glance"]["notes"] + leader["team_touch_notes"]
    assert any("in all: the steps of their account’s cadence)" in note for note in notes), notes
    assert not any("cadences of their accounts" in note for note in notes)
