"""The playbook PDFs: rendered once per module, then inspected with pypdf and poppler's tools."""

from __future__ import annotations

import base64
import ctypes
import io
import math
import os
import re
import shutil
import stat
import subprocess
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PIL import Image
from pypdf import PdfReader
from weasyprint import HTML

from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import (
    PlaybookError,
    RepNotFound,
    build_context,
    render_all_reps,
    render_playbook_pdf,
)
from prospector.playbook.fetcher import SafeFetcher
from prospector.resources import assets_dir, sample_plan_path, templates_dir
from tests.conftest import Spy
from tests.pdf_links import linked_touch, touch_links

pytestmark = pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler-utils")

INJECTIONS = [
    '<img src="file:///etc/passwd">',
    "http://evil.example/x.png",
    '<a rel="attachment" href="file:///etc/passwd">attach</a>',
    '<link rel="stylesheet" href="http://evil.example/s.css">',
    "url(file:///etc/shadow)",
]
WORLD = "Ærøskøbing Ελληνικά Кириллица Łódź 東京の工場"


def _tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _overlapping_words(path: Path) -> list[tuple[int, str, str]]:
    """(page, word, word) for words printed on top of each other (poppler's word boxes)."""
    xml = re.sub(r'xmlns="[^"]+"', "", _tool("pdftotext", "-bbox", str(path), "-"), count=1)
    found = []
    for number, page in enumerate(ElementTree.fromstring(xml).iter("page"), 1):
        words = sorted(((float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                         float(w.get("yMax")), w.text or "") for w in page.iter("word")),
                       key=lambda w: w[1])
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b[1] >= a[3]:
                    break  # sorted by top: nothing further down reaches a
                width = min(a[2], b[2]) - max(a[0], b[0])
                height = min(a[3], b[3]) - max(a[1], b[1])
                smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
                if width > 0 and height > 0 and width * height > 0.3 * smaller:
                    found.append((number, a[4], b[4]))
    return found


def _letters_drawn_over_letters(path: Path) -> list[tuple[int, str]]:
    """(page, the text around it) where a letter is drawn over the one before it on its line:
    an inline box shifted left onto its neighbour, which poppler reads as one word ("sessionASK")
    and ``_overlapping_words`` cannot see."""
    found = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for number, page in enumerate(pdf, 1):
            textpage = page.get_textpage()
            chars = textpage.get_text_range()
            boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
            for i in range(1, len(boxes)):
                a_left, a_bottom, a_right, a_top = boxes[i - 1]
                b_left, b_bottom, _, b_top = boxes[i]
                same_line = min(a_top, b_top) - max(a_bottom, b_bottom) > 0.5 * (b_top - b_bottom)
                if (chars[i - 1].strip() and chars[i].strip() and same_line
                        and a_left + 0.1 < b_left < a_right - 1.0):  # (a ligature's share one)
                    found.append((number, chars[max(0, i - 12):i + 4]))
    finally:
        pdf.close()
    return found


def _structure(path: Path) -> list[tuple[str, str | None, int]]:
    """The PDF's structure elements in reading order: (role, its own /Lang, depth)."""
    root = PdfReader(path).trailer["/Root"]["/StructTreeRoot"]
    found: list[tuple[str, str | None, int]] = []

    def walk(node, depth: int) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid, depth)
            return
        if not hasattr(node, "get") or node.get("/Type") in ("/MCR", "/OBJR"):
            return  # a marked-content id, a reference to an annotation
        if "/S" in node:
            lang = node.get("/Lang")
            found.append((str(node["/S"]), str(lang) if lang is not None else None, depth))
        if "/K" in node:
            walk(node["/K"], depth + 1)

    walk(root["/K"], 0)
    return found


def _pdfua_errors(path: Path) -> list[str]:
    from pdfua import Severity, validate  # noqa: PLC0415 - a test dependency, only here

    report = validate(str(path))
    return [f"{f.rule_id} {f.location.describe()}: {f.message}" for f in report.findings
            if f.severity >= Severity.ERROR]


def _text(path: Path) -> str:
    return _tool("pdftotext", "-layout", str(path), "-")


def _allowed(url: str) -> bool:
    roots = (templates_dir().resolve().as_uri(), assets_dir().resolve().as_uri())
    return url.startswith(roots) or url.startswith(("data:image/png", "data:image/jpeg"))


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


@pytest.fixture(scope="module")
def leader_pdf(sample_leader_pdf):
    return sample_leader_pdf


@pytest.fixture(scope="module")
def rep_pdf(sample_rep_pdf):
    return sample_rep_pdf


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory):
    """A small plan with injections in every kind of field, a logo, Letter paper, world text."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#C0392B").save(buffer, format="PNG")
    logo = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    evil = " ".join(INJECTIONS)
    plan = Plan.model_validate({
        "name": f"Plan {WORLD}",
        "basics": {"company": evil, "offering": evil, "owner": "Zoë Ødegård", "goal": evil,
                   "page_size": "Letter", "brand_colour": "#C0392B", "logo": logo},
        "accounts": [{"id": "acc-1", "name": "Acc " + evil, "tier": "A", "why": evil,
                      "website": "http://evil.example/x.png"}],
        "touches": [{"id": "t1", "title": "Touch", "channel": "email", "message": evil}],
        "differentiators": [{"difference": "Diff", "proof": evil, "talk_track": evil}],
        "cadences": [{"name": "Cad", "steps": [{"day": 0, "channel": "email", "touch_id": "t1",
                                                "objective": evil, "is_ask": True}]}],
        "accountability": {"targets": [{"metric": "First meetings", "per_rep": 3}]},
        "reps": [{"name": "Rep " + WORLD, "account_ids": ["acc-1"]}],
    })
    mp = pytest.MonkeyPatch()
    spy = Spy(mp)
    try:
        result = render_playbook_pdf(plan, tmp_path_factory.mktemp("pdf") / "hostile.pdf")
    finally:
        mp.undo()
    return result, spy


# --- the leader's edition ----------------------------------------------------------------------
def test_leader_pdf_pages_metadata_and_tagging(leader_pdf, sample):
    result, _spy, stages = leader_pdf
    assert result.path.is_file() and result.pages > 15 and result.seconds > 0
    reader = PdfReader(result.path)
    assert len(reader.pages) == result.pages
    meta = reader.metadata
    assert meta.title == f"{sample.name}: prospecting playbook"
    assert meta.author == sample.basics.owner
    assert meta.subject.startswith("Prospecting playbook")
    assert sample.basics.offering.endswith(".") and not meta.subject.endswith("..")
    # readable by the team like any new file (umask 022 here), not only by its owner
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o666 & ~_umask()
    info = _tool("pdfinfo", str(result.path))
    assert "Tagged:          yes" in info
    assert "A4" in info
    assert stages[0][1] == 0.0 and stages[-1] == ("Done", 1.0)


def test_leader_pdf_is_compressed_and_small_enough_to_mail(leader_pdf):
    """Its pages and fonts compressed (zlib at its default level, ``pdf_speed``): the sample's
    leader's edition about 0.3 MB; the same streams uncompressed made 1.9 MB."""
    path = leader_pdf[0].path
    reader = PdfReader(path)
    for page in reader.pages:
        contents = page["/Contents"].get_object()
        for stream in contents if isinstance(contents, list) else [contents]:
            assert stream.get_object()["/Filter"] == "/FlateDecode"
    assert path.stat().st_size < 500_000


def test_leader_pdf_has_bookmarks_per_section(leader_pdf):
    outline = PdfReader(leader_pdf[0].path).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles[:3] == ["At a glance", "Contents", "Goal and strategy"]
    assert "Campaign cadence" in titles and "Accountability" in titles


def test_leader_pdf_text(leader_pdf, sample):
    text = _text(leader_pdf[0].path)
    for needle in ("Contents", "Ideal client profile", "Tier A · Dream clients", "Weekly scorecard",
                   sample.accounts[0].name, sample.differentiators[0].difference[:30],
                   sample.cadences[0].name, "Meeting ask"):
        assert needle in text, needle
    assert f"Page 2 of {leader_pdf[0].pages}" in text


def test_sample_editions_have_no_pdf_ua_errors(leader_pdf, rep_pdf):
    """The `pdfua` checker finds no error: the channel icons (aria-hidden) are artifacts, not
    figures without alternative text (UA-13-004: 40 in the leader's edition, 63 in a rep's)."""
    for result in (leader_pdf[0], rep_pdf[0]):
        assert _pdfua_errors(result.path) == [], result.path.name


def test_cover_title_is_the_first_heading_and_no_bookmark(leader_pdf, sample):
    roles = [role for role, _lang, _depth in _structure(leader_pdf[0].path)]
    headings = [r for r in roles if re.fullmatch(r"/H[1-6]", r)]
    assert headings[0] == "/H1"  # the cover's title
    assert "/Figure" in roles  # the cadence timelines keep their alternative text
    outline = PdfReader(leader_pdf[0].path).outline
    chapters = [item for item in outline if not isinstance(item, list)]
    assert chapters[0].title == "At a glance"  # the title is no bookmark


def test_leader_pdf_fonts_are_ours_embedded_and_subset(leader_pdf):
    rows = _tool("pdffonts", str(leader_pdf[0].path)).splitlines()[2:]
    assert rows
    for row in rows:
        assert " yes yes " in row, row  # emb yes, sub yes
    names = " ".join(rows)
    assert "PB-Sans" in names and "PB-Serif" in names


def test_leader_pdf_fetches_only_our_files(leader_pdf):
    _result, spy, _stages = leader_pdf
    assert spy.served and all(_allowed(u) for u in spy.served)
    assert spy.refused == [] and spy.sockets == 0


# --- injections, logo, paper size, scripts ----------------------------------------------------
def test_injected_text_prints_literally_and_fetches_nothing(hostile_pdf):
    result, spy = hostile_pdf
    text = " ".join(_text(result.path).split())
    for injection in INJECTIONS:
        assert injection in text, injection
    assert spy.refused == [] and spy.sockets == 0
    assert all(_allowed(u) for u in spy.served)
    assert any(u.startswith("data:image/png") for u in spy.served)  # the logo
    assert "0 embedded files" in _tool("pdfdetach", "-list", str(result.path))
    outside = [u for u in spy.served if not _allowed(u)]
    print(f"\nhostile text in the PDF: {len(INJECTIONS)} of {len(INJECTIONS)} injections printed "
          f"literally, {len(outside)} fetches outside templates/ and assets/, "
          f"{len(spy.refused)} refused, {spy.sockets} sockets, 0 embedded files")


def test_letter_paper_and_world_scripts(hostile_pdf):
    result, _spy = hostile_pdf
    assert "letter" in _tool("pdfinfo", str(result.path)).lower()
    assert WORLD in _text(result.path)
    for row in _tool("pdffonts", str(result.path)).splitlines()[2:]:
        assert " yes yes " in row, row


def test_text_in_other_scripts_is_tagged_with_its_language(hostile_pdf):
    """Greek, Russian and Japanese text in an English playbook: each run is a /Span with its
    /Lang in the structure tree, so a screen reader reads it in the right language."""
    result, _spy = hostile_pdf
    elements = _structure(result.path)
    langs = {lang for _role, lang, _depth in elements if lang}
    assert {"el", "ru", "ja"} <= langs, langs
    assert all(role == "/Span" for role, lang, _depth in elements if lang)
    assert langs <= {"el", "ru", "ja"}  # Latin text (Łódź, Ærøskøbing) keeps the document's
    assert PdfReader(result.path).trailer["/Root"]["/Lang"] == "en"


def test_raw_html_injection_is_stopped_by_the_fetcher(tmp_path):
    """Defence in depth: even HTML that reaches WeasyPrint unescaped reads nothing."""
    fetcher = SafeFetcher()
    html = ('<p>x</p><img src="file:///etc/passwd"><img src="http://evil.example/x.png">'
            '<a rel="attachment" href="file:///etc/passwd">a</a>'
            '<link rel="stylesheet" href="file:///etc/passwd">')
    out = tmp_path / "raw.pdf"
    HTML(string=html, base_url=str(templates_dir()), url_fetcher=fetcher).write_pdf(out)
    assert fetcher.served == []
    assert "file:///etc/passwd" in fetcher.refused
    assert "http://evil.example/x.png" in fetcher.refused
    assert "0 embedded files" in _tool("pdfdetach", "-list", str(out))


# --- the rep's edition ------------------------------------------------------------------------
def test_rep_pdf_has_only_that_reps_accounts_and_weekday_dates(rep_pdf, sample):
    result, rep = rep_pdf
    text = _text(result.path)
    mine = {sample.account(a).name for a in rep.account_ids}
    others = {a.name for a in sample.accounts} - mine
    assert all(name in text for name in mine)
    assert not any(name in text for name in others)
    assert "Wed 13 Jan" in text  # the start day
    assert "Sat " not in text and "Sun " not in text
    assert PdfReader(result.path).metadata.title.endswith(f"playbook for {rep.name}")


def test_no_text_is_printed_over_other_text(leader_pdf, rep_pdf):
    """A card pushed to the next page once printed its floated columns twice, one copy over its
    heading (WeasyPrint and floats in a block that avoids breaks): the columns are flex now."""
    for result in (leader_pdf[0], rep_pdf[0]):
        assert _overlapping_words(result.path) == [], result.path.name


def test_no_letter_is_printed_over_another(leader_pdf, rep_pdf):
    """Inline labels (the "Ask" pill in the rep's schedule) sit after their text, not on it: the
    schedule's hanging indent once pulled the pill's letters over the touch's title."""
    for result in (leader_pdf[0], rep_pdf[0]):
        assert _letters_drawn_over_letters(result.path) == [], result.path.name


# --- the cadences: each script printed once, steps that link to it, the chart ---------------
def _pages(path: Path) -> list[list[str]]:
    """Each page's lines (poppler's reading order), blank lines left out."""
    return [[ln for ln in page.splitlines() if ln.strip()]
            for page in _tool("pdftotext", str(path), "-").split("\f")]


def _body(lines: list[str], plan: Plan) -> str:
    """A page's text without its running heads and feet, whitespace folded."""
    running = re.compile(r"Page \d+ of \d+|[^a-z]+")  # "CAMPAIGN CADENCE", "PROSPECTING PLAYBOOK"
    return " ".join(" ".join(ln for ln in lines
                             if ln != plan.name and not running.fullmatch(ln)).split())


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s) >= 25]


def test_each_script_is_printed_once_in_the_leaders_edition(leader_pdf, sample):
    """Once, in the touches chapter: the cadence tables no longer repeat it. A phone script's
    opening is on the call cards instead (several personas' cards may print it: together they
    count once), and the script refers to the card."""
    pages = _pages(leader_pdf[0].path)
    on_cards = [any("CALL CARDS" in ln for ln in lines[:3]) for lines in pages]

    def joined(cards: bool) -> str:  # pdftotext joins "know-|how" broken at a line's end
        return " ".join(_body(lines, sample) for lines, card in zip(pages, on_cards, strict=True)
                        if card == cards).replace("-", "")

    text, cards = joined(False), joined(True)
    checked = opened = 0
    for touch in sample.touches:
        paragraphs = touch.message.replace("-", "").split("\n\n")  # the opening: the first
        for sentence in (s for para in paragraphs for s in _sentences(para)):
            count = text.count(sentence) + (sentence in cards)
            assert count == 1, (touch.title, sentence, count)
            checked += 1
            opened += sentence in cards
    assert checked > 20 and opened >= 1  # the first call's opening (an ask opens no card)
    cadence_pages = " ".join(_body(lines, sample) for lines in pages
                             if any("CAMPAIGN CADENCE" in ln for ln in lines[:3]))
    assert re.search(r"p\. \d+", cadence_pages) and not any(
        s in cadence_pages for t in sample.touches for s in _sentences(t.message))


def _step_links(path: Path) -> list[tuple[int, str, int, str]]:
    """(page, touch id, page the link leads to, the words printed where the link is) for each
    link to a touch's card, pages numbered from 1."""
    reader = PdfReader(path)
    found: dict[tuple[int, str, int], list[float]] = {}
    targets: dict[str, int] = {}
    for number, dest, target, (x1, y1, x2, y2) in touch_links(path):
        targets[dest] = target
        key = (number, dest, round(max(y1, y2)))
        box = found.setdefault(key, [x1, min(y1, y2), x2, max(y1, y2)])
        box[0], box[2] = min(box[0], x1), max(box[2], x2)  # "p. " and its number
    out = []
    for (number, dest, _y), (x1, y1, x2, y2) in found.items():
        height = float(reader.pages[number - 1].mediabox.height)
        words = _tool("pdftotext", "-f", str(number), "-l", str(number), "-r", "72",
                      "-x", str(int(x1) - 1), "-y", str(int(height - y2) - 1),
                      "-W", str(int(x2 - x1) + 3), "-H", str(int(y2 - y1) + 2), str(path), "-")
        out.append((number, linked_touch(dest), targets[dest],
                    " ".join(words.split())))
    return out


def test_each_step_links_to_the_page_that_holds_its_script(leader_pdf, rep_pdf, sample):
    rep = rep_pdf[1]
    for path, rep_name in ((leader_pdf[0].path, None), (rep_pdf[0].path, rep.name)):
        context = build_context(sample, rep_name=rep_name, start=date(2027, 1, 13))
        steps = [s for c in context["cadences"] for s in c["steps"] if s["has_script"]]
        pages = _pages(path)
        # the cadence tables' links (call cards and the rep's schedule link to scripts too)
        cadence_pages = {n for n, lines in enumerate(pages, 1) if any(
            head in ln for ln in lines[:3] for head in ("CAMPAIGN CADENCE", "YOUR CAMPAIGN"))}
        links = [link for link in _step_links(path) if link[0] in cadence_pages]
        assert len(links) == len(steps) > 10, path.name
        # what the touches chapter prints of each script (an opening on a call card: left out)
        scripts = {t["id"]: t["message"] for g in context["channels"] for t in g["touches"]}
        for page, touch_id, target, words in links:
            touch = sample.touch(touch_id)
            assert words == f"p. {target}", (path.name, page, words, target)
            held = _body(pages[target - 1], sample)
            # the script starts there (its card's heading may be on the page before)
            assert " ".join(scripts[touch_id].split())[:40] in held, (touch.title, target)


def test_cadence_steps_never_split_across_pages_and_their_header_repeats(leader_pdf, rep_pdf):
    """A step's row is whole on one page: never a page that opens with the end of a row whose
    #, Day and Channel stayed on the page before; each page of a table repeats its header."""
    header = re.compile(r"#\s+DAY\s+CHANNEL\s+TOUCH AND OBJECTIVE\s+SCRIPT")
    row = re.compile(r"\s*\d+\s+Day \d+\b")
    for path, chapter in ((leader_pdf[0].path, "CAMPAIGN CADENCE"),
                          (rep_pdf[0].path, "YOUR CAMPAIGN")):
        pages = _tool("pdftotext", "-layout", str(path), "-").split("\f")
        rows = 0
        for number, page in enumerate(pages, 1):
            lines = [ln for ln in page.splitlines() if ln.strip()]
            if not lines or chapter not in lines[0]:
                continue
            heads = [i for i, ln in enumerate(lines) if header.search(ln)]
            starts = [i for i, ln in enumerate(lines) if row.match(ln)]
            rows += len(starts)
            if starts:
                assert heads and heads[0] < starts[0], (path.name, number)
            for i in heads:
                following = lines[i + 1:i + 3]
                assert following and row.match(following[0]), (path.name, number, following)
        assert rows > 10, path.name


def test_the_cadence_chart_prints_its_text_at_8_pt_unscaled(leader_pdf):
    """The chart is drawn at its printed size: its week labels and key come out at 8 pt, not
    shrunk with the picture (they printed at 6.7 pt)."""
    pdf = pdfium.PdfDocument(str(leader_pdf[0].path))
    sizes = []
    for page in pdf:
        textpage = page.get_textpage()
        for needle in ("Meeting ask",):  # words only the chart prints: its key, once a chart
            search = textpage.search(needle, match_case=True, match_whole_word=True)
            while hit := search.get_next():
                matrix = pdfium_raw.FS_MATRIX()
                pdfium_raw.FPDFText_GetMatrix(textpage, hit[0], ctypes.byref(matrix))
                scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
                sizes.append(pdfium_raw.FPDFText_GetFontSize(textpage, hit[0]) * scale)
    assert len(sizes) >= 2 and all(abs(s - 8) < 0.05 for s in sizes), sizes


def test_a_rep_can_be_named_without_accents(sample, tmp_path):
    rep = next(r for r in sample.reps if r.name != r.name.encode("ascii", "ignore").decode())
    plain = rep.name.replace("ø", "o").replace("Ø", "O")
    assert plain != rep.name
    context = build_context(sample, rep_name=plain, start=date(2027, 1, 11))
    assert context["rep"].name == rep.name


def test_unknown_rep_is_a_clear_error(sample, tmp_path):
    with pytest.raises(RepNotFound, match=sample.reps[0].name):
        render_playbook_pdf(sample, tmp_path / "x.pdf", rep_name="Nobody Atall")
    assert not list(tmp_path.iterdir())


def test_missing_folder_is_a_clear_error(sample, tmp_path):
    with pytest.raises(PlaybookError, match="does not exist"):
        render_playbook_pdf(sample, tmp_path / "nope" / "x.pdf")


def test_render_all_reps_in_two_processes(tmp_path):
    plan = Plan.model_validate({
        "name": "Two reps",
        "accounts": [{"id": "a1", "name": "Alpha AG", "tier": "A"},
                     {"id": "a2", "name": "Beta BV", "tier": "B"}],
        "cadences": [{"name": "All", "steps": [{"day": 0, "channel": "phone"},
                                               {"day": 5, "channel": "email", "is_ask": True}]}],
        "reps": [{"name": "Jürgen Groß", "account_ids": ["a1"]},
                 {"name": "Beth O'Neil", "account_ids": ["a2"]}],
    })
    seen: list[float] = []
    stages: list[str] = []
    results = render_all_reps(plan, tmp_path / "out", start=date(2027, 3, 6), processes=2,
                              progress=lambda s, f: seen.append(f) or stages.append(str(s)))
    assert [r.path.name for r in results] == ["two-reps-playbook-jurgen-gross.pdf",
                                              "two-reps-playbook-beth-o-neil.pdf"]
    assert "Alpha AG" in _text(results[0].path) and "Beta BV" not in _text(results[0].path)
    # starts Saturday 6 March: the account starts Monday 8; day 5 is Saturday 13 -> Monday 15
    rep_text = _text(results[1].path)
    assert "Mon 8 Mar" in rep_text and "Mon 15 Mar" in rep_text
    assert seen[-1] == 1.0 and seen == sorted(seen)
    # the bar moves as the workers lay the pages out, not only when a rep is done (it stayed
    # at 1% until then)
    first_done = next(i for i, s in enumerate(stages) if s.startswith("Rendered"))
    assert any(0 < f < 1 for f in seen[:first_done])


def test_render_all_reps_needs_reps(tmp_path):
    with pytest.raises(PlaybookError, match="no reps"):
        render_all_reps(Plan(name="Nobody"), tmp_path)


def test_a_long_contents_entry_wraps_clear_of_its_page_number(tmp_path):
    """The contents' right-aligned page number once sat on a long sub-entry's last word
    ("campaig62"): the entry keeps room on the right for the number."""
    data = read_plan_file(sample_plan_path()).model_dump(mode="json")
    for cadence in data["cadences"]:
        cadence["name"] = " ".join([cadence["name"]] * 4)
    result = render_playbook_pdf(Plan.model_validate(data), tmp_path / "long.pdf")
    contents = [page for page, *_ in _overlapping_words(result.path)]
    assert 2 not in contents and 3 not in contents, _overlapping_words(result.path)


def test_the_reps_cover_spreads_its_three_numbers_over_the_width(rep_pdf):
    """Three key numbers in a four-column grid left the rep's cover a quarter empty on the right:
    the grid fits the count, each number over one of the three facts' columns below it (inset
    by its tinted band's padding)."""
    cover = _tool("pdftotext", "-bbox", "-l", "1", str(rep_pdf[0].path), "-")
    xml = re.sub(r'xmlns="[^"]+"', "", cover, count=1)
    words = [(w.text or "", float(w.get("xMin")), float(w.get("yMax")) - float(w.get("yMin")))
             for w in ElementTree.fromstring(xml).iter("word")]
    numbers = [x for text, x, height in words if text.isdigit() and height > 30][-3:]
    facts = [x for text, x, _ in words if text in ("PREPARED", "SCHEDULE", "CAMPAIGN")]
    assert len(numbers) == 3 and len(facts) == 3
    inset = 8 * 72 / 25.4
    assert all(f <= n < f + inset for n, f in zip(numbers, facts, strict=True)), (numbers, facts)
