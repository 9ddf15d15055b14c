"""The playbook printed in the reader's language: gettext catalogs, Jinja's i18n extension."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from prospector.fields import CHANNEL_LABELS
from prospector.planfile import read_plan_file
from prospector.playbook import Renderer, catalogs, render_playbook_html
from prospector.playbook.translations import counted, languages, printing_in, translations
from prospector.resources import sample_plan_path
from prospector.sections import REP_CHAPTERS
from tests.design_figures import figures


@pytest.fixture(scope="module")
def sample_rep_html_de() -> str:
    plan = read_plan_file(sample_plan_path())
    return render_playbook_html(plan, rep_name=plan.reps[0].name, language="de")


def test_german_is_a_shipped_language_and_an_unknown_one_prints_english():
    assert "de" in languages()
    assert translations("xx").gettext("no contact yet") == "no contact yet"


def test_the_german_rep_edition_heads_its_weeks_in_german(sample_rep_html_de):
    weeks = re.findall(r'<th class="week-title">([^<]*)<span', sample_rep_html_de)
    assert weeks and all(w.startswith("Woche ") for w in weeks)
    assert 'data-cont="Woche ' in sample_rep_html_de
    assert re.search(r"<html[^>]* lang=\"de\"", sample_rep_html_de)


def test_german_weeks_are_dated_as_german_readers_write_them(sample_rep_html_de):
    weeks = re.findall(r'<th class="week-title">([^<]*)<span', sample_rep_html_de)
    # Babel's German interval: day numbers with a dot, the month abbreviated with a dot
    assert "Woche 3 · 25.–29. Jan. 2027" in weeks
    assert "Jan 2027" not in sample_rep_html_de


def test_german_counts_take_the_german_plural():
    with printing_in("de"):
        assert [counted(1, "account"), counted(2, "account")] == ["1 Kunde", "2 Kunden"]
        assert counted(1200, "touch") == "1.200 Touches"
    assert counted(1, "account") == "1 account"  # English outside a German edition


@pytest.fixture(scope="module")
def sample_rep_pdf_de(tmp_path_factory) -> tuple[str, list[str], Path]:
    """The sample's German rep's edition printed in German: (its text, its pages' text, the
    file)."""
    from pypdf import PdfReader  # noqa: PLC0415 - only these tests read a PDF

    plan = read_plan_file(sample_plan_path())
    out = tmp_path_factory.mktemp("de") / "de.pdf"
    Renderer().render(plan, out, rep_name="Jonas Albrecht", language="de", tagged=False,
                      today=date(2027, 1, 4))
    pages = [page.extract_text() for page in PdfReader(out).pages]
    return " ".join(" ".join(pages).split()), pages, out


def _english_labels() -> set[str]:
    """The words of the playbook's labels between their placeholders and tags, as English
    prints them: each a phrase of two words or more."""
    with catalogs.POT.open("rb") as pot:
        template = read_po(pot)
    phrases = set()
    for message in template:
        for msgid in (message.id if isinstance(message.id, tuple) else (message.id,)):
            for part in re.split(r"%\([a-z_]+\)s|<[^>]+>|[“”„“:;(),.]", msgid or ""):
                if len(part.split()) >= 2:
                    phrases.add(" ".join(part.split()))
    return phrases


def test_the_german_rep_edition_has_no_english_label_left(sample_rep_pdf_de):
    text, _pages, _path = sample_rep_pdf_de
    plan_text = " | ".join(" ".join(t.split()) for t in _texts(
        read_plan_file(sample_plan_path()).model_dump(mode="json"))).casefold()
    left = sorted(p for p in _english_labels() if p in text and p.casefold() not in plan_text
                  and p not in _GERMAN_TOO)
    assert left == []


def _texts(value) -> list[str]:
    """Every text of a plan's document (its own words, which a German edition prints as the
    leader wrote them)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [value] if isinstance(value, str) else []


# English phrases of the labels a German edition prints as they are
_GERMAN_TOO = {"E-Mail"}


def test_the_german_rep_edition_dates_counts_and_numbers_its_pages_in_german(
        sample_rep_pdf_de):
    text, pages, _path = sample_rep_pdf_de
    assert all(re.search(r"Seite \d+ von \d+", page) for page in pages[1:])  # not the cover
    assert not re.search(r"Page \d+ of \d+", text)
    assert "Woche 3 · 25.–29. Jan. 2027" in text
    assert "Mo., 11. Jan." in text and "Mon 11 Jan" not in text
    assert re.search(r"\b1 Touch\b", text) and re.search(r"\b\d+ Touches\b", text)
    assert "Januar gesamt" in text and "/ 1.125" in text  # a month's row, a grouped number


def test_narrow_columns_break_german_words_only_where_they_hyphenate(sample_rep_pdf_de):
    """The cadence table's channel column broke "Veranstaltun/g" and its day column
    "Woche / 10": a channel's name is hyphenated ("Veranstal-tung"), a week is on one line."""
    german = translations("de")
    words = {w for label in CHANNEL_LABELS.values() for w in german.gettext(label).split()}
    _text, pages, _path = sample_rep_pdf_de
    broken = sorted({w for page in pages for w in words for i in range(1, len(w))
                     if f"{w[:i]}\n{w[i:]}" in page})
    assert broken == []
    assert not any(re.search(r"\bWoche\n\d", page) for page in pages)
    assert any("Veranstaltung" in page or "Veranstal-\ntung" in page for page in pages)


def test_a_card_or_week_that_runs_on_says_so_in_german_in_the_next_pages_head(
        sample_rep_pdf_de):
    """ "(continued)" was written by the stylesheets, in English in every edition; its German
    word is longer: the title is cut shorter so the head's box never cuts "(Fortsetzung)"."""
    text, pages, _path = sample_rep_pdf_de
    heads = [line for page in pages for line in page.splitlines() if "FORTS" in line]
    assert len(heads) >= 3 and all(h.rstrip().endswith("(FORTSETZUNG)") for h in heads), heads
    assert "(CONTINUED)" not in text.upper()


def test_the_design_figures_know_a_german_rep_edition_and_its_contents(sample_rep_pdf_de):
    """bench/playbook_figures.py found the contents by a bookmark named "Contents" and a rep's
    edition by chapters named "Your ...": a German one was measured as a leader's, its contents
    ("Inhalt") as a body page."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - only this test reads the PDF's destinations

    bench = figures()
    _text, pages, path = sample_rep_pdf_de
    contents = next(i for i, page in enumerate(pages) if page.lstrip().startswith("Inhalt"))
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert bench._edition(pdf) == "rep"
        assert bench.excluded_pages(pdf) == {0, contents}
    finally:
        pdf.close()


def test_the_german_rep_edition_titles_every_chapter_in_german(sample_rep_html_de):
    titles = re.findall(r'<h1[^>]* data-title="([^"]*)"><span class="num">', sample_rep_html_de)
    assert "Ihr Zeitplan" in titles and "Ihre Kunden" in titles
    english = {c.title for c in REP_CHAPTERS} - {"Personas"}  # the same word in German
    assert english.isdisjoint(titles)


def test_the_plans_own_english_is_tagged_english_in_a_german_edition(sample_rep_html_de):
    """A screen reader reads the leader's English sentences as English, the labels as German."""
    plan = read_plan_file(sample_plan_path())
    strategy = plan.basics.strategy.split("\n\n")[0][:60]
    tagged = re.findall(r'<span lang="([a-z]+)">([^<]*)', sample_rep_html_de)
    assert any(lang == "en" and text.startswith(strategy) for lang, text in tagged)
    assert {lang for lang, _ in tagged} == {"en"}  # the German labels are the document's own
    assert '<span lang="en">' not in render_playbook_html(plan, rep_name=plan.reps[0].name)


# Each language a plan may be written in, by its letters beyond A-Z: the playbook's languages,
# Polish, Czech, the Nordic languages, Greek and Russian, Ukrainian, Serbian
ALPHABETS = {
    "de": "ÄÖÜäöüß„“", "fr": "ÀÂÆÇÈÉÊËÎÏÔŒÙÛÜŸàâæçèéêëîïôœùûüÿ«»", "es": "ÁÉÍÑÓÚÜáéíñóúü¿¡",
    "pl": "ĄąĆćĘęŁłŃńÓóŚśŹźŻż", "cs": "ÁáČčĎďÉéĚěÍíŇňÓóŘřŠšŤťÚúŮůÝýŽž",
    "nordic": "ÆæØøÅåÄäÖöÞþÐð",
    "el": "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώΐΰ",
    "cyrillic": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяЇїІіЄєҐґЂђЋћЏџ",
}


def test_the_playbooks_fonts_print_every_letter_of_each_language():
    from fontTools.ttLib import TTFont  # noqa: PLC0415 - only this test reads the fonts

    from prospector.playbook.render import FONT_FILES  # noqa: PLC0415
    from prospector.resources import assets_dir  # noqa: PLC0415

    missing = {}
    for name in set(FONT_FILES.values()):
        cmap = TTFont(assets_dir() / "fonts" / name).getBestCmap()
        for language, letters in ALPHABETS.items():
            if absent := "".join(c for c in letters if ord(c) not in cmap):
                missing[f"{name} {language}"] = absent
    assert missing == {}


def test_the_weekly_review_prints_in_the_language_asked_for(tmp_path):
    from pypdf import PdfReader  # noqa: PLC0415 - only these tests read a PDF

    from prospector.actuals_import import read_actuals  # noqa: PLC0415
    from prospector.cli import main  # noqa: PLC0415
    from prospector.planfile import write_plan_file  # noqa: PLC0415
    from tests.conftest import REPO  # noqa: PLC0415

    plan = read_plan_file(sample_plan_path())
    for name in ("sample-activities-report.csv", "sample-opportunities-report.csv"):
        plan = read_actuals(plan, REPO / "assets" / "samples" / name,
                            number_format="dot").apply(plan)
    write_plan_file(plan, tmp_path / "plan.json")
    out = tmp_path / "review.pdf"
    assert main(["pdf", str(tmp_path / "plan.json"), "--review", "--week", "2027-W06",
                 "--language", "fr", "-o", str(out)]) == 0
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Semaine 5 sur 25 (2027-W06) : 8–14 févr. 2027" in text
    assert "Réalisé" in text and "Actual" not in text


@pytest.mark.parametrize("language", ["de", "fr", "es"])
@pytest.mark.parametrize("rep", [None, "Jonas Albrecht"])
def test_every_edition_in_every_language_has_no_english_label_left(language, rep):
    """The HTML of each edition in each language (the PDF above shows what it adds: the
    running foot), its words outside the tags, against the labels' English phrases."""
    plan = read_plan_file(sample_plan_path())
    html = render_playbook_html(plan, rep_name=rep, language=language, readiness=rep is None)
    text = " ".join(re.sub(r"<[^>]+>", " ", html.split("<body", 1)[1]).split())
    text = text.replace("&amp;", "&").replace("&#39;", "'").replace("&#34;", '"')
    plan_text = " | ".join(" ".join(t.split()) for t in _texts(
        plan.model_dump(mode="json"))).casefold()
    left = sorted(p for p in _english_labels() if p in text and p.casefold() not in plan_text
                  and p not in _SAME_WORDS[language])
    assert left == []


# English phrases of the labels a language prints as they are
_SAME_WORDS = {"de": {"E-Mail"}, "fr": set(), "es": set()}
