"""Every label of the playbook goes through the catalogs: a pseudo-language run.

A catalog is made here from the labels the sources hold (``catalogs.extract``), each translation
being its English between "⟦" and "⟧"; the plan's own texts are written in full-width letters
("Ｎｏｒｔｈｗｉｎｄ"). Every edition is rendered as HTML in that language. A Latin letter
anywhere outside the markers is then a label that bypassed translation (written in a template
or built in Python without gettext). Only the pseudo-language's dates (Babel's German month
and day names), its country names (Babel's) and the tier letters are left as they are."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import holidays
import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from prospector.actuals_import import read_actuals
from prospector.coach import wording as coach_wording
from prospector.model import Plan
from prospector.planfile import read_plan_file
from prospector.playbook import catalogs, render, translations
from prospector.playbook.render import render_playbook_html
from prospector.resources import sample_plan_path
from tests.conftest import REPO

PSEUDO = "de"  # the catalog stands in for German's: Babel formats its dates and numbers
OPEN, CLOSE = "⟦", "⟧"
# values that are codes, not words (a plan's ids, addresses, dates, choices from lists)
_KEEP = {"id", "logo", "brand_colour", "page_size", "language",
         "holiday_country", "holiday_subdivision", "tier", "channel", "kind", "period", "stage",
         "counts", "framework", "format", "start_date", "end_date", "date", "key",
         "source", "week", "rep_id", "account_id", "persona_id", "touch_id", "differentiator_id",
         "tiers", "rep_names", "account_names"}


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "a" <= c.lower() <= "z" else c for c in text)


def _marked(value, key=""):
    if isinstance(value, dict):
        return {k: v if k in _KEEP or k.endswith("_ids") else _marked(v, k)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_marked(v, key) for v in value]
    return _fullwidth(value) if isinstance(value, str) else value


def plan_in_fullwidth(plan: Plan) -> Plan:
    """``plan`` with every text of its own in full-width letters (ids and codes kept)."""
    doc = plan.model_dump(mode="json")
    doc = {**_marked(doc), "id": doc["id"], "format": doc["format"]}
    return Plan.model_validate(doc)


_PLACEHOLDER = re.compile(r"(%\([a-z_]+\)s|%%|\{[a-z_]*\})")  # the playbook's, the coach's


def pseudo_translated(message: str) -> str:
    """The message's words between markers, its placeholders outside them: a value filled in
    must be translated (or the plan's own text) by itself."""
    return "".join(part if _PLACEHOLDER.fullmatch(part) or not part.strip()
                   else OPEN + part + CLOSE for part in _PLACEHOLDER.split(message))


def _write_pseudo(template: Catalog, folder, domain: str) -> None:
    catalog = Catalog(locale=PSEUDO, domain=domain)
    for message in template:
        if message.id:
            catalog.add(message.id, tuple(pseudo_translated(m) for m in message.id)
                        if message.pluralizable else pseudo_translated(message.id),
                        context=message.context)
    (folder / PSEUDO / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    with (folder / PSEUDO / "LC_MESSAGES" / f"{domain}.mo").open("wb") as mo:
        write_mo(mo, catalog)


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory):
    """The pseudo-language installed as German for this module's renders: the playbook's
    labels as its sources hold them now, and the coach's (the readiness appendix) as its
    catalog template holds them."""
    folder = tmp_path_factory.mktemp("locale")
    _write_pseudo(catalogs.extract(REPO), folder, translations.DOMAIN)
    with (REPO / "prospector" / "locale" / f"{coach_wording.DOMAIN}.pot").open("rb") as pot:
        _write_pseudo(read_po(pot), folder, coach_wording.DOMAIN)
    mp = pytest.MonkeyPatch()
    mp.setattr(translations, "LOCALE_DIR", folder)
    mp.setattr(coach_wording, "LOCALE_DIR", folder)
    for cached in (translations.translations, coach_wording.translations, render.environment):
        cached.cache_clear()
    yield
    mp.undo()
    for cached in (translations.translations, coach_wording.translations, render.environment):
        cached.cache_clear()


@pytest.fixture(scope="module")
def plan() -> Plan:
    sample = read_plan_file(sample_plan_path())
    # a rep with no accounts yet gets the short edition, with labels of its own
    newcomer = sample.reps[0].model_copy(update={"id": "rep-new", "name": "Newcomer",
                                                 "account_ids": []})
    return plan_in_fullwidth(sample.model_copy(update={"reps": [*sample.reps, newcomer]}))


_LOCALE = Locale.parse(PSEUDO)
_DATE_WORDS = {w.rstrip(".").casefold() for names in (_LOCALE.months, _LOCALE.days)
               for width in ("abbreviated", "wide")
               for w in names["format"][width].values()}
# public holidays as the ``holidays`` package names them in the language (the sample's reps
# work in Germany)
_HOLIDAY_WORDS = {w.casefold() for name in holidays.country_holidays(
    "DE", language=PSEUDO, years=range(2026, 2029)).values() for w in re.findall(r"\w+", name)}
# countries as Babel names them in the language (an account's "Ｇｅｒｍａｎｙ" prints "Deutschland")
_COUNTRY_WORDS = {w.casefold() for name in _LOCALE.territories.values()
                  for w in re.findall(r"\w+", name)}
_ALLOWED = (_DATE_WORDS | _HOLIDAY_WORDS | _COUNTRY_WORDS
            | {"a", "b", "c", "w"})  # tiers (badges), ISO weeks
_WORD = re.compile(r"[^\W\d_]+")
_INNERMOST = re.compile(OPEN + "[^" + OPEN + CLOSE + "]*" + CLOSE)
_SHOWN_ATTRIBUTES = ("data-title", "data-cont", "alt", "title", "aria-label", "content")


def unmarked_words(text: str) -> list[str]:
    """The Latin words of ``text`` outside the markers (dates' and tiers' words allowed)."""
    while (stripped := _INNERMOST.sub(" ", text)) != text:
        text = stripped
    return [w for w in _WORD.findall(text)
            if not any(0xFF21 <= ord(c) <= 0xFF5A for c in w) and w.casefold() not in _ALLOWED]


class _Texts(HTMLParser):
    """The text a reader sees, in order: each text node and shown attribute on a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        for name, value in attrs:
            shown = tag != "meta" or (name == "content"
                                      and dict(attrs).get("name") != "generator")
            if name in _SHOWN_ATTRIBUTES and value and shown:
                self.lines.append(value)
        if tag in ("meta", "col", "img", "br", "link"):
            self.stack.pop()

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if data.strip() and not {"style", "script"} & set(self.stack):
            self.lines.append(data)


def untranslated(html: str) -> list[str]:
    """Each word outside the markers, with the text around it. A label may hold markup
    ("⟦<b>Open</b> with…⟧"), so the markers are matched across the text nodes."""
    parser = _Texts()
    parser.feed(html)
    text = "\n".join(" ".join(line.split()) for line in parser.lines)
    while (stripped := _INNERMOST.sub(lambda m: "\x00" * len(m.group()), text)) != text:
        text = stripped
    found = []
    for word in _WORD.finditer(text):
        w = word.group()
        if not any(0xFF21 <= ord(c) <= 0xFF5A for c in w) and w.casefold() not in _ALLOWED:
            line_start = text.rfind("\n", 0, word.start()) + 1
            line_end = text.find("\n", word.end())
            found.append(text[line_start:line_end if line_end >= 0 else None]
                         .replace("\x00", "·")[:160])
    return sorted(set(found))


def test_the_checker_finds_a_label_outside_the_markers():
    assert unmarked_words("⟦Week %(n)s · ⟦Ｊｏｎａｓ⟧⟧ 25.–29. Jan. 2027 · A") == []
    assert unmarked_words("⟦Contents⟧ Overview ｐｌａｎ") == ["Overview"]


EDITIONS = [None, "Jonas Albrecht", "Mette Sørensen", "Bram Claessens", "Newcomer"]


@pytest.mark.parametrize("rep", EDITIONS)
def test_every_label_of_every_edition_is_translated(pseudo, plan, rep):
    name = _fullwidth(rep) if rep else None
    html = render_playbook_html(plan, rep_name=name, language=PSEUDO, readiness=rep is None)
    assert untranslated(html) == []


# a text the stylesheets write themselves (``content``, ``string-set``): the running foot's
# "Page 3 of 24" in English, which ``render._language_css`` replaces in the edition's language
_GENERATED = re.compile(r"(?:content|string-set)\s*:([^;}]*)")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_PAGE_FOOT = re.compile(r"@bottom-right\s*\{[^}]*\}")


def test_the_stylesheets_write_no_words_of_their_own(pseudo):
    """A label in CSS (``string-set: cont attr(data-cont) " (continued)"``) is out of gettext's
    reach: it stays English in every edition. The running foot, the one text CSS must write
    (its page counters), is written in the edition's language by the renderer."""
    css = "\n".join(_PAGE_FOOT.sub("", path.read_text(encoding="utf-8"))
                    for path in render.stylesheet_paths())
    words = [w for value in _GENERATED.findall(css) for text in _QUOTED.findall(value)
             for w in unmarked_words(text)]
    assert words == []
    assert unmarked_words(" ".join(_QUOTED.findall(render._language_css(PSEUDO)))) == []


def test_every_label_of_the_weekly_review_is_translated(pseudo):
    """The review sheet of the sample with its example CRM exports imported, the coach's
    findings on the actuals included (the coach's catalog, made pseudo too)."""
    from prospector.playbook.review_sheet import review_html  # noqa: PLC0415
    from prospector.review import weekly_review  # noqa: PLC0415

    sample = read_plan_file(sample_plan_path())
    for name in ("sample-activities-report.csv", "sample-opportunities-report.csv"):
        sample = read_actuals(sample, REPO / "assets" / "samples" / name,
                              number_format="dot").apply(sample)
    plan = plan_in_fullwidth(sample)
    review = weekly_review(plan, "2027-W06", today=date(2027, 2, 15), language=PSEUDO)
    assert any(r.findings for r in review.reps)
    assert untranslated(review_html(plan, review, date(2027, 2, 15), PSEUDO)) == []
