"""bench/playbook_figures.py, the one measure of the playbook's design figures (issue 16), loaded
for the tests that hold the sample to them (the bench folder is not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _bench_module(name: str):
    """The module bench/<name>.py (loaded once)."""
    key = f"bench_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module


def figures():
    """The module bench/playbook_figures.py."""
    return _bench_module("playbook_figures")


def bench_plans():
    """The module bench/plans.py: the fresh-eyes review's plans (the long-text plan, ...)."""
    return _bench_module("plans")


def sentences_printed_twice(path: Path) -> dict[str, int]:
    """The plan's sentences (8 words or more) an edition prints more than once, counted as the
    bench counts them (its docstring: text inside the margins, the plan's own texts only, the
    call cards' pages counting as one copy together)."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - test extra

    bench = figures()
    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = bench.page_texts(pdf, bench.css_margins_mm(), bench.excluded_pages(pdf))
        cards = bench.card_pages(pdf)
    finally:
        pdf.close()
    return bench.repeated_sentences(texts, bench.plan_runs(), cards)


def white_share(path: Path, page: int) -> float:
    """The white share of page ``page`` (from 1) of a PDF, as the bench measures it."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - test extra

    bench = figures()
    pdf = pdfium.PdfDocument(str(path))
    try:
        return bench.page_white(pdf[page - 1], bench.css_margins_mm(), 72).share
    finally:
        pdf.close()
