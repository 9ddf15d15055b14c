"""Very large plans print in a reduced form that says so (prospector/playbook/limits.py).

Fast on purpose: the thresholds are checked on the HTML (``render_playbook_html``); one small
real PDF (the sample with a long note) goes through the CLI. The time and memory of 2,000 and
20,000 accounts are measured by bench/bench_large_pdf.py, not here.
"""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pydyf
from pypdf import PdfReader
from weasyprint import HTML

from prospector import playbook, render_job
from prospector.cli import main
from prospector.model import Plan, TargetAccount
from prospector.planfile import plan_to_document, read_plan_file, write_plan_file
from prospector.playbook import (
    RenderResult,
    build_context,
    context,
    parse_speed,
    pdf_speed,
    progress,
    render_playbook_html,
)
from prospector.playbook.limits import (
    ACCOUNT_TEXT,
    CARD_LIMIT,
    FINDING_LIMIT,
    SCHEDULE_TOUCH_LIMIT,
    SCORECARD_PAGES,
    SCORECARD_TARGETS,
    cut_point,
    phrase_point,
)
from prospector.playbook.progress import weasyprint_progress
from prospector.resources import sample_plan_path
from prospector.wording import unbroken_legal_form

ROOT = Path(__file__).resolve().parent.parent
NOTE_START = "Met their plant manager at the Hannover fair. "


def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def grown(accounts: int, *, one_rep: bool = False) -> Plan:
    """The sample with ``accounts`` generated accounts (a third each in tiers A, B, C), shared
    by its reps or all held by its first rep."""
    doc = plan_to_document(sample())
    doc["accounts"] = [{"id": f"acc-{i:05d}", "name": f"Generated Account {i:05d} GmbH",
                        "tier": "ABC"[i % 3], "industry": "Packaging", "city": "Linz",
                        "country": "Austria", "why": "Fits the profile.", "notes": "Fair lead."}
                       for i in range(accounts)]
    reps = doc["reps"][:1] if one_rep else doc["reps"]
    for r, rep in enumerate(reps):
        rep["account_ids"] = [a["id"] for i, a in enumerate(doc["accounts"])
                              if one_rep or i % len(reps) == r]
    doc["reps"] = reps
    return Plan.model_validate(doc)


def with_note(note: str) -> Plan:
    plan = sample()
    plan.accounts[0].notes = note
    return plan


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("\u200b", "")


def test_an_ordinary_plan_prints_in_full_and_says_nothing():
    context = build_context(sample())
    assert context["reductions"].notes() == []
    html = render_playbook_html(sample())
    assert 'class="account"' in html and "arow" not in html and "shortened" not in html


def test_above_the_card_limit_every_account_is_one_line():
    plan = grown(CARD_LIMIT + 1)
    html = render_playbook_html(plan)
    rows = [r.replace("\xa0", " ")  # "… GmbH": a legal form never ends a line
            for r in re.findall(r'<div class="arow"[^>]*><b>([^<]+)</b>', html)]
    assert sorted(rows) == sorted(a.name for a in plan.accounts)  # every name, once
    assert 'class="account"' not in html  # no cards
    text = text_of(html)
    assert "This edition is shortened for print" in text
    assert f"The {CARD_LIMIT + 1:,} accounts are printed as a compact list" in text
    row = next(r for r in re.findall(r'<div class="arow"[^>]*>.*?</div>', html))
    assert "Linz, Austria" in row and "Packaging" in row  # the facts that fit on one line
    plan.accounts[0].industry = "Packaging " * 1000  # a fact too long for a line: cut with …
    name = plan.accounts[0].name
    line = text_of(re.search(rf'<div class="arow"[^>]*><b>{unbroken_legal_form(name)}</b>.*?</div>',
                             render_playbook_html(plan)).group(0))
    assert "Packaging Packaging" in line and "…" in line and len(line) < 260  # 80 of industry
    at_limit = build_context(grown(CARD_LIMIT))  # up to the limit: cards, nothing left out
    assert not at_limit["compact"] and at_limit["reductions"].notes() == []
    html = render_playbook_html(grown(CARD_LIMIT))
    assert html.count('<div class="account"') == CARD_LIMIT and "arow" not in html


def test_the_compact_list_stops_at_its_line_limit_tier_a_first(monkeypatch):
    monkeypatch.setattr(context, "ACCOUNT_LINE_LIMIT", 450)  # 25,000 in use: too slow here
    plan = grown(600)  # 200 accounts in each tier
    html = render_playbook_html(plan)
    rows = [r.replace("\xa0", " ")
            for r in re.findall(r'<div class="arow"[^>]*><b>([^<]+)</b>', html)]
    assert len(rows) == 450
    tier_a = sorted(a.name for a in plan.accounts if a.tier == "A")
    assert sorted(rows[:200]) == tier_a  # the dream clients are all there
    text = text_of(html)
    assert "… and 150 more tier C accounts, not printed" in text
    assert "600 accounts are printed as a compact list" in text
    assert "The list stops after 450 accounts (tier A first); the other 150 are" in text
    assert text.count("200 accounts.") == 3  # each tier's heading counts all its accounts


def test_a_15_mb_note_is_cut_with_a_marker_and_its_start_is_printed():
    note = (NOTE_START * (15 * 1024 * 1024 // len(NOTE_START) + 1))[:15 * 1024 * 1024]
    html = render_playbook_html(with_note(note))
    assert len(html) < 1_000_000  # not 15 MB of HTML for WeasyPrint to lay out
    text = text_of(html)
    kept = note[:phrase_point(note, ACCOUNT_TEXT)].rstrip()  # after a sentence
    assert kept in text and len(kept) > ACCOUNT_TEXT - 50 and kept.endswith("fair.")
    left_out = len(note) - phrase_point(note, ACCOUNT_TEXT)
    assert f"[… {left_out:,} more characters not printed: the full text is in the plan" in text
    assert re.search(r'<span class="cut">', html)
    assert "the notes of" in text and "long text is cut short" in text  # on the contents page


def test_a_french_edition_names_its_cut_texts_and_marks_the_cuts_in_french():
    plan = with_note(NOTE_START * 100)  # 4,700 characters: a card prints 2,000
    plan.accounts[0].why = NOTE_START * 100
    name = plan.accounts[0].name
    text = text_of(render_playbook_html(plan, language="fr"))
    # the contents page lists the texts cut short by the edition's words for them
    assert (f"2 textes longs sont abrégés, marqués à l’endroit de la coupe (pourquoi {name} est "
            f"un compte cible, les notes sur {name})") in text
    assert "caractères de plus non imprimés : le texte complet est dans le plan (à ouvrir" in text
    assert "notes of" not in text and "more characters" not in text


def test_a_cut_never_splits_a_character_from_its_marks_or_a_flag():
    accented = "e\u0301" * 3000  # é as e + combining acute: the limit falls between the two
    end = cut_point(accented, ACCOUNT_TEXT + 1)
    assert accented[end] == "e" and end <= ACCOUNT_TEXT + 1
    flags = "\U0001F1E9\U0001F1EA" * 2000  # 🇩🇪: a pair of regional indicators
    assert cut_point(flags, 1001) % 2 == 0
    words = "word " * 1000
    assert words[:cut_point(words, 1002)].endswith("word")  # between words when one is near
    html = render_playbook_html(with_note("Ré" + accented))
    head = text_of(html).split("Ré", 1)[1].split(" [… ")[0]
    assert head.endswith("e\u0301") and not head.endswith("\u0301\u0301")


def test_long_plan_texts_and_talk_tracks_are_cut_too():
    plan = sample()
    plan.basics.strategy = "Win the plants. " * 100_000
    plan.touches[0].message = "Hi {{first_name}}, " + "x" * 500_000
    plan.basics.company = "Big " * 300_000  # printed on the cover and in an attribute
    html = render_playbook_html(plan)
    assert len(html) < 500_000
    text = text_of(html)
    assert "Win the plants." in text and "the strategy" in text
    assert '<span class="merge">{{first_name}}</span>' in html  # a cut message keeps its fields
    assert 'alt="Big Big' not in html or "<span" not in html.split('alt="', 1)[1].split('"')[0]


def test_a_huge_rep_schedule_prints_whole_weeks_then_says_where_the_rest_is():
    plan = grown(CARD_LIMIT, one_rep=True)
    rep = plan.reps[0]
    context = build_context(plan, rep_name=rep.name)
    printed = sum(w["count"] for w in context["weeks"])
    rest = context["schedule_rest"]
    assert printed <= SCHEDULE_TOUCH_LIMIT and rest["rest"] > 0
    assert printed + rest["rest"] == context["stats"][1][0]  # every scheduled touch counted
    text = text_of(render_playbook_html(plan, rep_name=rep.name))
    assert "The rest of your schedule" in text
    assert f"hold {rest['rest']:,} more touches" in text
    assert "calendar or task list" in text


def test_long_lists_of_names_stop_with_how_many_more():
    plan = grown(CARD_LIMIT, one_rep=True)
    plan.cadences = []  # no account has a cadence: the rep's "No cadence fits ..." list
    text = text_of(render_playbook_html(plan, rep_name=plan.reps[0].name))
    line = next(ln for ln in text.splitlines() if "No cadence fits" in ln)
    assert f"and {CARD_LIMIT - 20:,} more" in line and line.count("Generated Account") == 20


def test_progress_moves_through_the_layout_page_by_page():
    seen: list[tuple[str, float]] = []
    with weasyprint_progress(lambda stage, f: seen.append((stage, f)), expected_pages=4):
        document = HTML(string="<p style='break-after: page'>x</p>" * 4).render()
        document.write_pdf()
    stages = [s for s, _ in seen]
    assert len(document.pages) == 4
    assert "Applying the styles" in stages and "Laying out page 1" in stages
    assert "Writing page 1 of 4" in stages
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and 0.1 < fractions[-1] < 1


def test_a_layout_made_again_moves_the_bar_on_and_writing_counts_its_pages(monkeypatch):
    # the playbook laid out twice (second_layout.py), 5 pages then 4: the bar stood still
    # through the second layout, then said "Writing page 3 of 5"
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    seen: list[tuple[str, float]] = []
    with weasyprint_progress(lambda stage, f: seen.append((stage, f)), expected_pages=5):
        HTML(string="<p style='break-after: page'>x</p>" * 5).render()
        first = len(seen)
        document = HTML(string="<p style='break-after: page'>x</p>" * 4).render()
        document.write_pdf()
    again = [f for s, f in seen[first:] if s.startswith("Laying out page")]
    assert len(again) == 4 and again == sorted(set(again))  # each page moves the bar
    written = [s for s, _f in seen if s.startswith("Writing page")]
    assert written and all(s.endswith(" of 4") for s in written)


def test_the_render_job_hands_the_notes_to_the_app(tmp_path, monkeypatch, capsys):
    def fake_render(plan, out, **_):
        return RenderResult(Path(out), 3, 0.1, {"layout": 0.1}, ("Accounts are lines.",))

    monkeypatch.setattr(playbook, "render_playbook_pdf", fake_render)
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"plan": plan_to_document(sample()), "out": str(tmp_path / "a.pdf"),
                               "rep": None, "start": None}), "utf-8")
    assert render_job.run(str(job)) == 0
    lines = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert lines[0]["stage"] == "Reading the plan"  # the bar moves from the first moment
    assert lines[-1]["notes"] == ["Accounts are lines."] and lines[-1]["pages"] == 3


def test_the_export_s_progress_reads_in_the_app_s_language(tmp_path, monkeypatch, capsys):
    """The export dialog shows the job's stages as they come: in German, from the first line
    to the pages WeasyPrint lays out and writes."""
    def fake_render(plan, out, *, progress, **_):
        with weasyprint_progress(progress, expected_pages=2):
            HTML(string="<p style='break-after: page'>x</p>" * 2).render().write_pdf()
        return RenderResult(Path(out), 2, 0.1, {"layout": 0.1}, ())

    monkeypatch.setattr(playbook, "render_playbook_pdf", fake_render)
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"plan": plan_to_document(sample()), "out": str(tmp_path / "a.pdf"),
                               "language": "de"}), "utf-8")
    assert render_job.run(str(job)) == 0
    stages = [json.loads(ln).get("stage") for ln in capsys.readouterr().out.splitlines()]
    assert stages[:2] == ["Plan wird gelesen", "PDF-Erzeugung wird geladen"]
    assert {"Gestaltung wird angewendet", "Seite 1 wird gesetzt",
            "Seite 1 von 2 wird geschrieben"} <= set(stages)


def tiny(note: str = "") -> Plan:
    """A plan of one account: the quickest real PDF."""
    return Plan(name="Tiny plan", accounts=[TargetAccount(name="Acme GmbH", notes=note)])


def test_the_cli_prints_a_shortened_playbook_and_says_so_on_one_line(tmp_path, capsys):
    plan_file = write_plan_file(tiny(NOTE_START * 2_000), tmp_path / "plan.json")
    out = tmp_path / "playbook.pdf"
    stale = tmp_path / ".playbook.pdf.999999999.0badc0de.tmp"  # left by a killed render
    stale.write_bytes(b"%PDF-1.7 half")
    code = main(["pdf", str(plan_file), "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and "Wrote" in captured.out
    notes = [ln for ln in captured.err.splitlines() if ln.strip()]
    assert len(notes) == 1 and notes[0].startswith("prospector: note: the playbook is shortened")
    assert "cut short" in notes[0]
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "more characters not printed" in re.sub(r"\s+", " ", text)
    assert not stale.exists()


def test_while_the_pdf_is_made_nothing_is_at_the_destination_to_cancel_half_way(tmp_path):
    """Cancel kills the render process. From "Writing the PDF" until "Saving the file" (the
    long part of a large render) the destination folder must hold nothing of the playbook, so
    a kill then leaves nothing; the file appears complete at the end."""
    out = tmp_path / "out" / "playbook.pdf"
    out.parent.mkdir()
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"plan": plan_to_document(tiny()), "out": str(out),
                               "rep": None, "start": None}), "utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "prospector.render_job", str(job)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    lines: queue.Queue = queue.Queue()
    reader = threading.Thread(
        target=lambda: [lines.put(ln) for ln in proc.stdout] + [lines.put("")])
    reader.start()
    # A file seen is counted once the next line arrives: the job says "Saving the file" before
    # it creates its temp file, so a file that belongs to the save comes before that line.
    making, seen_while_making, seen, stages = False, set(), set(), []
    while True:
        try:
            line = lines.get(timeout=0.002)
        except queue.Empty:
            line = None
        if making:
            seen.update(p.name for p in out.parent.iterdir())
        if line == "":
            break
        if line:
            stage = json.loads(line).get("stage", "")
            stages.append(stage)
            if stage != "Saving the file":
                seen_while_making |= seen
            seen = set()
            making = stage.startswith("Writing") or (making and stage != "Saving the file")
    seen_while_making |= seen
    reader.join()
    proc.wait()
    assert "Writing the PDF" in stages and seen_while_making == set()
    assert [p.name for p in out.parent.iterdir()] == ["playbook.pdf"]
    assert len(PdfReader(out).pages) > 3


def test_tagged_pdfs_get_page_references_without_rebuilding_them():
    assert pdf_speed.install()
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert first is pdf.page_references  # built once, not per structure element
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert pdf.page_references == tuple(f"{n} 0 R".encode() for n in pdf.pages["Kids"][::3])
    assert len(pdf.page_references) == 4


def test_the_readiness_appendix_prints_the_first_findings_and_counts_the_rest():
    plan = grown(CARD_LIMIT)
    for account in plan.accounts:
        account.why = ""  # one finding per account
    html = render_playbook_html(plan, readiness=True)
    shown = html.count('<div class="finding ')
    assert shown == FINDING_LIMIT
    more = int(re.search(r"and ([\d,]+) more findings", html).group(1).replace(",", ""))
    assert more >= CARD_LIMIT - FINDING_LIMIT


def test_the_scorecard_keeps_to_the_targets_a_page_holds():
    plan = sample()
    target = plan.accountability.targets[0]
    plan.accountability.targets = [target.model_copy(update={"metric": f"Metric {i}"})
                                   for i in range(40)]
    html = render_playbook_html(plan)
    scorecards = [part.split("</table>", 1)[0]
                  for part in html.split('<table class="scorecard">')[1:]]
    assert len(scorecards) == SCORECARD_PAGES
    assert all(page.count('<span class="goal">') == SCORECARD_TARGETS for page in scorecards)
    shown = SCORECARD_PAGES * SCORECARD_TARGETS
    assert f"prints the first {shown} targets; the other {40 - shown} are in the table" in html


_PEAK_OF_CHILD = """
import resource, subprocess, sys
child = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, check=False)
sys.stdout.write(child.stdout.decode("utf-8"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(child.returncode)
"""


def test_2000_accounts_print_as_the_app_prints_them_within_the_memory_budget(tmp_path, capsys):
    """The 2,000-account leader's edition through the render job the app runs, in its own
    process: its pages and its peak memory (a property of the code, not of the machine's
    speed; the time is printed, never checked: bench/bench_large_pdf.py holds the budgets)."""
    job = tmp_path / "job.json"
    out = tmp_path / "leader.pdf"
    job.write_text(json.dumps({"plan": plan_to_document(grown(2_000)), "out": str(out),
                               "rep": None, "start": None}), "utf-8")
    started = time.monotonic()
    # started by a small process, whose children's peak it reports: a child of this test's
    # process is counted from its fork on, with this process's memory (Linux records the memory
    # left at exec), and the suite's worker had grown past the budget by itself
    process = subprocess.run([sys.executable, "-c", _PEAK_OF_CHILD, sys.executable, "-m",
                              "prospector.render_job", str(job)],
                             capture_output=True, cwd=ROOT, check=False)
    seconds = time.monotonic() - started
    *lines, peak = process.stdout.decode("utf-8").splitlines()
    done = json.loads(lines[-1])
    peak_mb = int(peak) / 1024
    with capsys.disabled():
        print(f"\nlarge plan PDF: 2,000 accounts, leader's edition: {done['pages']} pages in "
              f"{seconds:.1f} s, peak {peak_mb:.0f} MB (budgets 30 s and 600 MB; 20,000 "
              "accounts: bench/bench_large_pdf.py)")
    assert process.returncode == 0 and done["done"] == [str(out)]
    assert done["pages"] < 120 and "compact list" in " ".join(done["notes"])
    assert peak_mb < 600


def test_the_html_parser_keeps_its_expressions_and_parses_the_same_tree():
    """``parse_speed``: tinyhtml5 made its text-scanning expressions again at every call; kept,
    the playbook's HTML parses to the very same tree."""
    import tinyhtml5  # noqa: PLC0415 - WeasyPrint's parser
    from tinyhtml5 import inputstream  # noqa: PLC0415

    html = render_playbook_html(grown(CARD_LIMIT))
    original = inputstream.characters_until_regex
    inputstream.characters_until_regex = {}
    try:
        before = ElementTree.tostring(tinyhtml5.parse(html, namespace_html_elements=False))
        assert parse_speed.install()
        kept = inputstream.characters_until_regex
        after = ElementTree.tostring(tinyhtml5.parse(html, namespace_html_elements=False))
        # filed under the stop characters asked for (tinyhtml5 filed them under the expression)
        assert kept and not any(isinstance(key[0], re.Pattern) for key in kept)
    finally:
        inputstream.characters_until_regex = original
        parse_speed.install()
    assert after == before
