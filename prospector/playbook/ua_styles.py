"""WeasyPrint's default stylesheet without the rules that give every element six styles (70).

WeasyPrint's user-agent stylesheet (``weasyprint/css/html5_ua.css``) holds ``::marker``,
``::footnote-call``, ``::footnote-marker``, ``::note-call``, ``::note-marker`` and
``::note-callback`` rules with no element named: they match every element, so the cascade
computes a style for each of these six pseudo-elements of each element, used or not. In the
sample's leader's edition that was 17,562 styles for 2,927 elements (1,227 element styles),
and the cascade took 0.41-0.46 s of CPU; without them 0.11 s, the same pages.

The playbook has no footnotes or notes (no ``float: footnote``), and only ``li`` is a list
item (the default stylesheet's ``li { display: list-item }``; ours adds none), so here the
note rules are left out and the marker rule names ``li``. ``playbook_html()`` is WeasyPrint's
``HTML`` with that stylesheet. Like ``pdf_speed``, it leaves WeasyPrint alone (its own
stylesheet) when the rules are not the ones it knows.
"""

from __future__ import annotations

from functools import cache

_NOTES = (
    '::footnote-call { content: counter(footnote); vertical-align: super; font-size: smaller; '
    'line-height: inherit }\n',
    '::footnote-marker { content: counter(footnote) ". " }\n',
    '::note-call { content: counter(note); vertical-align: super; font-size: smaller; '
    'line-height: inherit }\n',
    '::note-marker { content: counter(note) ". " }\n',
    '::note-callback { content: "\u202f↩" }\n',
)
_MARKER = "\n::marker { "
_LI_MARKER = "\nli::marker { "


def trimmed(ua: str) -> str | None:
    """``ua`` (WeasyPrint's default stylesheet) without the note rules and with the marker
    rule for ``li`` only; None if any of them is not there as expected."""
    if ua.count(_MARKER) != 1 or ua.count("display: list-item") != 1 or \
            ua.count("\nli { display: list-item }") != 1:
        return None  # another element is a list item by default: its marker needs the rule
    for rule in _NOTES:
        if ua.count(rule) != 1:
            return None
        ua = ua.replace(rule, "")
    return ua.replace(_MARKER, _LI_MARKER)


@cache
def _html_class():
    from weasyprint import CSS, HTML  # noqa: PLC0415 - loaded with the renderer
    from weasyprint import html as weasy_html  # noqa: PLC0415
    from weasyprint.css.counters import CounterStyle  # noqa: PLC0415

    own = getattr(HTML, "_ua_stylesheets", None)
    text = getattr(weasy_html, "UA", None)
    form = getattr(weasy_html, "UA_FORM_STYLESHEET", None)
    ua = trimmed(text) if isinstance(text, str) and callable(own) else None
    if ua is None or form is None:
        return HTML  # a WeasyPrint we do not know: its own stylesheet
    # its @counter-style rules are WeasyPrint's already (``UA_COUNTER_STYLE``, which every
    # render copies): read into a dict of their own, not declared twice
    sheet = CSS(string=ua, counter_style=CounterStyle())

    class PlaybookHTML(HTML):
        """WeasyPrint's ``HTML``, its default stylesheet trimmed as above."""

        def _ua_stylesheets(self, forms: bool = False):
            return [sheet, form] if forms else [sheet]

    return PlaybookHTML


def playbook_html(**kwargs):
    """``weasyprint.HTML(**kwargs)`` with the trimmed default stylesheet."""
    return _html_class()(**kwargs)
