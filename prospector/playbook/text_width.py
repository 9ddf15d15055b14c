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
from functools import cache

from fontTools.ttLib import TTFont

from ..resources import assets_dir

FONTS = {"sans": "NotoSans-Regular.ttf", "sans-bold": "NotoSans-Bold.ttf",
         "serif-bold": "NotoSerif-Bold.ttf"}
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


def char_em(char: str, font: str) -> float:
    if unicodedata.combining(char) or char in "\u200d\ufe0f":
        return 0.0
    width = _advances(font)[0].get(ord(char))
    if width is None:
        return 1.0 if _wide(char) else 0.6
    return width


def _tokens(text: str) -> list[str]:
    """Words with their trailing spaces; each wide character a word of its own."""
    tokens: list[str] = []
    word = ""
    for char in text:
        if char.isspace():
            word += char
        elif _wide(char):
            if word:
                tokens.append(word)
            tokens.append(char)
            word = ""
        else:
            if word and word[-1].isspace():
                tokens.append(word)
                word = ""
            word += char
    if word:
        tokens.append(word)
    return tokens


def line_count(text: str, width_mm: float, font: str, size_pt: float) -> int:
    """The lines ``text`` (one paragraph) takes in a column ``width_mm`` wide."""
    room = width_mm / (size_pt * MM_PER_PT)  # the line's width in em
    lines, used = 1, 0.0
    for token in _tokens(text):
        word = token.rstrip()
        need = sum(char_em(c, font) for c in word)
        if used and used + need > room:  # to the next line
            lines, used = lines + 1, 0.0
        while need > room:  # a word longer than a line: broken where it must
            lines, need = lines + 1, need - room
        used += need + sum(char_em(c, font) for c in token[len(word):])
    return lines if text.strip() else 0
