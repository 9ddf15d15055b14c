"""The links of a playbook PDF to touches' scripts, read from its annotations (pypdf)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

# a touch's card ("touch-<id>", its heading) and its script ("script-<id>", its talk track)
_TO_TOUCHES = ("touch-", "script-")


def touch_links(path: Path) -> list[tuple[int, str, int, tuple[float, float, float, float]]]:
    """(page, destination "script-<id>" or "touch-<id>", page it leads to, the link's rectangle
    x1, y1, x2, y2 in PDF points) of every link to a touch's script or card, pages numbered
    from 1."""
    reader = PdfReader(path)
    named = reader.named_destinations
    found = []
    for number, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot.get("/Dest")
            if annot.get("/Subtype") == "/Link" and isinstance(dest, str) \
                    and dest.startswith(_TO_TOUCHES):
                x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                target = reader.get_destination_page_number(named[dest]) + 1
                found.append((number, dest, target, (x1, y1, x2, y2)))
    return found


def linked_touch(dest: str) -> str:
    """The touch id a link's destination names: "script-tch-03" -> "tch-03"."""
    return dest.split("-", 1)[1]
