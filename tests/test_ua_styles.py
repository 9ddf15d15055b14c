"""The playbook's trimmed default stylesheet (prospector/playbook/ua_styles.py): the cascade
computes no styles for footnotes and notes the playbook never prints, and bullets and numbers of
lists still print as WeasyPrint's own stylesheet prints them."""

from __future__ import annotations

import pypdfium2
import weasyprint.css as weasyprint_css
from weasyprint import HTML

from prospector.playbook.ua_styles import playbook_html

LISTS = """<!DOCTYPE html><html><head><style>ol li::marker { color: red }</style></head><body>
<h2>Why we win</h2><ul><li>Uptime</li><li>Service</li></ul>
<ol><li>First call</li><li>Second call</li></ol><p>Done.</p></body></html>"""


def _text(html) -> str:
    document = pypdfium2.PdfDocument(html.write_pdf())
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _pseudo_styles(monkeypatch, html_class) -> list[str]:
    made: list[str] = []
    real = weasyprint_css.StyleFor.set_computed_styles

    def counting(self, element, parent, root=None, pseudo_type=None, **kwargs):
        if pseudo_type is not None and hasattr(element, "tag"):
            made.append(f"{element.tag}::{pseudo_type}")
        return real(self, element, parent, root, pseudo_type, **kwargs)

    monkeypatch.setattr(weasyprint_css.StyleFor, "set_computed_styles", counting)
    html_class(string=LISTS).render()
    monkeypatch.undo()
    return made


def test_bullets_and_numbers_print_as_with_weasyprints_own_stylesheet():
    ours = _text(playbook_html(string=LISTS))
    assert ours == _text(HTML(string=LISTS))
    assert "• " in ours and "1. " in ours and "2. " in ours


def test_only_list_items_get_a_pseudo_element_style(monkeypatch):
    """WeasyPrint's own stylesheet gives every element six (marker, footnote and note calls);
    the playbook's gives a list item its marker and nothing else any."""
    assert len(_pseudo_styles(monkeypatch, HTML)) >= 6 * 10
    assert sorted(_pseudo_styles(monkeypatch, playbook_html)) == ["li::marker"] * 4
