"""Plan text that WeasyPrint could not lay out as it was (found by tests/test_properties.py), and
how the renderer prints it now:

- a very long run without spaces (a pasted URL, token or blob) took time growing with the square
  of its length: 190 s for 100,000 characters in the goal; with a float beside it (an account's
  owner label) minutes for 20,000, and for a few thousand characters with soft hyphens;
- U+2029 PARAGRAPH SEPARATOR after a space at the end of a line failed an assertion inside
  WeasyPrint 70 ("Got ' \\u2029' between two lines").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from datetime import date

import pytest
from pypdf import PdfReader

from prospector.model import Plan
from prospector.playbook.render import LONG_RUN, RUN_PIECE, layout_safe, render_playbook_pdf

ZWSP = "\u200b"


def _body(text: str) -> str:
    return f"<html><head><title>T</title></head><body><p>{text}</p></body></html>"


def _text_of(html: str) -> str:
    return html.split("<p>", 1)[1].rsplit("</p>", 1)[0]


def test_short_text_is_left_alone():
    html = _body("x" * (LONG_RUN - 1) + " " + "word " * 500)
    assert layout_safe(html) == html


def test_a_slash_between_two_short_words_never_ends_a_line_but_a_paths_may():
    """"(e.g. SAP S/" ended a line with "4HANA" on the next, "the IT/" with "OT" (a trigger event,
    a call card's "Behind it"): a word joiner after the slash keeps the pair whole, in text only;
    a path, an address or a date keeps the slashes it may break at, and the stylesheet and the
    attributes are left as they are."""
    html = ('<html><head><style>p { font: 10pt/1.3 sans }</style></head><body>'
            '<p data-cont="IT/OT">SAP S/4HANA and IT/OT, and/or</p>'
            '<p>example.com/about https://a.example/b/c 29/03/2027</p></body></html>')
    out = layout_safe(html)
    assert "S/\u20604HANA and IT/\u2060OT, and/\u2060or" in out
    assert "example.com/about https://a.example/b/c 29/03/2027" in out
    assert "10pt/1.3" in out and 'data-cont="IT/OT"' in out


def test_a_long_run_gets_zero_width_spaces_and_nothing_else_changes():
    html = ("<html><head><title>" + "t" * 500 + "</title><meta content=\"" + "m" * 500
            + "\"></head><body><p>" + "x" * 1000 + " short " + "y" * 130 + "</p>"
            + "<svg><title>" + "s" * 300 + "</title><text>" + "v" * 300 + "</text></svg>"
            + "<p>" + "z" * 300 + "</p></body></html>")
    out = layout_safe(html)
    assert out.replace(ZWSP, "") == html
    for untouched in ("t" * 500, "m" * 500, "s" * 300, "v" * 300):  # head, attributes, SVG
        assert untouched in out
    for run in re.findall(rf"[xyz\u200b]{{{LONG_RUN},}}", out):
        assert all(0 < len(piece) <= RUN_PIECE for piece in run.split(ZWSP)), run


@pytest.mark.parametrize("unit", ["&amp;", "&lt;", "&#39;", "e\u0301", "\u0928\u094d",
                                  "👩\u200d👩\u200d👧\u200d👦", "👍🏽", "🇩🇪",
                                  "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
                                  "中", "\u00a0x"])
def test_runs_are_never_cut_inside_a_character_or_an_entity(unit):
    out = _text_of(layout_safe(_body(unit * 300)))
    assert ZWSP in out
    assert out.replace(ZWSP, "") == unit * 300
    assert all(piece and len(piece) % len(unit) == 0 and piece == unit * (len(piece) // len(unit))
               for piece in out.split(ZWSP)), out[:200]


def test_a_paragraph_separator_prints_as_a_line_separator_outside_the_head():
    html = "<html><head><title>a \u2029b</title></head><body><p>a \u2029b</p></body></html>"
    out = layout_safe(html)
    assert "<title>a \u2029b</title>" in out and "<p>a \u2028b</p>" in out


def test_text_that_broke_or_stalled_the_renderer_prints_quickly(tmp_path, capsys):
    separators = "".join("word " * k + "\u2029" for k in range(1, 40))
    plan = Plan.model_validate({
        "name": "Long runs",
        "basics": {"goal": "x" * 40_000, "strategy": "https://example.com/" + "a" * 300},
        "accounts": [{"id": "a1", "name": "Owned account", "tier": "A",
                      "notes": "xxxxx\u00ad" * 2000, "why": "y" * 10_000,
                      "industry": separators}],
        "touches": [{"id": "t1", "title": "T", "channel": "email", "message": separators}],
        "differentiators": [{"difference": "D", "talk_track": separators, "proof": "z" * 5000}],
        "cadences": [{"name": "C", "steps": [{"day": 0, "channel": "email", "touch_id": "t1",
                                              "objective": separators}]}],
        "reps": [{"name": "Rep", "account_ids": ["a1"]}],
    })
    started = time.perf_counter()
    leader = render_playbook_pdf(plan, tmp_path / "leader.pdf")
    rep = render_playbook_pdf(plan, tmp_path / "rep.pdf", rep_name="Rep", start=date(2027, 1, 11))
    seconds = time.perf_counter() - started
    # the 40,000-character goal and the 10,000-character reason are cut for print (limits.py)
    assert len(PdfReader(leader.path).pages) == leader.pages > 15  # the cut texts, printed
    assert any("the goal" in note for note in leader.notes)
    assert len(PdfReader(rep.path).pages) == rep.pages > 5
    with capsys.disabled():
        print(f"\nlong runs, soft hyphens and paragraph separators: leader {leader.pages} pages "
              f"and rep {rep.pages} pages in {seconds:.1f} s (before: minutes, or a crash)")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(leader.path), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert ZWSP not in text
        assert "https://example.com/" + "a" * 300 in "".join(text.split())
