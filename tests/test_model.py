"""The plan model: what a leader may write, and the messages they get when something is wrong."""

import json

import pytest
from pydantic import ValidationError

from prospector.errors import PlanFileError, describe_validation_error
from prospector.migrations import migrate
from prospector.model import SCHEMA_VERSION, Channel, Plan
from prospector.planfile import parse_plan_text, plan_from_document, plan_to_document


def _doc(**sections):
    return {"format": "prospector-plan", "schema_version": SCHEMA_VERSION, "name": "Q1 push",
            **sections}


def _error(doc) -> str:
    with pytest.raises(PlanFileError) as caught:
        plan_from_document(doc, "plan.json")
    return str(caught.value)


def test_sample_plan_is_complete_and_believable(sample_plan):
    p = sample_plan
    tiers = {t: len(p.accounts_in_tier(t)) for t in "ABC"}
    assert 20 <= len(p.accounts) <= 30 and all(tiers.values()), tiers
    assert 3 <= len(p.personas) <= 5
    assert 8 <= len(p.touches) <= 12
    assert len({t.channel for t in p.touches}) >= 4
    assert 4 <= len(p.differentiators) <= 6
    assert all(d.proof and d.why_it_matters for d in p.differentiators)
    longest = max(p.cadences, key=lambda c: len(c.steps))
    assert 10 <= len(longest.steps) <= 14 and 75 <= longest.span_days <= 100
    assert any(t.creates_opportunities for t in p.accountability.targets)
    assert len(p.reps) == 3 and all(r.account_ids for r in p.reps)
    assert "lorem" not in json.dumps(plan_to_document(p)).lower()


def test_round_trip_through_the_document_keeps_every_field(sample_doc):
    plan = plan_from_document(sample_doc, "sample")
    assert plan_to_document(plan) == sample_doc


def test_plan_file_starts_with_format_version_and_name(sample_plan):
    keys = list(plan_to_document(sample_plan))
    assert keys[:3] == ["format", "schema_version", "name"]


def test_wrong_tier_names_account_and_field():
    msg = _error(_doc(accounts=[{"name": "Haldorsen Metal", "tier": "D"}]))
    assert ("plan.json: accounts[0] (Haldorsen Metal).tier: must be one of A, B or C (got 'D')"
            in msg)


def test_wrong_type_names_the_field_and_what_is_expected():
    msg = _error(_doc(accounts=[{"name": "Acme", "employees": "lots"}]))
    assert "accounts[0] (Acme).employees: must be a whole number (got 'lots')" in msg


def test_unknown_channel_lists_the_channels():
    msg = _error(_doc(touches=[{"title": "Fax blast", "channel": "fax"}]))
    assert "touches[0] (Fax blast).channel" in msg and "email" in msg and "'fax'" in msg


def test_missing_required_name():
    msg = _error({"format": "prospector-plan", "schema_version": SCHEMA_VERSION})
    assert "name: is required but missing" in msg


def test_blank_name_is_refused():
    assert "name: must not be empty" in _error(_doc(name="   "))


def test_unknown_field_is_reported_not_silently_dropped():
    msg = _error(_doc(accounts=[{"name": "Acme", "teir": "A"}]))
    assert "accounts[0] (Acme).teir: is not a field Prospector knows" in msg


def test_bad_date_and_end_before_start():
    assert "basics.start_date: must be a date written YYYY-MM-DD (got '31/01/2027')" in _error(
        _doc(basics={"start_date": "31/01/2027"})
    )
    assert "the end date is before the start date" in _error(
        _doc(basics={"start_date": "2027-02-01", "end_date": "2027-01-01"})
    )


def test_brand_colour_and_email_are_checked():
    assert "#RRGGBB" in _error(_doc(basics={"brand_colour": "blue"}))
    assert "is not an email address" in _error(_doc(reps=[{"name": "Ann", "email": "ann-at-x"}]))


def test_broken_references_are_named():
    msg = _error(_doc(reps=[{"name": "Ann", "account_ids": ["acc-missing"]}]))
    assert "reps[0].account_ids: no account has id 'acc-missing'" in msg
    msg = _error(_doc(cadences=[{"name": "A", "steps": [{"day": 0, "channel": "email",
                                                          "touch_id": "t9"}]}]))
    assert "cadences[0].steps[0].touch_id: no touch has id 't9'" in msg


def test_duplicate_ids_are_refused():
    msg = _error(_doc(accounts=[{"id": "a", "name": "X"}, {"id": "a", "name": "Y"}]))
    assert "accounts[1].id: 'a' is used twice" in msg


def test_negative_day_offset_is_refused():
    msg = _error(_doc(cadences=[{"name": "A", "steps": [{"day": -3, "channel": "email"}]}]))
    assert "cadences[0] (A).steps[0].day: must be at least 0 (got -3)" in msg


def test_not_a_plan_file():
    assert "is not a Prospector plan file" in _error({"format": "something-else", "name": "x"})
    assert "expected a JSON object, found a list" in _error([1, 2])


def test_broken_json_names_line_and_column():
    with pytest.raises(PlanFileError, match=r"plan.json: is not valid JSON \(line 2, column 1"):
        parse_plan_text('{"name": "x",\n}', "plan.json")


def test_too_new_schema_version_says_to_update():
    assert "newer than this Prospector reads" in _error(_doc(schema_version=SCHEMA_VERSION + 1))


def test_whitespace_is_trimmed_and_text_keeps_unicode():
    plan = Plan.model_validate(_doc(name="  Ørsted — Βήτα Плaн 🚀  "))
    assert plan.name == "Ørsted — Βήτα Плaн 🚀"


def test_edits_are_validated_on_assignment(sample_plan):
    with pytest.raises(ValueError):
        sample_plan.accounts[0].tier = "Z"


def test_cadence_for_account_picks_the_tier_cadence(sample_plan):
    for account in sample_plan.accounts:
        cadence = sample_plan.cadence_for(account)
        assert cadence is not None
        assert not cadence.tiers or account.tier in cadence.tiers


def test_channels_have_labels():
    assert Channel("in_person").label == "In person"


# --- migrations -------------------------------------------------------------------------------
V1 = {
    "format": "prospector-plan",
    "schema_version": 1,
    "name": "Draft plan",
    "accounts": [{"id": "acc-1", "name": "Haldorsen Metal", "tier": "A"},
                 {"id": "acc-2", "name": "Brio Foods", "tier": "B"}],
    "cadence": {"steps": [{"day": 0, "channel": "email"}, {"day": 5, "channel": "phone"}]},
    "reps": [{"name": "Ann", "accounts": ["haldorsen metal", "Brio Foods"]}],
}


def test_version_1_migrates_single_cadence_and_rep_accounts():
    plan = plan_from_document(V1, "old.json")
    assert plan.schema_version == SCHEMA_VERSION
    assert [c.name for c in plan.cadences] == ["Main cadence"]
    assert [s.day for s in plan.cadences[0].steps] == [0, 5]
    assert plan.reps[0].account_ids == ["acc-1", "acc-2"]


def test_migration_leaves_the_input_untouched():
    before = json.dumps(V1, sort_keys=True)
    migrate(V1)
    assert json.dumps(V1, sort_keys=True) == before


def test_missing_schema_version_is_read_as_version_1():
    doc = {k: v for k, v in V1.items() if k != "schema_version"}
    assert plan_from_document(doc, "old.json").cadences[0].name == "Main cadence"


def test_version_2_text_dates_and_numbers_the_current_rules_refuse_are_repaired():
    doc = {"format": "prospector-plan", "schema_version": 2, "name": "Old\x00 plan",
           "basics": {"goal": "Tab\tand\nline kept, bell\x07 and DEL\x7f dropped",
                      "offering": "half \udc80 a character", "start_date": "1999-12-31",
                      "end_date": "2027-06-30"},
           "accountability": {"targets": [{"metric": "Meetings", "per_rep": float("inf")}]},
           "reps": [{"name": "Ann", "start_date": "9999-01-04"}]}
    repairs: list[str] = []
    plan = plan_from_document(doc, "old.json", repairs)
    assert plan.name == "Old plan"
    assert plan.basics.goal == "Tab\tand\nline kept, bell and DEL dropped"
    assert plan.basics.offering == "half \ufffd a character"
    assert plan.basics.start_date is None and plan.basics.end_date.isoformat() == "2027-06-30"
    assert plan.accountability.targets[0].per_rep == 0
    assert plan.reps[0].start_date is None
    assert repairs == [
        "name: 1 control character removed",
        "basics.goal: 2 control characters removed",
        "basics.offering: 1 half character shown as \ufffd",
        "basics.start_date: 1999-12-31 is outside 2000-01-01 to 2199-12-31 and was cleared",
        "accountability.targets[0].per_rep: inf is not a number a plan can use and was set to 0",
        "reps[0].start_date: 9999-01-04 is outside 2000-01-01 to 2199-12-31 and was cleared",
    ]


def test_version_1_rep_accounts_that_name_no_account_are_reported():
    repairs: list[str] = []
    doc = {**V1, "reps": [{"name": "Ann", "accounts": ["Brio Foods", "Gone Ltd", "Old Co"]}]}
    plan = plan_from_document(doc, "old.json", repairs)
    assert plan.reps[0].account_ids == ["acc-2"]
    assert repairs == ["reps[0].accounts: no account of the plan is named 'Gone Ltd', 'Old Co'; "
                       "left out of the rep's accounts"]


def test_the_same_text_in_a_current_document_is_refused_not_repaired():
    with pytest.raises(PlanFileError, match=r"basics\.goal.*U\+0007.*control character"):
        plan_from_document({"format": "prospector-plan", "schema_version": SCHEMA_VERSION,
                            "name": "New", "basics": {"goal": "bell\x07"}}, "new.json")


def test_a_version_4_plan_opens_with_empty_sales_conversations(sample_doc):
    doc = {k: v for k, v in sample_doc.items()
           if k not in ("objections", "questions", "qualification")}
    repairs: list[str] = []
    plan = plan_from_document({**doc, "schema_version": 4}, "v4.json", repairs)
    assert plan.schema_version == SCHEMA_VERSION and repairs == []
    assert plan.objections == [] and plan.questions == [] and plan.qualification.criteria == []
    assert [a.id for a in plan.accounts] == [a["id"] for a in sample_doc["accounts"]]


def test_an_objection_proved_by_a_missing_differentiator_is_refused(sample_doc):
    doc = {**sample_doc, "objections": [{"says": "Not now", "differentiator_id": "dif-gone"}]}
    with pytest.raises(PlanFileError, match=r"objections\[0\]\.differentiator_id.*dif-gone"):
        plan_from_document(doc, "plan.json")


def test_current_documents_pass_through_migration_unchanged(sample_doc):
    assert migrate(sample_doc) == sample_doc


def test_a_validation_message_is_one_printable_line_whatever_the_names_it_quotes():
    doc = {"name": "P", "accounts": [{"id": "acc-1", "name": "Acme\nSUMMARY:x \ud800\x1b[2J",
                                      "tier": "D"}]}
    with pytest.raises(ValidationError) as caught:
        Plan.model_validate(doc)
    message = describe_validation_error(caught.value, doc)
    assert "\n" not in message and "\x1b" not in message
    message.encode("utf-8")  # no lone surrogate: printing it cannot fail
    assert message.startswith("accounts[0] (Acme SUMMARY:x")
