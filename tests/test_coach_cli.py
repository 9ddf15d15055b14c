"""``prospector check``: text for people, JSON for tools, --strict for CI, and three weak plans
that must read the way an experienced sales leader would put it."""

import json

import pytest

from prospector.cli import main
from prospector.resources import sample_plan_path

CHECKING_IN_PLAN = {
    "format": "prospector-plan", "schema_version": 2, "name": "Checking-in plan",
    "basics": {"goal": "Get more meetings", "owner": "Pat"},
    "ideal_client_profile": {"industries": ["Manufacturing"]},
    "accounts": [{"id": "a1", "name": "Acme", "tier": "A", "why": "Big"},
                 {"id": "a2", "name": "Globex", "tier": "B"}],
    "personas": [{"id": "p1", "role": "COO"}, {"id": "p2", "role": "CFO"}],
    "touches": [
        {"id": "t1", "title": "Check-in email", "channel": "email", "value": "Just checking in.",
         "persona_ids": ["p1"],
         "message": "Hi {{first_name}}, I hope you're well. Just checking in to see if you had a "
                    "chance to look at my last email. Would love to touch base this week."},
        {"id": "t2", "title": "Follow-up call", "channel": "phone", "value": "",
         "persona_ids": ["p1"],
         "message": "Just following up on my last email. Can we circle back on this?"},
        {"id": "t3", "title": "LinkedIn bump", "channel": "social",
         "value": "Bumping this to the top of their inbox", "persona_ids": ["p1"],
         "message": "Hi, bumping this to the top of your inbox. We are an industry-leading "
                    "provider."},
    ],
    "cadences": [{"id": "c1", "name": "Standard", "steps": [
        {"day": 0, "channel": "email", "touch_id": "t1", "objective": "Intro"},
        {"day": 2, "channel": "email", "touch_id": "t1", "objective": "Check in"},
        {"day": 4, "channel": "email", "touch_id": "t3", "objective": "Just checking in"},
        {"day": 7, "channel": "phone", "touch_id": "t2", "objective": "Book a meeting"}]}],
    "accountability": {"targets": [
        {"metric": "Calls made", "kind": "activity", "per_rep": 50},
        {"metric": "Meetings booked", "kind": "outcome", "per_rep": 2}]},
    "reps": [{"id": "r1", "name": "Sam", "account_ids": ["a1", "a2"]},
             {"id": "r2", "name": "Alex"}],
}

BLITZ_PLAN = {
    "format": "prospector-plan", "schema_version": 2, "name": "Quick blitz",
    "basics": {"goal": "20 first meetings by March", "roles": "AEs prospect; AMs serve clients."},
    "ideal_client_profile": {"industries": ["Logistics"], "trigger_events": ["New warehouse"],
                             "disqualifiers": ["Under 50 staff"]},
    "accounts": [
        {"id": "a1", "name": "Acme Freight", "tier": "A",
         "why": "Opening two new cross-dock hubs in 2027 and hiring 40 planners.",
         "contacts": [{"name": "Jo Lind", "title": "COO", "persona_id": "p1"}]},
        {"id": "a2", "name": "Beta Haulage", "tier": "C",
         "why": "New COO from a 3PL that uses route optimisation."}],
    "personas": [{"id": "p1", "role": "COO", "cares_about": ["On-time delivery"]}],
    "touches": [
        {"id": "t1", "title": "Late-delivery benchmark", "channel": "email", "persona_ids": ["p1"],
         "value": "Shows their on-time rate against 80 regional carriers and the two causes behind "
                  "most late loads.",
         "message": "{{first_name}}, the regional median on-time rate is 91%; the top quartile is "
                    "97%. Page 2 shows the two causes behind most late loads at carriers like "
                    "{{company}}."},
        {"id": "t2", "title": "Call about the benchmark", "channel": "phone", "persona_ids": ["p1"],
         "value": "Helps them put a cost on one late load: penalties, re-delivery, lost lanes.",
         "message": "{{first_name}}, do you know what one late load costs {{company}}?"}],
    "differentiators": [{
        "id": "d1",
        "difference": "Plans routes around live dock capacity, not only traffic, so trucks never "
                      "queue.",
        "why_it_matters": "Fewer late loads and no idle drivers.",
        "proof": "Nordfrakt: on-time from 90% to 96% in 4 months.",
        "alternative": "Route planners that ignore the dock."}],
    "cadences": [{"id": "c1", "name": "Blitz", "steps": [
        {"day": 0, "channel": "email", "touch_id": "t1", "objective": "Send the benchmark"},
        {"day": 3, "channel": "phone", "touch_id": "t2",
         "objective": "Talk about the cost of a late load"},
        {"day": 10, "channel": "email", "touch_id": "t1", "objective": "Resend the benchmark"}]}],
    "accountability": {
        "targets": [{"metric": "First meetings held", "kind": "outcome", "per_rep": 2,
                     "creates_opportunities": True},
                    {"metric": "Value-creating touches", "kind": "activity", "per_rep": 40}],
        "review": "Monday 9:00, 15 minutes."},
    "reps": [{"id": "r1", "name": "Sam", "account_ids": ["a1", "a2"]}],
}


def generic_plan(sample_doc: dict) -> dict:
    """The sample plan, with differentiators a coach would send back."""
    doc = json.loads(json.dumps(sample_doc))
    doc["name"] = "Generic pitch"
    doc["differentiators"] = [
        {"id": "d1", "difference": "Great service and a customer-centric team"},
        {"id": "d2", "difference": "Industry-leading, high-quality analytics",
         "why_it_matters": "Clients get better insights", "proof": "Proven in many projects",
         "alternative": "Competitors"},
        {"id": "d3", "difference": "Our people"},
        sample_doc["differentiators"][0],
    ]
    for objection in doc["objections"]:  # the sample's other differentiators are gone
        if objection["differentiator_id"]:
            objection["differentiator_id"] = sample_doc["differentiators"][0]["id"]
    return doc


def weak_conversations_plan(sample_doc: dict) -> dict:
    """The sample plan, with objections, questions and a definition a coach would send back."""
    doc = json.loads(json.dumps(sample_doc))
    doc["name"] = "Weak conversations"
    doc["objections"] = [
        {"id": "o1", "says": "We're happy with our current vendor.",
         "response": "Actually, our platform predicts failures weeks ahead and our gateway is "
                     "outbound-only. We connect to any PLC in six weeks."},
        {"id": "o2", "says": "Send me a brochure.",
         "response": "Happy to. I'll send it today and call you on Thursday.",
         "proof": "Brandtner: 31% fewer stops in year one."},
        {"id": "o3", "says": "IT will never allow it."},
    ]
    doc["questions"] = [
        {"id": "q1", "question": "Are you happy with your current supplier?"},
        {"id": "q2", "question": "Have you heard of Northwind?"},
        {"id": "q3", "question": "How do you decide which machines get sensors?"},
    ]
    doc["qualification"] = {"framework": "bant", "criteria": [
        {"name": "Budget", "must_show": "Money is set aside, or the buyer says where it comes "
                                        "from."},
        {"name": "Authority"}]}
    return doc


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def read(capsys, *argv) -> str:
    """The text report with line wraps undone, to assert on whole sentences."""
    code, out, err = run(capsys, *argv)
    assert code == 0 and err == ""
    return " ".join(out.split())


@pytest.fixture
def plan_file(tmp_path):
    def write(doc: dict, name: str = "plan.json"):
        path = tmp_path / name
        path.write_text(json.dumps(doc), "utf-8")
        return str(path)
    return write


def test_check_sample_as_text(capsys):
    code, out, err = run(capsys, "check", str(sample_plan_path()))
    assert code == 0 and err == ""
    assert ("Readiness 100/100 (what is written scores 100/100, the plan is 100% complete): "
            "ready for the sales force") in out
    assert "Nothing to flag" in out


def test_check_sample_strict_passes(capsys):
    assert run(capsys, "check", str(sample_plan_path()), "--strict")[0] == 0


def test_check_a_stored_plan_by_name(capsys, sample_doc):
    run(capsys, "import", "--sample")
    code, out, _ = run(capsys, "check", sample_doc["name"])
    assert code == 0 and sample_doc["name"] in out


def test_json_is_for_tools(capsys, plan_file):
    code, out, _ = run(capsys, "check", plan_file(CHECKING_IN_PLAN), "--format", "json")
    assert code == 0  # blockers only fail with --strict
    doc = json.loads(out)
    assert doc["plan"] == {"id": doc["plan"]["id"], "name": "Checking-in plan"}
    assert set(doc) >= {"overall", "ready", "verdict", "counts", "section_scores", "findings",
                        "raise_score_hints"}
    assert doc["ready"] is False and doc["counts"]["blocker"] >= 3
    for finding in doc["findings"]:
        assert set(finding) == {"rule_id", "severity", "section", "item", "field", "row",
                                "message", "why", "fix"}
    t1 = [f for f in doc["findings"] if f["item"]["id"] == "t1"]
    assert {"touch-no-value", "touch-empty-phrase"} <= {f["rule_id"] for f in t1}
    assert t1[0]["item"]["label"] == "Check-in email"
    assert doc["raise_score_hints"][0]["gain"] > 0


def test_strict_fails_on_blockers_only(capsys, plan_file, sample_doc):
    assert run(capsys, "check", plan_file(CHECKING_IN_PLAN), "--strict")[0] == 1
    assert run(capsys, "check", plan_file(generic_plan(sample_doc)), "--strict")[0] == 0


def test_errors_are_one_clear_line(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "missing.json"))
    assert code == 1 and out == ""
    assert err.startswith("prospector: error:") and "Traceback" not in err
    code, _, err = run(capsys, "check", "no such stored plan")
    assert code == 1 and err.startswith("prospector: error:")


def test_help_explains_the_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert "--strict" in out and "--format" in out and "blocker" in out


# --- weak plans: what an experienced sales leader would say -----------------------------------
def test_a_plan_of_checking_in_touches(capsys, plan_file):
    out = read(capsys, "check", plan_file(CHECKING_IN_PLAN))
    assert "not ready (fix the blockers first)" in out
    assert ("“Check-in email” offers only “Just checking in”: the client gets nothing from it."
            in out)
    assert "“Follow-up call” states no value" in out
    assert ("“Check-in email” leans on “Check-in”, “hope you're well”, “Just checking in” and "
            "1 more (in its title and message)") in out
    assert ("“Follow-up call” leans on “Follow-up call”, “Just following up” and “circle back”"
            in out)
    assert "In “Standard”, the objective on days 2 and 4 is “Check in”." in out
    assert "“Standard” never asks for a meeting" in out
    assert "“Book a meeting”) reads like an ask" in out
    assert "“Meetings booked” looks like opportunity creation" in out
    assert "The reason for Acme (“Big”) is too thin to open with." in out
    assert "Alex has no accounts." in out
    assert "WHAT WOULD RAISE THE WRITTEN SCORE MOST" in out


def test_a_three_touch_ten_day_cadence_with_no_ask(capsys, plan_file):
    out = read(capsys, "check", plan_file(BLITZ_PLAN))
    assert "CAMPAIGN CADENCE" in out
    assert "“Blitz” never asks for a meeting (3 steps, no ask)." in out
    assert "“Blitz” stops after 3 touches." in out
    assert "“Blitz” is over in 10 days." in out
    assert "“Blitz” sends “Late-delivery benchmark” again after 10 days" in out
    # a plan from before the sales conversations hears about each of their sections once
    assert "The campaign has no objection library" in out
    assert "The campaign has no discovery questions for the meetings it earns." in out
    assert ("“First meetings held” counts opportunities with no definition: every rep will count "
            "differently.") in out
    assert "The plan has no strategy." in out
    # the rest of this plan is sound: nothing else is flagged
    assert out.count("[X]") + out.count("[!]") + out.count("[i]") == 8


def test_generic_differentiators(capsys, plan_file, sample_doc):
    out = read(capsys, "check", plan_file(generic_plan(sample_doc)))
    assert "nearly ready" in out
    assert ("“Great service and a customer-centric team” rests on “Great service” and "
            "“customer-centric”: every competitor says the same.") in out
    assert "“Industry-leading, high-quality analytics” rests on" in out
    assert "“Our people” is a label, not a difference a rep can explain." in out
    assert "“Our people” has no proof." in out
    assert "does not say why it matters to the client" in out
    assert "Predicts failures" not in out  # the sample's differentiator passes
    assert "0 blockers" in out and "Differentiation" in out


def test_weak_sales_conversations(capsys, plan_file, sample_doc):
    out = read(capsys, "check", plan_file(weak_conversations_plan(sample_doc)))
    assert "nearly ready" in out and "0 blockers" in out
    assert ("The response to “We're happy with our current vendor.” opens with “Actually”: it "
            "argues with the client.") in out
    assert "The response to “Send me a brochure.” asks the client nothing." in out
    assert "“IT will never allow it.” has no response" in out
    assert "The response to “We're happy with our current vendor.” points to no proof." in out
    assert "“IT will never allow it.” points" not in out  # its missing response says it all
    assert ("The library has no response to “no budget”, “not now” and “just send an e-mail”: "
            "every prospecting campaign meets them.") in out
    assert "“Are you happy with your current supplier?” can be answered with a yes or a no." in out
    assert "“Have you heard of Northwind?” is about us, not about the client." in out
    assert "“Have you heard of Northwind?” can be answered" not in out  # about us says it all
    assert "How do you decide" not in out  # an open question about the client passes
    assert "No discovery question is written for the Head of IT/OT" not in out  # q1-q3: everyone
    assert "“Authority” does not say what the first meeting must show." in out


def test_long_lists_are_shortened_in_text_but_complete_in_json(capsys, plan_file, sample_doc):
    doc = json.loads(json.dumps(sample_doc))
    for account in doc["accounts"]:
        account["why"] = ""
    path = plan_file(doc)
    _, out, _ = run(capsys, "check", path)
    assert "… and 18 more" in out
    _, out, _ = run(capsys, "check", path, "--format", "json")
    assert sum(f["rule_id"] == "account-no-why" for f in json.loads(out)["findings"]) == 26


def test_touches_that_ask_for_time_or_talk_about_us_and_a_plan_without_direction(
        capsys, plan_file, sample_doc):
    doc = json.loads(json.dumps(sample_doc))
    doc["touches"][0]["value"] = "Reaching out again to see if they'd be open to a quick chat."
    doc["touches"][1]["value"] = "Offer a 30-minute demo of our features."
    doc["touches"][2]["value"] = ("Follow up the roundtable with the benchmark of the eight plants "
                                  "that attended.")
    doc["basics"].update(goal="Win more dream clients", strategy="",
                         roles="Everyone helps where they can.")
    out = read(capsys, "check", plan_file(doc))
    assert "not ready (fix the blockers first)" in out
    assert ("“Downtime benchmark for their sector” asks for their time (“Reaching out”) and gives "
            "them nothing about their business.") in out
    assert ("“Field note: one failure mode, explained by an engineer” is about us (“demo”), not "
            "about the client's business.") in out
    assert "Phone: what one hour of stop costs" not in out  # a follow-up that brings a benchmark
    assert "The goal (“Win more dream clients”) has no number to measure it by." in out
    assert "The plan has no strategy." in out
    assert "The roles (“Everyone helps where they can.”) do not say who prospects." in out
