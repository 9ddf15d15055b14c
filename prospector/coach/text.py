"""Spotting empty phrases and generic claims in what a leader writes, without tripping over the
places where the leader quotes them as examples of what not to say.

``EMPTY_PHRASES.find(text)`` returns the phrases *used* in ``text``, as written. A phrase is
taken as *mentioned* (and ignored) when, within its clause, a negation comes just before it
(``never say just checking in``, ``no touch base emails``, ``don't circle back``, ``instead of
...``) or right after it (``"touch base" is not a reason to call``), or when it stands in its
own quotation marks in a sentence that negates or forbids (``Avoid "hope you're well".``).
Everything is compiled once at import: a call is a few regex scans.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (label, anchor, pattern). The label is what the docs list. The anchor is a literal that every
# match contains: a text without any anchor is skipped without running the regex. Patterns are
# matched against the lower-cased text with typographic apostrophes made straight.
EMPTY_PHRASE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("just checking in", "checking", r"(?:just\s+)?checking\s+in\b"),
    ("just a quick check-in", "check", r"just\s+(?:a\s+)?(?:quick\s+)?check[\s-]?in\b"),
    ("quick check-in", "check", r"(?:quick|friendly)\s+check[\s-]?in\b"),
    ("check in", "check", r"check(?:s|ed)?[\s-]in\b(?!\s+(?:at|from|desk|counter|time)\b)"),
    ("touch base", "touch", r"touch(?:ing|ed)?\s+base\b"),
    ("circle back", "circl", r"circl(?:e|es|ing|ed)\s+back\b"),
    ("following up", "follow", r"(?:just\s+)?following[\s-]+up\b"),
    ("just following up", "follow", r"just\s+(?:wanted\s+to\s+)?follow[\s-]?up\b"),
    ("follow up (on its own)", "follow",
     r"follow[\s-]?up(?:\s+(?:call|e-?mail|message|note|again))?(?=\s*[.!]?\s*$)"),
    ("follow up on my last email", "follow",
     r"follow(?:ing)?[\s-]?up\s+on\s+my\s+(?:last|previous|earlier)\b"),
    ("hope you're well", "hope",
     (r"hope\s+(?:you(?:'re|\s+are)|this\s+(?:e-?mail|message|note)\s+finds\s+you|all\s+is)"
      r"\s+(?:doing\s+)?(?:well|good|great)\b")),
    ("just reaching out", "reach", r"just\s+(?:wanted\s+to\s+)?reach(?:ing)?\s+out\b"),
    ("just wanted to see", "wanted",
     r"just\s+wanted\s+to\s+(?:see|check|say|ask|connect|touch|follow|reach)\b"),
    ("bumping this", "bump", r"bump(?:ing)?\s+(?:this|my\s+(?:last|previous))\b"),
    ("did you see my email", "my ",
     (r"did\s+you\s+(?:get|see|receive|read)\s+my\s+(?:last\s+|previous\s+)?"
      r"(?:e-?mail|message|voicemail|note)\b")),
    ("keeping in touch", "touch", r"(?:just\s+)?(?:keeping|staying)\s+in\s+touch\b"),
    ("pick your brain", "brain", r"pick\s+your\s+brains?\b"),
)

GENERIC_CLAIM_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("great service", "service",
     (r"(?:great|excellent|outstanding|superior|exceptional|personal|first[\s-]class)\s+"
      r"(?:customer\s+)?service\b")),
    ("high quality", "quality", r"(?:high|top|highest|superior|premium)[\s-]quality\b"),
    ("quality products", "quality", r"quality\s+(?:products|solutions|services)\b"),
    ("industry-leading", "lead", r"(?:industry|market)[\s-]lead(?:ing|er)\b"),
    ("leading provider", "leading",
     r"(?:a\s+|the\s+)?leading\s+(?:provider|supplier|vendor|company|partner)\b"),
    ("world-class", "class", r"world[\s-]class\b"),
    ("best-in-class", "best", r"best[\s-](?:in|of)[\s-](?:class|breed)\b"),
    ("customer-centric", "customer", r"customer[\s-](?:centric|focused|first|oriented|obsessed)\b"),
    ("state-of-the-art", "art", r"state[\s-]of[\s-]the[\s-]art\b"),
    ("cutting-edge", "edge", r"cutting[\s-]edge\b"),
    ("innovative", "innovative", r"innovative\b"),
    ("one-stop shop", "shop", r"one[\s-]stop[\s-]shop\b"),
    ("end-to-end solution", "solution", r"end[\s-]to[\s-]end\s+solutions?\b"),
    ("trusted partner", "trusted", r"trusted\s+(?:partner|advisor|adviser)\b"),
    ("second to none", "none", r"second\s+to\s+none\b"),
    ("unparalleled", "unparal", r"unparall?eled\b"),
    ("seamless", "seamless", r"seamless(?:ly)?\b"),
    ("passionate", "passionate", r"passionate\b"),
    ("competitive prices", "competitive", r"competitive\s+(?:prices?|pricing|rates)\b"),
    ("value for money", "money", r"value\s+for\s+money\b"),
    ("experienced team", "team", r"(?:experienced|dedicated|expert|great)\s+team\b"),
    ("experienced people", "people",
     r"(?:experienced|dedicated|expert|great)\s+(?:people|staff)\b"),
    ("we care", "care", r"we\s+(?:really\s+)?care\b"),
)

_QUOTES_OPEN = "\"'“‘«„"
_QUOTES_CLOSE = "\"'”’»“"
_CLAUSE_END = re.compile(r"[.!?;:,()\n—–]|\s-\s")
_SENTENCE_END = re.compile(r"[.!?\n]")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NEGATOR = re.compile(
    r"\b(?:never|no|not|nor|without|avoid\w*|stop|instead|rather|ban\w*|forbid\w*|replace|"
    r"cannot|zero|cut|drop|skip|ditch)\b|n't\b|\bdont\b"
)
_NEGATED_AFTER = re.compile(
    r"^[\s\"'”’»]*(?:[a-z]+\s+){0,2}?(?:(?:is|are|was|were|will|does|do|should|must)\s+)?"
    r"(?:not|never|no)\b|^[\s\"'”’»]*(?:[a-z]+\s+){0,2}?[a-z]+n't\b"
)
_TRAILING_PUNCT = ".,!?…"
NEGATION_WINDOW_WORDS = 4
_CONTEXT_CHARS = 160


class PhraseFinder:
    """Finds the phrases that are used (not merely mentioned) in a text.

    Results are cached per text (an LRU of ``CACHE_SIZE`` texts): while a leader types, only the
    field being edited is scanned again.
    """

    CACHE_SIZE = 4096

    def __init__(self, patterns: tuple[tuple[str, str, str], ...]) -> None:
        self.patterns = patterns
        self.anchors = tuple(sorted({anchor for _, anchor, _ in patterns}))
        alternation = "|".join(f"(?:{p})" for _, _, p in patterns)
        self.regex = re.compile(rf"(?<![\w-])(?:{alternation})")
        self.find = lru_cache(maxsize=self.CACHE_SIZE)(self._find)
        self.search = lru_cache(maxsize=self.CACHE_SIZE)(self._search)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for label, _, _ in self.patterns)

    def _find(self, text: str) -> tuple[str, ...]:
        """The phrases used in ``text`` as written (trimmed), in order, each once."""
        if not text:
            return ()
        lowered = _normalise(text)
        if not self._anchored(lowered):
            return ()
        source = text if len(text) == len(lowered) else lowered
        found: list[str] = []
        seen: set[str] = set()
        for match in self.regex.finditer(lowered):
            if _is_mentioned(lowered, match.start(), match.end()):
                continue
            key = match.group(0).strip()
            if key not in seen:
                seen.add(key)
                found.append(source[match.start():match.end()].strip())
        return tuple(found)

    def _anchored(self, lowered: str) -> bool:
        for anchor in self.anchors:  # a plain loop: faster than any() or a regex here
            if anchor in lowered:
                return True
        return False

    def _search(self, text: str) -> bool:
        """Whether any phrase occurs in ``text``, used or mentioned."""
        if not text:
            return False
        lowered = _normalise(text)
        return self._anchored(lowered) and bool(self.regex.search(lowered))

    def strip(self, text: str) -> str:
        """``text`` (lower-cased) with every phrase removed, used or mentioned."""
        return self.regex.sub(" ", _normalise(text))


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'")


def _is_mentioned(lowered: str, start: int, end: int) -> bool:
    before = lowered[max(0, start - _CONTEXT_CHARS):start]
    after = lowered[end:end + _CONTEXT_CHARS]
    if _quoted(lowered, start, end):
        sentence = _tail(before, _SENTENCE_END) + " " + _head(after, _SENTENCE_END)
        if _NEGATOR.search(sentence):
            return True
    words = _WORD.findall(_tail(before, _CLAUSE_END))[-NEGATION_WINDOW_WORDS:]
    if words and _NEGATOR.search(" ".join(words)):
        return True
    return bool(_NEGATED_AFTER.search(_head(after, _CLAUSE_END)))


def _quoted(text: str, start: int, end: int) -> bool:
    opened = start > 0 and text[start - 1] in _QUOTES_OPEN
    tail = end
    while tail < len(text) and text[tail] in _TRAILING_PUNCT:
        tail += 1
    return opened and tail < len(text) and text[tail] in _QUOTES_CLOSE


def _tail(text: str, boundary: re.Pattern[str]) -> str:
    last = None
    for match in boundary.finditer(text):
        last = match
    return text[last.end():] if last else text


def _head(text: str, boundary: re.Pattern[str]) -> str:
    first = boundary.search(text)
    return text[:first.start()] if first else text


def word_count(text: str) -> int:
    return len(text.split())


def fewer_words_than(text: str, n: int) -> bool:
    """``word_count(text) < n``, without splitting all of a long text."""
    return n > 0 and len(text.split(None, n - 1)) < n


_MERGE_FIELD = re.compile(r"\{\{\s*\w+\s*\}\}")


def has_merge_field(text: str) -> bool:
    return bool(_MERGE_FIELD.search(text))


EMPTY_PHRASES = PhraseFinder(EMPTY_PHRASE_PATTERNS)
GENERIC_CLAIMS = PhraseFinder(GENERIC_CLAIM_PATTERNS)
