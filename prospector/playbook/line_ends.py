"""A line is not cut after its first word because of a space at its end (WeasyPrint 70).

A text box that ends in a space (the text before an inline element: "readiness <b>57/100</b>")
and whose words fit the line while that space does not was set as its first word alone: Pango
lets the space hang past the line's end and puts the whole text on one line, WeasyPrint then
measures that line with the space, finds it too wide and takes it for a line that cannot be
split, so it keeps only the first word ("The" alone above "coach's review of this plan…" in the
readiness appendix's lead, at a width where "readiness " ended on the line's edge).

``install()`` wraps WeasyPrint's ``split_first_line`` (as the inline layout calls it): when a
text ending in spaces is split although the same text without them fits the width, the whole
text is one line, as CSS says (a space at a line's end hangs; WeasyPrint removes it there).
It leaves WeasyPrint alone if ``split_first_line`` is not the function it knows.
"""

from __future__ import annotations

from math import inf

_MARK = "_prospector_line_ends"
_WRAPPING = ("normal", "pre-line")  # the white-space values whose spaces at a line's end hang


def install() -> bool:
    """Wrap the inline layout's ``split_first_line`` as above; True if it is (now) wrapped."""
    import weasyprint.layout.inline as inline  # noqa: PLC0415 - loaded with WeasyPrint

    current = inline.split_first_line
    if getattr(current, _MARK, False):
        return True
    if current.__module__ != "weasyprint.text.line_break" or current.__code__.co_varnames[:5] != (
            "text", "style", "context", "max_width", "justification_spacing"):
        return False  # a WeasyPrint whose line breaking we do not know: leave it

    def split_first_line(text, style, context, max_width, justification_spacing,
                         is_line_start=True, minimum=False):
        result = current(text, style, context, max_width, justification_spacing,
                         is_line_start, minimum)
        if (result[2] is not None and max_width is not None and text.endswith(" ")
                and style["white_space"] in _WRAPPING and text.strip(" ")):
            words = current(text.rstrip(" "), style, context, max_width, justification_spacing,
                            is_line_start, minimum)
            if words[2] is None and words[3] <= max_width:  # the words fit: one line
                return current(text, style, context, inf, justification_spacing,
                               is_line_start, minimum)
        return result

    setattr(split_first_line, _MARK, True)
    inline.split_first_line = split_first_line
    return True
