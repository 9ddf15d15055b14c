"""A fix for a quadratic step in writing tagged PDFs (pydyf 0.12, WeasyPrint 70).

WeasyPrint's tagging (``weasyprint/pdf/tags.py``) asks ``pdf.page_references[n]`` for every
structure element it writes, and pydyf's ``PDF.page_references`` is a property that builds the
tuple of *all* pages' references on each call: elements x pages. For 20,000 accounts as lines
(385 pages, ~87,000 elements) that was 33 million references built, 24 s of a 56 s write.

``install()`` replaces the property with one that keeps the tuple until a page is added (the
list of pages only grows: ``PDF.add_page`` extends ``Kids``), so the bytes written are the
same. It leaves pydyf alone if the property is not the one it knows.

It also has pydyf compress the PDF's streams (pages, fonts) at zlib's default level, 6, rather
than 9: for the sample's leader's edition 0.13 -> 0.03 s of CPU, for a file 3% larger (277 ->
286 kB of streams); the same pages.
"""

from __future__ import annotations

import zlib

_KEY = "_prospector_page_references"
STREAM_LEVEL = 6  # zlib's own default: level 9 took 4 times as long for 3% fewer bytes


class _StreamZlib:
    """zlib as pydyf sees it: ``compressobj`` at ``STREAM_LEVEL`` whatever level pydyf asks."""

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level: int = STREAM_LEVEL, *args, **kwargs):
        return zlib.compressobj(STREAM_LEVEL, *args, **kwargs)


_STREAM_ZLIB = _StreamZlib()


def _page_references(pdf) -> tuple[bytes, ...]:
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get(_KEY)
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__[_KEY] = cached
    return cached[1]


def install() -> bool:
    """Cache ``pydyf.PDF.page_references`` and compress streams at ``STREAM_LEVEL``; True if
    the references are (now) cached."""
    import pydyf  # noqa: PLC0415 - WeasyPrint's dependency, loaded with it

    if getattr(pydyf, "zlib", None) is zlib:
        pydyf.zlib = _STREAM_ZLIB

    current = pydyf.PDF.__dict__.get("page_references")
    if isinstance(current, property) and current.fget is _page_references:
        return True
    if not isinstance(current, property) or current.fget is None or \
            current.fget.__code__.co_names[:2] != ("tuple", "pages"):
        return False  # a pydyf whose page_references we do not know: leave it
    pydyf.PDF.page_references = property(_page_references, doc=current.__doc__)
    return True
