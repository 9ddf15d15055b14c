"""The playbook's cost per page against plain WeasyPrint (issue 17, "a faster full render").

    .venv/bin/python bench/render_ratio.py                 # the sample's leader's edition and a
                                                           # 300-account plan, 3 runs each
    .venv/bin/python bench/render_ratio.py --quick         # the sample only
    .venv/bin/python bench/render_ratio.py --sections      # also seconds per page of each section
                                                           # printed alone (where the time goes)
    .venv/bin/python bench/render_ratio.py --floor         # also the playbook's own markup laid
                                                           # out with no stylesheet of ours

The reference is the "physical" one of the issue: WeasyPrint laying out a plain document
(headings and paragraphs) of the same length, in a fresh process, as the CLI does. For each plan:

1. ``prospector pdf PLAN -o x.pdf`` runs in a fresh process; its wall time (start-up, plan
   reading, context, Jinja, layout, tagged PDF writing: everything the user waits for) over its
   pages is the playbook's seconds per page.
2. The text of that PDF, page by page, becomes a plain HTML document: one ``<h2>`` per page
   (its first line) and a ``<p>`` per four further lines, in WeasyPrint's default stylesheet
   with only the playbook's page size, margins and 10 pt body (``PLAIN_CSS``). A
   fresh process imports WeasyPrint and writes it to PDF (``HTML(string=...).write_pdf()``);
   its wall time over its pages is the reference's seconds per page.
3. The ratio is the first over the second. The runs take turns (playbook, plain, playbook, ...)
   and each figure is the fastest of its runs: this machine is shared, and the minimum is the
   least disturbed figure. A first, unmeasured run of the playbook gives the twin its text and
   leaves Prospector's compiled bytecode (``__pycache__``) behind, as installing the wheel does
   and as WeasyPrint's own is in the virtual environment: the runs are made without
   ``PYTHONDONTWRITEBYTECODE``, which otherwise had every run compile Prospector's ~80 modules
   from source (0.15-0.3 s of CPU a run, which the twin never pays). The ratio is what the
   budget is about (at most 1.3x for the sample, 1.5x for 300 accounts), not the seconds, which
   vary 2-3x with the machine's load.

``--floor`` measures what the markup alone costs: the edition's HTML (as the CLI makes it,
``render_playbook_html``) written to PDF by the twin's plain process with the twin's styles only
(WeasyPrint's default stylesheet, the page and the body size): no design of ours, the same
elements ("markup"); and the same with every inline element unwrapped and the drawings left
out ("blocks": headings, paragraphs, lists, tables, cards, ``blocks_alone``). Their ratios to
the twin are what no stylesheet can go below while the playbook keeps those elements, with
Prospector's own start-up (imports, plan, context, Jinja: about 0.4 s) not even counted.

``--sections`` renders each printable section alone in this process with one warm
``Renderer`` (fonts, stylesheets, cache loaded once) and prints its layout seconds per page:
a section far above the others is where CSS or markup costs most.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGETS = {"sample": 1.3, "300 accounts": 1.5}
# The plain twin's only styles: the playbook's page, margins and body size, so that the same text
# fills about as many pages (the twin's pages are counted, not assumed).
PLAIN_CSS = "@page { size: A4; margin: 24mm 18mm 20mm 18mm } body { font-size: 10pt }"
LINES_PER_PARAGRAPH = 4

_PLAIN = """
import sys
from weasyprint import CSS, HTML
HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], stylesheets=[CSS(string=sys.argv[3])])
"""


def _pages_text(pdf: Path) -> list[str]:
    import pypdfium2  # noqa: PLC0415 - test extra

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def plain_html(pages: list[str]) -> str:
    """Headings and paragraphs holding the same text as ``pages``, one heading per page."""
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>plain</title>",
             f"<style>{PLAIN_CSS}</style></head><body>"]
    for text in pages:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not lines:
            continue
        parts.append(f"<h2>{escape(lines[0])}</h2>")
        for start in range(1, len(lines), LINES_PER_PARAGRAPH):
            parts.append(f"<p>{escape(' '.join(lines[start:start + LINES_PER_PARAGRAPH]))}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _timed(command: list[str]) -> float:
    env = {name: value for name, value in os.environ.items()
           if name != "PYTHONDONTWRITEBYTECODE"}  # bytecode kept, as an installed CLI has it
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    return time.perf_counter() - started


def _page_count(pdf: Path) -> int:
    import pypdfium2  # noqa: PLC0415 - test extra

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def measure(label: str, plan_file: Path, work: Path, runs: int) -> dict:
    """Seconds per page of the playbook and of its plain twin, and their ratio."""
    out = work / f"{label}.pdf"
    plain_src = work / f"{label}-plain.html"
    plain_out = work / f"{label}-plain.pdf"
    cli = [sys.executable, "-m", "prospector", "pdf", str(plan_file), "-o", str(out)]
    _timed(cli)  # unmeasured: the twin's text, and the bytecode and templates compiled
    plain_src.write_text(plain_html(_pages_text(out)), encoding="utf-8")
    plain = [sys.executable, "-c", _PLAIN, str(plain_src), str(plain_out), ""]
    playbook_s: list[float] = []
    plain_s: list[float] = []
    for _ in range(runs):
        playbook_s.append(_timed(cli))
        plain_s.append(_timed(plain))
    pages, plain_pages = _page_count(out), _page_count(plain_out)
    per_page = min(playbook_s) / pages
    plain_per_page = min(plain_s) / plain_pages
    return {"plan": label, "pages": pages, "seconds": min(playbook_s),
            "s_per_page": per_page, "plain_pages": plain_pages, "plain_seconds": min(plain_s),
            "plain_s_per_page": plain_per_page, "ratio": per_page / plain_per_page,
            "budget": BUDGETS.get(label)}


def markup_floors(label: str, plan_file: Path, work: Path, runs: int, twin_s_per_page: float
                  ) -> list[dict]:
    """Seconds per page of the edition's own HTML laid out by the twin's plain process with the
    twin's styles only, and their ratio to the twin (``twin_s_per_page``, from ``measure``):
    the markup as it is, and its blocks alone (``blocks_alone``)."""
    from prospector.planfile import read_plan_file  # noqa: PLC0415
    from prospector.playbook.render import render_playbook_html  # noqa: PLC0415

    html = render_playbook_html(read_plan_file(plan_file))  # its stylesheets are not in it
    rows = []
    for kind, markup in (("markup", html), ("blocks", blocks_alone(html))):
        source, out = work / f"{label}-{kind}.html", work / f"{label}-{kind}.pdf"
        source.write_text(markup, encoding="utf-8")
        command = [sys.executable, "-c", _PLAIN, str(source), str(out), PLAIN_CSS]
        seconds = min(_timed(command) for _ in range(runs))
        pages = _page_count(out)
        rows.append({"plan": label, "kind": kind, "pages": pages, "elements": markup.count("<") -
                     markup.count("</"), "s_per_page": seconds / pages,
                     "ratio": seconds / pages / twin_s_per_page})
    return rows


_INVISIBLE = re.compile(r'<span class="(?:said|sep|room|back)">[^<]*</span>')  # no text shown
_INNERMOST_INLINE = re.compile(r"<(span|b|i|a|em|strong)\b[^>]*>([^<]*)</\1>")
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def blocks_alone(html: str) -> str:
    """The edition's HTML with its inline elements unwrapped (their text kept) and its drawings
    (SVG) left out: what remains is the blocks (headings, paragraphs, lists, tables, cards),
    the least any markup of the same chapters would hold."""
    html = _SVG.sub("", _INVISIBLE.sub("", html))
    while True:  # innermost first, once per level of nesting
        unwrapped = _INNERMOST_INLINE.sub(r"\2", html)
        if unwrapped == html:
            return html.replace("<wbr>", "")
        html = unwrapped


def section_costs(plan_file: Path, work: Path) -> list[dict]:
    """Layout seconds per page of each section printed alone, with one warm renderer."""
    from prospector.planfile import read_plan_file  # noqa: PLC0415
    from prospector.playbook.render import Renderer, printable_sections  # noqa: PLC0415

    plan = read_plan_file(plan_file)
    renderer = Renderer()
    renderer.render(plan, work / "warm.pdf", section="cover")
    rows = []
    for section in printable_sections():
        result = renderer.render(plan, work / f"section-{section}.pdf", section=section)
        rows.append({"section": section, "pages": result.pages,
                     "layout_s_per_page": result.timings["layout"] / max(result.pages, 1)})
    return rows


def _plans(quick: bool, work: Path) -> list[tuple[str, Path]]:
    plans = [("sample", ROOT / "assets" / "samples" / "sample-plan.json")]
    if not quick:
        from bench.bench_pdf import large_plan  # noqa: PLC0415
        from prospector.planfile import plan_to_json  # noqa: PLC0415

        large = work / "large-300.json"
        large.write_text(plan_to_json(large_plan(accounts=300)), encoding="utf-8")
        plans.append(("300 accounts", large))
    return plans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the sample only")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--floor", action="store_true",
                        help="also the markup alone: the edition's HTML with no stylesheet of ours")
    parser.add_argument("--sections", action="store_true",
                        help="also the layout cost per page of each section of the sample")
    args = parser.parse_args(argv)
    missed = False
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print(f"{'plan':14} {'pages':>5} {'s/page':>7} {'plain':>5} {'s/page':>7} "
              f"{'ratio':>6}  budget")
        floors = []
        for label, plan_file in _plans(args.quick, work):
            row = measure(label, plan_file, work, args.runs)
            if args.floor:
                floors += markup_floors(label, plan_file, work, args.runs,
                                        row["plain_s_per_page"])
            verdict = ""
            if row["budget"] is not None:
                ok = row["ratio"] <= row["budget"]
                missed = missed or not ok
                verdict = f"<= {row['budget']}x {'ok' if ok else 'missed'}"
            print(f"{label:14} {row['pages']:5d} {row['s_per_page']:7.3f} "
                  f"{row['plain_pages']:5d} {row['plain_s_per_page']:7.3f} "
                  f"{row['ratio']:5.2f}x  {verdict}")
        if floors:
            print("\nno stylesheet of ours, no start-up of Prospector, against the same twin:")
            print(f"{'plan':14} {'what':7} {'elements':>8} {'pages':>5} {'s/page':>7} {'ratio':>6}")
            for row in floors:
                what = "markup" if row["kind"] == "markup" else "blocks"
                print(f"{row['plan']:14} {what:7} {row['elements']:8d} {row['pages']:5d} "
                      f"{row['s_per_page']:7.3f} {row['ratio']:5.2f}x")
        if args.sections:
            print("\nsection (sample, alone, warm)   pages  layout s/page")
            for row in section_costs(_plans(True, work)[0][1], work):
                print(f"{row['section']:30} {row['pages']:6d} {row['layout_s_per_page']:8.3f}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
