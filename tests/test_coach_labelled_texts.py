"""The coach on texts written the way leaders write them (tests/data/coach_labelled_texts.json):
precision and recall of at least 0.9, overall and for each kind of text."""

from collections import Counter

import pytest

from prospector.coach import RULES_BY_ID
from prospector.coach.labelled import KINDS, evaluate, judge, load

ITEMS = load()
MINIMUM = 0.9
VERDICTS, SCORES = evaluate(ITEMS)


def test_the_set_is_large_balanced_and_labelled_with_rules_that_judge_its_kind():
    assert len(ITEMS) >= 60
    counts = Counter((item["kind"], item["expect"]) for item in ITEMS)
    for kind in KINDS:
        flag, fine = counts[(kind, "flag")], counts[(kind, "fine")]
        assert flag >= 10 and fine >= 10, kind
        assert 0.35 <= flag / (flag + fine) <= 0.65, kind  # about half should be flagged
    for item in ITEMS:
        assert item["expect"] in ("flag", "fine") and item["text"].strip()
        if item["expect"] == "flag":
            assert item["rule"] in KINDS[item["kind"]][1] and item["rule"] in RULES_BY_ID
        else:
            assert "rule" not in item
    assert len({item["text"] for item in ITEMS}) == len(ITEMS)
    assert {item["set"] for item in ITEMS} == {"first", "second", "third", "fourth", "fifth"}


@pytest.mark.parametrize("kind", [*KINDS, "all"])
def test_precision_and_recall_are_at_least_0_9(kind):
    score = SCORES[kind]
    wrong = [(v.expect, v.rule, v.fired, v.text) for v in VERDICTS
             if (kind == "all" or v.kind == kind) and (v.false_alarm or v.missed)]
    assert score.precision >= MINIMUM and score.recall >= MINIMUM, wrong


def test_the_issue_s_examples_are_read_for_substance():
    def said(kind, text):
        return judge({"kind": kind, "text": text, "expect": "fine"}).fired

    assert said("touch_value", "Reaching out again to see if you'd be open to a quick chat.") == (
        "touch-asks-for-time",)
    assert said("touch_value", "Offer a 30-minute demo of our features.") == ("touch-about-us",)
    assert said("touch_value", "Send our latest press release about our award.") == (
        "touch-about-us",)
    assert said("touch_value", "Follow up the roundtable with the benchmark of the eight plants "
                               "that attended.") == ()


def test_the_set_never_used_to_change_the_detectors_reads_at_least_as_well_as_at_first_look():
    """The fifth set was written last and measured once; it is kept out of the tuning, so a
    change that reads it worse is a change that generalises worse."""
    from prospector.coach.docs import FIRST_LOOKS  # noqa: PLC0415 - only this test needs it

    (_, texts, precision, recall), = [look for look in FIRST_LOOKS if look[0] == "fifth"]
    _, scores = evaluate(item for item in ITEMS if item["set"] == "fifth")
    assert scores["all"].texts == texts
    assert scores["all"].precision >= precision - 0.005 and scores["all"].recall >= recall - 0.005
