"""Regenerate docs/playbook/: pages of the sample playbook as images (needs pdftoppm).

    .venv/bin/python docs/make_playbook_pages.py

Pages are found by what they show (not by number, which moves as chapters are added): the first
page after the cover and the contents whose text holds the words.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2

from prospector.actuals_import import read_actuals
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.playbook.review_sheet import render_review_pdf
from prospector.resources import sample_plan_path

OUT = Path(__file__).resolve().parent / "playbook"
# image name -> (edition, text on its page)
PAGES = {"leader-cover": ("leader", None), "leader-glance": ("leader", "At a glance"),
         "leader-objections": ("leader", "Objection library"),
         "leader-call-card": ("leader", "Cares about:"),
         "leader-cadence": ("leader", "Campaign cadence"), "rep-schedule": ("rep", "Message left"),
         # the German rep's edition printed in German (prospector pdf --rep ... --language de)
         "rep-de-glance": ("rep-de", "Auf einen Blick"),
         "rep-de-call-card": ("rep-de", "Was zählt:"),
         "rep-de-schedule": ("rep-de", "Auf AB")}
LANGUAGES = {"rep-de": "de"}
# the printed weekly review: the sample with its example CRM exports imported (their amounts,
# "38,000", read "1,234.5"), the week the README's commands print
EXPORTS = ("sample-activities-report.csv", "sample-opportunities-report.csv")
REVIEW_WEEK = "2027-W06"


def _page_of(pdf: Path, wanted: str | None) -> int:
    if wanted is None:
        return 1
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for number in range(len(document)):
            text = document[number].get_textpage().get_text_range()
            contents = "Contents" in text[:60]
            if wanted in text and number > 0 and not contents:  # not the cover or contents
                return number + 1
    finally:
        document.close()
    raise LookupError(f"no page of {pdf.name} starts with {wanted!r}")


def main() -> int:
    plan = read_plan_file(sample_plan_path())
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = {}
        for edition in ("leader", "rep", "rep-de"):
            pdfs[edition] = Path(tmp) / f"{edition}.pdf"
            render_playbook_pdf(plan, pdfs[edition],
                                rep_name=plan.reps[0].name if edition != "leader" else None,
                                language=LANGUAGES.get(edition))
        for name, (edition, wanted) in PAGES.items():
            page = _page_of(pdfs[edition], wanted)
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(page),
                            "-l", str(page), str(pdfs[edition]), str(OUT / name)], check=True)
        with_actuals = plan
        for export in EXPORTS:
            found = read_actuals(with_actuals, sample_plan_path().parent / export,
                                 number_format="dot")
            with_actuals = found.apply(with_actuals)
        review = Path(tmp) / "review.pdf"
        render_review_pdf(with_actuals, review, week=REVIEW_WEEK)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(review),
                        str(OUT / "weekly-review")], check=True)
    for image in sorted(OUT.glob("*.png")):
        print(image)
    return 0


if __name__ == "__main__":
    sys.exit(main())
