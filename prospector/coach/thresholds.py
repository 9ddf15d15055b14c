"""Every number the coach judges a plan by, in one place, each with the reason behind it.

``Thresholds`` holds what the rules compare against; ``Scoring`` holds how findings become the
readiness score. Both are frozen dataclasses whose field metadata (unit, doc) is printed in
``docs/coach-rules.md``, so the documentation cannot drift from the values. ``review()`` takes
either as an argument, so a team with a longer sales cycle can tune them without touching a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..sections import SECTIONS


def _t(value, unit: str, doc: str):  # a dataclass field with its unit and reason
    return field(default=value, metadata={"unit": unit, "doc": doc})


@dataclass(frozen=True, slots=True)
class Thresholds:
    """What the rules compare a plan against."""

    min_value_words: int = _t(
        8, "words",
        "A touch's stated value shorter than this names a thing (\"our brochure\") rather than the "
        "insight or idea the client takes away.")
    max_words_besides_empty_phrases: int = _t(
        2, "words",
        "A touch's value that has no more words than this once its empty phrases are taken out "
        "(\"Just checking in.\", \"Following up again\") counts as no value at all.")
    min_strategy_words: int = _t(
        10, "words",
        "A strategy shorter than this (\"Sell more to manufacturers\") is a slogan, not the few "
        "choices behind the plan: where we win, what we lead with, what we ask for first.")
    min_reason_words: int = _t(
        4, "words",
        "An account's reason for being a target shorter than this (\"big\", \"good fit\") gives "
        "the rep nothing to open with.")
    min_difference_words: int = _t(
        5, "words",
        "A differentiator shorter than this is a label (\"our people\", \"quality\"), not a "
        "difference a rep can explain.")
    max_written_words: int = _t(
        180, "words",
        "Email and social messages longer than this are skimmed, not read: a first touch should "
        "fit on a phone screen.")
    min_personalised_words: int = _t(
        15, "words",
        "Written messages at least this long are expected to carry a merge field such as "
        "{{first_name}} or {{company}}; shorter ones may be a one-line note.")
    min_cadence_touches: int = _t(
        8, "touches",
        "A campaign with fewer steps gives up before a busy buyer who is not in the market today "
        "has noticed you. Dream clients deserve more.")
    min_cadence_span_days: int = _t(
        42, "days",
        "A campaign that ends within six weeks stops before trust has had time to build; the "
        "method asks for many touches over weeks and months.")
    burst_window_days: int = _t(
        3, "days",
        "The window in which touches are counted for the nuisance check (days d, d+1, d+2).")
    burst_max_touches: int = _t(
        2, "touches",
        "More touches than this within the burst window feels like pressure, not help.")
    max_same_channel_in_a_row: int = _t(
        2, "steps",
        "More consecutive steps on one channel than this reads as a sequence tool, not a person, "
        "and misses buyers who do not live on that channel.")
    min_channels: int = _t(
        3, "channels",
        "A campaign of at least `min_steps_for_channel_mix` steps should use at least this many "
        "channels.")
    min_steps_for_channel_mix: int = _t(
        4, "steps",
        "Below this many steps the channel-mix check is not applied.")
    max_gap_days: int = _t(
        21, "days",
        "A silence longer than this between two steps lets the prospect forget you; the next "
        "touch starts from zero.")
    min_days_between_repeats: int = _t(
        21, "days",
        "Delivering the same touch again sooner than this feels like a resend, not a new reason "
        "to talk.")
    min_distinct_touch_share: float = _t(
        0.5, "share of steps",
        "A cadence whose steps deliver fewer different touches than this share of its steps "
        "repeats itself: the prospect keeps getting the same thing.")
    min_accounts_for_tiers: int = _t(
        5, "accounts",
        "With at least this many target accounts, the plan is expected to use tiers and to name "
        "its dream clients.")
    max_dream_share: float = _t(
        0.4, "share of accounts",
        "When more than this share of accounts is tier A, the dream-client list is not a choice "
        "any more: the extra care cannot be given to all of them.")
    min_self_mentions_for_pitch: int = _t(
        3, "mentions",
        "An objection's response that speaks of us (we, our, us, our company's name) at least this "
        "many times, and more often than of the client (you, your), is a pitch, not a question.")
    max_hints: int = _t(
        5, "hints",
        "How many fixes `raise_score_hints` lists (those that raise the overall score most).")
    # --- the coach on actuals (prospector/review) ---
    outcome_window_weeks: int = _t(
        3, "weeks",
        "The weeks the coach on actuals looks back over (the week reviewed and those before): "
        "long enough for a cadence's touches to bring a meeting, short enough to act on.")
    volume_without_outcome_touches: int = _t(
        60, "touches",
        "A rep who logged at least this many touches in `outcome_window_weeks` weeks without a "
        "single meeting is busy without result: the touches' value, not their number, is what "
        "to look at.")
    cold_weeks: int = _t(
        3, "weeks",
        "A dream client (tier A) with no touch, meeting or opportunity logged for this many "
        "weeks has gone cold, once its schedule has started.")
    pace_behind_share: float = _t(
        0.6, "share of planned touches",
        "A rep who logged less than this share of the touches the plan set (the touches "
        "target's goal, or the schedule's touches when more), from the start to the week "
        "reviewed, is far behind the cadence's pace: the prospects are not getting the "
        "campaign the plan promised.")
    pace_min_planned: int = _t(
        20, "touches",
        "Below this many planned touches to date the pace is not judged (the first days).")
    opportunity_meeting_days: int = _t(
        30, "days",
        "An opportunity meets the plan's definition when a meeting with its account was logged "
        "on its creation day or this many days before: the first meeting that qualified it.")


@dataclass(frozen=True, slots=True)
class Scoring:
    """How findings turn into a readiness score (0-100) per section and overall."""

    blocker_weight: int = _t(
        60, "points",
        "Points a blocker rule takes from its section when it concerns every item (or the whole "
        "section).")
    warning_weight: int = _t(20, "points", "Same, for a warning rule.")
    tip_weight: int = _t(5, "points", "Same, for a tip.")
    share_floor: float = _t(
        0.5, "fraction",
        "A rule that concerns only some items of a section takes weight x (floor + (1 - floor) x "
        "share of items concerned): the first item counts for half, all items for the full "
        "weight.")
    ready_score: int = _t(
        85, "points",
        "An overall score at or above this, with no blocker, reads \"ready for the sales force\".")
    blocker_section_cap: int = _t(
        30, "points",
        "A section with a blocker scores at most this much, however good the rest is.")
    blocker_overall_penalty: int = _t(
        10, "points",
        "Taken from the overall score for every blocker rule that fires, so no plan with a "
        "blocker looks nearly ready.")
    weakest_section_share: float = _t(
        0.3, "fraction",
        "Share of the overall score that comes from the weakest section (the rest is the "
        "weighted mean), so one weak part cannot hide behind strong ones.")
    section_weights: tuple[tuple[str, float], ...] = _t(
        tuple((section.key, section.weight) for section in SECTIONS),
        "weights",
        "Weights of the sections in the mean. Targets, touches and the campaign weigh most: "
        "they are what reps execute.")

    def weight_of(self, severity: str) -> int:
        return {"blocker": self.blocker_weight, "warning": self.warning_weight,
                "tip": self.tip_weight}[severity]


THRESHOLDS = Thresholds()
SCORING = Scoring()


def documented(obj: Thresholds | Scoring) -> list[tuple[str, object, str, str]]:
    """``(name, value, unit, doc)`` for every field, in declaration order (for the docs)."""
    return [(f.name, getattr(obj, f.name), f.metadata["unit"], f.metadata["doc"])
            for f in fields(obj)]
