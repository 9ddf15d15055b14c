"""The leader's team scorecard: one table of the team in the accountability chapter, a row per
rep with the weekly activity targets and the opportunity target, a column per month to write the
actual in, the team's row and what it adds up to against the goal."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from prospector.planfile import read_plan_file
from prospector.playbook.render import render_playbook_html
from prospector.resources import sample_plan_path


@pytest.fixture(scope="module")
def sample():
    return read_plan_file(sample_plan_path())


def _cells(row: str) -> list[str]:
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split())
            for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]


def team_table(plan) -> list[list[str]]:
    """The team scorecard's rows (head rows first), each a list of its cells' texts."""
    page = render_playbook_html(plan, today=date(2027, 1, 4))
    table = re.search(r'<div class="team-scorecard">.*?</table>', page, re.S)
    assert table, "no team scorecard"
    return [_cells(r) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(0), re.S)]


def _changed(plan, goal: str, first_meetings: float, touches: float = 45):
    per_rep = {"First meetings held": first_meetings, "Value-creating touches delivered": touches}
    targets = [t.model_copy(update={"per_rep": per_rep.get(t.metric, t.per_rep)})
               for t in plan.accountability.targets]
    return plan.model_copy(update={
        "basics": plan.basics.model_copy(update={"goal": goal}),
        "accountability": plan.accountability.model_copy(update={"targets": targets})})


def test_a_row_per_rep_with_the_weekly_activity_and_the_opportunity_target(sample):
    rows = team_table(sample)
    head = rows[1]
    assert head[:3] == ["Value-creating touches delivered",
                        "Conversations with decision makers in target accounts",
                        "New contacts mapped in target accounts"]
    assert head[3:] == ["Campaign", "Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    assert "First meetings held: the goal, and the actual by month" in rows[0]
    by_rep = {r[0]: r[1:] for r in rows[2:]}
    for rep in sample.reps:
        # a week's activity goals, the campaign's first meetings (25 weeks), a month's goal for
        # the actual in each month's cell (the weeks the rep's scorecard counts in it)
        assert by_rep[rep.name] == ["45", "8", "4", "25", "/ 3", "/ 4", "/ 5", "/ 4", "/ 5",
                                    "/ 4"], rep.name
    assert by_rep["Team (3)"] == ["135", "24", "12", "75", "/ 9", "/ 12", "/ 15", "/ 12",
                                  "/ 15", "/ 12"]


@pytest.mark.parametrize(("goal", "per_week", "team", "said"), [
    ("60 first meetings by June.", 1, "75", "the reps’ targets add up to 15 more than the goal"),
    ("75 first meetings by June.", 1, "75", "the reps’ targets add up to the goal"),
    ("160 first meetings by June.", 2, "150", "the reps’ targets fall 10 short of the goal"),
])
def test_the_teams_row_sums_the_reps_and_the_goals_row_says_the_gap(sample, goal, per_week,
                                                                    team, said):
    rows = team_table(_changed(sample, goal, per_week, touches=30))
    by_rep = {r[0]: r[1:] for r in rows[2:]}
    assert by_rep["Team (3)"][:4] == ["90", "24", "12", team]  # 3 x 30 touches a week
    figure = re.match(r"\d+", goal).group(0)
    assert by_rep["The goal"] == ["", figure, said]


def test_a_goal_without_the_targets_figure_has_no_goal_row(sample):
    rows = team_table(_changed(sample, "A first meeting with each dream client by June.", 1))
    assert "The goal" not in [r[0] for r in rows]


def test_the_leaders_copy_of_the_weekly_scorecard_has_rows_a_hand_can_write_in(sample):
    """Its rows were 4.8 mm (the rep's are 6 mm): with the team's scorecard before it, it has a
    page of its own, which 6 mm rows fill."""
    page = render_playbook_html(sample, today=date(2027, 1, 4))
    assert re.search(r'class="scorecard-page" style="--row: 6(\.0)?mm"', page)


def test_a_team_of_one_has_the_reps_row_and_the_goals_without_a_teams_row(sample):
    rep = sample.reps[0].model_copy(update={"account_ids": [a.id for a in sample.accounts]})
    rows = team_table(sample.model_copy(update={"reps": [rep]}))
    assert [r[0] for r in rows[2:]] == [rep.name, "The goal"]
    assert rows[-1] == ["The goal", "", "60", "the rep’s target falls 35 short of the goal"]


def test_a_plan_of_many_activity_targets_keeps_the_table_to_a_pages_width(sample):
    """40 weekly activity targets made 40 columns (the 2,000-account test's edition ran over
    its memory budget): the table prints the first four and says where the others are."""
    target = sample.accountability.targets[0]
    many = [target.model_copy(update={"metric": f"Metric {i}"}) for i in range(40)]
    plan = sample.model_copy(update={"accountability": sample.accountability.model_copy(
        update={"targets": many})})
    rows = team_table(plan)
    assert rows[1][:4] == ["Metric 0", "Metric 1", "Metric 2", "Metric 3"]
    assert len(rows[1]) == 4  # no opportunity target: no months
    page = render_playbook_html(plan, today=date(2027, 1, 4))
    assert ("The team’s scorecard prints the first 4 weekly activity targets; the other 36 are "
            "in the table of targets.") in html.unescape(page)


def test_a_long_name_wraps_in_its_row_instead_of_being_cut(sample):
    """"Matthias Virtanen" was printed "Matthias Virtan…" (the 120-account plan): a name too wide
    for the rep's column goes on to a second line, and only a name longer than two is cut."""
    plan = sample.model_copy(deep=True)
    plan.reps[0].name = "Matthias Virtanen"
    plan.reps[1].name = " ".join(["Alexandra-Konstantina"] * 5)
    names = [row[0] for row in team_table(plan)[2:5]]
    assert names[0] == "Matthias Virtanen"
    assert names[1].endswith("…") and len(names[1]) < len(plan.reps[1].name)


def test_the_printed_names_break_between_words_only(sample, tmp_path):
    """Printed, each name reads whole, on one line or two ("Jon / as / Alb / rec / ht" when the
    name was set in the week number's narrow box)."""
    import subprocess  # noqa: PLC0415 - this test alone reads the PDF's text

    from prospector.playbook import render_playbook_pdf  # noqa: PLC0415

    plan = sample.model_copy(deep=True)
    plan.reps[0].name = "Matthias Virtanen"
    path = render_playbook_pdf(plan, tmp_path / "team.pdf", section="accountability",
                               today=date(2027, 1, 4)).path
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    team = text[text.index("Team scorecard"):]
    for rep in plan.reps:
        assert rep.name in team, rep.name
