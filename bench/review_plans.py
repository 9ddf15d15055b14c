"""Render the fresh-eyes review's PDFs: the sample, a one-account plan, a 120-account plan and
the sample with every text four times as long, each in the leader's edition and Jonas
Albrecht's.

    .venv/bin/python bench/review_plans.py OUT_FOLDER [sample one 120 long]

writes OUT_FOLDER/<plan>-leader.pdf and OUT_FOLDER/<plan>-rep.pdf.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.plans import large_sample_plan, long_text_plan, one_account_plan, sample_plan
from prospector.playbook import render_playbook_pdf

PLANS = {"sample": sample_plan, "one": one_account_plan, "long": long_text_plan,
         "120": lambda: large_sample_plan(accounts=120)}
REP = "Jonas Albrecht"


def main(argv: list[str]) -> None:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name in argv[1:] or list(PLANS):
        plan = PLANS[name]()
        for edition, rep in (("leader", None), ("rep", REP)):
            path = out / f"{name}-{edition}.pdf"
            result = render_playbook_pdf(plan, path, rep_name=rep, today=date(2027, 1, 4))
            print(path, result.pages if hasattr(result, "pages") else "", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
