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
