"""The links of a playbook PDF to touches' scripts, read from its annotations (pypdf)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def touch_links(path: Path) -> list[tuple[int, str, int, tuple[float, float, float, float]]]:
    """(page, destination "touch-<id>", page it leads to, the link's rectangle x1, y1, x2, y2 in
    PDF points) of every link to a touch's card, pages numbered from 1."""
    reader = PdfReader(path)
    named = reader.named_destinations
    found = []
    for number, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot.get("/Dest")
            if annot.get("/Subtype") == "/Link" and isinstance(dest, str) \
                    and dest.startswith("touch-"):
                x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                target = reader.get_destination_page_number(named[dest]) + 1
                found.append((number, dest, target, (x1, y1, x2, y2)))
    return found
