"""Regenerate docs/playbook/: pages of the sample playbook as images (needs pdftoppm).

    .venv/bin/python docs/make_playbook_pages.py
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.resources import sample_plan_path

OUT = Path(__file__).resolve().parent / "playbook"
PAGES = {"leader": (1, 20), "rep": (9,)}  # cover, a cadence timeline; a rep's schedule week


def main() -> int:
    plan = read_plan_file(sample_plan_path())
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for edition, pages in PAGES.items():
            pdf = Path(tmp) / f"{edition}.pdf"
            render_playbook_pdf(plan, pdf, rep_name=plan.reps[0].name if edition == "rep" else None)
            for page in pages:
                subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page),
                                str(pdf), str(OUT / edition)], check=True)
    for image in sorted(OUT.glob("*.png")):
        print(image)
    return 0


if __name__ == "__main__":
    sys.exit(main())
