"""docs/coach-rules.md is generated from the rule registry and stays current."""

from prospector.coach import RULES, THRESHOLDS
from prospector.coach.actuals_rules import ACTUALS_RULES
from prospector.coach.docs import rules_markdown
from prospector.coach.thresholds import documented
from tests.conftest import REPO


def test_rules_doc_is_generated_from_the_current_rules():
    on_disk = (REPO / "docs" / "coach-rules.md").read_text("utf-8")
    assert on_disk == rules_markdown(), "run: python -m prospector.coach.docs"


def test_rules_doc_covers_every_rule_and_threshold():
    text = rules_markdown()
    for rule in (*RULES, *ACTUALS_RULES):
        assert f"### `{rule.id}`" in text
    for name, *_ in documented(THRESHOLDS):
        assert f"`{name}`" in text
    assert "just checking in" in text and "industry-leading" in text
