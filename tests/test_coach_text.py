"""Empty phrases and generic claims: found where they are used, ignored where the leader quotes
them as what not to say."""

import pytest

from prospector.coach.text import EMPTY_PHRASES, GENERIC_CLAIMS, fewer_words_than, word_count

USED = [
    ("Just checking in on the proposal.", "Just checking in"),
    ("Hi {{first_name}}, just checking in!", "just checking in"),
    ('"Just checking in"', "Just checking in"),  # a whole talk track in quotes is still used
    ("Subject: Checking in", "Checking in"),
    ("I hope you're well. Here is the benchmark.", "hope you're well"),
    ("Hope you’re doing well!", "Hope you’re doing well"),
    ("Hope this email finds you well", "Hope this email finds you well"),
    ("No worries, just checking in.", "just checking in"),  # the negation is in another clause
    ("Not sure you saw it, so just following up.", "just following up"),
    ("Wanted to touch base this week.", "touch base"),
    ("Touching base about the pilot", "Touching base"),
    ("I'll circle back next week.", "circle back"),
    ("Happy to circle back next quarter if not now.", "circle back"),
    ("Just following up on my last email", "Just following up"),
    ("Did you see my email?", "Did you see my email"),
    ("Bumping this to the top of your inbox.", "Bumping this"),
    ("Just reaching out to introduce myself.", "Just reaching out"),
    ("Could I pick your brain?", "pick your brain"),
    ("Quick check-in", "Quick check-in"),
    ("Check in", "Check in"),
    ("Follow up", "Follow up"),
    ("Follow-up call.", "Follow-up call"),
]

MENTIONED = [
    'never say "just checking in"',
    'no "touch base" emails',
    "don't circle back",
    "Don’t circle back.",
    'Instead of "following up", send page 4 of the benchmark.',
    '"Touch base" is not a reason to call.',
    "Touch base emails don't work.",
    'Avoid phrases like "hope you are well" and "circle back".',
    'Examples of what not to say: "just checking in", "touch base", "circle back".',
    "We never just check in: every call brings a number.",
    "Replace 'touch base' with the insight.",
    "It's not just checking in",
    "Never open with “Hope you’re well”.",
    # not empty phrases at all
    "Follow up on the benchmark with the worksheet.",
    "Check in at the registration desk from 18:00.",
    "Our reliability team just published a one-page note.",
]


@pytest.mark.parametrize(("text", "phrase"), USED)
def test_empty_phrase_used_is_found_as_written(text, phrase):
    assert phrase in EMPTY_PHRASES.find(text)


@pytest.mark.parametrize("text", MENTIONED)
def test_empty_phrase_negated_or_quoted_as_an_example_is_ignored(text):
    assert EMPTY_PHRASES.find(text) == ()


@pytest.mark.parametrize(("text", "found"), [
    ("We are an industry-leading provider of great service",
     ("industry-leading", "great service")),
    ("High-quality products and a customer-centric team", ("High-quality", "customer-centric")),
    ("State of the art, world class, best in class",
     ("State of the art", "world class", "best in class")),
    ("A cutting-edge, seamless one-stop shop", ("cutting-edge", "seamless", "one-stop shop")),
])
def test_generic_claims_are_found(text, found):
    assert GENERIC_CLAIMS.find(text) == found


@pytest.mark.parametrize("text", [
    "Not another industry-leading platform",
    'We don\'t claim to be "world-class"; we show the numbers.',
    "Never a “one-stop shop”: we only do predictive maintenance.",
    "Connected in 19 days, no sensors on 51 of 62 presses.",
])
def test_generic_claims_negated_or_absent_are_ignored(text):
    assert GENERIC_CLAIMS.find(text) == ()


def test_each_phrase_is_reported_once_and_in_order():
    text = "Just checking in. Touch base? Just checking in again, and touch base."
    assert EMPTY_PHRASES.find(text) == ("Just checking in", "Touch base")


def test_every_label_is_found_by_its_own_pattern():
    for finder in (EMPTY_PHRASES, GENERIC_CLAIMS):
        for label, anchor, _ in finder.patterns:
            text = label.replace(" (on its own)", "")
            assert anchor in text.lower().replace("’", "'"), label
            assert finder.search(text), label


def test_empty_and_odd_text():
    assert EMPTY_PHRASES.find("") == ()
    assert EMPTY_PHRASES.find("İstanbul: just checking in") == ("just checking in",)
    assert not EMPTY_PHRASES.search("")


def test_word_counts():
    assert word_count("  one two\nthree ") == 3
    assert fewer_words_than("one two three", 4) and not fewer_words_than("one two three", 3)
    assert fewer_words_than("", 1) and not fewer_words_than("", 0)
