"""What a reader sees of the playbook's typesetting: type sizes, the running foot, the grid's
gutters, where pages break and the colours, measured on the printed PDF with pypdfium2."""

from __future__ import annotations

import colorsys
import ctypes
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.resources import sample_plan_path
from prospector.sections import LEADER_CHAPTERS
from tests.design_figures import bench_plans, figures

MM = 72 / 25.4


@dataclass(frozen=True)
class Glyph:
    char: str
    size: float  # on paper, pt
    left: float  # pt from the page's left edge
    right: float
    top: float  # pt from the page's top edge
    bottom: float
    baseline: float  # pt from the page's top edge
    starts_line: bool  # the first glyph of a line of text (in the PDF's reading order)
    bold: bool


def _font_name(textpage: pdfium.PdfTextPage, index: int) -> str:
    """The glyph's font as the PDF names it ("RYKWNH+PB-Serif-Bold")."""
    name = ctypes.create_string_buffer(256)
    pdfium_raw.FPDFText_GetFontInfo(textpage, index, name, 256, None)
    return name.value.decode("latin-1")


def _glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    textpage = page.get_textpage()
    height = page.get_height()
    out = []
    new_line = True
    for i in range(textpage.count_chars()):
        char = chr(pdfium_raw.FPDFText_GetUnicode(textpage, i))
        if char in "\r\n":
            new_line = True
        if char.isspace() or not char.isprintable():
            continue
        matrix = pdfium_raw.FS_MATRIX()
        pdfium_raw.FPDFText_GetMatrix(textpage, i, ctypes.byref(matrix))
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        left, bottom, right, top = textpage.get_charbox(i)
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_raw.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(x), ctypes.byref(y))
        out.append(Glyph(char, round(pdfium_raw.FPDFText_GetFontSize(textpage, i) * scale, 1),
                         left, right, height - top, height - bottom, height - y.value,
                         new_line, "Bold" in _font_name(textpage, i)))
        new_line = False
    return out


def _text(glyphs: list[Glyph]) -> str:
    return "".join(g.char for g in glyphs)


def _find(glyphs: list[Glyph], phrase: str) -> list[list[Glyph]]:
    """The glyphs of each place ``phrase`` is printed on a page (spaces and line ends ignored)."""
    needle = "".join(phrase.split())
    text = _text(glyphs)
    return [glyphs[m.start():m.start() + len(needle)] for m in re.finditer(re.escape(needle), text)]


def _pages(path: Path) -> list[list[Glyph]]:
    return [_glyphs(page) for page in pdfium.PdfDocument(str(path))]


def _running_head(glyphs: list[Glyph]) -> str:
    return _text([g for g in glyphs if g.top < 24 * MM])


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


@pytest.fixture(scope="module")
def leader_pages(sample_leader_pdf) -> list[list[Glyph]]:
    return _pages(sample_leader_pdf[0].path)


@pytest.fixture(scope="module")
def rep_pages(sample_rep_pdf) -> list[list[Glyph]]:
    return _pages(sample_rep_pdf[0].path)


# --- type sizes -----------------------------------------------------------------------------------
def _first_words(text: str, words: int = 6) -> str:
    return " ".join(text.split()[:words])


def test_scripts_and_the_schedule_print_at_9_pt_or_more(sample, leader_pages, rep_pages):
    """What a rep reads from during a call (every touch's talk track) and the day's list (touch,
    objective, account) is never under 9 pt: it printed at 7.9 to 8.8 pt."""
    scripts = [_first_words(t.message) for t in sample.touches if t.message]
    for pages in (leader_pages, rep_pages):
        found = [g for glyphs in pages for s in scripts for hit in _find(glyphs, s) for g in hit]
        assert len(found) >= sum(len("".join(s.split())) for s in scripts)
        assert min(g.size for g in found) >= 9, min(g.size for g in found)
    schedule = [glyphs for glyphs in rep_pages if "YOURSCHEDULE" in _running_head(glyphs)]
    assert schedule
    mine = [a.name for a in sample.accounts if a.id in set(sample.reps[0].account_ids)]
    printed = [g for glyphs in schedule for name in mine for hit in _find(glyphs, name)
               for g in hit]
    objectives = [_first_words(s.objective, 4) for c in sample.cadences for s in c.steps
                  if s.objective]
    printed += [g for glyphs in schedule for o in objectives for hit in _find(glyphs, o)
                for g in hit]
    assert len(printed) > 500
    assert min(g.size for g in printed) >= 9, min(g.size for g in printed)


def test_a_call_cards_behind_it_and_proof_print_at_9_pt_and_read_plainly(sample, leader_pages):
    """A rep reads what is behind an objection and its proof during a call: 9 pt or more; a
    proof that is the card's own difference's says where it is in words ("see “Our
    difference” below"), not "that of our difference, below"."""
    cards = [glyphs for glyphs in leader_pages if "CALLCARD" in _text(glyphs)[:40]]
    lines = ["Behind it:", "Proof:"] + [_first_words(o.behind, 4) for o in sample.objections
                                        if o.behind]
    found = [g for glyphs in cards for line in lines for hit in _find(glyphs, line) for g in hit]
    assert len(found) > 200
    assert min(g.size for g in found) >= 9, min(g.size for g in found)
    assert any(_find(glyphs, "Proof: see “Our difference” below.") for glyphs in cards)


def test_running_prose_prints_at_10_pt_body_size(sample, sample_leader_pdf, leader_pages):
    """What a reader reads as running text (a persona's description and what value means to
    them, why a difference matters and its proof, why an account is a target, why we ask a
    question) is body text, 10 pt: it printed at 9 pt, the most common size of the edition. Call
    cards, one page each and measured to fit, are left out."""
    pdf = pdfium.PdfDocument(str(sample_leader_pdf[0].path))
    cards = figures().card_pages(pdf)
    pdf.close()
    texts = [p.responsibilities for p in sample.personas] + [
        p.value_means for p in sample.personas] + [
        text for d in sample.differentiators
        for text in (d.why_it_matters, d.proof, d.alternative)] + [
        a.why for a in sample.accounts] + [a.notes for a in sample.accounts] + [
        q.why for q in sample.questions]
    # their last words: the overview's table prints an account's reason cut short at 9 pt
    phrases = [" ".join(text.split()[-6:]) for text in texts if text and len(text.split()) >= 6]
    found = [hit for n, glyphs in enumerate(leader_pages) if n not in cards
             for phrase in phrases for hit in _find(glyphs, phrase)]
    assert len(found) >= len(phrases) * 0.9, (len(found), len(phrases))
    small = {_text(hit) for hit in found if min(g.size for g in hit) < 10}
    assert not small, sorted(small)[:5]


def test_an_amount_is_never_split_from_its_currency(sample_leader_pdf, sample_rep_pdf):
    """"EUR" ended a line with "410,000" on the next (a differentiator's proof, a call card's
    proof, a touch's value): a currency's code and its amount stay on one line, whichever
    comes first; a word that is no currency ("MES 2026") may still break."""
    import subprocess  # noqa: PLC0415 - the lines as a reader sees them

    from prospector.wording import unbroken_amounts  # noqa: PLC0415

    amounts = 0
    for result in (sample_leader_pdf[0], sample_rep_pdf[0]):
        text = subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True,
                              text=True, check=True).stdout
        lines = text.splitlines()
        assert not [line for line in lines if re.search(r"\b(EUR|CHF|SEK|NOK|CZK|PLN)$", line)]
        amounts += len(re.findall(r"\bEUR[ \u00a0][0-9]", text))
    assert amounts > 20
    assert unbroken_amounts("EUR 9,000 to 9,000 CHF; MES 2026") == (
        "EUR\u00a09,000 to 9,000\u00a0CHF; MES 2026")


def test_the_playbook_keeps_to_its_type_scale(leader_pages, rep_pages):
    """Six sizes (8, 9, 10, 12, 16, 26 pt), body text at 10 pt: there were 24 sizes."""
    for pages in (leader_pages, rep_pages):
        sizes = {g.size for glyphs in pages for g in glyphs}
        assert sizes <= {8.0, 9.0, 10.0, 12.0, 16.0, 26.0}, sorted(sizes)
        body = [g.size for glyphs in pages for g in glyphs]
        assert max(set(body), key=body.count) in (9.0, 10.0)


def test_a_long_plan_name_stays_on_one_line_beside_the_page_number(tmp_path):
    name = ("Europe new business for mid-market manufacturers in Germany, Austria, Switzerland, "
            "the Nordics and Benelux, first half of 2027, with the predictive-maintenance offering")
    plan = Plan.model_validate({"name": name, "basics": {"goal": "Ten first meetings."}})
    result = render_playbook_pdf(plan, tmp_path / "long.pdf")
    pages = _pages(result.path)
    for number, glyphs in enumerate(pages[1:], 2):
        foot = [g for g in glyphs if g.top > 297 * MM - 20 * MM]
        assert len({round(g.baseline) for g in foot}) == 1, number  # one line
        text = _text(foot)
        assert text.endswith(f"Page{number}of{len(pages)}"), text
        assert "…" in text and text.startswith("Europenewbusiness"), text


# --- the grid -------------------------------------------------------------------------------------
def _lines(glyphs: list[Glyph]) -> dict[int, list[Glyph]]:
    out: dict[int, list[Glyph]] = {}
    for g in glyphs:
        out.setdefault(round(g.baseline), []).append(g)
    return out


def _gutters(pages: list[list[Glyph]], heads: tuple[str, ...]) -> list[float]:
    """The white (pt) between each line that starts a column and the text left of it at the same
    height: the columns start where ``heads`` (their labels, side by side) do, on the pages the
    labels are printed on and those a card's columns run on to."""
    widths = []
    columns = {hit[0].left for glyphs in pages for head in heads[1:] for hit in _find(glyphs, head)}
    labelled = [n for n, glyphs in enumerate(pages) if _find(glyphs, heads[0])]
    for number, glyphs in enumerate(pages):
        if number not in labelled and number - 1 not in labelled:
            continue
        for g in glyphs:
            if g.starts_line and any(abs(g.left - x) < 0.6 for x in columns):
                before = [o.right for o in glyphs if o.right < g.left
                          and o.top < g.bottom - 1 and o.bottom > g.top + 1]
                if before:
                    widths.append(g.left - max(before))
    return widths


def test_columns_have_a_gutter_of_at_least_5_mm(leader_pages):
    """Personas' and differentiators' columns: lines never run into the next column ("passed in
    11tunnels" read across); the gutter is 6 mm (the overview's: its own test)."""
    for heads in (("CARESABOUT", "WHATVALUEMEANSTOTHEM"),
                  ("WHYITMATTERS", "PROOF", "BEATSTHEALTERNATIVE")):
        widths = _gutters(leader_pages, heads)
        assert len(widths) >= 8, heads  # lines measured beside another column
        assert min(widths) >= 5 * MM, (heads, min(widths) / MM)


# --- the overview ---------------------------------------------------------------------------------
def _overview_lines(pages: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """Per page holding the overview's table, its lines of 9 pt text under the first columns'
    head, top to bottom, up to the first bigger text (the tier's heading after the table)."""
    out = []
    for glyphs in pages:
        if not _find(glyphs, "ACCOUNTANDTIER"):
            continue
        head = min(g.bottom for hit in _find(glyphs, "FIRSTTOUCH") for g in hit)
        lines = []
        below = [g for g in glyphs if g.top > head]
        for _baseline, line in sorted(_lines(below).items()):
            if max(g.size for g in line) > 9.5:
                break
            if any(g.size == 9.0 for g in line):
                lines.append(line)
        # a tier badge (8 pt, set higher than the name beside it) joins the name's line
        table = min(g.left for line in lines for g in line)
        badges = [g for g in below if g.size < 9 and g.char in "ABC" and g.left < table + 2 * MM]
        for badge in badges:
            near = min(lines, key=lambda line: abs(line[0].baseline - badge.baseline))
            if abs(near[0].baseline - badge.baseline) < 3:
                near.append(badge)
        out.append(lines)
    return out


def _overview_rows(lines: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """The accounts' rows, each as its lines: a row starts at a line with a tier badge (8 pt,
    at the table's left edge) and runs to the next badge or cadence line (9 pt at that edge)."""
    table = min(g.left for line in lines for g in line)
    rows: list[list[list[Glyph]]] = []
    for line in lines:
        edge = [g for g in line if g.left < table + 2 * MM]
        if any(g.size < 9 and g.char in "ABC" for g in edge):
            rows.append([line])
        elif any(g.size == 9 for g in edge):
            rows.append([])  # a cadence's line ends the row above
        elif rows and rows[-1]:
            rows[-1].append(line)
    return [row for row in rows if row]


def test_the_overview_gives_each_account_a_row_of_at_most_two_lines(sample, leader_pages,
                                                                    tmp_path):
    """The overview is a row per account under its cadence: a name wraps rather than being cut,
    the trigger takes at most two lines, and 5 mm separate the columns; a page the table runs on
    to repeats the cadence's line and says "(continued)". With 120 accounts on Letter paper it
    takes no more pages than full pages of two-line rows need, and the page it starts on."""
    pages = _overview_lines(leader_pages)
    rows = _overview_rows([line for page in pages for line in page])
    assert len(rows) == len(sample.accounts)
    assert max(len(row) for row in rows) == 2  # names and triggers wrap, to two lines at most
    # 5 mm between columns ("Netherlands Call the day" read across)
    columns = {hit[0].left for glyphs in leader_pages if _find(glyphs, "ACCOUNTANDTIER")
               for head in ("REP", "COUNTRY", "TRIGGER", "FIRSTTOUCH")
               for hit in _find(glyphs, head)}
    gutters = [g.left - max(o.right for o in line if o.right < g.left)
               for row in rows for line in row[:1] for g in line
               if any(abs(g.left - x) < 0.6 for x in columns)]
    assert len(gutters) > 3 * len(rows) and min(gutters) >= 5 * MM, min(gutters) / MM
    after = next(glyphs for n, glyphs in enumerate(leader_pages)
                 if _find(glyphs, "ACCOUNTANDTIER") and n
                 and _find(leader_pages[n - 1], "ACCOUNTANDTIER"))
    cadence = next(c.name for c in sample.cadences
                   if "".join(c.name.split()).upper() + "(CONTINUED)" in _running_head(after))
    heads = min(g.top for hit in _find(after, "ACCOUNTANDTIER") for g in hit)
    assert any(hit[0].top < heads for hit in _find(after, cadence))  # its line heads the page

    accounts = [a.model_copy(update={"id": f"{a.id}-{n}", "name": f"{a.name} {n}"})
                for n in range(5) for a in sample.accounts][:120]
    rep = sample.reps[0].model_copy(update={"account_ids": [a.id for a in accounts]})
    basics = sample.basics.model_copy(update={"page_size": "Letter"})
    plan = sample.model_copy(update={"accounts": accounts, "reps": [rep], "basics": basics})
    path = render_playbook_pdf(plan, tmp_path / "120.pdf", section="accounts").path
    pages = _overview_lines(_pages(path))
    rows = _overview_rows([line for page in pages for line in page])
    assert len(rows) == 120 and max(len(row) for row in rows) <= 2
    pitch = sorted(b[0][0].baseline - a[0][0].baseline for a, b in zip(rows, rows[1:], strict=False)
                   if len(a) == 2 and b[0][0].baseline > a[0][0].baseline)[0]
    full_page = int((279.4 - 24 - 20) * MM // pitch)
    # (and one page more: the table starts under the chapter's heading, each cadence's head)
    assert len(pages) <= math.ceil(120 / full_page) + 1, (len(pages), full_page)


def test_a_long_owner_line_leaves_the_account_name_its_first_line(sample, tmp_path):
    """Right of an account's name, its rep and cadence: with a long cadence name, a float took
    the whole first line and the name started below it; now the name starts beside the badge,
    and the owner line is one line, the cadence's name cut with "…"."""
    plan = sample.model_copy(deep=True)
    cadence = plan.cadences[0]
    cadence.name = " ".join([cadence.name] * 4)
    account = next(a for a in plan.accounts if plan.cadence_for(a) is cadence)
    account.name = " ".join([account.name] * 3)
    rep = next(r for r in plan.reps if account.id in r.account_ids)
    pages = _pages(render_playbook_pdf(plan, tmp_path / "leader.pdf", section="accounts").path)
    card = next(hit for glyphs in pages for hit in _find(glyphs, account.name)
                if hit[0].size == 10)  # the card's (the overview prints the name at 9 pt)
    glyphs = next(glyphs for glyphs in pages if card[0] in glyphs)
    owner = next(hit for hit in _find(glyphs, rep.name + "·")
                 if abs(hit[0].top - card[0].top) < 4 * MM)
    first_line = [g for g in card if abs(g.baseline - card[0].baseline) < 1]
    assert len(first_line) >= len("".join(account.name.split()[:3]))  # three words at least
    assert owner[0].left > first_line[-1].right  # beside it, on the same line
    line = [g for g in glyphs if abs(g.baseline - owner[0].baseline) < 1 and g.size == 8]
    assert _text(line).endswith("…") and "Dreamclientcampaign" in _text(line)


def test_a_long_account_card_runs_on_to_the_next_page_named_in_its_head(sample, tmp_path):
    """A card never split: with texts four times as long, one card alone took a page half white
    (the long-text plan's leader, pp. 10-11). A long card now starts where the last one ended and
    the next page's running head names it "(continued)"; its name (three lines) is never split
    nor left at a page's foot: it prints with its facts and the first lines of its reason."""
    plan = sample.model_copy(deep=True)
    for a in plan.accounts:
        a.name = " ".join([a.name] * 3)
        a.why, a.notes = " ".join([a.why] * 4), " ".join([a.notes] * 4)
    pages = _pages(render_playbook_pdf(plan, tmp_path / "leader.pdf", section="accounts").path)
    for a in plan.accounts:  # its name (three lines), whole, on the page of its facts and reason
        assert any(any(hit[0].size == 10 for hit in _find(glyphs, a.name))  # the card's
                   and _find(glyphs, a.industry) and _find(glyphs, "Why: " + _first_words(a.why, 8))
                   for glyphs in pages), a.name
    heads = [_running_head(glyphs) for glyphs in pages]
    continued = [n for n, head in enumerate(heads) if head.endswith("(CONTINUED)")]
    assert len(continued) >= 2, heads
    for n in continued:  # (an overview's cadence too, its table on the page before)
        name = next(t.name for t in [*plan.accounts, *plan.cadences]  # (a long name cut "…")
                    if "".join(_first_words(t.name, 3).split()).upper() in heads[n])
        assert _find(pages[n - 1], name), name  # the card's start, on the page before
    white = [glyphs for glyphs in pages[1:-1] if max(g.bottom for g in glyphs
                                                     if g.top < 297 * MM - 20 * MM) < 200 * MM]
    assert not white  # no page of cards ends above two thirds of its height


def test_a_reps_contacts_that_run_on_say_contacts_continued_over_the_rest(sample, tmp_path):
    """In the rep's edition, with every text of the accounts four times as long, an account's
    contacts run on to the next page; that page goes on under "CONTACTS (CONTINUED)", not with
    a contact under no label (the long-text plan, p. 13)."""
    plan = sample.model_copy(deep=True)
    for a in plan.accounts:
        a.name, a.industry = " ".join([a.name] * 2), " ".join([a.industry] * 4)
        a.why, a.notes = " ".join([a.why] * 4), " ".join([a.notes] * 4)
        for c in a.contacts:
            c.title = " ".join([c.title] * 4)
    pages = _pages(render_playbook_pdf(plan, tmp_path / "rep.pdf", rep_name="Jonas Albrecht",
                                       section="accounts").path)
    names = tuple("".join(c.name.split()) for a in plan.accounts for c in a.contacts)
    firsts = [_text(_body_lines(glyphs)[0]) for glyphs in pages[1:]]
    assert [first for first in firsts if first.startswith(names)] == []
    assert any(first == "CONTACTS(CONTINUED)" for first in firsts), firsts


def test_a_wrapped_account_name_stays_clear_of_its_tier_badge(sample, tmp_path):
    """A name too long for its line wraps under its own first line, not under the badge."""
    plan = sample.model_copy(deep=True)
    rep = plan.reps[0]
    account = next(a for a in plan.accounts if a.id in rep.account_ids and a.tier == "A")
    account.name += " Maschinenbau und Präzisionsteile Holding Kommanditgesellschaft auf Aktien"
    result = render_playbook_pdf(plan, tmp_path / "rep.pdf", rep_name=rep.name)
    pages = _pages(result.path)
    checked = 0
    for glyphs in pages:
        for hit in _find(glyphs, account.name):
            lines = sorted(_lines(hit).items())
            assert len(lines) >= 2
            first_left = min(g.left for g in lines[0][1])
            top = lines[0][1][0]
            badge = [g for g in glyphs if g.char == "A" and g.right <= first_left
                     and first_left - g.right < 4 * MM
                     and g.top < top.bottom and g.bottom > top.top]
            assert badge, "no badge before the name"
            for _baseline, line in lines[1:]:  # ink boxes: a bold B starts 0.8 pt in, an A at 0
                assert min(g.left for g in line) >= first_left - 1.0, account.name
            checked += 1
    assert checked >= 3  # the accounts chapter and the schedule


# --- page flow ------------------------------------------------------------------------------------
def _head(glyphs: list[Glyph]) -> str:
    """The running head's words, as printed (uppercase, spaces dropped)."""
    return _text([g for g in glyphs if g.top < 24 * MM])


def _body_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """The lines of the text area, top to bottom."""
    inside = [g for g in glyphs if 24 * MM <= g.top and g.bottom <= 297 * MM - 20 * MM]
    return [line for _y, line in sorted(_lines(inside).items())]


def _long_script_plan(paragraphs: int, *more_touches: dict) -> Plan:
    """A plan whose one e-mail's talk track is ``paragraphs`` numbered paragraphs of two lines
    ("1. Ask which line…"), then ``more_touches``."""
    paragraph = ("Ask which line stopped last and what the hour cost them; then offer the "
                 "benchmark for that kind of line, two pages, with the numbers of their peers.")
    return Plan.model_validate({
        "name": "Flow", "basics": {"goal": "Ten first meetings."},
        "touches": [{"id": "t1", "title": "Downtime benchmark for their sector",
                     "channel": "email", "value": "Peers' numbers.",
                     "message": "\n\n".join(f"{i}. {paragraph}"
                                            for i in range(1, paragraphs + 1))},
                    *more_touches]})


def test_a_script_that_runs_on_goes_on_under_its_label_continued(tmp_path):
    """A talk track longer than a page goes on at each next page's top under its box's label,
    "MESSAGE / TALK TRACK (CONTINUED)", not under no label; where it starts, the label is
    printed plain, once."""
    plan = _long_script_plan(40)
    pages = _pages(render_playbook_pdf(plan, tmp_path / "flow.pdf", section="touches").path)
    firsts = [_text(_body_lines(glyphs)[0]) for glyphs in pages]
    assert len(pages) >= 2 and firsts[1:] == ["MESSAGE/TALKTRACK(CONTINUED)"] * (len(pages) - 1)
    labels = [_text(line) for glyphs in pages for line in _body_lines(glyphs)
              if _text(line).startswith("MESSAGE/TALKTRACK")]
    assert labels == ["MESSAGE/TALKTRACK"] + ["MESSAGE/TALKTRACK(CONTINUED)"] * (len(pages) - 1)


def test_a_card_that_runs_on_says_continued_in_the_next_pages_head(tmp_path):
    """A long talk track continues on the next pages; each of them names its card in the head
    ("... (continued)"), and the head says nothing once the card has ended."""
    plan = _long_script_plan(24, {"id": "t2", "title": "Printed teardown", "channel": "mail",
                                  "value": "A booklet.", "message": "Short and sweet."})
    pages = _pages(render_playbook_pdf(plan, tmp_path / "flow.pdf").path)
    starts = [n for n, glyphs in enumerate(pages) if _find(glyphs, "Downtime benchmark for")]
    ends = [n for n, glyphs in enumerate(pages) if _find(glyphs, "24. Ask which line")]
    first, last = starts[0], ends[0]
    assert last >= first + 1  # the card runs over a page break
    for n, glyphs in enumerate(pages):
        continued = "DOWNTIMEBENCHMARKFORTHEIRSECTOR(CONTINUED)" in _head(glyphs)
        assert continued == (first < n <= last), (n, _head(glyphs))
        for hit in _find(glyphs, "(CONTINUED)"):  # printed whole, not cut off by the margin
            assert hit[-1].right <= (210 - 18) * MM + 0.5
    assert "(CONTINUED)" not in _head(pages[starts[-1] if len(starts) > 1 else first])


def test_a_week_that_runs_on_says_continued_in_the_next_pages_head(rep_pages):
    """The schedule's week repeats its heading on the page it runs onto, and that page's head
    says "Week 3 · 25–29 Jan 2027 (continued)"; a page that starts a new week does not."""
    last = None
    continued = 0
    for glyphs in rep_pages:
        weeks = re.findall(r"Week(\d+)·", _text([g for g in glyphs if g.top >= 24 * MM]))
        head = _head(glyphs)
        if weeks and weeks[0] == last:
            assert f"WEEK{last}·" in head and head.endswith("(CONTINUED)"), head
            continued += 1
        else:
            assert "(CONTINUED)" not in head or not weeks, head
        last = weeks[-1] if weeks else None
    assert continued >= 3


def test_a_cadence_table_run_on_names_its_campaign_continued(sample, leader_pages, rep_pages):
    """A page that a cadence's steps table runs on to (its chart and title on the page before)
    names the campaign in its head: "Dream client campaign (continued)", as the overview's
    tables and the schedule's weeks do."""
    names = {"".join(c.name.split()).upper() for c in sample.cadences}
    found = 0
    for pages in (leader_pages, rep_pages):
        for glyphs in pages:
            body = _text([g for g in glyphs if g.top >= 24 * MM])
            if body.startswith("#DAYCHANNELTOUCHANDOBJECTIVE"):  # a steps table's head, first
                head = _head(glyphs)
                assert head.endswith("(CONTINUED)") and any(n in head for n in names), head
                found += 1
    assert found >= 2


def test_every_pages_running_head_and_foot_print_in_the_same_place(leader_pages):
    """A call card's page has narrower margins than the pages around it, but its running head
    and foot print where theirs do: they do not jump as the pages turn."""
    heads, feet = [], []
    for glyphs in leader_pages[1:]:  # the cover has none
        head = [g for g in glyphs if g.baseline < 17 * MM]  # (a card's text starts at 17 mm)
        foot = [g for g in glyphs if g.top > 297 * MM - 20 * MM]
        if head:
            heads.append((min(g.left for g in head), max(g.baseline for g in head)))
        feet.append((min(g.left for g in foot), max(g.right for g in foot),
                     max(g.baseline for g in foot)))
    assert len(heads) >= 20 and len(feet) == len(leader_pages) - 1
    for places in (heads, feet):  # within a point (a glyph's ink: a "W" starts left of a "C")
        for values in zip(*places, strict=True):
            assert max(values) - min(values) < 1.5, places


def test_no_heading_is_left_at_the_foot_of_a_page(leader_pages, rep_pages):
    """A chapter, part or card title (bold, 12 pt and up) always has lines of its own text
    under it on the same page; a page that ends with one left it there alone ("Event", "Tier B")."""
    for pages in (leader_pages, rep_pages):
        for number, glyphs in enumerate(pages[2:], 3):
            lines = _body_lines(glyphs)
            assert lines and not any(g.bold and g.size >= 12 for g in lines[-1]), (
                number, _text(lines[-1]))


def test_a_long_touch_never_leaves_its_heading_and_metadata_alone_at_a_pages_foot(tmp_path):
    """With every text four times as long (bench/plans.py), a touch's title and its channel,
    personas and asset (three lines or more) stood at a page's foot over a quarter page of white,
    its value and script overleaf: every page of the touches chapter ends in running text
    (10 pt), the value or the script, never in a title (12 pt), metadata or a label (8 pt)."""
    result = render_playbook_pdf(bench_plans().long_text_plan(), tmp_path / "touches.pdf",
                                 section="touches")
    pages = _pages(result.path)
    assert len(pages) >= 8
    for number, glyphs in enumerate(pages[:-1], 1):
        last = _body_lines(glyphs)[-1]
        assert {g.size for g in last} == {10.0}, (number, _text(last))


def test_a_profiles_list_run_on_to_the_next_page_repeats_its_label(tmp_path):
    """The ideal client profile's trigger events and disqualifiers, four times as long, run on
    to the next page: there the list goes on under "<label> (continued)", not under no label."""
    result = render_playbook_pdf(bench_plans().long_text_plan(), tmp_path / "icp.pdf",
                                 section="ideal_client_profile")
    pages = [_text(glyphs) for glyphs in _pages(result.path)]
    runs_on = [page for page in pages[1:] if "Maintenancevacancies" in page
               and "Newplant,newlineorcapacity" not in page]
    assert runs_on and all("TRIGGEREVENTS:WHENTHEYAREREADYTOTALK(CONTINUED)" in page
                           for page in runs_on), runs_on


def test_no_line_is_stranded_at_a_pages_top_or_foot(sample_leader_pdf, sample_rep_pdf):
    """No heading or label ends a page ("FRAMEWORK" at the foot, its criteria overleaf), no
    table's head stands with one row at a foot (step 1 of a cadence), and no table's last row
    or paragraph's last line starts a page alone (the overview's last account), in either
    edition: as bench/playbook_figures.py finds them in the PDF."""
    for result in (sample_leader_pdf[0], sample_rep_pdf[0]):
        pdf = pdfium.PdfDocument(str(result.path))
        try:
            assert [str(s) for s in figures().stranded_lines(pdf)] == []
        finally:
            pdf.close()


def test_a_differentiators_columns_start_on_one_page_together(sample, tmp_path):
    """With every text four times as long, no differentiator's row of columns (why it matters,
    proof, the alternative) is split so that one column starts alone on the next page: the
    columns start on one page, under their heading. Columns this long (500 characters and more)
    may run on together to the next page: moved whole, they left most of a page white (the
    long-text plan's rep edition, 78%); a page they run on to names the card "(continued)"."""
    plan = sample.model_copy(deep=True)
    for d in plan.differentiators:
        d.why_it_matters, d.proof, d.alternative = (
            " ".join([text] * 4) for text in (d.why_it_matters, d.proof, d.alternative))
    pages = _pages(render_playbook_pdf(plan, tmp_path / "diff.pdf",
                                       section="differentiators").path)
    split = 0
    for d in plan.differentiators:
        heading = min(n for n, glyphs in enumerate(pages) if _find(glyphs, _first_words(
            d.difference, 5)))
        starts = {min(n for n, glyphs in enumerate(pages) if _find(glyphs, _first_words(text, 5)))
                  for text in (d.why_it_matters, d.proof, d.alternative)}
        assert starts == {heading}, (d.difference, heading, sorted(starts))
        ends = [max(n for n, glyphs in enumerate(pages) if _find(glyphs, _last_words(text)))
                for text in (d.why_it_matters, d.proof, d.alternative)]
        for n in range(heading + 1, max(ends) + 1):
            assert _head(pages[n]).endswith("(CONTINUED)"), (d.difference, n)
            # the columns' labels head the page they run on to, never a lone unlabelled column
            body = _text([g for g in pages[n] if g.top >= 24 * MM])
            assert body.startswith("WHYITMATTERSPROOFBEATSTHEALTERNATIVE"), (d.difference, n)
            split += 1
    assert split >= 2  # (most rows are taller than the room left on their first page)


def _last_words(text: str, words: int = 5) -> str:
    return " ".join(text.split()[-words:])


def _touches_stranded_lines(plan: Plan, tmp_path: Path) -> tuple[int, list[str]]:
    """The touches section's pages and the lines bench/playbook_figures.py finds stranded."""
    path = render_playbook_pdf(plan, tmp_path / "touches.pdf", section="touches").path
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf), [str(s) for s in figures().stranded_lines(pdf)]
    finally:
        pdf.close()


def test_a_talk_tracks_lead_in_stays_with_the_first_lines_of_its_script(sample, tmp_path):
    """A talk track that opens with a lead-in ("Talk track (in person or on the phone):", a
    blank line, then the script) never leaves it alone at a page's foot under the box's label,
    the script overleaf (the one-account plan's p. 10): as bench/playbook_figures.py finds
    stranded lines. Values of varied lengths put the boxes at every height of their pages."""
    plan = sample.model_copy(deep=True)
    for i, t in enumerate(plan.touches):
        t.message = "Talk track (in person or on the phone):\n\n" + t.message
        t.value = " ".join([t.value] * (1 + i % 3))
    pages, stranded = _touches_stranded_lines(plan, tmp_path)
    assert pages >= 5 and stranded == []


def test_a_talk_tracks_one_line_close_is_not_carried_alone_to_the_next_page(sample, tmp_path):
    """A talk track's last paragraph of one line ("If it is useful, I can prepare the same view
    …") never starts a page alone, in a box of its own, its script on the page before (the
    one-account plan's rep edition, p. 8): the page that prints it prints the end of the
    paragraph before it too. Values of varied lengths put the boxes' ends at every height of
    their pages."""
    close = "If it is useful, I can prepare the same view for each of your plants."
    start = "".join(close.split())[:30]
    for shift in range(4):
        plan = sample.model_copy(deep=True)
        ends = []
        for i, t in enumerate(plan.touches):
            ends.append("".join(t.message.split())[-25:])
            t.message += "\n\n" + close
            t.value = " ".join([t.value] * (2 + (i + shift) % 3))
        path = render_playbook_pdf(plan, tmp_path / "touches.pdf", section="touches").path
        pages = [_text(glyphs) for glyphs in _pages(path)]
        assert len(pages) >= 5
        for end in ends:
            page = next(p for p in pages if end in p)
            assert start in page[page.index(end):], (shift, end)


def _scripts_cut(path: Path) -> list[str]:
    """Pages (from 1) that open with a talk track's box, its touch's heading and value on the
    page before, or with the last one or two lines of a text run on from the page before."""
    module = figures()
    pdf = pdfium.PdfDocument(str(path))
    try:
        margins = module.css_margins_mm()
        right = pdf[0].get_width() - margins[1] * MM
        pages = [module.text_lines(page, margins) for page in pdf]
    finally:
        pdf.close()
    found = []
    for n, (before, lines) in enumerate(zip(pages, pages[1:], strict=False), 2):
        if not before or not lines:
            continue
        if "".join(lines[0].text.split()) in ("MESSAGE/TALKTRACK", "TALKTRACK"):
            found.append(f"p. {n}: a box alone at the top: {lines[1].text[:40]}")
            continue
        block = lines[:1]  # the page's first lines, down to the first paragraph's gap
        for line in lines[1:]:
            if line.baseline - block[-1].baseline > 1.6 * line.glyphs[0].size:
                break
            block.append(line)
        if len(block) < min(3, len(lines)) and not block[0].heading and \
                not before[-1].heading and abs(before[-1].left - block[0].left) < 2 and \
                before[-1].right > right - 15 * MM:  # the page before's last line is full
            found.append(f"p. {n}: {len(block)} lines at the top: {block[0].text[:40]}")
    return found


def test_a_touchs_script_starts_on_its_page_and_splits_three_lines_a_side(sample, tmp_path):
    """With values of six lines and more and scripts of varied lengths (the long-text plan), no
    page of the touches opens with a talk track's box alone, its touch's heading and value left
    on the page before (the value's last three lines go with it), nor with the last one or two
    lines of a script or a value carried over: three lines at least stay at either side of a
    break."""
    plan = sample.model_copy(deep=True)
    for i, t in enumerate(plan.touches):
        t.value = " ".join([t.value] * (3 + i % 3))
        t.message = "\n\n".join([t.message] * (1 + i % 3))
    for rep in (None, "Jonas Albrecht"):
        path = render_playbook_pdf(plan, tmp_path / "touches.pdf", rep_name=rep,
                                   section="touches").path
        assert len(pdfium.PdfDocument(str(path))) >= 6
        assert _scripts_cut(path) == [], rep


def test_an_objections_reason_and_response_split_three_lines_a_side(tmp_path):
    """An objection's "Behind it" and its response (what a rep says) never leave their last one
    or two lines to open the next page (the long-text plan's objection library): three lines
    at least stay at either side of a break. Lengths varied put the breaks everywhere."""
    behind = ("They have vibration sensors on a few critical machines and believe the problem "
              "is covered. Switching feels like work and admitting the last choice was wrong.")
    response = ("Ask what the sensors caught last year, and what they missed; then offer the "
                "benchmark for their kind of line, two pages, with the numbers of their peers.")
    cut = []
    for n in (3, 5, 6):
        plan = Plan.model_validate({
            "name": "Flow", "basics": {"goal": "Ten first meetings."},
            "objections": [{"says": f"We already have a supplier ({i}).",
                            "behind": " ".join([behind] * (2 + i * n % 5)),
                            "response": " ".join([response] * (2 + (2 * i + n) % 4))}
                           for i in range(9)]})
        path = render_playbook_pdf(plan, tmp_path / "objections.pdf", section="objections").path
        assert len(pdfium.PdfDocument(str(path))) >= 3
        cut += _scripts_cut(path)
    assert cut == []


def test_a_short_persona_moves_to_the_next_page_whole(sample, leader_pages):
    """A persona under a third of a page is never split: its description, what it cares about,
    what value means to it and the touches for it print on one page (split, the columns ended at
    different heights and a page opened with the right-hand column alone)."""
    checked = 0
    for p in sample.personas:
        touches = [t.title for t in sample.touches if p.id in t.persona_ids]
        starts = [n for n, glyphs in enumerate(leader_pages)
                  if _find(glyphs, _first_words(p.responsibilities))]
        assert starts, p.role
        text = _text(leader_pages[starts[0]])
        after = text[text.index("".join(_first_words(p.responsibilities).split())):]
        for words in (_first_words(p.cares_about[0], 4), _first_words(p.value_means, 5),
                      _last_words(p.value_means, 4), *(touches[-1:])):
            assert "".join(words.split()) in after, (p.role, words)
        checked += 1
    assert checked == len(sample.personas) >= 4


def test_a_long_personas_heading_stays_with_the_first_lines_of_its_columns(sample, tmp_path):
    """With every text four times as long, a persona's heading and description sat at a page's
    foot and its two columns (what it cares about, what value means) moved whole to the next
    page, three pages running: the columns split instead, their first lines with the heading."""
    plan = sample.model_copy(deep=True)
    for p in plan.personas:
        p.responsibilities, p.value_means = (" ".join([text] * 4)
                                             for text in (p.responsibilities, p.value_means))
        p.cares_about = [" ".join([item] * 4) for item in p.cares_about]
    pages = _pages(render_playbook_pdf(plan, tmp_path / "personas.pdf", section="personas").path)
    for p in plan.personas:
        starts = [min(n for n, glyphs in enumerate(pages) if _find(glyphs, _first_words(text, 5)))
                  for text in (p.responsibilities, p.cares_about[0], p.value_means)]
        assert len(set(starts)) == 1, (p.role, starts)


def _lone_first_bullets(pages: list[list[Glyph]]) -> list[int]:
    """Pages (from 1) whose foot holds a list's label and its first bullet alone, the list going
    on at the next page's top."""
    found = []
    for number, glyphs in enumerate(pages[:-1], 1):
        body = [g for g in glyphs if 24 * MM <= g.top and g.bottom <= 277 * MM]
        for x in {round(g.left) for g in body if g.char == "•"}:
            last = max((g for g in body if g.char == "•" and round(g.left) == x),
                       key=lambda g: g.top)
            label = [g for g in body if g.bold and g.size < 8.5 and g.left <= x + 1
                     and x - 6 * MM <= g.left and last.top - 6 * MM < g.baseline < last.top]
            below = [g for g in pages[number] if 24 * MM <= g.top and abs(g.left - x) < 1]
            if label and below and min(below, key=lambda g: g.top).char == "•":
                found.append(number)
    return found


def test_a_lists_first_bullet_is_not_left_alone_at_a_pages_foot(leader_pages, rep_pages):
    """A label ("TOUCHES FOR THIS PERSONA") and one bullet at a page's foot, the rest of the
    list overleaf: the first two bullets (and the last two) stay together."""
    assert _lone_first_bullets(leader_pages) == [] and _lone_first_bullets(rep_pages) == []


def test_only_the_major_parts_start_a_new_page(sample, leader_pages):
    """Chapters run on after the one before, except the parts that open a new page; a page
    that starts a chapter mid-way names it in the next page's head, not its own."""
    starts_page = {}
    for glyphs in leader_pages:
        above = ""  # the text above the chapter's title on its page
        for line in _body_lines(glyphs):
            if max(g.size for g in line) == 26:
                starts_page[_text(line)] = above.isdigit()  # only its number ("03") above it
            above += _text(line)
    major = {"".join(c.title.split()): c.new_page for c in LEADER_CHAPTERS}
    assert set(major) <= set(starts_page)
    assert all(starts_page[title] for title, new_page in major.items() if new_page)
    running_on = [title for title, new_page in major.items() if not starts_page[title]]
    assert running_on and not any(major[title] for title in running_on)


# --- colour ---------------------------------------------------------------------------------------
def _hues(path: Path) -> dict[int, set[int]]:
    """The hues (degrees, in steps of 10) of the clearly coloured pixels of each page at 40 dpi,
    with the pages they are on: greys (the text's cool near-blacks too), paper and pale tints
    are left out."""
    found: dict[int, set[int]] = {}
    for number, page in enumerate(pdfium.PdfDocument(str(path)), 1):
        image = page.render(scale=40 / 72).to_pil().convert("RGB")
        for rgb in set(image.get_flattened_data()):
            if max(rgb) - min(rgb) > 60:  # chroma
                hue = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))[0]
                found.setdefault(round(hue * 36) * 10 % 360, set()).add(number)
    return found


def test_the_playbook_prints_in_greys_the_brand_colour_and_one_accent(sample, tmp_path):
    """With a red brand, nothing is left in another colour: the channels' icons are tints of
    the brand (they were seven colours of their own), merge fields are grey chips (they were
    link blue), warnings and disqualifiers use the one accent (amber)."""
    plan = sample.model_copy(deep=True)
    plan.basics.brand_colour = "#C0392B"  # hue 5 degrees; the accent #B7791F is at 36
    rep = plan.reps[0]
    result = render_playbook_pdf(plan, tmp_path / "red.pdf", rep_name=rep.name)
    hues = _hues(result.path)
    assert {0, 10} & set(hues)
    assert set(hues) <= {0, 10, 30, 40, 350}, {h: sorted(p)[:5] for h, p in hues.items()}


def test_the_ideal_client_profiles_panels_of_a_row_are_equally_tall(sample_leader_pdf):
    """Panels side by side start and end level (a column of short panels beside a long list
    ended 8 cm higher)."""
    panels: list[tuple[int, int]] = []
    for page in pdfium.PdfDocument(str(sample_leader_pdf[0].path)):
        text = page.get_textpage().get_text_range().upper()
        if "INDUSTRIES" not in text and "DISQUALIFIERS" not in text:
            continue
        for item in page.get_objects(max_depth=5):
            if item.type == pdfium_raw.FPDF_PAGEOBJ_PATH:
                left, bottom, right, top = item.get_bounds()
                if 30 * MM < right - left < 120 * MM and top - bottom > 10 * MM:  # a panel
                    panels.append((round(top), round(bottom)))
    assert len(panels) == 5  # industries, company size, geography; triggers, disqualifiers
    assert all(len({b for t, b in panels if t == top}) == 1 for top, _b in panels), panels


def test_panels_taller_than_a_page_print_inside_the_pages(tmp_path):
    """Long ideal-client lists fill more than a page: every line still prints inside a page's
    text area, none above it over the running head (a grid of panels did that)."""
    events = [f"Trigger {i}: a new plant, line or capacity expansion announced in the press, "
              "with permits filed and job ads for maintenance technicians" for i in range(30)]
    plan = Plan.model_validate({"name": "Tall", "ideal_client_profile": {
        "industries": ["Industrial machinery and components"] * 3,
        "company_size": "250 to 3,000 employees", "trigger_events": events,
        "disqualifiers": events[:20]}})
    pages = _pages(render_playbook_pdf(plan, tmp_path / "tall.pdf").path)
    assert sum(bool(_find(glyphs, "Trigger 29:")) for glyphs in pages) == 1
    for number, glyphs in enumerate(pages[1:], 2):
        head = [g for g in glyphs if g.bottom < 24 * MM]
        assert all(g.top > 12 * MM and g.size == 8 for g in head), (number, _text(head))


def test_long_discovery_questions_run_on_under_their_tables_head(sample, tmp_path):
    """With every text four times as long, a question's row runs on to the next page under its
    table's repeated head (persona, "Why we ask", "A good answer tells us") rather than move
    whole: moved whole, the long-text plan's rows left the feet of five pages 25-44% white."""
    plan = sample.model_copy(deep=True)
    for q in plan.questions:
        q.why, q.good_answer = (" ".join([text] * 4) for text in (q.why, q.good_answer))
    pages = _pages(render_playbook_pdf(plan, tmp_path / "questions.pdf",
                                       section="questions").path)
    assert len(pages) >= 3
    for n, glyphs in enumerate(pages[:-1]):
        lines = _body_lines(glyphs)
        assert max(g.bottom for g in lines[-1]) > (297 - 20 - 30) * MM, n  # filled to its foot
    for glyphs in pages[1:]:
        assert "WHYWEASK" in _text(_body_lines(glyphs)[0]), _text(_body_lines(glyphs)[0])


def test_the_objection_library_says_continued_in_the_heads_of_the_pages_it_runs_on_to(
        sample, tmp_path):
    """A page the objection library runs on to says "Objection library (continued)" in its
    head, as a card's does; its first page does not."""
    plan = sample.model_copy(deep=True)
    for o in plan.objections:
        o.response = " ".join([o.response] * 3)
    pages = _pages(render_playbook_pdf(plan, tmp_path / "objections.pdf",
                                       section="objections").path)
    assert len(pages) >= 3
    heads = [_head(glyphs).endswith("OBJECTIONLIBRARY(CONTINUED)") for glyphs in pages]
    assert heads == [False] + [True] * (len(pages) - 1)


def test_no_line_of_an_accounts_facts_starts_or_ends_with_a_dot(sample, tmp_path):
    """With long industries, an account's facts ("injection moulding … · 1,300 employees · EUR
    390M · Wels, Austria · website") wrap: no line starts or ends with a "·" (the long-text
    plan's leader edition ended 16 lines with one)."""
    plan = sample.model_copy(deep=True)
    for a in plan.accounts:
        a.industry = " ".join([a.industry] * 4)
    pages = _pages(render_playbook_pdf(plan, tmp_path / "accounts.pdf", section="accounts").path)
    lines = [_text(line) for glyphs in pages for line in _body_lines(glyphs)]
    assert len(lines) > 100
    assert [line for line in lines if line.startswith("·") or line.endswith("·")] == []


def test_a_contacts_title_or_a_fact_too_long_for_its_line_wraps_with_every_letter_shown(
        sample, tmp_path):
    """A contact's items and an account's facts are joined by drawn dots whose room is clipped at
    a line's start; an item that wrapped within itself lost its next lines' first letters to that
    clip ("fficer", "nstandhaltung": the long-text plan's rep edition; "rsatzteilversorgung" in
    an industry). Every letter of a long title and of a long industry prints inside the card:
    from as far left as the contact's name or the facts' first line, no further, to the text
    area's right edge, and no line starts or ends with a dot."""
    plan = sample.model_copy(deep=True)
    rep = plan.reps[0]
    account = next(a for a in plan.accounts if a.id in rep.account_ids and a.contacts)
    contact = account.contacts[0]
    contact.title = ("Head of Maintenance, Reliability and Instandhaltung for the Linz and Wels "
                     "plants, the spare parts store, the tool shop and the energy management team")
    account.industry = ("Antriebstechnik und Getriebebau für Windkraftanlagen, Schiffsantriebe "
                        "und Industriegetriebe, Instandhaltung und Ersatzteilversorgung weltweit")
    result = render_playbook_pdf(plan, tmp_path / "rep.pdf", rep_name=rep.name, section="accounts")
    right = (210 - 18) * MM + 0.5  # the text area's right edge (00-base.css), and rounding
    checked = 0
    for glyphs in _pages(result.path):
        for name in _find(glyphs, contact.name):
            title = next(hit for hit in _find(glyphs, contact.title) if hit[0].top >= name[0].top)
            industry = next(hit for hit in _find(glyphs, account.industry)
                            if hit[0].bottom <= name[0].top)
            for item, left in ((title, name[0].left), (industry, industry[0].left)):
                assert max(g.bottom for g in item) - min(g.top for g in item) > 1.5 * item[0].size
                assert min(g.left for g in item) >= left - 0.5, _text(item)  # wrapped whole
                assert max(g.right for g in item) <= right, _text(item)
            lines = [_text(line) for line in _body_lines(glyphs)]
            assert [line for line in lines if line.startswith("·") or line.endswith("·")] == []
            checked += 1
    assert checked


# --- call cards ---------------------------------------------------------------------------------
def _call_cards(pages: list[list[Glyph]]) -> list[int]:
    return [i for i, glyphs in enumerate(pages) if "CALLLOG" in _text(glyphs)]


def _card_lines(glyphs: list[Glyph]) -> list[str]:
    """A call card's lines, its title to its call log (its page's text area starts at 17 mm and
    ends 14 mm above the paper's foot; the running head and foot are left out)."""
    inside = [g for g in glyphs if 16.5 * MM <= g.top and g.bottom <= 283 * MM]
    return [_text(line) for _y, line in sorted(_lines(inside).items())]


def call_log_rows(path: Path) -> list[list[float]]:
    """Each call card's writing rows (mm), top to bottom: the space under its log's column labels
    down to the first rule drawn across the "What they said" column, then from rule to rule, the
    last ending at the log's frame. Read from the page's pixels (216 dpi), however they are
    drawn."""
    scale = 3  # pixels a point
    out = []
    for page in pdfium.PdfDocument(str(path)):
        glyphs = _glyphs(page)
        if "CALLLOG" not in _text(glyphs):
            continue
        label = _find(glyphs, "What they said")[-1]
        left = round(label[0].left * scale)
        image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        width, height = image.size
        strip = image.crop((left, 0, left + 40 * scale, height)).load()
        ruled = [y for y in range(round(max(g.bottom for g in label) * scale), height)
                 if sum(strip[x, y] < 235 for x in range(40 * scale)) > 36 * scale]
        rules = [y for i, y in enumerate(ruled) if i == 0 or y - ruled[i - 1] > 1]  # their tops
        edges = [max(g.bottom for g in label) * scale, *rules]
        out.append([(b - a) / scale / MM for a, b in zip(edges, edges[1:], strict=False)])
    return out


def call_log_frame_lines(path: Path) -> list[tuple[float, float]]:
    """Each call card's log frame: how thick (mm) its top and its bottom line print across the
    "What they said" column, read from the page's pixels (216 dpi) as ``call_log_rows`` reads
    the rules."""
    scale = 3  # pixels a point
    out = []
    for page in pdfium.PdfDocument(str(path)):
        glyphs = _glyphs(page)
        if "CALLLOG" not in _text(glyphs):
            continue
        title, label = _find(glyphs, "CALL LOG")[-1], _find(glyphs, "What they said")[-1]
        left = round(label[0].left * scale)
        image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        strip = image.crop((left, 0, left + 40 * scale, image.size[1])).load()
        dark = [y for y in range(round((min(g.top for g in title) - 5 * MM) * scale),
                                 image.size[1])
                if sum(strip[x, y] < 235 for x in range(40 * scale)) > 36 * scale]
        runs = [[dark[0]]]
        for y in dark[1:]:
            if y - runs[-1][-1] > 1:
                runs.append([])
            runs[-1].append(y)
        out.append((len(runs[0]) / scale / MM, len(runs[-1]) / scale / MM))
    return out


def test_a_call_logs_last_row_ends_on_the_frame_alone(sample, tmp_path):
    """With every text four times as long, the log's rows that fit the card's page end on its
    frame: whole rows, the frame's bottom line as thin as its top (the last row's rule doubled
    it), in both editions."""
    plan = sample.model_copy(deep=True)
    for p in plan.personas:
        p.cares_about = [" ".join([item] * 4) for item in p.cares_about]
    for t in plan.touches:
        t.message = " ".join([t.message] * 4)
    for rep in (None, "Jonas Albrecht"):
        path = render_playbook_pdf(plan, tmp_path / "cards.pdf", rep_name=rep,
                                   section="qualification").path
        frames = call_log_frame_lines(path)
        assert frames and len(frames) == len(call_log_rows(path))
        for (top, bottom), rows in zip(frames, call_log_rows(path), strict=True):
            assert bottom <= top + 0.15, (top, bottom)
            assert rows[0] < 1, rows  # the first row's rule, right under the labels
            assert len(rows) >= 4 and all(7 <= row <= 7.6 for row in rows[1:]), rows


def test_no_line_of_a_call_card_starts_or_ends_with_a_dot(rep_pages):
    """A card's lists ("Cares about: … · …", "Your calls: … · …") wrap within their items, never
    at a "·": the COO card's "Cares about" line ended with one (the last fresh-eyes review)."""
    cards = _call_cards(rep_pages)
    lines = [line for i in cards for line in _card_lines(rep_pages[i])]
    assert len(cards) == 4 and len(lines) > 120  # (shorter since a card refers to texts before it)
    assert sum(line.count("·") for line in lines) >= 12  # the lists are printed, dots and all
    assert [line for line in lines if line.startswith("·") or line.endswith("·")] == []


def test_every_call_card_has_a_call_log_of_three_rows_to_write_in(sample_rep_pdf,
                                                                   sample_leader_pdf):
    """A rep writes each call in the card's log: at least three rows of 7 mm or more on every
    card (the COO's and the plant manager's logs had one), each under a rule, the first too:
    without a rule under the labels, the COO card's first row read as the head's white and
    three fresh-eyes reviewers counted two rows."""
    for result in (sample_rep_pdf[0], sample_leader_pdf[0]):
        rows = call_log_rows(result.path)
        assert len(rows) == 4
        for card in rows:
            assert card[0] < 1, card  # the labels, then at once the first row's rule
            assert sum(row >= 7 for row in card[1:]) >= 3, card


def test_a_call_cards_rules_and_boxes_align_with_the_other_pages_text(rep_pages, sample_rep_pdf):
    """A card's rules, boxes and text start and end where the other pages' do: its boxes ran 3 mm
    into the margins, so the page showed three left edges."""
    pages = list(pdfium.PdfDocument(str(sample_rep_pdf[0].path)))
    cards = _call_cards(rep_pages)

    def drawn(number: int) -> tuple[float, float]:  # the left and right edges of rules and tints
        found = [o.get_bounds() for o in pages[number].get_objects(
            filter=[pdfium_raw.FPDF_PAGEOBJ_PATH, pdfium_raw.FPDF_PAGEOBJ_SHADING], max_depth=5)]
        return min(b[0] for b in found), max(b[2] for b in found)

    after = cards[-1] + 1  # the schedule: its weeks' bands run the text's width
    assert "YOURSCHEDULE" in _text(rep_pages[after])
    text_left = min(g.left for g in rep_pages[after] if 24 * MM <= g.top <= 277 * MM)
    for number in cards:
        assert drawn(number) == pytest.approx(drawn(after), abs=0.3), number
        left = min(g.left for g in rep_pages[number] if 16.5 * MM <= g.top <= 283 * MM)
        assert left == pytest.approx(text_left, abs=1.5), number


def test_a_wrapped_schedule_entry_goes_on_under_its_title_not_its_icon(rep_pages):
    # its "(script, p. 14)" started a line under the channel's icon, left of the title
    wrapped = 0
    for glyphs in rep_pages:
        lines = _lines(glyphs)
        baselines = sorted(lines)
        for found in _find(glyphs, "(script, p."):
            if not found[0].starts_line:
                continue
            at = baselines.index(round(found[0].baseline))
            title = lines[baselines[at - 1]][0]  # the line before: the touch's title
            assert abs(found[0].left - title.left) < 1.5, (_text(lines[baselines[at - 1]]))
            wrapped += 1
    assert wrapped  # the sample's rep edition has such entries
