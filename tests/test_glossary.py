"""One vocabulary per language across the app's, the playbook's and the coach's catalogs: a word a
user meets in a step reads the same in the printed chapter and in the coach's finding
(docs/glossary.md)."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
LANGUAGES = ("de", "fr", "es")
COLUMNS = {"de": 1, "fr": 2, "es": 3}

# Msgids two catalogs use in different senses, each with its reason (docs/glossary.md).
SENSES = {
    "Open": "the app's menu File > Open against the call card's opening phase",
    "Close": "the app's File > Close against the call card's closing phase",
    "Ask": "the cadence step that asks for a meeting against the call card's questioning phase",
    "Goal": "the plan's goal field against the scorecard's target column beside the actual figure",
    "none": "the gender of German \"keine\"/\"keiner\" follows the noun it stands for",
}
# Rejected words allowed inside these phrases: job titles, and values and column names quoted from
# a CSV file as the CRM writes them.
ALLOWED_PHRASES = ("Account Executive", "Account Manager", "„Tier 1“", "„Tier 3“",
                   "Account / Opportunity Owner", "Account Name")


def catalogs(language: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """Each shipped catalog of ``language``: its msgids (a plural's singular) and their
    translations (a plural's forms)."""
    paths = [*ROOT.glob(f"ui/locale/{language}/LC_MESSAGES/*.po"),
             *ROOT.glob(f"prospector/locale/{language}/LC_MESSAGES/*.po")]
    found = {}
    for path in paths:
        with path.open("rb") as handle:
            catalog = read_po(handle)
        found[path.stem] = {
            (m.id if isinstance(m.id, str) else m.id[0]):
            ((m.string,) if isinstance(m.string, str) else tuple(m.string))
            for m in catalog if m.id and m.string}
    return found


def rejected(language: str) -> dict[str, list[str]]:
    """The glossary's rejected alternatives of ``language``, by term."""
    rows = [line.split("|")[1:-1] for line in GLOSSARY.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| term")]
    found = {}
    for row in rows:
        match = re.search(r"\(not: ([^)]*)\)", row[COLUMNS[language]])
        if match:
            found[row[0].strip()] = [word.strip() for word in match.group(1).split(",")]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_msgid_shared_by_two_catalogs_reads_the_same(language):
    found = catalogs(language)
    differing = [f"{a}/{b}: {msgid!r}: {found[a][msgid][0]!r} vs {found[b][msgid][0]!r}"
                 for a, b in combinations(sorted(found), 2)
                 for msgid in sorted(set(found[a]) & set(found[b]) - set(SENSES))
                 if found[a][msgid][0] != found[b][msgid][0]]
    assert differing == []


def terms(language: str) -> dict[str, str]:
    """What the glossary says a msgid naming a term translates to in ``language``: ``{"persona":
    "persona", "personas": "personas"}`` (the plural when the glossary gives it). Terms with a
    sense in brackets, and cells that offer two words, name no one translation."""
    found = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| term"):
            continue
        row = line.split("|")[1:-1]
        term, cell = row[0].strip(), re.sub(r"\(not:[^)]*\)", "", row[COLUMNS[language]]).strip()
        word, _pl, plural = cell.partition(", pl. ")
        if "(" in term or "," in word or ";" in word:
            continue
        found[term] = word.strip()
        if plural:
            found[_english_plural(term)] = plural.strip()
    return found


def _english_plural(term: str) -> str:
    return term[:-1] + "ies" if term.endswith("y") else term + ("es" if term.endswith("h") else "s")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_msgid_naming_a_term_is_translated_by_the_glossary_s_word(language):
    """A heading, a step or a column that is a term alone ("Personas") reads as the glossary's
    word, not a synonym ("Buyer personas" in a Spanish chapter while the app says "Personas")."""
    words = terms(language)
    if language == "es":
        assert words["persona"] == "persona" and words["personas"] == "personas"
    drift = [f"{domain}: {msgid!r} reads {forms[0]!r}, the glossary says {words[msgid.lower()]!r}"
             for domain, messages in catalogs(language).items()
             for msgid, forms in messages.items()
             if msgid.lower() in words
             and forms[0].replace("’", "'").lower() != words[msgid.lower()].lower()]
    assert drift == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_uses_a_rejected_word(language):
    words = rejected(language)
    if language == "de":
        assert {"rep", "account", "touch", "cadence",
                "contact (a person at an account)"} <= set(words)
    hits = []
    for domain, messages in catalogs(language).items():
        for msgid, forms in messages.items():
            # placeholders such as {tier}
            text = re.sub(r"\{\w*[^}]*\}|%\(\w+\)s", "", " ".join(forms))
            for phrase in ALLOWED_PHRASES:
                text = text.replace(phrase, "")
            hits += [f"{domain}: {msgid!r} uses {word!r} ({term})"
                     for term, alternatives in words.items() for word in alternatives
                     if re.search(rf"(?<![\w-]){re.escape(word)}(?!\w)", text, re.IGNORECASE)]
    assert hits == []
