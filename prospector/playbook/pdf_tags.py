"""Two things WeasyPrint 70's PDF tagging does not do, which PDF/UA asks for.

* **Decoration is an artifact.** WeasyPrint tags every ``<img>`` and inline ``<svg>`` as a
  ``/Figure`` (``weasyprint/pdf/tags.py``, ``_get_pdf_tag``), whatever its markup says; a figure
  without alternative text is a PDF/UA error (pdfua's UA-13-004), and a screen reader would
  announce each channel icon as an unnamed image. Here an image marked as decoration in the HTML
  (``aria-hidden="true"``, ``role="presentation"`` or ``role="none"``, or an ``<img>`` with
  ``alt=""``) is drawn inside ``/Artifact`` marked content and left out of the structure tree,
  as HTML means it.
* **A header cell's scope.** WeasyPrint links data cells to their headers (``/Headers``,
  ``/IDs``) but gives a ``/TH`` no ``/Scope``, which checkers look for (pdfua's UA-15-003 warns);
  here a ``/TH`` gets ``/Scope /Row`` for ``<th scope="row">`` and ``/Column`` otherwise, as
  WeasyPrint links them.
* **A span's language.** WeasyPrint writes only the document's ``/Lang`` (from ``<html
  lang>``). Here an element with its own ``lang`` attribute (``languages.py`` wraps text in other
  scripts in ``<span lang="el">``...) gets ``/Lang`` on its structure element.

``install()`` wraps ``Stream.marked`` (where a replaced box is marked as a ``/Figure``) and
``tags._build_box_tree`` (the structure tree); nothing else of WeasyPrint changes, and the pages
look exactly as before. It leaves WeasyPrint alone if
those functions are not the ones it knows (another version): the PDF is then tagged as
WeasyPrint tags it.
"""

from __future__ import annotations

_MARK = "_prospector_pdf_tags"
_SVG = "{http://www.w3.org/2000/svg}svg"


def decorative(box) -> bool:
    """True if ``box`` is an image or inline SVG that its HTML marks as decoration."""
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) not in ("img", _SVG):
        return False
    if element.get("aria-hidden", "").strip().lower() == "true":
        return True
    if element.get("role", "").strip().lower() in ("presentation", "none"):
        return True
    return box.element_tag == "img" and element.get("alt") == ""


def _own_lang(box) -> str | None:
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in (None, "html", "body"):
        return None
    lang = element.get("lang")
    return lang.strip() if lang and lang.strip() else None


def _scope(box) -> str:
    """A header cell's /Scope: WeasyPrint takes ``<th scope="row">`` as a row's header and any
    other ``<th>`` as its column's (it links the data cells to them with /Headers and /IDs)."""
    element = getattr(box, "element", None)
    scope = (element.get("scope", "") if element is not None else "").strip().lower()
    return "/Row" if scope == "row" else "/Column"


def install() -> bool:
    """Patch WeasyPrint's tagging as described above; True if it is (now) patched."""
    import pydyf  # noqa: PLC0415 - WeasyPrint's dependency, loaded with it
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415 - loaded with WeasyPrint
    from weasyprint.layout.absolute import AbsolutePlaceholder  # noqa: PLC0415 - as above
    from weasyprint.pdf import stream as stream_module  # noqa: PLC0415 - as above
    from weasyprint.pdf import tags  # noqa: PLC0415 - as above

    build = tags._build_box_tree
    marked = stream_module.Stream.marked
    if getattr(build, _MARK, False) and getattr(marked, _MARK, False):
        return True
    code = build.__code__
    if code.co_argcount != 7 or code.co_varnames[:7] != (
            "box", "parent", "pdf", "page_number", "nums", "annotations", "tags") or \
            getattr(marked, "__wrapped__", marked).__code__.co_varnames[:3] != (
                "self", "box", "tag"):
        return False  # a WeasyPrint whose tagging we do not know: leave it

    def marked_as_html_says(self, box, tag):
        if tag == "Figure" and decorative(box):
            return self.artifact()
        return marked(self, box, tag)

    def build_box_tree(box, parent, pdf, page_number, nums, annotations, tags_):
        own = box._box if isinstance(box, AbsolutePlaceholder) else box
        if isinstance(own, boxes.ReplacedBox) and decorative(own):
            return  # drawn as an artifact: no structure element
        lang = _own_lang(own)
        for element in build(box, parent, pdf, page_number, nums, annotations, tags_):
            if lang and "Lang" not in element:
                element["Lang"] = pydyf.String(lang)
            if element.get("S") == "/TH" and isinstance(element.get("A"), dict):
                element["A"]["Scope"] = _scope(own)
            yield element

    setattr(marked_as_html_says, _MARK, True)
    setattr(build_box_tree, _MARK, True)
    stream_module.Stream.marked = marked_as_html_says
    tags._build_box_tree = build_box_tree
    return True
