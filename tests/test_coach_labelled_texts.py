"""The coach on texts written the way leaders write them (tests/data/coach_labelled_texts.json):
precision and recall of at least 0.9, overall and for each kind of text."""

from collections import Counter

import pytest

from prospector.coach import RULES_BY_ID
from prospector.coach.engine import review
from prospector.coach.labelled import KINDS, LABELLED_PATHS_BY_LANGUAGE, evaluate, judge, load
from prospector.coach.text import EMPTY_PHRASES, GENERIC_CLAIMS
from prospector.model import Plan

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


def test_the_german_false_alarms_of_the_held_out_sets_are_read_by_the_rule_a_leader_names():
    """Each had its own cause (docs/coach-rules.md, the eleventh set): a reminder of our own
    message, a compound noun hiding what we sell, "you'd be surprised" unheard in German; and a
    follow-up bringing a tool the client uses without us is no empty phrase."""
    def said(kind, text, **more):
        return judge({"kind": kind, "text": text, "expect": "fine", **more}).fired

    assert said("touch_value", "Kurze Erinnerung an mein Angebot.") == ("touch-no-value",)
    assert said("question", "Haben Sie schon von unserem Kassensystem gehört?") == (
        "question-about-us",)
    assert said("objection_response", "Sie werden überrascht sein, wie viel besser wir sind. "
                "Wann können wir das zeigen?", says="Wir haben schon einen Lieferanten.") == (
        "objection-response-no-question", "objection-response-argues")
    assert said("touch_value", "Nachfassen nach der Messe: der Rechner, mit dem Ihr Team die "
                               "Energiekosten je Linie selbst ermittelt.") == ()


def test_the_set_never_used_to_change_the_detectors_reads_at_least_as_well_as_at_first_look():
    """The fifth set was written last and measured once; it is kept out of the tuning, so a
    change that reads it worse is a change that generalises worse."""
    from prospector.coach.docs import FIRST_LOOKS  # noqa: PLC0415 - only this test needs it

    (_, texts, precision, recall), = [look for look in FIRST_LOOKS if look[0] == "fifth"]
    _, scores = evaluate(item for item in ITEMS if item["set"] == "fifth")
    assert scores["all"].texts == texts
    assert scores["all"].precision >= precision - 0.005 and scores["all"].recall >= recall - 0.005


@pytest.mark.parametrize("language", sorted(LABELLED_PATHS_BY_LANGUAGE))
def test_german_and_french_texts_are_read_as_well_as_english(language):
    items = load(LABELLED_PATHS_BY_LANGUAGE[language])
    assert all(sum(item["kind"] == kind for item in items) >= 30 for kind in KINDS)
    assert 0.35 <= sum(item["expect"] == "flag" for item in items) / len(items) <= 0.65
    verdicts, scores = evaluate(items)
    wrong = [(v.expect, v.rule, v.fired, v.text) for v in verdicts if v.false_alarm or v.missed]
    assert scores["all"].precision >= MINIMUM and scores["all"].recall >= MINIMUM, wrong


@pytest.mark.parametrize("language", sorted(LABELLED_PATHS_BY_LANGUAGE))
def test_every_german_and_french_set_reads_at_least_as_well_as_at_first_look(language):
    """Each set's first look (measured once, as written, before it changed the lists) is a floor:
    a change that reads any set worse than it was read before it tuned anything generalises
    worse. The eleventh set is the newest such measure (docs/coach-rules.md)."""
    from prospector.coach.docs import (  # noqa: PLC0415 - only here
        FIRST_LOOKS_BY_LANGUAGE,
        LANGUAGE_SETS,
    )

    items = load(LABELLED_PATHS_BY_LANGUAGE[language])
    assert {item["set"] for item in items} == set(LANGUAGE_SETS)
    assert sum(item["set"] == "eleventh" for item in items) >= 40
    worse = []
    for name, texts, precision, recall in FIRST_LOOKS_BY_LANGUAGE[language]:
        _, scores = evaluate(item for item in items if item["set"] == name)
        now = scores["all"]
        assert now.texts == texts, name
        if now.precision < precision - 0.005 or now.recall < recall - 0.005:
            worse.append((name, now.precision, now.recall, precision, recall))
    assert worse == []


def test_a_plan_mixing_languages_reads_each_text_in_its_own():
    plan = Plan.model_validate({"name": "DACH and France", "touches": [
        {"id": "de", "title": "Nachfassen", "channel": "email",
         "value": "Ich wollte nur mal kurz nachhaken, ob Sie unsere Broschüre gelesen haben."},
        {"id": "fr", "title": "Relance", "channel": "email",
         "value": "Je me permets de vous relancer au sujet de notre offre de maintenance."},
        {"id": "en", "title": "Benchmark", "channel": "email",
         "value": "Send the scrap-rate benchmark of the eight plants in Bavaria."},
        {"id": "de-fine", "title": "Vergleich", "channel": "email",
         "value": "Der Vergleich der Ausschussquote von acht Werken in Bayern, mit den zwei "
                  "Hebeln, die dort gewirkt haben."},
    ], "differentiators": [
        {"id": "d-de", "difference": "Wir sind Marktführer mit einem erfahrenen Team."},
        {"id": "d-fr", "difference": "Une solution innovante et clé en main."},
    ]})
    fired = {(f.item_id, f.rule_id) for f in review(plan).findings}
    assert ("de", "touch-empty-phrase") in fired and ("fr", "touch-empty-phrase") in fired
    assert ("d-de", "differentiator-generic") in fired
    assert ("d-fr", "differentiator-generic") in fired
    assert not {rule for item, rule in fired if item in ("en", "de-fine")} & set(
        KINDS["touch_value"][1])


def test_german_and_french_phrases_are_quoted_as_written_and_near_misses_pass():
    # "nach" alone (not "nachhaken") is an everyday German word
    relance = "Je me permets de vous relancer"
    assert EMPTY_PHRASES.find(relance + ".") == (relance,)
    assert EMPTY_PHRASES.find("Wir nehmen die Anlage nach dem Umbau wieder in Betrieb.") == ()
    assert GENERIC_CLAIMS.find("Les clients choisissent notre solution innovante.") == (
        "innovante",)


def test_each_labelled_text_is_told_to_be_in_its_language():
    from prospector.coach.language import detect  # noqa: PLC0415 - only this test needs it

    sets = {"en": ITEMS} | {language: load(path)
                            for language, path in LABELLED_PATHS_BY_LANGUAGE.items()}
    told = {language: [i["text"] for i in items if detect(i["text"]) != language]
            for language, items in sets.items()}
    assert told == {language: [] for language in sets}
