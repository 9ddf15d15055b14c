"""The one declaration of the plan's sections and steps, and what reads it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from prospector.coach import review
from prospector.coach.rules import REGISTRY
from prospector.model import Plan
from prospector.playbook.context import READINESS
from prospector.playbook.render import render_playbook_html
from prospector.resources import templates_dir
from prospector.sections import (
    ACCOUNTS,
    LEADER_CHAPTERS,
    REP_CHAPTERS,
    SECTIONS,
    STEPS,
    step_status,
)
from prospector.store import PlanStore
from ui.main_window import MainWindow

# The actuals are what the reps did, not a part of the plan the leader writes: the review reads
# them (prospector/actuals/).
NOT_SECTIONS = {"format", "schema_version", "name", "id", "actuals"}


def test_every_section_of_the_plan_is_declared_once_in_a_step():
    fields = [name for name in Plan.model_fields if name not in NOT_SECTIONS]
    declared = [section.key for section in SECTIONS]
    assert sorted(declared) == sorted(fields)  # none missing, none twice
    assert declared == fields  # the steps take the sections in the plan file's order


def test_titles_are_one_per_section_and_step():
    for titles in ([s.title for s in SECTIONS], [s.title for s in STEPS]):
        assert len(set(titles)) == len(titles)


def test_every_coach_rule_belongs_to_a_declared_section():
    declared = {section.key for section in SECTIONS}
    assert {rule.section for rule in REGISTRY} <= declared


def test_the_coach_scores_every_declared_section_with_its_title(sample_plan):
    report = review(sample_plan)
    assert list(report.section_scores) == [section.key for section in SECTIONS]


def test_completeness_counts_every_step_but_the_review_in_the_leaders_words(sample_plan):
    statuses = step_status(sample_plan)
    assert list(statuses) == [step.key for step in STEPS if step.key != "review"]
    assert statuses["targets"].summary == f"{len(sample_plan.accounts)} accounts"
    assert statuses["touches"].summary == f"{len(sample_plan.touches)} touches"
    one_touch = sample_plan.model_copy(update={"touches": sample_plan.touches[:1]})
    assert step_status(one_touch)["touches"].summary == "1 touch"
    blank = step_status(Plan(name="Blank"))
    assert not any(status.done for status in blank.values())
    assert blank["basics"].summary == "no goal yet"


def test_the_app_has_one_page_per_step_in_order(qtbot, tmp_path, sample_plan):
    window = MainWindow(PlanStore(), sample_plan,
                        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    nav = window.navigator
    keys = [nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(nav.count())]
    assert keys == [step.key for step in STEPS]
    assert [window.stack.widget(row).key for row in range(window.stack.count())] == keys
    assert nav.item(1).text().startswith("Targets")


def test_every_chapter_of_the_playbook_is_a_declared_one_with_its_template():
    for edition, chapters in (("leader", (*LEADER_CHAPTERS, READINESS)), ("rep", REP_CHAPTERS)):
        files = {path.name.removesuffix(".html.j2")
                 for path in (templates_dir() / "playbook" / edition).glob("*.html.j2")}
        assert files == {chapter.id for chapter in chapters}, edition


def test_both_editions_print_the_declared_chapters_in_order(sample_plan):
    for chapters, rep in ((LEADER_CHAPTERS, None), (REP_CHAPTERS, sample_plan.reps[0].name)):
        html = render_playbook_html(sample_plan, rep_name=rep)
        places = [html.index(f'id="sec-{chapter.id}"') for chapter in chapters]
        assert places == sorted(places)
        assert all(chapter.title in html for chapter in chapters)


def test_a_row_as_add_made_it_shows_in_the_count_but_does_not_complete_the_step():
    blank = Plan(name="P")
    added = Plan(name="P", accounts=[dict(ACCOUNTS.new_item)])
    assert step_status(added)["targets"].summary == "1 account"
    assert step_status(added)["targets"].share == step_status(blank)["targets"].share
    named = Plan(name="P", accounts=[{"name": "Region Skåne", "tier": "A"}])
    assert step_status(named)["targets"].share > step_status(blank)["targets"].share
