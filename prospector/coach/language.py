"""Which language a leader wrote a text in, from its function words (articles, pronouns,
prepositions): plans mix languages, so each text is read with the phrase lists of its own.

Linear in the text: only its first ``MAX_CHARS`` characters are read, one regex scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, wraps
from typing import TypeVar

ENGLISH = "en"
MAX_CHARS = 2000
T = TypeVar("T")

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the a an and of to in is are you your we our for with on that this it be "
                    "if what how not at from as by or would could they their".split()),
    "de": frozenset("der die das und ist ich sie ihr ihre ihnen wir unser unsere nicht mit "
                    "ein eine einen für auf den dem des zu im bei wie was wenn oder auch nur "
                    "mal noch haben hat sind wollte kurz von aus einer einem jedem als am vom "
                    "zum zur dass es sich uns durch über nach keiner mein meine meinen meinem "
                    "meiner an".split()),
    "fr": frozenset("le la les un une des et est je vous votre vos nous notre nos pour avec "
                    "sur dans du de que qui ne pas au aux ce cette son sa ses mon ma mes "
                    "si ou".split()),
}

_WORD = re.compile(r"[a-zà-öø-ÿß]+")


# The language a text with no function words is taken to be written in ("Relancer", "Demo"): the
# plan's, while a review reads it (``texts_default_to``); English otherwise.
_FALLBACK: ContextVar[str] = ContextVar("fallback_language", default=ENGLISH)


@contextmanager
def texts_default_to(language: str) -> Iterator[None]:
    """Read a text that shows no language of its own as written in ``language``."""
    token = _FALLBACK.set(language if language in FUNCTION_WORDS else ENGLISH)
    try:
        yield
    finally:
        _FALLBACK.reset(token)


def cached_per_language(function: Callable[[str], T]) -> Callable[[str], T]:
    """``lru_cache`` for a reading of one text that depends on the language it is told to be in:
    the same text can read differently in a German plan ("Relancer" alone)."""
    cached = lru_cache(maxsize=4096)(lambda text, _fallback: function(text))

    @wraps(function)
    def reading(text: str) -> T:
        return cached(text, _FALLBACK.get())

    reading.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return reading


def detect(text: str) -> str:
    """The language code (``en``, ``de``, ``fr``) whose function words ``text`` uses most;
    English on a tie, and the plan's language (``texts_default_to``) when none is used."""
    return _detect(text, _FALLBACK.get())


@lru_cache(maxsize=4096)
def _detect(text: str, fallback: str) -> str:
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in _WORD.findall(text[:MAX_CHARS].lower().replace("’", "'").replace("'", " ")):
        for language, words in FUNCTION_WORDS.items():
            if word in words:
                counts[language] += 1
    best = max(counts.values())
    if best == 0:
        return fallback
    if counts[ENGLISH] == best:
        return ENGLISH
    return max(counts, key=lambda language: counts[language])
