"""The rep's edition says the plan's words about "the rep" to the rep (prospector/playbook/
to_the_rep.py)."""

from __future__ import annotations

import pytest

from prospector.playbook.limits import Cut
from prospector.playbook.to_the_rep import to_the_rep


@pytest.mark.parametrize(("written", "said"), [
    ("The rep records the criteria in the CRM.", "You record the criteria in the CRM."),
    ("Each rep has a target; the rep always reaches out first.",
     "You have a target; you always reach out first."),
    ("Katrin calls the rep on Monday and the rep's manager signs.",
     "Katrin calls you on Monday and your manager signs."),
    ("A rep tries again, then the rep does it.", "You try again, then you do it."),
    ("Reps count the same way.", "Reps count the same way."),  # not about "the rep"
])
def test_the_plans_words_about_the_rep_are_said_to_the_rep(written, said):
    assert to_the_rep(written) == said


def test_a_text_cut_for_print_stays_cut():
    said = to_the_rep(Cut("The rep records", " [… 20 more characters]"))
    assert isinstance(said, Cut) and said == "You record" and said.marker.startswith(" […")
