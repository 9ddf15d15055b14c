"""Where the playbook's lines break: never after a lone first word, never inside a name's word."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from prospector.coach import SECTION_TITLES, review
from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_html
from prospector.resources import assets_dir, sample_plan_path


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def _first_lines(html: str) -> list[str]:
    import weasyprint  # noqa: PLC0415 - PDF tests only

    page = weasyprint.HTML(string=html).render().pages[0]._page_box
    return ["".join(b.text for b in line.descendants() if hasattr(b, "text"))
            for line in page.descendants() if type(line).__name__ == "LineBox"]


def test_a_space_at_the_lines_end_before_bold_text_does_not_leave_the_first_word_alone():
    """The readiness appendix's lead printed "The" alone above "coach's review of this plan …
    readiness": its words up to "readiness " ended on the line's edge, the space past it, and
    the bold score came next (WeasyPrint took the line for one it cannot split)."""
    from prospector.playbook.render import Renderer  # noqa: PLC0415 - installs the fixes

    Renderer()
    font = (assets_dir() / "fonts" / "NotoSans-Regular.ttf").as_uri()
    text = ("The coach's review of this plan against the method, as printed on 6 Dec 2026: "
            "readiness <b>57/100</b> (what is written scores 75/100), nearly ready.")
    for tenths in range(1722, 1752, 2):  # 172.2 to 175 mm: "readiness " ends at the edge
        lines = _first_lines(
            f"<style>@font-face {{ font-family: T; src: url({font}) }} "
            f"@page {{ size: 300mm 100mm; margin: 5mm }} "
            f"p {{ font-family: T; font-size: 12pt; width: {tenths / 10}mm }}</style>"
            f"<p>{text}</p>")
        assert lines[0].startswith("The coach's review of this plan"), (tenths, lines[:2])


def test_a_finding_on_a_whole_section_names_the_section_once(sample):
    """"TARGET ACCOUNTS · TARGET ACCOUNTS": a finding on the section as a whole (too many dream
    clients) named its section, then the coach's label of it, the same title."""
    plan = sample.model_copy(deep=True)
    for account in plan.accounts:
        account.tier = "A"
    whole = [f for f in review(plan).findings if f.item_id is None]
    assert any(f.section == "accounts" for f in whole)
    html = unescape(render_playbook_html(plan, today=date(2027, 1, 4), readiness=True))
    heads = [" ".join(h.split()) for h in re.findall(
        r'<div class="finding-head"><span class="severity">[^<]*</span>(.*?)</div>', html,
        re.DOTALL)]
    title = SECTION_TITLES["accounts"]
    assert title in heads
    assert f"{title} · {title}" not in heads
    assert not [h for h in heads if len(h.split(" · ")) == 2
                and h.split(" · ")[0] == h.split(" · ")[1]]
