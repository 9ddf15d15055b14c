"""An account card's head: the name on the left, who works the account with which cadence on the
right of its first line, in a box as wide as that line (render.owner_box, so WeasyPrint measures
nothing), the name wrapping clear of it."""

from __future__ import annotations

from datetime import date

from prospector.playbook.render import Renderer
from tests.test_playbook_glance import words

PT_PER_MM = 72 / 25.4


def test_a_long_name_wraps_clear_of_the_owner_line_which_ends_at_the_margin(sample_plan,
                                                                             tmp_path):
    account = sample_plan.accounts[0]
    account.name = "Kaltenegger Kunststofftechnik Werkzeugbau und Anlagenservice Holding GmbH"
    rep = next(r for r in sample_plan.reps if account.id in r.account_ids)
    result = Renderer().render(sample_plan, tmp_path / "accounts.pdf", section="accounts",
                               today=date(2027, 1, 4), tagged=False)
    page = result.anchors[f"acc-{account.id}"][0] + 1
    found = words(result.path, page)
    first = next(w for w in found if w[4] == "Kaltenegger")
    line = [w for w in found if abs(w[1] - first[1]) < 3]  # the name's first line
    owner = [w for w in line if w[4] in rep.name.split()]
    assert owner, "the owner line is on the name's first line"
    name_end = max(w[2] for w in line if w not in owner and w[0] < owner[0][0])
    assert owner[0][0] - name_end >= 4 * PT_PER_MM - 0.5  # 4 mm clear of the name
    right_margin = 595.28 - 18 * PT_PER_MM  # A4, 18 mm
    assert right_margin - 1 <= max(w[2] for w in line) <= right_margin + 0.5  # ends at it
    assert any(w[4] == "Holding" and w[1] > first[1] + 3 for w in found)  # the name wrapped
