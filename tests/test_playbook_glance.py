"""The playbook's cover, its "At a glance" page and its overview: what a reader of the PDF sees.

A one-account plan (the sample's basics with an offering four times as long, a logo) is rendered
once per module in both editions; the sample's leader edition is the session's fixture."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from datetime import date
from html import unescape
from xml.etree import ElementTree

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_html, render_playbook_pdf
from prospector.resources import sample_plan_path
from tests.design_figures import figures, sentences_printed_twice

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

ONE_ACCOUNT = "Kowalczyk Tworzywa Sp. z o.o."


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def one_account_plan(sample: Plan) -> Plan:
    """The sample with one account (tier C, one rep), a logo and an offering 4x as long."""
    buffer = io.BytesIO()
    Image.new("RGB", (300, 90), "#1F4E79").save(buffer, format="PNG")
    logo = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    account = next(a for a in sample.accounts if a.name == ONE_ACCOUNT)
    rep = sample.reps[0].model_copy(update={"account_ids": [account.id]})
    basics = sample.basics.model_copy(update={"offering": " ".join([sample.basics.offering] * 4),
                                              "logo": logo})
    return sample.model_copy(update={"accounts": [account], "reps": [rep], "basics": basics})


@pytest.fixture(scope="module")
def one_account(sample, tmp_path_factory):
    """(leader PDF, rep PDF) of the one-account plan."""
    plan = one_account_plan(sample)
    folder = tmp_path_factory.mktemp("glance")
    leader = render_playbook_pdf(plan, folder / "leader.pdf", today=date(2027, 1, 4))
    rep = render_playbook_pdf(plan, folder / "rep.pdf", rep_name=plan.reps[0].name,
                              today=date(2027, 1, 4))
    return leader.path, rep.path


def page_texts(path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]
    finally:
        pdf.close()


def words(path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(x0, y0, x1, y1, word) of one page (1-based), top to bottom, as poppler finds them."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    xml = re.sub(r'xmlns="[^"]+"', "", out, count=1)
    return [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
             float(w.get("yMax")), w.text or "") for w in ElementTree.fromstring(xml).iter("word")]


# --- the cover --------------------------------------------------------------------------------
def test_cover_shows_the_plans_key_numbers_on_one_page(sample_leader_pdf, sample):
    texts = page_texts(sample_leader_pdf[0].path)
    cover = texts[0]
    touches = sum(len(sample.cadence_for(a).steps) for a in sample.accounts)
    for figure in (f"{len(sample.accounts)} target accounts", f"{len(sample.reps)} reps",
                   f"{touches} touches to make", "13 weeks of cadence",
                   " ".join(sample.basics.goal.split())):  # the goal whole, not its first words
        assert figure in cover, figure
    assert "Printed 4 Jan 2027".upper() in cover.upper()  # the facts' foot is still on page 1
    assert not texts[1].startswith(sample.name)  # the cover did not run onto a second page


def test_a_long_offering_pushes_the_key_numbers_down_instead_of_running_over_them(one_account):
    leader, rep = one_account
    for path in (leader, rep):
        page = words(path, 1)
        assert any(w[4] == "PRINTED" for w in page), path.name  # the cover is one page
        goal_top = min(w[1] for w in page if w[4] == "GOAL")
        above = [w for w in page if w[3] < goal_top]
        below = [w for w in page if w[1] >= goal_top]
        # the brand rule sits just above "THE GOAL": every word of the title, the company and
        # the offering ends at least 5 mm above that label, every fact below it
        assert all(w[3] < goal_top - 5 * 72 / 25.4 for w in above), path.name
        assert {"PLAN", "OWNER", "PRINTED"} <= {w[4] for w in below}, path.name


def _rules(path, page: int = 0) -> list[tuple[int, int, int]]:
    """The horizontal rules of a page (rendered at 72 dpi): (row, first and last column) of
    each row of pixels with a run of one colour, darker than white, longer than 100 mm, unless
    it is one of more than 6 rows in a row (a filled band, as the key numbers', is no rule)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[page].render(scale=1).to_pil().convert("RGB")
    finally:
        pdf.close()
    rules = []
    for y in range(image.height):
        row = [image.getpixel((x, y)) for x in range(image.width)]
        start = 0
        for x in range(1, image.width + 1):
            if x == image.width or row[x] != row[start]:
                if x - start > 100 * 72 / 25.4 and sum(row[start]) < 3 * 250:
                    rules.append((y, start, x - 1))
                start = x
    rows = sorted({r[0] for r in rules})
    groups: list[list[int]] = []  # runs of consecutive rows
    for y in rows:
        if groups and y - groups[-1][-1] <= 1:
            groups[-1].append(y)
        else:
            groups.append([y])
    filled = {y for g in groups if len(g) > 6 for y in g}
    return [r[:3] for r in rules if r[0] not in filled]


def test_the_cover_prints_a_goal_of_three_lines_whole_under_rules_of_one_width(one_account):
    """The cover cut the goal to its first words ("60 first meetings and 16 new qualified
    opportunities…") and its thick brand rule ended 4 mm short of the thin rule over the facts."""
    leader, _rep = one_account
    rules = _rules(leader)
    thick = [r for r in rules if sum(1 for o in rules if abs(o[0] - r[0]) <= 3) >= 2]
    thin = [r for r in rules if r not in thick]
    assert thick and thin
    assert {r[2] for r in thick} | {r[2] for r in thin} <= {thin[0][2], thin[0][2] + 1}
    assert {r[1] for r in thick} | {r[1] for r in thin} <= {thin[0][1], thin[0][1] - 1}


@pytest.mark.parametrize("rep", [None, "Jonas Albrecht"])
def test_a_cover_of_long_texts_stays_one_page_on_letter(sample, tmp_path, rep):
    """Every text four times as long, on Letter (the shorter paper): the goal's three lines end
    in "…" and the facts at the foot (two lines each at most) are still on the cover."""
    plan = sample.model_copy(deep=True)
    b = plan.basics
    b.page_size = "Letter"
    b.goal, b.owner, b.company, b.offering = (" ".join([t] * 4) for t in (
        b.goal, b.owner, b.company, b.offering))
    plan.name = " ".join([plan.name] * 4)
    path = render_playbook_pdf(plan, tmp_path / "cover.pdf", rep_name=rep, section="cover",
                               today=date(2027, 1, 4)).path
    page = words(path, 1)
    assert {"PLAN", "OWNER", "PRINTED"} <= {w[4] for w in page}
    cover = page_texts(path)[0]
    assert "60 first meetings" in cover and "…" in cover


@pytest.mark.parametrize(("times", "page_size"), [(1, "A4"), (2, "A4"), (2, "Letter")])
def test_the_cover_prints_a_goal_of_normal_length_whole(sample, tmp_path, times, page_size):
    """The sample's goal and one twice as long print whole on the cover (it was cut after three
    lines: "…including a first meeting with each of the 6 dream clients. 60 first…"), on the
    shorter Letter too, and the cover stays one page."""
    plan = sample.model_copy(deep=True)
    plan.basics.goal = " ".join([plan.basics.goal] * times)
    plan.basics.page_size = page_size
    path = render_playbook_pdf(plan, tmp_path / "cover.pdf", section="cover",
                               today=date(2027, 1, 4)).path
    cover = page_texts(path)[0]
    assert " ".join(plan.basics.goal.split()) in cover
    assert "The goal in full" not in cover
    assert "PRINTED" in cover.upper() and "At a glance" not in cover  # one page


def test_a_goal_too_long_for_the_cover_is_cut_at_a_word_and_says_where_it_is_whole(sample,
                                                                                tmp_path):
    """Every cover text four times as long: the goal ends at a whole word with "…" and the cover
    names the page that prints it whole."""
    plan = sample.model_copy(deep=True)
    b = plan.basics
    b.goal, b.company, b.offering = (" ".join([t] * 4) for t in (b.goal, b.company, b.offering))
    plan.name = " ".join([plan.name] * 4)
    path = render_playbook_pdf(plan, tmp_path / "long.pdf", today=date(2027, 1, 4)).path
    pages = page_texts(path)
    cover = pages[0]
    goal = " ".join(b.goal.split())
    shown = cover.split("THE GOAL", 1)[1].split("…", 1)[0].strip()
    assert shown and goal.startswith(shown) and goal[len(shown)] == " "  # cut between words
    page = int(re.search(r"The goal in full: page (\d+)", cover).group(1))
    assert goal in pages[page - 1]


def _logo(width: int, height: int) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#1F4E79").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _images(path) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in points of each image on the first page."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [o.get_bounds()
                for o in pdf[0].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    finally:
        pdf.close()


@pytest.mark.parametrize(("shape", "size"), [("wide", (1200, 100)), ("tall", (100, 600))])
def test_a_logo_of_any_shape_has_its_place_at_the_top_and_moves_nothing(
        sample_leader_pdf, sample, tmp_path, shape, size):
    """The logo sits in its own box at the cover's top right, above the kicker: at most 60 mm
    wide and 18 mm tall in its own proportions, and the title is where it is without a logo."""
    plan = one_account_plan(sample)
    plan.basics.logo = _logo(*size)
    path = render_playbook_pdf(plan, tmp_path / "cover.pdf", section="cover",
                               today=date(2027, 1, 4)).path
    without, with_logo = words(sample_leader_pdf[0].path, 1), words(path, 1)
    kicker_top = min(w[1] for w in with_logo)  # the kicker: the cover's first line
    assert next(w for w in with_logo if w[4] == "Europe")[1] == pytest.approx(
        next(w for w in without if w[4] == "Europe")[1], abs=0.5)
    mm = 72 / 25.4
    [(left, bottom, right, top)] = _images(path)
    page_height = 842  # A4, in points; pypdfium2 counts from the foot
    assert page_height - bottom < kicker_top  # above the kicker's line
    assert right - left <= 60 * mm + 0.5 and top - bottom <= 18 * mm + 0.5
    assert (right - left) / (top - bottom) == pytest.approx(size[0] / size[1], rel=0.02)
    assert right <= 595.3 - 22 * mm + 0.5  # within the cover's right margin, as its rules
    assert any(w[4] == "PRINTED" for w in with_logo)  # the cover is still one page


def test_the_cover_says_whose_edition_it_is_and_how_to_reach_them(one_account, sample):
    """The leader's cover: the edition, the campaign, the owner and the reps; a rep's: the
    rep's name and e-mail address, when their schedule starts, the campaign and the owner, and
    what the company sells (printed nowhere else in a rep's edition)."""
    leader, rep = (" ".join(page_texts(path)[0].split()) for path in one_account)
    for fact in ("EDITION The full playbook, for the sales leader",
                 "CAMPAIGN 11 Jan – 30 Jun 2027", "REP " + sample.reps[0].name):  # a team of one
        assert fact in leader, fact
    jonas = sample.reps[0]
    # the address breaks after its "@" (the column is narrower than it), not at its hyphen
    assert f"PREPARED FOR {jonas.name} {jonas.email.replace('@', '@ ')}" in rep
    for fact in ("CAMPAIGN 11 Jan – 30 Jun 2027", "PLAN OWNER " + sample.basics.owner,
                 "SCHEDULE STARTS", " ".join(sample.basics.offering.split()[:12])):
        assert fact in rep, fact


def test_the_covers_e_mail_address_breaks_after_its_at_never_at_a_hyphen(sample, tmp_path):
    """An address wider than the cover's column breaks right after its "@", its domain whole on
    the next line ("juergen.weiss@brueckner-" / "voss.example" was wrong); the text a reader
    copies has no character added at the break."""
    plan = sample.model_copy(deep=True)
    rep = plan.reps[0]
    rep.email = "juergen.weiss@brueckner-voss.example"
    path = render_playbook_pdf(plan, tmp_path / "cover.pdf", rep_name=rep.name, section="cover",
                               today=date(2027, 1, 4)).path
    lines = [line.strip() for line in subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True,
        check=True).stdout.splitlines()]
    at = lines.index("juergen.weiss@")
    assert lines[at + 1] == "brueckner-voss.example"
    assert not any(line.endswith("brueckner-") for line in lines)
    assert "\u200b" not in " ".join(lines)


# --- at a glance ------------------------------------------------------------------------------
def test_the_glance_page_follows_the_cover_with_the_plans_numbers(sample_leader_pdf, sample):
    page = page_texts(sample_leader_pdf[0].path)[1]
    assert page.startswith("AT A GLANCE") or "At a glance" in page[:80]
    # the goal, although the cover prints it whole too: this is the page a reader keeps open
    assert " ".join(sample.basics.goal.split()) in " ".join(page.split())
    tiers = {t: sum(1 for a in sample.accounts if a.tier == t) for t in "ABC"}
    assert f"{tiers['A']} A Dream clients" in page and f"{tiers['C']} C Opportunistic" in page
    phone = sum(sum(1 for s in sample.cadence_for(a).steps if s.channel.value == "phone")
                for a in sample.accounts)
    assert f"{phone} Phone" in page
    target = sample.accountability.targets[0]
    team = len(sample.reps)
    assert f"{target.per_rep:.0f} ({target.per_rep * team:.0f}) / week {target.metric}" in page
    assert all(rep.name in page for rep in sample.reps)
    assert "13 weeks (89 days: day 0 to day 88)" in page  # the longest cadence
    # the targets' figures have a key, and say where the schedules' touches are set against them
    assert "Per rep; in brackets, the team of 3 reps." in " ".join(page.split())
    explained = " ".join(page.split())
    assert re.search(r"The reps’ schedules plan \d+ touches a week per rep on average \(\d+ "
                     r"touches in all.*asks for 45 a week per rep: the other \d+ are touches "
                     r"each rep plans", explained)


def test_at_a_glance_stays_one_page_with_every_text_four_times_as_long(sample, tmp_path):
    """A long goal, cadence and target names and many reps ran "At a glance" onto a second,
    98% white page: each part now has room for so many lines; the goal ends in "…" and says
    the page where it is printed whole, and longer lists end in "and N more"."""
    plan = sample.model_copy(deep=True)
    plan.basics.goal = " ".join([plan.basics.goal] * 4)
    for c in plan.cadences:
        c.name = " ".join([c.name] * 4)
    for t in plan.accountability.targets:
        t.metric = " ".join([t.metric] * 4)[:200]
    plan.accountability.targets += plan.accountability.targets[:2]
    plan.basics.page_size = "Letter"  # the shorter paper
    plan.reps += [r.model_copy(update={"id": f"{r.id}-{n}", "name": f"{r.name} {n}",
                                       "territory": r.territory * 4, "account_ids": []})
                  for n in range(5) for r in sample.reps]
    path = render_playbook_pdf(plan, tmp_path / "leader.pdf", section=["cover", "basics"],
                               today=date(2027, 1, 4)).path
    texts = page_texts(path)
    # the cover names as many reps as fit two lines, each whole, and counts the rest
    cover = " ".join(texts[0].split())
    shown = re.search(r"REPS (.*?) and (\d+) more", cover)
    names = shown.group(1).split(", ")
    assert names == [r.name for r in plan.reps[:len(names)]]
    assert len(names) + int(shown.group(2)) == len(plan.reps) and "…" not in shown.group(1)
    glance = texts[1]
    assert "and 2 more targets" in glance
    assert "The reps" in glance  # the page's last part on it
    # as many reps as the page holds under the other parts at their longest, the others counted
    more = int(re.search(r"and (\d+) more reps \(the overview\)", glance).group(1))
    assert more <= 13 and all(r.name in glance for r in plan.reps[:len(plan.reps) - more])
    assert not texts[2].startswith("AT A GLANCE")
    goal = " ".join(plan.basics.goal.split())
    assert goal not in glance and "…" in glance
    page = int(re.search(r"The goal in full: page (\d+)", glance).group(1))
    assert goal in texts[page - 1]  # printed whole where the glance says


def test_a_long_strategy_starts_under_the_goal_instead_of_on_the_next_page(sample, tmp_path):
    """A lead paragraph was never split: a long strategy went whole to the next
    page and left the chapter's first page 68% white (the long-text plan's leader, p. 5). A long
    lead now runs on, three lines at least on each page."""
    plan = sample.model_copy(deep=True)
    plan.basics.goal = " ".join([plan.basics.goal] * 4)
    plan.basics.strategy = " ".join([plan.basics.strategy] * 4) + " Last: we measure it all."
    texts = page_texts(render_playbook_pdf(plan, tmp_path / "leader.pdf", section="basics",
                                           today=date(2027, 1, 4)).path)
    first = next(t for t in texts if "Goal and strategy" in t and "The goal" in t)
    strategy = " ".join(plan.basics.strategy.split())
    assert "How we win " + strategy[:200] in first
    assert "Last: we measure it all." not in first  # it runs on


def test_a_reps_glance_page_says_the_reps_own_numbers(one_account, sample):
    _leader, rep = one_account
    page = page_texts(rep)[1]
    assert "Your accounts by tier" in page and "1 account" in page and "1 accounts" not in page
    assert "1 C Opportunistic" in page and "Dream clients" not in page  # no tier counting 0
    assert not any(r.name in page for r in sample.reps[1:])  # no other rep's name


def test_the_contents_list_at_a_glance_and_the_overview_with_their_pages(sample_leader_pdf):
    texts = page_texts(sample_leader_pdf[0].path)
    contents = next(t for t in texts if t.startswith("Contents"))
    overview = next(n for n, t in enumerate(texts, 1) if "Overview" in t and "one row each" in t)
    assert "At a glance 2 01" in contents  # first, before the chapters
    assert f"Target accounts {overview} Overview {overview} 04" in contents
    team, weekly = (next(n for n, t in enumerate(texts[3:], 4) if heading in t)
                    for heading in ("Team scorecard", "Weekly scorecard"))
    assert f"Team scorecard {team} Weekly scorecard {weekly}" in contents


# --- the overview -----------------------------------------------------------------------------
def overview_rows(html: str) -> list[str]:
    """The overview's rows, cells joined by "|", as a reader sees them (no-break spaces and
    word joiners as the spaces and nothing they look like); a cadence's row heads its accounts."""
    tables = re.findall(r'<table class="overview[^"]*"[^>]*>(.*?)</table>', html, re.S)
    return [unescape(re.sub(r"<[^>]+>", "|", row)).replace("\xa0", " ").replace("\u2060", "")
            for table in tables for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
            if 'scope="col"' not in row]  # the columns' heads, repeated per cadence


def test_accounts_named_by_number_print_in_the_number_s_order(sample):
    """Three plants of one client, "Werk 10", "Werk 2", "Werk 1": the overview and the cards
    print them 1, 2, 10 (they printed 1, 10, 2)."""
    plan = sample.model_copy(deep=True)
    for account, number in zip([a for a in plan.accounts if a.tier == "A"][:3], (10, 2, 1),
                               strict=True):
        account.name = f"Brandtner Werk {number}"
    html = render_playbook_html(plan, today=date(2027, 1, 4))
    in_overview = [row.split("|")[4] for row in overview_rows(html) if "Brandtner Werk" in row]
    assert in_overview == ["Brandtner Werk 1", "Brandtner Werk 2", "Brandtner Werk 10"]
    cards = re.findall(r"Brandtner Werk \d+", html[html.index('class="account"'):])
    assert list(dict.fromkeys(cards)) == in_overview


def test_the_overview_has_one_row_per_account_under_its_cadence_tier_a_first(sample):
    from prospector.playbook import render_playbook_html  # noqa: PLC0415 - HTML only

    html = render_playbook_html(sample, today=date(2027, 1, 4))
    rows = overview_rows(html)
    assert "|Dream client campaign|| · 6 accounts|" in rows[0]  # links to the cadence
    assert "|B and C account campaign|| · 20 accounts|" in rows[7]
    accounts = rows[1:7] + rows[8:]
    tiers = [row.split("|")[2] for row in accounts]  # the badge before the name
    assert tiers == sorted(tiers)
    first = next(r for r in accounts if r.split("|")[4].startswith("Haldorsen"))
    assert "|Norway|" in first
    trigger = first.split("|")[11]  # "…": the reason goes on in the card; cut between words
    assert trigger.endswith("…") and trigger.startswith("Announced a third")
    assert next(a for a in sample.accounts if a.name.startswith("Haldorsen")).why.startswith(
        trigger.removesuffix("…") + " ")
    assert "|11 Jan|" in first
    # names are whole (an account's wraps in its cell), and link to the card
    card = next(a for a in sample.accounts if a.name.startswith("Kaltenegger"))
    assert any(f"|{card.name}|" in r for r in accounts)
    assert all("…" not in r.split("|")[4] for r in accounts)
    assert {r.split("|")[7] for r in accounts} == {r.name for r in sample.reps}  # reps' too
    assert f'<a href="#acc-{card.id}">Kaltenegger' in html and f'id="acc-{card.id}"' in html
    # a rep's edition has no Rep column: its name column is wide enough for the sample's names
    for rep in sample.reps:
        mine = overview_rows(render_playbook_html(sample, rep_name=rep.name,
                                                  today=date(2027, 1, 4)))
        assert sorted(r.split("|")[4] for r in mine if "accounts" not in r) == sorted(
            sample.account(a).name for a in rep.account_ids), rep.name


# --- words ------------------------------------------------------------------------------------
def test_one_of_a_thing_is_said_in_the_singular(one_account):
    for path in one_account:
        text = " ".join(page_texts(path))
        for wrong in ("1 accounts", "1 target accounts", "1 scheduled touches", "1 reps ",
                      "1 weeks with touches", "1 meeting asks"):
            assert wrong not in text, (path.name, wrong)
    leader = " ".join(page_texts(one_account[0]))
    assert "1 target account" in leader and "1 rep " in leader
    # the overview of one account: not "1 account, one row each"
    assert "1 account, in one row under its cadence" in leader
    # its tier says it in the singular too ("1 account. The accounts that…" read wrong)
    assert "1 account. An account we open when a trigger event" in " ".join(leader.split())
    for path in one_account:
        assert "one row each" not in " ".join(page_texts(path)), path.name


@pytest.mark.parametrize(("language", "said"), [
    ("de", "1 Kunde, auf einer Zeile unter seiner Kadenz"),
    ("fr", "1 compte, sur une ligne sous sa cadence"),
    ("es", "1 cuenta, en una fila bajo su cadencia")])
def test_one_account_is_said_in_the_singular_in_each_language(sample, language, said):
    html = render_playbook_html(one_account_plan(sample), language=language,
                                today=date(2027, 1, 4))
    assert said in unescape(re.sub(r"<[^>]+>", "", html))


def test_a_plan_with_one_rep_speaks_of_the_rep_and_prints_each_figure_once(one_account, sample):
    """A team of one: the leader's edition says "The rep’s schedule" and "The rep", not "the
    reps’ schedules … per rep"; no target prints its figure twice ("45 (45) / week"), the
    targets' table has no Team column repeating the Per rep one."""
    leader = page_texts(one_account[0])
    text = " ".join(leader)
    glance_page = leader[1]
    assert "The rep’s schedule plans" in glance_page
    assert "the other 44 are touches the rep plans" in glance_page
    assert not re.search(r"\b(\d+) \(\1\)", text)  # "45 (45)"
    assert "45 / week Value-creating touches delivered" in glance_page
    for wrong in ("reps’ schedules", "per rep on average", "the team of 1 rep", "each rep",
                  "The reps", "Targets per rep (team)"):
        assert wrong not in text, wrong
    assert "The rep " in glance_page  # the heading over Jonas Albrecht's line
    assert glance_page.count("Accounts Target") == 1  # no second head over no rows
    assert "The rep also gets their own edition" in text
    accountability = next(p for p in leader if "Counts towards".upper() in p.upper()
                          and "Per rep".upper() in p.upper())
    assert "TEAM" not in accountability.upper().split("COUNTS TOWARDS")[0].split("PER REP")[1]


def test_a_small_teams_territories_are_printed_whole_under_their_reps(sample_leader_pdf, sample):
    """Up to four reps, each on up to three lines: the territory has up to two lines across its
    half of the page to itself ("Germany, Austria, Switzerland (Munich office)", cut to
    "Germany, Austria…" in the name's column with room to spare beside it; Mette Sørensen's
    "Nordics: …, Finland (Hamburg office)" cut after "Finland" on one line)."""
    glance_page = " ".join(page_texts(sample_leader_pdf[0].path)[1].split())
    for rep in sample.reps:
        assert f"{rep.name} " in glance_page and rep.territory in glance_page, rep.territory


def test_a_legal_form_is_never_broken_across_lines(one_account):
    """"Kowalczyk Tworzywa Sp. z o.o." sits in the overview's narrow name column, its card and
    the rep's schedule: wherever a line breaks, "Sp. z o.o." stays whole, with the word before."""
    seen = 0
    for path in one_account:
        for number in range(1, len(page_texts(path)) + 1):
            page = words(path, number)
            for word in page:
                if word[4] == "o.o.":
                    line = [w[4] for w in page if abs(w[1] - word[1]) < 1]
                    assert "Sp." in line and "Tworzywa" in line, (path.name, number, line)
                    seen += 1
    assert seen >= 3


# --- each text once -----------------------------------------------------------------------------
MM = 72 / 25.4


def test_no_sentence_is_printed_twice_in_an_edition(sample_leader_pdf, one_account):
    """The goal, the scripts, responses, proofs and questions are each printed once; the cover
    and the rep's schedule name them and give their page, and so do the objections, questions
    and touches chapters for what a call card prints in full."""
    assert sentences_printed_twice(sample_leader_pdf[0].path) == {}
    assert sentences_printed_twice(one_account[1]) == {}  # a rep's edition of the sample's texts


def test_only_call_cards_may_repeat_a_sentence_and_only_among_themselves():
    """The measure's one exception: an objection on two personas' cards is printed on each."""
    bench = figures()
    said = "Which of your lines stopped most often in the last three months, and why?"
    plan = bench._runs(said)  # a sentence of the plan
    assert bench.repeated_sentences(["Contents.", said, said], plan, {1, 2}) == {}
    assert bench.repeated_sentences([said, said, "Notes."], plan, {1}) == {said: 2}
    assert bench.repeated_sentences(["Contents.", said, said], plan) == {said: 2}


def _team_of(sample: Plan, size: int, page_size: str) -> Plan:
    """The sample with ``size`` reps: the sample's three and others in their territories, each
    with accounts of their own."""
    plan = sample.model_copy(deep=True)
    plan.basics.page_size = page_size
    names = ["Lucie Maes", "Sabine Kučera", "Matthias Virtanen", "Janne Keller", "Henrik Huber",
             "Anna Procházka", "Sanna Johansson", "Pieter de Vries", "Ola Nordmann"]
    accounts = [a.id for a in plan.accounts]
    plan.reps += [r.model_copy(update={"id": f"rep-x{n}", "name": name,
                                       "account_ids": accounts[n::size]})
                  for n, (name, r) in enumerate(zip(names, plan.reps * 4, strict=False))
                  if n < size - len(sample.reps)]
    for n, rep in enumerate(plan.reps):
        rep.account_ids = accounts[n::size]
    return plan


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_at_a_glance_shows_every_rep_of_a_team_of_ten_with_accounts_and_target(
        sample, tmp_path, page_size):
    """The 120-account plan's glance named 6 of its 10 reps ("and 4 more reps"): each is there
    now, with their accounts and their target over the campaign, and the page is still one page
    (on Letter the notes on the touch targets go to the accountability chapter to make room)."""
    plan = _team_of(sample, 10, page_size)
    path = render_playbook_pdf(plan, tmp_path / "leader.pdf", today=date(2027, 1, 4)).path
    texts = page_texts(path)
    glance = texts[1]
    assert "more rep" not in glance
    assert "Target: “First meetings held” over the campaign’s 25 weeks, per rep" in glance
    for rep in plan.reps:
        accounts = len(rep.account_ids)
        assert re.search(rf"{re.escape(rep.name)}\b.*?\s{accounts}\s+25\b", glance), rep.name
    assert not texts[2].startswith("AT A GLANCE")  # one page
    notes = "The reps’ schedules plan"
    chapter = next(t for t in texts if "We hold ourselves accountable" in t)
    assert (notes in glance) != (notes in " ".join(chapter.split()))  # printed once, somewhere


def test_a_reps_glance_says_where_a_touch_target_beyond_the_schedule_comes_from():
    # "45 / week" beside "86 scheduled touches · 22 weeks" read as a target no rep can reach;
    # the reconciliation was on the targets' page only (fresh-eyes review)
    def glance_of(plan):
        html = unescape(render_playbook_html(plan, rep_name="Jonas Albrecht",
                                             today=date(2027, 1, 4)))
        return html[html.index("At a glance"):html.index("Your numbers")]

    said = re.search(r"Your schedule holds about (\d+) touches a week; you plan the rest of "
                     r"your touch target yourself \(<a class=\"page-ref\" href=\"#sec-targets\">",
                     glance_of(read_plan_file(sample_plan_path())))
    assert said and 0 < int(said.group(1)) < 45
    reachable = read_plan_file(sample_plan_path())
    for target in reachable.accountability.targets:
        target.per_rep = min(target.per_rep, 1)  # what any schedule meets
    assert "Your schedule holds about" not in glance_of(reachable)


def test_a_long_word_before_a_legal_form_may_end_a_line_and_the_form_stays_whole(tmp_path):
    """"Präzisionsantriebe AG & Co. KGaA" was one unbreakable run of 53 mm in the overview's
    43 mm name column: it broke inside itself, ". KGaA" starting a line."""
    plan = read_plan_file(sample_plan_path())
    plan.accounts[0].name = "Brückner-Hydraulik Präzisionsantriebe AG & Co. KGaA"
    html = render_playbook_html(plan)
    assert "Präzisionsantriebe AG\u00a0&amp;\u00a0Co.\u00a0KGaA" in html  # may break before AG
    assert "Präzisionsantriebe\u00a0AG" not in html  # ("Tworzywa Sp. z o.o." stays joined:
    # test_a_legal_form_is_never_broken_across_lines)
