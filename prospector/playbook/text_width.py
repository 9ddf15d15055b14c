"""How many lines a text takes in the playbook's own fonts (assets/fonts), so that a call card
is laid out to fit one page before WeasyPrint lays it out (``call_cards.fit_card``).

The advance width of each character comes from the font file's tables (fontTools, which
WeasyPrint itself uses); a character the font lacks (CJK, emoji: a fallback font prints it)
counts a full em if it is wide, else 0.6 em. Lines are filled word by word, as a browser does
with ``hyphens: manual``: a word longer than a line breaks where it must, and a line may break
after any wide character (CJK has no spaces).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from fontTools.ttLib import TTFont

from ..resources import assets_dir

FONTS = {"sans": "NotoSans-Regular.ttf", "sans-bold": "NotoSans-Bold.ttf",
         "serif": "NotoSerif-Regular.ttf", "serif-bold": "NotoSerif-Bold.ttf"}
MM_PER_PT = 25.4 / 72


@cache
def _advances(font: str) -> tuple[dict[int, float], float]:
    """Code point -> advance in em, and the font's space advance in em."""
    with TTFont(assets_dir() / "fonts" / FONTS[font], lazy=True) as face:
        per_em = face["head"].unitsPerEm
        metrics = face["hmtx"].metrics
        widths = {code: metrics[name][0] / per_em for code, name in face.getBestCmap().items()}
    return widths, widths.get(32, 0.26)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


@lru_cache(maxsize=20_000)
def char_em(char: str, font: str) -> float:
    if unicodedata.combining(char) or char in "\u200d\ufe0f":
        return 0.0
    width = _advances(font)[0].get(ord(char))
    if width is None:
        return 1.0 if _wide(char) else 0.6
    return width


def _tokens(text: str) -> list[tuple[int, str]]:
    """Words with their trailing spaces, each with where it starts in ``text``; each wide
    character a word of its own. A no-break space is no space: the words it joins are one."""
    tokens: list[tuple[int, str]] = []
    start, word = 0, ""
    for i, char in enumerate(text):
        if char.isspace() and char != "\u00a0":
            word += char
        elif _wide(char):
            if word:
                tokens.append((start, word))
            tokens.append((i, char))
            start, word = i + 1, ""
        else:
            if word and word[-1].isspace() and word[-1] != "\u00a0":
                tokens.append((start, word))
                start, word = i, ""
            word += char
    if word:
        tokens.append((start, word))
    return tokens


def line_starts(text: str, width_mm: float, font: str, size_pt: float) -> list[int]:
    """Where each line of ``text`` (one paragraph) starts, in a column ``width_mm`` wide: [0]
    and one index more per line ([] for no text)."""
    if not text.strip():
        return []
    room = width_mm / (size_pt * MM_PER_PT)  # the line's width in em
    starts, used = [0], 0.0
    for start, token in _tokens(text):
        word = token.rstrip()
        need = sum(char_em(c, font) for c in word)
        if used and used + need > room:  # to the next line
            starts.append(start)
            used = 0.0
        at = start
        while need > room:  # a word longer than a line: broken where it must
            taken = 0.0
            while at < start + len(word) and taken + char_em(text[at], font) <= room:
                taken += char_em(text[at], font)
                at += 1
            starts.append(at)
            need -= taken
        used += need + sum(char_em(c, font) for c in token[len(word):])
    return starts


def line_count(text: str, width_mm: float, font: str, size_pt: float) -> int:
    """The lines ``text`` (one paragraph) takes in a column ``width_mm`` wide."""
    return len(line_starts(text, width_mm, font, size_pt))


def text_mm(text: str, font: str, size_pt: float) -> float:
    """The width of ``text`` set on one line, in mm."""
    return sum(char_em(c, font) for c in text) * size_pt * MM_PER_PT


def fit_line(text: str, width_mm: float, font: str, size_pt: float, *,
             name: bool = True) -> str:
    """``text`` whole if it fits one line ``width_mm`` wide, else its longest beginning that fits
    with "…" after it: cut between words, or, in a ``name``, inside a word when that keeps less
    than two thirds of the line ("Kaltenegger Kunststofftech…" says more than "Kaltenegger…");
    a sentence is cut between words (unless its first word is longer than the line)."""
    text = " ".join(text.split())
    if text_mm(text, font, size_pt) <= width_mm:
        return text
    room = width_mm / (size_pt * MM_PER_PT) - char_em("…", font)
    used, end = 0.0, 0
    for end, char in enumerate(text):  # noqa: B007 - ``end`` is where the line is full
        used += char_em(char, font)
        if used > room:
            break
    at_space = text.rfind(" ", 0, end + 1)
    if at_space > 0 and (not name or text_mm(text[:at_space], font, size_pt) >= width_mm * 2 / 3):
        end = at_space
    return text[:end].rstrip(" ,;:.–—-") + "…"


def clamp_lines(paragraphs: list[str], width_mm: float, font: str, size_pt: float,
                lines: int) -> tuple[list[str], bool]:
    """``paragraphs`` kept to ``lines`` lines in all (each paragraph starts a line), the last
    kept line ended with "…" where the text goes on; and whether anything was cut."""
    kept: list[str] = []
    for text in paragraphs:
        starts = line_starts(text, width_mm, font, size_pt)
        room = lines - sum(len(line_starts(k, width_mm, font, size_pt)) for k in kept)
        if len(starts) <= room:
            kept.append(text)
            continue
        if room > 0:
            at = starts[room - 1]  # the last line's start: as much of the rest as fits, then "…"
            kept.append(text[:at] + fit_line(text[at:], width_mm, font, size_pt, name=False))
        elif kept:
            kept[-1] = kept[-1].rstrip(" .") + "…"
        return kept, True
    return kept, False
