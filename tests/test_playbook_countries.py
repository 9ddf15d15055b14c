"""Countries print in the edition's language: "Germany" in the plan is "Allemagne" in French."""

from __future__ import annotations

import re
from html import unescape

import pytest

from prospector.planfile import read_plan_file
from prospector.playbook import glance, render_playbook_html
from prospector.playbook.countries import country_name, territory_names
from prospector.playbook.text_width import text_mm
from prospector.playbook.translations import printing_in
from prospector.resources import sample_plan_path

_ROW = re.compile(r'<a href="#acc-[^"]+">([^<]*)</a></td><td>([^<]*)</td>')


def _overview_countries(html: str) -> dict[str, str]:
    """An account name's first word -> its country cell, from the overview of a rep's
    edition."""
    table = html.split('<table class="overview', 1)[1].split("</table>", 1)[0]
    return {unescape(name).split()[0]: unescape(country)
            for name, country in _ROW.findall(table)}


@pytest.mark.parametrize(("language", "germany", "austria"),
                         [("en", "Germany", "Austria"), ("fr", "Allemagne", "Autriche")])
def test_the_rep_edition_names_the_accounts_countries_in_its_language(language, germany,
                                                                      austria):
    plan = read_plan_file(sample_plan_path())
    html = render_playbook_html(plan, rep_name="Jonas Albrecht", language=language)
    countries = _overview_countries(html)
    assert countries["Brückner"] == germany
    assert countries["Kaltenegger"] == austria
    assert f"Schweinfurt, {germany}" in html  # the account's card
    # whose public holidays the schedule skips: the plan's holiday country, "DE"
    skipped = {"en": "Holidays skipped (Germany): ", "fr": "Jours fériés exclus (Allemagne) : "}
    assert skipped[language] in unescape(html)
    # named in the reader's language, else as Germany names them: never in English for a
    # French reader (the holidays package has no French names for Germany)
    good_friday = {"en": "(Good Friday)", "fr": "(Karfreitag)"}[language]
    assert good_friday in unescape(html)
    # the territory "Germany, Austria, Switzerland (Munich office)": its countries, not its words
    territory = {"en": "Germany, Austria, Switzerland (Munich office)",
                 "fr": "Allemagne, Autriche, Suisse (Munich office)"}[language]
    assert f"Jonas Albrecht · {territory}" in unescape(html)


def test_a_country_is_known_by_its_code_or_any_of_the_playbooks_names_for_it():
    assert [country_name(v, "fr") for v in ("DE", "Deutschland", "germany", "DEU", "UK",
                                            "the Netherlands", "Czech Republic")] == [
        "Allemagne", "Allemagne", "Allemagne", "Allemagne", "Royaume-Uni", "Pays-Bas",
        "Tchéquie"]
    # free text, a region and a code in small letters are no country: printed as typed
    assert [country_name(v, "de") for v in ("DACH", "Nordics", "Bavaria", "de", "EU", "")] == [
        "DACH", "Nordics", "Bavaria", "de", "EU", ""]


def test_a_territory_names_its_countries_and_keeps_its_other_words():
    assert territory_names("Nordics: Denmark, Sweden / Norway (Hamburg office)", "es") == (
        "Nordics: Dinamarca, Suecia / Noruega (Hamburg office)")
    # a code inside free text is no country ("IT" of "IT/OT" is not Italy)
    assert territory_names("IT/OT buyers in DE", "fr") == "IT/OT buyers in DE"


def test_the_overview_sizes_its_country_column_by_its_names_and_cuts_none():
    plan = read_plan_file(sample_plan_path())
    accounts = list(plan.accounts)
    accounts[0] = accounts[0].model_copy(update={"country": "United States"})
    accounts[1] = accounts[1].model_copy(update={"country": "GB"})
    with printing_in("de"):
        table = glance.overview(plan, accounts, None, {}, lambda d, year: str(d),
                                plan.cadences)
    countries = {r["country"] for g in table["groups"] for r in g["rows"]}
    assert {"Vereinigte Staaten", "Deutschland", "Niederlande"} <= countries
    widths = table["widths"]
    assert widths["country"] > glance.OVERVIEW_COLUMNS["rep"]["country"]
    assert sum(widths.values()) == 100.0
    room = widths["country"] * glance.OVERVIEW_TEXT_MM / 100 - 5.5
    assert text_mm("Vereinigte Staaten", "sans", glance.OVERVIEW_PT) <= room
    # a name longer than the widest column the others leave wraps in it, whole
    assert "Vereinigtes Königreich" in countries
    # the sample's own countries take a narrower column, the trigger the rest
    with printing_in("de"):
        sample = glance.overview(plan, plan.accounts, None, {}, lambda d, year: str(d),
                                 plan.cadences)["widths"]
    assert sample["country"] < widths["country"] and sample["trigger"] > widths["trigger"]


def test_the_schedule_names_holidays_the_same_whatever_the_machines_locale(monkeypatch):
    """The holidays package names them in $LANG's language: an English playbook printed on a
    German machine said "Karfreitag"."""
    from datetime import date  # noqa: PLC0415

    from prospector import business_days  # noqa: PLC0415

    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")
    business_days._calendar_of.cache_clear()
    business_days._named_in.cache_clear()
    try:
        names, _weekend = business_days.days_of_year("DE", "", 2027)
        assert names[date(2027, 3, 26)] == "Good Friday"
        assert business_days.holiday_name("DE", "", date(2027, 3, 26), "en") == "Good Friday"
    finally:
        business_days._calendar_of.cache_clear()
        business_days._named_in.cache_clear()


def test_a_column_of_short_countries_is_as_wide_as_its_head_and_a_gutter(tmp_path):
    """One account in Norway: the country column was sized to "Norway", so its head "COUNTRY"
    ran to 2 mm from "TRIGGER" and the two read as one label. A column holds its head too,
    with the 5 mm gutter after it (the heads as printed, in both editions)."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - the heads' positions as printed

    from prospector.playbook import render_playbook_pdf  # noqa: PLC0415
    from tests.design_figures import bench_plans  # noqa: PLC0415

    plan = bench_plans().one_account_plan()
    assert [a.country for a in plan.accounts] in (["NO"], ["Norway"])
    for rep in (None, plan.reps[0].name):
        path = render_playbook_pdf(plan, tmp_path / "one.pdf", rep_name=rep,
                                   section="accounts").path
        document = pdfium.PdfDocument(str(path))
        try:
            page = document[0]
            text = page.get_textpage()
            found = {}
            for word in ("COUNTRY", "TRIGGER"):
                searcher = text.search(word, match_case=True)
                at = searcher.get_next()
                assert at is not None, word
                boxes = [text.get_charbox(i) for i in range(at[0], at[0] + at[1])]
                found[word] = (min(b[0] for b in boxes), max(b[2] for b in boxes))
        finally:
            document.close()
        gap_mm = (found["TRIGGER"][0] - found["COUNTRY"][1]) * 25.4 / 72
        assert gap_mm >= 5, (rep, gap_mm)
