"""Every label of the playbook goes through the catalogs: a pseudo-language run.

A catalog is made here from the labels the sources hold (``catalogs.extract``), each translation
being its English between "⟦" and "⟧"; the plan's own texts are written in full-width letters
("Ｎｏｒｔｈｗｉｎｄ"). Every edition is rendered as HTML in that language. A Latin letter
anywhere outside the markers is then a label that bypassed translation (written in a template
or built in Python without gettext). Only the pseudo-language's dates (Babel's German month
and day names) and the tier letters are left as they are."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

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
         "tiers"}


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


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory):
    """The pseudo-language installed as German for this module's renders."""
    template = catalogs.extract(REPO)
    catalog = Catalog(locale=PSEUDO, domain=translations.DOMAIN)
    for message in template:
        if not message.id:
            continue
        string = (tuple(OPEN + m + CLOSE for m in message.id) if message.pluralizable
                  else OPEN + message.id + CLOSE)
        catalog.add(message.id, string, context=message.context)
    folder = tmp_path_factory.mktemp("locale")
    (folder / PSEUDO / "LC_MESSAGES").mkdir(parents=True)
    with (folder / PSEUDO / "LC_MESSAGES" / f"{translations.DOMAIN}.mo").open("wb") as mo:
        write_mo(mo, catalog)
    mp = pytest.MonkeyPatch()
    mp.setattr(translations, "LOCALE_DIR", folder)
    translations.translations.cache_clear()
    render.environment.cache_clear()
    yield
    mp.undo()
    translations.translations.cache_clear()
    render.environment.cache_clear()


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
_ALLOWED = _DATE_WORDS | {"a", "b", "c"}  # the tiers' letters (badges)
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
    html = render_playbook_html(plan, rep_name=name, language=PSEUDO)
    assert untranslated(html) == []
