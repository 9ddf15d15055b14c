"""The playbook's catalogs are complete: every label of the sources is in the template, and
German, French and Spanish translate each one (no fuzzy entry, every placeholder and tag kept),
compiled into the .mo files the playbook reads."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations

from prospector.playbook import catalogs, translations
from tests.conftest import REPO

LANGUAGES = ("de", "fr", "es")
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")
_TAG = re.compile(r"</?[a-z]+[^>]*>")


@pytest.fixture(scope="module")
def labels():
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0])
            for m in catalogs.extract(REPO) if m.id}


def test_the_template_holds_every_label_of_the_sources(labels):
    with catalogs.POT.open("rb") as pot:
        held = {(m.context, m.id if isinstance(m.id, str) else m.id[0])
                for m in read_po(pot) if m.id}
    assert labels == held, "run: python -m prospector.playbook.catalogs"


def test_the_shipped_languages_are_german_french_and_spanish():
    assert set(LANGUAGES) <= set(catalogs.shipped())
    assert set(LANGUAGES) <= set(translations.languages())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_is_translated_keeping_its_placeholders_and_tags(labels, language):
    catalog = catalogs.read(language)
    compiled = Translations.load(str(translations.LOCALE_DIR), [language], translations.DOMAIN)
    problems = []
    for context, msgid in sorted(labels, key=str):
        message = catalog.get(msgid, context=context)
        if message is None or message.fuzzy or not catalogs.translated(message):
            problems.append(f"not translated: {msgid!r}")
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        forms = message.string if isinstance(message.string, tuple | list) else (message.string,)
        wanted = {p for i in ids for p in _PLACEHOLDER.findall(i)}
        tags = sorted(_TAG.findall(ids[0]))
        for form in forms:
            found = set(_PLACEHOLDER.findall(form))
            if not found <= wanted or (wanted - {"%(num)s"}) - found:
                problems.append(f"placeholders of {msgid!r}: {sorted(found)} for {sorted(wanted)}")
            if sorted(_TAG.findall(form)) != tags:
                problems.append(f"tags of {msgid!r}: {form!r}")
        shown = (compiled.pgettext(context, msgid) if context else
                 compiled.ungettext(ids[0], ids[1], 5) if len(ids) > 1 else compiled.gettext(msgid))
        if shown != (forms[-1] if len(ids) > 1 else forms[0]):
            problems.append(f"the .mo is older than the .po for {msgid!r}: recompile")
    assert problems == []


def test_french_labels_write_the_typographic_apostrophe(labels):
    """French print sets "d’œil", "l’alternative": a straight ' among them looks typed."""
    catalog = catalogs.read("fr")
    straight = []
    for context, msgid in sorted(labels, key=str):
        message = catalog.get(msgid, context=context)
        forms = message.string if message and isinstance(message.string, tuple | list) else (
            (message.string,) if message else ())
        straight += [form for form in forms if "'" in _TAG.sub("", form)]
    assert straight == []
