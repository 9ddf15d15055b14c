"""The playbook printed in the reader's language: gettext catalogs, Jinja's i18n extension."""

from __future__ import annotations

import re

import pytest

from prospector.planfile import read_plan_file
from prospector.playbook import Renderer, render_playbook_html
from prospector.playbook.translations import counted, languages, printing_in, translations
from prospector.resources import sample_plan_path
from prospector.sections import REP_CHAPTERS


@pytest.fixture(scope="module")
def sample_rep_html_de() -> str:
    plan = read_plan_file(sample_plan_path())
    return render_playbook_html(plan, rep_name=plan.reps[0].name, language="de")


def test_german_is_a_shipped_language_and_an_unknown_one_prints_english():
    assert "de" in languages()
    assert translations("xx").gettext("no contact yet") == "no contact yet"


def test_the_german_rep_edition_heads_its_weeks_in_german(sample_rep_html_de):
    weeks = re.findall(r'<th class="week-title">([^<]*)</th>', sample_rep_html_de)
    assert weeks and all(w.startswith("Woche ") for w in weeks)
    assert 'data-cont="Woche ' in sample_rep_html_de
    assert re.search(r"<html[^>]* lang=\"de\"", sample_rep_html_de)


def test_german_weeks_are_dated_as_german_readers_write_them(sample_rep_html_de):
    weeks = re.findall(r'<th class="week-title">([^<]*)</th>', sample_rep_html_de)
    # Babel's German interval: day numbers with a dot, the month abbreviated with a dot
    assert "Woche 3 · 25.–29. Jan. 2027" in weeks
    assert "Jan 2027" not in sample_rep_html_de


def test_german_counts_take_the_german_plural():
    with printing_in("de"):
        assert [counted(1, "account"), counted(2, "account")] == ["1 Konto", "2 Konten"]
        assert counted(1200, "touch") == "1.200 Touches"
    assert counted(1, "account") == "1 account"  # English outside a German edition


def test_the_german_edition_numbers_its_pages_in_german(tmp_path):
    from pypdf import PdfReader  # noqa: PLC0415 - only this test reads a PDF

    plan = read_plan_file(sample_plan_path())
    out = tmp_path / "de.pdf"
    Renderer().render(plan, out, rep_name=plan.reps[0].name, section="contents", language="de",
                      tagged=False)
    text = PdfReader(out).pages[-1].extract_text()
    assert re.search(r"Seite \d+ von \d+", text) and "Page " not in text


def test_the_german_rep_edition_titles_every_chapter_in_german(sample_rep_html_de):
    titles = re.findall(r'<h1 data-title="([^"]*)"><span class="num">', sample_rep_html_de)
    assert "Ihr Zeitplan" in titles and "Ihre Kunden" in titles
    english = {c.title for c in REP_CHAPTERS} - {"Personas"}  # the same word in German
    assert english.isdisjoint(titles)
