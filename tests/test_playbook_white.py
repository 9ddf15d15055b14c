"""White space on the sample's pages (issue 16): no half-empty pages left by forced page breaks or
cards pushed whole to the next page. Measured as bench/playbook_figures.py measures it (its
``measure_pdf``: bands of empty rows at least 4 mm tall and empty space right of the text); the
mean white share is the bench's figure, not a test (it moves with every text of the sample)."""

from __future__ import annotations

from tests.design_figures import figures as _figures


def test_the_samples_editions_have_at_most_one_body_page_more_than_half_white(
        sample_leader_pdf, sample_rep_pdf):
    figures = _figures()
    for result in (sample_leader_pdf[0], sample_rep_pdf[0]):
        white = figures.measure_pdf(result.path).white
        half_white = {page: round(w.share, 2) for page, w in white.items() if w.share > 0.5}
        assert len(half_white) <= 1, (result.path.name, half_white)


def test_the_figures_skip_only_the_pages_that_hold_the_cover_or_the_contents(tmp_path):
    """A page the contents ran on to with only a note on it (the long-text plan's "shortened for
    print" box, 85% white) was skipped as contents, so no budget saw it; an edition printed
    without a cover lost its first chapter page the same way."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - test extra
    from weasyprint import HTML  # noqa: PLC0415 - test extra

    figures = _figures()
    chapter = '<section id="sec-goal" style="break-before: page"><h1>Goal</h1></section>'
    contents = ('<section id="sec-contents" style="break-before: page"><a href="#sec-goal">Goal</a>'
                '<p style="break-before: page">A note</p></section>')
    for html, skipped in ((f"<p>Cover</p>{contents}{chapter}", {0, 1}),
                          (chapter.replace("break-before: page", ""), set())):
        path = tmp_path / "doc.pdf"
        HTML(string=html).write_pdf(path)
        pdf = pdfium.PdfDocument(str(path))
        try:
            assert figures.excluded_pages(pdf) == skipped
        finally:
            pdf.close()
