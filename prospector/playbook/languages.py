"""Text in another script, tagged with its language (PDF/UA: a screen reader must know the
language of every word it reads out).

A playbook is in English (``<html lang="en">``); a plan may hold Greek, Japanese or Russian
names and notes. ``tag_languages(html)`` wraps each run of such text in ``<span lang="…">``, and
WeasyPrint's tagging writes the span's language as ``/Lang`` on its structure element
(``pdf_tags.py``). The language is guessed from the script alone:

* Greek -> ``el``; Cyrillic -> ``ru``, or ``uk``, ``sr``, ``bg``, ``mk``, ``be`` where a letter
  only that language uses appears in the run (``ї``, ``ђ``, ``ъ`` before a vowel...; ``ru`` when
  none does);
* Japanese (any kana in the run, with or without kanji) -> ``ja``; Chinese characters alone
  -> ``zh``; Hangul -> ``ko``;
* Arabic ``ar``, Hebrew ``he``, Thai ``th``, Devanagari ``hi``, Georgian ``ka``, Armenian ``hy``.

A run is the characters of one script and what lies between them (spaces, punctuation,
digits: "Αθήνα, Ελλάδα" is one run); a Latin letter ends it. At most ``MAX_SPANS`` runs of one
text node are tagged. Only the HTML's text is changed,
never a tag, an attribute, the ``<head>``, inline SVG or a ``<style>``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Script -> language, for scripts written by (mostly) one language.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "el"), (0x1F00, 0x1FFF, "el"),
    (0x0400, 0x052F, "cyrl"), (0x1C80, 0x1C8F, "cyrl"), (0x2DE0, 0x2DFF, "cyrl"),
    (0xA640, 0xA69F, "cyrl"),
    (0x0530, 0x058F, "hy"),
    (0x0590, 0x05FF, "he"), (0xFB1D, 0xFB4F, "he"),
    (0x0600, 0x06FF, "ar"), (0x0750, 0x077F, "ar"), (0x08A0, 0x08FF, "ar"),
    (0xFB50, 0xFDFF, "ar"), (0xFE70, 0xFEFF, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x10A0, 0x10FF, "ka"),
    (0x1100, 0x11FF, "ko"), (0x3130, 0x318F, "ko"), (0xAC00, 0xD7AF, "ko"),
    (0x3040, 0x309F, "kana"), (0x30A0, 0x30FF, "kana"), (0x31F0, 0x31FF, "kana"),
    (0xFF66, 0xFF9F, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xF900, 0xFAFF, "han"),
    (0x20000, 0x3134F, "han"),
)
# Characters that belong to the run around them but tell no script (CJK punctuation, the
# iteration mark, full-width forms).
_CJK_NEUTRAL = ((0x3000, 0x303F), (0xFF00, 0xFF65))
# Cyrillic letters only one language uses (checked in this order; Russian otherwise).
_CYRILLIC = (("uk", "ґєії"), ("be", "ў"), ("sr", "ђћџ"), ("mk", "ѓќѕ"))
_BULGARIAN_HARD = re.compile(r"ъ(?=[^\W\d_])", re.IGNORECASE)  # ъ before a letter mid-word: bg
# Runs tagged in one text node at most: scripts alternating letter by letter ("aαaα…", 100,000
# characters in one field) would make as many inline boxes for WeasyPrint; the rest of such a
# text keeps the document's language.
MAX_SPANS = 200
# A letter of one of those scripts: where a run starts (text without one is left as it is).
_LETTER = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high, _ in _RANGES) + "]")
_TAG = re.compile(r"(<[^>]*>)")
_ELEMENT = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_KEEP_TEXT = {"head", "title", "svg", "style", "script"}
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


@lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    """The script class of one character (see ``_RANGES``), "" for a character that belongs
    to any run (space, punctuation, digit, mark), None for a letter that ends a run (Latin)."""
    code = ord(char)
    for low, high, script in _RANGES:
        if low <= code <= high:
            return script
    if any(low <= code <= high for low, high in _CJK_NEUTRAL):
        return ""
    category = unicodedata.category(char)
    if category[0] in "ZPNSM" or category in ("Cc", "Cf"):  # Cf: zero-width space, joiners
        return ""
    return None


def _language(scripts: set[str], text: str) -> str:
    if "kana" in scripts:
        return "ja"
    if "han" in scripts:
        return "zh"
    script = next(iter(scripts))
    if script == "cyrl":
        lower = text.lower()
        for lang, letters in _CYRILLIC:
            if any(ch in lower for ch in letters):
                return lang
        return "bg" if _BULGARIAN_HARD.search(lower) and "ы" not in lower else "ru"
    return script


def _group(script: str) -> str:
    return "cjk" if script in ("kana", "han") else script


def tag_text(text: str, base: str = "en") -> str:
    """``text`` (escaped HTML text, no tags) with each run in another script wrapped in
    ``<span lang="…">``; runs in the ``base`` language are left alone."""
    out: list[str] = []
    pos, n = 0, len(text)
    spans = 0
    while spans < MAX_SPANS and (found := _LETTER.search(text, pos)) is not None:
        start = found.start()
        kind = script_of(text[start]) or ""
        group, scripts = _group(kind), {kind}
        last = j = start + 1  # the run is text[start:last]
        while j < n:
            if text[j] == "&":  # an entity (&amp; &#39;) is one neutral unit
                entity = _ENTITY.match(text, j)
                if entity is None:
                    break
                j = entity.end()
                continue
            other = script_of(text[j])
            if other == "":
                j += 1
                continue
            if other is None or _group(other) != group:
                break
            scripts.add(other)
            j += 1
            last = j
        run = text[start:last]
        lang = _language(scripts, run)
        out.append(text[pos:start])
        out.append(run if lang == base else f'<span lang="{lang}">{run}</span>')
        spans += 1
        pos = last
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


# Text in Latin letters: which of the playbook's languages a text is written in, from its
# function words (the coach's lists, ``coach/language.py``, and Spanish's here). A text node is
# tagged only when it is long enough to tell (``LATIN_WORDS``) and one language clearly leads:
# at least ``LATIN_EVIDENCE`` of its function words and twice any other's; labels, written in the
# edition's language, stay untagged, and so does a text that could be either.
LATIN_WORDS = 6
LATIN_EVIDENCE = 4
_SPANISH = frozenset("el la los las un una unos unas y es son de del que en con por para su sus "
                     "tu tus nuestro nuestra nuestros se lo al como pero más muy cuando este "
                     "esta hay".split())
_LATIN_WORD = re.compile(r"[a-zà-öø-ÿß]+")


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    from ..coach.language import FUNCTION_WORDS  # noqa: PLC0415 - the coach's lists, once

    return {**FUNCTION_WORDS, "es": _SPANISH}


def latin_language(text: str) -> str | None:
    """The language (``en``, ``de``, ``fr``, ``es``) a Latin-script ``text`` is clearly written
    in, or None when it is too short or could be more than one."""
    words = _LATIN_WORD.findall(text[:2000].lower().replace("’", " ").replace("'", " "))
    if len(words) < LATIN_WORDS:
        return None
    counts = {language: sum(w in listed for w in words)
              for language, listed in _function_words().items()}
    ranked = sorted(counts.values(), reverse=True)
    best = max(counts, key=counts.__getitem__)
    if ranked[0] >= LATIN_EVIDENCE and ranked[0] > 2 * ranked[1]:
        return best
    return None


def tag_languages(html: str, base: str = "en") -> str:
    """``html`` (our own escaped output) with its text's runs in other scripts in language
    spans (see the module's doc), and each text in Latin letters clearly in another of the
    playbook's languages than ``base`` (an English plan's text in a German edition) in one;
    tags, attributes, the head and inline SVG are left alone."""
    out: list[str] = []
    keep = 0  # depth inside elements whose text is not laid out as lines
    for part in _TAG.split(html):
        if part.startswith("<"):
            element = _ELEMENT.match(part)
            if element and element.group(2).lower() in _KEEP_TEXT and not part.endswith("/>"):
                keep += -1 if element.group(1) else 1
            out.append(part)
        elif keep > 0 or not part.strip():
            out.append(part)
        else:
            tagged = tag_text(part, base) if _LETTER.search(part) else part
            language = latin_language(part)
            out.append(tagged if language in (None, base) else
                       f'<span lang="{language}">{tagged}</span>')
    return "".join(out)
